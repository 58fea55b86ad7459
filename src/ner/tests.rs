//! Behaviour of the whole tagger: odd input with a small trained model,
//! and the embedded model on fixture sentences written for these tests.

use super::data::LabelledSentence;
use super::labels::parse_tag;
use super::train::{TrainOptions, train};
use super::*;
use crate::tokenize::tokenize_str;

fn toy_model() -> Model {
    let mut data = Vec::new();
    let names = ["Albers", "Brinkmann", "Czerny", "Dahl"];
    let towns = ["Aschach", "Bockum", "Celle", "Dörpen"];
    for (n, t) in names.iter().zip(towns) {
        let words = ["Herr", n, "wohnt", "in", t, "."];
        let tags = ["O", "B-PER", "O", "O", "B-LOC", "O"];
        data.push(LabelledSentence::from_tags(
            words.iter().map(|w| w.to_string()).collect(),
            tags.iter().map(|t| parse_tag(t).unwrap()).collect(),
        ));
    }
    train(
        &data,
        WordTable::default(),
        &TrainOptions {
            epochs: 3,
            prune: 0.0,
            ..TrainOptions::default()
        },
        None,
        &mut |_| {},
    )
}

use super::features::WordTable;

fn check_spans(text: &str, ms: &[Mention]) {
    for m in ms {
        assert!(
            m.span.start < m.span.end && m.span.end <= text.len(),
            "{m:?}"
        );
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        assert!((0.0..=1.0).contains(&m.confidence), "{m:?}");
    }
}

#[test]
fn odd_input_is_tagged_without_panic() {
    let m = toy_model();
    let long = "wort ".repeat(5000);
    let cases = [
        String::new(),
        "   \n\n  ".to_string(),
        "!!! ??? ... ,,, ---".to_string(),
        "😀 🎉🎉 👍🏽 Herr 😀 wohnt in 🏠 .".to_string(),
        "Путин встретился с Си Цзиньпином в Москве.".to_string(),
        "习近平 在 北京 会见 普京 。".to_string(),
        "مرحبا بالعالم".to_string(),
        long,
        format!("Herr {} wohnt", "A".repeat(10_000)),
        "\u{200B}\u{AD}\u{FEFF}".to_string(),
    ];
    for text in &cases {
        let toks = tokenize_str(text);
        let ms = tag_document_with(&m, text, &toks);
        check_spans(text, &ms);
    }
}

#[test]
fn five_thousand_token_sentence_is_one_sentence_and_tagged() {
    let m = toy_model();
    let text = "Herr Albers wohnt in Celle und ".repeat(1000);
    let toks = tokenize_str(&text);
    assert_eq!(toks.sentences.len(), 1);
    assert!(toks.tokens.len() >= 5000);
    let ms = tag_document_with(&m, &text, &toks);
    check_spans(&text, &ms);
    assert!(ms.len() >= 1000, "{} mentions", ms.len());
}

#[test]
fn tag_words_handles_empty_and_symbol_only_sentences() {
    let m = toy_model();
    assert!(tag_words(&m, &[]).is_empty());
    let r = tag_words(&m, &["😀", "。", "—", "«", "»"]);
    assert!(r.iter().all(|(span, _, _)| span.end <= 5));
}

/// The shipped model on sentences written for this test.
fn embedded_mentions(text: &str) -> Vec<(String, EntityKind)> {
    let model =
        Model::embedded().expect("the binary carries a trained NER model (models/ner-de.bin)");
    let toks = tokenize_str(text);
    tag_document_with(model, text, &toks)
        .into_iter()
        .map(|m| (text[m.span].to_string(), m.kind))
        .collect()
}

#[test]
fn embedded_model_finds_people_places_and_organisations() {
    let got = embedded_mentions(
        "Die Ministerin Katharina Obermeier sagte am Montag in Hamburg, die Deutsche Bahn müsse mehr investieren.",
    );
    assert!(
        got.contains(&("Katharina Obermeier".into(), EntityKind::Person)),
        "{got:?}"
    );
    assert!(
        got.contains(&("Hamburg".into(), EntityKind::Location)),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(s, k)| s.contains("Bahn") && *k == EntityKind::Organization),
        "{got:?}"
    );
}

#[test]
fn embedded_model_leaves_plain_sentences_alone() {
    let got = embedded_mentions("Am Abend regnete es, und die Straßen waren nass.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn document_pass_tags_a_later_bare_surname() {
    let got = embedded_mentions(
        "Der Unternehmer Friedrich Wallnöfer gründete die Firma vor zehn Jahren. Heute beschäftigt Wallnöfer dort zweihundert Menschen.",
    );
    let n = got
        .iter()
        .filter(|(s, k)| s.contains("Wallnöfer") && *k == EntityKind::Person)
        .count();
    assert_eq!(n, 2, "{got:?}");
}
