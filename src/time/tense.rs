//! The tense of the clause around a temporal expression, roughly.
//!
//! Enough to tell "Xi wird Moskau besuchen" (future) from "Xi besuchte
//! Moskau" (past) and "wird gebaut" (present passive): a form of "werden"
//! plus an infinitive at the clause edge is future; "war", "wurde",
//! "hatte", a perfect auxiliary with a participle, or a common preterite is
//! past. Everything else is present or unknown. Reported speech ("werde",
//! "würde") is neither: what someone said would happen is not the writer's
//! claim.

use std::borrow::Cow;
use std::ops::Range;

use crate::config::Language;
use crate::tokenize::{Token, TokenKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
}

/// Token range of the clause holding token `at`, inside `sentence`.
pub fn clause(text: &str, tokens: &[Token], sentence: Range<usize>, at: usize) -> Range<usize> {
    let is_edge = |t: &Token| match t.kind {
        TokenKind::Punct => matches!(
            t.text(text),
            "," | ";" | ":" | "(" | ")" | "–" | "—" | "!" | "?"
        ),
        TokenKind::Quote => true,
        _ => false,
    };
    // Clauses longer than this are run-ons or lists; capping keeps a
    // sentence without punctuation from making every lookup linear.
    const MAX: usize = 40;
    let mut a = at;
    while a > sentence.start && !is_edge(&tokens[a - 1]) && at - a < MAX {
        a -= 1;
    }
    let mut b = at;
    while b < sentence.end && !is_edge(&tokens[b]) && b - at < MAX {
        b += 1;
    }
    a..b
}

/// The tense of the clause around token `at`.
pub fn tense_at(
    text: &str,
    tokens: &[Token],
    sentence: Range<usize>,
    at: usize,
    lang: Language,
) -> Tense {
    let c = clause(text, tokens, sentence, at);
    // Most words are already lower case: borrow those.
    let words: Vec<(usize, Cow<str>)> = c
        .clone()
        .filter(|&i| tokens[i].kind == TokenKind::Word)
        .map(|i| {
            let w = tokens[i].text(text);
            let lower = if w.chars().any(char::is_uppercase) {
                Cow::Owned(w.to_lowercase())
            } else {
                Cow::Borrowed(w)
            };
            (i, lower)
        })
        .collect();
    match lang {
        Language::De => german(&words),
        Language::En => english(&words),
    }
}

fn german(words: &[(usize, Cow<str>)]) -> Tense {
    let w: Vec<&str> = words.iter().map(|(_, s)| s.as_ref()).collect();
    let last = w.last().copied().unwrap_or("");
    // Future: "wird … besuchen", "… besuchen wird", "wird … gebaut werden".
    if let Some(p) = w
        .iter()
        .position(|x| matches!(*x, "wird" | "werden" | "werdet" | "wirst"))
    {
        let future = if p + 1 == w.len() {
            p > 0 && is_infinitive(w[p - 1])
        } else {
            is_infinitive(last)
        };
        if future {
            return Tense::Future;
        }
    }
    // A plan: "soll … stattfinden", "will … reisen" — but not the hearsay
    // perfect "soll … bestochen haben".
    if w.iter().any(|x| {
        matches!(
            *x,
            "soll" | "sollen" | "will" | "wollen" | "plant" | "planen"
        )
    }) && is_infinitive(last)
    {
        let perfect =
            matches!(last, "haben" | "sein") && w.len() >= 2 && is_participle(w[w.len() - 2]);
        if !perfect {
            return Tense::Future;
        }
    }
    if w.iter()
        .any(|x| PAST.contains(x) || (x.ends_with("ierte") || x.ends_with("ierten")) && x.len() > 7)
    {
        return Tense::Past;
    }
    if w.iter()
        .any(|x| matches!(*x, "hat" | "haben" | "hatte" | "hatten" | "ist" | "sind"))
        && is_participle(last)
    {
        return Tense::Past;
    }
    Tense::Present
}

