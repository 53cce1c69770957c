//! The importer on the real Sylhet 2024-25 table and on small broken ones.

mod layouts;

use super::*;
use crate::apa::Agreement;
use chrono::NaiveDate;

const SYLHET: &str = include_str!("../../../../../tests/fixtures/apa-ict-sylhet-2024-25-section3.tsv");

fn n(x: f64) -> Option<Value> {
    Some(Value::Number(x))
}

fn d(y: i32, m: u32, day: u32) -> Option<Value> {
    Some(Value::Date(NaiveDate::from_ymd_opt(y, m, day).unwrap()))
}

fn find<'a>(areas: &'a [Area], serial: &str) -> &'a Indicator {
    areas.iter().flat_map(|a| &a.activities).flat_map(|a| &a.indicators).find(|i| i.serial == serial).unwrap()
}

#[test]
fn sylhet_imports_every_area_activity_and_indicator() {
    let imported = import_section3(SYLHET);
    let areas: Vec<(&str, Option<f64>, usize)> =
        imported.areas.iter().map(|a| (a.serial.as_str(), a.weight, a.activities.iter().map(|x| x.indicators.len()).sum())).collect();
    assert_eq!(areas, [("1", Some(22.0), 6), ("2", Some(16.0), 3), ("3", Some(12.0), 4), ("4", Some(10.0), 3), ("5", Some(10.0), 2)]);
    assert_eq!(imported.areas[0].name, "ই-গভর্ন্যান্স প্রতিষ্ঠায় সহায়তা");
    let activities: Vec<&str> = imported.areas[1].activities.iter().map(|a| a.serial.as_str()).collect();
    assert_eq!(activities, ["2.1", "2.2"], "[২.১.২] continues activity [২.১]");
    assert_eq!(imported.areas[1].activities[0].indicators.len(), 2);

    assert_eq!(imported.governance.len(), 1);
    let governance = &imported.governance[0];
    assert_eq!((governance.serial.as_str(), governance.weight), ("1", Some(30.0)));
    let weights: Vec<Option<f64>> = governance.activities.iter().flat_map(|a| &a.indicators).map(|i| i.weight).collect();
    assert_eq!(weights, [Some(10.0), Some(10.0), Some(8.0), Some(3.0), Some(3.0)]);
    let first = &governance.activities[0].indicators[0];
    assert_eq!((first.method, first.unit.as_str()), (Some(Method::Cumulative), "প্রাপ্ত নম্বর"));
    assert_eq!(first.levels, [None; 5]);
}

#[test]
fn rising_targets_are_imported_as_lower_is_better() {
    let imported = import_section3(SYLHET);
    assert_eq!(find(&imported.areas, "1.1.1").direction, Direction::HigherIsBetter);
    // [১.১.১] as days to deliver: ৭, ১০, ১৫, ২০, ৩০ from 100% to 60%.
    let days = SYLHET.replacen("\t৮০\t৩৫\t৩০\t২৫\t২০\t", "\t৭\t১০\t১৫\t২০\t৩০\t", 1);
    assert_ne!(days, SYLHET);
    let imported = import_section3(&days);
    let i = find(&imported.areas, "1.1.1");
    assert_eq!(i.levels, [n(7.0), n(10.0), n(15.0), n(20.0), n(30.0)]);
    assert_eq!(i.direction, Direction::LowerIsBetter);
    // [২.২.১] goes down and then up (12, 10, 8, 6, 8): no direction is read into it.
    assert_eq!(find(&imported.areas, "2.2.1").direction, Direction::HigherIsBetter);
}

#[test]
fn explicit_blanks_are_blank_cells_not_problems() {
    // [১.১.১]'s 60% target and its first projection written as "প্রযোজ্য নয়" and "—".
    let text = SYLHET.replacen("\t২৫\t২০\t৩০\t৩০", "\t২৫\tপ্রযোজ্য নয়\t—\t৩০", 1);
    assert_ne!(text, SYLHET);
    let imported = import_section3(&text);
    let i = find(&imported.areas, "1.1.1");
    assert_eq!((i.levels[4], i.projections[0]), (None, None));
    assert_eq!(imported.problems.len(), import_section3(SYLHET).problems.len(), "no problem for an explicit blank");
}

