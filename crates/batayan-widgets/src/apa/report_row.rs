//! One indicator in the report form: its target, an input per quarter and one for the evidence link,
//! and the score those give. The row reads its state from the form's live report and re-renders when
//! the form wakes it (its text changed), not when another row changes (see `report_rows`).

use batayan_core::apa::{EntryField, IndicatorScore, Method, RowKey, Severity, level_label};
use batayan_core::locale::{FiscalYear, Lang, Message, Quarter, format_fixed, format_number};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::report_rows::{LiveHandle, use_watch};
use crate::ui::{bdi, field_id};

/// One typed change: which indicator, which field, the text now in it.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldEdit {
    pub key: RowKey,
    pub field: EntryField,
    pub text: String,
}

/// A problem shown under a field.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldProblem {
    pub field: EntryField,
    pub severity: Severity,
    pub message: Message,
}

#[derive(Properties, PartialEq, Debug)]
pub(crate) struct ReportRowProps {
    pub handle: LiveHandle,
    /// The indicator's key (`"1.1.1"`, governance `"g1.1.1"`).
    pub row_key: RowKey,
    /// The agreement's year: how the row's serial is written (`[এম.১.১.১]` until 2019-20).
    pub year: FiscalYear,
    /// How many quarters the report covers (Q2 → 2).
    pub covered: usize,
    /// What the host refused in this row (the row's own findings are in its state); usually none.
    pub host_problems: Vec<FieldProblem>,
    pub on_edit: Callback<FieldEdit>,
    pub lang: Lang,
}

#[component]
pub(crate) fn ReportRow(props: &ReportRowProps) -> Html {
    use_watch(&props.handle, props.row_key.to_string().into());
    let explained = use_state(|| false);
    let lang = props.lang;
    let Some(row) = props.handle.live.borrow().row(&props.row_key).cloned() else {
        return Html::default();
    };
    let i = &row.indicator;
    let row_key = props.row_key.clone();
    let problems: Vec<FieldProblem> = row
        .findings
        .iter()
        .filter_map(|f| EntryField::from_pointer(&f.path).map(|(_, field)| FieldProblem { field, severity: f.severity, message: f.message.clone() }))
        .chain(props.host_problems.iter().cloned())
        .collect();
    let serial = row_key.serial_label(props.year, lang);
    let is_date = i.method == Some(Method::Date);
    let input = |field: EntryField, text: &str, label: String, kind: &'static str| {
        let path = field.pointer(&row_key);
        let id = field_id(&path);
        let problems: Vec<&FieldProblem> = problems.iter().filter(|p| p.field == field).collect();
        let invalid = problems.iter().any(|p| p.severity == Severity::Error);
        let message_id = format!("{id}-message");
        let on_edit = props.on_edit.clone();
        let key = row_key.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            on_edit.emit(FieldEdit { key: key.clone(), field, text });
        });
        let placeholder = match (field, is_date) {
            (EntryField::Evidence, _) => "https://",
            (_, true) => lang.pick("দিন/মাস/বছর", "dd/mm/yyyy"),
            (_, false) => "",
        };
        html! {
            <>
                <input {id} type={kind} class="by-input" value={text.to_owned()} {oninput} {placeholder}
                    aria-label={label} aria-invalid={invalid.then_some("true")}
                    aria-describedby={(!problems.is_empty()).then(|| message_id.clone())} autocomplete="off" />
                if !problems.is_empty() {
                    <p id={message_id} class={classes!("by-field-message", invalid.then_some("by-field-message--error"))}>
                        { for problems.iter().map(|p| html! { <span>{ p.message.get(lang).to_owned() }</span> }) }
                    </p>
                }
            </>
        }
    };
    html! {
        <tr class="by-apa__row" data-key={row_key.to_string()}>
            <th scope="row" data-label={lang.pick("ক্রমিক", "No.")}>{ serial.clone() }</th>
            <td class="by-apa__name" data-label={lang.pick("সূচক", "Indicator")}>
                { bdi(&i.name) }
                <span class="by-apa__unit">{ format!(" ({})", i.unit) }</span>
                if i.lower_figure_is_better() {
                    <span class="by-apa__direction">{ batayan_core::apa::lower_is_better_note(lang) }</span>
                }
            </td>
            <td class="by-num" data-label={lang.pick("মান", "Weight")}>{ i.weight.map(|w| format_number(w, lang)).unwrap_or_default() }</td>
            <td class="by-num" data-label={format!("{} {}", lang.pick("লক্ষ্যমাত্রা", "Target"), level_label(0, lang))}>
                { i.levels[0].map(|v| v.format(lang)).unwrap_or_default() }
            </td>
            { for Quarter::ALL.iter().enumerate().take(props.covered).map(|(q, quarter)| {
                let label = format!("{serial} {}", quarter.short_name(lang));
                html! {
                    <td class="by-apa__entry" data-label={quarter.short_name(lang)}>
                        { input(EntryField::Quarter(q), &row.entry.quarters[q], label, "text") }
                    </td>
                }
            }) }
            <td class="by-apa__entry by-apa__evidence" data-label={lang.pick("প্রমাণক (লিংক)", "Evidence (link)")}>
                { input(EntryField::Evidence, &row.entry.evidence, format!("{serial} {}", lang.pick("প্রমাণকের লিংক", "evidence link")), "url") }
            </td>
            { score_cells(Some(&row.score), &explained, lang) }
        </tr>
    }
}

/// The three cells a score fills, as the public table (`batayan-view`) shows them: what was achieved,
/// the raw score with "how was this computed" (a disclosure button; the sentence is formatted only
/// while it is open), and what it adds to its area.
fn score_cells(score: Option<&IndicatorScore>, explained: &UseStateHandle<bool>, lang: Lang) -> Html {
    let achieved = score.and_then(|s| s.achievement);
    let raw = score.and_then(|s| s.raw);
    let weighted = score.filter(|s| s.raw.is_some()).map(|s| format_fixed(s.weighted, 2, lang));
    let toggle = {
        let explained = explained.clone();
        Callback::from(move |_: MouseEvent| explained.set(!*explained))
    };
    html! {
        <>
            <td class="by-num by-apa__achieved" data-label={lang.pick("অর্জন", "Achieved")}>{ achieved.map(|v| v.format(lang)).unwrap_or_default() }</td>
            <td class="by-num by-apa__raw" data-label={lang.pick("প্রাপ্ত নম্বর", "Score")}>
                if let Some(raw) = raw {
                    <button type="button" class="by-explain" aria-expanded={if **explained { "true" } else { "false" }} onclick={toggle}>
                        { format_fixed(raw.value, 2, lang) }
                    </button>
                    if **explained {
                        <p class="by-explain__text">{ raw.explanation().get(lang).to_owned() }</p>
                    }
                }
            </td>
            <td class="by-num by-apa__weighted" data-label={lang.pick("ভারিত নম্বর", "Weighted")}>{ weighted.unwrap_or_default() }</td>
        </>
    }
}
