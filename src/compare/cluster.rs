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
    pub story: Vec<Vec<usize>>,
    pub event: Vec<Vec<usize>>,
    pub topic: Vec<Vec<usize>>,
}

pub fn cluster(n: usize, pairs: &[PairScore]) -> Clusters {
    let mut rel = vec![vec![Relation::Unrelated; n]; n];
    for p in pairs {
        rel[p.a][p.b] = p.relation;
        rel[p.b][p.a] = p.relation;
    }
    Clusters {
        story: agglomerate(n, &rel, Relation::SameStory),
        event: agglomerate(n, &rel, Relation::SameEvent),
        topic: agglomerate(n, &rel, Relation::SameTopic),
    }
}

fn agglomerate(n: usize, rel: &[Vec<Relation>], level: Relation) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    loop {
        // Find the pair of groups with the highest share of links at `level` or above.
        let mut best: Option<(f64, usize, usize)> = None;
        for a in 0..groups.len() {
            for b in a + 1..groups.len() {
                let mut linked = 0;
                let mut total = 0;
                for &i in &groups[a] {
                    for &j in &groups[b] {
                        total += 1;
                        if rel[i][j] >= level {
                            linked += 1;
                        }
                    }
                }
                let share = linked as f64 / total as f64;
                if share > 0.5 && best.is_none_or(|(s, _, _)| share > s) {
                    best = Some((share, a, b));
                }
            }
        }
        match best {
            Some((_, a, b)) => {
                let moved = groups.remove(b);
                groups[a].extend(moved);
                groups[a].sort_unstable();
            }
            None => break,
        }
    }
    groups.sort_by_key(|g| g[0]);
    groups
}
