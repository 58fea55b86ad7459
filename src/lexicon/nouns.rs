//! The gender of German nouns in the dative singular, from Wiktionary
//! (`scripts/dative_nouns.py`): 36,000 feminine and 41,000 masculine or
//! neuter forms that are no plural and no form of another gender. What
//! follows "der" after "bei" is feminine singular, what follows "beider"
//! is plural; the glued-words rule tells the two apart with this.

use crate::ner::{gazetteer, hash};

/// The table `build.rs` compiles (layout there).
static TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dative-nouns.bin"));

const LOW: u64 = 0xF;

/// Shortest compound head looked up ("Krieg" in "Bürgerkrieg").
const MIN_HEAD: usize = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Feminine,
    MasculineNeuter,
}

fn listed(word: &str) -> Option<Gender> {
    match hash::probe(TABLE, hash::strong(word.as_bytes()), LOW) {
        1 => Some(Gender::Feminine),
        2 => Some(Gender::MasculineNeuter),
        _ => None,
    }
}

/// A form of any common noun (the NER's list from the same source), so
/// one this table leaves out is a plural or of two genders.
fn noun_form(word: &str) -> bool {
    gazetteer::long_lists(word) & gazetteer::bit::COMMON_NOUN != 0
}

/// The gender of `word` as a dative singular noun: listed, or a compound
/// whose longest known head decides ("Grenzsicherung" by "Sicherung").
/// `None` for plurals ("Seiten", "Grenzkontrollen"), forms of two genders
/// or numbers ("Unternehmen") and unknown words.
pub fn dative_singular(word: &str) -> Option<Gender> {
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    if let Some(g) = listed(word) {
        return Some(g);
    }
    // A name is no compound of a common noun ("Österreich" is not "Reich").
    if gazetteer::long_lists(word) != 0 {
        return None;
    }
    let n = word.chars().count();
    let mut head = String::with_capacity(word.len());
    // German compounds put the head last; the longest one is the most
    // specific ("Sicherung" before "Ung").
    for (ci, (i, c)) in word.char_indices().enumerate().skip(2) {
        if n - ci < MIN_HEAD {
            break;
        }
        if !c.is_lowercase() {
            continue;
        }
        head.clear();
        head.extend(c.to_uppercase());
        head.push_str(&word[i + c.len_utf8()..]);
        if let Some(g) = listed(&head) {
            return Some(g);
        }
        if noun_form(&head) {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_form_has_its_gender() {
        let text = include_str!("dative_nouns.txt");
        let mut n = 0;
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let (w, g) = line.split_once('\t').unwrap();
            let want = if g == "1" {
                Gender::Feminine
            } else {
                Gender::MasculineNeuter
            };
            assert_eq!(listed(w), Some(want), "{w}");
            n += 1;
        }
        assert!(n > 70_000, "{n} forms");
    }

    #[test]
    fn compounds_take_the_gender_of_their_head() {
        assert_eq!(dative_singular("Wahl"), Some(Gender::Feminine));
        assert_eq!(dative_singular("Krieg"), Some(Gender::MasculineNeuter));
        assert_eq!(dative_singular("Grenzsicherung"), Some(Gender::Feminine));
        assert_eq!(
            dative_singular("Bürgerkrieg"),
            Some(Gender::MasculineNeuter)
        );
        // Plurals, lower case and non-words say nothing.
        assert_eq!(dative_singular("Seiten"), None);
        assert_eq!(dative_singular("Unternehmen"), None);
        assert_eq!(dative_singular("Großunternehmen"), None);
        assert_eq!(dative_singular("Grenzkontrollen"), None);
        assert_eq!(dative_singular("Österreich"), None);
        assert_eq!(dative_singular("wahl"), None);
        assert_eq!(dative_singular("Xqzv"), None);
        assert_eq!(dative_singular(""), None);
    }
}
