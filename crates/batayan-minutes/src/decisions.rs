//! `<batayan-decisions src submit-url timeout lang>`: the decision register across meetings (`GET src`:
//! `batayan.minutes` documents listed with their ids). Filters by implementer, status, overdue and
//! body; the rate as a figure and a bar, overall and per implementer; office staff set a decision's
//! status with a note, an evidence link and the day it was done — sent with `PUT` to `submit-url`
//! (`{minutes}`, `{item}`, `{decision}` replaced), on the shared submission path, the form's text kept
//! as a draft until the host stores it; a CSV export of what is shown (UTF-8 with a byte-order mark).

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use batayan_core::contract::request_timeout_ms;
use batayan_core::locale::{Lang, Message, format_fixed, format_gregorian, parse_date};
use batayan_core::minutes::{Filter, MinutesList, RegisterEntry, Status, StatusChange, implementers, rates, register, status_name, to_csv};
use batayan_web::attributes;
use batayan_web::dom::{Dom, Listeners, add, error_box, progress_bar, set_all, with};
use batayan_web::draft::{DraftStatus, DraftWriter, FlushOnHide};
use batayan_web::net::Loads;
use batayan_web::submit::{Submission, Target, submit, to_json_text};
use batayan_web::widget::{Load, Widget, action_of, button, count, empty, flush_on_hide, listen, load_failed, load_json, loading, prepare, show, value_of};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlElement};

#[derive(Clone, Debug, PartialEq)]
struct Wanted {
    src: Option<String>,
    submit_url: Option<String>,
    timeout_ms: Result<u32, Message>,
    lang: Lang,
}

impl Wanted {
    fn read(host: &HtmlElement) -> Wanted {
        Wanted {
            src: attributes::text(host, "src"),
            submit_url: attributes::text(host, "submit-url"),
            timeout_ms: request_timeout_ms(attributes::text(host, "timeout").as_deref()),
            lang: attributes::language(host),
        }
    }
}

/// A decision by its place: meeting id, item, decision.
type Place = (u64, usize, usize);

/// The status form as typed: kept in the browser until the host stores it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct StatusDraft {
    status: String,
    note: String,
    evidence: String,
    completed: String,
}

const STATUSES: [(Status, &str); 4] = [(Status::Pending, "pending"), (Status::InProgress, "in_progress"), (Status::Done, "done"), (Status::Dropped, "dropped")];

fn status_of(key: &str) -> Option<Status> {
    STATUSES.iter().find(|(_, k)| *k == key).map(|(s, _)| *s)
}

fn key_of(status: Status) -> &'static str {
    STATUSES.iter().find(|(s, _)| *s == status).map_or("pending", |(_, k)| k)
}

/// The open status form: which decision, its draft, where the draft is kept, how the last send went.
struct Editing {
    place: Place,
    draft: StatusDraft,
    writer: Rc<DraftWriter<StatusDraft>>,
    status: DraftStatus,
    submission: Submission,
    problem: Option<Message>,
}

struct State {
    host: HtmlElement,
    root: Element,
    dom: Dom,
    wanted: RefCell<Wanted>,
    load: RefCell<Load<MinutesList>>,
    loads: Loads,
    filter: RefCell<Filter>,
    editing: RefCell<Option<Editing>>,
    listeners: RefCell<Listeners>,
    on_hide: RefCell<Option<FlushOnHide>>,
}

pub(crate) struct Register {
    state: Rc<State>,
}

impl Register {
    pub(crate) fn mount(host: HtmlElement) -> Result<Register, JsValue> {
        let (root, dom) = prepare(&host, batayan_web::MINUTES_STYLES)?;
        let state = Rc::new(State {
            wanted: RefCell::new(Wanted::read(&host)),
            host,
            listeners: RefCell::new(Listeners::new(root.clone())),
            root,
            dom,
            load: RefCell::new(Load::Loading),
            loads: Loads::default(),
            filter: RefCell::default(),
            editing: RefCell::default(),
            on_hide: RefCell::default(),
        });
        listen(
            &state,
            &mut state.listeners.borrow_mut(),
            &[("input", State::on_input), ("change", State::on_input), ("click", State::on_click), ("submit", State::on_submit)],
        )?;
        state.on_hide.replace(Some(flush_on_hide(&state, State::flush)));
        start_load(&state);
        Ok(Register { state })
    }
}

