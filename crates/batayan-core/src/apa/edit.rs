//! Fixing an agreement cell by cell, as the APA focal point does in the widget's edit mode: typed text
//! goes into the cell it names, read by the same rules as the import. A cell whose text cannot be read
//! keeps the text (nothing typed is lost) and an error, and the agreement keeps the cell's last good value
//! until it is fixed.

use serde::{Deserialize, Serialize};

use crate::locale::{FiscalYear, Lang, Message, format_number};

use super::block::RowKey;
use super::cell::{CellKind, read_cell, read_weight};
use super::model::{Agreement, Area, Indicator, Method};
use super::validate::{Column, Finding, Severity, cell_pointer, validate};

/// The area or indicator a key names (`"1"` / `"1.1.1"`, governance `"g1"` / `"g1.3.1"`).
enum Row<'a> {
    Area(&'a mut Area),
    Indicator(&'a mut Indicator),
}

fn row<'a>(agreement: &'a mut Agreement, key: &RowKey) -> Option<Row<'a>> {
    let serial = key.serial();
    let areas = agreement.areas_of_mut(key.block());
    for area in areas.iter_mut() {
        if area.serial == serial {
            return Some(Row::Area(area));
        }
        for activity in &mut area.activities {
            if let Some(indicator) = activity.indicators.iter_mut().find(|i| i.serial == serial) {
                return Some(Row::Indicator(indicator));
            }
        }
    }
    None
}

fn no_such_cell(key: &RowKey, year: FiscalYear) -> Message {
    Message::new(
        format!("{} নামে কোনো সারি বা এই ঘর নেই।", key.label(year, Lang::Bn)),
        format!("There is no row {} or no such cell in it.", key.label(year, Lang::En)),
    )
}

/// Puts `text` into the cell (`key`, `column`). On an error the agreement is unchanged.
pub fn set_cell(agreement: &mut Agreement, key: &RowKey, column: Column, text: &str) -> Result<(), Message> {
    let year = agreement.fiscal_year;
    match (row(agreement, key), column) {
        (Some(Row::Area(area)), Column::AreaWeight) => area.weight = read_weight(text)?,
        (Some(Row::Indicator(indicator)), column) => {
            let kind = CellKind::of_values(indicator.method, &indicator.unit);
            match column {
                Column::Weight => indicator.weight = read_weight(text)?,
                Column::Unit => indicator.unit = text.trim().to_owned(),
                Column::Method if text.trim().is_empty() => indicator.method = None,
                Column::Method => {
                    indicator.method = Some(Method::from_text(text).ok_or_else(|| {
                        Message::new(
                            format!("“{}” কোনো গণনা পদ্ধতি নয়: লিখুন সমষ্টি, গড়, ক্রমপুঞ্জিভূত বা তারিখ।", text.trim()),
                            format!("“{}” is not a calculation method: write sum, average, cumulative or date.", text.trim()),
                        )
                    })?)
                }
                Column::PriorActual(k) if k < 2 => {
                    // A trailing `*` marks a provisional actual, as the documents write it.
                    let (value, provisional) = match text.trim().strip_suffix('*') {
                        Some(rest) => (rest, true),
                        None => (text, false),
                    };
                    indicator.prior_actuals[k] = read_cell(value, kind)?;
                    indicator.prior_provisional[k] = provisional && indicator.prior_actuals[k].is_some();
                }
                Column::Level(k) if k < 5 => indicator.levels[k] = read_cell(text, kind)?,
                Column::Projection(k) if k < 2 => indicator.projections[k] = read_cell(text, kind)?,
                _ => return Err(no_such_cell(key, year)),
            }
        }
        _ => return Err(no_such_cell(key, year)),
    }
    Ok(())
}

/// A cell's content as the edit form shows it, in `lang`'s digits; empty for a blank or unknown cell.
pub fn cell_text(agreement: &Agreement, key: &RowKey, column: Column, lang: Lang) -> String {
    let serial = key.serial();
    let areas = agreement.areas_of(key.block());
    let weight = |w: Option<f64>| w.map(|w| format_number(w, lang)).unwrap_or_default();
    if let Some(area) = areas.iter().find(|a| a.serial == serial) {
        return if column == Column::AreaWeight { weight(area.weight) } else { String::new() };
    }
    areas
        .iter()
        .flat_map(|a| &a.activities)
        .flat_map(|a| &a.indicators)
        .find(|i| i.serial == serial)
        .map(|i| indicator_cell_text(i, column, lang))
        .unwrap_or_default()
}

/// One of an indicator's cells as the edit form shows it.
pub fn indicator_cell_text(i: &Indicator, column: Column, lang: Lang) -> String {
    let weight = |w: Option<f64>| w.map(|w| format_number(w, lang)).unwrap_or_default();
    let value = |v: Option<super::model::Value>| v.map(|v| v.format(lang)).unwrap_or_default();
    match column {
        Column::Weight => weight(i.weight),
        Column::Unit => i.unit.clone(),
        Column::Method => i.method.map(|m| m.name(lang).to_owned()).unwrap_or_default(),
        Column::PriorActual(k) if k < 2 => {
            let star = if i.prior_provisional[k] && i.prior_actuals[k].is_some() { "*" } else { "" };
            format!("{}{star}", value(i.prior_actuals[k]))
        }
        Column::Level(k) if k < 5 => value(i.levels[k]),
        Column::Projection(k) if k < 2 => value(i.projections[k]),
        _ => String::new(),
    }
}

