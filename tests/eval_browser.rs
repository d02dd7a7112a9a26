//! The temporal evaluation run inside headless Chromium, on the wasm build:
//! the quality figures hold in the browser, not only natively. Same sets,
//! scorer (`storydiff::eval::timex`) and floors as `tests/suite/dates_eval.rs`
//! (the sets that name a file on disk, the seeds, are left out: a browser test
//! cannot read files).
#![cfg(target_arch = "wasm32")]

use storydiff::eval::timex;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SETS: [(&str, &str, f64); 4] = [
    ("dev", include_str!("eval/timex/dev.jsonl"), 0.90),
    ("test", include_str!("eval/timex/test.jsonl"), 0.85),
    (
        "challenge",
        include_str!("eval/timex/challenge.jsonl"),
        0.80,
    ),
    (
        "challenge2",
        include_str!("eval/timex/challenge2.jsonl"),
        0.80,
    ),
];

#[wasm_bindgen_test]
fn temporal_value_f1_in_the_browser() {
    for (name, text, floor) in SETS {
        let c = timex::score(&timex::parse(name, text), |_| {});
        console_log!(
            "timex in the browser, {name}: {} gold, strict span F1 {:.3}, value F1 {:.3}",
            c.gold,
            c.strict_f1(),
            c.value_f1()
        );
        assert!(c.gold > 0, "{name}: empty set");
        assert!(
            c.value_f1() >= floor,
            "{name}: value F1 {:.3} < {floor}",
            c.value_f1()
        );
    }
}
