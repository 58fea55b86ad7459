use super::*;
use crate::lexicon::Vocabulary;
use crate::rules::spacing::test_util::{findings, fixed, flagged};

const CODE: &str = "spacing/glued-words";

/// The embedded lexicon with this vocabulary and these user words, no
/// Hunspell.
fn known<'a>(vocab: &'a Vocabulary, words: &'a [String]) -> Known<'a> {
    Known {
        lexicon: Lexicon::embedded(),
        vocabulary: vocab.into(),
        words,
        hunspell: None,
    }
}

/// The split of `w` inside a sentence, with no vocabulary.
fn split_mid(w: &str) -> Option<Split> {
    let vocab = Vocabulary::new();
    split_word(w, false, &known(&vocab, &[]))
}

fn split(w: &str) -> Option<String> {
    split_mid(w).map(|s| format!("{} {}", &w[..s.at], &w[s.at..]))
}

/// The split of `w` at a sentence start, with no vocabulary.
fn split_start(w: &str) -> Option<String> {
    let vocab = Vocabulary::new();
    split_word(w, true, &known(&vocab, &[])).map(|s| format!("{} {}", &w[..s.at], &w[s.at..]))
}

#[test]
fn glued_kinds_are_split() {
    assert_eq!(split("Wahlkampfund").as_deref(), Some("Wahlkampf und"));
    assert_eq!(split("NachbarnIhre").as_deref(), Some("Nachbarn Ihre"));
    assert_eq!(split("derRegierung").as_deref(), Some("der Regierung"));
    assert_eq!(split("imJahr").as_deref(), Some("im Jahr"));
    assert_eq!(split("EUund").as_deref(), Some("EU und"));
    assert_eq!(split("NATOStaaten").as_deref(), Some("NATO Staaten"));
    assert_eq!(split("Regierungnicht").as_deref(), Some("Regierung nicht"));
    assert_eq!(
        split("Verhandlungenwie").as_deref(),
        Some("Verhandlungen wie")
    );
    // Determiners after a preposition: "in" also starts particle verbs,
    // which a closed-class word after it rules out.
    assert_eq!(split("injenem").as_deref(), Some("in jenem"));
    assert_eq!(split("mitdemselben").as_deref(), Some("mit demselben"));
}

#[test]
fn compounds_and_words_containing_words_are_not_split() {
    for w in [
        "Sicherheitsratssekretär",
        "Wiederbelebung",
        "wieder",
        "Grund",
        "Kunde",
        "Melodie",
        "Stunde",
        "festgestellt",
        "aufgenommen",
    ] {
        assert_eq!(split(w), None, "{w}");
    }
}

#[test]
fn camel_case_names_and_inflected_acronyms_are_not_split() {
    for w in [
        "McDonald", "iPhone", "BioNTech", "YouTube", "eBay", "AfD", "GmbH", "GmbHs", "NGOs",
        "ÖVPler", "PCs",
    ] {
        assert_eq!(split(w), None, "{w}");
    }
}

#[test]
fn rule_reports_with_fixes_and_subject() {
    let text = "Er sprach über Plattformenwie diese.";
    let f = findings(CODE, text);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        f[0].message,
        "'Plattformenwie' looks like 'Plattformen wie'"
    );
    assert_eq!(f[0].subject.as_deref(), Some("Plattformenwie"));
    assert_eq!(fixed(CODE, text), "Er sprach über Plattformen wie diese.");
}

#[test]
fn capitalized_closed_class_word_offers_a_full_stop() {
    let text = "Sie stärkten ihre BeziehungenIhre Partnerschaft wuchs.";
    let f = findings(CODE, text);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].fixes.len(), 2);
    assert_eq!(f[0].fixes[1].edits[0].new_text, ". ");
}

#[test]
fn inflected_acronyms_and_hyphenated_compounds_are_fine() {
    let text = "Beim BRICS-Gipfels Ende sprachen NATO-Staaten und zwei GmbHs.";
    assert!(flagged(CODE, text).is_empty(), "{:?}", flagged(CODE, text));
}

#[test]
fn hyphenated_token_is_split_in_its_last_part() {
    let text = "Die EU-Kommissionund der Rat stimmten zu.";
    assert_eq!(
        fixed(CODE, text),
        "Die EU-Kommission und der Rat stimmten zu."
    );
}

#[test]
fn bad_input_is_ignored_without_panic() {
    let long = "a".repeat(10_000);
    let mixed = "Путинund 北京und COVID19 G20-Gipfel 2024er Москваdie".to_string();
    for text in [long.as_str(), mixed.as_str(), "ÄÖÜäöüß", "x", ""] {
        assert!(flagged(CODE, text).is_empty(), "{text:?}");
    }
    let mut big = String::new();
    for _ in 0..2_000 {
        big.push_str("Wortwortwort");
    }
    let _ = findings(CODE, &big);
}

