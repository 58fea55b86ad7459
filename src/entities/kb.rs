//! The knowledge base: entities a newsroom records once, with their house
//! spelling. A workspace keeps it in `.copydesk/entities.toml`; a small
//! built-in list of widely covered people and organisations comes with the
//! binary. One malformed entry is reported at its line; the rest still load.
//!
//! ```toml
//! [[entity]]
//! id = "belousov"                      # optional, derived from the name
//! name = "Andrei Beloussow"            # the house spelling (required)
//! kind = "person"                      # person, organization, location, other
//! aliases = ["Andrei Belousov", "Andrej Beloussow"]
//! description = "Russischer Verteidigungsminister (seit Mai 2024)"
//! born = 1959-03-17                    # or "1959-03", "1959"
//! wikidata = "Q4357425"
//! url = "https://example.org/dossiers/beloussow"
//! ```

use std::ops::Range;

use jiff::civil::Date;
use serde::Serialize;

use super::EntityKind;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KbEntry {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    pub description: Option<String>,
    /// Birth date (persons) or founding date (organisations), with the
    /// precision it was given in.
    pub born: Option<PartialDate>,
    pub founded: Option<PartialDate>,
    pub wikidata: Option<String>,
    pub url: Option<String>,
    /// Where the entry is: the workspace file (byte span of its table) or
    /// the built-in list.
    pub source: KbSource,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum KbSource {
    BuiltIn,
    /// Byte span of the `[[entity]]` table in the entities file.
    File(Range<usize>),
}

/// A date known to the day, the month or only the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PartialDate {
    pub year: i16,
    pub month: Option<i8>,
    pub day: Option<i8>,
}

impl PartialDate {
    pub fn parse(s: &str) -> Option<PartialDate> {
        let parts: Vec<&str> = s.trim().split('-').collect();
        let year: i16 = parts.first()?.parse().ok()?;
        let month: Option<i8> = parts.get(1).map(|m| m.parse().ok()).unwrap_or(None);
        let day: Option<i8> = parts.get(2).map(|d| d.parse().ok()).unwrap_or(None);
        if parts.len() > 3
            || (parts.len() >= 2 && month.is_none())
            || (parts.len() == 3 && day.is_none())
        {
            return None;
        }
        let pd = PartialDate { year, month, day };
        // Validate through jiff so "1959-02-30" is refused.
        match (month, day) {
            (Some(m), Some(d)) => Date::new(year, m, d).ok().map(|_| pd),
            (Some(m), None) => (1..=12).contains(&m).then_some(pd),
            _ => (1..=9999).contains(&year).then_some(pd),
        }
    }

    /// The full date when the day is known.
    pub fn date(&self) -> Option<Date> {
        Date::new(self.year, self.month?, self.day?).ok()
    }

    pub fn display(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d:02}.{m:02}.{}", self.year),
            (Some(m), None) => format!("{m:02}/{}", self.year),
            _ => self.year.to_string(),
        }
    }
}

/// A problem with one entry (or the whole file), for a diagnostic there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KbError {
    pub span: Range<usize>,
    pub message: String,
}

#[derive(Clone, Debug, Default)]
pub struct KnowledgeBase {
    pub entries: Vec<KbEntry>,
}

const BUILT_IN: &str = include_str!("builtin.toml");

impl KnowledgeBase {
    /// The built-in entries only (parsed once).
    pub fn built_in() -> KnowledgeBase {
        static KB: std::sync::OnceLock<KnowledgeBase> = std::sync::OnceLock::new();
        KB.get_or_init(|| {
            let (kb, errors) = parse(BUILT_IN, true);
            debug_assert!(errors.is_empty(), "built-in knowledge base: {errors:?}");
            kb
        })
        .clone()
    }

    /// Workspace entries first (they win), then built-in ones whose names
    /// the workspace does not already cover.
    pub fn with_workspace(file: KnowledgeBase) -> KnowledgeBase {
        let mut entries = file.entries;
        for b in KnowledgeBase::built_in().entries {
            let covered = entries.iter().any(|e| {
                e.id == b.id
                    || e.kind == b.kind
                        && std::iter::once(&e.name)
                            .chain(&e.aliases)
                            .any(|n| std::iter::once(&b.name).chain(&b.aliases).any(|m| n == m))
            });
            if !covered {
                entries.push(b);
            }
        }
        KnowledgeBase { entries }
    }

