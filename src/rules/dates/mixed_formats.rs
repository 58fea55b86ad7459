use super::{Ctx, Rule, Sink};
use crate::config::Language;
use crate::rules::{Fix, Fixable, Severity};
use crate::time::{DateFormat, DateSource, Sem, TimeExpr, YearSpec};
use crate::tokenize::TokenKind;

pub static MIXED_FORMATS: Rule = Rule {
    code: "dates/mixed-formats",
    default_severity: Severity::Hint,
    summary: "Full dates written in more than one notation in one article.",
    what: "Counts the notations of dates with day and month in an article — numeric (\"28.02.2025\"), written out (\"28. Februar 2025\") and ISO (\"2025-02-28\") — and marks the dates that do not use the most frequent one, with a fix that rewrites them. A dateline at the top and credit stamps such as \"(APA, 24.9.2015)\" follow their own convention and are not counted.",
    why: "House style wants one notation; a mix looks like copy-and-paste from several sources and slows the reader down.",
    bad: "Die Frist endet am 28.02.2025. Der Antrag wurde am 3. Februar 2025 gestellt, die Antwort kam am 10. Februar 2025.",
    good: "Die Frist endet am 28. Februar 2025. Der Antrag wurde am 3. Februar 2025 gestellt, die Antwort kam am 10. Februar 2025.",
    fixable: Fixable::Sometimes,
};

fn format_name(f: DateFormat) -> &'static str {
    match f {
        DateFormat::Numeric => "numeric (28.02.2025)",
        DateFormat::Textual => "written out (28. Februar 2025)",
        DateFormat::Iso => "ISO (2025-02-28)",
    }
}

fn full_date(t: &TimeExpr) -> Option<DateFormat> {
    match &t.sem {
        Sem::Cal(c) if c.day.is_some() && c.month.is_some() => t.format,
        _ => None,
    }
}

pub fn check(cx: &Ctx, sink: &mut Sink) {
    let dateline = match cx.document_date.date.as_ref().map(|d| &d.source) {
        Some(DateSource::Dateline(span)) => Some(span.clone()),
        _ => None,
    };
    let dated: Vec<(&TimeExpr, DateFormat)> = cx
        .times
        .iter()
        .filter(|t| {
            dateline
                .as_ref()
                .is_none_or(|d| t.span.start >= d.end || t.span.end <= d.start)
        })
        .filter(|t| !is_stamp(cx.text, t))
        .filter_map(|t| full_date(t).map(|f| (t, f)))
        .collect();
    let mut counts: Vec<(DateFormat, usize, usize)> = Vec::new();
    for (i, (_, f)) in dated.iter().enumerate() {
        match counts.iter_mut().find(|c| c.0 == *f) {
            Some(c) => c.1 += 1,
            None => counts.push((*f, 1, i)),
        }
    }
    if counts.len() < 2 {
        return;
    }
    // The most frequent notation; on a tie, the one used first.
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    let (main, main_n, _) = counts[0];
    for (t, f) in &dated {
        if *f == main {
            continue;
        }
        let span = date_span(cx, t);
        let fixes = rewrite(t, main, cx.language)
            .map(|s| vec![Fix::replace(format!("Write as {s}"), span.clone(), s)])
            .unwrap_or_default();
        sink.emit(
            &MIXED_FORMATS,
            span,
            format!(
                "date written {}; the article mostly uses {} ({main_n}×)",
                format_name(*f),
                format_name(main)
            ),
            fixes,
        );
    }
}

/// The date itself, without a weekday written before it ("Donnerstag, den 6.3.2025").
fn date_span(cx: &Ctx, t: &TimeExpr) -> std::ops::Range<usize> {
    match &t.weekday {
        Some(w) if w.span.start == t.span.start => {
            let first = t.tokens.clone().map(|i| &cx.tokens.tokens[i]).find(|tok| {
                tok.start as usize >= w.span.end
                    && !matches!(tok.kind, TokenKind::Punct)
                    && !matches!(tok.text(cx.text), "den" | "dem" | "the")
            });
            first
                .map(|tok| tok.start as usize..t.span.end)
                .unwrap_or_else(|| t.span.clone())
        }
        _ => t.span.clone(),
    }
}