/// A section 3 with Sylhet's header rows and the given rows (area, area weight, activity, indicator,
/// method, unit, weight, two prior actuals, five levels, two projections).
fn table(rows: &[[&str; 16]]) -> String {
    let header: Vec<&str> = SYLHET.lines().take(3).collect();
    let body: Vec<String> = rows.iter().map(|r| r.join("\t")).collect();
    format!("{}\n{}\n", header.join("\n"), body.join("\n"))
}

#[test]
fn mandatory_objectives_marked_em_go_to_the_second_block_by_their_serials() {
    let own = ["[১] দাপ্তরিক সেবা", "৭৫", "[১.১] প্রশিক্ষণ", "[১.১.১] প্রশিক্ষণার্থী", "সমষ্টি", "সংখ্যা", "৭৫", "", "", "১০০", "৯০", "৮০", "৭০", "৬০", "", ""];
    let mandatory_area = [
        "[এম.১] বার্ষিক কর্মসম্পাদন চুক্তি বাস্তবায়ন",
        "২৫",
        "[এম.১.১] চুক্তি বাস্তবায়ন",
        "[এম.১.১.১] প্রতিবেদন দাখিল",
        "তারিখ",
        "তারিখ",
        "২৫",
        "",
        "",
        "৩০/০৬/২০২০",
        "",
        "",
        "",
        "",
        "",
        "",
    ];
    let imported = import_section3(&table(&[own, mandatory_area]));
    assert!(imported.problems.is_empty(), "{:?}", imported.problems);
    assert_eq!(imported.areas.len(), 1);
    let mandatory = &imported.governance;
    assert_eq!(mandatory.len(), 1, "the [এম.১] area is the second block's");
    assert_eq!((mandatory[0].serial.as_str(), mandatory[0].weight), ("1", Some(25.0)));
    assert_eq!(mandatory[0].activities[0].serial, "1.1");
    assert_eq!(mandatory[0].activities[0].indicators[0].serial, "1.1.1");
    assert_eq!(mandatory[0].activities[0].indicators[0].levels[0], d(2020, 6, 30));
}

#[test]
fn sylhet_numbers_are_read_exactly() {
    let imported = import_section3(SYLHET);
    let i = find(&imported.areas, "1.1.1");
    assert_eq!(i.name, "প্রশিক্ষণার্থী");
    assert_eq!((i.method, i.unit.as_str(), i.weight), (Some(Method::Sum), "সংখ্যা", Some(5.0)));
    assert_eq!(i.prior_actuals, [n(90.0), n(80.0)]);
    assert_eq!(i.prior_provisional, [false, true]);
    assert_eq!(i.levels, [n(80.0), n(35.0), n(30.0), n(25.0), n(20.0)]);
    assert_eq!(i.projections, [n(30.0), n(30.0)]);

    let i = find(&imported.areas, "1.5.1");
    assert_eq!(i.levels, [n(1300.0), n(1200.0), n(1100.0), n(1000.0), n(800.0)]);
    assert_eq!(i.prior_actuals, [n(2500.0), n(1200.0)]);

    let i = find(&imported.areas, "2.2.1");
    assert_eq!(i.levels, [n(12.0), n(10.0), n(8.0), n(6.0), n(8.0)], "as written: the ৪/৮ slip is validation's to point out");

    let i = find(&imported.areas, "4.1.1");
    assert_eq!(i.weight, Some(8.0));
    let i = find(&imported.areas, "5.2.1");
    assert_eq!((i.weight, i.levels[1]), (Some(8.0), n(9.0)));
}

#[test]
fn sylhet_date_indicator_reads_dates_and_blank_levels() {
    let imported = import_section3(SYLHET);
    let i = find(&imported.areas, "2.1.1");
    assert_eq!(i.method, Some(Method::Date));
    assert_eq!(i.prior_actuals, [d(2021, 12, 12), d(2022, 12, 12)]);
    assert_eq!(i.levels, [d(2023, 12, 12), None, None, None, None]);
    assert_eq!(i.projections, [d(2023, 12, 12), d(2024, 12, 12)]);
}

#[test]
fn sylhet_problems_are_only_the_stray_trailing_cells() {
    let imported = import_section3(SYLHET);
    assert!(imported.problems.iter().all(|p| p.severity != Severity::Error), "{:#?}", imported.problems);
    let strays: Vec<(usize, usize)> = imported.problems.iter().map(Finding::text_position).collect();
    assert_eq!(strays, [(5, 17), (6, 17), (7, 17), (8, 17), (9, 17), (10, 17), (18, 17), (19, 17)]);
    assert!(imported.problems[0].message.bn.contains("“২০”"), "{}", imported.problems[0].message.bn);
}

