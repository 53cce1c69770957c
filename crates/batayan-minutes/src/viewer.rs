//! The element: fetches `src` (a `batayan.minutes/1` document), draws it, and filters its items as the
//! reader searches (a hit is marked where it is written; other items are hidden, and the count said).

use std::cell::RefCell;
use std::rc::Rc;

use batayan_core::contract::request_timeout_ms;
use batayan_core::locale::{Lang, Message};
use batayan_core::minutes::{Minutes, search};
use batayan_web::attributes;
use batayan_web::dom::{Dom, Listeners, add, error_box, set_all, with};
use batayan_web::net::Loads;
use batayan_web::widget::{Load, Widget, action_of, count, empty, listen, load_failed, load_json, loading, prepare, show, value_of};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlElement};

use crate::document;

#[derive(Clone, Debug, PartialEq)]
struct Wanted {
    src: Option<String>,
    timeout_ms: Result<u32, Message>,
    lang: Lang,
}

impl Wanted {
    fn read(host: &HtmlElement) -> Wanted {
        Wanted {
            src: attributes::text(host, "src"),
            timeout_ms: request_timeout_ms(attributes::text(host, "timeout").as_deref()),
            lang: attributes::language(host),
        }
    }
}

struct State {
    host: HtmlElement,
    root: Element,
    dom: Dom,
    wanted: RefCell<Wanted>,
    load: RefCell<Load<Rc<Minutes>>>,
    loads: Loads,
    /// What the reader searched for last (kept across a redraw in another language).
    query: RefCell<String>,
    listeners: RefCell<Listeners>,
}

pub(crate) struct Viewer {
    state: Rc<State>,
}

impl Viewer {
    pub(crate) fn mount(host: HtmlElement) -> Result<Viewer, JsValue> {
        let (root, dom) = prepare(&host, batayan_web::MINUTES_STYLES)?;
        let state = Rc::new(State {
            wanted: RefCell::new(Wanted::read(&host)),
            host,
            listeners: RefCell::new(Listeners::new(root.clone())),
            root,
            dom,
            load: RefCell::new(Load::Loading),
            loads: Loads::default(),
            query: RefCell::default(),
        });
        listen(&state, &mut state.listeners.borrow_mut(), &[("input", State::on_search), ("click", State::on_click), ("submit", State::on_submit)])?;
        start_load(&state);
        Ok(Viewer { state })
    }
}

impl Widget for Viewer {
    fn attribute_changed(&self) {
        let now = Wanted::read(&self.state.host);
        let before = self.state.wanted.replace(now.clone());
        if (before.src.as_deref(), &before.timeout_ms) != (now.src.as_deref(), &now.timeout_ms) {
            start_load(&self.state);
        } else if before != now {
            self.state.draw();
        }
    }

    fn destroy(&self) {
        self.state.loads.stop();
        self.state.listeners.borrow_mut().clear();
        empty(&self.state.host);
    }
}

fn start_load(state: &Rc<State>) {
    let wanted = state.wanted.borrow().clone();
    let missing = Message::new("কার্যবিবরণীর ঠিকানা দিন: <batayan-minutes src=\"…\">।", "Give the minutes' address: <batayan-minutes src=\"…\">.");
    load_json(
        state,
        |s| &s.loads,
        wanted.src,
        wanted.timeout_ms,
        missing,
        |state, load: Load<Minutes>| {
            state.load.replace(load.map(Rc::new));
            state.draw();
        },
    );
}

impl State {
    fn lang(&self) -> Lang {
        self.wanted.borrow().lang
    }

    fn draw(&self) {
        let lang = self.lang();
        show(&self.root, &self.dom, self.drawn(), lang);
        if !self.query.borrow().is_empty() {
            self.apply_search();
        }
    }

    fn drawn(&self) -> Result<Element, JsValue> {
        let lang = self.lang();
        if let Err(message) = &self.wanted.borrow().timeout_ms {
            return error_box(&self.dom, message, lang);
        }
        match &*self.load.borrow() {
            Load::Loading => loading(&self.dom, lang.pick("কার্যবিবরণী লোড হচ্ছে…", "Loading the minutes…")),
            Load::Failed(message) => load_failed(&self.dom, message, lang),
            Load::Ready(minutes) => self.document(minutes, lang),
        }
    }

