//! Quotation marks: their spacing and their balance within a paragraph.
//!
//! German uses „…“, »…« and (Swiss and machine-translated text) «…»; English
//! uses “…” and "…". Whether « opens or closes depends on the house style,
//! which is read off the document's unambiguous uses first.

use super::{Ctx, Rule, Sink, is_hspace};
use crate::rules::{Fix, Fixable, Severity};
use crate::tokenize::{Token, TokenKind};

pub static QUOTE_SPACING: Rule = Rule {
    code: "spacing/quote-spacing",
    default_severity: Severity::Warning,
    summary: "A space inside quotation marks (`« text»`, `„ text“`).",
    what: "Reports white space directly after an opening quotation mark or directly before a closing one. Whether `«` and `»` open or close is taken from the document's own style.",
    why: "German and English set quotation marks tight against the quoted words. A space inside them is a conversion artefact and makes the mark look like it belongs to the wrong word.",
    bad: "Die Beziehungen seien „ im Feuer gehärteter Stahl“.",
    good: "Die Beziehungen seien „im Feuer gehärteter Stahl“.",
    fixable: Fixable::Always,
};

pub static UNBALANCED_QUOTES: Rule = Rule {
    code: "spacing/unbalanced-quotes",
    default_severity: Severity::Warning,
    summary: "An opening quotation mark that is never closed in its paragraph, or a closing one that was never opened.",
    what: "Pairs the quotation marks of each paragraph (`„“`, `«»`, `»«`, `“”`, `‚‘`, straight `\"`) and reports an opening mark left open at the end of the paragraph, and a closing mark with no opening one. Quotations that deliberately run over several paragraphs (with a new opening mark at each paragraph start and no closing mark) are reported too: news style closes each paragraph's quote.",
    why: "A lost closing mark leaves the reader unsure where the quotation ends; in quoted statements that is a factual problem, not a cosmetic one. Scraping often cuts a paragraph in the middle of a quotation.",
    bad: "Die Beziehungen seien «ein Modell der Zusammenarbeit zwischen Supermächten.",
    good: "Die Beziehungen seien «ein Modell der Zusammenarbeit zwischen Supermächten».",
    fixable: Fixable::Always,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open(Family),
    Close(Family),
    /// A straight double quote; its role comes from pairing.
    Straight,
}

/// Which marks pair with which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    /// „…“ (also „…”).
    Low,
    /// ‚…‘
    LowSingle,
    /// «…» or »…«
    Guillemet,
    /// ‹…› or ›…‹
    SingleGuillemet,
    /// “…”
    English,
}

fn closer_for(f: Family, french: bool) -> &'static str {
    match f {
        Family::Low => "“",
        Family::LowSingle => "‘",
        Family::Guillemet => {
            if french {
                "»"
            } else {
                "«"
            }
        }
        Family::SingleGuillemet => {
            if french {
                "›"
            } else {
                "‹"
            }
        }
        Family::English => "”",
    }
}

/// Whether the document writes «…» (true) or »…« (false).
fn french_guillemets(text: &str, toks: &[Token]) -> bool {
    let (mut fr, mut de) = (0, 0);
    for t in toks.iter().filter(|t| t.kind == TokenKind::Quote) {
        let (l, r) = attachment(text, t);
        match (t.text(text), l, r) {
            ("«", false, true) | ("»", true, false) => fr += 1,
            ("»", false, true) | ("«", true, false) => de += 1,
            _ => {}
        }
    }
    fr >= de
}

/// (glued to the text on its left, glued to the text on its right)
fn attachment(text: &str, t: &Token) -> (bool, bool) {
    let before = text[..t.start as usize].chars().next_back();
    let after = text[t.end as usize..].chars().next();
    let left = before.is_some_and(|c| !c.is_whitespace() && !matches!(c, '(' | '[' | '—' | '–'));
    let right = after.is_some_and(|c| {
        !c.is_whitespace() && !matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']')
    });
    (left, right)
}

