//! Reading the inputs: files, standard input and JSON Lines, each bad one
//! reported on its own line while the good ones are kept.

use std::collections::{HashMap, HashSet};
use std::io::{self, Read};
use std::path::Path;
use storydiff::Input;

/// What the inputs gave: the articles to analyze, and one message per input
/// that could not be read (`<file>: <problem>`).
#[derive(Default)]
pub struct Gathered {
    pub inputs: Vec<Input>,
    pub errors: Vec<String>,
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

/// Reads every file (`-` is standard input), as JSON Lines when `jsonl`.
/// `ids` name the files in order (`--id`); otherwise each file's id is its
/// stem, or its path without the extension where two stems clash.
pub fn read_all(files: &[String], ids: &[String], jsonl: bool, max_bytes: usize) -> Gathered {
    let mut read = Gathered::default();
    let ids = if ids.is_empty() {
        default_ids(files)
    } else {
        ids.to_vec()
    };
    let mut seen = HashSet::new();
    for (file, id) in files.iter().zip(ids) {
        let size = std::fs::metadata(file).map_or(0, |m| m.len() as usize);
        if !jsonl && file != "-" && size > max_bytes {
            let e = storydiff::Error::too_large(&id, size, max_bytes);
            read.errors.push(with_file(file, &id, &e.to_string()));
            continue;
        }
        let bytes = match read_bytes(file) {
            Ok(bytes) => bytes,
            Err(e) => {
                read.errors.push(e);
                continue;
            }
        };
        if jsonl {
            read_jsonl(file, &bytes, max_bytes, &mut seen, &mut read);
            continue;
        }
        let file_name = (file != "-").then(|| file.clone());
        match Input::try_from_bytes(id.clone(), file_name, &bytes, max_bytes) {
            Ok(input) if !seen.insert(id.clone()) => {
                let e = storydiff::Error::duplicate_id(&input.id);
                read.errors
                    .push(format!("{}: {e}; set ids with --id", name(file)));
            }
            Ok(input) => read.inputs.push(input),
            Err(e) => read.errors.push(with_file(file, &id, &e.to_string())),
        }
    }
    read
}

/// The message of a per-article error, led by the file when the id is not it.
fn with_file(file: &str, id: &str, message: &str) -> String {
    let rest = message.strip_prefix(id).unwrap_or(message);
    format!("{}{rest}", name(file))
}

/// Each file's stem; where stems clash, the path without its extension.
fn default_ids(files: &[String]) -> Vec<String> {
    let stem = |file: &String| {
        if file == "-" {
            return "stdin".to_string();
        }
        Path::new(file)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| file.clone())
    };
    let mut count: HashMap<String, usize> = HashMap::new();
    for f in files {
        *count.entry(stem(f)).or_default() += 1;
    }
    files
        .iter()
        .map(|f| {
            let s = stem(f);
            if count[&s] == 1 {
                return s;
            }
            let path = Path::new(f);
            path.with_extension("")
                .to_string_lossy()
                .trim_start_matches("./")
                .to_string()
        })
        .collect()
}

fn read_jsonl(
    file: &str,
    bytes: &[u8],
    max_bytes: usize,
    seen: &mut HashSet<String>,
    read: &mut Gathered,
) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // The lines as `split` cuts them (the last one after the last line end),
    // their ends found by memchr's vector search.
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
    let lines = ends.map(|end| {
        let line = &bytes[start..end];
        start = end + 1;
        line
    });
    for (n, line) in lines.enumerate() {
        let at = format!("{}: line {}", name(file), n + 1);
        let Ok(line) = std::str::from_utf8(line) else {
            read.errors
                .push(format!("{at}: not valid UTF-8; JSON Lines must be UTF-8"));
            continue;
        };
        if line.trim().is_empty() {
            continue;
        }
        let record: Record = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                // serde's "at line 1 column 9" counts within this one line.
                let message = e.to_string();
                let message = match message.rfind(" at line ") {
                    Some(i) => format!("{} at column {}", &message[..i], e.column()),
                    None => message,
                };
                let e = storydiff::Error::bad_json_line(n + 1, message);
                read.errors.push(format!("{}: {e}", name(file)));
                continue;
            }
        };
        let mut input = Input::new(record.id, record.text);
        input.date = record.date;
        input.title = record.title;
        input.url = record.url;
        if let Err(e) = input.check(max_bytes) {
            read.errors.push(format!("{at}: {e}"));
        } else if !seen.insert(input.id.clone()) {
            let e = storydiff::Error::duplicate_id(&input.id);
            read.errors.push(format!("{at}: {e}"));
        } else {
            read.inputs.push(input);
        }
    }
}

/// The name messages use for `file`.
pub fn name(file: &str) -> &str {
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
        return Ok(bytes);
    }
    let path = Path::new(file);
    if path.is_dir() {
        return Err(format!(
            "{file}: is a folder; name the files in it (for example {file}/*.txt)"
        ));
    }
    std::fs::read(path).map_err(|e| format!("{file}: cannot read: {}", plain_io_error(&e)))
}

fn plain_io_error(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}
