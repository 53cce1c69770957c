//! Minutes drawn as a document: header facts, agenda, items with discussion and numbered decisions,
//! badges in words, implementers as chips, the footer. Rich text from the cells goes through
//! `batayan_core::text` (an allow-list of elements made with `createElement`, everything else text);
//! search hits are `<mark>`ed in the text as written.

use batayan_core::locale::{BanglaDate, Lang, format_fixed, format_gregorian};
use batayan_core::minutes::{Decision, Item, Minutes, Status, hits_in, is_overdue, rate, status_name};
use batayan_core::text::{self, Node};
use batayan_web::dom::{Dom, add, progress_bar, set_all, with};
use chrono::NaiveDate;
use wasm_bindgen::JsValue;
use web_sys::Element;

use batayan_web::widget::count;

/// A date in both calendars: `২৭ ডিসেম্বর ২০২৩ (১২ পৌষ ১৪৩০)`.
fn both_calendars(date: NaiveDate, lang: Lang) -> String {
    format!("{} ({})", format_gregorian(date, lang), BanglaDate::from_gregorian(date).format(lang))
}

/// `text` into `parent`, the hits of `query` marked.
fn marked(dom: &Dom, parent: &Element, text: &str, query: &str) -> Result<(), JsValue> {
    let mut at = 0;
    for hit in hits_in(text, query) {
        if hit.start > at {
            parent.append_with_str_1(&text[at..hit.start])?;
        }
        add(parent, &dom.text("mark", "by-minutes__hit", &text[hit.clone()])?)?;
        at = hit.end;
    }
    if at < text.len() {
        parent.append_with_str_1(&text[at..])?;
    }
    Ok(())
}

/// Rich text nodes into `parent` (allowed elements only; text as text), hits marked.
fn rich(dom: &Dom, parent: &Element, nodes: &[Node], query: &str) -> Result<(), JsValue> {
    for node in nodes {
        let (tag, children) = match node {
            Node::Text(t) => {
                marked(dom, parent, t, query)?;
                continue;
            }
            Node::Break => {
                add(parent, &dom.el("br", "")?)?;
                continue;
            }
            Node::List { ordered, items } => {
                let list = dom.el(if *ordered { "ol" } else { "ul" }, "")?;
                for item in items {
                    let li = dom.el("li", "")?;
                    rich(dom, &li, item, query)?;
                    add(&list, &li)?;
                }
                add(parent, &list)?;
                continue;
            }
            Node::Paragraph(children) => ("p", children),
            Node::Bold(children) => ("strong", children),
            Node::Italic(children) => ("em", children),
            Node::Underline(children) => ("u", children),
        };
        let element = dom.el(tag, "")?;
        rich(dom, &element, children, query)?;
        add(parent, &element)?;
    }
    Ok(())
}

fn fact(dom: &Dom, list: &Element, label: &str, value: &str) -> Result<(), JsValue> {
    if value.trim().is_empty() {
        return Ok(());
    }
    add(list, &with(dom.el("div", "by-minutes__fact")?, &[&dom.text("dt", "", label)?, &dom.text("dd", "", value)?])?)
}

