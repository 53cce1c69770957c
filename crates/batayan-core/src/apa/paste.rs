//! A read paste on its way from the importer's module to the editor's, in slices: the two are separate
//! Wasm modules (the editor's page does not download the importer until a table is pasted), so what was
//! read crosses as JSON, and ten thousand rows crossing at once would hold the tab for a second. Each
//! [`ImportSlice`] carries at most a few hundred indicators, so that the editor can paint between them.
//!
//! The problems cross as text in both languages (what the editor shows), in the first slice.

use serde::{Deserialize, Serialize};

use super::import::Imported;
use super::model::{Activity, Area, Indicator};
use crate::finding::Finding;
use crate::locale::{Lang, Message, digits_for};

/// A few rows of an import, and (in the first slice) every problem as a line of text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportSlice {
    #[serde(default)]
    pub problems: Vec<Message>,
    #[serde(default)]
    pub pieces: Vec<Piece>,
}

/// Rows to add: `area` starts a new area of its block (its activities are not in it), `activity` a new
/// activity of the current area (its indicators are not in it), and `indicators` go to the current
/// activity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Piece {
    #[serde(default)]
    pub governance: bool,
    #[serde(default)]
    pub area: Option<Area>,
    #[serde(default)]
    pub activity: Option<Activity>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
}

/// `লাইন ৩, কলাম ৫ — সতর্কতা: …`, or the severity and message alone for a problem of the whole text.
pub fn problem_line(p: &Finding, lang: Lang) -> String {
    let (message, severity) = (p.message.get(lang), p.severity.label(lang));
    let (line, column) = p.text_position();
    if line == 0 {
        return format!("{severity}: {message}");
    }
    let (line, column) = (digits_for(lang, &line.to_string()), digits_for(lang, &column.to_string()));
    format!("{} {line}, {} {column} — {severity}: {message}", lang.pick("লাইন", "line"), lang.pick("কলাম", "column"))
}

impl Imported {
    /// This import in slices of at most `max_rows` indicators each (always at least one slice, which
    /// holds the problems).
    pub fn into_slices(self, max_rows: usize) -> Vec<ImportSlice> {
        let max_rows = max_rows.max(1);
        let problems = self.problems.iter().map(|p| Message::new(problem_line(p, Lang::Bn), problem_line(p, Lang::En))).collect();
        let mut slices = vec![ImportSlice { problems, pieces: Vec::new() }];
        let mut rows = 0;
        for (governance, areas) in [(false, self.areas), (true, self.governance)] {
            for mut area in areas {
                let activities = std::mem::take(&mut area.activities);
                let mut area = Some(area);
                for mut activity in activities {
                    let indicators = std::mem::take(&mut activity.indicators);
                    let mut piece = Piece { governance, area: area.take(), activity: Some(activity), indicators: Vec::new() };
                    for indicator in indicators {
                        if rows == max_rows {
                            push(&mut slices, std::mem::replace(&mut piece, Piece { governance, area: None, activity: None, indicators: Vec::new() }));
                            slices.push(ImportSlice::default());
                            rows = 0;
                        }
                        piece.indicators.push(indicator);
                        rows += 1;
                    }
                    push(&mut slices, piece);
                }
                if let Some(area) = area {
                    // An area without activities still counts.
                    push(&mut slices, Piece { governance, area: Some(area), activity: None, indicators: Vec::new() });
                }
            }
        }
        slices
    }

    /// Adds a slice made by [`into_slices`](Self::into_slices), in order; its problems go to `problems`.
    pub fn add_slice(&mut self, slice: ImportSlice, problems: &mut Vec<Message>) {
        problems.extend(slice.problems);
        for piece in slice.pieces {
            let areas = if piece.governance { &mut self.governance } else { &mut self.areas };
            if let Some(area) = piece.area {
                areas.push(area);
            }
            let Some(area) = areas.last_mut() else { continue };
            if let Some(activity) = piece.activity {
                area.activities.push(activity);
            }
            if let Some(activity) = area.activities.last_mut() {
                activity.indicators.extend(piece.indicators);
            }
        }
    }
}

fn push(slices: &mut [ImportSlice], piece: Piece) {
    if let Some(last) = slices.last_mut() {
        last.pieces.push(piece);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::apa::import_section3;

    #[test]
    fn an_import_crosses_in_slices_and_comes_back_whole() {
        let text = include_str!("../../../../tests/fixtures/apa-ict-sylhet-2024-25-section3.tsv");
        let imported = import_section3(text);
        assert!(!imported.problems.is_empty(), "the seed has stray cells to report");
        let rows = imported.areas.iter().chain(&imported.governance).flat_map(|a| &a.activities).flat_map(|a| &a.indicators).count();
        for max_rows in [1, 2, 3, 7, 1000] {
            let slices = imported.clone().into_slices(max_rows);
            assert_eq!(slices.len(), rows.div_ceil(max_rows).max(1), "{max_rows} rows a slice");
            for slice in &slices {
                let in_slice: usize = slice.pieces.iter().map(|p| p.indicators.len()).sum();
                assert!(in_slice <= max_rows, "{in_slice} rows in a slice of {max_rows}");
            }
            let mut back = Imported::default();
            let mut problems = Vec::new();
            for slice in slices {
                // Through JSON, as between the modules.
                let json = serde_json::to_string(&slice).expect("writes");
                back.add_slice(serde_json::from_str(&json).expect("reads"), &mut problems);
            }
            assert_eq!((&back.areas, &back.governance), (&imported.areas, &imported.governance), "{max_rows} rows a slice");
            assert_eq!(problems.len(), imported.problems.len());
            assert!(problems[0].bn.starts_with("লাইন "), "{:?}", problems[0]);
            assert!(problems[0].en.starts_with("line "), "{:?}", problems[0]);
        }
    }

    #[test]
    fn an_empty_import_is_one_slice_of_problems() {
        let imported = import_section3("এটি কোনো টেবিল নয়");
        let slices = imported.into_slices(500);
        assert_eq!(slices.len(), 1);
        assert!(slices[0].pieces.is_empty());
        assert!(slices[0].problems.iter().any(|p| p.bn.contains("সেকশন ৩-এর কোনো সারি পড়া যায়নি")), "{:?}", slices[0].problems);
    }
}
