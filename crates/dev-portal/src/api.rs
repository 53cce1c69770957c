//! The JSON endpoints of `pkg-config/api.md`. Each write is checked with `batayan-core` before anything is stored.

// A refusal is a ready `Response`; it is built once per request, so its size does not matter.
#![allow(clippy::result_large_err)]

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use batayan_core::apa::{Agreement, Report, Severity, check_report, validate};
use batayan_core::contract::{APA_REPORT_SCHEMA, APA_SCHEMA, Destination, ErrorBody, FieldError, check_header, check_office_key, invalid_json};
use batayan_core::locale::{FiscalYear, Lang, Message, Period};
use serde_json::{Value, json};

use crate::AppState;
use crate::guard::{Outcome, WriteRequest, idempotency_key, idempotent_write, refuse, refuse_one, replay, storage_failed};
use crate::store;

pub(crate) async fn health() -> impl IntoResponse {
    axum::Json(json!({ "ok": true }))
}

/// The office and fiscal year of a path, both checked, and the office one this portal knows: a bad or
/// unknown one is a 404 with a reason.
fn agreement_key(state: &AppState, office: &str, fiscal_year: &str) -> Result<FiscalYear, Response> {
    check_office_key(office).map_err(|m| refuse_one(StatusCode::NOT_FOUND, "", m))?;
    let year = FiscalYear::parse(fiscal_year).map_err(|e| refuse_one(StatusCode::NOT_FOUND, "", e.message()))?;
    let Ok(db) = state.db.lock() else { return Err(storage_failed(&rusqlite::Error::InvalidQuery)) };
    match store::office_known(&db, office) {
        Ok(true) => Ok(year),
        Ok(false) => Err(refuse_one(
            StatusCode::NOT_FOUND,
            "",
            Message::new(format!("“{office}” নামে কোনো অফিস এই পোর্টালে নেই।"), format!("This portal has no office “{office}”.")),
        )),
        Err(e) => Err(storage_failed(&e)),
    }
}

fn no_agreement(office: &str, year: FiscalYear) -> Response {
    refuse_one(
        StatusCode::NOT_FOUND,
        "",
        Message::new(
            format!("অফিস “{office}”-এর অর্থবছর {}-এর কোনো চুক্তি সংরক্ষিত নেই।", year.label(Lang::Bn)),
            format!("No agreement is stored for office “{office}” and fiscal year {year}."),
        ),
    )
}

pub(crate) async fn get_agreement(State(state): State<AppState>, Path((office, fiscal_year)): Path<(String, String)>) -> Response {
    let year = match agreement_key(&state, &office, &fiscal_year) {
        Ok(y) => y,
        Err(r) => return r,
    };
    let Ok(db) = state.db.lock() else { return storage_failed(&rusqlite::Error::InvalidQuery) };
    match store::get_document(&db, "apa", &office, &year.code()) {
        Ok(Some(body)) => ([(header::CONTENT_TYPE, "application/json")], body).into_response(),
        Ok(None) => no_agreement(&office, year),
        Err(e) => storage_failed(&e),
    }
}

pub(crate) async fn put_agreement(
    State(state): State<AppState>,
    Path((office, fiscal_year)): Path<(String, String)>,
    uri: Uri,
    method: Method,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let submitted = match Submitted::read(&state, &office, &fiscal_year, APA_SCHEMA, &headers, body) {
        Ok(s) => s,
        Err(r) => return r,
    };
    let request = submitted.request(&method, &uri);
    if let Some(answer) = replay(&state, &request) {
        return answer;
    }
    if !submitted.errors.is_empty() {
        return refuse(StatusCode::UNPROCESSABLE_ENTITY, ErrorBody { errors: submitted.errors.clone() });
    }
    let year = submitted.year;
    // The same rules the widget's edit mode shows: errors refuse the save, warnings travel with it.
    let agreement: Agreement = match serde_json::from_value(submitted.document.clone()) {
        Ok(a) => a,
        Err(e) => {
            return refuse_one(
                StatusCode::UNPROCESSABLE_ENTITY,
                "",
                Message::new(format!("চুক্তির গঠন ঠিক নেই: {e}"), format!("The agreement is not shaped as batayan.apa/1 says: {e}")),
            );
        }
    };
    let findings = validate(&agreement).into_iter().map(|f| (f.severity, FieldError::new(f.path, f.message)));
    let warnings = match warnings_unless_errors(findings) {
        Ok(w) => w,
        Err(refusal) => return refusal,
    };
    idempotent_write(&state, &request, |tx| {
        let existed = store::get_document(tx, "apa", &office, &year.code())?.is_some();
        store::put_document(tx, "apa", &office, &year.code(), request.body)?;
        let body = json!({ "saved": true, "office": office, "fiscal_year": year.code(), "warnings": warnings });
        Ok(Outcome { status: if existed { StatusCode::OK } else { StatusCode::CREATED }, body })
    })
}

