//! The follow-up rules: a decision's deadline read from the Bangla phrase that states it, overdue
//! decisions, the implementation rate (done ÷ (all − dropped)) per meeting and per implementer, and the
//! checks of a minutes document — serials repeated or out of order (kept as written), decisions without
//! an implementer, and a stated rate that disagrees with the one counted from the decisions (both
//! figures said).

use chrono::{Datelike, NaiveDate};

use crate::finding::{Finding, Severity};
use crate::locale::{Lang, Message, format_fixed, parse_date, to_bangla_digits};

use super::model::{Decision, Minutes, Status};

/// When a decision is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deadline {
    /// By this day (a month alone means its last day).
    By(NaiveDate),
    /// Before the next meeting (`আগামী সভার পূর্বে`).
    NextMeeting,
    /// Ongoing (`নিয়মিত`, `চলমান`): never overdue.
    Regular,
}

/// The deadline phrase in a decision's text, as written (`১৫ জানুয়ারি ২০২৪ তারিখের মধ্যে`,
/// `মার্চ ২০২৪ এর মধ্যে`, `আগামী সভার পূর্বে`, `নিয়মিত`), and what it means.
pub fn deadline_in(text: &str) -> Option<(String, Deadline)> {
    for phrase in ["আগামী সভার পূর্বে", "পরবর্তী সভার পূর্বে", "আগামী সভার আগে"]
    {
        if text.contains(phrase) {
            return Some((phrase.to_owned(), Deadline::NextMeeting));
        }
    }
    for marker in ["তারিখের মধ্যে", "এর মধ্যে", "মধ্যে"] {
        let Some(at) = text.find(marker) else { continue };
        let before: Vec<&str> = text[..at].split_whitespace().collect();
        // The date is the last one to three words before the marker: `১৫ জানুয়ারি ২০২৪`, `মার্চ ২০২৪`,
        // `ফেব্রুয়ারি/২০২৪`, `১৬/০৫/২৪`.
        for words in (1..=3).rev() {
            let Some(start) = before.len().checked_sub(words) else { continue };
            let written = before[start..].join(" ");
            if let Some(date) = date_or_month(&written) {
                let phrase = format!("{written} {marker}");
                return Some((phrase, Deadline::By(date)));
            }
        }
    }
    if text.contains("নিয়মিত") {
        return Some(("নিয়মিত".to_owned(), Deadline::Regular));
    }
    None
}

/// A full date, or a month and year (its last day).
fn date_or_month(written: &str) -> Option<NaiveDate> {
    let written = written.trim_start_matches("আগামী").trim();
    if written.chars().filter(|c| c.is_numeric()).count() < 2 {
        return None; // a lone word, or a single digit, is not a date
    }
    if let Ok(parsed) = parse_date(written) {
        return Some(parsed.date);
    }
    let first_of = parse_date(&format!("১ {}", written.replace('/', " "))).ok()?.date;
    let next_month = if first_of.month() == 12 {
        NaiveDate::from_ymd_opt(first_of.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(first_of.year(), first_of.month() + 1, 1)
    };
    next_month?.pred_opt()
}

/// Whether `decision` is past its deadline on `today` and neither done nor dropped.
pub fn is_overdue(decision: &Decision, today: NaiveDate) -> bool {
    let open = matches!(decision.status, Status::Pending | Status::InProgress);
    let due = decision.deadline.as_deref().and_then(deadline_in).or_else(|| deadline_in(&decision.text));
    open && matches!(due, Some((_, Deadline::By(date))) if date < today)
}

/// An implementation rate: decisions done, and decisions that count (all but the dropped).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rate {
    pub done: usize,
    pub counted: usize,
}

impl Rate {
    /// Percent done; `None` when nothing counts.
    pub fn percent(self) -> Option<f64> {
        (self.counted > 0).then(|| self.done as f64 / self.counted as f64 * 100.0)
    }
}

/// The rate of `decisions`.
pub fn rate<'a>(decisions: impl IntoIterator<Item = &'a Decision>) -> Rate {
    let mut rate = Rate::default();
    for decision in decisions {
        if decision.status != Status::Dropped {
            rate.counted += 1;
            rate.done += usize::from(decision.status == Status::Done);
        }
    }
    rate
}

