//! `spacing/glued-words`: throughput of the rule over clean text (one core)
//! and the time to load the embedded lexicon.
//!
//! `cargo bench --bench glue` prints MB/s for the rule alone (tokens are
//! prepared outside the timed loop) on the Der Standard corpus in
//! `../shared/corpus/derstandard` when present at run time (never copied
//! into the project), else on a generated German text.

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;

use copydesk::analysis::Context;
use copydesk::config::{Language, Settings};
use copydesk::lexicon::{Lexicon, Vocabulary};
use copydesk::markup::{Format, extract};
use copydesk::rules::{Ctx, Sink, spacing::glued};
use copydesk::time::DocumentDateInfo;
use copydesk::tokenize::tokenize;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn corpus() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/derstandard");
    let mut out = String::new();
    if let Ok(rd) = std::fs::read_dir(&dir) {
        let mut files: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for p in files {
            if let Ok(t) = std::fs::read_to_string(p) {
                out.push_str(&t);
                out.push_str("\n\n");
            }
        }
    }
    if out.is_empty() {
        let s = "Die Regierung kündigte am Montag neue Regeln für Plattformen an, die im Herbst in Kraft treten sollen. ";
        while out.len() < 1 << 20 {
            out.push_str(s);
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("glue");
    g.bench_function("lexicon load (fst over static bytes)", |b| {
        b.iter(|| {
            black_box(
                Lexicon::from_bytes(Lexicon::embedded_bytes().to_vec())
                    .unwrap()
                    .len(),
            )
        })
    });
    let text = corpus();
    let prose = extract(&text, Format::Text);
    let tokens = tokenize(&text, &prose);
    let mut vocab = Vocabulary::new();
    vocab.add_tokens(&text, &tokens);
    let settings = Settings::default();
    let context = Context::default().with_vocabulary(Arc::new(vocab));
    let dd = DocumentDateInfo::default();
    let cx = Ctx {
        text: &text,
        prose: &prose,
        tokens: &tokens,
        settings: &settings,
        language: Language::De,
        times: &[],
        document_date: &dd,
        context: &context,
        names: &[],
    };
    let _ = Lexicon::embedded();
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function(
        format!("rule over {} KB of clean text", text.len() / 1024),
        |b| {
            b.iter(|| {
                let mut sink = Sink::new(&settings);
                glued::check(&cx, &mut sink);
                black_box(sink.finish().len())
            })
        },
    );
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
