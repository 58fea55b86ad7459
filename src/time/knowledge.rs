//! What the date rules need to know about the world: birth dates of people
//! (for `dates/age-mismatch`) and the years of events that anniversaries
//! count from (for `dates/anniversary-arithmetic`).
//!
//! Birth dates come from the workspace knowledge base (filled by the
//! entities layer through [`crate::analysis::Context`]); event years come
//! from a small built-in table plus whatever the workspace adds.

use std::collections::HashMap;

use jiff::civil::Date;

/// The key a person is looked up by: lower case, inner white space
/// collapsed to one space, surrounding punctuation removed.
/// `person_key("  Wladimir  PUTIN ")` is `"wladimir putin"`.
pub fn person_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for w in name.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'');
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    out
}

/// A birth date as precise as the knowledge base knows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Born {
    Day(Date),
    Month(i32, u8),
    Year(i32),
}

impl Born {
    pub fn year(&self) -> i32 {
        match self {
            Born::Day(d) => super::value::hist_year(d.year() as i32),
            Born::Month(y, _) | Born::Year(y) => *y,
        }
    }

    /// The ages the person may have on `day` (two when the birthday is not known exactly).
    pub fn ages_on(&self, day: Date) -> Vec<i32> {
        let full = super::value::hist_year(day.year() as i32) - self.year();
        match self {
            Born::Day(b) => vec![if (day.month(), day.day()) < (b.month(), b.day()) {
                full - 1
            } else {
                full
            }],
            Born::Month(_, m) if (day.month() as u8) < *m => vec![full - 1],
            Born::Month(_, m) if (day.month() as u8) > *m => vec![full],
            _ => vec![full - 1, full],
        }
    }

    /// The ages the person has at some time during `year`.
    pub fn ages_in_year(&self, year: i32) -> Vec<i32> {
        let full = year - self.year();
        vec![full - 1, full]
    }

