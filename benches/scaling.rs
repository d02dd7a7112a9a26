//! Linearity and throughput of the analysis on a corpus of varied articles:
//! time per MB for single articles from 10 KB to 50 MB and for batches from
//! 10 to 10,000 articles, the comparison of those batches, the comparison of
//! two long reports of one story (10 KB to 2 MB each), and MB/s on the whole
//! corpus, next to an anchor
//! (Unicode word splitting of the same text) measured in the same run. Each
//! row also gives the process's peak resident memory while it ran (Linux;
//! the corpus, loaded once before the first row, included).
//!
//! Every row is single-threaded CPU time: the comparison, which runs on
//! every thread of the machine elsewhere, runs here in a pool of one thread,
//! and a row too short for the clock tick is run again until it is not, so
//! that small and large rows are read on one clock.
//!
//! ```sh
//! node scripts/bench/corpus.mjs             # target/bench/corpus.jsonl, 10 MB
//! cargo bench --bench scaling               # every size
//! cargo bench --bench scaling -- --quick    # up to 5 MB / 1,000 articles / 1 MB pairs
//! ```
//!
//! The corpus is recombined from the repository's real texts (see
//! `scripts/bench/corpus.mjs`). Articles of a given size are paragraphs of the
//! corpus laid end to end; a batch of n articles is the corpus's first n.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::time::Instant;
    use storydiff::{analyze_batch, compare, Input};
    use unicode_segmentation::UnicodeSegmentation;

    const CORPUS: &str = "target/bench/corpus.jsonl";

    fn corpus() -> Vec<Input> {
        let text = std::fs::read_to_string(CORPUS).unwrap_or_else(|e| {
            eprintln!("scaling: {CORPUS}: {e}; make it with `node scripts/bench/corpus.mjs`");
            std::process::exit(2)
        });
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("corpus line is JSON");
                Input::new(
                    v["id"].as_str().unwrap_or(""),
                    v["text"].as_str().unwrap_or(""),
                )
            })
            .collect()
    }

    /// One article of at least `bytes`, made of the corpus's paragraphs in order.
    fn article(corpus: &[Input], bytes: usize) -> Input {
        let mut text = String::with_capacity(bytes + 4096);
        for input in corpus.iter().cycle() {
            if text.len() >= bytes {
                break;
            }
            text.push_str(&input.text);
            text.push_str("\n\n");
        }
        Input::new("long", text)
    }

    /// The corpus's first `n` articles (its articles again, in order, past
    /// its end), each with an id of its own.
    fn numbered(corpus: &[Input], n: usize) -> Vec<Input> {
        (0..n)
            .map(|i| {
                let mut input = corpus[i % corpus.len()].clone();
                input.id = format!("a{i}");
                input
            })
            .collect()
    }

    /// This process's CPU time in seconds (user + system, from /proc on
    /// Linux): unlike the wall clock, it does not count time spent waiting
    /// for a CPU on a busy machine. `None` elsewhere.
    fn cpu_seconds() -> Option<f64> {
        let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
        let rest = &stat[stat.rfind(')')? + 2..];
        let f: Vec<&str> = rest.split_whitespace().collect();
        let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
        Some(ticks / 100.0)
    }

    /// CPU time a round must reach to be read: the clock ticks every 10 ms.
    const MIN_ROUND_SECONDS: f64 = 0.2;

    /// Seconds for one run of `f`, the best of `rounds` (at least one). A
    /// round runs `f` as many times as it takes to spend
    /// [`MIN_ROUND_SECONDS`] of CPU time and gives the mean. CPU time where
    /// the system gives it (the bench runs on one thread), else wall-clock
    /// time.
    fn best<T>(rounds: usize, mut f: impl FnMut() -> T) -> f64 {
        (0..rounds.max(1))
            .map(|_| {
                let (t, c) = (Instant::now(), cpu_seconds());
                let mut runs = 0u32;
                loop {
                    std::hint::black_box(f());
                    runs += 1;
                    let spent = match (c, cpu_seconds()) {
                        (Some(a), Some(b)) => b - a,
                        _ => t.elapsed().as_secs_f64(),
                    };
                    if spent >= MIN_ROUND_SECONDS {
                        break spent / f64::from(runs);
                    }
                }
            })
            .fold(f64::INFINITY, f64::min)
    }

    /// Starts a new peak of resident memory (Linux: /proc/self/clear_refs).
    fn reset_peak() {
        let _ = std::fs::write("/proc/self/clear_refs", "5");
    }

    /// The peak resident memory in MB since [`reset_peak`] (Linux), else `None`.
    fn peak_mb() -> Option<f64> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb / 1024.0)
    }

    fn size(inputs: &[Input]) -> usize {
        inputs.iter().map(|i| i.text.len()).sum()
    }

    /// One line of figures; `peak`: the process's peak resident memory while
    /// the row ran (input included).
    fn row(label: &str, bytes: usize, secs: f64, anchor: f64, peak: Option<f64>) {
        let mb = bytes as f64 / 1e6;
        let peak = peak.map_or(String::from("n/a"), |p| format!("{p:.0} MB"));
        println!(
            "{label:>16} {mb:>9.3} MB {secs:>9.3} s {:>8.3} s/MB {:>7.2} MB/s  anchor x{:<4.0} peak RSS {peak}",
            secs / mb,
            mb / secs,
            secs / anchor
        );
    }

    fn words(inputs: &[Input]) -> usize {
        inputs.iter().map(|i| i.text.unicode_words().count()).sum()
    }

    pub fn main() {
        let quick = std::env::args().any(|a| a == "--quick");
        let corpus = corpus();
        let _ = analyze_batch(&corpus[..1]); // build the lexicons once
        let total = size(&corpus);
        println!(
            "corpus: {} articles, {:.2} MB ({CORPUS})",
            corpus.len(),
            total as f64 / 1e6
        );

        println!("-- one article of growing size (analyze_batch of one input)");
        let kbs: &[usize] = if quick {
            &[10, 100, 1_000, 5_000]
        } else {
            &[10, 100, 1_000, 10_000, 50_000]
        };
        for &kb in kbs {
            reset_peak();
            let one = vec![article(&corpus, kb * 1000)];
            let rounds = if kb <= 100 { 5 } else { 1 };
            let t = best(rounds, || analyze_batch(&one).unwrap());
            let a = best(rounds, || words(&one));
            row(&format!("{kb} KB"), size(&one), t, a, peak_mb());
        }

        println!("-- batches of growing count (analyze_batch of n inputs)");
        let counts: &[usize] = if quick {
            &[10, 100, 1_000]
        } else {
            &[10, 100, 1_000, 10_000]
        };
        for &n in counts {
            reset_peak();
            let batch = numbered(&corpus, n);
            let rounds = if n <= 100 { 5 } else { 1 };
            let t = best(rounds, || analyze_batch(&batch).unwrap());
            let a = best(rounds, || words(&batch));
            row(&format!("{n} articles"), size(&batch), t, a, peak_mb());
        }

        println!("-- batches of growing count (compare of n analyzed articles)");
        for &n in counts {
            reset_peak();
            let batch = numbered(&corpus, n);
            let articles = analyze_batch(&batch).unwrap();
            let rounds = if n <= 100 { 5 } else { 1 };
            let t = best(rounds, || compare(&articles));
            let a = best(rounds, || words(&batch));
            row(&format!("{n} compared"), size(&batch), t, a, peak_mb());
        }

        println!("-- two reports of one story of growing size (compare of the analyzed pair)");
        let kbs: &[usize] = if quick {
            &[10, 100, 1_000]
        } else {
            &[10, 100, 1_000, 2_000]
        };
        for &kb in kbs {
            reset_peak();
            // The second report is the first with a line of its own before
            // it: every sentence has its twin, as in a wire story and a copy.
            let first = article(&corpus, kb * 1000);
            let second = Input::new("copy", format!("Second report.\n\n{}", first.text));
            let pair = [first, second];
            let articles = analyze_batch(&pair).unwrap();
            let rounds = if kb <= 100 { 5 } else { 1 };
            let t = best(rounds, || compare(&articles));
            let a = best(rounds, || words(&pair));
            row(&format!("{kb} KB pair"), size(&pair), t, a, peak_mb());
        }

        println!("-- the whole corpus");
        reset_peak();
        let t = best(1, || analyze_batch(&corpus).unwrap());
        let a = best(1, || words(&corpus));
        row("corpus", total, t, a, peak_mb());
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    // One thread, so that CPU time is the time of one core's work.
    rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a pool of one thread")
        .install(native::main)
}

#[cfg(target_arch = "wasm32")]
fn main() {}
