//! Pairwise similarity of articles.
//!
//! An article's [`Profile`] holds weighted features: its content words (by
//! TF-IDF over the batch), the entities it names, the dates it resolves and
//! the numbers it reports. [`Model::score`] combines their cosine and overlap
//! scores into one number in `0..=1` and a [`Relation`].

use super::keys::{self, count_key, word_key};
use crate::article::Article;
use crate::extract::EventClass;
use crate::extract::{CalendarDate, EntityLabel, Hedge};
use crate::lexicon::{self, PlaceKind};
use crate::text::hash::{FastMap as HashMap, FastSet as HashSet};
use crate::text::TokenKind;
use serde::Serialize;

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
pub const EVENT_SCORE: f64 = 0.3;
/// Combined score from which two reports share a topic.
pub const TOPIC_SCORE: f64 = 0.12;
/// Reports whose event days lie further apart than this tell different events.
pub const EVENT_DAYS_APART: i64 = 7;

/// The day an article reports on; the year may be unknown ("Sunday, April 18").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct EventDay {
    year: Option<i32>,
    month: u32,
    day: u32,
}

impl EventDay {
    /// Reads `YYYY-MM-DD`, `XXXX-MM-DD` or `--MM-DD`.
    pub(super) fn parse(value: &str) -> Option<EventDay> {
        if let Some(d) = CalendarDate::parse_iso(value) {
            return Some(EventDay {
                year: Some(d.year),
                month: d.month,
                day: d.day,
            });
        }
        let rest = value
            .strip_prefix("XXXX-")
            .or_else(|| value.strip_prefix("--"))?;
        let (m, d) = rest.split_once('-')?;
        let (month, day) = (m.parse().ok()?, d.get(..2)?.parse().ok()?);
        // 2000 is a leap year, so 02-29 is accepted.
        CalendarDate::new(2000, month, day)?;
        Some(EventDay {
            year: None,
            month,
            day,
        })
    }

    /// Days between two event days; without both years, the shorter way
    /// round the calendar.
    pub(super) fn distance(&self, other: &EventDay) -> i64 {
        let on =
            |year: i32, d: &EventDay| CalendarDate::new(year, d.month, d.day).map(|c| c.days());
        let (x, y) = match (self.year, other.year) {
            (Some(a), Some(b)) => (on(a, self), on(b, other)),
            // A leap year, so that February 29 exists.
            _ => (on(2000, self), on(2000, other)),
        };
        let (Some(x), Some(y)) = (x, y) else {
            return 0;
        };
        let d = (x - y).abs();
        if self.year.is_some() && other.year.is_some() {
            d
        } else {
            d.min(366 - d)
        }
    }
}

/// Score of one pair of articles (by their index in the batch).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct PairScore {
    /// The first article's index.
    pub a: usize,
    /// The second article's index (greater than `a`).
    pub b: usize,
    /// Combined similarity, `0..=1`.
    pub score: f64,
    /// What the score and the event days make the pair.
    pub relation: Relation,
    /// Cosine of the content words, weighted by rarity (a part of the score, `0..=1`).
    pub words: f64,
    /// Overlap of the entities named, weighted by how specific each is.
    pub entities: f64,
    /// Overlap of the kinds of event reported (unrest, casualties, arrests, ...).
    pub events: f64,
    /// Overlap of the full dates stated.
    pub dates: f64,
    /// Overlap of the figures reported with what they count.
    pub numbers: f64,
    /// Overlap of the facts (keys that read the same in every language:
    /// `killed/people` with its figure, `said/<speaker>` for a quote).
    pub facts: f64,
    /// Share of the shorter article's sentences aligned with the other's.
    pub coverage: f64,
    /// How many sentences aligned.
    pub aligned: usize,
    /// 1 when the two headlines conflict, else 0: in one language, each
    /// headline names specifics (words rarer than [`SPECIFIC_WORD`]: names,
    /// places) and each report lacks some of the other headline's (two
    /// storms, two candidates, two states' primaries).
    pub conflict: f64,
    /// 1 when two full-length reports (each of four sentences or more) in
    /// one language disagree on who leads them: a person named in one's
    /// headline or first sentence, and again later, is never named in the
    /// other (two marathon records, a campaign's end and an endorsement),
    /// else 0. A report's lead names its protagonists, who recur; a short
    /// report missing a name says little.
    pub actors: f64,
    /// How likely the two report one event, `0..=1`: the event model (a
    /// logistic regression over the signals above, [`PairScore::conflict`]
    /// and whether the event days lie over [`EVENT_DAYS_APART`] apart, its weights fitted on data
    /// in `data/words/compare/event_model.tsv`). Event clusters agglomerate on it.
    pub same_event: f64,
}

