//! Group 4 of `cargo xtask bench` (core, native), and the large documents the browser groups use.
//!
//! ```text
//! cargo run --release -p batayan-core --example bench -- [--quick] [--write DIR] [--json]
//! ```
//! Generates agreements of 1,000 and 10,000 indicators from the Sylhet 2024-25 table (its own rows
//! repeated with new serials, weights that balance to 70, its governance block as it is) with a Q2 report for
//! each, and a section 3 table of each as pasted text; `--write DIR` saves them as
//! `apa-N.json`, `report-N.json`, `section3-N.tsv`. Then it measures validations, scorings and imports
//! per second, and the ranking of 500 innovation entries by 7 judges, the median of several timed rounds,
//! and prints one line per figure (or JSON).

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use batayan_core::apa::{Activity, Agreement, Area, Mode, Report, ReportedValues, Value, import_section3, scorecard, validate};
use batayan_core::innovation::{Aggregate, Category, Criterion, EntryRow, Level, Rubric, Sheet, rank};
use batayan_core::locale::{Lang, format_number, to_bangla_digits};

const SYLHET: &str = include_str!("../../../tests/fixtures/apa-ict-sylhet-2024-25.json");
const SECTION3_HEADER_LINES: usize = 3;
const SECTION3: &str = include_str!("../../../tests/fixtures/apa-ict-sylhet-2024-25-section3.tsv");

/// An agreement of `n` own indicators (plus Sylhet's governance block): areas of 10 activities of 10
/// indicators, each indicator a copy of one of Sylhet's, cycling.
fn agreement(n: usize) -> Agreement {
    let sylhet: Agreement = serde_json::from_str(SYLHET).expect("the fixture reads");
    let templates: Vec<_> = sylhet.areas.iter().flat_map(|a| &a.activities).flat_map(|a| &a.indicators).cloned().collect();
    let mut out = sylhet.clone();
    out.areas.clear();
    // [1.1.1] weighs 10, so that one value typed into it moves the total by whole points whatever the
    // size (the bench times a typed value until the total on screen changes); the rest share 60.
    let weight_of = |i: usize| if i == 0 { 10.0 } else { 60.0 / (n - 1) as f64 };
    for i in 0..n {
        let weight = weight_of(i);
        let (area, activity, indicator) = (i / 100 + 1, i / 10 % 10 + 1, i % 10 + 1);
        if indicator == 1 && activity == 1 {
            out.areas.push(Area {
                serial: area.to_string(),
                name: format!("ক্ষেত্র {}", to_bangla_digits(&area.to_string())),
                weight: Some(0.0),
                activities: Vec::new(),
            });
        }
        let current = out.areas.last_mut().expect("pushed above");
        if indicator == 1 {
            current.activities.push(Activity {
                serial: format!("{area}.{activity}"),
                name: format!("কার্যক্রম {}", to_bangla_digits(&format!("{area}.{activity}"))),
                indicators: Vec::new(),
            });
        }
        let mut row = templates[i % templates.len()].clone();
        row.serial = format!("{area}.{activity}.{indicator}");
        row.weight = Some(weight);
        current.weight = current.weight.map(|w| w + weight);
        current.activities.last_mut().expect("pushed above").indicators.push(row);
    }
    out
}

/// A Q2 report with a value for every indicator: the 80% target in Q1 and nothing in Q2, so that a
/// typed Q2 value changes the score.
fn report(agreement: &Agreement) -> Report {
    let mut report = Report::new(&agreement.office, agreement.fiscal_year, "Q2");
    for (key, _, indicator) in agreement.keyed_indicators() {
        let q1 = indicator.levels[2].or(indicator.levels[0]).or(Some(Value::Number(indicator.weight.unwrap_or(1.0) * 0.8)));
        report.values.insert(key, ReportedValues { quarters: [q1, None, None, None], evidence: None });
    }
    report
}

/// The agreement's own block as a pasted section 3 table, with Sylhet's header rows.
fn section3(agreement: &Agreement) -> String {
    let mut text: String = SECTION3.lines().take(SECTION3_HEADER_LINES).map(|l| format!("{l}\n")).collect();
    let cell = |v: Option<Value>| v.map(|v| v.format(Lang::Bn)).unwrap_or_default();
    for area in &agreement.areas {
        for (a, activity) in area.activities.iter().enumerate() {
            for (i, ind) in activity.indicators.iter().enumerate() {
                let area_cells = if a == 0 && i == 0 {
                    format!("[{}] {}\t{}", to_bangla_digits(&area.serial), area.name, area.weight.map(|w| format_number(w, Lang::Bn)).unwrap_or_default())
                } else {
                    "\t".to_owned()
                };
                let activity_cell = if i == 0 { format!("[{}] {}", to_bangla_digits(&activity.serial), activity.name) } else { String::new() };
                let values: Vec<String> = ind.prior_actuals.iter().chain(&ind.levels).chain(&ind.projections).map(|v| cell(*v)).collect();
                let _ = writeln!(
                    text,
                    "{area_cells}\t{activity_cell}\t[{}] {}\t{}\t{}\t{}\t{}",
                    to_bangla_digits(&ind.serial),
                    ind.name,
                    ind.method.map(|m| m.name(Lang::Bn)).unwrap_or_default(),
                    ind.unit,
                    ind.weight.map(|w| format_number(w, Lang::Bn)).unwrap_or_default(),
                    values.join("\t")
                );
            }
        }
    }
    text
}

