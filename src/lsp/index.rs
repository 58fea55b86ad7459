//! The workspace index: every article under the workspace folders, the
//! knowledge base, and the entity snapshot built from them.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use tower_lsp_server::ls_types::*;

use super::backend::Backend;
use super::state::{DiskDoc, EntitySnapshot, KbFile, SnapDoc};
use crate::analysis::{Context, DocInput, analyze};
use crate::config::Settings;
use crate::entities::{self, KnowledgeBase, kb};
use crate::markup::Format;
use crate::text::LineIndex;
use crate::workspace::{discover, load_text};

/// Reads and analyses one article for the index.
pub(super) fn index_file(
    path: &Path,
    settings: &Settings,
    context: &Context,
) -> Result<DiskDoc, String> {
    let loaded = load_text(path, settings.max_file_size).map_err(|e| e.to_string())?;
    let uri =
        Uri::from_file_path(path).ok_or_else(|| "cannot be named by a file: URI".to_string())?;
    let mut a = analyze(
        &DocInput {
            text: &loaded.text,
            path: Some(path),
            format: Format::from_path(path),
        },
        settings,
        context,
    );
    Ok(DiskDoc {
        uri,
        index: Arc::new(LineIndex::new(&loaded.text)),
        text: Arc::from(loaded.text),
        entities: Arc::new(std::mem::take(&mut a.entities)),
        findings: a.findings.len(),
    })
}

impl Backend {
    /// Indexes every article under the workspace folders, in parallel, with
    /// progress reports.
    pub(super) async fn index_workspace(&self) {
        let (roots, settings, context) = {
            let st = self.read();
            (st.roots.clone(), st.settings.clone(), st.context.clone())
        };
        if roots.is_empty() {
            return;
        }
        let (files, errors) = {
            let roots = roots.clone();
            let settings = settings.clone();
            tokio::task::spawn_blocking(move || discover(&roots, &settings))
                .await
                .unwrap_or_default()
        };
        for e in errors {
            self.log(MessageType::WARNING, e).await;
        }
        let total = files.len();
        let progress = if self.caps().progress {
            let token = NumberOrString::String("copydesk/index".into());
            match self.client().create_work_done_progress(token.clone()).await {
                Ok(()) => Some(
                    self.client()
                        .progress(token, "copydesk: indexing articles")
                        .with_percentage(0)
                        .with_message(format!("0/{total}"))
                        .begin()
                        .await,
                ),
                Err(_) => None,
            }
        } else {
            None
        };
        let started = std::time::Instant::now();
        let mut done = 0usize;
        let mut skipped = Vec::new();
        // Chunks keep progress moving and let requests in between.
        for chunk in files.chunks(256) {
            let chunk = chunk.to_vec();
            let settings = settings.clone();
            let context = context.clone();
            let results = tokio::task::spawn_blocking(move || {
                use rayon::prelude::*;
                chunk
                    .par_iter()
                    .map(|p| (p.clone(), index_file(p, &settings, &context)))
                    .collect::<Vec<_>>()
            })
            .await
            .unwrap_or_default();
            done += results.len();
            {
                let mut st = self.write();
                for (p, r) in results {
                    match r {
                        Ok(s) => {
                            st.files.insert(p, s);
                        }
                        Err(e) => skipped.push(format!("{}: {e}", p.display())),
                    }
                }
                st.entity_generation += 1;
            }
            if let Some(pr) = &progress {
                let pct = (done * 100 / total.max(1)) as u32;
                pr.report_with_message(format!("{done}/{total}"), pct).await;
            }
        }
        for s in skipped {
            self.log(MessageType::WARNING, s).await;
        }
        {
            let mut st = self.write();
            st.vocab_dirty = false;
            st.vocab_files_dirty = true;
        }
        self.sync_vocabulary().await;
        let findings: usize = self.read().files.values().map(|f| f.findings).sum();
        let indexed = started.elapsed();
        // Cluster once now so the first hover does not pay for it.
        let snap = self.entities().await;
        if let Some(pr) = progress {
            pr.finish_with_message(format!("{total} articles")).await;
        }
        self.log(
            MessageType::INFO,
            format!(
                "indexed {total} articles in {indexed:.1?} ({findings} findings, {} entities)",
                snap.ws.entities.len()
            ),
        )
        .await;
        self.refresh_all().await;
    }

    /// Reads the workspace entities file and rebuilds the context; errors go
    /// to the entities file as diagnostics. Returns whether it changed.
    pub(super) async fn reload_knowledge(&self) -> bool {
        let Some(path) = self.read().kb_path() else {
            return false;
        };
        let file = match std::fs::read_to_string(&path) {
            Ok(text) => {
                let (kb, errors) = kb::parse(&text, false);
                let uri = Uri::from_file_path(&path);
                uri.map(|uri| {
                    (
                        kb,
                        KbFile {
                            uri,
                            index: Arc::new(LineIndex::new(&text)),
                            text: Arc::from(text),
                            errors,
                        },
                    )
                })
            }
            Err(e) => {
                if e.kind() != std::io::ErrorKind::NotFound {
                    self.log(MessageType::WARNING, format!("{}: {e}", path.display()))
                        .await;
                }
                None
            }
        };
        let (kb, kb_file) = match file {
            Some((kb, f)) => (kb, Some(f)),
            None => (KnowledgeBase::default(), None),
        };
        let context = Context::with_knowledge(KnowledgeBase::with_workspace(kb));
        let previous_uri = {
            let mut st = self.write();
            let changed = *st.context.knowledge.entries != *context.knowledge.entries
                || st.kb_file.as_ref().map(|f| &f.errors) != kb_file.as_ref().map(|f| &f.errors);
            let prev = st.kb_file.as_ref().map(|f| f.uri.clone());
            st.context = Context {
                vocabulary: st.context.vocabulary.clone(),
                hunspell: st.context.hunspell.clone(),
                ..context
            };
            st.kb_file = kb_file.clone();
            if !changed {
                return false;
            }
            st.entity_generation += 1;
            prev
        };
        self.publish_kb_diagnostics(kb_file.as_ref(), previous_uri)
            .await;
        true
    }

