//! didOpen → publishDiagnostics for copydesk and harper-ls, same articles,
//! same machine, same run. Prints per-server median and p90 and the ratio.
//!
//! `cargo bench --bench side_by_side` (or `benches/side-by-side.sh`, which
//! also installs harper-ls and runs the workspace growth bench).
//!
//! Both servers get the same 100 articles of `../shared/corpus/derstandard`
//! as Markdown documents (harper-ls has no plain-text mode for every
//! version; copydesk then also parses Markdown), one at a time, each opened
//! once. copydesk runs with the debounce at 0 so neither side waits on a
//! timer; it does all its analyses (tokens, spacing, NER, entities, dates,
//! names). harper-ls is looked up as `$HARPER_LS`, then on `PATH`, then in
//! `~/.cargo/bin`; without it the bench says so and prints copydesk alone.

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const ARTICLES: usize = 100;

fn articles() -> Option<Vec<(String, String)>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/derstandard");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let out: Vec<(String, String)> = files
        .iter()
        .take(ARTICLES)
        .filter_map(|p| {
            let name = p.file_stem()?.to_string_lossy().into_owned();
            Some((name, std::fs::read_to_string(p).ok()?))
        })
        .collect();
    (out.len() == ARTICLES).then_some(out)
}

fn harper() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("HARPER_LS") {
        return Some(PathBuf::from(p));
    }
    let mut dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(Path::new(&home).join(".cargo/bin"));
    }
    dirs.into_iter()
        .map(|d| d.join("harper-ls"))
        .find(|p| p.is_file())
}

struct Run {
    times: Vec<Duration>,
    diagnostics: usize,
}

/// Opens every article in turn and waits for its first diagnostics.
fn run(mut c: common::Client, scheme_dir: &str, docs: &[(String, String)]) -> Run {
    let mut caps = common::caps(&["utf-16"], false);
    caps["workspace"] = json!({"configuration": true});
    c.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": caps,
               "initializationOptions": {"debounceMs": 0}}),
    );
    c.notify("initialized", json!({}));
    // Servers that read settings late or load dictionaries lazily get a
    // warm-up document that is not counted.
    let warm = format!("file:///{scheme_dir}/warmup.md");
    c.open(&warm, "markdown", "Ein kurzer Text zum Aufwärmen.\n");
    c.diagnostics(&warm, None);
    let mut times = Vec::with_capacity(docs.len());
    let mut diagnostics = 0;
    for (name, text) in docs {
        let uri = format!("file:///{scheme_dir}/{name}.md");
        let t = Instant::now();
        c.open(&uri, "markdown", text);
        let d = c.diagnostics(&uri, None);
        times.push(t.elapsed());
        diagnostics += d.len();
        c.backlog
            .retain(|m| m["method"] != "textDocument/publishDiagnostics");
    }
    let _ = c.request_full("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    times.sort();
    Run { times, diagnostics }
}

fn pct(t: &[Duration], p: f64) -> Duration {
    t[((t.len() - 1) as f64 * p) as usize]
}

fn main() {
    let Some(docs) = articles() else {
        println!(
            "side_by_side: skipped, needs {ARTICLES} articles in ../shared/corpus/derstandard"
        );
        return;
    };
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let mut copydesk = common::Client::spawn();
    copydesk.config = json!({"debounceMs": 0});
    let ours = run(copydesk, "copydesk", &docs);
    println!(
        "copydesk  didOpen→publishDiagnostics, {ARTICLES} articles ({} KB): median {:.2?}, p90 {:.2?}, max {:.2?}; {} diagnostics",
        bytes / 1024,
        pct(&ours.times, 0.5),
        pct(&ours.times, 0.9),
        pct(&ours.times, 1.0),
        ours.diagnostics
    );
    let Some(h) = harper() else {
        println!("harper-ls not found (set HARPER_LS or `cargo install harper-ls`): no comparison");
        return;
    };
    let version = std::process::Command::new(&h)
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    let theirs = run(
        common::Client::spawn_program(&h, &["--stdio"]),
        "harper",
        &docs,
    );
    println!(
        "harper-ls didOpen→publishDiagnostics, same articles ({version}): median {:.2?}, p90 {:.2?}, max {:.2?}; {} diagnostics",
        pct(&theirs.times, 0.5),
        pct(&theirs.times, 0.9),
        pct(&theirs.times, 1.0),
        theirs.diagnostics
    );
    let ratio = pct(&theirs.times, 0.5).as_secs_f64() / pct(&ours.times, 0.5).as_secs_f64();
    println!("ratio of medians (harper-ls / copydesk): {ratio:.1}×");
}
