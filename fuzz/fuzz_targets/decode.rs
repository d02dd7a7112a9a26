//! Decoding and sniffing any bytes: no panic, valid text, and a binary
//! verdict or a decoded text that does not grow without bound.
#![no_main]
use libfuzzer_sys::fuzz_target;
use storydiff::text::{decode, sniff};

fuzz_target!(|bytes: &[u8]| {
    let _ = sniff(bytes);
    let d = decode(bytes);
    // Every byte gives at most one character (UTF-16: one per two bytes).
    assert!(d.text.chars().count() <= bytes.len());
    // Replaced bytes are always said.
    assert!(!d.had_errors || !d.warnings.is_empty());
});
