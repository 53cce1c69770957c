//! The edit mode (placeholder until the editor lands).

use std::rc::Rc;

use batayan_core::apa::Agreement;
use batayan_core::locale::Lang;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq, Debug)]
pub struct EditModeProps {
    pub host: HtmlElement,
    pub agreement: Rc<Agreement>,
    pub submit_url: Option<AttrValue>,
    pub lang: Lang,
}

#[component]
pub fn EditMode(_props: &EditModeProps) -> Html {
    html! {}
}