pub fn check(cx: &Ctx, sink: &mut Sink) {
    let text = cx.text;
    let toks = &cx.tokens.tokens;
    let french = french_guillemets(text, toks);
    let mut start = 0;
    for block in &cx.prose.blocks {
        // Tokens of this block: blocks are in text order, as are tokens.
        let first =
            start + toks[start..].partition_point(|t| (t.start as usize) < block.span.start);
        let end = first + toks[first..].partition_point(|t| (t.start as usize) < block.span.end);
        start = end;
        let quotes: Vec<(usize, Role)> = (first..end)
            .filter(|&i| toks[i].kind == TokenKind::Quote)
            .filter_map(|i| role(text, &toks[i], french).map(|r| (i, r)))
            .collect();
        check_block(cx, sink, &quotes, french, block.span.end);
    }
}

fn role(text: &str, t: &Token, french: bool) -> Option<Role> {
    use Family::*;
    Some(match t.text(text) {
        "„" => Role::Open(Low),
        "‚" => Role::Open(LowSingle),
        "«" => {
            if french {
                Role::Open(Guillemet)
            } else {
                Role::Close(Guillemet)
            }
        }
        "»" => {
            if french {
                Role::Close(Guillemet)
            } else {
                Role::Open(Guillemet)
            }
        }
        "‹" => {
            if french {
                Role::Open(SingleGuillemet)
            } else {
                Role::Close(SingleGuillemet)
            }
        }
        "›" => {
            if french {
                Role::Close(SingleGuillemet)
            } else {
                Role::Open(SingleGuillemet)
            }
        }
        // “ closes „ in German and opens in English; decided while pairing.
        "“" => Role::Open(English),
        "”" => Role::Close(English),
        "‘" => Role::Close(LowSingle),
        "\"" => Role::Straight,
        // ' and ’ are mostly apostrophes.
        _ => return None,
    })
}

fn check_block(
    cx: &Ctx,
    sink: &mut Sink,
    quotes: &[(usize, Role)],
    french: bool,
    block_end: usize,
) {
    let text = cx.text;
    let toks = &cx.tokens.tokens;
    let mut stack: Vec<(usize, Family)> = Vec::new();
    let mut resolved: Vec<(usize, bool)> = Vec::new(); // (token, is_open)
    let mut unbalanced: Vec<(usize, bool)> = Vec::new();
    let mut straight: Vec<usize> = Vec::new();
    for &(i, r) in quotes {
        let mark = toks[i].text(text);
        let r = match (mark, r) {
            ("“", _) if stack.iter().any(|(_, f)| *f == Family::Low) => Role::Close(Family::Low),
            // Glued to the word before and not to the one after: a German
            // closing mark whose „ is missing.
            ("“", _) if attachment(text, &toks[i]) == (true, false) => Role::Close(Family::Low),
            ("‘", _) if !stack.iter().any(|(_, f)| *f == Family::LowSingle) => continue,
            _ => r,
        };
        match r {
            Role::Open(f) => {
                stack.push((i, f));
                resolved.push((i, true));
            }
            Role::Close(f) => {
                // „…” is accepted as well as „…“.
                let matches = |g: Family| g == f || (f == Family::English && g == Family::Low);
                if let Some(pos) = stack.iter().rposition(|(_, g)| matches(*g)) {
                    // Marks opened inside the pair and never closed.
                    for (j, _) in stack.drain(pos + 1..) {
                        unbalanced.push((j, true));
                    }
                    stack.pop();
                } else {
                    unbalanced.push((i, false));
                }
                resolved.push((i, false));
            }
            Role::Straight => {
                resolved.push((i, straight.len() % 2 == 0));
                straight.push(i);
            }
        }
    }
    unbalanced.extend(stack.iter().map(|(i, _)| (*i, true)));
    if straight.len() % 2 == 1 {
        unbalanced.push((*straight.last().unwrap(), true));
    }
    if sink.enabled(&UNBALANCED_QUOTES) {
        unbalanced.sort();
        for (i, open) in unbalanced {
            report_unbalanced(cx, sink, i, open, french, &stack, block_end);
        }
    }
    if sink.enabled(&QUOTE_SPACING) {
        let odd_straight = straight.len() % 2 == 1;
        for (i, open) in resolved {
            if odd_straight && toks[i].text(text) == "\"" {
                continue;
            }
            spacing(cx, sink, &toks[i], open);
        }
    }
}

