//! `<batayan-innovation-showcase src results-src timeout lang>`: the public gallery. Every entry as a
//! card with its TCV bars; filters by level, category and fiscal year and a search over the words,
//! applied in place (cards are hidden, not rebuilt); 1st–3rd per level and category marked once the
//! host says the results are published — a 403 or 404 from `results-src`, or `"published": false`
//! (an organiser previewing), shows no rank at all.

use std::cell::RefCell;
use std::rc::Rc;

use batayan_core::contract::request_timeout_ms;
use batayan_core::innovation::{Category, Entry, EntryList, Level};
use batayan_core::locale::{FiscalYear, Lang, Message, format_fixed};
use batayan_web::attributes;
use batayan_web::dom::{Dom, Listeners, add, error_box, set_all, with};
use batayan_web::net::{self, Cancel, Loads};
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlElement};

use crate::widget::{Widget, action_of, count, empty, listen, load_failed, loading, prepare, show, value_of};

#[derive(Clone, Debug, PartialEq)]
struct Wanted {
    src: Option<String>,
    results_src: Option<String>,
    timeout_ms: Result<u32, Message>,
    lang: Lang,
}

impl Wanted {
    fn read(host: &HtmlElement) -> Wanted {
        Wanted {
            src: attributes::text(host, "src"),
            results_src: attributes::text(host, "results-src"),
            timeout_ms: request_timeout_ms(attributes::text(host, "timeout").as_deref()),
            lang: attributes::language(host),
        }
    }

    fn source(&self) -> (Option<&str>, Option<&str>, u32) {
        (self.src.as_deref(), self.results_src.as_deref(), self.timeout_ms.clone().unwrap_or_default())
    }
}

/// `GET results-src` (`innovation::Results`, `innovation-results.schema.json`): only what the gallery
/// shows, read leniently — the whole ranking's findings and types would be bytes on a citizen's page.
#[derive(Debug, Default, Deserialize)]
struct Results {
    #[serde(default)]
    published: bool,
    #[serde(default)]
    ranking: RankingShown,
}

#[derive(Debug, Default, Deserialize)]
struct RankingShown {
    #[serde(default)]
    groups: Vec<GroupShown>,
}

#[derive(Debug, Deserialize)]
struct GroupShown {
    #[serde(default)]
    placed: Vec<PlacedShown>,
}

#[derive(Debug, Deserialize)]
struct PlacedShown {
    entry: String,
    #[serde(default)]
    score: Option<f64>,
    #[serde(default)]
    medal: Option<usize>,
}

/// Where the results stand, for the note above the gallery.
#[derive(Debug)]
enum Standing {
    NotAsked,
    NotPublished,
    /// Ranked entries: (id, medal, score). A list, not a map: a showcase has tens of entries, and a
    /// map's code is Wasm bytes every citizen downloads.
    Published(Vec<(String, usize, Option<f64>)>),
    Unavailable(Message),
}

#[derive(Debug)]
enum Load {
    Loading,
    Ready(Vec<(String, Entry)>, Standing),
    Failed(Message),
}

struct State {
    host: HtmlElement,
    root: Element,
    dom: Dom,
    wanted: RefCell<Wanted>,
    load: RefCell<Load>,
    loads: Loads,
    listeners: RefCell<Listeners>,
}

pub(crate) struct Showcase {
    state: Rc<State>,
}

impl Showcase {
    pub(crate) fn mount(host: HtmlElement) -> Result<Showcase, JsValue> {
        let (root, dom) = prepare(&host)?;
        let state = Rc::new(State {
            wanted: RefCell::new(Wanted::read(&host)),
            host,
            listeners: RefCell::new(Listeners::new(root.clone())),
            root,
            dom,
            load: RefCell::new(Load::Loading),
            loads: Loads::default(),
        });
        listen(
            &state,
            &mut state.listeners.borrow_mut(),
            &[("input", State::on_filter), ("change", State::on_filter), ("click", State::on_click), ("submit", State::on_submit)],
        )?;
        start_load(&state);
        Ok(Showcase { state })
    }
}

