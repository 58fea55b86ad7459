//! The embedded German word list: an `fst` map from word (case-sensitive)
//! to a frequency per 100 million words, built by `copydesk train lexicon`
//! from the GermEval 2014 tokens and the Google Books 1-grams (see
//! `build.rs`). Keys starting with [`ENDING_PREFIX`] hold, for a lower-case
//! word R, how many lexicon words end in R after a known prefix (how
//! productive R is as a word ending: "der" in "Länder", "ist" in
//! "Journalist"); the glued-words rule demands more evidence for those.

use std::sync::OnceLock;

use std::borrow::Cow;

use fst::Map;

use super::web;
use fst::raw::{Node, Output};

static EMBEDDED: &[u8] = include_bytes!("../../models/lexicon-de.fst");

/// The embedded lexicon's words and frequencies again as a static hash
/// table (`build.rs`, `lexicon_index`): an exact-spelling lookup is a
/// hash and a probe there, a tenth of the cost of a walk down the fst.
static INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon-index.bin"));

/// The value bits of an [`INDEX`] slot.
const INDEX_LOW: u64 = (1 << 24) - 1;

/// Key prefix of the word-ending productivity entries.
pub const ENDING_PREFIX: u8 = 1;

/// Inflection endings for the backoff in [`Lexicon::known`].
pub const INFLECTION_SUFFIXES: &[&str] = &[
    "e", "n", "en", "s", "es", "er", "ern", "em", "in", "innen", "ens", "nen",
];

const MAX_SUFFIX_LEN: usize = super::longest(INFLECTION_SUFFIXES);

/// A word's path through the fst (see [`Lexicon::walk`]).
struct Walk<'f> {
    /// The word's own frequency.
    freq: u64,
    /// `stems[k]`: the frequency of the word minus its last `k` bytes.
    stems: [u64; MAX_SUFFIX_LEN + 1],
    /// Where the whole word ends in the fst, if it is a prefix of a key.
    end: Option<(Node<'f>, Output)>,
}

impl Walk<'_> {
    /// The frequency of the word plus `ending`.
    fn with_ending(&self, lex: &Lexicon, ending: &str) -> u64 {
        let Some((mut node, mut out)) = self.end else {
            return 0;
        };
        let fst = lex.map.as_fst();
        for &c in ending.as_bytes() {
            let Some(t) = node.find_input(c) else {
                return 0;
            };
            let t = node.transition(t);
            out = out.cat(t.out);
            node = fst.node(t.addr);
        }
        if node.is_final() {
            out.cat(node.final_output()).value()
        } else {
            0
        }
    }
}

pub struct Lexicon {
    map: Map<Cow<'static, [u8]>>,
    /// Falls back on the web frequencies of `web` for words it lacks (the
    /// embedded lexicon; not those built for tests).
    web: bool,
    /// [`INDEX`], for the embedded lexicon.
    index: Option<&'static [u8]>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Lexicon({} keys)", self.map.len())
    }
}

