//! The tape reader against serde_json on the same documents: the JS walk is mirrored by `lay_flat`
//! below (`json.rs` holds the JS; a browser test holds the two sides to each other).

use super::*;
use serde::Deserialize;
use serde_json::Value as Json;

/// What `tape()` in `json.rs` does in JS, over a serde_json value.
fn lay_flat(value: &Json) -> Tape {
    fn string(tape: &mut Tape, s: &str) {
        tape.ops.push(((s.encode_utf16().count() as u32) << 3) | STRING);
        tape.text.push_str(s);
    }
    fn walk(tape: &mut Tape, value: &Json) {
        match value {
            Json::Null => tape.ops.push(NULL),
            Json::Bool(b) => tape.ops.push(if *b { TRUE } else { FALSE }),
            Json::Number(n) => {
                tape.ops.push(NUMBER);
                tape.numbers.push(n.as_f64().expect("a JSON number"));
            }
            Json::String(s) => string(tape, s),
            Json::Array(items) => {
                tape.ops.push(((items.len() as u32) << 3) | ARRAY);
                items.iter().for_each(|item| walk(tape, item));
            }
            Json::Object(entries) => {
                tape.ops.push(((entries.len() as u32) << 3) | OBJECT);
                for (key, value) in entries {
                    string(tape, key);
                    walk(tape, value);
                }
            }
        }
    }
    let mut tape = Tape::default();
    walk(&mut tape, value);
    tape
}

/// `T` read from the tape of `json` is `T` read by serde_json from it.
fn reads_as_serde_json<T: for<'de> Deserialize<'de> + PartialEq + fmt::Debug>(json: &str) -> T {
    let value: Json = serde_json::from_str(json).expect("valid JSON");
    let expected: T = serde_json::from_value(value.clone()).expect("serde_json reads it");
    let tape = lay_flat(&value);
    let read: T = from_tape(&tape).expect("the tape reads");
    assert_eq!(read, expected);
    read
}

#[test]
fn the_documents_read_as_serde_json_reads_them() {
    use batayan_core::apa::{Agreement, Report};
    use batayan_core::innovation::{Entry, Rubric};
    let agreement: Agreement = reads_as_serde_json(include_str!("../../../../../tests/fixtures/apa-ict-sylhet-2024-25.json"));
    assert!(agreement.areas.len() > 3, "the whole agreement, not an empty one");
    let _: Report = reads_as_serde_json(include_str!("../../../../../tests/fixtures/apa-ict-sylhet-2024-25-report-q2.json"));
    let _: Entry = reads_as_serde_json(include_str!("../../../../../tests/fixtures/innovation-entry-enothi.json"));
    let entries: Vec<Entry> = reads_as_serde_json(include_str!("../../../../../tests/fixtures/innovation-entries.json"));
    assert_eq!(entries.len(), 4);
    let _: Rubric = reads_as_serde_json(include_str!("../../../../../tests/fixtures/innovation-rubric.json"));
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Shape {
    Unit,
    Newtype(u32),
    Tuple(u8, String),
    Struct { a: Option<i64> },
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(tag = "kind")]
enum Tagged {
    One { x: f64 },
    Two,
}

#[derive(Debug, PartialEq, Deserialize)]
struct Every {
    text: String,
    borrowed_or_not: std::borrow::Cow<'static, str>,
    small: u8,
    negative: i32,
    big: u64,
    fraction: f64,
    yes: bool,
    none: Option<String>,
    some: Option<Vec<u16>>,
    shapes: Vec<Shape>,
    tagged: Vec<Tagged>,
    map: std::collections::BTreeMap<String, Vec<Option<bool>>>,
    pair: (char, f32),
    #[serde(default)]
    absent: Vec<u8>,
}

#[test]
fn every_shape_serde_derives_reads_as_in_serde_json() {
    let every: Every = reads_as_serde_json(
        r#"{
            "ignored": {"deep": [1, {"x": ["y", null, true]}, "ক্ষেত্র"], "more": 2.5},
            "text": "কর্মসম্পাদন 😀 e\u0301 \u0000 end",
            "borrowed_or_not": "x",
            "small": 255, "negative": -7, "big": 9007199254740991, "fraction": 0.1,
            "yes": true, "none": null, "some": [1, 2, 3],
            "shapes": ["unit", {"newtype": 4}, {"tuple": [1, "দুই"]}, {"struct": {"a": null}}, {"struct": {"a": -3}}],
            "tagged": [{"kind": "One", "x": 1.5}, {"kind": "Two"}],
            "map": {"১": [true, null], "": []},
            "pair": ["ক", 2.5],
            "also ignored": [[], {}]
        }"#,
    );
    assert_eq!(every.text, "কর্মসম্পাদন 😀 e\u{301} \u{0} end");
    assert_eq!(every.shapes.len(), 5);
}

