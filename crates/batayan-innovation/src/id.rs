//! An entry's id as hosts send it.

use serde::Deserialize;

/// An entry's id, whether the host sends `12` or `"12"` (rankings and addresses name it as text).
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum Id {
    Number(u64),
    Text(String),
}

impl Id {
    pub(crate) fn text(&self) -> String {
        match self {
            Id::Number(n) => n.to_string(),
            Id::Text(s) => s.clone(),
        }
    }
}
