//! The agreement as JSON (`"schema": "batayan.apa/1"`): what a host stores and a widget reads.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::contract::APA_SCHEMA;
use crate::locale::{FiscalYear, Lang};

use super::block::{Block, RowKey};

/// One office's agreement for one fiscal year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct Agreement {
    /// Always [`APA_SCHEMA`].
    pub schema: String,
    /// The office's key in URLs (`ict-sylhet`).
    pub office: String,
    pub fiscal_year: FiscalYear,
    /// The office as the agreement names it (`প্রোগ্রামার, জেলা কার্যালয়, সিলেট, আইসিটি অধিদপ্তর`).
    #[serde(default)]
    pub office_name: String,
    /// The superior who signs with it (`মহাপরিচালক, তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর`).
    #[serde(default)]
    pub counterpart: String,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::locale::iso_date::option")]
    #[cfg_attr(any(test, feature = "schema"), schemars(with = "Option<NaiveDate>"))]
    pub signing_date: Option<NaiveDate>,
    /// Section 1: রূপকল্প (vision), অভিলক্ষ্য (mission) and কার্যাবলি (functions).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub vision: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub mission: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub functions: Vec<String>,
    /// Section 2: outcomes and impact (ফলাফল/প্রভাব).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<Outcome>,
    /// Section 3, the office's own areas (weights sum to 70 in current agreements).
    #[serde(default)]
    pub areas: Vec<Area>,
    /// Section 3, the governance and reform block (30), or the mandatory objectives of 2019-20 and before.
    #[serde(default)]
    pub governance: Vec<Area>,
    /// Annex 1: শব্দসংক্ষেপ.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub acronyms: Vec<Acronym>,
    /// Annex 3: indicators that depend on other offices.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared_indicators: Vec<SharedIndicator>,
    /// How the office's achievements are scored between two levels (`"interpolated"`, the default, or
    /// `"stepped"`: the highest level reached), as its host sets it; every widget scores this way.
    #[serde(default, skip_serializing_if = "is_interpolated")]
    pub scoring: Mode,
}

fn is_interpolated(mode: &Mode) -> bool {
    *mode == Mode::Interpolated
}

impl Agreement {
    pub fn new(office: &str, fiscal_year: FiscalYear) -> Agreement {
        Agreement {
            schema: APA_SCHEMA.to_owned(),
            office: office.to_owned(),
            fiscal_year,
            office_name: String::new(),
            counterpart: String::new(),
            signing_date: None,
            vision: String::new(),
            mission: String::new(),
            functions: Vec::new(),
            outcomes: Vec::new(),
            areas: Vec::new(),
            governance: Vec::new(),
            acronyms: Vec::new(),
            shared_indicators: Vec::new(),
            scoring: Mode::Interpolated,
        }
    }

    /// The areas of `block`.
    pub fn areas_of(&self, block: Block) -> &Vec<Area> {
        match block {
            Block::Own => &self.areas,
            Block::Governance => &self.governance,
        }
    }

    pub fn areas_of_mut(&mut self, block: Block) -> &mut Vec<Area> {
        match block {
            Block::Own => &mut self.areas,
            Block::Governance => &mut self.governance,
        }
    }

    /// Both blocks with their areas, in table order (the office's own first).
    pub fn blocks(&self) -> [(Block, &Vec<Area>); 2] {
        [(Block::Own, &self.areas), (Block::Governance, &self.governance)]
    }

    /// Every indicator of both blocks in table order, with its key and block.
    pub fn keyed_indicators(&self) -> impl Iterator<Item = (RowKey, Block, &Indicator)> {
        self.blocks()
            .into_iter()
            .flat_map(|(block, areas)| areas.iter().flat_map(|a| &a.activities).flat_map(|a| &a.indicators).map(move |i| (block.key(&i.serial), block, i)))
    }

    /// Every indicator of both blocks, in table order.
    pub fn indicators(&self) -> impl Iterator<Item = &Indicator> {
        self.areas.iter().chain(&self.governance).flat_map(|a| &a.activities).flat_map(|a| &a.indicators)
    }
}

