use super::{Ctx, Rule, Sink, quote};
use crate::config::Language;
use crate::rules::{Fix, Fixable, Severity};
use crate::time::{Anchor, Sem, Status, YearSpec};

pub static WEEKDAY_MISMATCH: Rule = Rule {
    code: "dates/weekday-mismatch",
    default_severity: Severity::Warning,
    summary: "A weekday that does not match the date it is written with.",
    what: "Reports a weekday written next to a date (\"Dienstag, 28. Februar 2025\", \"am Freitag, dem 3. März\", \"28.2. (Di.)\") when the date falls on another day. For a date without a year, the year is taken from the article date. The fix replaces the weekday with the right one.",
    why: "Weekday and date are both claims about when something happened; when they disagree, readers cannot tell which to believe, and one of them is wrong.",
    bad: "Wien, 20. Februar 2025 – Die Sitzung am Dienstag, 28. Februar 2025, fällt aus.",
    good: "Wien, 20. Februar 2025 – Die Sitzung am Freitag, 28. Februar 2025, fällt aus.",
    fixable: Fixable::Always,
};

const DE: [&str; 7] = [
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
];
const DE_SHORT: [&str; 7] = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"];
const EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const EN_SHORT: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

pub fn check(cx: &Ctx, sink: &mut Sink) {
    for t in cx.times {
        let Some(named) = &t.weekday else { continue };
        let Some(date) = t.value.point().and_then(|p| p.date()) else {
            continue;
        };
        // Only a stated year or one taken from the article date is trusted.
        let from_doc = match &t.status {
            Status::Explicit => false,
            Status::Resolved(Anchor::DocumentDate(_))
            | Status::Ambiguous(Anchor::DocumentDate(_), _) => true,
            _ => continue,
        };
        if let Sem::Cal(c) = &t.sem
            && matches!(c.year, Some(YearSpec::TwoDigit(_)))
        {
            continue;
        }
        let actual = date.weekday().to_monday_one_offset() as u8;
        if actual == named.weekday {
            continue;
        }
        let written = &cx.text[named.span.clone()];
        let replacement = replacement(written, actual, cx.language);
        let names = if cx.language == Language::En { EN } else { DE };
        let note = if from_doc {
            " (year taken from the article date)"
        } else {
            ""
        };
        let date_text = if named.span.start >= t.span.end {
            quote(cx, t.span.clone())
        } else {
            let rest = cx.text[named.span.end..t.span.end]
                .trim_start_matches(|c: char| c == ',' || c == '(' || c.is_whitespace());
            let rest = rest
                .strip_prefix("dem ")
                .or_else(|| rest.strip_prefix("den "))
                .unwrap_or(rest);
            format!("„{rest}“")
        };
        sink.emit(
            &WEEKDAY_MISMATCH,
            named.span.clone(),
            format!(
                "{date_text} is a {}, not a {}{note}",
                names[actual as usize - 1],
                names[named.weekday as usize - 1]
            ),
            vec![Fix::replace(
                format!("Change to {replacement}"),
                named.span.clone(),
                replacement,
            )],
        );
    }
}

/// The right weekday in the form the wrong one was written: "Dienstag" →
/// "Freitag", "Di." → "Fr.", "DIENSTAG" → "FREITAG".
fn replacement(written: &str, wd: u8, lang: Language) -> String {
    let i = wd as usize - 1;
    let dot = written.ends_with('.');
    let core = written.trim_end_matches('.');
    let short = core.chars().count() <= 4;
    let base = match (lang, short) {
        (Language::En, true) => EN_SHORT[i],
        (Language::En, false) => EN[i],
        (Language::De, true) => DE_SHORT[i],
        (Language::De, false) => DE[i],
    };
    let mut s = if core.chars().all(|c| !c.is_lowercase()) && core.chars().count() > 1 {
        base.to_uppercase()
    } else {
        base.to_string()
    };
    if dot {
        s.push('.');
    }
    s
}

#[cfg(test)]
mod tests {
    use crate::rules::dates::test_util::{fixed, flagged};

    const CODE: &str = "dates/weekday-mismatch";

    #[test]
    fn wrong_weekday_with_full_date_is_fixed_to_the_right_one() {
        let t = "Am Dienstag, 28. Februar 2025, tagte der Rat.";
        assert_eq!(flagged(CODE, t), ["Dienstag"]);
        assert_eq!(
            fixed(CODE, t),
            "Am Freitag, 28. Februar 2025, tagte der Rat."
        );
        let t = "Die Wahl ist am Di., 28.02.2025.";
        assert_eq!(fixed(CODE, t), "Die Wahl ist am Fr., 28.02.2025.");
    }

    #[test]
    fn weekday_in_parentheses_after_the_date_is_checked() {
        assert_eq!(
            flagged(CODE, "Am 28. Februar 2025 (Dienstag) tagte der Rat."),
            ["Dienstag"]
        );
        assert!(flagged(CODE, "Am 28. Februar 2025 (Freitag) tagte der Rat.").is_empty());
    }

    #[test]
    fn year_comes_from_the_article_date_when_missing() {
        assert_eq!(
            flagged(
                CODE,
                "---\ndate: 2025-02-20\n---\nAm Dienstag, dem 28. Februar, tagt der Rat."
            ),
            ["Dienstag"]
        );
        assert!(flagged(CODE, "Am Dienstag, dem 28. Februar, tagt der Rat.").is_empty());
    }

    #[test]
    fn matching_weekdays_pass() {
        assert!(flagged(CODE, "Am Freitag, 28. Februar 2025, tagte der Rat.").is_empty());
        assert!(flagged(CODE, "Am Montag, den 1. September 1939, begann der Krieg? Nein: Freitag, 1. September 1939.").len() == 1);
    }
}