#[test]
fn errors_read_as_serde_writes_them_without_a_floats_digits() {
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Needs {
        count: u32,
        name: String,
    }
    let error = |json: &str| from_tape::<Needs>(&lay_flat(&serde_json::from_str(json).expect("JSON"))).expect_err("an error").to_string();
    assert_eq!(error(r#"{"count": 1}"#), "missing field `name`");
    assert_eq!(error(r#"{"count": "x", "name": ""}"#), "invalid type: string \"x\", expected u32");
    assert_eq!(error(r#"{"count": 1.5, "name": ""}"#), "invalid type: a number with a fraction, expected u32");
    assert_eq!(error(r#"{"count": -1, "name": ""}"#), "invalid value: integer `-1`, expected u32");
    assert_eq!(error(r#"[1, "x"]"#), "invalid type: sequence, expected struct Needs");
    assert_eq!(error(r#"{"count": 1, "name": {}}"#), "invalid type: map, expected a string");
    assert_eq!(error(r#"{"count": 7, "name": 5}"#), "invalid type: integer `5`, expected a string");
    let pair = from_tape::<(u8, u8)>(&lay_flat(&serde_json::json!([1, 2, 3]))).expect_err("too long");
    assert_eq!(pair.to_string(), "invalid length 3, expected fewer elements in the array");
    assert_eq!(error("null"), "invalid type: unit value, expected struct Needs");
}

#[test]
fn a_broken_tape_is_an_error_never_a_panic() {
    let read = |ops: Vec<u32>, numbers: Vec<f64>, text: &str| from_tape::<Json>(&Tape { ops, numbers, text: text.to_owned() });
    assert!(read(vec![], vec![], "").is_err(), "no value");
    assert!(read(vec![NUMBER], vec![], "").is_err(), "a number missing");
    assert!(read(vec![(3 << 3) | STRING], vec![], "ab").is_err(), "a string longer than the text");
    assert!(read(vec![(1 << 3) | STRING], vec![], "😀").is_err(), "a length that cuts a surrogate pair");
    assert!(read(vec![(5 << 3) | ARRAY, NULL], vec![], "").is_err(), "fewer elements than counted");
    assert!(read(vec![(1 << 3) | OBJECT, NULL], vec![], "").is_err(), "an entry without its value");
    assert!(read(vec![OTHER], vec![], "").is_err(), "a value JSON does not have");
    assert!(read(vec![NULL, NULL], vec![], "").is_err(), "more after the value");
    assert_eq!(read(vec![(2 << 3) | STRING], vec![], "😀"), Ok(Json::String("😀".to_owned())));
    // Every tape of a few random words: an answer or an error, and no panic.
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    for _ in 0..20_000 {
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let ops = (0..next() % 8).map(|_| (next() % 64) as u32).collect();
        let numbers = (0..next() % 3).map(|_| (next() % 100) as f64 / 4.0).collect();
        let _ = read(ops, numbers, "ab😀ক");
    }
}

#[test]
fn ignored_values_are_passed_over_whole() {
    #[derive(Debug, PartialEq, Deserialize)]
    struct Last {
        last: String,
    }
    let last: Last = reads_as_serde_json(r#"{"skip": {"a": [1, "২", {"b": [[null]]}], "c": "😀"}, "also": [true, 2], "last": "শেষ"}"#);
    assert_eq!(last.last, "শেষ");
}
