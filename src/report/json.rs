//! Compact JSON, byte for byte as `serde_json::to_writer` writes it, with the
//! strings escaped eight bytes at a time.
//!
//! A report is mostly text: the body, and the input's words under every
//! span. serde_json looks up each byte of a string in its escape table, which
//! is most of the time spent writing a report; here the bytes that need no
//! escape (all but `"`, `\` and the control characters) are passed over 32
//! at a time (a short string is read and written as a few words, with no
//! loop), and a field's name, a constant, is escaped when compiling.
//! Offsets and other unsigned numbers below 10^8 are written without a loop;
//! other numbers, booleans and bytes are written by serde_json itself; the
//! escapes and the punctuation are serde_json's compact ones.

use arrayvec::ArrayVec;
use serde::ser::{self, Serialize};
use serde_json::Error;
use std::io::Write;

/// Appends `value` to `out` as `serde_json::to_writer` writes it.
pub fn write_compact<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result<(), Error> {
    value.serialize(&mut Compact { out, spill: None })
}

/// `value` as the JSON text `serde_json::to_string` makes.
pub fn to_compact_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    let mut out = Vec::new();
    write_compact(&mut out, value)?;
    // Only `&str`s and ASCII are ever written, so this cannot fail.
    String::from_utf8(out).map_err(|e| ser::Error::custom(e.utf8_error()))
}

/// How much of a streamed report is kept before it is written out.
const SPILL_AT: usize = 1 << 16;

/// Writes `value` to `out` as `serde_json::to_writer` writes it, streamed: a
/// large report (a batch's comparison) is never held whole, but written out
/// whenever what is kept passes 64 KiB between two elements of a list.
pub fn write_compact_to<T: Serialize + ?Sized>(
    out: &mut dyn Write,
    value: &T,
) -> Result<(), Error> {
    let mut kept = Vec::with_capacity(2 * SPILL_AT);
    value.serialize(&mut Compact {
        out: &mut kept,
        spill: Some(&mut *out),
    })?;
    out.write_all(&kept).map_err(Error::io)
}

/// The serializer: what it writes goes to the end of `out`, and where the
/// writing is streamed, from there to `spill`.
struct Compact<'a> {
    out: &'a mut Vec<u8>,
    spill: Option<&'a mut dyn Write>,
}

impl<'a> Compact<'a> {
    /// Writes out what is kept once it is large enough (streamed only).
    fn spill_if_full(&mut self) -> Result<(), Error> {
        if let Some(spill) = &mut self.spill {
            if self.out.len() >= SPILL_AT {
                spill.write_all(self.out).map_err(Error::io)?;
                self.out.clear();
            }
        }
        Ok(())
    }

