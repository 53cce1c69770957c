//! Where each column of a pasted section 3 table is, read from its header rows.
//!
//! Every year's layout is read by the header's words, not by position: the area is কর্মসম্পাদনের ক্ষেত্র
//! (since 2020-21) or কৌশলগত উদ্দেশ্য (until 2019-20), the method column is missing before 2020-21, and
//! some offices add columns of their own (the responsible unit, a quarter's achievement). A header may
//! run over two or three rows: a merged `প্রকৃত অর্জন` over two years, `লক্ষ্যমাত্রা/নির্ণায়ক ২০১৯-২০`
//! over the five levels, then the level names (অসাধারণ …), then their percentages (১০০% …), and in
//! many documents a row that only numbers the columns (১, ২, ৩ …). A spreadsheet keeps a merged cell's
//! width with empty cells; Word's plain text drops them, so a merged header comes out narrower than the
//! rows under it, and the level row below tells by how much.

use crate::finding::{Finding, Severity, text_path};
use crate::locale::{Message, normalize_bangla, to_ascii_digits};

use super::contains;

/// Where each kind of cell sits.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Columns {
    pub area: Option<usize>,
    pub area_weight: Option<usize>,
    pub activity: Option<usize>,
    pub indicator: Option<usize>,
    pub method: Option<usize>,
    pub unit: Option<usize>,
    pub weight: Option<usize>,
    /// The two prior years' actuals, and whether the header marks them provisional (`*`).
    pub prior: Vec<(usize, bool)>,
    /// The 100% level; the other four follow it.
    pub levels: Option<usize>,
    pub projections: Vec<usize>,
    /// বাস্তবায়নের জন্য দায়িত্বপ্রাপ্ত: the unit or person responsible, the indicator's implementer.
    pub implementer: Option<usize>,
    /// A quarter's reported achievement (`অর্জন ২০১৯-২০ (১ম প্রান্তিক)`): the column and the quarter
    /// (0 for Q1). A report, kept apart from the targets.
    pub quarters: Vec<(usize, usize)>,
    /// One past the last column that belongs to the table.
    pub width: usize,
}

/// A header cell without its English gloss: `একক (Unit)` → `একক`. Bangla in brackets stays
/// (`(১ম প্রান্তিক)` says which quarter).
fn without_gloss(cell: &str) -> String {
    let mut out = String::new();
    let mut rest = cell;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')') else { break };
        let inner = &rest[open + 1..open + close];
        out.push_str(&rest[..open]);
        if !inner.chars().any(|c| c.is_ascii_alphabetic()) {
            out.push_str(&rest[open..=open + close]);
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out.trim().to_owned()
}

/// The quarter a column of achievements names: `(১ম প্রান্তিক)`, `(প্রথম ত্রৈমাসিক)`, `(Q1)` → 0 … → 3.
fn quarter_named(cell: &str) -> Option<usize> {
    let english = cell.to_ascii_uppercase();
    if let Some(q) = ["Q1", "Q2", "Q3", "Q4"].iter().position(|q| english.contains(q)) {
        return Some(q);
    }
    let words = [("১ম", 0), ("প্রথম", 0), ("২য়", 1), ("দ্বিতীয়", 1), ("৩য়", 2), ("তৃতীয়", 2), ("৪র্থ", 3), ("চতুর্থ", 3)];
    let cell = normalize_bangla(cell);
    // প্রান্তিক or ত্রৈমাসিক: offices write either for a quarter.
    if !["প্রান্তিক", "ত্রৈমাসিক"].iter().any(|w| cell.contains(&normalize_bangla(w))) {
        return None;
    }
    words.iter().find(|(word, _)| cell.contains(&normalize_bangla(word))).map(|(_, q)| *q)
}

/// What a header cell names.
enum Named {
    Area,
    AreaWeight,
    Activity,
    Indicator,
    Method,
    Unit,
    Weight,
    Prior {
        provisional: bool,
    },
    Levels,
    Projection,
    Implementer,
    Quarter(usize),
    /// `অর্জন` without a quarter we can tell: a report column we cannot place.
    UnplacedAchievement,
}

