//! One pass of `spacing/glued-words` over the files given (a profiling aid
//! for callgrind: `valgrind --tool=callgrind --toggle-collect='*glued::check*'`):
//! `cargo run --release --example glue_pass -- FILE…`
use std::sync::Arc;

use copydesk::analysis::Context;
use copydesk::config::{Language, Settings};
use copydesk::lexicon::{Lexicon, Vocabulary};
use copydesk::markup::{Format, extract};
use copydesk::rules::{Ctx, Sink, spacing::glued};
use copydesk::time::DocumentDateInfo;
use copydesk::tokenize::tokenize;

fn main() {
    let mut text = String::new();
    for p in std::env::args().skip(1) {
        text.push_str(&std::fs::read_to_string(&p).expect("read"));
        text.push_str("\n\n");
    }
    let prose = extract(&text, Format::Text);
    let tokens = tokenize(&text, &prose);
    let mut vocab = Vocabulary::new();
    vocab.add_tokens(&text, &tokens);
    let settings = Settings::default();
    let context = Context::default().with_vocabulary(Arc::new(vocab));
    let dd = DocumentDateInfo::default();
    let cx = Ctx {
        text: &text,
        prose: &prose,
        tokens: &tokens,
        settings: &settings,
        language: Language::De,
        times: &[],
        document_date: &dd,
        context: &context,
        names: &[],
    };
    let _ = Lexicon::embedded();
    let mut sink = Sink::new(&settings);
    glued::check(&cx, &mut sink);
    println!("{} findings over {} bytes", sink.finish().len(), text.len());
}
