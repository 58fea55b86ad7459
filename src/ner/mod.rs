//! Named-entity recognition for German: a trained sequence tagger built
//! into the binary.
//!
//! An averaged structured perceptron ([`train`]) over hashed features
//! ([`features`]: word forms, shapes, affixes, a ±2 window, list
//! memberships from [`gazetteer`], character trigrams of rare capitalised
//! words, word classes learned from unlabelled text), decoded by a
//! BIOES-constrained Viterbi ([`decode`]). The model
//! is trained on GermEval 2014 by `copydesk train ner`, committed as
//! `models/ner-de.bin` and embedded; [`Model::embedded`] loads it once.
//!
//! [`tag_document`] is what the rest of copydesk calls: it tags every
//! sentence of a tokenized document, then makes repeated names in the
//! document agree ([`document`]).

pub mod cli;
pub mod data;
pub mod decode;
mod document;
pub(crate) use document::is_given_name;
mod brown;
pub mod eval;
pub mod features;
pub mod gazetteer;
pub mod hash;
pub mod labels;
mod memo;
pub use memo::set_enabled as set_sentence_memo;
pub mod model;
pub mod text;
pub mod train;
pub mod wordtable;

use std::cell::RefCell;
use std::ops::Range;

pub use labels::{EntityKind, EntityType, MentionForm};
pub use model::Model;

use crate::tokenize::Tokens;

/// A span of text the tagger takes for a name.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Mention {
    /// Byte span in the document text.
    pub span: Range<usize>,
    /// Token indices (into `Tokens::tokens`).
    pub tokens: Range<usize>,
    pub kind: EntityKind,
    /// A name ("Russland"), a derived word ("russische") or a word that
    /// contains a name ("Russland-Politik").
    pub form: MentionForm,
    /// In [0.5, 1): how clearly the tagger preferred this reading over
    /// the best alternative; lower for mentions added by the document
    /// pass.
    pub confidence: f32,
}

thread_local! {
    static SCRATCH: RefCell<model::TagScratch> = RefCell::new(model::TagScratch::default());
}

/// Tags the sentences of one document and returns its mentions, sorted
/// by position. Empty when the binary carries no model.
pub fn tag_document(text: &str, tokens: &Tokens) -> Vec<Mention> {
    match Model::embedded() {
        Some(m) => tag_document_with(m, text, tokens),
        None => Vec::new(),
    }
}

/// [`tag_document`] with a given model.
pub fn tag_document_with(model: &Model, text: &str, tokens: &Tokens) -> Vec<Mention> {
    let memo = memo::enabled() && Model::embedded().is_some_and(|e| std::ptr::eq(e, model));
    SCRATCH.with(|s| {
        let mut s = s.borrow_mut();
        document::tag(model, text, tokens, &mut s, memo)
    })
}

/// Tags one sentence given as words; returns (token range, type,
/// confidence) per chunk.
pub fn tag_words(model: &Model, words: &[&str]) -> Vec<(Range<usize>, EntityType, f32)> {
    SCRATCH.with(|s| {
        let mut s = s.borrow_mut();
        let mut labels = Vec::new();
        let mut conf = Vec::new();
        model.tag(words, &mut s, &mut labels, Some(&mut conf));
        labels::chunks(&labels)
            .into_iter()
            .map(|c| {
                let cf = conf[c.start..c.end].iter().copied().fold(1.0f32, f32::min);
                (c.start..c.end, c.ty, cf)
            })
            .collect()
    })
}

#[cfg(test)]
mod tests;
