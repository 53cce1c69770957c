//! The elements this module mounts (the APA table's forms), and how their props are read from attributes.

use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;
use yew::{AppHandle, BaseComponent, Renderer};

use crate::apa::{ApaMode, ApaTableElement, ApaTableElementProps};
use batayan_web::attributes;
use batayan_web::shadow::{clear, prepare_root};

/// A mounted widget, owned by its custom element in JS.
#[wasm_bindgen]
#[derive(Debug)]
pub struct MountedElement {
    app: Option<Box<dyn Mounted>>,
}

#[wasm_bindgen]
impl MountedElement {
    /// Re-reads the attributes and updates the widget; Yew re-renders only what the new props change.
    #[wasm_bindgen(js_name = attributeChanged)]
    pub fn attribute_changed(&mut self) {
        if let Some(app) = self.app.as_mut() {
            app.refresh();
        }
    }

    /// Unmounts the widget and empties the shadow root. Calling it twice does nothing.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// What every mounted widget can do, whatever its component.
trait Mounted: std::fmt::Debug {
    fn refresh(&mut self);
    fn destroy(self: Box<Self>);
}

/// A Yew app in a host element, with the function that reads its props from the attributes.
struct YewElement<C: BaseComponent> {
    host: HtmlElement,
    handle: AppHandle<C>,
    read_props: fn(&HtmlElement) -> C::Properties,
}

impl<C: BaseComponent> std::fmt::Debug for YewElement<C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("YewElement").field("host", &self.host.local_name()).finish_non_exhaustive()
    }
}

impl<C: BaseComponent> Mounted for YewElement<C> {
    fn refresh(&mut self) {
        self.handle.update((self.read_props)(&self.host));
    }

    fn destroy(self: Box<Self>) {
        self.handle.destroy();
        if let Some(shadow) = self.host.shadow_root() {
            // Nothing useful can be done if the DOM refuses; the element is leaving the page anyway.
            let _ = clear(&shadow);
        }
    }
}

fn mount_yew<C: BaseComponent>(host: HtmlElement, read_props: fn(&HtmlElement) -> C::Properties) -> Result<Box<dyn Mounted>, JsValue> {
    let root = prepare_root(&host, batayan_web::APA_STYLES)?;
    let handle = Renderer::<C>::with_root_and_props(root, read_props(&host)).render();
    Ok(Box::new(YewElement { host, handle, read_props }))
}

pub(crate) fn mount(host: HtmlElement) -> Result<MountedElement, JsError> {
    let tag = host.local_name();
    let app = match tag.as_str() {
        "batayan-apa-table" => mount_yew::<ApaTableElement>(host, apa_table_props),
        _ => return Err(JsError::new(&format!("batayan: <{tag}> is not one of our elements"))),
    };
    let app = app.map_err(|e| JsError::new(&format!("batayan: could not mount <{tag}>: {e:?}")))?;
    Ok(MountedElement { app: Some(app) })
}

fn apa_table_props(host: &HtmlElement) -> ApaTableElementProps {
    ApaTableElementProps {
        host: host.clone(),
        src: attributes::text(host, "src").map(Into::into),
        report_src: attributes::text(host, "report-src").map(Into::into),
        submit_url: attributes::text(host, "submit-url").map(Into::into),
        mode: ApaMode::parse(attributes::text(host, "mode").as_deref()),
        period: attributes::text(host, "period").map(Into::into),
        timeout_ms: batayan_core::contract::request_timeout_ms(attributes::text(host, "timeout").as_deref()),
        lang: attributes::language(host),
    }
}
