//! Agreements typed in the layouts of other years (`tests/fixtures/apa-layout-*.tsv`), each with
//! defects planted on purpose and sound rows of every kind. Both halves are asserted: every planted
//! defect is found at its cell, and no sound row gets an error or a warning.
//!
//! - 2019-20: কৌশলগত উদ্দেশ্য, no method column, a header over four rows (merged প্রকৃত অর্জন with
//!   its years below, level names, percentages, column numbers), the mandatory objectives `[এম.১]`
//!   weighted 25 against 75, decimal weights, a responsible-unit column, a first-quarter achievement
//!   column, dates written four ways in one row, a lower-is-better row.
//! - 2021-22: as Word's plain text gives it, merged header cells without their width; the method
//!   column; the governance block of 30.

use super::super::*;
use super::{d, find as indicator, n};
use crate::apa::{Agreement, Column, Finding, cell_at_pointer, validate};

const LAYOUT_2019_20: &str = include_str!("../../../../../../tests/fixtures/apa-layout-2019-20.tsv");
const LAYOUT_2021_22: &str = include_str!("../../../../../../tests/fixtures/apa-layout-2021-22.tsv");

fn year(text: &str) -> FiscalYear {
    FiscalYear::parse(text).unwrap()
}

/// The import's problems of `severity`, as (line, column).
fn problems_at(imported: &Imported, severity: Severity) -> Vec<(usize, usize)> {
    imported.problems.iter().filter(|p| p.severity == severity).map(Finding::text_position).collect()
}

/// Validation's findings of `severity`, as the (row, column) their paths name.
fn findings_at(agreement: &Agreement, findings: &[Finding], severity: Severity) -> Vec<(Option<String>, Option<Column>)> {
    let at = |f: &Finding| cell_at_pointer(agreement, &f.path).map_or((None, None), |(key, column)| (Some(key.to_string()), column));
    findings.iter().filter(|f| f.severity == severity).map(at).collect()
}

#[test]
fn layout_2019_20_reads_objectives_mandatory_block_and_its_four_header_rows() {
    let imported = import_section3(LAYOUT_2019_20);
    let weights = |areas: &[Area]| areas.iter().map(|a| (a.serial.clone(), a.weight)).collect::<Vec<_>>();
    assert_eq!(weights(&imported.areas), [("1".into(), Some(30.0)), ("2".into(), Some(25.0)), ("3".into(), Some(20.0))]);
    assert_eq!(weights(&imported.governance), [("1".into(), Some(10.0)), ("2".into(), Some(9.0)), ("3".into(), Some(6.0))], "[এম.১]…[এম.৩]");
    assert_eq!(imported.areas.iter().flat_map(|a| &a.activities).flat_map(|a| &a.indicators).count(), 10, "the column-number row is no indicator");

    // Sound rows of every kind.
    let counted = indicator(&imported.areas, "1.1.1");
    assert_eq!((counted.method, counted.weight), (None, Some(10.0)), "no method column: none is made up");
    assert_eq!(counted.prior_actuals, [n(250.0), n(280.0)], "ASCII and Bangla digits in one row");
    assert_eq!(counted.prior_provisional, [false, true], "the * on ২০১৮-১৯ in the row below the header");
    assert_eq!(counted.levels, [n(300.0), n(270.0), n(240.0), n(210.0), n(180.0)]);
    assert_eq!(counted.projections, [n(320.0), n(340.0)]);
    assert_eq!(counted.implementer, "প্রোগ্রামার", "বাস্তবায়নের জন্য দায়িত্বপ্রাপ্ত is the implementer");
    assert_eq!(indicator(&imported.areas, "1.1.2").weight, Some(7.5), "decimal weight");
    let days = indicator(&imported.areas, "1.2.2");
    assert_eq!(days.direction, Direction::LowerIsBetter, "days to deliver: levels rise from 100% to 60%");
    let dated = indicator(&imported.areas, "2.1.1");
    assert_eq!(dated.method, Some(Method::Date), "a date row is known by its dates");
    assert_eq!(dated.prior_actuals, [d(2018, 2, 20), d(2019, 2, 5)], "day first");
    assert_eq!(dated.levels, [d(2020, 1, 31), d(2020, 2, 15), d(2020, 2, 29), d(2020, 3, 15), d(2020, 3, 30)], "four date forms in one row");
    assert_eq!(dated.projections, [d(2021, 1, 31), d(2022, 1, 31)]);
    assert_eq!(indicator(&imported.areas, "2.2.1").levels, [n(2.0), n(1.0), None, None, None], "-, — and প্রযোজ্য নয় are blanks");
    assert_eq!(indicator(&imported.governance, "1.1.2").levels[..2], [d(2020, 4, 24), d(2020, 4, 30)], "dd-mm-yyyy");

    // The first quarter's achievements are a report, not targets.
    let report = imported.report("ict-x", year("2019-20")).unwrap();
    assert_eq!(report.period, "Q1");
    let reported: Vec<(&str, Option<Value>)> = report.values.iter().map(|(k, v)| (k.as_str(), v.quarters[0])).collect();
    assert_eq!(reported, [("1.1.1", n(85.0)), ("g1.1.1", n(15.0))]);
    assert!(report.values.values().all(|v| v.quarters[1..].iter().all(Option::is_none)));
}

