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
        for (si, sub) in split_run(text, &run.pieces).into_iter().enumerate() {
            let mut pieces: &[Piece] = &sub;
            let look_back = si == 0;
            let mut after_initial = false;
            // Storms are named like people ("Hurricane Otis").
            if matches!(
                pieces[0].span.of(text),
                "Hurricane" | "Typhoon" | "Cyclone" | "Storm" | "Tropical"
            ) {
                continue;
            }
            // Leading words that are not part of the name.
            while let Some(p) = pieces.first() {
                let initial = p.initial || after_initial;
                let w = p.span.of(text);
                let lower = w.to_lowercase();
                let dictionary = lexicon::is_dictionary_word(&lower)
                    || ev.lower.contains(&lower)
                    || lexicon::is_common_word(&lower);
                let next = pieces
                    .get(1)
                    .filter(|n| !n.connector)
                    .map(|n| n.span.of(text));
                let strong = place_of(w).is_some()
                || (lexicon::is_first_name(w) && next.is_some())
                || ev.mid_caps.contains(w)
                || cues::is_title(w)
                || cues::is_title_modifier(w)
                || lexicon::demonym(w).is_some()
                || p.allcaps
                // "The Bank of England": a head word before "of".
                || (pieces.len() > 2 && pieces[1].connector && (cues::is_org_head(w) || cues::is_place_head(w)))
                // "White House press secretary": a word and its organisation or place noun.
                || (pieces.len() == 2 && next.is_some_and(|n| cues::is_org_suffix(n) || cues::is_place_suffix(n)) && !lexicon::is_stopword(&lower));
                // Not a dictionary word: "Ilyashev told AFP", "Nvidia became"; or a rare word
                // before one ("Bola Tinubu").
                let rare_before_name = next.is_some_and(|n| {
                    !lexicon::is_dictionary_word(&n.to_lowercase()) && lexicon::place(n).is_none()
                }) && !lexicon::is_common_word(&lower)
                    && !ev.lower.contains(&lower)
                    && !is_adverbish(&lower)
                    && !lower.ends_with('s');
                let supported =
                    strong || rare_before_name || (!dictionary && !is_adverbish(&lower));
                let drop = p.connector
                    || cues::is_never_name(w)
                    || (initial && !supported)
                    || (initial
                        && dictionary
                        && place_of(w).is_none()
                        && !cues::is_title(w)
                        && !ev.mid_caps.contains(w)
                        && !(pieces.len() > 1 && (strong || rare_before_name)))
                    || (lexicon::is_stopword(&lower)
                        && !p.allcaps
                        && (initial
                            || matches!(
                                w,
                                "The"
                                    | "A"
                                    | "An"
                                    | "This"
                                    | "That"
                                    | "These"
                                    | "Those"
                                    | "Its"
                                    | "His"
                                    | "Her"
                                    | "Their"
                            )));
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
                if k + 1 < pieces.len()
                    && lexicon::demonym(cover(&pieces[k..k + 2]).of(text)).is_some()
                {
                    // "South African President", "Sri Lankan President".
                    k += 2;
                    continue;
                }
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
                .or_else(|| {
                    if look_back {
                        lowercase_role(doc, run.first_tok)
                    } else {
                        None
                    }
                })
                .or_else(|| {
                    let (end, r) = pending_role.take()?;
                    let gap = &text[end..pieces[0].span.start];
                    (gap.trim() == ",").then_some(r)
                });
            let words = word_count(pieces);
            let last = pieces[pieces.len() - 1].span.of(text);
            // "South Korean prosecutors": a two-word demonym.
            if lexicon::demonym(cover(pieces).of(text)).is_some()
                && place_of(cover(pieces).of(text)).is_none()
            {
                continue;
            }
            // "SEE ALSO", "BREAKING NEWS": shouted words.
            if pieces.iter().all(|p| {
                p.connector
                    || (p.allcaps && lexicon::is_common_word(&p.span.of(text).to_lowercase()))
            }) {
                continue;
            }
            // "Top European Union diplomat": a loose adjective before the name.
            let mut pieces = pieces;
            while pieces.len() > 1
                && matches!(
                    pieces[0].span.of(text),
                    "Top"
                        | "Former"
                        | "Senior"
                        | "Acting"
                        | "Interim"
                        | "Late"
                        | "Then"
                        | "Veteran"
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
                && (lexicon::demonym(last).is_some()
                    || last.ends_with("an")
                    || last.ends_with("ese"))
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
                || pieces
                    .windows(2)
                    .any(|x| cues::is_org_head(x[0].span.of(text)) && x[1].connector)
            {
                Some(EntityLabel::Org)
            } else if cues::is_place_suffix(last)
                || cues::is_place_head(first) && place_of(last).is_some()
                || cues::is_place_head(first)
                    && first != "New"
                    && pieces.iter().any(|p| p.connector)
            {
                Some(EntityLabel::Place)
            } else if let Some(l) = context_label(doc, span) {
                Some(l)
            } else if role.is_none()
                && words == 2
                && place_of(last).is_some_and(|p| p.kind == lexicon::PlaceKind::City)
                && !lexicon::is_first_name(first)
                && lexicon::demonym(first).is_none()
            {
                // "Real Madrid", "Inter Miami": a club named after its city.
                Some(EntityLabel::Org)
            } else if role.is_some() || lexicon::is_first_name(first) {
                Some(EntityLabel::Person)
            } else if pieces.iter().any(|p| p.allcaps)
                || place_of(first).is_some()
                || lexicon::demonym(first).is_some()
            {
                Some(EntityLabel::Org)
            } else if strict_capitals(doc) {
                // German capitalizes every noun: capitals alone say nothing.
                None
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
    }
    out
}

/// Cuts a run where one name ends and another begins: at "and" in a list
/// ("Tajikistan and Kyrgyzstan", but not "Competition and Markets Authority"), and
/// between an organisation and a title ("European Commission | President Ursula von der Leyen").
fn split_run(text: &str, pieces: &[Piece]) -> Vec<Vec<Piece>> {
    let w = |p: &Piece| p.span.of(text);
    let last = w(&pieces[pieces.len() - 1]);
    let whole = cover(pieces).of(text);
    let org_of = pieces.windows(2).any(|x| {
        cues::is_org_head(w(&x[0])) && x[1].connector && matches!(w(&x[1]), "of" | "for" | "on")
    });
    // "Competition and Markets Authority" is one name; "Gazprom and China National
    // Petroleum Corporation" two.
    let before_and = pieces
        .iter()
        .position(|p| p.connector && matches!(w(p), "and" | "&"))
        .and_then(|i| i.checked_sub(1))
        .map(|i| w(&pieces[i]).to_lowercase());
    let joined_words = before_and
        .as_deref()
        .is_some_and(lexicon::is_dictionary_word);
    let keep_and =
        place_of(whole).is_some() || (cues::is_org_suffix(last) && joined_words) || org_of;
    let mut parts: Vec<Vec<Piece>> = vec![Vec::new()];
    for p in pieces {
        if p.connector && matches!(w(p), "and" | "&") && !keep_and {
            parts.push(Vec::new());
        } else {
            parts.last_mut().expect("one part").push(p.clone());
        }
    }
    let mut out = Vec::new();
    for part in parts.into_iter().filter(|p| !p.is_empty()) {
        // A title after something that is not a demonym or a place.
        let t = part
            .iter()
            .position(|p| !p.connector && cues::is_title(w(p)));
        let mut c = t.unwrap_or(0);
        while c > 0 && cues::is_title_modifier(w(&part[c - 1])) && !part[c - 1].connector {
            c -= 1;
        }
        let qualifier = |p: &Piece| lexicon::demonym(w(p)).is_some() || place_of(w(p)).is_some();
        let prefix_is_qualifier = part[..c].iter().all(qualifier)
            || (c == 2 && lexicon::demonym(cover(&part[..2]).of(text)).is_some());
        let name_after = t.is_some_and(|t| {
            part[t + 1..]
                .iter()
                .any(|p| !p.connector && !cues::is_title(w(p)) && !cues::is_title_modifier(w(p)))
        });
        if c > 0 && !prefix_is_qualifier && name_after {
            let (a, b) = part.split_at(c);
            out.push(a.to_vec());
            out.push(b.to_vec());
        } else {
            out.push(part);
        }
    }
    for p in &mut out {
        while p.first().is_some_and(|x| x.connector) {
            p.remove(0);
        }
        while p.last().is_some_and(|x| x.connector) {
            p.pop();
        }
    }
    out.retain(|p| !p.is_empty());
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
    let label = if place_of(w).is_some() || matches!(w, "West" | "East" | "Arctic" | "Antarctic") {
        Some(EntityLabel::Place)
    } else if let Some(l) = context_label(doc, p.span) {
        Some(l)
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

/// Whether the language capitalizes common nouns (German), so that an unknown
/// capitalized word is no evidence of a name.
pub fn strict_capitals(doc: &Doc) -> bool {
    doc.language
        .is_some_and(|l| l == "de" || l.starts_with("de-"))
}

/// A label from the words around: "the Zaporizhzhia region", "the island of Rhodes",
/// "the Georgian Dream party".
fn context_label(doc: &Doc, span: Span) -> Option<EntityLabel> {
    let toks = &doc.seg.tokens;
    let i = doc.seg.token_at(span.end);
    let j = doc.seg.token_at(span.start);
    let word = |k: usize| {
        toks.get(k)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.span.of(doc.text))
    };
    if let Some(n) = word(i) {
        if cues::is_place_noun(n) {
            return Some(EntityLabel::Place);
        }
        if cues::is_org_noun(n) {
            return Some(EntityLabel::Org);
        }
    }
    let of = j.checked_sub(1).and_then(word);
    let head = j.checked_sub(2).and_then(word);
    if of == Some("of")
        && head.is_some_and(|h| cues::is_place_noun(h) && h != "state" && h != "border")
    {
        return Some(EntityLabel::Place);
    }
    None
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
