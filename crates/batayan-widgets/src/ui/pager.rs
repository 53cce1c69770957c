//! A long form's rows a page at a time (the core's [`RowPages`] says which): a bar to move between
//! pages above the table and below it, and a way for the error summary to open the page of a field
//! and focus it there. A form of one page shows no bar at all.

use std::cell::RefCell;
use std::rc::Rc;

use batayan_core::apa::RowPages;
use batayan_core::locale::{Lang, digits_for};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Rows per page of a form with up to five fields a row (the report form: a value per quarter and
/// a link). A thousand such rows cost the browser seconds to create and lay out on every change; a
/// hundred, a tenth of that, and an office's agreement (a few dozen indicators) still fits one page.
pub const ROWS_PER_PAGE: usize = 100;

/// Rows per page of the editor, whose rows hold twelve fields (one a list): fifty rows are about the
/// 600 fields a hundred-row page of the report form holds.
pub const EDITOR_ROWS_PER_PAGE: usize = 50;

/// The id of the bar above the table: moving from the bar below brings focus (and the view) back here.
const TOP_ID: &str = "by-pager-top";

/// The page a form shows, and how to move it.
#[derive(Clone, Debug)]
pub struct Paging {
    pub page: usize,
    set_page: UseStateHandle<usize>,
    /// A field to focus once the page it is on has rendered.
    pending_focus: Rc<RefCell<Option<String>>>,
}

impl Paging {
    /// Shows `page`; focus stays where it is.
    pub fn on_page(&self) -> Callback<usize> {
        let set_page = self.set_page.clone();
        Callback::from(move |page| set_page.set(page))
    }

    /// Shows `page` and then focuses the element with id `field` in the form.
    pub fn on_jump(&self) -> Callback<(usize, String)> {
        let (set_page, pending) = (self.set_page.clone(), self.pending_focus.clone());
        Callback::from(move |(page, field): (usize, String)| {
            *pending.borrow_mut() = Some(field);
            set_page.set(page);
        })
    }
}

/// The page of the form at `form` (brought within `pages`), kept across renders.
#[hook]
pub fn use_paging(form: NodeRef, pages: Rc<RowPages>) -> Paging {
    let set_page = use_state(|| 0usize);
    let pending_focus: Rc<RefCell<Option<String>>> = use_mut_ref(|| None);
    {
        let pending_focus = pending_focus.clone();
        // After every render: the page asked for is on screen now.
        use_effect(move || {
            let wanted = pending_focus.borrow_mut().take();
            if let (Some(id), Some(form)) = (wanted, form.cast::<web_sys::Element>()) {
                super::error_summary::focus_by_id(&form, &id);
            }
        });
    }
    Paging { page: pages.clamp(*set_page), set_page, pending_focus }
}

#[derive(Properties, PartialEq, Debug)]
pub struct PagerProps {
    pub pages: Rc<RowPages>,
    pub page: usize,
    pub on_page: Callback<usize>,
    /// Moves to a page and focuses an element (the bar below moves focus to the bar above).
    pub on_jump: Callback<(usize, String)>,
    /// The bar above the table (announces the rows shown); the one below only moves.
    pub top: bool,
    pub lang: Lang,
}

/// `← আগের পাতা | পাতা [২] / ১০ | পরের পাতা →`, and above the table `সারি ১০১–২০০, মোট ১,০০০`.
#[component]
pub fn Pager(props: &PagerProps) -> Html {
    let lang = props.lang;
    let count = props.pages.count();
    if count < 2 {
        return html! {};
    }
    let page = props.page;
    let go = {
        let (on_page, on_jump, top) = (props.on_page.clone(), props.on_jump.clone(), props.top);
        move |to: usize| {
            if top {
                on_page.emit(to);
            } else {
                on_jump.emit((to, TOP_ID.to_owned()));
            }
        }
    };
    // Not `disabled` at either end: a disabled button drops the focus of whoever just pressed it.
    let step = |to: Option<usize>| {
        let go = go.clone();
        (
            to.is_none().then_some("true"),
            Callback::from(move |_: MouseEvent| {
                if let Some(to) = to {
                    go(to)
                }
            }),
        )
    };
    let (prev_disabled, prev) = step(page.checked_sub(1));
    let (next_disabled, next) = step((page + 1 < count).then_some(page + 1));
    let onchange = {
        let go = go.clone();
        Callback::from(move |e: Event| {
            if let Ok(to) = e.target_unchecked_into::<HtmlSelectElement>().value().parse::<usize>() {
                go(to);
            }
        })
    };
    let number = |n: usize| digits_for(lang, &n.to_string());
    let rows = props.pages.rows(page);
    let shown = match lang {
        Lang::Bn => format!("সারি {}–{}, মোট {}", number(rows.start + 1), number(rows.end), number(props.pages.total_rows())),
        Lang::En => format!("Rows {}–{} of {}", rows.start + 1, rows.end, props.pages.total_rows()),
    };
    let (id, label) = if props.top {
        (Some(TOP_ID), lang.pick("সারির পাতা", "Pages of rows"))
    } else {
        (None, lang.pick("সারির পাতা (ছকের নিচে)", "Pages of rows (below the table)"))
    };
    html! {
        <nav id={id} class="by-pager" aria-label={label} tabindex={props.top.then_some("-1")}>
            <button type="button" class="by-button by-button--secondary" aria-disabled={prev_disabled} onclick={prev}>
                { lang.pick("← আগের পাতা", "← Previous page") }
            </button>
            <label class="by-pager__jump">
                { lang.pick("পাতা ", "Page ") }
                <select class="by-input" {onchange}>
                    { for (0..count).map(|p| html! { <option value={p.to_string()} selected={p == page}>{ number(p + 1) }</option> }) }
                </select>
                { format!(" / {}", number(count)) }
            </label>
            <button type="button" class="by-button by-button--secondary" aria-disabled={next_disabled} onclick={next}>
                { lang.pick("পরের পাতা →", "Next page →") }
            </button>
            if props.top {
                <p class="by-pager__rows" role="status">{ shown }</p>
            }
        </nav>
    }
}
