//! Names from the knowledge base found verbatim in the text. The tagger
//! generalises to names no list knows; the knowledge base makes sure the
//! names a newsroom has recorded are never missed, in any recorded spelling
//! and in the genitive ("Putins").

use std::collections::HashMap;

use super::names::{genitive_stem, is_east_asian_family, is_very_common_family};
use super::{EntityKind, Found, KnowledgeBase};
use crate::tokenize::{TokenKind, Tokens};

/// Aliases indexed by their first word.
#[derive(Debug, Default)]
pub struct Gazetteer {
    by_first: HashMap<String, Vec<(Vec<String>, EntityKind)>>,
}

impl Gazetteer {
    pub fn new(kb: &KnowledgeBase) -> Gazetteer {
        let mut by_first: HashMap<String, Vec<(Vec<String>, EntityKind)>> = HashMap::new();
        for e in &kb.entries {
            for alias in std::iter::once(&e.name).chain(&e.aliases) {
                let words: Vec<String> = alias.split_whitespace().map(str::to_string).collect();
                // Single lower-case words would match ordinary prose.
                if words.is_empty() || !words[0].starts_with(char::is_uppercase) {
                    continue;
                }
                // A recorded person is also found by the family name alone
                // ("Putin", "Xi"), unless it is too common to be telling.
                if e.kind == EntityKind::Person && words.len() >= 2 {
                    let family = if words.len() <= 3 && is_east_asian_family(&words[0]) {
                        &words[0]
                    } else {
                        &words[words.len() - 1]
                    };
                    if !is_very_common_family(family) {
                        add(&mut by_first, vec![family.clone()], e.kind);
                    }
                }
                add(&mut by_first, words, e.kind);
            }
        }
        for list in by_first.values_mut() {
            // Longest alias first: "Xi Jinping" before "Xi".
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        Gazetteer { by_first }
    }

    pub fn find(&self, text: &str, tokens: &Tokens) -> Vec<Found> {
        let toks = &tokens.tokens;
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            if !matches!(t.kind, TokenKind::Word | TokenKind::Abbrev) {
                i += 1;
                continue;
            }
            let mut matched = None;
            if let Some(list) = self.by_first.get(t.text(text)) {
                for (words, kind) in list {
                    if let Some(end) = match_at(text, toks, i, words) {
                        matched = Some((end, *kind));
                        break;
                    }
                }
            }
            // A one-word genitive: "Putins".
            if matched.is_none()
                && let Some(stem) = genitive_stem(t.text(text))
                && let Some(list) = self.by_first.get(stem)
                && let Some((_, kind)) = list.iter().find(|(w, _)| w.len() == 1)
            {
                matched = Some((i + 1, *kind));
            }
            match matched {
                Some((end, kind)) => {
                    out.push(Found {
                        span: t.start as usize..toks[end - 1].end as usize,
                        kind,
                        confidence: 1.0,
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
        out
    }
}

fn add(
    map: &mut HashMap<String, Vec<(Vec<String>, EntityKind)>>,
    words: Vec<String>,
    kind: EntityKind,
) {
    let list = map.entry(words[0].clone()).or_default();
    if !list.iter().any(|(w, _)| *w == words) {
        list.push((words, kind));
    }
}

/// Token index after `words` matched from `i` (the last word may carry a
/// genitive ending), if they match.
fn match_at(
    text: &str,
    toks: &[crate::tokenize::Token],
    i: usize,
    words: &[String],
) -> Option<usize> {
    for (k, w) in words.iter().enumerate() {
        let t = toks.get(i + k)?;
        let s = t.text(text);
        let last = k + 1 == words.len();
        let ok = s == w || (last && genitive_stem(s) == Some(w.as_str()));
        if !ok {
            return None;
        }
    }
    // The alias must end at a word boundary: "Xi" is not "Xinhua" (tokens
    // guarantee that), and "NATO" in "NATO-Staaten" is part of a compound.
    let end = i + words.len();
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize_str;

    #[test]
    fn recorded_names_are_found_with_genitives_and_longest_first() {
        let kb = KnowledgeBase::built_in();
        let g = Gazetteer::new(&kb);
        let t = "Xi Jinping traf Putin. Putins Sprecher und Xi lobten die NATO-Pläne nicht; Xinhua schwieg.";
        let found: Vec<&str> = g
            .find(t, &tokenize_str(t))
            .iter()
            .map(|f| &t[f.span.clone()])
            .collect();
        assert_eq!(found, ["Xi Jinping", "Putin", "Putins", "Xi", "Xinhua"]);
    }
}
