//! Fact diff of a pair of articles: where they agree, where they conflict,
//! what only one of them reports, and how their wording differs.
//!
//! | fact | key | agree when | conflict when |
//! | --- | --- | --- | --- |
//! | a quantity | what it counts ("killed", "people") | same interval and hedge | the figures or hedges differ: `compatible` if the intervals overlap ("around 2,000" / "more than 2,000"), `contradictory` if not |
//! | a person, organisation or place | its label | same entity, same spelling | same entity spelled differently ("Alnour Iliachev" / "Alnur Ilyashev") |
//! | a quote | "quote" | the same speaker is quoted by both | |
//! | wording | the event family ("unrest") | | (listed apart: "riots" / "protests") |
//!
//! Quantities are paired by what they count and by the words of their
//! sentences, so "13 ... killed" meets "at least eight dead" when both
//! sentences speak of the security forces.

use super::keys::{count_key, sentence_keys, UNCOUNTED};
use crate::article::Article;
use crate::extract::EventClass;
use crate::extract::{EntityLabel, Hedge, Quantity};
use crate::text::Span;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// One comparable fact of an article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fact {
    /// What the fact is about ("killed", "people", "person", "quote").
    pub key: String,
    /// Its value as text ("13", "at least 8", "Alnur Ilyashev").
    pub value: String,
    /// Where the article states it (analysis-text span).
    pub span: Span,
}

/// How two facts about the same thing differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConflictKind {
    /// Figures differ but both can be true ("13" / "at least eight").
    Compatible,
    /// Figures cannot both be true ("13" / "fewer than ten").
    Contradictory,
    /// The same entity spelled differently.
    Spelling,
}

/// Two facts about the same thing that differ.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Conflict {
    /// The first article's fact.
    pub a: Fact,
    /// The second article's fact.
    pub b: Fact,
    /// How they differ.
    pub kind: ConflictKind,
}

/// Two facts about the same thing that agree.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Agreement {
    /// The first article's fact.
    pub a: Fact,
    /// The second article's fact.
    pub b: Fact,
}

/// One kind of event named with different words: a word one side uses and
/// the other never does, against the other side's usual word for it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Wording {
    /// The first article's word.
    pub a: Fact,
    /// The second article's word.
    pub b: Fact,
}

/// The diff of one pair.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FactDiff {
    /// Facts both report alike.
    pub agreements: Vec<Agreement>,
    /// Facts both report, differently.
    pub conflicts: Vec<Conflict>,
    /// Facts only the first article reports.
    pub only_a: Vec<Fact>,
    /// Facts only the second article reports.
    pub only_b: Vec<Fact>,
    /// The same kind of event named with different words.
    pub wording: Vec<Wording>,
}

/// Diffs two articles. `entity_key` gives the batch's key for a name, so
/// that variants of one name compare as one entity.
pub(super) fn diff(a: &Article, b: &Article, entity_key: &dyn Fn(&str) -> String) -> FactDiff {
    let mut d = FactDiff::default();
    diff_quantities(a, b, &mut d);
    diff_entities(a, b, entity_key, &mut d);
    diff_quotes(a, b, entity_key, &mut d);
    diff_wording(a, b, &mut d);
    d
}

/// A short reading of a quantity's interval: "13", "at least 8", "about 2,000".
pub(super) fn describe(q: &Quantity) -> String {
    let n = |v: f64| {
        if v.fract() == 0.0 && v.abs() < 1e15 {
            group_thousands(v as i64)
        } else {
            format!("{v:.2}")
        }
    };
    match (q.hedge, q.low, q.high) {
        (Hedge::Exact, Some(l), _) => n(l),
        (Hedge::Approximate, Some(l), Some(h)) => format!("about {}", n((l + h) / 2.0)),
        (Hedge::MoreThan, Some(l), _) => format!("more than {}", n(l)),
        (Hedge::AtLeast, Some(l), _) => format!("at least {}", n(l)),
        (Hedge::LessThan, _, Some(h)) => format!("under {}", n(h)),
        (Hedge::AtMost, _, Some(h)) => format!("at most {}", n(h)),
        (_, Some(l), Some(h)) if l == h => n(l),
        (_, Some(l), Some(h)) => format!("{}-{}", n(l), n(h)),
        (_, Some(l), None) => format!("{} or more", n(l)),
        (_, None, Some(h)) => format!("up to {}", n(h)),
        _ => "?".to_string(),
    }
}

