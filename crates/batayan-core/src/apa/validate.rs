//! What real tables get wrong (domain.md §1 "Validation"): weight sums, levels out of order or equal,
//! date targets outside the year, numbers where dates are due and the reverse, units that do not fit the
//! method, duplicate or skipped serials, missing weights — and, for the look-alike Bangla digits ৪ and ৮,
//! the one cell that, with the other digit, would make a sum balance or a row fall in order.

use serde::{Deserialize, Serialize};

use crate::locale::{FiscalYear, Lang, Message, format_number, to_bangla_digits};

use super::block::{Block, RowKey, has_mandatory_objectives};
use super::model::{Agreement, Area, Indicator, Method, Value, level_label};

pub use crate::finding::{Finding, Severity, Suggestion, has_errors};

/// The cell a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "index")]
pub enum Column {
    Serial,
    AreaWeight,
    Method,
    Unit,
    Weight,
    /// 0 for the year before last, 1 for last year.
    PriorActual(usize),
    /// 0 for the 100% target … 4 for 60%.
    Level(usize),
    Projection(usize),
}

impl Column {
    /// The column's name as a table header or a phone card's label says it, with the year a prior
    /// actual or a projection is of (`প্রকৃত অর্জন ২০২২-২৩`, `Projection 2025-26`) in `year`'s agreement.
    pub fn label(self, year: FiscalYear, lang: Lang) -> String {
        match self {
            Column::Serial => lang.pick("ক্রমিক", "No.").to_owned(),
            Column::AreaWeight | Column::Weight => lang.pick("মান", "Weight").to_owned(),
            Column::Method => lang.pick("গণনা পদ্ধতি", "Method").to_owned(),
            Column::Unit => lang.pick("একক", "Unit").to_owned(),
            Column::PriorActual(k) => {
                let of = if k == 0 { year.previous().previous() } else { year.previous() };
                format!("{} {}", lang.pick("প্রকৃত অর্জন", "Actual"), of.label(lang))
            }
            Column::Level(k) => level_label(k, lang).to_owned(),
            Column::Projection(k) => {
                let of = if k == 0 { year.next() } else { year.next().next() };
                format!("{} {}", lang.pick("প্রক্ষেপণ", "Projection"), of.label(lang))
            }
        }
    }

    /// The column's path below its row in the agreement's JSON: `["levels", "4"]`.
    pub fn path(self) -> Vec<String> {
        match self {
            Column::Serial => vec!["serial".into()],
            Column::AreaWeight | Column::Weight => vec!["weight".into()],
            Column::Method => vec!["method".into()],
            Column::Unit => vec!["unit".into()],
            Column::PriorActual(k) => vec!["prior_actuals".into(), k.to_string()],
            Column::Level(k) => vec!["levels".into(), k.to_string()],
            Column::Projection(k) => vec!["projections".into(), k.to_string()],
        }
    }

    /// The indicator column a pointer below an indicator's row names (`/levels/4` → `Level(4)`); the
    /// reverse of [`Column::path`], for placing a host's errors on cells.
    pub fn of_indicator_path(rest: &str) -> Option<Column> {
        let parts: Vec<&str> = rest.trim_start_matches('/').split('/').collect();
        let index = |k: &str, max: usize| k.parse::<usize>().ok().filter(|k| *k < max);
        Some(match parts.as_slice() {
            ["serial"] => Column::Serial,
            ["weight"] => Column::Weight,
            ["method"] => Column::Method,
            ["unit"] => Column::Unit,
            ["prior_actuals", k] => Column::PriorActual(index(k, 2)?),
            ["levels", k] => Column::Level(index(k, 5)?),
            ["projections", k] => Column::Projection(index(k, 2)?),
            _ => return None,
        })
    }
}

