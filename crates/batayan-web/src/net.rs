//! Talking to the host: one request function for every read and write, and every failure a message a
//! person can act on.

use batayan_core::contract::{ErrorBody, FieldError};
use batayan_core::locale::{Message, to_bangla_digits};
use std::future::Future;
use std::task::Poll;

use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, Request, RequestCredentials, RequestInit, Response};

/// What the host answered: the status, and the body if it was JSON.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub body: Option<JsValue>,
}

impl Answer {
    /// The loader's `{status, body}` (see `take_prefetched`); `body` is `null` when it was not JSON.
    fn from_prefetched(answer: &JsValue) -> Answer {
        let field = |name: &str| js_sys::Reflect::get(answer, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
        let status = field("status").as_f64().map_or(0, |s| s as u16);
        let body = Some(field("body")).filter(|b| !b.is_null() && !b.is_undefined());
        Answer { status, body }
    }

    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The contract's field errors (`{"errors":[…]}`), if the body has them.
    pub fn errors(&self) -> Vec<FieldError> {
        let body = self.body.clone().unwrap_or(JsValue::NULL);
        serde_wasm_bindgen::from_value::<ErrorBody>(body).map(|b| b.errors).unwrap_or_default()
    }

    /// "“url” answered 503: …", for an answer that is neither success nor in the error shape.
    pub fn status_message(&self, url: &str, bn_outcome: &str, en_outcome: &str) -> Message {
        let code = self.status.to_string();
        Message::new(format!("“{url}” উত্তর দিয়েছে {}: {bn_outcome}", to_bangla_digits(&code)), format!("“{url}” answered {code}: {en_outcome}"))
    }
}

/// Why nothing usable came back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoAnswer {
    /// Offline, a refused connection, a bad URL.
    Unreachable,
    /// The host took longer than the widget's timeout (a hung host, a link too slow to use).
    TimedOut { seconds: u32 },
}

impl NoAnswer {
    /// What the person is told.
    pub fn message(self, url: &str) -> Message {
        match self {
            NoAnswer::Unreachable => Message::new(
                format!("“{url}”-এর সঙ্গে যোগাযোগ হয়নি: সংযোগ নেই বা পোর্টাল উত্তর দেয়নি।"),
                format!("Could not reach “{url}”: no connection, or the portal did not answer."),
            ),
            NoAnswer::TimedOut { seconds } => {
                let n = seconds.to_string();
                Message::new(
                    format!("“{url}” {} সেকেন্ডেও উত্তর দেয়নি (পোর্টাল ব্যস্ত বা সংযোগ খুব ধীর)।", to_bangla_digits(&n)),
                    format!("“{url}” did not answer within {n} seconds (the portal is busy, or the connection too slow)."),
                )
            }
        }
    }
}

/// What gives up a widget's reads when it no longer wants them: it left the page, or its `src` changed
/// while the old address hung. Without it the request would live on until its timeout, holding the
/// connection and its timer. Cloning shares it.
#[derive(Clone, Debug)]
pub struct Cancel(AbortController);

impl Cancel {
    /// `None` where the browser has no `AbortController` (every browser we support has one).
    pub fn new() -> Option<Cancel> {
        AbortController::new().ok().map(Cancel)
    }

    /// Aborts every request made with it, now and later.
    pub fn cancel(&self) {
        self.0.abort();
    }
}

/// Whether the browser can join two abort signals into one (`AbortSignal.any`).
fn can_join_signals() -> bool {
    let constructor = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("AbortSignal")).unwrap_or(JsValue::UNDEFINED);
    !constructor.is_undefined() && js_sys::Reflect::has(&constructor, &JsValue::from_str("any")).unwrap_or(false)
}

