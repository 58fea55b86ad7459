//! `copydesk train lexicon`: builds `models/lexicon-de.fst` from the shared
//! data (GermEval 2014 training and development tokens, Google Books German
//! 1-grams). Reproducible: the same inputs give the same bytes.
//!
//! Frequencies are per 100 million words: GermEval counts scaled by the
//! corpus size, Google Books counts scaled by their total (estimated from
//! the `cumshare` column); a word gets the larger of the two.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use clap::Args;

use super::words::{ENDING_PREFIX, Lexicon, build_map};

#[derive(Args, Debug)]
pub struct TrainLexiconArgs {
    /// GermEval training tokens (`token TAG` lines).
    #[arg(long, default_value = "../shared/data/germeval2014/train.bioes")]
    pub train: PathBuf,
    /// GermEval development data (TSV: index, token, outer, inner).
    #[arg(long, default_value = "../shared/data/germeval2014/dev.tsv")]
    pub dev: PathBuf,
    /// Google Books 1-gram list (`ngram,freq,cumshare,en`).
    #[arg(
        long,
        default_value = "../shared/data/wordfreq/google-books-de-1grams.csv"
    )]
    pub wordfreq: PathBuf,
    #[arg(long, default_value = "models/lexicon-de.fst")]
    pub out: PathBuf,
    /// Exit 0 with a message when the data is missing.
    #[arg(long)]
    pub skip_missing: bool,
}

const SCALE: f64 = 1e8;

/// Letters only (Latin script), the tokens the lexicon keeps.
pub fn is_word(w: &str) -> bool {
    !w.is_empty()
        && w.chars().count() <= 64
        && w.chars().all(|c| c.is_alphabetic() && (c as u32) < 0x250)
}

pub fn run(args: &TrainLexiconArgs) -> i32 {
    for p in [&args.train, &args.dev, &args.wordfreq] {
        if !p.is_file() {
            if args.skip_missing {
                println!(
                    "train lexicon: {} not found; skipped (the embedded lexicon is unchanged)",
                    p.display()
                );
                return 0;
            }
            eprintln!(
                "copydesk: {} not found (run from the project folder with ../shared beside it, or pass the paths)",
                p.display()
            );
            return 2;
        }
    }
    match build(&args.train, &args.dev, &args.wordfreq) {
        Ok(bytes) => {
            if let Some(dir) = args.out.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            if let Err(e) = std::fs::write(&args.out, &bytes) {
                eprintln!("copydesk: {}: {e}", args.out.display());
                return 2;
            }
            let l = Lexicon::from_bytes(bytes.clone()).expect("fresh fst");
            let words = l.words().count();
            println!(
                "wrote {} ({} bytes, {} words, {} ending entries); rebuild to embed it",
                args.out.display(),
                bytes.len(),
                words,
                l.len() - words
            );
            0
        }
        Err(e) => {
            eprintln!("copydesk: {e}");
            2
        }
    }
}

fn read(p: &Path) -> Result<String, String> {
    std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))
}

/// Counts of the GermEval tokens (hyphenated tokens also count their parts).
fn germeval_counts(train: &str, dev: &str) -> HashMap<String, u64> {
    let mut counts: HashMap<String, u64> = HashMap::new();
    let mut add = |tok: &str| {
        let mut parts: Vec<&str> = vec![tok];
        if tok.contains('-') {
            parts.extend(tok.split('-'));
        }
        for p in parts {
            if is_word(p) {
                *counts.entry(p.to_string()).or_default() += 1;
            }
        }
    };
    for line in train.lines() {
        if let Some(tok) = line.split_whitespace().next() {
            add(tok);
        }
    }
    for line in dev.lines() {
        if line.starts_with('#') {
            continue;
        }
        if let Some(tok) = line.split('\t').nth(1) {
            add(tok);
        }
    }
    counts
}

