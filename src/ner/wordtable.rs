//! Building the model's word table from unlabelled data at training
//! time: frequency classes from the Google Books 1-gram list (which
//! spellings of a word are common, and in which case) and distributional
//! clusters learned from the training text. Both are stored in the model,
//! so tagging needs no list at run time.

use std::collections::HashMap;

use super::data::LabelledSentence;
use super::features::WordTable;
use super::hash::{self, KeyMap};
use super::labels::N_TYPES;
use super::text::norm_into;

/// Frequency class of a count: 1 for the rarest listed words, one class
/// per doubling, at most 15.
fn freq_class(freq: u64, min: u64) -> u8 {
    let ratio = (freq / min.max(1)).max(1);
    (1 + ratio.ilog2()).min(15) as u8
}

/// Reads `ngram,freq,cumshare,en` lines.
pub fn add_google_books(table: &mut WordTable, csv: &str) -> usize {
    let rows: Vec<(&str, u64)> = csv
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut it = l.split(',');
            let w = it.next()?;
            let f = it.next()?.trim().parse().ok()?;
            (!w.is_empty()).then_some((w, f))
        })
        .collect();
    let min = rows.iter().map(|r| r.1).min().unwrap_or(1);
    let mut buf = String::new();
    for (w, f) in &rows {
        norm_into(w, &mut buf);
        let e = table.map.entry(hash::str(&buf)).or_default();
        let c = freq_class(*f, min);
        if w.chars().next().is_some_and(char::is_uppercase) {
            e.cap_freq = e.cap_freq.max(c);
        } else {
            e.lower_freq = e.lower_freq.max(c);
        }
    }
    rows.len()
}

/// Brown-style word classes by the exchange algorithm (Kneser & Ney
/// 1993; Martin et al. 1998): words are moved between `k` classes to
/// maximise the likelihood of the class bigram model of `sentences`.
/// Words seen fewer than `min_count` times get no class. Deterministic.
pub fn add_clusters(
    table: &mut WordTable,
    sentences: &[Vec<String>],
    k: usize,
    min_count: u32,
    iterations: usize,
) -> usize {
    let (classes, v) = clusters(sentences, k, min_count, iterations);
    set_clusters(table, &classes, |e, c| e.cluster = c);
    v
}

/// Stores cluster ids (+ 1) in the field `set` chooses, in key order.
pub fn set_clusters(
    table: &mut WordTable,
    classes: &[(u64, u16)],
    set: impl Fn(&mut super::features::WordInfo, u16),
) {
    for &(h, c) in classes {
        set(table.map.entry(h).or_default(), c + 1);
    }
}

