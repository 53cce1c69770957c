//! The report form: office staff type each quarter's value (Bangla or ASCII digits; dates for date
//! indicators) and an evidence link; the score follows as they type; problems show under their field
//! and in a summary at the top; the draft is kept in this browser from the first keystroke until the
//! host has the report.
//!
//! One keystroke is one row: the core's [`LiveReport`] reads, checks and scores again only the rows
//! whose text changed, and only those rows' cells are written to the DOM (with the area headings, the
//! bars and the total). The input typed into is never written to: the caret stays where it is.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use batayan_core::apa::{Agreement, EntryField, LiveReport, LiveRow, Method, Report, ReportDraft, RowKey, RowPages, Severity, level_label, quarters_covered};
use batayan_core::locale::{Lang, Message, Period, Quarter, format_fixed, format_number};
use batayan_web::dom::{Dom, Listeners, add, set_all, with};
use batayan_web::draft::{DraftStatus, DraftWriter, FlushOnHide};
use batayan_web::submit::{Submission, submit, to_json_text};
use batayan_web::widget::{action_of, flush_on_hide, listen, value_of};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlElement};

use super::Setting;
use super::chrome::{self, PagerControl, Said, Shown, SummaryItem, SummaryList, field_id};

/// Rows per page: a value per quarter and a link make five fields a row; a thousand such rows cost
/// the browser seconds to create and lay out, a hundred a tenth of that, and an office's agreement (a
/// few dozen indicators) still fits one page.
const ROWS_PER_PAGE: usize = 100;

/// The id of the form's heading: summary entries about the report as a whole link here.
const TITLE_ID: &str = "by-report-title";

pub(crate) struct ReportForm {
    setting: Setting,
    agreement: Rc<Agreement>,
    /// The host's last report: what the form starts from when nothing is kept in the browser.
    last: Option<Rc<Report>>,
    period: &'static str,
    covered: usize,
    draft: RefCell<Rc<ReportDraft>>,
    live: RefCell<LiveReport>,
    pages: RowPages,
    page: Cell<usize>,
    writer: Rc<DraftWriter<ReportDraft>>,
    draft_status: RefCell<DraftStatus>,
    submission: RefCell<Submission>,
    form: Element,
    /// The parts redrawn on their own.
    summary_slot: Element,
    scores_slot: Element,
    total_text: Element,
    bar: RefCell<Option<Element>>,
    shown: RefCell<Shown>,
    /// The rows on screen by key, and the area headings' score lines by area index.
    rows: RefCell<HashMap<RowKey, Element>>,
    area_lines: RefCell<Vec<(usize, Element)>>,
    listeners: RefCell<Listeners>,
    on_hide: RefCell<Option<FlushOnHide>>,
}

/// The `period` attribute, or the quarter of today if today is in the agreement's year, else the
/// annual report.
pub(crate) fn resolve_period(attribute: Option<&str>, agreement: &Agreement) -> Result<&'static str, Message> {
    if let Some(text) = attribute {
        return Period::parse(text).map(Period::code);
    }
    Ok(Period::reported_on(agreement.fiscal_year, batayan_web::today()).code())
}

