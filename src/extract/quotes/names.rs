//! The name index: the names an article gives, for lengthening short names
//! and resolving pronouns.

use super::super::{EntityLabel, EntityMention};
use super::lexicon::{has, is_particle, is_person_like, is_title};
use super::reading::{NameCase, Reading};
use super::speakers::{np_speaker, Speaker};
use crate::lexicon::lists::quotes::{ARTICLES, HONORIFICS, ORG_HEADS, ROLE_NOUNS};
use crate::text::{Span, TokenKind};
use std::collections::{HashMap, HashSet};

/// Names the article gives, for lengthening short names and resolving pronouns.
pub(super) struct NameIndex {
    /// Every capitalized run, cut after titles: its name, position, and
    /// whether its context says it is a person (a title or role before it,
    /// an apposition, a verb after it).
    pub(super) runs: Vec<(String, usize, bool)>,
    /// Where each run ends.
    pub(super) run_ends: Vec<usize>,
    /// Person entities: name and position.
    pub(super) entity_persons: Vec<(String, usize)>,
    /// Person-like full names (two to four words), lower-cased words and name, first seen first.
    pub(super) full: Vec<(Vec<String>, String)>,
    /// Indices into `full` by last and by first word.
    pub(super) by_last: HashMap<String, Vec<usize>>,
    pub(super) by_first: HashMap<String, Vec<usize>>,
}

impl NameIndex {
    pub(super) fn build(rd: &Reading, entities: &[EntityMention]) -> NameIndex {
        let entity_persons: Vec<(String, usize)> = entities
            .iter()
            .filter(|e| is_person_entity(e))
            .map(|e| (entity_name(e), e.span.start))
            .collect();
        let mut runs = Vec::new();
        let mut run_ends = Vec::new();
        let n = rd.len();
        let mut k = 0;
        while k < n {
            if !rd[k].is_cap() {
                k += 1;
                continue;
            }
            let s = k;
            let mut e = k;
            while e < n && rd[e].sentence == rd[s].sentence {
                let t = &rd[e];
                let honorific_dot =
                    t.text == "." && e > s && has(HONORIFICS, rd[e - 1].lower.as_str());
                let next_cap = rd.get(e + 1).is_some_and(|x| x.is_cap());
                let inner = e > s
                    && next_cap
                    && (is_particle(&t.lower) || t.lower == "of" && is_title(&rd[e - 1].lower));
                if t.is_cap() || honorific_dot || inner {
                    e += 1;
                    if t.lower.ends_with("'s") {
                        break;
                    }
                } else {
                    break;
                }
            }
            k = e.max(s + 1);
            let Some(Speaker { name, span }) = np_speaker(rd, s, e) else {
                continue;
            };
            if name.ends_with("'s") || name.ends_with('.') {
                continue;
            }
            let first = rd.at(span.start);
            let before = first.checked_sub(1).map(|p| &rd[p]);
            let after = rd.get(e);
            // "the Great Barrier Reef had suffered" is no person.
            let after_article = s > 0 && matches!(rd[s - 1].lower.as_str(), "the" | "a" | "an");
            let personish = !after_article
                && ((s..first).any(|j| is_title(&rd[j].lower))
                    || before
                        .is_some_and(|p| is_title(&p.lower) || has(ROLE_NOUNS, p.lower.as_str()))
                    || after.is_some_and(|a| a.text == ",")
                        && (before.is_some_and(|p| p.text == ",")
                            || rd.get(e + 1).is_some_and(|n| {
                                matches!(n.lower.as_str(), "a" | "an" | "the" | "who")
                                    || has(ROLE_NOUNS, n.lower.as_str())
                                    || n.kind == TokenKind::Number
                            }))
                    || after.is_some_and(|a| {
                        a.is_word()
                            && !a.is_cap()
                            && !matches!(
                                a.lower.as_str(),
                                "of" | "and" | "or" | "in" | "at" | "on" | "for" | "to"
                            )
                    }));
            runs.push((name, span.start, personish && is_person_like_text(rd, span)));
            run_ends.push(span.end);
        }
        let mut full: Vec<(Vec<String>, String)> = Vec::new();
        let mut seen = HashSet::new();
        let names = entity_persons
            .iter()
            .map(|(n, _): &(String, usize)| n.clone())
            .chain(runs.iter().map(|(n, _, _)| n.clone()));
        for n in names {
            let words: Vec<String> = n.split_whitespace().map(str::to_lowercase).collect();
            if (2..=4).contains(&words.len()) && is_person_like(&n) && seen.insert(n.clone()) {
                full.push((words, n));
            }
        }
        let mut by_last: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, (words, _)) in full.iter().enumerate() {
            by_last
                .entry(words[words.len() - 1].clone())
                .or_default()
                .push(i);
            by_first.entry(words[0].clone()).or_default().push(i);
        }
        NameIndex {
            runs,
            run_ends,
            entity_persons,
            full,
            by_last,
            by_first,
        }
    }

    /// The fullest form of `name` the article gives, among person-like names.
    pub(super) fn fullest(&self, name: &str) -> String {
        let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
        let Some(last) = name.split_whitespace().last() else {
            return name.to_string();
        };
        if !last.chars().next().is_some_and(char::is_uppercase) || words.len() > 3 {
            return name.to_string();
        }
        let mut best = name.to_string();
        let mut best_len = words.len();
        for &i in self
            .by_last
            .get(&words[words.len() - 1])
            .into_iter()
            .flatten()
        {
            let (fw, f) = &self.full[i];
            if fw.len() > best_len && fw.ends_with(&words) {
                best = f.clone();
                best_len = fw.len();
            }
        }
        // Surname first ("Cho" for "Cho Kyoo-hong").
        if best_len == words.len() && words.len() == 1 {
            for &i in self.by_first.get(&words[0]).into_iter().flatten() {
                let (fw, f) = &self.full[i];
                if fw.len() <= 3 && fw.len() > best_len {
                    best = f.clone();
                    best_len = fw.len();
                }
            }
        }
        best
    }
}

