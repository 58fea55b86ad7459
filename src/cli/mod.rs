//! The command line: argument parsing lives in `main.rs`; the commands are
//! here so integration tests and benchmarks can call them.

pub mod check;
pub mod dates;
pub mod entities;
pub mod eval_dates;
pub mod eval_glue;
pub mod output;

use std::path::{Path, PathBuf};

use crate::analysis::Context;
use crate::config::{self, Settings};
use crate::entities::KnowledgeBase;
use crate::entities::kb;

/// Settings, workspace root and knowledge base for a CLI run.
pub struct Setup {
    pub settings: Settings,
    /// The folder holding `copydesk.toml`, else the first path's folder.
    pub root: PathBuf,
    pub context: Context,
    pub warnings: Vec<String>,
}

/// A floor of the evaluation commands (`--min-f1`, `--min-precision`, …)
/// between 0 and 1; 95 for 0.95 would be a floor no run can reach, so it
/// is refused.
pub fn fraction(s: &str) -> Result<f64, String> {
    let v: f64 = s.parse().map_err(|e| format!("{e}"))?;
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!(
            "{v} is not a fraction between 0 and 1 (write 0.95 for 95%)"
        ))
    }
}

/// Finds `copydesk.toml` in `start` or its ancestors (the way ruff finds its
/// configuration), loads it and the workspace's entities file. Errors in
/// the settings file are returned (the CLI exits with status 2); problems in
/// the entities file are warnings.
pub fn setup(explicit: Option<&Path>, start: &Path) -> Result<Setup, Vec<String>> {
    let start = std::fs::canonicalize(start).unwrap_or_else(|_| start.to_path_buf());
    let start_dir = if start.is_dir() {
        start.clone()
    } else {
        start.parent().map(Path::to_path_buf).unwrap_or_default()
    };
    let (loaded, root) = match explicit {
        Some(p) => {
            let loaded = match std::fs::read_to_string(p) {
                Ok(s) => config::from_toml_str(&s, &p.display().to_string()),
                Err(e) => return Err(vec![format!("{}: {e}", p.display())]),
            };
            (
                loaded,
                p.parent()
                    .map(Path::to_path_buf)
                    .unwrap_or(start_dir.clone()),
            )
        }
        None => {
            let mut dir = Some(start_dir.clone());
            let mut found = None;
            while let Some(d) = dir {
                if d.join(config::CONFIG_FILE).is_file() {
                    found = Some(d);
                    break;
                }
                dir = d.parent().map(Path::to_path_buf);
            }
            match found {
                Some(d) => (config::load_dir(&d), d),
                None => (config::Loaded::default(), start_dir.clone()),
            }
        }
    };
    if !loaded.errors.is_empty() {
        return Err(loaded.errors);
    }
    let mut warnings = loaded.warnings;
    let kb_path = root.join(&loaded.settings.entities_file);
    let file_kb = match std::fs::read_to_string(&kb_path) {
        Ok(text) => {
            let (kb, errors) = kb::parse(&text, false);
            for e in errors {
                let line = text[..e.span.start.min(text.len())].matches('\n').count() + 1;
                warnings.push(format!("{}:{line}: {}", kb_path.display(), e.message));
            }
            kb
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => KnowledgeBase::default(),
        Err(e) => {
            warnings.push(format!("{}: {e}", kb_path.display()));
            KnowledgeBase::default()
        }
    };
    let mut context = Context::with_knowledge(KnowledgeBase::with_workspace(file_kb));
    match crate::lexicon::hunspell::load(
        &loaded.settings.hunspell,
        loaded.settings.language,
        Some(&root),
    ) {
        Ok(h) => context.hunspell = h,
        Err(e) => warnings.push(e),
    }
    Ok(Setup {
        settings: loaded.settings,
        root,
        context,
        warnings,
    })
}
