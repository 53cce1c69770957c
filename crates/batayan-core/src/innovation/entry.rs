//! The entry (`batayan.innovation-entry/1`): what the Rajshahi division's instruction asks of a showcase
//! entry, with the TCV figures before and after.

use serde::{Deserialize, Serialize};

use crate::locale::{Decimal, FiscalYear, Lang};

/// One showcase entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct Entry {
    /// Always `batayan.innovation-entry/1`.
    pub schema: String,
    /// The office, as its people name it (`জেলা কার্যালয়, তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর, সিলেট`).
    pub office: String,
    pub fiscal_year: FiscalYear,
    /// The project's name (উদ্ভাবনের নাম).
    pub title: String,
    pub level: Level,
    pub category: Category,
    /// The citizen's problem before (সমস্যা).
    #[serde(default)]
    pub problem: String,
    /// What the innovation does about it (সমাধান).
    #[serde(default)]
    pub solution: String,
    /// Who benefits (উপকারভোগী).
    #[serde(default)]
    pub beneficiaries: String,
    /// Cases a year (applications, services given): with the TCV it gives the year's savings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yearly_volume: Option<u64>,
    /// উদ্ভাবক, বাস্তবায়নকারী, মেন্টর.
    pub innovator: Person,
    pub implementer: Person,
    pub mentor: Person,
    /// The citizen's time, cost and visits for one case, before and after.
    pub before: Case,
    pub after: Case,
    /// Whether the TCV figures are the team's claim or were checked (দাবিকৃত / যাচাইকৃত).
    #[serde(default)]
    pub figures: Figures,
    /// When the pilot or service started (`YYYY-MM-DD`), inside the fiscal year.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::locale::iso_date::option")]
    #[cfg_attr(any(test, feature = "schema"), schemars(with = "Option<chrono::NaiveDate>"))]
    pub started: Option<chrono::NaiveDate>,
    /// A video, documents: `http(s)://` links only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
}

/// The level the entry is shown at; the best move up (upazila → district → division → national).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Upazila,
    District,
    Division,
    Directorate,
    National,
}

impl Level {
    pub const ALL: [Level; 5] = [Level::Upazila, Level::District, Level::Division, Level::Directorate, Level::National];

    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Level::Upazila => lang.pick("উপজেলা", "Upazila"),
            Level::District => lang.pick("জেলা", "District"),
            Level::Division => lang.pick("বিভাগ", "Division"),
            Level::Directorate => lang.pick("অধিদপ্তর/দপ্তর", "Directorate"),
            Level::National => lang.pick("জাতীয়", "National"),
        }
    }

    /// `upazila`, or its Bangla name, as a spreadsheet writes it.
    pub fn from_text(text: &str) -> Option<Level> {
        let text = text.trim();
        Level::ALL.into_iter().find(|l| text.eq_ignore_ascii_case(l.key()) || text == l.name(Lang::Bn) || text.eq_ignore_ascii_case(l.name(Lang::En)))
    }

    pub fn key(self) -> &'static str {
        match self {
            Level::Upazila => "upazila",
            Level::District => "district",
            Level::Division => "division",
            Level::Directorate => "directorate",
            Level::National => "national",
        }
    }
}

/// What kind of innovation it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Idea,
    Pilot,
    /// সেবা সহজিকরণ.
    SimplifiedService,
    DigitisedService,
    Replication,
}

impl Category {
    pub const ALL: [Category; 5] = [Category::Idea, Category::Pilot, Category::SimplifiedService, Category::DigitisedService, Category::Replication];

    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Category::Idea => lang.pick("উদ্ভাবনী ধারণা", "Idea"),
            Category::Pilot => lang.pick("পাইলট", "Pilot"),
            Category::SimplifiedService => lang.pick("সেবা সহজিকরণ", "Simplified service"),
            Category::DigitisedService => lang.pick("ডিজিটাইজড সেবা", "Digitised service"),
            Category::Replication => lang.pick("রেপ্লিকেশন", "Replication"),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Category::Idea => "idea",
            Category::Pilot => "pilot",
            Category::SimplifiedService => "simplified_service",
            Category::DigitisedService => "digitised_service",
            Category::Replication => "replication",
        }
    }

    /// `pilot`, or its Bangla name.
    pub fn from_text(text: &str) -> Option<Category> {
        let text = text.trim();
        Category::ALL.into_iter().find(|c| text.eq_ignore_ascii_case(c.key()) || text == c.name(Lang::Bn) || text.eq_ignore_ascii_case(c.name(Lang::En)))
    }
}

/// A person of the team.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct Person {
    pub name: String,
    /// পদবি.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub designation: String,
    /// As typed (either digit set, `+880`, dashes); read by [`crate::locale::MobileNumber`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub mobile: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// One case as the citizen lives it: how long it takes, what it costs, how many visits to an office,
/// and optionally the steps and documents it needs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct Case {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<Timed>,
    /// In taka, exact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visits: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documents: Option<u32>,
}

/// A time with its unit.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct Timed {
    pub amount: Decimal,
    pub unit: TimeUnit,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum TimeUnit {
    Days,
    Hours,
}

impl Timed {
    /// In hours, to compare a time in days with one in hours (a working day is counted as 24 hours:
    /// the citizen waits the whole day).
    pub fn hours(self) -> f64 {
        match self.unit {
            TimeUnit::Hours => self.amount.to_f64(),
            TimeUnit::Days => self.amount.to_f64() * 24.0,
        }
    }
}

/// Whether the TCV figures are the team's claim or were checked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Figures {
    #[default]
    Claimed,
    Verified,
}
