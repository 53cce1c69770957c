//! The APA section 3 table as citizens read it — every indicator with its targets, the year's
//! achievement, raw and weighted score, area subtotals, the total out of 100 as a large figure and a bar
//! per area — built once, straight into the DOM.
//!
//! The markup and classes are those of the report form (`batayan-elements`), so one stylesheet serves
//! both and a reader moving between them sees one table. Rows are copies of template rows made by a
//! small JS function, `fill_rows`, from one string per table body: a cell's text set from Rust is a
//! call across the Wasm boundary, and at 1,000 indicators those ~40 calls a row made building the rows
//! take ~86 ms against ~60 now (docs/performance.md, seventh session). "How was this computed" is
//! written only when a reader opens it (see `ApaPublic::explain`), so no row pays for a sentence nobody
//! reads.

use std::collections::HashMap;
use std::fmt::Write as _;

use batayan_core::apa::{Agreement, Area, Block, Column, Indicator, IndicatorScore, RowKey, Scorecard, Value, level_label, lower_is_better_note};
use batayan_core::locale::{FiscalYear, Lang, digits_for, format_fixed, format_number};
use wasm_bindgen::prelude::*;
use web_sys::Element;

use batayan_web::dom::{Dom, add, progress_bar, set_all, with};

/// Columns in the table: serial, indicator, unit, weight, 2 prior, 5 levels, 2 projections, achieved,
/// raw, weighted.
const COLUMNS: &str = "16";

/// The whole view: `<section class="by-apa">` with header, summary (when scored), table and total line.
pub(crate) fn render(dom: &Dom, agreement: &Agreement, card: &Scorecard, scored: bool, lang: Lang) -> Result<Element, JsValue> {
    let section = dom.el("section", "by-apa")?;
    section.set_attribute("lang", lang.tag())?;
    add(&section, &header(dom, agreement, lang)?)?;
    if scored {
        add(&section, &summary(dom, card, agreement.fiscal_year, lang)?)?;
    }
    let table = dom.el("table", "by-apa__table")?;
    let caption = dom.text("caption", "by-visually-hidden", lang.pick("সেকশন ৩: কর্মসম্পাদন পরিকল্পনা", "Section 3: performance plan"))?;
    add(&table, &caption)?;
    add(&table, &head(dom, agreement.fiscal_year, lang)?)?;
    let by_key: HashMap<&str, &IndicatorScore> = card.indicators.iter().map(|s| (s.key.as_str(), s)).collect();
    let rows = RowTemplate::new(dom, agreement.fiscal_year, lang)?;
    for area in &agreement.areas {
        add(&table, &area_body(dom, &rows, (area, Block::Own, agreement.fiscal_year), card, &by_key, lang)?)?;
    }
    if !agreement.governance.is_empty() {
        let heading = dom.text("th", "", Block::Governance.heading(agreement.fiscal_year, lang))?;
        set_all(&heading, &[("scope", "rowgroup"), ("colspan", COLUMNS)])?;
        add(&table, &with(dom.el("tbody", "by-apa__block")?, &[&with(dom.el("tr", "")?, &[&heading])?])?)?;
        for area in &agreement.governance {
            add(&table, &area_body(dom, &rows, (area, Block::Governance, agreement.fiscal_year), card, &by_key, lang)?)?;
        }
    }
    add(&section, &with(scroll_region(dom, lang)?, &[&table])?)?;
    if scored {
        let line = dom.text("p", "by-apa__total-line", lang.pick("মোট প্রাপ্ত নম্বর: ", "Total score: "))?;
        add(&line, &dom.text("strong", "by-apa__total-text", &format_fixed(card.total, 2, lang))?)?;
        line.append_with_str_1(lang.pick(" / ১০০", " / 100"))?;
        add(&section, &line)?;
    }
    Ok(section)
}

