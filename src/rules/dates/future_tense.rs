use super::{Ctx, Rule, Sink, doc_date, in_sentence, quote};
use crate::rules::{Fixable, Severity};
use crate::time::{Sem, Status, Tense, YearSpec, format_date_de};

pub static FUTURE_TENSE_PAST_DATE: Rule = Rule {
    code: "dates/future-tense-past-date",
    default_severity: Severity::Warning,
    summary: "Future tense for a date that lies before the article date.",
    what: "Reports a date written with its year (\"im Frühjahr 2023\", \"am 15. Oktober 2024\") in a clause in the future tense (\"wird … besuchen\", \"besuchen wird\") or announcing a plan (\"soll … stattfinden\", \"will … reisen\") when the whole period lies before the article date. The hearsay perfect (\"soll … bestochen haben\") is past and not reported. Reported speech (\"werde\", \"würde\") and sentences that also name an earlier date — the moment the plan was announced — are left alone.",
    why: "\"Xi wird im Frühjahr 2023 Moskau besuchen\" in an article from 2024 is either an old sentence copied into a new story or a wrong year; either way the reader is told that something still lies ahead that is long over.",
    bad: "Wien, 15. Januar 2024 – Xi wird im Frühjahr 2023 Moskau besuchen.",
    good: "Wien, 15. Januar 2024 – Xi besuchte im Frühjahr 2023 Moskau.",
    fixable: Fixable::Never,
};

pub fn check(cx: &Ctx, sink: &mut Sink) {
    let Some(doc) = doc_date(cx) else { return };
    for t in cx.times {
        if t.tense != Tense::Future || !matches!(t.status, Status::Explicit) {
            continue;
        }
        let Sem::Cal(c) = &t.sem else { continue };
        if !matches!(c.year, Some(YearSpec::Explicit(_))) {
            continue;
        }
        let Some((start, end)) = t.value.point().and_then(|p| p.bounds()) else {
            continue;
        };
        if end >= doc {
            continue;
        }
        // "Im Dezember 2022 kündigte Putin an, dass Xi im Frühjahr 2023 kommen wird":
        // the future is seen from an earlier moment the sentence names.
        let earlier_anchor = in_sentence(cx, t.sentence).any(|o| {
            o.span != t.span
                && matches!(o.status, Status::Explicit)
                && o.value
                    .point()
                    .and_then(|p| p.bounds())
                    .is_some_and(|(_, e)| e < start)
        });
        if earlier_anchor {
            continue;
        }
        sink.emit(
            &FUTURE_TENSE_PAST_DATE,
            t.span.clone(),
            format!(
                "future tense for {}, which lies before the article date {}",
                quote(cx, t.span.clone()),
                format_date_de(doc)
            ),
            Vec::new(),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::dates::test_util::flagged;

    const CODE: &str = "dates/future-tense-past-date";

    #[test]
    fn future_tense_for_a_past_period_is_flagged() {
        let t = "---\ndate: 2024-05-01\n---\nXi wird im Frühjahr 2023 Moskau besuchen.";
        assert_eq!(flagged(CODE, t), ["Frühjahr 2023"]);
        let t =
            "---\ndate: 2024-05-01\n---\nEr sagte, dass Xi Moskau am 20. März 2023 besuchen wird.";
        assert_eq!(flagged(CODE, t), ["20. März 2023"]);
    }

    #[test]
    fn future_periods_past_tense_and_reported_speech_are_fine() {
        for t in [
            "---\ndate: 2022-12-30\n---\nXi wird im Frühjahr 2023 Moskau besuchen.",
            "---\ndate: 2024-05-01\n---\nXi besuchte im Frühjahr 2023 Moskau.",
            "---\ndate: 2024-05-01\n---\nPutin sagte, Xi werde im Frühjahr 2023 kommen.",
            "---\ndate: 2024-05-01\n---\nDie Brücke wird 2023 gebaut.",
            "---\ndate: 2024-05-01\n---\nIm Dezember 2022 kündigte Putin an, dass Xi im Frühjahr 2023 kommen wird.",
            "Xi wird im Frühjahr 2023 Moskau besuchen.",
        ] {
            assert!(flagged(CODE, t).is_empty(), "{t}");
        }
    }

    #[test]
    fn the_current_year_is_not_past() {
        let t = "---\ndate: 2024-05-01\n---\nDie Wahl wird im Jahr 2024 stattfinden.";
        assert!(flagged(CODE, t).is_empty());
    }
}
