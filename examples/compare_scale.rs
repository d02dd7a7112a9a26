//! How compare scales: time, peak memory and report size for batches of
//! growing size, and, on one size, how far the blocked clusters are from
//! the all-pairs ones.
//!
//! ```sh
//! cargo run --release --example compare_scale -- 1000 2000 5000 10000
//! cargo run --release --example compare_scale -- --check 1000
//! ```
//!
//! The batches are varied articles recombined from the real texts in the
//! repository (the seeds and the evaluation texts under `tests/eval/`, each
//! README says where they come from): each article is two to five
//! paragraphs drawn with a fixed-seed generator, and a publication date
//! spread over a year, so that every run gets the same batch. Each size runs
//! in its own process, so that its peak memory (`VmHWM`) is its own.
//!
//! Printed per size: analysis time (every stage before compare), compare
//! time (wall and CPU), pairs scored, pairs in the report, report size, peak memory, and
//! each per article, so that linear growth shows as a flat column. With
//! `COMPARE_SCALE_PARTS=1`, also where the report's bytes go and how many
//! fact diffs were made.

use std::io::Write;
use std::time::Instant;
use storydiff::compare::{compare_pairs, Overrides, Pairs};
use storydiff::report::CompareReport;
use storydiff::{analyze_batch, Input};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--one") => one(args[1].parse().expect("a size")),
        Some("--check") => check(args.get(1).map_or(1000, |n| n.parse().expect("a size"))),
        _ => {
            let sizes: Vec<usize> = if args.is_empty() {
                vec![1000, 2000, 5000, 10000]
            } else {
                args.iter().map(|a| a.parse().expect("a size")).collect()
            };
            println!(
                "{:>6} {:>10} {:>10} {:>8} {:>9} {:>9} {:>9} {:>10} {:>9} {:>8} {:>9}",
                "n",
                "analyze s",
                "compare s",
                "cpu s",
                "scored",
                "listed",
                "report MB",
                "peak MB",
                "ms/art",
                "KB/art",
                "peakKB/a"
            );
            let exe = std::env::current_exe().expect("this example");
            for n in sizes {
                let status = std::process::Command::new(&exe)
                    .args(["--one", &n.to_string()])
                    .status()
                    .expect("run one size");
                assert!(status.success(), "size {n} failed");
            }
        }
    }
}

/// One size: analyze, compare, write the report, print the figures.
fn one(n: usize) {
    let inputs = corpus(n);
    let start = Instant::now();
    let articles = analyze_batch(&inputs).expect("analysis");
    let analyzed = start.elapsed().as_secs_f64();
    let (start, cpu) = (Instant::now(), cpu_s());
    let comparison = compare_pairs(&articles, &Overrides::default(), Pairs::Candidates);
    let compared = start.elapsed().as_secs_f64();
    let compared_cpu = cpu_s() - cpu;
    if std::env::var_os("COMPARE_SCALE_PARTS").is_some() {
        let start = Instant::now();
        let table = storydiff::compare::link(&articles);
        eprintln!(
            "  names linked in {:.2} s ({} entities)",
            start.elapsed().as_secs_f64(),
            table.entities.len()
        );
    }
    let t = Instant::now();
    let report = CompareReport::new(&articles, &comparison);
    if std::env::var_os("COMPARE_SCALE_PARTS").is_some() {
        eprintln!("  report built in {:.2} s", t.elapsed().as_secs_f64());
    }
    let mut sink = Counter(0);
    serde_json::to_writer(&mut sink, &report).expect("report");
    if std::env::var_os("COMPARE_SCALE_PARTS").is_some() {
        parts(&report, &comparison);
    }
    let peak = peak_kb();
    println!(
        "{n:>6} {analyzed:>10.2} {compared:>10.2} {compared_cpu:>8.2} {:>9} {:>9} {:>9.1} {:>10.0} {:>9.3} {:>8.1} {:>9.1}",
        comparison.pairs.len(),
        report.pairs.len(),
        sink.0 as f64 / 1e6,
        peak as f64 / 1024.0,
        compared * 1000.0 / n as f64,
        sink.0 as f64 / 1024.0 / n as f64,
        peak as f64 / n as f64,
    );
}

/// Where the report's bytes go, and how much fact-diff work was done.
fn parts(report: &CompareReport, comparison: &storydiff::compare::Comparison) {
    let size = |v: &dyn erased::Ser| {
        let mut sink = Counter(0);
        v.write(&mut sink);
        sink.0 as f64 / 1e6
    };
    eprintln!(
        "  report MB: articles {:.1}, pairs {:.1}, entities {:.1}, tables {:.1}, clusters {:.1}",
        size(&report.articles),
        size(&report.pairs),
        size(&report.entities),
        size(&report.tables),
        size(&report.clusters)
    );
    let diffed = (comparison.diffs.iter())
        .filter(|d| **d != storydiff::compare::FactDiff::default())
        .count();
    let mut sizes: Vec<usize> = comparison.clusters.event.iter().map(Vec::len).collect();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    sizes.truncate(5);
    eprintln!(
        "  non-empty diffs {diffed}, event clusters {}, largest {sizes:?}",
        comparison.clusters.event.len()
    );
}

