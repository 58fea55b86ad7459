//! The language server on a large archive, over the real LSP connection:
//! cold indexing time, request latency (hover, definition, references,
//! document highlight), re-analysis after an edit, and memory.
//!
//! `cargo bench --bench workspace -- [ARTICLES…]` (default 1000 10000).
//! Articles are the clean derStandard corpus from `../shared/corpus` (or the
//! project's fixture article when it is absent), copied into a temporary
//! workspace as often as needed; each copy gets a different file name so
//! the archive grows the way a real one does.

#[path = "../tests/common/mod.rs"]
mod common;
mod corpus;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

fn articles() -> (Vec<String>, &'static str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/derstandard");
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(&dir) {
        let mut files: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        out = files
            .iter()
            .filter_map(|f| std::fs::read_to_string(f).ok())
            .collect();
    }
    if out.is_empty() {
        let (t, _) = corpus::clean_text(3_000);
        return (vec![t], "fixture article (corpus not found)");
    }
    (out, "../shared/corpus/derstandard")
}

fn rss_kib(pid: u32) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    s.lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
}

fn pct(v: &mut [Duration], p: f64) -> Duration {
    v.sort();
    v[((v.len() - 1) as f64 * p) as usize]
}

struct Figures {
    n: usize,
    index: Duration,
    rss_mib: f64,
    lat: Vec<(&'static str, Duration, Duration)>,
    edit: (Duration, Duration),
}

fn run(n: usize, texts: &[String]) -> Figures {
    let dir = std::env::temp_dir().join(format!("copydesk-bench-ws-{n}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for i in 0..n {
        let sub = dir.join(format!("{:03}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&sub).unwrap();
        }
        std::fs::write(
            sub.join(format!("artikel-{i:05}.txt")),
            &texts[i % texts.len()],
        )
        .unwrap();
    }
    std::fs::write(dir.join("copydesk.toml"), "debounce-ms = 0\n").unwrap();
    let mut c = common::Client::spawn();
    let pid = c.pid();
    let t0 = Instant::now();
    c.initialize(Some(&dir), common::caps(&["utf-16"], false));
    c.wait_for_timeout(
        |m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end",
        Duration::from_secs(600),
    )
    .expect("indexing ends");
    let index = t0.elapsed();
    c.backlog.clear();

    // Requests on entity mentions of an open article.
    let path = dir.join("000/artikel-00000.txt");
    let uri = common::file_uri(&path);
    let text = std::fs::read_to_string(&path).unwrap();
    c.open(&uri, "plaintext", &text);
    c.diagnostics(&uri, Some(1));
    let ents = c.request("copydesk/entities", json!({"uri": uri}));
    let mut positions: Vec<Value> = ents["entities"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| {
            e["mentions"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|m| m["uri"] == uri.as_str())
                .map(|m| m["range"]["start"].clone())
                .collect::<Vec<_>>()
        })
        .collect();
    if positions.is_empty() {
        positions.push(json!({"line": 0, "character": 0}));
    }
    let mut lat = Vec::new();
    for method in [
        "textDocument/hover",
        "textDocument/definition",
        "textDocument/references",
        "textDocument/documentHighlight",
    ] {
        let mut times = Vec::new();
        for i in 0..300 {
            let mut p =
                json!({"textDocument": {"uri": uri}, "position": positions[i % positions.len()]});
            if method == "textDocument/references" {
                p["context"] = json!({"includeDeclaration": true});
            }
            let t = Instant::now();
            c.request(method, p);
            times.push(t.elapsed());
        }
        lat.push((
            method.trim_start_matches("textDocument/"),
            pct(&mut times, 0.5),
            pct(&mut times, 0.99),
        ));
    }
    // Typing into the open article: didChange → publishDiagnostics.
    let mut times = Vec::new();
    for i in 0..100 {
        let version = i as i64 + 2;
        let change = if i % 2 == 0 {
            json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "x"}])
        } else {
            json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}, "text": ""}])
        };
        let t = Instant::now();
        c.change(&uri, version, change);
        c.diagnostics(&uri, Some(version));
        times.push(t.elapsed());
        c.backlog.clear();
    }
    let edit = (pct(&mut times, 0.5), pct(&mut times, 0.99));
    let rss_mib = rss_kib(pid).unwrap_or(0) as f64 / 1024.0;
    c.shutdown();
    let _ = std::fs::remove_dir_all(&dir);
    Figures {
        n,
        index,
        rss_mib,
        lat,
        edit,
    }
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1000, 10_000]
    } else {
        sizes
    };
    let (texts, source) = articles();
    println!(
        "workspace bench: articles from {source} ({} distinct)",
        texts.len()
    );
    println!(
        "| articles | cold index | RSS | hover p50/p99 | definition p50/p99 | references p50/p99 | highlight p50/p99 | edit→diagnostics p50/p99 |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for n in sizes {
        let f = run(n, &texts);
        let l = |i: usize| format!("{:.2?} / {:.2?}", f.lat[i].1, f.lat[i].2);
        println!(
            "| {} | {:.1?} | {:.0} MiB | {} | {} | {} | {} | {:.2?} / {:.2?} |",
            f.n,
            f.index,
            f.rss_mib,
            l(0),
            l(1),
            l(2),
            l(3),
            f.edit.0,
            f.edit.1
        );
    }
}