    /// A value serde_json writes alone (a number, a boolean, bytes).
    fn leaf(
        &mut self,
        write: impl FnOnce(&mut serde_json::Serializer<&mut Vec<u8>>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        write(&mut serde_json::Serializer::new(&mut *self.out))
    }

    /// `{"variant":` for a variant that holds values; `close` ends it.
    fn open_variant(&mut self, variant: &str, open: u8, close: &'static [u8]) -> Compound<'_, 'a> {
        self.out.push(b'{');
        string(self.out, variant);
        self.out.extend_from_slice(&[b':', open]);
        Compound {
            ser: self,
            first: true,
            close,
        }
    }

    fn open(&mut self, open: u8, close: &'static [u8]) -> Compound<'_, 'a> {
        self.out.push(open);
        Compound {
            ser: self,
            first: true,
            close,
        }
    }
}

/// Marks (by their high bits) the bytes of `word` that JSON escapes: `"`,
/// `\`, and the control characters below 0x20. None when there is none,
/// though above the first one marked others may be marked wrongly.
fn escapes(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // A byte below 0x80 that subtracting wraps is below what was subtracted;
    // the bytes from 0x80 up (`!word` has no high bit there) need no escape.
    let control = word.wrapping_sub(ONES * 0x20);
    let quote = (word ^ (ONES * u64::from(b'"'))).wrapping_sub(ONES);
    let backslash = (word ^ (ONES * u64::from(b'\\'))).wrapping_sub(ONES);
    (control | quote | backslash) & !word & HIGH
}

/// Whether any of the 32 bytes of `block` is one JSON escapes. Written a
/// byte at a time, which the compiler makes a few vector compares: fewer
/// instructions than [`escapes`] on four words.
#[inline(always)]
fn has_escape(block: &[u8; 32]) -> bool {
    let mut marks = [0u8; 32];
    for (mark, &byte) in marks.iter_mut().zip(block) {
        *mark = u8::from((byte < 0x20) | (byte == b'"') | (byte == b'\\'));
    }
    let half = |at: usize| u128::from_ne_bytes(marks[at..at + 16].try_into().expect("16 bytes"));
    half(0) | half(16) != 0
}

/// Where the first byte of `b` that JSON escapes is: a long string is read
/// 32 bytes at a time up to the block that holds it (its last bytes as the
/// last 32), where [`first_escape_in_words`] finds it.
#[inline(always)]
fn first_escape(b: &[u8]) -> Option<usize> {
    let block = |from: usize| b[from..from + 32].try_into().expect("32 bytes");
    let mut at = 0;
    while at + 32 <= b.len() && !has_escape(block(at)) {
        at += 32;
    }
    let past_blocks = at + 32 > b.len();
    if past_blocks && at < b.len() && b.len() >= 32 && !has_escape(block(b.len() - 32)) {
        return None;
    }
    first_escape_in_words(&b[at..]).map(|i| at + i)
}

/// Where the first byte of `b` that JSON escapes is, read eight bytes at a
/// time (a field's name, a constant, is read when compiling).
#[inline(always)]
fn first_escape_in_words(b: &[u8]) -> Option<usize> {
    const SPACES: u64 = 0x2020_2020_2020_2020;
    let word = |eight: &[u8]| u64::from_le_bytes(eight.try_into().expect("eight bytes"));
    // The lowest byte marked is one to escape: its index in the word.
    let found = |at: usize, marks: u64| at + (marks.trailing_zeros() / 8) as usize;
    let mut words = b.chunks_exact(8);
    let mut at = 0;
    for eight in &mut words {
        let marks = escapes(word(eight));
        if marks != 0 {
            return Some(found(at, marks));
        }
        at += 8;
    }
    let rest = words.remainder();
    if rest.is_empty() {
        return None;
    }
    // The last one to seven bytes as a word, padded with spaces (which need
    // no escape): read from the string's last eight bytes when it has them,
    // else a byte at a time (a call to copy them costs more).
    let last = match b.len().checked_sub(8) {
        Some(from) => word(&b[from..]) >> (8 * (8 - rest.len())),
        None => (rest.iter().rev()).fold(0, |w, &byte| w << 8 | u64::from(byte)),
    } | SPACES << (8 * rest.len());
    let marks = escapes(last);
    (marks != 0).then(|| found(at, marks))
}

/// Appends `s` as a JSON string, escaped as serde_json escapes it.
///
/// Most of a report's strings are short (a label, a name, a date, a few
/// words of the input): one of up to 32 bytes with nothing to escape is
/// read as a few overlapping words and written as one block of constant
/// length, without a loop or a call to copy it; the rest are escaped by
/// [`long_string`].
#[inline(never)]
fn string(out: &mut Vec<u8>, s: &str) {
    if !short_string(out, s.as_bytes()) {
        long_string(out, s)
    }
}

/// [`string`] of a string of up to 32 bytes with nothing to escape, and
/// true; false, writing nothing, for any other.
#[inline(always)]
fn short_string(out: &mut Vec<u8>, b: &[u8]) -> bool {
    const SPACES: u64 = 0x2020_2020_2020_2020;
    let word = |at: usize| u64::from_le_bytes(b[at..at + 8].try_into().expect("eight bytes"));
    let n = b.len();
    if n > 16 {
        return mid_string(out, b);
    }
    // The string as two words, padded with spaces (which need no escape):
    // one of under eight bytes as two overlapping halves, or its first,
    // middle and last bytes; a longer one as its first eight bytes and the
    // rest, taken from its last eight.
    let (low, high) = match n {
        0 => (SPACES, SPACES),
        1..=3 => {
            let mut w = SPACES.to_le_bytes();
            (w[0], w[n / 2], w[n - 1]) = (b[0], b[n / 2], b[n - 1]);
            (u64::from_le_bytes(w), SPACES)
        }
        4..=7 => {
            let mut w = SPACES.to_le_bytes();
            w[..4].copy_from_slice(&b[..4]);
            w[n - 4..n].copy_from_slice(&b[n - 4..]);
            (u64::from_le_bytes(w), SPACES)
        }
        _ => {
            // Bits of the high word that are the string's (none of 8 bytes).
            let shift = 8 * (n - 8) as u32;
            let rest = word(n - 8).checked_shr(64 - shift).unwrap_or(0);
            (word(0), rest | SPACES.checked_shl(shift).unwrap_or(0))
        }
    };
    if escapes(low) | escapes(high) != 0 {
        return false;
    }
    // The string between quotes: the quote after it is laid over its
    // padding, and the first `n + 2` bytes kept.
    let mut quoted = [b'"'; 18];
    quoted[1..9].copy_from_slice(&low.to_le_bytes());
    quoted[9..17].copy_from_slice(&high.to_le_bytes());
    quoted[n + 1] = b'"';
    let len = out.len();
    out.extend_from_slice(&quoted);
    out.truncate(len + n + 2);
    true
}

/// [`short_string`] of a string of 17 to 32 bytes: read as four
/// overlapping words, written as one block of constant length.
#[inline(always)]
fn mid_string(out: &mut Vec<u8>, b: &[u8]) -> bool {
    let word = |at: usize| -> [u8; 8] { b[at..at + 8].try_into().expect("eight bytes") };
    let n = b.len();
    if n > 32 {
        return false;
    }
    let parts = [0, 8, n - 16, n - 8].map(|at| (at, word(at)));
    let marks = (parts.iter()).fold(0, |marks, (_, w)| marks | escapes(u64::from_le_bytes(*w)));
    if marks != 0 {
        return false;
    }
    let mut quoted = [b'"'; 34];
    for (at, w) in parts {
        quoted[1 + at..9 + at].copy_from_slice(&w);
    }
    let len = out.len();
    out.extend_from_slice(&quoted);
    out.truncate(len + n + 2);
    true
}

/// [`string`] of a string that is long or has bytes to escape.
#[inline(never)]
fn long_string(out: &mut Vec<u8>, s: &str) {
    escaped(out, s)
}

/// [`string`], inlined: where `s` is a constant (a field's name), what its
/// bytes need is worked out when compiling.
#[inline(always)]
fn escaped(out: &mut Vec<u8>, s: &str) {
    let mut rest = s.as_bytes();
    // Room for the string and its quotes (and for a few escapes).
    out.reserve(rest.len() + 8);
    out.push(b'"');
    // The bytes up to each escape are copied at once.
    while let Some(at) = first_escape(rest) {
        let (plain, from) = rest.split_at(at);
        out.extend_from_slice(plain);
        out.extend_from_slice(escape(from[0]).as_slice());
        rest = &from[1..];
    }
    out.extend_from_slice(rest);
    out.push(b'"');
}

/// Appends `v` in decimal, as serde_json writes it. A report's numbers are
/// mostly offsets of a few digits: below 10^8 the digits are worked out all
/// at once in the bytes of a word and written whole, the leading zeros taken
/// back, since the loop and the copy serde_json makes cost several times that.
#[inline]
fn decimal(out: &mut Vec<u8>, v: u64) {
    if v >= 100_000_000 {
        return long_decimal(out, v);
    }
    // Lanes split in two, high digits in the low lane as they come first:
    // four digits in each half, then two in each quarter, then one a byte.
    // Each division is a multiplication and a shift, exact for these lanes.
    let fours = (v / 10_000) | ((v % 10_000) << 32);
    let hundreds = ((fours * 10_486) >> 20) & 0x0000_007f_0000_007f;
    let twos = hundreds | ((fours - hundreds * 100) << 16);
    let tens = ((twos * 103) >> 10) & 0x000f_000f_000f_000f;
    let digits = tens | ((twos - tens * 10) << 8);
    // The leading zeros are the lowest bytes (all but the last digit of 0).
    let zeros = (digits.trailing_zeros() / 8).min(7) as usize;
    let ascii = (digits | 0x3030_3030_3030_3030) >> (8 * zeros);
    out.extend_from_slice(&ascii.to_le_bytes());
    out.truncate(out.len() - zeros);
}

/// [`decimal`] of a number of nine digits or more, by serde_json: apart, so
/// that the short numbers' path stays small.
#[cold]
#[inline(never)]
fn long_decimal(out: &mut Vec<u8>, v: u64) {
    let mut json = serde_json::Serializer::new(out);
    ser::Serializer::serialize_u64(&mut json, v).expect("a Vec takes any bytes")
}

/// The escape of a byte JSON escapes, as serde_json writes it.
fn escape(byte: u8) -> ArrayVec<u8, 6> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = match byte {
        b'"' => b'"',
        b'\\' => b'\\',
        b'\n' => b'n',
        b'\r' => b'r',
        b'\t' => b't',
        0x08 => b'b',
        0x0c => b'f',
        _ => {
            let (high, low) = (HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 0xf)]);
            return ArrayVec::from([b'\\', b'u', b'0', b'0', high, low]);
        }
    };
    [b'\\', short].into_iter().collect()
}