/// The word classes of [`add_clusters`] as (normal-form hash, class)
/// pairs sorted by hash, and the number of clustered words.
pub fn clusters(
    sentences: &[Vec<String>],
    k: usize,
    min_count: u32,
    iterations: usize,
) -> (Vec<(u64, u16)>, usize) {
    let mut buf = String::new();
    // Vocabulary in order of first occurrence.
    let mut ids: HashMap<u64, u32> = HashMap::new();
    let mut counts: Vec<u32> = Vec::new();
    let mut seqs: Vec<Vec<u32>> = Vec::with_capacity(sentences.len());
    for s in sentences {
        let mut seq = Vec::with_capacity(s.len());
        for w in s {
            norm_into(w, &mut buf);
            let h = hash::str(&buf);
            let id = *ids.entry(h).or_insert_with(|| {
                counts.push(0);
                (counts.len() - 1) as u32
            });
            counts[id as usize] += 1;
            seq.push(id);
        }
        seqs.push(seq);
    }
    // Rare words share one "rare" id so they still act as contexts.
    let mut frequent: Vec<u32> = (0..counts.len() as u32)
        .filter(|&i| counts[i as usize] >= min_count)
        .collect();
    frequent.sort_by(|a, b| counts[*b as usize].cmp(&counts[*a as usize]).then(a.cmp(b)));
    let v = frequent.len() + 2; // + rare + boundary
    let rare = (v - 2) as u32;
    let boundary = (v - 1) as u32;
    let mut remap = vec![rare; counts.len()];
    for (n, &i) in frequent.iter().enumerate() {
        remap[i as usize] = n as u32;
    }
    // Bigram lists: for each word, its right and left neighbours with counts.
    let mut right: Vec<HashMap<u32, u32>> = vec![HashMap::new(); v];
    let mut left: Vec<HashMap<u32, u32>> = vec![HashMap::new(); v];
    let mut word_count = vec![0u32; v];
    for seq in &seqs {
        let mut prev = boundary;
        word_count[boundary as usize] += 1;
        for &w in seq
            .iter()
            .map(|w| &remap[*w as usize])
            .chain(std::iter::once(&boundary))
        {
            *right[prev as usize].entry(w).or_default() += 1;
            *left[w as usize].entry(prev).or_default() += 1;
            if w != boundary {
                word_count[w as usize] += 1;
            }
            prev = w;
        }
    }
    let right: Vec<Vec<(u32, u32)>> = right.into_iter().map(sorted_pairs).collect();
    let left: Vec<Vec<(u32, u32)>> = left.into_iter().map(sorted_pairs).collect();
    // Initial classes: frequency rank modulo k (the rare and boundary
    // tokens keep their own fixed classes k and k+1).
    let kk = k + 2;
    let mut class: Vec<usize> = (0..v).map(|w| w % k).collect();
    class[rare as usize] = k;
    class[boundary as usize] = k + 1;
    let mut cc = vec![0f64; kk * kk]; // class bigram counts
    let mut cn = vec![0f64; kk]; // class unigram counts
    for w in 0..v {
        cn[class[w]] += word_count[w] as f64;
        for &(r, n) in &right[w] {
            cc[class[w] * kk + class[r as usize]] += n as f64;
        }
    }
    let xlogx = |x: f64| if x > 0.0 { x * x.ln() } else { 0.0 };
    let mut to_c = vec![0f64; kk];
    let mut from_c = vec![0f64; kk];
    let mut nz_to: Vec<usize> = Vec::new();
    let mut nz_from: Vec<usize> = Vec::new();
    for _ in 0..iterations {
        let mut moved = 0usize;
        for w in 0..v - 2 {
            let old = class[w];
            // Remove w from its class.
            to_c.fill(0.0);
            from_c.fill(0.0);
            let mut self_loop = 0f64;
            for &(r, n) in &right[w] {
                if r as usize == w {
                    self_loop += n as f64;
                } else {
                    to_c[class[r as usize]] += n as f64;
                }
            }
            for &(l, n) in &left[w] {
                if l as usize != w {
                    from_c[class[l as usize]] += n as f64;
                }
            }
            let nw = word_count[w] as f64;
            apply(
                &mut cc, &mut cn, kk, old, &to_c, &from_c, self_loop, nw, -1.0,
            );
            // Only the classes next to w change their terms.
            nz_to.clear();
            nz_to.extend((0..kk).filter(|&d| to_c[d] != 0.0));
            nz_from.clear();
            nz_from.extend((0..kk).filter(|&d| from_c[d] != 0.0));
            // Gain of putting w into class c (the terms of the log
            // likelihood Σ N(c,d) log N(c,d) − 2 Σ N(c) log N(c) that change).
            let mut best = old;
            let mut best_gain = f64::NEG_INFINITY;
            for c in 0..k {
                let mut g = 0.0;
                for &d in &nz_to {
                    if d != c {
                        g += xlogx(cc[c * kk + d] + to_c[d]) - xlogx(cc[c * kk + d]);
                    }
                }
                for &d in &nz_from {
                    if d != c {
                        g += xlogx(cc[d * kk + c] + from_c[d]) - xlogx(cc[d * kk + c]);
                    }
                }
                let diag = cc[c * kk + c];
                g += xlogx(diag + to_c[c] + from_c[c] + self_loop) - xlogx(diag);
                g -= 2.0 * (xlogx(cn[c] + nw) - xlogx(cn[c]));
                if g > best_gain + 1e-9 {
                    best_gain = g;
                    best = c;
                }
            }
            apply(
                &mut cc, &mut cn, kk, best, &to_c, &from_c, self_loop, nw, 1.0,
            );
            if best != old {
                moved += 1;
                class[w] = best;
            }
        }
        if moved == 0 {
            break;
        }
    }
    let mut out: Vec<(u64, u16)> = ids
        .iter()
        .filter_map(|(h, &i)| {
            let w = remap[i as usize];
            (w != rare).then(|| (*h, class[w as usize] as u16))
        })
        .collect();
    out.sort_unstable();
    (out, v - 2)
}

