//! Golden files: every temporal expression found in each seed, one per line as
//! `start..end TYPE value "text"` (byte offsets of the normalized text), with a
//! fixed publication date per seed. `UPDATE_GOLDEN=1 cargo test --test
//! dates_golden` rewrites them; review the diff.

use storydiff::extract::{dates, CalendarDate, Doc};
use storydiff::text::{normalize, segment};

/// Each seed and the publication date it is run with.
const SEEDS: &[(&str, &str)] = &[
    ("000_c727ccb6a541bd91", "2022-03-19"),
    ("001_b367fa38e6e217df", "2022-03-19"),
    ("002_0849827d0f247804", "2022-01-06"),
    ("003_348d9d6d770ae7f5", "2022-01-05"),
    ("004_e163b6b2ee537228", "2021-04-18"),
];

fn render(name: &str, anchor: &str) -> String {
    let text = normalize(&storydiff::eval::seed(name).text);
    let text = text.as_str();
    let seg = segment(text);
    let doc = Doc {
        text,
        seg: &seg,
        anchor: CalendarDate::parse_iso(anchor),
        language: None,
    };
    let mut out = format!("# seeds/{name}.txt, anchor {anchor}\n");
    for d in dates::extract(&doc) {
        let kind = format!("{:?}", d.kind).to_uppercase();
        let modifier = d.modifier.map(|m| format!(" mod={m}")).unwrap_or_default();
        out.push_str(&format!(
            "{}..{} {kind} {}{modifier} {:?}\n",
            d.span.start,
            d.span.end,
            d.value,
            d.span.of(text)
        ));
    }
    out
}

#[test]
fn seeds_match_their_golden_files() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/dates");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failed = Vec::new();
    for (name, anchor) in SEEDS {
        let got = render(name, anchor);
        let path = format!("{dir}/{name}.txt");
        if update {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if got != want {
            eprintln!("--- {path}\n{want}+++ got\n{got}");
            failed.push(*name);
        }
    }
    assert!(failed.is_empty(), "golden files differ: {failed:?}");
}
