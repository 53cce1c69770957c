//! Section 3 pasted over an agreement that already holds more than the paste carries.
//!
//! A pasted table brings areas, activities and indicators with their method, unit, weight, prior
//! actuals, levels and projections. It does not bring what the stored agreement learned elsewhere:
//! annex 2 (each indicator's implementer and evidence), a direction set by hand, and everything outside
//! section 3 (parties, vision, outcomes, annexes 1 and 3). [`Imported::merge_into`] keeps all of that,
//! matching indicators by block and serial, so that a paste never wipes stored data; [`changes`] says
//! row by row what a save would change, so that the person sees it before saving.
//!
//! This is the one place where a section 3 table becomes an agreement: the editor's paste, the CLI's
//! import of a bare table and the whole-document import all go through it.

use std::collections::HashMap;

use crate::locale::{Lang, Message, digits_for};

use super::block::{Block, RowKey};
use super::import::Imported;
use super::model::{Agreement, Area, Direction, Indicator};
use super::validate::Column;

impl Imported {
    /// Whether the text held no section 3 row at all (empty, blank, or not a table).
    pub fn is_empty(&self) -> bool {
        self.areas.is_empty() && self.governance.is_empty()
    }

    /// `base` with its section 3 replaced by this import. An indicator whose block and serial were in
    /// `base` keeps what the paste does not carry (implementer, evidence, a lower-is-better direction);
    /// everything outside section 3 stays as it was.
    pub fn merge_into(&self, base: &Agreement) -> Agreement {
        let stored: HashMap<RowKey, &Indicator> = rows(base).filter_map(|(key, row)| row.indicator().map(|i| (key, i))).collect();
        let mut merged = base.clone();
        merged.areas = self.areas.clone();
        merged.governance = self.governance.clone();
        for block in [Block::Own, Block::Governance] {
            for indicator in merged.areas_of_mut(block).iter_mut().flat_map(|a| &mut a.activities).flat_map(|a| &mut a.indicators) {
                let Some(before) = stored.get(&block.key(&indicator.serial)) else { continue };
                if indicator.implementer.is_empty() {
                    indicator.implementer.clone_from(&before.implementer);
                }
                if indicator.evidence.is_empty() {
                    indicator.evidence.clone_from(&before.evidence);
                }
                // A paste cannot say "lower is better" (no column does); one set before is kept.
                if indicator.direction == Direction::HigherIsBetter {
                    indicator.direction = before.direction;
                }
            }
        }
        merged
    }
}

/// An area row or an indicator row of section 3.
#[derive(Clone, Copy)]
enum Row<'a> {
    Area(&'a Area),
    Indicator(&'a Indicator),
}

impl<'a> Row<'a> {
    fn indicator(self) -> Option<&'a Indicator> {
        match self {
            Row::Indicator(i) => Some(i),
            Row::Area(_) => None,
        }
    }

    fn name(self) -> &'a str {
        match self {
            Row::Area(a) => &a.name,
            Row::Indicator(i) => &i.name,
        }
    }
}

/// Every row of both blocks in table order, by key (`"1"`, `"1.1.1"`, `"g1.3.1"`).
fn rows(agreement: &Agreement) -> impl Iterator<Item = (RowKey, Row<'_>)> {
    agreement.blocks().into_iter().flat_map(|(block, areas)| {
        areas.iter().flat_map(move |area| {
            let indicators = area.activities.iter().flat_map(|a| &a.indicators).map(move |i| (block.key(&i.serial), Row::Indicator(i)));
            std::iter::once((block.key(&area.serial), Row::Area(area))).chain(indicators)
        })
    })
}

/// A row as a change names it.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangedRow {
    /// `"1"`, `"1.1.1"`, `"g1.3.1"`.
    pub key: RowKey,
    pub name: String,
    /// The cells whose value differs; empty for an added or removed row.
    pub columns: Vec<Column>,
    /// The row's name differs.
    pub renamed: bool,
    /// A removed indicator had an implementer or evidence (annex 2) that goes with it.
    pub loses_annex: bool,
}

