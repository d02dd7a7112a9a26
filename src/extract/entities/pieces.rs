//! Words to capitalized runs: the candidates the classifier labels.

use super::cues;
use crate::extract::Doc;
use crate::text::{Span, TokenKind};
use std::collections::HashSet;

/// One word of a candidate, trimmed of possessives and hyphen prefixes.
#[derive(Clone, Debug)]
pub struct Piece {
    pub span: Span,
    /// A lower-case joiner inside a run ("of", "von", "&").
    pub connector: bool,
    /// Written in capitals only ("CSTO", "U.S.").
    pub allcaps: bool,
    /// The first word of its sentence (or of a quote, a list item).
    pub initial: bool,
}

/// A run of capitalized pieces with the connectors kept between them.
#[derive(Clone, Debug)]
pub struct Run {
    pub pieces: Vec<Piece>,
    /// Token index of the first piece, and one past the last.
    pub first_tok: usize,
    pub end_tok: usize,
}

/// What the whole document says about a capitalized word.
#[derive(Debug, Default)]
pub struct Evidence {
    /// Words written capitalized somewhere other than a sentence start or a headline.
    pub mid_caps: HashSet<String>,
    /// Which sentences are headlines.
    pub headlines: Vec<bool>,
    /// Words written in lower case somewhere.
    pub lower: HashSet<String>,
}

impl Evidence {
    pub fn gather(doc: &Doc) -> Evidence {
        let mut ev = Evidence::default();
        for i in 0..doc.seg.sentences.len() {
            let headline = is_headline(doc, i);
            ev.headlines.push(headline);
            let toks = doc.seg.sentence_tokens(i);
            let mut initial = true;
            for (k, t) in toks.iter().enumerate() {
                let w = t.span.of(doc.text);
                if t.kind != TokenKind::Word {
                    initial = initial || opens(w) || w.ends_with(':') || (k == 0);
                    continue;
                }
                let core = strip_possessive(w).0;
                if core.chars().next().is_some_and(char::is_uppercase) {
                    if !initial && !headline && !ev.mid_caps.contains(core) {
                        ev.mid_caps.insert(core.to_string());
                    }
                } else if !ev.lower.contains(core) {
                    ev.lower.insert(core.to_string());
                }
                initial = false;
            }
        }
        ev
    }
}

fn opens(p: &str) -> bool {
    matches!(
        p,
        "\"" | "(" | ":" | "•" | "*" | "«" | "'" | "-" | "[" | "#" | "|" | ">"
    )
}

/// `("Russia", true)` for "Russia's", `("Ukraine", false)` for "Ukraine".
pub fn strip_possessive(w: &str) -> (&str, bool) {
    for suffix in ["'s", "'S", "s'"] {
        if w.len() > suffix.len() + 1 && w.ends_with(suffix) {
            let keep = if suffix == "s'" {
                w.len() - 1
            } else {
                w.len() - 2
            };
            return (&w[..keep], true);
        }
    }
    if w.len() > 1 && w.ends_with('\'') {
        return (&w[..w.len() - 1], true);
    }
    (w, false)
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_allcaps(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && w.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

/// A title-case line: "Russia Ally Kazakhstan Blocks Ukraine Peace Rally".
pub fn is_headline(doc: &Doc, i: usize) -> bool {
    let toks = doc.seg.sentence_tokens(i);
    let words: Vec<&str> = toks
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.span.of(doc.text))
        .collect();
    let long: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().count() >= 4 && !crate::lexicon::is_stopword(&w.to_lowercase()))
        .collect();
    if long.len() < 3 || words.len() > 20 {
        return false;
    }
    let caps = long.iter().filter(|w| is_cap(w)).count();
    let ends = doc.seg.sentences[i].span.of(doc.text).trim_end();
    caps * 5 >= long.len() * 4 && !ends.ends_with('.') || caps == long.len() && long.len() >= 4
}

