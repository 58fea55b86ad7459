//! CoNLL-style scoring: exact-span chunk matches, precision, recall and
//! F1 overall and per type, on the four coarse types (GermEval's
//! deriv/part variants folded into their base type) and on the twelve
//! fine ones.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::data::LabelledSentence;
use super::labels::{Chunk, EntityKind, Label, chunks, to_bio_strings};
use super::model::{Model, TagScratch};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Count {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Count {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Count) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Scores of one evaluation.
#[derive(Clone, Debug, Default)]
pub struct Scores {
    pub sentences: usize,
    pub tokens: usize,
    /// Coarse: keyed by "PER", "ORG", "LOC", "OTH".
    pub coarse: BTreeMap<String, Count>,
    /// Fine: keyed by "PER", "PERderiv", "LOCpart", …
    pub fine: BTreeMap<String, Count>,
}

impl Scores {
    pub fn overall(&self) -> Count {
        let mut c = Count::default();
        for v in self.coarse.values() {
            c.add(*v);
        }
        c
    }

    pub fn overall_fine(&self) -> Count {
        let mut c = Count::default();
        for v in self.fine.values() {
            c.add(*v);
        }
        c
    }

    pub fn f1_of(&self, kind: EntityKind) -> f64 {
        self.coarse.get(kind.code()).map_or(0.0, Count::f1)
    }

    /// Adds one sentence's gold chunks and predicted labels.
    pub fn add(&mut self, gold: &[Chunk], pred: &[Label]) {
        self.sentences += 1;
        self.tokens += pred.len();
        let coarse = |c: &Chunk| (c.start, c.end, c.ty.kind.code().to_string());
        let fine = |c: &Chunk| (c.start, c.end, c.ty.to_string());
        let (g, p) = (gold, chunks(pred));
        tally(
            &mut self.coarse,
            g.iter().map(coarse).collect(),
            p.iter().map(coarse).collect(),
        );
        tally(
            &mut self.fine,
            g.iter().map(fine).collect(),
            p.iter().map(fine).collect(),
        );
    }

    pub fn report(&self) -> String {
        let mut s = String::new();
        let o = self.overall();
        let _ = writeln!(
            s,
            "{} sentences, {} tokens; outer chunks, exact span match",
            self.sentences, self.tokens
        );
        let _ = writeln!(
            s,
            "coarse types (deriv/part folded into PER, ORG, LOC, OTH):"
        );
        let _ = writeln!(
            s,
            "  {:<10} {:>9} {:>9} {:>9} {:>7} {:>7}",
            "type", "precision", "recall", "F1", "gold", "pred"
        );
        let line = |s: &mut String, name: &str, c: &Count| {
            let _ = writeln!(
                s,
                "  {:<10} {:>9.4} {:>9.4} {:>9.4} {:>7} {:>7}",
                name,
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp + c.fn_,
                c.tp + c.fp
            );
        };
        line(&mut s, "overall", &o);
        for k in EntityKind::ALL {
            line(
                &mut s,
                k.code(),
                &self.coarse.get(k.code()).copied().unwrap_or_default(),
            );
        }
        let _ = writeln!(s, "fine types (GermEval's 12 outer types):");
        line(&mut s, "overall", &self.overall_fine());
        for (k, c) in &self.fine {
            line(&mut s, k, c);
        }
        s
    }
}

fn tally(
    map: &mut BTreeMap<String, Count>,
    gold: Vec<(usize, usize, String)>,
    pred: Vec<(usize, usize, String)>,
) {
    use std::collections::HashSet;
    let gs: HashSet<&(usize, usize, String)> = gold.iter().collect();
    let ps: HashSet<&(usize, usize, String)> = pred.iter().collect();
    for g in &gold {
        let c = map.entry(g.2.clone()).or_default();
        if ps.contains(g) {
            c.tp += 1;
        } else {
            c.fn_ += 1;
        }
    }
    for p in &pred {
        if !gs.contains(p) {
            map.entry(p.2.clone()).or_default().fp += 1;
        }
    }
}

/// Tags every sentence with `model` and scores it against its gold
/// tags. With `predictions`, also writes `token TAB gold TAB predicted`
/// (BIO) per token, a blank line between sentences.
pub fn evaluate(
    model: &Model,
    data: &[LabelledSentence],
    mut predictions: Option<&mut String>,
) -> Scores {
    let mut scores = Scores::default();
    let mut scratch = TagScratch::default();
    let mut pred = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    for s in data {
        words.clear();
        words.extend(s.words.iter().map(String::as_str));
        model.tag(&words, &mut scratch, &mut pred, None);
        scores.add(&s.gold, &pred);
        if let Some(out) = predictions.as_deref_mut() {
            let n = s.words.len();
            let gold = to_bio_strings(&s.gold, n);
            let predicted = to_bio_strings(&chunks(&pred), n);
            for ((w, g), p) in s.words.iter().zip(&gold).zip(&predicted) {
                let _ = writeln!(out, "{w}\t{g}\t{p}");
            }
            out.push('\n');
        }
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seq(s: &str) -> Vec<Label> {
        s.split_whitespace()
            .map(|t| Label::parse(t).unwrap())
            .collect()
    }

    fn gold(s: &str) -> Vec<Chunk> {
        crate::ner::labels::chunks_of_tags(
            s.split_whitespace()
                .map(|t| crate::ner::labels::parse_tag(t).unwrap()),
        )
    }

    #[test]
    fn exact_spans_count_and_partial_spans_do_not() {
        let mut sc = Scores::default();
        // Gold: PER(0..2), LOC(3). Predicted: PER(0..1) (wrong span), LOC(3).
        sc.add(&gold("B-PER E-PER O S-LOC"), &seq("S-PER O O S-LOC"));
        let o = sc.overall();
        assert_eq!((o.tp, o.fp, o.fn_), (1, 1, 1));
        assert!((o.f1() - 0.5).abs() < 1e-9);
        assert_eq!(sc.f1_of(EntityKind::Location), 1.0);
        assert_eq!(sc.f1_of(EntityKind::Person), 0.0);
    }

    #[test]
    fn derived_forms_count_as_their_base_type_in_coarse_scores_only() {
        let mut sc = Scores::default();
        sc.add(&gold("S-LOCderiv O"), &seq("S-LOC O"));
        assert_eq!(sc.overall().tp, 1);
        assert_eq!(sc.overall_fine().tp, 0);
        assert!(sc.report().contains("LOCderiv"));
    }
}
