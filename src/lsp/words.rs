//! "Add 'X' to workspace words": an edit of `copydesk.toml` that appends a
//! word to the top-level `words = [...]` array, adds the key, or creates
//! the file, without touching anything else in it.

use std::collections::HashMap;
use std::path::Path;

use tower_lsp_server::ls_types::*;

/// A TOML basic string.
pub fn toml_string(w: &str) -> String {
    let mut out = String::with_capacity(w.len() + 2);
    out.push('"');
    for c in w.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Where to insert what in an existing settings file: before the closing
/// bracket of a top-level `words` array, or a new `words` line at the top.
pub fn insertion(toml: &str, word: &str) -> (usize, String) {
    let quoted = toml_string(word);
    let mut offset = 0;
    for line in toml.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with('[') {
            break; // tables begin: top-level keys end here
        }
        let key = t
            .strip_prefix("words")
            .map(str::trim_start)
            .and_then(|r| r.strip_prefix('='))
            .map(str::trim_start);
        if let Some(rest) = key
            && rest.starts_with('[')
        {
            let open = offset + (line.len() - rest.len());
            if let Some(close) = closing_bracket(toml, open) {
                let inner = &toml[open + 1..close];
                let has_items = inner
                    .lines()
                    .map(|l| l.split('#').next().unwrap_or("").trim())
                    .any(|l| !l.is_empty() && l != ",");
                let trailing_comma = inner
                    .lines()
                    .map(|l| l.split('#').next().unwrap_or("").trim_end())
                    .rfind(|l| !l.trim().is_empty())
                    .is_some_and(|l| l.ends_with(','));
                // Insert after the last item (before a comment on its line).
                let mut at = open + 1;
                let mut line_start = open + 1;
                for l in inner.split_inclusive('\n') {
                    let code = l.split('#').next().unwrap_or("");
                    if !code.trim().is_empty() {
                        at = line_start + code.trim_end().len();
                    }
                    line_start += l.len();
                }
                let text = if !has_items {
                    quoted
                } else if trailing_comma {
                    format!(" {quoted},")
                } else {
                    format!(", {quoted}")
                };
                return (at, text);
            }
        }
        offset += line.len();
    }
    (0, format!("words = [{quoted}]\n"))
}

/// The `]` closing the array opened at `open`, skipping strings and comments.
fn closing_bracket(s: &str, open: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut depth = 0usize;
    let mut i = open;
    while i < b.len() {
        match b[i] {
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            b'"' | b'\'' => {
                let q = b[i];
                i += 1;
                while i < b.len() && b[i] != q {
                    if q == b'"' && b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The code action for `word`, editing `root/copydesk.toml`.
pub fn add_word_action(
    root: &Path,
    word: &str,
    positions: impl Fn(&str, usize) -> Position,
    diagnostic: Diagnostic,
) -> Option<CodeAction> {
    let path = root.join(crate::config::CONFIG_FILE);
    let uri = Uri::from_file_path(&path)?;
    let edit = match std::fs::read_to_string(&path) {
        Ok(existing) => {
            let (at, text) = insertion(&existing, word);
            let pos = positions(&existing, at);
            WorkspaceEdit {
                changes: Some(HashMap::from([(
                    uri,
                    vec![TextEdit {
                        range: Range::new(pos, pos),
                        new_text: text,
                    }],
                )])),
                ..WorkspaceEdit::default()
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let start = Position::new(0, 0);
            WorkspaceEdit {
                document_changes: Some(DocumentChanges::Operations(vec![
                    DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
                        uri: uri.clone(),
                        options: Some(CreateFileOptions {
                            overwrite: Some(false),
                            ignore_if_exists: Some(true),
                        }),
                        annotation_id: None,
                    })),
                    DocumentChangeOperation::Edit(TextDocumentEdit {
                        text_document: OptionalVersionedTextDocumentIdentifier {
                            uri,
                            version: None,
                        },
                        edits: vec![OneOf::Left(TextEdit {
                            range: Range::new(start, start),
                            new_text: format!("words = [{}]\n", toml_string(word)),
                        })],
                    }),
                ])),
                ..WorkspaceEdit::default()
            }
        }
        Err(_) => return None,
    };
    Some(CodeAction {
        title: format!("Add '{word}' to workspace words"),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic]),
        edit: Some(edit),
        is_preferred: Some(false),
        ..CodeAction::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(toml: &str, w: &str) -> String {
        let (at, t) = insertion(toml, w);
        format!("{}{}{}", &toml[..at], t, &toml[at..])
    }

    #[test]
    fn appends_to_an_existing_array_and_keeps_everything_else() {
        assert_eq!(
            apply(
                "# Einstellungen\nwords = [\"Kasan\"]\n[rules]\nx = \"off\"\n",
                "Wörther"
            ),
            "# Einstellungen\nwords = [\"Kasan\", \"Wörther\"]\n[rules]\nx = \"off\"\n"
        );
        assert_eq!(apply("words = []\n", "A"), "words = [\"A\"]\n");
        assert_eq!(
            apply("words = [\n  \"a]b\", # c ]\n]\n", "X"),
            "words = [\n  \"a]b\", \"X\", # c ]\n]\n"
        );
    }

    #[test]
    fn adds_the_key_before_any_table() {
        assert_eq!(
            apply("language = \"de\"\n[rules]\nwords = 1\n", "X"),
            "words = [\"X\"]\nlanguage = \"de\"\n[rules]\nwords = 1\n"
        );
        let t = apply("[dates]\n", "Say \"hi\"");
        assert!(toml::from_str::<toml::Value>(&t).is_ok(), "{t}");
    }
}
