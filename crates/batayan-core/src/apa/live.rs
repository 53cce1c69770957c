//! The report form's live state: every row read, checked and scored once when the form opens, then
//! only the rows whose text changed — so one keystroke at 1,000 indicators costs one row and a few
//! sums, not a thousand.
//!
//! **Invariant:** a [`LiveReport`] synced to a draft says exactly what [`ReportDraft::read`],
//! [`check_report`](super::check_report) and [`scorecard`](super::scorecard) say about that draft
//! (the tests hold it to them); it only avoids redoing rows that did not change. Rows are shared
//! (`Rc`) so that a view can tell an unchanged row by its address.

use std::collections::HashMap;
use std::rc::Rc;

use super::block::{Block, RowKey};
use super::cell::CellKind;
use super::entry::{EntryText, ReportDraft};
use super::model::{Agreement, Indicator};
use super::report::{AreaScore, IndicatorScore, Report, ReportedValues, score_indicator};
use super::report_check::{check_report, check_values};
use super::score::Mode;
use crate::finding::{Finding, Severity};

/// One indicator as the form shows it: the texts typed, what they read as, what is wrong, the score.
#[derive(Clone, Debug, PartialEq)]
pub struct LiveRow {
    /// `"1.1.1"`, governance `"g1.1.1"`.
    pub key: RowKey,
    pub indicator: Indicator,
    pub governance: bool,
    pub entry: EntryText,
    pub values: ReportedValues,
    /// Unreadable text first, then the checks of what could be read.
    pub findings: Vec<Finding>,
    pub score: IndicatorScore,
}

/// The whole form, kept up to date row by row. See the module's invariant.
#[derive(Clone, Debug, PartialEq)]
pub struct LiveReport {
    office: String,
    fiscal_year: crate::locale::FiscalYear,
    period: String,
    mode: Mode,
    rows: Vec<Rc<LiveRow>>,
    /// The rows of each area, in the order of `areas`.
    area_rows: Vec<std::ops::Range<usize>>,
    by_key: HashMap<RowKey, usize>,
    areas: Vec<AreaScore>,
    /// Findings about no row: the period, and entries for indicators the agreement does not have.
    other_findings: Vec<Finding>,
    /// The values of those entries: submitted as typed, so that the host refuses them as the form does.
    orphans: std::collections::BTreeMap<RowKey, ReportedValues>,
}

impl LiveReport {
    /// Reads, checks and scores every row of `draft` against `agreement`.
    pub fn new(agreement: &Agreement, draft: &ReportDraft, mode: Mode) -> LiveReport {
        let mut live = LiveReport {
            office: draft.office.clone(),
            fiscal_year: draft.fiscal_year,
            period: draft.period.clone(),
            mode,
            rows: Vec::new(),
            area_rows: Vec::new(),
            by_key: HashMap::new(),
            areas: Vec::new(),
            other_findings: Vec::new(),
            orphans: Default::default(),
        };
        for (block, areas) in agreement.blocks() {
            let governance = block == Block::Governance;
            for area in areas {
                let first = live.rows.len();
                live.areas.push(AreaScore { key: block.key(&area.serial), name: area.name.clone(), weight: area.weight.unwrap_or(0.0), score: 0.0 });
                for indicator in area.activities.iter().flat_map(|a| &a.indicators) {
                    let key = block.key(&indicator.serial);
                    let entry = draft.entries.get(&key).cloned().unwrap_or_default();
                    let row = live.read_row(agreement, key.clone(), indicator.clone(), governance, entry);
                    live.by_key.insert(key, live.rows.len());
                    live.rows.push(Rc::new(row));
                }
                live.area_rows.push(first..live.rows.len());
            }
        }
        // The period and entries the agreement has no row for: what the whole-report check says
        // about no row. They do not change as rows are typed into.
        let mut orphans = Report::new(&draft.office, draft.fiscal_year, &draft.period);
        let mut unreadable = Vec::new();
        for (key, entry) in draft.entries.iter().filter(|(k, _)| !live.by_key.contains_key(*k)) {
            let values = entry.read(key, CellKind::Number, &mut unreadable);
            if values != ReportedValues::default() {
                orphans.values.insert(key.clone(), values);
            }
        }
        unreadable.extend(check_report(agreement, &orphans));
        live.other_findings = unreadable;
        live.orphans = orphans.values;
        live.sum_areas();
        live
    }

