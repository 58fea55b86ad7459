//! Compiles the long lists of the NER gazetteer (given names, surnames,
//! German common nouns and place names; `scripts/gazetteer_lists.py`)
//! into a static open-addressing hash table, so the binary neither hashes
//! 300,000 words at start-up nor walks a trie per token.
//!
//! Layout of `gazetteer-long.bin`: a power-of-two number of little-endian
//! u64 slots. A slot holds the high 60 bits of the word's `hash::strong`
//! and, in its low 4 bits, which lists the word is in (bit k =
//! `LONG_LISTS[k]`); 0 is an empty slot. A word starts at the slot its
//! hash's low bits name and probes linearly. Lookup and bit meanings are
//! in `src/ner/gazetteer.rs`, whose tests check every listed word.

#[allow(dead_code)]
#[path = "src/ner/hash.rs"]
mod hash;

use std::collections::BTreeMap;
use std::path::Path;

/// Files under src/ner/gazetteer, in the order of their list bit.
const LONG_LISTS: [&str; 4] = [
    "first_names_long.txt",
    "surnames_long.txt",
    "common_nouns.txt",
    "toponyms.txt",
];

/// `ner::text::norm_into` for words of two characters or more: lower
/// case, every digit as `0`, invisible characters dropped.
fn norm(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        if matches!(
            c,
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        ) {
            continue;
        }
        if c.is_numeric() {
            out.push('0');
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

fn main() {
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&root).join("src/ner/gazetteer");
    println!("cargo::rerun-if-changed=src/ner/hash.rs");
    let mut words: BTreeMap<String, u32> = BTreeMap::new();
    for (k, file) in LONG_LISTS.iter().enumerate() {
        let path = dir.join(file);
        println!("cargo::rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            for w in line.split_whitespace() {
                *words.entry(norm(w)).or_default() |= 1 << k;
            }
        }
    }
    // A 60-bit tag shared by two words would give one the other's lists;
    // with 300,000 words that has odds of about 1 in 10^13.
    let table = hash_table(
        words
            .iter()
            .map(|(w, &lists)| (w.as_str(), u64::from(lists))),
        0xF,
        Shared::Fail("gazetteer words"),
    );
    write_table("gazetteer-long.bin", &table);
    brown_clusters(&root);
    web_words(&root);
    dative_nouns(&root);
    english_words(&root);
    lexicon_index(&root);
}

