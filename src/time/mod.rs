//! Temporal expressions: recognition and normalization against the
//! document date.
//!
//! The pipeline is `classify` (one class per token) → `recognize` (patterns
//! over the classes; the literal meaning, [`Sem`]) → `resolve` (calendar
//! values against the document date or the time last talked about, with an
//! explicit [`Status`] saying how sure the value is). German and English
//! differ only in their word tables (`lexicon`).
//!
//! Everything here is pure: text and tokens in, values out. The document
//! date itself is found by [`document_date`], which reads front matter, the
//! file name, a dateline and the settings, never the disk.

mod classify;
mod docdate;
mod hover;
pub mod knowledge;
mod lexicon;
mod recognize;
mod resolve;
pub mod tense;
mod value;

use std::ops::Range;

pub use docdate::{DateSource, DocumentDate, DocumentDateInfo, document_date, parse_date_str};
pub use hover::{format_date_de, hover_markdown};
pub use knowledge::{BirthDates, Born, EventYears, person_key};
pub use lexicon::{Deixis, Edge, Hedge};
pub use recognize::{AnnivKind, Cal, DateFormat, RelAnchor, RelUnit, Sem, YearSpec};
pub use tense::Tense;
pub use value::{
    DayPart, Duration, Gran, Point, RefKind, Season, SetValue, TimeOfDay, Unit, Value, add_years,
    astro_year, civil, days_in_month, hist_year,
};

use crate::config::Language;
use crate::tokenize::Tokens;

/// TIMEX3 types, plus ages and anniversaries, which copydesk checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
    Age,
    Anniversary,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "date",
            TimexType::Time => "time",
            TimexType::Duration => "duration",
            TimexType::Set => "set",
            TimexType::Age => "age",
            TimexType::Anniversary => "anniversary",
        }
    }
}

/// TIMEX `mod`: where in a period, or how exact an amount is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Modifier {
    Start,
    Mid,
    End,
    Approx,
    MoreThan,
    LessThan,
}

impl Modifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Modifier::Start => "START",
            Modifier::Mid => "MID",
            Modifier::End => "END",
            Modifier::Approx => "APPROX",
            Modifier::MoreThan => "MORE_THAN",
            Modifier::LessThan => "LESS_THAN",
        }
    }
}

/// What a relative value was counted from.
#[derive(Clone, Debug, PartialEq)]
pub enum Anchor {
    /// The document date.
    DocumentDate(jiff::civil::Date),
    /// An earlier expression in the text (its span and value).
    Expression(Range<usize>, Point),
}

/// How far a value can be trusted.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Everything the value says is written in the expression.
    Explicit,
    /// Counted from an anchor.
    Resolved(Anchor),
    /// Counted from an anchor, but another reading is plausible.
    Ambiguous(Anchor, &'static str),
    /// Relative, and nothing to count from (no document date).
    Unresolved,
    /// Not a calendar date ("31. April", "32.13.2024").
    Invalid(String),
}

impl Status {
    pub fn anchor(&self) -> Option<&Anchor> {
        match self {
            Status::Resolved(a) | Status::Ambiguous(a, _) => Some(a),
            _ => None,
        }
    }
    pub fn is_certain(&self) -> bool {
        matches!(self, Status::Explicit | Status::Resolved(_))
    }
}

/// A weekday written next to a date: "Dienstag, 28. Februar 2025".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NamedWeekday {
    /// 1 = Monday … 7 = Sunday.
    pub weekday: u8,
    pub span: Range<usize>,
}

/// One temporal expression in a document.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeExpr {
    /// The expression, TIMEX-style ("15. Oktober 2024", "vor 80 Jahren").
    pub span: Range<usize>,
    /// With a leading preposition ("am Freitag"), for display.
    pub phrase: Range<usize>,
    pub kind: TimexType,
    pub value: Value,
    pub status: Status,
    pub modifier: Option<Modifier>,
    /// What the text literally says.
    pub sem: Sem,
    /// How a full date was written (numeric, textual, ISO).
    pub format: Option<DateFormat>,
    pub weekday: Option<NamedWeekday>,
    /// Index into `Tokens::sentences`.
    pub sentence: usize,
    /// Token indices.
    pub tokens: Range<usize>,
    /// Tense of the clause the expression stands in.
    pub tense: Tense,
}

impl TimeExpr {
    /// The TIMEX3 value ("2024-10-15", "P80Y", "XXXX-WXX-5").
    pub fn timex(&self) -> String {
        self.value.timex()
    }
}

/// How underspecified dates ("am 15. März", "im folgenden Jahr") find their
/// year or day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Anchoring {
    /// News: relative to the document date, with the tense deciding
    /// between last and next ("am Freitag" in a past-tense sentence is the
    /// last Friday).
    #[default]
    Document,
    /// Narrative (history pieces, encyclopedias): relative to the date the
    /// text last mentioned.
    Text,
}

/// Recognises and resolves the temporal expressions of a tokenized text.
pub fn extract(
    text: &str,
    tokens: &Tokens,
    lang: Language,
    doc_date: Option<jiff::civil::Date>,
    anchoring: Anchoring,
) -> Vec<TimeExpr> {
    let lex = lexicon::lexicon(lang);
    let mut starts = vec![false; tokens.tokens.len()];
    for s in &tokens.sentences {
        if let Some(x) = starts.get_mut(s.tokens.start) {
            *x = true;
        }
    }
    let cls = classify::classify(text, &tokens.tokens, lex, &starts);
    let mentions = recognize::recognize(text, tokens, &cls, lang);
    resolve::resolve(text, tokens, mentions, doc_date, anchoring, lang)
}

/// The expression at a byte offset, if any.
pub fn expr_at(times: &[TimeExpr], offset: usize) -> Option<&TimeExpr> {
    times
        .iter()
        .find(|t| t.phrase.start <= offset && offset < t.span.end.max(t.phrase.start + 1))
}

#[cfg(test)]
mod tests;
