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
use std::collections::BTreeSet;

/// Names listed per kind before "and N more".
const LISTED: usize = 3;

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
    let mut parts = Vec::new();
    for (label, one, many) in [
        (EntityLabel::Person, "person", "people"),
        (EntityLabel::Org, "organisation", "organisations"),
        (EntityLabel::Place, "place", "places"),
    ] {
        let in_b: BTreeSet<String> = (b.entities.iter())
            .filter(|e| e.label == label)
            .map(|e| entity_key(&e.name))
            .collect();
        let mut seen = BTreeSet::new();
        let shared: Vec<&str> = (a.entities.iter())
            .filter(|e| e.label == label)
            .filter(|e| {
                let k = entity_key(&e.name);
                in_b.contains(&k) && seen.insert(k)
            })
            .map(|e| e.name.as_str())
            .collect();
        if !shared.is_empty() {
            parts.push(listed(shared.len(), one, many, &shared));
        }
    }
    let dates = |x: &Article| -> BTreeSet<String> {
        (x.dates.iter())
            .filter_map(|d| CalendarDate::parse_iso(d.value.get(..10)?))
            .map(|d| d.iso())
            .collect()
    };
    let shared_dates: Vec<String> = dates(a).intersection(&dates(b)).cloned().collect();
    if !shared_dates.is_empty() {
        let refs: Vec<&str> = shared_dates.iter().map(String::as_str).collect();
        parts.push(listed(refs.len(), "date", "dates", &refs));
    }
    let figures = |x: &Article| -> BTreeSet<String> {
        (x.quantities.iter())
            .filter(|q| q.hedge != Hedge::Vague)
            .filter_map(|q| {
                let key = count_key(q);
                let v = q.low.or(q.high)?;
                (key != UNCOUNTED).then(|| format!("{v} {key}"))
            })
            .collect()
    };
    let shared_figures: Vec<String> = figures(a).intersection(&figures(b)).cloned().collect();
    if !shared_figures.is_empty() {
        let refs: Vec<&str> = shared_figures.iter().map(String::as_str).collect();
        parts.push(listed(refs.len(), "figure", "figures", &refs));
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
