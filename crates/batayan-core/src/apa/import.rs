//! Import of a section 3 table pasted from a spreadsheet or Word as tab-separated rows.
//!
//! Real tables are messy, and this reads them as they are: header rows repeated on every page, the
//! area and activity cells left empty on continuation rows, Bangla digits, dates like `১২.১২.২৩`, blank
//! levels, a stray trailing cell. Columns are found by their header text, not by position, because the
//! layout changed over the years (no গণনা পদ্ধতি column before 2020-21). Whatever cannot be read is
//! reported with its line and column, never guessed: a cell that does not parse is left empty and named.

use crate::locale::{Message, normalize_bangla, parse_date, parse_number, to_ascii_digits};

use super::entry::is_blank;
use super::model::{Activity, Area, Block, Direction, Indicator, Method, Value, levels_direction};

/// Something in the pasted text that could not be read as it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportProblem {
    /// 1-based line of the pasted text; 0 for the text as a whole.
    pub line: usize,
    /// 1-based column (tab-separated cell); 0 for the line as a whole.
    pub column: usize,
    /// `true` when data was lost (a value left empty, a row dropped); `false` for a cell ignored on
    /// purpose, like a stray trailing cell.
    pub lost_data: bool,
    pub message: Message,
}

/// What an import produced: section 3's two blocks, and every problem met on the way.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    pub areas: Vec<Area>,
    pub governance: Vec<Area>,
    pub problems: Vec<ImportProblem>,
}

/// Where each kind of cell sits, found from a header row.
#[derive(Clone, Debug, Default)]
struct Columns {
    area: Option<usize>,
    area_weight: Option<usize>,
    activity: Option<usize>,
    indicator: Option<usize>,
    method: Option<usize>,
    unit: Option<usize>,
    weight: Option<usize>,
    prior: Vec<(usize, bool)>,
    levels: Option<usize>,
    projections: Vec<usize>,
    /// One past the last column that belongs to the table.
    width: usize,
}

fn contains(cell: &str, needle: &str) -> bool {
    normalize_bangla(cell).contains(&normalize_bangla(needle))
}

