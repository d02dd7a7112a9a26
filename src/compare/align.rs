//! Sentence alignment of two articles.
//!
//! Each sentence becomes a set of content-word keys (stopwords left out,
//! possessives and plurals folded, see [`super::keys::sentence_keys`]). Two
//! sentences match by the Dice coefficient of their sets; the alignment is
//! the greedy one-to-one matching of the best pairs above [`SENTENCE_MIN_SCORE`]. The
//! share of sentences aligned says whether one text derives from the other
//! (a wire story and its rewrite or translation) or only tells the same event.

use super::keys::dice_of_shared;
use super::set_join;
use crate::text::hash::FastSet as HashSet;
use serde::Serialize;
use std::borrow::Cow;

/// Sentences whose Dice score is below this are not aligned.
pub const SENTENCE_MIN_SCORE: f64 = 0.3;

/// A pair of aligned sentences, by their index in each article's segmentation.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct AlignedSentences {
    /// The sentence's index in the first article.
    pub a: usize,
    /// The sentence's index in the second article.
    pub b: usize,
    /// The Dice coefficient of their content-word keys, `0..=1`.
    pub score: f64,
}

/// A key's hash and the sentence it is in.
type Posting = (u64, u32);

/// An article's sentences as the alignment reads them, made once per
/// article however many pairs it takes part in.
#[derive(Default)]
pub(super) struct HashedSentences {
    /// Each sentence's keys as sorted 64-bit hashes, so that two sentences
    /// intersect by one merge rather than by string lookups.
    pub(super) sets: Vec<Vec<u64>>,
    /// Every key of the sentences that can align ([`MIN_KEYS`] or more) with
    /// its sentence, sorted: two articles' lists merge once to count what
    /// each pair of their sentences shares. Made only for an article that
    /// meets a partner short enough for it.
    postings: Option<Vec<Posting>>,
    /// Where sentences that can align repeat one another (the same keys),
    /// each set of keys once with the sentences that have it, ascending.
    /// `None` when no such sentence repeats, as in most articles.
    repeats: Option<Vec<Vec<u32>>>,
}

/// Each sentence's keys as sorted 64-bit hashes, and their postings if
/// `counted` (the article meets a partner with which [`counts_every_pair`]).
pub(super) fn hashed(keys: &[HashSet<String>], counted: bool) -> HashedSentences {
    HashedSentences::of(keys.iter().map(hash_set).collect(), counted)
}

/// Whether two articles of `a` and `b` sentences are short enough that
/// their alignment counts what every pair of sentences shares, rather than
/// reading the pairs whose rarer words meet.
pub(super) fn counts_every_pair(a: usize, b: usize) -> bool {
    !set_join::worth_joining(a, b)
}

impl HashedSentences {
    /// The sentences of the sorted sets of distinct hashes `sets`, with
    /// their postings if `counted`.
    fn of(sets: Vec<Vec<u64>>, counted: bool) -> HashedSentences {
        let repeats = repeats(&sets);
        if !counted {
            return HashedSentences {
                sets,
                postings: None,
                repeats,
            };
        }
        let mut postings: Vec<Posting> = (sets.iter().enumerate())
            .filter(|(_, set)| set.len() >= MIN_KEYS)
            .flat_map(|(i, set)| set.iter().map(move |&h| (h, i as u32)))
            .collect();
        crate::text::sort::by_unstable(&mut postings, Ord::cmp);
        HashedSentences {
            sets,
            postings: Some(postings),
            repeats,
        }
    }

    /// The keys of each of `groups` (those of its first sentence).
    fn keys_of(&self, groups: &[Vec<u32>]) -> Vec<&[u64]> {
        groups
            .iter()
            .map(|g| &self.sets[g[0] as usize][..])
            .collect()
    }

    /// The sentences that can align grouped by their keys, each group's
    /// sentences ascending, the groups in the order of their first sentence:
    /// [`HashedSentences::repeats`], or one group per sentence.
    fn groups(&self) -> Cow<'_, [Vec<u32>]> {
        match &self.repeats {
            Some(groups) => Cow::Borrowed(groups),
            None => (self.sets.iter().enumerate())
                .filter(|(_, set)| set.len() >= MIN_KEYS)
                .map(|(i, _)| vec![i as u32])
                .collect(),
        }
    }
}

