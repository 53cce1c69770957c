//! What both APA forms put around their table: the error summary that links to fields (on whatever
//! page of rows they are), the bars that move between pages of rows, the submit bar with the draft's
//! state, the messages under a cell, and the total as a figure with a bar per area. Plain functions
//! that build DOM; the forms decide when to call them again.
//!
//! Ids and classes are the ones the stylesheet (`styles/apa.css`), the Playwright scripts and portals'
//! own CSS know: a field is `by-field` + its JSON Pointer, so our findings and a host's 422 land on the
//! same input.

use batayan_core::apa::{AreaScore, RowPages};
use batayan_core::finding::Severity;
use batayan_core::locale::{FiscalYear, Lang, Message, digits_for, format_fixed};
use batayan_web::dom::{Dom, add, error_box, progress_bar, set_all, with};
use batayan_web::draft::DraftStatus;
use batayan_web::submit::Submission;
use batayan_web::widget::button;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

pub(crate) use batayan_web::field::{by_id, field_id, focus_by_id, follow_summary_link};

/// One entry of the error summary: the field's id, what the field is (`[১.১.১] ২য় প্রান্তিক`), what
/// is wrong, and the page of rows it is on (`None`: always on screen).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SummaryItem {
    pub field_id: String,
    pub label: String,
    pub message: String,
    pub is_error: bool,
    pub page: Option<usize>,
}

/// Entries a summary lists at most. An office's form has a handful of problems; a pasted table of
/// 10,000 rows can have tens of thousands, which nobody reads as a list and which would cost each
/// keystroke its time to format. The rest are counted, and shown at their cells.
pub(crate) const SUMMARY_LIMIT: usize = 100;

/// A form's problems gathered for its summary, errors first, formatted only up to [`SUMMARY_LIMIT`]
/// and counted beyond.
#[derive(Debug, Default)]
pub(crate) struct SummaryList {
    errors: Vec<SummaryItem>,
    warnings: Vec<SummaryItem>,
    error_count: usize,
    warning_count: usize,
}

impl SummaryList {
    /// Counts one problem; `item` is called only if the summary will show it. Information is said at
    /// its place and neither listed nor counted.
    pub(crate) fn push(&mut self, severity: Severity, item: impl FnOnce() -> SummaryItem) {
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

    pub(crate) fn counts(&self) -> (usize, usize) {
        (self.error_count, self.warning_count)
    }

    /// The entries to list, errors first, and how many are left out.
    pub(crate) fn finish(self) -> Shown {
        let total = self.error_count + self.warning_count;
        let mut items = self.errors;
        items.extend(self.warnings);
        items.truncate(SUMMARY_LIMIT);
        let more = total - items.len();
        Shown { items, more }
    }
}

/// What a summary shows: compared with the last one so that an unchanged summary is not redrawn.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Shown {
    pub items: Vec<SummaryItem>,
    pub more: usize,
}

