use std::ops::Range;

use jiff::civil::Date;

use super::{Ctx, Rule, Sink, doc_date, event_for, explicit_years, paired_rel, quote};
use crate::rules::{Fixable, Severity};
use crate::time::{
    AnnivKind, Gran, Point, RelAnchor, RelUnit, Season, Sem, Status, TimeExpr, add_years, civil,
    format_date_de,
};

pub static RELATIVE_CONFLICT: Rule = Rule {
    code: "dates/relative-conflict",
    default_severity: Severity::Warning,
    summary: "Relative time references that put \"now\" in different places.",
    what: "Every relative reference says something about when the article was written: \"gestern, am 14. März\" means it was written on 15 March; \"in diesem Jahr (2024)\" means 2024; \"in diesem Jahr … der 80. Jahrestag des Kriegsendes\" means 2025. The rule collects these claims — from a relative expression with an explicit date next to it, and from \"this year\" next to an anniversary of an event whose year is known — and reports a claim that contradicts the article date or, when the article has no date, an earlier claim.",
    why: "Articles are updated and re-published: a \"gestern\" left over from yesterday's version, or a \"dieses Jahr\" copied from last year's story, tells the reader something false. Two such references that cannot both be true show that at least one was not updated.",
    bad: "Die Beziehungen wurden 1949 aufgenommen. In diesem Jahr feiern beide Länder den 75. Jahrestag der Aufnahme diplomatischer Beziehungen zwischen China und Russland. Dieses Jahr ist auch der 80. Jahrestag des Sieges im Zweiten Weltkrieg.",
    good: "Die Beziehungen wurden 1949 aufgenommen. Im vergangenen Jahr feierten beide Länder den 75. Jahrestag der Aufnahme diplomatischer Beziehungen zwischen China und Russland. Dieses Jahr ist der 80. Jahrestag des Sieges im Zweiten Weltkrieg.",
    fixable: Fixable::Never,
};

/// What a claim says about the document date.
#[derive(Clone, Debug)]
enum Implied {
    /// The document date lies in this range (inclusive).
    Range(Date, Date),
    /// The document date is this weekday.
    Weekday(u8),
    /// The document date falls on this month and day (a gloss without a year).
    MonthDay(u8, u8),
}

struct Claim {
    /// The relative expression the claim is about.
    span: Range<usize>,
    implied: Implied,
    /// Why: "with „14. März 2025“", "75. Jahrestag of 1949".
    because: String,
    from_anniversary: bool,
}

fn year_range(y: i32) -> Option<Implied> {
    Some(Implied::Range(civil(y, 1, 1)?, civil(y, 12, 31)?))
}

fn describe(i: &Implied) -> String {
    match i {
        Implied::Range(a, b) if a == b => {
            format!("the article date would be {}", format_date_de(*a))
        }
        Implied::Range(a, b)
            if a.year() == b.year()
                && a.month() == 1
                && a.day() == 1
                && b.month() == 12
                && b.day() == 31 =>
        {
            format!(
                "the article would be from {}",
                crate::time::hist_year(a.year() as i32)
            )
        }
        Implied::Range(a, b) => format!(
            "the article date would lie between {} and {}",
            format_date_de(*a),
            format_date_de(*b)
        ),
        Implied::Weekday(w) => format!(
            "the article would be from a {}",
            [
                "Monday",
                "Tuesday",
                "Wednesday",
                "Thursday",
                "Friday",
                "Saturday",
                "Sunday"
            ][*w as usize - 1]
        ),
        Implied::MonthDay(m, d) => format!(
            "the article would be from {d}. {}",
            crate::tokenize::MONTHS_DE[*m as usize - 1]
        ),
    }
}

