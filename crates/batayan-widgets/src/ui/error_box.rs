//! A visible, announced error: what went wrong in the reader's language.

use batayan_core::locale::{Lang, Message};
use yew::prelude::*;

#[derive(Properties, PartialEq, Debug)]
pub struct ErrorBoxProps {
    pub message: Message,
    pub lang: Lang,
}

/// `role="alert"` so that a screen reader announces the error when it appears; the visible "ত্রুটি:" /
/// "Error:" prefix tells sighted and colour-blind readers alike that this is an error, not content.
#[component]
pub fn ErrorBox(props: &ErrorBoxProps) -> Html {
    html! {
        <div class="by-error" role="alert">
            <strong class="by-error__label">{ props.lang.pick("ত্রুটি: ", "Error: ") }</strong>
            <span class="by-error__text">{ props.message.get(props.lang).to_owned() }</span>
        </div>
    }
}
