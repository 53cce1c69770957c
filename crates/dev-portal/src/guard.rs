//! What stands between a request and a handler: the CSRF token, idempotency keys, security headers,
//! and the one JSON error body every refusal uses.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use batayan_core::contract::{ErrorBody, check_idempotency_key};
use batayan_core::locale::Message;

use crate::AppState;
use crate::store::{self, StoredResponse};

pub(crate) const CSRF_HEADER: &str = "x-csrf-token";
pub(crate) const IDEMPOTENCY_HEADER: &str = "idempotency-key";

/// The policy the demo portal runs under: as strict as a careful portal's, so that the demo proves
/// the widgets work there. Wasm needs `'wasm-unsafe-eval'`, nothing more.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
    form-action 'self'; frame-ancestors 'none'; require-trusted-types-for 'script'";

/// A refusal in the shape widgets read: `{"errors":[{"path","message_bn","message_en"}]}`.
pub(crate) fn refuse(status: StatusCode, body: ErrorBody) -> Response {
    (status, axum::Json(body)).into_response()
}

pub(crate) fn refuse_one(status: StatusCode, path: &str, message: Message) -> Response {
    refuse(status, ErrorBody::single(path, message))
}

pub(crate) fn storage_failed(error: &rusqlite::Error) -> Response {
    eprintln!("dev-portal: storage error: {error}");
    refuse_one(
        StatusCode::INTERNAL_SERVER_ERROR,
        "",
        Message::new("সংরক্ষণ করা যায়নি; কিছুই সংরক্ষিত হয়নি। আবার চেষ্টা করুন।", "Could not store it; nothing was stored. Please try again."),
    )
}

/// 32 hex digits from the operating system's random source. A token per server start is enough for a
/// reference host: it proves the widgets send the header a real portal's framework checks.
pub(crate) fn new_csrf_token() -> String {
    use std::io::Read;
    let mut bytes = [0u8; 16];
    let from_os = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes));
    if from_os.is_err() {
        // No /dev/urandom (not Linux): RandomState is seeded from the OS by std.
        use std::hash::{BuildHasher, Hasher};
        for chunk in bytes.chunks_mut(8) {
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos()));
            chunk.copy_from_slice(&h.finish().to_le_bytes()[..chunk.len()]);
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Refuses a write (POST, PUT, PATCH, DELETE) without the page's CSRF token in `X-CSRF-Token`.
pub(crate) async fn require_csrf_token(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe {
        return next.run(request).await;
    }
    let sent = request.headers().get(CSRF_HEADER).and_then(|v| v.to_str().ok());
    if !sent.is_some_and(|token| constant_time_eq(token.as_bytes(), state.csrf_token.as_bytes())) {
        return refuse_one(
            StatusCode::FORBIDDEN,
            "",
            Message::new(
                "পাতাটির নিরাপত্তা টোকেন (CSRF) পাওয়া যায়নি বা মেলেনি। পাতাটি আবার লোড করে চেষ্টা করুন; যা লিখেছেন তা খসড়ায় রাখা আছে।",
                "The page's security token (CSRF) was missing or did not match. Reload the page and try again; what you typed is kept as a draft.",
            ),
        );
    }
    next.run(request).await
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Security headers on every answer, and no caching (the demo is rebuilt often).
pub(crate) async fn security_headers(request: Request, next: Next) -> Response {
    // The embedding examples (`/examples/`) imitate portals as they are: a National Portal Framework
    // page sends no policy, and its jQuery 1.x writes inline handlers and `innerHTML` as it starts.
    let portal_as_it_is = request.uri().path().starts_with("/examples/");
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if !portal_as_it_is {
        headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CONTENT_SECURITY_POLICY));
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// What a write handler produced: a status and a JSON body, both remembered under an idempotency key.
pub(crate) struct Outcome {
    pub status: StatusCode,
    pub body: serde_json::Value,
}

/// The request's `Idempotency-Key`, checked as the contract says: absent is `None`; a key that is not
/// 1 to 200 visible ASCII characters is refused with 400 (ignoring it would let a retry store twice).
#[allow(clippy::result_large_err)] // a refusal is a ready `Response`, built once per request
pub(crate) fn idempotency_key(headers: &HeaderMap) -> Result<Option<String>, Response> {
    match headers.get(IDEMPOTENCY_HEADER) {
        None => Ok(None),
        Some(value) => {
            check_idempotency_key(value.as_bytes()).map(|key| Some(key.to_owned())).map_err(|message| refuse_one(StatusCode::BAD_REQUEST, "", message))
        }
    }
}

/// One request to a write endpoint, identified for idempotency.
pub(crate) struct WriteRequest<'a> {
    pub key: Option<&'a str>,
    pub method: &'a Method,
    pub path: &'a str,
    pub body: &'a str,
}

