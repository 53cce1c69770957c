//! The importer's module (`batayan_import`, cargo feature `import`): section 3 pasted from Word or a
//! spreadsheet, read a slice of lines at a time, for the editor. It is its own module because only a
//! person who pastes needs it (about a tenth of the editor's download): the editor's module asks the
//! loader for it when "read the table" is pressed, and the two speak JSON: the agreement being edited
//! goes in, the merged agreement and what reading found come out (`MergedPaste`), so that the merge
//! is this module's code too.

use batayan_core::apa::{Agreement, Section3Reader};
use wasm_bindgen::prelude::*;

/// A pasted text being read: `readLines` until it says it is done (the page paints between calls),
/// `progress` for the bar, then `finish` for what was read.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Section3Reading {
    reader: Option<Section3Reader>,
}

#[wasm_bindgen]
impl Section3Reading {
    #[wasm_bindgen(constructor)]
    pub fn new(text: String) -> Section3Reading {
        Section3Reading { reader: Some(Section3Reader::new(text)) }
    }

    /// Reads up to `max_lines` more lines; true once every line is read (or after `finish`).
    #[wasm_bindgen(js_name = readLines)]
    pub fn read_lines(&mut self, max_lines: usize) -> bool {
        self.reader.as_mut().is_none_or(|r| r.read_lines(max_lines))
    }

    /// `[lines read, lines in all]`.
    pub fn progress(&self) -> Vec<u32> {
        let (read, total) = self.reader.as_ref().map_or((0, 0), Section3Reader::progress);
        vec![read as u32, total as u32]
    }

    /// What was read merged into `agreement` (the JSON of the agreement being edited), as the JSON of
    /// `batayan_core::apa::MergedPaste`. Twice, or an agreement that does not read, is an error.
    pub fn finish(&mut self, agreement: &str) -> Result<String, JsError> {
        let reader = self.reader.take().ok_or_else(|| JsError::new("batayan: this paste was already read"))?;
        let base = js_sys::JSON::parse(agreement).map_err(|_| JsError::new("batayan: the agreement is not JSON"))?;
        let base: Agreement = serde_wasm_bindgen::from_value(base).map_err(|e| JsError::new(&e.to_string()))?;
        batayan_web::submit::to_json_text(&reader.finish().merged(&base)).map_err(|m| JsError::new(&m.en))
    }
}
