//! How every command prints the findings of what it read: on stderr, one a line, at their place.

use batayan_core::finding::Finding;
use batayan_core::locale::{Lang, digits_for};

/// Prints each finding on stderr: `file:line:column: severity: message` for a place in a text file (a
/// pasted table, a CSV export), `file: severity: path: message` for a JSON Pointer, `file: severity:
/// message` for the file as a whole.
pub(crate) fn say(file: &str, findings: &[Finding], lang: Lang) {
    for f in findings {
        let severity = f.severity.label(lang).to_ascii_lowercase();
        let message = f.message.get(lang);
        match f.text_position() {
            (0, _) if f.path.is_empty() => eprintln!("{file}: {severity}: {message}"),
            (0, _) => eprintln!("{file}: {severity}: {}: {message}", f.path),
            (line, column) => eprintln!("{file}:{}:{}: {severity}: {message}", digits_for(lang, &line.to_string()), digits_for(lang, &column.to_string())),
        }
    }
}