/// The weights of the office's own areas and of the second block, by layout: since 2020-21, 70 and the
/// governance block's 30; until 2019-20, 75 and the mandatory objectives' 25. An office whose agreement
/// has no second block weighs its own areas 100.
fn block_weights(year: FiscalYear) -> (f64, f64) {
    if has_mandatory_objectives(year) { (75.0, 25.0) } else { (70.0, 30.0) }
}
const EPSILON: f64 = 1e-9;

fn bn(x: f64) -> String {
    format_number(x, Lang::Bn)
}

fn en(x: f64) -> String {
    format_number(x, Lang::En)
}

/// How a message names the block of an area ("the governance block"), beside [`Block::label`]'s
/// "governance [১.১]" for rows.
fn block_label(block: Block, year: FiscalYear, lang: Lang) -> &'static str {
    match (block, has_mandatory_objectives(year), lang) {
        (Block::Own, _, _) => "",
        (Block::Governance, false, Lang::Bn) => "সুশাসন ও সংস্কারমূলক ",
        (Block::Governance, false, Lang::En) => "the governance ",
        (Block::Governance, true, Lang::Bn) => "আবশ্যিক ",
        (Block::Governance, true, Lang::En) => "the mandatory ",
    }
}

/// Every finding about the agreement, table order, errors and warnings mixed.
pub fn validate(agreement: &Agreement) -> Vec<Finding> {
    let mut findings = Vec::new();
    let year = agreement.fiscal_year;
    for (block, areas) in agreement.blocks() {
        check_serials(block, areas, &mut findings);
        for (a, area) in areas.iter().enumerate() {
            let area_path = format!("/{}/{a}", block.field());
            check_area_weight(block, year, (area, &area_path), &mut findings);
            for (b, activity) in area.activities.iter().enumerate() {
                for (c, indicator) in activity.indicators.iter().enumerate() {
                    check_indicator(block, (indicator, &format!("{area_path}/activities/{b}/indicators/{c}")), year, &mut findings);
                }
            }
        }
    }
    check_block_totals(agreement, &mut findings);
    findings
}

fn finding(severity: Severity, path: String, message: Message) -> Finding {
    Finding::new(path, severity, message)
}

/// The path of `column` in the row at `row` (`/areas/0/activities/1/indicators/0` + `levels/4`).
fn cell(row: &str, column: Column) -> String {
    format!("{row}/{}", column.path().join("/"))
}

/// A weight below zero: an error even where the sums balance, since it would take marks away.
fn negative_weight(key: &RowKey, year: FiscalYear, path: String, weight: Option<f64>) -> Option<Finding> {
    let w = weight.filter(|w| *w < 0.0)?;
    let shown = key.label(year, Lang::Bn);
    let shown_en = key.label(year, Lang::En);
    Some(finding(
        Severity::Error,
        path,
        Message::new(format!("{shown}-এর মান {} — মান ঋণাত্মক হতে পারে না।", bn(w)), format!("{shown_en} has the weight {} — a weight cannot be negative.", en(w))),
    ))
}

