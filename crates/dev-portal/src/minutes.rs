//! The minutes endpoints (issue 18): every meeting's minutes for the public, and for signed-in office
//! staff the writes — publish new minutes, replace a meeting's, set a decision's status with a note and
//! evidence. Every write is checked by the core before it is stored and is idempotent like every other;
//! a refusal is 401 (signed out) or 403 (not staff) in the contract's error shape.

#![allow(clippy::result_large_err)] // a refusal is a ready `Response`

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use batayan_core::contract::{ErrorBody, FieldError};
use batayan_core::locale::Message;
use batayan_core::minutes::{ListedMinutes, MINUTES_SCHEMA, Minutes, MinutesList, Status, StatusChange};
use serde_json::json;

use crate::AppState;
use crate::guard::{Outcome, WriteRequest, idempotency_key, idempotent_write, refuse, refuse_one, replay, storage_failed};
use crate::innovation::{Role, forbidden, read, signed_in};
use crate::store;

/// Both seed minutes, imported on first start by the same importer as `batayan minutes import`.
pub(crate) const SEED_MINUTES: [&str; 2] = [
    include_str!("../../../tests/fixtures/minutes-koyra-upazila-ict-2022-09.txt"),
    include_str!("../../../tests/fixtures/minutes-dpe-egov-innovation-2023-12.txt"),
];

fn not_found(id: i64) -> Response {
    refuse_one(StatusCode::NOT_FOUND, "", Message::new(format!("{id} নম্বর সভার কার্যবিবরণী নেই।"), format!("There are no minutes with id {id}.")))
}

/// Only office staff write minutes.
fn staff(state: &AppState, headers: &HeaderMap) -> Result<(), Response> {
    match signed_in(state, headers)? {
        (_, Role::Staff) => Ok(()),
        _ => Err(forbidden("কার্যবিবরণী শুধু অফিসের কর্মীরা প্রকাশ বা হালনাগাদ করতে পারেন।", "Only office staff may publish or update minutes.")),
    }
}

/// `GET /api/minutes`: every meeting, newest first: `{"minutes":[{"id","minutes"}]}`.
pub(crate) async fn list(State(state): State<AppState>) -> Response {
    let Ok(db) = state.db.lock() else { return storage_failed(&rusqlite::Error::InvalidQuery) };
    match store::all_minutes(&db) {
        Ok(rows) => {
            let minutes = rows
                .iter()
                .rev()
                .filter_map(|(id, body)| Some(ListedMinutes { id: u64::try_from(*id).ok()?, minutes: serde_json::from_str::<Minutes>(body).ok()? }))
                .collect();
            Json(MinutesList { minutes }).into_response()
        }
        Err(e) => storage_failed(&e),
    }
}

/// `GET /api/minutes/{id}`.
pub(crate) async fn one(State(state): State<AppState>, Path(id): Path<i64>) -> Response {
    let Ok(db) = state.db.lock() else { return storage_failed(&rusqlite::Error::InvalidQuery) };
    match store::minutes(&db, id) {
        Ok(Some(body)) => ([(axum::http::header::CONTENT_TYPE, "application/json")], body).into_response(),
        Ok(None) => not_found(id),
        Err(e) => storage_failed(&e),
    }
}

/// What makes minutes unpublishable: the wrong tag, no item, an item without a decision's text.
fn refusals(minutes: &Minutes) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if minutes.schema != MINUTES_SCHEMA {
        errors.push(FieldError::new(
            "/schema",
            Message::new(format!("এটি কার্যবিবরণী নয় (“{}”)।", minutes.schema), format!("This is not minutes (“{}”).", minutes.schema)),
        ));
    }
    if minutes.items.is_empty() {
        errors.push(FieldError::new("/items", Message::new("কোনো আলোচ্য বিষয় নেই।", "There is no item.")));
    }
    for (i, item) in minutes.items.iter().enumerate() {
        for (j, decision) in item.decisions.iter().enumerate() {
            if decision.text.trim().is_empty() {
                errors.push(FieldError::new(format!("/items/{i}/decisions/{j}/text"), Message::new("সিদ্ধান্তের লেখা নেই।", "The decision has no text.")));
            }
        }
    }
    errors
}