fn group_thousands(v: i64) -> String {
    let digits = v.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0 {
        out.insert(0, '-');
    }
    out
}

fn interval(q: &Quantity) -> (f64, f64) {
    (
        q.low.unwrap_or(f64::NEG_INFINITY),
        q.high.unwrap_or(f64::INFINITY),
    )
}

fn same_figure(x: &Quantity, y: &Quantity) -> bool {
    let close = |p: Option<f64>, q: Option<f64>| match (p, q) {
        (Some(p), Some(q)) => (p - q).abs() <= 1e-9 * p.abs().max(1.0),
        (None, None) => true,
        _ => false,
    };
    close(x.low, y.low) && close(x.high, y.high)
}

fn overlaps(x: &Quantity, y: &Quantity) -> bool {
    let (a0, a1) = interval(x);
    let (b0, b1) = interval(y);
    a0 <= b1 && b0 <= a1
}

/// Two quantities of a pair that may report one figure, and how likely.
struct QuantityMatch {
    score: f64,
    a: usize,
    b: usize,
}

fn diff_quantities(a: &Article, b: &Article, d: &mut FactDiff) {
    let fact = |q: &Quantity| Fact {
        key: count_key(q),
        value: describe(q),
        span: q.span,
    };
    let mut used_a = HashSet::new();
    let mut used_b = HashSet::new();
    for m in match_quantities(a, b) {
        if used_a.contains(&m.a) || used_b.contains(&m.b) {
            continue;
        }
        used_a.insert(m.a);
        used_b.insert(m.b);
        let (qa, qb) = (&a.quantities[m.a], &b.quantities[m.b]);
        let (fa, fb) = (fact(qa), fact(qb));
        if same_figure(qa, qb) && qa.hedge == qb.hedge {
            d.agreements.push(Agreement { a: fa, b: fb });
        } else {
            let kind = if overlaps(qa, qb) {
                ConflictKind::Compatible
            } else {
                ConflictKind::Contradictory
            };
            d.conflicts.push(Conflict { a: fa, b: fb, kind });
        }
    }
    for (i, q) in a.quantities.iter().enumerate() {
        if !used_a.contains(&i) && count_key(q) != UNCOUNTED {
            d.only_a.push(fact(q));
        }
    }
    for (j, q) in b.quantities.iter().enumerate() {
        if !used_b.contains(&j) && count_key(q) != UNCOUNTED {
            d.only_b.push(fact(q));
        }
    }
}

/// Candidate pairs of quantities, best first: the same count key, scored by
/// the Dice coefficient of their sentences' words plus a bonus for the same
/// figure (or overlapping ones).
fn match_quantities(a: &Article, b: &Article) -> Vec<QuantityMatch> {
    let (keys_a, keys_b) = (sentence_keys(a), sentence_keys(b));
    let no_words = HashSet::new();
    let context_a = quantity_contexts(a, &keys_a, &no_words);
    let context_b = quantity_contexts(b, &keys_b, &no_words);
    let counts_b: Vec<String> = b.quantities.iter().map(count_key).collect();
    let mut candidates = Vec::new();
    for (i, qa) in a.quantities.iter().enumerate() {
        let ka = count_key(qa);
        if ka == UNCOUNTED {
            continue;
        }
        let ca = context_a[i];
        for (j, qb) in b.quantities.iter().enumerate() {
            if counts_b[j] != ka {
                continue;
            }
            let cb = context_b[j];
            let shared = ca.intersection(cb).count() as f64;
            let dice = if ca.is_empty() && cb.is_empty() {
                0.0
            } else {
                2.0 * shared / (ca.len() + cb.len()) as f64
            };
            let bonus = if same_figure(qa, qb) {
                0.3
            } else if overlaps(qa, qb) {
                0.1
            } else {
                0.0
            };
            let score = dice + bonus;
            if score >= 0.15 {
                candidates.push(QuantityMatch { score, a: i, b: j });
            }
        }
    }
    candidates.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    candidates
}

