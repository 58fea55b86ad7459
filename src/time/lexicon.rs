//! The word tables of the temporal tagger: one per language, one engine.
//!
//! Every entry maps a lower-case word form (with its inflections spelled
//! out) to a [`W`] class; the patterns in `recognize` only ever look at
//! classes, so English is a second table rather than a second tagger.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::value::{DayPart, RefKind, Season, Unit};
// Aliases: inside the table builders `use W::*` shadows the enum names.
use super::value::{Season as Sn, Unit as U};
use crate::config::Language;
use Edge as Ed;

/// Which way a deictic word points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deixis {
    /// "dieses", "laufenden": the period containing the anchor.
    This,
    /// "letzten", "vergangenen", "vorigen".
    Last,
    /// "nächsten", "kommenden".
    Next,
    /// "folgenden": the period after the one last mentioned.
    Following,
    /// "selben", "gleichen", "jenem": the period last mentioned.
    Same,
    /// "vorangegangenen", "vorhergehenden": the period before the one last mentioned.
    Preceding,
}

/// Where in a period: "Anfang Mai", "Mitte des Jahres", "Ende 1941".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    Start,
    Mid,
    End,
    /// "im Laufe des Jahres": the whole period.
    Within,
}

/// Hedges in front of a number: "etwa", "mehr als", "fast".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hedge {
    Approx,
    MoreThan,
    LessThan,
    /// "mehr"/"weniger"/"more"/"less": only a hedge with a following "als"/"than".
    Comparative(bool),
}

/// Function words the patterns need to see ("am 15. Mai", "seit 1949").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum F {
    Am,
    Im,
    In,
    An,
    Des,
    Der,
    Den,
    Dem,
    Die,
    Das,
    Bis,
    Und,
    Oder,
    Vom,
    Von,
    Zum,
    Zur,
    Seit,
    Ab,
    Nach,
    Vor,
    Um,
    Gegen,
    Ueber,
    Zwischen,
    Auf,
    Als,
    Zu,
    Innerhalb,
    Tags,
    Of,
    The,
    On,
    At,
    Since,
}

/// Class of a word in the temporal lexicon.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum W {
    Month(u8),
    /// A month name that is also a common first name or word ("August",
    /// "Mai", "April"): only a month next to a day, a year or a cue.
    MonthAmbiguous(u8),
    Weekday(u8),
    /// "Fr.", "Mo": only next to a date.
    WeekdayAbbrev(u8),
    /// "Freitagabend", "Montagmorgen".
    WeekdayPart(u8, DayPart),
    /// "montags", "freitags".
    WeekdaySet(u8),
    Season(Season, Option<Edge>),
    Unit(Unit),
    /// A number word: "zwei", "einen", "anderthalb" (1.5).
    Num(f64),
    /// "dreiviertel" (adds 0.75 to a preceding number).
    ThreeQuarters,
    /// "halbe", "halbes": "ein halbes Jahr".
    Half,
    /// "beiden": a number only after a deictic ("die ersten beiden Tage").
    Both,
    /// "erste", "zweiten", …
    OrdWord(u8),
    Deictic(Deixis),
    /// "heute" (0), "gestern" (-1), "morgen" (+1), …
    DayRel(i8),
    /// "Morgen", "Abend", "Nacht": a part of a day.
    Part(DayPart),
    /// "früh" after a day ("heute früh").
    Early,
    /// "abends", "nachts".
    PartAdv(DayPart),
    /// "Mitternacht".
    Midnight,
    Edge(Edge),
    Ref(RefKind),
    /// "später", "danach", "darauf": after a reference ("zwei Tage später").
    Later,
    /// "zuvor", "vorher", "früher": before a reference.
    Earlier,
    /// "kurz", "wenig": "kurz darauf", "wenig später".
    Shortly,
    Hedge(Hedge),
    /// "einige", "mehrere", "wenige": an unspecified amount.
    Vague,
    /// "Jahrestag", "Jubiläum", "anniversary".
    Anniversary,
    /// "Geburtstag", "birthday".
    Birthday,
    /// "Bestehen" ("80-jähriges Bestehen").
    Existence,
    /// "jährt" ("jährt sich zum 75. Mal").
    Recurs,
    /// "Mal" ("zum 75. Mal").
    Times,
    /// "alt" ("71 Jahre alt"), "old".
    Old,
    /// "Alter" ("im Alter von 71 Jahren"), "age"/"aged".
    AgeNoun,
    Uhr,
    /// A time-zone word ("MEZ"); "mitteleuropäischer Zeit" is handled as a phrase.
    Zone(i8),
    /// A fixed-date holiday: "Neujahr", "Silvester", "Heiligabend".
    Holiday(u8, u8),
    /// "täglich", "jährlich".
    Every(Unit),
    /// "jeden", "jede", "every".
    EveryDet,
    /// "jahrelang", "wochenlang": an unspecified duration.
    Lasting(Unit),
    /// "Jahresbeginn", "Jahresende", "Jahresmitte".
    YearEdge(Edge),
    /// "Jahreshälfte", "Halbjahr" (with an ordinal).
    HalfYear,
    /// "Vorjahr" (-1), "Folgejahr" (+1) and their month/week kin.
    UnitRel(Unit, i8),
    /// "Wochenende".
    Weekend,
    /// "frühen", "späten": "am frühen Morgen", "im späten Frühjahr".
    EdgeAdj(Edge),
    /// "Jahrhundert", "Jh.".
    Century,
    /// "Folgezeit", "Zukunft": a vague future.
    Aftermath,
    /// "v. Chr.", "BC".
    Bc,
    /// "n. Chr.", "AD".
    Ad,
    /// "Zeitpunkt", "Datum" ("zu diesem Zeitpunkt").
    Moment,
    /// "ago" (English, after the amount).
    Ago,
    Fn(F),
}