    /// "07.10.1952", "10.1952", "1952".
    pub fn describe(&self) -> String {
        match self {
            Born::Day(d) => super::format_date_de(*d),
            Born::Month(y, m) => format!("{m:02}.{y}"),
            Born::Year(y) => y.to_string(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Entry {
    One {
        born: Born,
        name: String,
    },
    /// Two people share this key (a common surname): never guess.
    Ambiguous,
}

/// Birth dates by person. Each name is stored under its full key and under
/// its surname (last word); a surname shared by two people is dropped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BirthDates {
    map: HashMap<String, Entry>,
}

impl BirthDates {
    pub fn new() -> BirthDates {
        BirthDates::default()
    }

    /// Registers a person under the full name and the surname. Call once
    /// per spelling the knowledge base lists ("Wladimir Putin", "Vladimir
    /// Putin").
    pub fn insert(&mut self, name: &str, born: Date) {
        self.insert_born(name, Born::Day(born));
    }

    /// Like [`BirthDates::insert`] for a birth date known only to the
    /// month or year (the knowledge base's `born = "1953-06"`, `"1953"`).
    pub fn insert_born(&mut self, name: &str, born: Born) {
        let full = person_key(name);
        if full.is_empty() {
            return;
        }
        let surname = full.rsplit(' ').next().unwrap_or(&full).to_string();
        self.put(full.clone(), born, name);
        if surname != full {
            self.put(surname, born, name);
        }
    }

    fn put(&mut self, key: String, born: Born, name: &str) {
        match self.map.get(&key) {
            Some(Entry::One { born: b, .. }) if *b == born => {}
            Some(_) => {
                self.map.insert(key, Entry::Ambiguous);
            }
            None => {
                self.map.insert(
                    key,
                    Entry::One {
                        born,
                        name: name.to_string(),
                    },
                );
            }
        }
    }

    /// The birth date of the person a name in the text refers to, with the
    /// name as the knowledge base spells it. Tries the whole name, then
    /// shorter tails ("Präsident Wladimir Putin" → "wladimir putin" →
    /// "putin"), each also without a genitive "s".
    pub fn lookup(&self, mention: &str) -> Option<(Born, &str)> {
        let key = person_key(mention);
        let words: Vec<&str> = key.split(' ').collect();
        // Longest runs first: "Präsident Wladimir Putin Regierungschef"
        // finds "wladimir putin" before "putin".
        for len in (1..=words.len().min(4)).rev() {
            for start in 0..=words.len() - len {
                let run = words[start..start + len].join(" ");
                for k in [run.as_str(), run.strip_suffix('s').unwrap_or(&run)] {
                    match self.map.get(k) {
                        Some(Entry::One { born, name }) => return Some((*born, name.as_str())),
                        Some(Entry::Ambiguous) => return None,
                        None => {}
                    }
                }
            }
        }
        None
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// An event anniversaries count from. Every group of `near` must have a
/// word (lower case, substring) next to the anniversary; every group of
/// `article` somewhere in the article ("die diplomatischen Beziehungen"
/// near, "China" and "Russland" anywhere).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub label: String,
    pub year: i32,
    pub near: Vec<Vec<String>>,
    pub article: Vec<Vec<String>>,
}

/// Years of events ("Ende des Zweiten Weltkriegs" 1945, "Mauerfall" 1989).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventYears {
    events: Vec<Event>,
}

impl Default for EventYears {
    /// The built-in table.
    fn default() -> Self {
        EventYears {
            events: BUILT_IN
                .iter()
                .map(|(label, year, near, article)| event(label, *year, near, article))
                .collect(),
        }
    }
}

fn groups(g: &[&[&str]]) -> Vec<Vec<String>> {
    g.iter()
        .map(|g| g.iter().map(|s| s.to_string()).collect())
        .collect()
}

fn event(label: &str, year: i32, near: &[&[&str]], article: &[&[&str]]) -> Event {
    Event {
        label: label.to_string(),
        year,
        near: groups(near),
        article: groups(article),
    }
}

fn all_groups(groups: &[Vec<String>], low: &str) -> bool {
    groups
        .iter()
        .all(|g| g.iter().any(|w| low.contains(w.as_str())))
}

impl EventYears {
    /// No events at all (tests).
    pub fn empty() -> EventYears {
        EventYears { events: Vec::new() }
    }

    /// Adds a workspace event; it is tried before the built-in ones.
    pub fn insert(&mut self, label: &str, year: i32, near: &[&[&str]], article: &[&[&str]]) {
        self.events.insert(0, event(label, year, near, article));
    }

    /// The first event whose words occur near the anniversary (`near`,
    /// e.g. the rest of its clause) and in the article.
    pub fn find(&self, near: &str, article: &str) -> Option<&Event> {
        let near = near.to_lowercase();
        let mut article_low: Option<String> = None;
        self.events.iter().find(|e| {
            all_groups(&e.near, &near)
                && (e.article.is_empty()
                    || all_groups(
                        &e.article,
                        article_low.get_or_insert_with(|| article.to_lowercase()),
                    ))
        })
    }
}

/// Events whose round anniversaries German news marks every few years.
/// Ordered specific first: a sentence about the start of the Second World
/// War must not count from its end.
#[allow(clippy::type_complexity)]
const BUILT_IN: &[(&str, i32, &[&[&str]], &[&[&str]])] = &[
    (
        "Beginn des Zweiten Weltkriegs",
        1939,
        &[
            &["zweiten weltkrieg", "zweite weltkrieg"],
            &["beginn", "ausbruch", "überfall auf polen", "kriegsbeginn"],
        ],
        &[],
    ),
    (
        "Ende des Zweiten Weltkriegs",
        1945,
        &[
            &[
                "zweiten weltkrieg",
                "zweite weltkrieg",
                "vaterländischen krieg",
                "antifaschistischen",
                "faschismus",
                "nazi-deutschland",
                "hitler-deutschland",
                "hitlerdeutschland",
            ],
            &["sieg", "ende", "kriegsende", "befreiung", "kapitulation"],
        ],
        &[],
    ),
    (
        "Kriegsende 1945",
        1945,
        &[&[
            "kriegsende",
            "befreiung von auschwitz",
            "befreiung des konzentrationslagers auschwitz",
            "befreiung des lagers auschwitz",
        ]],
        &[],
    ),
    (
        "Sieg über die japanische Aggression",
        1945,
        &[
            &["japanische aggression", "japanischen aggression"],
            &["sieg", "widerstand"],
        ],
        &[],
    ),
    (
        "Gründung der Vereinten Nationen",
        1945,
        &[
            &[
                "vereinten nationen",
                "vereinte nationen",
                "uno",
                "un-charta",
            ],
            &[
                "gründung",
                "bestehen",
                "gegründet",
                "charta",
                "jahrestag",
                "jubiläum",
            ],
        ],
        &[],
    ),
    (
        "Beginn des Ersten Weltkriegs",
        1914,
        &[
            &["ersten weltkrieg", "erste weltkrieg"],
            &["beginn", "ausbruch", "kriegsbeginn"],
        ],
        &[],
    ),
    (
        "Ende des Ersten Weltkriegs",
        1918,
        &[
            &["ersten weltkrieg", "erste weltkrieg"],
            &["ende", "waffenstillstand"],
        ],
        &[],
    ),
    (
        "Fall der Berliner Mauer",
        1989,
        &[&[
            "mauerfall",
            "fall der mauer",
            "fall der berliner mauer",
            "öffnung der mauer",
        ]],
        &[],
    ),
    (
        "Deutsche Einheit",
        1990,
        &[&["wiedervereinigung", "deutschen einheit", "deutsche einheit"]],
        &[],
    ),
    ("Grundgesetz", 1949, &[&["grundgesetz"]], &[]),
    (
        "Gründung der Bundesrepublik",
        1949,
        &[&["bundesrepublik"], &["gründung", "bestehen", "gegründet"]],
        &[],
    ),
    (
        "Gründung der DDR",
        1949,
        &[&["ddr"], &["gründung", "gegründet"]],
        &[],
    ),
    (
        "Gründung der Volksrepublik China",
        1949,
        &[
            &["volksrepublik china", "volksrepublik"],
            &["gründung", "ausrufung", "gegründet", "bestehen"],
        ],
        &[],
    ),
    (
        "Gründung der NATO",
        1949,
        &[
            &["nato", "nordatlantik"],
            &["gründung", "bestehen", "gegründet"],
        ],
        &[],
    ),
    (
        "Diplomatische Beziehungen China–Russland (UdSSR)",
        1949,
        &[&["diplomatische"], &["beziehung"]],
        &[
            &["china", "chinesisch", "peking"],
            &["russland", "russisch", "sowjet", "moskau"],
        ],
    ),
    (
        "Diplomatische Beziehungen Deutschland–Israel",
        1965,
        &[&["diplomatische"], &["beziehung"]],
        &[&["israel"], &["deutschland", "bundesrepublik", "berlin"]],
    ),
    (
        "Diplomatische Beziehungen Deutschland–China",
        1972,
        &[&["diplomatische"], &["beziehung"]],
        &[
            &["china", "chinesisch", "peking"],
            &["deutschland", "bundesrepublik", "berlin"],
        ],
    ),
    (
        "Österreichischer Staatsvertrag",
        1955,
        &[&["staatsvertrag"]],
        &[&["österreich"]],
    ),
    (
        "Élysée-Vertrag",
        1963,
        &[&["élysée-vertrag", "elysée-vertrag", "elysee-vertrag"]],
        &[],
    ),
    (
        "Römische Verträge",
        1957,
        &[&["römischen verträge", "römische verträge"]],
        &[],
    ),
    ("Mondlandung", 1969, &[&["mondlandung"]], &[]),
    (
        "Reaktorkatastrophe von Tschernobyl",
        1986,
        &[&["tschernobyl"]],
        &[],
    ),
    ("Oktoberrevolution", 1917, &[&["oktoberrevolution"]], &[]),
    (
        "Französische Revolution",
        1789,
        &[&[
            "französischen revolution",
            "französische revolution",
            "sturm auf die bastille",
        ]],
        &[],
    ),
    (
        "Anschläge vom 11. September 2001",
        2001,
        &[
            &["11. september", "9/11"],
            &["anschläge", "anschlag", "terror"],
        ],
        &[],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_found_by_full_name_surname_and_genitive() {
        let mut b = BirthDates::new();
        b.insert("Wladimir Putin", "1952-10-07".parse().unwrap());
        assert_eq!(person_key("  Wladimir  PUTIN "), "wladimir putin");
        assert!(b.lookup("Präsident Wladimir Putin").is_some());
        assert!(b.lookup("Putins").is_some());
        assert!(b.lookup("Xi").is_none());
    }

    #[test]
    fn partial_birth_dates_allow_both_possible_ages() {
        let d: Date = "2024-06-01".parse().unwrap();
        assert_eq!(Born::Day("1952-10-07".parse().unwrap()).ages_on(d), [71]);
        assert_eq!(Born::Month(1952, 10).ages_on(d), [71]);
        assert_eq!(Born::Month(1952, 6).ages_on(d), [71, 72]);
        assert_eq!(Born::Year(1952).ages_on(d), [71, 72]);
    }

    #[test]
    fn shared_surnames_are_never_guessed() {
        let mut b = BirthDates::new();
        b.insert("Anna Müller", "1970-01-01".parse().unwrap());
        b.insert("Hans Müller", "1960-01-01".parse().unwrap());
        assert!(b.lookup("Müller").is_none());
        assert_eq!(
            b.lookup("Hans Müller").unwrap().0,
            Born::Day("1960-01-01".parse::<Date>().unwrap())
        );
    }

    #[test]
    fn events_need_every_word_group() {
        let e = EventYears::default();
        assert_eq!(
            e.find("der 80. Jahrestag des Sieges im Zweiten Weltkrieg", "")
                .unwrap()
                .year,
            1945
        );
        assert_eq!(
            e.find("75 Jahre nach Beginn des Zweiten Weltkriegs", "")
                .unwrap()
                .year,
            1939
        );
        assert!(
            e.find("der 75. Jahrestag der Gründung des Vereins", "")
                .is_none()
        );
        let near = "75. Jahrestag der Aufnahme diplomatischer Beziehungen";
        assert!(e.find(near, "Der Text handelt von Frankreich.").is_none());
        assert_eq!(e.find(near, "Peking und Moskau …").unwrap().year, 1949);
    }
}