/// GOV.UK's error summary: a heading, a link per problem (`data-focus` the field's id, `data-page` its
/// page), and how many more are left out. Focusable, so that a refused submit can move focus to it.
/// Nothing when there is nothing to say.
pub(crate) fn summary(dom: &Dom, shown: &Shown, lang: Lang) -> Result<Option<Element>, JsValue> {
    if shown.items.is_empty() {
        return Ok(None);
    }
    let errors = shown.items.iter().any(|i| i.is_error);
    let div = dom.el("div", if errors { "by-summary" } else { "by-summary by-summary--warnings" })?;
    set_all(&div, &[("tabindex", "-1"), ("aria-labelledby", "by-summary-title")])?;
    let title = if errors {
        lang.pick("জমা দেওয়ার আগে এগুলো ঠিক করুন", "Fix these before submitting")
    } else {
        lang.pick("দেখে নিন (জমা দেওয়া যাবে)", "Worth a look (you can still submit)")
    };
    let heading = dom.text("h3", "by-summary__title", title)?;
    heading.set_attribute("id", "by-summary-title")?;
    add(&div, &heading)?;
    // It scrolls when long, so a keyboard must be able to reach it (WCAG 2.1.1).
    let list = dom.el("ul", "by-summary__list")?;
    set_all(&list, &[("tabindex", "0"), ("aria-labelledby", "by-summary-title")])?;
    for item in &shown.items {
        let li = dom.el("li", if item.is_error { "by-summary__error" } else { "" })?;
        let link = dom.text("a", "", &item.label)?;
        set_all(&link, &[("href", &format!("#{}", item.field_id)), ("data-focus", &item.field_id)])?;
        if let Some(page) = item.page {
            link.set_attribute("data-page", &page.to_string())?;
        }
        add(&li, &link)?;
        li.append_with_str_1(&format!(": {}", item.message))?;
        add(&list, &li)?;
    }
    add(&div, &list)?;
    if shown.more > 0 {
        let more = match lang {
            Lang::Bn => {
                format!("আরও {}টি সমস্যা এই তালিকায় নেই; প্রতিটি তার ঘরের নিচে দেখানো আছে, আর এগুলো ঠিক করলে তালিকায় আসবে।", digits_for(lang, &shown.more.to_string()))
            }
            Lang::En => {
                format!("{} more problems are not in this list; each is shown under its cell, and they come into the list as these are fixed.", shown.more)
            }
        };
        add(&div, &dom.text("p", "by-summary__more", &more)?)?;
    }
    Ok(Some(div))
}

/// The id of the bar above the table: moving from the bar below brings focus back here.
pub(crate) const PAGER_TOP_ID: &str = "by-pager-top";

/// `← আগের পাতা | পাতা [২] / ১০ | পরের পাতা →`, and above the table `সারি ১০১–২০০, মোট ১,০০০`.
/// Buttons carry `data-action="page"`, `data-page` (none at either end) and `data-step`; the list is
/// `.by-pager__select`; the bar says `data-top`. A form of one page shows no bar.
pub(crate) fn pager(dom: &Dom, pages: &RowPages, page: usize, top: bool, lang: Lang) -> Result<Option<Element>, JsValue> {
    let count = pages.count();
    if count < 2 {
        return Ok(None);
    }
    let number = |n: usize| digits_for(lang, &n.to_string());
    let nav = dom.el("nav", "by-pager")?;
    if top {
        set_all(&nav, &[("id", PAGER_TOP_ID), ("aria-label", lang.pick("সারির পাতা", "Pages of rows")), ("tabindex", "-1")])?;
    } else {
        nav.set_attribute("aria-label", lang.pick("সারির পাতা (ছকের নিচে)", "Pages of rows (below the table)"))?;
    }
    nav.set_attribute("data-top", if top { "true" } else { "false" })?;
    let step = |text: &str, which: &str| -> Result<Element, JsValue> {
        let b = button(dom, "by-button by-button--secondary", text, "page")?;
        b.set_attribute("data-step", which)?;
        Ok(b)
    };
    add(&nav, &step(lang.pick("← আগের পাতা", "← Previous page"), "previous")?)?;
    let jump = dom.text("label", "by-pager__jump", lang.pick("পাতা ", "Page "))?;
    let select = dom.el("select", "by-input by-pager__select")?;
    for p in 0..count {
        let option = dom.text("option", "", &number(p + 1))?;
        option.set_attribute("value", &p.to_string())?;
        add(&select, &option)?;
    }
    add(&jump, &select)?;
    jump.append_with_str_1(&format!(" / {}", number(count)))?;
    add(&nav, &jump)?;
    add(&nav, &step(lang.pick("পরের পাতা →", "Next page →"), "next")?)?;
    if top {
        let status = dom.el("p", "by-pager__rows")?;
        status.set_attribute("role", "status")?;
        add(&nav, &status)?;
    }
    set_page(&nav, pages, page, lang)?;
    Ok(Some(nav))
}

