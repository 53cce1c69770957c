//! Validation on the real Sylhet 2024-25 table: the findings a careful reader makes.

use super::*;
use crate::apa::{Agreement, Direction, import_section3};
use crate::locale::Message;

const SYLHET: &str = include_str!("../../../../../tests/fixtures/apa-ict-sylhet-2024-25-section3.tsv");

fn sylhet() -> Agreement {
    import_section3(SYLHET).merge_into(&Agreement::new("ict-sylhet", FiscalYear::parse("2024-25").unwrap()))
}

/// A finding with its path read back as the row and column it names, as the widget places it.
struct Located {
    severity: Severity,
    serial: Option<RowKey>,
    column: Option<Column>,
    message: Message,
    /// The fix's row and column, and the cell as it is and would be.
    suggestion: Option<(RowKey, Option<Column>, String, String)>,
}

/// The findings of `agreement`, each at the row and column its path names.
fn located(agreement: &Agreement) -> Vec<Located> {
    let at = |path: &str| cell_at_pointer(agreement, path).map_or((None, None), |(key, column)| (Some(key), column));
    validate(agreement)
        .into_iter()
        .map(|f| {
            let (serial, column) = at(&f.path);
            let suggestion = f.suggestion.map(|s| {
                let (key, column) = at(&s.path);
                (key.unwrap_or_else(|| "-".into()), column, s.from, s.to)
            });
            Located { severity: f.severity, serial, column, message: f.message, suggestion }
        })
        .collect()
}

/// A finding in one line: `E 2.2.1 Level(4) ৮→৪`.
fn line(f: &Located) -> String {
    let severity = if f.severity == Severity::Error { "E" } else { "W" };
    let serial = f.serial.clone().unwrap_or_else(|| "-".into());
    let column = f.column.map_or("-".into(), |c| format!("{c:?}"));
    let suggestion =
        f.suggestion.as_ref().map_or(String::new(), |(key, column, from, to)| format!(" {key}:{:?} {from}→{to}", column.unwrap_or(Column::Serial)));
    format!("{severity} {serial} {column}{suggestion}")
}

#[test]
fn sylhet_findings_are_what_a_careful_reader_finds() {
    let findings = located(&sylhet());
    let lines: Vec<String> = findings.iter().map(line).collect();
    assert_eq!(
        lines,
        [
            // Area [১]: 5+3+3+2+5+8 = 26, not 22; [১.৬.১]'s ৮ read as ৪ balances it.
            "E 1 AreaWeight 1.6.1:Weight ৮→৪",
            // [২.১.১], a date indicator: the 100% target ১২.১২.২৩ is a year early for 2024-25, and so
            // is every other date of the row (it looks shifted by one column).
            "W 2.1.1 PriorActual(0)",
            "W 2.1.1 PriorActual(1)",
            "E 2.1.1 Level(0)",
            "W 2.1.1 Projection(0)",
            "W 2.1.1 Projection(1)",
            // [২.১.২]: 70% and 60% are both ১.
            "W 2.1.2 Level(4)",
            // [২.২.১]: ১২, ১০, ৮, ৬, ৮ — the 60% ৮ should be ৪.
            "E 2.2.1 Level(4) 2.2.1:Level(4) ৮→৪",
            // Area [৪]: 8+3+3 = 14, not 10.
            "E 4 AreaWeight 4.1.1:Weight ৮→৪",
            // [৪.২.১]: ৮, ৭, ৬, ৫, ৮.
            "E 4.2.1 Level(4) 4.2.1:Level(4) ৮→৪",
            // Area [৫]: 6+8 = 14, not 10.
            "E 5 AreaWeight 5.2.1:Weight ৮→৪",
            // Governance: 10+10+8+3+3 = 34, not 30; অভিযোগ প্রতিকার is 4.
            "E g1 AreaWeight g1.3.1:Weight ৮→৪",
        ]
    );
}

#[test]
fn messages_say_it_in_both_languages_with_the_numbers() {
    let findings = located(&sylhet());
    let first = &findings[0];
    assert_eq!(first.message.bn, "ক্ষেত্র [১]-এর সূচকগুলোর মানের যোগফল ২৬, কিন্তু ক্ষেত্রের মান ২২। [১.৬.১]-এর মান ৮ না হয়ে ৪ হলে যোগফল মেলে (৪ ও ৮ দেখতে একই রকম)।");
    assert_eq!(
        first.message.en,
        "The indicator weights of area [1] add up to 26, but the area's weight is 22. If [1.6.1]'s weight were 4 instead of 8, the sum would be right (৪ and ৮ look alike)."
    );
    let target = findings.iter().find(|f| f.column == Some(Column::Level(0))).unwrap();
    assert_eq!(target.message.en, "Indicator [2.1.1]: the date 12 December 2023 lies outside fiscal year 2024-25.");
}

