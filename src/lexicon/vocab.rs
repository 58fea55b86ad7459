//! The workspace vocabulary: how often each word occurs on its own across
//! the archive. A word the archive uses at least twice is taken as a word
//! (house names, brands, rare compounds), not as two glued words.
//!
//! A language server keeps the vocabulary of a large archive up to date
//! while the user types, so it is held in two layers: a shared base counted
//! once, and a small overlay of the changes since (see
//! [`Vocabulary::updated`]). The glued-words rule records which entries it
//! looked at ([`VocabularyUse`]), so after a change only the documents that
//! looked at a changed entry need a new analysis.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

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

/// Word and word-pair occurrences of some texts. Signed, so that the
/// difference between two states of a document is a `Counts` too.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counts {
    words: WordMap<Box<str>, i64>,
    /// Adjacent word pairs separated by one space, by hash of "left right".
    pairs: WordMap<u64, i64>,
}

/// FNV-1a over "left right".
fn pair_key(l: &str, r: &str) -> u64 {
    fnv(l.bytes().chain(std::iter::once(b' ')).chain(r.bytes()))
}

/// FNV-1a over a word: the key under which a lookup is recorded.
fn word_key(w: &str) -> u64 {
    fnv(w.bytes())
}

fn fnv(bytes: impl Iterator<Item = u8>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Occurrences from which a word counts as known.
pub const KNOWN_COUNT: u32 = 2;

impl Counts {
    /// The counts of one document.
    pub fn of_text(text: &str, format: Format) -> Counts {
        let mut c = Counts::default();
        c.add_text(text, format, 1);
        c
    }

    /// Adds (`sign` 1) or removes (`sign` -1) one document's words.
    pub fn add_text(&mut self, text: &str, format: Format, sign: i64) {
        let prose = markup::extract(text, format);
        let tokens = tokenize::tokenize(text, &prose);
        self.add_tokens(text, &tokens, sign);
    }

    /// Counts the word tokens, and the last part of hyphenated words.
    pub fn add_tokens(&mut self, text: &str, tokens: &Tokens, sign: i64) {
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
                *self.pairs.entry(pair_key(l, r)).or_default() += sign;
            }
            prev = Some(t);
            self.add_word(w, sign);
            if let Some(i) = w.rfind('-') {
                let last = &w[i + 1..];
                if !last.is_empty() {
                    self.add_word(last, sign);
                }
            }
        }
    }

    fn add_word(&mut self, w: &str, n: i64) {
        if let Some(c) = self.words.get_mut(w) {
            *c += n;
        } else {
            self.words.insert(w.into(), n);
        }
    }

    /// Adds `other` times `sign`, dropping entries that reach zero.
    pub fn merge(&mut self, other: &Counts, sign: i64) {
        for (w, c) in &other.words {
            let e = self.words.entry(w.clone()).or_default();
            *e += c * sign;
            if *e == 0 {
                self.words.remove(w);
            }
        }
        for (k, c) in &other.pairs {
            let e = self.pairs.entry(*k).or_default();
            *e += c * sign;
            if *e == 0 {
                self.pairs.remove(k);
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.pairs.is_empty()
    }

    fn word(&self, w: &str) -> i64 {
        self.words.get(w).copied().unwrap_or(0)
    }

    fn pair(&self, k: u64) -> i64 {
        self.pairs.get(&k).copied().unwrap_or(0)
    }
}

#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    base: Arc<Counts>,
    /// Changes since the base was counted; small next to it.
    overlay: Counts,
}

/// The entries whose counts an update changed.
#[derive(Clone, Debug, Default)]
pub struct VocabularyChange {
    words: HashSet<u64>,
    pairs: HashSet<u64>,
}

impl VocabularyChange {
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.pairs.is_empty()
    }
}

/// The entries one analysis looked up, sorted. If none of them changed, the
/// analysis would come out the same with the new vocabulary.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VocabularyUse {
    words: Vec<u64>,
    pairs: Vec<u64>,
}

