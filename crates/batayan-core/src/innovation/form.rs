//! The entry form as data: its sections and fields, each named by the JSON Pointer of what it fills in
//! the entry, and the draft a person types (`EntryDraft`: every field's text as typed, kept in the
//! browser), read into an [`Entry`] with a finding at each field that does not read.
//!
//! The widget renders these fields and nothing else, so the form, the draft, the error summary and
//! the host's 422 errors all name a field the same way (`/innovator/mobile`). Text that does not read
//! (`১২ক` visits) stays in the draft as typed, with its error: nothing typed is lost or guessed.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::contract::INNOVATION_ENTRY_SCHEMA;
use crate::finding::{Finding, Severity};
use crate::locale::{Decimal, FiscalYear, Lang, Message, parse_date, parse_number};

use super::entry::{Case, Category, Entry, Figures, Level, Person, TimeUnit, Timed};

/// What a field holds, and so how its text is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One line of text.
    Text,
    /// Paragraphs.
    LongText,
    /// A whole number ≥ 0 (visits, steps, cases a year), in Bangla or ASCII digits.
    Count,
    /// An exact amount (taka, or a time's amount): `১,২৫০.৫০`.
    Amount,
    /// A Bangladeshi mobile number, in any of the ways people write one.
    Mobile,
    Email,
    /// A date in any form people write (`১৫ সেপ্টেম্বর ২০২৪`, `15/09/2024`).
    Date,
    /// `২০২৪-২৫`.
    FiscalYear,
    /// One of a list.
    Choice(Choices),
    /// Web addresses, one per line.
    Links,
}

/// The lists a choice field offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choices {
    Level,
    Category,
    TimeUnit,
    Figures,
}

impl Choices {
    /// `(value, Bangla, English)` per option, in the order shown.
    pub fn options(self) -> Vec<(&'static str, &'static str, &'static str)> {
        match self {
            Choices::Level => Level::ALL.iter().map(|l| (l.key(), l.name(Lang::Bn), l.name(Lang::En))).collect(),
            Choices::Category => Category::ALL.iter().map(|c| (c.key(), c.name(Lang::Bn), c.name(Lang::En))).collect(),
            Choices::TimeUnit => vec![("days", "দিন", "days"), ("hours", "ঘণ্টা", "hours")],
            Choices::Figures => vec![("claimed", "দাবিকৃত (দলের হিসাব)", "Claimed (the team's figures)"), ("verified", "যাচাইকৃত", "Verified")],
        }
    }

    /// What an untouched choice holds (`None`: the person must choose).
    fn default_value(self) -> Option<&'static str> {
        match self {
            Choices::Level | Choices::Category => None,
            Choices::TimeUnit => Some("days"),
            Choices::Figures => Some("claimed"),
        }
    }
}

/// One field of the form.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    /// The JSON Pointer of what it fills (`/before/time/amount`): the field's id, its draft key and
    /// where findings about it land.
    pub path: &'static str,
    pub label: (&'static str, &'static str),
    /// A line under the label: an example, a unit.
    pub hint: Option<(&'static str, &'static str)>,
    pub kind: Kind,
    /// Marked "required" on the form (the rule itself is in `validate` or in reading the field).
    pub required: bool,
}

impl Field {
    pub fn label(&self, lang: Lang) -> &'static str {
        lang.pick(self.label.0, self.label.1)
    }

    pub fn hint(&self, lang: Lang) -> Option<&'static str> {
        self.hint.map(|(bn, en)| lang.pick(bn, en))
    }
}

/// A titled group of fields (a fieldset on the form, a heading on the review).
#[derive(Clone, Copy, Debug)]
pub struct Section {
    pub key: &'static str,
    pub title: (&'static str, &'static str),
    pub fields: &'static [Field],
}

impl Section {
    pub fn title(&self, lang: Lang) -> &'static str {
        lang.pick(self.title.0, self.title.1)
    }
}

const fn field(path: &'static str, bn: &'static str, en: &'static str, kind: Kind, required: bool) -> Field {
    Field { path, label: (bn, en), hint: None, kind, required }
}

const fn hinted(path: &'static str, label: (&'static str, &'static str), hint: (&'static str, &'static str), kind: Kind, required: bool) -> Field {
    Field { path, label, hint: Some(hint), kind, required }
}

const MOBILE_HINT: (&str, &str) = ("যেমন ০১৭১১-২২৩৩৪৪", "e.g. 01711-223344");

macro_rules! person {
    ($role:literal, $mobile_required:expr) => {
        [
            field(concat!("/", $role, "/name"), "নাম", "Name", Kind::Text, true),
            field(concat!("/", $role, "/designation"), "পদবি", "Designation", Kind::Text, false),
            hinted(concat!("/", $role, "/mobile"), ("মোবাইল নম্বর", "Mobile number"), MOBILE_HINT, Kind::Mobile, $mobile_required),
            field(concat!("/", $role, "/email"), "ই-মেইল (ঐচ্ছিক)", "Email (optional)", Kind::Email, false),
        ]
    };
}

