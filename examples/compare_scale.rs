//! How compare scales: time, peak memory and report size for batches of
//! growing size, and, on one size, how far the blocked clusters are from
//! the all-pairs ones.
//!
//! ```sh
//! cargo run --release --example compare_scale -- 1000 2000 5000 10000
//! cargo run --release --example compare_scale -- --check 1000
//! cargo run --release --example compare_scale -- --dump 1000 target/bench/compare-1000.jsonl
//! cargo run --release --example compare_scale -- --time target/bench/compare-1000.jsonl 3
//! ```
//!
//! The batches are varied articles recombined from the real texts in the
//! repository (the seeds, the evaluation texts under `tests/eval/` and the
//! main text of the saved pages under `tests/corpus/readability/`; each
//! README says where they come from): each article is two to five
//! paragraphs drawn with a fixed-seed generator from a pool that grows with
//! the batch ([`POOL_PER_ARTICLE`]), and a publication date spread over a
//! year, so that every run gets the same batch. `COMPARE_SCALE_POOL=small`
//! draws every batch from the 614 paragraphs of the seeds and evaluation
//! texts alone (denser as it grows). Each size runs in its own process, so
//! that its peak memory (`VmHWM`) is its own; a batch of ten articles is the
//! anchor for what any process holds (code, word lists).
//!
//! Printed per size: analysis time (every stage before compare, on all the
//! CPU's threads, as the CLI does), compare time (wall and CPU), the report
//! built and written as JSON, the total wall and CPU time, pairs scored and
//! listed, report size, peak memory, and each per article, so that linear
//! growth shows as a flat column. With `COMPARE_SCALE_PARTS=1`, also the
//! memory after each phase, where the report's bytes go and how many fact
//! diffs were made. `--dump` writes a batch as JSON Lines for the browser
//! benchmark (`scripts/bench/compare_wasm.mjs`); `--time` times a file's
//! batch as that benchmark times the wasm engine.

use std::io::Write;
use std::time::Instant;
use storydiff::compare::{compare_pairs, Overrides, Pairs};
use storydiff::report::CompareReport;
use storydiff::Input;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--one") => one(args[1].parse().expect("a size")),
        Some("--check") => check(args.get(1).map_or(1000, |n| n.parse().expect("a size"))),
        Some("--time") => time_file(
            args.get(1).expect("a JSON Lines file"),
            args.get(2)
                .map_or(3, |n| n.parse().expect("a number of rounds")),
        ),
        Some("--dump") => dump(
            args.get(1).map_or(1000, |n| n.parse().expect("a size")),
            args.get(2)
                .map_or("target/bench/compare-1000.jsonl", String::as_str),
        ),
        _ => {
            let sizes: Vec<usize> = if args.is_empty() {
                vec![1000, 2000, 5000, 10000]
            } else {
                args.iter().map(|a| a.parse().expect("a size")).collect()
            };
            println!(
                "{} CPUs, load average {}",
                std::thread::available_parallelism().map_or(1, |n| n.get()),
                load_average()
            );
            println!(
                "{:>6} {:>9} {:>9} {:>8} {:>8} {:>8} {:>8} {:>8} {:>7} {:>7} {:>9} {:>7} {:>7} {:>8} {:>8}",
                "n",
                "analyze s",
                "compare s",
                "cpu s",
                "report s",
                "write s",
                "total s",
                "tot cpu",
                "scored",
                "listed",
                "report MB",
                "peak MB",
                "KB/art",
                "peakKB/a",
                "net KB/a"
            );
            let exe = std::env::current_exe().expect("this example");
            let base = std::process::Command::new(&exe)
                .args(["--one", &BASE_SIZE.to_string()])
                .output()
                .expect("run the anchor");
            let base = String::from_utf8_lossy(&base.stdout).trim().to_string();
            for n in sizes {
                let status = std::process::Command::new(&exe)
                    .args(["--one", &n.to_string()])
                    .env("COMPARE_SCALE_BASE", &base)
                    .status()
                    .expect("run one size");
                assert!(status.success(), "size {n} failed");
            }
            println!(
                "anchor: a batch of {BASE_SIZE} articles peaks at {:.1} MB (code, word lists); \
                 net KB/a is the peak above it per article",
                base.parse::<f64>().unwrap_or(0.0) / 1024.0
            );
            println!("load average after: {}", load_average());
        }
    }
}

/// The articles of a batch on all the CPU's threads, as the CLI analyzes them.
#[cfg(not(target_arch = "wasm32"))]
fn analyze(inputs: &[Input]) -> Vec<storydiff::Article> {
    use rayon::prelude::*;
    storydiff::analyze_batch_with(inputs, |inputs, one| inputs.par_iter().map(one).collect())
        .expect("analysis")
}

#[cfg(target_arch = "wasm32")]
fn analyze(inputs: &[Input]) -> Vec<storydiff::Article> {
    storydiff::analyze_batch(inputs).expect("analysis")
}

