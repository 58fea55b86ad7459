//! The workspace vocabulary: how often each word occurs on its own across
//! the archive. A word the archive uses at least twice is taken as a word
//! (house names, brands, rare compounds), not as two glued words.

use std::collections::HashMap;

use crate::markup::{self, Format};
use crate::tokenize::{self, TokenKind, Tokens};

#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    counts: HashMap<Box<str>, u32>,
}

/// Occurrences from which a word counts as known.
pub const KNOWN_COUNT: u32 = 2;

impl Vocabulary {
    pub fn new() -> Vocabulary {
        Vocabulary::default()
    }

    /// Builds the vocabulary of several documents.
    pub fn from_texts<'a>(docs: impl IntoIterator<Item = (&'a str, Format)>) -> Vocabulary {
        let mut v = Vocabulary::new();
        for (text, format) in docs {
            v.add_text(text, format);
        }
        v
    }

    pub fn add_text(&mut self, text: &str, format: Format) {
        let prose = markup::extract(text, format);
        let tokens = tokenize::tokenize(text, &prose);
        self.add_tokens(text, &tokens);
    }

    /// Counts the word tokens, and the last part of hyphenated words.
    pub fn add_tokens(&mut self, text: &str, tokens: &Tokens) {
        for t in &tokens.tokens {
            if t.kind != TokenKind::Word {
                continue;
            }
            let w = t.text(text);
            self.add(w);
            if let Some(i) = w.rfind('-') {
                let last = &w[i + 1..];
                if !last.is_empty() {
                    self.add(last);
                }
            }
        }
    }

    pub fn add(&mut self, w: &str) {
        if let Some(c) = self.counts.get_mut(w) {
            *c += 1;
        } else {
            self.counts.insert(w.into(), 1);
        }
    }

    /// Merges another vocabulary's counts into this one.
    pub fn merge(&mut self, other: &Vocabulary) {
        for (w, c) in &other.counts {
            *self.counts.entry(w.clone()).or_default() += c;
        }
    }

    pub fn count(&self, w: &str) -> u32 {
        self.counts.get(w).copied().unwrap_or(0)
    }

    /// Used at least [`KNOWN_COUNT`] times.
    pub fn known(&self, w: &str) -> bool {
        self.count(w) >= KNOWN_COUNT
    }

    pub fn len(&self) -> usize {
        self.counts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }
}
