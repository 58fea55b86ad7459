use super::{Ctx, Rule, Sink};
use crate::rules::{Fixable, Severity};

pub static INVALID_DOCUMENT_DATE: Rule = Rule {
    code: "dates/invalid-document-date",
    default_severity: Severity::Warning,
    summary: "The front-matter date cannot be read.",
    what: "Reports a Markdown front-matter `date:` that is not a readable calendar date (ISO `2025-02-28`, optionally with a time, or `28.02.2025` / `28. Februar 2025`). copydesk then falls back to the file name, a dateline or the settings, and checks that need the article date may be skipped.",
    why: "The article date anchors every relative reference (\"gestern\", \"in diesem Jahr\"); a broken date silently switches those checks off and usually breaks the publishing pipeline too.",
    bad: "---\ndate: 2025-02-30\n---\nDer Gipfel beginnt heute.",
    good: "---\ndate: 2025-02-28\n---\nDer Gipfel beginnt heute.",
    fixable: Fixable::Never,
};

pub fn check(cx: &Ctx, sink: &mut Sink) {
    if let Some((span, why)) = &cx.document_date.invalid {
        let fallback = match &cx.document_date.date {
            Some(d) => format!("; using {} {}", d.date, source_en(&d.source)),
            None => "; relative dates are not checked".to_string(),
        };
        sink.emit(
            &INVALID_DOCUMENT_DATE,
            span.clone(),
            format!("front-matter date cannot be read: {why}{fallback}"),
            Vec::new(),
        );
    }
}

fn source_en(s: &crate::time::DateSource) -> &'static str {
    use crate::time::DateSource::*;
    match s {
        FrontMatter(_) => "from the front matter",
        FileName => "from the file name",
        Dateline(_) => "from the dateline",
        Setting(_) => "from copydesk.toml",
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::dates::test_util::{findings, flagged};

    #[test]
    fn unreadable_front_matter_date_is_flagged_on_its_value() {
        assert_eq!(
            flagged(
                "dates/invalid-document-date",
                "---\ndate: nächste Woche\n---\nText"
            ),
            ["nächste Woche"]
        );
        assert_eq!(
            flagged(
                "dates/invalid-document-date",
                "---\ndate: 99999-01-01\n---\nText"
            ),
            ["99999-01-01"]
        );
    }

    #[test]
    fn readable_or_missing_dates_are_fine() {
        assert!(
            findings(
                "dates/invalid-document-date",
                "---\ndate: 2024-10-15T09:00:00+02:00\n---\nText"
            )
            .is_empty()
        );
        assert!(findings("dates/invalid-document-date", "---\ntitle: x\n---\nText").is_empty());
        assert!(findings("dates/invalid-document-date", "Ohne Front Matter.").is_empty());
    }

    #[test]
    fn empty_date_value_does_not_panic() {
        let f = findings("dates/invalid-document-date", "---\ndate:\n---\nText");
        assert_eq!(f.len(), 1);
    }
}
