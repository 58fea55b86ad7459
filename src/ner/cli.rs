//! `copydesk train ner` and `copydesk eval ner`.
//!
//! Both read the shared data at run time (`../shared/data/...` by
//! default). A missing file is an error (exit 2) unless `--skip-missing`
//! is given, in which case the command says so and exits 0.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Args;

use super::data::{self, LabelledSentence};
use super::eval;
use super::model::Model;
use super::train::{self, TrainOptions};
use super::wordtable;

#[derive(Args, Debug)]
pub struct TrainNerArgs {
    /// Training data: `token TAG` lines (BIO or BIOES) or GermEval TSV.
    #[arg(long, default_value = "../shared/data/germeval2014/train.bioes")]
    pub data: PathBuf,
    /// Where to write the model.
    #[arg(long, default_value = "models/ner-de.bin")]
    pub out: PathBuf,
    /// Google Books 1-gram list (`ngram,freq,cumshare,en`) for word
    /// frequency classes; skipped when absent.
    #[arg(
        long,
        default_value = "../shared/data/wordfreq/google-books-de-1grams.csv"
    )]
    pub wordfreq: PathBuf,
    /// Score this labelled file after every epoch (to choose --epochs).
    #[arg(long)]
    pub dev: Option<PathBuf>,
    #[arg(long, default_value_t = TrainOptions::default().epochs)]
    pub epochs: usize,
    /// Drop features seen fewer times than this.
    #[arg(long, default_value_t = TrainOptions::default().min_count)]
    pub min_count: u32,
    /// Drop averaged weights at or below this magnitude (smaller model).
    #[arg(long, default_value_t = TrainOptions::default().prune)]
    pub prune: f32,
    /// Probability of hiding a token's word features in an update.
    #[arg(long, default_value_t = TrainOptions::default().word_dropout)]
    pub word_dropout: f32,
    /// Add word features "seen as a name of type T" learned from the
    /// training labels (jackknifed): true or false.
    #[arg(long, default_value_t = TrainOptions::default().seen_as, action = clap::ArgAction::Set)]
    pub seen_as: bool,
    /// Average the weights of this many perceptrons trained on different
    /// sentence orders.
    #[arg(long, default_value_t = TrainOptions::default().bags)]
    pub bags: usize,
    /// Training cost of tagging a token of a name as outside (0: plain
    /// perceptron updates).
    #[arg(long, default_value_t = TrainOptions::default().miss_cost)]
    pub miss_cost: f32,
    /// Seed of the sentence order.
    #[arg(long, default_value_t = TrainOptions::default().seed)]
    pub seed: u64,
    /// Number of word clusters learned from the training text and the
    /// unlabelled corpus (0: none).
    #[arg(long, default_value_t = 200)]
    pub clusters: usize,
    /// Unlabelled German text (a folder of `.txt` files, e.g.
    /// `../shared/corpus/derstandard`) added to the training text for
    /// learning the clusters; only the clusters go into the model.
    /// Skipped with a message when absent. Off by default: it did not
    /// help on GermEval dev (see the README).
    #[arg(long)]
    pub corpus: Option<PathBuf>,
    /// Read the clusters from this file if it exists, else write them
    /// there (saves the clustering time when experimenting; the file
    /// must come from the same data and cluster counts).
    #[arg(long)]
    pub clusters_cache: Option<PathBuf>,
    /// Exit 0 with a message when the training data is missing.
    #[arg(long)]
    pub skip_missing: bool,
}

#[derive(Args, Debug)]
pub struct EvalNerArgs {
    /// Labelled file: GermEval TSV (outer column = gold) or `token TAG`.
    pub file: PathBuf,
    /// Write `token TAB gold TAB predicted` lines here.
    #[arg(long)]
    pub predictions: Option<PathBuf>,
    /// Exit 1 when the overall coarse F1 is below this (a fraction: 0.79).
    #[arg(long, value_parser = crate::cli::fraction)]
    pub min_f1: Option<f64>,
    /// Evaluate this model file instead of the embedded model.
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Exit 0 with a message when FILE is missing.
    #[arg(long)]
    pub skip_missing: bool,
}

fn read_labelled(path: &Path, skip_missing: bool) -> Result<Vec<LabelledSentence>, i32> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if skip_missing {
                println!(
                    "copydesk: {} not found; skipped (--skip-missing)",
                    path.display()
                );
                return Err(0);
            }
            eprintln!(
                "copydesk: {} not found (pass --skip-missing to skip when the data is absent)",
                path.display()
            );
            return Err(2);
        }
        Err(e) => {
            eprintln!("copydesk: cannot read {}: {e}", path.display());
            return Err(2);
        }
    };
    data::parse(&text).map_err(|e| {
        eprintln!("copydesk: {}: {e}", path.display());
        2
    })
}

/// Tokenized sentences of the `.txt` files in `dir` (sorted by name),
/// and the number of files.
fn read_corpus(dir: &Path) -> std::io::Result<(usize, Vec<Vec<String>>)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f)?;
        let tokens = crate::tokenize::tokenize_str(&text);
        for s in &tokens.sentences {
            let words: Vec<String> = tokens
                .sentence_tokens(s)
                .iter()
                .map(|t| t.text(&text).to_string())
                .collect();
            if !words.is_empty() {
                out.push(words);
            }
        }
    }
    Ok((files.len(), out))
}

