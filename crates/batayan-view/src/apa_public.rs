//! `<batayan-apa-table>` in public mode (no `mode`, or `mode="public"`): fetches the agreement and, if
//! given, the latest report, and shows the scored table — with a status line while loading, and an
//! explained error with "try again" if anything is wrong.
//!
//! The states are those of the forms' element (`batayan-elements`): loading → table, or loading →
//! error + retry. A load is numbered; the answer of an older one (the `src` changed, or "try again" was
//! pressed while it hung) is dropped. A `mode` naming a form never reaches this module: the loader
//! fetches the forms' module for it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use batayan_core::apa::{Agreement, RawScore, Report, RowKey, scorecard};
use batayan_core::contract::{ApaMode, request_timeout_ms};
use batayan_core::locale::{Lang, Message};
use batayan_web::attributes;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, HtmlElement};

use crate::apa_table;
use batayan_web::dom::{Dom, Listeners, error_box, with};
use batayan_web::net::Loads;

/// What the attributes ask for.
#[derive(Clone, PartialEq, Debug)]
struct Wanted {
    src: Option<String>,
    report_src: Option<String>,
    timeout_ms: Result<u32, Message>,
    mode: Result<ApaMode, Message>,
    lang: Lang,
}

impl Wanted {
    fn read(host: &HtmlElement) -> Wanted {
        Wanted {
            src: attributes::text(host, "src"),
            report_src: attributes::text(host, "report-src"),
            timeout_ms: request_timeout_ms(attributes::text(host, "timeout").as_deref()),
            mode: ApaMode::parse(attributes::text(host, "mode").as_deref()),
            lang: attributes::language(host),
        }
    }

    /// What must be fetched again when it changes.
    fn source(&self) -> (Option<&str>, Option<&str>, u32) {
        (self.src.as_deref(), self.report_src.as_deref(), self.timeout_ms.clone().unwrap_or_default())
    }
}

#[derive(Clone, Debug)]
enum Load {
    Loading,
    Ready(Rc<Agreement>, Option<Rc<Report>>),
    Failed(Message),
}

/// The element's state, shared with its event listeners and its pending load.
#[derive(Debug)]
struct State {
    host: HtmlElement,
    root: Element,
    dom: Dom,
    wanted: RefCell<Wanted>,
    load: RefCell<Load>,
    /// Which load may still draw; starting one gives up the one before (another src, or the element gone).
    loads: Loads,
    /// Raw scores by indicator key, for writing "how was this computed" when a reader opens it.
    explanations: RefCell<HashMap<RowKey, RawScore>>,
    /// Listeners on the root, with their event and phase, removed and freed on destroy.
    listeners: RefCell<Listeners>,
}

/// A mounted public table, owned by its custom element in JS.
#[derive(Debug)]
pub(crate) struct ApaPublic {
    state: Rc<State>,
}

impl ApaPublic {
    pub(crate) fn mount(host: HtmlElement) -> Result<ApaPublic, JsValue> {
        let root = batayan_web::shadow::prepare_root(&host, batayan_web::APA_STYLES)?;
        let document = host.owner_document().ok_or_else(|| JsValue::from_str("the element has no document"))?;
        let state = Rc::new(State {
            wanted: RefCell::new(Wanted::read(&host)),
            host,
            listeners: RefCell::new(Listeners::new(root.clone())),
            root,
            dom: Dom::new(document),
            load: RefCell::new(Load::Loading),
            loads: Loads::default(),
            explanations: RefCell::default(),
        });
        listen(&state, "click", State::on_click)?;
        start_load(&state);
        Ok(ApaPublic { state })
    }

    /// Re-reads the attributes: fetches again if the addresses or the timeout changed, else redraws
    /// (a new `lang` needs no new data).
    pub(crate) fn attribute_changed(&self) {
        let now = Wanted::read(&self.state.host);
        let before = self.state.wanted.replace(now.clone());
        if before.source() != now.source() {
            start_load(&self.state);
        } else if before != now {
            self.state.show();
        }
    }

    pub(crate) fn destroy(&self) {
        // Bumping the number makes a load still in flight stale, and its requests are given up;
        // dropping the listeners frees them.
        self.state.loads.stop();
        self.state.listeners.borrow_mut().clear();
        if let Some(shadow) = self.state.host.shadow_root() {
            // Nothing useful can be done if the DOM refuses; the element is leaving the page anyway.
            let _ = batayan_web::shadow::clear(&shadow);
        }
    }
}

/// Adds a listener on the root that holds the state weakly (no cycle: the element owns the state).
fn listen(state: &Rc<State>, event: &'static str, handler: fn(&Rc<State>, Event)) -> Result<(), JsValue> {
    let weak: Weak<State> = Rc::downgrade(state);
    state.listeners.borrow_mut().on(event, move |e: Event| {
        if let Some(state) = weak.upgrade() {
            handler(&state, e);
        }
    })
}

