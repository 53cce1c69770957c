//! `<batayan-fiscal-year date lang>`: one date shown the ways an office reads it — weekday and
//! Gregorian date, the Bangla calendar date, the fiscal year and quarter — with a bar of how far the
//! fiscal year has run. No `date` means today.
//!
//! A module of its own, written straight to the DOM: it reads no JSON and needs no Yew, so a page that
//! shows only dates downloads a few dozen KiB, not the APA table's or the forms' code.
//!
//! **Invariant:** nothing here panics on what a page gives us; a date that cannot be read is shown
//! inside the element, in the reader's language, as an announced error.

mod card;

use batayan_web::attributes;
use batayan_web::dom::Dom;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};

/// A mounted card, owned by its custom element in JS; the same interface as the other modules'.
#[wasm_bindgen]
#[derive(Debug)]
pub struct MountedDates {
    host: HtmlElement,
    root: Option<Element>,
    dom: Dom,
}

#[wasm_bindgen]
impl MountedDates {
    /// Re-reads `date` and `lang` and draws the card again (it is a few elements).
    #[wasm_bindgen(js_name = attributeChanged)]
    pub fn attribute_changed(&mut self) {
        if let Some(root) = &self.root {
            draw(&self.dom, &self.host, root);
        }
    }

    /// Empties the shadow root. Calling it twice does nothing.
    pub fn destroy(&mut self) {
        if self.root.take().is_some()
            && let Some(shadow) = self.host.shadow_root()
        {
            // Nothing useful can be done if the DOM refuses; the element is leaving the page anyway.
            let _ = batayan_web::shadow::clear(&shadow);
        }
    }
}

/// Mounts the card into `host`'s shadow root.
#[wasm_bindgen(js_name = mountElement)]
pub fn mount_element(host: HtmlElement) -> Result<MountedDates, JsError> {
    let tag = host.local_name();
    if tag != "batayan-fiscal-year" {
        return Err(JsError::new(&format!("batayan: <{tag}> is not in the dates module")));
    }
    let fail = |e: JsValue| JsError::new(&format!("batayan: could not mount <{tag}>: {e:?}"));
    let root = batayan_web::shadow::prepare_root(&host, batayan_web::BASE_STYLES).map_err(fail)?;
    let document = host.owner_document().ok_or_else(|| JsError::new("batayan: the element has no document"))?;
    let dom = Dom::new(document);
    draw(&dom, &host, &root);
    Ok(MountedDates { host, root: Some(root), dom })
}

fn draw(dom: &Dom, host: &HtmlElement, root: &Element) {
    let lang = attributes::language(host);
    let date = attributes::text(host, "date");
    let drawn = card::render(dom, date.as_deref(), batayan_web::today(), lang);
    if let Ok(content) = drawn {
        root.replace_children_with_node_1(&content);
    }
}
