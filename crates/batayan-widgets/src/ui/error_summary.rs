//! The list of everything wrong in a form, at its top, each entry a link that moves focus to its field
//! (GOV.UK's error summary). Links inside a shadow root cannot use `#fragment` navigation, which looks in
//! the document, so a click finds the field in the widget itself.

use batayan_core::finding::Severity;
use batayan_core::locale::Lang;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// One entry: the field's element id, what the field is (`[১.১.১] ২য় প্রান্তিক`) and what is wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct SummaryItem {
    pub field_id: String,
    pub label: String,
    pub message: String,
    pub is_error: bool,
    /// The page of a long form the field is on (`None`: always on screen).
    pub page: Option<usize>,
}

/// Entries a summary lists at most. An office's form has a handful of problems; a pasted table of
/// 10,000 rows can have tens of thousands, which nobody reads as a list and which cost a keystroke
/// its time to format and compare. The rest are counted, and shown at their cells.
pub const SUMMARY_LIMIT: usize = 100;

/// A form's problems gathered for its summary, errors first, formatted only up to [`SUMMARY_LIMIT`]
/// of them and counted beyond.
#[derive(Debug, Default)]
pub struct SummaryList {
    errors: Vec<SummaryItem>,
    warnings: Vec<SummaryItem>,
    error_count: usize,
    warning_count: usize,
}

impl SummaryList {
    /// Counts one problem; `item` is called only if the summary will show it. Information is not a
    /// problem: it is said at its place and neither listed nor counted here.
    pub fn push(&mut self, severity: Severity, item: impl FnOnce() -> SummaryItem) {
        let (list, count) = match severity {
            Severity::Error => (&mut self.errors, &mut self.error_count),
            Severity::Warning => (&mut self.warnings, &mut self.warning_count),
            Severity::Info => return,
        };
        *count += 1;
        if list.len() < SUMMARY_LIMIT {
            list.push(item());
        }
    }

    pub fn error_count(&self) -> usize {
        self.error_count
    }

    pub fn warning_count(&self) -> usize {
        self.warning_count
    }

    /// The entries to list, errors first (each in the order pushed), and how many are left out.
    pub fn finish(self) -> (Vec<SummaryItem>, usize) {
        let total = self.error_count + self.warning_count;
        let mut items = self.errors;
        items.extend(self.warnings);
        items.truncate(SUMMARY_LIMIT);
        let more = total - items.len();
        (items, more)
    }
}

#[derive(Properties, PartialEq, Debug)]
pub struct ErrorSummaryProps {
    pub items: Vec<SummaryItem>,
    /// Problems left out of the list (beyond [`SUMMARY_LIMIT`]).
    #[prop_or_default]
    pub more: usize,
    /// Changes each time the person tries to submit with errors: the summary then takes focus, so
    /// that a screen reader reads it and a keyboard user starts from it.
    pub focus_request: u32,
    /// Asked to show a page and focus a field there, for an entry whose field is on another page.
    #[prop_or_default]
    pub on_jump: Callback<(usize, String)>,
    pub lang: Lang,
}

/// The id of the element showing the field at JSON Pointer `path`; error summaries link to it and the
/// host's 422 errors find their field by it.
pub fn field_id(path: &str) -> String {
    format!("by-field{path}")
}

/// Moves focus to the field with `id` in the same widget as `from` (an element inside it); false if
/// the widget does not show that field now.
fn focus_field(from: &Element, id: &str) -> bool {
    let Ok(Some(widget)) = from.closest(".by-widget") else { return false };
    focus_by_id(&widget, id)
}

/// Moves focus to the element with `id` inside `root` (a widget's form); false if there is none.
/// By attribute, not `getElementById`: a widget lives in a shadow root, not in the document.
pub(crate) fn focus_by_id(root: &Element, id: &str) -> bool {
    if let Ok(Some(field)) = root.query_selector(&format!("[id=\"{id}\"]"))
        && let Ok(field) = field.dyn_into::<HtmlElement>()
    {
        let _ = field.focus();
        return true;
    }
    false
}

#[component]
pub fn ErrorSummary(props: &ErrorSummaryProps) -> Html {
    let lang = props.lang;
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.focus_request, move |request| {
            if *request > 0
                && let Some(summary) = node.cast::<HtmlElement>()
            {
                let _ = summary.focus();
            }
        });
    }
    if props.items.is_empty() {
        return html! {};
    }
    let errors = props.items.iter().filter(|i| i.is_error).count();
    let title = if errors > 0 {
        lang.pick("জমা দেওয়ার আগে এগুলো ঠিক করুন", "Fix these before submitting")
    } else {
        lang.pick("দেখে নিন (জমা দেওয়া যাবে)", "Worth a look (you can still submit)")
    };
    html! {
        <div ref={node} class={classes!("by-summary", (errors == 0).then_some("by-summary--warnings"))} tabindex="-1" aria-labelledby="by-summary-title">
            <h3 id="by-summary-title" class="by-summary__title">{ title }</h3>
            // It scrolls when long, so a keyboard must be able to reach it (WCAG 2.1.1).
            <ul class="by-summary__list" tabindex="0" aria-labelledby="by-summary-title">
                { for props.items.iter().map(|item| {
                    let (id, page, on_jump) = (item.field_id.clone(), item.page, props.on_jump.clone());
                    let onclick = Callback::from(move |e: MouseEvent| {
                        e.prevent_default();
                        let shown = e.target().and_then(|t| t.dyn_into::<Element>().ok()).is_some_and(|from| focus_field(&from, &id));
                        if !shown && let Some(page) = page {
                            on_jump.emit((page, id.clone()));
                        }
                    });
                    html! {
                        <li class={classes!(item.is_error.then_some("by-summary__error"))}>
                            <a href={format!("#{}", item.field_id)} {onclick}>{ item.label.clone() }</a>
                            { ": " }{ item.message.clone() }
                        </li>
                    }
                }) }
            </ul>
            if props.more > 0 {
                <p class="by-summary__more">{ more_text(props.more, lang) }</p>
            }
        </div>
    }
}

/// `আরও ১২৩টি সমস্যা তালিকায় নেই: …`: what the list leaves out, and where to find it.
fn more_text(more: usize, lang: Lang) -> String {
    match lang {
        Lang::Bn => format!(
            "আরও {}টি সমস্যা এই তালিকায় নেই; প্রতিটি তার ঘরের নিচে দেখানো আছে, আর এগুলো ঠিক করলে তালিকায় আসবে।",
            batayan_core::locale::digits_for(lang, &more.to_string())
        ),
        Lang::En => format!("{more} more problems are not in this list; each is shown under its cell, and they come into the list as these are fixed."),
    }
}
