//! `copydesk check` output: code frames for people, JSON and SARIF for tools.
//!
//! The JSON shape is a stable interface:
//! `{"files": N, "diagnostics": [{"path", "code", "severity", "message",
//! "byte_start", "byte_end", "line", "column", "end_line", "end_column",
//! "fixes": [{"title", "edits": [{"byte_start", "byte_end", "new_text"}]}]}]}`
//! with 1-based lines and columns counted in characters. New capabilities
//! add rule codes, not fields.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Patch, Renderer, Snippet};
use serde_json::{Value, json};

use super::check::{Checked, Outcome};
use crate::rules::{Finding, Severity, registry};
use crate::text::{Encoding, LineIndex};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Sarif,
}

/// 1-based line and character column of a byte offset.
fn line_col(text: &str, index: &LineIndex, offset: usize) -> (usize, usize) {
    let lc = index.line_col(text, offset, Encoding::Utf32);
    (lc.line as usize + 1, lc.col as usize + 1)
}

pub fn human(w: &mut impl Write, outcome: &Outcome) -> io::Result<()> {
    let renderer = Renderer::styled();
    let mut counts = [0usize; 4];
    for file in &outcome.files {
        if file.findings.is_empty() {
            continue;
        }
        let index = LineIndex::new(&file.text);
        let path = file.path.display().to_string();
        for f in &file.findings {
            counts[f.severity as usize] += 1;
            writeln!(w, "{}", renderer.render(&[frame(file, &index, &path, f)]))?;
        }
    }
    let total: usize = counts.iter().sum();
    let files = outcome.files.len();
    if total == 0 {
        writeln!(w, "{files} file{} checked, no findings", plural(files))?;
    } else {
        writeln!(
            w,
            "{files} file{} checked: {} error{}, {} warning{}, {} info, {} hint{}",
            plural(files),
            counts[0],
            plural(counts[0]),
            counts[1],
            plural(counts[1]),
            counts[2],
            counts[3],
            plural(counts[3])
        )?;
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// One finding as a code frame: the lines it touches, the span underlined,
/// and the first fix shown as a patch.
fn frame<'a>(file: &'a Checked, index: &LineIndex, path: &'a str, f: &'a Finding) -> Group<'a> {
    let text = file.text.as_str();
    let first_line = index.line_of(f.span.start);
    let last_byte = if f.span.end > f.span.start {
        f.span.end - 1
    } else {
        f.span.start
    };
    let last_line = index.line_of(last_byte);
    let start = index.line_range(first_line).map(|r| r.start).unwrap_or(0);
    let end = index
        .line_range(last_line)
        .map(|r| r.end)
        .unwrap_or(text.len());
    let source = text[start..end].trim_end_matches(['\n', '\r']);
    let local = |s: usize| (s - start).min(source.len());
    let level = match f.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
        Severity::Hint => Level::HELP.with_name("hint"),
    };
    let span = local(f.span.start)..local(f.span.end);
    let snippet = Snippet::source(source)
        .line_start(first_line + 1)
        .path(path)
        .annotation(AnnotationKind::Primary.span(span));
    let mut group = level
        .primary_title(f.message.as_str())
        .id(f.code)
        .element(snippet);
    if let Some(fix) = f.fixes.first() {
        let inside = fix
            .edits
            .iter()
            .all(|e| e.span.start >= start && e.span.end <= start + source.len());
        if inside {
            let patches = fix
                .edits
                .iter()
                .map(|e| Patch::new(local(e.span.start)..local(e.span.end), e.new_text.as_str()));
            group = group.element(Level::HELP.message(fix.title.as_str()));
            group = group.element(
                Snippet::source(source)
                    .line_start(first_line + 1)
                    .path(path)
                    .patches(patches),
            );
        } else {
            group = group.element(Level::HELP.message(fix.title.as_str()));
        }
    }
    group
}

fn finding_json(file: &Checked, index: &LineIndex, f: &Finding) -> Value {
    let (line, column) = line_col(&file.text, index, f.span.start);
    let (end_line, end_column) = line_col(&file.text, index, f.span.end);
    let off = file.bom;
    json!({
        "path": file.path.display().to_string(),
        "code": f.code,
        "severity": f.severity.as_str(),
        "message": f.message,
        "byte_start": f.span.start + off,
        "byte_end": f.span.end + off,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "fixes": f.fixes.iter().map(|fix| json!({
            "title": fix.title,
            "edits": fix.edits.iter().map(|e| json!({
                "byte_start": e.span.start + off,
                "byte_end": e.span.end + off,
                "new_text": e.new_text,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

pub fn json_value(outcome: &Outcome) -> Value {
    let mut diags = Vec::new();
    for file in &outcome.files {
        let index = LineIndex::new(&file.text);
        diags.extend(file.findings.iter().map(|f| finding_json(file, &index, f)));
    }
    json!({"files": outcome.files.len(), "diagnostics": diags})
}

pub fn json(w: &mut impl Write, outcome: &Outcome) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, &json_value(outcome))?;
    writeln!(w)
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

/// SARIF 2.1.0, with columns in Unicode code points like the JSON output.
pub fn sarif_value(outcome: &Outcome) -> Value {
    let rules: Vec<Value> = registry()
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.what},
                "help": {"text": r.why, "markdown": crate::rules::render_markdown(r)},
                "defaultConfiguration": {"level": sarif_level(r.default_severity)},
            })
        })
        .collect();
    let mut results = Vec::new();
    for file in &outcome.files {
        let index = LineIndex::new(&file.text);
        let uri = file.path.to_string_lossy().replace('\\', "/");
        for f in &file.findings {
            let (line, column) = line_col(&file.text, &index, f.span.start);
            let (end_line, end_column) = line_col(&file.text, &index, f.span.end);
            let rule_index = registry().iter().position(|r| r.code == f.code);
            let fixes: Vec<Value> = f
                .fixes
                .iter()
                .map(|fix| {
                    json!({
                        "description": {"text": fix.title},
                        "artifactChanges": [{
                            "artifactLocation": {"uri": uri},
                            "replacements": fix.edits.iter().map(|e| json!({
                                "deletedRegion": {"byteOffset": e.span.start + file.bom, "byteLength": e.span.len()},
                                "insertedContent": {"text": e.new_text},
                            })).collect::<Vec<_>>(),
                        }],
                    })
                })
                .collect();
            results.push(json!({
                "ruleId": f.code,
                "ruleIndex": rule_index,
                "level": sarif_level(f.severity),
                "message": {"text": f.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": {
                            "startLine": line, "startColumn": column,
                            "endLine": end_line, "endColumn": end_column,
                            "byteOffset": f.span.start + file.bom, "byteLength": f.span.len(),
                        },
                    },
                }],
                "fixes": fixes,
            }));
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "copydesk",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

pub fn sarif(w: &mut impl Write, outcome: &Outcome) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, &sarif_value(outcome))?;
    writeln!(w)
}
