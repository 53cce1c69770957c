//! Fields of a form by their JSON Pointer: a field's element id is `by-field` + its pointer
//! (`by-field/values/1.1.1/quarters/1`), so our findings and a host's 422 errors land on the same
//! field; and the error summary's links, which move focus to a field (an `href="#id"` cannot reach
//! into a shadow root). Shared by every Batayan form.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The id of the element showing the field at JSON Pointer `path`.
pub fn field_id(path: &str) -> String {
    format!("by-field{path}")
}

/// The element with `id` inside `root` (ids hold `/`, so not `#id`).
pub fn by_id(root: &Element, id: &str) -> Option<Element> {
    root.query_selector(&format!("[id=\"{id}\"]")).ok().flatten()
}

/// Moves focus to the element with `id` in `root`; false if it is not on screen.
pub fn focus_by_id(root: &Element, id: &str) -> bool {
    match by_id(root, id).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        Some(element) => {
            let _ = element.focus();
            true
        }
        None => false,
    }
}

/// A summary link (`data-focus`, and `data-page` for a form of several pages of rows) was followed:
/// focus its field, showing its page first (`show_page`) if it is not on screen. False if the event
/// was not on a summary link.
pub fn follow_summary_link(root: &Element, event: &web_sys::Event, show_page: impl FnOnce(usize)) -> bool {
    let Some(link) = crate::dom::event_element(event).and_then(|e| e.closest("[data-focus]").ok().flatten()) else { return false };
    event.prevent_default();
    let Some(id) = link.get_attribute("data-focus") else { return true };
    if !focus_by_id(root, &id)
        && let Some(page) = link.get_attribute("data-page").and_then(|p| p.parse().ok())
    {
        show_page(page);
        focus_by_id(root, &id);
    }
    true
}
