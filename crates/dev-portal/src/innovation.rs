//! The innovation showcase's endpoints (issue 17's host side), with demo roles: a judge signs in (a
//! session cookie), sees and scores only the entries assigned to them and never another judge's marks;
//! the organiser sees every sheet and publishes the results; the public sees entries, and ranks only
//! once published. Every refusal is a 403 (or 401 without a session) in the contract's error shape. The
//! ranking is `batayan_core::innovation::rank`, the code the widgets and the CLI run.

#![allow(clippy::result_large_err)] // a refusal is a ready `Response`

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use batayan_core::contract::{ErrorBody, FieldError};
use batayan_core::finding::has_errors;
use batayan_core::innovation::{Entry, EntryId, EntryList, EntryRow, ListedEntry, Queue, QueuedEntry, Results, Rubric, Sheet, rank, sheet_score, validate};
use batayan_core::locale::Message;
use serde_json::{Value, json};

use crate::AppState;
use crate::guard::{Outcome, WriteRequest, idempotency_key, idempotent_write, refuse, refuse_one, replay, storage_failed};
use crate::store;

/// Who can sign in to the demo: three judges and the organiser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Judge,
    Organiser,
    /// Office staff: publish minutes and set a decision's status.
    Staff,
}

pub(crate) const USERS: &[(&str, &str, Role)] = &[
    ("judge-1", "ড. নাসরিন সুলতানা", Role::Judge),
    ("judge-2", "মোঃ রফিকুল ইসলাম", Role::Judge),
    ("judge-3", "শাহানা পারভীন", Role::Judge),
    ("organiser", "ইনোভেশন অফিসার, জেলা প্রশাসন", Role::Organiser),
    ("staff", "সহকারী প্রোগ্রামার, উপজেলা আইসিটি সেল", Role::Staff),
];

/// Which entries (by id, as seeded) each judge scores.
pub(crate) const ASSIGNMENTS: &[(&str, &[i64])] = &[("judge-1", &[1, 2, 3]), ("judge-2", &[1, 2, 4]), ("judge-3", &[2, 3, 4])];

pub(crate) const SEED_ENTRIES: &str = include_str!("../../../tests/fixtures/innovation-entries.json");
pub(crate) const SEED_RUBRIC: &str = include_str!("../../../tests/fixtures/innovation-rubric.json");

const SESSION_COOKIE: &str = "batayan_session";

fn user(key: &str) -> Option<(&'static str, &'static str, Role)> {
    USERS.iter().find(|(k, _, _)| *k == key).copied()
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Judge => "judge",
        Role::Organiser => "organiser",
        Role::Staff => "staff",
    }
}

pub(crate) fn forbidden(bn: &str, en: &str) -> Response {
    refuse_one(StatusCode::FORBIDDEN, "", Message::new(bn, en))
}

/// The signed-in user of a request, from its session cookie.
fn session(state: &AppState, headers: &HeaderMap) -> Option<(&'static str, Role)> {
    let cookies = headers.get(header::COOKIE)?.to_str().ok()?;
    let token = cookies.split(';').filter_map(|c| c.trim().split_once('=')).find(|(name, _)| *name == SESSION_COOKIE)?.1;
    let db = state.db.lock().ok()?;
    let key = store::session_user(&db, token).ok()??;
    user(&key).map(|(k, _, role)| (k, role))
}

pub(crate) fn signed_in(state: &AppState, headers: &HeaderMap) -> Result<(&'static str, Role), Response> {
    session(state, headers).ok_or_else(|| refuse_one(StatusCode::UNAUTHORIZED, "", Message::new("আগে সাইন ইন করুন।", "Sign in first.")))
}

/// The body as a document of type `T`: the host's reading of JSON (413, 400 with where it broke), then a
/// 422 when it is JSON but not such a document.
pub(crate) fn read<T: serde::de::DeserializeOwned>(body: Result<Bytes, BytesRejection>) -> Result<(String, T), Response> {
    let (text, value) = crate::api::read_json(body)?;
    let document = serde_json::from_value(value).map_err(|e| {
        refuse_one(
            StatusCode::UNPROCESSABLE_ENTITY,
            "",
            Message::new(format!("নথিটির গঠন ঠিক নেই: {e}"), format!("The document is not of the expected shape: {e}")),
        )
    })?;
    Ok((text, document))
}