fn check_area_weight(block: Block, year: FiscalYear, (area, area_path): (&Area, &str), findings: &mut Vec<Finding>) {
    let weight_path = cell(area_path, Column::AreaWeight);
    findings.extend(negative_weight(&block.key(&area.serial), year, weight_path.clone(), area.weight));
    // The area as the year's documents name it: ক্ষেত্র [১], সুশাসন ও সংস্কারমূলক ক্ষেত্র [১], আবশ্যিক ক্ষেত্র [এম.১].
    let (area_bn, area_en) = (
        format!("{}ক্ষেত্র {}", block_label(block, year, Lang::Bn), block.serial_label(&area.serial, year, Lang::Bn)),
        format!("{}area {}", block_label(block, year, Lang::En), block.serial_label(&area.serial, year, Lang::En)),
    );
    let Some(area_weight) = area.weight else {
        let mut sentence = area_en.clone();
        if let Some(first) = sentence.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        findings.push(finding(Severity::Error, weight_path, Message::new(format!("{area_bn}-এর মান দেওয়া নেই।"), format!("{sentence} has no weight."))));
        return;
    };
    let indicators: Vec<(String, &Indicator)> = area
        .activities
        .iter()
        .enumerate()
        .flat_map(|(b, a)| a.indicators.iter().enumerate().map(move |(c, i)| (format!("{area_path}/activities/{b}/indicators/{c}"), i)))
        .collect();
    let sum: f64 = indicators.iter().filter_map(|(_, i)| i.weight).sum();
    if indicators.iter().any(|(_, i)| i.weight.is_none()) || (sum - area_weight).abs() < EPSILON {
        return;
    }
    let mut f = finding(
        Severity::Error,
        weight_path,
        Message::new(
            format!("{area_bn}-এর সূচকগুলোর মানের যোগফল {}, কিন্তু ক্ষেত্রের মান {}।", bn(sum), bn(area_weight)),
            format!("The indicator weights of {area_en} add up to {}, but the area's weight is {}.", en(sum), en(area_weight)),
        ),
    );
    // ৪ and ৮: does one weight, read with the other digit, make the sum right?
    let fix = indicators.iter().find_map(|(path, i)| {
        let weight = i.weight?;
        let other = look_alikes(weight).into_iter().find(|&other| (sum - weight + other - area_weight).abs() < EPSILON)?;
        Some((block.key(&i.serial), Suggestion { path: cell(path, Column::Weight), from: bn(weight), to: bn(other) }))
    });
    if let Some((key, s)) = fix {
        f.message.bn.push_str(&format!(" {}-এর মান {} না হয়ে {} হলে যোগফল মেলে (৪ ও ৮ দেখতে একই রকম)।", key.serial_label(year, Lang::Bn), s.from, s.to));
        f.message.en.push_str(&format!(
            " If {}'s weight were {} instead of {}, the sum would be right (৪ and ৮ look alike).",
            key.serial_label(year, Lang::En),
            crate::locale::to_ascii_digits(&s.to),
            crate::locale::to_ascii_digits(&s.from)
        ));
        f.suggestion = Some(s);
    }
    findings.push(f);
}

/// The numbers that differ from `x` by one digit 4 written as 8, or 8 as 4.
fn look_alikes(x: f64) -> Vec<f64> {
    let text = format_number(x, Lang::En).replace(',', "");
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        let swapped = match c {
            '4' => '8',
            '8' => '4',
            _ => continue,
        };
        let mut other = text.clone();
        other.replace_range(i..i + 1, &swapped.to_string());
        // The locale's reader, not `str::parse`: one number reader in the Wasm, not two.
        if let Ok(v) = crate::locale::parse_number(&other) {
            out.push(v);
        }
    }
    out
}

fn check_block_totals(agreement: &Agreement, findings: &mut Vec<Finding>) {
    let total = |areas: &[Area]| areas.iter().filter_map(|a| a.weight).sum::<f64>();
    let (own, governance) = (total(&agreement.areas), total(&agreement.governance));
    let (own_expected, second_expected) = block_weights(agreement.fiscal_year);
    // About the table as a whole: the document's path.
    let mut push = |severity, bn_text: String, en_text: String| findings.push(finding(severity, String::new(), Message::new(bn_text, en_text)));
    if (own + governance - 100.0).abs() > EPSILON {
        push(
            Severity::Error,
            format!("সব ক্ষেত্রের মানের যোগফল {}, ১০০ হওয়ার কথা।", bn(own + governance)),
            format!("All area weights add up to {}; they should add up to 100.", en(own + governance)),
        );
    } else if !agreement.governance.is_empty() && (own - own_expected).abs() > EPSILON {
        // A warning: some offices agree another split, and the total is right.
        let (expected_bn, expected_en) =
            (format!("{} ও {}", bn(own_expected), bn(second_expected)), format!("{} and {}", en(own_expected), en(second_expected)));
        let year = agreement.fiscal_year;
        push(
            Severity::Warning,
            format!("নিজস্ব ক্ষেত্রগুলোর মান {} ও দ্বিতীয় অংশের {}; {}-এর চুক্তিতে সাধারণত {expected_bn} হয়।", bn(own), bn(governance), year.label(Lang::Bn)),
            format!(
                "The office's own areas weigh {} and the second block {}; agreements of {} usually have {expected_en}.",
                en(own),
                en(governance),
                year.label(Lang::En)
            ),
        );
    }
}

