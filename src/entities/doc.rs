//! One document's entities: the tagger's name mentions, folded and grouped
//! within the article ("Wladimir Putin" … "Putin" … "Putins"), with the
//! roles the article gives them and "Long Form (ACR)" pairs.

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

use super::kb::KnowledgeBase;
use super::names::{self, genitive_stem, is_east_asian_family, org_key, same_word, translit_key};
use super::phonetic::cologne;
use super::roles::{self, Role};
use super::{EntityKind, Found};
use crate::tokenize::Tokens;

/// One name mention, ready for clustering.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntityMention {
    pub span: Range<usize>,
    /// As written ("Putins").
    pub text: String,
    pub kind: EntityKind,
    pub confidence: f32,
    /// The name words with inflection folded (["Putin"]).
    pub words: Vec<String>,
    /// Inflection removed from the last word ("s" for "Putins"), so that a
    /// rename can put it back.
    pub suffix: String,
    /// Index into [`DocEntities::groups`].
    pub group: usize,
    pub role: Option<Role>,
    /// The acronym given in brackets right after it ("(SCO)").
    pub acronym: Option<String>,
}

impl EntityMention {
    /// The folded name ("Andrej Beloussow").
    pub fn name(&self) -> String {
        self.words.join(" ")
    }

    /// The word that carries the family name: the last one, or the first in
    /// East Asian order ("Xi Jinping").
    pub fn family_index(&self) -> usize {
        if self.kind == EntityKind::Person
            && self.words.len() >= 2
            && self.words.len() <= 3
            && is_east_asian_family(&self.words[0])
        {
            0
        } else {
            self.words.len().saturating_sub(1)
        }
    }

    pub fn family(&self) -> &str {
        self.words
            .get(self.family_index())
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Given names (persons with more than one word).
    pub fn given(&self) -> Vec<&str> {
        let f = self.family_index();
        self.words
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != f)
            .map(|(_, w)| w.as_str())
            .collect()
    }

    pub fn is_full_name(&self) -> bool {
        self.kind == EntityKind::Person && self.words.len() >= 2
    }
}

/// Mentions of one entity within one article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Group {
    pub kind: EntityKind,
    pub mentions: Vec<usize>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DocEntities {
    /// In text order.
    pub mentions: Vec<EntityMention>,
    pub groups: Vec<Group>,
}

impl DocEntities {
    /// The mention covering `offset`, if any.
    pub fn at(&self, offset: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.span.end < offset);
        (i..self.mentions.len())
            .take_while(|&j| self.mentions[j].span.start <= offset)
            .find(|&j| self.mentions[j].span.start <= offset && offset <= self.mentions[j].span.end)
    }
}

/// Titles that taggers sometimes include but that are not part of a name.
const HONORIFICS: &[&str] = &[
    "Herr", "Herrn", "Frau", "Dr.", "Prof.", "Mr.", "Mrs.", "Ms.", "Sir",
];

/// Builds the document's entities from the tagger's mentions.
pub fn extract(text: &str, tokens: &Tokens, found: &[Found], kb: &KnowledgeBase) -> DocEntities {
    let mut found: Vec<&Found> = found
        .iter()
        .filter(|f| f.span.end <= text.len() && f.span.start < f.span.end)
        .collect();
    found.sort_by_key(|f| (f.span.start, f.span.end));
    found.dedup_by(|a, b| a.span.start < b.span.end);
    // Words that occur uninflected anywhere, to tell "Putins" (genitive)
    // from "Klaus" (a name that ends in s).
    let mut known: std::collections::HashSet<String> = std::collections::HashSet::new();
    for f in &found {
        for w in text[f.span.clone()].split_whitespace() {
            known.insert(w.to_string());
        }
    }
    for e in &kb.entries {
        for n in std::iter::once(&e.name).chain(&e.aliases) {
            known.extend(n.split_whitespace().map(str::to_string));
        }
    }
    let mut mentions = Vec::with_capacity(found.len());
    for f in found {
        let Some(m) = mention(text, tokens, f, &known) else {
            continue;
        };
        mentions.push(m);
    }
    link_acronyms(text, &mut mentions);
    let groups = group(&mut mentions);
    DocEntities { mentions, groups }
}

