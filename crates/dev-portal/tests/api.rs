//! The reference host's contract, request by request, against the router the binary serves
//! (in-memory SQLite, a known CSRF token).

#![allow(clippy::unwrap_used)] // a failed unwrap is how a test says it failed

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use dev_portal::{Config, MAX_BODY_BYTES, app_in_memory};
use serde_json::{Value, json};
use tower::ServiceExt;

const TOKEN: &str = "test-token-0123456789abcdef";
const AGREEMENT: &str = "/api/apa/ict-sylhet/2024-25";
const REPORTS: &str = "/api/apa/ict-sylhet/2024-25/reports";

fn portal() -> Router {
    // One folder per test: tests run in parallel, and a page half-written by one must not be read by another.
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let www = std::env::temp_dir().join(format!("batayan-www-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&www).unwrap();
    std::fs::write(www.join("index.html"), "<meta name=\"csrf-token\" content=\"{{csrf_token}}\"><p>home</p>").unwrap();
    let config = Config { db: ":memory:".into(), www, pkg: "/nonexistent".into(), offices: vec!["ict-dhaka".into()] };
    app_in_memory(&config, TOKEN).unwrap()
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    text: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }

    /// The `path`s of an error body.
    fn error_paths(&self) -> Vec<String> {
        self.json()["errors"].as_array().unwrap().iter().map(|e| e["path"].as_str().unwrap().to_owned()).collect()
    }

    fn first_error_en(&self) -> String {
        self.json()["errors"][0]["message_en"].as_str().unwrap().to_owned()
    }
}

async fn send(app: &Router, method: &str, uri: &str, headers: &[(&str, &str)], body: impl Into<Body>) -> Answer {
    let mut request = Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = app.clone().oneshot(request.body(body.into()).unwrap()).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
    Answer { status, headers, text: String::from_utf8_lossy(&bytes).into_owned() }
}

fn report(period: &str, note: &str) -> String {
    json!({
        "schema": "batayan.apa-report/1", "office": "ict-sylhet", "fiscal_year": "2024-25",
        "period": period, "values": {}, "note": note,
    })
    .to_string()
}

#[tokio::test]
async fn the_seeded_agreement_is_served() {
    let app = portal();
    let answer = send(&app, "GET", AGREEMENT, &[], Body::empty()).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.json()["office_name"], "প্রোগ্রামার, জেলা কার্যালয়, সিলেট, আইসিটি অধিদপ্তর");
    assert_eq!(answer.headers["content-type"], "application/json");
}

#[tokio::test]
async fn unknown_agreements_and_bad_keys_are_404_with_a_reason() {
    let app = portal();
    let answer = send(&app, "GET", "/api/apa/ict-dhaka/2024-25", &[], Body::empty()).await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert!(answer.json()["errors"][0]["message_bn"].as_str().unwrap().contains("অর্থবছর ২০২৪-২৫-এর কোনো চুক্তি"));
    let answer = send(&app, "GET", "/api/apa/ict-sylhet/2024-26", &[], Body::empty()).await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert!(answer.first_error_en().contains("second year follows its first"));
    let answer = send(&app, "GET", "/api/apa/ICT/2024-25", &[], Body::empty()).await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_write_without_the_csrf_token_is_refused_and_nothing_is_stored() {
    let app = portal();
    let answer = send(&app, "POST", REPORTS, &[], report("Q1", "no token")).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    assert!(answer.first_error_en().contains("security token (CSRF) was missing"), "{}", answer.text);
    let answer = send(&app, "POST", REPORTS, &[("x-csrf-token", "wrong")], report("Q1", "wrong token")).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    let listed = send(&app, "GET", REPORTS, &[], Body::empty()).await;
    assert_eq!(listed.json()["reports"].as_array().unwrap().len(), 1, "only the seeded Q2 report");
}

#[tokio::test]
async fn the_latest_report_is_served() {
    let app = portal();
    let seeded = send(&app, "GET", "/api/apa/ict-sylhet/2024-25/reports/latest", &[], Body::empty()).await;
    assert_eq!(seeded.status, StatusCode::OK);
    assert_eq!(seeded.json()["period"], "Q2");
    send(&app, "POST", REPORTS, &[("x-csrf-token", TOKEN)], report("Q3", "newer")).await;
    let latest = send(&app, "GET", "/api/apa/ict-sylhet/2024-25/reports/latest", &[], Body::empty()).await;
    assert_eq!(latest.json()["note"], "newer");
}

#[tokio::test]
async fn bad_json_is_400_with_where_it_broke() {
    let app = portal();
    let answer = send(&app, "PUT", AGREEMENT, &[("x-csrf-token", TOKEN)], "{\"schema\": \"batayan.apa/1\",\n \"office\": }").await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.error_paths(), [""]);
    assert!(answer.first_error_en().contains("not valid JSON (line 2, column 12)"), "{}", answer.text);
    assert!(answer.json()["errors"][0]["message_bn"].as_str().unwrap().contains("লাইন ২, কলাম ১২"));
    let answer = send(&app, "PUT", AGREEMENT, &[("x-csrf-token", TOKEN)], "[1, 2]").await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(answer.first_error_en().contains("must be a JSON object"));
    // The seeded agreement is untouched.
    let stored = send(&app, "GET", AGREEMENT, &[], Body::empty()).await;
    assert_eq!(stored.json()["counterpart"], "মহাপরিচালক, তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর");
}