fn key_reused() -> Response {
    refuse_one(
        StatusCode::UNPROCESSABLE_ENTITY,
        "",
        Message::new(
            "এই Idempotency-Key আগে অন্য একটি অনুরোধে ব্যবহৃত হয়েছে। নতুন জমার জন্য নতুন কী দিন।",
            "This Idempotency-Key was already used for a different request. Use a new key for a new submission.",
        ),
    )
}

/// The stored answer for a repeat of a request already carried out, or 422 for its key reused on
/// another request; `None` when the key is new (or there is none).
fn stored_answer(tx: &rusqlite::Transaction<'_>, request: &WriteRequest<'_>) -> rusqlite::Result<Option<Response>> {
    let Some(key) = request.key else { return Ok(None) };
    let Some(previous) = store::find_idempotent(tx, key)? else { return Ok(None) };
    if previous.method != request.method.as_str() || previous.path != request.path || previous.request_body != request.body {
        return Ok(Some(key_reused()));
    }
    let status = StatusCode::from_u16(previous.status).unwrap_or(StatusCode::OK);
    let mut response = (status, [(header::CONTENT_TYPE, "application/json")], previous.response_body).into_response();
    response.headers_mut().insert("idempotent-replayed", HeaderValue::from_static("true"));
    Ok(Some(response))
}

/// A repeat is answered before anything is checked: what was stored stays stored, so the checks of
/// today (an agreement changed since) must not turn its retry into a refusal.
pub(crate) fn replay(state: &AppState, request: &WriteRequest<'_>) -> Option<Response> {
    request.key?;
    let Ok(mut db) = state.db.lock() else {
        return Some(storage_failed(&rusqlite::Error::InvalidQuery));
    };
    let found = db.transaction().and_then(|tx| stored_answer(&tx, request));
    found.unwrap_or_else(|e| Some(storage_failed(&e)))
}

/// Runs `write` in one transaction with the request's idempotency record: the first request with a
/// key is carried out and its answer stored with it; a repeat that raced past [`replay`] gets the
/// stored answer here, inside the transaction, and stores nothing.
pub(crate) fn idempotent_write(
    state: &AppState,
    request: &WriteRequest<'_>,
    write: impl FnOnce(&rusqlite::Transaction<'_>) -> rusqlite::Result<Outcome>,
) -> Response {
    let Ok(mut db) = state.db.lock() else {
        return storage_failed(&rusqlite::Error::InvalidQuery);
    };
    let result = (|| -> rusqlite::Result<Response> {
        let tx = db.transaction()?;
        if let Some(answer) = stored_answer(&tx, request)? {
            return Ok(answer);
        }
        let outcome = write(&tx)?;
        let response_body = outcome.body.to_string();
        if let Some(key) = request.key {
            let stored = StoredResponse {
                method: request.method.as_str().to_owned(),
                path: request.path.to_owned(),
                request_body: request.body.to_owned(),
                status: outcome.status.as_u16(),
                response_body: response_body.clone(),
            };
            store::remember_idempotent(&tx, key, &stored)?;
        }
        tx.commit()?;
        Ok((outcome.status, [(header::CONTENT_TYPE, "application/json")], response_body).into_response())
    })();
    result.unwrap_or_else(|e| storage_failed(&e))
}

/// Every refusal under `/api/` in the contract's JSON shape, including those axum makes before a
/// handler runs (405, an unknown path, a path that is not UTF-8), which it writes as plain text.
pub(crate) async fn json_errors(request: Request, next: Next) -> Response {
    let under_api = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    let status = response.status();
    let is_json = response.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|t| t.starts_with("application/json"));
    if !under_api || is_json || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let allow = response.headers().get(header::ALLOW).cloned();
    let message = match status {
        StatusCode::NOT_FOUND => Message::new(
            "এই ঠিকানায় কোনো API নেই; pkg-config/api.md-এ ঠিকানাগুলো দেখুন।",
            "There is no API at this address; see pkg-config/api.md for the endpoints.",
        ),
        StatusCode::METHOD_NOT_ALLOWED => {
            let allowed = allow.as_ref().and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
            Message::new(format!("এই ঠিকানায় এই পদ্ধতি চলে না; চলে: {allowed}।"), format!("This method is not allowed here; allowed: {allowed}."))
        }
        StatusCode::BAD_REQUEST => {
            Message::new("ঠিকানা বা অনুরোধটি পড়া যায়নি (যেমন ঠিকানায় অচেনা অক্ষর)।", "The address or request could not be read (e.g. the address is not valid UTF-8).")
        }
        StatusCode::UNSUPPORTED_MEDIA_TYPE => Message::new("নথিটি JSON হিসেবে পাঠান।", "Send the document as JSON."),
        _ => Message::new(format!("অনুরোধটি নেওয়া যায়নি (HTTP {}).", status.as_u16()), format!("The request was not accepted (HTTP {}).", status.as_u16())),
    };
    let mut json = refuse_one(status, "", message);
    if let Some(allow) = allow {
        json.headers_mut().insert(header::ALLOW, allow);
    }
    json
}