/// The threads the analysis and compare run on.
fn threads() -> usize {
    #[cfg(not(target_arch = "wasm32"))]
    return rayon::current_num_threads();
    #[cfg(target_arch = "wasm32")]
    return 1;
}

/// The batch whose peak memory is the anchor: what any batch holds besides its articles.
const BASE_SIZE: usize = 10;

/// One size: analyze, compare, build the report and write it as JSON, print the figures.
fn one(n: usize) {
    let inputs = corpus(n);
    let (begin, cpu0) = (Instant::now(), cpu_s());
    let articles = analyze(&inputs);
    let analyzed = begin.elapsed().as_secs_f64();
    rss("analyzed");
    let (start, cpu) = (Instant::now(), cpu_s());
    let comparison = compare_pairs(&articles, &Overrides::default(), Pairs::Candidates);
    let compared = start.elapsed().as_secs_f64();
    let compared_cpu = cpu_s() - cpu;
    rss("compared");
    let start = Instant::now();
    let report = CompareReport::new(&articles, &comparison);
    let reported = start.elapsed().as_secs_f64();
    rss("report built");
    let start = Instant::now();
    let mut sink = Counter(0);
    serde_json::to_writer(&mut sink, &report).expect("report");
    let written = start.elapsed().as_secs_f64();
    let total = begin.elapsed().as_secs_f64();
    let total_cpu = cpu_s() - cpu0;
    rss("written");
    if std::env::var_os("COMPARE_SCALE_PARTS").is_some() {
        let start = Instant::now();
        let table = storydiff::compare::link(&articles);
        eprintln!(
            "  names linked in {:.2} s ({} entities)",
            start.elapsed().as_secs_f64(),
            table.entities.len()
        );
        parts(&report, &comparison);
    }
    let peak = peak_kb();
    let base: u64 = (std::env::var("COMPARE_SCALE_BASE").ok())
        .and_then(|b| b.parse().ok())
        .unwrap_or(0);
    if n == BASE_SIZE {
        // The anchor: what the process holds before the batch counts (code, word lists).
        println!("{peak}");
        return;
    }
    println!(
        "{n:>6} {analyzed:>9.2} {compared:>9.2} {compared_cpu:>8.2} {reported:>8.2} {written:>8.2} {total:>8.2} {total_cpu:>8.2} {:>7} {:>7} {:>9.1} {:>7.0} {:>7.1} {:>8.1} {:>8.1}",
        comparison.scored,
        report.pairs.len(),
        sink.0 as f64 / 1e6,
        peak as f64 / 1024.0,
        sink.0 as f64 / 1024.0 / n as f64,
        peak as f64 / n as f64,
        peak.saturating_sub(base) as f64 / n as f64,
    );
}

/// Writes the batch of `n` articles as JSON Lines (`{"id", "text", "date"}`), for the wasm
/// benchmark (`scripts/bench/compare_wasm.mjs`) to compare the same articles.
fn dump(n: usize, path: &str) {
    if let Some(dir) = std::path::Path::new(path).parent() {
        std::fs::create_dir_all(dir).expect("the output folder");
    }
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("the output file"));
    for input in corpus(n) {
        let line = serde_json::json!({"id": input.id, "text": input.text, "date": input.date});
        writeln!(out, "{line}").expect("write");
    }
    out.flush().expect("write");
}

/// The batch of a JSON Lines file (`--dump`) timed as the wasm benchmark times the page's
/// engine: the analyze call (analysis, name links, article reports, as JSON) and the compare
/// call (all that, compare, the rest of the report), medians of `rounds` runs; the compare
/// part is their difference. Prints one JSON line. Threads: `RAYON_NUM_THREADS`.
fn time_file(path: &str, rounds: usize) {
    use storydiff::report::{of_articles, Mode};
    let text = std::fs::read_to_string(path).expect("the batch file");
    let inputs: Vec<Input> = (text.lines().filter(|l| !l.trim().is_empty()))
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            let mut input = Input::new(
                v["id"].as_str().expect("id"),
                v["text"].as_str().expect("text"),
            );
            input.date = v["date"].as_str().map(str::to_string);
            input
        })
        .collect();
    let call = |mode: Mode| {
        let (start, cpu) = (Instant::now(), cpu_s());
        let report = of_articles(&analyze(&inputs), mode, &Overrides::default());
        let json = serde_json::to_vec(&report).expect("report");
        (start.elapsed().as_secs_f64(), cpu_s() - cpu, json.len())
    };
    let median = |mut xs: Vec<f64>| {
        xs.sort_by(f64::total_cmp);
        xs[xs.len() / 2]
    };
    call(Mode::Compare);
    let (mut ta, mut tc, mut ca, mut cc, mut bytes) = (vec![], vec![], vec![], vec![], 0);
    for _ in 0..rounds.max(1) {
        let (t, cpu, _) = call(Mode::Analyze);
        ta.push(t);
        ca.push(cpu);
        let (t, cpu, b) = call(Mode::Compare);
        tc.push(t);
        cc.push(cpu);
        bytes = b;
    }
    let (a, c) = (median(ta), median(tc));
    let (cpu_a, cpu_c) = (median(ca), median(cc));
    let ms = |x: f64| (x * 1000.0).round() / 1000.0;
    println!(
        "{}",
        serde_json::json!({
            "n": inputs.len(),
            "threads": threads(),
            "analyze_s": ms(a),
            "compare_s": ms(c - a),
            "total_s": ms(c),
            "analyze_cpu_s": ms(cpu_a),
            "compare_cpu_s": ms(cpu_c - cpu_a),
            "total_cpu_s": ms(cpu_c),
            "bytes": bytes,
            "peak_kb": peak_kb(),
        })
    );
}

