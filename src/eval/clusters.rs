//! B-cubed precision, recall and F1 of a clustering against a reference, the
//! event clustering test sets of `tests/eval/clusters/` and the TF-IDF
//! baseline that `examples/cluster_eval.rs` and `tests/suite/cluster_benchmark.rs`
//! compare storydiff with: TF-IDF over the batch (lowercased words, sublinear
//! term frequency, smoothed idf), cosine, average-linkage agglomeration (the
//! nearest-neighbour chain) cut at a threshold tuned on a dev split.

use crate::Input;
use std::collections::HashMap;

/// The sets of `tests/eval/clusters/`: Wikipedia "In the news" blurbs
/// (`twins`, `wording`, `languages`), full-length English Wikinews reports
/// of events of a recurring kind (`twins_full`), full-length French
/// Wikinews reports of 2012, all held out (`twins_fr`), and full-length
/// Japanese Wikinews reports of typhoons (dev) and earthquakes (held out)
/// (`twins_ja`), and of air and rail crashes (dev), hurricanes and
/// eruptions (held out) (`twins_ja2`).
pub const SETS: [&str; 7] = [
    "twins",
    "twins_full",
    "wording",
    "languages",
    "twins_fr",
    "twins_ja",
    "twins_ja2",
];

/// The set whose dev split tunes the baseline for `name`: its own, or, for a
/// set that is all held out, the dev split of the set of the same genre
/// (`twins_fr`, full-length reports: `twins_full`).
pub fn dev_set(name: &str) -> &str {
    match name {
        "twins_fr" => "twins_full",
        other => other,
    }
}

/// The baseline's threshold for set `name`, tuned on [`dev_set`]'s dev split.
pub fn tune_for(name: &str) -> f64 {
    tune(&load(dev_set(name), "dev"))
}

/// B-cubed precision, recall and F1 of `found` against `gold`, both lists
/// of clusters of article indices `0..n` (an index in neither is a singleton).
///
/// ```
/// use storydiff::eval::clusters::b_cubed;
/// let gold = vec![vec![0, 1], vec![2]];
/// assert_eq!(b_cubed(&gold, &gold, 3), (1.0, 1.0, 1.0));
/// let (p, r, _) = b_cubed(&[vec![0], vec![1], vec![2]], &gold, 3);
/// assert_eq!(p, 1.0);
/// assert!((r - 2.0 / 3.0).abs() < 1e-9);
/// ```
pub fn b_cubed(found: &[Vec<usize>], gold: &[Vec<usize>], n: usize) -> (f64, f64, f64) {
    if n == 0 {
        return (1.0, 1.0, 1.0);
    }
    let label = |clusters: &[Vec<usize>]| {
        // Singletons get labels past the clusters'.
        let mut of: Vec<usize> = (0..n).map(|i| clusters.len() + i).collect();
        for (c, members) in clusters.iter().enumerate() {
            for &m in members {
                of[m] = c;
            }
        }
        of
    };
    let (f, g) = (label(found), label(gold));
    let mut sizes: std::collections::HashMap<(usize, usize), usize> = Default::default();
    let mut f_size: std::collections::HashMap<usize, usize> = Default::default();
    let mut g_size: std::collections::HashMap<usize, usize> = Default::default();
    for i in 0..n {
        *sizes.entry((f[i], g[i])).or_default() += 1;
        *f_size.entry(f[i]).or_default() += 1;
        *g_size.entry(g[i]).or_default() += 1;
    }
    let (mut p, mut r) = (0.0, 0.0);
    for i in 0..n {
        let both = sizes[&(f[i], g[i])] as f64;
        p += both / f_size[&f[i]] as f64;
        r += both / g_size[&g[i]] as f64;
    }
    let (p, r) = (p / n as f64, r / n as f64);
    let f1 = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f1)
}

#[derive(serde::Deserialize)]
struct Set {
    articles: Vec<Report>,
}

/// One report of a set: its id, gold event, split, day and text.
#[derive(serde::Deserialize, Clone, Debug)]
pub struct Report {
    /// Unique in its set.
    pub id: String,
    /// The gold event (a Wikidata item).
    pub event: String,
    /// `dev` or `heldout`.
    pub split: String,
    /// The day the report was first seen, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The report, verbatim.
    pub text: String,
}

