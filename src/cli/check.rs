//! `copydesk check`: analyse files and report findings.

use std::path::PathBuf;

use rayon::prelude::*;

use super::output::{self, Format as OutFormat};
use crate::analysis::{Context, DocAnalysis, DocInput, analyze_workspace};
use crate::config::Settings;
use crate::entities::WorkspaceEntities;
use crate::lexicon::Vocabulary;
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

/// A readable article file.
pub struct Source {
    pub path: PathBuf,
    pub text: String,
    pub bom: usize,
}

/// Finds and reads the article files under `paths` (in parallel).
pub fn load_paths(
    paths: &[PathBuf],
    settings: &Settings,
    progress: bool,
) -> (Vec<Source>, Vec<Skipped>) {
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
    let results: Vec<Result<Source, Skipped>> = files
        .par_iter()
        .map(|path| {
            bar.inc(1);
            load_text(path, settings.max_file_size)
                .map(|l| Source {
                    path: path.clone(),
                    text: l.text,
                    bom: l.bom,
                })
                .map_err(|e| Skipped {
                    path: path.to_path_buf(),
                    reason: e.to_string(),
                    is_error: matches!(e, LoadError::Io(_)),
                })
        })
        .collect();
    bar.finish_and_clear();
    let mut sources = Vec::new();
    for r in results {
        match r {
            Ok(s) => sources.push(s),
            Err(e) => skipped.push(e),
        }
    }
    (sources, skipped)
}

/// Analyses sources as one workspace.
pub fn analyze_sources(
    sources: &[Source],
    settings: &Settings,
    context: &Context,
) -> (Vec<DocAnalysis>, WorkspaceEntities) {
    let inputs: Vec<DocInput> = sources
        .iter()
        .map(|s| DocInput {
            text: &s.text,
            path: Some(&s.path),
            format: Format::from_path(&s.path),
        })
        .collect();
    // Two passes: the vocabulary of all files first (a word the archive
    // uses on its own is not a glued word), then the analysis.
    let vocabulary = workspace_vocabulary(sources);
    let context = context.with_vocabulary(std::sync::Arc::new(vocabulary));
    analyze_workspace(&inputs, settings, &context)
}

/// The word counts of all sources (in parallel).
pub fn workspace_vocabulary(sources: &[Source]) -> Vocabulary {
    sources
        .par_iter()
        .fold(Vocabulary::new, |mut v, s| {
            v.add_text(&s.text, Format::from_path(&s.path));
            v
        })
        .reduce(Vocabulary::new, |mut a, b| {
            if a.len() < b.len() {
                let mut b = b;
                b.merge(&a);
                b
            } else {
                a.merge(&b);
                a
            }
        })
}

/// Checks files and folders (recursing into article files).
pub fn check_paths(
    paths: &[PathBuf],
    settings: &Settings,
    context: &Context,
    progress: bool,
) -> Outcome {
    let (sources, skipped) = load_paths(paths, settings, progress);
    let (analyses, _) = analyze_sources(&sources, settings, context);
    let files = sources
        .into_iter()
        .zip(analyses)
        .map(|(s, a)| Checked {
            path: s.path,
            text: s.text,
            bom: s.bom,
            findings: a.findings,
        })
        .collect();
    Outcome { files, skipped }
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
pub fn run(
    paths: &[PathBuf],
    settings: &Settings,
    context: &Context,
    format: OutFormat,
    progress: bool,
) -> i32 {
    for p in paths {
        if !p.exists() {
            eprintln!("copydesk: {}: no such file or directory", p.display());
            return 2;
        }
    }
    let outcome = check_paths(paths, settings, context, progress);
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
