//! The JavaScript API of the wasm build (`src/wasm.rs`), called as the page calls it,
//! in headless Chromium: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target
//! wasm32-unknown-unknown --test wasm_browser` (scripts/test sets the runner up).
#![cfg(target_arch = "wasm32")]

use serde::Serialize;
use serde_json::{json, Value};
use storydiff::wasm::{analyze, compare, decode_bytes, schema_version};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEEDS: [(&str, &str); 5] = [
    ("000", include_str!("../seeds/000_c727ccb6a541bd91.txt")),
    ("001", include_str!("../seeds/001_b367fa38e6e217df.txt")),
    ("002", include_str!("../seeds/002_0849827d0f247804.txt")),
    ("003", include_str!("../seeds/003_348d9d6d770ae7f5.txt")),
    ("004", include_str!("../seeds/004_e163b6b2ee537228.txt")),
];

fn js(value: &Value) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap()
}

fn rust(value: JsValue) -> Value {
    serde_wasm_bindgen::from_value(value).unwrap()
}

fn error_message(err: wasm_bindgen::JsError) -> String {
    let value = JsValue::from(err);
    js_sys::Reflect::get(&value, &JsValue::from_str("message"))
        .unwrap()
        .as_string()
        .unwrap()
}

/// The seeds as the page sends them: `[{id, text}, ...]`.
fn seed_articles() -> Value {
    (SEEDS.iter())
        .map(|(id, text)| json!({ "id": id, "text": text }))
        .collect()
}

/// The code point slice `start..end` of `text`.
fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// Every span of an article report (`start`, `end`, `text`) lies in `input` and quotes it.
fn check_spans(report: &Value, input: &str) -> usize {
    let n = input.chars().count();
    let mut checked = 0;
    for list in [
        "entities",
        "dates",
        "quantities",
        "quotes",
        "events",
        "removed",
        "sentences",
    ] {
        for span in report[list].as_array().unwrap_or(&vec![]) {
            let (s, e) = (
                span["start"].as_u64().unwrap() as usize,
                span["end"].as_u64().unwrap() as usize,
            );
            assert!(s <= e && e <= n, "{list} span {s}..{e} outside 0..{n}");
            assert_eq!(
                span["text"].as_str().unwrap(),
                slice(input, s, e),
                "{list} span {s}..{e}"
            );
            checked += 1;
        }
    }
    checked
}

#[wasm_bindgen_test]
fn schema_version_is_the_reports() {
    assert_eq!(schema_version(), storydiff::report::SCHEMA_VERSION);
}

#[wasm_bindgen_test]
fn analyze_gives_code_point_spans_of_the_input() {
    // Non-BMP characters before the findings: UTF-16 and byte offsets would both be wrong.
    let text = "🇰🇿 Almaty, Jan. 6 — Kazakh President Kassym-Jomart Tokayev said on Thursday that \
                “terrorist gangs” had seized the airport, and that more than 2,000 people were detained.";
    let out = rust(
        analyze(js(
            &json!([{ "id": "flag", "text": text, "date": "2022-01-06" }]),
        ))
        .unwrap(),
    );
    let reports = out.as_array().unwrap();
    assert_eq!(reports.len(), 1);
    let report = &reports[0];
    assert_eq!(report["id"], "flag");
    assert_eq!(
        report["schema_version"],
        json!(storydiff::report::SCHEMA_VERSION)
    );
    assert!(
        check_spans(report, text) > 0,
        "some spans were found: {report}"
    );
}

#[wasm_bindgen_test]
fn compare_clusters_the_seeds_into_three_events() {
    let out = rust(compare(js(&seed_articles()), None).unwrap());
    let reports = out["articles"].as_array().unwrap();
    assert_eq!(reports.len(), SEEDS.len());
    for (report, (_, text)) in reports.iter().zip(SEEDS) {
        check_spans(report, text);
    }
    assert_eq!(out["pairs"].as_array().unwrap().len(), 10);
    let mut events: Vec<Vec<String>> =
        serde_json::from_value(out["clusters"]["event"].clone()).unwrap();
    events.iter_mut().for_each(|c| c.sort());
    events.sort();
    assert_eq!(
        events,
        vec![vec!["000", "001"], vec!["002", "003"], vec!["004"]]
    );
}