impl PairScore {
    /// A pair whose relation and event probability are known but whose
    /// signals are not (a pair read back from a report, or a test's): every
    /// signal is zero.
    pub fn known(a: usize, b: usize, score: f64, relation: Relation, same_event: f64) -> Self {
        PairScore {
            a,
            b,
            score,
            relation,
            words: 0.0,
            entities: 0.0,
            events: 0.0,
            dates: 0.0,
            numbers: 0.0,
            facts: 0.0,
            coverage: 0.0,
            aligned: 0,
            conflict: 0.0,
            actors: 0.0,
            same_event,
        }
    }

    /// Whether one text derives from the other (most of its sentences align).
    pub fn derived(&self) -> bool {
        self.coverage >= STORY_COVERAGE && self.aligned >= 3
    }

    /// The event model's probability for two reports that share nothing.
    pub(super) fn nothing_shared() -> f64 {
        let bias = (lexicon::lists::compare::EVENT_MODEL.iter())
            .find(|m| m.0 == "bias")
            .map_or(0.0, |m| m.1);
        1.0 / (1.0 + (-bias).exp())
    }

    /// The event model's probability that the two report one event, given
    /// each side's event day (see [`PairScore::same_event`]).
    pub(super) fn event_probability(
        &self,
        day_a: Option<EventDay>,
        day_b: Option<EventDay>,
    ) -> f64 {
        let far = matches!((day_a, day_b), (Some(a), Some(b)) if a.distance(&b) > EVENT_DAYS_APART);
        let signal = |name: &str| match name {
            "bias" => 1.0,
            "words" => self.words,
            "entities" => self.entities,
            "events" => self.events,
            "dates" => self.dates,
            "numbers" => self.numbers,
            "facts" => self.facts,
            "coverage" => self.coverage,
            "far" => f64::from(u8::from(far)),
            "conflict" => self.conflict,
            "actors" => self.actors,
            _ => 0.0,
        };
        let z: f64 = (lexicon::lists::compare::EVENT_MODEL.iter())
            .map(|&(name, weight)| weight * signal(name))
            .sum();
        1.0 / (1.0 + (-z).exp())
    }

