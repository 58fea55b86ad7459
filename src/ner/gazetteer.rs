//! Name lists compiled into the binary: short hand-written ones (public
//! knowledge: given names, places, organisations, role and organisation
//! nouns), hashed at first use, and long generated ones (given names,
//! surnames, German common nouns and place names from Faker and
//! Wiktionary; `scripts/gazetteer_lists.py`), which `build.rs` compiles
//! into a static hash table so that start-up does not hash 300,000 words.
//!
//! They are features, not decisions: the tagger learns how much to trust
//! "this word is a listed given name" from the training data, so a list
//! entry that is also a common word ("Mark", "Wolf") does no harm.

use std::sync::OnceLock;

use super::hash::{self, KeyMap};
use super::text::{for_each_norm_suffix, norm_into};

pub mod bit {
    pub const FIRST_NAME: u32 = 1 << 0;
    pub const SURNAME: u32 = 1 << 1;
    pub const TITLE: u32 = 1 << 2;
    pub const ROLE: u32 = 1 << 3;
    pub const ORG_WORD: u32 = 1 << 4;
    pub const ORG_SUFFIX: u32 = 1 << 5;
    pub const LOC_WORD: u32 = 1 << 6;
    pub const OTH_WORD: u32 = 1 << 7;
    pub const DEMONYM: u32 = 1 << 8;
    pub const COUNTRY: u32 = 1 << 9;
    pub const CITY: u32 = 1 << 10;
    pub const REGION: u32 = 1 << 11;
    pub const ORG: u32 = 1 << 12;
    // Bits 13, 14, 15 and 22 come from the long lists (see `build.rs`).
    /// In the long given-name list (Faker, Wiktionary); kept apart from
    /// the short hand-written list, which is more precise.
    pub const FIRST_NAME_LONG: u32 = 1 << 13;
    pub const SURNAME_LONG: u32 = 1 << 14;
    /// A form of a German common noun (Wiktionary): a capitalised word
    /// that is one is seldom a name.
    pub const COMMON_NOUN: u32 = 1 << 15;
    /// The word ends in a role noun ("Außenminister").
    pub const ROLE_HEAD: u32 = 1 << 16;
    pub const ORG_HEAD: u32 = 1 << 17;
    pub const LOC_HEAD: u32 = 1 << 18;
    pub const OTH_HEAD: u32 = 1 << 19;
    /// Found only after removing a genitive -s ("Deutschlands").
    pub const GENITIVE: u32 = 1 << 20;
    /// A place name plus "-er" ("Gütersloher", "Berliner").
    pub const PLACE_ER: u32 = 1 << 21;
    /// A form of a place name in Wiktionary.
    pub const TOPONYM: u32 = 1 << 22;
    pub const COUNT: u32 = 23;
}

/// Categories whose entries also count as compound heads.
const HEAD_OF: [(u32, u32); 4] = [
    (bit::ROLE, bit::ROLE_HEAD),
    (bit::ORG_WORD, bit::ORG_HEAD),
    (bit::LOC_WORD, bit::LOC_HEAD),
    (bit::OTH_WORD, bit::OTH_HEAD),
];

struct Source {
    text: &'static str,
    bits: u32,
    /// One entry per line (entries may have several words) rather than
    /// one per whitespace-separated word.
    lines: bool,
}

const SOURCES: &[Source] = &[
    Source {
        text: include_str!("gazetteer/first_names.txt"),
        bits: bit::FIRST_NAME,
        lines: false,
    },
    Source {
        text: include_str!("gazetteer/surnames.txt"),
        bits: bit::SURNAME,
        lines: false,
    },
    Source {
        text: include_str!("gazetteer/titles.txt"),
        bits: bit::TITLE,
        lines: false,
    },
    Source {
        text: include_str!("gazetteer/roles.txt"),
        bits: bit::ROLE,
        lines: false,
    },
    Source {
        text: include_str!("gazetteer/org_words.txt"),
        bits: bit::ORG_WORD,
        lines: false,
    },
    Source {
        text: include_str!("gazetteer/org_suffixes.txt"),
        bits: bit::ORG_SUFFIX,
        lines: false,
    },
    Source {
        text: include_str!("gazetteer/loc_words.txt"),
        bits: bit::LOC_WORD,
        lines: false,
    },
    Source {
        text: include_str!("gazetteer/oth_words.txt"),
        bits: bit::OTH_WORD,
        lines: false,
    },
    Source {
        text: include_str!("gazetteer/demonyms.txt"),
        bits: bit::DEMONYM,
        lines: false,
    },
    Source {
        text: include_str!("gazetteer/countries.txt"),
        bits: bit::COUNTRY,
        lines: true,
    },
    Source {
        text: include_str!("gazetteer/cities.txt"),
        bits: bit::CITY,
        lines: true,
    },
    Source {
        text: include_str!("gazetteer/regions.txt"),
        bits: bit::REGION,
        lines: true,
    },
    Source {
        text: include_str!("gazetteer/orgs.txt"),
        bits: bit::ORG,
        lines: true,
    },
];