#[test]
fn a_corrected_table_has_no_errors() {
    let mut agreement = sylhet();
    for (key, column, _, to) in located(&agreement).into_iter().filter_map(|f| f.suggestion) {
        let fix = crate::locale::parse_number(&to).unwrap();
        let serial = key.serial().to_owned();
        let block = agreement.areas_of_mut(key.block());
        let indicator = block.iter_mut().flat_map(|a| &mut a.activities).flat_map(|a| &mut a.indicators).find(|i| i.serial == serial).unwrap();
        match column {
            Some(Column::Weight) => indicator.weight = Some(fix),
            Some(Column::Level(k)) => indicator.levels[k] = Some(Value::Number(fix)),
            other => panic!("unexpected suggestion column {other:?}"),
        }
    }
    let date_row = agreement.areas[1].activities[0].indicators.iter_mut().find(|i| i.serial == "2.1.1").unwrap();
    date_row.levels[0] = Some(Value::Date(chrono::NaiveDate::from_ymd_opt(2024, 12, 12).unwrap()));
    let errors: Vec<String> = located(&agreement).iter().filter(|f| f.severity == Severity::Error).map(line).collect();
    assert_eq!(errors, Vec::<String>::new());
}

#[test]
fn serial_problems() {
    let mut agreement = sylhet();
    let area = &mut agreement.areas[2];
    area.activities[1].indicators[0].serial = "3.1.1".into(); // under [৩.২], and a duplicate
    area.activities[3].serial = "3.5".into(); // [৩.৪] skipped
    let lines: Vec<String> = located(&agreement).iter().filter(|f| f.column == Some(Column::Serial)).map(line).collect();
    assert_eq!(lines, ["E 3.1.1 Serial", "W 3.5 Serial", "E 3.4.1 Serial"]);
}

#[test]
fn lower_is_better_levels_rise_and_units_must_fit_the_method() {
    let mut agreement = sylhet();
    let i = &mut agreement.areas[0].activities[0].indicators[0];
    i.direction = Direction::LowerIsBetter;
    i.levels = [Some(Value::Number(2.0)), Some(Value::Number(3.0)), None, Some(Value::Number(5.0)), Some(Value::Number(7.0))];
    i.unit = "%".into();
    i.weight = None;
    let lines: Vec<String> = located(&agreement).iter().filter(|f| f.serial.as_ref().map(RowKey::as_str) == Some("1.1.1")).map(line).collect();
    assert_eq!(lines, ["E 1.1.1 Weight", "W 1.1.1 Method"]);
}

#[test]
fn rising_targets_are_a_lower_is_better_row_and_only_a_row_going_both_ways_is_an_error() {
    let number = |x: f64| Some(Value::Number(x));
    let mut agreement = sylhet();
    // Days to deliver a service, the direction never set: the levels say lower is better.
    let i = &mut agreement.areas[0].activities[0].indicators[0];
    i.direction = Direction::HigherIsBetter;
    i.levels = [number(7.0), number(10.0), number(15.0), number(20.0), number(30.0)];
    assert!(i.lower_is_better() && i.lower_figure_is_better());
    // A date indicator is lower-is-better too (earlier is better), which goes without saying.
    let date = agreement
        .areas
        .iter()
        .flat_map(|a| &a.activities)
        .flat_map(|a| &a.indicators)
        .find(|i| i.method == Some(Method::Date))
        .expect("Sylhet has a date indicator");
    assert!(date.lower_is_better() && !date.lower_figure_is_better());
    let level_findings = |a: &Agreement| -> Vec<String> {
        located(a).iter().filter(|f| f.serial.as_ref().map(RowKey::as_str) == Some("1.1.1") && matches!(f.column, Some(Column::Level(_)))).map(line).collect()
    };
    assert_eq!(level_findings(&agreement), Vec::<String>::new(), "no finding on a sound lower-is-better row");
    // Scored as lower is better: 12 days lies between the 90% (10) and 80% (15) targets.
    let i = &agreement.areas[0].activities[0].indicators[0];
    let score = crate::apa::raw_score(i, Value::Number(12.0), crate::apa::Mode::Interpolated).value;
    assert!((score - 86.0).abs() < 1e-9, "{score}");
    // Up then down: out of order whichever way it is read.
    let i = &mut agreement.areas[0].activities[0].indicators[0];
    i.levels = [number(7.0), number(10.0), number(8.0), number(20.0), number(30.0)];
    assert_eq!(level_findings(&agreement), ["E 1.1.1 Level(2)"]);
}