impl VocabularyUse {
    pub fn touched_by(&self, change: &VocabularyChange) -> bool {
        self.words.iter().any(|k| change.words.contains(k))
            || self.pairs.iter().any(|k| change.pairs.contains(k))
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.pairs.is_empty()
    }
}

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

    fn base_mut(&mut self) -> &mut Counts {
        Arc::make_mut(&mut self.base)
    }

    pub fn add_text(&mut self, text: &str, format: Format) {
        self.base_mut().add_text(text, format, 1);
    }

    pub fn add_tokens(&mut self, text: &str, tokens: &Tokens) {
        self.base_mut().add_tokens(text, tokens, 1);
    }

    pub fn add(&mut self, w: &str) {
        self.base_mut().add_word(w, 1);
    }

    /// Merges another vocabulary's counts into this one.
    pub fn merge(&mut self, other: &Vocabulary) {
        let base = self.base_mut();
        base.merge(&other.base, 1);
        base.merge(&other.overlay, 1);
    }

    /// This vocabulary with `change` added, and which entries it changed.
    /// The base is shared with `self`; only the overlay is copied, and it is
    /// folded into a new base once it grows large.
    pub fn updated(&self, change: &Counts) -> (Vocabulary, VocabularyChange) {
        let changed = VocabularyChange {
            words: change.words.keys().map(|w| word_key(w)).collect(),
            pairs: change.pairs.keys().copied().collect(),
        };
        let mut overlay = self.overlay.clone();
        overlay.merge(change, 1);
        let mut next = Vocabulary {
            base: self.base.clone(),
            overlay,
        };
        let size = next.overlay.words.len() + next.overlay.pairs.len();
        if size > 4096 && size * 4 > next.base.words.len() + next.base.pairs.len() {
            let overlay = std::mem::take(&mut next.overlay);
            next.base_mut().merge(&overlay, 1);
        }
        (next, changed)
    }

    pub fn count(&self, w: &str) -> u32 {
        let mut n = self.base.word(w);
        if !self.overlay.words.is_empty() {
            n += self.overlay.word(w);
        }
        n.clamp(0, u32::MAX as i64) as u32
    }

    /// How often "left right" occurs with one space between (the last
    /// hyphen part of the left word, the first of the right).
    pub fn pair_count(&self, l: &str, r: &str) -> u32 {
        if self.base.pairs.is_empty() && self.overlay.pairs.is_empty() {
            return 0;
        }
        self.pair_count_by_key(pair_key(l, r))
    }

    fn pair_count_by_key(&self, k: u64) -> u32 {
        (self.base.pair(k) + self.overlay.pair(k)).clamp(0, u32::MAX as i64) as u32
    }

    /// Used at least [`KNOWN_COUNT`] times.
    pub fn known(&self, w: &str) -> bool {
        self.count(w) >= KNOWN_COUNT
    }

    /// Words with a positive count.
    pub fn len(&self) -> usize {
        if self.overlay.words.is_empty() {
            return self.base.words.len();
        }
        let keys: HashSet<&str> = self
            .base
            .words
            .keys()
            .chain(self.overlay.words.keys())
            .map(|w| &**w)
            .collect();
        keys.into_iter().filter(|w| self.count(w) > 0).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Same counts for every word and pair, however the layers are split.
    pub fn same_counts(&self, other: &Vocabulary) -> bool {
        fn words(v: &Vocabulary) -> HashMap<&str, u32> {
            v.base
                .words
                .keys()
                .chain(v.overlay.words.keys())
                .map(|w| (&**w, v.count(w)))
                .filter(|(_, c)| *c > 0)
                .collect()
        }
        fn pairs(v: &Vocabulary) -> HashMap<u64, u32> {
            v.base
                .pairs
                .keys()
                .chain(v.overlay.pairs.keys())
                .map(|k| (*k, v.pair_count_by_key(*k)))
                .filter(|(_, c)| *c > 0)
                .collect()
        }
        words(self) == words(other) && pairs(self) == pairs(other)
    }
}

