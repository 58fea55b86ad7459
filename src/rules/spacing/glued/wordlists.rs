//! Word lists of the glued-words rule: what German writes as one word and
//! what it never does. Each list says which split it allows or forbids.

use std::sync::OnceLock;

use crate::lexicon::WordSet;
use crate::lexicon::vocab::WordMap;

/// Camel-case names and brands that are words ("YouTube"), beyond those the
/// rule already leaves alone by shape ("iPhone", "GmbH", "BioNTech").
pub(super) const CAMEL_CASE_WORDS: &[&str] = &[
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
pub(super) const ACRONYM_ENDINGS: &[&str] = &[
    "s", "n", "e", "en", "er", "ern", "es", "ler", "lern", "lers", "lerin", "lerinnen", "ler-",
    "ismus", "isten", "ist", "istin", "ische", "ischen", "ischer", "isch", "ig", "ige", "igen",
    "chen", "ern", "in", "innen", "i", "ies",
];

/// Right parts that are inflection or derivation endings as well as words
/// ("Ministerin", "Felder", "Hauses"): never split off.
pub(super) static REJECT_RIGHT: WordSet = WordSet::new(&[
    "e", "n", "s", "en", "er", "es", "em", "ern", "ens", "nen", "st", "te", "ten", "ter", "tes",
    "de", "re", "le", "ne", "se", "ge", "be", "et", "ie", "ion", "bar", "los", "lich", "heit",
    "keit", "ung", "schaft", "tum", "weise",
]);

/// Separable verb particles: "festgestellt", "aufgenommen" are words, so a
/// particle on the left is split only from an article, pronoun,
/// conjunction or preposition.
pub(super) static PARTICLES: WordSet = WordSet::new(&[
    "ab", "an", "auf", "aus", "bei", "ein", "fest", "fort", "her", "hin", "mit", "nach", "vor",
    "weg", "weiter", "wieder", "zu", "zurück", "zusammen", "über", "unter", "um", "durch", "da",
    "dar", "empor", "entgegen", "gegen", "heim", "herab", "heran", "herauf", "heraus", "herbei",
    "herein", "herüber", "herunter", "hervor", "hinab", "hinauf", "hinaus", "hinein", "hinzu",
    "los", "nieder", "vorbei", "voran", "voraus", "weiter", "wider", "zurecht", "zwischen", "ent",
    "ver", "zer", "er", "be", "ge", "miss", "voll", "hoch", "frei", "gut", "schlecht", "statt",
    "teil", "kennen", "kaputt", "offen", "bereit", "bekannt", "klar", "bloß", "fern", "nahe",
    "kund", "preis", "stand", "still", "wahr", "irre",
]);

/// Particles that are also prepositions or bound prefixes: before a verb
/// form they may well be glue ("mit denen", "zu haben").
pub(super) const PREPOSITION_PARTICLES: &[&str] = &[
    "ab", "an", "auf", "aus", "bei", "ein", "mit", "nach", "vor", "zu", "über", "unter", "um",
    "durch", "da", "dar", "gegen", "zwischen", "wider", "ent", "ver", "zer", "er", "be", "ge",
    "miss",
];

/// Postpositions and adverbs that make one word with a preceding article
/// ("derzufolge", "demgemäß", "dementsprechend", "dessenungeachtet").
pub(super) const ADVERB_AFTER_ARTICLE: &[&str] = &[
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
pub(super) static AUXILIARIES: WordSet = WordSet::new(&[
    "ist", "sind", "war", "waren", "bin", "bist", "seid", "wäre", "wären", "sei", "seien", "hat",
    "haben", "hatte", "hatten", "habe", "hätte", "hätten", "wird", "werden", "wurde", "wurden",
    "würde", "würden", "worden", "kann", "können", "konnte", "konnten", "könnte", "muss", "müssen",
    "musste", "mussten", "soll", "sollen", "sollte", "sollten", "will", "wollen", "wollte",
    "wollten", "darf", "dürfen", "durfte", "mag", "möchte",
]);

/// Articles, pronouns, conjunctions and auxiliaries that are rarely the
/// first part of a word: glued to anything lower-case, they are glue
/// ("dieübrigen", "istes", "undgeduldig").
pub(super) static LEFT_EVIDENCE: WordSet = WordSet::new(&[
    "der", "die", "das", "den", "dem", "des", "eine", "einer", "einem", "einen", "eines", "dieser",
    "diese", "dieses", "diesem", "diesen", "seine", "seiner", "seinem", "seinen", "ihre", "ihrer",
    "ihrem", "ihren", "ihres", "unsere", "sie", "es", "wir", "und", "oder", "aber", "sondern",
    "als", "dass", "weil", "wenn", "ist", "sind", "war", "waren", "wird", "werden", "wurde", "hat",
    "haben", "hatte", "kann", "muss", "soll", "sich",
    // Contractions of a preposition and an article.
    "im", "am", "zum", "zur", "vom", "beim", "ins",
]);

/// Where an adverb is evidence of glue.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    /// On the left only: it ends words ("vorgestern", "unendlich").
    Left,
    /// On the right only: it starts words ("wiedergeben", "dabeisein"),
    /// or was not tried on the left.
    Right,
    Both,
}

/// Adverbs that are evidence of glue, one list for both sides.
///
/// On the left (before a lower-case word of four letters or more):
/// sentence and linking adverbs that start no word German writes as one
/// ("allerdingsließen", "bereitsgeschehen", "schonfestgestellt"), unlike
/// "wohl", "nicht", "wieder" or "wie", which start adjectives, separable
/// verbs and names ("Wiesauer").
///
/// On the right: adverbs of six letters or more that end no word
/// ("Herbst|ebenfalls", "Partei|inzwischen", "Engagement|durchaus"), as
/// good evidence as a function word; not those in -lich, which end
/// adjectives ("übernatürlich", "unendlich"), and not "darin"
/// ("Mandarin").
const ADVERBS: &[(&str, Side)] = &[
    // Sentence and linking adverbs, on both sides.
    ("allerdings", Side::Both),
    ("außerdem", Side::Both),
    ("bereits", Side::Both),
    ("bislang", Side::Both),
    ("bisher", Side::Both),
    ("damals", Side::Both),
    ("danach", Side::Both),
    ("demnach", Side::Both),
    ("dennoch", Side::Both),
    ("deshalb", Side::Both),
    ("deswegen", Side::Both),
    ("ebenfalls", Side::Both),
    ("hingegen", Side::Both),
    ("immerhin", Side::Both),
    ("inzwischen", Side::Both),
    ("jedenfalls", Side::Both),
    ("keinesfalls", Side::Both),
    ("keineswegs", Side::Both),
    ("mittlerweile", Side::Both),
    ("ohnehin", Side::Both),
    ("sowieso", Side::Both),
    ("trotzdem", Side::Both),
    ("übrigens", Side::Both),
    ("vielleicht", Side::Both),
    ("zunächst", Side::Both),
    // Short ones or ones that end words ("vorgestern"): on the left.
    ("angeblich", Side::Left),
    ("auch", Side::Left),
    ("eher", Side::Left),
    ("endlich", Side::Left),
    ("freilich", Side::Left),
    ("ganz", Side::Left),
    ("gestern", Side::Left),
    ("heuer", Side::Left),
    ("heute", Side::Left),
    ("jedoch", Side::Left),
    ("nämlich", Side::Left),
    ("natürlich", Side::Left),
    ("schon", Side::Left),
    ("sehr", Side::Left),
    ("sogar", Side::Left),
    ("stets", Side::Left),
    ("tatsächlich", Side::Left),
    ("vermutlich", Side::Left),
    ("wahrscheinlich", Side::Left),
    ("zudem", Side::Left),
    ("zwar", Side::Left),
    // Adverbs that start words or compounds, pronominal adverbs
    // ("Bilalic|davon") and others that close no compound: on the right.
    ("durchaus", Side::Right),
    ("obendrein", Side::Right),
    ("überall", Side::Right),
    ("überhaupt", Side::Right),
    ("weiterhin", Side::Right),
    ("Bilalic|davon", Side::Right),
    ("darin", Side::Right),
    ("Mandarin", Side::Right),
    ("dabei", Side::Right),
    ("dadurch", Side::Right),
    ("dafür", Side::Right),
    ("dagegen", Side::Right),
    ("daneben", Side::Right),
    ("daran", Side::Right),
    ("darauf", Side::Right),
    ("daraus", Side::Right),
    ("darüber", Side::Right),
    ("darum", Side::Right),
    ("darunter", Side::Right),
    ("davon", Side::Right),
    ("davor", Side::Right),
    ("dazwischen", Side::Right),
    ("zuvor", Side::Right),
    ("wieder", Side::Right),
    ("zurück", Side::Right),
    ("ebenso", Side::Right),
    ("genauso", Side::Right),
    ("jeweils", Side::Right),
    ("mindestens", Side::Right),
    ("zumindest", Side::Right),
    ("wenigstens", Side::Right),
    ("spätestens", Side::Right),
    ("höchstens", Side::Right),
    ("meistens", Side::Right),
    ("erstmals", Side::Right),
    ("niemals", Side::Right),
    ("jemals", Side::Right),
    ("nochmals", Side::Right),
    ("abermals", Side::Right),
    ("mehrmals", Side::Right),
    ("manchmal", Side::Right),
    ("insgesamt", Side::Right),
    ("nachher", Side::Right),
    ("vorher", Side::Right),
    ("bisweilen", Side::Right),
    ("stattdessen", Side::Right),
    ("hierzulande", Side::Right),
    ("heutzutage", Side::Right),
];

/// `w` is an adverb that is evidence of glue on this side of a split.
pub(super) fn glue_adverb(w: &str, side: Side) -> bool {
    // Asked at every split point: a map, not a scan of the list.
    static MAP: OnceLock<WordMap<&'static str, Side>> = OnceLock::new();
    const LONGEST: usize = longest_adverb();
    w.len() <= LONGEST
        && MAP
            .get_or_init(|| ADVERBS.iter().copied().collect())
            .get(w)
            .is_some_and(|&s| s == side || s == Side::Both)
}

const fn longest_adverb() -> usize {
    let (mut m, mut i) = (0, 0);
    while i < ADVERBS.len() {
        if ADVERBS[i].0.len() > m {
            m = ADVERBS[i].0.len();
        }
        i += 1;
    }
    m
}

/// Finite verbs and conjunctions that "es" and "er" follow ("gibtes",
/// "hießes", "wirder", "obes"); no adjective or noun is built on them.
pub(super) const PRONOUN_BEFORE: &[&str] = &[
    "gibt", "gab", "gäbe", "gebe", "hieß", "heißt", "handelt", "handelte", "geht", "ging", "kam",
    "kommt", "bleibt", "blieb", "lebt", "lebte", "sagt", "sagte", "meint", "meinte", "hatte",
    "hätte", "wäre", "kann", "konnte", "könnte", "muss", "musste", "müsste", "soll", "sollte",
    "will", "wollte", "wird", "würde", "ob", "da", "wie", "wo", "damit", "sodass", "bevor",
    "nachdem", "obwohl", "falls", "sobald", "solange", "während",
];

/// Closed-class words that are also nouns.
pub(super) const NOUN_HOMOGRAPHS: &[&str] = &[
    "würde", "waren", "soll", "samt", "statt", "wegen", "mag", "laut", "dank", "rund", "eben",
    "ende", "mal", "trotz",
];

/// Number words start "dreijähriger", "zehnprozentigen".
pub(super) const NUMBER_WORDS: &[&str] = &[
    "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf",
    "zwölf", "zwanzig", "dreißig", "hundert", "tausend",
];

/// Words that start adjectives and compounds ("prokurdisch",
/// "außerplanmäßig", "vorhergesagt") rather than end a phrase: a lower-case
/// word after them is split off only when the archive writes the pair apart.
pub(super) static PREFIX_WORDS: WordSet = WordSet::new(&[
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
]);

/// Endings of masculine person nouns that take the feminine "-in"
/// ("Sprecherin", "Präsidentin", "Journalistin").
pub(super) const FEMININE_BASE_ENDINGS: &[&str] = &[
    "er", "ent", "ant", "ist", "at", "et", "or", "eur", "og", "oge", "ar", "ig", "ot", "it", "ut",
    "ar", "är", "al", "an", "ier", "ast", "ekt", "nom", "naut", "graf", "graph", "soph",
];

/// Conjunctions, pronouns, auxiliaries, modals and prepositions that end
/// no word, except after these letters of the word before ("Grund",
/// "Mund", "Bund", "Berglund", "Sound", "Moder", "Decoder", "Schlauch").
pub(super) const CONJUNCTION_ENDS: &[(&str, &[char])] = &[
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
    ("hat", &['c']), // "Chat"
    ("können", &[]),
    ("konnte", &[]),
    ("sollte", &[]),
    ("wollte", &[]),
    ("musste", &[]),
    ("müssen", &[]),
    ("von", &['a', 'o', 'r']),  // "davon", "wovon", "hiervon"
    ("nach", &['a', 'm', 'r']), // "danach", "demnach", "hernach"
    ("für", &['a', 'o', 'r']),  // "dafür", "wofür", "hierfür"
];

/// Conjunctions that follow a truncated compound ("Wissenschafts- und
/// Forschungspolitik") and never end a hyphenated word.
pub(super) const AFTER_TRUNCATION: &[&str] = &["und", "oder", "sowie", "bzw"];

/// The past tense of strong and irregular verbs, which no noun compound
/// ends in ("Bulgarienkam", "Austriagingen").
pub(super) const STRONG_PAST: &[&str] = &[
    "bat",
    "baten",
    "blieb",
    "blieben",
    "bot",
    "boten",
    "brachte",
    "brachten",
    "dachte",
    "dachten",
    "fand",
    "fanden",
    "fiel",
    "fielen",
    "fing",
    "fingen",
    "floh",
    "flohen",
    "galt",
    "galten",
    "gab",
    "gaben",
    "gelang",
    "gelangen",
    "geschah",
    "ging",
    "gingen",
    "griff",
    "griffen",
    "hielt",
    "hielten",
    "hing",
    "hingen",
    "kam",
    "kamen",
    "lag",
    "lagen",
    "las",
    "lasen",
    "lief",
    "liefen",
    "ließ",
    "ließen",
    "litt",
    "litten",
    "log",
    "nahm",
    "nahmen",
    "nannte",
    "nannten",
    "rief",
    "riefen",
    "saß",
    "saßen",
    "sah",
    "sahen",
    "sank",
    "schien",
    "schienen",
    "schlug",
    "schlugen",
    "schrieb",
    "schrieben",
    "schwieg",
    "sprach",
    "sprachen",
    "sprang",
    "stand",
    "standen",
    "starb",
    "starben",
    "stieg",
    "stiegen",
    "stieß",
    "trafen",
    "traf",
    "trat",
    "traten",
    "trieb",
    "trug",
    "trugen",
    "verlor",
    "verloren",
    "verschwand",
    "wandte",
    "warf",
    "warfen",
    "wies",
    "wuchs",
    "wusste",
    "wussten",
    "zog",
    "zogen",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_adverb_is_listed_once_with_its_side() {
        let mut seen = std::collections::HashSet::new();
        for (a, _) in ADVERBS {
            assert!(seen.insert(a), "{a} twice: the map would keep one side");
        }
        assert!(glue_adverb("allerdings", Side::Left));
        assert!(glue_adverb("allerdings", Side::Right));
        assert!(glue_adverb("insgesamt", Side::Right));
        assert!(!glue_adverb("insgesamt", Side::Left));
        assert!(!glue_adverb("Allerdings", Side::Right));
    }
}
