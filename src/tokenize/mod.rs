//! Words, numbers, punctuation and sentences, with byte spans.
//!
//! German-aware: "z. B." and "Dr." are single abbreviation tokens, "15."
//! before "Oktober" is an ordinal (not a sentence end), "3,5" and "10.30" are
//! numbers, "BRICS-Gipfels" and "US-Außenminister" are single words, and a
//! trailing hyphen ("Staats- und Regierungschefs") stays on its word.

mod abbrev;
mod sentences;

use std::ops::Range;

use crate::lexicon::is_closed_class_de;
use crate::markup::Prose;

pub use sentences::Sentence;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    Word,
    Number,
    /// A number with its full stop: "15." in "am 15. Oktober".
    Ordinal,
    /// An abbreviation including its full stop(s): "Dr.", "z. B.", "U.S.".
    Abbrev,
    Punct,
    Quote,
    Symbol,
}

/// Token flags (bit set).
pub mod flag {
    /// Whitespace directly before the token.
    pub const SPACE_BEFORE: u16 = 1;
    /// A line break in the whitespace before the token.
    pub const NEWLINE_BEFORE: u16 = 2;
    /// First token of a prose segment (after markup or a block start).
    pub const SEGMENT_START: u16 = 4;
    pub const UPPER_INITIAL: u16 = 8;
    pub const ALL_UPPER: u16 = 16;
    pub const HAS_DIGIT: u16 = 32;
    pub const HAS_HYPHEN: u16 = 64;
    pub const LOWER_INITIAL: u16 = 128;
    /// The word contains an invisible character (soft hyphen, zero width).
    pub const HAS_INVISIBLE: u16 = 256;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: TokenKind,
    pub flags: u16,
}

impl Token {
    #[inline]
    pub fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
    #[inline]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span()]
    }
    #[inline]
    pub fn has(&self, f: u16) -> bool {
        self.flags & f != 0
    }
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

#[derive(Clone, Debug, Default)]
pub struct Tokens {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

impl Tokens {
    /// Index of the token containing `offset`, if any.
    pub fn at(&self, offset: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| (t.end as usize) <= offset);
        self.tokens
            .get(i)
            .filter(|t| t.start as usize <= offset)
            .map(|_| i)
    }

    pub fn sentence_tokens(&self, s: &Sentence) -> &[Token] {
        &self.tokens[s.tokens.clone()]
    }
}

/// Tokenizes every prose segment and splits the blocks into sentences.
/// Texts over 4 GiB are not tokenized (spans are 32-bit).
pub fn tokenize(text: &str, prose: &Prose) -> Tokens {
    let mut out = Tokens::default();
    if text.len() > u32::MAX as usize {
        return out;
    }
    for (bi, block) in prose.blocks.iter().enumerate() {
        let first = out.tokens.len();
        for seg in prose.block_segments(block) {
            let before = out.tokens.len();
            scan(text, seg.clone(), &mut out.tokens);
            if let Some(t) = out.tokens.get_mut(before) {
                t.flags |= flag::SEGMENT_START;
            }
        }
        sentences::split(
            text,
            &out.tokens,
            first..out.tokens.len(),
            bi,
            &mut out.sentences,
        );
    }
    out
}

/// Tokenizes a plain string with no markup (tests, training, evaluation).
pub fn tokenize_str(text: &str) -> Tokens {
    let prose = crate::markup::extract(text, crate::markup::Format::Text);
    tokenize(text, &prose)
}

#[inline]
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

pub fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '«' | '»' | '„' | '“' | '”' | '‚' | '‘' | '’' | '‹' | '›' | '‟'
    )
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

fn scan(text: &str, seg: Range<usize>, out: &mut Vec<Token>) {
    let mut i = seg.start;
    let end = seg.end;
    let mut pending: u16 = 0;
    while i < end {
        let b = text.as_bytes()[i];
        // ASCII fast paths first: most of a German article is ASCII.
        if b == b' ' || b == b'\t' {
            pending |= flag::SPACE_BEFORE;
            i += 1;
            continue;
        }
        if b == b'\n' || b == b'\r' {
            pending |= flag::SPACE_BEFORE | flag::NEWLINE_BEFORE;
            i += 1;
            continue;
        }
        let c = if b < 0x80 {
            b as char
        } else {
            char_at(text, i).unwrap_or(' ')
        };
        let clen = c.len_utf8();
        if c.is_whitespace() {
            pending |= flag::SPACE_BEFORE;
            if matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}') {
                pending |= flag::NEWLINE_BEFORE;
            }
            i += clen;
            continue;
        }
        if is_invisible(c) {
            // Outside a word it separates nothing; the invisible-character
            // rule reports it.
            i += clen;
            continue;
        }
        let tok = if c.is_alphanumeric() {
            word(text, i, end, out)
        } else if is_quote(c) {
            Token {
                start: i as u32,
                end: (i + clen) as u32,
                kind: TokenKind::Quote,
                flags: 0,
            }
        } else if c == '.' && text[i..end].starts_with("...") {
            Token {
                start: i as u32,
                end: (i + 3) as u32,
                kind: TokenKind::Punct,
                flags: 0,
            }
        } else if c.is_ascii_punctuation() || is_general_punct(c) {
            Token {
                start: i as u32,
                end: (i + clen) as u32,
                kind: TokenKind::Punct,
                flags: 0,
            }
        } else {
            Token {
                start: i as u32,
                end: (i + clen) as u32,
                kind: TokenKind::Symbol,
                flags: 0,
            }
        };
        let mut tok = tok;
        tok.flags |= pending;
        pending = 0;
        i = tok.end as usize;
        out.push(tok);
    }
}

