//! Comparison: which articles report the same event, and how their reports differ.
//!
//! | type | what |
//! | --- | --- |
//! | [`Comparison`] | everything [`compare`] finds in a batch |
//! | [`EntityTable`] | one name for each entity across the batch ([`link_with`]) |
//! | [`PairScore`], [`Relation`] | how similar two articles are, and what that makes them |
//! | [`AlignedSentences`] | a sentence of one article matched with one of the other |
//! | [`Clusters`] | story, event and topic clusters of the batch |
//! | [`FactDiff`] | agreements, conflicts, what only one side reports, wording |
//!
//! The modules, each reading only those above it:
//!
//! - `keys`: the keys under which two spellings compare equal ([`word_key`],
//!   `sentence_keys`, [`count_key`], [`name_key`]).
//! - `names`: entity linking across the batch ([`link_with`], [`same_name`]).
//! - `similarity`: pairwise scores from content words, entities, events, dates, numbers
//!   and facts, and the event model's probability that two reports tell one event.
//! - `candidates`: which pairs of a large batch are scored at all (an
//!   inverted index over names, rare words, dates and figures).
//! - `set_join`: which sentences (or quotes) of two articles may share
//!   enough words to match (a prefix filter), for the alignment and the diff.
//! - `align`: sentence alignment, which tells a rewrite from a separate report.
//! - `cluster`: event clusters by average linkage over the event model's
//!   probabilities ([`EVENT_LINK`]); story and topic clusters from the pair relations.
//! - `values`: two values of one fact as intervals with hedges and days ([`Class`]).
//! - `variants`: names of one entity: the same, a variant, a translation ([`NameClass`]).
//! - `quoting`: the same quote in two reports, with a word diff ([`QuoteClass`]).
//! - `fact`: the fact shape the diff reports ([`Fact`], [`Wording`]).
//! - `framing`: the outlets' own words for the event, outside quotes.
//! - `diff`: the fact diff of a pair, from the four above.
//! - `table`: per event cluster, facts × articles and the merged timeline ([`ClusterTable`]).
//! - `explain`: what a linked pair shares, in words ([`explain`]).
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

mod align;
pub mod blocking;
mod candidates;
mod cluster;
mod diff;
mod diff_dates;
mod diff_figures;
mod explain;
mod fact;
mod framing;
mod keys;
mod names;
mod quoting;
mod repeats;
mod set_join;
mod similarity;
mod table;
mod values;
mod variants;

pub use align::{AlignedSentences, SENTENCE_MIN_SCORE};
pub use candidates::{ALL_PAIRS_UP_TO, MAX_POSTINGS, MIN_SHARED, NEAR_COPIES, PER_ARTICLE};
pub use cluster::{Clusters, EVENT_LINK};
pub use diff::{
    diff_pair, explain_name, explain_quote, explain_wording, Agreement, Conflict, FactDiff, Single,
};
pub use explain::explain;
pub(crate) use explain::{explain_mentioned, mentioned};
pub use fact::{Fact, Wording};
pub use keys::{count_key, name_key, word_key, UNCOUNTED};
// Keyed by the crate's fast hasher, so for the crate alone.
pub(crate) use keys::sentence_keys;
pub use names::{
    canonical_names, link, link_with, same_name, CanonicalNames, Entity, EntityTable, Member,
    Merge, MergeReason, Overrides,
};
pub use quoting::{word_diff, QuoteClass, QuoteMatch, WordOp};
pub use similarity::{
    PairScore, Relation, EVENT_DAYS_APART, EVENT_SCORE, SPECIFIC_WORD, STORY_COVERAGE, TOPIC_SCORE,
};
pub use table::{explain_row, Cell, ClusterTable, Moment, Row};
pub use values::{classify_values, Class};
pub use variants::{name_class, NameClass, NameMatch};

use crate::article::Article;
use crate::text::hash::FastSet as HashSet;
use similarity::{EventDay, Model, Profile};

/// Pairs whose word similarity is below this are not sentence-aligned (no
/// text derived from another shares so few words with it).
pub const ALIGN_MIN_WORDS: f64 = 0.2;

