//! One class per token: what the temporal patterns see instead of text.
//!
//! Classifying once keeps the pattern matcher cheap: it compares small enum
//! values and never lower-cases or parses a token twice.

use super::lexicon::{Lexicon, W};
use super::value::{DayPart, Unit};
use crate::config::Language;
use crate::tokenize::{Token, TokenKind, flag};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum C {
    None,
    W(W),
    /// Digits only: value and number of digits ("0049" has 4).
    Int(u32, u8),
    /// "15." — an ordinal number.
    Ord(u32),
    /// "28.02.2025", "1.9.39", "28.02.": day and month as written (maybe
    /// impossible), year with its number of digits.
    NumDate {
        d: u8,
        m: u8,
        y: Option<(i32, u8)>,
    },
    /// "2025-02-28".
    Iso {
        y: i32,
        m: u8,
        d: u8,
    },
    /// "10.30" or "3.5": a clock time if "Uhr" follows.
    Dotted(u32, u32, u8),
    /// "4:45".
    Clock(u8, u8),
    /// "1930er", "1990s": the TIMEX decade ("193"); `true` when written
    /// with two digits only ("20er").
    Decade(i32, bool),
    /// "71-jährige", "dreijährige", "neunmonatigen", "154-tägiger":
    /// a number fused with a unit adjective.
    UnitAdj(f64, Unit),
    /// "90-Tage", "Sieben-Tage": a number fused with a unit noun.
    UnitNoun(f64, Unit),
    /// "71-year-old".
    AgeEn(u32),
    /// A single punctuation character.
    P(char),
    Quote,
}

impl C {
    pub fn w(&self) -> Option<W> {
        match self {
            C::W(w) => Some(*w),
            _ => None,
        }
    }
}

/// Classifies every token of the document.
pub fn classify(text: &str, tokens: &[Token], lex: &Lexicon, sentence_starts: &[bool]) -> Vec<C> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut buf = String::with_capacity(32);
    for (i, t) in tokens.iter().enumerate() {
        let s = t.text(text);
        let c = match t.kind {
            TokenKind::Number => number(s),
            TokenKind::Ordinal => ordinal(&s[..s.len() - 1]),
            TokenKind::Punct | TokenKind::Symbol => {
                let mut it = s.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => C::P(c),
                    _ => C::None,
                }
            }
            TokenKind::Quote => C::Quote,
            TokenKind::Word | TokenKind::Abbrev => {
                if s.len() > 40 {
                    C::None
                } else {
                    lower_into(s, &mut buf);
                    let start = sentence_starts.get(i).copied().unwrap_or(false);
                    word(&buf, t, lex, start)
                }
            }
        };
        out.push(c);
    }
    out
}

fn lower_into(s: &str, buf: &mut String) {
    buf.clear();
    if s.is_ascii() {
        buf.push_str(s);
        buf.make_ascii_lowercase();
    } else {
        for c in s.chars() {
            buf.extend(c.to_lowercase());
        }
    }
}

