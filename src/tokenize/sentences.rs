//! Sentence boundaries inside a block.

use std::ops::Range;

use super::{Token, TokenKind, flag};
use crate::lexicon::is_closed_class_de;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Token indices.
    pub tokens: Range<usize>,
    /// Byte span from the first token's start to the last token's end.
    pub span: Range<usize>,
    /// Index of the block (paragraph, heading) holding the sentence.
    pub block: usize,
}

/// Abbreviations that can also end a sentence ("… usw. Dann").
const FINAL_ABBREVS: &[&str] = &["usw.", "etc.", "usf.", "Chr.", "ff.", "Jh.", "ca.", "bzw."];

pub fn split(
    text: &str,
    toks: &[Token],
    range: Range<usize>,
    block: usize,
    out: &mut Vec<Sentence>,
) {
    let mut start = range.start;
    let mut k = range.start;
    while k < range.end {
        let t = &toks[k];
        let s = t.text(text);
        let is_final = match t.kind {
            TokenKind::Punct => matches!(s, "." | "!" | "?" | "…" | "..."),
            TokenKind::Abbrev => FINAL_ABBREVS.contains(&s),
            _ => false,
        };
        if is_final {
            // Closing quotes and brackets glued to the full stop belong to
            // this sentence: „Wir kommen.“ Dann …
            let mut last = k;
            while last + 1 < range.end {
                let n = &toks[last + 1];
                let ns = n.text(text);
                let closer = !n.has(flag::SPACE_BEFORE)
                    && (n.kind == TokenKind::Quote
                        || matches!(ns, ")" | "]" | "!" | "?" | "." | "…"));
                if !closer {
                    break;
                }
                last += 1;
            }
            let boundary = match toks.get(last + 1).filter(|_| last + 1 < range.end) {
                None => true,
                Some(n) => starts_sentence(text, t, n),
            };
            if boundary {
                push(toks, start..last + 1, block, out);
                start = last + 1;
            }
            k = last + 1;
            continue;
        }
        k += 1;
    }
    if start < range.end {
        push(toks, start..range.end, block, out);
    }
}

fn starts_sentence(text: &str, fin: &Token, next: &Token) -> bool {
    let ns = next.text(text);
    let first = ns.chars().next().unwrap_or(' ');
    if fin.kind == TokenKind::Abbrev {
        // After "usw." only an obvious sentence starter begins a sentence.
        return first.is_uppercase() && is_closed_class_de(ns);
    }
    if next.has(flag::NEWLINE_BEFORE) {
        return true;
    }
    if !next.has(flag::SPACE_BEFORE) {
        // ".Er" is a missing space, still a sentence start; "3.5" never
        // reaches here (numbers keep their full stop).
        return first.is_uppercase();
    }
    first.is_uppercase()
        || first.is_ascii_digit()
        || next.kind == TokenKind::Quote
        || matches!(ns, "(" | "[" | "–" | "—" | "-")
}

fn push(toks: &[Token], r: Range<usize>, block: usize, out: &mut Vec<Sentence>) {
    if r.is_empty() {
        return;
    }
    let span = toks[r.start].start as usize..toks[r.end - 1].end as usize;
    out.push(Sentence {
        tokens: r,
        span,
        block,
    });
}

#[cfg(test)]
mod tests {
    use crate::tokenize::tokenize_str;

    fn sents(s: &str) -> Vec<&str> {
        let t = tokenize_str(s);
        t.sentences.iter().map(|x| &s[x.span.clone()]).collect()
    }

    #[test]
    fn abbreviations_and_ordinals_do_not_end_sentences() {
        assert_eq!(
            sents("Dr. Meier kam am 15. Oktober, z. B. mit Nr. 5. Dann ging er."),
            [
                "Dr. Meier kam am 15. Oktober, z. B. mit Nr. 5.",
                "Dann ging er."
            ]
        );
    }

    #[test]
    fn closing_quote_after_full_stop_stays_with_its_sentence() {
        assert_eq!(
            sents("Er sagte: „Wir kommen.“ Dann ging er! Wirklich? «Ja.» Gut"),
            [
                "Er sagte: „Wir kommen.“",
                "Dann ging er!",
                "Wirklich?",
                "«Ja.»",
                "Gut"
            ]
        );
    }

    #[test]
    fn lower_case_after_full_stop_continues() {
        assert_eq!(
            sents("Das ist 3.5 mal so viel. und weiter"),
            ["Das ist 3.5 mal so viel. und weiter"]
        );
    }
}