/// The 1, 5 and 15 minute load averages (Linux), or "?".
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg").map_or("?".to_string(), |s| {
        s.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
    })
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
    let pair_part =
        |f: &dyn Fn(&storydiff::report::PairOut) -> f64| report.pairs.iter().map(f).sum::<f64>();
    eprintln!(
        "  pairs MB: facts {:.1}, names {:.1}, quotes {:.1}, aligned {:.1}, because {:.1}",
        pair_part(&|p| size(&p.agreements)
            + size(&p.conflicts)
            + size(&p.only_a)
            + size(&p.only_b)
            + size(&p.wording)),
        pair_part(&|p| size(&p.names)),
        pair_part(&|p| size(&p.quotes)),
        pair_part(&|p| size(&p.aligned)),
        pair_part(&|p| size(&p.because)),
    );
    let mut by_relation = [0usize; 4];
    for p in &comparison.pairs {
        by_relation[p.relation as usize] += 1;
    }
    eprintln!("  pairs scored by relation (unrelated, topic, event, story): {by_relation:?}");
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
    let articles = analyze(&corpus(n));
    let start = Instant::now();
    let blocked = compare_pairs(&articles, &Overrides::default(), Pairs::Candidates);
    let t_blocked = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let all = compare_pairs(&articles, &Overrides::default(), Pairs::All);
    let t_all = start.elapsed().as_secs_f64();
    println!(
        "{n} articles: blocked {t_blocked:.2} s ({} pairs scored), all pairs {t_all:.2} s ({} pairs)",
        blocked.scored,
        all.scored
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
    let mut pool = paragraphs();
    let mut rng = 0x9e37_79b9_u32;
    let mut next = move |m: usize| {
        // mulberry32
        rng = rng.wrapping_add(0x6d2b_79f5);
        let mut t = rng;
        t = (t ^ (t >> 15)).wrapping_mul(t | 1);
        t ^= t.wrapping_add((t ^ (t >> 7)).wrapping_mul(t | 61));
        ((t ^ (t >> 14)) as usize) % m
    };
    if !small_pool() {
        // Fisher-Yates, then the first paragraphs in proportion to the batch.
        for i in (1..pool.len()).rev() {
            pool.swap(i, next(i + 1));
        }
        let used = ((n as f64 * POOL_PER_ARTICLE).ceil() as usize).clamp(1, pool.len());
        pool.truncate(used);
    }
    if std::env::var_os("COMPARE_SCALE_PARTS").is_some() {
        eprintln!("  {} paragraphs in the pool", pool.len());
    }
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

/// Paragraphs in a batch's pool per article: each paragraph goes into about five
/// articles (3.5 on average, over 0.67), whatever the size of the batch, as a larger
/// batch of news covers more events rather than more reports of each. The pool holds
/// 6,707 paragraphs, enough for 10,000 articles.
const POOL_PER_ARTICLE: f64 = 0.67;

/// `COMPARE_SCALE_POOL=small`: every batch draws from the 614 paragraphs of the seeds and
/// the evaluation texts alone, so that a larger batch holds more reports of each text
/// (the benchmark's first corpus; a stress test of dense batches).
fn small_pool() -> bool {
    std::env::var("COMPARE_SCALE_POOL").as_deref() == Ok("small")
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
    let mut pool: Vec<String> = Vec::new();
    if !small_pool() {
        // The main text of the saved pages of real sites (tests/corpus/readability/README.md),
        // one paragraph a line.
        let dir = format!("{root}/tests/corpus/readability");
        let mut files: Vec<_> = (std::fs::read_dir(&dir).expect("tests/corpus/readability"))
            .filter_map(|e| Some(e.ok()?.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(f).unwrap_or_default();
            pool.extend(text.lines().map(str::to_string));
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
    (texts.iter().flat_map(|t| t.split("\n\n")))
        .chain(pool.iter().map(String::as_str))
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

/// With `COMPARE_SCALE_PARTS`, the resident and peak memory after a phase.
fn rss(phase: &str) {
    if std::env::var_os("COMPARE_SCALE_PARTS").is_none() {
        return;
    }
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        (status.lines())
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
            .unwrap_or(0)
    };
    eprintln!(
        "  {phase}: resident {} MB, peak {} MB",
        field("VmRSS:") / 1024,
        field("VmHWM:") / 1024
    );
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
