//! Section 3's two blocks, and the key that names a row in either.
//!
//! The second block's serials restart at [১], so a serial alone does not name a row: a [`RowKey`]
//! does. It is written as a string wherever a row is named outside Rust (a report's JSON, a draft in
//! localStorage, a `data-key` in the DOM): `"1.1.1"`, and `"g1.1.1"` in the second block. This module
//! is the one place that writes and reads that form, and the one place that says how a row is named
//! to people in a given year's agreement (`[১.৩.১]`, `সুশাসন [১.৩.১]`, `[এম.১.৩.১]`).

use std::borrow::Borrow;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::locale::{FiscalYear, Lang, digits_for};

/// Section 3's two blocks: the office's own areas, and the governance block (the mandatory objectives
/// of 2019-20 and before).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Block {
    Own,
    Governance,
}

impl Block {
    /// The key of the row with `serial` in this block.
    pub fn key(self, serial: &str) -> RowKey {
        match self {
            Block::Own => RowKey(serial.to_owned()),
            Block::Governance => RowKey(format!("{GOVERNANCE_MARK}{serial}")),
        }
    }

    /// The agreement's JSON field holding this block's areas.
    pub fn field(self) -> &'static str {
        match self {
            Block::Own => "areas",
            Block::Governance => "governance",
        }
    }

    /// The block whose JSON field is `field`.
    pub fn of_field(field: &str) -> Option<Block> {
        [Block::Own, Block::Governance].into_iter().find(|b| b.field() == field)
    }

    /// A serial of this block as `year`'s documents write it: `[১.৩.১]`, and until 2019-20 the
    /// mandatory objectives' `[এম.১.৩.১]` (`[M.1.3.1]` in English).
    pub fn serial_label(self, serial: &str, year: FiscalYear, lang: Lang) -> String {
        let mark = match (self, has_mandatory_objectives(year), lang) {
            (Block::Governance, true, Lang::Bn) => "এম.",
            (Block::Governance, true, Lang::En) => "M.",
            _ => "",
        };
        format!("[{mark}{}]", digits_for(lang, serial))
    }

    /// What is said before a serial of this block so that it names one row: nothing for the
    /// office's own areas, whose serials are the familiar ones, nor for the mandatory objectives,
    /// whose serials carry their own mark (এম.); "governance" for the block whose serials restart
    /// at [১] since 2020-21.
    pub fn label(self, year: FiscalYear, lang: Lang) -> &'static str {
        match (self, has_mandatory_objectives(year), lang) {
            (Block::Own, _, _) | (Block::Governance, true, _) => "",
            (Block::Governance, false, Lang::Bn) => "সুশাসন ",
            (Block::Governance, false, Lang::En) => "governance ",
        }
    }

    /// [`Block::label`] at the start of a heading: `Governance [1] …`, `সুশাসন [১] …`.
    pub fn title(self, year: FiscalYear, lang: Lang) -> &'static str {
        match (self, has_mandatory_objectives(year), lang) {
            (Block::Governance, false, Lang::En) => "Governance ",
            _ => self.label(year, lang),
        }
    }

    /// The heading of this block's part of the table in `year`'s agreements.
    pub fn heading(self, year: FiscalYear, lang: Lang) -> &'static str {
        match (self, has_mandatory_objectives(year)) {
            (Block::Own, _) => lang.pick("এপিএ স্বাক্ষরকারী অফিসের কর্মসম্পাদনের ক্ষেত্র", "The office's own areas"),
            (Block::Governance, false) => lang.pick("সুশাসন ও সংস্কারমূলক কর্মসম্পাদনের ক্ষেত্র", "Governance and reform"),
            (Block::Governance, true) => lang.pick("আবশ্যিক কৌশলগত উদ্দেশ্যসমূহ", "Mandatory strategic objectives"),
        }
    }
}

/// Whether `year`'s agreements have the mandatory objectives (আবশ্যিক কৌশলগত উদ্দেশ্য, 25 of 100, until
/// 2019-20) as their second block, rather than governance and reform (30 of 100, since 2020-21).
pub fn has_mandatory_objectives(year: FiscalYear) -> bool {
    FiscalYear::starting(2020).is_some_and(|layout_change| year < layout_change)
}

/// How a key marks the second block.
const GOVERNANCE_MARK: char = 'g';

/// The row an area (`"1"`) or an indicator (`"1.1.1"`) is, with its block: `"g1.1.1"` is the
/// second block's [১.১.১]. Any text reads as a key (a host or a stored draft may name a row the
/// agreement does not have; saying so is the caller's part), and a key reads back as it was written.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct RowKey(String);

