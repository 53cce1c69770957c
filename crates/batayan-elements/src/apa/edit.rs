//! The editor: the APA focal point pastes section 3 from a spreadsheet or Word, sees what a careful
//! reader would point out (every finding at its cell, and in a summary), fixes cells in place (a
//! look-alike ৪/৮ in one click), sees what the save would change against the stored agreement (rows
//! added, removed, changed), and saves (PUT). A paste merges by serial, so what it does not carry
//! (annex 2) stays. The draft is kept in this browser from the first keystroke; the host checks the
//! agreement again by the same rules.
//!
//! A keystroke reads one cell into the draft and checks the agreement again (the core's `validate`,
//! linear in the rows); only the rows on screen whose findings changed, and the row typed into, are
//! written to. The field typed into is never written to: the caret stays where it is.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use batayan_core::apa::{
    Agreement, AgreementDraft, Area, Block, ChangedRow, Column, Imported, Indicator, Method, RowKey, RowPages, RowPointers, Section3Changes, Severity,
    cell_at_pointer, changes, has_errors,
};
use batayan_core::locale::{FiscalYear, Lang, Message, digits_for};
use batayan_web::dom::{Dom, Listeners, add, error_box, progress_bar, set_all, with};
use batayan_web::draft::{DraftStatus, DraftWriter, FlushOnHide};
use batayan_web::submit::{Submission, submit, to_json_text};
use batayan_web::widget::{action_of, button, flush_on_hide, listen, loading, value_of};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlElement};

use super::Setting;
use super::chrome::{self, Fix, PagerControl, Said, Shown, SummaryItem, SummaryList, field_id};
use super::paste::PasteReader;

/// Rows per page: an editor row holds twelve fields (one a list), so fifty rows are about the 600
/// fields a page of the report form holds.
const ROWS_PER_PAGE: usize = 50;

/// Lines of a paste read per slice. Reading is the cheap part (~30 ms per 1,000 lines in the Wasm on
/// the bench machine); each slice also costs the page a frame, so slices are large.
const LINES_PER_SLICE: usize = 1000;

const TITLE_ID: &str = "by-editor-title";
const PASTE_ID: &str = "by-editor-paste";

/// The editable columns, in table order.
const EDIT_COLUMNS: [Column; 12] = [
    Column::Method,
    Column::Unit,
    Column::Weight,
    Column::PriorActual(0),
    Column::PriorActual(1),
    Column::Level(0),
    Column::Level(1),
    Column::Level(2),
    Column::Level(3),
    Column::Level(4),
    Column::Projection(0),
    Column::Projection(1),
];

/// What is said in a row: at a column's cell, or (`None`) under its serial.
type RowSaid = Vec<(Option<Column>, Said)>;

pub(crate) struct Editor {
    setting: Setting,
    /// The agreement as the host stores it: what a save would change is shown against it.
    stored: Rc<Agreement>,
    draft: RefCell<Rc<AgreementDraft>>,
    /// Where each row is in the draft, and which rows are on which page: they change only when rows
    /// come or go (a paste, a discard), not as cells are typed.
    pointers: RefCell<RowPointers>,
    pages: RefCell<RowPages>,
    page: Cell<usize>,
    /// What the last paste could not read, by line and column, as lines of text.
    import_problems: RefCell<Vec<Message>>,
    importing: Cell<bool>,
    writer: Rc<DraftWriter<AgreementDraft>>,
    draft_status: RefCell<DraftStatus>,
    submission: RefCell<Submission>,
    form: Element,
    paste_problems: Element,
    reading: Element,
    counts: Element,
    changes_slot: Element,
    summary_slot: Element,
    pages_holder: Element,
    bar: RefCell<Option<Element>>,
    /// What is on screen, to redraw only what changes: the summary, the changes, each row's messages.
    shown: RefCell<Shown>,
    shown_changes: RefCell<Option<Section3Changes>>,
    said: RefCell<HashMap<RowKey, RowSaid>>,
    /// The rows on screen by key: indicators' rows, and areas' heading rows.
    rows: RefCell<HashMap<RowKey, Element>>,
    listeners: RefCell<Listeners>,
    on_hide: RefCell<Option<FlushOnHide>>,
}

