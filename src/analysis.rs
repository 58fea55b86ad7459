//! `analyze`: one document's text in, plain values out.
//!
//! This is the boundary the rest of copydesk is built around: the CLI and
//! the language server both call [`analyze`] and only translate its result,
//! so `copydesk check` and the editor always agree. Nothing here knows about
//! LSP, files on disk or threads.

use std::path::Path;

use crate::config::{Language, Settings};
use crate::markup::{self, Format, Prose};
use crate::ner::{self, Mention};
use crate::rules::{self, Ctx, Finding};
use crate::tokenize::{self, Tokens};

/// One document to analyse.
#[derive(Clone, Copy, Debug)]
pub struct DocInput<'a> {
    pub text: &'a str,
    /// Where the text lives, if anywhere (used for the document date and
    /// per-folder settings, never read).
    pub path: Option<&'a Path>,
    pub format: Format,
}

/// What the rest of the workspace contributes to one document's analysis
/// (vocabulary of the archive, knowledge base, …). Built by the CLI or the
/// language server, read-only here, cheap to clone (shared parts are `Arc`s).
#[derive(Clone, Debug, Default)]
pub struct Context {}

/// Everything copydesk knows about one document.
#[derive(Clone, Debug)]
pub struct DocAnalysis {
    pub format: Format,
    pub language: Language,
    pub prose: Prose,
    pub tokens: Tokens,
    /// Names found by the NER tagger (people, organisations, places,
    /// other), sorted by position. Empty for English documents until an
    /// English model exists.
    pub mentions: Vec<Mention>,
    /// Sorted by position.
    pub findings: Vec<Finding>,
}

pub fn analyze(input: &DocInput, settings: &Settings, context: &Context) -> DocAnalysis {
    let _ = context;
    let prose = markup::extract(input.text, input.format);
    let language = prose
        .front_matter
        .as_ref()
        .and_then(|fm| fm.get("lang").or_else(|| fm.get("language")))
        .and_then(|f| match f.value.to_ascii_lowercase().get(..2) {
            Some("de") => Some(Language::De),
            Some("en") => Some(Language::En),
            _ => None,
        })
        .unwrap_or(settings.language);
    let tokens = tokenize::tokenize(input.text, &prose);
    let cx = Ctx {
        text: input.text,
        prose: &prose,
        tokens: &tokens,
        settings,
    };
    let findings = rules::run_all(&cx);
    let mentions = match language {
        Language::De => ner::tag_document(input.text, &tokens),
        Language::En => Vec::new(),
    };
    DocAnalysis {
        format: input.format,
        language,
        prose,
        tokens,
        mentions,
        findings,
    }
}
