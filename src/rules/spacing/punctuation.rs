use super::{Ctx, Rule, Sink, char_before, is_hspace};
use crate::lexicon::is_closed_class_de;
use crate::rules::{Fix, Fixable, Severity};
use crate::tokenize::{Token, TokenKind, flag};

pub static SPACE_BEFORE: Rule = Rule {
    code: "spacing/space-before-punctuation",
    default_severity: Severity::Warning,
    summary: "A space before a comma, full stop, colon, semicolon, question or exclamation mark or closing bracket.",
    what: "Reports white space directly before `,` `.` `;` `:` `!` `?` `)` `]`. An ellipsis may stand after a space and is not reported.",
    why: "German and English typography set these marks directly after the word. A space before them usually comes from a machine translation or a text pasted together from fragments.",
    bad: "Die Gespräche waren konstruktiv , sagte der Minister .",
    good: "Die Gespräche waren konstruktiv, sagte der Minister.",
    fixable: Fixable::Always,
};

pub static MISSING_SPACE_AFTER: Rule = Rule {
    code: "spacing/missing-space-after-punctuation",
    default_severity: Severity::Warning,
    summary: "No space after a comma, full stop, semicolon, colon, question or exclamation mark.",
    what: "Reports a word glued to the punctuation mark before it: `.Er`, `,dass`, `;aber`. Decimal numbers (`3,5`), times (`10.30`), abbreviations (`z.B.`, `U.S.`), web addresses (`congluan.vn`) and gender forms with a colon (`Lehrer:innen`) are not reported.",
    why: "When an HTML tag or a line break between two sentences is lost, the next sentence starts directly after the full stop. Readers stumble and search engines see one long word.",
    bad: "Das Treffen fand in Peking statt.Er betonte,dass die Beziehungen stabil seien.",
    good: "Das Treffen fand in Peking statt. Er betonte, dass die Beziehungen stabil seien.",
    fixable: Fixable::Always,
};

const BEFORE_MARKS: &[&str] = &[",", ".", ";", ":", "!", "?", ")", "]"];

pub fn check(cx: &Ctx, sink: &mut Sink) {
    let text = cx.text;
    let toks = &cx.tokens.tokens;
    let before_on = sink.enabled(&SPACE_BEFORE);
    let after_on = sink.enabled(&MISSING_SPACE_AFTER);
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Punct {
            continue;
        }
        let s = t.text(text);
        if before_on
            && t.has(flag::SPACE_BEFORE)
            && !t.has(flag::NEWLINE_BEFORE)
            && BEFORE_MARKS.contains(&s)
        {
            space_before(cx, sink, toks, i);
        }
        if after_on && let Some(n) = toks.get(i + 1) {
            missing_after(cx, sink, toks, i, n);
        }
    }
}

fn space_before(cx: &Ctx, sink: &mut Sink, toks: &[Token], i: usize) {
    let text = cx.text;
    let t = &toks[i];
    let s = t.text(text);
    // ":)" and ":P" are emoticons; " .5" is a number written without zero
    // and " .ru" a domain ending.
    if let Some(n) = toks.get(i + 1)
        && n.start == t.end
        && (is_emoticon(text, toks, i)
            || (s == "." && matches!(n.kind, TokenKind::Number | TokenKind::Word)))
    {
        return;
    }
    let end = t.start as usize;
    let mut start = end;
    while let Some(c) = char_before(text, start).filter(|&c| is_hspace(c)) {
        start -= c.len_utf8();
    }
    // Only white space between two marks on one line: "( SCO )" yes, a
    // line starting with punctuation no.
    let Some(prev) = char_before(text, start) else {
        return;
    };
    // "(1935– )": an open range before the bracket.
    let open_range = matches!(s, ")" | "]") && matches!(prev, '-' | '–' | '—');
    if start == end || prev == '\n' || prev == '\r' || open_range || !cx.prose.is_prose(start) {
        return;
    }
    sink.emit(
        &SPACE_BEFORE,
        start..end,
        format!("Space before '{s}'"),
        vec![Fix::replace("Remove the space", start..end, "")],
    );
}

