//! Records and facts of the seed articles: the events and figures that the
//! issue on event records names, each with its evidence.

use crate::hay::seed;
use storydiff::extract::{Fact, Hedge};
use storydiff::extract::{Record, RecordKind, Status};
use storydiff::{analyze, Article, Input};

fn text(a: &Article, span: storydiff::text::Span) -> &str {
    span.of(a.analysis_text())
}

/// The fact of seed `prefix` whose figure reads `figure`.
fn fact<'a>(a: &'a Article, figure: &str) -> &'a Fact {
    a.facts
        .iter()
        .find(|f| text(a, f.span) == figure)
        .unwrap_or_else(|| {
            let all: Vec<&str> = a.facts.iter().map(|f| text(a, f.span)).collect();
            panic!("{}: no fact {figure:?} in {all:?}", a.id)
        })
}

fn records(a: &Article, kind: RecordKind) -> Vec<&Record> {
    a.records.iter().filter(|r| r.kind == kind).collect()
}

/// (seed, figure, key, low, high, hedge, status, source)
type FactCase<'a> = (
    &'a str,
    &'a str,
    &'a str,
    Option<f64>,
    Option<f64>,
    Hedge,
    Status,
    Option<&'a str>,
);

#[test]
fn seed_figures_are_facts_with_their_keys() {
    use Hedge::*;
    let cases: &[FactCase] = &[
        (
            "000",
            "around 2,000 people",
            "participants/people",
            Some(1800.0),
            Some(2200.0),
            Approximate,
            Status::Happened,
            None,
        ),
        (
            "001",
            "more than 2,000 people",
            "participants/people",
            Some(2000.0),
            None,
            MoreThan,
            Status::Happened,
            None,
        ),
        (
            "002",
            "13 members",
            "killed/security_forces",
            Some(13.0),
            Some(13.0),
            Exact,
            Status::Happened,
            Some("State television"),
        ),
        (
            "003",
            "at least eight dead",
            "killed/security_forces",
            Some(8.0),
            None,
            AtLeast,
            Status::Happened,
            Some("Interior Ministry"),
        ),
        (
            "003",
            "more than 300 injured",
            "injured/security_forces",
            Some(300.0),
            None,
            MoreThan,
            Status::Happened,
            Some("Interior Ministry"),
        ),
        (
            "003",
            "nearly 5,000 people",
            "dispersed/people",
            Some(4500.0),
            Some(5000.0),
            LessThan,
            Status::Happened,
            None,
        ),
        (
            "004",
            "Around 50 protesters",
            "detained/protesters",
            Some(45.0),
            Some(55.0),
            Approximate,
            Status::Happened,
            None,
        ),
        (
            "004",
            "from 20 to 50 days",
            "detention_term/protesters",
            Some(20.0),
            Some(50.0),
            Range,
            Status::Threatened,
            None,
        ),
    ];
    for &(s, figure, key, low, high, hedge, status, source) in cases {
        let a = seed(s);
        let f = fact(a, figure);
        let v = f.value.as_ref().expect("a figure has a value");
        assert_eq!(&*f.key, key, "{s} {figure}");
        assert_eq!((v.low, v.high, v.hedge), (low, high, hedge), "{s} {figure}");
        assert_eq!(f.status, status, "{s} {figure}");
        assert_eq!(f.source.as_ref().map(|e| &*e.value), source, "{s} {figure}");
        if let Some(src) = &f.source {
            assert_eq!(
                text(a, src.span),
                &*src.value,
                "{s}: the source's evidence quotes it"
            );
        }
    }
}

#[test]
fn the_almaty_peace_rally_was_refused_by_the_city() {
    for (s, refuser, size) in [
        (
            "000",
            "Almaty city hall",
            (Some(1800.0), Hedge::Approximate),
        ),
        (
            "001",
            "Almaty mayor's office",
            (Some(2000.0), Hedge::MoreThan),
        ),
    ] {
        let a = seed(s);
        let refused: Vec<&Record> = records(a, RecordKind::Protest)
            .into_iter()
            .filter(|r| r.status == Status::Refused)
            .collect();
        assert!(!refused.is_empty(), "{s}: a refused protest");
        let bans = records(a, RecordKind::Ban);
        let by = bans
            .iter()
            .filter_map(|r| r.actor.as_ref())
            .find(|e| &*e.value == refuser)
            .unwrap_or_else(|| panic!("{s}: no ban by {refuser}"));
        assert_eq!(text(a, by.span), refuser, "{s}: the actor's evidence");
        // The earlier rally happened, with its size.
        let held = records(a, RecordKind::Protest)
            .into_iter()
            .find(|r| r.status == Status::Happened && r.size.is_some())
            .unwrap_or_else(|| panic!("{s}: the earlier rally and its size"));
        assert_eq!(held.place.as_ref().map(|p| &*p.value), Some("Almaty"));
        let v = &held.size.as_ref().expect("size").value;
        assert_eq!((v.low, v.hedge), size, "{s}: the earlier rally's size");
    }
}

