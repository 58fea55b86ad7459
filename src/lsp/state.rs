//! What the server holds between requests. Plain data behind one lock;
//! analysis and clustering always run outside it on snapshots.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value;
use tower_lsp_server::ls_types::Uri;

use crate::analysis::{Context, DocAnalysis};
use crate::config::{self, Settings};
use crate::entities::{DocEntities, KbError, KnowledgeBase, WorkspaceEntities};
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
    /// The client renders Markdown in hovers.
    pub markdown_hover: bool,
    pub hierarchical_symbols: bool,
}

/// An analysis together with the exact text it was made from.
#[derive(Debug)]
pub struct Analyzed {
    pub generation: u64,
    pub version: Option<i32>,
    pub text: Arc<str>,
    pub index: Arc<LineIndex>,
    pub analysis: DocAnalysis,
    /// The analysis's entities, shared with the entity snapshot.
    pub entities: Arc<DocEntities>,
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
    /// Held while this document is analysed, so concurrent requests wait
    /// for one analysis instead of running their own.
    pub analysing: Arc<tokio::sync::Mutex<()>>,
    /// Fingerprint of the diagnostics last pushed for it, so a workspace
    /// change republishes only the documents whose diagnostics it changed.
    pub published: Option<u64>,
}

impl OpenDoc {
    pub fn current(&self) -> Option<Arc<Analyzed>> {
        self.analyzed
            .as_ref()
            .filter(|a| a.generation == self.generation)
            .cloned()
    }
}

/// A workspace article on disk, as last indexed. The text is kept so that
/// references and renames can point into files the editor has not opened.
#[derive(Clone, Debug)]
pub struct DiskDoc {
    pub uri: Uri,
    pub text: Arc<str>,
    pub index: Arc<LineIndex>,
    pub entities: Arc<DocEntities>,
    pub findings: usize,
}

/// The workspace entities file, as last read.
#[derive(Clone, Debug)]
pub struct KbFile {
    pub uri: Uri,
    pub text: Arc<str>,
    pub index: Arc<LineIndex>,
    pub errors: Vec<KbError>,
}

/// One document as the entity snapshot sees it.
#[derive(Clone, Debug)]
pub struct SnapDoc {
    pub uri: Uri,
    pub text: Arc<str>,
    pub index: Arc<LineIndex>,
    pub entities: Arc<DocEntities>,
}

/// The workspace's entities at one moment: every document (open ones from
/// the editor, the rest from disk), clustered. Requests read it without
/// holding any lock.
#[derive(Debug)]
pub struct EntitySnapshot {
    pub generation: u64,
    /// Shared, so that patching one document after an edit copies pointers
    /// rather than every document's URI (50,000 allocations at 50,000
    /// articles).
    pub docs: Vec<Arc<SnapDoc>>,
    pub by_uri: Arc<HashMap<String, usize>>,
    pub ws: Arc<WorkspaceEntities>,
    pub knowledge: Arc<KnowledgeBase>,
    pub kb_file: Option<KbFile>,
}

impl EntitySnapshot {
    pub fn doc(&self, uri: &str) -> Option<(usize, &SnapDoc)> {
        let i = *self.by_uri.get(uri)?;
        Some((i, &self.docs[i]))
    }

    pub fn doc_entities(&self) -> Vec<&DocEntities> {
        self.docs.iter().map(|d| d.entities.as_ref()).collect()
    }
}

#[derive(Debug, Default)]
pub struct State {
    pub roots: Vec<PathBuf>,
    /// `copydesk.toml` of the first root, as JSON with kebab-case keys.
    pub file_settings: Value,
    /// Settings from the editor, same shape.
    pub editor_settings: Value,
    pub settings: Arc<Settings>,
    pub context: Context,
    pub kb_file: Option<KbFile>,
    pub docs: HashMap<String, OpenDoc>,
    pub files: HashMap<PathBuf, DiskDoc>,
    pub next_generation: u64,
    /// Bumped whenever a document's entities or the knowledge base change.
    pub entity_generation: u64,
    pub snapshot: Option<Arc<EntitySnapshot>>,
    /// The entity generation whose workspace findings the open documents
    /// last received, and whether a republish is already on its way.
    pub republished_generation: u64,
    pub republish_scheduled: bool,
    /// An open document or a file changed since the workspace vocabulary
    /// was counted.
    pub vocab_dirty: bool,
    /// Indexed files changed since then (a sync then compares them all).
    pub vocab_files_dirty: bool,
    pub shutdown: bool,
}

/// The result of (re)building settings.
pub struct SettingsReport {
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
    /// The effective settings differ from before.
    pub changed: bool,
}

impl State {
    /// The indexed files changed: entities and vocabulary follow.
    pub fn files_changed(&mut self) {
        self.entity_generation += 1;
        self.vocab_dirty = true;
        self.vocab_files_dirty = true;
    }

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
        let changed = loaded.errors.is_empty() && *self.settings != loaded.settings;
        let mut warnings = loaded.warnings;
        if changed {
            let dictionary = (&loaded.settings.hunspell, loaded.settings.language);
            if dictionary != (&self.settings.hunspell, self.settings.language) {
                // Compiled once per file and process, then cached.
                match crate::lexicon::hunspell::load(
                    dictionary.0,
                    dictionary.1,
                    self.roots.first().map(PathBuf::as_path),
                ) {
                    Ok(h) => self.context.hunspell = h,
                    Err(e) => {
                        self.context.hunspell = None;
                        warnings.push(e);
                    }
                }
            }
            self.settings = Arc::new(loaded.settings);
        }
        SettingsReport {
            errors: loaded.errors,
            warnings,
            changed,
        }
    }

    /// Whether a path is a workspace article by the configured globs.
    pub fn is_article(&self, path: &Path) -> bool {
        let d = crate::workspace::Discovery::new(&self.settings);
        self.roots
            .iter()
            .any(|r| path.starts_with(r) && d.matches(r, path))
    }

    /// Path of the workspace entities file, if there is a root.
    pub fn kb_path(&self) -> Option<PathBuf> {
        self.roots
            .first()
            .map(|r| r.join(&self.settings.entities_file))
    }
}