fn check_serials(block: Block, areas: &[Area], findings: &mut Vec<Finding>) {
    let mut seen = std::collections::HashSet::new();
    let mut check = |serial: &str, row: String, parent: &str, expected_last: usize, findings: &mut Vec<Finding>| {
        let path = cell(&row, Column::Serial);
        if !seen.insert(block.key(serial)) {
            findings.push(finding(
                Severity::Error,
                path,
                Message::new(format!("ক্রমিক [{}] একাধিকবার আছে।", to_bangla_digits(serial)), format!("The serial [{serial}] appears more than once.")),
            ));
            return;
        }
        let (prefix, last) = serial.rsplit_once('.').unwrap_or(("", serial));
        if prefix != parent {
            findings.push(finding(
                Severity::Error,
                path,
                Message::new(
                    format!("ক্রমিক [{}] তার ওপরের সারির [{}]-এর অধীনে পড়ে না।", to_bangla_digits(serial), to_bangla_digits(parent)),
                    format!("The serial [{serial}] does not belong under [{parent}], the row above it."),
                ),
            ));
        } else if last.parse::<usize>().ok() != Some(expected_last) {
            let expected = if parent.is_empty() { expected_last.to_string() } else { format!("{parent}.{expected_last}") };
            findings.push(finding(
                Severity::Warning,
                path,
                Message::new(
                    format!("ক্রমিক [{}] এখানে [{}] হওয়ার কথা (কোনো ক্রমিক বাদ পড়েছে বা ক্রম ভেঙেছে)।", to_bangla_digits(serial), to_bangla_digits(&expected)),
                    format!("The serial [{serial}] should be [{expected}] here (one is skipped or out of order)."),
                ),
            ));
        }
    };
    for (a, area) in areas.iter().enumerate() {
        let area_path = format!("/{}/{a}", block.field());
        check(&area.serial, area_path.clone(), "", a + 1, findings);
        for (b, activity) in area.activities.iter().enumerate() {
            let activity_path = format!("{area_path}/activities/{b}");
            check(&activity.serial, activity_path.clone(), &area.serial, b + 1, findings);
            for (c, indicator) in activity.indicators.iter().enumerate() {
                check(&indicator.serial, format!("{activity_path}/indicators/{c}"), &activity.serial, c + 1, findings);
            }
        }
    }
}