fn write_table(name: &str, table: &[u64]) {
    let bytes: Vec<u8> = table.iter().flat_map(|s| s.to_le_bytes()).collect();
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join(name);
    std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

/// What to do with two keys whose hashes share a tag.
enum Shared {
    /// Stop the build, naming what the keys are.
    Fail(&'static str),
    /// Keep one slot with the larger value.
    KeepLarger,
}

/// The slots of a static open-addressing table for `hash::probe`: for
/// each (key, value), the key's `hash::strong` with its `low` bits
/// replaced by the value (never 0), at the slot its hash's low bits name
/// or the next free one. At most 70 % full, so probe runs stay short.
fn hash_table<'a>(
    entries: impl ExactSizeIterator<Item = (&'a str, u64)>,
    low: u64,
    shared: Shared,
) -> Vec<u64> {
    let slots = (entries.len() * 10 / 7 + 1).next_power_of_two();
    let mut table = vec![0u64; slots];
    for (w, v) in entries {
        assert!(v != 0 && v <= low, "value out of range for {w}: {v}");
        let h = hash::strong(w.as_bytes());
        let tag = h & !low;
        let mut i = h as usize & (slots - 1);
        while table[i] != 0 && table[i] & !low != tag {
            i = (i + 1) & (slots - 1);
        }
        if table[i] != 0 {
            match shared {
                Shared::Fail(what) => panic!("two {what} share a hash: {w}"),
                Shared::KeepLarger => table[i] = tag | v.max(table[i] & low),
            }
        } else {
            table[i] = tag | v;
        }
    }
    table
}

/// The `word<TAB>number` lines of a generated list (`#` lines are
/// comments); `what` names the number in errors.
fn tab_list(root: &str, rel: &str, what: &str) -> Vec<(String, u64)> {
    let path = Path::new(root).join(rel);
    println!("cargo::rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let (w, n) = l
                .split_once('\t')
                .unwrap_or_else(|| panic!("{rel}: not word<TAB>{what}: {l}"));
            let n = n
                .parse()
                .unwrap_or_else(|_| panic!("{rel}: {what} is no number: {l}"));
            (w.to_string(), n)
        })
        .collect()
}

/// `brown.bin`: the Brown clusters of `src/ner/brown/clusters.txt`
/// (`scripts/spacy_lookups.py`), keyed by the exact spelling. A slot
/// holds the high 48 bits of the word's `hash::strong` and, in its low 16
/// bits, the cluster (never 0: clusterless words are not listed); 0 is an
/// empty slot. Lookup in `src/ner/brown.rs`.
fn brown_clusters(root: &str) {
    let entries = tab_list(root, "src/ner/brown/clusters.txt", "cluster");
    // 48-bit tags: two of 280,000 words share one with odds of about 1 in
    // 7,000, and the build then says so.
    let table = hash_table(
        entries.iter().map(|(w, c)| (w.as_str(), *c)),
        0xFFFF,
        Shared::Fail("clustered words"),
    );
    write_table("brown.bin", &table);
}

/// `web-words.bin`: the word frequencies per 100 million words of
/// `src/lexicon/web_words.txt` (`scripts/spacy_lookups.py`; layout in
/// `frequency_table`), and its bit filter. Lookup in `src/lexicon/web.rs`.
fn web_words(root: &str) {
    let entries = frequency_table(root, "src/lexicon/web_words.txt", "web-words.bin");
    // Most lookups are of non-words (candidate parts of a glued token):
    // a 256 KB bit set of bits 40 to 60 of the hashes answers most of
    // them from the cache, where the 2 MB table would miss it.
    let mut filter = vec![0u64; WEB_FILTER_BITS / 64];
    for (w, _) in &entries {
        let b = (hash::strong(w.as_bytes()) >> 40) as usize & (WEB_FILTER_BITS - 1);
        filter[b / 64] |= 1 << (b % 64);
    }
    write_table("web-words-filter.bin", &filter);
}

/// `dative-nouns.bin`: the genders of `src/lexicon/dative_nouns.txt`
/// (`scripts/dative_nouns.py`), keyed by the exact spelling. A slot holds
/// the high 60 bits of the word's `hash::strong` and, in its low 4 bits,
/// 1 (feminine) or 2 (masculine or neuter); 0 is an empty slot. Lookup in
/// `src/lexicon/nouns.rs`.
fn dative_nouns(root: &str) {
    let entries = tab_list(root, "src/lexicon/dative_nouns.txt", "gender");
    let table = hash_table(
        entries.iter().map(|(w, g)| (w.as_str(), *g)),
        0xF,
        Shared::Fail("dative nouns"),
    );
    write_table("dative-nouns.bin", &table);
}

/// `english-words.bin`: the English frequencies of
/// `src/lexicon/english_words.txt` (`scripts/spacy_lookups.py`; layout in
/// `frequency_table`). Lookup in `src/lexicon/english.rs`.
fn english_words(root: &str) {
    frequency_table(root, "src/lexicon/english_words.txt", "english-words.bin");
}

/// Writes `out`, the table of a `word<TAB>frequency` list `rel` keyed by
/// the exact spelling: a slot holds the high 40 bits of the word's
/// `hash::strong` and, in its low 24 bits, the frequency (at least 1); 0
/// is an empty slot, and two words that share a tag keep the larger
/// frequency. Returns the list.
fn frequency_table(root: &str, rel: &str, out: &str) -> Vec<(String, u64)> {
    const LOW: u64 = (1 << 24) - 1;
    let entries = tab_list(root, rel, "frequency");
    let table = hash_table(
        entries
            .iter()
            .map(|(w, f)| (w.as_str(), (*f).clamp(1, LOW))),
        LOW,
        Shared::KeepLarger,
    );
    write_table(out, &table);
    entries
}

/// `lexicon-index.bin`: the frequencies of the words of
/// `models/lexicon-de.fst` (layout in `frequency_table`; the fst's
/// word-ending entries left out). The glued-words rule asks the lexicon
/// for the frequency of some 100,000 candidate parts per pass over an
/// archive, and a walk down the fst costs about 1,000 instructions where
/// the hash and one probe cost a tenth of that. Lookup in
/// `src/lexicon/words.rs`, whose tests check every word.
fn lexicon_index(root: &str) {
    const LOW: u64 = (1 << 24) - 1;
    let path = Path::new(root).join("models/lexicon-de.fst");
    println!("cargo::rerun-if-changed={}", path.display());
    let bytes = std::fs::read(&path).unwrap_or_default();
    let mut words: Vec<(String, u64)> = Vec::new();
    // A missing or broken model gives an empty lexicon (see
    // `Lexicon::embedded`), and so an empty index.
    if let Ok(map) = fst::Map::new(bytes) {
        let mut stream = map.stream();
        while let Some((k, v)) = fst::Streamer::next(&mut stream) {
            if k.first() == Some(&1) || v == 0 {
                continue;
            }
            assert!(v <= LOW, "lexicon frequency over 24 bits: {v}");
            words.push((String::from_utf8_lossy(k).into_owned(), v));
        }
    }
    // 40-bit tags: two of 73,000 words share one with odds of about 1 in
    // 400,000, and the build then says so rather than answer for one of
    // them with the other's frequency.
    let table = hash_table(
        words.iter().map(|(w, f)| (w.as_str(), *f)),
        LOW,
        Shared::Fail("lexicon words"),
    );
    write_table("lexicon-index.bin", &table);
}

/// Bits of the web words' filter (see `web_words`).
const WEB_FILTER_BITS: usize = 1 << 21;
