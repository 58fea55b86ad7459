use super::{Ctx, Rule, Sink, doc_date, event_for, explicit_years, in_sentence, paired_rel, quote};
use crate::rules::{Fix, Fixable, Severity};
use crate::time::{AnnivKind, Sem, Status, add_years, hist_year};

pub static ANNIVERSARY_ARITHMETIC: Rule = Rule {
    code: "dates/anniversary-arithmetic",
    default_severity: Severity::Warning,
    summary: "An anniversary or \"N years ago\" that does not add up.",
    what: "Reports \"der 75. Jahrestag\", \"80-jähriges Bestehen\" or \"jährt sich zum 75. Mal\" when the event's year (stated in the sentence, or known: \"Ende des Zweiten Weltkriegs\" 1945, \"Mauerfall\" 1989, …) plus the number is not the year the anniversary is said to fall in (a year in the sentence, \"nächstes Jahr\", or the article date). Also reports \"vor 80 Jahren\" next to an explicit year that is not 80 years before the article date (\"vor 80 Jahren, 1944,\").",
    why: "Anniversary numbers are computed by hand and copied from last year's story; an off-by-one anniversary is a factual error that readers and the people celebrating it notice.",
    bad: "Wien, 8. Mai 2025 – Europa begeht den 75. Jahrestag des Endes des Zweiten Weltkriegs.",
    good: "Wien, 8. Mai 2025 – Europa begeht den 80. Jahrestag des Endes des Zweiten Weltkriegs.",
    fixable: Fixable::Sometimes,
};

pub fn check(cx: &Ctx, sink: &mut Sink) {
    let doc = doc_date(cx);
    for a in cx.times {
        match &a.sem {
            Sem::Anniversary { n, kind, .. } if *kind != AnnivKind::Birthday => {
                anniversary(cx, sink, a, *n, doc)
            }
            Sem::Shift {
                amount: Some(n),
                unit: crate::time::Unit::Year,
                sign: -1,
                from_document: true,
            } if n.fract() == 0.0 => ago(cx, sink, a, *n as i32),
            _ => {}
        }
    }
}

fn anniversary(
    cx: &Ctx,
    sink: &mut Sink,
    a: &crate::time::TimeExpr,
    n: u32,
    doc: Option<jiff::civil::Date>,
) {
    let years: Vec<i32> = explicit_years(cx, a.sentence)
        .iter()
        .map(|(y, _)| *y)
        .collect();
    // The event: the earliest year in the sentence, or a known event.
    let (event, source) = match years.iter().min() {
        Some(&y) if years.len() >= 2 || doc.is_some_and(|d| y < hist_year(d.year() as i32)) => {
            (y, format!("{y}"))
        }
        _ => match event_for(cx, a) {
            Some(e) => (e.year, format!("{} ({})", e.label, e.year)),
            None => return,
        },
    };
    // The year it falls in: a later year in the sentence, a relative year,
    // or the article date.
    let later = years.iter().copied().filter(|y| *y > event).max();
    let rel = paired_rel(cx, a)
        .filter(|t| matches!(t.status, Status::Resolved(_)))
        .and_then(|t| t.value.point())
        .and_then(|p| p.year);
    let Some(year) = later.or(rel).or(doc.map(|d| hist_year(d.year() as i32))) else {
        return;
    };
    let right = year - event;
    if right == n as i32 || right <= 0 {
        return;
    }
    let written = &cx.text[a.span.clone()];
    let digits: usize = written.bytes().take_while(u8::is_ascii_digit).count();
    let fixes = if digits > 0 {
        vec![Fix::replace(
            format!("Change to {right}"),
            a.span.start..a.span.start + digits,
            right.to_string(),
        )]
    } else {
        Vec::new()
    };
    sink.emit(
        &ANNIVERSARY_ARITHMETIC,
        a.span.clone(),
        format!(
            "{}: from {source} to {year} is {right} years, not {n}",
            quote(cx, a.span.clone())
        ),
        fixes,
    );
}