fn compatible(a: &Implied, b: &Implied) -> bool {
    match (a, b) {
        (Implied::Range(a0, a1), Implied::Range(b0, b1)) => a0 <= b1 && b0 <= a1,
        (Implied::Range(a0, a1), Implied::Weekday(w))
        | (Implied::Weekday(w), Implied::Range(a0, a1)) => {
            a0 != a1 || a0.weekday().to_monday_one_offset() as u8 == *w
        }
        (Implied::Weekday(a), Implied::Weekday(b)) => a == b,
        (Implied::MonthDay(m, d), Implied::Range(a0, a1))
        | (Implied::Range(a0, a1), Implied::MonthDay(m, d)) => (a0.year()..=a1.year()).any(|y| {
            jiff::civil::Date::new(y, *m as i8, *d as i8).is_ok_and(|x| *a0 <= x && x <= *a1)
        }),
        (Implied::MonthDay(a, b), Implied::MonthDay(c, d)) => (a, b) == (c, d),
        (Implied::MonthDay(..), Implied::Weekday(_))
        | (Implied::Weekday(_), Implied::MonthDay(..)) => true,
    }
}

fn holds(i: &Implied, doc: Date) -> bool {
    compatible(i, &Implied::Range(doc, doc))
}

/// Words and signs allowed between a relative expression and the explicit
/// date it is glossed with: "gestern, am 14. März", "in diesem Jahr (2024)".
fn is_apposition_gap(gap: &str) -> bool {
    gap.split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '–' | '—' | '-' | ':'))
        .filter(|w| !w.is_empty())
        .all(|w| {
            matches!(
                w,
                "am" | "dem" | "den" | "im" | "also" | "nämlich" | "on" | "the" | "in"
            )
        })
}

/// The range of document dates for which a relative expression of `unit`
/// and `offset` lands on `p`.
fn implied_by_rel(unit: RelUnit, offset: i32, p: &Point) -> Option<Implied> {
    let y = p.year?;
    match unit {
        RelUnit::Year => year_range(add_years(y, -offset)),
        RelUnit::Month => {
            let m = match p.gran {
                Gran::Month(m) | Gran::Day(m, _) => m as i32,
                _ => return None,
            };
            let total = y * 12 + (m - 1) - offset;
            let (yy, mm) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8);
            let a = civil(yy, mm, 1)?;
            Some(Implied::Range(a, a.last_of_month()))
        }
        RelUnit::Season(_) | RelUnit::MonthName(_) if offset != 0 => {
            // "im nächsten Frühjahr 2023": written after spring 2022 ended and before spring 2023 began.
            let (this, other) = match unit {
                RelUnit::Season(s) => (season(y, s)?, season(add_years(y, -offset), s)?),
                RelUnit::MonthName(m) => (month(y, m)?, month(add_years(y, -offset), m)?),
                _ => return None,
            };
            if offset > 0 {
                Some(Implied::Range(
                    other.1.tomorrow().ok()?,
                    this.0.yesterday().ok()?,
                ))
            } else {
                Some(Implied::Range(
                    this.1.tomorrow().ok()?,
                    other.0.yesterday().ok()?,
                ))
            }
        }
        RelUnit::Season(_) | RelUnit::MonthName(_) => year_range(y),
        _ => None,
    }
}

fn season(y: i32, s: Season) -> Option<(Date, Date)> {
    Point {
        year: Some(y),
        gran: Gran::Season(s),
    }
    .bounds()
}

fn month(y: i32, m: u8) -> Option<(Date, Date)> {
    Point {
        year: Some(y),
        gran: Gran::Month(m),
    }
    .bounds()
}

