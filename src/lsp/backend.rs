//! The server's core: state access, analysis scheduling and diagnostics.
//! Protocol entry points live in `server.rs`, entity requests in
//! `features.rs`, workspace indexing and the entity snapshot in `index.rs`.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::Duration;

use serde_json::Value;
use tower_lsp_server::Client;
use tower_lsp_server::ls_types::*;

use super::convert::{self, Positions};
use super::state::{Analyzed, ClientCaps, EntitySnapshot, SnapDoc, State};
use crate::analysis::{DocInput, analyze, workspace_findings};
use crate::config::Settings;
use crate::entities::DocEntities;
use crate::rules::Finding;
use crate::text::LineIndex;

#[derive(Clone)]
pub struct Backend {
    pub(super) inner: Arc<Inner>,
}

pub(super) struct Inner {
    pub client: Client,
    pub state: RwLock<State>,
    pub caps: OnceLock<ClientCaps>,
    pub shutdown: AtomicBool,
    /// Serialises rebuilds of the entity snapshot.
    pub rebuild: tokio::sync::Mutex<()>,
    /// What the workspace vocabulary counts; held while it is synced.
    pub ledger: tokio::sync::Mutex<super::vocabulary::Ledger>,
    /// Analyses after edits run at most one per core. A burst of edits to a
    /// hundred documents would otherwise start a hundred analyses at once,
    /// all finishing late, and a hover would queue behind all of them;
    /// requests analyse their own document without waiting here.
    pub background: tokio::sync::Semaphore,
}

/// Whether a clean `shutdown` preceded the end of the connection.
pub fn was_shut_down(b: &Backend) -> bool {
    b.inner.shutdown.load(Ordering::SeqCst)
}

impl Backend {
    pub fn new(client: Client) -> Backend {
        Backend {
            inner: Arc::new(Inner {
                client,
                state: RwLock::new(State::default()),
                caps: OnceLock::new(),
                shutdown: AtomicBool::new(false),
                rebuild: tokio::sync::Mutex::new(()),
                ledger: tokio::sync::Mutex::default(),
                background: tokio::sync::Semaphore::new(
                    std::thread::available_parallelism().map_or(2, |n| n.get()),
                ),
            }),
        }
    }

    pub(super) fn client(&self) -> &Client {
        &self.inner.client
    }

    pub(super) fn caps(&self) -> ClientCaps {
        self.inner.caps.get().cloned().unwrap_or_default()
    }