impl ReportForm {
    /// The form of `period` for `agreement`, from the draft kept in this browser if there is one (for
    /// this office, year, period and address), else from the host's last report.
    pub(crate) fn mount(setting: Setting, agreement: Rc<Agreement>, last: Option<Rc<Report>>, period: &'static str) -> Result<Rc<ReportForm>, JsValue> {
        let scope = format!("{}/{}/{period}", agreement.office, agreement.fiscal_year.code());
        let key: Rc<str> = batayan_web::draft::key("apa-report", setting.submit_url.as_deref().unwrap_or(""), &scope).into();
        // The key names office and year; a draft that says otherwise was written by hand or by another version.
        let kept = batayan_web::draft::load::<ReportDraft>(&key).filter(|d| d.office == agreement.office && d.fiscal_year == agreement.fiscal_year);
        let restored = kept.is_some();
        let draft = kept.unwrap_or_else(|| fresh(&agreement, last.as_deref(), period, setting.lang));
        let live = LiveReport::new(&agreement, &draft, agreement.scoring);
        let form = setting.dom.el("form", "by-widget by-apa by-apa--report")?;
        set_all(&form, &[("lang", setting.lang.tag()), ("novalidate", "")])?;
        let (summary_slot, scores_slot) = (setting.dom.el("div", "")?, setting.dom.el("div", "")?);
        let total_text = setting.dom.el("strong", "by-apa__total-text")?;
        let this = Rc::new_cyclic(|weak: &Weak<ReportForm>| {
            let weak = weak.clone();
            let writer = DraftWriter::new(key, move |status| {
                if let Some(this) = weak.upgrade() {
                    this.draft_status.replace(status);
                    this.show_draft();
                }
            });
            ReportForm {
                pages: RowPages::new(&agreement, ROWS_PER_PAGE),
                covered: quarters_covered(period),
                period,
                draft: RefCell::new(Rc::new(draft)),
                live: RefCell::new(live),
                page: Cell::new(0),
                writer: Rc::new(writer),
                draft_status: RefCell::new(if restored { DraftStatus::Restored } else { DraftStatus::Clean }),
                submission: RefCell::default(),
                summary_slot,
                scores_slot,
                total_text,
                bar: RefCell::default(),
                shown: RefCell::default(),
                rows: RefCell::default(),
                area_lines: RefCell::default(),
                listeners: RefCell::new(Listeners::new(form.clone())),
                on_hide: RefCell::default(),
                form,
                agreement,
                last,
                setting,
            }
        });
        this.draw()?;
        listen(
            &this,
            &mut this.listeners.borrow_mut(),
            &[("input", Self::on_input), ("click", Self::on_click), ("change", Self::on_change), ("submit", Self::on_submit)],
        )?;
        this.on_hide.replace(Some(flush_on_hide(&this, |f: &ReportForm| f.writer.flush())));
        Ok(this)
    }

    pub(crate) fn element(&self) -> Result<Element, JsValue> {
        Ok(self.form.clone())
    }

    pub(crate) fn leave(&self) {
        self.writer.flush();
        self.on_hide.take();
        self.listeners.borrow_mut().clear();
    }

    fn dom(&self) -> &Dom {
        &self.setting.dom
    }

    fn lang(&self) -> Lang {
        self.setting.lang
    }

    /// Everything, from the header down.
    fn draw(&self) -> Result<(), JsValue> {
        let (dom, lang, agreement) = (self.dom(), self.lang(), &self.agreement);
        self.form.set_text_content(None);
        let period_name = Period::parse(self.period).map_or_else(|_| self.period.to_owned(), |p| p.name(lang).to_owned());
        let title = format!("{}{period_name} · {}", lang.pick("অগ্রগতি প্রতিবেদন: ", "Progress report: "), agreement.fiscal_year.label(lang));
        let header = chrome::header(dom, TITLE_ID, &title, &agreement.office_name)?;
        add(
            &header,
            &dom.text(
                "p",
                "by-apa__hint",
                lang.pick(
                    "প্রতিটি প্রান্তিকের অর্জন লিখুন (০-৯ বা 0-9; তারিখ যেমন ১২/১২/২০২৪)। লেখার সঙ্গে সঙ্গে নম্বর হিসাব হয় এবং খসড়া এই ব্রাউজারে থেকে যায়।",
                    "Enter each quarter's achievement (০-৯ or 0-9; dates like 12/12/2024). Scores follow as you type, and the draft stays in this browser.",
                ),
            )?,
        )?;
        add(&self.form, &header)?;
        self.shown.replace(Shown::default());
        add(&self.form, &self.summary_slot)?;
        self.show_summary(false)?;
        add(&self.form, &self.scores_slot)?;
        self.show_scores()?;
        add(&self.form, &self.dom().el("div", "by-apa__pages")?)?;
        let line = dom.text("p", "by-apa__total-line", lang.pick("মোট প্রাপ্ত নম্বর: ", "Total score: "))?;
        add(&line, &self.total_text)?;
        line.append_with_str_1(lang.pick(" / ১০০", " / 100"))?;
        add(&self.form, &line)?;
        let bar = chrome::submit_bar(dom, lang.pick("প্রতিবেদন জমা দিন", "Submit the report"), &self.submission.borrow(), &self.draft_status.borrow(), lang)?;
        add(&self.form, &bar)?;
        self.bar.replace(Some(bar));
        self.draw_page()
    }

