//! Which sets of one side may share enough items with which sets of the
//! other: the prefix filter of set-similarity joins (Chaudhuri, Ganti and
//! Kaushik 2006; Bayardo, Ma and Srikant 2007), so that matching the
//! sentences of two long reports reads the pairs that share a rare word
//! rather than every pair of sentences.
//!
//! Order every item by how many sets hold it, rarest first, and list each
//! set in that order. If two sets share at least `o` items, the first item
//! they share comes within the first `len - o + 1` items of each (the `o - 1`
//! others they share come after it). A matcher that needs a set of `n` items
//! to share at least `min_shared(n)` with its partner, whatever the partner,
//! so only has to look at the pairs whose such prefixes meet: every pair it
//! would accept is among them, and the frequent words, last in every list,
//! are left out of most prefixes.
//!
//! Words come as their 64-bit hashes (`align::hash_set`), as the alignment
//! already reads them: two words of one pair with the same hash (odds of
//! about one in 10^11 for ten thousand words) could hide a pair that
//! shares them.

use crate::text::hash::FastMap;

/// The join pays for its index once two sides make more pairs than this
/// many for each of their sets; below that, reading every pair costs less.
const PAIRS_PER_SET: usize = 64;

/// Which pairs of sets a matcher reads: every pair of two small sides, or
/// the [`candidates`] of two large ones.
pub(super) enum Candidates {
    /// Every set of the other side, this many.
    Every(usize),
    /// For each set of the first side, those of the other whose prefix
    /// meets its own, in no particular order.
    Listed(Vec<Vec<u32>>),
}

impl Candidates {
    /// The sets of the other side that set `i` of the first meets, each
    /// once: ascending when [`Candidates::Every`], else in no particular order.
    pub(super) fn of(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let (every, listed) = match self {
            Candidates::Every(n) => (0..*n, &[][..]),
            Candidates::Listed(lists) => (0..0, &lists[i][..]),
        };
        every.chain(listed.iter().map(|&j| j as usize))
    }
}

/// Whether sides of `a` and `b` sets are large enough for [`candidates`]
/// to cost less than reading every pair.
pub(super) fn worth_joining(a: usize, b: usize) -> bool {
    a.saturating_mul(b) > PAIRS_PER_SET * (a + b)
}

/// [`candidates`] of the sets `a()` and `b()` make, when [`worth_joining`]
/// sides of `len_a` and `len_b` sets; else every pair, without making the
/// sets.
pub(super) fn pairs<S: AsRef<[u64]>>(
    (len_a, a): (usize, impl FnOnce() -> Vec<S>),
    (len_b, b): (usize, impl FnOnce() -> Vec<S>),
    min_shared: &dyn Fn(usize) -> usize,
) -> Candidates {
    if !worth_joining(len_a, len_b) {
        return Candidates::Every(len_b);
    }
    let (a, b) = (a(), b());
    let (a, b): (Vec<&[u64]>, Vec<&[u64]>) = (
        a.iter().map(AsRef::as_ref).collect(),
        b.iter().map(AsRef::as_ref).collect(),
    );
    Candidates::Listed(candidates(&a, &b, min_shared))
}

/// For each set of `a`, the indices (each once, in no particular order:
/// matchers sort what they keep) of the sets of `b` whose
/// prefix shares an item with its own: a superset of the pairs that share
/// `min_shared(len)` items or more, where `min_shared` is, for a set of
/// `len` items, the least any pair it takes part in must share. A set
/// whose `min_shared` is above its size meets none; `min_shared` of 0 is
/// read as 1 (a pair that shares nothing is never listed).
///
/// The sets are of distinct items (hashes or ids), in any order.
pub(super) fn candidates(
    a: &[&[u64]],
    b: &[&[u64]],
    min_shared: &dyn Fn(usize) -> usize,
) -> Vec<Vec<u32>> {
    listed(a, b, min_shared, None)
}

