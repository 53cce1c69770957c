//! The reference host as a library, so that its tests drive the very router the binary serves.
//!
//! - [`app`] builds the router: API under `/api`, the package under `/batayan/`, the embedding examples
//!   under `/examples/` (from `examples/` beside `www/`), pages from `www/`.
//! - `store`: SQLite, migrated and seeded on open; every write is one transaction.
//! - `api`: the endpoints of `pkg-config/api.md`; `innovation`: the showcase's, with demo roles and sessions.
//! - `guard`: CSRF check, idempotency keys, security headers, the JSON error body.
//! - `pages`: static files, with the CSRF token written into HTML pages.

mod api;
mod guard;
mod innovation;
mod minutes;
mod pages;
mod store;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::routing::{get, post, put};

/// Where things are.
#[derive(Clone, Debug)]
pub struct Config {
    /// The SQLite file; created, migrated and seeded if new.
    pub db: PathBuf,
    /// The demo pages.
    pub www: PathBuf,
    /// The built package (`cargo xtask build`), served under `/batayan/`.
    pub pkg: PathBuf,
    /// Offices served besides the seeded ones (`--office KEY`); writes for any other office are refused.
    pub offices: Vec<String>,
}

/// Bodies over this are refused with 413 before any handler reads them.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

#[derive(Clone, Debug)]
pub(crate) struct AppState {
    /// One connection behind a mutex: the demo and tests make a handful of requests at a time, and
    /// SQLite serialises writes anyway. A real portal would use a pool.
    db: Arc<Mutex<rusqlite::Connection>>,
    /// Embedded in every HTML page's `<meta name="csrf-token">`, required on every write.
    csrf_token: Arc<str>,
    config: Arc<Config>,
}

/// The whole router, with the database opened (and created, migrated, seeded) at `config.db`.
pub fn app(config: &Config) -> Result<Router, rusqlite::Error> {
    let db = store::open(&config.db)?;
    with_offices(&db, config)?;
    Ok(app_with_token(config, db, guard::new_csrf_token()))
}

/// For tests: an in-memory database and a known token.
pub fn app_in_memory(config: &Config, csrf_token: &str) -> Result<Router, rusqlite::Error> {
    let db = store::open_in_memory()?;
    with_offices(&db, config)?;
    Ok(app_with_token(config, db, csrf_token.to_owned()))
}

fn with_offices(db: &rusqlite::Connection, config: &Config) -> rusqlite::Result<()> {
    config.offices.iter().try_for_each(|office| store::add_office(db, office))
}

fn app_with_token(config: &Config, db: rusqlite::Connection, csrf_token: String) -> Router {
    let state = AppState { db: Arc::new(Mutex::new(db)), csrf_token: csrf_token.into(), config: Arc::new(config.clone()) };
    let api = Router::new()
        .route("/api/health", get(api::health))
        .route("/api/apa/{office}/{fiscal_year}", get(api::get_agreement).put(api::put_agreement))
        .route("/api/apa/{office}/{fiscal_year}/reports", get(api::list_reports).post(api::post_report))
        .route("/api/apa/{office}/{fiscal_year}/reports/latest", get(api::latest_report))
        .route("/api/session", get(innovation::who).post(innovation::sign_in))
        .route("/api/innovation/rubric", get(innovation::rubric))
        .route("/api/innovation/entries", get(innovation::list_entries).post(innovation::post_entry))
        .route("/api/innovation/queue", get(innovation::queue))
        .route("/api/innovation/entries/{id}/sheet", put(innovation::put_sheet))
        .route("/api/innovation/sheets", get(innovation::all_sheets))
        .route("/api/innovation/results", get(innovation::results))
        .route("/api/innovation/results/publish", post(innovation::publish))
        .route("/api/minutes", get(minutes::list).post(minutes::publish))
        .route("/api/minutes/{id}", get(minutes::one).put(minutes::replace))
        .route("/api/minutes/{id}/items/{item}/decisions/{decision}/status", put(minutes::set_status))
        .route_layer(middleware::from_fn_with_state(state.clone(), guard::require_csrf_token));
    Router::new()
        .merge(api)
        .route("/batayan/{*path}", get(pages::package_file))
        .route("/examples/{*path}", get(pages::example_file))
        .fallback(get(pages::www_file))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::from_fn(guard::json_errors))
        .layer(middleware::from_fn(guard::security_headers))
        .with_state(state)
}
