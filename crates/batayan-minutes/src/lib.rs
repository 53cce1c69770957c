//! `<batayan-minutes mode="edit" submit-url>` (`edit.rs`): paste the minutes, see what was read and every
//! finding at its line, publish.
//!
//! `<batayan-decisions src submit-url>` (`decisions.rs`): the decision register across meetings, with its
//! filters, rates and bars per implementer, a status change with note and evidence, and a CSV export.
//!
//! `<batayan-minutes src lang timeout>`: a meeting's minutes (`batayan.minutes/1`) as a well-set
//! document — the header block, the agenda, each item with its discussion and numbered decisions,
//! implementers as chips, status and deadline badges in words, the footer with memo number, signatory
//! and distribution — with a search that filters the items and marks the hits, an A4 portrait print,
//! and a phone layout. Written straight to the DOM with `web-sys` (no Yew); a cell's markup is drawn
//! from `batayan_core::text`'s allow-list with `createElement` and text nodes, never `innerHTML`.
//!
//! **Invariant:** nothing here panics on what a page or a host gives us; a bad attribute or answer is
//! shown inside the element in the reader's language.

// A build of one element leaves the pieces only the other uses unused.
#![cfg_attr(not(all(feature = "viewer", feature = "edit", feature = "decisions")), allow(dead_code, unused_imports))]

#[cfg(feature = "decisions")]
mod decisions;
mod document;
#[cfg(feature = "edit")]
mod edit;
#[cfg(feature = "viewer")]
mod viewer;

use batayan_web::widget::Widget;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

/// A mounted element, owned by its custom element in JS; the same interface as every Batayan module.
#[wasm_bindgen]
pub struct MountedMinutes {
    widget: Option<Box<dyn Widget>>,
}

impl std::fmt::Debug for MountedMinutes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MountedMinutes").field("mounted", &self.widget.is_some()).finish()
    }
}

#[wasm_bindgen]
impl MountedMinutes {
    /// Re-reads the attributes and redraws, fetching again only if the address changed.
    #[wasm_bindgen(js_name = attributeChanged)]
    pub fn attribute_changed(&mut self) {
        if let Some(widget) = self.widget.as_ref() {
            widget.attribute_changed();
        }
    }

    /// Gives up pending reads, empties the shadow root. Twice does nothing.
    pub fn destroy(&mut self) {
        if let Some(widget) = self.widget.take() {
            widget.destroy();
        }
    }
}

/// `<batayan-minutes>`: the editor for `mode="edit"`, else the viewer (the loader fetches the build that
/// holds the one the element asks for).
fn minutes(host: HtmlElement) -> Result<Box<dyn Widget>, JsValue> {
    let edit = host.get_attribute("mode").is_some_and(|m| m.trim().eq_ignore_ascii_case("edit"));
    #[cfg(feature = "edit")]
    if edit {
        return edit::Editor::mount(host).map(|w| Box::new(w) as Box<dyn Widget>);
    }
    #[cfg(feature = "viewer")]
    if !edit {
        return viewer::Viewer::mount(host).map(|w| Box::new(w) as Box<dyn Widget>);
    }
    let _ = host;
    Err(JsValue::from_str(if edit { "this module has no editor" } else { "this module has no viewer" }))
}

/// Mounts the element for `host`'s tag into its shadow root.
#[wasm_bindgen(js_name = mountElement)]
pub fn mount_element(host: HtmlElement) -> Result<MountedMinutes, JsError> {
    let tag = host.local_name();
    let widget: Result<Box<dyn Widget>, JsValue> = match tag.as_str() {
        "batayan-minutes" => minutes(host),
        #[cfg(feature = "decisions")]
        "batayan-decisions" => decisions::Register::mount(host).map(|w| Box::new(w) as Box<dyn Widget>),
        _ => return Err(JsError::new(&format!("batayan: <{tag}> is not in this module"))),
    };
    let widget = widget.map_err(|e| JsError::new(&format!("batayan: could not mount <{tag}>: {e:?}")))?;
    Ok(MountedMinutes { widget: Some(widget) })
}
