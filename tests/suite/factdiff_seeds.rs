//! The fact diff on the seeds: the differences the product exists to show,
//! each with its class, its sentence, and spans into both inputs.

use crate::hay::seed_articles;
use storydiff::compare;
use storydiff::report::{CompareReport, FactOut, PairOut};

fn report() -> CompareReport {
    let articles = seed_articles();
    CompareReport::new(articles, &compare(articles))
}

fn pair<'r>(report: &'r CompareReport, a: &str, b: &str) -> &'r PairOut {
    report
        .pairs
        .iter()
        .find(|p| p.a.starts_with(a) && p.b.starts_with(b))
        .unwrap_or_else(|| panic!("pair {a} {b}"))
}

fn json<T: serde::Serialize>(x: &T) -> String {
    serde_json::to_value(x)
        .unwrap()
        .as_str()
        .unwrap_or("")
        .to_string()
}

#[test]
fn rally_size_is_compatible() {
    let r = report();
    let story = pair(&r, "000", "001");
    let c = story
        .conflicts
        .iter()
        .find(|c| c.a.text.contains("around 2,000") && c.b.text.contains("more than 2,000"))
        .unwrap_or_else(|| panic!("{:#?}", story.conflicts));
    assert_eq!(json(&c.class), "compatible");
    assert!(c.note.contains("both can be true"), "{}", c.note);
}

#[test]
fn security_forces_killed_is_not_a_contradiction() {
    let r = report();
    let event = pair(&r, "002", "003");
    let c = event
        .conflicts
        .iter()
        .find(|c| c.a.text.contains("13") && c.b.text.contains("at least eight"))
        .unwrap_or_else(|| panic!("{:#?}", event.conflicts));
    let class = json(&c.class);
    assert!(class == "compatible" || class == "update", "{class}");
    // The facts meet by their key: what is counted, and of whom.
    assert_eq!(c.key, "killed/security_forces", "{c:#?}");
    assert!(c.note.contains("killed (security forces)"), "{}", c.note);
    assert!(
        !event.conflicts.iter().any(|c| json(&c.class) == "conflict"),
        "no contradiction between 002 and 003: {:#?}",
        event.conflicts
    );
}

#[test]
fn name_variants_are_reported_and_not_as_conflicts() {
    let r = report();
    let has_variant = |p: &PairOut, x: &str, y: &str| {
        p.names
            .iter()
            .any(|n| json(&n.class) == "variant" && n.a.text == x && n.b.text == y)
    };
    let story = pair(&r, "000", "001");
    assert!(
        has_variant(story, "Alnour Iliachev", "Alnur Ilyashev"),
        "{:#?}",
        story.names
    );
    let event = pair(&r, "002", "003");
    assert!(
        has_variant(event, "Qasim Jomart Tokayev", "Kassym-Jomart Tokayev"),
        "{:#?}",
        event.names
    );
    for p in &r.pairs {
        assert!(
            !p.conflicts
                .iter()
                .any(|c| c.key == "person" || c.key == "place"),
            "names are not fact conflicts: {:#?}",
            p.conflicts
        );
    }
}

#[test]
fn reworded_quotes_are_matched_with_a_word_diff() {
    let r = report();
    let story = pair(&r, "000", "001");
    let variants: Vec<(&str, &str)> = story
        .quotes
        .iter()
        .filter(|q| json(&q.class) == "variant")
        .map(|q| (q.a.text.as_str(), q.b.text.as_str()))
        .collect();
    assert!(
        variants.iter().any(|(a, b)| a
            .contains("organized (the demonstration) only to prevent us")
            && b.contains("only held (the demonstration) to prevent us")),
        "{variants:?}"
    );
    assert!(
        variants
            .iter()
            .any(|(a, b)| a.contains("reserved") && b.contains("booked")),
        "{variants:?}"
    );
    let held = story
        .quotes
        .iter()
        .find(|q| q.b.text.contains("only held"))
        .unwrap();
    let ops = serde_json::to_value(&held.diff).unwrap();
    let changed: Vec<String> = ops
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["op"] != "same")
        .map(|o| {
            format!(
                "{}:{}",
                o["op"].as_str().unwrap(),
                o["text"].as_str().unwrap()
            )
        })
        .collect();
    assert!(
        changed.contains(&"removed:organized".to_string()),
        "{changed:?}"
    );
    assert!(changed.contains(&"added:held".to_string()), "{changed:?}");
}

