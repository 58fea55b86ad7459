//! Settings: `copydesk.toml` at the workspace root, overlaid by the editor's
//! `workspace/configuration` (same keys, camelCase accepted).
//!
//! A broken file never stops copydesk: the parse error is reported with its
//! line and the defaults are used; unknown keys and unknown rule codes are
//! warnings that name them.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::rules::{Rule, Severity};

pub const CONFIG_FILE: &str = "copydesk.toml";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    De,
    En,
}

/// A rule's configured level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Error,
    Warning,
    #[serde(alias = "information")]
    Info,
    Hint,
}

/// How diagnostics reach the editor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DiagnosticsMode {
    /// Pull when the client supports `textDocument/diagnostic`, else push.
    #[default]
    Auto,
    Push,
    Pull,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct Settings {
    /// Language of the articles: "de" or "en". Markdown front matter `lang:`
    /// overrides it per file.
    pub language: Language,
    /// Rule code (or group such as "spacing") → "off", "error", "warning",
    /// "info" or "hint".
    pub rules: BTreeMap<String, Level>,
    /// Globs of article files, relative to the workspace root.
    pub include: Vec<String>,
    /// Globs to skip, in addition to `.gitignore`.
    pub exclude: Vec<String>,
    /// Files larger than this many bytes are skipped.
    pub max_file_size: u64,
    /// Delay between the last edit and the diagnostics, in milliseconds.
    pub debounce_ms: u64,
    /// How diagnostics are delivered: "auto", "push" or "pull".
    pub diagnostics: DiagnosticsMode,
    /// Words the glued-words rule must accept (house vocabulary, names).
    pub words: Vec<String>,
    /// A Hunspell dictionary the glued-words rule also asks: "off", "auto"
    /// (the usual system folders) or the path of a `.dic` file or folder.
    pub hunspell: String,
    /// The workspace knowledge base, relative to the workspace root.
    pub entities_file: String,
    /// Most locations one references request returns (0: all). An entity
    /// of a large archive ("Wien") has tens of thousands of mentions; the
    /// list would take longer to send and show than it is worth.
    pub references_limit: usize,
    /// The document date and how relative dates are anchored (`[dates]`).
    pub dates: DateSettings,
}

/// `[dates]`: where an article's date comes from when the article does not
/// say (front matter, file name and dateline come first), and how dates
/// without a year are read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(default, rename_all = "kebab-case")]
pub struct DateSettings {
    /// Date of articles that have no date of their own ("2025-02-28").
    pub document_date: Option<String>,
    /// "document" (news: relative to the article date) or "text"
    /// (narrative: "am 15. März" takes the year last mentioned).
    pub anchoring: crate::time::Anchoring,
    /// Per folder or per file: `{ glob = "archiv/2022/**", date = "2022-12-30" }`;
    /// the first matching entry wins.
    pub paths: Vec<DatePath>,
}

/// One `[[dates.paths]]` entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct DatePath {
    /// Glob relative to the workspace root ("archiv/2022/**", "2024/putin.md").
    pub glob: String,
    pub date: String,
}

impl DateSettings {
    /// Problems with the configured dates and globs, for the load warnings.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(d) = &self.document_date
            && let Err(e) = crate::time::parse_date_str(d)
        {
            out.push(format!("dates.document-date: {e}"));
        }
        for p in &self.paths {
            if let Err(e) = crate::time::parse_date_str(&p.date) {
                out.push(format!("dates.paths {:?}: {e}", p.glob));
            }
            if let Err(e) = globset::Glob::new(&p.glob) {
                out.push(format!("dates.paths: invalid glob {:?}: {e}", p.glob));
            }
        }
        out
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            language: Language::De,
            rules: BTreeMap::new(),
            include: vec!["**/*.txt".into(), "**/*.md".into(), "**/*.markdown".into()],
            exclude: Vec::new(),
            max_file_size: 5 * 1024 * 1024,
            debounce_ms: 150,
            diagnostics: DiagnosticsMode::Auto,
            words: Vec::new(),
            hunspell: "off".into(),
            entities_file: ".copydesk/entities.toml".into(),
            references_limit: 500,
            dates: DateSettings::default(),
        }
    }
}

