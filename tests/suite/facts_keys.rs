//! Facts keyed across languages, and the status of refused and threatened events
//! (through the public API: a stage's unit tests may not reach back to `article`).

use storydiff::{analyze, Input};

fn keys(text: &str) -> Vec<String> {
    let a = analyze(&Input::new("t", text)).unwrap();
    a.facts
        .into_iter()
        .filter(|f| f.value.is_some())
        .map(|f| f.key)
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
    use storydiff::extract::{RecordKind, Status};
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
    let term = a.facts.iter().find(|f| f.what == "detention_term").unwrap();
    assert_eq!(term.status, Status::Threatened);
}
