//! Roles and titles the text attaches to a name: "der russische Präsident
//! Wladimir Putin", "Verteidigungsminister Andrej Beloussow", "Zhang Youxia,
//! Vizepräsident der Zentralen Militärkommission Chinas,", "die russische
//! Nachrichtenagentur Interfax".

use std::ops::Range;

use serde::Serialize;

use crate::tokenize::{Token, TokenKind, Tokens};

/// A role phrase found next to a mention, normalised to the nominative
/// ("dem russischen Präsidenten" → "russischer Präsident").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Role {
    pub text: String,
    /// Where the phrase stands in the document.
    pub span: Range<usize>,
}

/// Endings of nouns that name a role (matched on the lower-cased last part
/// of a compound: "Verteidigungsminister", "US-Außenminister").
const PERSON_ROLES: &[&str] = &[
    "präsident",
    "präsidentin",
    "minister",
    "ministerin",
    "kanzler",
    "kanzlerin",
    "sekretär",
    "sekretärin",
    "sprecher",
    "sprecherin",
    "chef",
    "chefin",
    "vorsitzende",
    "vorsitzender",
    "direktor",
    "direktorin",
    "botschafter",
    "botschafterin",
    "gouverneur",
    "gouverneurin",
    "bürgermeister",
    "bürgermeisterin",
    "general",
    "admiral",
    "kommandeur",
    "premier",
    "staatsoberhaupt",
    "abgeordnete",
    "abgeordneter",
    "senator",
    "senatorin",
    "könig",
    "königin",
    "papst",
    "bischof",
    "richter",
    "richterin",
    "staatsanwalt",
    "ökonom",
    "ökonomin",
    "analyst",
    "analystin",
    "experte",
    "expertin",
    "professor",
    "professorin",
    "trainer",
    "trainerin",
    "kapitän",
    "gründer",
    "gründerin",
    "geschäftsführer",
    "geschäftsführerin",
    "amtskollege",
    "amtskollegin",
    "diplomat",
    "diplomatin",
    "kandidat",
    "kandidatin",
    "korrespondent",
    "korrespondentin",
    "autor",
    "autorin",
    "vizepräsident",
    "vizepräsidentin",
    "führer",
    "führerin",
    "regierungschef",
    "regierungschefin",
    "staatschef",
    "staatschefin",
    "oberst",
    "leiter",
    "leiterin",
    "kommissar",
    "kommissarin",
    "beauftragte",
    "beauftragter",
];

const ORG_ROLES: &[&str] = &[
    "nachrichtenagentur",
    "agentur",
    "sender",
    "staatssender",
    "fernsehsender",
    "zeitung",
    "tageszeitung",
    "partei",
    "ministerium",
    "unternehmen",
    "konzern",
    "bank",
    "behörde",
    "organisation",
    "bündnis",
    "militärbündnis",
    "allianz",
    "regierung",
    "gruppe",
    "miliz",
    "gericht",
    "parlament",
    "rat",
    "kommission",
    "verband",
    "gewerkschaft",
    "verein",
    "klub",
    "club",
    "portal",
    "magazin",
    "blatt",
    "staatsmedien",
    "think-tank",
    "institut",
    "stiftung",
];

fn role_noun(word: &str, org: bool) -> bool {
    let lower = word.to_lowercase();
    let last = lower.rsplit('-').next().unwrap_or(&lower);
    let list = if org { ORG_ROLES } else { PERSON_ROLES };
    let base = nominative_noun(last);
    list.iter()
        .any(|r| base.ends_with(r) && (base.len() == r.len() || base.len() >= r.len() + 3))
}

/// Strips the genitive/dative/accusative endings role nouns take after an
/// article: "Präsidenten" → "Präsident", "Staatssenders" → "Staatssender".
fn nominative_noun(lower: &str) -> String {
    for (ending, strip) in [
        ("enten", 2),
        ("aten", 2),
        ("isten", 2),
        ("egen", 1),
        ("s", 1),
    ] {
        if lower.ends_with(ending) && lower.len() > ending.len() + 3 {
            let cut = &lower[..lower.len() - strip];
            if PERSON_ROLES
                .iter()
                .chain(ORG_ROLES)
                .any(|r| cut.ends_with(r))
            {
                return cut.to_string();
            }
        }
    }
    lower.to_string()
}

