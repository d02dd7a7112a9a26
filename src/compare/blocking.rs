//! Blocking: which articles of a large corpus are worth comparing at all.
//!
//! [`compare`](super::compare) holds its whole batch in memory and links names
//! across all of it, so a corpus of millions is never one batch. Instead each
//! article gets a few [`keys`] of its own, computed from its analysis alone (no
//! corpus statistics, so a cluster's workers can compute them map-side, in any
//! order); articles that share a key form a block, each block is compared as
//! one batch, and [`stitch`] joins the pair relations of all blocks into
//! corpus-wide clusters.
//!
//! The keys, each a short string with a prefix that says its kind:
//!
//! - `n:NAME|aBUCKET`, `n:NAME|bBUCKET`: one of the article's [`NAMES`] main
//!   names (people by the surname, organisations, places below country size;
//!   the most often mentioned) with its event day in buckets of [`BUCKET_DAYS`]
//!   days, at two offsets, so that two reports whose days lie up to
//!   [`EVENT_DAYS_APART`] apart always share a bucket.
//! - `m:BAND:HASH|aBUCKET`, `m:BAND:HASH|bBUCKET`: MinHash of its rare words, in
//!   [`BANDS`] bands of [`ROWS`] rows, with the same buckets: articles whose
//!   rare-word sets overlap much (rewrites, wire copies) share a band with high
//!   probability (Jaccard 0.7: 0.92; 0.4: 0.33; 0.2: 0.05).
//! - An article with no event day gets its keys without a bucket (`u:NAME`,
//!   `m:BAND:HASH`) and the pairs of its main names (`p:NAME+NAME`), which meet
//!   only other undated articles.
//!
//! A key that a whole corpus shares ("n:white house|a1234" in a busy week) makes
//! a block too big to compare; the pipeline drops keys whose block is over its
//! size limit, as a search engine drops stop words.
//!
//! ```
//! use storydiff::{analyze_batch, compare, Input};
//! use storydiff::compare::blocking;
//! let articles = analyze_batch(&[
//!     Input::new("a", "Firefighters in Valparaiso battled a forest fire on Monday, 3 March 2025."),
//!     Input::new("b", "A forest fire near Valparaiso forced hundreds from their homes on 3 March 2025."),
//! ]).unwrap();
//! let (a, b) = (blocking::keys(&articles[0]), blocking::keys(&articles[1]));
//! assert!(a.iter().any(|k| b.contains(k)));
//! // One block holding both: its clusters stitch back to compare's own.
//! let comparison = compare(&articles);
//! assert_eq!(blocking::stitch(2, &comparison.pairs), comparison.clusters);
//! ```

use super::cluster::{self, Clusters};
use super::{PairScore, Relation, EVENT_DAYS_APART};
use crate::article::Article;
use crate::extract::EntityLabel;
use crate::lexicon::{self, PlaceKind};
use crate::text::{TokenKind, Words};
use std::collections::{BTreeSet, HashMap};

/// How many of an article's names give it keys.
pub const NAMES: usize = 3;
/// Width of a day bucket; two offsets of half a width each.
pub const BUCKET_DAYS: i64 = 2 * EVENT_DAYS_APART;
/// MinHash bands.
pub const BANDS: usize = 6;
/// Rows (hash functions) per MinHash band.
pub const ROWS: usize = 3;
/// Words rarer than this Zipf frequency join an article's rare-word set
/// ("government" is about 5, "neutrality" about 3.4, a word in no list 3).
pub const RARE_ZIPF: f32 = 3.5;
/// Fewer rare words than this give no MinHash keys (a few words collide by chance).
pub const MIN_RARE_WORDS: usize = 3;

