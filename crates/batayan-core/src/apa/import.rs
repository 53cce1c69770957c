//! Import of a section 3 table pasted from a spreadsheet or Word as tab-separated rows.
//!
//! Real tables are messy, and this reads them as they are: header rows repeated on every page and
//! running over several rows, the area and activity cells left empty on continuation rows, Bangla and
//! ASCII digits mixed, dates like `১২.১২.২৩` beside `05/02/2020`, blank levels, a stray trailing cell.
//! Columns are found by their header text ([`header`]), because the layout changed over the years.
//! Every cell is read by the one rule of [`super::cell`]. Whatever cannot be read is reported with its
//! line and column, never guessed: a cell that does not parse is left empty and named.

mod header;

use std::collections::BTreeMap;

use crate::finding::{Finding, Severity, text_path};
use crate::locale::{FiscalYear, Message, normalize_bangla, parse_date, parse_number, to_ascii_digits, to_bangla_digits};

use self::header::{Columns, read_header};
use super::block::{Block, RowKey};
use super::cell::{CellKind, is_blank, read_cell, read_weight};
use super::model::{Activity, Area, Direction, Indicator, Method, Value, levels_direction};
use super::report::{Report, ReportedValues};

/// What an import produced: section 3's two blocks, the achievements some offices report in a column
/// of their own (by indicator key, the quarters as reported), and every problem met on the way.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    pub areas: Vec<Area>,
    pub governance: Vec<Area>,
    pub reported: BTreeMap<RowKey, ReportedValues>,
    /// Every problem, at its place in the pasted text ([`text_path`]): an error when data was lost (a
    /// value left empty, a row dropped); a warning for a cell left out on purpose (a stray trailing
    /// cell, a column we do not know); information for what was read on the reader's behalf (a date
    /// indicator known by its dates where the layout has no method column).
    pub problems: Vec<Finding>,
}

/// Whether a header or heading cell holds `needle`, however its Bangla is encoded.
fn contains(cell: &str, needle: &str) -> bool {
    normalize_bangla(cell).contains(&normalize_bangla(needle))
}

/// A serial read from a cell: its digits, the text after it, and whether it was marked as one of the
/// mandatory objectives of 2019-20 and before (`[এম.১.১]`, এম for mandatory), which go to the second block.
struct Serial {
    serial: String,
    name: String,
    mandatory: bool,
}

/// `[১.১.১] text` → `"1.1.1"`, `"text"`; `[এম.১.১] text` → `"1.1"`, mandatory. Without brackets, a leading
/// serial like `১.১.১` is read too.
fn split_serial(cell: &str) -> Option<Serial> {
    let cell = cell.trim();
    let (serial, rest) = if let Some(inner) = cell.strip_prefix('[') {
        let (serial, rest) = inner.split_once(']')?;
        (serial.trim(), rest)
    } else {
        let end = cell.find(|c: char| c.is_whitespace()).unwrap_or(cell.len());
        (&cell[..end], &cell[end..])
    };
    let unmarked = ["এম.", "এম ", "M.", "m."].iter().find_map(|mark| serial.strip_prefix(mark));
    let (serial, mandatory) = match unmarked {
        Some(rest) => (rest.trim(), true),
        None => (serial, false),
    };
    let ascii = to_ascii_digits(serial);
    let valid = !ascii.is_empty() && ascii.split('.').all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit()));
    valid.then(|| Serial { serial: ascii, name: rest.trim().to_owned(), mandatory })
}

impl Imported {
    /// The achievements read from a quarter's column (`অর্জন ২০১৯-২০ (১ম প্রান্তিক)`) as a report of
    /// `office` for `fiscal_year`, up to the last quarter reported; `None` when the table had none.
    /// They are what was achieved, never targets: the report form or `batayan apa import --report`
    /// takes them from here.
    pub fn report(&self, office: &str, fiscal_year: FiscalYear) -> Option<Report> {
        let last = self.reported.values().filter_map(|v| v.quarters.iter().rposition(Option::is_some)).max()?;
        let mut report = Report::new(office, fiscal_year, &format!("Q{}", last + 1));
        report.values = self.reported.clone();
        Some(report)
    }
}

/// The state of a walk down the table.
#[derive(Debug)]
struct Walk {
    out: Imported,
    columns: Option<Columns>,
    /// The first row of the last header, as written: a row below it may show it was narrowed.
    header: Vec<String>,
    /// The first header's line, until what it lacks has been said (at the first row under it).
    header_line: Option<usize>,
    block: Block,
}

impl Walk {
    fn problem(&mut self, line: usize, column: usize, severity: Severity, message: Message) {
        self.out.problems.push(Finding::new(text_path(line, column), severity, message));
    }