#[test]
fn agreements_are_statements_and_figures_not_names() {
    let r = report();
    let says = |p: &PairOut, a: &str, b: &str| {
        p.agreements
            .iter()
            .any(|g| g.a.text.contains(a) && g.b.text.contains(b))
    };
    let story = pair(&r, "000", "001");
    assert!(
        says(
            story,
            "territorial integrity of Ukraine",
            "Ukraine's territorial integrity"
        ),
        "Komilov's support: {:#?}",
        story.agreements
    );
    let event = pair(&r, "002", "003");
    assert!(
        says(event, "peacekeeping force", "peacekeeping forces"),
        "the CSTO deployment: {:#?}",
        event.agreements
    );
    assert!(
        says(event, "Psaki dismissed claims", "Psaki also criticized"),
        "Psaki's denial of a US role: {:#?}",
        event.agreements
    );
    for p in &r.pairs {
        for g in &p.agreements {
            assert!(
                !matches!(g.key.as_str(), "person" | "place" | "organisation"),
                "a shared name is not an agreement: {g:#?}"
            );
            assert!(g.note.contains(&p.a) && g.note.contains(&p.b), "{}", g.note);
        }
    }
}

#[test]
fn every_finding_points_into_both_inputs() {
    let articles = seed_articles();
    let r = report();
    let check = |id: &str, f: &FactOut| {
        let art = articles.iter().find(|a| a.id == id).unwrap();
        let slice: String = art
            .input
            .chars()
            .skip(f.start)
            .take(f.end - f.start)
            .collect();
        assert_eq!(slice, f.text, "{id}: {f:?}");
    };
    for p in &r.pairs {
        for g in p.agreements.iter().chain(&p.conflicts).chain(&p.wording) {
            check(&p.a, &g.a);
            check(&p.b, &g.b);
        }
        for n in &p.names {
            check(&p.a, &n.a);
            check(&p.b, &n.b);
        }
        for q in &p.quotes {
            check(&p.a, &q.a);
            check(&p.b, &q.b);
            assert!(!q.note.is_empty());
        }
        for f in &p.only_a {
            check(&p.a, f);
            assert!(f.note.is_some(), "{f:?}");
        }
        for f in &p.only_b {
            check(&p.b, f);
        }
    }
}

#[test]
fn framing_and_one_sided_facts() {
    let r = report();
    let event = pair(&r, "002", "003");
    let words: Vec<(String, String)> = event
        .wording
        .iter()
        .map(|w| (w.a.text.to_lowercase(), w.b.text.to_lowercase()))
        .collect();
    assert!(
        words.contains(&("protests".to_string(), "riots".to_string())),
        "{words:?}"
    );
    // What only one reports: Ned Price speaks only in 003, Josep Borrell only in 002.
    assert!(
        event.only_b.iter().any(|f| f.value == "Ned Price"),
        "{:#?}",
        event.only_b
    );
    assert!(
        event.only_a.iter().any(|f| f.value == "Josep Borrell"),
        "{:#?}",
        event.only_a
    );
}

#[test]
fn each_event_cluster_has_a_facts_by_articles_table() {
    let r = report();
    let table = r
        .tables
        .iter()
        .find(|t| t.articles.iter().any(|a| a.starts_with("002")))
        .unwrap_or_else(|| panic!("{:#?}", r.tables));
    assert_eq!(table.articles.len(), 2);
    let killed = table
        .rows
        .iter()
        .find(|row| {
            row.cells.len() == 2 && row.cells.iter().any(|c| c.text.contains("at least eight"))
        })
        .unwrap_or_else(|| panic!("{:#?}", table.rows));
    assert_eq!(json(&killed.class), "compatible");
    assert!(
        killed.note.contains("13") && killed.note.contains("at least 8"),
        "{}",
        killed.note
    );
    assert!(
        table
            .timeline
            .iter()
            .all(|m| !m.sources.is_empty() && m.day.len() == 10),
        "{:#?}",
        table.timeline
    );
    assert!(r.tables.iter().all(|t| t.articles.len() >= 2));
}
