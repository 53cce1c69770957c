//! Reading a pasted section 3 for the editor, a slice of lines at a time, and taking what was read a
//! slice of rows at a time. The importer is a module of its own (`batayan_import`): only a person who
//! pastes needs it, so the editor asks the loader for it (the element's `batayanModule("import")`) on
//! the first paste, and reads through it. A build that holds the importer itself (the tests' build of
//! every feature) reads in-process, through the same slices.

use batayan_core::apa::ImportSlice;
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
    use std::collections::VecDeque;

    pub(crate) struct PasteReader {
        reader: Option<Section3Reader>,
        slices: VecDeque<ImportSlice>,
    }

    impl PasteReader {
        pub(crate) async fn open(_host: &HtmlElement, text: String) -> Result<PasteReader, Message> {
            Ok(PasteReader { reader: Some(Section3Reader::new(text)), slices: VecDeque::new() })
        }

        pub(crate) fn read_lines(&mut self, max_lines: usize) -> bool {
            self.reader.as_mut().is_none_or(|r| r.read_lines(max_lines))
        }

        pub(crate) fn progress(&self) -> (usize, usize) {
            self.reader.as_ref().map_or((0, 0), Section3Reader::progress)
        }

        /// The next slice of what was read (the reading ends at the first call).
        pub(crate) fn next_slice(&mut self) -> Result<Option<ImportSlice>, Message> {
            if let Some(reader) = self.reader.take() {
                // As many rows a slice as the importer's module sends.
                self.slices = reader.finish().into_slices(500).into();
            }
            Ok(self.slices.pop_front())
        }
    }
}

#[cfg(not(feature = "import"))]
mod loaded {
    use super::*;
    use js_sys::{Array, Function, Promise, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    /// A `Section3Reading` of the importer's module.
    pub(crate) struct PasteReader {
        reading: JsValue,
        finished: bool,
    }

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
            Ok(PasteReader { reading, finished: false })
        }

        /// True once every line is read; a reader that fails is done (`next_slice` says why).
        pub(crate) fn read_lines(&mut self, max_lines: usize) -> bool {
            call(&self.reading, "readLines", &[JsValue::from_f64(max_lines as f64)]).map_or(true, |done| done.as_bool().unwrap_or(true))
        }

        pub(crate) fn progress(&self) -> (usize, usize) {
            let numbers =
                call(&self.reading, "progress", &[]).ok().and_then(|p| p.dyn_into::<js_sys::Uint32Array>().ok()).map(|p| p.to_vec()).unwrap_or_default();
            match numbers[..] {
                [read, total] => (read as usize, total as usize),
                _ => (0, 0),
            }
        }

        /// The next slice of what was read (the reading ends at the first call), or none when all came.
        pub(crate) fn next_slice(&mut self) -> Result<Option<ImportSlice>, Message> {
            if !self.finished {
                self.finished = true;
                call(&self.reading, "finish", &[]).map_err(|e| unavailable(&detail(&e)))?;
            }
            let json = call(&self.reading, "nextSlice", &[]).map_err(|e| unavailable(&detail(&e)))?;
            let Some(json) = json.as_string() else { return Ok(None) };
            let value = js_sys::JSON::parse(&json).map_err(|e| unavailable(&detail(&e)))?;
            serde_wasm_bindgen::from_value(value).map(Some).map_err(|e| unavailable(&e.to_string()))
        }
    }

    impl Drop for PasteReader {
        fn drop(&mut self) {
            // The importer's memory for this paste is freed with it.
            let _ = call(&self.reading, "free", &[]);
        }
    }
}
