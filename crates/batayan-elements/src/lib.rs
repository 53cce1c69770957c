//! The forms' module: the `.wasm` (with Yew) that the loader, `batayan-web/js/batayan.js`, fetches for
//! an element that asks for a form (`<batayan-apa-table mode="report">` or `mode="edit"`). Read-only
//! views live in modules without Yew (`batayan-view`, `batayan-dates`), so a citizen's page never
//! downloads this one.
//!
//! The adapter stays thin. The loader calls [`mount_element`] when such an element is connected and
//! forwards attribute changes. Here we read attributes into props, attach an open shadow root with our
//! stylesheet, and mount a Yew app from `batayan-widgets` into it. No rule is computed here.
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

/// Mounts the widget for `host`'s tag into `host`'s shadow root. The returned handle takes attribute
/// changes and is destroyed when the element leaves the page.
#[wasm_bindgen(js_name = mountElement)]
pub fn mount_element(host: HtmlElement) -> Result<MountedElement, JsError> {
    elements::mount(host)
}