/// A whole comparison of a batch.
#[derive(Clone, Debug)]
pub struct Comparison {
    /// The batch's entities, with name variants merged.
    pub entities: EntityTable,
    /// Story, event and topic clusters.
    pub clusters: Clusters,
    /// The pairs kept, in order `(0, 1), (0, 2) ... (1, 2) ...`: every pair
    /// when [`Comparison::complete`]; else, of a large batch, those its
    /// report lists ([`Comparison::listed`]): each article's closest related
    /// pairs among the candidates scored. The clusters are made from every
    /// pair scored before the rest are dropped.
    pub pairs: Vec<PairScore>,
    /// Whether `pairs` holds every pair of the batch.
    pub complete: bool,
    /// How many pairs were scored: every pair, or the candidates of a large batch.
    pub scored: usize,
    /// Fact diffs, one per pair, in the order of `pairs`.
    pub diffs: Vec<FactDiff>,
    /// Aligned sentences, one list per pair, in the order of `pairs`.
    pub alignments: Vec<Vec<AlignedSentences>>,
    /// Per event cluster of two or more articles: facts × articles, and the timeline.
    pub tables: Vec<ClusterTable>,
}

/// In the report of a large batch, how many related pairs each article keeps
/// listed, its closest first (by event probability, then score): so that the
/// report, the fact diffs and the memory grow with the articles, however many
/// of them report one event or share a topic. `--all-pairs` lists every pair.
pub const LISTED_PER_ARTICLE: usize = 10;

impl Comparison {
    /// Which pairs a report lists, in the order of `pairs`: every pair when
    /// every pair was scored ([`Comparison::complete`]); else the pairs related
    /// at least by topic that are among the [`LISTED_PER_ARTICLE`] closest of
    /// one of their two articles (by event probability, then score, then
    /// order). A comparison of a large batch keeps only these, so there it
    /// lists every pair it holds.
    pub fn listed(&self) -> Vec<bool> {
        if self.complete {
            return vec![true; self.pairs.len()];
        }
        closest(&self.pairs, LISTED_PER_ARTICLE)
    }
}

/// The pairs related at least by topic that are among the `per_article`
/// closest of one of their two articles (by event probability, then score,
/// then order), in the order of `pairs`.
fn closest(pairs: &[PairScore], per_article: usize) -> Vec<bool> {
    let n = (pairs.iter()).map(|p| p.a.max(p.b) + 1).max().unwrap_or(0);
    let mut of: Vec<Vec<u32>> = vec![Vec::new(); n];
    for (k, p) in pairs.iter().enumerate() {
        if p.relation >= Relation::SameTopic {
            of[p.a].push(k as u32);
            of[p.b].push(k as u32);
        }
    }
    let mut listed = vec![false; pairs.len()];
    for ks in &mut of {
        crate::text::sort::by(ks, |&x, &y| {
            let (p, q) = (&pairs[x as usize], &pairs[y as usize]);
            (q.same_event.total_cmp(&p.same_event))
                .then(q.score.total_cmp(&p.score))
                .then(x.cmp(&y))
        });
        for &k in ks.iter().take(per_article) {
            listed[k as usize] = true;
        }
    }
    listed
}

/// `f` over `items`, in their order: on the CPU's threads natively (rayon's
/// global pool), in sequence in wasm. The results are the same either way.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    use rayon::prelude::*;
    items.par_iter().map(f).collect()
}

#[cfg(target_arch = "wasm32")]
pub(crate) fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    items.iter().map(f).collect()
}

/// Marks, among `n` articles, those that one of `pairs` joins.
pub(crate) fn articles_of<'p>(
    n: usize,
    pairs: impl IntoIterator<Item = &'p PairScore>,
) -> Vec<bool> {
    let mut marked = vec![false; n];
    for p in pairs {
        marked[p.a] = true;
        marked[p.b] = true;
    }
    marked
}

/// `make(k)` of each article `k` that `marked` marks, once each and with
/// [`par_map`]; `None` for the others.
pub(crate) fn par_make<R: Send>(
    marked: &[bool],
    make: impl Fn(usize) -> R + Sync + Send,
) -> Vec<Option<R>> {
    let which: Vec<usize> = (0..marked.len()).filter(|&k| marked[k]).collect();
    let mut made = par_map(&which, |&k| make(k)).into_iter();
    marked
        .iter()
        .map(|&m| if m { made.next() } else { None })
        .collect()
}

