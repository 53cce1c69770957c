//! The edit mode of `<batayan-apa-table>`: the APA focal point pastes section 3 from a spreadsheet or
//! Word, sees what a careful reader would point out (every finding at its cell, and in a summary), fixes
//! cells in place (a look-alike ৪/৮ in one click), sees what the save would change against the stored
//! agreement (rows added, removed, changed), and saves. A paste merges by serial, so what it does not
//! carry (annex 2) stays. The element keeps the draft and saves it with PUT; the host checks it again
//! by the same rules.

use std::collections::HashMap;
use std::rc::Rc;

use batayan_core::apa::{
    Agreement, AgreementDraft, Area, Block, ChangedRow, Column, Finding, RowKey, RowPages, RowPointers, Section3Changes, Severity, cell_at_pointer, changes,
    has_errors,
};
use batayan_core::locale::{FiscalYear, Lang, Message, digits_for};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::editor_row::{CellEdit, CellProblem, EDIT_COLUMNS, EditorRow, messages};
use crate::ui::{
    DraftStatus, EDITOR_ROWS_PER_PAGE, ErrorSummary, LiveProgressBar, Pager, Progress, Submission, SubmitBar, SummaryItem, SummaryList, bdi, field_id,
    use_paging,
};

#[derive(Properties, PartialEq, Debug)]
pub struct AgreementEditorProps {
    /// The agreement as the host stores it: what a save would change is shown against it.
    pub stored: Rc<Agreement>,
    pub draft: Rc<AgreementDraft>,
    /// What the last paste could not read, by line and column.
    pub import_problems: Rc<Vec<Finding>>,
    /// A paste is being read, and how far: it can take seconds at thousands of rows. The progress
    /// redraws its bar alone; the editor renders again only when reading starts and ends.
    #[prop_or_default]
    pub importing: Option<Progress>,
    pub submission: Submission,
    pub draft_status: DraftStatus,
    pub on_edit: Callback<CellEdit>,
    /// Fired with the pasted text when the person asks to read it.
    pub on_import: Callback<String>,
    /// Fired with the agreement when the person saves and nothing in it is an error.
    pub on_save: Callback<Agreement>,
    pub on_discard: Callback<()>,
    pub lang: Lang,
}

const TITLE_ID: &str = "by-editor-title";
const PASTE_ID: &str = "by-editor-paste";

/// Where a problem sits: a row's key and column, found from a finding or from a host's pointer.
struct Located {
    key: RowKey,
    column: Option<Column>,
    pointer: String,
}

/// `[১.৬.১] মান`, `ক্ষেত্র [১] মান`: how the summary names a cell.
fn cell_label(key: &RowKey, column: Option<Column>, year: FiscalYear, lang: Lang) -> String {
    let column = column.map(|c| format!(" {}", c.label(year, lang))).unwrap_or_default();
    format!("{}{column}", key.label(year, lang))
}

