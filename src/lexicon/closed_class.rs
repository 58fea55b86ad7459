//! German closed-class words: articles, pronouns, prepositions,
//! conjunctions, auxiliaries and common particles. Hand-written, because
//! these are the words that glue onto their neighbours most often when a
//! tag is lost ("Plattformenwie", "Energiedie") and the words that start
//! sentences, which the tokenizer needs to tell "15. Oktober" from
//! "…bis 15. Die".

/// All entries are lower case.
pub const CLOSED_CLASS_DE: &[&str] = &[
    // articles and determiners
    "der",
    "die",
    "das",
    "des",
    "dem",
    "den",
    "ein",
    "eine",
    "einer",
    "eines",
    "einem",
    "einen",
    "kein",
    "keine",
    "keiner",
    "keines",
    "keinem",
    "keinen",
    "dieser",
    "diese",
    "dieses",
    "diesem",
    "diesen",
    "jener",
    "jene",
    "jenes",
    "jeder",
    "jede",
    "jedes",
    "jedem",
    "jeden",
    "alle",
    "allen",
    "aller",
    "alles",
    "manche",
    "mancher",
    "einige",
    "einigen",
    "mehrere",
    "viele",
    "vielen",
    "wenige",
    "wenigen",
    "beide",
    "beiden",
    "welcher",
    "welche",
    "welches",
    "welchem",
    "welchen",
    "solche",
    "solcher",
    "solchen",
    // pronouns
    "ich",
    "du",
    "er",
    "sie",
    "es",
    "wir",
    "ihr",
    "mich",
    "mir",
    "dich",
    "dir",
    "ihn",
    "ihm",
    "uns",
    "euch",
    "ihnen",
    "sich",
    "man",
    "mein",
    "meine",
    "meinen",
    "meinem",
    "meiner",
    "dein",
    "deine",
    "sein",
    "seine",
    "seinen",
    "seinem",
    "seiner",
    "seines",
    "ihre",
    "ihren",
    "ihrem",
    "ihrer",
    "ihres",
    "unser",
    "unsere",
    "unseren",
    "unserem",
    "unserer",
    "euer",
    "eure",
    "wer",
    "wen",
    "wem",
    "wessen",
    "was",
    "etwas",
    "nichts",
    "jemand",
    "niemand",
    // prepositions and contractions
    "an",
    "am",
    "ans",
    "auf",
    "aufs",
    "aus",
    "bei",
    "beim",
    "bis",
    "durch",
    "durchs",
    "für",
    "fürs",
    "gegen",
    "hinter",
    "in",
    "im",
    "ins",
    "mit",
    "nach",
    "neben",
    "ohne",
    "seit",
    "über",
    "übers",
    "um",
    "ums",
    "unter",
    "von",
    "vom",
    "vor",
    "vors",
    "während",
    "wegen",
    "zu",
    "zum",
    "zur",
    "zwischen",
    "trotz",
    "laut",
    "gemäß",
    "innerhalb",
    "außerhalb",
    "statt",
    "anstatt",
    "ab",
    "entlang",
    "gegenüber",
    "samt",
    "seitens",
    "binnen",
    "dank",
    "infolge",
    // conjunctions and subjunctions
    "und",
    "oder",
    "aber",
    "sondern",
    "denn",
    "doch",
    "sowie",
    "sowohl",
    "als",
    "auch",
    "wie",
    "dass",
    "daß",
    "ob",
    "weil",
    "wenn",
    "falls",
    "obwohl",
    "obgleich",
    "damit",
    "sodass",
    "nachdem",
    "bevor",
    "ehe",
    "sobald",
    "solange",
    "seitdem",
    "während",
    "indem",
    "wobei",
    "weder",
    "noch",
    "entweder",
    "je",
    "desto",
    "umso",
    "wo",
    "wohin",
    "woher",
    "warum",
    "wann",
    // auxiliaries and modals
    "ist",
    "sind",
    "war",
    "waren",
    "bin",
    "bist",
    "seid",
    "wäre",
    "wären",
    "sei",
    "seien",
    "hat",
    "haben",
    "hatte",
    "hatten",
    "habe",
    "hätte",
    "hätten",
    "wird",
    "werden",
    "wurde",
    "wurden",
    "würde",
    "würden",
    "worden",
    "kann",
    "können",
    "konnte",
    "konnten",
    "könnte",
    "muss",
    "müssen",
    "musste",
    "mussten",
    "soll",
    "sollen",
    "sollte",
    "sollten",
    "will",
    "wollen",
    "wollte",
    "wollten",
    "darf",
    "dürfen",
    "durfte",
    "mag",
    "möchte",
    // particles and adverbs that glue often
    "nicht",
    "nur",
    "schon",
    "noch",
    "sehr",
    "so",
    "da",
    "dann",
    "dort",
    "hier",
    "jetzt",
    "nun",
    "bereits",
    "immer",
    "mehr",
    "zudem",
    "jedoch",
    "daher",
    "deshalb",
    "also",
    "etwa",
    "rund",
    "fast",
    "kaum",
    "sogar",
    "eben",
    "ja",
    "nein",
    "zwar",
];