fn header(dom: &Dom, agreement: &Agreement, lang: Lang) -> Result<Element, JsValue> {
    let header = dom.el("header", "by-apa__header")?;
    let title = format!("{}{}", lang.pick("বার্ষিক কর্মসম্পাদন চুক্তি ", "Annual Performance Agreement "), agreement.fiscal_year.label(lang));
    add(&header, &dom.text("h2", "by-card__title", &title)?)?;
    if !agreement.office_name.is_empty() {
        add(&header, &with(dom.el("p", "by-apa__office")?, &[&dom.bdi(&agreement.office_name)?])?)?;
    }
    if !agreement.vision.is_empty() || !agreement.mission.is_empty() {
        let list = with(
            dom.el("dl", "")?,
            &[
                &dom.text("dt", "", lang.pick("রূপকল্প", "Vision"))?,
                &with(dom.el("dd", "")?, &[&dom.bdi(&agreement.vision)?])?,
                &dom.text("dt", "", lang.pick("অভিলক্ষ্য", "Mission"))?,
                &with(dom.el("dd", "")?, &[&dom.bdi(&agreement.mission)?])?,
            ],
        )?;
        if !agreement.functions.is_empty() {
            let functions = dom.el("ul", "")?;
            for function in &agreement.functions {
                add(&functions, &with(dom.el("li", "")?, &[&dom.bdi(function)?])?)?;
            }
            add(&list, &dom.text("dt", "", lang.pick("কার্যাবলি", "Functions"))?)?;
            add(&list, &with(dom.el("dd", "")?, &[&functions])?)?;
        }
        let summary = dom.text("summary", "", lang.pick("রূপকল্প, অভিলক্ষ্য ও কার্যাবলি", "Vision, mission and functions"))?;
        add(&header, &with(dom.el("details", "by-apa__about")?, &[&summary, &list])?)?;
    }
    Ok(header)
}

/// The box the table scrolls sideways in when it is wider than the widget: a region a keyboard can
/// reach and scroll, named for a screen reader (WCAG 2.1.1).
fn scroll_region(dom: &Dom, lang: Lang) -> Result<Element, JsValue> {
    let region = dom.el("div", "by-apa__scroll")?;
    set_all(&region, &[("tabindex", "0"), ("role", "region"), ("aria-label", lang.pick("সেকশন ৩-এর সারণি", "Section 3 table"))])?;
    Ok(region)
}

/// The total as a large figure and a bar per area: what a citizen looks at first.
fn summary(dom: &Dom, card: &Scorecard, year: FiscalYear, lang: Lang) -> Result<Element, JsValue> {
    let total = with(
        dom.el("p", "by-apa__total")?,
        &[
            &dom.text("span", "by-apa__total-label", lang.pick("মোট প্রাপ্ত নম্বর", "Total score"))?,
            &dom.text("span", "by-apa__total-figure", &format_fixed(card.total, 2, lang))?,
            &dom.text("span", "by-apa__total-of", lang.pick("/ ১০০", "/ 100"))?,
        ],
    )?;
    let bars = dom.el("ul", "by-apa__bars")?;
    for area in &card.areas {
        let serial = area.key.title(year, lang);
        let fraction = if area.weight > 0.0 { area.score / area.weight } else { 0.0 };
        let text = format!("{} / {}", format_fixed(area.score, 2, lang), format_fixed(area.weight, 0, lang));
        let label = with(dom.text("span", "by-apa__bar-label", &format!("{serial} "))?, &[&dom.bdi(&area.name)?])?;
        let value = dom.text("span", "by-apa__bar-value", &text)?;
        add(&bars, &with(dom.el("li", "")?, &[&label, &progress_bar(dom, fraction, &text, &area.name, &[])?, &value])?)?;
    }
    with(dom.el("div", "by-apa__summary")?, &[&total, &bars])
}