/// A credit stamp: a date closing a parenthesis after a comma or
/// semicolon, "(APA, 24.9.2015)", "(Markus Bernath; 01.11.2015)", "(7.9.2015)".
fn is_stamp(text: &str, t: &TimeExpr) -> bool {
    let after = text[t.span.end..].trim_start_matches([' ', '\u{a0}']);
    if !after.starts_with(')') {
        return false;
    }
    let mut from = t.span.start.saturating_sub(80);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..t.span.start];
    let Some(open) = before.rfind('(') else {
        return false;
    };
    let inside = &before[open + 1..];
    let last = inside.trim_end_matches([' ', '\u{a0}']);
    !inside.contains(')')
        && !inside.contains('\n')
        && (last.is_empty() || last.ends_with(',') || last.ends_with(';'))
}

/// The date in another notation, when every part needed is written.
fn rewrite(t: &TimeExpr, to: DateFormat, lang: Language) -> Option<String> {
    if lang != Language::De {
        return None;
    }
    let Sem::Cal(c) = &t.sem else { return None };
    let (m, d) = (c.month?, c.day?);
    let year = match c.year {
        Some(YearSpec::Explicit(y)) if y > 0 => Some(y),
        None => None,
        _ => return None,
    };
    if t.weekday.is_some() || c.part.is_some() || c.clock.is_some() {
        return None;
    }
    Some(match (to, year) {
        (DateFormat::Textual, Some(y)) => format!(
            "{d}. {} {y}",
            crate::tokenize::MONTHS_DE.get(m as usize - 1)?
        ),
        (DateFormat::Textual, None) => {
            format!("{d}. {}", crate::tokenize::MONTHS_DE.get(m as usize - 1)?)
        }
        (DateFormat::Numeric, Some(y)) => format!("{d:02}.{m:02}.{y}"),
        (DateFormat::Numeric, None) => format!("{d:02}.{m:02}."),
        (DateFormat::Iso, Some(y)) => format!("{y:04}-{m:02}-{d:02}"),
        (DateFormat::Iso, None) => return None,
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::dates::test_util::{fixed, flagged};

    const CODE: &str = "dates/mixed-formats";

    #[test]
    fn the_minority_notation_is_marked_and_rewritten() {
        let t = "Am 28.02.2025 endet die Frist. Am 3. Februar 2025 kam der Antrag, am 10. Februar 2025 die Antwort.";
        assert_eq!(flagged(CODE, t), ["28.02.2025"]);
        assert_eq!(
            fixed(CODE, t),
            "Am 28. Februar 2025 endet die Frist. Am 3. Februar 2025 kam der Antrag, am 10. Februar 2025 die Antwort."
        );
    }

    #[test]
    fn one_notation_years_and_months_alone_are_fine() {
        assert!(
            flagged(
                CODE,
                "Am 3. Februar 2025 kam der Antrag, am 10. Februar 2025 die Antwort."
            )
            .is_empty()
        );
        assert!(
            flagged(
                CODE,
                "Im Februar 2025 kam der Antrag, am 10.02.2025 die Antwort."
            )
            .is_empty()
        );
    }

    #[test]
    fn credit_stamps_are_not_counted() {
        assert!(flagged(CODE, "Am 3. Februar 2025 kam der Antrag. (APA, 24.9.2015)").is_empty());
        assert!(
            flagged(
                CODE,
                "Seit 28. September isst er nicht. (Markus Muster; 01.11.2015) Mehr (3.11.2015)"
            )
            .is_empty()
        );
        assert_eq!(
            flagged(
                CODE,
                "Am 3. Februar 2025 kam der Antrag (gestellt am 01.02.2025 per Post)."
            ),
            ["01.02.2025"]
        );
    }

    #[test]
    fn the_dateline_is_not_counted() {
        assert!(
            flagged(
                CODE,
                "Stand: 28.02.2025\n\nAm 3. Februar 2025 kam der Antrag."
            )
            .is_empty()
        );
    }
}
