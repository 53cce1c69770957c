//! Search across a meeting's topics, discussions, decisions and implementers, the way people type:
//! either digit set (`৮৫%` finds `85%`), English in any case, and Bangla spelled with the precomposed or
//! the decomposed nukta letters (`য়` / `য়`), with or without zero-width joiners. Markup in a cell is not
//! searched, only its words.

use crate::locale::{normalize_bangla, to_ascii_digits};
use crate::text;

use super::model::Minutes;

/// Where a query was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Topic,
    Discussion,
    /// The decision's text, by its index in the item.
    Decision(usize),
    /// One of the decision's implementers.
    Implementer(usize),
}

/// One item that matches, and in which of its fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub item: usize,
    pub fields: Vec<Field>,
}

/// Text as compared: one digit set, one spelling of the nukta letters, no joiners, ASCII in lower case,
/// runs of space as one.
pub fn fold(text: &str) -> String {
    let folded = to_ascii_digits(&normalize_bangla(text)).to_ascii_lowercase();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The items where every word of `query` is found (in any of their fields), with the fields that hold
/// a word. An empty query finds nothing.
pub fn search(minutes: &Minutes, query: &str) -> Vec<Hit> {
    let query = fold(query);
    let words: Vec<&str> = query.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for (i, item) in minutes.items.iter().enumerate() {
        let mut fields: Vec<(Field, String)> = vec![(Field::Topic, fold(&item.topic)), (Field::Discussion, fold(&text::plain(&text::parse(&item.discussion))))];
        for (d, decision) in item.decisions.iter().enumerate() {
            fields.push((Field::Decision(d), fold(&decision.text)));
            fields.push((Field::Implementer(d), fold(&decision.implementers.join(" "))));
        }
        let all_found = words.iter().all(|w| fields.iter().any(|(_, text)| text.contains(w)));
        if all_found {
            let matched: Vec<Field> = fields.iter().filter(|(_, text)| words.iter().any(|w| text.contains(w))).map(|(f, _)| *f).collect();
            hits.push(Hit { item: i, fields: matched });
        }
    }
    hits
}

/// `text`'s characters folded one by one as [`fold`] does (a joiner dropped, a precomposed nukta letter
/// split in two), each with the byte range of the character it came from.
fn folded_chars(text: &str) -> Vec<(char, usize, usize)> {
    let mut out = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        let mut push = |f: char| out.push((f, at, end));
        match c {
            '\u{200c}' | '\u{200d}' => {}
            '\u{09dc}' => ['\u{09a1}', '\u{09bc}'].into_iter().for_each(&mut push),
            '\u{09dd}' => ['\u{09a2}', '\u{09bc}'].into_iter().for_each(&mut push),
            '\u{09df}' => ['\u{09af}', '\u{09bc}'].into_iter().for_each(&mut push),
            '০'..='৯' => push(char::from(b'0' + (c as u32 - '০' as u32) as u8)),
            c if c.is_whitespace() => push(' '),
            c => push(c.to_ascii_lowercase()),
        }
    }
    out
}

/// Where the words of `query` occur in `text`, as byte ranges of `text` in order, overlaps joined: what
/// a view marks as hits. Compared as [`fold`] compares.
pub fn hits_in(text: &str, query: &str) -> Vec<std::ops::Range<usize>> {
    let chars = folded_chars(text);
    let haystack: Vec<char> = chars.iter().map(|(c, _, _)| *c).collect();
    let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
    for word in fold(query).split(' ').filter(|w| !w.is_empty()) {
        let needle: Vec<char> = word.chars().collect();
        if needle.len() > haystack.len() {
            continue;
        }
        for start in 0..=haystack.len() - needle.len() {
            if haystack[start..start + needle.len()] == needle[..] {
                ranges.push(chars[start].1..chars[start + needle.len() - 1].2);
            }
        }
    }
    ranges.sort_by_key(|r| r.start);
    let mut joined: Vec<std::ops::Range<usize>> = Vec::new();
    for range in ranges {
        match joined.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => joined.push(range),
        }
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dpe() -> Minutes {
        crate::minutes::import(include_str!("../../../../tests/fixtures/minutes-dpe-egov-innovation-2023-12.txt")).minutes
    }

    fn koyra() -> Minutes {
        crate::minutes::import(include_str!("../../../../tests/fixtures/minutes-koyra-upazila-ict-2022-09.txt")).minutes
    }

    #[test]
    fn either_digit_set_finds_the_other() {
        let minutes = dpe();
        let bangla = search(&minutes, "৮৫%");
        assert_eq!(bangla, search(&minutes, "85%"));
        assert_eq!(bangla.len(), 1);
        assert!(bangla[0].fields.contains(&Field::Decision(3)), "the decision ১.৪.১ holds ৮৫%: {:?}", bangla[0].fields);
        assert!(bangla[0].fields.contains(&Field::Discussion));
    }

    #[test]
    fn english_in_any_case_and_bangla_in_either_spelling() {
        let minutes = dpe();
        assert_eq!(search(&minutes, "ipemis").len(), 1);
        assert_eq!(search(&minutes, "IPEMIS"), search(&minutes, "ipemis"));
        // `য়` precomposed (U+09DF) finds the decomposed `য়` the document is written with; a joiner is ignored.
        let precomposed = "সভ\u{9be}\u{9df}";
        assert_eq!(search(&minutes, precomposed), search(&minutes, "সভ\u{9be}\u{9af}\u{9bc}"));
        assert!(!search(&minutes, precomposed).is_empty());
        assert_eq!(search(&minutes, "ই\u{200c}-নথি"), search(&minutes, "ই-নথি"));
    }

    #[test]
    fn hits_are_byte_ranges_of_the_text_as_written() {
        let text = "নথি ৮৫% নিষ্পন্ন; IPEMIS ও ipemis";
        let hits = hits_in(text, "85% ipemis");
        let found: Vec<&str> = hits.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(found, ["৮৫%", "IPEMIS", "ipemis"]);
        // A precomposed letter in the text is found by the decomposed spelling, and marked whole.
        let text = "সভা\u{9df} আলোচনা";
        let whole_word = 0..text.find(' ').unwrap();
        assert_eq!(hits_in(text, "সভা\u{9af}\u{9bc}"), vec![whole_word]);
        assert_eq!(hits_in("কিছু না", "  "), []);
        let all = 0.."আআআ".len();
        assert_eq!(hits_in("আআআ", "আআ"), vec![all], "overlapping hits are one mark");
    }

    #[test]
    fn every_word_must_be_found_and_implementers_are_searched() {
        let minutes = koyra();
        let udc = search(&minutes, "ইউডিসি উদ্যোক্তা");
        assert_eq!(udc.iter().map(|h| minutes.items[h.item].serial.as_str()).collect::<Vec<_>>(), ["৮.০"]);
        assert!(udc[0].fields.contains(&Field::Implementer(0)));
        assert!(search(&minutes, "ইউডিসি অস্তিত্বহীনশব্দ").is_empty());
        assert!(search(&minutes, "   ").is_empty());
        let lab = search(&minutes, "শেখ রাসেল");
        assert_eq!(lab.len(), 1);
        assert_eq!(lab[0].fields, [Field::Topic, Field::Discussion]);
    }
}
