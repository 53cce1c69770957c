//! The innovation showcase's endpoints and roles, request by request: who may see and do what, and a
//! 403 (or 401) in the contract's error shape for everyone else.

#![allow(clippy::unwrap_used)] // a failed unwrap is how a test says it failed

mod common;

use axum::http::StatusCode;
use common::{refused, send, sign_in};
use serde_json::{Value, json};

fn marks(benefit: f64) -> Value {
    json!({ "entry": "", "judge": "", "marks": { "benefit": benefit, "novelty": 7, "feasibility": 8, "replicability": 7, "cost": 9 } })
}

#[tokio::test]
async fn the_public_sees_entries_and_the_rubric_and_no_ranks_until_published() {
    let app = common::portal();
    let entries = send(&app, "GET", "/api/innovation/entries", None, None).await;
    assert_eq!(entries.status, StatusCode::OK);
    assert_eq!(entries.json["entries"].as_array().unwrap().len(), 4, "the seeded entries");
    assert_eq!(send(&app, "GET", "/api/innovation/rubric", None, None).await.json["criteria"][0]["key"], "benefit");
    refused(&send(&app, "GET", "/api/innovation/results", None, None).await, StatusCode::FORBIDDEN);
    let judge = sign_in(&app, "judge-1").await;
    refused(&send(&app, "GET", "/api/innovation/results", Some(&judge), None).await, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_judge_scores_only_assigned_entries_and_never_sees_another_judges_marks() {
    let app = common::portal();
    refused(&send(&app, "GET", "/api/innovation/queue", None, None).await, StatusCode::UNAUTHORIZED);
    let one = sign_in(&app, "judge-1").await;
    let queue = send(&app, "GET", "/api/innovation/queue", Some(&one), None).await;
    let ids: Vec<i64> = queue.json["entries"].as_array().unwrap().iter().map(|e| e["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, [1, 2, 3]);
    assert_eq!(send(&app, "PUT", "/api/innovation/entries/1/sheet", Some(&one), Some(marks(9.0))).await.status, StatusCode::OK);
    refused(&send(&app, "PUT", "/api/innovation/entries/4/sheet", Some(&one), Some(marks(9.0))).await, StatusCode::FORBIDDEN);
    // Judge 2 scores entry 1 too: their queue holds their own sheet, not judge 1's marks.
    let two = sign_in(&app, "judge-2").await;
    let queue = send(&app, "GET", "/api/innovation/queue", Some(&two), None).await;
    assert_eq!(queue.json["entries"][0]["id"], 1);
    assert_eq!(queue.json["entries"][0]["sheet"], Value::Null, "judge 1's marks are not shown to judge 2");
    assert!(!queue.json.to_string().contains("judge-1"), "{}", queue.json);
    refused(&send(&app, "GET", "/api/innovation/sheets", Some(&two), None).await, StatusCode::FORBIDDEN);
    refused(&send(&app, "POST", "/api/innovation/results/publish", Some(&two), None).await, StatusCode::FORBIDDEN);
    // A sheet short of a criterion, or past the maximum, is refused at its mark.
    let mut short = marks(9.0);
    short["marks"].as_object_mut().unwrap().remove("cost");
    let answer = send(&app, "PUT", "/api/innovation/entries/2/sheet", Some(&two), Some(short)).await;
    refused(&answer, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.json["errors"][0]["path"], "/marks/cost");
    refused(&send(&app, "PUT", "/api/innovation/entries/2/sheet", Some(&two), Some(marks(11.0))).await, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_organiser_sees_every_sheet_and_publishes_and_then_everyone_sees_the_ranks() {
    let app = common::portal();
    for (judge, entry, benefit) in [("judge-1", 1, 9.0), ("judge-2", 1, 8.0), ("judge-1", 3, 6.0), ("judge-3", 3, 7.0), ("judge-2", 4, 10.0)] {
        let session = sign_in(&app, judge).await;
        assert_eq!(send(&app, "PUT", &format!("/api/innovation/entries/{entry}/sheet"), Some(&session), Some(marks(benefit))).await.status, StatusCode::OK);
    }
    let organiser = sign_in(&app, "organiser").await;
    let sheets = send(&app, "GET", "/api/innovation/sheets", Some(&organiser), None).await;
    assert_eq!(sheets.json["sheets"].as_array().unwrap().len(), 5);
    assert_eq!(sheets.json["sheets"][0]["judge"], "judge-1", "a sheet is its signed-in judge's, whatever the body said");
    let before = send(&app, "GET", "/api/innovation/results", Some(&organiser), None).await;
    assert_eq!((before.status, before.json["published"].as_bool()), (StatusCode::OK, Some(false)), "the organiser sees them before");
    assert_eq!(send(&app, "POST", "/api/innovation/results/publish", Some(&organiser), None).await.status, StatusCode::OK);
    let public = send(&app, "GET", "/api/innovation/results", None, None).await;
    assert_eq!(public.status, StatusCode::OK);
    let groups = public.json["ranking"]["groups"].as_array().unwrap();
    // Entries 1 and 3 are district · simplified/digitised; entry 4 is upazila. District, simplified service: entry 1.
    let placed: Vec<(String, Option<i64>)> =
        groups.iter().flat_map(|g| g["placed"].as_array().unwrap()).map(|p| (p["entry"].as_str().unwrap().to_owned(), p["rank"].as_i64())).collect();
    assert!(placed.contains(&("1".into(), Some(1))) && placed.contains(&("4".into(), Some(1))), "{placed:?}");
    assert!(placed.contains(&("2".into(), None)), "an entry nobody scored is listed, unranked: {placed:?}");
    assert_eq!(public.json["ranking"]["findings"], json!([]), "the public sees no judge's problems");
    assert!(public.json["titles"]["1"].as_str().unwrap().contains("ই-নথি"));
}

#[tokio::test]
async fn an_entry_is_checked_by_the_core_and_a_bad_sign_in_is_refused() {
    let app = common::portal();
    let mut entry: Value = serde_json::from_str(include_str!("../../../tests/fixtures/innovation-entry-enothi.json")).unwrap();
    entry["innovator"]["mobile"] = json!("০১২৩");
    let answer = send(&app, "POST", "/api/innovation/entries", None, Some(entry.clone())).await;
    refused(&answer, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.json["errors"][0]["path"], "/innovator/mobile");
    entry["innovator"]["mobile"] = json!("০১৭১১-২২৩৩৪৪");
    let stored = send(&app, "POST", "/api/innovation/entries", None, Some(entry)).await;
    assert_eq!((stored.status, stored.json["id"].as_i64()), (StatusCode::CREATED, Some(5)));
    refused(&send(&app, "POST", "/api/session", None, Some(json!({ "user": "mallory" }))).await, StatusCode::FORBIDDEN);
    refused(&send(&app, "GET", "/api/session", Some("batayan_session=forged"), None).await, StatusCode::UNAUTHORIZED);
}

/// Every role-guarded endpoint, asked by everyone who may not: signed out is 401, a wrong role or an
/// entry not assigned is 403, each in the contract's error shape (`refused` checks the body).
#[tokio::test]
async fn every_refusal_of_every_endpoint_is_401_or_403_with_the_error_body() {
    let app = common::portal();
    let (judge, organiser) = (sign_in(&app, "judge-3").await, sign_in(&app, "organiser").await);
    let sheet = Some(marks(8.0));
    // (method, address, session, body, the refusal)
    type Case<'a> = (&'a str, &'a str, Option<&'a str>, Option<Value>, StatusCode);
    let cases: [Case; 10] = [
        ("GET", "/api/innovation/queue", None, None, StatusCode::UNAUTHORIZED),
        ("GET", "/api/innovation/queue", Some(&organiser), None, StatusCode::FORBIDDEN),
        ("PUT", "/api/innovation/entries/2/sheet", None, sheet.clone(), StatusCode::UNAUTHORIZED),
        ("PUT", "/api/innovation/entries/2/sheet", Some(&organiser), sheet.clone(), StatusCode::FORBIDDEN),
        ("PUT", "/api/innovation/entries/1/sheet", Some(&judge), sheet.clone(), StatusCode::FORBIDDEN),
        ("GET", "/api/innovation/sheets", None, None, StatusCode::UNAUTHORIZED),
        ("GET", "/api/innovation/sheets", Some(&judge), None, StatusCode::FORBIDDEN),
        ("POST", "/api/innovation/results/publish", None, None, StatusCode::UNAUTHORIZED),
        ("POST", "/api/innovation/results/publish", Some(&judge), None, StatusCode::FORBIDDEN),
        ("GET", "/api/innovation/results", Some(&judge), None, StatusCode::FORBIDDEN),
    ];
    for (method, uri, session, body, status) in cases {
        let answer = send(&app, method, uri, session, body).await;
        assert_eq!(answer.status, status, "{method} {uri} as {session:?}");
        refused(&answer, status);
    }
}