    /// The pager above, the table with the rows of the page shown, the pager below.
    fn draw_page(&self) -> Result<(), JsValue> {
        let (dom, lang) = (self.dom(), self.lang());
        let Some(holder) = self.form.query_selector(".by-apa__pages").ok().flatten() else { return Ok(()) };
        let page = self.pages.clamp(self.page.get());
        self.page.set(page);
        let table = dom.el("table", "by-apa__table by-apa__table--report")?;
        add(&table, &dom.text("caption", "by-visually-hidden", lang.pick("প্রতিবেদনের ছক", "Report form"))?)?;
        add(&table, &self.head()?)?;
        self.rows.borrow_mut().clear();
        self.area_lines.borrow_mut().clear();
        let live = self.live.borrow();
        let year = self.agreement.fiscal_year;
        let columns = (8 + self.covered).to_string();
        for (i, area) in live.areas().iter().enumerate().filter(|(i, _)| self.pages.shows_area(*i, page)) {
            let heading = dom.text("th", "", &format!("{} ", area.key.title(year, lang)))?;
            set_all(&heading, &[("scope", "rowgroup"), ("colspan", &columns)])?;
            add(&heading, &dom.bdi(&area.name)?)?;
            if self.pages.continues(i, page) {
                heading.append_with_str_1(lang.pick(" (আগের পাতা থেকে)", " (continued)"))?;
            }
            let score_line = dom.el("span", "by-apa__area-weight")?;
            add(&heading, &score_line)?;
            self.area_lines.borrow_mut().push((i, score_line));
            let body = with(dom.el("tbody", "by-apa__area")?, &[&with(dom.el("tr", "by-apa__area-row")?, &[&heading])?])?;
            for row in live.area_rows(i).get(self.pages.area_rows(i, page)).unwrap_or_default() {
                let tr = self.row(row)?;
                add(&body, &tr)?;
                self.rows.borrow_mut().insert(row.key.clone(), tr);
            }
            add(&table, &body)?;
        }
        drop(live);
        self.show_area_lines();
        let region = with(chrome::scroll_region(dom, lang.pick("অগ্রগতির প্রতিবেদনের সারণি", "Progress report table"))?, &[&table])?;
        chrome::show_pages(dom, &holder, &region, &self.pages, page, lang)
    }

    fn head(&self) -> Result<Element, JsValue> {
        let (dom, lang) = (self.dom(), self.lang());
        let row = dom.el("tr", "")?;
        chrome::column_head(dom, &row, "by-col-serial", lang.pick("ক্রমিক", "No."))?;
        chrome::column_head(dom, &row, "by-col-name", lang.pick("কর্মসম্পাদন সূচক (একক)", "Indicator (unit)"))?;
        chrome::column_head(dom, &row, "by-col-num", lang.pick("মান", "Weight"))?;
        chrome::column_head(dom, &row, "by-col-num", &format!("{} {}", lang.pick("লক্ষ্যমাত্রা", "Target"), level_label(0, lang)))?;
        for quarter in Quarter::ALL.iter().take(self.covered) {
            chrome::column_head(dom, &row, "by-col-entry", quarter.short_name(lang))?;
        }
        chrome::column_head(dom, &row, "by-col-link", lang.pick("প্রমাণক (লিংক)", "Evidence (link)"))?;
        chrome::column_head(dom, &row, "by-col-num", lang.pick("অর্জন", "Achieved"))?;
        chrome::column_head(dom, &row, "by-col-num", lang.pick("প্রাপ্ত নম্বর", "Score"))?;
        chrome::column_head(dom, &row, "by-col-num", lang.pick("ভারিত নম্বর", "Weighted"))?;
        with(dom.el("thead", "")?, &[&row])
    }