fn english(words: &[(usize, Cow<str>)]) -> Tense {
    let w: Vec<&str> = words.iter().map(|(_, s)| s.as_ref()).collect();
    if w.iter().any(|x| matches!(*x, "will" | "shall")) {
        return Tense::Future;
    }
    if w.iter().any(|x| {
        matches!(
            *x,
            "was" | "were" | "had" | "did" | "said" | "met" | "went" | "came"
        ) || x.ends_with("ed") && x.len() > 4
    }) {
        return Tense::Past;
    }
    Tense::Present
}

/// Common preterite forms in news (weak verbs in -te are too ambiguous with
/// adjectives to catch by ending).
const PAST: &[&str] = &[
    "war",
    "waren",
    "wurde",
    "wurden",
    "hatte",
    "hatten",
    "sagte",
    "sagten",
    "erklärte",
    "erklärten",
    "betonte",
    "betonten",
    "teilte",
    "teilten",
    "kündigte",
    "kündigten",
    "sprach",
    "sprachen",
    "traf",
    "trafen",
    "kam",
    "kamen",
    "gab",
    "gaben",
    "nahm",
    "nahmen",
    "ging",
    "gingen",
    "fand",
    "fanden",
    "begann",
    "begannen",
    "stand",
    "standen",
    "lag",
    "lagen",
    "hieß",
    "rief",
    "riefen",
    "schrieb",
    "berichtete",
    "berichteten",
    "meldete",
    "meldeten",
    "verkündete",
    "unterzeichnete",
    "unterzeichneten",
    "besuchte",
    "besuchten",
    "reiste",
    "reisten",
    "starb",
    "starben",
    "fiel",
    "fielen",
    "zog",
    "zogen",
    "flog",
    "brachte",
    "brachten",
    "blieb",
    "blieben",
    "verlor",
    "verloren",
    "gewann",
    "gewannen",
    "einigten",
    "forderte",
    "forderten",
    "warnte",
    "warnten",
    "lehnte",
    "lehnten",
    "stellte",
    "stellten",
    "zeigte",
    "zeigten",
    "führte",
    "führten",
    "folgte",
    "folgten",
    "endete",
    "endeten",
    "dauerte",
    "erreichte",
    "erreichten",
    "eroberte",
    "eroberten",
    "besetzte",
    "besetzten",
    "griff",
    "griffen",
    "trat",
    "traten",
    "wählte",
    "wählten",
    "bestätigte",
    "bestätigten",
    "äußerte",
    "bezeichnete",
    "hielt",
    "hielten",
    "ließ",
    "ließen",
    "feierte",
    "feierten",
    "eröffnete",
    "eröffneten",
    "empfing",
    "beschloss",
    "beschlossen",
    "entschied",
    "unterstrich",
    "erinnerte",
    "erinnerten",
    "schätzte",
    "erwiderte",
    "zusammentrafen",
    "verabschiedete",
    "stimmte",
    "stimmten",
    "sprach",
    "telefonierte",
    "telefonierten",
    "verurteilte",
    "verurteilten",
    "beendete",
    "beendeten",
];

/// Separable prefixes, longest first for stripping ("zusammen" before "zu").
const PREFIXES: &[&str] = &[
    "zusammen", "zurück", "vorbei", "weiter", "heraus", "herein", "hinaus", "statt", "teil",
    "fest", "fort", "nach", "über", "unter", "durch", "wieder", "ab", "an", "auf", "aus", "bei",
    "ein", "los", "mit", "vor", "weg", "zu", "her", "hin", "dar",
];

/// Verbs whose infinitive starts with "ge" (so "ge" does not make them participles).
const GE_INFINITIVES: &[&str] = &[
    "gehen",
    "geben",
    "gelten",
    "gewinnen",
    "genießen",
    "gestalten",
    "gewähren",
    "gewährleisten",
    "gehören",
    "gelingen",
    "geschehen",
    "gedenken",
    "gestehen",
    "gefallen",
    "gebrauchen",
    "genehmigen",
    "gewöhnen",
    "geraten",
    "gelangen",
    "gefährden",
    "gestatten",
    "gewinnen",
    "gebären",
];