#[test]
fn user_words_and_workspace_vocabulary_are_known() {
    let empty = Vocabulary::new();
    let mut vocab = Vocabulary::new();
    vocab.add("SonnenBlume");
    vocab.add("SonnenBlume");
    let words = vec!["Kasanund".to_string()];
    assert!(split_word("SonnenBlume", false, &known(&empty, &words)).is_some());
    assert_eq!(
        split_word("SonnenBlume", false, &known(&vocab, &words)),
        None
    );
    assert_eq!(split_word("Kasanund", false, &known(&empty, &words)), None);
}

#[test]
fn glue_repeated_in_the_archive_onto_an_article_stays_glue() {
    let mut vocab = Vocabulary::new();
    vocab.add("derRegierung");
    vocab.add("derRegierung");
    let k = known(&vocab, &[]);
    assert!(split_word("derRegierung", false, &k).is_some());
}

#[test]
fn a_noun_glued_to_a_verb_form_or_adverb_is_split() {
    assert_eq!(split("Kaffeeverkauft").as_deref(), Some("Kaffee verkauft"));
    assert_eq!(split("Strichaber").as_deref(), Some("Strich aber"));
    assert_eq!(split("gibtes").as_deref(), Some("gibt es"));
    assert_eq!(
        split("Verbändengeworfen").as_deref(),
        Some("Verbänden geworfen")
    );
    assert_eq!(split("Zustandzurück").as_deref(), Some("Zustand zurück"));
    assert_eq!(split("imvergangenen").as_deref(), Some("im vergangenen"));
    // Verbs with an inseparable prefix take "zu" as a word of its own.
    assert_eq!(split("zuversuchen").as_deref(), Some("zu versuchen"));
    // Not the feminine ending: that drops the "-e" ("Kollegin").
    assert_eq!(split("Kulissein").as_deref(), Some("Kulisse in"));
    // Nor after a feminine abstract or a plural, which name no person.
    assert_eq!(
        split("Landtagssitzungin").as_deref(),
        Some("Landtagssitzung in")
    );
    assert_eq!(split("Zeckenin").as_deref(), Some("Zecken in"));
    assert_eq!(split("Präsidentin"), None);
    // A noun glued to a nominalized verb is a compound.
    assert_eq!(split("Kopfrechnen"), None);
}

#[test]
fn stems_participles_and_capitalized_function_words_are_not_split() {
    for w in [
        // "Entwicklungsstadi" is known only as "Entwicklungsstadien" minus
        // its ending: a stem, not a word.
        "Entwicklungsstadium",
        "Familienministeriums",
        // A rare compound head: "Balk".
        "Westbalkan",
        // Present participles of verbs in -eln and -ern.
        "behandelnder",
        "schimmernder",
        // A capitalized function word inside a sentence starts a name.
        "Biswas",
        "Indie",
        // Adverbs in -falls, "euer" after a noun, nominalized "-sein".
        "notfalls",
        "allweil",
        "Akteuer",
        "Glücklichsein",
        // "Temperatur" + "Gründen", not "Temperaturgrün" + "den".
        "Temperaturgründen",
        // "zu" as a particle: a participle of "zuschlagen".
        "zugeschlagen",
    ] {
        assert_eq!(split(w), None, "{w}");
    }
}

#[test]
fn a_truncated_compound_glued_to_the_conjunction_gets_its_space() {
    assert_eq!(
        truncated_before_conjunction("Wissenschafts-und"),
        Some("Wissenschafts-".len())
    );
    assert_eq!(truncated_before_conjunction("Ein-oder"), Some(4));
    assert_eq!(truncated_before_conjunction("Frage-und-Antwort"), None);
    assert_eq!(truncated_before_conjunction("-und"), None);
    assert_eq!(truncated_before_conjunction("Rock-Band"), None);
}

#[test]
fn a_conjunction_after_an_unknown_word_is_split_unless_words_end_so() {
    assert_eq!(split("Vonnegutund").as_deref(), Some("Vonnegut und"));
    assert_eq!(split("Tuppyoder").as_deref(), Some("Tuppy oder"));
    assert_eq!(split("Kreuzerlvon").as_deref(), Some("Kreuzerl von"));
    assert_eq!(
        split("Bonifikationenkönnen").as_deref(),
        Some("Bonifikationen können")
    );
    for w in [
        "hiervon",
        "hierfür",
        "Background",
        "Berglund",
        "Hintergrund",
        "loszuwerden",
        "Gartenschlauch",
    ] {
        assert_eq!(split(w), None, "{w}");
    }
}

#[test]
fn a_lower_case_word_glued_to_a_capitalized_one_is_strong_enough_to_split_a_name() {
    let s = split_mid("warnendenStimmen").expect("split");
    assert_eq!(s.at, "warnenden".len());
    assert!(s.strong);
    // Also when the lexicon lacks the lower-case word.
    let s = split_mid("beachtenswerteDramaserie").expect("split");
    assert_eq!(s.at, "beachtenswerte".len());
}

