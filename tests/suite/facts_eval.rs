//! Floors for records and facts on the annotated articles of
//! `tests/eval/facts/` (the figures: `cargo run --release --example facts_eval`).

#[path = "../eval/facts/score.rs"]
#[allow(dead_code)]
mod score;

#[test]
fn seed_annotations_hold_their_floors() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("tests/eval/facts/seeds.json")).unwrap();
    let set: score::Set = serde_json::from_str(&text).unwrap();
    let s = score::score(&set, root);
    let table = score::table(&s);
    // The targets: figures found, hedges and credited sources right.
    assert!(s.found.value() >= 0.9, "{table}");
    assert!(s.hedge.value() >= 0.9, "{table}");
    assert!(s.source.value() >= 0.75, "{table}");
    assert!(s.key.value() >= 0.85, "{table}");
    assert!(s.value.value() >= 0.9, "{table}");
    assert!(s.status.value() >= 0.9, "{table}");
    assert!(s.records_found.value() >= 0.75, "{table}");
    assert!(s.record_status.value() >= 0.85, "{table}");
}
