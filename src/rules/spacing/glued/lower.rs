//! Splits between two lower-case runs ("Plattformenwie", "istnicht"),
//! scored by the frequencies of both parts against how often the right part
//! ends ordinary words.

use super::wordlists::{
    ADVERB_AFTER_ARTICLE, AUXILIARIES, CONJUNCTION_ENDS, FEMININE_BASE_ENDINGS, LEFT_EVIDENCE,
    NOUN_HOMOGRAPHS, NUMBER_WORDS, PARTICLES, PREFIX_WORDS, PREPOSITION_PARTICLES, PRONOUN_BEFORE,
    REJECT_RIGHT, STRONG_PAST, Side, glue_adverb,
};
use super::{GlueKind, Known, Split, lower_first, upper_first};
use crate::lexicon::{Lexicon, is_closed_class_de, lower_dominant};
use crate::ner::gazetteer;

/// Endings of adverbs and uninflected adjectives, which no noun ends in.
const ADVERB_ENDINGS: &[&str] = &["mals", "wegs", "dings", "wärts", "lich", "bar"];

/// Right parts longer than this are not tried.
const MAX_RIGHT: usize = 20;

/// The score a noun glued to a lower-case verb form or adverb needs (see
/// [`Parts::noun_verb`]), 10 where the right part can only be a participle
/// or a finite verb ("gebilligt", "polarisiert"); 16 for other open-class
/// right parts.
const NOUN_VERB_NEED: f64 = 12.0;

pub(super) fn lower_split(word: &str, sentence_start: bool, k: &Known) -> Option<Split> {
    let split = split_runs(word, sentence_start, k);
    if let Some(mut s) = split {
        // A sentence opened by a word normally written in lower case
        // ("Dabei|hat"): strong, as below.
        if sentence_start && lower_dominant(k.lexicon, &lower_first(&word[..s.at])) {
            s.strong = true;
        }
        return Some(s);
    }
    if !sentence_start {
        return None;
    }
    // A capital at a sentence start says nothing: where the left part is
    // a word normally written in lower case, the token is judged as if
    // written inside a sentence ("Deshalbgibt", "Allerdingsbegann"; but
    // not "Weltweit", whose "Welt" is a noun).
    let lowered = lower_first(word);
    if lowered == word || lowered.len() != word.len() {
        return None;
    }
    // Passed as a sentence start in lower case: see `Parts::new`.
    let mut s = split_runs(&lowered, true, k)?;
    if !lower_dominant(k.lexicon, &lowered[..s.at]) {
        return None;
    }
    // No name starts with a word written in lower case followed by a
    // lower-case word, so the split stands where the tagger sees a name
    // in the capitalized token ("Washeißt").
    s.strong = true;
    Some(s)
}

fn split_runs(word: &str, sentence_start: bool, k: &Known) -> Option<Split> {
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
        // before any work on the left part (the order of the tests does not
        // change the result).
        if !right_may_split_off(l, r, ci) {
            continue;
        }
        let Some(right) = right_freq(l, r, rc, k) else {
            continue;
        };
        let Some(c) = Parts::new(l, r, ci, rc, capitalized, sentence_start, k) else {
            continue;
        };
        if c.one_word(k) {
            continue;
        }
        let Some((score, split)) = c.score(word, i, n, right, k) else {
            continue;
        };
        // Strong evidence beats a higher score on weak evidence:
        // "Kritik|seines" (a closed-class word after a known noun), not
        // "Kritiks|eines".
        if best
            .as_ref()
            .is_none_or(|(s, b)| (split.strong, score) > (b.strong, *s))
        {
            best = Some((score, split));
        }
    }
    best.map(|(_, s)| s)
}

/// Tests on the spelling of the right part alone.
fn right_may_split_off(l: &str, r: &str, lc: usize) -> bool {
    // "es" and "er" are endings too, but also pronouns ("gibtes"):
    // [`Parts::new`] decides.
    if !matches!(r, "es" | "er") && REJECT_RIGHT.contains(r) {
        return false;
    }
    // A two-letter left part splits off only as a closed-class word
    // (the test on `lc` in [`Parts::derivation`]); asked first, it spares
    // the walk for `r`.
    lc >= 3 || is_closed_class_de(l)
}

/// How often the right part is a word of its own.
#[derive(Clone, Copy)]
struct RightFreq {
    freq: u64,
    /// The frequency is the lexicon's, not an estimate from the archive or
    /// Hunspell.
    from_lexicon: bool,
    /// The frequency is that of the bare adjective: see
    /// [`inflected_adjective`].
    adjective: bool,
}

fn right_freq(l: &str, r: &str, rc: usize, k: &Known) -> Option<RightFreq> {
    let freq = k.lexicon.freq(r);
    if freq > 0 {
        return Some(RightFreq {
            freq,
            from_lexicon: true,
            adjective: false,
        });
    }
    // A verb form the lexicon lacks but the archive writes on its own, in
    // lower case and never capitalized ("tobt", "gewechselt").
    if rc < 4 {
        return None;
    }
    let uses = k.vocabulary.count(r);
    let freq =
        if uses >= crate::lexicon::vocab::KNOWN_COUNT && k.vocabulary.count(&upper_first(r)) == 0 {
            50 * u64::from(uses)
        } else if k.hunspell(r) {
            // A form the system dictionary knows in lower case (it rejects
            // lower-case nouns, so this is not one).
            100
        } else if let Some(f) = adjective_after_closed_word(l, r, k.lexicon) {
            return Some(RightFreq {
                freq: f,
                from_lexicon: false,
                adjective: true,
            });
        } else {
            return None;
        };
    Some(RightFreq {
        freq,
        from_lexicon: false,
        adjective: false,
    })
}

/// [`inflected_adjective`], asked only after a closed-class word: only there
/// is it trusted (see [`Parts::score`]), and its lookups, made for most
/// split points of an unknown token, cost a sixth of the rule's
/// instructions when asked everywhere.
fn adjective_after_closed_word(l: &str, r: &str, lex: &Lexicon) -> Option<u64> {
    (l.len() <= 7 && r.ends_with(['e', 'n', 'r', 'm', 's']) && is_closed_class_de(l))
        .then(|| inflected_adjective(r, lex).or_else(|| rare_derived_adjective(l, r)))
        .flatten()
}

