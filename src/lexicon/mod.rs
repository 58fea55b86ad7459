//! Word lists: the hand-written closed-class words, and (with the glued-words
//! rule) the embedded German lexicon and the workspace vocabulary.

mod closed_class;

pub use closed_class::{CLOSED_CLASS_DE, CLOSED_CLASS_EN, is_closed_class_de, lower_small};