fn start_load(state: &Rc<State>) {
    let (this_load, cancel) = state.loads.start();
    state.load.replace(Load::Loading);
    state.show();
    let wanted = state.wanted.borrow().clone();
    let (Ok(ApaMode::Public), Ok(timeout_ms)) = (&wanted.mode, &wanted.timeout_ms) else {
        return; // `show` explains the attribute; nothing to fetch.
    };
    let timeout_ms = *timeout_ms;
    let weak = Rc::downgrade(state);
    wasm_bindgen_futures::spawn_local(async move {
        let load = fetch(wanted.src.as_deref(), wanted.report_src.as_deref(), timeout_ms, cancel.as_ref()).await;
        if let Some(state) = weak.upgrade().filter(|s| s.loads.is_latest(this_load)) {
            state.load.replace(load);
            state.show();
        }
    });
}

async fn fetch(src: Option<&str>, report_src: Option<&str>, timeout_ms: u32, cancel: Option<&batayan_web::net::Cancel>) -> Load {
    let Some(src) = src else {
        return Load::Failed(Message::new("চুক্তির ঠিকানা দিন: <batayan-apa-table src=\"…\">।", "Give the agreement's address: <batayan-apa-table src=\"…\">."));
    };
    match batayan_web::net::get_json_with::<Agreement, Report>(src, report_src, timeout_ms, cancel).await {
        Ok((agreement, report)) => Load::Ready(Rc::new(agreement), report.map(Rc::new)),
        Err(m) => Load::Failed(m),
    }
}

impl State {
    /// Draws the current state into the root, replacing what was there.
    fn show(&self) {
        let drawn = self.draw();
        let content = match drawn {
            Ok(content) => content,
            // A DOM call refused (it should never happen): say so rather than leave a stale view.
            Err(e) => {
                let lang = self.wanted.borrow().lang;
                let detail = e.as_string().unwrap_or_default();
                let message = Message::new(format!("দেখানো যায়নি: {detail}"), format!("Could not be shown: {detail}"));
                match error_box(&self.dom, &message, lang) {
                    Ok(b) => b,
                    Err(_) => return,
                }
            }
        };
        self.root.replace_children_with_node_1(&content);
    }

    fn draw(&self) -> Result<Element, JsValue> {
        let wanted = self.wanted.borrow();
        let lang = wanted.lang;
        if let Err(message) = wanted.mode.as_ref().and(wanted.timeout_ms.as_ref()) {
            return error_box(&self.dom, message, lang);
        }
        match &*self.load.borrow() {
            Load::Loading => {
                let status = self.dom.el("p", "by-status")?;
                status.set_attribute("role", "status")?;
                let spinner = self.dom.el("span", "by-spinner")?;
                spinner.set_attribute("aria-hidden", "true")?;
                with(status, &[&spinner, &self.dom.text("span", "", lang.pick("চুক্তি লোড হচ্ছে…", "Loading the agreement…"))?])
            }
            Load::Failed(message) => {
                let retry = self.dom.text("button", "by-button by-button--secondary", lang.pick("আবার চেষ্টা করুন", "Try again"))?;
                retry.set_attribute("type", "button")?;
                retry.set_attribute("data-action", "retry")?;
                with(self.dom.el("div", "by-load-failed")?, &[&error_box(&self.dom, message, lang)?, &retry])
            }
            Load::Ready(agreement, report) => {
                let empty = Report::new(&agreement.office, agreement.fiscal_year, "Q4");
                let card = scorecard(agreement, report.as_deref().unwrap_or(&empty), agreement.scoring);
                let view = apa_table::render(&self.dom, agreement, &card, report.is_some(), lang)?;
                let raws = card.indicators.into_iter().filter_map(|s| s.raw.map(|raw| (s.key, raw)));
                *self.explanations.borrow_mut() = raws.collect();
                Ok(view)
            }
        }
    }

    /// One listener for every button in the view: "try again" on a failed load, and a score's
    /// "how was this computed".
    fn on_click(self: &Rc<State>, event: Event) {
        let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
        if target.get_attribute("data-action").as_deref() == Some("retry") {
            start_load(self);
        } else if let Ok(Some(button)) = target.closest(".by-explain") {
            self.explain(&button);
        }
    }

    /// Opens or closes a score's explanation (a disclosure: the button says whether it is open). The
    /// sentence is written the first time it opens, after the button, in the reader's language.
    fn explain(&self, button: &Element) {
        let open = button.get_attribute("aria-expanded").as_deref() == Some("true");
        let _ = button.set_attribute("aria-expanded", if open { "false" } else { "true" });
        if let Some(text) = button.next_element_sibling() {
            let _ = if open { text.set_attribute("hidden", "") } else { text.remove_attribute("hidden") };
            return;
        }
        let (Some(cell), Ok(Some(row))) = (button.parent_element(), button.closest("tr[data-key]")) else { return };
        let key = row.get_attribute("data-key").unwrap_or_default();
        let Some(raw) = self.explanations.borrow().get(key.as_str()).copied() else { return };
        if let Ok(text) = self.dom.text("p", "by-explain__text", raw.explanation().get(self.wanted.borrow().lang)) {
            let _ = cell.append_child(&text);
        }
    }
}