    /// The relation, given each side's event day.
    pub(super) fn decide(&self, day_a: Option<EventDay>, day_b: Option<EventDay>) -> Relation {
        let far_apart =
            matches!((day_a, day_b), (Some(a), Some(b)) if a.distance(&b) > EVENT_DAYS_APART);
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
pub(super) struct Profile {
    /// Content words: the hash of each key, sorted. Kept apart from their
    /// weights, so that the merge of two articles' terms reads only hashes
    /// until two meet.
    terms: Vec<u64>,
    /// The weights of `terms`, one for one: `1 + ln tf` (where names count
    /// more) and general rarity.
    term_weights: Vec<(f64, f64)>,
    /// The squared norm of the terms' weights.
    norm2: f64,
    /// Entity keys (hashed, sorted) with their weights.
    entities: Vec<(u64, f64)>,
    families: HashSet<&'static str>,
    /// Full dates and counted figures, hashed, sorted.
    dates: Vec<u64>,
    numbers: Vec<u64>,
    /// Fact keys with their figures, and quoted speakers, hashed, sorted.
    facts: Vec<u64>,
    /// The specific words of the headline (the first sentence): hashed as
    /// `terms`, sorted, without repeats.
    head: Vec<u64>,
    /// The people named in the headline and the first sentence: entity keys
    /// hashed as `entities`, sorted, without repeats.
    lead_people: Vec<u64>,
    /// How many sentences the article has.
    sentences: usize,
    /// The article's language, where known.
    lang: Option<String>,
    /// The day the article reports on: its publication date, or else the
    /// latest full date it states.
    pub(super) day: Option<EventDay>,
}

impl Profile {
    /// The profile of `article`; `entity_key` folds name variants into one key.
    pub(super) fn of(article: &Article, entity_key: &dyn Fn(&str) -> String) -> Profile {
        let mut terms: Vec<(u64, f64, f64)> = content_words(article)
            .iter()
            .map(|(w, &(tf, rarity))| (feature(b'w', w), 1.0 + tf.ln(), rarity))
            .collect();
        crate::text::sort::by_key(&mut terms, |t| t.0);
        let norm2 = terms.iter().map(|&(_, tf, r)| (tf * r).powi(2)).sum();
        let (terms, term_weights) = terms.into_iter().map(|(h, tf, r)| (h, (tf, r))).unzip();
        let full_dates: Vec<CalendarDate> = article
            .dates
            .iter()
            .filter_map(|d| CalendarDate::parse_iso(d.value.get(..10)?))
            .collect();
        Profile {
            terms,
            term_weights,
            norm2,
            entities: entity_weights(article, entity_key),
            families: event_families(article),
            dates: hashed(b'd', full_dates.iter().map(CalendarDate::iso)),
            numbers: hashed(b'n', counted_figures(article).into_iter()),
            facts: hashed(b'f', fact_keys(article)),
            head: head_words(article),
            lead_people: lead_people(article, entity_key),
            sentences: article.seg.sentences.len(),
            lang: article.language().map(str::to_string),
            day: event_day(article, &full_dates),
        }
    }
}

/// Content words at least this rare (7 minus their Zipf frequency in the
/// word frequency lists, so Zipf 3.5 or less, about three in a million
/// words: names, places, rare terms) are a headline's specifics.
pub const SPECIFIC_WORD: f64 = 3.5;

/// Content words at least this rare ([`general_rarity`]: Zipf frequency 4.5
/// or less) are blocking features.
pub(super) const RARE_WORD: f64 = 2.5;

impl Profile {
    /// The features that [`super::candidates`] blocks on, hashed with their
    /// kind: entity keys, rare content words, full dates, counted figures,
    /// facts.
    pub(super) fn block_features(&self) -> Vec<u64> {
        let rare = (self.terms.iter().zip(&self.term_weights))
            .filter(|(_, &(_, rarity))| rarity >= RARE_WORD);
        let mut out: Vec<u64> = (self.entities.iter().map(|e| e.0))
            .chain(rare.map(|(&h, _)| h))
            .chain(self.dates.iter().copied())
            .chain(self.numbers.iter().copied())
            .chain(self.facts.iter().copied())
            .collect();
        crate::text::sort::all(&mut out);
        out.dedup();
        out
    }

    /// A profile that names these entities and nothing else.
    #[cfg(test)]
    pub(super) fn with_entities(names: &[&str]) -> Profile {
        Profile {
            entities: names.iter().map(|n| (feature(b'e', n), 1.0)).collect(),
            ..Profile::default()
        }
    }
}

/// The features' hashes, sorted, without repeats.
fn hashed(kind: u8, items: impl Iterator<Item = String>) -> Vec<u64> {
    let mut out: Vec<u64> = items.map(|s| feature(kind, &s)).collect();
    crate::text::sort::all(&mut out);
    out.dedup();
    out
}

/// FNV-1a of a feature's kind and text.
fn feature(kind: u8, s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in std::iter::once(&kind).chain(s.as_bytes()) {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Content words ([`keys::content_words`], not stop words), keyed by
/// [`word_key`]: their term frequency, where a name counts more, and their
/// general rarity.
fn content_words(article: &Article) -> HashMap<String, (f64, f64)> {
    let text = article.analysis_text();
    let lang = article.language();
    let mut words = HashMap::default();
    for si in 0..article.seg.sentences.len() {
        for (ti, w) in keys::content_words(text, article.seg.sentence_tokens(si)) {
            let key = word_key(w);
            if lexicon::is_stopword_in(&key, lang) {
                continue;
            }
            // Capitalized inside a sentence: a name, which says more about the event.
            let name_like = ti > 0 && w.chars().next().is_some_and(char::is_uppercase);
            let (tf, _) = words
                .entry(key)
                .or_insert_with_key(|key: &String| (0.0, general_rarity(key, lang)));
            *tf += if name_like { 1.5 } else { 1.0 };
        }
    }
    words
}

/// Each entity's key, weighted by its most specific mention.
fn entity_weights(article: &Article, entity_key: &dyn Fn(&str) -> String) -> Vec<(u64, f64)> {
    let mut entities: HashMap<u64, f64> = HashMap::default();
    for e in &article.entities {
        let w = specificity(e.label, &e.name);
        let slot = entities
            .entry(feature(b'e', &entity_key(&e.name)))
            .or_insert(0.0);
        *slot = slot.max(w);
    }
    let mut out: Vec<(u64, f64)> = entities.into_iter().collect();
    crate::text::sort::by_key(&mut out, |e| e.0);
    out
}

/// The specific words of the article's first sentence (its headline, or
/// the lead of a text without one): content words rarer than
/// [`SPECIFIC_WORD`], keyed and hashed as [`content_words`] does; sorted.
fn head_words(article: &Article) -> Vec<u64> {
    if article.seg.sentences.is_empty() {
        return Vec::new();
    }
    let text = article.analysis_text();
    let lang = article.language();
    let mut out: Vec<u64> = (article.seg.sentence_tokens(0).iter())
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.span.of(text))
        .filter(|w| keys::is_content_length(w))
        .map(word_key)
        .filter(|k| !lexicon::is_stopword_in(k, lang))
        .filter(|k| general_rarity(k, lang) >= SPECIFIC_WORD)
        .map(|k| feature(b'w', &k))
        .collect();
    crate::text::sort::all(&mut out);
    out.dedup();
    out
}

/// The protagonists of the article's lead: people named in its first two
/// sentences (its headline and first sentence, or the lead of a text
/// without a headline) and named again, keyed and hashed as
/// [`entity_weights`] does; sorted.
fn lead_people(article: &Article, entity_key: &dyn Fn(&str) -> String) -> Vec<u64> {
    let in_lead = |at: usize| article.seg.sentence_at(at).is_some_and(|s| s < 2);
    let mut mentions: HashMap<u64, (usize, bool)> = HashMap::default();
    for e in (article.entities.iter()).filter(|e| e.label == EntityLabel::Person) {
        let m = mentions
            .entry(feature(b'e', &entity_key(&e.name)))
            .or_default();
        m.0 += 1;
        m.1 |= in_lead(e.span.start);
    }
    let mut out: Vec<u64> = (mentions.into_iter())
        .filter(|&(_, (count, lead))| lead && count >= 2)
        .map(|(k, _)| k)
        .collect();
    crate::text::sort::all(&mut out);
    out
}

/// The families of the events the article reports ("unrest", "casualties").
fn event_families(article: &Article) -> HashSet<&'static str> {
    article
        .events
        .iter()
        .filter_map(|e| EventClass::from_name(&e.class))
        .map(|c| c.family())
        .collect()
}

/// Figures with what they count: "13 killed", not a bare "13" or "dozens".
fn counted_figures(article: &Article) -> HashSet<String> {
    article
        .quantities
        .iter()
        .filter(|q| q.unit.is_some() && q.hedge != Hedge::Vague)
        .filter_map(|q| {
            let v = q.low.or(q.high)?;
            (v >= 3.0).then(|| format!("{}:{v}", count_key(q)))
        })
        .collect()
}

/// The article's facts that say which event it tells: each figure with its
/// key (`killed/people:149`), and each quoted speaker (`said/<speaker>`).
/// Facts without a figure (`event/protest`) are the event families' part.
fn fact_keys(article: &Article) -> impl Iterator<Item = String> + '_ {
    article.facts.iter().filter_map(|f| {
        if f.key.starts_with("said/") {
            return Some(f.key.to_string());
        }
        let v = f.value.as_ref()?;
        let figure = v.low.or(v.high)?;
        Some(format!("{}:{figure}", f.key))
    })
}

/// The day the article reports on: its publication date, or else the latest
/// full date it states.
fn event_day(article: &Article, full_dates: &[CalendarDate]) -> Option<EventDay> {
    article
        .meta
        .date
        .as_ref()
        .and_then(|f| EventDay::parse(&f.value))
        .or_else(|| {
            full_dates
                .iter()
                .max()
                .and_then(|d| EventDay::parse(&d.iso()))
        })
}

/// How rare a word is in general text: 4 for a word outside the frequency
/// lists, about 2 for "government", 0.5 for the commonest words.
fn general_rarity(word: &str, lang: Option<&str>) -> f64 {
    (7.0 - f64::from(lexicon::wordfreq::zipf(word, lang))).clamp(0.5, 4.0)
}

/// Reports of at least this many sentences are full-length: a headline, a
/// lead and a body (see [`PairScore::actors`]).
pub const LONG_REPORT: usize = 4;

/// Pair scores over one batch.
///
/// A pair's score depends on the two articles alone, never on the rest of
/// the batch: adding an article does not change whether two others tell
/// the same event. Words are weighted by their general rarity (word
/// frequency lists), entities by how specific their kind is.
pub(super) struct Model<'p> {
    profiles: &'p [Profile],
}