/// What saving `after` over `before` changes in section 3, row by row, in table order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Section3Changes {
    pub added: Vec<ChangedRow>,
    pub removed: Vec<ChangedRow>,
    pub changed: Vec<ChangedRow>,
}

impl Section3Changes {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }

    /// `২টি সারি যোগ, ১টি বাদ, ৫টিতে বদল` / `2 rows added, 1 removed, 5 changed`.
    pub fn summary(&self) -> Message {
        let n = |k: usize, lang| digits_for(lang, &k.to_string());
        let (a, r, c) = (self.added.len(), self.removed.len(), self.changed.len());
        Message::new(
            format!("{}টি সারি যোগ, {}টি বাদ, {}টিতে বদল", n(a, Lang::Bn), n(r, Lang::Bn), n(c, Lang::Bn)),
            format!("{} {} added, {r} removed, {c} changed", n(a, Lang::En), if a == 1 { "row" } else { "rows" }),
        )
    }
}

fn changed_columns(before: Row<'_>, after: Row<'_>) -> Vec<Column> {
    match (before, after) {
        (Row::Area(b), Row::Area(a)) => {
            if b.weight == a.weight {
                vec![]
            } else {
                vec![Column::AreaWeight]
            }
        }
        (Row::Indicator(b), Row::Indicator(a)) => {
            let mut columns = Vec::new();
            let mut differs = |column, same: bool| {
                if !same {
                    columns.push(column);
                }
            };
            differs(Column::Method, b.method == a.method);
            differs(Column::Unit, b.unit.trim() == a.unit.trim());
            differs(Column::Weight, b.weight == a.weight);
            for k in 0..2 {
                differs(Column::PriorActual(k), b.prior_actuals[k] == a.prior_actuals[k] && b.prior_provisional[k] == a.prior_provisional[k]);
            }
            for k in 0..5 {
                differs(Column::Level(k), b.levels[k] == a.levels[k]);
            }
            for k in 0..2 {
                differs(Column::Projection(k), b.projections[k] == a.projections[k]);
            }
            columns
        }
        // A serial that was an area and is now an indicator cannot happen: keys differ in their depth.
        _ => vec![],
    }
}

