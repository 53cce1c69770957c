//! The split trial's one module (see `run.sh`): the APA view and the report form in one Wasm, each
//! behind a split point, so that `wasm-split-cli` moves each into a chunk fetched on first use.
use wasm_bindgen::prelude::*;
use wasm_split_helpers::wasm_split;
use web_sys::HtmlElement;

#[wasm_split(view)]
fn mount_view(host: HtmlElement) -> Result<JsValue, JsValue> {
    batayan_view::mount_element(host).map(JsValue::from).map_err(JsValue::from)
}

#[wasm_split(forms)]
fn mount_form(host: HtmlElement) -> Result<JsValue, JsValue> {
    batayan_elements::mount_element(host).map(JsValue::from).map_err(JsValue::from)
}

/// The loader's entry point, asynchronous here: the chunk may have to be fetched first.
#[wasm_bindgen(js_name = mountElement)]
pub async fn mount_element(host: HtmlElement) -> Result<JsValue, JsValue> {
    match host.get_attribute("mode").as_deref() {
        Some("report") => mount_form(host).await,
        _ => mount_view(host).await,
    }
}