fn name_of(cell: &str) -> Option<Named> {
    let cell = without_gloss(cell);
    let named = if contains(&cell, "ক্ষেত্রের মান") || contains(&cell, "উদ্দেশ্যের মান") {
        Named::AreaWeight
    } else if contains(&cell, "সূচকের মান") {
        Named::Weight
    } else if contains(&cell, "দায়িত্বপ্রাপ্ত") || contains(&cell, "বাস্তবায়নকারী") {
        Named::Implementer
    } else if contains(&cell, "কর্মসম্পাদনের ক্ষেত্র") || contains(&cell, "কৌশলগত উদ্দেশ্য")
    {
        Named::Area
    } else if contains(&cell, "কর্মসম্পাদন সূচক") {
        Named::Indicator
    } else if contains(&cell, "কার্যক্রম") {
        Named::Activity
    } else if contains(&cell, "গণনা পদ্ধতি") {
        Named::Method
    } else if cell == "একক" || contains(&cell, "একক") && cell.chars().count() < 8 {
        Named::Unit
    } else if ["লক্ষ্যমাত্রা", "লক্ষমাত্রা", "নির্ণায়ক", "নির্ণয়ক"].iter().any(|w| contains(&cell, w))
    {
        // Spelt with or without the য-ফলা, or named by its other half (লক্ষ্যমাত্রা/নির্ণায়ক).
        Named::Levels
    } else if contains(&cell, "প্রকৃত অর্জন") {
        Named::Prior { provisional: cell.contains('*') }
    } else if contains(&cell, "অর্জন") {
        quarter_named(&cell).map_or(Named::UnplacedAchievement, Named::Quarter)
    } else if contains(&cell, "প্রক্ষেপণ") {
        Named::Projection
    } else {
        return None;
    };
    Some(named)
}

/// Reads a header row, or `None` if the row is not one. A header names the indicator column.
pub(super) fn read_header(cells: &[&str], line: usize, problems: &mut Vec<Finding>) -> Option<Columns> {
    // A title line above the table ("সেকশন ৩: … কর্মসম্পাদন সূচক এবং লক্ষ্যমাত্রাসমূহ") names the
    // indicators too, in one cell; a header row has a cell per column.
    let filled = cells.iter().filter(|c| !c.trim().is_empty()).count();
    if filled < 3 || !cells.iter().any(|c| contains(c, "কর্মসম্পাদন সূচক") && !contains(c, "মান")) {
        return None;
    }
    let mut columns = Columns::default();
    for (i, raw) in cells.iter().enumerate() {
        let text = raw.trim();
        if text.is_empty() {
            continue;
        }
        let slot = match name_of(text) {
            Some(Named::Area) => &mut columns.area,
            Some(Named::AreaWeight) => &mut columns.area_weight,
            Some(Named::Activity) => &mut columns.activity,
            Some(Named::Indicator) => &mut columns.indicator,
            Some(Named::Method) => &mut columns.method,
            Some(Named::Unit) => &mut columns.unit,
            Some(Named::Weight) => &mut columns.weight,
            Some(Named::Levels) => &mut columns.levels,
            Some(Named::Implementer) => &mut columns.implementer,
            Some(Named::Prior { provisional }) => {
                columns.prior.push((i, provisional));
                continue;
            }
            Some(Named::Projection) => {
                columns.projections.push(i);
                continue;
            }
            Some(Named::Quarter(q)) => {
                columns.quarters.push((i, q));
                problems.push(Finding::new(text_path(line, i + 1), Severity::Info, Message::new(
                        format!("“{text}” কলামে অর্জন আছে, লক্ষ্যমাত্রা নয়: এগুলো চুক্তিতে নেওয়া হয়নি, প্রান্তিকের প্রতিবেদন হিসেবে আলাদা রাখা হলো (প্রতিবেদন ফর্মে দিন)।"),
                        format!("“{text}” holds achievements, not targets: they are kept apart as the quarter's report (enter them in the report form), not in the agreement."),
                    )));
                continue;
            }
            Some(Named::UnplacedAchievement) => {
                problems.push(Finding::new(
                    text_path(line, i + 1),
                    Severity::Warning,
                    Message::new(
                        format!("“{text}” কলামটি কোন প্রান্তিকের অর্জন তা বোঝা যায়নি (যেমন “(১ম প্রান্তিক)”); এই কলাম বাদ পড়বে।"),
                        format!("The column “{text}” holds achievements of a quarter it does not name (like “(১ম প্রান্তিক)”); it is left out."),
                    ),
                ));
                continue;
            }
            None => {
                // Offices add columns of their own (remarks); not knowing one is no error, but its
                // cells are not kept, and the reader is told.
                problems.push(Finding::new(
                    text_path(line, i + 1),
                    Severity::Warning,
                    Message::new(
                        format!("শিরোনাম “{text}” কোনো কলামের সঙ্গে মেলানো যায়নি; এই কলাম বাদ পড়বে।"),
                        format!("The header “{text}” matches no known column; that column is left out."),
                    ),
                ));
                continue;
            }
        };
        *slot = Some(i);
    }
    columns.width = columns.last() + 1;
    Some(columns)
}