#[test]
fn a_separable_verb_stays_whole_though_the_archive_writes_it_apart() {
    let vocab = Vocabulary::from_texts([(
        "Das Geld wurde bereit gestellt. Es geht weiter geht es nicht.",
        crate::markup::Format::Text,
    )]);
    let k = known(&vocab, &[]);
    assert_eq!(vocab.pair_count("bereit", "gestellt"), 1);
    assert_eq!(split_word("bereitgestellt", false, &k), None);
    assert_eq!(split_word("weitergeht", false, &k), None);
    // A preposition before a pronoun the archive writes apart is glue.
    let vocab = Vocabulary::from_texts([(
        "Die Leute, mit denen er sprach.",
        crate::markup::Format::Text,
    )]);
    let k = known(&vocab, &[]);
    assert!(split_word("mitdenen", false, &k).is_some());
}

#[test]
fn an_adverb_built_on_an_article_is_a_word_at_a_sentence_start_too() {
    let vocab = Vocabulary::new();
    let k = known(&vocab, &[]);
    assert_eq!(split_word("Demgemäß", true, &k), None);
    assert_eq!(split_word("derzufolge", false, &k), None);
}

#[test]
fn a_surname_the_tagger_found_is_not_split_into_a_word_and_a_function_word() {
    let text = "Bayern gewann in Mainz. Trainer Thomas Tuchel lobte Joshua Kimmich nach dem Spiel.";
    assert!(flagged(CODE, text).is_empty(), "{:?}", flagged(CODE, text));
    // The same shape, not a name: a noun glued to an article.
    let glued = "Der Trainer lobte die Arbeit im Volkder Stadt.";
    assert_eq!(flagged(CODE, glued), vec!["Volkder"]);
}

#[test]
fn at_a_sentence_start_an_adverb_glued_to_a_verb_is_split_but_a_noun_compound_is_not() {
    let at = split_start;
    assert_eq!(at("Deshalbgibt").as_deref(), Some("Deshalb gibt"));
    // A conjunction glued to a verb form that starts separable verbs
    // elsewhere ("verglichen", "imitierten").
    assert_eq!(at("Dochverglichen").as_deref(), Some("Doch verglichen"));
    assert_eq!(at("Damitimitierten").as_deref(), Some("Damit imitierten"));
    assert_eq!(at("Vielefanden").as_deref(), Some("Viele fanden"));
    // Particles, prefix words and "ich" start nouns and adjectives.
    assert_eq!(at("Mitmachen"), None);
    assert_eq!(at("Wiewohl"), None);
    assert_eq!(at("Ichbezogen"), None);
    assert_eq!(at("Tatsächlichwaren").as_deref(), Some("Tatsächlich waren"));
    // "Krieg" is a noun: the capital belongs to it, "-müde" makes an adjective.
    assert_eq!(at("Kriegsmüde"), None);
    assert_eq!(at("Weltoffen"), None);
}

#[test]
fn a_name_glued_to_a_verb_form_is_strong_evidence_but_a_short_one_is_not() {
    let vocab = Vocabulary::from_texts([(
        "Varoufakis sagte das. Dann ging Varoufakis.",
        crate::markup::Format::Text,
    )]);
    let k = known(&vocab, &[]);
    let s = split_word("Varoufakissprach", false, &k).expect("split");
    assert_eq!(s.at, "Varoufakis".len());
    assert!(s.strong);
    let s = split_word("Varoufakisgibt", false, &k).expect("split");
    assert!(!s.strong);
}

#[test]
fn an_article_glued_to_an_inflected_adjective_the_lexicon_lacks_is_split() {
    // The lexicon has "unvergleichlich" and "chaotisch", not these forms.
    assert_eq!(
        split("dieunvergleichliche").as_deref(),
        Some("die unvergleichliche")
    );
    assert_eq!(split("imchaotischen").as_deref(), Some("im chaotischen"));
    // After a noun, an adjective form is as often a compound.
    assert_eq!(split("Frauenbeauftragten"), None);
}

#[test]
fn initials_before_a_word_and_a_noun_before_an_acronym_are_glue() {
    let vocab = Vocabulary::new();
    let k = known(&vocab, &[]);
    let s = split_word("IGMetall", false, &k).expect("split");
    assert_eq!((s.at, s.strong), (2, true));
    let s = split_word("NachrichtenagenturAFP", false, &k).expect("split");
    assert_eq!((s.at, s.strong), ("Nachrichtenagentur".len(), true));
    // A product name: a short English word before the acronym.
    assert_eq!(split_word("ScreenOS", false, &k), None);
    assert_eq!(split_word("MacOS", false, &k), None);
}

#[test]
fn a_person_the_tagger_found_glued_from_two_names_is_split() {
    let text = "Die britische Autorin RachelCusk schreibt über Scheidungen.";
    assert_eq!(flagged(CODE, text), vec!["RachelCusk"]);
    assert_eq!(glued_person_name("RachelCusk"), Some("Rachel".len()));
    // Camel-case surnames start with a short particle.
    assert_eq!(glued_person_name("DiCaprio"), None);
    assert_eq!(glued_person_name("MacArthur"), None);
    assert_eq!(glued_person_name("Rachel"), None);
}

