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
//! Batches of up to [`ALL_PAIRS_UP_TO`] articles score every pair: there the
//! quadratic cost is small, and nothing is left to chance.

use super::similarity::Profile;
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
    crate::text::sort::all(&mut pairs);
    pairs.dedup();
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
}