/// The blocking keys of one article, sorted, without repeats.
pub fn keys(article: &Article) -> Vec<String> {
    let lang = article.language();
    let names = main_names(article, lang);
    let rare = rare_words(article, lang);
    let bands = if rare.len() >= MIN_RARE_WORDS {
        minhash_bands(rare.iter().map(|w| fnv1a(w.as_bytes())))
    } else {
        Vec::new()
    };
    let day = event_day(article);
    let mut out = BTreeSet::new();
    match day {
        // Every key with the fortnight, at both offsets: reports of one story or event are
        // days apart, so a key shared across months says nothing about them.
        Some(days) => {
            let buckets = [
                format!("a{}", days.div_euclid(BUCKET_DAYS)),
                format!("b{}", (days + BUCKET_DAYS / 2).div_euclid(BUCKET_DAYS)),
            ];
            for bucket in &buckets {
                for name in &names {
                    out.insert(format!("n:{name}|{bucket}"));
                }
                for (band, hash) in bands.iter().enumerate() {
                    out.insert(format!("m:{band}:{hash:016x}|{bucket}"));
                }
            }
        }
        None => {
            for name in &names {
                out.insert(format!("u:{name}"));
            }
            for (i, a) in names.iter().enumerate() {
                for b in &names[i + 1..] {
                    let (x, y) = if a <= b { (a, b) } else { (b, a) };
                    out.insert(format!("p:{x}+{y}"));
                }
            }
            for (band, hash) in bands.iter().enumerate() {
                out.insert(format!("m:{band}:{hash:016x}"));
            }
        }
    }
    out.into_iter().collect()
}

/// The day the article reports on, in days since 1970-01-01: its publication date, or else
/// the latest full date it states (the event day of the pair scores; one without a year
/// gives no day here).
fn event_day(article: &Article) -> Option<i64> {
    use crate::extract::CalendarDate;
    let published = article.meta.date.as_ref();
    published
        .and_then(|f| CalendarDate::parse_iso(&f.value))
        .or_else(|| {
            article
                .dates
                .iter()
                .filter_map(|d| CalendarDate::parse_iso(d.value.get(..10)?))
                .max()
        })
        .map(|d| d.days())
}

/// The article's [`NAMES`] main names as name keys (a person's by the surname): the most
/// often mentioned first, then the rarest, then the first mentioned. Countries and
/// continents name the setting of too many events to block on.
fn main_names(article: &Article, lang: Option<&str>) -> Vec<String> {
    // name key -> (mentions, first mention)
    let mut seen: HashMap<String, (usize, usize)> = HashMap::new();
    for e in &article.entities {
        if e.label == EntityLabel::Place
            && lexicon::place(&e.name)
                .is_some_and(|p| matches!(p.kind, PlaceKind::Country | PlaceKind::Continent))
        {
            continue;
        }
        let mut key = super::name_key(&e.name);
        // A person by the surname, which every report uses ("Borrell" for "Josep Borrell").
        if e.label == EntityLabel::Person {
            if let Some(last) = key.rsplit(' ').next() {
                key = last.to_string();
            }
        }
        if key.is_empty() {
            continue;
        }
        let order = seen.len();
        seen.entry(key).or_insert((0, order)).0 += 1;
    }
    let mut names: Vec<(usize, f32, usize, String)> = seen
        .into_iter()
        .map(|(key, (mentions, order))| {
            // A name is as common as its rarest word: "Joe Biden" as "Biden".
            let zipf = key
                .split(' ')
                .map(|w| lexicon::wordfreq::zipf(w, lang))
                .fold(f32::INFINITY, f32::min);
            (mentions, zipf, order, key)
        })
        .collect();
    crate::text::sort::by(&mut names, |a, b| {
        b.0.cmp(&a.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2))
    });
    names.into_iter().take(NAMES).map(|n| n.3).collect()
}