fn is_person_like_text(rd: &Reading, span: Span) -> bool {
    is_person_like(span.of(rd.text))
}

/// The name of a person entity without the titles and roles the recognizer
/// may have left in front ("Seismologist Hiroshi Tanaka", "Bahn-Personalvorstand
/// Martin Seiler", "Mr. Dujarric").
pub(super) fn entity_name(e: &EntityMention) -> String {
    let words: Vec<&str> = e.name.split_whitespace().collect();
    let mut s = 0;
    while s + 1 < words.len() {
        let w = words[s].to_lowercase();
        let w = w.trim_end_matches('.');
        if !(is_title(w) || has(HONORIFICS, w)) {
            break;
        }
        s += 1;
    }
    words[s..].join(" ")
}

/// Whether `e` is a person entity whose name can be a person's: the
/// recognizer also labels phrases opening with an article ("Die Grünen",
/// "La Vanguardia") and some places as persons, and those must not take a
/// pronoun ("sagte er").
pub(super) fn is_person_entity(e: &EntityMention) -> bool {
    let first = e
        .name
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    e.label == EntityLabel::Person
        && !has(ARTICLES, first.as_str())
        && crate::lexicon::place(&e.name).is_none()
        && !e
            .name
            .split_whitespace()
            .any(|w| has(ORG_HEADS, w.to_lowercase().as_str()))
}

/// Whether the person entity `e`, overlapping the speaker phrase `name` at
/// `sp`, is that speaker. An entity is not trusted over the phrase when it
/// covers only part of it ("the editor of Die Presse", "Southern Andes
/// Copper": the rest is more than an honorific or a particle), when it runs
/// past it (the quote module cut those words as titles), or when its name
/// does not contain the phrase's words (a mention linked to someone else).
pub(super) fn confirms(rd: &Reading, e: &EntityMention, name: &str, sp: Span) -> bool {
    if !sp.contains(e.span) {
        return false;
    }
    let a = rd.at(sp.start);
    let b = rd.at(sp.end);
    let extra_ok = (a..b).filter(|&k| !e.span.contains(rd[k].span)).all(|k| {
        let l = rd[k].lower.trim_end_matches('.');
        l.is_empty() || has(HONORIFICS, l) || is_particle(l) || is_title(l)
    });
    if !extra_ok {
        return false;
    }
    let en: HashSet<String> = entity_name(e)
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    name.split_whitespace()
        .map(|w| w.to_lowercase())
        .filter(|w| {
            let w = w.trim_end_matches('.');
            !has(HONORIFICS, w) && !is_title(w)
        })
        .all(|w| en.contains(&w))
}
