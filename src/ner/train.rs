//! Training: an averaged structured perceptron (Collins 2002) over the
//! hashed features, decoded with the same constrained Viterbi as tagging.
//!
//! Deterministic: the sentence order of every epoch comes from a fixed
//! seed, features are numbered in order of first occurrence, and nothing
//! depends on hash-map iteration order.

use super::data::LabelledSentence;
use super::decode::{self, DecodeScratch, Transitions};
use super::eval::{self, Scores};
use super::features::{Extractor, Features, Scratch, WordTable};
use super::hash::KeyMap;
use super::labels::{Label, N_LABELS, OUTSIDE};
use super::model::{Model, RawModel};
use super::wordtable;

const L: usize = N_LABELS;

#[derive(Clone, Debug)]
pub struct TrainOptions {
    pub epochs: usize,
    /// Features seen fewer times in the training data are dropped.
    pub min_count: u32,
    pub seed: u64,
    /// Averaged weights with a smaller magnitude are dropped from the
    /// shipped model (in units of one perceptron update).
    pub prune: f32,
    /// Probability of hiding a token's word-identity features for one
    /// update, so the model also learns to tag words it has not seen.
    pub word_dropout: f32,
    /// Learn "seen as a name of type T" word features from the training
    /// labels, computed for each fifth of the data from the other four
    /// fifths (jackknifing), so the model learns how far to trust them
    /// for words it meets in new text.
    pub seen_as: bool,
    /// Train this many perceptrons on different sentence orders and
    /// average their weights.
    pub bags: usize,
    /// Cost-augmented training: while learning, "O" on a token inside a
    /// gold name scores this much more, so the perceptron also updates
    /// when a name wins by less than that margin. Missing a name is
    /// costlier than a wrong type, and the tagger misses more names than
    /// it invents (dev recall 0.77, precision 0.82).
    pub miss_cost: f32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 10,
            min_count: 1,
            seed: 0x5eed_1e55_c0de_0001,
            prune: 0.5,
            word_dropout: 0.0,
            seen_as: true,
            bags: 10,
            miss_cost: 1.0,
        }
    }
}

/// The training data as feature indices.
struct Indexed {
    /// Per sentence: token starts into `feats` (n + 1), gold labels, and
    /// per token the number of leading word-identity features (those
    /// word dropout removes).
    sentences: Vec<(Vec<u32>, Vec<Label>, Vec<u8>)>,
    /// Flattened feature indices.
    feats: Vec<u32>,
}

struct Perceptron {
    w: Vec<f32>,
    u: Vec<f32>,
    t: Transitions,
    tu: Vec<f32>,
    c: f32,
}

/// Transition parameter `k` (see [`t_pair`]) inside a [`Transitions`].
fn t_mut(t: &mut Transitions, k: usize) -> &mut f32 {
    if k < L * L {
        &mut t.trans[k]
    } else if k < L * L + L {
        &mut t.start[k - L * L]
    } else {
        &mut t.end[k - L * L - L]
    }
}

/// Small deterministic PRNG (xorshift64*).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Index of the transition parameters: L×L pairs, then start, then end.
fn t_pair(a: Label, b: Label) -> usize {
    a.index() * L + b.index()
}
fn t_start(b: Label) -> usize {
    L * L + b.index()
}
fn t_end(a: Label) -> usize {
    L * L + L + a.index()
}

impl Perceptron {
    fn update(&mut self, feats: &[u32], ranges: &[(u32, u32)], gold: &[Label], pred: &[Label]) {
        let c = self.c;
        for i in 0..gold.len() {
            let (g, p) = (gold[i].index(), pred[i].index());
            if g != p {
                for &f in &feats[ranges[i].0 as usize..ranges[i].1 as usize] {
                    let row = f as usize * L;
                    self.w[row + g] += 1.0;
                    self.u[row + g] += c;
                    self.w[row + p] -= 1.0;
                    self.u[row + p] -= c;
                }
            }
        }
        let mut bump = |k: usize, d: f32| {
            *t_mut(&mut self.t, k) += d;
            self.tu[k] += c * d;
        };
        let n = gold.len();
        if gold[0] != pred[0] {
            bump(t_start(gold[0]), 1.0);
            bump(t_start(pred[0]), -1.0);
        }
        if gold[n - 1] != pred[n - 1] {
            bump(t_end(gold[n - 1]), 1.0);
            bump(t_end(pred[n - 1]), -1.0);
        }
        for i in 1..n {
            if (gold[i - 1], gold[i]) != (pred[i - 1], pred[i]) {
                bump(t_pair(gold[i - 1], gold[i]), 1.0);
                bump(t_pair(pred[i - 1], pred[i]), -1.0);
            }
        }
        self.t.refresh();
    }