/// Articles and prepositions of three letters or more before an adjective
/// ("der prokurdischen", "von zahlreichen"); shorter ones and pronouns
/// start too many words ("ins|titutionellem", "wir|kungsorientierte").
const ADJECTIVE_DETERMINERS: &[&str] = &[
    "der", "die", "das", "des", "dem", "den", "einem", "einen", "einer", "eines", "zur", "zum",
    "vom", "beim", "von", "für", "gegen", "ohne", "mit", "aus", "bei", "nach", "über", "unter",
    "durch", "keine", "keinen", "keinem", "keiner", "seine", "seinen", "seinem", "seiner", "ihre",
    "ihren", "ihrem", "ihrer", "diese", "diesen", "diesem", "dieser",
];

/// Two consonants a German word can start with ("br", "sch", "st").
fn onset_ok(r: &str) -> bool {
    let mut cs = r.chars();
    let (Some(a), Some(b)) = (cs.next(), cs.next()) else {
        return false;
    };
    let vowel = |c: char| "aeiouäöüy".contains(c);
    if vowel(a) || vowel(b) {
        return true;
    }
    matches!(
        (a, b),
        ('b' | 'f' | 'g' | 'k' | 'p', 'l' | 'r')
            | ('d' | 't' | 'w', 'r')
            | ('c', 'h')
            | ('k', 'n')
            | ('p', 'f' | 'h')
            | ('s', 'c' | 'k' | 'l' | 'm' | 'n' | 'p' | 't' | 'w')
            | ('t', 'h' | 's')
            | ('z', 'w')
    )
}

/// Suffixes of derived adjectives and participles ("prokurdisch",
/// "selbstlernend", "vorinstalliert").
const RARE_ADJECTIVE_SUFFIXES: &[&str] = &[
    "isch", "lich", "ig", "bar", "sam", "haft", "los", "end", "iert", "ös", "är", "ell", "iv",
];

/// An inflected adjective too rare for the lexicon, told by its spelling:
/// a derived adjective or participle with an inflection ending
/// ("prokurdischen", "selbstlernenden", "westsudanesischen"), eight
/// letters or more. Asked only after a closed-class word, where German
/// writes such an adjective apart; the words an article or preposition
/// starts with these endings ("derartigen", "umfangreichen") are in the
/// lexicon and never get here. The frequency is a token one.
fn rare_derived_adjective(l: &str, r: &str) -> Option<u64> {
    if r.chars().count() < 8
        || !ADJECTIVE_DETERMINERS.contains(&l)
        || !onset_ok(r)
        || !r.chars().all(char::is_lowercase)
    {
        return None;
    }
    ADJECTIVE_ENDINGS
        .iter()
        .filter_map(|e| r.strip_suffix(e))
        .any(|stem| RARE_ADJECTIVE_SUFFIXES.iter().any(|s| stem.ends_with(s)))
        .then_some(100)
}

/// A verb form the lexicon lacks ("blendet", "fütterten", "bugsierte"): a
/// tenth of the frequency of its infinitive; 0 when it has none.
fn verb_form(w: &str, lex: &Lexicon) -> u64 {
    [
        "eten", "ete", "ten", "te", "tet", "test", "et", "t", "st", "e",
    ]
    .iter()
    .filter_map(|e| w.strip_suffix(e))
    .map(|stem| {
        let stem = stem
            .strip_prefix("ge")
            .filter(|s| s.chars().count() >= 3)
            .unwrap_or(stem);
        infinitive_freq(stem, lex) / 10
    })
    .max()
    .unwrap_or(0)
}

/// The frequency of the infinitive of `stem` ("leb" → "leben", "sammel" →
/// "sammeln") if it is a word of 100 per 100 million or more written
/// mostly in lower case (a verb, not a noun), else 0.
fn infinitive_freq(stem: &str, lex: &Lexicon) -> u64 {
    if stem.chars().count() < 3 {
        return 0;
    }
    ["en", "n"]
        .iter()
        .map(|i| {
            let inf = format!("{stem}{i}");
            let f = lex.freq(&inf);
            if f >= 100 && f >= lex.freq_upper_first(&inf) {
                f
            } else {
                0
            }
        })
        .max()
        .unwrap_or(0)
}

/// An adjective with an inflection ending the lexicon lacks in this form
/// ("nächtliche", "erbärmlichen"): the frequency of the bare adjective,
/// which German writes in lower case.
fn inflected_adjective(r: &str, lex: &Lexicon) -> Option<u64> {
    ADJECTIVE_ENDINGS.iter().find_map(|e| {
        let stem = r.strip_suffix(e)?;
        if stem.chars().count() < 4 {
            return None;
        }
        // Not "weil|en", "kann|e", "nahm|e": closed-class words and short
        // verb forms take no adjective ending (participles do:
        // "ausgerufene").
        if is_closed_class_de(stem)
            || (stem.chars().count() <= 5 && stem.ends_with(['t', 'm', 'n']))
        {
            return None;
        }
        let f = lex.freq(stem);
        (f >= 100 && f >= lex.freq_upper_first(stem)).then_some(f)
    })
}

/// Endings of nouns that take a linking "s" in every compound.
const LINKING_S_ENDINGS: &[&str] = &["ung", "heit", "keit", "schaft", "ion", "tät"];

/// `l` ends like a noun that joins a compound only with a linking "s".
fn takes_linking_s(l: &str) -> bool {
    LINKING_S_ENDINGS.iter().any(|e| l.ends_with(e))
}

/// `l` is the dative plural of a noun whose plural ends in "-e", "-el" or
/// "-er" ("Tagen", "Protesten", "Mitteln"): a form no compound starts
/// with ("Tageszeit", "Mittelweg"), so before a word written in lower case
/// it is glue ("Tagen|waren", "Standorten|passieren"). Nouns whose plural is "-en"
/// ("Straßen", "Frauen") make compounds with it and are not matched: their
/// form without "-en" is no word.
fn dative_plural(l: &str, lex: &Lexicon) -> bool {
    if !l.starts_with(char::is_uppercase) || l.chars().count() < 5 {
        return false;
    }
    let f = lex.freq(l);
    if let Some(stem) = l.strip_suffix("en") {
        // The plural in "-e" is the more common form, and the noun takes a
        // genitive "-(e)s": a strong noun ("Tag", "Tage", "Tages"), not a
        // feminine one whose singular ends in "-e" ("Akte", "Gruppe") nor
        // a noun whose plural is "-en" ("Motoren").
        let plural = lex.freq(&format!("{stem}e"));
        let genitive = lex
            .freq(&format!("{stem}es"))
            .max(lex.freq(&format!("{stem}s")));
        return lex.freq(stem) > 0 && plural >= f && genitive > 0;
    }
    (l.ends_with("eln") || l.ends_with("ern")) && lex.freq(&l[..l.len() - 1]) > 0
}