fn head(dom: &Dom, year: FiscalYear, lang: Lang) -> Result<Element, JsValue> {
    let row = dom.el("tr", "")?;
    let cell = |text: &str, class: &str| -> Result<(), JsValue> {
        let th = dom.text("th", class, text)?;
        th.set_attribute("scope", "col")?;
        add(&row, &th)
    };
    cell(lang.pick("ক্রমিক", "No."), "")?;
    cell(lang.pick("কর্মসম্পাদন সূচক", "Indicator"), "")?;
    cell(lang.pick("একক", "Unit"), "")?;
    cell(lang.pick("মান", "Weight"), "")?;
    cell(&Column::PriorActual(0).label(year, lang), "")?;
    cell(&Column::PriorActual(1).label(year, lang), "")?;
    for k in 0..5 {
        cell(level_label(k, lang), "by-apa__level")?;
    }
    cell(&Column::Projection(0).label(year, lang), "by-apa__projection")?;
    cell(&Column::Projection(1).label(year, lang), "by-apa__projection")?;
    cell(lang.pick("অর্জন", "Achieved"), "")?;
    cell(lang.pick("প্রাপ্ত নম্বর", "Score"), "")?;
    cell(lang.pick("ভারিত নম্বর", "Weighted"), "")?;
    with(dom.el("thead", "")?, &[&row])
}

fn area_body(
    dom: &Dom,
    rows: &RowTemplate,
    (area, block, year): (&Area, Block, FiscalYear),
    card: &Scorecard,
    by_key: &HashMap<&str, &IndicatorScore>,
    lang: Lang,
) -> Result<Element, JsValue> {
    let key = block.key(&area.serial);
    let area_score = card.areas.iter().find(|a| a.key == key).map_or(0.0, |a| a.score);
    let weight = area.weight.map_or_else(|| "—".to_owned(), |w| format_number(w, lang));
    let heading = dom.text("th", "", &format!("{} ", key.title(year, lang)))?;
    set_all(&heading, &[("scope", "rowgroup"), ("colspan", COLUMNS)])?;
    add(&heading, &dom.bdi(&area.name)?)?;
    let note = format!(" — {} {} · {} {}", lang.pick("মান", "Weight"), weight, lang.pick("প্রাপ্ত", "scored"), format_fixed(area_score, 2, lang));
    add(&heading, &dom.text("span", "by-apa__area-weight", &note)?)?;
    let body = with(dom.el("tbody", "by-apa__area")?, &[&with(dom.el("tr", "by-apa__area-row")?, &[&heading])?])?;
    let mut records = Records::default();
    for activity in &area.activities {
        records.start(ACTIVITY_TEMPLATE, "");
        records.field(&format!("[{}] ", digits_for(lang, &activity.serial)));
        records.field(&activity.name);
        for indicator in &activity.indicators {
            let key = block.key(&indicator.serial);
            rows.write(&mut records, &key, &key.serial_label(year, lang), indicator, by_key.get(key.as_str()).copied(), lang);
        }
    }
    fill_rows(&body, &rows.templates, &records.text)?;
    Ok(body)
}

fn show(value: &Option<Value>, lang: Lang) -> String {
    value.map(|v| v.format(lang)).unwrap_or_default()
}

#[wasm_bindgen(inline_js = r#"
// Rows from templates, with one call across the Wasm boundary per table body instead of ~40 per row
// (a 1,000-row table's rows: ~86 ms built from Rust cell by cell, ~60 ms this way). `records`
// holds one row per U+001E-separated record, fields separated by U+001F: the index of the template in
// `templates`, the row's `data-key` (empty: none), then the texts that go, in order, into the
// template's empty text nodes. The writer is `Records` in apa_table.rs.
export function fill_rows(body, templates, records) {
  if (records === '') return;
  for (const record of records.split('\x1e')) {
    const fields = record.split('\x1f');
    const row = templates[Number(fields[0])].cloneNode(true);
    if (fields[1] !== '') row.setAttribute('data-key', fields[1]);
    // The row's nodes in document order; each empty text node takes the next field.
    let field = 2;
    let node = row.firstChild;
    while (node !== null) {
      if (node.nodeType === 3) {
        if (node.data === '') {
          const text = fields[field++];
          if (text) node.data = text;
        }
      } else if (node.firstChild !== null) {
        node = node.firstChild;
        continue;
      }
      while (node !== row && node.nextSibling === null) node = node.parentNode;
      node = node === row ? null : node.nextSibling;
    }
    body.append(row);
  }
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    fn fill_rows(body: &Element, templates: &js_sys::Array, records: &str) -> Result<(), JsValue>;
}