#[component]
pub fn AgreementEditor(props: &AgreementEditorProps) -> Html {
    let lang = props.lang;
    let findings: Rc<Vec<Finding>> = use_memo(props.draft.clone(), |d| d.findings());
    let pointers: Rc<RowPointers> = use_memo(props.draft.clone(), |d| RowPointers::new(&d.agreement));
    let pages: Rc<RowPages> = use_memo(props.draft.clone(), |d| RowPages::new(&d.agreement, EDITOR_ROWS_PER_PAGE));
    let form = use_node_ref();
    let paging = use_paging(form.clone(), pages.clone());
    let pending_changes: Rc<Section3Changes> = use_memo((props.stored.clone(), props.draft.clone()), |(stored, d)| changes(stored, &d.agreement));
    let pasted = use_state(String::new);
    let focus_request = use_state(|| 0u32);
    let agreement = &props.draft.agreement;
    let year = agreement.fiscal_year;

    let mut by_row: HashMap<RowKey, Vec<CellProblem>> = HashMap::new();
    let mut summary = SummaryList::default();
    let mut note = |located: Option<Located>, severity: Severity, message: Message, fix: Option<(CellEdit, String)>| {
        summary.push(severity, || {
            let (field, label) = match &located {
                Some(l) => (field_id(&l.pointer), cell_label(&l.key, l.column, year, lang)),
                None => (TITLE_ID.to_owned(), lang.pick("চুক্তি", "The agreement").to_owned()),
            };
            let page = located.as_ref().and_then(|l| pages.page_of(&l.key));
            SummaryItem { field_id: field, label, message: message.get(lang).to_owned(), is_error: severity == Severity::Error, page }
        });
        if let Some(l) = located {
            by_row.entry(l.key).or_default().push(CellProblem { column: l.column, severity, message, fix });
        }
    };
    // A finding's path, and a host's, as the row and the cell the editor shows.
    let located = |path: &str| cell_at_pointer(agreement, path).map(|(key, column)| Located { pointer: pointers.cell(&key, column), key, column });
    for f in findings.iter() {
        let fix = f.suggestion.as_ref().and_then(|s| {
            let (key, column) = cell_at_pointer(agreement, &s.path)?;
            let column = column?;
            let label = cell_label(&key, Some(column), year, lang);
            Some((CellEdit { pointer: pointers.cell(&key, Some(column)), key, column, text: s.to.clone() }, label))
        });
        note(located(&f.path), f.severity, f.message.clone(), fix);
    }
    if let Submission::Refused(errors) = &props.submission {
        for e in errors {
            note(located(&e.path), Severity::Error, e.message(), None);
        }
    }
    let (errors, warnings) = (summary.error_count(), summary.warning_count());
    let (items, more) = summary.finish();

    let onsubmit = {
        let (findings, on_save, focus_request, agreement) = (findings.clone(), props.on_save.clone(), focus_request.clone(), agreement.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if has_errors(&findings) {
                focus_request.set(*focus_request + 1);
            } else {
                on_save.emit(agreement.clone());
            }
        })
    };
    let oninput = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| pasted.set(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };
    let read_table = {
        let (pasted, on_import) = (pasted.clone(), props.on_import.clone());
        Callback::from(move |_: MouseEvent| {
            if !pasted.trim().is_empty() {
                on_import.emit((*pasted).clone());
                pasted.set(String::new());
            }
        })
    };
    let counts = match lang {
        Lang::Bn => format!("ত্রুটি {} · সতর্কতা {}", digits_for(lang, &errors.to_string()), digits_for(lang, &warnings.to_string())),
        Lang::En => format!("{errors} errors · {warnings} warnings"),
    };
    let rows = EditorRows { pointers: &pointers, by_row: &by_row, draft: &props.draft, on_edit: &props.on_edit, pages: &pages, page: paging.page, lang };
    let pager = |top: bool| {
        html! {
            <Pager pages={pages.clone()} page={paging.page} on_page={paging.on_page()} on_jump={paging.on_jump()} {top} {lang} />
        }
    };
    let areas = agreement.areas.len();
    html! {
        <form ref={form} class="by-widget by-apa by-apa--edit" lang={lang.tag()} {onsubmit} novalidate=true>
            <header class="by-apa__header">
                <h2 id={TITLE_ID} class="by-card__title" tabindex="-1">
                    { lang.pick("চুক্তি সম্পাদনা: সেকশন ৩ · ", "Edit the agreement: section 3 · ") }{ agreement.fiscal_year.label(lang) }
                </h2>
                if !agreement.office_name.is_empty() {
                    <p class="by-apa__office">{ bdi(&agreement.office_name) }</p>
                }
            </header>
            <section class="by-paste" aria-labelledby="by-paste-title">
                <h3 id="by-paste-title" class="by-paste__title">{ lang.pick("স্প্রেডশিট বা ওয়ার্ড থেকে টেবিল পেস্ট করুন", "Paste the table from a spreadsheet or Word") }</h3>
                <label for={PASTE_ID} class="by-paste__hint">
                    { lang.pick("সেকশন ৩-এর পুরো টেবিল (শিরোনামের সারিসহ) কপি করে এখানে পেস্ট করুন, তারপর “টেবিল পড়ুন” চাপুন। নিচের ছকের সারিগুলো ক্রমিক মিলিয়ে বদলাবে (বাস্তবায়নকারী ও প্রমাণক থেকে যাবে), সংরক্ষণের আগে কী বদলাবে তা দেখানো হবে; যা পড়া যায় না তা লাইন ও কলামসহ জানানো হবে।",
                        "Copy the whole section 3 table (with its header rows), paste it here and press “Read the table”. The rows below are updated by serial (implementers and evidence stay), and what a save would change is shown before you save; whatever cannot be read is reported with its line and column.") }
                </label>
                <textarea id={PASTE_ID} class="by-input" value={(*pasted).clone()} {oninput} rows="6" spellcheck="false" />
                <button type="button" class="by-button by-button--secondary" onclick={read_table} disabled={props.importing.is_some()}>{ lang.pick("টেবিল পড়ুন", "Read the table") }</button>
                if let Some(progress) = &props.importing {
                    <div class="by-paste__reading">
                        <p class="by-status" role="status">
                            <span class="by-spinner" aria-hidden="true"></span>
                            { lang.pick("টেবিল পড়া ও মেলানো হচ্ছে… বড় টেবিলে কয়েক সেকেন্ড লাগতে পারে।", "Reading and merging the table… a large one can take a few seconds.") }
                        </p>
                        <LiveProgressBar progress={progress.clone()} label={lang.pick("পেস্ট করা টেবিল পড়া", "Reading the pasted table")} {lang} />
                    </div>
                }
                if !props.import_problems.is_empty() {
                    <div class="by-paste__problems" role="status">
                        <p id="by-paste-problems-title">{ lang.pick("পেস্ট করা টেবিল পড়ে যা দেখা গেল:", "What reading the pasted table found:") }</p>
                        // It scrolls when long, so a keyboard must be able to reach it (WCAG 2.1.1).
                        <ul tabindex="0" aria-labelledby="by-paste-problems-title">
                            { for props.import_problems.iter().map(|p| html! { <li>{ import_problem(p, lang) }</li> }) }
                        </ul>
                    </div>
                }
            </section>
            <p class="by-apa__counts" role="status">{ counts }</p>
            <SaveChanges changes={pending_changes.clone()} {year} {lang} />
            <ErrorSummary {items} {more} focus_request={*focus_request} on_jump={paging.on_jump()} {lang} />
            { pager(true) }
            <div class="by-apa__scroll" tabindex="0" role="region" aria-label={lang.pick("সেকশন ৩-এর সারণি, সম্পাদনাযোগ্য", "Section 3 table, editable")}>
                <table class="by-apa__table by-apa__table--edit">
                    <caption class="by-visually-hidden">{ lang.pick("সেকশন ৩, সম্পাদনাযোগ্য", "Section 3, editable") }</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="by-col-serial">{ lang.pick("ক্রমিক", "No.") }</th>
                            <th scope="col" class="by-col-name">{ lang.pick("কর্মসম্পাদন সূচক", "Indicator") }</th>
                            { for EDIT_COLUMNS.iter().map(|c| html! {
                                <th scope="col" class={if matches!(c, Column::Unit | Column::Method) { "by-col-cell--wide" } else { "by-col-cell" }}>{ c.label(year, lang) }</th>
                            }) }
                        </tr>
                    </thead>
                    { for agreement.areas.iter().enumerate().map(|(i, a)| rows.area(i, a, Block::Own)) }
                    { for agreement.governance.iter().enumerate().map(|(i, a)| rows.area(areas + i, a, Block::Governance)) }
                </table>
            </div>
            { pager(false) }
            <SubmitBar submission={props.submission.clone()} draft={props.draft_status.clone()}
                label={lang.pick("চুক্তি সংরক্ষণ করুন", "Save the agreement")} on_discard={props.on_discard.clone()} {lang} />
        </form>
    }
}

