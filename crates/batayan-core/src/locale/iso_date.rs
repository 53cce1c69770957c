//! Dates in JSON as `YYYY-MM-DD`, read and written by hand.
//!
//! chrono's own `serde` support parses with its general parser (strftime items, RFC 2822): ~13 KB of
//! Wasm that every page would download to read ten-character strings. The contract only ever carries
//! ISO calendar dates, so this is all we need.

use chrono::{Datelike, NaiveDate};
use serde::{Deserializer, Serializer, de};

/// `2024-12-12` → the date; anything else (another order, a time, a day that does not exist) → `None`.
pub fn parse(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |part: &str, sizes: std::ops::RangeInclusive<usize>| sizes.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
    if parts.next().is_some() || !digits(year, 4..=4) || !digits(month, 1..=2) || !digits(day, 1..=2) {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// The date as `YYYY-MM-DD`.
pub fn format(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// What a date field says when its text is not a date.
pub(crate) const EXPECTED: &str = "a date written YYYY-MM-DD";

/// For `#[serde(with = "…::iso_date::option")]` on an `Option<NaiveDate>` field.
pub mod option {
    use super::*;

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, serializer: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => serializer.serialize_str(&format(*date)),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDate>, D::Error> {
        let text: Option<std::borrow::Cow<'de, str>> = serde::Deserialize::deserialize(deserializer)?;
        match text {
            None => Ok(None),
            Some(text) => parse(&text).map(Some).ok_or_else(|| de::Error::invalid_value(de::Unexpected::Str(&text), &EXPECTED)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_iso_calendar_dates_only() {
        let day = NaiveDate::from_ymd_opt(2024, 12, 5);
        assert_eq!(parse("2024-12-05"), day);
        assert_eq!(parse("2024-12-5"), day);
        assert_eq!(day.map(format).as_deref(), Some("2024-12-05"));
        let early = NaiveDate::from_ymd_opt(999, 1, 2);
        assert_eq!(early.map(format).as_deref(), Some("0999-01-02"));
        assert_eq!(early.map(format).as_deref().and_then(parse), early, "what is written reads back");
        for bad in ["2024-02-30", "12-05-2024", "2024-12-05T00:00", "২০২৪-১২-০৫", "", "2024--05", "+2024-12-05", "2024-12-05-"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
