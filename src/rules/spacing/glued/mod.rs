//! `spacing/glued-words`: two words that lost the space between them
//! ("Plattformenwie", "BeziehungenIhre", "BRICSum").
//!
//! A token is looked at only when nothing knows it as a word: not the
//! embedded lexicon (with inflection backoff), not the workspace vocabulary
//! (used twice or more in the archive), not the user's `words`. Then three
//! kinds of split are tried, strongest evidence first:
//!
//! 1. a case boundary inside the token ("derRegierung", "BeziehungenIhre"),
//!    minus camel-case names and brands ("iPhone", "McDonald", "BioNTech");
//! 2. an acronym followed by a lower-case word ("BRICSum") or by a
//!    capitalized word ("NATOStaaten"), minus inflection endings ("NGOs",
//!    "ÖVPler");
//! 3. two lower-case runs: a known word followed by a word that is normally
//!    written in lower case ("Plattformenwie", "istnicht"), scored by the
//!    frequencies of both parts against how often the right part ends
//!    ordinary words ("-der" in "Länder", "-ist" in "Journalist").
//!
//! Names the tagger or the knowledge base finds are split only on strong
//! evidence. The three kinds live in `case`, `acronym` and `lower`; the word
//! lists they share in `wordlists`.

use std::collections::HashMap;
use std::ops::Range;

use super::{Ctx, Rule, Sink};
use crate::lexicon::vocab::WordMap;
use crate::lexicon::{Hunspell, Lexicon, VocabView, is_closed_class_de};
use crate::ner::EntityKind;
use crate::ner::gazetteer;
use crate::rules::{Fix, Fixable, Severity};
use crate::tokenize::{TokenKind, flag};

mod acronym;
mod article;
mod case;
mod lower;
mod wordlists;

use acronym::acronym;
use article::glued_article;
use case::case_boundary;
use lower::{lower_split, not_an_ending};
use wordlists::{AFTER_TRUNCATION, CAMEL_CASE_WORDS};

pub static GLUED_WORDS: Rule = Rule {
    code: "spacing/glued-words",
    default_severity: Severity::Warning,
    summary: "Two words without the space between them.",
    what: "Reports a word that is not known as a word (to the embedded German lexicon, the workspace's other articles, or the `words` setting) and splits into two known words: at a change from lower to upper case (`BeziehungenIhre`), after an acronym (`BRICSum`), or between a known word and a word normally written in lower case (`Plattformenwie`); a preposition glued to a dative article is a word of its own (`beider`, `nachdem`), split only before a noun of the article's gender (`beider Wahl`, `nachdem Krieg`). Compounds (`Sicherheitsratssekretär`), words that merely contain a word (`wieder`, `Stunde`), camel-case names and brands (`iPhone`, `McDonald`, `BioNTech`) and inflected acronyms (`NGOs`, `GmbHs`) are not reported. The fix inserts the space; where the second word starts a new sentence it also offers a full stop.",
    why: "Scraped and machine-translated articles lose the space where an HTML tag ended. Glued words are invisible to search and to spell checkers, which often only see an unknown word.",
    bad: "Die Regierung kündigte neue Regeln für Plattformenwie Tiktok an.",
    good: "Die Regierung kündigte neue Regeln für Plattformen wie Tiktok an.",
    fixable: Fixable::Always,
};

/// Which evidence a split rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GlueKind {
    /// Lower case then upper case inside the token.
    CaseBoundary,
    /// An acronym followed by a word.
    Acronym,
    /// Two lower-case runs.
    Lower,
}

/// A proposed split of a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Split {
    /// Byte offset in the word where the space goes.
    pub at: usize,
    pub kind: GlueKind,
    /// Evidence strong enough to split a name.
    pub strong: bool,
    /// The right part is a capitalized word normally written in lower case
    /// ("Ihre"): it probably starts a sentence.
    pub new_sentence: bool,
    /// The archive writes the two parts apart elsewhere.
    pub attested: bool,
    /// Shaped like a surname: not split where the tagger found a person,
    /// even on strong evidence.
    pub surname_like: bool,
}