/// The content-word keys of each quantity's sentence (`none` outside any sentence).
fn quantity_contexts<'k>(
    art: &Article,
    keys: &'k [HashSet<String>],
    none: &'k HashSet<String>,
) -> Vec<&'k HashSet<String>> {
    art.quantities
        .iter()
        .map(|q| art.seg.sentence_at(q.span.start).map_or(none, |i| &keys[i]))
        .collect()
}

/// An entity as one article names it: its label, the fullest name the
/// article uses, and that name's span.
struct NamedEntity {
    label: EntityLabel,
    name: String,
    span: Span,
}

impl NamedEntity {
    fn fact(&self) -> Fact {
        Fact {
            key: label_key(self.label).to_string(),
            value: self.name.clone(),
            span: self.span,
        }
    }
}

/// The article's entities by entity key.
fn entity_index(
    art: &Article,
    entity_key: &dyn Fn(&str) -> String,
) -> BTreeMap<String, NamedEntity> {
    let mut out: BTreeMap<String, NamedEntity> = BTreeMap::new();
    for e in &art.entities {
        let key = entity_key(&e.name);
        let surface = e.span.of(art.analysis_text()).to_string();
        out.entry(key)
            .and_modify(|named| {
                // Keep the fullest written form, for comparing spellings.
                if surface.len() > named.name.len() {
                    named.name = surface.clone();
                    named.span = e.span;
                }
            })
            .or_insert(NamedEntity {
                label: e.label,
                name: surface,
                span: e.span,
            });
    }
    out
}

fn label_key(label: EntityLabel) -> &'static str {
    match label {
        EntityLabel::Person => "person",
        EntityLabel::Org => "organisation",
        EntityLabel::Place => "place",
    }
}

fn diff_entities(a: &Article, b: &Article, entity_key: &dyn Fn(&str) -> String, d: &mut FactDiff) {
    let ia = entity_index(a, entity_key);
    let ib = entity_index(b, entity_key);
    for (key, ea) in &ia {
        match ib.get(key) {
            Some(eb) => {
                let (fa, fb) = (ea.fact(), eb.fact());
                // Spelling differs when the fullest forms differ beyond case and
                // one is not simply a part of the other ("Tokayev" / "Kassym-Jomart Tokayev").
                let (x, y) = (ea.name.to_lowercase(), eb.name.to_lowercase());
                if x == y || x.contains(&y) || y.contains(&x) {
                    d.agreements.push(Agreement { a: fa, b: fb });
                } else {
                    d.conflicts.push(Conflict {
                        a: fa,
                        b: fb,
                        kind: ConflictKind::Spelling,
                    });
                }
            }
            None => d.only_a.push(ea.fact()),
        }
    }
    for (key, eb) in &ib {
        if !ia.contains_key(key) {
            d.only_b.push(eb.fact());
        }
    }
}

/// Per speaker's entity key, the article's first quote of that speaker.
fn quotes_by_speaker(art: &Article, entity_key: &dyn Fn(&str) -> String) -> BTreeMap<String, Fact> {
    let mut out: BTreeMap<String, Fact> = BTreeMap::new();
    for q in &art.quotes {
        if let Some(s) = &q.speaker {
            out.entry(entity_key(s)).or_insert_with(|| Fact {
                key: "quote".to_string(),
                value: s.clone(),
                span: q.span,
            });
        }
    }
    out
}

fn diff_quotes(a: &Article, b: &Article, entity_key: &dyn Fn(&str) -> String, d: &mut FactDiff) {
    let (sa, sb) = (
        quotes_by_speaker(a, entity_key),
        quotes_by_speaker(b, entity_key),
    );
    for (key, qa) in &sa {
        match sb.get(key) {
            Some(qb) => d.agreements.push(Agreement {
                a: qa.clone(),
                b: qb.clone(),
            }),
            None => d.only_a.push(qa.clone()),
        }
    }
    for (key, qb) in &sb {
        if !sa.contains_key(key) {
            d.only_b.push(qb.clone());
        }
    }
}

