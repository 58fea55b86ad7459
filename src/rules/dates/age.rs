use super::{Ctx, Rule, Sink, doc_date, in_sentence};
use crate::rules::{Fix, Fixable, Severity};
use crate::time::{AnnivKind, Gran, Sem, Status, YearSpec, format_date_de, hist_year};

pub static AGE_MISMATCH: Rule = Rule {
    code: "dates/age-mismatch",
    default_severity: Severity::Warning,
    summary: "An age that contradicts the person's birth date.",
    what: "Reports an age tied to a name — \"Putin (71)\", \"der 71-jährige Putin\", \"Putin, 71,\", \"Putin ist 71 Jahre alt\", \"seinen 72. Geburtstag\" — when the knowledge base knows the person's birth date and the age does not fit the article date (or a year named in the same sentence, for \"der damals 47-jährige …\"). Needs a document date and a birth date; otherwise it stays silent.",
    why: "Ages go stale: a profile written last year and updated today keeps the old age. A wrong age is a checkable factual error that readers notice.",
    bad: "Wien, 30. Dezember 2022 – Der russische Präsident Wladimir Putin (71) telefonierte mit Xi.",
    good: "Wien, 30. Dezember 2022 – Der russische Präsident Wladimir Putin (70) telefonierte mit Xi.",
    fixable: Fixable::Sometimes,
};

