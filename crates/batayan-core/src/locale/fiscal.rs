//! The fiscal year of Bangladesh, 1 July to 30 June, written `২০২৪-২৫` / `2024-25`, with its quarters
//! (the APA reporting periods) and halves.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::date::format_gregorian;
use super::digits::to_ascii_digits;
use super::{Lang, Message, digits_for};

/// The fiscal year that starts on 1 July of `start_year`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FiscalYear {
    start_year: i32,
}

/// Why a text is not a fiscal year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FiscalYearError {
    Unrecognised {
        input: String,
    },
    /// Two years that do not follow each other, like `2024-26`.
    NotConsecutive {
        input: String,
    },
}

impl FiscalYearError {
    pub fn message(&self) -> Message {
        match self {
            FiscalYearError::Unrecognised { input } => {
                Message::new(format!("“{input}” অর্থবছর হিসেবে পড়া যায়নি। লিখুন যেমন ২০২৪-২৫।"), format!("“{input}” is not a fiscal year. Write it like 2024-25."))
            }
            FiscalYearError::NotConsecutive { input } => Message::new(
                format!("“{input}”: অর্থবছরের দ্বিতীয় বছরটি প্রথমটির পরের বছর হবে (যেমন ২০২৪-২৫)।"),
                format!("“{input}”: a fiscal year's second year follows its first (e.g. 2024-25)."),
            ),
        }
    }
}

impl FiscalYear {
    /// The fiscal year starting on 1 July `start_year`, if chrono can represent its days.
    pub fn starting(start_year: i32) -> Option<FiscalYear> {
        NaiveDate::from_ymd_opt(start_year + 1, 6, 30).map(|_| FiscalYear { start_year })
    }

    /// The fiscal year a day falls in.
    pub fn containing(date: NaiveDate) -> FiscalYear {
        let start_year = if date.month() >= 7 { date.year() } else { date.year() - 1 };
        FiscalYear { start_year }
    }

    /// Reads `2024-25`, `২০২৪-২৫`, `2024-2025`, `২০২৪-২০২৫`, with `-`, `–`, `—` or `/` between.
    pub fn parse(input: &str) -> Result<FiscalYear, FiscalYearError> {
        let shown = input.trim();
        let unrecognised = || FiscalYearError::Unrecognised { input: shown.to_owned() };
        let ascii = to_ascii_digits(shown);
        let (first, second) = ascii.split_once(['-', '–', '—', '/']).ok_or_else(unrecognised)?;
        let (first, second) = (first.trim(), second.trim());
        let all_digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        if first.len() != 4 || !all_digits(first) || !all_digits(second) || !matches!(second.len(), 2 | 4) {
            return Err(unrecognised());
        }
        let start: i32 = first.parse().map_err(|_| unrecognised())?;
        let end: i32 = second.parse().map_err(|_| unrecognised())?;
        let expected_end = if second.len() == 2 { (start + 1) % 100 } else { start + 1 };
        if end != expected_end {
            return Err(FiscalYearError::NotConsecutive { input: shown.to_owned() });
        }
        FiscalYear::starting(start).ok_or_else(unrecognised)
    }

    pub fn start_year(self) -> i32 {
        self.start_year
    }

    /// 1 July.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.start_year, 7, 1).unwrap_or(NaiveDate::MIN)
    }

    /// 30 June of the next year.
    pub fn last_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.start_year + 1, 6, 30).unwrap_or(NaiveDate::MAX)
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        (self.first_day()..=self.last_day()).contains(&date)
    }

    pub fn next(self) -> FiscalYear {
        FiscalYear { start_year: self.start_year + 1 }
    }

    pub fn previous(self) -> FiscalYear {
        FiscalYear { start_year: self.start_year - 1 }
    }

    /// `2024-25` (the form in URLs and JSON).
    pub fn code(self) -> String {
        format!("{}-{:02}", self.start_year, (self.start_year + 1).rem_euclid(100))
    }

    /// `২০২৪-২৫` / `2024-25`.
    pub fn label(self, lang: Lang) -> String {
        digits_for(lang, &self.code())
    }

    /// Which quarter of this fiscal year a day falls in; `None` outside the year.
    pub fn quarter_of(self, date: NaiveDate) -> Option<Quarter> {
        Quarter::ALL.into_iter().find(|q| q.contains(self, date))
    }

    /// How far through the year a day is, from 0.0 (1 July) to 1.0 (30 June), for progress bars.
    pub fn elapsed_fraction(self, date: NaiveDate) -> f64 {
        let total = (self.last_day() - self.first_day()).num_days() + 1;
        let done = (date - self.first_day()).num_days() + 1;
        (done as f64 / total as f64).clamp(0.0, 1.0)
    }
}