    fn read_row(&self, agreement: &Agreement, key: RowKey, indicator: Indicator, governance: bool, entry: EntryText) -> LiveRow {
        let mut findings = Vec::new();
        let values = entry.read(&key, CellKind::of_values(indicator.method, &indicator.unit), &mut findings);
        findings.extend(check_values(agreement, &self.period, &key, &indicator, governance, &values));
        let score = score_indicator(key.clone(), &indicator, &values.quarters, self.mode, governance);
        LiveRow { key, indicator, governance, entry, values, findings, score }
    }

    fn sum_areas(&mut self) {
        for (area, range) in self.areas.iter_mut().zip(&self.area_rows) {
            area.score = self.rows[range.clone()].iter().map(|r| r.score.weighted).sum();
        }
    }

    /// Brings the state up to `draft`: rows whose text differs are read, checked and scored again;
    /// the others keep their `Rc` (a view skips them by address). A draft of another period, office
    /// or year starts over. Returns the keys of the rows that changed (every key when starting over).
    pub fn sync(&mut self, agreement: &Agreement, draft: &ReportDraft) -> Vec<RowKey> {
        if draft.period != self.period || draft.office != self.office || draft.fiscal_year != self.fiscal_year {
            *self = LiveReport::new(agreement, draft, self.mode);
            return self.rows.iter().map(|r| r.key.clone()).collect();
        }
        let empty = EntryText::default();
        let mut changed = Vec::new();
        for i in 0..self.rows.len() {
            let entry = draft.entries.get(&self.rows[i].key).unwrap_or(&empty);
            if *entry != self.rows[i].entry {
                let old = &self.rows[i];
                let row = self.read_row(agreement, old.key.clone(), old.indicator.clone(), old.governance, entry.clone());
                changed.push(row.key.clone());
                self.rows[i] = Rc::new(row);
            }
        }
        if !changed.is_empty() {
            // A few thousand additions: cheaper than tracking deltas, and never drifts.
            self.sum_areas();
        }
        changed
    }

    /// Every row, in table order.
    pub fn rows(&self) -> &[Rc<LiveRow>] {
        &self.rows
    }

    /// The row of indicator `key`.
    pub fn row(&self, key: &RowKey) -> Option<&Rc<LiveRow>> {
        self.by_key.get(key).map(|&i| &self.rows[i])
    }

    /// Each area's score, own areas first, then governance (as [`Scorecard::areas`](super::Scorecard)).
    pub fn areas(&self) -> &[AreaScore] {
        &self.areas
    }

    /// The rows of the `i`th of [`areas`](Self::areas), in table order.
    pub fn area_rows(&self, i: usize) -> &[Rc<LiveRow>] {
        self.area_rows.get(i).map_or(&[], |range| &self.rows[range.clone()])
    }

    /// The total out of 100.
    pub fn total(&self) -> f64 {
        self.areas.iter().map(|a| a.score).sum()
    }