impl Split {
    /// A split that starts no sentence, is not attested and is not
    /// shaped like a surname.
    fn new(at: usize, kind: GlueKind, strong: bool) -> Split {
        Split {
            at,
            kind,
            strong,
            new_sentence: false,
            attested: false,
            surname_like: false,
        }
    }
}

/// The archive uses an inflected form of the word ("Jihadisten" for
/// "Jihadist", "Martin" for "Martins").
fn vocab_backoff(word: &str, k: &Known) -> bool {
    let n = word.chars().count();
    let mut buf = String::with_capacity(word.len() + 6);
    crate::lexicon::INFLECTION_SUFFIXES.iter().any(|suf| {
        if n >= suf.len() + 3
            && word.ends_with(suf)
            && k.vocabulary.count(&word[..word.len() - suf.len()]) > 0
        {
            return true;
        }
        buf.clear();
        buf.push_str(word);
        buf.push_str(suf);
        k.vocabulary.count(&buf) > 0
    })
}

/// What counts as a word.
pub struct Known<'a> {
    pub lexicon: &'a Lexicon,
    /// Lookups are noted: see [`crate::lexicon::VocabularyUse`].
    pub vocabulary: VocabView<'a>,
    /// The user's words (setting `words`).
    pub words: &'a [String],
    /// A system Hunspell dictionary, when the setting `hunspell` names one.
    pub hunspell: Option<&'a Hunspell>,
}

impl Known<'_> {
    /// The whole token is a word for certain: the lexicon has this very
    /// spelling, or the user listed it.
    fn exact(&self, w: &str, sentence_start: bool) -> bool {
        self.lexicon.contains(w)
            // Rare conjunctions the lexicon lacks ("obzwar", "dieweilen").
            || (w.len() <= 12
                && is_closed_class_de(w)
                && (sentence_start || w.starts_with(char::is_lowercase)))
            || self.words.iter().any(|x| x == w)
            || (sentence_start && self.lexicon.contains(&lower_first(w)))
            || self.hunspell(w)
    }

    /// Hunspell accepts the word; with its affix and compound rules it knows
    /// inflected forms and compounds the lexicon lacks.
    fn hunspell(&self, w: &str) -> bool {
        self.hunspell.is_some_and(|h| h.check(w))
    }

    /// A part of a token is a word: the lexicon (with backoff) knows it, the
    /// archive uses it on its own, or the user listed it.
    fn part(&self, w: &str) -> bool {
        self.lexicon.known(w)
            || self.vocabulary.count(w) > 0
            || self.words.iter().any(|x| x == w)
            || self.hunspell(w)
    }

    /// A part is a word in exactly this spelling (no inflection backoff;
    /// the lexicon's web frequencies count).
    fn part_exact(&self, w: &str) -> bool {
        self.lexicon.freq(w) > 0
            || self.vocabulary.count(w) > 0
            || self.words.iter().any(|x| x == w)
            || self.hunspell(w)
    }
}

fn upper_first(w: &str) -> String {
    let mut cs = w.chars();
    let mut out = String::with_capacity(w.len());
    if let Some(c) = cs.next() {
        out.extend(c.to_uppercase());
    }
    out.push_str(cs.as_str());
    out
}

fn lower_first(w: &str) -> String {
    let mut cs = w.chars();
    let mut out = String::with_capacity(w.len());
    if let Some(c) = cs.next() {
        out.extend(c.to_lowercase());
    }
    out.push_str(cs.as_str());
    out
}

fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic() && (c as u32) < 0x250
}

/// Only letter tokens of 4 to 64 letters are looked at.
pub const MIN_LEN: usize = 4;
pub const MAX_LEN: usize = 64;

