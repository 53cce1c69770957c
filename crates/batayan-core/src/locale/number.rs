//! Numbers as people in Bangladesh type and read them: either digit set, lakh/crore grouping
//! (`৯০,০০,০০০`) or western grouping (`9,000,000`), and money written with a trailing `/-`.

use super::digits::{bangla_digit_value, to_bangla_digits};
use super::{Lang, Message};

/// Why a text is not a number. [`NumberError::message`] says it to a person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberError {
    Empty,
    /// A character that is neither a digit nor part of a number's punctuation.
    NotADigit {
        input: String,
        found: char,
    },
    /// Commas that fit neither lakh/crore nor western grouping, like `1,2,3`.
    MisplacedComma {
        input: String,
    },
    /// More than one decimal point, or a point with no digits after it.
    MalformedDecimal {
        input: String,
    },
    /// More whole digits than a number can hold exactly ([`MAX_WHOLE_DIGITS`]): a paste gone wrong,
    /// never a real figure.
    TooLarge {
        input: String,
    },
    /// More digits than an exact [`Decimal`] holds ([`MAX_EXACT_DIGITS`]).
    TooManyDigits {
        input: String,
    },
}

/// The most digits before the point that a number may have: past 15, an `f64` no longer holds every
/// whole number exactly, and no agreement, report or budget figure comes near it.
pub const MAX_WHOLE_DIGITS: usize = 15;

impl NumberError {
    pub fn message(&self) -> Message {
        match self {
            NumberError::Empty => Message::new("একটি সংখ্যা লিখুন।", "Enter a number."),
            NumberError::NotADigit { input, found } => Message::new(
                format!("“{input}” সংখ্যা নয়: “{found}” কোনো অঙ্ক নয়। শুধু ০-৯ বা 0-9 লিখুন।"),
                format!("“{input}” is not a number: “{found}” is not a digit. Use only ০-৯ or 0-9."),
            ),
            NumberError::MisplacedComma { input } => Message::new(
                format!("“{input}”-এ কমা ভুল জায়গায়। লিখুন যেমন ১,৮০,০০০ বা 180,000, অথবা কমা ছাড়া।"),
                format!("“{input}” has a comma in the wrong place. Write 1,80,000 or 180,000, or no comma."),
            ),
            NumberError::MalformedDecimal { input } => Message::new(
                format!("“{input}”-এ দশমিক বিন্দু ভুল: একটিই বিন্দু, তার পরে অঙ্ক।"),
                format!("“{input}” has a malformed decimal point: use one point followed by digits."),
            ),
            NumberError::TooLarge { input } => {
                let shown = shorten(input);
                Message::new(
                    format!("“{shown}” অনেক বড়: দশমিকের আগে {}টির বেশি অঙ্ক থাকতে পারে না।", to_bangla_digits(&MAX_WHOLE_DIGITS.to_string())),
                    format!("“{shown}” is too large: a number may have at most {MAX_WHOLE_DIGITS} digits before the point."),
                )
            }
            NumberError::TooManyDigits { input } => {
                let shown = shorten(input);
                Message::new(
                    format!("“{shown}”-এ অনেক অঙ্ক: একটি সংখ্যায় সব মিলিয়ে {}টির বেশি অঙ্ক থাকতে পারে না।", to_bangla_digits(&MAX_EXACT_DIGITS.to_string())),
                    format!("“{shown}” has too many digits: a number may have at most {MAX_EXACT_DIGITS} in all."),
                )
            }
        }
    }
}

/// Reads a number typed with Bangla or ASCII digits, optional grouping commas, an optional decimal
/// point and sign, an optional taka sign before it (`৳ ৫০০`, `-৳৫০০`) and an optional money suffix
/// `/-` (`৯০,০০,০০০/-`). Anything else is an error that names the offending character: `"১২a"` is an
/// error, never 12. For a figure that must keep every digit (money, sums of money), read a [`Decimal`].
pub fn parse_number(input: &str) -> Result<f64, NumberError> {
    let written = read_written_number(input)?;
    if written.integer.trim_start_matches('0').len() > MAX_WHOLE_DIGITS {
        return Err(NumberError::TooLarge { input: written.input });
    }
    let value = decimal_to_f64(&written.integer, written.fraction.as_deref().unwrap_or(""));
    Ok(if written.negative { -value } else { value })
}

