//! The APA section 3 table as citizens read it — every indicator with its targets, the year's
//! achievement, raw and weighted score, area subtotals, the total out of 100 as a large figure and a bar
//! per area — built once, straight into the DOM.
//!
//! The markup and classes are those of the report form (`batayan-elements`), so one stylesheet serves
//! both and a reader moving between them sees one table. Rows are copies of one template row (a native
//! deep clone, then one text per cell): at 1,000 indicators that is the difference between ~35 and ~90
//! calls across the Wasm boundary per row, and no `createElement` at all. "How was this computed" is written only when a reader opens
//! it (see `ApaPublic::explain`), so no row pays for a sentence nobody reads.

use std::collections::HashMap;

use batayan_core::apa::{Activity, Agreement, Area, Block, Column, Indicator, IndicatorScore, RowKey, Scorecard, Value, level_label, lower_is_better_note};
use batayan_core::locale::{FiscalYear, Lang, digits_for, format_fixed, format_number};
use wasm_bindgen::JsValue;
use web_sys::Element;

use batayan_web::dom::{Dom, add, clone_deep, next, progress_bar, set_all, with};

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
    for activity in &area.activities {
        add(&body, &activity_row(dom, activity, lang)?)?;
        for indicator in &activity.indicators {
            let key = block.key(&indicator.serial);
            add(&body, &rows.row(&key, &key.serial_label(year, lang), indicator, by_key.get(key.as_str()).copied(), lang)?)?;
        }
    }
    Ok(body)
}

fn activity_row(dom: &Dom, activity: &Activity, lang: Lang) -> Result<Element, JsValue> {
    let cell = dom.text("td", "", &format!("[{}] ", digits_for(lang, &activity.serial)))?;
    cell.set_attribute("colspan", COLUMNS)?;
    add(&cell, &dom.bdi(&activity.name)?)?;
    with(dom.el("tr", "by-apa__activity-row")?, &[&cell])
}

fn show(value: &Option<Value>, lang: Lang) -> String {
    value.map(|v| v.format(lang)).unwrap_or_default()
}

/// Empty indicator rows with every cell's class and phone label, copied for each indicator: one per
/// shape (with or without an evidence note, with or without a score to explain), so that a row is one
/// native deep copy and a text per cell, never a handful of `createElement` calls.
struct RowTemplate {
    /// Indexed by `shape(has_evidence, has_raw)`.
    shapes: [Element; 4],
    /// "lower is better", under the unit of an indicator whose targets rise (see `direction_note`).
    lower_is_better: Element,
}

fn shape(has_evidence: bool, has_raw: bool) -> usize {
    usize::from(has_evidence) * 2 + usize::from(has_raw)
}

impl RowTemplate {
    /// The templates of `year`'s agreement: a phone card names the year of each actual and projection.
    fn new(dom: &Dom, year: FiscalYear, lang: Lang) -> Result<RowTemplate, JsValue> {
        let build = |has_evidence: bool, has_raw: bool| -> Result<Element, JsValue> {
            let row = dom.el("tr", "by-apa__row")?;
            let cell = |tag: &str, class: &str, label: &str| -> Result<Element, JsValue> {
                let cell = dom.el(tag, class)?;
                cell.set_attribute("data-label", label)?;
                add(&row, &cell)?;
                Ok(cell)
            };
            cell("th", "", lang.pick("ক্রমিক", "No."))?.set_attribute("scope", "row")?;
            let name = cell("td", "by-apa__name", lang.pick("সূচক", "Indicator"))?;
            add(&name, &dom.el("bdi", "")?)?;
            if has_evidence {
                let note = dom.text("span", "by-apa__evidence-note", lang.pick("প্রমাণক: ", "Evidence: "))?;
                add(&note, &dom.el("bdi", "")?)?;
                add(&name, &note)?;
            }
            add(&cell("td", "", lang.pick("একক", "Unit"))?, &dom.el("bdi", "")?)?;
            cell("td", "by-num", lang.pick("মান", "Weight"))?;
            for k in 0..2 {
                cell("td", "by-num", &Column::PriorActual(k).label(year, lang))?;
            }
            for k in 0..5 {
                cell("td", "by-num by-apa__level", level_label(k, lang))?;
            }
            for k in 0..2 {
                cell("td", "by-num by-apa__projection", &Column::Projection(k).label(year, lang))?;
            }
            cell("td", "by-num by-apa__achieved", lang.pick("অর্জন", "Achieved"))?;
            let raw = cell("td", "by-num by-apa__raw", lang.pick("প্রাপ্ত নম্বর", "Score"))?;
            if has_raw {
                // A disclosure button, not `<details>`: one element instead of three and no user-agent
                // shadow tree per row (~10 % of the first render at 1,000 rows). The explanation is
                // written when a reader opens it (see `ApaPublic::explain`).
                let button = dom.el("button", "by-explain")?;
                set_all(&button, &[("type", "button"), ("aria-expanded", "false")])?;
                add(&raw, &button)?;
            }
            cell("td", "by-num by-apa__weighted", lang.pick("ভারিত নম্বর", "Weighted"))?;
            Ok(row)
        };
        Ok(RowTemplate {
            shapes: [build(false, false)?, build(false, true)?, build(true, false)?, build(true, true)?],
            lower_is_better: dom.text("span", "by-apa__direction", lower_is_better_note(lang))?,
        })
    }

