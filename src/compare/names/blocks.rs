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
//! Blocks are keyed by a 64-bit polynomial hash of (label, kind, string); a
//! collision only adds a candidate, which the rule then checks and rejects.

use super::spelling::{person_bound, spelling_bound, Spelling};
use crate::extract::EntityLabel;
use crate::text::hash::FastMap;

/// The names of one block, in order: most blocks hold one, and need no `Vec`.
struct Block {
    first: usize,
    rest: Vec<usize>,
}

impl Block {
    fn last(&self) -> usize {
        self.rest.last().copied().unwrap_or(self.first)
    }

    /// The block's names after name `i`, one of them.
    fn after(&self, i: usize) -> &[usize] {
        if i == self.first {
            &self.rest
        } else {
            &self.rest[self.rest.partition_point(|&j| j <= i)..]
        }
    }
}

/// The candidate pairs `(i, j)`, `i < j`, sorted, without repeats, of names.
///
/// The pairs are made name by name: each name's partners after it, from
/// every block it is in, without repeats and in order. Large blocks (a
/// country's places share many deletion keys) meet the same two names in
/// many blocks; listing every block's pairs and sorting them all cost more
/// than the rules that judge them.
pub(super) fn candidate_pairs(names: &[Spelling]) -> Vec<(usize, usize)> {
    // Every name's keys first, so that the map is sized once for them all
    // (at most one block a key) instead of growing through a dozen rehashes.
    let mut keys = Vec::new();
    let mut ends = Vec::with_capacity(names.len());
    for name in names {
        block_keys(name, &mut keys);
        ends.push(keys.len());
    }
    // Each key's block by number; a block's names in order, and so the
    // names after any one of them a tail of the block.
    // The keys are hashes already: Fx's one multiply is hash enough.
    let mut block_of: FastMap<u64, usize> =
        FastMap::with_capacity_and_hasher(keys.len(), Default::default());
    let mut blocks: Vec<Block> = Vec::with_capacity(keys.len());
    let mut start = 0;
    for (i, &end) in ends.iter().enumerate() {
        for k in &mut keys[start..end] {
            let b = *block_of.entry(*k).or_insert_with(|| {
                blocks.push(Block {
                    first: i,
                    rest: Vec::new(),
                });
                blocks.len() - 1
            });
            // A name's keys come one after another: a repeated key finds the name last.
            if blocks[b].last() != i {
                blocks[b].rest.push(i);
            }
            *k = b as u64;
        }
        start = end;
    }
    let mut pairs = Vec::new();
    // The last name whose partners listed each name, plus one.
    let mut listed_for = vec![0; names.len()];
    let mut partners = Vec::new();
    let mut start = 0;
    for (i, &end) in ends.iter().enumerate() {
        for &b in &keys[start..end] {
            for &j in blocks[b as usize].after(i) {
                if listed_for[j] != i + 1 {
                    listed_for[j] = i + 1;
                    partners.push(j);
                }
            }
        }
        crate::text::sort::all(&mut partners);
        pairs.extend(partners.drain(..).map(|j| (i, j)));
        start = end;
    }
    pairs
}

/// The block keys of one name, added to `out`, maybe with repeats.
fn block_keys(name: &Spelling, out: &mut Vec<u64>) {
    let label = name.label;
    let tag = label as u8;
    out.push(hash(tag, b'k', &name.key));
    // `same_name` compares Cyrillic names by their Latin spelling: so do the blocks.
    for p in [name.place_as_written, name.place_in_latin]
        .into_iter()
        .flatten()
    {
        out.push(hash(tag, b'g', p.canonical));
    }
    let (text, bound): (&str, fn(usize) -> usize) = if label == EntityLabel::Person {
        match name.tokens.as_slice() {
            [_, .., surname] => (surname, person_bound),
            _ => return,
        }
    } else {
        (&name.key, spelling_bound)
    };
    let k = bound(text.chars().count());
    let suffixes = Suffixes::of(text);
    suffixes.deletion_hashes(start(tag, b'd'), 0, k, out);
}