/// Sends one request (same-origin credentials, as a portal's own pages would; JSON accepted) and
/// reads the answer, giving up after `timeout_ms`: the abort covers the body as well as the headers,
/// so a host that sends its headers and then hangs cannot leave the widget waiting for ever.
/// A `cancel` given ends it early ([`Cancel`]).
pub async fn request(
    method: &str,
    url: &str,
    body: Option<&str>,
    headers: &[(&str, &str)],
    timeout_ms: u32,
    cancel: Option<&Cancel>,
) -> Result<Answer, NoAnswer> {
    let timed_out = NoAnswer::TimedOut { seconds: timeout_ms.div_ceil(1000) };
    let window = web_sys::window().ok_or(NoAnswer::Unreachable)?;
    let timeout = AbortSignal::timeout_with_u32(timeout_ms);
    let signal = match cancel {
        Some(cancel) if can_join_signals() => AbortSignal::any(&js_sys::Array::of2(&timeout, &cancel.0.signal())),
        // A browser without `AbortSignal.any` (before Chrome 116, Safari 17.4) keeps the timeout: the
        // request still ends, at the latest when the widget's wait does.
        _ => timeout,
    };
    let init = RequestInit::new();
    init.set_method(method);
    init.set_credentials(RequestCredentials::SameOrigin);
    init.set_signal(Some(&signal));
    if let Some(body) = body {
        init.set_body(&JsValue::from_str(body));
    }
    let request = Request::new_with_str_and_init(url, &init).map_err(|_| NoAnswer::Unreachable)?;
    let _ = request.headers().set("Accept", "application/json");
    for (name, value) in headers {
        let _ = request.headers().set(name, value);
    }
    let failed = |_| if signal.aborted() { timed_out } else { NoAnswer::Unreachable };
    // A document the loader fetched while this module compiled: its answer, if it came.
    if method == "GET"
        && headers.is_empty()
        && let Some(answer) = take_prefetched(&request.url(), &signal)
    {
        match JsFuture::from(answer).await {
            Ok(answer) => return Ok(Answer::from_prefetched(&answer)),
            Err(_) if signal.aborted() => return Err(timed_out),
            // The loader's request failed (a network error): the widget's own tries once more.
            Err(_) => {}
        }
    }
    let response: Response = JsFuture::from(window.fetch_with_request(&request)).await.map_err(failed)?.dyn_into().map_err(|_| NoAnswer::Unreachable)?;
    let body = match response.json() {
        Ok(promise) => match JsFuture::from(promise).await {
            Ok(json) => Some(json),
            // A body cut off by the timeout is no answer; one that is not JSON is an answer without a body.
            Err(_) if signal.aborted() => return Err(timed_out),
            Err(_) => None,
        },
        Err(_) => None,
    };
    Ok(Answer { status: response.status(), body })
}

/// GETs `url` and reads its JSON body as `T`. A 4xx/5xx answer in the contract's error shape gives its
/// first message.
pub async fn get_json<T: DeserializeOwned>(url: &str, timeout_ms: u32, cancel: Option<&Cancel>) -> Result<T, Message> {
    fetch_json(url, false, timeout_ms, cancel).await?.ok_or_else(|| NoAnswer::Unreachable.message(url))
}

/// Like [`get_json`], but a 404 is "nothing yet" (`None`), not an error: a report address before the
/// first report is submitted.
pub async fn get_json_or_none<T: DeserializeOwned>(url: &str, timeout_ms: u32, cancel: Option<&Cancel>) -> Result<Option<T>, Message> {
    fetch_json(url, true, timeout_ms, cancel).await
}

/// GETs `url` and, at the same time, `optional_url` if given (a 404 there is `None`, as in
/// [`get_json_or_none`]): a document and the one that goes with it (an agreement and its last report)
/// arrive together, as from a hand-written page, the second not waiting for the first.
pub async fn get_json_with<T: DeserializeOwned, U: DeserializeOwned>(
    url: &str,
    optional_url: Option<&str>,
    timeout_ms: u32,
    cancel: Option<&Cancel>,
) -> Result<(T, Option<U>), Message> {
    let optional = async {
        match optional_url {
            Some(url) => get_json_or_none::<U>(url, timeout_ms, cancel).await,
            None => Ok(None),
        }
    };
    let (first, second) = both(get_json::<T>(url, timeout_ms, cancel), optional).await;
    Ok((first?, second?))
}

