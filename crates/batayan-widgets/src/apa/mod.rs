//! `<batayan-apa-table>`: the APA section 3 table as citizens read it — every indicator with its
//! targets, the year's achievement, raw and weighted score with how it was computed, area subtotals,
//! the total out of 100 as a large figure and a bar per area.
//!
//! Rows are keyed components whose props compare equal when nothing of theirs changed, so a change to
//! one indicator re-renders one row, not the table (the 1,000-indicator budget of the performance issue).

mod editor;
mod editor_row;
mod report_form;
mod report_row;
mod row;
mod summary;

use std::collections::HashMap;
use std::rc::Rc;

use batayan_core::apa::{Agreement, Area, IndicatorScore, Mode, Report, Scorecard, level_label, scorecard};
use batayan_core::locale::{Lang, digits_for, format_fixed, format_number};
use yew::prelude::*;

use crate::ui::{bdi, tr};
pub use editor::{AgreementEditor, AgreementEditorProps};
pub use editor_row::CellEdit;
pub use report_form::{ReportForm, ReportFormProps};
pub use report_row::FieldEdit;
use row::IndicatorRow;
use summary::Summary;

#[derive(Properties, PartialEq, Debug)]
pub struct ApaTableProps {
    pub agreement: Rc<Agreement>,
    /// The progress report to score; `None` shows the targets only.
    #[prop_or_default]
    pub report: Option<Rc<Report>>,
    pub lang: Lang,
}

/// Columns of the table, for the header and for each cell's label on phones.
pub(crate) struct Labels {
    pub serial: &'static str,
    pub indicator: &'static str,
    pub unit: &'static str,
    pub weight: &'static str,
    pub prior: [String; 2],
    pub levels: [&'static str; 5],
    pub projections: [String; 2],
    pub achievement: &'static str,
    pub raw: &'static str,
    pub weighted: &'static str,
}

impl Labels {
    fn new(agreement: &Agreement, lang: Lang) -> Labels {
        let year = agreement.fiscal_year;
        let prior = |y: batayan_core::locale::FiscalYear| format!("{} {}", tr(lang, "প্রকৃত অর্জন", "Actual"), y.label(lang));
        Labels {
            serial: tr(lang, "ক্রমিক", "No."),
            indicator: tr(lang, "কর্মসম্পাদন সূচক", "Indicator"),
            unit: tr(lang, "একক", "Unit"),
            weight: tr(lang, "মান", "Weight"),
            prior: [prior(year.previous().previous()), prior(year.previous())],
            levels: [0, 1, 2, 3, 4].map(|k| level_label(k, lang)),
            projections: [year.next(), year.next().next()].map(|y| format!("{} {}", tr(lang, "প্রক্ষেপণ", "Projection"), y.label(lang))),
            achievement: tr(lang, "অর্জন", "Achieved"),
            raw: tr(lang, "প্রাপ্ত নম্বর", "Score"),
            weighted: tr(lang, "ভারিত নম্বর", "Weighted"),
        }
    }
}

/// Columns in the table: serial, indicator, unit, weight, 2 prior, 5 levels, 2 projections, achieved,
/// raw, weighted.
const COLUMNS: usize = 16;

#[component]
pub fn ApaTable(props: &ApaTableProps) -> Html {
    let lang = props.lang;
    let card: Rc<Scorecard> = {
        let agreement = props.agreement.clone();
        let report = props.report.clone();
        use_memo((agreement, report), |(agreement, report)| {
            let empty = Report::new(&agreement.office, agreement.fiscal_year, "Q4");
            scorecard(agreement, report.as_deref().unwrap_or(&empty), Mode::Interpolated)
        })
    };
    let agreement = &props.agreement;
    let labels = Labels::new(agreement, lang);
    let scored = props.report.is_some();
    // One lookup table per render, so that 1,000 rows cost 1,000 lookups, not a million comparisons.
    let by_key: HashMap<&str, &IndicatorScore> = card.indicators.iter().map(|s| (s.key.as_str(), s)).collect();
    html! {
        <section class="by-apa" lang={lang.tag()}>
            <header class="by-apa__header">
                <h2 class="by-card__title">
                    { tr(lang, "বার্ষিক কর্মসম্পাদন চুক্তি ", "Annual Performance Agreement ") }
                    { agreement.fiscal_year.label(lang) }
                </h2>
                if !agreement.office_name.is_empty() {
                    <p class="by-apa__office">{ bdi(&agreement.office_name) }</p>
                }
                if !agreement.vision.is_empty() || !agreement.mission.is_empty() {
                    <details class="by-apa__about">
                        <summary>{ tr(lang, "রূপকল্প, অভিলক্ষ্য ও কার্যাবলি", "Vision, mission and functions") }</summary>
                        <dl>
                            <dt>{ tr(lang, "রূপকল্প", "Vision") }</dt><dd>{ bdi(&agreement.vision) }</dd>
                            <dt>{ tr(lang, "অভিলক্ষ্য", "Mission") }</dt><dd>{ bdi(&agreement.mission) }</dd>
                            if !agreement.functions.is_empty() {
                                <dt>{ tr(lang, "কার্যাবলি", "Functions") }</dt>
                                <dd><ul>{ for agreement.functions.iter().map(|f| html! { <li>{ bdi(f) }</li> }) }</ul></dd>
                            }
                        </dl>
                    </details>
                }
            </header>
            if scored {
                <Summary card={card.clone()} {lang} />
            }
            <div class="by-apa__scroll">
                <table class="by-apa__table">
                    <caption class="by-visually-hidden">{ tr(lang, "সেকশন ৩: কর্মসম্পাদন পরিকল্পনা", "Section 3: performance plan") }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ labels.serial }</th>
                            <th scope="col">{ labels.indicator }</th>
                            <th scope="col">{ labels.unit }</th>
                            <th scope="col">{ labels.weight }</th>
                            <th scope="col">{ labels.prior[0].clone() }</th>
                            <th scope="col">{ labels.prior[1].clone() }</th>
                            { for labels.levels.iter().map(|l| html! { <th scope="col" class="by-apa__level">{ *l }</th> }) }
                            <th scope="col" class="by-apa__projection">{ labels.projections[0].clone() }</th>
                            <th scope="col" class="by-apa__projection">{ labels.projections[1].clone() }</th>
                            <th scope="col">{ labels.achievement }</th>
                            <th scope="col">{ labels.raw }</th>
                            <th scope="col">{ labels.weighted }</th>
                        </tr>
                    </thead>
                    { for agreement.areas.iter().map(|area| area_body(area, "", &card, &by_key, &labels, lang)) }
                    if !agreement.governance.is_empty() {
                        <tbody class="by-apa__block">
                            <tr><th scope="rowgroup" colspan={COLUMNS.to_string()}>{ tr(lang, "সুশাসন ও সংস্কারমূলক কর্মসম্পাদনের ক্ষেত্র", "Governance and reform") }</th></tr>
                        </tbody>
                    }
                    { for agreement.governance.iter().map(|area| area_body(area, "g", &card, &by_key, &labels, lang)) }
                </table>
            </div>
            if scored {
                <p class="by-apa__total-line">
                    { tr(lang, "মোট প্রাপ্ত নম্বর: ", "Total score: ") }
                    <strong class="by-apa__total-text">{ format_fixed(card.total, 2, lang) }</strong>
                    { tr(lang, " / ১০০", " / 100") }
                </p>
            }
        </section>
    }
}

