//! Argument parsing, input reading and output writing for the CLI.
//!
//! Contract (other tools depend on it; extend, do not break):
//! - `storydiff analyze [--jsonl] [--threads N] [FILE|-]...`: JSON Lines, one article report per
//!   line (the same whatever the number of threads).
//! - `storydiff compare [--jsonl] [--all-pairs] [FILE|-]...`: one JSON document.
//! - `storydiff facts [--jsonl] [FILE|-]...`: CSV, one row per fact of each article.
//! - Errors: one line `storydiff: <file>: <problem>` on stderr for each input
//!   that could not be read; the good inputs are still analyzed and printed,
//!   and the exit status is 1 when any input failed. A usage error is one
//!   line too, with exit status 2.

mod input;

mod csv;

use clap::{Parser, Subcommand};
use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;
use storydiff::compare::Overrides;
use storydiff::report::{self, Mode, Report};
use storydiff::{Article, Input};

#[derive(Parser)]
#[command(
    name = "storydiff",
    version,
    about = "Compare how different outlets report the same news."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyze articles: one JSON object per article, one per line.
    Analyze(Inputs),
    /// Compare articles: clusters, pair scores and fact diffs as one JSON document.
    Compare(Inputs),
    /// The facts of each article as CSV: one row per fact, with its key,
    /// value, hedge, status, place, time, source and spans.
    Facts(Inputs),
}

#[derive(clap::Args)]
struct Inputs {
    /// Read JSON Lines: each line {"id", "text", "date"?, "title"?} is one article.
    #[arg(long)]
    jsonl: bool,
    /// Pretty-print the JSON.
    #[arg(long)]
    pretty: bool,
    /// compare: score and list every pair, also of a batch over 64 articles
    /// (by default such a batch lists each article's 10 closest related pairs).
    #[arg(long)]
    all_pairs: bool,
    /// The id of each file, in order (once per file); by default the file
    /// stem, or the path without its extension where two stems clash.
    #[arg(long = "id", value_name = "ID")]
    ids: Vec<String>,
    /// The largest article read, as bytes or with K or M (default 1M).
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "1M")]
    max_size: usize,
    /// Analyze on this many threads (default: one per CPU). The output is the
    /// same whatever the number.
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Files to read (.txt, .md, .html); `-` or none reads standard input.
    files: Vec<String>,
}