fn word(lower: &str, t: &Token, lex: &Lexicon, sentence_start: bool) -> C {
    if let Some(w) = lex.get(lower) {
        // "Morgen" (capitalised, inside a sentence) is the morning;
        // "morgen" is tomorrow. At a sentence start the pattern decides.
        if w == W::DayRel(1)
            && lex.lang == Language::De
            && t.has(flag::UPPER_INITIAL)
            && !sentence_start
        {
            return C::W(W::Part(DayPart::Morning));
        }
        // Capitalised "Mal", "Alter", "Bestehen" are nouns; lower-case
        // "mal", "alter" are not what the patterns want.
        if matches!(w, W::Times | W::AgeNoun | W::Existence)
            && lex.lang == Language::De
            && !t.has(flag::UPPER_INITIAL)
        {
            return C::None;
        }
        return C::W(w);
    }
    let unit_adj = ["jährig", "monatig", "tägig", "wöchig", "stündig", "minütig"]
        .iter()
        .any(|s| lower.contains(s));
    if t.has(flag::HAS_DIGIT) || t.has(flag::HAS_HYPHEN) || unit_adj {
        if let Some(c) = fused(lower, lex) {
            return c;
        }
    }
    C::None
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn int(s: &str) -> Option<u32> {
    if s.len() > 9 || !all_digits(s) {
        return None;
    }
    s.parse().ok()
}

fn number(s: &str) -> C {
    if all_digits(s) {
        return match int(s) {
            Some(v) => C::Int(v, s.len() as u8),
            None => C::None,
        };
    }
    let b = s.as_bytes();
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        if let (Some(y), Some(m), Some(d)) = (int(&s[..4]), int(&s[5..7]), int(&s[8..])) {
            return C::Iso {
                y: y as i32,
                m: m as u8,
                d: d as u8,
            };
        }
    }
    if let Some((h, m)) = s.split_once(':') {
        if h.len() <= 2 && m.len() == 2 {
            if let (Some(h), Some(m)) = (int(h), int(m)) {
                return C::Clock(h as u8, m as u8);
            }
        }
        return C::None;
    }
    let parts: Vec<&str> = s.split('.').collect();
    match parts.as_slice() {
        [d, m, y]
            if (1..=2).contains(&d.len())
                && (1..=2).contains(&m.len())
                && (y.len() == 2 || y.len() == 4) =>
        {
            match (int(d), int(m), int(y)) {
                (Some(d), Some(m), Some(y)) => C::NumDate {
                    d: d as u8,
                    m: m as u8,
                    y: Some((y as i32, parts[2].len() as u8)),
                },
                _ => C::None,
            }
        }
        [a, b] if (1..=2).contains(&a.len()) && (1..=2).contains(&b.len()) => {
            match (int(a), int(b)) {
                (Some(x), Some(y)) => C::Dotted(x, y, b.len() as u8),
                _ => C::None,
            }
        }
        _ => C::None,
    }
}

fn ordinal(s: &str) -> C {
    if all_digits(s) {
        return match int(s) {
            Some(v) => C::Ord(v),
            None => C::None,
        };
    }
    if let Some((d, m)) = s.split_once('.') {
        if (1..=2).contains(&d.len()) && (1..=2).contains(&m.len()) {
            if let (Some(d), Some(m)) = (int(d), int(m)) {
                return C::NumDate {
                    d: d as u8,
                    m: m as u8,
                    y: None,
                };
            }
        }
    }
    C::None
}

const ADJ_ENDINGS: &[&str] = &["", "e", "en", "em", "er", "es"];

/// Words made of a number and a time word: "1930er", "1930er-Jahren",
/// "71-jährige", "neunmonatigen", "90-Tage", "28th", "71-year-old".
fn fused(lower: &str, lex: &Lexicon) -> Option<C> {
    // Decades: "1930er", "1930er-jahre", "20er", "1990s".
    let digits = lower.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        let rest = &lower[digits..];
        let n: u32 = lower[..digits].parse().ok()?;
        let decade_rest = rest.strip_prefix("er").map(|r| r.trim_start_matches('-'));
        if let Some(r) = decade_rest
            && matches!(r, "" | "jahre" | "jahren" | "jahr")
            && n % 10 == 0
            && (2..=4).contains(&digits)
        {
            return Some(C::Decade((n / 10) as i32, digits == 2));
        }
        if lex.lang == Language::En {
            if rest == "s" && n % 10 == 0 && digits == 4 {
                return Some(C::Decade((n / 10) as i32, false));
            }
            if matches!(rest, "st" | "nd" | "rd" | "th") {
                return Some(C::Ord(n));
            }
            if rest == "-year-old" || rest == "-years-old" {
                return Some(C::AgeEn(n));
            }
        }
        let rest = rest.strip_prefix('-').unwrap_or(rest);
        return unit_suffix(rest).map(|(u, adj)| {
            if adj {
                C::UnitAdj(n as f64, u)
            } else {
                C::UnitNoun(n as f64, u)
            }
        });
    }
    // Number words: "dreijährige", "sieben-tage", "neunmonatigen".
    for (i, _) in lower.char_indices().skip(2) {
        let (head, tail) = lower.split_at(i);
        let head = head.strip_suffix('-').unwrap_or(head);
        if let Some(W::Num(n)) = lex.get(head)
            && let Some((u, adj)) = unit_suffix(tail.trim_start_matches('-'))
        {
            return Some(if adj {
                C::UnitAdj(n, u)
            } else {
                C::UnitNoun(n, u)
            });
        }
    }
    None
}