    fn averaged_w(&self, f: usize, l: usize) -> f32 {
        let k = f * L + l;
        self.w[k] - self.u[k] / self.c
    }

    fn averaged_t(&self) -> Transitions {
        let mut t = self.t.clone();
        for (k, u) in self.tu.iter().enumerate() {
            *t_mut(&mut t, k) -= u / self.c;
        }
        t.refresh();
        t
    }
}

/// Per token, the range of its features that take part (all of them, or
/// all but the word-identity ones when the token's word is dropped).
fn ranges(starts: &[u32], lead: &[u8], drop: impl FnMut() -> bool, out: &mut Vec<(u32, u32)>) {
    let mut drop = drop;
    out.clear();
    for i in 0..starts.len().saturating_sub(1) {
        let skip = if drop() { lead[i] as u32 } else { 0 };
        out.push((starts[i] + skip, starts[i + 1]));
    }
}

fn emissions(w: &[f32], feats: &[u32], ranges: &[(u32, u32)], out: &mut Vec<f32>) {
    let n = ranges.len();
    out.clear();
    out.resize(n * L, 0.0);
    for i in 0..n {
        let acc = &mut out[i * L..(i + 1) * L];
        for &f in &feats[ranges[i].0 as usize..ranges[i].1 as usize] {
            let row = &w[f as usize * L..(f as usize + 1) * L];
            for (a, r) in acc.iter_mut().zip(row) {
                *a += r;
            }
        }
    }
}

/// Adds the training cost of missing a name to the emission scores.
fn add_costs(em: &mut [f32], gold: &[Label], miss_cost: f32) {
    if miss_cost == 0.0 {
        return;
    }
    for (i, g) in gold.iter().enumerate() {
        if !g.is_outside() {
            em[i * L + OUTSIDE.index()] += miss_cost;
        }
    }
}

/// Trains a model. `log` receives progress lines; `dev`, when given, is
/// scored after every epoch (for choosing the epoch count; the final
/// model is the one after the last epoch).
pub fn train(
    data: &[LabelledSentence],
    words: WordTable,
    opts: &TrainOptions,
    dev: Option<&[LabelledSentence]>,
    log: &mut dyn FnMut(&str),
) -> Model {
    let t0 = std::time::Instant::now();
    const FOLDS: usize = 5;
    let (words, tables): (WordTable, Vec<WordTable>) = if opts.seen_as {
        let tables = (0..FOLDS)
            .map(|f| {
                let rest: Vec<&LabelledSentence> = data
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i % FOLDS != f)
                    .map(|(_, s)| s)
                    .collect();
                wordtable::with_entity_bits(&words, &wordtable::entity_bits(&rest))
            })
            .collect();
        let all: Vec<&LabelledSentence> = data.iter().collect();
        (
            wordtable::with_entity_bits(&words, &wordtable::entity_bits(&all)),
            tables,
        )
    } else {
        let t = words.clone();
        (words, vec![t])
    };
    let (keys, idx) = index(data, &tables, opts.min_count);
    log(&format!(
        "{} sentences, {} features (min count {}), extracted in {:.1}s",
        idx.sentences.len(),
        keys.len(),
        opts.min_count,
        t0.elapsed().as_secs_f64()
    ));
    let nf = keys.len();
    let bags = opts.bags.max(1);
    // Sum of the averaged weights of the bags.
    let mut sum = Perceptron {
        w: vec![0.0; nf * L],
        u: vec![0.0; nf * L],
        t: Transitions::zero(),
        tu: vec![0.0; L * L + 2 * L],
        c: 1.0,
    };
    let mut em = Vec::new();
    let mut ds = DecodeScratch::default();
    let mut pred = Vec::new();
    let mut rg = Vec::new();
    let mut model = None;
    for bag in 0..bags {
        let mut p = Perceptron {
            w: vec![0.0; nf * L],
            u: vec![0.0; nf * L],
            t: Transitions::zero(),
            tu: vec![0.0; L * L + 2 * L],
            c: 1.0,
        };
        let mut order: Vec<usize> = (0..idx.sentences.len()).collect();
        let mut rng = Rng(opts.seed.wrapping_add(bag as u64 * 0x9e37_79b9) | 1);
        for epoch in 1..=opts.epochs {
            let te = std::time::Instant::now();
            for i in (1..order.len()).rev() {
                order.swap(i, rng.below(i + 1));
            }
            let mut wrong = 0usize;
            let mut tokens = 0usize;
            for &si in &order {
                let (starts, gold, lead) = &idx.sentences[si];
                if gold.is_empty() {
                    continue;
                }
                let threshold = (opts.word_dropout.clamp(0.0, 1.0) as f64 * u32::MAX as f64) as u64;
                ranges(starts, lead, || (rng.next() >> 32) < threshold, &mut rg);
                emissions(&p.w, &idx.feats, &rg, &mut em);
                add_costs(&mut em, gold, opts.miss_cost);
                decode::viterbi(&em, &p.t, &mut ds, &mut pred);
                tokens += gold.len();
                if pred != *gold {
                    wrong += gold.iter().zip(&pred).filter(|(a, b)| a != b).count();
                    p.update(&idx.feats, &rg, gold, &pred);
                }
                p.c += 1.0;
            }
            let mut line = format!(
                "{}epoch {epoch}: {:.2}% training tokens wrong, {:.1}s",
                if bags > 1 {
                    format!("bag {}/{bags}, ", bag + 1)
                } else {
                    String::new()
                },
                100.0 * wrong as f64 / tokens.max(1) as f64,
                te.elapsed().as_secs_f64()
            );
            // With bags, only the first bag is scored per epoch.
            if (dev.is_some() && bag == 0) || (epoch == opts.epochs && bags == 1) {
                let m = finish(&p, &keys, &words, opts, &idx);
                if let Some(dev) = dev {
                    let s: Scores = eval::evaluate(&m, dev, None);
                    let o = s.overall();
                    line += &format!(
                        "; dev F1 {:.4} (P {:.4} R {:.4}) PER {:.4} ORG {:.4} LOC {:.4} OTH {:.4}",
                        o.f1(),
                        o.precision(),
                        o.recall(),
                        s.f1_of(super::EntityKind::Person),
                        s.f1_of(super::EntityKind::Organization),
                        s.f1_of(super::EntityKind::Location),
                        s.f1_of(super::EntityKind::Other)
                    );
                }
                model = Some(m);
            }
            log(&line);
        }
        if bags == 1 {
            return model.unwrap_or_else(|| finish(&p, &keys, &words, opts, &idx));
        }
        let scale = 1.0 / bags as f32;
        for (k, s) in sum.w.iter_mut().enumerate() {
            *s += (p.w[k] - p.u[k] / p.c) * scale;
        }
        let t = p.averaged_t();
        for (k, s) in sum.t.trans.iter_mut().enumerate() {
            *s += t.trans[k] * scale;
        }
        for (k, s) in sum.t.start.iter_mut().enumerate() {
            *s += t.start[k] * scale;
        }
        for (k, s) in sum.t.end.iter_mut().enumerate() {
            *s += t.end[k] * scale;
        }
    }
    sum.t.refresh();
    let m = finish(&sum, &keys, &words, opts, &idx);
    if let Some(dev) = dev {
        let o = eval::evaluate(&m, dev, None).overall();
        log(&format!(
            "{bags} bags averaged: dev F1 {:.4} (P {:.4} R {:.4})",
            o.f1(),
            o.precision(),
            o.recall()
        ));
    }
    m
}

