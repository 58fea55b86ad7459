//! A preposition glued to the dative article after it into a word of its
//! own: "beider" is a word ("beider Seiten"), but before a feminine noun
//! in the singular it is "bei der" ("beider Wahl"); "nachdem" is a
//! conjunction, but "nachdem Krieg" is "nach dem Krieg". The token is a
//! word, so only the noun after it can tell.

use crate::lexicon::nouns::{Gender, dative_singular};

/// The glued word, where the space goes, and the gender of the noun
/// after the article. Adverbs such as "zudem" and "trotzdem" are left out:
/// they are followed by bare nouns ("zudem Geld").
const GLUED_ARTICLES: &[(&str, usize, Gender)] = &[
    ("beider", 3, Gender::Feminine),
    ("beidem", 3, Gender::MasculineNeuter),
    ("nachdem", 4, Gender::MasculineNeuter),
    ("indem", 2, Gender::MasculineNeuter),
    ("seitdem", 4, Gender::MasculineNeuter),
    // "Inder" is a noun too, but no Indian stands before a noun in the
    // dative singular; inside a sentence "inder" is no word anyway.
    ("inder", 2, Gender::Feminine),
];

/// Adjectives between article and noun, at most: after "der" and "dem"
/// they end in "-en" ("bei der neuen Regierung").
const MAX_ADJECTIVES: usize = 2;

/// Where the space goes in `word` if it is a preposition glued to an
/// article, judged by `next`, the words after it up to the end of the
/// sentence (`None` for a token that is no word: punctuation ends the
/// search). At a sentence start the capital is ignored.
pub(super) fn glued_article<'a>(
    word: &str,
    sentence_start: bool,
    next: impl Iterator<Item = Option<&'a str>>,
) -> Option<usize> {
    let lowered;
    let w = if sentence_start {
        lowered = super::lower_first(word);
        lowered.as_str()
    } else {
        word
    };
    let &(_, at, gender) = GLUED_ARTICLES.iter().find(|(g, ..)| *g == w)?;
    let mut adjectives = 0;
    for n in next {
        let n = n?;
        if n.chars().next().is_some_and(char::is_lowercase) {
            if !n.ends_with("en") || adjectives == MAX_ADJECTIVES {
                return None;
            }
            adjectives += 1;
            continue;
        }
        return (dative_singular(n) == Some(gender)).then_some(at);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(word: &str, start: bool, next: &[&str]) -> Option<usize> {
        glued_article(word, start, next.iter().map(|w| Some(*w)))
    }

    #[test]
    fn an_article_is_split_off_before_a_noun_of_its_gender() {
        assert_eq!(split("beider", false, &["Wahl"]), Some(3));
        assert_eq!(split("beider", false, &["neuen", "Regierung"]), Some(3));
        assert_eq!(split("Nachdem", true, &["Krieg"]), Some(4));
        assert_eq!(split("indem", false, &["Bürgerkrieg"]), Some(2));
        assert_eq!(split("Inder", true, &["Gruppe"]), Some(2));
        assert_eq!(split("Inder", true, &["sind"]), None);
    }

    #[test]
    fn the_words_themselves_are_left_alone() {
        // Plurals after "beider", a subject after "nachdem".
        assert_eq!(split("beider", false, &["Seiten"]), None);
        assert_eq!(split("beider", false, &["großen", "Parteien"]), None);
        assert_eq!(split("nachdem", false, &["die", "Wahl"]), None);
        assert_eq!(split("nachdem", false, &["Merkel"]), None);
        // The wrong gender, punctuation, the end of the sentence.
        assert_eq!(split("beider", false, &["Krieg"]), None);
        assert_eq!(split("nachdem", false, &["Wahl"]), None);
        assert_eq!(
            glued_article("beider", false, [None, Some("Wahl")].into_iter()),
            None
        );
        assert_eq!(split("beider", false, &[]), None);
        // Not a listed word, or capitalized inside a sentence.
        assert_eq!(split("zudem", false, &["Geld"]), None);
        assert_eq!(split("Beider", false, &["Wahl"]), None);
    }
}
