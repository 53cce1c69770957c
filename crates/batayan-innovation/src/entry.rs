//! `<batayan-innovation-entry submit-url timeout lang>`: an innovation team's showcase entry, in two
//! steps — fill in (the TCV compared live under the figures), then review and submit.
//!
//! Everything typed is a draft from the first keystroke (`batayan_web::draft`: written after each pause,
//! at once before sending, when the page is hidden and when the element goes), restored after a
//! reload, and cleared only when the host answers 2xx. Sending is `batayan_web::submit`: one
//! idempotency key per body, so "try again" after a lost answer never stores twice; while a request is
//! out the button is disabled and a second press does nothing. Findings appear at their fields and
//! in a summary once the person first asks to review; then they follow the typing.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use batayan_core::contract::request_timeout_ms;
use batayan_core::finding::has_errors;
use batayan_core::innovation::EntryDraft;
use batayan_core::innovation::form::{Field, Kind, SECTIONS, Section, field_for};
use batayan_core::locale::{Lang, Message};
use batayan_web::attributes;
use batayan_web::dom::{Dom, Listeners, add, error_box, set_all};
use batayan_web::draft::{DraftStatus, DraftWriter, FlushOnHide};
use batayan_web::submit::{Submission, Target, submit, to_json_text};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlElement};

use crate::form::{Said, draft_line, follow_summary_link, outcome, show_messages, summary};
use crate::widget::{Widget, action_of, button, empty, flush_on_hide, listen, prepare, show, value_of};

/// Which step the form is at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Fill,
    Review,
    /// The host has it: thanks, and "write another".
    Done,
}

/// What the attributes ask for.
#[derive(Clone, Debug, PartialEq)]
struct Wanted {
    submit_url: Option<String>,
    timeout_ms: Result<u32, Message>,
    lang: Lang,
}