impl Columns {
    /// What the header, with the rows under it, lacks: said once the table's first row is met (the
    /// levels may be named only in a row under the header), at the header's `line`.
    pub(super) fn missing(&self, line: usize) -> Vec<Finding> {
        let mut problems = Vec::new();
        let required = [
            (self.area.is_some(), "কর্মসম্পাদনের ক্ষেত্র", "area"),
            (self.indicator.is_some(), "কর্মসম্পাদন সূচক", "indicator"),
            (self.weight.is_some(), "সূচকের মান", "indicator weight"),
            (self.levels.is_some(), "লক্ষ্যমাত্রা", "target"),
        ];
        for (present, bn, en) in required {
            if !present {
                problems.push(Finding::new(
                    text_path(line, 0),
                    Severity::Error,
                    Message::new(format!("শিরোনামে “{bn}” কলাম পাওয়া যায়নি।"), format!("The header has no “{en}” column ({bn}).")),
                ));
            }
        }
        if self.method.is_none() && self.levels.is_some() {
            problems.push(Finding::new(text_path(line, 0), Severity::Info, Message::new(
                "এই ছকে গণনা পদ্ধতি কলাম নেই (২০১৯-২০ ও আগের ছক): যে সূচকের লক্ষ্যমাত্রায় তারিখ আছে সেটি তারিখের সূচক ধরা হলো, বাকিগুলোর পদ্ধতি ফাঁকা (সমষ্টি হিসেবে গোনা হবে) — সম্পাদনায় বদলাতে পারেন।",
                "This layout has no calculation method column (2019-20 and before): an indicator whose targets are dates is read as a date indicator, the others are left without a method (counted as a sum) — change it in the editor if needed.",
            )));
        }
        problems
    }

    /// The last column the table uses.
    fn last(&self) -> usize {
        [self.area, self.area_weight, self.activity, self.indicator, self.method, self.unit, self.weight, self.implementer]
            .into_iter()
            .flatten()
            .chain(self.prior.iter().map(|p| p.0))
            .chain(self.levels.map(|l| l + 4))
            .chain(self.projections.iter().copied())
            .chain(self.quarters.iter().map(|q| q.0))
            .max()
            .unwrap_or(0)
    }

    /// Takes in a header row below the first one (level names, percentages, years, or a row of column
    /// numbers); returns `false` if `cells` is not such a row. `header` is the first header row's cells,
    /// to read again wider when the levels below show that its merged cells came without their width.
    pub(super) fn take_subheader(&mut self, cells: &[&str], header: &[String]) -> bool {
        let filled: Vec<(usize, &str)> = cells.iter().enumerate().map(|(i, c)| (i, c.trim())).filter(|(_, c)| !c.is_empty()).collect();
        if filled.is_empty() || !(is_column_numbers(&filled) || filled.iter().all(|(_, c)| is_level_name(c) || year_span(c).is_some())) {
            return false;
        }
        let first_level = filled.iter().find(|(_, c)| is_level_name(c)).map(|(i, _)| *i);
        if self.levels.is_none() {
            // The level names under a header that did not say লক্ষ্যমাত্রা: they are where the levels are.
            self.levels = first_level;
        }
        if let (Some(below), Some(above)) = (first_level, self.levels)
            && below != above
            && let Some(wider) = widen(header, above, below)
        {
            let cells: Vec<&str> = wider.iter().map(String::as_str).collect();
            if let Some(columns) = read_header(&cells, 0, &mut Vec::new()) {
                *self = columns;
            }
        }
        // Years under a merged "প্রকৃত অর্জন" or "প্রক্ষেপণ" are its columns, one per year.
        let years: Vec<(usize, bool)> = filled.iter().filter_map(|(i, c)| year_span(c).map(|provisional| (*i, provisional))).collect();
        let levels_end = self.levels.map_or(usize::MAX, |l| l + 4);
        if let Some(&(first_prior, provisional)) = self.prior.first() {
            let under: Vec<(usize, bool)> = years.iter().filter(|(i, _)| *i >= first_prior && self.levels.is_none_or(|l| *i < l)).copied().collect();
            if under.len() > self.prior.len() {
                self.prior = under.into_iter().map(|(i, star)| (i, star || provisional && i == first_prior)).collect();
            } else {
                for (i, star) in under {
                    if let Some(prior) = self.prior.iter_mut().find(|p| p.0 == i) {
                        prior.1 |= star;
                    }
                }
            }
        }
        if let Some(&first_projection) = self.projections.first() {
            let under: Vec<usize> = years.iter().map(|y| y.0).filter(|i| *i >= first_projection && *i > levels_end).collect();
            if under.len() > self.projections.len() {
                self.projections = under;
            }
        }
        self.width = self.width.max(self.last() + 1);
        true
    }
}