impl Settings {
    /// Whether the user set a level for this rule or its group.
    pub fn rule_configured(&self, rule: &Rule) -> bool {
        self.rules.contains_key(rule.code) || self.rules.contains_key(rule.group())
    }

    /// The severity a rule reports with, or `None` when it is switched off.
    /// A rule's own entry wins over its group's ("spacing").
    pub fn rule_severity(&self, rule: &Rule) -> Option<Severity> {
        let level = self
            .rules
            .get(rule.code)
            .or_else(|| self.rules.get(rule.group()));
        match level {
            None => Some(rule.default_severity),
            Some(Level::Off) => None,
            Some(Level::Error) => Some(Severity::Error),
            Some(Level::Warning) => Some(Severity::Warning),
            Some(Level::Info) => Some(Severity::Info),
            Some(Level::Hint) => Some(Severity::Hint),
        }
    }
}

/// Settings with what went wrong while reading them.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub settings: Settings,
    /// Problems that made copydesk fall back to defaults (for a whole file).
    pub errors: Vec<String>,
    /// Problems that were ignored (unknown keys, unknown rule codes).
    pub warnings: Vec<String>,
}

/// Reads `copydesk.toml` from a workspace root; a missing file is no error.
pub fn load_dir(root: &Path) -> Loaded {
    let origin = root.join(CONFIG_FILE).display().to_string();
    match read_file_value(root) {
        Ok(Some(v)) => from_value(v, &origin),
        Ok(None) => Loaded::default(),
        Err(e) => Loaded {
            errors: vec![e],
            ..Loaded::default()
        },
    }
}

/// `copydesk.toml` of a root as JSON with kebab-case keys, `Ok(None)` when
/// there is no such file, or the error (with its line) when it is broken.
pub fn read_file_value(root: &Path) -> Result<Option<Value>, String> {
    let path = root.join(CONFIG_FILE);
    match std::fs::read_to_string(&path) {
        Ok(s) => toml_value(&s, &path.display().to_string()).map(Some),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("{}: {e}; using defaults", path.display())),
    }
}

fn toml_value(s: &str, origin: &str) -> Result<Value, String> {
    let table = toml::from_str::<toml::Table>(s)
        .map_err(|e| format!("{origin}: {}; using defaults", e.to_string().trim_end()))?;
    serde_json::to_value(table)
        .map(kebab_keys)
        .map_err(|e| format!("{origin}: {e}; using defaults"))
}

/// Parses TOML settings; `origin` names the file in messages.
pub fn from_toml_str(s: &str, origin: &str) -> Loaded {
    match toml_value(s, origin) {
        Ok(v) => from_value(v, origin),
        Err(e) => Loaded {
            errors: vec![e],
            ..Loaded::default()
        },
    }
}

/// Builds settings from a JSON value (a parsed file, or the editor's
/// settings laid over it with [`overlay`]).
pub fn from_value(v: Value, origin: &str) -> Loaded {
    let v = kebab_keys(v);
    let mut warnings = Vec::new();
    unknown_keys(&v, origin, &mut warnings);
    match serde_json::from_value::<Settings>(v) {
        Ok(settings) => {
            let unknown: Vec<&str> = settings
                .rules
                .keys()
                .filter(|k| {
                    crate::rules::lookup(k).is_none()
                        && !crate::rules::registry()
                            .iter()
                            .any(|r| r.group() == k.as_str())
                })
                .map(String::as_str)
                .collect();
            if !unknown.is_empty() {
                warnings.push(format!(
                    "{origin}: unknown rule code(s): {}",
                    unknown.join(", ")
                ));
            }
            for p in settings.dates.problems() {
                warnings.push(format!("{origin}: {p}; ignored"));
            }
            Loaded {
                settings,
                errors: Vec::new(),
                warnings,
            }
        }
        Err(e) => Loaded {
            errors: vec![format!("{origin}: {e}; using defaults")],
            warnings,
            ..Loaded::default()
        },
    }
}