/// A vocabulary as one analysis sees it: every lookup is noted, so the
/// analysis can say which entries it depended on.
#[derive(Debug)]
pub struct VocabView<'a> {
    vocabulary: &'a Vocabulary,
    used: RefCell<VocabularyUse>,
}

impl<'a> From<&'a Vocabulary> for VocabView<'a> {
    fn from(vocabulary: &'a Vocabulary) -> Self {
        VocabView {
            vocabulary,
            used: RefCell::default(),
        }
    }
}

impl VocabView<'_> {
    pub fn count(&self, w: &str) -> u32 {
        self.used.borrow_mut().words.push(word_key(w));
        self.vocabulary.count(w)
    }

    pub fn pair_count(&self, l: &str, r: &str) -> u32 {
        let k = pair_key(l, r);
        self.used.borrow_mut().pairs.push(k);
        if self.vocabulary.base.pairs.is_empty() && self.vocabulary.overlay.pairs.is_empty() {
            return 0;
        }
        self.vocabulary.pair_count_by_key(k)
    }

    /// The entries looked up, sorted and without repeats.
    pub fn into_use(self) -> VocabularyUse {
        let mut u = self.used.into_inner();
        u.words.sort_unstable();
        u.words.dedup();
        u.pairs.sort_unstable();
        u.pairs.dedup();
        u
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(text: &str) -> Counts {
        Counts::of_text(text, Format::Text)
    }

    #[test]
    fn an_update_equals_a_recount_and_names_what_changed() {
        let a = "Der Rat tagte in Wien. Der Rat beschloss nichts.";
        let b_old = "Die Regierung tagte.";
        let b_new = "Die Regierung tagte in Graz.";
        let (v0, _) = Vocabulary::new().updated(&{
            let mut c = counts(a);
            c.merge(&counts(b_old), 1);
            c
        });
        let mut change = counts(b_new);
        change.merge(&counts(b_old), -1);
        let (v1, changed) = v0.updated(&change);
        let recount = Vocabulary::from_texts([(a, Format::Text), (b_new, Format::Text)]);
        assert!(v1.same_counts(&recount));
        assert!(!v1.same_counts(&v0));
        assert_eq!(v1.count("Graz"), 1);
        assert_eq!(v1.count("in"), 2);
        assert_eq!(v1.pair_count("in", "Graz"), 1);
        // "Graz", "in" and the pairs "tagte in", "in Graz" changed; "Rat" did not.
        let view = VocabView::from(&v1);
        view.count("Rat");
        assert!(!view.into_use().touched_by(&changed));
        let view = VocabView::from(&v1);
        view.count("Graz");
        assert!(view.into_use().touched_by(&changed));
        let view = VocabView::from(&v1);
        view.pair_count("in", "Graz");
        assert!(view.into_use().touched_by(&changed));
    }

    #[test]
    fn removing_a_text_brings_counts_back_to_zero() {
        let (v, _) = Vocabulary::new().updated(&counts("Wien Wien Graz"));
        let mut gone = Counts::default();
        gone.merge(&counts("Wien Wien Graz"), -1);
        let (v, changed) = v.updated(&gone);
        assert_eq!(v.count("Wien"), 0);
        assert_eq!(v.len(), 0);
        assert!(!changed.is_empty());
        assert!(v.same_counts(&Vocabulary::new()));
    }

    #[test]
    fn a_large_overlay_is_folded_into_the_base() {
        // 5000 distinct words of letters only: "aaa", "aab", …
        let word = |i: usize| -> String {
            [i / 676, i / 26 % 26, i % 26]
                .iter()
                .map(|&d| (b'a' + d as u8) as char)
                .collect()
        };
        let text: String = (0..5000).map(|i| word(i) + " ").collect();
        let (v, _) = Vocabulary::new().updated(&counts(&text));
        assert!(v.overlay.is_empty());
        assert_eq!(v.count(&word(4999)), 1);
        assert_eq!(v.len(), 5000);
    }
}
