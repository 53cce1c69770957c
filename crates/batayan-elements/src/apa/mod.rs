//! `<batayan-apa-table src report-src submit-url mode period timeout lang>` with a form's `mode`: fetches
//! the agreement (and, for the report form, the last report), then mounts the form asked for, with a
//! status line while loading and an explained error with "try again" if anything is wrong.
//!
//! The element owns the load; a form owns its draft, its submission and its listeners (on its own
//! `<form>`), and is left (its draft written) before another takes its place: when the data, the
//! address, the period or the language change.

mod chrome;
#[cfg(feature = "edit")]
mod edit;
#[cfg(feature = "edit")]
mod paste;
#[cfg(feature = "report")]
mod report;

use std::cell::RefCell;
use std::rc::Rc;

use batayan_core::apa::{Agreement, Report};
use batayan_core::contract::{ApaMode, request_timeout_ms};
use batayan_core::locale::{Lang, Message};
use batayan_web::attributes;
use batayan_web::dom::{Dom, Listeners, error_box};
use batayan_web::net::{Cancel, Loads};
use batayan_web::widget::{Load, Widget, action_of, empty, listen, load_failed, loading, prepare, show};
use wasm_bindgen::JsValue;
use web_sys::{Element, Event, HtmlElement};

/// What the attributes ask for.
#[derive(Clone, Debug, PartialEq)]
struct Wanted {
    src: Option<String>,
    report_src: Option<String>,
    submit_url: Option<String>,
    mode: Result<ApaMode, Message>,
    period: Option<String>,
    timeout_ms: Result<u32, Message>,
    lang: Lang,
}

impl Wanted {
    fn read(host: &HtmlElement) -> Wanted {
        Wanted {
            src: attributes::text(host, "src"),
            report_src: attributes::text(host, "report-src"),
            submit_url: attributes::text(host, "submit-url"),
            mode: ApaMode::parse(attributes::text(host, "mode").as_deref()),
            period: attributes::text(host, "period"),
            timeout_ms: request_timeout_ms(attributes::text(host, "timeout").as_deref()),
            lang: attributes::language(host),
        }
    }

    /// What must be fetched again when it changes. Only the report form starts from the last report;
    /// the editor does not wait for it.
    fn source(&self) -> (Option<&str>, Option<&str>, u32) {
        let report_src = self.report_src.as_deref().filter(|_| matches!(self.mode, Ok(ApaMode::Report)));
        (self.src.as_deref(), report_src, self.timeout_ms.clone().unwrap_or_default())
    }
}

/// What a form is given besides the data: where it is, where it sends, in which language.
#[derive(Clone, Debug)]
pub(crate) struct Setting {
    /// The custom element: events are dispatched on it.
    pub host: HtmlElement,
    pub dom: Dom,
    pub submit_url: Option<String>,
    pub period: Option<String>,
    pub timeout_ms: u32,
    pub lang: Lang,
}

impl Setting {
    /// Where and how a form sends: `method` to `submit-url`, the draft kept under `draft_key`.
    pub(crate) fn target(&self, method: &'static str, draft_key: &str) -> batayan_web::submit::Target {
        batayan_web::submit::Target { host: self.host.clone(), method, url: self.submit_url.clone(), draft_key: draft_key.into(), timeout_ms: self.timeout_ms }
    }
}

/// The form on screen.
enum Form {
    #[cfg(feature = "report")]
    Report(Rc<report::ReportForm>),
    #[cfg(feature = "edit")]
    Edit(Rc<edit::Editor>),
}

impl Form {
    /// Writes the draft now and stops listening: the form is about to be replaced or the element goes.
    fn leave(&self) {
        match self {
            #[cfg(feature = "report")]
            Form::Report(form) => form.leave(),
            #[cfg(feature = "edit")]
            Form::Edit(form) => form.leave(),
        }
    }
}

type Loaded = (Rc<Agreement>, Option<Rc<Report>>);

struct State {
    host: HtmlElement,
    root: Element,
    dom: Dom,
    wanted: RefCell<Wanted>,
    load: RefCell<Load<Loaded>>,
    loads: Loads,
    form: RefCell<Option<Form>>,
    listeners: RefCell<Listeners>,
}

/// A mounted form element, owned by its custom element in JS.
pub(crate) struct ApaForms {
    state: Rc<State>,
}

impl ApaForms {
    pub(crate) fn mount(host: HtmlElement) -> Result<ApaForms, JsValue> {
        let (root, dom) = prepare(&host, batayan_web::APA_STYLES)?;
        let state = Rc::new(State {
            wanted: RefCell::new(Wanted::read(&host)),
            host,
            listeners: RefCell::new(Listeners::new(root.clone())),
            root,
            dom,
            load: RefCell::new(Load::Loading),
            loads: Loads::default(),
            form: RefCell::default(),
        });
        listen(&state, &mut state.listeners.borrow_mut(), &[("click", State::on_click)])?;
        State::start_load(&state);
        Ok(ApaForms { state })
    }
}

