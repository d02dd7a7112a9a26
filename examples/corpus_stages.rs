//! Where analysis time goes on a whole corpus: the thread's CPU time in each
//! stage of one article's analysis, summed over every article of a JSON Lines
//! file (`{"id", "text", "date"?}` a line, as `scripts/bench/corpus.mjs`
//! writes), one thread. An exploration aid beside `stage_times` (the seeds);
//! benchmarks proper are `cargo bench`. Linux (the thread's CPU clock).
//!
//! ```sh
//! node scripts/bench/corpus.mjs --mb 10 --out target/bench/corpus-10.jsonl
//! cargo run --release --example corpus_stages -- target/bench/corpus-10.jsonl [ROUNDS]
//! ```
use storydiff::clean::{clean, BatchEvidence, Format};
use storydiff::extract::{self, CalendarDate, Doc};
use storydiff::text::{normalize, segment};

/// The calling thread's CPU time in seconds (`CLOCK_THREAD_CPUTIME_ID`).
#[cfg(target_os = "linux")]
fn cpu() -> f64 {
    #[repr(C)]
    struct Timespec {
        s: i64,
        ns: i64,
    }
    extern "C" {
        fn clock_gettime(clk: i32, tp: *mut Timespec) -> i32;
    }
    let mut t = Timespec { s: 0, ns: 0 };
    // SAFETY: `t` is a valid timespec for the call to fill.
    unsafe { clock_gettime(3, &mut t) };
    t.s as f64 + t.ns as f64 * 1e-9
}

/// Elsewhere, wall-clock seconds since the first call.
#[cfg(not(target_os = "linux"))]
fn cpu() -> f64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START
        .get_or_init(std::time::Instant::now)
        .elapsed()
        .as_secs_f64()
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: corpus_stages CORPUS.jsonl [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = std::env::args().nth(2).map_or(1, |r| r.parse().unwrap());
    let src = std::fs::read_to_string(path).unwrap();
    let mut texts = Vec::new();
    let mut dates = Vec::new();
    for l in src.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        texts.push(v["text"].as_str().unwrap().to_string());
        dates.push(v["date"].as_str().map(str::to_string));
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let names = [
        "evidence",
        "clean",
        "normalize",
        "segment",
        "metadata",
        "entities",
        "demonyms",
        "dates",
        "quant",
        "quotes",
        "events",
        "records",
        "facts",
    ];
    let mut t = [0f64; 13];
    let _ = storydiff::analyze_batch(&[storydiff::Input::new("w", texts[0].clone())]);
    for _ in 0..rounds {
        let s = cpu();
        let evidence = BatchEvidence::gather(&refs);
        t[0] += cpu() - s;
        for (text, date) in texts.iter().zip(&dates) {
            let mut lap = |k: usize, s: &mut f64| {
                let n = cpu();
                t[k] += n - *s;
                *s = n;
            };
            let mut s = cpu();
            let format = Format::detect(None, text);
            let cleaned = clean(text, format, &evidence, &[]);
            lap(1, &mut s);
            let norm = normalize(cleaned.body.as_str());
            let analysis = norm.compose(&cleaned.body);
            lap(2, &mut s);
            let seg = segment(analysis.as_str());
            lap(3, &mut s);
            let meta = extract::metadata(text, format, &cleaned.body);
            lap(4, &mut s);
            let anchor = date
                .as_deref()
                .and_then(CalendarDate::parse_iso)
                .or_else(|| {
                    meta.date
                        .as_ref()
                        .and_then(|f| CalendarDate::parse_iso(&f.value))
                });
            let doc = Doc {
                text: analysis.as_str(),
                seg: &seg,
                anchor,
                language: meta.language.as_ref().map(|f| f.value.as_str()),
            };
            let ents = extract::entities(&doc);
            lap(5, &mut s);
            let _dem = extract::demonyms(&doc);
            lap(6, &mut s);
            let ds = extract::dates(&doc);
            lap(7, &mut s);
            let qs = extract::quantities(&doc);
            lap(8, &mut s);
            let quotes = extract::quotes(&doc, &ents);
            lap(9, &mut s);
            let evs = extract::events(&doc, &ents, &ds, &qs);
            lap(10, &mut s);
            let recs = extract::records(&doc, &ents, &ds, &qs, &evs, &quotes);
            lap(11, &mut s);
            let _f = extract::facts(&doc, &ents, &ds, &qs, &recs, &quotes);
            lap(12, &mut s);
        }
    }
    let total: f64 = t.iter().sum();
    for (n, v) in names.iter().zip(t) {
        println!(
            "{n:>10}: {:8.3} s ({:4.1}%)",
            v / rounds as f64,
            100.0 * v / total
        );
    }
    println!(
        "{:>10}: {:8.3} s, {:.2} MB/s",
        "total",
        total / rounds as f64,
        bytes as f64 * rounds as f64 / 1e6 / total
    );
}