/// What every row of one render shares.
struct EditorRows<'a> {
    pointers: &'a RowPointers,
    by_row: &'a HashMap<RowKey, Vec<CellProblem>>,
    draft: &'a AgreementDraft,
    on_edit: &'a Callback<CellEdit>,
    pages: &'a RowPages,
    page: usize,
    lang: Lang,
}

impl EditorRows<'_> {
    /// Area `index` (counting areas, then governance) as far as this page shows it.
    fn area(&self, index: usize, area: &Area, block: Block) -> Html {
        if !self.pages.shows_area(index, self.page) {
            return html! {};
        }
        let lang = self.lang;
        let on_page = self.pages.area_rows(index, self.page);
        let continued = if self.pages.continues(index, self.page) { lang.pick(" (আগের পাতা থেকে)", " (continued)") } else { "" };
        let key = block.key(&area.serial);
        let pointer = self.pointers.cell(&key, Some(Column::AreaWeight));
        let id = field_id(&pointer);
        let problems: Vec<&CellProblem> = self.by_row.get(&key).map(|p| p.iter().collect()).unwrap_or_default();
        let invalid = problems.iter().any(|p| p.severity == Severity::Error);
        let oninput = {
            let (on_edit, key, pointer) = (self.on_edit.clone(), key.clone(), pointer.clone());
            Callback::from(move |e: InputEvent| {
                let text = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                on_edit.emit(CellEdit { key: key.clone(), column: Column::AreaWeight, pointer: pointer.clone(), text });
            })
        };
        let text = self.draft.text(&key, Column::AreaWeight, lang);
        let serial = key.title(self.draft.agreement.fiscal_year, lang);
        let label = format!("{serial} {}", lang.pick("ক্ষেত্রের মান", "area weight"));
        html! {
            <tbody key={key.as_str()} class="by-apa__area">
                <tr class="by-apa__area-row">
                    <th scope="rowgroup" colspan="14">
                        <span>{ format!("{serial} ") }{ bdi(&area.name) }{ continued }</span>
                        <label class="by-apa__area-weight-field">
                            { lang.pick(" — ক্ষেত্রের মান ", " — area weight ") }
                            <input id={id.clone()} type="text" class="by-input by-input--short" value={text} {oninput} aria-label={label}
                                aria-invalid={invalid.then_some("true")} aria-describedby={(!problems.is_empty()).then(|| format!("{id}-message"))} autocomplete="off" />
                        </label>
                        { messages(&id, &problems, self.on_edit, lang) }
                    </th>
                </tr>
                { for area.activities.iter().flat_map(|a| &a.indicators).skip(on_page.start).take(on_page.len()).map(|indicator| {
                    let key = block.key(&indicator.serial);
                    let base = self.pointers.cell(&key, None);
                    let pending = self.draft.pending.iter().filter(|p| p.key == key).cloned().collect::<Vec<_>>();
                    let problems = self.by_row.get(&key).cloned().unwrap_or_default();
                    let row_key = key.clone();
                    html! {
                        <EditorRow key={key.as_str()} {row_key} year={self.draft.agreement.fiscal_year} base={AttrValue::from(base)} indicator={indicator.clone()} {pending} {problems} on_edit={self.on_edit.clone()} {lang} />
                    }
                }) }
            </tbody>
        }
    }
}