fn cased_noun(word: &str) -> String {
    // Keep the original capitalisation, drop the inflection.
    let lower = word.to_lowercase();
    let base = nominative_noun(&lower);
    let cut = word.len() - (lower.len() - base.len()).min(word.len());
    word[..cut].to_string()
}

fn is_article(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "der"
            | "die"
            | "das"
            | "des"
            | "dem"
            | "den"
            | "ein"
            | "eine"
            | "einer"
            | "eines"
            | "einem"
            | "einen"
            | "seinem"
            | "seinen"
            | "seines"
            | "sein"
            | "seine"
            | "ihrem"
            | "ihren"
            | "ihres"
            | "ihr"
            | "ihre"
            | "vom"
            | "zum"
            | "zur"
            | "beim"
            | "am"
            | "im"
    )
}

/// Grammatical gender of a role noun, for the adjective ending.
fn feminine(noun: &str) -> bool {
    let l = noun.to_lowercase();
    l.ends_with("in")
        || [
            "agentur",
            "zeitung",
            "partei",
            "bank",
            "behörde",
            "organisation",
            "regierung",
            "gruppe",
            "miliz",
            "kommission",
            "gewerkschaft",
            "allianz",
            "stiftung",
            "vorsitzende",
            "abgeordnete",
            "beauftragte",
        ]
        .iter()
        .any(|s| l.ends_with(s))
}

fn neuter(noun: &str) -> bool {
    let l = noun.to_lowercase();
    [
        "ministerium",
        "unternehmen",
        "bündnis",
        "gericht",
        "parlament",
        "blatt",
        "magazin",
        "portal",
        "institut",
        "staatsoberhaupt",
    ]
    .iter()
    .any(|s| l.ends_with(s))
}

/// "russischen" → "russisch": the stem of a declined adjective.
fn adjective_stem(w: &str) -> Option<&str> {
    // Prepositions and articles end like adjectives ("zwischen", "einem").
    if !w.starts_with(char::is_lowercase) || crate::lexicon::is_closed_class_de(w) {
        return None;
    }
    for e in ["en", "er", "em", "es", "e"] {
        if let Some(s) = w.strip_suffix(e)
            && s.chars().count() >= 3
        {
            return Some(s);
        }
    }
    None
}

/// The role standing directly before the name (`toks[first]` is the
/// mention's first token), or an apposition right after it.
pub fn find(text: &str, tokens: &Tokens, mention: Range<usize>, org: bool) -> Option<Role> {
    before(text, &tokens.tokens, mention.clone(), org)
        .or_else(|| after(text, &tokens.tokens, mention, org))
}

fn word<'t>(text: &'t str, t: &Token) -> &'t str {
    t.text(text)
}

fn before(text: &str, toks: &[Token], m: Range<usize>, org: bool) -> Option<Role> {
    let first = m.start;
    if first == 0 {
        return None;
    }
    let mut i = first - 1;
    // Skip an honorific between role and name: "Präsident Herr X" is rare,
    // "Herr X" carries no role; stop there.
    let noun = &toks[i];
    if noun.kind != TokenKind::Word || !role_noun(word(text, noun), org) {
        return None;
    }
    let noun_text = cased_noun(word(text, noun));
    let mut adjectives = Vec::new();
    let mut start = noun.start as usize;
    while i > 0 {
        let t = &toks[i - 1];
        let w = word(text, t);
        if t.kind == TokenKind::Word
            && !is_article(w)
            && let Some(stem) = adjective_stem(w)
        {
            adjectives.push(stem);
            start = t.start as usize;
            i -= 1;
            continue;
        }
        break;
    }
    adjectives.reverse();
    let ending = if feminine(&noun_text) {
        "e"
    } else if neuter(&noun_text) {
        "es"
    } else {
        "er"
    };
    let mut phrase = String::new();
    for a in &adjectives {
        phrase.push_str(a);
        phrase.push_str(ending);
        phrase.push(' ');
    }
    phrase.push_str(&noun_text);
    Some(Role {
        text: phrase,
        span: start..noun.end as usize,
    })
}