/// Points a bar made by [`pager`] at `page`, in place: the control pressed keeps focus, and the rows
/// line, a live region, is announced as it changes.
pub(crate) fn set_page(nav: &Element, pages: &RowPages, page: usize, lang: Lang) -> Result<(), JsValue> {
    let count = pages.count();
    let targets = [("previous", page.checked_sub(1)), ("next", (page + 1 < count).then_some(page + 1))];
    for (step, to) in targets {
        let Some(b) = nav.query_selector(&format!("[data-step={step}]"))? else { continue };
        // Not `disabled` at either end: a disabled button drops the focus of whoever just pressed it.
        match to {
            Some(to) => {
                b.set_attribute("data-page", &to.to_string())?;
                b.remove_attribute("aria-disabled")?;
            }
            None => {
                b.remove_attribute("data-page")?;
                b.set_attribute("aria-disabled", "true")?;
            }
        }
    }
    if let Some(select) = nav.query_selector(".by-pager__select")?.and_then(|s| s.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
        select.set_value(&page.to_string());
    }
    if let Some(status) = nav.query_selector(".by-pager__rows")? {
        let number = |n: usize| digits_for(lang, &n.to_string());
        let rows = pages.rows(page);
        let shown = match lang {
            Lang::Bn => format!("সারি {}–{}, মোট {}", number(rows.start + 1), number(rows.end), number(pages.total_rows())),
            Lang::En => format!("Rows {}–{} of {}", rows.start + 1, rows.end, pages.total_rows()),
        };
        status.set_text_content(Some(&shown));
    }
    Ok(())
}

/// Puts the pages of `pages` into `holder` around the table `region`: the bars made again only when
/// there are none or their number of pages changed, else moved to `page` in place.
pub(crate) fn show_pages(dom: &Dom, holder: &Element, region: &Element, pages: &RowPages, page: usize, lang: Lang) -> Result<(), JsValue> {
    let navs = holder.query_selector_all(":scope > .by-pager")?;
    let options = holder.query_selector_all(&format!("#{PAGER_TOP_ID} option"))?.length() as usize;
    if navs.length() == 2 && options == pages.count() {
        for n in 0..2 {
            if let Some(nav) = navs.item(n).and_then(|n| n.dyn_into::<Element>().ok()) {
                set_page(&nav, pages, page, lang)?;
            }
        }
        if let Some(old) = holder.query_selector(":scope > .by-apa__scroll")? {
            old.replace_with_with_node_1(region)?;
        }
        return Ok(());
    }
    holder.set_text_content(None);
    if let Some(top) = pager(dom, pages, page, true, lang)? {
        add(holder, &top)?;
    }
    add(holder, region)?;
    if let Some(bottom) = pager(dom, pages, page, false, lang)? {
        add(holder, &bottom)?;
    }
    Ok(())
}

/// The submit button (`label`) and beside it, announced politely, what became of the last submission
/// and whether the draft is safe in this browser. `.by-submit__outcome` and `.by-submit__draft` are
/// redrawn on their own as those change.
pub(crate) fn submit_bar(dom: &Dom, label: &str, submission: &Submission, draft: &DraftStatus, lang: Lang) -> Result<Element, JsValue> {
    let bar = dom.el("div", "by-submit")?;
    let press = dom.text("button", "by-button", label)?;
    press.set_attribute("type", "submit")?;
    add(&bar, &press)?;
    let status = dom.el("div", "by-submit__status")?;
    set_all(&status, &[("role", "status"), ("aria-live", "polite")])?;
    add(&status, &dom.el("div", "by-submit__outcome")?)?;
    add(&status, &dom.el("p", "by-submit__draft")?)?;
    add(&bar, &status)?;
    show_submission(dom, &bar, submission, lang)?;
    show_draft(dom, &bar, draft, lang)?;
    Ok(bar)
}