/// FNV-1a: the keys are short words, where SipHash's setup dominates.
#[derive(Clone, Copy, Default)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= *b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvBuild = std::hash::BuildHasherDefault<Fnv>;

pub struct Lexicon {
    words: HashMap<&'static str, W, FnvBuild>,
    pub lang: Language,
}

impl Lexicon {
    pub fn get(&self, lower: &str) -> Option<W> {
        self.words.get(lower).copied()
    }
}

pub fn lexicon(lang: Language) -> &'static Lexicon {
    static DE: OnceLock<Lexicon> = OnceLock::new();
    static EN: OnceLock<Lexicon> = OnceLock::new();
    match lang {
        Language::De => DE.get_or_init(german),
        Language::En => EN.get_or_init(english),
    }
}

/// Adds every ending of a stem: `add_endings(m, "letzt", &["e","en"], W)`.
fn endings(m: &mut HashMap<&'static str, W, FnvBuild>, stem: &str, ends: &[&str], w: W) {
    for e in ends {
        let k: &'static str = Box::leak(format!("{stem}{e}").into_boxed_str());
        m.insert(k, w);
    }
}

const ADJ: &[&str] = &["e", "en", "em", "er", "es"];

fn german() -> Lexicon {
    use W::*;
    let mut m: HashMap<&'static str, W, FnvBuild> =
        HashMap::with_capacity_and_hasher(1024, FnvBuild::default());
    let months = [
        ("januar", 1),
        ("jänner", 1),
        ("februar", 2),
        ("feber", 2),
        ("märz", 3),
        ("maerz", 3),
        ("april", 4),
        ("mai", 5),
        ("juni", 6),
        ("juli", 7),
        ("august", 8),
        ("september", 9),
        ("oktober", 10),
        ("november", 11),
        ("dezember", 12),
        ("januars", 1),
        ("februars", 2),
        ("juno", 6),
        ("julei", 7),
    ];
    for (w, n) in months {
        let class = if matches!(w, "august" | "mai" | "april" | "juno" | "julei") {
            MonthAmbiguous(n)
        } else {
            Month(n)
        };
        if !matches!(w, "juno" | "julei") {
            m.insert(w, class);
        }
    }
    for (w, n) in [
        ("jan.", 1),
        ("feb.", 2),
        ("febr.", 2),
        ("mär.", 3),
        ("apr.", 4),
        ("aug.", 8),
        ("sept.", 9),
        ("sep.", 9),
        ("okt.", 10),
        ("nov.", 11),
        ("dez.", 12),
    ] {
        m.insert(w, Month(n));
    }
    let days = [
        ("montag", 1),
        ("dienstag", 2),
        ("mittwoch", 3),
        ("donnerstag", 4),
        ("freitag", 5),
        ("samstag", 6),
        ("sonnabend", 6),
        ("sonntag", 7),
    ];
    let parts = [
        ("morgen", DayPart::Morning),
        ("vormittag", DayPart::Morning),
        ("mittag", DayPart::Midday),
        ("nachmittag", DayPart::Afternoon),
        ("abend", DayPart::Evening),
        ("nacht", DayPart::Night),
    ];
    for (w, n) in days {
        m.insert(w, Weekday(n));
        let set: &'static str = Box::leak(format!("{w}s").into_boxed_str());
        m.insert(set, WeekdaySet(n));
        for (p, part) in parts {
            endings(&mut m, &format!("{w}{p}"), &["", "s"], WeekdayPart(n, part));
        }
    }
    for (w, n) in [
        ("mo.", 1),
        ("di.", 2),
        ("mi.", 3),
        ("do.", 4),
        ("fr.", 5),
        ("sa.", 6),
        ("so.", 7),
        ("mo", 1),
        ("di", 2),
        ("mi", 3),
        ("do", 4),
        ("fr", 5),
        ("sa", 6),
        ("so", 7),
    ] {
        m.insert(w, WeekdayAbbrev(n));
    }
    for (p, part) in parts {
        endings(&mut m, p, &["", "s"], Part(part));
        let adv: &'static str = Box::leak(format!("{p}s").into_boxed_str());
        m.insert(adv, Part(part));
    }
    m.insert("morgenstunden", Part(DayPart::Morning));
    m.insert("abendstunden", Part(DayPart::Evening));
    m.insert("nachtstunden", Part(DayPart::Night));
    m.insert("mittagszeit", Part(DayPart::Midday));
    for (w, part) in [
        ("morgens", DayPart::Morning),
        ("vormittags", DayPart::Morning),
        ("mittags", DayPart::Midday),
        ("nachmittags", DayPart::Afternoon),
        ("abends", DayPart::Evening),
        ("nachts", DayPart::Night),
    ] {
        m.insert(w, PartAdv(part));
    }
    m.insert("mitternacht", Midnight);
    m.insert("früh", Early);
    let seasons = [
        ("frühjahr", Sn::Spring, None),
        ("frühling", Sn::Spring, None),
        ("sommer", Sn::Summer, None),
        ("herbst", Sn::Fall, None),
        ("winter", Sn::Winter, None),
        ("spätsommer", Sn::Summer, Some(Ed::End)),
        ("frühsommer", Sn::Summer, Some(Ed::Start)),
        ("hochsommer", Sn::Summer, Some(Ed::Mid)),
        ("spätherbst", Sn::Fall, Some(Ed::End)),
        ("frühherbst", Sn::Fall, Some(Ed::Start)),
        ("spätwinter", Sn::Winter, Some(Ed::End)),
        ("frühwinter", Sn::Winter, Some(Ed::Start)),
        ("spätfrühling", Sn::Spring, Some(Ed::End)),
        ("frühjahrs", Sn::Spring, None),
        ("frühlings", Sn::Spring, None),
        ("sommers", Sn::Summer, None),
        ("herbstes", Sn::Fall, None),
        ("herbsts", Sn::Fall, None),
        ("winters", Sn::Winter, None),
        ("spätsommers", Sn::Summer, Some(Ed::End)),
        ("frühsommers", Sn::Summer, Some(Ed::Start)),
        ("spätherbstes", Sn::Fall, Some(Ed::End)),
        ("spätherbsts", Sn::Fall, Some(Ed::End)),
    ];
    for (w, s, e) in seasons {
        m.insert(w, Season(s, e));
    }
    let units: &[(&str, &[&str], U)] = &[
        ("sekunde", &["", "n"], U::Second),
        ("minute", &["", "n"], U::Minute),
        ("stunde", &["", "n"], U::Hour),
        ("tag", &["", "e", "en", "es", "s"], U::Day),
        ("woche", &["", "n"], U::Week),
        ("monat", &["", "e", "en", "es", "s"], U::Month),
        ("quartal", &["", "e", "en", "es", "s"], U::Quarter),
        ("jahr", &["", "e", "en", "es", "s"], U::Year),
        ("jahrzehnt", &["", "e", "en", "es", "s"], U::Decade),
    ];
    for (stem, ends, u) in units {
        endings(&mut m, stem, ends, Unit(*u));
    }
    endings(&mut m, "jahrhundert", &["", "e", "en", "es", "s"], Century);
    m.insert("jh.", Century);
    m.insert("jhd.", Century);
    m.insert("jhdt.", Century);
    let nums: &[(&str, f64)] = &[
        ("ein", 1.0),
        ("eine", 1.0),
        ("einen", 1.0),
        ("einem", 1.0),
        ("einer", 1.0),
        ("eines", 1.0),
        ("zwei", 2.0),
        ("drei", 3.0),
        ("vier", 4.0),
        ("fünf", 5.0),
        ("sechs", 6.0),
        ("sieben", 7.0),
        ("acht", 8.0),
        ("neun", 9.0),
        ("zehn", 10.0),
        ("elf", 11.0),
        ("zwölf", 12.0),
        ("dreizehn", 13.0),
        ("vierzehn", 14.0),
        ("fünfzehn", 15.0),
        ("sechzehn", 16.0),
        ("siebzehn", 17.0),
        ("achtzehn", 18.0),
        ("neunzehn", 19.0),
        ("zwanzig", 20.0),
        ("dreißig", 30.0),
        ("vierzig", 40.0),
        ("fünfzig", 50.0),
        ("sechzig", 60.0),
        ("siebzig", 70.0),
        ("achtzig", 80.0),
        ("neunzig", 90.0),
        ("hundert", 100.0),
        ("einhundert", 100.0),
        ("anderthalb", 1.5),
        ("eineinhalb", 1.5),
        ("zweieinhalb", 2.5),
        ("dreieinhalb", 3.5),
        ("viereinhalb", 4.5),
        ("fünfeinhalb", 5.5),
        ("zwo", 2.0),
    ];
    for (w, n) in nums {
        m.insert(w, Num(*n));
    }
    // Compounds up to ninety-nine: "einundzwanzig", "fünfundsiebzig".
    let ones = [
        "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
    ];
    let tens = [
        "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig",
    ];
    for (ti, t) in tens.iter().enumerate() {
        for (oi, o) in ones.iter().enumerate() {
            let k: &'static str = Box::leak(format!("{o}und{t}").into_boxed_str());
            m.insert(k, Num(((ti + 2) * 10 + oi + 1) as f64));
        }
    }
    m.insert("dreiviertel", ThreeQuarters);
    endings(&mut m, "halb", &["e", "en", "es", "er"], Half);
    m.insert("beiden", Both);
    let ords = [
        ("erst", 1),
        ("zweit", 2),
        ("dritt", 3),
        ("viert", 4),
        ("fünft", 5),
        ("sechst", 6),
        ("siebt", 7),
        ("siebent", 7),
        ("acht", 8),
        ("neunt", 9),
        ("zehnt", 10),
        ("elft", 11),
        ("zwölft", 12),
    ];
    for (stem, n) in ords {
        endings(&mut m, stem, ADJ, OrdWord(n));
    }
    for (stem, d) in [
        ("dies", Deixis::This),
        ("laufend", Deixis::This),
        ("letzt", Deixis::Last),
        ("vergangen", Deixis::Last),
        ("vorig", Deixis::Last),
        ("verflossen", Deixis::Last),
        ("nächst", Deixis::Next),
        ("kommend", Deixis::Next),
        ("folgend", Deixis::Following),
        ("darauffolgend", Deixis::Following),
        ("selb", Deixis::Same),
        ("gleich", Deixis::Same),
        ("selbig", Deixis::Same),
        ("jen", Deixis::Same),
        ("vorangegangen", Deixis::Preceding),
        ("vorhergehend", Deixis::Preceding),
        ("vorherig", Deixis::Preceding),
        ("ganz", Deixis::Same),
    ] {
        endings(&mut m, stem, ADJ, Deictic(d));
    }
    // "im neuen Jahr", "des neuen Jahres"; not "ein gutes neues Jahr".
    m.insert("neuen", Deictic(Deixis::Next));
    for w in [
        "desselben",
        "derselben",
        "demselben",
        "denselben",
        "dasselbe",
        "dieselbe",
    ] {
        m.insert(w, Deictic(Deixis::Same));
    }
    for (w, e) in [
        ("frühen", Ed::Start),
        ("frühe", Ed::Start),
        ("späten", Ed::End),
        ("späte", Ed::End),
    ] {
        m.insert(w, EdgeAdj(e));
    }
    for (w, n) in [
        ("heute", 0),
        ("gestern", -1),
        ("vorgestern", -2),
        ("morgen", 1),
        ("übermorgen", 2),
    ] {
        m.insert(w, DayRel(n));
    }
    endings(&mut m, "heutig", ADJ, Ref(RefKind::Present));
    for (w, e) in [
        ("anfang", Ed::Start),
        ("beginn", Ed::Start),
        ("mitte", Ed::Mid),
        ("ende", Ed::End),
        ("laufe", Ed::Within),
        ("anfangs", Ed::Start),
        ("endes", Ed::End),
    ] {
        m.insert(w, Edge(e));
    }
    for (w, r) in [
        ("bald", RefKind::Future),
        ("demnächst", RefKind::Future),
        ("jetzt", RefKind::Present),
        ("derzeit", RefKind::Present),
        ("zurzeit", RefKind::Present),
        ("gegenwärtig", RefKind::Present),
        ("heutzutage", RefKind::Present),
        ("kürzlich", RefKind::Past),
        ("jüngst", RefKind::Past),
        ("neulich", RefKind::Past),
        ("unlängst", RefKind::Past),
    ] {
        m.insert(w, Ref(r));
    }
    for w in ["später", "danach", "darauf", "anschließend"] {
        m.insert(w, Later);
    }
    for w in ["zuvor", "vorher", "früher"] {
        m.insert(w, Earlier);
    }
    m.insert("kurz", Shortly);
    m.insert("wenig", Shortly);
    for (w, f) in [
        ("am", F::Am),
        ("im", F::Im),
        ("in", F::In),
        ("an", F::An),
        ("des", F::Des),
        ("der", F::Der),
        ("den", F::Den),
        ("dem", F::Dem),
        ("die", F::Die),
        ("das", F::Das),
        ("bis", F::Bis),
        ("und", F::Und),
        ("oder", F::Oder),
        ("vom", F::Vom),
        ("von", F::Von),
        ("zum", F::Zum),
        ("zur", F::Zur),
        ("seit", F::Seit),
        ("ab", F::Ab),
        ("nach", F::Nach),
        ("vor", F::Vor),
        ("um", F::Um),
        ("gegen", F::Gegen),
        ("über", F::Ueber),
        ("zwischen", F::Zwischen),
        ("auf", F::Auf),
        ("als", F::Als),
        ("zu", F::Zu),
        ("innerhalb", F::Innerhalb),
        ("binnen", F::Innerhalb),
        ("tags", F::Tags),
    ] {
        m.insert(w, Fn(f));
    }
    for w in ["etwa", "rund", "ungefähr", "circa", "ca.", "zirka"] {
        m.insert(w, Hedge(self::Hedge::Approx));
    }
    for w in ["fast", "knapp", "beinahe", "nahezu", "höchstens"] {
        m.insert(w, Hedge(self::Hedge::LessThan));
    }
    for w in ["mindestens", "gut"] {
        m.insert(w, Hedge(self::Hedge::MoreThan));
    }
    m.insert("mehr", Hedge(self::Hedge::Comparative(true)));
    m.insert("weniger", Hedge(self::Hedge::Comparative(false)));
    for w in [
        "einige",
        "einigen",
        "mehrere",
        "mehreren",
        "wenige",
        "wenigen",
        "viele",
        "vielen",
        "zahlreiche",
        "zahlreichen",
        "etliche",
        "etlichen",
        "paar",
    ] {
        m.insert(w, Vague);
    }
    endings(
        &mut m,
        "jahrestag",
        &["", "e", "en", "es", "s"],
        Anniversary,
    );
    endings(&mut m, "jubiläum", &["", "s"], Anniversary);
    endings(&mut m, "gedenktag", &["", "es", "s"], Anniversary);
    endings(&mut m, "geburtstag", &["", "e", "en", "es", "s"], Birthday);
    m.insert("bestehen", Existence);
    m.insert("bestehens", Existence);
    m.insert("jährt", Recurs);
    m.insert("jähren", Recurs);
    m.insert("jährte", Recurs);
    m.insert("mal", Times);
    m.insert("alt", Old);
    m.insert("alter", AgeNoun);
    m.insert("uhr", Uhr);
    m.insert("mez", Zone(1));
    m.insert("mesz", Zone(2));
    m.insert("utc", Zone(0));
    m.insert("gmt", Zone(0));
    for (w, mo, d) in [
        ("neujahr", 1, 1),
        ("neujahrstag", 1, 1),
        ("silvester", 12, 31),
        ("heiligabend", 12, 24),
        ("heiligen abend", 12, 24),
        ("weihnachten", 12, 25),
        ("weihnachtstag", 12, 25),
        ("valentinstag", 2, 14),
    ] {
        m.insert(w, Holiday(mo, d));
    }
    for (w, u) in [
        ("täglich", U::Day),
        ("wöchentlich", U::Week),
        ("monatlich", U::Month),
        ("jährlich", U::Year),
        ("alljährlich", U::Year),
        ("stündlich", U::Hour),
        ("vierteljährlich", U::Quarter),
    ] {
        m.insert(w, Every(u));
    }
    for w in ["jeden", "jede", "jedes", "jedem", "alle"] {
        m.insert(w, EveryDet);
    }
    for (stem, u) in [
        ("jahrelang", U::Year),
        ("monatelang", U::Month),
        ("wochenlang", U::Week),
        ("tagelang", U::Day),
        ("stundenlang", U::Hour),
        ("jahrzehntelang", U::Decade),
        ("minutenlang", U::Minute),
    ] {
        endings(&mut m, stem, &["", "e", "en", "em", "er", "es"], Lasting(u));
    }
    m.insert("jahrzehnte", Lasting(U::Decade));
    m.insert("jahrzehnten", Lasting(U::Decade));
    for (w, e) in [
        ("jahresbeginn", Ed::Start),
        ("jahresanfang", Ed::Start),
        ("jahresende", Ed::End),
        ("jahresschluss", Ed::End),
        ("jahresmitte", Ed::Mid),
        ("jahreswechsel", Ed::End),
    ] {
        endings(&mut m, w, &["", "s"], YearEdge(e));
    }
    endings(&mut m, "jahreshälfte", &[""], HalfYear);
    endings(&mut m, "halbjahr", &["", "es", "s"], HalfYear);
    for (w, u, n) in [
        ("vorjahr", U::Year, -1),
        ("folgejahr", U::Year, 1),
        ("vormonat", U::Month, -1),
        ("folgemonat", U::Month, 1),
        ("vorwoche", U::Week, -1),
        ("folgewoche", U::Week, 1),
        ("vortag", U::Day, -1),
        ("folgetag", U::Day, 1),
        ("vorvorjahr", U::Year, -2),
    ] {
        // Singular only: "in den Folgetagen" is a stretch of time, not a day.
        endings(&mut m, w, &["", "es", "s"], UnitRel(u, n));
    }
    endings(&mut m, "wochenende", &["", "n", "s"], Weekend);
    m.insert("folgezeit", Aftermath);
    m.insert("zukunft", Aftermath);
    m.insert("v. chr.", Bc);
    m.insert("v.chr.", Bc);
    m.insert("vor christus", Bc);
    m.insert("n. chr.", Ad);
    m.insert("n.chr.", Ad);
    m.insert("zeitpunkt", Moment);
    m.insert("zeitpunkts", Moment);
    m.insert("datum", Moment);
    Lexicon {
        words: m,
        lang: Language::De,
    }
}