#[tokio::test]
async fn a_document_for_another_year_or_office_is_422_by_field() {
    let app = portal();
    let wrong = json!({ "schema": "batayan.apa/1", "office": "ict-dhaka", "fiscal_year": "২০২৩-২৪" }).to_string();
    let answer = send(&app, "PUT", AGREEMENT, &[("x-csrf-token", TOKEN)], wrong).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.error_paths(), ["/office", "/fiscal_year"]);
    let bad_period = report("Q5", "");
    let answer = send(&app, "POST", REPORTS, &[("x-csrf-token", TOKEN)], bad_period).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.error_paths(), ["/period"]);
}

#[tokio::test]
async fn an_agreement_with_errors_is_refused_cell_by_cell_and_a_corrected_one_is_stored() {
    let app = portal();
    let seeded = send(&app, "GET", AGREEMENT, &[], Body::empty()).await.json();
    // The Sylhet table as signed: its weight sums and two level rows are wrong.
    let answer = send(&app, "PUT", AGREEMENT, &[("x-csrf-token", TOKEN)], seeded.to_string()).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", answer.text);
    let paths = answer.error_paths();
    assert_eq!(paths[0], "/areas/0/weight");
    assert!(paths.contains(&"/areas/1/activities/1/indicators/0/levels/4".to_owned()), "{paths:?}");
    assert!(answer.first_error_en().contains("If [1.6.1]'s weight were 4 instead of 8"));

    let mut fixed = corrected(&seeded);
    fixed["office_name"] = json!("সংশোধিত");
    let answer = send(&app, "PUT", AGREEMENT, &[("x-csrf-token", TOKEN)], fixed.to_string()).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    assert!(!answer.json()["warnings"].as_array().unwrap().is_empty(), "warnings travel with a successful save");
    let stored = send(&app, "GET", AGREEMENT, &[], Body::empty()).await;
    assert_eq!(stored.json()["office_name"], "সংশোধিত");
}

/// The seeded Sylhet agreement with its errors put right (look-alike digits, the date a year early).
fn corrected(seeded: &Value) -> Value {
    let mut fixed = seeded.clone();
    for (area, activity, indicator) in [(0, 5, 0), (3, 0, 0), (4, 1, 0)] {
        fixed["areas"][area]["activities"][activity]["indicators"][indicator]["weight"] = json!(4.0);
    }
    fixed["governance"][0]["activities"][2]["indicators"][0]["weight"] = json!(4.0);
    fixed["areas"][1]["activities"][1]["indicators"][0]["levels"][4] = json!(4.0);
    fixed["areas"][3]["activities"][1]["indicators"][0]["levels"][4] = json!(4.0);
    fixed["areas"][1]["activities"][0]["indicators"][0]["levels"][0] = json!("2024-12-12");
    fixed
}

