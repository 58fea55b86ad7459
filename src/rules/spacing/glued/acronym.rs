//! Splits after an acronym ("BRICSum", "NATOStaaten"), minus inflection
//! endings ("NGOs", "ÖVPler").

use super::wordlists::ACRONYM_ENDINGS;
use super::{GlueKind, Known, Split};
use crate::lexicon::{is_closed_class_de, lower_dominant};

/// `Some(None)`: starts with an acronym but is not glued.
pub(super) fn acronym(word: &str, k: &Known) -> Option<Option<Split>> {
    // Most words are not acronyms: no list of their capitals.
    if !word.chars().take(2).all(char::is_uppercase) {
        return None;
    }
    let caps: Vec<(usize, char)> = word
        .char_indices()
        .take_while(|(_, c)| c.is_uppercase())
        .collect();
    if caps.len() < 2 || caps.len() == word.chars().count() {
        return None;
    }
    let at = caps.last().map(|(i, c)| i + c.len_utf8())?;
    let r = &word[at..];
    if !r.chars().all(char::is_lowercase) {
        return Some(None);
    }
    // BRICSum, BRICSeinen: the acronym, then a lower-case word.
    if r.chars().count() >= 2
        && !ACRONYM_ENDINGS.contains(&r)
        && k.lexicon.freq(r) > 0
        && lower_dominant(k.lexicon, r)
    {
        let closed = is_closed_class_de(r);
        // A rarer word will do if it is too long for an ending
        // ("EU|erhofft", "EBEL|gesperrte").
        let rc = r.chars().count();
        if closed
            || (rc >= 4 && k.lexicon.freq(r) >= 2_000)
            || (rc >= 6 && k.lexicon.freq(r) >= 100)
        {
            return Some(Some(Split::new(at, GlueKind::Acronym, closed)));
        }
    }
    // NATOStaaten, FCKöln: two or more capitals, then a capitalized word.
    if caps.len() >= 3 {
        let (i, _) = caps[caps.len() - 1];
        let (l2, r2) = word.split_at(i);
        if r2.chars().count() >= 4 && k.lexicon.known(r2) && !ACRONYM_ENDINGS.contains(&r) {
            return Some(Some(Split {
                at: i,
                kind: GlueKind::Acronym,
                // A known word after a club's or a union's initials is
                // glue even in a name ("FCKöln", "IGMetall").
                strong: l2.chars().count() >= 3 || k.lexicon.stem_freq(r2) >= 500,
                new_sentence: false,
                attested: false,
                surname_like: false,
            }));
        }
    }
    Some(None)
}
