//! Throughput of the analysis core on clean German text, one core.
//!
//! `cargo bench --bench analysis` prints MB/s per stage.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

use copydesk::analysis::{Context, DocInput, analyze};
use copydesk::config::Settings;
use copydesk::markup::{self, Format};
use copydesk::rules::{self, Ctx};
use copydesk::tokenize;

mod corpus;

fn bench(c: &mut Criterion) {
    let (text, source) = corpus::clean_text(4 << 20);
    eprintln!("bench text: {} bytes from {source}", text.len());
    let settings = Settings::default();
    let mut g = c.benchmark_group("clean-german");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    let prose = markup::extract(&text, Format::Text);
    g.bench_function("tokenize", |b| {
        b.iter(|| black_box(tokenize::tokenize(&text, &prose)))
    });
    let tokens = tokenize::tokenize(&text, &prose);
    g.bench_function("spacing-rules", |b| {
        b.iter(|| {
            let cx = Ctx {
                text: &text,
                prose: &prose,
                tokens: &tokens,
                settings: &settings,
            };
            black_box(rules::run_all(&cx))
        })
    });
    g.bench_function("tokenize+rules", |b| {
        b.iter(|| {
            let tokens = tokenize::tokenize(&text, &prose);
            let cx = Ctx {
                text: &text,
                prose: &prose,
                tokens: &tokens,
                settings: &settings,
            };
            black_box(rules::run_all(&cx))
        })
    });
    g.bench_function("analyze (plain text, all stages)", |b| {
        b.iter(|| {
            black_box(analyze(
                &DocInput {
                    text: &text,
                    path: None,
                    format: Format::Text,
                },
                &settings,
                &Context::default(),
            ))
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
