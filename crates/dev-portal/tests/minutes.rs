//! The minutes endpoints, request by request: both seed minutes served, staff publish and update, and a
//! 401 or 403 in the contract's error shape for everyone else.

#![allow(clippy::unwrap_used)] // a failed unwrap is how a test says it failed

mod common;

use axum::http::StatusCode;
use common::{refused, send, sign_in};
use serde_json::json;

#[tokio::test]
async fn both_seed_minutes_are_served_newest_first_and_one_by_one() {
    let app = common::portal();
    let list = send(&app, "GET", "/api/minutes", None, None).await;
    assert_eq!(list.status, StatusCode::OK);
    let listed = list.json["minutes"].as_array().unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0]["minutes"]["body"], "প্রাথমিক শিক্ষা অধিদপ্তর");
    let koyra = send(&app, "GET", "/api/minutes/1", None, None).await;
    assert_eq!(koyra.json["memo_number"], "০৫.৪৪.৪৭৫৩.০০০.০৬.০২৩.২২-৮৪৮");
    assert_eq!(koyra.json["items"].as_array().unwrap().len(), 8);
    refused(&send(&app, "GET", "/api/minutes/9", None, None).await, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn staff_set_a_status_and_publish_and_everyone_else_is_refused() {
    let app = common::portal();
    let change = json!({ "status": "done", "evidence": "https://koyra.khulna.gov.bd/e-nothi", "completed": "2022-10-15" });
    let address = "/api/minutes/1/items/2/decisions/0/status";
    refused(&send(&app, "PUT", address, None, Some(change.clone())).await, StatusCode::UNAUTHORIZED);
    let judge = sign_in(&app, "judge-1").await;
    refused(&send(&app, "PUT", address, Some(&judge), Some(change.clone())).await, StatusCode::FORBIDDEN);
    refused(&send(&app, "POST", "/api/minutes", Some(&judge), Some(json!({}))).await, StatusCode::FORBIDDEN);
    refused(&send(&app, "PUT", "/api/minutes/1", None, Some(json!({}))).await, StatusCode::UNAUTHORIZED);
    refused(&send(&app, "POST", "/api/minutes", None, Some(json!({}))).await, StatusCode::UNAUTHORIZED);
    refused(&send(&app, "PUT", "/api/minutes/1", Some(&judge), Some(json!({}))).await, StatusCode::FORBIDDEN);
    let staff = sign_in(&app, "staff").await;
    assert_eq!(send(&app, "PUT", address, Some(&staff), Some(change)).await.status, StatusCode::OK);
    let stored = send(&app, "GET", "/api/minutes/1", None, None).await;
    let decision = &stored.json["items"][2]["decisions"][0];
    assert_eq!((decision["status"].as_str(), decision["completed"].as_str()), (Some("done"), Some("2022-10-15")));
    refused(
        &send(&app, "PUT", address, Some(&staff), Some(json!({ "status": "done", "evidence": "javascript:alert(1)" }))).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    );
    refused(&send(&app, "PUT", "/api/minutes/1/items/99/decisions/0/status", Some(&staff), Some(json!({ "status": "done" }))).await, StatusCode::NOT_FOUND);
    // Publish the imported DPE minutes again as a new meeting; minutes without items are refused.
    let mut minutes = stored.json.clone();
    minutes["title"] = json!("পরবর্তী সভার কার্যবিবরণী");
    let published = send(&app, "POST", "/api/minutes", Some(&staff), Some(minutes)).await;
    assert_eq!((published.status, published.json["id"].as_i64()), (StatusCode::CREATED, Some(3)));
    let empty = json!({ "schema": "batayan.minutes/1", "body": "", "title": "", "chair": { "name": "" }, "items": [], "signatory": { "name": "" } });
    let answer = send(&app, "POST", "/api/minutes", Some(&staff), Some(empty)).await;
    refused(&answer, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.json["errors"][0]["path"], "/items");
}