/// What follows the "s" of `r` is a word: the "s" may be the linking one
/// of the left part ("Regierung|sende" is "Regierungs|ende").
fn after_linking_s_is_word(r: &str, k: &Known) -> bool {
    let rest = &r[1..];
    rest.chars().count() < 3 || k.part(rest) || k.part(&upper_first(rest))
}

/// Pronouns and adverbs that open a sentence before its finite verb.
const V2_OPENERS: &[&str] = &[
    "er", "sie", "es", "wir", "ich", "ihr", "man", "hier", "dort", "so", "dann", "nun", "jetzt",
    "heute", "gestern", "damals", "bald", "oft", "doch",
];

/// Personal pronouns in the nominative.
const PERSONAL_PRONOUNS: &[&str] = &["er", "sie", "es", "wir", "ich", "ihr"];

/// The verb form `r` can follow the pronoun `p`: "er" and "es" take no
/// plural ("erblühten" is a verb in "er-"), "wir" nothing but one.
fn agrees(p: &str, r: &str) -> bool {
    match p {
        "er" | "es" | "ich" => !r.ends_with('n'),
        "wir" => r.ends_with('n'),
        _ => true,
    }
}

/// Conjunctions after which "es" and "er" are pronouns, written in lower
/// case ("weil er"; "Weiler" is a word).
const CONJUNCTIONS_BEFORE_PRONOUN: &[&str] = &[
    "wenn",
    "weil",
    "dass",
    "als",
    "sofern",
    "seit",
    "ehe",
    "wenngleich",
    "zumal",
];

/// A finite verb form: a past tense, or a present tense the lexicon
/// writes in lower case and whose infinitive it knows ("schnürt", "bleibe").
fn finite_verb(r: &str, lex: &Lexicon) -> bool {
    past_tense(r, lex)
        || (r.ends_with(['t', 'e'])
            && !r.starts_with("ge")
            && lower_dominant(lex, r)
            && verb_form(r, lex) > 0)
}

/// Prepositions that go before an adjective and its noun ("mit klarer
/// Mehrheit").
const ADJECTIVE_PREPOSITIONS: &[&str] = &[
    "an", "auf", "aus", "bei", "mit", "nach", "vor", "über", "unter", "um", "durch", "gegen",
    "zwischen", "von", "in",
];

/// Articles and possessives without an ending, before which an adjective
/// ends in "-er" or "-es".
const UNINFLECTED_ARTICLES: &[&str] = &["ein", "kein", "mein", "dein", "sein", "unser", "euer"];

/// A preposition or article glued to an inflected adjective ("mitklarer",
/// "ansozialen", "inerster"): German makes adjectives of a particle and an
/// adjective ("anständig", "aufwendig", "vorläufig"), so only where the
/// token without its ending is no word. Participles are left alone: of a
/// particle verb they are one word ("vorgesehenen", "anhaltender").
fn preposition_adjective(l: &str, r: &str, lex: &Lexicon) -> bool {
    let endings: &[&str] = if ADJECTIVE_PREPOSITIONS.contains(&l) {
        ADJECTIVE_ENDINGS
    } else if UNINFLECTED_ARTICLES.contains(&l) {
        // "ein roter", "kein neues".
        &["er", "es"]
    } else {
        return false;
    };
    if r.starts_with("ge") {
        return false;
    }
    endings.iter().any(|e| {
        let Some(base) = r.strip_suffix(e) else {
            return false;
        };
        // "-en" and "-e" end verb forms too ("ausdünnen", "überbringe"):
        // there only derived adjectives ("sozialen", "kritische").
        if matches!(*e, "en" | "e") && !DERIVED_ADJECTIVE_ENDINGS.iter().any(|d| base.ends_with(d))
        {
            return false;
        }
        let bare = lex.freq(base);
        base.chars().count() >= 3
            && !base.ends_with("end")
            && !is_closed_class_de(base)
            && bare >= 100
            && bare >= lex.freq_upper_first(base)
            && lex.freq(&format!("{l}{base}")) == 0
            && lex.freq(&format!("{l}{base}e")) == 0
            && lex.freq(&format!("{l}{r}")) == 0
    })
}

/// An adjective or participle with no ending ("geregelt", "schriftlich",
/// "trostlos"): after "nicht" it is a predicate, which German writes
/// apart from "nicht"; only the inflected attributive forms join
/// ("nichtöffentliche"), and participles in "-end" ("nichtrostend").
fn predicative(r: &str, lex: &Lexicon) -> bool {
    r.chars().count() >= 4
        && !ADJECTIVE_ENDINGS.iter().any(|e| r.ends_with(e))
        && !r.ends_with("end")
        && lower_dominant(lex, r)
}

/// A frequent word German writes in lower case, not closed-class and no
/// infinitive, participle or past tense: mostly adjectives and adverbs
/// ("leicht", "wenig", "vieles"), also present tenses ("bleibt").
fn plain_adjective(r: &str, lex: &Lexicon) -> bool {
    let f = lex.freq(r);
    f >= 100
        && f >= 4 * lex.freq_upper_first(r)
        && !verb_not_adjective(r, lex)
        // Past tenses and subjunctives ("wie|gelte" is "wiegelte").
        && !r.ends_with("te")
        && !is_closed_class_de(r)
}

/// Inflection endings of adjectives, longest first where one ends
/// another ("-en" before "-e").
const ADJECTIVE_ENDINGS: &[&str] = &["en", "er", "em", "es", "e"];

/// Endings of derived adjectives ("sachlich", "satirisch", "lesbar",
/// "formell", "global", "massiv").
const DERIVED_ADJECTIVE_ENDINGS: &[&str] = &["lich", "isch", "bar", "ell", "al", "iv"];

