//! 18,000 English words that English web text uses more than German web
//! text does (spaCy's lexeme tables; `scripts/spacy_lookups.py`): "game",
//! "torrent", "banking", but not "land" or "bank". A German article names
//! English brands and titles written in camel case ("TorrentFreak",
//! "OnlineBanking"); glue between two German words is made of German
//! words.

use super::lower_small;
use crate::ner::hash;

/// The table `build.rs` compiles (layout there).
static TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/english-words.bin"));

const LOW: u64 = (1 << 24) - 1;

/// Whether `word`, lower-cased, is more an English word than a German one.
pub fn is_english(word: &str) -> bool {
    if word.len() < 3 || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let mut buf = [0u8; 32];
    lower_small(word, &mut buf)
        .is_some_and(|w| hash::probe(TABLE, hash::strong(w.as_bytes()), LOW) != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_words_are_english_in_any_case_and_german_words_are_not() {
        let text = include_str!("english_words.txt");
        let mut n = 0;
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let (w, _) = line.split_once('\t').unwrap();
            assert!(is_english(w), "{w}");
            n += 1;
        }
        assert!(n > 15_000, "{n} words");
        assert!(is_english("Torrent") && is_english("BANKING"));
        for w in [
            "Land",
            "Bank",
            "Samstag",
            "und",
            "Regierung",
            "Mädchen",
            "",
            "ab",
        ] {
            assert!(!is_english(w), "{w}");
        }
    }
}