/// What saving `after` over `before` would change in section 3.
pub fn changes(before: &Agreement, after: &Agreement) -> Section3Changes {
    let old: HashMap<RowKey, Row<'_>> = rows(before).collect();
    let new: HashMap<RowKey, Row<'_>> = rows(after).collect();
    let row = |key: &RowKey, r: Row<'_>, columns: Vec<Column>, renamed: bool, loses_annex: bool| ChangedRow {
        key: key.to_owned(),
        name: r.name().to_owned(),
        columns,
        renamed,
        loses_annex,
    };
    let mut out = Section3Changes::default();
    for (key, r) in rows(after) {
        match old.get(&key) {
            None => out.added.push(row(&key, r, vec![], false, false)),
            Some(b) => {
                let columns = changed_columns(*b, r);
                let renamed = b.name().trim() != r.name().trim();
                if !columns.is_empty() || renamed {
                    out.changed.push(row(&key, r, columns, renamed, false));
                }
            }
        }
    }
    for (key, r) in rows(before) {
        if !new.contains_key(&key) {
            let loses = r.indicator().is_some_and(|i| !i.implementer.is_empty() || !i.evidence.is_empty());
            out.removed.push(row(&key, r, vec![], false, loses));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::apa::{Value, import_section3};

    fn stored() -> Agreement {
        serde_json::from_str(include_str!("../../../../tests/fixtures/apa-ict-sylhet-2024-25.json")).unwrap()
    }

    const SECTION3: &str = include_str!("../../../../tests/fixtures/apa-ict-sylhet-2024-25-section3.tsv");

    fn indicator<'a>(a: &'a Agreement, key: &str) -> &'a Indicator {
        a.indicators().find(|i| i.serial == key).unwrap()
    }

    #[test]
    fn a_paste_keeps_annex_2_and_everything_outside_section_3() {
        let base = stored();
        assert!(base.indicators().filter(|i| !i.evidence.is_empty()).count() > 10, "the fixture has annex 2");
        let merged = import_section3(SECTION3).merge_into(&base);
        for before in base.areas.iter().flat_map(|a| &a.activities).flat_map(|a| &a.indicators) {
            let after = indicator(&merged, &before.serial);
            assert_eq!((&after.implementer, &after.evidence), (&before.implementer, &before.evidence), "[{}]", before.serial);
        }
        assert_eq!((&merged.vision, &merged.mission, &merged.functions), (&base.vision, &base.mission, &base.functions));
        assert_eq!((&merged.outcomes, &merged.acronyms, &merged.shared_indicators), (&base.outcomes, &base.acronyms, &base.shared_indicators));
        assert_eq!(changes(&base, &merged), Section3Changes::default(), "the same table changes nothing");
    }

    #[test]
    fn governance_rows_are_matched_in_their_own_block() {
        let mut base = stored();
        base.governance[0].activities[0].indicators[0].evidence = "governance proof".into();
        let merged = import_section3(SECTION3).merge_into(&base);
        assert_eq!(merged.governance[0].activities[0].indicators[0].evidence, "governance proof");
        let own = &merged.areas[0].activities[0].indicators[0];
        assert_ne!(own.evidence, "governance proof", "[১.১.১] of the own block is another row");
    }

    #[test]
    fn changes_say_what_is_added_removed_and_changed() {
        let base = stored();
        let edited = SECTION3
            .lines()
            // Drop the own block's [১.৫.১] (it has evidence) and change a level of [১.১.১].
            .filter(|l| !l.contains("[১.৫] সুরক্ষা"))
            .map(|l| if l.contains("[১.১.১]") { l.replacen("\t৮০\t৩৫", "\t৮৫\t৩৫", 1) } else { l.to_owned() })
            .collect::<Vec<_>>()
            .join("\n");
        let merged = import_section3(&edited).merge_into(&base);
        let c = changes(&base, &merged);
        assert_eq!(c.removed.iter().map(|r| (r.key.as_str(), r.loses_annex)).collect::<Vec<_>>(), [("1.5.1", true)]);
        let keys: Vec<&str> = c.changed.iter().map(|r| r.key.as_str()).collect();
        assert!(keys.contains(&"1.1.1"), "{keys:?}");
        let row = c.changed.iter().find(|r| r.key == "1.1.1").unwrap();
        assert!(row.columns.iter().any(|col| matches!(col, Column::Level(_))), "{:?}", row.columns);
        assert_eq!(indicator(&merged, "1.1.1").levels.iter().flatten().filter(|v| **v == Value::Number(85.0)).count(), 1);
        assert!(c.summary().bn.starts_with("০টি সারি যোগ, ১টি বাদ"), "{}", c.summary().bn);
        assert!(c.summary().en.starts_with("0 rows added, 1 removed"), "{}", c.summary().en);
        let back = changes(&merged, &base);
        assert_eq!(back.added.iter().map(|r| r.key.as_str()).collect::<Vec<_>>(), ["1.5.1"]);
    }

    #[test]
    fn an_empty_paste_is_empty() {
        for text in ["", "\t\t\t\n\t\t", "   \n\n", "এটি কোনো টেবিল নয়"] {
            let imported = import_section3(text);
            assert!(imported.is_empty(), "{text:?}");
            assert!(
                imported.problems.iter().any(|p| p.severity == crate::finding::Severity::Error && p.message.en.contains("No row of section 3")),
                "{text:?}: {:?}",
                imported.problems
            );
        }
    }

    #[test]
    fn the_cli_and_tests_build_an_agreement_from_a_table_the_same_way() {
        let year = crate::locale::FiscalYear::parse("2024-25").unwrap();
        let fresh = import_section3(SECTION3).merge_into(&Agreement::new("ict-sylhet", year));
        assert_eq!(fresh.indicators().count(), 23);
        assert!(fresh.indicators().all(|i| i.evidence.is_empty()));
    }
}
