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
//! evidence.

use std::ops::Range;

use super::{Ctx, Rule, Sink};
use crate::lexicon::vocab::WordMap;
use crate::lexicon::{Hunspell, Lexicon, VocabView, is_closed_class_de, lower_dominant};
use crate::ner::EntityKind;
use crate::rules::{Fix, Fixable, Severity};
use crate::tokenize::{TokenKind, flag};

pub static GLUED_WORDS: Rule = Rule {
    code: "spacing/glued-words",
    default_severity: Severity::Warning,
    summary: "Two words without the space between them.",
    what: "Reports a word that is not known as a word (to the embedded German lexicon, the workspace's other articles, or the `words` setting) and splits into two known words: at a change from lower to upper case (`BeziehungenIhre`), after an acronym (`BRICSum`), or between a known word and a word normally written in lower case (`Plattformenwie`). Compounds (`Sicherheitsratssekretär`), words that merely contain a word (`wieder`, `Stunde`), camel-case names and brands (`iPhone`, `McDonald`, `BioNTech`) and inflected acronyms (`NGOs`, `GmbHs`) are not reported. The fix inserts the space; where the second word starts a new sentence it also offers a full stop.",
    why: "Scraped and machine-translated articles lose the space where an HTML tag ended. Glued words are invisible to search and to spell checkers, which often only see an unknown word.",
    bad: "Die Regierung kündigte neue Regeln für Plattformenwie Tiktok an.",
    good: "Die Regierung kündigte neue Regeln für Plattformen wie Tiktok an.",
    fixable: Fixable::Always,
};

/// Camel-case names and brands that are words ("YouTube"), beyond those the
/// rule already leaves alone by shape ("iPhone", "GmbH", "BioNTech").
const CAMEL_CASE_WORDS: &[&str] = &[
    "YouTube",
    "McDonald",
    "McDonalds",
    "PayPal",
    "LinkedIn",
    "WhatsApp",
    "DiCaprio",
    "PlayStation",
    "BlackRock",
    "TikTok",
    "OpenAI",
    "ChatGPT",
    "MasterCard",
    "JavaScript",
    "PowerPoint",
    "SpaceX",
    "DeepMind",
    "DeepSeek",
    "FedEx",
    "WikiLeaks",
    "SoundCloud",
    "DeSantis",
    "LaGuardia",
    "McCain",
    "McConnell",
    "McCarthy",
    "MacArthur",
    "McKinsey",
    "FaceTime",
    "iCloud",
    "HarperCollins",
    "GlaxoSmithKline",
    "ProSieben",
    "RedBull",
    "BlackBerry",
    "PricewaterhouseCoopers",
    "SoftBank",
    "BioNTech",
    "CureVac",
    "AstraZeneca",
    "AliExpress",
    "WeChat",
    "SharePoint",
    "GitHub",
    "DoorDash",
    "AirBnB",
    "StarLink",
    "VfB",
    "VfL",
    "FCs",
    "derStandard",
    "DerStandard",
    "LeBron",
    "DeVos",
    "MySpace",
];

/// Endings that make an acronym an inflected or derived word ("NGOs",
/// "ÖVPler", "CDUlerin"), never a glued word.
const ACRONYM_ENDINGS: &[&str] = &[
    "s", "n", "e", "en", "er", "ern", "es", "ler", "lern", "lers", "lerin", "lerinnen", "ler-",
    "ismus", "isten", "ist", "istin", "ische", "ischen", "ischer", "isch", "ig", "ige", "igen",
    "chen", "ern", "in", "innen", "i", "ies",
];

/// Right parts that are inflection or derivation endings as well as words
/// ("Ministerin", "Felder", "Hauses"): never split off.
const REJECT_RIGHT: &[&str] = &[
    "e", "n", "s", "en", "er", "es", "em", "ern", "ens", "nen", "st", "te", "ten", "ter", "tes",
    "de", "re", "le", "ne", "se", "ge", "be", "et", "ie", "ion", "bar", "los", "lich", "heit",
    "keit", "ung", "schaft", "tum", "weise",
];