/// A claim from a relative expression and the explicit date next to it.
fn apposition(cx: &Ctx, rel: &TimeExpr, exp: &TimeExpr) -> Option<Claim> {
    let because = format!("with {}", quote(cx, exp.span.clone()));
    let explicit = matches!(exp.status, Status::Explicit);
    let implied = match (&rel.sem, &exp.sem) {
        (Sem::DayRel { days, .. }, Sem::Cal(c))
            if c.day.is_some() && c.month.is_some() && c.part.is_none() =>
        {
            let back = |d: Date| d.checked_sub(jiff::Span::new().days(*days as i64)).ok();
            match exp.value.point().and_then(|p| p.date()) {
                Some(d) if explicit => {
                    let doc = back(d)?;
                    Implied::Range(doc, doc)
                }
                // "gestern, am 14. März": no year, so only month and day.
                _ => {
                    let doc = back(civil(2000, c.month?, c.day?)?)?;
                    Implied::MonthDay(doc.month() as u8, doc.day() as u8)
                }
            }
        }
        (Sem::DayRel { days, .. }, Sem::Weekday { wd, part: None }) => {
            Implied::Weekday(((*wd as i32 - 1 - days).rem_euclid(7) + 1) as u8)
        }
        (
            Sem::Rel {
                unit,
                offset,
                anchor: RelAnchor::Document,
                part: None,
            },
            Sem::Cal(c),
        ) if explicit && (c.day.is_none() || *unit != RelUnit::Year) => {
            implied_by_rel(*unit, *offset, exp.value.point()?)?
        }
        _ => return None,
    };
    Some(Claim {
        span: rel.span.clone(),
        implied,
        because,
        from_anniversary: false,
    })
}

/// A claim from "in diesem Jahr" next to an anniversary of a known year.
fn anniversary_claims(cx: &Ctx, out: &mut Vec<Claim>) {
    for a in cx.times {
        let Sem::Anniversary { n, kind, .. } = &a.sem else {
            continue;
        };
        if *kind == AnnivKind::Birthday {
            continue;
        }
        let Some(rel) = paired_rel(cx, a) else {
            continue;
        };
        let years = explicit_years(cx, a.sentence);
        let (event, label) = match years.iter().map(|(y, _)| *y).min() {
            Some(y) => (y, format!("{y}")),
            None => match event_for(cx, a) {
                Some(e) => (e.year, format!("{} ({})", e.label, e.year)),
                None => continue,
            },
        };
        let year = add_years(event, *n as i32);
        let offset = match rel.sem {
            Sem::Rel { offset, .. } => offset,
            _ => 0,
        };
        let Some(implied) = year_range(add_years(year, -offset)) else {
            continue;
        };
        out.push(Claim {
            span: rel.span.clone(),
            implied,
            because: format!("with {} of {label}", quote(cx, a.span.clone())),
            from_anniversary: true,
        });
    }
}

