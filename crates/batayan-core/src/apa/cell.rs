//! How one cell's text becomes a value: the one rule behind a paste, a typed cell in the editor, a
//! typed quarter in the report form and the CLI's import, so that a cell reads the same wherever it is
//! written.
//!
//! A cell reads as its column's kind or not at all: a weight is a number that is not negative; a value
//! is a date in a date indicator and a number otherwise. Text of the other kind (a date typed into a
//! number indicator) is not taken for what it is not: it is an error at its cell that says which kind
//! is due and how to make the row a date row if that is what was meant. Explicit blanks ([`is_blank`])
//! are blank, never an error.

use crate::locale::{Message, normalize_bangla, parse_date, parse_number, to_ascii_digits};

use super::model::{Method, Value};

/// What a cell holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellKind {
    /// An area's or indicator's weight: a number, zero or more.
    Weight,
    /// A number: a target, an actual, a projection or a reported value of a counted indicator.
    Number,
    /// A date: the same cells of a date indicator (method তারিখ, or unit তারিখ).
    Date,
}

impl CellKind {
    /// The kind of an indicator's value cells, by its method and unit: a date when either says so.
    pub fn of_values(method: Option<Method>, unit: &str) -> CellKind {
        let unit_says_date = normalize_bangla(unit).contains(&normalize_bangla("তারিখ")) || unit.trim().eq_ignore_ascii_case("date");
        if method == Some(Method::Date) || (method.is_none() && unit_says_date) { CellKind::Date } else { CellKind::Number }
    }
}

/// Whether a cell says "nothing here" on purpose: empty, a dash (`-`, `–`, `—`), `N/A` or প্রযোজ্য নয়
/// (not applicable). Paste, typing and the CLI read such a cell as blank, never as a mistake.
pub fn is_blank(text: &str) -> bool {
    let text = text.trim();
    text.is_empty() || matches!(text, "-" | "–" | "—" | "N/A" | "n/a") || normalize_bangla(text) == normalize_bangla("প্রযোজ্য নয়")
}

/// Reads one cell as `kind`; blank is `Ok(None)`.
pub fn read_cell(text: &str, kind: CellKind) -> Result<Option<Value>, Message> {
    if is_blank(text) {
        return Ok(None);
    }
    let text = text.trim();
    if kind != CellKind::Weight && !to_ascii_digits(text).chars().any(|c| c.is_ascii_digit()) {
        // `--`, `x`, `নেই`: not a value, and not one of the blanks either.
        let (bn, en) = if kind == CellKind::Date { ("একটি তারিখ", "a date") } else { ("একটি সংখ্যা", "a number") };
        return Err(Message::new(
            format!("“{text}”-এ কোনো অঙ্ক নেই: {bn} লিখুন, অথবা মান না থাকলে ঘরটি ফাঁকা রাখুন বা “-” লিখুন।"),
            format!("“{text}” has no digit: write {en}, or leave the cell empty or write “-” if there is none."),
        ));
    }
    match kind {
        CellKind::Weight => Ok(read_weight(text)?.map(Value::Number)),
        CellKind::Number => match parse_number(text) {
            Ok(x) => Ok(Some(Value::Number(x))),
            Err(_) if holds_several_numbers(text) => Err(Message::new(
                format!("“{text}”-এ একাধিক সংখ্যা: একটি ঘরে একটিই মান লিখুন।"),
                format!("“{text}” holds more than one number: write one value per cell."),
            )),
            Err(_) if parse_date(text).is_ok() => Err(Message::new(
                format!("“{text}” একটি তারিখ, কিন্তু এই সূচক সংখ্যায় মাপা হয়: সংখ্যা লিখুন, অথবা সূচকটি তারিখের হলে গণনা পদ্ধতি “তারিখ” করুন।"),
                format!(
                    "“{text}” is a date, but this indicator is counted in numbers: write a number, or set the method to date (তারিখ) if it is a date indicator."
                ),
            )),
            Err(e) => Err(e.message()),
        },
        CellKind::Date => match parse_date(text) {
            Ok(d) => Ok(Some(Value::Date(d.date))),
            Err(_) if parse_number(text).is_ok() => Err(Message::new(
                format!("“{text}” একটি সংখ্যা, কিন্তু এই সূচক তারিখে মাপা হয়: তারিখ লিখুন, যেমন ৩০/০৬/২০২৫ বা ৩০ জুন ২০২৫।"),
                format!("“{text}” is a number, but this indicator is measured by a date: write a date such as 30/06/2025 or 30 June 2025."),
            )),
            Err(e) => Err(e.message()),
        },
    }
}

