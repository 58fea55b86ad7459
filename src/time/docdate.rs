//! The document date: the day an article speaks from.
//!
//! Sources, first match wins: Markdown front matter `date:`, a date in the
//! file name (`2025-02-28-gipfel.md`), a dateline in the first lines
//! ("Wien, 28. Februar 2025 –", "Stand: 28.02.2025"), then the settings
//! (`[[dates.paths]]` by glob, then `dates.document-date`). A front-matter
//! date that cannot be read is reported (`dates/invalid-document-date`)
//! and the next source is tried.

use std::ops::Range;
use std::path::Path;

use jiff::civil::Date;

use super::value::civil;
use crate::config::{DateSettings, Language};
use crate::markup::Prose;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateSource {
    /// Front matter `date:`; the span of its value.
    FrontMatter(Range<usize>),
    /// A date in the file name.
    FileName,
    /// A dateline near the top; its span.
    Dateline(Range<usize>),
    /// `[[dates.paths]]` (with the glob) or `dates.document-date` (`None`).
    Setting(Option<String>),
}

impl DateSource {
    /// German description for hovers: "aus dem Front Matter".
    pub fn describe_de(&self) -> String {
        match self {
            DateSource::FrontMatter(_) => "aus dem Front Matter (`date:`)".into(),
            DateSource::FileName => "aus dem Dateinamen".into(),
            DateSource::Dateline(_) => "aus der Datumszeile am Textanfang".into(),
            DateSource::Setting(Some(g)) => format!("aus copydesk.toml (`[[dates.paths]]` `{g}`)"),
            DateSource::Setting(None) => "aus copydesk.toml (`dates.document-date`)".into(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentDate {
    pub date: Date,
    pub source: DateSource,
}

/// The document date and what went wrong finding it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentDateInfo {
    pub date: Option<DocumentDate>,
    /// A front-matter date that could not be read: its span and why.
    pub invalid: Option<(Range<usize>, String)>,
}

/// Finds the document date of a text.
pub fn document_date(
    text: &str,
    path: Option<&Path>,
    prose: &Prose,
    settings: &DateSettings,
    lang: Language,
) -> DocumentDateInfo {
    let mut info = DocumentDateInfo::default();
    if let Some(f) = prose.front_matter.as_ref().and_then(|fm| {
        fm.get("date")
            .or_else(|| fm.get("datum"))
            .or_else(|| fm.get("published"))
    }) {
        match parse_date_str(&f.value) {
            Ok(d) => {
                info.date = Some(DocumentDate {
                    date: d,
                    source: DateSource::FrontMatter(f.span.clone()),
                });
                return info;
            }
            Err(e) => {
                let span = if f.span.is_empty() {
                    f.span.start.saturating_sub(1)..f.span.start
                } else {
                    f.span.clone()
                };
                info.invalid = Some((span, e));
            }
        }
    }
    if let Some(d) = path.and_then(file_name_date) {
        info.date = Some(DocumentDate {
            date: d,
            source: DateSource::FileName,
        });
        return info;
    }
    if let Some((d, span)) = dateline(text, prose, lang) {
        info.date = Some(DocumentDate {
            date: d,
            source: DateSource::Dateline(span),
        });
        return info;
    }
    if let Some(p) = path {
        for entry in &settings.paths {
            if glob_matches(&entry.glob, p)
                && let Ok(d) = parse_date_str(&entry.date)
            {
                info.date = Some(DocumentDate {
                    date: d,
                    source: DateSource::Setting(Some(entry.glob.clone())),
                });
                return info;
            }
        }
    }
    if let Some(d) = settings
        .document_date
        .as_deref()
        .and_then(|s| parse_date_str(s).ok())
    {
        info.date = Some(DocumentDate {
            date: d,
            source: DateSource::Setting(None),
        });
    }
    info
}

/// A glob from `copydesk.toml`, matched against the end of a path so that
/// "archiv/2022/**" matches wherever the workspace root is.
pub fn glob_matches(glob: &str, path: &Path) -> bool {
    let pattern = if glob.starts_with('/') || glob.starts_with("**") {
        glob.to_string()
    } else {
        format!("**/{glob}")
    };
    match globset::GlobBuilder::new(&pattern)
        .literal_separator(true)
        .build()
    {
        Ok(g) => g.compile_matcher().is_match(path),
        Err(_) => false,
    }
}

/// Reads a date as written in front matter or settings: ISO (with or
/// without a time), "2025/02/28", "28.02.2025", "28. Februar 2025".
pub fn parse_date_str(s: &str) -> Result<Date, String> {
    let s = s.trim().trim_matches(|c| c == '"' || c == '\'');
    if s.is_empty() {
        return Err("das Datum ist leer".into());
    }
    let b = s.as_bytes();
    // ISO, maybe followed by a time: "2025-02-28T10:00:00+01:00".
    if b.len() >= 10
        && b[4] == b'-'
        && b[7] == b'-'
        && (b.len() == 10 || matches!(b[10], b'T' | b't' | b' '))
    {
        return ymd(&s[..4], &s[5..7], &s[8..10])
            .ok_or_else(|| format!("„{s}“ ist kein gültiges Datum"));
    }
    if b.len() == 10 && b[4] == b'/' && b[7] == b'/' {
        return ymd(&s[..4], &s[5..7], &s[8..10])
            .ok_or_else(|| format!("„{s}“ ist kein gültiges Datum"));
    }
    let parts: Vec<&str> = s.split('.').map(str::trim).collect();
    if let [d, m, y] = parts.as_slice()
        && y.len() == 4
    {
        if let Some(m) = crate::tokenize::MONTHS_DE
            .iter()
            .position(|x| x.eq_ignore_ascii_case(m))
        {
            return ymd(y, &(m + 1).to_string(), d)
                .ok_or_else(|| format!("„{s}“ ist kein gültiges Datum"));
        }
        return ymd(y, m, d).ok_or_else(|| format!("„{s}“ ist kein gültiges Datum"));
    }
    // "28. Februar 2025"
    let words: Vec<&str> = s.split_whitespace().collect();
    if let [d, m, y] = words.as_slice()
        && let Some(d) = d.strip_suffix('.')
        && let Some(mi) = crate::tokenize::MONTHS_DE
            .iter()
            .position(|x| x.eq_ignore_ascii_case(m))
    {
        return ymd(y, &(mi + 1).to_string(), d)
            .ok_or_else(|| format!("„{s}“ ist kein gültiges Datum"));
    }
    Err(format!(
        "„{s}“ ist kein lesbares Datum (erwartet z. B. 2025-02-28)"
    ))
}

fn ymd(y: &str, m: &str, d: &str) -> Option<Date> {
    let all = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if !(all(y) && all(m) && all(d)) {
        return None;
    }
    civil(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// "2025-02-28-gipfel.md", "gipfel_2025-02-28.txt".
fn file_name_date(path: &Path) -> Option<Date> {
    let name = path.file_name()?.to_str()?;
    let b = name.as_bytes();
    let mut i = 0;
    while i + 10 <= b.len() {
        let w = &b[i..i + 10];
        let digits = |r: std::ops::Range<usize>| w[r].iter().all(u8::is_ascii_digit);
        let sep = w[4] == w[7] && matches!(w[4], b'-' | b'_');
        let bounded = (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 10).is_none_or(|c| !c.is_ascii_digit());
        if sep && bounded && digits(0..4) && digits(5..7) && digits(8..10) {
            return ymd(&name[i..i + 4], &name[i + 5..i + 7], &name[i + 8..i + 10]);
        }
        i += 1;
    }
    None
}

/// Words that may introduce a dateline's date.
const DATELINE_PREFIXES: &[&str] = &[
    "stand",
    "datum",
    "veröffentlicht",
    "veröffentlicht am",
    "aktualisiert",
    "aktualisiert am",
    "erschienen",
    "erschienen am",
    "published",
    "updated",
    "date",
    "zuletzt aktualisiert",
    "zuletzt aktualisiert am",
];

/// A dateline among the first lines: a full date standing alone, after
/// "Stand:", or after a place ("Wien, 28. Februar 2025 –").
fn dateline(text: &str, prose: &Prose, lang: Language) -> Option<(Date, Range<usize>)> {
    let start = prose.front_matter.as_ref().map(|f| f.span.end).unwrap_or(0);
    let mut pos = start;
    let mut seen = 0;
    while pos < text.len() && seen < 5 {
        let end = text[pos..]
            .find('\n')
            .map(|i| pos + i)
            .unwrap_or(text.len());
        let line = &text[pos..end];
        if !line.trim().is_empty() {
            seen += 1;
            if let Some((d, r)) = dateline_in(line, lang) {
                return Some((d, pos + r.start..pos + r.end));
            }
        }
        pos = end + 1;
        if pos > start + 2000 {
            break;
        }
    }
    None
}

fn dateline_in(line: &str, lang: Language) -> Option<(Date, Range<usize>)> {
    // Only the head of the line matters; long first paragraphs are prose.
    let cut = line
        .char_indices()
        .nth(120)
        .map(|(i, _)| i)
        .unwrap_or(line.len());
    let head = &line[..cut];
    let tokens = crate::tokenize::tokenize_str(head);
    let times = super::extract(head, &tokens, lang, None, super::Anchoring::Document);
    let t = times.iter().find(|t| {
        matches!(t.status, super::Status::Explicit)
            && t.value.point().and_then(|p| p.date()).is_some()
    })?;
    let date = t.value.point()?.date()?;
    let start = t
        .weekday
        .as_ref()
        .map(|w| w.span.start)
        .unwrap_or(t.span.start)
        .min(t.span.start);
    let before = head[..start]
        .trim()
        .trim_start_matches(['#', '*', '_', '>', ' '])
        .trim();
    let after = head[t.span.end..].trim_start();
    let before_ok = before.is_empty()
        || DATELINE_PREFIXES
            .iter()
            .any(|p| before.trim_end_matches(':').trim().eq_ignore_ascii_case(p))
        || place_prefix(before);
    let after_ok = after.is_empty()
        || after.starts_with(['–', '-', '—', '(', ',', '|', '/', '·'])
        || after.starts_with("Uhr")
        || line.len() == head.len() && after.len() < 30 && !after.contains(". ");
    (before_ok && after_ok).then(|| (date, t.span.clone()))
}

/// "Wien,", "BERLIN (dpa),", "Moskau/Peking,": capitalised words and a comma.
fn place_prefix(s: &str) -> bool {
    let Some(p) = s.strip_suffix(',') else {
        return false;
    };
    let p = match p.find('(') {
        Some(i) if p.ends_with(')') => p[..i].trim(),
        _ => p.trim(),
    };
    !p.is_empty()
        && p.len() <= 40
        && p.split(|c: char| c.is_whitespace() || c == '/' || c == '-')
            .filter(|w| !w.is_empty())
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::DatePath;
    use crate::markup::{Format, extract};

    fn find(text: &str, path: Option<&str>, settings: &DateSettings) -> DocumentDateInfo {
        let format = if path.is_some_and(|p| p.ends_with(".md")) {
            Format::Markdown
        } else {
            Format::Text
        };
        let prose = extract(text, format);
        document_date(text, path.map(Path::new), &prose, settings, Language::De)
    }

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn front_matter_date_comes_first() {
        let i = find(
            "---\ndate: 2022-12-30T08:00:00+01:00\n---\nWien, 1. Mai 2020 – Text",
            Some("2025-02-28-x.md"),
            &DateSettings::default(),
        );
        assert_eq!(i.date.unwrap().date, date("2022-12-30"));
    }

    #[test]
    fn unreadable_front_matter_date_is_reported_and_the_file_name_used() {
        let t = "---\ndate: gestern abend\n---\nText";
        let i = find(
            t,
            Some("archiv/2025-02-28-gipfel.md"),
            &DateSettings::default(),
        );
        let (span, why) = i.invalid.unwrap();
        assert_eq!(&t[span], "gestern abend");
        assert!(why.contains("gestern abend"), "{why}");
        assert_eq!(i.date.unwrap().source, DateSource::FileName);
        let i = find(
            "---\ndate: 2023-02-29\n---\nText",
            Some("x.md"),
            &DateSettings::default(),
        );
        assert!(i.invalid.is_some() && i.date.is_none());
    }

    #[test]
    fn datelines_are_found_but_first_sentences_are_not() {
        let i = find(
            "Wien, 28. Februar 2025 – Die Regierung hat …",
            None,
            &DateSettings::default(),
        );
        assert_eq!(i.date.unwrap().date, date("2025-02-28"));
        let i = find(
            "Gipfel in Kasan\nStand: 23.10.2024\n\nText",
            None,
            &DateSettings::default(),
        );
        assert_eq!(i.date.unwrap().date, date("2024-10-23"));
        let i = find(
            "BERLIN (dpa), Freitag, 30. Dezember 2022 – Text",
            None,
            &DateSettings::default(),
        );
        assert_eq!(i.date.unwrap().date, date("2022-12-30"));
        let i = find(
            "Am 15. Oktober 2024 trat der Rat zusammen.",
            None,
            &DateSettings::default(),
        );
        assert!(i.date.is_none());
    }

    #[test]
    fn settings_apply_by_glob_then_default() {
        let s = DateSettings {
            document_date: Some("2020-01-01".into()),
            paths: vec![DatePath {
                glob: "archiv/2022/**".into(),
                date: "2022-12-30".into(),
            }],
            ..DateSettings::default()
        };
        let i = find("Text", Some("/home/a/news/archiv/2022/putin.txt"), &s);
        assert_eq!(
            i.date.unwrap().source,
            DateSource::Setting(Some("archiv/2022/**".into()))
        );
        let i = find("Text", Some("/home/a/news/neu/x.txt"), &s);
        assert_eq!(i.date.unwrap().date, date("2020-01-01"));
    }

    #[test]
    fn date_strings_in_several_notations() {
        assert_eq!(parse_date_str("28.02.2025").unwrap(), date("2025-02-28"));
        assert_eq!(
            parse_date_str("28. Februar 2025").unwrap(),
            date("2025-02-28")
        );
        assert_eq!(parse_date_str("2025/02/28").unwrap(), date("2025-02-28"));
        assert!(parse_date_str("2025-13-01").is_err());
        assert!(parse_date_str("99999-01-01").is_err());
        assert!(parse_date_str("").is_err());
        assert_eq!(
            file_name_date(Path::new("2025-02-28-gipfel.md")),
            Some(date("2025-02-28"))
        );
        assert_eq!(file_name_date(Path::new("id-120250228.md")), None);
    }
}
