//! `copydesk dates`: the temporal expressions of articles and their values.
//!
//! JSON shape (stable): `{"expressions": [{"path", "byte_start", "byte_end",
//! "text", "type", "value", "status", "mod"}], "documents": [{"path",
//! "document_date", "source"}]}`. `type` is date, time, duration, set, age
//! or anniversary; `value` the TIMEX3 value ("2024-10-15", "P80Y",
//! "XXXX-WXX-5" when unresolved); `status` explicit, resolved, ambiguous,
//! unresolved or invalid. Offsets are bytes into the file (a byte order
//! mark counts).

use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde_json::{Value, json};

use crate::analysis::{Context, DocAnalysis, DocInput, analyze};
use crate::config::Settings;
use crate::markup::Format;
use crate::text::{Encoding, LineIndex};
use crate::time::{DateSource, Status};
use crate::workspace::{discover, load_text};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DatesFormat {
    Table,
    Json,
}

struct FileDates {
    path: PathBuf,
    text: String,
    bom: usize,
    analysis: DocAnalysis,
}

fn source_name(s: &DateSource) -> &'static str {
    match s {
        DateSource::FrontMatter(_) => "front-matter",
        DateSource::FileName => "file-name",
        DateSource::Dateline(_) => "dateline",
        DateSource::Setting(_) => "settings",
    }
}

fn status_name(s: &Status) -> &'static str {
    match s {
        Status::Explicit => "explicit",
        Status::Resolved(_) => "resolved",
        Status::Ambiguous(..) => "ambiguous",
        Status::Unresolved => "unresolved",
        Status::Invalid(_) => "invalid",
    }
}

/// Runs `copydesk dates`. `document_date` is used for files that do not
/// state their own date (front matter, file name, dateline, settings).
pub fn run(
    paths: &[PathBuf],
    settings: &Settings,
    document_date: Option<&str>,
    format: DatesFormat,
) -> i32 {
    let mut settings = settings.clone();
    if let Some(d) = document_date {
        if let Err(e) = crate::time::parse_date_str(d) {
            eprintln!("copydesk: --document-date: {e}");
            return 2;
        }
        settings.dates.document_date = Some(d.to_string());
    }
    for p in paths {
        if !p.exists() {
            eprintln!("copydesk: {}: no such file or directory", p.display());
            return 2;
        }
    }
    let (files, errors) = discover(paths, &settings);
    for e in &errors {
        eprintln!("copydesk: {e}");
    }
    let results: Vec<Result<FileDates, String>> =
        files.par_iter().map(|p| file(p, &settings)).collect();
    let mut ok = Vec::new();
    let mut failed = false;
    for r in results {
        match r {
            Ok(f) => ok.push(f),
            Err(e) => {
                eprintln!("copydesk: {e}");
                failed = true;
            }
        }
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match format {
        DatesFormat::Json => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&to_json(&ok)).unwrap_or_default()
        ),
        DatesFormat::Table => table(&mut out, &ok),
    };
    if let Err(e) = written
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("copydesk: writing output: {e}");
        return 2;
    }
    if failed || !errors.is_empty() { 2 } else { 0 }
}

fn file(path: &Path, settings: &Settings) -> Result<FileDates, String> {
    let loaded =
        load_text(path, settings.max_file_size).map_err(|e| format!("{}: {e}", path.display()))?;
    let analysis = analyze(
        &DocInput {
            text: &loaded.text,
            path: Some(path),
            format: Format::from_path(path),
        },
        settings,
        &Context::default(),
    );
    Ok(FileDates {
        path: path.to_path_buf(),
        text: loaded.text,
        bom: loaded.bom,
        analysis,
    })
}

fn to_json(files: &[FileDates]) -> Value {
    let mut exprs = Vec::new();
    let mut docs = Vec::new();
    for f in files {
        let path = f.path.display().to_string();
        docs.push(json!({
            "path": path,
            "document_date": f.analysis.document_date.date.as_ref().map(|d| d.date.to_string()),
            "source": f.analysis.document_date.date.as_ref().map(|d| source_name(&d.source)),
        }));
        for t in &f.analysis.times {
            exprs.push(json!({
                "path": path,
                "byte_start": t.span.start + f.bom,
                "byte_end": t.span.end + f.bom,
                "text": &f.text[t.span.clone()],
                "type": t.kind.as_str(),
                "value": t.timex(),
                "status": status_name(&t.status),
                "mod": t.modifier.map(|m| m.as_str()),
            }));
        }
    }
    json!({ "expressions": exprs, "documents": docs })
}

fn table(w: &mut impl Write, files: &[FileDates]) -> std::io::Result<()> {
    for f in files {
        let index = LineIndex::new(&f.text);
        match &f.analysis.document_date.date {
            Some(d) => writeln!(
                w,
                "{}: document date {} ({})",
                f.path.display(),
                d.date,
                source_name(&d.source)
            )?,
            None => writeln!(
                w,
                "{}: no document date (relative expressions stay unresolved)",
                f.path.display()
            )?,
        }
        for t in &f.analysis.times {
            let lc = index.line_col(&f.text, t.span.start, Encoding::Utf32);
            writeln!(
                w,
                "  {:>4}:{:<3} {:<11} {:<22} {:<10} {}",
                lc.line + 1,
                lc.col + 1,
                t.kind.as_str(),
                t.timex(),
                status_name(&t.status),
                &f.text[t.span.clone()].replace('\n', " ")
            )?;
        }
    }
    Ok(())
}
