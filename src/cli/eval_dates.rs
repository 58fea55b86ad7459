//! `copydesk eval dates`: the temporal tagger against WikiWarsDE.
//!
//! WikiWarsDE (Strötgen & Gertz 2011, CC BY-SA 3.0) is German Wikipedia
//! articles about wars with TIMEX2 annotations. The inline files
//! (`keyinline/*.key.xml`) give the text and the gold expressions; each
//! document's `DATETIME` is its document date. Scores follow the TERN
//! convention: extraction precision/recall/F1 with strict (same span) and
//! lenient (overlapping) matching, and value precision/recall/F1 counting
//! a system expression as right when it overlaps a gold one with the same
//! `val`.

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::config::Language;
use crate::markup::{self, Format};
use crate::time::{self, Anchoring, TimexType};
use crate::tokenize;

/// One gold expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gold {
    pub span: Range<usize>,
    pub val: String,
}

/// One document: its text (tags removed), document date and gold expressions.
#[derive(Clone, Debug)]
pub struct Doc {
    pub id: String,
    pub text: String,
    pub dct: Option<jiff::civil::Date>,
    pub gold: Vec<Gold>,
}

/// Parses an inline-annotated TERN/ACE document (`<DOC> … <TEXT> …
/// <TIMEX2 val="…">…</TIMEX2> … </TEXT>`).
pub fn parse_inline(src: &str, id: &str) -> Result<Doc, String> {
    let dct = src
        .find("<DATETIME>")
        .and_then(|i| src[i..].find("val=\"").map(|j| i + j + 5))
        .and_then(|i| src.get(i..i + 10))
        .and_then(|s| s.parse().ok());
    let start = src
        .find("<TEXT>")
        .ok_or_else(|| format!("{id}: no <TEXT>"))?
        + "<TEXT>".len();
    let end = src[start..]
        .find("</TEXT>")
        .map(|i| start + i)
        .unwrap_or(src.len());
    let body = &src[start..end];
    let mut text = String::with_capacity(body.len());
    let mut gold = Vec::new();
    let mut open: Vec<(usize, String)> = Vec::new();
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        let tag_end = rest[lt..]
            .find('>')
            .map(|i| lt + i + 1)
            .ok_or_else(|| format!("{id}: unterminated tag"))?;
        let tag = &rest[lt..tag_end];
        if tag.starts_with("<TIMEX2") {
            let val = tag
                .find("val=\"")
                .and_then(|i| {
                    tag[i + 5..]
                        .find('"')
                        .map(|j| tag[i + 5..i + 5 + j].to_string())
                })
                .unwrap_or_default();
            open.push((text.len(), val));
        } else if tag.starts_with("</TIMEX2") {
            let (s, val) = open
                .pop()
                .ok_or_else(|| format!("{id}: unbalanced </TIMEX2>"))?;
            gold.push(Gold {
                span: s..text.len(),
                val,
            });
        } else {
            // Any other markup inside the text is kept as text.
            text.push_str(tag);
        }
        rest = &rest[tag_end..];
    }
    text.push_str(rest);
    gold.sort_by_key(|g| (g.span.start, g.span.end));
    Ok(Doc {
        id: id.to_string(),
        text,
        dct,
        gold,
    })
}