pub fn check(cx: &Ctx, sink: &mut Sink) {
    let mut claims = Vec::new();
    for w in cx.times.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        if a.sentence != b.sentence
            || b.span.start < a.span.end
            || !is_apposition_gap(&cx.text[a.span.end..b.span.start])
        {
            continue;
        }
        if let Some(c) = apposition(cx, a, b).or_else(|| apposition(cx, b, a)) {
            claims.push(c);
        }
    }
    anniversary_claims(cx, &mut claims);
    claims.sort_by_key(|c| c.span.start);
    match doc_date(cx) {
        Some(doc) => {
            for c in claims.iter().filter(|c| !c.from_anniversary) {
                if !holds(&c.implied, doc) {
                    sink.emit(
                        &RELATIVE_CONFLICT,
                        c.span.clone(),
                        format!(
                            "{} {}: {}, but the article is dated {}",
                            quote(cx, c.span.clone()),
                            c.because,
                            describe(&c.implied),
                            format_date_de(doc)
                        ),
                        Vec::new(),
                    );
                }
            }
        }
        None => {
            // The reading most claims agree with wins; the others are reported.
            let support: Vec<usize> = claims
                .iter()
                .map(|c| {
                    claims
                        .iter()
                        .filter(|o| compatible(&o.implied, &c.implied))
                        .count()
                })
                .collect();
            let mut order: Vec<usize> = (0..claims.len()).collect();
            order.sort_by_key(|&i| (std::cmp::Reverse(support[i]), claims[i].span.start));
            let mut accepted: Vec<&Claim> = Vec::new();
            let mut rejected: Vec<(&Claim, &Claim)> = Vec::new();
            for i in order {
                let c = &claims[i];
                match accepted
                    .iter()
                    .find(|a| !compatible(&a.implied, &c.implied))
                {
                    Some(a) => rejected.push((c, a)),
                    None => accepted.push(c),
                }
            }
            rejected.sort_by_key(|(c, _)| c.span.start);
            rejected.dedup_by(|x, y| x.0.span == y.0.span);
            for (c, a) in rejected {
                sink.emit(
                    &RELATIVE_CONFLICT,
                    c.span.clone(),
                    format!(
                        "{} {}: {}; but {} {}: {}",
                        quote(cx, c.span.clone()),
                        c.because,
                        describe(&c.implied),
                        quote(cx, a.span.clone()),
                        a.because,
                        describe(&a.implied)
                    ),
                    Vec::new(),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::dates::test_util::flagged;

    const CODE: &str = "dates/relative-conflict";

    #[test]
    fn yesterday_glossed_with_the_wrong_date_contradicts_the_article_date() {
        let t = "---\ndate: 2025-03-16\n---\nGestern, am 14. März, stimmte der Rat zu.";
        assert_eq!(flagged(CODE, t), ["Gestern"]);
        let t = "---\ndate: 2025-03-15\n---\nGestern, am 14. März, stimmte der Rat zu.";
        assert!(flagged(CODE, t).is_empty());
    }

    #[test]
    fn this_year_glossed_with_another_year_is_flagged() {
        assert_eq!(
            flagged(
                CODE,
                "---\ndate: 2025-01-10\n---\nIn diesem Jahr (2024) wächst die Wirtschaft."
            ),
            ["diesem Jahr"]
        );
        assert!(
            flagged(
                CODE,
                "---\ndate: 2024-01-10\n---\nIn diesem Jahr (2024) wächst die Wirtschaft."
            )
            .is_empty()
        );
    }

    #[test]
    fn next_spring_with_a_past_year_is_flagged() {
        let t = "---\ndate: 2024-06-01\n---\nSie kommt im nächsten Frühjahr 2023 nach Berlin.";
        assert_eq!(flagged(CODE, t), ["nächsten Frühjahr"]);
        let t = "---\ndate: 2022-12-30\n---\nSie kommt im nächsten Frühjahr 2023 nach Berlin.";
        assert!(flagged(CODE, t).is_empty());
    }

    #[test]
    fn two_this_year_anniversaries_that_disagree_are_flagged_without_a_date() {
        let t = "In diesem Jahr feiern sie den 75. Jahrestag der Aufnahme diplomatischer Beziehungen zwischen China und Russland. Dieses Jahr ist auch der 80. Jahrestag des Sieges im Zweiten Weltkrieg.";
        assert_eq!(flagged(CODE, t), ["Dieses Jahr"]);
        // Two anniversaries agree on 2025, one says 2024: the odd one out is reported.
        let t = "China und Russland feiern in diesem Jahr den 75. Jahrestag diplomatischer Beziehungen. Dieses Jahr ist der 80. Jahrestag des Sieges im Zweiten Weltkrieg und das 80-jährige Bestehen der Vereinten Nationen.";
        assert_eq!(flagged(CODE, t), ["diesem Jahr"]);
        let t = "Sie feiern in diesem Jahr den 75. Jahrestag diplomatischer Beziehungen zwischen China und Russland und im nächsten Jahr den 80. Jahrestag des Sieges über den Faschismus.";
        assert!(flagged(CODE, t).is_empty());
    }

    #[test]
    fn weekday_glosses_must_agree_with_each_other() {
        let t = "Gestern (Mittwoch) tagte der Ausschuss. Heute, Freitag, folgt das Plenum.";
        assert_eq!(flagged(CODE, t), ["Heute"]);
        let t = "Gestern (Donnerstag) tagte der Ausschuss. Heute, Freitag, folgt das Plenum.";
        assert!(flagged(CODE, t).is_empty());
    }
}
