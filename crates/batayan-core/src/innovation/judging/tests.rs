//! The judging rule on small cases, and its properties over generated data.

use super::*;

fn rubric() -> Rubric {
    let c = |key: &str, weight: f64| Criterion { key: key.into(), name: String::new(), weight, max: 10.0 };
    Rubric { criteria: vec![c("benefit", 40.0), c("novelty", 30.0), c("feasibility", 30.0)], aggregate: Aggregate::Mean, tie_break: None }
}

fn sheet(entry: &str, judge: &str, marks: [f64; 3]) -> Sheet {
    let marks = ["benefit", "novelty", "feasibility"].iter().zip(marks).map(|(k, m)| ((*k).to_owned(), m)).collect();
    Sheet { entry: entry.into(), judge: judge.into(), marks, abstain: None }
}

fn abstains(entry: &str, judge: &str) -> Sheet {
    Sheet { entry: entry.into(), judge: judge.into(), marks: BTreeMap::new(), abstain: Some("নিজ দপ্তরের এন্ট্রি".into()) }
}

fn placed(r: &Ranking) -> Vec<(String, Option<usize>)> {
    r.groups.iter().flat_map(|g| &g.placed).map(|p| (p.entry.clone(), p.rank)).collect()
}

#[test]
fn a_sheet_is_its_weighted_marks_out_of_100() {
    assert_eq!(sheet_score(&rubric(), &sheet("E1", "J1", [8.0, 6.0, 7.0])), Ok(Some(71.0)));
    assert_eq!(sheet_score(&rubric(), &abstains("E1", "J1")), Ok(None));
    let mut half = sheet("E1", "J1", [8.0, 6.0, 7.0]);
    half.marks.remove("novelty");
    half.marks.insert("feasibility".into(), 11.0);
    let problems = sheet_score(&rubric(), &half).unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["/marks/novelty", "/marks/feasibility"]);
    assert!(problems[1].message.en.contains("it must be 0 to 10"));
}

#[test]
fn an_incomplete_sheet_is_left_out_and_said_and_an_abstention_never_lowers() {
    let mut incomplete = sheet("E1", "J3", [0.0, 0.0, 0.0]);
    incomplete.marks.remove("benefit");
    let sheets = [sheet("E1", "J1", [8.0, 6.0, 7.0]), sheet("E1", "J2", [9.0, 7.0, 8.0]), incomplete, abstains("E1", "J4")];
    let r = rank(&rubric(), &[], &sheets);
    let e1 = &r.groups[0].placed[0];
    assert_eq!((e1.score.map(shown), e1.judges), (Some(7600), 2), "(71 + 81) / 2; the incomplete sheet and the abstention not counted");
    assert_eq!(r.findings.iter().map(|f| f.path.as_str()).collect::<Vec<_>>(), ["/2/marks/benefit"]);
}

#[test]
fn equal_scores_to_two_decimals_share_a_rank_unless_a_tie_break_is_set() {
    let sheets = [
        sheet("A", "J1", [9.0, 9.0, 9.0]), // 90
        sheet("B", "J1", [8.0, 6.0, 7.0]), // 32 + 18 + 21 = 71, benefit 8
        sheet("C", "J1", [6.5, 8.0, 7.0]), // 26 + 24 + 21 = 71, benefit 6.5
        sheet("D", "J1", [5.0, 5.0, 5.0]), // 50
    ];
    let r = rank(&rubric(), &[], &sheets);
    assert_eq!(placed(&r), [("A".into(), Some(1)), ("B".into(), Some(2)), ("C".into(), Some(2)), ("D".into(), Some(4))]);
    let medals: Vec<Option<usize>> = r.groups[0].placed.iter().map(|p| p.medal).collect();
    assert_eq!(medals, [Some(1), Some(2), Some(2), None], "1st–3rd marked; the 4th place is no medal");
    let broken = Rubric { tie_break: Some("benefit".into()), ..rubric() };
    assert_eq!(placed(&rank(&broken, &[], &sheets)), [("A".into(), Some(1)), ("B".into(), Some(2)), ("C".into(), Some(3)), ("D".into(), Some(4))]);
}

