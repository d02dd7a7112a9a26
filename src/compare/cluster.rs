//! Clusters of articles at three grains: story, event and topic.
//!
//! Average-linkage agglomeration. Events: over the event model's continuous
//! probabilities ([`PairScore::same_event`]), two groups joining while the
//! mean over their member pairs (a pair not scored counts as 0) is at least
//! [`EVENT_LINK`]. Stories and topics: over the pair relations, two groups
//! joining when most of their member pairs are linked at the grain's level.
//! Average linkage keeps one loosely related article from chaining two events together.
//! The work follows the links, so a batch of ten thousand mostly unrelated
//! articles clusters as fast as its links allow. Two joins that are exactly
//! as good go in the order of the articles' tie ranks (in a batch, the order
//! of their ids), never in the order the articles came in.

use super::similarity::{PairScore, Relation};
use crate::text::hash::FastMap as HashMap;
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// Clusters as lists of article indices, each sorted, ordered by first member.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Clusters {
    /// Articles of one story: texts derived from one another.
    pub story: Vec<Vec<usize>>,
    /// Articles that report one event.
    pub event: Vec<Vec<usize>>,
    /// Articles on one subject.
    pub topic: Vec<Vec<usize>>,
}

/// Mean event evidence over two groups' member pairs from which they join
/// into one event cluster. On the dev splits of `tests/eval/clusters/`
/// (one-sentence reports) the best mean B-cubed F1 is at 0.06 (0.888); but
/// full-length reports of one country share more words and names than
/// one-sentence ones, and there 0.06 joins different events (two reports on
/// Turkey two days apart, 0.09). 0.30 keeps full-length reports of separate
/// events apart and costs 0.034 of that dev F1 (0.854).
pub const EVENT_LINK: f64 = 0.3;

/// The clusters of the articles at each grain, from their pair scores (a
/// pair not listed is unrelated). `tie_rank[i]` is article `i`'s place in an
/// order that does not depend on the order of the input, such as that of
/// [`ranks_by_id`]: it breaks ties between joins, so the clusters do not
/// depend on that order either. There is one rank per article, all distinct.
pub(super) fn cluster(pairs: &[PairScore], tie_rank: &[usize]) -> Clusters {
    let events = pairs
        .iter()
        .map(|p| (p.a, p.b, evidence(p.same_event), p.score))
        .filter(|&(a, b, e, _)| a != b && e > 0.0);
    Clusters {
        story: agglomerate(pairs, Relation::SameStory, tie_rank),
        event: linkage(events, EVENT_LINK, tie_rank),
        topic: agglomerate(pairs, Relation::SameTopic, tie_rank),
    }
}

/// Each article's place in the batch sorted by id (ids are unique in a
/// batch): the tie ranks of a batch, whatever the order it came in.
pub(super) fn ranks_by_id(ids: &[&str]) -> Vec<usize> {
    let mut by_id: Vec<usize> = (0..ids.len()).collect();
    crate::text::sort::by_key_unstable(&mut by_id, |&i| ids[i]);
    let mut rank = vec![0; ids.len()];
    for (place, &i) in by_id.iter().enumerate() {
        rank[i] = place;
    }
    rank
}

/// How far the event probability of a pair rises above that of two reports
/// that share nothing, on a scale where sharing nothing is 0 and certainty 1
/// (never below 0). A pair that was not scored shares nothing, so a batch
/// scored by candidate pairs clusters as one scored by all pairs.
fn evidence(probability: f64) -> f64 {
    let prior = PairScore::nothing_shared();
    ((probability - prior) / (1.0 - prior)).max(0.0)
}

/// Clusters at one grain: average linkage, where two groups join when more
/// than half of their member pairs are linked at `level`, the groups with the
/// highest share first; a tie goes to the higher mean score of the linked
/// pairs, then to the groups of the lower tie ranks, so that the result does
/// not depend on the order of the articles.
///
/// Only linked groups can join, so the work follows the links, not the
/// pairs of the batch: each group keeps its count of links to each other
/// group, and a heap holds the candidate joins, an entry going stale when
/// either group has grown since it was pushed.
fn agglomerate(pairs: &[PairScore], level: Relation, tie_rank: &[usize]) -> Vec<Vec<usize>> {
    let linked = pairs
        .iter()
        .filter(|p| p.relation >= level && p.a != p.b)
        .map(|p| (p.a, p.b, 1.0, p.score));
    linkage(linked, 0.5, tie_rank)
}

