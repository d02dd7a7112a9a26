//! HTML extraction on any text: no panic, every removal inside the input and
//! on character boundaries, the body mapped back into the input.
#![no_main]
use libfuzzer_sys::fuzz_target;
use storydiff::clean::{clean, BatchEvidence, Format};

fuzz_target!(|text: &str| {
    let out = clean(text, Format::Html, &BatchEvidence::default(), &[]);
    for r in &out.removed {
        assert!(r.span.end <= text.len() && r.span.start <= r.span.end);
        assert!(text.is_char_boundary(r.span.start) && text.is_char_boundary(r.span.end));
    }
    let whole = storydiff::text::Span::new(0, out.body.as_str().len());
    let back = out.body.to_source(whole);
    assert!(back.end <= text.len());
});