/// The sentences of `sets` that can align, grouped by their keys, when any
/// repeats another ([`HashedSentences::repeats`]).
fn repeats(sets: &[Vec<u64>]) -> Option<Vec<Vec<u32>>> {
    let can_align = |set: &Vec<u64>| set.len() >= MIN_KEYS;
    let key = |set: &Vec<u64>| (set.iter()).fold(super::repeats::Key::new(), |k, &h| k.u64(h));
    let groups = super::repeats::group(sets.iter().map(|s| can_align(s).then(|| key(s).finish())));
    (groups.len() < sets.iter().filter(|s| can_align(s)).count()).then_some(groups)
}

/// One set of keys as sorted 64-bit hashes ([`hashed`]).
pub(super) fn hash_set<'k>(keys: impl IntoIterator<Item = &'k String>) -> Vec<u64> {
    let mut h: Vec<u64> = keys.into_iter().map(|k| fnv(k)).collect();
    crate::text::sort::all(&mut h);
    h.dedup();
    h
}

fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// How many items two sorted lists of distinct items share. The merge
/// advances without branching on the comparison, which on unrelated
/// sentences is a coin toss the processor would mispredict half the time.
fn shared(x: &[u64], y: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        let (p, q) = (x[i], y[j]);
        n += usize::from(p == q);
        i += usize::from(p <= q);
        j += usize::from(q <= p);
    }
    n
}

/// Sentences with fewer content-word keys are not aligned.
const MIN_KEYS: usize = 3;

/// Aligns the sentences of two articles, given their [`hashed`] sentence keys.
pub(super) fn align(a: &HashedSentences, b: &HashedSentences) -> Vec<AlignedSentences> {
    let (na, nb) = (a.sets.len(), b.sets.len());
    match (&a.postings, &b.postings) {
        (Some(pa), Some(pb)) if counts_every_pair(na, nb) => {
            greedy_one_to_one(counted_candidates(a, b, (pa, pb)))
        }
        _ if a.repeats.is_none() && b.repeats.is_none() => {
            greedy_one_to_one(joined_candidates(&a.sets, &b.sets))
        }
        _ => aligned_repeats(a, b),
    }
}

/// The alignment of two articles where sentences repeat: the pairs of
/// distinct sentences are found once, and the greedy matching is played out
/// over their repeats without listing every pair of them, which for a
/// sentence repeated `k` times in each article would be `k * k` pairs.
fn aligned_repeats(a: &HashedSentences, b: &HashedSentences) -> Vec<AlignedSentences> {
    let (groups_a, groups_b) = (a.groups(), b.groups());
    let mut pairs = joined_candidates(&a.keys_of(&groups_a), &b.keys_of(&groups_b));
    let matches = super::repeats::matched(
        &mut pairs,
        |p| p.score,
        |p| (p.a, p.b),
        (&groups_a, &groups_b),
    );
    let mut out: Vec<AlignedSentences> = (matches.into_iter())
        .map(|(i, j, k)| AlignedSentences {
            a: i as usize,
            b: j as usize,
            score: pairs[k].score,
        })
        .collect();
    crate::text::sort::by_key(&mut out, |c| c.a);
    out
}

/// The pairs of sentences of two articles that reach
/// [`SENTENCE_MIN_SCORE`]: of two long ones, read among those whose rarer
/// words meet; else every pair, one merge each.
fn joined_candidates<S: AsRef<[u64]>>(a: &[S], b: &[S]) -> Vec<AlignedSentences> {
    // Only pairs that share a rare enough word can reach the score.
    let min_shared = |len: usize| {
        if len < MIN_KEYS {
            usize::MAX
        } else {
            set_join::dice_min_shared(len, SENTENCE_MIN_SCORE)
        }
    };
    let slices = set_join::slices;
    let meet = set_join::pairs(
        (a.len(), || slices(a)),
        (b.len(), || slices(b)),
        &min_shared,
    );
    let mut candidates = Vec::new();
    for (i, x) in a.iter().map(AsRef::as_ref).enumerate() {
        if x.len() < MIN_KEYS {
            continue;
        }
        for (j, y) in meet.of(i).map(|j| (j, b[j].as_ref())) {
            if y.len() < MIN_KEYS {
                continue;
            }
            // They share at most the shorter set: when even that scores
            // too low, the merge is not needed.
            let most = x.len().min(y.len());
            if dice_of_shared(most, x.len(), y.len()) < SENTENCE_MIN_SCORE {
                continue;
            }
            let score = dice_of_shared(shared(x, y), x.len(), y.len());
            if score >= SENTENCE_MIN_SCORE {
                candidates.push(AlignedSentences { a: i, b: j, score });
            }
        }
    }
    candidates
}

