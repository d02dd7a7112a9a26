//! Blocking for the linking rules: which pairs of a batch's distinct names
//! could [`same_name`](super::same_name) join, found without comparing every
//! pair.
//!
//! Each name gets a few block keys; two names are candidates when they share
//! one. The keys are exact for the rules they stand for, so blocking loses
//! no join:
//!
//! - the name's transliteration key (equal keys, or equal folded spellings);
//! - a place's gazetteer entry (one place under two names);
//! - the deletion neighbourhood of the key (of a person's surname, the rest's
//!   whole key): every string left after deleting up to as many letters as
//!   the edit bound for that length allows. Two strings within edit distance
//!   `k` always share a string reachable by at most `k` deletions from each
//!   (a substitution is a deletion on both sides), so every pair within the
//!   bound meets in some block.
//!
//! Blocks are keyed by a 64-bit hash of (label, kind, string); a collision
//! only adds a candidate, which the rule then checks and rejects.

use super::spelling::{person_bound, spelling_bound, tokens};
use crate::extract::EntityLabel;
use crate::lexicon;
use std::collections::HashMap;

/// The candidate pairs `(i, j)`, `i < j`, sorted, without repeats, of names
/// given as `(label, name)`.
pub(super) fn candidate_pairs(names: &[(EntityLabel, &str)]) -> Vec<(usize, usize)> {
    let mut blocks: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, &(label, name)) in names.iter().enumerate() {
        for k in block_keys(label, name) {
            let members = blocks.entry(k).or_default();
            if members.last() != Some(&i) {
                members.push(i);
            }
        }
    }
    let mut pairs = Vec::new();
    for members in blocks.values() {
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                pairs.push((i.min(j), i.max(j)));
            }
        }
    }
    crate::text::sort::all(&mut pairs);
    pairs.dedup();
    pairs
}

/// The block keys of one name.
fn block_keys(label: EntityLabel, name: &str) -> Vec<u64> {
    let tag = label as u8;
    // `same_name` compares Cyrillic names by their Latin spelling: so do the blocks.
    let written = name;
    let name = &*crate::text::latin(name);
    // The key is the tokens joined by a space (`spelling::key`): fold once.
    let mut t = tokens(name);
    let key = t.join(" ");
    let mut out = vec![hash(tag, b'k', &key)];
    if label == EntityLabel::Place {
        for p in [lexicon::place(written), lexicon::place(name)]
            .into_iter()
            .flatten()
        {
            out.push(hash(tag, b'g', p.canonical));
        }
    }
    let (text, bound): (String, fn(usize) -> usize) = if label == EntityLabel::Person {
        if t.len() < 2 {
            return out;
        }
        (t.pop().unwrap_or_default(), person_bound)
    } else {
        (key, spelling_bound)
    };
    let mut chars: Vec<char> = text.chars().collect();
    let k = bound(chars.len());
    deletion_hashes(&mut chars, k, 0, tag, &mut out);
    crate::text::sort::all(&mut out);
    out.dedup();
    out
}

/// The block keys (kind `d`) of every string left after deleting at most
/// `k` chars of `chars`, deleting only at positions from `from` on; the same
/// keys as hashing each string of [`deletions`], without building them.
/// `chars` is restored before returning.
fn deletion_hashes(chars: &mut Vec<char>, k: usize, from: usize, tag: u8, out: &mut Vec<u64>) {
    out.push(hash_chars(tag, b'd', chars));
    if k == 0 {
        return;
    }
    for i in from..chars.len() {
        let c = chars.remove(i);
        deletion_hashes(chars, k - 1, i, tag, out);
        chars.insert(i, c);
    }
}

/// Every string left after deleting at most `k` chars of `chars`, deleting
/// only at positions from `from` on (so each set of positions is made once).
#[cfg(test)]
fn deletions(chars: &[char], k: usize, from: usize, out: &mut Vec<String>) {
    out.push(chars.iter().collect());
    if k == 0 {
        return;
    }
    for i in from..chars.len() {
        let mut shorter = chars.to_vec();
        shorter.remove(i);
        deletions(&shorter, k - 1, i, out);
    }
}