/// The capitalized runs of sentence `i`.
pub fn runs(doc: &Doc, i: usize) -> Vec<Run> {
    let text = doc.text;
    let sentence = &doc.seg.sentences[i];
    let toks = &doc.seg.tokens[sentence.first_token..sentence.end_token];
    let mut out = Vec::new();
    let mut cur: Vec<Piece> = Vec::new();
    let mut first_tok = 0;
    let mut pending: Vec<Piece> = Vec::new();
    let mut initial = true;
    let close = |cur: &mut Vec<Piece>,
                 pending: &mut Vec<Piece>,
                 out: &mut Vec<Run>,
                 first: usize,
                 end: usize| {
        pending.clear();
        if !cur.is_empty() {
            out.push(Run {
                pieces: std::mem::take(cur),
                first_tok: first,
                end_tok: end,
            });
        }
    };
    for (k, t) in toks.iter().enumerate() {
        let ti = sentence.first_token + k;
        let w = t.span.of(text);
        match t.kind {
            TokenKind::Word => {}
            TokenKind::Punct if w == "&" && !cur.is_empty() => {
                pending.push(Piece {
                    span: t.span,
                    connector: true,
                    allcaps: false,
                    initial: false,
                });
                continue;
            }
            TokenKind::Punct if w == "." && !cur.is_empty() && pending.is_empty() => {
                // "J. Smith", "Mr. Smith": the period belongs to the abbreviation.
                let last = cur.last_mut().expect("non-empty");
                let lw = last.span.of(text);
                if last.span.end == t.span.start
                    && (lw.chars().count() == 1 || cues::is_title(lw))
                    && toks.get(k + 1).is_some_and(|n| is_cap(n.span.of(text)))
                {
                    last.span.end = t.span.end;
                    continue;
                }
                close(&mut cur, &mut pending, &mut out, first_tok, ti);
                continue;
            }
            _ => {
                close(&mut cur, &mut pending, &mut out, first_tok, ti);
                initial = initial || opens(w) || w.ends_with(':') || k == 0;
                continue;
            }
        }
        let was_initial = std::mem::replace(&mut initial, false);
        let (core, possessive) = strip_possessive(w);
        let mut span = Span::new(t.span.start, t.span.start + core.len());
        let mut boundary_before = false;
        let mut boundary_after = possessive;
        if core.contains('-') {
            let parts: Vec<&str> = core.split('-').collect();
            let first = parts[0];
            if is_cap(first) {
                // Only when the rest is a word: "Moscow-led", not "Lai Ching-te".
                let compound = |p: &&str| {
                    !p.is_empty()
                        && !is_cap(p)
                        && !cues::is_particle(p)
                        && ((p.len() >= 3 && crate::lexicon::is_dictionary_word(p))
                            || p.ends_with("ed")
                            || p.ends_with("ing"))
                };
                if parts[1..].iter().any(compound) {
                    // "Moscow-led", "Russia-backed": only the name.
                    span.end = span.start + first.len();
                    boundary_after = true;
                }
            } else if !cues::is_particle(first) {
                // "pro-Tokayev", "anti-Putin": the name after the prefix.
                match core.find(|c: char| c.is_uppercase()) {
                    Some(at) if core[..at].ends_with('-') => {
                        span.start += at;
                        boundary_before = true;
                    }
                    _ => {}
                }
            }
        }
        let piece_text = span.of(text);
        // "al-Burhan", "el-Sisi": a particle glued to a name.
        let particle_name = piece_text
            .split_once('-')
            .is_some_and(|(a, b)| cues::is_particle(a) && is_cap(b));
        if !is_cap(piece_text) && !particle_name {
            let lw = piece_text;
            let joiner = cues::is_particle(lw) || matches!(lw, "of" | "for" | "and" | "on" | "the");
            if joiner && !cur.is_empty() && pending.len() < 3 {
                pending.push(Piece {
                    span,
                    connector: true,
                    allcaps: false,
                    initial: false,
                });
            } else {
                close(&mut cur, &mut pending, &mut out, first_tok, ti);
            }
            continue;
        }
        let piece = Piece {
            span,
            connector: false,
            allcaps: is_allcaps(piece_text),
            initial: was_initial,
        };
        if boundary_before {
            close(&mut cur, &mut pending, &mut out, first_tok, ti);
        }
        if !cur.is_empty() && !pending.is_empty() && !joins(text, &cur, &pending, &piece) {
            close(&mut cur, &mut pending, &mut out, first_tok, ti);
        }
        if cur.is_empty() {
            first_tok = ti;
        }
        cur.append(&mut pending);
        cur.push(piece);
        if boundary_after {
            close(&mut cur, &mut pending, &mut out, first_tok, ti + 1);
        }
    }
    close(
        &mut cur,
        &mut pending,
        &mut out,
        first_tok,
        sentence.end_token,
    );
    out
}

/// Whether `run` + `conn` + `next` is one name.
fn joins(text: &str, run: &[Piece], conn: &[Piece], next: &Piece) -> bool {
    let words: Vec<&str> = conn.iter().map(|p| p.span.of(text)).collect();
    let last = run[run.len() - 1].span.of(text);
    let head = run
        .iter()
        .find(|p| !p.connector)
        .map(|p| p.span.of(text))
        .unwrap_or(last);
    let orgish = |w: &str| cues::is_org_head(w) || cues::is_org_suffix(w) || cues::is_place_head(w);
    let has_of = run
        .iter()
        .any(|p| p.connector && matches!(p.span.of(text), "of" | "for" | "on"));
    let next_w = next.span.of(text);
    match words.as_slice() {
        ["&"] => true,
        ["of"] | ["of", "the"] => {
            orgish(last) || cues::is_title(last) || matches!(last, "States" | "Secretary" | "Bank")
        }
        ["for"] | ["on"] | ["for", "the"] | ["on", "the"] => {
            cues::is_org_head(last) || cues::is_org_suffix(last) || cues::is_org_head(head)
        }
        // Lists are cut again by the classifier unless the whole is one name.
        ["and"] => {
            let _ = (has_of, next_w, head);
            true
        }
        ["the"] | ["and", "the"] => false,
        ws => ws.iter().all(|w| cues::is_particle(w)) && crate::lexicon::place(last).is_none(),
    }
}