/// A cell whose typed text could not be read: kept as typed, with the reason.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PendingCell {
    pub key: RowKey,
    #[serde(with = "column_text")]
    pub column: Column,
    pub text: String,
    pub message: Message,
}

/// An agreement being edited: the agreement as far as it reads, and the cells that do not read yet.
/// This is what the edit mode keeps as its draft.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgreementDraft {
    pub agreement: Agreement,
    #[serde(default)]
    pub pending: Vec<PendingCell>,
}

impl AgreementDraft {
    pub fn new(agreement: Agreement) -> AgreementDraft {
        AgreementDraft { agreement, pending: Vec::new() }
    }

    /// Types `text` into a cell: it is read into the agreement, or kept pending with its error.
    pub fn edit(&mut self, key: &RowKey, column: Column, text: &str) {
        self.pending.retain(|p| !(p.key == *key && p.column == column));
        if let Err(message) = set_cell(&mut self.agreement, key, column, text) {
            self.pending.push(PendingCell { key: key.to_owned(), column, text: text.to_owned(), message });
        }
    }

    /// What the cell shows: the pending text if there is one, else the agreement's value.
    pub fn text(&self, key: &RowKey, column: Column, lang: Lang) -> String {
        match self.pending.iter().find(|p| p.key == *key && p.column == column) {
            Some(p) => p.text.clone(),
            None => cell_text(&self.agreement, key, column, lang),
        }
    }

    /// Unreadable cells first (as errors), then every finding of [`validate`].
    pub fn findings(&self) -> Vec<Finding> {
        let pending = self.pending.iter().map(|p| Finding::new(cell_pointer(&self.agreement, &p.key, Some(p.column)), Severity::Error, p.message.clone()));
        pending.chain(validate(&self.agreement)).collect()
    }
}

/// A pending cell's column as a draft keeps it: a word (`"weight"`, `"level/2"`). A draft is kept in
/// the browser, inside the editor's Wasm, where `Column`'s own tagged form costs a buffering
/// deserializer (kilobytes on every editor page); drafts written in that form before are still read.
mod column_text {
    use serde::de::{self, IgnoredAny, MapAccess, Visitor};
    use serde::{Deserializer, Serializer};

    use crate::apa::Column;

