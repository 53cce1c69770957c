//! Dates in the forms the documents use: `১৯/০৯/২০২২`, `১২.১২.২৩`, `১২-১২-২০২১`, `২৭ ডিসেম্বর ২০২৩`,
//! `জুলাই ১, ২০২৪`, `১২ পৌষ ১৪৩০`, ISO `2023-12-27`, with an optional `খ্রি.` / `বঙ্গাব্দ` and weekday.
//!
//! Numeric dates are day first, as everywhere in Bangladesh. A four-digit year from 1300 to 1599 is a
//! Bangla year, and its month number a Bangla month (`১৫-০৪-১৪২০` is 15 শ্রাবণ 1420, `১৪২৫/১২/৩০` is
//! 30 চৈত্র 1425): no Gregorian document of ours is dated in those centuries. An impossible date
//! (৩১/০২/২০২৩) or an ambiguous one (mixed separators, a Bangla year with a Gregorian month name) is an
//! error, never a guess.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::calendar::{BanglaDate, BanglaMonth};
use super::digits::{normalize_bangla, to_ascii_digits};
use super::{Lang, Message, digits_for};

/// Which calendar a date was written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Calendar {
    Gregorian,
    Bangla,
}

/// A day read from text, and the calendar it was written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParsedDate {
    pub date: NaiveDate,
    pub written_in: Calendar,
}

/// Why a text is not a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    Empty,
    /// Not in any of the forms above.
    Unrecognised {
        input: String,
    },
    /// Readable in more than one way.
    Ambiguous {
        input: String,
        reason: Message,
    },
    /// In a known form, but no such day exists.
    Impossible {
        input: String,
        reason: Message,
    },
}

impl DateError {
    pub fn message(&self) -> Message {
        match self {
            DateError::Empty => Message::new("একটি তারিখ লিখুন।", "Enter a date."),
            DateError::Unrecognised { input } => Message::new(
                format!("“{input}” তারিখ হিসেবে পড়া যায়নি। লিখুন যেমন ২৭/১২/২০২৩, ২৭ ডিসেম্বর ২০২৩ বা ১২ পৌষ ১৪৩০।"),
                format!("“{input}” could not be read as a date. Write e.g. 27/12/2023, 27 December 2023 or 12 Poush 1430."),
            ),
            DateError::Ambiguous { input, reason } => {
                Message::new(format!("“{input}” একাধিকভাবে পড়া যায়: {}", reason.bn), format!("“{input}” can be read more than one way: {}", reason.en))
            }
            DateError::Impossible { input, reason } => {
                Message::new(format!("“{input}” কোনো বৈধ তারিখ নয়: {}", reason.bn), format!("“{input}” is not a real date: {}", reason.en))
            }
        }
    }
}

const GREGORIAN_MONTHS: [(&str, &str); 12] = [
    ("জানুয়ারি", "January"),
    ("ফেব্রুয়ারি", "February"),
    ("মার্চ", "March"),
    ("এপ্রিল", "April"),
    ("মে", "May"),
    ("জুন", "June"),
    ("জুলাই", "July"),
    ("আগস্ট", "August"),
    ("সেপ্টেম্বর", "September"),
    ("অক্টোবর", "October"),
    ("নভেম্বর", "November"),
    ("ডিসেম্বর", "December"),
];

/// Other spellings of the Gregorian months seen in Bangla documents.
const GREGORIAN_ALIASES: [(&str, u32); 10] =
    [("জানুয়ারী", 1), ("ফেব্রুয়ারী", 2), ("ফেব্রুআরি", 2), ("আগষ্ট", 8), ("অগাস্ট", 8), ("সেপ্টেম্বার", 9), ("অক্টোবার", 10), ("নভেম্বার", 11), ("ডিসেম্বার", 12), ("জুলায়", 7)];

const WEEKDAYS: [(Weekday, &str, &str); 7] = [
    (Weekday::Sun, "রবিবার", "Sunday"),
    (Weekday::Mon, "সোমবার", "Monday"),
    (Weekday::Tue, "মঙ্গলবার", "Tuesday"),
    (Weekday::Wed, "বুধবার", "Wednesday"),
    (Weekday::Thu, "বৃহস্পতিবার", "Thursday"),
    (Weekday::Fri, "শুক্রবার", "Friday"),
    (Weekday::Sat, "শনিবার", "Saturday"),
];

/// `বুধবার` / `Wednesday`.
pub fn weekday_name(day: Weekday, lang: Lang) -> &'static str {
    let (_, bn, en) = WEEKDAYS.iter().find(|(w, _, _)| *w == day).copied().unwrap_or(WEEKDAYS[0]);
    match lang {
        Lang::Bn => bn,
        Lang::En => en,
    }
}