impl std::fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.code())
    }
}

impl Serialize for FiscalYear {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.code())
    }
}

impl<'de> Deserialize<'de> for FiscalYear {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<FiscalYear, D::Error> {
        let text = String::deserialize(deserializer)?;
        FiscalYear::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(any(test, feature = "schema"))]
impl schemars::JsonSchema for FiscalYear {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FiscalYear".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A Bangladesh fiscal year (1 July – 30 June), written with ASCII digits: 2024-25.",
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}$"
        })
    }
}

/// A reporting quarter of the fiscal year. Q2 ends the first half (অর্ধবার্ষিক), Q4 the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Quarter {
    Q1,
    Q2,
    Q3,
    Q4,
}

impl Quarter {
    pub const ALL: [Quarter; 4] = [Quarter::Q1, Quarter::Q2, Quarter::Q3, Quarter::Q4];

    /// (calendar-year offset from the fiscal year's start, first month, last month, last day)
    fn span(self) -> (i32, u32, u32, u32) {
        match self {
            Quarter::Q1 => (0, 7, 9, 30),
            Quarter::Q2 => (0, 10, 12, 31),
            Quarter::Q3 => (1, 1, 3, 31),
            Quarter::Q4 => (1, 4, 6, 30),
        }
    }

    pub fn first_day(self, year: FiscalYear) -> NaiveDate {
        let (offset, first, _, _) = self.span();
        NaiveDate::from_ymd_opt(year.start_year + offset, first, 1).unwrap_or(NaiveDate::MIN)
    }

    pub fn last_day(self, year: FiscalYear) -> NaiveDate {
        let (offset, _, last, day) = self.span();
        NaiveDate::from_ymd_opt(year.start_year + offset, last, day).unwrap_or(NaiveDate::MAX)
    }

    pub fn contains(self, year: FiscalYear, date: NaiveDate) -> bool {
        (self.first_day(year)..=self.last_day(year)).contains(&date)
    }

    /// `প্রথম প্রান্তিক (জুলাই–সেপ্টেম্বর)` / `Q1 (July–September)`.
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Quarter::Q1, Lang::Bn) => "প্রথম প্রান্তিক (জুলাই–সেপ্টেম্বর)",
            (Quarter::Q2, Lang::Bn) => "দ্বিতীয় প্রান্তিক (অক্টোবর–ডিসেম্বর)",
            (Quarter::Q3, Lang::Bn) => "তৃতীয় প্রান্তিক (জানুয়ারি–মার্চ)",
            (Quarter::Q4, Lang::Bn) => "চতুর্থ প্রান্তিক (এপ্রিল–জুন)",
            (Quarter::Q1, Lang::En) => "Q1 (July–September)",
            (Quarter::Q2, Lang::En) => "Q2 (October–December)",
            (Quarter::Q3, Lang::En) => "Q3 (January–March)",
            (Quarter::Q4, Lang::En) => "Q4 (April–June)",
        }
    }

    /// `১ম প্রান্তিক` / `Q1`, for axis labels.
    pub fn short_name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Quarter::Q1, Lang::Bn) => "১ম প্রান্তিক",
            (Quarter::Q2, Lang::Bn) => "২য় প্রান্তিক",
            (Quarter::Q3, Lang::Bn) => "৩য় প্রান্তিক",
            (Quarter::Q4, Lang::Bn) => "৪র্থ প্রান্তিক",
            (Quarter::Q1, Lang::En) => "Q1",
            (Quarter::Q2, Lang::En) => "Q2",
            (Quarter::Q3, Lang::En) => "Q3",
            (Quarter::Q4, Lang::En) => "Q4",
        }
    }

    pub fn half(self) -> Half {
        match self {
            Quarter::Q1 | Quarter::Q2 => Half::First,
            Quarter::Q3 | Quarter::Q4 => Half::Second,
        }
    }
}

/// The span a progress report covers: one quarter, or the whole year (the annual report).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    Quarter(Quarter),
    Year,
}