    pub fn serialize<S: Serializer>(column: &Column, s: S) -> Result<S::Ok, S::Error> {
        let text = match *column {
            Column::Serial => "serial".to_owned(),
            Column::AreaWeight => "area_weight".to_owned(),
            Column::Method => "method".to_owned(),
            Column::Unit => "unit".to_owned(),
            Column::Weight => "weight".to_owned(),
            Column::PriorActual(k) => format!("prior_actual/{k}"),
            Column::Level(k) => format!("level/{k}"),
            Column::Projection(k) => format!("projection/{k}"),
        };
        s.serialize_str(&text)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Column, D::Error> {
        d.deserialize_any(ColumnVisitor)
    }

    /// `kind` (and for a column of several, `index`) as either form names them.
    fn column(kind: &str, index: Option<usize>) -> Option<Column> {
        Some(match (kind, index) {
            ("serial", _) => Column::Serial,
            ("area_weight", _) => Column::AreaWeight,
            ("method", _) => Column::Method,
            ("unit", _) => Column::Unit,
            ("weight", _) => Column::Weight,
            ("prior_actual", Some(k)) if k < 2 => Column::PriorActual(k),
            ("level", Some(k)) if k < 5 => Column::Level(k),
            ("projection", Some(k)) if k < 2 => Column::Projection(k),
            _ => return None,
        })
    }

    struct ColumnVisitor;

    impl<'de> Visitor<'de> for ColumnVisitor {
        type Value = Column;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a column of the agreement")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<Column, E> {
            let (kind, index) = match text.split_once('/') {
                Some((kind, index)) => (kind, Some(index.parse().map_err(|_| E::custom("a column's index is not a number"))?)),
                None => (text, None),
            };
            column(kind, index).ok_or_else(|| E::custom("not a column of the agreement"))
        }

        /// `{"kind": "level", "index": 2}`, as drafts were written before.
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Column, A::Error> {
            let (mut kind, mut index) = (None::<String>, None::<usize>);
            while let Some(key) = map.next_key::<String>()? {
                match key.as_str() {
                    "kind" => kind = Some(map.next_value()?),
                    "index" => index = Some(map.next_value()?),
                    _ => {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
            }
            column(kind.as_deref().unwrap_or_default(), index).ok_or_else(|| de::Error::custom("not a column of the agreement"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::apa::cell_at_pointer;
    use crate::apa::model::Value;

    fn agreement() -> Agreement {
        serde_json::from_str(include_str!("../../../../tests/fixtures/apa-ict-sylhet-2024-25.json")).unwrap()
    }

    fn weight_findings(draft: &AgreementDraft) -> Vec<String> {
        draft
            .findings()
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .filter_map(|f| cell_at_pointer(&draft.agreement, &f.path))
            .map(|(k, _)| k.to_string())
            .collect()
    }

    #[test]
    fn a_draft_keeps_a_pending_cells_column_as_a_word_and_reads_the_older_tagged_form() {
        let cell = PendingCell { key: "1.1.1".into(), column: Column::Level(2), text: "৮অ".into(), message: Message::new("ক", "a") };
        let json = serde_json::to_value(&cell).expect("writes");
        assert_eq!(json["column"], "level/2");
        assert_eq!(serde_json::from_value::<PendingCell>(json).expect("reads"), cell);
        let older = serde_json::json!({ "key": "1.1.1", "column": { "kind": "level", "index": 2 }, "text": "৮অ", "message": { "bn": "ক", "en": "a" } });
        assert_eq!(serde_json::from_value::<PendingCell>(older).expect("reads the older form"), cell);
        for column in [Column::Serial, Column::AreaWeight, Column::Method, Column::Unit, Column::Weight, Column::PriorActual(1), Column::Projection(0)] {
            let cell = PendingCell { column, ..cell.clone() };
            assert_eq!(serde_json::from_value::<PendingCell>(serde_json::to_value(&cell).expect("writes")).expect("reads"), cell);
        }
        let wrong = serde_json::json!({ "key": "1.1.1", "column": "level/9", "text": "", "message": { "bn": "", "en": "" } });
        assert!(serde_json::from_value::<PendingCell>(wrong).is_err());
    }

    #[test]
    fn fixing_the_look_alike_digit_clears_the_area_sum() {
        let mut draft = AgreementDraft::new(agreement());
        assert!(weight_findings(&draft).contains(&"1".to_owned()), "area [১] sums to 26, not 22");
        assert_eq!(draft.text(&"1.6.1".into(), Column::Weight, Lang::Bn), "৮");
        draft.edit(&"1.6.1".into(), Column::Weight, "৪");
        assert!(!weight_findings(&draft).contains(&"1".to_owned()), "{:?}", draft.findings());
        assert_eq!(draft.text(&"1.6.1".into(), Column::Weight, Lang::En), "4");
    }

    #[test]
    fn an_unreadable_cell_keeps_its_text_and_the_last_good_value() {
        let mut draft = AgreementDraft::new(agreement());
        let before = draft.agreement.clone();
        draft.edit(&"2.2.1".into(), Column::Level(4), "৮অ");
        assert_eq!(draft.agreement, before);
        assert_eq!(draft.text(&"2.2.1".into(), Column::Level(4), Lang::Bn), "৮অ");
        let first = &draft.findings()[0];
        assert_eq!(cell_at_pointer(&draft.agreement, &first.path), Some(("2.2.1".into(), Some(Column::Level(4)))));
        assert!(first.message.en.contains("not a digit"), "{}", first.message.en);
        draft.edit(&"2.2.1".into(), Column::Level(4), "৪");
        assert_eq!(draft.pending, []);
        assert_eq!(draft.text(&"2.2.1".into(), Column::Level(4), Lang::Bn), "৪");
    }

    #[test]
    fn cells_read_by_their_column() {
        let mut a = agreement();
        set_cell(&mut a, &"g1".into(), Column::AreaWeight, "১০").unwrap();
        assert_eq!(a.governance[0].weight, Some(10.0));
        set_cell(&mut a, &"1.1.1".into(), Column::PriorActual(1), "৫৫*").unwrap();
        assert_eq!(
            (a.areas[0].activities[0].indicators[0].prior_actuals[1], a.areas[0].activities[0].indicators[0].prior_provisional[1]),
            (Some(Value::Number(55.0)), true)
        );
        assert_eq!(cell_text(&a, &"1.1.1".into(), Column::PriorActual(1), Lang::Bn), "৫৫*");
        set_cell(&mut a, &"1.1.1".into(), Column::Method, "গড়").unwrap();
        assert_eq!(cell_text(&a, &"1.1.1".into(), Column::Method, Lang::En), "average");
        set_cell(&mut a, &"2.1.1".into(), Column::Level(0), "৩০/১১/২০২৪").unwrap();
        assert_eq!(cell_text(&a, &"2.1.1".into(), Column::Level(0), Lang::En), "30 November 2024");
        assert!(set_cell(&mut a, &"1.1.1".into(), Column::Method, "মোট").unwrap_err().en.contains("sum, average"));
        assert!(set_cell(&mut a, &"1.1.1".into(), Column::Weight, "-2").is_err());
        assert!(set_cell(&mut a, &"9.9.9".into(), Column::Weight, "2").is_err());
        assert!(set_cell(&mut a, &"1".into(), Column::Level(0), "2").is_err(), "an area row has no levels");
        assert!(set_cell(&mut a, &"1.1.1".into(), Column::Serial, "2").is_err(), "serials are not edited in place");
    }
}
