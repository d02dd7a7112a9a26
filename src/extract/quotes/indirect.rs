//! Indirect speech: reported clauses without quote marks.

use super::cues::attribution_at;
use super::lexicon::{has, is_weekday};
use super::marks::{mark_at, Marks};
use super::reading::{NameCase, Reading};
use super::{Attr, Found, QuoteKind};
use crate::lexicon::lists::quotes::{
    CLAUSE_WITHOUT_THAT, INDIRECT_CUES, NOT_CLAUSE_OPENERS, SKIPPED_NEAR_CUE,
};
use crate::text::{Span, TokenKind};
use std::collections::HashSet;

/// Indirect speech in sentence `si`: "X said (that) ..." and "..., X said."
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
    let inside = |k: usize| mark_at(marks, rd[k].span.start).is_some();
    let mut end = se;
    while end > sa && rd[end - 1].kind == TokenKind::Punct && rd[end - 1].text != "\"" {
        end -= 1;
    }
    for c in sa..se {
        if used.contains(&c) || inside(c) || !has(INDIRECT_CUES, rd[c].lower.as_str()) {
            continue;
        }
        if rd[c].lower == "according" && !rd.is(c + 1, "to") {
            continue;
        }
        let Some(attr) = attribution_at(rd, c, sa, None) else {
            continue;
        };
        let Some(sp) = attr.speaker.as_ref().map(|s| s.span) else {
            continue;
        };
        let according = matches!(
            rd[c].lower.as_str(),
            "according" | "selon" | "laut" | "según" | "secondo"
        );
        let speaker_after = sp.start > rd[c].span.start;
        // "..., X said." / "..., said X." / "..., according to X."
        let head_end = if speaker_after { c } else { rd.at(sp.start) };
        let tail_start = if speaker_after || according {
            rd.at(sp.end)
        } else {
            c + 1
        };
        let mut t = tail_start;
        while t < end && (has(SKIPPED_NEAR_CUE, rd[t].lower.as_str()) || is_weekday(&rd[t].lower)) {
            t += 1;
        }
        let trailing =
            head_end > sa + 3 && rd[head_end - 1].text == "," && (t >= end || rd[t].text == ",");
        if trailing {
            let a = sa;
            let b = head_end - 1;
            if rd[a].text == "\"" || rd[b - 1].text == "\"" || rd[b - 1].text == "," {
                continue;
            }
            push_indirect(rd, a, b, attr, out);
            continue;
        }
        if according {
            // "According to X, ..."
            let mut k = rd.at(sp.end);
            if rd.get(k).is_some_and(|t| t.text == ",") && c == sa {
                k += 1;
                if end > k + 2 {
                    push_indirect(rd, k, end, attr, out);
                }
            }
            continue;
        }
        if speaker_after {
            continue;
        }
        // "X said (on Thursday) (that) ...", "X told AFP (that) ..."
        let mut k = c + 1;
        let cue_l = rd[c].lower.as_str();
        if matches!(cue_l, "told" | "tells") {
            // The one told: "AFP", "reporters", "the BBC".
            let mut j = k;
            while j < end && j < k + 4 && !rd.is(j, "that") && rd[j].is_word() {
                j += 1;
            }
            if rd.is(j, "that") {
                k = j;
            } else if rd.get(k).is_some_and(|t| t.is_cap()) {
                while k < end && rd[k].is_cap() {
                    k += 1;
                }
            } else if matches!(
                rd.get(k).map(|t| t.lower.as_str()),
                Some("reporters" | "journalists" | "parliament" | "lawmakers" | "supporters")
            ) {
                k += 1;
            } else {
                continue;
            }
        }
        loop {
            if k >= end {
                break;
            }
            let l = rd[k].lower.as_str();
            if has(SKIPPED_NEAR_CUE, l) || is_weekday(l) {
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
        if rd.is(k, "that") || rd.is(k, "que") || rd.is(k, "dass") || rd.is(k, "che") {
            k += 1;
        } else if !has(CLAUSE_WITHOUT_THAT, cue_l) {
            // "stressed the country's neutrality" is no reported clause.
            continue;
        }
        if k + 2 >= end {
            continue;
        }
        let first = &rd[k];
        if matches!(first.text, "\"" | ":" | "," | "«" | "(" | "-")
            || has(NOT_CLAUSE_OPENERS, first.lower.as_str())
        {
            continue;
        }
        push_indirect(rd, k, end, attr, out);
    }
}

fn push_indirect(rd: &Reading, a: usize, b: usize, attr: Attr, out: &mut Vec<Found>) {
    let span = Span::new(rd[a].span.start, rd[b - 1].span.end);
    if out
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
