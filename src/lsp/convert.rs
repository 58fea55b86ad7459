//! Byte spans and findings → LSP types. The only place that knows both.

use std::collections::HashMap;
use std::ops::Range as Span;

use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, NumberOrString, Position, Range,
    TextEdit, Uri, WorkspaceEdit,
};

use crate::rules::{Finding, Fix, Severity};
use crate::text::{Encoding, LineCol, LineIndex};

/// A text with its line index and the encoding the client counts in.
pub struct Positions<'a> {
    pub text: &'a str,
    pub index: &'a LineIndex,
    pub encoding: Encoding,
}

impl Positions<'_> {
    pub fn position(&self, offset: usize) -> Position {
        let lc = self.index.line_col(self.text, offset, self.encoding);
        Position::new(lc.line, lc.col)
    }

    pub fn range(&self, span: Span<usize>) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// Byte offset of a client position, clamped into the text.
    pub fn offset(&self, pos: Position) -> usize {
        self.index
            .offset(
                self.text,
                LineCol {
                    line: pos.line,
                    col: pos.character,
                },
                self.encoding,
            )
            .0
    }

    pub fn span(&self, range: Range) -> Span<usize> {
        let a = self.offset(range.start);
        let b = self.offset(range.end);
        a.min(b)..a.max(b)
    }
}

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

pub fn diagnostic(p: &Positions, f: &Finding) -> Diagnostic {
    Diagnostic {
        range: p.range(f.span.clone()),
        severity: Some(severity(f.severity)),
        code: Some(NumberOrString::String(f.code.to_string())),
        source: Some("copydesk".into()),
        message: f.message.clone(),
        ..Diagnostic::default()
    }
}

pub fn workspace_edit(p: &Positions, uri: &Uri, fix: &Fix) -> WorkspaceEdit {
    let edits = fix
        .edits
        .iter()
        .map(|e| TextEdit {
            range: p.range(e.span.clone()),
            new_text: e.new_text.clone(),
        })
        .collect();
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

pub fn code_action(
    p: &Positions,
    uri: &Uri,
    f: &Finding,
    fix: &Fix,
    preferred: bool,
) -> CodeAction {
    CodeAction {
        title: fix.title.clone(),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic(p, f)]),
        edit: Some(workspace_edit(p, uri, fix)),
        is_preferred: Some(preferred),
        ..CodeAction::default()
    }
}
