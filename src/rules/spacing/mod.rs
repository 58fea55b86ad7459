//! Spacing rules: what scraping and machine translation do to the white
//! space of an article.

mod double_space;
pub mod glued;
mod hyphen;
mod invisible;
mod punctuation;
mod quotes;
mod trailing;

use super::{Checker, Ctx, Rule, Sink};

pub use double_space::DOUBLE_SPACE;
pub use glued::GLUED_WORDS;
pub use hyphen::HYPHEN_SPACING;
pub use invisible::INVISIBLE_CHARACTER;
pub use punctuation::{MISSING_SPACE_AFTER, SPACE_BEFORE};
pub use quotes::{QUOTE_SPACING, UNBALANCED_QUOTES};
pub use trailing::{TRAILING_BLANK_LINES, TRAILING_WHITESPACE};

pub static RULES: &[&Rule] = &[
    &DOUBLE_SPACE,
    &SPACE_BEFORE,
    &MISSING_SPACE_AFTER,
    &HYPHEN_SPACING,
    &QUOTE_SPACING,
    &UNBALANCED_QUOTES,
    &INVISIBLE_CHARACTER,
    &TRAILING_WHITESPACE,
    &TRAILING_BLANK_LINES,
    &GLUED_WORDS,
];

pub const CHECKER: Checker = Checker { rules: RULES, run };

fn run(cx: &Ctx, sink: &mut Sink) {
    if sink.enabled(&DOUBLE_SPACE) {
        double_space::check(cx, sink);
    }
    if sink.enabled(&SPACE_BEFORE) || sink.enabled(&MISSING_SPACE_AFTER) {
        punctuation::check(cx, sink);
    }
    if sink.enabled(&HYPHEN_SPACING) {
        hyphen::check(cx, sink);
    }
    if sink.enabled(&QUOTE_SPACING) || sink.enabled(&UNBALANCED_QUOTES) {
        quotes::check(cx, sink);
    }
    if sink.enabled(&INVISIBLE_CHARACTER) {
        invisible::check(cx, sink);
    }
    if sink.enabled(&TRAILING_WHITESPACE) || sink.enabled(&TRAILING_BLANK_LINES) {
        trailing::check(cx, sink);
    }
    if sink.enabled(&GLUED_WORDS) && cx.language == crate::config::Language::De {
        glued::check(cx, sink);
    }
}

/// Characters treated as horizontal white space by the spacing rules.
pub(crate) fn is_hspace(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}'
    )
}

/// The character before `offset`, if any.
pub(crate) fn char_before(text: &str, offset: usize) -> Option<char> {
    text[..offset].chars().next_back()
}

pub(crate) fn char_after(text: &str, offset: usize) -> Option<char> {
    text[offset..].chars().next()
}

#[cfg(test)]
pub(crate) mod test_util {
    use crate::analysis::{Context, DocInput, analyze};
    use crate::config::Settings;
    use crate::markup::Format;
    use crate::rules::Finding;

    /// Findings of one rule on a plain-text article.
    pub fn findings(code: &str, text: &str) -> Vec<Finding> {
        findings_in(code, text, Format::Text)
    }

    pub fn findings_in(code: &str, text: &str, format: Format) -> Vec<Finding> {
        let settings = Settings::default();
        let a = analyze(
            &DocInput {
                text,
                path: None,
                format,
            },
            &settings,
            &Context::default(),
        );
        a.findings.into_iter().filter(|f| f.code == code).collect()
    }

    /// The flagged text of each finding of `code`.
    pub fn flagged<'t>(code: &str, text: &'t str) -> Vec<&'t str> {
        findings(code, text)
            .into_iter()
            .map(|f| &text[f.span])
            .collect()
    }

    /// The text after applying the first fix of the first finding.
    pub fn fixed(code: &str, text: &str) -> String {
        let f = findings(code, text);
        let first = f
            .first()
            .unwrap_or_else(|| panic!("no {code} finding in {text:?}"));
        let mut out = text.to_string();
        let mut edits = first.fixes[0].edits.clone();
        edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
        for e in edits {
            out.replace_range(e.span, &e.new_text);
        }
        out
    }
}
