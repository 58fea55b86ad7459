//! Frequencies of 116,000 German words of six letters or more from a large
//! web corpus (spaCy's lexeme tables; `scripts/spacy_lookups.py`): what the
//! embedded lexicon, built from 450,000 news and Wikipedia tokens and the
//! 10,000 commonest book words, lacks ("blendet", "Behördenvertreter").
//! Web text also holds glued words, so the glued-words rule trusts these
//! frequencies for the parts of a token, and for the whole only to ask
//! for stronger evidence.

use crate::ner::hash;

/// The table `build.rs` compiles (layout there).
static TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/web-words.bin"));

const LOW: u64 = (1 << 24) - 1;

/// Words shorter than this are not listed: short web tokens are as often
/// English or fragments ("sort", "hist", "Kindl"), and the lexicon has
/// the short German words.
pub const MIN_LEN: usize = 6;

/// A bit per value of bits 40 to 60 of the listed words' hashes, set
/// where a word has it (layout in `build.rs`).
static FILTER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/web-words-filter.bin"));

/// Frequency per 100 million words of `word` (UTF-8) in this exact
/// spelling, or 0.
pub fn freq(word: &[u8]) -> u64 {
    let h = hash::strong(word);
    let b = (h >> 40) as usize & (FILTER.len() * 8 - 1);
    if FILTER[b / 8] & (1 << (b % 8)) == 0 {
        return 0;
    }
    hash::probe(TABLE, h, LOW)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_word_has_its_frequency_and_others_none() {
        let text = include_str!("web_words.txt");
        let mut n = 0;
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let (w, f) = line.split_once('\t').unwrap();
            let f: u64 = f.parse().unwrap();
            // A shared 40-bit tag keeps the larger of two frequencies.
            assert!(freq(w.as_bytes()) >= f, "{w}");
            assert!(w.chars().count() >= MIN_LEN, "{w}");
            n += 1;
        }
        assert!(n > 100_000, "{n} words");
        assert_eq!(freq(b"Xqzvbrtplk"), 0);
        assert_eq!(freq(b""), 0);
    }
}