impl Lexicon {
    /// The lexicon compiled into the binary (an empty one if the build had
    /// no model file).
    pub fn embedded() -> &'static Lexicon {
        static L: OnceLock<Lexicon> = OnceLock::new();
        L.get_or_init(|| {
            let mut l =
                Lexicon::from_cow(Cow::Borrowed(EMBEDDED)).unwrap_or_else(|_| Lexicon::empty());
            l.web = true;
            l.index = Some(INDEX);
            l
        })
    }

    pub fn embedded_bytes() -> &'static [u8] {
        EMBEDDED
    }

    pub fn empty() -> Lexicon {
        Lexicon::from_bytes(build_map(&mut Vec::new())).expect("empty fst")
    }

    pub fn from_bytes(bytes: Vec<u8>) -> Result<Lexicon, String> {
        Lexicon::from_cow(Cow::Owned(bytes))
    }

    fn from_cow(bytes: Cow<'static, [u8]>) -> Result<Lexicon, String> {
        Map::new(bytes)
            .map(|map| Lexicon {
                map,
                web: false,
                index: None,
            })
            .map_err(|e| e.to_string())
    }

    /// Builds a lexicon from (word, frequency) pairs (any order; duplicates
    /// keep the larger frequency). For tests and the builder.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, u64)>) -> Lexicon {
        let mut v: Vec<(Vec<u8>, u64)> = pairs
            .into_iter()
            .map(|(w, f)| (w.as_bytes().to_vec(), f))
            .collect();
        Lexicon::from_bytes(build_map(&mut v)).expect("valid fst")
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.len() == 0
    }

    /// Frequency per 100 million words; 0 for unknown words. A word of
    /// six letters or more the embedded lexicon lacks gets its web
    /// frequency (see `web`).
    #[inline]
    pub fn freq(&self, word: &str) -> u64 {
        self.freq_bytes(word.as_bytes())
    }

    #[inline]
    fn freq_bytes(&self, word: &[u8]) -> u64 {
        let f = self.listed_freq(word);
        // Listed words have six letters, so six bytes, or more.
        if f > 0 || !self.web || word.len() < web::MIN_LEN {
            return f;
        }
        web::freq(word)
    }

    /// The frequency in the lexicon itself, without the web fallback.
    #[inline]
    fn listed_freq(&self, word: &[u8]) -> u64 {
        if word.is_empty() || word[0] == ENDING_PREFIX {
            return 0;
        }
        match self.index {
            Some(ix) => crate::ner::hash::probe(ix, crate::ner::hash::strong(word), INDEX_LOW),
            None => self.map.get(word).unwrap_or(0),
        }
    }

    /// The frequency of `word` with its first letter upper-cased ("wie" →
    /// "Wie"). Spelled on the stack: the glued-words rule asks this for
    /// thousands of candidate parts per pass.
    pub fn freq_upper_first(&self, word: &str) -> u64 {
        let mut cs = word.chars();
        let Some(first) = cs.next() else {
            return 0;
        };
        let rest = cs.as_str().as_bytes();
        let mut buf = [0u8; 64];
        // An upper-cased char is at most three chars of four bytes.
        if rest.len() + 12 > buf.len() {
            let mut w: String = first.to_uppercase().collect();
            w.push_str(cs.as_str());
            return self.freq(&w);
        }
        let mut n = 0;
        for u in first.to_uppercase() {
            n += u.encode_utf8(&mut buf[n..]).len();
        }
        buf[n..n + rest.len()].copy_from_slice(rest);
        self.freq_bytes(&buf[..n + rest.len()])
    }

    /// The exact spelling is in the list itself: a whole token is a word
    /// only then (web text has glued words too).
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.listed_freq(word.as_bytes()) > 0
    }

    /// In the list as written, or after removing or adding an inflection
    /// ending ("Plattformen", "Territoriums", "Islamist" via "Islamisten").
    pub fn known(&self, word: &str) -> bool {
        self.known_freq(word) > 0
    }

    /// The frequency of `word` or, failing that, of the most frequent
    /// inflection neighbour (see [`Lexicon::known`]).
    pub fn known_freq(&self, word: &str) -> u64 {
        let w = self.walk(word);
        if w.freq > 0 {
            return w.freq;
        }
        let n = word.chars().count();
        let mut best = 0;
        for suf in INFLECTION_SUFFIXES {
            if n >= suf.len() + 3 && word.ends_with(suf) {
                best = best.max(w.stems[suf.len()]);
            }
            best = best.max(w.with_ending(self, suf));
        }
        best
    }

    /// The frequency of `word` or of `word` minus an inflection ending
    /// ("Plattformen" → "Plattform"); no added endings.
    pub fn stem_freq(&self, word: &str) -> u64 {
        let w = self.walk(word);
        if w.freq > 0 {
            return w.freq;
        }
        let n = word.chars().count();
        INFLECTION_SUFFIXES
            .iter()
            .filter(|suf| n >= suf.len() + 3 && word.ends_with(*suf))
            .map(|suf| w.stems[suf.len()])
            .max()
            .unwrap_or(0)
    }

    /// One walk down the fst along `word` for the inflection backoff, which
    /// otherwise looks up two dozen neighbours from the root, each a walk
    /// as long as the word.
    fn walk(&self, word: &str) -> Walk<'_> {
        let b = word.as_bytes();
        let mut w = Walk {
            freq: 0,
            stems: [0; MAX_SUFFIX_LEN + 1],
            end: None,
        };
        // Keys with this byte are not words; nor is anything spelled from it.
        if b.first() == Some(&ENDING_PREFIX) {
            return w;
        }
        let fst = self.map.as_fst();
        let mut node = fst.root();
        let mut out = Output::zero();
        for (i, &c) in b.iter().enumerate() {
            let ending = b.len() - i;
            if ending <= MAX_SUFFIX_LEN && node.is_final() {
                w.stems[ending] = out.cat(node.final_output()).value();
            }
            let Some(t) = node.find_input(c) else {
                return w;
            };
            let t = node.transition(t);
            out = out.cat(t.out);
            node = fst.node(t.addr);
        }
        if !b.is_empty() && node.is_final() {
            w.freq = out.cat(node.final_output()).value();
        }
        w.end = Some((node, out));
        w
    }

    /// How many lexicon words end in the lower-case word `r` after a known
    /// prefix of three or more letters (0 when not recorded).
    pub fn ending_productivity(&self, r: &str) -> u64 {
        let mut key = Vec::with_capacity(r.len() + 1);
        key.push(ENDING_PREFIX);
        key.extend_from_slice(r.as_bytes());
        self.map.get(&key).unwrap_or(0)
    }

    /// Every word with its frequency, in key order (no ending entries).
    pub fn words(&self) -> impl Iterator<Item = (String, u64)> + '_ {
        use fst::Streamer;
        let mut s = self.map.stream();
        let mut out = Vec::new();
        while let Some((k, v)) = s.next() {
            if k.first() != Some(&ENDING_PREFIX) {
                out.push((String::from_utf8_lossy(k).into_owned(), v));
            }
        }
        out.into_iter()
    }
}