/// A multi-word entry: the normalised-word hashes after the first.
struct Phrase {
    rest: Box<[u64]>,
    bits: u32,
}

/// The long lists as a hash table of u64 slots (layout in `build.rs`).
static LONG: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer-long.bin"));

/// The bit of each long list, in `build.rs`'s `LONG_LISTS` order.
const LONG_BITS: [u32; 4] = [
    bit::FIRST_NAME_LONG,
    bit::SURNAME_LONG,
    bit::COMMON_NOUN,
    bit::TOPONYM,
];

pub struct Gazetteer {
    words: KeyMap<u32>,
    /// Entries of two or more words, by the hash of the first.
    phrases: KeyMap<Vec<Phrase>>,
    /// Compound heads (role, organisation, place, work nouns) → head bits.
    heads: KeyMap<u32>,
}

/// Bits of the long lists for the normalised word `norm`.
fn long_bits(norm: &str) -> u32 {
    let lists = hash::probe(LONG, hash::strong(norm.as_bytes()), 0xF);
    (0..4)
        .filter(|k| lists & (1 << k) != 0)
        .fold(0, |bits, k| bits | LONG_BITS[k])
}

/// The long lists that hold `word` in any case: some of
/// [`bit::FIRST_NAME_LONG`], [`bit::SURNAME_LONG`], [`bit::COMMON_NOUN`]
/// and [`bit::TOPONYM`]. For other modules (the glued-words rule).
pub fn long_lists(word: &str) -> u32 {
    let mut norm = String::with_capacity(word.len());
    norm_into(word, &mut norm);
    long_bits(&norm)
}

/// Inflection endings of a derived adjective ("deutsch-en").
const ADJ_ENDINGS: [&str; 5] = ["e", "en", "er", "es", "em"];