/// The header: who met, the title, the facts, the agenda, the opening words.
pub(crate) fn header(dom: &Dom, minutes: &Minutes, lang: Lang) -> Result<Element, JsValue> {
    let head = dom.el("header", "by-minutes__head")?;
    if !minutes.body.is_empty() {
        add(&head, &dom.text("p", "by-minutes__body", &minutes.body)?)?;
    }
    let title = dom.text("h2", "by-minutes__title", &minutes.title)?;
    title.set_attribute("id", "by-minutes-title")?;
    add(&head, &title)?;
    let facts = dom.el("dl", "by-minutes__facts")?;
    let chair = [minutes.chair.name.as_str(), minutes.chair.designation.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(", ");
    fact(dom, &facts, lang.pick("সভাপতি", "Chair"), &chair)?;
    let date = minutes.date.map_or_else(|| minutes.date_text.clone(), |d| both_calendars(d, lang));
    fact(dom, &facts, lang.pick("তারিখ", "Date"), &date)?;
    fact(dom, &facts, lang.pick("সময়", "Time"), &minutes.time)?;
    fact(dom, &facts, lang.pick("স্থান", "Venue"), &minutes.venue)?;
    if let Some(annex) = &minutes.attendance.annex {
        let said = match lang {
            Lang::Bn => format!("{annex} দ্রষ্টব্য"),
            Lang::En => format!("see {annex}"),
        };
        fact(dom, &facts, lang.pick("উপস্থিতি", "Attendance"), &said)?;
    }
    add(&head, &facts)?;
    if !minutes.agenda.is_empty() {
        add(&head, &dom.text("h3", "by-minutes__subtitle", lang.pick("আলোচ্যসূচি", "Agenda"))?)?;
        let agenda = dom.el("ul", "by-minutes__agenda")?;
        for entry in &minutes.agenda {
            add(&agenda, &dom.text("li", "", entry)?)?;
        }
        add(&head, &agenda)?;
    }
    if !minutes.opening.is_empty() {
        for paragraph in minutes.opening.split("\n\n") {
            add(&head, &dom.text("p", "by-minutes__opening", paragraph)?)?;
        }
    }
    Ok(head)
}

/// The decisions counted: how many, how many done, and a bar.
pub(crate) fn summary(dom: &Dom, minutes: &Minutes, today: NaiveDate, lang: Lang) -> Result<Element, JsValue> {
    let decisions: Vec<&Decision> = minutes.items.iter().flat_map(|i| i.decisions.iter()).collect();
    let counted = rate(decisions.iter().copied());
    let overdue = decisions.iter().filter(|d| is_overdue(d, today)).count();
    let percent = counted.percent().unwrap_or(0.0);
    let words = match lang {
        Lang::Bn => format!(
            "সিদ্ধান্ত {}টি · বাস্তবায়িত {}টি ({}%) · সময় পেরিয়েছে {}টির",
            count(counted.counted, lang),
            count(counted.done, lang),
            format_fixed(percent, 0, lang),
            count(overdue, lang)
        ),
        Lang::En => format!("{} decisions · {} done ({}%) · {} overdue", counted.counted, counted.done, format_fixed(percent, 0, lang), overdue),
    };
    let part = dom.el("section", "by-minutes__summary")?;
    part.set_attribute("aria-label", lang.pick("সিদ্ধান্ত বাস্তবায়ন", "Decisions implemented"))?;
    add(&part, &dom.text("p", "by-minutes__rate", &words)?)?;
    add(&part, &progress_bar(dom, percent / 100.0, &words, lang.pick("বাস্তবায়নের হার", "Implementation rate"), &[])?)?;
    Ok(part)
}

fn decision(dom: &Dom, decision: &Decision, today: NaiveDate, query: &str, lang: Lang) -> Result<Element, JsValue> {
    let li = dom.el("li", "by-minutes__decision")?;
    if let Some(serial) = &decision.serial {
        add(&li, &dom.text("span", "by-minutes__serial", serial)?)?;
    }
    let body = dom.el("p", "by-minutes__decision-text")?;
    marked(dom, &body, &decision.text, query)?;
    add(&li, &body)?;
    let badges = dom.el("p", "by-minutes__badges")?;
    let status = dom.text(
        "span",
        &format!("by-badge by-badge--{}", status_class(decision.status)),
        &format!("{}: {}", lang.pick("অবস্থা", "Status"), status_name(decision.status, lang)),
    )?;
    add(&badges, &status)?;
    if let Some(deadline) = &decision.deadline {
        add(&badges, &dom.text("span", "by-badge by-badge--deadline", &format!("{}: {deadline}", lang.pick("সময়সীমা", "Deadline")))?)?;
    }
    if is_overdue(decision, today) {
        add(&badges, &dom.text("span", "by-badge by-badge--overdue", lang.pick("সময় পেরিয়েছে", "Overdue"))?)?;
    }
    if let Some(done) = decision.completed {
        add(&badges, &dom.text("span", "by-badge", &format!("{}: {}", lang.pick("সম্পন্ন", "Completed"), format_gregorian(done, lang)))?)?;
    }
    add(&li, &badges)?;
    if !decision.implementers.is_empty() {
        let chips = dom.el("ul", "by-minutes__chips")?;
        chips.set_attribute("aria-label", lang.pick("বাস্তবায়নকারী", "Implementers"))?;
        for name in &decision.implementers {
            let chip = dom.el("li", "by-minutes__chip")?;
            marked(dom, &chip, name, query)?;
            add(&chips, &chip)?;
        }
        add(&li, &chips)?;
    }
    if let Some(link) = decision.evidence.as_deref().filter(|l| l.starts_with("https://") || l.starts_with("http://")) {
        let a = dom.text("a", "by-minutes__evidence", lang.pick("প্রমাণ দেখুন", "See the evidence"))?;
        set_all(&a, &[("href", link), ("rel", "noopener noreferrer"), ("target", "_blank")])?;
        add(&li, &a)?;
    }
    Ok(li)
}

fn status_class(status: Status) -> &'static str {
    match status {
        Status::Pending => "pending",
        Status::InProgress => "in-progress",
        Status::Done => "done",
        Status::Dropped => "dropped",
    }
}

