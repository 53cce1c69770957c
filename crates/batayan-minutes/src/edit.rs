//! `<batayan-minutes mode="edit" submit-url [src]>`: the secretary pastes the minutes as copied out of
//! Word, presses "read", and sees what was read — the counts, every finding with its line (a button that
//! selects that line in the text), and the document as it will be published — fixes the text, reads
//! again, and publishes: `PUT` to `submit-url` when the element has `src` (that meeting is replaced),
//! else `POST` (a new meeting). The pasted text is a draft in this browser from the first keystroke
//! until the host stores the minutes; sending is the shared submission path.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use batayan_core::contract::request_timeout_ms;
use batayan_core::finding::Severity;
use batayan_core::locale::{Lang, Message};
use batayan_core::minutes::{Imported, import};
use batayan_web::attributes;
use batayan_web::dom::{Dom, Listeners, add, error_box, set_all};
use batayan_web::draft::{DraftStatus, DraftWriter, FlushOnHide};
use batayan_web::submit::{Submission, Target, submit, to_json_text};
use batayan_web::widget::{Widget, action_of, button, count, empty, flush_on_hide, listen, prepare, show, value_of};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlElement};

use crate::document;

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

struct State {
    host: HtmlElement,
    root: Element,
    dom: Dom,
    wanted: RefCell<Wanted>,
    text: RefCell<String>,
    /// The text as last read, and what was read from it.
    read: RefCell<Option<Imported>>,
    writer: RefCell<Option<Rc<DraftWriter<String>>>>,
    draft_status: RefCell<DraftStatus>,
    submission: RefCell<Submission>,
    listeners: RefCell<Listeners>,
    on_hide: RefCell<Option<FlushOnHide>>,
}

pub(crate) struct Editor {
    state: Rc<State>,
}

impl Editor {
    pub(crate) fn mount(host: HtmlElement) -> Result<Editor, JsValue> {
        let (root, dom) = prepare(&host, batayan_web::MINUTES_STYLES)?;
        let state = Rc::new(State {
            wanted: RefCell::new(Wanted::read(&host)),
            host,
            listeners: RefCell::new(Listeners::new(root.clone())),
            root,
            dom,
            text: RefCell::default(),
            read: RefCell::default(),
            writer: RefCell::default(),
            draft_status: RefCell::default(),
            submission: RefCell::default(),
            on_hide: RefCell::default(),
        });
        State::open_draft(&state);
        listen(&state, &mut state.listeners.borrow_mut(), &[("input", State::on_input), ("click", State::on_click)])?;
        state.on_hide.replace(Some(flush_on_hide(&state, State::flush)));
        state.draw();
        Ok(Editor { state })
    }
}

