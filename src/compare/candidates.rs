//! Candidate pairs: which articles of a large batch are worth scoring.
//!
//! Scoring every pair is quadratic, and for a batch of mostly unrelated
//! articles almost every score is zero. Instead each article's
//! [`Profile`](super::similarity::Profile) gives its blocking features (the
//! entities it names, its rare content words, its full dates and counted
//! figures); an inverted index maps each feature to the articles that have
//! it, and two articles are candidates when they share at least
//! [`MIN_SHARED`] features that fewer than [`MAX_POSTINGS`] articles have.
//! Each article keeps its [`PER_ARTICLE`] best candidates (by the summed
//! rarity, `ln(n / df)`, of what they share), so the pairs scored grow with
//! the articles, not with their pairs.
//!
//! Dropping common features has a blind spot: a large batch on one story
//! (a wire report reprinted by a hundred outlets, an election's week) makes
//! every feature of its articles common, and a copy would never meet its
//! original. So the articles are also near-duplicate candidates: articles
//! whose feature sets share a MinHash band (the bands of
//! [`blocking`](super::blocking): two sets of Jaccard 0.7 share one with
//! probability 0.92, copies always) are paired, each with the next
//! [`NEAR_COPIES`] of its band's bucket, however common their features.
//!
//! Batches of up to [`ALL_PAIRS_UP_TO`] articles score every pair: there the
//! quadratic cost is small, and nothing is left to chance.

use super::blocking::{minhash_bands, MIN_RARE_WORDS};
use super::similarity::Profile;
use crate::text::hash::FastMap;
use std::collections::HashMap;

/// Batches up to this size score every pair.
pub const ALL_PAIRS_UP_TO: usize = 64;
/// A feature that more articles than this have is too common to block on
/// ("police", a country, a busy week's date), as a search engine drops stop words.
pub const MAX_POSTINGS: usize = 200;
/// Features two articles must share to be scored.
pub const MIN_SHARED: u32 = 2;
/// Candidates each article keeps, the best first.
pub const PER_ARTICLE: usize = 40;
/// In a MinHash band's bucket, each article is paired with this many of the
/// articles after it: a bucket as large as the batch (its copies of one
/// report) adds pairs in proportion to its size, and keeps its articles
/// linked one to the next.
pub const NEAR_COPIES: usize = 8;

/// Every pair `(i, j)`, `i < j`, in order.
pub(super) fn all_pairs(n: usize) -> Vec<(usize, usize)> {
    (0..n)
        .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
        .collect()
}

/// The candidate pairs of a batch, `(i, j)` with `i < j`, sorted.
pub(super) fn candidate_pairs(profiles: &[Profile]) -> Vec<(usize, usize)> {
    let n = profiles.len();
    if n <= ALL_PAIRS_UP_TO {
        return all_pairs(n);
    }
    let features: Vec<Vec<u64>> = profiles.iter().map(Profile::block_features).collect();
    let mut postings: HashMap<u64, Vec<u32>> = HashMap::new();
    for (i, fs) in features.iter().enumerate() {
        for &f in fs {
            postings.entry(f).or_default().push(i as u32);
        }
    }
    let rarity = |df: usize| (n as f64 / df as f64).ln() as f32;
    let mut shared = vec![0u32; n];
    let mut weight = vec![0f32; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut pairs = Vec::new();
    for (i, fs) in features.iter().enumerate() {
        for f in fs {
            let list = &postings[f];
            if list.len() < 2 || list.len() > MAX_POSTINGS {
                continue;
            }
            let w = rarity(list.len());
            for &j in list {
                let j = j as usize;
                if j == i {
                    continue;
                }
                if shared[j] == 0 {
                    touched.push(j as u32);
                }
                shared[j] += 1;
                weight[j] += w;
            }
        }
        let mut best: Vec<(f32, u32)> = touched
            .iter()
            .filter(|&&j| shared[j as usize] >= MIN_SHARED)
            .map(|&j| (weight[j as usize], j))
            .collect();
        // Only which candidates are the best few matters, not their order
        // (the pairs are sorted below): a selection, not a sort of all the
        // articles touched, which in a large batch can be most of them.
        if best.len() > PER_ARTICLE {
            best.select_nth_unstable_by(PER_ARTICLE - 1, |x, y| {
                y.0.total_cmp(&x.0).then(x.1.cmp(&y.1))
            });
        }
        for &(_, j) in best.iter().take(PER_ARTICLE) {
            let j = j as usize;
            pairs.push((i.min(j), i.max(j)));
        }
        for &j in &touched {
            shared[j as usize] = 0;
            weight[j as usize] = 0.0;
        }
        touched.clear();
    }
    pairs.extend(near_copies(&features));
    crate::text::sort::all(&mut pairs);
    pairs.dedup();
    pairs
}

/// The pairs of articles whose feature sets (sorted hashes) share a MinHash
/// band: in each band's bucket, each article with the next [`NEAR_COPIES`].
/// An article with fewer features than [`MIN_RARE_WORDS`] gets no bands (so
/// few collide by chance).
fn near_copies(features: &[Vec<u64>]) -> Vec<(usize, usize)> {
    let mut buckets: FastMap<(usize, u64), Vec<u32>> = FastMap::default();
    for (i, fs) in features.iter().enumerate() {
        if fs.len() < MIN_RARE_WORDS {
            continue;
        }
        for (band, hash) in minhash_bands(fs.iter().copied()).into_iter().enumerate() {
            buckets.entry((band, hash)).or_default().push(i as u32);
        }
    }
    let mut pairs = Vec::new();
    for members in buckets.values() {
        for (k, &i) in members.iter().enumerate() {
            let next = members.iter().skip(k + 1).take(NEAR_COPIES);
            pairs.extend(next.map(|&j| (i as usize, j as usize)));
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_batches_score_every_pair() {
        assert_eq!(all_pairs(3), vec![(0, 1), (0, 2), (1, 2)]);
        let profiles = vec![Profile::default(); 4];
        assert_eq!(candidate_pairs(&profiles).len(), 6);
    }

    #[test]
    fn large_batches_score_only_articles_that_share_features() {
        let n = ALL_PAIRS_UP_TO + 10;
        let mut profiles = vec![Profile::default(); n];
        // 0, 1 and 2 share two names; 3 shares one of them only.
        for (i, names) in [
            (0, &["a", "b"][..]),
            (1, &["a", "b"]),
            (2, &["a", "b"]),
            (3, &["a"]),
        ] {
            profiles[i] = Profile::with_entities(names);
        }
        assert_eq!(candidate_pairs(&profiles), vec![(0, 1), (0, 2), (1, 2)]);
    }

    #[test]
    fn copies_meet_however_common_their_features() {
        // 300 pairs of copies, each pair naming its own 6 of 12 names: every
        // name is in about 300 articles, too common to block on.
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"];
        let sets = (0u32..1 << 12)
            .filter(|bits| bits.count_ones() == 6)
            .take(300);
        let profiles: Vec<Profile> = sets
            .flat_map(|bits| {
                let set: Vec<&str> = (0..12)
                    .filter(|b| bits & (1 << b) != 0)
                    .map(|b| names[b])
                    .collect();
                [Profile::with_entities(&set), Profile::with_entities(&set)]
            })
            .collect();
        let n = profiles.len();
        let pairs = candidate_pairs(&profiles);
        for copy in (0..n).step_by(2) {
            assert!(pairs.binary_search(&(copy, copy + 1)).is_ok(), "{copy}");
        }
        // In proportion to the articles, not to their pairs.
        assert!(pairs.len() <= n * super::super::blocking::BANDS * NEAR_COPIES);
    }
}