#[test]
fn a_missing_100_percent_target_is_an_error_except_in_the_governance_block() {
    let mut agreement = sylhet();
    agreement.areas[0].activities[0].indicators[0].levels[0] = None;
    let lines: Vec<String> = located(&agreement).iter().filter(|f| f.serial.as_ref().map(RowKey::as_str) == Some("1.1.1")).map(line).collect();
    assert_eq!(lines, ["E 1.1.1 Level(0)"]);
    // Sylhet's governance indicators have no targets at all: marks come from their action plans.
    assert!(agreement.governance[0].activities[0].indicators[0].levels.iter().all(Option::is_none));
    assert!(
        located(&agreement).iter().all(|f| !(f.serial.as_ref().map(RowKey::as_str).is_some_and(|s| s.starts_with('g')) && f.column == Some(Column::Level(0))))
    );
}

#[test]
fn the_look_alike_hint_works_for_decimal_weights_too() {
    let mut agreement = sylhet();
    // Area [১] weighs 22.4; its indicators 5+3+3+2+5+4.8 = 22.8, where [১.৬.১]'s ৪.৮ read as ৪.৪ balances it.
    agreement.areas[0].weight = Some(22.4);
    agreement.areas[0].activities[5].indicators[0].weight = Some(4.8);
    let lines: Vec<String> = located(&agreement).iter().filter(|f| f.serial.as_ref().map(RowKey::as_str) == Some("1")).map(line).collect();
    assert_eq!(lines, ["E 1 AreaWeight 1.6.1:Weight ৪.৮→৪.৪"]);
}

#[test]
fn block_weights_follow_the_layout_of_the_year() {
    let block_findings = |a: &Agreement| -> Vec<String> { located(a).iter().filter(|f| f.serial.is_none()).map(|f| f.message.en.clone()).collect() };
    let mut agreement = sylhet();
    // Sylhet's areas weigh 70 (area 1 reads 26 for 22: its own finding) and governance 30.
    agreement.areas[0].weight = Some(22.0);
    assert_eq!(block_findings(&agreement), Vec::<String>::new());
    // The same split in a 2019-20 agreement, whose mandatory objectives weigh 25 of 100.
    let mut old = agreement.clone();
    old.fiscal_year = FiscalYear::parse("2019-20").expect("a year");
    let lines = block_findings(&old);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("usually have 75 and 25"), "{}", lines[0]);
    old.areas[0].weight = Some(27.0);
    old.governance[0].weight = Some(25.0);
    assert_eq!(block_findings(&old), Vec::<String>::new(), "75 and 25 in 2019-20");
    // An office without a second block weighs its own areas 100: no split to warn about.
    let mut alone = agreement.clone();
    alone.governance.clear();
    alone.areas[0].weight = Some(52.0);
    assert_eq!(block_findings(&alone), Vec::<String>::new());
}

#[test]
fn findings_point_at_their_cells_in_the_json() {
    let agreement = sylhet();
    let paths: Vec<String> = validate(&agreement).into_iter().map(|f| f.path).collect();
    assert_eq!(paths[0], "/areas/0/weight");
    assert!(paths.contains(&"/areas/1/activities/1/indicators/0/levels/4".to_owned()), "{paths:?}");
    assert!(paths.contains(&"/areas/1/activities/0/indicators/0/levels/0".to_owned()), "{paths:?}");
    assert_eq!(paths.last().map(String::as_str), Some("/governance/0/weight"));
}

#[test]
fn columns_and_their_paths_go_both_ways() {
    let columns = [Column::Serial, Column::Weight, Column::Method, Column::Unit, Column::PriorActual(1), Column::Level(4), Column::Projection(0)];
    for column in columns {
        assert_eq!(Column::of_indicator_path(&format!("/{}", column.path().join("/"))), Some(column));
    }
    assert_eq!(Column::of_indicator_path("/levels/5"), None);
    assert_eq!(Column::of_indicator_path("/name"), None);
}