/// Significant digits read exactly: below 10¹⁵ every whole number is an exact `f64`.
const EXACT_DIGITS: usize = 15;

/// `integer.fraction` (ASCII digits) as the nearest `f64`, by integer arithmetic: the digits as a whole
/// number `m` over `10^k`, both exact in an `f64`, so that the one division rounds once — the same
/// value the standard parser gives. (The standard parser is ~5 KB of Wasm in every module that reads a
/// number.) Past [`EXACT_DIGITS`] significant digits, which no figure of a table has, the rest are
/// rounded away first.
fn decimal_to_f64(integer: &str, fraction: &str) -> f64 {
    let fraction = fraction.trim_end_matches('0');
    let digits = integer.bytes().chain(fraction.bytes()).skip_while(|&d| d == b'0');
    let mut mantissa: u64 = 0;
    let mut kept = 0usize;
    let mut dropped = 0usize;
    let mut round_up = false;
    for d in digits {
        if kept < EXACT_DIGITS {
            mantissa = mantissa * 10 + u64::from(d - b'0');
            kept += 1;
        } else {
            if dropped == 0 {
                round_up = d >= b'5';
            }
            dropped += 1;
        }
    }
    if round_up {
        mantissa += 1;
    }
    // value = mantissa × 10^(dropped − fraction digits)
    let exponent = dropped as i32 - fraction.len() as i32;
    let mantissa = mantissa as f64;
    match exponent {
        0 => mantissa,
        e if e > 0 => mantissa * power_of_ten(e),
        e => mantissa / power_of_ten(-e),
    }
}

/// 10^e as an `f64`: exact up to 10²², which covers every figure a table has.
fn power_of_ten(e: i32) -> f64 {
    let mut value = 1.0;
    for _ in 0..e {
        value *= 10.0;
    }
    value
}

/// A number as typed, checked and brought to ASCII: its sign, whole digits (commas gone) and the
/// digits after the point, if any.
struct WrittenNumber {
    /// The input as shown in messages (trimmed).
    input: String,
    negative: bool,
    integer: String,
    fraction: Option<String>,
}

/// The rules of [`parse_number`], shared with [`Decimal::parse`].
fn read_written_number(input: &str) -> Result<WrittenNumber, NumberError> {
    let trimmed = input.trim_matches(|c: char| c.is_whitespace());
    let body = trimmed.strip_suffix("/-").unwrap_or(trimmed).trim_end();
    if body.is_empty() {
        return Err(NumberError::Empty);
    }
    let taka = |text: &'_ str| -> String { text.strip_prefix('৳').unwrap_or(text).trim_start().to_owned() };
    let body = taka(body);
    let (negative, unsigned) = match body.chars().next() {
        Some('-' | '−') => (true, taka(body[body.chars().next().map_or(0, char::len_utf8)..].trim_start())),
        Some('+') => (false, taka(body[1..].trim_start())),
        _ => (false, body.clone()),
    };
    if unsigned.is_empty() {
        return Err(NumberError::Empty);
    }

    let mut ascii = String::with_capacity(unsigned.len());
    for c in unsigned.chars() {
        match c {
            '0'..='9' | ',' | '.' => ascii.push(c),
            _ => match bangla_digit_value(c) {
                Some(d) => ascii.push((b'0' + d) as char),
                None => return Err(NumberError::NotADigit { input: trimmed.to_owned(), found: c }),
            },
        }
    }

    let (integer, fraction) = match ascii.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (ascii.as_str(), None),
    };
    if let Some(f) = fraction
        && (f.is_empty() || f.contains(['.', ',']))
    {
        return Err(NumberError::MalformedDecimal { input: trimmed.to_owned() });
    }
    if integer.is_empty() && fraction.is_none() {
        return Err(NumberError::Empty);
    }
    if !grouping_is_valid(integer) {
        return Err(NumberError::MisplacedComma { input: trimmed.to_owned() });
    }
    Ok(WrittenNumber { input: trimmed.to_owned(), negative, integer: integer.chars().filter(|&c| c != ',').collect(), fraction: fraction.map(str::to_owned) })
}

