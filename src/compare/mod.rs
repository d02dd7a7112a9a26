//! Comparison: which articles report the same event, and how their reports differ.
//!
//! - [`similarity`]: pairwise scores from content words, entities, dates and numbers.
//! - [`align`]: sentence alignment, which tells a rewrite from a separate report.
//! - [`cluster`]: story, event and topic clusters from the pair relations.
//! - [`diff`]: agreements, conflicts, what only one side reports, wording.
//!
//! ```
//! use storydiff::{analyze_batch, compare, Input};
//! let articles = analyze_batch(&[
//!     Input::new("a", "Riot police dispersed a rally in the capital on Sunday."),
//!     Input::new("b", "The central bank raised interest rates by half a point."),
//! ]).unwrap();
//! let comparison = compare(&articles);
//! assert_eq!(comparison.clusters.event, vec![vec![0], vec![1]]);
//! ```

pub mod align;
pub mod cluster;
pub mod diff;
mod keys;
mod names;
pub mod similarity;

use crate::article::Article;
pub use align::AlignedSentences;
pub use cluster::Clusters;
pub use diff::{Conflict, ConflictKind, Fact, FactDiff};
pub use keys::{count_key, name_key, sentence_keys, word_key};
pub use names::{
    link, link_with, same_name, Entity, EntityTable, Member, Merge, MergeReason, Overrides,
};
pub use similarity::{PairScore, Relation};

/// Pairs whose word similarity is below this are not sentence-aligned (no
/// text derived from another shares so few words with it).
pub const ALIGN_MIN_WORDS: f64 = 0.2;

/// A whole comparison of a batch.
#[derive(Clone, Debug)]
pub struct Comparison {
    /// The batch's entities, with name variants merged.
    pub entities: EntityTable,
    pub clusters: Clusters,
    pub pairs: Vec<PairScore>,
    /// Fact diffs, one per pair, in the order of `pairs`.
    pub diffs: Vec<FactDiff>,
    /// Aligned sentences, one list per pair, in the order of `pairs`.
    pub alignments: Vec<Vec<AlignedSentences>>,
}

/// Compares every pair of `articles` and clusters them.
pub fn compare(articles: &[Article]) -> Comparison {
    compare_with_overrides(articles, &Overrides::default())
}

/// [`compare`], with the user's forced entity merges and splits.
pub fn compare_with_overrides(articles: &[Article], overrides: &Overrides) -> Comparison {
    let entities = link_with(articles, overrides);
    let key = |name: &str| name_key(entities.canonical(name));
    let mut comparison = compare_with(articles, &key);
    comparison.entities = entities;
    comparison
}

/// Compares with a given name key (two names with one key are one entity);
/// the returned comparison's entity table is empty.
pub fn compare_with(articles: &[Article], entity_key: &dyn Fn(&str) -> String) -> Comparison {
    let profiles: Vec<similarity::Profile> = articles
        .iter()
        .map(|a| similarity::Profile::of(a, entity_key))
        .collect();
    let keys: Vec<_> = articles.iter().map(sentence_keys).collect();
    let model = similarity::Model::new(&profiles);
    let mut pairs = Vec::new();
    let mut alignments = Vec::new();
    for i in 0..articles.len() {
        for j in i + 1..articles.len() {
            // Sentences are aligned only where the wording is close enough for
            // one text to derive from the other: the rest of the pairs skip
            // the quadratic sentence matching.
            let first = model.score(i, j, 0.0, 0);
            if first.words < ALIGN_MIN_WORDS {
                pairs.push(first);
                alignments.push(Vec::new());
                continue;
            }
            let aligned = align::align(&keys[i], &keys[j]);
            let coverage = align::coverage(&keys[i], &keys[j], &aligned);
            pairs.push(model.score(i, j, coverage, aligned.len()));
            alignments.push(aligned);
        }
    }
    // An undated article takes the day of a dated article it shares a story
    // with (a translation of a dated wire story happened on that day too);
    // then relations are decided again with those days.
    let mut days: Vec<Option<similarity::EventDay>> = profiles.iter().map(|p| p.day).collect();
    for p in &pairs {
        if p.derived() {
            match (days[p.a], days[p.b]) {
                (None, Some(d)) => days[p.a] = Some(d),
                (Some(d), None) => days[p.b] = Some(d),
                _ => {}
            }
        }
    }
    for p in &mut pairs {
        p.relation = p.decide(days[p.a], days[p.b]);
    }
    // Facts are diffed for pairs that share at least a topic; for unrelated
    // articles a list of everything each says alone helps nobody.
    let diffs = pairs
        .iter()
        .map(|p| {
            if p.relation >= Relation::SameTopic {
                diff::diff(&articles[p.a], &articles[p.b], entity_key)
            } else {
                FactDiff::default()
            }
        })
        .collect();
    let clusters = cluster::cluster(articles.len(), &pairs);
    Comparison {
        entities: EntityTable::default(),
        clusters,
        pairs,
        diffs,
        alignments,
    }
}
