//! A parsed JSON value (from `fetch`'s `json()`, the loader's prefetch, or storage) read into Rust types
//! with three crossings of the Wasm boundary instead of several per value.
//!
//! serde-wasm-bindgen asks JS about each value as it goes: a field read, up to five type tests and, for a
//! string, an encoding with three allocations — ~150 crossings per indicator of an agreement, 35–50 ms
//! of a 1,000-indicator table's first render. Here one JS walk lays the value flat ([`tape::Tape`]: one
//! array of ops, one of numbers, one string of every text), the three go across once each, and a serde
//! deserialiser in plain Rust reads them (`tape`, tested natively against serde_json). Measured in the
//! bench's page, a 1,000-indicator agreement and its report: ~40 → ~26 ms (median of 11 loads each; the
//! JS walk 8–16 ms of it while cold, the Rust reading 6–24).

pub mod tape;

use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

pub use tape::ReadError;

#[wasm_bindgen(inline_js = r#"
// Lays a parsed JSON value flat for `tape.rs`: an op per value and per object key (kind in the low three
// bits: 0 null, 1 false, 2 true, 3 number, 4 string, 5 array, 6 object, 7 not JSON; above them a
// string's length in UTF-16 units or an array's or object's count), the numbers in order, and every
// string and key joined.
export function lay_flat(value) {
  const ops = [], numbers = [], texts = [];
  const walk = (v) => {
    switch (typeof v) {
      case 'string': ops.push(v.length * 8 + 4); texts.push(v); return;
      case 'number': ops.push(3); numbers.push(v); return;
      case 'boolean': ops.push(v ? 2 : 1); return;
      case 'undefined': ops.push(0); return;
      case 'object':
        if (v === null) { ops.push(0); return; }
        if (Array.isArray(v)) {
          ops.push(v.length * 8 + 5);
          for (let i = 0; i < v.length; i++) walk(v[i]);
          return;
        }
        const keys = Object.keys(v);
        ops.push(keys.length * 8 + 6);
        for (const key of keys) { ops.push(key.length * 8 + 4); texts.push(key); walk(v[key]); }
        return;
    }
    ops.push(7);
  };
  walk(value);
  return { ops: new Uint32Array(ops), numbers: new Float64Array(numbers), text: texts.join('') };
}
"#)]
extern "C" {
    /// A value laid flat, still in JS.
    type FlatValue;

    /// Throws only for a value nested deeper than the JS stack (JSON from `fetch` is not).
    #[wasm_bindgen(catch)]
    fn lay_flat(value: &JsValue) -> Result<FlatValue, JsValue>;

    #[wasm_bindgen(method, getter)]
    fn ops(this: &FlatValue) -> Vec<u32>;

    #[wasm_bindgen(method, getter)]
    fn numbers(this: &FlatValue) -> Vec<f64>;

    #[wasm_bindgen(method, getter)]
    fn text(this: &FlatValue) -> String;
}

/// Reads `T` from a parsed JSON value, as `serde_wasm_bindgen::from_value` would.
pub fn from_js<T: DeserializeOwned>(value: &JsValue) -> Result<T, ReadError> {
    let flat = lay_flat(value).map_err(|_| <ReadError as serde::de::Error>::custom("the data is nested too deeply"))?;
    let tape = tape::Tape { ops: flat.ops(), numbers: flat.numbers(), text: flat.text() };
    tape::from_tape(&tape)
}
