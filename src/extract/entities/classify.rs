//! Runs to labelled candidates: roles apart, unsupported capitals dropped.

use super::cues;
use super::pieces::{Evidence, Piece, Run};
use super::EntityLabel;
use crate::extract::Doc;
use crate::lexicon;
use crate::text::{Span, TokenKind};
use std::collections::HashMap;

/// A mention before in-article resolution.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub span: Span,
    /// `None` when nothing but capitals speaks for it (a lone unknown word).
    pub label: Option<EntityLabel>,
    pub role: Option<String>,
    /// Words in it (connectors not counted).
    pub words: usize,
    pub allcaps: bool,
    /// Token index one past its last word.
    pub end_tok: usize,
    pub first_tok: usize,
}

fn word_count(pieces: &[Piece]) -> usize {
    pieces.iter().filter(|p| !p.connector).count()
}

fn cover(pieces: &[Piece]) -> Span {
    pieces[0].span.cover(pieces[pieces.len() - 1].span)
}

/// The gazetteer entry of a name as written, also without the dots of "U.S.".
pub fn place_of(name: &str) -> Option<lexicon::Place> {
    lexicon::place(name).or_else(|| {
        if name.contains('.') && name.len() <= 6 {
            lexicon::place(&name.replace('.', ""))
        } else {
            None
        }
    })
}

