//! Word lists of the glued-words rule: what German writes as one word and
//! what it never does. Each list says which split it allows or forbids.

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
pub(super) const REJECT_RIGHT: &[&str] = &[
    "e", "n", "s", "en", "er", "es", "em", "ern", "ens", "nen", "st", "te", "ten", "ter", "tes",
    "de", "re", "le", "ne", "se", "ge", "be", "et", "ie", "ion", "bar", "los", "lich", "heit",
    "keit", "ung", "schaft", "tum", "weise",
];

/// Separable verb particles: "festgestellt", "aufgenommen" are words, so a
/// particle on the left is split only from an article, pronoun,
/// conjunction or preposition.
pub(super) const PARTICLES: &[&str] = &[
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
pub(super) const AUXILIARIES: &[&str] = &[
    "ist", "sind", "war", "waren", "bin", "bist", "seid", "wäre", "wären", "sei", "seien", "hat",
    "haben", "hatte", "hatten", "habe", "hätte", "hätten", "wird", "werden", "wurde", "wurden",
    "würde", "würden", "worden", "kann", "können", "konnte", "konnten", "könnte", "muss", "müssen",
    "musste", "mussten", "soll", "sollen", "sollte", "sollten", "will", "wollen", "wollte",
    "wollten", "darf", "dürfen", "durfte", "mag", "möchte",
];

/// Articles, pronouns, conjunctions and auxiliaries that are rarely the
/// first part of a word: glued to anything lower-case, they are glue
/// ("dieübrigen", "istes", "undgeduldig").
pub(super) const LEFT_EVIDENCE: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "eine", "einer", "einem", "einen", "eines", "dieser",
    "diese", "dieses", "diesem", "diesen", "seine", "seiner", "seinem", "seinen", "ihre", "ihrer",
    "ihrem", "ihren", "ihres", "unsere", "sie", "es", "wir", "und", "oder", "aber", "sondern",
    "als", "dass", "weil", "wenn", "ist", "sind", "war", "waren", "wird", "werden", "wurde", "hat",
    "haben", "hatte", "kann", "muss", "soll", "sich",
    // Contractions of a preposition and an article.
    "im", "am", "zum", "zur", "vom", "beim", "ins",
];

/// Sentence and linking adverbs that start no word German writes as one
/// (unlike "wohl", "nicht", "wieder" or "wie", which start adjectives,
/// separable verbs and names: "Wiesauer"): before a lower-case word of
/// four letters or more they are glue ("allerdingsließen",
/// "bereitsgeschehen", "schonfestgestellt").
pub(super) const SENTENCE_ADVERBS: &[&str] = &[
    "allerdings",
    "angeblich",
    "auch",
    "außerdem",
    "bereits",
    "bislang",
    "bisher",
    "damals",
    "danach",
    "demnach",
    "dennoch",
    "deshalb",
    "deswegen",
    "ebenfalls",
    "eher",
    "endlich",
    "freilich",
    "ganz",
    "gestern",
    "heuer",
    "heute",
    "hingegen",
    "immerhin",
    "inzwischen",
    "jedenfalls",
    "jedoch",
    "keinesfalls",
    "keineswegs",
    "mittlerweile",
    "nämlich",
    "natürlich",
    "ohnehin",
    "schon",
    "sehr",
    "sogar",
    "sowieso",
    "stets",
    "tatsächlich",
    "trotzdem",
    "übrigens",
    "vermutlich",
    "vielleicht",
    "wahrscheinlich",
    "zudem",
    "zunächst",
    "zwar",
];

/// Adverbs of six letters or more that end no word ("Herbst|ebenfalls",
/// "Partei|inzwischen", "Engagement|durchaus"): on the right they are as
/// good evidence as a function word. Those in -lich are left out: they
/// end adjectives ("übernatürlich", "unendlich").
pub(super) const RIGHT_ADVERBS: &[&str] = &[
    "allerdings",
    "außerdem",
    "bereits",
    "bislang",
    "bisher",
    "damals",
    "danach",
    "demnach",
    "dennoch",
    "deshalb",
    "deswegen",
    "durchaus",
    "ebenfalls",
    "hingegen",
    "immerhin",
    "inzwischen",
    "jedenfalls",
    "keinesfalls",
    "keineswegs",
    "mittlerweile",
    "obendrein",
    "ohnehin",
    "sowieso",
    "trotzdem",
    "überall",
    "überhaupt",
    "übrigens",
    "vielleicht",
    "weiterhin",
    "zunächst",
    // Pronominal adverbs ("Bilalic|davon"); not "darin" ("Mandarin").
    "dabei",
    "dadurch",
    "dafür",
    "dagegen",
    "daneben",
    "daran",
    "darauf",
    "daraus",
    "darüber",
    "darum",
    "darunter",
    "davon",
    "davor",
    "dazwischen",
    // Others that close no compound.
    "zuvor",
    "wieder",
    "zurück",
    "ebenso",
    "genauso",
    "jeweils",
    "mindestens",
    "zumindest",
    "wenigstens",
    "spätestens",
    "höchstens",
    "meistens",
    "erstmals",
    "niemals",
    "jemals",
    "nochmals",
    "abermals",
    "mehrmals",
    "manchmal",
    "insgesamt",
    "nachher",
    "vorher",
    "bisweilen",
    "stattdessen",
    "hierzulande",
    "heutzutage",
];

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
pub(super) const PREFIX_WORDS: &[&str] = &[
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