/// `POST /api/session` with `{"user": "judge-1"}`: signs in (demo: no password) with a session cookie.
pub(crate) async fn sign_in(State(state): State<AppState>, body: Result<Bytes, BytesRejection>) -> Response {
    let asked: Value = match read(body) {
        Ok((_, v)) => v,
        Err(r) => return r,
    };
    let Some((key, name, role)) = asked["user"].as_str().and_then(user) else {
        return forbidden("এই ডেমোতে এমন কোনো ব্যবহারকারী নেই।", "There is no such user in this demo.");
    };
    let token = crate::guard::new_csrf_token();
    let Ok(db) = state.db.lock() else { return storage_failed(&rusqlite::Error::InvalidQuery) };
    if let Err(e) = store::add_session(&db, &token, key) {
        return storage_failed(&e);
    }
    let mut response = Json(json!({ "user": key, "name": name, "role": role_name(role) })).into_response();
    if let Ok(cookie) = HeaderValue::from_str(&format!("{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict")) {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    response
}

/// `GET /api/session`: who is signed in.
pub(crate) async fn who(State(state): State<AppState>, headers: HeaderMap) -> Response {
    match signed_in(&state, &headers) {
        Ok((key, role)) => Json(json!({ "user": key, "name": user(key).map(|u| u.1), "role": role_name(role) })).into_response(),
        Err(r) => r,
    }
}

pub(crate) async fn rubric() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], SEED_RUBRIC).into_response()
}

/// `GET /api/innovation/entries`: every entry, for the public showcase.
pub(crate) async fn list_entries(State(state): State<AppState>) -> Response {
    let Ok(db) = state.db.lock() else { return storage_failed(&rusqlite::Error::InvalidQuery) };
    match store::innovation_entries(&db) {
        // Stored entries were checked on the way in; one that no longer reads is left out, not a 500.
        Ok(rows) => Json(EntryList {
            entries: rows.into_iter().filter_map(|(id, body)| Some(ListedEntry { id: entry_id(id), entry: serde_json::from_str(&body).ok()? })).collect(),
        })
        .into_response(),
        Err(e) => storage_failed(&e),
    }
}

fn entry_id(id: i64) -> EntryId {
    u64::try_from(id).map_or_else(|_| EntryId::Text(id.to_string()), EntryId::Number)
}

fn parsed(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or(Value::Null)
}

/// `POST /api/innovation/entries`: an entry, checked by the core (422 with each finding's path).
pub(crate) async fn post_entry(State(state): State<AppState>, uri: Uri, method: Method, headers: HeaderMap, body: Result<Bytes, BytesRejection>) -> Response {
    let (text, entry): (String, Entry) = match read(body) {
        Ok(read) => read,
        Err(r) => return r,
    };
    let key = match idempotency_key(&headers) {
        Ok(k) => k,
        Err(r) => return r,
    };
    let request = WriteRequest { key: key.as_deref(), method: &method, path: uri.path(), body: &text };
    if let Some(answer) = replay(&state, &request) {
        return answer;
    }
    let findings = validate(&entry);
    if has_errors(&findings) {
        let errors = findings.iter().filter(|f| f.severity.blocks()).map(|f| FieldError::new(f.path.clone(), f.message.clone())).collect();
        return refuse(StatusCode::UNPROCESSABLE_ENTITY, ErrorBody { errors });
    }
    let warnings: Vec<FieldError> = findings.iter().map(|f| FieldError::new(f.path.clone(), f.message.clone())).collect();
    idempotent_write(&state, &request, |tx| {
        let id = store::insert_innovation_entry(tx, &text)?;
        Ok(Outcome { status: StatusCode::CREATED, body: json!({ "id": id, "warnings": warnings }) })
    })
}

/// `GET /api/innovation/queue`: a judge's entries, with their own sheets and nobody else's.
pub(crate) async fn queue(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let (judge, role) = match signed_in(&state, &headers) {
        Ok(s) => s,
        Err(r) => return r,
    };
    if role != Role::Judge {
        return forbidden("এই তালিকা বিচারকদের জন্য।", "This queue is for judges.");
    }
    let Ok(db) = state.db.lock() else { return storage_failed(&rusqlite::Error::InvalidQuery) };
    match store::judge_queue(&db, judge) {
        Ok(rows) => {
            let Ok(rubric) = serde_json::from_str::<Rubric>(SEED_RUBRIC) else { return storage_failed(&rusqlite::Error::InvalidQuery) };
            let entries = rows
                .into_iter()
                .filter_map(|(id, entry, sheet)| {
                    let sheet = sheet.and_then(|s| serde_json::from_str(&s).ok());
                    Some(QueuedEntry { id: entry_id(id), entry: serde_json::from_str(&entry).ok()?, sheet })
                })
                .collect();
            Json(Queue { judge: judge.to_owned(), name: user(judge).map(|u| u.1.to_owned()), rubric, entries }).into_response()
        }
        Err(e) => storage_failed(&e),
    }
}

