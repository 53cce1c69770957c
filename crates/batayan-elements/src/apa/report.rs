//! The report mode: the draft kept in localStorage from the first keystroke, the form from
//! `batayan-widgets`, and the shared submit path.

use std::rc::Rc;

use batayan_core::apa::{Agreement, Report, ReportDraft};
use batayan_core::locale::{Lang, Message, Period};
use batayan_widgets::apa::{FieldEdit, ReportForm};
use batayan_widgets::ui::{DraftStatus, ErrorBox, Submission};
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::draft;
use crate::submit::{SubmissionChange, Target, use_submitter};

#[derive(Properties, PartialEq, Debug)]
pub struct ReportModeProps {
    pub host: HtmlElement,
    pub agreement: Rc<Agreement>,
    /// The last report the host has: the form starts from it.
    pub report: Option<Rc<Report>>,
    pub submit_url: Option<AttrValue>,
    pub period: Option<AttrValue>,
    pub lang: Lang,
}

/// The `period` attribute, or the quarter of today if today is in the agreement's year, else the
/// annual report.
fn resolve_period(attribute: Option<&str>, agreement: &Agreement) -> Result<&'static str, Message> {
    if let Some(text) = attribute {
        return Period::parse(text).map(Period::code);
    }
    let year = agreement.fiscal_year;
    Ok(year.quarter_of(crate::elements::today()).map_or(Period::Year, Period::Quarter).code())
}

#[component]
pub fn ReportMode(props: &ReportModeProps) -> Html {
    let period = match resolve_period(props.period.as_deref(), &props.agreement) {
        Ok(p) => p,
        Err(message) => return html! { <ErrorBox {message} lang={props.lang} /> },
    };
    let url = props.submit_url.as_deref().unwrap_or("");
    let scope = format!("{}/{}/{period}", props.agreement.office, props.agreement.fiscal_year.code());
    let session = draft::key("apa-report", url, &scope);
    let draft_key: Rc<str> = session.as_str().into();
    // Keyed by the draft: another period or address is another session with its own draft.
    html! {
        <ReportSession key={session} {draft_key} host={props.host.clone()} agreement={props.agreement.clone()}
            report={props.report.clone()} submit_url={props.submit_url.clone()} period={AttrValue::Static(period)} lang={props.lang} />
    }
}

#[derive(Properties, PartialEq, Debug)]
struct ReportSessionProps {
    draft_key: Rc<str>,
    host: HtmlElement,
    agreement: Rc<Agreement>,
    report: Option<Rc<Report>>,
    submit_url: Option<AttrValue>,
    period: AttrValue,
    lang: Lang,
}

/// The draft and whether the person has typed into it since it was loaded.
#[derive(Debug, PartialEq)]
struct DraftCell {
    draft: Rc<ReportDraft>,
    typed: bool,
}

enum DraftChange {
    Edit(FieldEdit),
    Replace(ReportDraft),
}

impl Reducible for DraftCell {
    type Action = DraftChange;

    fn reduce(self: Rc<Self>, change: DraftChange) -> Rc<Self> {
        match change {
            DraftChange::Edit(edit) => {
                let mut draft = (*self.draft).clone();
                draft.set(&edit.key, edit.field, edit.text);
                Rc::new(DraftCell { draft: Rc::new(draft), typed: true })
            }
            DraftChange::Replace(draft) => Rc::new(DraftCell { draft: Rc::new(draft), typed: false }),
        }
    }
}

/// The draft the form starts from when nothing is kept in the browser: the host's last report.
fn fresh_draft(props: &ReportSessionProps) -> ReportDraft {
    match &props.report {
        Some(report) => ReportDraft::from_report(&props.agreement, report, &props.period, props.lang),
        None => ReportDraft::new(&props.agreement, &props.period),
    }
}

#[component]
fn ReportSession(props: &ReportSessionProps) -> Html {
    let kept: Option<ReportDraft> = use_memo(props.draft_key.clone(), |key| draft::load::<ReportDraft>(key))
        .as_ref()
        .clone()
        .filter(|d| d.office == props.agreement.office && d.fiscal_year == props.agreement.fiscal_year);
    let restored = kept.is_some();
    let cell = use_reducer(|| DraftCell { draft: Rc::new(kept.unwrap_or_else(|| fresh_draft(props))), typed: false });
    let status = use_state(|| if restored { DraftStatus::Restored } else { DraftStatus::Clean });
    let submitter = use_submitter(Target { host: props.host.clone(), method: "POST", url: props.submit_url.clone(), draft_key: props.draft_key.clone() });

    // Kept in the browser on every change, before anything is sent.
    {
        let (status, key) = (status.clone(), props.draft_key.clone());
        use_effect_with(cell.clone(), move |cell| {
            if cell.typed {
                status.set(match draft::save(&key, &*cell.draft) {
                    Ok(()) => DraftStatus::Saved,
                    Err(message) => DraftStatus::NotSaved(message),
                });
            }
        });
    }
    // Once the host has it, the browser's copy is gone (the submitter cleared it): say nothing more.
    {
        let status = status.clone();
        use_effect_with(submitter.state.0.clone(), move |submission| {
            if matches!(submission, Submission::Accepted { .. }) {
                status.set(DraftStatus::Clean);
            }
        });
    }
    let on_edit = {
        let (drafts, submissions) = (cell.dispatcher(), submitter.state.dispatcher());
        use_callback((), move |edit: FieldEdit, ()| {
            submissions.dispatch(SubmissionChange::Edited(edit.field.pointer(&edit.key)));
            drafts.dispatch(DraftChange::Edit(edit));
        })
    };
    let on_submit = {
        let (submit, submissions) = (submitter.submit.clone(), submitter.state.dispatcher());
        Callback::from(move |report: Report| match crate::submit::to_json_text(&report) {
            Ok(json) => submit.emit(json),
            Err(message) => submissions.dispatch(SubmissionChange::Answer(Submission::Failed(message))),
        })
    };
    let on_discard = {
        let (drafts, submissions, status, key) = (cell.dispatcher(), submitter.state.dispatcher(), status.clone(), props.draft_key.clone());
        let fresh = fresh_draft(props);
        Callback::from(move |()| {
            draft::clear(&key);
            drafts.dispatch(DraftChange::Replace(fresh.clone()));
            submissions.dispatch(SubmissionChange::Reset);
            status.set(DraftStatus::Clean);
        })
    };
    html! {
        <ReportForm agreement={props.agreement.clone()} draft={cell.draft.clone()} submission={submitter.state.0.clone()}
            draft_status={(*status).clone()} {on_edit} {on_submit} {on_discard} lang={props.lang} />
    }
}
