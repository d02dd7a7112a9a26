//! Invariants of the whole run as properties, on batches of news-like text:
//! decoding never panics and says when it replaced bytes; every span of the
//! report is inside its input with the text it claims; clusters are a
//! partition at each grain; and the results do not depend on the order of
//! the inputs, canonical entity names included.

use proptest::prelude::*;
use std::collections::BTreeSet;
use storydiff::compare::Overrides;
use storydiff::report::{self, CompareReport, Mode, Report};
use storydiff::text::{decode, sniff};
use storydiff::Input;

/// Sentences of news with names, numbers, dates and quotes, in several scripts.
fn story() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Police in Almaty said 13 people were killed on Thursday.",
        "Kassym-Jomart Tokayev met Vladimir Putin in Moscow.",
        "\"We will rebuild,\" said the mayor, Anna Berg.",
        "The United Nations sent 200 tonnes of aid on 6 January 2022.",
        "Die Polizei in Köln meldete am Montag 40 Verletzte.",
        "Полиция сообщила о 13 погибших в Алматы.",
        "東京で地震があり、3人がけがをした。",
        "Le ministre a déclaré : « Nous resterons ».",
        "Reuters reported that prices rose 5% in March.",
        "\n\n",
        "Mr. Smith, 45, told AFP: 'It was chaos.'",
    ]);
    prop::collection::vec(pieces, 1..8).prop_map(|v| v.join(" "))
}

fn compare_report(inputs: &[Input]) -> CompareReport {
    match report::build(inputs, Mode::Compare, &Overrides::default()).unwrap() {
        Report::Comparison(c) => c,
        Report::Articles(_) => unreachable!("compare gives a comparison"),
    }
}

/// Every `{start, end, text}` in `value`, found anywhere in it.
fn spans(value: &serde_json::Value, out: &mut Vec<(usize, usize, String)>) {
    match value {
        serde_json::Value::Object(map) => {
            if let (Some(s), Some(e), Some(t)) = (
                map.get("start").and_then(|v| v.as_u64()),
                map.get("end").and_then(|v| v.as_u64()),
                map.get("text").and_then(|v| v.as_str()),
            ) {
                out.push((s as usize, e as usize, t.to_string()));
            }
            map.values().for_each(|v| spans(v, out));
        }
        serde_json::Value::Array(list) => list.iter().for_each(|v| spans(v, out)),
        _ => {}
    }
}

/// The comparison of `texts` as order-free facts: pair scores by id pair,
/// clusters as sets of ids, and each article's entities with canonical names.
type Facts = (
    Vec<(String, String, String)>,
    Vec<BTreeSet<BTreeSet<String>>>,
    BTreeSet<(String, usize, String)>,
);

fn facts(c: &CompareReport) -> Facts {
    let json = serde_json::to_value(c).unwrap();
    let mut pairs: Vec<(String, String, String)> = json["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let (a, b) = (p["a"].as_str().unwrap(), p["b"].as_str().unwrap());
            let (a, b) = if a < b { (a, b) } else { (b, a) };
            let score = format!("{:.9}", p["score"].as_f64().unwrap());
            (format!("{a}|{b}"), score, p["relation"].to_string())
        })
        .collect();
    pairs.sort();
    let clusters = ["event", "story", "topic"]
        .iter()
        .map(|g| {
            json["clusters"][g]
                .as_array()
                .unwrap()
                .iter()
                .map(|ids| {
                    ids.as_array()
                        .unwrap()
                        .iter()
                        .map(|i| i.as_str().unwrap().to_string())
                        .collect()
                })
                .collect()
        })
        .collect();
    let mut entities = BTreeSet::new();
    for a in json["articles"].as_array().unwrap() {
        for e in a["entities"].as_array().unwrap() {
            entities.insert((
                a["id"].as_str().unwrap().to_string(),
                e["start"].as_u64().unwrap() as usize,
                e["entity"].to_string(),
            ));
        }
    }
    (pairs, clusters, entities)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn decoding_any_bytes_gives_text_and_says_when_it_replaced(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = sniff(&bytes);
        let d = decode(&bytes);
        prop_assert!(d.text.chars().count() <= bytes.len());
        prop_assert!(!d.had_errors || !d.warnings.is_empty());
    }

    #[test]
    fn news_text_is_never_taken_for_binary(text in story()) {
        prop_assert_eq!(sniff(text.as_bytes()), None);
        let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        prop_assert_eq!(sniff(&utf16), None);
    }

    #[test]
    fn every_span_is_in_its_input_with_its_text_and_clusters_partition(a in story(), b in story(), c in story()) {
        let inputs = [Input::new("a", a), Input::new("b", b), Input::new("c", c)];
        let report = compare_report(&inputs);
        for (article, input) in report.articles.iter().zip(&inputs) {
            let chars: Vec<char> = input.text.chars().collect();
            let mut found = Vec::new();
            spans(&serde_json::to_value(article).unwrap(), &mut found);
            for (s, e, t) in found {
                prop_assert!(s <= e && e <= chars.len(), "{s}..{e} of {}", chars.len());
                prop_assert_eq!(chars[s..e].iter().collect::<String>(), t);
            }
        }
        let json = serde_json::to_value(&report).unwrap();
        for grain in ["event", "story", "topic"] {
            let mut ids: Vec<&str> = json["clusters"][grain].as_array().unwrap().iter()
                .flat_map(|c| c.as_array().unwrap().iter().map(|i| i.as_str().unwrap()))
                .collect();
            ids.sort();
            prop_assert_eq!(ids, vec!["a", "b", "c"], "{} clusters are a partition", grain);
        }
    }

    #[test]
    fn results_do_not_depend_on_input_order(a in story(), b in story(), c in story()) {
        check_order_free(&a, &b, &c)?;
    }
}

/// The comparison of articles `a`, `b` and `c` gives the same pair scores,
/// clusters and canonical names when they come in as c, a, b.
pub(crate) fn check_order_free(a: &str, b: &str, c: &str) -> Result<(), TestCaseError> {
    let forward = [Input::new("a", a), Input::new("b", b), Input::new("c", c)];
    let backward = [Input::new("c", c), Input::new("a", a), Input::new("b", b)];
    prop_assert_eq!(
        facts(&compare_report(&forward)),
        facts(&compare_report(&backward))
    );
    Ok(())
}