/// Writes the submission's state into a bar made by [`submit_bar`]: sending (the button waits), stored
/// (with the host's warnings), refused, or failed with "try again" (the draft is kept).
pub(crate) fn show_submission(dom: &Dom, bar: &Element, submission: &Submission, lang: Lang) -> Result<(), JsValue> {
    let sending = *submission == Submission::Sending;
    if let Some(press) = bar.query_selector(":scope > .by-button").ok().flatten() {
        if sending {
            set_all(&press, &[("disabled", ""), ("aria-disabled", "true")])?;
        } else {
            press.remove_attribute("disabled")?;
            press.set_attribute("aria-disabled", "false")?;
        }
    }
    let Some(out) = bar.query_selector(".by-submit__outcome").ok().flatten() else { return Ok(()) };
    out.set_text_content(None);
    match submission {
        Submission::Idle => {}
        Submission::Sending => {
            let spinner = dom.el("span", "by-spinner")?;
            spinner.set_attribute("aria-hidden", "true")?;
            add(&out, &with(dom.el("span", "by-sending")?, &[&spinner, &dom.text("span", "", lang.pick("পাঠানো হচ্ছে…", "Sending…"))?])?)?;
        }
        Submission::Accepted { warnings } => {
            let done = with(dom.el("div", "by-done")?, &[&dom.text("strong", "", lang.pick("জমা হয়েছে। ", "Submitted. "))?])?;
            if !warnings.is_empty() {
                add(&done, &dom.text("span", "", lang.pick("সতর্কতা:", "Warnings:"))?)?;
                let list = dom.el("ul", "")?;
                for w in warnings {
                    add(&list, &dom.text("li", "", w.message().get(lang))?)?;
                }
                add(&done, &list)?;
            }
            add(&out, &done)?;
        }
        Submission::Refused(errors) => {
            let n = digits_for(lang, &errors.len().to_string());
            let text = match lang {
                Lang::Bn => format!("পোর্টাল জমা নেয়নি: {n}টি ঘরে ত্রুটি, ঘরগুলোতে দেখানো হয়েছে।"),
                Lang::En if errors.len() == 1 => "The portal did not accept it: 1 field is wrong; it is marked below.".to_owned(),
                Lang::En => format!("The portal did not accept it: {n} fields are wrong; they are marked below."),
            };
            add(&out, &dom.text("span", "by-warning", &text)?)?;
        }
        // Nothing usable came back (offline, timeout, 5xx): the draft is safe, and trying again is one
        // press away; the idempotency key kept with the draft makes a second attempt safe too.
        Submission::Failed(message) => {
            let kept = Message::new(format!("{} খসড়া এই ব্রাউজারে রাখা আছে।", message.bn), format!("{} The draft is kept in this browser.", message.en));
            add(&out, &error_box(dom, &kept, lang)?)?;
            let retry = dom.text("button", "by-button by-button--secondary by-retry", lang.pick("আবার চেষ্টা করুন", "Try again"))?;
            retry.set_attribute("type", "submit")?;
            add(&out, &retry)?;
        }
    }
    Ok(())
}

/// Writes whether the draft is safe into a bar made by [`submit_bar`] ("discard" beside a restored one).
pub(crate) fn show_draft(dom: &Dom, bar: &Element, status: &DraftStatus, lang: Lang) -> Result<(), JsValue> {
    let Some(line) = bar.query_selector(".by-submit__draft").ok().flatten() else { return Ok(()) };
    line.set_text_content(None);
    match status {
        DraftStatus::Clean => {}
        DraftStatus::Saved => add(&line, &dom.text("span", "", lang.pick("খসড়া এই ব্রাউজারে রাখা হয়েছে।", "Draft kept in this browser."))?)?,
        DraftStatus::Restored => {
            add(&line, &dom.text("span", "", lang.pick("আগের না-পাঠানো খসড়া ফিরিয়ে আনা হয়েছে। ", "Your unsent draft from before is back. "))?)?;
            add(&line, &button(dom, "by-button by-button--quiet", lang.pick("খসড়া বাদ দিন", "Discard the draft"), "discard")?)?;
        }
        DraftStatus::NotSaved(m) => add(&line, &dom.text("span", "by-warning", m.get(lang))?)?,
    }
    Ok(())
}

