//! Event clusters on the held-out splits of `tests/eval/clusters/` (real
//! Wikipedia "In the news" blurbs and full-length English, French and
//! Japanese Wikinews reports, see its README), against the TF-IDF baseline tuned on
//! each set's dev split (`twins_fr`, all held out: on `twins_full`'s): the
//! floors under the figures that `cargo run --release --example cluster_eval`
//! prints.

use storydiff::eval::clusters::{b_cubed, baseline_merges, cut, gold, inputs, load, tune_for};
use storydiff::{analyze_batch, compare};

/// (set, floor under storydiff's held-out B3-F1, least margin over the baseline).
/// On `twins_full` storydiff is 0.082 above the baseline (0.971 against
/// 0.889). On `twins_fr`, scored blind once, it is level with the baseline
/// (0.967 against 0.970): the floor holds it there, short of the margin of
/// 0.05 the clusters aim for. On `twins_ja` (Japanese earthquakes, held out)
/// storydiff is 0.162 above the baseline (0.896 against 0.733). On
/// `twins_ja2` (Japanese hurricanes and eruptions, held out; 0.094 above
/// when scored blind) it is 0.118 above (0.904 against 0.786).
const FLOORS: [(&str, f64, f64); 7] = [
    ("twins", 0.96, 0.005),
    ("twins_full", 0.96, 0.05),
    ("wording", 0.85, 0.25),
    ("languages", 0.66, 0.14),
    ("twins_fr", 0.96, -0.01),
    ("twins_ja", 0.88, 0.14),
    ("twins_ja2", 0.89, 0.10),
];

#[test]
fn event_clusters_beat_the_tuned_baseline_on_held_out_sets() {
    for (name, floor, margin) in FLOORS {
        let t = tune_for(name);
        let reports = load(name, "heldout");
        let (n, g) = (reports.len(), gold(&reports));
        let articles = analyze_batch(&inputs(&reports)).unwrap();
        let ours = b_cubed(&compare(&articles).clusters.event, &g, n).2;
        let base = b_cubed(&cut(n, &baseline_merges(&reports), t), &g, n).2;
        println!("{name}: storydiff {ours:.3}, baseline {base:.3} (t = {t:.2})");
        assert!(ours >= floor, "{name}: B3-F1 {ours:.3} under {floor}");
        assert!(
            ours - base >= margin,
            "{name}: {ours:.3} against the baseline's {base:.3}"
        );
    }
}
