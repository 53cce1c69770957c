//! Sending a document to the host: one path for every widget's form, which calls [`submit`] and
//! shows the [`Submission`] it answers with.
//!
//! POST or PUT with the page's CSRF token (`<meta name="csrf-token">`) and an `Idempotency-Key` that
//! stays the same while the document does, so that pressing submit again after a lost answer never
//! stores twice. The key is kept in localStorage beside the draft (see [`crate::draft::sent_key`]),
//! written before the request leaves, so a reload, a crash or a second tab with the same draft
//! retries under the same key; it goes with the draft on a 2xx. A host that does not answer within
//! the widget's timeout is a failure like a dropped connection: the draft stays, the button is free.
//! The answer becomes a [`Submission`] the form shows, and an event the page can hear:
//! `batayan:submitted` (`detail: {status, response}`) or `batayan:error` (`detail: {status, errors}`),
//! both bubbling out of the shadow root. The draft is cleared only on a 2xx.
//!
//! A page can take a submission over: before anything is sent the element dispatches a cancelable
//! `batayan:submit` (`detail: {document, url, method, idempotencyKey, respond}`). If the page calls
//! `preventDefault()`, nothing is sent; the page sends the document its own way and passes the host's
//! answer to `detail.respond(status, body)`, which the widget takes as if it had sent it (a 2xx clears
//! the draft, field errors land on their fields). An answer not given within the element's timeout
//! is a failure like a hung host: the draft stays, the button is free.

use std::rc::Rc;

use batayan_core::contract::FieldError;
use batayan_core::locale::Message;
use serde::Serialize;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen::closure::Closure;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// Where the last submission stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Submission {
    /// Nothing sent since the page opened (or since the last edit after an answer).
    #[default]
    Idle,
    Sending,
    /// The host stored it; its warnings come with the answer.
    Accepted {
        warnings: Vec<FieldError>,
    },
    /// The host refused it (4xx), each error on the field its `path` names.
    Refused(Vec<FieldError>),
    /// No usable answer (offline, timeout, 5xx): nothing was stored and the draft is kept.
    Failed(Message),
}

/// Where and how a widget submits.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    pub host: HtmlElement,
    pub method: &'static str,
    pub url: Option<String>,
    /// The localStorage key of the draft to clear once the host has it.
    pub draft_key: Rc<str>,
    /// How long to wait for the host (the element's `timeout`).
    pub timeout_ms: u32,
}

/// Sends `body` (a document's JSON text, its draft already written) to `target`, or hands it to the
/// page if the page takes it; `on_answer` hears how it ended (after the draft was cleared on a 2xx and
/// the page told). The caller shows [`Submission::Sending`] meanwhile.
pub fn submit(target: &Target, body: String, on_answer: Rc<dyn Fn(Submission)>) {
    let Some(url) = target.url.clone() else {
        on_answer(Submission::Failed(Message::new("কোথায় জমা দেবে তা বলা নেই: উইজেটে submit-url দিন।", "Nowhere to submit to: give the widget a submit-url.")));
        return;
    };
    // The same document under the same key, across reloads and tabs: kept before anything is sent.
    let key = crate::draft::sent_key(&target.draft_key, &body, new_idempotency_key);
    let finish = {
        let target = target.clone();
        move |answer: Sent| finish(&target, &*on_answer, answer)
    };
    if handed_to_the_page(target, &url, &body, &key, finish.clone()) {
        return;
    }
    let target = target.clone();
    wasm_bindgen_futures::spawn_local(async move { finish(send(&target, &url, &body, &key).await) });
}

/// `value` as JSON text (objects for maps, `null` for `None`), as hosts and localStorage expect.
pub fn to_json_text<T: Serialize>(value: &T) -> Result<String, Message> {
    let failed = |_| Message::new("তথ্যটি JSON-এ লেখা যায়নি।", "The data could not be written as JSON.");
    let js = value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| failed(e.to_string()))?;
    js_sys::JSON::stringify(&js).map_err(|_| failed(String::new()))?.as_string().ok_or_else(|| failed(String::new()))
}

fn csrf_token() -> Option<String> {
    let document = web_sys::window()?.document()?;
    document.query_selector("meta[name=\"csrf-token\"]").ok().flatten()?.get_attribute("content")
}

/// A fresh key per distinct submission: the browser's UUID where there is one.
fn new_idempotency_key() -> String {
    let uuid = web_sys::window().and_then(|w| w.crypto().ok()).map(|c| c.random_uuid());
    uuid.unwrap_or_else(|| format!("batayan-{:x}-{:x}", js_sys::Date::now() as u64, (js_sys::Math::random() * 1e15) as u64))
}

/// What came back from one submission: the status (0 when nothing came back), the body, and what it
/// means for the form.
struct Sent {
    status: u16,
    body: JsValue,
    submission: Submission,
}

