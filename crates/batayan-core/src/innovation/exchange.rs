//! What a host answers the innovation elements, as types: the entries for the showcase, a judge's
//! queue, the results. The reference host writes them with these types and the elements read them with
//! them, and their JSON Schemas (`pkg-config/schemas/innovation-*.schema.json`) are derived from them,
//! so the three cannot disagree.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::entry::Entry;
use super::judging::{Ranking, Rubric, Sheet};

/// An entry's id as the host gives it: a number (`12`) or a text (`"dpe-2024-07"`). Rankings, sheets and
/// addresses name it as text ([`EntryId::text`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum EntryId {
    Number(u64),
    Text(String),
}

impl EntryId {
    pub fn text(&self) -> String {
        match self {
            EntryId::Number(n) => n.to_string(),
            EntryId::Text(s) => s.clone(),
        }
    }
}

/// `GET` the entries (the showcase's `src`): every entry, public, without marks or ranks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct EntryList {
    pub entries: Vec<ListedEntry>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct ListedEntry {
    pub id: EntryId,
    pub entry: Entry,
}

/// `GET` a judge's queue (the judging element's `src`): the signed-in judge, the rubric, the entries
/// assigned to them with **their own** sheet if they have one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct Queue {
    /// The judge's key, as sheets name them.
    pub judge: String,
    /// The judge's name, to greet them by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub rubric: Rubric,
    pub entries: Vec<QueuedEntry>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct QueuedEntry {
    pub id: EntryId,
    pub entry: Entry,
    /// This judge's stored sheet for it; `null` before the first save.
    #[serde(default)]
    pub sheet: Option<Sheet>,
}

/// `GET` the results (the showcase's `results-src`), once published: the ranking per level and
/// category by `innovation::rank`, and each entry's title by id. Before publication a host answers 403
/// (or `"published": false` to the organiser, who may look first).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct Results {
    pub published: bool,
    pub ranking: Ranking,
    #[serde(default)]
    pub titles: BTreeMap<String, String>,
}