fn area_body(area: &Area, prefix: &str, card: &Scorecard, by_key: &HashMap<&str, &IndicatorScore>, labels: &Labels, lang: Lang) -> Html {
    let key = format!("{prefix}{}", area.serial);
    let area_score = card.areas.iter().find(|a| a.key == key).map_or(0.0, |a| a.score);
    let serial = digits_for(lang, &area.serial);
    html! {
        <tbody key={key.clone()} class="by-apa__area">
            <tr class="by-apa__area-row">
                <th scope="rowgroup" colspan={COLUMNS.to_string()}>
                    { format!("[{serial}] ") }{ bdi(&area.name) }
                    <span class="by-apa__area-weight">
                        { format!(" — {} {} · {} {}", labels.weight, area.weight.map_or("—".into(), |w| format_number(w, lang)), tr(lang, "প্রাপ্ত", "scored"), format_fixed(area_score, 2, lang)) }
                    </span>
                </th>
            </tr>
            { for area.activities.iter().map(|activity| html! {
                <>
                    <tr class="by-apa__activity-row">
                        <td colspan={COLUMNS.to_string()}>{ format!("[{}] ", digits_for(lang, &activity.serial)) }{ bdi(&activity.name) }</td>
                    </tr>
                    { for activity.indicators.iter().map(|indicator| {
                        let key = format!("{prefix}{}", indicator.serial);
                        let score = by_key.get(key.as_str()).map(|s| (*s).clone());
                        let row_key = AttrValue::from(key.clone());
                        html! { <IndicatorRow {key} {row_key} indicator={indicator.clone()} {score} {lang} /> }
                    }) }
                </>
            }) }
        </tbody>
    }
}
