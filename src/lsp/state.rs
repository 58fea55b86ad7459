//! What the server holds between requests. Plain data behind one lock;
//! analysis always runs outside it on a snapshot.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value;
use tower_lsp_server::ls_types::Uri;

use crate::analysis::DocAnalysis;
use crate::config::{self, Settings};
use crate::markup::Format;
use crate::text::{Document, Encoding, LineIndex};

/// What the client told us in `initialize`.
#[derive(Clone, Debug, Default)]
pub struct ClientCaps {
    pub encoding: Encoding,
    /// Diagnostics are pulled, not pushed (client support and settings).
    pub use_pull: bool,
    pub progress: bool,
    pub configuration: bool,
    pub watch_files: bool,
    pub diagnostic_refresh: bool,
}

/// An analysis together with the exact text it was made from.
#[derive(Debug)]
pub struct Analyzed {
    pub generation: u64,
    pub version: Option<i32>,
    pub text: Arc<str>,
    pub index: LineIndex,
    pub analysis: DocAnalysis,
}

/// A document the editor has open. Open documents always win over disk.
#[derive(Debug)]
pub struct OpenDoc {
    pub uri: Uri,
    pub path: Option<PathBuf>,
    pub format: Format,
    pub doc: Document,
    /// Bumped on every change; an analysis is current when its generation
    /// equals this.
    pub generation: u64,
    pub analyzed: Option<Arc<Analyzed>>,
    /// The result id last returned to a diagnostic pull.
    pub last_pulled: Option<String>,
}

impl OpenDoc {
    pub fn current(&self) -> Option<Arc<Analyzed>> {
        self.analyzed
            .as_ref()
            .filter(|a| a.generation == self.generation)
            .cloned()
    }
}

/// A workspace file on disk (open or not) as last indexed.
#[derive(Clone, Debug, Default)]
pub struct FileSummary {
    pub findings: usize,
}

#[derive(Debug, Default)]
pub struct State {
    pub roots: Vec<PathBuf>,
    /// `copydesk.toml` of the first root, as JSON with kebab-case keys.
    pub file_settings: Value,
    /// Settings from the editor, same shape.
    pub editor_settings: Value,
    pub settings: Arc<Settings>,
    pub docs: HashMap<String, OpenDoc>,
    pub files: HashMap<PathBuf, FileSummary>,
    pub next_generation: u64,
    pub shutdown: bool,
}

/// The result of (re)building settings.
pub struct SettingsReport {
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
}

impl State {
    pub fn bump(&mut self) -> u64 {
        self.next_generation += 1;
        self.next_generation
    }

    /// Re-reads `copydesk.toml` from the first root.
    pub fn reload_file_settings(&mut self) -> SettingsReport {
        let mut errors = Vec::new();
        self.file_settings = match self.roots.first().map(|r| config::read_file_value(r)) {
            Some(Ok(Some(v))) => v,
            Some(Err(e)) => {
                errors.push(e);
                Value::Null
            }
            _ => Value::Null,
        };
        let mut report = self.merge_settings();
        report.errors.splice(0..0, errors);
        report
    }

    /// Lays the editor's settings over the file's and rebuilds [`Settings`].
    pub fn merge_settings(&mut self) -> SettingsReport {
        let mut base = match &self.file_settings {
            Value::Object(_) => self.file_settings.clone(),
            _ => Value::Object(Default::default()),
        };
        config::overlay(&mut base, config::kebab_keys(self.editor_settings.clone()));
        let loaded = config::from_value(base, "settings");
        if loaded.errors.is_empty() {
            self.settings = Arc::new(loaded.settings);
        }
        SettingsReport {
            errors: loaded.errors,
            warnings: loaded.warnings,
        }
    }

    /// Whether a path is a workspace article by the configured globs.
    pub fn is_article(&self, path: &Path) -> bool {
        let d = crate::workspace::Discovery::new(&self.settings);
        self.roots
            .iter()
            .any(|r| path.starts_with(r) && d.matches(r, path))
    }
}
