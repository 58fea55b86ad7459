//! The workspace vocabulary: how often each word occurs on its own across
//! the archive. A word the archive uses at least twice is taken as a word
//! (house names, brands, rare compounds), not as two glued words.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::markup::{self, Format};
use crate::ner::hash;
use crate::tokenize::{self, TokenKind, Tokens};

/// An FxHash-style hasher for word keys. The glued-words rule asks the
/// vocabulary hundreds of thousands of times per pass over an archive, and
/// std's SipHash (resistance to crafted keys, which a user's own archive
/// does not need) was a tenth of its time.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, b: &[u8]) {
        // Whole-word loads, the last one overlapping, rather than a copy of
        // the tail into a buffer: words are short, so the tail is most of
        // the work.
        let n = b.len();
        let mut h = hash::mix(self.0, n as u64);
        if n >= 8 {
            let mut i = 0;
            while i + 8 < n {
                h = hash::mix(h, read_u64(b, i));
                i += 8;
            }
            h = hash::mix(h, read_u64(b, n - 8));
        } else if n >= 4 {
            h = hash::mix(h, read_u32(b, 0) | read_u32(b, n - 4) << 32);
        } else if n > 0 {
            h = hash::mix(
                h,
                u64::from(b[0]) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16,
            );
        }
        self.0 = h;
    }
    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.0 = hash::mix(self.0, u64::from(b));
    }
    #[inline]
    fn write_u64(&mut self, v: u64) {
        self.0 = hash::mix(self.0, v);
    }
    #[inline]
    fn finish(&self) -> u64 {
        // The table indexes by the low bits, which the multiply mixes least.
        hash::finish(self.0)
    }
}

#[inline]
fn read_u64(b: &[u8], i: usize) -> u64 {
    u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes"))
}

#[inline]
fn read_u32(b: &[u8], i: usize) -> u64 {
    u64::from(u32::from_le_bytes(b[i..i + 4].try_into().expect("4 bytes")))
}

/// A `HashMap` with [`WordHasher`].
pub type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Vocabulary {
    counts: WordMap<Box<str>, u32>,
    /// Adjacent word pairs separated by one space, by hash of "left right".
    pairs: WordMap<u64, u32>,
}

/// FNV-1a over "left right".
fn pair_key(l: &str, r: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in l.bytes().chain(std::iter::once(b' ')).chain(r.bytes()) {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
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
        let mut prev: Option<&crate::tokenize::Token> = None;
        for t in &tokens.tokens {
            if t.kind != TokenKind::Word {
                prev = None;
                continue;
            }
            let w = t.text(text);
            if let Some(p) = prev
                && p.end + 1 == t.start
                && text.as_bytes()[p.end as usize] == b' '
            {
                let l = p.text(text);
                let l = l.rsplit('-').next().unwrap_or(l);
                let r = w.split('-').next().unwrap_or(w);
                *self.pairs.entry(pair_key(l, r)).or_default() += 1;
            }
            prev = Some(t);
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
        for (k, c) in &other.pairs {
            *self.pairs.entry(*k).or_default() += c;
        }
    }

    pub fn count(&self, w: &str) -> u32 {
        self.counts.get(w).copied().unwrap_or(0)
    }

    /// How often "left right" occurs with one space between (the last
    /// hyphen part of the left word, the first of the right).
    pub fn pair_count(&self, l: &str, r: &str) -> u32 {
        if self.pairs.is_empty() {
            return 0;
        }
        self.pairs.get(&pair_key(l, r)).copied().unwrap_or(0)
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