/// "jährige" → (Year, adjective); "tage" → (Day, noun).
fn unit_suffix(s: &str) -> Option<(Unit, bool)> {
    const ADJS: &[(&str, Unit)] = &[
        ("jährig", Unit::Year),
        ("monatig", Unit::Month),
        ("wöchig", Unit::Week),
        ("tägig", Unit::Day),
        ("stündig", Unit::Hour),
        ("minütig", Unit::Minute),
        ("jahrzehntelang", Unit::Decade),
    ];
    for (stem, u) in ADJS {
        if let Some(end) = s.strip_prefix(stem)
            && ADJ_ENDINGS.contains(&end)
        {
            return Some((*u, true));
        }
    }
    const NOUNS: &[(&str, Unit)] = &[
        ("tage", Unit::Day),
        ("tages", Unit::Day),
        ("jahres", Unit::Year),
        ("wochen", Unit::Week),
        ("monats", Unit::Month),
        ("stunden", Unit::Hour),
    ];
    NOUNS
        .iter()
        .find(|(n, _)| *n == s)
        .map(|(_, u)| (*u, false))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::lexicon::lexicon;
    use crate::tokenize::tokenize_str;

    fn classes(s: &str) -> Vec<C> {
        let t = tokenize_str(s);
        let starts = vec![false; t.tokens.len()];
        classify(s, &t.tokens, lexicon(Language::De), &starts)
    }

    #[test]
    fn numbers_dates_and_clock_times_are_told_apart() {
        assert_eq!(
            classes("28.02.2025")[0],
            C::NumDate {
                d: 28,
                m: 2,
                y: Some((2025, 4))
            }
        );
        assert_eq!(
            classes("2025-02-28")[0],
            C::Iso {
                y: 2025,
                m: 2,
                d: 28
            }
        );
        assert_eq!(classes("4:45 Uhr")[0], C::Clock(4, 45));
        assert_eq!(classes("10.30 Uhr")[0], C::Dotted(10, 30, 2));
        assert_eq!(classes("am 15. Mai")[1], C::Ord(15));
        assert_eq!(classes("1949")[0], C::Int(1949, 4));
        assert_eq!(
            classes("32.13.2024")[0],
            C::NumDate {
                d: 32,
                m: 13,
                y: Some((2024, 4))
            }
        );
    }

    #[test]
    fn fused_words_carry_their_number() {
        assert_eq!(
            classes("der 71-jährige Putin")[1],
            C::UnitAdj(71.0, Unit::Year)
        );
        assert_eq!(
            classes("eine dreijährige Haft")[1],
            C::UnitAdj(3.0, Unit::Year)
        );
        assert_eq!(classes("den 1930er-Jahren")[1], C::Decade(193, false));
        assert_eq!(
            classes("der neunmonatigen Belagerung")[1],
            C::UnitAdj(9.0, Unit::Month)
        );
        assert_eq!(classes("die Jährige")[1], C::None);
    }

    #[test]
    fn capitalised_morgen_is_the_morning() {
        assert_eq!(classes("am Morgen")[1], C::W(W::Part(DayPart::Morning)));
        assert_eq!(classes("bis morgen")[1], C::W(W::DayRel(1)));
    }
}
