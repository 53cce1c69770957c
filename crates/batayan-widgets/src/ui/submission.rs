//! One way for every widget's form to show where its data stands: typed and kept in the browser,
//! being sent, stored by the host, refused field by field, or not sent at all.
//!
//! The element (in `batayan-elements`) owns the network and the browser storage and hands these states
//! in; a form only shows them. That is the one draft-and-submit path every widget shares.

use batayan_core::locale::{Lang, Message};
use yew::prelude::*;

use super::ErrorBox;

pub use batayan_web::draft::DraftStatus;
pub use batayan_web::submit::Submission;

#[derive(Properties, PartialEq, Debug)]
pub struct SubmitBarProps {
    pub submission: Submission,
    pub draft: DraftStatus,
    /// The button's text (`প্রতিবেদন জমা দিন`).
    pub label: AttrValue,
    /// Fired by the "discard the draft" button shown with a restored draft.
    pub on_discard: Callback<()>,
    pub lang: Lang,
}

/// The submit button and, beside it, what happened: announced politely to screen readers.
#[component]
pub fn SubmitBar(props: &SubmitBarProps) -> Html {
    let lang = props.lang;
    let sending = props.submission == Submission::Sending;
    let discard = props.on_discard.reform(|_: MouseEvent| ());
    let draft_note = match &props.draft {
        DraftStatus::Clean => html! {},
        DraftStatus::Saved => html! { <span>{ lang.pick("খসড়া এই ব্রাউজারে রাখা হয়েছে।", "Draft kept in this browser.") }</span> },
        DraftStatus::Restored => html! {
            <>
                <span>{ lang.pick("আগের না-পাঠানো খসড়া ফিরিয়ে আনা হয়েছে। ", "Your unsent draft from before is back. ") }</span>
                <button type="button" class="by-button by-button--quiet" onclick={discard}>{ lang.pick("খসড়া বাদ দিন", "Discard the draft") }</button>
            </>
        },
        DraftStatus::NotSaved(m) => html! { <span class="by-warning">{ m.get(lang).to_owned() }</span> },
    };
    let outcome = match &props.submission {
        Submission::Idle => html! {},
        Submission::Sending => html! {
            <span class="by-sending">
                <span class="by-spinner" aria-hidden="true"></span>
                { lang.pick("পাঠানো হচ্ছে…", "Sending…") }
            </span>
        },
        Submission::Accepted { warnings } => html! {
            <div class="by-done">
                <strong>{ lang.pick("জমা হয়েছে। ", "Submitted. ") }</strong>
                if !warnings.is_empty() {
                    <span>{ lang.pick("সতর্কতা:", "Warnings:") }</span>
                    <ul>{ for warnings.iter().map(|w| html! { <li>{ w.message().get(lang).to_owned() }</li> }) }</ul>
                }
            </div>
        },
        Submission::Refused(errors) => html! {
            <span class="by-warning">
                { lang.pick("পোর্টাল জমা নেয়নি: ", "The portal did not accept it: ") }
                { format_count(errors.len(), lang) }
            </span>
        },
        // Nothing usable came back (offline, timeout, 5xx): the draft is safe, and trying again is one press
        // away; the idempotency key kept with the draft makes a second attempt safe too.
        Submission::Failed(message) => html! {
            <>
                <ErrorBox message={Message::new(
                    format!("{} খসড়া এই ব্রাউজারে রাখা আছে।", message.bn),
                    format!("{} The draft is kept in this browser.", message.en),
                )} {lang} />
                <button type="submit" class="by-button by-button--secondary by-retry">{ lang.pick("আবার চেষ্টা করুন", "Try again") }</button>
            </>
        },
    };
    html! {
        <div class="by-submit">
            <button type="submit" class="by-button" disabled={sending} aria-disabled={sending.to_string()}>{ props.label.clone() }</button>
            <div class="by-submit__status" role="status" aria-live="polite">
                { outcome }
                <p class="by-submit__draft">{ draft_note }</p>
            </div>
        </div>
    }
}

fn format_count(n: usize, lang: Lang) -> String {
    let digits = batayan_core::locale::digits_for(lang, &n.to_string());
    match lang {
        Lang::Bn => format!("{digits}টি ঘরে ত্রুটি, ঘরগুলোতে দেখানো হয়েছে।"),
        Lang::En if n == 1 => "1 field is wrong; it is marked below.".to_owned(),
        Lang::En => format!("{digits} fields are wrong; they are marked below."),
    }
}
