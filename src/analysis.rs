//! `analyze`: one document's text in, plain values out.
//!
//! This is the boundary the rest of copydesk is built around: the CLI and
//! the language server both call [`analyze`] and only translate its result,
//! so `copydesk check` and the editor always agree. Nothing here knows about
//! LSP, files on disk or threads.

use std::path::Path;
use std::sync::Arc;

use crate::config::{Language, Settings};
use crate::entities::gazetteer::Gazetteer;
use crate::entities::{self, DocEntities, KnowledgeBase, WorkspaceEntities};
use crate::lexicon::{Hunspell, Vocabulary, VocabularyUse};
use crate::markup::{self, Format, Prose};
use crate::ner::{self, EntityKind, Mention};
use crate::rules::{self, Ctx, Finding};
use crate::time::{self, BirthDates, Born, DocumentDateInfo, EventYears, TimeExpr};
use crate::tokenize::{self, Tokens};

/// One document to analyse.
#[derive(Clone, Copy, Debug)]
pub struct DocInput<'a> {
    pub text: &'a str,
    /// Where the text lives, if anywhere (used for the document date and
    /// per-folder settings, never read).
    pub path: Option<&'a Path>,
    pub format: Format,
}

/// What the rest of the workspace contributes to one document's analysis
/// (vocabulary of the archive, knowledge base, …). Built by the CLI or the
/// language server, read-only here, cheap to clone (shared parts are `Arc`s).
#[derive(Clone, Debug)]
pub struct Context {
    /// The workspace's entities file laid over the built-in entries.
    pub knowledge: Arc<KnowledgeBase>,
    /// The knowledge base's names, indexed for matching in text.
    pub gazetteer: Arc<Gazetteer>,
    /// Birth dates of the people the knowledge base knows, for
    /// `dates/age-mismatch` (keys: [`crate::time::person_key`] of the full
    /// name and of the surname). Empty means the age check is skipped.
    pub birth_dates: Arc<BirthDates>,
    /// Years of events anniversaries count from, for
    /// `dates/anniversary-arithmetic`: the built-in table plus the founding
    /// years of the knowledge base's organisations.
    pub events: Arc<EventYears>,
    /// How often each word occurs across the workspace's articles, for
    /// `spacing/glued-words` (a word the archive uses twice is a word).
    pub vocabulary: Arc<Vocabulary>,
    /// The Hunspell dictionary of the setting `hunspell`, for the language
    /// of the settings.
    pub hunspell: Option<Arc<Hunspell>>,
}

impl Context {
    pub fn with_knowledge(knowledge: KnowledgeBase) -> Context {
        let gazetteer = Arc::new(Gazetteer::new(&knowledge));
        let mut birth_dates = BirthDates::new();
        let mut events = EventYears::default();
        for e in &knowledge.entries {
            let names: Vec<&str> = std::iter::once(e.name.as_str())
                .chain(e.aliases.iter().map(String::as_str))
                .collect();
            if let Some(b) = &e.born {
                let born = match (b.month, b.day) {
                    (Some(m), Some(d)) => jiff::civil::Date::new(b.year, m, d).ok().map(Born::Day),
                    (Some(m), None) => Some(Born::Month(b.year as i32, m as u8)),
                    _ => Some(Born::Year(b.year as i32)),
                };
                if let Some(born) = born {
                    for n in &names {
                        birth_dates.insert_born(n, born);
                    }
                }
            }
            if let Some(f) = &e.founded {
                // "75 Jahre NATO", "das 80-jährige Bestehen der Vereinten
                // Nationen": the organisation's name near the anniversary.
                // Event words match as substrings, so short aliases ("UN",
                // "EU") would match inside ordinary words.
                let lower: Vec<String> = names
                    .iter()
                    .filter(|n| n.chars().count() >= 4)
                    .map(|n| n.to_lowercase())
                    .collect();
                let name_refs: Vec<&str> = lower.iter().map(String::as_str).collect();
                if !name_refs.is_empty() {
                    events.insert(
                        &e.name,
                        f.year as i32,
                        &[
                            &name_refs,
                            &[
                                "gründung",
                                "bestehen",
                                "jubiläum",
                                "jahrestag",
                                "geburtstag",
                            ],
                        ],
                        &[],
                    );
                }
            }
        }
        Context {
            knowledge: Arc::new(knowledge),
            gazetteer,
            birth_dates: Arc::new(birth_dates),
            events: Arc::new(events),
            vocabulary: Arc::new(Vocabulary::default()),
            hunspell: None,
        }
    }
}

impl Default for Context {
    /// The built-in knowledge base only.
    fn default() -> Self {
        static DEFAULT: std::sync::OnceLock<Context> = std::sync::OnceLock::new();
        DEFAULT
            .get_or_init(|| Context::with_knowledge(KnowledgeBase::built_in()))
            .clone()
    }
}

impl Context {
    /// The same context with the workspace vocabulary replaced.
    pub fn with_vocabulary(&self, vocabulary: Arc<Vocabulary>) -> Context {
        Context {
            vocabulary,
            ..self.clone()
        }
    }
}

