//! What is wrong with an entry, each finding at its JSON Pointer: required fields and lengths, mobile
//! numbers, amounts below zero, links that are not links, a start date outside the fiscal year
//! (errors); an "after" worse than "before", or no TCV figure at all (warnings: possible, but rarely meant).

use crate::contract::{INNOVATION_ENTRY_SCHEMA, json_pointer};
use crate::finding::{Finding, Severity};
use crate::locale::{Lang, Message, MobileNumber, format_gregorian};

use super::entry::{Case, Entry, Person};

/// The longest a title may be, and a text field (problem, solution, beneficiaries).
const TITLE_MAX: usize = 200;
const TEXT_MAX: usize = 3000;

/// Every finding about `entry`, in the order of the form.
pub fn validate(entry: &Entry) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut error = |path: &str, bn: String, en: String| out.push(Finding::new(path, Severity::Error, Message::new(bn, en)));
    if entry.schema != INNOVATION_ENTRY_SCHEMA {
        error("/schema", format!("এটি উদ্ভাবনের এন্ট্রি নয় (“{}”)।", entry.schema), format!("This is not an innovation entry (“{}”).", entry.schema));
    }
    let required = [
        ("/title", &entry.title, "উদ্ভাবনের নাম", "the innovation's name"),
        ("/problem", &entry.problem, "সমস্যা", "the problem"),
        ("/solution", &entry.solution, "সমাধান", "the solution"),
    ];
    for (path, text, bn, en) in required {
        if text.trim().is_empty() {
            error(path, format!("{bn} লিখুন।"), format!("Write {en}."));
        }
    }
    let long = [
        ("/title", &entry.title, TITLE_MAX),
        ("/problem", &entry.problem, TEXT_MAX),
        ("/solution", &entry.solution, TEXT_MAX),
        ("/beneficiaries", &entry.beneficiaries, TEXT_MAX),
    ];
    for (path, text, max) in long {
        let count = text.chars().count();
        if count > max {
            let (n, m) = (count.to_string(), max.to_string());
            error(
                path,
                format!("লেখাটি {} অক্ষরের; {}টির বেশি নয়।", crate::locale::to_bangla_digits(&n), crate::locale::to_bangla_digits(&m)),
                format!("The text has {n} characters; at most {m}."),
            );
        }
    }
    for (field, person, mobile_required) in
        [("innovator", &entry.innovator, true), ("implementer", &entry.implementer, false), ("mentor", &entry.mentor, false)]
    {
        out.extend(check_person(field, person, mobile_required));
    }
    for (side, case) in [("before", &entry.before), ("after", &entry.after)] {
        out.extend(check_case(side, case));
    }
    out.extend(compare_cases(entry));
    if let Some(started) = entry.started
        && !entry.fiscal_year.contains(started)
    {
        out.push(Finding::new(
            "/started",
            Severity::Error,
            Message::new(
                format!("শুরুর তারিখ {} অর্থবছর {}-এর বাইরে।", format_gregorian(started, Lang::Bn), entry.fiscal_year.label(Lang::Bn)),
                format!("The start date {} lies outside fiscal year {}.", format_gregorian(started, Lang::En), entry.fiscal_year.label(Lang::En)),
            ),
        ));
    }
    for (i, link) in entry.links.iter().enumerate() {
        let lower = link.trim().to_ascii_lowercase();
        if !(lower.starts_with("https://") || lower.starts_with("http://")) || lower.len() < 11 {
            out.push(Finding::new(
                json_pointer(["links", &i.to_string()]),
                Severity::Error,
                Message::new(
                    format!("“{link}” কোনো লিংক নয়: https:// দিয়ে শুরু হওয়া ঠিকানা দিন।"),
                    format!("“{link}” is not a link: give an address starting with https://."),
                ),
            ));
        }
    }
    out
}

/// Role names as the messages need them: the Bangla in the genitive (উদ্ভাবকের, not উদ্ভাবক-এর).
fn role(field: &str, lang: Lang) -> &'static str {
    match field {
        "innovator" => lang.pick("উদ্ভাবকের", "The innovator"),
        "implementer" => lang.pick("বাস্তবায়নকারীর", "The implementer"),
        _ => lang.pick("মেন্টরের", "The mentor"),
    }
}

fn check_person(field: &str, person: &Person, mobile_required: bool) -> Vec<Finding> {
    let mut out = Vec::new();
    let (bn, en) = (role(field, Lang::Bn), role(field, Lang::En));
    if person.name.trim().is_empty() {
        out.push(Finding::new(json_pointer([field, "name"]), Severity::Error, Message::new(format!("{bn} নাম লিখুন।"), format!("{en}'s name is missing."))));
    }
    let mobile = person.mobile.trim();
    if mobile.is_empty() {
        if mobile_required {
            out.push(Finding::new(
                json_pointer([field, "mobile"]),
                Severity::Error,
                Message::new(format!("{bn} মোবাইল নম্বর লিখুন।"), format!("{en}'s mobile number is missing.")),
            ));
        }
    } else if let Err(e) = MobileNumber::parse(mobile) {
        out.push(Finding::new(json_pointer([field, "mobile"]), Severity::Error, e.message()));
    }
    if let Some(email) = person.email.as_deref().map(str::trim).filter(|e| !e.is_empty()) {
        let plausible =
            email.split_once('@').is_some_and(|(user, host)| !user.is_empty() && host.contains('.') && !host.starts_with('.') && !host.ends_with('.'));
        if !plausible || email.contains(char::is_whitespace) {
            out.push(Finding::new(
                json_pointer([field, "email"]),
                Severity::Error,
                Message::new(format!("“{email}” কোনো ই-মেইল ঠিকানা নয়।"), format!("“{email}” is not an email address.")),
            ));
        }
    }
    out
}