    fn say_what_the_header_lacks(&mut self) {
        if let (Some(line), Some(columns)) = (self.header_line.take(), &self.columns) {
            let missing = columns.missing(line);
            self.out.problems.extend(missing);
        }
    }

    fn areas(&mut self) -> &mut Vec<Area> {
        match self.block {
            Block::Own => &mut self.out.areas,
            Block::Governance => &mut self.out.governance,
        }
    }
}

/// Imports a section 3 table (the two blocks; the caller puts them into an [`super::Agreement`]).
pub fn import_section3(text: &str) -> Imported {
    let mut reader = Section3Reader::new(text.to_owned());
    while !reader.read_lines(usize::MAX) {}
    reader.finish()
}

/// [`import_section3`] a slice at a time: a widget reads a few hundred lines, lets the page paint
/// (a progress bar, the reader's typing), and goes on, so that a paste of 10,000 rows never freezes
/// the tab. Reading it all at once or in slices gives the same [`Imported`].
#[derive(Debug)]
pub struct Section3Reader {
    text: String,
    /// Where the next line starts, in bytes.
    offset: usize,
    /// Lines read so far (the next line's number is this + 1).
    lines_read: usize,
    walk: Walk,
    /// The first row met before any header, and how many such rows there were.
    before_header: Option<(usize, usize)>,
}

impl Section3Reader {
    pub fn new(text: String) -> Section3Reader {
        Section3Reader {
            text,
            offset: 0,
            lines_read: 0,
            walk: Walk { out: Imported::default(), columns: None, header: Vec::new(), header_line: None, block: Block::Own },
            before_header: None,
        }
    }

    /// Reads up to `max_lines` more lines; `true` once the whole text is read.
    pub fn read_lines(&mut self, max_lines: usize) -> bool {
        let mut budget = max_lines;
        while budget > 0 && self.offset < self.text.len() {
            budget -= 1;
            let row = crate::table_text::next_row(&self.text[self.offset..], '\t');
            self.offset += row.bytes;
            let line = self.lines_read + 1;
            self.lines_read += row.lines;
            self.read_line(line, &row.cells);
        }
        self.offset >= self.text.len()
    }

    /// How far the reading is, as bytes read of the text's length (for a progress bar).
    pub fn progress(&self) -> (usize, usize) {
        (self.offset, self.text.len())
    }

    /// Reads one row, whose first line is `line`.
    fn read_line(&mut self, line: usize, cells: &[String]) {
        let (walk, before_header) = (&mut self.walk, &mut self.before_header);
        let cells: Vec<&str> = cells.iter().map(|c| c.trim()).collect();
        let filled: Vec<&str> = cells.iter().copied().filter(|c| !c.is_empty()).collect();
        if filled.is_empty() {
            return;
        }
        let mut header_problems = Vec::new();
        if let Some(columns) = read_header(&cells, line, &mut header_problems) {
            // A repeated header (one per page) says nothing new; report a header's problems once.
            if walk.columns.is_none() {
                walk.out.problems.extend(header_problems);
                walk.header_line = Some(line);
            }
            walk.columns = Some(columns);
            walk.header = cells.iter().map(|c| (*c).to_owned()).collect();
            return;
        }
        if let Some(columns) = &mut walk.columns
            && columns.take_subheader(&cells, &walk.header)
        {
            return;
        }
        if filled.len() == 1 && !filled[0].starts_with('[') {
            let cell = filled[0];
            if contains(cell, "সুশাসন ও সংস্কারমূলক") || contains(cell, "আবশ্যিক") {
                walk.block = Block::Governance;
                return;
            }
            // "এপিএ স্বাক্ষরকারী অফিসের কর্মসম্পাদনের ক্ষেত্র", "অফিসের কর্মসম্পাদনের ক্ষেত্র", "জেলা
            // কার্যালয়ের কৌশলগত উদ্দেশ্যসমূহ": a heading of the office's own block, however worded.
            if contains(cell, "কর্মসম্পাদনের ক্ষেত্র") || contains(cell, "কৌশলগত উদ্দেশ্য")
            {
                walk.block = Block::Own;
                return;
            }
        }
        let Some(columns) = walk.columns.clone() else {
            if filled.len() == 1 {
                // A title above the table, not a row of it.
                return;
            }
            // Said once, at the first such row, with how many there are: a page of text pasted by mistake
            // is one problem, not one per line.
            match before_header {
                Some((_, count)) => *count += 1,
                None => *before_header = Some((line, 1)),
            }
            return;
        };
        walk.say_what_the_header_lacks();
        read_row(walk, &columns, &cells, line);
    }