/// The article's rare content words, folded with [`super::word_key`].
fn rare_words(article: &Article, lang: Option<&str>) -> BTreeSet<String> {
    let text = article.analysis_text();
    Words::new(text, &article.seg)
        .iter()
        .filter(|w| w.kind == TokenKind::Word && super::keys::is_content_length(w.text))
        .filter(|w| !lexicon::is_stopword_in(&w.lower, lang))
        .map(|w| super::word_key(w.text))
        .filter(|k| !lexicon::is_stopword_in(k, lang))
        .filter(|k| lexicon::wordfreq::zipf(k, lang) < RARE_ZIPF)
        .collect()
}

/// FNV-1a: a hash that is the same on every machine and in every process.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// SplitMix64's finalizer: spreads one 64-bit value over all bits.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// One hash per band of a set of hashed items (a word, a name, a date):
/// each band combines the minima of its [`ROWS`] hash functions over the set,
/// so two sets share a band's hash with the probability the module's doc
/// gives for their Jaccard similarity.
pub(super) fn minhash_bands(items: impl IntoIterator<Item = u64>) -> Vec<u64> {
    let seeds: [u64; BANDS * ROWS] = std::array::from_fn(|i| mix(i as u64 + 1));
    let mut minima = [u64::MAX; BANDS * ROWS];
    for h in items {
        for (m, seed) in minima.iter_mut().zip(seeds) {
            *m = (*m).min(mix(h ^ seed));
        }
    }
    minima
        .chunks(ROWS)
        .map(|rows| rows.iter().fold(0xcbf2_9ce4_8422_2325, |h, &m| mix(h ^ m)))
        .collect()
}

/// Most articles in one group of linked articles that [`stitch`] agglomerates; the work
/// grows with the cube of a group's size.
pub const MAX_GROUP: usize = 500;

/// Clusters of a corpus of `n` articles from the pairs its blocks compared.
///
/// A pair compared in several blocks counts with its strongest relation; a pair that
/// shares no block counts as unrelated. Each group of linked articles is then clustered
/// as [`compare`](super::compare()) clusters a batch, so for one block holding a whole batch the
/// result is that batch's own clusters. The work grows with the pairs and the groups,
/// not with `n` squared. Story and event clusters come from groups linked at the same
/// event or closer, topic clusters from groups linked at the same topic or closer.
/// Two joins exactly as good go to the lower article numbers (a batch's comparison
/// breaks them by id instead: number the articles in the order of their ids to get
/// its clusters).
pub fn stitch(n: usize, pairs: &[PairScore]) -> Clusters {
    stitch_within(n, pairs, MAX_GROUP).0
}

/// [`stitch`], agglomerating groups of at most `limit` articles; also returns how many
/// groups were larger. A larger group at the event grain keeps its story clusters as its
/// events; at the topic grain, its event clusters as its topics (so nothing is chained).
pub fn stitch_within(n: usize, pairs: &[PairScore], limit: usize) -> (Clusters, usize) {
    let mut best: HashMap<(usize, usize), PairScore> = HashMap::new();
    for p in pairs {
        if p.a >= n || p.b >= n || p.a == p.b || p.relation == Relation::Unrelated {
            continue;
        }
        let key = (p.a.min(p.b), p.a.max(p.b));
        let stronger = |q: &PairScore| (p.relation, p.score) > (q.relation, q.score);
        if best.get(&key).is_none_or(stronger) {
            best.insert(key, *p);
        }
    }
    // In index order, so that clusters come out the same whatever the hash order.
    let mut best: Vec<PairScore> = best.into_values().collect();
    crate::text::sort::by_key(&mut best, |p| (p.a.min(p.b), p.a.max(p.b)));
    let mut out = Clusters::default();
    let mut over = 0;
    for group in groups(n, &best, Relation::SameEvent) {
        if group.members.len() > limit {
            over += 1;
            for sub in groups_within(&group, Relation::SameStory) {
                let c = if sub.members.len() > limit {
                    singletons(&sub.members)
                } else {
                    sub.cluster()
                };
                out.event.extend(c.story.clone());
                out.story.extend(c.story);
            }
        } else {
            let c = group.cluster();
            out.story.extend(c.story);
            out.event.extend(c.event);
        }
    }
    let mut topic_group = vec![0; n];
    let mut too_big = Vec::new();
    for (g, group) in groups(n, &best, Relation::SameTopic)
        .into_iter()
        .enumerate()
    {
        for &m in &group.members {
            topic_group[m] = g;
        }
        if group.members.len() > limit {
            over += 1;
            too_big.push(g);
        } else {
            out.topic.extend(group.cluster().topic);
        }
    }
    for e in &out.event {
        if too_big.contains(&topic_group[e[0]]) {
            out.topic.push(e.clone());
        }
    }
    for grain in [&mut out.story, &mut out.event, &mut out.topic] {
        crate::text::sort::by_key(grain, |g| g[0]);
    }
    (out, over)
}

