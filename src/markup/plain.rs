//! Paragraphs of a plain-text article.
//!
//! Two conventions exist in the wild: hard-wrapped text, where a paragraph
//! spans several short lines and blank lines separate paragraphs, and
//! scraped text, where each (long) line is a paragraph and blank lines are
//! rare. The choice matters: a quotation mark opened on one line may close
//! on the next only in the first convention.

use std::ops::Range;

use super::BlockKind;

/// Lines longer than this are not hard-wrapped prose.
const WRAP_WIDTH: usize = 100;

pub fn blocks(text: &str, add: &mut impl FnMut(BlockKind, Range<usize>, &mut Vec<Range<usize>>)) {
    let lines: Vec<Range<usize>> = content_lines(text).collect();
    let wrapped = is_hard_wrapped(text, &lines);
    let mut para: Option<Range<usize>> = None;
    let mut none = Vec::new();
    for line in lines {
        let blank = text[line.clone()].trim().is_empty();
        if blank {
            if let Some(p) = para.take() {
                add(BlockKind::Paragraph, p, &mut none);
            }
            continue;
        }
        match para.as_mut() {
            Some(p) if wrapped => p.end = line.end,
            Some(_) => {
                add(BlockKind::Paragraph, para.take().unwrap(), &mut none);
                para = Some(line);
            }
            None => para = Some(line),
        }
    }
    if let Some(p) = para {
        add(BlockKind::Paragraph, p, &mut none);
    }
}

/// Line contents without terminators (`\n`, `\r\n`, `\r`).
fn content_lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let b = text.as_bytes();
    let mut pos = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let start = pos;
        while pos < b.len() && b[pos] != b'\n' && b[pos] != b'\r' {
            pos += 1;
        }
        let end = pos;
        if pos >= b.len() {
            done = true;
        } else if b[pos] == b'\r' && b.get(pos + 1) == Some(&b'\n') {
            pos += 2;
        } else {
            pos += 1;
        }
        Some(start..end)
    })
}

fn is_hard_wrapped(text: &str, lines: &[Range<usize>]) -> bool {
    let mut non_empty = 0;
    let mut long = 0;
    let mut consecutive = false;
    let mut prev_non_empty = false;
    for l in lines {
        let s = &text[l.clone()];
        if s.trim().is_empty() {
            prev_non_empty = false;
            continue;
        }
        non_empty += 1;
        // Count characters only when the byte length could exceed the width.
        if s.len() > WRAP_WIDTH && s.chars().count() > WRAP_WIDTH {
            long += 1;
        }
        consecutive |= prev_non_empty;
        prev_non_empty = true;
    }
    consecutive && long * 10 < non_empty
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<&str> {
        let mut v = Vec::new();
        blocks(text, &mut |_, r, _| v.push(&text[r]));
        v
    }

    #[test]
    fn hard_wrapped_lines_join_into_one_paragraph() {
        let t = "Erste Zeile eines Absatzes\nzweite Zeile.\n\nNeuer Absatz.\n";
        assert_eq!(
            paras(t),
            ["Erste Zeile eines Absatzes\nzweite Zeile.", "Neuer Absatz."]
        );
    }

    #[test]
    fn scraped_long_lines_are_one_paragraph_each() {
        let long = "Wort ".repeat(30);
        let t = format!("{long}\n{long}\r\nkurz\n");
        assert_eq!(paras(&t).len(), 3);
    }
}