/// A past participle in ge-...-t or -iert written in lower case
/// ("gemeint", "versiert"); those in -en ("vorgegeben") are judged by
/// [`verb_not_adjective`].
fn participle(r: &str, lex: &Lexicon) -> bool {
    if !(r.ends_with("iert") || (r.starts_with("ge") && r.ends_with('t'))) {
        return false;
    }
    let f = lex.freq(r);
    f > 0 && f >= 4 * lex.freq_upper_first(r)
}

/// An infinitive, participle or past tense that is no adjective form:
/// "bleiben", "gegeben", "zurückschreckte", but not "öffentlichen" (from
/// "öffentlich"), "leitenden" or "ehelichen", which is a verb too.
fn verb_not_adjective(r: &str, lex: &Lexicon) -> bool {
    if past_tense(r, lex) {
        return true;
    }
    let Some(stem) = r.strip_suffix("en") else {
        return false;
    };
    let f = lex.freq(r);
    // An adjective has its "-e" form too ("öffentlich", "öffentliche");
    // "überschritt" is a verb form. Asked last: it spells a word.
    let adjective = || {
        let fs = lex.freq(stem);
        fs > 0 && fs >= lex.freq_upper_first(stem) && lex.freq(&format!("{stem}e")) > 0
    };
    stem.chars().count() >= 3
        && !r.ends_with("enden")
        // Adjectives: "ehelichen" is a verb too, "nichtehelich" a word.
        && !["lichen", "igen", "ischen", "baren", "samen", "alen", "ellen", "iven"]
            .iter()
            .any(|e| r.ends_with(e))
        && f >= 100
        && f >= lex.freq_upper_first(r)
        && !adjective()
}

/// A split point and what the spelling of its two parts says.
struct Parts<'a> {
    l: &'a str,
    r: &'a str,
    lc: usize,
    rc: usize,
    capitalized: bool,
    sentence_start: bool,
    /// `l` with its first letter lowered.
    l_low: String,
    /// A closed-class word on either side, or "zu" before an infinitive.
    closed: bool,
    /// The right part is an auxiliary or a modal.
    aux: bool,
    /// The archive writes the two apart somewhere.
    attested: bool,
}

impl<'a> Parts<'a> {
    /// `None` when "es" or "er" on the right can only be an ending.
    fn new(
        l: &'a str,
        r: &'a str,
        lc: usize,
        rc: usize,
        capitalized: bool,
        sentence_start: bool,
        k: &Known,
    ) -> Option<Self> {
        let es_er = matches!(r, "es" | "er");
        let l_low = lower_first(l);
        // An article, pronoun or conjunction on the left ("dieübrigen",
        // "istes") is evidence as good as one on the right.
        let l_closed = (LEFT_EVIDENCE.contains(l_low.as_str())
            && (rc >= 4 || is_closed_class_de(r) || es_er))
            || (es_er && pronoun_after(&l_low, capitalized, k.lexicon))
            || (rc >= 4 && glue_adverb(&l_low, Side::Left))
            // A derived adjective or adverb before a verb form
            // ("satirisch|gemeint", "fachlich|versiert"): German writes
            // such pairs apart; it joins only plain adjectives to
            // participles ("hochbegabt", "tiefgekühlt").
            || (!capitalized
                && rc >= 5
                && DERIVED_ADJECTIVE_ENDINGS.iter().any(|e| l.ends_with(e))
                && lower_dominant(k.lexicon, &l_low)
                && (verb_not_adjective(r, k.lexicon) || participle(r, k.lexicon)))
            // A preposition before a number word ("inzwei", "umacht"):
            // no word is made so; "ein" is left out ("Andrei").
            || (!capitalized
                && ADJECTIVE_PREPOSITIONS.contains(&l_low.as_str())
                && NUMBER_WORDS[1..].contains(&r))
            // "so", "wie" and "mehr" before an adjective or participle
            // ("soleicht", "wiewenig", "mehrgerüstet"): the words they
            // start are few and listed ("sogenannt", "soweit", "mehrfach").
            || (!capitalized
                && rc >= 4
                && (matches!(l_low.as_str(), "so" | "wie") && plain_adjective(r, k.lexicon)
                    || l_low == "mehr" && participle(r, k.lexicon)))
            // "nicht" starts adjectives and participles in -end
            // ("nichtöffentlich", "nichtrostend"), no verb forms or
            // predicates (see `predicative`); not at a sentence start,
            // where "Nichtwissen" is a noun.
            || (l_low == "nicht"
                && !capitalized
                && !sentence_start
                && (verb_not_adjective(r, k.lexicon) || predicative(r, k.lexicon)))
            // A sentence opened by a function word glued to the next
            // ("Dochverglichen", "Damitimitierten", lowered by
            // `lower_split`): no word starts with an article, conjunction
            // or most pronouns and goes on in lower case. Particles start
            // nominalized verbs ("Anlegen", "Mitmachen"), prefix words
            // and "ich" adjectives and nouns ("Wiewohl", "Sosein",
            // "Ichbezogen").
            || (sentence_start
                && !capitalized
                && rc >= 4
                && is_closed_class_de(&l_low)
                && l_low != "ich"
                && !PARTICLES.contains(l_low.as_str())
                && !PREFIX_WORDS.contains(l_low.as_str()));
        // A sentence opened by a pronoun or adverb glued to the finite
        // verb that German puts second ("Erbekam", "Hierschnürt"); "er-"
        // and "so-" start verbs and words too ("erkannte", "sobald"), so
        // only where the lexicon knows no such word.
        // Inside a sentence a personal pronoun before its verb
        // ("es|kam", "er|kandidiert") is the same.
        let l_closed = l_closed
            || (!capitalized
                && rc >= 4
                && (if sentence_start {
                    V2_OPENERS.contains(&l_low.as_str())
                } else {
                    PERSONAL_PRONOUNS.contains(&l_low.as_str()) && agrees(&l_low, r)
                })
                && finite_verb(r, k.lexicon)
                && k.lexicon.freq(&format!("{l}{r}")) == 0);
        // Nouns in "-ung", "-heit", "-ion", ... join a compound only with
        // an "s" ("Regierungssprecher", "wirkungsvoll"): before a word
        // written in lower case without one they are glue
        // ("Regierung|verurteilte", "Bildung|investieren").
        let l_closed = l_closed
            || (capitalized
                && lc >= 5
                && rc >= 3
                // "Regierungsende" is "Regierungs|ende"; "Nutzungsoll"
                // has no "oll" to be a compound of.
                && (!r.starts_with('s') || !after_linking_s_is_word(r, k))
                && takes_linking_s(l)
                && lower_dominant(k.lexicon, r)
                // Borrowed nouns in "-ion" make compounds without it
                // ("promotiontechnisch"); before a verb form they are glue
                // all the same ("Kommunikation|findet").
                && (!l.ends_with("ion")
                    || finite_verb(r, k.lexicon)
                    || verb_not_adjective(r, k.lexicon)));
        // A dative plural starts no compound either ("Tagen|komme",
        // "Kindern|fehlt"; the compounds say "Tage-", "Kinder-").
        let l_closed = l_closed
            || (capitalized
                && !sentence_start
                && rc >= 3
                && lower_dominant(k.lexicon, r)
                && dative_plural(l, k.lexicon));
        // "es" and "er" are endings too: only after such a word.
        if es_er && !l_closed {
            return None;
        }
        // "zu" before an infinitive with an inseparable prefix: such verbs
        // take "zu" as a separate word ("zu beantworten", not a particle
        // as in "zuhören"). Not "ge-": "zugeschlagen" is a participle.
        let zu_infinitive = l_low == "zu"
            && rc >= 6
            && ["be", "er", "ver", "zer", "ent", "emp"]
                .iter()
                .any(|p| r.starts_with(p))
            && ["en", "ern", "eln"].iter().any(|e| r.ends_with(e))
            || (rc >= 4 && zu_glued(l, r, k.lexicon));
        let prep_adjective = !capitalized && rc >= 4 && preposition_adjective(l, r, k.lexicon);
        let attested = k.vocabulary.pair_count(l, r) > 0
            || (sentence_start && capitalized && k.vocabulary.pair_count(&l_low, r) > 0);
        Some(Parts {
            l,
            r,
            lc,
            rc,
            capitalized,
            sentence_start,
            closed: is_closed_class_de(r)
                || l_closed
                || zu_infinitive
                || prep_adjective
                || glue_adverb(r, Side::Right),
            aux: AUXILIARIES.contains(r),
            l_low,
            attested,
        })
    }

