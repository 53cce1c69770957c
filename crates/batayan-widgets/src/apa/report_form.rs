//! The report mode of `<batayan-apa-table>`: office staff type each quarter's value (Bangla or ASCII
//! digits; dates for date indicators) and an evidence link; the score follows as they type; problems
//! show under their field and in a summary at the top; the element keeps the draft and submits.
//!
//! The form keeps the core's [`LiveReport`] beside the draft and brings it up to date on each render:
//! only the rows whose text changed are read, checked and scored again, and only those rows' props
//! change (see `report_row`).

use std::collections::HashMap;
use std::rc::Rc;

use batayan_core::apa::{Agreement, EntryField, LiveReport, Report, ReportDraft, RowKey, RowPages, Severity, quarters_covered};
use batayan_core::locale::{FiscalYear, Lang, Message, Period, Quarter, format_fixed};
use yew::prelude::*;

use super::report_row::{FieldEdit, FieldProblem};
use super::report_rows::{LiveHandle, ReportRows};
use super::summary::Summary;
use crate::ui::{DraftStatus, ErrorSummary, Pager, ROWS_PER_PAGE, Submission, SubmitBar, SummaryItem, SummaryList, bdi, field_id, same, use_paging};

#[derive(Properties, Debug)]
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

impl PartialEq for ReportFormProps {
    fn eq(&self, other: &Self) -> bool {
        same(&self.agreement, &other.agreement)
            && same(&self.draft, &other.draft)
            && self.submission == other.submission
            && self.draft_status == other.draft_status
            && self.on_edit == other.on_edit
            && self.on_submit == other.on_submit
            && self.on_discard == other.on_discard
            && self.lang == other.lang
    }
}

/// The agreement as a memo key: the same allocation is the same agreement (comparing 10,000
/// indicators' contents per render is what the memo is there to avoid).
struct SameAgreement(Rc<Agreement>);

impl PartialEq for SameAgreement {
    fn eq(&self, other: &Self) -> bool {
        same(&self.0, &other.0)
    }
}

/// The id of the form's heading: summary entries about the report as a whole link here.
const TITLE_ID: &str = "by-report-title";

