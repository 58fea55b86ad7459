//! Times each stage of `analyze` on one large text (a profiling aid):
//! `cargo run --release --example profile_analyze -- FILE…`
use std::time::Instant;

use copydesk::analysis::{Context, DocInput, analyze};
use copydesk::config::Settings;
use copydesk::markup::{self, Format};

fn main() {
    let mut text = String::new();
    for p in std::env::args().skip(1) {
        text.push_str(&std::fs::read_to_string(&p).expect("read"));
        text.push('\n');
    }
    let settings = Settings::default();
    let context = Context::default();
    let t = Instant::now();
    let prose = markup::extract(&text, Format::Text);
    eprintln!("markup {:?}", t.elapsed());
    let t = Instant::now();
    let tokens = copydesk::tokenize::tokenize(&text, &prose);
    eprintln!(
        "tokenize {:?} ({} tokens)",
        t.elapsed(),
        tokens.tokens.len()
    );
    let t = Instant::now();
    let m = copydesk::ner::tag_document(&text, &tokens);
    eprintln!("ner {:?} ({} mentions)", t.elapsed(), m.len());
    let t = Instant::now();
    let g = context.gazetteer.find(&text, &tokens);
    eprintln!("gazetteer {:?} ({} names)", t.elapsed(), g.len());
    let mut found = g.clone();
    found.extend(
        m.iter()
            .filter(|x| x.form == copydesk::ner::MentionForm::Name)
            .map(|x| copydesk::entities::Found {
                span: x.span.clone(),
                kind: x.kind,
                confidence: x.confidence,
            }),
    );
    found.sort_by_key(|f| (f.span.start, f.span.end));
    let t = Instant::now();
    let e = copydesk::entities::extract(&text, &tokens, &found, &context.knowledge);
    eprintln!(
        "entities {:?} ({} mentions, {} groups)",
        t.elapsed(),
        e.mentions.len(),
        e.groups.len()
    );
    let t = Instant::now();
    let a = analyze(
        &DocInput {
            text: &text,
            path: None,
            format: Format::Text,
        },
        &settings,
        &context,
    );
    eprintln!(
        "analyze {:?} ({} findings, {} entity mentions, {} times)",
        t.elapsed(),
        a.findings.len(),
        a.entities.mentions.len(),
        a.times.len()
    );
}
