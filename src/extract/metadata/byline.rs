//! The byline of a plain or Markdown text, and the wire agency a story comes
//! from: named by the byline, or by the body ("told AFP", "(Reuters)").

use super::{read_as, Field};
use crate::clean::LineReading;
use crate::lexicon::lists::metadata::AGENCIES;
use crate::text::{lines_inclusive, MappedText, Needles, Span};
use std::sync::OnceLock;

/// The agency a name is, if it is one ("AFP", "By Reuters", "AFP/Getty").
pub(super) fn agency_name(name: &str) -> Option<&'static str> {
    let n = name.trim().trim_matches(|c: char| !c.is_alphanumeric());
    AGENCIES.iter().find(|(a, _)| n == *a).map(|(_, v)| *v)
}

/// Whether `len` bytes at `at` are a whole word of `text`.
fn is_word_at(text: &str, at: usize, len: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + len..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The agency a story comes from, by how the body names it: "told AFP",
/// "showed AFP", "an AFP correspondent", "(Reuters)". The first such mention
/// in the text wins.
pub(super) fn agency_in_body(body: &MappedText) -> Option<Field> {
    static NAMES: OnceLock<Needles> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        let names: Vec<&str> = AGENCIES.iter().map(|&(name, _)| name).collect();
        Needles::new(names.leak())
    });
    let text = body.as_str();
    // One pass over the text: mentions by position, and at one position in
    // the list's order. As a search for each name, a mention does not start
    // inside the previous mention of the same name.
    let mut free_from = vec![0; AGENCIES.len()];
    for (at, k) in names.starts(text) {
        let (name, value) = AGENCIES[k];
        if at < free_from[k] {
            continue;
        }
        free_from[k] = at + name.len();
        let span = Span::new(at, at + name.len());
        if is_word_at(text, at, name.len()) && credits_agency(text, span) {
            return Some(Field::at(value, body.to_source(span)));
        }
    }
    None
}

/// Whether the words around an agency's name at `span` say the story is
/// its: a verb before it ("told AFP", "said to Reuters"), a reporter of it
/// ("an AFP correspondent"), or parentheses ("(Reuters)").
fn credits_agency(text: &str, span: Span) -> bool {
    let before = text[..span.start].trim_end();
    let after = text[span.end..].trim_start();
    let mut from = before.len().saturating_sub(24);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let lower_before = before[from..].to_lowercase();
    let by_verb = ["told", "showed", "told the", "said to", "an", "a"]
        .iter()
        .any(|v| lower_before.ends_with(v) && is_word_end(&lower_before, v))
        && (!["an", "a"].iter().any(|v| lower_before.ends_with(v))
            || ["correspondent", "reporter", "journalist", "photographer"]
                .iter()
                .any(|n| after.starts_with(n)));
    let in_parens = before.ends_with('(') && after.starts_with(')');
    by_verb || in_parens
}

/// Whether `w`, which `s` ends with, is a whole word there.
fn is_word_end(s: &str, w: &str) -> bool {
    let start = s.len() - w.len();
    !s[..start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// A byline among the first lines of the input; a line the cleaning read
/// (`readings`) and found no byline in is not read again.
pub(super) fn byline(input: &str, readings: &[LineReading]) -> Option<Field> {
    let mut readings = readings.iter().peekable();
    let mut at = 0;
    for (n, line) in lines_inclusive(input).enumerate() {
        let start = at;
        at += line.len();
        if n > 40 {
            break;
        }
        let l = line.trim_end_matches(['\n', '\r']);
        // `byline_name` reads the line trimmed.
        let trimmed = l.trim_start();
        let read = read_as(
            &mut readings,
            start + l.len() - trimmed.len(),
            trimmed.trim_end(),
        );
        if read.is_some_and(|r| r.not_byline) {
            continue;
        }
        if let Some((s, e)) = crate::clean::byline_name(l) {
            let mut span = Span::new(start + s, start + e);
            let mut name = span.of(input);
            // "[AFP](#)": the link text.
            if let Some(inner) = name.strip_prefix('[') {
                if let Some(close) = inner.find("](") {
                    span = Span::new(span.start + 1, span.start + 1 + close);
                    name = span.of(input);
                }
            }
            return Some(Field::at(name.trim(), span));
        }
    }
    None
}
