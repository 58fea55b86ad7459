//! Which parts of a file are prose.
//!
//! Rules look only at prose: Markdown code, link destinations, HTML, front
//! matter, URLs and e-mail addresses are masked out. The result is a list of
//! blocks (paragraphs, headings, table cells) and, inside them, the
//! segments of actual prose between masks.

mod front_matter;
mod links;
mod markdown;
mod plain;

use std::ops::Range;
use std::path::Path;

pub use front_matter::{FrontMatter, FrontMatterField};
pub use links::find_links;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Format {
    #[default]
    Text,
    Markdown,
}

impl Format {
    pub fn from_path(path: &Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
        {
            Some(e) if matches!(e.as_str(), "md" | "markdown" | "mdown" | "mkd" | "mdx") => {
                Format::Markdown
            }
            _ => Format::Text,
        }
    }

    /// From an LSP `languageId`, falling back to the file name.
    pub fn from_language_id(id: &str, path: Option<&Path>) -> Format {
        match id {
            "markdown" | "mdx" => Format::Markdown,
            "plaintext" | "text" => Format::Text,
            _ => path.map(Format::from_path).unwrap_or_default(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading(u8),
    TableCell,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Range<usize>,
    /// Indices into [`Prose::segments`].
    pub segments: Range<usize>,
}

#[derive(Clone, Debug, Default)]
pub struct Prose {
    pub format: Format,
    pub blocks: Vec<Block>,
    /// Runs of prose text, in order, never overlapping a mask.
    pub segments: Vec<Range<usize>>,
    /// Verbatim regions (code blocks, HTML blocks, front matter) where even
    /// whitespace rules do not apply.
    pub verbatim: Vec<Range<usize>>,
    /// Markdown hard line breaks ("two spaces, newline"): deliberate
    /// trailing whitespace.
    pub hard_breaks: Vec<Range<usize>>,
    pub front_matter: Option<FrontMatter>,
}

impl Prose {
    pub fn block_segments(&self, block: &Block) -> &[Range<usize>] {
        &self.segments[block.segments.clone()]
    }

    /// Whether `offset` lies in a prose segment.
    pub fn is_prose(&self, offset: usize) -> bool {
        let i = self.segments.partition_point(|s| s.end <= offset);
        self.segments.get(i).is_some_and(|s| s.start <= offset)
    }

    pub fn is_verbatim(&self, offset: usize) -> bool {
        let i = self.verbatim.partition_point(|s| s.end <= offset);
        self.verbatim.get(i).is_some_and(|s| s.start <= offset)
    }
}

/// Finds the prose of a file.
pub fn extract(text: &str, format: Format) -> Prose {
    let mut prose = Prose {
        format,
        ..Prose::default()
    };
    let body_start = match format {
        Format::Markdown => match front_matter::parse(text) {
            Some(fm) => {
                prose.verbatim.push(fm.span.clone());
                let end = fm.span.end;
                prose.front_matter = Some(fm);
                end
            }
            None => 0,
        },
        Format::Text => 0,
    };
    // Each block arrives with its masks; links are masked here for both
    // formats so the two paths cannot disagree on what a URL is.
    let mut add_block = |kind: BlockKind, span: Range<usize>, masks: &mut Vec<Range<usize>>| {
        let first = prose.segments.len();
        let mut pos = span.start;
        masks.sort_by_key(|m| m.start);
        let cut = |from: usize, to: usize, segs: &mut Vec<Range<usize>>| {
            let mut links = Vec::new();
            find_links(text, from..to, &mut links);
            let mut p = from;
            for l in links {
                if l.start > p {
                    segs.push(p..l.start);
                }
                p = l.end;
            }
            if to > p {
                segs.push(p..to);
            }
        };
        for m in masks.iter() {
            if m.start > pos {
                cut(pos, m.start.min(span.end), &mut prose.segments);
            }
            pos = pos.max(m.end);
        }
        if span.end > pos {
            cut(pos, span.end, &mut prose.segments);
        }
        let segments = first..prose.segments.len();
        if !segments.is_empty() {
            prose.blocks.push(Block {
                kind,
                span,
                segments,
            });
        }
    };
    match format {
        Format::Text => plain::blocks(text, &mut add_block),
        Format::Markdown => markdown::blocks(
            text,
            body_start,
            &mut add_block,
            &mut prose.verbatim,
            &mut prose.hard_breaks,
        ),
    }
    prose.verbatim.sort_by_key(|r| r.start);
    prose
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose_text(text: &str, format: Format) -> Vec<&str> {
        let p = extract(text, format);
        p.segments.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn markdown_code_links_html_and_front_matter_are_not_prose() {
        let md = "---\ndate: 2024-10-15\nlang: de\n---\n# Titel\n\nEin `code  x` und [Link](https://x.org/a  b) <b>fett</b> Ende.\n\n```\nfn  main()\n```\n";
        let segs = prose_text(md, Format::Markdown);
        let joined = segs.join("|");
        assert!(joined.contains("Titel"), "{joined}");
        assert!(joined.contains("Link"), "{joined}");
        assert!(!joined.contains("code  x"), "{joined}");
        assert!(!joined.contains("x.org"), "{joined}");
        assert!(!joined.contains("<b>"), "{joined}");
        assert!(!joined.contains("fn  main"), "{joined}");
        assert!(!joined.contains("date:"), "{joined}");
        let p = extract(md, Format::Markdown);
        let fm = p.front_matter.unwrap();
        assert_eq!(fm.get("date").unwrap().value, "2024-10-15");
        assert_eq!(fm.get("lang").unwrap().value, "de");
        assert!(matches!(p.blocks[0].kind, BlockKind::Heading(1)));
    }

    #[test]
    fn plain_text_urls_are_masked() {
        let t = "Quelle: https://www.congluan.vn/x.html\n";
        assert_eq!(prose_text(t, Format::Text), ["Quelle: "]);
    }

    #[test]
    fn block_quote_markers_are_not_prose() {
        let md = "> Erste Zeile\n> zweite Zeile\n";
        let joined = prose_text(md, Format::Markdown).concat();
        assert!(!joined.contains('>'), "{joined:?}");
        assert!(joined.contains("zweite"), "{joined:?}");
    }
}
