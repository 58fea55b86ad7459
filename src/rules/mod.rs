//! The rule registry and the rules.
//!
//! Every finding copydesk reports comes from a [`Rule`] listed here: a stable
//! code, a default severity, a one-line summary and documentation with a bad
//! and a good example. `copydesk rule CODE`, the README's rule list and the
//! example tests are all generated from [`registry`], so the three cannot
//! drift apart.

pub mod dates;
mod doc;
pub mod names;
pub mod spacing;

use std::ops::Range;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::analysis::Context;
use crate::config::{Language, Settings};
use crate::lexicon::VocabularyUse;
use crate::markup::Prose;
use crate::ner::EntityKind;
use crate::time::{DocumentDateInfo, TimeExpr};
use crate::tokenize::Tokens;

pub use doc::{render_markdown, rules_table};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    #[serde(alias = "information")]
    Info,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Hint => "hint",
        }
    }
}

/// Whether a rule's findings come with fixes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fixable {
    Always,
    Sometimes,
    Never,
}

/// A rule's metadata and documentation (modelled on ruff's rule pages).
#[derive(Debug)]
pub struct Rule {
    /// Stable code, `group/name`.
    pub code: &'static str,
    pub default_severity: Severity,
    /// One line: what the rule reports.
    pub summary: &'static str,
    /// "What it does".
    pub what: &'static str,
    /// "Why is this bad?".
    pub why: &'static str,
    /// An article excerpt on which the rule fires…
    pub bad: &'static str,
    /// …and the corrected text, on which it does not.
    pub good: &'static str,
    pub fixable: Fixable,
}

impl Rule {
    pub fn group(&self) -> &'static str {
        self.code.split('/').next().unwrap_or(self.code)
    }
}

/// One text replacement, in bytes of the analysed text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub span: Range<usize>,
    pub new_text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn replace(
        title: impl Into<String>,
        span: Range<usize>,
        new_text: impl Into<String>,
    ) -> Fix {
        Fix {
            title: title.into(),
            edits: vec![Edit {
                span,
                new_text: new_text.into(),
            }],
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub span: Range<usize>,
    pub message: String,
    pub fixes: Vec<Fix>,
    /// The word or name the finding is about, for editor actions such as
    /// "add to workspace words".
    pub subject: Option<String>,
}

/// What a check may look at.
pub struct Ctx<'a> {
    pub text: &'a str,
    pub prose: &'a Prose,
    pub tokens: &'a Tokens,
    pub settings: &'a Settings,
    pub language: Language,
    /// Temporal expressions, in text order.
    pub times: &'a [TimeExpr],
    pub document_date: &'a DocumentDateInfo,
    /// What the workspace knows (birth dates, event years, vocabulary).
    pub context: &'a Context,
    /// The names the tagger and the knowledge base found, sorted by span.
    pub names: &'a [(Range<usize>, EntityKind)],
}

/// Collects findings, dropping rules that are switched off and applying the
/// configured severity.
pub struct Sink<'a> {
    settings: &'a Settings,
    out: Vec<Finding>,
    vocabulary_use: VocabularyUse,
}

impl<'a> Sink<'a> {
    pub fn new(settings: &'a Settings) -> Sink<'a> {
        Sink {
            settings,
            out: Vec::new(),
            vocabulary_use: VocabularyUse::default(),
        }
    }

    pub fn enabled(&self, rule: &Rule) -> bool {
        self.settings.rule_severity(rule).is_some()
    }

    pub fn emit(
        &mut self,
        rule: &'static Rule,
        span: Range<usize>,
        message: String,
        fixes: Vec<Fix>,
    ) {
        self.emit_about(rule, span, message, fixes, None);
    }

    pub fn emit_about(
        &mut self,
        rule: &'static Rule,
        span: Range<usize>,
        message: String,
        fixes: Vec<Fix>,
        subject: Option<String>,
    ) {
        if let Some(severity) = self.settings.rule_severity(rule) {
            self.out.push(Finding {
                code: rule.code,
                severity,
                span,
                message,
                fixes,
                subject,
            });
        }
    }

    /// Like [`Sink::emit_about`], with a different default severity for this
    /// finding (`names/inconsistent-spelling` reports cross-article cases as
    /// information); an explicitly configured level still wins.
    pub fn emit_graded(
        &mut self,
        rule: &'static Rule,
        default: Option<Severity>,
        span: Range<usize>,
        message: String,
        fixes: Vec<Fix>,
        subject: Option<String>,
    ) {
        let Some(configured) = self.settings.rule_severity(rule) else {
            return;
        };
        let severity = match default {
            Some(d) if !self.settings.rule_configured(rule) => d,
            _ => configured,
        };
        self.out.push(Finding {
            code: rule.code,
            severity,
            span,
            message,
            fixes,
            subject,
        });
    }

    /// The workspace vocabulary entries a rule looked up (one rule does).
    pub fn note_vocabulary_use(&mut self, used: VocabularyUse) {
        self.vocabulary_use = used;
    }

    pub fn finish(self) -> Vec<Finding> {
        self.finish_noting_use().0
    }

    /// The findings, sorted, and the vocabulary entries the rules used.
    pub fn finish_noting_use(mut self) -> (Vec<Finding>, VocabularyUse) {
        self.out.sort_by(|a, b| {
            (a.span.start, a.span.end, a.code).cmp(&(b.span.start, b.span.end, b.code))
        });
        (self.out, self.vocabulary_use)
    }
}

/// A pass over the document that may report several related rules.
pub struct Checker {
    pub rules: &'static [&'static Rule],
    pub run: fn(&Ctx, &mut Sink),
}

/// Rules that need the whole workspace and run after clustering.
pub static WORKSPACE_RULES: &[&Rule] = names::RULES;

/// Every rule copydesk knows, grouped and in a stable order.
pub fn registry() -> &'static [&'static Rule] {
    static ALL: OnceLock<Vec<&'static Rule>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut v: Vec<&'static Rule> = WORKSPACE_RULES.to_vec();
        for c in checkers() {
            v.extend(c.rules.iter().copied());
        }
        v.sort_by_key(|r| r.code);
        v.dedup_by_key(|r| r.code);
        v
    })
}

pub fn lookup(code: &str) -> Option<&'static Rule> {
    registry().iter().copied().find(|r| r.code == code)
}

/// The document checks, in the order they run.
pub fn checkers() -> &'static [Checker] {
    static CHECKERS: &[Checker] = &[spacing::CHECKER, dates::CHECKER];
    CHECKERS
}

/// Runs every enabled checker over one document.
pub fn run_all(cx: &Ctx) -> Vec<Finding> {
    run_all_noting_use(cx).0
}

/// [`run_all`], also saying which workspace vocabulary entries the rules
/// looked up (a server re-checks the document when one of them changes).
pub fn run_all_noting_use(cx: &Ctx) -> (Vec<Finding>, VocabularyUse) {
    let mut sink = Sink::new(cx.settings);
    for c in checkers() {
        if c.rules.iter().any(|r| sink.enabled(r)) {
            (c.run)(cx, &mut sink);
        }
    }
    sink.finish_noting_use()
}