    /// One indicator's row: its target, an input per quarter and one for the evidence link, the score.
    fn row(&self, row: &LiveRow) -> Result<Element, JsValue> {
        let (dom, lang) = (self.dom(), self.lang());
        let i = &row.indicator;
        let tr = dom.el("tr", "by-apa__row")?;
        tr.set_attribute("data-key", row.key.as_str())?;
        let cell = |tag: &str, class: &str, label: &str| -> Result<Element, JsValue> {
            let cell = dom.el(tag, class)?;
            cell.set_attribute("data-label", label)?;
            add(&tr, &cell)?;
            Ok(cell)
        };
        let serial = row.key.serial_label(self.agreement.fiscal_year, lang);
        let th = cell("th", "", lang.pick("ক্রমিক", "No."))?;
        th.set_attribute("scope", "row")?;
        th.set_text_content(Some(&serial));
        let name = cell("td", "by-apa__name", lang.pick("সূচক", "Indicator"))?;
        add(&name, &dom.bdi(&i.name)?)?;
        add(&name, &dom.text("span", "by-apa__unit", &format!(" ({})", i.unit))?)?;
        if i.lower_figure_is_better() {
            add(&name, &dom.text("span", "by-apa__direction", batayan_core::apa::lower_is_better_note(lang))?)?;
        }
        cell("td", "by-num", lang.pick("মান", "Weight"))?.set_text_content(Some(&i.weight.map(|w| format_number(w, lang)).unwrap_or_default()));
        let target = cell("td", "by-num", &format!("{} {}", lang.pick("লক্ষ্যমাত্রা", "Target"), level_label(0, lang)))?;
        target.set_text_content(Some(&i.levels[0].map(|v| v.format(lang)).unwrap_or_default()));
        let is_date = i.method == Some(Method::Date);
        for (q, quarter) in Quarter::ALL.iter().enumerate().take(self.covered) {
            let td = cell("td", "by-apa__entry", quarter.short_name(lang))?;
            let label = format!("{serial} {}", quarter.short_name(lang));
            let placeholder = if is_date { lang.pick("দিন/মাস/বছর", "dd/mm/yyyy") } else { "" };
            self.input(&td, row, EntryField::Quarter(q), &row.entry.quarters[q], &label, "text", placeholder)?;
        }
        let td = cell("td", "by-apa__entry by-apa__evidence", lang.pick("প্রমাণক (লিংক)", "Evidence (link)"))?;
        let label = format!("{serial} {}", lang.pick("প্রমাণকের লিংক", "evidence link"));
        self.input(&td, row, EntryField::Evidence, &row.entry.evidence, &label, "url", "https://")?;
        cell("td", "by-num by-apa__achieved", lang.pick("অর্জন", "Achieved"))?;
        cell("td", "by-num by-apa__raw", lang.pick("প্রাপ্ত নম্বর", "Score"))?;
        cell("td", "by-num by-apa__weighted", lang.pick("ভারিত নম্বর", "Weighted"))?;
        self.show_score(&tr, row)?;
        Ok(tr)
    }

    #[allow(clippy::too_many_arguments)]
    fn input(&self, cell: &Element, row: &LiveRow, field: EntryField, text: &str, label: &str, kind: &str, placeholder: &str) -> Result<(), JsValue> {
        let path = field.pointer(&row.key);
        let id = field_id(&path);
        let input = self.dom().el("input", "by-input")?;
        set_all(&input, &[("id", &id), ("type", kind), ("value", text), ("aria-label", label), ("autocomplete", "off"), ("data-path", &path)])?;
        if !placeholder.is_empty() {
            input.set_attribute("placeholder", placeholder)?;
        }
        add(cell, &input)?;
        chrome::say_at(self.dom(), cell, Some(&input), &id, &self.said_at(row, field, &path), self.lang())
    }

    /// What is said under one field: the row's findings about it, then the host's.
    fn said_at(&self, row: &LiveRow, field: EntryField, path: &str) -> Vec<Said> {
        let ours = row.findings.iter().filter(|f| EntryField::from_pointer(&f.path).is_some_and(|(_, at)| at == field)).map(|f| Said {
            severity: f.severity,
            message: f.message.clone(),
            fix: None,
        });
        let submission = self.submission.borrow();
        let host: Vec<Said> = match &*submission {
            Submission::Refused(errors) => {
                errors.iter().filter(|e| e.path == path).map(|e| Said { severity: Severity::Error, message: e.message(), fix: None }).collect()
            }
            _ => Vec::new(),
        };
        ours.chain(host).collect()
    }