    async fn publish_kb_diagnostics(&self, file: Option<&KbFile>, previous: Option<Uri>) {
        if let Some(f) = file {
            let p = self.positions(&f.text, &f.index);
            let diags = f
                .errors
                .iter()
                .map(|e| Diagnostic {
                    range: p
                        .range(e.span.start..e.span.start.max(e.span.end.min(e.span.start + 1))),
                    severity: Some(DiagnosticSeverity::ERROR),
                    code: Some(NumberOrString::String("kb/invalid-entry".into())),
                    source: Some("copydesk".into()),
                    message: format!("{}; this entry is not loaded", e.message),
                    ..Diagnostic::default()
                })
                .collect();
            self.client()
                .publish_diagnostics(f.uri.clone(), diags, None)
                .await;
        } else if let Some(uri) = previous {
            self.client()
                .publish_diagnostics(uri, Vec::new(), None)
                .await;
        }
    }

    /// The entity snapshot, rebuilt first if documents or the knowledge base
    /// changed since it was made. Under a stream of edits it may be one
    /// change behind; callers check that it covers what they need.
    pub(super) async fn entities(&self) -> Arc<EntitySnapshot> {
        // Any snapshot of the state as it is now, or later, will do. While
        // analyses keep landing, one rebuild then serves every caller that
        // queued behind the previous one, instead of each rebuilding in turn.
        let wanted = self.read().entity_generation;
        if let Some(s) = self.snapshot_since(wanted) {
            return s;
        }
        let _guard = self.inner.rebuild.lock().await;
        // Someone else may have rebuilt while we waited.
        if let Some(s) = self.snapshot_since(wanted) {
            return s;
        }
        let (generation, docs, knowledge, kb_file) = {
            let st = self.read();
            let mut docs: Vec<Arc<SnapDoc>> = Vec::with_capacity(st.files.len() + st.docs.len());
            // Open documents as last analysed; a pending analysis bumps the
            // generation again when it lands.
            for d in st.docs.values() {
                if let Some(a) = &d.analyzed {
                    docs.push(Arc::new(SnapDoc {
                        uri: d.uri.clone(),
                        text: a.text.clone(),
                        index: a.index.clone(),
                        entities: a.entities.clone(),
                    }));
                }
            }
            for f in st.files.values() {
                if !st.docs.contains_key(f.uri.as_str()) {
                    docs.push(Arc::new(SnapDoc {
                        uri: f.uri.clone(),
                        text: f.text.clone(),
                        index: f.index.clone(),
                        entities: f.entities.clone(),
                    }));
                }
            }
            (
                st.entity_generation,
                docs,
                st.context.knowledge.clone(),
                st.kb_file.clone(),
            )
        };
        let built = tokio::task::spawn_blocking(move || {
            let mut docs = docs;
            docs.sort_by(|a, b| a.uri.as_str().cmp(b.uri.as_str()));
            let by_uri: HashMap<String, usize> = docs
                .iter()
                .enumerate()
                .map(|(i, d)| (d.uri.as_str().to_string(), i))
                .collect();
            let ws = {
                let refs: Vec<&entities::DocEntities> =
                    docs.iter().map(|d| d.entities.as_ref()).collect();
                entities::cluster(&refs, &knowledge)
            };
            EntitySnapshot {
                generation,
                docs,
                by_uri: Arc::new(by_uri),
                ws: Arc::new(ws),
                knowledge,
                kb_file,
            }
        })
        .await;
        match built {
            Ok(s) => {
                let s = Arc::new(s);
                let mut st = self.write();
                if st
                    .snapshot
                    .as_ref()
                    .is_none_or(|old| old.generation <= s.generation)
                {
                    st.snapshot = Some(s.clone());
                }
                s
            }
            Err(e) => {
                self.log(
                    MessageType::ERROR,
                    format!("clustering entities failed: {e}"),
                )
                .await;
                Arc::new(EntitySnapshot {
                    generation,
                    docs: Vec::new(),
                    by_uri: Arc::default(),
                    ws: Arc::default(),
                    knowledge: Arc::new(KnowledgeBase::default()),
                    kb_file: None,
                })
            }
        }
    }

    fn snapshot_since(&self, generation: u64) -> Option<Arc<EntitySnapshot>> {
        self.read()
            .snapshot
            .as_ref()
            .filter(|s| s.generation >= generation)
            .cloned()
    }

    pub(super) async fn register_watchers(&self) {
        if !self.caps().watch_files {
            return;
        }
        let kb_glob = format!(
            "**/{}",
            self.settings().entities_file.trim_start_matches("./")
        );
        let watchers = [
            "**/*.{txt,md,markdown}".to_string(),
            "**/copydesk.toml".to_string(),
            kb_glob,
        ]
        .into_iter()
        .map(|g| FileSystemWatcher {
            glob_pattern: GlobPattern::String(g),
            kind: None,
        })
        .collect();
        let reg = Registration {
            id: "copydesk-watch".into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions {
                watchers,
            })
            .ok(),
        };
        if let Err(e) = self.client().register_capability(vec![reg]).await {
            self.log(
                MessageType::WARNING,
                format!("could not register file watchers: {e}"),
            )
            .await;
        }
    }
}