/// Everything copydesk knows about one document.
#[derive(Clone, Debug)]
pub struct DocAnalysis {
    pub format: Format,
    pub language: Language,
    pub prose: Prose,
    pub tokens: Tokens,
    /// Temporal expressions, in text order.
    pub times: Vec<TimeExpr>,
    /// The document date, where it came from, and a front-matter date that
    /// could not be read.
    pub document_date: DocumentDateInfo,
    /// Names found by the NER tagger (people, organisations, places,
    /// other), sorted by position. Empty for English documents until an
    /// English model exists.
    pub mentions: Vec<Mention>,
    /// Sorted by position.
    pub findings: Vec<Finding>,
    /// Name mentions grouped per entity within this document.
    pub entities: DocEntities,
    /// The workspace vocabulary entries the rules looked up.
    pub vocabulary_use: VocabularyUse,
}

pub fn analyze(input: &DocInput, settings: &Settings, context: &Context) -> DocAnalysis {
    let prose = markup::extract(input.text, input.format);
    let language = prose
        .front_matter
        .as_ref()
        .and_then(|fm| fm.get("lang").or_else(|| fm.get("language")))
        .and_then(|f| match f.value.to_ascii_lowercase().get(..2) {
            Some("de") => Some(Language::De),
            Some("en") => Some(Language::En),
            _ => None,
        })
        .unwrap_or(settings.language);
    let tokens = tokenize::tokenize(input.text, &prose);
    let document_date =
        time::document_date(input.text, input.path, &prose, &settings.dates, language);
    let times = time::extract(
        input.text,
        &tokens,
        language,
        document_date.date.as_ref().map(|d| d.date),
        settings.dates.anchoring,
    );
    let mentions = match language {
        Language::De => ner::tag_document(input.text, &tokens),
        Language::En => Vec::new(),
    };
    // Names: the tagger's, plus the knowledge base's recorded names the
    // tagger missed or typed differently (the knowledge base wins).
    let found = names_found(input.text, &tokens, &mentions, context);
    let mut names: Vec<(std::ops::Range<usize>, EntityKind)> =
        found.iter().map(|f| (f.span.clone(), f.kind)).collect();
    names.extend(mentions.iter().map(|m| (m.span.clone(), m.kind)));
    names.sort_by_key(|(r, _)| (r.start, r.end));
    let cx = Ctx {
        text: input.text,
        prose: &prose,
        tokens: &tokens,
        settings,
        language,
        times: &times,
        document_date: &document_date,
        context,
        names: &names,
    };
    let (findings, vocabulary_use) = rules::run_all_noting_use(&cx);
    let entities = entities::extract(input.text, &tokens, &found, &context.knowledge);
    DocAnalysis {
        format: input.format,
        language,
        prose,
        tokens,
        times,
        document_date,
        mentions,
        findings,
        entities,
        vocabulary_use,
    }
}

/// The names an article mentions: the tagger's name mentions (not derived
/// words such as "russische" nor compounds such as "NATO-Gipfel"), merged
/// with the knowledge base's names found verbatim. Where both cover the
/// same words the knowledge base decides the span and the type.
fn names_found(
    text: &str,
    tokens: &Tokens,
    mentions: &[Mention],
    context: &Context,
) -> Vec<entities::Found> {
    let mut found: Vec<entities::Found> = context.gazetteer.find(text, tokens);
    for m in mentions.iter().filter(|m| m.form == ner::MentionForm::Name) {
        let overlaps = found
            .iter()
            .any(|g| g.span.start < m.span.end && m.span.start < g.span.end);
        if !overlaps {
            found.push(entities::Found {
                span: m.span.clone(),
                kind: m.kind,
                confidence: m.confidence,
            });
        }
    }
    found.sort_by_key(|f| (f.span.start, f.span.end));
    found
}

/// Analyses several documents as one workspace: each document on its own,
/// then the rules that need all of them (`names/inconsistent-spelling`),
/// whose findings are merged into each document's list.
pub fn analyze_workspace(
    inputs: &[DocInput],
    settings: &Settings,
    context: &Context,
) -> (Vec<DocAnalysis>, WorkspaceEntities) {
    use rayon::prelude::*;
    let mut analyses: Vec<DocAnalysis> = inputs
        .par_iter()
        .map(|i| analyze(i, settings, context))
        .collect();
    let ws = {
        let docs: Vec<&DocEntities> = analyses.iter().map(|a| &a.entities).collect();
        entities::cluster(&docs, &context.knowledge)
    };
    let extra: Vec<Vec<Finding>> = {
        let docs: Vec<&DocEntities> = analyses.iter().map(|a| &a.entities).collect();
        (0..docs.len())
            .map(|i| workspace_findings(i, &docs, &ws, settings, context))
            .collect()
    };
    for (a, more) in analyses.iter_mut().zip(extra) {
        if !more.is_empty() {
            a.findings.extend(more);
            a.findings.sort_by(|x, y| {
                (x.span.start, x.span.end, x.code).cmp(&(y.span.start, y.span.end, y.code))
            });
        }
    }
    (analyses, ws)
}

/// The workspace-level findings of document `doc`.
pub fn workspace_findings(
    doc: usize,
    docs: &[&DocEntities],
    ws: &WorkspaceEntities,
    settings: &Settings,
    context: &Context,
) -> Vec<Finding> {
    let mut sink = rules::Sink::new(settings);
    rules::names::check(doc, docs, ws, &context.knowledge, &mut sink);
    sink.finish()
}
