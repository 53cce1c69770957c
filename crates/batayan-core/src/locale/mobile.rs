//! Mobile numbers of Bangladesh: `01` + an operator digit 3–9 + eight digits, written many ways
//! (`+880 1…`, `8801…`, `০১৭০৯-৮৪২৯২১`) and stored one way, `+8801XXXXXXXXX`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::digits::bangla_digit_value;
use super::{Lang, Message, digits_for};

/// A valid mobile number. The only way to make one is [`MobileNumber::parse`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MobileNumber {
    /// The ten digits after `+880`, starting with `1`.
    national: [u8; 10],
}

/// The operator a prefix belongs to. Numbers are portable between operators since 2018, so this is
/// the operator that issued the number, shown as a hint only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Operator {
    Grameenphone,
    Banglalink,
    Teletalk,
    Airtel,
    Robi,
}

impl Operator {
    fn from_digit(digit: u8) -> Option<Operator> {
        match digit {
            3 | 7 => Some(Operator::Grameenphone),
            4 | 9 => Some(Operator::Banglalink),
            5 => Some(Operator::Teletalk),
            6 => Some(Operator::Airtel),
            8 => Some(Operator::Robi),
            _ => None,
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Operator::Grameenphone, Lang::Bn) => "গ্রামীণফোন",
            (Operator::Banglalink, Lang::Bn) => "বাংলালিংক",
            (Operator::Teletalk, Lang::Bn) => "টেলিটক",
            (Operator::Airtel, Lang::Bn) => "এয়ারটেল",
            (Operator::Robi, Lang::Bn) => "রবি",
            (Operator::Grameenphone, Lang::En) => "Grameenphone",
            (Operator::Banglalink, Lang::En) => "Banglalink",
            (Operator::Teletalk, Lang::En) => "Teletalk",
            (Operator::Airtel, Lang::En) => "Airtel",
            (Operator::Robi, Lang::En) => "Robi",
        }
    }
}

/// Why a text is not a mobile number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MobileError {
    Empty,
    NotADigit {
        input: String,
        found: char,
    },
    /// Not 11 digits once the country code is taken off.
    WrongLength {
        input: String,
        digits: usize,
    },
    /// Does not start with `01`: a landline like `০২-৫৫৭৪৮২৯`, or a typo.
    NotMobile {
        input: String,
    },
    /// `010`, `011`, `012`: no operator uses these.
    UnknownOperator {
        input: String,
        prefix: String,
    },
}

impl MobileError {
    pub fn message(&self) -> Message {
        match self {
            MobileError::Empty => Message::new("মোবাইল নম্বর লিখুন।", "Enter a mobile number."),
            MobileError::NotADigit { input, found } => {
                Message::new(format!("“{input}”: “{found}” মোবাইল নম্বরের অংশ হতে পারে না।"), format!("“{input}”: “{found}” cannot be part of a mobile number."))
            }
            MobileError::WrongLength { input, digits } => Message::new(
                format!("“{input}”-এ {}টি অঙ্ক; মোবাইল নম্বরে ১১টি অঙ্ক থাকে (০১XXXXXXXXX)।", digits_for(Lang::Bn, &digits.to_string())),
                format!("“{input}” has {digits} digits; a mobile number has 11 (01XXXXXXXXX)."),
            ),
            MobileError::NotMobile { input } => Message::new(
                format!("“{input}” মোবাইল নম্বর নয়: মোবাইল নম্বর ০১ দিয়ে শুরু হয়।"),
                format!("“{input}” is not a mobile number: mobile numbers start with 01."),
            ),
            MobileError::UnknownOperator { input, prefix } => Message::new(
                format!("“{input}”: {} দিয়ে কোনো মোবাইল অপারেটরের নম্বর শুরু হয় না (০১৩-০১৯ হয়)।", digits_for(Lang::Bn, prefix)),
                format!("“{input}”: no mobile operator uses the prefix {prefix} (013 to 019 are in use)."),
            ),
        }
    }
}

impl MobileNumber {
    /// Accepts `01XXXXXXXXX`, `+8801…`, `8801…`, `008801…`, a bracketed country code (`(+88) 01…`,
    /// `(+880) 1…`), with Bangla or ASCII digits, and spaces, dashes, dots or brackets anywhere.
    pub fn parse(input: &str) -> Result<MobileNumber, MobileError> {
        let shown = input.trim();
        if shown.is_empty() {
            return Err(MobileError::Empty);
        }
        let mut digits: Vec<u8> = Vec::with_capacity(16);
        let mut plus_seen = false;
        for c in shown.chars() {
            match c {
                '0'..='9' => digits.push(c as u8 - b'0'),
                // One `+`, before any digit: `+880…`, `(+88) 01…`.
                '+' if digits.is_empty() && !plus_seen => plus_seen = true,
                ' ' | '-' | '–' | '.' | '(' | ')' | '\u{a0}' => {}
                _ => match bangla_digit_value(c) {
                    Some(d) => digits.push(d),
                    None => return Err(MobileError::NotADigit { input: shown.to_owned(), found: c }),
                },
            }
        }
        let local: &[u8] = if let Some(rest) = digits.strip_prefix(&[0, 0, 8, 8, 0]) {
            rest
        } else if let Some(rest) = digits.strip_prefix(&[8, 8, 0]) {
            rest
        } else {
            &digits
        };
        // After the country code the leading 0 is dropped (+880 1…); put it back to check one form.
        let local: Vec<u8> = if local.first() == Some(&1) { [&[0], local].concat() } else { local.to_vec() };
        // A leading 0 followed by anything but 1 is an area code: a landline, whatever its length.
        if local.len() >= 2 && local[..2] != [0, 1] {
            return Err(MobileError::NotMobile { input: shown.to_owned() });
        }
        if local.len() != 11 {
            return Err(MobileError::WrongLength { input: shown.to_owned(), digits: local.len() });
        }
        if Operator::from_digit(local[2]).is_none() {
            let prefix = local[..3].iter().map(|d| (b'0' + d) as char).collect();
            return Err(MobileError::UnknownOperator { input: shown.to_owned(), prefix });
        }
        let mut national = [0u8; 10];
        national.copy_from_slice(&local[1..]);
        Ok(MobileNumber { national })
    }

