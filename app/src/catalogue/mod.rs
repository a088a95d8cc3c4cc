//! Catalogues admins keep with a pictogram and names in French, Dutch and English: the
//! skills people use, and the outcomes social workers record. An entry is retired rather than
//! deleted, so that what was recorded with it stays. Imports no domain: each domain writes
//! its own table and uses the form, the check and the view here.

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub mod form;
pub mod view;

/// The longest name of an entry, in characters.
pub const NAME_MAX: usize = 60;

/// Which catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Catalogue {
    Skills,
    Outcomes,
}

impl Catalogue {
    /// Where admins keep it, and where its forms post.
    pub fn path(self) -> &'static str {
        match self {
            Self::Skills => "/admin/skills",
            Self::Outcomes => "/admin/outcomes",
        }
    }

    /// The first part of its texts' keys and of its anchors: `skill`, `outcome`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Skills => "skill",
            Self::Outcomes => "outcome",
        }
    }
}

/// An entry as admins manage it: its names in French, Dutch and English.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CatalogueEntry {
    pub id: i64,
    pub pictogram: String,
    pub names: [String; 3],
    pub retired: bool,
}
