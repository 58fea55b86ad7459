//! The `LanguageServer` implementation: protocol in, analysis calls, protocol
//! out. Text edits are applied synchronously at the top of `did_change`,
//! before any `.await`, so they are applied in the order they arrived.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::Duration;

use serde_json::Value;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use super::convert::{self, Positions};
use super::state::{Analyzed, ClientCaps, FileSummary, OpenDoc, State};
use crate::analysis::{Context, DocInput, analyze};
use crate::config::{DiagnosticsMode, Settings};
use crate::markup::Format;
use crate::text::{Document, Encoding, LineCol, LineIndex, TextChange};
use crate::workspace::{discover, load_text};

#[derive(Clone)]
pub struct Backend {
    inner: Arc<Inner>,
}

struct Inner {
    client: Client,
    state: RwLock<State>,
    caps: OnceLock<ClientCaps>,
    shutdown: AtomicBool,
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
            }),
        }
    }

    fn caps(&self) -> ClientCaps {
        self.inner.caps.get().cloned().unwrap_or_default()
    }

    /// A poisoned lock only means a panic elsewhere; the data is still
    /// usable and the server must keep serving.
    fn read(&self) -> RwLockReadGuard<'_, State> {
        self.inner.state.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> RwLockWriteGuard<'_, State> {
        self.inner.state.write().unwrap_or_else(|e| e.into_inner())
    }

    /// Logs to stderr and to the client's log.
    async fn log(&self, typ: MessageType, msg: String) {
        match typ {
            MessageType::ERROR => tracing::error!("{msg}"),
            MessageType::WARNING => tracing::warn!("{msg}"),
            _ => tracing::info!("{msg}"),
        }
        self.inner.client.log_message(typ, msg).await;
    }

    fn settings(&self) -> Arc<Settings> {
        self.read().settings.clone()
    }

    /// Analyses the current text of an open document unless an analysis of
    /// exactly that text exists. Runs on the blocking pool; no lock is held
    /// while analysing.
    async fn analyzed(&self, uri: &str) -> Option<Arc<Analyzed>> {
        let (text, generation, version, format, path, settings) = {
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
            )
        };
        let job = tokio::task::spawn_blocking(move || {
            let analysis = analyze(
                &DocInput {
                    text: &text,
                    path: path.as_deref(),
                    format,
                },
                &settings,
                &Context::default(),
            );
            Analyzed {
                generation,
                version: Some(version),
                index: LineIndex::new(&text),
                text,
                analysis,
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
        }
        Some(a)
    }

    /// Analyses and, in push mode, publishes — unless the document changed
    /// in the meantime (a newer run will publish).
    async fn refresh(&self, uri: String) {
        let Some(a) = self.analyzed(&uri).await else {
            return;
        };
        if self.caps().use_pull {
            return;
        }
        let (doc_uri, current) = {
            let st = self.read();
            match st.docs.get(&uri) {
                Some(d) => (d.uri.clone(), d.generation == a.generation),
                None => return,
            }
        };
        if !current {
            return;
        }
        let diags = self.diagnostics(&a);
        self.inner
            .client
            .publish_diagnostics(doc_uri, diags, a.version)
            .await;
    }

    fn diagnostics(&self, a: &Analyzed) -> Vec<Diagnostic> {
        let p = Positions {
            text: &a.text,
            index: &a.index,
            encoding: self.caps().encoding,
        };
        a.analysis
            .findings
            .iter()
            .map(|f| convert::diagnostic(&p, f))
            .collect()
    }

    /// Schedules an analysis after the debounce delay; a later edit makes
    /// this one a no-op.
    fn schedule(&self, uri: String, generation: u64) {
        let delay = Duration::from_millis(self.settings().debounce_ms);
        let this = self.clone();
        tokio::spawn(async move {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            let still_current = this
                .read()
                .docs
                .get(&uri)
                .is_some_and(|d| d.generation == generation);
            if still_current {
                this.refresh(uri).await;
            }
        });
    }

    /// Re-analyses every open document (settings changed).
    async fn refresh_all(&self) {
        let uris: Vec<String> = {
            let mut st = self.write();
            let g = st.bump();
            for d in st.docs.values_mut() {
                d.generation = g;
            }
            st.docs.keys().cloned().collect()
        };
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

    async fn report_settings(&self, errors: Vec<String>, warnings: Vec<String>) {
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

    /// Asks the editor for the `copydesk` section of its settings.
    async fn pull_configuration(&self) {
        if !self.caps().configuration {
            return;
        }
        let items = vec![ConfigurationItem {
            scope_uri: None,
            section: Some("copydesk".into()),
        }];
        match self.inner.client.configuration(items).await {
            Ok(mut v) if !v.is_empty() => {
                let value = v.swap_remove(0);
                let report = {
                    let mut st = self.write();
                    st.editor_settings = if value.is_object() {
                        value
                    } else {
                        Value::Null
                    };
                    st.merge_settings()
                };
                self.report_settings(report.errors, report.warnings).await;
            }
            Ok(_) => {}
            Err(e) => {
                self.log(
                    MessageType::WARNING,
                    format!("workspace/configuration failed: {e}"),
                )
                .await
            }
        }
    }

    /// Indexes every article under the workspace folders, in parallel, with
    /// progress reports.
    async fn index_workspace(&self) {
        let (roots, settings) = {
            let st = self.read();
            (st.roots.clone(), st.settings.clone())
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
            match self
                .inner
                .client
                .create_work_done_progress(token.clone())
                .await
            {
                Ok(()) => Some(
                    self.inner
                        .client
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
            let results = tokio::task::spawn_blocking(move || {
                use rayon::prelude::*;
                chunk
                    .par_iter()
                    .map(|p| (p.clone(), index_file(p, &settings)))
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
            }
            if let Some(pr) = &progress {
                let pct = (done * 100 / total.max(1)) as u32;
                pr.report_with_message(format!("{done}/{total}"), pct).await;
            }
        }
        for s in skipped {
            self.log(MessageType::WARNING, s).await;
        }
        if let Some(pr) = progress {
            pr.finish_with_message(format!("{total} articles")).await;
        }
        let findings: usize = self.read().files.values().map(|f| f.findings).sum();
        self.log(
            MessageType::INFO,
            format!(
                "indexed {total} articles in {:.1?} ({findings} findings)",
                started.elapsed()
            ),
        )
        .await;
    }

    async fn register_watchers(&self) {
        if !self.caps().watch_files {
            return;
        }
        let watchers = ["**/*.{txt,md,markdown}", "**/copydesk.toml"]
            .iter()
            .map(|g| FileSystemWatcher {
                glob_pattern: GlobPattern::String(g.to_string()),
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
        if let Err(e) = self.inner.client.register_capability(vec![reg]).await {
            self.log(
                MessageType::WARNING,
                format!("could not register file watchers: {e}"),
            )
            .await;
        }
    }
}

fn index_file(
    path: &std::path::Path,
    settings: &Settings,
) -> std::result::Result<FileSummary, String> {
    let loaded = load_text(path, settings.max_file_size).map_err(|e| e.to_string())?;
    let a = analyze(
        &DocInput {
            text: &loaded.text,
            path: Some(path),
            format: Format::from_path(path),
        },
        settings,
        &Context::default(),
    );
    Ok(FileSummary {
        findings: a.findings.len(),
    })
}

fn uri_path(uri: &Uri) -> Option<PathBuf> {
    if uri.scheme().as_str() != "file" {
        return None;
    }
    uri.to_file_path().map(|p| p.into_owned())
}

fn encoding_of(params: &InitializeParams) -> Encoding {
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.clone())
        .unwrap_or_default();
    if offered.contains(&PositionEncodingKind::UTF8) {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    }
}

fn encoding_kind(e: Encoding) -> PositionEncodingKind {
    match e {
        Encoding::Utf8 => PositionEncodingKind::UTF8,
        Encoding::Utf16 => PositionEncodingKind::UTF16,
        Encoding::Utf32 => PositionEncodingKind::UTF32,
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let mut roots: Vec<PathBuf> = params
            .workspace_folders
            .as_ref()
            .map(|fs| fs.iter().filter_map(|f| uri_path(&f.uri)).collect())
            .unwrap_or_default();
        #[allow(deprecated)]
        if roots.is_empty()
            && let Some(p) = params.root_uri.as_ref().and_then(uri_path)
        {
            roots.push(p);
        }
        let caps = &params.capabilities;
        let text_caps = caps.text_document.as_ref();
        let pull = text_caps.and_then(|t| t.diagnostic.as_ref()).is_some();
        let report = {
            let mut st = self.write();
            st.roots = roots;
            if let Some(opts) = params.initialization_options.clone()
                && opts.is_object()
            {
                st.editor_settings = opts;
            }
            st.reload_file_settings()
        };
        let mode = self.settings().diagnostics;
        let use_pull = match mode {
            DiagnosticsMode::Auto => pull,
            DiagnosticsMode::Pull => true,
            DiagnosticsMode::Push => false,
        };
        let workspace = caps.workspace.as_ref();
        let client_caps = ClientCaps {
            encoding: encoding_of(&params),
            use_pull,
            progress: caps
                .window
                .as_ref()
                .and_then(|w| w.work_done_progress)
                .unwrap_or(false),
            configuration: workspace.and_then(|w| w.configuration).unwrap_or(false),
            watch_files: workspace
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false),
            diagnostic_refresh: workspace
                .and_then(|w| w.diagnostics.as_ref())
                .and_then(|d| d.refresh_support)
                .unwrap_or(false),
        };
        let encoding = client_caps.encoding;
        let _ = self.inner.caps.set(client_caps);
        // Reported after initialize: the client is not listening before.
        if !report.errors.is_empty() || !report.warnings.is_empty() {
            let this = self.clone();
            tokio::spawn(async move { this.report_settings(report.errors, report.warnings).await });
        }
        let diagnostic_provider = use_pull.then(|| {
            DiagnosticServerCapabilities::Options(DiagnosticOptions {
                identifier: Some("copydesk".into()),
                inter_file_dependencies: false,
                workspace_diagnostics: false,
                work_done_progress_options: WorkDoneProgressOptions::default(),
            })
        });
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "copydesk".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            capabilities: ServerCapabilities {
                position_encoding: Some(encoding_kind(encoding)),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                            include_text: Some(false),
                        })),
                        ..TextDocumentSyncOptions::default()
                    },
                )),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                        ..CodeActionOptions::default()
                    },
                )),
                diagnostic_provider,
                workspace: Some(WorkspaceServerCapabilities {
                    workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                        supported: Some(true),
                        change_notifications: Some(OneOf::Left(true)),
                    }),
                    file_operations: None,
                }),
                ..ServerCapabilities::default()
            },
            ..InitializeResult::default()
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let caps = self.caps();
        self.log(
            MessageType::INFO,
            format!(
                "copydesk {} ready (positions: {:?}, diagnostics: {})",
                env!("CARGO_PKG_VERSION"),
                caps.encoding,
                if caps.use_pull { "pull" } else { "push" }
            ),
        )
        .await;
        self.pull_configuration().await;
        self.register_watchers().await;
        let this = self.clone();
        tokio::spawn(async move { this.index_workspace().await });
    }

    async fn shutdown(&self) -> Result<()> {
        self.inner.shutdown.store(true, Ordering::SeqCst);
        self.write().shutdown = true;
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let td = params.text_document;
        let key = td.uri.as_str().to_string();
        let path = uri_path(&td.uri);
        let format = Format::from_language_id(&td.language_id, path.as_deref());
        let limit = self.settings().max_file_size;
        if td.text.len() as u64 > limit {
            self.log(
                MessageType::WARNING,
                format!(
                    "{key}: {} bytes is over the {limit}-byte limit (max-file-size); not checked",
                    td.text.len()
                ),
            )
            .await;
            return;
        }
        {
            let mut st = self.write();
            let g = st.bump();
            st.docs.insert(
                key.clone(),
                OpenDoc {
                    uri: td.uri.clone(),
                    path,
                    format,
                    doc: Document::new(&td.text, td.version),
                    generation: g,
                    analyzed: None,
                    last_pulled: None,
                },
            );
        }
        self.refresh(key).await;
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let key = params.text_document.uri.as_str().to_string();
        let enc = self.caps().encoding;
        // Applied before any await: edits keep their order.
        let outcome = {
            let mut st = self.write();
            let g = st.bump();
            match st.docs.get_mut(&key) {
                Some(d) => {
                    let mut clamped = false;
                    for c in params.content_changes {
                        let change = TextChange {
                            range: c.range.map(|r| {
                                (
                                    LineCol {
                                        line: r.start.line,
                                        col: r.start.character,
                                    },
                                    LineCol {
                                        line: r.end.line,
                                        col: r.end.character,
                                    },
                                )
                            }),
                            text: c.text,
                        };
                        clamped |= d.doc.apply(&change, enc).clamped;
                    }
                    d.doc.version = params.text_document.version;
                    d.generation = g;
                    let too_big = d.doc.len_bytes() as u64 > st.settings.max_file_size;
                    Some((g, clamped, too_big))
                }
                None => None,
            }
        };
        match outcome {
            None => {
                self.log(
                    MessageType::WARNING,
                    format!("didChange for unknown document {key}; ignored"),
                )
                .await;
            }
            Some((g, clamped, too_big)) => {
                if clamped {
                    self.log(
                        MessageType::WARNING,
                        format!("didChange for {key} had positions outside the document; clamped"),
                    )
                    .await;
                }
                if too_big {
                    self.log(
                        MessageType::WARNING,
                        format!("{key} is over max-file-size; diagnostics paused"),
                    )
                    .await;
                    return;
                }
                self.schedule(key, g);
            }
        }
    }

    async fn did_save(&self, _: DidSaveTextDocumentParams) {}

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let key = params.text_document.uri.as_str().to_string();
        let removed = self.write().docs.remove(&key);
        if removed.is_some() && !self.caps().use_pull {
            self.inner
                .client
                .publish_diagnostics(params.text_document.uri, Vec::new(), None)
                .await;
        }
        // The disk version is the truth again for the workspace index.
        if let Some(path) = removed.and_then(|d| d.path) {
            let settings = self.settings();
            let r = tokio::task::spawn_blocking({
                let path = path.clone();
                move || index_file(&path, &settings)
            })
            .await;
            let mut st = self.write();
            match r {
                Ok(Ok(s)) if st.is_article(&path) => {
                    st.files.insert(path, s);
                }
                _ => {
                    st.files.remove(&path);
                }
            }
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        // Clients either send the settings or expect us to pull them.
        let pushed = match params.settings {
            Value::Object(mut m) => m.remove("copydesk").or(Some(Value::Object(m))),
            _ => None,
        };
        if self.caps().configuration {
            self.pull_configuration().await;
        } else if let Some(v) = pushed {
            let report = {
                let mut st = self.write();
                st.editor_settings = v;
                st.merge_settings()
            };
            self.report_settings(report.errors, report.warnings).await;
        }
        self.refresh_all().await;
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let mut config_changed = false;
        for ev in params.changes {
            let Some(path) = uri_path(&ev.uri) else {
                continue;
            };
            if path
                .file_name()
                .is_some_and(|n| n == crate::config::CONFIG_FILE)
            {
                config_changed = true;
                continue;
            }
            let is_open = self.read().docs.contains_key(ev.uri.as_str());
            if is_open {
                // The editor's buffer wins over disk.
                continue;
            }
            if ev.typ == FileChangeType::DELETED {
                self.write().files.remove(&path);
                continue;
            }
            if !self.read().is_article(&path) {
                continue;
            }
            let settings = self.settings();
            let p2 = path.clone();
            match tokio::task::spawn_blocking(move || index_file(&p2, &settings)).await {
                Ok(Ok(s)) => {
                    self.write().files.insert(path, s);
                }
                Ok(Err(e)) => {
                    self.write().files.remove(&path);
                    self.log(MessageType::WARNING, format!("{}: {e}", path.display()))
                        .await;
                }
                Err(_) => {}
            }
        }
        if config_changed {
            let report = self.write().reload_file_settings();
            self.report_settings(report.errors, report.warnings).await;
            self.log(
                MessageType::INFO,
                "copydesk.toml changed; settings reloaded".into(),
            )
            .await;
            self.refresh_all().await;
        }
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        {
            let mut st = self.write();
            for f in &params.event.removed {
                if let Some(p) = uri_path(&f.uri) {
                    st.roots.retain(|r| r != &p);
                    st.files.retain(|k, _| !k.starts_with(&p));
                }
            }
            for f in &params.event.added {
                if let Some(p) = uri_path(&f.uri) {
                    st.roots.push(p);
                }
            }
        }
        let this = self.clone();
        tokio::spawn(async move { this.index_workspace().await });
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let key = params.text_document.uri.as_str().to_string();
        let empty = || {
            DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(
                RelatedFullDocumentDiagnosticReport::default(),
            ))
        };
        let Some(a) = self.analyzed(&key).await else {
            return Ok(empty());
        };
        let result_id = a.generation.to_string();
        let unchanged = params.previous_result_id.as_deref() == Some(result_id.as_str());
        if let Some(d) = self.write().docs.get_mut(&key) {
            d.last_pulled = Some(result_id.clone());
        }
        if unchanged {
            return Ok(DocumentDiagnosticReportResult::Report(
                DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
                    related_documents: None,
                    unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport {
                        result_id,
                    },
                }),
            ));
        }
        Ok(DocumentDiagnosticReportResult::Report(
            DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport {
                    result_id: Some(result_id),
                    items: self.diagnostics(&a),
                },
            }),
        ))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let key = params.text_document.uri.as_str().to_string();
        let Some(a) = self.analyzed(&key).await else {
            return Ok(None);
        };
        let p = Positions {
            text: &a.text,
            index: &a.index,
            encoding: self.caps().encoding,
        };
        let want = p.span(params.range);
        let mut out = Vec::new();
        for f in &a.analysis.findings {
            // Touching the selection counts, so a cursor at either end of a
            // finding offers its fixes.
            if f.span.start > want.end || f.span.end < want.start {
                continue;
            }
            for (i, fix) in f.fixes.iter().enumerate() {
                out.push(CodeActionOrCommand::CodeAction(convert::code_action(
                    &p,
                    &params.text_document.uri,
                    f,
                    fix,
                    i == 0,
                )));
            }
        }
        Ok(Some(out))
    }
}
