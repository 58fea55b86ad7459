//! Splits at a change from lower to upper case ("derRegierung",
//! "BeziehungenIhre"), minus camel-case names and brands.

use super::wordlists::AUXILIARIES;
use super::{GlueKind, Known, Split, lower_first};
use crate::lexicon::{CLOSED_CLASS_EN, english, is_closed_class_de};

/// `Some(None)`: the token has a case boundary but is not glued (a camel-case
/// name); `None`: no case boundary.
pub(super) fn case_boundary(word: &str, sentence_start: bool, k: &Known) -> Option<Option<Split>> {
    let mut prev: Option<char> = None;
    let mut at = None;
    for (i, c) in word.char_indices() {
        if c.is_uppercase() && prev.is_some_and(char::is_lowercase) {
            at = Some(i);
            break;
        }
        prev = Some(c);
    }
    let at = at?;
    // "dasiPad", "imiTunes": glue before a brand that starts with a
    // lower-case "i" or "e" ("iPad", "eBay"); the space goes before that
    // letter, after the function word.
    if let Some(stem) = word[..at].strip_suffix(['i', 'e']) {
        let whole = &word[..at];
        if stem.chars().count() >= 2
            && is_closed_class_de(stem)
            && !is_closed_class_de(whole)
            && !k.part_exact(whole)
        {
            return Some(Some(Split::new(at - 1, GlueKind::CaseBoundary, true)));
        }
    }
    let (l, r) = word.split_at(at);
    let lc = l.chars().count();
    let rc = r.chars().count();
    let l_lower = l.chars().all(char::is_lowercase);
    let caps = r.chars().take_while(|c| c.is_uppercase()).count();
    // A lower-case word glued to anything capitalized ("imDrohnenflug",
    // "vonDigiTimes", "diePHs"): German writes no word this way; the
    // camel-case brands that start lower case start with one letter
    // ("iPhone", "eBay") or are listed ("derStandard").
    if l_lower
        && lc >= 2
        && rc >= 2
        && !matches!(r, "In" | "Innen" | "Inn")
        && (is_closed_class_de(l)
            || k.part_exact(l)
            // Or a lower-case run the lexicon lacks ("beachtenswerte",
            // "welligen") before a plain capitalized word: German writes
            // no word so, and brands that do are listed or start with
            // one letter.
            || (lc >= 4 && caps == 1 && r.chars().skip(1).all(char::is_lowercase)))
        // An acronym after a lower-case word: "imEU", "vormalsFPÖ", but
        // not "microSD".
        && !(caps == rc && !is_closed_class_de(l) && lc < 5)
    {
        return Some(Some(Split::new(at, GlueKind::CaseBoundary, true)));
    }
    // iPhone, eBay; McDonald, DiCaprio (but "im", "zu", "am" glue).
    let short_ok = is_closed_class_de(l) && (l_lower || sentence_start);
    if lc == 1 || (lc == 2 && !short_ok) || rc == 1 {
        return Some(None);
    }
    // GmbH, AfD: a single capital; BioNTech: capitals then lower case.
    if caps >= 2 && caps < rc {
        return Some(None);
    }
    // A second case boundary in the right part is a camel-case name
    // ("PricewaterhouseCoopers" is listed, "MacBookPro" is not a glue of two words).
    if r.chars()
        .skip(1)
        .skip_while(|c| c.is_uppercase())
        .any(char::is_uppercase)
    {
        return Some(None);
    }
    // Gender forms: "ArbeitnehmerInnen".
    if matches!(r, "In" | "Innen" | "Inn") {
        return Some(None);
    }
    // "imEU", "dieUSA", but not "ScreenOS".
    if caps == rc && !is_closed_class_de(l) {
        // A common German noun before an acronym names no product
        // ("NachrichtenagenturAFP", "ParteiHDP").
        let noun = lc >= 5
            && rc <= 5
            && l.chars().next().is_some_and(char::is_uppercase)
            && k.lexicon.stem_freq(l) >= 500
            && !sentence_start;
        return Some(noun.then_some(Split::new(at, GlueKind::CaseBoundary, true)));
    }
    // Two capitalized parts. A given name on either side ("PabloEscobar",
    // "RegierungschefNarendra"), or two parts too long for the short
    // syllables brands are made of ("WebKit", "SanDisk", "HintHunt"), is
    // glue; English "-ing" compounds ("OnlineBanking") are not.
    let l_cap = l.chars().next().is_some_and(char::is_uppercase);
    if l_cap && caps == 1 && english_brand(l, r, k) {
        return Some(None);
    }
    if l_cap && caps == 1 && lc >= 3 && rc >= 3 {
        let long = ((lc + rc >= 11 && lc >= 4 && rc >= 4) || (lc >= 7 && lc + rc >= 10))
            && !r.ends_with("ing");
        // "DieZensurbehörde" at the start of a sentence.
        let article = lc <= 5 && is_closed_class_de(&lower_first(l)) && rc >= 4;
        if long || article || crate::ner::is_given_name(l) || crate::ner::is_given_name(r) {
            let r_low = lower_first(r);
            return Some(Some(Split {
                at,
                kind: GlueKind::CaseBoundary,
                strong: true,
                new_sentence: is_closed_class_de(&r_low)
                    && !AUXILIARIES.contains(r_low.as_str())
                    && k.lexicon.freq(&r_low) >= k.lexicon.freq(r),
                attested: false,
                surname_like: false,
            }));
        }
    }
    // Otherwise ("BitLocker", "FileVault"): both common words.
    if l_cap && !sentence_start {
        let common = |w: &str| k.lexicon.stem_freq(w) >= 400;
        let used = |w: &str| common(w) || k.vocabulary.count(w) >= 2;
        if !(used(l) && used(r) && (common(l) || common(r))) {
            return Some(None);
        }
    }
    let l_known = k.part(l) || (sentence_start && k.part(&lower_first(l)));
    let r_low = lower_first(r);
    let r_known = k.part(r) || (caps == 1 && k.part(&r_low));
    if !l_known && !r_known {
        return Some(None);
    }
    let new_sentence = caps == 1
        && is_closed_class_de(&r_low)
        && !AUXILIARIES.contains(r_low.as_str())
        && k.lexicon.freq(&r_low) >= k.lexicon.freq(r);
    // One unknown part must at least look like a word.
    if !(l_known && r_known) && (lc < 3 || rc < 3) {
        return Some(None);
    }
    Some(Some(Split {
        at,
        kind: GlueKind::CaseBoundary,
        // A lower-case word glued to a known capitalized one is no name
        // ("warnendenStimmen"): names write no capital inside a lower-case
        // run but after a one-letter prefix ("eBay") or before an acronym.
        strong: r_known && (l_known || (l_lower && lc >= 5)),
        new_sentence,
        attested: false,
        surname_like: false,
    }))
}

/// Two capitalized English words the archive never writes apart
/// ("TorrentFreak", "GameStandard", "OnlineBanking"): a brand; German glue
/// is made of German words. An English title that lost a space ("Blade
/// Runner", "The Independent") is written apart elsewhere or starts with a
/// function word.
pub(super) fn english_brand(l: &str, r: &str, k: &Known) -> bool {
    english::is_english(l)
        && english::is_english(r)
        && !CLOSED_CLASS_EN.contains(&lower_first(l).as_str())
        && k.vocabulary.pair_count(l, r) == 0
}
