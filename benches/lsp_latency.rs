//! didChange → publishDiagnostics latency over the real LSP connection, with
//! the debounce set to 0, on a 10 KB article. Prints median and p99.
//!
//! `cargo bench --bench lsp_latency`

#[path = "../tests/common/mod.rs"]
mod common;
mod corpus;

use std::time::Instant;

use serde_json::json;

fn main() {
    // Criterion-style filters and flags passed by `cargo bench` are ignored.
    let (big, source) = corpus::clean_text(12_000);
    let mut text: String = big.chars().take(10_000).collect();
    while text.len() > 10_240 {
        text.pop();
    }
    text.push('\n');
    let mut c = common::Client::spawn();
    c.config = json!({"debounceMs": 0});
    c.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": common::caps(&["utf-16"], false), "initializationOptions": {"debounceMs": 0}}),
    );
    c.notify("initialized", json!({}));
    let uri = "file:///bench/artikel.txt";
    c.open(uri, "plaintext", &text);
    c.diagnostics(uri, Some(1));
    let rounds = 300;
    let mut times = Vec::with_capacity(rounds);
    for i in 0..rounds {
        let version = i as i64 + 2;
        // Alternately type and delete one character in the middle.
        let change = if i % 2 == 0 {
            json!([{"range": {"start": {"line": 0, "character": 20}, "end": {"line": 0, "character": 20}}, "text": "x"}])
        } else {
            json!([{"range": {"start": {"line": 0, "character": 20}, "end": {"line": 0, "character": 21}}, "text": ""}])
        };
        let t = Instant::now();
        c.change(uri, version, change);
        c.diagnostics(uri, Some(version));
        times.push(t.elapsed());
        c.backlog.clear();
    }
    times.sort();
    let pct = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    println!(
        "lsp didChange→publishDiagnostics, {} bytes ({source}), {rounds} edits, debounce 0: median {:.2?}, p90 {:.2?}, p99 {:.2?}",
        text.len(),
        pct(0.5),
        pct(0.9),
        pct(0.99)
    );
    c.shutdown();
}
