//! `copydesk entities`: the workspace's entity clusters.

use std::io::{self, Write};
use std::path::PathBuf;

use serde_json::{Value, json};

use super::check::{Source, analyze_sources, load_paths};
use crate::analysis::{Context, DocAnalysis};
use crate::config::Settings;
use crate::entities::{Entity, WorkspaceEntities};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
}

/// Distinct role texts with how often each was seen, most frequent first.
fn roles(e: &Entity) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for r in &e.roles {
        match counts.iter_mut().find(|(t, _)| *t == r.text) {
            Some(c) => c.1 += 1,
            None => counts.push((r.text.clone(), 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts
}

pub fn json_value(sources: &[Source], analyses: &[DocAnalysis], ws: &WorkspaceEntities) -> Value {
    let entities: Vec<Value> = ws
        .entities
        .iter()
        .map(|e| {
            json!({
                "id": e.id,
                "name": e.name,
                "kind": e.kind.as_str(),
                "spellings": e.spellings.iter().map(|s| s.0.clone()).collect::<Vec<_>>(),
                "roles": roles(e).into_iter().map(|r| r.0).collect::<Vec<_>>(),
                "mentions": e.mentions.iter().map(|r| {
                    let s = &sources[r.doc as usize];
                    let m = &analyses[r.doc as usize].entities.mentions[r.mention as usize];
                    json!({
                        "path": s.path.display().to_string(),
                        "byte_start": m.span.start + s.bom,
                        "byte_end": m.span.end + s.bom,
                        "text": m.text,
                    })
                }).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({ "entities": entities })
}

fn table(w: &mut impl Write, ws: &WorkspaceEntities) -> io::Result<()> {
    let mut list: Vec<&Entity> = ws.entities.iter().collect();
    list.sort_by(|a, b| {
        b.mentions
            .len()
            .cmp(&a.mentions.len())
            .then(a.name.cmp(&b.name))
    });
    writeln!(
        w,
        "{:<36} {:<13} {:>8} {:>5}  spellings · roles",
        "entity", "kind", "mentions", "files"
    )?;
    for e in list {
        let spellings: Vec<String> = e
            .spellings
            .iter()
            .map(|(s, n)| format!("{s} ({n})"))
            .collect();
        let roles: Vec<String> = roles(e).into_iter().take(3).map(|r| r.0).collect();
        let tail = if roles.is_empty() {
            spellings.join(", ")
        } else {
            format!("{} · {}", spellings.join(", "), roles.join("; "))
        };
        writeln!(
            w,
            "{:<36} {:<13} {:>8} {:>5}  {tail}",
            e.name,
            e.kind.as_str(),
            e.mentions.len(),
            e.documents
        )?;
    }
    Ok(())
}

pub fn run(
    paths: &[PathBuf],
    settings: &Settings,
    context: &Context,
    format: Format,
    progress: bool,
) -> i32 {
    for p in paths {
        if !p.exists() {
            eprintln!("copydesk: {}: no such file or directory", p.display());
            return 2;
        }
    }
    let (sources, skipped) = load_paths(paths, settings, progress);
    for s in &skipped {
        eprintln!("copydesk: {}: {}", s.path.display(), s.reason);
    }
    let (analyses, ws) = analyze_sources(&sources, settings, context);
    let stdout = io::stdout();
    let mut lock = stdout.lock();
    let r = match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut lock, &json_value(&sources, &analyses, &ws))
                .map_err(io::Error::from)
                .and_then(|_| writeln!(lock))
        }
        Format::Table => table(&mut lock, &ws),
    };
    match r {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("copydesk: writing output: {e}");
            2
        }
        _ => {
            if skipped.iter().any(|s| s.is_error) {
                2
            } else {
                0
            }
        }
    }
}