pub(crate) async fn post_report(
    State(state): State<AppState>,
    Path((office, fiscal_year)): Path<(String, String)>,
    uri: Uri,
    method: Method,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let submitted = match Submitted::read(&state, &office, &fiscal_year, APA_REPORT_SCHEMA, &headers, body) {
        Ok(s) => s,
        Err(r) => return r,
    };
    let request = submitted.request(&method, &uri);
    if let Some(answer) = replay(&state, &request) {
        return answer;
    }
    let (year, document, mut errors) = (submitted.year, submitted.document.clone(), submitted.errors.clone());
    let period = match str_field(&document, "period").map(Period::parse) {
        Some(Ok(p)) => Some(p),
        Some(Err(m)) => {
            errors.push(FieldError::new("/period", m));
            None
        }
        None => {
            errors.push(FieldError::new(
                "/period",
                Message::new("প্রতিবেদনকাল (period) দিন: Q1, Q2, Q3, Q4 বা annual।", "Give the reporting period: Q1, Q2, Q3, Q4 or annual."),
            ));
            None
        }
    };
    let (Some(period), true) = (period, errors.is_empty()) else {
        return refuse(StatusCode::UNPROCESSABLE_ENTITY, ErrorBody { errors });
    };
    let report: Report = match serde_json::from_value(document) {
        Ok(r) => r,
        Err(e) => {
            return refuse_one(
                StatusCode::UNPROCESSABLE_ENTITY,
                "",
                Message::new(format!("প্রতিবেদনের গঠন ঠিক নেই: {e}"), format!("The report is not shaped as batayan.apa-report/1 says: {e}")),
            );
        }
    };
    let stored = match state.db.lock() {
        Ok(db) => store::get_document(&db, "apa", &office, &year.code()),
        Err(_) => return storage_failed(&rusqlite::Error::InvalidQuery),
    };
    let agreement: Agreement = match stored.map(|body| body.and_then(|b| serde_json::from_str(&b).ok())) {
        Ok(Some(a)) => a,
        Ok(None) => {
            return refuse_one(
                StatusCode::UNPROCESSABLE_ENTITY,
                "",
                Message::new(
                    "এই অফিস ও অর্থবছরের কোনো চুক্তি নেই; আগে চুক্তি সংরক্ষণ করুন।",
                    "There is no agreement for this office and year; store the agreement first.",
                ),
            );
        }
        Err(e) => return storage_failed(&e),
    };
    let findings = check_report(&agreement, &report).into_iter().map(|f| (f.severity, FieldError::new(f.path, f.message)));
    let warnings = match warnings_unless_errors(findings) {
        Ok(w) => w,
        Err(refusal) => return refusal,
    };
    idempotent_write(&state, &request, |tx| {
        let id = store::insert_report(tx, &office, &year.code(), period.code(), request.body)?;
        Ok(Outcome { status: StatusCode::CREATED, body: json!({ "id": id, "period": period.code(), "warnings": warnings }) })
    })
}

/// Errors refuse a write (422, every error on its field); warnings travel with a successful one.
fn warnings_unless_errors(findings: impl Iterator<Item = (Severity, FieldError)>) -> Result<Vec<FieldError>, Response> {
    let (errors, warnings): (Vec<_>, Vec<_>) = findings.partition(|(severity, _)| *severity == Severity::Error);
    if !errors.is_empty() {
        let errors = errors.into_iter().map(|(_, e)| e).collect();
        return Err(refuse(StatusCode::UNPROCESSABLE_ENTITY, ErrorBody { errors }));
    }
    Ok(warnings.into_iter().map(|(_, w)| w).collect())
}

/// A document sent to a write endpoint: its idempotency key checked, the body read and parsed, its
/// header checked against the endpoint.
struct Submitted {
    year: FiscalYear,
    key: Option<String>,
    text: String,
    document: Value,
    /// What is wrong with the header; the endpoint adds its own checks before refusing.
    errors: Vec<FieldError>,
}