/// Articles linked (transitively) at some level, and the pairs among them.
struct Group {
    /// In ascending order, so that local indices keep the batch's order.
    members: Vec<usize>,
    pairs: Vec<PairScore>,
}

impl Group {
    /// The group's pairs with the members' local indices (`0..members.len()`).
    fn local_pairs(&self) -> Vec<PairScore> {
        let local: HashMap<usize, usize> = (self.members.iter().enumerate())
            .map(|(i, &m)| (m, i))
            .collect();
        (self.pairs.iter())
            .map(|p| PairScore {
                a: local[&p.a],
                b: local[&p.b],
                ..*p
            })
            .collect()
    }

    /// The group clustered as a batch of its own, in corpus indices.
    fn cluster(&self) -> Clusters {
        if self.members.len() == 1 {
            return singletons(&self.members);
        }
        // Ties between joins go to the lower article numbers.
        let tie_rank: Vec<usize> = (0..self.members.len()).collect();
        let c = cluster::cluster(&self.local_pairs(), &tie_rank);
        let global = |groups: Vec<Vec<usize>>| -> Vec<Vec<usize>> {
            groups
                .into_iter()
                .map(|g| g.iter().map(|&i| self.members[i]).collect())
                .collect()
        };
        Clusters {
            story: global(c.story),
            event: global(c.event),
            topic: global(c.topic),
        }
    }
}

fn singletons(members: &[usize]) -> Clusters {
    let each: Vec<Vec<usize>> = members.iter().map(|&m| vec![m]).collect();
    Clusters {
        story: each.clone(),
        event: each.clone(),
        topic: each,
    }
}

