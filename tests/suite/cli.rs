//! The CLI contract: what other tools depend on.
// The CLI is a native program; on wasm32 this file is empty.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn storydiff(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_storydiff"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("storydiff runs");
    let mut input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).unwrap();
    }
    drop(input);
    child.wait_with_output().unwrap()
}

/// `storydiff` run to success (else its standard error is the failure message).
fn succeed(args: &[&str], stdin: Option<&str>) -> Output {
    let out = storydiff(args, stdin);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Every field of `fields` is present in `value` (`what` names it in the failure).
fn assert_fields(value: &serde_json::Value, fields: &[&str], what: &str) {
    for field in fields {
        assert!(value.get(field).is_some(), "{what} missing {field}");
    }
}

fn stdout_json_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn analyze_files_writes_one_line_per_article_with_the_contract_fields() {
    let out = succeed(
        &[
            "analyze",
            "seeds/000_c727ccb6a541bd91.txt",
            "seeds/002_0849827d0f247804.txt",
        ],
        None,
    );
    let lines = stdout_json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "000_c727ccb6a541bd91");
    for line in &lines {
        let fields = [
            "id",
            "title",
            "date",
            "byline",
            "url",
            "language",
            "body",
            "entities",
            "dates",
            "quantities",
            "quotes",
            "removed",
        ];
        assert_fields(line, &fields, "article");
        assert!(line["body"].as_str().is_some_and(|b| !b.is_empty()));
    }
}

#[test]
fn analyze_jsonl_uses_the_given_id_date_and_title() {
    let input = concat!(
        r#"{"id": "a1", "text": "Police said 13 people were killed on Thursday.", "date": "2022-01-06", "title": "Given title"}"#,
        "\n\n",
        r#"{"id": "a2", "text": "Another report."}"#,
        "\n"
    );
    let out = succeed(&["analyze", "--jsonl", "-"], Some(input));
    let lines = stdout_json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a1");
    assert_eq!(lines[0]["date"], "2022-01-06");
    assert_eq!(lines[0]["title"], "Given title");
    assert_eq!(lines[1]["id"], "a2");
}

#[test]
fn compare_writes_one_document_with_clusters_and_pairs() {
    let out = succeed(
        &[
            "compare",
            "seeds/000_c727ccb6a541bd91.txt",
            "seeds/001_b367fa38e6e217df.txt",
            "seeds/004_e163b6b2ee537228.txt",
        ],
        None,
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["articles"].as_array().unwrap().len(), 3);
    for grain in ["event", "story", "topic"] {
        let clusters = doc["clusters"][grain].as_array().unwrap();
        let members: usize = clusters.iter().map(|c| c.as_array().unwrap().len()).sum();
        assert_eq!(members, 3, "{grain}: every article in exactly one cluster");
    }
    let pairs = doc["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), 3);
    for p in pairs {
        let fields = [
            "a",
            "b",
            "score",
            "relation",
            "agreements",
            "conflicts",
            "only_a",
            "only_b",
        ];
        assert_fields(p, &fields, "pair");
    }
}

/// Errors: a non-zero exit and one line naming the file and the problem; never a panic trace.
#[test]
fn errors_are_one_line_naming_the_input() {
    let cases: &[(&str, &[&str], Option<&str>, &str)] = &[
        (
            "missing file",
            &["analyze", "no/such/file.txt"],
            None,
            "no/such/file.txt: cannot read: no such file",
        ),
        ("folder", &["analyze", "seeds"], None, "seeds: is a folder"),
        (
            "bad json line",
            &["analyze", "--jsonl", "-"],
            Some("{\"id\": \"x\", \"text\": \"ok\"}\nnot json\n"),
            "<stdin>: line 2:",
        ),
        (
            "missing text",
            &["compare", "--jsonl", "-"],
            Some("{\"id\": \"x\"}\n"),
            "line 1: missing field `text`",
        ),
        (
            "bad date",
            &["analyze", "--jsonl", "-"],
            Some("{\"id\": \"x\", \"text\": \"t\", \"date\": \"6 Jan\"}\n"),
            "x: date \"6 Jan\" is not a calendar date",
        ),
        (
            "empty article",
            &["analyze", "--jsonl", "-"],
            Some("{\"id\": \"x\", \"text\": \"  \"}\n"),
            "x: the article is empty",
        ),
        (
            "duplicate id",
            &["compare", "--jsonl", "-"],
            Some("{\"id\": \"x\", \"text\": \"a\"}\n{\"id\": \"x\", \"text\": \"b\"}\n"),
            "x: two articles share this id",
        ),
    ];
    for (name, args, stdin, want) in cases {
        let out = storydiff(args, *stdin);
        assert!(!out.status.success(), "{name}: should fail");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{name}: one line, got {err:?}");
        assert!(
            err.contains(want),
            "{name}: {err:?} should contain {want:?}"
        );
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
}

#[test]
fn reads_windows_1252_and_utf16_files() {
    let dir = std::env::temp_dir().join(format!("storydiff-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let latin = dir.join("latin.txt");
    std::fs::write(&latin, b"Caf\xE9 owners protested in Li\xE8ge.").unwrap();
    let utf16 = dir.join("utf16.txt");
    let mut bytes = vec![0xFF, 0xFE];
    for u in "Protest in Köln.".encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    std::fs::write(&utf16, bytes).unwrap();
    let out = succeed(
        &["analyze", latin.to_str().unwrap(), utf16.to_str().unwrap()],
        None,
    );
    let lines = stdout_json_lines(&out);
    assert!(lines[0]["body"].as_str().unwrap().contains("Liège"));
    assert!(lines[1]["body"].as_str().unwrap().contains("Köln"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn facts_writes_csv_rows_whose_spans_quote_the_input() {
    let file = "seeds/003_348d9d6d770ae7f5.txt";
    let out = succeed(&["facts", file], None);
    let csv = String::from_utf8(out.stdout).expect("UTF-8");
    let mut lines = csv.split("\r\n").filter(|l| !l.is_empty());
    let header: Vec<&str> = lines.next().expect("a header").split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let input: Vec<char> = std::fs::read_to_string(file).unwrap().chars().collect();
    let rows: Vec<Vec<String>> = lines.map(split_csv).collect();
    assert!(rows.len() >= 3, "{csv}");
    for row in &rows {
        assert_eq!(row.len(), header.len(), "{row:?}");
        let (s, e): (usize, usize) = (
            row[col("start")].parse().unwrap(),
            row[col("end")].parse().unwrap(),
        );
        let quoted: String = input[s..e].iter().collect();
        assert_eq!(quoted, row[col("text")], "{row:?}");
    }
    let killed = rows
        .iter()
        .find(|r| r[col("text")] == "at least eight dead")
        .expect("the eight dead");
    assert_eq!(killed[col("key")], "killed/security_forces");
    assert_eq!(killed[col("hedge")], "at_least");
    assert_eq!(killed[col("source")], "Interior Ministry");
}

/// One CSV line (no line breaks inside fields in these rows).
fn split_csv(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                out.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(String::new()),
            _ => out.last_mut().unwrap().push(c),
        }
    }
    out
}
