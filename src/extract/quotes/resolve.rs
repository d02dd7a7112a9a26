//! Resolution: short names lengthened, pronouns and entity mentions resolved.

use super::super::{EntityLabel, EntityMention};
use super::cues::sentence_subject;
use super::lexicon::{has, is_person_like, is_pronoun, pronoun, Pronoun};
use super::names::{confirms, entity_name, is_person_entity, NameIndex};
use super::reading::{NameCase, Reading};
use super::speakers::Speaker;
use super::{Found, QuoteKind};
use crate::lexicon::lists::quotes::{HONORIFICS, ROLE_NOUNS};
use crate::text::Span;
use std::collections::HashSet;

/// Lengthens short names, resolves pronouns and entity mentions.
pub(super) fn resolve(
    rd: &Reading,
    names: &NameIndex,
    entities: &[EntityMention],
    found: &mut [Found],
) {
    // Names known to be persons.
    let mut known: HashSet<String> = HashSet::new();
    for (n, _) in &names.entity_persons {
        known.insert(names.fullest(n).to_lowercase());
    }
    for (n, _, personish) in &names.runs {
        if *personish {
            known.insert(names.fullest(n).to_lowercase());
        }
    }
    // A full name also mentioned by its last word alone is a person's ("William Ruto" ... "Ruto").
    let singles: HashSet<String> = names
        .runs
        .iter()
        .filter(|(n, _, _)| !n.contains(' '))
        .map(|(n, _, _)| n.to_lowercase())
        .collect();
    for (n, _, _) in &names.runs {
        if is_person_like(n)
            && n.split_whitespace()
                .last()
                .is_some_and(|l| singles.contains(&l.to_lowercase()))
        {
            known.insert(n.to_lowercase());
        }
    }
    for f in found.iter_mut() {
        let Some(a) = f.attr.as_mut() else { continue };
        let Some(Speaker { name, span: sp }) = a.speaker.as_mut() else {
            continue;
        };
        if is_pronoun(&name.to_lowercase()) {
            continue;
        }
        if let Some(e) = entities
            .iter()
            .find(|e| e.span.overlaps(*sp) && e.label == EntityLabel::Person)
            .filter(|e| confirms(rd, e, name, *sp))
        {
            // An entity mention that is the speaker names it (lengthened,
            // "Van Dijk" is "Pieter van Dijk").
            *name = names.fullest(&entity_name(e));
        } else if !name.contains(' ') && name.chars().all(|c| !c.is_uppercase()) {
            // "the department": the last name ending in that word.
            if let Some((n, _, _)) = names.runs.iter().rev().find(|(n, at, _)| {
                *at < sp.start
                    && n.contains(' ')
                    && n.split_whitespace()
                        .last()
                        .is_some_and(|l| l.to_lowercase() == *name)
            }) {
                *name = n.clone();
            }
        } else {
            // Strip an honorific: "Mr. Dujarric".
            let words: Vec<&str> = name.split_whitespace().collect();
            let stripped: Vec<&str> = words
                .iter()
                .skip_while(|w| has(HONORIFICS, w.trim_end_matches('.').to_lowercase().as_str()))
                .copied()
                .collect();
            let base = if stripped.is_empty() {
                name.clone()
            } else {
                stripped.join(" ")
            };
            let full = names.fullest(&base);
            if full != base || stripped.len() != words.len() {
                *name = full;
            }
        }
        if is_person_like(name) {
            known.insert(name.to_lowercase());
        }
    }
    // Mentions of known persons, in text order. A person entity inside a
    // quote is talked about, not talking ("„Die Menschen wollen
    // Stabilität“, sagte er").
    let quoted: Vec<Span> = found
        .iter()
        .filter(|f| f.kind != QuoteKind::Indirect)
        .map(|f| f.content)
        .collect();
    let outside = |sp: Span| !quoted.iter().any(|q| q.contains(sp));
    let mut persons: Vec<(String, usize)> = entities
        .iter()
        .filter(|e| is_person_entity(e) && outside(e.span))
        .map(|e| (names.fullest(&entity_name(e)), e.span.start))
        .collect();
    let mut mention_spans: Vec<Span> = entities
        .iter()
        .filter(|e| is_person_entity(e) && outside(e.span))
        .map(|e| e.span)
        .collect();
    for (i, (n, at, _)) in names.runs.iter().enumerate() {
        let by_entity = entities
            .iter()
            .any(|e| e.label == EntityLabel::Person && e.span.start <= *at && *at < e.span.end);
        if by_entity {
            continue; // the entity's own name is already there
        }
        let full = names.fullest(n);
        if known.contains(&full.to_lowercase()) {
            persons.push((full, *at));
            mention_spans.push(Span::new(*at, names.run_ends[i]));
        }
    }
    for f in found.iter() {
        if let Some(Speaker { name: n, span: sp }) =
            f.attr.as_ref().and_then(|a| a.speaker.as_ref())
        {
            if known.contains(&n.to_lowercase()) {
                persons.push((n.clone(), sp.start));
            }
        }
    }
    // Subjects that describe a person without naming them: "A spokesman for
    // the Rapid Support Forces denied ...", for a "he" that follows.
    for (sa, se) in rd.sentences() {
        let mut k = sa;
        while k < se && k < sa + 3 && !has(ROLE_NOUNS, rd[k].lower.as_str()) {
            let l = rd[k].lower.as_str();
            if !(matches!(l, "a" | "an" | "the" | "one") || !rd[k].is_cap() && rd[k].is_word()) {
                break;
            }
            k += 1;
        }
        let role = rd.get(k).filter(|_| k < se && k < sa + 3);
        if role.is_some_and(|t| has(ROLE_NOUNS, t.lower.as_str()) && !t.is_cap()) {
            if let Some(Speaker {
                name: mut n,
                span: mut sp,
            }) = sentence_subject(rd, sa, se)
            {
                // "spokesman for the Rapid Support Forces"
                let e = rd.at(sp.end);
                if e < se && matches!(rd[e].lower.as_str(), "for" | "of" | "at") {
                    let mut f = e + 1;
                    if rd.is(f, "the") {
                        f += 1;
                    }
                    let g = f;
                    while f < se && rd[f].is_cap() {
                        f += 1;
                    }
                    if f > g {
                        sp = Span::new(sp.start, rd[f - 1].span.end);
                        n = sp.of(rd.text).to_string();
                    }
                }
                if !n.contains('"') {
                    mention_spans.push(sp);
                    persons.push((n, sp.start));
                }
            }
        }
    }
    persons.sort_by_key(|p| p.1);
    mention_spans.sort();
    // Organisations and groups quoted, for "it said", "they said".
    let others: Vec<(String, usize)> = found
        .iter()
        .filter_map(|f| f.attr.as_ref()?.speaker.as_ref())
        .filter(|s| {
            let l = s.name.to_lowercase();
            !is_pronoun(&l) && !known.contains(&l)
        })
        .map(|s| (s.name.clone(), s.span.start))
        .collect();
    // A quote continuing an earlier speaker, when another person was named
    // in between ("Smith disagreed. "That is wrong.""), is that person's.
    for f in found.iter_mut() {
        let Some(after) = f.continues else { continue };
        let Some(a) = f.attr.as_mut() else { continue };
        let Some(Speaker { name, span: sp }) = a.speaker.as_mut() else {
            continue;
        };
        if let Some((p, at)) = persons
            .iter()
            .rev()
            .find(|(_, at)| *at >= after && *at < f.span.start)
        {
            if !p.eq_ignore_ascii_case(name) {
                *name = p.clone();
                if let Some(m) = mention_spans.iter().find(|m| m.start == *at) {
                    *sp = *m;
                }
            }
        }
    }
    for f in found.iter_mut() {
        let Some(a) = f.attr.as_mut() else { continue };
        let Some(Speaker { name, span: sp }) = a.speaker.as_mut() else {
            continue;
        };
        let l = name.to_lowercase();
        let role = pronoun(&l);
        let personal = role == Some(Pronoun::Person);
        if !personal {
            // "it", "they": the last organisation or group quoted shortly before.
            let plural = role == Some(Pronoun::Group);
            // "es": German "it", not a subject pronoun of the list.
            if plural || role == Some(Pronoun::Thing) || l == "es" {
                let at = sp.start;
                if let Some((o, _)) = others
                    .iter()
                    .rev()
                    .find(|(o, p)| *p < at && at - *p < 600 && (!plural || o.ends_with('s')))
                {
                    *name = o.clone();
                }
            }
            continue; // "we" stays as written
        }
        if let Some((p, _)) = persons.iter().rev().find(|(_, at)| *at < sp.start) {
            *name = p.clone();
        }
    }
    let _ = rd;
}
