//! Tagging a whole document: every sentence through the model, then a
//! second pass that makes repeated names agree.
//!
//! News articles name a person in full once ("Wladimir Putin") and then
//! by surname ("Putin", "Putins"); a sentence-level tagger sometimes
//! misses a later mention or gives it another type. The document pass
//! votes per name (weighted by confidence), relabels mentions that
//! disagree with a clear majority, and adds untagged capitalised
//! occurrences of names the document has already established.

use std::collections::HashMap;

use super::Mention;
use super::gazetteer::{Gazetteer, bit};
use super::labels::{EntityKind, MentionForm, chunks};
use super::model::{Model, TagScratch};
use super::text::norm_into;
use crate::tokenize::{Token, TokenKind, Tokens, flag};

/// Confidence factor for mentions added or relabelled by the document
/// pass (they rest on another mention's evidence).
const PROPAGATED: f32 = 0.9;

/// `memo`: look sentences up in (and add them to) [`super::memo`]; only
/// for the embedded model.
pub(super) fn tag(
    model: &Model,
    text: &str,
    tokens: &Tokens,
    s: &mut TagScratch,
    memo: bool,
) -> Vec<Mention> {
    let mut mentions = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    let mut labels = Vec::new();
    let mut conf = Vec::new();
    for sent in &tokens.sentences {
        let toks = tokens.sentence_tokens(sent);
        words.clear();
        words.extend(toks.iter().map(|t| t.text(text)));
        if memo {
            let key = super::memo::key(&words);
            if !super::memo::get(key, &mut labels, &mut conf) {
                model.tag(&words, s, &mut labels, Some(&mut conf));
                super::memo::put(key, &labels, &conf);
            }
        } else {
            model.tag(&words, s, &mut labels, Some(&mut conf));
        }
        for c in chunks(&labels) {
            let (a, b) = (sent.tokens.start + c.start, sent.tokens.start + c.end);
            mentions.push(Mention {
                span: tokens.tokens[a].start as usize..tokens.tokens[b - 1].end as usize,
                tokens: a..b,
                kind: c.ty.kind,
                form: c.ty.form,
                confidence: conf[c.start..c.end].iter().copied().fold(1.0f32, f32::min),
            });
        }
    }
    agree(text, tokens, &mut mentions);
    mentions
}

/// Strips a genitive "s" or "'s"/"’s": "Putins" → "Putin".
fn base_form(w: &str) -> &str {
    for suffix in ["'s", "’s", "s"] {
        if let Some(b) = w.strip_suffix(suffix) {
            if b.chars().count() >= 3 {
                return b;
            }
        }
    }
    w
}

/// A first name in the tagger's gazetteer ("Pablo", "Narendra").
pub(crate) fn is_given_name(w: &str) -> bool {
    let mut norm = String::new();
    norm_into(w, &mut norm);
    Gazetteer::get().word_bits(&norm, true) & bit::FIRST_NAME != 0
}

/// Names are keyed by their tokens' texts joined with a space.
fn key_of(text: &str, toks: &[Token]) -> String {
    let mut k = String::new();
    for (i, t) in toks.iter().enumerate() {
        if i > 0 {
            k.push(' ');
        }
        k.push_str(t.text(text));
    }
    k
}

