//! Word lists: the hand-written closed-class words, the embedded German
//! lexicon with frequencies, and the workspace vocabulary.

mod closed_class;
pub mod english;
pub mod hunspell;
pub mod nouns;
pub mod train;
pub mod vocab;
mod web;
mod word_set;
mod words;

pub use closed_class::{
    CLOSED_CLASS_DE, CLOSED_CLASS_EN, MORE_DETERMINERS_DE, is_closed_class_de,
    is_closed_class_de_for_ner, lower_small,
};
pub use hunspell::Hunspell;
pub use train::lower_dominant;
pub use vocab::{Counts, VocabView, Vocabulary, VocabularyChange, VocabularyUse};
pub use word_set::WordSet;
pub use words::{INFLECTION_SUFFIXES, Lexicon};

/// The length in bytes of the longest of `words` (for constants sized by
/// a word list).
pub const fn longest(words: &[&str]) -> usize {
    let mut m = 0;
    let mut i = 0;
    while i < words.len() {
        if words[i].len() > m {
            m = words[i].len();
        }
        i += 1;
    }
    m
}