impl Widget for ApaForms {
    /// Fetches again if an address or the timeout changed, else mounts the form again (another period,
    /// address or language is another draft, or the same one in other words).
    fn attribute_changed(&self) {
        let now = Wanted::read(&self.state.host);
        let before = self.state.wanted.replace(now.clone());
        if before.source() != now.source() {
            State::start_load(&self.state);
        } else if before != now {
            self.state.show();
        }
    }

    fn destroy(&self) {
        self.state.loads.stop();
        self.state.leave_form();
        self.state.listeners.borrow_mut().clear();
        empty(&self.state.host);
    }
}

/// The agreement and, for the report form, the last report: both requests at once (on a phone's link
/// each is a round trip).
#[cfg(feature = "report")]
async fn fetch(src: &str, report_src: Option<&str>, timeout_ms: u32, cancel: Option<&Cancel>) -> Result<(Agreement, Option<Report>), Message> {
    batayan_web::net::get_json_with::<Agreement, Report>(src, report_src, timeout_ms, cancel).await
}

/// The agreement: the editor does not read reports (a build without the report form carries no code
/// to read one).
#[cfg(not(feature = "report"))]
async fn fetch(src: &str, _report_src: Option<&str>, timeout_ms: u32, cancel: Option<&Cancel>) -> Result<(Agreement, Option<Report>), Message> {
    batayan_web::net::get_json::<Agreement>(src, timeout_ms, cancel).await.map(|agreement| (agreement, None))
}

impl State {
    fn start_load(this: &Rc<State>) {
        let (this_load, cancel) = this.loads.start();
        this.load.replace(Load::Loading);
        this.show();
        let wanted = this.wanted.borrow().clone();
        let Ok(timeout_ms) = wanted.timeout_ms else { return };
        let weak = Rc::downgrade(this);
        wasm_bindgen_futures::spawn_local(async move {
            let (src, report_src, _) = wanted.source();
            let load = match src {
                None => {
                    Load::Failed(Message::new("চুক্তির ঠিকানা দিন: <batayan-apa-table src=\"…\">।", "Give the agreement's address: <batayan-apa-table src=\"…\">."))
                }
                Some(src) => match fetch(src, report_src, timeout_ms, cancel.as_ref()).await {
                    Ok((agreement, report)) => Load::Ready((Rc::new(agreement), report.map(Rc::new))),
                    Err(message) => Load::Failed(message),
                },
            };
            if let Some(state) = weak.upgrade().filter(|s| s.loads.is_latest(this_load)) {
                state.load.replace(load);
                state.show();
            }
        });
    }

    fn leave_form(&self) {
        if let Some(form) = self.form.take() {
            form.leave();
        }
    }

    /// Draws the load's state, or mounts the form on the loaded data.
    fn show(&self) {
        self.leave_form();
        let lang = self.wanted.borrow().lang;
        show(&self.root, &self.dom, self.draw(), lang);
    }

    fn draw(&self) -> Result<Element, JsValue> {
        let wanted = self.wanted.borrow().clone();
        let lang = wanted.lang;
        let (mode, timeout_ms) = match (&wanted.mode, &wanted.timeout_ms) {
            (Ok(mode), Ok(timeout_ms)) => (*mode, *timeout_ms),
            (Err(message), _) | (_, Err(message)) => return error_box(&self.dom, message, lang),
        };
        let (agreement, report) = match &*self.load.borrow() {
            Load::Loading => return loading(&self.dom, lang.pick("চুক্তি লোড হচ্ছে…", "Loading the agreement…")),
            Load::Failed(message) => return load_failed(&self.dom, message, lang),
            Load::Ready((agreement, report)) => (agreement.clone(), report.clone()),
        };
        let setting = Setting { host: self.host.clone(), dom: self.dom.clone(), submit_url: wanted.submit_url, period: wanted.period, timeout_ms, lang };
        match mode {
            #[cfg(feature = "report")]
            ApaMode::Report => {
                let period = match report::resolve_period(setting.period.as_deref(), &agreement) {
                    Ok(period) => period,
                    Err(message) => return error_box(&self.dom, &message, lang),
                };
                let form = report::ReportForm::mount(setting, agreement, report, period)?;
                let element = form.element();
                self.form.replace(Some(Form::Report(form)));
                element
            }
            #[cfg(feature = "edit")]
            ApaMode::Edit => {
                let form = edit::Editor::mount(setting, agreement)?;
                let element = form.element();
                self.form.replace(Some(Form::Edit(form)));
                element
            }
            // The loader mounts each mode from its own module (the public view from `batayan_view`,
            // each form from its own build of this crate); another mode reaches this build only when
            // a page imports the module directly.
            #[allow(unreachable_patterns)]
            _ => error_box(
                &self.dom,
                &Message::new(
                    "এই মডিউলে এই দৃশ্যটি নেই: পাতায় batayan.js যুক্ত করুন, সে ঠিক মডিউলটি আনবে।",
                    "This module does not hold that view: include batayan.js, which loads the right one.",
                ),
                lang,
            ),
        }
    }

    /// "Try again" after a failed load; the forms' own buttons are theirs.
    fn on_click(self: &Rc<State>, event: Event) {
        if let Some((action, _)) = action_of(&event)
            && action == "retry"
        {
            State::start_load(self);
        }
    }
}
