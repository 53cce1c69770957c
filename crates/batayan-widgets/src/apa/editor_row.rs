//! One indicator in the editor: every cell an input, each finding under its cell, and for a look-alike
//! ৪/৮ the one-click fix the validator suggests. Props compare equal unless this row changed.

use batayan_core::apa::{Column, Indicator, Method, PendingCell, RowKey, Severity, indicator_cell_text};
use batayan_core::locale::{FiscalYear, Lang, Message};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::ui::{bdi, field_id};

/// One typed change to a cell of the agreement.
#[derive(Clone, Debug, PartialEq)]
pub struct CellEdit {
    /// The row's key (`"1.1.1"`, `"g1.3.1"`, an area's `"1"`).
    pub key: RowKey,
    pub column: Column,
    /// The cell's JSON Pointer, which the host's 422 uses too.
    pub pointer: String,
    pub text: String,
}

/// A problem shown at a cell (`column`), or under the serial when it is about the whole row.
#[derive(Clone, Debug, PartialEq)]
pub struct CellProblem {
    pub column: Option<Column>,
    pub severity: Severity,
    pub message: Message,
    /// The edit that would fix it (the ৪/৮ suggestion), often in another cell than the one it is
    /// shown at (an area's sum is fixed in one indicator's weight), and how to name that cell.
    pub fix: Option<(CellEdit, String)>,
}

/// The editable columns, in table order.
pub(crate) const EDIT_COLUMNS: [Column; 12] = [
    Column::Method,
    Column::Unit,
    Column::Weight,
    Column::PriorActual(0),
    Column::PriorActual(1),
    Column::Level(0),
    Column::Level(1),
    Column::Level(2),
    Column::Level(3),
    Column::Level(4),
    Column::Projection(0),
    Column::Projection(1),
];

/// The header text of an editable column.
#[derive(Properties, PartialEq, Debug)]
pub struct EditorRowProps {
    pub row_key: RowKey,
    /// The agreement's year: how the row's serial is written (`[এম.১.১.১]` until 2019-20).
    pub year: FiscalYear,
    /// The row's JSON Pointer (`/areas/0/activities/1/indicators/0`).
    pub base: AttrValue,
    pub indicator: Indicator,
    /// This row's cells that do not read yet, shown as typed.
    pub pending: Vec<PendingCell>,
    pub problems: Vec<CellProblem>,
    pub on_edit: Callback<CellEdit>,
    pub lang: Lang,
}

/// The messages under one cell, with a fix button where there is one.
pub(crate) fn messages(id: &str, problems: &[&CellProblem], on_edit: &Callback<CellEdit>, lang: Lang) -> Html {
    if problems.is_empty() {
        return html! {};
    }
    let invalid = problems.iter().any(|p| p.severity == Severity::Error);
    html! {
        <p id={format!("{id}-message")} class={classes!("by-field-message", invalid.then_some("by-field-message--error"))}>
            { for problems.iter().map(|p| html! {
                <span>
                    { p.message.get(lang).to_owned() }
                    if let Some((edit, cell)) = p.fix.clone() {
                        { " " }
                        <button type="button" class="by-button by-button--secondary by-fix" onclick={on_edit.reform({ let edit = edit.clone(); move |_: MouseEvent| edit.clone() })}>
                            { fix_label(&cell, &edit.text, lang) }
                        </button>
                    }
                </span>
            }) }
        </p>
    }
}

/// `[১.৬.১] মান ঘরে ৪ লিখুন` / `Write 4 in [1.6.1] Weight`.
fn fix_label(cell: &str, text: &str, lang: Lang) -> String {
    match lang {
        Lang::Bn => format!("{cell} ঘরে {} লিখুন", batayan_core::locale::to_bangla_digits(text)),
        Lang::En => format!("Write {} in {cell}", batayan_core::locale::to_ascii_digits(text)),
    }
}

#[component]
pub fn EditorRow(props: &EditorRowProps) -> Html {
    let lang = props.lang;
    let i = &props.indicator;
    let serial = props.row_key.serial_label(props.year, lang);
    let edit = |column: Column| {
        let (on_edit, key, pointer) = (props.on_edit.clone(), props.row_key.clone(), format!("{}/{}", props.base, column.path().join("/")));
        move |text: String| on_edit.emit(CellEdit { key: key.clone(), column, pointer: pointer.clone(), text })
    };
    let cell = |column: Column| -> Html {
        let pointer = format!("{}/{}", props.base, column.path().join("/"));
        let id = field_id(&pointer);
        let problems: Vec<&CellProblem> = props.problems.iter().filter(|p| p.column == Some(column)).collect();
        let invalid = problems.iter().any(|p| p.severity == Severity::Error);
        let text = match props.pending.iter().find(|p| p.column == column) {
            Some(p) => p.text.clone(),
            None => indicator_cell_text(i, column, lang),
        };
        let label = format!("{serial} {}", column.label(props.year, lang));
        let described = (!problems.is_empty()).then(|| format!("{id}-message"));
        let input = if column == Column::Method {
            let set = edit(column);
            let onchange = Callback::from(move |e: Event| set(e.target_unchecked_into::<HtmlSelectElement>().value()));
            let current = i.method;
            html! {
                <select id={id.clone()} class="by-input" aria-label={label} {onchange} aria-invalid={invalid.then_some("true")} aria-describedby={described}>
                    <option value="" selected={current.is_none()}>{ "—" }</option>
                    { for [Method::Sum, Method::Average, Method::Cumulative, Method::Date].into_iter().map(|m| html! {
                        <option value={m.name(Lang::En)} selected={current == Some(m)}>{ m.name(lang) }</option>
                    }) }
                </select>
            }
        } else {
            let set = edit(column);
            let oninput = Callback::from(move |e: InputEvent| set(e.target_unchecked_into::<HtmlInputElement>().value()));
            html! {
                <input id={id.clone()} type="text" class="by-input" value={text} {oninput} aria-label={label}
                    aria-invalid={invalid.then_some("true")} aria-describedby={described} autocomplete="off" />
            }
        };
        html! {
            <td class={classes!("by-apa__cell", matches!(column, Column::Unit).then_some("by-apa__cell--wide"))} data-label={column.label(props.year, lang)}>
                { input }
                { messages(&id, &problems, &props.on_edit, lang) }
            </td>
        }
    };
    let row_problems: Vec<&CellProblem> = props.problems.iter().filter(|p| matches!(p.column, None | Some(Column::Serial))).collect();
    let row_id = field_id(&props.base);
    html! {
        <tr class="by-apa__row" data-key={props.row_key.to_string()}>
            <th scope="row" id={row_id.clone()} tabindex="-1" data-label={lang.pick("ক্রমিক", "No.")}>
                { serial.clone() }
                { messages(&row_id, &row_problems, &props.on_edit, lang) }
            </th>
            <td class="by-apa__name" data-label={lang.pick("সূচক", "Indicator")}>
                { bdi(&i.name) }
                if i.lower_figure_is_better() {
                    <span class="by-apa__direction">{ batayan_core::apa::lower_is_better_note(lang) }</span>
                }
            </td>
            { for EDIT_COLUMNS.iter().map(|c| cell(*c)) }
        </tr>
    }
}
