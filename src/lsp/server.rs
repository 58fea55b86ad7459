//! The `LanguageServer` implementation: protocol in, calls into the backend,
//! protocol out. Text edits are applied synchronously at the top of
//! `did_change`, before any `.await`, so they keep their arrival order.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use serde_json::Value;
use tower_lsp_server::LanguageServer;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;

use super::backend::{Backend, uri_path};
use super::convert;
use super::features::token_legend;
use super::index::index_file;
use super::state::{ClientCaps, OpenDoc};
use crate::config::DiagnosticsMode;
use crate::markup::Format;
use crate::text::{Document, Encoding, LineCol, TextChange};

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

fn client_caps(params: &InitializeParams, use_pull: bool) -> ClientCaps {
    let caps = &params.capabilities;
    let workspace = caps.workspace.as_ref();
    let text = caps.text_document.as_ref();
    ClientCaps {
        encoding: encoding_of(params),
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
        // Markdown unless the client says it only takes plain text.
        markdown_hover: text
            .and_then(|t| t.hover.as_ref())
            .and_then(|h| h.content_format.as_ref())
            .is_none_or(|f| f.contains(&MarkupKind::Markdown)),
        hierarchical_symbols: text
            .and_then(|t| t.document_symbol.as_ref())
            .and_then(|d| d.hierarchical_document_symbol_support)
            .unwrap_or(false),
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
        let pull = params
            .capabilities
            .text_document
            .as_ref()
            .and_then(|t| t.diagnostic.as_ref())
            .is_some();
        let report = {
            let mut st = self.write();
            st.roots = roots;
            // Settings may come bare or under a "copydesk" key, as in
            // `workspace/configuration`.
            if let Some(Value::Object(mut opts)) = params.initialization_options.clone() {
                st.editor_settings = match opts.remove("copydesk") {
                    Some(inner @ Value::Object(_)) => inner,
                    Some(other) => {
                        opts.insert("copydesk".into(), other);
                        Value::Object(opts)
                    }
                    None => Value::Object(opts),
                };
            }
            st.reload_file_settings()
        };
        let use_pull = match self.settings().diagnostics {
            DiagnosticsMode::Auto => pull,
            DiagnosticsMode::Pull => true,
            DiagnosticsMode::Push => false,
        };
        let caps = client_caps(&params, use_pull);
        let encoding = caps.encoding;
        let _ = self.inner.caps.set(caps);
        // Reported after initialize: the client is not listening before.
        if !report.errors.is_empty() || !report.warnings.is_empty() {
            let this = self.clone();
            tokio::spawn(async move { this.report_settings(report.errors, report.warnings).await });
        }
        let diagnostic_provider = use_pull.then(|| {
            DiagnosticServerCapabilities::Options(DiagnosticOptions {
                identifier: Some("copydesk".into()),
                inter_file_dependencies: true,
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
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                document_highlight_provider: Some(OneOf::Left(true)),
                document_symbol_provider: Some(OneOf::Left(true)),
                workspace_symbol_provider: Some(OneOf::Left(true)),
                rename_provider: Some(OneOf::Right(RenameOptions {
                    prepare_provider: Some(true),
                    work_done_progress_options: WorkDoneProgressOptions::default(),
                })),
                semantic_tokens_provider: Some(
                    SemanticTokensServerCapabilities::SemanticTokensOptions(
                        SemanticTokensOptions {
                            legend: token_legend(),
                            range: Some(true),
                            full: Some(SemanticTokensFullOptions::Bool(true)),
                            work_done_progress_options: WorkDoneProgressOptions::default(),
                        },
                    ),
                ),
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
        // Requests to the client run in the background: a handler awaiting
        // a client that has already sent `exit` would keep the server alive.
        let this = self.clone();
        tokio::spawn(async move {
            let settings_changed = this.pull_configuration().await;
            let knowledge_changed = this.reload_knowledge().await;
            if settings_changed || knowledge_changed {
                this.refresh_all().await;
            }
            this.register_watchers().await;
            this.index_workspace().await;
        });
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
            st.vocab_dirty = true;
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
                    analysing: Default::default(),
                    published: None,
                },
            );
            st.entity_generation += 1;
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
            let limit = st.settings.max_file_size;
            st.vocab_dirty = true;
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
                    Some((g, clamped, d.doc.len_bytes() as u64 > limit))
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
                .await
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
        let removed = {
            let mut st = self.write();
            let r = st.docs.remove(&key);
            st.entity_generation += 1;
            // The snapshot still holds the closed text; the next request
            // that needs entities builds a fresh one anyway.
            st.snapshot = None;
            st.vocab_dirty = true;
            r
        };
        if removed.is_some() && !self.caps().use_pull {
            self.client()
                .publish_diagnostics(params.text_document.uri, Vec::new(), None)
                .await;
        }
        // The disk version is the truth again for the workspace index.
        if let Some(path) = removed.and_then(|d| d.path) {
            self.reindex(path).await;
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        // Clients either send the settings or expect us to pull them.
        let pushed = match params.settings {
            Value::Object(mut m) => m.remove("copydesk").or(Some(Value::Object(m))),
            _ => None,
        };
        let this = self.clone();
        tokio::spawn(async move {
            let changed = if this.caps().configuration {
                this.pull_configuration().await
            } else if let Some(v) = pushed {
                this.take_pushed_settings(v).await
            } else {
                false
            };
            if changed {
                this.refresh_all().await;
            }
        });
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let mut config_changed = false;
        let mut kb_changed = false;
        let kb_path = self.read().kb_path();
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
            if kb_path.as_ref() == Some(&path) {
                kb_changed = true;
                continue;
            }
            if self.read().docs.contains_key(ev.uri.as_str()) {
                // The editor's buffer wins over disk.
                continue;
            }
            if ev.typ == FileChangeType::DELETED {
                let mut st = self.write();
                st.files.remove(&path);
                st.files_changed();
                continue;
            }
            self.reindex(path).await;
        }
        let mut refresh = false;
        if config_changed {
            let report = self.write().reload_file_settings();
            refresh |= report.changed;
            self.report_settings(report.errors, report.warnings).await;
            self.log(
                MessageType::INFO,
                "copydesk.toml changed; settings reloaded".into(),
            )
            .await;
        }
        if kb_changed || config_changed {
            refresh |= self.reload_knowledge().await;
        }
        if refresh {
            self.refresh_all().await;
        } else {
            self.republish_open().await;
        }
        if self.read().vocab_dirty {
            self.schedule_republish();
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
            st.files_changed();
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
        let snap_gen = self.entities().await.generation;
        let result_id = format!("{}.{snap_gen}", a.generation);
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
                    items: self.diagnostics(&key, &a).await,
                },
            }),
        ))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let key = params.text_document.uri.as_str().to_string();
        let Some(a) = self.analyzed(&key).await else {
            return Ok(None);
        };
        let findings = self.findings(&key, &a).await;
        let p = self.positions(&a.text, &a.index);
        let want = p.span(params.range);
        let mut out = Vec::new();
        for f in &findings {
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
            if f.code == crate::rules::spacing::GLUED_WORDS.code
                && let Some(word) = &f.subject
                && let Some(root) = self.read().roots.first().cloned()
                && !self.settings().words.contains(word)
            {
                let action = super::words::add_word_action(
                    &root,
                    word,
                    |text, offset| {
                        let index = crate::text::LineIndex::new(text);
                        self.positions(text, &index).position(offset)
                    },
                    convert::diagnostic(&p, f),
                );
                if let Some(a) = action {
                    out.push(CodeActionOrCommand::CodeAction(a));
                }
            }
        }
        Ok(Some(out))
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let tp = params.text_document_position_params;
        let uri = tp.text_document.uri.as_str();
        if let Some(h) = self.hover_time(uri, tp.position).await {
            return Ok(Some(h));
        }
        Ok(self.hover_entity(uri, tp.position).await)
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let tp = params.text_document_position_params;
        Ok(self
            .definition(tp.text_document.uri.as_str(), tp.position)
            .await
            .map(GotoDefinitionResponse::Scalar))
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let tp = params.text_document_position;
        let refs = Backend::references(
            self,
            tp.text_document.uri.as_str(),
            tp.position,
            params.context.include_declaration,
        )
        .await;
        Ok(Some(refs))
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        let tp = params.text_document_position_params;
        Ok(Some(
            self.highlights(tp.text_document.uri.as_str(), tp.position)
                .await,
        ))
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        Ok(self
            .document_symbols(params.text_document.uri.as_str())
            .await)
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        Ok(Some(WorkspaceSymbolResponse::Flat(
            self.workspace_symbols(&params.query).await,
        )))
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        Ok(Backend::prepare_rename(self, params.text_document.uri.as_str(), params.position).await)
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let tp = params.text_document_position;
        Backend::rename(
            self,
            tp.text_document.uri.as_str(),
            tp.position,
            &params.new_name,
        )
        .await
        .map_err(Error::invalid_params)
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        Ok(self
            .semantic_tokens(params.text_document.uri.as_str(), None)
            .await
            .map(SemanticTokensResult::Tokens))
    }

    async fn semantic_tokens_range(
        &self,
        params: SemanticTokensRangeParams,
    ) -> Result<Option<SemanticTokensRangeResult>> {
        Ok(self
            .semantic_tokens(params.text_document.uri.as_str(), Some(params.range))
            .await
            .map(SemanticTokensRangeResult::Tokens))
    }
}

