//! copydesk: a language server and command-line checker for news articles.
//!
//! See `ARCHITECTURE.md` for a walk through the code. In short: [`analysis`]
//! turns one document into plain values (tokens, findings) with byte spans;
//! [`workspace`] keeps many documents and their analyses; [`lsp`] and [`cli`]
//! translate those values for editors and terminals.

pub mod analysis;
pub mod cli;
pub mod config;
pub mod entities;
pub mod lexicon;
pub mod lsp;
pub mod markup;
pub mod ner;
pub mod rules;
pub mod text;
pub mod time;
pub mod tokenize;
pub mod workspace;
