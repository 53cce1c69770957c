//! The Bangla calendar (Bangabda) of Bangladesh, in both of its official forms.
//!
//! 1 বৈশাখ is always 14 April; the year is the Gregorian year − 593 from 14 April, − 594 before it.
//! - From 1 বৈশাখ 1426 (14 April 2019), the 2019 revision: বৈশাখ to আশ্বিন have 31 days; কার্তিক,
//!   অগ্রহায়ণ, পৌষ, মাঘ and চৈত্র 30; ফাল্গুন 29, or 30 when the February inside it has 29 days.
//! - Before 1426, the 1987 revision (Bangla Academy), which documents written before 2019 use: বৈশাখ to
//!   ভাদ্র have 31 days, the rest 30, and ফাল্গুন 31 when the February inside it has 29 days. So
//!   ৩১ ফাল্গুন ১৪১৮ is 14 March 2012, and ১ ফাল্গুন ১৪২৪ was 13 February 2018 (1 Falgun is 14 February
//!   under the 2019 rule). Both forms begin each year on 14 April, so the change of rule is seamless.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{Lang, Message, digits_for};

/// A month of the Bangla year, বৈশাখ first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum BanglaMonth {
    Boishakh,
    Joishtho,
    Asharh,
    Srabon,
    Bhadro,
    Ashwin,
    Kartik,
    Ogrohayon,
    Poush,
    Magh,
    Falgun,
    Choitro,
}

impl BanglaMonth {
    pub const ALL: [BanglaMonth; 12] = [
        BanglaMonth::Boishakh,
        BanglaMonth::Joishtho,
        BanglaMonth::Asharh,
        BanglaMonth::Srabon,
        BanglaMonth::Bhadro,
        BanglaMonth::Ashwin,
        BanglaMonth::Kartik,
        BanglaMonth::Ogrohayon,
        BanglaMonth::Poush,
        BanglaMonth::Magh,
        BanglaMonth::Falgun,
        BanglaMonth::Choitro,
    ];

    /// 1 for বৈশাখ … 12 for চৈত্র.
    pub fn number(self) -> u32 {
        self as u32 + 1
    }

    pub fn from_number(n: u32) -> Option<BanglaMonth> {
        Self::ALL.get(usize::try_from(n).ok()?.checked_sub(1)?).copied()
    }

