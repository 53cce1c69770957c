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
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
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

/// One thing a careful reader would point out, at one place of a document: what every check of every
/// widget reports (validation of an agreement, checks of a report, a pasted table's problems, a typed
/// cell that does not read), so that the widgets, the CLI and the host show and count them one way.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct Finding {
    /// Where, as a JSON Pointer: into the document's JSON (`/areas/1/activities/0/indicators/2/levels/4`,
    /// `/values/g1.1.1/quarters/1`), which is also how a host's 422 names a field; or, for a pasted
    /// text, into its lines of cells ([`text_path`]). `""` is the document as a whole.
    pub path: String,
    pub severity: Severity,
    pub message: crate::locale::Message,
    /// A one-cell change that would set it right (a look-alike digit), offered as a button.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<Suggestion>,
}

/// A one-cell change: the cell's path, and its text as it is and as it would be (in Bangla digits).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct Suggestion {
    pub path: String,
    pub from: String,
    pub to: String,
}

impl Finding {
    pub fn new(path: impl Into<String>, severity: Severity, message: crate::locale::Message) -> Finding {
        Finding { path: path.into(), severity, message, suggestion: None }
    }

    /// For a finding about a pasted text: its 1-based line and column ([`text_path`]); a line or
    /// column of 0 is the whole text or the whole line.
    pub fn text_position(&self) -> (usize, usize) {
        let mut parts = self.path.strip_prefix("/lines/").unwrap_or("").split('/').map(|p| p.parse::<usize>().map_or(0, |i| i + 1));
        (parts.next().unwrap_or(0), parts.next().unwrap_or(0))
    }
}

/// Whether any finding is an error: errors block saving, in the widget, the host and the CLI alike.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity.blocks())
}

/// The path of a place in a pasted text, seen as a JSON array of lines of cells: line 3, column 5 is
/// `/lines/2/4`; a `column` of 0 is the whole line, a `line` of 0 the whole text (`""`).
pub fn text_path(line: usize, column: usize) -> String {
    match (line, column) {
        (0, _) => String::new(),
        (line, 0) => format!("/lines/{}", line - 1),
        (line, column) => format!("/lines/{}/{}", line - 1, column - 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Message;

    #[test]
    fn a_place_in_a_pasted_text_reads_back_as_its_line_and_column() {
        for (line, column) in [(3, 5), (1, 1), (12, 0), (0, 0)] {
            let f = Finding::new(text_path(line, column), Severity::Warning, Message::new("", ""));
            assert_eq!(f.text_position(), (line, column), "{}", f.path);
        }
        assert_eq!(text_path(3, 5), "/lines/2/4");
        assert_eq!(Finding::new("/areas/0/weight", Severity::Error, Message::new("", "")).text_position(), (0, 0), "not a text's place");
    }

    #[test]
    fn only_errors_block() {
        let at = |severity| Finding::new("", severity, Message::new("", ""));
        assert!(has_errors(&[at(Severity::Info), at(Severity::Error)]));
        assert!(!has_errors(&[at(Severity::Info), at(Severity::Warning)]));
    }
}
