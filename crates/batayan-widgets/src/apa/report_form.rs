//! The report mode of `<batayan-apa-table>`: office staff type each quarter's value (Bangla or ASCII
//! digits; dates for date indicators) and an evidence link; the score follows as they type; problems
//! show under their field and in a summary at the top; the element keeps the draft and submits.
//!
//! The form keeps the core's [`LiveReport`] beside the draft and brings it up to date on each render:
//! only the rows whose text changed are read, checked and scored again, and only those rows' props
//! change (see `report_row`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use batayan_core::apa::{Agreement, Area, AreaScore, EntryField, LiveReport, Mode, Report, ReportDraft, Severity, key_label, quarters_covered};
use batayan_core::locale::{Lang, Message, Period, Quarter, digits_for, format_fixed, format_number};
use yew::prelude::*;

use super::report_row::{FieldEdit, FieldProblem, ReportRow};
use super::summary::Summary;
use crate::ui::{DraftStatus, ErrorSummary, SubmitBar, Submission, SummaryItem, bdi, field_id, tr};

#[derive(Properties, PartialEq, Debug)]
pub struct ReportFormProps {
    pub agreement: Rc<Agreement>,
    pub draft: Rc<ReportDraft>,
    pub submission: Submission,
    pub draft_status: DraftStatus,
    pub on_edit: Callback<FieldEdit>,
    /// Fired with the report when the person submits and nothing is wrong with it.
    pub on_submit: Callback<Report>,
    pub on_discard: Callback<()>,
    pub lang: Lang,
}

/// The id of the form's heading: summary entries about the report as a whole link here.
const TITLE_ID: &str = "by-report-title";

#[component]
pub fn ReportForm(props: &ReportFormProps) -> Html {
    let lang = props.lang;
    let live: Rc<RefCell<LiveReport>> = {
        let draft = props.draft.clone();
        use_memo(props.agreement.clone(), move |agreement| RefCell::new(LiveReport::new(agreement, &draft, Mode::Interpolated)))
    };
    // Idempotent: the rows this draft changed are read again, the rest are kept as they are.
    live.borrow_mut().sync(&props.agreement, &props.draft);
    let current = live.borrow();
    let focus_request = use_state(|| 0u32);
    let agreement = &props.agreement;
    let covered = quarters_covered(&props.draft.period);

    let host_errors: &[batayan_core::contract::FieldError] = match &props.submission {
        Submission::Refused(errors) => errors,
        _ => &[],
    };
    // Every problem, ours and the host's, in the summary at the top. Rows show their own findings
    // from their state; only the host's refusals are handed to them.
    let mut items = Vec::new();
    let mut note = |path: &str, severity: Severity, message: &Message| {
        let located = EntryField::from_pointer(path);
        let (field_id_, label) = match &located {
            Some((key, field)) => (field_id(path), field_label(key, *field, lang)),
            None => (TITLE_ID.to_owned(), tr(lang, "প্রতিবেদন", "The report").to_owned()),
        };
        items.push(SummaryItem { field_id: field_id_, label, message: message.get(lang).to_owned(), is_error: severity == Severity::Error });
        located
    };
    for f in current.findings() {
        note(&f.path, f.severity, &f.message);
    }
    let mut host_by_row: HashMap<String, Vec<FieldProblem>> = HashMap::new();
    for e in host_errors {
        let message = e.message();
        if let Some((key, field)) = note(&e.path, Severity::Error, &message) {
            host_by_row.entry(key).or_default().push(FieldProblem { field, severity: Severity::Error, message });
        }
    }
    // Errors first, in table order as far as the findings are.
    items.sort_by_key(|i| !i.is_error);
    let onsubmit = {
        let (live, on_submit, focus_request) = (live.clone(), props.on_submit.clone(), focus_request.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let live = live.borrow();
            if live.has_errors() {
                focus_request.set(*focus_request + 1);
            } else {
                on_submit.emit(live.report());
            }
        })
    };
    let period_name = Period::parse(&props.draft.period).map_or_else(|_| props.draft.period.clone(), |p| p.name(lang).to_owned());
    let columns = (8 + covered).to_string();
    let rows = RowContext { covered, live: &current, host_by_row: &host_by_row, on_edit: &props.on_edit, lang };
    let own_areas = agreement.areas.iter().map(|area| (area, ""));
    let areas = own_areas.chain(agreement.governance.iter().map(|area| (area, "g")));
    html! {
        <form class="by-widget by-apa by-apa--report" lang={lang.tag()} {onsubmit} novalidate=true>
            <header class="by-apa__header">
                <h2 id={TITLE_ID} class="by-card__title" tabindex="-1">
                    { tr(lang, "অগ্রগতি প্রতিবেদন: ", "Progress report: ") }{ period_name }
                    { " · " }{ agreement.fiscal_year.label(lang) }
                </h2>
                if !agreement.office_name.is_empty() {
                    <p class="by-apa__office">{ bdi(&agreement.office_name) }</p>
                }
                <p class="by-apa__hint">
                    { tr(lang,
                        "প্রতিটি প্রান্তিকের অর্জন লিখুন (০-৯ বা 0-9; তারিখ যেমন ১২/১২/২০২৪)। লেখার সঙ্গে সঙ্গে নম্বর হিসাব হয় এবং খসড়া এই ব্রাউজারে থেকে যায়।",
                        "Enter each quarter's achievement (০-৯ or 0-9; dates like 12/12/2024). Scores follow as you type, and the draft stays in this browser.") }
                </p>
            </header>
            <ErrorSummary {items} focus_request={*focus_request} {lang} />
            <Summary areas={current.areas().to_vec()} total={current.total()} {lang} />
            <div class="by-apa__scroll">
                <table class="by-apa__table by-apa__table--report">
                    <caption class="by-visually-hidden">{ tr(lang, "প্রতিবেদনের ছক", "Report form") }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ tr(lang, "ক্রমিক", "No.") }</th>
                            <th scope="col">{ tr(lang, "কর্মসম্পাদন সূচক (একক)", "Indicator (unit)") }</th>
                            <th scope="col">{ tr(lang, "মান", "Weight") }</th>
                            <th scope="col">{ format!("{} {}", tr(lang, "লক্ষ্যমাত্রা", "Target"), batayan_core::apa::level_label(0, lang)) }</th>
                            { for Quarter::ALL.iter().take(covered).map(|q| html! { <th scope="col">{ q.short_name(lang) }</th> }) }
                            <th scope="col">{ tr(lang, "প্রমাণক (লিংক)", "Evidence (link)") }</th>
                            <th scope="col">{ tr(lang, "অর্জন", "Achieved") }</th>
                            <th scope="col">{ tr(lang, "প্রাপ্ত নম্বর", "Score") }</th>
                            <th scope="col">{ tr(lang, "ভারিত নম্বর", "Weighted") }</th>
                        </tr>
                    </thead>
                    { for areas.enumerate().map(|(i, (area, prefix))| rows.area(i, area, prefix, &columns)) }
                </table>
            </div>
            <p class="by-apa__total-line">
                { tr(lang, "মোট প্রাপ্ত নম্বর: ", "Total score: ") }
                <strong class="by-apa__total-text">{ format_fixed(current.total(), 2, lang) }</strong>
                { tr(lang, " / ১০০", " / 100") }
            </p>
            <SubmitBar submission={props.submission.clone()} draft={props.draft_status.clone()}
                label={tr(lang, "প্রতিবেদন জমা দিন", "Submit the report")} on_discard={props.on_discard.clone()} {lang} />
        </form>
    }
}