#[test]
fn the_median_and_groups_by_level_and_category() {
    let median = Rubric { aggregate: Aggregate::Median, ..rubric() };
    let sheets =
        [sheet("A", "J1", [10.0, 10.0, 10.0]), sheet("A", "J2", [1.0, 1.0, 1.0]), sheet("A", "J3", [6.0, 6.0, 6.0]), sheet("B", "J1", [7.0, 7.0, 7.0])];
    let entries = [
        EntryRow { id: "A".into(), level: Some(Level::District), category: Some(Category::Pilot), ..EntryRow::default() },
        EntryRow { id: "B".into(), level: Some(Level::District), category: Some(Category::Idea), ..EntryRow::default() },
        EntryRow { id: "C".into(), level: Some(Level::District), category: Some(Category::Idea), ..EntryRow::default() },
    ];
    let mut sheets = sheets.to_vec();
    sheets.push(sheet("Z", "J1", [5.0, 5.0, 5.0])); // an id the entries list does not have
    let r = rank(&median, &entries, &sheets);
    assert_eq!(r.findings.iter().map(|f| (f.path.as_str(), f.severity)).collect::<Vec<_>>(), [("/4/entry", Severity::Warning)], "said, not dropped");
    type Shown = Vec<(Option<Category>, Vec<(String, Option<usize>, Option<i64>)>)>;
    let groups: Shown = r.groups.iter().map(|g| (g.category, g.placed.iter().map(|p| (p.entry.clone(), p.rank, p.score.map(shown))).collect())).collect();
    assert_eq!(
        groups,
        [
            (Some(Category::Idea), vec![("B".into(), Some(1), Some(7000)), ("C".into(), None, None)]),
            (Some(Category::Pilot), vec![("A".into(), Some(1), Some(6000))]),
        ],
        "an entry no judge scored is listed, unranked"
    );
}

/// A small deterministic generator (xorshift): the properties run on the same data every time.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Generated judging: entries in a few groups, judges who mark in halves (so that ties happen) and
/// sometimes abstain.
fn generated(seed: u64, abstentions: bool) -> (Vec<EntryRow>, Vec<Sheet>) {
    let mut random = Random(seed);
    let entries: Vec<EntryRow> = (0..12)
        .map(|i| EntryRow {
            id: format!("E{i:02}"),
            level: Some(Level::ALL[random.below(2) as usize]),
            category: Some(Category::ALL[random.below(2) as usize]),
            ..EntryRow::default()
        })
        .collect();
    let mut sheets = Vec::new();
    for judge in ["J1", "J2", "J3", "J4"] {
        for e in &entries {
            if abstentions && random.below(6) == 0 {
                sheets.push(abstains(&e.id, judge));
            } else {
                let mut mark = || random.below(21) as f64 / 2.0;
                sheets.push(sheet(&e.id, judge, [mark(), mark(), mark()]));
            }
        }
    }
    (entries, sheets)
}

fn keys(r: &Ranking) -> BTreeMap<String, (Option<usize>, Option<i64>)> {
    r.groups.iter().flat_map(|g| &g.placed).map(|p| (p.entry.clone(), (p.rank, p.score.map(shown)))).collect()
}

#[test]
fn property_the_ranking_is_a_total_preorder_consistent_with_the_tie_rule() {
    for seed in 1..200 {
        let (entries, sheets) = generated(seed, true);
        for rubric in [rubric(), Rubric { aggregate: Aggregate::Median, ..rubric() }] {
            let r = rank(&rubric, &entries, &sheets);
            for g in &r.groups {
                for a in &g.placed {
                    for b in &g.placed {
                        let (Some(ra), Some(rb), Some(sa), Some(sb)) = (a.rank, b.rank, a.score, b.score) else { continue };
                        assert_eq!(ra.cmp(&rb), shown(sb).cmp(&shown(sa)), "seed {seed}: {} {} vs {} {}", a.entry, sa, b.entry, sb);
                    }
                }
                let ranks: Vec<usize> = g.placed.iter().filter_map(|p| p.rank).collect();
                assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "seed {seed}: best first");
                assert!(ranks.first().is_none_or(|r| *r == 1), "seed {seed}: the first is 1st");
            }
        }
    }
}

#[test]
fn property_a_judge_who_gives_every_entry_the_same_marks_never_reverses_the_order() {
    // With the mean, such a judge moves every entry's score the same way; the order of two entries can
    // only stay, or (at the shown two decimals) become a tie. (With the median it can change: a median
    // is no mean, which is why the host chooses.)
    for seed in 1..200 {
        let (entries, mut sheets) = generated(seed, false); // every entry has the same judges
        let before = keys(&rank(&rubric(), &entries, &sheets));
        let mut random = Random(seed ^ 0x5eed);
        let same = [random.below(11) as f64, random.below(11) as f64, random.below(11) as f64];
        sheets.extend(entries.iter().map(|e| sheet(&e.id, "J-same", same)));
        let after = keys(&rank(&rubric(), &entries, &sheets));
        for (a, (_, sa)) in &before {
            for (b, (_, sb)) in &before {
                if sa > sb {
                    assert!(after[a].1 >= after[b].1, "seed {seed}: {a} was above {b}, now below");
                }
            }
        }
    }
}

#[test]
fn property_removing_an_abstaining_judge_changes_nothing() {
    for seed in 1..200 {
        let (entries, mut sheets) = generated(seed, true);
        for e in &entries {
            sheets.push(abstains(&e.id, "J-abstains"));
        }
        let with = rank(&rubric(), &entries, &sheets);
        sheets.retain(|s| s.judge != "J-abstains");
        assert_eq!(rank(&rubric(), &entries, &sheets), with, "seed {seed}");
    }
}
