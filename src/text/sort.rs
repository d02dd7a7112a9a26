//! Sorting with one compiled sort for the whole crate.
//!
//! The standard library's sorts are generic over the element and the
//! comparison: every call site of `sort_by_key` is a copy of a few kilobytes of
//! code (quicksort, merges, small-sort networks), which the wasm page pays for
//! dozens of times. Here the work is one sort of `u32` positions with the
//! comparison behind a `dyn`, compiled once; each element type adds only the
//! small loop that moves its values into their places.
//!
//! [`by`], [`by_key`] and [`all`] are stable: equal elements keep their order,
//! as with `slice::sort_by`, so the result is the same as the standard
//! library's. [`by_key_unstable`] keeps the standard unstable sort (its order
//! of ties is what callers have always seen) but compiles it once per element
//! type, not once per call site.
//!
//! ```
//! # use storydiff::text::sort;
//! let mut v = vec![(2, 'b'), (1, 'z'), (2, 'a'), (1, 'y')];
//! sort::by_key(&mut v, |p| p.0);
//! assert_eq!(v, [(1, 'z'), (1, 'y'), (2, 'b'), (2, 'a')]);
//! ```

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably (as `slice::sort_by`).
pub fn by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order = positions(v.len());
    {
        let items: &[T] = v;
        let mut at = |i: u32, j: u32| cmp(&items[i as usize], &items[j as usize]);
        sort_positions(&mut order, &mut at);
    }
    permute(v, &mut order);
}

/// Sorts `v` by the key `key` gives each element, stably (as
/// `slice::sort_by_key`).
pub fn by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in its natural order, stably (as `slice::sort`; for types whose
/// equal values are the same, as `slice::sort_unstable` too).
pub fn all<T: Ord>(v: &mut [T]) {
    by(v, T::cmp);
}

/// `slice::sort_unstable_by_key`, the same order of ties, compiled once per
/// element type.
pub fn by_key_unstable<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    unstable_dyn(v, &mut |a: &T, b: &T| key(a).cmp(&key(b)));
}

/// `slice::sort_unstable_by`, the same order of ties, compiled once per
/// element type.
pub fn by_unstable<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    unstable_dyn(v, &mut cmp);
}

#[inline(never)]
fn unstable_dyn<T>(v: &mut [T], cmp: &mut dyn FnMut(&T, &T) -> Ordering) {
    v.sort_unstable_by(|a, b| cmp(a, b));
}

fn positions(n: usize) -> Vec<u32> {
    assert!(u32::try_from(n).is_ok(), "too many elements to sort");
    (0..n as u32).collect()
}

/// Sorts positions by `cmp`, ties by position: the one sort everything
/// compiles to.
#[inline(never)]
fn sort_positions(order: &mut [u32], cmp: &mut dyn FnMut(u32, u32) -> Ordering) {
    order.sort_unstable_by(|&i, &j| cmp(i, j).then(i.cmp(&j)));
}

/// Moves `v[order[k]]` to `k` for every `k`, following each cycle of the
/// permutation once (`order` is spent).
fn permute<T>(v: &mut [T], order: &mut [u32]) {
    for start in 0..v.len() {
        let mut at = start;
        loop {
            let from = order[at] as usize;
            order[at] = at as u32;
            if from == start || from == at {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator: the tests need no dependency.
    fn numbers(seed: u64, n: usize, range: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (x >> 33) % range
            })
            .collect()
    }

    #[test]
    fn stable_sorts_match_the_standard_library() {
        for (seed, n, range) in [
            (1, 0, 5),
            (2, 1, 5),
            (3, 2, 2),
            (4, 100, 7),
            (5, 1000, 50),
            (6, 500, 1000),
        ] {
            let keys = numbers(seed, n, range);
            let tagged: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
            let mut want = tagged.clone();
            want.sort_by_key(|p| p.0);
            let mut got = tagged.clone();
            by_key(&mut got, |p| p.0);
            assert_eq!(got, want, "by_key, seed {seed}");
            let mut got = tagged.clone();
            by(&mut got, |a, b| b.0.cmp(&a.0));
            want.sort_by_key(|p| std::cmp::Reverse(p.0));
            assert_eq!(got, want, "by, reversed, seed {seed}");
            let mut got = keys.clone();
            all(&mut got);
            let mut want = keys.clone();
            want.sort();
            assert_eq!(got, want, "all, seed {seed}");
        }
    }

    #[test]
    fn unstable_sorts_keep_the_standard_order_of_ties() {
        let keys = numbers(9, 300, 10);
        let tagged: Vec<(u64, usize)> = keys.into_iter().zip(0..).collect();
        let mut want = tagged.clone();
        want.sort_unstable_by_key(|p| p.0);
        let mut got = tagged.clone();
        by_key_unstable(&mut got, |p| p.0);
        assert_eq!(got, want);
        let mut got = tagged;
        by_unstable(&mut got, |a, b| a.0.cmp(&b.0));
        assert_eq!(got, want);
    }

    #[test]
    fn values_that_are_not_copies_move_whole() {
        let mut v: Vec<String> = ["pear", "fig", "apple", "fig", "kiwi"]
            .map(String::from)
            .to_vec();
        by_key(&mut v, |s| s.len());
        assert_eq!(v, ["fig", "fig", "pear", "kiwi", "apple"]);
    }
}
