//! The body of the report form: an area heading and a row per indicator, each of which re-renders
//! itself when its own state changes.
//!
//! Why not plain props: with props, every keystroke re-renders the form, which rebuilds and compares
//! 10,000 row components; Yew's scheduler yields to the browser every 16 ms, so at that size the
//! typed row and the total came a whole layout later (~0.4 s). Here the list's props do not change
//! while typing (they hold the shared [`LiveHandle`], compared by address), so Yew skips the list;
//! the form wakes only the rows whose state the core says changed, and the area headings.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use batayan_core::apa::{Agreement, Block, LiveReport, RowKey, RowPages};
use batayan_core::locale::{FiscalYear, Lang, format_fixed, format_number};
use yew::prelude::*;

use super::report_row::{FieldEdit, FieldProblem, ReportRow};
use crate::ui::{bdi, same};

/// The form's live report and who to wake when part of it changes: rows by indicator key, area
/// headings by [`area_watch_key`]. Shared by the form and every row; compared by address.
#[derive(Clone, Debug)]
pub(crate) struct LiveHandle {
    pub live: Rc<RefCell<LiveReport>>,
    watchers: Rc<RefCell<HashMap<String, Callback<()>>>>,
}

impl PartialEq for LiveHandle {
    fn eq(&self, other: &Self) -> bool {
        same(&self.live, &other.live)
    }
}

impl LiveHandle {
    pub(crate) fn new(live: LiveReport) -> LiveHandle {
        LiveHandle { live: Rc::new(RefCell::new(live)), watchers: Rc::default() }
    }

    /// Asks the part watching `key` to render again (nothing if it is not on screen).
    pub(crate) fn wake(&self, key: &str) {
        let watcher = self.watchers.borrow().get(key).cloned();
        if let Some(watcher) = watcher {
            watcher.emit(());
        }
    }

    /// Wakes every area heading (their scores are sums over rows; there are a few dozen).
    pub(crate) fn wake_areas(&self) {
        let areas = self.live.borrow().areas().len();
        for i in 0..areas {
            self.wake(&area_watch_key(i));
        }
    }
}

/// The watcher key of the `i`th area heading (indicator keys never start with `#`).
fn area_watch_key(i: usize) -> String {
    format!("#area{i}")
}

/// Registers the calling component under `key` until it unmounts: [`LiveHandle::wake`] re-renders it.
#[hook]
pub(crate) fn use_watch(handle: &LiveHandle, key: AttrValue) {
    let wake = use_force_update();
    let watchers = handle.watchers.clone();
    use_effect_with(key, move |key| {
        let key = key.to_string();
        watchers.borrow_mut().insert(key.clone(), Callback::from(move |()| wake.force_update()));
        move || {
            watchers.borrow_mut().remove(&key);
        }
    });
}

#[derive(Properties, Debug)]
pub(crate) struct ReportRowsProps {
    pub handle: LiveHandle,
    pub agreement: Rc<Agreement>,
    pub covered: usize,
    /// What the host refused, by indicator key (changes only when a submission is refused).
    pub host_by_row: Rc<HashMap<RowKey, Vec<FieldProblem>>>,
    /// Which rows are on which page, and the page shown.
    pub pages: Rc<RowPages>,
    pub page: usize,
    pub on_edit: Callback<FieldEdit>,
    pub lang: Lang,
}

impl PartialEq for ReportRowsProps {
    fn eq(&self, other: &Self) -> bool {
        self.handle == other.handle
            && same(&self.agreement, &other.agreement)
            && self.covered == other.covered
            && same(&self.host_by_row, &other.host_by_row)
            && same(&self.pages, &other.pages)
            && self.page == other.page
            && self.on_edit == other.on_edit
            && self.lang == other.lang
    }
}

/// Every area's `<tbody>` that the page shows: its heading, then its rows there.
#[component]
pub(crate) fn ReportRows(props: &ReportRowsProps) -> Html {
    let lang = props.lang;
    let columns: AttrValue = (8 + props.covered).to_string().into();
    let areas = props.agreement.blocks().into_iter().flat_map(|(block, areas)| areas.iter().map(move |a| (a, block)));
    let live = props.handle.live.borrow();
    html! {
        { for areas.enumerate().filter(|(i, _)| props.pages.shows_area(*i, props.page)).map(|(i, (area, block))| html! {
            <tbody key={block.key(&area.serial).to_string()} class="by-apa__area">
                <AreaHeading handle={props.handle.clone()} index={i} serial={area_serial(block, &area.serial, props.agreement.fiscal_year, lang)} name={area.name.clone()} weight={area.weight}
                    continued={props.pages.continues(i, props.page)} columns={columns.clone()} {lang} />
                { for live.area_rows(i).get(props.pages.area_rows(i, props.page)).unwrap_or_default().iter().map(|row| {
                    let host_problems = props.host_by_row.get(&row.key).cloned().unwrap_or_default();
                    html! {
                        <ReportRow key={row.key.as_str()} handle={props.handle.clone()} row_key={row.key.clone()} year={props.agreement.fiscal_year}
                            covered={props.covered} {host_problems} on_edit={props.on_edit.clone()} {lang} />
                    }
                }) }
            </tbody>
        }) }
    }
}

#[derive(Properties, PartialEq, Debug)]
struct AreaHeadingProps {
    handle: LiveHandle,
    index: usize,
    // What the heading shows of its area, not the area (which holds every indicator of it): the
    // serial as the year's documents write it, after the block's name for the second block.
    serial: AttrValue,
    name: AttrValue,
    weight: Option<f64>,
    /// The area began on an earlier page.
    continued: bool,
    columns: AttrValue,
    lang: Lang,
}

/// `Governance [1]`, `সুশাসন [১]`, `[এম.১]`: an area heading's serial.
fn area_serial(block: Block, serial: &str, year: FiscalYear, lang: Lang) -> AttrValue {
    block.key(serial).title(year, lang).into()
}

/// `[১] Area name — weight 25 · scored 18.40`: re-renders when woken, as its score moves.
#[component]
fn AreaHeading(props: &AreaHeadingProps) -> Html {
    use_watch(&props.handle, area_watch_key(props.index).into());
    let lang = props.lang;
    let score = props.handle.live.borrow().areas().get(props.index).map_or(0.0, |a| a.score);
    let weight = props.weight.map_or("—".into(), |w| format_number(w, lang));
    html! {
        <tr class="by-apa__area-row">
            <th scope="rowgroup" colspan={props.columns.clone()}>
                { format!("{} ", props.serial) }{ bdi(&props.name) }
                if props.continued {
                    { lang.pick(" (আগের পাতা থেকে)", " (continued)") }
                }
                <span class="by-apa__area-weight">
                    { format!(" — {} {weight} · {} {}", lang.pick("মান", "weight"), lang.pick("প্রাপ্ত", "scored"), format_fixed(score, 2, lang)) }
                </span>
            </th>
        </tr>
    }
}