/// With `listsAsJson`, the articles and the pairs come as JSON text, each
/// ending at its `articleEnds` / `pairEnds` with a comma, with each pair's
/// score and whether it is related; read back, they are the report's.
#[wasm_bindgen_test]
fn compare_with_lists_as_json_gives_the_same_report() {
    let whole = rust(compare(js(&seed_articles()), None).unwrap());
    let paged = compare(js(&seed_articles()), Some(true)).unwrap();
    let field = |key: &str| js_sys::Reflect::get(&paged, &JsValue::from_str(key)).unwrap();
    let read = |json: &str, ends: &str| -> Vec<Value> {
        let json = js_sys::Uint8Array::new(&field(json)).to_vec();
        let ends = js_sys::Uint32Array::new(&field(ends)).to_vec();
        assert_eq!(ends.last().map_or(0, |&e| e as usize), json.len());
        let mut start = 0;
        let mut items = Vec::new();
        for end in ends {
            let text = std::str::from_utf8(&json[start..end as usize]).unwrap();
            // Read as the page reads it (JSON.parse), so that numbers compare as JavaScript's.
            items.push(rust(
                js_sys::JSON::parse(text.strip_suffix(',').unwrap()).unwrap(),
            ));
            start = end as usize;
        }
        items
    };
    let (articles, pairs) = (
        read("articlesJson", "articleEnds"),
        read("pairsJson", "pairEnds"),
    );
    assert_eq!(articles.len(), SEEDS.len());
    assert_eq!(json!(articles), whole["articles"]);
    assert_eq!(pairs.len(), 10);
    assert_eq!(json!(pairs), whole["pairs"]);
    let scores = js_sys::Float64Array::new(&field("pairScores")).to_vec();
    let related = js_sys::Uint8Array::new(&field("pairRelated")).to_vec();
    for (k, pair) in pairs.iter().enumerate() {
        assert_eq!(json!(scores[k]), pair["score"], "pair {k}");
        assert_eq!(related[k] == 1, pair["relation"] != "unrelated", "pair {k}");
    }
    assert!(related.contains(&1), "the seeds' pairs are related");
    for key in [
        "articlesJson",
        "articleEnds",
        "pairsJson",
        "pairEnds",
        "pairScores",
        "pairRelated",
    ] {
        js_sys::Reflect::delete_property(&paged.clone().into(), &JsValue::from_str(key)).unwrap();
    }
    let mut rest = rust(paged);
    assert_eq!(
        (&rest["articles"], &rest["pairs"]),
        (&json!([]), &json!([]))
    );
    rest["articles"] = whole["articles"].clone();
    rest["pairs"] = whole["pairs"].clone();
    assert_eq!(rest, whole);
}

#[wasm_bindgen_test]
fn keep_restores_a_removed_part() {
    let (_, text) = SEEDS[0];
    let first = rust(analyze(js(&json!([{ "id": "a", "text": text }]))).unwrap());
    let removed = first[0]["removed"].as_array().unwrap().clone();
    assert!(
        !removed.is_empty(),
        "the seed's \"Read also\" lines are set aside as boilerplate"
    );
    let (s, e) = (removed[0]["start"].clone(), removed[0]["end"].clone());
    let again = rust(analyze(js(&json!([{ "id": "a", "text": text, "keep": [[s, e]] }]))).unwrap());
    let after = again[0]["removed"].as_array().unwrap();
    assert_eq!(after.len(), removed.len() - 1);
    assert!(after.iter().all(|r| r["start"] != s || r["end"] != e));
    check_spans(&again[0], text);
}

#[wasm_bindgen_test]
fn decode_bytes_detects_the_encoding() {
    let cases: [(&str, &[u8], &str, &str); 3] = [
        ("utf-8", "Zürich".as_bytes(), "Zürich", "utf-8"),
        ("bom", b"\xEF\xBB\xBFAlmaty", "Almaty", "utf-8 (with BOM)"),
        ("latin-1", b"Z\xfcrich", "Zürich", "windows-1252"),
    ];
    for (name, bytes, text, encoding) in cases {
        let out = rust(decode_bytes(bytes, None, None).unwrap());
        assert_eq!(out["text"], text, "{name}");
        assert_eq!(out["encoding"], encoding, "{name}");
    }
}

#[wasm_bindgen_test]
fn decode_bytes_refuses_other_formats_and_large_files_by_name() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let err = decode_bytes(png, Some("photo.txt".into()), None).unwrap_err();
    assert!(error_message(err).starts_with("photo.txt: looks like a PNG image, not text"));
    let err = decode_bytes(
        b"Police said 13 people died.",
        Some("a.txt".into()),
        Some(10),
    )
    .unwrap_err();
    assert!(error_message(err).contains("over the size limit of 10 bytes"));
    let out = rust(decode_bytes(b"caf\xe9", Some("b.txt".into()), None).unwrap());
    assert!(out["warnings"][0].as_str().unwrap().contains("(a guess)"));
}

#[wasm_bindgen_test]
fn bad_input_is_a_clear_error() {
    let err = analyze(JsValue::from_str("not an array")).unwrap_err();
    assert!(error_message(err).contains("articles must be an array"));
    let err = compare(js(&json!([{ "text": "no id" }])), None).unwrap_err();
    assert!(error_message(err).contains("articles must be an array"));
}
