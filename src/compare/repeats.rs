//! The greedy one-to-one matching of two articles' items (aligned
//! sentences, statements, quotes, figures) where items repeat: a text that gives one sentence
//! `k` times, compared with one that gives it `k` times too, has `k * k`
//! pairs of it, all alike. The items are grouped by what the matching reads
//! of them, the pairs of groups scored once, and the greedy matching played
//! out over the groups' members as it would go over every pair of them.

use crate::text::hash::FastMap;

/// Fewer items than this are not worth grouping: each is its own group
/// ([`alone`]), which the matching plays out as it would their groups.
pub(super) const GROUPED_FROM: usize = 32;

/// Each of the items `present` marks in a group of its own.
pub(super) fn alone(present: impl IntoIterator<Item = bool>) -> Vec<Vec<u32>> {
    (present.into_iter().enumerate())
        .filter(|(_, present)| *present)
        .map(|(i, _)| vec![i as u32])
        .collect()
}

/// The 64-bit key of an item for [`group`], made of its parts: each part's
/// bytes read eight at a time, each word and the part's length multiplied
/// into the key, the whole mixed at the end. Two items with different parts
/// share a key with odds of about one in 10^19.
pub(super) struct Key(u64);

impl Key {
    pub(super) fn new() -> Key {
        Key(0xcbf2_9ce4_8422_2325)
    }

    fn word(self, w: u64) -> Key {
        Key((self.0 ^ w)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(29))
    }

    pub(super) fn bytes(self, bytes: &[u8]) -> Key {
        let mut words = bytes.chunks_exact(8);
        let mut key = (words.by_ref()).fold(self, |k, w| {
            k.word(u64::from_le_bytes(w.try_into().unwrap_or_default()))
        });
        let mut last = [0u8; 8];
        let rest = words.remainder();
        last[..rest.len()].copy_from_slice(rest);
        key = key.word(u64::from_le_bytes(last));
        key.word(bytes.len() as u64)
    }

    pub(super) fn str(self, s: &str) -> Key {
        self.bytes(s.as_bytes())
    }

    pub(super) fn u64(self, x: u64) -> Key {
        self.word(x)
    }