#[test]
fn nouns_names_and_places_of_the_long_lists_are_words() {
    // Each splits into two lexicon words, but is a noun, surname or
    // Vienna district of the NER's long lists.
    for w in ["Seiher", "Biswas", "Hernals"] {
        assert_eq!(split(w), None, "{w}");
    }
}

#[test]
fn a_noun_the_lexicon_lacks_before_a_function_word_is_split() {
    // "Erdstoß" and "Rächern" are not in the lexicon, but in the noun list.
    assert_eq!(split("Erdstoßder").as_deref(), Some("Erdstoß der"));
    assert_eq!(split("Rächernauf").as_deref(), Some("Rächern auf"));
}

#[test]
fn a_noun_in_en_before_an_article_is_no_present_participle() {
    assert_eq!(split("Phänomendes").as_deref(), Some("Phänomen des"));
    assert_eq!(split("Steuerzahlenden"), None);
    assert_eq!(split("Zahlenden"), None);
}

#[test]
fn in_after_a_verb_adverb_or_abstract_noun_is_a_word_not_the_feminine_ending() {
    assert_eq!(split("hatin").as_deref(), Some("hat in"));
    assert_eq!(split("immerin").as_deref(), Some("immer in"));
    assert_eq!(split("Kindheitin").as_deref(), Some("Kindheit in"));
    for w in ["Präsidentin", "Sprecherin", "Lehrerin"] {
        assert_eq!(split(w), None, "{w}");
    }
}

#[test]
fn a_known_word_before_a_function_word_of_three_letters_is_strong_evidence() {
    // "Heimspiel" is in the lexicon but rarer than 1,000 per 100 million
    // words: still enough to split the token where the tagger sees a name.
    let s = split_mid("Heimspielvon").expect("split");
    assert_eq!(s.at, "Heimspiel".len());
    assert!(s.strong);
    // A two-letter function word ends too many names.
    let s = split_mid("Heimspielam").expect("split");
    assert!(!s.strong);
}

#[test]
fn a_noun_glued_to_a_past_tense_or_a_sentence_adverb_is_split() {
    // Weak and strong past tenses end no noun compound, even in -en.
    assert_eq!(split("Nachbarnlebten").as_deref(), Some("Nachbarn lebten"));
    assert_eq!(split("Arbeitergingen").as_deref(), Some("Arbeiter gingen"));
    assert_eq!(split("Polizeikam").as_deref(), Some("Polizei kam"));
    // Sentence adverbs are often capitalized, but no noun ends like them.
    assert_eq!(
        split("Polizeierstmals").as_deref(),
        Some("Polizei erstmals")
    );
    assert_eq!(split("Montagoffenbar").as_deref(), Some("Montag offenbar"));
    assert_eq!(
        split("Wanderwegunterwegs").as_deref(),
        Some("Wanderweg unterwegs")
    );
    // A noun of the long lists the lexicon lacks.
    assert_eq!(
        split("Bodenreformgelang").as_deref(),
        Some("Bodenreform gelang")
    );
    // A rare noun before a form that can only be a participle.
    assert_eq!(
        split("Parteiausschlussgebilligt").as_deref(),
        Some("Parteiausschluss gebilligt")
    );
    // Nouns made from participles and nominalized verbs stay compounds.
    for w in [
        "Frauenbeauftragten",
        "Kriegsverletzten",
        "Aktenkopieren",
        "Auftragsvergaben",
    ] {
        assert_eq!(split(w), None, "{w}");
    }
}

#[test]
fn parts_the_lexicon_lacks_are_found_in_the_web_list_or_as_verb_forms() {
    // Web frequencies: "Behördenvertreter" and "blendet".
    assert_eq!(
        split("Behördenvertretersagte").as_deref(),
        Some("Behördenvertreter sagte")
    );
    assert_eq!(split("blendeteine").as_deref(), Some("blendet eine"));
    // A past tense of "füttern" before a pronoun.
    assert_eq!(split("füttertensie").as_deref(), Some("fütterten sie"));
    // The web list makes no whole token a word: glue is common in web text.
    assert!(!Lexicon::embedded().contains("Behördenvertretersagte"));
}

#[test]
fn a_sentence_adverb_glued_to_a_lower_case_word_is_split() {
    assert_eq!(
        split("allerdingsließen").as_deref(),
        Some("allerdings ließen")
    );
    assert_eq!(
        split("bereitsgeschehen").as_deref(),
        Some("bereits geschehen")
    );
    assert_eq!(split("danachblieben").as_deref(), Some("danach blieben"));
    assert_eq!(
        split("schonfestgestellt").as_deref(),
        Some("schon festgestellt")
    );
    // Adverbs that start separable verbs and adjectives stay words.
    assert_eq!(split("wiedergeben"), None);
    assert_eq!(split("wohlbekannt"), None);
    assert_eq!(split("nochmalige"), None);
}

