//! The whole analysis of one article from bytes: no panic, and every span of
//! the report inside the input, in code points.
#![no_main]
use libfuzzer_sys::fuzz_target;
use storydiff::report::ArticleReport;
use storydiff::{analyze, Input, DEFAULT_MAX_BYTES};

fuzz_target!(|bytes: &[u8]| {
    let Ok(input) = Input::try_from_bytes("fuzz", None, bytes, DEFAULT_MAX_BYTES) else {
        return;
    };
    let chars = input.text.chars().count();
    let article = analyze(&input).expect("a checked input is analyzed");
    let report = serde_json::to_value(ArticleReport::new(&article)).unwrap();
    for list in ["entities", "dates", "quantities", "quotes", "removed", "sentences"] {
        for item in report[list].as_array().unwrap() {
            let (s, e) = (item["start"].as_u64().unwrap(), item["end"].as_u64().unwrap());
            assert!(s <= e && e as usize <= chars, "{list}: {s}..{e} of {chars}");
        }
    }
});
