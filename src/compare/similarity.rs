//! Pairwise similarity of articles.
//!
//! An article's [`Profile`] holds weighted features: its content words (by
//! TF-IDF over the batch), the entities it names, the dates it resolves and
//! the numbers it reports. [`Model::score`] combines their cosine and overlap
//! scores into one number in `0..=1` and a [`Relation`].

use crate::article::Article;
use crate::extract::events::EventClass;
use crate::extract::CalendarDate;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// How two articles relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// Nothing in common worth naming.
    Unrelated,
    /// The same subject (country, actors), different events.
    SameTopic,
    /// The same event, reported separately.
    SameEvent,
    /// The same story: one text derived from the other (wire copy, translation, rewrite).
    SameStory,
}

/// Share of aligned sentences from which one text is taken to derive from the other.
pub const STORY_COVERAGE: f64 = 0.4;
/// Combined score from which two reports are taken to tell the same event.
pub const EVENT_SCORE: f64 = 0.22;
/// Combined score from which two reports share a topic.
pub const TOPIC_SCORE: f64 = 0.1;
/// Reports whose event days lie further apart than this tell different events.
pub const EVENT_DAYS_APART: i64 = 7;

/// Score of one pair of articles (by their index in the batch).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct PairScore {
    pub a: usize,
    pub b: usize,
    /// Combined similarity, `0..=1`.
    pub score: f64,
    pub relation: Relation,
    /// The parts of the score, for explaining it.
    pub words: f64,
    pub entities: f64,
    pub events: f64,
    pub dates: f64,
    pub numbers: f64,
    /// Share of the shorter article's sentences aligned with the other's.
    pub coverage: f64,
    /// How many sentences aligned.
    pub aligned: usize,
}

impl PairScore {
    /// Whether one text derives from the other (most of its sentences align).
    pub fn derived(&self) -> bool {
        self.coverage >= STORY_COVERAGE && self.aligned >= 3
    }

    /// The relation, given each side's event day (days since the epoch).
    pub fn decide(&self, day_a: Option<i64>, day_b: Option<i64>) -> Relation {
        let far_apart =
            matches!((day_a, day_b), (Some(a), Some(b)) if (a - b).abs() > EVENT_DAYS_APART);
        if self.derived() && !far_apart {
            Relation::SameStory
        } else if self.score >= EVENT_SCORE && !far_apart {
            Relation::SameEvent
        } else if self.score >= TOPIC_SCORE {
            Relation::SameTopic
        } else {
            Relation::Unrelated
        }
    }
}

/// The comparable features of one article.
#[derive(Clone, Debug, Default)]
pub struct Profile {
    /// Content words: term frequency (names count more) and general rarity.
    words: HashMap<String, f64>,
    rarity: HashMap<String, f64>,
    entities: HashMap<String, f64>,
    families: HashSet<&'static str>,
    dates: HashSet<String>,
    numbers: HashSet<String>,
    /// The day the article reports on, as days since the epoch: its
    /// publication date, or else the latest full date it states.
    pub day: Option<i64>,
}

impl Profile {
    /// The profile of `article`; `entity_key` folds name variants into one key.
    pub fn of(article: &Article, entity_key: &dyn Fn(&str) -> String) -> Profile {
        let text = article.analysis_text();
        let lang = article.language();
        let mut words = HashMap::new();
        let mut rarity = HashMap::new();
        for si in 0..article.seg.sentences.len() {
            for (ti, t) in article.seg.sentence_tokens(si).iter().enumerate() {
                if t.kind != crate::text::TokenKind::Word {
                    continue;
                }
                let w = t.span.of(text);
                if w.chars().count() < 3 {
                    continue;
                }
                let key = word_key(w);
                if crate::lexicon::is_stopword_in(&key, lang) {
                    continue;
                }
                // Capitalized inside a sentence: a name, which says more about the event.
                let name_like = ti > 0 && w.chars().next().is_some_and(char::is_uppercase);
                rarity
                    .entry(key.clone())
                    .or_insert_with(|| general_rarity(&key, lang));
                *words.entry(key).or_insert(0.0) += if name_like { 1.5 } else { 1.0 };
            }
        }
        let mut entities = HashMap::new();
        for e in &article.entities {
            *entities.entry(entity_key(&e.name)).or_insert(0.0) += 1.0;
        }
        let families = article
            .events
            .iter()
            .filter_map(|e| EventClass::from_name(&e.class))
            .map(|c| c.family())
            .collect();
        let full_dates: Vec<CalendarDate> = article
            .dates
            .iter()
            .filter_map(|d| CalendarDate::parse_iso(d.value.get(..10)?))
            .collect();
        let dates = full_dates.iter().map(CalendarDate::iso).collect();
        let numbers = article
            .quantities
            .iter()
            .filter_map(|q| {
                let v = q.low.or(q.high)?;
                (v >= 3.0).then(|| format!("{v}"))
            })
            .collect();
        let day = article
            .date()
            .or_else(|| full_dates.iter().max().copied())
            .map(|d| d.days());
        Profile {
            words,
            rarity,
            entities,
            families,
            dates,
            numbers,
            day,
        }
    }
}

