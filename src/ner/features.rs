//! Feature extraction: for every token of a sentence, a list of 64-bit
//! feature keys (template id hashed with the values it looks at).
//!
//! Two passes: the first computes each token's own properties once
//! (normal form, shapes, affixes, list memberships); the second combines
//! them over a ±2 window. Nothing is allocated per token: the strings go
//! through reused buffers and the features are hashes.

use super::brown;
use super::gazetteer::{Gazetteer, bit};
use super::hash::{self, KeyMap, feat1, feat2, feat3};
use super::text::{norm_into, shapes};
use crate::lexicon::is_closed_class_de_for_ner;

/// What the model learned about words from unlabelled text (frequency
/// classes from Google Books 1-grams, clusters from the training text),
/// keyed by the hash of the normal form.
#[derive(Clone, Debug, Default)]
pub struct WordTable {
    pub map: KeyMap<WordInfo>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordInfo {
    /// Frequency class of the lower-case spelling (0 = not listed).
    pub lower_freq: u8,
    /// Frequency class of the capitalised spelling (0 = not listed).
    pub cap_freq: u8,
    /// Distributional cluster + 1 (0 = none).
    pub cluster: u16,
    /// How often the word was part of a name of each of the twelve
    /// types in the training labels: two bits per type (0 never, 1 in
    /// under half of its occurrences, 2 in at least half, 3 in 90 %).
    pub ent: u32,
}

impl WordTable {
    #[inline]
    pub fn get(&self, norm_hash: u64) -> WordInfo {
        self.map.get(&norm_hash).copied().unwrap_or_default()
    }
}

// Template ids. Changing one changes every key: retrain afterwards.
const T_BIAS: u32 = 1;
const T_WORD: u32 = 2;
const T_NORM: u32 = 3;
const T_NORM_AT: u32 = 4;
const T_BI_PREV: u32 = 5;
const T_BI_NEXT: u32 = 6;
const T_BI_AROUND: u32 = 7;
const T_SHAPE: u32 = 8;
const T_SSHAPE: u32 = 9;
const T_SSHAPE_AT: u32 = 10;
const T_SSHAPE_TRI: u32 = 11;
const T_PREFIX: u32 = 12;
const T_SUFFIX: u32 = 13;
const T_FIRST: u32 = 14;
const T_LAST: u32 = 15;
const T_GAZ: u32 = 16;
const T_GAZ_AT: u32 = 17;
const T_PHRASE: u32 = 18;
const T_FREQ: u32 = 19;
const T_CLUSTER: u32 = 20;
const T_CLUSTER_AT: u32 = 21;
const T_HYPH_FIRST: u32 = 22;
const T_HYPH_LAST: u32 = 23;
const T_HYPH_GAZ: u32 = 24;
const T_CLOSED_AT: u32 = 25;
const T_NORM_PREV_SHAPE: u32 = 26;
const T_LEN: u32 = 27;
const T_SUFFIX_PREV: u32 = 28;
const T_FREQ_CASE: u32 = 29;
const T_SEEN_AS: u32 = 30;
const T_SEEN_AS_AT: u32 = 31;
const T_CHAR3: u32 = 39;
const T_PREV_RARE: u32 = 45;
const T_NEXT_RARE: u32 = 46;
const T_PREV_CLUSTER: u32 = 47;
const T_BROWN: u32 = 48;
const T_BROWN_AT: u32 = 49;

const BOS: u64 = 0x0b05_0b05_0b05_0b05;
const EOS: u64 = 0x0e05_0e05_0e05_0e05;

const N_PREFIX: usize = 4;
const N_SUFFIX: usize = 5;
const N_CHAR3: usize = 10;

/// One token's own properties.
#[derive(Clone, Copy, Debug, Default)]
struct TokInfo {
    exact: u64,
    norm: u64,
    shape: u64,
    sshape: u64,
    gaz: u32,
    phrase: u32,
    phrase_pos: u8,
    info: WordInfo,
    closed: bool,
    upper_initial: bool,
    len_class: u8,
    prefix: [u64; N_PREFIX],
    suffix: [u64; N_SUFFIX],
    /// Normal forms of the first and last part of a hyphenated word.
    hyph: Option<(u64, u64, u32)>,
    /// Hashes of the inner character trigrams of a rare capitalised word.
    char3: [u64; N_CHAR3],
    /// Brown cluster from the large corpus (0 = none).
    brown: u16,
}

/// Feature keys of one sentence: token `i` owns
/// `keys[start[i] as usize..start[i + 1] as usize]`.
#[derive(Clone, Debug, Default)]
pub struct Features {
    pub keys: Vec<u64>,
    pub start: Vec<u32>,
}

impl Features {
    pub fn len(&self) -> usize {
        self.start.len().saturating_sub(1)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    #[inline]
    pub fn token(&self, i: usize) -> &[u64] {
        &self.keys[self.start[i] as usize..self.start[i + 1] as usize]
    }
}

/// Reused buffers; keep one per thread.
#[derive(Default)]
pub struct Scratch {
    norm: String,
    part: String,
    long: String,
    short: String,
    infos: Vec<TokInfo>,
    norms: Vec<u64>,
}

pub struct Extractor<'a> {
    pub gaz: &'static Gazetteer,
    pub words: &'a WordTable,
}

impl<'a> Extractor<'a> {
    pub fn new(words: &'a WordTable) -> Self {
        Extractor {
            gaz: Gazetteer::get(),
            words,
        }
    }