/// A number kept exactly as written: every digit, before and after the point, so that a figure of
/// money comes back as typed and sums of money are exact. (`f64` holds about 15 significant digits:
/// `৯৮৭৬৫৪৩২১০৯৮৭৬৫৪৩২১` would come back with other digits.) Scores stay `f64`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Decimal {
    /// The value times `10^scale`.
    units: i128,
    /// Digits after the point, as written (`১২.৫০` has two).
    scale: u32,
}

/// The most digits a [`Decimal`] holds, before and after the point together (an `i128` holds 38).
pub const MAX_EXACT_DIGITS: usize = 36;

impl Decimal {
    /// Reads a number by the rules of [`parse_number`], keeping every digit.
    pub fn parse(input: &str) -> Result<Decimal, NumberError> {
        let written = read_written_number(input)?;
        let fraction = written.fraction.as_deref().unwrap_or("");
        let digits = format!("{}{fraction}", written.integer);
        let significant = digits.trim_start_matches('0');
        let too_many = || NumberError::TooManyDigits { input: written.input.clone() };
        if significant.len() > MAX_EXACT_DIGITS || fraction.len() > MAX_EXACT_DIGITS {
            return Err(too_many());
        }
        let magnitude: i128 = if significant.is_empty() { 0 } else { significant.parse().map_err(|_| too_many())? };
        let scale = u32::try_from(fraction.len()).map_err(|_| too_many())?;
        Ok(Decimal { units: if written.negative { -magnitude } else { magnitude }, scale })
    }

    /// The sum, exact, at the larger of the two scales; `None` past what a `Decimal` holds.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let (a, b, scale) = self.aligned(other)?;
        Some(Decimal { units: a.checked_add(b)?, scale })
    }

    /// A whole number, exactly.
    pub fn from_integer(value: i64) -> Decimal {
        Decimal { units: i128::from(value), scale: 0 }
    }

    /// Both at the larger of the two scales, or `None` past what a `Decimal` holds.
    fn aligned(self, other: Decimal) -> Option<(i128, i128, u32)> {
        let scale = self.scale.max(other.scale);
        let widen = |d: Decimal| d.units.checked_mul(10i128.checked_pow(scale - d.scale)?);
        Some((widen(self)?, widen(other)?, scale))
    }

    /// The difference, exact; `None` past what a `Decimal` holds.
    pub fn checked_sub(self, other: Decimal) -> Option<Decimal> {
        let (a, b, scale) = self.aligned(other)?;
        Some(Decimal { units: a.checked_sub(b)?, scale })
    }

    /// The product with a whole number (a cost saved per case × cases a year), exact.
    pub fn checked_mul_integer(self, times: i128) -> Option<Decimal> {
        Some(Decimal { units: self.units.checked_mul(times)?, scale: self.scale })
    }

    /// How the two values compare (`১২.৫` and `১২.৫০` are equal), whatever their scales.
    pub fn compare(self, other: Decimal) -> std::cmp::Ordering {
        match self.aligned(other) {
            Some((a, b, _)) => a.cmp(&b),
            // Too many digits to widen: the nearest floats decide (never reached by figures of money).
            None => self.to_f64().total_cmp(&other.to_f64()),
        }
    }

    pub fn is_negative(self) -> bool {
        self.units < 0
    }

    /// The nearest `f64`, for scoring (to 15 significant digits, as every figure is read).
    pub fn to_f64(self) -> f64 {
        // Through the digits: the correctly rounded value, which dividing two floats is not.
        let plain = self.plain();
        let (negative, digits) = match plain.strip_prefix('-') {
            Some(digits) => (true, digits),
            None => (false, plain.as_str()),
        };
        let (integer, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let value = decimal_to_f64(integer, fraction);
        if negative { -value } else { value }
    }

    /// `-1234.50`: ASCII digits, no grouping, the digits after the point as written.
    pub fn plain(self) -> String {
        let (integer, fraction) = self.digits();
        let sign = if self.units < 0 { "-" } else { "" };
        if fraction.is_empty() { format!("{sign}{integer}") } else { format!("{sign}{integer}.{fraction}") }
    }

    /// `১২,৩৪,৫৬৭.৫০` / `1,234,567.50`: grouped for `lang`, every digit kept.
    pub fn format(self, lang: Lang) -> String {
        let scale = 10u128.pow(self.scale);
        let magnitude = self.units.unsigned_abs();
        let mut out = String::with_capacity(3 * 48);
        if self.units < 0 {
            out.push('-');
        }
        write_grouped(&mut out, magnitude / scale, lang);
        if self.scale > 0 {
            out.push('.');
            // Every digit after the point as written, trailing zeros too (`১২.৫০`).
            let fraction = magnitude % scale;
            for place in (0..self.scale).rev() {
                out.push(digit_char(((fraction / 10u128.pow(place)) % 10) as u8, lang));
            }
        }
        out
    }

    /// The whole digits (at least `0`) and the `scale` digits after the point.
    fn digits(self) -> (String, String) {
        let all = format!("{:0>width$}", self.units.unsigned_abs(), width = self.scale as usize + 1);
        let (integer, fraction) = all.split_at(all.len() - self.scale as usize);
        (integer.to_owned(), fraction.to_owned())
    }
}

