//! Names of things that are neither people, organisations nor places, read
//! from the words around them in one article: products ("Internet Explorer 9
//! (IE9) browser", "versions of Internet Explorer") and vessels and craft ("the
//! cruise ship Freewinds", "Space Shuttle Endeavour"), and events ("Lantern
//! Festival"). Every mention of such a name in the article is left out, and so
//! is an acronym of a product's name.

use super::classify::Candidate;
use super::pieces::token_in_run;
use super::resolve::abbreviates;
use super::sets;
use crate::extract::word_set::WordSet;
use crate::extract::Doc;
use crate::text::{Token, TokenKind};
use std::collections::HashSet;

fn has(list: &WordSet, w: &str) -> bool {
    list.contains(w)
}

/// A version number or a model code between a product's name and its noun:
/// "9", "(", "IE9", ")".
fn is_version_part(t: &Token, text: &str) -> bool {
    let w = t.span.of(text);
    match t.kind {
        TokenKind::Number => true,
        TokenKind::Punct => matches!(w, "(" | ")" | "."),
        TokenKind::Word => {
            w.bytes().any(|b| b.is_ascii_digit()) && !w.bytes().any(|b| b.is_ascii_lowercase())
        }
    }
}

/// "Explorer 9 (IE9) browser", "Windows 10 operating system": a version then a
/// product noun; "versions of Internet Explorer".
fn is_product(doc: &Doc, first: usize, after: usize) -> bool {
    let toks = &doc.seg.tokens;
    let text = doc.text;
    let rest = &toks[after.min(toks.len())..];
    let parts = rest.iter().take_while(|t| is_version_part(t, text)).count();
    let versioned = rest[..parts].iter().any(|t| t.kind != TokenKind::Punct);
    let noun = rest
        .get(parts)
        .is_some_and(|t| t.kind == TokenKind::Word && has(&sets::PRODUCT_NOUNS, t.span.of(text)));
    let word = |k: usize| toks.get(k).map(|t| t.span.of(text));
    let of_versions = first >= 2
        && word(first - 1) == Some("of")
        && word(first - 2).is_some_and(|w| w == "version" || w == "versions");
    (versioned && noun) || of_versions
}

/// "the cruise ship Freewinds", "the ship, Freewinds", "Space Shuttle Columbia".
fn is_vehicle(doc: &Doc, c: &Candidate, first: usize) -> bool {
    let toks = &doc.seg.tokens;
    let text = doc.text;
    // Only a word can be a vehicle noun: the full stop before a name that
    // opens a sentence, the commonest token before one, is not looked up.
    let vehicle = |t: &Token| {
        t.kind == TokenKind::Word && sets::VEHICLE_NOUNS.contains_lower(t.span.of(text))
    };
    let mut k = first;
    if k >= 1 && toks[k - 1].span.of(text) == "," {
        k -= 1;
    }
    let after_noun = k >= 1 && vehicle(&toks[k - 1]);
    let inside = c.words > 1
        && toks[first..]
            .iter()
            .take_while(|t| t.span.start < c.span.end)
            .any(vehicle);
    after_noun || inside
}

/// "Google Science Fair", "Lantern Festival", "Chinese New Year": an event.
fn is_event(c: &Candidate, text: &str) -> bool {
    let s = c.span.of(text);
    c.words > 1
        && s.rsplit(' ')
            .next()
            .is_some_and(|w| has(&sets::EVENT_SUFFIXES, w))
}

/// The capitalized words written just before a name, with it: "Internet
/// Explorer" for "Explorer".
fn with_words_before(doc: &Doc, c: &Candidate, first: usize) -> String {
    let toks = &doc.seg.tokens;
    let text = doc.text;
    let mut start = first;
    while start > 0 && first - start < 3 {
        let t = &toks[start - 1];
        let w = t.span.of(text);
        if t.kind != TokenKind::Word || !w.starts_with(|ch: char| ch.is_uppercase()) {
            break;
        }
        start -= 1;
    }
    text[toks[start].span.start..c.span.end].to_string()
}

/// The surfaces of the names in `cands` that are products or vehicles.
pub fn not_names(doc: &Doc, cands: &[Candidate]) -> HashSet<String> {
    let text = doc.text;
    let toks = &doc.seg.tokens;
    let mut out = HashSet::new();
    let mut products = Vec::new();
    for c in cands {
        let first = token_in_run(doc, c.first_tok, c.end_tok, c.span.start);
        let after = token_in_run(doc, c.first_tok, c.end_tok, c.span.end);
        if first >= toks.len() {
            continue;
        }
        if is_product(doc, first, after) {
            out.insert(c.span.of(text).to_string());
            products.push(with_words_before(doc, c, first));
        } else if is_vehicle(doc, c, first) || is_event(c, text) {
            out.insert(c.span.of(text).to_string());
        }
    }
    for c in cands {
        let s = c.span.of(text);
        let first = token_in_run(doc, c.first_tok, c.end_tok, c.span.start);
        // "The Internet Explorer 6 Countdown": a name right after a product's
        // version is part of a title.
        let after_version = first >= 2
            && toks[first - 1].kind == TokenKind::Number
            && out.contains(toks[first - 2].span.of(text));
        let of_product = |p: &String| {
            let starts = p.match_indices(' ').map(|(i, _)| i + 1);
            std::iter::once(0)
                .chain(starts)
                .any(|i| abbreviates(s, &p[i..]))
        };
        if after_version || (c.allcaps && products.iter().any(of_product)) {
            out.insert(s.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::found;

    fn names(text: &str) -> Vec<String> {
        found(text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn products_and_their_acronyms_are_not_names() {
        let text = "Microsoft said its Netscape Navigator 9 (NN9) browser is ready. \
                    Older versions of Netscape Navigator are slow, and NN lost users.";
        let n = names(text);
        assert!(n.contains(&"Microsoft".to_string()), "{n:?}");
        assert!(
            !n.iter().any(|s| s.contains("Navigator") || s == "NN"),
            "{n:?}"
        );
    }

    #[test]
    fn a_company_before_its_product_stays() {
        let text = "Regulators grounded Boeing 737 jets. Shoppers said Samsung sold a phone.";
        let n = found(text);
        assert!(n.iter().any(|(s, _)| s == "Boeing"), "{n:?}");
        assert!(n.iter().any(|(s, _)| s == "Samsung"), "{n:?}");
    }

    #[test]
    fn vessels_are_not_names() {
        let text = "The cruise ship, Sea Breeze, docked in Lisbon. Aboard the Sea Breeze, \
                    crew worked for Carnival Corporation. Space Shuttle Atlantis flew.";
        let n = names(text);
        assert!(
            !n.iter()
                .any(|s| s.contains("Breeze") || s.contains("Atlantis")),
            "{n:?}"
        );
        assert!(n.contains(&"Carnival Corporation".to_string()), "{n:?}");
        assert!(n.contains(&"Lisbon".to_string()), "{n:?}");
    }

    #[test]
    fn events_are_not_names() {
        let text = "Crowds at the Edinburgh Fringe Festival met Oxfam workers. \
                    The Dubai Air Fair opened as the Lunar New Year began.";
        let n = names(text);
        assert!(
            !n.iter()
                .any(|s| s.ends_with("Festival") || s.ends_with("Fair")),
            "{n:?}"
        );
        assert!(!n.iter().any(|s| s.ends_with("Year")), "{n:?}");
        assert!(n.contains(&"Oxfam".to_string()), "{n:?}");
    }
}
