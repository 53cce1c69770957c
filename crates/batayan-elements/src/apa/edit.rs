//! The edit mode: the agreement as a draft kept in localStorage, the pasted table read by the core's
//! import and merged into the draft by serial (what the paste does not carry, like annex 2, stays),
//! the editor from `batayan-widgets` showing what a save would change against the stored agreement,
//! and the shared submit path (PUT).

use std::rc::Rc;

use batayan_core::apa::{Agreement, AgreementDraft, Finding, Section3Reader};
use batayan_core::locale::Lang;
use batayan_widgets::apa::{AgreementEditor, CellEdit};
use batayan_widgets::ui::Progress;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::draft::{self, Change, use_kept_draft};
use crate::submit::{SubmissionChange, Target, use_draft_gone_once_stored, use_submitter};

/// Lines of a paste read per slice. Reading is the cheap part (~30 ms per 1,000 lines in the Wasm on the
/// bench machine); each slice also costs the page a frame, which over a 1,000-row editor is ~100–150 ms of
/// paint, so slices are large: 400 lines made a 10,000-row paste 2 s slower for no shorter task.
const LINES_PER_SLICE: usize = 1000;

#[derive(Properties, PartialEq, Debug)]
pub struct EditModeProps {
    pub host: HtmlElement,
    pub agreement: Rc<Agreement>,
    pub submit_url: Option<AttrValue>,
    pub timeout_ms: u32,
    pub lang: Lang,
}

#[component]
pub fn EditMode(props: &EditModeProps) -> Html {
    let url = props.submit_url.as_deref().unwrap_or("");
    let scope = format!("{}/{}", props.agreement.office, props.agreement.fiscal_year.code());
    let draft_key: Rc<str> = draft::key("apa-agreement", url, &scope).into();
    let fresh: Rc<dyn Fn() -> AgreementDraft> = {
        let agreement = props.agreement.clone();
        Rc::new(move || AgreementDraft::new((*agreement).clone()))
    };
    let belongs: Rc<dyn Fn(&AgreementDraft) -> bool> = {
        let agreement = props.agreement.clone();
        Rc::new(move |d| d.agreement.office == agreement.office && d.agreement.fiscal_year == agreement.fiscal_year)
    };
    let kept = use_kept_draft(draft_key.clone(), fresh, belongs);
    let submitter = use_submitter(Target {
        host: props.host.clone(),
        method: "PUT",
        url: props.submit_url.as_deref().map(str::to_owned),
        draft_key,
        timeout_ms: props.timeout_ms,
    });
    let import_problems = use_state(|| Rc::new(Vec::<Finding>::new()));
    use_draft_gone_once_stored(&submitter.state.0, &kept.status);
    let on_edit = {
        let (drafts, submissions) = (kept.state.dispatcher(), submitter.state.dispatcher());
        use_callback((), move |edit: CellEdit, ()| {
            submissions.dispatch(SubmissionChange::Edited(edit.pointer.clone()));
            drafts.dispatch(Change::Edit(Box::new(move |d: &mut AgreementDraft| d.edit(&edit.key, edit.column, &edit.text))));
        })
    };
    // A paste of thousands of rows takes seconds to read: a status line and a bar say so, on screen
    // before the work starts, and the button waits. The text is read a slice of lines at a time, with a
    // paint between slices, so that the tab keeps answering.
    let importing = use_state(|| None::<Progress>);
    let on_import = {
        let (drafts, submissions, problems, importing) = (kept.state.dispatcher(), submitter.state.dispatcher(), import_problems.clone(), importing.clone());
        Callback::from(move |text: String| {
            if importing.is_some() {
                return;
            }
            let progress = Progress::default();
            importing.set(Some(progress.clone()));
            let (drafts, submissions, problems, importing) = (drafts.clone(), submissions.clone(), problems.clone(), importing.clone());
            yew::platform::spawn_local(async move {
                let mut reader = Section3Reader::new(text);
                loop {
                    batayan_web::after_paint().await;
                    if reader.read_lines(LINES_PER_SLICE) {
                        break;
                    }
                    let (read, total) = reader.progress();
                    progress.set(read as f64 / total.max(1) as f64);
                }
                let imported = reader.finish();
                problems.set(Rc::new(imported.problems.clone()));
                importing.set(None);
                // A paste that read no row changes nothing: the problems say why.
                if imported.is_empty() {
                    return;
                }
                submissions.dispatch(SubmissionChange::Reset);
                drafts.dispatch(Change::Edit(Box::new(move |d: &mut AgreementDraft| {
                    d.agreement = imported.merge_into(&d.agreement);
                    d.pending.clear();
                })));
            });
        })
    };
    let on_save = submitter.document::<Agreement>(&kept.flush);
    let on_discard = {
        let (reset, problems) = (submitter.and_reset(&kept.discard), import_problems.clone());
        Callback::from(move |()| {
            problems.set(Rc::new(Vec::new()));
            reset.emit(());
        })
    };
    html! {
        <AgreementEditor stored={props.agreement.clone()} draft={kept.state.value.clone()} import_problems={(*import_problems).clone()} importing={(*importing).clone()} submission={submitter.state.0.clone()}
            draft_status={(*kept.status).clone()} {on_edit} {on_import} {on_save} {on_discard} lang={props.lang} />
    }
}