impl Gazetteer {
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(Gazetteer::build)
    }

    /// Builds the lists afresh (the cached one is [`Gazetteer::get`]);
    /// public for the load-time benchmark.
    pub fn build() -> Gazetteer {
        let mut g = Gazetteer {
            words: KeyMap::default(),
            phrases: KeyMap::default(),
            heads: KeyMap::default(),
        };
        let mut buf = String::new();
        for src in SOURCES {
            for line in src.text.lines() {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                if src.lines {
                    let hashes: Vec<u64> = line
                        .split_whitespace()
                        .map(|w| {
                            norm_into(w, &mut buf);
                            hash::str(&buf)
                        })
                        .collect();
                    match hashes.split_first() {
                        Some((&first, [])) => *g.words.entry(first).or_default() |= src.bits,
                        Some((&first, rest)) => g.phrases.entry(first).or_default().push(Phrase {
                            rest: rest.into(),
                            bits: src.bits,
                        }),
                        None => {}
                    }
                } else {
                    for w in line.split_whitespace() {
                        norm_into(w, &mut buf);
                        let h = hash::str(&buf);
                        *g.words.entry(h).or_default() |= src.bits;
                        for (cat, head) in HEAD_OF {
                            if src.bits & cat != 0 && buf.chars().count() >= 3 {
                                *g.heads.entry(h).or_default() |= head;
                            }
                        }
                    }
                }
            }
        }
        g
    }

    /// Bits of one word. `norm` is the word's normalised form
    /// ([`norm_into`]); `noun` says it was capitalised (only nouns are
    /// searched for compound heads).
    pub fn word_bits(&self, norm: &str, noun: bool) -> u32 {
        let short = self.words.get(&hash::str(norm)).copied().unwrap_or(0);
        let mut bits = short | long_bits(norm);
        // The long lists hold inflected forms ("Deutschlands" is a
        // toponym), so only the short lists decide whether to look for
        // the uninflected word.
        if short == 0 {
            if let Some(stem) = norm.strip_suffix('s').filter(|s| s.len() >= 3) {
                let b = self.listed(stem);
                if b & !(bit::ROLE | bit::ORG_WORD | bit::LOC_WORD | bit::OTH_WORD) != 0 {
                    bits |= b | bit::GENITIVE;
                }
            }
            for end in ADJ_ENDINGS {
                if let Some(stem) = norm.strip_suffix(end) {
                    let b = self.words.get(&hash::str(stem)).copied().unwrap_or(0);
                    bits |= b & bit::DEMONYM;
                }
            }
            const PLACES: u32 = bit::CITY | bit::COUNTRY | bit::REGION;
            for end in ["er", "ern", "ers", "ner"] {
                if let Some(stem) = norm.strip_suffix(end).filter(|s| s.len() >= 3) {
                    let b = self.words.get(&hash::str(stem)).copied().unwrap_or(0);
                    if b & PLACES != 0 {
                        bits |= bit::PLACE_ER;
                    }
                }
            }
        }
        // Compound heads: "Verteidigungsminister" ends in "minister".
        // Heads are short; suffixes over 16 bytes are not looked up.
        if noun && norm.len() >= 6 {
            for_each_norm_suffix(norm, 3, |suffix| {
                if suffix.len() <= 16 {
                    if let Some(&b) = self.heads.get(&hash::str(suffix)) {
                        bits |= b;
                    }
                }
            });
        }
        bits
    }

    /// Bits of the one-word entries equal to `norm`, short and long lists.
    fn listed(&self, norm: &str) -> u32 {
        self.words.get(&hash::str(norm)).copied().unwrap_or(0) | long_bits(norm)
    }

    /// Marks multi-word entries over a sentence: calls `mark(i, bits,
    /// pos)` for every token `i` inside a match, `pos` being 0 (first),
    /// 1 (inside), 2 (last). `norm_hashes` are the tokens' normalised
    /// hashes. Linear in the sentence length times the (small) number of
    /// phrases sharing a first word.
    pub fn phrases(&self, norm_hashes: &[u64], mut mark: impl FnMut(usize, u32, u8)) {
        if self.phrases.is_empty() {
            return;
        }
        for (i, h) in norm_hashes.iter().enumerate() {
            let Some(list) = self.phrases.get(h) else {
                continue;
            };
            for p in list {
                let end = i + 1 + p.rest.len();
                if end <= norm_hashes.len() && norm_hashes[i + 1..end] == *p.rest {
                    for k in i..end {
                        let pos = if k == i {
                            0
                        } else if k + 1 == end {
                            2
                        } else {
                            1
                        };
                        mark(k, p.bits, pos);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits(w: &str) -> u32 {
        let mut s = String::new();
        norm_into(w, &mut s);
        Gazetteer::get().word_bits(&s, w.starts_with(char::is_uppercase))
    }

    #[test]
    fn listed_words_and_their_inflections_are_found() {
        assert!(bits("Wolfgang") & bit::FIRST_NAME != 0);
        assert!(bits("Deutschland") & bit::COUNTRY != 0);
        assert!(bits("Deutschlands") & bit::COUNTRY != 0);
        assert!(bits("Deutschlands") & bit::GENITIVE != 0);
        assert!(bits("russischen") & bit::DEMONYM != 0);
        assert!(bits("Gütersloher") & bit::PLACE_ER != 0);
        assert_eq!(bits("Tisch") & !bit::COMMON_NOUN, 0);
        assert_eq!(bits("Qxzvwük"), 0);
    }

    /// build.rs normalises and hashes on its own; every word of every long
    /// list must be found under `norm_into`'s normal form with exactly the
    /// bits of the lists it is in.
    #[test]
    fn every_word_of_the_long_lists_is_found_with_its_lists() {
        let lists = [
            include_str!("gazetteer/first_names_long.txt"),
            include_str!("gazetteer/surnames_long.txt"),
            include_str!("gazetteer/common_nouns.txt"),
            include_str!("gazetteer/toponyms.txt"),
        ];
        let mut expected: std::collections::HashMap<String, u32> = Default::default();
        let mut s = String::new();
        for (text, b) in lists.into_iter().zip(LONG_BITS) {
            for w in text
                .lines()
                .filter(|l| !l.starts_with('#'))
                .flat_map(str::split_whitespace)
            {
                norm_into(w, &mut s);
                *expected.entry(s.clone()).or_default() |= b;
            }
        }
        let wrong: Vec<_> = expected
            .iter()
            .filter(|&(w, &b)| long_bits(w) != b)
            .map(|(w, &b)| (w.as_str(), b, long_bits(w)))
            .collect();
        assert!(
            wrong.is_empty(),
            "{} wrong, e.g. {:?}",
            wrong.len(),
            &wrong[..wrong.len().min(10)]
        );
        assert!(bits("Tisch") & bit::COMMON_NOUN != 0);
        assert!(bits("Beloussow") & bit::SURNAME_LONG != 0);
    }

    #[test]
    fn compound_heads_are_found_inside_long_words() {
        assert!(bits("Verteidigungsminister") & bit::ROLE_HEAD != 0);
        assert!(bits("Nachrichtenagentur") & bit::ORG_HEAD != 0);
        assert!(bits("Hauptstraße") & bit::LOC_HEAD != 0);
    }

    #[test]
    fn phrases_mark_every_covered_token() {
        let mut s = String::new();
        let hs: Vec<u64> = ["in", "New", "York", "und"]
            .iter()
            .map(|w| {
                norm_into(w, &mut s);
                hash::str(&s)
            })
            .collect();
        let mut marks = Vec::new();
        Gazetteer::get().phrases(&hs, |i, b, p| marks.push((i, b & bit::CITY != 0, p)));
        assert_eq!(marks, [(1, true, 0), (2, true, 2)]);
    }
}
