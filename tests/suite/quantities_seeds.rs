//! Quantities of the seed articles: the figures issue 5 names, as intervals
//! with their counted nouns (every quantity of each seed is pinned by
//! `golden::quantities`).

use storydiff::eval::seed;
use storydiff::extract::{quantities, Doc, Hedge, Quantity};
use storydiff::text;

fn quantities_of(prefix: &str) -> (String, Vec<Quantity>) {
    let t = text::normalize(&seed(prefix).text);
    let seg = text::segment(t.as_str());
    let doc = Doc {
        text: t.as_str(),
        seg: &seg,
        anchor: None,
        language: Some("en"),
    };
    let q = quantities::extract(&doc);
    (t.as_str().to_string(), q)
}

/// (seed, quantity text, low, high, hedge, unit, counts)
type Case = (
    &'static str,
    &'static str,
    Option<f64>,
    Option<f64>,
    Hedge,
    Option<&'static str>,
    Option<&'static str>,
);

#[test]
fn seeds_named_in_the_issue() {
    use Hedge::*;
    let cases: &[Case] = &[
        (
            "000",
            "around 2,000 people",
            Some(1800.0),
            Some(2200.0),
            Approximate,
            Some("people"),
            None,
        ),
        (
            "001",
            "more than 2,000 people",
            Some(2000.0),
            None,
            MoreThan,
            Some("people"),
            None,
        ),
        (
            "001",
            "several hundred",
            Some(300.0),
            Some(900.0),
            Vague,
            None,
            None,
        ),
        (
            "002",
            "Dozens of anti-government protesters",
            Some(24.0),
            Some(99.0),
            Vague,
            Some("protesters"),
            Some("killed"),
        ),
        (
            "002",
            "13 members",
            Some(13.0),
            Some(13.0),
            Exact,
            Some("members"),
            Some("killed"),
        ),
        (
            "002",
            "two of whom",
            Some(2.0),
            Some(2.0),
            Exact,
            Some("members"),
            Some("beheaded"),
        ),
        (
            "002",
            "over $600m",
            Some(600e6),
            None,
            MoreThan,
            Some("usd"),
            None,
        ),
        (
            "003",
            "nearly 5,000 people",
            Some(4500.0),
            Some(5000.0),
            LessThan,
            Some("people"),
            Some("dispersed"),
        ),
        (
            "003",
            "at least eight dead",
            Some(8.0),
            None,
            AtLeast,
            Some("killed"),
            Some("killed"),
        ),
        (
            "003",
            "more than 300 injured",
            Some(300.0),
            None,
            MoreThan,
            Some("injured"),
            Some("injured"),
        ),
        (
            "004",
            "Several dozen opposition demonstrators",
            Some(36.0),
            Some(108.0),
            Vague,
            Some("demonstrators"),
            Some("arrested"),
        ),
        (
            "004",
            "Around 50 protesters",
            Some(45.0),
            Some(55.0),
            Approximate,
            Some("protesters"),
            Some("arrested"),
        ),
        (
            "004",
            "from 20 to 50 days",
            Some(20.0),
            Some(50.0),
            Range,
            Some("days"),
            None,
        ),
    ];
    for (seed, span, low, high, hedge, unit, counts) in cases {
        let (t, qs) = quantities_of(seed);
        let q = qs
            .iter()
            .find(|q| q.span.of(&t) == *span)
            .unwrap_or_else(|| {
                panic!(
                    "{seed}: {span:?} not among {:?}",
                    qs.iter().map(|q| q.span.of(&t)).collect::<Vec<_>>()
                )
            });
        let round = |b: Option<f64>| b.map(|x| (x * 100.0).round() / 100.0);
        assert_eq!(
            (round(q.low), round(q.high), q.hedge),
            (*low, *high, *hedge),
            "{seed} {span}"
        );
        assert_eq!(q.unit.as_deref(), *unit, "{seed} {span} unit");
        assert_eq!(q.counts.as_deref(), *counts, "{seed} {span} counts");
    }
}

#[test]
fn seed_sources() {
    let cases: &[(&str, &str, &str)] = &[
        ("002", "13 members", "State television"),
        (
            "002",
            "Dozens of anti-government protesters",
            "Kazakh officials",
        ),
        ("003", "at least eight dead", "Interior Ministry"),
        ("003", "more than 300 injured", "Interior Ministry"),
    ];
    for (seed, span, source) in cases {
        let (t, qs) = quantities_of(seed);
        let q = qs.iter().find(|q| q.span.of(&t) == *span).unwrap();
        assert_eq!(q.source.as_deref(), Some(*source), "{seed} {span}");
    }
}

#[test]
fn seeds_report_no_years_dates_or_names() {
    for seed in ["000", "001", "002", "003", "004"] {
        let (t, qs) = quantities_of(seed);
        for q in &qs {
            let s = q.span.of(&t);
            for bad in [
                "2012", "2022", "2009", "1991", "2.0", "64", "124", "A350", "2:00", "11", "19",
                "81",
            ] {
                assert!(
                    !s.split_whitespace().any(|w| w
                        .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ':')
                        == bad),
                    "{seed}: {s:?} is not a count"
                );
            }
        }
    }
}
