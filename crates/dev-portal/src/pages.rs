//! Static files: the demo pages from `www/` (HTML gets the CSRF token written in) and the built package
//! under `/batayan/`.

use std::path::{Component, Path, PathBuf};

use axum::extract::{Path as UrlPath, State};
use axum::http::{StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

use crate::AppState;

/// Where HTML pages put the token: `<meta name="csrf-token" content="{{csrf_token}}">`.
const CSRF_PLACEHOLDER: &str = "{{csrf_token}}";

pub(crate) async fn www_file(State(state): State<AppState>, uri: Uri) -> Response {
    let mut relative = uri.path().trim_start_matches('/').to_owned();
    if relative.is_empty() || relative.ends_with('/') {
        relative.push_str("index.html");
    }
    serve(&state.config.www, &relative, Some(&state.csrf_token)).await
}

/// A file of `examples/` (beside `www/`): pages that embed the widgets as a portal does, such as the
/// imitation of a National Portal Framework page that the portal end-to-end test reads.
pub(crate) async fn example_file(State(state): State<AppState>, UrlPath(path): UrlPath<String>) -> Response {
    let examples = state.config.www.parent().unwrap_or(Path::new(".")).join("examples");
    let path = if path.is_empty() || path.ends_with('/') { format!("{path}index.html") } else { path };
    serve(&examples, &path, Some(&state.csrf_token)).await
}

pub(crate) async fn package_file(State(state): State<AppState>, UrlPath(path): UrlPath<String>) -> Response {
    let response = serve(&state.config.pkg, &path, None).await;
    if response.status() == StatusCode::NOT_FOUND && !state.config.pkg.exists() {
        return (StatusCode::NOT_FOUND, "The package is not built yet: run `cargo xtask build`.\n").into_response();
    }
    response
}

/// A file under `root`, never outside it: a path with `..` or a root is refused.
fn resolve(root: &Path, relative: &str) -> Option<PathBuf> {
    let relative = Path::new(relative);
    relative.components().all(|c| matches!(c, Component::Normal(_))).then(|| root.join(relative))
}

async fn serve(root: &Path, relative: &str, csrf_token: Option<&str>) -> Response {
    let not_found = || (StatusCode::NOT_FOUND, "Not found.\n").into_response();
    let Some(path) = resolve(root, relative) else { return not_found() };
    let Ok(bytes) = tokio::fs::read(&path).await else { return not_found() };
    let content_type = content_type(&path);
    match (csrf_token, content_type.starts_with("text/html")) {
        (Some(token), true) => {
            let html = String::from_utf8_lossy(&bytes).replace(CSRF_PLACEHOLDER, token);
            ([(header::CONTENT_TYPE, content_type)], html).into_response()
        }
        _ => ([(header::CONTENT_TYPE, content_type)], bytes).into_response(),
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" | "md" => "text/plain; charset=utf-8",
        "ts" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_root() {
        let root = Path::new("/srv/www");
        assert_eq!(resolve(root, "index.html"), Some(PathBuf::from("/srv/www/index.html")));
        assert_eq!(resolve(root, "assets/portal.css"), Some(PathBuf::from("/srv/www/assets/portal.css")));
        assert_eq!(resolve(root, "../secret"), None);
        assert_eq!(resolve(root, "a/../../secret"), None);
        assert_eq!(resolve(root, "/etc/passwd"), None);
    }
}