#[test]
fn nicht_glued_to_a_verb_form_is_split_but_not_before_an_adjective() {
    assert_eq!(split("nichtgegeben").as_deref(), Some("nicht gegeben"));
    assert_eq!(split("nichtmitteilen").as_deref(), Some("nicht mitteilen"));
    assert_eq!(split("nichtehelichen"), None);
    assert_eq!(split("nichtleitenden"), None);
    assert_eq!(split("nichtamtlichen"), None);
    let vocab = Vocabulary::new();
    assert_eq!(split_word("Nichtwissen", true, &known(&vocab, &[])), None);
}

#[test]
fn at_a_sentence_start_an_adverb_before_a_verb_is_split_even_where_the_tagger_sees_a_name() {
    let text = "Der Streit war lang. Allerdingsbegann die Sitzung spät. Washeißt das schon?";
    assert_eq!(flagged(CODE, text), vec!["Allerdingsbegann", "Washeißt"]);
}

#[test]
fn a_lower_case_token_that_starts_with_a_noun_is_no_glue() {
    // German glue keeps the noun's capital: this is English.
    assert_eq!(split("showman"), None);
    // A word written in lower case on the left still splits.
    assert_eq!(split("dannman").as_deref(), Some("dann man"));
}

#[test]
fn a_surname_of_a_full_name_in_the_article_is_not_split_at_a_sentence_start() {
    let text = "Das berichten Forscher um Edward Wasserman von der Universität. \
                Wasserman sieht das anders.";
    assert!(flagged(CODE, text).is_empty(), "{:?}", flagged(CODE, text));
    // Without the full name the same sentence start is glue.
    let glued = "Das berichten die Forscher. Wasserman sieht das anders.";
    assert_eq!(flagged(CODE, glued), vec!["Wasserman"]);
}

#[test]
fn a_compound_with_a_three_letter_first_part_before_an_article_is_split() {
    assert_eq!(
        split("Neuzuordnungder").as_deref(),
        Some("Neuzuordnung der")
    );
}

#[test]
fn a_long_noun_glued_to_an_infinitive_is_split_but_a_short_one_is_a_nominalized_verb() {
    assert_eq!(
        split("Meinungsumfragendeuten").as_deref(),
        Some("Meinungsumfragen deuten")
    );
    assert_eq!(split("Autofahren"), None);
    assert_eq!(split("Zähneputzen"), None);
    // A present participle makes compounds of any length.
    assert_eq!(split("Programmschaffenden"), None);
}

#[test]
fn a_derived_adjective_glued_to_a_verb_form_is_split() {
    assert_eq!(
        split("satirischgemeint").as_deref(),
        Some("satirisch gemeint")
    );
    assert_eq!(
        split("fachlichversiert").as_deref(),
        Some("fachlich versiert")
    );
    assert_eq!(
        split("illegalüberschritten").as_deref(),
        Some("illegal überschritten")
    );
    // Plain adjectives join participles; adjectives join adjectives.
    assert_eq!(split("hochbegabt"), None);
    assert_eq!(split("sozialdemokratisch"), None);
}

#[test]
fn in_after_a_noun_that_names_no_person_is_glue_not_the_feminine_ending() {
    assert_eq!(split("Kindin").as_deref(), Some("Kind in"));
    // Person nouns take "-in", in compounds too.
    assert_eq!(split("Parteichefin"), None);
    assert_eq!(split("Bloggerin"), None);
    assert_eq!(split("Freundin"), None);
}

#[test]
fn a_long_adverb_on_the_right_is_evidence_like_a_function_word() {
    assert_eq!(
        split("Herbstebenfalls").as_deref(),
        Some("Herbst ebenfalls")
    );
    assert_eq!(
        split("Engagementdurchaus").as_deref(),
        Some("Engagement durchaus")
    );
    assert_eq!(
        split("Ökumenedarunter").as_deref(),
        Some("Ökumene darunter")
    );
    // Adverbs in -lich end adjectives, "darin" ends "Mandarin".
    assert_eq!(split("übernatürlich"), None);
    assert_eq!(split("Mandarin"), None);
}

#[test]
fn a_name_the_archive_writes_on_its_own_before_a_function_word_is_strong() {
    let vocab = Vocabulary::from_texts([(
        "Odessa liegt am Meer. Wir fahren nach Odessa.",
        crate::markup::Format::Text,
    )]);
    let k = known(&vocab, &[]);
    let s = split_word("Odessaals", false, &k).expect("split");
    assert_eq!((s.at, s.strong), ("Odessa".len(), true));
    // Unknown to the archive, the same token is split only weakly.
    let s = split_mid("Odessaals").expect("split");
    assert!(!s.strong);
}

#[test]
fn a_frequent_common_noun_before_a_function_word_is_no_surname() {
    let s = split_mid("Frauund").expect("split");
    assert_eq!(s.at, "Frau".len());
    assert!(s.strong && !s.surname_like);
    // A number word before "der" ends surnames ("Zehnder").
    assert!(split_mid("Zehnder").is_none_or(|s| s.surname_like));
}

