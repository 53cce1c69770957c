//! The JSON contract between the widgets and a host portal's endpoints, as far as it is shared by
//! every widget: schema names and the error body.
//!
//! Every 4xx answer a host gives to a widget's POST or PUT has the body
//! `{"errors":[{"path":"…","message_bn":"…","message_en":"…"}]}`, where `path` is a JSON Pointer
//! (RFC 6901) into the submitted document (`""` for the document as a whole). Widgets show each error
//! on the field its path names, so a host that answers in this shape gets inline errors for free.

use serde::{Deserialize, Serialize};

use crate::locale::{FiscalYear, Message, to_bangla_digits};

/// The `schema` field of an APA agreement document.
pub const APA_SCHEMA: &str = "batayan.apa/1";
/// The `schema` field of an APA progress report (achievements for a period).
pub const APA_REPORT_SCHEMA: &str = "batayan.apa-report/1";

/// The `schema` field of an innovation showcase entry.
pub const INNOVATION_ENTRY_SCHEMA: &str = "batayan.innovation-entry/1";

/// One problem with a submitted document, tied to the field it is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct FieldError {
    /// A JSON Pointer into the submitted document; `""` for the whole document.
    pub path: String,
    pub message_bn: String,
    pub message_en: String,
}

impl FieldError {
    pub fn new(path: impl Into<String>, message: Message) -> FieldError {
        FieldError { path: path.into(), message_bn: message.bn, message_en: message.en }
    }

    pub fn message(&self) -> Message {
        Message::new(self.message_bn.clone(), self.message_en.clone())
    }
}

/// The body of every 4xx answer: `{"errors":[…]}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "schema"), derive(schemars::JsonSchema))]
pub struct ErrorBody {
    pub errors: Vec<FieldError>,
}

impl ErrorBody {
    pub fn single(path: impl Into<String>, message: Message) -> ErrorBody {
        ErrorBody { errors: vec![FieldError::new(path, message)] }
    }
}

/// Where a document was sent: the endpoint's schema, office and fiscal year.
#[derive(Clone, Copy, Debug)]
pub struct Destination<'a> {
    pub schema: &'a str,
    pub office: &'a str,
    pub fiscal_year: FiscalYear,
}

/// Checks the fields every submitted document starts with (`schema`, `office`, `fiscal_year`) against
/// the endpoint it was sent to, so that a report for one office or year is never stored under another.
/// The fields are passed as found in the JSON: `None` when absent or not a string.
pub fn check_header(schema: Option<&str>, office: Option<&str>, fiscal_year: Option<&str>, to: Destination<'_>) -> Vec<FieldError> {
    let mut errors = Vec::new();
    match schema {
        Some(s) if s == to.schema => {}
        Some(s) => errors.push(FieldError::new(
            "/schema",
            Message::new(
                format!("নথির ধরন “{s}”, কিন্তু এখানে “{}” ধরনের নথি জমা হয়।", to.schema),
                format!("The document is a “{s}”, but this endpoint takes “{}”.", to.schema),
            ),
        )),
        None => errors.push(missing("/schema", "schema")),
    }
    match office {
        Some(o) if o == to.office => {}
        Some(o) => errors.push(FieldError::new(
            "/office",
            Message::new(
                format!("নথিটি অফিস “{o}”-এর, কিন্তু পাঠানো হয়েছে অফিস “{}”-এর ঠিকানায়।", to.office),
                format!("The document is for office “{o}” but was sent to office “{}”.", to.office),
            ),
        )),
        None => errors.push(missing("/office", "office")),
    }
    match fiscal_year.map(FiscalYear::parse) {
        Some(Ok(year)) if year == to.fiscal_year => {}
        Some(Ok(year)) => errors.push(FieldError::new(
            "/fiscal_year",
            Message::new(
                format!(
                    "নথিটি অর্থবছর {}-এর, কিন্তু পাঠানো হয়েছে অর্থবছর {}-এর ঠিকানায়।",
                    year.label(crate::locale::Lang::Bn),
                    to.fiscal_year.label(crate::locale::Lang::Bn)
                ),
                format!("The document is for fiscal year {year} but was sent to fiscal year {}.", to.fiscal_year),
            ),
        )),
        Some(Err(e)) => errors.push(FieldError::new("/fiscal_year", e.message())),
        None => errors.push(missing("/fiscal_year", "fiscal_year")),
    }
    errors
}

