//! The cdylib a portal loads: one `.wasm` and its JS glue, started by `js/batayan.js`.
//!
//! The adapter stays thin. `js/batayan.js` defines a custom element class for every entry of
//! [`element_specs`]; each class calls [`mount_element`] when it is connected and forwards attribute
//! changes. Here we read attributes into props, attach an open shadow root with our stylesheet, and
//! mount a Yew app from `batayan-widgets` into it. No rule is computed here.
//!
//! **Invariant:** nothing here panics on what a page gives us; a bad attribute is shown inside the
//! element as an error in the reader's language, and a failure to mount is a JS exception with a
//! message, never a trap that would take every widget on the page down with it.

mod apa;
mod draft;
mod elements;
mod submit;

use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

pub use elements::MountedElement;

/// One custom element: its tag and the attributes whose changes it reacts to.
#[derive(serde::Serialize, Debug)]
pub struct ElementSpec {
    pub name: &'static str,
    pub attributes: &'static [&'static str],
}

/// The elements this package defines, for `js/batayan.js`: `[{name, attributes}]`.
#[wasm_bindgen(js_name = elementSpecs)]
pub fn element_specs() -> Result<JsValue, JsError> {
    serde_wasm_bindgen::to_value(&elements::SPECS).map_err(|e| JsError::new(&e.to_string()))
}

/// Mounts the widget for `host`'s tag into `host`'s shadow root. The returned handle takes attribute
/// changes and is destroyed when the element leaves the page.
#[wasm_bindgen(js_name = mountElement)]
pub fn mount_element(host: HtmlElement) -> Result<MountedElement, JsError> {
    elements::mount(host)
}

/// The stylesheet text, for hosts that render our markup elsewhere (print previews, tests).
#[wasm_bindgen(js_name = stylesheet)]
pub fn stylesheet() -> String {
    batayan_web::STYLESHEET.to_owned()
}
