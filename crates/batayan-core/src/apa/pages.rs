//! The forms show a long agreement a page of indicator rows at a time. An office's agreement has a
//! few dozen indicators and fits one page; a directorate's thousands would otherwise cost seconds to
//! open and a browser that lays out every one of them on each change. A page is a run of rows in
//! table order (areas, then the governance block), cut at a fixed size whatever the areas: an area
//! cut by a page boundary shows its heading again on the next page, marked as continued.

use std::collections::HashMap;
use std::ops::Range;

use super::Agreement;
use super::block::RowKey;

/// Which rows each page shows, and on which page each row (area, activity, indicator) is.
#[derive(Clone, Debug, PartialEq)]
pub struct RowPages {
    per_page: usize,
    /// Per area, areas then governance: the table position of its first indicator, and how many it has.
    areas: Vec<(usize, usize)>,
    total: usize,
    /// Row key → its table position: an indicator's own, an activity's or an area's first indicator's
    /// (where the heading of an empty area stands). The first row with a key wins, as in
    /// [`super::RowPointers`].
    positions: HashMap<RowKey, usize>,
}

impl RowPages {
    /// `per_page` of 0 is taken as 1.
    pub fn new(agreement: &Agreement, per_page: usize) -> RowPages {
        let mut areas = Vec::new();
        let mut positions = HashMap::new();
        let mut position = 0;
        for (block, block_areas) in agreement.blocks() {
            for area in block_areas {
                positions.entry(block.key(&area.serial)).or_insert(position);
                let first = position;
                for activity in &area.activities {
                    positions.entry(block.key(&activity.serial)).or_insert(position);
                    for indicator in &activity.indicators {
                        positions.entry(block.key(&indicator.serial)).or_insert(position);
                        position += 1;
                    }
                }
                areas.push((first, position - first));
            }
        }
        RowPages { per_page: per_page.max(1), areas, total: position, positions }
    }

    /// How many pages: at least one, which an agreement without indicators shows empty.
    pub fn count(&self) -> usize {
        self.total.div_ceil(self.per_page).max(1)
    }

    /// How many indicator rows the agreement has.
    pub fn total_rows(&self) -> usize {
        self.total
    }

    /// `page` if there is such a page, else the last: a page kept across a paste that shortened the
    /// agreement stays on something.
    pub fn clamp(&self, page: usize) -> usize {
        page.min(self.count() - 1)
    }

    /// The table positions of the rows on `page` (empty past the last row).
    pub fn rows(&self, page: usize) -> Range<usize> {
        let start = page.saturating_mul(self.per_page).min(self.total);
        start..start.saturating_add(self.per_page).min(self.total)
    }

    /// The rows of area `area` (counting areas, then governance) on `page`, as indices into that
    /// area's own indicators in order; empty if none of its rows are there.
    pub fn area_rows(&self, area: usize, page: usize) -> Range<usize> {
        let Some(&(first, len)) = self.areas.get(area) else { return 0..0 };
        let page_rows = self.rows(page);
        let start = page_rows.start.clamp(first, first + len);
        let end = page_rows.end.clamp(first, first + len);
        start - first..end - first
    }

    /// Whether `page` shows area `area`'s heading: it has rows there, or it has none and its place
    /// in the table is there.
    pub fn shows_area(&self, area: usize, page: usize) -> bool {
        match self.areas.get(area) {
            Some(&(first, 0)) => self.page_at(first) == page,
            Some(_) => !self.area_rows(area, page).is_empty(),
            None => false,
        }
    }

    /// Whether area `area` began on an earlier page than `page` (its heading says "continued").
    pub fn continues(&self, area: usize, page: usize) -> bool {
        self.areas.get(area).is_some_and(|&(first, len)| len > 0 && self.page_at(first) < page)
    }

    /// The page showing the row with this key (`"1.2.1"`, `"g1"`), if the agreement has it.
    pub fn page_of(&self, key: &RowKey) -> Option<usize> {
        self.positions.get(key).map(|&position| self.page_at(position))
    }

