//! `<batayan-innovation-judging src submit-url timeout lang>`: a judge's queue (`GET src`: the entries
//! assigned to the signed-in judge, the rubric, and the judge's own sheets), one entry at a time.
//!
//! Each criterion gets a mark (Bangla or ASCII digits, 0…max) and the running weighted total out of 100
//! follows the typing (`SheetDraft::read`, the same sum the ranking makes); "abstain" takes a reason
//! instead of marks. "Save & next" PUTs the sheet to `submit-url` (`{id}` replaced by the entry's id)
//! on the shared submission path and opens the next entry not yet saved. Every sheet is a draft in
//! this browser from the first keystroke until the host stores it.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use batayan_core::contract::request_timeout_ms;
use batayan_core::finding::has_errors;
use batayan_core::innovation::{Entry, Queue as QueueBody, Rubric, SheetDraft};
use batayan_core::locale::{Lang, Message, format_fixed};
use batayan_web::attributes;
use batayan_web::dom::{Dom, Listeners, add, error_box, progress_bar, set_all, with};
use batayan_web::draft::{DraftStatus, DraftWriter, FlushOnHide};
use batayan_web::net::Loads;
use batayan_web::submit::{Submission, Target, submit, to_json_text};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlElement, HtmlInputElement};

use crate::form::{Said, draft_line, field_id, follow_summary_link, outcome, show_messages, summary};
use crate::widget::{Load, Widget, action_of, button, count, empty, flush_on_hide, listen, load_failed, load_json, loading, prepare, show, value_of};

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

/// One entry of the queue, with the judge's sheet as typed.
struct Queued {
    id: String,
    entry: Entry,
    draft: SheetDraft,
    /// The host has this judge's sheet for it, as the draft now says (false again once it is edited).
    stored: bool,
    writer: Rc<DraftWriter<SheetDraft>>,
    /// Asked to save once: findings now follow the typing.
    attempted: bool,
}

struct Queue {
    judge: String,
    name: String,
    rubric: Rubric,
    entries: Vec<Queued>,
}

struct State {
    host: HtmlElement,
    root: Element,
    dom: Dom,
    wanted: RefCell<Wanted>,
    load: RefCell<Load<Queue>>,
    loads: Loads,
    current: Cell<usize>,
    submission: RefCell<Submission>,
    refused: RefCell<Vec<Said>>,
    draft_status: RefCell<DraftStatus>,
    /// Said once after a save moved on: which entry was saved.
    saved_note: RefCell<Option<String>>,
    listeners: RefCell<Listeners>,
    on_hide: RefCell<Option<FlushOnHide>>,
}

pub(crate) struct Judging {
    state: Rc<State>,
}

impl Judging {
    pub(crate) fn mount(host: HtmlElement) -> Result<Judging, JsValue> {
        let (root, dom) = prepare(&host)?;
        let state = Rc::new(State {
            wanted: RefCell::new(Wanted::read(&host)),
            host,
            listeners: RefCell::new(Listeners::new(root.clone())),
            root,
            dom,
            load: RefCell::new(Load::Loading),
            loads: Loads::default(),
            current: Cell::new(0),
            submission: RefCell::default(),
            refused: RefCell::default(),
            draft_status: RefCell::default(),
            saved_note: RefCell::default(),
            on_hide: RefCell::default(),
        });
        listen(
            &state,
            &mut state.listeners.borrow_mut(),
            &[("input", State::on_input), ("change", State::on_change), ("click", State::on_click), ("submit", State::on_submit)],
        )?;
        state.on_hide.replace(Some(flush_on_hide(&state, State::flush_all)));
        start_load(&state);
        Ok(Judging { state })
    }
}

impl Widget for Judging {
    fn attribute_changed(&self) {
        let now = Wanted::read(&self.state.host);
        let before = self.state.wanted.replace(now.clone());
        if (before.src.as_deref(), before.submit_url.as_deref(), &before.timeout_ms) != (now.src.as_deref(), now.submit_url.as_deref(), &now.timeout_ms) {
            self.state.flush_all();
            start_load(&self.state);
        } else if before != now {
            self.state.draw();
        }
    }

    fn destroy(&self) {
        self.state.flush_all();
        self.state.on_hide.take();
        self.state.loads.stop();
        self.state.listeners.borrow_mut().clear();
        empty(&self.state.host);
    }
}