/// `২৭ ডিসেম্বর ২০২৩` / `27 December 2023`.
pub fn format_gregorian(date: NaiveDate, lang: Lang) -> String {
    let (bn, en) = GREGORIAN_MONTHS[date.month0() as usize];
    let month = if lang == Lang::Bn { bn } else { en };
    digits_for(lang, &format!("{} {month} {}", date.day(), date.year()))
}

/// Reads a date written in any of the forms of the module documentation.
pub fn parse_date(input: &str) -> Result<ParsedDate, DateError> {
    let shown = input.trim();
    if shown.is_empty() {
        return Err(DateError::Empty);
    }
    let text = strip_era_suffix(&to_ascii_digits(&normalize_bangla(shown)));
    if text.is_empty() {
        return Err(DateError::Unrecognised { input: shown.to_owned() });
    }
    if text.chars().all(|c| c.is_ascii_digit() || matches!(c, '/' | '.' | '-')) { parse_numeric(shown, &text) } else { parse_words(shown, &text) }
}

/// Drops `খ্রি.`, `খ্রিস্টাব্দ`, `বঙ্গাব্দ`, `ইং`, `AD` and the like, and trailing punctuation (`।`).
fn strip_era_suffix(text: &str) -> String {
    const SUFFIXES: [&str; 10] = ["খ্রিস্টাব্দ", "খ্রিষ্টাব্দ", "খ্রীস্টাব্দ", "বঙ্গাব্দ", "খ্রিঃ", "খ্রি", "খ্রী", "ইং", "বাং", "AD"];
    let trim = |s: &str| s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '।' | ',' | ';')).to_owned();
    let mut text = trim(text.trim());
    // A dot ends `খ্রি.`; a numeric date like `১২.১২.২৩` never ends in one.
    text = trim(text.trim_end_matches('.'));
    for suffix in SUFFIXES {
        let normalized = normalize_bangla(suffix);
        if let Some(rest) = text.strip_suffix(normalized.as_str()) {
            text = trim(rest.trim_end_matches('.'));
            break;
        }
    }
    text
}

fn parse_numeric(shown: &str, text: &str) -> Result<ParsedDate, DateError> {
    let separators: Vec<char> = text.chars().filter(|c| !c.is_ascii_digit()).collect();
    let ambiguous = |bn: &str, en: &str| DateError::Ambiguous { input: shown.to_owned(), reason: Message::new(bn, en) };
    let Some(&separator) = separators.first() else {
        return Err(DateError::Unrecognised { input: shown.to_owned() });
    };
    if separators.iter().any(|&c| c != separator) {
        return Err(ambiguous("দিন, মাস ও বছরের মাঝে একই চিহ্ন দিন (যেমন ২৭/১২/২০২৩)।", "use one separator between day, month and year (e.g. 27/12/2023)."));
    }
    let parts: Vec<&str> = text.split(separator).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty()) {
        return Err(ambiguous("দিন, মাস ও বছর — তিনটিই লিখুন।", "write all three of day, month and year."));
    }
    let number = |s: &str| s.parse::<u32>().ok();
    let (year, month, day) = if parts[0].len() == 4 { (parts[0], parts[1], parts[2]) } else { (parts[2], parts[1], parts[0]) };
    let (Some(y), Some(m), Some(d)) = (number(year), number(month), number(day)) else {
        return Err(DateError::Unrecognised { input: shown.to_owned() });
    };
    let full_year = match year.len() {
        2 => 2000 + y,
        4 => y,
        _ => {
            return Err(ambiguous("বছর চার অঙ্কে (২০২৩) বা দুই অঙ্কে (২৩) লিখুন।", "write the year with four digits (2023) or two (23)."));
        }
    };
    if day.len() > 2 || month.len() > 2 {
        return Err(DateError::Unrecognised { input: shown.to_owned() });
    }
    if year.len() == 4 && BANGLA_YEARS.contains(&y) {
        return bangla_numeric(shown, y as i32, m, d);
    }
    gregorian(shown, full_year as i32, m, d)
}

/// Years read as Bangla years (বঙ্গাব্দ 1300 is 1893 AD, 1599 is 2192).
const BANGLA_YEARS: std::ops::Range<u32> = 1300..1600;