impl Backend {
    /// Re-reads one workspace file from disk into the index.
    pub(super) async fn reindex(&self, path: PathBuf) {
        let (settings, context, article) = {
            let st = self.read();
            (
                st.settings.clone(),
                st.context.clone(),
                st.is_article(&path),
            )
        };
        if !article {
            let mut st = self.write();
            if st.files.remove(&path).is_some() {
                st.files_changed();
            }
            return;
        }
        let p2 = path.clone();
        let r = tokio::task::spawn_blocking(move || index_file(&p2, &settings, &context)).await;
        match r {
            Ok(Ok(d)) => {
                let mut st = self.write();
                st.files.insert(path, d);
                st.files_changed();
                drop(st);
                self.schedule_republish();
            }
            Ok(Err(e)) => {
                {
                    let mut st = self.write();
                    st.files.remove(&path);
                    st.files_changed();
                }
                self.log(MessageType::WARNING, format!("{}: {e}", path.display()))
                    .await;
            }
            Err(_) => {}
        }
    }

    /// `copydesk/entities`: the workspace's entities (or one document's)
    /// with their mentions, for tree views and quickfix lists.
    pub async fn custom_entities(&self, params: Value) -> Result<Value> {
        let p: super::features::EntitiesParams = match params {
            Value::Null => Default::default(),
            v => serde_json::from_value(v).map_err(|e| Error::invalid_params(e.to_string()))?,
        };
        serde_json::to_value(self.entities_request(p).await)
            .map_err(|e| Error::invalid_params(e.to_string()))
    }
}