impl Period {
    /// `Q1`…`Q4`, `annual`: the form in JSON, URLs and the widgets' `period` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Period::Quarter(Quarter::Q1) => "Q1",
            Period::Quarter(Quarter::Q2) => "Q2",
            Period::Quarter(Quarter::Q3) => "Q3",
            Period::Quarter(Quarter::Q4) => "Q4",
            Period::Year => "annual",
        }
    }

    /// The period a report form opened on `day` is for: the quarter `day` falls in, or the whole year
    /// when `day` lies outside `year` (a past year's report is its annual one).
    pub fn reported_on(year: FiscalYear, day: NaiveDate) -> Period {
        year.quarter_of(day).map_or(Period::Year, Period::Quarter)
    }

    /// Reads a [`Period::code`], in either case.
    pub fn parse(text: &str) -> Result<Period, Message> {
        let code = text.trim().to_ascii_lowercase();
        Quarter::ALL.into_iter().map(Period::Quarter).chain([Period::Year]).find(|p| p.code().to_ascii_lowercase() == code).ok_or_else(|| {
            Message::new(
                format!("“{text}” কোনো প্রতিবেদনকাল নয়: Q1, Q2, Q3, Q4 বা annual লিখুন।"),
                format!("“{text}” is not a reporting period: use Q1, Q2, Q3, Q4 or annual."),
            )
        })
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Period::Quarter(q) => q.name(lang),
            Period::Year => match lang {
                Lang::Bn => "বার্ষিক (জুলাই–জুন)",
                Lang::En => "Annual (July–June)",
            },
        }
    }
}

/// A half of the fiscal year: July–December, January–June.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Half {
    First,
    Second,
}

impl Half {
    pub fn first_day(self, year: FiscalYear) -> NaiveDate {
        match self {
            Half::First => Quarter::Q1.first_day(year),
            Half::Second => Quarter::Q3.first_day(year),
        }
    }

    pub fn last_day(self, year: FiscalYear) -> NaiveDate {
        match self {
            Half::First => Quarter::Q2.last_day(year),
            Half::Second => Quarter::Q4.last_day(year),
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Half::First, Lang::Bn) => "প্রথম অর্ধবার্ষিক (জুলাই–ডিসেম্বর)",
            (Half::Second, Lang::Bn) => "দ্বিতীয় অর্ধবার্ষিক (জানুয়ারি–জুন)",
            (Half::First, Lang::En) => "First half (July–December)",
            (Half::Second, Lang::En) => "Second half (January–June)",
        }
    }
}

