//! Temporal tagging and date rules.
//!
//! `cargo bench --bench dates` prints throughput (MB/s) for recognition +
//! normalization on one core, with and without tokenizing, and the time of
//! all date rules on a 10 KB article. Inputs are the labelled fixtures
//! (`tests/fixtures/dates`, dense with dates, so pessimistic) repeated to
//! 1 MB, and — when present at run time — the Der Standard corpus in
//! `../shared/corpus/derstandard` (never copied into the project).

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;

use copydesk::analysis::Context;
use copydesk::config::{Language, Settings};
use copydesk::markup::{Format, extract};
use copydesk::rules::{Ctx, Sink, dates};
use copydesk::time::{self, Anchoring, BirthDates};
use copydesk::tokenize::tokenize;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn fixture_bodies() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dates");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let t = std::fs::read_to_string(p).unwrap();
            // Drop the front matter: the benchmark text is prose only.
            match t
                .strip_prefix("---\n")
                .and_then(|r| r.find("\n---\n").map(|i| r[i + 5..].to_string()))
            {
                Some(body) => body,
                None => t,
            }
        })
        .collect()
}

fn repeat_to(parts: &[String], bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 4096);
    while s.len() < bytes {
        for p in parts {
            s.push_str(p);
            s.push_str("\n\n");
        }
    }
    s
}

fn corpus() -> Option<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/derstandard");
    let mut s = String::new();
    for e in std::fs::read_dir(dir).ok()? {
        let p = e.ok()?.path();
        if p.extension().is_some_and(|x| x == "txt") {
            s.push_str(&std::fs::read_to_string(p).ok()?);
            s.push_str("\n\n");
        }
    }
    (!s.is_empty()).then_some(s)
}

fn throughput(c: &mut Criterion) {
    let doc = Some("2025-02-28".parse().unwrap());
    let mut inputs = vec![("fixtures", repeat_to(&fixture_bodies(), 1 << 20))];
    if let Some(c) = corpus() {
        inputs.push(("derstandard", c));
    } else {
        eprintln!(
            "bench dates: ../shared/corpus/derstandard not found; only the fixture input is measured"
        );
    }
    let mut g = c.benchmark_group("time");
    for (name, text) in &inputs {
        let prose = extract(text, Format::Text);
        let tokens = tokenize(text, &prose);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("recognize+normalize/{name}"), |b| {
            b.iter(|| {
                black_box(time::extract(
                    text,
                    &tokens,
                    Language::De,
                    doc,
                    Anchoring::Document,
                ))
            })
        });
        g.bench_function(format!("tokenize+recognize+normalize/{name}"), |b| {
            b.iter(|| {
                let prose = extract(text, Format::Text);
                let tokens = tokenize(text, &prose);
                black_box(time::extract(
                    text,
                    &tokens,
                    Language::De,
                    doc,
                    Anchoring::Document,
                ))
            })
        });
    }
    g.finish();
}

fn rules_on_10kb(c: &mut Criterion) {
    let text = {
        let mut t = String::from("---\ndate: 2025-02-28\n---\n");
        let bodies = fixture_bodies();
        let mut i = 0;
        while t.len() < 10 * 1024 {
            t.push_str(&bodies[i % bodies.len()]);
            t.push('\n');
            i += 1;
        }
        t
    };
    let settings = Settings::default();
    let mut births = BirthDates::new();
    births.insert("Wladimir Putin", "1952-10-07".parse().unwrap());
    births.insert("Olaf Scholz", "1958-06-14".parse().unwrap());
    let context = Context {
        birth_dates: Arc::new(births),
        ..Context::default()
    };
    let prose = extract(&text, Format::Markdown);
    let tokens = tokenize(&text, &prose);
    let dd = time::document_date(&text, None, &prose, &settings.dates, Language::De);
    let times = time::extract(
        &text,
        &tokens,
        Language::De,
        dd.date.as_ref().map(|d| d.date),
        Anchoring::Document,
    );
    let cx = Ctx {
        text: &text,
        prose: &prose,
        tokens: &tokens,
        settings: &settings,
        language: Language::De,
        times: &times,
        document_date: &dd,
        context: &context,
        names: &[],
    };
    let mut g = c.benchmark_group("rules");
    g.bench_function(
        format!(
            "all date rules/{} KB article, {} expressions",
            text.len() / 1024,
            times.len()
        ),
        |b| {
            b.iter(|| {
                let mut sink = Sink::new(&settings);
                (dates::CHECKER.run)(&cx, &mut sink);
                black_box(sink.finish())
            })
        },
    );
    g.finish();
}

criterion_group!(benches, throughput, rules_on_10kb);
criterion_main!(benches);