pub fn train(args: &TrainNerArgs) -> i32 {
    let t0 = Instant::now();
    let data = match read_labelled(&args.data, args.skip_missing) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let dev = match &args.dev {
        Some(p) => match read_labelled(p, false) {
            Ok(d) => Some(d),
            Err(code) => return code,
        },
        None => None,
    };
    let mut words = wordtable::empty();
    match std::fs::read_to_string(&args.wordfreq) {
        Ok(csv) => {
            let n = wordtable::add_google_books(&mut words, &csv);
            eprintln!(
                "word frequencies: {n} words from {}",
                args.wordfreq.display()
            );
        }
        Err(e) => eprintln!(
            "word frequencies: {} not used ({e})",
            args.wordfreq.display()
        ),
    }
    let cached = args
        .clusters_cache
        .as_ref()
        .and_then(|p| std::fs::read_to_string(p).ok());
    if let Some(text) = cached {
        let classes: Vec<(u64, u16)> = text
            .lines()
            .filter_map(|l| {
                let (h, c) = l.split_once(' ')?;
                Some((h.parse().ok()?, c.parse().ok()?))
            })
            .collect();
        wordtable::set_clusters(&mut words, &classes, |e, c| e.cluster = c);
        eprintln!("clusters: {} words read from the cache", classes.len());
    } else if args.clusters > 0 {
        let tc = Instant::now();
        let mut sents: Vec<Vec<String>> = data.iter().map(|s| s.words.clone()).collect();
        if let Some(dir) = &args.corpus {
            match read_corpus(dir) {
                Ok((files, corpus)) => {
                    eprintln!(
                        "unlabelled corpus: {} sentences, {} tokens from {files} files in {}",
                        corpus.len(),
                        corpus.iter().map(Vec::len).sum::<usize>(),
                        dir.display()
                    );
                    sents.extend(corpus);
                }
                Err(e) => eprintln!(
                    "unlabelled corpus: {} not used ({e}); clusters from the training text only",
                    dir.display()
                ),
            }
        }
        let (classes, v) = wordtable::clusters(&sents, args.clusters, 3, 15);
        wordtable::set_clusters(&mut words, &classes, |e, c| e.cluster = c);
        eprintln!(
            "clusters: {v} words in {} classes, {:.1}s",
            args.clusters,
            tc.elapsed().as_secs_f64()
        );
        if let Some(p) = &args.clusters_cache {
            let rows: Vec<String> = classes.iter().map(|(h, c)| format!("{h} {c}")).collect();
            if let Err(e) = std::fs::write(p, rows.join("\n")) {
                eprintln!("clusters: cannot write {}: {e}", p.display());
            }
        }
    }
    let opts = TrainOptions {
        epochs: args.epochs,
        min_count: args.min_count,
        prune: args.prune,
        word_dropout: args.word_dropout,
        seen_as: args.seen_as,
        seed: args.seed,
        bags: args.bags,
        miss_cost: args.miss_cost,
    };
    let model = train::train(&data, words, &opts, dev.as_deref(), &mut |line| {
        eprintln!("{line}")
    });
    let bytes = model.to_bytes();
    if let Some(dir) = args.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::create_dir_all(dir);
    }
    if let Err(e) = std::fs::write(&args.out, &bytes) {
        eprintln!("copydesk: cannot write {}: {e}", args.out.display());
        return 2;
    }
    println!(
        "wrote {} ({:.2} MB, {} features) in {:.1}s",
        args.out.display(),
        bytes.len() as f64 / 1e6,
        model.n_features(),
        t0.elapsed().as_secs_f64()
    );
    0
}

pub fn eval(args: &EvalNerArgs) -> i32 {
    let data = match read_labelled(&args.file, args.skip_missing) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let loaded;
    let model: &Model = match &args.model {
        Some(p) => match std::fs::read(p)
            .map_err(|e| e.to_string())
            .and_then(|b| Model::from_bytes(&b))
        {
            Ok(m) => {
                loaded = m;
                &loaded
            }
            Err(e) => {
                eprintln!("copydesk: {}: {e}", p.display());
                return 2;
            }
        },
        None => match Model::embedded() {
            Some(m) => m,
            None => {
                eprintln!(
                    "copydesk: this build has no NER model; run `copydesk train ner` and rebuild"
                );
                return 2;
            }
        },
    };
    let t0 = Instant::now();
    let mut preds = args.predictions.as_ref().map(|_| String::new());
    let scores = eval::evaluate(model, &data, preds.as_mut());
    let secs = t0.elapsed().as_secs_f64();
    // A closed pipe (`| head`) is not an error worth a panic.
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}: {}", args.file.display(), scores.report());
    let _ = writeln!(
        out,
        "tagged in {:.2}s ({:.0} tokens/s, one thread)",
        secs,
        scores.tokens as f64 / secs.max(1e-9)
    );
    drop(out);
    if let (Some(p), Some(text)) = (&args.predictions, preds) {
        if let Err(e) = std::fs::write(p, text) {
            eprintln!("copydesk: cannot write {}: {e}", p.display());
            return 2;
        }
    }
    let f1 = scores.overall().f1();
    if let Some(min) = args.min_f1 {
        if f1 < min {
            eprintln!("copydesk: overall F1 {f1:.4} is below the floor {min:.4}");
            return 1;
        }
    }
    0
}