/// Average linkage over weighted links `(a, b, weight, score)` of the
/// articles `0..tie_rank.len()`: two groups join while the summed weight of
/// their member pairs over the number of those pairs is above `threshold`,
/// the highest first (ties: the higher mean score of the linked pairs, then
/// the groups whose lowest tie ranks are lower).
fn linkage(
    weighted: impl Iterator<Item = (usize, usize, f64, f64)>,
    threshold: f64,
    tie_rank: &[usize],
) -> Vec<Vec<usize>> {
    let n = tie_rank.len();
    // Groups are named by their first member; links[g]: group -> links to it.
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    // The lowest tie rank of each group's members.
    let mut group_rank = tie_rank.to_vec();
    let mut links: Vec<HashMap<usize, Link>> = vec![HashMap::default(); n];
    for (a, b, weight, score) in weighted {
        links[a].entry(b).or_default().add(Link::of(weight, score));
        links[b].entry(a).or_default().add(Link::of(weight, score));
    }
    let mut heap = BinaryHeap::new();
    for (a, to) in links.iter().enumerate() {
        for (&b, &link) in to {
            if a < b {
                let ranks = (group_rank[a], group_rank[b]);
                heap.extend(Join::above(a, b, link, (1, 1), ranks, threshold));
            }
        }
    }
    while let Some(join) = heap.pop() {
        let (a, b) = (join.a, join.b);
        if members[a].len() != join.sizes.0 || members[b].len() != join.sizes.1 {
            continue;
        }
        // Join b into a (a has the lower first member).
        let moved = std::mem::take(&mut members[b]);
        members[a].extend(moved);
        group_rank[a] = group_rank[a].min(group_rank[b]);
        let from_b = std::mem::take(&mut links[b]);
        links[a].remove(&b);
        for (c, link) in from_b {
            if c == a {
                continue;
            }
            links[a].entry(c).or_default().add(link);
            let to_c = &mut links[c];
            to_c.remove(&b);
            to_c.entry(a).or_default().add(link);
        }
        for (&c, &link) in &links[a] {
            let (x, y) = (a.min(c), a.max(c));
            heap.extend(Join::above(
                x,
                y,
                link,
                (members[x].len(), members[y].len()),
                (group_rank[x], group_rank[y]),
                threshold,
            ));
        }
    }
    let mut groups: Vec<Vec<usize>> = members.into_iter().filter(|g| !g.is_empty()).collect();
    for g in &mut groups {
        crate::text::sort::all(g);
    }
    crate::text::sort::by_key(&mut groups, |g| g[0]);
    groups
}

/// The links between two groups: how many member pairs are linked, the sum
/// of their weights and the sum of their scores.
#[derive(Clone, Copy, Debug, Default)]
struct Link {
    count: u32,
    weight: f64,
    score_sum: f64,
}

impl Link {
    fn of(weight: f64, score: f64) -> Link {
        Link {
            count: 1,
            weight,
            score_sum: score,
        }
    }
    fn add(&mut self, other: Link) {
        self.count += other.count;
        self.weight += other.weight;
        self.score_sum += other.score_sum;
    }
}

/// A candidate join of groups `a < b` (named by their first members) with
/// their sizes when it was pushed; only shares above the threshold are pushed.
struct Join {
    share: f64,
    /// The mean score of the linked member pairs: the first tie-break.
    mean_score: f64,
    /// The two groups' lowest tie ranks, the lower first: the last tie-break
    /// (no two groups have the same).
    ranks: (usize, usize),
    a: usize,
    b: usize,
    sizes: (usize, usize),
}

impl Join {
    /// The join, if the mean weight over the member pairs is above `threshold`.
    fn above(
        a: usize,
        b: usize,
        link: Link,
        sizes: (usize, usize),
        ranks: (usize, usize),
        threshold: f64,
    ) -> Option<Join> {
        let share = link.weight / (sizes.0 * sizes.1) as f64;
        let mean_score = link.score_sum / f64::from(link.count.max(1));
        (share > threshold).then_some(Join {
            share,
            mean_score,
            ranks: (ranks.0.min(ranks.1), ranks.0.max(ranks.1)),
            a,
            b,
            sizes,
        })
    }
}