    /// The left part as the lexicon would spell it.
    fn l_key(&self) -> &str {
        self.l_lowered().unwrap_or(self.l)
    }

    /// `l` lowered at a sentence start, where its capital says nothing.
    fn l_lowered(&self) -> Option<&str> {
        (self.sentence_start && self.capitalized).then_some(self.l_low.as_str())
    }

    /// Neither side is a closed-class word and the archive never writes
    /// the two apart: only frequencies speak for a split.
    fn open(&self) -> bool {
        !self.closed && !self.attested
    }

    /// German writes the two parts as one word, whatever their
    /// frequencies say: verb particles, names, derivations, nominalized
    /// verbs, adjective compounds.
    fn one_word(&self, k: &Known) -> bool {
        self.particle_verb()
            || self.name_or_borrowing()
            || self.derivation(k)
            || (self.open() && self.open_compound(k))
    }

    /// "festgestellt", "bereitgestellt", "weitergeht".
    fn particle_verb(&self) -> bool {
        let (l_key, r) = (self.l_key(), self.r);
        if !PARTICLES.contains(l_key) {
            return false;
        }
        // After a particle only a non-verb closed-class word is split off.
        if (self.aux || !self.closed) && !self.attested {
            return true;
        }
        // An adverb or adjective particle before a verb form is a
        // separable verb, however often the archive writes the two apart
        // (older spelling allowed both).
        !PREPOSITION_PARTICLES.contains(&l_key)
            && !self.closed
            && (r.starts_with("ge") || r.ends_with("en") || r.ends_with('t'))
    }

    /// Names, borrowings and person nouns that end in a function word.
    fn name_or_borrowing(&self) -> bool {
        let (l, r, l_low) = (self.l, self.r, self.l_low.as_str());
        let mid_sentence_capital = self.capitalized && !self.sentence_start;
        // A capitalized function word inside a sentence, before a short
        // word, starts a name or a borrowing ("Biswas", "Indie"); glue
        // would keep it lower case. (Before a longer word it is more often
        // a sentence start the splitter missed: "Es zeigt" after a colon.)
        // The archive's "In die" at sentence starts attests nothing here.
        if mid_sentence_capital
            && self.rc <= 3
            && is_closed_class_de(l_low)
            // The polite "Sie" is capitalized anywhere.
            && !matches!(l, "Sie" | "Ihr" | "Ihre" | "Ihnen")
            && !NOUN_HOMOGRAPHS.contains(&l_low)
        {
            return true;
        }
        // "man" never follows a noun inside a sentence; English and
        // Jewish surnames end so ("Wasserman", "Freeman").
        if r == "man" && mid_sentence_capital {
            return true;
        }
        // "-ist" makes person nouns of borrowed stems ("Essayist",
        // "Internationalist"); native nouns do not end so.
        if r == "ist"
            && self.capitalized
            && ["al", "ay", "iv", "ion"].iter().any(|e| l.ends_with(e))
            && !self.attested
        {
            return true;
        }
        // Short right parts end many words and names ("Kimmich", "Salman").
        self.rc <= 3 && self.lc < 4 && !is_closed_class_de(l) && !self.attested
    }

