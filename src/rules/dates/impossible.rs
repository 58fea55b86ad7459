use super::{Ctx, Rule, Sink, quote};
use crate::rules::{Fixable, Severity};
use crate::time::Status;

pub static IMPOSSIBLE_DATE: Rule = Rule {
    code: "dates/impossible-date",
    default_severity: Severity::Error,
    summary: "A date that does not exist in the calendar.",
    what: "Reports dates with a day the month does not have (\"31. April\", \"30. Februar\", \"32.8.\"), the 29th of February in a year that is not a leap year (\"29. Februar 2023\"), and numeric dates with a month over 12 (\"15.13.2024\"). Dates without a year accept the 29th of February.",
    why: "An impossible date is always a typo — usually a transposed or mistyped digit — and the reader cannot tell which part is wrong. It is the kind of error readers write in about.",
    bad: "Die Abstimmung ist für den 31. April angesetzt.",
    good: "Die Abstimmung ist für den 30. April angesetzt.",
    fixable: Fixable::Never,
};

pub fn check(cx: &Ctx, sink: &mut Sink) {
    for t in cx.times {
        if let Status::Invalid(why) = &t.status {
            sink.emit(
                &IMPOSSIBLE_DATE,
                t.span.clone(),
                format!("{} is not a date: {why}", quote(cx, t.span.clone())),
                Vec::new(),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::dates::test_util::flagged;

    const CODE: &str = "dates/impossible-date";

    #[test]
    fn days_beyond_the_end_of_the_month_are_flagged() {
        assert_eq!(flagged(CODE, "Am 31. April tagte der Rat."), ["31. April"]);
        assert_eq!(flagged(CODE, "Es geschah am 31. Februar."), ["31. Februar"]);
        assert_eq!(
            flagged(CODE, "Frist ist der 32.8. um Mitternacht."),
            ["32.8."]
        );
        assert_eq!(
            flagged(CODE, "Das Urteil vom 32.13.2024 ist rechtskräftig."),
            ["32.13.2024"]
        );
    }

    #[test]
    fn leap_days_depend_on_the_year() {
        assert_eq!(
            flagged(CODE, "Am 29. Februar 2023 war nichts los."),
            ["29. Februar 2023"]
        );
        assert!(flagged(CODE, "Am 29. Februar 2024 war Schalttag.").is_empty());
        assert!(flagged(CODE, "Am 29. Februar feiern sie selten.").is_empty());
        assert!(flagged(CODE, "Am 29.02.2000 war Schalttag.").is_empty());
        assert_eq!(
            flagged(CODE, "Am 29.02.1900 war kein Schalttag."),
            ["29.02.1900"]
        );
    }

    #[test]
    fn numbers_that_are_not_dates_are_left_alone() {
        for s in [
            "Die 28. Sitzung begann um 10 Uhr.",
            "Sie landete auf Platz 15.",
            "Version 3.14. ist fehlerhaft.",
            "Er zahlte 1.000 Euro.",
            "Das Jahr 0 gibt es nicht, das Jahr 99999 auch nicht.",
            "Im Jahr 190 v. Chr. zerstörten die Römer die Stadt.",
        ] {
            assert!(flagged(CODE, s).is_empty(), "{s}");
        }
    }
}
