use super::{Ctx, Rule, Sink};
use crate::rules::{Fix, Fixable, Severity};

pub static TRAILING_WHITESPACE: Rule = Rule {
    code: "spacing/trailing-whitespace",
    default_severity: Severity::Hint,
    summary: "Spaces or tabs at the end of a line.",
    what: "Reports white space before a line break, and lines that hold nothing but white space. A Markdown hard line break (two spaces before the line end inside a paragraph) is deliberate and not reported; neither are code blocks.",
    why: "Trailing white space is invisible in the editor but shows up in diffs, confuses `git blame` and is sometimes turned into a hard line break by Markdown renderers.",
    bad: "Der Gipfel endete am Freitag.   \nDie Delegationen reisten ab.",
    good: "Der Gipfel endete am Freitag.\nDie Delegationen reisten ab.",
    fixable: Fixable::Always,
};

pub static TRAILING_BLANK_LINES: Rule = Rule {
    code: "spacing/trailing-blank-lines",
    default_severity: Severity::Hint,
    summary: "Blank lines at the end of the file.",
    what: "Reports empty lines after the last line of text. One final line break is kept.",
    why: "Scraped articles often end in a run of empty lines left by removed page furniture; they add nothing and make diffs noisy.",
    bad: "Nachrichtenquelle: Europa Press\n\n\n\n",
    good: "Nachrichtenquelle: Europa Press\n",
    fixable: Fixable::Always,
};

pub fn check(cx: &Ctx, sink: &mut Sink) {
    let text = cx.text;
    let content_end = text.trim_end().len();
    if sink.enabled(&TRAILING_WHITESPACE) {
        trailing_whitespace(cx, sink, content_end);
    }
    if sink.enabled(&TRAILING_BLANK_LINES) && content_end > 0 {
        let tail = &text[content_end..];
        let first_nl = tail.find(['\n', '\r']);
        if let Some(nl) = first_nl {
            let keep_len = if tail[nl..].starts_with("\r\n") { 2 } else { 1 };
            let keep_end = content_end + nl + keep_len;
            // Only white space after the content; blank lines mean a
            // further line break follows the first one.
            if text[keep_end..].contains(['\n', '\r']) {
                let keep = &text[content_end + nl..keep_end];
                let n = text[keep_end..]
                    .matches('\n')
                    .count()
                    .max(text[keep_end..].matches('\r').count());
                sink.emit(
                    &TRAILING_BLANK_LINES,
                    content_end..text.len(),
                    format!(
                        "{n} blank line{} at the end of the file",
                        if n == 1 { "" } else { "s" }
                    ),
                    vec![Fix::replace(
                        "Remove the blank lines",
                        content_end..text.len(),
                        keep,
                    )],
                );
            }
        }
    }
}

fn trailing_whitespace(cx: &Ctx, sink: &mut Sink, content_end: usize) {
    let text = cx.text;
    let b = text.as_bytes();
    let mut i = 0;
    while i < content_end {
        // Find the next line end.
        let nl = match text[i..].find(['\n', '\r']) {
            Some(k) => i + k,
            None => text.len(),
        };
        let line = &text[i..nl];
        let trimmed = line.trim_end_matches([' ', '\t', '\u{a0}', '\u{3000}']);
        let ws_start = i + trimmed.len();
        // Whitespace after the last content is the blank-lines rule's.
        if ws_start < nl
            && ws_start < content_end
            && !cx.prose.is_verbatim(i)
            && !is_hard_break(cx, ws_start)
        {
            let what = if trimmed.is_empty() {
                "Line holds only white space"
            } else {
                "Trailing white space"
            };
            sink.emit(
                &TRAILING_WHITESPACE,
                ws_start..nl,
                what.to_string(),
                vec![Fix::replace(
                    "Remove trailing white space",
                    ws_start..nl,
                    "",
                )],
            );
        }
        i = nl + 1;
        if nl < b.len() && b[nl] == b'\r' && b.get(nl + 1) == Some(&b'\n') {
            i += 1;
        }
    }
}

fn is_hard_break(cx: &Ctx, at: usize) -> bool {
    cx.prose
        .hard_breaks
        .iter()
        .any(|r| r.start <= at && at < r.end)
}

#[cfg(test)]
mod tests {
    use crate::markup::Format;
    use crate::rules::spacing::test_util::{findings_in, fixed, flagged};

    #[test]
    fn trailing_spaces_are_found_and_removed() {
        assert_eq!(
            flagged("spacing/trailing-whitespace", "Satz. \t\nZwei\n   \nDrei"),
            [" \t", "   "]
        );
        assert_eq!(
            fixed("spacing/trailing-whitespace", "Satz.  \nZwei"),
            "Satz.\nZwei"
        );
    }

    #[test]
    fn markdown_hard_break_is_deliberate() {
        let md = "Erste Zeile  \nzweite Zeile.\n";
        assert!(findings_in("spacing/trailing-whitespace", md, Format::Markdown).is_empty());
    }

    #[test]
    fn blank_lines_at_end_are_trimmed_to_one_line_break() {
        assert_eq!(
            fixed("spacing/trailing-blank-lines", "Ende.\r\n\r\n \r\n"),
            "Ende.\r\n"
        );
        assert!(flagged("spacing/trailing-blank-lines", "Ende.\n").is_empty());
        assert!(flagged("spacing/trailing-blank-lines", "\n\n\n").is_empty());
    }
}