/// The rows of one table body as `fill_rows` reads them. A data string cannot break the framing: the
/// two separators (invisible control characters no document has a use for) are dropped from it.
#[derive(Default)]
struct Records {
    text: String,
}

const RECORD: char = '\u{1e}';
const FIELD: char = '\u{1f}';

impl Records {
    /// A new row from template `template` with `data-key` `key`.
    fn start(&mut self, template: usize, key: &str) {
        if !self.text.is_empty() {
            self.text.push(RECORD);
        }
        // In decimal, as `fill_rows` reads it (`Number`): a tenth template must not become the first.
        let _ = write!(self.text, "{template}");
        self.field(key);
    }

    /// The next empty text node's text (empty: left empty).
    fn field(&mut self, text: &str) {
        self.text.push(FIELD);
        if text.contains([RECORD, FIELD]) {
            self.text.extend(text.chars().filter(|c| *c != RECORD && *c != FIELD));
        } else {
            self.text.push_str(text);
        }
    }
}

/// Templates 0–7 are indicator rows (see `shape`); this one is an activity's heading row.
const ACTIVITY_TEMPLATE: usize = 8;

/// Empty rows with every cell's class and phone label, copied for each row by `fill_rows`: one per
/// shape of indicator row (with or without an evidence note, a score to explain, a "lower is better"
/// note) and one for an activity. Every place a row's text goes is an empty text node, in the order
/// `RowTemplate::write` writes the fields.
struct RowTemplate {
    templates: js_sys::Array,
}

fn shape(has_evidence: bool, has_raw: bool, lower_is_better: bool) -> usize {
    usize::from(has_evidence) * 4 + usize::from(has_raw) * 2 + usize::from(lower_is_better)
}

impl RowTemplate {
    /// The templates of `year`'s agreement: a phone card names the year of each actual and projection.
    fn new(dom: &Dom, year: FiscalYear, lang: Lang) -> Result<RowTemplate, JsValue> {
        let build = |has_evidence: bool, has_raw: bool, lower_is_better: bool| -> Result<Element, JsValue> {
            let row = dom.el("tr", "by-apa__row")?;
            let cell = |tag: &str, class: &str, label: &str| -> Result<Element, JsValue> {
                let cell = dom.el(tag, class)?;
                cell.set_attribute("data-label", label)?;
                add(&row, &cell)?;
                Ok(cell)
            };
            let slot = |parent: &Element| parent.append_child(&dom.empty_text()).map(drop);
            let serial = cell("th", "", lang.pick("ক্রমিক", "No."))?;
            serial.set_attribute("scope", "row")?;
            slot(&serial)?;
            // A data string that ends its block (the cell's own text; the evidence note, a block, ends
            // with it) needs no `<bdi>` to be isolated: a bidi paragraph ends with its block, and
            // `dir="auto"` takes the cell's direction from the data as `<bdi>` would. Three elements
            // fewer per row.
            let name = cell("td", "by-apa__name", lang.pick("সূচক", "Indicator"))?;
            name.set_attribute("dir", "auto")?;
            slot(&name)?;
            if has_evidence {
                let note = dom.text("span", "by-apa__evidence-note", lang.pick("প্রমাণক: ", "Evidence: "))?;
                slot(&note)?;
                add(&name, &note)?;
            }
            let unit = cell("td", "", lang.pick("একক", "Unit"))?;
            unit.set_attribute("dir", "auto")?;
            slot(&unit)?;
            if lower_is_better {
                add(&unit, &dom.text("span", "by-apa__direction", lower_is_better_note(lang))?)?;
            }
            slot(&cell("td", "by-num", lang.pick("মান", "Weight"))?)?;
            for k in 0..2 {
                slot(&cell("td", "by-num", &Column::PriorActual(k).label(year, lang))?)?;
            }
            for k in 0..5 {
                slot(&cell("td", "by-num by-apa__level", level_label(k, lang))?)?;
            }
            for k in 0..2 {
                slot(&cell("td", "by-num by-apa__projection", &Column::Projection(k).label(year, lang))?)?;
            }
            slot(&cell("td", "by-num by-apa__achieved", lang.pick("অর্জন", "Achieved"))?)?;
            let raw = cell("td", "by-num by-apa__raw", lang.pick("প্রাপ্ত নম্বর", "Score"))?;
            if has_raw {
                // A disclosure button, not `<details>`: one element instead of three and no user-agent
                // shadow tree per row (~10 % of the first render at 1,000 rows). The explanation is
                // written when a reader opens it (see `ApaPublic::explain`).
                let button = dom.el("button", "by-explain")?;
                set_all(&button, &[("type", "button"), ("aria-expanded", "false")])?;
                slot(&button)?;
                add(&raw, &button)?;
            }
            slot(&cell("td", "by-num by-apa__weighted", lang.pick("ভারিত নম্বর", "Weighted"))?)?;
            Ok(row)
        };
        let templates = js_sys::Array::new();
        for index in 0..8 {
            let (has_evidence, has_raw, lower_is_better) = (index & 4 != 0, index & 2 != 0, index & 1 != 0);
            debug_assert_eq!(shape(has_evidence, has_raw, lower_is_better), index);
            templates.push(build(has_evidence, has_raw, lower_is_better)?.as_ref());
        }
        let activity = dom.el("td", "")?;
        activity.set_attribute("colspan", COLUMNS)?;
        activity.append_child(&dom.empty_text())?;
        let name = dom.el("bdi", "")?;
        name.append_child(&dom.empty_text())?;
        add(&activity, &name)?;
        templates.push(with(dom.el("tr", "by-apa__activity-row")?, &[&activity])?.as_ref());
        Ok(RowTemplate { templates })
    }

