//! Comparison: which articles report the same event, and how their reports differ.
//!
//! - [`similarity`]: pairwise scores from shared entities, dates, numbers and words.
//! - [`cluster`]: event, story and topic clusters from those scores.
//! - [`diff`]: agreements, conflicts and what only one side reports, per pair.

pub mod cluster;
pub mod diff;
pub mod similarity;

use crate::article::Article;
pub use cluster::Clusters;
pub use diff::{Fact, FactDiff};
pub use similarity::{PairScore, Relation};

/// A whole comparison of a batch.
#[derive(Clone, Debug)]
pub struct Comparison {
    pub clusters: Clusters,
    pub pairs: Vec<PairScore>,
    /// Fact diffs, one per pair, in the order of `pairs`.
    pub diffs: Vec<FactDiff>,
}

/// Compares every pair of `articles` and clusters them.
pub fn compare(articles: &[Article]) -> Comparison {
    let profiles: Vec<similarity::Profile> = articles.iter().map(similarity::Profile::of).collect();
    let model = similarity::Model::new(&profiles);
    let mut pairs = Vec::new();
    let mut diffs = Vec::new();
    for i in 0..articles.len() {
        for j in i + 1..articles.len() {
            pairs.push(model.score(i, j));
            diffs.push(diff::diff(&articles[i], &articles[j]));
        }
    }
    let clusters = cluster::cluster(articles.len(), &pairs);
    Comparison {
        clusters,
        pairs,
        diffs,
    }
}