macro_rules! case {
    ($side:literal) => {
        [
            hinted(concat!("/", $side, "/time/amount"), ("সময়", "Time"), ("একটি সেবা পেতে নাগরিকের যত সময় লাগে", "How long one case takes the citizen"), Kind::Amount, false),
            field(concat!("/", $side, "/time/unit"), "সময়ের একক", "Unit of time", Kind::Choice(Choices::TimeUnit), false),
            hinted(concat!("/", $side, "/cost"), ("খরচ (টাকা)", "Cost (taka)"), ("যাতায়াতসহ নাগরিকের মোট খরচ", "The citizen's whole cost, travel included"), Kind::Amount, false),
            hinted(concat!("/", $side, "/visits"), ("যাতায়াত (বার)", "Visits"), ("অফিসে কতবার আসতে হয়", "Times the citizen comes to an office"), Kind::Count, false),
            field(concat!("/", $side, "/steps"), "ধাপ (ঐচ্ছিক)", "Steps (optional)", Kind::Count, false),
            field(concat!("/", $side, "/documents"), "কাগজপত্র (ঐচ্ছিক)", "Documents (optional)", Kind::Count, false),
        ]
    };
}

const ABOUT: [Field; 7] = [
    field("/title", "উদ্ভাবনের নাম", "Name of the innovation", Kind::Text, true),
    hinted(
        "/office",
        ("দপ্তর", "Office"),
        ("যেমন জেলা কার্যালয়, তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর, সিলেট", "e.g. District office, ICT Department, Sylhet"),
        Kind::Text,
        true,
    ),
    hinted("/fiscal_year", ("অর্থবছর", "Fiscal year"), ("যেমন ২০২৪-২৫", "e.g. 2024-25"), Kind::FiscalYear, true),
    field("/level", "স্তর", "Level", Kind::Choice(Choices::Level), true),
    field("/category", "ধরন", "Category", Kind::Choice(Choices::Category), true),
    hinted(
        "/started",
        ("চালুর তারিখ (ঐচ্ছিক)", "Started on (optional)"),
        ("যেমন ১৫ সেপ্টেম্বর ২০২৪ বা ১৫/০৯/২০২৪", "e.g. 15 September 2024 or 15/09/2024"),
        Kind::Date,
        false,
    ),
    field("/figures", "TCV-এর হিসাব", "TCV figures", Kind::Choice(Choices::Figures), false),
];

const IDEA: [Field; 5] = [
    field("/problem", "সমস্যা", "The problem", Kind::LongText, true),
    field("/solution", "সমাধান", "The solution", Kind::LongText, true),
    field("/beneficiaries", "উপকারভোগী", "Who benefits", Kind::LongText, false),
    hinted(
        "/yearly_volume",
        ("বছরে সেবার সংখ্যা", "Cases a year"),
        ("বছরে কতজন এই সেবা নেন: বছরের সাশ্রয় এ থেকে হিসাব হয়", "How many use it a year: the year's savings are counted from it"),
        Kind::Count,
        false,
    ),
    hinted(
        "/links",
        ("লিংক (ঐচ্ছিক)", "Links (optional)"),
        ("ভিডিও বা নথির ঠিকানা, প্রতি লাইনে একটি", "A video or documents, one address per line"),
        Kind::Links,
        false,
    ),
];

const INNOVATOR: [Field; 4] = person!("innovator", true);
const IMPLEMENTER: [Field; 4] = person!("implementer", false);
const MENTOR: [Field; 4] = person!("mentor", false);
const BEFORE: [Field; 6] = case!("before");
const AFTER: [Field; 6] = case!("after");

/// The form, in order.
pub const SECTIONS: [Section; 7] = [
    Section { key: "about", title: ("উদ্ভাবন", "The innovation"), fields: &ABOUT },
    Section { key: "idea", title: ("সমস্যা ও সমাধান", "Problem and solution"), fields: &IDEA },
    Section { key: "innovator", title: ("উদ্ভাবক", "Innovator"), fields: &INNOVATOR },
    Section { key: "implementer", title: ("বাস্তবায়নকারী", "Implementer"), fields: &IMPLEMENTER },
    Section { key: "mentor", title: ("মেন্টর", "Mentor"), fields: &MENTOR },
    Section {
        key: "before", title: ("উদ্ভাবনের আগে (একটি সেবা)", "Before the innovation (one case)"), fields: &BEFORE
    },
    Section { key: "after", title: ("উদ্ভাবনের পরে (একটি সেবা)", "After the innovation (one case)"), fields: &AFTER },
];