/// One word (stem) an article uses for a kind of event: how often, and where first.
#[derive(Clone)]
struct StemUse {
    stem: String,
    count: usize,
    first: Span,
}

impl StemUse {
    fn fact(&self, family: &str) -> Fact {
        Fact {
            key: family.to_string(),
            value: self.stem.clone(),
            span: self.first,
        }
    }
}

/// Per event family, the stems an article uses, most frequent first.
fn stems(art: &Article) -> BTreeMap<&'static str, Vec<StemUse>> {
    let mut out: BTreeMap<&'static str, Vec<StemUse>> = BTreeMap::new();
    for e in &art.events {
        let Some(class) = EventClass::from_name(&e.class) else {
            continue;
        };
        let list = out.entry(class.family()).or_default();
        match list.iter_mut().find(|u| u.stem == e.stem) {
            Some(used) => used.count += 1,
            None => list.push(StemUse {
                stem: e.stem.clone(),
                count: 1,
                first: e.trigger,
            }),
        }
    }
    for list in out.values_mut() {
        list.sort_by(|x, y| {
            y.count
                .cmp(&x.count)
                .then(x.first.start.cmp(&y.first.start))
        });
    }
    out
}

/// The first of `x`'s stems that `y` never uses.
fn absent_from(x: &[StemUse], y: &[StemUse]) -> Option<StemUse> {
    x.iter()
        .find(|u| !y.iter().any(|v| v.stem == u.stem))
        .cloned()
}

/// For each kind of event both report, a word one side uses and the other
/// never does ("riots"), set against the other side's usual word for it
/// ("protests").
fn diff_wording(a: &Article, b: &Article, d: &mut FactDiff) {
    let (sa, sb) = (stems(a), stems(b));
    for (family, la) in &sa {
        let Some(lb) = sb.get(family) else { continue };
        // A word only `a` uses, against `b`'s usual word; then the other way round.
        if let Some(wa) = absent_from(la, lb) {
            d.wording.push(Wording {
                a: wa.fact(family),
                b: lb[0].fact(family),
            });
        }
        if let Some(wb) = absent_from(lb, la) {
            let pair = Wording {
                a: la[0].fact(family),
                b: wb.fact(family),
            };
            if !d.wording.contains(&pair) {
                d.wording.push(pair);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(low: Option<f64>, high: Option<f64>, hedge: Hedge, unit: &str) -> Quantity {
        Quantity {
            span: Span::new(0, 1),
            low,
            high,
            hedge,
            unit: Some(unit.to_string()),
            counts: None,
            source: None,
        }
    }

    #[test]
    fn describes_intervals() {
        let cases = [
            (q(Some(13.0), Some(13.0), Hedge::Exact, "killed"), "13"),
            (q(Some(8.0), None, Hedge::AtLeast, "dead"), "at least 8"),
            (
                q(Some(1800.0), Some(2200.0), Hedge::Approximate, "people"),
                "about 2,000",
            ),
            (
                q(Some(2000.0), None, Hedge::MoreThan, "people"),
                "more than 2,000",
            ),
            (q(Some(20.0), Some(50.0), Hedge::Range, "days"), "20-50"),
        ];
        for (quantity, want) in cases {
            assert_eq!(describe(&quantity), want);
        }
    }

    #[test]
    fn overlap_decides_the_kind_of_conflict() {
        let thirteen = q(Some(13.0), Some(13.0), Hedge::Exact, "killed");
        let at_least_eight = q(Some(8.0), None, Hedge::AtLeast, "killed");
        let under_ten = q(None, Some(10.0), Hedge::LessThan, "killed");
        assert!(overlaps(&thirteen, &at_least_eight));
        assert!(!overlaps(&thirteen, &under_ten));
    }
}
