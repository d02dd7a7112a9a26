//! Argument parsing, input reading and output writing for the CLI.
//!
//! Contract (other tools depend on it; extend, do not break):
//! - `storydiff analyze [--jsonl] [--threads N] [FILE|-]...`: JSON Lines, one article report per
//!   line (the same whatever the number of threads).
//! - `storydiff compare [--jsonl] [FILE|-]...`: one JSON document.
//! - Errors: exit status 1 and one line `storydiff: <file>: <problem>` on stderr.

use clap::{Parser, Subcommand};
use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, BufWriter, Read, Write};
use std::path::Path;
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
}

#[derive(clap::Args)]
struct Inputs {
    /// Read JSON Lines: each line {"id", "text", "date"?, "title"?} is one article.
    #[arg(long)]
    jsonl: bool,
    /// Pretty-print the JSON.
    #[arg(long)]
    pretty: bool,
    /// Analyze on this many threads (default: one per CPU). The output is the
    /// same whatever the number.
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Files to read (.txt, .md, .html); `-` or none reads standard input.
    files: Vec<String>,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("storydiff: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
    let (inputs, mode) = match &cli.command {
        Command::Analyze(i) => (i, Mode::Analyze),
        Command::Compare(i) => (i, Mode::Compare),
    };
    let articles = analyze(&read_inputs(inputs)?, inputs.threads)?;
    let report = report::of_articles(&articles, mode, &Overrides::default());
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match &report {
        // JSON Lines: one article report per line.
        Report::Articles(articles) => {
            for article in articles {
                write_json(&mut out, article, inputs.pretty)?;
            }
        }
        Report::Comparison(comparison) => write_json(&mut out, comparison, inputs.pretty)?,
    }
    out.flush().map_err(write_error)
}

/// Analyzes the batch, its articles spread over `threads` threads (rayon's
/// default, one per CPU, when not given); the articles keep the input order.
fn analyze(inputs: &[Input], threads: Option<usize>) -> Result<Vec<Article>, String> {
    if threads == Some(0) {
        return Err("--threads: give at least 1".to_string());
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .build()
        .map_err(|e| format!("cannot start the analysis threads: {e}"))?;
    pool.install(|| {
        storydiff::analyze_batch_with(inputs, |inputs, one| inputs.par_iter().map(one).collect())
    })
    .map_err(|e| e.to_string())
}

/// Writes `value` as JSON on a line of its own.
fn write_json(out: &mut impl Write, value: &impl Serialize, pretty: bool) -> Result<(), String> {
    let json = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    }
    .map_err(|e| e.to_string())?;
    writeln!(out, "{json}").map_err(write_error)
}

fn write_error(e: io::Error) -> String {
    format!("writing output: {e}")
}

/// One JSON Lines record. Unknown fields are ignored, so callers may pass their own.
#[derive(serde::Deserialize)]
struct Record {
    id: String,
    text: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

fn read_inputs(args: &Inputs) -> Result<Vec<Input>, String> {
    let files: Vec<String> = if args.files.is_empty() {
        vec!["-".to_string()]
    } else {
        args.files.clone()
    };
    let mut inputs = Vec::new();
    for file in &files {
        let bytes = read_bytes(file)?;
        if args.jsonl {
            let text = String::from_utf8(bytes)
                .map_err(|_| format!("{}: JSON Lines input must be UTF-8", name(file)))?;
            for (n, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let record: Record = serde_json::from_str(line).map_err(|e| {
                    format!(
                        "{}: {}",
                        name(file),
                        storydiff::Error::bad_json_line(n + 1, e.to_string())
                    )
                })?;
                let mut input = Input::new(record.id, record.text);
                input.date = record.date;
                input.title = record.title;
                input.url = record.url;
                inputs.push(input);
            }
        } else {
            let id = if file == "-" {
                "stdin".to_string()
            } else {
                Path::new(file)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|| file.clone())
            };
            let file_name = (file != "-").then(|| file.clone());
            inputs.push(Input::from_bytes(id, file_name, &bytes));
        }
    }
    if let Some(empty) = inputs.iter().find(|i| i.text.trim().is_empty()) {
        return Err(storydiff::Error::empty(&empty.id).to_string());
    }
    Ok(inputs)
}

fn name(file: &str) -> &str {
    if file == "-" {
        "<stdin>"
    } else {
        file
    }
}

fn read_bytes(file: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    if file == "-" {
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("<stdin>: cannot read: {e}"))?;
    } else {
        let path = Path::new(file);
        if path.is_dir() {
            return Err(format!(
                "{file}: is a folder; name the files in it (for example {file}/*.txt)"
            ));
        }
        bytes = std::fs::read(path)
            .map_err(|e| format!("{file}: cannot read: {}", plain_io_error(&e)))?;
    }
    Ok(bytes)
}

fn plain_io_error(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}