/// The hash of every suffix of a text and the powers of the base up to its
/// length: with them, the hash of a string left after deleting some chars is
/// made in constant time from the hash of what precedes the first deletion
/// still to come, instead of hashing the string.
struct Suffixes<'t> {
    text: &'t str,
    /// `hash[x]`: the hash from 0 of the text's bytes from `x` on.
    hash: Vec<u64>,
    /// `power[m]`: the base to the `m`.
    power: Vec<u64>,
}

impl<'t> Suffixes<'t> {
    fn of(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let n = bytes.len();
        let power: Vec<u64> = std::iter::successors(Some(1u64), |p| Some(p.wrapping_mul(BASE)))
            .take(n + 1)
            .collect();
        let mut hash = vec![0; n + 1];
        for x in (0..n).rev() {
            hash[x] = u64::from(bytes[x])
                .wrapping_mul(power[n - 1 - x])
                .wrapping_add(hash[x + 1]);
        }
        Suffixes { text, hash, power }
    }

    /// The hash `before` continued over the text from byte `x` on.
    fn continued(&self, before: u64, x: usize) -> u64 {
        let rest = self.text.len() - x;
        before
            .wrapping_mul(self.power[rest])
            .wrapping_add(self.hash[x])
    }

    /// The block keys (kind `d`) of every string left after deleting at
    /// most `k` chars of the text from byte `x` on, each the hash `before`
    /// continued over that string; the same keys, in the same order, as
    /// hashing each string of [`deletions`] after `before`, without building
    /// them. Deletions go left to right, so each deletion's hash of what
    /// precedes it is made once and shared by every string that deletes
    /// more after it.
    fn deletion_hashes(&self, before: u64, x: usize, k: usize, out: &mut Vec<u64>) {
        out.push(self.continued(before, x));
        if k == 0 {
            return;
        }
        let mut kept = before;
        for (i, c) in self.text[x..].char_indices() {
            let (start, after) = (x + i, x + i + c.len_utf8());
            // The last deletion's strings are most of them: pushed here, not by a call each.
            if k == 1 {
                out.push(self.continued(kept, after));
            } else {
                self.deletion_hashes(kept, after, k - 1, out);
            }
            kept = poly(kept, &self.text.as_bytes()[start..after]);
        }
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

/// The hash of the label, the kind of key and the string.
fn hash(label: u8, kind: u8, s: &str) -> u64 {
    poly(start(label, kind), s.as_bytes())
}

/// The hash state after the label and the kind of key.
fn start(label: u8, kind: u8) -> u64 {
    poly(0xcbf2_9ce4_8422_2325, &[label, kind])
}

/// The base of the polynomial hash (the FNV prime: odd, and large).
const BASE: u64 = 0x0100_0000_01b3;

/// The hash state `h` continued over `bytes`: a polynomial in the base,
/// whose state after a string `xy` is its state after `x` times the base
/// to the length of `y`, plus that of `y` from 0 ([`Suffixes`]).
fn poly(h: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(h, |h, &b| h.wrapping_mul(BASE).wrapping_add(u64::from(b)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::same_name;
    use EntityLabel::{Org, Person, Place};

    /// [`candidate_pairs`] of names, spelled as the linking spells them.
    fn pairs_of(names: &[(EntityLabel, &str)]) -> Vec<(usize, usize)> {
        let spelled: Vec<Spelling> = names
            .iter()
            .map(|&(label, name)| Spelling::of(name, label))
            .collect();
        candidate_pairs(&spelled)
    }

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
            let chars: Vec<char> = word.chars().collect();
            let mut strings = Vec::new();
            deletions(&chars, k, 0, &mut strings);
            let want: Vec<u64> = strings.iter().map(|s| hash(3, b'd', s)).collect();
            let mut got = Vec::new();
            Suffixes::of(word).deletion_hashes(start(3, b'd'), 0, k, &mut got);
            assert_eq!(got, want, "{word}");
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
        let candidates = pairs_of(&names);
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
            let pairs = pairs_of(&[(label, cols[1]), (label, cols[2])]);
            assert_eq!(pairs, vec![(0, 1)], "{} / {}", cols[1], cols[2]);
            checked += 1;
        }
        assert!(checked > 20, "{checked}");
    }
}