/// Lays `top` over `base`, key by key (objects merge, anything else
/// replaces). Used for editor settings over `copydesk.toml`; pass both
/// through [`kebab_keys`] first so the keys agree.
pub fn overlay(base: &mut Value, top: Value) {
    match (base, top) {
        (_, Value::Null) => {}
        (Value::Object(b), Value::Object(t)) => {
            for (k, v) in t {
                if v.is_null() {
                    continue;
                }
                overlay(b.entry(k).or_insert(Value::Null), v);
            }
        }
        (b, t) => *b = t,
    }
}

/// Converts camelCase keys (VS Code style) to kebab-case, except below
/// `rules`, whose keys are rule codes.
pub fn kebab_keys(v: Value) -> Value {
    fn conv(k: &str) -> String {
        let mut s = String::with_capacity(k.len() + 4);
        for c in k.chars() {
            if c.is_ascii_uppercase() {
                s.push('-');
                s.push(c.to_ascii_lowercase());
            } else if c == '_' {
                s.push('-');
            } else {
                s.push(c);
            }
        }
        s
    }
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| {
                    let nk = conv(&k);
                    let nv = if nk == "rules" { v } else { kebab_keys(v) };
                    (nk, nv)
                })
                .collect(),
        ),
        other => other,
    }
}

fn unknown_keys(v: &Value, origin: &str, warnings: &mut Vec<String>) {
    let Value::Object(m) = v else { return };
    let known = match serde_json::to_value(Settings::default()) {
        Ok(Value::Object(d)) => d,
        _ => return,
    };
    let unknown: Vec<&str> = m
        .keys()
        .filter(|k| !known.contains_key(*k))
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        warnings.push(format!(
            "{origin}: unknown setting(s) ignored: {}",
            unknown.join(", ")
        ));
    }
}