    /// What was read, with the problems that only the whole text can tell (rows before any header,
    /// nothing read at all).
    pub fn finish(self) -> Imported {
        let (mut walk, before_header) = (self.walk, self.before_header);
        walk.say_what_the_header_lacks();
        if let Some((first, count)) = before_header {
            let message = if count == 1 {
                Message::new("এই সারিটি শিরোনামের সারির আগে; সারণির শিরোনামসহ পেস্ট করুন।", "This row comes before any header row; paste the table with its headers.")
            } else {
                let n = count.to_string();
                Message::new(
                    format!("এখান থেকে {}টি সারি শিরোনামের সারির আগে; সারণির শিরোনামসহ পেস্ট করুন।", to_bangla_digits(&n)),
                    format!("{n} rows from here come before any header row; paste the table with its headers."),
                )
            };
            walk.out.problems.insert(0, Finding::new(text_path(first, 0), Severity::Error, message));
        }
        if walk.out.is_empty() {
            // Said as a problem of the whole text (line 0), so that no caller takes "nothing" for a table.
            walk.problem(
            0,
            0,
            Severity::Error,
            Message::new(
                "সেকশন ৩-এর কোনো সারি পড়া যায়নি: লেখাটি খালি, অথবা এটি শিরোনামসহ ট্যাব-বিভক্ত সারণি নয়। ওয়ার্ড বা স্প্রেডশিট থেকে পুরো টেবিল কপি করুন।",
                "No row of section 3 could be read: the text is empty, or not a tab-separated table with its header. Copy the whole table from Word or the spreadsheet.",
            ),
        );
        }
        walk.out
    }
}

fn cell<'a>(cells: &[&'a str], column: Option<usize>) -> &'a str {
    column.and_then(|i| cells.get(i).copied()).unwrap_or("")
}

