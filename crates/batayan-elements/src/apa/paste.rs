//! Reading a pasted section 3 for the editor, a slice of lines at a time. The importer is a module of
//! its own (`batayan_import`): only a person who pastes needs it, so the editor asks the loader for it
//! (the element's `batayanModule("import")`) on the first paste, and reads through it. A build that
//! holds the importer itself (the tests' build of every feature) reads in-process.

use batayan_core::apa::{Agreement, MergedPaste};
use batayan_core::locale::Message;
use web_sys::HtmlElement;

#[cfg(feature = "import")]
pub(crate) use in_process::PasteReader;
#[cfg(not(feature = "import"))]
pub(crate) use loaded::PasteReader;

/// The importer could not be had: its module did not come (offline), or the page has no loader.
#[cfg_attr(feature = "import", allow(dead_code))]
fn unavailable(detail: &str) -> Message {
    Message::new(
        format!("টেবিল পড়ার অংশটি আনা যায়নি ({detail}): সংযোগ দেখে আবার “টেবিল পড়ুন” চাপুন; পেস্ট করা লেখা রাখা আছে।"),
        format!("The part that reads tables could not be fetched ({detail}): check the connection and press “Read the table” again; the pasted text is kept."),
    )
}

#[cfg(feature = "import")]
mod in_process {
    use super::*;
    use batayan_core::apa::Section3Reader;

    pub(crate) struct PasteReader(Section3Reader);

    impl PasteReader {
        pub(crate) async fn open(_host: &HtmlElement, text: String) -> Result<PasteReader, Message> {
            Ok(PasteReader(Section3Reader::new(text)))
        }

        pub(crate) fn read_lines(&mut self, max_lines: usize) -> bool {
            self.0.read_lines(max_lines)
        }

        pub(crate) fn progress(&self) -> (usize, usize) {
            self.0.progress()
        }

        pub(crate) fn finish(self, base: &Agreement) -> Result<MergedPaste, Message> {
            Ok(self.0.finish().merged(base))
        }
    }
}

#[cfg(not(feature = "import"))]
mod loaded {
    use super::*;
    use js_sys::{Array, Function, Promise, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    /// A `Section3Reading` of the importer's module.
    pub(crate) struct PasteReader(JsValue);

    /// Calls `object.name(...args)`.
    fn call(object: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
        let method: Function = Reflect::get(object, &JsValue::from_str(name))?.dyn_into()?;
        method.apply(object, &args.iter().collect::<Array>())
    }

    fn detail(e: &JsValue) -> String {
        e.as_string().or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message()))).unwrap_or_default()
    }

    impl PasteReader {
        pub(crate) async fn open(host: &HtmlElement, text: String) -> Result<PasteReader, Message> {
            let glue = call(host, "batayanModule", &[JsValue::from_str("import")]).map_err(|_| unavailable("batayan.js"))?;
            let glue = wasm_bindgen_futures::JsFuture::from(glue.dyn_into::<Promise>().map_err(|_| unavailable("batayan.js"))?)
                .await
                .map_err(|e| unavailable(&detail(&e)))?;
            let class: Function =
                Reflect::get(&glue, &JsValue::from_str("Section3Reading")).and_then(|c| c.dyn_into()).map_err(|e| unavailable(&detail(&e)))?;
            let reading = Reflect::construct(&class, &Array::of1(&JsValue::from_str(&text))).map_err(|e| unavailable(&detail(&e)))?;
            Ok(PasteReader(reading))
        }

        /// True once every line is read; a reader that fails is done (`finish` says why).
        pub(crate) fn read_lines(&mut self, max_lines: usize) -> bool {
            call(&self.0, "readLines", &[JsValue::from_f64(max_lines as f64)]).map_or(true, |done| done.as_bool().unwrap_or(true))
        }

        pub(crate) fn progress(&self) -> (usize, usize) {
            let numbers = call(&self.0, "progress", &[]).ok().and_then(|p| p.dyn_into::<js_sys::Uint32Array>().ok()).map(|p| p.to_vec()).unwrap_or_default();
            match numbers[..] {
                [read, total] => (read as usize, total as usize),
                _ => (0, 0),
            }
        }

        pub(crate) fn finish(self, base: &Agreement) -> Result<MergedPaste, Message> {
            let base = batayan_web::submit::to_json_text(base)?;
            let json = call(&self.0, "finish", &[JsValue::from_str(&base)]).map_err(|e| unavailable(&detail(&e)))?;
            let _ = call(&self.0, "free", &[]);
            let value = js_sys::JSON::parse(&json.as_string().unwrap_or_default()).map_err(|e| unavailable(&detail(&e)))?;
            serde_wasm_bindgen::from_value(value).map_err(|e| unavailable(&e.to_string()))
        }
    }
}