fn check_indicator(block: Block, (indicator, row): (&Indicator, &str), year: FiscalYear, findings: &mut Vec<Finding>) {
    let serial = block.key(&indicator.serial);
    // The row as the year's documents name it: [১.১.১], সুশাসন [১.১.১], [এম.১.১.১].
    let (shown, shown_en) = (serial.label(year, Lang::Bn), serial.label(year, Lang::En));
    let at = |column, severity, message| finding(severity, cell(row, column), message);
    findings.extend(negative_weight(&serial, year, cell(row, Column::Weight), indicator.weight));
    if indicator.weight.is_none() {
        findings.push(at(
            Column::Weight,
            Severity::Error,
            Message::new(format!("সূচক {shown}-এর মান দেওয়া নেই।"), format!("Indicator {shown_en} has no weight.")),
        ));
    }
    // The office's own indicators are scored against their 100% target; without it nothing can be
    // scored. (Governance indicators report marks from their own action plans and have no targets.)
    if block == Block::Own && indicator.levels[0].is_none() {
        findings.push(at(
            Column::Level(0),
            Severity::Error,
            Message::new(
                format!("সূচক {shown}-এর ১০০% লক্ষ্যমাত্রা নেই; এটি ছাড়া অর্জনের নম্বর হিসাব করা যায় না।"),
                format!("Indicator {shown_en} has no 100% target; without it no achievement can be scored."),
            ),
        ));
    }
    let is_date = indicator.method == Some(Method::Date);
    let unit_is_date = indicator.unit.contains("তারিখ") || indicator.unit.eq_ignore_ascii_case("date");
    if is_date != unit_is_date && indicator.method.is_some() {
        findings.push(at(
            Column::Unit,
            Severity::Warning,
            Message::new(
                format!(
                    "সূচক {shown}: গণনা পদ্ধতি “{}” কিন্তু একক “{}” — দুটিই তারিখ, নয়তো কোনোটিই নয়।",
                    indicator.method.map_or("", |m| m.name(Lang::Bn)),
                    indicator.unit
                ),
                format!(
                    "Indicator {shown_en}: method “{}” but unit “{}” — both should be a date, or neither.",
                    indicator.method.map_or("", |m| m.name(Lang::En)),
                    indicator.unit
                ),
            ),
        ));
    }
    if indicator.method == Some(Method::Sum) && indicator.unit.trim() == "%" {
        findings.push(at(
            Column::Method,
            Severity::Warning,
            Message::new(
                format!("সূচক {shown}: শতাংশ যোগ করা যায় না; গণনা পদ্ধতি গড় বা ক্রমপুঞ্জিভূত হওয়ার কথা।"),
                format!("Indicator {shown_en}: percentages do not add up; the method should be average or cumulative."),
            ),
        ));
    }
    // Every value of the right kind.
    let cells = indicator
        .prior_actuals
        .iter()
        .enumerate()
        .map(|(k, v)| (Column::PriorActual(k), v))
        .chain(indicator.levels.iter().enumerate().map(|(k, v)| (Column::Level(k), v)))
        .chain(indicator.projections.iter().enumerate().map(|(k, v)| (Column::Projection(k), v)));
    for (column, value) in cells {
        let wrong_kind = match value {
            Some(Value::Number(_)) => is_date,
            Some(Value::Date(_)) => !is_date && indicator.method.is_some(),
            None => false,
        };
        if wrong_kind {
            let (bn_kind, en_kind) = if is_date { ("তারিখ", "a date") } else { ("সংখ্যা", "a number") };
            findings.push(at(
                column,
                Severity::Error,
                Message::new(format!("সূচক {shown}-এর এই ঘরে {bn_kind} হওয়ার কথা।"), format!("Indicator {shown_en}: this cell should be {en_kind}.")),
            ));
        }
        // Dates belong to the year of their column.
        if let Some(Value::Date(date)) = value {
            let column_year = match column {
                Column::PriorActual(k) => FiscalYear::starting(year.start_year() - 2 + k as i32),
                Column::Level(_) => Some(year),
                Column::Projection(k) => FiscalYear::starting(year.start_year() + 1 + k as i32),
                _ => None,
            };
            if let Some(column_year) = column_year.filter(|y| !y.contains(*date)) {
                let severity = if matches!(column, Column::Level(_)) { Severity::Error } else { Severity::Warning };
                findings.push(at(
                    column,
                    severity,
                    Message::new(
                        format!("সূচক {shown}: তারিখ {} অর্থবছর {}-এর বাইরে।", crate::locale::format_gregorian(*date, Lang::Bn), column_year.label(Lang::Bn)),
                        format!("Indicator {shown_en}: the date {} lies outside fiscal year {column_year}.", crate::locale::format_gregorian(*date, Lang::En)),
                    ),
                ));
            }
        }
    }
    check_levels(row, (&shown, &shown_en), indicator, findings);
}