impl RowKey {
    /// The key as written: `"g1.1.1"`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn block(&self) -> Block {
        if self.0.starts_with(GOVERNANCE_MARK) { Block::Governance } else { Block::Own }
    }

    /// The serial within its block: `"1.1.1"`.
    pub fn serial(&self) -> &str {
        self.0.strip_prefix(GOVERNANCE_MARK).unwrap_or(&self.0)
    }

    /// Whether the key names an area (`"1"`) rather than an activity or indicator.
    pub fn is_area(&self) -> bool {
        !self.serial().contains('.')
    }

    /// The serial as `year`'s documents write it ([`Block::serial_label`]).
    pub fn serial_label(&self, year: FiscalYear, lang: Lang) -> String {
        self.block().serial_label(self.serial(), year, lang)
    }

    /// The serial at the start of a heading or a bar: `[১]`, `Governance [1]`, `সুশাসন [১]`, `[এম.১]`.
    pub fn title(&self, year: FiscalYear, lang: Lang) -> String {
        format!("{}{}", self.block().title(year, lang), self.serial_label(year, lang))
    }

    /// How people name the row in `year`'s agreement: `[১.৩.১]`, `সুশাসন [১.৩.১]`, `[এম.১.৩.১]` until
    /// 2019-20, `ক্ষেত্র [১]` for an area.
    pub fn label(&self, year: FiscalYear, lang: Lang) -> String {
        let area = match (self.is_area(), lang) {
            (true, Lang::Bn) => "ক্ষেত্র ",
            (true, Lang::En) => "area ",
            (false, _) => "",
        };
        format!("{}{area}{}", self.block().label(year, lang), self.serial_label(year, lang))
    }
}

impl From<&str> for RowKey {
    fn from(key: &str) -> RowKey {
        RowKey(key.to_owned())
    }
}

impl From<String> for RowKey {
    fn from(key: String) -> RowKey {
        RowKey(key)
    }
}

impl Borrow<str> for RowKey {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for RowKey {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for RowKey {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl fmt::Display for RowKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_label(key: &str, year: FiscalYear, lang: Lang) -> String {
        RowKey::from(key).label(year, lang)
    }

    #[test]
    fn rows_are_named_by_block_and_serial_as_the_years_documents_write_them() {
        let year = FiscalYear::starting(2024).expect("a year");
        assert_eq!(key_label("1.3.1", year, Lang::Bn), "[১.৩.১]");
        assert_eq!(key_label("g1.3.1", year, Lang::Bn), "সুশাসন [১.৩.১]");
        assert_eq!(key_label("g1", year, Lang::En), "governance area [1]");
        assert_eq!(key_label("2", year, Lang::En), "area [2]");
        // Until 2019-20 the second block is the mandatory objectives, whose serials carry their mark.
        let old = FiscalYear::starting(2019).expect("a year");
        assert_eq!(key_label("g1.1.1", old, Lang::Bn), "[এম.১.১.১]");
        assert_eq!(key_label("g1", old, Lang::En), "area [M.1]");
        assert_eq!(key_label("1.1.1", old, Lang::Bn), "[১.১.১]");
        assert_eq!(Block::Governance.heading(old, Lang::En), "Mandatory strategic objectives");
        assert_eq!(Block::Governance.heading(year, Lang::Bn), "সুশাসন ও সংস্কারমূলক কর্মসম্পাদনের ক্ষেত্র");
        assert_eq!((Block::Governance.title(year, Lang::En), Block::Governance.title(old, Lang::Bn)), ("Governance ", ""));
        assert_eq!(Block::Own.title(year, Lang::En), "");
        assert_eq!(RowKey::from("g2").title(year, Lang::En), "Governance [2]");
        assert_eq!(RowKey::from("g2").title(old, Lang::Bn), "[এম.২]");
        assert_eq!(RowKey::from("2").title(old, Lang::Bn), "[২]");
    }

    #[test]
    fn a_rows_key_says_its_block_and_reads_back_as_written() {
        assert_eq!(Block::Governance.key("1.3.1").as_str(), "g1.3.1");
        assert_eq!(Block::Own.key("1.3.1").as_str(), "1.3.1");
        for (key, block, serial) in [("g1.3.1", Block::Governance, "1.3.1"), ("1.3.1", Block::Own, "1.3.1"), ("g1", Block::Governance, "1")] {
            let read = RowKey::from(key);
            assert_eq!((read.block(), read.serial()), (block, serial));
            assert_eq!(block.key(serial), read);
            assert_eq!(serde_json::to_string(&read).expect("writes"), format!("\"{key}\""));
        }
        assert!(RowKey::from("g1").is_area() && !RowKey::from("1.1").is_area());
        assert_eq!(Block::of_field("governance"), Some(Block::Governance));
        assert_eq!(Block::of_field(Block::Own.field()), Some(Block::Own));
        assert_eq!(Block::of_field("annexes"), None);
    }
}
