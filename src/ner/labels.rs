//! The tag set: BIOES over GermEval 2014's twelve outer types.
//!
//! GermEval distinguishes names ("Deutschland", LOC), derivations
//! ("deutschen", LOCderiv) and names inside words ("BRICS-Gipfel",
//! ORGpart). They behave differently, so the tagger learns them as twelve
//! types; the editor API and the main evaluation map them to the four
//! base types. BIOES (rather than BIO) gives the perceptron separate
//! weights for single-token names and for the edges of long ones.

use std::fmt;

/// The four coarse entity types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum EntityKind {
    Person,
    Organization,
    Location,
    Other,
}

impl EntityKind {
    pub const ALL: [EntityKind; 4] = [EntityKind::Person, EntityKind::Organization, EntityKind::Location, EntityKind::Other];

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

/// A tag: `O` or a position and a type. Encoded as a small integer:
/// 0 is `O`, then four tags per type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label(pub u8);

pub const N_LABELS: usize = 1 + 4 * N_TYPES;
pub const OUTSIDE: Label = Label(0);

impl Label {
    pub fn new(pos: Pos, ty: EntityType) -> Label {
        let p = match pos {
            Pos::B => 0,
            Pos::I => 1,
            Pos::E => 2,
            Pos::S => 3,
        };
        Label((1 + ty.index() * 4 + p) as u8)
    }

    pub fn index(self) -> usize {
        self.0 as usize
    }

    pub fn is_outside(self) -> bool {
        self.0 == 0
    }

    pub fn pos(self) -> Option<Pos> {
        if self.0 == 0 {
            return None;
        }
        Some([Pos::B, Pos::I, Pos::E, Pos::S][(self.0 as usize - 1) % 4])
    }

    pub fn ty(self) -> Option<EntityType> {
        if self.0 == 0 {
            return None;
        }
        Some(EntityType::from_index((self.0 as usize - 1) / 4))
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

    /// Parses `O`, `B-PER`, `S-LOCDERIV`, `I-ORGpart`. BIO tags parse as
    /// B or I; [`bio_to_bioes`] turns a BIO sequence into BIOES.
    pub fn parse(s: &str) -> Option<Label> {
        let s = s.trim();
        if s == "O" || s == "_" || s.is_empty() {
            return Some(OUTSIDE);
        }
        let (p, t) = s.split_once('-')?;
        let pos = match p {
            "B" => Pos::B,
            "I" => Pos::I,
            "E" | "L" => Pos::E,
            "S" | "U" => Pos::S,
            _ => return None,
        };
        Some(Label::new(pos, EntityType::parse(t)?))
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.pos(), self.ty()) {
            (Some(p), Some(t)) => write!(f, "{:?}-{}", p, t),
            _ => f.write_str("O"),
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
pub fn chunks(labels: &[Label]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityType)> = None;
    for (i, l) in labels.iter().enumerate() {
        let (pos, ty) = match (l.pos(), l.ty()) {
            (Some(p), Some(t)) => (p, t),
            _ => {
                if let Some((s, t)) = open.take() {
                    out.push(Chunk { start: s, end: i, ty: t });
                }
                continue;
            }
        };
        let continues = matches!(pos, Pos::I | Pos::E) && open.is_some_and(|(_, t)| t == ty);
        if !continues {
            if let Some((s, t)) = open.take() {
                out.push(Chunk { start: s, end: i, ty: t });
            }
            open = Some((i, ty));
        }
        if matches!(pos, Pos::E | Pos::S) {
            if let Some((s, t)) = open.take() {
                out.push(Chunk { start: s, end: i + 1, ty: t });
            }
        }
    }
    if let Some((s, t)) = open {
        out.push(Chunk { start: s, end: labels.len(), ty: t });
    }
    out
}

/// Re-encodes any (BIO or BIOES) sequence as well-formed BIOES.
pub fn bio_to_bioes(labels: &[Label]) -> Vec<Label> {
    let mut out = vec![OUTSIDE; labels.len()];
    for c in chunks(labels) {
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

/// BIO rendering of a BIOES sequence (GermEval's own format).
pub fn to_bio_string(l: Label) -> String {
    match (l.pos(), l.ty()) {
        (Some(Pos::B | Pos::S), Some(t)) => format!("B-{t}"),
        (Some(_), Some(t)) => format!("I-{t}"),
        _ => "O".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seq(s: &str) -> Vec<Label> {
        s.split_whitespace().map(|t| Label::parse(t).unwrap()).collect()
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
    fn bio_and_bioes_give_the_same_chunks() {
        let bio = seq("B-PER I-PER O B-LOC B-LOC I-ORG O B-ORGpart");
        let bioes = bio_to_bioes(&bio);
        assert_eq!(bioes, seq("B-PER E-PER O S-LOC S-LOC S-ORG O S-ORGpart"));
        assert_eq!(chunks(&bio), chunks(&bioes));
        assert_eq!(chunks(&bio).len(), 5);
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
