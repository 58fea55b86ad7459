//! The compact model: quantized feature weights in an open-addressing
//! table, transition scores and the learned word table; its binary format
//! and the tagging of one sentence.
//!
//! Format (little endian): magic `CDNER\0\x01\0`; `u32` label count;
//! `f32` scale (weights are `round(w * scale)` as `i16`); `f32`
//! confidence temperature; word table (`u32` n, then n × (`u64` key, `u8`
//! lower_freq, `u8` cap_freq, `u16` cluster, `u32` entity bits)); `i32` transitions (L×L),
//! start (L), end (L); `u32` slot count (a power of two); slot keys
//! (`u32` each, 0 = empty); row starts (`u32`, slots + 1); `u32` entry
//! count; entry labels (`u8`); entry weights (`i16`).

use std::sync::OnceLock;

use super::decode::{self, DecodeScratch, Transitions};
use super::features::{Extractor, Features, Scratch, WordInfo, WordTable};
use super::labels::{Label, N_LABELS};

const MAGIC: &[u8; 8] = b"CDNER\0\x01\0";
const L: usize = N_LABELS;

/// The model shipped in the binary (empty until `copydesk train ner` has
/// written one).
static EMBEDDED: &[u8] = include_bytes!("../../models/ner-de.bin");

pub struct Model {
    pub words: WordTable,
    pub scale: f32,
    pub temperature: f32,
    trans: Transitions,
    mask: u32,
    /// Per slot: key fingerprint (0 = empty) and the start of its row in
    /// `entries`; one sentinel slot at the end holds the total. Key and
    /// start share a cache line, so a lookup touches two lines at most.
    slots: Vec<[u32; 2]>,
    /// Row entries packed as `label | weight << 16`.
    entries: Vec<u32>,
}

#[inline]
fn pack(label: u8, weight: i16) -> u32 {
    label as u32 | ((weight as u16 as u32) << 16)
}

#[inline]
fn unpack(e: u32) -> (usize, i32) {
    ((e & 0xff) as usize, (e as i32) >> 16)
}

fn interleave(keys: &[u32], starts: &[u32]) -> Vec<[u32; 2]> {
    keys.iter()
        .copied()
        .chain(std::iter::once(0))
        .zip(starts.iter().copied())
        .map(|(k, s)| [k, s])
        .collect()
}

/// Weights as the trainer hands them over: one entry per (feature,
/// label) with a non-zero weight.
pub struct RawModel {
    pub words: WordTable,
    pub trans: Vec<f32>,
    pub start: Vec<f32>,
    pub end: Vec<f32>,
    /// (feature key, label, weight), any order.
    pub entries: Vec<(u64, u8, f32)>,
    pub temperature: f32,
}

#[inline]
fn slot_of(key: u64, mask: u32) -> usize {
    (key as u32 & mask) as usize
}

#[inline]
fn fingerprint(key: u64) -> u32 {
    ((key >> 32) as u32) | 1
}