/// Determiner and pronoun forms the list above lacked until 2026-12
/// ("in jenem", "vor allem", "derselben"): part of the closed class for
/// every rule, but not for the NER tagger's closed-class feature, whose
/// weights were learned without them (retraining with them lowered
/// GermEval dev F1 from 0.7972 to 0.7929, and on seeds 1 and 2 from
/// 0.7960/0.7981 to 0.7939/0.7967).
pub const MORE_DETERMINERS_DE: &[&str] = &[
    "solches",
    "solchem",
    "jenem",
    "jenen",
    "manches",
    "manchem",
    "manchen",
    "allem",
    "beides",
    "beidem",
    "einiger",
    "einiges",
    "einigem",
    "mehreren",
    "mehrerer",
    "dies",
    "derselbe",
    "dieselbe",
    "dasselbe",
    "derselben",
    "desselben",
    "demselben",
    "denselben",
    "dieselben",
    "derjenige",
    "diejenige",
    "dasjenige",
    "desjenigen",
    "demjenigen",
    "denjenigen",
    "diejenigen",
    "meines",
    "deinen",
    "deinem",
    "deiner",
    "deines",
    "unseres",
];

/// Subordinating conjunctions of a higher or older register ("obzwar",
/// "dieweilen") that the list above lacked: part of the closed class for
/// every rule, not for the NER tagger (see [`MORE_DETERMINERS_DE`]). The
/// glued-words rule took them for glue ("ob|zwar", "die|weilen").
pub const MORE_CONJUNCTIONS_DE: &[&str] = &[
    "obschon",
    "obzwar",
    "wiewohl",
    "dieweil",
    "dieweilen",
    "alldieweil",
    "sintemal",
    "wofern",
    "jedennoch",
];

/// English closed-class words, the second language.
pub const CLOSED_CLASS_EN: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "that", "this", "these", "those", "is", "are", "was", "were", "be", "been",
    "has", "have", "had", "will", "would", "can", "could", "should", "it", "he", "she", "they",
    "we", "you", "his", "her", "their", "its", "our", "not", "which", "who", "whom", "whose",
    "than", "then", "into", "over", "after", "before", "about", "while", "when", "where",
];

/// Whether `word` (any case) is a German closed-class word.
pub fn is_closed_class_de(word: &str) -> bool {
    static SET: std::sync::OnceLock<ClosedSet> = std::sync::OnceLock::new();
    let set = SET.get_or_init(|| {
        CLOSED_CLASS_DE
            .iter()
            .chain(MORE_DETERMINERS_DE)
            .chain(MORE_CONJUNCTIONS_DE)
            .copied()
            .collect()
    });
    contains_lowered(set, word)
}

/// [`is_closed_class_de`] as the NER model learned it: without
/// [`MORE_DETERMINERS_DE`].
pub fn is_closed_class_de_for_ner(word: &str) -> bool {
    static SET: std::sync::OnceLock<ClosedSet> = std::sync::OnceLock::new();
    contains_lowered(
        SET.get_or_init(|| CLOSED_CLASS_DE.iter().copied().collect()),
        word,
    )
}

fn contains_lowered(set: &ClosedSet, word: &str) -> bool {
    let mut buf = [0u8; 32];
    lower_small(word, &mut buf).is_some_and(|lower| set.contains(lower))
}

/// With [`super::vocab::WordHasher`]: the glued-words rule asks this for
/// thousands of candidate parts per pass.
type ClosedSet = std::collections::HashSet<
    &'static str,
    std::hash::BuildHasherDefault<super::vocab::WordHasher>,
>;

/// Lower-cases a short word into `buf` without allocating; `None` when it
/// does not fit (closed-class words are all short).
pub fn lower_small<'b>(word: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    // Most words asked about are ASCII: a byte loop, not `to_lowercase`
    // per char (a tenth of the glued-words rule's instructions).
    if word.is_ascii() {
        let out = buf.get_mut(..word.len())?;
        for (o, b) in out.iter_mut().zip(word.bytes()) {
            *o = b.to_ascii_lowercase();
        }
        return std::str::from_utf8(out).ok();
    }
    let mut n = 0;
    for c in word.chars() {
        for l in c.to_lowercase() {
            let len = l.len_utf8();
            if n + len > buf.len() {
                return None;
            }
            l.encode_utf8(&mut buf[n..n + len]);
            n += len;
        }
    }
    std::str::from_utf8(&buf[..n]).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_class_lookup_ignores_case() {
        assert!(is_closed_class_de("Die"));
        assert!(is_closed_class_de("ÜBER"));
        assert!(!is_closed_class_de("Plattformen"));
        assert!(!is_closed_class_de(&"x".repeat(100)));
    }

    #[test]
    fn lowering_fits_the_buffer_or_gives_up() {
        let mut buf = [0u8; 32];
        assert_eq!(lower_small("ÜBER", &mut buf), Some("über"));
        assert_eq!(lower_small("DeR", &mut buf), Some("der"));
        assert_eq!(
            lower_small(&"A".repeat(32), &mut buf),
            Some(&*"a".repeat(32))
        );
        assert_eq!(lower_small(&"A".repeat(33), &mut buf), None);
        assert_eq!(lower_small(&"Ä".repeat(17), &mut buf), None);
    }

    #[test]
    fn the_tagger_sees_the_closed_class_it_was_trained_on() {
        assert!(is_closed_class_de("jenem") && is_closed_class_de("Derselben"));
        assert!(!is_closed_class_de_for_ner("jenem"));
        assert!(!is_closed_class_de_for_ner("Derselben"));
        assert!(is_closed_class_de_for_ner("Der") && is_closed_class_de_for_ner("jener"));
        assert!(!is_closed_class_de_for_ner("Plattformen"));
    }
}
