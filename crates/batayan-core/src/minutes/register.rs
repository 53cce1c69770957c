//! The decision register across meetings: every decision with its meeting, item, implementers,
//! deadline and where it stands; the filters a follow-up meeting uses (implementer, status, overdue,
//! body); and its CSV export (UTF-8 with a byte-order mark, so that spreadsheet programs show Bangla).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::locale::Lang;
use crate::locale::format_gregorian;

use super::model::{Decision, Minutes, Status};
use super::rules::is_overdue;

/// One meeting as the host lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct ListedMinutes {
    pub id: u64,
    pub minutes: Minutes,
}

/// `GET` the minutes list (the register's `src`): every meeting, newest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct MinutesList {
    pub minutes: Vec<ListedMinutes>,
}

/// A decision's new status, as office staff send it (`PUT …/decisions/{d}/status`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct StatusChange {
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// An `http(s)://` link to what shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// When it was done (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::locale::iso_date::option")]
    #[cfg_attr(any(test, feature = "schema"), schemars(with = "Option<chrono::NaiveDate>"))]
    pub completed: Option<NaiveDate>,
}

/// A decision in the register, with where it is in its meeting.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry<'a> {
    pub meeting: u64,
    pub minutes: &'a Minutes,
    pub item: usize,
    pub index: usize,
    pub decision: &'a Decision,
    pub overdue: bool,
}

impl Entry<'_> {
    /// The decision's serial as people say it: its own, else its item's with its place (`৩.০/১`).
    pub fn serial(&self) -> String {
        let item = &self.minutes.items[self.item];
        self.decision.serial.clone().unwrap_or_else(|| format!("{}/{}", item.serial, crate::locale::to_bangla_digits(&(self.index + 1).to_string())))
    }
}

/// Every decision of every meeting, in the order of the list.
pub fn register(list: &MinutesList, today: NaiveDate) -> Vec<Entry<'_>> {
    let mut out = Vec::new();
    for listed in &list.minutes {
        for (i, item) in listed.minutes.items.iter().enumerate() {
            for (j, decision) in item.decisions.iter().enumerate() {
                out.push(Entry { meeting: listed.id, minutes: &listed.minutes, item: i, index: j, decision, overdue: is_overdue(decision, today) });
            }
        }
    }
    out
}

/// What the register shows: `None` is "any".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub implementer: Option<String>,
    pub status: Option<Status>,
    pub overdue_only: bool,
    pub body: Option<String>,
}

impl Filter {
    pub fn keeps(&self, entry: &Entry<'_>) -> bool {
        self.implementer.as_ref().is_none_or(|name| entry.decision.implementers.iter().any(|i| i == name))
            && self.status.is_none_or(|s| entry.decision.status == s)
            && (!self.overdue_only || entry.overdue)
            && self.body.as_ref().is_none_or(|b| &entry.minutes.body == b)
    }
}

/// Every implementer named, in the order first named.
pub fn implementers<'a>(entries: &[Entry<'a>]) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for entry in entries {
        for name in &entry.decision.implementers {
            if !out.contains(&name.as_str()) {
                out.push(name);
            }
        }
    }
    out
}

/// The rate over `entries`, and per implementer in the order first named (a decision with several
/// implementers counts for each).
pub fn rates(entries: &[&Entry<'_>]) -> (super::rules::Rate, Vec<(String, super::rules::Rate)>) {
    let total = super::rules::rate(entries.iter().map(|e| e.decision));
    let mut each: Vec<(String, super::rules::Rate)> = Vec::new();
    for entry in entries {
        for name in &entry.decision.implementers {
            let at = match each.iter().position(|(n, _)| n == name) {
                Some(at) => at,
                None => {
                    each.push((name.clone(), super::rules::Rate::default()));
                    each.len() - 1
                }
            };
            if entry.decision.status != Status::Dropped {
                each[at].1.counted += 1;
                each[at].1.done += usize::from(entry.decision.status == Status::Done);
            }
        }
    }
    (total, each)
}

/// A status's name.
pub fn status_name(status: Status, lang: Lang) -> &'static str {
    match status {
        Status::Pending => lang.pick("অপেক্ষমাণ", "Pending"),
        Status::InProgress => lang.pick("চলমান", "In progress"),
        Status::Done => lang.pick("বাস্তবায়িত", "Done"),
        Status::Dropped => lang.pick("বাদ", "Dropped"),
    }
}

fn csv_cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_owned() }
}

