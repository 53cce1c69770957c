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
