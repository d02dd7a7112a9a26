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
use crate::extract::events::EventClass;
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
    pub a: Fact,
    pub b: Fact,
    pub kind: ConflictKind,
}

/// The diff of one pair.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FactDiff {
    pub agreements: Vec<(Fact, Fact)>,
    pub conflicts: Vec<Conflict>,
    pub only_a: Vec<Fact>,
    pub only_b: Vec<Fact>,
    /// The same kind of event named with different words.
    pub wording: Vec<(Fact, Fact)>,
}

/// Diffs two articles. `entity_key` gives the batch's key for a name, so
/// that variants of one name compare as one entity.
pub fn diff(a: &Article, b: &Article, entity_key: &dyn Fn(&str) -> String) -> FactDiff {
    let mut d = FactDiff::default();
    diff_quantities(a, b, &mut d);
    diff_entities(a, b, entity_key, &mut d);
    diff_quotes(a, b, entity_key, &mut d);
    diff_wording(a, b, &mut d);
    d
}

/// A short reading of a quantity's interval: "13", "at least 8", "about 2,000".
pub fn describe(q: &Quantity) -> String {
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

fn diff_quantities(a: &Article, b: &Article, d: &mut FactDiff) {
    let keys_a = sentence_keys(a);
    let keys_b = sentence_keys(b);
    let context = |art: &Article, keys: &[HashSet<String>], q: &Quantity| -> HashSet<String> {
        art.seg
            .sentence_at(q.span.start)
            .map(|i| keys[i].clone())
            .unwrap_or_default()
    };
    let fact = |q: &Quantity| Fact {
        key: count_key(q),
        value: describe(q),
        span: q.span,
    };
    // Candidate pairs: same key, scored by their sentences' shared words.
    let mut candidates = Vec::new();
    for (i, qa) in a.quantities.iter().enumerate() {
        let ka = count_key(qa);
        if ka == UNCOUNTED {
            continue;
        }
        let ca = context(a, &keys_a, qa);
        for (j, qb) in b.quantities.iter().enumerate() {
            if count_key(qb) != ka {
                continue;
            }
            let cb = context(b, &keys_b, qb);
            let shared = ca.intersection(&cb).count() as f64;
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
                candidates.push((score, i, j));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut used_a = HashSet::new();
    let mut used_b = HashSet::new();
    for (_, i, j) in candidates {
        if used_a.contains(&i) || used_b.contains(&j) {
            continue;
        }
        used_a.insert(i);
        used_b.insert(j);
        let (qa, qb) = (&a.quantities[i], &b.quantities[j]);
        let (fa, fb) = (fact(qa), fact(qb));
        if same_figure(qa, qb) && qa.hedge == qb.hedge {
            d.agreements.push((fa, fb));
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

/// Per entity key: its label, the fullest name the article uses, and its first span.
fn entity_index(
    art: &Article,
    entity_key: &dyn Fn(&str) -> String,
) -> BTreeMap<String, (EntityLabel, String, Span)> {
    let mut out: BTreeMap<String, (EntityLabel, String, Span)> = BTreeMap::new();
    for e in &art.entities {
        let key = entity_key(&e.name);
        let surface = e.span.of(art.analysis_text()).to_string();
        out.entry(key)
            .and_modify(|(_, name, span)| {
                // Keep the fullest written form, for comparing spellings.
                if surface.len() > name.len() {
                    *name = surface.clone();
                    *span = e.span;
                }
            })
            .or_insert((e.label, surface, e.span));
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
    let fact = |(label, name, span): &(EntityLabel, String, Span)| Fact {
        key: label_key(*label).to_string(),
        value: name.clone(),
        span: *span,
    };
    for (key, ea) in &ia {
        match ib.get(key) {
            Some(eb) => {
                let (fa, fb) = (fact(ea), fact(eb));
                // Spelling differs when the fullest forms differ beyond case and
                // one is not simply a part of the other ("Tokayev" / "Kassym-Jomart Tokayev").
                let (x, y) = (ea.1.to_lowercase(), eb.1.to_lowercase());
                if x == y || x.contains(&y) || y.contains(&x) {
                    d.agreements.push((fa, fb));
                } else {
                    d.conflicts.push(Conflict {
                        a: fa,
                        b: fb,
                        kind: ConflictKind::Spelling,
                    });
                }
            }
            None => d.only_a.push(fact(ea)),
        }
    }
    for (key, eb) in &ib {
        if !ia.contains_key(key) {
            d.only_b.push(fact(eb));
        }
    }
}

fn diff_quotes(a: &Article, b: &Article, entity_key: &dyn Fn(&str) -> String, d: &mut FactDiff) {
    let speakers = |art: &Article| {
        let mut out: BTreeMap<String, (String, Span)> = BTreeMap::new();
        for q in &art.quotes {
            if let Some(s) = &q.speaker {
                out.entry(entity_key(s)).or_insert((s.clone(), q.span));
            }
        }
        out
    };
    let (sa, sb) = (speakers(a), speakers(b));
    let fact = |(name, span): &(String, Span)| Fact {
        key: "quote".to_string(),
        value: name.clone(),
        span: *span,
    };
    for (key, qa) in &sa {
        match sb.get(key) {
            Some(qb) => d.agreements.push((fact(qa), fact(qb))),
            None => d.only_a.push(fact(qa)),
        }
    }
    for (key, qb) in &sb {
        if !sa.contains_key(key) {
            d.only_b.push(fact(qb));
        }
    }
}

/// Per event family, the stems an article uses, most frequent first, each
/// with its count and first span.
type Stems = BTreeMap<&'static str, Vec<(String, usize, Span)>>;

fn stems(art: &Article) -> Stems {
    let mut out: Stems = BTreeMap::new();
    for e in &art.events {
        let Some(class) = EventClass::from_name(&e.class) else {
            continue;
        };
        let list = out.entry(class.family()).or_default();
        match list.iter_mut().find(|(s, _, _)| *s == e.stem) {
            Some(entry) => entry.1 += 1,
            None => list.push((e.stem.clone(), 1, e.trigger)),
        }
    }
    for list in out.values_mut() {
        list.sort_by(|x, y| y.1.cmp(&x.1).then(x.2.start.cmp(&y.2.start)));
    }
    out
}

/// For each kind of event both report, a word one side uses and the other
/// never does ("riots"), set against the other side's usual word for it
/// ("protests").
fn diff_wording(a: &Article, b: &Article, d: &mut FactDiff) {
    let (sa, sb) = (stems(a), stems(b));
    let fact = |family: &str, (stem, _, span): &(String, usize, Span)| Fact {
        key: family.to_string(),
        value: stem.clone(),
        span: *span,
    };
    for (family, la) in &sa {
        let Some(lb) = sb.get(family) else { continue };
        let absent_from = |x: &[(String, usize, Span)], y: &[(String, usize, Span)]| {
            x.iter()
                .find(|(s, _, _)| !y.iter().any(|(t, _, _)| t == s))
                .cloned()
        };
        // A word only `a` uses, against `b`'s usual word; then the other way round.
        if let Some(wa) = absent_from(la, lb) {
            d.wording.push((fact(family, &wa), fact(family, &lb[0])));
        }
        if let Some(wb) = absent_from(lb, la) {
            let pair = (fact(family, &la[0]), fact(family, &wb));
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