    pub fn name(self, lang: Lang) -> &'static str {
        let (bn, en) = match self {
            BanglaMonth::Boishakh => ("বৈশাখ", "Boishakh"),
            BanglaMonth::Joishtho => ("জ্যৈষ্ঠ", "Joishtho"),
            BanglaMonth::Asharh => ("আষাঢ়", "Asharh"),
            BanglaMonth::Srabon => ("শ্রাবণ", "Srabon"),
            BanglaMonth::Bhadro => ("ভাদ্র", "Bhadro"),
            BanglaMonth::Ashwin => ("আশ্বিন", "Ashwin"),
            BanglaMonth::Kartik => ("কার্তিক", "Kartik"),
            BanglaMonth::Ogrohayon => ("অগ্রহায়ণ", "Ogrohayon"),
            BanglaMonth::Poush => ("পৌষ", "Poush"),
            BanglaMonth::Magh => ("মাঘ", "Magh"),
            BanglaMonth::Falgun => ("ফাল্গুন", "Falgun"),
            BanglaMonth::Choitro => ("চৈত্র", "Choitro"),
        };
        match lang {
            Lang::Bn => bn,
            Lang::En => en,
        }
    }

    /// Other Bangla spellings met in documents and typed by users, beside [`BanglaMonth::name`]. English
    /// spellings are matched by [`BanglaMonth::from_romanised`].
    pub(crate) fn aliases(self) -> &'static [&'static str] {
        match self {
            BanglaMonth::Joishtho => &["জৈষ্ঠ"],
            BanglaMonth::Asharh => &["আষাড়"],
            BanglaMonth::Srabon => &["শ্রাবন"],
            BanglaMonth::Ashwin => &["আশ্বীন"],
            BanglaMonth::Kartik => &["কার্ত্তিক"],
            BanglaMonth::Ogrohayon => &["অগ্রহায়ন"],
            BanglaMonth::Poush => &["পোষ"],
            BanglaMonth::Falgun => &["ফালগুন"],
            BanglaMonth::Choitro => &["চৈত্"],
            _ => &[],
        }
    }

    /// The month an English spelling names, however it was romanised: calendars and libraries write
    /// Boishakh or Baishakh or Vaishakh, Joishtho or Jyoishtho or Jaishtha or Jestha, Asharh or Ashad,
    /// Srabon or Shraban or Shrawan, Ashwin or Ashbin or Ashshin, Ogrohayon or Agrahayan, Choitro or
    /// Chaitra. Spellings are compared by their consonants (sh/s, dh/d, bh/b/v, ph/f, w/b, ck/k and
    /// every vowel alike, a final vowel or not) and by their first letter, vowels counted as one.
    pub fn from_romanised(word: &str) -> Option<BanglaMonth> {
        if word.len() < 3 || !word.is_ascii() {
            return None;
        }
        let (first, skeleton) = romanised_skeleton(word);
        BanglaMonth::ALL.into_iter().find(|month| {
            month.romanised_skeletons().iter().any(|canonical| {
                let (canonical_first, canonical) = romanised_skeleton(canonical);
                canonical_first == first && canonical == skeleton
            })
        })
    }

    /// One spelling for each way a month's name is romanised (আষাঢ়'s ঢ় as r or as d, আশ্বিন's ব
    /// written or not).
    fn romanised_skeletons(self) -> &'static [&'static str] {
        match self {
            BanglaMonth::Boishakh => &["boishakh"],
            BanglaMonth::Joishtho => &["joishtho"],
            BanglaMonth::Asharh => &["ashar", "ashad"],
            BanglaMonth::Srabon => &["srabon"],
            BanglaMonth::Bhadro => &["bhadro"],
            BanglaMonth::Ashwin => &["ashwin", "ashin"],
            BanglaMonth::Kartik => &["kartik"],
            BanglaMonth::Ogrohayon => &["ogrohayon"],
            BanglaMonth::Poush => &["poush"],
            BanglaMonth::Magh => &["magh"],
            BanglaMonth::Falgun => &["falgun"],
            BanglaMonth::Choitro => &["choitro"],
        }
    }

    /// Days in this month of Bangla `year` (by the rule of that year).
    fn days(self, year: i32) -> u32 {
        let leap = has_long_falgun(year);
        let long_months = if year >= FIRST_YEAR_OF_2019_RULE { 6 } else { 5 };
        match self {
            BanglaMonth::Falgun if year >= FIRST_YEAR_OF_2019_RULE => 29 + u32::from(leap),
            BanglaMonth::Falgun => 30 + u32::from(leap),
            month if (month as usize) < long_months => 31,
            _ => 30,
        }
    }
}

/// A romanised word's first letter (any vowel as `a`) and its consonants, folded as
/// [`BanglaMonth::from_romanised`] says: `Jyoishtho`, `Jaishtha`, `Jestha` → (`j`, `jst`).
fn romanised_skeleton(word: &str) -> (char, String) {
    let mut folded = word.to_ascii_lowercase();
    for (from, to) in [("ph", "f"), ("ck", "k"), ("rh", "d"), ("v", "b"), ("w", "b")] {
        folded = folded.replace(from, to);
    }
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let first = folded.chars().next().map_or(' ', |c| if is_vowel(c) { 'a' } else { c });
    let mut skeleton = String::new();
    let mut letters = folded.chars().peekable();
    while let Some(c) = letters.next() {
        // `c` alone (Kartic) is k; `ch` (Choitro) stays c.
        let c = if c == 'c' && letters.peek() != Some(&'h') { 'k' } else { c };
        if c == 'h' || is_vowel(c) || skeleton.ends_with(c) {
            continue;
        }
        skeleton.push(c);
    }
    (first, skeleton)
}

/// A day of the Bangla calendar, e.g. ১২ পৌষ ১৪৩০ (27 December 2023).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct BanglaDate {
    pub year: i32,
    pub month: BanglaMonth,
    pub day: u32,
}

/// 1426 (from 14 April 2019): the first year of the 2019 revision; the years before follow the 1987 one.
const FIRST_YEAR_OF_2019_RULE: i32 = 1426;

/// The Gregorian year whose 14 April begins Bangla `year`.
fn gregorian_start_year(year: i32) -> i32 {
    year + 593
}

fn year_start(year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(gregorian_start_year(year), 4, 14)
}

/// Whether ফাল্গুন of Bangla `year` has its leap day: its February (in the next Gregorian year) has 29 days.
fn has_long_falgun(year: i32) -> bool {
    let february_year = gregorian_start_year(year) + 1;
    NaiveDate::from_ymd_opt(february_year, 2, 29).is_some()
}