/// A numeric date with a Bangla year: its month number counts from বৈশাখ.
fn bangla_numeric(shown: &str, year: i32, month: u32, day: u32) -> Result<ParsedDate, DateError> {
    let impossible = |reason: Message| DateError::Impossible { input: shown.to_owned(), reason };
    let Some(bangla_month) = BanglaMonth::from_number(month) else {
        let m = month.to_string();
        return Err(impossible(Message::new(
            format!("{} নম্বর মাস নেই; বঙ্গাব্দের মাস ১ (বৈশাখ) থেকে ১২ (চৈত্র)।", digits_for(Lang::Bn, &m)),
            format!("there is no month {m}; the months of a Bangla year run 1 (Boishakh) to 12 (Choitro)."),
        )));
    };
    let bangla = BanglaDate::new(year, bangla_month, day).map_err(impossible)?;
    let date = bangla.to_gregorian().ok_or_else(|| DateError::Unrecognised { input: shown.to_owned() })?;
    Ok(ParsedDate { date, written_in: Calendar::Bangla })
}

/// Builds a Gregorian date, saying exactly which part does not exist.
fn gregorian(shown: &str, year: i32, month: u32, day: u32) -> Result<ParsedDate, DateError> {
    let impossible = |reason: Message| DateError::Impossible { input: shown.to_owned(), reason };
    if !(1..=12).contains(&month) {
        let m = month.to_string();
        return Err(impossible(Message::new(
            format!("{} নম্বর মাস নেই; মাস ১ থেকে ১২ (দিন আগে, তারপর মাস)।", digits_for(Lang::Bn, &m)),
            format!("there is no month {m}; months run 1 to 12 (day first, then month)."),
        )));
    }
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => Ok(ParsedDate { date, written_in: Calendar::Gregorian }),
        None => {
            let first = NaiveDate::from_ymd_opt(year, month, 1);
            let days = first.map_or(31, days_in_month);
            let (bn, en) = GREGORIAN_MONTHS[month as usize - 1];
            let (y, d, n) = (year.to_string(), day.to_string(), days.to_string());
            Err(impossible(Message::new(
                format!("{} সালের {bn} মাসে {} তারিখ নেই ({} দিনের মাস)।", digits_for(Lang::Bn, &y), digits_for(Lang::Bn, &d), digits_for(Lang::Bn, &n)),
                format!("{en} {y} has no day {d} (it has {n} days)."),
            )))
        }
    }
}

fn days_in_month(first: NaiveDate) -> u32 {
    let next = first.checked_add_months(chrono::Months::new(1));
    next.map_or(31, |n| u32::try_from((n - first).num_days()).unwrap_or(31))
}

enum MonthName {
    Gregorian(u32),
    Bangla(BanglaMonth),
}

fn month_by_name(word: &str) -> Option<MonthName> {
    // Bangla has no letter case and English month names are ASCII: ASCII folding is all it takes, and it
    // keeps Unicode's case tables (8 KiB gzip) out of the Wasm.
    let word = normalize_bangla(word).to_ascii_lowercase();
    let same = |name: &str| normalize_bangla(name).to_ascii_lowercase() == word;
    let english_prefix = |name: &str| word.len() >= 3 && word.is_ascii() && name.to_ascii_lowercase().starts_with(&word);
    for (i, (bn, en)) in GREGORIAN_MONTHS.iter().enumerate() {
        if same(bn) || same(en) || english_prefix(en) {
            return Some(MonthName::Gregorian(i as u32 + 1));
        }
    }
    if let Some((_, m)) = GREGORIAN_ALIASES.iter().find(|(alias, _)| same(alias)) {
        return Some(MonthName::Gregorian(*m));
    }
    BanglaMonth::ALL
        .into_iter()
        .find(|m| same(m.name(Lang::Bn)) || m.aliases().iter().any(|a| same(a)))
        .or_else(|| BanglaMonth::from_romanised(&word))
        .map(MonthName::Bangla)
}

fn weekday_by_name(word: &str) -> Option<Weekday> {
    let word = normalize_bangla(word).to_ascii_lowercase();
    WEEKDAYS.iter().find_map(|(w, bn, en)| {
        let bn = normalize_bangla(bn);
        let short_bn = bn.trim_end_matches("বার");
        (word == bn || word == short_bn || word == en.to_ascii_lowercase() || word == en[..3].to_ascii_lowercase()).then_some(*w)
    })
}