fn missing_after(cx: &Ctx, sink: &mut Sink, toks: &[Token], i: usize, n: &Token) {
    let text = cx.text;
    let p = &toks[i];
    if n.start != p.end
        || !matches!(n.kind, TokenKind::Word | TokenKind::Abbrev)
        || is_emoticon(text, toks, i)
    {
        return;
    }
    let word = n.text(text);
    let first = word.chars().next().unwrap_or(' ');
    if !first.is_alphabetic() {
        return;
    }
    let prev_is_word = i > 0 && toks[i - 1].end == p.start && toks[i - 1].kind == TokenKind::Word;
    let report = match p.text(text) {
        "," | ";" | "!" | "?" => true,
        "." => {
            // "ASP.NET" is a name, not two sentences.
            let acronyms =
                prev_is_word && toks[i - 1].has(flag::ALL_UPPER) && n.has(flag::ALL_UPPER);
            (n.has(flag::UPPER_INITIAL) && !acronyms)
                || (prev_is_word && first.is_lowercase() && is_closed_class_de(word))
        }
        ":" => {
            let gender = matches!(word, "in" | "innen" | "inne");
            let after_number = i > 0 && toks[i - 1].kind == TokenKind::Number;
            !gender && !after_number && (first.is_uppercase() || prev_is_word)
        }
        _ => false,
    };
    if report {
        let mark = p.text(text);
        let at = p.end as usize;
        sink.emit(
            &MISSING_SPACE_AFTER,
            p.start as usize..n.end as usize,
            format!("Missing space after '{mark}'"),
            vec![Fix::replace(
                format!("Insert a space after '{mark}'"),
                at..at,
                " ",
            )],
        );
    }
}

/// ":)", ":-)", ":P", ";D" and friends.
fn is_emoticon(text: &str, toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    if !matches!(t.text(text), ":" | ";") {
        return false;
    }
    let Some(n) = toks.get(i + 1).filter(|n| n.start == t.end) else {
        return false;
    };
    let ns = n.text(text);
    let ends = toks
        .get(i + 2)
        .is_none_or(|m| m.start > n.end || m.kind == TokenKind::Punct);
    matches!(ns, ")" | "(" | "-" | "/" | "|")
        || (matches!(ns, "P" | "D" | "O" | "p" | "o" | "S") && ends)
}

#[cfg(test)]
mod tests {
    use crate::rules::spacing::test_util::{fixed, flagged};

    const BEFORE: &str = "spacing/space-before-punctuation";
    const AFTER: &str = "spacing/missing-space-after-punctuation";

    #[test]
    fn space_before_comma_and_full_stop_is_removed() {
        assert_eq!(
            flagged(BEFORE, "Er kam , sah ( und ) ging ."),
            [" ", " ", " "]
        );
        assert_eq!(fixed(BEFORE, "Er kam , sah."), "Er kam, sah.");
    }

    #[test]
    fn ellipsis_emoticon_and_line_start_are_not_space_before() {
        assert!(
            flagged(
                BEFORE,
                "Er sagte … nichts. Gut :) ja\n, nein (1935– ) auf .ru enden, so :P"
            )
            .is_empty()
        );
    }

    #[test]
    fn glued_sentence_and_comma_get_a_space() {
        assert_eq!(
            flagged(AFTER, "Das war gut.Er kam,dass es"),
            [".Er", ",dass"]
        );
        assert_eq!(fixed(AFTER, "Das war gut.Er kam."), "Das war gut. Er kam.");
    }

    #[test]
    fn decimals_abbreviations_hosts_and_gender_colons_are_fine() {
        let t = "3,5 Prozent um 10.30 Uhr, z.B. in den U.S. und laut congluan.vn die Lehrer:innen, um 10:30 Uhr, node.js, 3:2 n.V., Lucas Cranach d.J., jailbroken :P Der";
        assert!(flagged(AFTER, t).is_empty(), "{:?}", flagged(AFTER, t));
    }
}