/// Where `word` (one hyphen segment, letters only) should be split, if it is
/// two glued words.
pub fn split_word(word: &str, sentence_start: bool, k: &Known) -> Option<Split> {
    let n = word.chars().count();
    if !(MIN_LEN..=MAX_LEN).contains(&n) || !word.chars().all(is_latin_letter) {
        return None;
    }
    if k.exact(word, sentence_start) || CAMEL_CASE_WORDS.contains(&word) {
        return None;
    }
    let split = match case_boundary(word, sentence_start, k) {
        Some(s) => s,
        None => match acronym(word, k) {
            Some(s) => s,
            None => lower_split(word, sentence_start, k),
        },
    }?;
    // Known by inflection backoff ("Islamist" from "Islamisten"): split only
    // on strong evidence.
    let not_ending = split.kind == GlueKind::Lower && not_an_ending(word, split.at, k.lexicon);
    let backoff = !not_ending
        && (k.lexicon.known(word)
            || (sentence_start && k.lexicon.known(&lower_first(word)))
            // A noun form, name or place name of the NER's long lists
            // ("Seiher", "Biswas", "Hernals"). The lists ignore case, and
            // a lower-case token inside a sentence is none of these
            // ("inder" is not "Inder").
            || ((sentence_start || word.starts_with(char::is_uppercase))
                && gazetteer::long_lists(word) != 0)
            || web_word(word, sentence_start, k));
    if backoff && !split.strong {
        return None;
    }
    if split.kind == GlueKind::Lower
        && !split.attested
        && (backoff || (!not_ending && vocab_backoff(word, k)))
    {
        return None;
    }
    // Used elsewhere in the archive: a word, unless the archive writes the
    // two parts apart at least as often ("derTürkei" against "der Türkei").
    let mut uses = k.vocabulary.count(word);
    if sentence_start {
        uses += k.vocabulary.count(&lower_first(word));
    }
    if uses >= crate::lexicon::vocab::KNOWN_COUNT {
        let (l, r) = word.split_at(split.at);
        // Glue after an article, pronoun or preposition repeats
        // ("derTürkei" in several scraped articles) and stays glue; so does
        // glue before one if the archive also writes the pair apart:
        // "Metalab" twice and never "Metal ab" is a name.
        let apart = k.vocabulary.pair_count(l, r) + k.vocabulary.pair_count(&lower_first(l), r);
        let closed_pair = (is_closed_class_de(l) && l.starts_with(char::is_lowercase))
            || ((is_closed_class_de(l) || is_closed_class_de(r)) && apart > 0);
        if !(split.strong && (closed_pair || apart >= uses)) {
            return None;
        }
    }
    Some(split)
}

/// The web corpus has the whole token often enough to be a word rather
/// than glue it kept (see `lexicon::web`): at 20 per 100 million words
/// "Zweifelsohne" and "Aufnäher" are words, and on the evaluation's damaged
/// copies each seed lost one glued form ("Allzuoft") to it.
fn web_word(word: &str, sentence_start: bool, k: &Known) -> bool {
    k.lexicon.freq(word) >= WEB_MIN
        || (sentence_start && k.lexicon.freq(&lower_first(word)) >= WEB_MIN)
}
const WEB_MIN: u64 = 20;

/// "Wissenschafts-und": a truncated compound glued to the conjunction after
/// it. The segment is too short for [`split_word`]; the offset returned is
/// where the space goes, after the hyphen.
fn truncated_before_conjunction(w: &str) -> Option<usize> {
    let (head, last) = w.rsplit_once('-')?;
    let head_letters = head.rsplit('-').next()?.chars().count();
    (head_letters >= 2 && AFTER_TRUNCATION.contains(&last)).then_some(head.len() + 1)
}

/// "aufT-Shirts", "schwarzenE-Bikes": a lower-case word glued to a
/// compound that starts with one capital letter ("T-Shirt", "E-Mail",
/// "U-Bahn"). The first segment is too short a tail for [`split_word`]; the
/// offset returned is where the space goes, before the letter.
fn glued_before_letter_compound(w: &str, k: &Known) -> Option<usize> {
    let (first, _) = w.split_once('-')?;
    let (at, c) = first.char_indices().next_back()?;
    let l = &first[..at];
    let ok = c.is_uppercase()
        && l.chars().count() >= 2
        && l.chars().all(|c| c.is_lowercase() && is_latin_letter(c))
        && (is_closed_class_de(l) || k.part(l));
    ok.then_some(at)
}