#[test]
fn layout_2019_20_finds_every_planted_defect_and_nothing_on_a_sound_row() {
    let imported = import_section3(LAYOUT_2019_20);
    let agreement = imported.merge_into(&Agreement::new("ict-x", year("2019-20")));
    // Cells that do not read: a stray letter in a number ([১.২.১] 90%), a list of numbers in one cell
    // ([৩.১.১] 2017-18), an impossible date ([৩.২.১] 31 June), a number where a date is due ([এম.৩.২.১]).
    assert_eq!(problems_at(&imported, Severity::Error), [(9, 10), (14, 7), (16, 15), (27, 9)], "{:#?}", imported.problems);
    let messages: Vec<&str> = imported.problems.iter().filter(|p| p.severity == Severity::Error).map(|p| p.message.en.as_str()).collect();
    assert!(messages[0].contains("“ক” is not a digit"));
    assert!(messages[1].contains("holds more than one number"));
    assert!(messages[2].contains("June 2021 has no day 31"));
    assert!(messages[3].contains("is a number, but this indicator is measured by a date"));
    assert_eq!(problems_at(&imported, Severity::Warning), [], "{:#?}", imported.problems);
    // Said, not silent: the quarter's column is a report, the layout has no method column, and which
    // rows were taken for dates.
    assert_eq!(problems_at(&imported, Severity::Info), [(2, 17), (2, 0), (11, 4), (16, 4), (19, 4), (23, 4), (24, 4), (27, 4)]);

    // Validation: a missing 100% target, an area whose indicators weigh 17 of 20, levels both ways.
    let findings = validate(&agreement);
    assert_eq!(
        findings_at(&agreement, &findings, Severity::Error),
        [(Some("2.1.2".into()), Some(Column::Level(0))), (Some("3".into()), Some(Column::AreaWeight)), (Some("3.1.2".into()), Some(Column::Level(2)))],
        "{findings:#?}"
    );
    assert_eq!(
        findings_at(&agreement, &findings, Severity::Warning),
        [],
        "no false warning: 75 + 25 is this layout's total, 7.5 a weight, rising days in order"
    );
}

#[test]
fn layout_2021_22_reads_a_header_whose_merged_cells_lost_their_width() {
    let imported = import_section3(LAYOUT_2021_22);
    let counted = indicator(&imported.areas, "1.1.1");
    assert_eq!(counted.prior_actuals, [n(450.0), n(500.0)], "the two years under one প্রকৃত অর্জন cell");
    assert_eq!(counted.prior_provisional, [false, true]);
    assert_eq!(counted.levels, [n(550.0), n(500.0), n(450.0), n(400.0), n(350.0)], "the levels where the row below says");
    assert_eq!(counted.projections, [n(600.0), n(650.0)], "and the projections after them");
    assert_eq!(counted.method, Some(Method::Sum));
    assert_eq!(indicator(&imported.areas, "1.2.1").method, Some(Method::Cumulative));
    assert_eq!(indicator(&imported.areas, "1.2.2").direction, Direction::LowerIsBetter);
    let dated = indicator(&imported.areas, "2.1.1");
    assert_eq!(dated.levels, [d(2021, 12, 31), d(2022, 1, 15), d(2022, 1, 31), d(2022, 2, 15), d(2022, 2, 28)]);
    assert_eq!(imported.governance.len(), 1);
    let marks: Vec<Option<f64>> = imported.governance[0].activities.iter().flat_map(|a| &a.indicators).map(|i| i.weight).collect();
    assert_eq!(marks, [Some(10.0), Some(10.0), Some(4.0), Some(3.0), Some(5.0)]);
    assert!(imported.report("ict-x", year("2021-22")).is_none(), "no quarter's column, no report");
}

#[test]
fn layout_2021_22_finds_every_planted_defect_and_nothing_on_a_sound_row() {
    let imported = import_section3(LAYOUT_2021_22);
    let agreement = imported.merge_into(&Agreement::new("ict-x", year("2021-22")));
    // `--` for a blank ([২.১.১] 2020-21), an unknown method ([২.২.১]), a date in a number row ([৩.১.১] 80%).
    assert_eq!(problems_at(&imported, Severity::Error), [(9, 9), (11, 5), (12, 12)], "{:#?}", imported.problems);
    assert_eq!(problems_at(&imported, Severity::Warning), []);
    assert_eq!(problems_at(&imported, Severity::Info), [], "this layout has its method column");
    // Validation: levels both ways, a date target outside the year, governance marks adding up to 32.
    let findings = validate(&agreement);
    assert_eq!(
        findings_at(&agreement, &findings, Severity::Error),
        [(Some("2.1.2".into()), Some(Column::Level(2))), (Some("3.2.1".into()), Some(Column::Level(0))), (Some("g1".into()), Some(Column::AreaWeight))],
        "{findings:#?}"
    );
    assert_eq!(findings_at(&agreement, &findings, Severity::Warning), []);
}

#[test]
fn a_mandatory_area_is_named_as_the_2019_20_documents_write_it() {
    let imported = import_section3(LAYOUT_2019_20);
    let mut agreement = imported.merge_into(&Agreement::new("ict-x", year("2019-20")));
    agreement.governance[0].weight = Some(11.0);
    agreement.governance[1].weight = None;
    let messages: Vec<(String, String)> =
        validate(&agreement).into_iter().filter(|f| f.path.starts_with("/governance/")).map(|f| (f.message.bn, f.message.en)).collect();
    assert!(
        messages.iter().any(|(bn, en)| bn.starts_with("আবশ্যিক ক্ষেত্র [এম.১]-এর সূচকগুলোর মানের যোগফল ১০") && en.contains("the mandatory area [M.1] add up to 10")),
        "{messages:?}"
    );
    assert!(messages.iter().any(|(bn, en)| bn == "আবশ্যিক ক্ষেত্র [এম.২]-এর মান দেওয়া নেই।" && en == "The mandatory area [M.2] has no weight."), "{messages:?}");
}
