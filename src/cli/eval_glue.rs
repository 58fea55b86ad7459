//! `copydesk eval glue`: `spacing/glued-words` on clean and damaged articles.
//!
//! (a) Clean: the rule runs over a folder of articles as `copydesk check`
//! would (with the folder's workspace vocabulary); every finding there is a
//! false alarm, reported per 10,000 words.
//!
//! (b) Damaged: a copy of the same articles in which the space between
//! randomly chosen adjacent words is deleted, the way a lost HTML tag glues
//! words. Pairs are two word tokens in the same sentence separated by
//! exactly one space (no punctuation between them); each pair is chosen
//! with probability `--rate` from a SplitMix64 generator seeded with
//! `--seed`, and a pair is never chosen right after the previous one (no
//! three-word glue); words with digits are never glued (the rule leaves
//! them alone by design). The rule runs over the damaged copy with the damaged
//! copy's vocabulary. A finding is right when its fix inserts the space
//! exactly where one was deleted. Recall is split by the kind of glue:
//! case boundary (the second word starts with a capital, "BeziehungenIhre")
//! and lower case ("Plattformenwie").
//!
//! (c) Seeds: the rule over `../shared/corpus/seeds` must find the eight
//! glued words known to be there and nothing else.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use clap::Args;

use super::check::{Source, analyze_sources, load_paths};
use crate::analysis::Context;
use crate::config::Settings;
use crate::lexicon::Lexicon;
use crate::markup::{self, Format};
use crate::rules::Finding;
use crate::tokenize::{self, TokenKind, flag};

const CODE: &str = "spacing/glued-words";

/// The glued words in `../shared/corpus/seeds`.
const SEED_GLUES: &[&str] = &[
    "BeziehungenIhre",
    "BRICSum",
    "BRICSeinen",
    "Plattformenwie",
    "Energiedie",
    "Territoriumsund",
    "Frühlingsund",
    "Weltkriegeswie",
];

#[derive(Args, Debug)]
pub struct EvalGlueArgs {
    /// Folder of clean articles.
    #[arg(default_value = "../shared/corpus/derstandard")]
    pub dir: PathBuf,
    /// Folder of the seed articles (skipped when absent).
    #[arg(long, default_value = "../shared/corpus/seeds")]
    pub seeds: PathBuf,
    /// Seed of the damage.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Probability that a pair of adjacent words is glued.
    #[arg(long, default_value_t = 0.02)]
    pub rate: f64,
    /// Exit 1 if precision on the damaged copy is below this fraction (0.95).
    #[arg(long, value_parser = super::fraction)]
    pub min_precision: Option<f64>,
    /// Exit 1 if case-boundary recall is below this fraction.
    #[arg(long, value_parser = super::fraction)]
    pub min_recall_case: Option<f64>,
    /// Exit 1 if lower-case recall is below this fraction.
    #[arg(long, value_parser = super::fraction)]
    pub min_recall_lower: Option<f64>,
    /// Largest acceptable number of findings per 10,000 clean words.
    #[arg(long)]
    pub max_per_10k: Option<f64>,
    /// Exit 0 with a message when the folder is missing.
    #[arg(long)]
    pub skip_missing: bool,
    /// Also consult a Hunspell dictionary, as the setting `hunspell` does:
    /// "off", "auto" or a path.
    #[arg(long, default_value = "off")]
    pub hunspell: String,
    /// List the misses and false alarms on the damaged copy.
    #[arg(long)]
    pub show_errors: bool,
    /// Write the damaged copy into this folder (for inspection).
    #[arg(long)]
    pub write_damaged: Option<PathBuf>,
}

/// A deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

/// A deleted space: where it was in the damaged text, and the glued token.
#[derive(Clone, Debug)]
pub struct Glue {
    pub at: usize,
    pub case_boundary: bool,
    pub token: String,
    /// Where in `token` the space was.
    pub split: usize,
}

