//! The tag set: BIOES over GermEval 2014's twelve outer types.
//!
//! GermEval distinguishes names ("Deutschland", LOC), derivations
//! ("deutschen", LOCderiv) and names inside words ("BRICS-Gipfel",
//! ORGpart). They behave differently, so the tagger learns them as twelve
//! types; the editor API and the main evaluation map them to the four
//! base types. BIOES (rather than BIO) gives the perceptron separate
//! weights for single-token names and for the edges of long ones.

use std::fmt;

/// The four coarse entity types (also the editor-facing kinds of
/// `crate::entities`).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Location,
    Other,
}

impl EntityKind {
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Location,
        EntityKind::Other,
    ];

    /// GermEval's abbreviation: PER, ORG, LOC, OTH.
    pub fn code(self) -> &'static str {
        match self {
            EntityKind::Person => "PER",
            EntityKind::Organization => "ORG",
            EntityKind::Location => "LOC",
            EntityKind::Other => "OTH",
        }
    }
}

/// Whether a mention is the name itself, a word derived from it
/// ("russische") or a word that contains it ("NATO-Gipfel").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum MentionForm {
    Name,
    Derived,
    Part,
}

/// One of the twelve fine types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityType {
    pub kind: EntityKind,
    pub form: MentionForm,
}

pub const N_TYPES: usize = 12;

impl EntityType {
    pub fn index(self) -> usize {
        let k = match self.kind {
            EntityKind::Person => 0,
            EntityKind::Organization => 1,
            EntityKind::Location => 2,
            EntityKind::Other => 3,
        };
        let f = match self.form {
            MentionForm::Name => 0,
            MentionForm::Derived => 1,
            MentionForm::Part => 2,
        };
        k * 3 + f
    }

    pub fn from_index(i: usize) -> EntityType {
        let kind = EntityKind::ALL[(i / 3) % 4];
        let form = [MentionForm::Name, MentionForm::Derived, MentionForm::Part][i % 3];
        EntityType { kind, form }
    }

    /// Parses "PER", "LOCderiv", "ORGPART" (any case).
    pub fn parse(s: &str) -> Option<EntityType> {
        if s.len() < 3 || !s.is_char_boundary(3) {
            return None;
        }
        let (base, rest) = s.split_at(3);
        let kind = match base.to_ascii_uppercase().as_str() {
            "PER" => EntityKind::Person,
            "ORG" => EntityKind::Organization,
            "LOC" => EntityKind::Location,
            "OTH" => EntityKind::Other,
            _ => return None,
        };
        let form = match rest.to_ascii_lowercase().as_str() {
            "" => MentionForm::Name,
            "deriv" => MentionForm::Derived,
            "part" => MentionForm::Part,
            _ => return None,
        };
        Some(EntityType { kind, form })
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let suffix = match self.form {
            MentionForm::Name => "",
            MentionForm::Derived => "deriv",
            MentionForm::Part => "part",
        };
        write!(f, "{}{}", self.kind.code(), suffix)
    }
}

/// Position of a token in its chunk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pos {
    B,
    I,
    E,
    S,
}

/// A tag as written in data files: `O` (None) or a position and a type.
pub type Tag = Option<(Pos, EntityType)>;

/// Parses `O`, `B-PER`, `S-LOCDERIV`, `I-ORGpart` (BIO or BIOES; `L`/`U`
/// are read as `E`/`S`). `None` for anything else.
pub fn parse_tag(s: &str) -> Option<Tag> {
    let s = s.trim();
    if s == "O" || s == "_" || s.is_empty() {
        return Some(None);
    }
    let (p, t) = s.split_once('-')?;
    let pos = match p {
        "B" => Pos::B,
        "I" => Pos::I,
        "E" | "L" => Pos::E,
        "S" | "U" => Pos::S,
        _ => return None,
    };
    Some(Some((pos, EntityType::parse(t)?)))
}

/// A label of the tagger: `O`, BIOES over the four name types, and a
/// single-token label for each of the eight derived/part types (they
/// are single words in all but a handful of cases, and 25 labels decode
/// twice as fast as 49). Encoded as a small integer, 0 being `O`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label(pub u8);

pub const N_LABELS: usize = 1 + 4 * 4 + 8;
pub const OUTSIDE: Label = Label(0);

