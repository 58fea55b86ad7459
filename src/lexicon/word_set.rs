//! A hand-written word list with a membership test that does not scan it.
//!
//! The glued-words rule asks lists of 30 to 100 words about every
//! candidate split point; scanned, those lists were a fifth of its
//! instructions. The hash set is built on first use.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use super::vocab::WordHasher;

pub struct WordSet {
    words: &'static [&'static str],
    /// No longer word is in the list: most candidates are turned away
    /// before they are hashed.
    longest: usize,
    set: OnceLock<HashSet<&'static str, BuildHasherDefault<WordHasher>>>,
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            longest: super::longest(words),
            set: OnceLock::new(),
        }
    }

    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        w.len() <= self.longest
            && self
                .set
                .get_or_init(|| self.words.iter().copied().collect())
                .contains(w)
    }

    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }
}

impl std::fmt::Debug for WordSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.words).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_exactly_its_words() {
        static S: WordSet = WordSet::new(&["wie", "und", "Dank", "über"]);
        for w in ["wie", "und", "Dank", "über"] {
            assert!(S.contains(w), "{w}");
        }
        for w in ["", "Wie", "dank", "ube", "überall", "wi"] {
            assert!(!S.contains(w), "{w}");
        }
        assert_eq!(S.words().len(), 4);
    }
}