    /// The row's three score cells: what was achieved, the raw score with "how was this computed" (a
    /// disclosure; the sentence is written only while open), and what it adds to its area.
    fn show_score(&self, tr: &Element, row: &LiveRow) -> Result<(), JsValue> {
        let (dom, lang) = (self.dom(), self.lang());
        let weighted = tr.last_element_child().ok_or_else(|| JsValue::from_str("batayan: a report row without cells"))?;
        let raw = weighted.previous_element_sibling().ok_or_else(|| JsValue::from_str("batayan: a report row without a score cell"))?;
        let achieved = raw.previous_element_sibling().ok_or_else(|| JsValue::from_str("batayan: a report row without an achievement cell"))?;
        let score = &row.score;
        achieved.set_text_content(Some(&score.achievement.map(|v| v.format(lang)).unwrap_or_default()));
        let open = raw.query_selector(".by-explain").ok().flatten().and_then(|b| b.get_attribute("aria-expanded")).as_deref() == Some("true");
        raw.set_text_content(None);
        match score.raw {
            Some(value) => {
                let explain = dom.text("button", "by-explain", &format_fixed(value.value, 2, lang))?;
                set_all(&explain, &[("type", "button"), ("aria-expanded", if open { "true" } else { "false" })])?;
                add(&raw, &explain)?;
                if open {
                    add(&raw, &dom.text("p", "by-explain__text", value.explanation().get(lang))?)?;
                }
                weighted.set_text_content(Some(&format_fixed(score.weighted, 2, lang)));
            }
            None => weighted.set_text_content(None),
        }
        Ok(())
    }

    /// Brings one row on screen up to its live state: the score and what is said at each field. The
    /// inputs keep what the person typed.
    fn refresh_row(&self, key: &RowKey) -> Result<(), JsValue> {
        let Some(tr) = self.rows.borrow().get(key).cloned() else { return Ok(()) };
        let live = self.live.borrow();
        let Some(row) = live.row(key) else { return Ok(()) };
        self.show_score(&tr, row)?;
        let inputs = tr.query_selector_all("input[data-path]")?;
        for n in 0..inputs.length() {
            let Some(input) = inputs.item(n).and_then(|i| i.dyn_into::<Element>().ok()) else { continue };
            let (Some(path), Some(cell)) = (input.get_attribute("data-path"), input.parent_element()) else { continue };
            let Some((_, field)) = EntryField::from_pointer(&path) else { continue };
            chrome::say_at(self.dom(), &cell, Some(&input), &field_id(&path), &self.said_at(row, field, &path), self.lang())?;
        }
        Ok(())
    }

    /// `— মান ২৫ · প্রাপ্ত ১৮.৪০` after each area heading on screen.
    fn show_area_lines(&self) {
        let lang = self.lang();
        let live = self.live.borrow();
        for (i, line) in self.area_lines.borrow().iter() {
            let Some(area) = live.areas().get(*i) else { continue };
            let weight = self.agreement.blocks().into_iter().flat_map(|(_, areas)| areas.iter()).nth(*i).and_then(|a| a.weight);
            let weight = weight.map_or_else(|| "—".to_owned(), |w| format_number(w, lang));
            line.set_text_content(Some(&format!(
                " — {} {weight} · {} {}",
                lang.pick("মান", "weight"),
                lang.pick("প্রাপ্ত", "scored"),
                format_fixed(area.score, 2, lang)
            )));
        }
    }

    /// The total as a figure with a bar per area, and the total line under the table.
    fn show_scores(&self) -> Result<(), JsValue> {
        let live = self.live.borrow();
        let figure = chrome::score_summary(self.dom(), live.areas(), live.total(), self.agreement.fiscal_year, self.lang())?;
        self.scores_slot.replace_children_with_node_1(&figure);
        self.total_text.set_text_content(Some(&format_fixed(live.total(), 2, self.lang())));
        Ok(())
    }