#[test]
fn the_january_unrest_records() {
    let a = seed("003");
    let emergency = records(a, RecordKind::Emergency);
    assert_eq!(emergency.len(), 1, "the state of emergency");
    assert_eq!(
        emergency[0].place.as_ref().map(|p| &*p.value),
        Some("Kazakhstan")
    );
    let shutdown = records(a, RecordKind::Shutdown);
    assert!(
        shutdown
            .iter()
            .any(|r| text(a, r.sentence).contains("internet")),
        "the internet blackout"
    );
    let dispersal = &records(a, RecordKind::Dispersal)[0];
    assert_eq!(dispersal.place.as_ref().map(|p| &*p.value), Some("Almaty"));
    assert_eq!(
        dispersal.size.as_ref().map(|c| c.value.high),
        Some(Some(5000.0))
    );
    let b = seed("002");
    let deployment = records(b, RecordKind::Deployment);
    let csto = deployment
        .iter()
        .find(|r| {
            r.actor
                .as_ref()
                .is_some_and(|e| e.value.contains("Collective Security Treaty"))
        })
        .expect("the CSTO deployment");
    let requester = csto.requester.as_ref().expect("who requested it");
    assert_eq!(&*requester.value, "Kazakh President Qasim Jomart Tokayev");
    assert_eq!(text(b, requester.span), &*requester.value);
    // 003: "as requested by the government of the former Soviet republic".
    let c = seed("003");
    let requested = records(c, RecordKind::Deployment)
        .into_iter()
        .find_map(|r| r.requester.as_ref())
        .expect("the deployment requested by Kazakhstan's government");
    assert_eq!(
        &*requested.value,
        "government of the former Soviet republic"
    );
}

#[test]
fn detentions_in_almaty_and_the_threat() {
    let a = seed("004");
    let f = fact(a, "Around 50 protesters");
    assert_eq!(f.place.as_ref().map(|p| &*p.value), Some("Almaty"));
    let court = records(a, RecordKind::Court);
    let threat = court
        .iter()
        .find(|r| r.status == Status::Threatened)
        .expect("the threatened sentences");
    assert_eq!(threat.status_cue.map(|c| text(a, c)), Some("threatened"));
    assert_eq!(text(a, threat.detentions[0].span), "from 20 to 50 days");
}

#[test]
fn security_forces_killed_share_one_key_across_the_two_reports() {
    let key = |s: &str, figure: &str| fact(seed(s), figure).key.clone();
    assert_eq!(key("002", "13 members"), key("003", "at least eight dead"));
}

#[test]
fn evidence_spans_lie_in_their_sentence() {
    for s in ["000", "001", "002", "003", "004"] {
        let a = seed(s);
        for r in &a.records {
            for e in [&r.when, &r.place, &r.actor, &r.target, &r.issue, &r.source]
                .into_iter()
                .flatten()
            {
                assert!(
                    r.sentence.contains(e.span) || e.span.start < a.analysis_text().len(),
                    "{s}: {e:?}"
                );
            }
            assert!(
                r.sentence.contains(r.trigger.span),
                "{s}: trigger in its sentence"
            );
        }
        for f in &a.facts {
            assert!(
                f.sentence.contains(f.span),
                "{s}: {} in its sentence",
                f.key
            );
        }
    }
}

fn keys(text: &str) -> Vec<String> {
    let a = analyze(&Input::new("t", text)).unwrap();
    a.facts
        .into_iter()
        .filter(|f| f.value.is_some())
        .map(|f| f.key.to_string())
        .collect()
}

/// One claim worded in several languages: every wording gets `key`.
#[test]
fn one_claim_one_key_across_languages() {
    let cases: &[(&str, &[&str])] = &[
        (
            "killed/security_forces",
            &[
                "13 members of the security forces were killed.",
                "At least eight dead among the security forces.",
                "Treize membres des forces de l'ordre ont été tués.",
                "Dreizehn Angehörige der Sicherheitskräfte wurden getötet.",
                "Trece miembros de las fuerzas de seguridad murieron.",
                "Tredici membri delle forze dell'ordine sono stati uccisi.",
                "Тринадцать сотрудников силовых структур были убиты.",
            ],
        ),
        (
            "detained/protesters",
            &[
                "Around 50 protesters were arrested in Almaty.",
                "Une cinquantaine de manifestants ont été interpellés à Almaty.",
                "Rund 50 Demonstranten wurden in Almaty festgenommen.",
                "Unos 50 manifestantes fueron detenidos en Almaty.",
            ],
        ),
        (
            "injured/people",
            &[
                "More than 300 people were injured.",
                "Plus de 300 personnes ont été blessées.",
                "Mehr als 300 Menschen wurden verletzt.",
            ],
        ),
    ];
    for (key, texts) in cases {
        for text in *texts {
            assert_eq!(keys(text), [key.to_string()], "{text}");
        }
    }
}

