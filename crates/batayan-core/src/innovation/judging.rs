//! Judging, by a rule the host publishes: a rubric of weighted criteria, one sheet per judge per entry,
//! a judge may abstain (a conflict of interest) and an abstention never lowers an entry.
//!
//! - A sheet's score is Σ weight × mark / max over the criteria, scaled to 100 (÷ Σ weight).
//! - An entry's score is the mean (or, if the host says so, the median) of the scores of the judges who
//!   scored it; an incomplete sheet (a criterion without a mark, a mark outside 0…max) is a finding and is
//!   left out, never counted as zero.
//! - Ties: scores equal to the two decimals shown share a rank (1, 2, 2, 4), unless the rubric names a
//!   tie-break criterion: then the entry with the higher aggregate mark on it (as a percentage of its
//!   maximum) comes first, and only entries equal on both share.
//! - Ranks are per level and category; 1st–3rd are marked.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::finding::{Finding, Severity};
use crate::locale::{Lang, Message, format_fixed};

use super::entry::{Category, Level};
use super::sheets_csv::EntryRow;

/// The host's rubric.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct Rubric {
    pub criteria: Vec<Criterion>,
    #[serde(default)]
    pub aggregate: Aggregate,
    /// A criterion's key that breaks ties; none: equal scores share a rank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tie_break: Option<String>,
}

/// One criterion: its key (as sheets name it), weight and the highest mark.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct Criterion {
    pub key: String,
    #[serde(default)]
    pub name: String,
    pub weight: f64,
    pub max: f64,
}

/// How the judges' scores of an entry become its score.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Aggregate {
    #[default]
    Mean,
    Median,
}

/// One judge's sheet for one entry: a mark per criterion, or an abstention with its reason.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct Sheet {
    pub entry: String,
    pub judge: String,
    #[serde(default)]
    pub marks: BTreeMap<String, f64>,
    /// Why the judge did not score it (a conflict of interest); the marks are then ignored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abstain: Option<String>,
}

/// A sheet's score out of 100; `Ok(None)` for an abstention; the problems of an incomplete sheet, at
/// `/marks/<criterion>` (the caller puts them where the sheet is).
pub fn sheet_score(rubric: &Rubric, sheet: &Sheet) -> Result<Option<f64>, Vec<Finding>> {
    if sheet.abstain.is_some() {
        return Ok(None);
    }
    let mut problems = Vec::new();
    let mut sum = 0.0;
    for c in &rubric.criteria {
        let path = crate::contract::json_pointer(["marks", c.key.as_str()]);
        match sheet.marks.get(&c.key) {
            None => problems.push(Finding::new(
                path,
                Severity::Error,
                Message::new(
                    format!("বিচারক {}: এন্ট্রি {}-এর “{}”-এ নম্বর নেই; শিটটি গোনা হয়নি।", sheet.judge, sheet.entry, c.key),
                    format!("Judge {}: no mark for “{}” on entry {}; the sheet is left out.", sheet.judge, c.key, sheet.entry),
                ),
            )),
            Some(&mark) if !(0.0..=c.max).contains(&mark) => problems.push(Finding::new(
                path,
                Severity::Error,
                Message::new(
                    format!(
                        "বিচারক {}: “{}”-এ {} নম্বর; ০ থেকে {} হতে হবে। শিটটি গোনা হয়নি।",
                        sheet.judge,
                        c.key,
                        format_fixed(mark, 2, Lang::Bn),
                        format_fixed(c.max, 0, Lang::Bn)
                    ),
                    format!(
                        "Judge {}: {} for “{}”; it must be 0 to {}. The sheet is left out.",
                        sheet.judge,
                        format_fixed(mark, 2, Lang::En),
                        c.key,
                        format_fixed(c.max, 0, Lang::En)
                    ),
                ),
            )),
            Some(&mark) => sum += c.weight * mark / c.max,
        }
    }
    for key in sheet.marks.keys().filter(|k| !rubric.criteria.iter().any(|c| &c.key == *k)) {
        problems.push(Finding::new(
            crate::contract::json_pointer(["marks", key.as_str()]),
            Severity::Warning,
            Message::new(
                format!("“{key}” রুব্রিকের কোনো মানদণ্ড নয়; নম্বরটি গোনা হয়নি।"),
                format!("“{key}” is not a criterion of the rubric; the mark is not counted."),
            ),
        ));
    }
    if problems.iter().any(|p| p.severity == Severity::Error) {
        return Err(problems);
    }
    let total: f64 = rubric.criteria.iter().map(|c| c.weight).sum();
    Ok(Some(if total > 0.0 { sum / total * 100.0 } else { 0.0 }))
}