    fn token_info(&self, word: &str, s: &mut Scratch) -> TokInfo {
        norm_into(word, &mut s.norm);
        shapes(word, &mut s.long, &mut s.short);
        let norm = hash::str(&s.norm);
        let upper_initial = word.chars().next().is_some_and(char::is_uppercase);
        let mut t = TokInfo {
            exact: hash::str(word),
            norm,
            shape: hash::str(&s.long),
            sshape: hash::str(&s.short),
            gaz: self.gaz.word_bits(&s.norm, upper_initial),
            info: self.words.get(norm),
            closed: s.norm.len() <= 12 && is_closed_class_de_for_ner(&s.norm),
            upper_initial,
            len_class: match s.norm.chars().count() {
                0..=1 => 1,
                2..=3 => 2,
                4..=6 => 3,
                7..=10 => 4,
                _ => 5,
            },
            brown: brown::cluster(word),
            ..TokInfo::default()
        };
        // Affixes over characters of the normal form.
        let n = &s.norm;
        let mut ends = n
            .char_indices()
            .map(|(p, _)| p)
            .skip(1)
            .chain(std::iter::once(n.len()));
        for k in 0..N_PREFIX {
            match ends.next() {
                Some(e) => t.prefix[k] = hash::str(&n[..e]),
                None => break,
            }
        }
        let mut starts = n.char_indices().rev().map(|(p, _)| p);
        for k in 0..N_SUFFIX {
            match starts.next() {
                Some(p) => t.suffix[k] = hash::str(&n[p..]),
                None => break,
            }
        }
        // Inner character trigrams of capitalised words that are not
        // among the common words ("-ow", "sch", "ij", "ova"): how
        // foreign names and place names are spelled.
        if upper_initial && t.info.lower_freq == 0 && t.info.cap_freq == 0 {
            let mut pos = [0usize; N_CHAR3 + 4];
            let mut np = 0;
            for p in n
                .char_indices()
                .map(|(p, _)| p)
                .chain(std::iter::once(n.len()))
                .take(pos.len())
            {
                pos[np] = p;
                np += 1;
            }
            for (j, w) in pos[..np].windows(4).skip(1).take(N_CHAR3).enumerate() {
                t.char3[j] = hash::str(&n[w[0]..w[3]]);
            }
        }
        // Hyphenated compounds: "NATO-Gipfel", "Xi-Regierung".
        if let (Some(a), Some(b)) = (n.find('-'), n.rfind('-')) {
            let first = &n[..a];
            let last = &n[b + 1..];
            if !first.is_empty() && !last.is_empty() {
                s.part.clear();
                s.part.push_str(first);
                let gaz = self.gaz.word_bits(&s.part, true);
                t.hyph = Some((hash::str(first), hash::str(last), gaz));
            }
        }
        t
    }

