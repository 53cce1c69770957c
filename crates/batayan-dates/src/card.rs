//! The card itself: what is shown for one date.

use batayan_core::locale::{BanglaDate, FiscalYear, Lang, Quarter, format_gregorian, format_number, parse_date, weekday_name};
use batayan_web::dom::{Dom, Segment, add, error_box, progress_bar, with};
use chrono::{Datelike, NaiveDate};
use wasm_bindgen::JsValue;
use web_sys::Element;

/// The card for `date` as the host wrote it (any form `parse_date` reads), or for `today` without one.
pub(crate) fn render(dom: &Dom, date: Option<&str>, today: NaiveDate, lang: Lang) -> Result<Element, JsValue> {
    let day = match date {
        None => today,
        Some(text) => match parse_date(text) {
            Ok(parsed) => parsed.date,
            Err(error) => return error_box(dom, &error.message(), lang),
        },
    };
    let year = FiscalYear::containing(day);
    let elapsed = year.elapsed_fraction(day);
    let percent = format_number((elapsed * 100.0).round(), lang);
    let value_text = match lang {
        Lang::Bn => format!("অর্থবছরের {percent}% পার হয়েছে"),
        Lang::En => format!("{percent}% of the fiscal year has passed"),
    };
    let segments: Vec<Segment> = Quarter::ALL.iter().enumerate().map(|(i, q)| Segment { from: i as f64 / 4.0, label: q.short_name(lang).to_owned() }).collect();

    let section = dom.el("section", "by-card by-fiscal-year")?;
    section.set_attribute("lang", lang.tag())?;
    let title = dom.text("h2", "by-card__title", lang.pick("অর্থবছর ", "Fiscal year "))?;
    add(&title, &dom.text("span", "by-fiscal-year__code", &year.label(lang))?)?;
    let gregorian = format!("{}, {}", weekday_name(day.weekday(), lang), format_gregorian(day, lang));
    let quarter = year.quarter_of(day).map(|q| q.name(lang)).unwrap_or_default();
    let facts = with(
        dom.el("dl", "by-facts")?,
        &[
            &fact(dom, lang.pick("খ্রিস্টাব্দ", "Gregorian"), "by-fiscal-year__gregorian", &gregorian)?,
            &fact(dom, lang.pick("বঙ্গাব্দ", "Bangla calendar"), "by-fiscal-year__bangla", &BanglaDate::from_gregorian(day).format(lang))?,
            &fact(dom, lang.pick("প্রান্তিক", "Quarter"), "by-fiscal-year__quarter", quarter)?,
        ],
    )?;
    let bar = progress_bar(dom, elapsed, &value_text, lang.pick("অর্থবছরের অগ্রগতি", "Progress of the fiscal year"), &segments)?;
    with(section, &[&title, &facts, &bar, &dom.text("p", "by-card__note", &year.span_label(lang))?])
}

fn fact(dom: &Dom, term: &str, class: &str, value: &str) -> Result<Element, JsValue> {
    with(dom.el("div", "by-facts__row")?, &[&dom.text("dt", "", term)?, &dom.text("dd", class, value)?])
}
