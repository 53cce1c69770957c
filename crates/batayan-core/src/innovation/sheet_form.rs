//! A judge's sheet as typed (`SheetDraft`: each mark's text, an abstention and its reason), read into a
//! [`Sheet`] with a finding at each mark that does not read, and the running weighted total the judge
//! sees while marking: Σ weight × mark / max over the marks given so far, out of 100 — the same sum
//! [`sheet_score`](super::sheet_score) makes of a complete sheet.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::contract::json_pointer;
use crate::finding::{Finding, Severity};
use crate::locale::{Lang, Message, format_fixed, parse_number};

use super::judging::{Rubric, Sheet};

/// What a judge has typed on one entry's sheet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetDraft {
    /// Each criterion's mark as typed, by the criterion's key.
    #[serde(default)]
    pub marks: BTreeMap<String, String>,
    /// The judge does not score this entry (a conflict of interest).
    #[serde(default)]
    pub abstain: bool,
    #[serde(default)]
    pub reason: String,
}

/// A sheet draft read.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetRead {
    pub sheet: Sheet,
    /// Marks that do not read or lie outside 0…max, a missing mark, an abstention without its reason.
    pub findings: Vec<Finding>,
    /// The weighted total of the marks given so far, out of 100.
    pub running: f64,
    /// Criteria with a mark that reads.
    pub marked: usize,
}

impl SheetDraft {
    /// The draft of a stored sheet (to change it), its marks written in `lang`'s digits.
    pub fn from_sheet(sheet: &Sheet, lang: Lang) -> SheetDraft {
        SheetDraft {
            marks: sheet.marks.iter().map(|(k, v)| (k.clone(), format_fixed(*v, if v.fract() == 0.0 { 0 } else { 2 }, lang))).collect(),
            abstain: sheet.abstain.is_some(),
            reason: sheet.abstain.clone().unwrap_or_default(),
        }
    }

    /// Reads the draft for `entry` by `judge` against `rubric`.
    pub fn read(&self, rubric: &Rubric, entry: &str, judge: &str) -> SheetRead {
        let mut findings = Vec::new();
        let mut marks = BTreeMap::new();
        let mut sum = 0.0;
        let mut marked = 0;
        if self.abstain {
            let reason = self.reason.trim();
            if reason.is_empty() {
                findings.push(Finding::new(
                    "/abstain",
                    Severity::Error,
                    Message::new("বিরত থাকার কারণ লিখুন (যেমন স্বার্থের সংঘাত)।", "Say why you abstain (e.g. a conflict of interest)."),
                ));
            }
            let sheet = Sheet { entry: entry.to_owned(), judge: judge.to_owned(), marks, abstain: Some(reason.to_owned()) };
            return SheetRead { sheet, findings, running: 0.0, marked: 0 };
        }
        for criterion in &rubric.criteria {
            let path = json_pointer(["marks", criterion.key.as_str()]);
            let text = self.marks.get(&criterion.key).map(|t| t.trim()).unwrap_or("");
            if text.is_empty() {
                findings.push(Finding::new(path, Severity::Error, Message::new("নম্বর দিন।", "Give a mark.")));
                continue;
            }
            match parse_number(text) {
                Err(e) => findings.push(Finding::new(path, Severity::Error, e.message())),
                Ok(mark) if !(0.0..=criterion.max).contains(&mark) => {
                    let (bn, en) = (format_fixed(criterion.max, 0, Lang::Bn), format_fixed(criterion.max, 0, Lang::En));
                    findings.push(Finding::new(
                        path,
                        Severity::Error,
                        Message::new(format!("নম্বর ০ থেকে {bn}-এর মধ্যে হবে।"), format!("A mark is from 0 to {en}.")),
                    ));
                }
                Ok(mark) => {
                    marks.insert(criterion.key.clone(), mark);
                    if criterion.max > 0.0 {
                        sum += criterion.weight * mark / criterion.max;
                    }
                    marked += 1;
                }
            }
        }
        let total: f64 = rubric.criteria.iter().map(|c| c.weight).sum();
        let running = if total > 0.0 { sum / total * 100.0 } else { 0.0 };
        SheetRead { sheet: Sheet { entry: entry.to_owned(), judge: judge.to_owned(), marks, abstain: None }, findings, running, marked }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::innovation::sheet_score;

    fn rubric() -> Rubric {
        serde_json::from_str(include_str!("../../../../tests/fixtures/innovation-rubric.json")).unwrap()
    }

    fn draft(marks: &[(&str, &str)]) -> SheetDraft {
        SheetDraft { marks: marks.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect(), ..SheetDraft::default() }
    }

    #[test]
    fn the_running_total_of_a_complete_sheet_is_its_score() {
        let read = draft(&[("benefit", "৯"), ("novelty", "৭"), ("feasibility", "৮"), ("replicability", "৬.৫"), ("cost", "১০")]).read(&rubric(), "3", "judge-1");
        assert_eq!(read.findings, []);
        assert_eq!(read.marked, 5);
        let score = sheet_score(&rubric(), &read.sheet).unwrap().unwrap();
        assert!((read.running - score).abs() < 1e-9, "{} against {score}", read.running);
        // (30×.9 + 20×.7 + 20×.8 + 20×.65 + 10×1) / 100 × 100
        assert!((score - 80.0).abs() < 1e-9, "{score}");
    }

    #[test]
    fn a_partial_sheet_counts_what_is_given_and_names_what_is_missing() {
        let read = draft(&[("benefit", "১০")]).read(&rubric(), "3", "judge-1");
        assert!((read.running - 30.0).abs() < 1e-9);
        assert_eq!(read.marked, 1);
        let paths: Vec<&str> = read.findings.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["/marks/novelty", "/marks/feasibility", "/marks/replicability", "/marks/cost"]);
    }

