//! Entity requests: hover, definition, references, highlights, symbols,
//! rename, semantic tokens and `copydesk/entities`. All of them read one
//! entity snapshot; none holds a lock while working.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use tower_lsp_server::ls_types::*;

use super::backend::Backend;
use super::state::{EntitySnapshot, SnapDoc};
use crate::entities::{Entity, EntityKind, EntityMention, KbEntry, kb::KbSource};

/// Semantic token types, in legend order.
pub const TOKEN_TYPES: [&str; 4] = ["person", "organization", "location", "other"];

pub fn token_legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TOKEN_TYPES
            .iter()
            .map(|t| SemanticTokenType::new(t))
            .collect(),
        token_modifiers: Vec::new(),
    }
}

/// A mention under the cursor, resolved in a snapshot.
pub(super) struct At {
    pub snap: Arc<EntitySnapshot>,
    pub doc: usize,
    pub mention: usize,
    pub entity: usize,
}

impl At {
    fn entity(&self) -> &Entity {
        &self.snap.ws.entities[self.entity]
    }
    fn mention(&self) -> &EntityMention {
        &self.snap.docs[self.doc].entities.mentions[self.mention]
    }
}

fn location(b: &Backend, d: &SnapDoc, span: std::ops::Range<usize>) -> Location {
    Location {
        uri: d.uri.clone(),
        range: b.positions(&d.text, &d.index).range(span),
    }
}

fn mention_of<'s>(
    snap: &'s EntitySnapshot,
    r: &crate::entities::MentionRef,
) -> (&'s SnapDoc, &'s EntityMention) {
    let d = &snap.docs[r.doc as usize];
    (d, &d.entities.mentions[r.mention as usize])
}

impl Backend {
    /// The snapshot, with the open document `uri` analysed up to date.
    async fn fresh_snapshot(&self, uri: &str) -> Arc<EntitySnapshot> {
        if self.read().docs.contains_key(uri) {
            self.analyzed(uri).await;
        }
        self.entities().await
    }

    /// For answers about `uri` alone (hover, highlights, semantic tokens,
    /// symbols): the last snapshot when it already holds this document's
    /// current analysis, even if other documents changed since. While
    /// edits stream in elsewhere the workspace counts in a hover may be a
    /// keystroke behind, but the request does not wait for a re-clustering
    /// of the whole archive. Answers that point into other documents
    /// (references, rename) use [`Self::fresh_snapshot`].
    async fn snapshot_for(&self, uri: &str) -> Arc<EntitySnapshot> {
        let current = if self.read().docs.contains_key(uri) {
            self.analyzed(uri).await
        } else {
            None
        };
        if let Some(a) = current {
            let snap = self.read().snapshot.clone();
            if let Some(s) = snap {
                if s.doc(uri)
                    .is_some_and(|(_, d)| Arc::ptr_eq(&d.entities, &a.entities))
                {
                    return s;
                }
                // Edited since, but the names kept their shape: the last
                // clustering still holds for this document, no need to
                // wait for a new one.
                if let Some(p) = super::backend::patched(&s, uri, &a) {
                    return Arc::new(p);
                }
            }
        }
        self.entities().await
    }

    pub(super) async fn entity_at(&self, uri: &str, pos: Position) -> Option<At> {
        self.entity_in(self.fresh_snapshot(uri).await, uri, pos)
    }

    async fn entity_at_lenient(&self, uri: &str, pos: Position) -> Option<At> {
        self.entity_in(self.snapshot_for(uri).await, uri, pos)
    }

    fn entity_in(&self, snap: Arc<EntitySnapshot>, uri: &str, pos: Position) -> Option<At> {
        let (doc, d) = snap.doc(uri)?;
        let offset = self.positions(&d.text, &d.index).offset(pos);
        let mention = d.entities.at(offset)?;
        let entity = *snap.ws.of_mention.get(doc)?.get(mention)? as usize;
        (entity < snap.ws.entities.len()).then_some(At {
            snap,
            doc,
            mention,
            entity,
        })
    }

