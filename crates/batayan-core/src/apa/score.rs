//! Scoring (domain.md §1 "Scoring an indicator"): raw score 0–100 per indicator from the five target
//! levels, weighted by the indicator's weight, summed per area; governance marks capped at their
//! weight; the total out of 100. Every score carries the arithmetic that produced it.
//!
//! Cabinet Division guideline: at or beyond the 100% target the raw score is 100 (no bonus); below the
//! lowest filled level it is 0. Between two filled levels it is interpolated linearly (our default) or,
//! in `Stepped` mode, the highest level reached.

use serde::{Deserialize, Serialize};

use crate::locale::{Lang, Message, format_fixed, format_number};

use super::model::{Direction, Indicator, Method, Value};

/// The raw-score rule between two levels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    #[default]
    Interpolated,
    Stepped,
}

/// The percentages of the five levels, 100% first.
pub const LEVEL_PERCENTS: [f64; 5] = [100.0, 90.0, 80.0, 70.0, 60.0];

/// A raw score and how it came about.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RawScore {
    /// 0.0 ..= 100.0, full precision.
    pub value: f64,
    pub explanation: Message,
}

/// The year's achievement from the periods' values, by the indicator's method: the sum, the average,
/// the latest cumulative value, or (dates) the latest date reported. `None` when nothing is reported.
pub fn achievement(method: Option<Method>, periods: &[Option<Value>]) -> Option<Value> {
    let reported: Vec<Value> = periods.iter().flatten().copied().collect();
    let numbers: Vec<f64> = reported.iter().filter_map(|v| if let Value::Number(x) = v { Some(*x) } else { None }).collect();
    match method {
        _ if reported.is_empty() => None,
        Some(Method::Sum) | None => Some(Value::Number(numbers.iter().sum())),
        Some(Method::Average) if numbers.is_empty() => None,
        Some(Method::Average) => Some(Value::Number(numbers.iter().sum::<f64>() / numbers.len() as f64)),
        Some(Method::Cumulative) | Some(Method::Date) => reported.last().copied(),
    }
}

fn key(value: Value) -> f64 {
    match value {
        Value::Number(x) => x,
        Value::Date(d) => f64::from(chrono::Datelike::num_days_from_ce(&d)),
    }
}


/// The raw score of one achievement against an indicator's levels.
pub fn raw_score(indicator: &Indicator, achieved: Value, mode: Mode) -> RawScore {
    // Dates: earlier is better, like "lower is better".
    let lower_is_better = indicator.method == Some(Method::Date) || indicator.direction == Direction::LowerIsBetter;
    // Work on "goodness": larger is better in both directions.
    let good = |v: Value| if lower_is_better { -key(v) } else { key(v) };
    let levels: Vec<(f64, Value)> = indicator
        .levels
        .iter()
        .zip(LEVEL_PERCENTS)
        .filter_map(|(v, p)| v.map(|v| (p, v)))
        .collect();
    let a = good(achieved);
    let said = |bn: String, en: String| Message::new(bn, en);
    let Some(&(top_percent, top)) = levels.first() else {
        return RawScore {
            value: 0.0,
            explanation: said("কোনো লক্ষ্যমাত্রা নেই, তাই নম্বর ০।".into(), "No target is set, so the score is 0.".into()),
        };
    };
    if a >= good(top) {
        let value = top_percent;
        return RawScore {
            value,
            explanation: said(
                format!("অর্জন {} ≥ {}% লক্ষ্যমাত্রা {} → {}।", achieved.format(Lang::Bn), format_number(top_percent, Lang::Bn), top.format(Lang::Bn), format_number(value, Lang::Bn)),
                format!("Achievement {} reaches the {}% target {} → {}.", achieved.format(Lang::En), top_percent, top.format(Lang::En), value),
            ),
        };
    }
    for pair in levels.windows(2) {
        let ((p_hi, hi), (p_lo, lo)) = (pair[0], pair[1]);
        if a >= good(lo) {
            let (value, bn_rule, en_rule) = match mode {
                Mode::Stepped => (p_lo, String::new(), String::new()),
                Mode::Interpolated => {
                    let span = good(hi) - good(lo);
                    let value = if span.abs() < f64::EPSILON { p_lo } else { p_lo + (p_hi - p_lo) * (a - good(lo)) / span };
                    let rule_en = format!(
                        ": {p_lo} + {} × ({} − {}) / ({} − {})",
                        p_hi - p_lo,
                        achieved.format(Lang::En),
                        lo.format(Lang::En),
                        hi.format(Lang::En),
                        lo.format(Lang::En)
                    );
                    let rule_bn = crate::locale::to_bangla_digits(&rule_en);
                    (value, rule_bn, rule_en)
                }
            };
            return RawScore {
                value,
                explanation: said(
                    format!(
                        "অর্জন {} আছে {}% ({}) ও {}% ({}) লক্ষ্যমাত্রার মাঝে{} = {}।",
                        achieved.format(Lang::Bn),
                        format_number(p_lo, Lang::Bn),
                        lo.format(Lang::Bn),
                        format_number(p_hi, Lang::Bn),
                        hi.format(Lang::Bn),
                        bn_rule,
                        format_fixed(value, 2, Lang::Bn)
                    ),
                    format!(
                        "Achievement {} lies between the {}% target ({}) and the {}% target ({}){} = {}.",
                        achieved.format(Lang::En),
                        p_lo,
                        lo.format(Lang::En),
                        p_hi,
                        hi.format(Lang::En),
                        en_rule,
                        format_fixed(value, 2, Lang::En)
                    ),
                ),
            };
        }
    }
    let (p_low, lowest) = levels[levels.len() - 1];
    RawScore {
        value: 0.0,
        explanation: said(
            format!("অর্জন {} সর্বনিম্ন ({}%) লক্ষ্যমাত্রা {}-এর নিচে → ০।", achieved.format(Lang::Bn), format_number(p_low, Lang::Bn), lowest.format(Lang::Bn)),
            format!("Achievement {} is below the lowest ({}%) target {} → 0.", achieved.format(Lang::En), p_low, lowest.format(Lang::En)),
        ),
    }
}

/// Weighted score = weight × raw / 100, full precision.
pub fn weighted(weight: f64, raw: f64) -> f64 {
    weight * raw / 100.0
}

/// Governance marks obtained, capped at the indicator's weight (and never below 0).
pub fn governance_marks(weight: f64, marks: f64) -> f64 {
    marks.clamp(0.0, weight.max(0.0))
}

#[cfg(test)]
mod tests;