/// What an answer means for the form, whoever sent the request.
fn interpret(status: u16, body: Option<JsValue>, url: &str) -> Sent {
    let answer = crate::net::Answer { status, body };
    let errors = answer.errors();
    let submission = match answer.status {
        200..=299 => {
            let warnings = answer.body.as_ref().and_then(|b| js_sys::Reflect::get(b, &JsValue::from_str("warnings")).ok());
            let warnings = warnings.and_then(|w| serde_wasm_bindgen::from_value::<Vec<FieldError>>(w).ok()).unwrap_or_default();
            Submission::Accepted { warnings }
        }
        400..=499 if !errors.is_empty() => Submission::Refused(errors),
        _ => Submission::Failed(
            errors.first().map(FieldError::message).unwrap_or_else(|| answer.status_message(url, "কিছু সংরক্ষিত হয়নি।", "nothing was stored.")),
        ),
    };
    Sent { status: answer.status, body: answer.body.unwrap_or(JsValue::NULL), submission }
}

/// No usable answer: what the form says, with the reassurance that submitting again is safe.
fn not_known(said: Message) -> Sent {
    let message = Message::new(
        format!("{} কিছু সংরক্ষিত হয়েছে কি না জানা নেই; আবার জমা দিলে দুবার সংরক্ষিত হবে না।", said.bn),
        format!("{} Whether anything was stored is not known; submitting again will not store it twice.", said.en),
    );
    Sent { status: 0, body: JsValue::NULL, submission: Submission::Failed(message) }
}

async fn send(target: &Target, url: &str, body: &str, idempotency_key: &str) -> Sent {
    let token = csrf_token();
    let mut headers = vec![("Content-Type", "application/json"), ("Idempotency-Key", idempotency_key)];
    if let Some(token) = token.as_deref() {
        headers.push(("X-CSRF-Token", token));
    }
    match crate::net::request(target.method, url, Some(body), &headers, target.timeout_ms, None).await {
        Ok(answer) => interpret(answer.status, answer.body, url),
        Err(no_answer) => not_known(no_answer.message(url)),
    }
}

/// Dispatches an event from the host, bubbling out of the shadow root; `false` if a cancelable one
/// was cancelled.
pub fn dispatch(host: &HtmlElement, name: &str, detail: &JsValue, cancelable: bool) -> bool {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(cancelable);
    init.set_detail(detail);
    match CustomEvent::new_with_event_init_dict(name, &init) {
        Ok(event) => host.dispatch_event(&event).unwrap_or(true),
        Err(_) => true,
    }
}

fn detail(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (name, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object.into()
}

/// Offers the submission to the page (`batayan:submit`, cancelable); `true` if the page took it, in
/// which case its `respond(status, body)`, or the element's timeout, ends it through `finish`.
fn handed_to_the_page(target: &Target, url: &str, body: &str, key: &str, finish: impl Fn(Sent) + Clone + 'static) -> bool {
    let answered = Rc::new(std::cell::Cell::new(false));
    let respond = {
        let (answered, finish, url) = (answered.clone(), finish.clone(), url.to_owned());
        Closure::<dyn FnMut(JsValue, JsValue)>::new(move |status: JsValue, body: JsValue| {
            if answered.replace(true) {
                return; // answered already, or given up at the timeout
            }
            let status = status.as_f64().filter(|s| (100.0..600.0).contains(s)).map_or(0, |s| s as u16);
            let body = (!body.is_undefined() && !body.is_null()).then_some(body);
            finish(if status == 0 { not_known(crate::net::NoAnswer::Unreachable.message(&url)) } else { interpret(status, body, &url) });
        })
    };
    let document = js_sys::JSON::parse(body).unwrap_or(JsValue::NULL);
    let detail = detail(&[
        ("document", document),
        ("url", JsValue::from_str(url)),
        ("method", JsValue::from_str(target.method)),
        ("idempotencyKey", JsValue::from_str(key)),
        ("respond", respond.as_ref().clone()),
    ]);
    if dispatch(&target.host, "batayan:submit", &detail, true) {
        return false; // the page let it go: the widget sends it
    }
    // The page sends it. Its `respond` stays callable for good (a late call is ignored, not an error
    // in the page's script): one small closure per submission handed over.
    respond.forget();
    let timeout = {
        let (url, seconds) = (url.to_owned(), target.timeout_ms.div_ceil(1000));
        Closure::once_into_js(move || {
            if !answered.replace(true) {
                finish(not_known(crate::net::NoAnswer::TimedOut { seconds }.message(&url)));
            }
        })
    };
    let delay = i32::try_from(target.timeout_ms).unwrap_or(i32::MAX);
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(timeout.unchecked_ref(), delay);
    }
    true
}

/// Ends a submission with its answer: the draft cleared on a 2xx, the page told, the form shown.
fn finish(target: &Target, on_answer: &dyn Fn(Submission), answer: Sent) {
    let status = JsValue::from(answer.status);
    match &answer.submission {
        Submission::Accepted { .. } => {
            crate::draft::clear(&target.draft_key);
            dispatch(&target.host, "batayan:submitted", &detail(&[("status", status), ("response", answer.body.clone())]), false);
        }
        Submission::Refused(errors) => {
            let errors = serde_wasm_bindgen::to_value(errors).unwrap_or(JsValue::NULL);
            dispatch(&target.host, "batayan:error", &detail(&[("status", status), ("errors", errors)]), false);
        }
        Submission::Failed(message) => {
            let errors = serde_wasm_bindgen::to_value(&[FieldError::new("", message.clone())]).unwrap_or(JsValue::NULL);
            dispatch(&target.host, "batayan:error", &detail(&[("status", status), ("errors", errors)]), false);
        }
        Submission::Idle | Submission::Sending => {}
    }
    on_answer(answer.submission);
}