fn kind_index(k: EntityKind) -> usize {
    match k {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Location => 2,
        EntityKind::Other => 3,
    }
}

impl Label {
    /// The label for a position and type. A derived/part type inside a
    /// multi-token chunk falls back to its name type.
    pub fn new(pos: Pos, ty: EntityType) -> Label {
        let k = kind_index(ty.kind);
        match (ty.form, pos) {
            (MentionForm::Name, _) | (_, Pos::B | Pos::I | Pos::E) => {
                let p = match pos {
                    Pos::B => 0,
                    Pos::I => 1,
                    Pos::E => 2,
                    Pos::S => 3,
                };
                Label((1 + k * 4 + p) as u8)
            }
            (MentionForm::Derived, Pos::S) => Label((17 + k * 2) as u8),
            (MentionForm::Part, Pos::S) => Label((18 + k * 2) as u8),
        }
    }

    pub fn index(self) -> usize {
        self.0 as usize
    }

    pub fn is_outside(self) -> bool {
        self.0 == 0
    }

    pub fn tag(self) -> Tag {
        let i = self.0 as usize;
        match i {
            1..=16 => {
                let kind = EntityKind::ALL[(i - 1) / 4];
                let pos = [Pos::B, Pos::I, Pos::E, Pos::S][(i - 1) % 4];
                Some((
                    pos,
                    EntityType {
                        kind,
                        form: MentionForm::Name,
                    },
                ))
            }
            17..=24 => {
                let kind = EntityKind::ALL[(i - 17) / 2];
                let form = if (i - 17) % 2 == 0 {
                    MentionForm::Derived
                } else {
                    MentionForm::Part
                };
                Some((Pos::S, EntityType { kind, form }))
            }
            _ => None,
        }
    }

    pub fn pos(self) -> Option<Pos> {
        self.tag().map(|t| t.0)
    }

    pub fn ty(self) -> Option<EntityType> {
        self.tag().map(|t| t.1)
    }

    /// Whether a chunk may end after this label (it is `O`, `E` or `S`).
    pub fn closes(self) -> bool {
        matches!(self.pos(), None | Some(Pos::E) | Some(Pos::S))
    }

    /// Whether this label may start a token after a closed chunk.
    pub fn opens(self) -> bool {
        matches!(self.pos(), None | Some(Pos::B) | Some(Pos::S))
    }

    /// The BIOES constraint: may `next` follow `self`?
    pub fn allows(self, next: Label) -> bool {
        if self.closes() {
            next.opens()
        } else {
            matches!(next.pos(), Some(Pos::I) | Some(Pos::E)) && next.ty() == self.ty()
        }
    }

    /// Parses a single tag into a label (see [`parse_tag`]).
    pub fn parse(s: &str) -> Option<Label> {
        Some(match parse_tag(s)? {
            None => OUTSIDE,
            Some((p, t)) => Label::new(p, t),
        })
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.tag() {
            Some((p, t)) => write!(f, "{:?}-{}", p, t),
            None => f.write_str("O"),
        }
    }
}

/// A chunk: token range and type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    pub ty: EntityType,
}

/// Chunks of a tag sequence, read leniently in the CoNLL way: a chunk
/// starts at B or S, or at I/E whose type differs from the open chunk, and
/// ends before O, B, S or a type change, or after E/S. This reads both
/// BIO and BIOES sequences (and repairs ill-formed ones the same way
/// `conlleval` does).
pub fn chunks_of_tags(tags: impl IntoIterator<Item = Tag>) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityType)> = None;
    let mut n = 0;
    for (i, tag) in tags.into_iter().enumerate() {
        n = i + 1;
        let Some((pos, ty)) = tag else {
            if let Some((s, t)) = open.take() {
                out.push(Chunk {
                    start: s,
                    end: i,
                    ty: t,
                });
            }
            continue;
        };
        let continues = matches!(pos, Pos::I | Pos::E) && open.is_some_and(|(_, t)| t == ty);
        if !continues {
            if let Some((s, t)) = open.take() {
                out.push(Chunk {
                    start: s,
                    end: i,
                    ty: t,
                });
            }
            open = Some((i, ty));
        }
        if matches!(pos, Pos::E | Pos::S) {
            if let Some((s, t)) = open.take() {
                out.push(Chunk {
                    start: s,
                    end: i + 1,
                    ty: t,
                });
            }
        }
    }
    if let Some((s, t)) = open {
        out.push(Chunk {
            start: s,
            end: n,
            ty: t,
        });
    }
    out
}

