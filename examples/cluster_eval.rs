//! Event clusters against a TF-IDF baseline, side by side, on the test sets
//! of `tests/eval/clusters/` (Wikipedia "In the news" blurbs; see its README).
//!
//! ```sh
//! cargo run --release --example cluster_eval                 # the table
//! cargo run --release --example cluster_eval -- --pairs dev  # pair features and gold, CSV
//! cargo run --release --example cluster_eval -- --clusters twins_full dev  # both systems' clusters, and why
//!                                                            # storydiff links two events
//! ```
//!
//! Each split of each set is clustered as one batch. The baseline is written
//! here: TF-IDF over the batch (lowercased words, sublinear term frequency,
//! smoothed idf), cosine, average-linkage agglomeration cut at a threshold
//! chosen on the set's dev split (a grid of 0.01 steps), then applied to the
//! held-out split. storydiff's event clusters come from [`storydiff::compare`]
//! unchanged. Printed per set and split: B-cubed precision, recall and F1.

use storydiff::compare::{compare_pairs, explain, name_key, Overrides, Pairs};
use storydiff::eval::clusters::{
    b_cubed, baseline_merges, cut, gold, inputs, load, tune_for, Report, SETS,
};
use storydiff::{analyze_batch, compare};

fn storydiff_clusters(reports: &[Report]) -> Vec<Vec<usize>> {
    let articles = analyze_batch(&inputs(reports)).expect("the reports analyze");
    compare(&articles).clusters.event
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--pairs") {
        pairs(args.get(1).map_or("dev", String::as_str));
        return;
    }
    if args.first().map(String::as_str) == Some("--clusters") {
        let name = args.get(1).map_or("twins_full", String::as_str);
        show_clusters(name, args.get(2).map_or("dev", String::as_str));
        return;
    }
    println!(
        "{:<10} {:<8} {:>5} {:>6} | {:>22} | {:>22} {:>5} | {:>6}",
        "set", "split", "n", "events", "storydiff P / R / F1", "baseline P / R / F1", "t", "gain"
    );
    for name in SETS {
        let t = tune_for(name);
        for split in ["dev", "heldout"] {
            let reports = load(name, split);
            if reports.is_empty() {
                continue;
            }
            let (n, g) = (reports.len(), gold(&reports));
            let ours = b_cubed(&storydiff_clusters(&reports), &g, n);
            let base = b_cubed(&cut(n, &baseline_merges(&reports), t), &g, n);
            println!(
                "{name:<10} {split:<8} {n:>5} {:>6} | {:.3} / {:.3} / {:.3}  | {:.3} / {:.3} / {:.3}  {t:>5.2} | {:>+6.3}",
                g.len(),
                ours.0,
                ours.1,
                ours.2,
                base.0,
                base.1,
                base.2,
                ours.2 - base.2
            );
        }
    }
}

/// storydiff's event clusters of one split of a set, then the baseline's
/// (its threshold tuned on the set's dev split), one per line: each
/// member's id (which names its gold event), a cluster that mixes gold
/// events marked `MIXED`, then the gold events split over several clusters.
fn show_clusters(name: &str, split: &str) {
    let reports = load(name, split);
    println!("# storydiff");
    let articles = analyze_batch(&inputs(&reports)).expect("the reports analyze");
    let c = compare(&articles);
    print_clusters(&reports, &c.clusters.event);
    // Why each pair of different events inside one cluster is linked.
    let key = |n: &str| name_key(c.entities.canonical(n));
    for p in &c.pairs {
        let same_cluster = (c.clusters.event.iter()).any(|g| g.contains(&p.a) && g.contains(&p.b));
        if same_cluster && reports[p.a].event != reports[p.b].event {
            let why = explain(&articles[p.a], &articles[p.b], &key, p.aligned);
            let (a, b) = (&reports[p.a].id, &reports[p.b].id);
            println!(
                "  {a} ~ {b}: p = {:.3}, conflict {}: {why}",
                p.same_event, p.conflict
            );
        }
    }
    let t = tune_for(name);
    println!("# baseline (t = {t:.2})");
    print_clusters(&reports, &cut(reports.len(), &baseline_merges(&reports), t));
}

fn print_clusters(reports: &[Report], found: &[Vec<usize>]) {
    let mut homes: std::collections::HashMap<&str, usize> = Default::default();
    for c in found {
        let events: std::collections::HashSet<&str> =
            c.iter().map(|&i| reports[i].event.as_str()).collect();
        for e in &events {
            *homes.entry(e).or_default() += 1;
        }
        let ids: Vec<&str> = c.iter().map(|&i| reports[i].id.as_str()).collect();
        let mark = if events.len() > 1 { "MIXED " } else { "" };
        if c.len() > 1 || events.len() > 1 {
            println!("{mark}{}", ids.join(" "));
        }
    }
    let mut split_events: Vec<_> = homes.into_iter().filter(|e| e.1 > 1).collect();
    split_events.sort();
    for (e, n) in split_events {
        println!("SPLIT {e} over {n} clusters");
    }
}

/// Every pair of every set's `split`, with storydiff's pair features and
/// whether the two report one event (CSV on stdout), for the fitting script.
fn pairs(split: &str) {
    println!(
        "set,a,b,words,entities,events,dates,numbers,facts,coverage,conflict,days,actors,same_event,same"
    );
    for name in SETS {
        let reports = load(name, split);
        if reports.is_empty() {
            continue;
        }
        let articles = analyze_batch(&inputs(&reports)).expect("the reports analyze");
        let c = compare_pairs(&articles, &Overrides::default(), Pairs::All);
        for p in &c.pairs {
            let days = match (&reports[p.a].date, &reports[p.b].date) {
                (Some(x), Some(y)) => days_apart(x, y),
                _ => -1,
            };
            println!(
                "{name},{},{},{:.4},{:.4},{:.4},{:.4},{:.4},{:.4},{:.4},{:.0},{days},{:.0},{:.4},{}",
                p.a,
                p.b,
                p.words,
                p.entities,
                p.events,
                p.dates,
                p.numbers,
                p.facts,
                p.coverage,
                p.conflict,
                p.actors,
                p.same_event,
                u8::from(reports[p.a].event == reports[p.b].event)
            );
        }
    }
}

fn days_apart(x: &str, y: &str) -> i64 {
    let day = |s: &str| storydiff::extract::CalendarDate::parse_iso(s.get(..10)?).map(|d| d.days());
    match (day(x), day(y)) {
        (Some(a), Some(b)) => (a - b).abs(),
        _ => -1,
    }
}