fn mention(
    text: &str,
    tokens: &Tokens,
    f: &Found,
    known: &std::collections::HashSet<String>,
) -> Option<EntityMention> {
    let surface = &text[f.span.clone()];
    let mut words: Vec<String> = surface.split_whitespace().map(str::to_string).collect();
    let mut span = f.span.clone();
    // Drop a leading honorific ("Herr Belousov").
    while words.len() > 1 && HONORIFICS.contains(&words[0].as_str()) {
        let w = words.remove(0);
        let skip = surface[span.start - f.span.start..]
            .find(&w)
            .map(|i| i + w.len())
            .unwrap_or(0);
        span.start += skip;
        span.start += text[span.start..].len() - text[span.start..].trim_start().len();
    }
    if words.is_empty() {
        return None;
    }
    let mut suffix = String::new();
    if matches!(
        f.kind,
        EntityKind::Person | EntityKind::Organization | EntityKind::Location
    ) && let Some(last) = words.last().cloned()
        && let Some(stem) = genitive_stem(&last)
        && (known.contains(stem) || last.ends_with(['’', '\'']))
    {
        suffix = last[stem.len()..].to_string();
        *words.last_mut().unwrap() = stem.to_string();
    }
    let tok_range = token_range(tokens, span.clone());
    let role =
        tok_range.and_then(|r| roles::find(text, tokens, r, f.kind == EntityKind::Organization));
    Some(EntityMention {
        text: text[span.clone()].to_string(),
        span,
        kind: f.kind,
        confidence: f.confidence,
        words,
        suffix,
        group: 0,
        role,
        acronym: None,
    })
}

/// Token indices covering a byte span.
fn token_range(tokens: &Tokens, span: Range<usize>) -> Option<Range<usize>> {
    let toks = &tokens.tokens;
    let first = toks.partition_point(|t| (t.end as usize) <= span.start);
    let end = toks.partition_point(|t| (t.start as usize) < span.end);
    (first < end).then_some(first..end)
}

/// "Shanghaier Organisation für Zusammenarbeit (SCO)": records the acronym
/// on the long form.
fn link_acronyms(text: &str, mentions: &mut [EntityMention]) {
    for m in mentions
        .iter_mut()
        .filter(|m| m.kind == EntityKind::Organization)
    {
        let rest = &text[m.span.end..];
        // "Zentralbank (EZB)", also across a line break.
        let rest = rest.trim_start_matches([' ', '\u{a0}', '\n', '\r']);
        let Some(inner) = rest.strip_prefix('(') else {
            continue;
        };
        let Some(close) = inner.find(')') else {
            continue;
        };
        let acr = &inner[..close];
        let letters = acr.chars().filter(|c| c.is_alphabetic()).count();
        let all_caps = acr
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-');
        if !(2..=8).contains(&letters) || !all_caps || acr.len() > 12 {
            continue;
        }
        let words: Vec<&str> = m.words.iter().map(String::as_str).collect();
        if words.len() >= 2 || names::abbreviates(acr, &words) {
            m.acronym = Some(acr.to_string());
        }
    }
}

/// Union-find over mention indices.
struct Sets(Vec<usize>);