/// The settings as a JSON schema, for editors (VS Code's `contributes`).
pub fn json_schema() -> Value {
    use serde_json::json;
    let d = Settings::default();
    let codes: Vec<&str> = crate::rules::registry().iter().map(|r| r.code).collect();
    let level = json!({"type": "string", "enum": ["off", "error", "warning", "info", "hint"]});
    let rule_props: serde_json::Map<String, Value> = codes
        .iter()
        .map(|c| {
            let r = crate::rules::lookup(c).unwrap();
            (
                c.to_string(),
                json!({"type": "string", "enum": ["off", "error", "warning", "info", "hint"], "description": r.summary, "default": r.default_severity.as_str()}),
            )
        })
        .collect();
    json!({
        "language": {"type": "string", "enum": ["de", "en"], "default": "de", "description": "Language of the articles. Markdown front matter `lang:` overrides it per file."},
        "rules": {"type": "object", "default": {}, "description": "Severity per rule code or group (\"spacing\"): off, error, warning, info or hint.", "properties": rule_props, "additionalProperties": level},
        "include": {"type": "array", "items": {"type": "string"}, "default": d.include, "description": "Globs of article files, relative to the workspace root."},
        "exclude": {"type": "array", "items": {"type": "string"}, "default": d.exclude, "description": "Globs to skip, in addition to .gitignore."},
        "maxFileSize": {"type": "integer", "minimum": 0, "default": d.max_file_size, "description": "Files larger than this many bytes are skipped."},
        "debounceMs": {"type": "integer", "minimum": 0, "default": d.debounce_ms, "description": "Delay between the last edit and the diagnostics, in milliseconds."},
        "diagnostics": {"type": "string", "enum": ["auto", "push", "pull"], "default": "auto", "description": "How diagnostics reach the editor: pull when the editor supports it (auto), or always push / pull."},
        "words": {"type": "array", "items": {"type": "string"}, "default": [], "description": "Words the glued-words rule must accept."},
        "hunspell": {"type": "string", "default": d.hunspell, "description": "A Hunspell dictionary the glued-words rule also consults: off, auto (the usual system folders, e.g. /usr/share/hunspell) or the path of a .dic file or of a folder holding one."},
        "entitiesFile": {"type": "string", "default": d.entities_file, "description": "The workspace knowledge base, relative to the workspace root."},
        "referencesLimit": {"type": "integer", "minimum": 0, "default": d.references_limit, "description": "Most locations a references request returns: the mentions in the current article first, then the archive's (0: all)."},
        "dates": {
            "type": "object",
            "default": {},
            "description": "Document dates for articles that do not state their own (front matter `date:`, a date in the file name and a dateline come first), and how dates without a year are read.",
            "properties": {
                "documentDate": {"type": ["string", "null"], "default": null, "pattern": "^\\d{4}-\\d{2}-\\d{2}$", "description": "Date (YYYY-MM-DD) of articles with no date of their own."},
                "anchoring": {"type": "string", "enum": ["document", "text"], "default": "document", "description": "document: relative dates count from the article date (news). text: a date without a year takes the year last mentioned (history pieces)."},
                "paths": {
                    "type": "array",
                    "default": [],
                    "description": "Per folder or file: the first entry whose glob matches gives the date.",
                    "items": {
                        "type": "object",
                        "required": ["glob", "date"],
                        "properties": {
                            "glob": {"type": "string", "description": "Glob relative to the workspace root, e.g. archiv/2022/**."},
                            "date": {"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$", "description": "YYYY-MM-DD."}
                        }
                    }
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::spacing::{DOUBLE_SPACE, TRAILING_WHITESPACE};

    #[test]
    fn rule_levels_apply_by_code_then_group() {
        let l = from_toml_str(
            "[rules]\nspacing = \"error\"\n\"spacing/double-space\" = \"off\"\n",
            "t",
        );
        assert!(l.errors.is_empty() && l.warnings.is_empty(), "{l:?}");
        assert_eq!(l.settings.rule_severity(&DOUBLE_SPACE), None);
        assert_eq!(
            l.settings.rule_severity(&TRAILING_WHITESPACE),
            Some(Severity::Error)
        );
    }

    #[test]
    fn broken_toml_reports_its_line_and_falls_back_to_defaults() {
        let l = from_toml_str("debounce-ms = 10\n[rules\n", "copydesk.toml");
        assert_eq!(l.settings, Settings::default());
        assert!(l.errors[0].contains("line 2"), "{:?}", l.errors);
    }

    #[test]
    fn unknown_keys_and_rule_codes_are_named() {
        let l = from_toml_str("colour = 1\n[rules]\n\"spacing/nope\" = \"off\"\n", "c");
        let all = l.warnings.join("\n");
        assert!(
            all.contains("colour") && all.contains("spacing/nope"),
            "{all}"
        );
    }

    #[test]
    fn dates_table_reads_default_and_per_path_dates() {
        let l = from_toml_str(
            "[dates]\ndocument-date = \"2025-02-28\"\nanchoring = \"text\"\n[[dates.paths]]\nglob = \"archiv/2022/**\"\ndate = \"2022-12-30\"\n",
            "t",
        );
        assert!(l.errors.is_empty() && l.warnings.is_empty(), "{l:?}");
        assert_eq!(
            l.settings.dates.document_date.as_deref(),
            Some("2025-02-28")
        );
        assert_eq!(l.settings.dates.anchoring, crate::time::Anchoring::Text);
        assert_eq!(l.settings.dates.paths[0].date, "2022-12-30");
        let bad = from_toml_str("[dates]\ndocument-date = \"28.13.2025\"\n", "t");
        assert!(
            bad.warnings.iter().any(|w| w.contains("document-date")),
            "{:?}",
            bad.warnings
        );
    }

    #[test]
    fn editor_camel_case_date_keys_are_accepted() {
        let l = from_value(
            serde_json::json!({"dates": {"documentDate": "2024-01-01"}}),
            "editor",
        );
        assert_eq!(
            l.settings.dates.document_date.as_deref(),
            Some("2024-01-01")
        );
    }

    #[test]
    fn editor_settings_in_camel_case_overlay_the_file() {
        let mut base = serde_json::to_value(
            from_toml_str("debounce-ms = 10\nwords = [\"Kasan\"]", "t").settings,
        )
        .unwrap();
        overlay(
            &mut base,
            kebab_keys(
                serde_json::json!({"debounceMs": 0, "rules": {"spacing/double-space": "hint"}}),
            ),
        );
        let l = from_value(base, "editor");
        assert_eq!(l.settings.debounce_ms, 0);
        assert_eq!(l.settings.words, ["Kasan"]);
        assert_eq!(
            l.settings.rule_severity(&DOUBLE_SPACE),
            Some(Severity::Hint)
        );
    }
}