/// Section 2: one outcome (ফলাফল/প্রভাব) and the indicator that measures it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct Outcome {
    pub outcome: String,
    pub indicator: String,
    pub unit: String,
    pub prior_actuals: [Option<Value>; 2],
    pub target: Option<Value>,
    pub projections: [Option<Value>; 2],
    /// Who shares responsibility for reaching the target (নির্ধারিত লক্ষ্যমাত্রা অর্জনের ক্ষেত্রে যৌথভাবে দায়িত্বপ্রাপ্ত).
    pub jointly_responsible: String,
    /// উপাত্তসূত্র.
    pub data_source: String,
}

/// Annex 1: an acronym and what it stands for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct Acronym {
    pub short: String,
    pub meaning: String,
}

/// Annex 3: an indicator that depends on another office, and how the work is coordinated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct SharedIndicator {
    pub activity: String,
    pub indicator: String,
    pub offices: String,
    pub coordination: String,
}

/// The raw-score rule between two levels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    #[default]
    Interpolated,
    Stepped,
}

/// কর্মসম্পাদনের ক্ষেত্র (or কৌশলগত উদ্দেশ্য before 2020-21).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct Area {
    /// As in the table's brackets, with ASCII digits: `[১]` → `"1"`.
    pub serial: String,
    pub name: String,
    /// ক্ষেত্রের মান; `None` when the cell was blank.
    pub weight: Option<f64>,
    pub activities: Vec<Activity>,
}

/// কার্যক্রম.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct Activity {
    /// `[১.১]` → `"1.1"`.
    pub serial: String,
    pub name: String,
    pub indicators: Vec<Indicator>,
}

/// কর্মসম্পাদন সূচক: one row of the table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct Indicator {
    /// `[১.১.১]` → `"1.1.1"`.
    pub serial: String,
    pub name: String,
    /// গণনা পদ্ধতি; absent in agreements of 2019-20 and before.
    pub method: Option<Method>,
    /// একক, as written (সংখ্যা, %, তারিখ, প্রাপ্ত নম্বর, লক্ষ টাকা …).
    pub unit: String,
    /// সূচকের মান; `None` when the cell was blank.
    pub weight: Option<f64>,
    /// প্রকৃত অর্জন of the two years before, oldest first.
    pub prior_actuals: [Option<Value>; 2],
    /// Which prior actuals are marked `*` (provisional, সাময়িক).
    #[serde(default)]
    pub prior_provisional: [bool; 2],
    /// Targets at 100%, 90%, 80%, 70%, 60% (অসাধারণ … চলতি মানের নিম্নে); some may be blank.
    pub levels: [Option<Value>; 5],
    /// প্রক্ষেপণ for the next two years.
    pub projections: [Option<Value>; 2],
    #[serde(default)]
    pub direction: Direction,
    /// Annex 2: the unit that carries it out (বাস্তবায়নকারী অনুবিভাগ, অধিশাখা, শাখা).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub implementer: String,
    /// Annex 2: what proves the target was met (লক্ষ্যমাত্রা অর্জনের প্রমাণক).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
}

impl Indicator {
    /// Whether a lower value is the better one: a date indicator (an earlier date is better), one set
    /// so by hand or by its host, or one whose targets rise from 100% to 60% (days to deliver a
    /// service): the levels say it where the agreement does not.
    pub fn lower_is_better(&self) -> bool {
        self.method == Some(Method::Date) || self.direction == Direction::LowerIsBetter || levels_direction(&self.levels) == Some(Direction::LowerIsBetter)
    }

    /// Whether a reader must be told that a lower figure is better: a lower-is-better indicator of
    /// numbers (of dates, an earlier one being better goes without saying).
    pub fn lower_figure_is_better(&self) -> bool {
        self.lower_is_better() && self.method != Some(Method::Date) && !self.levels.iter().flatten().any(|v| matches!(v, Value::Date(_)))
    }
}

/// What a table says under an indicator whose lower figure is better
/// ([`Indicator::lower_figure_is_better`]): one wording for the view and both forms.
pub fn lower_is_better_note(lang: Lang) -> &'static str {
    lang.pick("কম হলেই ভালো", "lower is better")
}