/// Whether filled levels are in order: falling from 100% to 60% when higher is better, rising when
/// lower is better or a date (a later date is a worse one).
fn levels_in_order(levels: &[Option<f64>; 5], rising: bool) -> Option<(usize, bool)> {
    let filled: Vec<(usize, f64)> = levels.iter().enumerate().filter_map(|(k, v)| v.map(|x| (k, x))).collect();
    for pair in filled.windows(2) {
        let ((_, a), (k, b)) = (pair[0], pair[1]);
        let wrong = if rising { b < a } else { b > a };
        if wrong {
            return Some((k, false));
        }
        if (a - b).abs() < EPSILON {
            return Some((k, true));
        }
    }
    None
}

fn check_levels(row: &str, (shown, shown_en): (&str, &str), indicator: &Indicator, findings: &mut Vec<Finding>) {
    // Targets that rise from 100% to 60% are a lower-is-better indicator's (days to deliver a
    // service), not a mistake: only a row that goes both ways is out of order, and it is read the way
    // most of its steps go, so that the finding lands on the odd cell.
    let keys = indicator.levels.map(|v| v.map(Value::order_key));
    let (ups, downs) = super::model::level_steps(&indicator.levels);
    let rising = indicator.lower_is_better() || ups > downs;
    let Some((k, equal)) = levels_in_order(&keys, rising) else { return };
    if equal {
        findings.push(finding(
            Severity::Warning,
            cell(row, Column::Level(k)),
            Message::new(
                format!("সূচক {shown}: {} ও তার আগের স্তরের লক্ষ্যমাত্রা সমান; কোন স্তর অর্জিত হলো তা অস্পষ্ট থাকে।", level_label(k, Lang::Bn)),
                format!("Indicator {shown_en}: the {} target equals the level before it, so which level was reached is ambiguous.", level_label(k, Lang::En)),
            ),
        ));
        return;
    }
    let (bn_order, en_order) = if rising { ("বাড়তে", "rise") } else { ("কমতে", "fall") };
    let mut f = finding(
        Severity::Error,
        cell(row, Column::Level(k)),
        Message::new(
            format!("সূচক {shown}: লক্ষ্যমাত্রা ১০০% থেকে ৬০%-এর দিকে {bn_order} থাকার কথা, কিন্তু {}-এ তা ভাঙে।", level_label(k, Lang::Bn)),
            format!("Indicator {shown_en}: targets should {en_order} from 100% to 60%, but the {} target breaks the order.", level_label(k, Lang::En)),
        ),
    );
    // ৪ and ৮: which single number cell, read with the other digit, puts the row in order?
    'cells: for (j, value) in indicator.levels.iter().enumerate() {
        let Some(Value::Number(x)) = value else { continue };
        for other in look_alikes(*x) {
            let mut trial = keys;
            trial[j] = Some(other);
            if levels_in_order(&trial, rising).is_none() {
                f.suggestion = Some(Suggestion { path: cell(row, Column::Level(j)), from: bn(*x), to: bn(other) });
                f.message.bn.push_str(&format!(" {}-এর {} না হয়ে {} হলে ক্রম ঠিক থাকে (৪ ও ৮ দেখতে একই রকম)।", level_label(j, Lang::Bn), bn(*x), bn(other)));
                f.message.en.push_str(&format!(
                    " If the {} target were {} instead of {}, the order would hold (৪ and ৮ look alike).",
                    level_label(j, Lang::En),
                    en(other),
                    en(*x)
                ));
                break 'cells;
            }
        }
    }
    findings.push(f);
}

