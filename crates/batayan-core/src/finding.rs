//! How sure a finding is, shared by every widget's checks (APA validation, report checks, imports, and
//! the innovation and minutes widgets to come), so that "error" means the same everywhere.
//!
//! The rule, written in the README too: an **error** is something we are sure is wrong or lost (it
//! blocks saving); a **warning** is something that is probably wrong but may be meant (shown, never
//! blocking); **information** says what we did on the reader's behalf (a kind read from the values, a
//! column left out on purpose) so that nothing happens silently. A rule that is not sure is a warning.

use serde::{Deserialize, Serialize};

/// How sure a finding is; see the module's documentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    /// Whether a finding of this severity stops a document from being saved or submitted.
    pub fn blocks(self) -> bool {
        self == Severity::Error
    }

    /// The word shown before a finding's message.
    pub fn label(self, lang: crate::locale::Lang) -> &'static str {
        use crate::locale::Lang;
        match (self, lang) {
            (Severity::Error, Lang::Bn) => "ত্রুটি",
            (Severity::Error, Lang::En) => "Error",
            (Severity::Warning, Lang::Bn) => "সতর্কতা",
            (Severity::Warning, Lang::En) => "Warning",
            (Severity::Info, Lang::Bn) => "তথ্য",
            (Severity::Info, Lang::En) => "Note",
        }
    }
}
