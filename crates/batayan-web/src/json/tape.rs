//! A parsed JSON value laid flat, and a serde deserialiser that reads it. Pure Rust: the browser side
//! (`super::from_js`) fills a [`Tape`] with one walk in JS; the tests here fill it from `serde_json`.
//!
//! The layout, in document order:
//! - `ops`: one word per value, and one per object key. The low three bits are the kind; the rest is a
//!   count: a string's length in UTF-16 code units (what JS counts), an array's elements, an object's
//!   entries. An object's entries follow it as key (a string op), value, key, value…
//! - `numbers`: every number, in order.
//! - `text`: every string and key, in order, with nothing between them.
//!
//! **Invariant:** reading never panics, whatever the three parts hold: an op past the end, a count
//! larger than what is left, a length cutting a character, each is an error a caller shows.

use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Unexpected, Visitor};
use std::fmt;

pub const NULL: u32 = 0;
pub const FALSE: u32 = 1;
pub const TRUE: u32 = 2;
pub const NUMBER: u32 = 3;
pub const STRING: u32 = 4;
pub const ARRAY: u32 = 5;
pub const OBJECT: u32 = 6;
/// Anything JSON does not have (a function, a symbol, a `BigInt`): JS put it on the tape so that the
/// counts stay right, and reading it is an error.
pub const OTHER: u32 = 7;

/// The three parts of a value laid flat (see the module's documentation).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Tape {
    pub ops: Vec<u32>,
    pub numbers: Vec<f64>,
    pub text: String,
}

/// Why a tape could not be read as the type asked for. The text is serde's ("missing field `name`",
/// "invalid type: string \"x\", expected a number"), as the deserialiser this replaced gave.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadError(String);

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ReadError {}

impl de::Error for ReadError {
    fn custom<T: fmt::Display>(message: T) -> ReadError {
        ReadError(message.to_string())
    }

    // serde's own texts for these write the unexpected value out, and a float's `Display` links Rust's
    // float formatting (~9 KiB gzip) into every module for an error message. A number's digits are
    // left out; everything else reads as serde writes it.
    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> ReadError {
        ReadError(format!("invalid type: {}, expected {expected}", Described(unexpected)))
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> ReadError {
        ReadError(format!("invalid value: {}, expected {expected}", Described(unexpected)))
    }
}

/// serde's description of an unexpected value, without a float's digits.
struct Described<'a>(Unexpected<'a>);

impl fmt::Display for Described<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Unexpected::Float(_) => f.write_str("a number with a fraction"),
            ref other => other.fmt(f),
        }
    }
}

type Result<T> = std::result::Result<T, ReadError>;

fn cut_short() -> ReadError {
    ReadError("the data ended before its last value".to_owned())
}

/// Reads `T` from `tape`; the whole tape must be one value.
pub fn from_tape<'t, T: de::Deserialize<'t>>(tape: &'t Tape) -> Result<T> {
    let mut reader = Reader { ops: &tape.ops, numbers: &tape.numbers, text: &tape.text, op: 0, number: 0, byte: 0 };
    let value = T::deserialize(&mut reader)?;
    if reader.op != reader.ops.len() {
        return Err(ReadError("more data after the value".to_owned()));
    }
    Ok(value)
}

/// Where reading has got to in each of the tape's parts.
struct Reader<'t> {
    ops: &'t [u32],
    numbers: &'t [f64],
    text: &'t str,
    op: usize,
    number: usize,
    byte: usize,
}

/// The largest integer a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

// The helpers every derived visitor calls are kept out of line: inlined into each struct's
// `deserialize_map` they made the citizen's module ~1 KiB gzip larger than the reader this replaced.
impl<'t> Reader<'t> {
    /// The next op's kind and count, without taking it.
    fn peek(&self) -> Result<(u32, usize)> {
        let op = *self.ops.get(self.op).ok_or_else(cut_short)?;
        Ok((op & 7, (op >> 3) as usize))
    }

    fn next(&mut self) -> Result<(u32, usize)> {
        let op = self.peek()?;
        self.op += 1;
        Ok(op)
    }

    fn number(&mut self) -> Result<f64> {
        let x = *self.numbers.get(self.number).ok_or_else(cut_short)?;
        self.number += 1;
        Ok(x)
    }

