use super::{Ctx, Rule, Sink, char_after, char_before};
use crate::rules::{Fix, Fixable, Severity};

pub static INVISIBLE_CHARACTER: Rule = Rule {
    code: "spacing/invisible-character",
    default_severity: Severity::Warning,
    summary: "An invisible character: zero-width space, soft hyphen, word joiner, a byte order mark inside the text, or a stray no-break space.",
    what: "Reports zero-width spaces and non-joiners, word joiners, soft hyphens, byte order marks after the start of the file, zero-width joiners outside emoji sequences, and no-break spaces that do not bind a number, an abbreviation or a unit to its neighbour (for example between two ordinary words or next to another space).",
    why: "These characters come from web pages and word processors. They are invisible in the editor but split or join words for search, hyphenation and spell checking: a soft hyphen inside \"Zusammenarbeit\" makes the word unfindable.",
    bad: "Die Zusam\u{AD}menarbeit wurde\u{200B} vertieft.",
    good: "Die Zusammenarbeit wurde vertieft.",
    fixable: Fixable::Always,
};

pub fn check(cx: &Ctx, sink: &mut Sink) {
    let text = cx.text;
    for seg in &cx.prose.segments {
        let bytes = &text.as_bytes()[seg.clone()];
        for (k, &b) in bytes.iter().enumerate() {
            // All the characters of interest start with one of these bytes.
            if b != 0xC2 && b != 0xE2 && b != 0xEF {
                continue;
            }
            let at = seg.start + k;
            let Some(c) = char_after(text, at) else {
                continue;
            };
            let name = match c {
                '\u{200B}' => "zero-width space",
                '\u{200C}' if latin_neighbours(text, at, c) => "zero-width non-joiner",
                '\u{200D}' if latin_neighbours(text, at, c) => "zero-width joiner",
                '\u{2060}' => "word joiner",
                '\u{00AD}' => "soft hyphen",
                '\u{FEFF}' if at > 0 => "byte order mark",
                '\u{00A0}' | '\u{202F}' if stray_nbsp(text, at, c) => "no-break space",
                _ => continue,
            };
            let span = at..at + c.len_utf8();
            let (title, repl) = if matches!(c, '\u{00A0}' | '\u{202F}') {
                ("Replace with an ordinary space", " ")
            } else {
                ("Remove the invisible character", "")
            };
            sink.emit(
                &INVISIBLE_CHARACTER,
                span.clone(),
                format!("Invisible character: {name} (U+{:04X})", c as u32),
                vec![Fix::replace(title, span, repl)],
            );
        }
    }
}

/// Joiners are legitimate in emoji sequences and in scripts that need
/// them; in Latin text they are noise.
fn latin_neighbours(text: &str, at: usize, c: char) -> bool {
    let before = char_before(text, at);
    let after = char_after(text, at + c.len_utf8());
    let latin = |x: Option<char>| {
        x.is_some_and(|x| x.is_ascii_alphanumeric() || ('\u{C0}'..='\u{24F}').contains(&x))
    };
    latin(before) || latin(after)
}

/// A no-break space is deliberate between a number and its unit, after an
/// abbreviation or ordinal ("Nr. 5", "15. Oktober", "z. B."), and before a
/// dash; elsewhere it is an HTML `&nbsp;` that survived scraping.
fn stray_nbsp(text: &str, at: usize, c: char) -> bool {
    let before = char_before(text, at);
    let after = char_after(text, at + c.len_utf8());
    let (Some(b), Some(a)) = (before, after) else {
        return true;
    };
    if b.is_whitespace() || a.is_whitespace() {
        return true;
    }
    let left_word: String = text[..at]
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    let binds = b.is_ascii_digit()
        || a.is_ascii_digit()
        || b == '.'
        || matches!(a, '%' | '‰' | '€' | '$' | '£' | '°' | '–' | '—' | '-' | '…')
        || matches!(b, '§' | '€' | '$' | '£')
        || (left_word.chars().count() <= 2 && b.is_uppercase());
    !binds && b.is_alphanumeric() && a.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use crate::rules::spacing::test_util::{fixed, flagged};

    const CODE: &str = "spacing/invisible-character";

    #[test]
    fn zero_width_soft_hyphen_and_bom_are_removed() {
        assert_eq!(fixed(CODE, "Zusam\u{AD}menarbeit"), "Zusammenarbeit");
        assert_eq!(flagged(CODE, "a\u{200B}b c\u{2060}d e\u{FEFF}f").len(), 3);
    }

    #[test]
    fn nbsp_between_words_is_stray_but_binds_numbers_and_abbreviations() {
        assert_eq!(fixed(CODE, "und\u{a0}die"), "und die");
        assert!(
            flagged(
                CODE,
                "5\u{a0}km, Nr.\u{a0}5, 15.\u{a0}Oktober, z.\u{a0}B. 10\u{a0}%"
            )
            .is_empty()
        );
        assert_eq!(flagged(CODE, "Wort \u{a0}Wort").len(), 1);
    }

    #[test]
    fn emoji_joiners_are_legitimate() {
        assert!(flagged(CODE, "Familie 👨\u{200D}👩\u{200D}👧 heute").is_empty());
    }
}
