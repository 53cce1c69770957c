//! Drafts in the browser's localStorage: what a person typed survives a reload, a crash or a lost
//! connection until the host acknowledges it. Every widget keeps its drafts here, the same way: it
//! holds a [`DraftWriter`] and hands it what was typed.
//!
//! A draft is written after each pause in typing (not on every keystroke: a 1,000-row draft is not
//! re-serialised per key), always before anything goes over the network, when the page is hidden or
//! left, and when the widget goes; it is removed only when the host answers 2xx. Keys name the widget,
//! the absolute submit URL and the document's scope
//! (`batayan:draft:apa-report:https://portal/api/apa/ict-sylhet/2024-25/reports:Q2`), so two widgets on a
//! page, or two offices on one portal, never share one.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use batayan_core::locale::Message;
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::Storage;

/// Whether what was typed is safe in this browser.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum DraftStatus {
    /// Nothing typed yet.
    #[default]
    Clean,
    /// Typed and kept in this browser.
    Saved,
    /// A draft from an earlier visit, not yet submitted, was put back.
    Restored,
    /// The browser would not keep it (private mode, storage full): say so, the form still works.
    NotSaved(Message),
}

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The draft key for `kind` of document sent to `url` (resolved against the page) about `scope`.
pub fn key(kind: &str, url: &str, scope: &str) -> String {
    let base = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let absolute = web_sys::Url::new_with_base(url, &base).map(|u| u.href()).unwrap_or_else(|_| url.to_owned());
    format!("batayan:draft:{kind}:{absolute}:{scope}")
}

/// The draft under `key`, if there is one this version can read.
pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    let text = storage()?.get_item(key).ok().flatten()?;
    let value = js_sys::JSON::parse(&text).ok()?;
    serde_wasm_bindgen::from_value(value).ok()
}

fn not_kept() -> Message {
    Message::new(
        "এই ব্রাউজার খসড়া রাখতে দিচ্ছে না (প্রাইভেট মোড বা জায়গা নেই): পাতা বন্ধ করার আগে জমা দিন।",
        "This browser will not keep the draft (private mode or no space): submit before you close the page.",
    )
}

/// Saves `draft` under `key`, or says why it could not be kept.
pub fn save<T: Serialize>(key: &str, draft: &T) -> Result<(), Message> {
    let text = crate::submit::to_json_text(draft)?;
    storage().ok_or_else(not_kept)?.set_item(key, &text).map_err(|_| not_kept())
}

/// Forgets the draft under `key` and the idempotency key kept with it (after the host stored it, or
/// when the person discards it).
pub fn clear(key: &str) {
    let name = sent_key_name(key);
    SENT_KEYS.with(|keys| keys.borrow_mut().remove(&name));
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
        let _ = storage.remove_item(&name);
    }
}

thread_local! {
    /// The kept idempotency keys, also in memory: where the browser keeps nothing (private mode, storage
    /// full), retries from this page are still recognised; only a reload would lose them.
    static SENT_KEYS: RefCell<std::collections::HashMap<String, String>> = RefCell::default();
}

fn sent_key_name(draft_key: &str) -> String {
    format!("{draft_key}:idempotency-key")
}

/// The `Idempotency-Key` for sending `body` from the draft under `draft_key`: the one kept with the draft
/// if it was made for this very body (same fingerprint), else a new one from `fresh`, kept before it
/// is used. Kept in localStorage, not in memory, so that a retry after a reload, or from a second tab
/// that restored the same draft, is recognised by the host as the same submission.
pub fn sent_key(draft_key: &str, body: &str, fresh: fn() -> String) -> String {
    let fingerprint = batayan_core::contract::body_fingerprint(body);
    let name = sent_key_name(draft_key);
    let storage = storage();
    let kept = storage.as_ref().and_then(|s| s.get_item(&name).ok().flatten()).or_else(|| SENT_KEYS.with(|keys| keys.borrow().get(&name).cloned()));
    if let Some((kept_fingerprint, key)) = kept.as_deref().and_then(|k| k.split_once(' '))
        && kept_fingerprint == fingerprint
        && !key.is_empty()
    {
        return key.to_owned();
    }
    let key = fresh();
    let entry = format!("{fingerprint} {key}");
    if let Some(storage) = storage {
        let _ = storage.set_item(&name, &entry);
    }
    SENT_KEYS.with(|keys| keys.borrow_mut().insert(name, entry));
    key
}

