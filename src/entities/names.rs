//! Name forms: inflection, transliteration keys and name order.
//!
//! The same minister appears as "Andrei Belousov", "Beloussov", "Andrej
//! Beloussow" and "Beloussows". Matching works on keys that fold what
//! transliteration systems disagree on (German "w"/"sch"/"ch"/"j" versus
//! English "v"/"sh"/"kh"/"y", doubled consonants), with the Kölner Phonetik
//! and a string similarity as a second opinion for what the key misses
//! ("Selenskyj"/"Zelensky").

use super::phonetic::cologne;

/// Common East Asian family names: in "Xi Jinping" or "Wang Yi" the family
/// name comes first, so the short form is the first word. Bare forms of the
/// most common ones ("Wang", "Li") are too ambiguous to link across articles.
const EAST_ASIAN_FAMILY: &[&str] = &[
    "Xi", "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun",
    "Ma", "Zhu", "Hu", "Guo", "He", "Gao", "Lin", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang",
    "Han", "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Yuan", "Pan", "Jiang",
    "Cai", "Mao", "Wen", "Qin", "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon",
    "Jang", "Lim", "Moon", "Yoon", "Nguyen", "Tran", "Le", "Pham", "Hoang", "Phan", "Vu", "Vo",
    "Dang", "Bui", "Do", "Ho", "Ngo", "Duong", "Ly", "Hun", "Hoai",
];

/// The ones too common to identify a person on their own.
const VERY_COMMON_FAMILY: &[&str] = &[
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Kim", "Lee",
    "Park", "Nguyen", "Tran", "Le",
];

pub fn is_east_asian_family(word: &str) -> bool {
    EAST_ASIAN_FAMILY.contains(&word)
}

pub fn is_very_common_family(word: &str) -> bool {
    VERY_COMMON_FAMILY.contains(&word)
}

/// Lower case with diacritics folded the way German transcribes them
/// ("ö" → "oe", "é" → "e").
pub fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len() + 2);
    for c in word.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => s.push_str("ae"),
            'ö' => s.push_str("oe"),
            'ü' => s.push_str("ue"),
            'ß' => s.push_str("ss"),
            'à' | 'á' | 'â' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => s.push('a'),
            'ç' | 'ć' | 'č' => s.push('c'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => s.push('e'),
            'ì' | 'í' | 'î' | 'ï' | 'ī' => s.push('i'),
            'ñ' | 'ń' | 'ň' => s.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ø' | 'ō' | 'ő' => s.push('o'),
            'ù' | 'ú' | 'û' | 'ū' | 'ů' | 'ű' => s.push('u'),
            'ý' | 'ÿ' => s.push('y'),
            'ł' => s.push('l'),
            'ś' | 'š' | 'ş' => s.push('s'),
            'ź' | 'ż' | 'ž' => s.push('z'),
            'ř' => s.push('r'),
            'đ' | 'ď' => s.push('d'),
            '’' | '\'' | '`' => {}
            c => s.push(c),
        }
    }
    s
}

/// A key on which German and English transliterations of the same
/// (mostly Slavic) name agree: "Lawrow"/"Lavrov" → "lavrov",
/// "Schoigu"/"Shoigu" → "shoigu", "Sergej"/"Sergei" → "sergei",
/// "Beloussow"/"Belousov" → "belusov".
pub fn translit_key(word: &str) -> String {
    let mut s = fold(word);
    for (from, to) in [
        ("schtsch", "shch"),
        ("tsch", "ch"),
        ("sch", "sh"),
        ("zh", "sh"),
        ("kh", "h"),
        ("ch", "h"),
        ("ph", "f"),
        ("ck", "k"),
        ("w", "v"),
        ("y", "i"),
        ("j", "i"),
        ("ou", "u"),
    ] {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    // Doubled letters: "Beloussov" vs "Belousov".
    let mut out = String::with_capacity(s.len());
    let mut last = None;
    for c in s.chars() {
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    // "-off" (French-style transcription) is "-ov".
    if out.ends_with("of") && out.len() > 3 {
        out.pop();
        out.push('v');
    }
    // "-ii" after folding "-yj"/"-ij".
    while out.ends_with("ii") {
        out.pop();
    }
    out
}

/// Whether two single name words are the same name in different
/// transliterations.
pub fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (ka, kb) = (translit_key(a), translit_key(b));
    if ka == kb {
        return true;
    }
    // Short words carry too little evidence for a fuzzy match ("Xi" vs "Ji").
    if ka.chars().count() < 4 || kb.chars().count() < 4 {
        return false;
    }
    cologne(a) == cologne(b) && strsim::jaro_winkler(&ka, &kb) >= 0.85
}

/// The stem of a genitive ("Putins" → "Putin", "Xi’s" → "Xi", "Lars'" →
/// "Lars"), if `word` looks like one. Whether it *is* one is decided by the
/// caller, who knows whether the stem occurs on its own.
pub fn genitive_stem(word: &str) -> Option<&str> {
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(stem) = word.strip_suffix(suffix)
            && !stem.is_empty()
        {
            return Some(stem);
        }
    }
    let stem = word.strip_suffix('s')?;
    (stem.chars().count() >= 2 && !stem.ends_with(['s', 'x', 'z', 'ß'])).then_some(stem)
}