    pub fn get(&self, id: &str) -> Option<&KbEntry> {
        self.entries.iter().find(|e| e.id == id)
    }
}

/// Parses an entities file. Errors carry byte spans in `text`.
pub fn parse(text: &str, built_in: bool) -> (KnowledgeBase, Vec<KbError>) {
    #[derive(serde::Deserialize)]
    struct Raw {
        #[serde(default)]
        entity: Vec<toml::Spanned<toml::Table>>,
    }
    let raw: Raw = match toml::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            let msg = e.message().to_string();
            return (
                KnowledgeBase::default(),
                vec![KbError { span, message: msg }],
            );
        }
    };
    let mut kb = KnowledgeBase::default();
    let mut errors = Vec::new();
    for t in raw.entity {
        // toml spans an array-of-tables entry by its `[[entity]]` header;
        // the entry runs to the next table header.
        let span = t.span().start..table_end(text, t.span().end);
        match entry(
            t.get_ref(),
            if built_in {
                KbSource::BuiltIn
            } else {
                KbSource::File(span.clone())
            },
        ) {
            Ok(e) => {
                if kb.entries.iter().any(|x| x.id == e.id) {
                    errors.push(KbError {
                        span,
                        message: format!("duplicate entity id '{}'; this entry is ignored", e.id),
                    });
                } else {
                    kb.entries.push(e);
                }
            }
            Err(message) => errors.push(KbError { span, message }),
        }
    }
    (kb, errors)
}

/// End of a table whose header ends at `from`: the start of the next line
/// opening a table, without the blank lines before it.
fn table_end(text: &str, from: usize) -> usize {
    let mut pos = from;
    let mut end = from;
    for line in text[from..].split_inclusive('\n') {
        if pos > from && line.trim_start().starts_with('[') {
            break;
        }
        pos += line.len();
        if !line.trim().is_empty() {
            end = pos;
        }
    }
    end.min(text.len())
}

fn string(t: &toml::Table, key: &str) -> Result<Option<String>, String> {
    match t.get(key) {
        None => Ok(None),
        Some(toml::Value::String(s)) if !s.trim().is_empty() => Ok(Some(s.trim().to_string())),
        Some(v) => Err(format!(
            "'{key}' must be a non-empty string, not {}",
            v.type_str()
        )),
    }
}

fn date(t: &toml::Table, key: &str) -> Result<Option<PartialDate>, String> {
    let bad = || format!("'{key}' must be a date such as 1952-10-07, \"1952-10\" or \"1952\"");
    match t.get(key) {
        None => Ok(None),
        Some(toml::Value::Datetime(d)) => match d.date {
            Some(dd) if d.time.is_none() => {
                PartialDate::parse(&format!("{:04}-{:02}-{:02}", dd.year, dd.month, dd.day))
                    .map(Some)
                    .ok_or_else(bad)
            }
            _ => Err(bad()),
        },
        Some(toml::Value::String(s)) => PartialDate::parse(s).map(Some).ok_or_else(bad),
        Some(toml::Value::Integer(y)) => {
            PartialDate::parse(&y.to_string()).map(Some).ok_or_else(bad)
        }
        Some(_) => Err(bad()),
    }
}

