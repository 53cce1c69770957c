//! What office staff type into the report form, kept exactly as typed (so that a half-written `১২,`
//! survives a reload), and how it becomes a [`Report`] with a finding on every cell that cannot.
//!
//! The form, the localStorage draft and the submitted report all go through [`ReportDraft::read`], so
//! what the widget marks, what it saves and what it sends can never disagree.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::contract::json_pointer;
use crate::locale::Lang;

use super::block::RowKey;
use super::cell::{CellKind, read_cell};
use super::model::Agreement;
use super::report::{Report, ReportedValues, quarters_covered};
use super::report_check::check_report;
use crate::finding::{Finding, Severity};

/// The texts typed for one indicator: a value per quarter and the evidence link.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryText {
    pub quarters: [String; 4],
    pub evidence: String,
}

impl EntryText {
    /// The values these texts make for indicator `key`, whose values are of `kind`; a text that
    /// cannot be read is left out (never guessed) and said in `unreadable`, at its field.
    pub fn read(&self, key: &RowKey, kind: CellKind, unreadable: &mut Vec<Finding>) -> ReportedValues {
        let mut values = ReportedValues::default();
        for (q, text) in self.quarters.iter().enumerate() {
            match read_cell(text, kind) {
                Ok(value) => values.quarters[q] = value,
                Err(message) => unreadable.push(Finding::new(EntryField::Quarter(q).pointer(key), Severity::Error, message)),
            }
        }
        let evidence = self.evidence.trim();
        values.evidence = (!evidence.is_empty()).then(|| evidence.to_owned());
        values
    }
}

/// One field of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryField {
    Quarter(usize),
    Evidence,
}

impl EntryField {
    /// The field's JSON Pointer in the report, which is also how the host's 422 names it.
    pub fn pointer(self, key: &RowKey) -> String {
        match self {
            EntryField::Quarter(q) => json_pointer(["values", key.as_str(), "quarters", &q.to_string()]),
            EntryField::Evidence => json_pointer(["values", key.as_str(), "evidence"]),
        }
    }

    /// The indicator key and field a report pointer names (`/values/1.1.1/quarters/0`), if it names one.
    pub fn from_pointer(path: &str) -> Option<(RowKey, EntryField)> {
        let mut parts = path.strip_prefix("/values/")?.split('/');
        let key = parts.next()?.replace("~1", "/").replace("~0", "~");
        let field = match (parts.next(), parts.next(), parts.next()) {
            (Some("quarters"), Some(q), None) => EntryField::Quarter(q.parse().ok().filter(|q| *q < 4)?),
            (Some("evidence"), None, None) => EntryField::Evidence,
            _ => return None,
        };
        Some((RowKey::from(key), field))
    }
}

/// A report as typed: per indicator key (`"1.1.1"`, governance `"g1.1.1"`), the texts of its fields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportDraft {
    pub office: String,
    pub fiscal_year: crate::locale::FiscalYear,
    /// `Q1`…`Q4` or `annual`: the last period the report covers.
    pub period: String,
    pub entries: BTreeMap<RowKey, EntryText>,
}

/// A draft read: the report it makes, and a finding for every cell that is wrong — unreadable text
/// first, then the checks of [`check_report`] on what could be read.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftReading {
    pub report: Report,
    pub findings: Vec<Finding>,
}

impl DraftReading {
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}

impl ReportDraft {
    /// An empty draft for `period` of `agreement`'s year.
    pub fn new(agreement: &Agreement, period: &str) -> ReportDraft {
        ReportDraft { office: agreement.office.clone(), fiscal_year: agreement.fiscal_year, period: period.to_owned(), entries: BTreeMap::new() }
    }

    /// A draft that starts from a report already given (the last one submitted), written the way a
    /// reader of `lang` types. Quarters after `period` are left out: they cannot be reported yet.
    pub fn from_report(agreement: &Agreement, report: &Report, period: &str, lang: Lang) -> ReportDraft {
        let mut draft = ReportDraft::new(agreement, period);
        let covered = quarters_covered(period);
        for (key, values) in &report.values {
            let mut entry = EntryText { evidence: values.evidence.clone().unwrap_or_default(), ..EntryText::default() };
            for (q, value) in values.quarters.iter().enumerate().take(covered) {
                entry.quarters[q] = value.map(|v| v.format(lang)).unwrap_or_default();
            }
            draft.entries.insert(key.clone(), entry);
        }
        draft
    }

    /// Sets one field's text, as typed.
    pub fn set(&mut self, key: &RowKey, field: EntryField, text: String) {
        let entry = self.entries.entry(key.to_owned()).or_default();
        match field {
            EntryField::Quarter(q) => {
                if let Some(slot) = entry.quarters.get_mut(q) {
                    *slot = text;
                }
            }
            EntryField::Evidence => entry.evidence = text,
        }
    }

