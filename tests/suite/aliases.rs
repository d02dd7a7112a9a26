//! Batch entity linking: the variant table with its bars, and the seeds.

use crate::hay::seed_articles;
use storydiff::compare::{self as aliases, same_name, Overrides};
use storydiff::extract::EntityLabel;

fn label(s: &str) -> EntityLabel {
    match s {
        "PERSON" => EntityLabel::Person,
        "ORG" => EntityLabel::Org,
        _ => EntityLabel::Place,
    }
}

/// Precision, recall, the number of variant pairs and the misses of
/// `same_name` on a table of pairs (label, name a, name b, same 1/0).
fn score(path: &str) -> (f64, f64, usize, Vec<String>) {
    let data = std::fs::read_to_string(path).unwrap();
    let (mut tp, mut fp, mut fn_, mut positives) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    for line in data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        let (l, a, b, same) = (label(f[0]), f[1], f[2], f[3] == "1");
        let got = same_name(a, b, l).is_some();
        positives += usize::from(same);
        match (same, got) {
            (true, true) => tp += 1,
            (false, true) => {
                fp += 1;
                misses.push(format!("wrongly merged: {a} / {b}"));
            }
            (true, false) => {
                fn_ += 1;
                misses.push(format!("missed: {a} / {b}"));
            }
            _ => {}
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    (precision, recall, positives, misses)
}

/// At least 100 real variants (English, French, German) with look-alike negatives:
/// precision >= 0.95, recall >= 0.85.
#[test]
fn variant_table_meets_the_bars() {
    let (precision, recall, positives, misses) = score("tests/eval/aliases/variants.tsv");
    println!("aliases: {positives} variant pairs, precision {precision:.3}, recall {recall:.3}");
    println!("{}", misses.join("\n"));
    assert!(positives >= 100);
    assert!(
        precision >= 0.95,
        "precision {precision:.3}\n{}",
        misses.join("\n")
    );
    assert!(recall >= 0.85, "recall {recall:.3}\n{}", misses.join("\n"));
}

/// The held-out pairs across nine languages and two scripts (Latin and
/// Cyrillic): precision >= 0.97, recall >= 0.9.
#[test]
fn heldout_pairs_across_scripts() {
    let (precision, recall, positives, misses) = score("tests/eval/aliases/heldout.tsv");
    println!(
        "aliases held out: {positives} variant pairs, precision {precision:.3}, recall {recall:.3}"
    );
    println!("{}", misses.join("\n"));
    assert!(positives >= 50);
    assert!(
        precision >= 0.97,
        "precision {precision:.3}\n{}",
        misses.join("\n")
    );
    assert!(recall >= 0.9, "recall {recall:.3}\n{}", misses.join("\n"));
}

#[test]
fn seeds_variant_sets_merged_and_nothing_else() {
    let articles = seed_articles();
    let table = aliases::link(articles);
    let id = |l: EntityLabel, n: &str| {
        table
            .entity_of(l, n)
            .unwrap_or_else(|| panic!("{n} not in table"))
            .id
    };
    use EntityLabel::{Org, Person, Place};
    let same_sets: &[(EntityLabel, &[&str])] = &[
        (Person, &["Alnour Iliachev", "Alnur Ilyashev"]),
        (Person, &["Mukhtar Abliazov", "Moukhtar Abliazov"]),
        (Person, &["Kassym-Jomart Tokayev", "Qasim Jomart Tokayev"]),
        (
            Org,
            &[
                "Collective Security Treaty Organization",
                "Collective Security Treaty Organisation",
            ],
        ),
        (Org, &["Eurasian Economic Union"]),
        (Place, &["Kazakhstan", "Kazakhastan"]),
        (Org, &["UN", "United Nations"]),
    ];
    for (l, names) in same_sets {
        let ids: Vec<usize> = names.iter().map(|n| id(*l, n)).collect();
        assert!(
            ids.windows(2).all(|w| w[0] == w[1]),
            "{names:?} not merged: {ids:?}"
        );
    }
    // EAEU and EEU both expand to the Eurasian Economic Union.
    let eu = table.entity_of(Org, "Eurasian Economic Union").unwrap();
    let surfaces: Vec<&str> = eu
        .members
        .iter()
        .flat_map(|m| m.mentions.iter().map(move |&i| (m.article, i)))
        .map(|(a, i)| articles[a].entities[i].span.of(articles[a].analysis_text()))
        .collect();
    assert!(
        surfaces.contains(&"EAEU") && surfaces.contains(&"EEU"),
        "{surfaces:?}"
    );
    // Distinct entities stay apart.
    let apart: &[(EntityLabel, &str)] = &[
        (Person, "Kassym-Jomart Tokayev"),
        (Person, "Nursultan Nazarbayev"),
        (Person, "Mukhtar Abliazov"),
        (Person, "Alnur Ilyashev"),
        (Person, "Jen Psaki"),
        (Person, "Ned Price"),
        (Person, "Vladimir Putin"),
        (Person, "Abdulaziz Komilov"),
        (Person, "Margarita Simonyan"),
    ];
    let ids: std::collections::HashSet<usize> = apart.iter().map(|(l, n)| id(*l, n)).collect();
    assert_eq!(ids.len(), apart.len());
    let orgs = [
        (Org, "AFP"),
        (Org, "European Union"),
        (Org, "European Commission"),
        (Org, "European Parliament"),
        (Org, "Eurasian Economic Union"),
        (Org, "United Nations"),
    ];
    let ids: std::collections::HashSet<usize> = orgs.iter().map(|(l, n)| id(*l, n)).collect();
    assert_eq!(ids.len(), orgs.len());
    let places = [
        (Place, "Kazakhstan"),
        (Place, "Uzbekistan"),
        (Place, "Tajikistan"),
        (Place, "Kyrgyzstan"),
        (Place, "Russia"),
        (Place, "Belarus"),
    ];
    let ids: std::collections::HashSet<usize> = places.iter().map(|(l, n)| id(*l, n)).collect();
    assert_eq!(ids.len(), places.len());
    // Every merge says why and how sure.
    for e in &table.entities {
        for m in &e.merges {
            assert!(!m.reason.is_empty() && m.confidence > 0.0 && m.confidence <= 1.0);
        }
    }
    assert_eq!(
        table.canonical("Qasim Jomart Tokayev"),
        "Kassym-Jomart Tokayev"
    );
}

#[test]
fn user_overrides_split_and_merge() {
    let articles = seed_articles();
    let split = Overrides {
        split: vec!["Alnour Iliachev".into()],
        ..Overrides::default()
    };
    let t = aliases::link_with(articles, &split);
    assert_ne!(
        t.entity_of(EntityLabel::Person, "Alnour Iliachev")
            .unwrap()
            .id,
        t.entity_of(EntityLabel::Person, "Alnur Ilyashev")
            .unwrap()
            .id
    );
    let merge = Overrides {
        merge: vec![("Kremlin".into(), "Vladimir Putin".into())],
        ..Overrides::default()
    };
    let t = aliases::link_with(articles, &merge);
    let e = t.entity_of(EntityLabel::Org, "Kremlin").unwrap();
    assert!(e.variants.iter().any(|v| v == "Vladimir Putin"));
    assert!(e
        .merges
        .iter()
        .any(|m| m.reason == "merged by the user" && m.confidence == 1.0));
}

#[test]
fn compare_report_uses_the_batch_names() {
    let articles = seed_articles();
    let report = storydiff::report::CompareReport::new(articles, &storydiff::compare(articles));
    let qasim = report.articles[2]
        .entities
        .iter()
        .find(|e| e.text == "Qasim Jomart Tokayev")
        .expect("mention");
    assert_eq!(qasim.entity, "Kassym-Jomart Tokayev");
    let iliachev = report.articles[0]
        .entities
        .iter()
        .find(|e| e.text == "Alnour Iliachev")
        .expect("mention");
    assert_eq!(
        iliachev.entity,
        report.articles[1]
            .entities
            .iter()
            .find(|e| e.text == "Alnur Ilyashev")
            .unwrap()
            .entity
    );
    let row = report
        .entities
        .iter()
        .find(|r| r.name == "Kassym-Jomart Tokayev")
        .expect("row");
    assert_eq!(row.label, "PERSON");
    assert!(row.members.len() >= 3 && row.variants.iter().any(|v| v == "Qasim Jomart Tokayev"));
}

#[test]
fn canonical_names_answer_as_the_table_does() {
    let articles = seed_articles();
    let overrides = [
        Overrides::default(),
        Overrides {
            split: vec!["Alnour Iliachev".into()],
            ..Overrides::default()
        },
        Overrides {
            merge: vec![("Kremlin".into(), "Vladimir Putin".into())],
            ..Overrides::default()
        },
    ];
    for o in &overrides {
        let table = aliases::link_with(articles, o);
        let names = aliases::canonical_names(articles, o);
        let mentioned = articles.iter().flat_map(|a| {
            let speakers = a.quotes.iter().filter_map(|q| q.speaker.as_deref());
            a.entities.iter().map(|e| e.name.as_str()).chain(speakers)
        });
        for name in mentioned.chain(["nobody at all"]) {
            assert_eq!(names.canonical(name), table.canonical(name), "{name}");
        }
        assert_eq!(&names, table.names());
    }
}