/// `POST /api/minutes` (staff): new minutes → `201 {"id"}`.
pub(crate) async fn publish(State(state): State<AppState>, uri: Uri, method: Method, headers: HeaderMap, body: Result<Bytes, BytesRejection>) -> Response {
    write(state, uri, method, headers, body, None).await
}

/// `PUT /api/minutes/{id}` (staff): a meeting's minutes replaced → `200 {"saved":true}`.
pub(crate) async fn replace(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    uri: Uri,
    method: Method,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    write(state, uri, method, headers, body, Some(id)).await
}

async fn write(state: AppState, uri: Uri, method: Method, headers: HeaderMap, body: Result<Bytes, BytesRejection>, id: Option<i64>) -> Response {
    if let Err(refusal) = staff(&state, &headers) {
        return refusal;
    }
    let (text, minutes): (String, Minutes) = match read(body) {
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
    let errors = refusals(&minutes);
    if !errors.is_empty() {
        return refuse(StatusCode::UNPROCESSABLE_ENTITY, ErrorBody { errors });
    }
    idempotent_write(&state, &request, |tx| match id {
        None => {
            let id = store::insert_minutes(tx, &text)?;
            Ok(Outcome { status: StatusCode::CREATED, body: json!({ "id": id }) })
        }
        Some(id) if store::replace_minutes(tx, id, &text)? => Ok(Outcome { status: StatusCode::OK, body: json!({ "saved": true }) }),
        Some(id) => Ok(Outcome {
            status: StatusCode::NOT_FOUND,
            body: json!({ "errors": [FieldError::new("", Message::new(format!("{id} নম্বর সভার কার্যবিবরণী নেই।"), format!("There are no minutes with id {id}.")))] }),
        }),
    })
}

/// `PUT /api/minutes/{id}/items/{item}/decisions/{decision}/status` (staff) → `200 {"saved":true}`.
pub(crate) async fn set_status(
    State(state): State<AppState>,
    Path((id, item, decision)): Path<(i64, usize, usize)>,
    uri: Uri,
    method: Method,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    if let Err(refusal) = staff(&state, &headers) {
        return refusal;
    }
    let (text, change): (String, StatusChange) = match read(body) {
        Ok(read) => read,
        Err(r) => return r,
    };
    if let Some(link) = change.evidence.as_deref().filter(|l| !l.trim().is_empty())
        && !(link.trim().to_ascii_lowercase().starts_with("https://") || link.trim().to_ascii_lowercase().starts_with("http://"))
    {
        return refuse_one(
            StatusCode::UNPROCESSABLE_ENTITY,
            "/evidence",
            Message::new("প্রমাণের লিংক https:// দিয়ে শুরু হবে।", "The evidence link must start with https://."),
        );
    }
    let key = match idempotency_key(&headers) {
        Ok(k) => k,
        Err(r) => return r,
    };
    let request = WriteRequest { key: key.as_deref(), method: &method, path: uri.path(), body: &text };
    if let Some(answer) = replay(&state, &request) {
        return answer;
    }
    idempotent_write(&state, &request, |tx| {
        let missing = || Outcome {
            status: StatusCode::NOT_FOUND,
            body: json!({ "errors": [FieldError::new("", Message::new("এমন কোনো সিদ্ধান্ত নেই।", "There is no such decision."))] }),
        };
        let Some(stored) = tx.query_row("SELECT body FROM minutes WHERE id = ?1", [id], |r| r.get::<_, String>(0)).ok() else { return Ok(missing()) };
        let Ok(mut minutes) = serde_json::from_str::<Minutes>(&stored) else { return Ok(missing()) };
        let Some(target) = minutes.items.get_mut(item).and_then(|i| i.decisions.get_mut(decision)) else { return Ok(missing()) };
        target.status = change.status;
        target.note = change.note.filter(|n| !n.trim().is_empty());
        target.evidence = change.evidence.filter(|e| !e.trim().is_empty());
        target.completed = if change.status == Status::Done { change.completed } else { None };
        let body = serde_json::to_string(&minutes).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        store::replace_minutes(tx, id, &body)?;
        Ok(Outcome { status: StatusCode::OK, body: json!({ "saved": true }) })
    })
}