#[test]
fn a_sentence_opened_by_a_lower_case_word_glued_to_an_auxiliary_is_strong() {
    let vocab = Vocabulary::new();
    let s = split_word("Dabeihat", true, &known(&vocab, &[])).expect("split");
    assert_eq!((s.at, s.strong), ("Dabei".len(), true));
    // Inside a sentence "hat" ends names.
    let s = split_mid("Alabaist").expect("split");
    assert!(!s.strong);
    // Auxiliaries of four letters do not.
    assert!(split_mid("Türkensind").expect("split").strong);
}

#[test]
fn zu_glued_to_an_infinitive_or_adjective_is_split_but_particle_verbs_are_not() {
    assert_eq!(split("zulösen").as_deref(), Some("zu lösen"));
    assert_eq!(split("zufliehen").as_deref(), Some("zu fliehen"));
    assert_eq!(split("zuschweren").as_deref(), Some("zu schweren"));
    // Forms of particle verbs the lexicon may lack, and "zu" before a
    // verb with the particle "zu".
    for w in [
        "zugesperrt",
        "zusteckte",
        "zuzustimmen",
        "zulegen",
        "zuhören",
    ] {
        assert_eq!(split(w), None, "{w}");
    }
}

#[test]
fn in_after_a_plural_compound_the_lexicon_lacks_is_split() {
    assert_eq!(
        split("Aufnahmeeinrichtungenin").as_deref(),
        Some("Aufnahmeeinrichtungen in")
    );
}

#[test]
fn es_and_er_after_an_auxiliary_or_past_tense_are_pronouns() {
    assert_eq!(split("habees").as_deref(), Some("habe es"));
    assert_eq!(split("spracher").as_deref(), Some("sprach er"));
    assert_eq!(split("verursachteer").as_deref(), Some("verursachte er"));
    // Adjectives and names.
    for w in ["mager", "verlorener", "Willer", "Spracher"] {
        assert_eq!(split(w), None, "{w}");
    }
}

#[test]
fn a_preposition_glued_to_an_inflected_adjective_is_split() {
    assert_eq!(split("mitklarer").as_deref(), Some("mit klarer"));
    assert_eq!(split("ansozialen").as_deref(), Some("an sozialen"));
    assert_eq!(split("inerster").as_deref(), Some("in erster"));
    assert_eq!(split("eintraumhaftes").as_deref(), Some("ein traumhaftes"));
    assert_eq!(split_start("Einroter").as_deref(), Some("Ein roter"));
    assert_eq!(split("einheitlicher"), None);
    // Adjectives made of a particle and an adjective, participles and
    // verb forms of particle verbs.
    for w in [
        "anständiger",
        "aufwendiger",
        "vorgesehenen",
        "ausdünnen",
        "überbringe",
    ] {
        assert_eq!(split(w), None, "{w}");
    }
}

#[test]
fn a_sentence_opener_glued_to_its_finite_verb_is_split() {
    let at = split_start;
    assert_eq!(at("Hierschnürt").as_deref(), Some("Hier schnürt"));
    assert_eq!(at("Sobastelt").as_deref(), Some("So bastelt"));
    assert_eq!(at("Erwarnte").as_deref(), Some("Er warnte"));
    // Verbs in "er-" and words in "so-" the lexicon knows.
    for w in ["Erkannte", "Erlebte", "Erarbeitet", "Sobald"] {
        assert_eq!(at(w), None, "{w}");
    }
}

#[test]
fn a_noun_that_links_with_s_before_a_lower_case_word_without_it_is_glue() {
    assert_eq!(
        split("Regierungverurteilte").as_deref(),
        Some("Regierung verurteilte")
    );
    assert_eq!(
        split("Bildunginvestieren").as_deref(),
        Some("Bildung investieren")
    );
    assert_eq!(
        split("Kommunikationfindet").as_deref(),
        Some("Kommunikation findet")
    );
    // Borrowed "-ion" nouns compound without "s"; words the lexicon knows.
    for w in ["Promotiontechnisch", "Pensionist", "Visionär"] {
        assert_eq!(split(w), None, "{w}");
    }
}

#[test]
fn a_pronoun_glued_to_a_verb_that_agrees_with_it_is_split() {
    assert_eq!(split("erkandidiert").as_deref(), Some("er kandidiert"));
    assert_eq!(split("sofernes").as_deref(), Some("sofern es"));
    // "er" takes no plural: a verb in "er-".
    assert_eq!(split("erblühten"), None);
}

