//! A Yew form's submission: the one path of `batayan_web::submit` (CSRF token, an idempotency key kept
//! with the draft, the page's chance to take it over, `batayan:submitted` / `batayan:error`, the draft
//! cleared only on a 2xx) held in a reducer the form shows.

use std::rc::Rc;

use batayan_web::submit::{Submission, to_json_text};
use serde::Serialize;
use yew::prelude::*;

pub(crate) use batayan_web::submit::Target;

/// Changes to the submission state.
#[derive(Debug)]
pub(crate) enum SubmissionChange {
    Start,
    Answer(Submission),
    /// The person changed the field at this pointer: the host's error about it no longer applies.
    Edited(String),
    Reset,
}

/// The submission state, as a reducer so that callbacks made once always see the latest state.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct SubmissionState(pub Submission);

impl Reducible for SubmissionState {
    type Action = SubmissionChange;

    fn reduce(self: Rc<Self>, change: SubmissionChange) -> Rc<Self> {
        let next = match (change, &self.0) {
            (SubmissionChange::Start, _) => Submission::Sending,
            (SubmissionChange::Answer(s), _) => s,
            (SubmissionChange::Edited(path), Submission::Refused(errors)) if errors.iter().any(|e| e.path == path) => {
                Submission::Refused(errors.iter().filter(|e| e.path != path).cloned().collect())
            }
            // An accepted or failed submission stays on screen until the next one.
            (SubmissionChange::Edited(_), _) => return self,
            (SubmissionChange::Reset, _) => Submission::Idle,
        };
        Rc::new(SubmissionState(next))
    }
}

/// What a widget's element needs to submit: the state to show, and the callbacks.
pub(crate) struct Submitter {
    pub state: UseReducerHandle<SubmissionState>,
    /// Sends the JSON text of a document.
    pub submit: Callback<String>,
}

impl Submitter {
    /// A callback that sends a document as its JSON text, after `write_draft` has put the draft in
    /// storage (drafts are written lazily while typing, but always before anything leaves); a document
    /// that cannot be written as JSON fails here, with a message, instead of being sent.
    pub(crate) fn document<T: Serialize + 'static>(&self, write_draft: &Callback<()>) -> Callback<T> {
        let (submit, changes, write_draft) = (self.submit.clone(), self.state.dispatcher(), write_draft.clone());
        Callback::from(move |document: T| {
            write_draft.emit(());
            match to_json_text(&document) {
                Ok(json) => submit.emit(json),
                Err(message) => changes.dispatch(SubmissionChange::Answer(Submission::Failed(message))),
            }
        })
    }

    /// "Discard the draft" also forgets the last answer: the form is as if just opened.
    pub(crate) fn and_reset(&self, discard: &Callback<()>) -> Callback<()> {
        let (discard, changes) = (discard.clone(), self.state.dispatcher());
        Callback::from(move |()| {
            changes.dispatch(SubmissionChange::Reset);
            discard.emit(());
        })
    }
}

/// Once the host has the document, the browser's copy is gone (the submitter cleared it), so the draft
/// line says nothing more.
#[hook]
pub(crate) fn use_draft_gone_once_stored(submission: &Submission, status: &UseStateHandle<batayan_web::draft::DraftStatus>) {
    let status = status.clone();
    use_effect_with(submission.clone(), move |submission| {
        if matches!(submission, Submission::Accepted { .. }) {
            status.set(batayan_web::draft::DraftStatus::Clean);
        }
    });
}

#[hook]
pub(crate) fn use_submitter(target: Target) -> Submitter {
    let state = use_reducer_eq(SubmissionState::default);
    let dispatcher = state.dispatcher();
    let submit = use_callback(target, move |body: String, target: &Target| {
        dispatcher.dispatch(SubmissionChange::Start);
        let dispatcher = dispatcher.clone();
        batayan_web::submit::submit(target, body, Rc::new(move |answer| dispatcher.dispatch(SubmissionChange::Answer(answer))));
    });
    Submitter { state, submit }
}