    fn page_at(&self, position: usize) -> usize {
        self.clamp(position / self.per_page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::apa::{Activity, Area, Direction, Indicator};
    use crate::locale::FiscalYear;

    fn indicator(serial: String) -> Indicator {
        Indicator {
            serial,
            name: String::new(),
            method: None,
            unit: String::new(),
            weight: None,
            prior_actuals: [None, None],
            prior_provisional: [false, false],
            levels: [None, None, None, None, None],
            projections: [None, None],
            direction: Direction::default(),
            implementer: String::new(),
            evidence: String::new(),
        }
    }

    fn area(serial: &str, indicators: usize) -> Area {
        let indicators = (1..=indicators).map(|k| indicator(format!("{serial}.1.{k}"))).collect();
        let activity = Activity { serial: format!("{serial}.1"), name: String::new(), indicators };
        Area { serial: serial.into(), name: String::new(), weight: None, activities: vec![activity] }
    }

    fn year() -> FiscalYear {
        FiscalYear::starting(2024).expect("a fiscal year")
    }

    /// Areas of 3, 0 and 4 indicators, and a governance area of 2: nine rows.
    fn agreement() -> Agreement {
        let mut a = Agreement::new("x", year());
        a.areas = vec![area("1", 3), area("2", 0), area("3", 4)];
        a.governance = vec![area("1", 2)];
        a
    }

    #[test]
    fn pages_cut_the_rows_in_table_order_whatever_the_areas() {
        let pages = RowPages::new(&agreement(), 4);
        assert_eq!((pages.count(), pages.total_rows()), (3, 9));
        assert_eq!([pages.rows(0), pages.rows(1), pages.rows(2), pages.rows(3)], [0..4, 4..8, 8..9, 9..9]);
        // Area 3 (index 2) holds rows 3..7: one on page 0, three on page 1.
        assert_eq!((pages.area_rows(2, 0), pages.area_rows(2, 1)), (0..1, 1..4));
        assert!(pages.area_rows(2, 2).is_empty());
        assert!(pages.shows_area(2, 0) && pages.shows_area(2, 1) && !pages.shows_area(2, 2));
        assert!(!pages.continues(2, 0) && pages.continues(2, 1));
        // The governance area (index 3) holds rows 7..9.
        assert_eq!((pages.area_rows(3, 1), pages.area_rows(3, 2)), (0..1, 1..2));
        assert!(pages.continues(3, 2));
    }

    #[test]
    fn an_empty_area_shows_its_heading_where_it_stands() {
        let pages = RowPages::new(&agreement(), 3);
        // Area 2 stands at position 3, the first of page 1.
        assert!(!pages.shows_area(1, 0) && pages.shows_area(1, 1));
        assert!(!pages.continues(1, 1));
        assert_eq!(pages.page_of(&"2".into()), Some(1));
    }

    #[test]
    fn every_row_key_has_its_page() {
        let pages = RowPages::new(&agreement(), 4);
        assert_eq!(pages.page_of(&"1.1.1".into()), Some(0));
        assert_eq!(pages.page_of(&"3.1.2".into()), Some(1));
        assert_eq!(pages.page_of(&"3.1".into()), Some(0), "an activity is where its first indicator is");
        assert_eq!(pages.page_of(&"g1.1.2".into()), Some(2));
        assert_eq!(pages.page_of(&"1.1.2".into()), Some(0), "without the prefix, the office's own area");
        assert_eq!(pages.page_of(&"9.9.9".into()), None);
    }

    #[test]
    fn one_page_holds_a_short_agreement_and_an_empty_one() {
        assert_eq!(RowPages::new(&agreement(), 100).count(), 1);
        let empty = RowPages::new(&Agreement::new("x", year()), 100);
        assert_eq!((empty.count(), empty.rows(0), empty.clamp(5)), (1, 0..0, 0));
        assert_eq!(RowPages::new(&agreement(), 0).count(), 9, "a page holds at least one row");
    }

    #[test]
    fn a_page_past_the_end_is_brought_back_to_the_last() {
        let pages = RowPages::new(&agreement(), 4);
        assert_eq!((pages.clamp(1), pages.clamp(7)), (1, 2));
        // An empty area at the very end is on the last page, not on one past it.
        let mut a = agreement();
        a.governance.push(area("2", 0));
        let pages = RowPages::new(&a, 3);
        assert_eq!(pages.count(), 3);
        assert!(pages.shows_area(4, 2));
    }
}