    fn national_digits(&self) -> String {
        self.national.iter().map(|d| (b'0' + d) as char).collect()
    }

    /// `+8801709842921`: the stored and submitted form.
    pub fn e164(&self) -> String {
        format!("+880{}", self.national_digits())
    }

    /// `01709842921`.
    pub fn local(&self) -> String {
        format!("0{}", self.national_digits())
    }

    /// `০১৭০৯-৮৪২৯২১` / `01709-842921`: the way the documents print numbers.
    pub fn display(&self, lang: Lang) -> String {
        let local = self.local();
        digits_for(lang, &format!("{}-{}", &local[..5], &local[5..]))
    }

    pub fn operator(&self) -> Operator {
        // `parse` admits only prefixes with an operator.
        Operator::from_digit(self.national[1]).unwrap_or(Operator::Grameenphone)
    }
}

impl Serialize for MobileNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.e164())
    }
}

impl<'de> Deserialize<'de> for MobileNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<MobileNumber, D::Error> {
        let text = String::deserialize(deserializer)?;
        MobileNumber::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, e164: &str) {
        assert_eq!(MobileNumber::parse(input).map(|m| m.e164()), Ok(e164.to_owned()), "{input:?}");
    }

    #[test]
    fn normalises_every_written_form() {
        check("01709842921", "+8801709842921");
        check("০১৭০৯-৮৪২৯২১", "+8801709842921"); // the Koyra minutes
        check("+8801709842921", "+8801709842921");
        check("+880 1709-842921", "+8801709842921");
        check("8801709842921", "+8801709842921");
        check("008801709842921", "+8801709842921");
        check("+৮৮০ ১৭০৯ ৮৪২৯২১", "+8801709842921");
        check("(017) 0984 2921", "+8801709842921");
        check("01311-234567", "+8801311234567");
        check("(+88) 01812345678", "+8801812345678");
        check("(+880) 1812-345678", "+8801812345678");
        check("(+৮৮) ০১৮১২৩৪৫৬৭৮", "+8801812345678");
        check("(88) 01812345678", "+8801812345678");
    }

    #[test]
    fn rejects_with_a_reason() {
        use MobileError::*;
        let err = |s: &str| MobileNumber::parse(s).unwrap_err();
        assert_eq!(err(""), Empty);
        assert_eq!(err("0170984292"), WrongLength { input: "0170984292".into(), digits: 10 });
        assert_eq!(err("017098429211"), WrongLength { input: "017098429211".into(), digits: 12 });
        assert_eq!(err("০১২০৯৮৪২৯২১"), UnknownOperator { input: "০১২০৯৮৪২৯২১".into(), prefix: "012".into() });
        assert_eq!(err("01009842921"), UnknownOperator { input: "01009842921".into(), prefix: "010".into() });
        assert_eq!(err("০২-৫৫৭৪৮২৯"), NotMobile { input: "০২-৫৫৭৪৮২৯".into() }); // DPE landline
        assert_eq!(err("০৪০২৬-৫৬০০১"), NotMobile { input: "০৪০২৬-৫৬০০১".into() }); // Koyra landline
        assert_eq!(err("02155748290"), NotMobile { input: "02155748290".into() });
        assert_eq!(err("0170984292a"), NotADigit { input: "0170984292a".into(), found: 'a' });
        assert_eq!(err("01709+842921"), NotADigit { input: "01709+842921".into(), found: '+' });
        assert_eq!(err("++8801709842921"), NotADigit { input: "++8801709842921".into(), found: '+' });
        let m = err("০১২০৯৮৪২৯২১").message();
        assert!(m.bn.contains("০১২ দিয়ে"), "{}", m.bn);
        assert!(m.en.contains("prefix 012"), "{}", m.en);
    }

    #[test]
    fn displays_and_names_the_operator() {
        let m = MobileNumber::parse("০১৭০৯-৮৪২৯২১").expect("valid");
        assert_eq!(m.display(Lang::Bn), "০১৭০৯-৮৪২৯২১");
        assert_eq!(m.display(Lang::En), "01709-842921");
        assert_eq!(m.local(), "01709842921");
        assert_eq!(m.operator(), Operator::Grameenphone);
        assert_eq!(MobileNumber::parse("01811000000").expect("valid").operator().name(Lang::Bn), "রবি");
    }

    #[test]
    fn serde_uses_e164_and_validates() {
        let m = MobileNumber::parse("01709842921").expect("valid");
        assert_eq!(serde_json::to_string(&m).expect("serializes"), "\"+8801709842921\"");
        let back: MobileNumber = serde_json::from_str("\"০১৭০৯-৮৪২৯২১\"").expect("deserializes");
        assert_eq!(back, m);
        assert!(serde_json::from_str::<MobileNumber>("\"012\"").is_err());
    }
}