/// The address a sheet for entry `id` is sent to.
fn sheet_url(template: Option<&str>, id: &str) -> Option<String> {
    template.map(|t| t.replace("{id}", id))
}

fn start_load(state: &Rc<State>) {
    let wanted = state.wanted.borrow().clone();
    let missing = Message::new(
        "বিচারকের তালিকার ঠিকানা দিন: <batayan-innovation-judging src=\"…\">।",
        "Give the judge's queue address: <batayan-innovation-judging src=\"…\">.",
    );
    load_json(
        state,
        |s| &s.loads,
        wanted.src,
        wanted.timeout_ms,
        missing,
        |state, load: Load<QueueBody>| {
            let template = state.wanted.borrow().submit_url.clone();
            state.load.replace(load.map(|body| State::queue(state, body, template.as_deref())));
            // Open the first entry without a stored sheet.
            let first = match &*state.load.borrow() {
                Load::Ready(queue) => queue.entries.iter().position(|q| !q.stored).unwrap_or(0),
                _ => 0,
            };
            state.current.set(first);
            state.open_current_status();
            state.draw();
        },
    );
}

impl State {
    fn lang(&self) -> Lang {
        self.wanted.borrow().lang
    }

    /// The queue with each entry's draft: this browser's unsent one if it kept one, else the host's
    /// stored sheet, else empty.
    fn queue(this: &Rc<State>, body: QueueBody, template: Option<&str>) -> Queue {
        let lang = this.lang();
        let entries = body
            .entries
            .into_iter()
            .map(|queued| {
                let id = queued.id.text();
                let key: Rc<str> = batayan_web::draft::key("innovation-sheet", &sheet_url(template, &id).unwrap_or_default(), &body.judge).into();
                let kept: Option<SheetDraft> = batayan_web::draft::load(&key);
                let stored = queued.sheet.as_ref().map(|s| SheetDraft::from_sheet(s, lang));
                let weak: Weak<State> = Rc::downgrade(this);
                let writer = Rc::new(DraftWriter::new(key, move |status| {
                    if let Some(state) = weak.upgrade() {
                        state.draft_status.replace(status);
                        state.refresh_status();
                    }
                }));
                let is_stored = kept.is_none() && stored.is_some();
                Queued { id, entry: queued.entry, draft: kept.or(stored).unwrap_or_default(), stored: is_stored, writer, attempted: false }
            })
            .collect();
        let name = body.name.filter(|n| !n.trim().is_empty()).unwrap_or_else(|| body.judge.clone());
        Queue { judge: body.judge, name, rubric: body.rubric, entries }
    }

    fn flush_all(&self) {
        if let Load::Ready(queue) = &*self.load.borrow() {
            for queued in &queue.entries {
                queued.writer.flush();
            }
        }
    }

    /// The draft line for the entry just opened: "restored" if this browser kept an unsent sheet.
    fn open_current_status(&self) {
        let restored = match &*self.load.borrow() {
            Load::Ready(queue) => queue.entries.get(self.current.get()).is_some_and(|q| batayan_web::draft::load::<SheetDraft>(q.writer.key()).is_some()),
            _ => false,
        };
        self.draft_status.replace(if restored { DraftStatus::Restored } else { DraftStatus::Clean });
        self.submission.replace(Submission::Idle);
        self.refused.borrow_mut().clear();
    }

    fn draw(&self) {
        let lang = self.lang();
        show(&self.root, &self.dom, self.drawn(), lang);
        self.refresh_messages(false);
    }

    fn drawn(&self) -> Result<Element, JsValue> {
        let lang = self.lang();
        if let Err(message) = &self.wanted.borrow().timeout_ms {
            return error_box(&self.dom, message, lang);
        }
        match &*self.load.borrow() {
            Load::Loading => loading(&self.dom, lang.pick("বিচারের তালিকা লোড হচ্ছে…", "Loading your queue…")),
            Load::Failed(message) => load_failed(&self.dom, message, lang),
            Load::Ready(queue) if queue.entries.is_empty() => {
                with(self.frame(queue, lang)?, &[&self.dom.text("p", "", lang.pick("আপনাকে এখনো কোনো এন্ট্রি দেওয়া হয়নি।", "No entry is assigned to you yet."))?])
            }
            Load::Ready(queue) => self.judging(queue, lang),
        }
    }

