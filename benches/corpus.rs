//! Bench input: the clean derStandard articles from `../shared/corpus` when
//! present (realistic text), else the project's own fixture articles.

use std::path::Path;

/// About `target` bytes of clean German prose and where it came from.
pub fn clean_text(target: usize) -> (String, &'static str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/derstandard");
    let mut parts = Vec::new();
    let mut source = "../shared/corpus/derstandard";
    if let Ok(rd) = std::fs::read_dir(&dir) {
        let mut files: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for f in files {
            if let Ok(s) = std::fs::read_to_string(f) {
                parts.push(s);
            }
        }
    }
    if parts.is_empty() {
        source = "tests/fixtures/articles/clean.md (corpus not found)";
        let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles/clean.md");
        parts.push(std::fs::read_to_string(p).expect("fixture"));
    }
    let mut text = String::with_capacity(target + 10_000);
    'fill: loop {
        for p in &parts {
            text.push_str(p);
            text.push('\n');
            if text.len() >= target {
                break 'fill;
            }
        }
    }
    (text, source)
}