/// The direction filled levels show from 100% to 60%: rising is lower-is-better, falling
/// higher-is-better; `None` when fewer than two are filled, all are equal, or they go both ways.
pub fn levels_direction(levels: &[Option<Value>; 5]) -> Option<Direction> {
    match level_steps(levels) {
        (rises, 0) if rises > 0 => Some(Direction::LowerIsBetter),
        (0, falls) if falls > 0 => Some(Direction::HigherIsBetter),
        _ => None,
    }
}

/// How many steps between filled levels (100% towards 60%) rise, and how many fall.
pub(crate) fn level_steps(levels: &[Option<Value>; 5]) -> (usize, usize) {
    // Without collecting the keys: every row asks this, for its note and its scoring.
    let mut keys = levels.iter().flatten().map(|v| v.order_key());
    let Some(mut previous) = keys.next() else { return (0, 0) };
    keys.fold((0, 0), |(up, down), key| {
        let steps = (up + usize::from(key > previous), down + usize::from(key < previous));
        previous = key;
        steps
    })
}

/// গণনা পদ্ধতি: how the year's achievement follows from the periods' values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// সমষ্টি: the sum of the periods.
    Sum,
    /// গড়: the average of the periods.
    Average,
    /// ক্রমপুঞ্জিভূত: the latest cumulative value.
    Cumulative,
    /// তারিখ: the date by which it was done; earlier is better.
    Date,
}

impl Method {
    /// Reads the method as tables write it, in Bangla or English.
    pub fn from_text(text: &str) -> Option<Method> {
        let text = crate::locale::normalize_bangla(text.trim()).to_ascii_lowercase(); // Bangla has no case: ASCII folding needs no Unicode tables in the Wasm
        let is = |bn: &str| text == crate::locale::normalize_bangla(bn);
        if is("সমষ্টি") || text == "sum" {
            Some(Method::Sum)
        } else if is("গড়") || is("গড") || text == "average" {
            Some(Method::Average)
        } else if is("ক্রমপুঞ্জিভূত") || is("ক্রমপুঞ্জীভূত") || text == "cumulative" {
            Some(Method::Cumulative)
        } else if is("তারিখ") || text == "date" {
            Some(Method::Date)
        } else {
            None
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Method::Sum, Lang::Bn) => "সমষ্টি",
            (Method::Average, Lang::Bn) => "গড়",
            (Method::Cumulative, Lang::Bn) => "ক্রমপুঞ্জিভূত",
            (Method::Date, Lang::Bn) => "তারিখ",
            (Method::Sum, Lang::En) => "sum",
            (Method::Average, Lang::En) => "average",
            (Method::Cumulative, Lang::En) => "cumulative",
            (Method::Date, Lang::En) => "date",
        }
    }
}

/// Whether a higher achievement is better (most indicators) or a lower one (days to deliver a service).
/// Date indicators are always "earlier is better", whatever this says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    #[default]
    HigherIsBetter,
    LowerIsBetter,
}

/// A cell's value: a number, or a date for date indicators. In JSON a number, or an ISO date string
/// (read by hand rather than `#[serde(untagged)]`, which buffers every value and tries each variant).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    Number(f64),
    Date(NaiveDate),
}

impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Number(x) => serializer.serialize_f64(*x),
            Value::Date(d) => serializer.serialize_str(&crate::locale::iso_date::format(*d)),
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

#[cfg(any(test, feature = "schema"))]
impl schemars::JsonSchema for Value {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Value".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A cell's value: a number, or a date written YYYY-MM-DD (date indicators).",
            "oneOf": [{ "type": "number" }, { "type": "string", "format": "date" }]
        })
    }
}

struct ValueVisitor;

impl serde::de::Visitor<'_> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a number, or a date written YYYY-MM-DD")
    }

    fn visit_f64<E: serde::de::Error>(self, x: f64) -> Result<Value, E> {
        Ok(Value::Number(x))
    }

    fn visit_i64<E: serde::de::Error>(self, x: i64) -> Result<Value, E> {
        Ok(Value::Number(x as f64))
    }

    fn visit_u64<E: serde::de::Error>(self, x: u64) -> Result<Value, E> {
        Ok(Value::Number(x as f64))
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Value, E> {
        crate::locale::iso_date::parse(text).map(Value::Date).ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(text), &self))
    }
}