    /// A copy of the right template filled for one indicator. Cells are visited in template order.
    /// One indicator's row; `serial` as the year's documents write it (`[১.১.১]`, `[এম.১.১.১]`).
    fn row(&self, key: &RowKey, serial: &str, indicator: &Indicator, score: Option<&IndicatorScore>, lang: Lang) -> Result<Element, JsValue> {
        let raw_score = score.and_then(|s| s.raw);
        let has_evidence = !indicator.evidence.is_empty();
        let row = clone_deep(&self.shapes[shape(has_evidence, raw_score.is_some())])?;
        row.set_attribute("data-key", key.as_str())?;
        let serial_cell = row.first_element_child().ok_or_else(|| JsValue::from_str("batayan: the row template is empty"))?;
        serial_cell.set_text_content(Some(serial));
        let name = next(&serial_cell)?;
        fill(&name.first_element_child(), &indicator.name);
        if has_evidence {
            fill(&name.last_element_child().and_then(|note| note.last_element_child()), &indicator.evidence);
        }
        let unit = next(&name)?;
        fill(&unit.first_element_child(), &indicator.unit);
        if indicator.lower_figure_is_better() {
            add(&unit, &clone_deep(&self.lower_is_better)?)?;
        }
        let weight = next(&unit)?;
        if let Some(w) = indicator.weight {
            weight.set_text_content(Some(&format_number(w, lang)));
        }
        let mut cell = weight;
        for k in 0..2 {
            cell = next(&cell)?;
            // The `*` of a provisional actual marks a value; an empty cell stays empty.
            let star = if indicator.prior_provisional[k] && indicator.prior_actuals[k].is_some() { "*" } else { "" };
            fill_cell(&cell, format!("{}{star}", show(&indicator.prior_actuals[k], lang)));
        }
        for value in indicator.levels.iter().chain(&indicator.projections) {
            cell = next(&cell)?;
            fill_cell(&cell, show(value, lang));
        }
        let achieved = next(&cell)?;
        let raw = next(&achieved)?;
        let weighted = next(&raw)?;
        if let Some(score) = score {
            fill_cell(&achieved, show(&score.achievement, lang));
            if let Some(value) = raw_score {
                fill(&raw.first_element_child(), &format_fixed(value.value, 2, lang));
                weighted.set_text_content(Some(&format_fixed(score.weighted, 2, lang)));
            }
        }
        Ok(row)
    }
}

fn fill(element: &Option<Element>, text: &str) {
    if let Some(element) = element.as_ref().filter(|_| !text.is_empty()) {
        element.set_text_content(Some(text));
    }
}

fn fill_cell(cell: &Element, text: String) {
    if !text.is_empty() {
        cell.set_text_content(Some(&text));
    }
}