/// "Zhang Youxia, Vizepräsident der Zentralen Militärkommission Chinas, …":
/// a comma, an optional article, a role noun and what depends on it, up to
/// the next comma, bracket or sentence end.
fn after(text: &str, toks: &[Token], m: Range<usize>, org: bool) -> Option<Role> {
    let mut i = m.end;
    if toks.get(i).map(|t| word(text, t)) != Some(",") {
        return None;
    }
    i += 1;
    let start_tok = i;
    if toks.get(i).is_some_and(|t| is_article(word(text, t))) {
        i += 1;
    }
    // Adjectives, then the role noun.
    while toks.get(i).is_some_and(|t| {
        t.kind == TokenKind::Word
            && !is_article(word(text, t))
            && adjective_stem(word(text, t)).is_some()
    }) {
        i += 1;
    }
    let noun = toks.get(i)?;
    if noun.kind != TokenKind::Word || !role_noun(word(text, noun), org) {
        return None;
    }
    let mut end = i + 1;
    // Dependents: a genitive phrase of at most eight tokens.
    while end < toks.len() && end - i <= 8 {
        let w = word(text, &toks[end]);
        if matches!(w, "," | "." | ";" | ":" | ")" | "(" | "!" | "?" | "–" | "—")
            || toks[end].kind == TokenKind::Quote
        {
            break;
        }
        end += 1;
    }
    // An apposition is closed by a comma or the sentence end.
    let closer = toks.get(end).map(|t| word(text, t));
    if !matches!(closer, Some("," | "." | ";" | ")" | "–" | "—") | None) {
        return None;
    }
    let span = toks[start_tok].start as usize..toks[end - 1].end as usize;
    let mut phrase: String = text[span.clone()].to_string();
    // Drop a leading article: "der Sekretär …" → "Sekretär …".
    if is_article(word(text, &toks[start_tok])) {
        phrase = text[toks[start_tok + 1].start as usize..span.end].to_string();
    }
    Some(Role {
        text: phrase.split_whitespace().collect::<Vec<_>>().join(" "),
        span,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize_str;

    /// Role of the name `name` (token text) in `s`.
    fn role(s: &str, name: &str, org: bool) -> Option<String> {
        let t = tokenize_str(s);
        let words: Vec<&str> = name.split(' ').collect();
        let first = (0..t.tokens.len())
            .find(|&i| {
                words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| t.tokens.get(i + k).is_some_and(|x| x.text(s) == *w))
            })
            .unwrap();
        find(s, &t, first..first + words.len(), org).map(|r| r.text)
    }

    #[test]
    fn titles_before_the_name_are_normalised_to_the_nominative() {
        assert_eq!(
            role(
                "Der russische Präsident Wladimir Putin sagte",
                "Wladimir Putin",
                false
            )
            .as_deref(),
            Some("russischer Präsident")
        );
        assert_eq!(
            role(
                "mit dem russischen Präsidenten Wladimir Putin",
                "Wladimir Putin",
                false
            )
            .as_deref(),
            Some("russischer Präsident")
        );
        assert_eq!(
            role(
                "Verteidigungsminister Andrej Beloussow kam",
                "Andrej Beloussow",
                false
            )
            .as_deref(),
            Some("Verteidigungsminister")
        );
        assert_eq!(
            role("den US-Außenminister Marco Rubio", "Marco Rubio", false).as_deref(),
            Some("US-Außenminister")
        );
        assert_eq!(
            role(
                "wie die russische Nachrichtenagentur Interfax meldet",
                "Interfax",
                true
            )
            .as_deref(),
            Some("russische Nachrichtenagentur")
        );
        assert_eq!(
            role("des chinesischen Staatssenders CCTV", "CCTV", true).as_deref(),
            Some("chinesischer Staatssender")
        );
    }

    #[test]
    fn appositions_after_the_name_are_roles() {
        let s = "sagte Zhang Youxia, Vizepräsident der Zentralen Militärkommission Chinas, dass";
        assert_eq!(
            role(s, "Zhang Youxia", false).as_deref(),
            Some("Vizepräsident der Zentralen Militärkommission Chinas")
        );
    }

    #[test]
    fn prepositions_are_not_adjectives_of_a_role() {
        assert_eq!(
            role(
                "zwischen US-Präsident Donald Trump und",
                "Donald Trump",
                false
            )
            .as_deref(),
            Some("US-Präsident")
        );
    }

    #[test]
    fn ordinary_words_are_not_roles() {
        assert_eq!(
            role("Gestern traf Wladimir Putin ein", "Wladimir Putin", false),
            None
        );
        assert_eq!(
            role("sagte Putin, dass die Lage ernst sei", "Putin", false),
            None
        );
        assert_eq!(role("Herr Belousov erklärte", "Belousov", false), None);
    }
}