/// "vor 80 Jahren, 1944," — the gloss must be the year the count gives.
fn ago(cx: &Ctx, sink: &mut Sink, a: &crate::time::TimeExpr, n: i32) {
    let Some(counted) = a.value.point().and_then(|p| p.year) else {
        return;
    };
    if !matches!(a.status, Status::Resolved(_)) {
        return;
    }
    let next = in_sentence(cx, a.sentence).find(|t| t.span.start >= a.span.end);
    let Some(gloss) = next else { return };
    let gap = &cx.text[a.span.end..gloss.span.start];
    let glossed = gap
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | '–' | '-'))
        .all(|w| w.is_empty() || matches!(w, "im" | "also" | "am"));
    if !glossed || !matches!(gloss.status, Status::Explicit) {
        return;
    }
    let Some(y) = gloss.value.point().and_then(|p| p.year) else {
        return;
    };
    if y == counted {
        return;
    }
    let doc_year = add_years(counted, n);
    sink.emit(
        &ANNIVERSARY_ARITHMETIC,
        a.span.clone(),
        format!(
            "{} before the article year {doc_year} is {counted}, but the text says {}",
            quote(cx, a.span.clone()),
            quote(cx, gloss.span.clone())
        ),
        Vec::new(),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::dates::test_util::{fixed, flagged};

    const CODE: &str = "dates/anniversary-arithmetic";

    #[test]
    fn anniversary_of_a_known_event_must_match_the_article_year() {
        let t = "---\ndate: 2025-05-08\n---\nEuropa begeht den 75. Jahrestag des Endes des Zweiten Weltkriegs.";
        assert_eq!(flagged(CODE, t), ["75. Jahrestag"]);
        assert_eq!(
            fixed(CODE, t),
            "---\ndate: 2025-05-08\n---\nEuropa begeht den 80. Jahrestag des Endes des Zweiten Weltkriegs."
        );
        assert!(flagged(CODE, "---\ndate: 2025-05-08\n---\nEuropa begeht den 80. Jahrestag des Endes des Zweiten Weltkriegs.").is_empty());
    }

    #[test]
    fn years_stated_in_the_sentence_are_used() {
        assert_eq!(
            flagged(
                CODE,
                "Im Jahr 2024 feierte der 1949 gegründete Verein sein 70-jähriges Bestehen."
            ),
            ["70-jähriges Bestehen"]
        );
        assert!(
            flagged(
                CODE,
                "Im Jahr 2024 feierte der 1949 gegründete Verein sein 75-jähriges Bestehen."
            )
            .is_empty()
        );
        assert_eq!(
            flagged(
                CODE,
                "---\ndate: 2019-11-09\n---\nDer Fall der Mauer jährt sich heute zum 25. Mal."
            ),
            ["25. Mal"]
        );
    }

    #[test]
    fn next_year_moves_the_anniversary() {
        let t = "---\ndate: 2024-03-01\n---\nIm nächsten Jahr steht der 80. Jahrestag des Kriegsendes an.";
        assert!(flagged(CODE, t).is_empty());
        let t = "---\ndate: 2024-03-01\n---\nIm nächsten Jahr steht der 79. Jahrestag des Kriegsendes an.";
        assert_eq!(flagged(CODE, t), ["79. Jahrestag"]);
    }

    #[test]
    fn years_ago_with_a_wrong_gloss_is_flagged() {
        assert_eq!(
            flagged(
                CODE,
                "---\ndate: 2025-05-08\n---\nVor 80 Jahren, 1944, endete der Krieg."
            ),
            ["Vor 80 Jahren"]
        );
        assert!(
            flagged(
                CODE,
                "---\ndate: 2025-05-08\n---\nVor 80 Jahren, 1945, endete der Krieg."
            )
            .is_empty()
        );
    }

    #[test]
    fn unknown_events_and_undated_articles_are_skipped() {
        assert!(
            flagged(
                CODE,
                "---\ndate: 2025-05-08\n---\nDer Verein feiert den 75. Jahrestag seiner Gründung."
            )
            .is_empty()
        );
        assert!(
            flagged(
                CODE,
                "Europa begeht den 75. Jahrestag des Endes des Zweiten Weltkriegs."
            )
            .is_empty()
        );
    }
}
