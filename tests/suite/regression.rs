//! One test per fixed bug, named after what broke. The cases proptest once
//! shrank a failure to (kept in the `*.proptest-regressions` files beside the
//! property tests) are here as plain inputs run through the same checks.
// Some cases reuse the property checks; proptest is a native dev-dependency.
#![cfg(not(target_arch = "wasm32"))]

use storydiff::clean::{clean, BatchEvidence, Format};
use storydiff::extract::{entities, quotes, EntityLabel};

use crate::clean_props::{check_idempotent, check_spans};
use crate::hay::{with_doc, with_seed_doc};

/// Capitalized German nouns ("Regierung", "Regeln") were taken for names.
#[test]
fn german_nouns_are_not_names() {
    use EntityLabel::{Person, Place};
    let text = "Die Regierung in Berlin hat am Montag neue Regeln beschlossen, sagte Olaf Scholz.";
    let got: Vec<(&str, EntityLabel)> = with_doc(text, "de", entities)
        .iter()
        .map(|m| (m.span.of(text), m.label))
        .collect();
    assert_eq!(got, [("Berlin", Place), ("Olaf Scholz", Person)]);
}

/// The pipeline passes the entity recognizer's mentions: they may lengthen or
/// confirm a speaker, but on the seeds (where the quote module alone gets
/// every attribution of the golden files) they must not change one (they
/// once replaced speakers instead).
#[test]
fn entities_do_not_change_seed_speakers() {
    for prefix in ["000", "001", "002", "003", "004"] {
        let (t, (alone, with)) = with_seed_doc(prefix, |doc| {
            (quotes(doc, &[]), quotes(doc, &entities(doc)))
        });
        assert_eq!(alone.len(), with.len(), "{prefix}");
        for (a, w) in alone.iter().zip(&with) {
            assert_eq!(a.speaker, w.speaker, "{prefix}: {:?}", a.content.of(&t));
        }
    }
}

/// Seed 001 breaks a sentence over two lines; the halves must come back as one
/// paragraph.
#[test]
fn broken_paragraph_is_rejoined() {
    let a = &crate::clean_seeds::articles()[1];
    assert!(a
        .body
        .as_str()
        .contains("a square designated for demonstrations was being used"));
}

/// A paragraph broken over two `<p>` elements before a subheading broke the
/// cleaning properties (every span maps into the input; cleaning the result
/// again changes nothing).
#[test]
fn html_paragraph_broken_over_two_elements_cleans_idempotently() {
    let input = "<!doctype html><html><head><title>T</title></head><body><article>\
                 <h1>Headline of the page</h1><p>Activists showed a letter about a square \
                 designated for</p><p>demonstrations was being used.</p>\n<h2>A subheading</h2>\n\
                 </article><footer>© 2022 Example</footer></body></html>";
    let c = clean(input, Format::Html, &BatchEvidence::default(), &[]);
    check_spans(input, &c).unwrap();
    check_idempotent(&c).unwrap();
}

/// A broken paragraph with an indented line (trailing spaces) between its
/// halves broke the same cleaning properties, as plain text or Markdown.
#[test]
fn broken_paragraph_around_an_indented_line_cleans_idempotently() {
    let input = "Activists showed a letter explaining a square designated for\n  \
                 indented line with trailing space  \n\
                 demonstrations was being used for a rally instead.\n";
    for format in [Format::Plain, Format::Markdown] {
        let c = clean(input, format, &BatchEvidence::default(), &[]);
        check_spans(input, &c).unwrap();
        check_idempotent(&c).unwrap();
    }
}

/// A range whose ends are written differently ("between 10 and €5 billion")
/// ended below its start.
#[test]
fn range_never_ends_below_its_start() {
    crate::quotes_props::run("between 10 and €5 billion", "en");
}

/// An abbreviated date beside a quote ("Jan. 6 “quoted.”" against ". Jan. 6")
/// gave the pair a score or relation that depended on the order of the batch.
#[test]
fn similarity_is_symmetric_around_an_abbreviated_date() {
    crate::properties::check_symmetric("Jan. 6 “quoted.”", ". Jan. 6").unwrap();
}

/// One article as close to a second as to a third, which told one event with
/// each other, joined the event of whichever came first in the batch.
#[test]
fn an_exact_tie_between_two_joins_does_not_follow_the_input_order() {
    let almaty = "Police in Almaty said 13 people were killed on Thursday.";
    let cologne = "Die Polizei in Köln meldete am Montag 40 Verletzte.";
    crate::invariants::check_order_free(
        "Полиция сообщила о 13 погибших в Алматы.",
        &format!("{cologne} {almaty} {almaty} {cologne}"),
        &format!(
            "{almaty} 東京で地震があり、3人がけがをした。 {almaty} \
             Kassym-Jomart Tokayev met Vladimir Putin in Moscow."
        ),
    )
    .unwrap();
}

/// The format sniff read the first 1024 bytes, and a cut inside a Cyrillic
/// or CJK character made the head empty: pasted HTML was taken for plain text.
#[test]
fn html_whose_1024th_byte_falls_inside_a_character_is_still_html() {
    for letter in ["ж", "東"] {
        for pad in 0..4 {
            let text = format!(
                "{}<html><body><p>{}</p></body></html>",
                " ".repeat(pad),
                letter.repeat(2000)
            );
            assert_eq!(Format::detect(None, &text), Format::Html, "{letter} {pad}");
        }
    }
}

/// Japanese and German in one UTF-16 text without a byte order mark read as
/// letters in both byte orders (swapped Latin lands among CJK ideographs), and
/// the text was refused as binary data.
#[test]
fn mixed_japanese_and_latin_utf16_without_bom_is_text() {
    let text =
        "東京で地震があり、3人がけがをした。 Die Polizei in Köln meldete am Montag 40 Verletzte.";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    assert_eq!(storydiff::text::sniff(&le), None);
    assert_eq!(storydiff::text::sniff(&be), None);
    assert_eq!(storydiff::text::decode(&le).text, text);
    assert_eq!(storydiff::text::decode(&be).text, text);
}