fn agree(text: &str, tokens: &Tokens, mentions: &mut Vec<Mention>) {
    // Votes per name, from mentions that are names (not derived words).
    let mut votes: HashMap<String, [f32; 4]> = HashMap::new();
    let kind_ix = |k: EntityKind| EntityKind::ALL.iter().position(|&x| x == k).unwrap_or(0);
    for m in mentions.iter().filter(|m| m.form == MentionForm::Name) {
        let toks = &tokens.tokens[m.tokens.clone()];
        let key = key_of(text, toks);
        votes.entry(key).or_default()[kind_ix(m.kind)] += m.confidence;
        // A person's surname stands for the person later on: the last
        // word ("Wladimir Putin" → "Putin"), or the first when it is not a
        // given name, as in Chinese order ("Xi Jinping" → "Xi").
        if m.kind == EntityKind::Person && toks.len() >= 2 {
            if let Some(last) = toks.last().filter(|t| t.has(flag::UPPER_INITIAL)) {
                votes.entry(last.text(text).to_string()).or_default()[0] += m.confidence;
            }
            let first = &toks[0];
            if toks.len() == 2 && first.has(flag::UPPER_INITIAL) && !is_given_name(first.text(text))
            {
                votes.entry(first.text(text).to_string()).or_default()[0] += 0.5 * m.confidence;
            }
        }
    }
    if votes.is_empty() {
        return;
    }
    let winner = |v: &[f32; 4]| -> Option<(EntityKind, f32)> {
        let total: f32 = v.iter().sum();
        let (i, best) = v
            .iter()
            .enumerate()
            .fold((0, 0.0f32), |a, (i, &x)| if x > a.1 { (i, x) } else { a });
        // A clear majority only.
        (best > 0.0 && best >= 0.6 * total).then(|| (EntityKind::ALL[i], best / total))
    };
    // Relabel disagreeing names.
    for m in mentions.iter_mut().filter(|m| m.form == MentionForm::Name) {
        let key = key_of(text, &tokens.tokens[m.tokens.clone()]);
        if let Some((k, _)) = votes.get(&key).and_then(winner) {
            if k != m.kind {
                m.kind = k;
                m.confidence *= PROPAGATED;
            }
        }
    }
    // Add untagged occurrences: single capitalised words (with or without
    // a genitive s) and multi-word names repeated verbatim.
    let mut tagged = vec![false; tokens.tokens.len()];
    for m in mentions.iter() {
        for t in m.tokens.clone() {
            tagged[t] = true;
        }
    }
    // First word → (all words, kind, strength) of the names it begins.
    type Names<'a> = Vec<(Vec<&'a str>, EntityKind, f32)>;
    let mut by_first: HashMap<&str, Names> = HashMap::new();
    for (key, v) in &votes {
        if let Some((k, share)) = winner(v) {
            let parts: Vec<&str> = key.split(' ').collect();
            let strength = v.iter().sum::<f32>().min(1.0) * share;
            by_first
                .entry(parts[0])
                .or_default()
                .push((parts, k, strength));
        }
    }
    let mut added = Vec::new();
    let n = tokens.tokens.len();
    let mut i = 0;
    while i < n {
        let t = &tokens.tokens[i];
        if tagged[i]
            || !matches!(t.kind, TokenKind::Word | TokenKind::Abbrev)
            || !t.has(flag::UPPER_INITIAL)
        {
            i += 1;
            continue;
        }
        let w = t.text(text);
        let mut found: Option<(usize, EntityKind, f32)> = None;
        for cand in [w, base_form(w)] {
            if let Some(list) = by_first.get(cand) {
                for (parts, k, strength) in list {
                    let len = parts.len();
                    let fits = i + len <= n
                        && (1..len)
                            .all(|j| !tagged[i + j] && tokens.tokens[i + j].text(text) == parts[j])
                        && (len == 1 || cand == w);
                    if fits && found.is_none_or(|f| len > f.0) {
                        found = Some((len, *k, *strength));
                    }
                }
            }
        }
        match found {
            Some((len, kind, strength)) => {
                added.push(Mention {
                    span: t.start as usize..tokens.tokens[i + len - 1].end as usize,
                    tokens: i..i + len,
                    kind,
                    form: MentionForm::Name,
                    confidence: (0.5 + 0.5 * strength) * PROPAGATED,
                });
                i += len;
            }
            None => i += 1,
        }
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| m.tokens.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(tokens: &Tokens, a: usize, b: usize, kind: EntityKind, confidence: f32) -> Mention {
        Mention {
            span: tokens.tokens[a].start as usize..tokens.tokens[b - 1].end as usize,
            tokens: a..b,
            kind,
            form: MentionForm::Name,
            confidence,
        }
    }

    #[test]
    fn surname_and_genitive_of_a_tagged_person_are_added() {
        let text = "Anna Gruber kam. Gruber sprach. Grubers Rede war kurz.";
        let toks = crate::tokenize::tokenize_str(text);
        let mut ms = vec![mention(&toks, 0, 2, EntityKind::Person, 0.9)];
        agree(text, &toks, &mut ms);
        let spans: Vec<&str> = ms.iter().map(|m| &text[m.span.clone()]).collect();
        assert_eq!(spans, ["Anna Gruber", "Gruber", "Grubers"]);
        assert!(ms.iter().all(|m| m.kind == EntityKind::Person));
        assert!(ms[1].confidence < ms[0].confidence);
    }

    #[test]
    fn family_name_first_is_recognised_but_a_given_name_alone_is_not() {
        let text = "Li Qiang kam. Danach sprach Li. Anna Gruber kam. Anna lachte.";
        let toks = crate::tokenize::tokenize_str(text);
        let mut ms = vec![
            mention(&toks, 0, 2, EntityKind::Person, 0.9),
            mention(&toks, 8, 10, EntityKind::Person, 0.9),
        ];
        agree(text, &toks, &mut ms);
        let spans: Vec<&str> = ms.iter().map(|m| &text[m.span.clone()]).collect();
        assert_eq!(spans, ["Li Qiang", "Li", "Anna Gruber"]);
    }

    #[test]
    fn minority_type_of_a_repeated_name_is_relabelled() {
        let text = "Kolbe sagte. Kolbe ging. Kolbe kam.";
        let toks = crate::tokenize::tokenize_str(text);
        let mut ms = vec![
            mention(&toks, 0, 1, EntityKind::Person, 0.9),
            mention(&toks, 3, 4, EntityKind::Person, 0.9),
            mention(&toks, 6, 7, EntityKind::Organization, 0.6),
        ];
        agree(text, &toks, &mut ms);
        assert!(ms.iter().all(|m| m.kind == EntityKind::Person), "{ms:?}");
    }

    #[test]
    fn lower_case_words_are_never_added() {
        let text = "Bach spielte. Der bach floss.";
        let toks = crate::tokenize::tokenize_str(text);
        let mut ms = vec![mention(&toks, 0, 1, EntityKind::Person, 0.9)];
        agree(text, &toks, &mut ms);
        assert_eq!(ms.len(), 1);
    }
}
