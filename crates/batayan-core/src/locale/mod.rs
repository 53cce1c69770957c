//! The Bangla layer every widget needs: digits, numbers, dates in both calendars, fiscal years and
//! mobile numbers, and the two-language [`Message`] every error carries.
//!
//! Bangla comes first everywhere: parsers accept ০-৯ as readily as 0-9, and formatters write Bangla
//! digits with lakh/crore grouping unless asked for English.

/// `Display` (the English message, for logs and `?` chains) and `std::error::Error` for an error type
/// with a `message(&self) -> Message` method; people see the message in their own language.
macro_rules! error_via_message {
    ($($error:ty),+) => {$(
        impl std::fmt::Display for $error {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.message().en)
            }
        }

        impl std::error::Error for $error {}
    )+};
}

mod calendar;
mod date;
mod digits;
mod fiscal;
pub mod iso_date;
mod mobile;
mod number;

use serde::{Deserialize, Serialize};

pub use calendar::{BanglaDate, BanglaMonth};
pub use date::{Calendar, DateError, ParsedDate, format_gregorian, parse_date, weekday_name};
pub use digits::{digits_as_written, normalize_bangla, to_ascii_digits, to_bangla_digits};
pub use fiscal::{FiscalYear, FiscalYearError, Half, Period, Quarter};
pub use mobile::{MobileError, MobileNumber, Operator};
pub use number::{Decimal, MAX_EXACT_DIGITS, MAX_WHOLE_DIGITS, NumberError, format_fixed, format_integer, format_number, parse_number};

error_via_message!(DateError, FiscalYearError, MobileError, NumberError);

/// The two languages every widget and message speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Bn,
    En,
}

impl Lang {
    /// Reads a language tag such as `bn`, `bn-BD`, `en` or `en-GB`; anything else is `None`, and the
    /// caller decides the fallback (the widgets fall back to Bangla).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "bn" | "ben" => Some(Lang::Bn),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::Bn => "bn",
            Lang::En => "en",
        }
    }

    /// The text for this language: `lang.pick("অর্থবছর", "Fiscal year")`.
    pub fn pick<'a>(self, bn: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Bn => bn,
            Lang::En => en,
        }
    }
}

/// A sentence for a person, in Bangla and in English.
///
/// Every error and finding that can reach a user carries one, so that a widget can show it in the
/// page's language and a server can return both (`message_bn`, `message_en`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct Message {
    pub bn: String,
    pub en: String,
}

impl Message {
    pub fn new(bn: impl Into<String>, en: impl Into<String>) -> Message {
        Message { bn: bn.into(), en: en.into() }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Bn => &self.bn,
            Lang::En => &self.en,
        }
    }
}

impl std::fmt::Display for Message {
    /// English, for logs and `?` chains; people see [`Message::get`] in their own language.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

/// Writes the digits of a text the way a reader of `lang` expects: Bangla digits for Bangla, ASCII for
/// English (serials like `1.1.1`, numbers inside messages).
pub fn digits_for(lang: Lang, ascii: &str) -> String {
    match lang {
        Lang::Bn => to_bangla_digits(ascii),
        Lang::En => ascii.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        assert_eq!(Lang::from_tag("bn"), Some(Lang::Bn));
        assert_eq!(Lang::from_tag("bn-BD"), Some(Lang::Bn));
        assert_eq!(Lang::from_tag(" EN-gb "), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn message_picks_language() {
        let m = Message::new("ত্রুটি", "error");
        assert_eq!(m.get(Lang::Bn), "ত্রুটি");
        assert_eq!(m.get(Lang::En), "error");
        assert_eq!(m.to_string(), "error");
    }
}
