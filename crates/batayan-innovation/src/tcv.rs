//! The TCV picture: for time, cost and visits, the citizen's "before" and "after" as two bars on one
//! scale with the figures and the improvement in words beside them (the words are what a screen
//! reader reads; the bars are hidden from it), and what a year of cases saves. Used live under the
//! entry form, on its review, for judges and in the gallery.

use batayan_core::innovation::{Case, Entry, TimeUnit, tcv};
use batayan_core::locale::{Lang, format_fixed, format_number};
use batayan_web::dom::{Dom, add, with};
use wasm_bindgen::JsValue;
use web_sys::Element;

/// One dimension's figures: (label, before as text, after as text, before and after on one scale).
struct Line {
    label: &'static str,
    before: String,
    after: String,
    values: (f64, f64),
    improvement: Option<f64>,
}

fn time_text(case: &Case, lang: Lang) -> Option<String> {
    let time = case.time?;
    let unit = match time.unit {
        TimeUnit::Days => lang.pick("দিন", "days"),
        TimeUnit::Hours => lang.pick("ঘণ্টা", "hours"),
    };
    Some(format!("{} {unit}", time.amount.format(lang)))
}

fn lines(entry: &Entry, lang: Lang) -> Vec<Line> {
    let (b, a) = (&entry.before, &entry.after);
    let figures = tcv(entry);
    let mut out = Vec::new();
    if let (Some(before), Some(after), Some(tb), Some(ta)) = (time_text(b, lang), time_text(a, lang), b.time, a.time) {
        out.push(Line { label: lang.pick("সময়", "Time"), before, after, values: (tb.hours(), ta.hours()), improvement: figures.time });
    }
    if let (Some(cb), Some(ca)) = (b.cost, a.cost) {
        let taka = |d: batayan_core::locale::Decimal| format!("{} {}", d.format(lang), lang.pick("টাকা", "taka"));
        out.push(Line {
            label: lang.pick("খরচ", "Cost"), before: taka(cb), after: taka(ca), values: (cb.to_f64(), ca.to_f64()), improvement: figures.cost
        });
    }
    if let (Some(vb), Some(va)) = (b.visits, a.visits) {
        let times = |n: u32| format!("{} {}", format_number(f64::from(n), lang), lang.pick("বার", "visits"));
        out.push(Line {
            label: lang.pick("যাতায়াত", "Visits"),
            before: times(vb),
            after: times(va),
            values: (f64::from(vb), f64::from(va)),
            improvement: figures.visits,
        });
    }
    out
}

/// "৯৪.৪৪% কম" / "94.44% less", or "more" when after is worse.
fn change_words(improvement: f64, lang: Lang) -> String {
    let size = format_fixed(improvement.abs(), 2, lang);
    match (improvement >= 0.0, lang) {
        (true, Lang::Bn) => format!("{size}% কম"),
        (true, Lang::En) => format!("{size}% less"),
        (false, Lang::Bn) => format!("{size}% বেশি"),
        (false, Lang::En) => format!("{size}% more"),
    }
}

/// Two bars, before over after, on the larger of the two (an "after" that is worse is longer).
fn bars(dom: &Dom, (before, after): (f64, f64)) -> Result<Element, JsValue> {
    let scale = before.max(after);
    let width = |v: f64| if scale > 0.0 { format_fixed((v / scale * 100.0).clamp(0.0, 100.0), 2, Lang::En) } else { "0".to_owned() };
    let picture =
        dom.svg("svg", "by-tcv__bars", &[("viewBox", "0 0 100 20"), ("preserveAspectRatio", "none"), ("aria-hidden", "true"), ("focusable", "false")])?;
    add(&picture, &dom.svg("rect", "by-tcv__before", &[("x", "0"), ("y", "1"), ("width", &width(before)), ("height", "8")])?)?;
    add(&picture, &dom.svg("rect", "by-tcv__after", &[("x", "0"), ("y", "11"), ("width", &width(after)), ("height", "8")])?)?;
    Ok(picture)
}