impl Model {
    /// The embedded model, loaded once on first use. `None` when the
    /// binary was built without a trained model.
    pub fn embedded() -> Option<&'static Model> {
        static M: OnceLock<Option<Model>> = OnceLock::new();
        M.get_or_init(|| match Model::from_bytes(EMBEDDED) {
            Ok(m) => Some(m),
            Err(e) => {
                if !EMBEDDED.is_empty() {
                    tracing::warn!("embedded NER model unusable: {e}");
                }
                None
            }
        })
        .as_ref()
    }

    /// The model file compiled into the binary.
    pub fn embedded_bytes() -> &'static [u8] {
        EMBEDDED
    }

    /// Heap memory the loaded model holds (tables and word table).
    pub fn heap_bytes(&self) -> usize {
        self.slots.len() * 8
            + self.entries.len() * 4
            + self.words.map.capacity() * (8 + std::mem::size_of::<WordInfo>() + 1)
            + self.trans.trans.len() * 4
    }

    pub fn n_features(&self) -> usize {
        self.slots.iter().filter(|s| s[0] != 0).count()
    }

    /// Quantizes and packs trained weights.
    pub fn from_raw(raw: RawModel) -> Model {
        let max = raw
            .entries
            .iter()
            .map(|e| e.2.abs())
            .fold(0.0f32, f32::max)
            .max(1e-6);
        let scale = 32000.0 / max;
        let mut entries: Vec<(u64, u8, i16)> = raw
            .entries
            .iter()
            .map(|&(k, l, w)| (k, l, (w * scale).round() as i16))
            .filter(|e| e.2 != 0)
            .collect();
        entries.sort_unstable();
        let mut feats: Vec<(u64, usize, usize)> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            match feats.last_mut() {
                Some(f) if f.0 == e.0 => f.2 = i + 1,
                _ => feats.push((e.0, i, i + 1)),
            }
        }
        // Load factor ≤ 0.5 keeps probe chains short.
        let slots = (feats.len() * 2).next_power_of_two().max(16);
        let mask = (slots - 1) as u32;
        let mut slot_feat: Vec<Option<usize>> = vec![None; slots];
        let mut keys = vec![0u32; slots];
        for (fi, f) in feats.iter().enumerate() {
            let mut s = slot_of(f.0, mask);
            while slot_feat[s].is_some() {
                s = (s + 1) & mask as usize;
            }
            slot_feat[s] = Some(fi);
            keys[s] = fingerprint(f.0);
        }
        let mut starts = Vec::with_capacity(slots + 1);
        let mut labels = Vec::with_capacity(entries.len());
        let mut weights = Vec::with_capacity(entries.len());
        for sf in &slot_feat {
            starts.push(labels.len() as u32);
            if let Some(fi) = sf {
                let (_, a, b) = feats[*fi];
                for e in &entries[a..b] {
                    labels.push(e.1);
                    weights.push(e.2);
                }
            }
        }
        starts.push(labels.len() as u32);
        let q = |v: &Vec<f32>| -> Vec<f32> { v.iter().map(|x| (x * scale).round()).collect() };
        Model {
            words: raw.words,
            scale,
            temperature: raw.temperature * scale,
            trans: Transitions::new(q(&raw.trans), q(&raw.start), q(&raw.end)),
            mask,
            slots: interleave(&keys, &starts),
            entries: labels
                .iter()
                .zip(&weights)
                .map(|(&l, &w)| pack(l, w))
                .collect(),
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&(L as u32).to_le_bytes());
        b.extend_from_slice(&self.scale.to_le_bytes());
        b.extend_from_slice(&self.temperature.to_le_bytes());
        let mut words: Vec<(&u64, &WordInfo)> = self.words.map.iter().collect();
        words.sort_unstable_by_key(|w| *w.0);
        b.extend_from_slice(&(words.len() as u32).to_le_bytes());
        for (k, w) in words {
            b.extend_from_slice(&k.to_le_bytes());
            b.push(w.lower_freq);
            b.push(w.cap_freq);
            b.extend_from_slice(&w.cluster.to_le_bytes());
            b.extend_from_slice(&w.ent.to_le_bytes());
        }
        for v in self
            .trans
            .trans
            .iter()
            .chain(&self.trans.start)
            .chain(&self.trans.end)
        {
            b.extend_from_slice(&(*v as i32).to_le_bytes());
        }
        b.extend_from_slice(&(self.slots.len() as u32 - 1).to_le_bytes());
        for s in &self.slots[..self.slots.len() - 1] {
            b.extend_from_slice(&s[0].to_le_bytes());
        }
        for s in &self.slots {
            b.extend_from_slice(&s[1].to_le_bytes());
        }
        b.extend_from_slice(&(self.entries.len() as u32).to_le_bytes());
        b.extend(self.entries.iter().map(|&e| unpack(e).0 as u8));
        for &e in &self.entries {
            b.extend_from_slice(&(unpack(e).1 as i16).to_le_bytes());
        }
        b
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let mut r = Reader { b: bytes, at: 0 };
        if r.take(8)? != MAGIC {
            return Err("not a copydesk NER model (bad magic)".into());
        }
        let nl = r.u32()? as usize;
        if nl != L {
            return Err(format!("model has {nl} labels, this build expects {L}"));
        }
        let scale = r.f32()?;
        let temperature = r.f32()?;
        let nw = r.u32()? as usize;
        let mut map = super::hash::KeyMap::with_capacity_and_hasher(nw, Default::default());
        for _ in 0..nw {
            let k = r.u64()?;
            let rec = r.take(8)?;
            map.insert(
                k,
                WordInfo {
                    lower_freq: rec[0],
                    cap_freq: rec[1],
                    cluster: u16::from_le_bytes([rec[2], rec[3]]),
                    ent: u32::from_le_bytes([rec[4], rec[5], rec[6], rec[7]]),
                },
            );
        }
        let mut ints = |n: usize| -> Result<Vec<f32>, String> {
            (0..n).map(|_| r.u32().map(|v| v as i32 as f32)).collect()
        };
        let trans = ints(L * L)?;
        let start = ints(L)?;
        let end = ints(L)?;
        let slots = r.u32()? as usize;
        if !slots.is_power_of_two() {
            return Err("slot count is not a power of two".into());
        }
        let keys = r.u32s(slots)?;
        let starts = r.u32s(slots + 1)?;
        let ne = r.u32()? as usize;
        let labels = r.take(ne)?.to_vec();
        let weights: Vec<i16> = r
            .take(ne * 2)?
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect();
        if r.at != bytes.len() {
            return Err("trailing bytes after the model".into());
        }
        let ok_rows = starts.windows(2).all(|w| w[0] <= w[1])
            && starts.last().is_some_and(|&s| s as usize == ne);
        if !ok_rows || labels.iter().any(|&l| l as usize >= L) {
            return Err("corrupt feature table".into());
        }
        Ok(Model {
            words: WordTable { map },
            scale,
            temperature,
            trans: Transitions::new(trans, start, end),
            mask: (slots - 1) as u32,
            slots: interleave(&keys, &starts),
            entries: labels
                .iter()
                .zip(&weights)
                .map(|(&l, &w)| pack(l, w))
                .collect(),
        })
    }

    /// The range in `entries` of `key`'s row (empty when the model does
    /// not know the feature).
    #[inline]
    fn row(&self, key: u64) -> [u32; 2] {
        let fp = fingerprint(key);
        let mut s = slot_of(key, self.mask);
        loop {
            let [k, a] = self.slots[s];
            if k == 0 {
                return [0, 0];
            }
            if k == fp {
                return [a, self.slots[s + 1][1]];
            }
            s = (s + 1) & self.mask as usize;
        }
    }

    /// Emission scores (`n × L`) of a sentence's features.
    ///
    /// Nearly all the time of tagging is spent waiting for memory: each
    /// feature costs one random read in `slots` and one in `entries`, and
    /// the second depends on the first. So the work is pipelined over
    /// tokens: while token `i` is summed, the rows of token `i + 1` are
    /// found (their slots were requested one step earlier) and their
    /// entries requested, and the slots of token `i + 2` are requested.
    pub fn emissions(&self, f: &Features, rows: &mut Vec<[u32; 2]>, out: &mut Vec<f32>) {
        let n = f.len();
        rows.clear();
        rows.reserve(f.keys.len());
        out.clear();
        out.reserve(n * L);
        let prefetch_slots = |i: usize| {
            if i < n {
                for &key in f.token(i) {
                    prefetch(self.slots.as_ptr().wrapping_add(slot_of(key, self.mask)));
                }
            }
        };
        let resolve = |i: usize, rows: &mut Vec<[u32; 2]>| {
            if i < n {
                for &key in f.token(i) {
                    let r = self.row(key);
                    prefetch(self.entries.as_ptr().wrapping_add(r[0] as usize));
                    rows.push(r);
                }
            }
        };
        prefetch_slots(0);
        prefetch_slots(1);
        resolve(0, rows);
        let mut acc = [0i32; L];
        for i in 0..n {
            prefetch_slots(i + 2);
            resolve(i + 1, rows);
            acc.fill(0);
            for &[a, b] in &rows[f.start[i] as usize..f.start[i + 1] as usize] {
                for &e in &self.entries[a as usize..b as usize] {
                    let (l, w) = unpack(e);
                    acc[l] += w;
                }
            }
            out.extend(acc.iter().map(|&v| v as f32));
        }
    }

    pub fn transitions(&self) -> &Transitions {
        &self.trans
    }

    /// Tags one sentence. `confidence`, when given, receives a value in
    /// [0.5, 1) per token: how clearly the chosen label beat the best
    /// alternative. A sentence tagged all `O` has no mention to score, so
    /// its confidences are not computed and `confidence` is left empty.
    pub fn tag(
        &self,
        words: &[&str],
        s: &mut TagScratch,
        labels: &mut Vec<Label>,
        confidence: Option<&mut Vec<f32>>,
    ) {
        let ex = Extractor::new(&self.words);
        ex.extract(words, &mut s.feat, &mut s.features);
        self.emissions(&s.features, &mut s.rows, &mut s.emissions);
        decode::viterbi(&s.emissions, &self.trans, &mut s.decode, labels);
        if let Some(conf) = confidence {
            conf.clear();
            if labels.iter().all(|l| l.is_outside()) {
                return;
            }
            decode::margins(
                &s.emissions,
                &self.trans,
                &mut s.decode,
                labels,
                &mut s.margins,
            );
            let t = self.temperature.max(1.0);
            conf.extend(s.margins.iter().map(|m| 1.0 - 0.5 * (-m / t).exp()));
        }
    }
}