impl<'p> Model<'p> {
    pub(super) fn new(profiles: &'p [Profile]) -> Model<'p> {
        Model { profiles }
    }

    /// Scores articles `i` and `j`, before their sentences are aligned. The
    /// relation is decided on the articles' own days; [`PairScore::decide`]
    /// decides it again when a day is learned from a same-story partner.
    pub(super) fn score(&self, i: usize, j: usize) -> PairScore {
        let (p, q) = (&self.profiles[i], &self.profiles[j]);
        // A shared word's rarity is the mean of both sides' readings (each
        // reads it in its own language), so that the score is symmetric.
        let words = cosine(p, q);
        let long = p.sentences.min(q.sentences) >= LONG_REPORT;
        let least = if long { ENTITY_MASS } else { 0.0 };
        let entities = weighted_overlap(&p.entities, &q.entities, least);
        let events = jaccard(&p.families, &q.families);
        let dates = overlap(&p.dates, &q.dates);
        let numbers = overlap(&p.numbers, &q.numbers);
        let facts = overlap(&p.facts, &q.facts);
        let score = (0.4 * words + 0.3 * entities + 0.1 * events + 0.1 * dates + 0.1 * numbers)
            .clamp(0.0, 1.0);
        let pair = PairScore {
            a: i,
            b: j,
            score,
            relation: Relation::Unrelated,
            words,
            entities,
            events,
            dates,
            numbers,
            facts,
            coverage: 0.0,
            aligned: 0,
            conflict: headline_conflict(p, q),
            actors: lead_conflict(p, q),
            same_event: 0.0,
        };
        self.decided(pair)
    }

    /// `pair`, scored by [`Model::score`], given the share of its articles'
    /// sentences that align (`coverage`) and how many do (`aligned`): the
    /// rest of its measures do not depend on the alignment.
    pub(super) fn aligned(&self, pair: PairScore, coverage: f64, aligned: usize) -> PairScore {
        self.decided(PairScore {
            coverage,
            aligned,
            ..pair
        })
    }

    /// `pair` with its relation and event probability decided on its
    /// articles' own days.
    fn decided(&self, mut pair: PairScore) -> PairScore {
        let (p, q) = (&self.profiles[pair.a], &self.profiles[pair.b]);
        pair.relation = pair.decide(p.day, q.day);
        pair.same_event = pair.event_probability(p.day, q.day);
        pair
    }
}

/// 1 when the two headlines conflict (see [`PairScore::conflict`]), else 0.
/// Only within one language: a headline's names written in another are
/// no evidence that the other report lacks them.
fn headline_conflict(p: &Profile, q: &Profile) -> f64 {
    let lacks =
        |x: &Profile, y: &Profile| (x.head.iter()).any(|w| y.terms.binary_search(w).is_err());
    let both = !p.head.is_empty() && !q.head.is_empty() && p.lang == q.lang;
    f64::from(u8::from(both && lacks(p, q) && lacks(q, p)))
}

/// 1 when the leads of two full-length reports in one language disagree
/// (see [`PairScore::actors`]), else 0.
fn lead_conflict(p: &Profile, q: &Profile) -> f64 {
    let lacks = |x: &Profile, y: &Profile| {
        (x.lead_people.iter()).any(|k| y.entities.binary_search_by_key(k, |e| e.0).is_err())
    };
    let long = p.sentences >= LONG_REPORT && q.sentences >= LONG_REPORT;
    f64::from(u8::from(
        long && p.lang == q.lang && (lacks(p, q) || lacks(q, p)),
    ))
}

/// Cosine of two articles' content words, each weighted by sublinear term
/// frequency times its rarity, where a shared word's rarity is the mean of
/// both sides' readings. One merge over the two sorted term lists: the
/// norms start from each side's own weights and are corrected for the
/// shared words.
fn cosine(p: &Profile, q: &Profile) -> f64 {
    let (mut dot, mut np, mut nq) = (0.0, p.norm2, q.norm2);
    let (mut i, mut j) = (0, 0);
    while let (Some(&hp), Some(&hq)) = (p.terms.get(i), q.terms.get(j)) {
        if hp != hq {
            i += usize::from(hp < hq);
            j += usize::from(hq < hp);
            continue;
        }
        let ((tp, rp), (tq, rq)) = (p.term_weights[i], q.term_weights[j]);
        let r = (rp + rq) / 2.0;
        np += (tp * r).powi(2) - (tp * rp).powi(2);
        nq += (tq * r).powi(2) - (tq * rq).powi(2);
        dot += tp * r * tq * r;
        i += 1;
        j += 1;
    }
    if np <= 0.0 || nq <= 0.0 {
        return 0.0;
    }
    dot / (np.sqrt() * nq.sqrt())
}

/// How much naming an entity says about which event a report tells: a
/// person says most; a country, the setting of many events, least.
fn specificity(label: EntityLabel, name: &str) -> f64 {
    match label {
        EntityLabel::Person => 1.0,
        EntityLabel::Org => 0.7,
        EntityLabel::Place => match lexicon::place(name).map(|p| p.kind) {
            Some(PlaceKind::Country | PlaceKind::Continent) => 0.2,
            Some(PlaceKind::Region) => 0.35,
            _ => 0.5,
        },
    }
}

/// The least weight of names an overlap of entities between two full-length
/// reports is measured against (see [`specificity`]: four people, or six
/// organisations): two full reports that each name one organisation, the
/// same ("JR", the outlet each cites), share little, as two that share one
/// of their figures share little ([`overlap`]); a one-sentence report names
/// one or two, and its overlap stays measured against what it names.
/// Chosen on the dev splits of `tests/eval/clusters/` (see its README).
const ENTITY_MASS: f64 = 4.0;

/// Weighted overlap coefficient of two weighted term sets (sorted by
/// term): the weight of the shared terms (the smaller of the two) over the
/// smaller side's total weight. "Do these reports name the same actors?",
/// without penalizing the longer report for naming more.
fn weighted_overlap(p: &[(u64, f64)], q: &[(u64, f64)], least: f64) -> f64 {
    let total = |x: &[(u64, f64)]| x.iter().map(|e| e.1).sum::<f64>();
    let smaller = total(p).min(total(q));
    if smaller <= 0.0 {
        return 0.0;
    }
    let smaller = smaller.max(least);
    let mut shared = 0.0;
    merge(p, q, |e| e.0, |x, y| shared += x.1.min(y.1));
    (shared / smaller).min(1.0)
}

/// Calls `both` on each pair of items of `p` and `q` (each sorted by `key`)
/// that have the same key.
fn merge<T: Copy>(p: &[T], q: &[T], key: impl Fn(&T) -> u64, mut both: impl FnMut(T, T)) {
    let (mut i, mut j) = (0, 0);
    while i < p.len() && j < q.len() {
        match key(&p[i]).cmp(&key(&q[j])) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both(p[i], q[j]);
                i += 1;
                j += 1;
            }
        }
    }
}