/// The picture for `entry`, or a line saying which figures are still missing.
pub(crate) fn picture(dom: &Dom, entry: &Entry, lang: Lang) -> Result<Element, JsValue> {
    let figure = dom.el("figure", "by-tcv")?;
    add(
        &figure,
        &dom.text(
            "figcaption",
            "by-tcv__caption",
            lang.pick("নাগরিকের সময়, খরচ ও যাতায়াত (TCV): আগে ও পরে", "The citizen's time, cost and visits (TCV): before and after"),
        )?,
    )?;
    let lines = lines(entry, lang);
    if lines.is_empty() {
        add(
            &figure,
            &dom.text(
                "p",
                "by-tcv__none",
                lang.pick("আগে ও পরের হিসাব লিখলে এখানে তুলনা দেখা যাবে।", "Give the figures before and after to see them compared here."),
            )?,
        )?;
        return Ok(figure);
    }
    let list = dom.el("ul", "by-tcv__list")?;
    for line in &lines {
        let words = dom.el("span", "by-tcv__words")?;
        add(&words, &dom.text("span", "by-tcv__side", &format!("{} {}", lang.pick("আগে", "Before"), line.before))?)?;
        add(&words, &dom.text("span", "by-tcv__side by-tcv__side--after", &format!("{} {}", lang.pick("পরে", "After"), line.after))?)?;
        if let Some(improvement) = line.improvement {
            let class = if improvement >= 0.0 { "by-tcv__change" } else { "by-tcv__change by-tcv__change--worse" };
            add(&words, &dom.text("strong", class, &change_words(improvement, lang))?)?;
        }
        add(&list, &with(dom.el("li", "by-tcv__line")?, &[&dom.text("span", "by-tcv__label", line.label)?, &bars(dom, line.values)?, &words])?)?;
    }
    add(&figure, &list)?;
    add(&figure, &legend(dom, lang)?)?;
    if let Some(yearly) = tcv(entry).yearly {
        let mut parts = Vec::new();
        if let Some(hours) = yearly.hours.filter(|h| *h > 0.0) {
            parts.push(format!("{} {}", format_number(hours.round(), lang), lang.pick("ঘণ্টা", "hours")));
        }
        if let Some(taka) = yearly.taka.filter(|t| !t.is_negative()) {
            parts.push(format!("{} {}", taka.format(lang), lang.pick("টাকা", "taka")));
        }
        if let Some(visits) = yearly.visits.filter(|v| *v > 0) {
            parts.push(format!("{} {}", format_number(visits as f64, lang), lang.pick("বার যাতায়াত", "visits")));
        }
        if !parts.is_empty() {
            let volume = entry.yearly_volume.map(|v| format_number(v as f64, lang)).unwrap_or_default();
            let text = match lang {
                Lang::Bn => format!("বছরে {volume}টি সেবায় নাগরিকের সাশ্রয়: {}।", parts.join(", ")),
                Lang::En => format!("Saved for citizens in a year of {volume} cases: {}.", parts.join(", ")),
            };
            add(&figure, &dom.text("p", "by-tcv__yearly", &text)?)?;
        }
    }
    Ok(figure)
}

/// Which bar is which, in words and in the bars' own colours (not by colour alone: "আগে" is on top).
fn legend(dom: &Dom, lang: Lang) -> Result<Element, JsValue> {
    let legend = dom.el("p", "by-tcv__legend")?;
    legend.set_attribute("aria-hidden", "true")?;
    add(&legend, &dom.text("span", "by-tcv__key by-tcv__key--before", lang.pick("ওপরের দাগ: আগে", "Upper bar: before"))?)?;
    add(&legend, &dom.text("span", "by-tcv__key by-tcv__key--after", lang.pick("নিচের দাগ: পরে", "Lower bar: after"))?)?;
    Ok(legend)
}
