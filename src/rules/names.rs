//! `names/inconsistent-spelling`: one entity written several ways.
//!
//! This rule needs the whole workspace (which spelling is the preferred one,
//! how other articles write the name), so it runs after clustering, not in
//! the per-document pass.

use std::collections::BTreeMap;

use super::{Fix, Fixable, Rule, Severity, Sink};
use crate::entities::names::fold;
use crate::entities::{
    DocEntities, Entity, EntityKind, EntityMention, KnowledgeBase, WorkspaceEntities,
};

pub static INCONSISTENT_SPELLING: Rule = Rule {
    code: "names/inconsistent-spelling",
    default_severity: Severity::Warning,
    summary: "One person or organisation written several ways, in one article (warning) or across the workspace (information).",
    what: "Groups the names of an article into entities (inflection, short forms and transliterations folded: \"Andrei Belousov\", \"Beloussov\" and \"Andrej Beloussow\" are one person) and reports a name part spelled differently from the preferred spelling: the knowledge base's house spelling if the entity is recorded there, else the spelling used most often in the workspace. Within one article the finding is a warning; an article that is consistent in itself but differs from the rest of the workspace gets an information. The fixes replace the spelling in this place or in the whole file, keeping inflection (\"Beloussows\" stays genitive).",
    why: "Readers take two spellings for two people, search finds only half of the mentions, and a newsroom's archive drifts apart. Machine translation and agency copy mix transliteration systems within one text.",
    bad: "Andrej Beloussow traf Zhang Youxia. Danach sagte Belousov, die Gespräche seien gut gewesen.",
    good: "Andrei Beloussow traf Zhang Youxia. Danach sagte Beloussow, die Gespräche seien gut gewesen.",
    fixable: Fixable::Always,
};

pub static RULES: &[&Rule] = &[&INCONSISTENT_SPELLING];

/// The preferred spelling of each name part of an entity.
struct Preferred {
    family: Option<String>,
    given: Option<String>,
    /// Where the preference comes from, for the message.
    source: &'static str,
}

fn preferred(e: &Entity, kb: &KnowledgeBase) -> Preferred {
    if let Some(entry) = e.kb.and_then(|i| kb.entries.get(i)) {
        let words: Vec<&str> = entry.name.split_whitespace().collect();
        let m = pseudo(&words, e.kind);
        return Preferred {
            family: Some(m.family().to_string()),
            given: m.given().first().map(|s| s.to_string()),
            source: "the knowledge base",
        };
    }
    // Counted over the entity's distinct spellings (with their counts), not
    // over every mention: a name may have thousands of mentions.
    let mut fam: BTreeMap<String, usize> = BTreeMap::new();
    let mut giv: BTreeMap<String, usize> = BTreeMap::new();
    for (spelling, count) in &e.spellings {
        let words: Vec<&str> = spelling.split_whitespace().collect();
        let m = pseudo(&words, e.kind);
        *fam.entry(m.family().to_string()).or_default() += count;
        if let Some(g) = m.given().first() {
            *giv.entry(g.to_string()).or_default() += count;
        }
    }
    let top = |m: BTreeMap<String, usize>| {
        m.into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|x| x.0)
    };
    Preferred {
        family: top(fam),
        given: top(giv),
        source: "the workspace",
    }
}

fn pseudo(words: &[&str], kind: EntityKind) -> EntityMention {
    EntityMention {
        span: 0..0,
        text: String::new(),
        kind,
        confidence: 1.0,
        words: words.iter().map(|w| w.to_string()).collect(),
        suffix: String::new(),
        group: 0,
        role: None,
        acronym: None,
    }
}

/// Byte span of word `i` of a mention in the document.
fn word_span(m: &EntityMention, i: usize) -> Option<std::ops::Range<usize>> {
    let mut pos = 0;
    for (k, w) in m.text.split_whitespace().enumerate() {
        let at = m.text[pos..].find(w)? + pos;
        if k == i {
            // The folded word without its inflection ending.
            let len = m
                .words
                .get(i)
                .map(|x| x.len())
                .unwrap_or(w.len())
                .min(w.len());
            return Some(m.span.start + at..m.span.start + at + len);
        }
        pos = at + w.len();
    }
    None
}