    fn kb_entry<'s>(&self, snap: &'s EntitySnapshot, e: &Entity) -> Option<&'s KbEntry> {
        e.kb.and_then(|i| snap.knowledge.entries.get(i))
    }

    /// Where an entity is declared: its entry in the workspace entities file,
    /// else its first mention in the workspace.
    fn declaration(&self, snap: &EntitySnapshot, e: &Entity) -> Option<Location> {
        if let Some(entry) = self.kb_entry(snap, e)
            && let KbSource::File(span) = &entry.source
            && let Some(f) = &snap.kb_file
        {
            return Some(Location {
                uri: f.uri.clone(),
                range: self.positions(&f.text, &f.index).range(span.clone()),
            });
        }
        let first = e.mentions.first()?;
        let (d, m) = mention_of(snap, first);
        Some(location(self, d, m.span.clone()))
    }

    /// What a temporal expression resolves to, and from what.
    pub(super) async fn hover_time(&self, uri: &str, pos: Position) -> Option<Hover> {
        if !self.read().docs.contains_key(uri) {
            return None;
        }
        let a = self.analyzed(uri).await?;
        let p = self.positions(&a.text, &a.index);
        let (span, md) = crate::time::hover_markdown(&a.text, &a.analysis, p.offset(pos))?;
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: if self.caps().markdown_hover {
                    MarkupKind::Markdown
                } else {
                    MarkupKind::PlainText
                },
                value: md,
            }),
            range: Some(p.range(span)),
        })
    }

    pub(super) async fn hover_entity(&self, uri: &str, pos: Position) -> Option<Hover> {
        let at = self.entity_at_lenient(uri, pos).await?;
        let e = at.entity();
        let snap = &at.snap;
        let mut md = String::new();
        let _ = writeln!(md, "### {}\n", e.name);
        let kb = self.kb_entry(snap, e);
        let _ = write!(md, "*{}*", e.kind.as_str());
        if let Some(d) = kb.and_then(|k| k.description.as_ref()) {
            let _ = write!(md, " · {d}");
        }
        md.push_str("\n\n");
        if let Some(k) = kb {
            if let Some(b) = &k.born {
                let _ = writeln!(md, "Born {}  ", b.display());
            }
            if let Some(f) = &k.founded {
                let _ = writeln!(md, "Founded {}  ", f.display());
            }
        }
        let roles = role_lines(snap, e);
        if !roles.is_empty() {
            md.push_str("\n**Roles in the text**\n\n");
            for r in roles.iter().take(6) {
                let _ = writeln!(md, "- {r}");
            }
        }
        let spellings: Vec<String> = e
            .spellings
            .iter()
            .map(|(s, n)| format!("{s} ({n})"))
            .collect();
        let _ = writeln!(md, "\n**Spellings:** {}  ", spellings.join(", "));
        let here = e
            .mentions
            .iter()
            .filter(|r| r.doc as usize == at.doc)
            .count();
        let _ = writeln!(
            md,
            "**Mentions:** {here} in this file · {} in the workspace · in {} article{}",
            e.mentions.len(),
            e.documents,
            if e.documents == 1 { "" } else { "s" }
        );
        if let Some(k) = kb {
            let mut links = Vec::new();
            if let Some(q) = &k.wikidata {
                links.push(format!("[Wikidata {q}](https://www.wikidata.org/wiki/{q})"));
            }
            if let Some(u) = &k.url {
                links.push(format!("[{u}]({u})"));
            }
            let source = match k.source {
                KbSource::BuiltIn => "built-in knowledge base",
                KbSource::File(_) => "workspace knowledge base",
            };
            links.push(format!("from the {source}"));
            let _ = writeln!(md, "\n{}", links.join(" · "));
        }
        let d = &snap.docs[at.doc];
        let range = self
            .positions(&d.text, &d.index)
            .range(at.mention().span.clone());
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: if self.caps().markdown_hover {
                    MarkupKind::Markdown
                } else {
                    MarkupKind::PlainText
                },
                value: md,
            }),
            range: Some(range),
        })
    }

    pub(super) async fn definition(&self, uri: &str, pos: Position) -> Option<Location> {
        let at = self.entity_at(uri, pos).await?;
        self.declaration(&at.snap, at.entity())
    }

    pub(super) async fn references(
        &self,
        uri: &str,
        pos: Position,
        include_declaration: bool,
    ) -> Vec<Location> {
        let Some(at) = self.entity_at(uri, pos).await else {
            return Vec::new();
        };
        let e = at.entity();
        let decl = self.declaration(&at.snap, e);
        // The article at hand first, then the archive, up to the limit.
        let limit = match self.settings().references_limit {
            0 => usize::MAX,
            n => n,
        };
        let here = e.mentions.iter().filter(|r| r.doc as usize == at.doc);
        let there = e.mentions.iter().filter(|r| r.doc as usize != at.doc);
        let mut out: Vec<Location> = here
            .chain(there)
            .take(limit)
            .map(|r| {
                let (d, m) = mention_of(&at.snap, r);
                location(self, d, m.span.clone())
            })
            .collect();
        if out.len() < e.mentions.len() {
            tracing::info!(
                "references: {} of {} mentions of {:?} (references-limit)",
                out.len(),
                e.mentions.len(),
                e.name
            );
        }
        match (include_declaration, decl) {
            (false, Some(d)) => out.retain(|l| *l != d),
            (true, Some(d)) if !out.contains(&d) => out.insert(0, d),
            _ => {}
        }
        out
    }

    pub(super) async fn highlights(&self, uri: &str, pos: Position) -> Vec<DocumentHighlight> {
        let Some(at) = self.entity_at_lenient(uri, pos).await else {
            return Vec::new();
        };
        let d = &at.snap.docs[at.doc];
        let p = self.positions(&d.text, &d.index);
        at.entity()
            .mentions
            .iter()
            .filter(|r| r.doc as usize == at.doc)
            .map(|r| DocumentHighlight {
                range: p.range(d.entities.mentions[r.mention as usize].span.clone()),
                kind: Some(DocumentHighlightKind::TEXT),
            })
            .collect()
    }

    pub(super) async fn document_symbols(&self, uri: &str) -> Option<DocumentSymbolResponse> {
        let analysis = if self.read().docs.contains_key(uri) {
            self.analyzed(uri).await
        } else {
            None
        };
        let snap = self.snapshot_for(uri).await;
        let (doc, d) = snap.doc(uri)?;
        let p = self.positions(&d.text, &d.index);
        let mut groups: Vec<(EntityKind, Vec<DocumentSymbol>)> = Vec::new();
        let mut flat: Vec<SymbolInformation> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (mi, _) in d.entities.mentions.iter().enumerate() {
            let Some(&ei) = snap.ws.of_mention.get(doc).and_then(|v| v.get(mi)) else {
                continue;
            };
            if !seen.insert(ei) {
                continue;
            }
            let e = &snap.ws.entities[ei as usize];
            let here: Vec<&EntityMention> = e
                .mentions
                .iter()
                .filter(|r| r.doc as usize == doc)
                .map(|r| &d.entities.mentions[r.mention as usize])
                .collect();
            let first = here.first()?.span.clone();
            let last = here.last()?.span.clone();
            let children: Vec<DocumentSymbol> = here
                .iter()
                .map(|m| {
                    let r = p.range(m.span.clone());
                    #[allow(deprecated)]
                    DocumentSymbol {
                        name: m.text.clone(),
                        detail: Some(format!("line {}", r.start.line + 1)),
                        kind: SymbolKind::FIELD,
                        tags: None,
                        deprecated: None,
                        range: r,
                        selection_range: r,
                        children: None,
                    }
                })
                .collect();
            let kind = symbol_kind(e.kind);
            #[allow(deprecated)]
            let sym = DocumentSymbol {
                name: e.name.clone(),
                detail: Some(format!(
                    "{} · {} mention{}",
                    e.kind.as_str(),
                    here.len(),
                    if here.len() == 1 { "" } else { "s" }
                )),
                kind,
                tags: None,
                deprecated: None,
                range: p.range(first.start..last.end),
                selection_range: p.range(first.clone()),
                children: Some(children),
            };
            #[allow(deprecated)]
            flat.push(SymbolInformation {
                name: e.name.clone(),
                kind,
                tags: None,
                deprecated: None,
                location: location(self, d, first),
                container_name: Some(group_name(e.kind).into()),
            });
            match groups.iter_mut().find(|(k, _)| *k == e.kind) {
                Some((_, v)) => v.push(sym),
                None => groups.push((e.kind, vec![sym])),
            }
        }
        groups.sort_by_key(|(k, _)| *k);
        let mut out: Vec<DocumentSymbol> = Vec::new();
        // Markdown headings first, in document order.
        if let Some(a) = &analysis {
            let ap = self.positions(&a.text, &a.index);
            for b in &a.analysis.prose.blocks {
                if let crate::markup::BlockKind::Heading(level) = b.kind {
                    let r = ap.range(b.span.clone());
                    let name = a.text[b.span.clone()].trim().to_string();
                    #[allow(deprecated)]
                    out.push(DocumentSymbol {
                        name: if name.is_empty() {
                            "(heading)".into()
                        } else {
                            name.clone()
                        },
                        detail: Some(format!("heading level {level}")),
                        kind: SymbolKind::NAMESPACE,
                        tags: None,
                        deprecated: None,
                        range: r,
                        selection_range: r,
                        children: None,
                    });
                    #[allow(deprecated)]
                    flat.insert(
                        0,
                        SymbolInformation {
                            name,
                            kind: SymbolKind::NAMESPACE,
                            tags: None,
                            deprecated: None,
                            location: Location {
                                uri: d.uri.clone(),
                                range: r,
                            },
                            container_name: None,
                        },
                    );
                }
            }
        }
        if !self.caps().hierarchical_symbols {
            return Some(DocumentSymbolResponse::Flat(flat));
        }
        for (kind, mut syms) in groups {
            syms.sort_by_key(|s| (s.range.start.line, s.range.start.character));
            let start = syms.first().map(|s| s.range.start).unwrap_or_default();
            let end = syms
                .iter()
                .map(|s| s.range.end)
                .max_by_key(|p| (p.line, p.character))
                .unwrap_or_default();
            #[allow(deprecated)]
            out.push(DocumentSymbol {
                name: group_name(kind).into(),
                detail: Some(format!("{} entities", syms.len())),
                kind: SymbolKind::NAMESPACE,
                tags: None,
                deprecated: None,
                range: Range::new(start, end),
                selection_range: Range::new(start, start),
                children: Some(syms),
            });
        }
        Some(DocumentSymbolResponse::Nested(out))
    }

    pub(super) async fn workspace_symbols(&self, query: &str) -> Vec<SymbolInformation> {
        let snap = self.entities().await;
        let q = query.to_lowercase();
        let mut scored: Vec<(i64, usize)> = snap
            .ws
            .entities
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let best = std::iter::once(e.name.as_str())
                    .chain(e.spellings.iter().map(|s| s.0.as_str()))
                    .filter_map(|n| fuzzy_score(&q, &n.to_lowercase()))
                    .max()?;
                Some((best, i))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored
            .into_iter()
            .take(200)
            .filter_map(|(_, i)| {
                let e = &snap.ws.entities[i];
                let loc = self.declaration(&snap, e)?;
                #[allow(deprecated)]
                Some(SymbolInformation {
                    name: e.name.clone(),
                    kind: symbol_kind(e.kind),
                    tags: None,
                    deprecated: None,
                    location: loc,
                    container_name: Some(format!(
                        "{} · {} mentions",
                        e.kind.as_str(),
                        e.mentions.len()
                    )),
                })
            })
            .collect()
    }

    pub(super) async fn prepare_rename(
        &self,
        uri: &str,
        pos: Position,
    ) -> Option<PrepareRenameResponse> {
        let at = self.entity_at(uri, pos).await?;
        let d = &at.snap.docs[at.doc];
        let m = at.mention();
        let range = self
            .positions(&d.text, &d.index)
            .range(m.span.start..m.span.end - m.suffix.len());
        Some(PrepareRenameResponse::RangeWithPlaceholder {
            range,
            placeholder: at.entity().name.clone(),
        })
    }

    /// Renames an entity everywhere: full names become the new full name,
    /// short forms the new family name; a genitive keeps its ending; the
    /// knowledge-base entry's name follows. Acronyms stay as they are.
    pub(super) async fn rename(
        &self,
        uri: &str,
        pos: Position,
        new_name: &str,
    ) -> Result<Option<WorkspaceEdit>, String> {
        let new_name = new_name.trim();
        if new_name.is_empty() || new_name.contains(['\n', '\r']) {
            return Err("the new name must be one non-empty line".into());
        }
        let Some(at) = self.entity_at(uri, pos).await else {
            return Ok(None);
        };
        let e = at.entity();
        let new_words: Vec<&str> = new_name.split_whitespace().collect();
        let new_family = {
            let east = new_words.len() >= 2
                && new_words.len() <= 3
                && crate::entities::names::is_east_asian_family(new_words[0]);
            if east {
                new_words[0]
            } else {
                new_words[new_words.len() - 1]
            }
        };
        let old_words: Vec<&str> = e.name.split_whitespace().collect();
        let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
        for r in &e.mentions {
            let (d, m) = mention_of(&at.snap, r);
            let replacement = match e.kind {
                EntityKind::Person if m.words.len() >= 2 => new_name.to_string(),
                EntityKind::Person => new_family.to_string(),
                // An acronym or another short form is not the name being
                // renamed.
                _ if m.words.len() == 1 && old_words.len() > 1 => continue,
                _ => new_name.to_string(),
            };
            let suffix = if m.suffix == "s" && replacement.ends_with(['s', 'x', 'z', 'ß']) {
                "’".to_string()
            } else {
                m.suffix.clone()
            };
            let edit = TextEdit {
                range: self.positions(&d.text, &d.index).range(m.span.clone()),
                new_text: format!("{replacement}{suffix}"),
            };
            changes.entry(d.uri.clone()).or_default().push(edit);
        }
        if let Some(entry) = self.kb_entry(&at.snap, e)
            && let KbSource::File(span) = &entry.source
            && let Some(f) = &at.snap.kb_file
            && let Some(value) = name_value_span(&f.text, span.clone())
        {
            let escaped = new_name.replace('\\', "\\\\").replace('"', "\\\"");
            changes.entry(f.uri.clone()).or_default().push(TextEdit {
                range: self.positions(&f.text, &f.index).range(value),
                new_text: escaped,
            });
        }
        Ok(Some(WorkspaceEdit {
            changes: Some(changes),
            ..WorkspaceEdit::default()
        }))
    }

    pub(super) async fn semantic_tokens(
        &self,
        uri: &str,
        range: Option<Range>,
    ) -> Option<SemanticTokens> {
        let snap = self.snapshot_for(uri).await;
        let (_, d) = snap.doc(uri)?;
        let p = self.positions(&d.text, &d.index);
        let limit = range.map(|r| p.span(r));
        let mut data = Vec::new();
        let (mut last_line, mut last_col) = (0u32, 0u32);
        for m in &d.entities.mentions {
            if let Some(l) = &limit
                && (m.span.end < l.start || m.span.start > l.end)
            {
                continue;
            }
            // Tokens may not span lines: a name broken across a line end
            // gives one token per line.
            let mut start = m.span.start;
            while start < m.span.end {
                let end = d.text[start..m.span.end]
                    .find('\n')
                    .map(|i| start + i)
                    .unwrap_or(m.span.end);
                if end > start {
                    let a = p.position(start);
                    let b = p.position(end);
                    let delta_line = a.line - last_line;
                    let delta_start = if delta_line == 0 {
                        a.character - last_col
                    } else {
                        a.character
                    };
                    data.push(SemanticToken {
                        delta_line,
                        delta_start,
                        length: b.character.saturating_sub(a.character),
                        token_type: kind_index(m.kind),
                        token_modifiers_bitset: 0,
                    });
                    last_line = a.line;
                    last_col = a.character;
                }
                start = end + 1;
            }
        }
        Some(SemanticTokens {
            result_id: None,
            data,
        })
    }

    pub(super) async fn entities_request(&self, params: EntitiesParams) -> EntitiesResult {
        let snap = match &params.uri {
            Some(u) => self.fresh_snapshot(u).await,
            None => self.entities().await,
        };
        let only = params
            .uri
            .as_deref()
            .and_then(|u| snap.doc(u).map(|(i, _)| i));
        let entities = snap
            .ws
            .entities
            .iter()
            .filter(|e| only.is_none_or(|i| e.mentions.iter().any(|r| r.doc as usize == i)))
            .map(|e| EntityInfo {
                id: e.id.clone(),
                name: e.name.clone(),
                kind: e.kind.as_str().into(),
                spellings: e.spellings.iter().map(|s| s.0.clone()).collect(),
                roles: role_lines(&snap, e),
                description: self.kb_entry(&snap, e).and_then(|k| k.description.clone()),
                mentions: e
                    .mentions
                    .iter()
                    .map(|r| {
                        let (d, m) = mention_of(&snap, r);
                        MentionInfo {
                            uri: d.uri.as_str().to_string(),
                            range: self.positions(&d.text, &d.index).range(m.span.clone()),
                            text: m.text.clone(),
                        }
                    })
                    .collect(),
            })
            .collect();
        EntitiesResult { entities }
    }
}

