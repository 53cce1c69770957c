//! What every hand-written element shares: the mounted element's interface, its root with a status line
//! while loading and an error box with "try again" when a read failed, listeners that hold the state
//! weakly, a form control's value. Used by the innovation and minutes modules alike.

use batayan_core::locale::{Lang, Message};
use std::rc::Rc;

use crate::dom::{Dom, Listeners, error_box, with};
use crate::draft::FlushOnHide;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlElement};

/// A mounted element: the loader calls these when an attribute changes and when it leaves the page.
pub trait Widget {
    fn attribute_changed(&self);
    fn destroy(&self);
}

/// The host's shadow root prepared (the module's stylesheet `css` adopted) with the root to draw into,
/// and the DOM words.
pub fn prepare(host: &HtmlElement, css: &'static str) -> Result<(Element, Dom), JsValue> {
    let root = crate::shadow::prepare_root(host, css)?;
    let document = host.owner_document().ok_or_else(|| JsValue::from_str("the element has no document"))?;
    Ok((root, Dom::new(document)))
}

/// Empties the host's shadow root (the element is leaving the page).
pub fn empty(host: &HtmlElement) {
    if let Some(shadow) = host.shadow_root() {
        // Nothing useful can be done if the DOM refuses; the element is leaving the page anyway.
        let _ = crate::shadow::clear(&shadow);
    }
}

/// "Loading…" with a spinner, announced politely.
pub fn loading(dom: &Dom, text: &str) -> Result<Element, JsValue> {
    let status = dom.el("p", "by-status")?;
    status.set_attribute("role", "status")?;
    let spinner = dom.el("span", "by-spinner")?;
    spinner.set_attribute("aria-hidden", "true")?;
    with(status, &[&spinner, &dom.text("span", "", text)?])
}

/// A read that failed: the message and a "try again" button (`data-action="retry"`).
pub fn load_failed(dom: &Dom, message: &Message, lang: Lang) -> Result<Element, JsValue> {
    let retry = button(dom, "by-button by-button--secondary", lang.pick("আবার চেষ্টা করুন", "Try again"), "retry")?;
    with(dom.el("div", "by-load-failed")?, &[&error_box(dom, message, lang)?, &retry])
}

/// `<button type="button" data-action="…">`.
pub fn button(dom: &Dom, class: &str, text: &str, action: &str) -> Result<Element, JsValue> {
    let button = dom.text("button", class, text)?;
    button.set_attribute("type", "button")?;
    button.set_attribute("data-action", action)?;
    Ok(button)
}

/// The `data-action` of the button an event happened in, if any.
pub fn action_of(event: &web_sys::Event) -> Option<(String, Element)> {
    let element = crate::dom::event_element(event)?;
    let button = element.closest("[data-action]").ok()??;
    Some((button.get_attribute("data-action")?, button))
}

/// Replaces what the root shows with `content`, or with an error box if drawing failed (it should
/// never: a DOM call refused).
pub fn show(root: &Element, dom: &Dom, drawn: Result<Element, JsValue>, lang: Lang) {
    let content = match drawn {
        Ok(content) => content,
        Err(e) => {
            let detail = e.as_string().unwrap_or_default();
            let message = Message::new(format!("দেখানো যায়নি: {detail}"), format!("Could not be shown: {detail}"));
            match error_box(dom, &message, lang) {
                Ok(b) => b,
                Err(_) => return,
            }
        }
    };
    root.replace_children_with_node_1(&content);
}

/// A count in the reader's digits.
pub fn count(n: usize, lang: Lang) -> String {
    batayan_core::locale::digits_for(lang, &n.to_string())
}

/// The value of a form control (input, textarea or select), or `None` for anything else.
pub fn value_of(element: &Element) -> Option<String> {
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        return Some(input.value());
    }
    if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return Some(area.value());
    }
    element.dyn_ref::<web_sys::HtmlSelectElement>().map(web_sys::HtmlSelectElement::value)
}

/// A handler of one event on the root: the event's name and what to do with the state.
pub type On<S> = (&'static str, fn(&Rc<S>, Event));

/// Listens on the root for each `(event, handler)`, the handler given the state (held weakly: the
/// element owns the state, the listeners must not keep it alive).
pub fn listen<S: 'static>(state: &Rc<S>, listeners: &mut Listeners, handlers: &[On<S>]) -> Result<(), JsValue> {
    for &(event, handler) in handlers {
        let weak = Rc::downgrade(state);
        listeners.on(event, move |e| {
            if let Some(state) = weak.upgrade() {
                handler(&state, e);
            }
        })?;
    }
    Ok(())
}

/// Calls `flush` on the state when the page is hidden or left, until the guard is dropped.
pub fn flush_on_hide<S: 'static>(state: &Rc<S>, flush: fn(&S)) -> FlushOnHide {
    let weak = Rc::downgrade(state);
    FlushOnHide::new(move || {
        if let Some(state) = weak.upgrade() {
            flush(&state);
        }
    })
}

/// Where an element's document stands.
#[derive(Debug)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(Message),
}

impl<T> Load<T> {
    /// The same state with the document made into something else (`Rc::new`, a model built from it).
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Load<U> {
        match self {
            Load::Loading => Load::Loading,
            Load::Ready(value) => Load::Ready(f(value)),
            Load::Failed(message) => Load::Failed(message),
        }
    }
}

/// Loads `src` as JSON for the element whose state is `state`: the load before it given up (the
/// element's `Loads`, reached through `loads`), `Load::Loading` shown at once, then the answer — unless a
/// later load has started or the element has gone by then. `show` keeps what it is given and draws it;
/// `missing` is said when there is no `src`; a `timeout` that does not read was said by the caller, and
/// nothing is fetched.
pub fn load_json<S: 'static, T: serde::de::DeserializeOwned + 'static>(
    state: &Rc<S>,
    loads: fn(&S) -> &crate::net::Loads,
    src: Option<String>,
    timeout_ms: Result<u32, Message>,
    missing: Message,
    show: fn(&Rc<S>, Load<T>),
) {
    let (this_load, cancel) = loads(state).start();
    show(state, Load::Loading);
    let Ok(timeout_ms) = timeout_ms else { return };
    let weak = Rc::downgrade(state);
    wasm_bindgen_futures::spawn_local(async move {
        let load = match src.as_deref() {
            None => Load::Failed(missing),
            Some(src) => match crate::net::get_json::<T>(src, timeout_ms, cancel.as_ref()).await {
                Ok(document) => Load::Ready(document),
                Err(message) => Load::Failed(message),
            },
        };
        if let Some(state) = weak.upgrade().filter(|s| loads(s).is_latest(this_load)) {
            show(&state, load);
        }
    });
}