/// Reused buffers for [`Model::tag`]; keep one per thread.
#[derive(Default)]
pub struct TagScratch {
    feat: Scratch,
    features: Features,
    rows: Vec<[u32; 2]>,
    emissions: Vec<f32>,
    decode: DecodeScratch,
    margins: Vec<f32>,
}

/// Asks the CPU to start loading the cache line at `p`, so that the
/// lookups of one token overlap the memory latency of the next.
#[inline]
fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint; it never faults or reads into the
    // program, whatever the address.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p as *const i8)
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.b.len())
            .ok_or("model file is truncated")?;
        let s = &self.b[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, String> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn f32(&mut self) -> Result<f32, String> {
        self.u32().map(f32::from_bits)
    }
    fn u64(&mut self) -> Result<u64, String> {
        let s = self.take(8)?;
        Ok(u64::from_le_bytes([
            s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7],
        ]))
    }
    fn u32s(&mut self, n: usize) -> Result<Vec<u32>, String> {
        Ok(self
            .take(n.checked_mul(4).ok_or("model file is corrupt")?)?
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::features::Extractor;

    /// A tiny model that knows one feature: the word "Berlin" is S-LOC.
    fn tiny() -> Model {
        let words = WordTable::default();
        let ex = Extractor::new(&words);
        let mut s = Scratch::default();
        let mut f = Features::default();
        ex.extract(&["Berlin"], &mut s, &mut f);
        let key = f.token(0)[1]; // the exact-word feature
        let loc = Label::parse("S-LOC").unwrap().0;
        Model::from_raw(RawModel {
            words,
            trans: vec![0.0; L * L],
            start: vec![0.0; L],
            end: vec![0.0; L],
            entries: vec![(key, loc, 2.0), (key, 0, -1.0)],
            temperature: 1.0,
        })
    }

    #[test]
    fn model_round_trips_through_bytes_and_tags() {
        let m = tiny();
        let bytes = m.to_bytes();
        let m2 = Model::from_bytes(&bytes).unwrap();
        let mut s = TagScratch::default();
        let mut labels = Vec::new();
        let mut conf = Vec::new();
        m2.tag(
            &["Berlin", "ist", "groß"],
            &mut s,
            &mut labels,
            Some(&mut conf),
        );
        assert_eq!(labels[0], Label::parse("S-LOC").unwrap());
        assert!(labels[1].is_outside() && labels[2].is_outside());
        assert!(conf[0] > 0.5 && conf[0] < 1.0, "{conf:?}");
    }

    #[test]
    fn truncated_or_foreign_bytes_are_rejected_without_panic() {
        let bytes = tiny().to_bytes();
        for cut in [0, 4, 8, 20, bytes.len() / 2, bytes.len() - 1] {
            assert!(Model::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        assert!(Model::from_bytes(b"hello world, not a model").is_err());
    }
}