    fn frame(&self, queue: &Queue, lang: Lang) -> Result<Element, JsValue> {
        let frame = self.dom.el("div", "by-widget by-judging")?;
        let title = match lang {
            Lang::Bn => format!("বিচারকের তালিকা — {}", queue.name),
            Lang::En => format!("Judge's queue — {}", queue.name),
        };
        add(&frame, &self.dom.text("h2", "by-form__title", &title)?)?;
        Ok(frame)
    }

    fn judging(&self, queue: &Queue, lang: Lang) -> Result<Element, JsValue> {
        let frame = self.frame(queue, lang)?;
        let index = self.current.get().min(queue.entries.len() - 1);
        let queued = &queue.entries[index];
        if let Some(note) = self.saved_note.borrow().as_deref() {
            let saved = self.dom.text("p", "by-done by-judging__saved", note)?;
            saved.set_attribute("role", "status")?;
            add(&frame, &saved)?;
        }
        add(&frame, &self.nav(queue, index, lang)?)?;
        let position = match lang {
            Lang::Bn => format!("{}টির মধ্যে {} নম্বর এন্ট্রি", count(queue.entries.len(), lang), count(index + 1, lang)),
            Lang::En => format!("Entry {} of {}", index + 1, queue.entries.len()),
        };
        let step = self.dom.text("p", "by-form__step", &position)?;
        step.set_attribute("tabindex", "-1")?;
        add(&frame, &step)?;
        let layout = self.dom.el("div", "by-judging__layout")?;
        add(&layout, &self.entry(&queued.entry, lang)?)?;
        add(&layout, &self.sheet(queue, queued, index, lang)?)?;
        add(&frame, &layout)?;
        Ok(frame)
    }

    /// Every entry of the queue as a button, with where its sheet stands.
    fn nav(&self, queue: &Queue, index: usize, lang: Lang) -> Result<Element, JsValue> {
        let nav = self.dom.el("nav", "by-judging__nav")?;
        nav.set_attribute("aria-label", lang.pick("আপনার এন্ট্রিগুলো", "Your entries"))?;
        let list = self.dom.el("ol", "by-judging__queue")?;
        for (i, queued) in queue.entries.iter().enumerate() {
            let state = if queued.stored && queued.draft.abstain {
                lang.pick("বিরত", "abstained")
            } else if queued.stored {
                lang.pick("সংরক্ষিত", "saved")
            } else if queued.draft != SheetDraft::default() {
                lang.pick("খসড়া", "draft")
            } else {
                lang.pick("বাকি", "to do")
            };
            let item = button(&self.dom, "by-judging__pick", &format!("{} — {state}", queued.entry.title), "open")?;
            item.set_attribute("data-index", &i.to_string())?;
            if i == index {
                item.set_attribute("aria-current", "true")?;
            }
            if queued.stored {
                item.class_list().add_1("by-judging__pick--saved")?;
            }
            add(&list, &with(self.dom.el("li", "")?, &[&item])?)?;
        }
        add(&nav, &list)?;
        Ok(nav)
    }

    /// What the judge reads: the entry's words and its TCV.
    fn entry(&self, entry: &Entry, lang: Lang) -> Result<Element, JsValue> {
        let article = self.dom.el("article", "by-judging__entry")?;
        article.set_attribute("aria-labelledby", "by-judging-entry-title")?;
        let title = self.dom.text("h3", "by-showcase__entry-title", &entry.title)?;
        title.set_attribute("id", "by-judging-entry-title")?;
        add(&article, &title)?;
        let meta = [entry.office.as_str(), entry.level.name(lang), entry.category.name(lang), &entry.fiscal_year.label(lang)].join(" · ");
        add(&article, &self.dom.text("p", "by-showcase__meta", &meta)?)?;
        let about = self.dom.el("dl", "by-form__values")?;
        for (label, text) in [
            (lang.pick("সমস্যা", "Problem"), &entry.problem),
            (lang.pick("সমাধান", "Solution"), &entry.solution),
            (lang.pick("উপকারভোগী", "Who benefits"), &entry.beneficiaries),
            (lang.pick("উদ্ভাবক", "Innovator"), &entry.innovator.name),
        ] {
            if !text.trim().is_empty() {
                add(&about, &self.dom.text("dt", "", label)?)?;
                add(&about, &self.dom.text("dd", "", text)?)?;
            }
        }
        add(&article, &about)?;
        add(&article, &crate::tcv::picture(&self.dom, entry, lang)?)?;
        Ok(article)
    }

