//! Brown clusters of German words learned from a large corpus (spaCy's
//! lexeme tables; `scripts/spacy_lookups.py`): the distributional cue the
//! 450,000 training tokens are too few to give. "Rahn", "Merkel" and
//! "Müller" share a cluster, so an unseen surname looks like a seen one.
//!
//! A cluster is a path in a binary tree stored backwards: its low k bits
//! are the cluster at depth k.

use super::hash;

/// The table `build.rs` compiles (layout there).
static TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/brown.bin"));

/// The cluster of `word` in this exact spelling, or 0 when it has none.
pub fn cluster(word: &str) -> u16 {
    hash::probe(TABLE, hash::strong(word.as_bytes()), 0xFFFF) as u16
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_word_has_its_cluster() {
        let text = include_str!("brown/clusters.txt");
        let mut n = 0;
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let (w, c) = line.split_once('\t').unwrap();
            assert_eq!(cluster(w).to_string(), c, "{w}");
            n += 1;
        }
        assert!(n > 200_000, "{n} words");
    }

    #[test]
    fn unlisted_words_have_none_and_surnames_share_one() {
        assert_eq!(cluster("Xqzvbrt"), 0);
        assert_eq!(cluster(""), 0);
        assert_ne!(cluster("Merkel"), 0);
        assert_eq!(cluster("Merkel"), cluster("Müller"));
        assert_ne!(cluster("Merkel"), cluster("Berlin"));
    }
}