    #[test]
    fn a_mark_that_does_not_read_or_is_out_of_range_is_an_error_at_it() {
        let read = draft(&[("benefit", "১১"), ("novelty", "৭ক"), ("feasibility", "-১")]).read(&rubric(), "3", "judge-1");
        let errors: Vec<(&str, &str)> = read.findings.iter().take(3).map(|f| (f.path.as_str(), f.message.en.as_str())).collect();
        assert_eq!(errors[0], ("/marks/benefit", "A mark is from 0 to 10."));
        assert_eq!(errors[1].0, "/marks/novelty");
        assert_eq!(errors[2], ("/marks/feasibility", "A mark is from 0 to 10."));
        assert_eq!(read.running, 0.0);
    }

    #[test]
    fn an_abstention_needs_its_reason_and_carries_no_marks() {
        let mut abstain = draft(&[("benefit", "৯")]);
        abstain.abstain = true;
        let read = abstain.read(&rubric(), "3", "judge-2");
        assert_eq!(read.findings.iter().map(|f| f.path.as_str()).collect::<Vec<_>>(), ["/abstain"]);
        abstain.reason = "উদ্ভাবক আমার সহকর্মী".to_owned();
        let read = abstain.read(&rubric(), "3", "judge-2");
        assert_eq!(read.findings, []);
        assert_eq!(read.sheet.abstain.as_deref(), Some("উদ্ভাবক আমার সহকর্মী"));
        assert!(read.sheet.marks.is_empty());
        assert_eq!(sheet_score(&rubric(), &read.sheet), Ok(None));
    }

    #[test]
    fn a_stored_sheet_comes_back_as_its_draft() {
        let read = draft(&[("benefit", "9"), ("novelty", "7.5"), ("feasibility", "8"), ("replicability", "6"), ("cost", "10")]).read(&rubric(), "3", "judge-1");
        let again = SheetDraft::from_sheet(&read.sheet, Lang::Bn).read(&rubric(), "3", "judge-1");
        assert_eq!(again.sheet, read.sheet);
        assert_eq!(SheetDraft::from_sheet(&read.sheet, Lang::Bn).marks["novelty"], "৭.৫০");
        assert_eq!(SheetDraft::from_sheet(&read.sheet, Lang::En).marks["benefit"], "9");
    }
}