    /// The sheet: a mark per criterion, the running total, abstain, save & next.
    fn sheet(&self, queue: &Queue, queued: &Queued, index: usize, lang: Lang) -> Result<Element, JsValue> {
        let form = self.dom.el("form", "by-judging__sheet")?;
        set_all(&form, &[("novalidate", ""), ("aria-label", lang.pick("নম্বর", "Marks"))])?;
        add(&form, &self.dom.el("div", "by-form__summary-slot")?)?;
        let draft = &queued.draft;
        let marks = self.dom.el("fieldset", "by-form__section")?;
        add(&marks, &self.dom.text("legend", "by-form__legend", lang.pick("মানদণ্ড অনুযায়ী নম্বর", "Marks by criterion"))?)?;
        if draft.abstain {
            marks.set_attribute("disabled", "")?;
        }
        for criterion in &queue.rubric.criteria {
            let path = format!("/marks/{}", criterion.key);
            let id = field_id(&path);
            let wrapper = self.dom.el("div", "by-form__field")?;
            let name = if criterion.name.trim().is_empty() { criterion.key.as_str() } else { criterion.name.as_str() };
            let label = self.dom.text("label", "by-form__label", name)?;
            label.set_attribute("for", &id)?;
            add(&wrapper, &label)?;
            let hint_text = match lang {
                Lang::Bn => format!("০ থেকে {}; ভার {}", format_fixed(criterion.max, 0, lang), format_fixed(criterion.weight, 0, lang)),
                Lang::En => format!("0 to {}; weight {}", format_fixed(criterion.max, 0, lang), format_fixed(criterion.weight, 0, lang)),
            };
            let hint = self.dom.text("p", "by-form__hint", &hint_text)?;
            hint.set_attribute("id", &format!("{id}-hint"))?;
            add(&wrapper, &hint)?;
            let input = self.dom.el("input", "by-input by-form__short")?;
            set_all(
                &input,
                &[
                    ("id", &id),
                    ("type", "text"),
                    ("inputmode", "decimal"),
                    ("autocomplete", "off"),
                    ("data-path", &path),
                    ("aria-describedby", &format!("{id}-hint {id}-message")),
                    ("value", draft.marks.get(&criterion.key).map(String::as_str).unwrap_or("")),
                ],
            )?;
            add(&wrapper, &input)?;
            let message = self.dom.el("p", "by-field-message")?;
            set_all(&message, &[("id", &format!("{id}-message")), ("hidden", "")])?;
            add(&wrapper, &message)?;
            add(&marks, &wrapper)?;
        }
        add(&form, &marks)?;
        let total = self.dom.el("div", "by-judging__total")?;
        total.set_attribute("data-slot", "total")?;
        add(&total, &self.total(queue, queued, lang)?)?;
        add(&form, &total)?;
        add(&form, &self.abstain(draft, lang)?)?;
        let bar = self.dom.el("div", "by-submit")?;
        let submission = self.submission.borrow();
        let last = index + 1 == queue.entries.len();
        let label = match (&*submission, last) {
            (Submission::Failed(_), _) => lang.pick("আবার চেষ্টা করুন", "Try again"),
            (_, false) => lang.pick("সংরক্ষণ করে পরেরটি", "Save and next"),
            (_, true) => lang.pick("সংরক্ষণ করুন", "Save"),
        };
        let save = self.dom.text("button", "by-button", label)?;
        save.set_attribute("type", "submit")?;
        if *submission == Submission::Sending {
            set_all(&save, &[("disabled", ""), ("aria-disabled", "true")])?;
        }
        add(&bar, &save)?;
        if index > 0 {
            add(&bar, &button(&self.dom, "by-button by-button--secondary", lang.pick("আগেরটি", "Previous"), "previous")?)?;
        }
        if !last {
            add(&bar, &button(&self.dom, "by-button by-button--secondary", lang.pick("পরেরটি (সংরক্ষণ ছাড়া)", "Next (without saving)"), "next")?)?;
        }
        let status = self.dom.el("div", "by-submit__status")?;
        set_all(&status, &[("role", "status"), ("aria-live", "polite"), ("data-slot", "status")])?;
        add(&status, &outcome(&self.dom, &submission, lang)?)?;
        add(&status, &draft_line(&self.dom, &self.draft_status.borrow(), lang)?)?;
        add(&bar, &status)?;
        add(&form, &bar)?;
        Ok(form)
    }

