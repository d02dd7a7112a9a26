//! Compare on a batch larger than [`ALL_PAIRS_UP_TO`]: the candidate pairs
//! from the inverted index give the same event and story clusters as
//! scoring every pair, score far fewer pairs, and the report lists only
//! related pairs, each article's closest (all of them with
//! `Mode::CompareAllPairs`).

use storydiff::compare::{
    compare_pairs, Overrides, Pairs, Relation, ALL_PAIRS_UP_TO, LISTED_PER_ARTICLE,
};
use storydiff::report::{build, Mode, Report};
use storydiff::{analyze_batch, Input};

/// The seeds, the cluster evaluation batch and the temporal evaluation
/// texts: real and written news of many events, one batch.
fn batch() -> Vec<Input> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut inputs: Vec<Input> = storydiff::eval::seeds().iter().map(|s| s.input()).collect();
    let raw = std::fs::read_to_string(format!("{root}/tests/eval/clusters/batch1.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&raw).unwrap();
    for a in v["articles"].as_array().unwrap() {
        let mut input = Input::new(a["id"].as_str().unwrap(), a["text"].as_str().unwrap());
        input.date = a["date"].as_str().map(str::to_string);
        inputs.push(input);
    }
    for part in ["dev", "test", "challenge", "challenge2"] {
        let raw = std::fs::read_to_string(format!("{root}/tests/eval/timex/{part}.jsonl")).unwrap();
        for line in raw.lines().filter(|l| !l.trim().is_empty()) {
            let d: serde_json::Value = serde_json::from_str(line).unwrap();
            let mut input = Input::new(
                format!("{part}-{}", d["id"].as_str().unwrap()),
                d["text"].as_str().unwrap(),
            );
            input.date = d["dct"].as_str().map(str::to_string);
            inputs.push(input);
        }
    }
    inputs
}

#[test]
fn candidate_pairs_cluster_as_all_pairs_do() {
    let inputs = batch();
    let n = inputs.len();
    assert!(n > 2 * ALL_PAIRS_UP_TO, "{n} articles");
    let articles = analyze_batch(&inputs).unwrap();
    let blocked = compare_pairs(&articles, &Overrides::default(), Pairs::Candidates);
    let all = compare_pairs(&articles, &Overrides::default(), Pairs::All);
    assert!(all.complete && !blocked.complete);
    assert_eq!(all.pairs.len(), n * (n - 1) / 2);
    assert!(
        blocked.pairs.len() * 10 < all.pairs.len(),
        "{} of {} pairs scored",
        blocked.pairs.len(),
        all.pairs.len()
    );
    assert_eq!(blocked.clusters.event, all.clusters.event);
    assert_eq!(blocked.clusters.story, all.clusters.story);
    // The seeds' events stay apart (other texts of the batch may join them).
    let event_of = |i: usize| blocked.clusters.event.iter().position(|c| c.contains(&i));
    assert_eq!(event_of(0), event_of(1));
    assert_eq!(event_of(2), event_of(3));
    assert!(event_of(0) != event_of(2) && event_of(4) != event_of(0) && event_of(4) != event_of(2));
    // Every pair related by event that all pairs finds, the candidates find too.
    for p in all
        .pairs
        .iter()
        .filter(|p| p.relation >= Relation::SameEvent)
    {
        let found = blocked.pairs.iter().find(|q| (q.a, q.b) == (p.a, p.b));
        assert_eq!(
            found.map(|q| q.relation),
            Some(p.relation),
            "{} {}",
            p.a,
            p.b
        );
    }
}

#[test]
fn the_report_of_a_large_batch_lists_related_pairs_unless_asked_for_all() {
    let inputs = batch();
    let n = inputs.len();
    let Report::Comparison(some) = build(&inputs, Mode::Compare, &Overrides::default()).unwrap()
    else {
        panic!("a comparison");
    };
    assert!(!some.pairs.is_empty());
    assert!(some.pairs.iter().all(|p| p.relation >= Relation::SameTopic));
    let Report::Comparison(every) =
        build(&inputs, Mode::CompareAllPairs, &Overrides::default()).unwrap()
    else {
        panic!("a comparison");
    };
    assert_eq!(every.pairs.len(), n * (n - 1) / 2);
    assert_eq!(some.clusters.event, every.clusters.event);
}

#[test]
fn a_large_batch_on_one_subject_lists_each_articles_closest_pairs_only() {
    let n = ALL_PAIRS_UP_TO + 16;
    let inputs: Vec<Input> = (0..n)
        .map(|i| {
            // One subject, a different day for each: related by topic, not by event.
            let month = ["March", "June", "September", "December"][i % 4];
            let text = format!(
                "Riot police dispersed a rally of {} people in Almaty on {} {month} {}, \
                 said Marat Ilyashev of the interior ministry.",
                100 + 7 * i,
                1 + i % 28,
                2000 + i / 4
            );
            Input::new(format!("r{i}"), text)
        })
        .collect();
    let articles = analyze_batch(&inputs).unwrap();
    let c = compare_pairs(&articles, &Overrides::default(), Pairs::Candidates);
    let all = compare_pairs(&articles, &Overrides::default(), Pairs::All);
    assert!(!c.complete && all.complete);
    // The comparison keeps the pairs it lists, all related, and fewer than it scored.
    let listed = c.listed();
    assert!(listed.iter().all(|&l| l));
    let related = |p: &&storydiff::compare::PairScore| p.relation >= Relation::SameTopic;
    let shown: Vec<_> = c.pairs.iter().collect();
    assert!(shown.iter().all(related));
    assert!(
        c.scored > shown.len(),
        "{} scored, {} kept",
        c.scored,
        shown.len()
    );
    assert!(shown.len() <= LISTED_PER_ARTICLE * n);
    assert_eq!(c.diffs.len(), shown.len());
    assert_eq!(c.alignments.len(), shown.len());
    // Each article keeps its closest related pairs: as many as it has, up to the limit.
    let n_related = all.pairs.iter().filter(related).count();
    assert!(
        n_related > shown.len(),
        "{n_related} related, {} listed",
        shown.len()
    );
    for i in 0..n {
        let has = |p: &&storydiff::compare::PairScore| p.a == i || p.b == i;
        let own = c.pairs.iter().filter(has).count();
        let found = all.pairs.iter().filter(related).filter(has).count();
        assert!(
            own >= found.min(LISTED_PER_ARTICLE),
            "article {i}: {own} of {found}"
        );
    }
    // The pairs kept are scored as when every pair is.
    for p in &c.pairs {
        let q = all.pairs.iter().find(|q| (q.a, q.b) == (p.a, p.b)).unwrap();
        assert_eq!((p.relation, p.score), (q.relation, q.score));
    }
    let Report::Comparison(report) = build(&inputs, Mode::Compare, &Overrides::default()).unwrap()
    else {
        panic!("a comparison");
    };
    assert_eq!(report.pairs.len(), shown.len());
}
