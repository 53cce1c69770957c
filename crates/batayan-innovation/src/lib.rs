//! The innovation showcase's elements, written straight to the DOM with `web-sys` (no Yew: a form of
//! forty fields and a gallery need a few hundred lines of DOM, not a framework's 77 KiB):
//!
//! - `<batayan-innovation-entry>` (`entry.rs`): fill → review → submit, the draft kept from the first
//!   keystroke, the TCV shown live as numbers and bars;
//! - `<batayan-innovation-judging>` (`judging.rs`): a judge's queue, one entry at a time, the running
//!   weighted total, save & next, abstain with a reason;
//! - `<batayan-innovation-showcase>` (`showcase.rs`): the public gallery with filters and search, ranks
//!   only once the host has published them.
//!
//! Each is its own module (a cargo feature per build), so a citizen's showcase page never loads a form.
//! The rules (reading the form, TCV, scoring a sheet) are `batayan_core::innovation`'s; the draft and
//! the submission are `batayan_web`'s, the same path as the APA forms.
//!
//! **Invariant:** nothing here panics on what a page, a person or a host gives us; a bad attribute or
//! answer is shown inside the element in the reader's language.

// A build of one element leaves the pieces only the others use unused; the build of all three (tests,
// clippy) still reports real dead code.
#![cfg_attr(not(all(feature = "entry", feature = "judging", feature = "showcase")), allow(dead_code, unused_imports))]

#[cfg(feature = "entry")]
mod entry;
#[cfg(any(feature = "entry", feature = "judging"))]
mod form;
#[cfg(feature = "judging")]
mod judging;
#[cfg(feature = "showcase")]
mod showcase;
mod tcv;
mod widget;

use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

/// A mounted element, owned by its custom element in JS; the same interface as every Batayan module.
#[wasm_bindgen]
pub struct MountedInnovation {
    widget: Option<Box<dyn widget::Widget>>,
}

impl std::fmt::Debug for MountedInnovation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MountedInnovation").field("mounted", &self.widget.is_some()).finish()
    }
}

#[wasm_bindgen]
impl MountedInnovation {
    /// Re-reads the attributes and redraws, fetching again only if an address changed.
    #[wasm_bindgen(js_name = attributeChanged)]
    pub fn attribute_changed(&mut self) {
        if let Some(widget) = self.widget.as_ref() {
            widget.attribute_changed();
        }
    }

    /// Keeps what was typed, gives up pending reads, empties the shadow root. Twice does nothing.
    pub fn destroy(&mut self) {
        if let Some(widget) = self.widget.take() {
            widget.destroy();
        }
    }
}

/// Mounts the element for `host`'s tag into its shadow root.
#[wasm_bindgen(js_name = mountElement)]
pub fn mount_element(host: HtmlElement) -> Result<MountedInnovation, JsError> {
    let tag = host.local_name();
    let widget: Result<Box<dyn widget::Widget>, JsValue> = match tag.as_str() {
        #[cfg(feature = "entry")]
        "batayan-innovation-entry" => entry::EntryForm::mount(host).map(|w| Box::new(w) as Box<dyn widget::Widget>),
        #[cfg(feature = "judging")]
        "batayan-innovation-judging" => judging::Judging::mount(host).map(|w| Box::new(w) as Box<dyn widget::Widget>),
        #[cfg(feature = "showcase")]
        "batayan-innovation-showcase" => showcase::Showcase::mount(host).map(|w| Box::new(w) as Box<dyn widget::Widget>),
        _ => return Err(JsError::new(&format!("batayan: <{tag}> is not in this module"))),
    };
    let widget = widget.map_err(|e| JsError::new(&format!("batayan: could not mount <{tag}>: {e:?}")))?;
    Ok(MountedInnovation { widget: Some(widget) })
}