    /// The running weighted total, in words and as a bar.
    fn total(&self, queue: &Queue, queued: &Queued, lang: Lang) -> Result<Element, JsValue> {
        let read = queued.draft.read(&queue.rubric, &queued.id, &queue.judge);
        let wrap = self.dom.el("div", "")?;
        if queued.draft.abstain {
            add(
                &wrap,
                &self.dom.text(
                    "p",
                    "by-judging__total-text",
                    lang.pick("আপনি এই এন্ট্রিতে বিরত: আপনার নম্বর এর ফলাফলে গোনা হবে না।", "You abstain on this entry: no mark of yours counts in its result."),
                )?,
            )?;
            return Ok(wrap);
        }
        let (total_text, of) = (format_fixed(read.running, 2, lang), count(queue.rubric.criteria.len(), lang));
        let words = match lang {
            Lang::Bn => format!("চলমান মোট: {total_text} / ১০০ ({}টির মধ্যে {}টি মানদণ্ডে নম্বর)", of, count(read.marked, lang)),
            Lang::En => format!("Running total: {total_text} / 100 ({} of {} criteria marked)", read.marked, queue.rubric.criteria.len()),
        };
        add(&wrap, &self.dom.text("p", "by-judging__total-text", &words)?)?;
        add(&wrap, &progress_bar(&self.dom, read.running / 100.0, &words, lang.pick("চলমান মোট", "Running total"), &[])?)?;
        Ok(wrap)
    }

    fn abstain(&self, draft: &SheetDraft, lang: Lang) -> Result<Element, JsValue> {
        let fieldset = self.dom.el("fieldset", "by-form__section by-judging__abstain")?;
        add(&fieldset, &self.dom.text("legend", "by-form__legend", lang.pick("বিরত থাকা", "Abstaining"))?)?;
        let check = self.dom.el("input", "by-judging__check")?;
        set_all(&check, &[("type", "checkbox"), ("id", "by-abstain-check"), ("data-toggle", "abstain")])?;
        if draft.abstain {
            check.set_attribute("checked", "")?;
        }
        let label =
            self.dom.text("label", "", lang.pick("এই এন্ট্রিতে নম্বর দেব না (যেমন স্বার্থের সংঘাত)", "I will not mark this entry (e.g. a conflict of interest)"))?;
        label.set_attribute("for", "by-abstain-check")?;
        add(&fieldset, &with(self.dom.el("div", "by-judging__check-line")?, &[&check, &label])?)?;
        if draft.abstain {
            let id = field_id("/abstain");
            let wrapper = self.dom.el("div", "by-form__field")?;
            let label = self.dom.text("label", "by-form__label", lang.pick("কারণ", "Reason"))?;
            label.set_attribute("for", &id)?;
            let reason = self.dom.el("textarea", "by-input by-form__text")?;
            set_all(&reason, &[("id", &id), ("data-path", "/abstain"), ("rows", "2"), ("aria-describedby", &format!("{id}-message"))])?;
            reason.set_text_content(Some(&draft.reason));
            let message = self.dom.el("p", "by-field-message")?;
            set_all(&message, &[("id", &format!("{id}-message")), ("hidden", "")])?;
            add(&fieldset, &with(wrapper, &[&label, &reason, &message])?)?;
        }
        Ok(fieldset)
    }

    fn refresh_status(&self) {
        let Some(line) = self.root.query_selector("[data-slot=status] .by-submit__draft").ok().flatten() else { return };
        if let Ok(new) = draft_line(&self.dom, &self.draft_status.borrow(), self.lang()) {
            let _ = line.replace_with_with_node_1(&new);
        }
    }