impl Widget for Register {
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
        self.state.flush();
        self.state.on_hide.take();
        self.state.loads.stop();
        self.state.listeners.borrow_mut().clear();
        empty(&self.state.host);
    }
}

fn start_load(state: &Rc<State>) {
    let wanted = state.wanted.borrow().clone();
    let missing = Message::new("সভাগুলোর ঠিকানা দিন: <batayan-decisions src=\"…\">।", "Give the meetings' address: <batayan-decisions src=\"…\">.");
    load_json(
        state,
        |s| &s.loads,
        wanted.src,
        wanted.timeout_ms,
        missing,
        |state, load: Load<MinutesList>| {
            state.load.replace(load);
            state.draw();
        },
    );
}

/// The address a decision's status is sent to.
fn status_url(template: &str, (meeting, item, decision): Place) -> String {
    template.replace("{minutes}", &meeting.to_string()).replace("{item}", &item.to_string()).replace("{decision}", &decision.to_string())
}

impl State {
    fn lang(&self) -> Lang {
        self.wanted.borrow().lang
    }

    /// Writes the open form's draft now. The writer is taken out first: writing reports its status back
    /// into `editing`, which must not be borrowed then.
    fn flush(&self) {
        let writer = self.editing.borrow().as_ref().map(|e| e.writer.clone());
        if let Some(writer) = writer {
            writer.flush();
        }
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
            Load::Loading => loading(&self.dom, lang.pick("সিদ্ধান্তগুলো লোড হচ্ছে…", "Loading the decisions…")),
            Load::Failed(message) => load_failed(&self.dom, message, lang),
            Load::Ready(list) => self.register(list, lang),
        }
    }

    fn register(&self, list: &MinutesList, lang: Lang) -> Result<Element, JsValue> {
        let today = batayan_web::today();
        let entries = register(list, today);
        let filter = self.filter.borrow().clone();
        let shown: Vec<&RegisterEntry> = entries.iter().filter(|e| filter.keeps(e)).collect();
        let frame = self.dom.el("div", "by-widget by-decisions")?;
        add(&frame, &self.dom.text("h2", "by-form__title", lang.pick("সিদ্ধান্ত বাস্তবায়নের রেজিস্টার", "Register of decisions"))?)?;
        add(&frame, &self.rates(&shown, lang)?)?;
        add(&frame, &self.filters(list, &entries, &filter, lang)?)?;
        let words = match lang {
            Lang::Bn => format!("{}টির মধ্যে {}টি সিদ্ধান্ত দেখানো হচ্ছে।", count(entries.len(), lang), count(shown.len(), lang)),
            Lang::En => format!("Showing {} of {} decisions.", shown.len(), entries.len()),
        };
        let status = self.dom.text("p", "by-decisions__count", &words)?;
        set_all(&status, &[("role", "status"), ("aria-live", "polite")])?;
        add(&frame, &status)?;
        let rows = self.dom.el("ol", "by-decisions__list")?;
        for entry in &shown {
            add(&rows, &self.row(entry, lang)?)?;
        }
        add(&frame, &rows)?;
        Ok(frame)
    }

    /// The rate as a figure and a bar, overall and per implementer.
    fn rates(&self, shown: &[&RegisterEntry], lang: Lang) -> Result<Element, JsValue> {
        let (total, each) = rates(shown);
        let part = self.dom.el("section", "by-decisions__rates")?;
        part.set_attribute("aria-label", lang.pick("বাস্তবায়নের হার", "Implementation rate"))?;
        let line = |name: &str, rate: batayan_core::minutes::Rate| -> Result<Element, JsValue> {
            let percent = rate.percent().unwrap_or(0.0);
            let words = match lang {
                Lang::Bn => format!("{}টির মধ্যে {}টি ({}%)", count(rate.counted, lang), count(rate.done, lang), format_fixed(percent, 0, lang)),
                Lang::En => format!("{} of {} ({}%)", rate.done, rate.counted, format_fixed(percent, 0, lang)),
            };
            let li = self.dom.el("li", "by-decisions__rate")?;
            add(&li, &self.dom.text("span", "by-decisions__who", name)?)?;
            add(&li, &progress_bar(&self.dom, percent / 100.0, &format!("{name}: {words}"), name, &[])?)?;
            add(&li, &self.dom.text("span", "by-decisions__figure", &words)?)?;
            Ok(li)
        };
        let overall = self.dom.el("ul", "by-decisions__rates-list")?;
        add(&overall, &line(lang.pick("সব সিদ্ধান্ত", "All decisions"), total)?)?;
        add(&part, &overall)?;
        if !each.is_empty() {
            let details = self.dom.el("details", "by-decisions__each")?;
            add(&details, &self.dom.text("summary", "", lang.pick("বাস্তবায়নকারী অনুযায়ী হার", "Rate per implementer"))?)?;
            let list = self.dom.el("ul", "by-decisions__rates-list")?;
            for (name, rate) in &each {
                add(&list, &line(name, *rate)?)?;
            }
            add(&details, &list)?;
            add(&part, &details)?;
        }
        Ok(part)
    }

    fn select(&self, id: &str, label: &str, options: &[(String, String)], chosen: &str, lang: Lang) -> Result<Element, JsValue> {
        let field = self.dom.el("div", "by-decisions__filter")?;
        let label = self.dom.text("label", "by-form__label", label)?;
        label.set_attribute("for", id)?;
        let select = self.dom.el("select", "by-input")?;
        set_all(&select, &[("id", id), ("data-filter", id)])?;
        let all = self.dom.text("option", "", lang.pick("সব", "All"))?;
        all.set_attribute("value", "")?;
        add(&select, &all)?;
        for (value, text) in options {
            let option = self.dom.text("option", "", text)?;
            option.set_attribute("value", value)?;
            if value == chosen {
                option.set_attribute("selected", "")?;
            }
            add(&select, &option)?;
        }
        with(field, &[&label, &select])
    }

    fn filters(&self, list: &MinutesList, entries: &[RegisterEntry], filter: &Filter, lang: Lang) -> Result<Element, JsValue> {
        let form = self.dom.el("form", "by-decisions__filters")?;
        set_all(&form, &[("role", "search"), ("aria-label", lang.pick("সিদ্ধান্ত বাছাই", "Filter decisions"))])?;
        let names: Vec<(String, String)> = implementers(entries).into_iter().map(|n| (n.to_owned(), n.to_owned())).collect();
        add(&form, &self.select("by-filter-implementer", lang.pick("বাস্তবায়নকারী", "Implementer"), &names, filter.implementer.as_deref().unwrap_or(""), lang)?)?;
        let statuses: Vec<(String, String)> = STATUSES.iter().map(|(s, k)| ((*k).to_owned(), status_name(*s, lang).to_owned())).collect();
        add(&form, &self.select("by-filter-status", lang.pick("অবস্থা", "Status"), &statuses, filter.status.map_or("", key_of), lang)?)?;
        let mut bodies: Vec<(String, String)> = Vec::new();
        for listed in &list.minutes {
            if !bodies.iter().any(|(b, _)| b == &listed.minutes.body) {
                bodies.push((listed.minutes.body.clone(), listed.minutes.body.clone()));
            }
        }
        add(&form, &self.select("by-filter-body", lang.pick("সভা (দপ্তর/কমিটি)", "Meeting body"), &bodies, filter.body.as_deref().unwrap_or(""), lang)?)?;
        let overdue = self.dom.el("div", "by-decisions__filter by-decisions__filter--check")?;
        let check = self.dom.el("input", "by-judging__check")?;
        set_all(&check, &[("type", "checkbox"), ("id", "by-filter-overdue"), ("data-filter", "by-filter-overdue")])?;
        if filter.overdue_only {
            check.set_attribute("checked", "")?;
        }
        let label = self.dom.text("label", "", lang.pick("শুধু সময় পেরোনো", "Overdue only"))?;
        label.set_attribute("for", "by-filter-overdue")?;
        add(&form, &with(overdue, &[&check, &label])?)?;
        add(&form, &button(&self.dom, "by-button by-button--secondary", lang.pick("CSV নামান", "Download CSV"), "csv")?)?;
        Ok(form)
    }

    fn row(&self, entry: &RegisterEntry, lang: Lang) -> Result<Element, JsValue> {
        let place = (entry.meeting, entry.item, entry.index);
        let li = self.dom.el("li", "by-decisions__row")?;
        li.set_attribute("data-place", &format!("{}/{}/{}", place.0, place.1, place.2))?;
        let meeting = entry.minutes.date.map(|d| format_gregorian(d, lang)).unwrap_or_else(|| entry.minutes.date_text.clone());
        let item = &entry.minutes.items[entry.item];
        add(&li, &self.dom.text("p", "by-decisions__meeting", &format!("{} · {} · {} {}", entry.minutes.body, meeting, item.serial, item.topic))?)?;
        let text = self.dom.el("p", "by-minutes__decision-text by-decisions__text")?;
        add(&text, &self.dom.text("strong", "by-minutes__serial", &entry.serial())?)?;
        text.append_with_str_1(&format!(" {}", entry.decision.text))?;
        add(&li, &text)?;
        let badges = self.dom.el("p", "by-minutes__badges")?;
        let status_class = format!("by-badge by-badge--{}", key_of(entry.decision.status).replace('_', "-"));
        add(&badges, &self.dom.text("span", &status_class, &format!("{}: {}", lang.pick("অবস্থা", "Status"), status_name(entry.decision.status, lang)))?)?;
        if let Some(deadline) = &entry.decision.deadline {
            add(&badges, &self.dom.text("span", "by-badge by-badge--deadline", &format!("{}: {deadline}", lang.pick("সময়সীমা", "Deadline")))?)?;
        }
        if entry.overdue {
            add(&badges, &self.dom.text("span", "by-badge by-badge--overdue", lang.pick("সময় পেরিয়েছে", "Overdue"))?)?;
        }
        add(&li, &badges)?;
        if !entry.decision.implementers.is_empty() {
            let chips = self.dom.el("ul", "by-minutes__chips")?;
            chips.set_attribute("aria-label", lang.pick("বাস্তবায়নকারী", "Implementers"))?;
            for name in &entry.decision.implementers {
                add(&chips, &self.dom.text("li", "by-minutes__chip", name)?)?;
            }
            add(&li, &chips)?;
        }
        if let Some(note) = &entry.decision.note {
            add(&li, &self.dom.text("p", "by-decisions__note", &format!("{}: {note}", lang.pick("মন্তব্য", "Note")))?)?;
        }
        let editing = self.editing.borrow();
        match editing.as_ref().filter(|e| e.place == place) {
            Some(editing) => add(&li, &self.editor(editing, lang)?)?,
            None => {
                let change = button(&self.dom, "by-button by-button--secondary by-decisions__change", lang.pick("অবস্থা বদলান", "Change status"), "edit")?;
                change.set_attribute("data-place", &format!("{}/{}/{}", place.0, place.1, place.2))?;
                change.set_attribute("aria-label", &format!("{} — {}", lang.pick("অবস্থা বদলান", "Change status"), entry.serial()))?;
                add(&li, &change)?;
            }
        }
        Ok(li)
    }

    /// The status form under its decision.
    fn editor(&self, editing: &Editing, lang: Lang) -> Result<Element, JsValue> {
        let form = self.dom.el("form", "by-decisions__editor")?;
        set_all(&form, &[("novalidate", ""), ("aria-label", lang.pick("অবস্থা বদলান", "Change status"))])?;
        let field = |id: &str, label: &str, control: Element| -> Result<Element, JsValue> {
            let wrapper = self.dom.el("div", "by-form__field")?;
            let l = self.dom.text("label", "by-form__label", label)?;
            l.set_attribute("for", id)?;
            control.set_attribute("id", id)?;
            control.set_attribute("data-edit", id)?;
            with(wrapper, &[&l, &control])
        };
        let select = self.dom.el("select", "by-input by-form__select")?;
        for (status, key) in STATUSES {
            let option = self.dom.text("option", "", status_name(status, lang))?;
            option.set_attribute("value", key)?;
            if key == editing.draft.status {
                option.set_attribute("selected", "")?;
            }
            add(&select, &option)?;
        }
        add(&form, &field("by-edit-status", lang.pick("অবস্থা", "Status"), select)?)?;
        let note = self.dom.el("textarea", "by-input by-form__text")?;
        note.set_attribute("rows", "2")?;
        note.set_text_content(Some(&editing.draft.note));
        add(&form, &field("by-edit-note", lang.pick("মন্তব্য", "Note"), note)?)?;
        let evidence = self.dom.el("input", "by-input")?;
        set_all(&evidence, &[("type", "text"), ("inputmode", "url"), ("value", &editing.draft.evidence)])?;
        add(&form, &field("by-edit-evidence", lang.pick("প্রমাণের লিংক (https://…)", "Evidence link (https://…)"), evidence)?)?;
        let completed = self.dom.el("input", "by-input by-form__short")?;
        set_all(&completed, &[("type", "text"), ("value", &editing.draft.completed)])?;
        add(&form, &field("by-edit-completed", lang.pick("সম্পন্নের তারিখ (যেমন ২০/১০/২০২২)", "Done on (e.g. 20/10/2022)"), completed)?)?;
        if let Some(problem) = &editing.problem {
            add(&form, &error_box(&self.dom, problem, lang)?)?;
        }
        let bar = self.dom.el("div", "by-submit")?;
        let save = self.dom.text("button", "by-button", lang.pick("সংরক্ষণ করুন", "Save"))?;
        save.set_attribute("type", "submit")?;
        if editing.submission == Submission::Sending {
            set_all(&save, &[("disabled", ""), ("aria-disabled", "true")])?;
        }
        add(&bar, &save)?;
        add(&bar, &button(&self.dom, "by-button by-button--quiet", lang.pick("বাতিল", "Cancel"), "cancel")?)?;
        let status = self.dom.el("div", "by-submit__status")?;
        set_all(&status, &[("role", "status"), ("aria-live", "polite")])?;
        let said = match &editing.submission {
            Submission::Sending => lang.pick("পাঠানো হচ্ছে…", "Sending…").to_owned(),
            Submission::Failed(m) => format!("{} {}", m.get(lang), lang.pick("খসড়া এই ব্রাউজারে রাখা আছে।", "The draft is kept in this browser.")),
            Submission::Refused(errors) => errors.iter().map(|e| e.message().get(lang).to_owned()).collect::<Vec<_>>().join(" "),
            _ => match editing.status {
                DraftStatus::Saved => lang.pick("খসড়া এই ব্রাউজারে রাখা হয়েছে।", "Draft kept in this browser.").to_owned(),
                DraftStatus::Restored => lang.pick("আগের না-পাঠানো খসড়া ফিরিয়ে আনা হয়েছে।", "Your unsent draft from before is back.").to_owned(),
                _ => String::new(),
            },
        };
        let class = if matches!(editing.submission, Submission::Failed(_) | Submission::Refused(_)) { "by-warning" } else { "" };
        add(&status, &self.dom.text("p", class, &said)?)?;
        add(&bar, &status)?;
        add(&form, &bar)?;
        Ok(form)
    }

    fn entry_at(&self, place: Place) -> Option<batayan_core::minutes::Decision> {
        let load = self.load.borrow();
        let Load::Ready(list) = &*load else { return None };
        let listed = list.minutes.iter().find(|l| l.id == place.0)?;
        listed.minutes.items.get(place.1)?.decisions.get(place.2).cloned()
    }

    fn open(this: &Rc<State>, place: Place) {
        this.flush();
        let Some(decision) = this.entry_at(place) else { return };
        let url = status_url(this.wanted.borrow().submit_url.as_deref().unwrap_or(""), place);
        let key: Rc<str> = batayan_web::draft::key("minutes-status", &url, "").into();
        let kept: Option<StatusDraft> = batayan_web::draft::load(&key);
        let restored = kept.is_some();
        let draft = kept.unwrap_or_else(|| StatusDraft {
            status: key_of(decision.status).to_owned(),
            note: decision.note.clone().unwrap_or_default(),
            evidence: decision.evidence.clone().unwrap_or_default(),
            completed: decision.completed.map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default(),
        });
        let weak: Weak<State> = Rc::downgrade(this);
        let writer = Rc::new(DraftWriter::new(key, move |status| {
            // Reported while `editing` is borrowed (a write scheduled from typing) is not lost: it is the
            // next draw's to say; a borrow here would be a second one.
            if let Some(state) = weak.upgrade()
                && let Ok(mut editing) = state.editing.try_borrow_mut()
                && let Some(editing) = editing.as_mut()
            {
                editing.status = status;
            }
        }));
        this.editing.replace(Some(Editing {
            place,
            draft,
            writer,
            status: if restored { DraftStatus::Restored } else { DraftStatus::Clean },
            submission: Submission::Idle,
            problem: None,
        }));
        this.draw();
        if let Some(field) = this.root.query_selector("#by-edit-status").ok().flatten().and_then(|f| f.dyn_into::<HtmlElement>().ok()) {
            let _ = field.focus();
        }
    }

    fn on_input(self: &Rc<State>, event: Event) {
        let Some(element) = batayan_web::dom::event_element(&event) else { return };
        if let Some(which) = element.get_attribute("data-edit") {
            let value = value_of(&element).unwrap_or_default();
            let mut editing = self.editing.borrow_mut();
            let Some(editing) = editing.as_mut() else { return };
            match which.as_str() {
                "by-edit-status" => editing.draft.status = value,
                "by-edit-note" => editing.draft.note = value,
                "by-edit-evidence" => editing.draft.evidence = value,
                "by-edit-completed" => editing.draft.completed = value,
                _ => return,
            }
            DraftWriter::schedule(&editing.writer, Rc::new(editing.draft.clone()));
            return;
        }
        let Some(which) = element.get_attribute("data-filter") else { return };
        if event.type_() == "input" && which != "by-filter-overdue" && element.tag_name() == "SELECT" {
            return; // a select says `change` as well; one redraw is enough
        }
        {
            let mut filter = self.filter.borrow_mut();
            let value = value_of(&element).unwrap_or_default();
            let chosen = (!value.is_empty()).then_some(value);
            match which.as_str() {
                "by-filter-implementer" => filter.implementer = chosen,
                "by-filter-status" => filter.status = chosen.as_deref().and_then(status_of),
                "by-filter-body" => filter.body = chosen,
                "by-filter-overdue" => filter.overdue_only = element.dyn_ref::<web_sys::HtmlInputElement>().is_some_and(web_sys::HtmlInputElement::checked),
                _ => return,
            }
        }
        self.draw();
        if let Some(control) = self.root.query_selector(&format!("#{which}")).ok().flatten().and_then(|f| f.dyn_into::<HtmlElement>().ok()) {
            let _ = control.focus();
        }
    }

    fn on_click(self: &Rc<State>, event: Event) {
        let Some((action, button)) = action_of(&event) else { return };
        match action.as_str() {
            "retry" => start_load(self),
            "edit" => {
                let place: Option<Place> = button.get_attribute("data-place").and_then(|p| {
                    let mut parts = p.split('/').map(|n| n.parse::<usize>().ok());
                    Some((parts.next()?? as u64, parts.next()??, parts.next()??))
                });
                if let Some(place) = place {
                    State::open(self, place);
                }
            }
            "cancel" => {
                self.flush();
                self.editing.replace(None);
                self.draw();
            }
            "csv" => self.download_csv(),
            _ => {}
        }
    }

    /// What is shown, as a CSV file the browser saves.
    fn download_csv(&self) {
        let lang = self.lang();
        let load = self.load.borrow();
        let Load::Ready(list) = &*load else { return };
        let entries = register(list, batayan_web::today());
        let filter = self.filter.borrow().clone();
        let shown: Vec<RegisterEntry> = entries.into_iter().filter(|e| filter.keeps(e)).collect();
        let csv = to_csv(&shown, lang);
        let parts = js_sys::Array::of1(&JsValue::from_str(&csv));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("text/csv;charset=utf-8");
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
        if let Ok(link) = self.dom.el("a", "") {
            let _ = set_all(&link, &[("href", &url), ("download", "decisions.csv")]);
            // Clicked where it is, outside the page: a click inside our root would reach our own click
            // listener while it is still running (this very click started it).
            if let Ok(link) = link.dyn_into::<HtmlElement>() {
                link.click();
            }
        }
        let _ = web_sys::Url::revoke_object_url(&url);
    }

    /// Save: the form read (a date that does not read, a link that is not one, are said here), the draft
    /// kept, the change sent once.
    fn on_submit(self: &Rc<State>, event: Event) {
        event.prevent_default();
        self.flush();
        let prepared = {
            let mut editing = self.editing.borrow_mut();
            let Some(editing) = editing.as_mut() else { return };
            if editing.submission == Submission::Sending {
                return;
            }
            let draft = editing.draft.clone();
            let completed = match draft.completed.trim() {
                "" => Ok(None),
                text => parse_date(text).map(|d| Some(d.date)).map_err(|e| e.message()),
            };
            let evidence = draft.evidence.trim();
            let link_ok = evidence.is_empty() || evidence.to_ascii_lowercase().starts_with("https://") || evidence.to_ascii_lowercase().starts_with("http://");
            match (completed, link_ok, status_of(&draft.status)) {
                (Err(message), _, _) => {
                    editing.problem = Some(message);
                    None
                }
                (_, false, _) => {
                    editing.problem = Some(Message::new("প্রমাণের লিংক https:// দিয়ে শুরু হবে।", "The evidence link must start with https://."));
                    None
                }
                (Ok(completed), true, Some(status)) => {
                    editing.problem = None;
                    let present = |t: &str| Some(t.trim().to_owned()).filter(|t| !t.is_empty());
                    let change = StatusChange { status, note: present(&draft.note), evidence: present(evidence), completed };
                    Some((editing.place, editing.writer.key().to_owned(), to_json_text(&change)))
                }
                (_, _, None) => None,
            }
        };
        let Some((place, draft_key, body)) = prepared else {
            self.draw();
            return;
        };
        let body = match body {
            Ok(body) => body,
            Err(message) => {
                if let Some(editing) = self.editing.borrow_mut().as_mut() {
                    editing.problem = Some(message);
                }
                self.draw();
                return;
            }
        };
        let wanted = self.wanted.borrow().clone();
        let target = Target {
            host: self.host.clone(),
            method: "PUT",
            url: wanted.submit_url.as_deref().map(|t| status_url(t, place)),
            draft_key: draft_key.into(),
            timeout_ms: wanted.timeout_ms.unwrap_or(batayan_core::contract::DEFAULT_TIMEOUT_SECONDS * 1000),
        };
        if let Some(editing) = self.editing.borrow_mut().as_mut() {
            editing.submission = Submission::Sending;
        }
        self.draw();
        let weak = Rc::downgrade(self);
        submit(
            &target,
            body,
            Rc::new(move |answer: Submission| {
                if let Some(state) = weak.upgrade() {
                    state.answered(place, answer);
                }
            }),
        );
    }

    fn answered(&self, place: Place, answer: Submission) {
        if matches!(answer, Submission::Accepted { .. }) {
            let draft = self.editing.borrow().as_ref().filter(|e| e.place == place).map(|e| e.draft.clone());
            if let (Some(draft), Load::Ready(list)) = (draft, &mut *self.load.borrow_mut())
                && let Some(decision) =
                    list.minutes.iter_mut().find(|l| l.id == place.0).and_then(|l| l.minutes.items.get_mut(place.1)).and_then(|i| i.decisions.get_mut(place.2))
            {
                decision.status = status_of(&draft.status).unwrap_or(decision.status);
                decision.note = Some(draft.note.trim().to_owned()).filter(|n| !n.is_empty());
                decision.evidence = Some(draft.evidence.trim().to_owned()).filter(|e| !e.is_empty());
                decision.completed = parse_date(draft.completed.trim()).ok().map(|d| d.date).filter(|_| decision.status == Status::Done);
            }
            if let Some(editing) = self.editing.borrow().as_ref() {
                editing.writer.forget();
            }
            self.editing.replace(None);
        } else if let Some(editing) = self.editing.borrow_mut().as_mut().filter(|e| e.place == place) {
            editing.submission = answer;
        }
        self.draw();
        let selector = format!("[data-place=\"{}/{}/{}\"] .by-decisions__change", place.0, place.1, place.2);
        if let Some(button) = self.root.query_selector(&selector).ok().flatten().and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
            let _ = button.focus();
        }
    }
}
