//! Properties of the quote and quantity extractors on arbitrary text: they
//! never panic, and every span lies in bounds on character boundaries.
// proptest is a native dev-dependency; on wasm32 this file is empty.
#![cfg(not(target_arch = "wasm32"))]

use crate::hay::with_doc;
use proptest::prelude::*;
use storydiff::extract::{quantities, quotes, Doc};
use storydiff::text::{self, Span};

fn check(text: &str, span: Span) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{span:?} out of bounds"
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{span:?} not on char boundaries"
    );
}

/// Extracts the quantities and quotes of `input` read in `lang`, and checks
/// every span and interval.
pub(crate) fn run(input: &str, lang: &str) {
    let t = text::normalize(input);
    let text = t.as_str();
    with_doc(text, lang, |doc| check_all(text, doc));
}

fn check_all(text: &str, doc: &Doc) {
    for q in quantities(doc) {
        check(text, q.span);
        if let (Some(l), Some(h)) = (q.low, q.high) {
            assert!(l <= h, "{l} > {h} for {:?}", q.span.of(text));
        }
    }
    for q in quotes(doc, &[]) {
        check(text, q.span);
        check(text, q.content);
        assert!(q.span.contains(q.content), "content outside its quote");
        for s in q.speaker_span.into_iter().chain(q.cue) {
            check(text, s);
        }
    }
}

/// Pieces news text is made of, including the awkward ones.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("«".to_string()),
        Just("» ".to_string()),
        Just("'".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        Just(" said ".to_string()),
        Just(" told AFP ".to_string()),
        Just("according to the ministry".to_string()),
        Just(" he ".to_string()),
        Just("Mr. ".to_string()),
        Just("Ned Price".to_string()),
        Just("Élodie Müller".to_string()),
        Just(" more than ".to_string()),
        Just(" around ".to_string()),
        Just("between 10 and ".to_string()),
        Just("$600m".to_string()),
        Just("€5 billion".to_string()),
        Just("2,000".to_string()),
        Just("1.500".to_string()),
        Just(" people ".to_string()),
        Just("dozens of ".to_string()),
        Just("tens of thousands".to_string()),
        Just("a-t-il ajouté".to_string()),
        Just("%".to_string()),
        Just("-".to_string()),
        "[a-zA-Zé0-9 ]{0,8}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn spans_are_valid(pieces in prop::collection::vec(piece(), 0..40), lang in prop_oneof![Just("en"), Just("fr"), Just("de")]) {
        run(&pieces.concat(), lang);
    }

    #[test]
    fn any_text_is_fine(s in "\\PC{0,300}") {
        run(&s, "en");
    }
}