/// FNV-1a of the label, the kind of key and the string.
fn hash(label: u8, kind: u8, s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in [label, kind].iter().chain(s.as_bytes()) {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// [`hash`] of the string made of `chars`.
fn hash_chars(label: u8, kind: u8, chars: &[char]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut step = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    step(label);
    step(kind);
    let mut buf = [0u8; 4];
    for c in chars {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            step(b);
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::same_name;
    use EntityLabel::{Org, Person, Place};

    #[test]
    fn deletions_reach_every_string_within_the_bound() {
        let mut v = Vec::new();
        deletions(&"abcd".chars().collect::<Vec<_>>(), 1, 0, &mut v);
        crate::text::sort::all(&mut v);
        assert_eq!(v, ["abc", "abcd", "abd", "acd", "bcd"]);
    }

    #[test]
    fn deletion_hashes_are_the_hashes_of_the_deletions() {
        for (word, k) in [("abcd", 1), ("tokaiev", 2), ("čipperfild", 2), ("", 1)] {
            let mut chars: Vec<char> = word.chars().collect();
            let mut strings = Vec::new();
            deletions(&chars, k, 0, &mut strings);
            let want: Vec<u64> = strings.iter().map(|s| hash(3, b'd', s)).collect();
            let mut got = Vec::new();
            deletion_hashes(&mut chars, k, 0, 3, &mut got);
            assert_eq!(got, want, "{word}");
            assert_eq!(chars.iter().collect::<String>(), word);
        }
    }

    #[test]
    fn every_pair_that_same_name_joins_is_a_candidate() {
        let names = [
            (Person, "Alnour Iliachev"),
            (Person, "Alnur Ilyashev"),
            (Person, "Qasim Jomart Tokayev"),
            (Person, "Kassym-Jomart Tokayev"),
            (Person, "Raúl Castro"),
            (Person, "Fidel Castro"),
            (Place, "Kazakhastan"),
            (Place, "Kazakhstan"),
            (Place, "Kiev"),
            (Place, "Kyiv"),
            (Org, "World Health Organization"),
            (Org, "World Helth Organisation"),
            (Org, "Ministry of Interior"),
            (Person, "Tokayev"),
            (Person, "David Chipperfield"),
            (Person, "Дэвид Чипперфилд"),
            (Person, "Карим Бензема"),
            (Person, "Карім Бензема"),
            (Place, "Германия"),
            (Place, "Germany"),
        ];
        let candidates = candidate_pairs(&names);
        for i in 0..names.len() {
            for j in i + 1..names.len() {
                let (x, y) = (names[i], names[j]);
                if x.0 == y.0 && same_name(x.1, y.1, x.0).is_some() {
                    assert!(candidates.contains(&(i, j)), "{} / {}", x.1, y.1);
                }
            }
        }
        // Names in two scripts meet.
        assert!(candidates.contains(&(14, 15)), "{candidates:?}");
        // And far fewer than all pairs.
        assert!(candidates.len() < names.len() * (names.len() - 1) / 4);
    }

    #[test]
    fn every_variant_pair_that_same_name_joins_is_a_candidate() {
        let rows = include_str!("../../../tests/eval/aliases/variants.tsv");
        let mut checked = 0;
        for row in rows
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let cols: Vec<&str> = row.split('\t').collect();
            let label = match cols[0] {
                "PERSON" => Person,
                "ORG" => Org,
                _ => Place,
            };
            if same_name(cols[1], cols[2], label).is_none() {
                continue;
            }
            let pairs = candidate_pairs(&[(label, cols[1]), (label, cols[2])]);
            assert_eq!(pairs, vec![(0, 1)], "{} / {}", cols[1], cols[2]);
            checked += 1;
        }
        assert!(checked > 20, "{checked}");
    }
}
