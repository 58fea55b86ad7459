//! Viterbi decoding under the BIOES constraints, and max-marginals for a
//! confidence per token.
//!
//! Time is linear in the sentence length: per token, every label looks
//! only at the predecessors the constraints allow (25 after a closed
//! chunk, 2 inside one).

use super::labels::{Label, N_LABELS};

const L: usize = N_LABELS;

/// Transition scores and the allowed-predecessor lists.
#[derive(Clone, Debug)]
pub struct Transitions {
    /// `trans[prev * L + next]`.
    pub trans: Vec<f32>,
    pub start: Vec<f32>,
    pub end: Vec<f32>,
    prevs: Vec<Vec<u8>>,
    /// `cols[next][k] = trans[prevs[next][k] * L + next]`: the scores
    /// the inner loop needs, contiguous.
    cols: Vec<Vec<f32>>,
}

impl Transitions {
    pub fn new(trans: Vec<f32>, start: Vec<f32>, end: Vec<f32>) -> Self {
        assert_eq!(trans.len(), L * L);
        let prevs: Vec<Vec<u8>> = (0..L)
            .map(|next| {
                (0..L)
                    .filter(|&p| Label(p as u8).allows(Label(next as u8)))
                    .map(|p| p as u8)
                    .collect()
            })
            .collect();
        let mut t = Transitions {
            trans,
            start,
            end,
            prevs,
            cols: Vec::new(),
        };
        t.refresh();
        t
    }

    /// Recomputes the contiguous columns after `trans` changed.
    pub fn refresh(&mut self) {
        if self.cols.len() != L {
            self.cols = self.prevs.iter().map(|p| vec![0.0; p.len()]).collect();
        }
        for (y, (prevs, col)) in self.prevs.iter().zip(&mut self.cols).enumerate() {
            for (&p, c) in prevs.iter().zip(col.iter_mut()) {
                *c = self.trans[p as usize * L + y];
            }
        }
    }

    pub fn zero() -> Self {
        Transitions::new(vec![0.0; L * L], vec![0.0; L], vec![0.0; L])
    }
}

/// Reused buffers for decoding.
#[derive(Default)]
pub struct DecodeScratch {
    alpha: Vec<f32>,
    back: Vec<u8>,
    beta: Vec<f32>,
}

const NEG: f32 = f32::NEG_INFINITY;

/// Best label sequence for `emissions` (`n × L`, row-major). Writes `n`
/// labels into `out` and returns the best score.
pub fn viterbi(
    emissions: &[f32],
    t: &Transitions,
    s: &mut DecodeScratch,
    out: &mut Vec<Label>,
) -> f32 {
    out.clear();
    let n = emissions.len() / L;
    if n == 0 {
        return 0.0;
    }
    forward(emissions, t, s, n);
    let last = &s.alpha[(n - 1) * L..n * L];
    let mut best = NEG;
    let mut arg = 0usize;
    for (y, (a, e)) in last.iter().zip(&t.end).enumerate() {
        let v = a + e;
        if Label(y as u8).closes() && v > best {
            best = v;
            arg = y;
        }
    }
    out.resize(n, Label(0));
    out[n - 1] = Label(arg as u8);
    for i in (1..n).rev() {
        arg = s.back[i * L + arg] as usize;
        out[i - 1] = Label(arg as u8);
    }
    best
}

fn forward(emissions: &[f32], t: &Transitions, s: &mut DecodeScratch, n: usize) {
    s.alpha.clear();
    s.alpha.resize(n * L, NEG);
    s.back.clear();
    s.back.resize(n * L, 0);
    for (y, (a, (st, em))) in s
        .alpha
        .iter_mut()
        .zip(t.start.iter().zip(emissions))
        .take(L)
        .enumerate()
    {
        if Label(y as u8).opens() {
            *a = st + em;
        }
    }
    for i in 1..n {
        let (done, rest) = s.alpha.split_at_mut(i * L);
        let prev = &done[(i - 1) * L..];
        let cur = &mut rest[..L];
        let em = &emissions[i * L..(i + 1) * L];
        for y in 0..L {
            let mut best = NEG;
            let mut arg = 0u8;
            for (&p, &tr) in t.prevs[y].iter().zip(&t.cols[y]) {
                let v = prev[p as usize] + tr;
                if v > best {
                    best = v;
                    arg = p;
                }
            }
            cur[y] = best + em[y];
            s.back[i * L + y] = arg;
        }
    }
}

