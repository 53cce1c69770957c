//! The pieces of a hand-written form: a field from its core description (label, hint, input, its
//! message), the error summary that links to fields, the draft line and the submission's status —
//! the same words and classes as the APA forms' (`batayan-elements/src/apa/chrome.rs`), so every
//! Batayan form reads alike.
//!
//! A field's element id is `by-field` + its JSON Pointer (`by-field/innovator/mobile`), as in the APA
//! forms: our findings and the host's 422 errors land on the same field.

use batayan_core::contract::FieldError;
use batayan_core::finding::{Finding, Severity};
use batayan_core::innovation::form::{Field, Kind};
use batayan_core::locale::{Lang, Message};
use batayan_web::dom::{Dom, add, set_all, with};
use batayan_web::draft::DraftStatus;
use batayan_web::submit::Submission;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use crate::widget::{button, count};

pub(crate) use batayan_web::field::{by_id, field_id};

/// A field: its label (with "required" said in words), its hint, the input for its kind holding
/// `text`, and an empty message line that [`show_messages`] fills.
pub(crate) fn field(dom: &Dom, field: &Field, text: &str, lang: Lang) -> Result<Element, JsValue> {
    let id = field_id(field.path);
    let wrapper = dom.el("div", "by-form__field")?;
    wrapper.set_attribute("data-field", field.path)?;
    let label = dom.text("label", "by-form__label", field.label(lang))?;
    label.set_attribute("for", &id)?;
    if field.required {
        add(&label, &dom.text("span", "by-form__required", lang.pick(" (আবশ্যক)", " (required)"))?)?;
    }
    add(&wrapper, &label)?;
    let mut described = Vec::new();
    if let Some(hint) = field.hint(lang) {
        let hint_id = format!("{id}-hint");
        let hint_el = dom.text("p", "by-form__hint", hint)?;
        hint_el.set_attribute("id", &hint_id)?;
        add(&wrapper, &hint_el)?;
        described.push(hint_id);
    }
    let message_id = format!("{id}-message");
    described.push(message_id.clone());
    let input = input(dom, field, text, lang)?;
    set_all(&input, &[("id", &id), ("data-path", field.path), ("aria-describedby", &described.join(" "))])?;
    if field.required {
        input.set_attribute("aria-required", "true")?;
    }
    add(&wrapper, &input)?;
    let message = dom.el("p", "by-field-message")?;
    set_all(&message, &[("id", &message_id), ("hidden", "")])?;
    add(&wrapper, &message)?;
    Ok(wrapper)
}

fn input(dom: &Dom, field: &Field, text: &str, lang: Lang) -> Result<Element, JsValue> {
    let input = match field.kind {
        Kind::LongText | Kind::Links => {
            let area = dom.el("textarea", "by-input by-form__text")?;
            area.set_attribute("rows", if field.kind == Kind::Links { "3" } else { "4" })?;
            // A textarea's value is its text content before it is first edited.
            area.set_text_content(Some(text));
            return Ok(area);
        }
        Kind::Choice(choices) => {
            let select = dom.el("select", "by-input by-form__select")?;
            if !choices.options().iter().any(|(value, _, _)| *value == text) || text.is_empty() {
                let none = dom.text("option", "", lang.pick("— বেছে নিন —", "— choose —"))?;
                none.set_attribute("value", "")?;
                add(&select, &none)?;
            }
            for (value, bn, en) in choices.options() {
                let option = dom.text("option", "", lang.pick(bn, en))?;
                option.set_attribute("value", value)?;
                if value == text {
                    option.set_attribute("selected", "")?;
                }
                add(&select, &option)?;
            }
            return Ok(select);
        }
        _ => dom.el("input", "by-input")?,
    };
    let (inputmode, autocomplete) = match field.kind {
        // Text inputs, not `type="number"`: a number input refuses Bangla digits on many phones.
        Kind::Count | Kind::Amount => ("decimal", "off"),
        Kind::Mobile => ("tel", "tel"),
        Kind::Email => ("email", "email"),
        _ => ("text", "off"),
    };
    set_all(&input, &[("type", "text"), ("inputmode", inputmode), ("autocomplete", autocomplete), ("value", text)])?;
    if matches!(field.kind, Kind::Count | Kind::Amount | Kind::Mobile) {
        input.class_list().add_1("by-form__short")?;
    }
    Ok(input)
}

/// What is said at a field: the most severe first.
#[derive(Clone, Debug)]
pub(crate) struct Said {
    pub path: String,
    pub severity: Severity,
    pub message: Message,
}

impl Said {
    pub(crate) fn of(findings: &[Finding]) -> Vec<Said> {
        findings.iter().map(|f| Said { path: f.path.clone(), severity: f.severity, message: f.message.clone() }).collect()
    }

    pub(crate) fn from_host(errors: &[FieldError]) -> Vec<Said> {
        errors.iter().map(|e| Said { path: e.path.clone(), severity: Severity::Error, message: e.message() }).collect()
    }
}

/// Writes every message under its field (the field a path belongs to, by `owner`) and marks invalid
/// inputs; fields with nothing said are cleared.
pub(crate) fn show_messages(root: &Element, said: &[Said], owner: impl Fn(&str) -> Option<String>, lang: Lang) {
    let Ok(inputs) = root.query_selector_all("[data-path]") else { return };
    for i in 0..inputs.length() {
        let Some(input) = inputs.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        let Some(path) = input.get_attribute("data-path") else { continue };
        let here: Vec<&Said> = said.iter().filter(|s| owner(&s.path).as_deref() == Some(path.as_str())).collect();
        let error = here.iter().any(|s| s.severity.blocks());
        let _ = input.set_attribute("aria-invalid", if error { "true" } else { "false" });
        let Some(message) = by_id(root, &format!("{}-message", field_id(&path))) else { continue };
        let text: Vec<String> = here.iter().map(|s| format!("{}: {}", s.severity.label(lang), s.message.get(lang))).collect();
        message.set_text_content(Some(&text.join(" ")));
        message.set_class_name(if error { "by-field-message by-field-message--error" } else { "by-field-message" });
        let _ = if text.is_empty() { message.set_attribute("hidden", "") } else { message.remove_attribute("hidden") };
    }
}