/// Averages, prunes and quantizes the current weights.
fn finish(
    p: &Perceptron,
    keys: &[u64],
    words: &WordTable,
    opts: &TrainOptions,
    idx: &Indexed,
) -> Model {
    let mut entries = Vec::new();
    for (f, &key) in keys.iter().enumerate() {
        for l in 0..L {
            let w = p.averaged_w(f, l);
            if w.abs() > opts.prune && w != 0.0 {
                entries.push((key, l as u8, w));
            }
        }
    }
    let t = p.averaged_t();
    let temperature = median_margin(p, idx, &t);
    Model::from_raw(RawModel {
        words: words.clone(),
        trans: t.trans,
        start: t.start,
        end: t.end,
        entries,
        temperature,
    })
}

/// The median decision margin of tokens tagged as entities in a sample
/// of the training data: the unit of the confidence scale.
fn median_margin(p: &Perceptron, idx: &Indexed, trans: &Transitions) -> f32 {
    let avg: Vec<f32> = (0..p.w.len()).map(|k| p.w[k] - p.u[k] / p.c).collect();
    let mut em = Vec::new();
    let mut ds = DecodeScratch::default();
    let mut pred = Vec::new();
    let mut m = Vec::new();
    let mut all = Vec::new();
    let mut rg = Vec::new();
    for (starts, gold, lead) in idx.sentences.iter().step_by(10) {
        if gold.is_empty() {
            continue;
        }
        ranges(starts, lead, || false, &mut rg);
        emissions(&avg, &idx.feats, &rg, &mut em);
        decode::viterbi(&em, trans, &mut ds, &mut pred);
        decode::margins(&em, trans, &mut ds, &pred, &mut m);
        all.extend(
            pred.iter()
                .zip(&m)
                .filter(|(l, x)| !l.is_outside() && x.is_finite())
                .map(|(_, x)| *x),
        );
    }
    if all.is_empty() {
        return 1.0;
    }
    all.sort_by(f32::total_cmp);
    all[all.len() / 2].max(1e-3)
}