    /// Words built from the two parts by derivation or inflection.
    fn derivation(&self, k: &Known) -> bool {
        let (l, r, l_low) = (self.l, self.r, self.l_low.as_str());
        // "falls" and "weil" follow a comma or a conjunction, never a word
        // they could be glued to ("notfalls", "allweil" are words); "euer"
        // hardly ever follows a noun ("Akteuer").
        if matches!(r, "falls" | "weil" | "euer") && !is_closed_class_de(l_low) {
            return true;
        }
        // An adjective before "sein" makes a noun ("Glücklichsein",
        // "Anderssein").
        if r == "sein" && self.capitalized && lower_dominant(k.lexicon, l_low) {
            return true;
        }
        // Adverbs built on an article or a demonstrative: "derzufolge",
        // "demgemäß", "ebendieser".
        if (matches!(l_low, "der" | "dem" | "des" | "deren" | "dessen")
            && ADVERB_AFTER_ARTICLE.contains(&r))
            || (self.l_key() == "eben" && (r.starts_with("dies") || r.starts_with("jen")))
        {
            return true;
        }
        // A lower-case token inside a sentence whose left part German
        // writes with a capital, before a short function word: an English
        // word ("showman", "postman"); glue keeps the noun's capital.
        // (Longer right parts follow verb forms spelled like nouns:
        // "stimme|alles".)
        if !self.capitalized && !self.sentence_start && self.rc <= 3 {
            let fl = k.lexicon.freq(l);
            if k.lexicon.freq_upper_first(l) >= 4 * fl.max(1) {
                return true;
            }
        }
        // Weltweit, Erfolgreich: adjective compounds at the sentence start.
        if self.sentence_start && self.capitalized && self.open() {
            return true;
        }
        if self.lc < 3 && !(self.closed && is_closed_class_de(l)) {
            return true;
        }
        // Present participles: "schwebenden", "Steuerzahlenden",
        // "behandelnder", "schimmernder".
        let infinitive =
            l.ends_with("en") || (!self.capitalized && (l.ends_with("ln") || l.ends_with("rn")));
        // A known word (almost) never written in lower case is a noun, not
        // an infinitive ("Phänomen|des", "Examen|der"); web text has the odd
        // lower-case noun.
        let noun = self.capitalized && {
            let f = k.lexicon.freq(l);
            f > 0 && k.lexicon.freq(l_low) * 20 <= f
        };
        if infinitive && !noun && matches!(r, "den" | "der" | "des" | "dem") && !self.attested {
            return true;
        }
        // Closed-class words that are also nouns: "Menschenwürde", "Wurstwaren".
        // Not after a noun that would need a linking "s"
        // ("Nutzung|soll", "Koalitionsregierung|würde").
        if self.capitalized
            && NOUN_HOMOGRAPHS.contains(&r)
            && !self.attested
            && !((self.lc >= 5 && takes_linking_s(l) || dative_plural(l, k.lexicon))
                && lower_dominant(k.lexicon, r))
        {
            return true;
        }
        // Feminine nouns: "Sprecherin", "Präsidentin"; not "hat|in",
        // "immer|in", "Kindheit|in".
        r == "in" && !no_feminine(l) && FEMININE_BASE_ENDINGS.iter().any(|e| l.ends_with(e))
    }

    /// Before an open-class word, tests on spelling alone: compounds and
    /// verbs that German writes as one word. They come before the tests on
    /// the lexicon, which are walks through the fst.
    fn open_compound(&self, k: &Known) -> bool {
        let (l_low, r) = (self.l_low.as_str(), self.r);
        // Not a word that starts adjectives and compounds.
        if PREFIX_WORDS.contains(l_low) {
            return true;
        }
        // Nominalized verbs: "Straßengeschehen", "Nachsehen"; but not
        // a long verb after a long noun, a verb with a prefix or a past
        // tense, which no noun is made of.
        let no_verb_noun = || {
            (self.rc >= 7 && self.lc >= 6)
                || self.long_noun_infinitive()
                || prefixed_verb(self.l, r, k.lexicon)
                || past_tense(r, k.lexicon)
        };
        if self.capitalized && (r.ends_with("ung") || (r.ends_with('n') && !no_verb_noun())) {
            return true;
        }
        // Separable verbs and their participles: "offengelassen",
        // "starkmachen", "bereitgestellt".
        if !self.capitalized && (r.starts_with("ge") || r.ends_with("en")) {
            return true;
        }
        NUMBER_WORDS.iter().any(|w| l_low.starts_with(w))
    }

    /// A noun inside a sentence glued to a finite verb, a participle or an
    /// adverb that German writes only in lower case: no compound is
    /// written so ("Kaffeeverkauft", "Syrientobt", "Samstagoffenbar").
    /// But "Pausenpfiff" is a compound and "pfiff" also a verb, so only
    /// the endings of verb forms and adverbs qualify.
    fn noun_verb(&self, fr: u64, r_cap: u64, k: &Known) -> bool {
        let (r, rc) = (self.r, self.rc);
        if !(self.open() && self.capitalized && !self.sentence_start) {
            return false;
        }
        // Sentence adverbs open many sentences ("Erstmals", "Offenbar"),
        // so their capitalized form is common; but no noun ends like them.
        if fr >= 4 * r_cap && ADVERB_ENDINGS.iter().any(|e| r.ends_with(e)) {
            return true;
        }
        // Capitalized only at sentence starts: "Verkauft" is rare.
        fr >= 10 * r_cap
            && (r.ends_with('t')
                || r.ends_with("falls")
                || r.ends_with("weise")
                // Participles in -en ("geschworen").
                || (r.starts_with("ge") && r.ends_with("en") && rc >= 7)
                // Verb forms with a prefix ("beeinflussen", "aufgegriffen").
                || prefixed_verb(self.l, r, k.lexicon)
                || past_tense(r, k.lexicon)
                // Frequent verb forms with no noun or adjective ending
                // ("sprach", "fiel").
                || (fr >= 2_000
                    && fr >= 20 * r_cap
                    && rc >= 4
                    && !r.ends_with(['e', 'n', 'r', 's', 'm'])))
    }

    /// A long noun inside a sentence glued to an infinitive or other verb
    /// form in -en ("Meinungsumfragen|deuten", "Arbeitsplätze|schaffen"):
    /// verbs are nominalized with short objects ("Autofahren",
    /// "Zähneputzen"), seldom with long compounds. Present participles
    /// ("Programm|schaffenden") make compounds of any length.
    fn long_noun_infinitive(&self) -> bool {
        self.capitalized
            && !self.sentence_start
            && self.lc >= 10
            && self.rc >= 5
            && self.r.ends_with("en")
            && !self.r.ends_with("nden")
    }

    /// The left part's frequency and whether it was found as a compound,
    /// or `None` when it is no word.
    fn left_freq(&self, exact: bool, k: &Known) -> Option<(u64, bool)> {
        let (l, r) = (self.l, self.r);
        let lowered = self.l_lowered();
        let mut fl = k
            .lexicon
            .freq(l)
            .max(lowered.map(|x| k.lexicon.freq(x)).unwrap_or(0));
        if fl == 0 && exact {
            fl = 100;
        }
        if fl == 0 {
            fl = k
                .lexicon
                .stem_freq(l)
                .max(lowered.map(|x| k.lexicon.stem_freq(x)).unwrap_or(0));
        }
        if fl == 0 && self.capitalized && self.closed {
            fl = compound_freq(l, r, k.lexicon);
            if fl > 0 {
                return Some((fl, true));
            }
        }
        // A verb form the lexicon lacks before a function word
        // ("bugsierte|die", "fütterten|sie").
        if fl == 0 && !self.capitalized && self.closed && self.rc >= 3 {
            fl = verb_form(l, k.lexicon);
        }
        (fl > 0).then_some((fl, false))
    }