/// One item: serial and topic, the discussion, the decisions.
pub(crate) fn item(dom: &Dom, index: usize, item: &Item, today: NaiveDate, query: &str, lang: Lang) -> Result<Element, JsValue> {
    let li = dom.el("li", "by-minutes__item")?;
    li.set_attribute("data-item", &index.to_string())?;
    let article = dom.el("article", "")?;
    let heading_id = format!("by-minutes-item-{index}");
    article.set_attribute("aria-labelledby", &heading_id)?;
    let heading = dom.el("h3", "by-minutes__topic")?;
    heading.set_attribute("id", &heading_id)?;
    add(&heading, &dom.text("span", "by-minutes__serial", &item.serial)?)?;
    let topic = dom.el("span", "")?;
    marked(dom, &topic, &item.topic, query)?;
    add(&heading, &topic)?;
    add(&article, &heading)?;
    if !item.discussion.trim().is_empty() {
        let discussion = dom.el("div", "by-minutes__discussion")?;
        add(&discussion, &dom.text("h4", "by-minutes__label", lang.pick("আলোচনা", "Discussion"))?)?;
        rich(dom, &discussion, &text::parse(&item.discussion), query)?;
        add(&article, &discussion)?;
    }
    if !item.decisions.is_empty() {
        add(&article, &dom.text("h4", "by-minutes__label", lang.pick("সিদ্ধান্ত", "Decisions"))?)?;
        let list = dom.el("ol", "by-minutes__decisions")?;
        for d in &item.decisions {
            add(&list, &decision(dom, d, today, query, lang)?)?;
        }
        add(&article, &list)?;
    }
    add(&li, &article)?;
    Ok(li)
}

/// The footer: the closing words, the signature, the memo number, the issue date, the distribution.
pub(crate) fn footer(dom: &Dom, minutes: &Minutes, lang: Lang) -> Result<Element, JsValue> {
    let foot = dom.el("footer", "by-minutes__foot")?;
    if !minutes.closing.is_empty() {
        add(&foot, &dom.text("p", "by-minutes__closing", &minutes.closing)?)?;
    }
    let signature = dom.el("p", "by-minutes__signature")?;
    add(&signature, &dom.text("strong", "", &minutes.signatory.name)?)?;
    if !minutes.signatory.designation.is_empty() {
        add(&signature, &dom.el("br", "")?)?;
        signature.append_with_str_1(&minutes.signatory.designation)?;
    }
    add(&foot, &signature)?;
    let facts = dom.el("dl", "by-minutes__facts")?;
    fact(dom, &facts, lang.pick("স্মারক নং", "Memo no."), minutes.memo_number.as_deref().unwrap_or(""))?;
    let issued = minutes.issued.map_or_else(|| minutes.issued_text.clone(), |d| both_calendars(d, lang));
    fact(dom, &facts, lang.pick("জারির তারিখ", "Issued"), &issued)?;
    add(&foot, &facts)?;
    if !minutes.distribution.is_empty() {
        add(&foot, &dom.text("h3", "by-minutes__subtitle", lang.pick("অনুলিপি", "Copies to"))?)?;
        let list = dom.el("ol", "by-minutes__distribution")?;
        for to in &minutes.distribution {
            add(&list, &dom.text("li", "", to)?)?;
        }
        add(&foot, &list)?;
    }
    Ok(foot)
}