impl FiscalYear {
    /// `১ জুলাই ২০২৪ – ৩০ জুন ২০২৫` / `1 July 2024 – 30 June 2025`, for headings.
    pub fn span_label(self, lang: Lang) -> String {
        format!("{} – {}", format_gregorian(self.first_day(), lang), format_gregorian(self.last_day(), lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("test dates are valid")
    }

    fn fy(code: &str) -> FiscalYear {
        FiscalYear::parse(code).expect("test fiscal years are valid")
    }

    #[test]
    fn parses_both_digit_sets_and_long_forms() {
        for text in ["2024-25", "২০২৪-২৫", "2024-2025", "২০২৪-২০২৫", "২০২৪–২৫", "2024/25", " 2024 - 25 "] {
            assert_eq!(FiscalYear::parse(text).map(FiscalYear::start_year), Ok(2024), "{text}");
        }
        assert_eq!(fy("1999-00").start_year(), 1999);
        assert_eq!(fy("২০৯৯-০০").code(), "2099-00");
    }

    #[test]
    fn rejects_non_fiscal_years() {
        assert!(matches!(FiscalYear::parse("2024-26"), Err(FiscalYearError::NotConsecutive { .. })));
        assert!(matches!(FiscalYear::parse("২০২৪-২০২৬"), Err(FiscalYearError::NotConsecutive { .. })));
        for bad in ["2024", "24-25", "২০২৪-২৫ক", "abcd-ef", "", "2024-5"] {
            assert!(matches!(FiscalYear::parse(bad), Err(FiscalYearError::Unrecognised { .. })), "{bad}");
        }
        let m = FiscalYear::parse("2024-26").unwrap_err().message();
        assert!(m.bn.contains("পরের বছর"));
    }

    #[test]
    fn labels_in_both_languages() {
        assert_eq!(fy("2024-25").label(Lang::Bn), "২০২৪-২৫");
        assert_eq!(fy("২০২৪-২৫").label(Lang::En), "2024-25");
        assert_eq!(fy("2024-25").span_label(Lang::Bn), "১ জুলাই ২০২৪ – ৩০ জুন ২০২৫");
    }

    #[test]
    fn contains_its_days_and_no_others() {
        let year = fy("2024-25");
        assert!(year.contains(ymd(2024, 7, 1)));
        assert!(year.contains(ymd(2025, 6, 30)));
        assert!(!year.contains(ymd(2024, 6, 30)));
        assert!(!year.contains(ymd(2025, 7, 1)));
        // The Sylhet APA's date target ১২.১২.২৩ lies outside its own year 2024-25.
        assert!(!year.contains(ymd(2023, 12, 12)));
        assert_eq!(FiscalYear::containing(ymd(2023, 12, 27)), fy("2023-24"));
        assert_eq!(FiscalYear::containing(ymd(2024, 6, 30)), fy("2023-24"));
        assert_eq!(FiscalYear::containing(ymd(2024, 7, 1)), fy("2024-25"));
    }

    #[test]
    fn quarters_and_halves() {
        let year = fy("2024-25");
        assert_eq!(year.quarter_of(ymd(2024, 7, 1)), Some(Quarter::Q1));
        assert_eq!(year.quarter_of(ymd(2024, 9, 30)), Some(Quarter::Q1));
        assert_eq!(year.quarter_of(ymd(2024, 10, 1)), Some(Quarter::Q2));
        assert_eq!(year.quarter_of(ymd(2024, 12, 31)), Some(Quarter::Q2));
        assert_eq!(year.quarter_of(ymd(2025, 1, 1)), Some(Quarter::Q3));
        assert_eq!(year.quarter_of(ymd(2025, 6, 30)), Some(Quarter::Q4));
        assert_eq!(year.quarter_of(ymd(2025, 7, 1)), None);
        assert_eq!(Quarter::Q3.first_day(year), ymd(2025, 1, 1));
        assert_eq!(Quarter::Q2.half(), Half::First);
        assert_eq!(Half::Second.first_day(year), ymd(2025, 1, 1));
        assert_eq!(Half::First.last_day(year), ymd(2024, 12, 31));
        // The quarters tile the year: every day is in exactly one.
        let mut day = year.first_day();
        while day <= year.last_day() {
            assert_eq!(Quarter::ALL.iter().filter(|q| q.contains(year, day)).count(), 1, "{day}");
            day = day.succ_opt().expect("in range");
        }
    }

    #[test]
    fn reporting_periods() {
        assert_eq!(Period::parse("q2"), Ok(Period::Quarter(Quarter::Q2)));
        assert_eq!(Period::parse(" Annual "), Ok(Period::Year));
        assert_eq!(Period::Year.code(), "annual");
        let err = Period::parse("Q5").unwrap_err();
        assert!(err.en.contains("use Q1, Q2, Q3, Q4 or annual"));
        assert_eq!(Period::Year.name(Lang::Bn), "বার্ষিক (জুলাই–জুন)");
    }

    #[test]
    fn elapsed_fraction_runs_from_start_to_end() {
        let year = fy("2023-24");
        assert!(year.elapsed_fraction(ymd(2023, 7, 1)) < 0.01);
        assert_eq!(year.elapsed_fraction(ymd(2024, 6, 30)), 1.0);
        assert_eq!(year.elapsed_fraction(ymd(2030, 1, 1)), 1.0);
        let mid = year.elapsed_fraction(ymd(2023, 12, 31));
        assert!((0.5..0.51).contains(&mid), "{mid}");
    }

    #[test]
    fn serde_uses_the_code() {
        let json = serde_json::to_string(&fy("২০২৪-২৫")).expect("serializes");
        assert_eq!(json, "\"2024-25\"");
        let back: FiscalYear = serde_json::from_str("\"২০২৩-২৪\"").expect("deserializes");
        assert_eq!(back, fy("2023-24"));
        assert!(serde_json::from_str::<FiscalYear>("\"2023-25\"").is_err());
    }

    #[test]
    fn a_report_opened_on_a_day_is_for_its_quarter_or_the_year() {
        let year = FiscalYear::parse("2024-25").unwrap();
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(Period::reported_on(year, day(2024, 11, 24)), Period::Quarter(Quarter::Q2));
        assert_eq!(Period::reported_on(year, day(2025, 6, 30)), Period::Quarter(Quarter::Q4));
        assert_eq!(Period::reported_on(year, day(2026, 11, 24)), Period::Year);
    }
}
