//! Clusters of articles at three grains: story, event and topic.
//!
//! Average-linkage agglomeration over the pair scores: two groups join when
//! the mean relation between their members reaches the grain's level. Average
//! linkage keeps one loosely related article from chaining two events together.

use super::similarity::{PairScore, Relation};
use serde::Serialize;

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

/// The clusters of `n` articles at each grain, from their pair relations.
pub(super) fn cluster(n: usize, pairs: &[PairScore]) -> Clusters {
    let mut rel = vec![vec![Relation::Unrelated; n]; n];
    let mut score = vec![vec![0.0; n]; n];
    for p in pairs {
        rel[p.a][p.b] = p.relation;
        rel[p.b][p.a] = p.relation;
        score[p.a][p.b] = p.score;
        score[p.b][p.a] = p.score;
    }
    let links = Links { rel, score };
    Clusters {
        story: agglomerate(n, &links, Relation::SameStory),
        event: agglomerate(n, &links, Relation::SameEvent),
        topic: agglomerate(n, &links, Relation::SameTopic),
    }
}

/// The pair relations and scores, by article index.
struct Links {
    rel: Vec<Vec<Relation>>,
    score: Vec<Vec<f64>>,
}

/// Clusters at one grain. Groups only ever join over a link at `level`, so
/// each connected component of linked articles is agglomerated on its own:
/// for a large batch of mostly unrelated articles the work stays small.
fn agglomerate(n: usize, links: &Links, level: Relation) -> Vec<Vec<usize>> {
    let mut groups = Vec::new();
    for component in components(n, &links.rel, level) {
        groups.extend(agglomerate_within(component, links, level));
    }
    groups.sort_by_key(|g| g[0]);
    groups
}

/// The connected components of the graph whose edges are links at `level`.
fn components(n: usize, rel: &[Vec<Relation>], level: Relation) -> Vec<Vec<usize>> {
    let mut seen = vec![false; n];
    let mut out = Vec::new();
    for start in 0..n {
        if seen[start] {
            continue;
        }
        seen[start] = true;
        let mut component = vec![start];
        let mut stack = vec![start];
        while let Some(i) = stack.pop() {
            for j in 0..n {
                if !seen[j] && rel[i][j] >= level {
                    seen[j] = true;
                    component.push(j);
                    stack.push(j);
                }
            }
        }
        component.sort_unstable();
        out.push(component);
    }
    out
}

/// Average linkage inside one component: repeatedly join the two groups
/// with the highest share of member pairs linked at `level`, while that
/// share is over half. A tie goes to the higher mean pair score, so that
/// the result does not depend on the order of the articles.
fn agglomerate_within(members: Vec<usize>, links: &Links, level: Relation) -> Vec<Vec<usize>> {
    let rel = &links.rel;
    let mut groups: Vec<Vec<usize>> = members.into_iter().map(|i| vec![i]).collect();
    loop {
        let mut best: Option<((f64, f64), usize, usize)> = None;
        for a in 0..groups.len() {
            for b in a + 1..groups.len() {
                let mut linked = 0;
                let mut total = 0;
                let mut sum = 0.0;
                for &i in &groups[a] {
                    for &j in &groups[b] {
                        total += 1;
                        sum += links.score[i][j];
                        if rel[i][j] >= level {
                            linked += 1;
                        }
                    }
                }
                let key = (linked as f64 / total as f64, sum / total as f64);
                if key.0 > 0.5 && best.is_none_or(|(k, _, _)| key > k) {
                    best = Some((key, a, b));
                }
            }
        }
        match best {
            Some((_, a, b)) => {
                let moved = groups.remove(b);
                groups[a].extend(moved);
                groups[a].sort_unstable();
            }
            None => return groups,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(a: usize, b: usize, relation: Relation) -> PairScore {
        PairScore {
            a,
            b,
            score: 0.0,
            relation,
            words: 0.0,
            entities: 0.0,
            events: 0.0,
            dates: 0.0,
            numbers: 0.0,
            coverage: 0.0,
            aligned: 0,
        }
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
        let c = cluster(6, &pairs);
        assert_eq!(c.event, vec![vec![0, 1, 2], vec![3, 4], vec![5]]);
        assert_eq!(
            c.story,
            vec![vec![0], vec![1], vec![2], vec![3, 4], vec![5]]
        );
    }
}
