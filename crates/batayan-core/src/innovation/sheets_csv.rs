//! The judges' marks as a spreadsheet exports them (CSV, a header row first), for
//! `batayan innovation rank`: `rubric.csv` (`criterion,weight,max[,name]`), `marks.csv`
//! (`entry,judge,criterion,mark[,reason]`; a mark of `abstain` or `বিরত` is an abstention) and
//! `entries.csv` (`entry,title,level,category`). Digits may be Bangla or ASCII. Every problem is a
//! finding at its line and column (`/lines/L/C`, as a pasted table's).

use serde::Serialize;

use crate::finding::{Finding, Severity, text_path};
use crate::locale::{Message, parse_number};

use super::entry::{Category, Level};
use super::judging::{Criterion, Rubric, Sheet};

/// An entry as the ranking needs it.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EntryRow {
    pub id: String,
    pub title: String,
    pub level: Option<Level>,
    pub category: Option<Category>,
}

impl EntryRow {
    /// A stored entry as the ranking needs it, under the host's id for it.
    pub fn of(id: &str, entry: &super::entry::Entry) -> EntryRow {
        EntryRow { id: id.to_owned(), title: entry.title.clone(), level: Some(entry.level), category: Some(entry.category) }
    }
}

/// A CSV export read: its header's column names and its data rows (1-based line, cells), every line
/// split by [`crate::table_text::next_row`] (quoted cells, commas and line breaks inside them).
struct Csv {
    header_line: usize,
    names: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
}

impl Csv {
    fn read(text: &str) -> Csv {
        let (mut offset, mut line) = (0, 1);
        let mut read: Vec<(usize, Vec<String>)> = Vec::new();
        while offset < text.len() {
            let row = crate::table_text::next_row(&text[offset..], ',');
            let cells: Vec<String> = row.cells.iter().map(|c| c.trim().to_owned()).collect();
            if cells.iter().any(|c| !c.is_empty()) {
                read.push((line, cells));
            }
            (offset, line) = (offset + row.bytes, line + row.lines);
        }
        let mut rows = read.into_iter();
        let (header_line, names) = rows.next().map_or((0, Vec::new()), |(l, cells)| (l, cells.into_iter().map(|c| c.to_lowercase()).collect()));
        Csv { header_line, names, rows: rows.collect() }
    }

    fn column(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n == name)
    }

    /// The data rows' `wanted` cells then the `optional` ones (empty where the column is absent); a
    /// header without a wanted column is one finding, and no rows.
    fn rows(&self, wanted: &[&str], optional: &[&str], findings: &mut Vec<Finding>) -> Vec<(usize, Vec<String>)> {
        if self.names.is_empty() {
            findings.push(Finding::new("", Severity::Error, Message::new("ফাইলটি খালি।", "The file is empty.")));
            return Vec::new();
        }
        let mut positions = Vec::new();
        for w in wanted {
            let Some(i) = self.column(w) else {
                findings.push(Finding::new(
                    text_path(self.header_line, 0),
                    Severity::Error,
                    Message::new(format!("শিরোনামের সারিতে “{w}” কলাম নেই।"), format!("The header row has no “{w}” column.")),
                ));
                return Vec::new();
            };
            positions.push(Some(i));
        }
        positions.extend(optional.iter().map(|o| self.column(o)));
        self.rows.iter().map(|(line, cells)| (*line, positions.iter().map(|p| p.and_then(|p| cells.get(p).cloned()).unwrap_or_default()).collect())).collect()
    }
}

fn number(text: &str, line: usize, column: usize, findings: &mut Vec<Finding>) -> Option<f64> {
    match parse_number(text) {
        Ok(x) => Some(x),
        Err(e) => {
            findings.push(Finding::new(text_path(line, column), Severity::Error, e.message()));
            None
        }
    }
}