/// Chunks of a label sequence.
pub fn chunks(labels: &[Label]) -> Vec<Chunk> {
    chunks_of_tags(labels.iter().map(|l| l.tag()))
}

/// The tagger's labels for `n` tokens holding `chunks`.
pub fn encode(chunks: &[Chunk], n: usize) -> Vec<Label> {
    let mut out = vec![OUTSIDE; n];
    for c in chunks.iter().filter(|c| c.end <= n && c.start < c.end) {
        if c.end - c.start == 1 {
            out[c.start] = Label::new(Pos::S, c.ty);
        } else {
            out[c.start] = Label::new(Pos::B, c.ty);
            for l in &mut out[c.start + 1..c.end - 1] {
                *l = Label::new(Pos::I, c.ty);
            }
            out[c.end - 1] = Label::new(Pos::E, c.ty);
        }
    }
    out
}

/// Re-encodes any (BIO or BIOES) label sequence as well-formed BIOES.
pub fn bio_to_bioes(labels: &[Label]) -> Vec<Label> {
    encode(&chunks(labels), labels.len())
}

/// GermEval's BIO rendering of `chunks` over `n` tokens.
pub fn to_bio_strings(chunks: &[Chunk], n: usize) -> Vec<String> {
    let mut out = vec!["O".to_string(); n];
    for c in chunks.iter().filter(|c| c.end <= n) {
        for (k, o) in out[c.start..c.end].iter_mut().enumerate() {
            *o = format!("{}-{}", if k == 0 { "B" } else { "I" }, c.ty);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seq(s: &str) -> Vec<Label> {
        s.split_whitespace()
            .map(|t| Label::parse(t).unwrap())
            .collect()
    }

    #[test]
    fn labels_round_trip_through_their_index() {
        for i in 0..N_LABELS {
            let l = Label(i as u8);
            assert_eq!(Label::parse(&l.to_string()), Some(l), "{l}");
        }
        assert_eq!(Label::parse("S-LOCDERIV"), Label::parse("S-LOCderiv"));
        assert_eq!(Label::parse("B-XYZ"), None);
    }

    #[test]
    fn multi_token_derived_chunks_train_as_names_but_keep_their_gold_type() {
        let tags: Vec<Tag> = ["B-LOCderiv", "I-LOCderiv", "O"]
            .iter()
            .map(|t| parse_tag(t).unwrap())
            .collect();
        let gold = chunks_of_tags(tags);
        assert_eq!(gold[0].ty.to_string(), "LOCderiv");
        let enc = encode(&gold, 3);
        assert_eq!(chunks(&enc)[0].ty.to_string(), "LOC");
        assert_eq!(to_bio_strings(&gold, 3), ["B-LOCderiv", "I-LOCderiv", "O"]);
    }

    #[test]
    fn bio_and_bioes_give_the_same_chunks() {
        let tags = |s: &str| -> Vec<Tag> {
            s.split_whitespace()
                .map(|t| parse_tag(t).unwrap())
                .collect()
        };
        let bio = chunks_of_tags(tags("B-PER I-PER O B-LOC B-LOC I-ORG O B-ORGpart"));
        let bioes = chunks_of_tags(tags("B-PER E-PER O S-LOC S-LOC S-ORG O S-ORGpart"));
        assert_eq!(bio, bioes);
        assert_eq!(bio.len(), 5);
        assert_eq!(
            encode(&bio, 8),
            seq("B-PER E-PER O S-LOC S-LOC S-ORG O S-ORGpart")
        );
        assert_eq!(bio_to_bioes(&seq("B-PER I-PER O")), seq("B-PER E-PER O"));
    }

    #[test]
    fn transitions_follow_bioes() {
        let b = Label::parse("B-PER").unwrap();
        assert!(b.allows(Label::parse("E-PER").unwrap()));
        assert!(!b.allows(Label::parse("E-ORG").unwrap()));
        assert!(!b.allows(OUTSIDE));
        assert!(OUTSIDE.allows(Label::parse("S-ORG").unwrap()));
        assert!(!OUTSIDE.allows(Label::parse("I-ORG").unwrap()));
    }
}