/// Organisation names decline their adjectives ("der Zentralen
/// Militärkommission"); the key folds adjective endings and a genitive -s
/// on the last word ("des Kremls").
pub fn org_key(words: &[&str]) -> String {
    let n = words.len();
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        let mut f = fold(w);
        if i + 1 < n && f.len() > 4 {
            for end in ["en", "er", "em", "es"] {
                if let Some(stem) = f.strip_suffix(end) {
                    f = format!("{stem}e");
                    break;
                }
            }
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&f);
    }
    out
}

/// "Long Form (ACR)": whether `acronym` abbreviates `words`, by initials of
/// the capitalised words ("Shanghaier Organisation für Zusammenarbeit" →
/// SOZ/SCO both accepted when the acronym's letters appear in order among
/// the words' initials and the first letters agree) or by its letters
/// occurring in order in the long form.
pub fn abbreviates(acronym: &str, words: &[&str]) -> bool {
    let letters: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if letters.len() < 2 || words.is_empty() {
        return false;
    }
    let initials: Vec<char> = words
        .iter()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .flat_map(char::to_lowercase)
        .collect();
    if initials.first() == letters.first() && is_subsequence(&letters, &initials) {
        return true;
    }
    // Translated long forms keep the original acronym ("Organisation für
    // Zusammenarbeit" / SCO): accept when the acronym's letters occur in
    // order in the long form and the long form has as many capitalised
    // words as the acronym has letters, give or take one.
    let all: Vec<char> = words
        .iter()
        .flat_map(|w| w.chars())
        .flat_map(char::to_lowercase)
        .collect();
    let caps = initials.len();
    is_subsequence(&letters, &all) && caps + 1 >= letters.len() && caps <= letters.len() + 1
}

fn is_subsequence(needle: &[char], hay: &[char]) -> bool {
    let mut it = hay.iter();
    needle.iter().all(|c| it.any(|h| h == c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliteration_variants_share_a_key() {
        assert!(same_word("Belousov", "Beloussow"));
        assert!(same_word("Beloussov", "Belousov"));
        assert!(same_word("Lawrow", "Lavrov"));
        assert!(same_word("Schoigu", "Shoigu"));
        assert!(same_word("Sergei", "Sergej"));
        assert!(same_word("Andrei", "Andrej"));
        assert!(same_word("Wladimir", "Vladimir"));
        assert!(same_word("Selenskyj", "Zelensky"));
        assert!(same_word("Chodorkowski", "Khodorkovsky"));
    }

    #[test]
    fn different_names_stay_different() {
        assert!(!same_word("Xi", "Xinhua"));
        assert!(!same_word("Andrei", "Andreas"));
        assert!(!same_word("Wang", "Yang"));
        assert!(!same_word("Schmidt", "Schmitz"));
    }

    #[test]
    fn genitives_and_org_keys_fold_inflection() {
        assert_eq!(genitive_stem("Putins"), Some("Putin"));
        assert_eq!(genitive_stem("Xi’s"), Some("Xi"));
        assert_eq!(genitive_stem("Lars'"), Some("Lars"));
        assert_eq!(genitive_stem("Marx"), None);
        assert_eq!(genitive_stem("s"), None);
        assert_eq!(
            org_key(&["Zentralen", "Militärkommission"]),
            org_key(&["Zentrale", "Militärkommission"])
        );
        assert_eq!(
            org_key(&["Vereinten", "Nationen"]),
            org_key(&["Vereinte", "Nationen"])
        );
    }

    #[test]
    fn acronyms_match_their_long_forms() {
        // The German long form of the English acronym "SCO" is linked by the
        // bracket itself (see `doc::link_acronyms`), not by its letters.
        assert!(abbreviates(
            "SOZ",
            &["Shanghaier", "Organisation", "für", "Zusammenarbeit"]
        ));
        assert!(abbreviates("EZB", &["Europäische", "Zentralbank"]));
        assert!(abbreviates(
            "NATO",
            &["North", "Atlantic", "Treaty", "Organization"]
        ));
        assert!(!abbreviates("SCO", &["Vereinte", "Nationen"]));
    }
}