    /// The error summary, ours and the host's problems, redrawn only if it says something else now;
    /// `focus` moves focus to it (a refused submit).
    fn show_summary(&self, focus: bool) -> Result<(), JsValue> {
        let lang = self.lang();
        let year = self.agreement.fiscal_year;
        let mut list = SummaryList::default();
        let mut note = |path: &str, severity: Severity, message: &Message| {
            list.push(severity, || {
                let (id, label, page) = match EntryField::from_pointer(path) {
                    Some((key, field)) => {
                        let what = match field {
                            EntryField::Quarter(q) => Quarter::ALL.get(q).map_or("", |q| q.short_name(lang)),
                            EntryField::Evidence => lang.pick("প্রমাণক", "evidence"),
                        };
                        (field_id(path), format!("{} {what}", key.label(year, lang)), self.pages.page_of(&key))
                    }
                    None => (TITLE_ID.to_owned(), lang.pick("প্রতিবেদন", "The report").to_owned(), None),
                };
                SummaryItem { field_id: id, label, message: message.get(lang).to_owned(), is_error: severity == Severity::Error, page }
            });
        };
        for f in self.live.borrow().findings() {
            note(&f.path, f.severity, &f.message);
        }
        if let Submission::Refused(errors) = &*self.submission.borrow() {
            for e in errors {
                note(&e.path, Severity::Error, &e.message());
            }
        }
        let shown = list.finish();
        if *self.shown.borrow() != shown {
            match chrome::summary(self.dom(), &shown, lang)? {
                Some(summary) => self.summary_slot.replace_children_with_node_1(&summary),
                None => self.summary_slot.set_text_content(None),
            }
            self.shown.replace(shown);
        }
        if focus && let Some(summary) = self.summary_slot.first_element_child().and_then(|s| s.dyn_into::<HtmlElement>().ok()) {
            summary.focus()?;
        }
        Ok(())
    }

    fn show_draft(&self) {
        if let Some(bar) = &*self.bar.borrow() {
            let _ = chrome::show_draft(self.dom(), bar, &self.draft_status.borrow(), self.lang());
        }
    }

    fn show_submission(&self) {
        if let Some(bar) = &*self.bar.borrow() {
            let _ = chrome::show_submission(self.dom(), bar, &self.submission.borrow(), self.lang());
        }
    }

    fn on_input(self: &Rc<Self>, event: Event) {
        let Some(input) = batayan_web::dom::event_element(&event) else { return };
        let Some(path) = input.get_attribute("data-path") else { return };
        let Some((key, field)) = EntryField::from_pointer(&path) else { return };
        let text = value_of(&input).unwrap_or_default();
        let draft = {
            let mut draft = self.draft.borrow_mut();
            Rc::make_mut(&mut draft).set(&key, field, text);
            draft.clone()
        };
        DraftWriter::schedule(&self.writer, draft.clone());
        // The host's error about this field no longer applies once it is changed.
        let refused = {
            let mut submission = self.submission.borrow_mut();
            match &mut *submission {
                Submission::Refused(errors) if errors.iter().any(|e| e.path == path) => {
                    errors.retain(|e| e.path != path);
                    true
                }
                _ => false,
            }
        };
        if refused {
            self.show_submission();
        }
        let changed = self.live.borrow_mut().sync(&self.agreement, &draft);
        self.after_change(&changed);
    }

    /// Redraws what the rows `changed` change on screen (and the summary, which a host error that went
    /// changes too).
    fn after_change(&self, changed: &[RowKey]) {
        for key in changed {
            let _ = self.refresh_row(key);
        }
        if !changed.is_empty() {
            self.show_area_lines();
            let _ = self.show_scores();
        }
        let _ = self.show_summary(false);
    }

    fn on_click(self: &Rc<Self>, event: Event) {
        if self.follow_summary_link(&event) {
            return;
        }
        let Some(target) = batayan_web::dom::event_element(&event) else { return };
        if let Ok(Some(button)) = target.closest(".by-explain") {
            self.explain(&button);
            return;
        }
        let Some((action, button)) = action_of(&event) else { return };
        match action.as_str() {
            "page" => {
                let Some(page) = button.get_attribute("data-page").and_then(|p| p.parse().ok()) else { return };
                self.go_to_page(page, PagerControl::of(&button));
            }
            "discard" => self.discard(),
            _ => {}
        }
    }

    fn on_change(self: &Rc<Self>, event: Event) {
        let Some(select) = batayan_web::dom::event_element(&event).filter(|e| e.class_list().contains("by-pager__select")) else { return };
        let Some(page) = value_of(&select).and_then(|v| v.parse().ok()) else { return };
        self.go_to_page(page, PagerControl::of(&select));
    }

    /// Shows `page`, focus back on the control pressed (or on the bar above, from the bar below).
    fn go_to_page(&self, page: usize, control: PagerControl) {
        self.page.set(page);
        if let Err(e) = self.draw_page() {
            self.drawing_failed(e);
            return;
        }
        control.focus_in(&self.form);
    }