/// The reports of one split (`dev`, `heldout`) of a set of `tests/eval/clusters/`.
pub fn load(name: &str, split: &str) -> Vec<Report> {
    let path = format!(
        "{}/tests/eval/clusters/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let set: Set = serde_json::from_str(&raw).unwrap_or_else(|e| panic!("{path}: {e}"));
    (set.articles.into_iter())
        .filter(|a| a.split == split)
        .collect()
}

/// The gold events of `reports`, as clusters of their indices.
pub fn gold(reports: &[Report]) -> Vec<Vec<usize>> {
    let mut by: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, r) in reports.iter().enumerate() {
        by.entry(&r.event).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = by.into_values().collect();
    out.sort();
    out
}

/// The reports as inputs of a batch, with their days.
pub fn inputs(reports: &[Report]) -> Vec<Input> {
    reports
        .iter()
        .map(|r| {
            let mut input = Input::new(r.id.clone(), r.text.clone());
            input.date = r.date.clone();
            input
        })
        .collect()
}

/// TF-IDF vectors (sparse, L2-normalized) of the batch.
fn tfidf(reports: &[Report]) -> Vec<Vec<(u32, f64)>> {
    let mut vocab: HashMap<String, u32> = HashMap::new();
    let docs: Vec<HashMap<u32, f64>> = reports
        .iter()
        .map(|r| {
            let mut tf: HashMap<u32, f64> = HashMap::new();
            for w in r.text.split(|c: char| !c.is_alphanumeric()) {
                if w.chars().count() < 2 {
                    continue;
                }
                let n = vocab.len() as u32;
                let id = *vocab.entry(w.to_lowercase()).or_insert(n);
                *tf.entry(id).or_default() += 1.0;
            }
            tf
        })
        .collect();
    let mut df = vec![0.0; vocab.len()];
    for d in &docs {
        for &t in d.keys() {
            df[t as usize] += 1.0;
        }
    }
    let n = docs.len() as f64;
    docs.into_iter()
        .map(|d| {
            let mut v: Vec<(u32, f64)> = d
                .into_iter()
                .map(|(t, f)| {
                    let idf = ((1.0 + n) / (1.0 + df[t as usize])).ln() + 1.0;
                    (t, (1.0 + f64::ln(f)) * idf)
                })
                .collect();
            let norm = v.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt().max(1e-12);
            v.iter_mut().for_each(|x| x.1 /= norm);
            v.sort_unstable_by_key(|x| x.0);
            v
        })
        .collect()
}

fn dot(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// The average-linkage dendrogram of a similarity matrix, by the
/// nearest-neighbour chain: its merges `(a, b, similarity)`.
fn dendrogram(mut sim: Vec<Vec<f64>>) -> Vec<(usize, usize, f64)> {
    let n = sim.len();
    let mut size = vec![1.0; n];
    let mut active = vec![true; n];
    let mut chain: Vec<usize> = Vec::new();
    let mut merges = Vec::new();
    let mut left = n;
    while left > 1 {
        if chain.is_empty() {
            chain.push(active.iter().position(|&a| a).unwrap());
        }
        let a = *chain.last().unwrap();
        let prev = chain.len().checked_sub(2).map(|k| chain[k]);
        let mut best = prev;
        let mut best_sim = prev.map_or(f64::NEG_INFINITY, |p| sim[a][p]);
        for x in 0..n {
            if active[x] && x != a && sim[a][x] > best_sim {
                best = Some(x);
                best_sim = sim[a][x];
            }
        }
        let b = best.unwrap();
        if Some(b) != prev {
            chain.push(b);
            continue;
        }
        chain.truncate(chain.len() - 2);
        merges.push((a, b, best_sim));
        let (sa, sb) = (size[a], size[b]);
        for x in 0..n {
            if active[x] && x != a && x != b {
                let s = (sa * sim[a][x] + sb * sim[b][x]) / (sa + sb);
                sim[a][x] = s;
                sim[x][a] = s;
            }
        }
        size[a] += sb;
        active[b] = false;
        left -= 1;
    }
    merges
}

/// The clusters of `n` items at similarity `t`: the merges at or above it.
pub fn cut(n: usize, merges: &[(usize, usize, f64)], t: f64) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for &(a, b, s) in merges {
        if s >= t {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            parent[rb] = ra;
        }
    }
    let mut by: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        by.entry(r).or_default().push(i);
    }
    by.into_values().collect()
}

/// The baseline's dendrogram of `reports`: TF-IDF cosine, average linkage.
pub fn baseline_merges(reports: &[Report]) -> Vec<(usize, usize, f64)> {
    let v = tfidf(reports);
    let sim: Vec<Vec<f64>> = (0..v.len())
        .map(|i| (0..v.len()).map(|j| dot(&v[i], &v[j])).collect())
        .collect();
    dendrogram(sim)
}

/// The threshold with the best B3-F1 on `reports` (the lowest of equals).
pub fn tune(reports: &[Report]) -> f64 {
    let merges = baseline_merges(reports);
    let g = gold(reports);
    let mut best = (f64::NEG_INFINITY, 0.0);
    for k in 1..100 {
        let t = f64::from(k) / 100.0;
        let f = b_cubed(&cut(reports.len(), &merges, t), &g, reports.len()).2;
        if f > best.0 {
            best = (f, t);
        }
    }
    best.1
}