/// `rubric.csv`: the criteria (mean aggregate, no tie-break: the CLI's flags set those).
pub fn read_rubric(text: &str) -> (Rubric, Vec<Finding>) {
    let mut findings = Vec::new();
    let mut criteria = Vec::new();
    for (line, row) in Csv::read(text).rows(&["criterion", "weight", "max"], &["name"], &mut findings) {
        let (weight, max) = (number(&row[1], line, 2, &mut findings), number(&row[2], line, 3, &mut findings));
        let (Some(weight), Some(max)) = (weight, max) else { continue };
        if max <= 0.0 || weight < 0.0 {
            findings.push(Finding::new(
                text_path(line, 0),
                Severity::Error,
                Message::new("মান শূন্য বা তার বেশি এবং সর্বোচ্চ নম্বর শূন্যের বেশি হতে হবে।", "A weight must be zero or more, and the highest mark more than zero."),
            ));
            continue;
        }
        criteria.push(Criterion { key: row[0].clone(), name: row[3].clone(), weight, max });
    }
    (Rubric { criteria, aggregate: Default::default(), tie_break: None }, findings)
}

/// `marks.csv`: one sheet per entry and judge, in the order first met, with the line each starts on.
pub fn read_marks(text: &str) -> (Vec<Sheet>, Vec<usize>, Vec<Finding>) {
    let mut findings = Vec::new();
    let mut sheets: Vec<Sheet> = Vec::new();
    let mut first_lines = Vec::new();
    for (line, row) in Csv::read(text).rows(&["entry", "judge", "criterion", "mark"], &["reason"], &mut findings) {
        let (entry, judge, criterion, mark) = (&row[0], &row[1], &row[2], &row[3]);
        if entry.is_empty() || judge.is_empty() {
            findings.push(Finding::new(
                text_path(line, 0),
                Severity::Error,
                Message::new("সারিতে এন্ট্রি বা বিচারকের নাম নেই; সারিটি বাদ পড়েছে।", "The row has no entry or judge; it is left out."),
            ));
            continue;
        }
        let index = match sheets.iter().position(|s| &s.entry == entry && &s.judge == judge) {
            Some(i) => i,
            None => {
                sheets.push(Sheet { entry: entry.clone(), judge: judge.clone(), ..Sheet::default() });
                first_lines.push(line);
                sheets.len() - 1
            }
        };
        let sheet = &mut sheets[index];
        if mark.eq_ignore_ascii_case("abstain") || mark == "বিরত" {
            sheet.abstain = Some(row[4].clone());
            continue;
        }
        if let Some(value) = number(mark, line, 4, &mut findings)
            && sheet.marks.insert(criterion.clone(), value).is_some()
        {
            findings.push(Finding::new(
                text_path(line, 3),
                Severity::Error,
                Message::new(
                    format!("বিচারক {judge} এন্ট্রি {entry}-এর “{criterion}”-এ দুবার নম্বর দিয়েছেন; শেষেরটি রাখা হলো।"),
                    format!("Judge {judge} marked “{criterion}” of entry {entry} twice; the last is kept."),
                ),
            ));
        }
    }
    (sheets, first_lines, findings)
}

