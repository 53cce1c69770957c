//! The JSON Schemas of the documents hosts and widgets exchange, derived from the types that read and
//! write them (so a schema cannot say what the code does not do), and kept in `pkg-config/schemas/` for
//! portal developers: `apa.schema.json` (an agreement), `apa-report.schema.json` (a progress report),
//! `innovation-entry.schema.json`, `innovation-rubric.schema.json`, `innovation-sheet.schema.json`, the
//! answers the innovation elements read (`innovation-entries`, `innovation-queue`, `innovation-results`),
//! `minutes.schema.json` (a meeting's minutes), `error.schema.json` (the body of every 4xx). A test
//! fails when a committed schema is not what the types give; `BATAYAN_WRITE_SCHEMAS=1 cargo test -p batayan-core schemas` writes them again.

use schemars::{JsonSchema, Schema, SchemaGenerator, generate::SchemaSettings};

use crate::apa::{Agreement, Report};
use crate::contract::{APA_REPORT_SCHEMA, APA_SCHEMA, ErrorBody, INNOVATION_ENTRY_SCHEMA};
use crate::innovation::{Entry, EntryList, Queue, Results, Rubric, Sheet};
use crate::minutes::{MINUTES_SCHEMA, Minutes, MinutesList, StatusChange};

/// Every document's schema: its file name and the schema.
pub fn documents() -> Vec<(&'static str, Schema)> {
    vec![
        ("apa.schema.json", document::<Agreement>("An APA agreement (বার্ষিক কর্মসম্পাদন চুক্তি)", Some(APA_SCHEMA))),
        ("apa-report.schema.json", document::<Report>("An APA progress report", Some(APA_REPORT_SCHEMA))),
        ("innovation-entry.schema.json", document::<Entry>("An innovation showcase entry, with its TCV figures", Some(INNOVATION_ENTRY_SCHEMA))),
        ("innovation-rubric.schema.json", document::<Rubric>("A judging rubric: weighted criteria, the aggregate and the tie-break", None)),
        ("innovation-sheet.schema.json", document::<Sheet>("One judge's sheet for one entry: a mark per criterion, or an abstention", None)),
        ("innovation-entries.schema.json", document::<EntryList>("Every showcase entry with its id, as the showcase reads them", None)),
        (
            "innovation-queue.schema.json",
            document::<Queue>("A judge's queue: the rubric and the entries assigned to the signed-in judge, with their own sheets", None),
        ),
        ("innovation-results.schema.json", document::<Results>("The published results: the ranking per level and category, and the entries' titles", None)),
        (
            "minutes.schema.json",
            document::<Minutes>("A meeting's minutes (সভার কার্যবিবরণী): header, items with decisions and implementers, footer, follow-up", Some(MINUTES_SCHEMA)),
        ),
        ("minutes-list.schema.json", document::<MinutesList>("Every meeting's minutes with its id, newest first, as the decision register reads them", None)),
        ("minutes-status.schema.json", document::<StatusChange>("A decision's new status, with a note, an evidence link and the day it was done", None)),
        ("error.schema.json", document::<ErrorBody>("The body of every 4xx answer: each error at a JSON Pointer into the document sent", None)),
    ]
}

/// The schema of `T` (draft 2020-12), titled, its `schema` field fixed to `tag` where it has one.
fn document<T: JsonSchema>(title: &str, tag: Option<&str>) -> Schema {
    let mut schema = SchemaGenerator::new(SchemaSettings::draft2020_12()).into_root_schema_for::<T>();
    schema.insert("title".into(), title.into());
    if let Some(tag) = tag
        && let Some(field) = schema.get_mut("properties").and_then(|p| p.get_mut("schema")).and_then(|f| f.as_object_mut())
    {
        field.insert("const".into(), tag.into());
    }
    schema
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
    }

    #[test]
    fn the_published_schemas_are_what_the_types_give() {
        let write = std::env::var_os("BATAYAN_WRITE_SCHEMAS").is_some();
        for (file, schema) in documents() {
            let path = root().join("pkg-config/schemas").join(file);
            let text = serde_json::to_string_pretty(&schema).unwrap() + "\n";
            if write {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, &text).unwrap();
            }
            let published = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(published == text, "{} is stale: run BATAYAN_WRITE_SCHEMAS=1 cargo test -p batayan-core schemas", path.display());
        }
    }

    /// Every fixture of a document reads into its type and writes back to the same JSON: what the
    /// schema describes (the type) is what the fixture holds, field for field.
    #[test]
    fn every_fixture_round_trips_through_its_type() {
        fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(file: &str) {
            let text = std::fs::read_to_string(root().join("tests/fixtures").join(file)).unwrap();
            let json: serde_json::Value = serde_json::from_str(&text).unwrap();
            let read: T = serde_json::from_value(json.clone()).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert_eq!(floats(serde_json::to_value(&read).unwrap()), floats(json), "{file} comes back the same");
        }
        /// `20` and `20.0` are one number in JSON (and in the types); serde_json tells them apart.
        fn floats(value: serde_json::Value) -> serde_json::Value {
            use serde_json::Value;
            match value {
                Value::Number(n) => n.as_f64().and_then(serde_json::Number::from_f64).map_or(Value::Null, Value::Number),
                Value::Array(items) => Value::Array(items.into_iter().map(floats).collect()),
                Value::Object(fields) => Value::Object(fields.into_iter().map(|(k, v)| (k, floats(v))).collect()),
                other => other,
            }
        }
        round_trip::<Agreement>("apa-ict-sylhet-2024-25.json");
        round_trip::<Report>("apa-ict-sylhet-2024-25-report-q2.json");
        round_trip::<Entry>("innovation-entry-enothi.json");
        let error = r#"{"errors":[{"path":"/values/1.1.1/quarters/1","message_bn":"বাংলা","message_en":"English"}]}"#;
        let read: ErrorBody = serde_json::from_str(error).unwrap();
        assert_eq!(serde_json::to_string(&read).unwrap(), error);
    }

    #[test]
    fn a_documents_schema_names_its_tag_and_its_fields() {
        let (_, agreement) = &documents()[0];
        let properties = agreement.get("properties").unwrap();
        assert_eq!(properties["schema"]["const"], "batayan.apa/1");
        for field in ["office", "fiscal_year", "areas", "governance", "scoring"] {
            assert!(properties.get(field).is_some(), "{field}");
        }
        assert_eq!(agreement.get("required").unwrap(), &serde_json::json!(["schema", "office", "fiscal_year"]));
    }
}
