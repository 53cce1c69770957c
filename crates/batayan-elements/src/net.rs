//! Fetching the host's JSON: one function, and every failure a message a person can act on.

use batayan_core::contract::ErrorBody;
use batayan_core::locale::Message;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Request, RequestCredentials, RequestInit, Response};

fn unreachable_host(url: &str) -> Message {
    Message::new(
        format!("“{url}” থেকে তথ্য আনা যায়নি। ইন্টারনেট সংযোগ দেখে পাতাটি আবার লোড করুন।"),
        format!("Could not fetch “{url}”. Check the connection and reload the page."),
    )
}

/// GETs `url` (same-origin credentials, as a portal's own pages would) and reads its JSON body as `T`.
/// A 4xx/5xx answer in the contract's error shape gives its first message.
pub(crate) async fn get_json<T: DeserializeOwned>(url: &str) -> Result<T, Message> {
    fetch_json(url, false).await?.ok_or_else(|| unreachable_host(url))
}

/// Like [`get_json`], but a 404 is "nothing yet" (`None`), not an error: a report address before the
/// first report is submitted.
pub(crate) async fn get_json_or_none<T: DeserializeOwned>(url: &str) -> Result<Option<T>, Message> {
    fetch_json(url, true).await
}

async fn fetch_json<T: DeserializeOwned>(url: &str, absent_is_none: bool) -> Result<Option<T>, Message> {
    let window = web_sys::window().ok_or_else(|| unreachable_host(url))?;
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_credentials(RequestCredentials::SameOrigin);
    let request = Request::new_with_str_and_init(url, &init).map_err(|_| unreachable_host(url))?;
    let _ = request.headers().set("Accept", "application/json");
    let answer: JsValue = JsFuture::from(window.fetch_with_request(&request)).await.map_err(|_| unreachable_host(url))?;
    let response: Response = answer.dyn_into().map_err(|_| unreachable_host(url))?;
    let body = match response.json() {
        Ok(promise) => JsFuture::from(promise).await.ok(),
        Err(_) => None,
    };
    if absent_is_none && response.status() == 404 {
        return Ok(None);
    }
    if !response.ok() {
        let status = response.status().to_string();
        let from_host = body
            .and_then(|b| serde_wasm_bindgen::from_value::<ErrorBody>(b).ok())
            .and_then(|e| e.errors.into_iter().next())
            .map(|e| e.message());
        return Err(from_host.unwrap_or_else(|| {
            Message::new(
                format!("“{url}” উত্তর দিয়েছে {}: তথ্য পাওয়া যায়নি।", batayan_core::locale::to_bangla_digits(&status)),
                format!("“{url}” answered {status}: no data."),
            )
        }));
    }
    let body = body.ok_or_else(|| {
        Message::new(format!("“{url}”-এর উত্তর JSON নয়।"), format!("The answer from “{url}” is not JSON."))
    })?;
    serde_wasm_bindgen::from_value(body).map(Some).map_err(|e| {
        Message::new(
            format!("“{url}”-এর তথ্য পড়া যায়নি: {e}"),
            format!("The data from “{url}” could not be read: {e}"),
        )
    })
}