/// Separable verb particles: "festgestellt", "aufgenommen" are words, so a
/// particle on the left is split only from an article, pronoun,
/// conjunction or preposition.
const PARTICLES: &[&str] = &[
    "ab", "an", "auf", "aus", "bei", "ein", "fest", "fort", "her", "hin", "mit", "nach", "vor",
    "weg", "weiter", "wieder", "zu", "zurück", "zusammen", "über", "unter", "um", "durch", "da",
    "dar", "empor", "entgegen", "gegen", "heim", "herab", "heran", "herauf", "heraus", "herbei",
    "herein", "herüber", "herunter", "hervor", "hinab", "hinauf", "hinaus", "hinein", "hinzu",
    "los", "nieder", "vorbei", "voran", "voraus", "weiter", "wider", "zurecht", "zwischen", "ent",
    "ver", "zer", "er", "be", "ge", "miss", "voll", "hoch", "frei", "gut", "schlecht", "statt",
    "teil", "kennen", "kaputt", "offen", "bereit", "bekannt", "klar", "bloß", "fern", "nahe",
    "kund", "preis", "stand", "still", "wahr", "irre",
];

/// Particles that are also prepositions or bound prefixes: before a verb
/// form they may well be glue ("mit denen", "zu haben").
const PREPOSITION_PARTICLES: &[&str] = &[
    "ab", "an", "auf", "aus", "bei", "ein", "mit", "nach", "vor", "zu", "über", "unter", "um",
    "durch", "da", "dar", "gegen", "zwischen", "wider", "ent", "ver", "zer", "er", "be", "ge",
    "miss",
];

/// Postpositions and adverbs that make one word with a preceding article
/// ("derzufolge", "demgemäß", "dementsprechend", "dessenungeachtet").
const ADVERB_AFTER_ARTICLE: &[&str] = &[
    "zufolge",
    "gemäß",
    "entsprechend",
    "halber",
    "wegen",
    "zuliebe",
    "ungeachtet",
    "unerachtet",
    "gegenüber",
    "zuwider",
];

/// Auxiliaries and modals: closed-class, but verbs.
const AUXILIARIES: &[&str] = &[
    "ist", "sind", "war", "waren", "bin", "bist", "seid", "wäre", "wären", "sei", "seien", "hat",
    "haben", "hatte", "hatten", "habe", "hätte", "hätten", "wird", "werden", "wurde", "wurden",
    "würde", "würden", "worden", "kann", "können", "konnte", "konnten", "könnte", "muss", "müssen",
    "musste", "mussten", "soll", "sollen", "sollte", "sollten", "will", "wollen", "wollte",
    "wollten", "darf", "dürfen", "durfte", "mag", "möchte",
];

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

    /// A part is a word in exactly this spelling (no inflection backoff).
    fn part_exact(&self, w: &str) -> bool {
        self.lexicon.contains(w)
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

/// Articles, pronouns, conjunctions and auxiliaries that are rarely the
/// first part of a word: glued to anything lower-case, they are glue
/// ("dieübrigen", "istes", "undgeduldig").
const LEFT_EVIDENCE: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "eine", "einer", "einem", "einen", "eines", "dieser",
    "diese", "dieses", "diesem", "diesen", "seine", "seiner", "seinem", "seinen", "ihre", "ihrer",
    "ihrem", "ihren", "ihres", "unsere", "sie", "es", "wir", "und", "oder", "aber", "sondern",
    "als", "dass", "weil", "wenn", "ist", "sind", "war", "waren", "wird", "werden", "wurde", "hat",
    "haben", "hatte", "kann", "muss", "soll", "sich",
    // Contractions of a preposition and an article.
    "im", "am", "zum", "zur", "vom", "beim", "ins",
];

/// Finite verbs and conjunctions that "es" and "er" follow ("gibtes",
/// "hießes", "wirder", "obes"); no adjective or noun is built on them.
const PRONOUN_BEFORE: &[&str] = &[
    "gibt", "gab", "gäbe", "gebe", "hieß", "heißt", "handelt", "handelte", "geht", "ging", "kam",
    "kommt", "bleibt", "blieb", "lebt", "lebte", "sagt", "sagte", "meint", "meinte", "hatte",
    "hätte", "wäre", "kann", "konnte", "könnte", "muss", "musste", "müsste", "soll", "sollte",
    "will", "wollte", "wird", "würde", "ob", "da", "wie", "wo", "damit", "sodass", "bevor",
    "nachdem", "obwohl", "falls", "sobald", "solange", "während",
];

/// Closed-class words that are also nouns.
const NOUN_HOMOGRAPHS: &[&str] = &[
    "würde", "waren", "soll", "samt", "statt", "wegen", "mag", "laut", "dank", "rund", "eben",
    "ende", "mal", "trotz",
];

/// Number words start "dreijähriger", "zehnprozentigen".
const NUMBER_WORDS: &[&str] = &[
    "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf",
    "zwölf", "zwanzig", "dreißig", "hundert", "tausend",
];

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

