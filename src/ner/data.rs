//! Reading labelled sentences: GermEval 2014's TSV (`#` comment lines,
//! `index TAB token TAB outer TAB inner`, BIO) and the one-token-per-line
//! `token TAG` format (BIO or BIOES). Gold tags are re-encoded as BIOES.

use super::labels::{Chunk, Label, Tag, chunks_of_tags, encode, parse_tag};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LabelledSentence {
    pub words: Vec<String>,
    /// The tagger's labels (for training).
    pub labels: Vec<Label>,
    /// The gold chunks with their exact types (for evaluation).
    pub gold: Vec<Chunk>,
}

impl LabelledSentence {
    /// A sentence from words and their tags (BIO or BIOES).
    pub fn from_tags(words: Vec<String>, tags: Vec<Tag>) -> Self {
        let gold = chunks_of_tags(tags);
        let labels = encode(&gold, words.len());
        LabelledSentence {
            words,
            labels,
            gold,
        }
    }
}

/// A malformed line: its number (1-based) and what was wrong.
#[derive(Debug)]
pub struct ParseError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Layout {
    /// GermEval TSV: the token is column 2, the outer tag column 3.
    GermEval,
    /// `token TAG`, whitespace separated, tag last.
    TokenTag,
}

fn detect(text: &str) -> Layout {
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with("#\t") || line.starts_with("# ") {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() >= 3 && cols[0].parse::<u32>().is_ok() {
            return Layout::GermEval;
        }
        return Layout::TokenTag;
    }
    Layout::TokenTag
}

/// Parses a whole file; blank lines separate sentences.
pub fn parse(text: &str) -> Result<Vec<LabelledSentence>, ParseError> {
    let layout = detect(text);
    let mut out = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut tags: Vec<Tag> = Vec::new();
    let flush = |words: &mut Vec<String>, tags: &mut Vec<Tag>, out: &mut Vec<LabelledSentence>| {
        if !words.is_empty() {
            out.push(LabelledSentence::from_tags(
                std::mem::take(words),
                std::mem::take(tags),
            ));
        }
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut words, &mut tags, &mut out);
            continue;
        }
        let (word, tag) = match layout {
            Layout::GermEval => {
                // Token lines start with their index; comments with `#`.
                if line.starts_with('#') {
                    continue;
                }
                let cols: Vec<&str> = line.split('\t').collect();
                if cols.len() < 3 {
                    return Err(ParseError {
                        line: n + 1,
                        message: format!(
                            "expected index, token and tag columns, found {}",
                            cols.len()
                        ),
                    });
                }
                (cols[1], cols[2])
            }
            Layout::TokenTag => match line.rsplit_once([' ', '\t']) {
                Some((w, t)) if !w.trim().is_empty() => (w.trim(), t),
                _ => {
                    return Err(ParseError {
                        line: n + 1,
                        message: "expected `token TAG`".into(),
                    });
                }
            },
        };
        let Some(t) = parse_tag(tag) else {
            return Err(ParseError {
                line: n + 1,
                message: format!("unknown tag `{tag}`"),
            });
        };
        words.push(word.to_string());
        tags.push(t);
    }
    flush(&mut words, &mut tags, &mut out);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::labels::chunks;

    #[test]
    fn germeval_tsv_skips_comments_and_reads_the_outer_column() {
        let tsv = "#\thttp://example.org\t[2010-01-01]\n1\tDie\tO\tO\n2\tKieler\tB-LOCderiv\tO\n3\tRathausbank\tB-ORG\tB-LOC\n4\tAG\tI-ORG\tO\n\n#\tx\n1\tJa\tO\tO\n";
        let s = parse(tsv).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].words, ["Die", "Kieler", "Rathausbank", "AG"]);
        assert_eq!(s[0].labels[1], Label::parse("S-LOCderiv").unwrap());
        assert_eq!(s[0].labels[3], Label::parse("E-ORG").unwrap());
        assert_eq!(chunks(&s[0].labels).len(), 2);
        assert_eq!(s[0].gold.len(), 2);
    }

    #[test]
    fn token_tag_format_reads_bioes() {
        let s = parse("Wolf B-PER\nPeter I-PER\nBree E-PER\narbeitete O\n\nBonn S-LOC\n").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(chunks(&s[0].labels).len(), 1);
        assert_eq!(s[1].labels, [Label::parse("S-LOC").unwrap()]);
    }

    #[test]
    fn a_hash_token_in_germeval_tsv_is_a_token() {
        let s = parse("1\t#\tO\tO\n2\tTag\tO\tO\n").unwrap();
        assert_eq!(s[0].words, ["#", "Tag"]);
    }

    #[test]
    fn bad_tags_name_their_line() {
        let e = parse("a O\nb X-FOO\n").unwrap_err();
        assert_eq!(e.line, 2);
    }
}
