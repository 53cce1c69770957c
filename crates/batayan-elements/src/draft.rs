//! A Yew form's draft: the shared drafts of `batayan_web::draft` (localStorage, written after each pause
//! in typing, at once before sending, when the page is hidden and when the widget goes; cleared only
//! after a 2xx) held in a reducer, so that callbacks made once always see the latest text.

use std::rc::Rc;

use batayan_web::draft::{DraftStatus, DraftWriter, FlushOnHide, load};
use serde::Serialize;
use serde::de::DeserializeOwned;
use yew::prelude::*;

pub(crate) use batayan_web::draft::key;

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
        use_memo((), move |()| DraftWriter::new(key, move |s| status.set(s)))
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
            let on_hide = FlushOnHide::new({
                let writer = writer.clone();
                move || writer.flush()
            });
            move || {
                drop(on_hide);
                writer.flush();
            }
        });
    }
    let discard = {
        let (drafts, status, writer) = (state.dispatcher(), status.clone(), writer.clone());
        Callback::from(move |()| {
            writer.forget();
            drafts.dispatch(Change::Replace(fresh()));
            status.set(DraftStatus::Clean);
        })
    };
    let flush = Callback::from(move |()| writer.flush());
    KeptDraft { state, status, discard, flush }
}
