//! A few words for building DOM by hand: an element with a class, some text, a child. Each is one or two
//! calls across the Wasm boundary, which is what makes a hand-written view cheap; nothing is diffed.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};

const SVG: &str = "http://www.w3.org/2000/svg";

/// The document the view builds in (the host element's own: the element may live in an iframe).
#[derive(Clone, Debug)]
pub(crate) struct Dom {
    document: Document,
}

impl Dom {
    pub(crate) fn new(document: Document) -> Dom {
        Dom { document }
    }

    /// `<tag class="class">`; an empty class adds no attribute.
    pub(crate) fn el(&self, tag: &str, class: &str) -> Result<Element, JsValue> {
        let element = self.document.create_element(tag)?;
        if !class.is_empty() {
            element.set_class_name(class);
        }
        Ok(element)
    }

    /// `<tag class="class">text</tag>`.
    pub(crate) fn text(&self, tag: &str, class: &str, text: &str) -> Result<Element, JsValue> {
        let element = self.el(tag, class)?;
        element.set_text_content(Some(text));
        Ok(element)
    }

    /// A string from data, isolated from the text around it: a right-to-left override (U+202E) inside
    /// it cannot reorder what follows. Every data string shown inline with our own text goes through it.
    pub(crate) fn bdi(&self, text: &str) -> Result<Element, JsValue> {
        self.text("bdi", "", text)
    }

    /// An SVG element: `createElement` would make an unknown HTML element that draws nothing.
    pub(crate) fn svg(&self, tag: &str, class: &str, attributes: &[(&str, &str)]) -> Result<Element, JsValue> {
        let element = self.document.create_element_ns(Some(SVG), tag)?;
        if !class.is_empty() {
            element.set_attribute("class", class)?;
        }
        set_all(&element, attributes)?;
        Ok(element)
    }
}

/// Sets every `(name, value)`.
pub(crate) fn set_all(element: &Element, attributes: &[(&str, &str)]) -> Result<(), JsValue> {
    for (name, value) in attributes {
        element.set_attribute(name, value)?;
    }
    Ok(())
}

/// Appends `child` to `parent`.
pub(crate) fn add(parent: &Element, child: &Element) -> Result<(), JsValue> {
    parent.append_child(child).map(drop)
}

/// Appends `child` and hands back `parent`, so that small trees read top-down.
pub(crate) fn with(parent: Element, children: &[&Element]) -> Result<Element, JsValue> {
    for child in children {
        add(&parent, child)?;
    }
    Ok(parent)
}

/// The element after `element` among its siblings, or an error naming what the template lacked (a
/// template we built ourselves always has it; the error only keeps a mistake from being a panic).
pub(crate) fn next(element: &Element) -> Result<Element, JsValue> {
    element.next_element_sibling().ok_or_else(|| JsValue::from_str("batayan: a row template lacks a cell"))
}

/// A deep copy of a template element.
pub(crate) fn clone_deep(template: &Element) -> Result<Element, JsValue> {
    template.clone_node_with_deep(true)?.dyn_into::<Element>().map_err(|_| JsValue::from_str("batayan: a copied template is not an element"))
}
