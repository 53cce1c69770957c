//! `<batayan-apa-table src report-src submit-url mode period lang>`: fetches the agreement (and the last
//! report, if given), then shows the mode asked for — the public table, the report form, or the editor —
//! with a status line while loading and an explained error if anything is wrong.

#[cfg(feature = "edit")]
mod edit;
#[cfg(feature = "report")]
mod report;

use std::rc::Rc;

use batayan_core::apa::{Agreement, Report};
pub use batayan_core::contract::ApaMode;
use batayan_core::locale::{Lang, Message};
use batayan_widgets::ui::ErrorBox;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq, Debug)]
pub struct ApaTableElementProps {
    /// The custom element itself: events are dispatched on it.
    pub host: HtmlElement,
    pub src: Option<AttrValue>,
    pub report_src: Option<AttrValue>,
    pub submit_url: Option<AttrValue>,
    pub mode: Result<ApaMode, Message>,
    pub period: Option<AttrValue>,
    /// How long to wait for the host, from the `timeout` attribute (seconds) or its default.
    pub timeout_ms: Result<u32, Message>,
    pub lang: Lang,
}

#[derive(Clone, PartialEq, Debug)]
enum Load {
    Loading,
    Ready(Rc<Agreement>, Option<Rc<Report>>),
    Failed(Message),
}

/// The load state, set only while this load is the latest one.
struct StaleGuarded {
    state: UseStateHandle<Load>,
    latest: Rc<std::cell::RefCell<u32>>,
    this_load: u32,
}

impl StaleGuarded {
    fn set(&self, load: Load) {
        if *self.latest.borrow() == self.this_load {
            self.state.set(load);
        }
    }
}

#[component]
pub fn ApaTableElement(props: &ApaTableElementProps) -> Html {
    let lang = props.lang;
    let load = use_state(|| Load::Loading);
    // Pressing "try again" bumps this, which runs the load again.
    let attempt = use_state(|| 0u32);
    let timeout_ms = props.timeout_ms.clone().unwrap_or(batayan_core::contract::DEFAULT_TIMEOUT_SECONDS * 1000);
    // Each load is numbered; a slow answer to an older one (the src changed, or "try again" was pressed
    // while it hung) must not overwrite a newer one.
    let latest_load = use_mut_ref(|| 0u32);
    // Only the report form starts from the last report; the editor does not wait for it.
    let report_src = props.report_src.clone().filter(|_| matches!(props.mode, Ok(ApaMode::Report)));
    {
        let load = load.clone();
        use_effect_with((props.src.clone(), report_src, *attempt), move |(src, report_src, _)| {
            let (src, report_src) = (src.clone(), report_src.clone());
            let this_load = {
                let mut latest = latest_load.borrow_mut();
                *latest += 1;
                *latest
            };
            let load = StaleGuarded { state: load, latest: latest_load, this_load };
            load.set(Load::Loading);
            // Given up when this load is replaced (another src, "try again") or the element leaves.
            let cancel = batayan_web::net::Cancel::new();
            let cancel_on_cleanup = cancel.clone();
            yew::platform::spawn_local(async move {
                let Some(src) = src else {
                    load.set(Load::Failed(Message::new(
                        "চুক্তির ঠিকানা দিন: <batayan-apa-table src=\"…\">।",
                        "Give the agreement's address: <batayan-apa-table src=\"…\">.",
                    )));
                    return;
                };
                // Both requests at once: on a phone's link each is a round trip.
                match batayan_web::net::get_json_with::<Agreement, Report>(&src, report_src.as_deref(), timeout_ms, cancel.as_ref()).await {
                    Ok((agreement, report)) => load.set(Load::Ready(Rc::new(agreement), report.map(Rc::new))),
                    Err(m) => load.set(Load::Failed(m)),
                }
            });
            move || {
                if let Some(cancel) = cancel_on_cleanup {
                    cancel.cancel();
                }
            }
        });
    }
    let mode = match (&props.mode, &props.timeout_ms) {
        (Ok(mode), Ok(_)) => *mode,
        (Err(message), _) | (_, Err(message)) => return html! { <ErrorBox message={message.clone()} {lang} /> },
    };
    match (&*load, mode) {
        (Load::Loading, _) => html! {
            <p class="by-status" role="status">
                <span class="by-spinner" aria-hidden="true"></span>
                { lang.pick("চুক্তি লোড হচ্ছে…", "Loading the agreement…") }
            </p>
        },
        (Load::Failed(message), _) => {
            let retry = {
                let attempt = attempt.clone();
                Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
            };
            html! {
                <div class="by-load-failed">
                    <ErrorBox message={message.clone()} {lang} />
                    <button type="button" class="by-button by-button--secondary" onclick={retry}>{ lang.pick("আবার চেষ্টা করুন", "Try again") }</button>
                </div>
            }
        }
        #[cfg(feature = "report")]
        (Load::Ready(agreement, report), ApaMode::Report) => html! {
            <report::ReportMode host={props.host.clone()} agreement={agreement.clone()} report={report.clone()}
                submit_url={props.submit_url.clone()} period={props.period.clone()} {timeout_ms} {lang} />
        },
        #[cfg(feature = "edit")]
        (Load::Ready(agreement, _), ApaMode::Edit) => html! {
            <edit::EditMode key={format!("{}|{}|{}", agreement.office, agreement.fiscal_year.code(), props.submit_url.as_deref().unwrap_or(""))} host={props.host.clone()} agreement={agreement.clone()} submit_url={props.submit_url.clone()} {timeout_ms} {lang} />
        },
        // The loader mounts each mode from its own module (the public view from `batayan_view`, each
        // form from its own build of this crate); another mode reaches this build only when a page
        // imports the module directly.
        #[allow(unreachable_patterns)]
        (Load::Ready(..), _) => html! {
            <ErrorBox message={Message::new(
                "এই মডিউলে এই দৃশ্যটি নেই: পাতায় batayan.js যুক্ত করুন, সে ঠিক মডিউলটি আনবে।",
                "This module does not hold that view: include batayan.js, which loads the right one.",
            )} {lang} />
        },
    }
}