impl PartialEq for Join {
    fn eq(&self, other: &Join) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Join {}

impl PartialOrd for Join {
    fn partial_cmp(&self, other: &Join) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Join {
    /// The highest share first, then the highest mean score, then the
    /// groups of the lowest tie ranks.
    fn cmp(&self, other: &Join) -> Ordering {
        (self.share.total_cmp(&other.share))
            .then(self.mean_score.total_cmp(&other.mean_score))
            .then(other.ranks.cmp(&self.ranks))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(a: usize, b: usize, relation: Relation) -> PairScore {
        let same_event = match relation {
            Relation::SameEvent | Relation::SameStory => 0.99,
            _ => 0.0,
        };
        PairScore::known(a, b, 0.0, relation, same_event)
    }

    /// Tie ranks in the order of the articles.
    fn in_order(n: usize) -> Vec<usize> {
        (0..n).collect()
    }

    #[test]
    fn one_loose_link_does_not_chain_two_events() {
        // 0-1-2 tell one event; 3-4 another; 2 and 3 share only a topic.
        let pairs = [
            pair(0, 1, Relation::SameEvent),
            pair(0, 2, Relation::SameEvent),
            pair(1, 2, Relation::SameEvent),
            pair(3, 4, Relation::SameStory),
            pair(2, 3, Relation::SameEvent),
        ];
        let c = cluster(&pairs, &in_order(6));
        assert_eq!(c.event, vec![vec![0, 1, 2], vec![3, 4], vec![5]]);
        assert_eq!(
            c.story,
            vec![vec![0], vec![1], vec![2], vec![3, 4], vec![5]]
        );
    }

    #[test]
    fn an_exact_tie_goes_by_tie_rank_not_by_input_order() {
        // 1 tells one story with 0 and with 2, which do not with each other:
        // once 1 has joined either, the other is linked to only half of that
        // group. Whichever of 0 and 2 ranks first takes 1, wherever it stands.
        let pairs = |x, y, z| {
            [
                pair(x, y, Relation::SameStory),
                pair(y, z, Relation::SameStory),
            ]
        };
        let forward = cluster(&pairs(0, 1, 2), &[0, 1, 2]);
        assert_eq!(forward.story, vec![vec![0, 1], vec![2]]);
        // The same batch with the first and the last swapped in the input.
        let swapped = cluster(&pairs(2, 1, 0), &[2, 1, 0]);
        assert_eq!(swapped.story, vec![vec![0], vec![1, 2]]);
        // Ranks by id follow the ids, not the positions.
        assert_eq!(ranks_by_id(&["c", "a", "b"]), vec![2, 0, 1]);
    }

    /// The clusters by the definition: repeatedly join the two groups with
    /// the highest share of linked member pairs (the first such pair of
    /// groups, in order of first member), while that share is over half.
    fn reference(n: usize, pairs: &[PairScore], level: Relation) -> Vec<Vec<usize>> {
        let linked = |i: usize, j: usize| {
            pairs
                .iter()
                .any(|p| p.relation >= level && ((p.a, p.b) == (i, j) || (p.a, p.b) == (j, i)))
        };
        let mut groups: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
        loop {
            let mut best: Option<(f64, usize, usize)> = None;
            for a in 0..groups.len() {
                for b in a + 1..groups.len() {
                    let total = groups[a].len() * groups[b].len();
                    let links = (groups[a].iter())
                        .flat_map(|&i| groups[b].iter().map(move |&j| (i, j)))
                        .filter(|&(i, j)| linked(i, j))
                        .count();
                    let share = links as f64 / total as f64;
                    if share > 0.5 && best.is_none_or(|(s, _, _)| share > s) {
                        best = Some((share, a, b));
                    }
                }
            }
            let Some((_, a, b)) = best else {
                return groups;
            };
            let moved = groups.remove(b);
            groups[a].extend(moved);
            crate::text::sort::all(&mut groups[a]);
        }
    }

    #[test]
    fn the_heap_agglomerates_as_the_definition_does() {
        // Random relation graphs, from a fixed-seed generator.
        let mut state = 0x2545_f491_u64;
        let mut next = |m: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % m
        };
        let levels = [
            Relation::Unrelated,
            Relation::SameTopic,
            Relation::SameEvent,
            Relation::SameStory,
        ];
        for round in 0..300 {
            let n = 2 + next(12) as usize;
            let density = 1 + next(4);
            let mut pairs = Vec::new();
            for a in 0..n {
                for b in a + 1..n {
                    if next(5) < density {
                        pairs.push(pair(a, b, levels[next(4) as usize]));
                    }
                }
            }
            for level in [
                Relation::SameTopic,
                Relation::SameEvent,
                Relation::SameStory,
            ] {
                assert_eq!(
                    agglomerate(&pairs, level, &in_order(n)),
                    reference(n, &pairs, level),
                    "round {round}, {level:?}"
                );
            }
        }
    }
}