    pub(super) fn finish(self) -> u64 {
        let h = (self.0 ^ (self.0 >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^ (h >> 33)
    }
}

/// One 64-bit fingerprint of a set of words, whatever their order: the sum
/// of their [`Key`]s, so that no sorting is needed. Two sets that differ
/// share it with odds of about one in 10^19.
pub(super) fn fingerprint<'k>(words: impl IntoIterator<Item = &'k String>) -> u64 {
    (words.into_iter()).fold(0u64, |sum, w| sum.wrapping_add(Key::new().str(w).finish()))
}

/// The items with a key ([`Key`]) grouped by it: each group its items
/// ascending, the groups in the order of their first item. Items without a
/// key are in none.
pub(super) fn group(keys: impl IntoIterator<Item = Option<u64>>) -> Vec<Vec<u32>> {
    let mut group_of: FastMap<u64, u32> = FastMap::default();
    let mut groups: Vec<Vec<u32>> = Vec::new();
    for (i, key) in keys.into_iter().enumerate() {
        let Some(key) = key else { continue };
        let next = groups.len() as u32;
        let g = *group_of.entry(key).or_insert(next);
        if g == next {
            groups.push(Vec::new());
        }
        groups[g as usize].push(i as u32);
    }
    groups
}

/// Sorts `candidates`, pairs of groups, best first by `score`, and plays
/// out their matching ([`one_to_one`]); `groups_of` gives a candidate's
/// groups. Each match is `(member of a, member of b, the candidate it came
/// by)`, in the order made.
pub(super) fn matched<T>(
    candidates: &mut [T],
    score: impl Fn(&T) -> f64,
    groups_of: impl Fn(&T) -> (usize, usize),
    groups: (&[Vec<u32>], &[Vec<u32>]),
) -> Vec<(u32, u32, usize)> {
    crate::text::sort::by(candidates, |p, q| score(q).total_cmp(&score(p)));
    one_to_one(
        candidates.len(),
        |k| groups_of(&candidates[k]),
        |k, l| {
            score(&candidates[k])
                .total_cmp(&score(&candidates[l]))
                .is_eq()
        },
        groups,
    )
}

/// The greedy one-to-one matching of the members of `groups_a` with those
/// of `groups_b` that taking every pair of members best first would make
/// (equal scores by member of `a`, then of `b`), without listing those
/// pairs. `pairs`: how many pairs of groups there are, sorted best first;
/// `groups_of(k)`: the groups of pair `k`; `tied(k, l)`: whether pairs `k`
/// and `l` score the same. Each match is `(member of a, member of b, the
/// pair it came by)`, in the order made.
fn one_to_one(
    pairs: usize,
    groups_of: impl Fn(usize) -> (usize, usize),
    tied: impl Fn(usize, usize) -> bool,
    (groups_a, groups_b): (&[Vec<u32>], &[Vec<u32>]),
) -> Vec<(u32, u32, usize)> {
    let members = |groups: &[Vec<u32>]| {
        (groups.iter().flatten())
            .map(|&m| m as usize + 1)
            .max()
            .unwrap_or(0)
    };
    let mut used_a = vec![false; members(groups_a)];
    let mut used_b = vec![false; members(groups_b)];
    // Where in each of `b`'s groups its first member not yet matched is:
    // members are taken in ascending order, so the mark only moves forward.
    let mut first_free = vec![0usize; groups_b.len()];
    let mut out = Vec::new();
    let mut order: Vec<(u32, usize)> = Vec::new();
    let mut start = 0;
    while start < pairs {
        let mut end = start + 1;
        while end < pairs && tied(start, end) {
            end += 1;
        }
        // Within one score, by member of `a`: each takes the first free
        // member among its partner groups.
        order.clear();
        for k in start..end {
            order.extend(groups_a[groups_of(k).0].iter().map(|&i| (i, k)));
        }
        crate::text::sort::all(&mut order);
        for run in order.chunk_by(|x, y| x.0 == y.0) {
            let i = run[0].0;
            if used_a[i as usize] {
                continue;
            }
            let mut best: Option<(u32, usize)> = None;
            for &(_, k) in run {
                let g = groups_of(k).1;
                let members = &groups_b[g];
                while first_free[g] < members.len() && used_b[members[first_free[g]] as usize] {
                    first_free[g] += 1;
                }
                if let Some(&j) = members.get(first_free[g]) {
                    if best.is_none_or(|(b, _)| j < b) {
                        best = Some((j, k));
                    }
                }
            }
            if let Some((j, k)) = best {
                used_a[i as usize] = true;
                used_b[j as usize] = true;
                out.push((i, j, k));
            }
        }
        start = end;
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The greedy matching over every pair of members, best first, then
    /// by member of `a`, then of `b`.
    fn every_pair(
        scores: &[(usize, usize, u8)],
        (groups_a, groups_b): (&[Vec<u32>], &[Vec<u32>]),
    ) -> Vec<(u32, u32)> {
        let mut pairs: Vec<(u8, u32, u32)> = Vec::new();
        for &(ga, gb, score) in scores {
            for &i in &groups_a[ga] {
                for &j in &groups_b[gb] {
                    pairs.push((score, i, j));
                }
            }
        }
        pairs.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
        let (mut used_a, mut used_b) = (Vec::new(), Vec::new());
        let mut out = Vec::new();
        for (_, i, j) in pairs {
            if !used_a.contains(&i) && !used_b.contains(&j) {
                used_a.push(i);
                used_b.push(j);
                out.push((i, j));
            }
        }
        out.sort_unstable();
        out
    }

    proptest! {
        /// Played out over groups, the matching is the one every pair makes.
        #[test]
        fn groups_match_as_every_pair_of_members_would(
            keys_a in prop::collection::vec(prop::option::of(0u8..5), 0..14),
            keys_b in prop::collection::vec(prop::option::of(0u8..5), 0..14),
            scored in prop::collection::vec((0usize..5, 0usize..5, 0u8..3), 0..12),
        ) {
            let key = |k: Option<u8>| k.map(|k| Key::new().u64(u64::from(k)).finish());
            let (groups_a, groups_b) = (group(keys_a.into_iter().map(key)), group(keys_b.into_iter().map(key)));
            // One score per pair of groups, best first.
            let mut scores: Vec<(usize, usize, u8)> = Vec::new();
            for (ga, gb, score) in scored {
                let known = scores.iter().any(|&(x, y, _)| (x, y) == (ga, gb));
                if ga < groups_a.len() && gb < groups_b.len() && !known {
                    scores.push((ga, gb, score));
                }
            }
            scores.sort_by_key(|s| std::cmp::Reverse(s.2));
            let mut got: Vec<(u32, u32)> = one_to_one(
                scores.len(),
                |k| (scores[k].0, scores[k].1),
                |k, l| scores[k].2 == scores[l].2,
                (&groups_a, &groups_b),
            )
            .into_iter()
            .map(|(i, j, k)| {
                assert!(groups_a[scores[k].0].contains(&i) && groups_b[scores[k].1].contains(&j));
                (i, j)
            })
            .collect();
            got.sort_unstable();
            prop_assert_eq!(got, every_pair(&scores, (&groups_a, &groups_b)));
        }
    }

    #[test]
    fn items_group_by_key_in_order_of_first_item() {
        let key = |s: &str| Some(Key::new().str(s).finish());
        let groups = group([key("x"), None, key("y"), key("x"), key("y"), key("z")]);
        assert_eq!(groups, [vec![0, 3], vec![2, 4], vec![5]]);
    }
}