fn report_unbalanced(
    cx: &Ctx,
    sink: &mut Sink,
    i: usize,
    open: bool,
    french: bool,
    stack: &[(usize, Family)],
    block_end: usize,
) {
    let text = cx.text;
    let t = &cx.tokens.tokens[i];
    let mark = t.text(text);
    let span = t.span();
    if open {
        let closer = match stack.iter().find(|(j, _)| *j == i) {
            Some((_, f)) => closer_for(*f, french),
            None if mark == "\"" => "\"",
            None => match mark {
                "„" => "“",
                "‚" => "‘",
                "«" => "»",
                "»" => "«",
                "“" => "”",
                _ => mark,
            },
        };
        let end = text[..block_end].trim_end().len();
        sink.emit(
            &UNBALANCED_QUOTES,
            span,
            format!("Quotation opened with {mark} is never closed in this paragraph"),
            vec![Fix::replace(
                format!("Close the quotation with {closer} at the end of the paragraph"),
                end..end,
                closer,
            )],
        );
    } else {
        sink.emit(
            &UNBALANCED_QUOTES,
            span.clone(),
            format!("Closing {mark} has no opening quotation mark in this paragraph"),
            vec![Fix::replace(format!("Remove the stray {mark}"), span, "")],
        );
    }
}

fn spacing(cx: &Ctx, sink: &mut Sink, t: &Token, open: bool) {
    let text = cx.text;
    let mark = t.text(text);
    let (left, right) = attachment(text, t);
    if open && !right {
        // „ text: white space, then a word, on the same line.
        let rest = &text[t.end as usize..];
        let ws: usize = rest
            .chars()
            .take_while(|&c| is_hspace(c))
            .map(char::len_utf8)
            .sum();
        let next = rest[ws..].chars().next();
        if ws > 0 && next.is_some_and(char::is_alphanumeric) {
            let span = t.end as usize..t.end as usize + ws;
            sink.emit(
                &QUOTE_SPACING,
                t.start as usize..span.end,
                format!("Space after the opening {mark}"),
                vec![Fix::replace("Remove the space", span, "")],
            );
        }
    } else if !open && !left {
        let head = &text[..t.start as usize];
        let ws: usize = head
            .chars()
            .rev()
            .take_while(|&c| is_hspace(c))
            .map(char::len_utf8)
            .sum();
        let prev = head[..head.len() - ws].chars().next_back();
        if ws > 0 && prev.is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | '!' | '?' | '…'))
        {
            let span = t.start as usize - ws..t.start as usize;
            sink.emit(
                &QUOTE_SPACING,
                span.start..t.end as usize,
                format!("Space before the closing {mark}"),
                vec![Fix::replace("Remove the space", span, "")],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::spacing::test_util::{fixed, flagged};

    const SPACING: &str = "spacing/quote-spacing";
    const BALANCE: &str = "spacing/unbalanced-quotes";

    #[test]
    fn space_inside_quotes_is_removed_in_every_style() {
        assert_eq!(
            fixed(SPACING, "Er sagte „ im Feuer“ dazu."),
            "Er sagte „im Feuer“ dazu."
        );
        assert_eq!(
            fixed(SPACING, "Er sagte «im Feuer » dazu. «Ja»"),
            "Er sagte «im Feuer» dazu. «Ja»"
        );
        assert_eq!(
            fixed(SPACING, "Er sagte » im Feuer« dazu. »Ja«"),
            "Er sagte »im Feuer« dazu. »Ja«"
        );
    }

    #[test]
    fn unclosed_guillemet_is_reported_with_a_closing_fix() {
        let t = "Es sei «ein Modell der Zusammenarbeit im 21.\n\n«Unsere Beziehungen», sagte er.";
        assert_eq!(flagged(BALANCE, t), ["«"]);
        assert_eq!(
            fixed(BALANCE, t),
            "Es sei «ein Modell der Zusammenarbeit im 21.»\n\n«Unsere Beziehungen», sagte er."
        );
    }

    #[test]
    fn balanced_and_nested_quotes_are_fine() {
        let t =
            "Er sagte: „Sie nannten es ‚gut‘.“ Dann «ja». Und \"so\" und “this” auch. Xi’s Plan.";
        assert!(flagged(BALANCE, t).is_empty(), "{:?}", flagged(BALANCE, t));
        assert!(flagged(SPACING, t).is_empty(), "{:?}", flagged(SPACING, t));
    }

    #[test]
    fn stray_closing_mark_is_reported() {
        assert_eq!(flagged(BALANCE, "Er kam“ und ging."), ["“"]);
    }
}