fn missing(path: &str, field: &str) -> FieldError {
    FieldError::new(path, Message::new(format!("“{field}” ক্ষেত্রটি নেই বা লেখা নয়।"), format!("The field “{field}” is missing or not text.")))
}

/// Checks an office key as used in endpoint paths (`ict-sylhet`): 1 to 64 lowercase ASCII letters,
/// digits and dashes, so that it is safe in a URL and a file name.
pub fn check_office_key(office: &str) -> Result<(), Message> {
    let ok = (1..=64).contains(&office.len()) && office.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(Message::new(
            format!("“{office}” অফিসের কী হিসেবে চলবে না: ছোট হাতের ইংরেজি অক্ষর, অঙ্ক ও ড্যাশ ব্যবহার করুন (যেমন ict-sylhet)।"),
            format!("“{office}” is not an office key: use lowercase letters, digits and dashes (e.g. ict-sylhet)."),
        ))
    }
}

/// Whether `text` is a web address a citizen's browser can open: `http://` or `https://` (in any
/// case, as people type `HTTPS://`) followed by a host, with no spaces. Other schemes
/// (`javascript:`, `file:`, `data:`) are never links to evidence.
pub fn is_web_link(text: &str) -> bool {
    let text = text.trim();
    let rest = ["https://", "http://"].iter().find_map(|scheme| {
        let head = text.get(..scheme.len())?;
        head.eq_ignore_ascii_case(scheme).then(|| &text[scheme.len()..])
    });
    rest.is_some_and(|rest| {
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty() && !text.chars().any(char::is_whitespace)
    })
}

/// The longest `Idempotency-Key` a host keeps.
pub const MAX_IDEMPOTENCY_KEY_LEN: usize = 200;

/// Checks an `Idempotency-Key` header as sent (its raw bytes): 1 to 200 visible ASCII characters.
/// Anything else is refused rather than ignored, since an ignored key would let a retry store twice.
pub fn check_idempotency_key(raw: &[u8]) -> Result<&str, Message> {
    let text = std::str::from_utf8(raw).ok().map(str::trim).filter(|k| !k.is_empty() && k.bytes().all(|b| b.is_ascii_graphic()));
    let Some(key) = text else {
        return Err(Message::new(
            "Idempotency-Key-এ শুধু ইংরেজি অক্ষর, অঙ্ক ও চিহ্ন (ASCII, ফাঁকা ছাড়া) থাকতে পারে।",
            "An Idempotency-Key may hold only visible ASCII characters (letters, digits, punctuation; no spaces).",
        ));
    };
    if key.len() > MAX_IDEMPOTENCY_KEY_LEN {
        return Err(Message::new(
            format!("Idempotency-Key {} অক্ষরের বেশি হতে পারবে না।", to_bangla_digits(&MAX_IDEMPOTENCY_KEY_LEN.to_string())),
            format!("An Idempotency-Key may not be longer than {MAX_IDEMPOTENCY_KEY_LEN} characters."),
        ));
    }
    Ok(key)
}

/// A short fingerprint of a request body (FNV-1a, 64 bits, as hex): what a widget keeps beside an
/// idempotency key to know whether a retry sends the same document, without keeping a second copy of
/// a large document in the browser's storage. Not a security measure; the host compares whole bodies.
pub fn body_fingerprint(body: &str) -> String {
    let hash = body.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    format!("{hash:016x}")
}

/// How long a widget waits for the host before it says so and offers to try again, when the page
/// gives no `timeout` attribute.
pub const DEFAULT_TIMEOUT_SECONDS: u32 = 30;