/// Extracts and numbers the features of the training data; sentence `i`
/// is read with `tables[i % tables.len()]`.
fn index(data: &[LabelledSentence], tables: &[WordTable], min_count: u32) -> (Vec<u64>, Indexed) {
    let exs: Vec<Extractor> = tables.iter().map(Extractor::new).collect();
    let mut scratch = Scratch::default();
    let mut f = Features::default();
    let mut counts: KeyMap<u32> = KeyMap::default();
    let mut all: Vec<(Vec<u32>, Vec<u64>)> = Vec::with_capacity(data.len());
    let mut refs: Vec<&str> = Vec::new();
    for (i, s) in data.iter().enumerate() {
        refs.clear();
        refs.extend(s.words.iter().map(String::as_str));
        exs[i % exs.len()].extract(&refs, &mut scratch, &mut f);
        for &k in &f.keys {
            *counts.entry(k).or_default() += 1;
        }
        all.push((f.start.clone(), f.keys.clone()));
    }
    let mut ids: KeyMap<u32> = KeyMap::default();
    let mut keys = Vec::new();
    let mut feats = Vec::new();
    let mut sentences = Vec::with_capacity(data.len());
    let identity = Extractor::identity_positions();
    for ((starts, ks), s) in all.into_iter().zip(data) {
        let mut new_starts = Vec::with_capacity(starts.len());
        let mut lead = Vec::with_capacity(starts.len());
        for i in 0..starts.len().saturating_sub(1) {
            new_starts.push(feats.len() as u32);
            let token = &ks[starts[i] as usize..starts[i + 1] as usize];
            // Word-identity features first, the rest after.
            let mut n_lead = 0u8;
            for pass in [true, false] {
                for (j, &k) in token.iter().enumerate() {
                    if identity.contains(&j) != pass || counts[&k] < min_count {
                        continue;
                    }
                    let id = *ids.entry(k).or_insert_with(|| {
                        keys.push(k);
                        (keys.len() - 1) as u32
                    });
                    feats.push(id);
                    n_lead += pass as u8;
                }
            }
            lead.push(n_lead);
        }
        new_starts.push(feats.len() as u32);
        sentences.push((new_starts, s.labels.clone(), lead));
    }
    (keys, Indexed { sentences, feats })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::labels::chunks;

    fn sent(s: &str) -> LabelledSentence {
        let (words, tags) = s
            .split_whitespace()
            .map(|pair| {
                let (w, t) = pair.split_once('/').unwrap();
                (w.to_string(), crate::ner::labels::parse_tag(t).unwrap())
            })
            .unzip();
        LabelledSentence::from_tags(words, tags)
    }

    /// A toy corpus: names after "Herr" are people, words after "in" places.
    fn corpus() -> Vec<LabelledSentence> {
        let names = ["Albers", "Brinkmann", "Czerny", "Dahl", "Ebert", "Falk"];
        let towns = ["Aschach", "Bockum", "Celle", "Dörpen", "Eppstein", "Fulda"];
        let mut v = Vec::new();
        for (n, t) in names.iter().zip(towns) {
            v.push(sent(&format!(
                "Herr/O {n}/B-PER wohnt/O in/O {t}/B-LOC ./O"
            )));
            v.push(sent(&format!(
                "In/O {t}/B-LOC traf/O man/O Herrn/O {n}/B-PER ./O"
            )));
        }
        v
    }

    #[test]
    fn only_outside_inside_a_gold_name_costs_extra() {
        let gold = [OUTSIDE, Label(1)];
        let mut em = vec![0.0; 2 * L];
        add_costs(&mut em, &gold, 1.5);
        let raised: Vec<usize> = (0..2 * L).filter(|&k| em[k] != 0.0).collect();
        assert_eq!(raised, [L + OUTSIDE.index()]);
        assert_eq!(em[L + OUTSIDE.index()], 1.5);
    }

    #[test]
    fn training_is_deterministic_and_learns_the_toy_corpus() {
        let data = corpus();
        // Toy weights are small: no pruning.
        let opts = TrainOptions {
            epochs: 5,
            prune: 0.0,
            ..TrainOptions::default()
        };
        let a = train(&data, WordTable::default(), &opts, None, &mut |_| {});
        let b = train(&data, WordTable::default(), &opts, None, &mut |_| {});
        assert_eq!(a.to_bytes(), b.to_bytes());
        let s = eval::evaluate(&a, &data, None);
        assert!(s.overall().f1() > 0.9, "{}", s.report());
        // An unseen name in a seen context.
        let mut scratch = crate::ner::model::TagScratch::default();
        let mut labels = Vec::new();
        a.tag(
            &["Herr", "Gruber", "wohnt", "in", "Goslar", "."],
            &mut scratch,
            &mut labels,
            None,
        );
        let c = chunks(&labels);
        assert_eq!(c.len(), 2, "{labels:?}");
    }
}