#[tokio::test]
async fn negative_weights_are_refused_even_when_the_sums_balance() {
    let app = portal();
    let mut doc = corrected(&send(&app, "GET", AGREEMENT, &[], Body::empty()).await.json());
    // Area [১]: [১.১.১] 5 → 13 and [১.৬.১] 4 → -4 still add up to 22.
    doc["areas"][0]["activities"][0]["indicators"][0]["weight"] = json!(13.0);
    doc["areas"][0]["activities"][5]["indicators"][0]["weight"] = json!(-4.0);
    let answer = send(&app, "PUT", AGREEMENT, &[("x-csrf-token", TOKEN)], doc.to_string()).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", answer.text);
    assert_eq!(answer.error_paths(), ["/areas/0/activities/5/indicators/0/weight"]);
    assert!(answer.first_error_en().contains("cannot be negative"));
}

#[tokio::test]
async fn an_idempotency_key_that_is_not_ascii_is_refused_not_ignored() {
    let app = portal();
    let attempt = || {
        Request::builder()
            .method("POST")
            .uri(REPORTS)
            .header("x-csrf-token", TOKEN)
            .header("idempotency-key", axum::http::HeaderValue::from_bytes("কী-১".as_bytes()).unwrap())
            .body(Body::from(report("Q1", "bangla key")))
            .unwrap()
    };
    for _ in 0..2 {
        let response = app.clone().oneshot(attempt()).await.unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
        let body: Value = serde_json::from_slice(&bytes).unwrap();
        assert!(body["errors"][0]["message_en"].as_str().unwrap().contains("only visible ASCII"), "{body}");
    }
    let listed = send(&app, "GET", REPORTS, &[], Body::empty()).await;
    assert_eq!(listed.json()["reports"].as_array().unwrap().len(), 1, "nothing stored: only the seeded report");
    let long = "k".repeat(201);
    let answer = send(&app, "POST", REPORTS, &[("x-csrf-token", TOKEN), ("idempotency-key", long.as_str())], report("Q1", "long")).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_retry_gets_the_stored_answer_even_after_the_agreement_changed() {
    let app = portal();
    let headers = [("x-csrf-token", TOKEN), ("idempotency-key", "q1-before-the-change")];
    let body = json!({
        "schema": "batayan.apa-report/1", "office": "ict-sylhet", "fiscal_year": "2024-25", "period": "Q1",
        "values": { "1.1.1": { "quarters": [12, null, null, null] } },
    })
    .to_string();
    let first = send(&app, "POST", REPORTS, &headers, body.clone()).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    // The agreement changes: [১.১.১] becomes a date indicator, so a number 12 would now be refused.
    let mut changed = corrected(&send(&app, "GET", AGREEMENT, &[], Body::empty()).await.json());
    changed["areas"][0]["activities"][0]["indicators"][0]["method"] = json!("date");
    changed["areas"][0]["activities"][0]["indicators"][0]["unit"] = json!("তারিখ");
    for (k, day) in ["2025-04-30", "2025-05-15", "2025-05-31", "2025-06-15", "2025-06-30"].iter().enumerate() {
        changed["areas"][0]["activities"][0]["indicators"][0]["levels"][k] = json!(day);
    }
    changed["areas"][0]["activities"][0]["indicators"][0]["prior_actuals"] = json!([null, null]);
    changed["areas"][0]["activities"][0]["indicators"][0]["projections"] = json!([null, null]);
    let saved = send(&app, "PUT", AGREEMENT, &[("x-csrf-token", TOKEN)], changed.to_string()).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    let fresh = send(&app, "POST", REPORTS, &[("x-csrf-token", TOKEN)], body.clone()).await;
    assert_eq!(fresh.status, StatusCode::UNPROCESSABLE_ENTITY, "a new report is checked against today's agreement");

    let retry = send(&app, "POST", REPORTS, &headers, body).await;
    assert_eq!(retry.status, StatusCode::CREATED, "{}", retry.text);
    assert_eq!(retry.json(), first.json());
    assert_eq!(retry.headers["idempotent-replayed"], "true");
    let listed = send(&app, "GET", REPORTS, &[], Body::empty()).await;
    assert_eq!(listed.json()["reports"].as_array().unwrap().len(), 2, "the seeded report and the first attempt");
}

#[tokio::test]
async fn refusals_made_before_a_handler_are_json_too() {
    let app = portal();
    let wrong_method = send(&app, "DELETE", AGREEMENT, &[("x-csrf-token", TOKEN)], Body::empty()).await;
    assert_eq!(wrong_method.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(wrong_method.first_error_en().contains("not allowed here"), "{}", wrong_method.text);
    assert!(wrong_method.headers["allow"].to_str().unwrap().contains("PUT"));
    let unknown = send(&app, "GET", "/api/apa/ict-sylhet/2024-25/nothing/here", &[], Body::empty()).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert!(unknown.first_error_en().contains("no API at this address"), "{}", unknown.text);
    assert_eq!(unknown.headers["content-type"], "application/json");
    let bad_utf8 = send(&app, "GET", "/api/apa/%FF%FE/2024-25", &[], Body::empty()).await;
    assert!(bad_utf8.status.is_client_error());
    assert_eq!(bad_utf8.error_paths(), [""], "{}", bad_utf8.text);
    // Pages outside /api keep their own 404.
    let page = send(&app, "GET", "/nothing.html", &[], Body::empty()).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert_ne!(page.headers.get("content-type").map(|v| v.to_str().unwrap()), Some("application/json"));
}

#[tokio::test]
async fn an_office_the_portal_does_not_serve_is_404_everywhere_and_never_created() {
    let app = portal();
    let doc = corrected(&send(&app, "GET", AGREEMENT, &[], Body::empty()).await.json());
    let mut elsewhere = doc.clone();
    elsewhere["office"] = json!("ict-nowhere");
    for (method, uri, body) in [
        ("GET", "/api/apa/ict-nowhere/2024-25", String::new()),
        ("GET", "/api/apa/ict-nowhere/2024-25/reports", String::new()),
        ("GET", "/api/apa/ict-nowhere/2024-25/reports/latest", String::new()),
        ("PUT", "/api/apa/ict-nowhere/2024-25", elsewhere.to_string()),
    ] {
        let answer = send(&app, method, uri, &[("x-csrf-token", TOKEN)], body).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{method} {uri}");
        assert!(answer.first_error_en().contains("no office “ict-nowhere”"), "{method} {uri}: {}", answer.text);
    }
    // A served office without an agreement for the year: 404 for its reports too, and a PUT creates it (201).
    let dhaka = "/api/apa/ict-dhaka/2024-25";
    let reports = send(&app, "GET", &format!("{dhaka}/reports"), &[], Body::empty()).await;
    assert_eq!(reports.status, StatusCode::NOT_FOUND);
    let mut own = doc;
    own["office"] = json!("ict-dhaka");
    let created = send(&app, "PUT", dhaka, &[("x-csrf-token", TOKEN)], own.to_string()).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let replaced = send(&app, "PUT", dhaka, &[("x-csrf-token", TOKEN)], own.to_string()).await;
    assert_eq!(replaced.status, StatusCode::OK);
    assert_eq!(send(&app, "GET", &format!("{dhaka}/reports"), &[], Body::empty()).await.json()["reports"], json!([]));
}

#[tokio::test]
async fn an_evidence_link_typed_in_capitals_is_a_link() {
    let app = portal();
    let body = json!({
        "schema": "batayan.apa-report/1", "office": "ict-sylhet", "fiscal_year": "2024-25", "period": "Q1",
        "values": { "1.1.1": { "quarters": [12, null, null, null], "evidence": "HTTPS://SYLHET.GOV.BD/apa/q1" } },
    });
    let answer = send(&app, "POST", REPORTS, &[("x-csrf-token", TOKEN)], body.to_string()).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.text);
}

#[tokio::test]
async fn a_misshapen_agreement_is_422() {
    let app = portal();
    let doc = json!({ "schema": "batayan.apa/1", "office": "ict-sylhet", "fiscal_year": "2024-25", "areas": "none" });
    let answer = send(&app, "PUT", AGREEMENT, &[("x-csrf-token", TOKEN)], doc.to_string()).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(answer.first_error_en().contains("not shaped as batayan.apa/1"), "{}", answer.text);
}

#[tokio::test]
async fn a_repeated_post_with_the_same_idempotency_key_is_stored_once() {
    let app = portal();
    let headers = [("x-csrf-token", TOKEN), ("idempotency-key", "report-q1-attempt")];
    let first = send(&app, "POST", REPORTS, &headers, report("Q1", "first")).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    assert!(first.headers.get("idempotent-replayed").is_none());
    let again = send(&app, "POST", REPORTS, &headers, report("Q1", "first")).await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.json(), first.json(), "the same answer, the same id");
    assert_eq!(again.headers["idempotent-replayed"], "true");
    let listed = send(&app, "GET", REPORTS, &[], Body::empty()).await;
    assert_eq!(listed.json()["reports"].as_array().unwrap().len(), 2, "the seeded report and this one");

    // The same key with another body is a client bug, refused rather than silently replayed.
    let other = send(&app, "POST", REPORTS, &headers, report("Q1", "changed")).await;
    assert_eq!(other.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(other.first_error_en().contains("already used for a different request"));

    // Without a key, two posts are two reports.
    let plain = [("x-csrf-token", TOKEN)];
    send(&app, "POST", REPORTS, &plain, report("Q2", "a")).await;
    send(&app, "POST", REPORTS, &plain, report("Q2", "a")).await;
    let listed = send(&app, "GET", REPORTS, &[], Body::empty()).await;
    let reports = listed.json()["reports"].clone();
    let periods: Vec<&str> = reports.as_array().unwrap().iter().map(|r| r["period"].as_str().unwrap()).collect();
    assert_eq!(periods, ["Q2", "Q1", "Q2", "Q2"]);
}

#[tokio::test]
async fn report_values_are_checked_against_the_agreement() {
    let app = portal();
    let bad = json!({
        "schema": "batayan.apa-report/1", "office": "ict-sylhet", "fiscal_year": "2024-25", "period": "Q1",
        "values": { "1.1.1": { "quarters": [12, null, null, null] }, "2.1.1": { "quarters": [5, null, null, null] }, "7.7.7": {} },
    });
    let answer = send(&app, "POST", REPORTS, &[("x-csrf-token", TOKEN)], bad.to_string()).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", answer.text);
    assert_eq!(answer.error_paths(), ["/values/2.1.1/quarters/0", "/values/7.7.7"]);
    assert!(answer.json()["errors"][0]["message_bn"].as_str().unwrap().contains("তারিখ"));
}

#[tokio::test]
async fn bodies_over_one_mebibyte_are_413() {
    let app = portal();
    let huge = format!("{{\"pad\":\"{}\"}}", "x".repeat(MAX_BODY_BYTES));
    let answer = send(&app, "POST", REPORTS, &[("x-csrf-token", TOKEN)], huge).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(answer.first_error_en().contains("larger than 1 MiB"), "{}", answer.text);
}

#[tokio::test]
async fn pages_carry_the_token_and_a_strict_policy() {
    let app = portal();
    let page = send(&app, "GET", "/", &[], Body::empty()).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains(&format!("content=\"{TOKEN}\"")), "{}", page.text);
    let policy = page.headers["content-security-policy"].to_str().unwrap();
    assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval'"));
    assert!(!policy.contains("unsafe-inline"));
    assert_eq!(send(&app, "GET", "/../Cargo.toml", &[], Body::empty()).await.status, StatusCode::NOT_FOUND);
    let missing_pkg = send(&app, "GET", "/batayan/batayan.js", &[], Body::empty()).await;
    assert_eq!(missing_pkg.status, StatusCode::NOT_FOUND);
    assert!(missing_pkg.text.contains("cargo xtask build"));
}