/// The Jaccard index of two sets: what they share over what either holds
/// (counted from their sizes, without a second walk); 0 where both are empty.
fn jaccard<T: Eq + std::hash::Hash>(a: &HashSet<T>, b: &HashSet<T>) -> f64 {
    let shared = a.intersection(b).count();
    let union = a.len() + b.len() - shared;
    if union == 0 {
        return 0.0;
    }
    shared as f64 / union as f64
}

/// Overlap coefficient of two sorted sets, damped for tiny sets.
fn overlap(a: &[u64], b: &[u64]) -> f64 {
    let small = a.len().min(b.len());
    if small == 0 {
        return 0.0;
    }
    let mut shared = 0.0;
    merge(a, b, |&x| x, |_, _| shared += 1.0);
    // With two or fewer items a single shared one says little.
    shared / (small as f64).max(3.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_days_parse_and_measure() {
        let full = EventDay::parse("2022-03-19").unwrap();
        let partial = EventDay::parse("--04-18").unwrap();
        let timex = EventDay::parse("XXXX-04-18").unwrap();
        assert_eq!(partial, timex);
        assert_eq!(full.distance(&EventDay::parse("2022-01-06").unwrap()), 72);
        assert_eq!(full.distance(&partial), 30);
        // Without a year, the shorter way round: December 30 and January 2 are 3 days apart.
        let dec = EventDay::parse("--12-30").unwrap();
        let jan = EventDay::parse("--01-02").unwrap();
        assert_eq!(dec.distance(&jan), 3);
        assert!(EventDay::parse("2022-13-01").is_none());
        assert!(EventDay::parse("--02-30").is_none());
    }

    fn profiles(texts: &[&str]) -> Vec<Profile> {
        let inputs: Vec<crate::Input> = (texts.iter().enumerate())
            .map(|(i, t)| crate::Input::new(i.to_string(), *t))
            .collect();
        let articles = crate::analyze_batch(&inputs).unwrap();
        let key = |n: &str| super::super::keys::name_key(n);
        articles.iter().map(|a| Profile::of(a, &key)).collect()
    }

    #[test]
    fn full_reports_whose_leads_name_different_people_conflict() {
        let body = " The crowd cheered along the course. Officials confirmed the time. \
                    The record had stood for years.";
        let p = profiles(&[
            &format!("Kipchoge runs a marathon in Vienna\n\nEliud Kipchoge ran the race on Saturday.{body}"),
            &format!("Kosgei breaks a record in Chicago\n\nBrigid Kosgei won the race on Sunday, a day after Eliud Kipchoge ran in Vienna.{body}"),
            &format!("Kipchoge's run is celebrated\n\nEliud Kipchoge was welcomed home on Monday.{body}"),
            "Kosgei wins in Chicago\n\nBrigid Kosgei won the race.",
            "Kipchoge wins in Vienna\n\nEliud Kipchoge won the race.",
        ]);
        // Kosgei's report names Kipchoge; Kipchoge's never names Kosgei.
        assert_eq!(lead_conflict(&p[0], &p[1]), 1.0);
        assert_eq!(lead_conflict(&p[1], &p[0]), 1.0);
        // A follow-up leads with the same man.
        assert_eq!(lead_conflict(&p[0], &p[2]), 0.0);
        // Short reports: a missing name says little.
        assert_eq!(lead_conflict(&p[3], &p[4]), 0.0);
    }

    #[test]
    fn headlines_naming_different_specifics_conflict() {
        let p = profiles(&[
            "Hurricane Dorian makes landfall in the Bahamas\n\nThe storm hit Abaco on Sunday.",
            "Hurricane Lorenzo hits the Azores\n\nThe storm passed Flores on Wednesday.",
            "Hurricane Dorian leaves destruction in the Bahamas\n\nAbaco lies in ruins after the storm.",
        ]);
        assert_eq!(headline_conflict(&p[0], &p[1]), 1.0);
        assert_eq!(headline_conflict(&p[1], &p[0]), 1.0);
        // A follow-up names the same storm and islands.
        assert_eq!(headline_conflict(&p[0], &p[2]), 0.0);
        // A report whose headline names nothing specific conflicts with none.
        let q = profiles(&["A storm hits the coast\n\nThe storm hit on Sunday."]);
        assert_eq!(headline_conflict(&p[0], &q[0]), 0.0);
    }

    #[test]
    fn one_shared_name_says_little_between_full_reports() {
        let jr = [(feature(b'e', "jr"), 0.7)];
        // Two one-sentence reports that name one organisation, the same.
        assert_eq!(weighted_overlap(&jr, &jr, 0.0), 1.0);
        // Two full reports: the overlap is measured against ENTITY_MASS.
        let full = weighted_overlap(&jr, &jr, ENTITY_MASS);
        assert!((full - 0.7 / ENTITY_MASS).abs() < 1e-9);
        // Full reports that share many names keep their overlap.
        let many: Vec<(u64, f64)> = (0..6).map(|i| (i, 1.0)).collect();
        assert_eq!(weighted_overlap(&many, &many, ENTITY_MASS), 1.0);
    }

    #[test]
    fn relation_needs_close_days() {
        let pair = PairScore {
            a: 0,
            b: 1,
            score: 0.5,
            relation: Relation::Unrelated,
            words: 0.5,
            entities: 0.5,
            events: 0.0,
            dates: 0.0,
            numbers: 0.0,
            facts: 0.0,
            coverage: 0.0,
            aligned: 0,
            conflict: 0.0,
            actors: 0.0,
            same_event: 0.0,
        };
        let day = |s: &str| EventDay::parse(s);
        assert_eq!(
            pair.decide(day("2022-01-06"), day("2022-01-07")),
            Relation::SameEvent
        );
        assert_eq!(pair.decide(day("2022-01-06"), None), Relation::SameEvent);
        assert_eq!(
            pair.decide(day("2022-01-06"), day("2022-03-19")),
            Relation::SameTopic
        );
    }
}