impl Value {
    /// A key that orders values of one kind: numbers as they are, dates as day numbers (later is larger).
    pub fn order_key(self) -> f64 {
        match self {
            Value::Number(x) => x,
            Value::Date(d) => f64::from(chrono::Datelike::num_days_from_ce(&d)),
        }
    }

    /// `১,৩০০` / `1,300`, or `১২ ডিসেম্বর ২০২৪` / `12 December 2024`.
    pub fn format(self, lang: Lang) -> String {
        match self {
            Value::Number(x) => crate::locale::format_number(x, lang),
            Value::Date(d) => crate::locale::format_gregorian(d, lang),
        }
    }
}

/// The name of target level `k` (0 for 100% … 4 for 60%): `১০০%` / `100%`.
pub fn level_label(k: usize, lang: Lang) -> &'static str {
    const BN: [&str; 5] = ["১০০%", "৯০%", "৮০%", "৭০%", "৬০%"];
    const EN: [&str; 5] = ["100%", "90%", "80%", "70%", "60%"];
    if lang == Lang::Bn { BN[k.min(4)] } else { EN[k.min(4)] }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scoring_mode_is_the_agreements_own_and_interpolated_unless_said() {
        use crate::apa::Mode;
        let sylhet = include_str!("../../../../tests/fixtures/apa-ict-sylhet-2024-25.json");
        let plain: Agreement = serde_json::from_str(sylhet).expect("the fixture");
        assert_eq!(plain.scoring, Mode::Interpolated);
        assert!(!serde_json::to_string(&plain).expect("writes").contains("scoring"), "the default is not written");
        let stepped: Agreement = serde_json::from_str(&sylhet.replacen('{', "{\"scoring\": \"stepped\",", 1)).expect("reads");
        assert_eq!(stepped.scoring, Mode::Stepped);
        assert!(serde_json::to_string(&stepped).expect("writes").contains("\"scoring\":\"stepped\""));
        assert!(serde_json::from_str::<Agreement>(&sylhet.replacen('{', "{\"scoring\": \"rounded\",", 1)).is_err(), "an unknown mode is refused");
    }
    /// Which way filled levels go, from 100% to 60%: gaps (unfilled levels) are passed over, fewer than
    /// two filled or all equal say nothing, a zig-zag says nothing, and dates go by day.
    #[test]
    fn levels_say_their_direction_only_when_they_all_go_one_way() {
        use chrono::NaiveDate;
        let n = |x: f64| Some(Value::Number(x));
        let date = |d: u32| NaiveDate::from_ymd_opt(2025, 6, d).map(Value::Date);
        assert_eq!(levels_direction(&[n(100.0), n(90.0), n(80.0), n(70.0), n(60.0)]), Some(Direction::HigherIsBetter));
        assert_eq!(levels_direction(&[n(5.0), None, n(7.0), None, n(9.0)]), Some(Direction::LowerIsBetter));
        assert_eq!(levels_direction(&[n(5.0), n(5.0), n(6.0), n(6.0), None]), Some(Direction::LowerIsBetter), "equal steps do not count");
        assert_eq!(levels_direction(&[n(5.0), n(5.0), None, None, None]), None, "all equal");
        assert_eq!(levels_direction(&[None, None, n(5.0), None, None]), None, "one filled");
        assert_eq!(levels_direction(&[None; 5]), None, "none filled");
        assert_eq!(levels_direction(&[n(5.0), n(7.0), n(6.0), None, None]), None, "both ways");
        assert_eq!(levels_direction(&[date(10), date(15), date(20), date(25), date(30)]), Some(Direction::LowerIsBetter), "later dates: earlier is better");
        assert_eq!(level_steps(&[n(1.0), n(2.0), n(1.0), n(1.0), n(0.0)]), (1, 2));
    }
}
