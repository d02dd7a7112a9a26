//! The bad-input table: every kind of input a hostile but fair user tries,
//! run through the CLI (and, for files, through the call the page makes,
//! `decodeBytes`, which is `Input::try_from_bytes`), each with what it now
//! says. The table is `tests/golden/bad_inputs.md` and the README's; a change
//! in any answer fails here (`STORYDIFF_BLESS=1` rewrites the file after a
//! reviewed change).
// The CLI is a native program; on wasm32 this file is empty.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use storydiff::{Input, DEFAULT_MAX_BYTES};

/// A file the case writes before it runs.
type Files = Vec<(&'static str, Vec<u8>)>;

struct Case {
    name: &'static str,
    files: Files,
    args: Vec<&'static str>,
    stdin: Option<Vec<u8>>,
    /// How many reports (analyze: lines) the good inputs must give.
    good: usize,
}

fn case(name: &'static str, files: Files, args: &[&'static str], good: usize) -> Case {
    Case {
        name,
        files,
        args: args.to_vec(),
        stdin: None,
        good,
    }
}

const STORY: &str =
    "Police in Lyon said on Tuesday that 13 people were hurt when a tram left the rails. \
\"We are still counting,\" said the mayor, Grégory Doucet.\n";

/// Deterministic bytes that look random (a multiplicative hash of the index).
fn noise(n: usize) -> Vec<u8> {
    (0..n as u64)
        .map(|i| (i.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as u8)
        .collect()
}

fn utf16le(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn cases() -> Vec<Case> {
    let story = STORY.as_bytes().to_vec();
    let mut bad_utf8 = "Der Bürgermeister von Köln sagte am Montag, „wir bleiben“. "
        .as_bytes()
        .to_vec();
    bad_utf8.extend(b"Drei \xFF\xFE kaputte \x80 Bytes.\n");
    let jsonl = |lines: &str| lines.as_bytes().to_vec();
    let big = STORY
        .repeat(3 * DEFAULT_MAX_BYTES / 2 / STORY.len())
        .into_bytes();
    vec![
        case("PDF named .txt", vec![("report.txt", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj <<>>\nendobj\n".to_vec()), ("good.txt", story.clone())], &["analyze", "report.txt", "good.txt"], 1),
        case("PNG named .txt", vec![("photo.txt", [b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".as_slice(), &noise(600)].concat())], &["analyze", "photo.txt"], 0),
        case("ZIP (a .docx)", vec![("story.docx", [b"PK\x03\x04\x14\0\x06\0".as_slice(), &noise(300)].concat())], &["analyze", "story.docx"], 0),
        case("512 KB of random bytes", vec![("random.txt", noise(512 * 1024))], &["analyze", "random.txt"], 0),
        case("empty file", vec![("empty.txt", Vec::new()), ("good.txt", story.clone())], &["analyze", "empty.txt", "good.txt"], 1),
        case("only spaces and newlines", vec![("blank.txt", b"  \n\n\t \n".to_vec())], &["analyze", "blank.txt"], 0),
        case("missing file, then a good one", vec![("good.txt", story.clone())], &["analyze", "missing.txt", "good.txt"], 1),
        case("a folder", vec![("good.txt", story.clone())], &["analyze", ".", "good.txt"], 1),
        case("over the size limit (1 MB)", vec![("huge.txt", big.clone())], &["analyze", "huge.txt"], 0),
        case("over a lowered limit", vec![("good.txt", story.clone()), ("huge.txt", big)], &["analyze", "--max-size", "1K", "good.txt", "huge.txt"], 1),
        case("UTF-16 without a byte order mark", vec![("utf16.txt", utf16le(STORY))], &["analyze", "utf16.txt"], 1),
        case("UTF-8 with three bad bytes", vec![("bad-bytes.txt", bad_utf8)], &["analyze", "bad-bytes.txt"], 1),
        case("Windows-1252, no charset", vec![("latin.txt", b"Caf\xE9 owners in Li\xE8ge protested on Monday.\n".to_vec())], &["analyze", "latin.txt"], 1),
        case("HTML page with no article", vec![("nav.html", b"<!doctype html><html><body><nav><a href=/>Home</a></nav><script>x()</script></body></html>".to_vec())], &["analyze", "nav.html"], 1),
        case("two files, one stem", vec![("cnn/article.html", story.clone()), ("bbc/article.html", story.clone())], &["compare", "cnn/article.html", "bbc/article.html"], 2),
        case("--id for each file", vec![("cnn/article.html", story.clone()), ("bbc/article.html", story.clone())], &["analyze", "--id", "cnn", "--id", "bbc", "cnn/article.html", "bbc/article.html"], 2),
        case("--id count wrong", vec![("good.txt", story.clone())], &["analyze", "--id", "a", "--id", "b", "good.txt"], 0),
        case("JSON Lines with a BOM", vec![("in.jsonl", jsonl("\u{FEFF}{\"id\": \"a\", \"text\": \"Police said 13 people were hurt.\"}\n"))], &["analyze", "--jsonl", "in.jsonl"], 1),
        case("JSON Lines, bad line 2 of 3", vec![("in.jsonl", jsonl("{\"id\": \"a\", \"text\": \"One.\"}\nnot json\n{\"id\": \"c\", \"text\": \"Three.\"}\n"))], &["analyze", "--jsonl", "in.jsonl"], 2),
        case("JSON Lines, bad date", vec![("in.jsonl", jsonl("{\"id\": \"a\", \"text\": \"One.\", \"date\": \"6 Jan\"}\n"))], &["analyze", "--jsonl", "in.jsonl"], 0),
        case("JSON Lines, an id twice", vec![("in.jsonl", jsonl("{\"id\": \"a\", \"text\": \"One.\"}\n{\"id\": \"a\", \"text\": \"Two.\"}\n"))], &["analyze", "--jsonl", "in.jsonl"], 1),
        case("JSON Lines, not UTF-8", vec![("in.jsonl", b"{\"id\": \"a\", \"text\": \"caf\xE9\"}\n".to_vec())], &["analyze", "--jsonl", "in.jsonl"], 0),
        case("unknown option", vec![], &["analyze", "--fast", "good.txt"], 0),
        Case { name: "nothing on standard input", files: vec![], args: vec!["analyze"], stdin: Some(Vec::new()), good: 0 },
    ]
}

struct Outcome {
    cli: String,
    exit: i32,
    page: String,
}

fn run(case: &Case, dir: &Path) -> Outcome {
    for (path, bytes) in &case.files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_storydiff"))
        .args(&case.args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            let mut stdin = child.stdin.take().unwrap();
            stdin.write_all(case.stdin.as_deref().unwrap_or(b""))?;
            drop(stdin);
            child.wait_with_output()
        })
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let name = case.name;
    assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    let reports = reports(&stdout, case.args[0]);
    assert_eq!(
        reports.len(),
        case.good,
        "{name}: the good inputs are all analyzed\n{stderr}"
    );
    let errors: Vec<&str> = stderr.lines().collect();
    let exit = out.status.code().unwrap_or(-1);
    assert_eq!(
        exit == 0,
        errors.is_empty(),
        "{name}: non-zero exit exactly when an input failed: {stderr}"
    );
    for e in &errors {
        assert!(e.starts_with("storydiff: "), "{name}: {e}");
    }
    let mut said: Vec<String> = errors.iter().map(|e| format!("`{e}`")).collect();
    for r in &reports {
        let warnings = r["warnings"].as_array().into_iter().flatten();
        let warnings: Vec<String> = warnings
            .map(|w| format!("⚠ {}", w.as_str().unwrap()))
            .collect();
        let id = r["id"].as_str().unwrap();
        said.push(if warnings.is_empty() {
            format!("analyzed as `{id}`")
        } else {
            format!("analyzed as `{id}`; {}", warnings.join("; "))
        });
    }
    Outcome {
        cli: said.join("<br>"),
        exit,
        page: page_says(case),
    }
}

/// The article reports of an `analyze` (one per line) or a `compare` (its articles).
fn reports(stdout: &str, command: &str) -> Vec<serde_json::Value> {
    let docs = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap());
    if command == "compare" {
        docs.flat_map(|d| d["articles"].as_array().cloned().unwrap_or_default())
            .collect()
    } else {
        docs.collect()
    }
}

/// What the page says for the case's files: it decodes each dropped file
/// with `decodeBytes` (`Input::try_from_bytes` under the file's name) and
/// lists it with its warnings, or skips it with the message. Cases that
/// are about arguments or JSON Lines have no page counterpart.
fn page_says(case: &Case) -> String {
    if case.args.contains(&"--jsonl") || case.files.is_empty() || case.args.contains(&"--id") {
        return "—".to_string();
    }
    let said: Vec<String> = case
        .files
        .iter()
        .filter(|(path, _)| case.args.contains(path) && !path.starts_with("good"))
        .map(
            |(path, bytes)| match Input::try_from_bytes(*path, None, bytes, DEFAULT_MAX_BYTES) {
                Ok(input) => {
                    let warnings = analyzed_warnings(input);
                    if warnings.is_empty() {
                        format!("listed as `{path}`")
                    } else {
                        format!("listed as `{path}`, ⚠ {}", warnings.join("; "))
                    }
                }
                Err(e) => format!("Skipped 1 file(s): `{e}`"),
            },
        )
        .collect();
    if said.is_empty() {
        "—".to_string()
    } else {
        said.join("<br>")
    }
}

/// The warnings of the input's report, as the page shows them beside it.
fn analyzed_warnings(mut input: Input) -> Vec<String> {
    use storydiff::report::{build, Mode, Report};
    input.file_name = Some(input.id.clone());
    let overrides = storydiff::compare::Overrides::default();
    match build(&[input], Mode::Analyze, &overrides).unwrap() {
        Report::Articles(a) => a[0].warnings.clone(),
        Report::Comparison(_) => unreachable!("analyze gives article reports"),
    }
}

fn golden_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/bad_inputs.md")
}

#[test]
fn every_bad_input_gets_a_clear_answer_and_the_good_ones_are_kept() {
    let root = std::env::temp_dir().join(format!("storydiff-bad-{}", std::process::id()));
    let mut table = String::from(
        "| input | command | the CLI says | exit | the page says |\n| --- | --- | --- | --- | --- |\n",
    );
    for (i, case) in cases().iter().enumerate() {
        let dir = root.join(i.to_string());
        std::fs::create_dir_all(&dir).unwrap();
        let o = run(case, &dir);
        let cmd = format!("storydiff {}", case.args.join(" "));
        table.push_str(&format!(
            "| {} | `{}` | {} | {} | {} |\n",
            case.name,
            cmd,
            o.cli.replace('|', "\\|"),
            o.exit,
            o.page.replace('|', "\\|")
        ));
    }
    std::fs::remove_dir_all(&root).ok();
    let path = golden_path();
    if std::env::var_os("STORYDIFF_BLESS").is_some() {
        std::fs::write(&path, &table).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        want == table,
        "tests/golden/bad_inputs.md differs (STORYDIFF_BLESS=1 rewrites it after a reviewed change):\n{table}"
    );
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    assert!(
        readme.contains(&table),
        "the README's bad-input table is not the current one:\n{table}"
    );
}