/// The JSON Pointer of one cell: an area's or indicator's `key` (`"1"`, `"2.1.1"`, `"g1.3.1"`) and the
/// column (`None` for the row itself). Unknown keys point at the document (`""`).
pub fn cell_pointer(agreement: &Agreement, key: &RowKey, column: Option<Column>) -> String {
    let serial = key.serial();
    let areas = agreement.areas_of(key.block());
    let block = key.block().field();
    let field = |column: Option<Column>| column.map(Column::path).unwrap_or_default();
    for (a, area) in areas.iter().enumerate() {
        let base = [block.to_owned(), a.to_string()];
        if area.serial == serial {
            return crate::contract::json_pointer(base.into_iter().chain(field(column)));
        }
        for (b, activity) in area.activities.iter().enumerate() {
            let base = [base[0].clone(), base[1].clone(), "activities".into(), b.to_string()];
            if activity.serial == serial {
                return crate::contract::json_pointer(base.into_iter().chain(field(column)));
            }
            if let Some(c) = activity.indicators.iter().position(|i| i.serial == serial) {
                let path = base.into_iter().chain(["indicators".into(), c.to_string()]).chain(field(column));
                return crate::contract::json_pointer(path);
            }
        }
    }
    String::new()
}

/// Every row's JSON Pointer, found in one walk: what [`cell_pointer`] gives, without walking the
/// agreement once per row (at 10,000 rows the editor's render spent seconds there).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RowPointers(std::collections::BTreeMap<RowKey, String>);

impl RowPointers {
    pub fn new(agreement: &Agreement) -> RowPointers {
        let mut rows = std::collections::BTreeMap::new();
        for (block, areas) in agreement.blocks() {
            let field = block.field();
            for (a, area) in areas.iter().enumerate() {
                // The first row with a key wins, as in `cell_pointer`'s walk.
                rows.entry(block.key(&area.serial)).or_insert_with(|| format!("/{field}/{a}"));
                for (b, activity) in area.activities.iter().enumerate() {
                    rows.entry(block.key(&activity.serial)).or_insert_with(|| format!("/{field}/{a}/activities/{b}"));
                    for (c, indicator) in activity.indicators.iter().enumerate() {
                        rows.entry(block.key(&indicator.serial)).or_insert_with(|| format!("/{field}/{a}/activities/{b}/indicators/{c}"));
                    }
                }
            }
        }
        RowPointers(rows)
    }

    /// [`cell_pointer`]`(agreement, key, column)`: empty for a key the agreement has no row for.
    pub fn cell(&self, key: &RowKey, column: Option<Column>) -> String {
        match self.0.get(key) {
            Some(row) => format!("{row}{}", crate::contract::json_pointer(column.map(Column::path).unwrap_or_default())),
            None => String::new(),
        }
    }
}

/// The cell a JSON Pointer into the agreement names, as the key of its row and its column (`None` for
/// the row itself, or a field no column shows): the reverse of [`cell_pointer`], so that a host's 422
/// lands on the cell the editor shows.
pub fn cell_at_pointer(agreement: &Agreement, pointer: &str) -> Option<(RowKey, Option<Column>)> {
    let parts: Vec<&str> = pointer.strip_prefix('/')?.split('/').collect();
    let block = Block::of_field(parts.first()?)?;
    let areas = agreement.areas_of(block);
    let area = areas.get(parts.get(1)?.parse::<usize>().ok()?)?;
    match parts.get(2..).unwrap_or_default() {
        [] => Some((block.key(&area.serial), None)),
        ["weight"] => Some((block.key(&area.serial), Some(Column::AreaWeight))),
        ["serial"] => Some((block.key(&area.serial), Some(Column::Serial))),
        ["activities", b, "indicators", c, rest @ ..] => {
            let indicator = area.activities.get(b.parse::<usize>().ok()?)?.indicators.get(c.parse::<usize>().ok()?)?;
            Some((block.key(&indicator.serial), Column::of_indicator_path(&rest.join("/"))))
        }
        // An activity's row: its serial, or the row itself.
        ["activities", b, rest @ ..] => {
            let activity = area.activities.get(b.parse::<usize>().ok()?)?;
            Some((block.key(&activity.serial), (rest == ["serial"]).then_some(Column::Serial)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests;