/// `অসাধারণ` … `চলতি মানের নিম্নে`, or `১০০%` … `৬০%`.
fn is_level_name(cell: &str) -> bool {
    cell.ends_with('%') || ["অসাধারণ", "উত্তম", "চলতি মান", "চলাতি মান"].iter().any(|w| contains(cell, w))
}

/// A fiscal year written as a column's sub-header (`২০১৭-১৮`, `2018-19*`): `Some(provisional)`.
fn year_span(cell: &str) -> Option<bool> {
    let provisional = cell.contains('*');
    let ascii = to_ascii_digits(cell.trim_end_matches('*').trim());
    let (start, end) = ascii.split_once(['-', '–', '/'])?;
    let digits = |s: &str| s.len() >= 2 && s.chars().all(|c| c.is_ascii_digit());
    (start.len() == 4 && digits(start) && digits(end)).then_some(provisional)
}

/// A row that only numbers the columns: `১ ২ ৩ …`, each one more than the one before.
fn is_column_numbers(filled: &[(usize, &str)]) -> bool {
    let numbers: Option<Vec<u32>> = filled.iter().map(|(_, c)| to_ascii_digits(c).parse::<u32>().ok()).collect();
    numbers.is_some_and(|n| n.len() >= 4 && n.windows(2).all(|w| w[1] == w[0] + 1))
}

/// The first header row as wide as the rows under it, when its merged cells lost their width in
/// Word's plain text: the levels, found at `below` in the row under it but at `above` in it, get
/// their five columns, and the columns missing before them go to the merged prior years.
fn widen(header: &[String], above: usize, below: usize) -> Option<Vec<String>> {
    let missing_before = below.checked_sub(above)?;
    let levels_collapsed = header.get(above + 1).is_some_and(|c| !c.trim().is_empty());
    if missing_before == 0 && !levels_collapsed {
        return None;
    }
    let prior = header[..above].iter().rposition(|c| matches!(name_of(c), Some(Named::Prior { .. })));
    // The missing columns go right after the merged cell they belong to (the prior years), else
    // just before the levels.
    let insert_at = prior.map_or(above, |p| p + 1);
    let mut wider: Vec<String> = header[..insert_at].to_vec();
    wider.extend(std::iter::repeat_n(String::new(), missing_before));
    wider.extend(header[insert_at..=above].iter().cloned());
    if levels_collapsed {
        wider.extend(std::iter::repeat_n(String::new(), 4));
    }
    wider.extend(header[above + 1..].iter().cloned());
    Some(wider)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quarter_is_named_in_either_word_or_in_english() {
        assert_eq!(quarter_named("অর্জন ২০১৯-২০ (১ম প্রান্তিক)"), Some(0));
        assert_eq!(quarter_named("অর্জন (দ্বিতীয় ত্রৈমাসিক)"), Some(1));
        assert_eq!(quarter_named("Achievement 2019-20 (Q3)"), Some(2));
        assert_eq!(quarter_named("অর্জন ২০১৯-২০"), None, "no quarter said");
    }
}