/// `word[at..]` cannot be an ending of `word[..at]`, though it is one of
/// other words: the feminine "in" drops a final vowel ("Kollegin", so
/// "Kulissein" is glue) and makes nouns only ("hatin", "deutlichin"); "es"
/// and "er" inflect no finite verb ("gibtes").
fn not_an_ending(word: &str, at: usize) -> bool {
    let (l, r) = word.split_at(at);
    match r {
        "in" => l.ends_with(['a', 'e', 'i', 'o', 'u', 'y']) || l.starts_with(char::is_lowercase),
        "es" | "er" => PRONOUN_BEFORE.contains(&lower_first(l).as_str()),
        _ => false,
    }
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
    let not_ending = split.kind == GlueKind::Lower && not_an_ending(word, split.at);
    let backoff = !not_ending
        && (k.lexicon.known(word) || (sentence_start && k.lexicon.known(&lower_first(word))));
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
        // Glue onto an article, pronoun or preposition repeats ("derTürkei"
        // in several scraped articles) and stays glue.
        let closed_pair = is_closed_class_de(l) || is_closed_class_de(r);
        let apart = k.vocabulary.pair_count(l, r) + k.vocabulary.pair_count(&lower_first(l), r);
        if !(split.strong && (closed_pair || apart >= uses)) {
            return None;
        }
    }
    Some(split)
}

/// `Some(None)`: the token has a case boundary but is not glued (a camel-case
/// name); `None`: no case boundary.
fn case_boundary(word: &str, sentence_start: bool, k: &Known) -> Option<Option<Split>> {
    let mut prev: Option<char> = None;
    let mut at = None;
    for (i, c) in word.char_indices() {
        if c.is_uppercase() && prev.is_some_and(char::is_lowercase) {
            at = Some(i);
            break;
        }
        prev = Some(c);
    }
    let at = at?;
    let (l, r) = word.split_at(at);
    let lc = l.chars().count();
    let rc = r.chars().count();
    let l_lower = l.chars().all(char::is_lowercase);
    let caps = r.chars().take_while(|c| c.is_uppercase()).count();
    // A lower-case word glued to anything capitalized ("imDrohnenflug",
    // "vonDigiTimes", "diePHs"): German writes no word this way; the
    // camel-case brands that start lower case start with one letter
    // ("iPhone", "eBay") or are listed ("derStandard").
    if l_lower
        && lc >= 2
        && rc >= 2
        && !matches!(r, "In" | "Innen" | "Inn")
        && (is_closed_class_de(l)
            || k.part_exact(l)
            // Or a lower-case run the lexicon lacks ("beachtenswerte",
            // "welligen") before a plain capitalized word: German writes
            // no word so, and brands that do are listed or start with
            // one letter.
            || (lc >= 4 && caps == 1 && r.chars().skip(1).all(char::is_lowercase)))
        // An acronym after a lower-case word: "imEU", "vormalsFPÖ", but
        // not "microSD".
        && !(caps == rc && !is_closed_class_de(l) && lc < 5)
    {
        return Some(Some(Split {
            at,
            kind: GlueKind::CaseBoundary,
            strong: true,
            new_sentence: false,
            attested: false,
            surname_like: false,
        }));
    }
    // iPhone, eBay; McDonald, DiCaprio (but "im", "zu", "am" glue).
    let short_ok = is_closed_class_de(l) && (l_lower || sentence_start);
    if lc == 1 || (lc == 2 && !short_ok) || rc == 1 {
        return Some(None);
    }
    // GmbH, AfD: a single capital; BioNTech: capitals then lower case.
    if caps >= 2 && caps < rc {
        return Some(None);
    }
    // A second case boundary in the right part is a camel-case name
    // ("PricewaterhouseCoopers" is listed, "MacBookPro" is not a glue of two words).
    if r.chars()
        .skip(1)
        .skip_while(|c| c.is_uppercase())
        .any(char::is_uppercase)
    {
        return Some(None);
    }
    // Gender forms: "ArbeitnehmerInnen".
    if matches!(r, "In" | "Innen" | "Inn") {
        return Some(None);
    }
    // "imEU", "dieUSA", but not "ScreenOS".
    if caps == rc && !is_closed_class_de(l) {
        return Some(None);
    }
    // Two capitalized parts. A given name on either side ("PabloEscobar",
    // "RegierungschefNarendra"), or two parts too long for the short
    // syllables brands are made of ("WebKit", "SanDisk", "HintHunt"), is
    // glue; English "-ing" compounds ("OnlineBanking") are not.
    let l_cap = l.chars().next().is_some_and(char::is_uppercase);
    if l_cap && caps == 1 && lc >= 3 && rc >= 3 {
        let long = ((lc + rc >= 11 && lc >= 4 && rc >= 4) || (lc >= 7 && lc + rc >= 10))
            && !r.ends_with("ing");
        // "DieZensurbehörde" at the start of a sentence.
        let article = lc <= 5 && is_closed_class_de(&lower_first(l)) && rc >= 4;
        if long || article || crate::ner::is_given_name(l) || crate::ner::is_given_name(r) {
            let r_low = lower_first(r);
            return Some(Some(Split {
                at,
                kind: GlueKind::CaseBoundary,
                strong: true,
                new_sentence: is_closed_class_de(&r_low)
                    && !AUXILIARIES.contains(&r_low.as_str())
                    && k.lexicon.freq(&r_low) >= k.lexicon.freq(r),
                attested: false,
                surname_like: false,
            }));
        }
    }
    // Otherwise ("BitLocker", "FileVault"): both common words.
    if l_cap && !sentence_start {
        let common = |w: &str| k.lexicon.stem_freq(w) >= 400;
        let used = |w: &str| common(w) || k.vocabulary.count(w) >= 2;
        if !(used(l) && used(r) && (common(l) || common(r))) {
            return Some(None);
        }
    }
    let l_known = k.part(l) || (sentence_start && k.part(&lower_first(l)));
    let r_low = lower_first(r);
    let r_known = k.part(r) || (caps == 1 && k.part(&r_low));
    if !l_known && !r_known {
        return Some(None);
    }
    let new_sentence = caps == 1
        && is_closed_class_de(&r_low)
        && !AUXILIARIES.contains(&r_low.as_str())
        && k.lexicon.freq(&r_low) >= k.lexicon.freq(r);
    // One unknown part must at least look like a word.
    if !(l_known && r_known) && (lc < 3 || rc < 3) {
        return Some(None);
    }
    Some(Some(Split {
        at,
        kind: GlueKind::CaseBoundary,
        // A lower-case word glued to a known capitalized one is no name
        // ("warnendenStimmen"): names write no capital inside a lower-case
        // run but after a one-letter prefix ("eBay") or before an acronym.
        strong: r_known && (l_known || (l_lower && lc >= 5)),
        new_sentence,
        attested: false,
        surname_like: false,
    }))
}