    /// The report this draft makes against `agreement`, and everything wrong with it. A cell that
    /// cannot be read is left out of the report (and scored as not yet reported), never guessed.
    pub fn read(&self, agreement: &Agreement) -> DraftReading {
        let kinds: BTreeMap<RowKey, CellKind> = agreement.keyed_indicators().map(|(key, _, i)| (key, CellKind::of_values(i.method, &i.unit))).collect();
        let mut report = Report::new(&self.office, self.fiscal_year, &self.period);
        let mut unreadable = Vec::new();
        for (key, entry) in &self.entries {
            let kind = kinds.get(key).copied().unwrap_or(CellKind::Number);
            let values = entry.read(key, kind, &mut unreadable);
            if values != ReportedValues::default() {
                report.values.insert(key.clone(), values);
            }
        }
        let mut findings = unreadable;
        findings.extend(check_report(agreement, &report));
        DraftReading { report, findings }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::apa::Value;
    use crate::locale::FiscalYear;

    fn agreement() -> Agreement {
        serde_json::from_str(include_str!("../../../../tests/fixtures/apa-ict-sylhet-2024-25.json")).unwrap()
    }

    #[test]
    fn a_draft_reads_into_a_report_with_each_problem_at_its_cell() {
        let agreement = agreement();
        let mut draft = ReportDraft::new(&agreement, "Q2");
        draft.set(&"1.1.1".into(), EntryField::Quarter(0), "২০".into());
        draft.set(&"1.1.1".into(), EntryField::Quarter(1), "১৫".into());
        draft.set(&"1.1.1".into(), EntryField::Evidence, " https://sylhet.gov.bd/apa ".into());
        draft.set(&"1.2.1".into(), EntryField::Quarter(0), "১২অ".into());
        draft.set(&"1.2.1".into(), EntryField::Quarter(2), "5".into());
        draft.set(&"2.1.1".into(), EntryField::Quarter(1), "১২/১২/২০২৪".into());
        draft.set(&"1.3.1".into(), EntryField::Quarter(0), "".into());
        let reading = draft.read(&agreement);
        let n = |x| Some(Value::Number(x));
        assert_eq!(reading.report.values["1.1.1"].quarters, [n(20.0), n(15.0), None, None]);
        assert_eq!(reading.report.values["1.1.1"].evidence.as_deref(), Some("https://sylhet.gov.bd/apa"));
        assert_eq!(reading.report.values["2.1.1"].quarters[1], chrono::NaiveDate::from_ymd_opt(2024, 12, 12).map(Value::Date));
        assert!(!reading.report.values.contains_key("1.3.1"), "a blank entry reports nothing");
        let paths: Vec<&str> = reading.findings.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["/values/1.2.1/quarters/0", "/values/1.2.1/quarters/2"]);
        assert!(reading.findings[1].message.en.contains("runs to Q2"), "{}", reading.findings[1].message.en);
        assert!(reading.has_errors());
    }

    #[test]
    fn a_draft_from_the_last_report_round_trips_in_both_languages() {
        let agreement = agreement();
        let report: Report = serde_json::from_str(include_str!("../../../../tests/fixtures/apa-ict-sylhet-2024-25-report-q2.json")).unwrap();
        for lang in [Lang::Bn, Lang::En] {
            let draft = ReportDraft::from_report(&agreement, &report, "Q2", lang);
            let reading = draft.read(&agreement);
            assert_eq!(reading.findings, []);
            assert_eq!(reading.report, report);
        }
        let q1 = ReportDraft::from_report(&agreement, &report, "Q1", Lang::Bn);
        assert!(q1.entries.values().all(|e| e.quarters[1].is_empty()), "Q2 values are not part of a Q1 report");
        assert_eq!(q1.fiscal_year, FiscalYear::parse("2024-25").unwrap());
    }

    #[test]
    fn pointers_name_fields_both_ways() {
        for field in [EntryField::Quarter(0), EntryField::Quarter(3), EntryField::Evidence] {
            assert_eq!(EntryField::from_pointer(&field.pointer(&"g1.3.1".into())), Some(("g1.3.1".into(), field)));
        }
        assert_eq!(EntryField::from_pointer("/values/1.1.1/quarters/4"), None);
        assert_eq!(EntryField::from_pointer("/values/1.1.1"), None);
        assert_eq!(EntryField::from_pointer("/period"), None);
    }

    #[test]
    fn periods_cover_their_quarters() {
        assert_eq!([quarters_covered("Q1"), quarters_covered("q3"), quarters_covered("annual"), quarters_covered("??")], [1, 3, 4, 4]);
    }

    #[test]
    fn drafts_survive_json() {
        let agreement = agreement();
        let mut draft = ReportDraft::new(&agreement, "Q1");
        draft.set(&"g1.1.1".into(), EntryField::Quarter(0), "৪.".into());
        let json = serde_json::to_string(&draft).unwrap();
        assert_eq!(serde_json::from_str::<ReportDraft>(&json).unwrap(), draft);
        assert_eq!(draft.entries["g1.1.1"].quarters[0], "৪.");
        assert!(!draft.entries.contains_key("9.9.9"));
    }
}
