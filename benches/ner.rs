//! NER speed, size and memory figures: `cargo bench --bench ner`.
//!
//! Prints the model's size and load time, tagging throughput on
//! pre-tokenized sentences (GermEval dev, read at run time from
//! ../shared) and on whole articles (../shared/corpus/derstandard,
//! tokenized by copydesk, timed for tagging only, document pass
//! included), and the time per token of one very long sentence (to show
//! it stays linear). Sections whose data is absent are skipped.

use std::hint::black_box;
use std::time::{Duration, Instant};

use copydesk::ner::{self, Model, data, model::TagScratch};
use copydesk::tokenize::tokenize_str;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let bytes = Model::embedded_bytes();
    println!("model: {:.2} MB in the binary", bytes.len() as f64 / 1e6);
    let loads: Vec<Duration> = (0..15)
        .map(|_| {
            let t = Instant::now();
            let m = Model::from_bytes(black_box(bytes)).expect("embedded model loads");
            black_box(&m);
            t.elapsed()
        })
        .collect();
    let model = Model::from_bytes(bytes).expect("embedded model loads");
    // The gazetteer is built once, on first use, on top of the model load.
    let gaz: Vec<Duration> = (0..15)
        .map(|_| {
            let t = Instant::now();
            black_box(ner::gazetteer::Gazetteer::build());
            t.elapsed()
        })
        .collect();
    println!(
        "gazetteer build: median {:.2} ms (15 runs)",
        median(gaz).as_secs_f64() * 1e3
    );
    println!(
        "model load: median {:.1} ms, min {:.1} ms (15 runs); {} features, {:.1} MB heap",
        median(loads.clone()).as_secs_f64() * 1e3,
        loads.iter().min().unwrap().as_secs_f64() * 1e3,
        model.n_features(),
        model.heap_bytes() as f64 / 1e6
    );

    // Pre-tokenized sentences.
    match std::fs::read_to_string("../shared/data/germeval2014/dev.tsv") {
        Ok(text) => {
            let sents = data::parse(&text).expect("dev parses");
            let words: Vec<Vec<&str>> = sents
                .iter()
                .map(|s| s.words.iter().map(String::as_str).collect())
                .collect();
            let n_tokens: usize = words.iter().map(Vec::len).sum();
            let mut s = TagScratch::default();
            let mut labels = Vec::new();
            let mut conf = Vec::new();
            for with_conf in [false, true] {
                let mut runs = Vec::new();
                for _ in 0..5 {
                    let t = Instant::now();
                    for w in &words {
                        model.tag(
                            w,
                            &mut s,
                            &mut labels,
                            if with_conf { Some(&mut conf) } else { None },
                        );
                        black_box(&labels);
                    }
                    runs.push(t.elapsed());
                }
                let best = median(runs);
                println!(
                    "tagging GermEval dev ({} sentences, {n_tokens} tokens){}: {:.0} tokens/s (median of 5, one thread)",
                    words.len(),
                    if with_conf { " with confidences" } else { "" },
                    n_tokens as f64 / best.as_secs_f64()
                );
            }
        }
        Err(_) => {
            println!("tagging GermEval dev: skipped (../shared/data/germeval2014/dev.tsv absent)")
        }
    }

    // Whole articles through the library API.
    let dir = std::path::Path::new("../shared/corpus/derstandard");
    match std::fs::read_dir(dir) {
        Ok(entries) => {
            let mut paths: Vec<_> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect();
            paths.sort();
            let docs: Vec<(String, copydesk::tokenize::Tokens)> = paths
                .iter()
                .filter_map(|p| std::fs::read_to_string(p).ok())
                .map(|t| {
                    let toks = tokenize_str(&t);
                    (t, toks)
                })
                .collect();
            let n_tokens: usize = docs.iter().map(|d| d.1.tokens.len()).sum();
            let mut runs = Vec::new();
            let mut n_mentions = 0;
            for _ in 0..3 {
                let t = Instant::now();
                n_mentions = 0;
                for (text, toks) in &docs {
                    n_mentions += black_box(ner::tag_document_with(&model, text, toks)).len();
                }
                runs.push(t.elapsed());
            }
            let best = median(runs);
            println!(
                "tag_document on {} articles ({n_tokens} tokens, {n_mentions} mentions): {:.0} tokens/s, {:.2} ms per article (median of 3, one thread)",
                docs.len(),
                n_tokens as f64 / best.as_secs_f64(),
                best.as_secs_f64() * 1e3 / docs.len().max(1) as f64
            );
        }
        Err(_) => println!(
            "tag_document on articles: skipped ({} absent)",
            dir.display()
        ),
    }

    // One long sentence: time per token must not grow with length.
    let mut s = TagScratch::default();
    let mut labels = Vec::new();
    for n in [500usize, 5_000, 50_000] {
        let text = "Herr Wegner reiste mit der Delegation nach Lissabon und ".repeat(n / 10 + 1);
        let words: Vec<&str> = text.split_whitespace().take(n).collect();
        let runs: Vec<Duration> = (0..5)
            .map(|_| {
                let t = Instant::now();
                model.tag(&words, &mut s, &mut labels, Some(&mut Vec::new()));
                t.elapsed()
            })
            .collect();
        let e = median(runs);
        println!(
            "one sentence of {n} tokens: {:.2} µs per token (median of 5)",
            e.as_secs_f64() * 1e6 / n as f64
        );
    }
}