/// `Some(None)`: starts with an acronym but is not glued.
fn acronym(word: &str, k: &Known) -> Option<Option<Split>> {
    // Most words are not acronyms: no list of their capitals.
    if !word.chars().take(2).all(char::is_uppercase) {
        return None;
    }
    let caps: Vec<(usize, char)> = word
        .char_indices()
        .take_while(|(_, c)| c.is_uppercase())
        .collect();
    if caps.len() < 2 || caps.len() == word.chars().count() {
        return None;
    }
    let at = caps.last().map(|(i, c)| i + c.len_utf8())?;
    let (l, r) = word.split_at(at);
    if !r.chars().all(char::is_lowercase) {
        return Some(None);
    }
    // BRICSum, BRICSeinen: the acronym, then a lower-case word.
    if r.chars().count() >= 2
        && !ACRONYM_ENDINGS.contains(&r)
        && k.lexicon.freq(r) > 0
        && lower_dominant(k.lexicon, r)
    {
        let closed = is_closed_class_de(r);
        if closed || (r.chars().count() >= 4 && k.lexicon.freq(r) >= 2_000) {
            return Some(Some(Split {
                at,
                kind: GlueKind::Acronym,
                strong: closed,
                new_sentence: false,
                attested: false,
                surname_like: false,
            }));
        }
    }
    // NATOStaaten: three or more capitals, then a capitalized word.
    if caps.len() >= 4 {
        let (i, _) = caps[caps.len() - 1];
        let (l2, r2) = word.split_at(i);
        if r2.chars().count() >= 4 && k.lexicon.known(r2) && !ACRONYM_ENDINGS.contains(&r) {
            let _ = l;
            return Some(Some(Split {
                at: i,
                kind: GlueKind::Acronym,
                strong: l2.chars().count() >= 3,
                new_sentence: false,
                attested: false,
                surname_like: false,
            }));
        }
    }
    Some(None)
}

/// Right parts longer than this are not tried.
const MAX_RIGHT: usize = 20;