mod erased {
    /// A serializable value behind a `dyn`.
    pub trait Ser {
        fn write(&self, w: &mut super::Counter);
    }
    impl<T: serde::Serialize> Ser for T {
        fn write(&self, w: &mut super::Counter) {
            serde_json::to_writer(w, self).expect("part");
        }
    }
}

/// The blocked clusters next to the all-pairs ones on one batch.
fn check(n: usize) {
    let articles = analyze_batch(&corpus(n)).expect("analysis");
    let start = Instant::now();
    let blocked = compare_pairs(&articles, &Overrides::default(), Pairs::Candidates);
    let t_blocked = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let all = compare_pairs(&articles, &Overrides::default(), Pairs::All);
    let t_all = start.elapsed().as_secs_f64();
    println!(
        "{n} articles: blocked {t_blocked:.2} s ({} pairs), all pairs {t_all:.2} s ({} pairs)",
        blocked.pairs.len(),
        all.pairs.len()
    );
    for (grain, b, a) in [
        ("event", &blocked.clusters.event, &all.clusters.event),
        ("story", &blocked.clusters.story, &all.clusters.story),
        ("topic", &blocked.clusters.topic, &all.clusters.topic),
    ] {
        let (p, r, f) = storydiff::eval::clusters::b_cubed(b, a, n);
        println!(
            "{grain}: {} clusters blocked, {} all pairs; identical: {}; B3 of blocked against all pairs: P {p:.4} R {r:.4} F1 {f:.4}",
            b.len(),
            a.len(),
            b == a
        );
    }
}

/// `n` articles recombined from the repository's real texts.
fn corpus(n: usize) -> Vec<Input> {
    let pool = paragraphs();
    if std::env::var_os("COMPARE_SCALE_PARTS").is_some() {
        eprintln!("  {} paragraphs in the pool", pool.len());
    }
    let mut rng = 0x9e37_79b9_u32;
    let mut next = move |m: usize| {
        // mulberry32
        rng = rng.wrapping_add(0x6d2b_79f5);
        let mut t = rng;
        t = (t ^ (t >> 15)).wrapping_mul(t | 1);
        t ^= t.wrapping_add((t ^ (t >> 7)).wrapping_mul(t | 61));
        ((t ^ (t >> 14)) as usize) % m
    };
    (0..n)
        .map(|i| {
            let k = 2 + next(4);
            let text: Vec<&str> = (0..k).map(|_| pool[next(pool.len())].as_str()).collect();
            let mut input = Input::new(format!("a{i}"), text.join("\n\n"));
            let day = next(365);
            input.date = Some(format!("2022-{:02}-{:02}", 1 + day / 31 % 12, 1 + day % 28));
            input
        })
        .collect()
}

/// The paragraphs of the seeds and the evaluation texts.
fn paragraphs() -> Vec<String> {
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |p: &str| std::fs::read_to_string(format!("{root}/{p}")).unwrap_or_default();
    let mut texts: Vec<String> = storydiff::eval::seeds()
        .iter()
        .map(|s| s.text.clone())
        .collect();
    for f in ["news_en.txt", "news_en_heldout.txt"] {
        for line in read(&format!("tests/eval/entities/{f}")).lines() {
            if !line.starts_with('#') {
                texts.push(unbracket(line));
            }
        }
    }
    for f in ["news", "blind", "blind2", "blind3", "heldout"] {
        let v: serde_json::Value =
            serde_json::from_str(&read(&format!("tests/eval/quotes/{f}.json"))).unwrap_or_default();
        for d in v["docs"].as_array().into_iter().flatten() {
            texts.extend(d["text"].as_str().map(str::to_string));
        }
    }
    let v: serde_json::Value =
        serde_json::from_str(&read("tests/eval/clusters/batch1.json")).unwrap_or_default();
    for a in v["articles"].as_array().into_iter().flatten() {
        texts.extend(a["text"].as_str().map(str::to_string));
    }
    for f in ["dev", "test", "challenge", "challenge2"] {
        for line in read(&format!("tests/eval/timex/{f}.jsonl")).lines() {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                texts.extend(v["text"].as_str().map(str::to_string));
            }
        }
    }
    texts
        .iter()
        .flat_map(|t| t.split("\n\n"))
        .map(str::trim)
        .filter(|p| p.chars().count() > 40)
        .map(str::to_string)
        .collect()
}

/// "[PERSON Joe Biden] said" -> "Joe Biden said".
fn unbracket(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let inner = &rest[open + 1..];
        let Some(close) = inner.find(']') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let span = &inner[..close];
        out.push_str(span.split_once(' ').map_or(span, |(_, s)| s));
        rest = &inner[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The process's CPU time so far (user and system), in seconds, from
/// `/proc/self/stat` at the usual 100 ticks a second; 0 where unknown. On a
/// shared machine wall time includes waiting for a core; this does not.
fn cpu_s() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which is in parentheses): utime is the 12th, stime the 13th.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<f64> = rest
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0.0))
        .collect();
    (f.get(11).unwrap_or(&0.0) + f.get(12).unwrap_or(&0.0)) / 100.0
}

/// The process's peak resident memory in KB (Linux), or 0.
fn peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// Counts the bytes written to it.
struct Counter(usize);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
