//! What a citizen's page loads: Batayan's read-only views, written straight to the DOM with `web-sys`.
//!
//! A citizen reading an office's performance page on a cheap phone pays for every byte; the forms
//! (report, edit) stay in `batayan-elements`, whose modules the loader (`js/batayan.js`) fetches only
//! for an element that asks for a form. A view here builds its DOM once per data or language
//! change; there is nothing to diff because nothing is typed into it.
//!
//! **Invariant:** nothing here panics on what a page or a host gives us; a bad attribute or answer is
//! shown inside the element in the reader's language, and a failure to mount is a JS exception with a
//! message.

mod apa_public;
mod apa_table;

use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use apa_public::ApaPublic;

/// A mounted view, owned by its custom element in JS; the same interface as the forms' module.
#[wasm_bindgen]
#[derive(Debug)]
pub struct MountedView {
    view: Option<ApaPublic>,
}

#[wasm_bindgen]
impl MountedView {
    /// Re-reads the attributes and redraws, fetching again only if an address changed.
    #[wasm_bindgen(js_name = attributeChanged)]
    pub fn attribute_changed(&mut self) {
        if let Some(view) = self.view.as_ref() {
            view.attribute_changed();
        }
    }

    /// Empties the shadow root and frees the listeners. Calling it twice does nothing.
    pub fn destroy(&mut self) {
        if let Some(view) = self.view.take() {
            view.destroy();
        }
    }
}

/// Mounts the view for `host`'s tag into its shadow root.
#[wasm_bindgen(js_name = mountElement)]
pub fn mount_element(host: HtmlElement) -> Result<MountedView, JsError> {
    let tag = host.local_name();
    let view = match tag.as_str() {
        "batayan-apa-table" => ApaPublic::mount(host),
        _ => return Err(JsError::new(&format!("batayan: <{tag}> has no read-only view in this module"))),
    };
    let view = view.map_err(|e| JsError::new(&format!("batayan: could not mount <{tag}>: {e:?}")))?;
    Ok(MountedView { view: Some(view) })
}
