//! The JSON contract between the widgets and a host portal's endpoints, as far as it is shared by
//! every widget: schema names and the error body.
//!
//! Every 4xx answer a host gives to a widget's POST or PUT has the body
//! `{"errors":[{"path":"…","message_bn":"…","message_en":"…"}]}`, where `path` is a JSON Pointer
//! (RFC 6901) into the submitted document (`""` for the document as a whole). Widgets show each error
//! on the field its path names, so a host that answers in this shape gets inline errors for free.

use serde::{Deserialize, Serialize};

use crate::locale::Message;

/// The `schema` field of an APA agreement document.
pub const APA_SCHEMA: &str = "batayan.apa/1";
/// The `schema` field of an APA progress report (achievements for a period).
pub const APA_REPORT_SCHEMA: &str = "batayan.apa-report/1";

/// One problem with a submitted document, tied to the field it is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
pub struct ErrorBody {
    pub errors: Vec<FieldError>,
}

impl ErrorBody {
    pub fn single(path: impl Into<String>, message: Message) -> ErrorBody {
        ErrorBody { errors: vec![FieldError::new(path, message)] }
    }
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
    fn error_body_has_the_documented_shape() {
        let body = ErrorBody::single("/fiscal_year", Message::new("ভুল", "wrong"));
        let json = serde_json::to_value(&body).expect("serializes");
        assert_eq!(
            json,
            serde_json::json!({"errors":[{"path":"/fiscal_year","message_bn":"ভুল","message_en":"wrong"}]})
        );
        let back: ErrorBody = serde_json::from_value(json).expect("deserializes");
        assert_eq!(back, body);
    }

    #[test]
    fn pointers_escape_slashes() {
        assert_eq!(json_pointer(["areas", "0", "indicators"]), "/areas/0/indicators");
        assert_eq!(json_pointer(["a/b", "c~d"]), "/a~1b/c~0d");
        assert_eq!(json_pointer(Vec::<String>::new()), "");
    }
}