    /// A poisoned lock only means a panic elsewhere; the data is still
    /// usable and the server must keep serving.
    pub(super) fn read(&self) -> RwLockReadGuard<'_, State> {
        self.inner.state.read().unwrap_or_else(|e| e.into_inner())
    }

    pub(super) fn write(&self) -> RwLockWriteGuard<'_, State> {
        self.inner.state.write().unwrap_or_else(|e| e.into_inner())
    }

    /// Logs to stderr and to the client's log.
    pub(super) async fn log(&self, typ: MessageType, msg: String) {
        match typ {
            MessageType::ERROR => tracing::error!("{msg}"),
            MessageType::WARNING => tracing::warn!("{msg}"),
            _ => tracing::info!("{msg}"),
        }
        self.inner.client.log_message(typ, msg).await;
    }

    pub(super) fn settings(&self) -> Arc<Settings> {
        self.read().settings.clone()
    }

    pub(super) fn positions<'a>(&self, text: &'a str, index: &'a LineIndex) -> Positions<'a> {
        Positions {
            text,
            index,
            encoding: self.caps().encoding,
        }
    }

    /// Analyses the current text of an open document unless an analysis of
    /// exactly that text exists. Runs on the blocking pool; no lock is held
    /// while analysing.
    pub(super) async fn analyzed(&self, uri: &str) -> Option<Arc<Analyzed>> {
        let lock = {
            let st = self.read();
            let d = st.docs.get(uri)?;
            if let Some(a) = d.current() {
                return Some(a);
            }
            d.analysing.clone()
        };
        let _one_at_a_time = lock.lock().await;
        let (text, generation, version, format, path, settings, context) = {
            let st = self.read();
            let d = st.docs.get(uri)?;
            if let Some(a) = d.current() {
                return Some(a);
            }
            (
                Arc::<str>::from(d.doc.text()),
                d.generation,
                d.doc.version,
                d.format,
                d.path.clone(),
                st.settings.clone(),
                st.context.clone(),
            )
        };
        let job = tokio::task::spawn_blocking(move || {
            let mut analysis = analyze(
                &DocInput {
                    text: &text,
                    path: path.as_deref(),
                    format,
                },
                &settings,
                &context,
            );
            let entities = Arc::new(std::mem::take(&mut analysis.entities));
            Analyzed {
                generation,
                version: Some(version),
                index: Arc::new(LineIndex::new(&text)),
                text,
                analysis,
                entities,
            }
        });
        let a = match job.await {
            Ok(a) => Arc::new(a),
            Err(e) => {
                self.log(MessageType::ERROR, format!("analysis of {uri} failed: {e}"))
                    .await;
                return None;
            }
        };
        let mut st = self.write();
        if let Some(d) = st.docs.get_mut(uri)
            && d.generation == generation
        {
            d.analyzed = Some(a.clone());
            note_entities(&mut st, uri, &a);
        }
        Some(a)
    }

    /// Document findings plus the workspace-level ones (spelling across
    /// articles) from an entity snapshot that includes this analysis.
    pub(super) async fn findings(&self, uri: &str, a: &Analyzed) -> Vec<Finding> {
        let snap = self.entities().await;
        let mut all = a.analysis.findings.clone();
        if let Some((i, d)) = snap.doc(uri)
            && Arc::ptr_eq(&d.entities, &a.entities)
        {
            let settings = self.settings();
            let context = self.read().context.clone();
            all.extend(workspace_findings(
                i,
                &snap.doc_entities(),
                &snap.ws,
                &settings,
                &context,
            ));
            all.sort_by(|x, y| {
                (x.span.start, x.span.end, x.code).cmp(&(y.span.start, y.span.end, y.code))
            });
        }
        all
    }

    pub(super) async fn diagnostics(&self, uri: &str, a: &Analyzed) -> Vec<Diagnostic> {
        let findings = self.findings(uri, a).await;
        let p = self.positions(&a.text, &a.index);
        findings
            .iter()
            .map(|f| convert::diagnostic(&p, f))
            .collect()
    }

    /// Analyses and, in push mode, publishes — unless the document changed
    /// in the meantime (a newer run will publish).
    pub(super) async fn refresh(&self, uri: String) {
        let Some(a) = self.analyzed(&uri).await else {
            return;
        };
        if self.caps().use_pull {
            return;
        }
        let diags = self.diagnostics(&uri, &a).await;
        let print = fingerprint(&diags);
        let (doc_uri, workspace_moved) = {
            let mut st = self.write();
            let moved = st.entity_generation != st.republished_generation || st.vocab_dirty;
            match st.docs.get_mut(&uri) {
                Some(d) if d.generation == a.generation => {
                    d.published = Some(print);
                    (d.uri.clone(), moved)
                }
                _ => return,
            }
        };
        self.inner
            .client
            .publish_diagnostics(doc_uri, diags, a.version)
            .await;
        if workspace_moved {
            self.schedule_republish();
        }
    }

    /// Workspace findings (a name spelled differently in another article)
    /// of one document depend on the others: after an edit changed the
    /// workspace's entities, the other open documents get their diagnostics
    /// again — only those whose diagnostics actually changed, and once per
    /// burst of edits, not once per keystroke.
    pub(super) fn schedule_republish(&self) {
        {
            let mut st = self.write();
            if st.republish_scheduled {
                return;
            }
            st.republish_scheduled = true;
        }
        let delay = Duration::from_millis(self.settings().debounce_ms.max(200));
        let this = self.clone();
        tokio::spawn(async move {
            tokio::time::sleep(delay).await;
            this.write().republish_scheduled = false;
            this.republish().await;
        });
    }

    async fn republish(&self) {
        // Words typed into open documents count for the glued-words rule
        // like words on disk, so the editor agrees with `copydesk check`
        // of the same texts.
        let dirty = std::mem::take(&mut self.write().vocab_dirty);
        if dirty && let Some(changed) = self.sync_vocabulary().await {
            self.reanalyse_for(&changed).await;
        }
        let snap = self.entities().await;
        if self.caps().use_pull {
            if self.caps().diagnostic_refresh {
                let _ = self.inner.client.workspace_diagnostic_refresh().await;
            }
            self.write().republished_generation = snap.generation;
            return;
        }
        let open: Vec<(String, Arc<Analyzed>)> = {
            let st = self.read();
            st.docs
                .iter()
                .filter_map(|(k, d)| Some((k.clone(), d.current()?)))
                .collect()
        };
        for (key, a) in open {
            let diags = self.diagnostics(&key, &a).await;
            let print = fingerprint(&diags);
            let doc_uri = {
                let mut st = self.write();
                match st.docs.get_mut(&key) {
                    Some(d) if d.generation == a.generation && d.published != Some(print) => {
                        d.published = Some(print);
                        d.uri.clone()
                    }
                    _ => continue,
                }
            };
            self.inner
                .client
                .publish_diagnostics(doc_uri, diags, a.version)
                .await;
        }
        let mut st = self.write();
        st.republished_generation = st.republished_generation.max(snap.generation);
    }

    /// Schedules an analysis after the debounce delay; a later edit makes
    /// this one a no-op.
    pub(super) fn schedule(&self, uri: String, generation: u64) {
        let delay = Duration::from_millis(self.settings().debounce_ms);
        let this = self.clone();
        tokio::spawn(async move {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            let still_current = |this: &Backend| {
                this.read()
                    .docs
                    .get(&uri)
                    .is_some_and(|d| d.generation == generation)
            };
            if !still_current(&this) {
                return;
            }
            let Ok(_permit) = this.inner.background.acquire().await else {
                return;
            };
            if still_current(&this) {
                this.refresh(uri).await;
            }
        });
    }

    /// Re-analyses every open document (settings or knowledge changed).
    pub(super) async fn refresh_all(&self) {
        let uris: Vec<String> = {
            let mut st = self.write();
            let g = st.bump();
            for d in st.docs.values_mut() {
                d.generation = g;
            }
            st.entity_generation += 1;
            st.docs.keys().cloned().collect()
        };
        self.refresh_bumped(uris).await;
    }

    /// Open documents whose generation was just bumped get new diagnostics:
    /// pushed one after another, or, in pull mode, asked for again.
    pub(super) async fn refresh_bumped(&self, uris: Vec<String>) {
        if self.caps().use_pull {
            if self.caps().diagnostic_refresh {
                let _ = self.inner.client.workspace_diagnostic_refresh().await;
            }
            return;
        }
        for uri in uris {
            self.refresh(uri).await;
        }
    }

    /// Republishes open documents whose cross-article findings may have
    /// changed after the entity snapshot was rebuilt.
    pub(super) async fn republish_open(&self) {
        if self.caps().use_pull {
            if self.caps().diagnostic_refresh {
                let _ = self.inner.client.workspace_diagnostic_refresh().await;
            }
            return;
        }
        let open: Vec<(String, Uri, Arc<Analyzed>)> = {
            let st = self.read();
            st.docs
                .iter()
                .filter_map(|(k, d)| d.current().map(|a| (k.clone(), d.uri.clone(), a)))
                .collect()
        };
        for (key, uri, a) in open {
            let diags = self.diagnostics(&key, &a).await;
            self.inner
                .client
                .publish_diagnostics(uri, diags, a.version)
                .await;
        }
    }

    pub(super) async fn report_settings(&self, errors: Vec<String>, warnings: Vec<String>) {
        for e in errors {
            self.inner
                .client
                .show_message(MessageType::ERROR, format!("copydesk: {e}"))
                .await;
            self.log(MessageType::ERROR, e).await;
        }
        for w in warnings {
            self.inner
                .client
                .show_message(MessageType::WARNING, format!("copydesk: {w}"))
                .await;
            self.log(MessageType::WARNING, w).await;
        }
    }

    /// Asks the editor for the `copydesk` section of its settings; true when
    /// the effective settings changed.
    pub(super) async fn pull_configuration(&self) -> bool {
        if !self.caps().configuration {
            return false;
        }
        let items = vec![ConfigurationItem {
            scope_uri: None,
            section: Some("copydesk".into()),
        }];
        match self.inner.client.configuration(items).await {
            Ok(mut v) if !v.is_empty() => {
                let value = v.swap_remove(0);
                // A client without settings answers null: keep what came
                // with `initialize`.
                if !value.is_object() {
                    return false;
                }
                let report = {
                    let mut st = self.write();
                    st.editor_settings = value;
                    st.merge_settings()
                };
                let changed = report.changed;
                self.report_settings(report.errors, report.warnings).await;
                changed
            }
            Ok(_) => false,
            Err(e) => {
                self.log(
                    MessageType::WARNING,
                    format!("workspace/configuration failed: {e}"),
                )
                .await;
                false
            }
        }
    }

    /// Stores the editor's settings when they came with the notification.
    pub(super) async fn take_pushed_settings(&self, v: Value) -> bool {
        let report = {
            let mut st = self.write();
            st.editor_settings = v;
            st.merge_settings()
        };
        let changed = report.changed;
        self.report_settings(report.errors, report.warnings).await;
        changed
    }
}