/// `[১.১.১] ২য় প্রান্তিক`: how the summary names a field.
fn field_label(key: &str, field: EntryField, lang: Lang) -> String {
    let what = match field {
        EntryField::Quarter(q) => Quarter::ALL.get(q).map_or("", |q| q.short_name(lang)),
        EntryField::Evidence => tr(lang, "প্রমাণক", "evidence"),
    };
    format!("{} {what}", key_label(key, lang))
}

/// What every row of one render shares.
struct RowContext<'a> {
    covered: usize,
    live: &'a LiveReport,
    host_by_row: &'a HashMap<String, Vec<FieldProblem>>,
    on_edit: &'a Callback<FieldEdit>,
    lang: Lang,
}

impl RowContext<'_> {
    /// The `i`th area (own areas, then governance, as the live report orders them) and its rows.
    fn area(&self, i: usize, area: &Area, prefix: &str, columns: &str) -> Html {
        let lang = self.lang;
        let score = self.live.areas().get(i).map_or(0.0, |a: &AreaScore| a.score);
        let block = if prefix == "g" { tr(lang, "সুশাসন ", "Governance ") } else { "" };
        html! {
            <tbody key={format!("{prefix}{}", area.serial)} class="by-apa__area">
                <tr class="by-apa__area-row">
                    <th scope="rowgroup" colspan={columns.to_owned()}>
                        { format!("{block}[{}] ", digits_for(lang, &area.serial)) }{ bdi(&area.name) }
                        <span class="by-apa__area-weight">
                            { format!(" — {} {} · {} {}", tr(lang, "মান", "weight"), area.weight.map_or("—".into(), |w| format_number(w, lang)), tr(lang, "প্রাপ্ত", "scored"), format_fixed(score, 2, lang)) }
                        </span>
                    </th>
                </tr>
                { for self.live.area_rows(i).iter().map(|row| {
                    let host_problems = self.host_by_row.get(&row.key).cloned().unwrap_or_default();
                    html! {
                        <ReportRow key={row.key.as_str()} row={row.clone()} covered={self.covered} {host_problems}
                            on_edit={self.on_edit.clone()} {lang} />
                    }
                }) }
            </tbody>
        }
    }
}