/// Reads a `timeout` attribute: whole seconds from 1 to 600, in either digit set; absent means
/// [`DEFAULT_TIMEOUT_SECONDS`]. Returns milliseconds.
pub fn request_timeout_ms(attribute: Option<&str>) -> Result<u32, Message> {
    let Some(text) = attribute.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(DEFAULT_TIMEOUT_SECONDS * 1000);
    };
    // Whole seconds in either digit set, read as an integer: a float parser is Wasm bytes the public
    // view would carry for this one attribute.
    match crate::locale::to_ascii_digits(text).parse::<u32>() {
        Ok(seconds) if (1..=600).contains(&seconds) => Ok(seconds * 1000),
        _ => Err(Message::new(
            format!("timeout=\"{text}\" চলবে না: ১ থেকে ৬০০-এর মধ্যে পূর্ণ সেকেন্ড লিখুন (যেমন timeout=\"৬০\")।"),
            format!("timeout=\"{text}\" will not do: give whole seconds from 1 to 600 (e.g. timeout=\"60\")."),
        )),
    }
}

/// Who `<batayan-apa-table>` is for, from its `mode` attribute: citizens read, office staff report,
/// the APA focal point edits. The loader fetches different code for the public view than for the forms,
/// so the rule lives here, where both read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApaMode {
    Public,
    Report,
    Edit,
}

impl ApaMode {
    /// The `mode` attribute, in any letter case; absent or blank means public.
    pub fn parse(attribute: Option<&str>) -> Result<ApaMode, Message> {
        let text = attribute.map(str::trim).unwrap_or_default();
        match text.to_ascii_lowercase().as_str() {
            "" | "public" => Ok(ApaMode::Public),
            "report" => Ok(ApaMode::Report),
            "edit" => Ok(ApaMode::Edit),
            _ => Err(Message::new(
                format!("mode=\"{text}\" চেনা যায়নি: public, report বা edit লিখুন।"),
                format!("mode=\"{text}\" is not known: use public, report or edit."),
            )),
        }
    }
}

/// JSON that does not parse, said the same way by the host and the CLI: `subject` names what was read
/// ("নথিটি" / "The document", or a file name), `line` and `column` come from the parser.
pub fn invalid_json(subject: &Message, line: usize, column: usize, detail: &str) -> Message {
    let (l, c) = (line.to_string(), column.to_string());
    Message::new(
        format!("{} বৈধ JSON নয় (লাইন {}, কলাম {})।", subject.bn, to_bangla_digits(&l), to_bangla_digits(&c)),
        format!("{} is not valid JSON (line {l}, column {c}): {detail}.", subject.en),
    )
}