/// The groups of `0..n` linked by pairs at `level` or closer, each with all its pairs.
fn groups(n: usize, pairs: &[PairScore], level: Relation) -> Vec<Group> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for p in pairs.iter().filter(|p| p.relation >= level) {
        let (ra, rb) = (root(&mut parent, p.a), root(&mut parent, p.b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut index: HashMap<usize, usize> = HashMap::new();
    let mut out: Vec<Group> = Vec::new();
    let mut of = vec![0; n];
    for (i, slot) in of.iter_mut().enumerate() {
        let r = root(&mut parent, i);
        let g = *index.entry(r).or_insert_with(|| {
            out.push(Group {
                members: Vec::new(),
                pairs: Vec::new(),
            });
            out.len() - 1
        });
        out[g].members.push(i);
        *slot = g;
    }
    for p in pairs {
        if of[p.a] == of[p.b] {
            out[of[p.a]].pairs.push(*p);
        }
    }
    out
}

/// The subgroups of `group` linked at `level` or closer.
fn groups_within(group: &Group, level: Relation) -> Vec<Group> {
    groups(group.members.len(), &group.local_pairs(), level)
        .into_iter()
        .map(|g| Group {
            members: g.members.iter().map(|&i| group.members[i]).collect(),
            pairs: g
                .pairs
                .iter()
                .map(|p| PairScore {
                    a: group.members[p.a],
                    b: group.members[p.b],
                    ..*p
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze_batch, compare, Input};

    fn pair(a: usize, b: usize, relation: Relation, score: f64) -> PairScore {
        // Linked pairs: half-way between sharing nothing and certainty.
        let same_event = if relation >= Relation::SameEvent {
            (1.0 + PairScore::nothing_shared()) / 2.0
        } else {
            0.0
        };
        PairScore::known(a, b, score, relation, same_event)
    }

    fn seeds() -> Vec<Input> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        crate::text::sort::all(&mut files);
        files
            .iter()
            .map(|p| {
                let id = p.file_stem().unwrap().to_string_lossy().into_owned();
                Input::from_bytes(id, None, &std::fs::read(p).unwrap())
            })
            .collect()
    }

    fn shared(a: &[String], b: &[String]) -> Vec<String> {
        a.iter().filter(|k| b.contains(k)).cloned().collect()
    }

    #[test]
    fn keys_are_sorted_unique_and_stable() {
        for input in seeds() {
            let article = crate::analyze(&input).unwrap();
            let k = keys(&article);
            let mut sorted = k.clone();
            crate::text::sort::all(&mut sorted);
            sorted.dedup();
            assert_eq!(k, sorted, "{}", input.id);
            assert!(!k.is_empty(), "{}: no keys", input.id);
            // Computed from the article alone: the same on every call.
            assert_eq!(keys(&crate::analyze(&input).unwrap()), k);
        }
    }

    #[test]
    fn reports_of_one_story_or_event_share_a_key() {
        // Each seed on its own, as a cluster's workers analyze them, with the publication
        // dates an archive would record (seeds/README.md; 000 is the French version of 001,
        // 003 appeared about a day before 002).
        let dates = [
            "2022-03-19",
            "2022-03-19",
            "2022-01-06",
            "2022-01-05",
            "2021-04-18",
        ];
        let articles: Vec<Article> = seeds()
            .into_iter()
            .zip(dates)
            .map(|(mut i, d)| {
                i.date = Some(d.to_string());
                crate::analyze(&i).unwrap()
            })
            .collect();
        let k: Vec<Vec<String>> = articles.iter().map(keys).collect();
        // 000 and 001 are one story; 002 and 003 report one event (seeds/README.md).
        assert!(!shared(&k[0], &k[1]).is_empty(), "{:?} / {:?}", k[0], k[1]);
        assert!(!shared(&k[2], &k[3]).is_empty(), "{:?} / {:?}", k[2], k[3]);
        // 004 is another event, three months earlier than the unrest of 002.
        assert!(shared(&k[4], &k[2]).is_empty(), "{:?} / {:?}", k[4], k[2]);
    }

    #[test]
    fn day_buckets_overlap_within_a_week() {
        // Two reports with one name, dated a week apart, share a day-bucket key;
        // three weeks apart they do not.
        let text = |d: &str| {
            let mut i = Input::new(
                d,
                "Interior Minister Ali Yerlikaya visited the town of Sivrice after the earthquake.",
            );
            i.date = Some(d.to_string());
            i
        };
        let name_keys = |d: &str| {
            let a = crate::analyze(&text(d)).unwrap();
            keys(&a)
                .into_iter()
                .filter(|k| k.starts_with("n:"))
                .collect::<Vec<_>>()
        };
        for start in ["2023-09-01", "2023-09-05", "2023-09-10", "2023-09-13"] {
            let d0 = crate::extract::CalendarDate::parse_iso(start).unwrap();
            let d7 = date_after(d0, 7);
            let d21 = date_after(d0, 21);
            assert!(
                !shared(&name_keys(start), &name_keys(&d7)).is_empty(),
                "{start} / {d7}"
            );
            assert!(
                shared(&name_keys(start), &name_keys(&d21)).is_empty(),
                "{start} / {d21}"
            );
        }
    }

    fn date_after(d: crate::extract::CalendarDate, days: i64) -> String {
        let mut x = d;
        for _ in 0..days {
            x = if x.day < crate::extract::days_in_month(x.year, x.month) {
                crate::extract::CalendarDate::new(x.year, x.month, x.day + 1).unwrap()
            } else if x.month < 12 {
                crate::extract::CalendarDate::new(x.year, x.month + 1, 1).unwrap()
            } else {
                crate::extract::CalendarDate::new(x.year + 1, 1, 1).unwrap()
            };
        }
        x.iso()
    }

    #[test]
    fn one_block_stitches_to_the_batch_clusters() {
        let articles = analyze_batch(&seeds()).unwrap();
        let comparison = compare(&articles);
        assert_eq!(
            stitch(articles.len(), &comparison.pairs),
            comparison.clusters
        );
    }

    #[test]
    fn stitching_takes_the_strongest_relation_and_never_chains_on_one_link() {
        // 0-1 is a topic link in one block and the same event in another.
        let c = stitch(
            3,
            &[
                pair(0, 1, Relation::SameTopic, 0.2),
                pair(1, 0, Relation::SameEvent, 0.4),
            ],
        );
        assert_eq!(c.event, vec![vec![0, 1], vec![2]]);
        // 0-1 and 1-2 in two blocks; 0-2 shared no block, so counts as unrelated:
        // the mean evidence of 2 with {0, 1} is under the event link, which
        // average linkage refuses.
        let c = stitch(
            3,
            &[
                pair(0, 1, Relation::SameEvent, 0.5),
                pair(1, 2, Relation::SameEvent, 0.5),
            ],
        );
        assert_eq!(c.event, vec![vec![0, 1], vec![2]]);
        assert_eq!(c.topic, vec![vec![0, 1], vec![2]]);
        // With 0-2 compared in a third block the three are one event.
        let c = stitch(
            3,
            &[
                pair(0, 1, Relation::SameEvent, 0.5),
                pair(1, 2, Relation::SameEvent, 0.5),
                pair(0, 2, Relation::SameEvent, 0.5),
            ],
        );
        assert_eq!(c.event, vec![vec![0, 1, 2]]);
        assert_eq!(c.story, vec![vec![0], vec![1], vec![2]]);
    }

    #[test]
    fn groups_over_the_limit_are_not_agglomerated() {
        // 0-1-2 one event (all linked), 3 linked to 2 by a topic only.
        let pairs = [
            pair(0, 1, Relation::SameStory, 0.9),
            pair(1, 2, Relation::SameEvent, 0.5),
            pair(0, 2, Relation::SameEvent, 0.5),
            pair(2, 3, Relation::SameTopic, 0.2),
        ];
        let (c, over) = stitch_within(4, &pairs, 4);
        assert_eq!(over, 0);
        assert_eq!(c.event, vec![vec![0, 1, 2], vec![3]]);
        assert_eq!(c.topic, vec![vec![0, 1, 2], vec![3]]);
        // With groups of at most three, the topic group {0..3} is too big: its events
        // stand as its topics.
        let (c, over) = stitch_within(4, &pairs, 3);
        assert_eq!(over, 1);
        assert_eq!(c.event, vec![vec![0, 1, 2], vec![3]]);
        assert_eq!(c.topic, c.event);
        // With at most two, the event group is too big as well: its stories stand as events.
        let (c, over) = stitch_within(4, &pairs, 2);
        assert_eq!(over, 2);
        assert_eq!(c.story, vec![vec![0, 1], vec![2], vec![3]]);
        assert_eq!(c.event, c.story);
        assert_eq!(c.topic, c.story);
    }

    #[test]
    fn stitching_ignores_pairs_outside_the_corpus() {
        let c = stitch(
            2,
            &[
                pair(0, 5, Relation::SameStory, 1.0),
                pair(1, 1, Relation::SameStory, 1.0),
            ],
        );
        assert_eq!(c.story, vec![vec![0], vec![1]]);
    }
}
