//! Indirect speech: reported clauses without quote marks.

use super::cues::attribution_at;
use super::lexicon::{has, is_weekday};
use super::marks::{mark_at, Marks};
use super::reading::Toks;
use super::{Attr, Found, QuoteKind};
use crate::lexicon::lists::quotes::{
    CLAUSE_WITHOUT_THAT, INDIRECT_CUES, NOT_CLAUSE_OPENERS, SKIPPED_NEAR_CUE,
};
use crate::text::{Span, TokenKind};
use std::collections::HashSet;

/// Indirect speech in sentence `si`: "X said (that) ..." and "..., X said."
pub(super) fn indirect(
    tk: &Toks,
    marks: &[Marks],
    si: usize,
    used: &HashSet<usize>,
    out: &mut Vec<Found>,
) {
    let (sa, se) = tk.sent[si];
    if se <= sa + 3 {
        return;
    }
    let inside = |k: usize| mark_at(marks, tk.t[k].span.start).is_some();
    let mut end = se;
    while end > sa && tk.t[end - 1].kind == TokenKind::Punct && tk.t[end - 1].text != "\"" {
        end -= 1;
    }
    for c in sa..se {
        if used.contains(&c) || inside(c) || !has(INDIRECT_CUES, tk.t[c].lower.as_str()) {
            continue;
        }
        if tk.t[c].lower == "according" && !tk.is(c + 1, "to") {
            continue;
        }
        let Some(attr) = attribution_at(tk, c, sa, None) else {
            continue;
        };
        let Some((_, sp)) = attr.speaker.clone() else {
            continue;
        };
        let according = matches!(
            tk.t[c].lower.as_str(),
            "according" | "selon" | "laut" | "según" | "secondo"
        );
        let speaker_after = sp.start > tk.t[c].span.start;
        // "..., X said." / "..., said X." / "..., according to X."
        let head_end = if speaker_after { c } else { tk.at(sp.start) };
        let tail_start = if speaker_after || according {
            tk.at(sp.end)
        } else {
            c + 1
        };
        let mut t = tail_start;
        while t < end
            && (has(SKIPPED_NEAR_CUE, tk.t[t].lower.as_str()) || is_weekday(&tk.t[t].lower))
        {
            t += 1;
        }
        let trailing = head_end > sa + 3
            && tk.t[head_end - 1].text == ","
            && (t >= end || tk.t[t].text == ",");
        if trailing {
            let a = sa;
            let b = head_end - 1;
            if tk.t[a].text == "\"" || tk.t[b - 1].text == "\"" || tk.t[b - 1].text == "," {
                continue;
            }
            push_indirect(tk, a, b, attr, out);
            continue;
        }
        if according {
            // "According to X, ..."
            let mut k = tk.at(sp.end);
            if tk.t.get(k).is_some_and(|t| t.text == ",") && c == sa {
                k += 1;
                if end > k + 2 {
                    push_indirect(tk, k, end, attr, out);
                }
            }
            continue;
        }
        if speaker_after {
            continue;
        }
        // "X said (on Thursday) (that) ...", "X told AFP (that) ..."
        let mut k = c + 1;
        let cue_l = tk.t[c].lower.as_str();
        if matches!(cue_l, "told" | "tells") {
            // The one told: "AFP", "reporters", "the BBC".
            let mut j = k;
            while j < end && j < k + 4 && !tk.is(j, "that") && tk.t[j].is_word() {
                j += 1;
            }
            if tk.is(j, "that") {
                k = j;
            } else if tk.t.get(k).is_some_and(|t| t.is_cap()) {
                while k < end && tk.t[k].is_cap() {
                    k += 1;
                }
            } else if matches!(
                tk.t.get(k).map(|t| t.lower.as_str()),
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
            let l = tk.t[k].lower.as_str();
            if has(SKIPPED_NEAR_CUE, l) || is_weekday(l) {
                k += 1;
            } else if l == "in"
                && tk.is(k + 1, "a")
                && matches!(
                    tk.t.get(k + 2).map(|t| t.lower.as_str()),
                    Some("statement" | "speech" | "interview" | "post" | "tweet")
                )
            {
                k += 3;
            } else if l == "," && tk.is(k + 1, "however") {
                k += 2;
            } else {
                break;
            }
        }
        if tk.is(k, "that") || tk.is(k, "que") || tk.is(k, "dass") || tk.is(k, "che") {
            k += 1;
        } else if !has(CLAUSE_WITHOUT_THAT, cue_l) {
            // "stressed the country's neutrality" is no reported clause.
            continue;
        }
        if k + 2 >= end {
            continue;
        }
        let first = &tk.t[k];
        if matches!(first.text, "\"" | ":" | "," | "«" | "(" | "-")
            || has(NOT_CLAUSE_OPENERS, first.lower.as_str())
        {
            continue;
        }
        push_indirect(tk, k, end, attr, out);
    }
}

fn push_indirect(tk: &Toks, a: usize, b: usize, attr: Attr, out: &mut Vec<Found>) {
    let span = Span::new(tk.t[a].span.start, tk.t[b - 1].span.end);
    if out
        .iter()
        .any(|f| f.kind == QuoteKind::Indirect && f.span.overlaps(span))
    {
        return;
    }
    // A clause that is one quotation is direct speech, not indirect.
    if tk.t[a].text == "\"" && tk.t[b - 1].text == "\"" {
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
