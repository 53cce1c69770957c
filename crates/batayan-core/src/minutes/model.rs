//! The minutes document (`batayan.minutes/1`).

use serde::{Deserialize, Serialize};

/// One meeting's minutes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct Minutes {
    /// Always `batayan.minutes/1`.
    pub schema: String,
    /// Who met: the committee or office (`প্রাথমিক শিক্ষা অধিদপ্তর`), as the minutes name it.
    pub body: String,
    /// The title line (`… সভার কার্যবিবরণী`).
    pub title: String,
    /// The meeting's number as written (`কার্যবিবরণী-২` → `২`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_number: Option<String>,
    pub chair: Person,
    /// The meeting's date (`YYYY-MM-DD`), and as written.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::locale::iso_date::option")]
    #[cfg_attr(any(test, feature = "schema"), schemars(with = "Option<chrono::NaiveDate>"))]
    pub date: Option<chrono::NaiveDate>,
    #[serde(default)]
    pub date_text: String,
    /// As written (`সকাল ১০:০০ ঘটিকা`).
    #[serde(default)]
    pub time: String,
    /// A room, or an online meeting's platform.
    #[serde(default)]
    pub venue: String,
    #[serde(default)]
    pub attendance: Attendance,
    /// The agenda as listed (`ক) …`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agenda: Vec<String>,
    /// What the chair said before the items.
    #[serde(default)]
    pub opening: String,
    pub items: Vec<Item>,
    /// The closing sentence.
    #[serde(default)]
    pub closing: String,
    pub signatory: Person,
    /// স্মারক নং / নম্বর, spaces taken out (`০৫.৪৪.৪৭৫৩.০০০.০৬.০২৩.২২-৮৪৮`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memo_number: Option<String>,
    /// The issue date (`YYYY-MM-DD`), and as written (often in the Bangla calendar, `১২ পৌষ ১৪৩০`).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::locale::iso_date::option")]
    #[cfg_attr(any(test, feature = "schema"), schemars(with = "Option<chrono::NaiveDate>"))]
    pub issued: Option<chrono::NaiveDate>,
    #[serde(default)]
    pub issued_text: String,
    /// অনুলিপি, in order, without their numbers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub distribution: Vec<String>,
    /// The previous meeting's follow-up, as these minutes state it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<FollowUp>,
}

/// A name with a designation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct Person {
    pub name: String,
    #[serde(default)]
    pub designation: String,
}

/// Who attended: listed, or "see the annex".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct Attendance {
    /// The annex the list is in, as written (`পরিশিষ্ট-ক`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annex: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub present: Vec<Person>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absent: Vec<Person>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guests: Vec<Person>,
}

/// One agenda item: its serial as written, topic, discussion and decisions.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct Item {
    pub serial: String,
    pub topic: String,
    /// As written, markup included (shown through `text::parse`).
    #[serde(default)]
    pub discussion: String,
    pub decisions: Vec<Decision>,
}

/// One decision: its own serial if it has one, the text, who carries it out, and where it stands.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct Decision {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serial: Option<String>,
    pub text: String,
    #[serde(default)]
    pub implementers: Vec<String>,
    /// The deadline as written (`১৫ জানুয়ারি ২০২৪ তারিখের মধ্যে`, `আগামী সভার পূর্বে`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    #[serde(default)]
    pub status: Status,
    /// What the office says of where it stands (with the last status change).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::locale::iso_date::option")]
    #[cfg_attr(any(test, feature = "schema"), schemars(with = "Option<chrono::NaiveDate>"))]
    pub completed: Option<chrono::NaiveDate>,
}

/// Where a decision stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Pending,
    InProgress,
    Done,
    Dropped,
}

/// The previous meeting's follow-up as stated: decisions taken and implemented, and the rate given.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct FollowUp {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taken: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implemented: Option<u32>,
    /// The rate as stated, in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<f64>,
}
