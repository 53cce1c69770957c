//! Talking to the host: one request function for every read and write, and every failure a message a
//! person can act on.

use batayan_core::contract::{ErrorBody, FieldError};
use batayan_core::locale::{Message, to_bangla_digits};
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Request, RequestCredentials, RequestInit, Response};

/// What the host answered: the status, and the body if it was JSON.
pub(crate) struct Answer {
    pub status: u16,
    pub body: Option<JsValue>,
}

impl Answer {
    pub(crate) fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The contract's field errors (`{"errors":[…]}`), if the body has them.
    pub(crate) fn errors(&self) -> Vec<FieldError> {
        let body = self.body.clone().unwrap_or(JsValue::NULL);
        serde_wasm_bindgen::from_value::<ErrorBody>(body).map(|b| b.errors).unwrap_or_default()
    }

    /// "“url” answered 503: …", for an answer that is neither success nor in the error shape.
    pub(crate) fn status_message(&self, url: &str, bn_outcome: &str, en_outcome: &str) -> Message {
        let code = self.status.to_string();
        Message::new(
            format!("“{url}” উত্তর দিয়েছে {}: {bn_outcome}", to_bangla_digits(&code)),
            format!("“{url}” answered {code}: {en_outcome}"),
        )
    }
}

/// Sends one request (same-origin credentials, as a portal's own pages would; JSON accepted) and
/// reads the answer. `None` when nothing came back: offline, a refused connection, a bad URL.
pub(crate) async fn request(method: &str, url: &str, body: Option<&str>, headers: &[(&str, &str)]) -> Option<Answer> {
    let window = web_sys::window()?;
    let init = RequestInit::new();
    init.set_method(method);
    init.set_credentials(RequestCredentials::SameOrigin);
    if let Some(body) = body {
        init.set_body(&JsValue::from_str(body));
    }
    let request = Request::new_with_str_and_init(url, &init).ok()?;
    let _ = request.headers().set("Accept", "application/json");
    for (name, value) in headers {
        let _ = request.headers().set(name, value);
    }
    let response: Response = JsFuture::from(window.fetch_with_request(&request)).await.ok()?.dyn_into().ok()?;
    let body = match response.json() {
        Ok(promise) => JsFuture::from(promise).await.ok(),
        Err(_) => None,
    };
    Some(Answer { status: response.status(), body })
}

fn unreachable_host(url: &str) -> Message {
    Message::new(
        format!("“{url}” থেকে তথ্য আনা যায়নি। ইন্টারনেট সংযোগ দেখে পাতাটি আবার লোড করুন।"),
        format!("Could not fetch “{url}”. Check the connection and reload the page."),
    )
}

/// GETs `url` and reads its JSON body as `T`. A 4xx/5xx answer in the contract's error shape gives its
/// first message.
pub(crate) async fn get_json<T: DeserializeOwned>(url: &str) -> Result<T, Message> {
    fetch_json(url, false).await?.ok_or_else(|| unreachable_host(url))
}

/// Like [`get_json`], but a 404 is "nothing yet" (`None`), not an error: a report address before the
/// first report is submitted.
pub(crate) async fn get_json_or_none<T: DeserializeOwned>(url: &str) -> Result<Option<T>, Message> {
    fetch_json(url, true).await
}

async fn fetch_json<T: DeserializeOwned>(url: &str, absent_is_none: bool) -> Result<Option<T>, Message> {
    let answer = request("GET", url, None, &[]).await.ok_or_else(|| unreachable_host(url))?;
    if absent_is_none && answer.status == 404 {
        return Ok(None);
    }
    if !answer.ok() {
        let from_host = answer.errors().first().map(FieldError::message);
        return Err(from_host.unwrap_or_else(|| answer.status_message(url, "তথ্য পাওয়া যায়নি।", "no data.")));
    }
    let body = answer.body.ok_or_else(|| {
        Message::new(format!("“{url}”-এর উত্তর JSON নয়।"), format!("The answer from “{url}” is not JSON."))
    })?;
    serde_wasm_bindgen::from_value(body).map(Some).map_err(|e| {
        Message::new(
            format!("“{url}”-এর তথ্য পড়া যায়নি: {e}"),
            format!("The data from “{url}” could not be read: {e}"),
        )
    })
}