#[test]
fn unreadable_cells_are_reported_with_line_and_column() {
    let text = "কর্মসম্পাদনের ক্ষেত্র\tক্ষেত্রের মান\tকার্যক্রম\tকর্মসম্পাদন সূচক\tগণনা পদ্ধতি\tএকক\tকর্মসম্পাদন সূচকের মান\tলক্ষ্যমাত্রা\t\t\t\t\n\
[১] ক\t১০\t[১.১] খ\t[১.১.১] গ\tযোগফল\tসংখ্যা\t১০\t১২a\t১০\t৮\t\t৬\n\
\t\t\tসূচক ছাড়া ক্রমিক\tসমষ্টি\tসংখ্যা\t৫\t১\t\t\t\t\n";
    let imported = import_section3(text);
    let problems: Vec<(usize, usize, bool)> =
        imported.problems.iter().map(|p| (p.text_position().0, p.text_position().1, p.severity == Severity::Error)).collect();
    assert_eq!(problems, [(2, 5, true), (2, 8, true), (3, 4, true)]);
    assert!(imported.problems[0].message.en.contains("Unknown calculation method “যোগফল”"));
    assert!(imported.problems[1].message.en.contains("“a” is not a digit"));
    let i = &imported.areas[0].activities[0].indicators[0];
    assert_eq!(i.levels, [None, n(10.0), n(8.0), None, n(6.0)], "the bad cell is left empty, the blank stays blank");
}