    /// Findings at their marks (once the judge asked to save), the host's refusals, and the summary.
    fn refresh_messages(&self, focus: bool) {
        let lang = self.lang();
        let said = {
            let load = self.load.borrow();
            let Load::Ready(queue) = &*load else { return };
            let Some(queued) = queue.entries.get(self.current.get()) else { return };
            let mut said = self.refused.borrow().clone();
            if queued.attempted {
                said.extend(Said::of(&queued.draft.read(&queue.rubric, &queued.id, &queue.judge).findings));
            }
            said
        };
        let own = |path: &str| Some(path.to_owned());
        show_messages(&self.root, &said, own, lang);
        let Some(slot) = self.root.query_selector(".by-form__summary-slot").ok().flatten() else { return };
        if said.is_empty() {
            slot.replace_children_with_node_0();
            return;
        }
        let names: HashMap<String, String> = match &*self.load.borrow() {
            Load::Ready(queue) => {
                queue.rubric.criteria.iter().map(|c| (format!("/marks/{}", c.key), if c.name.is_empty() { c.key.clone() } else { c.name.clone() })).collect()
            }
            _ => HashMap::new(),
        };
        let label = |path: &str| names.get(path).cloned().unwrap_or_else(|| lang.pick("বিরত থাকার কারণ", "Reason for abstaining").to_owned());
        if let Ok(summary) = summary(&self.dom, &said, own, label, lang) {
            slot.replace_children_with_node_1(&summary);
            if focus && let Ok(summary) = summary.dyn_into::<HtmlElement>() {
                let _ = summary.focus();
            }
        }
    }

    /// Applies `edit` to the open entry's draft and keeps it.
    fn edit(&self, edit: impl FnOnce(&mut SheetDraft)) {
        let mut load = self.load.borrow_mut();
        let Load::Ready(queue) = &mut *load else { return };
        let Some(queued) = queue.entries.get_mut(self.current.get()) else { return };
        edit(&mut queued.draft);
        queued.stored = false;
        DraftWriter::schedule(&queued.writer, Rc::new(queued.draft.clone()));
    }

    fn on_input(self: &Rc<State>, event: Event) {
        let Some(element) = batayan_web::dom::event_element(&event) else { return };
        let (Some(path), Some(value)) = (element.get_attribute("data-path"), value_of(&element)) else { return };
        if let Some(key) = path.strip_prefix("/marks/") {
            self.edit(|d| {
                d.marks.insert(key.to_owned(), value);
            });
        } else if path == "/abstain" {
            self.edit(|d| d.reason = value);
        }
        self.refused.borrow_mut().retain(|s| s.path != path);
        let lang = self.lang();
        let total = {
            let load = self.load.borrow();
            let Load::Ready(queue) = &*load else { return };
            let Some(queued) = queue.entries.get(self.current.get()) else { return };
            self.total(queue, queued, lang)
        };
        if let (Some(slot), Ok(total)) = (self.root.query_selector("[data-slot=total]").ok().flatten(), total) {
            slot.replace_children_with_node_1(&total);
        }
        self.refresh_messages(false);
    }

    fn on_change(self: &Rc<State>, event: Event) {
        let Some(element) = batayan_web::dom::event_element(&event) else { return };
        if element.get_attribute("data-toggle").as_deref() != Some("abstain") {
            return;
        }
        let checked = element.dyn_ref::<HtmlInputElement>().is_some_and(HtmlInputElement::checked);
        self.edit(|d| d.abstain = checked);
        self.draw();
        let focus = if checked { field_id("/abstain") } else { "by-abstain-check".to_owned() };
        if let Some(field) = crate::form::by_id(&self.root, &focus).and_then(|f| f.dyn_into::<HtmlElement>().ok()) {
            let _ = field.focus();
        }
    }

    fn open(self: &Rc<State>, index: usize) {
        self.flush_all();
        self.current.set(index);
        self.saved_note.replace(None);
        self.open_current_status();
        self.draw();
        if let Some(step) = self.root.query_selector(".by-form__step").ok().flatten().and_then(|s| s.dyn_into::<HtmlElement>().ok()) {
            let _ = step.focus();
        }
    }