#[component]
pub fn ReportForm(props: &ReportFormProps) -> Html {
    let lang = props.lang;
    let handle: Rc<LiveHandle> = {
        let draft = props.draft.clone();
        use_memo(SameAgreement(props.agreement.clone()), move |agreement| LiveHandle::new(LiveReport::new(&agreement.0, &draft, agreement.0.scoring)))
    };
    // Idempotent: the rows this draft changed are read again and woken; the rest are not touched.
    let changed = handle.live.borrow_mut().sync(&props.agreement, &props.draft);
    if !changed.is_empty() {
        for key in &changed {
            handle.wake(key.as_str());
        }
        handle.wake_areas();
    }
    let pages: Rc<RowPages> = use_memo(SameAgreement(props.agreement.clone()), |agreement| RowPages::new(&agreement.0, ROWS_PER_PAGE));
    let form = use_node_ref();
    let paging = use_paging(form.clone(), pages.clone());
    let live = handle.live.clone();
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
    let mut summary = SummaryList::default();
    let mut note = |path: &str, severity: Severity, message: &Message| {
        summary.push(severity, || {
            let (field_id_, label, page) = match EntryField::from_pointer(path) {
                Some((key, field)) => (field_id(path), field_label(&key, field, agreement.fiscal_year, lang), pages.page_of(&key)),
                None => (TITLE_ID.to_owned(), lang.pick("প্রতিবেদন", "The report").to_owned(), None),
            };
            SummaryItem { field_id: field_id_, label, message: message.get(lang).to_owned(), is_error: severity == Severity::Error, page }
        });
    };
    for f in current.findings() {
        note(&f.path, f.severity, &f.message);
    }
    for e in host_errors {
        note(&e.path, Severity::Error, &e.message());
    }
    // Kept while the submission state is the same, so that the rows' list is not rebuilt per keystroke.
    let host_by_row: Rc<HashMap<RowKey, Vec<FieldProblem>>> = use_memo(props.submission.clone(), |submission| {
        let mut by_row: HashMap<RowKey, Vec<FieldProblem>> = HashMap::new();
        if let Submission::Refused(errors) = submission {
            for e in errors {
                if let Some((key, field)) = EntryField::from_pointer(&e.path) {
                    by_row.entry(key).or_default().push(FieldProblem { field, severity: Severity::Error, message: e.message() });
                }
            }
        }
        by_row
    });
    // Errors first, in table order as far as the findings are.
    let (items, more) = summary.finish();
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
    let pager = |top: bool| {
        html! {
            <Pager pages={pages.clone()} page={paging.page} on_page={paging.on_page()} on_jump={paging.on_jump()} {top} {lang} />
        }
    };
    let period_name = Period::parse(&props.draft.period).map_or_else(|_| props.draft.period.clone(), |p| p.name(lang).to_owned());
    html! {
        <form ref={form} class="by-widget by-apa by-apa--report" lang={lang.tag()} {onsubmit} novalidate=true>
            <header class="by-apa__header">
                <h2 id={TITLE_ID} class="by-card__title" tabindex="-1">
                    { lang.pick("অগ্রগতি প্রতিবেদন: ", "Progress report: ") }{ period_name }
                    { " · " }{ agreement.fiscal_year.label(lang) }
                </h2>
                if !agreement.office_name.is_empty() {
                    <p class="by-apa__office">{ bdi(&agreement.office_name) }</p>
                }
                <p class="by-apa__hint">
                    { lang.pick("প্রতিটি প্রান্তিকের অর্জন লিখুন (০-৯ বা 0-9; তারিখ যেমন ১২/১২/২০২৪)। লেখার সঙ্গে সঙ্গে নম্বর হিসাব হয় এবং খসড়া এই ব্রাউজারে থেকে যায়।",
                        "Enter each quarter's achievement (০-৯ or 0-9; dates like 12/12/2024). Scores follow as you type, and the draft stays in this browser.") }
                </p>
            </header>
            <ErrorSummary {items} {more} focus_request={*focus_request} on_jump={paging.on_jump()} {lang} />
            <Summary areas={current.areas().to_vec()} total={current.total()} year={agreement.fiscal_year} {lang} />
            { pager(true) }
            <div class="by-apa__scroll" tabindex="0" role="region" aria-label={lang.pick("অগ্রগতির প্রতিবেদনের সারণি", "Progress report table")}>
                <table class="by-apa__table by-apa__table--report">
                    <caption class="by-visually-hidden">{ lang.pick("প্রতিবেদনের ছক", "Report form") }</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="by-col-serial">{ lang.pick("ক্রমিক", "No.") }</th>
                            <th scope="col" class="by-col-name">{ lang.pick("কর্মসম্পাদন সূচক (একক)", "Indicator (unit)") }</th>
                            <th scope="col" class="by-col-num">{ lang.pick("মান", "Weight") }</th>
                            <th scope="col" class="by-col-num">{ format!("{} {}", lang.pick("লক্ষ্যমাত্রা", "Target"), batayan_core::apa::level_label(0, lang)) }</th>
                            { for Quarter::ALL.iter().take(covered).map(|q| html! { <th scope="col" class="by-col-entry">{ q.short_name(lang) }</th> }) }
                            <th scope="col" class="by-col-link">{ lang.pick("প্রমাণক (লিংক)", "Evidence (link)") }</th>
                            <th scope="col" class="by-col-num">{ lang.pick("অর্জন", "Achieved") }</th>
                            <th scope="col" class="by-col-num">{ lang.pick("প্রাপ্ত নম্বর", "Score") }</th>
                            <th scope="col" class="by-col-num">{ lang.pick("ভারিত নম্বর", "Weighted") }</th>
                        </tr>
                    </thead>
                    <ReportRows handle={(*handle).clone()} agreement={props.agreement.clone()} {covered} host_by_row={host_by_row.clone()}
                        pages={pages.clone()} page={paging.page} on_edit={props.on_edit.clone()} {lang} />
                </table>
            </div>
            { pager(false) }
            <p class="by-apa__total-line">
                { lang.pick("মোট প্রাপ্ত নম্বর: ", "Total score: ") }
                <strong class="by-apa__total-text">{ format_fixed(current.total(), 2, lang) }</strong>
                { lang.pick(" / ১০০", " / 100") }
            </p>
            <SubmitBar submission={props.submission.clone()} draft={props.draft_status.clone()}
                label={lang.pick("প্রতিবেদন জমা দিন", "Submit the report")} on_discard={props.on_discard.clone()} {lang} />
        </form>
    }
}

/// `[১.১.১] ২য় প্রান্তিক`: how the summary names a field.
fn field_label(key: &RowKey, field: EntryField, year: FiscalYear, lang: Lang) -> String {
    let what = match field {
        EntryField::Quarter(q) => Quarter::ALL.get(q).map_or("", |q| q.short_name(lang)),
        EntryField::Evidence => lang.pick("প্রমাণক", "evidence"),
    };
    format!("{} {what}", key.label(year, lang))
}