/// Words that start adjectives and compounds ("prokurdisch",
/// "außerplanmäßig", "vorhergesagt") rather than end a phrase: a lower-case
/// word after them is split off only when the archive writes the pair apart.
const PREFIX_WORDS: &[&str] = &[
    "pro", "anti", "meist", "not", "all", "außer", "vorher", "darüber", "dazu", "davon", "rein",
    "nichts", "links", "rechts", "gleich", "selbst", "nach", "aus", "stimm", "erb", "nicht",
    "viel", "hoch", "tief", "weit", "lang", "groß", "klein", "neu", "alt", "voll", "halb", "mehr",
    "wohl", "schnell", "gern", "fern", "nah", "ober", "unter", "über", "mittel", "haupt", "grund",
    "sonder", "gesamt", "allein", "eigen", "fremd", "mit", "gegen", "wider", "miss", "un", "ur",
    "erz", "ex", "post", "prä", "semi", "super", "ultra", "inter", "multi", "ab", "an", "bei",
    "ein", "durch", "um", "zu", "hinter", "neben", "zwischen", "irgend", "wo", "da", "hier",
    "dort", "so", "wie", "je", "immer", "schon", "fast", "kaum", "offen", "bereit", "stark",
    "hängen", "schwer", "falsch", "gut", "kalt", "übrig", "froh", "aller", "eben", "frei", "fest",
    "leicht", "tot", "klar", "nahe", "zeit", "richtig", "sicher",
];

/// Endings of masculine person nouns that take the feminine "-in"
/// ("Sprecherin", "Präsidentin", "Journalistin").
const FEMININE_BASE_ENDINGS: &[&str] = &[
    "er", "ent", "ant", "ist", "at", "et", "or", "eur", "og", "oge", "ar", "ig", "ot", "it", "ut",
    "ar", "är", "al", "an", "ier", "ast", "ekt", "nom", "naut", "graf", "graph", "soph",
];

/// The score a noun glued to a lower-case verb form or adverb needs (see
/// `noun_verb` in [`lower_split`]); 16 for other open-class right parts.
const NOUN_VERB_NEED: f64 = 12.0;