fn english() -> Lexicon {
    use W::*;
    let mut m: HashMap<&'static str, W, FnvBuild> =
        HashMap::with_capacity_and_hasher(512, FnvBuild::default());
    let months = [
        ("january", 1),
        ("february", 2),
        ("march", 3),
        ("april", 4),
        ("may", 5),
        ("june", 6),
        ("july", 7),
        ("august", 8),
        ("september", 9),
        ("october", 10),
        ("november", 11),
        ("december", 12),
    ];
    for (w, n) in months {
        let class = if matches!(w, "may" | "march" | "august" | "april" | "june") {
            MonthAmbiguous(n)
        } else {
            Month(n)
        };
        m.insert(w, class);
    }
    for (w, n) in [
        ("jan.", 1),
        ("feb.", 2),
        ("mar.", 3),
        ("apr.", 4),
        ("aug.", 8),
        ("sept.", 9),
        ("sep.", 9),
        ("oct.", 10),
        ("nov.", 11),
        ("dec.", 12),
    ] {
        m.insert(w, Month(n));
    }
    for (w, n) in [
        ("monday", 1),
        ("tuesday", 2),
        ("wednesday", 3),
        ("thursday", 4),
        ("friday", 5),
        ("saturday", 6),
        ("sunday", 7),
    ] {
        m.insert(w, Weekday(n));
        let set: &'static str = Box::leak(format!("{w}s").into_boxed_str());
        m.insert(set, WeekdaySet(n));
    }
    for (w, n) in [
        ("mon.", 1),
        ("tue.", 2),
        ("tues.", 2),
        ("wed.", 3),
        ("thu.", 4),
        ("thurs.", 4),
        ("fri.", 5),
        ("sat.", 6),
        ("sun.", 7),
    ] {
        m.insert(w, WeekdayAbbrev(n));
    }
    for (w, p) in [
        ("morning", DayPart::Morning),
        ("noon", DayPart::Midday),
        ("afternoon", DayPart::Afternoon),
        ("evening", DayPart::Evening),
        ("night", DayPart::Night),
    ] {
        m.insert(w, Part(p));
    }
    m.insert("midnight", Midnight);
    for (w, s) in [
        ("spring", Sn::Spring),
        ("summer", Sn::Summer),
        ("autumn", Sn::Fall),
        ("fall", Sn::Fall),
        ("winter", Sn::Winter),
    ] {
        m.insert(w, Season(s, None));
    }
    for (w, u) in [
        ("second", U::Second),
        ("seconds", U::Second),
        ("minute", U::Minute),
        ("minutes", U::Minute),
        ("hour", U::Hour),
        ("hours", U::Hour),
        ("day", U::Day),
        ("days", U::Day),
        ("week", U::Week),
        ("weeks", U::Week),
        ("month", U::Month),
        ("months", U::Month),
        ("quarter", U::Quarter),
        ("year", U::Year),
        ("years", U::Year),
        ("decade", U::Decade),
        ("decades", U::Decade),
    ] {
        m.insert(w, Unit(u));
    }
    m.insert("century", Century);
    m.insert("centuries", Century);
    for (w, n) in [
        ("a", 1.0),
        ("an", 1.0),
        ("one", 1.0),
        ("two", 2.0),
        ("three", 3.0),
        ("four", 4.0),
        ("five", 5.0),
        ("six", 6.0),
        ("seven", 7.0),
        ("eight", 8.0),
        ("nine", 9.0),
        ("ten", 10.0),
        ("eleven", 11.0),
        ("twelve", 12.0),
        ("fifteen", 15.0),
        ("twenty", 20.0),
        ("thirty", 30.0),
        ("forty", 40.0),
        ("fifty", 50.0),
        ("sixty", 60.0),
        ("seventy", 70.0),
        ("eighty", 80.0),
        ("ninety", 90.0),
        ("hundred", 100.0),
    ] {
        m.insert(w, Num(n));
    }
    for (w, n) in [
        ("first", 1),
        ("second", 2),
        ("third", 3),
        ("fourth", 4),
        ("fifth", 5),
    ] {
        if w != "second" {
            m.insert(w, OrdWord(n));
        }
    }
    for (w, d) in [
        ("this", Deixis::This),
        ("current", Deixis::This),
        ("last", Deixis::Last),
        ("past", Deixis::Last),
        ("previous", Deixis::Last),
        ("next", Deixis::Next),
        ("coming", Deixis::Next),
        ("following", Deixis::Following),
        ("same", Deixis::Same),
    ] {
        m.insert(w, Deictic(d));
    }
    for (w, n) in [("today", 0), ("yesterday", -1), ("tomorrow", 1)] {
        m.insert(w, DayRel(n));
    }
    for (w, e) in [
        ("beginning", Ed::Start),
        ("early", Ed::Start),
        ("mid", Ed::Mid),
        ("middle", Ed::Mid),
        ("late", Ed::End),
        ("end", Ed::End),
    ] {
        m.insert(w, Edge(e));
    }
    for (w, r) in [
        ("soon", RefKind::Future),
        ("now", RefKind::Present),
        ("currently", RefKind::Present),
        ("nowadays", RefKind::Present),
        ("recently", RefKind::Past),
    ] {
        m.insert(w, Ref(r));
    }
    for (w, f) in [
        ("in", F::In),
        ("of", F::Of),
        ("the", F::The),
        ("on", F::On),
        ("at", F::At),
        ("since", F::Since),
        ("until", F::Bis),
        ("to", F::Bis),
        ("and", F::Und),
        ("or", F::Oder),
        ("from", F::Von),
        ("after", F::Nach),
        ("than", F::Als),
        ("within", F::Innerhalb),
        ("between", F::Zwischen),
    ] {
        m.insert(w, Fn(f));
    }
    m.insert("later", Later);
    m.insert("earlier", Earlier);
    m.insert("before", Earlier);
    m.insert("ago", Ago);
    for w in ["about", "around", "approximately", "some", "roughly"] {
        m.insert(w, Hedge(self::Hedge::Approx));
    }
    for w in ["nearly", "almost"] {
        m.insert(w, Hedge(self::Hedge::LessThan));
    }
    m.insert("over", Fn(F::Ueber));
    m.insert("more", Hedge(self::Hedge::Comparative(true)));
    m.insert("less", Hedge(self::Hedge::Comparative(false)));
    for w in ["several", "few", "many"] {
        m.insert(w, Vague);
    }
    m.insert("anniversary", Anniversary);
    m.insert("birthday", Birthday);
    m.insert("old", Old);
    m.insert("aged", AgeNoun);
    m.insert("age", AgeNoun);
    for (w, u) in [
        ("daily", U::Day),
        ("weekly", U::Week),
        ("monthly", U::Month),
        ("annually", U::Year),
        ("yearly", U::Year),
        ("hourly", U::Hour),
    ] {
        m.insert(w, Every(u));
    }
    m.insert("every", EveryDet);
    m.insert("each", EveryDet);
    m.insert("weekend", Weekend);
    m.insert("bc", Bc);
    m.insert("b.c.", Bc);
    m.insert("bce", Bc);
    m.insert("ad", Ad);
    m.insert("a.d.", Ad);
    for (w, mo, d) in [("christmas", 12, 25), ("new year's day", 1, 1)] {
        m.insert(w, Holiday(mo, d));
    }
    Lexicon {
        words: m,
        lang: Language::En,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_forms_are_found() {
        let l = lexicon(Language::De);
        assert_eq!(l.get("februar"), Some(W::Month(2)));
        assert_eq!(l.get("august"), Some(W::MonthAmbiguous(8)));
        assert_eq!(
            l.get("freitagabend"),
            Some(W::WeekdayPart(5, DayPart::Evening))
        );
        assert_eq!(l.get("fünfundsiebzig"), Some(W::Num(75.0)));
        assert_eq!(l.get("vergangenen"), Some(W::Deictic(Deixis::Last)));
        assert_eq!(l.get("jahren"), Some(W::Unit(U::Year)));
        assert_eq!(l.get("vorjahres"), Some(W::UnitRel(U::Year, -1)));
        assert_eq!(l.get("haus"), None);
    }

    #[test]
    fn english_is_a_second_table() {
        let l = lexicon(Language::En);
        assert_eq!(l.get("february"), Some(W::Month(2)));
        assert_eq!(l.get("yesterday"), Some(W::DayRel(-1)));
        assert_eq!(l.get("ago"), Some(W::Ago));
    }
}