    /// The score of the split and the split, if the score is enough.
    fn score(
        &self,
        word: &str,
        at: usize,
        n: usize,
        right: RightFreq,
        k: &Known,
    ) -> Option<(f64, Split)> {
        let (l, r, fr) = (self.l, self.r, right.freq);
        let open = self.open();
        let r_cap = if right.from_lexicon || (open && self.capitalized) {
            k.lexicon.freq_upper_first(r)
        } else {
            0
        };
        // A lexicon word normally written with a capital is a noun; but in
        // lower case after an article or preposition it is the adjective
        // the noun was made of ("den|jugendlichen", "einen|grünen").
        let adjective_use = || {
            ADJECTIVE_DETERMINERS.contains(&l) && ADJECTIVE_ENDINGS.iter().any(|e| r.ends_with(e))
        };
        if right.from_lexicon && fr < r_cap && !adjective_use() {
            return None;
        }
        // An adjective form the lexicon lacks is trusted only after an
        // article, pronoun or preposition ("dienächtliche"); after a noun
        // it is as often a compound ("Rechtsschutzbeauftragten").
        if right.adjective && !self.closed {
            return None;
        }
        let noun_verb = self.noun_verb(fr, r_cap, k);
        // Written in lower case ten times as often: a verb, not the noun
        // made of it ("das Schaffen").
        let long_verb = self.long_noun_infinitive() && fr >= 10 * r_cap;
        // The left part: a word as written, or with an inflection ending
        // or as a compound (only before a closed-class word).
        let exact = k.part_exact(l)
            || self.l_lowered().is_some_and(|x| k.part_exact(x))
            // A noun form the lexicon lacks, before a verb form or adverb
            // ("Reinfall|bezeichnet", "Siebenkampf|gelang").
            || (noun_verb && gazetteer::long_lists(l) & gazetteer::bit::COMMON_NOUN != 0);
        if open {
            // Before an open-class word only a word as written will do.
            if !exact {
                return None;
            }
            // Noun compounds: the right part is also a noun ("Mutfrage").
            if self.capitalized && r_cap > 0 && !noun_verb && !long_verb {
                return None;
            }
        }
        let (fl, compound, conjunction) = match self.left_freq(exact, k) {
            Some((fl, compound)) => (fl, compound, false),
            None if conjunction_after_any_word(l, r) => (100, false, true),
            // A noun form the lexicon lacks, before a function word of
            // three letters or more ("Erdstoß|der", "Rächern|auf").
            None if self.capitalized
                && self.rc >= 3
                && is_closed_class_de(r)
                && gazetteer::long_lists(l) & gazetteer::bit::COMMON_NOUN != 0 =>
            {
                (300, false, false)
            }
            None => return None,
        };
        // Before "in" a word as written, or a plural or abstract noun,
        // which takes no feminine ending ("Aufnahmeeinrichtungen|in").
        if r == "in" && !exact && !(self.capitalized && no_feminine_noun(l)) {
            return None;
        }
        let prod = if not_an_ending(word, at, k.lexicon) {
            0.0
        } else {
            k.lexicon.ending_productivity(r) as f64
        };
        let mut score = (fl as f64).ln() + (fr as f64).ln() - 1.5 * (1.0 + prod).ln();
        if self.closed {
            score += 4.0;
        }
        if compound {
            score -= 2.0;
        }
        if self.attested {
            score += 4.0;
        }
        let need = if self.closed {
            10.0
        } else if noun_verb || long_verb {
            let verb_only =
                self.rc >= 6 && (r.ends_with("iert") || (r.starts_with("ge") && r.ends_with('t')));
            if verb_only { 10.0 } else { NOUN_VERB_NEED }
        } else {
            16.0
        };
        if score < need {
            return None;
        }
        // A left part as rare as "Heimspiel" will do before a function
        // word of three letters or more ("Heimspiel|von"); two-letter ones
        // end too many names.
        let strong_left = exact && fl >= if self.rc >= 3 { 100 } else { 1_000 }
            // A name the archive writes on its own, rare in the lexicon
            // ("Odessa|als", "Piräeus|an").
            || (self.capitalized
                && self.rc >= 3
                && k.vocabulary.count(l) >= crate::lexicon::vocab::KNOWN_COUNT);
        let split = Split {
            at,
            kind: GlueKind::Lower,
            // Auxiliaries of four letters or more end no name ("sind",
            // "hatte", "können"); "ist", "hat", "war" do.
            strong: (self.closed && (!self.aux || self.rc >= 4) && strong_left)
                || (self.attested && exact)
                || conjunction
                // A name glued to a verb form or adverb ("Varoufakissprach",
                // "Tsiprasteilgenommen"): no name ends in one that long.
                || (noun_verb && self.rc >= 5)
                // "hat" and "war" end names of up to four letters before
                // them ("Farhat", "Anwar"), not longer ones
                // ("Stockhausen|hat", "Lukaschenko|war").
                || (self.capitalized && self.lc >= 5 && matches!(r, "hat" | "war")),
            // A short capitalized word ending in a short function word is
            // as often a surname ("Kimmich", "Zehnder", "Ballin").
            // At a sentence start, a function word on the left is the start
            // of the sentence ("Ichbin"), whatever the tagger says.
            surname_like: self.capitalized
                && n <= 7
                && !common_noun(l, self.rc, k.lexicon)
                && self.rc <= 4
                && !(self.sentence_start && is_closed_class_de(&self.l_low)),
            new_sentence: false,
            attested: self.attested,
        };
        Some((score, split))
    }
}

/// A verb form with a prefix ("beeinflussen", "zusammenstellen",
/// "aufgegriffen"): compounds nominalize plain verbs ("Autofahren",
/// "Zähneputzen"), seldom these. Not where the prefix also ends a longer
/// left part ("Laster|fahren", not "Last|erfahren").
fn prefixed_verb(l: &str, r: &str, lex: &Lexicon) -> bool {
    let n = r.chars().count();
    n >= 7
        && r.ends_with("en")
        && PARTICLES.words().iter().any(|p| {
            p.len() >= 2
                && r.starts_with(p)
                && n >= p.chars().count() + 5
                && lex.freq(&format!("{l}{p}")) == 0
        })
}