    fn on_click(self: &Rc<State>, event: Event) {
        if follow_summary_link(&self.root, &event) {
            return;
        }
        let Some((action, button)) = action_of(&event) else { return };
        let current = self.current.get();
        match action.as_str() {
            "retry" => start_load(self),
            "open" => {
                if let Some(index) = button.get_attribute("data-index").and_then(|i| i.parse().ok()) {
                    self.open(index);
                }
            }
            "previous" => self.open(current.saturating_sub(1)),
            "next" => self.open(current + 1),
            "discard" => {
                // An empty sheet again: the browser's copy is forgotten (a stored sheet stays on the host
                // until the next save replaces it).
                self.edit(|d| *d = SheetDraft::default());
                if let Load::Ready(queue) = &*self.load.borrow()
                    && let Some(queued) = queue.entries.get(current)
                {
                    queued.writer.forget();
                }
                self.draft_status.replace(DraftStatus::Clean);
                self.draw();
            }
            _ => {}
        }
    }

    /// "Save & next": the sheet is checked, kept, and sent once.
    fn on_submit(self: &Rc<State>, event: Event) {
        event.prevent_default();
        if *self.submission.borrow() == Submission::Sending {
            return;
        }
        let wanted = self.wanted.borrow().clone();
        let prepared = {
            let mut load = self.load.borrow_mut();
            let Load::Ready(queue) = &mut *load else { return };
            let index = self.current.get();
            let (rubric, judge) = (queue.rubric.clone(), queue.judge.clone());
            let Some(queued) = queue.entries.get_mut(index) else { return };
            queued.attempted = true;
            queued.writer.flush();
            let read = queued.draft.read(&rubric, &queued.id, &judge);
            if has_errors(&read.findings) { None } else { Some((queued.id.clone(), queued.writer.key().to_owned(), to_json_text(&read.sheet))) }
        };
        let Some((id, draft_key, body)) = prepared else {
            self.refresh_messages(true);
            return;
        };
        let body = match body {
            Ok(body) => body,
            Err(message) => {
                self.submission.replace(Submission::Failed(message));
                self.draw();
                return;
            }
        };
        let target = Target {
            host: self.host.clone(),
            method: "PUT",
            url: sheet_url(wanted.submit_url.as_deref(), &id),
            draft_key: draft_key.into(),
            timeout_ms: wanted.timeout_ms.unwrap_or(batayan_core::contract::DEFAULT_TIMEOUT_SECONDS * 1000),
        };
        self.submission.replace(Submission::Sending);
        self.draw();
        let weak = Rc::downgrade(self);
        let index = self.current.get();
        submit(
            &target,
            body,
            Rc::new(move |answer: Submission| {
                if let Some(state) = weak.upgrade() {
                    state.answered(index, answer);
                }
            }),
        );
    }

    fn answered(self: &Rc<State>, index: usize, answer: Submission) {
        match &answer {
            Submission::Accepted { .. } => {
                let next = {
                    let mut load = self.load.borrow_mut();
                    let Load::Ready(queue) = &mut *load else { return };
                    let Some(queued) = queue.entries.get_mut(index) else { return };
                    queued.stored = true;
                    queued.writer.forget();
                    let title = queued.entry.title.clone();
                    let lang = self.lang();
                    self.saved_note.replace(Some(match lang {
                        Lang::Bn => format!("“{title}”-এর নম্বর সংরক্ষিত হয়েছে।"),
                        Lang::En => format!("Marks for “{title}” are saved."),
                    }));
                    let count = queue.entries.len();
                    (1..=count).map(|step| (index + step) % count).find(|&i| !queue.entries[i].stored)
                };
                match next {
                    Some(next) => {
                        self.current.set(next);
                        self.open_current_status();
                    }
                    None => {
                        self.submission.replace(answer);
                        self.draft_status.replace(DraftStatus::Clean);
                    }
                }
                self.draw();
                if let Some(note) = self.root.query_selector(".by-judging__saved").ok().flatten().and_then(|s| s.dyn_into::<HtmlElement>().ok()) {
                    let _ = note.set_attribute("tabindex", "-1");
                    let _ = note.focus();
                }
            }
            Submission::Refused(errors) => {
                self.refused.replace(Said::from_host(errors));
                self.submission.replace(answer);
                self.draw();
                self.refresh_messages(true);
            }
            _ => {
                self.submission.replace(answer);
                self.draw();
            }
        }
    }
}