/// `entries.csv`: each entry's title, level and category.
pub fn read_entries(text: &str) -> (Vec<EntryRow>, Vec<Finding>) {
    let mut findings = Vec::new();
    let mut out = Vec::new();
    for (line, row) in Csv::read(text).rows(&["entry", "title", "level", "category"], &[], &mut findings) {
        let level = Level::from_text(&row[2]);
        let category = Category::from_text(&row[3]);
        if level.is_none() && !row[2].is_empty() {
            findings.push(Finding::new(
                text_path(line, 3),
                Severity::Error,
                Message::new(
                    format!("“{}” কোনো স্তর নয় (উপজেলা, জেলা, বিভাগ, অধিদপ্তর, জাতীয়)।", row[2]),
                    format!("“{}” is not a level (upazila, district, division, directorate, national).", row[2]),
                ),
            ));
        }
        if category.is_none() && !row[3].is_empty() {
            findings.push(Finding::new(
                text_path(line, 4),
                Severity::Error,
                Message::new(
                    format!("“{}” কোনো ধরন নয় (idea, pilot, simplified_service, digitised_service, replication)।", row[3]),
                    format!("“{}” is not a category (idea, pilot, simplified_service, digitised_service, replication).", row[3]),
                ),
            ));
        }
        out.push(EntryRow { id: row[0].clone(), title: row[1].clone(), level, category });
    }
    (out, findings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::innovation::judging::rank;

    const RUBRIC: &str = include_str!("../../../../tests/fixtures/innovation-rubric.csv");
    const MARKS: &str = include_str!("../../../../tests/fixtures/innovation-marks.csv");
    const ENTRIES: &str = include_str!("../../../../tests/fixtures/innovation-entries.csv");

    #[test]
    fn the_fixtures_read_with_bangla_digits_abstentions_and_problems_at_their_lines() {
        let (rubric, problems) = read_rubric(RUBRIC);
        assert_eq!(problems, []);
        let keys: Vec<(&str, f64)> = rubric.criteria.iter().map(|c| (c.key.as_str(), c.weight)).collect();
        assert_eq!(keys, [("benefit", 30.0), ("novelty", 20.0), ("feasibility", 20.0), ("replicability", 20.0), ("cost", 10.0)]);
        assert_eq!(rubric.criteria[0].name, "নাগরিকের উপকার (TCV)");
        let (sheets, lines, problems) = read_marks(MARKS);
        assert_eq!(sheets.len(), 10);
        assert_eq!(sheets[0].marks["benefit"], 8.0, "৮ is 8");
        let abstained = sheets.iter().find(|s| s.entry == "E02" && s.judge == "J2").unwrap();
        assert_eq!(abstained.abstain.as_deref(), Some("নিজ জেলার এন্ট্রি"));
        assert_eq!(lines[..3], [2, 7, 12], "the line each sheet starts on");
        let at: Vec<(usize, usize)> = problems.iter().map(Finding::text_position).collect();
        assert_eq!(at, [(36, 4)], "E04/J2's replicability has no mark");
        let (entries, problems) = read_entries(ENTRIES);
        assert_eq!(problems, []);
        assert_eq!((entries[4].level, entries[4].category), (Some(Level::Upazila), Some(Category::Idea)));
    }

    #[test]
    fn the_fixtures_rank_per_level_and_category() {
        let (rubric, _) = read_rubric(RUBRIC);
        let (sheets, _, _) = read_marks(MARKS);
        let (entries, _) = read_entries(ENTRIES);
        let ranking = rank(&rubric, &entries, &sheets);
        let digitised = ranking.groups.iter().find(|g| g.category == Some(Category::DigitisedService)).unwrap();
        let order: Vec<(&str, Option<usize>, usize)> = digitised.placed.iter().map(|p| (p.entry.as_str(), p.rank, p.judges)).collect();
        // E03: (87 + 87) / 2; E04: J1's 74 (J2's sheet lacks a mark); E02: J1's 68 (J2 abstained).
        assert_eq!(order, [("E03", Some(1), 2), ("E04", Some(2), 1), ("E02", Some(3), 1)]);
        // E04/J2 lacks replicability and cost; E05/J2 gave 12 of 10 for benefit: those sheets are left
        // out, and each problem is said at its sheet (the 8th and the 10th).
        let paths: Vec<&str> = ranking.findings.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["/7/marks/replicability", "/7/marks/cost", "/9/marks/benefit"]);
    }

    #[test]
    fn a_header_without_its_columns_and_a_quoted_cell() {
        let (_, _, problems) = read_marks("entry,judge,mark\nE1,J1,5\n");
        assert!(problems[0].message.en.contains("no “criterion” column"));
        let (sheets, _, _) = read_marks("entry,judge,criterion,mark,reason\nE1,J1,x,abstain,\"শিক্ষক, \"\"প্রধান\"\"\"\n");
        assert_eq!(sheets[0].abstain.as_deref(), Some("শিক্ষক, \"প্রধান\""), "a quoted cell keeps its comma and quotes");
        let (_, problems) = read_entries("entry,title,level,category\nE1,x,mars,pilot\n");
        assert_eq!(problems.iter().map(Finding::text_position).collect::<Vec<_>>(), [(2, 3)]);
    }
}