    /// A summary link was followed: focus its field, showing its page first if it is on another.
    fn follow_summary_link(&self, event: &Event) -> bool {
        chrome::follow_summary_link(&self.form, event, |page| {
            self.page.set(page);
            if let Err(e) = self.draw_page() {
                self.drawing_failed(e);
            }
        })
    }

    /// Opens or closes a score's explanation; the sentence is written when it opens.
    fn explain(&self, button: &Element) {
        let open = button.get_attribute("aria-expanded").as_deref() == Some("true");
        let _ = button.set_attribute("aria-expanded", if open { "false" } else { "true" });
        if let Some(text) = button.next_element_sibling() {
            text.remove();
        }
        if open {
            return;
        }
        let (Some(cell), Ok(Some(tr))) = (button.parent_element(), button.closest("tr[data-key]")) else { return };
        let key = RowKey::from(tr.get_attribute("data-key").unwrap_or_default().as_str());
        let live = self.live.borrow();
        let Some(raw) = live.row(&key).and_then(|r| r.score.raw) else { return };
        if let Ok(text) = self.dom().text("p", "by-explain__text", raw.explanation().get(self.lang())) {
            let _ = cell.append_child(&text);
        }
    }

    /// "Discard the draft": the form as the host's last report has it, as if just opened.
    fn discard(&self) {
        self.writer.forget();
        let draft = fresh(&self.agreement, self.last.as_deref(), self.period, self.lang());
        self.live.replace(LiveReport::new(&self.agreement, &draft, self.agreement.scoring));
        self.draft.replace(Rc::new(draft));
        self.draft_status.replace(DraftStatus::Clean);
        self.submission.replace(Submission::Idle);
        if let Err(e) = self.draw() {
            self.drawing_failed(e);
        }
    }

    fn drawing_failed(&self, e: JsValue) {
        chrome::drawing_failed(self.dom(), &self.form, e, self.lang());
    }

    fn on_submit(self: &Rc<Self>, event: Event) {
        event.prevent_default();
        if *self.submission.borrow() == Submission::Sending {
            return;
        }
        if self.live.borrow().has_errors() {
            let _ = self.show_summary(true);
            return;
        }
        // Drafts are written after a pause in typing, but always before anything leaves.
        self.writer.flush();
        let body = match to_json_text(&self.live.borrow().report()) {
            Ok(body) => body,
            Err(message) => {
                self.answer(Submission::Failed(message));
                return;
            }
        };
        let target = self.setting.target("POST", self.writer.key());
        let before = self.submission.replace(Submission::Sending);
        self.show_submission();
        if matches!(before, Submission::Refused(_)) {
            // What the host refused last time is not said while it looks again.
            self.refresh_rows_on_screen();
        }
        let weak = Rc::downgrade(self);
        submit(
            &target,
            body,
            Rc::new(move |answer| {
                if let Some(this) = weak.upgrade() {
                    this.answer(answer);
                }
            }),
        );
    }

    /// The host answered (or could not be reached): say so, and mark what it refused at its fields.
    fn answer(&self, answer: Submission) {
        if matches!(answer, Submission::Accepted { .. }) {
            // The submission path cleared the stored draft; nothing pending may write it back.
            self.writer.forget();
            self.draft_status.replace(DraftStatus::Clean);
            self.show_draft();
        }
        let refused_before = matches!(*self.submission.borrow(), Submission::Refused(_));
        let refused_now = matches!(answer, Submission::Refused(_));
        self.submission.replace(answer);
        self.show_submission();
        if refused_before || refused_now {
            self.refresh_rows_on_screen();
        }
    }

    /// Every row on screen and the summary again: what the host said about them changed.
    fn refresh_rows_on_screen(&self) {
        let keys: Vec<RowKey> = self.rows.borrow().keys().cloned().collect();
        for key in keys {
            let _ = self.refresh_row(&key);
        }
        let _ = self.show_summary(false);
    }
}

/// The draft a form starts from with nothing kept in the browser: the host's last report, or nothing.
fn fresh(agreement: &Agreement, last: Option<&Report>, period: &str, lang: Lang) -> ReportDraft {
    match last {
        Some(report) => ReportDraft::from_report(agreement, report, period, lang),
        None => ReportDraft::new(agreement, period),
    }
}