/// Reads every `keyinline/*.key.xml` (or `*.xml`) of a WikiWarsDE folder.
pub fn load(dir: &Path) -> Result<Vec<Doc>, String> {
    let inline = if dir.join("keyinline").is_dir() {
        dir.join("keyinline")
    } else {
        dir.to_path_buf()
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&inline)
        .map_err(|e| format!("{}: {e}", inline.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .collect();
    paths.sort();
    let mut docs = Vec::new();
    for p in paths {
        let src = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let id = p
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .trim_end_matches(".key.xml")
            .to_string();
        docs.push(parse_inline(&src, &id)?);
    }
    Ok(docs)
}

/// What the tagger finds in a document: spans and TIMEX values. Ages count
/// (TIMEX2 annotates them as durations); anniversaries are not TIMEX2.
pub fn system(doc: &Doc) -> Vec<(Range<usize>, String)> {
    let prose = markup::extract(&doc.text, Format::Text);
    let tokens = tokenize::tokenize(&doc.text, &prose);
    time::extract(&doc.text, &tokens, Language::De, doc.dct, Anchoring::Text)
        .into_iter()
        .filter(|t| t.kind != TimexType::Anniversary)
        .map(|t| (t.span.clone(), t.timex()))
        .collect()
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Counts {
    pub gold: usize,
    pub system: usize,
    pub strict: usize,
    pub lenient: usize,
    /// Lenient matches with the right value.
    pub value: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.gold += o.gold;
        self.system += o.system;
        self.strict += o.strict;
        self.lenient += o.lenient;
        self.value += o.value;
    }
}

/// Precision, recall, F1.
pub fn prf(tp: usize, sys: usize, gold: usize) -> (f64, f64, f64) {
    let p = if sys == 0 {
        0.0
    } else {
        tp as f64 / sys as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        tp as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// One-to-one matching: each gold expression takes the first unused
/// system expression that overlaps it.
pub fn score(
    gold: &[Gold],
    sys: &[(Range<usize>, String)],
    mut errors: Option<&mut Vec<String>>,
    text: &str,
) -> Counts {
    let mut used = vec![false; sys.len()];
    let mut c = Counts {
        gold: gold.len(),
        system: sys.len(),
        ..Counts::default()
    };
    for g in gold {
        let hit = sys
            .iter()
            .enumerate()
            .find(|(i, s)| !used[*i] && overlaps(&s.0, &g.span));
        match hit {
            Some((i, s)) => {
                used[i] = true;
                c.lenient += 1;
                if s.0 == g.span {
                    c.strict += 1;
                } else if let Some(e) = errors.as_deref_mut() {
                    e.push(format!(
                        "SPAN  gold {:?} system {:?}",
                        &text[g.span.clone()],
                        &text[s.0.clone()]
                    ));
                }
                if s.1 == g.val {
                    c.value += 1;
                } else if let Some(e) = errors.as_deref_mut() {
                    e.push(format!(
                        "VALUE {:?} gold {} system {}",
                        &text[g.span.clone()],
                        g.val,
                        s.1
                    ));
                }
            }
            None => {
                if let Some(e) = errors.as_deref_mut() {
                    e.push(format!(
                        "MISS  {:?} ({}) …{}…",
                        &text[g.span.clone()],
                        g.val,
                        context(text, &g.span)
                    ));
                }
            }
        }
    }
    if let Some(e) = errors {
        for (i, s) in sys.iter().enumerate() {
            if !used[i] {
                e.push(format!(
                    "EXTRA {:?} ({}) …{}…",
                    &text[s.0.clone()],
                    s.1,
                    context(text, &s.0)
                ));
            }
        }
    }
    c
}

fn context(text: &str, span: &Range<usize>) -> String {
    let mut a = span.start.saturating_sub(40);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (span.end + 40).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    text[a..b].replace('\n', " ")
}

/// Runs the evaluation and prints the scores. Exit status: 0, 1 when a
/// score is below `min_f1`, 2 when the data is missing (0 with
/// `skip_missing`).
pub fn run(dir: Option<&Path>, min_f1: Option<f64>, skip_missing: bool, show_errors: bool) -> i32 {
    let dir = dir
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("../shared/data/wikiwarsde"));
    if !dir.is_dir() {
        eprintln!(
            "copydesk eval dates: WikiWarsDE not found at {} (pass its folder as DIR)",
            dir.display()
        );
        return if skip_missing { 0 } else { 2 };
    }
    let docs = match load(&dir) {
        Ok(d) if !d.is_empty() => d,
        Ok(_) => {
            eprintln!(
                "copydesk eval dates: no *.xml documents in {}",
                dir.display()
            );
            return if skip_missing { 0 } else { 2 };
        }
        Err(e) => {
            eprintln!("copydesk eval dates: {e}");
            return 2;
        }
    };
    let mut total = Counts::default();
    println!(
        "{:<28} {:>5} {:>5}  {:>6} {:>6} {:>6}",
        "document", "gold", "sys", "F1 len", "F1 str", "F1 val"
    );
    for d in &docs {
        let sys = system(d);
        let mut errs = Vec::new();
        let c = score(&d.gold, &sys, show_errors.then_some(&mut errs), &d.text);
        for e in &errs {
            println!("  {e}");
        }
        println!(
            "{:<28} {:>5} {:>5}  {:>6.3} {:>6.3} {:>6.3}",
            d.id,
            c.gold,
            c.system,
            prf(c.lenient, c.system, c.gold).2,
            prf(c.strict, c.system, c.gold).2,
            prf(c.value, c.system, c.gold).2
        );
        total.add(c);
    }
    let (lp, lr, lf) = prf(total.lenient, total.system, total.gold);
    let (sp, sr, sf) = prf(total.strict, total.system, total.gold);
    let (vp, vr, vf) = prf(total.value, total.system, total.gold);
    let acc = if total.lenient == 0 {
        0.0
    } else {
        total.value as f64 / total.lenient as f64
    };
    println!(
        "\nWikiWarsDE ({} documents, {} gold expressions, {} found)",
        docs.len(),
        total.gold,
        total.system
    );
    println!("extraction lenient  P {lp:.3}  R {lr:.3}  F1 {lf:.3}");
    println!("extraction strict   P {sp:.3}  R {sr:.3}  F1 {sf:.3}");
    println!(
        "value               P {vp:.3}  R {vr:.3}  F1 {vf:.3}  (accuracy on lenient matches {acc:.3})"
    );
    if let Some(min) = min_f1 {
        let worst = lf.min(sf).min(vf);
        if worst < min {
            eprintln!("copydesk eval dates: F1 {worst:.3} is below --min-f1 {min}");
            return 1;
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "<DOC>\n<DOCID>x</DOCID>\n<DATETIME> <TIMEX2 val=\"2011-02-16T17:00:00\">2011-02-16T17:00:00</TIMEX2> </DATETIME>\n<TEXT>\nIm <TIMEX2 val=\"1940-06\">Juni 1940</TIMEX2> fiel Paris. Am <TIMEX2 val=\"1940-06-22\">22. Juni</TIMEX2> unterzeichnete Frankreich &amp; mehr.\n</TEXT>\n</DOC>\n";

    #[test]
    fn inline_annotations_become_spans_over_the_plain_text() {
        let d = parse_inline(DOC, "x").unwrap();
        assert_eq!(d.dct, Some("2011-02-16".parse().unwrap()));
        assert_eq!(d.gold.len(), 2);
        assert_eq!(&d.text[d.gold[0].span.clone()], "Juni 1940");
        assert_eq!(d.gold[1].val, "1940-06-22");
        assert!(!d.text.contains("TIMEX2"));
    }

    #[test]
    fn scoring_counts_strict_lenient_and_value_matches() {
        let d = parse_inline(DOC, "x").unwrap();
        let sys = system(&d);
        let c = score(&d.gold, &sys, None, &d.text);
        assert_eq!(
            (c.gold, c.system, c.strict, c.lenient, c.value),
            (2, 2, 2, 2, 2)
        );
        let wrong = vec![(
            d.gold[0].span.start..d.gold[0].span.end - 5,
            "1941-06".to_string(),
        )];
        let c = score(&d.gold, &wrong, None, &d.text);
        assert_eq!((c.strict, c.lenient, c.value), (0, 1, 0));
        assert_eq!(prf(1, 2, 4), (0.5, 0.25, 1.0 / 3.0));
    }

    #[test]
    fn missing_data_is_reported_not_a_crash() {
        assert_eq!(
            run(
                Some(Path::new("/nonexistent/wikiwarsde")),
                None,
                true,
                false
            ),
            0
        );
        assert_eq!(
            run(
                Some(Path::new("/nonexistent/wikiwarsde")),
                None,
                false,
                false
            ),
            2
        );
    }
}