/// Sorts, deduplicates (keeping the larger value) and builds the fst bytes.
pub fn build_map(pairs: &mut Vec<(Vec<u8>, u64)>) -> Vec<u8> {
    pairs.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    pairs.dedup_by(|a, b| a.0 == b.0);
    let mut b = fst::MapBuilder::memory();
    for (k, v) in pairs.iter() {
        b.insert(k, *v).expect("sorted keys");
    }
    b.into_inner().expect("in-memory fst")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_removes_and_adds_inflection_endings() {
        let l = Lexicon::from_pairs([("Plattform", 50), ("Islamisten", 5), ("Territorium", 8)]);
        assert!(l.known("Plattformen"));
        assert!(l.known("Islamist"));
        assert!(l.known("Territoriums"));
        assert!(!l.known("Plattformenwie"));
        assert_eq!(l.freq("Plattformen"), 0);
    }

    /// The backoff as it was written before the single walk: one lookup
    /// per neighbour.
    /// The inflection backoff looks at the lexicon's own words only, not
    /// at the web frequencies.
    fn known_freq_by_lookups(l: &Lexicon, word: &str) -> (u64, u64) {
        let freq = |w: &str| l.listed_freq(w.as_bytes());
        let f = freq(word);
        if f > 0 {
            return (f, f);
        }
        let n = word.chars().count();
        let (mut known, mut stem) = (0, 0);
        for suf in INFLECTION_SUFFIXES {
            if n >= suf.len() + 3 && word.ends_with(suf) {
                let g = freq(&word[..word.len() - suf.len()]);
                known = known.max(g);
                stem = stem.max(g);
            }
            known = known.max(freq(&format!("{word}{suf}")));
        }
        (known, stem)
    }

    #[test]
    fn web_frequencies_fill_in_long_words_but_make_no_whole_word_known() {
        let l = Lexicon::embedded();
        // "blendet" is not among the lexicon's words, but in the web list.
        assert!(!l.contains("blendet"));
        assert!(l.freq("blendet") > 0);
        assert_eq!(l.freq("blendet"), web::freq(b"blendet"));
        // Test lexicons and short words go without.
        let small = Lexicon::from_pairs([("Haus", 90)]);
        assert_eq!(small.freq("blendet"), 0);
        assert!(web::freq(b"sort") == 0 && l.freq("Gnrx") == 0);
    }

    #[test]
    fn one_walk_backoff_matches_a_lookup_per_neighbour() {
        let small = Lexicon::from_pairs([
            ("Plattform", 50),
            ("Plattforme", 3),
            ("Islamisten", 5),
            ("Territorium", 8),
            ("Haus", 90),
            ("Hauses", 20),
            ("Häuser", 30),
            ("Ärztinnen", 4),
            ("Ärzt", 1),
            ("n", 7),
            ("en", 9),
            ("innen", 2),
        ]);
        let embedded = Lexicon::embedded();
        let mut words: Vec<String> = small.words().map(|(w, _)| w).collect();
        words.extend(embedded.words().step_by(97).map(|(w, _)| w));
        for w in words.clone() {
            let mut cs: Vec<char> = w.chars().collect();
            for suf in INFLECTION_SUFFIXES {
                words.push(format!("{w}{suf}"));
            }
            while cs.pop().is_some() {
                words.push(cs.iter().collect());
            }
        }
        words.extend(["", "\u{1}en", "x", "Plattformen", "Plattformenwie"].map(String::from));
        for l in [&small, embedded] {
            for w in &words {
                let (known, stem) = known_freq_by_lookups(l, w);
                assert_eq!(l.known_freq(w), known, "known_freq({w:?})");
                assert_eq!(l.stem_freq(w), stem, "stem_freq({w:?})");
            }
        }
    }

    #[test]
    fn hash_index_answers_as_the_fst_for_every_word_and_its_parts() {
        let l = Lexicon::embedded();
        assert!(l.index.is_some());
        let mut n = 0;
        for (w, f) in l.words() {
            assert_eq!(l.listed_freq(w.as_bytes()), f, "{w}");
            // The candidate parts of glued words are mostly suffixes and
            // prefixes of words; the fst has most of them not.
            for i in (1..w.len()).filter(|&i| w.is_char_boundary(i)).step_by(3) {
                for part in [&w[..i], &w[i..]] {
                    let from_fst = l.map.get(part).unwrap_or(0);
                    assert_eq!(l.listed_freq(part.as_bytes()), from_fst, "{part}");
                }
            }
            n += 1;
        }
        assert!(n > 50_000, "{n} words");
        assert_eq!(l.listed_freq("\u{1}der".as_bytes()), 0);
    }

    #[test]
    fn upper_first_frequency_spells_the_capitalized_word() {
        let l = Lexicon::from_pairs([("Wie", 5), ("Über", 7), ("SSen", 2)]);
        assert_eq!(l.freq_upper_first("wie"), 5);
        assert_eq!(l.freq_upper_first("über"), 7);
        assert_eq!(l.freq_upper_first("ßen"), 2);
        assert_eq!(l.freq_upper_first(""), 0);
        let long = "a".repeat(80);
        assert_eq!(l.freq_upper_first(&long), 0);
        let l = Lexicon::from_pairs([(format!("A{}", &long[1..]).as_str(), 3)]);
        assert_eq!(l.freq_upper_first(&long), 3);
    }

    #[test]
    fn embedded_lexicon_loads_and_knows_common_words() {
        let l = Lexicon::embedded();
        if l.is_empty() {
            return; // built without ../shared
        }
        for w in ["die", "und", "Regierung", "wieder", "Grund", "Stunde"] {
            assert!(l.known(w), "{w}");
        }
    }
}
