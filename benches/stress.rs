//! LSP stress test over real stdio (not part of `cargo test`):
//! open 1,000 documents, send 10,000 incremental edits in bursts with hover,
//! references and semantic-token requests interleaved (some cancelled), then
//! check that nothing panicked, that the diagnostics after the burst settles
//! equal a fresh `copydesk check` of the final texts, and that memory goes
//! back near its baseline once every document is closed.
//!
//! `cargo bench --bench stress -- [DOCS] [EDITS]` (default 1000 10000)

#[path = "../tests/common/mod.rs"]
mod common;
mod corpus;

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// xorshift64*: a seeded, dependency-free random source.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// (VmRSS, RssAnon) in KiB. The anonymous part is the heap; the rest is
/// the binary's own pages (code, the embedded model), touched as features
/// are first used.
fn rss_kib(pid: u32) -> (u64, u64) {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        s.lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("RssAnon:"))
}

/// (code, byte start, byte end) of LSP diagnostics, via UTF-16 positions.
fn lsp_set(text: &str, diags: &[Value]) -> BTreeSet<(String, usize, usize)> {
    diags
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or("").to_string(),
                common::offset(text, &d["range"]["start"], "utf-16"),
                common::offset(text, &d["range"]["end"], "utf-16"),
            )
        })
        .collect()
}