/// "es" and "er" after `l` are pronouns, not endings: after the verbs and
/// conjunctions of [`PRONOUN_BEFORE`], and inside a sentence after an
/// auxiliary or a past tense ("habe|es", "sprach|er", "sagte|er").
/// Capitalized, such tokens are names ("Willer", "Kamer"); a short verb or
/// one in "-en" makes adjectives ("mager", "verlorener").
fn pronoun_after(l_low: &str, capitalized: bool, lex: &Lexicon) -> bool {
    PRONOUN_BEFORE.contains(&l_low)
        || (!capitalized
            && l_low.chars().count() >= 4
            && !l_low.ends_with("en")
            && (AUXILIARIES.contains(l_low)
                || CONJUNCTIONS_BEFORE_PRONOUN.contains(&l_low)
                || STRONG_PAST.contains(&l_low)
                || (l_low.ends_with("te") && weak_past(l_low, lex))))
}

/// A verb's past tense: no noun compound ends in one.
fn past_tense(r: &str, lex: &Lexicon) -> bool {
    STRONG_PAST.contains(&r) || weak_past(r, lex)
}

/// A weak verb's past tense ("lebten", "lockten", "sammelten"): the
/// infinitive is a word written mostly in lower case.
fn weak_past(r: &str, lex: &Lexicon) -> bool {
    ["ten", "te", "tet", "test"].iter().any(|e| {
        r.strip_suffix(e).is_some_and(|stem| {
            // "redete": the stem "red", not "rede".
            let stem = stem
                .strip_suffix('e')
                .filter(|s| s.ends_with(['t', 'd']))
                .unwrap_or(stem);
            infinitive_freq(stem, lex) > 0
        })
    })
}

/// Endings of nouns that never take the feminine "-in".
const NO_FEMININE_AFTER: &[&str] = &[
    "heit", "keit", "ung", "schaft", "ion", "tät", "en", "es", "ns",
];

/// `word[at..]` cannot be an ending of `word[..at]`, though it is one of
/// other words: the feminine "in" drops a final vowel ("Kollegin", so
/// "Kulissein" is glue) and makes nouns only ("hatin", "deutlichin"); "es"
/// and "er" inflect no finite verb ("gibtes").
pub(super) fn not_an_ending(word: &str, at: usize, lex: &Lexicon) -> bool {
    let (l, r) = word.split_at(at);
    match r {
        "in" => no_feminine(l) || !person_noun(l, lex),
        "es" | "er" => pronoun_after(&lower_first(l), l.starts_with(char::is_uppercase), lex),
        _ => false,
    }
}

/// `l` may name a person or an animal, whose feminine ends in "-in": it
/// ends like the person nouns of [`FEMININE_BASE_ENDINGS`] ("Bloggerin",
/// "Pilotin"), or the lexicon has the feminine of it or of its last part
/// ("Freundin", "Partei|chefin"). "Kind" and "Halt" have none, so
/// "Kindin" is glue.
fn person_noun(l: &str, lex: &Lexicon) -> bool {
    if FEMININE_BASE_ENDINGS.iter().any(|e| l.ends_with(e)) {
        return true;
    }
    let n = l.chars().count();
    l.char_indices().take(n.saturating_sub(2)).any(|(i, _)| {
        let head = upper_first(&l[i..]);
        lex.freq(&format!("{head}in")) > 0 || lex.freq(&format!("{head}innen")) > 0
    })
}

/// `l` is a frequent common noun and no name ("Frau", "Chef"): glued to a
/// function word of three letters or more it makes no surname ("Frau|und",
/// but "Zehn|der").
fn common_noun(l: &str, rc: usize, lex: &Lexicon) -> bool {
    use gazetteer::bit;
    let names = bit::FIRST_NAME_LONG | bit::SURNAME_LONG | bit::TOPONYM;
    let lists = gazetteer::long_lists(l);
    rc >= 3 && lists & bit::COMMON_NOUN != 0 && lists & names == 0 && lex.freq(l) >= 1_000
}

/// "zu" glued to an infinitive or adjective ("zulösen", "zuschweren"): the
/// right part is a word written in lower case, and neither the token nor,
/// for an infinitive, the present or the participle of a verb "zu"+`r`
/// is known, so no particle verb ("zulegen", "zugelegt") is meant. Not
/// before a verb with the particle "zu" ("zuzustimmen").
fn zu_glued(l: &str, r: &str, lex: &Lexicon) -> bool {
    // Participles and past tenses are as often of a particle verb the
    // lexicon lacks ("zugesperrt", "zusteckte").
    if l != "zu"
        || r.starts_with("zu")
        || r.starts_with("ge")
        || r.ends_with("te")
        || !lower_dominant(lex, r)
        || lex.freq(&format!("zu{r}")) > 0
    {
        return false;
    }
    let Some(stem) = r.strip_suffix("en").or_else(|| r.strip_suffix('n')) else {
        return true;
    };
    ["zu{}t", "zuge{}t", "zu{}te", "Zu{}ung"]
        .iter()
        .all(|f| lex.freq(&f.replace("{}", stem)) == 0)
}

/// No feminine "-in" can follow `l`.
fn no_feminine(l: &str) -> bool {
    l.ends_with(['a', 'e', 'i', 'o', 'u', 'y'])
        || l.starts_with(char::is_lowercase)
        || no_feminine_noun(l)
}

/// Feminine abstracts, plurals and genitives name no person
/// ("Kindheitin", "Zeckenin", "Platzesin").
fn no_feminine_noun(l: &str) -> bool {
    l.chars().count() >= 5 && NO_FEMININE_AFTER.iter().any(|e| l.ends_with(e))
}

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
        // Not the feminine "in" after a head that takes none
        // ("Einrichtungen|in").
        if !(r == "in" && no_feminine_noun(&head)) && lex.stem_freq(&format!("{head}{r}")) > 0 {
            return 0;
        }
        let fb = lex.stem_freq(&head);
        if fb >= 500 {
            best = best.max(fa.min(fb));
        }
    }
    best
}