/// [`candidates`] for a matcher that also takes only pairs that share an
/// item of each set's `required` part (some of its items: a quote's words
/// that are not names): for each set of `a`, of the sets its prefix meets
/// and those that share a required item with it, whichever are fewer to
/// read. Both hold every pair the matcher takes, so a set whose prefix is
/// made of words in every set (names they all give) lists only those that
/// share one of its required items; a set with none lists none.
pub(super) fn candidates_requiring(
    (a, a_required): (Sets, Sets),
    (b, b_required): (Sets, Sets),
    min_shared: &dyn Fn(usize) -> usize,
) -> Vec<Vec<u32>> {
    listed(a, b, min_shared, Some((a_required, b_required)))
}

/// Sets of items, each as a slice.
type Sets<'s, 'i> = &'s [&'i [u64]];

/// [`candidates`], or [`candidates_requiring`] the parts of each set that
/// `required` gives.
fn listed(
    a: &[&[u64]],
    b: &[&[u64]],
    min_shared: &dyn Fn(usize) -> usize,
    required: Option<(Sets, Sets)>,
) -> Vec<Vec<u32>> {
    // Each item's rank: rarest first (how many sets of both sides hold it),
    // then by value, so that both sides list their items in one order.
    let mut held: FastMap<u64, u32> = FastMap::default();
    for &item in a.iter().chain(b).copied().flatten() {
        *held.entry(item).or_default() += 1;
    }
    let mut items: Vec<(u32, u64)> = held.iter().map(|(&item, &n)| (n, item)).collect();
    crate::text::sort::all(&mut items);
    let rank: FastMap<u64, u32> = (items.iter().enumerate())
        .map(|(r, &(_, item))| (item, r as u32))
        .collect();
    let prefix = |set: &[u64]| -> Vec<u32> {
        let need = min_shared(set.len()).max(1);
        if need > set.len() {
            return Vec::new();
        }
        let mut ranks: Vec<u32> = set.iter().map(|item| rank[item]).collect();
        crate::text::sort::all(&mut ranks);
        ranks.truncate(set.len() - need + 1);
        ranks
    };
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); items.len()];
    for (j, set) in b.iter().enumerate() {
        for r in prefix(set) {
            postings[r as usize].push(j as u32);
        }
    }
    // The sets of `b` that hold each required item.
    let mut holding: FastMap<u64, Vec<u32>> = FastMap::default();
    for (j, set) in required.map_or(&[][..], |(_, b)| b).iter().enumerate() {
        for &item in set.iter() {
            holding.entry(item).or_default().push(j as u32);
        }
    }
    let holding_of = |item: &u64| holding.get(item).map_or(&[][..], Vec::as_slice);
    let read = |lists: &mut dyn Iterator<Item = &[u32]>| lists.map(<[u32]>::len).sum::<usize>();
    // `seen[j]` is the index (plus one) of the last set of `a` that listed `j`.
    let mut seen = vec![0usize; b.len()];
    a.iter()
        .enumerate()
        .map(|(i, set)| {
            let ranks = prefix(set);
            let by_prefix = || ranks.iter().map(|&r| postings[r as usize].as_slice());
            let sharing = required.map(|(a_required, _)| || a_required[i].iter().map(holding_of));
            let mut out = Vec::new();
            let mut list = |js: &[u32]| {
                for &j in js {
                    if seen[j as usize] != i + 1 {
                        seen[j as usize] = i + 1;
                        out.push(j);
                    }
                }
            };
            match sharing {
                Some(sharing) if read(&mut sharing()) < read(&mut by_prefix()) => {
                    sharing().for_each(&mut list)
                }
                _ => by_prefix().for_each(&mut list),
            }
            out
        })
        .collect()
}

/// The sets as slices, as [`candidates`] reads them.
pub(super) fn slices<S: AsRef<[u64]>>(sets: &[S]) -> Vec<&[u64]> {
    sets.iter().map(AsRef::as_ref).collect()
}

/// The least a set of `len` items must share with any partner for their
/// Dice coefficient (`2 * shared / (len + other)`) to reach `min_dice`:
/// the partner holds the shared items at least, so `shared >= min_dice *
/// len / (2 - min_dice)`. Rounded down a hair so that a float error can
/// only list more pairs.
pub(super) fn dice_min_shared(len: usize, min_dice: f64) -> usize {
    (min_dice * len as f64 / (2.0 - min_dice) - 1e-9)
        .ceil()
        .max(0.0) as usize
}