/// In JSON a `Decimal` is a string of ASCII digits (`"1250.50"`), so that no digit changes on the way
/// through a parser that reads numbers as floats; a JSON integer is read too.
impl serde::Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.plain())
    }
}

impl<'de> serde::Deserialize<'de> for Decimal {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        struct Exact;
        impl serde::de::Visitor<'_> for Exact {
            type Value = Decimal;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an amount written as a string of digits, such as \"1250.50\"")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Decimal, E> {
                Decimal::parse(text).map_err(|e| E::custom(e.message().en))
            }

            fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Decimal, E> {
                Ok(Decimal::from_integer(value))
            }

            fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Decimal, E> {
                i64::try_from(value).map(Decimal::from_integer).map_err(|_| E::custom("too large an amount"))
            }
        }
        deserializer.deserialize_any(Exact)
    }
}

#[cfg(any(test, feature = "schema"))]
impl schemars::JsonSchema for Decimal {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An exact amount, every digit kept: a string of ASCII digits with an optional point (\"1250.50\"); a whole number may be a JSON integer.",
            "oneOf": [{ "type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?$" }, { "type": "integer" }]
        })
    }
}

/// A long input quoted in a message: its first and last characters, so that the message stays readable.
fn shorten(input: &str) -> String {
    let count = input.chars().count();
    if count <= 24 {
        return input.to_owned();
    }
    let head: String = input.chars().take(10).collect();
    let tail: String = input.chars().skip(count - 6).collect();
    format!("{head}…{tail}")
}

/// Commas are allowed only as whole grouping: lakh/crore (`12,34,567`) or western (`1,234,567`).
fn grouping_is_valid(integer: &str) -> bool {
    if !integer.contains(',') {
        return true;
    }
    let groups: Vec<&str> = integer.split(',').collect();
    let (first, rest) = (groups[0], &groups[1..]);
    let (last, middle) = rest.split_last().map_or(("", &[][..]), |(l, m)| (*l, m));
    if first.is_empty() || last.len() != 3 {
        return false;
    }
    let western = first.len() <= 3 && middle.iter().all(|g| g.len() == 3);
    let lakh_crore = first.len() <= 2 && middle.iter().all(|g| g.len() == 2);
    western || lakh_crore
}

/// Groups the digits of a whole number: lakh/crore in Bangla (`৯০,০০,০০০`), western in English
/// (`9,000,000`).
pub fn format_integer(value: i64, lang: Lang) -> String {
    let mut out = String::with_capacity(24);
    if value < 0 {
        out.push('-');
    }
    write_grouped(&mut out, u128::from(value.unsigned_abs()), lang);
    out
}

/// A number with exactly `decimals` digits after the point (rounded half away from zero), grouped
/// for `lang`. Scores are shown this way with two decimals.
pub fn format_fixed(value: f64, decimals: usize, lang: Lang) -> String {
    write_fixed(value, decimals, false, lang)
}

