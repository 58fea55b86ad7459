//! Recognition and normalization, input → (text, type, value).

use super::*;
use crate::tokenize::tokenize_str;

fn run(text: &str, doc: Option<&str>, mode: Anchoring) -> Vec<(String, &'static str, String)> {
    let t = tokenize_str(text);
    let doc = doc.map(|d| d.parse().unwrap());
    extract(text, &t, Language::De, doc, mode)
        .into_iter()
        .map(|e| (text[e.span.clone()].to_string(), e.kind.as_str(), e.timex()))
        .collect()
}

fn news(text: &str, doc: &str) -> Vec<(String, &'static str, String)> {
    run(text, Some(doc), Anchoring::Document)
}

fn one(text: &str, doc: &str) -> (String, String) {
    let v = news(text, doc);
    assert_eq!(v.len(), 1, "{text}: {v:?}");
    (v[0].0.clone(), v[0].2.clone())
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn full_and_partial_dates() {
    assert_eq!(
        one("Am 15. Oktober 2024 tagte der Rat.", "2025-01-01"),
        pair("15. Oktober 2024", "2024-10-15")
    );
    assert_eq!(
        one("Die Frist endet am 28.02.2025.", "2025-01-01"),
        pair("28.02.2025", "2025-02-28")
    );
    assert_eq!(
        one("Stichtag ist 2025-02-28.", "2025-01-01"),
        pair("2025-02-28", "2025-02-28")
    );
    assert_eq!(
        one("Er kam im September zurück.", "2024-11-02"),
        pair("September", "2024-09")
    );
    assert_eq!(
        one("Bis Februar 2025 bleibt alles.", "2024-11-02"),
        pair("Februar 2025", "2025-02")
    );
    assert_eq!(
        one("Am 28. Februar stimmte der Rat zu.", "2025-03-02"),
        pair("28. Februar", "2025-02-28")
    );
}

#[test]
fn year_of_a_date_without_one_follows_the_tense() {
    // Written in January: a past-tense December is last year's, a future one this year's.
    assert_eq!(
        one("Im Dezember stimmte der Rat zu.", "2025-01-10"),
        pair("Dezember", "2024-12")
    );
    assert_eq!(
        one("Im Dezember wird der Rat zustimmen.", "2025-01-10"),
        pair("Dezember", "2025-12")
    );
}

#[test]
fn weekdays_and_relative_days() {
    // 2022-12-30 was a Friday.
    assert_eq!(
        one("Putin betonte am Freitag die Zusammenarbeit.", "2022-12-30"),
        pair("Freitag", "2022-12-30")
    );
    assert_eq!(
        one("Xi sagte am Dienstag, er komme.", "2022-12-30"),
        pair("Dienstag", "2022-12-27")
    );
    assert_eq!(
        one("Der Rat wird am Montag entscheiden.", "2022-12-30"),
        pair("Montag", "2023-01-02")
    );
    assert_eq!(
        one("Gestern regnete es.", "2022-12-30"),
        pair("Gestern", "2022-12-29")
    );
    assert_eq!(
        one("Vorgestern regnete es.", "2022-12-30"),
        pair("Vorgestern", "2022-12-28")
    );
    assert_eq!(
        one("Er kommt morgen.", "2022-12-30"),
        pair("morgen", "2022-12-31")
    );
    assert_eq!(
        one("Heute tagt der Rat.", "2022-12-30"),
        pair("Heute", "2022-12-30")
    );
    assert_eq!(
        one("Gestern Abend kam er an.", "2022-12-30"),
        pair("Gestern Abend", "2022-12-29TEV")
    );
}

#[test]
fn relative_periods() {
    assert_eq!(
        one("Das war letzte Woche.", "2025-02-28"),
        pair("letzte Woche", "2025-W08")
    );
    assert_eq!(
        one("Im vergangenen Jahr stieg der Umsatz.", "2025-02-28"),
        pair("vergangenen Jahr", "2024")
    );
    assert_eq!(
        one("In diesem Jahr steigt der Umsatz.", "2025-02-28"),
        pair("diesem Jahr", "2025")
    );
    assert_eq!(
        one("Wir erwarten Sie im nächsten Frühjahr.", "2022-12-30"),
        pair("nächsten Frühjahr", "2023-SP")
    );
    assert_eq!(
        one("Im Vorjahr war es anders.", "2025-02-28"),
        pair("Vorjahr", "2024")
    );
}

#[test]
fn years_seasons_and_spans() {
    assert_eq!(
        one("Im Jahr 2024 trafen sie sich.", "2025-01-01"),
        pair("Jahr 2024", "2024")
    );
    assert_eq!(
        one("Xi wird im Frühjahr 2023 kommen.", "2022-12-30"),
        pair("Frühjahr 2023", "2023-SP")
    );
    assert_eq!(
        one("Das geschah vor 80 Jahren.", "2025-05-08"),
        pair("vor 80 Jahren", "1945")
    );
    assert_eq!(
        one("Die Partei regiert seit 1949.", "2025-05-08"),
        pair("1949", "1949")
    );
    assert_eq!(
        one("Der Krieg dauerte drei Jahre.", "2025-05-08"),
        pair("drei Jahre", "P3Y")
    );
    assert_eq!(
        one("Sie verhandelten anderthalb Jahre.", "2025-05-08"),
        pair("anderthalb Jahre", "P1Y6M")
    );
}

#[test]
fn ages_and_anniversaries() {
    assert_eq!(
        news("Wladimir Putin (71) sprach.", "2024-01-01")[0].1,
        "age"
    );
    assert_eq!(
        one("Wladimir Putin (71) sprach.", "2024-01-01"),
        pair("71", "P71Y")
    );
    assert_eq!(
        one("Der 71-jährige Putin sprach.", "2024-01-01"),
        pair("71-jährige", "P71Y")
    );
    assert_eq!(
        one("Er starb im Alter von 71 Jahren.", "2024-01-01"),
        pair("71 Jahren", "P71Y")
    );
    let v = news("Sie feiern den 75. Jahrestag der Gründung.", "2024-01-01");
    assert_eq!((v[0].0.as_str(), v[0].1), ("75. Jahrestag", "anniversary"));
    let v = news("Die UNO feiert ihr 80-jähriges Bestehen.", "2024-01-01");
    assert_eq!(
        (v[0].0.as_str(), v[0].1),
        ("80-jähriges Bestehen", "anniversary")
    );
    assert_eq!(
        news("Eine dreijährige Haftstrafe.", "2024-01-01")[0].1,
        "duration"
    );
}

#[test]
fn times_and_sets() {
    let v = news(
        "Der Angriff begann am 1. September 1939 um 4:45 Uhr.",
        "2011-02-16",
    );
    assert_eq!(
        v[1],
        (
            "4:45 Uhr".to_string(),
            "time",
            "1939-09-01T04:45".to_string()
        )
    );
    assert_eq!(
        one("Er trainiert montags.", "2024-01-01"),
        pair("montags", "XXXX-WXX-1")
    );
    assert_eq!(
        one("Sie treffen sich jeden Freitag.", "2024-01-01"),
        pair("jeden Freitag", "XXXX-WXX-5")
    );
}

#[test]
fn without_a_document_date_relative_expressions_stay_unresolved() {
    let v = run(
        "Am Freitag kam er. Gestern ging er. Im Jahr 2024 war es so.",
        None,
        Anchoring::Document,
    );
    assert_eq!(v[0].2, "XXXX-WXX-5");
    assert_eq!(v[1].2, "XXXX-XX-XX");
    assert_eq!(v[2].2, "2024");
    let t = tokenize_str("Gestern ging er.");
    let e = extract(
        "Gestern ging er.",
        &t,
        Language::De,
        None,
        Anchoring::Document,
    );
    assert_eq!(e[0].status, Status::Unresolved);
}

#[test]
fn narrative_mode_takes_the_year_last_mentioned() {
    let v = run(
        "Im Juni 1940 fiel Paris. Am 22. Juni unterzeichnete Frankreich. Einen Tag später war alles anders.",
        Some("2011-02-16"),
        Anchoring::Text,
    );
    assert_eq!(v[1].2, "1940-06-22");
    assert_eq!(
        v[2],
        (
            "Einen Tag später".to_string(),
            "date",
            "1940-06-23".to_string()
        )
    );
}

#[test]
fn bc_years_and_centuries() {
    assert_eq!(
        one("Die Stadt fiel 190 v. Chr. an Rom.", "2024-01-01"),
        pair("190 v. Chr.", "BC0190")
    );
    assert_eq!(
        one("Im 20. Jahrhundert änderte sich viel.", "2024-01-01"),
        pair("20. Jahrhundert", "19")
    );
    assert_eq!(
        one("In den 1930er Jahren wuchs die Stadt.", "2024-01-01"),
        pair("1930er Jahren", "193")
    );
}

#[test]
fn numbers_that_are_not_dates() {
    for s in [
        "Die 28. Sitzung begann.",
        "Sie landete auf Platz 15.",
        "Mit 1500 Panzern griff sie an.",
        "Es kostet 2024 Euro.",
        "Die Zahl 99999 ist groß.",
    ] {
        let v = news(s, "2024-01-01");
        assert!(v.iter().all(|x| x.1 != "date"), "{s}: {v:?}");
    }
}

#[test]
fn odd_input_does_not_panic() {
    for s in [
        "",
        "Jahr 0 und Jahr 99999 und 32.13.2024 und am 31. Februar.",
        "😀 am 15. 🎉 Oktober",
        "vor vor vor Jahren Jahren",
        "1.1.1 2.2.2.2 3:333 24:60 Uhr 99 Uhr",
        "am 0. Mai, 00.00.0000, 9999-99-99, 0000-01-01",
        "Jahr 9999 v. Chr. und 1 n. Chr.",
    ] {
        let _ = news(s, "2024-02-29");
        let _ = run(s, None, Anchoring::Text);
    }
    let long = "am 15. Oktober 2024 ".repeat(5000);
    assert_eq!(news(&long, "2024-01-01").len(), 5000);
}

mod no_panic {
    use std::sync::Arc;

    use proptest::prelude::*;

    use crate::analysis::{Context, DocInput, analyze};
    use crate::config::Settings;
    use crate::markup::Format;
    use crate::time::BirthDates;

    const PIECES: &[&str] = &[
        "am",
        "Am",
        "15.",
        "Oktober",
        "2024",
        "31.",
        "Februar",
        "vor",
        "80",
        "Jahren",
        "(",
        ")",
        "71",
        "71-jährige",
        "Putin",
        ",",
        "32.13.2024",
        "0",
        "99999",
        "v. Chr.",
        "Jahr",
        "nächsten",
        "Frühjahr",
        "gestern",
        "Uhr",
        "10.30",
        "Freitag",
        "des",
        "Jahres",
        "Ende",
        "/",
        "–",
        "zum",
        "Mal",
        "jährt",
        "sich",
        "75.",
        "Jahrestag",
        "wird",
        "besuchen",
        ".",
        "heute",
        "dieses",
        "Jahr",
        "28.02.",
        "2025-02-28",
        "Dienstag",
        "bis",
        "und",
        "Mitte",
        "der",
        "1930er",
        "Jahre",
        "Jh.",
        "seit",
        "drei",
        "Tage",
        "später",
        "😀",
        "\n\n",
        "---",
        "date:",
    ];

    fn run(text: &str) {
        let mut b = BirthDates::new();
        b.insert("Wladimir Putin", "1952-10-07".parse().unwrap());
        let cx = Context {
            birth_dates: Arc::new(b),
            ..Context::default()
        };
        for format in [Format::Text, Format::Markdown] {
            let a = analyze(
                &DocInput {
                    text,
                    path: None,
                    format,
                },
                &Settings::default(),
                &cx,
            );
            for t in &a.times {
                assert!(t.span.start < t.span.end && t.span.end <= text.len());
                let _ = t.timex();
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn date_like_token_soup_never_panics(parts in prop::collection::vec(prop::sample::select(PIECES), 0..40)) {
            run(&parts.join(" "));
        }

        #[test]
        fn arbitrary_text_never_panics(s in "\\PC{0,120}") {
            run(&s);
        }
    }
}