/// One entry's place in its group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct Placed {
    pub entry: String,
    /// `None` when no judge scored it.
    pub score: Option<f64>,
    /// 1 for the first; shared on a tie. `None` when not scored.
    pub rank: Option<usize>,
    /// The judges whose sheets were counted.
    pub judges: usize,
    /// 1st, 2nd or 3rd.
    pub medal: Option<usize>,
}

/// The entries of one level and category, best first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct Group {
    pub level: Option<Level>,
    pub category: Option<Category>,
    pub placed: Vec<Placed>,
}

/// Every group, and what was wrong with the sheets (`/<sheet index>/marks/<criterion>`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct Ranking {
    pub groups: Vec<Group>,
    pub findings: Vec<Finding>,
}

/// A score as compared: in hundredths, as shown.
fn shown(score: f64) -> i64 {
    (score * 100.0).round() as i64
}

fn aggregate(how: Aggregate, mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    match how {
        Aggregate::Mean => Some(values.iter().sum::<f64>() / values.len() as f64),
        Aggregate::Median => {
            values.sort_by(f64::total_cmp);
            let mid = values.len() / 2;
            Some(if values.len() % 2 == 1 { values[mid] } else { (values[mid - 1] + values[mid]) / 2.0 })
        }
    }
}

/// Ranks `entries` (their level and category; when empty, every entry the sheets name, in one group)
/// by the `sheets` under `rubric`.
pub fn rank(rubric: &Rubric, entries: &[EntryRow], sheets: &[Sheet]) -> Ranking {
    let mut findings = Vec::new();
    // Per entry: the counted sheets' scores, and their tie-break marks (as % of the maximum).
    let mut counted: BTreeMap<&str, (Vec<f64>, Vec<f64>)> = BTreeMap::new();
    let tie_break = rubric.tie_break.as_deref().and_then(|key| rubric.criteria.iter().find(|c| c.key == key));
    for (i, sheet) in sheets.iter().enumerate() {
        let entry = counted.entry(sheet.entry.as_str()).or_default();
        match sheet_score(rubric, sheet) {
            Ok(Some(score)) => {
                entry.0.push(score);
                if let Some(c) = tie_break {
                    entry.1.push(sheet.marks.get(&c.key).map_or(0.0, |m| m / c.max * 100.0));
                }
            }
            Ok(None) => {}
            Err(problems) => findings.extend(problems.into_iter().map(|mut p| {
                p.path = format!("/{i}{}", p.path);
                p
            })),
        }
    }
    let rows: Vec<EntryRow> =
        if entries.is_empty() { counted.keys().map(|id| EntryRow { id: (*id).to_owned(), ..EntryRow::default() }).collect() } else { entries.to_vec() };
    // Marks for an entry the list does not have are said, not dropped in silence (a typo in an id).
    for (i, sheet) in sheets.iter().enumerate() {
        let first_of_its_entry = sheets[..i].iter().all(|s| s.entry != sheet.entry);
        if first_of_its_entry && !rows.iter().any(|r| r.id == sheet.entry) {
            findings.push(Finding::new(
                format!("/{i}/entry"),
                Severity::Warning,
                Message::new(
                    format!("এন্ট্রি “{}” তালিকায় নেই; এর নম্বর র‍্যাঙ্কিংয়ে গোনা হয়নি।", sheet.entry),
                    format!("Entry “{}” is not in the list of entries; its marks are not ranked.", sheet.entry),
                ),
            ));
        }
    }
    let mut groups: BTreeMap<(Option<Level>, Option<Category>), Vec<Placed>> = BTreeMap::new();
    let mut keys: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    for row in &rows {
        let (scores, ties) = counted.get(row.id.as_str()).cloned().unwrap_or_default();
        let score = aggregate(rubric.aggregate, scores.clone());
        if let Some(score) = score {
            let tie = aggregate(rubric.aggregate, ties).map_or(0, shown);
            keys.insert(row.id.clone(), (shown(score), tie));
        }
        groups.entry((row.level, row.category)).or_default().push(Placed { entry: row.id.clone(), score, rank: None, judges: scores.len(), medal: None });
    }
    let groups = groups
        .into_iter()
        .map(|((level, category), mut placed)| {
            placed.sort_by(|a, b| {
                let (ka, kb) = (keys.get(&a.entry), keys.get(&b.entry));
                kb.cmp(&ka).then_with(|| a.entry.cmp(&b.entry))
            });
            let scored: Vec<(i64, i64)> = placed.iter().filter_map(|p| keys.get(&p.entry).copied()).collect();
            for p in &mut placed {
                if let Some(key) = keys.get(&p.entry) {
                    // Competition ranking: one more than the entries strictly ahead.
                    let rank = 1 + scored.iter().filter(|k| *k > key).count();
                    p.rank = Some(rank);
                    p.medal = (rank <= 3).then_some(rank);
                }
            }
            Group { level, category, placed }
        })
        .collect();
    Ranking { groups, findings }
}

#[cfg(test)]
mod tests;