/// More decimals than any figure of ours needs (`format_number` shows up to six).
const MAX_SHOWN_DECIMALS: usize = 9;

/// A number as short as it can be written exactly (up to six decimals), grouped for `lang`:
/// `1508747` → `১৫,০৮,৭৪৭`, `0.5` → `০.৫`.
pub fn format_number(value: f64, lang: Lang) -> String {
    write_fixed(value, 6, true, lang)
}

/// `format_fixed` and `format_number` in one pass into one string. Integer arithmetic, not
/// `format!("{:.2}")`: float formatting is ~20 KB of Wasm (Grisu and Dragon tables) on every page, and
/// a value shown with fixed decimals is an integer of hundredths. One pass, because a 1,000-row table
/// formats some 12,000 figures on its first render and each intermediate string was an allocation.
fn write_fixed(value: f64, decimals: usize, trim_zeros: bool, lang: Lang) -> String {
    let decimals = decimals.min(MAX_SHOWN_DECIMALS);
    let scale = 10u64.pow(decimals as u32);
    let scaled = (value * scale as f64).round();
    // Past ~1.7e38 no `i128` holds it; no table has such a figure, and a guess would be a lie.
    if !scaled.is_finite() || scaled.abs() >= i128::MAX as f64 {
        return "—".to_owned();
    }
    let scaled = scaled as i128;
    let magnitude = scaled.unsigned_abs();
    // In `u64` when it fits, as every figure of a table does: 128-bit division is emulated in Wasm.
    let (integer, mut fraction) = match u64::try_from(magnitude) {
        Ok(m) => (u128::from(m / scale), m % scale),
        // The remainder of a division by at most 10⁹ fits in a `u64`.
        Err(_) => (magnitude / u128::from(scale), u64::try_from(magnitude % u128::from(scale)).unwrap_or(0)),
    };
    let mut shown = decimals;
    if trim_zeros {
        while shown > 0 && fraction.is_multiple_of(10) {
            fraction /= 10;
            shown -= 1;
        }
    }
    let mut out = String::with_capacity(3 * (24 + shown));
    // `-0.00` reads as a mistake; a rounded zero has no sign.
    if scaled < 0 {
        out.push('-');
    }
    write_grouped(&mut out, integer, lang);
    if shown > 0 {
        out.push('.');
        let mut digits = [0u8; MAX_SHOWN_DECIMALS];
        for slot in digits[..shown].iter_mut().rev() {
            *slot = (fraction % 10) as u8;
            fraction /= 10;
        }
        for &digit in &digits[..shown] {
            out.push(digit_char(digit, lang));
        }
    }
    out
}

/// The digits of `value`, grouped for `lang` (lakh/crore in Bangla, thousands in English), in `lang`'s
/// digits.
fn write_grouped(out: &mut String, mut value: u128, lang: Lang) {
    // u128::MAX has 39 digits.
    let mut digits = [0u8; 39];
    let mut count = 0;
    loop {
        digits[count] = (value % 10) as u8;
        value /= 10;
        count += 1;
        if value == 0 {
            break;
        }
    }
    let step = match lang {
        Lang::Bn => 2,
        Lang::En => 3,
    };
    for position in (0..count).rev() {
        out.push(digit_char(digits[position], lang));
        // A separator after the thousands' place, then every `step` places above it.
        if position >= 3 && (position - 3).is_multiple_of(step) {
            out.push(',');
        }
    }
}