/// A showcase's judging at the size the issue names: 500 entries over the five levels and five
/// categories, 7 judges, 5 criteria, marks in halves from a fixed generator, one sheet in 20 an abstention.
fn judging() -> (Rubric, Vec<EntryRow>, Vec<Sheet>) {
    let criteria = ["benefit", "novelty", "feasibility", "replicability", "cost"];
    let rubric = Rubric {
        criteria: criteria
            .iter()
            .zip([30.0, 20.0, 20.0, 20.0, 10.0])
            .map(|(k, w)| Criterion { key: (*k).to_owned(), name: String::new(), weight: w, max: 10.0 })
            .collect(),
        aggregate: Aggregate::Mean,
        tie_break: Some("benefit".to_owned()),
    };
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let entries: Vec<EntryRow> = (0..500)
        .map(|i| EntryRow { id: format!("E{i:03}"), title: String::new(), level: Some(Level::ALL[i % 5]), category: Some(Category::ALL[i / 5 % 5]) })
        .collect();
    let mut sheets = Vec::new();
    for judge in 1..=7 {
        for e in &entries {
            let abstain = (next() % 20 == 0).then(|| "conflict".to_owned());
            let marks = criteria.iter().map(|k| ((*k).to_owned(), (next() % 21) as f64 / 2.0)).collect();
            sheets.push(Sheet { entry: e.id.clone(), judge: format!("J{judge}"), marks, abstain });
        }
    }
    (rubric, entries, sheets)
}

/// Runs `f` for `rounds` rounds of at least `round` each and returns the median rate per second.
fn per_second(rounds: usize, round: Duration, mut f: impl FnMut()) -> f64 {
    let mut rates: Vec<f64> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            let mut count = 0u32;
            while start.elapsed() < round || count == 0 {
                f();
                count += 1;
            }
            f64::from(count) / start.elapsed().as_secs_f64()
        })
        .collect();
    rates.sort_by(f64::total_cmp);
    rates[rates.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quick = args.iter().any(|a| a == "--quick");
    let json = args.iter().any(|a| a == "--json");
    let write = args.iter().position(|a| a == "--write").and_then(|i| args.get(i + 1));
    let sizes: &[usize] = if quick { &[1_000] } else { &[1_000, 10_000] };
    let (rounds, round) = if quick { (3, Duration::from_millis(50)) } else { (11, Duration::from_millis(200)) };

    let mut figures = Vec::new();
    for &n in sizes {
        let agreement = agreement(n);
        let report = report(&agreement);
        let table = section3(&agreement);
        if let Some(dir) = write {
            std::fs::create_dir_all(dir).expect("the bench folder can be made");
            std::fs::write(format!("{dir}/apa-{n}.json"), serde_json::to_string(&agreement).expect("serializes")).expect("writes");
            std::fs::write(format!("{dir}/report-{n}.json"), serde_json::to_string(&report).expect("serializes")).expect("writes");
            std::fs::write(format!("{dir}/section3-{n}.tsv"), &table).expect("writes");
        }
        let imported = import_section3(&table);
        assert_eq!(imported.areas.iter().flat_map(|a| &a.activities).flat_map(|a| &a.indicators).count(), n, "the generated table imports whole");
        figures.push((format!("validate {n} indicators"), per_second(rounds, round, || drop(std::hint::black_box(validate(&agreement))))));
        figures.push((
            format!("score {n} indicators"),
            per_second(rounds, round, || drop(std::hint::black_box(scorecard(&agreement, &report, Mode::Interpolated)))),
        ));
        figures.push((format!("import {n} pasted rows"), per_second(rounds, round, || drop(std::hint::black_box(import_section3(&table))))));
    }
    let (rubric, entries, sheets) = judging();
    figures.push(("rank 500 entries × 7 judges".to_owned(), per_second(rounds, round, || drop(std::hint::black_box(rank(&rubric, &entries, &sheets))))));
    if json {
        let object: serde_json::Map<String, serde_json::Value> = figures.iter().map(|(k, v)| (k.clone(), serde_json::json!(v))).collect();
        println!("{}", serde_json::Value::Object(object));
    } else {
        for (name, rate) in figures {
            println!("{name:<32} {rate:>12.1} /s");
        }
    }
}