/// Only variants of one name count as spellings: "Beloussov"/"Belousov",
/// "Nato"/"NATO" — not "Xi" and "Jinping".
fn variant(a: &str, b: &str) -> bool {
    a != b && (fold(a) == fold(b) || crate::entities::names::same_word(a, b))
}

/// Findings of this rule for document `doc`.
pub fn check(
    doc: usize,
    docs: &[&DocEntities],
    ws: &WorkspaceEntities,
    kb: &KnowledgeBase,
    sink: &mut Sink,
) {
    if !sink.enabled(&INCONSISTENT_SPELLING) {
        return;
    }
    let d = docs[doc];
    let mut seen = std::collections::HashSet::new();
    for (mi, _) in d.mentions.iter().enumerate() {
        let Some(&ei) = ws.of_mention.get(doc).and_then(|v| v.get(mi)) else {
            continue;
        };
        if !seen.insert(ei) {
            continue;
        }
        let e = &ws.entities[ei as usize];
        if !matches!(e.kind, EntityKind::Person | EntityKind::Organization) {
            continue;
        }
        // An entity's mentions are sorted by document.
        let from = e.mentions.partition_point(|r| (r.doc as usize) < doc);
        let to = e.mentions.partition_point(|r| (r.doc as usize) <= doc);
        let here: Vec<&EntityMention> = e.mentions[from..to]
            .iter()
            .map(|r| &d.mentions[r.mention as usize])
            .collect();
        let pref = preferred(e, kb);
        // Family names (for organisations: the last word).
        part(
            sink,
            &here,
            &pref.family,
            pref.source,
            |m| Some(m.family_index()),
            e,
        );
        // First given names of persons.
        if e.kind == EntityKind::Person {
            part(
                sink,
                &here,
                &pref.given,
                pref.source,
                |m| (m.words.len() >= 2).then(|| if m.family_index() == 0 { 1 } else { 0 }),
                e,
            );
        }
    }
}

fn part(
    sink: &mut Sink,
    here: &[&EntityMention],
    preferred: &Option<String>,
    source: &str,
    index: impl Fn(&EntityMention) -> Option<usize>,
    e: &Entity,
) {
    let Some(pref) = preferred else { return };
    let spelled: Vec<(&EntityMention, usize, &str)> = here
        .iter()
        .filter_map(|m| index(m).and_then(|i| m.words.get(i).map(|w| (*m, i, w.as_str()))))
        .filter(|(_, _, w)| *w == pref.as_str() || variant(w, pref))
        .collect();
    let mut distinct: Vec<&str> = spelled.iter().map(|s| s.2).collect();
    distinct.sort();
    distinct.dedup();
    let in_article = distinct.len() >= 2;
    let off: Vec<&(&EntityMention, usize, &str)> =
        spelled.iter().filter(|s| s.2 != pref.as_str()).collect();
    if off.is_empty() {
        return;
    }
    // One edit per differing mention, for "in the whole file".
    let all_edits: Vec<crate::rules::Edit> = off
        .iter()
        .filter_map(|(m, i, _)| {
            word_span(m, *i).map(|span| crate::rules::Edit {
                span,
                new_text: pref.clone(),
            })
        })
        .collect();
    for (m, i, w) in &off {
        let Some(span) = word_span(m, *i) else {
            continue;
        };
        let others: Vec<&str> = distinct.iter().copied().filter(|x| x != w).collect();
        let (message, severity) = if in_article {
            (
                format!(
                    "'{w}' is also written {} in this article; preferred spelling ({source}): '{pref}'",
                    quoted(&others)
                ),
                None,
            )
        } else {
            (
                format!(
                    "'{w}' is written '{pref}' in {source} ({}: {})",
                    e.name,
                    e.kind.label_de()
                ),
                Some(Severity::Info),
            )
        };
        let mut fixes = vec![Fix::replace(
            format!("Use '{pref}' here"),
            span.clone(),
            pref.clone(),
        )];
        if all_edits.len() > 1 {
            fixes.push(Fix {
                title: format!("Use '{pref}' in the whole file"),
                edits: all_edits.clone(),
            });
        }
        sink.emit_graded(
            &INCONSISTENT_SPELLING,
            severity,
            span,
            message,
            fixes,
            Some(e.id.clone()),
        );
    }
}

fn quoted(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| format!("'{w}'"))
        .collect::<Vec<_>>()
        .join(", ")
}