impl BanglaDate {
    /// Checks that the day exists in that month of that year.
    pub fn new(year: i32, month: BanglaMonth, day: u32) -> Result<BanglaDate, Message> {
        let days = month.days(year);
        if day == 0 || day > days {
            let year_text = year.to_string();
            return Err(Message::new(
                format!(
                    "{} {}-এ {} দিন নেই ({} দিনের মাস)।",
                    digits_for(Lang::Bn, &year_text),
                    month.name(Lang::Bn),
                    digits_for(Lang::Bn, &day.to_string()),
                    digits_for(Lang::Bn, &days.to_string()),
                ),
                format!("{} {year} has no day {day} (it has {days} days).", month.name(Lang::En)),
            ));
        }
        Ok(BanglaDate { year, month, day })
    }

    pub fn from_gregorian(date: NaiveDate) -> BanglaDate {
        let this_years_start = NaiveDate::from_ymd_opt(date.year(), 4, 14);
        let year = match this_years_start {
            Some(start) if date >= start => date.year() - 593,
            _ => date.year() - 594,
        };
        let start = year_start(year).unwrap_or(date);
        let mut remaining = u32::try_from((date - start).num_days()).unwrap_or(0);
        for month in BanglaMonth::ALL {
            let days = month.days(year);
            if remaining < days {
                return BanglaDate { year, month, day: remaining + 1 };
            }
            remaining -= days;
        }
        // The twelve months add up to the days between two 14 Aprils, so the loop always returns.
        BanglaDate { year, month: BanglaMonth::Choitro, day: 30 }
    }

    /// The Gregorian day; `None` only for years beyond chrono's range (±262,000).
    pub fn to_gregorian(self) -> Option<NaiveDate> {
        let before: u32 = BanglaMonth::ALL.iter().take_while(|&&m| m != self.month).map(|m| m.days(self.year)).sum();
        year_start(self.year)?.checked_add_days(chrono::Days::new(u64::from(before + self.day - 1)))
    }