/// The register as CSV: a byte-order mark, a header row in `lang`, a row per entry.
pub fn to_csv(entries: &[Entry<'_>], lang: Lang) -> String {
    let header = match lang {
        Lang::Bn => ["সভা", "তারিখ", "আলোচ্য বিষয়", "সিদ্ধান্ত নং", "সিদ্ধান্ত", "বাস্তবায়নকারী", "সময়সীমা", "অবস্থা", "সময় পেরিয়েছে", "মন্তব্য", "প্রমাণ"],
        Lang::En => ["Meeting", "Date", "Item", "Decision no.", "Decision", "Implementers", "Deadline", "Status", "Overdue", "Note", "Evidence"],
    };
    let mut out = String::from("\u{feff}");
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for entry in entries {
        let item = &entry.minutes.items[entry.item];
        let cells = [
            entry.minutes.title.clone(),
            entry.minutes.date.map(|d| format_gregorian(d, lang)).unwrap_or_else(|| entry.minutes.date_text.clone()),
            format!("{} {}", item.serial, item.topic),
            entry.serial(),
            entry.decision.text.clone(),
            entry.decision.implementers.join("; "),
            entry.decision.deadline.clone().unwrap_or_default(),
            status_name(entry.decision.status, lang).to_owned(),
            if entry.overdue { lang.pick("হ্যাঁ", "yes") } else { "" }.to_owned(),
            entry.decision.note.clone().unwrap_or_default(),
            entry.decision.evidence.clone().unwrap_or_default(),
        ];
        out.push_str(&cells.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list() -> MinutesList {
        let koyra = crate::minutes::import(include_str!("../../../../tests/fixtures/minutes-koyra-upazila-ict-2022-09.txt")).minutes;
        let dpe = crate::minutes::import(include_str!("../../../../tests/fixtures/minutes-dpe-egov-innovation-2023-12.txt")).minutes;
        MinutesList { minutes: vec![ListedMinutes { id: 2, minutes: dpe }, ListedMinutes { id: 1, minutes: koyra }] }
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn every_decision_of_every_meeting_with_where_it_is() {
        let list = list();
        let entries = register(&list, day(2024, 2, 1));
        let dpe = entries.iter().filter(|e| e.meeting == 2).count();
        assert_eq!(dpe, 11);
        assert_eq!(entries.len() - dpe, entries.iter().filter(|e| e.meeting == 1).count());
        let third = entries.iter().find(|e| e.meeting == 1 && e.item == 2).unwrap();
        assert_eq!(third.serial(), "৩.০/১", "a decision without its own serial is named by its item");
        // On 1 February 2024 the 15 January deadlines have passed; February's has not.
        let overdue: Vec<String> = entries.iter().filter(|e| e.overdue).map(Entry::serial).collect();
        assert!(overdue.contains(&"১.৩.১".to_owned()) && !overdue.contains(&"২.২.১".to_owned()), "{overdue:?}");
    }

    #[test]
    fn filters_by_implementer_status_overdue_and_body() {
        let mut list = list();
        list.minutes[1].minutes.items[2].decisions[0].status = Status::Done;
        let entries = register(&list, day(2024, 2, 1));
        let keep = |filter: Filter| entries.iter().filter(|e| filter.keeps(e)).count();
        assert_eq!(keep(Filter { implementer: Some("উপপরিচালক (সংস্থাপন)".into()), ..Filter::default() }), 3);
        assert_eq!(keep(Filter { status: Some(Status::Done), ..Filter::default() }), 1);
        assert_eq!(
            keep(Filter { body: Some("কয়রা উপজেলা".into()), status: Some(Status::Pending), ..Filter::default() }),
            entries.iter().filter(|e| e.meeting == 1).count() - 1
        );
        assert!(keep(Filter { overdue_only: true, ..Filter::default() }) >= 2);
        assert!(implementers(&entries).contains(&"দায়িত্বপ্রাপ্ত মেন্টরগণ"));
    }

    #[test]
    fn rates_over_the_register_and_per_implementer() {
        let mut list = list();
        list.minutes[0].minutes.items[1].decisions[0].status = Status::Done;
        let entries = register(&list, day(2024, 2, 1));
        let dpe: Vec<&Entry> = entries.iter().filter(|e| e.meeting == 2).collect();
        let (total, each) = rates(&dpe);
        assert_eq!((total.done, total.counted), (1, 11));
        let deputy = each.iter().find(|(n, _)| n == "উপপরিচালক (সংস্থাপন)").map(|(_, r)| *r).unwrap();
        assert_eq!((deputy.done, deputy.counted), (1, 3), "the budget decision is one of the deputy director's three");
    }

    #[test]
    fn the_csv_has_a_bom_a_header_and_quoted_cells() {
        let list = list();
        let entries = register(&list, day(2024, 2, 1));
        let csv = to_csv(&entries, Lang::Bn);
        assert!(csv.starts_with("\u{feff}সভা,তারিখ,আলোচ্য বিষয়,"));
        // Read back as a spreadsheet would (quoted cells may hold line breaks): a header and a row per decision.
        let mut rest = csv.trim_start_matches('\u{feff}');
        let mut rows = Vec::new();
        while !rest.is_empty() {
            let row = crate::table_text::next_row(rest, ',');
            rest = &rest[row.bytes..];
            rows.push(row.cells);
        }
        assert_eq!(rows.len(), entries.len() + 1);
        assert!(rows.iter().all(|r| r.len() == 11), "every row has every column");
        assert!(csv.contains("\"প্রাথমিক শিক্ষা অধিদপ্তরের অনলাইনভিত্তিক ২টি সেবা সহজিকরণের সিদ্ধান্ত গৃহীত হয়। সেবাগুলো হলো:\nক)"), "a cell with a line break is quoted");
        assert!(csv.contains(",হ্যাঁ,"), "overdue said in words");
    }
}