fn lower_split(word: &str, sentence_start: bool, k: &Known) -> Option<Split> {
    // Only words whose letters after the first are all lower case.
    let mut cs = word.chars();
    let first = cs.next()?;
    if !cs.as_str().chars().all(char::is_lowercase) {
        return None;
    }
    let capitalized = first.is_uppercase();
    let n = word.chars().count();
    let mut best: Option<(f64, Split)> = None;
    for (ci, (i, _)) in word.char_indices().enumerate().skip(2) {
        let rc = n - ci;
        if rc < 2 {
            break;
        }
        if rc > MAX_RIGHT {
            continue;
        }
        let (l, r) = word.split_at(i);
        // Most split points fail on the right part alone, so its tests come
        // before any work on the left part (the order of these `continue`s
        // does not change the result).
        let es_er = matches!(r, "es" | "er");
        if !es_er && REJECT_RIGHT.contains(&r) {
            continue;
        }
        // A two-letter left part splits off only as a closed-class word
        // (the test on `lc` below); asked first, it spares the walk for `r`.
        if ci < 3 && !is_closed_class_de(l) {
            continue;
        }
        let mut fr = k.lexicon.freq(r);
        // A lexicon word must also be lower_dominant(); that second walk,
        // as long as `r`, waits until the tests on spelling have passed.
        let from_lexicon = fr > 0;
        if fr == 0 {
            // A verb form the lexicon lacks but the archive writes on its
            // own, in lower case and never capitalized ("tobt", "gewechselt").
            if rc < 4 {
                continue;
            }
            let uses = k.vocabulary.count(r);
            if uses >= crate::lexicon::vocab::KNOWN_COUNT
                && k.vocabulary.count(&upper_first(r)) == 0
            {
                fr = 50 * u64::from(uses);
            } else if k.hunspell(r) {
                // A form the system dictionary knows in lower case (it
                // rejects lower-case nouns, so this is not one).
                fr = 100;
            } else {
                continue;
            }
        }
        let l_low = lower_first(l);
        // An article, pronoun or conjunction on the left ("dieübrigen",
        // "istes") is evidence as good as one on the right.
        let l_closed = (LEFT_EVIDENCE.contains(&l_low.as_str())
            && (rc >= 4 || is_closed_class_de(r) || es_er))
            || (es_er && PRONOUN_BEFORE.contains(&l_low.as_str()));
        // "es" and "er" are endings too: only after such a word.
        if es_er && !l_closed {
            continue;
        }
        // "zu" before an infinitive with an inseparable prefix: such verbs
        // take "zu" as a separate word ("zu beantworten", not a particle
        // as in "zuhören"). Not "ge-": "zugeschlagen" is a participle.
        let zu_infinitive = l_low == "zu"
            && rc >= 6
            && ["be", "er", "ver", "zer", "ent", "emp"]
                .iter()
                .any(|p| r.starts_with(p))
            && ["en", "ern", "eln"].iter().any(|e| r.ends_with(e));
        let closed = is_closed_class_de(r) || l_closed || zu_infinitive;
        let aux = AUXILIARIES.contains(&r);
        let l_lowered = if sentence_start && capitalized {
            Some(lower_first(l))
        } else {
            None
        };
        let l_key = l_lowered.as_deref().unwrap_or(l);
        // The archive writes the two apart somewhere.
        let attested = k.vocabulary.pair_count(l, r) > 0
            || l_lowered
                .as_deref()
                .is_some_and(|x| k.vocabulary.pair_count(x, r) > 0);
        // After a particle only a non-verb closed-class word is split off.
        if PARTICLES.contains(&l_key) && (aux || !closed) && !attested {
            continue;
        }
        // An adverb or adjective particle before a verb form is a
        // separable verb ("bereitgestellt", "weitergeht"), however often
        // the archive writes the two apart (older spelling allowed both).
        if PARTICLES.contains(&l_key)
            && !PREPOSITION_PARTICLES.contains(&l_key)
            && !closed
            && (r.starts_with("ge") || r.ends_with("en") || r.ends_with('t'))
        {
            continue;
        }
        // A capitalized function word inside a sentence, before a short
        // word, starts a name or a borrowing ("Biswas", "Indie"); glue
        // would keep it lower case. (Before a longer word it is more often
        // a sentence start the splitter missed: "Es zeigt" after a colon.)
        // The archive's "In die" at sentence starts attests nothing here.
        if capitalized
            && !sentence_start
            && rc <= 3
            && is_closed_class_de(&l_low)
            // The polite "Sie" is capitalized anywhere.
            && !matches!(l, "Sie" | "Ihr" | "Ihre" | "Ihnen")
            && !NOUN_HOMOGRAPHS.contains(&l_low.as_str())
        {
            continue;
        }
        // "falls" and "weil" follow a comma or a conjunction, never a word
        // they could be glued to ("notfalls", "allweil" are words); "euer"
        // hardly ever follows a noun ("Akteuer").
        if matches!(r, "falls" | "weil" | "euer") && !is_closed_class_de(&l_low) {
            continue;
        }
        // An adjective before "sein" makes a noun ("Glücklichsein",
        // "Anderssein").
        if r == "sein" && capitalized && lower_dominant(k.lexicon, &l_low) {
            continue;
        }
        // "man" never follows a noun inside a sentence; English and
        // Jewish surnames end so ("Wasserman", "Freeman").
        if r == "man" && capitalized && !sentence_start {
            continue;
        }
        // "-ist" makes person nouns of borrowed stems ("Essayist",
        // "Internationalist"); native nouns do not end so.
        if r == "ist"
            && capitalized
            && ["al", "ay", "iv", "ion"].iter().any(|e| l.ends_with(e))
            && !attested
        {
            continue;
        }
        // Adverbs built on an article or a demonstrative: "derzufolge",
        // "demgemäß", "ebendieser".
        if (matches!(l_low.as_str(), "der" | "dem" | "des" | "deren" | "dessen")
            && ADVERB_AFTER_ARTICLE.contains(&r))
            || (l_key == "eben" && (r.starts_with("dies") || r.starts_with("jen")))
        {
            continue;
        }
        // Weltweit, Erfolgreich: adjective compounds at the sentence start.
        if sentence_start && capitalized && !closed && !attested {
            continue;
        }
        let lc = ci;
        if lc < 3 && !(closed && is_closed_class_de(l)) {
            continue;
        }
        // Present participles: "schwebenden", "Steuerzahlenden",
        // "behandelnder", "schimmernder".
        let infinitive =
            l.ends_with("en") || (!capitalized && (l.ends_with("ln") || l.ends_with("rn")));
        if infinitive && matches!(r, "den" | "der" | "des" | "dem") && !attested {
            continue;
        }
        // Short right parts end many words and names ("Kimmich", "Salman").
        if rc <= 3 && lc < 4 && !is_closed_class_de(l) && !attested {
            continue;
        }
        // Closed-class words that are also nouns: "Menschenwürde", "Wurstwaren".
        if capitalized && NOUN_HOMOGRAPHS.contains(&r) && !attested {
            continue;
        }
        // Feminine nouns: "Sprecherin", "Präsidentin".
        if r == "in" && FEMININE_BASE_ENDINGS.iter().any(|e| l.ends_with(e)) {
            continue;
        }
        // Before an open-class word, the tests on spelling come first: the
        // tests on the lexicon below are walks through the fst.
        let open = !closed && !attested;
        if open {
            // Not a word that starts adjectives and compounds.
            if PREFIX_WORDS.contains(&l_low.as_str()) {
                continue;
            }
            // Nominalized verbs: "Straßengeschehen", "Nachsehen".
            if capitalized
                && (r.ends_with("ung")
                    || (r.ends_with('n') && !(rc >= 7 && l.chars().count() >= 6)))
            {
                continue;
            }
            // Separable verbs and their participles: "offengelassen",
            // "starkmachen", "bereitgestellt".
            if !capitalized && (r.starts_with("ge") || r.ends_with("en")) {
                continue;
            }
            if NUMBER_WORDS.iter().any(|w| l_low.starts_with(w)) {
                continue;
            }
        }
        let r_cap = if from_lexicon || (open && capitalized) {
            k.lexicon.freq_upper_first(r)
        } else {
            0
        };
        if from_lexicon && fr < r_cap {
            continue;
        }
        // A noun inside a sentence glued to a finite verb, a participle or
        // an adverb that German writes only in lower case: no compound is
        // written so ("Kaffeeverkauft", "Syrientobt", "Samstagoffenbar").
        // But "Pausenpfiff" is a compound and "pfiff" also a verb, so only
        // the endings of verb forms and adverbs qualify.
        let noun_verb = open
            && capitalized
            && !sentence_start
            // Capitalized only at sentence starts: "Verkauft" is rare.
            && fr >= 10 * r_cap
            && (r.ends_with('t')
                || ["lich", "mals", "falls", "weise"].iter().any(|e| r.ends_with(e))
                // Participles in -en ("geschworen") and frequent verb forms
                // with no noun or adjective ending ("sprach", "fiel").
                || (r.starts_with("ge") && r.ends_with("en") && rc >= 7)
                || (fr >= 2_000
                    && fr >= 20 * r_cap
                    && rc >= 4
                    && !r.ends_with(['e', 'n', 'r', 's', 'm'])));
        // The left part: a word as written, or with an inflection ending
        // or as a compound (only before a closed-class word).
        let exact = k.part_exact(l) || l_lowered.as_deref().is_some_and(|x| k.part_exact(x));
        if open {
            // Before an open-class word only a word as written will do.
            if !exact {
                continue;
            }
            // Noun compounds: the right part is also a noun ("Mutfrage").
            if capitalized && r_cap > 0 && !noun_verb {
                continue;
            }
        }
        let mut fl = k
            .lexicon
            .freq(l)
            .max(l_lowered.as_deref().map(|x| k.lexicon.freq(x)).unwrap_or(0));
        if fl == 0 && exact {
            fl = 100;
        }
        let mut compound = false;
        if fl == 0 {
            fl = k.lexicon.stem_freq(l).max(
                l_lowered
                    .as_deref()
                    .map(|x| k.lexicon.stem_freq(x))
                    .unwrap_or(0),
            );
        }
        if fl == 0 && capitalized && closed {
            fl = compound_freq(l, r, k.lexicon);
            compound = fl > 0;
        }
        let conjunction = fl == 0 && conjunction_after_any_word(l, r);
        if conjunction {
            fl = 100;
        }
        if fl == 0 {
            continue;
        }
        if r == "in" && !exact {
            continue;
        }
        let prod = if not_an_ending(word, i) {
            0.0
        } else {
            k.lexicon.ending_productivity(r) as f64
        };
        let mut score = (fl as f64).ln() + (fr as f64).ln() - 1.5 * (1.0 + prod).ln();
        if closed {
            score += 4.0;
        }
        if compound {
            score -= 2.0;
        }
        if attested {
            score += 4.0;
        }
        let need = if closed {
            10.0
        } else if noun_verb {
            NOUN_VERB_NEED
        } else {
            16.0
        };
        if score < need {
            continue;
        }
        let split = Split {
            at: i,
            kind: GlueKind::Lower,
            // Auxiliaries of five letters or more end no name ("hatte",
            // "wurde", "können"); "ist", "hat", "war" do.
            strong: (closed && (!aux || rc >= 5) && exact && fl >= 1_000)
                || (attested && exact)
                || conjunction,
            // A short capitalized word ending in a short function word is
            // as often a surname ("Kimmich", "Zehnder", "Ballin").
            // At a sentence start, a function word on the left is the start
            // of the sentence ("Ichbin"), whatever the tagger says.
            surname_like: capitalized
                && n <= 7
                && rc <= 4
                && !(sentence_start && is_closed_class_de(&l_low)),
            new_sentence: false,
            attested,
        };
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, split));
        }
    }
    best.map(|(_, s)| s)
}