/// The same pairs for two articles short enough to count every pair: one
/// merge of their [`HashedSentences::postings`] counts what each pair of
/// sentences shares, so the pairs that share nothing cost nothing.
fn counted_candidates(
    a: &HashedSentences,
    b: &HashedSentences,
    (pa, pb): (&[Posting], &[Posting]),
) -> Vec<AlignedSentences> {
    let nb = b.sets.len();
    let mut counts = vec![0u32; a.sets.len() * nb];
    let (mut i, mut j) = (0, 0);
    while i < pa.len() && j < pb.len() {
        let (h, g) = (pa[i].0, pb[j].0);
        if h != g {
            i += usize::from(h < g);
            j += usize::from(g < h);
            continue;
        }
        // Every sentence of `a` with this key meets every one of `b` with it.
        let end_a = i + pa[i..].iter().take_while(|p| p.0 == h).count();
        let end_b = j + pb[j..].iter().take_while(|p| p.0 == h).count();
        for &(_, x) in &pa[i..end_a] {
            let row = &mut counts[x as usize * nb..][..nb];
            for &(_, y) in &pb[j..end_b] {
                row[y as usize] += 1;
            }
        }
        (i, j) = (end_a, end_b);
    }
    let mut candidates = Vec::new();
    for (i, row) in counts.chunks_exact(nb.max(1)).enumerate() {
        for (j, &shared) in row.iter().enumerate() {
            if shared == 0 {
                continue;
            }
            let score = dice_of_shared(shared as usize, a.sets[i].len(), b.sets[j].len());
            if score >= SENTENCE_MIN_SCORE {
                candidates.push(AlignedSentences { a: i, b: j, score });
            }
        }
    }
    candidates
}

/// The greedy one-to-one matching of the best candidates first, in the
/// order of the first article's sentences.
fn greedy_one_to_one(mut candidates: Vec<AlignedSentences>) -> Vec<AlignedSentences> {
    crate::text::sort::by(&mut candidates, |p, q| {
        q.score
            .total_cmp(&p.score)
            .then(p.a.cmp(&q.a))
            .then(p.b.cmp(&q.b))
    });
    let mut used_a = HashSet::default();
    let mut used_b = HashSet::default();
    let mut out: Vec<AlignedSentences> = candidates
        .into_iter()
        .filter(|c| {
            let free = !used_a.contains(&c.a) && !used_b.contains(&c.b);
            if free {
                used_a.insert(c.a);
                used_b.insert(c.b);
            }
            free
        })
        .collect();
    crate::text::sort::by_key(&mut out, |c| c.a);
    out
}