/// `৯০, ৯৫` or `১০ ১২`: numbers side by side, each of which reads alone.
fn holds_several_numbers(text: &str) -> bool {
    let parts: Vec<&str> = text.split([',', ';', ' ', '\n']).map(str::trim).filter(|p| !p.is_empty()).collect();
    parts.len() > 1 && parts.iter().all(|p| parse_number(p).is_ok())
}

/// An area's or indicator's weight: a number, zero or more; blank is `Ok(None)`.
pub fn read_weight(text: &str) -> Result<Option<f64>, Message> {
    if is_blank(text) {
        return Ok(None);
    }
    let text = text.trim();
    match parse_number(text) {
        Ok(x) if x < 0.0 => Err(Message::new(format!("“{text}”: মান ঋণাত্মক হতে পারে না।"), format!("“{text}”: a weight cannot be negative."))),
        Ok(x) => Ok(Some(x)),
        Err(e) => Err(e.message()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn a_cell_reads_as_its_kind_and_says_so_when_it_is_the_other_kind() {
        assert_eq!(read_cell(" ১,৩০০ ", CellKind::Number), Ok(Some(Value::Number(1300.0))));
        assert_eq!(read_cell("12.5", CellKind::Number), Ok(Some(Value::Number(12.5))));
        let june_30 = Some(Value::Date(NaiveDate::from_ymd_opt(2020, 6, 30).unwrap()));
        for written in ["৩০/০৬/২০২০", "30-06-2020", "৩০.০৬.২০", "৩০ জুন ২০২০"] {
            assert_eq!(read_cell(written, CellKind::Date), Ok(june_30), "{written}");
            let wrong = read_cell(written, CellKind::Number).unwrap_err();
            assert!(wrong.en.contains("is a date, but this indicator is counted in numbers"), "{written}: {wrong:?}");
        }
        let wrong = read_cell("৮০", CellKind::Date).unwrap_err();
        assert!(wrong.bn.contains("একটি সংখ্যা, কিন্তু এই সূচক তারিখে মাপা হয়"), "{wrong:?}");
    }

    #[test]
    fn blanks_are_blank_in_every_kind_and_the_rest_is_an_error_not_a_guess() {
        for kind in [CellKind::Weight, CellKind::Number, CellKind::Date] {
            for blank in ["", "  ", "-", "–", "—", "প্রযোজ্য নয়", "N/A"] {
                assert_eq!(read_cell(blank, kind), Ok(None), "{blank:?} as {kind:?}");
            }
            for wrong in ["--", "১২ক", "১০, ২০", "১০ ২০", "৩১/০২/২০২০x"] {
                assert!(read_cell(wrong, kind).is_err(), "{wrong:?} as {kind:?}");
            }
        }
        assert!(read_cell("৩১/০২/২০২০", CellKind::Date).unwrap_err().en.contains("February"), "an impossible date says why");
        assert!(read_cell("--", CellKind::Date).unwrap_err().en.contains("“--” has no digit: write a date"));
        assert!(read_cell("৯০, ৯৫", CellKind::Number).unwrap_err().en.contains("holds more than one number"));
        assert!(read_cell("১২ক", CellKind::Number).unwrap_err().bn.contains("“ক” কোনো অঙ্ক নয়"));
        assert!(read_weight("-২").unwrap_err().en.contains("cannot be negative"));
        assert_eq!(read_weight("০.৫"), Ok(Some(0.5)));
    }

    #[test]
    fn the_kind_of_values_comes_from_the_method_or_else_the_unit() {
        assert_eq!(CellKind::of_values(Some(Method::Date), "তারিখ"), CellKind::Date);
        assert_eq!(CellKind::of_values(None, "তারিখ"), CellKind::Date);
        assert_eq!(CellKind::of_values(None, "Date"), CellKind::Date);
        assert_eq!(CellKind::of_values(Some(Method::Sum), "সংখ্যা"), CellKind::Number);
        assert_eq!(CellKind::of_values(None, "%"), CellKind::Number);
        // The method decides when it is given; validation warns that the unit disagrees.
        assert_eq!(CellKind::of_values(Some(Method::Sum), "তারিখ"), CellKind::Number);
    }
}