/// Conjunctions, pronouns and auxiliaries that end no word, except after
/// these letters of the word before ("Grund", "Mund", "Bund", "Berglund",
/// "Sound", "Moder", "Decoder", "Schlauch").
const CONJUNCTION_ENDS: &[(&str, &[char])] = &[
    ("und", &['b', 'f', 'g', 'h', 'l', 'm', 'o', 'r', 's', 'w']),
    ("oder", &['c', 'd', 'l', 'm', 'r']),
    ("sowie", &[]),
    ("auch", &['b', 'h', 'l', 'r']),
    ("nicht", &[]),
    ("sich", &[]),
    ("dass", &[]),
    ("wird", &[]),
    ("wurde", &[]),
    ("werden", &['u']), // "loszuwerden"
    ("sind", &[]),
    ("hatte", &[]),
];

/// "Vonnegutund", "Ökoenergieund": one of [`CONJUNCTION_ENDS`] after a
/// left part the lexicon does not know (a name, a rare compound) is glue
/// if no word ends in it after that letter.
fn conjunction_after_any_word(l: &str, r: &str) -> bool {
    let Some((_, not_after)) = CONJUNCTION_ENDS.iter().find(|(c, _)| *c == r) else {
        return false;
    };
    let last = l
        .chars()
        .next_back()
        .map(|c| c.to_lowercase().next().unwrap_or(c));
    l.chars().count() >= 4
        && l.chars()
            .any(|c| "aeiouäöüy".contains(c.to_lowercase().next().unwrap_or(c)))
        && last.is_some_and(|c| !not_after.contains(&c))
}