/// The share of the shorter article's substantial sentences that are aligned.
pub(super) fn coverage(
    a: &HashedSentences,
    b: &HashedSentences,
    aligned: &[AlignedSentences],
) -> f64 {
    let count = |s: &HashedSentences| s.sets.iter().filter(|k| k.len() >= MIN_KEYS).count();
    let shorter = count(a).min(count(b));
    if shorter == 0 {
        return 0.0;
    }
    (aligned.len() as f64 / shorter as f64).min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::keys::word_key;

    fn keys(sentences: &[&str]) -> HashedSentences {
        let sets: Vec<HashSet<String>> = sentences
            .iter()
            .map(|s| {
                s.split_whitespace()
                    .map(word_key)
                    .filter(|k| !crate::lexicon::is_stopword_in(k, Some("en")))
                    .collect()
            })
            .collect();
        hashed(&sets, true)
    }

    #[test]
    fn aligns_rewritten_sentences_one_to_one() {
        let a = keys(&[
            "Activists said Saturday they were refused permission to hold a rally",
            "Kazakhstan keeps tight control over public demonstrations",
        ]);
        let b = keys(&[
            "Public demonstrations are tightly controlled in Kazakhstan",
            "Activists were refused permission to hold a peace rally on Saturday",
        ]);
        let aligned = align(&a, &b);
        let pairs: Vec<(usize, usize)> = aligned.iter().map(|p| (p.a, p.b)).collect();
        assert_eq!(pairs, [(0, 1), (1, 0)]);
        assert_eq!(coverage(&a, &b, &aligned), 1.0);
    }

    /// The alignment as it reads every pair of sentences.
    #[cfg(not(target_arch = "wasm32"))]
    fn align_every_pair(a: &[Vec<u64>], b: &[Vec<u64>]) -> Vec<(usize, usize)> {
        let mut pairs = Vec::new();
        for (i, x) in a.iter().enumerate() {
            for (j, y) in b.iter().enumerate() {
                let score = 2.0 * shared(x, y) as f64 / (x.len() + y.len()).max(1) as f64;
                if x.len() >= MIN_KEYS && y.len() >= MIN_KEYS && score >= SENTENCE_MIN_SCORE {
                    pairs.push((score, i, j));
                }
            }
        }
        pairs.sort_by(|p, q| q.0.total_cmp(&p.0).then(p.1.cmp(&q.1)).then(p.2.cmp(&q.2)));
        let (mut used_a, mut used_b) = (HashSet::default(), HashSet::default());
        let mut out = Vec::new();
        for (_, i, j) in pairs {
            if !used_a.contains(&i) && !used_b.contains(&j) {
                used_a.insert(i);
                used_b.insert(j);
                out.push((i, j));
            }
        }
        out.sort();
        out
    }

    /// Generated sets as the sorted lists the alignment reads.
    #[cfg(not(target_arch = "wasm32"))]
    fn sorted_sets(sets: Vec<std::collections::BTreeSet<u64>>) -> Vec<Vec<u64>> {
        sets.into_iter().map(|x| x.into_iter().collect()).collect()
    }

    // proptest is a native dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Long articles, whose sentences meet through the prefix filter,
        /// align as they would by reading every pair.
        #[test]
        fn long_articles_align_as_every_pair_would(
            a in proptest::collection::vec(proptest::collection::btree_set(0u64..80, 0..14), 150..200),
            b in proptest::collection::vec(proptest::collection::btree_set(0u64..80, 0..14), 150..200),
        ) {
            let (a, b) = (sorted_sets(a), sorted_sets(b));
            proptest::prop_assert!(set_join::worth_joining(a.len(), b.len()));
            let want = align_every_pair(&a, &b);
            let (a, b) = (HashedSentences::of(a, true), HashedSentences::of(b, true));
            let got: Vec<(usize, usize)> = align(&a, &b).iter().map(|p| (p.a, p.b)).collect();
            proptest::prop_assert_eq!(got, want);
        }

        /// Long articles whose sentences repeat, many times over (a few
        /// distinct sentences drawn again and again), align as they would
        /// by reading every pair.
        #[test]
        fn repeated_sentences_align_as_every_pair_would(
            pool in proptest::collection::vec(proptest::collection::btree_set(0u64..30, 2..9), 1..12),
            a in proptest::collection::vec(0usize..12, 150..200),
            b in proptest::collection::vec(0usize..12, 150..200),
        ) {
            let pool = sorted_sets(pool);
            let draw = |picks: Vec<usize>| -> Vec<Vec<u64>> {
                picks.into_iter().map(|k| pool[k % pool.len()].clone()).collect()
            };
            let (a, b) = (draw(a), draw(b));
            proptest::prop_assert!(set_join::worth_joining(a.len(), b.len()));
            let want = align_every_pair(&a, &b);
            let (a, b) = (HashedSentences::of(a, false), HashedSentences::of(b, false));
            let got: Vec<(usize, usize)> = align(&a, &b).iter().map(|p| (p.a, p.b)).collect();
            proptest::prop_assert_eq!(got, want);
        }

        /// Short articles, whose sentences' shared keys are counted from
        /// their postings where they have them, align as they would by
        /// reading every pair; the keys are few, so that many sentences
        /// share each.
        #[test]
        fn short_articles_align_as_every_pair_would(
            a in proptest::collection::vec(proptest::collection::btree_set(0u64..24, 0..10), 0..30),
            b in proptest::collection::vec(proptest::collection::btree_set(0u64..24, 0..10), 0..30),
        ) {
            let (a, b) = (sorted_sets(a), sorted_sets(b));
            proptest::prop_assert!(counts_every_pair(a.len(), b.len()));
            let want = align_every_pair(&a, &b);
            // Counted from the postings, and (without them) merged pair by pair.
            for counted in [true, false] {
                let a = HashedSentences::of(a.clone(), counted);
                let b = HashedSentences::of(b.clone(), counted);
                let got: Vec<(usize, usize)> = align(&a, &b).iter().map(|p| (p.a, p.b)).collect();
                proptest::prop_assert_eq!(got, want.clone());
            }
        }
    }

    #[test]
    fn unrelated_sentences_do_not_align() {
        let a = keys(&["Troops were deployed to the capital after riots"]);
        let b = keys(&["The central bank raised interest rates again"]);
        assert!(align(&a, &b).is_empty());
    }
}