/// Deletes spaces between adjacent words (see the module documentation).
pub fn damage(text: &str, format: Format, rng_seed: u64, rate: f64) -> (String, Vec<Glue>) {
    let prose = markup::extract(text, format);
    let toks = tokenize::tokenize(text, &prose);
    let mut rng = Rng(rng_seed);
    let mut cut: Vec<(usize, usize, usize)> = Vec::new(); // (space, left start, right end)
    for s in &toks.sentences {
        let ts = toks.sentence_tokens(s);
        let mut last_cut: Option<usize> = None;
        for i in 1..ts.len() {
            let (a, b) = (&ts[i - 1], &ts[i]);
            if a.kind != TokenKind::Word || b.kind != TokenKind::Word {
                continue;
            }
            // Words with digits are left alone by the rule ("G20-Gipfel").
            if &text[a.end as usize..b.start as usize] != " "
                || a.has(flag::HAS_DIGIT)
                || b.has(flag::HAS_DIGIT)
            {
                continue;
            }
            if !rng.chance(rate) || last_cut.is_some_and(|c| c + 1 == i) {
                continue;
            }
            last_cut = Some(i);
            cut.push((a.end as usize, a.start as usize, b.end as usize));
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut glues = Vec::new();
    let mut from = 0;
    for (space, ls, re) in cut {
        out.push_str(&text[from..space]);
        let at = out.len();
        from = space + 1;
        let right = &text[from..re];
        let token = format!("{}{}", &text[ls..space], right);
        glues.push(Glue {
            at,
            case_boundary: right.chars().next().is_some_and(char::is_uppercase),
            token,
            split: space - ls,
        });
    }
    out.push_str(&text[from..]);
    (out, glues)
}

fn words_in(text: &str, format: Format) -> usize {
    let prose = markup::extract(text, format);
    tokenize::tokenize(text, &prose)
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .count()
}

fn glue_findings(sources: &[Source], settings: &Settings, context: &Context) -> Vec<Vec<Finding>> {
    let (analyses, _) = analyze_sources(sources, settings, context);
    analyses
        .into_iter()
        .map(|a| a.findings.into_iter().filter(|f| f.code == CODE).collect())
        .collect()
}

fn insertion(f: &Finding) -> Option<usize> {
    f.fixes.first()?.edits.first().map(|e| e.span.start)
}

fn line_of(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count() + 1
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        100.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

pub fn run(args: &EvalGlueArgs) -> i32 {
    if !args.dir.is_dir() {
        if args.skip_missing {
            println!("eval glue: {} not found; skipped", args.dir.display());
            return 0;
        }
        eprintln!("copydesk: {}: no such folder", args.dir.display());
        return 2;
    }
    let settings = Settings::default();
    let t0 = std::time::Instant::now();
    let (sources, skipped) = load_paths(std::slice::from_ref(&args.dir), &settings, false);
    for s in &skipped {
        eprintln!("copydesk: {}: {}", s.path.display(), s.reason);
    }
    let mut failed = Vec::new();
    let mut context = Context::default();
    match crate::lexicon::hunspell::load(&args.hunspell, settings.language, None) {
        Ok(Some(h)) => {
            println!("hunspell dictionary consulted: {}", h.path.display());
            context.hunspell = Some(h);
        }
        Ok(None) => {}
        Err(e) => {
            eprintln!("copydesk: {e}");
            return 2;
        }
    }
    println!(
        "lexicon: {} words embedded ({} bytes)",
        Lexicon::embedded().words().count(),
        Lexicon::embedded_bytes().len()
    );

    // (a) clean
    let words: usize = sources
        .iter()
        .map(|s| words_in(&s.text, Format::from_path(&s.path)))
        .sum();
    let clean = glue_findings(&sources, &settings, &context);
    let n_clean: usize = clean.iter().map(Vec::len).sum();
    let per10k = 10_000.0 * n_clean as f64 / words.max(1) as f64;
    println!(
        "clean: {} files, {} words, {} findings = {:.2} per 10,000 words (target ≤ 0.50)",
        sources.len(),
        words,
        n_clean,
        per10k
    );
    for (s, fs) in sources.iter().zip(&clean) {
        for f in fs {
            println!(
                "  {}:{}: {}",
                s.path.file_name().unwrap_or_default().to_string_lossy(),
                line_of(&s.text, f.span.start),
                f.message
            );
        }
    }
    if let Some(max) = args.max_per_10k
        && per10k > max
    {
        failed.push(format!("clean findings {per10k:.2} per 10k > {max}"));
    }

    // (b) damaged
    let mut damaged = Vec::with_capacity(sources.len());
    let mut gold: Vec<Vec<Glue>> = Vec::with_capacity(sources.len());
    for (i, s) in sources.iter().enumerate() {
        let seed = args.seed.wrapping_mul(1_000_003).wrapping_add(i as u64);
        let (text, g) = damage(&s.text, Format::from_path(&s.path), seed, args.rate);
        damaged.push(Source {
            path: s.path.clone(),
            text,
            bom: 0,
        });
        gold.push(g);
    }
    if let Some(dir) = &args.write_damaged {
        let _ = std::fs::create_dir_all(dir);
        for d in &damaged {
            if let Some(name) = d.path.file_name() {
                let _ = std::fs::write(dir.join(name), &d.text);
            }
        }
    }
    let found = glue_findings(&damaged, &settings, &context);
    let lex = Lexicon::embedded();
    let (mut tp, mut fp) = (0, 0);
    let mut hit: BTreeMap<bool, (usize, usize, usize)> = BTreeMap::new(); // kind → (found, total, glued form is a word)
    let mut misses = Vec::new();
    let mut false_alarms = Vec::new();
    for ((s, g), fs) in damaged.iter().zip(&gold).zip(&found) {
        let at: HashSet<usize> = g.iter().map(|x| x.at).collect();
        let mut got = HashSet::new();
        for f in fs {
            match insertion(f) {
                Some(p) if at.contains(&p) => {
                    tp += 1;
                    got.insert(p);
                }
                _ => {
                    fp += 1;
                    false_alarms.push(format!(
                        "  {}:{}: {}",
                        s.path.file_name().unwrap_or_default().to_string_lossy(),
                        line_of(&s.text, f.span.start),
                        f.message
                    ));
                }
            }
        }
        for x in g {
            let e = hit.entry(x.case_boundary).or_default();
            e.1 += 1;
            if got.contains(&x.at) {
                e.0 += 1;
            } else {
                if lex.contains(&x.token) {
                    e.2 += 1;
                }
                let (l, r) = x.token.split_at(x.split);
                misses.push(format!(
                    "  {l}|{r} ({})",
                    if x.case_boundary { "case" } else { "lower" }
                ));
            }
        }
    }
    let precision = pct(tp, tp + fp);
    let (cf, ct, cw) = hit.get(&true).copied().unwrap_or_default();
    let (lf, lt, lw) = hit.get(&false).copied().unwrap_or_default();
    println!(
        "damaged (seed {}, rate {}): {} glued pairs; {} findings, {} right",
        args.seed,
        args.rate,
        ct + lt,
        tp + fp,
        tp
    );
    println!("  precision {:.1}% (target ≥ 95%)", precision);
    println!(
        "  recall case boundary {:.1}% ({cf}/{ct}; target ≥ 98%), missed glued forms that are lexicon words: {cw}",
        pct(cf, ct)
    );
    println!(
        "  recall lower case {:.1}% ({lf}/{lt}; target ≥ 85%), missed glued forms that are lexicon words: {lw}",
        pct(lf, lt)
    );
    if args.show_errors {
        println!("false alarms on the damaged copy:");
        false_alarms.iter().for_each(|l| println!("{l}"));
        println!("missed:");
        misses.iter().for_each(|l| println!("{l}"));
    }
    // Floors are fractions, measures percentages.
    if let Some(p) = args.min_precision
        && precision < 100.0 * p
    {
        failed.push(format!("precision {precision:.1}% < {p}"));
    }
    if let Some(r) = args.min_recall_case
        && pct(cf, ct) < 100.0 * r
    {
        failed.push(format!("case-boundary recall {:.1}% < {r}", pct(cf, ct)));
    }
    if let Some(r) = args.min_recall_lower
        && pct(lf, lt) < 100.0 * r
    {
        failed.push(format!("lower-case recall {:.1}% < {r}", pct(lf, lt)));
    }

    // (c) hunspell baseline
    hunspell_baseline(&sources);

    // seeds
    if args.seeds.is_dir() {
        let (seeds, _) = load_paths(std::slice::from_ref(&args.seeds), &settings, false);
        let fs = glue_findings(&seeds, &settings, &context);
        let mut flagged: HashMap<String, usize> = HashMap::new();
        for (s, fs) in seeds.iter().zip(&fs) {
            for f in fs {
                *flagged
                    .entry(s.text[f.span.clone()].to_string())
                    .or_default() += 1;
            }
        }
        let missing: Vec<&str> = SEED_GLUES
            .iter()
            .copied()
            .filter(|w| !flagged.contains_key(*w))
            .collect();
        let mut extra: Vec<&String> = flagged
            .keys()
            .filter(|w| !SEED_GLUES.contains(&w.as_str()))
            .collect();
        extra.sort();
        println!(
            "seeds: {}/{} glued words found; missing {:?}; other tokens flagged {:?}",
            SEED_GLUES.len() - missing.len(),
            SEED_GLUES.len(),
            missing,
            extra
        );
        if !missing.is_empty() || !extra.is_empty() {
            failed.push("seeds".into());
        }
    } else {
        println!("seeds: {} not found; skipped", args.seeds.display());
    }
    println!("time: {:.1} s", t0.elapsed().as_secs_f64());
    let floors = args.min_precision.is_some()
        || args.min_recall_case.is_some()
        || args.min_recall_lower.is_some()
        || args.max_per_10k.is_some();
    if floors && !failed.is_empty() {
        eprintln!("eval glue: below the floor: {}", failed.join("; "));
        return 1;
    }
    0
}

/// Prints the number of words `hunspell -l -d de_DE` does not know in the
/// clean articles, when hunspell is installed.
fn hunspell_baseline(sources: &[Source]) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let child = Command::new("hunspell")
        .args(["-d", "de_DE", "-l"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn();
    let Ok(mut child) = child else {
        println!("hunspell: not installed; no baseline");
        return;
    };
    let all: String = sources
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    if let Some(mut stdin) = child.stdin.take() {
        let _ = std::thread::spawn(move || stdin.write_all(all.as_bytes()));
    }
    match child.wait_with_output() {
        Ok(o) => {
            let out = String::from_utf8_lossy(&o.stdout);
            let unknown: Vec<&str> = out.lines().collect();
            let distinct: HashSet<&str> = unknown.iter().copied().collect();
            println!(
                "hunspell baseline (de_DE): {} unknown words ({} distinct) in the clean articles",
                unknown.len(),
                distinct.len()
            );
        }
        Err(e) => println!("hunspell: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damage_is_deterministic_and_records_each_deleted_space() {
        let text = "Der Hund bellt laut. Die Katze schläft heute sehr lange im Garten.";
        let (a, ga) = damage(text, Format::Text, 7, 0.5);
        let (b, gb) = damage(text, Format::Text, 7, 0.5);
        assert_eq!(a, b);
        assert_eq!(ga.len(), gb.len());
        assert_eq!(a.len() + ga.len(), text.len());
        for g in &ga {
            assert!(a[g.at..].starts_with(|c: char| c.is_alphabetic()));
            assert!(a[..g.at].ends_with(|c: char| c.is_alphabetic()));
        }
        // Never across the sentence end.
        assert!(!a.contains(".Die"));
    }
}
