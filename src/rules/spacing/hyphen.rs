use super::{Ctx, Rule, Sink};
use crate::lexicon::is_closed_class_de;
use crate::rules::{Fix, Fixable, Severity};
use crate::tokenize::{TokenKind, flag};

pub static HYPHEN_SPACING: Rule = Rule {
    code: "spacing/hyphen-spacing",
    default_severity: Severity::Warning,
    summary: "A space on one side of a hyphen inside a compound (`asiatisch -pazifischen`).",
    what: "Reports a hyphen that has a space before it and a word glued after it (`asiatisch -pazifischen`), or a word glued before it and a space after it where no conjunction follows (`asiatisch- pazifischen`). Truncated compounds such as `Staats- und Regierungschefs` and dashes with spaces on both sides are fine.",
    why: "A compound split by a stray space reads as two words and breaks at the line end in the wrong place; it is a typical machine-translation and copy-paste artefact.",
    bad: "Die Ausweitung im asiatisch -pazifischen Raum wird abgelehnt.",
    good: "Die Ausweitung im asiatisch-pazifischen Raum wird abgelehnt.",
    fixable: Fixable::Always,
};

/// Words that may follow a truncated compound: "Staats- und", "Ein- oder".
const JOINERS: &[&str] = &[
    "und",
    "oder",
    "bzw.",
    "beziehungsweise",
    "sowie",
    "als",
    "wie",
    "bis",
    "noch",
    "statt",
    "versus",
    "vs.",
    "&",
    "/",
    "u.",
    "and",
    "or",
    "to",
    "nor",
];

pub fn check(cx: &Ctx, sink: &mut Sink) {
    let text = cx.text;
    let toks = &cx.tokens.tokens;
    for (i, t) in toks.iter().enumerate() {
        let s = t.text(text);
        // "asiatisch -pazifischen"
        if t.kind == TokenKind::Punct
            && matches!(s, "-" | "\u{2010}" | "\u{2011}")
            && t.has(flag::SPACE_BEFORE)
            && !t.has(flag::NEWLINE_BEFORE | flag::SEGMENT_START)
            && i > 0
            && toks[i - 1].kind == TokenKind::Word
            && toks[i - 1].text(text).ends_with(char::is_alphabetic)
            && let Some(n) = toks.get(i + 1)
            && n.start == t.end
            && n.kind == TokenKind::Word
            && n.text(text).starts_with(char::is_alphabetic)
            // "Arbeitszeiten und -leistungen", "eines -Grenzschutzes": the
            // hyphen stands for a repeated first part. "Sonntag -oder" is a
            // dash missing its space, not a compound.
            && !is_closed_class_de(toks[i - 1].text(text))
            && !is_closed_class_de(n.text(text))
        {
            let gap = toks[i - 1].end as usize..t.start as usize;
            if text[gap.clone()].chars().all(|c| c == ' ' || c == '\u{a0}') {
                let joined = format!("{}{}{}", toks[i - 1].text(text), s, n.text(text));
                sink.emit(
                    &HYPHEN_SPACING,
                    toks[i - 1].start as usize..n.end as usize,
                    format!("Space before the hyphen; did you mean '{joined}'?"),
                    vec![Fix::replace(format!("Join as '{joined}'"), gap, "")],
                );
            }
        }
        // "asiatisch- pazifischen"
        if t.kind == TokenKind::Word
            && s.len() > 1
            && s.ends_with('-')
            && let Some(n) = toks.get(i + 1)
            && n.has(flag::SPACE_BEFORE)
            && !n.has(flag::NEWLINE_BEFORE | flag::SEGMENT_START)
            && n.kind == TokenKind::Word
            && n.has(flag::LOWER_INITIAL)
            && !JOINERS.contains(&n.text(text))
        {
            let gap = t.end as usize..n.start as usize;
            if text[gap.clone()].chars().all(|c| c == ' ' || c == '\u{a0}') {
                let joined = format!("{}{}", s, n.text(text));
                // "Politikfor- scher" is a word hyphenated at a line end
                // that has since been re-flowed: offer it without the hyphen.
                let rejoined = format!("{}{}", &s[..s.len() - 1], n.text(text));
                let hyphen = t.end as usize - 1;
                sink.emit(
                    &HYPHEN_SPACING,
                    t.start as usize..n.end as usize,
                    format!("Space after the hyphen; did you mean '{joined}' or '{rejoined}'?"),
                    vec![
                        Fix::replace(format!("Join as '{joined}'"), gap.clone(), ""),
                        Fix::replace(format!("Join as '{rejoined}'"), hyphen..gap.end, ""),
                    ],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::spacing::test_util::{fixed, flagged};

    const CODE: &str = "spacing/hyphen-spacing";

    #[test]
    fn space_before_or_after_compound_hyphen_is_joined() {
        assert_eq!(
            flagged(CODE, "im asiatisch -pazifischen Raum"),
            ["asiatisch -pazifischen"]
        );
        assert_eq!(
            fixed(CODE, "im asiatisch -pazifischen Raum"),
            "im asiatisch-pazifischen Raum"
        );
        assert_eq!(
            fixed(CODE, "im asiatisch- pazifischen Raum"),
            "im asiatisch-pazifischen Raum"
        );
    }

    #[test]
    fn truncated_compounds_dashes_and_minus_signs_are_fine() {
        let t = "Staats- und Regierungschefs, Ein- oder Ausfuhr, das - sagt er - stimmt, Wert -5, Vor-, Haupt- und Nachspeise, Zeiten und -leistungen, am Sonntag -oder Montag\n- Listenpunkt";
        assert!(flagged(CODE, t).is_empty(), "{:?}", flagged(CODE, t));
    }
}
