//! Entities: who and what an article is about.
//!
//! The tagger (`ner`) finds name mentions; this module folds their
//! inflection, groups them per article ([`doc`]), attaches the roles the
//! text gives them ([`roles`]), and clusters the groups of all articles and
//! the knowledge base ([`kb`]) into workspace entities ([`index`]).
//! Everything here is pure: text and mentions in, plain values out.

pub mod doc;
pub mod gazetteer;
pub mod index;
pub mod kb;
pub mod names;
mod phonetic;
pub mod roles;

use std::ops::Range;

pub use doc::{DocEntities, EntityMention, extract};
pub use index::{Entity, MentionRef, WorkspaceEntities, cluster};
pub use kb::{KbEntry, KbError, KnowledgeBase};

pub use crate::ner::EntityKind;

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Location => "location",
            EntityKind::Other => "other",
        }
    }

    /// German label for hover cards.
    pub fn label_de(self) -> &'static str {
        match self {
            EntityKind::Person => "Person",
            EntityKind::Organization => "Organisation",
            EntityKind::Location => "Ort",
            EntityKind::Other => "Sonstiges",
        }
    }
}

/// A name the tagger found: its byte span, type and confidence.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub span: Range<usize>,
    pub kind: EntityKind,
    pub confidence: f32,
}
