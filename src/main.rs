use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use copydesk::cli::{self, output::Format as OutFormat};
use copydesk::{config, rules};

#[derive(Parser)]
#[command(
    name = "copydesk",
    version,
    about = "A copy desk for news articles: entities, dates and spacing, in your editor and on the command line."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the language server over stdin/stdout.
    Serve {
        /// Accepted for compatibility with clients that pass it; stdio is the only transport.
        #[arg(long)]
        stdio: bool,
    },
    /// Check articles (files or folders) and report findings.
    Check {
        /// Files or folders; folders are searched for *.txt, *.md and *.markdown.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "human")]
        format: OutFormat,
        /// Settings file (default: copydesk.toml in the first path's folder or above).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Never show a progress bar.
        #[arg(long)]
        no_progress: bool,
    },
    /// List the people, organisations and places the articles name.
    Entities {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "table")]
        format: cli::entities::Format,
        #[arg(long)]
        config: Option<PathBuf>,
        #[arg(long)]
        no_progress: bool,
    },
    /// Show the documentation of one rule.
    Rule {
        /// A rule code such as spacing/double-space.
        code: String,
    },
    /// List all rules (as the README's Markdown table with --markdown).
    Rules {
        #[arg(long)]
        markdown: bool,
    },
    /// Print the JSON schema of the settings (for editor extensions).
    ConfigSchema,
    /// List the temporal expressions of articles with their resolved values.
    Dates {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Date (YYYY-MM-DD) for files that do not state their own.
        #[arg(long)]
        document_date: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: cli::dates::DatesFormat,
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Train a model from labelled data.
    Train {
        #[command(subcommand)]
        what: TrainCommand,
    },
    /// Measure quality against labelled data.
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
}

#[derive(Subcommand)]
enum TrainCommand {
    /// Train the named-entity tagger (writes models/ner-de.bin; rebuild to embed it).
    Ner(copydesk::ner::cli::TrainNerArgs),
    /// Build the German word list with frequencies (writes models/lexicon-de.fst; rebuild to embed it).
    Lexicon(copydesk::lexicon::train::TrainLexiconArgs),
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Temporal expressions against WikiWarsDE: extraction P/R/F1 (strict, lenient) and value F1.
    Dates {
        /// The WikiWarsDE folder (default: ../shared/data/wikiwarsde).
        dir: Option<PathBuf>,
        /// Exit 1 when lenient, strict or value F1 is below this (a
        /// fraction: 0.90).
        #[arg(long, value_parser = copydesk::cli::fraction)]
        min_f1: Option<f64>,
        /// Exit 0 with a message when the data is absent.
        #[arg(long)]
        skip_missing: bool,
        /// Print every miss, extra expression and wrong value.
        #[arg(long)]
        show_errors: bool,
    },
    /// Score the named-entity tagger on GermEval TSV or `token TAG` data.
    Ner(copydesk::ner::cli::EvalNerArgs),
    /// spacing/glued-words on clean articles, on a damaged copy (precision, recall) and on the seeds.
    Glue(cli::eval_glue::EvalGlueArgs),
}

fn init_logging() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("COPYDESK_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .try_init();
}

/// Loads settings and the knowledge base for a command over `paths`,
/// printing warnings; `Err` carries the exit status for a broken setup.
fn setup(paths: &[PathBuf], config: Option<&std::path::Path>) -> Result<cli::Setup, i32> {
    let start = paths.first().cloned().unwrap_or_else(|| PathBuf::from("."));
    match cli::setup(config, &start) {
        Ok(s) => {
            for w in &s.warnings {
                eprintln!("copydesk: warning: {w}");
            }
            Ok(s)
        }
        Err(errors) => {
            for e in errors {
                eprintln!("copydesk: error: {e}");
            }
            Err(2)
        }
    }
}

// The server lives as long as the editor session: after a burst of edits or
// closing hundreds of documents its memory must shrink again. With glibc's
// malloc the stress bench ended 74% above its start-up RSS after closing
// every document (fragmented arenas, malloc_trim did not help); with
// jemalloc purging freed pages after a second, 23%.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc reads its options from this symbol (prefixed as the crate
/// builds it): a background thread returns freed pages after one second.
#[cfg(not(target_env = "msvc"))]
#[allow(non_upper_case_globals)]
#[unsafe(export_name = "_rjem_malloc_conf")]
pub static malloc_conf: &[u8] = b"background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0\0";

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            // clap uses 0 for --help/--version and 2 for usage errors.
            return ExitCode::from(e.exit_code() as u8);
        }
    };
    let code = match cli.command {
        Command::Serve { stdio: _ } => {
            init_logging();
            copydesk::lsp::serve()
        }
        Command::Check {
            paths,
            format,
            config,
            no_progress,
        } => match setup(&paths, config.as_deref()) {
            Ok(s) => cli::check::run(&paths, &s.settings, &s.context, format, !no_progress),
            Err(code) => code,
        },
        Command::Entities {
            paths,
            format,
            config,
            no_progress,
        } => match setup(&paths, config.as_deref()) {
            Ok(s) => cli::entities::run(&paths, &s.settings, &s.context, format, !no_progress),
            Err(code) => code,
        },
        Command::Rule { code } => match rules::lookup(&code) {
            Some(r) => {
                print!("{}", rules::render_markdown(r));
                0
            }
            None => {
                eprintln!("copydesk: unknown rule '{code}'; `copydesk rules` lists them");
                2
            }
        },
        Command::Rules { markdown } => {
            if markdown {
                print!("{}", rules::rules_table());
            } else {
                for r in rules::registry() {
                    println!(
                        "{:<45} {:<8} {}",
                        r.code,
                        r.default_severity.as_str(),
                        r.summary
                    );
                }
            }
            0
        }
        Command::Dates {
            paths,
            document_date,
            format,
            config,
        } => match setup(&paths, config.as_deref()) {
            Ok(s) => cli::dates::run(&paths, &s.settings, document_date.as_deref(), format),
            Err(code) => code,
        },
        Command::Eval {
            what:
                EvalCommand::Dates {
                    dir,
                    min_f1,
                    skip_missing,
                    show_errors,
                },
        } => cli::eval_dates::run(dir.as_deref(), min_f1, skip_missing, show_errors),
        Command::Train {
            what: TrainCommand::Ner(args),
        } => copydesk::ner::cli::train(&args),
        Command::Train {
            what: TrainCommand::Lexicon(args),
        } => copydesk::lexicon::train::run(&args),
        Command::Eval {
            what: EvalCommand::Ner(args),
        } => copydesk::ner::cli::eval(&args),
        Command::Eval {
            what: EvalCommand::Glue(args),
        } => cli::eval_glue::run(&args),
        Command::ConfigSchema => {
            println!(
                "{}",
                serde_json::to_string_pretty(&config::json_schema()).unwrap_or_default()
            );
            0
        }
    };
    ExitCode::from(code as u8)
}