#[test]
fn a_refused_march_is_a_refusal_and_a_threat_is_a_threat() {
    let a = analyze(&Input::new(
        "t",
        "The city refused to allow a march on Sunday. Activists were threatened with 20 to 50 days in jail.",
    ))
    .unwrap();
    let march = a
        .records
        .iter()
        .find(|r| r.kind == RecordKind::Protest)
        .unwrap();
    assert_eq!(march.status, Status::Refused);
    let term = a
        .facts
        .iter()
        .find(|f| &*f.what == "detention_term")
        .unwrap();
    assert_eq!(term.status, Status::Threatened);
}

/// (sentence, figure, low, high, hedge)
type FigureCase<'a> = (&'a str, &'a str, Option<f64>, Option<f64>, Hedge);

/// "1 500 человек" (digits grouped by a space or a no-break space) is 1500,
/// and Russian and Portuguese hedges qualify their figure.
#[test]
fn russian_grouped_figures_and_hedges() {
    use Hedge::*;
    let cases: &[FigureCase] = &[
        (
            "На акцию вышли 1 500 человек.",
            "1 500 человек",
            Some(1500.0),
            Some(1500.0),
            Exact,
        ),
        (
            "Задержаны 1\u{a0}500 человек.",
            "1\u{a0}500 человек",
            Some(1500.0),
            Some(1500.0),
            Exact,
        ),
        (
            "Погибли более 12 000 человек.",
            "более 12 000 человек",
            Some(12000.0),
            None,
            MoreThan,
        ),
        (
            "Погибли не менее 38 человек.",
            "не менее 38 человек",
            Some(38.0),
            None,
            AtLeast,
        ),
        (
            "По меньшей мере 150 человек погибли.",
            "По меньшей мере 150 человек",
            Some(150.0),
            None,
            AtLeast,
        ),
        (
            "O sismo mata pelo menos 160 pessoas.",
            "pelo menos 160 pessoas",
            Some(160.0),
            None,
            AtLeast,
        ),
        (
            "Il fait la mort d'au moins 36 personnes.",
            "d'au moins 36 personnes",
            Some(36.0),
            None,
            AtLeast,
        ),
    ];
    for &(sentence, figure, low, high, hedge) in cases {
        let a = analyze(&Input::new("t", sentence)).unwrap();
        let f = a
            .facts
            .iter()
            // The analysis text reads a no-break space as a space.
            .find(|f| text(&a, f.span) == figure.replace('\u{a0}', " "))
            .unwrap_or_else(|| panic!("{sentence}: no fact {figure:?}"));
        let v = f.value.as_ref().unwrap();
        assert_eq!((v.low, v.high, v.hedge), (low, high, hedge), "{sentence}");
    }
}

/// The figure's happening may come before it ("погибли 182 человека",
/// "mata pelo menos 15 pessoas") and stops at a clause join ("36 personnes
/// et en blesse 80 autres").
#[test]
fn what_happened_is_read_before_the_figure_too() {
    let cases = [
        ("В Маланге погибли 182 человека, ещё 190 ранены.", ["killed/people", "injured/people"]),
        (
            "Tiroteio mata pelo menos 15 pessoas e deixa outras 40 feridas.",
            ["killed/people", "injured/people"],
        ),
        (
            "La collision entraîne la mort d'au moins 36 personnes et en blesse au moins 80 autres.",
            ["killed/people", "injured/people"],
        ),
        (
            "An earthquake kills at least 162 people and injures at least 700 others.",
            ["killed/people", "injured/people"],
        ),
    ];
    for (sentence, want) in cases {
        assert_eq!(keys(sentence), want, "{sentence}");
    }
}

/// (text, the requester as written)
const REQUEST_CASES: &[(&str, &str)] = &[
    (
        "Troops were deployed at the request of Kazakh President Qasim Jomart Tokayev, who spoke of gangs.",
        "Kazakh President Qasim Jomart Tokayev",
    ),
    ("The CSTO deployed troops at Tokayev's request.", "Tokayev"),
    (
        "Des troupes ont été déployées à la demande du président Tokaïev.",
        "président Tokaïev",
    ),
    (
        "Truppen wurden auf Bitte von Präsident Tokajew entsandt.",
        "Präsident Tokajew",
    ),
    ("Войска направлены по просьбе Токаева.", "Токаева"),
    (
        "Las tropas fueron desplegadas a petición del presidente Tokáyev.",
        "presidente Tokáyev",
    ),
    (
        "Peacekeeping forces will be deployed, as requested by the government of the former Soviet republic.",
        "government of the former Soviet republic",
    ),
];

#[test]
fn requesters_are_read_in_six_languages() {
    for (text, want) in REQUEST_CASES {
        let a = analyze(&Input::new("t", *text)).unwrap();
        let got: Vec<&str> = (a.records.iter())
            .filter_map(|r| r.requester.as_ref())
            .map(|e| &*e.value)
            .collect();
        assert_eq!(got, [*want], "{text}");
    }
}

#[test]
fn no_request_no_requester() {
    let a = analyze(&Input::new(
        "t",
        "Troops were deployed in Almaty on Thursday.",
    ))
    .unwrap();
    assert!(a.records.iter().all(|r| r.requester.is_none()));
}