/// Reads a header row, or `None` if the row is not one. A header names the indicator column and at
/// least two other known columns.
fn read_header(cells: &[&str], line: usize, problems: &mut Vec<ImportProblem>) -> Option<Columns> {
    if !cells.iter().any(|c| contains(c, "কর্মসম্পাদন সূচক") && !contains(c, "মান")) {
        return None;
    }
    let mut columns = Columns::default();
    let mut unplaced = Vec::new();
    for (i, raw) in cells.iter().enumerate() {
        let cell = raw.trim();
        if cell.is_empty() {
            continue;
        }
        let slot = if contains(cell, "ক্ষেত্রের মান") || contains(cell, "উদ্দেশ্যের মান") {
            &mut columns.area_weight
        } else if contains(cell, "সূচকের মান") {
            &mut columns.weight
        } else if contains(cell, "কর্মসম্পাদনের ক্ষেত্র") || contains(cell, "কৌশলগত উদ্দেশ্য")
        {
            &mut columns.area
        } else if contains(cell, "কর্মসম্পাদন সূচক") {
            &mut columns.indicator
        } else if contains(cell, "কার্যক্রম") {
            &mut columns.activity
        } else if contains(cell, "গণনা পদ্ধতি") {
            &mut columns.method
        } else if cell == "একক" || contains(cell, "একক") && cell.chars().count() < 8 {
            &mut columns.unit
        } else if contains(cell, "লক্ষ্যমাত্রা") {
            &mut columns.levels
        } else if contains(cell, "প্রকৃত অর্জন") {
            columns.prior.push((i, cell.contains('*')));
            continue;
        } else if contains(cell, "প্রক্ষেপণ") {
            columns.projections.push(i);
            continue;
        } else {
            unplaced.push((i, cell.to_owned()));
            continue;
        };
        *slot = Some(i);
    }
    let last_mapped = [columns.area, columns.area_weight, columns.activity, columns.indicator, columns.method, columns.unit, columns.weight]
        .into_iter()
        .flatten()
        .chain(columns.prior.iter().map(|p| p.0))
        .chain(columns.levels.map(|l| l + 4))
        .chain(columns.projections.iter().copied())
        .max()
        .unwrap_or(0);
    columns.width = last_mapped + 1;
    for (i, text) in unplaced {
        problems.push(ImportProblem {
            line,
            column: i + 1,
            lost_data: true,
            message: Message::new(
                format!("শিরোনাম “{text}” কোনো কলামের সঙ্গে মেলানো যায়নি; এই কলাম বাদ পড়বে।"),
                format!("The header “{text}” matches no known column; that column is left out."),
            ),
        });
    }
    let required = [
        (columns.area.is_some(), "কর্মসম্পাদনের ক্ষেত্র", "area"),
        (columns.indicator.is_some(), "কর্মসম্পাদন সূচক", "indicator"),
        (columns.weight.is_some(), "সূচকের মান", "indicator weight"),
        (columns.levels.is_some(), "লক্ষ্যমাত্রা", "target"),
    ];
    for (present, bn, en) in required {
        if !present {
            problems.push(ImportProblem {
                line,
                column: 0,
                lost_data: true,
                message: Message::new(format!("শিরোনামে “{bn}” কলাম পাওয়া যায়নি।"), format!("The header has no “{en}” column ({bn}).")),
            });
        }
    }
    Some(columns)
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

/// A row that only names the level columns (অসাধারণ …, ১০০% …).
fn is_level_subheader(cells: &[&str]) -> bool {
    let filled: Vec<&str> = cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
    !filled.is_empty() && filled.iter().all(|c| c.ends_with('%') || ["অসাধারণ", "উত্তম", "চলতি মান", "চলাতি মান"].iter().any(|w| contains(c, w)))
}

/// The state of a walk down the table.
#[derive(Debug)]
struct Walk {
    out: Imported,
    columns: Option<Columns>,
    block: Block,
}

impl Walk {
    fn problem(&mut self, line: usize, column: usize, lost_data: bool, message: Message) {
        self.out.problems.push(ImportProblem { line, column, lost_data, message });
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
        Section3Reader { text, offset: 0, lines_read: 0, walk: Walk { out: Imported::default(), columns: None, block: Block::Own }, before_header: None }
    }

    /// Reads up to `max_lines` more lines; `true` once the whole text is read.
    pub fn read_lines(&mut self, max_lines: usize) -> bool {
        let mut budget = max_lines;
        while budget > 0 && self.offset < self.text.len() {
            budget -= 1;
            let rest = &self.text[self.offset..];
            let (raw_line, advance) = match rest.find('\n') {
                Some(end) => (&rest[..end], end + 1),
                None => (rest, rest.len()),
            };
            let raw_line = raw_line.to_owned();
            self.offset += advance;
            self.lines_read += 1;
            self.read_line(self.lines_read, &raw_line);
        }
        self.offset >= self.text.len()
    }

    /// How far the reading is, as bytes read of the text's length (for a progress bar).
    pub fn progress(&self) -> (usize, usize) {
        (self.offset, self.text.len())
    }

    fn read_line(&mut self, line: usize, raw_line: &str) {
        let (walk, before_header) = (&mut self.walk, &mut self.before_header);
        let raw_line = raw_line.trim_end_matches('\r');
        let cells: Vec<&str> = raw_line.split('\t').map(str::trim).collect();
        let filled: Vec<&str> = cells.iter().copied().filter(|c| !c.is_empty()).collect();
        if filled.is_empty() {
            return;
        }
        let mut header_problems = Vec::new();
        if let Some(columns) = read_header(&cells, line, &mut header_problems) {
            // A repeated header (one per page) says nothing new; report a header's problems once.
            if walk.columns.is_none() {
                walk.out.problems.extend(header_problems);
            }
            walk.columns = Some(columns);
            return;
        }
        if is_level_subheader(&cells) {
            return;
        }
        if filled.len() == 1 && !filled[0].starts_with('[') {
            let cell = filled[0];
            if contains(cell, "সুশাসন ও সংস্কারমূলক") || contains(cell, "আবশ্যিক") {
                walk.block = Block::Governance;
                return;
            }
            if contains(cell, "স্বাক্ষরকারী অফিসের") || contains(cell, "কৌশলগত উদ্দেশ্যসমূহ")
            {
                walk.block = Block::Own;
                return;
            }
        }
        let Some(columns) = walk.columns.clone() else {
            // Said once, at the first such row, with how many there are: a page of text pasted by mistake
            // is one problem, not one per line.
            match before_header {
                Some((_, count)) => *count += 1,
                None => *before_header = Some((line, 1)),
            }
            return;
        };
        read_row(walk, &columns, &cells, line);
    }

    /// What was read, with the problems that only the whole text can tell (rows before any header,
    /// nothing read at all).
    pub fn finish(self) -> Imported {
        let (mut walk, before_header) = (self.walk, self.before_header);
        if let Some((first, count)) = before_header {
            let message = if count == 1 {
                Message::new("এই সারিটি শিরোনামের সারির আগে; সারণির শিরোনামসহ পেস্ট করুন।", "This row comes before any header row; paste the table with its headers.")
            } else {
                let n = count.to_string();
                Message::new(
                    format!("এখান থেকে {}টি সারি শিরোনামের সারির আগে; সারণির শিরোনামসহ পেস্ট করুন।", crate::locale::to_bangla_digits(&n)),
                    format!("{n} rows from here come before any header row; paste the table with its headers."),
                )
            };
            walk.out.problems.insert(0, ImportProblem { line: first, column: 0, lost_data: true, message });
        }
        if walk.out.is_empty() {
            // Said as a problem of the whole text (line 0), so that no caller takes "nothing" for a table.
            walk.problem(
            0,
            0,
            true,
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
                let weight = read_number(walk, cells, columns.area_weight, line);
                walk.areas().push(Area { serial, name, weight, activities: Vec::new() });
            }
            None => walk.problem(
                line,
                columns.area.map_or(0, |c| c + 1),
                true,
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
                true,
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
                true,
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
    let Some(Serial { serial, name, .. }) = split_serial(indicator_cell) else {
        walk.problem(
            line,
            indicator_column,
            true,
            Message::new(
                format!("সূচক “{indicator_cell}”-এর ক্রমিক ([১.১.১] এর মতো) নেই; সারিটি বাদ পড়েছে।"),
                format!("The indicator “{indicator_cell}” has no serial like [1.1.1]; the row is left out."),
            ),
        );
        return;
    };
    let method_text = cell(cells, columns.method);
    let method = Method::from_text(method_text);
    if method.is_none() && !method_text.is_empty() {
        walk.problem(
            line,
            columns.method.map_or(0, |c| c + 1),
            true,
            Message::new(
                format!("গণনা পদ্ধতি “{method_text}” অজানা: সমষ্টি, গড়, ক্রমপুঞ্জিভূত বা তারিখ লিখুন।"),
                format!("Unknown calculation method “{method_text}”: use সমষ্টি, গড়, ক্রমপুঞ্জিভূত or তারিখ."),
            ),
        );
    }
    let unit = cell(cells, columns.unit).to_owned();
    let dates = method == Some(Method::Date) || contains(&unit, "তারিখ");
    let weight = read_number(walk, cells, columns.weight, line);
    let value_at = |walk: &mut Walk, column: Option<usize>| read_value(walk, cells, column, dates, line);
    let prior_actuals = [value_at(walk, columns.prior.first().map(|p| p.0)), value_at(walk, columns.prior.get(1).map(|p| p.0))];
    let prior_provisional = [columns.prior.first().is_some_and(|p| p.1), columns.prior.get(1).is_some_and(|p| p.1)];
    let level = |k: usize| columns.levels.map(|l| l + k);
    let levels = [value_at(walk, level(0)), value_at(walk, level(1)), value_at(walk, level(2)), value_at(walk, level(3)), value_at(walk, level(4))];
    let projections = [value_at(walk, columns.projections.first().copied()), value_at(walk, columns.projections.get(1).copied())];
    for (i, stray) in cells.iter().enumerate().skip(columns.width) {
        if !stray.is_empty() {
            walk.problem(
                line,
                i + 1,
                false,
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
        implementer: String::new(),
        evidence: String::new(),
    };
    let Some(activity) = walk.areas().last_mut().and_then(|a| a.activities.last_mut()) else {
        walk.problem(
            line,
            indicator_column,
            true,
            Message::new("এই সূচকের আগে কোনো কার্যক্রম নেই; সারিটি বাদ পড়েছে।", "This indicator comes before any activity; the row is left out."),
        );
        return;
    };
    activity.indicators.push(indicator);
}

fn read_number(walk: &mut Walk, cells: &[&str], column: Option<usize>, line: usize) -> Option<f64> {
    let text = cell(cells, column);
    if is_blank(text) {
        return None;
    }
    match parse_number(text) {
        Ok(n) => Some(n),
        Err(e) => {
            walk.problem(line, column.map_or(0, |c| c + 1), true, e.message());
            None
        }
    }
}

/// A value cell: a date for date indicators, else a number; the other kind is accepted too (validation
/// then says it is the wrong kind), and a cell that is neither is reported and left empty.
fn read_value(walk: &mut Walk, cells: &[&str], column: Option<usize>, dates: bool, line: usize) -> Option<Value> {
    let text = cell(cells, column);
    if is_blank(text) {
        return None;
    }
    let as_date = || parse_date(text).map(|d| Value::Date(d.date));
    let as_number = || parse_number(text).map(Value::Number);
    let parsed = if dates {
        as_date().map_err(|e| e.message()).or_else(|m| as_number().map_err(|_| m))
    } else {
        as_number().map_err(|e| e.message()).or_else(|m| as_date().map_err(|_| m))
    };
    match parsed {
        Ok(v) => Some(v),
        Err(message) => {
            walk.problem(line, column.map_or(0, |c| c + 1), true, message);
            None
        }
    }
}

#[cfg(test)]
mod tests;
