//! Prints the NER mentions of text files, one per line:
//! `cargo run --release --example ner_mentions -- FILE…`
//! (kind, form, confidence, byte span, text).

fn main() {
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let tokens = copydesk::tokenize::tokenize_str(&text);
        println!("== {path}");
        for m in copydesk::ner::tag_document(&text, &tokens) {
            println!(
                "{:<4} {:<7} {:.2} {:>6}..{:<6} {}",
                m.kind.code(),
                format!("{:?}", m.form),
                m.confidence,
                m.span.start,
                m.span.end,
                &text[m.span.clone()]
            );
        }
    }
}
