//! A few words for building DOM by hand: an element with a class, some text, a child, and the two
//! pieces every read-only view shows (an error box, a bar). Each word is one or two calls across the
//! Wasm boundary, which is what makes a hand-written view cheap; nothing is diffed.

use batayan_core::locale::{Lang, Message, format_fixed};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};

const SVG: &str = "http://www.w3.org/2000/svg";

/// The document the view builds in (the host element's own: the element may live in an iframe).
#[derive(Clone, Debug)]
pub struct Dom {
    document: Document,
}

impl Dom {
    pub fn new(document: Document) -> Dom {
        Dom { document }
    }

    /// `<tag class="class">`; an empty class adds no attribute.
    pub fn el(&self, tag: &str, class: &str) -> Result<Element, JsValue> {
        let element = self.document.create_element(tag)?;
        if !class.is_empty() {
            element.set_class_name(class);
        }
        Ok(element)
    }

    /// `<tag class="class">text</tag>`.
    pub fn text(&self, tag: &str, class: &str, text: &str) -> Result<Element, JsValue> {
        let element = self.el(tag, class)?;
        element.set_text_content(Some(text));
        Ok(element)
    }

    /// An empty text node: a place in a template row that a copy of the row fills with text (the view's
    /// `fill_rows` writes each copy's empty text nodes in order).
    pub fn empty_text(&self) -> web_sys::Node {
        self.document.create_text_node("").into()
    }

    /// A string from data, isolated from the text around it: a right-to-left override (U+202E) inside
    /// it cannot reorder what follows. Every data string shown inline with our own text goes through it.
    pub fn bdi(&self, text: &str) -> Result<Element, JsValue> {
        self.text("bdi", "", text)
    }

    /// An SVG element: `createElement` would make an unknown HTML element that draws nothing.
    pub fn svg(&self, tag: &str, class: &str, attributes: &[(&str, &str)]) -> Result<Element, JsValue> {
        let element = self.document.create_element_ns(Some(SVG), tag)?;
        if !class.is_empty() {
            element.set_attribute("class", class)?;
        }
        set_all(&element, attributes)?;
        Ok(element)
    }
}

/// Sets every `(name, value)`.
pub fn set_all(element: &Element, attributes: &[(&str, &str)]) -> Result<(), JsValue> {
    for (name, value) in attributes {
        element.set_attribute(name, value)?;
    }
    Ok(())
}

/// Appends `child` to `parent`.
pub fn add(parent: &Element, child: &Element) -> Result<(), JsValue> {
    parent.append_child(child).map(drop)
}

/// Appends `child` and hands back `parent`, so that small trees read top-down.
pub fn with(parent: Element, children: &[&Element]) -> Result<Element, JsValue> {
    for child in children {
        add(&parent, child)?;
    }
    Ok(parent)
}

/// `role="alert"` so that a screen reader announces the error when it appears; the visible "ত্রুটি:" /
/// "Error:" prefix tells sighted and colour-blind readers alike that this is an error, not content.
pub fn error_box(dom: &Dom, message: &Message, lang: Lang) -> Result<Element, JsValue> {
    let alert = dom.el("div", "by-error")?;
    alert.set_attribute("role", "alert")?;
    with(alert, &[&dom.text("strong", "by-error__label", lang.pick("ত্রুটি: ", "Error: "))?, &dom.text("span", "by-error__text", message.get(lang))?])
}

/// A labelled stretch of a bar, as fractions of its width (the quarters of a year). Labels are laid out
/// in equal columns (no inline `style`: a strict `style-src` blocks style attributes).
#[derive(Clone, Debug)]
pub struct Segment {
    pub from: f64,
    pub label: String,
}

/// A horizontal bar in inline SVG — a value against optional segments — exposed as
/// `role="progressbar"` with its value in words; the picture is hidden from assistive technology. No
/// chart library: a few rectangles are all a reader needs, and they print.
pub fn progress_bar(dom: &Dom, fraction: f64, value_text: &str, label: &str, segments: &[Segment]) -> Result<Element, JsValue> {
    let fraction = if fraction.is_finite() { fraction.clamp(0.0, 1.0) } else { 0.0 };
    let percent = format_fixed(fraction * 100.0, 0, Lang::En);
    let bar = dom.el("div", "by-progress")?;
    set_all(
        &bar,
        &[
            ("role", "progressbar"),
            ("aria-label", label),
            ("aria-valuemin", "0"),
            ("aria-valuemax", "100"),
            ("aria-valuenow", &percent),
            ("aria-valuetext", value_text),
        ],
    )?;
    let picture =
        dom.svg("svg", "by-progress__bar", &[("viewBox", "0 0 100 10"), ("preserveAspectRatio", "none"), ("aria-hidden", "true"), ("focusable", "false")])?;
    add(&picture, &dom.svg("rect", "by-progress__track", &[("x", "0"), ("y", "0"), ("width", "100"), ("height", "10")])?)?;
    add(
        &picture,
        &dom.svg("rect", "by-progress__fill", &[("x", "0"), ("y", "0"), ("width", &format_fixed(fraction * 100.0, 2, Lang::En)), ("height", "10")])?,
    )?;
    for segment in segments.iter().skip(1) {
        let x = format_fixed(segment.from.clamp(0.0, 1.0) * 100.0, 2, Lang::En);
        add(&picture, &dom.svg("line", "by-progress__tick", &[("x1", &x), ("x2", &x), ("y1", "0"), ("y2", "10")])?)?;
    }
    add(&bar, &picture)?;
    if !segments.is_empty() {
        let labels = dom.el("ol", "by-progress__labels")?;
        labels.set_attribute("aria-hidden", "true")?;
        for segment in segments {
            add(&labels, &dom.text("li", "", &segment.label)?)?;
        }
        add(&bar, &labels)?;
    }
    Ok(bar)
}

/// Event listeners a hand-written widget put on its root: each closure is kept alive while listening
/// and removed and freed together (on destroy, or when dropped), so that no closure outlives the widget.
#[derive(Debug)]
pub struct Listeners {
    target: Element,
    kept: Vec<(&'static str, Handler)>,
}

/// A listener's closure, as JS holds it.
type Handler = wasm_bindgen::closure::Closure<dyn FnMut(web_sys::Event)>;

impl Listeners {
    pub fn new(target: Element) -> Listeners {
        Listeners { target, kept: Vec::new() }
    }

    /// Calls `handler` for every `event` inside the target (bubbling, or focus events in capture).
    pub fn on(&mut self, event: &'static str, handler: impl FnMut(web_sys::Event) + 'static) -> Result<(), JsValue> {
        let closure = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(handler);
        self.target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())?;
        self.kept.push((event, closure));
        Ok(())
    }

    /// Removes and frees every listener.
    pub fn clear(&mut self) {
        for (event, closure) in self.kept.drain(..) {
            let _ = self.target.remove_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
        }
    }
}

impl Drop for Listeners {
    fn drop(&mut self) {
        self.clear();
    }
}

/// The element that `event` happened on, if it is an element.
pub fn event_element(event: &web_sys::Event) -> Option<Element> {
    event.target()?.dyn_into::<Element>().ok()
}