/// Distinct roles with where they were first seen.
fn role_lines(snap: &EntitySnapshot, e: &Entity) -> Vec<String> {
    let mut seen: Vec<(String, usize, String)> = Vec::new();
    for r in &e.roles {
        match seen.iter_mut().find(|(t, _, _)| *t == r.text) {
            Some(x) => x.1 += 1,
            None => {
                let d = &snap.docs[r.doc as usize];
                let name = d
                    .uri
                    .path()
                    .as_str()
                    .rsplit('/')
                    .next()
                    .unwrap_or("")
                    .to_string();
                let line = d.index.line_of(r.span.start) + 1;
                seen.push((r.text.clone(), 1, format!("{name}:{line}")));
            }
        }
    }
    seen.sort_by_key(|b| std::cmp::Reverse(b.1));
    seen.into_iter()
        .map(|(t, n, src)| {
            if n > 1 {
                format!("{t} — {src} (and {} more)", n - 1)
            } else {
                format!("{t} — {src}")
            }
        })
        .collect()
}

/// The span of the value of `name = "…"` inside a knowledge-base table.
fn name_value_span(text: &str, table: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
    let t = text.get(table.clone())?;
    let mut pos = 0;
    for line in t.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix("name")
            && let Some(rest) = rest.trim_start().strip_prefix('=')
        {
            let q = rest.find('"')?;
            let open = table.start
                + pos
                + (line.len() - trimmed.len())
                + (trimmed.len() - rest.len())
                + q
                + 1;
            let close = text[open..].find('"')? + open;
            return Some(open..close);
        }
        pos += line.len();
    }
    None
}

