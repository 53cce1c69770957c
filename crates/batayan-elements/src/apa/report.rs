//! The report mode: the draft kept in localStorage from the first keystroke, the form from
//! `batayan-widgets`, and the shared submit path.

use std::rc::Rc;

use batayan_core::apa::{Agreement, Report, ReportDraft};
use batayan_core::locale::{Lang, Message, Period};
use batayan_widgets::apa::{FieldEdit, ReportForm};
use batayan_widgets::ui::{ErrorBox, same, same_option};
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::draft::{self, Change, use_kept_draft};
use crate::submit::{SubmissionChange, Target, use_draft_gone_once_stored, use_submitter};

#[derive(Properties, Debug)]
pub struct ReportModeProps {
    pub host: HtmlElement,
    pub agreement: Rc<Agreement>,
    /// The last report the host has: the form starts from it.
    pub report: Option<Rc<Report>>,
    pub submit_url: Option<AttrValue>,
    pub period: Option<AttrValue>,
    pub timeout_ms: u32,
    pub lang: Lang,
}

impl PartialEq for ReportModeProps {
    fn eq(&self, other: &Self) -> bool {
        self.host == other.host
            && same(&self.agreement, &other.agreement)
            && same_option(&self.report, &other.report)
            && (&self.submit_url, &self.period, self.timeout_ms, self.lang) == (&other.submit_url, &other.period, other.timeout_ms, other.lang)
    }
}

/// The `period` attribute, or the quarter of today if today is in the agreement's year, else the
/// annual report.
fn resolve_period(attribute: Option<&str>, agreement: &Agreement) -> Result<&'static str, Message> {
    if let Some(text) = attribute {
        return Period::parse(text).map(Period::code);
    }
    Ok(Period::reported_on(agreement.fiscal_year, batayan_web::today()).code())
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
            report={props.report.clone()} submit_url={props.submit_url.clone()} period={AttrValue::Static(period)} timeout_ms={props.timeout_ms} lang={props.lang} />
    }
}

#[derive(Properties, Debug)]
struct ReportSessionProps {
    draft_key: Rc<str>,
    host: HtmlElement,
    agreement: Rc<Agreement>,
    report: Option<Rc<Report>>,
    submit_url: Option<AttrValue>,
    period: AttrValue,
    timeout_ms: u32,
    lang: Lang,
}

impl PartialEq for ReportSessionProps {
    fn eq(&self, other: &Self) -> bool {
        self.draft_key == other.draft_key
            && self.host == other.host
            && same(&self.agreement, &other.agreement)
            && same_option(&self.report, &other.report)
            && (&self.submit_url, &self.period, self.timeout_ms, self.lang) == (&other.submit_url, &other.period, other.timeout_ms, other.lang)
    }
}

#[component]
fn ReportSession(props: &ReportSessionProps) -> Html {
    // With nothing kept in the browser, the form starts from the host's last report.
    let fresh: Rc<dyn Fn() -> ReportDraft> = {
        let (agreement, report, period, lang) = (props.agreement.clone(), props.report.clone(), props.period.clone(), props.lang);
        Rc::new(move || match &report {
            Some(report) => ReportDraft::from_report(&agreement, report, &period, lang),
            None => ReportDraft::new(&agreement, &period),
        })
    };
    // The key names office and year; a draft that says otherwise was written by hand or by another version.
    let belongs: Rc<dyn Fn(&ReportDraft) -> bool> = {
        let agreement = props.agreement.clone();
        Rc::new(move |d| d.office == agreement.office && d.fiscal_year == agreement.fiscal_year)
    };
    let kept = use_kept_draft(props.draft_key.clone(), fresh, belongs);
    let submitter = use_submitter(Target {
        host: props.host.clone(),
        method: "POST",
        url: props.submit_url.as_deref().map(str::to_owned),
        draft_key: props.draft_key.clone(),
        timeout_ms: props.timeout_ms,
    });
    let draft = kept.state.value.clone();
    use_draft_gone_once_stored(&submitter.state.0, &kept.status);
    let on_edit = {
        let (drafts, submissions) = (kept.state.dispatcher(), submitter.state.dispatcher());
        use_callback((), move |edit: FieldEdit, ()| {
            submissions.dispatch(SubmissionChange::Edited(edit.field.pointer(&edit.key)));
            drafts.dispatch(Change::Edit(Box::new(move |d: &mut ReportDraft| d.set(&edit.key, edit.field, edit.text))));
        })
    };
    let on_submit = submitter.document::<Report>(&kept.flush);
    let on_discard = submitter.and_reset(&kept.discard);
    html! {
        <ReportForm agreement={props.agreement.clone()} {draft} submission={submitter.state.0.clone()}
            draft_status={(*kept.status).clone()} {on_edit} {on_submit} {on_discard} lang={props.lang} />
    }
}