#[test]
fn a_name_the_archive_repeats_and_never_writes_apart_is_not_glue_before_a_particle() {
    let text = |t: &'static str| Vocabulary::from_texts([(t, crate::markup::Format::Text)]);
    let split_in = |v: &Vocabulary, w: &str| split_word(w, false, &known(v, &[]));
    let once = text("Im Metalab trafen sich Bastler.");
    assert!(split_in(&once, "Metalab").is_some());
    let twice = text("Im Metalab trafen sich Bastler. Das Metalab lud ein.");
    assert_eq!(split_in(&twice, "Metalab"), None);
    // Written apart as well: the repeats are glue.
    let apart = text("Das Metalab lud ein. Im Metalab auch. Er hörte Metal ab.");
    assert!(split_in(&apart, "Metalab").is_some());
    // Glue after a lower-case article stays glue however often it repeats.
    let repeated = text("Er kam zu einemEnde. Sie kam zu einemEnde.");
    assert!(split_in(&repeated, "einemEnde").is_some());
}

#[test]
fn two_english_words_in_camel_case_are_a_brand_unless_written_apart_or_a_title() {
    let none = Vocabulary::new();
    let k = known(&none, &[]);
    for w in ["TorrentFreak", "OnlineBanking", "GameStandard"] {
        assert_eq!(split_word(w, false, &k), None, "{w}");
    }
    // German glue is made of German words.
    assert!(split_word("RegierungSamstag", false, &k).is_some());
    // An English title starts with a function word or is written apart
    // elsewhere in the archive.
    assert!(split_word("TheIndependent", false, &k).is_some());
    let apart =
        Vocabulary::from_texts([("Er sah Blade Runner im Kino.", crate::markup::Format::Text)]);
    assert!(split_word("BladeRunner", false, &known(&apart, &[])).is_some());
}

#[test]
fn the_split_on_strong_evidence_wins_over_a_weak_one_with_a_higher_score() {
    assert_eq!(split("Kritikseines").as_deref(), Some("Kritik seines"));
    assert_eq!(
        split("Parteiinzwischen").as_deref(),
        Some("Partei inzwischen")
    );
}

#[test]
fn nicht_before_an_adjective_or_participle_without_ending_is_glue() {
    for (w, at) in [
        ("nichtgeregelt", "nicht"),
        ("nichtschriftlich", "nicht"),
        ("nichttrostlos", "nicht"),
    ] {
        assert_eq!(split_mid(w).map(|s| s.at), Some(at.len()), "{w}");
    }
    // Attributive forms join, and so do participles in "-end".
    for w in ["nichtschriftliche", "nichtrostend"] {
        assert_eq!(split_mid(w), None, "{w}");
    }
}

#[test]
fn a_preposition_before_a_number_word_is_glue() {
    assert_eq!(split("inzwei").as_deref(), Some("in zwei"));
    assert_eq!(split("umacht").as_deref(), Some("um acht"));
    // Not before "ein": "Andrei" is a name.
    assert_eq!(split_mid("Andrei"), None);
}

#[test]
fn so_wie_and_mehr_before_an_adjective_or_participle_are_glue() {
    assert_eq!(split("soleicht").as_deref(), Some("so leicht"));
    assert_eq!(split("wiewenig").as_deref(), Some("wie wenig"));
    assert_eq!(split("mehrgerüstet").as_deref(), Some("mehr gerüstet"));
    // The conjunctions and adverbs they make, and verbs in "wie-".
    for w in [
        "soweit", "sofern", "sobald", "solange", "sooft", "sowenig", "sosehr", "soviel",
        "sogleich", "wieweit", "wieviel", "wiegelte", "mehrfach", "mehrmals",
    ] {
        assert_eq!(split_mid(w), None, "{w}");
    }
}

#[test]
fn camel_case_hashtags_and_handles_are_not_split() {
    let text = "Die Kampagne lief unter #freiesWort und @ZeitungHeute weiter.";
    assert!(flagged(CODE, text).is_empty(), "{:?}", flagged(CODE, text));
    // The same words outside a hashtag are glue.
    assert_eq!(
        flagged(CODE, "Die Kampagne lief unter freiesWort weiter."),
        ["freiesWort"]
    );
}

#[test]
fn sentence_or_lower_case_word_glued_to_a_hashtag_is_still_glue() {
    let text = "Sie schrieb #Wahlkampf Die Partei schwieg.";
    assert!(flagged(CODE, text).is_empty());
    let glued = "Sie schrieb #WahlkampfDie Partei schwieg.";
    assert_eq!(flagged(CODE, glued), ["WahlkampfDie"]);
    let lower = "Sie schrieb #Wahlkampf-Parolenvon gestern.";
    assert_eq!(flagged(CODE, lower), ["Wahlkampf-Parolenvon"]);
}

#[test]
fn rare_conjunctions_are_words() {
    for w in ["obzwar", "obschon", "dieweilen", "alldieweil", "sintemal"] {
        assert_eq!(split(w), None, "{w}");
    }
    let text = "Er blieb, obzwar es regnete, dieweilen sie ging.";
    assert!(flagged(CODE, text).is_empty(), "{:?}", flagged(CODE, text));
}

#[test]
fn capitalized_short_word_after_a_colon_starts_a_sentence() {
    assert_eq!(
        flagged(CODE, "Sie streikten: InWien standen die Betriebe still."),
        ["InWien"]
    );
    assert_eq!(
        flagged(CODE, "Sie sagte: „ImHerbst wird gewählt.“"),
        ["ImHerbst"]
    );
    // Inside a sentence a short capitalized prefix makes names and brands.
    assert!(flagged(CODE, "Sie setzt die Seiten mit InDesign.").is_empty());
}

