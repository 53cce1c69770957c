//! `<batayan-apa-table src report-src lang>`: fetches the agreement (and the report, if given) and shows
//! `batayan_widgets::apa::ApaTable`, with a status line while loading and an explained error if not.

use std::rc::Rc;

use batayan_core::apa::{Agreement, Report};
use batayan_core::locale::{Lang, Message};
use batayan_widgets::apa::ApaTable;
use batayan_widgets::ui::{ErrorBox, tr};
use yew::prelude::*;

#[derive(Properties, PartialEq, Debug)]
pub struct ApaTableElementProps {
    pub src: Option<AttrValue>,
    pub report_src: Option<AttrValue>,
    pub lang: Lang,
}

#[derive(Clone, PartialEq, Debug)]
enum Load {
    Loading,
    Ready(Rc<Agreement>, Option<Rc<Report>>),
    Failed(Message),
}

#[component]
pub fn ApaTableElement(props: &ApaTableElementProps) -> Html {
    let lang = props.lang;
    let load = use_state(|| Load::Loading);
    {
        let load = load.clone();
        use_effect_with((props.src.clone(), props.report_src.clone()), move |(src, report_src)| {
            let (src, report_src) = (src.clone(), report_src.clone());
            load.set(Load::Loading);
            yew::platform::spawn_local(async move {
                let Some(src) = src else {
                    load.set(Load::Failed(Message::new(
                        "চুক্তির ঠিকানা দিন: <batayan-apa-table src=\"…\">।",
                        "Give the agreement's address: <batayan-apa-table src=\"…\">.",
                    )));
                    return;
                };
                let agreement = match crate::net::get_json::<Agreement>(&src).await {
                    Ok(a) => Rc::new(a),
                    Err(m) => return load.set(Load::Failed(m)),
                };
                let report = match report_src {
                    Some(url) => match crate::net::get_json::<Report>(&url).await {
                        Ok(r) => Some(Rc::new(r)),
                        Err(m) => return load.set(Load::Failed(m)),
                    },
                    None => None,
                };
                load.set(Load::Ready(agreement, report));
            });
        });
    }
    match &*load {
        Load::Loading => html! {
            <p class="by-status" role="status">{ tr(lang, "চুক্তি লোড হচ্ছে…", "Loading the agreement…") }</p>
        },
        Load::Failed(message) => html! { <ErrorBox message={message.clone()} {lang} /> },
        Load::Ready(agreement, report) => html! {
            <ApaTable agreement={agreement.clone()} report={report.clone()} {lang} />
        },
    }
}