/// Every decision of the minutes.
pub fn decisions(minutes: &Minutes) -> impl Iterator<Item = &Decision> {
    minutes.items.iter().flat_map(|item| item.decisions.iter())
}

/// The rate per implementer, in the order they first appear (a decision with several counts for each).
pub fn rate_by_implementer(minutes: &Minutes) -> Vec<(String, Rate)> {
    let mut out: Vec<(String, Rate)> = Vec::new();
    for decision in decisions(minutes) {
        for name in &decision.implementers {
            let at = match out.iter().position(|(n, _)| n == name) {
                Some(at) => at,
                None => {
                    out.push((name.clone(), Rate::default()));
                    out.len() - 1
                }
            };
            if decision.status != Status::Dropped {
                out[at].1.counted += 1;
                out[at].1.done += usize::from(decision.status == Status::Done);
            }
        }
    }
    out
}

/// What a reader should look at in `minutes` on `today`: serials repeated or out of order, decisions
/// without implementers, overdue decisions, and a stated follow-up rate that disagrees with its counts.
pub fn check(minutes: &Minutes, today: NaiveDate) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, item) in minutes.items.iter().enumerate() {
        let path = format!("/items/{i}/serial");
        if minutes.items[..i].iter().any(|earlier| earlier.serial == item.serial) {
            out.push(Finding::new(
                path,
                Severity::Warning,
                Message::new(
                    format!("ক্রমিক “{}” আগেও আছে; যেমন লেখা তেমনই রাখা হয়েছে।", item.serial),
                    format!("Serial “{}” is used twice; kept as written.", item.serial),
                ),
            ));
        } else if let Some(previous) = i.checked_sub(1).map(|p| &minutes.items[p])
            && let (Some(now), Some(then)) = (super::import::serial_numbers(&item.serial), super::import::serial_numbers(&previous.serial))
            && now < then
        {
            out.push(Finding::new(
                path,
                Severity::Warning,
                Message::new(
                    format!("ক্রমিক “{}” এসেছে “{}”-এর পরে: ক্রম ভাঙা; যেমন লেখা তেমনই রাখা হয়েছে।", item.serial, previous.serial),
                    format!("Serial “{}” comes after “{}”: out of order; kept as written.", item.serial, previous.serial),
                ),
            ));
        }
        for (j, decision) in item.decisions.iter().enumerate() {
            let at = format!("/items/{i}/decisions/{j}");
            let name = decision.serial.clone().unwrap_or_else(|| item.serial.clone());
            if decision.implementers.is_empty() {
                out.push(Finding::new(
                    format!("{at}/implementers"),
                    Severity::Warning,
                    Message::new(format!("সিদ্ধান্ত {name}: বাস্তবায়নকারী লেখা নেই।"), format!("Decision {name}: no implementer is named.")),
                ));
            }
            if is_overdue(decision, today) {
                out.push(Finding::new(
                    format!("{at}/status"),
                    Severity::Warning,
                    Message::new(format!("সিদ্ধান্ত {name}: সময়সীমা পেরিয়ে গেছে, বাস্তবায়ন শেষ হয়নি।"), format!("Decision {name}: past its deadline and not done.")),
                ));
            }
        }
    }
    if let Some(stated) = &minutes.follow_up
        && let (Some(taken), Some(implemented), Some(rate)) = (stated.taken, stated.implemented, stated.rate)
        && taken > 0
    {
        let counted = f64::from(implemented) / f64::from(taken) * 100.0;
        if (counted - rate).abs() >= 0.5 {
            let (c_bn, r_bn) = (format_fixed(counted, 1, Lang::Bn), format_fixed(rate, 1, Lang::Bn));
            let (done_bn, taken_bn) = (to_bangla_digits(&implemented.to_string()), to_bangla_digits(&taken.to_string()));
            let (c_en, r_en) = (format_fixed(counted, 1, Lang::En), format_fixed(rate, 1, Lang::En));
            out.push(Finding::new(
                "/follow_up/rate",
                Severity::Warning,
                Message::new(
                    format!("কার্যবিবরণীতে বাস্তবায়নের হার {r_bn}% লেখা, কিন্তু {taken_bn}টি সিদ্ধান্তের {done_bn}টি বাস্তবায়নে হয় {c_bn}%।"),
                    format!("The minutes state an implementation rate of {r_en}%, but {implemented} of {taken} decisions make {c_en}%."),
                ),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests;