/// For each token, how much better the best sequence scores than the
/// best sequence that gives the token any other label (≥ 0). Call after
/// [`viterbi`] with the same emissions and its output.
pub fn margins(
    emissions: &[f32],
    t: &Transitions,
    s: &mut DecodeScratch,
    best: &[Label],
    out: &mut Vec<f32>,
) {
    out.clear();
    let n = best.len();
    if n == 0 || emissions.len() != n * L || s.alpha.len() != n * L {
        return;
    }
    // beta[i][y]: best score of tokens after i given label y at i.
    s.beta.clear();
    s.beta.resize(n * L, NEG);
    for y in 0..L {
        if Label(y as u8).closes() {
            s.beta[(n - 1) * L + y] = t.end[y];
        }
    }
    for i in (0..n - 1).rev() {
        let (head, tail) = s.beta.split_at_mut((i + 1) * L);
        let next = &tail[..L];
        let cur = &mut head[i * L..];
        let em = &emissions[(i + 1) * L..(i + 2) * L];
        for z in 0..L {
            let after = next[z] + em[z];
            if after == NEG {
                continue;
            }
            for (&p, &tr) in t.prevs[z].iter().zip(&t.cols[z]) {
                let v = tr + after;
                if v > cur[p as usize] {
                    cur[p as usize] = v;
                }
            }
        }
    }
    for (i, b) in best.iter().enumerate() {
        let mut top = NEG;
        let mut alt = NEG;
        for y in 0..L {
            let v = s.alpha[i * L + y] + s.beta[i * L + y];
            if y == b.index() {
                top = v;
            } else if v > alt {
                alt = v;
            }
        }
        out.push(if alt == NEG {
            f32::INFINITY
        } else {
            (top - alt).max(0.0)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::labels::chunks;

    fn lab(s: &str) -> usize {
        Label::parse(s).unwrap().index()
    }

    #[test]
    fn decoding_respects_bioes_even_against_emissions() {
        // Emissions favour the ill-formed "I-PER O".
        let mut em = vec![0.0; 2 * L];
        em[lab("I-PER")] = 5.0;
        em[L + lab("O")] = 1.0;
        let t = Transitions::zero();
        let mut s = DecodeScratch::default();
        let mut out = Vec::new();
        viterbi(&em, &t, &mut s, &mut out);
        assert_eq!(out.len(), 2);
        assert!(out[0].opens() && out[1].closes());
        for w in out.windows(2) {
            assert!(w[0].allows(w[1]), "{} {}", w[0], w[1]);
        }
    }

    #[test]
    fn clear_emissions_give_their_chunks_and_positive_margins() {
        let mut em = vec![0.0; 3 * L];
        em[lab("B-PER")] = 3.0;
        em[L + lab("E-PER")] = 3.0;
        em[2 * L + lab("O")] = 3.0;
        let t = Transitions::zero();
        let mut s = DecodeScratch::default();
        let mut out = Vec::new();
        let best = viterbi(&em, &t, &mut s, &mut out);
        assert_eq!(best, 9.0);
        assert_eq!(chunks(&out).len(), 1);
        let mut m = Vec::new();
        margins(&em, &t, &mut s, &out, &mut m);
        assert_eq!(m.len(), 3);
        assert!(m.iter().all(|&x| x > 0.0), "{m:?}");
    }

    #[test]
    fn empty_input_decodes_to_nothing() {
        let mut out = vec![Label(3)];
        viterbi(
            &[],
            &Transitions::zero(),
            &mut DecodeScratch::default(),
            &mut out,
        );
        assert!(out.is_empty());
    }
}
