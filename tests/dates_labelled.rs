//! The labelled date set: short German (and a few English) passages written
//! for copydesk, each with the date findings it must produce. Any other
//! date finding counts against precision. Prints precision and recall per
//! rule and fails below 0.95 / 0.90.
//!
//! Fixture format (`tests/fixtures/dates/*.md`), front matter:
//! `date:` the article date (optional), `expect: CODE = flagged text | …`,
//! `births: Name = YYYY-MM-DD | …` (the knowledge base for the age rule).

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use copydesk::analysis::{Context, DocInput, analyze};
use copydesk::config::Settings;
use copydesk::markup::{Format, extract};
use copydesk::rules::dates::RULES;
use copydesk::time::BirthDates;

#[derive(Default, Clone, Copy)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
}

fn field(text: &str, key: &str) -> Vec<String> {
    let prose = extract(text, Format::Markdown);
    prose
        .front_matter
        .and_then(|fm| fm.get(key).map(|f| f.value.clone()))
        .map(|v| {
            v.split('|')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

fn pair(s: &str) -> (String, String) {
    let (a, b) = s
        .split_once('=')
        .unwrap_or_else(|| panic!("expected `a = b`, got {s:?}"));
    (a.trim().to_string(), b.trim().to_string())
}

#[test]
fn labelled_date_fixtures_meet_precision_and_recall_per_rule() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dates");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    assert!(files.len() >= 60, "only {} fixtures", files.len());
    let mut scores: BTreeMap<&'static str, Score> =
        RULES.iter().map(|r| (r.code, Score::default())).collect();
    let mut problems = Vec::new();
    let settings = Settings::default();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let expected: Vec<(String, String)> =
            field(&text, "expect").iter().map(|s| pair(s)).collect();
        let mut births = BirthDates::new();
        for (name, date) in field(&text, "births").iter().map(|s| pair(s)) {
            births.insert(&name, date.parse().unwrap());
        }
        let context = Context {
            birth_dates: Arc::new(births),
            ..Context::default()
        };
        let a = analyze(
            &DocInput {
                text: &text,
                path: Some(path),
                format: Format::Markdown,
            },
            &settings,
            &context,
        );
        let got: Vec<(String, String, String)> = a
            .findings
            .iter()
            .filter(|f| f.code.starts_with("dates/"))
            .map(|f| {
                (
                    f.code.to_string(),
                    text[f.span.clone()].to_string(),
                    f.message.clone(),
                )
            })
            .collect();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        for (code, flagged) in &expected {
            let s = scores
                .get_mut(code.as_str())
                .unwrap_or_else(|| panic!("{name}: unknown rule {code}"));
            if got.iter().any(|(c, t, _)| c == code && t == flagged) {
                s.tp += 1;
            } else {
                s.fn_ += 1;
                problems.push(format!("{name}: missed {code} on {flagged:?}"));
            }
        }
        for (code, flagged, message) in &got {
            if !expected.iter().any(|(c, t)| c == code && t == flagged) {
                scores.get_mut(code.as_str()).unwrap().fp += 1;
                problems.push(format!(
                    "{name}: unexpected {code} on {flagged:?}: {message}"
                ));
            }
        }
    }
    println!("{} fixtures", files.len());
    println!(
        "{:<36} {:>3} {:>3} {:>3} {:>6} {:>6}",
        "rule", "tp", "fp", "fn", "P", "R"
    );
    let mut failing = Vec::new();
    for (code, s) in &scores {
        let p = if s.tp + s.fp == 0 {
            1.0
        } else {
            s.tp as f64 / (s.tp + s.fp) as f64
        };
        let r = if s.tp + s.fn_ == 0 {
            1.0
        } else {
            s.tp as f64 / (s.tp + s.fn_) as f64
        };
        println!(
            "{code:<36} {:>3} {:>3} {:>3} {p:>6.3} {r:>6.3}",
            s.tp, s.fp, s.fn_
        );
        if s.tp + s.fn_ == 0 {
            failing.push(format!("{code}: no positive fixture"));
        }
        if p < 0.95 || r < 0.90 {
            failing.push(format!("{code}: P {p:.3} R {r:.3}"));
        }
    }
    for p in &problems {
        println!("  {p}");
    }
    assert!(
        failing.is_empty(),
        "below target: {failing:?}\n{}",
        problems.join("\n")
    );
}