impl Submitted {
    fn read(
        state: &AppState,
        office: &str,
        fiscal_year: &str,
        schema: &str,
        headers: &HeaderMap,
        body: Result<Bytes, BytesRejection>,
    ) -> Result<Submitted, Response> {
        let year = agreement_key(state, office, fiscal_year)?;
        let key = idempotency_key(headers)?;
        let (text, document) = read_json(body)?;
        let destination = Destination { schema, office, fiscal_year: year };
        let field = |name| str_field(&document, name);
        let errors = check_header(field("schema"), field("office"), field("fiscal_year"), destination);
        Ok(Submitted { year, key, text, document, errors })
    }

    /// What identifies this write for idempotency.
    fn request<'a>(&'a self, method: &'a Method, uri: &'a Uri) -> WriteRequest<'a> {
        WriteRequest { key: self.key.as_deref(), method, path: uri.path(), body: &self.text }
    }
}

pub(crate) async fn list_reports(State(state): State<AppState>, Path((office, fiscal_year)): Path<(String, String)>) -> Response {
    let year = match agreement_key(&state, &office, &fiscal_year) {
        Ok(y) => y,
        Err(r) => return r,
    };
    let Ok(db) = state.db.lock() else { return storage_failed(&rusqlite::Error::InvalidQuery) };
    // Reports belong to an agreement: without one there is no list (404), as for the agreement itself.
    match store::get_document(&db, "apa", &office, &year.code()) {
        Ok(Some(_)) => {}
        Ok(None) => return no_agreement(&office, year),
        Err(e) => return storage_failed(&e),
    }
    match store::list_reports(&db, &office, &year.code()) {
        Ok(rows) => {
            let reports: Vec<Value> = rows
                .into_iter()
                .map(|(id, period, body, created_at)| {
                    // Stored bodies were valid JSON when stored; a damaged one is passed on as null.
                    let report = serde_json::from_str::<Value>(&body).unwrap_or(Value::Null);
                    json!({ "id": id, "period": period, "created_at": created_at, "report": report })
                })
                .collect();
            axum::Json(json!({ "reports": reports })).into_response()
        }
        Err(e) => storage_failed(&e),
    }
}

/// The latest report, as submitted: what `<batayan-apa-table report-src=…>` shows.
pub(crate) async fn latest_report(State(state): State<AppState>, Path((office, fiscal_year)): Path<(String, String)>) -> Response {
    let year = match agreement_key(&state, &office, &fiscal_year) {
        Ok(y) => y,
        Err(r) => return r,
    };
    let Ok(db) = state.db.lock() else { return storage_failed(&rusqlite::Error::InvalidQuery) };
    match store::latest_report(&db, &office, &year.code()) {
        Ok(Some(body)) => ([(header::CONTENT_TYPE, "application/json")], body).into_response(),
        Ok(None) => {
            refuse_one(StatusCode::NOT_FOUND, "", Message::new("এই চুক্তির কোনো প্রতিবেদন এখনো জমা হয়নি।", "No report has been submitted for this agreement yet."))
        }
        Err(e) => storage_failed(&e),
    }
}

fn str_field<'a>(document: &'a Value, name: &str) -> Option<&'a str> {
    document.get(name).and_then(Value::as_str)
}

/// The body as text and as a JSON object, or the refusal: 413 over the size limit, 400 for anything
/// that is not a JSON object, with where the JSON broke.
pub(crate) fn read_json(body: Result<Bytes, BytesRejection>) -> Result<(String, Value), Response> {
    let bytes = body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            refuse_one(StatusCode::PAYLOAD_TOO_LARGE, "", Message::new("জমা দেওয়া নথিটি ১ মেগাবাইটের বেশি বড়।", "The submitted document is larger than 1 MiB."))
        } else {
            refuse_one(rejection.status(), "", Message::new("অনুরোধের দেহ পড়া যায়নি।", "The request body could not be read."))
        }
    })?;
    let text = String::from_utf8(bytes.to_vec())
        .map_err(|_| refuse_one(StatusCode::BAD_REQUEST, "", Message::new("নথিটি UTF-8 লেখা নয়।", "The document is not UTF-8 text.")))?;
    let value: Value = serde_json::from_str(&text).map_err(|e| {
        let subject = Message::new("নথিটি", "The document");
        refuse(StatusCode::BAD_REQUEST, ErrorBody::single("", invalid_json(&subject, e.line(), e.column(), &e.to_string())))
    })?;
    if !value.is_object() {
        return Err(refuse_one(
            StatusCode::BAD_REQUEST,
            "",
            Message::new("নথিটি একটি JSON অবজেক্ট ({…}) হতে হবে।", "The document must be a JSON object ({…})."),
        ));
    }
    Ok((text, value))
}
