//! Word normalisation and shapes for the features.
//!
//! GermEval's tokens and the project's tokenizer differ in small ways
//! (quote characters, dashes, abbreviations kept whole), so the features
//! look at a normal form that hides those differences.

use crate::tokenize::is_quote;

/// Writes the normal form of `word` into `out`: lower case, every digit
/// as `0`, any quotation mark as `"`, any dash as `-`, invisible
/// characters dropped.
pub fn norm_into(word: &str, out: &mut String) {
    out.clear();
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if is_quote(c) {
            out.push('"');
            return;
        }
        if matches!(c, '–' | '—' | '‐' | '‑' | '−') {
            out.push('-');
            return;
        }
    }
    for c in word.chars() {
        if c.is_ascii() {
            let c = c.to_ascii_lowercase();
            out.push(if c.is_ascii_digit() { '0' } else { c });
        } else if matches!(
            c,
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        ) {
            continue;
        } else if c.is_numeric() {
            out.push('0');
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// Calls `f` with every proper suffix of `norm` that has at least
/// `min_chars` characters, longest first.
pub fn for_each_norm_suffix(norm: &str, min_chars: usize, mut f: impl FnMut(&str)) {
    let n = norm.chars().count();
    if n <= min_chars {
        return;
    }
    for (k, (p, _)) in norm.char_indices().enumerate().skip(1) {
        if n - k < min_chars {
            break;
        }
        f(&norm[p..]);
    }
}

/// Character class for the word shape.
#[inline]
fn class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else if c.is_alphabetic() {
        // Scripts without case (CJK, Arabic, …).
        'a'
    } else if c.is_ascii() {
        c
    } else if is_quote(c) {
        '"'
    } else if matches!(c, '–' | '—' | '‐' | '‑' | '−') {
        '-'
    } else {
        'o'
    }
}

/// Writes the long shape ("Xxxxx-Xxxx", at most 12 characters, then the
/// last 3) and returns it alongside the short shape ("Xx-Xx", repeats
/// collapsed, at most 8 characters) in `short`.
pub fn shapes(word: &str, long: &mut String, short: &mut String) {
    long.clear();
    short.clear();
    let n = word.chars().count();
    let mut last = '\0';
    let mut short_len = 0;
    for (k, c) in word.chars().enumerate() {
        let s = class(c);
        if k < 12 || k + 3 >= n {
            long.push(s);
        } else if k == 12 {
            long.push('~');
        }
        if s != last && short_len < 8 {
            short.push(s);
            short_len += 1;
        }
        last = s;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_hides_case_digits_and_quote_styles() {
        let mut s = String::new();
        norm_into("Über-2024", &mut s);
        assert_eq!(s, "über-0000");
        norm_into("«", &mut s);
        assert_eq!(s, "\"");
        norm_into("„", &mut s);
        assert_eq!(s, "\"");
        norm_into("–", &mut s);
        assert_eq!(s, "-");
        norm_into("Ba\u{AD}se", &mut s);
        assert_eq!(s, "base");
    }

    #[test]
    fn shapes_of_names_numbers_and_odd_scripts() {
        let (mut l, mut s) = (String::new(), String::new());
        shapes("BRICS-Gipfel", &mut l, &mut s);
        assert_eq!((l.as_str(), s.as_str()), ("XXXXX-Xxxxxx", "X-Xx"));
        shapes("2024", &mut l, &mut s);
        assert_eq!(s, "d");
        shapes("北京", &mut l, &mut s);
        assert_eq!(s, "a");
        shapes("😀", &mut l, &mut s);
        assert_eq!(s, "o");
        shapes("Donaudampfschifffahrt", &mut l, &mut s);
        assert_eq!(l, "Xxxxxxxxxxxx~xxx");
    }

    #[test]
    fn suffixes_are_proper_and_long_enough() {
        let mut v = Vec::new();
        for_each_norm_suffix("außen", 3, |s| v.push(s.to_string()));
        assert_eq!(
            v,
            ["ußen", "ßen", "en"]
                .iter()
                .take(2)
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
        );
    }
}