pub fn check(cx: &Ctx, sink: &mut Sink) {
    if cx.context.birth_dates.is_empty() {
        return;
    }
    let doc = doc_date(cx);
    for t in cx.times {
        let (stated, subject, birthday) = match &t.sem {
            Sem::Age {
                years,
                subject: Some(s),
            } => (*years as i32, s.clone(), false),
            Sem::Anniversary {
                n,
                kind: AnnivKind::Birthday,
                subject: Some(s),
            } => (*n as i32, s.clone(), true),
            _ => continue,
        };
        let name = &cx.text[subject.clone()];
        let Some((born, kb_name)) = cx.context.birth_dates.lookup(name) else {
            continue;
        };
        // The moment the age refers to: a year or date named in the same
        // sentence ("1999 wurde der damals 47-Jährige …"), else the article date.
        let named =
            in_sentence(cx, t.sentence).find_map(|o| match (&o.sem, &o.status, o.value.point()) {
                (Sem::Cal(c), Status::Explicit, Some(p))
                    if matches!(c.year, Some(YearSpec::Explicit(_))) && o.span != t.span =>
                {
                    Some(*p)
                }
                _ => None,
            });
        let (possible, when): (Vec<i32>, String) = match (named, doc) {
            (Some(p), _) => match (p.date(), p.year) {
                (Some(d), _) => (born.ages_on(d), format!("on {}", format_date_de(d))),
                (None, Some(y))
                    if matches!(
                        p.gran,
                        Gran::Year
                            | Gran::Season(_)
                            | Gran::Month(_)
                            | Gran::Half(_)
                            | Gran::Quarter(_)
                    ) =>
                {
                    (born.ages_in_year(y), format!("in {y}"))
                }
                _ => continue,
            },
            (None, Some(d)) => (
                born.ages_on(d),
                format!("on the article date {}", format_date_de(d)),
            ),
            (None, None) => continue,
        };
        // A birthday is the age reached that year, whenever in the year it falls.
        let possible: Vec<i32> = if birthday {
            let year = match (named, doc) {
                (Some(p), _) => p.year,
                (None, Some(d)) => Some(hist_year(d.year() as i32)),
                _ => None,
            };
            match year {
                Some(y) => vec![y - born.year()],
                None => continue,
            }
        } else {
            possible
        };
        if possible.contains(&stated) {
            continue;
        }
        let right = *possible.last().unwrap_or(&stated);
        let written = &cx.text[t.span.clone()];
        let digits: usize = written.bytes().take_while(u8::is_ascii_digit).count();
        let fixes = if possible.len() == 1 && digits > 0 {
            let span = t.span.start..t.span.start + digits;
            vec![Fix::replace(
                format!("Change the age to {right}"),
                span,
                right.to_string(),
            )]
        } else {
            Vec::new()
        };
        let what = if birthday { "birthday" } else { "age" };
        let expected = if possible.len() == 2 {
            format!("{} or {}", possible[0], possible[1])
        } else {
            right.to_string()
        };
        sink.emit_about(
            &AGE_MISMATCH,
            t.span.clone(),
            format!(
                "{kb_name} was born on {}: {what} {expected} {when}, not {stated}",
                born.describe()
            ),
            fixes,
            Some(kb_name.to_string()),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::dates::test_util::{findings, findings_with, with_births};

    const CODE: &str = "dates/age-mismatch";

    fn flagged(text: &str) -> Vec<String> {
        let cx = with_births(&[
            ("Wladimir Putin", "1952-10-07"),
            ("Olaf Scholz", "1958-06-14"),
        ]);
        findings_with(CODE, text, &cx)
            .into_iter()
            .map(|f| text[f.span].to_string())
            .collect()
    }

    #[test]
    fn stale_ages_in_all_notations_are_flagged() {
        let head = "---\ndate: 2022-12-30\n---\n";
        assert_eq!(
            flagged(&format!("{head}Wladimir Putin (71) sprach.")),
            ["71"]
        );
        assert_eq!(
            flagged(&format!("{head}Der 71-jährige Putin sprach.")),
            ["71-jährige"]
        );
        assert_eq!(flagged(&format!("{head}Putin, 71, sprach lange.")), ["71"]);
        assert_eq!(
            flagged(&format!("{head}Putin ist 71 Jahre alt.")),
            ["71 Jahre alt"]
        );
        assert!(flagged(&format!("{head}Wladimir Putin (70) sprach.")).is_empty());
    }

    #[test]
    fn birthday_must_fall_in_the_right_year() {
        assert_eq!(
            flagged("---\ndate: 2022-10-03\n---\nPutin feiert am Freitag seinen 71. Geburtstag."),
            ["71. Geburtstag"]
        );
        assert!(
            flagged("---\ndate: 2022-10-03\n---\nPutin feiert am Freitag seinen 70. Geburtstag.")
                .is_empty()
        );
    }

    #[test]
    fn a_year_in_the_sentence_is_the_reference() {
        assert!(
            flagged("---\ndate: 2024-01-01\n---\n1999 wurde der 47-jährige Putin Regierungschef.")
                .is_empty()
        );
        assert!(
            flagged("---\ndate: 2024-01-01\n---\n1999 wurde der 46-jährige Putin Regierungschef.")
                .is_empty()
        );
        assert_eq!(
            flagged("---\ndate: 2024-01-01\n---\n1999 wurde der 52-jährige Putin Regierungschef."),
            ["52-jährige"]
        );
    }

    #[test]
    fn unknown_people_missing_dates_and_empty_knowledge_are_skipped() {
        assert!(flagged("---\ndate: 2022-12-30\n---\nMaria Huber (71) sprach.").is_empty());
        assert!(flagged("Wladimir Putin (71) sprach.").is_empty());
        // Without a knowledge base there is nothing to check against.
        let empty =
            crate::analysis::Context::with_knowledge(crate::entities::KnowledgeBase::default());
        let text = "---\ndate: 2022-12-30\n---\nWladimir Putin (71) sprach.";
        assert!(findings_with(CODE, text, &empty).is_empty());
        // The built-in knowledge base knows he was born on 7 October 1952:
        // on 30 December 2022 he was 70.
        assert_eq!(findings(CODE, text).len(), 1);
    }

    #[test]
    fn the_fix_puts_in_the_right_age() {
        let cx = with_births(&[("Wladimir Putin", "1952-10-07")]);
        let t = "---\ndate: 2022-12-30\n---\nWladimir Putin (71) sprach.";
        let f = findings_with(CODE, t, &cx);
        assert_eq!(f[0].fixes[0].edits[0].new_text, "70");
        assert_eq!(&t[f[0].fixes[0].edits[0].span.clone()], "71");
    }
}