#[test]
fn name_of_five_letters_or_more_glued_to_hat_or_war_is_strong_evidence() {
    for w in ["Lukaschenkohat", "Stockhausenhat", "Kowalskiwar"] {
        let s = split_mid(w).unwrap_or_else(|| panic!("{w} not split"));
        assert!(s.strong, "{w}: {s:?}");
    }
    // Short names end in them: "Farhat", "Anwar".
    for w in ["Farhat", "Anwar"] {
        assert!(split_mid(w).is_none_or(|s| !s.strong), "{w}");
    }
}

#[test]
fn word_glued_to_a_one_letter_compound_is_split_before_the_letter() {
    assert_eq!(
        fixed(CODE, "Sie druckten Parolen aufT-Shirts und Tassen."),
        "Sie druckten Parolen auf T-Shirts und Tassen."
    );
    assert_eq!(
        fixed(CODE, "Er kaufte zwei schwarzeE-Bikes im Laden."),
        "Er kaufte zwei schwarze E-Bikes im Laden."
    );
    let fine = "Sie schrieb per E-Mail, fuhr mit der U-Bahn und trug T-Shirts.";
    assert!(flagged(CODE, fine).is_empty(), "{:?}", flagged(CODE, fine));
}

#[test]
fn noun_needing_a_linking_s_or_a_dative_plural_before_a_noun_homograph_is_glue() {
    assert_eq!(split("Nutzungsoll").as_deref(), Some("Nutzung soll"));
    assert_eq!(
        split("Koalitionsregierungwürde").as_deref(),
        Some("Koalitionsregierung würde")
    );
    assert_eq!(split("Protestenwaren").as_deref(), Some("Protesten waren"));
    assert_eq!(split("Mittelnwürde").as_deref(), Some("Mitteln würde"));
    // The compounds these homographs make keep their stem or linking form.
    for w in [
        "Menschenwürde",
        "Wurstwaren",
        "Regierungsende",
        "Frauenwürde",
    ] {
        assert_eq!(split(w), None, "{w}");
    }
}

#[test]
fn dative_plural_glued_to_a_lower_case_word_is_split() {
    assert_eq!(
        split("Standortenpassieren").as_deref(),
        Some("Standorten passieren")
    );
    assert_eq!(
        split("Begriffenbedacht").as_deref(),
        Some("Begriffen bedacht")
    );
    assert_eq!(
        split("Kindernbearbeitet").as_deref(),
        Some("Kindern bearbeitet")
    );
    // Plurals in "-en" of feminine and mixed nouns start compounds.
    for w in ["Aktenkopieren", "Gruppenletzter", "Motorenfrage"] {
        assert_eq!(split(w), None, "{w}");
    }
}

#[test]
fn article_glued_to_a_rare_derived_adjective_is_split() {
    assert_eq!(
        split("derprokurdischen").as_deref(),
        Some("der prokurdischen")
    );
    assert_eq!(
        split("einemselbstlernenden").as_deref(),
        Some("einem selbstlernenden")
    );
    // Short prepositions and pronouns start too many words, and no German
    // word starts with "ms" or "nt".
    for w in [
        "institutionellem",
        "wirkungsorientierte",
        "imaginäres",
        "insolvenzrechtlichen",
    ] {
        assert_eq!(split(w), None, "{w}");
    }
}

#[test]
fn adjective_in_lower_case_after_an_article_is_split_though_its_noun_is_commoner() {
    // "Jugendliche", "Grüne" are nouns more often than adjectives; written
    // in lower case after an article they are the adjective.
    assert_eq!(
        split("denjugendlichen").as_deref(),
        Some("den jugendlichen")
    );
    assert_eq!(split("einengrünen").as_deref(), Some("einen grünen"));
    assert_eq!(split("dessyrischen").as_deref(), Some("des syrischen"));
}

#[test]
fn acronym_glued_to_a_rarer_long_word_is_split() {
    assert_eq!(split("EUerhofft").as_deref(), Some("EU erhofft"));
    assert_eq!(split("EBELgesperrte").as_deref(), Some("EBEL gesperrte"));
    // Endings stay: "ÖVPlerin", "NGOs".
    assert_eq!(split("ÖVPlerin"), None);
    assert_eq!(split("NGOs"), None);
}

#[test]
fn function_word_glued_to_a_brand_in_i_or_e_is_split_before_the_letter() {
    assert_eq!(split("dasiPad").as_deref(), Some("das iPad"));
    assert_eq!(split("imiTunes").as_deref(), Some("im iTunes"));
    // "eine", "diese" end in the letter themselves.
    assert_eq!(split("eineFrage").as_deref(), Some("eine Frage"));
    assert_eq!(split("dieseWoche").as_deref(), Some("diese Woche"));
}
