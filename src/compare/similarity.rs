//! Pairwise similarity of articles.
//!
//! An article's [`Profile`] holds weighted features: its content words (by
//! TF-IDF over the batch), the entities it names, the dates it resolves and
//! the numbers it reports. [`Model::score`] combines their cosine and overlap
//! scores into one number in `0..=1` and a [`Relation`].

use crate::article::Article;
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
    pub dates: f64,
    pub numbers: f64,
    /// Share of the shorter article's sentences aligned with the other's.
    pub coverage: f64,
}

/// The comparable features of one article.
#[derive(Clone, Debug, Default)]
pub struct Profile {
    words: HashMap<String, f64>,
    entities: HashSet<String>,
    dates: HashSet<String>,
    numbers: HashSet<String>,
    /// Publication date as days since the epoch.
    day: Option<i64>,
}

impl Profile {
    /// The profile of `article`; `entity_key` folds name variants into one key.
    pub fn of(article: &Article, entity_key: &dyn Fn(&str) -> String) -> Profile {
        let text = article.analysis_text();
        let lang = article.language();
        let mut words = HashMap::new();
        for (si, sentence) in article.seg.sentences.iter().enumerate() {
            let _ = sentence;
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
                *words.entry(key).or_insert(0.0) += if name_like { 1.5 } else { 1.0 };
            }
        }
        let entities = article
            .entities
            .iter()
            .map(|e| entity_key(&e.name))
            .collect();
        let dates = article
            .dates
            .iter()
            .filter(|d| d.value.len() >= 10 && d.value.as_bytes()[0].is_ascii_digit())
            .map(|d| d.value[..10].to_string())
            .collect();
        let numbers = article
            .quantities
            .iter()
            .filter_map(|q| {
                let v = q.low.or(q.high)?;
                (v >= 3.0).then(|| format!("{v}"))
            })
            .collect();
        Profile {
            words,
            entities,
            dates,
            numbers,
            day: article.date().map(|d| d.days()),
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

/// Similarity over one batch: IDF weights from all profiles.
pub struct Model<'p> {
    profiles: &'p [Profile],
    idf: HashMap<&'p str, f64>,
}

impl<'p> Model<'p> {
    pub fn new(profiles: &'p [Profile]) -> Model<'p> {
        let mut df: HashMap<&str, usize> = HashMap::new();
        for p in profiles {
            for w in p.words.keys() {
                *df.entry(w.as_str()).or_default() += 1;
            }
        }
        let n = profiles.len() as f64;
        let idf = df
            .into_iter()
            // Smoothed so that a word in every article still counts a little.
            .map(|(w, d)| (w, ((n + 1.0) / (d as f64 + 0.5)).ln().max(0.1)))
            .collect();
        Model { profiles, idf }
    }

    /// Scores articles `i` and `j`, given the share of their sentences that
    /// align (`coverage`) and how many do (`aligned`).
    pub fn score(&self, i: usize, j: usize, coverage: f64, aligned: usize) -> PairScore {
        let (p, q) = (&self.profiles[i], &self.profiles[j]);
        let words = self.cosine(p, q);
        let entities = overlap(&p.entities, &q.entities);
        let dates = overlap(&p.dates, &q.dates);
        let numbers = overlap(&p.numbers, &q.numbers);
        let score =
            (0.6 * words + 0.25 * entities + 0.075 * dates + 0.075 * numbers).clamp(0.0, 1.0);
        let far_apart = matches!((p.day, q.day), (Some(a), Some(b)) if (a - b).abs() > 7);
        let derived = coverage >= STORY_COVERAGE && aligned >= 3;
        let relation = if (derived || score >= 0.55) && !far_apart {
            Relation::SameStory
        } else if score >= 0.22 && !far_apart {
            Relation::SameEvent
        } else if score >= 0.1 {
            Relation::SameTopic
        } else {
            Relation::Unrelated
        };
        PairScore {
            a: i,
            b: j,
            score,
            relation,
            words,
            entities,
            dates,
            numbers,
            coverage,
        }
    }

    fn cosine(&self, p: &Profile, q: &Profile) -> f64 {
        let weight = |w: &str, tf: f64| (1.0 + tf.ln()) * self.idf.get(w).copied().unwrap_or(1.0);
        let norm = |x: &Profile| {
            x.words
                .iter()
                .map(|(w, &tf)| weight(w, tf).powi(2))
                .sum::<f64>()
                .sqrt()
        };
        let (np, nq) = (norm(p), norm(q));
        if np == 0.0 || nq == 0.0 {
            return 0.0;
        }
        let dot: f64 = p
            .words
            .iter()
            .filter_map(|(w, &tf)| q.words.get(w).map(|&tq| weight(w, tf) * weight(w, tq)))
            .sum();
        dot / (np * nq)
    }
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
