//! Throughput of the analysis core on clean German text, one core.
//!
//! `cargo bench --bench analysis` prints MB/s per stage: the tokenizer, the
//! spacing rules, both together, and the whole `analyze` (markup, tokens,
//! dates, names, every rule).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

use copydesk::analysis::{Context, DocInput, analyze};
use copydesk::config::{Language, Settings};
use copydesk::markup::{self, Format};
use copydesk::rules::{Ctx, Sink, spacing};
use copydesk::time::DocumentDateInfo;
use copydesk::tokenize;

mod corpus;

fn bench(c: &mut Criterion) {
    let (text, source) = corpus::clean_text(4 << 20);
    eprintln!("bench text: {} bytes from {source}", text.len());
    let settings = Settings::default();
    let context = Context::default();
    let no_date = DocumentDateInfo::default();
    let mut g = c.benchmark_group("clean-german");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    let prose = markup::extract(&text, Format::Text);
    // The spacing rules alone, as the foundation's throughput target asks.
    let spacing_rules = |tokens: &tokenize::Tokens, settings: &Settings| {
        let cx = Ctx {
            text: &text,
            prose: &prose,
            tokens,
            settings,
            language: Language::De,
            times: &[],
            document_date: &no_date,
            context: &context,
            names: &[],
        };
        let mut sink = Sink::new(settings);
        (spacing::CHECKER.run)(&cx, &mut sink);
        sink.finish()
    };
    g.bench_function("tokenize", |b| {
        b.iter(|| black_box(tokenize::tokenize(&text, &prose)))
    });
    let tokens = tokenize::tokenize(&text, &prose);
    g.bench_function("spacing-rules", |b| {
        b.iter(|| black_box(spacing_rules(&tokens, &settings)))
    });
    g.bench_function("tokenize+spacing-rules", |b| {
        b.iter(|| {
            let tokens = tokenize::tokenize(&text, &prose);
            black_box(spacing_rules(&tokens, &settings))
        })
    });
    // The foundation's rules without spacing/glued-words (its own issue and
    // its own bench, `cargo bench --bench glue`).
    let no_glue =
        copydesk::config::from_toml_str("[rules]\n\"spacing/glued-words\" = \"off\"\n", "bench")
            .settings;
    g.bench_function("tokenize+spacing-rules without glued-words", |b| {
        b.iter(|| {
            let tokens = tokenize::tokenize(&text, &prose);
            black_box(spacing_rules(&tokens, &no_glue))
        })
    });
    // Cold analysis: without the tagger's sentence memo every iteration
    // would find all sentences already tagged (the editor does benefit from
    // it; `cargo bench --bench lsp_latency` measures that path).
    copydesk::ner::set_sentence_memo(false);
    g.bench_function("analyze (all stages)", |b| {
        b.iter(|| {
            black_box(analyze(
                &DocInput {
                    text: &text,
                    path: None,
                    format: Format::Text,
                },
                &settings,
                &context,
            ))
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