/// Every field, in the order of the form.
pub fn fields() -> impl Iterator<Item = &'static Field> {
    SECTIONS.iter().flat_map(|s| s.fields.iter())
}

/// The field at `path`, or the one a finding deeper inside it belongs to (`/links/2` → `/links`).
pub fn field_for(path: &str) -> Option<&'static Field> {
    fields().filter(|f| path == f.path || path.starts_with(&format!("{}/", f.path))).max_by_key(|f| f.path.len())
}

/// What a person has typed, field by field (by JSON Pointer), exactly as typed: the entry form's
/// draft in the browser. Untouched fields are absent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntryDraft {
    texts: BTreeMap<String, String>,
}

/// A draft read: the entry as far as it reads, and every finding, in the order of the form.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftRead {
    pub entry: Entry,
    pub findings: Vec<Finding>,
}

impl EntryDraft {
    /// The text typed at `path`, or the field's default (a choice's preset), or "".
    pub fn text(&self, path: &str) -> &str {
        if let Some(text) = self.texts.get(path) {
            return text;
        }
        match field_for(path).map(|f| f.kind) {
            Some(Kind::Choice(choices)) => choices.default_value().unwrap_or(""),
            _ => "",
        }
    }

    pub fn set(&mut self, path: &str, text: &str) {
        self.texts.insert(path.to_owned(), text.to_owned());
    }

    /// Whether nothing has been typed.
    pub fn is_empty(&self) -> bool {
        self.texts.values().all(|t| t.trim().is_empty())
    }

    /// A draft holding what `entry` says (to edit an entry again, and in tests).
    pub fn from_entry(entry: &Entry) -> EntryDraft {
        let mut draft = EntryDraft::default();
        let count = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
        let texts = [
            ("/title", entry.title.clone()),
            ("/office", entry.office.clone()),
            ("/fiscal_year", entry.fiscal_year.code()),
            ("/level", entry.level.key().to_owned()),
            ("/category", entry.category.key().to_owned()),
            ("/started", entry.started.map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default()),
            ("/figures", if entry.figures == Figures::Verified { "verified" } else { "claimed" }.to_owned()),
            ("/problem", entry.problem.clone()),
            ("/solution", entry.solution.clone()),
            ("/beneficiaries", entry.beneficiaries.clone()),
            ("/yearly_volume", count(entry.yearly_volume)),
            ("/links", entry.links.join("\n")),
        ];
        for (path, text) in texts {
            draft.set(path, &text);
        }
        for (role, person) in [("innovator", &entry.innovator), ("implementer", &entry.implementer), ("mentor", &entry.mentor)] {
            draft.set(&format!("/{role}/name"), &person.name);
            draft.set(&format!("/{role}/designation"), &person.designation);
            draft.set(&format!("/{role}/mobile"), &person.mobile);
            draft.set(&format!("/{role}/email"), person.email.as_deref().unwrap_or(""));
        }
        for (side, case) in [("before", &entry.before), ("after", &entry.after)] {
            let at = |name: &str| format!("/{side}/{name}");
            draft.set(&at("time/amount"), &case.time.map(|t| t.amount.plain()).unwrap_or_default());
            draft.set(&at("time/unit"), if case.time.is_some_and(|t| t.unit == TimeUnit::Hours) { "hours" } else { "days" });
            draft.set(&at("cost"), &case.cost.map(Decimal::plain).unwrap_or_default());
            draft.set(&at("visits"), &count(case.visits.map(u64::from)));
            draft.set(&at("steps"), &count(case.steps.map(u64::from)));
            draft.set(&at("documents"), &count(case.documents.map(u64::from)));
        }
        draft
    }

    /// Reads the draft into an entry: each field by its kind, a finding where it does not read, then
    /// the entry's own checks (`validate`). The entry holds a placeholder where a field did not read;
    /// it is sent only when no finding is an error.
    pub fn read(&self) -> DraftRead {
        let mut reader = Reader { draft: self, findings: Vec::new() };
        let entry = reader.entry();
        let unread: Vec<String> = reader.findings.iter().map(|f| f.path.clone()).collect();
        let mut findings = reader.findings;
        findings.extend(super::validate(&entry).into_iter().filter(|f| !unread.contains(&f.path)));
        let position = |f: &Finding| fields().position(|field| field_for(&f.path).is_some_and(|g| g.path == field.path)).unwrap_or(usize::MAX);
        findings.sort_by_key(position);
        DraftRead { entry, findings }
    }
}

struct Reader<'a> {
    draft: &'a EntryDraft,
    findings: Vec<Finding>,
}