/// Which pairs a comparison scores.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Pairs {
    /// Every pair of a small batch ([`ALL_PAIRS_UP_TO`]); of a larger one,
    /// the candidates that share names, rare words, dates or figures.
    #[default]
    Candidates,
    /// Every pair, whatever the size of the batch (quadratic).
    All,
}

/// Compares the articles of a batch and clusters them.
pub fn compare(articles: &[Article]) -> Comparison {
    compare_with_overrides(articles, &Overrides::default())
}

/// [`compare`], with the user's forced entity merges and splits.
pub fn compare_with_overrides(articles: &[Article], overrides: &Overrides) -> Comparison {
    compare_pairs(articles, overrides, Pairs::Candidates)
}

/// [`compare_with_overrides`], scoring the pairs that `pairs` says.
pub fn compare_pairs(articles: &[Article], overrides: &Overrides, pairs: Pairs) -> Comparison {
    let entities = link_with(articles, overrides);
    let key = |name: &str| entities.key(name);
    let mut comparison = compare_keyed(articles, &key, pairs);
    comparison.entities = entities;
    comparison
}

/// Compares with a given name key (two names with one key are one entity);
/// the returned comparison's entity table is empty.
pub fn compare_with(
    articles: &[Article],
    entity_key: &(dyn Fn(&str) -> String + Sync),
) -> Comparison {
    compare_keyed(articles, entity_key, Pairs::Candidates)
}

fn compare_keyed(
    articles: &[Article],
    entity_key: &(dyn Fn(&str) -> String + Sync),
    which: Pairs,
) -> Comparison {
    let profiles: Vec<Profile> = par_map(articles, |a| Profile::of(a, entity_key));
    let scored = match which {
        Pairs::All => candidates::all_pairs(articles.len()),
        Pairs::Candidates => candidates::candidate_pairs(&profiles),
    };
    let n = articles.len();
    let complete = scored.len() == n * n.saturating_sub(1) / 2;
    let (mut pairs, mut alignments, sentence_keys) = score_pairs(articles, &profiles, &scored);
    let scored = scored.len();
    // Relations are decided again with the days learned from same-story partners.
    let days = days_learned_from_stories(&profiles, &pairs);
    drop(profiles);
    for p in &mut pairs {
        p.relation = p.decide(days[p.a], days[p.b]);
        p.same_event = p.event_probability(days[p.a], days[p.b]);
    }
    let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    let clusters = cluster::cluster(&pairs, &cluster::ranks_by_id(&ids));
    if !complete {
        // A large batch keeps the pairs its report lists; the rest served the clusters.
        let keep = closest(&pairs, LISTED_PER_ARTICLE);
        let mut kept = keep.iter();
        pairs.retain(|_| *kept.next().unwrap_or(&false));
        let mut kept = keep.iter();
        alignments.retain(|_| *kept.next().unwrap_or(&false));
        pairs.shrink_to_fit();
        alignments.shrink_to_fit();
    }
    let diffs = diff_pairs(
        articles,
        &pairs,
        entity_key,
        &clusters,
        complete,
        sentence_keys,
    );
    let tables = table::tables(articles, &clusters.event, &pairs, &diffs);
    Comparison {
        entities: EntityTable::default(),
        clusters,
        pairs,
        complete,
        scored,
        diffs,
        alignments,
        tables,
    }
}

/// Each article's [`sentence_keys`], where they were made.
type SentenceKeys = Vec<Option<Vec<HashSet<String>>>>;