/// "RachelCusk", "JozefKovalik": a token the tagger takes for a person,
/// made of two capitalized words, the first of four letters or more. The
/// camel-case names of people start with a short particle ("McDonald",
/// "DiCaprio", "MacArthur", "LeBron"). The offset is where the space goes.
fn glued_person_name(w: &str) -> Option<usize> {
    let at = w
        .char_indices()
        .skip(1)
        .find(|(_, c)| c.is_uppercase())
        .map(|(i, _)| i)?;
    let (l, r) = w.split_at(at);
    let word = |p: &str, min: usize| {
        let mut cs = p.chars();
        cs.next()
            .is_some_and(|c| c.is_uppercase() && is_latin_letter(c))
            && cs
                .as_str()
                .chars()
                .all(|c| c.is_lowercase() && is_latin_letter(c))
            && p.chars().count() >= min
    };
    (word(l, 4) && word(r, 3) && !CAMEL_CASE_WORDS.contains(&w)).then_some(at)
}

/// The hyphen-separated parts of a token; the tokenizer's flag spares
/// the search for a hyphen in the many tokens without one.
fn segments(w: &str, hyphenated: bool) -> Segments<'_> {
    if hyphenated {
        Segments::Many(w.split('-'))
    } else {
        Segments::One(Some(w))
    }
}

enum Segments<'a> {
    One(Option<&'a str>),
    Many(std::str::Split<'a, char>),
}

impl<'a> Iterator for Segments<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        match self {
            Segments::One(w) => w.take(),
            Segments::Many(s) => s.next(),
        }
    }
}

