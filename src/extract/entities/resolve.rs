//! In-article resolution: acronyms to their definitions, short names to full ones,
//! and a label for what is still open.

use super::classify::Candidate;
use super::cues;
use super::{EntityLabel, EntityMention};
use crate::extract::Doc;
use crate::text::TokenKind;
use std::collections::HashMap;

/// Surface text -> label, read from `doc`.
pub fn known_in(doc: &Doc, cands: &[Candidate]) -> HashMap<String, EntityLabel> {
    let mut m = HashMap::new();
    for c in cands {
        if let Some(l) = c.label {
            m.entry(c.span.of(doc.text).to_string()).or_insert(l);
        }
    }
    m
}

/// Whether `acr` can abbreviate `long`: every content word gives its initial,
/// and a word may give more letters ("EAEU", Eurasian Economic Union).
pub fn abbreviates(acr: &str, long: &str) -> bool {
    let a: Vec<char> = acr
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let words: Vec<Vec<char>> = long
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    *w,
                    "of" | "the" | "and" | "for" | "on" | "&" | "de" | "des" | "du" | "la"
                )
        })
        .map(|w| w.chars().flat_map(char::to_lowercase).collect())
        .collect();
    if a.len() < 2 || words.len() < 2 {
        return false;
    }
    // fits(i, w, k): acronym letters from i on, current word w, next letter to look at k in it.
    fn fits(a: &[char], words: &[Vec<char>], i: usize, w: usize) -> bool {
        if w == words.len() {
            return i == a.len();
        }
        if i == a.len() || words[w][0] != a[i] {
            return false;
        }
        // Take the initial, then possibly more letters of the same word, in order.
        let word = &words[w];
        let mut j = i + 1;
        let mut k = 1;
        if fits(a, words, j, w + 1) {
            return true;
        }
        while j < a.len() && k < word.len() {
            if word[k] == a[j] {
                j += 1;
                if fits(a, words, j, w + 1) {
                    return true;
                }
            }
            k += 1;
        }
        false
    }
    fits(&a, &words, 0, 0)
}

fn next_words<'a>(doc: &Doc<'a>, at: usize, n: usize) -> Vec<(&'a str, TokenKind)> {
    doc.seg.tokens[at.min(doc.seg.tokens.len())..]
        .iter()
        .take(n)
        .map(|t| (t.span.of(doc.text), t.kind))
        .collect()
}

/// Resolves names and open labels, returning the mentions.
pub fn resolve(doc: &Doc, cands: Vec<Candidate>) -> Vec<EntityMention> {
    let text = doc.text;
    let surface = |c: &Candidate| c.span.of(text).to_string();
    // Acronyms defined in parentheses, both ways round.
    let mut acronyms: HashMap<String, (String, EntityLabel)> = HashMap::new();
    for (i, c) in cands.iter().enumerate() {
        let Some(n) = cands.get(i + 1) else { continue };
        let between = &text[c.span.end..n.span.start];
        if between.trim() != "(" || !text[n.span.end..].trim_start().starts_with(')') {
            continue;
        }
        let (long, short) = if n.allcaps && c.words > 1 {
            (c, n)
        } else if c.allcaps && n.words > 1 {
            (n, c)
        } else {
            continue;
        };
        let (l, s) = (surface(long), surface(short));
        if abbreviates(&s, &l) {
            acronyms.insert(s, (l, long.label.unwrap_or(EntityLabel::Org)));
        }
    }
    // Acronyms used without a definition that abbreviate an organisation named in the article.
    for c in &cands {
        if c.allcaps
            && c.words == 1
            && c.label != Some(EntityLabel::Place)
            && !acronyms.contains_key(&surface(c))
        {
            let s = surface(c);
            let long = cands.iter().find(|o| {
                o.words > 1 && o.label == Some(EntityLabel::Org) && abbreviates(&s, &surface(o))
            });
            if let Some(o) = long {
                acronyms.insert(s, (surface(o), EntityLabel::Org));
            }
        }
    }
    // Full person names by their last word (and last two).
    let mut people: Vec<(usize, String)> = Vec::new();
    for c in &cands {
        if c.label == Some(EntityLabel::Person) && c.words > 1 {
            people.push((c.span.start, surface(c)));
        }
    }
    let person_for = |short: &str, at: usize| -> Option<String> {
        let fits = |full: &str| {
            let ends = full.len() > short.len()
                && full.ends_with(short)
                && full.as_bytes()[full.len() - short.len() - 1] == b' ';
            let starts = short.contains(' ')
                && full.len() > short.len()
                && full.starts_with(short)
                && full.as_bytes()[short.len()] == b' ';
            full != short && (ends || starts)
        };
        let before = people.iter().rev().find(|(s, f)| *s < at && fits(f));
        before
            .or_else(|| people.iter().find(|(_, f)| fits(f)))
            .map(|(_, f)| f.clone())
    };
    let known = known_in(doc, &cands);
    let mut out = Vec::new();
    for c in &cands {
        let s = surface(c);
        let mut label = c.label;
        let mut name = s.clone();
        if let Some((long, l)) = acronyms.get(&s) {
            if c.allcaps && label != Some(EntityLabel::Place) {
                name = long.clone();
                label = Some(*l);
            }
        }
        if label.is_none() || (label == Some(EntityLabel::Person) && c.words <= 2) {
            if let Some(full) = person_for(&s, c.span.start) {
                label = Some(EntityLabel::Person);
                name = full;
            }
        }
        if label.is_none() {
            label = known.get(&s).copied();
        }
        if label.is_none() && !c.allcaps && super::classify::strict_capitals(doc) {
            continue;
        }
        let label = label.unwrap_or_else(|| {
            let prev = c
                .first_tok
                .checked_sub(1)
                .map(|i| doc.seg.tokens[i].span.of(text));
            let next = next_words(doc, c.end_tok, 1);
            if prev.is_some_and(cues::is_place_preposition) && !c.allcaps {
                EntityLabel::Place
            } else if next.first().is_some_and(|(w, _)| cues::is_speech_verb(w))
                && !c.allcaps
                && prev.is_some_and(cues::is_role_noun)
            {
                EntityLabel::Person
            } else {
                EntityLabel::Org
            }
        });
        if label == EntityLabel::Person
            && c.role.is_none()
            && c.words == 1
            && name == s
            && c.allcaps
        {
            continue;
        }
        out.push(EntityMention {
            span: c.span,
            label,
            name,
            role: c.role.clone(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::abbreviates;

    #[test]
    fn acronyms() {
        let cases = [
            ("CSTO", "Collective Security Treaty Organization", true),
            ("EAEU", "Eurasian Economic Union", true),
            ("EEU", "Eurasian Economic Union", true),
            ("EU", "European Union", true),
            ("UN", "United Nations", true),
            ("NATO", "North Atlantic Treaty Organization", true),
            ("UN", "US State Department", false),
            ("US", "United Nations", false),
            ("EU", "Eurasian Economic Union", false),
        ];
        for (a, l, want) in cases {
            assert_eq!(abbreviates(a, l), want, "{a} / {l}");
        }
    }
}