fn parse_words(shown: &str, text: &str) -> Result<ParsedDate, DateError> {
    let unrecognised = || DateError::Unrecognised { input: shown.to_owned() };
    let ambiguous = |bn: String, en: String| DateError::Ambiguous { input: shown.to_owned(), reason: Message::new(bn, en) };
    let mut words: Vec<&str> = text.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();

    let weekday = words.first().and_then(|w| weekday_by_name(w));
    if weekday.is_some() {
        words.remove(0);
    }
    let (day, month, year) = match words.as_slice() {
        [d, m, y] if d.chars().all(|c| c.is_ascii_digit()) => (*d, *m, *y),
        [m, d, y] if d.chars().all(|c| c.is_ascii_digit()) => (*d, *m, *y),
        _ => return Err(unrecognised()),
    };
    let month = month_by_name(month).ok_or_else(unrecognised)?;
    let (Ok(d), Ok(y)) = (day.parse::<u32>(), year.parse::<i32>()) else {
        return Err(unrecognised());
    };
    if year.len() != 4 {
        return Err(ambiguous("বছর চার অঙ্কে লিখুন।".to_owned(), "write the year with four digits.".to_owned()));
    }
    let parsed = match month {
        MonthName::Gregorian(m) => {
            if u32::try_from(y).is_ok_and(|y| BANGLA_YEARS.contains(&y)) {
                let bn = format!("{} বঙ্গাব্দের বছর মনে হয়, কিন্তু মাসটি খ্রিস্টীয়। বঙ্গাব্দে বাংলা মাস লিখুন।", digits_for(Lang::Bn, year));
                let en = format!("{year} looks like a Bangla year, but the month is Gregorian.");
                return Err(ambiguous(bn, en));
            }
            gregorian(shown, y, m, d)?
        }
        MonthName::Bangla(m) => {
            if y >= 1800 {
                let bn = format!("{} খ্রিস্টাব্দ মনে হয়, কিন্তু মাসটি বাংলা। বাংলা মাসের সঙ্গে বঙ্গাব্দ (যেমন ১৪৩০) লিখুন।", digits_for(Lang::Bn, year));
                let en = format!("{year} looks like a Gregorian year, but the month is Bangla (write e.g. 1430).");
                return Err(ambiguous(bn, en));
            }
            let bangla = BanglaDate::new(y, m, d).map_err(|reason| DateError::Impossible { input: shown.to_owned(), reason })?;
            let date = bangla.to_gregorian().ok_or_else(unrecognised)?;
            ParsedDate { date, written_in: Calendar::Bangla }
        }
    };
    if let Some(w) = weekday
        && parsed.date.weekday() != w
    {
        let actual = parsed.date.weekday();
        return Err(DateError::Impossible {
            input: shown.to_owned(),
            reason: Message::new(
                format!("এই তারিখটি {}, {} নয়।", weekday_name(actual, Lang::Bn), weekday_name(w, Lang::Bn)),
                format!("that day is a {}, not a {}.", weekday_name(actual, Lang::En), weekday_name(w, Lang::En)),
            ),
        });
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("test dates are valid")
    }

    fn check(input: &str, expected: NaiveDate, calendar: Calendar) {
        assert_eq!(parse_date(input), Ok(ParsedDate { date: expected, written_in: calendar }), "{input:?}");
    }

    fn check_err(input: &str, expected_en_part: &str) {
        match parse_date(input) {
            Ok(d) => panic!("{input:?} parsed as {d:?}, expected an error"),
            Err(e) => {
                let m = e.message();
                assert!(m.en.contains(expected_en_part), "{input:?}: {}", m.en);
                assert!(!m.bn.is_empty());
                if !input.contains(|c: char| c.is_ascii_digit()) {
                    assert!(!m.bn.contains(|c: char| c.is_ascii_digit()), "Bangla message has ASCII digits: {}", m.bn);
                }
            }
        }
    }

    #[test]
    fn forms_found_in_the_seed_documents() {
        use Calendar::*;
        check("১৯/০৯/২০২২", ymd(2022, 9, 19), Gregorian); // Koyra minutes
        check("১৯/০৯/২০২২ খ্রি।", ymd(2022, 9, 19), Gregorian);
        check("২৭/০৯/২০২২ খ্রি.", ymd(2022, 9, 27), Gregorian);
        check("২৭ ডিসেম্বর ২০২৩", ymd(2023, 12, 27), Gregorian); // DPE minutes
        check("১২.১২.২৩", ymd(2023, 12, 12), Gregorian); // Sylhet APA
        check("১২-১২-২০২১", ymd(2021, 12, 12), Gregorian);
        check("১২ পৌষ ১৪৩০", ymd(2023, 12, 27), Bangla);
        check("১২ পৌষ ১৪৩০ বঙ্গাব্দ", ymd(2023, 12, 27), Bangla);
        check("2023-12-27", ymd(2023, 12, 27), Gregorian);
        check("৩১ জুলাই, ২০১৩", ymd(2013, 7, 31), Gregorian); // Joypurhat APA
        check("জুলাই ১, ২০২৪", ymd(2024, 7, 1), Gregorian); // Sylhet APA cover
        check("05/02/2020", ymd(2020, 2, 5), Gregorian);
        check("১৬/০৫/২৪", ymd(2024, 5, 16), Gregorian);
        check("৫ মার্চ ২০২৪", ymd(2024, 3, 5), Gregorian);
    }

    #[test]
    fn other_spellings_and_english() {
        use Calendar::*;
        check("১৫ জানুয়ারী ২০২৪", ymd(2024, 1, 15), Gregorian);
        check("১৫ জানু\u{09df}ারি ২০২৪", ymd(2024, 1, 15), Gregorian);
        check("27 December 2023", ymd(2023, 12, 27), Gregorian);
        check("27 dec 2023", ymd(2023, 12, 27), Gregorian);
        check("১ বৈশাখ ১৪৩১", ymd(2024, 4, 14), Bangla);
        check("12 Poush 1430", ymd(2023, 12, 27), Bangla);
        check("15 Shraban 1420", ymd(2013, 7, 30), Bangla);
        check("30 Chaitra 1425", ymd(2019, 4, 13), Bangla);
        check_err("31 Chaitra 1425", "Choitro 1425 has no day 31");
        check("বুধবার, ২৭ ডিসেম্বর ২০২৩", ymd(2023, 12, 27), Gregorian);
    }

    #[test]
    fn numeric_dates_with_a_bangla_year_are_bangla_dates() {
        use Calendar::*;
        // Month numbers count from বৈশাখ; before 1426 by the 1987 rule.
        check("১৫-০৪-১৪২০", ymd(2013, 7, 30), Bangla);
        check("১৪২৫/১২/৩০", ymd(2019, 4, 13), Bangla);
        check("১/১/১৪৩১", ymd(2024, 4, 14), Bangla);
        check("১২.০৯.১৪৩০ বঙ্গাব্দ", ymd(2023, 12, 27), Bangla);
        check_err("৩১/০৭/১৪৩০", "Kartik 1430 has no day 31");
        check_err("০১/১৩/১৪৩০", "the months of a Bangla year run 1 (Boishakh) to 12 (Choitro)");
        // Never the Gregorian year 1420, and two-digit years stay Gregorian.
        assert_ne!(parse_date("১৫-০৪-১৪২০").map(|d| d.date.year()), Ok(1420));
        check("১৫/০৪/২০", ymd(2020, 4, 15), Gregorian);
        check("১৫/০৪/১৯৯৯", ymd(1999, 4, 15), Gregorian);
    }

    #[test]
    fn impossible_dates_are_errors() {
        check_err("৩১/০২/২০২৩", "February 2023 has no day 31 (it has 28 days)");
        check_err("২৯/০২/২০২৩", "February 2023 has no day 29");
        check_err("১২/১৩/২০২৩", "there is no month 13");
        check_err("০০/১২/২০২৩", "December 2023 has no day 0");
        check_err("৩১ কার্তিক ১৪৩০", "Kartik 1430 has no day 31");
        check_err("বৃহস্পতিবার, ২৭ ডিসেম্বর ২০২৩", "that day is a Wednesday, not a Thursday");
        assert!(parse_date("২৯/০২/২০২৪").is_ok());
    }

    #[test]
    fn ambiguous_dates_are_errors() {
        check_err("১২/১২-২০২৩", "use one separator");
        check_err("১২/২০২৩", "write all three");
        check_err("১২/১২/২০২", "four digits");
        check_err("১২ ডিসেম্বর ১৪৩০", "looks like a Bangla year");
        check_err("১২ পৌষ ২০২৩", "looks like a Gregorian year");
    }

    #[test]
    fn garbage_is_unrecognised() {
        assert_eq!(parse_date("  "), Err(DateError::Empty));
        check_err("আগামীকাল", "could not be read as a date");
        check_err("১২ফ১২", "could not be read as a date");
        check_err("১২ ১২ ২০২৩", "could not be read as a date");
        check_err("12 Smarch 2023", "could not be read as a date");
    }

    #[test]
    fn formats_in_both_languages() {
        let d = ymd(2023, 12, 27);
        assert_eq!(format_gregorian(d, Lang::Bn), "২৭ ডিসেম্বর ২০২৩");
        assert_eq!(format_gregorian(d, Lang::En), "27 December 2023");
        assert_eq!(weekday_name(d.weekday(), Lang::Bn), "বুধবার");
        assert_eq!(weekday_name(d.weekday(), Lang::En), "Wednesday");
    }
}