fn sorted_pairs(m: HashMap<u32, u32>) -> Vec<(u32, u32)> {
    let mut v: Vec<(u32, u32)> = m.into_iter().collect();
    v.sort_unstable();
    v
}

/// Adds (sign = 1) or removes (sign = -1) a word with the given
/// neighbour-class counts to class `c`.
#[allow(clippy::too_many_arguments)]
fn apply(
    cc: &mut [f64],
    cn: &mut [f64],
    kk: usize,
    c: usize,
    to_c: &[f64],
    from_c: &[f64],
    self_loop: f64,
    nw: f64,
    sign: f64,
) {
    for d in 0..kk {
        cc[c * kk + d] += sign * to_c[d];
        cc[d * kk + c] += sign * from_c[d];
    }
    cc[c * kk + c] += sign * self_loop;
    cn[c] += sign * nw;
}

/// Entity bits ([`WordInfo::ent`]) from labelled sentences: for every
/// word, in what share of its occurrences it was part of a name of each
/// type.
pub fn entity_bits(sentences: &[&LabelledSentence]) -> KeyMap<u32> {
    let mut buf = String::new();
    let mut all: KeyMap<u32> = KeyMap::default();
    let mut by_type: KeyMap<[u32; N_TYPES]> = KeyMap::default();
    for s in sentences {
        let hashes: Vec<u64> = s
            .words
            .iter()
            .map(|w| {
                norm_into(w, &mut buf);
                hash::str(&buf)
            })
            .collect();
        for h in &hashes {
            *all.entry(*h).or_default() += 1;
        }
        for c in &s.gold {
            for h in &hashes[c.start..c.end.min(hashes.len())] {
                by_type.entry(*h).or_default()[c.ty.index()] += 1;
            }
        }
    }
    let mut out = KeyMap::default();
    for (h, counts) in by_type {
        let n = all.get(&h).copied().unwrap_or(1).max(1) as f32;
        let mut bits = 0u32;
        for (t, &c) in counts.iter().enumerate() {
            if c > 0 {
                let r = c as f32 / n;
                let b = if r >= 0.9 {
                    3
                } else if r >= 0.5 {
                    2
                } else {
                    1
                };
                bits |= b << (2 * t);
            }
        }
        out.insert(h, bits);
    }
    out
}

/// `base` with its entity bits replaced by `ent`.
pub fn with_entity_bits(base: &WordTable, ent: &KeyMap<u32>) -> WordTable {
    let mut t = base.clone();
    for v in t.map.values_mut() {
        v.ent = 0;
    }
    for (h, &bits) in ent {
        t.map.entry(*h).or_default().ent = bits;
    }
    t
}

/// A word table with no entries (tests, or training without word lists).
pub fn empty() -> WordTable {
    WordTable::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn google_books_rows_give_case_specific_classes() {
        let mut t = WordTable::default();
        let n = add_google_books(
            &mut t,
            "ngram,freq,cumshare,en\ndie,1000,0.1,the\nBerlin,100,0.2,Berlin\nberlin,10,0.3,x\n",
        );
        assert_eq!(n, 3);
        let info = t.get(hash::str("berlin"));
        assert!(
            info.cap_freq > info.lower_freq && info.lower_freq > 0,
            "{info:?}"
        );
        assert!(t.get(hash::str("die")).lower_freq > info.cap_freq);
    }

    #[test]
    fn words_in_the_same_contexts_share_a_cluster() {
        let mut sents = Vec::new();
        for (a, b) in [
            ("Montag", "Dienstag"),
            ("Dienstag", "Freitag"),
            ("Freitag", "Montag"),
        ] {
            for _ in 0..5 {
                sents.push(vec!["am".into(), a.into(), "kam".into(), "er".into()]);
                sents.push(vec!["am".into(), b.into(), "ging".into(), "sie".into()]);
                sents.push(vec!["der".into(), "Hund".into(), "bellt".into()]);
                sents.push(vec!["die".into(), "Katze".into(), "bellt".into()]);
            }
        }
        let mut t = WordTable::default();
        add_clusters(&mut t, &sents, 4, 2, 10);
        let c = |w: &str| t.get(hash::str(&w.to_lowercase())).cluster;
        assert_ne!(c("montag"), 0);
        assert_eq!(c("montag"), c("dienstag"));
        assert_eq!(c("montag"), c("freitag"));
        assert_ne!(c("montag"), c("hund"));
    }
}
