//! The element's shadow root: our styles in, the host page's selectors out.
//!
//! Styles go in as a constructed stylesheet adopted by the shadow root: it is the one way besides a
//! `<link>` that a strict `style-src 'self'` allows (a `<style>` element made at run time is blocked).
//! One stylesheet object is shared by every element on the page.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

thread_local! {
    static SHARED_SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

fn shared_sheet(css: &'static str) -> Result<CssStyleSheet, JsValue> {
    SHARED_SHEET.with(|cell| {
        if let Some(sheet) = cell.borrow().as_ref() {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(css)?;
        *cell.borrow_mut() = Some(sheet.clone());
        Ok(sheet)
    })
}

/// The host's open shadow root, attached on first use and emptied on later mounts (an element that is
/// moved in the page is disconnected and connected again), with the module's stylesheet `css` adopted
/// (one of [`crate::BASE_STYLES`], [`crate::APA_STYLES`], [`crate::INNOVATION_STYLES`]: a module always
/// passes the same one), and a fresh `<div>` inside to render into.
pub fn prepare_root(host: &HtmlElement, css: &'static str) -> Result<Element, JsValue> {
    let shadow: ShadowRoot = match host.shadow_root() {
        Some(root) => root,
        None => {
            let init = ShadowRootInit::new(ShadowRootMode::Open);
            host.attach_shadow(&init)?
        }
    };
    clear(&shadow)?;
    let sheet: JsValue = shared_sheet(css)?.into();
    let sheets = js_sys::Array::of1(&sheet);
    shadow.set_adopted_style_sheets(&sheets);
    let document = host.owner_document().ok_or_else(|| JsValue::from_str("the element has no document"))?;
    let root = document.create_element("div")?;
    root.set_class_name("by-root");
    shadow.append_child(&root)?;
    Ok(root.unchecked_into())
}

/// Removes every child. Not `innerHTML = ""`: under `require-trusted-types-for 'script'` a string
/// assigned to `innerHTML` throws, even an empty one.
pub fn clear(root: &ShadowRoot) -> Result<(), JsValue> {
    while let Some(child) = root.first_child() {
        root.remove_child(&child)?;
    }
    Ok(())
}