fn digit_char(digit: u8, lang: Lang) -> char {
    match lang {
        Lang::Bn => char::from_u32(0x09E6 + u32::from(digit)).unwrap_or('?'),
        Lang::En => char::from(b'0' + digit),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::digits_for;

    /// Grouping done the long way, on ASCII digits: the oracle `write_grouped` is held to.
    fn group(digits: &str, lang: Lang) -> String {
        let step = match lang {
            Lang::Bn => 2,
            Lang::En => 3,
        };
        let mut out = String::with_capacity(digits.len() * 2);
        for (index, digit) in digits.chars().enumerate() {
            out.push(digit);
            let position = digits.len() - 1 - index;
            if position >= 3 && (position - 3).is_multiple_of(step) {
                out.push(',');
            }
        }
        out
    }

    /// The formatter before it was written in one pass: `format!` of the rounded integer, then grouping,
    /// then the digits swapped, then trailing zeros cut from the text. Slow but plainly right.
    fn formatted_the_long_way(value: f64, decimals: usize, trim: bool, lang: Lang) -> String {
        let scaled = (value * 10f64.powi(decimals as i32)).round();
        if !scaled.is_finite() || scaled.abs() >= i128::MAX as f64 {
            return "—".to_owned();
        }
        let scaled = scaled as i128;
        let all = format!("{:0>width$}", scaled.unsigned_abs(), width = decimals + 1);
        let (integer, fraction) = all.split_at(all.len() - decimals);
        let fraction = if trim { fraction.trim_end_matches('0') } else { fraction };
        let sign = if scaled < 0 { "-" } else { "" };
        let grouped = group(integer, lang);
        let text = if fraction.is_empty() { format!("{sign}{grouped}") } else { format!("{sign}{grouped}.{fraction}") };
        digits_for(lang, &text)
    }

    #[test]
    fn figures_are_formatted_as_the_long_way_formats_them() {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for i in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            // Magnitudes from thousandths to ~10¹⁸, both signs, some exact integers and halves.
            let mantissa = (seed % 1_000_000_007) as f64;
            let exponent = (seed >> 40) % 22;
            let mut value = mantissa * 10f64.powi(exponent as i32 - 9);
            if i % 5 == 0 {
                value = value.trunc() + 0.5;
            }
            if seed & 1 == 1 {
                value = -value;
            }
            for lang in [Lang::Bn, Lang::En] {
                for decimals in [0, 1, 2, 6] {
                    assert_eq!(format_fixed(value, decimals, lang), formatted_the_long_way(value, decimals, false, lang), "{value} to {decimals}");
                }
                assert_eq!(format_number(value, lang), formatted_the_long_way(value, 6, true, lang), "{value}");
            }
        }
        assert_eq!(format_integer(-9_000_000, Lang::Bn), "-৯০,০০,০০০");
        assert_eq!(format_integer(i64::MIN, Lang::En), "-9,223,372,036,854,775,808");
        assert_eq!(format_number(0.0, Lang::Bn), "০");
    }

    #[test]
    fn figures_read_by_integers_are_the_standard_parsers_figures() {
        // Every figure of up to 15 significant digits gives exactly what `str::parse` gives.
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20_000 {
            let digits = (next() % 15 + 1) as usize;
            let whole: String = (0..digits).map(|_| char::from(b'0' + (next() % 10) as u8)).collect();
            let point = (next() % (digits as u64 + 1)) as usize;
            let (integer, fraction) = whole.split_at(point);
            let text = format!("{}.{fraction}", if integer.is_empty() { "0" } else { integer });
            let expected: f64 = text.parse().expect("ASCII digits");
            assert_eq!(decimal_to_f64(integer, fraction).to_bits(), expected.to_bits(), "{text}");
        }
        for (integer, fraction, expected) in [("0", "1", 0.1), ("12", "50", 12.5), ("", "001", 0.001), ("100", "", 100.0), ("000", "000", 0.0)] {
            assert_eq!(decimal_to_f64(integer, fraction), expected, "{integer}.{fraction}");
        }
        // Past 15 significant digits the rest is rounded away: within 1e-15 of the value.
        let long = decimal_to_f64("0", "3333333333333333333333");
        assert!((long - 1.0 / 3.0).abs() < 1e-15, "{long}");
    }

    fn check(input: &str, expected: f64) {
        assert_eq!(parse_number(input), Ok(expected), "parsing {input:?}");
    }

    fn check_err(input: &str, expected: NumberError) {
        assert_eq!(parse_number(input), Err(expected), "parsing {input:?}");
    }

    #[test]
    fn parses_both_digit_sets() {
        check("১২", 12.0);
        check("12", 12.0);
        check("১৫০৮৭৪৭", 1_508_747.0);
        check(" ৩৬০ ", 360.0);
        check("০", 0.0);
        check("০.৫", 0.5);
        check(".5", 0.5);
        check("-১২.২৫", -12.25);
        check("−৩", -3.0);
        check("+7", 7.0);
    }

    #[test]
    fn decimals_keep_every_digit_as_written() {
        let d = |s: &str| Decimal::parse(s).expect(s);
        assert_eq!(d("৯৮৭৬৫৪৩২১০৯৮৭৬৫৪৩২১").plain(), "9876543210987654321");
        assert_eq!(d("৯৮৭৬৫৪৩২১০৯৮৭৬৫৪৩২১").format(Lang::Bn), "৯৮,৭৬,৫৪,৩২,১০,৯৮,৭৬,৫৪,৩২১");
        assert_eq!(d("9876543210987654321").format(Lang::En), "9,876,543,210,987,654,321");
        assert_eq!(d("০.১২৩৪৫৬৭৮৯০১২৩৪৫৬৭৮৯").plain(), "0.1234567890123456789");
        assert_eq!(d("১২.৫০").format(Lang::Bn), "১২.৫০", "the zero after the point is kept");
        assert_eq!(d("৳ ৯০,০০,০০০/-").format(Lang::En), "9,000,000");
        assert_eq!(d("-০.০৫").plain(), "-0.05");
        assert_eq!(d("-০.০৫").format(Lang::Bn), "-০.০৫", "a sign, and the zeros before the fraction's digits");
        assert_eq!(d("০.১২৩৪৫৬৭৮৯০১২৩৪৫৬৭৮৯").format(Lang::En), "0.1234567890123456789");
        assert_eq!(d(".5").plain(), "0.5");
        assert_eq!(d("০০০১২").plain(), "12");
        assert_eq!(d("1,234.5").to_f64(), 1234.5);
        // Sums of money are exact where f64's are not: 0.1 + 0.2.
        let sum = d("0.1").checked_add(d("0.2")).expect("in range");
        assert_eq!(sum.plain(), "0.3");
        assert_eq!(d("১,০০,০০০.৫০").checked_add(d("২৫০")).map(|s| s.format(Lang::Bn)), Some("১,০০,২৫০.৫০".to_owned()));
        assert_eq!(
            d("99999999999999999999999999999999999").checked_add(d("99999999999999999999999999999999999.9")).map(Decimal::plain),
            Some("199999999999999999999999999999999998.9".to_owned())
        );
        // The same refusals as parse_number, and a limit of its own.
        assert_eq!(Decimal::parse("১২a"), Err(NumberError::NotADigit { input: "১২a".into(), found: 'a' }));
        assert_eq!(Decimal::parse("1,2,3"), Err(NumberError::MisplacedComma { input: "1,2,3".into() }));
        let too_long = "9".repeat(MAX_EXACT_DIGITS + 1);
        assert_eq!(Decimal::parse(&too_long), Err(NumberError::TooManyDigits { input: too_long.clone() }));
        assert!(NumberError::TooManyDigits { input: too_long }.message().bn.contains("৩৬টির বেশি"));
    }

    #[test]
    fn parses_grouping_and_money() {
        check("১,৮০,০০০", 180_000.0);
        check("৯০,০০,০০০/-", 9_000_000.0);
        check("9,000,000", 9_000_000.0);
        check("১২,৩৪,৫৬,৭৮৯", 123_456_789.0);
        check("1,234.50", 1234.5);
        check("৳৫০০", 500.0);
        check("৳ ১,৮০,০০০/-", 180_000.0);
        check("-৳৫০০", -500.0);
        check("৳-৫০০", -500.0);
    }

    #[test]
    fn rejects_garbage_with_the_character() {
        let input = "১২a".to_owned();
        check_err("১২a", NumberError::NotADigit { input, found: 'a' });
        check_err("", NumberError::Empty);
        check_err("   ", NumberError::Empty);
        check_err("/-", NumberError::Empty);
        check_err("-", NumberError::Empty);
        check_err("৳", NumberError::Empty);
        check_err("৳৳৫", NumberError::NotADigit { input: "৳৳৫".into(), found: '৳' });
        check_err("৫০০৳", NumberError::NotADigit { input: "৫০০৳".into(), found: '৳' });
        check_err("১২%", NumberError::NotADigit { input: "১২%".into(), found: '%' });
        check_err("1 000", NumberError::NotADigit { input: "1 000".into(), found: ' ' });
        check_err("1,2,3", NumberError::MisplacedComma { input: "1,2,3".into() });
        check_err("12,34", NumberError::MisplacedComma { input: "12,34".into() });
        check_err(",123", NumberError::MisplacedComma { input: ",123".into() });
        check_err("1.2.3", NumberError::MalformedDecimal { input: "1.2.3".into() });
        check_err("12.", NumberError::MalformedDecimal { input: "12.".into() });
    }

    #[test]
    fn a_number_too_long_to_hold_exactly_is_an_error_not_infinity() {
        check("৯৯৯,৯৯৯,৯৯৯,৯৯৯,৯৯৯", 999_999_999_999_999.0);
        check("000000000000000000001", 1.0);
        let hundreds = "9".repeat(400);
        assert_eq!(parse_number(&hundreds), Err(NumberError::TooLarge { input: hundreds.clone() }));
        let m = parse_number(&hundreds).unwrap_err().message();
        assert!(m.en.contains("at most 15 digits") && m.en.contains("…"), "{}", m.en);
        assert!(m.bn.contains("১৫টির বেশি অঙ্ক"), "{}", m.bn);
        assert!(m.en.chars().count() < 120, "the message quotes a shortened input: {}", m.en);
    }

    #[test]
    fn messages_name_the_problem_in_both_languages() {
        let m = parse_number("১২a").unwrap_err().message();
        assert!(m.bn.contains("“a” কোনো অঙ্ক নয়"), "{}", m.bn);
        assert!(m.en.contains("“a” is not a digit"), "{}", m.en);
    }

    #[test]
    fn formats_lakh_crore_and_western() {
        assert_eq!(format_integer(9_000_000, Lang::Bn), "৯০,০০,০০০");
        assert_eq!(format_integer(9_000_000, Lang::En), "9,000,000");
        assert_eq!(format_integer(180_000, Lang::Bn), "১,৮০,০০০");
        assert_eq!(format_integer(1_000_000_000, Lang::Bn), "১,০০,০০,০০,০০০");
        assert_eq!(format_integer(999, Lang::Bn), "৯৯৯");
        assert_eq!(format_integer(1000, Lang::Bn), "১,০০০");
        assert_eq!(format_integer(-12_345, Lang::En), "-12,345");
        assert_eq!(format_integer(0, Lang::Bn), "০");
    }

    #[test]
    fn formats_fractions() {
        assert_eq!(format_fixed(95.555_555, 2, Lang::Bn), "৯৫.৫৬");
        assert_eq!(format_fixed(95.555_555, 2, Lang::En), "95.56");
        assert_eq!(format_fixed(1_234_567.5, 2, Lang::Bn), "১২,৩৪,৫৬৭.৫০");
        assert_eq!(format_fixed(-0.001, 2, Lang::En), "0.00");
        assert_eq!(format_fixed(2.5, 0, Lang::En), "3");
        assert_eq!(format_fixed(-2.5, 0, Lang::En), "-3");
        assert_eq!(format_fixed(-1234.005, 1, Lang::En), "-1,234.0");
        assert_eq!(format_fixed(0.07, 2, Lang::Bn), "০.০৭");
        assert_eq!(format_fixed(1e20, 2, Lang::En), "100,000,000,000,000,000,000.00");
        assert_eq!(format_fixed(1e300, 2, Lang::En), "—");
        assert_eq!(format_number(0.5, Lang::Bn), "০.৫");
        assert_eq!(format_number(1_508_747.0, Lang::Bn), "১৫,০৮,৭৪৭");
        assert_eq!(format_number(12.25, Lang::En), "12.25");
        assert_eq!(format_fixed(f64::NAN, 2, Lang::En), "—");
    }

    #[test]
    fn format_then_parse_round_trips() {
        for n in [0i64, 5, 48, 1000, 180_000, 9_000_000, 123_456_789, -42] {
            for lang in [Lang::Bn, Lang::En] {
                assert_eq!(parse_number(&format_integer(n, lang)), Ok(n as f64), "{n} in {lang:?}");
            }
        }
    }
}
