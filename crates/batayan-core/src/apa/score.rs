//! Scoring (domain.md §1 "Scoring an indicator"): raw score 0–100 per indicator from the five target
//! levels, weighted by the indicator's weight, summed per area; governance marks capped at their
//! weight; the total out of 100. Every score carries the arithmetic that produced it.
//!
//! Cabinet Division guideline: at or beyond the 100% target the raw score is 100 (no bonus); below the
//! lowest filled level it is 0. Between two filled levels it is interpolated linearly (our default) or,
//! in `Stepped` mode, the highest level reached.

use serde::{Deserialize, Serialize};

use crate::locale::{Lang, Message, format_fixed, format_number};

pub use super::model::Mode;
use super::model::{Indicator, Method, Value};

/// The percentages of the five levels, 100% first.
pub const LEVEL_PERCENTS: [f64; 5] = [100.0, 90.0, 80.0, 70.0, 60.0];

/// A raw score and how it came about. The "how" is kept as figures and written out only when someone
/// reads it ([`RawScore::explanation`]): scoring 1,000 indicators on each keystroke formats no text.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct RawScore {
    /// 0.0 ..= 100.0, full precision.
    pub value: f64,
    pub why: Why,
}

/// The figures behind a raw score.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Why {
    /// No level has a target.
    NoTarget,
    /// The achievement reaches the top level that has a target.
    Reached { achieved: Value, percent: f64, target: Value },
    /// Between two levels: interpolated, or (stepped) the lower level's percentage.
    Between { achieved: Value, low: (f64, Value), high: (f64, Value), interpolated: bool },
    /// Below the lowest level that has a target.
    Below { achieved: Value, percent: f64, lowest: Value },
    /// Governance: marks obtained out of the indicator's weight.
    Marks { obtained: f64, weight: f64 },
}

impl RawScore {
    /// How the score was computed, in both languages, with the arithmetic.
    pub fn explanation(&self) -> Message {
        let value = self.value;
        match self.why {
            Why::NoTarget => Message::new("কোনো লক্ষ্যমাত্রা নেই, তাই নম্বর ০।", "No target is set, so the score is 0."),
            Why::Reached { achieved, percent, target } => Message::new(
                format!(
                    "অর্জন {} ≥ {}% লক্ষ্যমাত্রা {} → {}।",
                    achieved.format(Lang::Bn),
                    format_number(percent, Lang::Bn),
                    target.format(Lang::Bn),
                    format_number(value, Lang::Bn)
                ),
                format!("Achievement {} reaches the {}% target {} → {}.", achieved.format(Lang::En), percent, target.format(Lang::En), value),
            ),
            Why::Between { achieved, low: (p_lo, lo), high: (p_hi, hi), interpolated } => {
                let (bn_rule, en_rule) = if interpolated {
                    let rule_en = format!(
                        ": {p_lo} + {} × ({} − {}) / ({} − {})",
                        p_hi - p_lo,
                        achieved.format(Lang::En),
                        lo.format(Lang::En),
                        hi.format(Lang::En),
                        lo.format(Lang::En)
                    );
                    (crate::locale::to_bangla_digits(&rule_en), rule_en)
                } else {
                    (String::new(), String::new())
                };
                Message::new(
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
                )
            }
            Why::Below { achieved, percent, lowest } => Message::new(
                format!("অর্জন {} সর্বনিম্ন ({}%) লক্ষ্যমাত্রা {}-এর নিচে → ০।", achieved.format(Lang::Bn), format_number(percent, Lang::Bn), lowest.format(Lang::Bn)),
                format!("Achievement {} is below the lowest ({}%) target {} → 0.", achieved.format(Lang::En), percent, lowest.format(Lang::En)),
            ),
            Why::Marks { obtained, weight } => Message::new(
                format!("প্রাপ্ত নম্বর {} (সর্বোচ্চ {})।", format_number(obtained, Lang::Bn), format_number(weight, Lang::Bn)),
                format!("Marks obtained {obtained} (at most {weight})."),
            ),
        }
    }
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

/// The raw score of one achievement against an indicator's levels.
pub fn raw_score(indicator: &Indicator, achieved: Value, mode: Mode) -> RawScore {
    let lower_is_better = indicator.lower_is_better();
    let good = |v: Value| if lower_is_better { -v.order_key() } else { v.order_key() };
    let levels: Vec<(f64, Value)> = indicator.levels.iter().zip(LEVEL_PERCENTS).filter_map(|(v, p)| v.map(|v| (p, v))).collect();
    let a = good(achieved);
    let Some(&(top_percent, top)) = levels.first() else {
        return RawScore { value: 0.0, why: Why::NoTarget };
    };
    if a >= good(top) {
        return RawScore { value: top_percent, why: Why::Reached { achieved, percent: top_percent, target: top } };
    }
    for pair in levels.windows(2) {
        let ((p_hi, hi), (p_lo, lo)) = (pair[0], pair[1]);
        if a >= good(lo) {
            let value = match mode {
                Mode::Stepped => p_lo,
                Mode::Interpolated => {
                    let span = good(hi) - good(lo);
                    if span.abs() < f64::EPSILON { p_lo } else { p_lo + (p_hi - p_lo) * (a - good(lo)) / span }
                }
            };
            let why = Why::Between { achieved, low: (p_lo, lo), high: (p_hi, hi), interpolated: mode == Mode::Interpolated };
            return RawScore { value, why };
        }
    }
    let (percent, lowest) = levels[levels.len() - 1];
    RawScore { value: 0.0, why: Why::Below { achieved, percent, lowest } }
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
