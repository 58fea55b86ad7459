//! The command line: argument parsing lives in `main.rs`; the commands are
//! here so integration tests and benchmarks can call them.

pub mod check;
pub mod dates;
pub mod eval_dates;
pub mod output;

use std::path::{Path, PathBuf};

use crate::config::{self, Loaded};

/// Finds `copydesk.toml` in `start` or its ancestors (the way ruff finds its
/// configuration) and loads it; `explicit` wins when given.
pub fn load_settings(explicit: Option<&Path>, start: &Path) -> Loaded {
    if let Some(p) = explicit {
        return match std::fs::read_to_string(p) {
            Ok(s) => config::from_toml_str(&s, &p.display().to_string()),
            Err(e) => Loaded {
                errors: vec![format!("{}: {e}", p.display())],
                ..Loaded::default()
            },
        };
    }
    let start = std::fs::canonicalize(start).unwrap_or_else(|_| start.to_path_buf());
    let mut dir: Option<PathBuf> = Some(if start.is_dir() {
        start.clone()
    } else {
        start.parent().map(Path::to_path_buf).unwrap_or_default()
    });
    while let Some(d) = dir {
        if d.join(config::CONFIG_FILE).is_file() {
            return config::load_dir(&d);
        }
        dir = d.parent().map(Path::to_path_buf);
    }
    Loaded::default()
}