/// The same for a Jaccard share (`shared / union`): the union holds the set
/// at least, so `shared >= min_share * len`.
pub(super) fn jaccard_min_shared(len: usize, min_share: f64) -> usize {
    (min_share * len as f64 - 1e-9).ceil().max(0.0) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    // proptest is a native dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    use proptest::prelude::*;

    #[cfg(not(target_arch = "wasm32"))]
    fn shared(x: &[u64], y: &[u64]) -> usize {
        x.iter().filter(|i| y.contains(i)).count()
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn dice(x: &[u64], y: &[u64]) -> f64 {
        2.0 * shared(x, y) as f64 / (x.len() + y.len()).max(1) as f64
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn distinct(sets: Vec<Vec<u64>>) -> Vec<Vec<u64>> {
        sets.into_iter()
            .map(|mut s| {
                s.sort_unstable();
                s.dedup();
                s
            })
            .collect()
    }

    #[test]
    fn frequent_items_alone_do_not_make_a_candidate() {
        // Item 1 is in every set; 10 and 20 are rare.
        let a = vec![vec![1, 10, 2], vec![1, 3, 4]];
        let b = vec![vec![1, 10, 5], vec![1, 6, 7], vec![1, 8, 9]];
        // Two shared of three items: the prefix is each set's two rarest.
        let got = candidates(&slices(&a), &slices(&b), &|_| 2);
        assert_eq!(got, [vec![0], vec![]]);
        // One shared is enough: every item is in the prefix.
        let mut got = candidates(&slices(&a), &slices(&b), &|_| 1);
        got.iter_mut().for_each(|js| js.sort_unstable());
        assert_eq!(got, [vec![0, 1, 2], vec![0, 1, 2]]);
    }

    #[test]
    fn small_sides_read_every_pair_and_large_ones_the_candidates() {
        let set = |k: u64| vec![k, 1000 + k, 2000 + k];
        let (a, b): (Vec<_>, Vec<_>) = ((0..200).map(set).collect(), (0..200).map(set).collect());
        let listed = pairs((a.len(), || a.clone()), (b.len(), || b.clone()), &|_| 1);
        assert!(matches!(listed, Candidates::Listed(_)));
        assert_eq!(listed.of(7).collect::<Vec<_>>(), [7]);
        let every = pairs((3, || a[..3].to_vec()), (4, || b[..4].to_vec()), &|_| 1);
        assert!(matches!(every, Candidates::Every(4)));
        assert_eq!(every.of(2).collect::<Vec<_>>(), [0, 1, 2, 3]);
    }

    #[test]
    fn a_set_too_small_for_its_minimum_meets_nothing() {
        let a = vec![vec![1, 2]];
        let b = vec![vec![1, 2], vec![1, 2, 3]];
        assert_eq!(
            candidates(&slices(&a), &slices(&b), &|len| len + 1),
            [Vec::<u32>::new()]
        );
        let mut got = candidates(&slices(&a), &slices(&b), &|_| 0);
        got[0].sort_unstable();
        assert_eq!(got, [vec![0, 1]]);
    }

    #[test]
    fn minimum_shares_hold_for_every_partner() {
        for len in 0..60 {
            for other in 0..60 {
                for shared in 0..=len.min(other) {
                    let union = len + other - shared;
                    let d = 2.0 * shared as f64 / (len + other).max(1) as f64;
                    if d >= 0.3 {
                        assert!(
                            shared >= dice_min_shared(len, 0.3),
                            "{len} {other} {shared}"
                        );
                    }
                    if union > 0 && shared as f64 / union as f64 >= 0.65 {
                        assert!(shared >= jaccard_min_shared(len, 0.65));
                    }
                }
            }
        }
    }

    #[test]
    fn a_required_item_shared_by_few_lists_only_those() {
        // Item 1 (a name) is in every set, required in none; each set's
        // other item is required. One shared item is enough.
        let sets: Vec<Vec<u64>> = (0..12).map(|i| vec![1, 100 + i % 3]).collect();
        let required: Vec<Vec<u64>> = sets.iter().map(|s| s[1..].to_vec()).collect();
        let (sets, required) = (slices(&sets), slices(&required));
        let every = candidates(&sets, &sets, &|_| 1);
        assert!(every.iter().all(|js| js.len() == 12));
        let mut got = candidates_requiring((&sets, &required), (&sets, &required), &|_| 1);
        got.iter_mut().for_each(|js| js.sort_unstable());
        assert_eq!(got[4], [1, 4, 7, 10]);
        // A set with no required item meets none.
        let none: Vec<&[u64]> = vec![&[]; 12];
        let got = candidates_requiring((&sets, &none), (&sets, &required), &|_| 1);
        assert!(got.iter().all(Vec::is_empty));
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest! {
        /// Every pair that reaches the Dice threshold is a candidate.
        #[test]
        fn no_pair_that_meets_is_left_out(
            a in prop::collection::vec(prop::collection::vec(0u64..40, 0..12), 0..12),
            b in prop::collection::vec(prop::collection::vec(0u64..40, 0..12), 0..12),
            min_dice in 0.1f64..0.9,
        ) {
            let (a, b) = (distinct(a), distinct(b));
            let got = candidates(&slices(&a), &slices(&b), &|len| dice_min_shared(len, min_dice));
            lists_each_pair_once(&got, (a.len(), b.len()), |i, j| {
                shared(&a[i], &b[j]) > 0 && dice(&a[i], &b[j]) >= min_dice
            })?;
        }

        /// Every pair that reaches the Dice threshold and shares a
        /// required item is a candidate, each once.
        #[test]
        fn no_pair_that_meets_sharing_a_required_item_is_left_out(
            a in prop::collection::vec(prop::collection::vec((0u64..40, any::<bool>()), 0..12), 0..40),
            b in prop::collection::vec(prop::collection::vec((0u64..40, any::<bool>()), 0..12), 0..40),
            min_dice in 0.1f64..0.9,
        ) {
            // Each item of a set required or not, once.
            let split = |sets: Vec<Vec<(u64, bool)>>| -> (Vec<Vec<u64>>, Vec<Vec<u64>>) {
                let sets: Vec<Vec<(u64, bool)>> = (sets.into_iter())
                    .map(|mut s| {
                        s.sort_unstable_by_key(|p| p.0);
                        s.dedup_by_key(|p| p.0);
                        s
                    })
                    .collect();
                let all = sets.iter().map(|s| s.iter().map(|p| p.0).collect()).collect();
                let required = (sets.iter())
                    .map(|s| s.iter().filter(|p| p.1).map(|p| p.0).collect())
                    .collect();
                (all, required)
            };
            let ((a, a_required), (b, b_required)) = (split(a), split(b));
            let got = candidates_requiring(
                (&slices(&a), &slices(&a_required)),
                (&slices(&b), &slices(&b_required)),
                &|len| dice_min_shared(len, min_dice),
            );
            lists_each_pair_once(&got, (a.len(), b.len()), |i, j| {
                shared(&a_required[i], &b_required[j]) > 0 && dice(&a[i], &b[j]) >= min_dice
            })?;
        }
    }

    /// Whether `got`, the candidates of `a` sets among `b`, lists each at
    /// most once for a set, and every pair `meets`.
    #[cfg(not(target_arch = "wasm32"))]
    fn lists_each_pair_once(
        got: &[Vec<u32>],
        (a, b): (usize, usize),
        meets: impl Fn(usize, usize) -> bool,
    ) -> Result<(), TestCaseError> {
        prop_assert_eq!(got.len(), a);
        for (i, listed) in got.iter().enumerate() {
            let mut once = listed.clone();
            once.sort_unstable();
            once.dedup();
            prop_assert_eq!(once.len(), listed.len());
            for j in (0..b).filter(|&j| meets(i, j)) {
                prop_assert!(listed.contains(&(j as u32)), "{i} and {j} meet");
            }
        }
        Ok(())
    }
}