/// `লাইন ৩, কলাম ৫ — সতর্কতা: …`, or the severity and message alone for a problem of the whole text.
fn import_problem(p: &Finding, lang: Lang) -> String {
    let (message, severity) = (p.message.get(lang), p.severity.label(lang));
    let (line, column) = p.text_position();
    if line == 0 {
        return format!("{severity}: {message}");
    }
    let (line, column) = (digits_for(lang, &line.to_string()), digits_for(lang, &column.to_string()));
    format!("{} {line}, {} {column} — {severity}: {message}", lang.pick("লাইন", "line"), lang.pick("কলাম", "column"))
}

#[derive(Properties, PartialEq, Debug)]
struct SaveChangesProps {
    changes: Rc<Section3Changes>,
    /// The agreement's year: how its second block is named.
    year: FiscalYear,
    lang: Lang,
}

/// What saving would change in the stored agreement, row by row, before the person saves: a paste
/// that drops rows (and their annex 2 implementer and evidence) is seen, not discovered later.
#[component]
fn SaveChanges(props: &SaveChangesProps) -> Html {
    let lang = props.lang;
    let c = &props.changes;
    if c.is_empty() {
        return html! {};
    }
    let list = |rows: &[ChangedRow], title: &'static str, detail: &dyn Fn(&ChangedRow) -> String| -> Html {
        if rows.is_empty() {
            return html! {};
        }
        html! {
            <>
                <h4 class="by-changes__title">{ title }</h4>
                <ul class="by-changes__list">
                    { for rows.iter().map(|r| html! {
                        <li>{ format!("{} ", r.key.label(props.year, lang)) }{ bdi(&r.name) }{ detail(r) }</li>
                    }) }
                </ul>
            </>
        }
    };
    let columns = |r: &ChangedRow| {
        let mut names: Vec<String> = r.columns.iter().map(|c| c.label(props.year, lang)).collect();
        if r.renamed {
            names.insert(0, lang.pick("নাম", "name").to_owned());
        }
        format!(" — {}", names.join(", "))
    };
    let lost = |r: &ChangedRow| {
        if r.loses_annex {
            lang.pick(" — এর বাস্তবায়নকারী ও প্রমাণকও মুছে যাবে", " — its implementer and evidence go too").to_owned()
        } else {
            String::new()
        }
    };
    let none = |_: &ChangedRow| String::new();
    html! {
        <details class="by-changes" open={!c.removed.is_empty()}>
            <summary>
                { lang.pick("সংরক্ষণ করলে যা বদলাবে: ", "What saving will change: ") }
                <strong>{ c.summary().get(lang).to_owned() }</strong>
            </summary>
            { list(&c.removed, lang.pick("বাদ যাবে", "Removed"), &lost) }
            { list(&c.added, lang.pick("যোগ হবে", "Added"), &none) }
            { list(&c.changed, lang.pick("বদলাবে", "Changed"), &columns) }
        </details>
    }
}
