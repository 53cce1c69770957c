//! `<batayan-fiscal-year>`: one date shown the ways an office reads it — weekday and Gregorian date in
//! Bangla, the Bangla calendar date, the fiscal year and quarter — with a bar of how far the fiscal year
//! has run. The smallest real widget: it proves the chain from core to a host page.

use batayan_core::locale::{
    BanglaDate, FiscalYear, Lang, Quarter, format_gregorian, format_number, parse_date, weekday_name,
};
use chrono::{Datelike, NaiveDate};
use yew::prelude::*;

use crate::ui::{ErrorBox, ProgressBar, Segment, tr};

#[derive(Properties, PartialEq, Debug)]
pub struct FiscalYearCardProps {
    /// The date as the host wrote it, in any form `parse_date` reads; `None` means `today`.
    #[prop_or_default]
    pub date: Option<AttrValue>,
    /// The day the page was opened, used when no `date` is given.
    pub today: NaiveDate,
    pub lang: Lang,
}

#[component]
pub fn FiscalYearCard(props: &FiscalYearCardProps) -> Html {
    let lang = props.lang;
    let day = match props.date.as_deref() {
        None => props.today,
        Some(text) => match parse_date(text) {
            Ok(parsed) => parsed.date,
            Err(error) => return html! { <ErrorBox message={error.message()} {lang} /> },
        },
    };
    let year = FiscalYear::containing(day);
    let bangla = BanglaDate::from_gregorian(day);
    let quarter = year.quarter_of(day);
    let elapsed = year.elapsed_fraction(day);
    let percent = format_number((elapsed * 100.0).round(), lang);
    let value_text = match lang {
        Lang::Bn => format!("অর্থবছরের {percent}% পার হয়েছে"),
        Lang::En => format!("{percent}% of the fiscal year has passed"),
    };
    let segments = Quarter::ALL
        .iter()
        .enumerate()
        .map(|(i, q)| Segment {
            from: i as f64 / 4.0,
            to: (i + 1) as f64 / 4.0,
            label: q.short_name(lang).to_owned(),
        })
        .collect::<Vec<_>>();

    html! {
        <section class="by-card by-fiscal-year" lang={lang.tag()}>
            <h2 class="by-card__title">
                { tr(lang, "অর্থবছর ", "Fiscal year ") }
                <span class="by-fiscal-year__code">{ year.label(lang) }</span>
            </h2>
            <dl class="by-facts">
                <div class="by-facts__row">
                    <dt>{ tr(lang, "খ্রিস্টাব্দ", "Gregorian") }</dt>
                    <dd class="by-fiscal-year__gregorian">
                        { format!("{}, {}", weekday_name(day.weekday(), lang), format_gregorian(day, lang)) }
                    </dd>
                </div>
                <div class="by-facts__row">
                    <dt>{ tr(lang, "বঙ্গাব্দ", "Bangla calendar") }</dt>
                    <dd class="by-fiscal-year__bangla">{ bangla.format(lang) }</dd>
                </div>
                <div class="by-facts__row">
                    <dt>{ tr(lang, "প্রান্তিক", "Quarter") }</dt>
                    <dd class="by-fiscal-year__quarter">{ quarter.map(|q| q.name(lang)).unwrap_or_default() }</dd>
                </div>
            </dl>
            <ProgressBar fraction={elapsed} value_text={value_text} label={tr(lang, "অর্থবছরের অগ্রগতি", "Progress of the fiscal year")} {segments} />
            <p class="by-card__note">{ year.span_label(lang) }</p>
        </section>
    }
}