fn check_case(side: &str, case: &Case) -> Vec<Finding> {
    let mut out = Vec::new();
    let negative = |path: String, out: &mut Vec<Finding>| {
        out.push(Finding::new(path, Severity::Error, Message::new("পরিমাণ শূন্যের কম হতে পারে না।", "An amount cannot be below zero.")));
    };
    if case.time.is_some_and(|t| t.amount.is_negative()) {
        negative(json_pointer([side, "time", "amount"]), &mut out);
    }
    if case.cost.is_some_and(|c| c.is_negative()) {
        negative(json_pointer([side, "cost"]), &mut out);
    }
    out
}

/// "After" worse than "before" in a dimension, and an entry without any TCV figure: warnings.
fn compare_cases(entry: &Entry) -> Vec<Finding> {
    let (b, a) = (&entry.before, &entry.after);
    let mut out = Vec::new();
    let mut worse = |path: &str, bn: &str, en: &str| {
        out.push(Finding::new(
            path,
            Severity::Warning,
            Message::new(
                format!("উদ্ভাবনের পরে {bn} আগের চেয়ে বেশি — ঠিক লেখা হয়েছে তো?"),
                format!("After the innovation the {en} is higher than before — is that right?"),
            ),
        ));
    };
    if let (Some(before), Some(after)) = (b.time, a.time)
        && after.hours() > before.hours()
    {
        worse("/after/time/amount", "সময়", "time");
    }
    if let (Some(before), Some(after)) = (b.cost, a.cost)
        && after.compare(before) == std::cmp::Ordering::Greater
    {
        worse("/after/cost", "খরচ", "cost");
    }
    if let (Some(before), Some(after)) = (b.visits, a.visits)
        && after > before
    {
        worse("/after/visits", "যাতায়াত", "number of visits");
    }
    let figures = |c: &Case| c.time.is_some() || c.cost.is_some() || c.visits.is_some();
    if !figures(b) || !figures(a) {
        out.push(Finding::new(
            if figures(b) { "/after" } else { "/before" },
            Severity::Warning,
            Message::new(
                "আগে ও পরের সময়, খরচ বা যাতায়াতের অন্তত একটি হিসাব দিন (TCV): বিচারকরা এর ওপর নম্বর দেন।",
                "Give at least one of time, cost or visits before and after (TCV): the judges mark on it.",
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::innovation::entry::Entry;

    fn enothi() -> Entry {
        serde_json::from_str(include_str!("../../../../tests/fixtures/innovation-entry-enothi.json")).unwrap()
    }

    fn at(findings: &[Finding]) -> Vec<(&str, Severity)> {
        findings.iter().map(|f| (f.path.as_str(), f.severity)).collect()
    }

    #[test]
    fn the_fixture_is_a_sound_entry() {
        assert_eq!(validate(&enothi()), []);
    }

    #[test]
    fn each_mistake_is_said_at_its_field() {
        let mut e = enothi();
        e.title = "  ".into();
        e.innovator.mobile = "০১২৩৪৫".into();
        e.implementer.email = Some("taslima@".into());
        e.mentor.name = String::new();
        e.before.cost = Some(crate::locale::Decimal::parse("-5").unwrap());
        e.after.visits = Some(5);
        e.started = chrono::NaiveDate::from_ymd_opt(2024, 6, 30);
        e.links.push("www.example.com".into());
        let findings = validate(&e);
        assert_eq!(
            at(&findings),
            [
                ("/title", Severity::Error),
                ("/innovator/mobile", Severity::Error),
                ("/implementer/email", Severity::Error),
                ("/mentor/name", Severity::Error),
                ("/before/cost", Severity::Error),
                ("/after/cost", Severity::Warning), // 0 after -5: "worse", as the figures stand
                ("/after/visits", Severity::Warning),
                ("/started", Severity::Error),
                ("/links/1", Severity::Error),
            ]
        );
        assert!(findings[7].message.en.contains("30 June 2024 lies outside fiscal year 2024-25"), "{:?}", findings[7].message);
        assert!(findings[6].message.bn.contains("যাতায়াত আগের চেয়ে বেশি"));
    }

    #[test]
    fn a_mobile_in_bangla_digits_with_the_country_code_reads_and_a_missing_one_is_said() {
        let mut e = enothi();
        e.innovator.mobile = "(+৮৮০) ১৭১১-২২৩৩৪৪".into();
        assert_eq!(validate(&e), []);
        e.innovator.mobile = String::new();
        assert_eq!(at(&validate(&e)), [("/innovator/mobile", Severity::Error)]);
    }

    #[test]
    fn an_entry_without_tcv_figures_is_a_warning_not_an_error() {
        let mut e = enothi();
        (e.before, e.after) = (Case::default(), Case::default());
        assert_eq!(at(&validate(&e)), [("/before", Severity::Warning)]);
    }
}