fn read_row(walk: &mut Walk, columns: &Columns, cells: &[&str], line: usize) {
    let area_cell = cell(cells, columns.area);
    if !area_cell.is_empty() {
        match split_serial(area_cell) {
            Some(Serial { serial, name, mandatory }) => {
                // A mandatory objective is in the second block, whether or not a heading said so.
                if mandatory {
                    walk.block = Block::Governance;
                }
                let weight = read_weight_at(walk, cells, columns.area_weight, line);
                walk.areas().push(Area { serial, name, weight, activities: Vec::new() });
            }
            None => walk.problem(
                line,
                columns.area.map_or(0, |c| c + 1),
                Severity::Error,
                Message::new(format!("ক্ষেত্র “{area_cell}”-এর ক্রমিক ([১] এর মতো) নেই।"), format!("The area “{area_cell}” has no serial like [1].")),
            ),
        }
    }
    let activity_cell = cell(cells, columns.activity);
    if !activity_cell.is_empty() {
        let Some(Serial { serial, name, .. }) = split_serial(activity_cell) else {
            walk.problem(
                line,
                columns.activity.map_or(0, |c| c + 1),
                Severity::Error,
                Message::new(
                    format!("কার্যক্রম “{activity_cell}”-এর ক্রমিক ([১.১] এর মতো) নেই।"),
                    format!("The activity “{activity_cell}” has no serial like [1.1]."),
                ),
            );
            return;
        };
        let Some(area) = walk.areas().last_mut() else {
            walk.problem(
                line,
                columns.activity.map_or(0, |c| c + 1),
                Severity::Error,
                Message::new("এই কার্যক্রমের আগে কোনো ক্ষেত্র নেই।", "This activity comes before any area."),
            );
            return;
        };
        area.activities.push(Activity { serial, name, indicators: Vec::new() });
    }
    let indicator_cell = cell(cells, columns.indicator);
    if indicator_cell.is_empty() {
        return;
    }
    let indicator_column = columns.indicator.map_or(0, |c| c + 1);
    let Some(Serial { serial, name, mandatory }) = split_serial(indicator_cell) else {
        walk.problem(
            line,
            indicator_column,
            Severity::Error,
            Message::new(
                format!("সূচক “{indicator_cell}”-এর ক্রমিক ([১.১.১] এর মতো) নেই; সারিটি বাদ পড়েছে।"),
                format!("The indicator “{indicator_cell}” has no serial like [1.1.1]; the row is left out."),
            ),
        );
        return;
    };
    // The serial as the document writes it, for messages: [এম.১.১.১] for a mandatory objective's.
    let shown = if mandatory { format!("এম.{serial}") } else { serial.clone() };
    let method_text = cell(cells, columns.method);
    let mut method = Method::from_text(method_text);
    if method.is_none() && !method_text.is_empty() {
        walk.problem(
            line,
            columns.method.map_or(0, |c| c + 1),
            Severity::Error,
            Message::new(
                format!("গণনা পদ্ধতি “{method_text}” অজানা: সমষ্টি, গড়, ক্রমপুঞ্জিভূত বা তারিখ লিখুন।"),
                format!("Unknown calculation method “{method_text}”: use সমষ্টি, গড়, ক্রমপুঞ্জিভূত or তারিখ."),
            ),
        );
    }
    let unit = cell(cells, columns.unit).to_owned();
    let prior_columns = [columns.prior.first().map(|p| p.0), columns.prior.get(1).map(|p| p.0)];
    let level_columns: [Option<usize>; 5] = std::array::from_fn(|k| columns.levels.map(|l| l + k));
    let projection_columns = [columns.projections.first().copied(), columns.projections.get(1).copied()];
    let value_columns: Vec<Option<usize>> = prior_columns.iter().chain(&level_columns).chain(&projection_columns).copied().collect();
    let mut kind = CellKind::of_values(method, &unit);
    if columns.method.is_none() && (kind == CellKind::Date || holds_dates(cells, &value_columns)) {
        // The layouts before 2020-21 have no method column: a row whose unit or targets are dates is
        // a date indicator, and the reader is told so at the row.
        kind = CellKind::Date;
        method = Some(Method::Date);
        walk.problem(
            line,
            indicator_column,
            Severity::Info,
            Message::new(
                format!("সূচক [{}]: একক বা লক্ষ্যমাত্রা তারিখ, তাই এটি তারিখের সূচক (গণনা পদ্ধতি “তারিখ”) ধরা হলো।", to_bangla_digits(&shown)),
                format!("Indicator [{}]: its unit or targets are dates, so it is read as a date indicator (method “date”).", shown.replace("এম.", "M.")),
            ),
        );
    }
    let weight = read_weight_at(walk, cells, columns.weight, line);
    let mut value_at = |column: Option<usize>| read_value_at(walk, cells, column, kind, line);
    let prior_actuals = prior_columns.map(&mut value_at);
    let levels = level_columns.map(&mut value_at);
    let projections = projection_columns.map(&mut value_at);
    let mut quarters: [Option<Value>; 4] = [None; 4];
    for &(column, q) in &columns.quarters {
        quarters[q] = value_at(Some(column));
    }
    let prior_provisional = [columns.prior.first().is_some_and(|p| p.1), columns.prior.get(1).is_some_and(|p| p.1)];
    for (i, stray) in cells.iter().enumerate().skip(columns.width) {
        if !stray.is_empty() {
            walk.problem(
                line,
                i + 1,
                Severity::Warning,
                Message::new(format!("শিরোনামহীন কলামে “{stray}” — বাদ দেওয়া হলো।"), format!("“{stray}” stands in a column without a header; it is left out.")),
            );
        }
    }
    let indicator = Indicator {
        serial,
        name,
        method,
        unit,
        weight,
        prior_actuals,
        prior_provisional,
        levels,
        projections,
        // Targets rising from 100% to 60% (days to deliver a service) make it lower-is-better; the
        // agreement says so, and the editor and the CLI show it.
        direction: if levels_direction(&levels) == Some(Direction::LowerIsBetter) { Direction::LowerIsBetter } else { Direction::HigherIsBetter },
        implementer: cell(cells, columns.implementer).to_owned(),
        evidence: String::new(),
    };
    let block = walk.block;
    let Some(activity) = walk.areas().last_mut().and_then(|a| a.activities.last_mut()) else {
        walk.problem(
            line,
            indicator_column,
            Severity::Error,
            Message::new("এই সূচকের আগে কোনো কার্যক্রম নেই; সারিটি বাদ পড়েছে।", "This indicator comes before any activity; the row is left out."),
        );
        return;
    };
    let key = block.key(&indicator.serial);
    activity.indicators.push(indicator);
    if quarters.iter().any(Option::is_some) {
        walk.out.reported.insert(key, ReportedValues { quarters, evidence: None });
    }
}

/// Whether any of a row's value cells holds a date (and not a number).
fn holds_dates(cells: &[&str], columns: &[Option<usize>]) -> bool {
    columns.iter().any(|&c| {
        let text = cell(cells, c);
        !is_blank(text) && parse_number(text).is_err() && parse_date(text).is_ok()
    })
}

fn read_weight_at(walk: &mut Walk, cells: &[&str], column: Option<usize>, line: usize) -> Option<f64> {
    read_weight(cell(cells, column)).unwrap_or_else(|message| {
        walk.problem(line, column.map_or(0, |c| c + 1), Severity::Error, message);
        None
    })
}

/// A value cell of `kind`, read by the one cell rule; a cell that does not read is reported at its
/// line and column and left empty.
fn read_value_at(walk: &mut Walk, cells: &[&str], column: Option<usize>, kind: CellKind, line: usize) -> Option<Value> {
    read_cell(cell(cells, column), kind).unwrap_or_else(|message| {
        walk.problem(line, column.map_or(0, |c| c + 1), Severity::Error, message);
        None
    })
}

#[cfg(test)]
mod tests;