/// `PUT /api/innovation/entries/{id}/sheet`: a judge's sheet for an entry assigned to them.
pub(crate) async fn put_sheet(State(state): State<AppState>, Path(id): Path<i64>, headers: HeaderMap, body: Result<Bytes, BytesRejection>) -> Response {
    let (judge, role) = match signed_in(&state, &headers) {
        Ok(s) => s,
        Err(r) => return r,
    };
    let assigned = state.db.lock().ok().and_then(|db| store::is_assigned(&db, judge, id).ok()).unwrap_or(false);
    if role != Role::Judge || !assigned {
        return forbidden("এই এন্ট্রিটি আপনাকে বিচারের জন্য দেওয়া হয়নি।", "This entry is not assigned to you.");
    }
    let mut sheet: Sheet = match read(body) {
        Ok((_, s)) => s,
        Err(r) => return r,
    };
    // The sheet is the signed-in judge's, for the entry of the address, whatever the body says.
    (sheet.entry, sheet.judge) = (id.to_string(), judge.to_owned());
    let Ok(rubric) = serde_json::from_str::<Rubric>(SEED_RUBRIC) else { return storage_failed(&rusqlite::Error::InvalidQuery) };
    if let Err(problems) = sheet_score(&rubric, &sheet) {
        let errors = problems.iter().filter(|f| f.severity.blocks()).map(|f| FieldError::new(f.path.clone(), f.message.clone())).collect();
        return refuse(StatusCode::UNPROCESSABLE_ENTITY, ErrorBody { errors });
    }
    let body = serde_json::to_string(&sheet).unwrap_or_default();
    let Ok(db) = state.db.lock() else { return storage_failed(&rusqlite::Error::InvalidQuery) };
    match store::put_sheet(&db, id, judge, &body) {
        Ok(()) => Json(json!({ "saved": true })).into_response(),
        Err(e) => storage_failed(&e),
    }
}

fn organiser(state: &AppState, headers: &HeaderMap) -> Result<(), Response> {
    match signed_in(state, headers)? {
        (_, Role::Organiser) => Ok(()),
        _ => Err(forbidden("এটি আয়োজকের জন্য।", "This is for the organiser.")),
    }
}

/// `GET /api/innovation/sheets`: every judge's sheets, for the organiser only.
pub(crate) async fn all_sheets(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Err(r) = organiser(&state, &headers) {
        return r;
    }
    let Ok(db) = state.db.lock() else { return storage_failed(&rusqlite::Error::InvalidQuery) };
    match store::all_sheets(&db) {
        Ok(sheets) => Json(json!({ "sheets": sheets.iter().map(|s| parsed(s)).collect::<Vec<_>>() })).into_response(),
        Err(e) => storage_failed(&e),
    }
}

/// `POST /api/innovation/results/publish`: the organiser makes the ranks public.
pub(crate) async fn publish(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Err(r) = organiser(&state, &headers) {
        return r;
    }
    let Ok(db) = state.db.lock() else { return storage_failed(&rusqlite::Error::InvalidQuery) };
    match store::set_setting(&db, "innovation.published", "true") {
        Ok(()) => Json(json!({ "published": true })).into_response(),
        Err(e) => storage_failed(&e),
    }
}

/// `GET /api/innovation/results`: the ranking per level and category, once published (the organiser
/// sees it before); before that a 403 says they are not published.
pub(crate) async fn results(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let published = state.db.lock().ok().and_then(|db| store::setting(&db, "innovation.published").ok().flatten()).is_some_and(|v| v == "true");
    // Read before the lock below: the session is looked up in the same database.
    let by_organiser = matches!(session(&state, &headers), Some((_, Role::Organiser)));
    if !published && !by_organiser {
        return forbidden("ফলাফল এখনো প্রকাশ করা হয়নি।", "The results are not published yet.");
    }
    let Ok(db) = state.db.lock() else { return storage_failed(&rusqlite::Error::InvalidQuery) };
    let (entries, sheets) = match (store::innovation_entries(&db), store::all_sheets(&db)) {
        (Ok(e), Ok(s)) => (e, s),
        (Err(e), _) | (_, Err(e)) => return storage_failed(&e),
    };
    let rows: Vec<EntryRow> = entries
        .iter()
        .filter_map(|(id, body)| {
            let entry: Entry = serde_json::from_str(body).ok()?;
            Some(EntryRow::of(&id.to_string(), &entry))
        })
        .collect();
    let sheets: Vec<Sheet> = sheets.iter().filter_map(|s| serde_json::from_str(s).ok()).collect();
    let Ok(rubric) = serde_json::from_str::<Rubric>(SEED_RUBRIC) else { return storage_failed(&rusqlite::Error::InvalidQuery) };
    let mut ranking = rank(&rubric, &rows, &sheets);
    if !by_organiser {
        ranking.findings.clear(); // which judge left what out is the organiser's to see
    }
    let titles = rows.iter().map(|r| (r.id.clone(), r.title.clone())).collect();
    Json(Results { published, ranking, titles }).into_response()
}