pub fn build(train: &Path, dev: &Path, wordfreq: &Path) -> Result<Vec<u8>, String> {
    let counts = germeval_counts(&read(train)?, &read(dev)?);
    let total: u64 = counts.values().sum::<u64>().max(1);
    let mut freq: HashMap<String, u64> = counts
        .into_iter()
        .map(|(w, c)| {
            let f = ((c as f64) * SCALE / total as f64).round().max(1.0) as u64;
            (w, f)
        })
        .collect();
    // Google Books: the total is first freq / first cumshare.
    let gb = read(wordfreq)?;
    let lower_gb: std::collections::HashSet<&str> = gb
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .filter(|w| w.starts_with(char::is_lowercase))
        .collect();
    freq.retain(|w, _| !case_glue(w, &lower_gb));
    let mut gb_total = 0.0;
    for line in gb.lines().skip(1) {
        let mut f = line.split(',');
        let (Some(w), Some(c), Some(share)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        let (Ok(c), Ok(share)) = (c.parse::<f64>(), share.parse::<f64>()) else {
            continue;
        };
        if gb_total == 0.0 && share > 0.0 {
            gb_total = c / share;
        }
        if !is_word(w) || gb_total == 0.0 {
            continue;
        }
        let v = ((c * SCALE / gb_total).round() as u64).max(1);
        let e = freq.entry(w.to_string()).or_default();
        *e = (*e).max(v);
    }
    let mut pairs: Vec<(Vec<u8>, u64)> = freq
        .iter()
        .map(|(w, f)| (w.as_bytes().to_vec(), *f))
        .collect();
    // Ending productivity: for each lower-case word R that is more common
    // than its capitalized form, the number of words W = P + R with P a
    // known word (three letters or more).
    let words = Lexicon::from_bytes(build_map(&mut pairs.clone()))?;
    let mut endings: HashMap<&str, u64> = HashMap::new();
    for w in freq.keys() {
        for (i, _) in w.char_indices().skip(3) {
            let (p, r) = w.split_at(i);
            if r.chars().count() < 2 || !r.chars().next().is_some_and(char::is_lowercase) {
                continue;
            }
            if lower_dominant(&words, r) && words.known(p) {
                *endings.entry(r).or_default() += 1;
            }
        }
    }
    for (r, n) in endings {
        let mut k = vec![ENDING_PREFIX];
        k.extend_from_slice(r.as_bytes());
        pairs.push((k, n));
    }
    Ok(build_map(&mut pairs))
}

/// A training token that is two words which lost their space: a German
/// function word or a lower-case word of the Google Books list before a
/// capital ("meinFreund", "derRaiffeisen", "findenLeidenschaft"). GermEval
/// keeps such tokens from its sources; in the lexicon they would pass as
/// words. Camel-case brands start with no German word ("easyCruise",
/// "jetAudio") and stay.
fn case_glue(w: &str, lower_words: &std::collections::HashSet<&str>) -> bool {
    let Some((i, _)) = w.char_indices().skip(2).find(|&(_, c)| c.is_uppercase()) else {
        return false;
    };
    let l = &w[..i];
    l.chars().all(char::is_lowercase) && (super::is_closed_class_de(l) || lower_words.contains(l))
}

/// The lower-case spelling of `r` is at least as common as the capitalized
/// one ("wie" yes; "teil" no, "Teil" is the word).
pub fn lower_dominant(l: &Lexicon, r: &str) -> bool {
    let f = l.freq(r);
    f > 0 && f >= l.freq_upper_first(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn training_tokens_glued_after_a_german_word_are_kept_out() {
        let lower: std::collections::HashSet<&str> = ["finden", "neue"].into_iter().collect();
        for w in ["meinFreund", "derRaiffeisen", "findenLeidenschaft", "dieUS"] {
            assert!(case_glue(w, &lower), "{w}");
        }
        for w in [
            "easyCruise",
            "jetAudio",
            "iPhone",
            "McDonald",
            "Regierung",
            "neue",
        ] {
            assert!(!case_glue(w, &lower), "{w}");
        }
    }
}