fn symbol_kind(k: EntityKind) -> SymbolKind {
    match k {
        EntityKind::Person => SymbolKind::OBJECT,
        EntityKind::Organization => SymbolKind::MODULE,
        EntityKind::Location => SymbolKind::PACKAGE,
        EntityKind::Other => SymbolKind::KEY,
    }
}

fn group_name(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "People",
        EntityKind::Organization => "Organizations",
        EntityKind::Location => "Places",
        EntityKind::Other => "Other names",
    }
}

fn kind_index(k: EntityKind) -> u32 {
    match k {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Location => 2,
        EntityKind::Other => 3,
    }
}

/// A subsequence match score: higher for prefix matches and contiguous
/// runs; `None` when `query` is not a subsequence of `name`.
fn fuzzy_score(query: &str, name: &str) -> Option<i64> {
    if query.is_empty() {
        return Some(0);
    }
    let mut score = 0i64;
    let mut last: Option<usize> = None;
    let mut chars = name.char_indices();
    for q in query.chars() {
        let (i, _) = chars.by_ref().find(|(_, c)| *c == q)?;
        score += match last {
            Some(l) if i == l + 1 => 5,
            _ => 1,
        };
        if i == 0 {
            score += 10;
        }
        last = Some(i);
    }
    Some(score * 100 - name.len() as i64)
}

#[derive(Debug, Default, Deserialize)]
pub struct EntitiesParams {
    pub uri: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct EntitiesResult {
    pub entities: Vec<EntityInfo>,
}

#[derive(Debug, Serialize)]
pub struct EntityInfo {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub spellings: Vec<String>,
    pub roles: Vec<String>,
    pub description: Option<String>,
    pub mentions: Vec<MentionInfo>,
}

#[derive(Debug, Serialize)]
pub struct MentionInfo {
    pub uri: String,
    pub range: Range,
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzzy_matches_prefer_prefixes_and_runs() {
        assert!(
            fuzzy_score("bel", "belousov").unwrap()
                > fuzzy_score("bel", "andrei beloussow").unwrap()
        );
        assert!(fuzzy_score("xyz", "putin").is_none());
    }

    #[test]
    fn the_name_value_of_a_table_is_found() {
        let t = "[[entity]]\nid = \"x\"\nname = \"Alt Name\"\nkind = \"person\"\n";
        let s = name_value_span(t, 0..t.len()).unwrap();
        assert_eq!(&t[s], "Alt Name");
    }
}