#[test]
fn rows_before_a_header_and_missing_columns_are_reported() {
    let imported = import_section3("[১] ক\t১০\n");
    assert_eq!(imported.problems.len(), 2);
    assert!(imported.problems[0].message.en.contains("before any header row"));
    assert!(imported.problems[1].message.en.contains("No row of section 3 could be read"), "nothing read is said too");
    // A page of text pasted by mistake is one problem, at its first line, not one per line.
    let imported = import_section3(&"x\ty\n".repeat(40));
    assert_eq!(imported.problems.len(), 2, "{:?}", imported.problems);
    assert_eq!(
        (imported.problems[0].text_position().0, imported.problems[0].message.en.as_str()),
        (1, "40 rows from here come before any header row; paste the table with its headers.")
    );
    assert!(imported.problems[0].message.bn.starts_with("এখান থেকে ৪০টি সারি"));
    let imported = import_section3("কর্মসম্পাদন সূচক\tএকক\tরং\n");
    let messages: Vec<&str> = imported.problems.iter().map(|p| p.message.en.as_str()).collect();
    assert!(messages[0].contains("“রং” matches no known column"), "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("no “indicator weight” column")));
}

#[test]
fn an_imported_table_round_trips_through_json() {
    let agreement = import_section3(SYLHET).merge_into(&Agreement::new("ict-sylhet", crate::locale::FiscalYear::parse("2024-25").unwrap()));
    let json = serde_json::to_string(&agreement).unwrap();
    let back: Agreement = serde_json::from_str(&json).unwrap();
    assert_eq!(back, agreement);
    assert_eq!(back.indicators().count(), 23);
    assert!(json.contains("\"levels\":[\"2023-12-12\",null,null,null,null]"), "dates are ISO strings in JSON");
}

/// The seed fixture the dev-portal serves is this import of the Sylhet table; regenerate it with
/// `batayan apa import tests/fixtures/apa-ict-sylhet-2024-25-section3.tsv --fiscal-year 2024-25 --office ict-sylhet`
/// (then restore `office_name` and `counterpart`) when the importer changes.
#[test]
fn the_seed_fixture_is_fresh() {
    let fixture: Agreement = serde_json::from_str(include_str!("../../../../../tests/fixtures/apa-ict-sylhet-2024-25.json")).unwrap();
    let whole = include_str!("../../../../../tests/fixtures/apa-ict-sylhet-2024-25.txt");
    let imported = crate::apa::import_agreement(whole, "ict-sylhet", fixture.fiscal_year);
    assert_eq!(
        fixture, imported.agreement,
        "regenerate with `batayan apa import tests/fixtures/apa-ict-sylhet-2024-25.txt --fiscal-year 2024-25 --office ict-sylhet`"
    );
    assert_eq!(fixture.office_name, "প্রোগ্রামার, জেলা কার্যালয়, সিলেট, আইসিটি অধিদপ্তর");
}

/// A widget reads a long paste a slice at a time (see `Section3Reader`): whatever the slices, and
/// with Windows line ends, rows before the header and a repeated header, the result is the same.
#[test]
fn reading_in_slices_gives_what_reading_at_once_gives() {
    let messy = format!("a note pasted by mistake\r\nanother\r\n{}\r\n{}", SYLHET.replace('\n', "\r\n"), SYLHET.lines().take(3).collect::<Vec<_>>().join("\n"));
    for text in [SYLHET.to_owned(), messy, String::new(), "\n\n".to_owned()] {
        let whole = import_section3(&text);
        for slice in [1, 2, 7, 1000] {
            let mut reader = crate::apa::Section3Reader::new(text.clone());
            let mut steps = 0;
            let mut last = 0;
            while !reader.read_lines(slice) {
                steps += 1;
                let (read, total) = reader.progress();
                assert!(read > last && read < total, "progress moves forward: {read} of {total}");
                last = read;
            }
            assert_eq!(reader.progress().0, reader.progress().1);
            assert_eq!(reader.finish(), whole, "slices of {slice} lines");
            if slice == 1 && text.lines().count() > 1 {
                assert!(steps > 0, "a long text takes more than one slice");
            }
        }
    }
}

#[test]
fn the_levels_are_found_under_a_header_that_misspells_or_leaves_out_their_name() {
    let rows = "[১] ক\t১০\t[১.১] খ\t[১.১.১] গ\tসমষ্টি\tসংখ্যা\t১০\t১০০\t৯০\t৮০\t৭০\t৬০\n";
    let head = "কর্মসম্পাদনের ক্ষেত্র\tক্ষেত্রের মান\tকার্যক্রম\tকর্মসম্পাদন সূচক\tগণনা পদ্ধতি\tএকক\tকর্মসম্পাদন সূচকের মান";
    let levels = "\t\t\t\t\t\t\tঅসাধারণ\tঅতি উত্তম\tউত্তম\tচলতি মান\tচলতি মানের নিম্নে\n";
    for header in [format!("{head}\tলক্ষমাত্রা ২০২৪-২৫\t\t\t\t\n"), format!("{head}\t\t\t\t\t\n{levels}")] {
        let imported = import_section3(&format!("{header}{rows}"));
        assert_eq!(imported.problems, [], "{header}");
        assert_eq!(find(&imported.areas, "1.1.1").levels, [n(100.0), n(90.0), n(80.0), n(70.0), n(60.0)], "{header}");
    }
    // With neither, it is said once, at the header, and the cells it leaves without a column each.
    let imported = import_section3(&format!("{head}\n{rows}"));
    let messages: Vec<(usize, &str)> = imported.problems.iter().map(|p| (p.text_position().0, p.message.en.as_str())).collect();
    assert_eq!(messages[0], (1, "The header has no “target” column (লক্ষ্যমাত্রা)."));
    assert_eq!(messages[1..].iter().filter(|(line, m)| *line == 2 && m.contains("stands in a column without a header")).count(), 5);
}

#[test]
fn a_spreadsheets_cell_with_a_line_break_stays_in_its_row() {
    // Excel copies a cell holding Alt+Enter in quotes: [১.১.১]'s name over two lines.
    let text = SYLHET.replacen("[১.১.১] প্রশিক্ষণার্থী", "\"[১.১.১] প্রশিক্ষণার্থী\n(জেলা পর্যায়ে)\"", 1);
    assert_ne!(text, SYLHET);
    let imported = import_section3(&text);
    let i = find(&imported.areas, "1.1.1");
    assert_eq!(i.name, "প্রশিক্ষণার্থী (জেলা পর্যায়ে)");
    assert_eq!(i.levels, [n(80.0), n(35.0), n(30.0), n(25.0), n(20.0)], "the rest of the row is read with it");
    assert_eq!(imported.areas.iter().flat_map(|a| &a.activities).flat_map(|a| &a.indicators).count(), 18);
    // Lines are the text's: everything after the broken cell is one line further down.
    let strays: Vec<(usize, usize)> = imported.problems.iter().map(Finding::text_position).collect();
    assert_eq!(strays, [(5, 17), (7, 17), (8, 17), (9, 17), (10, 17), (11, 17), (19, 17), (20, 17)]);
}