impl Reader<'_> {
    fn error(&mut self, path: &str, message: Message) {
        self.findings.push(Finding::new(path, Severity::Error, message));
    }

    fn text(&self, path: &str) -> String {
        self.draft.text(path).trim().to_owned()
    }

    fn optional_text(&self, path: &str) -> Option<String> {
        Some(self.text(path)).filter(|t| !t.is_empty())
    }

    fn amount(&mut self, path: &str) -> Option<Decimal> {
        let text = self.optional_text(path)?;
        Decimal::parse(&text).map_err(|e| self.error(path, e.message())).ok()
    }

    fn count<T: TryFrom<u64>>(&mut self, path: &str) -> Option<T> {
        let text = self.optional_text(path)?;
        let not_whole = Message::new(format!("“{text}” পূর্ণসংখ্যা নয়: ০, ১, ২… লিখুন।"), format!("“{text}” is not a whole number: write 0, 1, 2…"));
        match parse_number(&text) {
            Ok(n) if n >= 0.0 && n.fract() == 0.0 && n <= 1e15 => T::try_from(n as u64).map_err(|_| self.error(path, not_whole)).ok(),
            Ok(_) => {
                self.error(path, not_whole);
                None
            }
            Err(e) => {
                self.error(path, e.message());
                None
            }
        }
    }

    fn choice<T>(&mut self, path: &str, parse: fn(&str) -> Option<T>, required: bool) -> Option<T> {
        let text = self.text(path);
        if text.is_empty() {
            if required {
                self.error(path, Message::new("একটি বেছে নিন।", "Choose one."));
            }
            return None;
        }
        let value = parse(&text);
        if value.is_none() {
            self.error(path, Message::new(format!("“{text}” তালিকায় নেই।"), format!("“{text}” is not one of the choices.")));
        }
        value
    }

    fn person(&mut self, role: &str) -> Person {
        let at = |name: &str| format!("/{role}/{name}");
        Person {
            name: self.text(&at("name")),
            designation: self.text(&at("designation")),
            mobile: self.text(&at("mobile")),
            email: self.optional_text(&at("email")),
        }
    }

    fn case(&mut self, side: &str) -> Case {
        let at = |name: &str| format!("/{side}/{name}");
        let unit = self.choice(
            &at("time/unit"),
            |t| match t {
                "days" => Some(TimeUnit::Days),
                "hours" => Some(TimeUnit::Hours),
                _ => None,
            },
            false,
        );
        let amount = self.amount(&at("time/amount"));
        Case {
            time: amount.map(|amount| Timed { amount, unit: unit.unwrap_or(TimeUnit::Days) }),
            cost: self.amount(&at("cost")),
            visits: self.count(&at("visits")),
            steps: self.count(&at("steps")),
            documents: self.count(&at("documents")),
        }
    }

    fn entry(&mut self) -> Entry {
        let fiscal_year = match self.optional_text("/fiscal_year") {
            None => {
                self.error("/fiscal_year", Message::new("অর্থবছর লিখুন, যেমন ২০২৪-২৫।", "Write the fiscal year, e.g. 2024-25."));
                None
            }
            Some(text) => FiscalYear::parse(&text).map_err(|e| self.error("/fiscal_year", e.message())).ok(),
        };
        let started = match self.optional_text("/started") {
            None => None,
            Some(text) => parse_date(&text).map(|d| d.date).map_err(|e| self.error("/started", e.message())).ok(),
        };
        if self.text("/office").is_empty() {
            self.error("/office", Message::new("দপ্তরের নাম লিখুন।", "Write the office's name."));
        }
        let level = self.choice("/level", Level::from_text, true);
        let category = self.choice("/category", Category::from_text, true);
        let figures = self.choice(
            "/figures",
            |t| match t {
                "claimed" => Some(Figures::Claimed),
                "verified" => Some(Figures::Verified),
                _ => None,
            },
            false,
        );
        let yearly_volume = self.count("/yearly_volume");
        let links = self.text("/links").lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
        Entry {
            schema: INNOVATION_ENTRY_SCHEMA.to_owned(),
            office: self.text("/office"),
            // A placeholder where the year did not read: the finding above keeps the entry from being sent.
            fiscal_year: fiscal_year.unwrap_or_else(|| FiscalYear::containing(chrono::NaiveDate::default())),
            title: self.text("/title"),
            level: level.unwrap_or(Level::Upazila),
            category: category.unwrap_or(Category::Idea),
            problem: self.text("/problem"),
            solution: self.text("/solution"),
            beneficiaries: self.text("/beneficiaries"),
            yearly_volume,
            innovator: self.person("innovator"),
            implementer: self.person("implementer"),
            mentor: self.person("mentor"),
            before: self.case("before"),
            after: self.case("after"),
            figures: figures.unwrap_or_default(),
            started,
            links,
        }
    }
}

#[cfg(test)]
mod tests;