fn is_general_punct(c: char) -> bool {
    matches!(
        c,
        '–' | '—' | '…' | '·' | '•' | '§' | '¶' | '†' | '‰' | '′' | '″' | '¿' | '¡'
    )
}

/// Scans a word, number, ordinal or abbreviation starting at `i`.
fn word(text: &str, i: usize, end: usize, prev: &[Token]) -> Token {
    let rest = &text[i..end];
    // Dotted abbreviations must be tried before the word scan splits them.
    if let Some(n) = abbrev::multi_len(rest).or_else(|| abbrev::initialism_len(rest)) {
        let mut t = Token {
            start: i as u32,
            end: (i + n) as u32,
            kind: TokenKind::Abbrev,
            flags: 0,
        };
        t.flags |= case_flags(&text[i..i + n]);
        return t;
    }
    let bytes = text.as_bytes();
    let mut j = i;
    let mut flags = 0u16;
    let mut letters = false;
    let mut digits_only_numberish = true;
    loop {
        // A run of alphanumerics.
        while j < end {
            let b = bytes[j];
            if b.is_ascii_alphanumeric() {
                if b.is_ascii_digit() {
                    flags |= flag::HAS_DIGIT;
                } else {
                    letters = true;
                    digits_only_numberish = false;
                }
                j += 1;
            } else if b < 0x80 {
                break;
            } else {
                let c = char_at(text, j).unwrap_or(' ');
                if c.is_alphanumeric() {
                    letters = true;
                    digits_only_numberish = false;
                    j += c.len_utf8();
                } else if is_invisible(c) && next_is_alnum(text, j + c.len_utf8(), end) {
                    flags |= flag::HAS_INVISIBLE;
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
        }
        if j >= end {
            break;
        }
        let c = char_at(text, j).unwrap_or(' ');
        let after = j + c.len_utf8();
        if is_hyphen(c) {
            if next_is_alnum(text, after, end) {
                flags |= flag::HAS_HYPHEN;
                digits_only_numberish &= !letters && c == '-';
                j = after;
                continue;
            }
            // "Staats- und": the hyphen of a truncated compound stays.
            if letters
                && (after >= end || matches!(char_at(text, after), Some(' ' | ',' | '\u{a0}')))
            {
                j = after;
                flags |= flag::HAS_HYPHEN;
            }
            break;
        }
        if matches!(c, '\'' | '’') && letters && next_is_letter(text, after, end) {
            j = after;
            continue;
        }
        if matches!(c, ',' | '.' | ':') && !letters && next_is_digit(text, after, end) {
            // "3,5", "10.30", "1.000", "28.02.2025", "10:30".
            j = after;
            continue;
        }
        break;
    }
    let w = &text[i..j];
    let kind = if digits_only_numberish && !letters {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    let mut t = Token {
        start: i as u32,
        end: j as u32,
        kind,
        flags: flags | case_flags(w),
    };
    if j < end && bytes[j] == b'.' && !text[j..end].starts_with("...") {
        if kind == TokenKind::Word && letters && abbrev::is_single(w) {
            t.kind = TokenKind::Abbrev;
            t.end += 1;
        } else if kind == TokenKind::Number && is_ordinal(text, i, j, end, prev) {
            t.kind = TokenKind::Ordinal;
            t.end += 1;
        }
    }
    t
}

fn next_is_alnum(text: &str, at: usize, end: usize) -> bool {
    at < end && char_at(text, at).is_some_and(char::is_alphanumeric)
}

fn next_is_letter(text: &str, at: usize, end: usize) -> bool {
    at < end && char_at(text, at).is_some_and(char::is_alphabetic)
}

fn next_is_digit(text: &str, at: usize, end: usize) -> bool {
    at < end && text.as_bytes()[at].is_ascii_digit()
}

fn case_flags(w: &str) -> u16 {
    let mut f = 0;
    let mut chars = w.chars().filter(|c| c.is_alphabetic());
    if let Some(first) = chars.next() {
        if first.is_uppercase() {
            f |= flag::UPPER_INITIAL;
            if chars.all(|c| !c.is_lowercase()) {
                f |= flag::ALL_UPPER;
            }
        } else if first.is_lowercase() {
            f |= flag::LOWER_INITIAL;
        }
    }
    f
}

pub const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// Words that follow an article and an ordinal: "am 15.", "der 75.".
fn ordinal_context(prev: &[Token], text: &str) -> bool {
    prev.last().is_some_and(|t| {
        let w = t.text(text).to_lowercase();
        matches!(
            w.as_str(),
            "am" | "im"
                | "vom"
                | "zum"
                | "zur"
                | "der"
                | "die"
                | "das"
                | "des"
                | "dem"
                | "den"
                | "ab"
                | "bis"
                | "seit"
                | "ihr"
                | "ihre"
                | "ihrem"
                | "ihren"
                | "sein"
                | "seine"
                | "seinem"
                | "seinen"
                | "dieses"
                | "diesem"
                | "jeden"
                | "jedes"
        )
    })
}

/// Whether the full stop after the number `text[i..j]` makes it an
/// ordinal or a date part rather than a sentence end.
fn is_ordinal(text: &str, i: usize, j: usize, end: usize, prev: &[Token]) -> bool {
    let num = &text[i..j];
    let plain_digits = num.bytes().all(|b| b.is_ascii_digit());
    // "28.02." is a date written without its year.
    let day_month = num.len() <= 5 && num.contains('.') && !num.contains(',');
    if !(plain_digits && num.len() <= 3 || day_month) {
        return false;
    }
    let after = &text[j + 1..end];
    let trimmed = after.trim_start_matches([' ', '\u{a0}', '\u{202f}', '\t']);
    if trimmed.len() == after.len() && !after.is_empty() && !after.starts_with(['-', '/']) {
        // No space: "15.10" was already taken as a number; "15.Oktober"
        // is still an ordinal.
        if !after.starts_with(|c: char| c.is_alphabetic()) {
            return false;
        }
    }
    if trimmed.starts_with(['\n', '\r']) || trimmed.is_empty() {
        return false;
    }
    let next: &str = trimmed
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or("");
    if next.is_empty() {
        // "15. –" or "15. (": only an ordinal in ordinal context.
        return ordinal_context(prev, text);
    }
    let first = next.chars().next().unwrap();
    if first.is_ascii_digit() {
        // "15. 10. 2024" or "Platz 1. 2024 …": a following number is a
        // date part only after a day-like number.
        return day_month || num.len() <= 2;
    }
    if MONTHS_DE.contains(&next) || first.is_lowercase() {
        return true;
    }
    // A capitalised noun after the number ("21. Jahrhundert", "75.
    // Jahrestag") rather than a sentence starter ("15. Die …").
    !is_closed_class_de(next) || ordinal_context(prev, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(&str, TokenKind)> {
        tokenize_str(s)
            .tokens
            .iter()
            .map(|t| (t.text(s), t.kind))
            .collect()
    }

    fn words(s: &str) -> Vec<&str> {
        tokenize_str(s).tokens.iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn abbreviations_are_single_tokens() {
        assert_eq!(
            words("z. B. Dr. Meier, u. a. Nr. 5"),
            ["z. B.", "Dr.", "Meier", ",", "u. a.", "Nr.", "5"]
        );
        assert_eq!(
            words("z.B. die U.S.-Regierung"),
            ["z.B.", "die", "U.S.", "-", "Regierung"]
        );
    }

    #[test]
    fn ordinals_before_months_and_nouns_keep_their_full_stop() {
        let t = toks("am 15. Oktober im 21. Jahrhundert der 75. Jahrestag");
        assert!(t.contains(&("15.", TokenKind::Ordinal)));
        assert!(t.contains(&("21.", TokenKind::Ordinal)));
        assert!(t.contains(&("75.", TokenKind::Ordinal)));
        let t = toks("Er wurde 71. Die Feier war groß.");
        assert!(t.contains(&("71", TokenKind::Number)), "{t:?}");
    }

    #[test]
    fn numbers_times_and_compounds() {
        assert_eq!(
            words("3,5 Prozent um 10.30 Uhr am 28.02.2025"),
            ["3,5", "Prozent", "um", "10.30", "Uhr", "am", "28.02.2025"]
        );
        assert_eq!(
            words("des BRICS-Gipfels der US-Außenminister"),
            ["des", "BRICS-Gipfels", "der", "US-Außenminister"]
        );
        assert_eq!(
            words("Staats- und Regierungschefs"),
            ["Staats-", "und", "Regierungschefs"]
        );
        assert_eq!(
            words("COVID19 G20-Gipfel 2024er"),
            ["COVID19", "G20-Gipfel", "2024er"]
        );
    }

    #[test]
    fn quotes_are_their_own_tokens() {
        let t = toks("«Wir» „sagen“ \"so\"");
        let quotes: Vec<_> = t
            .iter()
            .filter(|(_, k)| *k == TokenKind::Quote)
            .map(|(s, _)| *s)
            .collect();
        assert_eq!(quotes, ["«", "»", "„", "“", "\"", "\""]);
    }

    #[test]
    fn huge_and_odd_input_does_not_panic() {
        let s = format!("{}😀\u{200B}{}", "a".repeat(10_000), "Ж".repeat(100));
        let t = tokenize_str(&s);
        assert!(!t.tokens.is_empty());
        let _ = tokenize_str("...\u{AD}\u{FEFF}.-'’");
    }
}