/// `2M`, `500K`, `1048576`: a size in bytes (K = 1024).
fn parse_size(s: &str) -> Result<usize, String> {
    let t = s.trim().to_ascii_uppercase();
    let t = t.strip_suffix('B').unwrap_or(&t);
    let (digits, unit) = match t.strip_suffix('K') {
        Some(d) => (d, 1024),
        None => match t.strip_suffix('M') {
            Some(d) => (d, 1024 * 1024),
            None => match t.strip_suffix('G') {
                Some(d) => (d, 1024 * 1024 * 1024),
                None => (t, 1),
            },
        },
    };
    let n: f64 = digits
        .trim()
        .parse()
        .map_err(|_| format!("{s:?} is not a size; write it like 2M, 500K or 1048576"))?;
    Ok((n * unit as f64) as usize)
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    match run(cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("storydiff: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Help and version as clap prints them; a usage error as one line, status 2.
fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        let missing = e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand;
        return ExitCode::from(if missing { 2 } else { 0 });
    }
    let text = e.to_string();
    let first = text
        .lines()
        .next()
        .unwrap_or("bad arguments")
        .trim_start_matches("error: ");
    eprintln!("storydiff: {first}; see storydiff --help");
    ExitCode::from(2)
}

/// Reads, analyzes and prints; `Ok(false)` when some input failed (each
/// already reported) but the rest was printed.
fn run(cli: Cli) -> Result<bool, String> {
    let (args, mode) = match &cli.command {
        Command::Analyze(i) => (i, Mode::Analyze),
        Command::Compare(i) if i.all_pairs => (i, Mode::CompareAllPairs),
        Command::Compare(i) => (i, Mode::Compare),
        Command::Facts(i) => (i, Mode::Analyze),
    };
    let files: Vec<String> = if args.files.is_empty() {
        vec!["-".to_string()]
    } else {
        args.files.clone()
    };
    if !args.ids.is_empty() && (args.jsonl || args.ids.len() != files.len()) {
        return Err(format!(
            "--id names files, once each: {} for {}{}",
            plural(args.ids.len(), "id"),
            plural(files.len(), "file"),
            if args.jsonl {
                " (JSON Lines records carry their own ids)"
            } else {
                ""
            }
        ));
    }
    let read = input::read_all(&files, &args.ids, args.jsonl, args.max_size);
    for e in &read.errors {
        eprintln!("storydiff: {e}");
    }
    if read.inputs.is_empty() {
        if read.errors.is_empty() {
            return Err(format!(
                "{}: no articles in the input",
                input::name(&files[0])
            ));
        }
        return Ok(false);
    }
    let articles = analyze(&read.inputs, args.threads)?;
    drop(read.inputs);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let overrides = Overrides::default();
    if matches!(cli.command, Command::Analyze(_)) {
        // JSON Lines: one article report per line, each written as soon as it
        // is built, serialized whole into one buffer kept for every article
        // (serde_json writes a report in many small pieces).
        let mut line = Vec::new();
        report::each_article_report(&articles, &overrides, |article| {
            line.clear();
            write_json_line(&mut line, &article, args.pretty)?;
            out.write_all(&line).map_err(write_error)
        })?;
    } else {
        match &report::of_articles(&articles, mode, &overrides) {
            Report::Articles(articles) => {
                csv::write_facts(&mut out, articles).map_err(write_error)?
            }
            Report::Comparison(comparison) => write_json(&mut out, comparison, args.pretty)?,
        }
    }
    out.flush().map_err(write_error)?;
    // The process ends here: the system takes the memory back faster than
    // freeing every string of every article one by one would.
    std::mem::forget(articles);
    Ok(read.errors.is_empty())
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// Analyzes the batch, its articles spread over `threads` threads (rayon's
/// default, one per CPU, when not given); the articles keep the input order.
fn analyze(inputs: &[Input], threads: Option<usize>) -> Result<Vec<Article>, String> {
    use_threads(threads)?;
    // One thread: this one, which read the batch and gathered its evidence
    // (and so holds the memory the analysis reuses).
    let analyzed = if threads == Some(1) {
        storydiff::analyze_batch(inputs)
    } else {
        storydiff::analyze_batch_with(inputs, |inputs, one| inputs.par_iter().map(one).collect())
    };
    analyzed.map_err(|e| e.to_string())
}

/// Runs everything after it (analysis, linking, reports) on `threads`
/// threads (rayon's default, one per CPU, when not given).
fn use_threads(threads: Option<usize>) -> Result<(), String> {
    if threads == Some(0) {
        return Err("--threads: give at least 1".to_string());
    }
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .build_global()
        .map_err(|e| format!("cannot start the analysis threads: {e}"))
}

/// Writes `value` as JSON on a line of its own, streamed: a large report is
/// never held as one string. Compact JSON is written by
/// [`report::write_compact_to`] (serde_json's bytes, written faster).
fn write_json(out: &mut impl Write, value: &impl Serialize, pretty: bool) -> Result<(), String> {
    let written = if pretty {
        serde_json::to_writer_pretty(&mut *out, value)
    } else {
        report::write_compact_to(&mut *out, value)
    };
    written.map_err(|e| {
        if e.is_io() {
            format!("writing output: {e}")
        } else {
            e.to_string()
        }
    })?;
    writeln!(out).map_err(write_error)
}

/// Appends `value` to `line` as JSON on a line of its own: compact JSON as
/// [`report::write_compact`] writes it (serde_json's bytes, written faster).
fn write_json_line(line: &mut Vec<u8>, value: &impl Serialize, pretty: bool) -> Result<(), String> {
    if pretty {
        return write_json(line, value, true);
    }
    report::write_compact(line, value).map_err(|e| e.to_string())?;
    line.push(b'\n');
    Ok(())
}

fn write_error(e: io::Error) -> String {
    format!("writing output: {e}")
}