/// Lower case, trailing possessive and plural folded ("Russia's" -> "russia", "rallies" -> "rally").
pub fn word_key(w: &str) -> String {
    let mut s = w.to_lowercase();
    for suffix in ["'s", "’s"] {
        if let Some(stripped) = s.strip_suffix(suffix) {
            s = stripped.to_string();
        }
    }
    if s.len() > 4 && s.ends_with("ies") {
        s.truncate(s.len() - 3);
        s.push('y');
    } else if s.len() > 3 && s.ends_with('s') && !s.ends_with("ss") && !s.ends_with("us") {
        s.pop();
    }
    s
}

/// How rare a word is in general text: 4 for a word outside the frequency
/// lists, about 2 for "government", 0.5 for the commonest words.
fn general_rarity(word: &str, lang: Option<&str>) -> f64 {
    (7.0 - f64::from(crate::lexicon::wordfreq::zipf(word, lang))).clamp(0.5, 4.0)
}

/// Batches smaller than this carry no usable document frequencies: in a
/// batch of two, every shared word is in all articles.
const MIN_BATCH_FOR_IDF: usize = 4;

/// Per-term weights from the batch: a term found in every article of a large
/// batch ("Kazakhstan" in a batch about Kazakhstan) tells its articles apart
/// less than one found in two. 1 for a term in one article; 1 for every term
/// in batches under [`MIN_BATCH_FOR_IDF`].
fn batch_weights<'p>(
    bags: impl Iterator<Item = &'p HashMap<String, f64>>,
    n: usize,
) -> HashMap<&'p str, f64> {
    let mut df: HashMap<&str, usize> = HashMap::new();
    for bag in bags {
        for w in bag.keys() {
            *df.entry(w.as_str()).or_default() += 1;
        }
    }
    if n < MIN_BATCH_FOR_IDF {
        return df.into_keys().map(|w| (w, 1.0)).collect();
    }
    let n = n as f64;
    let top = ((n + 1.0) / 1.5).ln();
    df.into_iter()
        .map(|(w, d)| (w, (((n + 1.0) / (d as f64 + 0.5)).ln() / top).max(0.05)))
        .collect()
}

/// Similarity over one batch: IDF weights from all profiles.
pub struct Model<'p> {
    profiles: &'p [Profile],
    word_idf: HashMap<&'p str, f64>,
    entity_idf: HashMap<&'p str, f64>,
}

impl<'p> Model<'p> {
    pub fn new(profiles: &'p [Profile]) -> Model<'p> {
        Model {
            profiles,
            word_idf: batch_weights(profiles.iter().map(|p| &p.words), profiles.len()),
            entity_idf: batch_weights(profiles.iter().map(|p| &p.entities), profiles.len()),
        }
    }

    /// Scores articles `i` and `j`, given the share of their sentences that
    /// align (`coverage`) and how many do (`aligned`). The relation is decided
    /// on the articles' own days; [`PairScore::decide`] decides it again when
    /// a day is learned from a same-story partner.
    pub fn score(&self, i: usize, j: usize, coverage: f64, aligned: usize) -> PairScore {
        let (p, q) = (&self.profiles[i], &self.profiles[j]);
        let words = cosine(&p.words, &q.words, &|w| {
            self.word_idf.get(w).copied().unwrap_or(1.0)
                * p.rarity.get(w).or(q.rarity.get(w)).copied().unwrap_or(1.0)
        });
        let entities = cosine(&p.entities, &q.entities, &|w| {
            self.entity_idf.get(w).copied().unwrap_or(1.0)
        });
        let events = jaccard(&p.families, &q.families);
        let dates = overlap(&p.dates, &q.dates);
        let numbers = overlap(&p.numbers, &q.numbers);
        let score = (0.4 * words + 0.3 * entities + 0.1 * events + 0.1 * dates + 0.1 * numbers)
            .clamp(0.0, 1.0);
        let mut pair = PairScore {
            a: i,
            b: j,
            score,
            relation: Relation::Unrelated,
            words,
            entities,
            events,
            dates,
            numbers,
            coverage,
            aligned,
        };
        pair.relation = pair.decide(p.day, q.day);
        pair
    }
}

/// Cosine of two term bags, each term weighted by sublinear term frequency
/// times `term_weight`.
fn cosine(
    p: &HashMap<String, f64>,
    q: &HashMap<String, f64>,
    term_weight: &dyn Fn(&str) -> f64,
) -> f64 {
    let weight = |w: &str, tf: f64| (1.0 + tf.ln()) * term_weight(w);
    let norm = |x: &HashMap<String, f64>| {
        x.iter()
            .map(|(w, &tf)| weight(w, tf).powi(2))
            .sum::<f64>()
            .sqrt()
    };
    let (np, nq) = (norm(p), norm(q));
    if np == 0.0 || nq == 0.0 {
        return 0.0;
    }
    let dot: f64 = p
        .iter()
        .filter_map(|(w, &tf)| q.get(w).map(|&tq| weight(w, tf) * weight(w, tq)))
        .sum();
    dot / (np * nq)
}

fn jaccard<T: Eq + std::hash::Hash>(a: &HashSet<T>, b: &HashSet<T>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / union as f64
}

/// Overlap coefficient of two sets, damped for tiny sets.
fn overlap(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let small = a.len().min(b.len());
    if small == 0 {
        return 0.0;
    }
    let shared = a.intersection(b).count() as f64;
    // With two or fewer items a single shared one says little.
    shared / (small as f64).max(3.0)
}