/// How long typing may pause before the draft is written: a keystroke never re-serialises a large
/// draft, yet little is at risk; the draft is also written at once before any submission, when the page
/// is hidden or left, and when the widget goes.
pub const SAVE_DELAY_MS: i32 = 300;

/// Writes the latest draft to localStorage at most every [`SAVE_DELAY_MS`], or at once on
/// [`flush`](DraftWriter::flush); tells `on_status` how each write went.
pub struct DraftWriter<T> {
    key: Rc<str>,
    on_status: Box<dyn Fn(DraftStatus)>,
    latest: RefCell<Option<Rc<T>>>,
    timer: Cell<Option<i32>>,
}

impl<T> std::fmt::Debug for DraftWriter<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DraftWriter").field("key", &self.key).finish_non_exhaustive()
    }
}

impl<T: Serialize + 'static> DraftWriter<T> {
    pub fn new(key: Rc<str>, on_status: impl Fn(DraftStatus) + 'static) -> DraftWriter<T> {
        DraftWriter { key, on_status: Box::new(on_status), latest: RefCell::default(), timer: Cell::default() }
    }

    /// The key the draft is kept under.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Keeps `value` to be written after the pause.
    pub fn schedule(this: &Rc<Self>, value: Rc<T>) {
        *this.latest.borrow_mut() = Some(value);
        if this.timer.get().is_some() {
            return;
        }
        let weak = Rc::downgrade(this);
        let fire = Closure::once_into_js(move || {
            if let Some(writer) = weak.upgrade() {
                writer.timer.set(None);
                writer.flush();
            }
        });
        let timer = web_sys::window().and_then(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(fire.unchecked_ref(), SAVE_DELAY_MS).ok());
        match timer {
            Some(id) => this.timer.set(Some(id)),
            // No timer to be had: write now rather than never.
            None => this.flush(),
        }
    }

    /// Writes what is pending, now.
    pub fn flush(&self) {
        if let (Some(id), Some(window)) = (self.timer.take(), web_sys::window()) {
            window.clear_timeout_with_handle(id);
        }
        let Some(value) = self.latest.borrow_mut().take() else { return };
        (self.on_status)(match save(&self.key, &*value) {
            Ok(()) => DraftStatus::Saved,
            Err(message) => DraftStatus::NotSaved(message),
        });
    }

    /// Forgets what is pending and the stored draft (a discard, or the host has it).
    pub fn forget(&self) {
        if let (Some(id), Some(window)) = (self.timer.take(), web_sys::window()) {
            window.clear_timeout_with_handle(id);
        }
        self.latest.borrow_mut().take();
        clear(&self.key);
    }
}

/// Calls `flush` when the page is hidden (a phone switching apps) or left (reload, close) until the
/// guard is dropped (when the widget goes).
#[derive(Debug)]
pub struct FlushOnHide {
    listener: Closure<dyn Fn()>,
}

impl FlushOnHide {
    pub fn new(flush: impl Fn() + 'static) -> FlushOnHide {
        let listener = Closure::<dyn Fn()>::new(flush);
        if let Some(window) = web_sys::window() {
            for event in ["pagehide", "visibilitychange"] {
                let _ = window.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
            }
        }
        FlushOnHide { listener }
    }
}

impl Drop for FlushOnHide {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            for event in ["pagehide", "visibilitychange"] {
                let _ = window.remove_event_listener_with_callback(event, self.listener.as_ref().unchecked_ref());
            }
        }
    }
}
