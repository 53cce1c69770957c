//! The browser edge every Batayan module shares: a citizen's page loads a read-only view
//! (`batayan-view`) and never a form (`batayan-elements`, `batayan-innovation`, `batayan-minutes`), yet
//! all of them read attributes, prepare the shadow root, build DOM, keep drafts and talk to the host
//! the same way — from here.
//!
//! **Invariant:** nothing here panics on what a page or a host gives us; every failure is a [`Message`]
//! (from `batayan-core`) a person can act on, or a `JsValue` error the caller turns into one.
//!
//! [`Message`]: batayan_core::locale::Message

use wasm_bindgen::JsCast;

pub mod attributes;
pub mod dom;
pub mod draft;
pub mod field;
pub mod net;
pub mod registry;
pub mod shadow;
pub mod submit;
pub mod widget;

/// The CSS every widget needs (host, root, cards, errors, bars, form fields, the submit bar), adopted as
/// a constructed stylesheet (it survives `style-src 'self'`). Class names are prefixed `by-` so that they
/// read as ours in a host page's inspector. Each module adopts this plus its own widgets' rules, and
/// carries no other module's: CSS in a module is bytes every page of it downloads (so the build script
/// minifies `src/styles/*.css` into these).
pub const BASE_STYLES: &str = include_str!(concat!(env!("OUT_DIR"), "/base.css"));

/// Base and the APA table's rules: the citizen's view and the APA forms.
pub const APA_STYLES: &str = concat!(include_str!(concat!(env!("OUT_DIR"), "/base.css")), include_str!(concat!(env!("OUT_DIR"), "/apa.css")));

/// Base and the minutes' rules.
pub const MINUTES_STYLES: &str = concat!(include_str!(concat!(env!("OUT_DIR"), "/base.css")), include_str!(concat!(env!("OUT_DIR"), "/minutes.css")));

/// Base and the innovation elements' rules.
pub const INNOVATION_STYLES: &str = concat!(include_str!(concat!(env!("OUT_DIR"), "/base.css")), include_str!(concat!(env!("OUT_DIR"), "/innovation.css")));

/// Resolves once the browser has painted what is on screen now: a status line set before a long piece of
/// work is seen before the work starts (a 0 ms timeout alone can run before the next frame). A hidden tab
/// paints no frames, so it also resolves after 100 ms whatever happens.
pub async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
        let resolve_later = wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            }
        });
        let _ = window.request_animation_frame(resolve_later.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The browser's local date. The core never reads a clock; the edges hand it the day.
pub fn today() -> chrono::NaiveDate {
    let now = js_sys::Date::new_0();
    let (y, m, d) = (now.get_full_year() as i32, now.get_month() + 1, now.get_date());
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}
