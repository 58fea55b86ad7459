//! Date rules: what a sub-editor checks when an article is anchored in
//! time — dates that cannot exist, weekdays that do not fit, relative
//! references that disagree, ages and anniversaries that do not add up.
//!
//! All of them read the temporal expressions and the document date that
//! `analysis` computed (`Ctx::times`, `Ctx::document_date`); checks that
//! need the document date are skipped when none is known.

mod age;
mod anniversary;
mod future_tense;
mod impossible;
mod invalid_document_date;
mod mixed_formats;
mod relative_conflict;
mod weekday;

use jiff::civil::Date;

use super::{Checker, Ctx, Rule, Sink};
use crate::time::{Sem, Status, TimeExpr, YearSpec};

pub use age::AGE_MISMATCH;
pub use anniversary::ANNIVERSARY_ARITHMETIC;
pub use future_tense::FUTURE_TENSE_PAST_DATE;
pub use impossible::IMPOSSIBLE_DATE;
pub use invalid_document_date::INVALID_DOCUMENT_DATE;
pub use mixed_formats::MIXED_FORMATS;
pub use relative_conflict::RELATIVE_CONFLICT;
pub use weekday::WEEKDAY_MISMATCH;

pub static RULES: &[&Rule] = &[
    &IMPOSSIBLE_DATE,
    &WEEKDAY_MISMATCH,
    &RELATIVE_CONFLICT,
    &FUTURE_TENSE_PAST_DATE,
    &AGE_MISMATCH,
    &ANNIVERSARY_ARITHMETIC,
    &MIXED_FORMATS,
    &INVALID_DOCUMENT_DATE,
];

pub const CHECKER: Checker = Checker { rules: RULES, run };

fn run(cx: &Ctx, sink: &mut Sink) {
    if sink.enabled(&INVALID_DOCUMENT_DATE) {
        invalid_document_date::check(cx, sink);
    }
    if sink.enabled(&IMPOSSIBLE_DATE) {
        impossible::check(cx, sink);
    }
    if sink.enabled(&WEEKDAY_MISMATCH) {
        weekday::check(cx, sink);
    }
    if sink.enabled(&RELATIVE_CONFLICT) {
        relative_conflict::check(cx, sink);
    }
    if sink.enabled(&FUTURE_TENSE_PAST_DATE) {
        future_tense::check(cx, sink);
    }
    if sink.enabled(&AGE_MISMATCH) {
        age::check(cx, sink);
    }
    if sink.enabled(&ANNIVERSARY_ARITHMETIC) {
        anniversary::check(cx, sink);
    }
    if sink.enabled(&MIXED_FORMATS) {
        mixed_formats::check(cx, sink);
    }
}

/// The document date, when known.
pub(crate) fn doc_date(cx: &Ctx) -> Option<Date> {
    cx.document_date.date.as_ref().map(|d| d.date)
}

/// Expressions of one sentence.
pub(crate) fn in_sentence<'a>(
    cx: &Ctx<'a>,
    sentence: usize,
) -> impl Iterator<Item = &'a TimeExpr> + 'a {
    let times: &'a [TimeExpr] = cx.times;
    let first = times.partition_point(|t| t.sentence < sentence);
    times[first..]
        .iter()
        .take_while(move |t| t.sentence == sentence)
}

/// Years written out in a sentence ("1949", "15. Oktober 2024"), in order.
pub(crate) fn explicit_years(cx: &Ctx, sentence: usize) -> Vec<(i32, std::ops::Range<usize>)> {
    in_sentence(cx, sentence)
        .filter_map(|t| match (&t.sem, &t.status, t.value.point()) {
            (Sem::Cal(c), Status::Explicit, Some(p))
                if matches!(c.year, Some(YearSpec::Explicit(_))) =>
            {
                p.year.map(|y| (y, t.span.clone()))
            }
            _ => None,
        })
        .collect()
}