impl Wanted {
    fn read(host: &HtmlElement) -> Wanted {
        Wanted {
            submit_url: attributes::text(host, "submit-url"),
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
    draft: RefCell<EntryDraft>,
    writer: RefCell<Option<Rc<DraftWriter<EntryDraft>>>>,
    draft_status: RefCell<DraftStatus>,
    step: Cell<Step>,
    /// The person has asked to review once: from then on, findings follow the typing.
    attempted: Cell<bool>,
    submission: RefCell<Submission>,
    /// The host's errors of the last refusal, until their field is edited.
    refused: RefCell<Vec<Said>>,
    listeners: RefCell<Listeners>,
    on_hide: RefCell<Option<FlushOnHide>>,
}

/// The mounted entry form.
pub(crate) struct EntryForm {
    state: Rc<State>,
}

impl EntryForm {
    pub(crate) fn mount(host: HtmlElement) -> Result<EntryForm, JsValue> {
        let (root, dom) = prepare(&host)?;
        let state = Rc::new(State {
            wanted: RefCell::new(Wanted::read(&host)),
            host,
            listeners: RefCell::new(Listeners::new(root.clone())),
            root,
            dom,
            draft: RefCell::default(),
            writer: RefCell::default(),
            draft_status: RefCell::default(),
            step: Cell::new(Step::Fill),
            attempted: Cell::new(false),
            submission: RefCell::default(),
            refused: RefCell::default(),
            on_hide: RefCell::default(),
        });
        State::open_draft(&state);
        listen(
            &state,
            &mut state.listeners.borrow_mut(),
            &[("input", State::on_input), ("change", State::on_input), ("click", State::on_click), ("submit", State::on_submit)],
        )?;
        state.on_hide.replace(Some(flush_on_hide(&state, State::flush)));
        state.draw();
        Ok(EntryForm { state })
    }
}

impl Widget for EntryForm {
    fn attribute_changed(&self) {
        let now = Wanted::read(&self.state.host);
        let before = self.state.wanted.replace(now.clone());
        if before.submit_url != now.submit_url {
            // Another address is another document: keep this one's draft, open that one's.
            self.state.flush();
            State::open_draft(&self.state);
        }
        if before != now {
            self.state.draw();
        }
    }

    fn destroy(&self) {
        self.state.flush();
        self.state.on_hide.take();
        self.state.listeners.borrow_mut().clear();
        empty(&self.state.host);
    }
}

impl State {
    fn lang(&self) -> Lang {
        self.wanted.borrow().lang
    }

    /// Opens the draft kept for this submit address, or a fresh one.
    fn open_draft(this: &Rc<State>) {
        let url = this.wanted.borrow().submit_url.clone().unwrap_or_default();
        let key: Rc<str> = batayan_web::draft::key("innovation-entry", &url, "new").into();
        let kept: Option<EntryDraft> = batayan_web::draft::load(&key);
        let restored = kept.as_ref().is_some_and(|d| !d.is_empty());
        this.draft.replace(kept.unwrap_or_default());
        this.draft_status.replace(if restored { DraftStatus::Restored } else { DraftStatus::Clean });
        let weak: Weak<State> = Rc::downgrade(this);
        let writer = DraftWriter::new(key, move |status| {
            if let Some(state) = weak.upgrade() {
                state.draft_status.replace(status);
                state.refresh_draft_line();
            }
        });
        this.writer.replace(Some(Rc::new(writer)));
        this.step.set(Step::Fill);
        this.attempted.set(false);
        this.submission.replace(Submission::Idle);
        this.refused.borrow_mut().clear();
    }

    fn writer(&self) -> Option<Rc<DraftWriter<EntryDraft>>> {
        self.writer.borrow().clone()
    }

    fn flush(&self) {
        if let Some(writer) = self.writer() {
            writer.flush();
        }
    }

    /// Everything said about the draft now: the host's refusals still standing, then our findings.
    fn said(&self) -> Vec<Said> {
        let mut said = self.refused.borrow().clone();
        said.extend(Said::of(&self.draft.borrow().read().findings));
        said
    }

    fn draw(&self) {
        let drawn = match self.step.get() {
            Step::Fill => self.draw_fill(),
            Step::Review => self.draw_review(),
            Step::Done => self.draw_done(),
        };
        show(&self.root, &self.dom, drawn, self.lang());
        if self.step.get() == Step::Fill && (self.attempted.get() || !self.refused.borrow().is_empty()) {
            self.refresh_messages(false);
        }
    }

    fn frame(&self, step_text: &str) -> Result<Element, JsValue> {
        let lang = self.lang();
        let frame = self.dom.el("div", "by-widget by-form")?;
        add(&frame, &self.dom.text("h2", "by-form__title", lang.pick("উদ্ভাবনী উদ্যোগ: শোকেসিংয়ের আবেদন", "Innovation: showcase entry"))?)?;
        add(&frame, &self.dom.text("p", "by-form__step", step_text)?)?;
        if let Err(message) = &self.wanted.borrow().timeout_ms {
            add(&frame, &error_box(&self.dom, message, lang)?)?;
        }
        Ok(frame)
    }

    fn draw_fill(&self) -> Result<Element, JsValue> {
        let lang = self.lang();
        let frame = self.frame(lang.pick(
            "ধাপ ১ / ২: তথ্য লিখুন। যা লেখেন তা সঙ্গে সঙ্গে এই ব্রাউজারে খসড়া হিসেবে থাকে।",
            "Step 1 of 2: fill in. What you type is kept as a draft in this browser as you type.",
        ))?;
        let slot = self.dom.el("div", "by-form__summary-slot")?;
        add(&frame, &slot)?;
        let form = self.dom.el("form", "by-form__form")?;
        set_all(&form, &[("novalidate", ""), ("aria-label", lang.pick("উদ্ভাবনের তথ্য", "The innovation's details"))])?;
        let draft = self.draft.borrow();
        let pair = self.dom.el("div", "by-form__pair")?;
        let trio = self.dom.el("div", "by-form__trio")?;
        for section in &SECTIONS {
            let fieldset = self.section(section, &draft, lang)?;
            if matches!(section.key, "innovator" | "implementer" | "mentor") {
                // The three people side by side when the widget is wide enough.
                add(&trio, &fieldset)?;
                if section.key == "mentor" {
                    add(&form, &trio)?;
                }
            } else if matches!(section.key, "before" | "after") {
                add(&pair, &fieldset)?;
                if section.key == "after" {
                    add(&form, &pair)?;
                    let live = self.dom.el("div", "by-form__tcv")?;
                    set_all(&live, &[("data-slot", "tcv"), ("aria-live", "polite")])?;
                    add(&live, &crate::tcv::picture(&self.dom, &draft.read().entry, lang)?)?;
                    add(&form, &live)?;
                }
            } else {
                add(&form, &fieldset)?;
            }
        }
        let bar = self.dom.el("div", "by-submit")?;
        let review = self.dom.text("button", "by-button", lang.pick("দেখে নিন", "Review"))?;
        review.set_attribute("type", "submit")?;
        add(&bar, &review)?;
        let status = self.dom.el("div", "by-submit__status")?;
        set_all(&status, &[("role", "status"), ("aria-live", "polite"), ("data-slot", "status")])?;
        add(&status, &outcome(&self.dom, &self.submission.borrow(), lang)?)?;
        add(&status, &draft_line(&self.dom, &self.draft_status.borrow(), lang)?)?;
        add(&bar, &status)?;
        add(&form, &bar)?;
        add(&frame, &form)?;
        Ok(frame)
    }

    fn section(&self, section: &Section, draft: &EntryDraft, lang: Lang) -> Result<Element, JsValue> {
        let fieldset = self.dom.el("fieldset", "by-form__section")?;
        fieldset.set_attribute("data-section", section.key)?;
        add(&fieldset, &self.dom.text("legend", "by-form__legend", section.title(lang))?)?;
        for field in section.fields {
            add(&fieldset, &crate::form::field(&self.dom, field, draft.text(field.path), lang)?)?;
        }
        Ok(fieldset)
    }

    /// The review: every field as it will be sent, the TCV, the warnings, and submit.
    fn draw_review(&self) -> Result<Element, JsValue> {
        let lang = self.lang();
        let frame = self.frame(lang.pick("ধাপ ২ / ২: দেখে নিয়ে জমা দিন।", "Step 2 of 2: check, then submit."))?;
        let draft = self.draft.borrow();
        let read = draft.read();
        let warnings: Vec<Said> = Said::of(&read.findings);
        if !warnings.is_empty() {
            add(&frame, &summary(&self.dom, &warnings, owner, |p| label_of(p, lang), lang)?)?;
        }
        for section in &SECTIONS {
            let part = self.dom.el("section", "by-form__review")?;
            add(&part, &self.dom.text("h3", "by-form__review-title", section.title(lang))?)?;
            let list = self.dom.el("dl", "by-form__values")?;
            for field in section.fields {
                add(&list, &self.dom.text("dt", "", field.label(lang))?)?;
                let shown = shown_value(field, draft.text(field.path), lang);
                add(&list, &self.dom.text("dd", "", if shown.is_empty() { "—" } else { &shown })?)?;
            }
            add(&part, &list)?;
            add(&frame, &part)?;
            if section.key == "after" {
                add(&frame, &crate::tcv::picture(&self.dom, &read.entry, lang)?)?;
            }
        }
        let submission = self.submission.borrow();
        let sending = *submission == Submission::Sending;
        let bar = self.dom.el("div", "by-submit")?;
        let send_text = if matches!(*submission, Submission::Failed(_)) {
            lang.pick("আবার চেষ্টা করুন", "Try again")
        } else {
            lang.pick("জমা দিন", "Submit")
        };
        let send = button(&self.dom, "by-button", send_text, "send")?;
        if sending {
            set_all(&send, &[("disabled", ""), ("aria-disabled", "true")])?;
        }
        add(&bar, &send)?;
        add(&bar, &button(&self.dom, "by-button by-button--secondary", lang.pick("আবার সম্পাদনা করুন", "Edit again"), "edit")?)?;
        let status = self.dom.el("div", "by-submit__status")?;
        set_all(&status, &[("role", "status"), ("aria-live", "polite"), ("data-slot", "status")])?;
        add(&status, &outcome(&self.dom, &submission, lang)?)?;
        add(&status, &draft_line(&self.dom, &self.draft_status.borrow(), lang)?)?;
        add(&bar, &status)?;
        add(&frame, &bar)?;
        Ok(frame)
    }

    fn draw_done(&self) -> Result<Element, JsValue> {
        let lang = self.lang();
        let frame = self.frame(lang.pick("জমা হয়েছে।", "Submitted."))?;
        let done = self.dom.el("div", "by-form__done")?;
        set_all(&done, &[("role", "status"), ("tabindex", "-1")])?;
        add(
            &done,
            &self.dom.text(
                "p",
                "by-done",
                lang.pick(
                    "আপনার উদ্ভাবনের তথ্য পোর্টালে জমা হয়েছে; এই ব্রাউজারের খসড়া মুছে ফেলা হয়েছে।",
                    "Your entry is stored by the portal; the draft in this browser is gone.",
                ),
            )?,
        )?;
        if let Submission::Accepted { warnings } = &*self.submission.borrow()
            && !warnings.is_empty()
        {
            add(&done, &self.dom.text("p", "", lang.pick("পোর্টালের সতর্কতা:", "The portal's warnings:"))?)?;
            let list = self.dom.el("ul", "")?;
            for warning in warnings {
                add(&list, &self.dom.text("li", "", warning.message().get(lang))?)?;
            }
            add(&done, &list)?;
        }
        add(&done, &button(&self.dom, "by-button by-button--secondary", lang.pick("আরেকটি উদ্ভাবনের তথ্য লিখুন", "Write another entry"), "new")?)?;
        add(&frame, &done)?;
        Ok(frame)
    }

    fn refresh_draft_line(&self) {
        let Some(status) = self.root.query_selector("[data-slot=status] .by-submit__draft").ok().flatten() else { return };
        if let Ok(line) = draft_line(&self.dom, &self.draft_status.borrow(), self.lang()) {
            let _ = status.replace_with_with_node_1(&line);
        }
    }

    /// Messages at their fields, and the summary above the form (focused if `focus`).
    fn refresh_messages(&self, focus: bool) {
        let lang = self.lang();
        let said = self.said();
        show_messages(&self.root, &said, owner, lang);
        let Some(slot) = self.root.query_selector(".by-form__summary-slot").ok().flatten() else { return };
        let blocking: Vec<Said> = said.into_iter().filter(|s| s.severity.blocks()).collect();
        if blocking.is_empty() {
            slot.replace_children_with_node_0();
            return;
        }
        if let Ok(summary) = summary(&self.dom, &blocking, owner, |p| label_of(p, lang), lang) {
            slot.replace_children_with_node_1(&summary);
            if focus && let Ok(summary) = summary.dyn_into::<HtmlElement>() {
                let _ = summary.focus();
            }
        }
    }

    fn on_input(self: &Rc<State>, event: Event) {
        let Some(element) = batayan_web::dom::event_element(&event) else { return };
        let (Some(path), Some(value)) = (element.get_attribute("data-path"), value_of(&element)) else { return };
        if self.draft.borrow().text(&path) == value {
            return; // a `change` after the `input` that already kept it
        }
        self.draft.borrow_mut().set(&path, &value);
        if let Some(writer) = self.writer() {
            DraftWriter::schedule(&writer, Rc::new(self.draft.borrow().clone()));
        }
        self.refused.borrow_mut().retain(|s| owner(&s.path).as_deref() != Some(path.as_str()));
        if ["/before/", "/after/", "/yearly_volume"].iter().any(|p| path.starts_with(p))
            && let Some(slot) = self.root.query_selector("[data-slot=tcv]").ok().flatten()
            && let Ok(picture) = crate::tcv::picture(&self.dom, &self.draft.borrow().read().entry, self.lang())
        {
            slot.replace_children_with_node_1(&picture);
        }
        if self.attempted.get() || !self.refused.borrow().is_empty() {
            self.refresh_messages(false);
        }
    }

    /// "Review": everything is checked; errors stop here, at their fields and in the summary.
    fn on_submit(self: &Rc<State>, event: Event) {
        event.prevent_default();
        if self.step.get() != Step::Fill {
            return;
        }
        self.flush();
        self.attempted.set(true);
        let said = self.said();
        if said.iter().any(|s| s.severity.blocks()) {
            self.refresh_messages(true);
            return;
        }
        self.step.set(Step::Review);
        self.draw();
        self.focus_heading();
    }

    fn focus_heading(&self) {
        if let Some(heading) = self.root.query_selector(".by-form__step").ok().flatten().and_then(|h| h.dyn_into::<HtmlElement>().ok()) {
            let _ = heading.set_attribute("tabindex", "-1");
            let _ = heading.focus();
        }
    }

    fn on_click(self: &Rc<State>, event: Event) {
        if follow_summary_link(&self.root, &event) {
            return;
        }
        let Some((action, _)) = action_of(&event) else { return };
        match action.as_str() {
            "send" => self.send(),
            "edit" => {
                self.step.set(Step::Fill);
                self.submission.replace(Submission::Idle);
                self.draw();
                self.focus_heading();
            }
            "discard" | "new" => {
                if let Some(writer) = self.writer() {
                    writer.forget();
                }
                self.draft.replace(EntryDraft::default());
                self.draft_status.replace(DraftStatus::Clean);
                self.step.set(Step::Fill);
                self.attempted.set(false);
                self.submission.replace(Submission::Idle);
                self.refused.borrow_mut().clear();
                self.draw();
                self.focus_heading();
            }
            _ => {}
        }
    }

    /// Sends the entry, once: a press while it is out does nothing.
    fn send(self: &Rc<State>) {
        if *self.submission.borrow() == Submission::Sending {
            return;
        }
        let read = self.draft.borrow().read();
        if has_errors(&read.findings) {
            // Only reachable if the draft changed under the review (another tab): back to the form.
            self.step.set(Step::Fill);
            self.draw();
            self.refresh_messages(true);
            return;
        }
        self.flush();
        let Some(writer) = self.writer() else { return };
        let wanted = self.wanted.borrow().clone();
        let body = match to_json_text(&read.entry) {
            Ok(body) => body,
            Err(message) => {
                self.submission.replace(Submission::Failed(message));
                self.draw();
                return;
            }
        };
        let target = Target {
            host: self.host.clone(),
            method: "POST",
            url: wanted.submit_url,
            draft_key: writer.key().into(),
            timeout_ms: wanted.timeout_ms.unwrap_or(batayan_core::contract::DEFAULT_TIMEOUT_SECONDS * 1000),
        };
        self.submission.replace(Submission::Sending);
        self.draw();
        let weak = Rc::downgrade(self);
        submit(
            &target,
            body,
            Rc::new(move |answer: Submission| {
                if let Some(state) = weak.upgrade() {
                    state.answered(answer);
                }
            }),
        );
    }

    fn answered(self: &Rc<State>, answer: Submission) {
        match &answer {
            Submission::Accepted { .. } => {
                // The submitter cleared the stored draft; nothing typed is pending (the review has no fields).
                if let Some(writer) = self.writer() {
                    writer.forget();
                }
                self.draft.replace(EntryDraft::default());
                self.draft_status.replace(DraftStatus::Clean);
                self.attempted.set(false);
                self.step.set(Step::Done);
            }
            Submission::Refused(errors) => {
                self.refused.replace(Said::from_host(errors));
                self.step.set(Step::Fill);
            }
            _ => {}
        }
        let refused = matches!(answer, Submission::Refused(_));
        self.submission.replace(answer);
        self.draw();
        if refused {
            self.refresh_messages(true);
        } else if self.step.get() == Step::Done
            && let Some(done) = self.root.query_selector(".by-form__done").ok().flatten().and_then(|d| d.dyn_into::<HtmlElement>().ok())
        {
            let _ = done.focus();
        }
    }
}

/// The field a finding or a host error at `path` belongs to.
fn owner(path: &str) -> Option<String> {
    field_for(path).map(|f| f.path.to_owned())
}

/// "উদ্ভাবক — মোবাইল নম্বর": the section and the field, as the summary names a finding.
fn label_of(path: &str, lang: Lang) -> String {
    let Some(field) = field_for(path) else { return path.to_owned() };
    let section = SECTIONS.iter().find(|s| s.fields.iter().any(|f| f.path == field.path));
    match section {
        Some(section) => format!("{} — {}", section.title(lang), field.label(lang)),
        None => field.label(lang).to_owned(),
    }
}

/// A field's text as the review shows it: a choice by its name, the rest as typed.
fn shown_value(field: &Field, text: &str, lang: Lang) -> String {
    match field.kind {
        Kind::Choice(choices) => {
            choices.options().into_iter().find(|(value, _, _)| *value == text).map(|(_, bn, en)| lang.pick(bn, en).to_owned()).unwrap_or_default()
        }
        _ => text.trim().to_owned(),
    }
}