impl Sets {
    fn find(&mut self, i: usize) -> usize {
        let mut r = i;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut j = i;
        while self.0[j] != r {
            let n = self.0[j];
            self.0[j] = r;
            j = n;
        }
        r
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// Whether two person mentions with full names are the same person.
pub fn same_person(a: &EntityMention, b: &EntityMention) -> bool {
    if !same_word(a.family(), b.family()) {
        return false;
    }
    let (ga, gb) = (a.given(), b.given());
    given_compatible(&ga, &gb)
}

/// Given names agree when one list is empty, or their first names are the
/// same name, or one is the initial of the other ("W. Putin").
pub fn given_compatible(a: &[&str], b: &[&str]) -> bool {
    let (Some(x), Some(y)) = (a.first(), b.first()) else {
        return true;
    };
    let initial = |i: &str, full: &str| {
        let i = i.trim_end_matches('.');
        i.chars().count() == 1 && full.starts_with(i)
    };
    same_word(x, y) || initial(x, y) || initial(y, x)
}

fn group(mentions: &mut [EntityMention]) -> Vec<Group> {
    let n = mentions.len();
    let mut sets = Sets((0..n).collect());
    // Same kind and same key.
    let mut by_key: HashMap<(EntityKind, String), usize> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let key = match m.kind {
            EntityKind::Person => m
                .words
                .iter()
                .map(|w| translit_key(w))
                .collect::<Vec<_>>()
                .join(" "),
            _ => org_key(&m.words.iter().map(String::as_str).collect::<Vec<_>>()),
        };
        match by_key.get(&(m.kind, key.clone())) {
            Some(&j) => sets.union(i, j),
            None => {
                by_key.insert((m.kind, key), i);
            }
        }
    }
    // Full names, one representative per distinct spelling, bucketed by the
    // sound of the family name so comparisons stay within small buckets
    // (a long document has thousands of mentions but few distinct names).
    let mut reps: Vec<usize> = Vec::new();
    let mut members: HashMap<String, Vec<usize>> = HashMap::new();
    for i in (0..n).filter(|&i| mentions[i].is_full_name()) {
        let key = mentions[i]
            .words
            .iter()
            .map(|w| translit_key(w))
            .collect::<Vec<_>>()
            .join(" ");
        let list = members.entry(key).or_default();
        if list.is_empty() {
            reps.push(i);
        }
        list.push(i);
    }
    let rep_key = |i: usize| {
        mentions[i]
            .words
            .iter()
            .map(|w| translit_key(w))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut buckets: HashMap<String, Vec<usize>> = HashMap::new();
    for &r in &reps {
        buckets
            .entry(cologne(mentions[r].family()))
            .or_default()
            .push(r);
    }
    // Full names in other transliterations: "Andrei Belousov" / "Andrej
    // Beloussow".
    for list in buckets.values() {
        for (k, &i) in list.iter().enumerate() {
            for &j in &list[k + 1..] {
                if same_person(&mentions[i], &mentions[j]) {
                    sets.union(i, j);
                }
            }
        }
    }
    // Short forms: "Putin" joins "Wladimir Putin", "Xi" joins "Xi Jinping".
    // With two candidates ("Helmut Schmidt", "Renate Schmidt") the nearest
    // full name before the short form wins.
    for i in 0..n {
        let m = &mentions[i];
        if m.kind != EntityKind::Person || m.words.len() != 1 {
            continue;
        }
        let word = &m.words[0];
        let candidates: Vec<usize> = buckets
            .get(&cologne(word))
            .map(|l| {
                l.iter()
                    .copied()
                    .filter(|&r| same_word(mentions[r].family(), word))
                    .collect()
            })
            .unwrap_or_default();
        let mut roots: Vec<usize> = candidates.iter().map(|&j| sets.find(j)).collect();
        roots.sort();
        roots.dedup();
        let target = match roots.len() {
            0 => None,
            1 => candidates.first().copied(),
            // The nearest mention of any candidate before this one.
            _ => candidates
                .iter()
                .filter_map(|&r| {
                    let list = &members[&rep_key(r)];
                    let k = list.partition_point(|&x| x < i);
                    (k > 0).then(|| list[k - 1])
                })
                .max()
                .or_else(|| candidates.first().copied()),
        };
        if let Some(j) = target {
            sets.union(i, j);
        }
    }
    // Organisations and their acronyms: "SCO" joins "Shanghaier
    // Organisation für Zusammenarbeit (SCO)".
    let acronyms: Vec<(usize, String)> = mentions
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.acronym.clone().map(|a| (i, a)))
        .collect();
    for (i, acr) in acronyms {
        for (j, m) in mentions.iter().enumerate() {
            if j != i
                && matches!(m.kind, EntityKind::Organization | EntityKind::Other)
                && m.words.len() == 1
                && m.words[0] == acr
            {
                sets.union(i, j);
            }
        }
    }
    // Number the groups in order of first mention.
    let mut index: HashMap<usize, usize> = HashMap::new();
    let mut groups: Vec<Group> = Vec::new();
    for i in 0..n {
        let r = sets.find(i);
        let g = *index.entry(r).or_insert_with(|| {
            groups.push(Group {
                kind: mentions[r].kind,
                mentions: Vec::new(),
            });
            groups.len() - 1
        });
        groups[g].mentions.push(i);
        mentions[i].group = g;
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize_str;

    fn found(text: &str, names: &[(&str, EntityKind)]) -> Vec<Found> {
        let mut out = Vec::new();
        for (n, k) in names {
            let mut from = 0;
            while let Some(i) = text[from..].find(n) {
                let s = from + i;
                let e = s + n.len();
                // Whole words only.
                let ok_before = text[..s]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric());
                let ok_after = text[e..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
                if ok_before
                    && ok_after
                    && !out
                        .iter()
                        .any(|f: &Found| f.span.start <= s && s < f.span.end)
                {
                    out.push(Found {
                        span: s..e,
                        kind: *k,
                        confidence: 0.9,
                    });
                }
                from = e;
            }
        }
        out
    }

    fn groups_of(text: &str, names: &[(&str, EntityKind)]) -> Vec<Vec<String>> {
        let t = tokenize_str(text);
        let d = extract(text, &t, &found(text, names), &KnowledgeBase::default());
        d.groups
            .iter()
            .map(|g| {
                g.mentions
                    .iter()
                    .map(|&i| d.mentions[i].text.clone())
                    .collect()
            })
            .collect()
    }

    use EntityKind::{Organization as O, Person as P};

    #[test]
    fn short_forms_and_genitives_join_the_full_name() {
        let t = "Der Präsident Wladimir Putin sprach. Putin sagte, Putins Plan gelte. Xi Jinping nickte; Xi lächelte.";
        let g = groups_of(
            t,
            &[
                ("Wladimir Putin", P),
                ("Putins", P),
                ("Putin", P),
                ("Xi Jinping", P),
                ("Xi", P),
            ],
        );
        assert_eq!(
            g,
            vec![
                vec!["Wladimir Putin", "Putin", "Putins"],
                vec!["Xi Jinping", "Xi"]
            ]
        );
    }

    #[test]
    fn transliterations_join_and_different_given_names_do_not() {
        let t = "Andrei Belousov kam. Beloussov sprach mit Andrej Beloussow. Helmut Schmidt und Renate Schmidt stritten; Schmidt gewann.";
        let g = groups_of(
            t,
            &[
                ("Andrei Belousov", P),
                ("Beloussov", P),
                ("Andrej Beloussow", P),
                ("Helmut Schmidt", P),
                ("Renate Schmidt", P),
                ("Schmidt", P),
            ],
        );
        assert_eq!(
            g,
            vec![
                vec!["Andrei Belousov", "Beloussov", "Andrej Beloussow"],
                vec!["Helmut Schmidt"],
                vec!["Renate Schmidt", "Schmidt"],
            ]
        );
    }

    #[test]
    fn acronyms_join_their_long_form_and_xi_is_not_xinhua() {
        let t = "die Shanghaier Organisation für Zusammenarbeit (SCO) tagte. Die SCO wächst. Xi sprach, Xinhua berichtete.";
        let g = groups_of(
            t,
            &[
                ("Shanghaier Organisation für Zusammenarbeit", O),
                ("SCO", O),
                ("Xinhua", O),
                ("Xi", P),
            ],
        );
        assert_eq!(
            g,
            vec![
                vec!["Shanghaier Organisation für Zusammenarbeit", "SCO", "SCO"],
                vec!["Xi"],
                vec!["Xinhua"]
            ]
        );
    }

    #[test]
    fn honorifics_are_not_part_of_the_name_and_roles_are_kept() {
        let t = "Verteidigungsminister Andrej Beloussow reiste an. Herr Beloussow sprach.";
        let tk = tokenize_str(t);
        let d = extract(
            t,
            &tk,
            &found(t, &[("Andrej Beloussow", P), ("Herr Beloussow", P)]),
            &KnowledgeBase::default(),
        );
        assert_eq!(d.mentions[1].text, "Beloussow");
        assert_eq!(d.groups.len(), 1);
        assert_eq!(
            d.mentions[0].role.as_ref().map(|r| r.text.as_str()),
            Some("Verteidigungsminister")
        );
    }
}