    /// Positions in a token's feature list of the features that identify
    /// the word itself (exact and normal form, and the two bigrams with
    /// it): what word dropout hides in training.
    pub fn identity_positions() -> [usize; 4] {
        [1, 2, 7, 8]
    }

    /// Extracts the features of `words` (one sentence) into `out`.
    pub fn extract(&self, words: &[&str], s: &mut Scratch, out: &mut Features) {
        out.keys.clear();
        out.start.clear();
        s.infos.clear();
        s.norms.clear();
        for w in words {
            let t = self.token_info(w, s);
            s.norms.push(t.norm);
            s.infos.push(t);
        }
        {
            let infos = &mut s.infos;
            self.gaz.phrases(&s.norms, |i, bits, pos| {
                infos[i].phrase |= bits;
                infos[i].phrase_pos = pos;
            });
        }
        let infos = &s.infos;
        let n = infos.len();
        let at =
            |i: isize| -> Option<&TokInfo> { if i < 0 { None } else { infos.get(i as usize) } };
        let norm_at = |i: isize| at(i).map_or(if i < 0 { BOS } else { EOS }, |t| t.norm);
        let sshape_at = |i: isize| at(i).map_or(if i < 0 { BOS } else { EOS }, |t| t.sshape);
        let k = &mut out.keys;
        for (i, t) in infos.iter().enumerate() {
            out.start.push(k.len() as u32);
            let ii = i as isize;
            k.push(feat1(T_BIAS, 0));
            k.push(feat1(T_WORD, t.exact));
            k.push(feat1(T_NORM, t.norm));
            for off in [-2isize, -1, 1, 2] {
                k.push(feat2(T_NORM_AT, off as u64, norm_at(ii + off)));
            }
            let (p1, n1) = (norm_at(ii - 1), norm_at(ii + 1));
            k.push(feat2(T_BI_PREV, p1, t.norm));
            k.push(feat2(T_BI_NEXT, t.norm, n1));
            k.push(feat2(T_BI_AROUND, p1, n1));
            k.push(feat1(T_SHAPE, t.shape));
            k.push(feat1(T_SSHAPE, t.sshape));
            for off in [-1isize, 1] {
                k.push(feat2(T_SSHAPE_AT, off as u64, sshape_at(ii + off)));
            }
            k.push(feat3(
                T_SSHAPE_TRI,
                sshape_at(ii - 1),
                t.sshape,
                sshape_at(ii + 1),
            ));
            k.push(feat2(T_NORM_PREV_SHAPE, p1, t.sshape));
            // A capitalised word that is not a common word, inside the
            // sentence, with the word before or after it ("sagte Bubik",
            // "Bubik betonte").
            let rare = t.upper_initial && i > 0 && t.info.lower_freq == 0 && t.info.cap_freq == 0;
            if rare {
                k.push(feat2(T_PREV_RARE, p1, t.info.cluster as u64));
                k.push(feat1(T_NEXT_RARE, n1));
            }
            k.push(feat2(T_PREV_CLUSTER, p1, t.info.cluster as u64));
            for (j, &h) in t.prefix.iter().enumerate() {
                if h != 0 {
                    k.push(feat2(T_PREFIX, j as u64, h));
                }
            }
            for (j, &h) in t.suffix.iter().enumerate() {
                if h != 0 {
                    k.push(feat2(T_SUFFIX, j as u64, h));
                }
            }
            if let Some(prev) = at(ii - 1) {
                k.push(feat2(T_SUFFIX_PREV, prev.suffix[2], t.sshape));
            }
            k.push(feat1(T_LEN, t.len_class as u64));
            if i == 0 {
                k.push(feat2(T_FIRST, t.sshape, t.closed as u64));
            }
            if i + 1 == n {
                k.push(feat1(T_LAST, t.sshape));
            }
            for b in 0..bit::COUNT {
                if t.gaz & (1 << b) != 0 {
                    k.push(feat2(T_GAZ, b as u64, t.upper_initial as u64));
                }
            }
            for off in [-2isize, -1, 1, 2] {
                if let Some(o) = at(ii + off) {
                    for b in 0..bit::COUNT {
                        if o.gaz & (1 << b) != 0 {
                            k.push(feat3(
                                T_GAZ_AT,
                                off as u64,
                                b as u64,
                                t.upper_initial as u64,
                            ));
                        }
                    }
                    if o.closed && off.abs() == 1 {
                        k.push(feat3(T_CLOSED_AT, off as u64, o.norm, t.sshape));
                    }
                }
            }
            if t.phrase != 0 {
                for b in 0..bit::COUNT {
                    if t.phrase & (1 << b) != 0 {
                        k.push(feat2(T_PHRASE, b as u64, t.phrase_pos as u64));
                    }
                }
            }
            for ty in 0..12u64 {
                let b = (t.info.ent >> (2 * ty)) & 3;
                if b != 0 {
                    k.push(feat2(T_SEEN_AS, ty, b as u64));
                }
            }
            for off in [-1isize, 1] {
                if let Some(o) = at(ii + off) {
                    for ty in 0..12u64 {
                        let b = (o.info.ent >> (2 * ty)) & 3;
                        if b >= 2 {
                            k.push(feat2(T_SEEN_AS_AT, off as u64, ty));
                        }
                    }
                }
            }
            let first = (i == 0) as u64;
            k.push(feat3(
                T_FREQ,
                t.info.lower_freq as u64,
                t.info.cap_freq as u64,
                first,
            ));
            k.push(feat3(
                T_FREQ_CASE,
                (t.info.lower_freq > 0) as u64,
                (t.info.cap_freq > 0) as u64,
                t.sshape,
            ));
            if t.info.cluster != 0 {
                let c = t.info.cluster as u64;
                k.push(feat1(T_CLUSTER, c));
            }
            for off in [-1isize, 1] {
                if let Some(o) = at(ii + off) {
                    if o.info.cluster != 0 {
                        k.push(feat2(T_CLUSTER_AT, off as u64, o.info.cluster as u64));
                    }
                }
            }
            // Brown clusters at depths 4 to 20 of their tree, here and
            // next door. (More depths, the case of the initial and ±2 gave
            // the same F1 for twice the features.)
            if t.brown != 0 {
                let b = t.brown as u64;
                for depth in [4u64, 6, 10, 20] {
                    k.push(feat2(T_BROWN, depth, b & ((1 << depth) - 1)));
                }
            }
            for off in [-1isize, 1] {
                if let Some(o) = at(ii + off).filter(|o| o.brown != 0) {
                    let b = o.brown as u64;
                    for depth in [6u64, 20] {
                        k.push(feat3(T_BROWN_AT, off as u64, depth, b & ((1 << depth) - 1)));
                    }
                }
            }
            for &h in &t.char3 {
                if h != 0 {
                    k.push(feat1(T_CHAR3, h));
                }
            }
            if let Some((a, b, g)) = t.hyph {
                k.push(feat1(T_HYPH_FIRST, a));
                k.push(feat1(T_HYPH_LAST, b));
                for bb in 0..bit::COUNT {
                    if g & (1 << bb) != 0 {
                        k.push(feat1(T_HYPH_GAZ, bb as u64));
                    }
                }
            }
        }
        out.start.push(k.len() as u32);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_token_gets_features_and_offsets_are_consistent() {
        let words = WordTable::default();
        let ex = Extractor::new(&words);
        let mut s = Scratch::default();
        let mut f = Features::default();
        ex.extract(
            &["Der", "Präsident", "Wolfgang", "Müller", "sagte", "."],
            &mut s,
            &mut f,
        );
        assert_eq!(f.len(), 6);
        for i in 0..6 {
            assert!(f.token(i).len() > 20, "token {i}: {}", f.token(i).len());
        }
        ex.extract(&[], &mut s, &mut f);
        assert_eq!(f.len(), 0);
    }

    #[test]
    fn same_word_in_same_context_gets_same_keys() {
        let words = WordTable::default();
        let ex = Extractor::new(&words);
        let mut s = Scratch::default();
        let (mut a, mut b) = (Features::default(), Features::default());
        ex.extract(&["in", "Berlin", "und"], &mut s, &mut a);
        ex.extract(&["in", "Berlin", "und"], &mut s, &mut b);
        assert_eq!(a.token(1), b.token(1));
        ex.extract(&["in", "Bonn", "und"], &mut s, &mut b);
        assert_ne!(a.token(1), b.token(1));
    }
}