const NOT_VERBS: &[&str] = &[
    "einen",
    "keinen",
    "seinen",
    "ihren",
    "diesen",
    "jenen",
    "allen",
    "vielen",
    "beiden",
    "anderen",
    "deren",
    "denen",
    "wegen",
    "zwischen",
    "neben",
    "oben",
    "unten",
    "gegen",
    "eben",
    "morgen",
    "gestern",
    "vorgestern",
    "übermorgen",
    "unseren",
    "euren",
    "selten",
    "hinten",
    "draußen",
    "innen",
    "außen",
    "zusammen",
    "trotzdem",
    "welchen",
    "solchen",
    "manchen",
    "jeden",
    "dessen",
];

fn strip_prefix(w: &str) -> &str {
    for p in PREFIXES {
        if let Some(rest) = w.strip_prefix(p)
            && rest.len() >= 4
        {
            return rest;
        }
    }
    w
}

fn ge_participle(w: &str) -> bool {
    let core = strip_prefix(w);
    (core.starts_with("ge") && core.len() >= 5 && !GE_INFINITIVES.contains(&core))
        || (w.starts_with("ge") && w.len() >= 5 && !GE_INFINITIVES.iter().any(|g| w.ends_with(g)))
}

/// "besuchen", "stattfinden", "werden" — not "gebaut", "getroffen", "einen".
pub fn is_infinitive(w: &str) -> bool {
    w.len() >= 4
        && (w.ends_with("en") || w.ends_with("ern") || w.ends_with("eln"))
        && !NOT_VERBS.contains(&w)
        && !ge_participle(w)
        && w.chars().all(char::is_alphabetic)
}

/// "gegründete", "abgeschlossenen", "eingeführte": a participle used as an
/// adjective (the "ge" may follow a separable prefix).
pub fn is_participle_adjective(w: &str) -> bool {
    let stem = ["en", "er", "es", "em", "e"]
        .iter()
        .find_map(|e| w.strip_suffix(e))
        .unwrap_or(w);
    let core = strip_prefix(stem);
    (core.starts_with("ge") || stem.starts_with("ge"))
        && (stem.ends_with('t') || stem.ends_with("en"))
        && stem.len() >= 5
}

/// "besucht", "getroffen", "stattgefunden".
pub fn is_participle(w: &str) -> bool {
    (w.ends_with('t') && w.len() > 3 && w.chars().all(char::is_alphabetic))
        || ((w.ends_with("en")) && ge_participle(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize_str;

    fn tense(s: &str, word: &str) -> Tense {
        let t = tokenize_str(s);
        let at = t.tokens.iter().position(|x| x.text(s) == word).unwrap();
        let sent = t.sentences.iter().find(|x| x.tokens.contains(&at)).unwrap();
        tense_at(s, &t.tokens, sent.tokens.clone(), at, Language::De)
    }

    #[test]
    fn werden_with_infinitive_is_future_and_with_participle_is_not() {
        assert_eq!(
            tense("Xi wird im Frühjahr 2023 Moskau besuchen.", "2023"),
            Tense::Future
        );
        assert_eq!(
            tense(
                "Er sagte, dass Xi Moskau im Frühjahr 2023 besuchen wird.",
                "2023"
            ),
            Tense::Future
        );
        assert_eq!(
            tense("Die Brücke wird 2023 gebaut werden.", "2023"),
            Tense::Future
        );
        assert_eq!(
            tense("Die Brücke wird 2023 gebaut.", "2023"),
            Tense::Present
        );
        assert_eq!(
            tense("Er sagte, Xi werde 2023 kommen.", "2023"),
            Tense::Present
        );
        assert_eq!(
            tense("Der Vertrag wird 2023 unterzeichnet.", "2023"),
            Tense::Present
        );
        assert_eq!(
            tense("Der Gipfel soll 2023 in Genf stattfinden.", "2023"),
            Tense::Future
        );
        assert_eq!(
            tense("Er soll 2023 Geld beiseitegeschafft haben.", "2023"),
            Tense::Present
        );
    }

    #[test]
    fn past_forms_are_recognised() {
        assert_eq!(tense("Xi besuchte 2023 Moskau.", "2023"), Tense::Past);
        assert_eq!(
            tense("Das Treffen hat 2023 stattgefunden.", "2023"),
            Tense::Past
        );
        assert_eq!(tense("Der Gipfel war 2023 in Kasan.", "2023"), Tense::Past);
    }
}
