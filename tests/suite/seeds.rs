//! The seeds as acceptance tests: clusters, and every reported span valid.

use crate::hay::seed_articles;
use storydiff::compare;
use storydiff::eval::seeds;
use storydiff::report::{ArticleReport, CompareReport};

fn short(id: &str) -> &str {
    &id[..3]
}

#[test]
fn seeds_cluster_into_their_three_events() {
    let articles = seed_articles();
    let comparison = compare(articles);
    let report = CompareReport::new(articles, &comparison);
    let events: Vec<Vec<&str>> = report
        .clusters
        .event
        .iter()
        .map(|c| c.iter().map(|id| short(id)).collect())
        .collect();
    assert_eq!(
        events,
        [vec!["000", "001"], vec!["002", "003"], vec!["004"]]
    );
}

#[test]
fn translation_of_one_wire_story_is_the_same_story() {
    let articles = seed_articles();
    let report = CompareReport::new(articles, &compare(articles));
    let stories: Vec<Vec<&str>> = report
        .clusters
        .story
        .iter()
        .map(|c| c.iter().map(|id| short(id)).collect())
        .collect();
    assert!(stories.contains(&vec!["000", "001"]), "{stories:?}");
    // 002 and 003 are separate reports of one event, not one story.
    assert!(
        !stories
            .iter()
            .any(|c| c.contains(&"002") && c.contains(&"003")),
        "{stories:?}"
    );
}

/// Every span in every report lies in the input, on code point boundaries, and its
/// `text` is exactly the input's slice.
#[test]
fn every_reported_span_is_the_input_slice() {
    let texts = seeds();
    let articles = seed_articles();
    let report = CompareReport::new(articles, &compare(articles));
    for (article, seed) in report.articles.iter().zip(texts) {
        let input = &seed.text;
        let chars: Vec<char> = input.chars().collect();
        let check = |what: &str, start: usize, end: usize, text: &str| {
            assert!(
                start <= end && end <= chars.len(),
                "{} {what} {start}..{end} out of bounds",
                article.id
            );
            let slice: String = chars[start..end].iter().collect();
            assert_eq!(slice, text, "{} {what} {start}..{end}", article.id);
        };
        for e in &article.entities {
            check("entity", e.start, e.end, &e.text);
        }
        for d in &article.dates {
            check("date", d.start, d.end, &d.text);
        }
        for q in &article.quantities {
            check("quantity", q.start, q.end, &q.text);
        }
        for q in &article.quotes {
            check("quote", q.start, q.end, &q.text);
        }
        for r in &article.removed {
            check("removed", r.start, r.end, &r.text);
        }
        for s in &article.sentences {
            check("sentence", s.start, s.end, &s.text);
        }
        for e in &article.events {
            check("event", e.start, e.end, &e.text);
        }
    }
    for pair in &report.pairs {
        let a = report.articles.iter().position(|x| x.id == pair.a).unwrap();
        let b = report.articles.iter().position(|x| x.id == pair.b).unwrap();
        let slice = |i: usize, s: usize, e: usize| -> String {
            texts[i].text.chars().skip(s).take(e - s).collect()
        };
        for f in pair
            .only_a
            .iter()
            .chain(pair.conflicts.iter().map(|c| &c.a))
            .chain(pair.agreements.iter().map(|c| &c.a))
        {
            assert_eq!(slice(a, f.start, f.end), f.text, "fact {f:?}");
        }
        for f in pair
            .only_b
            .iter()
            .chain(pair.conflicts.iter().map(|c| &c.b))
            .chain(pair.agreements.iter().map(|c| &c.b))
        {
            assert_eq!(slice(b, f.start, f.end), f.text, "fact {f:?}");
        }
    }
}

#[test]
fn analyze_reports_carry_the_schema_version() {
    for article in seed_articles() {
        let report = ArticleReport::new(article);
        assert_eq!(report.schema_version, storydiff::report::SCHEMA_VERSION);
        assert!(!report.body.is_empty(), "{}", article.id);
    }
}
