//! The innovation module's use of the shared element pieces (`batayan_web::widget`): its stylesheet.

use batayan_web::dom::Dom;
use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlElement};

pub(crate) use batayan_web::widget::{Load, Widget, action_of, button, count, empty, flush_on_hide, listen, load_failed, load_json, loading, show, value_of};

/// The host's shadow root prepared with the innovation stylesheet.
pub(crate) fn prepare(host: &HtmlElement) -> Result<(Element, Dom), JsValue> {
    batayan_web::widget::prepare(host, batayan_web::INNOVATION_STYLES)
}
