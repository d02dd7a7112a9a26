//! Quotes of the seed articles: the attributions issue 5 names (every quote
//! of each seed is pinned by `golden::quotes`).

use crate::hay::with_seed_doc;
use storydiff::extract::{quotes, Quote, QuoteKind};

fn quotes_of(prefix: &str) -> (String, Vec<Quote>) {
    with_seed_doc(prefix, |doc| quotes(doc, &[]))
}

/// (seed, start of the quoted words, kind, speaker)
type Case = (&'static str, &'static str, QuoteKind, Option<&'static str>);

#[test]
fn seeds_named_in_the_issue() {
    use QuoteKind::*;
    let cases: &[Case] = &[
        ("000", "reserved", Partial, Some("Alnour Iliachev")),
        (
            "000",
            "In reality, they organized",
            Direct,
            Some("Alnour Iliachev"),
        ),
        ("001", "booked", Partial, Some("Alnur Ilyashev")),
        (
            "001",
            "In reality they only held",
            Direct,
            Some("Alnur Ilyashev"),
        ),
        ("001", "Together with the president", Slogan, None),
        (
            "002",
            "memories of situations",
            Partial,
            Some("Josep Borrell"),
        ),
        ("002", "great concern", Partial, Some("Josep Borrell")),
        (
            "002",
            "Rights and security of civilians",
            Direct,
            Some("Josep Borrell"),
        ),
        (
            "002",
            "terrorist gangs",
            Partial,
            Some("Qasim Jomart Tokayev"),
        ),
        ("002", "counter-terrorism", Scare, None),
        (
            "003",
            "We call on all Kazakhstanis",
            Direct,
            Some("Ned Price"),
        ),
        ("003", "We urge all stakeholders", Direct, Some("Ned Price")),
        ("003", "with concern", Partial, Some("Stéphane Dujarric")),
        (
            "003",
            "It is very important",
            Direct,
            Some("Stéphane Dujarric"),
        ),
        (
            "003",
            "part of the Russian disinformation",
            Partial,
            Some("Jen Psaki"),
        ),
        ("004", "freedom for political prisoners!", Slogan, None),
        ("004", "political prisoners", Scare, None),
    ];
    for (seed, words, kind, speaker) in cases {
        let (t, qs) = quotes_of(seed);
        let q = qs
            .iter()
            .find(|q| q.kind != Indirect && q.content.of(&t).starts_with(words))
            .unwrap_or_else(|| {
                panic!(
                    "{seed}: {words:?} not among {:?}",
                    qs.iter().map(|q| q.content.of(&t)).collect::<Vec<_>>()
                )
            });
        assert_eq!(q.kind, *kind, "{seed} {words}");
        assert_eq!(q.speaker.as_deref(), *speaker, "{seed} {words}");
    }
}

#[test]
fn seed_indirect_speech() {
    let cases: &[(&str, &str, &str)] = &[
        ("002", "it would consult with Kazakhstan", "Moscow"),
        (
            "002",
            "Dozens of anti-government protesters were killed",
            "Kazakh officials",
        ),
        (
            "002",
            "military units from CSTO's member countries",
            "Secretariat",
        ),
        (
            "001",
            "his country supported Ukraine's territorial integrity",
            "Abdulaziz Komilov",
        ),
    ];
    for (seed, clause, speaker) in cases {
        let (t, qs) = quotes_of(seed);
        let q = qs
            .iter()
            .find(|q| q.kind == QuoteKind::Indirect && q.span.of(&t).starts_with(clause))
            .unwrap_or_else(|| {
                panic!(
                    "{seed}: {clause:?} not among {:?}",
                    qs.iter()
                        .filter(|q| q.kind == QuoteKind::Indirect)
                        .map(|q| q.span.of(&t))
                        .collect::<Vec<_>>()
                )
            });
        assert_eq!(q.speaker.as_deref(), Some(*speaker), "{seed} {clause}");
    }
}
