//! Raw scores on the domain example, the edges, both directions, dates, and properties over a grid.

use super::*;
use crate::apa::model::{Direction, Indicator};
use chrono::NaiveDate;

fn indicator(levels: [Option<f64>; 5], direction: Direction) -> Indicator {
    Indicator {
        serial: "1.1.1".into(),
        name: "test".into(),
        method: Some(Method::Sum),
        unit: "সংখ্যা".into(),
        weight: Some(5.0),
        prior_actuals: [None, None],
        prior_provisional: [false, false],
        levels: levels.map(|l| l.map(Value::Number)),
        projections: [None, None],
        direction,
        implementer: String::new(),
        evidence: String::new(),
    }
}

fn score(i: &Indicator, achieved: f64, mode: Mode) -> f64 {
    raw_score(i, Value::Number(achieved), mode).value
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn the_domain_example_interpolates_between_100_and_90() {
    // [১.১.১] of Sylhet: 80, 35, 30, 25, 20. Achievement 60: 90 + 10 × (60 − 35) / (80 − 35) = 95.56.
    let i = indicator([Some(80.0), Some(35.0), Some(30.0), Some(25.0), Some(20.0)], Direction::HigherIsBetter);
    let s = raw_score(&i, Value::Number(60.0), Mode::Interpolated);
    assert!(close(s.value, 90.0 + 10.0 * 25.0 / 45.0), "{}", s.value);
    assert_eq!(s.explanation().en, "Achievement 60 lies between the 90% target (35) and the 100% target (80): 90 + 10 × (60 − 35) / (80 − 35) = 95.56.");
    assert_eq!(s.explanation().bn, "অর্জন ৬০ আছে ৯০% (৩৫) ও ১০০% (৮০) লক্ষ্যমাত্রার মাঝে: ৯০ + ১০ × (৬০ − ৩৫) / (৮০ − ৩৫) = ৯৫.৫৬।");
    assert_eq!(score(&i, 60.0, Mode::Stepped), 90.0);
}

#[test]
fn top_and_bottom() {
    let i = indicator([Some(80.0), Some(35.0), Some(30.0), Some(25.0), Some(20.0)], Direction::HigherIsBetter);
    assert_eq!(score(&i, 80.0, Mode::Interpolated), 100.0);
    assert_eq!(score(&i, 500.0, Mode::Interpolated), 100.0, "no bonus beyond the target");
    assert_eq!(score(&i, 20.0, Mode::Interpolated), 60.0);
    assert_eq!(score(&i, 19.0, Mode::Interpolated), 0.0, "below the 60% level scores 0");
    assert!(raw_score(&i, Value::Number(19.0), Mode::Interpolated).explanation().en.contains("below the lowest (60%) target 20 → 0"));
}

#[test]
fn blank_levels_are_skipped() {
    let i = indicator([Some(100.0), None, Some(60.0), None, Some(20.0)], Direction::HigherIsBetter);
    assert!(close(score(&i, 80.0, Mode::Interpolated), 90.0)); // halfway between 80% (60) and 100% (100)
    assert_eq!(score(&i, 80.0, Mode::Stepped), 80.0);
    assert!(close(score(&i, 40.0, Mode::Interpolated), 70.0));
}

#[test]
fn lower_is_better_mirrors() {
    // Days to deliver a service: 2 days is 100%, 6 days is 60%.
    let i = indicator([Some(2.0), Some(3.0), Some(4.0), Some(5.0), Some(6.0)], Direction::LowerIsBetter);
    assert_eq!(score(&i, 1.0, Mode::Interpolated), 100.0);
    assert!(close(score(&i, 3.5, Mode::Interpolated), 85.0));
    assert_eq!(score(&i, 7.0, Mode::Interpolated), 0.0);
}

#[test]
fn dates_compare_by_day() {
    let mut i = indicator([None; 5], Direction::HigherIsBetter);
    i.method = Some(Method::Date);
    let day = |d| Value::Date(NaiveDate::from_ymd_opt(2024, 12, d).unwrap());
    i.levels = [Some(day(12)), None, None, None, None];
    assert_eq!(raw_score(&i, day(12), Mode::Interpolated).value, 100.0, "on the day");
    assert_eq!(raw_score(&i, day(1), Mode::Interpolated).value, 100.0, "before it");
    assert_eq!(raw_score(&i, day(13), Mode::Interpolated).value, 0.0, "a day late, with only the 100% date set");
    i.levels = [Some(day(12)), Some(day(22)), None, None, None];
    assert!(close(raw_score(&i, day(17), Mode::Interpolated).value, 95.0));
}

#[test]
fn achievement_follows_the_method() {
    let q = |x: f64| Some(Value::Number(x));
    let periods = [q(20.0), q(15.0), None, q(25.0)];
    assert_eq!(achievement(Some(Method::Sum), &periods), q(60.0));
    assert_eq!(achievement(Some(Method::Average), &periods), q(20.0));
    assert_eq!(achievement(Some(Method::Cumulative), &periods), q(25.0));
    assert_eq!(achievement(Some(Method::Sum), &[None, None]), None);
}

#[test]
fn weights_and_governance_caps() {
    assert!(close(weighted(5.0, 95.555_555), 4.777_777_75));
    assert_eq!(governance_marks(4.0, 8.0), 4.0);
    assert_eq!(governance_marks(10.0, 7.5), 7.5);
    assert_eq!(governance_marks(3.0, -1.0), 0.0);
}

/// Properties over a grid of achievements: monotonic, within 0..=100, 100 at the top target, 0 below
/// the lowest level — for both modes and both directions.
#[test]
fn properties_hold_over_many_achievements() {
    let cases = [
        indicator([Some(80.0), Some(35.0), Some(30.0), Some(25.0), Some(20.0)], Direction::HigherIsBetter),
        indicator([Some(1300.0), Some(1200.0), None, Some(1000.0), Some(800.0)], Direction::HigherIsBetter),
        indicator([Some(2.0), Some(3.0), Some(4.0), Some(5.0), Some(6.0)], Direction::LowerIsBetter),
        indicator([Some(10.0), None, None, None, None], Direction::HigherIsBetter),
    ];
    for i in &cases {
        let lower = i.direction == Direction::LowerIsBetter;
        let filled: Vec<f64> = i.levels.iter().flatten().map(|v| if let Value::Number(x) = v { *x } else { 0.0 }).collect();
        for mode in [Mode::Interpolated, Mode::Stepped] {
            let mut previous: Option<f64> = None;
            for step in 0..=3000 {
                let a = step as f64 * 0.5;
                let s = score(i, a, mode);
                assert!((0.0..=100.0).contains(&s), "{s} out of range at {a}");
                if let Some(p) = previous {
                    if lower { assert!(s <= p + 1e-9, "not monotonic at {a}") } else { assert!(s >= p - 1e-9, "not monotonic at {a}") }
                }
                previous = Some(s);
            }
            assert_eq!(score(i, filled[0], mode), 100.0);
            let beyond_lowest = if lower { filled[filled.len() - 1] + 0.5 } else { filled[filled.len() - 1] - 0.5 };
            assert_eq!(score(i, beyond_lowest, mode), 0.0);
        }
    }
}
