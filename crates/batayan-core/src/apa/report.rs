//! A progress report (`"schema": "batayan.apa-report/1"`): the values an office reports per quarter
//! for each indicator, with an evidence link, and the scorecard they give against the agreement.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::contract::APA_REPORT_SCHEMA;
use crate::locale::{FiscalYear, Period, Quarter};

use super::block::{Block, RowKey};
use super::model::{Agreement, Area, Indicator, Value};
use super::score::{Mode, RawScore, Why, achievement, governance_marks, raw_score, weighted};

/// What an office reports: per indicator key (`"1.1.1"`; governance `"g1.1.1"`), the values of the
/// quarters so far.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct Report {
    pub schema: String,
    pub office: String,
    pub fiscal_year: FiscalYear,
    /// The last period the report covers: `Q1`…`Q4` or `annual`.
    pub period: String,
    #[serde(default)]
    pub values: BTreeMap<RowKey, ReportedValues>,
}

impl Report {
    pub fn new(office: &str, fiscal_year: FiscalYear, period: &str) -> Report {
        Report { schema: APA_REPORT_SCHEMA.to_owned(), office: office.to_owned(), fiscal_year, period: period.to_owned(), values: BTreeMap::new() }
    }
}

/// One indicator's reported values, Q1 to Q4, and where the evidence (প্রমাণক) is.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct ReportedValues {
    #[serde(default)]
    pub quarters: [Option<Value>; 4],
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

/// One indicator's result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndicatorScore {
    pub key: RowKey,
    pub achievement: Option<Value>,
    /// `None` when nothing is reported yet.
    pub raw: Option<RawScore>,
    /// What it adds to its area: weight × raw / 100, or the capped marks for governance.
    pub weighted: f64,
}

/// One area's result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AreaScore {
    pub key: RowKey,
    pub name: String,
    pub weight: f64,
    pub score: f64,
}

/// The whole agreement scored: per indicator, per area, and out of 100.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    pub indicators: Vec<IndicatorScore>,
    pub areas: Vec<AreaScore>,
    pub own: f64,
    pub governance: f64,
    pub total: f64,
}

/// Scores a report against its agreement. Full precision; round only to display.
pub fn scorecard(agreement: &Agreement, report: &Report, mode: Mode) -> Scorecard {
    let mut card = Scorecard { indicators: Vec::new(), areas: Vec::new(), own: 0.0, governance: 0.0, total: 0.0 };
    for (block, areas) in agreement.blocks() {
        for area in areas {
            let area_score = score_area(block, area, report, mode, &mut card.indicators);
            if block == Block::Governance {
                card.governance += area_score.score
            } else {
                card.own += area_score.score
            }
            card.areas.push(area_score);
        }
    }
    card.total = card.own + card.governance;
    card
}

fn score_area(block: Block, area: &Area, report: &Report, mode: Mode, out: &mut Vec<IndicatorScore>) -> AreaScore {
    let mut sum = 0.0;
    for indicator in area.activities.iter().flat_map(|a| &a.indicators) {
        let key = block.key(&indicator.serial);
        let quarters = report.values.get(&key).map(|r| r.quarters).unwrap_or_default();
        let score = score_indicator(key, indicator, &quarters, mode, block == Block::Governance);
        sum += score.weighted;
        out.push(score);
    }
    AreaScore { key: block.key(&area.serial), name: area.name.clone(), weight: area.weight.unwrap_or(0.0), score: sum }
}

/// One indicator scored from its quarters' values: what [`scorecard`] does for each row, and what the
/// report form does again for the one row that was typed into.
pub fn score_indicator(key: RowKey, indicator: &Indicator, quarters: &[Option<Value>; 4], mode: Mode, is_governance: bool) -> IndicatorScore {
    let achieved = achievement(indicator.method, quarters);
    let weight = indicator.weight.unwrap_or(0.0);
    let (raw, weighted_score) = match achieved {
        None => (None, 0.0),
        // Governance indicators report marks obtained from their own action plans.
        Some(Value::Number(marks)) if is_governance && indicator.levels.iter().all(Option::is_none) => {
            let obtained = governance_marks(weight, marks);
            let raw = if weight > 0.0 { obtained / weight * 100.0 } else { 0.0 };
            (Some(RawScore { value: raw, why: Why::Marks { obtained, weight } }), obtained)
        }
        Some(value) => {
            let raw = raw_score(indicator, value, mode);
            let w = weighted(weight, raw.value);
            (Some(raw), w)
        }
    };
    IndicatorScore { key, achievement: achieved, raw, weighted: weighted_score }
}

/// How many quarters a period covers: Q2 → 2, annual → 4. An unknown period covers the whole year.
pub fn quarters_covered(period: &str) -> usize {
    match Period::parse(period) {
        Ok(Period::Quarter(q)) => Quarter::ALL.iter().position(|x| *x == q).map_or(4, |i| i + 1),
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::apa::import_section3;

    fn sylhet() -> Agreement {
        import_section3(include_str!("../../../../tests/fixtures/apa-ict-sylhet-2024-25-section3.tsv"))
            .merge_into(&Agreement::new("ict-sylhet", FiscalYear::parse("2024-25").unwrap()))
    }

    fn q(values: [Option<f64>; 4]) -> ReportedValues {
        ReportedValues { quarters: values.map(|v| v.map(Value::Number)), evidence: None }
    }

    #[test]
    fn a_report_scores_per_indicator_area_and_total() {
        let agreement = sylhet();
        let mut report = Report::new("ict-sylhet", agreement.fiscal_year, "Q2");
        report.values.insert("1.1.1".into(), q([Some(30.0), Some(30.0), None, None])); // 60 → 95.56 × 5%
        report.values.insert("1.2.1".into(), q([Some(150.0), Some(150.0), None, None])); // 300 → 100 × 3%
        report.values.insert("g1.1.1".into(), q([Some(4.0), Some(7.5), None, None])); // cumulative 7.5 of 10
        report.values.insert("g1.3.1".into(), q([Some(6.0), None, None, None])); // capped at its weight 8
        let card = scorecard(&agreement, &report, Mode::Interpolated);
        let first = &card.indicators[0];
        assert_eq!(first.key, "1.1.1");
        assert!((first.weighted - 5.0 * (90.0 + 10.0 * 25.0 / 45.0) / 100.0).abs() < 1e-9);
        assert!((card.areas[0].score - (first.weighted + 3.0)).abs() < 1e-9);
        assert_eq!(card.areas[0].key, "1");
        assert_eq!(card.areas.last().map(|a| a.key.as_str()), Some("g1"));
        assert!((card.governance - 13.5).abs() < 1e-9);
        assert!((card.total - (card.own + 13.5)).abs() < 1e-9);
        let unreported = card.indicators.iter().find(|i| i.key == "1.3.1").unwrap();
        assert_eq!((unreported.raw.is_none(), unreported.weighted), (true, 0.0));
    }

    #[test]
    fn reports_round_trip_through_json() {
        let mut report = Report::new("ict-sylhet", FiscalYear::parse("2024-25").unwrap(), "Q1");
        report.values.insert(
            "2.1.1".into(),
            ReportedValues {
                quarters: [None, Some(Value::Date(chrono::NaiveDate::from_ymd_opt(2024, 12, 12).unwrap())), None, None],
                evidence: Some("https://example.gov.bd/photos".into()),
            },
        );
        let json = serde_json::to_string(&report).unwrap();
        assert!(json.contains("\"quarters\":[null,\"2024-12-12\",null,null]"), "{json}");
        assert_eq!(serde_json::from_str::<Report>(&json).unwrap(), report);
    }
}