/// A problem said under a cell, and for a look-alike digit the one-click fix (`data-action="fix"`,
/// the cell's pointer in `data-path`, the text in `data-text`) and how to name the fixed cell.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Said {
    pub severity: Severity,
    pub message: Message,
    pub fix: Option<Fix>,
}

/// An edit a button makes: write `text` in the cell at `pointer` (named `cell`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Fix {
    pub pointer: String,
    pub cell: String,
    pub text: String,
}

/// Sets what is said at the element with id `id`: its message line (`{id}-message`) at the end of
/// `cell`, and for a field (`input`) `aria-invalid` and `aria-describedby`. The line is made, rewritten
/// or removed as needed.
pub(crate) fn say_at(dom: &Dom, cell: &Element, input: Option<&Element>, id: &str, said: &[Said], lang: Lang) -> Result<(), JsValue> {
    let message_id = format!("{id}-message");
    let old = by_id(cell, &message_id);
    if said.is_empty() {
        if let Some(old) = old {
            old.remove();
        }
        if let Some(input) = input {
            input.remove_attribute("aria-invalid")?;
            input.remove_attribute("aria-describedby")?;
        }
        return Ok(());
    }
    let invalid = said.iter().any(|s| s.severity == Severity::Error);
    let line = dom.el("p", if invalid { "by-field-message by-field-message--error" } else { "by-field-message" })?;
    line.set_attribute("id", &message_id)?;
    for s in said {
        let span = dom.text("span", "", s.message.get(lang))?;
        if let Some(fix) = &s.fix {
            span.append_with_str_1(" ")?;
            let label = match lang {
                Lang::Bn => format!("{} ঘরে {} লিখুন", fix.cell, batayan_core::locale::to_bangla_digits(&fix.text)),
                Lang::En => format!("Write {} in {}", batayan_core::locale::to_ascii_digits(&fix.text), fix.cell),
            };
            let press = button(dom, "by-button by-button--secondary by-fix", &label, "fix")?;
            set_all(&press, &[("data-path", &fix.pointer), ("data-text", &fix.text)])?;
            add(&span, &press)?;
        }
        add(&line, &span)?;
    }
    match old {
        Some(old) => old.replace_with_with_node_1(&line)?,
        None => add(cell, &line)?,
    }
    let Some(input) = input else { return Ok(()) };
    if invalid {
        input.set_attribute("aria-invalid", "true")?;
    } else {
        input.remove_attribute("aria-invalid")?;
    }
    input.set_attribute("aria-describedby", &message_id)
}

/// Moves a progress bar made by `dom::progress_bar` to `fraction`, with its value in words.
pub(crate) fn set_progress(bar: &Element, fraction: f64, value_text: &str) {
    let fraction = if fraction.is_finite() { fraction.clamp(0.0, 1.0) } else { 0.0 };
    let _ = bar.set_attribute("aria-valuenow", &format_fixed(fraction * 100.0, 0, Lang::En));
    let _ = bar.set_attribute("aria-valuetext", value_text);
    if let Some(fill) = bar.query_selector(".by-progress__fill").ok().flatten() {
        let _ = fill.set_attribute("width", &format_fixed(fraction * 100.0, 2, Lang::En));
    }
}