pub fn check(cx: &Ctx, sink: &mut Sink) {
    if !sink.enabled(&GLUED_WORDS) {
        return;
    }
    let text = cx.text;
    let toks = &cx.tokens.tokens;
    let known = Known {
        lexicon: Lexicon::embedded(),
        vocabulary: VocabView::from(&*cx.context.vocabulary),
        words: &cx.settings.words,
        // Loaded for the language of the settings; a document in another
        // language (front matter) goes without.
        hunspell: cx
            .context
            .hunspell
            .as_deref()
            .filter(|_| cx.language == cx.settings.language),
    };
    // First word of each sentence.
    let mut starts = vec![false; toks.len()];
    for s in &cx.tokens.sentences {
        if let Some(j) = s
            .tokens
            .clone()
            .find(|&j| toks[j].kind == TokenKind::Word || toks[j].kind == TokenKind::Number)
        {
            starts[j] = true;
        }
    }
    // After a colon German capitalizes the first word of a full sentence
    // ("Streiks: InWien sind ..."), so it counts as a sentence start; an
    // opening quote may stand between.
    for j in 1..toks.len() {
        if toks[j].kind == TokenKind::Word {
            let mut p = j - 1;
            if toks[p].kind == TokenKind::Quote && p > 0 {
                p -= 1;
            }
            if toks[p].kind == TokenKind::Punct && toks[p].text(text) == ":" {
                starts[j] = true;
            }
        }
    }
    // The words of names of two words or more ("Edward Wasserman"): the
    // same word elsewhere in the article, where the tagger may not see a
    // name (at a sentence start), is that name, not glue ("Wasserman
    // sieht"). Each word is kept with where it is, so a glued word inside
    // a name ("Thomas Tuchelsagte") is still judged in its own place.
    let mut full_names: HashMap<&str, usize> = HashMap::new();
    for n in cx.names.iter().filter_map(|(n, _)| text.get(n.clone())) {
        if n.contains(char::is_whitespace) {
            for part in n.split_whitespace() {
                let at = part.as_ptr() as usize - text.as_ptr() as usize;
                full_names.entry(part).or_insert(at);
            }
        }
    }
    let mut names = cx.names.iter().peekable();
    // Most tokens repeat; `WordMap` because SipHash on every token was a
    // tenth of the rule's time.
    let mut cache: WordMap<(&str, bool), Option<Split>> = WordMap::default();
    cache.reserve(toks.len() / 8);
    for (j, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word || t.has(flag::HAS_DIGIT) || t.has(flag::HAS_INVISIBLE) {
            continue;
        }
        let w = t.text(text);
        if full_names.get(w).is_some_and(|&at| at != t.span().start) {
            continue;
        }
        let mut found = None;
        let mut off = 0;
        for seg in segments(w, t.has(flag::HAS_HYPHEN)) {
            if (MIN_LEN..=MAX_LEN * 4).contains(&seg.len()) {
                let sentence_start = starts[j] && off == 0;
                let split = *cache
                    .entry((seg, sentence_start))
                    .or_insert_with(|| split_word(seg, sentence_start, &known));
                if let Some(s) = split {
                    found = Some((off, s));
                    break;
                }
            }
            off += seg.len() + 1;
        }
        let span: Range<usize> = t.span();
        while names.peek().is_some_and(|(n, _)| n.end <= span.start) {
            names.next();
        }
        let name = names
            .peek()
            .filter(|(n, _)| n.start < span.end)
            .map(|(_, k)| *k);
        if found.is_none() {
            // Both split at an offset into the whole token, on evidence
            // strong enough for a name.
            // The tokenizer's flag spares the search for a hyphen in the
            // many tokens without one.
            let truncated = t
                .has(flag::HAS_HYPHEN)
                .then(|| truncated_before_conjunction(w))
                .flatten()
                .map(|at| (at, GlueKind::Lower));
            let letter = t
                .has(flag::HAS_HYPHEN)
                .then(|| glued_before_letter_compound(w, &known))
                .flatten()
                .map(|at| (at, GlueKind::CaseBoundary));
            let person = (name == Some(EntityKind::Person))
                .then(|| glued_person_name(w))
                .flatten()
                .filter(|&at| !case::english_brand(&w[..at], &w[at..], &known))
                .map(|at| (at, GlueKind::CaseBoundary));
            let article = || {
                let next = toks[j + 1..].iter().take(3).map(|n| {
                    let s = n.span();
                    let in_name = cx
                        .names
                        .iter()
                        .any(|(m, _)| m.start < s.end && s.start < m.end);
                    (n.kind == TokenKind::Word && !in_name).then(|| n.text(text))
                });
                glued_article(w, starts[j], next).map(|at| (at, GlueKind::Lower))
            };
            found = truncated
                .or(letter)
                .or(person)
                .or_else(article)
                .map(|(at, kind)| (at, Split::new(0, kind, true)));
        }
        let Some((seg_off, split)) = found else {
            continue;
        };
        // Hashtags and handles write their words in camel case on purpose
        // ("#freeLy", "@HallerTagblatt"); a sentence glued to one
        // ("#BoatengDer") or a lower-case word ("#Boateng-Äußerungvon")
        // is still glue.
        if split.kind == GlueKind::CaseBoundary
            && !split.new_sentence
            && text[..t.span().start].ends_with(['#', '@'])
        {
            continue;
        }
        if name.is_some() && !split.strong {
            continue;
        }
        if name == Some(EntityKind::Person) && split.surname_like {
            continue;
        }
        let at = span.start + seg_off + split.at;
        let (left, right) = (&text[span.start..at], &text[at..span.end]);
        let mut fixes = vec![Fix::replace(
            format!("Insert a space: '{left} {right}'"),
            at..at,
            " ",
        )];
        if split.new_sentence {
            fixes.push(Fix::replace(
                format!("Insert a full stop and a space: '{left}. {right}'"),
                at..at,
                ". ",
            ));
        }
        sink.emit_about(
            &GLUED_WORDS,
            span,
            format!("'{w}' looks like '{left} {right}'"),
            fixes,
            Some(w.to_string()),
        );
    }
    sink.note_vocabulary_use(known.vocabulary.into_use());
}

#[cfg(test)]
mod tests;