/// Scores the pairs `scored`, in their order, with their
/// aligned sentences, and the sentence keys of the articles aligned (the
/// fact diff reads them too). Sentences are aligned only where the wording
/// is close enough for one text to derive from the other
/// ([`ALIGN_MIN_WORDS`]): the rest of the pairs skip the quadratic sentence
/// matching. Natively the pairs are scored on all the CPU's threads.
fn score_pairs(
    articles: &[Article],
    profiles: &[Profile],
    scored: &[(usize, usize)],
) -> (Vec<PairScore>, Vec<Vec<AlignedSentences>>, SentenceKeys) {
    let model = Model::new(profiles);
    let first = par_map(scored, |&(i, j)| model.score(i, j));
    // The sentence keys of the articles of a pair close enough to align, once each.
    let aligned = articles_of(
        articles.len(),
        first.iter().filter(|p| p.words >= ALIGN_MIN_WORDS),
    );
    // Those of a pair short enough to count what every pair of their
    // sentences shares need their keys' postings too.
    let mut counted = vec![false; articles.len()];
    let sentences = |k: usize| articles[k].seg.sentences.len();
    for p in first.iter().filter(|p| p.words >= ALIGN_MIN_WORDS) {
        if align::counts_every_pair(sentences(p.a), sentences(p.b)) {
            (counted[p.a], counted[p.b]) = (true, true);
        }
    }
    let made = par_make(&aligned, |k| {
        let keys = sentence_keys(&articles[k]);
        let hashed = align::hashed(&keys, counted[k]);
        (keys, hashed)
    });
    let unaligned = align::HashedSentences::default();
    let keys: Vec<&align::HashedSentences> = made
        .iter()
        .map(|m| m.as_ref().map_or(&unaligned, |(_, h)| h))
        .collect();
    let keys = &keys;
    let (pairs, alignments) = par_map(&first, |first| {
        if first.words < ALIGN_MIN_WORDS {
            return (*first, Vec::new());
        }
        let (ki, kj) = (keys[first.a], keys[first.b]);
        let aligned = align::align(ki, kj);
        let coverage = align::coverage(ki, kj, &aligned);
        (model.aligned(*first, coverage, aligned.len()), aligned)
    })
    .into_iter()
    .unzip();
    let sentence_keys = made.into_iter().map(|m| m.map(|(k, _)| k)).collect();
    (pairs, alignments, sentence_keys)
}

/// Each article's event day, where an undated article takes the day of a
/// dated article it shares a story with (a translation of a dated wire story
/// happened on that day too).
fn days_learned_from_stories(profiles: &[Profile], pairs: &[PairScore]) -> Vec<Option<EventDay>> {
    let mut days: Vec<Option<EventDay>> = profiles.iter().map(|p| p.day).collect();
    for p in pairs {
        if p.derived() {
            match (days[p.a], days[p.b]) {
                (None, Some(d)) => days[p.a] = Some(d),
                (Some(d), None) => days[p.b] = Some(d),
                _ => {}
            }
        }
    }
    days
}

/// The fact diff of each pair. Where every pair was scored (`complete`),
/// facts are diffed for pairs that share at least a topic; for unrelated
/// articles a list of everything each says alone helps nobody. In a large
/// batch, whose comparison keeps each article's closest pairs only, those
/// inside one event cluster are diffed, so that the work and the report grow
/// with the articles. `sentence_keys` are those the alignment made; the
/// diff makes the rest. Natively on all the CPU's threads.
fn diff_pairs(
    articles: &[Article],
    pairs: &[PairScore],
    entity_key: &(dyn Fn(&str) -> String + Sync),
    clusters: &Clusters,
    complete: bool,
    mut sentence_keys: SentenceKeys,
) -> Vec<FactDiff> {
    let mut event_of = vec![0; articles.len()];
    for (c, members) in clusters.event.iter().enumerate() {
        for &m in members {
            event_of[m] = c;
        }
    }
    let wanted = |p: &PairScore| {
        if complete {
            p.relation >= Relation::SameTopic
        } else {
            event_of[p.a] == event_of[p.b]
        }
    };
    // What the diff reads of each article some pair diffs, once each.
    let needed = articles_of(articles.len(), pairs.iter().filter(|p| wanted(p)));
    for (keys, _) in sentence_keys.iter_mut().zip(&needed).filter(|(_, &n)| !n) {
        *keys = None;
    }
    let prepared = par_make(&needed, |k| {
        diff::prepare(&articles[k], sentence_keys[k].as_deref(), entity_key)
    });
    par_map(pairs, |p| {
        match (wanted(p), &prepared[p.a], &prepared[p.b]) {
            (true, Some(pa), Some(pb)) => {
                diff::diff((&articles[p.a], pa), (&articles[p.b], pb), entity_key)
            }
            _ => FactDiff::default(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::par_make;

    #[test]
    fn par_make_makes_each_marked_article_in_its_place() {
        let marked = [false, true, true, false, true];
        let made = par_make(&marked, |k| k * 10);
        assert_eq!(made, [None, Some(10), Some(20), None, Some(40)]);
        assert_eq!(par_make(&[false; 3], |k| k), [None, None, None]);
    }
}