fn pct(v: &mut [Duration], p: f64) -> Duration {
    if v.is_empty() {
        return Duration::ZERO;
    }
    v.sort();
    v[((v.len() - 1) as f64 * p) as usize]
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let ndocs = args.first().copied().unwrap_or(1000);
    let nedits = args.get(1).copied().unwrap_or(10_000);
    let (corpus_text, source) = corpus::clean_text(ndocs * 2_500);
    // Cut the corpus into documents of a few paragraphs.
    let pieces: Vec<&str> = corpus_text
        .split('\n')
        .filter(|p| !p.trim().is_empty())
        .collect();
    let dir = std::env::temp_dir().join(format!("copydesk-stress-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("copydesk.toml"), "debounce-ms = 20\n").unwrap();
    let mut texts: Vec<String> = Vec::with_capacity(ndocs);
    let mut uris: Vec<String> = Vec::with_capacity(ndocs);
    for i in 0..ndocs {
        let t = format!("{}\n", pieces[i % pieces.len()]);
        let p = dir.join(format!("doc-{i:04}.txt"));
        std::fs::write(&p, &t).unwrap();
        uris.push(common::file_uri(&p));
        texts.push(t);
    }
    println!("stress: {ndocs} documents ({source}), {nedits} edits");
    let stderr_path = dir.join("server.stderr");
    let mut c = common::Client::spawn_with_stderr(&stderr_path);
    let pid = c.pid();
    c.initialize(Some(&dir), common::caps(&["utf-16"], false));
    c.wait_for_timeout(
        |m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end",
        Duration::from_secs(600),
    )
    .expect("indexing ends");
    std::thread::sleep(Duration::from_millis(500));
    let baseline = rss_kib(pid);
    for (u, t) in uris.iter().zip(&texts) {
        c.open(u, "plaintext", t);
    }
    let mut versions = vec![1i64; ndocs];
    let mut rng = Rng(0x5eed_c0de);
    let inserts = [
        "x", " ", "  ", "ä", "«", "»", "Putin ", "und", ".", ",", "😀", "\n",
    ];
    let mut latencies: HashMap<&str, Vec<Duration>> = HashMap::new();
    let mut cancelled = 0;
    let mut pending: Vec<(i64, &'static str, Instant, bool)> = Vec::new();
    let started = Instant::now();
    let mut edits = 0;
    while edits < nedits {
        // A burst of edits to a handful of documents.
        let burst = 50 + rng.below(100);
        for _ in 0..burst.min(nedits - edits) {
            let d = rng.below(ndocs);
            let text = &mut texts[d];
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            let a = chars.get(rng.below(chars.len())).map(|c| c.0).unwrap_or(0);
            let del = if rng.below(3) == 0 {
                (1 + rng.below(3)).min(text[a..].chars().count())
            } else {
                0
            };
            let b = a + text[a..]
                .chars()
                .take(del)
                .map(char::len_utf8)
                .sum::<usize>();
            let ins = inserts[rng.below(inserts.len())];
            let range = json!({"start": common::position(text, a, "utf-16"), "end": common::position(text, b, "utf-16")});
            text.replace_range(a..b, ins);
            versions[d] += 1;
            c.change(
                &uris[d],
                versions[d],
                json!([{"range": range, "text": ins}]),
            );
            edits += 1;
        }
        // Requests interleaved with the burst; one in five is cancelled.
        for _ in 0..10 {
            let d = rng.below(ndocs);
            let text = &texts[d];
            let off = text
                .char_indices()
                .nth(rng.below(text.chars().count().max(1)))
                .map(|c| c.0)
                .unwrap_or(0);
            let pos = common::position(text, off, "utf-16");
            let (method, params): (&'static str, Value) = match rng.below(3) {
                0 => (
                    "textDocument/hover",
                    json!({"textDocument": {"uri": uris[d]}, "position": pos}),
                ),
                1 => (
                    "textDocument/references",
                    json!({"textDocument": {"uri": uris[d]}, "position": pos, "context": {"includeDeclaration": true}}),
                ),
                _ => (
                    "textDocument/semanticTokens/full",
                    json!({"textDocument": {"uri": uris[d]}}),
                ),
            };
            let id = c.request_async(method, params);
            let cancel = rng.below(5) == 0;
            if cancel {
                c.notify("$/cancelRequest", json!({"id": id}));
                cancelled += 1;
            }
            pending.push((id, method, Instant::now(), cancel));
        }
        // Responses in the order they arrive, each timed when it is read
        // (waiting for them in request order would charge a fast answer
        // with the time of a slow one sent before it).
        while !pending.is_empty() {
            let r = c
                .wait_for(|m| {
                    m.get("method").is_none()
                        && m["id"]
                            .as_i64()
                            .is_some_and(|id| pending.iter().any(|p| p.0 == id))
                })
                .expect("a response to every request");
            let i = pending
                .iter()
                .position(|p| Some(p.0) == r["id"].as_i64())
                .unwrap();
            let (_, method, t, cancel) = pending.swap_remove(i);
            if !cancel {
                assert!(r.get("result").is_some(), "{method} failed under load: {r}");
                latencies.entry(method).or_default().push(t.elapsed());
            }
        }
        c.backlog
            .retain(|m| m["method"] == "textDocument/publishDiagnostics");
    }
    let burst_time = started.elapsed();
    // Settle: the last published diagnostics of each document must be for
    // its final version.
    let mut last: HashMap<String, (i64, Vec<Value>)> = HashMap::new();
    let settle_deadline = Instant::now() + Duration::from_secs(300);
    loop {
        for m in c.backlog.drain(..) {
            if m["method"] == "textDocument/publishDiagnostics" {
                let u = m["params"]["uri"].as_str().unwrap_or("").to_string();
                let v = m["params"]["version"].as_i64().unwrap_or(-1);
                if last.get(&u).is_none_or(|(lv, _)| v >= *lv) {
                    last.insert(
                        u,
                        (
                            v,
                            m["params"]["diagnostics"]
                                .as_array()
                                .cloned()
                                .unwrap_or_default(),
                        ),
                    );
                }
            }
        }
        let settled = uris
            .iter()
            .zip(&versions)
            .all(|(u, v)| last.get(u).is_some_and(|(lv, _)| lv == v));
        if settled || Instant::now() > settle_deadline {
            break;
        }
        c.drain_for(Duration::from_millis(200));
    }
    let busy = rss_kib(pid);
    let stale: Vec<&String> = uris
        .iter()
        .zip(&versions)
        .filter(|(u, v)| last.get(*u).is_none_or(|(lv, _)| lv != *v))
        .map(|(u, _)| u)
        .collect();
    // A fresh check of the final texts.
    let fresh = dir.join("fresh");
    std::fs::create_dir_all(&fresh).unwrap();
    for (i, t) in texts.iter().enumerate() {
        std::fs::write(fresh.join(format!("doc-{i:04}.txt")), t).unwrap();
    }
    let out = Command::new(common::bin())
        .args(["check", "--format", "json", "--no-progress"])
        .arg(&fresh)
        .output()
        .unwrap();
    let checked: Value = serde_json::from_slice(&out.stdout).expect("check output");
    let mut expected: HashMap<String, BTreeSet<(String, usize, usize)>> = HashMap::new();
    for d in checked["diagnostics"].as_array().unwrap() {
        let name = Path::new(d["path"].as_str().unwrap())
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        expected.entry(name).or_default().insert((
            d["code"].as_str().unwrap().to_string(),
            d["byte_start"].as_u64().unwrap() as usize,
            d["byte_end"].as_u64().unwrap() as usize,
        ));
    }
    let mut mismatched = Vec::new();
    for (i, u) in uris.iter().enumerate() {
        let name = format!("doc-{i:04}.txt");
        let got = last
            .get(u)
            .map(|(_, d)| lsp_set(&texts[i], d))
            .unwrap_or_default();
        let want = expected.remove(&name).unwrap_or_default();
        if got != want {
            if mismatched.len() < 3 {
                // What differs, for the report: (code, start, end) only on
                // one side.
                let only_lsp: Vec<_> = got.difference(&want).collect();
                let only_check: Vec<_> = want.difference(&got).collect();
                eprintln!(
                    "{name}: only from the server {only_lsp:?}; only from check {only_check:?}"
                );
            }
            mismatched.push(name);
        }
    }
    // Close everything and let memory settle.
    for u in &uris {
        c.notify("textDocument/didClose", json!({"textDocument": {"uri": u}}));
    }
    // tokio's blocking pool (where analyses run) lets idle threads go after
    // 10 s; their stacks and per-thread scratch buffers go with them.
    c.drain_for(Duration::from_secs(12));
    let after = rss_kib(pid);
    let alive = c.is_running();
    c.shutdown();
    let stderr = std::fs::read_to_string(&stderr_path).unwrap_or_default();
    let panics = stderr.matches("panicked").count();
    println!(
        "bursts: {nedits} edits and {} requests ({cancelled} cancelled) in {burst_time:.1?}",
        latencies.values().map(Vec::len).sum::<usize>() + cancelled
    );
    for (m, v) in &mut latencies {
        println!(
            "  {m}: p50 {:.2?}, p99 {:.2?} under load ({} requests)",
            pct(v, 0.5),
            pct(v, 0.99),
            v.len()
        );
    }
    println!("server alive after the bursts: {alive}; panics in its log: {panics}");
    println!(
        "documents whose last diagnostics are stale: {}",
        stale.len()
    );
    println!(
        "documents whose diagnostics differ from a fresh `copydesk check`: {} {:?}",
        mismatched.len(),
        &mismatched[..mismatched.len().min(5)]
    );
    let mib = |k: u64| k as f64 / 1024.0;
    println!(
        "RSS: {:.0} MiB after indexing, {:.0} MiB with all documents open after the bursts, {:.0} MiB after closing all documents ({:+.0}%)",
        mib(baseline.0),
        mib(busy.0),
        mib(after.0),
        (after.0 as f64 / baseline.0.max(1) as f64 - 1.0) * 100.0
    );
    println!(
        "   of which heap (RssAnon): {:.0} MiB, {:.0} MiB, {:.0} MiB ({:+.0}%)",
        mib(baseline.1),
        mib(busy.1),
        mib(after.1),
        (after.1 as f64 / baseline.1.max(1) as f64 - 1.0) * 100.0
    );
    let _ = std::fs::remove_dir_all(&dir);
    let ok = alive && panics == 0 && stale.is_empty() && mismatched.is_empty();
    println!("stress: {}", if ok { "PASS" } else { "FAIL" });
    if !ok {
        std::process::exit(1);
    }
}
