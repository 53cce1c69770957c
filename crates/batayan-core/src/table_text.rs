//! A table as text, rows of cells: a row a line, cells split by a separator (a tab when pasted from a
//! spreadsheet or Word, a comma in a CSV export) — except that a spreadsheet (Excel, LibreOffice,
//! Google Sheets) puts a cell holding a line break (Alt+Enter in a long indicator name) or the separator
//! in double quotes, with `""` for a quote inside it, so that the row goes on past the break. The APA
//! importer and the judges' CSV readers both read tables this one way.
//!
//! A cell is read as quoted only when its closing quote ends the cell (a tab, a line end or the end of
//! the text follows it) within a few lines: text from Word that merely starts with a quoted phrase
//! (`"ডিজিটাল বাংলাদেশ" দিবস`) stays as written.

/// The most line breaks one quoted cell may hold; past that, the quote is text, not quoting (a stray
/// quote must not swallow the rest of the table).
const MAX_BREAKS_IN_A_CELL: usize = 20;

/// One row of the table and how much of the text it took.
#[derive(Debug, PartialEq)]
pub struct Row {
    pub cells: Vec<String>,
    /// Bytes taken, with the row's line end.
    pub bytes: usize,
    /// Lines taken: more than one when a quoted cell holds a line break.
    pub lines: usize,
}

/// The row at the start of `text` (which is not empty), its cells split at `separator`.
pub fn next_row(text: &str, separator: char) -> Row {
    let mut cells = Vec::new();
    let mut at = 0;
    let mut lines = 1;
    loop {
        let rest = &text[at..];
        let (cell, taken, breaks) = quoted_cell(rest, separator).unwrap_or_else(|| {
            let end = rest.find([separator, '\n']).unwrap_or(rest.len());
            (rest[..end].trim_end_matches('\r').to_owned(), end, 0)
        });
        cells.push(cell);
        lines += breaks;
        at += taken;
        match text[at..].chars().next() {
            Some(c) if c == separator => at += c.len_utf8(),
            Some('\n') => return Row { cells, bytes: at + 1, lines },
            _ => return Row { cells, bytes: at, lines },
        }
    }
}

/// A quoted cell at the start of `rest`: its text (line breaks read as spaces, `""` as `"`), the
/// bytes up to and with its closing quote, and the line breaks it holds.
fn quoted_cell(rest: &str, separator: char) -> Option<(String, usize, usize)> {
    let inner = rest.strip_prefix('"')?;
    let mut text = String::new();
    let mut breaks = 0;
    let mut chars = inner.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' if chars.peek().is_some_and(|(_, next)| *next == '"') => {
                chars.next();
                text.push('"');
            }
            '"' => {
                let after = &inner[i + 1..];
                let ends_cell = after.is_empty() || after.starts_with([separator, '\n']) || after.starts_with("\r\n");
                let taken = 1 + i + 1 + usize::from(after.starts_with("\r\n"));
                return ends_cell.then(|| (text.split_whitespace().collect::<Vec<_>>().join(" "), taken, breaks));
            }
            '\n' => {
                breaks += 1;
                if breaks > MAX_BREAKS_IN_A_CELL {
                    return None;
                }
                text.push(' ');
            }
            c => text.push(c),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_row_is_its_line_split_at_tabs() {
        assert_eq!(next_row("a\tb\t\tc\nnext", '\t'), Row { cells: vec!["a".into(), "b".into(), "".into(), "c".into()], bytes: 7, lines: 1 });
        assert_eq!(next_row("a\tb\r\nnext", '\t'), Row { cells: vec!["a".into(), "b".into()], bytes: 5, lines: 1 });
        assert_eq!(next_row("last\trow", '\t'), Row { cells: vec!["last".into(), "row".into()], bytes: 8, lines: 1 });
    }

    #[test]
    fn a_quoted_cell_holds_its_line_breaks_and_quotes() {
        let text = "[১.১.১] ক\t\"প্রশিক্ষণ\nপ্রদান\"\t১০\nnext";
        let Row { cells, bytes, lines } = next_row(text, '\t');
        assert_eq!(cells, ["[১.১.১] ক", "প্রশিক্ষণ প্রদান", "১০"]);
        assert_eq!((&text[bytes..], lines), ("next", 2));
        assert_eq!(next_row("\"say \"\"hi\"\"\"\tb\n", '\t').cells, ["say \"hi\"", "b"]);
        assert_eq!(next_row("\"a\r\nb\"\r\nnext", '\t').cells, ["a b"]);
    }

    #[test]
    fn a_csv_row_splits_at_commas_and_keeps_a_quoted_comma() {
        assert_eq!(next_row("E1,\"শিক্ষক, \"\"প্রধান\"\"\",5\n", ',').cells, ["E1", "শিক্ষক, \"প্রধান\"", "5"]);
        assert_eq!(next_row("a\tb,c", ',').cells, ["a\tb", "c"], "a tab is text in a CSV");
    }

    #[test]
    fn a_quote_that_does_not_end_its_cell_is_text() {
        assert_eq!(next_row("\"ডিজিটাল বাংলাদেশ\" দিবস\tx\n", '\t').cells, ["\"ডিজিটাল বাংলাদেশ\" দিবস", "x"]);
        // An opening quote never closed stays on its line, rather than swallowing the table.
        let unclosed = format!("\"open\t১\n{}", "row\t২\n".repeat(30));
        let Row { cells, bytes, lines } = next_row(&unclosed, '\t');
        assert_eq!((cells, &unclosed[bytes..bytes + 3], lines), (vec!["\"open".to_owned(), "১".to_owned()], "row", 1));
    }
}