impl Widget for Showcase {
    fn attribute_changed(&self) {
        let now = Wanted::read(&self.state.host);
        let before = self.state.wanted.replace(now.clone());
        if before.source() != now.source() {
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
    let (this_load, cancel) = state.loads.start();
    state.load.replace(Load::Loading);
    state.draw();
    let wanted = state.wanted.borrow().clone();
    let Ok(timeout_ms) = wanted.timeout_ms else { return };
    let weak = Rc::downgrade(state);
    wasm_bindgen_futures::spawn_local(async move {
        let load = fetch(&wanted, timeout_ms, cancel.as_ref()).await;
        if let Some(state) = weak.upgrade().filter(|s| s.loads.is_latest(this_load)) {
            state.load.replace(load);
            state.draw();
        }
    });
}

async fn fetch(wanted: &Wanted, timeout_ms: u32, cancel: Option<&Cancel>) -> Load {
    let Some(src) = wanted.src.as_deref() else {
        return Load::Failed(Message::new(
            "এন্ট্রিগুলোর ঠিকানা দিন: <batayan-innovation-showcase src=\"…\">।",
            "Give the entries' address: <batayan-innovation-showcase src=\"…\">.",
        ));
    };
    let results = async {
        match wanted.results_src.as_deref() {
            None => Standing::NotAsked,
            Some(url) => results(url, timeout_ms, cancel).await,
        }
    };
    let (listed, standing) = net::both(net::get_json::<EntryList>(src, timeout_ms, cancel), results).await;
    match listed {
        Ok(listed) => Load::Ready(listed.entries.into_iter().map(|l| (l.id.text(), l.entry)).collect(), standing),
        Err(message) => Load::Failed(message),
    }
}

async fn results(url: &str, timeout_ms: u32, cancel: Option<&Cancel>) -> Standing {
    let answer = match net::request("GET", url, None, &[], timeout_ms, cancel).await {
        Ok(answer) => answer,
        Err(no) => return Standing::Unavailable(no.message(url)),
    };
    if matches!(answer.status, 401 | 403 | 404) {
        return Standing::NotPublished;
    }
    if !answer.ok() {
        return Standing::Unavailable(answer.status_message(url, "ফলাফল পাওয়া যায়নি।", "no results."));
    }
    let results: Results = answer.body.and_then(|b| serde_wasm_bindgen::from_value(b).ok()).unwrap_or_default();
    if !results.published {
        return Standing::NotPublished;
    }
    let ranked = results.ranking.groups.into_iter().flat_map(|g| g.placed).filter_map(|p| Some((p.entry, p.medal?, p.score)));
    Standing::Published(ranked.collect())
}

impl State {
    fn lang(&self) -> Lang {
        self.wanted.borrow().lang
    }

    fn draw(&self) {
        let lang = self.lang();
        show(&self.root, &self.dom, self.drawn(), lang);
    }

    fn drawn(&self) -> Result<Element, JsValue> {
        let lang = self.lang();
        if let Err(message) = &self.wanted.borrow().timeout_ms {
            return error_box(&self.dom, message, lang);
        }
        match &*self.load.borrow() {
            Load::Loading => loading(&self.dom, lang.pick("উদ্ভাবনগুলো লোড হচ্ছে…", "Loading the innovations…")),
            Load::Failed(message) => load_failed(&self.dom, message, lang),
            Load::Ready(entries, standing) => self.gallery(entries, standing, lang),
        }
    }

    fn gallery(&self, entries: &[(String, Entry)], standing: &Standing, lang: Lang) -> Result<Element, JsValue> {
        let frame = self.dom.el("div", "by-widget by-showcase")?;
        add(&frame, &self.dom.text("h2", "by-showcase__title", lang.pick("উদ্ভাবন শোকেসিং", "Innovation showcase"))?)?;
        let note = match standing {
            Standing::NotAsked => None,
            Standing::NotPublished => Some(lang.pick("ফলাফল এখনো প্রকাশিত হয়নি।", "The results are not published yet.").to_owned()),
            Standing::Published(_) => Some(
                lang.pick("ফলাফল প্রকাশিত: প্রতিটি স্তর ও ধরনে ১ম থেকে ৩য় স্থান চিহ্নিত।", "Results published: 1st to 3rd in each level and category are marked.")
                    .to_owned(),
            ),
            Standing::Unavailable(message) => Some(format!("{} {}", lang.pick("ফলাফল দেখানো যাচ্ছে না:", "The results cannot be shown:"), message.get(lang))),
        };
        if let Some(note) = note {
            add(&frame, &self.dom.text("p", "by-showcase__note", &note)?)?;
        }
        add(&frame, &self.filters(entries, lang)?)?;
        let status = self.dom.text("p", "by-showcase__count", &shown_count(entries.len(), entries.len(), lang))?;
        set_all(&status, &[("role", "status"), ("aria-live", "polite")])?;
        add(&frame, &status)?;
        let medal = |id: &str| match standing {
            Standing::Published(medals) => medals.iter().find(|(entry, _, _)| entry == id).map(|(_, medal, score)| (*medal, *score)),
            _ => None,
        };
        // Medalled entries first (1st, 2nd, 3rd), then the rest in the host's order. Four passes, not a
        // sort: a sort's code is bytes on every citizen's page, for a few tens of cards.
        let list = self.dom.el("ul", "by-showcase__list")?;
        for place in [Some(1), Some(2), Some(3), None] {
            for (id, entry) in entries {
                let placed = medal(id);
                if placed.map(|(p, _)| p).filter(|p| (1..=3).contains(p)) == place {
                    add(&list, &self.card(id, entry, placed, lang)?)?;
                }
            }
        }
        add(&frame, &list)?;
        add(&frame, &self.dom.text("p", "by-showcase__empty", lang.pick("খোঁজার সঙ্গে মেলে এমন কোনো উদ্ভাবন নেই।", "No innovation matches the search."))?)?;
        Ok(frame)
    }

    fn select(&self, name: &str, label: &str, options: &[(String, String)], lang: Lang) -> Result<Element, JsValue> {
        let id = format!("by-filter-{name}");
        let field = self.dom.el("div", "by-showcase__filter")?;
        let label = self.dom.text("label", "by-form__label", label)?;
        label.set_attribute("for", &id)?;
        let select = self.dom.el("select", "by-input")?;
        set_all(&select, &[("id", &id), ("data-filter", name)])?;
        let all = self.dom.text("option", "", lang.pick("সব", "All"))?;
        all.set_attribute("value", "")?;
        add(&select, &all)?;
        for (value, text) in options {
            let option = self.dom.text("option", "", text)?;
            option.set_attribute("value", value)?;
            add(&select, &option)?;
        }
        with(field, &[&label, &select])
    }

    fn filters(&self, entries: &[(String, Entry)], lang: Lang) -> Result<Element, JsValue> {
        let form = self.dom.el("form", "by-showcase__filters")?;
        set_all(&form, &[("role", "search"), ("aria-label", lang.pick("উদ্ভাবন খুঁজুন", "Find an innovation"))])?;
        // The choices the entries hold, in the lists' own order (years newest first).
        let levels: Vec<(String, String)> =
            Level::ALL.iter().filter(|l| entries.iter().any(|(_, e)| e.level == **l)).map(|l| (l.key().to_owned(), l.name(lang).to_owned())).collect();
        let categories: Vec<(String, String)> =
            Category::ALL.iter().filter(|c| entries.iter().any(|(_, e)| e.category == **c)).map(|c| (c.key().to_owned(), c.name(lang).to_owned())).collect();
        let mut years: Vec<FiscalYear> = Vec::new();
        for (_, entry) in entries {
            // Newest first, each once (an insertion: the list is a handful of years).
            let year = entry.fiscal_year;
            if !years.contains(&year) {
                let at = years.iter().position(|y| y.start_year() < year.start_year()).unwrap_or(years.len());
                years.insert(at, year);
            }
        }
        let years: Vec<(String, String)> = years.into_iter().map(|y| (y.code(), y.label(lang))).collect();
        add(&form, &self.select("level", lang.pick("স্তর", "Level"), &levels, lang)?)?;
        add(&form, &self.select("category", lang.pick("ধরন", "Category"), &categories, lang)?)?;
        add(&form, &self.select("year", lang.pick("অর্থবছর", "Fiscal year"), &years, lang)?)?;
        let search = self.dom.el("div", "by-showcase__filter by-showcase__filter--search")?;
        let label = self.dom.text("label", "by-form__label", lang.pick("খুঁজুন", "Search"))?;
        label.set_attribute("for", "by-filter-search")?;
        let input = self.dom.el("input", "by-input")?;
        set_all(&input, &[("id", "by-filter-search"), ("type", "search"), ("data-filter", "search"), ("autocomplete", "off")])?;
        add(&form, &with(search, &[&label, &input])?)?;
        Ok(form)
    }

    fn card(&self, id: &str, entry: &Entry, medal: Option<(usize, Option<f64>)>, lang: Lang) -> Result<Element, JsValue> {
        let item = self.dom.el("li", "by-showcase__entry")?;
        let words =
            [entry.title.as_str(), &entry.office, &entry.problem, &entry.solution, &entry.beneficiaries, &entry.innovator.name].join(" ").to_ascii_lowercase();
        set_all(
            &item,
            &[
                ("data-id", id),
                ("data-level", entry.level.key()),
                ("data-category", entry.category.key()),
                ("data-year", &entry.fiscal_year.code()),
                ("data-words", &words),
            ],
        )?;
        let card = self.dom.el("article", "by-showcase__card")?;
        let heading_id = format!("by-entry-{id}");
        card.set_attribute("aria-labelledby", &heading_id)?;
        if let Some((place, score)) = medal {
            card.class_list().add_1(&format!("by-showcase__card--place-{place}"))?;
            let place = &place;
            let place_text = match (place, lang) {
                (1, Lang::Bn) => "১ম স্থান".to_owned(),
                (2, Lang::Bn) => "২য় স্থান".to_owned(),
                (3, Lang::Bn) => "৩য় স্থান".to_owned(),
                (1, Lang::En) => "1st place".to_owned(),
                (2, Lang::En) => "2nd place".to_owned(),
                (3, Lang::En) => "3rd place".to_owned(),
                (n, _) => count(*n, lang),
            };
            let score = score.map(|s| format!(" · {} {}", lang.pick("নম্বর", "score"), format_fixed(s, 2, lang))).unwrap_or_default();
            // Places are per level and category: the badge names its group, so that two "1st" read right.
            let group = format!("{}, {}", entry.level.name(lang), entry.category.name(lang));
            add(&card, &self.dom.text("p", "by-showcase__place", &format!("{place_text} ({group}){score}"))?)?;
        }
        let title = self.dom.text("h3", "by-showcase__entry-title", &entry.title)?;
        title.set_attribute("id", &heading_id)?;
        add(&card, &title)?;
        let meta = [entry.office.as_str(), entry.level.name(lang), entry.category.name(lang), &entry.fiscal_year.label(lang)].join(" · ");
        add(&card, &self.dom.text("p", "by-showcase__meta", &meta)?)?;
        add(&card, &self.dom.text("p", "by-showcase__problem", &entry.problem)?)?;
        let more = self.dom.el("details", "by-showcase__more")?;
        add(&more, &self.dom.text("summary", "", lang.pick("সমাধান ও দল", "Solution and team"))?)?;
        add(&more, &self.dom.text("p", "", &entry.solution)?)?;
        let team = self.dom.el("dl", "by-form__values")?;
        for (role, person) in [
            (lang.pick("উদ্ভাবক", "Innovator"), &entry.innovator),
            (lang.pick("বাস্তবায়নকারী", "Implementer"), &entry.implementer),
            (lang.pick("মেন্টর", "Mentor"), &entry.mentor),
        ] {
            if person.name.trim().is_empty() {
                continue;
            }
            add(&team, &self.dom.text("dt", "", role)?)?;
            let who = if person.designation.trim().is_empty() { person.name.clone() } else { format!("{}, {}", person.name, person.designation) };
            add(&team, &self.dom.text("dd", "", &who)?)?;
        }
        add(&more, &team)?;
        add(&card, &more)?;
        add(&card, &crate::tcv::picture(&self.dom, entry, lang)?)?;
        add(&item, &card)?;
        Ok(item)
    }

    /// Filters the cards in place and says how many are shown.
    fn on_filter(self: &Rc<State>, _event: Event) {
        let value = |name: &str| {
            self.root.query_selector(&format!("[data-filter={name}]")).ok().flatten().and_then(|e| value_of(&e)).unwrap_or_default().trim().to_ascii_lowercase()
        };
        let (level, category, year, search) = (value("level"), value("category"), value("year"), value("search"));
        let words: Vec<&str> = search.split_whitespace().collect();
        let Ok(cards) = self.root.query_selector_all(".by-showcase__entry") else { return };
        let (mut shown, total) = (0, cards.length() as usize);
        for i in 0..cards.length() {
            let Some(card) = cards.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
            let attr = |name: &str| card.get_attribute(name).unwrap_or_default();
            let matches = (level.is_empty() || attr("data-level") == level)
                && (category.is_empty() || attr("data-category") == category)
                && (year.is_empty() || attr("data-year") == year)
                && words.iter().all(|w| attr("data-words").contains(w));
            let _ = if matches { card.remove_attribute("hidden") } else { card.set_attribute("hidden", "") };
            shown += usize::from(matches);
        }
        if let Some(status) = self.root.query_selector(".by-showcase__count").ok().flatten() {
            status.set_text_content(Some(&shown_count(shown, total, self.lang())));
        }
        if let Some(empty) = self.root.query_selector(".by-showcase__empty").ok().flatten() {
            let _ = if shown == 0 { empty.class_list().add_1("by-showcase__empty--shown") } else { empty.class_list().remove_1("by-showcase__empty--shown") };
        }
    }

    fn on_submit(self: &Rc<State>, event: Event) {
        // Enter in the search box filters (already done as typed); it never reloads the page.
        event.prevent_default();
    }

    fn on_click(self: &Rc<State>, event: Event) {
        if let Some((action, _)) = action_of(&event)
            && action == "retry"
        {
            start_load(self);
        }
    }
}

fn shown_count(shown: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::Bn => format!("{}টির মধ্যে {}টি উদ্ভাবন দেখানো হচ্ছে।", count(total, lang), count(shown, lang)),
        Lang::En => format!("Showing {shown} of {total} innovations."),
    }
}
