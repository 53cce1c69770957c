//! The entry form read as a person types it: every field a pointer into the entry, text that does not
//! read kept with one error at its field, Bangla digits and separators, choices and links.

use super::*;
use crate::finding::has_errors;

fn enothi() -> Entry {
    serde_json::from_str(include_str!("../../../../../tests/fixtures/innovation-entry-enothi.json")).unwrap()
}

fn at(findings: &[Finding]) -> Vec<(&str, Severity)> {
    findings.iter().map(|f| (f.path.as_str(), f.severity)).collect()
}

#[test]
fn a_draft_of_an_entry_reads_back_as_that_entry() {
    let entry = enothi();
    let read = EntryDraft::from_entry(&entry).read();
    assert_eq!(read.findings, []);
    assert_eq!(read.entry, entry);
}

#[test]
fn every_field_is_a_pointer_into_the_entry_and_named_once() {
    let mut paths: Vec<&str> = fields().map(|f| f.path).collect();
    assert!(paths.iter().all(|p| p.starts_with('/')));
    let count = paths.len();
    paths.sort_unstable();
    paths.dedup();
    assert_eq!(paths.len(), count, "a path named twice");
    assert_eq!(field_for("/links/2").map(|f| f.path), Some("/links"));
    assert_eq!(field_for("/before/time/amount").map(|f| f.path), Some("/before/time/amount"));
    assert_eq!(field_for("/before").map(|f| f.path), None);
}

#[test]
fn an_empty_draft_asks_for_what_is_required_in_the_order_of_the_form() {
    let read = EntryDraft::default().read();
    let errors: Vec<&str> = read.findings.iter().filter(|f| f.severity == Severity::Error).map(|f| f.path.as_str()).collect();
    assert_eq!(
        errors,
        [
            "/title",
            "/office",
            "/fiscal_year",
            "/level",
            "/category",
            "/problem",
            "/solution",
            "/innovator/name",
            "/innovator/mobile",
            "/implementer/name",
            "/mentor/name"
        ]
    );
    assert!(EntryDraft::default().is_empty());
}

#[test]
fn bangla_digits_and_separators_read_as_numbers_and_money_stays_exact() {
    let mut draft = EntryDraft::from_entry(&enothi());
    draft.set("/before/cost", "১,২৫০.৫০");
    draft.set("/after/visits", "০");
    draft.set("/yearly_volume", "১২০০");
    draft.set("/innovator/mobile", "০১৭১১-২২৩৩৪৪");
    draft.set("/fiscal_year", "২০২৪-২৫");
    draft.set("/started", "১৫ সেপ্টেম্বর ২০২৪");
    let read = draft.read();
    assert_eq!(read.findings, []);
    assert_eq!(read.entry.before.cost.map(Decimal::plain).as_deref(), Some("1250.50"));
    assert_eq!(read.entry.after.visits, Some(0));
    assert_eq!(read.entry.yearly_volume, Some(1200));
    assert_eq!(read.entry.started, chrono::NaiveDate::from_ymd_opt(2024, 9, 15));
}

#[test]
fn text_that_does_not_read_is_kept_with_one_error_at_its_field() {
    let mut draft = EntryDraft::from_entry(&enothi());
    for (path, text) in [
        ("/before/visits", "১২ক"),
        ("/after/steps", "২.৫"),
        ("/before/cost", "--"),
        ("/started", "৩১/০২/২০২৫"),
        ("/fiscal_year", "২০২৪"),
        ("/innovator/mobile", "০১২৩"),
    ] {
        draft.set(path, text);
    }
    let read = draft.read();
    assert_eq!(
        at(&read.findings),
        [
            ("/fiscal_year", Severity::Error),
            ("/started", Severity::Error),
            ("/innovator/mobile", Severity::Error),
            ("/before/cost", Severity::Error),
            ("/before/visits", Severity::Error),
            ("/after/steps", Severity::Error),
        ]
    );
    assert_eq!(draft.text("/before/visits"), "১২ক", "the text stays as typed");
    assert!(has_errors(&read.findings));
    assert!(read.findings[5].message.en.contains("whole number"), "{:?}", read.findings[5].message);
}

#[test]
fn after_worse_than_before_is_a_warning_not_an_error() {
    let mut draft = EntryDraft::from_entry(&enothi());
    draft.set("/after/cost", "৯০০");
    let read = draft.read();
    assert_eq!(at(&read.findings), [("/after/cost", Severity::Warning)]);
    assert!(!has_errors(&read.findings));
}

#[test]
fn choices_have_defaults_only_where_a_default_is_honest() {
    let draft = EntryDraft::default();
    assert_eq!(draft.text("/before/time/unit"), "days");
    assert_eq!(draft.text("/figures"), "claimed");
    assert_eq!(draft.text("/level"), "");
    let mut draft = EntryDraft::from_entry(&enothi());
    draft.set("/level", "জেলা");
    assert_eq!(draft.read().entry.level, Level::District, "a level may be given by its Bangla name");
    draft.set("/level", "গ্রাম");
    assert_eq!(at(&draft.read().findings), [("/level", Severity::Error)]);
}

#[test]
fn links_are_read_one_per_line_and_a_bad_one_is_named_by_its_place() {
    let mut draft = EntryDraft::from_entry(&enothi());
    draft.set("/links", "https://example.gov.bd/a\n\n  www.example.gov.bd  \n");
    let read = draft.read();
    assert_eq!(read.entry.links, ["https://example.gov.bd/a", "www.example.gov.bd"]);
    assert_eq!(at(&read.findings), [("/links/1", Severity::Error)]);
    assert_eq!(field_for("/links/1").map(|f| f.path), Some("/links"));
}

#[test]
fn the_draft_is_kept_as_a_plain_map_of_texts() {
    let mut draft = EntryDraft::default();
    draft.set("/before/visits", "১২ক");
    assert_eq!(serde_json::to_string(&draft).unwrap(), r#"{"/before/visits":"১২ক"}"#);
    let back: EntryDraft = serde_json::from_str(r#"{"/title":"ই-নথি"}"#).unwrap();
    assert_eq!(back.text("/title"), "ই-নথি");
}
