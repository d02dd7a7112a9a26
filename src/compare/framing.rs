//! Framing: the words each outlet itself uses for the event ("riots",
//! "protests", "unrest"), compared with the other's. Words inside quotes are
//! the speaker's, not the outlet's, and are left out.
//!
//! For each kind of event both report (an event family of
//! `data/words/events/triggers.tsv`), a word one side uses and the other never
//! does is set against the other side's usual word for it.

use super::fact::{Fact, Wording};
use crate::article::Article;
use crate::extract::EventClass;
use crate::text::Span;
use std::collections::BTreeMap;

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

/// Whether `span` lies inside one of the article's quotes.
fn quoted(art: &Article, span: Span) -> bool {
    art.quotes
        .iter()
        .any(|q| q.span.start <= span.start && span.end <= q.span.end)
}

/// Per event family, the stems an article uses in its own words, most frequent first.
fn stems(art: &Article) -> BTreeMap<&'static str, Vec<StemUse>> {
    let mut out: BTreeMap<&'static str, Vec<StemUse>> = BTreeMap::new();
    for e in &art.events {
        let Some(class) = EventClass::from_name(&e.class) else {
            continue;
        };
        if quoted(art, e.trigger) {
            continue;
        }
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
        crate::text::sort::by(list, |x, y| {
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

/// For each kind of event both report in their own words, a word one side
/// uses and the other never does ("riots"), set against the other side's
/// usual word for it ("protests").
pub(super) fn diff_framing(a: &Article, b: &Article) -> Vec<Wording> {
    let (sa, sb) = (stems(a), stems(b));
    let mut out = Vec::new();
    for (family, la) in &sa {
        let Some(lb) = sb.get(family) else { continue };
        if let Some(wa) = absent_from(la, lb) {
            out.push(Wording {
                a: wa.fact(family),
                b: lb[0].fact(family),
            });
        }
        if let Some(wb) = absent_from(lb, la) {
            let pair = Wording {
                a: la[0].fact(family),
                b: wb.fact(family),
            };
            if !out.contains(&pair) {
                out.push(pair);
            }
        }
    }
    out
}

/// One plain sentence about a framing difference.
pub fn explain(w: &Wording, a: &str, b: &str) -> String {
    format!(
        "In its own words (outside quotes), {a} calls it \"{}\" where {b} says \"{}\".",
        w.a.value, w.b.value
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze_batch, Input};

    #[test]
    fn words_inside_quotes_are_not_the_outlets() {
        let arts = analyze_batch(&[
            Input::new("a", "Protests spread across the country on Monday. Police detained 40 protesters."),
            Input::new("b", "Protests spread across the country on Monday. \"These are riots,\" the minister said."),
        ])
        .unwrap();
        let words = diff_framing(&arts[0], &arts[1]);
        assert!(
            !words
                .iter()
                .any(|w| w.a.value.starts_with("riot") || w.b.value.starts_with("riot")),
            "riots is the minister's word: {words:?}"
        );
    }
}
