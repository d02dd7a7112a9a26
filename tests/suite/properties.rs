//! Invariants as properties: the offset maps round-trip, spans stay in bounds
//! and on character boundaries, similarity is symmetric.

use proptest::prelude::*;
use storydiff::text::{normalize, segment, CharIndex, Span};
use storydiff::{analyze_batch, compare, Input};

/// Text with the characters normalization and segmentation care about.
fn newsy_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Mr.",
        "U.S.",
        "2:00 p.m.",
        "Jan. 6",
        "“quoted.”",
        "‘x’",
        "—",
        "–",
        "\u{A0}",
        "\u{200B}",
        "e\u{301}",
        "«\u{A0}non\u{A0}»",
        "\r\n",
        "\n\n",
        "  ",
        "\t",
        ".",
        "!",
        "?",
        "Almaty",
        "13",
        "killed",
        "said",
        "a",
        "é",
        "🙂",
        "\"",
        "'",
        "(",
        ")",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.join(" "))
}

/// Analyzes `a` and `b` as a batch in both orders: the pair gets the same
/// score and relation.
pub(crate) fn check_symmetric(a: &str, b: &str) -> Result<(), TestCaseError> {
    let forward = analyze_batch(&[Input::new("a", a), Input::new("b", b)]).unwrap();
    let backward = analyze_batch(&[Input::new("b", b), Input::new("a", a)]).unwrap();
    let f = compare(&forward).pairs[0];
    let r = compare(&backward).pairs[0];
    prop_assert!(
        (f.score - r.score).abs() < 1e-9,
        "{} vs {}",
        f.score,
        r.score
    );
    prop_assert_eq!(f.relation, r.relation);
    Ok(())
}

proptest! {
    #[test]
    fn normalized_spans_map_into_the_input(input in newsy_text()) {
        let t = normalize(&input);
        let text = t.as_str();
        // Every char-boundary span of the analysis text maps to a valid input span.
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        for w in bounds.windows(2) {
            let s = t.to_source(Span::new(w[0], w[1]));
            prop_assert!(s.start <= s.end && s.end <= input.len());
            prop_assert!(input.is_char_boundary(s.start) && input.is_char_boundary(s.end));
        }
        // Normalizing twice changes nothing.
        let again = normalize(text);
        prop_assert_eq!(again.as_str(), text);
    }

    #[test]
    fn verbatim_words_map_back_exactly(input in newsy_text()) {
        let t = normalize(&input);
        let text = t.as_str();
        for word in ["Almaty", "killed", "13", "said"] {
            for (at, _) in text.match_indices(word) {
                let s = t.to_source(Span::new(at, at + word.len()));
                prop_assert_eq!(s.of(&input), word);
            }
        }
    }

    #[test]
    fn segmentation_covers_text_in_order(input in newsy_text()) {
        let t = normalize(&input);
        let text = t.as_str();
        let seg = segment(text);
        let mut last = 0;
        for s in &seg.sentences {
            prop_assert!(s.span.start >= last && s.span.end <= text.len());
            prop_assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
            last = s.span.end;
        }
        for tok in &seg.tokens {
            prop_assert!(!tok.span.of(text).trim().is_empty());
        }
    }

    #[test]
    fn char_index_round_trips(input in newsy_text()) {
        let index = CharIndex::new(&input);
        for (n, (byte, _)) in input.char_indices().enumerate() {
            prop_assert_eq!(index.chars(byte), n);
            prop_assert_eq!(index.byte(n), byte);
        }
    }

    #[test]
    fn analysis_never_panics_and_similarity_is_symmetric(a in newsy_text(), b in newsy_text()) {
        check_symmetric(&a, &b)?;
    }
}
