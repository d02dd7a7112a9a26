//! Indirect speech: reported clauses without quote marks.

use super::cues::attribution_at;
use super::lexicon::{has, is_according, is_weekday};
use super::marks::{mark_at, Marks};
use super::reading::{NameCase, Reading};
use super::sets::{CLAUSE_WITHOUT_THAT, INDIRECT_CUES, NOT_CLAUSE_OPENERS, SKIPPED_NEAR_CUE};
use super::{Attr, Found, QuoteKind};
use crate::text::hash::FastSet as HashSet;
use crate::text::{Span, TokenKind, Word};

/// Indirect speech in sentence `si`: "X said (that) ...", "..., X said."
/// and "According to X, ...", for cues not `used` by a quote.
pub(super) fn indirect(
    rd: &Reading,
    marks: &[Marks],
    si: usize,
    used: &HashSet<usize>,
    out: &mut Vec<Found>,
) {
    let (sa, se) = rd.bounds(si);
    if se <= sa + 3 {
        return;
    }
    let end = without_final_punctuation(rd, sa, se);
    // Clauses lie inside their sentence: only this sentence's can overlap.
    let first = out.len();
    for c in sa..se {
        // The cue test first: most words are none.
        if !is_indirect_cue(rd, c)
            || used.contains(&c)
            || mark_at(marks, rd[c].span.start).is_some()
        {
            continue;
        }
        // Finding the speaker is the costly part: skip it where no speaker
        // could give a clause.
        if !may_report(rd, c, sa, end) {
            continue;
        }
        let attr = attribution_at(rd, c, sa, None);
        let Some(sp) = attr.speaker.as_ref().map(|s| s.span) else {
            continue;
        };
        if let Some((a, b)) = reported_clause(rd, c, sp, sa, end) {
            push_indirect(rd, a, b, attr, out, first);
        }
    }
}

/// The end of the sentence `sa..se` without its final punctuation (a closing
/// quote mark stays).
fn without_final_punctuation(rd: &Reading, sa: usize, se: usize) -> usize {
    let mut end = se;
    while end > sa && rd[end - 1].kind == TokenKind::Punct && rd[end - 1].text != "\"" {
        end -= 1;
    }
    end
}

/// Whether word `c` is a cue after which unquoted text is reported speech
/// ("according" only before "to").
fn is_indirect_cue(rd: &Reading, c: usize) -> bool {
    has(&INDIRECT_CUES, &rd[c].lower) && (rd[c].lower != "according" || rd.is(c + 1, "to"))
}

/// The first and end word of the clause cue `c` reports, its speaker named
/// at `sp`, in the sentence starting at `sa` whose words end at `end`.
fn reported_clause(
    rd: &Reading,
    c: usize,
    sp: Span,
    sa: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let according = is_according(&rd[c].lower);
    let speaker_after = sp.start > rd[c].span.start;
    // "..., X said." / "..., said X." / "..., according to X."
    let head_end = if speaker_after { c } else { rd.at(sp.start) };
    let tail_start = if speaker_after || according {
        rd.at(sp.end)
    } else {
        c + 1
    };
    if is_trailing(rd, sa, end, head_end, tail_start) {
        return clause_before(rd, sa, head_end);
    }
    if according {
        return clause_after_according(rd, c, sp, sa, end);
    }
    if speaker_after {
        return None;
    }
    clause_after(rd, c, end)
}

/// Whether [`reported_clause`] can find a clause for cue `c` with some
/// speaker, whichever it is: the speaker only decides where the cue's
/// phrase starts and ends, and every path that reads it is tested here.
fn may_report(rd: &Reading, c: usize, sa: usize, end: usize) -> bool {
    if is_according(&rd[c].lower) {
        // The speaker's phrase starts at the cue or before it, so a phrase
        // ending a clause after a comma needs room before the cue; otherwise
        // only a sentence opening with "according to" reports a clause.
        return c == sa || c > sa + 3;
    }
    // "..., said X." / "..., X said.": a comma before the cue, or the
    // sentence ending (or a comma) after it.
    (c > sa + 3 && rd[c - 1].text == ",")
        || tail_is_trailing(rd, c + 1, end)
        || clause_after(rd, c, end).is_some()
}

/// Whether the cue and its speaker (`head_end..tail_start`) follow the
/// clause after a comma and end the sentence, or run into another comma.
fn is_trailing(rd: &Reading, sa: usize, end: usize, head_end: usize, tail_start: usize) -> bool {
    head_end > sa + 3 && rd[head_end - 1].text == "," && tail_is_trailing(rd, tail_start, end)
}