/// A compound of two known nouns ("Weltkrieges" = "Welt" + "Krieges"):
/// the smaller frequency of the parts, or 0. Also 0 when the head and the
/// right part `r` make a word: the token is then a compound of that word
/// ("Temperatur" + "Gründen", not "Temperaturgrün" + "den").
fn compound_freq(l: &str, r: &str, lex: &Lexicon) -> u64 {
    let n = l.chars().count();
    if n < 7 {
        return 0;
    }
    let mut best = 0;
    for (ci, (i, _)) in l.char_indices().enumerate().skip(3) {
        if n - ci < 4 {
            break;
        }
        let (a, b) = l.split_at(i);
        if ci < 4 {
            continue;
        }
        let fa = lex.freq(a).max(
            // linking s/es/n/en
            ["s", "es", "n", "en"]
                .iter()
                .filter_map(|s| a.strip_suffix(s))
                .filter(|a| a.chars().count() >= 3)
                .map(|a| lex.freq(a))
                .max()
                .unwrap_or(0),
        );
        if fa == 0 {
            continue;
        }
        // A rare last part is more often the stem of a longer word
        // ("Westbalk" from "Westbalkan") than a compound's head.
        let head = upper_first(b);
        if lex.stem_freq(&format!("{head}{r}")) > 0 {
            return 0;
        }
        let fb = lex.stem_freq(&head);
        if fb >= 500 {
            best = best.max(fa.min(fb));
        }
    }
    best
}

/// Conjunctions that follow a truncated compound ("Wissenschafts- und
/// Forschungspolitik") and never end a hyphenated word.
const AFTER_TRUNCATION: &[&str] = &["und", "oder", "sowie", "bzw"];

/// "Wissenschafts-und": a truncated compound glued to the conjunction after
/// it. The segment is too short for [`split_word`]; the offset returned is
/// where the space goes, after the hyphen.
fn truncated_before_conjunction(w: &str) -> Option<usize> {
    let (head, last) = w.rsplit_once('-')?;
    let head_letters = head.rsplit('-').next()?.chars().count();
    (head_letters >= 2 && AFTER_TRUNCATION.contains(&last)).then_some(head.len() + 1)
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
        let mut found = None;
        let mut off = 0;
        for seg in w.split('-') {
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
        if found.is_none() {
            found = truncated_before_conjunction(w).map(|at| {
                let strong = Split {
                    at: 0,
                    kind: GlueKind::Lower,
                    strong: true,
                    new_sentence: false,
                    attested: false,
                    surname_like: false,
                };
                (at, strong)
            });
        }
        let Some((seg_off, split)) = found else {
            continue;
        };
        let span: Range<usize> = t.span();
        while names.peek().is_some_and(|(n, _)| n.end <= span.start) {
            names.next();
        }
        let name = names
            .peek()
            .filter(|(n, _)| n.start < span.end)
            .map(|(_, k)| *k);
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