#[test]
fn a_columns_label_names_the_year_of_an_actual_or_a_projection() {
    let year = FiscalYear::parse("2024-25").unwrap();
    assert_eq!(Column::PriorActual(0).label(year, Lang::Bn), "প্রকৃত অর্জন ২০২২-২৩");
    assert_eq!(Column::PriorActual(1).label(year, Lang::En), "Actual 2023-24");
    assert_eq!(Column::Projection(0).label(year, Lang::Bn), "প্রক্ষেপণ ২০২৫-২৬");
    assert_eq!(Column::Projection(1).label(year, Lang::En), "Projection 2026-27");
    assert_eq!(Column::Level(2).label(year, Lang::Bn), "৮০%");
}

#[test]
fn pointers_lead_back_to_their_cells() {
    let a = sylhet();
    for (key, column) in [
        ("1.6.1", Some(Column::Weight)),
        ("2.1.1", Some(Column::Level(0))),
        ("g1.3.1", Some(Column::PriorActual(1))),
        ("4.2.1", None),
        ("1", Some(Column::AreaWeight)),
        ("g1", None),
    ] {
        let pointer = cell_pointer(&a, &key.into(), column);
        assert_eq!(cell_at_pointer(&a, &pointer), Some((key.into(), column)), "{pointer}");
    }
    assert_eq!(cell_at_pointer(&a, "/areas/0/activities/0/indicators/0/name"), Some(("1.1.1".into(), None)), "a field no column shows: the row");
    assert_eq!(cell_at_pointer(&a, "/areas/9/weight"), None);
    assert_eq!(cell_at_pointer(&a, "/fiscal_year"), None);
    assert_eq!(cell_at_pointer(&a, ""), None);
}

#[test]
fn a_negative_weight_is_an_error_even_when_the_sums_balance() {
    let mut agreement = sylhet();
    // Area [১] sums to 26 against 22; [১.১.১] 5 → 13 and [১.৬.১] 8 → -4 make it 22 again.
    let area = &mut agreement.areas[0];
    area.activities[0].indicators[0].weight = Some(13.0);
    area.activities[5].indicators[0].weight = Some(-4.0);
    let findings = located(&agreement);
    let area_one: Vec<String> =
        findings.iter().filter(|f| f.serial.as_ref().map(RowKey::as_str).is_some_and(|s| s == "1" || s.starts_with("1."))).map(line).collect();
    assert!(!area_one.iter().any(|l| l.starts_with("E 1 AreaWeight")), "the sum balances: {area_one:?}");
    let negative = findings.iter().find(|f| f.serial.as_ref().map(RowKey::as_str) == Some("1.6.1") && f.column == Some(Column::Weight)).expect("flagged");
    assert_eq!(negative.severity, Severity::Error);
    assert!(negative.message.bn.contains("ঋণাত্মক") && negative.message.en.contains("cannot be negative"), "{:?}", negative.message);
    assert!(has_errors(&validate(&agreement)));
}

#[test]
fn row_pointers_give_what_cell_pointer_gives_for_every_row() {
    let mut a = sylhet();
    // A duplicated serial (a document mistake the validator reports): the first row keeps the key.
    let copy = a.areas[0].activities[0].indicators[0].clone();
    a.areas[1].activities[0].indicators.push(copy);
    let rows = crate::apa::RowPointers::new(&a);
    let mut keys: Vec<String> = vec!["9.9.9".into(), "g".into(), String::new()];
    for (prefix, areas) in [("", &a.areas), ("g", &a.governance)] {
        for area in areas {
            keys.push(format!("{prefix}{}", area.serial));
            for activity in &area.activities {
                keys.push(format!("{prefix}{}", activity.serial));
                keys.extend(activity.indicators.iter().map(|i| format!("{prefix}{}", i.serial)));
            }
        }
    }
    for key in &keys {
        for column in [None, Some(Column::AreaWeight), Some(Column::Weight), Some(Column::Level(3)), Some(Column::PriorActual(1))] {
            let key = RowKey::from(key.as_str());
            assert_eq!(rows.cell(&key, column), cell_pointer(&a, &key, column), "{key} {column:?}");
        }
    }
}