    /// The next string of `units` UTF-16 code units (JS's length). A lone surrogate became one U+FFFD on
    /// the way into Wasm, also one unit, so the count holds for any JS string.
    #[inline(never)]
    fn string(&mut self, units: usize) -> Result<&'t str> {
        let rest = self.text.get(self.byte..).ok_or_else(cut_short)?;
        let end = match rest.as_bytes().get(..units) {
            // Most keys and many values: ASCII, a byte per unit.
            Some(head) if head.is_ascii() => units,
            _ => {
                let (mut left, mut end) = (units, 0);
                for c in rest.chars() {
                    if left == 0 {
                        break;
                    }
                    left = left.checked_sub(c.len_utf16()).ok_or_else(|| ReadError("a string's length cuts a character".to_owned()))?;
                    end += c.len_utf8();
                }
                if left != 0 {
                    return Err(cut_short());
                }
                end
            }
        };
        self.byte += end;
        rest.get(..end).ok_or_else(cut_short)
    }

    /// Takes the next op if it is of `kind` and gives its count; otherwise the error serde writes for a
    /// value of the wrong type.
    #[inline(never)]
    fn take(&mut self, kind: u32, expected: &dyn de::Expected) -> Result<usize> {
        match self.peek()? {
            (found, count) if found == kind => {
                self.op += 1;
                Ok(count)
            }
            _ => Err(self.wrong(expected)),
        }
    }

    /// "invalid type: …, expected …" for the next value, which is not what was expected.
    #[inline(never)]
    fn wrong(&mut self, expected: &dyn de::Expected) -> ReadError {
        let unexpected = match self.next() {
            Ok((NULL, _)) => Unexpected::Unit,
            Ok((FALSE, _)) => Unexpected::Bool(false),
            Ok((TRUE, _)) => Unexpected::Bool(true),
            Ok((NUMBER, _)) => match self.number() {
                Ok(x) if x.fract() == 0.0 && x.abs() <= MAX_SAFE_INTEGER => Unexpected::Signed(x as i64),
                Ok(x) => Unexpected::Float(x),
                Err(cut) => return cut,
            },
            Ok((STRING, count)) => match self.string(count) {
                Ok(text) => Unexpected::Str(text),
                Err(cut) => return cut,
            },
            Ok((ARRAY, _)) => Unexpected::Seq,
            Ok((OBJECT, _)) => Unexpected::Map,
            Ok(_) => Unexpected::Other("a value that JSON does not have"),
            Err(cut) => return cut,
        };
        de::Error::invalid_type(unexpected, expected)
    }

    /// Passes over one value and everything in it.
    #[inline(never)]
    fn skip(&mut self) -> Result<()> {
        let mut values = 1usize;
        while values > 0 {
            values -= 1;
            let (kind, count) = self.next()?;
            match kind {
                NUMBER => {
                    self.number()?;
                }
                STRING => {
                    self.string(count)?;
                }
                ARRAY => values = values.saturating_add(count),
                OBJECT => values = values.saturating_add(count.saturating_mul(2)),
                _ => {}
            }
        }
        Ok(())
    }

    /// A JSON number as serde's self-describing formats give it: an integer if it is one exactly.
    fn visit_number<'de, V: Visitor<'de>>(x: f64, visitor: V) -> Result<V::Value> {
        if x.fract() == 0.0 && x.abs() <= MAX_SAFE_INTEGER { visitor.visit_i64(x as i64) } else { visitor.visit_f64(x) }
    }
}