/// The event an anniversary counts from: first what follows it up to the
/// next anniversary ("der 75. Jahrestag der Aufnahme diplomatischer
/// Beziehungen"), then what precedes it ("Der Mauerfall jährt sich zum 25.
/// Mal"), each also needing its article-wide words ("China", "Russland").
pub(crate) fn event_for<'a>(
    cx: &Ctx<'a>,
    a: &TimeExpr,
) -> Option<&'a crate::time::knowledge::Event> {
    let sentence = cx.tokens.sentences.get(a.sentence)?;
    let annivs: Vec<&TimeExpr> = in_sentence(cx, a.sentence)
        .filter(|t| matches!(t.sem, Sem::Anniversary { .. }))
        .collect();
    let k = annivs.iter().position(|t| t.span == a.span)?;
    let after_end = annivs
        .get(k + 1)
        .map(|t| t.span.start)
        .unwrap_or(sentence.span.end);
    let before_start = if k > 0 {
        annivs[k - 1].span.end
    } else {
        sentence.span.start
    };
    let events: &'a crate::time::EventYears = &cx.context.events;
    events
        .find(&cx.text[a.span.start..after_end], cx.text)
        .or_else(|| events.find(&cx.text[before_start..a.span.end], cx.text))
}

/// The "this year"/"next year"/"heute" an anniversary is said to fall in:
/// the nearest such expression in its sentence, preferring one before it.
pub(crate) fn paired_rel<'a>(cx: &Ctx<'a>, a: &TimeExpr) -> Option<&'a TimeExpr> {
    use crate::time::{RelAnchor, RelUnit};
    let rels = in_sentence(cx, a.sentence).filter(|t| {
        matches!(
            t.sem,
            Sem::Rel {
                unit: RelUnit::Year,
                anchor: RelAnchor::Document,
                ..
            } | Sem::DayRel { .. }
        )
    });
    rels.min_by_key(|t| {
        if t.span.end <= a.span.start {
            a.span.start - t.span.end
        } else {
            10_000 + t.span.start - a.span.end
        }
    })
}

/// Quotes a piece of the text for a message.
pub(crate) fn quote(cx: &Ctx, span: std::ops::Range<usize>) -> String {
    format!("„{}“", cx.text.get(span).unwrap_or(""))
}

#[cfg(test)]
pub(crate) mod test_util {
    use std::sync::Arc;

    use crate::analysis::{Context, DocInput, analyze};
    use crate::config::Settings;
    use crate::markup::Format;
    use crate::rules::Finding;
    use crate::time::BirthDates;

    /// Findings of one rule on a Markdown article (front matter allowed).
    pub fn findings(code: &str, text: &str) -> Vec<Finding> {
        findings_with(code, text, &Context::default())
    }

    pub fn findings_with(code: &str, text: &str, context: &Context) -> Vec<Finding> {
        let settings = Settings::default();
        let a = analyze(
            &DocInput {
                text,
                path: None,
                format: Format::Markdown,
            },
            &settings,
            context,
        );
        a.findings.into_iter().filter(|f| f.code == code).collect()
    }

    /// The flagged text of each finding of `code`.
    pub fn flagged<'t>(code: &str, text: &'t str) -> Vec<&'t str> {
        findings(code, text)
            .into_iter()
            .map(|f| &text[f.span])
            .collect()
    }

    /// A context knowing some birth dates.
    pub fn with_births(people: &[(&str, &str)]) -> Context {
        let mut b = BirthDates::new();
        for (name, date) in people {
            b.insert(name, date.parse().unwrap());
        }
        Context {
            birth_dates: Arc::new(b),
            ..Context::default()
        }
    }

    /// The text after applying the first fix of the first finding.
    pub fn fixed(code: &str, text: &str) -> String {
        let f = findings(code, text);
        let first = f
            .first()
            .unwrap_or_else(|| panic!("no {code} finding in {text:?}"));
        let mut out = text.to_string();
        let mut edits = first.fixes[0].edits.clone();
        edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
        for e in edits {
            out.replace_range(e.span, &e.new_text);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::test_util::findings_with;
    use super::*;

    /// Every date rule fires on its bad example and not on its good one
    /// (with the birth date the age example needs).
    #[test]
    fn examples_trigger_their_rule_and_fixed_examples_do_not() {
        let cx = test_util::with_births(&[("Wladimir Putin", "1952-10-07")]);
        for r in RULES {
            let bad = findings_with(r.code, r.bad, &cx);
            assert!(
                !bad.is_empty(),
                "{}: bad example does not trigger:\n{}",
                r.code,
                r.bad
            );
            let good = findings_with(r.code, r.good, &cx);
            assert!(
                good.is_empty(),
                "{}: good example triggers {:?}:\n{}",
                r.code,
                good,
                r.good
            );
        }
    }
}
