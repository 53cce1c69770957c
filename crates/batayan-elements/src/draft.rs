//! Drafts in the browser's localStorage: what a person typed survives a reload, a crash or a lost
//! connection until the host acknowledges it. Every widget keeps its drafts here, the same way.
//!
//! A draft is written after each pause in typing (not on every keystroke: a 1,000-row draft is not
//! re-serialised per key), always before anything goes over the network, when the page is hidden or
//! left, and when the widget goes; it is removed only when the host answers 2xx. Keys name the widget,
//! the absolute submit URL and the document's scope
//! (`batayan:draft:apa-report:https://portal/api/apa/ict-sylhet/2024-25/reports:Q2`), so two widgets on a
//! page, or two offices on one portal, never share one.

use std::rc::Rc;

use batayan_core::locale::Message;
use batayan_widgets::ui::DraftStatus;
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use web_sys::Storage;
use yew::prelude::*;

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The draft key for `kind` of document sent to `url` (resolved against the page) about `scope`.
pub(crate) fn key(kind: &str, url: &str, scope: &str) -> String {
    let base = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let absolute = web_sys::Url::new_with_base(url, &base).map(|u| u.href()).unwrap_or_else(|_| url.to_owned());
    format!("batayan:draft:{kind}:{absolute}:{scope}")
}

/// The draft under `key`, if there is one this version can read.
pub(crate) fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
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
pub(crate) fn save<T: Serialize>(key: &str, draft: &T) -> Result<(), Message> {
    let text = crate::submit::to_json_text(draft)?;
    storage().ok_or_else(not_kept)?.set_item(key, &text).map_err(|_| not_kept())
}

/// Forgets the draft under `key` and the idempotency key kept with it (after the host stored it, or
/// when the person discards it).
pub(crate) fn clear(key: &str) {
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
    static SENT_KEYS: std::cell::RefCell<std::collections::HashMap<String, String>> = std::cell::RefCell::default();
}

fn sent_key_name(draft_key: &str) -> String {
    format!("{draft_key}:idempotency-key")
}

