//! Import of a whole agreement as it is copied out of the Word document: the preamble's parties,
//! section 1 (vision, mission, functions), section 2 (outcomes), section 3 (through
//! [`import_section3`]) and annexes 1–3 (acronyms, who implements each indicator with what evidence,
//! indicators shared with other offices).
//!
//! Sections are found by their headings, rows by their tabs. As in section 3, what cannot be read is
//! reported with its line (of the whole text) and column, never guessed.

use crate::locale::{FiscalYear, Message, normalize_bangla, to_ascii_digits, to_bangla_digits};

use super::cell::{CellKind, read_cell};
use super::import::import_section3;
use super::model::{Acronym, Agreement, Outcome, SharedIndicator};
use crate::finding::{Finding, Severity, text_path};

/// A whole agreement read from text, and what could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedAgreement {
    pub agreement: Agreement,
    pub problems: Vec<Finding>,
}

/// Whether `text` is a whole agreement (it has section headings) rather than a pasted section 3 table.
pub fn is_whole_agreement(text: &str) -> bool {
    text.lines().any(|l| l.trim() == "সেকশন ১" || l.contains("(Vision)"))
}

fn cells(line: &str) -> Vec<String> {
    line.trim_end_matches('\r').split('\t').map(|c| c.trim().to_owned()).collect()
}

fn starts(line: &str, prefix: &str) -> bool {
    normalize_bangla(line.trim()).starts_with(&normalize_bangla(prefix))
}

/// The first non-blank line after the line `at`.
fn next_text(lines: &[&str], at: usize) -> Option<(usize, String)> {
    lines.iter().enumerate().skip(at + 1).find(|(_, l)| !l.trim().is_empty()).map(|(i, l)| (i, l.trim().to_owned()))
}

fn problem(line: usize, column: usize, bn: String, en: String) -> Finding {
    Finding::new(text_path(line + 1, column), Severity::Error, Message::new(bn, en))
}