fn entry(t: &toml::Table, source: KbSource) -> Result<KbEntry, String> {
    const KNOWN: &[&str] = &[
        "id",
        "name",
        "kind",
        "aliases",
        "description",
        "born",
        "founded",
        "wikidata",
        "url",
    ];
    if let Some(k) = t.keys().find(|k| !KNOWN.contains(&k.as_str())) {
        return Err(format!("unknown key '{k}' (known: {})", KNOWN.join(", ")));
    }
    let name = string(t, "name")?.ok_or("entry has no 'name'")?;
    let kind = match string(t, "kind")?.as_deref() {
        Some("person") => EntityKind::Person,
        Some("organization" | "organisation") => EntityKind::Organization,
        Some("location") => EntityKind::Location,
        Some("other") => EntityKind::Other,
        Some(k) => {
            return Err(format!(
                "unknown kind '{k}' (person, organization, location or other)"
            ));
        }
        None => return Err("entry has no 'kind'".into()),
    };
    let aliases = match t.get("aliases") {
        None => Vec::new(),
        Some(toml::Value::Array(a)) => a
            .iter()
            .map(|v| {
                v.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| "'aliases' must be a list of strings".to_string())
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err("'aliases' must be a list of strings".into()),
    };
    let id = match string(t, "id")? {
        Some(id) => id,
        None => super::names::fold(&name).replace(' ', "-"),
    };
    let url = string(t, "url")?;
    if let Some(u) = &url
        && !(u.starts_with("https://") || u.starts_with("http://"))
    {
        return Err(format!(
            "'url' must start with http:// or https://, not '{u}'"
        ));
    }
    let wikidata = string(t, "wikidata")?;
    if let Some(q) = &wikidata
        && !(q.starts_with('Q') && q.len() > 1 && q[1..].bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(format!(
            "'wikidata' must be an item id such as Q7747, not '{q}'"
        ));
    }
    Ok(KbEntry {
        id,
        name,
        kind,
        aliases,
        description: string(t, "description")?,
        born: date(t, "born")?,
        founded: date(t, "founded")?,
        wikidata,
        url,
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_entries_parse_and_carry_dated_facts() {
        let kb = KnowledgeBase::built_in();
        assert!(kb.entries.len() >= 10);
        let putin = kb
            .entries
            .iter()
            .find(|e| e.name == "Wladimir Putin")
            .unwrap();
        assert_eq!(putin.born.unwrap().date(), Date::new(1952, 10, 7).ok());
        for e in &kb.entries {
            if let Some(d) = &e.description {
                assert!(
                    d.contains("Stand") || d.contains("seit") || d.contains("gegründet"),
                    "undated description: {d}"
                );
            }
        }
    }

    #[test]
    fn a_malformed_entry_is_reported_at_its_line_and_the_rest_loads() {
        let text = "[[entity]]\nname = \"A\"\nkind = \"person\"\n\n[[entity]]\nname = \"B\"\nkind = \"robot\"\n\n[[entity]]\nname = \"C\"\nkind = \"organization\"\nborn = \"1999-02-30\"\n\n[[entity]]\nname = \"D\"\nkind = \"location\"\n";
        let (kb, errors) = parse(text, false);
        let names: Vec<_> = kb.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["A", "D"]);
        assert_eq!(errors.len(), 2);
        let line = |off: usize| text[..off].matches('\n').count();
        assert!(errors[0].message.contains("robot"));
        assert_eq!(line(errors[0].span.start), 4);
        assert!(errors[1].message.contains("born"));
        assert_eq!(line(errors[1].span.start), 8);
    }

    #[test]
    fn an_entry_spans_its_whole_table() {
        let t = "[[entity]]\nname = \"A\"\nkind = \"person\"\n\n[[entity]]\nname = \"B\"\nkind = \"person\"\n";
        let (kb, _) = parse(t, false);
        let spans: Vec<&str> = kb
            .entries
            .iter()
            .map(|e| match &e.source {
                KbSource::File(s) => &t[s.clone()],
                KbSource::BuiltIn => "",
            })
            .collect();
        assert_eq!(
            spans,
            [
                "[[entity]]\nname = \"A\"\nkind = \"person\"\n",
                "[[entity]]\nname = \"B\"\nkind = \"person\"\n"
            ]
        );
    }

    #[test]
    fn syntax_errors_point_at_their_place() {
        let (kb, errors) = parse("[[entity]]\nname = \"A\nkind = \"person\"\n", false);
        assert!(kb.entries.is_empty());
        assert_eq!(errors.len(), 1);
        assert!(errors[0].span.start >= 10, "{errors:?}");
    }

    #[test]
    fn workspace_entries_win_over_built_in_ones() {
        let (file, _) = parse(
            "[[entity]]\nid = \"putin\"\nname = \"Wladimir W. Putin\"\nkind = \"person\"\naliases = [\"Wladimir Putin\"]\n",
            false,
        );
        let kb = KnowledgeBase::with_workspace(file);
        let putins: Vec<_> = kb
            .entries
            .iter()
            .filter(|e| {
                e.aliases
                    .iter()
                    .chain([&e.name])
                    .any(|n| n.contains("Putin"))
            })
            .collect();
        assert_eq!(putins.len(), 1);
        assert_eq!(putins[0].name, "Wladimir W. Putin");
    }
}
