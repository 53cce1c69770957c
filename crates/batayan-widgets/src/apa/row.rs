//! One indicator row. Its props compare equal unless its indicator or score changed, so Yew skips it.

use batayan_core::apa::{Indicator, IndicatorScore, Value, level_label};
use batayan_core::locale::{Lang, digits_for, format_fixed, format_number};
use yew::prelude::*;

use crate::ui::{bdi, tr};

#[derive(Properties, PartialEq, Debug)]
pub struct IndicatorRowProps {
    /// The indicator's key in reports and scorecards (`"1.1.1"`, governance `"g1.1.1"`): governance
    /// serials restart at [১], so the serial alone is not unique in the table.
    pub row_key: AttrValue,
    pub indicator: Indicator,
    pub score: Option<IndicatorScore>,
    pub lang: Lang,
}

fn show(value: &Option<Value>, lang: Lang) -> String {
    value.map(|v| v.format(lang)).unwrap_or_default()
}

#[component]
pub fn IndicatorRow(props: &IndicatorRowProps) -> Html {
    let lang = props.lang;
    let i = &props.indicator;
    let serial = digits_for(lang, &i.serial);
    let prior_label = tr(lang, "প্রকৃত অর্জন", "Actual");
    // The `*` of a provisional actual marks a value; an empty cell stays empty.
    let provisional = |k: usize| if i.prior_provisional[k] && i.prior_actuals[k].is_some() { "*" } else { "" };
    html! {
        <tr class="by-apa__row" data-key={props.row_key.clone()}>
            <th scope="row" data-label={tr(lang, "ক্রমিক", "No.")}>{ format!("[{serial}]") }</th>
            <td class="by-apa__name" data-label={tr(lang, "সূচক", "Indicator")}>
                { bdi(&i.name) }
                if !i.evidence.is_empty() {
                    <span class="by-apa__evidence-note">{ tr(lang, "প্রমাণক: ", "Evidence: ") }{ bdi(&i.evidence) }</span>
                }
            </td>
            <td data-label={tr(lang, "একক", "Unit")}>{ bdi(&i.unit) }</td>
            <td class="by-num" data-label={tr(lang, "মান", "Weight")}>{ i.weight.map(|w| format_number(w, lang)).unwrap_or_default() }</td>
            { for (0..2).map(|k| html! {
                <td class="by-num" data-label={prior_label}>{ format!("{}{}", show(&i.prior_actuals[k], lang), provisional(k)) }</td>
            }) }
            { for (0..5).map(|k| html! {
                <td class="by-num by-apa__level" data-label={level_label(k, lang)}>{ show(&i.levels[k], lang) }</td>
            }) }
            { for (0..2).map(|k| html! {
                <td class="by-num by-apa__projection" data-label={tr(lang, "প্রক্ষেপণ", "Projection")}>{ show(&i.projections[k], lang) }</td>
            }) }
            { score_cells(props.score.as_ref(), lang) }
        </tr>
    }
}

/// The three cells a score fills, in the public table and the report form alike: what was achieved,
/// the raw score with "how was this computed", and what it adds to its area.
pub(crate) fn score_cells(score: Option<&IndicatorScore>, lang: Lang) -> Html {
    let achieved = score.and_then(|s| s.achievement);
    let raw = score.and_then(|s| s.raw);
    let weighted = score.filter(|s| s.raw.is_some()).map(|s| format_fixed(s.weighted, 2, lang));
    html! {
        <>
            <td class="by-num by-apa__achieved" data-label={tr(lang, "অর্জন", "Achieved")}>{ show(&achieved, lang) }</td>
            <td class="by-num by-apa__raw" data-label={tr(lang, "প্রাপ্ত নম্বর", "Score")}>
                if let Some(raw) = raw {
                    <details class="by-explain">
                        <summary>{ format_fixed(raw.value, 2, lang) }</summary>
                        <p>{ raw.explanation().get(lang).to_owned() }</p>
                    </details>
                }
            </td>
            <td class="by-num by-apa__weighted" data-label={tr(lang, "ভারিত নম্বর", "Weighted")}>{ weighted.unwrap_or_default() }</td>
        </>
    }
}