    /// Every finding: about no row first, then each row's in table order.
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.other_findings.iter().chain(self.rows.iter().flat_map(|r| r.findings.iter()))
    }

    pub fn has_errors(&self) -> bool {
        self.findings().any(|f| f.severity == Severity::Error)
    }

    /// The report to submit: every row with something in it.
    pub fn report(&self) -> Report {
        let mut report = Report::new(&self.office, self.fiscal_year, &self.period);
        report.values = self.orphans.clone();
        for row in &self.rows {
            if row.values != ReportedValues::default() {
                report.values.insert(row.key.clone(), row.values.clone());
            }
        }
        report
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::apa::{EntryField, scorecard};

    fn sylhet() -> Agreement {
        serde_json::from_str(include_str!("../../../../tests/fixtures/apa-ict-sylhet-2024-25.json")).expect("the fixture agreement")
    }

    /// What the whole-report functions say, in a form comparable with the live state's.
    fn expected(agreement: &Agreement, draft: &ReportDraft) -> (Vec<(String, String)>, Vec<f64>, Report) {
        let reading = draft.read(agreement);
        let card = scorecard(agreement, &reading.report, Mode::Interpolated);
        let mut findings: Vec<(String, String)> = reading.findings.iter().map(|f| (f.path.clone(), f.message.en.clone())).collect();
        findings.sort();
        let mut weighted: Vec<f64> = card.areas.iter().map(|a| a.score).collect();
        weighted.push(card.total);
        (findings, weighted, reading.report)
    }

    fn actual(live: &LiveReport) -> (Vec<(String, String)>, Vec<f64>, Report) {
        let mut findings: Vec<(String, String)> = live.findings().map(|f| (f.path.clone(), f.message.en.clone())).collect();
        findings.sort();
        let mut weighted: Vec<f64> = live.areas().iter().map(|a| a.score).collect();
        weighted.push(live.total());
        (findings, weighted, live.report())
    }

    #[test]
    fn typing_row_by_row_gives_what_reading_the_whole_draft_gives() {
        let agreement = sylhet();
        let mut draft = ReportDraft::new(&agreement, "Q2");
        draft.entries.insert("9.9.9".into(), EntryText { quarters: ["5".into(), String::new(), String::new(), String::new()], evidence: String::new() });
        let mut live = LiveReport::new(&agreement, &draft, Mode::Interpolated);
        assert_eq!(actual(&live), expected(&agreement, &draft));
        let edits = [
            ("1.1.1", EntryField::Quarter(0), "২০"),
            ("1.1.1", EntryField::Quarter(1), "১৮"),
            ("1.2.1", EntryField::Quarter(1), "৮৫ক"), // unreadable
            ("2.1.1", EntryField::Quarter(0), "১২/১২/২০২৪"),
            ("1.1.1", EntryField::Quarter(2), "3"), // a quarter the report does not cover
            ("g1.1.1", EntryField::Quarter(0), "4"),
            ("1.1.1", EntryField::Evidence, "not a link"),
            ("1.2.1", EntryField::Quarter(1), "85"),
        ];
        for (key, field, text) in edits {
            let before: Vec<Rc<LiveRow>> = live.rows().to_vec();
            let key = RowKey::from(key);
            draft.set(&key, field, text.to_owned());
            assert_eq!(live.sync(&agreement, &draft), std::slice::from_ref(&key));
            assert_eq!(actual(&live), expected(&agreement, &draft), "after typing {text:?} into {key}");
            // Only the row typed into is new; every other row is the same allocation.
            let renewed: Vec<&str> = live.rows().iter().zip(&before).filter(|(a, b)| !Rc::ptr_eq(a, b)).map(|(a, _)| a.key.as_str()).collect();
            assert_eq!(renewed, [key.as_str()]);
        }
        assert!(live.sync(&agreement, &draft).is_empty(), "nothing typed, nothing changed");
        assert!(live.has_errors());
        assert_eq!(live.row(&"1.1.1".into()).map(|r| r.entry.quarters[1].as_str()), Some("১৮"));
        let first_area: Vec<&str> = live.area_rows(0).iter().map(|r| r.key.as_str()).collect();
        assert_eq!(first_area, ["1.1.1", "1.2.1", "1.3.1", "1.4.1", "1.5.1", "1.6.1"]);
        assert!(live.area_rows(99).is_empty());
    }

    #[test]
    fn another_period_starts_over() {
        let agreement = sylhet();
        let mut draft = ReportDraft::new(&agreement, "Q1");
        draft.set(&"1.1.1".into(), EntryField::Quarter(1), "18".into());
        let mut live = LiveReport::new(&agreement, &draft, Mode::Interpolated);
        assert!(live.has_errors(), "Q2's value in a Q1 report");
        draft.period = "Q2".into();
        assert_eq!(live.sync(&agreement, &draft).len(), live.rows().len());
        assert_eq!(actual(&live), expected(&agreement, &draft));
        assert!(!live.has_errors());
    }
}