/// Reads a whole agreement for `office` and `fiscal_year`.
pub fn import_agreement(text: &str, office: &str, fiscal_year: FiscalYear) -> ImportedAgreement {
    let lines: Vec<&str> = text.lines().collect();
    let mut agreement = Agreement::new(office, fiscal_year);
    let mut problems = Vec::new();
    let find = |from: usize, test: &dyn Fn(&str) -> bool| lines.iter().enumerate().skip(from).find(|(_, l)| test(l)).map(|(i, _)| i);
    // A heading is a line of its own; the table of contents repeats each one with a tab and a page number.
    let heading = |from: usize, prefix: &str| find(from, &|l| starts(l, prefix) && !l.contains('\t'));

    // The parties: the line after the preamble's paragraph, and the one after "এবং".
    // প্রস্তাবনা since 2020-21, উপক্রমণিকা before.
    if let Some(preamble) = heading(0, "প্রস্তাবনা").or_else(|| heading(0, "উপক্রমণিকা"))
        && let Some((paragraph, _)) = next_text(&lines, preamble)
        && let Some((at, name)) = next_text(&lines, paragraph)
    {
        agreement.office_name = name;
        if let Some((and, word)) = next_text(&lines, at)
            && word == "এবং"
            && let Some((_, counterpart)) = next_text(&lines, and)
        {
            agreement.counterpart = counterpart.split("-এর মধ্যে").next().unwrap_or_default().trim().to_owned();
        }
    }

    // Section 1.
    // Numbered headings: `১.১ রূপকল্প (Vision)` (the section's own title names both, unnumbered).
    let text_under = |number: &str, marker: &str| {
        find(0, &|l| starts(l, number) && l.contains(marker) && !l.contains('\t')).and_then(|i| next_text(&lines, i)).map(|(_, t)| t).unwrap_or_default()
    };
    agreement.vision = text_under("১.১ ", "(Vision)");
    agreement.mission = text_under("১.২ ", "(Mission)");
    if let Some(at) = find(0, &|l| l.contains("(Functions)") && !l.contains('\t')) {
        agreement.functions = lines
            .iter()
            .skip(at + 1)
            .skip_while(|l| l.trim().is_empty())
            .take_while(|l| l.trim().starts_with("- "))
            .map(|l| l.trim().trim_start_matches("- ").to_owned())
            .collect();
    }

    // Section 3 runs from its first header row to its footnote; section 2's rows come before it.
    let section3 = find(0, &|l| starts(l, "কর্মসম্পাদনের ক্ষেত্র\t"));
    if let Some(start) = section3 {
        let end = find(start, &|l| starts(l, "*সাময়িক") || starts(l, "আমি,")).unwrap_or(lines.len());
        let imported = import_section3(&lines[start..end].join("\n"));
        agreement = imported.merge_into(&agreement);
        // The table's lines are counted from its header; the document's from its first line.
        problems.extend(imported.problems.into_iter().map(|mut p| {
            let (line, column) = p.text_position();
            p.path = text_path(line.max(1) + start, column);
            p
        }));
    }
    if section3.is_none() {
        problems.push(problem(
            0,
            0,
            "সেকশন ৩-এর টেবিল পাওয়া যায়নি (“কর্মসম্পাদনের ক্ষেত্র” দিয়ে শুরু শিরোনামের সারি নেই); কোনো সূচক পড়া হয়নি।".into(),
            "Section 3's table was not found (no header row starting “কর্মসম্পাদনের ক্ষেত্র”); no indicator was read.".into(),
        ));
    }
    if let Some(first) = find(0, &|l| starts(l, "ফলাফল/প্রভাব\t")) {
        let end = section3.unwrap_or(lines.len());
        let mut outcome = String::new();
        for (index, line) in lines.iter().enumerate().take(end).skip(first) {
            let row = cells(line);
            if row.len() < 8 || row[0] == "ফলাফল/প্রভাব" || row[1].is_empty() {
                continue;
            }
            if !row[0].is_empty() {
                outcome = row[0].clone();
            }
            // Date outcomes (তারিখ) hold dates like ১২-১২-২০২৩; the rest numbers.
            let kind = CellKind::of_values(None, &row[2]);
            let mut value = |column: usize| match read_cell(row.get(column).map_or("", String::as_str), kind) {
                Ok(v) => v,
                Err(m) => {
                    problems.push(Finding::new(text_path(index + 1, column + 1), Severity::Error, m));
                    None
                }
            };
            let (prior, target, projections) = ([value(3), value(4)], value(5), [value(6), value(7)]);
            agreement.outcomes.push(Outcome {
                outcome: outcome.clone(),
                indicator: row[1].clone(),
                unit: row[2].clone(),
                prior_actuals: prior,
                target,
                projections,
                jointly_responsible: row.get(8).cloned().unwrap_or_default(),
                data_source: row.get(9).cloned().unwrap_or_default(),
            });
        }
    }

    // Annex 1: serial, acronym, meaning.
    if let Some(at) = heading(0, "সংযোজনী-১").or_else(|| heading(0, "সংযোজনী ১")) {
        for line in lines.iter().skip(at + 1).skip_while(|l| !l.contains('\t')).take_while(|l| l.contains('\t')) {
            let row = cells(line);
            if row.len() >= 3 && !row[1].is_empty() && !row[1].contains("শব্দসংক্ষেপ") {
                agreement.acronyms.push(Acronym { short: row[1].clone(), meaning: row[2].clone() });
            }
        }
    }

    // Annex 2: activity, `[১.১.১] indicator`, implementing unit, evidence.
    if let Some(at) = heading(0, "সংযোজনী ২") {
        let end = heading(at, "সংযোজনী ৩").unwrap_or(lines.len());
        for (index, line) in lines.iter().enumerate().take(end).skip(at + 1) {
            let row = cells(line);
            if row.len() < 4 || row[0] == "কার্যক্রম" {
                continue;
            }
            let serial = row[1].strip_prefix('[').and_then(|r| r.split_once(']')).map(|(s, _)| to_ascii_digits(s.trim()));
            let Some(serial) = serial else {
                problems.push(problem(
                    index,
                    2,
                    format!("সংযোজনী ২: “{}”-এ সূচকের ক্রমিক [ ] নেই।", row[1]),
                    format!("Annex 2: “{}” has no indicator serial in [ ].", row[1]),
                ));
                continue;
            };
            let found = agreement.areas.iter_mut().flat_map(|a| &mut a.activities).flat_map(|a| &mut a.indicators).find(|i| i.serial == serial);
            match found {
                Some(indicator) => {
                    indicator.implementer = row[2].clone();
                    indicator.evidence = row[3].clone();
                }
                None => problems.push(problem(
                    index,
                    2,
                    format!("সংযোজনী ২: সেকশন ৩-এ [{}] নামে কোনো সূচক নেই।", to_bangla_digits(&serial)),
                    format!("Annex 2: section 3 has no indicator [{serial}]."),
                )),
            }
        }
    }

    // Annex 3: activity, indicator, offices, coordination.
    if let Some(at) = heading(0, "সংযোজনী ৩") {
        let end = heading(at + 1, "সংযোজনী").unwrap_or(lines.len());
        for line in lines.iter().take(end).skip(at + 1) {
            let row = cells(line);
            if row.len() >= 4 && row[0] != "কার্যক্রম" && !row[1].is_empty() {
                agreement.shared_indicators.push(SharedIndicator {
                    activity: row[0].clone(),
                    indicator: row[1].clone(),
                    offices: row[2].clone(),
                    coordination: row[3].clone(),
                });
            }
        }
    }
    ImportedAgreement { agreement, problems }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::apa::Value;

    const SYLHET: &str = include_str!("../../../../tests/fixtures/apa-ict-sylhet-2024-25.txt");

    fn sylhet() -> ImportedAgreement {
        import_agreement(SYLHET, "ict-sylhet", FiscalYear::parse("2024-25").unwrap())
    }

    #[test]
    fn the_parties_and_section_1() {
        let a = sylhet().agreement;
        assert_eq!(a.office_name, "প্রোগ্রামার, জেলা কার্যালয়, সিলেট, আইসিটি অধিদপ্তর");
        assert_eq!(a.counterpart, "মহাপরিচালক, তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর");
        assert_eq!(a.vision, "জ্ঞানভিত্তিক অর্থনীতি ও সুশাসন প্রতিষ্ঠায় তথ্য প্রযুক্তির ব্যবহার");
        assert!(a.mission.starts_with("তথ্য প্রযুক্তি খাতের সর্বোত্তম ব্যবহার"), "{}", a.mission);
        assert_eq!(a.functions.len(), 11);
        assert_eq!(a.functions[0], "জেলা পর্যায়ে আইসিটি'র ব্যবহার ও প্রয়োগ নিশ্চিতকরণ ও সমন্বয় সাধন");
    }

    #[test]
    fn section_2_outcomes_with_every_number() {
        let a = sylhet().agreement;
        assert_eq!(a.outcomes.len(), 17, "{}", a.outcomes.iter().map(|o| o.indicator.as_str()).collect::<Vec<_>>().join("\n"));
        let first = &a.outcomes[0];
        assert_eq!(first.outcome, "ই-গভর্নান্স বিষয়ক সক্ষমতা বৃদ্ধি");
        let n = |x| Some(Value::Number(x));
        assert_eq!((first.prior_actuals, first.target, first.projections), ([n(90.0), n(100.0)], n(120.0), [n(130.0), n(140.0)]));
        assert_eq!(first.data_source, "সংখ্যা, প্রশিক্ষণ প্রতিবেদন");
        let fifth = &a.outcomes[4];
        assert_eq!((fifth.indicator.as_str(), fifth.outcome.as_str(), fifth.prior_actuals[0]), ("সুরক্ষা বিষয়ক সেবা প্রদান", "ই-গভর্নান্স বিষয়ক সক্ষমতা বৃদ্ধি", n(2500.0)));
        let day = chrono::NaiveDate::from_ymd_opt(2023, 12, 12).map(Value::Date);
        assert_eq!((a.outcomes[6].unit.as_str(), a.outcomes[6].target), ("তারিখ", day), "a date outcome reads as dates");
        assert_eq!(a.outcomes[16].outcome, "আইসিটি অবকাঠামো উন্নয়নে সহায়তা");
    }

    #[test]
    fn section_3_is_the_section_3_import() {
        let whole = sylhet();
        let table = import_section3(include_str!("../../../../tests/fixtures/apa-ict-sylhet-2024-25-section3.tsv"));
        assert_eq!(whole.agreement.areas.len(), 5);
        let strip = |areas: &[super::super::model::Area]| {
            let mut areas = areas.to_vec();
            areas.iter_mut().flat_map(|a| &mut a.activities).flat_map(|a| &mut a.indicators).for_each(|i| {
                i.implementer.clear();
                i.evidence.clear();
            });
            areas
        };
        assert_eq!(strip(&whole.agreement.areas), table.areas);
        assert_eq!(whole.agreement.governance, table.governance);
        // The stray cells of section 3, at their lines in the whole document (143 is its first line).
        let stray: Vec<usize> = whole.problems.iter().map(|p| p.text_position().0).collect();
        assert_eq!(stray, table.problems.iter().map(|p| p.text_position().0 + 142).collect::<Vec<_>>());
    }

    #[test]
    fn annexes_1_to_3() {
        let a = sylhet().agreement;
        assert_eq!(a.acronyms.len(), 8);
        assert_eq!(a.acronyms[1], Acronym { short: "CAMS".into(), meaning: "Central Aid Management System".into() });
        let indicators: Vec<_> = a.areas.iter().flat_map(|a| &a.activities).flat_map(|a| &a.indicators).collect();
        assert!(indicators.iter().all(|i| !i.implementer.is_empty()), "annex 2 names an implementer for every own indicator");
        let first = indicators[0];
        assert_eq!((first.implementer.as_str(), first.evidence.as_str()), ("জেলা আইসিটি অফিস/উপজেলা আইসিটি অফিস", "স্থিরচিত্র/প্রতিবেদন"));
        assert_eq!(a.shared_indicators.len(), 10);
        assert_eq!(a.shared_indicators[6].offices, "বাংলাদেশ কম্পিউটার কাউন্সিল");
    }

    #[test]
    fn the_2019_20_layout_reads_its_parties_and_says_what_is_missing() {
        let text = include_str!("../../../../tests/fixtures/apa-ict-joypurhat-2019-20.txt");
        let imported = import_agreement(text, "ict-joypurhat", FiscalYear::parse("2019-20").unwrap());
        let a = &imported.agreement;
        assert!(a.office_name.starts_with("প্রোগ্রামার, তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর"), "{}", a.office_name);
        assert!(a.counterpart.starts_with("মহাপরিচালক"), "{}", a.counterpart);
        assert!(normalize_bangla(&a.vision).starts_with(&normalize_bangla("জনগণের দোরগোড়ায় ই-সার্ভিস")), "{}", a.vision);
        assert!(a.areas.is_empty());
        assert!(
            imported.problems.iter().any(|p| p.text_position().0 == 1 && p.message.en.contains("Section 3's table was not found")),
            "{:?}",
            imported.problems
        );
    }

    #[test]
    fn a_section_3_table_alone_is_not_a_whole_agreement() {
        assert!(is_whole_agreement(SYLHET));
        assert!(!is_whole_agreement(include_str!("../../../../tests/fixtures/apa-ict-sylhet-2024-25-section3.tsv")));
    }
}