/// Labels the runs of one body sentence.
pub fn classify(doc: &Doc, runs: &[Run], ev: &Evidence) -> Vec<Candidate> {
    let text = doc.text;
    let mut out = Vec::new();
    let mut pending_role: Option<(usize, String)> = None;
    for run in runs {
        let mut pieces: &[Piece] = &run.pieces;
        let mut after_initial = false;
        // Leading words that are not part of the name.
        while let Some(p) = pieces.first() {
            let initial = p.initial || after_initial;
            let w = p.span.of(text);
            let lower = w.to_lowercase();
            let supported = place_of(w).is_some()
                || (lexicon::is_first_name(w) && pieces.len() > 1)
                || ev.mid_caps.contains(w)
                || cues::is_title(w)
                || cues::is_title_modifier(w)
                || lexicon::demonym(w).is_some()
                || p.allcaps
                // "The Bank of England": a head word before "of".
                || (pieces.len() > 2 && pieces[1].connector && (cues::is_org_head(w) || cues::is_place_head(w)))
                // "Alnur Ilyashev, an activist": an unknown word leading more capitals.
                || (pieces.len() > 1 && !pieces[1].connector && !lexicon::is_common_word(&lower) && !ev.lower.contains(&lower) && !is_adverbish(&lower))
                // "White House press secretary": a head word and its organisation or place noun.
                || (pieces.len() == 2 && (cues::is_org_suffix(pieces[1].span.of(text)) || cues::is_place_suffix(pieces[1].span.of(text))) && !lexicon::is_stopword(&lower));
            let drop = p.connector
                || cues::is_never_name(w)
                || (initial && !supported)
                || (initial
                    && (ev.lower.contains(&lower) || lexicon::is_common_word(&lower))
                    && place_of(w).is_none()
                    && !cues::is_title(w)
                    && !(pieces.len() >= 2 && supported))
                || (lexicon::is_stopword(&lower) && !p.allcaps);
            if !drop {
                break;
            }
            after_initial = initial && !p.connector;
            pieces = &pieces[1..];
        }
        while pieces
            .last()
            .is_some_and(|p| p.connector || cues::is_never_name(p.span.of(text)))
        {
            pieces = &pieces[..pieces.len() - 1];
        }
        if pieces.is_empty() {
            continue;
        }
        // Titles and qualifiers before a name: "Kazakh President", "Uzbekistan Foreign Minister".
        let mut k = 0;
        let mut qualifiers = Vec::new();
        while k < pieces.len() && !pieces[k].connector {
            let w = pieces[k].span.of(text);
            if lexicon::demonym(w).is_some() || (place_of(w).is_some() && !cues::is_title(w)) {
                qualifiers.push(k);
                k += 1;
            } else {
                break;
            }
        }
        let title_start = k;
        let mut has_title = false;
        while k < pieces.len() {
            let w = pieces[k].span.of(text);
            if cues::is_title(w) {
                has_title = true;
            } else if !(cues::is_title_modifier(w) || (pieces[k].connector && w == "of")) {
                break;
            }
            k += 1;
        }
        let _ = title_start;
        let rest = &pieces[k.min(pieces.len())..];
        let rest_is_name = !rest.is_empty()
            && !rest[0].connector
            && !(rest.len() == 1
                && (cues::is_org_suffix(rest[0].span.of(text))
                    || place_of(rest[0].span.of(text)).is_some()));
        if has_title && !rest_is_name {
            // A role alone ("the Uzbek Minister of Foreign Affairs, Abdulaziz Komilov,"
            // "the President of Kazakhstan, Kassym-Jomart Tokayev"): it goes to the name after a comma.
            let mut role_end = if rest.is_empty() { pieces.len() } else { k };
            while role_end > title_start + 1 && pieces[role_end - 1].connector {
                role_end -= 1;
            }
            let role_span = cover(&pieces[..role_end]);
            let rest_place = rest.len() == 1 && place_of(rest[0].span.of(text)).is_some();
            if rest.is_empty() || rest_place {
                for &q in &qualifiers {
                    if let Some(c) = single(doc, run, &pieces[q..q + 1], ev) {
                        out.push(c);
                    }
                }
                if rest_place {
                    if let Some(c) = single(doc, run, rest, ev) {
                        out.push(c);
                    }
                }
                let tail = if rest_place {
                    rest[0].span.end
                } else {
                    role_span.end
                };
                pending_role = Some((
                    tail,
                    cover(&pieces[qualifiers.len()..role_end])
                        .of(text)
                        .trim_end_matches('.')
                        .to_string(),
                ));
                continue;
            }
        }
        let (role, pieces) = if has_title && rest_is_name {
            for &q in &qualifiers {
                if let Some(c) = single(doc, run, &pieces[q..q + 1], ev) {
                    out.push(c);
                }
            }
            let role_span = cover(&pieces[title_start..k]);
            (
                Some(role_span.of(text).trim_end_matches('.').to_string()),
                rest,
            )
        } else {
            (None, pieces)
        };
        let role = role
            .or_else(|| lowercase_role(doc, run.first_tok))
            .or_else(|| {
                let (end, r) = pending_role.take()?;
                let gap = &text[end..pieces[0].span.start];
                (gap.trim() == ",").then_some(r)
            });
        let words = word_count(pieces);
        let last = pieces[pieces.len() - 1].span.of(text);
        // "SEE ALSO", "BREAKING NEWS": shouted words.
        if pieces.iter().all(|p| {
            p.connector || (p.allcaps && lexicon::is_common_word(&p.span.of(text).to_lowercase()))
        }) {
            continue;
        }
        // "Top European Union diplomat": a loose adjective before the name.
        let mut pieces = pieces;
        while pieces.len() > 1
            && matches!(
                pieces[0].span.of(text),
                "Top" | "Former" | "Senior" | "Acting" | "Interim" | "Late" | "Then" | "Veteran"
            )
        {
            pieces = &pieces[1..];
        }
        let span = cover(pieces);
        let name = span.of(text);
        let first = pieces[0].span.of(text);
        // "Central Asian", "South African": adjectives, not names.
        if words == 2
            && cues::is_place_head(first)
            && (lexicon::demonym(last).is_some() || last.ends_with("an") || last.ends_with("ese"))
            && !lexicon::is_first_name(first)
        {
            continue;
        }
        let label = if words == 1 {
            if lexicon::demonym(name).is_some() && place_of(name).is_none() {
                continue;
            }
            if let Some(mut c) = single(doc, run, pieces, ev) {
                if role.is_some() && c.label.is_none() {
                    c.label = Some(EntityLabel::Person);
                }
                c.role = role;
                out.push(c);
            }
            continue;
        } else if place_of(name)
            .is_some_and(|p| p.kind != lexicon::PlaceKind::City || !cues::is_org_suffix(last))
        {
            Some(EntityLabel::Place)
        } else if cues::is_org_suffix(last)
            || (cues::is_org_head(first) && pieces.iter().any(|p| p.connector))
        {
            Some(EntityLabel::Org)
        } else if cues::is_place_suffix(last)
            || cues::is_place_head(first) && place_of(last).is_some()
            || cues::is_place_head(first) && first != "New" && pieces.iter().any(|p| p.connector)
        {
            Some(EntityLabel::Place)
        } else if role.is_some() || lexicon::is_first_name(first) {
            Some(EntityLabel::Person)
        } else if pieces.iter().any(|p| p.allcaps)
            || place_of(first).is_some()
            || lexicon::demonym(first).is_some()
        {
            Some(EntityLabel::Org)
        } else if pieces
            .iter()
            .all(|p| p.connector || !lexicon::is_common_word(&p.span.of(text).to_lowercase()))
        {
            Some(EntityLabel::Person)
        } else {
            Some(EntityLabel::Org)
        };
        out.push(Candidate {
            span,
            label,
            role,
            words,
            allcaps: false,
            end_tok: run.end_tok,
            first_tok: run.first_tok,
        });
    }
    out
}