/// After a document's analysis: if its entities kept their shape (same
/// names, groups and roles; only positions moved), the snapshot takes the
/// new positions without reclustering; otherwise the snapshot is stale.
fn note_entities(st: &mut State, uri: &str, a: &Analyzed) {
    let Some(snap) = st.snapshot.clone() else {
        st.entity_generation += 1;
        return;
    };
    match patched(&snap, uri, a) {
        Some(s) if snap.generation == st.entity_generation => st.snapshot = Some(Arc::new(s)),
        _ => st.entity_generation += 1,
    }
}

/// `snap` with the document `uri` replaced by its analysis `a`, when the
/// entities kept their shape, so the clustering still holds.
pub(super) fn patched(snap: &EntitySnapshot, uri: &str, a: &Analyzed) -> Option<EntitySnapshot> {
    let (i, d) = snap.doc(uri)?;
    if !same_shape(&d.entities, &a.entities) {
        return None;
    }
    let mut docs = snap.docs.clone();
    docs[i] = Arc::new(SnapDoc {
        uri: d.uri.clone(),
        text: a.text.clone(),
        index: a.index.clone(),
        entities: a.entities.clone(),
    });
    Some(EntitySnapshot {
        generation: snap.generation,
        docs,
        by_uri: snap.by_uri.clone(),
        ws: snap.ws.clone(),
        knowledge: snap.knowledge.clone(),
        kb_file: snap.kb_file.clone(),
    })
}

/// A fingerprint of a diagnostics list (what a client would be shown).
fn fingerprint(diags: &[Diagnostic]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    serde_json::to_string(diags)
        .unwrap_or_default()
        .hash(&mut h);
    h.finish()
}

fn same_shape(a: &DocEntities, b: &DocEntities) -> bool {
    a.groups == b.groups
        && a.mentions.len() == b.mentions.len()
        && a.mentions.iter().zip(&b.mentions).all(|(x, y)| {
            x.words == y.words
                && x.kind == y.kind
                && x.group == y.group
                && x.acronym == y.acronym
                && x.role.as_ref().map(|r| &r.text) == y.role.as_ref().map(|r| &r.text)
        })
}

pub(super) fn uri_path(uri: &Uri) -> Option<PathBuf> {
    if uri.scheme().as_str() != "file" {
        return None;
    }
    uri.to_file_path().map(|p| p.into_owned())
}
