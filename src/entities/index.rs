//! Entities across the workspace: the per-article groups of all documents
//! and the knowledge base, clustered into one list of entities.
//!
//! Rules, in order of evidence: the knowledge base's names and aliases; full
//! names that are the same name in another transliteration with compatible
//! given names; short forms that match exactly one full name in the whole
//! workspace (very common East Asian family names never match across
//! articles: "Wang" alone says little about "Wang Yi"); organisations by
//! name key and by the acronyms articles give in brackets.

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

use super::EntityKind;
use super::doc::{DocEntities, EntityMention, given_compatible};
use super::kb::KnowledgeBase;
use super::names::{genitive_stem, is_very_common_family, org_key, same_word, translit_key};
use super::phonetic::cologne;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct MentionRef {
    /// Position of the document in the slice given to [`cluster`].
    pub doc: u32,
    /// Index into that document's [`DocEntities::mentions`].
    pub mention: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoleRef {
    pub text: String,
    pub doc: u32,
    pub span: Range<usize>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entity {
    /// Stable: the knowledge-base id, else derived from the name.
    pub id: String,
    /// The preferred spelling: the knowledge base's, else the most frequent
    /// full form.
    pub name: String,
    pub kind: EntityKind,
    /// Index into the knowledge base's entries.
    pub kb: Option<usize>,
    /// In document order.
    pub mentions: Vec<MentionRef>,
    /// Folded spellings with their counts, most frequent first.
    pub spellings: Vec<(String, usize)>,
    pub roles: Vec<RoleRef>,
    pub documents: usize,
}

#[derive(Clone, Debug, Default)]
pub struct WorkspaceEntities {
    pub entities: Vec<Entity>,
    /// Per document, per mention: the entity index.
    pub of_mention: Vec<Vec<u32>>,
}

impl WorkspaceEntities {
    pub fn entity_of(&self, doc: usize, mention: usize) -> Option<&Entity> {
        let e = *self.of_mention.get(doc)?.get(mention)?;
        self.entities.get(e as usize)
    }
}

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

/// What a node (a knowledge-base entry or one article's group) is called.
#[derive(Default)]
struct Names {
    kind: Option<EntityKind>,
    /// Persons: (given names, family name).
    full: Vec<(Vec<String>, String)>,
    /// Persons known only by one word in this node.
    singles: Vec<String>,
    /// Organisations and others: name keys.
    keys: Vec<String>,
    acronyms: Vec<String>,
}

fn person_parts(name: &str) -> (Vec<String>, String) {
    let words: Vec<&str> = name.split_whitespace().collect();
    let fake = EntityMention {
        span: 0..0,
        text: String::new(),
        kind: EntityKind::Person,
        confidence: 1.0,
        words: words.iter().map(|w| w.to_string()).collect(),
        suffix: String::new(),
        group: 0,
        role: None,
        acronym: None,
    };
    (
        fake.given().iter().map(|s| s.to_string()).collect(),
        fake.family().to_string(),
    )
}

/// Clusters the documents' groups and the knowledge base into entities.
pub fn cluster(docs: &[&DocEntities], kb: &KnowledgeBase) -> WorkspaceEntities {
    let k = kb.entries.len();
    let mut offsets = Vec::with_capacity(docs.len());
    let mut n = k;
    for d in docs {
        offsets.push(n);
        n += d.groups.len();
    }
    let mut names: Vec<Names> = (0..n).map(|_| Names::default()).collect();
    for (i, e) in kb.entries.iter().enumerate() {
        let nm = &mut names[i];
        nm.kind = Some(e.kind);
        for alias in std::iter::once(&e.name).chain(&e.aliases) {
            let words: Vec<&str> = alias.split_whitespace().collect();
            if e.kind == EntityKind::Person && words.len() >= 2 {
                nm.full.push(person_parts(alias));
            } else if e.kind == EntityKind::Person {
                nm.singles.push(alias.clone());
            } else {
                nm.keys.push(org_key(&words));
            }
        }
    }
    for (di, d) in docs.iter().enumerate() {
        for (gi, g) in d.groups.iter().enumerate() {
            let nm = &mut names[offsets[di] + gi];
            nm.kind = Some(g.kind);
            for &mi in &g.mentions {
                let m = &d.mentions[mi];
                if m.kind == EntityKind::Person {
                    if m.words.len() >= 2 {
                        let parts = (
                            m.given().iter().map(|s| s.to_string()).collect(),
                            m.family().to_string(),
                        );
                        if !nm.full.contains(&parts) {
                            nm.full.push(parts);
                        }
                    } else if !nm.singles.contains(&m.words[0]) {
                        nm.singles.push(m.words[0].clone());
                    }
                } else {
                    let key = org_key(&m.words.iter().map(String::as_str).collect::<Vec<_>>());
                    if !nm.keys.contains(&key) {
                        nm.keys.push(key);
                    }
                    if let Some(a) = &m.acronym {
                        nm.acronyms.push(a.clone());
                    }
                }
            }
        }
    }
    let mut sets = Sets((0..n).collect());

    // Persons with full names: exact names first, then transliterations
    // within a phonetic bucket of the family name.
    let mut exact: HashMap<(EntityKind, String), usize> = HashMap::new();
    let mut buckets: HashMap<String, Vec<(usize, usize)>> = HashMap::new(); // code → (node, index into full)
    for (i, nm) in names.iter().enumerate() {
        for (fi, (given, family)) in nm.full.iter().enumerate() {
            let key = format!(
                "{}|{}",
                given
                    .iter()
                    .map(|g| translit_key(g))
                    .collect::<Vec<_>>()
                    .join(" "),
                translit_key(family)
            );
            match exact.get(&(EntityKind::Person, key.clone())) {
                Some(&j) => sets.union(i, j),
                None => {
                    exact.insert((EntityKind::Person, key), i);
                    buckets.entry(cologne(family)).or_default().push((i, fi));
                }
            }
        }
    }
    for list in buckets.values() {
        for (a, &(i, fi)) in list.iter().enumerate() {
            for &(j, fj) in &list[a + 1..] {
                let (gi, ff) = &names[i].full[fi];
                let (gj, fg) = &names[j].full[fj];
                let gi: Vec<&str> = gi.iter().map(String::as_str).collect();
                let gj: Vec<&str> = gj.iter().map(String::as_str).collect();
                if same_word(ff, fg) && given_compatible(&gi, &gj) {
                    sets.union(i, j);
                }
            }
        }
    }

    // Persons known by one word: first together by key, then onto the one
    // full-name entity with that family name, if there is exactly one.
    let mut single_key: HashMap<String, usize> = HashMap::new();
    for (i, nm) in names.iter().enumerate() {
        if nm.kind != Some(EntityKind::Person) || !nm.full.is_empty() {
            continue;
        }
        for w in &nm.singles {
            match single_key.get(&translit_key(w)) {
                Some(&j) => sets.union(i, j),
                None => {
                    single_key.insert(translit_key(w), i);
                }
            }
        }
    }
    let mut single_nodes: Vec<(usize, String)> = single_key
        .iter()
        .map(|(_, &i)| (i, names[i].singles[0].clone()))
        .collect();
    single_nodes.sort();
    for (i, w) in single_nodes {
        let mut target = full_name_root(&names, &buckets, &mut sets, &w);
        if target.is_none()
            && let Some(stem) = genitive_stem(&w)
        {
            target = full_name_root(&names, &buckets, &mut sets, stem);
        }
        let from_kb_only = i < k;
        if let Some(t) = target
            && (!is_very_common_family(&w) || from_kb_only)
        {
            sets.union(i, t);
        }
    }

    // Organisations, locations, others: by key and acronym, same kind.
    // Taggers waver between "organisation" and "other" for the same name,
    // so the two share keys; locations keep their own.
    let mut org: HashMap<(bool, String), usize> = HashMap::new();
    for (i, nm) in names.iter().enumerate() {
        let Some(kind) = nm.kind.filter(|k| *k != EntityKind::Person) else {
            continue;
        };
        let is_loc = kind == EntityKind::Location;
        let keys = nm
            .keys
            .iter()
            .cloned()
            .chain(nm.acronyms.iter().map(|a| org_key(&[a.as_str()])));
        for key in keys {
            match org.get(&(is_loc, key.clone())) {
                Some(&j) => sets.union(i, j),
                None => {
                    org.insert((is_loc, key), i);
                }
            }
        }
    }
    // A genitive seen only in articles without the plain form ("Chinas",
    // "des Kremls") joins the plain form seen elsewhere.
    let genitives: Vec<((bool, String), usize)> = org
        .iter()
        .filter_map(|((loc, key), &i)| {
            let (head, last) = key
                .rsplit_once(' ')
                .map(|(h, l)| (format!("{h} "), l))
                .unwrap_or((String::new(), key.as_str()));
            let stem = genitive_stem(last)?;
            Some(((*loc, format!("{head}{stem}")), i))
        })
        .collect();
    for (stem_key, i) in genitives {
        if let Some(&j) = org.get(&stem_key) {
            sets.union(i, j);
        }
    }

    // Components → entities, numbered by first appearance in the documents
    // (knowledge-base entries nobody mentions are left out).
    let mut comp: HashMap<usize, usize> = HashMap::new();
    let mut entities: Vec<Entity> = Vec::new();
    let mut of_mention: Vec<Vec<u32>> = docs
        .iter()
        .map(|d| vec![u32::MAX; d.mentions.len()])
        .collect();
    for (di, d) in docs.iter().enumerate() {
        for (mi, m) in d.mentions.iter().enumerate() {
            let node = offsets[di] + m.group;
            let root = sets.find(node);
            let e = *comp.entry(root).or_insert_with(|| {
                entities.push(Entity {
                    id: String::new(),
                    name: String::new(),
                    kind: m.kind,
                    kb: None,
                    mentions: Vec::new(),
                    spellings: Vec::new(),
                    roles: Vec::new(),
                    documents: 0,
                });
                entities.len() - 1
            });
            of_mention[di][mi] = e as u32;
            entities[e].mentions.push(MentionRef {
                doc: di as u32,
                mention: mi as u32,
            });
            if let Some(r) = &m.role {
                entities[e].roles.push(RoleRef {
                    text: r.text.clone(),
                    doc: di as u32,
                    span: r.span.clone(),
                });
            }
        }
    }
    for (i, _) in kb.entries.iter().enumerate() {
        if let Some(&e) = comp.get(&sets.find(i)) {
            // Two entries in one component: keep the first (workspace file
            // entries come before built-in ones).
            entities[e].kb.get_or_insert(i);
        }
    }
    for e in &mut entities {
        finish(e, docs, kb);
    }
    WorkspaceEntities {
        entities,
        of_mention,
    }
}

/// The root of the single full-name person entity whose family name is
/// `word`, if exactly one exists.
fn full_name_root(
    names: &[Names],
    buckets: &HashMap<String, Vec<(usize, usize)>>,
    sets: &mut Sets,
    word: &str,
) -> Option<usize> {
    let list = buckets.get(&cologne(word))?;
    let mut roots: Vec<usize> = list
        .iter()
        .filter(|&&(i, fi)| same_word(&names[i].full[fi].1, word))
        .map(|&(i, _)| sets.find(i))
        .collect();
    roots.sort();
    roots.dedup();
    (roots.len() == 1).then(|| roots[0])
}

fn finish(e: &mut Entity, docs: &[&DocEntities], kb: &KnowledgeBase) {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut full_counts: HashMap<String, usize> = HashMap::new();
    let mut doc_set: Vec<u32> = Vec::new();
    for r in &e.mentions {
        let m = &docs[r.doc as usize].mentions[r.mention as usize];
        *counts.entry(m.name()).or_default() += 1;
        if m.words.len() >= 2 {
            *full_counts.entry(m.name()).or_default() += 1;
        }
        if doc_set.last() != Some(&r.doc) {
            doc_set.push(r.doc);
        }
    }
    doc_set.dedup();
    e.documents = doc_set.len();
    let mut spellings: Vec<(String, usize)> = counts.into_iter().collect();
    spellings.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let best_full = {
        let mut f: Vec<(String, usize)> = full_counts.into_iter().collect();
        f.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        f.into_iter().next().map(|x| x.0)
    };
    e.name = match e.kb.and_then(|i| kb.entries.get(i)) {
        Some(entry) => entry.name.clone(),
        None => {
            best_full.unwrap_or_else(|| spellings.first().map(|s| s.0.clone()).unwrap_or_default())
        }
    };
    e.id = match e.kb.and_then(|i| kb.entries.get(i)) {
        Some(entry) => entry.id.clone(),
        None => {
            let kind = match e.kind {
                EntityKind::Person => "person",
                EntityKind::Organization => "organization",
                EntityKind::Location => "location",
                EntityKind::Other => "other",
            };
            format!(
                "{kind}:{}",
                e.name
                    .split_whitespace()
                    .map(translit_key)
                    .collect::<Vec<_>>()
                    .join("-")
            )
        }
    };
    e.spellings = spellings;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Found;
    use crate::entities::doc::extract;
    use crate::tokenize::tokenize_str;

    fn doc(text: &str, names: &[(&str, EntityKind)], kb: &KnowledgeBase) -> DocEntities {
        let mut found = Vec::new();
        for (n, k) in names {
            let mut from = 0;
            while let Some(i) = text[from..].find(n) {
                let s = from + i;
                let e = s + n.len();
                let after = text[e..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
                if after
                    && !found
                        .iter()
                        .any(|f: &Found| f.span.start <= s && s < f.span.end)
                {
                    found.push(Found {
                        span: s..e,
                        kind: *k,
                        confidence: 0.9,
                    });
                }
                from = e;
            }
        }
        extract(text, &tokenize_str(text), &found, kb)
    }

    fn names_of(ws: &WorkspaceEntities, docs: &[&DocEntities]) -> Vec<(String, Vec<String>)> {
        let mut v: Vec<(String, Vec<String>)> = ws
            .entities
            .iter()
            .map(|e| {
                let mut s: Vec<String> = e
                    .mentions
                    .iter()
                    .map(|r| {
                        docs[r.doc as usize].mentions[r.mention as usize]
                            .text
                            .clone()
                    })
                    .collect();
                s.sort();
                s.dedup();
                (e.name.clone(), s)
            })
            .collect();
        v.sort();
        v
    }

    use EntityKind::{Organization as O, Person as P};

    #[test]
    fn spellings_across_articles_form_one_person() {
        let kb = KnowledgeBase::default();
        let a = doc(
            "Verteidigungsminister Andrei Belousov sprach. Beloussov sagte dann",
            &[("Andrei Belousov", P), ("Beloussov", P)],
            &kb,
        );
        let b = doc(
            "Minister Andrej Beloussow kam. Beloussow ging.",
            &[("Andrej Beloussow", P), ("Beloussow", P)],
            &kb,
        );
        let c = doc(
            "Gestern sagte Beloussows Sprecher nichts.",
            &[("Beloussows", P)],
            &kb,
        );
        let docs = [&a, &b, &c];
        let ws = cluster(&docs, &kb);
        let n = names_of(&ws, &docs);
        assert_eq!(n.len(), 1, "{n:?}");
        assert_eq!(ws.entities[0].documents, 3);
        assert_eq!(ws.entities[0].roles[0].text, "Verteidigungsminister");
    }

    #[test]
    fn the_knowledge_base_names_the_entity_and_common_family_names_stay_apart() {
        let kb = KnowledgeBase::built_in();
        let a = doc(
            "Außenminister Wang Yi sagte. Xi Jinping nickte.",
            &[("Wang Yi", P), ("Xi Jinping", P)],
            &kb,
        );
        let b = doc(
            "Wang sagte nichts. Xi lachte. Xinhua meldete es.",
            &[("Wang", P), ("Xi", P), ("Xinhua", O)],
            &kb,
        );
        let docs = [&a, &b];
        let ws = cluster(&docs, &kb);
        let n = names_of(&ws, &docs);
        assert!(
            n.contains(&(
                "Xi Jinping".to_string(),
                vec!["Xi".to_string(), "Xi Jinping".to_string()]
            )),
            "{n:?}"
        );
        assert!(
            n.contains(&("Wang Yi".to_string(), vec!["Wang Yi".to_string()])),
            "{n:?}"
        );
        assert!(
            n.contains(&("Wang".to_string(), vec!["Wang".to_string()])),
            "{n:?}"
        );
        assert!(
            n.contains(&("Xinhua".to_string(), vec!["Xinhua".to_string()])),
            "{n:?}"
        );
        let xi = ws.entities.iter().find(|e| e.name == "Xi Jinping").unwrap();
        assert_eq!(xi.id, "xi-jinping");
    }

    #[test]
    fn acronyms_link_across_articles() {
        let kb = KnowledgeBase::default();
        let a = doc(
            "Die Shanghaier Organisation für Zusammenarbeit (SCO) tagt.",
            &[("Shanghaier Organisation für Zusammenarbeit", O)],
            &kb,
        );
        let b = doc("Die SCO wächst.", &[("SCO", O)], &kb);
        let docs = [&a, &b];
        let ws = cluster(&docs, &kb);
        assert_eq!(ws.entities.len(), 1, "{:?}", names_of(&ws, &docs));
        assert_eq!(
            ws.entities[0].name,
            "Shanghaier Organisation für Zusammenarbeit"
        );
    }

    #[test]
    fn ambiguous_short_forms_are_not_attached() {
        let kb = KnowledgeBase::default();
        let a = doc("Helmut Schmidt kam.", &[("Helmut Schmidt", P)], &kb);
        let b = doc("Renate Schmidt ging.", &[("Renate Schmidt", P)], &kb);
        let c = doc("Schmidt sagte nichts.", &[("Schmidt", P)], &kb);
        let docs = [&a, &b, &c];
        let ws = cluster(&docs, &kb);
        assert_eq!(ws.entities.len(), 3, "{:?}", names_of(&ws, &docs));
    }
}