fn is_adverbish(w: &str) -> bool {
    w.ends_with("ly") || w.ends_with("ing") || w.ends_with("ed")
}

/// A one-word candidate; its label may stay open for resolution.
fn single(doc: &Doc, run: &Run, pieces: &[Piece], ev: &Evidence) -> Option<Candidate> {
    let text = doc.text;
    let p = &pieces[0];
    let w = p.span.of(text);
    if cues::is_never_name(w)
        || cues::is_title(w)
        || cues::is_title_modifier(w) && !p.allcaps && place_of(w).is_none()
    {
        return None;
    }
    if (lexicon::demonym(w).is_some() || lexicon::demonym(w.trim_end_matches('s')).is_some())
        && place_of(w).is_none()
    {
        return None;
    }
    if p.allcaps && lexicon::is_common_word(&w.to_lowercase()) {
        return None;
    }
    let lower = w.to_lowercase();
    let label = if place_of(w).is_some() {
        Some(EntityLabel::Place)
    } else if !p.allcaps
        && (ev.lower.contains(&lower)
            || lexicon::is_common_word(&lower)
            || lexicon::is_common_word(lower.trim_end_matches('s')))
    {
        // "Updates", "Parliament": a common noun written with a capital.
        if cues::is_org_suffix(w) && !ev.lower.contains(&lower) {
            Some(EntityLabel::Org)
        } else {
            return None;
        }
    } else {
        None
    };
    Some(Candidate {
        span: p.span,
        label,
        role: None,
        words: 1,
        allcaps: p.allcaps,
        end_tok: run.end_tok,
        first_tok: run.first_tok,
    })
}

/// "press secretary" in "White House press secretary Jen Psaki".
fn lowercase_role(doc: &Doc, first_tok: usize) -> Option<String> {
    let toks = &doc.seg.tokens;
    let prev = first_tok.checked_sub(1).map(|i| toks[i])?;
    let w = prev.span.of(doc.text);
    if prev.kind != TokenKind::Word || !cues::is_role_noun(w) {
        return None;
    }
    let mut span = prev.span;
    if let Some(pp) = first_tok.checked_sub(2).map(|i| toks[i]) {
        let pw = pp.span.of(doc.text);
        if pp.kind == TokenKind::Word
            && pp.sentence == prev.sentence
            && pw.chars().all(|c| c.is_lowercase() || c == '-')
            && !lexicon::is_stopword(pw)
            && !matches!(
                pw,
                "a" | "an" | "the" | "as" | "by" | "to" | "of" | "in" | "and" | "said" | "told"
            )
        {
            span = pp.span.cover(span);
        }
    }
    Some(span.of(doc.text).to_string())
}

/// Labels headline runs only where the body or the gazetteer knows the name.
pub fn headline(doc: &Doc, runs: &[Run], known: &HashMap<String, EntityLabel>) -> Vec<Candidate> {
    let text = doc.text;
    let mut out = Vec::new();
    for run in runs {
        let ps: Vec<&Piece> = run.pieces.iter().filter(|p| !p.connector).collect();
        let mut j = 0;
        while j < ps.len() {
            let mut matched = false;
            for end in (j + 1..=ps.len()).rev() {
                let span = ps[j].span.cover(ps[end - 1].span);
                let t = span.of(text);
                let label = known
                    .get(t)
                    .copied()
                    .or_else(|| place_of(t).map(|_| EntityLabel::Place));
                if let Some(label) = label {
                    out.push(Candidate {
                        span,
                        label: Some(label),
                        role: None,
                        words: end - j,
                        allcaps: end - j == 1 && ps[j].allcaps,
                        end_tok: run.end_tok,
                        first_tok: run.first_tok,
                    });
                    j = end;
                    matched = true;
                    break;
                }
            }
            if !matched {
                j += 1;
            }
        }
    }
    out
}