impl Editor {
    pub(crate) fn mount(setting: Setting, stored: Rc<Agreement>) -> Result<Rc<Editor>, JsValue> {
        let scope = format!("{}/{}", stored.office, stored.fiscal_year.code());
        let key: Rc<str> = batayan_web::draft::key("apa-agreement", setting.submit_url.as_deref().unwrap_or(""), &scope).into();
        let kept =
            batayan_web::draft::load::<AgreementDraft>(&key).filter(|d| d.agreement.office == stored.office && d.agreement.fiscal_year == stored.fiscal_year);
        let restored = kept.is_some();
        let draft = kept.unwrap_or_else(|| AgreementDraft::new((*stored).clone()));
        let dom = &setting.dom;
        let form = dom.el("form", "by-widget by-apa by-apa--edit")?;
        set_all(&form, &[("lang", setting.lang.tag()), ("novalidate", "")])?;
        let counts = dom.el("p", "by-apa__counts")?;
        counts.set_attribute("role", "status")?;
        let (paste_problems, reading, changes_slot, summary_slot) = (dom.el("div", "")?, dom.el("div", "")?, dom.el("div", "")?, dom.el("div", "")?);
        let pages_holder = dom.el("div", "by-apa__pages")?;
        let this = Rc::new_cyclic(|weak: &Weak<Editor>| {
            let weak = weak.clone();
            let writer = DraftWriter::new(key, move |status| {
                if let Some(this) = weak.upgrade() {
                    this.draft_status.replace(status);
                    this.show_draft();
                }
            });
            Editor {
                pointers: RefCell::new(RowPointers::new(&draft.agreement)),
                pages: RefCell::new(RowPages::new(&draft.agreement, ROWS_PER_PAGE)),
                draft: RefCell::new(Rc::new(draft)),
                page: Cell::new(0),
                import_problems: RefCell::default(),
                importing: Cell::new(false),
                writer: Rc::new(writer),
                draft_status: RefCell::new(if restored { DraftStatus::Restored } else { DraftStatus::Clean }),
                submission: RefCell::default(),
                listeners: RefCell::new(Listeners::new(form.clone())),
                form,
                paste_problems,
                reading,
                counts,
                changes_slot,
                summary_slot,
                pages_holder,
                bar: RefCell::default(),
                shown: RefCell::default(),
                shown_changes: RefCell::default(),
                said: RefCell::default(),
                rows: RefCell::default(),
                on_hide: RefCell::default(),
                stored,
                setting,
            }
        });
        this.draw()?;
        listen(
            &this,
            &mut this.listeners.borrow_mut(),
            &[("input", Self::on_input), ("change", Self::on_change), ("click", Self::on_click), ("submit", Self::on_submit)],
        )?;
        this.on_hide.replace(Some(flush_on_hide(&this, |e: &Editor| e.writer.flush())));
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

    fn year(&self) -> FiscalYear {
        self.draft.borrow().agreement.fiscal_year
    }

    fn draw(&self) -> Result<(), JsValue> {
        let (dom, lang) = (self.dom(), self.lang());
        self.form.set_text_content(None);
        let (title, office) = {
            let draft = self.draft.borrow();
            let a = &draft.agreement;
            (format!("{}{}", lang.pick("চুক্তি সম্পাদনা: সেকশন ৩ · ", "Edit the agreement: section 3 · "), a.fiscal_year.label(lang)), a.office_name.clone())
        };
        add(&self.form, &chrome::header(dom, TITLE_ID, &title, &office)?)?;
        add(&self.form, &self.paste_section()?)?;
        for part in [&self.counts, &self.changes_slot, &self.summary_slot, &self.pages_holder] {
            add(&self.form, part)?;
        }
        let bar = chrome::submit_bar(dom, lang.pick("চুক্তি সংরক্ষণ করুন", "Save the agreement"), &self.submission.borrow(), &self.draft_status.borrow(), lang)?;
        add(&self.form, &bar)?;
        self.bar.replace(Some(bar));
        self.draw_rest()
    }

    /// Everything below the paste box, for a draft whose rows may have come or gone.
    fn draw_rest(&self) -> Result<(), JsValue> {
        self.draw_rows()?;
        self.refresh(None, None)
    }

    /// The paste's problems and the page of rows, before what is said about them (`refresh`).
    fn draw_rows(&self) -> Result<(), JsValue> {
        self.show_paste_problems()?;
        self.shown.replace(Shown::default());
        self.shown_changes.replace(None);
        self.said.borrow_mut().clear();
        self.draw_page()
    }

    fn paste_section(&self) -> Result<Element, JsValue> {
        let (dom, lang) = (self.dom(), self.lang());
        let section = dom.el("section", "by-paste")?;
        section.set_attribute("aria-labelledby", "by-paste-title")?;
        let title = dom.text("h3", "by-paste__title", lang.pick("স্প্রেডশিট বা ওয়ার্ড থেকে টেবিল পেস্ট করুন", "Paste the table from a spreadsheet or Word"))?;
        title.set_attribute("id", "by-paste-title")?;
        let hint = dom.text(
            "label",
            "by-paste__hint",
            lang.pick(
                "সেকশন ৩-এর পুরো টেবিল (শিরোনামের সারিসহ) কপি করে এখানে পেস্ট করুন, তারপর “টেবিল পড়ুন” চাপুন। নিচের ছকের সারিগুলো ক্রমিক মিলিয়ে বদলাবে (বাস্তবায়নকারী ও প্রমাণক থেকে যাবে), সংরক্ষণের আগে কী বদলাবে তা দেখানো হবে; যা পড়া যায় না তা লাইন ও কলামসহ জানানো হবে।",
                "Copy the whole section 3 table (with its header rows), paste it here and press “Read the table”. The rows below are updated by serial (implementers and evidence stay), and what a save would change is shown before you save; whatever cannot be read is reported with its line and column.",
            ),
        )?;
        hint.set_attribute("for", PASTE_ID)?;
        let area = dom.el("textarea", "by-input")?;
        set_all(&area, &[("id", PASTE_ID), ("rows", "6"), ("spellcheck", "false")])?;
        let read = button(dom, "by-button by-button--secondary", lang.pick("টেবিল পড়ুন", "Read the table"), "read")?;
        with(section, &[&title, &hint, &area, &read, &self.reading, &self.paste_problems])
    }

    /// What the last paste could not read, by line and column (nothing before a paste).
    fn show_paste_problems(&self) -> Result<(), JsValue> {
        let (dom, lang) = (self.dom(), self.lang());
        self.paste_problems.set_text_content(None);
        let problems = self.import_problems.borrow();
        if problems.is_empty() {
            self.paste_problems.set_class_name("");
            self.paste_problems.remove_attribute("role")?;
            return Ok(());
        }
        self.paste_problems.set_class_name("by-paste__problems");
        self.paste_problems.set_attribute("role", "status")?;
        let title = dom.text("p", "", lang.pick("পেস্ট করা টেবিল পড়ে যা দেখা গেল:", "What reading the pasted table found:"))?;
        title.set_attribute("id", "by-paste-problems-title")?;
        // It scrolls when long, so a keyboard must be able to reach it (WCAG 2.1.1).
        let list = dom.el("ul", "")?;
        set_all(&list, &[("tabindex", "0"), ("aria-labelledby", "by-paste-problems-title")])?;
        for p in problems.iter() {
            add(&list, &dom.text("li", "", p.get(lang))?)?;
        }
        add(&self.paste_problems, &title)?;
        add(&self.paste_problems, &list)
    }

    /// The pager above, the table with the rows of the page shown, the pager below.
    fn draw_page(&self) -> Result<(), JsValue> {
        let (dom, lang) = (self.dom(), self.lang());
        let pages = self.pages.borrow();
        let page = pages.clamp(self.page.get());
        self.page.set(page);
        let draft = self.draft.borrow();
        let agreement = &draft.agreement;
        let year = agreement.fiscal_year;
        let table = dom.el("table", "by-apa__table by-apa__table--edit")?;
        add(&table, &dom.text("caption", "by-visually-hidden", lang.pick("সেকশন ৩, সম্পাদনাযোগ্য", "Section 3, editable"))?)?;
        let head = dom.el("tr", "")?;
        chrome::column_head(dom, &head, "by-col-serial", lang.pick("ক্রমিক", "No."))?;
        chrome::column_head(dom, &head, "by-col-name", lang.pick("কর্মসম্পাদন সূচক", "Indicator"))?;
        for c in EDIT_COLUMNS {
            chrome::column_head(
                dom,
                &head,
                if matches!(c, Column::Unit | Column::Method) { "by-col-cell--wide" } else { "by-col-cell" },
                &c.label(year, lang),
            )?;
        }
        add(&table, &with(dom.el("thead", "")?, &[&head])?)?;
        self.rows.borrow_mut().clear();
        self.said.borrow_mut().clear();
        let areas = agreement.areas.iter().map(|a| (a, Block::Own)).chain(agreement.governance.iter().map(|a| (a, Block::Governance)));
        for (index, (area, block)) in areas.enumerate().filter(|(i, _)| pages.shows_area(*i, page)) {
            let body = dom.el("tbody", "by-apa__area")?;
            let key = block.key(&area.serial);
            let heading = self.area_row(area, &key, pages.continues(index, page))?;
            add(&body, &heading)?;
            self.rows.borrow_mut().insert(key, heading);
            let on_page = pages.area_rows(index, page);
            for indicator in area.activities.iter().flat_map(|a| &a.indicators).skip(on_page.start).take(on_page.len()) {
                let key = block.key(&indicator.serial);
                let row = self.indicator_row(&key, indicator)?;
                add(&body, &row)?;
                self.rows.borrow_mut().insert(key, row);
            }
            add(&table, &body)?;
        }
        let region = with(chrome::scroll_region(dom, lang.pick("সেকশন ৩-এর সারণি, সম্পাদনাযোগ্য", "Section 3 table, editable"))?, &[&table])?;
        chrome::show_pages(dom, &self.pages_holder, &region, &pages, page, lang)
    }

    /// An area's heading with its weight as a field (`data-area`: its key); its messages follow.
    fn area_row(&self, area: &Area, key: &RowKey, continued: bool) -> Result<Element, JsValue> {
        let (dom, lang) = (self.dom(), self.lang());
        let draft = self.draft.borrow();
        let serial = key.title(draft.agreement.fiscal_year, lang);
        let pointer = self.pointers.borrow().cell(key, Some(Column::AreaWeight));
        let th = dom.el("th", "")?;
        set_all(&th, &[("scope", "rowgroup"), ("colspan", "14")])?;
        let name = with(dom.text("span", "", &format!("{serial} "))?, &[&dom.bdi(&area.name)?])?;
        if continued {
            name.append_with_str_1(lang.pick(" (আগের পাতা থেকে)", " (continued)"))?;
        }
        let input = dom.el("input", "by-input by-input--short")?;
        let label = format!("{serial} {}", lang.pick("ক্ষেত্রের মান", "area weight"));
        set_all(
            &input,
            &[
                ("id", &field_id(&pointer)),
                ("type", "text"),
                ("value", &draft.text(key, Column::AreaWeight, lang)),
                ("aria-label", &label),
                ("autocomplete", "off"),
                ("data-path", &pointer),
            ],
        )?;
        let field = with(dom.text("label", "by-apa__area-weight-field", lang.pick(" — ক্ষেত্রের মান ", " — area weight "))?, &[&input])?;
        let row = with(dom.el("tr", "by-apa__area-row")?, &[&with(th, &[&name, &field])?])?;
        row.set_attribute("data-area", key.as_str())?;
        Ok(row)
    }

    /// One indicator: every cell a field (`data-column`: its place in [`EDIT_COLUMNS`]).
    fn indicator_row(&self, key: &RowKey, i: &Indicator) -> Result<Element, JsValue> {
        let (dom, lang) = (self.dom(), self.lang());
        let draft = self.draft.borrow();
        let year = draft.agreement.fiscal_year;
        let serial = key.serial_label(year, lang);
        let base = self.pointers.borrow().cell(key, None);
        let tr = dom.el("tr", "by-apa__row")?;
        tr.set_attribute("data-key", key.as_str())?;
        let th = dom.text("th", "", &serial)?;
        set_all(&th, &[("scope", "row"), ("id", &field_id(&base)), ("tabindex", "-1"), ("data-label", lang.pick("ক্রমিক", "No."))])?;
        add(&tr, &th)?;
        let name = with(dom.el("td", "by-apa__name")?, &[&dom.bdi(&i.name)?])?;
        name.set_attribute("data-label", lang.pick("সূচক", "Indicator"))?;
        if i.lower_figure_is_better() {
            add(&name, &dom.text("span", "by-apa__direction", batayan_core::apa::lower_is_better_note(lang))?)?;
        }
        add(&tr, &name)?;
        for (n, column) in EDIT_COLUMNS.iter().enumerate() {
            let pointer = format!("{base}/{}", column.path().join("/"));
            let td = dom.el("td", if *column == Column::Unit { "by-apa__cell by-apa__cell--wide" } else { "by-apa__cell" })?;
            td.set_attribute("data-label", &column.label(year, lang))?;
            let field = if *column == Column::Method {
                let select = dom.el("select", "by-input")?;
                let none = dom.text("option", "", "—")?;
                none.set_attribute("value", "")?;
                add(&select, &none)?;
                for m in [Method::Sum, Method::Average, Method::Cumulative, Method::Date] {
                    let option = dom.text("option", "", m.name(lang))?;
                    option.set_attribute("value", m.name(Lang::En))?;
                    if i.method == Some(m) {
                        option.set_attribute("selected", "")?;
                    }
                    add(&select, &option)?;
                }
                select
            } else {
                let input = dom.el("input", "by-input")?;
                set_all(&input, &[("type", "text"), ("value", &draft.text(key, *column, lang)), ("autocomplete", "off")])?;
                input
            };
            set_all(
                &field,
                &[
                    ("id", &field_id(&pointer)),
                    ("aria-label", &format!("{serial} {}", column.label(year, lang))),
                    ("data-path", &pointer),
                    ("data-column", &n.to_string()),
                ],
            )?;
            add(&td, &field)?;
            add(&tr, &td)?;
        }
        Ok(tr)
    }

    /// After any change to the draft: the findings and what the host refused, said at their cells on
    /// screen (only rows whose messages changed are written to, and `edited`'s fields get the draft's
    /// text except `source`, the field typed into), then the counts, the changes and the summary.
    fn refresh(&self, edited: Option<&RowKey>, source: Option<&Element>) -> Result<(), JsValue> {
        let lang = self.lang();
        let draft = self.draft.borrow().clone();
        let agreement = &draft.agreement;
        let year = agreement.fiscal_year;
        let pointers = self.pointers.borrow();
        let pages = self.pages.borrow();
        let label = |key: &RowKey, column: Option<Column>| {
            let column = column.map(|c| format!(" {}", c.label(year, lang))).unwrap_or_default();
            format!("{}{column}", key.label(year, lang))
        };
        let mut list = SummaryList::default();
        let mut said: HashMap<RowKey, RowSaid> = HashMap::new();
        let mut note = |path: &str, severity: Severity, message: Message, fix: Option<Fix>| {
            let located = cell_at_pointer(agreement, path);
            list.push(severity, || {
                let (id, name, page) = match &located {
                    Some((key, column)) => (field_id(&pointers.cell(key, *column)), label(key, *column), pages.page_of(key)),
                    None => (TITLE_ID.to_owned(), lang.pick("চুক্তি", "The agreement").to_owned(), None),
                };
                SummaryItem { field_id: id, label: name, message: message.get(lang).to_owned(), is_error: severity == Severity::Error, page }
            });
            if let Some((key, column)) = located {
                said.entry(key).or_default().push((column, Said { severity, message, fix }));
            }
        };
        for f in draft.findings() {
            let fix = f.suggestion.as_ref().and_then(|s| {
                let (key, column) = cell_at_pointer(agreement, &s.path)?;
                let column = column?;
                Some(Fix { pointer: pointers.cell(&key, Some(column)), cell: label(&key, Some(column)), text: s.to.clone() })
            });
            note(&f.path, f.severity, f.message, fix);
        }
        if let Submission::Refused(errors) = &*self.submission.borrow() {
            for e in errors {
                note(&e.path, Severity::Error, e.message(), None);
            }
        }
        drop((pointers, pages));
        let (errors, warnings) = list.counts();
        let counts = match lang {
            Lang::Bn => format!("ত্রুটি {} · সতর্কতা {}", digits_for(lang, &errors.to_string()), digits_for(lang, &warnings.to_string())),
            Lang::En => format!("{errors} errors · {warnings} warnings"),
        };
        if self.counts.text_content().as_deref() != Some(counts.as_str()) {
            self.counts.set_text_content(Some(&counts));
        }
        let rows: Vec<(RowKey, Element)> = self.rows.borrow().iter().map(|(k, e)| (k.clone(), e.clone())).collect();
        let none = RowSaid::new();
        for (key, row) in rows {
            let now = said.get(&key).unwrap_or(&none);
            let before = self.said.borrow().get(&key).cloned();
            if before.as_ref() != Some(now) || edited == Some(&key) {
                self.update_row(&draft, &key, &row, now, source)?;
            }
        }
        self.said.replace(said);
        self.show_changes(&changes(&self.stored, agreement))?;
        let shown = list.finish();
        if *self.shown.borrow() != shown {
            match chrome::summary(self.dom(), &shown, lang)? {
                Some(summary) => self.summary_slot.replace_children_with_node_1(&summary),
                None => self.summary_slot.set_text_content(None),
            }
            self.shown.replace(shown);
        }
        Ok(())
    }

    /// Writes one row on screen: each field's text from the draft (but not `source`'s) and what is
    /// said at it.
    fn update_row(&self, draft: &AgreementDraft, key: &RowKey, row: &Element, said: &RowSaid, source: Option<&Element>) -> Result<(), JsValue> {
        let (dom, lang) = (self.dom(), self.lang());
        let at = |wanted: &dyn Fn(Option<Column>) -> bool| -> Vec<Said> { said.iter().filter(|(c, _)| wanted(*c)).map(|(_, s)| s.clone()).collect() };
        if key.is_area() {
            // An area's heading: everything about the area is said at its weight.
            let Some(input) = row.query_selector("input[data-path]")? else { return Ok(()) };
            let Some(th) = row.first_element_child() else { return Ok(()) };
            if source != Some(&input) {
                set_value(&input, &draft.text(key, Column::AreaWeight, lang));
            }
            return chrome::say_at(dom, &th, Some(&input), &input.id(), &at(&|_| true), lang);
        }
        if let Some(th) = row.first_element_child() {
            chrome::say_at(dom, &th, None, &th.id(), &at(&|c| matches!(c, None | Some(Column::Serial))), lang)?;
        }
        let fields = row.query_selector_all("[data-column]")?;
        for n in 0..fields.length() {
            let Some(field) = fields.item(n).and_then(|f| f.dyn_into::<Element>().ok()) else { continue };
            let Some(column) = field.get_attribute("data-column").and_then(|c| c.parse::<usize>().ok()).and_then(|c| EDIT_COLUMNS.get(c).copied()) else {
                continue;
            };
            if source != Some(&field) {
                let text = if column == Column::Method { method_value(draft, key) } else { draft.text(key, column, lang) };
                set_value(&field, &text);
            }
            let Some(cell) = field.parent_element() else { continue };
            chrome::say_at(dom, &cell, Some(&field), &field.id(), &at(&|c| c == Some(column)), lang)?;
        }
        Ok(())
    }

    /// What saving would change in the stored agreement, row by row, before the person saves: a paste
    /// that drops rows (and their annex 2 implementer and evidence) is seen, not discovered later.
    /// Redrawn only when it says something else (a reader's open list stays open while typing).
    fn show_changes(&self, now: &Section3Changes) -> Result<(), JsValue> {
        if self.shown_changes.borrow().as_ref() == Some(now) {
            return Ok(());
        }
        self.shown_changes.replace(Some(now.clone()));
        self.changes_slot.set_text_content(None);
        if now.is_empty() {
            return Ok(());
        }
        let (dom, lang, year) = (self.dom(), self.lang(), self.year());
        let details = dom.el("details", "by-changes")?;
        if !now.removed.is_empty() {
            details.set_attribute("open", "")?;
        }
        let summary = dom.text("summary", "", lang.pick("সংরক্ষণ করলে যা বদলাবে: ", "What saving will change: "))?;
        add(&summary, &dom.text("strong", "", now.summary().get(lang))?)?;
        add(&details, &summary)?;
        let list = |rows: &[ChangedRow], title: &str, detail: &dyn Fn(&ChangedRow) -> String| -> Result<(), JsValue> {
            if rows.is_empty() {
                return Ok(());
            }
            add(&details, &dom.text("h4", "by-changes__title", title)?)?;
            let ul = dom.el("ul", "by-changes__list")?;
            // A paste of thousands of rows changes thousands: a list nobody reads, and a second of layout.
            for r in rows.iter().take(chrome::SUMMARY_LIMIT) {
                let li = with(dom.text("li", "", &format!("{} ", r.key.label(year, lang)))?, &[&dom.bdi(&r.name)?])?;
                li.append_with_str_1(&detail(r))?;
                add(&ul, &li)?;
            }
            if let Some(more) = rows.len().checked_sub(chrome::SUMMARY_LIMIT).filter(|m| *m > 0) {
                let n = digits_for(lang, &more.to_string());
                add(
                    &ul,
                    &dom.text(
                        "li",
                        "by-changes__more",
                        &match lang {
                            Lang::Bn => format!("… আরও {n}টি সারি"),
                            Lang::En => format!("… and {n} more rows"),
                        },
                    )?,
                )?;
            }
            add(&details, &ul)
        };
        list(&now.removed, lang.pick("বাদ যাবে", "Removed"), &|r| {
            if r.loses_annex {
                lang.pick(" — এর বাস্তবায়নকারী ও প্রমাণকও মুছে যাবে", " — its implementer and evidence go too").to_owned()
            } else {
                String::new()
            }
        })?;
        list(&now.added, lang.pick("যোগ হবে", "Added"), &|_| String::new())?;
        list(&now.changed, lang.pick("বদলাবে", "Changed"), &|r| {
            let mut names: Vec<String> = r.columns.iter().map(|c| c.label(year, lang)).collect();
            if r.renamed {
                names.insert(0, lang.pick("নাম", "name").to_owned());
            }
            format!(" — {}", names.join(", "))
        })?;
        add(&self.changes_slot, &details)
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

    /// Writes `text` into the cell at `pointer` of the draft (`source`: the field it was typed in).
    fn edit(&self, pointer: &str, text: &str, source: Option<&Element>) {
        let Some((key, Some(column))) = cell_at_pointer(&self.draft.borrow().agreement, pointer) else { return };
        let draft = {
            let mut draft = self.draft.borrow_mut();
            Rc::make_mut(&mut draft).edit(&key, column, text);
            draft.clone()
        };
        DraftWriter::schedule(&self.writer, draft);
        // The host's error about this cell no longer applies once it is changed.
        let went = match &mut *self.submission.borrow_mut() {
            Submission::Refused(errors) if errors.iter().any(|e| e.path == pointer) => {
                errors.retain(|e| e.path != pointer);
                true
            }
            _ => false,
        };
        if went {
            self.show_submission();
        }
        // The row that holds the cell: an indicator's, or for an area's weight its heading.
        if let Err(e) = self.refresh(Some(&key), source) {
            self.drawing_failed(e);
        }
    }

    fn on_input(self: &Rc<Self>, event: Event) {
        let Some(field) = batayan_web::dom::event_element(&event) else { return };
        let Some(pointer) = field.get_attribute("data-path").filter(|_| field.tag_name() == "INPUT") else { return };
        self.edit(&pointer, &value_of(&field).unwrap_or_default(), Some(&field));
    }

    fn on_change(self: &Rc<Self>, event: Event) {
        let Some(field) = batayan_web::dom::event_element(&event) else { return };
        if field.class_list().contains("by-pager__select") {
            if let Some(page) = value_of(&field).and_then(|v| v.parse().ok()) {
                self.go_to_page(page, PagerControl::of(&field));
            }
            return;
        }
        // The method is a list: it changes on `change`, not on `input`.
        if let Some(pointer) = field.get_attribute("data-path").filter(|_| field.tag_name() == "SELECT") {
            self.edit(&pointer, &value_of(&field).unwrap_or_default(), Some(&field));
        }
    }

    fn on_click(self: &Rc<Self>, event: Event) {
        if self.follow_summary_link(&event) {
            return;
        }
        let Some((action, button)) = action_of(&event) else { return };
        match action.as_str() {
            "read" => Self::read(self),
            "fix" => {
                let (Some(pointer), Some(text)) = (button.get_attribute("data-path"), button.get_attribute("data-text")) else { return };
                self.edit(&pointer, &text, None);
                // The button is gone with its message; focus goes to the cell it wrote.
                chrome::focus_by_id(&self.form, &field_id(&pointer));
            }
            "page" => {
                if let Some(page) = button.get_attribute("data-page").and_then(|p| p.parse().ok()) {
                    self.go_to_page(page, PagerControl::of(&button));
                }
            }
            "discard" => self.discard(),
            _ => {}
        }
    }

    fn go_to_page(&self, page: usize, control: PagerControl) {
        self.page.set(page);
        if let Err(e) = self.draw_page().and_then(|()| self.refresh(None, None)) {
            self.drawing_failed(e);
            return;
        }
        control.focus_in(&self.form);
    }

    /// A summary link was followed: focus its field, showing its page first if it is on another.
    fn follow_summary_link(&self, event: &Event) -> bool {
        chrome::follow_summary_link(&self.form, event, |page| {
            self.page.set(page);
            if let Err(e) = self.draw_page().and_then(|()| self.refresh(None, None)) {
                self.drawing_failed(e);
            }
        })
    }

    /// Reads the pasted text a slice of lines at a time (a paint between slices, so that the tab keeps
    /// answering), with a status line and a bar on screen before the work starts (the importer's
    /// module may have to come first) and the button waiting; what was read is merged into the draft
    /// by serial. A paste that read no row changes nothing: the problems say why. The pasted
    /// text stays in its box until it has been read.
    fn read(this: &Rc<Self>) {
        if this.importing.get() {
            return;
        }
        let Some(area) = this.form.query_selector(&format!("#{PASTE_ID}")).ok().flatten() else { return };
        let text = value_of(&area).unwrap_or_default();
        if text.trim().is_empty() {
            return;
        }
        let lang = this.lang();
        let Ok(bar) = progress_bar(this.dom(), 0.0, &percent(0.0, lang), lang.pick("পেস্ট করা টেবিল পড়া", "Reading the pasted table"), &[])
        else {
            return;
        };
        let Ok(status) = loading(
            this.dom(),
            lang.pick("টেবিল পড়া ও মেলানো হচ্ছে… বড় টেবিলে কয়েক সেকেন্ড লাগতে পারে।", "Reading and merging the table… a large one can take a few seconds."),
        ) else {
            return;
        };
        this.importing.set(true);
        this.reading.set_class_name("by-paste__reading");
        this.reading.set_text_content(None);
        let _ = with(this.reading.clone(), &[&status, &bar]);
        let read_button = this.form.query_selector(".by-paste [data-action=read]").ok().flatten();
        if let Some(b) = &read_button {
            let _ = b.set_attribute("disabled", "");
        }
        let weak = Rc::downgrade(this);
        let host = this.setting.host.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let imported = async {
                let mut reader = PasteReader::open(&host, text).await?;
                loop {
                    batayan_web::after_paint().await;
                    if weak.strong_count() == 0 || reader.read_lines(LINES_PER_SLICE) {
                        break;
                    }
                    let (read, total) = reader.progress();
                    let fraction = read as f64 / total.max(1) as f64;
                    chrome::set_progress(&bar, fraction, &percent(fraction, lang));
                }
                // What was read comes a few hundred rows at a time, with a paint between.
                let (mut imported, mut problems) = (Imported::default(), Vec::new());
                while let Some(slice) = reader.next_slice()? {
                    imported.add_slice(slice, &mut problems);
                    batayan_web::after_paint().await;
                    if weak.strong_count() == 0 {
                        return Ok(None);
                    }
                }
                Ok(Some((imported, problems)))
            }
            .await;
            // The element went while reading: nothing to show it in.
            let Some(this) = weak.upgrade() else { return };
            // The status line and the bar go, and the button is free, once the rows are on screen.
            let done = |this: &Editor| {
                this.importing.set(false);
                this.reading.set_text_content(None);
                this.reading.set_class_name("");
                if let Some(b) = &read_button {
                    let _ = b.remove_attribute("disabled");
                }
            };
            if !matches!(imported, Ok(Some((ref read, _))) if !read.is_empty()) {
                done(&this);
            }
            let (imported, problems) = match imported {
                Ok(Some(read)) => read,
                Ok(None) => return,
                Err(message) => {
                    this.import_problems.replace(Vec::new());
                    let _ = this.show_paste_problems();
                    if let Ok(said) = error_box(this.dom(), &message, lang) {
                        let _ = this.reading.append_child(&said);
                    }
                    return;
                }
            };
            if let Some(area) = area.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                area.set_value("");
            }
            this.import_problems.replace(problems);
            if imported.is_empty() {
                let _ = this.show_paste_problems();
                return;
            }
            // Merged into the draft as it is now: cells typed while the paste was read count.
            let draft = {
                let mut kept = this.draft.borrow_mut();
                let draft = Rc::make_mut(&mut kept);
                draft.agreement = imported.merge_into(&draft.agreement);
                draft.pending.clear();
                kept.clone()
            };
            this.pointers.replace(RowPointers::new(&draft.agreement));
            this.pages.replace(RowPages::new(&draft.agreement, ROWS_PER_PAGE));
            DraftWriter::schedule(&this.writer, draft);
            this.submission.replace(Submission::Idle);
            this.show_submission();
            // The merge, the drawing of the merged rows and the checking of them in three tasks, not
            // one (at 10,000 rows each is ~50–100 ms).
            drop(this);
            batayan_web::after_paint().await;
            let Some(this) = weak.upgrade() else { return };
            if let Err(e) = this.draw_rows() {
                this.drawing_failed(e);
                return done(&this);
            }
            drop(this);
            batayan_web::after_paint().await;
            let Some(this) = weak.upgrade() else { return };
            if let Err(e) = this.refresh(None, None) {
                this.drawing_failed(e);
            }
            done(&this);
        });
    }

    /// "Discard the draft": the agreement as the host stores it, as if just opened.
    fn discard(&self) {
        self.writer.forget();
        self.draft.replace(Rc::new(AgreementDraft::new((*self.stored).clone())));
        self.pointers.replace(RowPointers::new(&self.stored));
        self.pages.replace(RowPages::new(&self.stored, ROWS_PER_PAGE));
        self.import_problems.replace(Vec::new());
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
        let draft = self.draft.borrow().clone();
        if has_errors(&draft.findings()) {
            if let Some(summary) = self.summary_slot.first_element_child().and_then(|s| s.dyn_into::<HtmlElement>().ok()) {
                let _ = summary.focus();
            }
            return;
        }
        self.writer.flush();
        let body = match to_json_text(&draft.agreement) {
            Ok(body) => body,
            Err(message) => {
                self.answer(Submission::Failed(message));
                return;
            }
        };
        let target = self.setting.target("PUT", self.writer.key());
        let before = self.submission.replace(Submission::Sending);
        self.show_submission();
        // What the host refused last time is not said while it looks again.
        if matches!(before, Submission::Refused(_))
            && let Err(e) = self.refresh(None, None)
        {
            self.drawing_failed(e);
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

    /// The host answered (or could not be reached): say so, and mark what it refused at its cells.
    fn answer(&self, answer: Submission) {
        if matches!(answer, Submission::Accepted { .. }) {
            self.writer.forget();
            self.draft_status.replace(DraftStatus::Clean);
            self.show_draft();
        }
        let refused = matches!(*self.submission.borrow(), Submission::Refused(_)) || matches!(answer, Submission::Refused(_));
        self.submission.replace(answer);
        self.show_submission();
        if refused && let Err(e) = self.refresh(None, None) {
            self.drawing_failed(e);
        }
    }
}

/// A list's value for the method of indicator `key`: its English name, as the options' values are
/// (`""` when none is set).
fn method_value(draft: &AgreementDraft, key: &RowKey) -> String {
    draft.text(key, Column::Method, Lang::En)
}

/// Sets a field's value when it differs (an input's or a list's).
fn set_value(field: &Element, text: &str) {
    if let Some(input) = field.dyn_ref::<web_sys::HtmlInputElement>() {
        if input.value() != text {
            input.set_value(text);
        }
    } else if let Some(select) = field.dyn_ref::<web_sys::HtmlSelectElement>()
        && select.value() != text
    {
        select.set_value(text);
    }
}

/// `৪০%` / `40%`: how far the reading is.
fn percent(fraction: f64, lang: Lang) -> String {
    format!("{}%", digits_for(lang, &((fraction * 100.0).round() as u32).to_string()))
}
