//! Why two articles are linked, in words: what they share.
//!
//! ```
//! use storydiff::{analyze_batch, Input};
//! use storydiff::compare::{explain, name_key};
//! let articles = analyze_batch(&[
//!     Input::new("a", "Police said 13 people were killed in Almaty on 6 January 2022, Kassym-Jomart Tokayev said."),
//!     Input::new("b", "President Kassym-Jomart Tokayev said 13 people were killed in Almaty on 6 January 2022."),
//! ]).unwrap();
//! let why = explain(&articles[0], &articles[1], &|n: &str| name_key(n), 0);
//! assert!(why.contains("Almaty"), "{why}");
//! assert!(why.contains("2022-01-06"), "{why}");
//! ```

use super::keys::{count_key, UNCOUNTED};
use crate::article::Article;
use crate::extract::{CalendarDate, EntityLabel, Hedge};
use crate::text::hash::FastSet;
use std::collections::BTreeSet;

/// Names listed per kind before "and N more".
const LISTED: usize = 3;

/// The kinds of names listed, in order, with their words for one and many.
const KINDS: [(EntityLabel, &str, &str); 3] = [
    (EntityLabel::Person, "person", "people"),
    (EntityLabel::Org, "organisation", "organisations"),
    (EntityLabel::Place, "place", "places"),
];

/// What `a` and `b` share, as one line: the people, organisations and
/// places both name (by `entity_key`, so that spellings of one entity meet;
/// shown as `a` writes them), the full dates both state, the figures both
/// report with what they count, and how many sentences align.
pub fn explain(
    a: &Article,
    b: &Article,
    entity_key: &dyn Fn(&str) -> String,
    aligned: usize,
) -> String {
    let (ma, mb) = (mentioned(a, entity_key), mentioned(b, entity_key));
    explain_mentioned((a, &ma), &mb, aligned)
}

/// What [`explain`] reads of one article whatever the other: made once per
/// article of a batch, for every pair it is in.
pub(crate) struct Mentioned {
    /// The key of each of the article's entities, in their order.
    entity_keys: Vec<String>,
    /// The keys of the entities of each of [`KINDS`], in its order: asked
    /// only whether they hold a key, hashed, as the other sets of names are.
    kind_keys: [FastSet<String>; 3],
    /// The full dates it states.
    dates: BTreeSet<String>,
    /// The figures it reports, with what they count.
    figures: BTreeSet<String>,
}

/// [`Mentioned`] of `x`; `entity_key` gives the batch's key for a name.
pub(crate) fn mentioned(x: &Article, entity_key: &dyn Fn(&str) -> String) -> Mentioned {
    let entity_keys: Vec<String> = x.entities.iter().map(|e| entity_key(&e.name)).collect();
    let kind_keys = KINDS.map(|(label, ..)| {
        (x.entities.iter().zip(&entity_keys))
            .filter(|(e, _)| e.label == label)
            .map(|(_, k)| k.clone())
            .collect()
    });
    Mentioned {
        entity_keys,
        kind_keys,
        dates: (x.dates.iter())
            .filter_map(|d| CalendarDate::parse_iso(d.value.get(..10)?))
            .map(|d| d.iso())
            .collect(),
        figures: (x.quantities.iter())
            .filter(|q| q.hedge != Hedge::Vague)
            .filter_map(|q| {
                let key = count_key(q);
                let v = q.low.or(q.high)?;
                (key != UNCOUNTED).then(|| format!("{v} {key}"))
            })
            .collect(),
    }
}

/// [`explain`], with what each article mentions: of `b`, nothing else is read.
pub(crate) fn explain_mentioned(
    (a, ma): (&Article, &Mentioned),
    mb: &Mentioned,
    aligned: usize,
) -> String {
    let mut parts = Vec::new();
    for ((label, one, many), in_b) in KINDS.into_iter().zip(&mb.kind_keys) {
        let mut seen = FastSet::default();
        let shared: Vec<&str> = (a.entities.iter().zip(&ma.entity_keys))
            .filter(|(e, _)| e.label == label)
            .filter(|(_, k)| in_b.contains(k.as_str()) && seen.insert(k.as_str()))
            .map(|(e, _)| e.name.as_str())
            .collect();
        if !shared.is_empty() {
            parts.push(listed(shared.len(), one, many, &shared));
        }
    }
    let shared_dates: Vec<&str> = (ma.dates.intersection(&mb.dates))
        .map(String::as_str)
        .collect();
    if !shared_dates.is_empty() {
        parts.push(listed(shared_dates.len(), "date", "dates", &shared_dates));
    }
    let shared_figures: Vec<&str> = (ma.figures.intersection(&mb.figures))
        .map(String::as_str)
        .collect();
    if !shared_figures.is_empty() {
        parts.push(listed(
            shared_figures.len(),
            "figure",
            "figures",
            &shared_figures,
        ));
    }
    if aligned > 0 {
        parts.push(format!(
            "{aligned} aligned sentence{}",
            if aligned == 1 { "" } else { "s" }
        ));
    }
    if parts.is_empty() {
        "shares no name, date or figure".to_string()
    } else {
        format!("shares {}", parts.join(", "))
    }
}

/// "2 people (A, B)", "5 places (A, B, C and 2 more)".
fn listed(n: usize, one: &str, many: &str, items: &[&str]) -> String {
    let mut names = items[..items.len().min(LISTED)].join(", ");
    if items.len() > LISTED {
        names.push_str(&format!(" and {} more", items.len() - LISTED));
    }
    format!("{n} {} ({names})", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_a_few_and_counts_the_rest() {
        assert_eq!(
            listed(1, "place", "places", &["Almaty"]),
            "1 place (Almaty)"
        );
        assert_eq!(
            listed(5, "person", "people", &["A", "B", "C", "D", "E"]),
            "5 people (A, B, C and 2 more)"
        );
    }
}