impl Widget for Editor {
    fn attribute_changed(&self) {
        let now = Wanted::read(&self.state.host);
        let before = self.state.wanted.replace(now.clone());
        if (before.src.as_deref(), before.submit_url.as_deref()) != (now.src.as_deref(), now.submit_url.as_deref()) {
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

    fn open_draft(this: &Rc<State>) {
        let wanted = this.wanted.borrow().clone();
        let key: Rc<str> = batayan_web::draft::key("minutes", wanted.submit_url.as_deref().unwrap_or(""), wanted.src.as_deref().unwrap_or("new")).into();
        let kept: Option<String> = batayan_web::draft::load(&key);
        let restored = kept.as_ref().is_some_and(|t| !t.trim().is_empty());
        this.text.replace(kept.unwrap_or_default());
        this.read.replace(restored.then(|| import(&this.text.borrow())));
        this.draft_status.replace(if restored { DraftStatus::Restored } else { DraftStatus::Clean });
        let weak: Weak<State> = Rc::downgrade(this);
        this.writer.replace(Some(Rc::new(DraftWriter::new(key, move |status| {
            if let Some(state) = weak.upgrade() {
                state.draft_status.replace(status);
                state.refresh_status();
            }
        }))));
    }

    fn flush(&self) {
        let writer = self.writer.borrow().clone();
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
        let frame = self.dom.el("div", "by-widget by-minutes by-minutes-edit")?;
        add(&frame, &self.dom.text("h2", "by-form__title", lang.pick("কার্যবিবরণী প্রকাশ", "Publish minutes"))?)?;
        if let Err(message) = &self.wanted.borrow().timeout_ms {
            add(&frame, &error_box(&self.dom, message, lang)?)?;
        }
        let paste = self.dom.el("div", "by-paste")?;
        let label =
            self.dom.text("label", "by-paste__title", lang.pick("Word থেকে কপি করা কার্যবিবরণী এখানে পেস্ট করুন", "Paste the minutes as copied from Word"))?;
        label.set_attribute("for", "by-minutes-text")?;
        add(&paste, &label)?;
        let hint = self.dom.text(
            "p",
            "by-paste__hint",
            lang.pick(
                "শিরোনাম, সভাপতি, তারিখ, আলোচ্য বিষয়ের ছক (ঘরগুলো ট্যাবে আলাদা) ও স্মারক নম্বরসহ পুরোটা। যা পেস্ট করেন তা এই ব্রাউজারে খসড়া হিসেবে থাকে।",
                "All of it: title, chair, date, the table of items (cells separated by tabs) and the memo number. What you paste is kept as a draft in this browser.",
            ),
        )?;
        hint.set_attribute("id", "by-minutes-text-hint")?;
        add(&paste, &hint)?;
        let area = self.dom.el("textarea", "by-input")?;
        set_all(&area, &[("id", "by-minutes-text"), ("rows", "10"), ("aria-describedby", "by-minutes-text-hint"), ("spellcheck", "false")])?;
        area.set_text_content(Some(&self.text.borrow()));
        add(&paste, &area)?;
        add(&paste, &button(&self.dom, "by-button", lang.pick("পড়ুন", "Read"), "read")?)?;
        add(&frame, &paste)?;
        if let Some(imported) = &*self.read.borrow() {
            add(&frame, &self.what_was_read(imported, lang)?)?;
        }
        let bar = self.dom.el("div", "by-submit")?;
        let submission = self.submission.borrow();
        let label = if matches!(*submission, Submission::Failed(_)) {
            lang.pick("আবার চেষ্টা করুন", "Try again")
        } else {
            lang.pick("প্রকাশ করুন", "Publish")
        };
        let publish = button(&self.dom, "by-button", label, "publish")?;
        if *submission == Submission::Sending {
            set_all(&publish, &[("disabled", ""), ("aria-disabled", "true")])?;
        }
        add(&bar, &publish)?;
        let status = self.dom.el("div", "by-submit__status")?;
        set_all(&status, &[("role", "status"), ("aria-live", "polite"), ("data-slot", "status")])?;
        let said = match &*submission {
            Submission::Idle => String::new(),
            Submission::Sending => lang.pick("পাঠানো হচ্ছে…", "Sending…").to_owned(),
            Submission::Accepted { .. } => lang.pick("প্রকাশিত হয়েছে; এই ব্রাউজারের খসড়া মুছে ফেলা হয়েছে।", "Published; the draft in this browser is gone.").to_owned(),
            Submission::Refused(errors) => errors.iter().map(|e| e.message().get(lang).to_owned()).collect::<Vec<_>>().join(" "),
            Submission::Failed(m) => format!("{} {}", m.get(lang), lang.pick("খসড়া এই ব্রাউজারে রাখা আছে।", "The draft is kept in this browser.")),
        };
        let class = match &*submission {
            Submission::Accepted { .. } => "by-done",
            Submission::Refused(_) | Submission::Failed(_) => "by-warning",
            _ => "",
        };
        add(&status, &self.dom.text("p", class, &said)?)?;
        add(&status, &self.dom.text("p", "by-submit__draft", &self.draft_words(lang))?)?;
        add(&bar, &status)?;
        add(&frame, &bar)?;
        Ok(frame)
    }

    fn draft_words(&self, lang: Lang) -> String {
        match &*self.draft_status.borrow() {
            DraftStatus::Clean => String::new(),
            DraftStatus::Saved => lang.pick("খসড়া এই ব্রাউজারে রাখা হয়েছে।", "Draft kept in this browser.").to_owned(),
            DraftStatus::Restored => lang.pick("আগের না-পাঠানো খসড়া ফিরিয়ে আনা হয়েছে।", "Your unsent draft from before is back.").to_owned(),
            DraftStatus::NotSaved(m) => m.get(lang).to_owned(),
        }
    }

    fn refresh_status(&self) {
        let lang = self.lang();
        if let Some(line) = self.root.query_selector("[data-slot=status] .by-submit__draft").ok().flatten() {
            line.set_text_content(Some(&self.draft_words(lang)));
        }
    }

    /// The counts, the findings (each a button to its line), and the document as it will be published.
    fn what_was_read(&self, imported: &Imported, lang: Lang) -> Result<Element, JsValue> {
        let part = self.dom.el("section", "by-minutes-edit__read")?;
        part.set_attribute("aria-label", lang.pick("যা পড়া হয়েছে", "What was read"))?;
        let minutes = &imported.minutes;
        let decisions: usize = minutes.items.iter().map(|i| i.decisions.len()).sum();
        let words = match lang {
            Lang::Bn => format!("{}টি আলোচ্য বিষয় ও {}টি সিদ্ধান্ত পড়া হয়েছে।", count(minutes.items.len(), lang), count(decisions, lang)),
            Lang::En => format!("Read {} items and {} decisions.", minutes.items.len(), decisions),
        };
        add(&part, &self.dom.text("p", "by-apa__counts", &words)?)?;
        if !imported.findings.is_empty() {
            let list = self.dom.el("ul", "by-minutes-edit__findings")?;
            for finding in &imported.findings {
                let (line, _) = finding.text_position();
                let label = finding.severity.label(lang);
                let text = match (line, lang) {
                    (0, _) => format!("{label}: {}", finding.message.get(lang)),
                    (l, Lang::Bn) => format!("{label}, লাইন {}: {}", count(l, lang), finding.message.get(lang)),
                    (l, Lang::En) => format!("{label}, line {l}: {}", finding.message.get(lang)),
                };
                let li = self.dom.el("li", if finding.severity == Severity::Error { "by-summary__error" } else { "" })?;
                if line > 0 {
                    let go = button(&self.dom, "by-button by-button--quiet", &text, "line")?;
                    go.set_attribute("data-line", &line.to_string())?;
                    add(&li, &go)?;
                } else {
                    li.set_text_content(Some(&text));
                }
                add(&list, &li)?;
            }
            add(&part, &list)?;
        }
        if !minutes.items.is_empty() {
            let preview = self.dom.el("details", "by-minutes-edit__preview")?;
            preview.set_attribute("open", "")?;
            add(&preview, &self.dom.text("summary", "", lang.pick("যেভাবে প্রকাশিত হবে", "As it will be published"))?)?;
            let today = batayan_web::today();
            add(&preview, &document::header(&self.dom, minutes, lang)?)?;
            let items = self.dom.el("ol", "by-minutes__items")?;
            for (i, item) in minutes.items.iter().enumerate() {
                add(&items, &document::item(&self.dom, i, item, today, "", lang)?)?;
            }
            add(&preview, &items)?;
            add(&preview, &document::footer(&self.dom, minutes, lang)?)?;
            add(&part, &preview)?;
        }
        Ok(part)
    }

    fn on_input(self: &Rc<State>, event: Event) {
        let Some(area) = batayan_web::dom::event_element(&event).filter(|e| e.id() == "by-minutes-text") else { return };
        let text = value_of(&area).unwrap_or_default();
        self.text.replace(text.clone());
        let writer = self.writer.borrow().clone();
        if let Some(writer) = writer {
            DraftWriter::schedule(&writer, Rc::new(text));
        }
    }

    fn on_click(self: &Rc<State>, event: Event) {
        let Some((action, button)) = action_of(&event) else { return };
        match action.as_str() {
            "read" => {
                self.read.replace(Some(import(&self.text.borrow())));
                self.submission.replace(Submission::Idle);
                self.draw();
                if let Some(counts) =
                    self.root.query_selector(".by-minutes-edit__read .by-apa__counts").ok().flatten().and_then(|c| c.dyn_into::<HtmlElement>().ok())
                {
                    let _ = counts.set_attribute("tabindex", "-1");
                    let _ = counts.focus();
                }
            }
            "line" => {
                let line: usize = button.get_attribute("data-line").and_then(|l| l.parse().ok()).unwrap_or(1);
                self.select_line(line);
            }
            "publish" => self.publish(),
            _ => {}
        }
    }

    /// Selects line `line` (1-based) of the pasted text, and scrolls to it.
    fn select_line(&self, line: usize) {
        let Some(area) = self.root.query_selector("#by-minutes-text").ok().flatten().and_then(|a| a.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) else {
            return;
        };
        let text = area.value();
        // Offsets in UTF-16 units, as the text area counts them.
        let mut start = 0u32;
        for (i, l) in text.split('\n').enumerate() {
            let length = l.encode_utf16().count() as u32;
            if i + 1 == line {
                let _ = area.focus();
                let _ = area.set_selection_range(start, start + length);
                return;
            }
            start += length + 1;
        }
    }

    fn publish(self: &Rc<State>) {
        if *self.submission.borrow() == Submission::Sending {
            return;
        }
        self.flush();
        let imported = import(&self.text.borrow());
        let nothing = imported.minutes.items.is_empty();
        self.read.replace(Some(imported));
        if nothing {
            self.submission.replace(Submission::Failed(Message::new(
                "প্রকাশ করার মতো কিছু পড়া যায়নি: আগে কার্যবিবরণী পেস্ট করে পড়ুন।",
                "Nothing to publish was read: paste the minutes and read them first.",
            )));
            self.draw();
            return;
        }
        let body = match self.read.borrow().as_ref().map(|i| to_json_text(&i.minutes)) {
            Some(Ok(body)) => body,
            Some(Err(message)) => {
                self.submission.replace(Submission::Failed(message));
                self.draw();
                return;
            }
            None => return,
        };
        let wanted = self.wanted.borrow().clone();
        let Some(writer) = self.writer.borrow().clone() else { return };
        let target = Target {
            host: self.host.clone(),
            method: if wanted.src.is_some() { "PUT" } else { "POST" },
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
                    if matches!(answer, Submission::Accepted { .. }) {
                        let writer = state.writer.borrow().clone();
                        if let Some(writer) = writer {
                            writer.forget();
                        }
                        state.draft_status.replace(DraftStatus::Clean);
                    }
                    state.submission.replace(answer);
                    state.draw();
                }
            }),
        );
    }
}