    /// One indicator's row; `serial` as the year's documents write it (`[১.১.১]`, `[এম.১.১.১]`). The
    /// fields follow the template's empty text nodes: serial, name, evidence (if any), unit, weight,
    /// two prior actuals, five levels, two projections, achieved, raw score (if any), weighted.
    fn write(&self, records: &mut Records, key: &RowKey, serial: &str, indicator: &Indicator, score: Option<&IndicatorScore>, lang: Lang) {
        let raw_score = score.and_then(|s| s.raw);
        let has_evidence = !indicator.evidence.is_empty();
        records.start(shape(has_evidence, raw_score.is_some(), indicator.lower_figure_is_better()), key.as_str());
        records.field(serial);
        records.field(&indicator.name);
        if has_evidence {
            records.field(&indicator.evidence);
        }
        records.field(&indicator.unit);
        records.field(&indicator.weight.map(|w| format_number(w, lang)).unwrap_or_default());
        for k in 0..2 {
            // The `*` of a provisional actual marks a value; an empty cell stays empty.
            let star = if indicator.prior_provisional[k] && indicator.prior_actuals[k].is_some() { "*" } else { "" };
            records.field(&format!("{}{star}", show(&indicator.prior_actuals[k], lang)));
        }
        for value in indicator.levels.iter().chain(&indicator.projections) {
            records.field(&show(value, lang));
        }
        records.field(&score.map(|s| show(&s.achievement, lang)).unwrap_or_default());
        if let (Some(score), Some(raw)) = (score, raw_score) {
            records.field(&format_fixed(raw.value, 2, lang));
            records.field(&format_fixed(score.weighted, 2, lang));
        } else {
            records.field("");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `fill_rows` splits: records by U+001E, fields by U+001F, the template's index first in
    /// decimal, and no separator from data left in a field.
    #[test]
    fn records_frame_their_fields_whatever_the_data_holds() {
        let mut records = Records::default();
        records.start(ACTIVITY_TEMPLATE, "");
        records.field("[১.১] ");
        records.field("নাম\u{1f}ভাঙা\u{1e}নয়");
        records.start(12, "1.1.1");
        records.field("");
        let rows: Vec<Vec<&str>> = records.text.split(RECORD).map(|r| r.split(FIELD).collect()).collect();
        assert_eq!(rows, [vec!["8", "", "[১.১] ", "নামভাঙানয়"], vec!["12", "1.1.1", ""]]);
    }
}