/// The error summary: what stops the form, each a link that moves focus to its field
/// (`data-focus`), then the warnings. Focusable, so that it can take focus when it appears.
pub(crate) fn summary(
    dom: &Dom,
    said: &[Said],
    owner: impl Fn(&str) -> Option<String>,
    label: impl Fn(&str) -> String,
    lang: Lang,
) -> Result<Element, JsValue> {
    let errors = said.iter().filter(|s| s.severity.blocks()).count();
    let class = if errors > 0 { "by-summary" } else { "by-summary by-summary--warnings" };
    let summary = dom.el("div", class)?;
    set_all(&summary, &[("tabindex", "-1"), ("role", "group"), ("aria-labelledby", "by-summary-title")])?;
    let title = match (errors, lang) {
        (0, _) => lang.pick("জমা দেওয়ার আগে দেখে নিন", "Check before you submit").to_owned(),
        (n, Lang::Bn) => format!("{}টি ঘর ঠিক করুন", count(n, lang)),
        (1, Lang::En) => "Correct 1 field".to_owned(),
        (n, Lang::En) => format!("Correct {n} fields"),
    };
    let heading = dom.text("h3", "by-summary__title", &title)?;
    heading.set_attribute("id", "by-summary-title")?;
    add(&summary, &heading)?;
    let list = dom.el("ul", "by-summary__list")?;
    let mut ordered: Vec<&Said> = said.iter().filter(|s| s.severity.blocks()).collect();
    ordered.extend(said.iter().filter(|s| !s.severity.blocks()));
    for item in ordered {
        let li = dom.el("li", if item.severity.blocks() { "by-summary__error" } else { "" })?;
        let target = owner(&item.path);
        let text = format!("{}: {}", label(&item.path), item.message.get(lang));
        match target {
            Some(path) => {
                let link = dom.text("a", "", &text)?;
                set_all(&link, &[("href", &format!("#{}", field_id(&path))), ("data-focus", &field_id(&path))])?;
                add(&li, &link)?;
            }
            None => li.set_text_content(Some(&text)),
        }
        add(&list, &li)?;
    }
    add(&summary, &list)?;
    Ok(summary)
}

/// A summary link was followed: focus its field (a form of one page of fields).
pub(crate) fn follow_summary_link(root: &Element, event: &web_sys::Event) -> bool {
    batayan_web::field::follow_summary_link(root, event, |_| {})
}

/// Whether the draft is safe in this browser, in words (and "discard" beside a restored one).
pub(crate) fn draft_line(dom: &Dom, status: &DraftStatus, lang: Lang) -> Result<Element, JsValue> {
    let line = dom.el("p", "by-submit__draft")?;
    match status {
        DraftStatus::Clean => {}
        DraftStatus::Saved => add(&line, &dom.text("span", "", lang.pick("খসড়া এই ব্রাউজারে রাখা হয়েছে।", "Draft kept in this browser."))?)?,
        DraftStatus::Restored => {
            add(&line, &dom.text("span", "", lang.pick("আগের না-পাঠানো খসড়া ফিরিয়ে আনা হয়েছে। ", "Your unsent draft from before is back. "))?)?;
            add(&line, &button(dom, "by-button by-button--quiet", lang.pick("খসড়া বাদ দিন", "Discard the draft"), "discard")?)?;
        }
        DraftStatus::NotSaved(message) => add(&line, &dom.text("span", "by-warning", message.get(lang))?)?,
    }
    Ok(line)
}

/// The submission's outcome beside the button: sending, stored, refused, or failed with "try again".
pub(crate) fn outcome(dom: &Dom, submission: &Submission, lang: Lang) -> Result<Element, JsValue> {
    let out = dom.el("div", "by-submit__outcome")?;
    match submission {
        Submission::Idle => {}
        Submission::Sending => {
            let spinner = dom.el("span", "by-spinner")?;
            spinner.set_attribute("aria-hidden", "true")?;
            add(&out, &with(dom.el("span", "by-sending")?, &[&spinner, &dom.text("span", "", lang.pick("পাঠানো হচ্ছে…", "Sending…"))?])?)?;
        }
        Submission::Accepted { .. } => add(&out, &dom.text("strong", "by-done", lang.pick("জমা হয়েছে।", "Submitted."))?)?,
        Submission::Refused(errors) => {
            let text = match lang {
                Lang::Bn => format!("পোর্টাল জমা নেয়নি: {}টি ঘরে ত্রুটি, ঘরগুলোতে দেখানো হয়েছে।", count(errors.len(), lang)),
                Lang::En => format!("The portal did not accept it: {} field(s) wrong, marked at each.", errors.len()),
            };
            add(&out, &dom.text("span", "by-warning", &text)?)?;
        }
        Submission::Failed(message) => {
            let kept = Message::new(format!("{} খসড়া এই ব্রাউজারে রাখা আছে।", message.bn), format!("{} The draft is kept in this browser.", message.en));
            add(&out, &batayan_web::dom::error_box(dom, &kept, lang)?)?;
        }
    }
    Ok(out)
}
