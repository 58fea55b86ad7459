use super::{Ctx, Rule, Sink, char_after, char_before};
use crate::rules::{Fix, Fixable, Severity};

pub static DOUBLE_SPACE: Rule = Rule {
    code: "spacing/double-space",
    default_severity: Severity::Warning,
    summary: "Two or more spaces between words.",
    what: "Reports runs of two or more spaces inside a line of prose. Indentation at the start of a line and spaces at its end (see `spacing/trailing-whitespace`) are left to other rules.",
    why: "Double spaces are typewriter habit or the remains of a deleted word. They show up as visible gaps on the web and break searches for phrases.",
    bad: "Der Präsident  betonte die Zusammenarbeit.",
    good: "Der Präsident betonte die Zusammenarbeit.",
    fixable: Fixable::Always,
};

pub fn check(cx: &Ctx, sink: &mut Sink) {
    let text = cx.text;
    for seg in &cx.prose.segments {
        let s = &text[seg.clone()];
        let mut from = 0;
        while let Some(i) = s[from..].find("  ") {
            let a = seg.start + from + i;
            let mut b = a + 2;
            while text.as_bytes().get(b) == Some(&b' ') {
                b += 1;
            }
            from = b - seg.start;
            let inside_line = char_before(text, a).is_some_and(|c| !c.is_whitespace())
                && char_after(text, b).is_some_and(|c| !c.is_whitespace());
            if inside_line {
                sink.emit(
                    &DOUBLE_SPACE,
                    a..b,
                    format!("{} spaces between words", b - a),
                    vec![Fix::replace("Replace with one space", a..b, " ")],
                );
            }
            if from >= s.len() {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::spacing::test_util::{fixed, flagged};

    #[test]
    fn double_space_between_words_is_replaced_by_one() {
        assert_eq!(
            flagged("spacing/double-space", "Ein  Wort und   drei."),
            ["  ", "   "]
        );
        assert_eq!(fixed("spacing/double-space", "Ein  Wort."), "Ein Wort.");
    }

    #[test]
    fn indentation_and_line_ends_are_not_double_spaces() {
        assert!(flagged("spacing/double-space", "  Eingerückt.\nEnde.  \n").is_empty());
    }
}