/// Runs two futures at once and waits for both (`futures::join` without the crate).
pub async fn both<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    let (mut a, mut b) = (Box::pin(a), Box::pin(b));
    let (mut first, mut second) = (None, None);
    std::future::poll_fn(move |cx| {
        if first.is_none()
            && let Poll::Ready(value) = a.as_mut().poll(cx)
        {
            first = Some(value);
        }
        if second.is_none()
            && let Poll::Ready(value) = b.as_mut().poll(cx)
        {
            second = Some(value);
        }
        match (first.take(), second.take()) {
            (Some(x), Some(y)) => Poll::Ready((x, y)),
            (x, y) => {
                (first, second) = (x, y);
                Poll::Pending
            }
        }
    })
    .await
}

async fn fetch_json<T: DeserializeOwned>(url: &str, absent_is_none: bool, timeout_ms: u32, cancel: Option<&Cancel>) -> Result<Option<T>, Message> {
    let answer = request("GET", url, None, &[], timeout_ms, cancel).await.map_err(|no| no.message(url))?;
    if absent_is_none && answer.status == 404 {
        return Ok(None);
    }
    if !answer.ok() {
        let from_host = answer.errors().first().map(FieldError::message);
        return Err(from_host.unwrap_or_else(|| answer.status_message(url, "তথ্য পাওয়া যায়নি।", "no data.")));
    }
    let body = answer.body.ok_or_else(|| Message::new(format!("“{url}”-এর উত্তর JSON নয়।"), format!("The answer from “{url}” is not JSON.")))?;
    serde_wasm_bindgen::from_value(body)
        .map(Some)
        .map_err(|e| Message::new(format!("“{url}”-এর তথ্য পড়া যায়নি: {e}"), format!("The data from “{url}” could not be read: {e}")))
}

/// The loader's answer for `url`, fetched and parsed while the module compiled (`batayan.js`,
/// `prefetch`), taken once: the entry goes from the loader's map, and `signal` (the request's timeout
/// and cancel) now ends the loader's request too. `None` when the loader fetched nothing for `url` (a
/// later load, "try again", an address the page set after the element connected).
fn take_prefetched(url: &str, signal: &AbortSignal) -> Option<js_sys::Promise> {
    let key = JsValue::from(js_sys::Symbol::for_("batayan.prefetched"));
    let map = js_sys::Reflect::get(&js_sys::global(), &key).ok()?.dyn_into::<js_sys::Map>().ok()?;
    let url = JsValue::from_str(url);
    let entry = map.get(&url);
    if entry.is_undefined() {
        return None;
    }
    map.delete(&url);
    let take = js_sys::Reflect::get(&entry, &JsValue::from_str("take")).ok()?.dyn_into::<js_sys::Function>().ok()?;
    take.call1(&entry, signal).ok()?.dyn_into::<js_sys::Promise>().ok()
}

/// A widget's loads, numbered: starting one makes every earlier one stale (its answer is dropped when it
/// comes) and gives up its requests. The `src` changed while the old address hung, "try again" was
/// pressed, or the widget left the page: only the latest load may draw.
#[derive(Debug, Default)]
pub struct Loads {
    latest: std::cell::Cell<u32>,
    cancel: std::cell::RefCell<Option<Cancel>>,
}

impl Loads {
    /// A new load: its number (for [`Loads::is_latest`] when it answers) and what gives up its requests.
    pub fn start(&self) -> (u32, Option<Cancel>) {
        let number = self.latest.get().wrapping_add(1);
        self.latest.set(number);
        let cancel = Cancel::new();
        if let Some(previous) = self.cancel.replace(cancel.clone()) {
            previous.cancel();
        }
        (number, cancel)
    }

    /// Whether load `number` is still the one wanted.
    pub fn is_latest(&self, number: u32) -> bool {
        self.latest.get() == number
    }

    /// No load is wanted any more (the widget leaves): the latest becomes stale and is given up.
    pub fn stop(&self) {
        self.latest.set(self.latest.get().wrapping_add(1));
        if let Some(cancel) = self.cancel.take() {
            cancel.cancel();
        }
    }
}