    /// `১২ পৌষ ১৪৩০` / `12 Poush 1430`.
    pub fn format(self, lang: Lang) -> String {
        let text = format!("{} {} {}", self.day, self.month.name(lang), self.year);
        digits_for(lang, &text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("test dates are valid")
    }

    fn check(gregorian: NaiveDate, expected: &str) {
        let bangla = BanglaDate::from_gregorian(gregorian);
        assert_eq!(bangla.format(Lang::Bn), expected, "{gregorian}");
        assert_eq!(bangla.to_gregorian(), Some(gregorian), "round trip of {expected}");
    }

    #[test]
    fn fixed_points_of_the_revised_calendar() {
        check(date(2023, 12, 27), "১২ পৌষ ১৪৩০"); // the DPE minutes give both
        check(date(2023, 4, 14), "১ বৈশাখ ১৪৩০");
        check(date(2023, 4, 13), "৩০ চৈত্র ১৪২৯");
        check(date(2023, 12, 16), "১ পৌষ ১৪৩০");
        check(date(2024, 2, 21), "৮ ফাল্গুন ১৪৩০");
        check(date(2024, 3, 26), "১২ চৈত্র ১৪৩০");
        check(date(2019, 4, 14), "১ বৈশাখ ১৪২৬");
        check(date(2024, 7, 1), "১৭ আষাঢ় ১৪৩১");
    }

    #[test]
    fn falgun_has_thirty_days_in_leap_years() {
        // 1430's ফাল্গুন contains 29 February 2024.
        check(date(2024, 3, 14), "৩০ ফাল্গুন ১৪৩০");
        check(date(2024, 3, 15), "১ চৈত্র ১৪৩০");
        // 1431's does not (2025 is not a leap year).
        check(date(2025, 3, 14), "২৯ ফাল্গুন ১৪৩১");
        check(date(2025, 3, 15), "১ চৈত্র ১৪৩১");
        assert!(BanglaDate::new(1430, BanglaMonth::Falgun, 30).is_ok());
        assert!(BanglaDate::new(1431, BanglaMonth::Falgun, 30).is_err());
    }

    #[test]
    fn dates_before_1426_follow_the_1987_rule() {
        // বৈশাখ–ভাদ্র 31 days, the rest 30, ফাল্গুন 31 in a leap year.
        check(date(2012, 3, 14), "৩১ ফাল্গুন ১৪১৮");
        check(date(2012, 3, 15), "১ চৈত্র ১৪১৮");
        check(date(2018, 2, 13), "১ ফাল্গুন ১৪২৪");
        check(date(2018, 3, 14), "৩০ ফাল্গুন ১৪২৪");
        check(date(2017, 9, 15), "৩১ ভাদ্র ১৪২৪");
        check(date(2017, 10, 15), "৩০ আশ্বিন ১৪২৪");
        // The last day of the old rule and the first of the new: 30 চৈত্র 1425, 1 বৈশাখ 1426.
        check(date(2019, 4, 13), "৩০ চৈত্র ১৪২৫");
        assert!(BanglaDate::new(1424, BanglaMonth::Ashwin, 31).is_err(), "আশ্বিন had 30 days before 1426");
        assert!(BanglaDate::new(1426, BanglaMonth::Ashwin, 31).is_ok());
        assert!(BanglaDate::new(1418, BanglaMonth::Falgun, 31).is_ok(), "ফাল্গুন 1418 holds 29 February 2012");
        assert!(BanglaDate::new(1417, BanglaMonth::Falgun, 31).is_err());
    }

    #[test]
    fn every_day_of_a_decade_round_trips_and_is_consecutive() {
        let mut day = date(2008, 1, 1);
        let mut previous = BanglaDate::from_gregorian(day);
        while day < date(2030, 1, 1) {
            day = day.succ_opt().expect("in range");
            let bangla = BanglaDate::from_gregorian(day);
            assert_eq!(bangla.to_gregorian(), Some(day));
            assert!(bangla > previous, "{bangla:?} after {previous:?}");
            previous = bangla;
        }
    }

    #[test]
    fn impossible_days_are_refused_in_both_languages() {
        let err = BanglaDate::new(1430, BanglaMonth::Kartik, 31).unwrap_err();
        assert_eq!(err.bn, "১৪৩০ কার্তিক-এ ৩১ দিন নেই (৩০ দিনের মাস)।");
        assert_eq!(err.en, "Kartik 1430 has no day 31 (it has 30 days).");
        assert!(BanglaDate::new(1430, BanglaMonth::Boishakh, 0).is_err());
        assert!(BanglaDate::new(1430, BanglaMonth::Boishakh, 31).is_ok());
    }

    #[test]
    fn every_romanisation_of_the_public_calendar_libraries_names_its_month() {
        use BanglaMonth::*;
        // As printed by public Bangla calendar libraries and converters, and as the documents write them.
        let spellings: [(BanglaMonth, &[&str]); 12] = [
            (Boishakh, &["Boishakh", "BOISHAKH", "Baishakh", "Boisakh", "Vaishakh", "Boishak", "Baisakh"]),
            (Joishtho, &["Joishtho", "Jyoishtho", "JYOISHTHO", "Jaishtha", "Jyaistha", "Jestha", "Jyeshtha", "Joishto"]),
            (Asharh, &["Asharh", "ASHARH", "Ashar", "Asar", "Asadh", "Ashad", "Ashadh", "Asharha"]),
            (Srabon, &["Srabon", "SHRABON", "Shraban", "Srabana", "Shrawan", "Sraban", "Shrabon"]),
            (Bhadro, &["Bhadro", "BHADRO", "Bhadra", "Vadro"]),
            (Ashwin, &["Ashwin", "Ashshin", "ASHBIN", "Aswin", "Ashin", "Ashvin", "Ashwina"]),
            (Kartik, &["Kartik", "Kartick", "Kartic", "Kartika", "Kartick"]),
            (Ogrohayon, &["Ogrohayon", "OGROHAYON", "Agrahayan", "Ogrohayan", "Agrahayon", "Ogrohaeon", "Agrahayana"]),
            (Poush, &["Poush", "Pous", "Paush", "Pousha", "Pausha", "Push"]),
            (Magh, &["Magh", "Magha", "MAGH"]),
            (Falgun, &["Falgun", "Phalgun", "Falgoon", "Phalguna", "FALGUN"]),
            (Choitro, &["Choitro", "Chaitra", "Choitra", "Chaitro", "CHOITRO", "Chaitr"]),
        ];
        for (month, names) in spellings {
            for name in names {
                assert_eq!(BanglaMonth::from_romanised(name), Some(month), "{name}");
            }
        }
        // Not every word with the right consonants: the first letter counts, and short words are no month.
        for word in ["sun", "son", "mg", "Kitkat", "March", "Asia", "Kolkata"] {
            assert_eq!(BanglaMonth::from_romanised(word), None, "{word}");
        }
    }

    #[test]
    fn month_numbers() {
        assert_eq!(BanglaMonth::from_number(9), Some(BanglaMonth::Poush));
        assert_eq!(BanglaMonth::from_number(0), None);
        assert_eq!(BanglaMonth::from_number(13), None);
        assert_eq!(BanglaMonth::Choitro.number(), 12);
    }
}