/// The `Idempotency-Key` for sending `body` from the draft under `draft_key`: the one kept with the draft
/// if it was made for this very body (same fingerprint), else a new one from `fresh`, kept before it
/// is used. Kept in localStorage, not in memory, so that a retry after a reload, or from a second tab
/// that restored the same draft, is recognised by the host as the same submission.
pub(crate) fn sent_key(draft_key: &str, body: &str, fresh: fn() -> String) -> String {
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

/// A draft in memory, and whether the person has typed into it since it was loaded.
#[derive(Debug)]
pub(crate) struct Kept<T> {
    pub value: Rc<T>,
    pub typed: bool,
}

/// A change to a kept draft.
pub(crate) enum Change<T> {
    /// The person typed: apply this to the draft.
    Edit(Box<dyn FnOnce(&mut T)>),
    /// Start over from this (a discard): nothing typed yet.
    Replace(T),
}

impl<T: Clone> Reducible for Kept<T> {
    type Action = Change<T>;

    fn reduce(self: Rc<Self>, change: Change<T>) -> Rc<Self> {
        match change {
            Change::Edit(edit) => {
                let mut value = (*self.value).clone();
                edit(&mut value);
                Rc::new(Kept { value: Rc::new(value), typed: true })
            }
            Change::Replace(value) => Rc::new(Kept { value: Rc::new(value), typed: false }),
        }
    }
}

/// How long typing may pause before the draft is written: a keystroke never re-serialises a large
/// draft, yet little is at risk; the draft is also written at once before any submission, when the page
/// is hidden or left, and when the widget goes.
const SAVE_DELAY_MS: i32 = 300;

/// Writes the latest draft to localStorage at most every [`SAVE_DELAY_MS`], or at once on [`flush`].
///
/// [`flush`]: DraftWriter::flush
struct DraftWriter<T> {
    key: Rc<str>,
    status: UseStateHandle<DraftStatus>,
    latest: std::cell::RefCell<Option<Rc<T>>>,
    timer: std::cell::Cell<Option<i32>>,
}

impl<T: Serialize + 'static> DraftWriter<T> {
    fn schedule(this: &Rc<Self>, value: Rc<T>) {
        *this.latest.borrow_mut() = Some(value);
        if this.timer.get().is_some() {
            return;
        }
        let weak = Rc::downgrade(this);
        let fire = wasm_bindgen::closure::Closure::once_into_js(move || {
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
    fn flush(&self) {
        if let (Some(id), Some(window)) = (self.timer.take(), web_sys::window()) {
            window.clear_timeout_with_handle(id);
        }
        let Some(value) = self.latest.borrow_mut().take() else { return };
        self.status.set(match save(&self.key, &*value) {
            Ok(()) => DraftStatus::Saved,
            Err(message) => DraftStatus::NotSaved(message),
        });
    }
}

/// A widget's draft: loaded from localStorage if the browser kept one (and `belongs` accepts it), else
/// `fresh()`; written after each pause in typing and at once by `flush` (call it before sending);
/// `discard` forgets it and starts again from `fresh()`.
pub(crate) struct KeptDraft<T: Clone + 'static> {
    pub state: UseReducerHandle<Kept<T>>,
    pub status: UseStateHandle<DraftStatus>,
    pub discard: Callback<()>,
    pub flush: Callback<()>,
}

#[hook]
pub(crate) fn use_kept_draft<T>(key: Rc<str>, fresh: Rc<dyn Fn() -> T>, belongs: Rc<dyn Fn(&T) -> bool>) -> KeptDraft<T>
where
    T: Clone + Serialize + DeserializeOwned + 'static,
{
    let kept: Rc<Option<T>> = {
        let key = key.clone();
        use_memo((), move |()| load::<T>(&key).filter(|d| belongs(d)))
    };
    let restored = kept.is_some();
    let state = {
        let (kept, fresh) = (kept.clone(), fresh.clone());
        use_reducer(move || Kept { value: Rc::new(kept.as_ref().clone().unwrap_or_else(|| fresh())), typed: false })
    };
    let status = use_state(|| if restored { DraftStatus::Restored } else { DraftStatus::Clean });
    let writer: Rc<DraftWriter<T>> = {
        let (key, status) = (key.clone(), status.clone());
        use_memo((), move |()| DraftWriter { key, status, latest: Default::default(), timer: Default::default() })
    };
    {
        // Compared by address, not by value: a 1,000-row draft is not walked on every render.
        let (writer, kept) = (writer.clone(), state.clone());
        use_effect_with(Rc::as_ptr(&state.value) as usize, move |_| {
            if kept.typed {
                DraftWriter::schedule(&writer, kept.value.clone());
            }
        });
    }
    {
        // Written at once when the page is hidden (a phone switching apps) or left (reload, close), and
        // when the widget is removed.
        let writer = writer.clone();
        use_effect_with((), move |()| {
            let listener = {
                let writer = writer.clone();
                wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || writer.flush())
            };
            let window = web_sys::window();
            for event in ["pagehide", "visibilitychange"] {
                if let Some(w) = &window {
                    let _ = w.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
                }
            }
            move || {
                for event in ["pagehide", "visibilitychange"] {
                    if let Some(w) = &window {
                        let _ = w.remove_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
                    }
                }
                writer.flush();
            }
        });
    }
    let discard = {
        let (drafts, status, writer) = (state.dispatcher(), status.clone(), writer.clone());
        Callback::from(move |()| {
            writer.latest.borrow_mut().take();
            clear(&key);
            drafts.dispatch(Change::Replace(fresh()));
            status.set(DraftStatus::Clean);
        })
    };
    let flush = Callback::from(move |()| writer.flush());
    KeptDraft { state, status, discard, flush }
}
