//! `analyze`: one document's text in, plain values out.
//!
//! This is the boundary the rest of copydesk is built around: the CLI and
//! the language server both call [`analyze`] and only translate its result,
//! so `copydesk check` and the editor always agree. Nothing here knows about
//! LSP, files on disk or threads.

use std::path::Path;
use std::sync::Arc;

use crate::config::{Language, Settings};
use crate::markup::{self, Format, Prose};
use crate::rules::{self, Ctx, Finding};
use crate::time::{self, BirthDates, DocumentDateInfo, EventYears, TimeExpr};
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
#[derive(Clone, Debug, Default)]
pub struct Context {
    /// Birth dates of the people the knowledge base knows, for
    /// `dates/age-mismatch`. Keys: [`crate::time::person_key`] of the full
    /// name and of the surname; fill with [`BirthDates::insert`]. Empty
    /// means the age check is skipped.
    pub birth_dates: Arc<BirthDates>,
    /// Years of events anniversaries count from, for
    /// `dates/anniversary-arithmetic`. Defaults to the built-in table; the
    /// knowledge base may add workspace events with [`EventYears::insert`].
    pub events: Arc<EventYears>,
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
    /// Sorted by position.
    pub findings: Vec<Finding>,
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
    let cx = Ctx {
        text: input.text,
        prose: &prose,
        tokens: &tokens,
        settings,
        language,
        times: &times,
        document_date: &document_date,
        context,
    };
    let findings = rules::run_all(&cx);
    DocAnalysis {
        format: input.format,
        language,
        prose,
        tokens,
        times,
        document_date,
        findings,
    }
}