/// Whether the words from `tail_start` are only adverbials up to the
/// sentence's end or a comma.
fn tail_is_trailing(rd: &Reading, tail_start: usize, end: usize) -> bool {
    let mut t = tail_start;
    while t < end && (has(&SKIPPED_NEAR_CUE, &rd[t].lower) || is_weekday(&rd[t].lower)) {
        t += 1;
    }
    t >= end || rd[t].text == ","
}

/// "Dozens were killed, officials said.": the clause from the sentence's
/// start to the comma before `head_end`, unless it is quoted.
fn clause_before(rd: &Reading, sa: usize, head_end: usize) -> Option<(usize, usize)> {
    let b = head_end - 1;
    let quoted = rd[sa].text == "\"" || rd[b - 1].text == "\"" || rd[b - 1].text == ",";
    (!quoted).then_some((sa, b))
}

/// "According to X, ...": the clause after the comma that follows the
/// speaker, when the cue opens the sentence.
fn clause_after_according(
    rd: &Reading,
    c: usize,
    sp: Span,
    sa: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let k = rd.at(sp.end);
    let comma = rd.get(k).is_some_and(|t| t.text == ",") && c == sa;
    (comma && end > k + 3).then_some((k + 1, end))
}

/// "X said (on Thursday) (that) ...", "X told AFP (that) ...": the clause
/// after the cue.
fn clause_after(rd: &Reading, c: usize, end: usize) -> Option<(usize, usize)> {
    let cue_l = rd[c].lower.as_str();
    let mut k = c + 1;
    if matches!(cue_l, "told" | "tells") {
        k = past_the_one_told(rd, k, end)?;
    }
    k = past_adverbials(rd, k, end);
    if rd.is(k, "that") || rd.is(k, "que") || rd.is(k, "dass") || rd.is(k, "che") {
        k += 1;
    } else if !has(&CLAUSE_WITHOUT_THAT, cue_l) {
        // "stressed the country's neutrality" is no reported clause.
        return None;
    }
    if k + 2 >= end || !opens_clause(&rd[k]) {
        return None;
    }
    Some((k, end))
}

/// After "told" at `k - 1`, where the one told ends: "AFP", "reporters",
/// "the BBC that"; `None` when no one told is recognized.
fn past_the_one_told(rd: &Reading, k: usize, end: usize) -> Option<usize> {
    let mut j = k;
    while j < end && j < k + 4 && !rd.is(j, "that") && rd[j].is_word() {
        j += 1;
    }
    if rd.is(j, "that") {
        return Some(j);
    }
    if rd.get(k).is_some_and(|t| t.is_cap()) {
        let mut k = k;
        while k < end && rd[k].is_cap() {
            k += 1;
        }
        return Some(k);
    }
    let audience = matches!(
        rd.get(k).map(|t| t.lower.as_str()),
        Some("reporters" | "journalists" | "parliament" | "lawmakers" | "supporters")
    );
    audience.then_some(k + 1)
}

/// Word `k` moved past adverbs, weekdays, "in a statement" and ", however".
fn past_adverbials(rd: &Reading, mut k: usize, end: usize) -> usize {
    while k < end {
        let l = rd[k].lower.as_str();
        if has(&SKIPPED_NEAR_CUE, l) || is_weekday(l) {
            k += 1;
        } else if l == "in"
            && rd.is(k + 1, "a")
            && matches!(
                rd.get(k + 2).map(|t| t.lower.as_str()),
                Some("statement" | "speech" | "interview" | "post" | "tweet")
            )
        {
            k += 3;
        } else if l == "," && rd.is(k + 1, "however") {
            k += 2;
        } else {
            break;
        }
    }
    k
}

/// Whether a reported clause can start with `first`: not a quote mark,
/// colon, comma or bracket, nor a preposition ("warned of").
fn opens_clause(first: &Word) -> bool {
    !(matches!(first.text, "\"" | ":" | "," | "«" | "(" | "-")
        || has(&NOT_CLAUSE_OPENERS, &first.lower))
}

/// Adds the clause `a..b` as indirect speech, unless an indirect quote
/// already covers part of it (one found in this sentence: `out[first..]`)
/// or it is one quotation.
fn push_indirect(rd: &Reading, a: usize, b: usize, attr: Attr, out: &mut Vec<Found>, first: usize) {
    let span = Span::new(rd[a].span.start, rd[b - 1].span.end);
    if out[first..]
        .iter()
        .any(|f| f.kind == QuoteKind::Indirect && f.span.overlaps(span))
    {
        return;
    }
    // A clause that is one quotation is direct speech, not indirect.
    if rd[a].text == "\"" && rd[b - 1].text == "\"" {
        return;
    }
    out.push(Found {
        span,
        content: span,
        kind: QuoteKind::Indirect,
        attr: Some(attr),
        continues: None,
    });
}