impl<'s, 'a> ser::Serializer for &'s mut Compact<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'s, 'a>;
    type SerializeTuple = Compound<'s, 'a>;
    type SerializeTupleStruct = Compound<'s, 'a>;
    type SerializeTupleVariant = Compound<'s, 'a>;
    type SerializeMap = Compound<'s, 'a>;
    type SerializeStruct = Compound<'s, 'a>;
    type SerializeStructVariant = Compound<'s, 'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.leaf(|s| ser::Serializer::serialize_bool(s, v))
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.leaf(|s| ser::Serializer::serialize_i8(s, v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.leaf(|s| ser::Serializer::serialize_i16(s, v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.leaf(|s| ser::Serializer::serialize_i32(s, v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.leaf(|s| ser::Serializer::serialize_i64(s, v))
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.leaf(|s| ser::Serializer::serialize_i128(s, v))
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        decimal(self.out, v);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.leaf(|s| ser::Serializer::serialize_u128(s, v))
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.leaf(|s| ser::Serializer::serialize_f32(s, v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.leaf(|s| ser::Serializer::serialize_f64(s, v))
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        string(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        string(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        self.leaf(|s| ser::Serializer::serialize_bytes(s, v))
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    /// Inlined, so that a variant's name, a constant, is escaped when compiling.
    #[inline(always)]
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        escaped(self.out, variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.out.push(b'{');
        string(self.out, variant);
        self.out.push(b':');
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'s, 'a>, Error> {
        Ok(self.open(b'[', b"]"))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'s, 'a>, Error> {
        Ok(self.open(b'[', b"]"))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'s, 'a>, Error> {
        Ok(self.open(b'[', b"]"))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'s, 'a>, Error> {
        Ok(self.open_variant(variant, b'[', b"]}"))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'s, 'a>, Error> {
        Ok(self.open(b'{', b"}"))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'s, 'a>, Error> {
        Ok(self.open(b'{', b"}"))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'s, 'a>, Error> {
        Ok(self.open_variant(variant, b'{', b"}}"))
    }
}

/// An array, an object or a variant's, being written.
struct Compound<'s, 'a> {
    ser: &'s mut Compact<'a>,
    first: bool,
    /// What ends it: `]`, `}`, or `]}` and `}}` for a variant's.
    close: &'static [u8],
}

impl Compound<'_, '_> {
    /// The comma before every element or entry but the first.
    fn next(&mut self) {
        if !self.first {
            self.ser.out.push(b',');
        }
        self.first = false;
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.next();
        value.serialize(&mut *self.ser)?;
        self.ser.spill_if_full()
    }

    /// A field, `"key":value`: where `key` is a constant, the comma before
    /// it, the quoted key and the colon are made when compiling (whether the
    /// field is the first is known there too, in a struct's code) and
    /// written in one go.
    #[inline(always)]
    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        const ROOM: usize = 32;
        let k = key.as_bytes();
        if k.len() + 4 <= ROOM && first_escape(k).is_none() {
            let mut quoted = [0; ROOM];
            quoted[..2].copy_from_slice(b",\"");
            quoted[2..k.len() + 2].copy_from_slice(k);
            quoted[k.len() + 2..k.len() + 4].copy_from_slice(b"\":");
            let from = usize::from(self.first);
            self.first = false;
            self.ser.out.extend_from_slice(&quoted[from..k.len() + 4]);
        } else {
            self.next();
            escaped(self.ser.out, key);
            self.ser.out.push(b':');
        }
        value.serialize(&mut *self.ser)
    }

    fn close(self) -> Result<(), Error> {
        self.ser.out.extend_from_slice(self.close);
        Ok(())
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    /// A key as serde_json writes it: a string, or a number or boolean in
    /// quotes; any other key is an error.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.next();
        let at = self.ser.out.len();
        key.serialize(&mut *self.ser)?;
        match self.ser.out.get(at) {
            Some(b'"') => {}
            Some(b'-' | b'0'..=b'9' | b't' | b'f') => {
                self.ser.out.insert(at, b'"');
                self.ser.out.push(b'"');
            }
            _ => return Err(ser::Error::custom("key must be a string")),
        }
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.ser.out.push(b':');
        value.serialize(&mut *self.ser)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    #[inline(always)]
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use std::collections::BTreeMap;

    fn same<T: Serialize>(value: &T) {
        let mut ours = b"before ".to_vec();
        write_compact(&mut ours, value).unwrap();
        let mut theirs = b"before ".to_vec();
        serde_json::to_writer(&mut theirs, value).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&theirs)
        );
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let every_ascii: String = (0u8..0x80).map(char::from).collect();
        for s in [
            "",
            "plain",
            "exactly8",
            "a \"quoted\" word, then a \\ and a\nnew line\tand tab",
            "«Déjà» vu — 東京 \u{7f}\u{1f}\u{0}",
            "\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"",
            "wide 😀 characters 😀 between 😀 escapes\r\n",
            &every_ascii,
            &every_ascii[5..],
        ] {
            same(&s);
            same(&s.chars().collect::<Vec<char>>());
        }
    }

    #[test]
    fn strings_of_every_length_are_escaped_as_serde_json_escapes_them() {
        // Past two blocks of 32 bytes, and a rest of every length.
        let ascii =
            "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcdefghijklmnopq";
        let wide =
            "«Déjà» vu — 東京 😀 and then more words past forty bytes, and more words past eighty";
        for n in 0..=ascii.len() {
            same(&&ascii[..n]);
            same(&wide.chars().take(n).collect::<String>());
            for at in 0..n {
                for escape in ["\"", "\\", "\n", "\u{1f}", "\u{0}"] {
                    same(&format!("{}{escape}{}", &ascii[..at], &ascii[at + 1..n]));
                }
            }
        }
    }

    #[test]
    fn numbers_of_every_length_are_written_as_serde_json_writes_them() {
        let mut powers: Vec<u64> = (0..20).map(|p| 10u64.pow(p)).collect();
        powers.extend(powers.clone().iter().map(|p| p - 1));
        powers.extend([u64::MAX, 4_294_967_296, 123_456_789, 10_203_040, 99_990_001]);
        same(&powers);
        same(&(0..100_000).collect::<Vec<u64>>());
        same(&(0..100_000_000).step_by(9_973).collect::<Vec<u64>>());
        same(&(u8::MAX, u16::MAX, u32::MAX, 0u8, 10u16, 99u32));
    }

    #[derive(Serialize)]
    enum Shape {
        Unit,
        Newtype(u8),
        Tuple(i32, f64),
        Struct { a: Option<String>, b: Vec<bool> },
    }

    #[derive(Serialize)]
    struct Inner {
        low: Option<f64>,
        unit: &'static str,
    }

    #[derive(Serialize)]
    struct Outer {
        #[serde(flatten)]
        inner: Inner,
        shapes: Vec<Shape>,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u32>,
        empty: Vec<u8>,
        unit: (),
        bytes: serde_bytes_like::Bytes,
        numbers: (i8, u64, i128, f32, f64, f64),
        keys: BTreeMap<i64, &'static str>,
        bool_keys: BTreeMap<bool, u8>,
    }

    mod serde_bytes_like {
        pub struct Bytes;
        impl serde::Serialize for Bytes {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(b"\x00\xff")
            }
        }
    }

    #[test]
    fn values_are_written_as_serde_json_writes_them() {
        same(&Outer {
            inner: Inner {
                low: Some(-0.5),
                unit: "km",
            },
            shapes: vec![
                Shape::Unit,
                Shape::Newtype(7),
                Shape::Tuple(-3, 1e21),
                Shape::Struct {
                    a: None,
                    b: vec![true, false],
                },
            ],
            skipped: None,
            empty: Vec::new(),
            unit: (),
            bytes: serde_bytes_like::Bytes,
            numbers: (-8, u64::MAX, i128::MIN, 0.1, f64::NAN, 1.0 / 3.0),
            keys: BTreeMap::from([(-1, "minus"), (2, "two")]),
            bool_keys: BTreeMap::from([(true, 1)]),
        });
    }

    #[derive(Serialize)]
    struct Keys {
        #[serde(rename = "a \"quoted\"\tkey")]
        quoted: u8,
        a_field_whose_name_is_longer_than_thirty_bytes: u8,
        twenty_nine_bytes_long_name_x: u8,
        exactly_thirty_bytes_long_name: u8,
    }

    #[test]
    fn field_names_are_written_as_serde_json_writes_them() {
        same(&Keys {
            quoted: 1,
            a_field_whose_name_is_longer_than_thirty_bytes: 2,
            twenty_nine_bytes_long_name_x: 3,
            exactly_thirty_bytes_long_name: 4,
        });
    }

    /// A writer that keeps each piece written to it.
    struct Pieces(Vec<Vec<u8>>);

    impl Write for Pieces {
        fn write(&mut self, piece: &[u8]) -> std::io::Result<usize> {
            self.0.push(piece.to_vec());
            Ok(piece.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_streamed_report_is_written_as_serde_json_writes_it() {
        // Many times the spill size, so that it is written out in pieces,
        // some of them between the elements of an inner list.
        let line = |i: u32, j: u32| format!("word {j} \"of\" {i}\n");
        let lines = |i: u32| (0..20).map(|j| line(i, j)).collect();
        let report: Vec<(u32, Vec<String>)> = (0..2_000).map(|i| (i, lines(i))).collect();
        let mut pieces = Pieces(Vec::new());
        write_compact_to(&mut pieces, &report).unwrap();
        let streamed = pieces.0.concat();
        assert!(streamed.len() > 10 * SPILL_AT);
        assert_eq!(streamed, serde_json::to_vec(&report).unwrap());
        // Never held whole: written in pieces of about the spill size.
        assert!(pieces.0.len() > 10);
        assert!(pieces.0.iter().all(|p| p.len() < 2 * SPILL_AT));
        assert_eq!(
            to_compact_string(&report).unwrap(),
            serde_json::to_string(&report).unwrap()
        );
    }

    #[test]
    fn a_failed_write_of_a_streamed_report_is_an_input_output_error() {
        struct Full;
        impl Write for Full {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::ErrorKind::StorageFull.into())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        // One fails while it is streamed, the other when its end is written.
        let large = vec!["x".repeat(100); 2 * SPILL_AT / 100];
        let small = vec!["x".to_string()];
        for report in [large, small] {
            assert!(write_compact_to(&mut Full, &report).unwrap_err().is_io());
        }
    }

    #[test]
    fn a_key_that_is_not_a_string_or_a_number_fails() {
        let map = BTreeMap::from([(vec![1], 2)]);
        assert!(write_compact(&mut Vec::new(), &map).is_err());
        assert!(serde_json::to_vec(&map).is_err());
    }
}
