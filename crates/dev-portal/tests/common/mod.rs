//! What the endpoint tests share: a portal in memory, a request with the page's CSRF token and an
//! optional session cookie, a demo sign-in, and the check of a refusal's error body.

#![allow(clippy::unwrap_used, dead_code)] // a failed unwrap is how a test says it failed; not every test uses every helper

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use dev_portal::{Config, app_in_memory};
use serde_json::{Value, json};
use tower::ServiceExt;

pub const TOKEN: &str = "test-token-0123456789abcdef";

pub fn portal() -> Router {
    let config = Config { db: ":memory:".into(), www: std::env::temp_dir(), pkg: "/nonexistent".into(), offices: Vec::new() };
    app_in_memory(&config, TOKEN).unwrap()
}

pub struct Answer {
    pub status: StatusCode,
    pub cookie: Option<String>,
    pub json: Value,
}

pub async fn send(app: &Router, method: &str, uri: &str, session: Option<&str>, body: Option<Value>) -> Answer {
    let mut request = Request::builder().method(method).uri(uri).header("X-CSRF-Token", TOKEN).header("Content-Type", "application/json");
    if let Some(cookie) = session {
        request = request.header("Cookie", cookie);
    }
    let body = body.map_or_else(Body::empty, |b| Body::from(b.to_string()));
    let response = app.clone().oneshot(request.body(body).unwrap()).await.unwrap();
    let status = response.status();
    let cookie = response.headers().get("set-cookie").map(|c| c.to_str().unwrap().split(';').next().unwrap().to_owned());
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
    Answer { status, cookie, json: serde_json::from_slice(&bytes).unwrap_or(Value::Null) }
}

pub async fn sign_in(app: &Router, user: &str) -> String {
    let answer = send(app, "POST", "/api/session", None, Some(json!({ "user": user }))).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.json);
    answer.cookie.unwrap()
}

/// A refusal: its status, and the contract's error shape with a message in both languages.
pub fn refused(answer: &Answer, status: StatusCode) {
    assert_eq!(answer.status, status, "{}", answer.json);
    let error = &answer.json["errors"][0];
    assert!(error["message_bn"].as_str().is_some_and(|m| !m.is_empty()) && error["message_en"].as_str().is_some_and(|m| !m.is_empty()), "{}", answer.json);
}