/// The total out of 100 as a large figure, and a bar per area: what a reader looks at first.
pub(crate) fn score_summary(dom: &Dom, areas: &[AreaScore], total: f64, year: FiscalYear, lang: Lang) -> Result<Element, JsValue> {
    let figure = with(
        dom.el("p", "by-apa__total")?,
        &[
            &dom.text("span", "by-apa__total-label", lang.pick("মোট প্রাপ্ত নম্বর", "Total score"))?,
            &dom.text("span", "by-apa__total-figure", &format_fixed(total, 2, lang))?,
            &dom.text("span", "by-apa__total-of", lang.pick("/ ১০০", "/ 100"))?,
        ],
    )?;
    let bars = dom.el("ul", "by-apa__bars")?;
    for area in areas {
        let fraction = if area.weight > 0.0 { area.score / area.weight } else { 0.0 };
        let text = format!("{} / {}", format_fixed(area.score, 2, lang), format_fixed(area.weight, 0, lang));
        let label = with(dom.text("span", "by-apa__bar-label", &format!("{} ", area.key.title(year, lang)))?, &[&dom.bdi(&area.name)?])?;
        add(
            &bars,
            &with(dom.el("li", "")?, &[&label, &progress_bar(dom, fraction, &text, &area.name, &[])?, &dom.text("span", "by-apa__bar-value", &text)?])?,
        )?;
    }
    with(dom.el("div", "by-apa__summary")?, &[&figure, &bars])
}

/// The box the table scrolls sideways in when wider than the widget: reachable and named (WCAG 2.1.1).
pub(crate) fn scroll_region(dom: &Dom, label: &str) -> Result<Element, JsValue> {
    let region = dom.el("div", "by-apa__scroll")?;
    set_all(&region, &[("tabindex", "0"), ("role", "region"), ("aria-label", label)])?;
    Ok(region)
}

/// `<th scope="col" class="…">text</th>` appended to `row`.
pub(crate) fn column_head(dom: &Dom, row: &Element, class: &str, text: &str) -> Result<(), JsValue> {
    let th = dom.text("th", class, text)?;
    th.set_attribute("scope", "col")?;
    add(row, &th)
}

/// The form's header: its title (focusable, for summary entries about the whole document) and office.
pub(crate) fn header(dom: &Dom, title_id: &str, title: &str, office: &str) -> Result<Element, JsValue> {
    let header = dom.el("header", "by-apa__header")?;
    let h2 = dom.text("h2", "by-card__title", title)?;
    set_all(&h2, &[("id", title_id), ("tabindex", "-1")])?;
    add(&header, &h2)?;
    if !office.is_empty() {
        add(&header, &with(dom.el("p", "by-apa__office")?, &[&dom.bdi(office)?])?)?;
    }
    Ok(header)
}

/// Where a press on a pager came from, so that focus can go back to it once the page is redrawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum PagerControl {
    /// `data-step` of a button on the bar above.
    Step(&'static str),
    /// The list on the bar above.
    List,
    /// Anything on the bar below: focus goes to the bar above, where the rows start.
    Below,
}

impl PagerControl {
    /// The control `element` (a pager's button or list) is.
    pub(crate) fn of(element: &Element) -> PagerControl {
        if element.closest("[data-top=true]").ok().flatten().is_none() {
            return PagerControl::Below;
        }
        match element.get_attribute("data-step").as_deref() {
            Some("previous") => PagerControl::Step("previous"),
            Some("next") => PagerControl::Step("next"),
            _ => PagerControl::List,
        }
    }

    /// Focuses the same control in the pager drawn anew inside `root`.
    pub(crate) fn focus_in(self, root: &Element) {
        let selector = match self {
            PagerControl::Step(step) => format!("#{PAGER_TOP_ID} [data-step={step}]"),
            PagerControl::List => format!("#{PAGER_TOP_ID} .by-pager__select"),
            PagerControl::Below => format!("#{PAGER_TOP_ID}"),
        };
        if let Some(element) = root.query_selector(&selector).ok().flatten().and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            let _ = element.focus();
        }
    }
}

/// Says in the form, instead of what it showed, that drawing failed (a DOM call refused: it should not).
pub(crate) fn drawing_failed(dom: &Dom, form: &Element, e: JsValue, lang: Lang) {
    let detail = e.as_string().unwrap_or_default();
    if let Ok(said) = error_box(dom, &Message::new(format!("দেখানো যায়নি: {detail}"), format!("Could not be shown: {detail}")), lang) {
        form.replace_children_with_node_1(&said);
    }
}