    fn document(&self, minutes: &Minutes, lang: Lang) -> Result<Element, JsValue> {
        let today = batayan_web::today();
        let frame = self.dom.el("article", "by-widget by-minutes")?;
        frame.set_attribute("aria-labelledby", "by-minutes-title")?;
        add(&frame, &document::header(&self.dom, minutes, lang)?)?;
        add(&frame, &document::summary(&self.dom, minutes, today, lang)?)?;
        add(&frame, &self.search_box(minutes, lang)?)?;
        let items = self.dom.el("ol", "by-minutes__items")?;
        items.set_attribute("aria-label", lang.pick("আলোচ্য বিষয় ও সিদ্ধান্ত", "Items and decisions"))?;
        for (i, item) in minutes.items.iter().enumerate() {
            add(&items, &document::item(&self.dom, i, item, today, "", lang)?)?;
        }
        add(&frame, &items)?;
        add(&frame, &document::footer(&self.dom, minutes, lang)?)?;
        Ok(frame)
    }

    fn search_box(&self, minutes: &Minutes, lang: Lang) -> Result<Element, JsValue> {
        let form = self.dom.el("form", "by-minutes__search")?;
        form.set_attribute("role", "search")?;
        let label = self.dom.text("label", "by-form__label", lang.pick("আলোচ্য বিষয়, সিদ্ধান্ত বা বাস্তবায়নকারী খুঁজুন", "Search items, decisions and implementers"))?;
        label.set_attribute("for", "by-minutes-search")?;
        let input = self.dom.el("input", "by-input")?;
        set_all(&input, &[("id", "by-minutes-search"), ("type", "search"), ("autocomplete", "off"), ("value", &self.query.borrow())])?;
        let status = self.dom.text("p", "by-minutes__found", &found_words(minutes.items.len(), minutes.items.len(), false, lang))?;
        set_all(&status, &[("role", "status"), ("aria-live", "polite")])?;
        with(form, &[&label, &input, &status])
    }

    /// Shows the items the query finds, their hits marked, and says how many.
    fn apply_search(&self) {
        let Load::Ready(minutes) = &*self.load.borrow() else { return };
        let lang = self.lang();
        let query = self.query.borrow().clone();
        let hits = search(minutes, &query);
        let searching = !query.trim().is_empty();
        let today = batayan_web::today();
        let Ok(items) = self.root.query_selector_all(".by-minutes__item") else { return };
        for k in 0..items.length() {
            let Some(old) = items.item(k).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
            let Some(index) = old.get_attribute("data-item").and_then(|i| i.parse::<usize>().ok()) else { continue };
            let found = !searching || hits.iter().any(|h| h.item == index);
            let Some(item) = minutes.items.get(index) else { continue };
            // Drawn again with its marks (or without, when the search is cleared): an item is small.
            if let Ok(new) = document::item(&self.dom, index, item, today, if searching { &query } else { "" }, lang) {
                if !found {
                    let _ = new.set_attribute("hidden", "");
                }
                let _ = old.replace_with_with_node_1(&new);
            }
        }
        if let Some(status) = self.root.query_selector(".by-minutes__found").ok().flatten() {
            status.set_text_content(Some(&found_words(hits.len(), minutes.items.len(), searching, lang)));
        }
    }

    fn on_search(self: &Rc<State>, event: Event) {
        let Some(input) = batayan_web::dom::event_element(&event).filter(|e| e.id() == "by-minutes-search") else { return };
        self.query.replace(value_of(&input).unwrap_or_default());
        self.apply_search();
    }

    fn on_submit(self: &Rc<State>, event: Event) {
        event.prevent_default(); // Enter in the search box: already filtered as typed
    }

    fn on_click(self: &Rc<State>, event: Event) {
        if let Some((action, _)) = action_of(&event)
            && action == "retry"
        {
            start_load(self);
        }
    }
}

fn found_words(found: usize, total: usize, searching: bool, lang: Lang) -> String {
    match (searching, found, lang) {
        (false, _, Lang::Bn) => format!("{}টি আলোচ্য বিষয়।", count(total, lang)),
        (false, _, Lang::En) => format!("{total} items."),
        (true, 0, Lang::Bn) => "কোনো আলোচ্য বিষয়ে পাওয়া যায়নি।".to_owned(),
        (true, 0, Lang::En) => "Not found in any item.".to_owned(),
        (true, n, Lang::Bn) => format!("{}টির মধ্যে {}টি আলোচ্য বিষয়ে পাওয়া গেছে।", count(total, lang), count(n, lang)),
        (true, n, Lang::En) => format!("Found in {n} of {total} items."),
    }
}
