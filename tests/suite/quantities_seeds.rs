//! Quantities of the seed articles: the figures issue 5 names, as intervals
//! with their counted nouns (every quantity of each seed is pinned by
//! `golden::quantities`).

use crate::hay::with_seed_doc;
use storydiff::extract::{quantities, Hedge, Quantity};

fn quantities_of(prefix: &str) -> (String, Vec<Quantity>) {
    with_seed_doc(prefix, quantities)
}

/// A quantity a seed must report.
struct Case {
    seed: &'static str,
    /// The quantity's text.
    text: &'static str,
    low: Option<f64>,
    high: Option<f64>,
    hedge: Hedge,
    unit: Option<&'static str>,
    counts: Option<&'static str>,
}

#[test]
fn seeds_named_in_the_issue() {
    use Hedge::*;
    let cases: &[Case] = &[
        Case {
            seed: "000",
            text: "around 2,000 people",
            low: Some(1800.0),
            high: Some(2200.0),
            hedge: Approximate,
            unit: Some("people"),
            counts: None,
        },
        Case {
            seed: "001",
            text: "more than 2,000 people",
            low: Some(2000.0),
            high: None,
            hedge: MoreThan,
            unit: Some("people"),
            counts: None,
        },
        Case {
            seed: "001",
            text: "several hundred",
            low: Some(300.0),
            high: Some(900.0),
            hedge: Vague,
            unit: None,
            counts: None,
        },
        Case {
            seed: "002",
            text: "Dozens of anti-government protesters",
            low: Some(24.0),
            high: Some(99.0),
            hedge: Vague,
            unit: Some("protesters"),
            counts: Some("killed"),
        },
        Case {
            seed: "002",
            text: "13 members",
            low: Some(13.0),
            high: Some(13.0),
            hedge: Exact,
            unit: Some("members"),
            counts: Some("killed"),
        },
        Case {
            seed: "002",
            text: "two of whom",
            low: Some(2.0),
            high: Some(2.0),
            hedge: Exact,
            unit: Some("members"),
            counts: Some("beheaded"),
        },
        Case {
            seed: "002",
            text: "over $600m",
            low: Some(600e6),
            high: None,
            hedge: MoreThan,
            unit: Some("usd"),
            counts: None,
        },
        Case {
            seed: "003",
            text: "nearly 5,000 people",
            low: Some(4500.0),
            high: Some(5000.0),
            hedge: LessThan,
            unit: Some("people"),
            counts: Some("dispersed"),
        },
        Case {
            seed: "003",
            text: "at least eight dead",
            low: Some(8.0),
            high: None,
            hedge: AtLeast,
            unit: Some("killed"),
            counts: Some("killed"),
        },
        Case {
            seed: "003",
            text: "more than 300 injured",
            low: Some(300.0),
            high: None,
            hedge: MoreThan,
            unit: Some("injured"),
            counts: Some("injured"),
        },
        Case {
            seed: "004",
            text: "Several dozen opposition demonstrators",
            low: Some(36.0),
            high: Some(108.0),
            hedge: Vague,
            unit: Some("demonstrators"),
            counts: Some("arrested"),
        },
        Case {
            seed: "004",
            text: "Around 50 protesters",
            low: Some(45.0),
            high: Some(55.0),
            hedge: Approximate,
            unit: Some("protesters"),
            counts: Some("arrested"),
        },
        Case {
            seed: "004",
            text: "from 20 to 50 days",
            low: Some(20.0),
            high: Some(50.0),
            hedge: Range,
            unit: Some("days"),
            counts: None,
        },
    ];
    for Case {
        seed,
        text: span,
        low,
        high,
        hedge,
        unit,
        counts,
    } in cases
    {
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
