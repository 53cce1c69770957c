//! Bangla digits ০-৯ and the Unicode spellings of Bangla letters that look alike but compare unequal.

const BANGLA_ZERO: u32 = '০' as u32;

/// `12.5` → `১২.৫`; every other character is kept as it is.
pub fn to_bangla_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(BANGLA_ZERO + (c as u32 - '0' as u32)).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// `১২.৫` → `12.5`; every other character is kept as it is.
pub fn to_ascii_digits(text: &str) -> String {
    text.chars().map(|c| bangla_digit_value(c).map_or(c, |d| (b'0' + d) as char)).collect()
}

/// The value of a Bangla digit, `None` for any other character.
pub(crate) fn bangla_digit_value(c: char) -> Option<u8> {
    let offset = (c as u32).checked_sub(BANGLA_ZERO)?;
    (offset < 10).then_some(offset as u8)
}

/// A memo or ID number as written (`০৫.৪১.০০০০.০০৫.১১`), its digits in ASCII: digits of either set and
/// the separators such numbers use (`. , - / : ( )` and spaces) kept exactly, leading zeros and all —
/// no value is read, so no digit can change. Anything else is an error naming the character.
pub fn digits_as_written(text: &str) -> Result<String, super::Message> {
    let text = text.trim();
    let is_digit = |c: char| c.is_ascii_digit() || bangla_digit_value(c).is_some();
    if !text.chars().any(is_digit) {
        return Err(super::Message::new("অঙ্ক লিখুন।", "Enter digits."));
    }
    if let Some(c) = text.chars().find(|&c| !(is_digit(c) || ".,-/:() ".contains(c))) {
        return Err(super::Message::new(
            format!("“{text}”: “{c}” অঙ্ক বা নম্বরের বিভাজক (. , - / : ) নয়।"),
            format!("“{text}”: “{c}” is neither a digit nor a separator of numbers (. , - / : )."),
        ));
    }
    Ok(to_ascii_digits(text))
}

/// Writes য়, ড় and ঢ় one way (base letter + nukta, the Unicode canonical form; the seed documents
/// mix both spellings) and drops zero-width joiners, so that text typed on different keyboards compares
/// equal. Month names in dates are matched after this.
pub fn normalize_bangla(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\u{200c}' | '\u{200d}' => {}
            '\u{09dc}' => out.push_str("\u{09a1}\u{09bc}"),
            '\u{09dd}' => out.push_str("\u{09a2}\u{09bc}"),
            '\u{09df}' => out.push_str("\u{09af}\u{09bc}"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_as_written_keep_every_digit_and_separator() {
        assert_eq!(digits_as_written(" ০৫.৪১.০০০০.০০৫.১১ ").as_deref(), Ok("05.41.0000.005.11"));
        assert_eq!(digits_as_written("৯৮৭৬৫৪৩২১০৯৮৭৬৫৪৩২১").as_deref(), Ok("9876543210987654321"));
        assert_eq!(digits_as_written("12/3 (4)").as_deref(), Ok("12/3 (4)"));
        assert!(digits_as_written("০০১২a").is_err_and(|m| m.bn.contains("“a”")));
        assert!(digits_as_written(" - ").is_err_and(|m| m.en == "Enter digits."));
    }

    #[test]
    fn both_directions() {
        assert_eq!(to_bangla_digits("0123456789"), "০১২৩৪৫৬৭৮৯");
        assert_eq!(to_ascii_digits("০১২৩৪৫৬৭৮৯"), "0123456789");
        assert_eq!(to_bangla_digits("2024-25, 9,000"), "২০২৪-২৫, ৯,০০০");
        assert_eq!(to_ascii_digits("২০২৪-২৫ সাল"), "2024-25 সাল");
        for n in [0u64, 7, 48, 1_508_747, u64::MAX] {
            let ascii = n.to_string();
            assert_eq!(to_ascii_digits(&to_bangla_digits(&ascii)), ascii);
        }
    }

    #[test]
    fn digit_values() {
        assert_eq!(bangla_digit_value('৪'), Some(4));
        assert_eq!(bangla_digit_value('৮'), Some(8));
        assert_eq!(bangla_digit_value('4'), None);
        assert_eq!(bangla_digit_value('ৰ'), None);
    }

    #[test]
    fn nukta_spellings_fold() {
        let decomposed = "জানু\u{09af}\u{09bc}ারি";
        let precomposed = "জানু\u{09df}ারি";
        assert_ne!(decomposed, precomposed);
        assert_eq!(normalize_bangla(precomposed), decomposed);
        assert_eq!(normalize_bangla(decomposed), decomposed);
        assert_eq!(normalize_bangla("আষা\u{09dd}"), "আষা\u{09a2}\u{09bc}");
        assert_eq!(normalize_bangla("ক\u{200c}খ"), "কখ");
    }
}