impl<'de> Deserializer<'de> for &mut Reader<'de> {
    type Error = ReadError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek()?.0 {
            ARRAY => return self.deserialize_seq(visitor),
            OBJECT => return self.deserialize_map(visitor),
            _ => {}
        }
        let (kind, count) = self.next()?;
        match kind {
            NULL => visitor.visit_unit(),
            FALSE => visitor.visit_bool(false),
            TRUE => visitor.visit_bool(true),
            NUMBER => {
                let x = self.number()?;
                Reader::visit_number(x, visitor)
            }
            STRING => visitor.visit_borrowed_str(self.string(count)?),
            _ => Err(ReadError("a value that JSON does not have".to_owned())),
        }
    }

    // Each method below calls only the visitor's method for its own kind and gives serde's "invalid
    // type" for any other: forwarding them all to `deserialize_any` would make every struct's derived
    // `visit_seq` and every sequence's `visit_map` part of the module (measured: +8.7 KiB gzip on the
    // citizen's page, +21.9 on the editor's).

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek()?.0 {
            FALSE | TRUE => {
                let (kind, _) = self.next()?;
                visitor.visit_bool(kind == TRUE)
            }
            _ => Err(self.wrong(&visitor)),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.peek()?.0 != NUMBER {
            return Err(self.wrong(&visitor));
        }
        self.op += 1;
        let x = self.number()?;
        Reader::visit_number(x, visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let count = self.take(STRING, &visitor)?;
        visitor.visit_borrowed_str(self.string(count)?)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.take(NULL, &visitor)?;
        visitor.visit_unit()
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let count = self.take(ARRAY, &visitor)?;
        let mut seq = Seq { reader: self, left: count };
        let value = visitor.visit_seq(&mut seq)?;
        seq.finish(count)?;
        Ok(value)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let count = self.take(OBJECT, &visitor)?;
        let mut map = Map { reader: self, left: count, value_next: false };
        let value = visitor.visit_map(&mut map)?;
        map.finish()?;
        Ok(value)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(self, _name: &'static str, _len: usize, visitor: V) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(self, _name: &'static str, _fields: &'static [&'static str], visitor: V) -> Result<V::Value> {
        self.deserialize_map(visitor)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.peek()?.0 == NULL {
            self.op += 1;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    /// An externally tagged enum, as serde writes it: `"Variant"`, or `{"Variant": content}`.
    fn deserialize_enum<V: Visitor<'de>>(self, _name: &'static str, _variants: &'static [&'static str], visitor: V) -> Result<V::Value> {
        match self.peek()? {
            (STRING, count) => {
                self.op += 1;
                visitor.visit_enum(self.string(count)?.into_deserializer())
            }
            (OBJECT, 1) => {
                self.op += 1;
                visitor.visit_enum(Variant { reader: self })
            }
            _ => Err(de::Error::invalid_type(Unexpected::Other("a value that is neither a string nor an object of one entry"), &visitor)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.skip()?;
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i128 u128 bytes byte_buf
    }
}

/// An array's elements.
struct Seq<'r, 't> {
    reader: &'r mut Reader<'t>,
    left: usize,
}

impl Seq<'_, '_> {
    /// After the visitor: elements it did not take are an error, as for serde's own sequences.
    fn finish(&mut self, count: usize) -> Result<()> {
        if self.left == 0 { Ok(()) } else { Err(de::Error::invalid_length(count, &"fewer elements in the array")) }
    }
}

impl<'de> SeqAccess<'de> for Seq<'_, 'de> {
    type Error = ReadError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(&mut *self.reader).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

/// An object's entries.
struct Map<'r, 't> {
    reader: &'r mut Reader<'t>,
    left: usize,
    /// A key was read and its value not yet.
    value_next: bool,
}

impl Map<'_, '_> {
    /// After the visitor: entries it did not read are passed over, so that the tape stays in step.
    fn finish(&mut self) -> Result<()> {
        if self.value_next {
            self.reader.skip()?;
        }
        for _ in 0..self.left {
            self.reader.skip()?;
            self.reader.skip()?;
        }
        Ok(())
    }
}

impl<'de> MapAccess<'de> for Map<'_, 'de> {
    type Error = ReadError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        self.value_next = true;
        seed.deserialize(&mut *self.reader).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        self.value_next = false;
        seed.deserialize(&mut *self.reader)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

/// The one entry of `{"Variant": content}`.
struct Variant<'r, 't> {
    reader: &'r mut Reader<'t>,
}

impl<'de, 'r> de::EnumAccess<'de> for Variant<'r, 'de> {
    type Error = ReadError;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let name = seed.deserialize(&mut *self.reader)?;
        Ok((name, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'_, 'de> {
    type Error = ReadError;

    fn unit_variant(self) -> Result<()> {
        de::Deserialize::deserialize(self.reader)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        seed.deserialize(self.reader)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.reader.deserialize_any(visitor)
    }

    fn struct_variant<V: Visitor<'de>>(self, _fields: &'static [&'static str], visitor: V) -> Result<V::Value> {
        self.reader.deserialize_any(visitor)
    }
}

#[cfg(test)]
mod tests;