/// Builds a JSON Pointer from its segments, escaping `~` and `/` as RFC 6901 says.
pub fn json_pointer<I, S>(segments: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    segments.into_iter().fold(String::new(), |mut out, s| {
        out.push('/');
        out.push_str(&s.as_ref().replace('~', "~0").replace('/', "~1"));
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fingerprint_tells_bodies_apart_and_is_stable() {
        assert_eq!(body_fingerprint(""), "cbf29ce484222325");
        assert_eq!(body_fingerprint("{\"a\":1}"), body_fingerprint("{\"a\":1}"));
        assert_ne!(body_fingerprint("{\"a\":1}"), body_fingerprint("{\"a\":2}"));
        assert_eq!(body_fingerprint("x").len(), 16);
    }

    #[test]
    fn a_timeout_is_whole_seconds_in_either_digit_set() {
        assert_eq!(request_timeout_ms(None), Ok(30_000));
        assert_eq!(request_timeout_ms(Some(" ")), Ok(30_000));
        assert_eq!(request_timeout_ms(Some("৬০")), Ok(60_000));
        assert_eq!(request_timeout_ms(Some("5")), Ok(5_000));
        for bad in ["0", "601", "2.5", "-3", "soon"] {
            let m = request_timeout_ms(Some(bad)).unwrap_err();
            assert!(m.en.contains("whole seconds from 1 to 600") && m.bn.contains("পূর্ণ সেকেন্ড"), "{bad}: {m:?}");
        }
    }

    #[test]
    fn the_apa_mode_is_public_unless_another_is_named() {
        assert_eq!(ApaMode::parse(None), Ok(ApaMode::Public));
        assert_eq!(ApaMode::parse(Some(" ")), Ok(ApaMode::Public));
        assert_eq!(ApaMode::parse(Some(" Report ")), Ok(ApaMode::Report));
        assert_eq!(ApaMode::parse(Some("EDIT")), Ok(ApaMode::Edit));
        let m = ApaMode::parse(Some("admin")).unwrap_err();
        assert!(m.en.contains("mode=\"admin\" is not known") && m.bn.contains("চেনা যায়নি"), "{m:?}");
    }

    #[test]
    fn web_links_are_http_or_https_in_any_case() {
        for link in ["https://sylhet.gov.bd/apa", "HTTPS://SYLHET.GOV.BD", "Http://x.bd/a?b#c", " https://x.bd "] {
            assert!(is_web_link(link), "{link}");
        }
        for text in ["javascript:alert(1)", "ftp://x.bd", "https://", "https:///path", "www.x.bd", "https://x.bd/a b", "স্থিরচিত্র", ""] {
            assert!(!is_web_link(text), "{text}");
        }
    }

    #[test]
    fn idempotency_keys_are_visible_ascii_and_short() {
        assert_eq!(check_idempotency_key(b"3f1c-42"), Ok("3f1c-42"));
        assert!(check_idempotency_key("কী-১".as_bytes()).is_err(), "non-ASCII is refused, not ignored");
        assert!(check_idempotency_key(&[0xff, 0x41]).is_err(), "not UTF-8");
        assert!(check_idempotency_key(b"a b").is_err());
        assert!(check_idempotency_key(b"   ").is_err());
        assert!(check_idempotency_key("k".repeat(201).as_bytes()).unwrap_err().en.contains("200"));
        assert!(check_idempotency_key("k".repeat(200).as_bytes()).is_ok());
    }

    #[test]
    fn error_body_has_the_documented_shape() {
        let body = ErrorBody::single("/fiscal_year", Message::new("ভুল", "wrong"));
        let json = serde_json::to_value(&body).expect("serializes");
        assert_eq!(json, serde_json::json!({"errors":[{"path":"/fiscal_year","message_bn":"ভুল","message_en":"wrong"}]}));
        let back: ErrorBody = serde_json::from_value(json).expect("deserializes");
        assert_eq!(back, body);
    }

    fn sylhet() -> Destination<'static> {
        let fiscal_year = FiscalYear::parse("2024-25").unwrap();
        Destination { schema: APA_SCHEMA, office: "ict-sylhet", fiscal_year }
    }

    #[test]
    fn header_that_matches_its_destination_passes() {
        assert!(check_header(Some(APA_SCHEMA), Some("ict-sylhet"), Some("২০২৪-২৫"), sylhet()).is_empty());
    }

    #[test]
    fn header_problems_are_named_by_path() {
        let errors = check_header(Some("batayan.apa/0"), None, Some("2023-24"), sylhet());
        let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["/schema", "/office", "/fiscal_year"]);
        assert!(errors[2].message_bn.contains("অর্থবছর ২০২৩-২৪-এর"), "{}", errors[2].message_bn);
        assert!(errors[1].message_en.contains("“office” is missing"));
        let errors = check_header(Some(APA_SCHEMA), Some("ict-dhaka"), Some("2024-26"), sylhet());
        assert_eq!(errors.len(), 2);
        assert!(errors[1].message_en.contains("second year follows its first"));
    }

    #[test]
    fn office_keys() {
        assert!(check_office_key("ict-sylhet").is_ok());
        assert!(check_office_key("").is_err());
        assert!(check_office_key("ICT").is_err());
        assert!(check_office_key("../etc").is_err());
        assert!(check_office_key("সিলেট").is_err());
    }

    #[test]
    fn invalid_json_names_line_and_column_in_both_languages() {
        let m = invalid_json(&Message::new("নথিটি", "The document"), 2, 12, "expected value");
        assert_eq!(m.bn, "নথিটি বৈধ JSON নয় (লাইন ২, কলাম ১২)।");
        assert_eq!(m.en, "The document is not valid JSON (line 2, column 12): expected value.");
    }

    #[test]
    fn pointers_escape_slashes() {
        assert_eq!(json_pointer(["areas", "0", "indicators"]), "/areas/0/indicators");
        assert_eq!(json_pointer(["a/b", "c~d"]), "/a~1b/c~0d");
        assert_eq!(json_pointer(Vec::<String>::new()), "");
    }
}
