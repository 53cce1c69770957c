//! Checks of a progress report against its agreement, before it is stored or scored: every value for a
//! known indicator, of the right kind, in a quarter the report covers; evidence links that are links.

use crate::contract::json_pointer;
use crate::locale::{Lang, Message, Period, format_number};

use super::block::RowKey;
use super::model::{Agreement, Indicator, Method, Value};
use super::report::{Report, ReportedValues};
use crate::finding::{Finding, Severity};

/// Every problem of `report` against `agreement`, each at its JSON Pointer in the report.
pub fn check_report(agreement: &Agreement, report: &Report) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Err(m) = Period::parse(&report.period) {
        out.push(Finding::new("/period", Severity::Error, m));
    }
    // Looked up by key: a report of 1,000 values is checked in linear time, not 1,000 × 1,000.
    let indicators: std::collections::HashMap<RowKey, (&super::model::Indicator, bool)> =
        agreement.keyed_indicators().map(|(key, block, i)| (key, (i, block == super::block::Block::Governance))).collect();
    for (key, values) in &report.values {
        let Some(&(indicator, governance)) = indicators.get(key) else {
            let mut push = |severity, path: String, bn: String, en: String| out.push(Finding::new(path, severity, Message::new(bn, en)));
            push(
                Severity::Error,
                json_pointer(["values", key.as_str()]),
                format!("চুক্তিতে {} নামে কোনো সূচক নেই।", key.label(agreement.fiscal_year, Lang::Bn)),
                format!("The agreement has no indicator {}.", key.label(agreement.fiscal_year, Lang::En)),
            );
            continue;
        };
        out.extend(check_values(agreement, &report.period, key, indicator, governance, values));
    }
    out
}

/// The problems of one indicator's values: what [`check_report`] finds for each row, and what the
/// report form checks again for the one row that was typed into.
pub fn check_values(agreement: &Agreement, period: &str, key: &RowKey, indicator: &Indicator, governance: bool, values: &ReportedValues) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut push = |severity, path: String, bn: String, en: String| out.push(Finding::new(path, severity, Message::new(bn, en)));
    let covered = super::report::quarters_covered(period);
    let is_date = indicator.method == Some(Method::Date);
    for (q, value) in values.quarters.iter().enumerate() {
        let Some(value) = value else { continue };
        let path = json_pointer(["values", key.as_str(), "quarters", &q.to_string()]);
        if q >= covered {
            push(
                Severity::Error,
                path.clone(),
                format!("প্রতিবেদনটি {} পর্যন্ত; পরের প্রান্তিকের মান এখনো দেওয়া যায় না।", period),
                format!("The report runs to {}; a later quarter's value cannot be given yet.", period),
            );
        }
        match (value, is_date) {
            (Value::Number(_), true) => push(Severity::Error, path, "এই সূচকের অর্জন একটি তারিখ।".into(), "This indicator's achievement is a date.".into()),
            (Value::Date(_), false) => push(Severity::Error, path, "এই সূচকের অর্জন একটি সংখ্যা।".into(), "This indicator's achievement is a number.".into()),
            (Value::Number(x), false) if *x < 0.0 => push(Severity::Error, path, "অর্জন ঋণাত্মক হতে পারে না।".into(), "An achievement cannot be negative.".into()),
            (Value::Number(x), false) if governance && indicator.weight.is_some_and(|w| *x > w) => {
                let w = indicator.weight.unwrap_or(0.0);
                push(
                    Severity::Warning,
                    path,
                    format!("প্রাপ্ত নম্বর {} সর্বোচ্চ {}-এর বেশি; {} ধরা হবে।", format_number(*x, Lang::Bn), format_number(w, Lang::Bn), format_number(w, Lang::Bn)),
                    format!(
                        "Marks {} exceed the most, {}; {} will count.",
                        format_number(*x, Lang::En),
                        format_number(w, Lang::En),
                        format_number(w, Lang::En)
                    ),
                )
            }
            (Value::Date(d), true) if !agreement.fiscal_year.contains(*d) => push(
                Severity::Warning,
                path,
                format!("তারিখটি অর্থবছর {}-এর বাইরে।", agreement.fiscal_year.label(Lang::Bn)),
                format!("The date lies outside fiscal year {}.", agreement.fiscal_year),
            ),
            _ => {}
        }
    }
    if let Some(link) = values.evidence.as_deref().map(str::trim).filter(|l| !l.is_empty())
        && !crate::contract::is_web_link(link)
    {
        push(
            Severity::Error,
            json_pointer(["values", key.as_str(), "evidence"]),
            "প্রমাণকের ঠিকানা http:// বা https:// দিয়ে শুরু হয়, তারপর সাইটের নাম (যেমন https://sylhet.gov.bd/apa)।".into(),
            "An evidence link starts with http:// or https:// and a site (e.g. https://sylhet.gov.bd/apa).".into(),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::apa::report::ReportedValues;
    use crate::locale::FiscalYear;

    fn agreement() -> Agreement {
        serde_json::from_str(include_str!("../../../../tests/fixtures/apa-ict-sylhet-2024-25.json")).unwrap()
    }

    fn paths(report: &Report) -> Vec<(Severity, String)> {
        check_report(&agreement(), report).into_iter().map(|f| (f.severity, f.path)).collect()
    }

    #[test]
    fn a_sound_report_has_no_findings() {
        let mut report = Report::new("ict-sylhet", FiscalYear::parse("2024-25").unwrap(), "Q2");
        let n = |x| Some(Value::Number(x));
        report.values.insert("1.1.1".into(), ReportedValues { quarters: [n(20.0), n(15.0), None, None], evidence: Some("https://sylhet.gov.bd/apa".into()) });
        let date = chrono::NaiveDate::from_ymd_opt(2024, 12, 12).map(Value::Date);
        report.values.insert("2.1.1".into(), ReportedValues { quarters: [None, date, None, None], evidence: Some("HTTPS://SYLHET.GOV.BD/apa".into()) });
        assert_eq!(paths(&report), [], "a link typed in capitals is a link");
    }

    #[test]
    fn the_sample_q2_report_is_sound() {
        let report: Report = serde_json::from_str(include_str!("../../../../tests/fixtures/apa-ict-sylhet-2024-25-report-q2.json")).unwrap();
        assert_eq!(paths(&report), []);
    }

    #[test]
    fn each_problem_points_at_its_value() {
        let mut report = Report::new("ict-sylhet", FiscalYear::parse("2024-25").unwrap(), "Q1");
        let n = |x| Some(Value::Number(x));
        report.values.insert("1.1.1".into(), ReportedValues { quarters: [n(-1.0), n(5.0), None, None], evidence: Some("sylhet.gov.bd".into()) });
        report.values.insert("2.1.1".into(), ReportedValues { quarters: [n(12.0), None, None, None], evidence: None });
        report.values.insert("9.9.9".into(), ReportedValues::default());
        report.values.insert("g1.3.1".into(), ReportedValues { quarters: [n(9.0), None, None, None], evidence: None });
        let found = paths(&report);
        assert_eq!(
            found,
            [
                (Severity::Error, "/values/1.1.1/quarters/0".to_owned()),
                (Severity::Error, "/values/1.1.1/quarters/1".to_owned()),
                (Severity::Error, "/values/1.1.1/evidence".to_owned()),
                (Severity::Error, "/values/2.1.1/quarters/0".to_owned()),
                (Severity::Error, "/values/9.9.9".to_owned()),
                (Severity::Warning, "/values/g1.3.1/quarters/0".to_owned()),
            ]
        );
    }
}
