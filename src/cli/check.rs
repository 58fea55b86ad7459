//! `copydesk check`: analyse files and report findings.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::output::{self, Format as OutFormat};
use crate::analysis::{Context, DocInput, analyze};
use crate::config::Settings;
use crate::markup::Format;
use crate::rules::{Finding, Severity};
use crate::workspace::{LoadError, discover, load_text};

/// A checked file with what the analysis found.
pub struct Checked {
    pub path: PathBuf,
    pub text: String,
    /// Bytes of a byte order mark removed before analysis; reported
    /// offsets add it back so they point into the file.
    pub bom: usize,
    pub findings: Vec<Finding>,
}

/// A file that could not be checked.
pub struct Skipped {
    /// Empty for problems that are not about one file (a bad glob).
    pub path: PathBuf,
    pub reason: String,
    /// I/O failures are errors; files skipped by policy (too large, not
    /// UTF-8) are not.
    pub is_error: bool,
}

pub struct Outcome {
    pub files: Vec<Checked>,
    pub skipped: Vec<Skipped>,
}

/// Checks files and folders (recursing into article files).
pub fn check_paths(paths: &[PathBuf], settings: &Settings, progress: bool) -> Outcome {
    let (files, errors) = discover(paths, settings);
    let mut skipped: Vec<Skipped> = errors
        .into_iter()
        .map(|reason| Skipped {
            path: PathBuf::new(),
            reason,
            is_error: true,
        })
        .collect();
    let bar = progress_bar(files.len(), progress);
    let results: Vec<Result<Checked, Skipped>> = files
        .par_iter()
        .map(|path| {
            let r = check_file(path, settings);
            bar.inc(1);
            r
        })
        .collect();
    bar.finish_and_clear();
    let mut checked = Vec::new();
    for r in results {
        match r {
            Ok(c) => checked.push(c),
            Err(e) => skipped.push(e),
        }
    }
    Outcome {
        files: checked,
        skipped,
    }
}

pub fn check_file(path: &Path, settings: &Settings) -> Result<Checked, Skipped> {
    let loaded = load_text(path, settings.max_file_size).map_err(|e| Skipped {
        path: path.to_path_buf(),
        reason: e.to_string(),
        is_error: matches!(e, LoadError::Io(_)),
    })?;
    let a = analyze(
        &DocInput {
            text: &loaded.text,
            path: Some(path),
            format: Format::from_path(path),
        },
        settings,
        &Context::default(),
    );
    Ok(Checked {
        path: path.to_path_buf(),
        text: loaded.text,
        bom: loaded.bom,
        findings: a.findings,
    })
}

fn progress_bar(len: usize, enabled: bool) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !enabled || len < 20 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} checking {pos}/{len} files {wide_bar} {eta}",
    ) {
        bar.set_style(style);
    }
    bar
}

/// Runs `copydesk check` and returns the exit status: 0 clean, 1 when an
/// error-severity finding was reported, 2 when a file could not be read.
pub fn run(paths: &[PathBuf], settings: &Settings, format: OutFormat, progress: bool) -> i32 {
    for p in paths {
        if !p.exists() {
            eprintln!("copydesk: {}: no such file or directory", p.display());
            return 2;
        }
    }
    let outcome = check_paths(paths, settings, progress);
    for s in &outcome.skipped {
        if s.path.as_os_str().is_empty() {
            eprintln!("copydesk: {}", s.reason);
        } else {
            eprintln!("copydesk: {}: {}", s.path.display(), s.reason);
        }
    }
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    let written = match format {
        OutFormat::Human => output::human(&mut anstream::AutoStream::auto(&mut lock), &outcome),
        OutFormat::Json => output::json(&mut lock, &outcome),
        OutFormat::Sarif => output::sarif(&mut lock, &outcome),
    };
    if let Err(e) = written
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("copydesk: writing output: {e}");
        return 2;
    }
    let has_error = outcome
        .files
        .iter()
        .flat_map(|f| &f.findings)
        .any(|f| f.severity == Severity::Error);
    let read_error = outcome.skipped.iter().any(|s| s.is_error);
    if read_error {
        2
    } else if has_error {
        1
    } else {
        0
    }
}
