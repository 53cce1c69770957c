//! TCV: how much of the citizen's time, cost and visits an innovation saves. Per case, the
//! improvement is (before − after) / before; with the yearly volume, the year's savings. Money stays
//! exact ([`Decimal`]); the percentages are for showing.

use crate::locale::Decimal;

use super::entry::{Case, Entry};

/// An entry's TCV analysis. A figure is `None` where before or after is missing (or before is zero).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tcv {
    /// Improvement per case, in percent (negative when "after" is worse).
    pub time: Option<f64>,
    pub cost: Option<f64>,
    pub visits: Option<f64>,
    /// What a year of cases saves, when the entry gives its yearly volume.
    pub yearly: Option<Savings>,
}

/// Saved in a year: hours of the citizens' time, taka (exact), office visits.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Savings {
    pub hours: Option<f64>,
    pub taka: Option<Decimal>,
    pub visits: Option<u64>,
}

fn percent(before: f64, after: f64) -> Option<f64> {
    (before > 0.0).then(|| (before - after) / before * 100.0)
}

/// The TCV of `entry`.
pub fn tcv(entry: &Entry) -> Tcv {
    let (b, a): (&Case, &Case) = (&entry.before, &entry.after);
    let hours = b.time.zip(a.time).map(|(b, a)| (b.hours(), a.hours()));
    let cost = b.cost.zip(a.cost);
    let visits = b.visits.zip(a.visits);
    let yearly = entry.yearly_volume.map(|volume| Savings {
        hours: hours.map(|(b, a)| (b - a) * volume as f64),
        taka: cost.and_then(|(b, a)| b.checked_sub(a)?.checked_mul_integer(i128::from(volume))),
        visits: visits.map(|(b, a)| u64::from(b.saturating_sub(a)) * volume),
    });
    Tcv {
        time: hours.and_then(|(b, a)| percent(b, a)),
        cost: cost.and_then(|(b, a)| percent(b.to_f64(), a.to_f64())),
        visits: visits.and_then(|(b, a)| percent(f64::from(b), f64::from(a))),
        yearly,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::innovation::entry::{TimeUnit, Timed};

    fn money(text: &str) -> Decimal {
        Decimal::parse(text).unwrap()
    }

    pub(crate) fn entry(before: Case, after: Case, volume: Option<u64>) -> Entry {
        let json = include_str!("../../../../tests/fixtures/innovation-entry-enothi.json");
        let mut e: Entry = serde_json::from_str(json).unwrap();
        (e.before, e.after, e.yearly_volume) = (before, after, volume);
        e
    }

    #[test]
    fn improvement_per_case_and_savings_per_year_with_money_exact() {
        let before =
            Case {
                time: Some(Timed { amount: money("১৫"), unit: TimeUnit::Days }), cost: Some(money("১,২৫০.৫০")), visits: Some(4), ..Case::default()
            };
        let after =
            Case { time: Some(Timed { amount: money("২"), unit: TimeUnit::Hours }), cost: Some(money("১০০")), visits: Some(1), ..Case::default() };
        let t = tcv(&entry(before, after, Some(12_000)));
        assert!((t.time.unwrap() - (360.0 - 2.0) / 360.0 * 100.0).abs() < 1e-9, "days and hours compared in hours");
        assert!((t.cost.unwrap() - 1150.5 / 1250.5 * 100.0).abs() < 1e-9);
        assert_eq!(t.visits, Some(75.0));
        let yearly = t.yearly.unwrap();
        assert_eq!(yearly.taka.unwrap().plain(), "13806000.00", "1,150.50 × 12,000, to the paisa");
        assert_eq!(yearly.visits, Some(36_000));
        assert_eq!(yearly.hours, Some(358.0 * 12_000.0));
    }

    #[test]
    fn a_missing_or_zero_before_gives_no_percentage_and_a_worse_after_a_negative_one() {
        let t = tcv(&entry(Case { visits: Some(0), ..Case::default() }, Case { visits: Some(1), cost: Some(money("5")), ..Case::default() }, None));
        assert_eq!((t.time, t.cost, t.visits, t.yearly), (None, None, None, None));
        let t = tcv(&entry(Case { visits: Some(2), ..Case::default() }, Case { visits: Some(3), ..Case::default() }, Some(10)));
        assert_eq!(t.visits, Some(-50.0));
        assert_eq!(t.yearly.unwrap().visits, Some(0), "no visits saved, none counted negative");
    }
}
