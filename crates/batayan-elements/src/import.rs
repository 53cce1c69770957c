//! The importer's module (`batayan_import`, cargo feature `import`): section 3 pasted from Word or a
//! spreadsheet, read a slice of lines at a time, for the editor. It is its own module because only a
//! person who pastes needs it (about a tenth of the editor's download): the editor's module asks the
//! loader for it when "read the table" is pressed. What was read goes back as JSON in slices of a few
//! hundred rows (`batayan_core::apa::ImportSlice`), so that neither side holds the tab for long.

use std::collections::VecDeque;

use batayan_core::apa::{ImportSlice, Section3Reader};
use wasm_bindgen::prelude::*;

/// Rows a slice of the answer carries: ~20 ms to write and as much to read at the other end.
const ROWS_PER_SLICE: usize = 500;

/// A pasted text being read: `readLines` until it says it is done (the page paints between calls),
/// `progress` for the bar, then `finish`, then `nextSlice` until it gives nothing.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Section3Reading {
    reader: Option<Section3Reader>,
    slices: VecDeque<ImportSlice>,
}

#[wasm_bindgen]
impl Section3Reading {
    #[wasm_bindgen(constructor)]
    pub fn new(text: String) -> Section3Reading {
        Section3Reading { reader: Some(Section3Reader::new(text)), slices: VecDeque::new() }
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

    /// Ends the reading: what was read waits in slices for `next`.
    pub fn finish(&mut self) {
        if let Some(reader) = self.reader.take() {
            self.slices = reader.finish().into_slices(ROWS_PER_SLICE).into();
        }
    }

    /// The next slice as JSON, or nothing once every slice has gone.
    #[wasm_bindgen(js_name = nextSlice)]
    pub fn next_slice(&mut self) -> Result<Option<String>, JsError> {
        let Some(slice) = self.slices.pop_front() else { return Ok(None) };
        batayan_web::submit::to_json_text(&slice).map(Some).map_err(|m| JsError::new(&m.en))
    }
}
