//! YAML front matter at the top of a Markdown file. copydesk reads only a
//! few flat keys (`date`, `lang`), so a full YAML parser would be dead
//! weight; anything it does not understand is left alone.

use std::ops::Range;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrontMatterField {
    pub key: String,
    /// The value with surrounding quotes removed.
    pub value: String,
    /// Byte span of the value in the file (inside the quotes).
    pub span: Range<usize>,
    pub line: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrontMatter {
    /// From the opening `---` through the closing fence line.
    pub span: Range<usize>,
    pub fields: Vec<FrontMatterField>,
}

impl FrontMatter {
    pub fn get(&self, key: &str) -> Option<&FrontMatterField> {
        self.fields.iter().find(|f| f.key.eq_ignore_ascii_case(key))
    }
}

pub fn parse(text: &str) -> Option<FrontMatter> {
    let mut lines = line_spans(text);
    let first = lines.next()?;
    if text[first.clone()].trim_end() != "---" {
        return None;
    }
    let mut fields = Vec::new();
    for (n, line) in lines.enumerate() {
        let s = &text[line.clone()];
        let content = s.trim_end_matches(['\n', '\r']);
        if content.trim_end() == "---" || content.trim_end() == "..." {
            return Some(FrontMatter {
                span: 0..line.end,
                fields,
            });
        }
        // Only top-level `key: value` lines; nested YAML is skipped.
        if content.starts_with([' ', '\t', '-', '#']) {
            continue;
        }
        let Some(colon) = content.find(':') else {
            continue;
        };
        let key = content[..colon].trim();
        let raw = &content[colon + 1..];
        let lead = raw.len() - raw.trim_start().len();
        let mut v = raw.trim();
        let mut vstart = line.start + colon + 1 + lead;
        if v.len() >= 2
            && ((v.starts_with('"') && v.ends_with('"'))
                || (v.starts_with('\'') && v.ends_with('\'')))
        {
            v = &v[1..v.len() - 1];
            vstart += 1;
        }
        if !key.is_empty() {
            fields.push(FrontMatterField {
                key: key.to_string(),
                value: v.to_string(),
                span: vstart..vstart + v.len(),
                line: n + 1,
            });
        }
    }
    None
}

fn line_spans(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let end = text[pos..]
            .find('\n')
            .map(|i| pos + i + 1)
            .unwrap_or(text.len());
        let r = pos..end;
        pos = end;
        Some(r)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_values_have_spans_inside_the_quotes() {
        let t = "---\ntitle: \"Gipfel\"\ndate: '2025-02-28'\n---\nText";
        let fm = parse(t).unwrap();
        let d = fm.get("date").unwrap();
        assert_eq!(&t[d.span.clone()], "2025-02-28");
        assert_eq!(d.line, 2);
        assert_eq!(
            &t[fm.span.clone()],
            "---\ntitle: \"Gipfel\"\ndate: '2025-02-28'\n---\n"
        );
    }

    #[test]
    fn unterminated_front_matter_is_not_front_matter() {
        assert!(parse("---\ndate: 2024\nText ohne Ende").is_none());
        assert!(parse("Kein --- Anfang").is_none());
    }
}
