//! Writes the word lists under `data/lexicon/` and `data/wordfreq/`
//! (readable text in the repository) into `OUT_DIR` as sorted lines, one per
//! key (`key` or `key<TAB>value`), packed (`<name>.packed`: the keys
//! front-coded, the values in a column of their own, see
//! `lexicon::packed::unpack`), which `src/lexicon` embeds and searches where
//! it lies (`lexicon::sorted`). Where a key is listed
//! twice, the line that the old readers kept wins (the last for places and
//! demonyms, the first for word frequencies), so every answer is the same as
//! before.
//!
//! What English text never needs (the word frequencies of the other
//! languages, the gazetteer's and the given-name list's names in other
//! scripts than Latin) goes to `OUT_DIR/languages.pack` instead, the language
//! pack that `lexicon::pack` reads: compiled in by default, loaded at run time
//! by the page's wasm (feature `language-pack`), so that the module the page
//! loads first is smaller.
//!
//! Also generates `lexicon::lists` from `data/words/`.

use std::collections::BTreeMap;
use std::{env, fs, path::PathBuf};

include!("src/lexicon/script.rs");

/// The search of a packed list, whose blocks the native build lays out here
/// (`write_packed`) instead of at run time.
#[allow(dead_code)]
#[path = "src/lexicon/packed.rs"]
mod packed;

/// The languages whose word frequencies are compiled into the core; the
/// others go to the language pack.
const CORE_WORDFREQ: &[&str] = &["en"];

/// The languages of the stop-word lists (`data/stopwords/`), all in the core:
/// language identification reads them all.
const STOPWORD_LANGUAGES: &[&str] = &["en", "fr", "de", "es", "ru", "it", "pt", "nl", "pl", "uk"];

fn main() {
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    // The language pack (`lexicon::pack`): what English text never needs, one part per list.
    let mut pack: Vec<(String, BTreeMap<String, String>)> = Vec::new();
    for name in ["places.tsv", "demonyms.tsv"] {
        // name<TAB>rest; a later line of the same name replaces an earlier one.
        let mut rows = BTreeMap::new();
        for line in read(&format!("data/lexicon/{name}")).lines() {
            if let Some((key, rest)) = line.split_once('\t') {
                rows.insert(key.to_string(), rest.to_string());
            }
        }
        if name == "places.tsv" {
            pack.push((name.to_string(), split_off_other_scripts(&mut rows)));
        }
        write_packed(&out.join(format!("{name}.packed")), &rows);
    }
    for name in ["first_names.txt", "common_words.txt"] {
        let mut rows: BTreeMap<String, String> = read(&format!("data/lexicon/{name}"))
            .lines()
            .filter(|l| !l.is_empty())
            .map(|l| (l.to_string(), String::new()))
            .collect();
        if name == "first_names.txt" {
            pack.push((name.to_string(), split_off_other_scripts(&mut rows)));
        }
        write_packed(&out.join(format!("{name}.packed")), &rows);
    }
    for lang in ["en", "fr", "de", "es", "ru", "it"] {
        // zipf<TAB>word word ...; the first line of a word counts.
        let mut rows = BTreeMap::new();
        for line in read(&format!("data/wordfreq/{lang}.txt")).lines() {
            let Some((zipf, words)) = line.split_once('\t') else {
                continue;
            };
            let z: u8 = zipf.parse().unwrap_or(0);
            // One character, the Zipf value × 10 as its code (`lexicon::wordfreq`).
            assert!(
                (b'!'..=b'~').contains(&z),
                "data/wordfreq/{lang}.txt: a Zipf value out of range: {zipf}"
            );
            for w in words.split(' ') {
                rows.entry(w.to_string())
                    .or_insert_with(|| char::from(z).to_string());
            }
        }
        let name = format!("wordfreq-{lang}");
        if CORE_WORDFREQ.contains(&lang) {
            write_packed(&out.join(format!("{name}.packed")), &rows);
        } else {
            pack.push((name, rows));
        }
    }
    for lang in STOPWORD_LANGUAGES {
        // One word a line; sorted and packed like the other lists (`lexicon::stopwords`).
        let rows: BTreeMap<String, String> = read(&format!("data/stopwords/{lang}.txt"))
            .lines()
            .filter(|l| !l.is_empty())
            .map(|l| (l.to_string(), String::new()))
            .collect();
        // Language identification takes the words as they are, untrimmed.
        assert!(
            rows.keys().all(|w| w.trim() == w),
            "data/stopwords/{lang}.txt: a word with white space around it"
        );
        write_packed(&out.join(format!("stopwords-{lang}.packed")), &rows);
    }
    write_pack(&out.join("languages.pack"), &pack);
    word_lists(&out);
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/lexicon/script.rs");
    println!("cargo:rerun-if-changed=src/lexicon/packed.rs");
}

/// Moves the rows whose key is in another script than Latin out of `rows`.
fn split_off_other_scripts(rows: &mut BTreeMap<String, String>) -> BTreeMap<String, String> {
    let other: BTreeMap<String, String> = rows
        .iter()
        .filter(|(k, _)| in_other_script(k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    rows.retain(|k, _| !in_other_script(k));
    other
}

/// The language pack: a first line `storydiff-language-pack 3`, then one
/// line `name<TAB>bytes` per part, an empty line, and the parts, each packed
/// as `write_packed` packs a list, one after the other (see `lexicon::pack`).
fn write_pack(path: &std::path::Path, parts: &[(String, BTreeMap<String, String>)]) {
    let mut head = String::from("storydiff-language-pack 3\n");
    let mut body = Vec::new();
    for (name, rows) in parts {
        let packed = packed(path, rows);
        head.push_str(&format!("{name}\t{}\n", packed.len()));
        body.extend_from_slice(&packed);
    }
    head.push('\n');
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(&body);
    fs::write(path, bytes).expect("writing OUT_DIR");
}

fn read(path: &str) -> String {
    println!("cargo:rerun-if-changed={path}");
    fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {path}: {e}"))
}

/// The rows packed for `lexicon::packed::unpack`: `count\n`, the values
/// column (one line each), the keys front-coded (one byte, the length of
/// the prefix shared with the key before, at most 255; the rest; `\n`), then
/// the references: a field of a value (between tabs) that is itself a key of
/// the list ("Havana" for "A Habana") is written in the values column as the
/// byte 1, and the key's number (3 bytes, big-endian) follows the keys, one
/// per such field, in order.
///
/// Beside it, `<name>.blocks`: the blocks that the search notes in a pass
/// over the list (`lexicon::packed::PackedList::layout`), which the native
/// build reads instead of making them before its first lookup; empty for the
/// wasm, which makes them (its download stays small).
fn write_packed(path: &std::path::Path, rows: &BTreeMap<String, String>) {
    let bytes = packed(path, rows);
    let layout = match env::var("CARGO_CFG_TARGET_ARCH").as_deref() {
        Ok("wasm32") => Vec::new(),
        _ => {
            let bytes: &'static [u8] = Box::leak(bytes.clone().into_boxed_slice());
            let list = packed::PackedList::new(bytes).expect("a packed list");
            list.layout()
        }
    };
    fs::write(path.with_extension("blocks"), layout).expect("writing OUT_DIR");
    fs::write(path, bytes).expect("writing OUT_DIR");
}

fn packed(path: &std::path::Path, rows: &BTreeMap<String, String>) -> Vec<u8> {
    sorted_text(path, rows); // checks the keys
    let number: BTreeMap<&str, usize> = rows
        .keys()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    assert!(rows.len() < 1 << 24, "{}: too many keys", path.display());
    let mut values = format!("{}\n", rows.len()).into_bytes();
    let mut keys = Vec::new();
    let mut refs = Vec::new();
    let mut before: &[u8] = b"";
    for (key, value) in rows {
        assert!(
            !value.contains(['\n', '\u{1}']),
            "{}: a value holds a newline or the byte 1",
            path.display()
        );
        for (i, field) in value.split('\t').enumerate() {
            if i > 0 {
                values.push(b'\t');
            }
            match number.get(field) {
                Some(&n) => {
                    values.push(1);
                    refs.extend_from_slice(&(n as u32).to_be_bytes()[1..]);
                }
                None => values.extend_from_slice(field.as_bytes()),
            }
        }
        values.push(b'\n');
        let key = key.as_bytes();
        let shared = key
            .iter()
            .zip(before)
            .take_while(|(a, b)| a == b)
            .count()
            .min(255);
        keys.push(shared as u8);
        keys.extend_from_slice(&key[shared..]);
        keys.push(b'\n');
        before = key;
    }
    values.extend_from_slice(&keys);
    values.extend_from_slice(&refs);
    values
}

fn sorted_text(path: &std::path::Path, rows: &BTreeMap<String, String>) -> String {
    let mut text = String::new();
    for (key, value) in rows {
        assert!(
            !key.is_empty() && !key.contains(['\t', '\n']),
            "{}: the key {key:?} cannot be looked up",
            path.display()
        );
        text.push_str(key);
        if !value.is_empty() {
            text.push('\t');
            text.push_str(value);
        }
        text.push('\n');
    }
    text
}

/// Turns every `data/words/<stage>/<meaning>.tsv` into a `pub static` in
/// `OUT_DIR/word_lists.rs`, one module per stage folder, which
/// `src/lexicon/lists.rs` includes: `data/words/quotes/speech_verbs.tsv`
/// becomes `lexicon::lists::quotes::SPEECH_VERBS`.
///
/// The file format (see `data/words/README.md`): `#` lines are comments
/// (source, licence, what the list means); the first other line is the header,
/// tab-separated: `word`, `lang`, then optionally `role` and typed value
/// columns written `name:type` (`u8` … `u64`, `i32`, `i64`, `f32`, `f64`,
/// `bool`, `char`, `str`). Rows keep their order. A list with only `word` and
/// `lang` becomes `&[&str]`; otherwise each row becomes a tuple of the word,
/// the role if there is one, and the typed values, in header order.
fn word_lists(out: &std::path::Path) {
    let root = PathBuf::from("data/words");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut stages: Vec<PathBuf> = fs::read_dir(&root)
        .map(|dir| dir.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    stages.retain(|p| p.is_dir());
    stages.sort();
    let mut code =
        String::from("// Generated by build.rs from data/words/: edit the data, not this.\n");
    for stage in stages {
        let stage_name = stage.file_name().unwrap().to_string_lossy().into_owned();
        println!("cargo:rerun-if-changed={}", stage.display());
        let mut files: Vec<PathBuf> = fs::read_dir(&stage)
            .expect("reading a data/words folder")
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
            .collect();
        files.sort();
        code.push_str(&format!(
            "/// Word lists of the `{stage_name}` stage.\npub mod {stage_name} {{\n"
        ));
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            code.push_str(&word_list(&file));
        }
        code.push_str("}\n");
    }
    fs::write(out.join("word_lists.rs"), code).expect("writing OUT_DIR");
}

/// One list's `pub static`, documented with the file's leading comments.
fn word_list(path: &std::path::Path) -> String {
    let text =
        fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let name = path.file_stem().unwrap().to_string_lossy().to_uppercase();
    let mut doc = String::new();
    let mut header: Option<Vec<(String, String)>> = None;
    let mut rows = Vec::new();
    let mut words: Vec<String> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let at = || format!("{}:{}", path.display(), number + 1);
        if let Some(comment) = line.strip_prefix('#') {
            if header.is_none() {
                doc.push_str(&format!("    ///{comment}\n"));
            }
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        match &header {
            None => {
                let columns: Vec<(String, String)> = cells
                    .iter()
                    .map(|c| match c.split_once(':') {
                        Some((n, t)) => (n.to_string(), t.to_string()),
                        None => (c.to_string(), "str".to_string()),
                    })
                    .collect();
                assert!(
                    columns.len() >= 2 && columns[0].0 == "word" && columns[1].0 == "lang",
                    "{}: the header must start with word<TAB>lang",
                    at()
                );
                header = Some(columns);
            }
            Some(columns) => {
                assert_eq!(
                    cells.len(),
                    columns.len(),
                    "{}: {} cells for {} columns",
                    at(),
                    cells.len(),
                    columns.len()
                );
                words.push(cells[0].to_string());
                let mut values = vec![rust_value(cells[0], "str", &at)];
                for (cell, (column, ty)) in cells.iter().zip(columns).skip(2) {
                    let _ = column;
                    values.push(rust_value(cell, ty, &at));
                }
                rows.push(values);
            }
        }
    }
    let columns = header.unwrap_or_else(|| panic!("{}: no header line", path.display()));
    let rendered_words = words;
    let types: Vec<String> = std::iter::once("&str".to_string())
        .chain(columns.iter().skip(2).map(|(_, t)| rust_type(t)))
        .collect();
    let (element, rendered): (String, Vec<String>) = if types.len() == 1 {
        (
            "&str".into(),
            rows.into_iter().map(|mut r| r.remove(0)).collect(),
        )
    } else {
        (
            format!("({})", types.join(", ")),
            rows.into_iter()
                .map(|r| format!("({})", r.join(", ")))
                .collect(),
        )
    };
    if doc.is_empty() {
        doc = format!("    /// `{}`.\n", path.display());
    }
    if types.len() == 1 {
        // Words alone: one string, one word a line (see `lexicon::lists::Words`).
        let lines: String = rendered_words.iter().map(|w| format!("{w}\n")).collect();
        assert!(
            rendered_words
                .iter()
                .all(|w| !w.contains(['\n', '\r']) && !w.is_empty()),
            "{}: a word is empty or holds a line break",
            path.display()
        );
        return format!(
            "{doc}    pub static {name}: &super::Words = &{name}_WORDS;\n    static {name}_WORDS: super::Words = super::Words::new({lines:?});\n"
        );
    }
    format!(
        "{doc}    pub static {name}: &[{element}] = &[{}];\n",
        rendered.join(", ")
    )
}

fn rust_type(ty: &str) -> String {
    match ty {
        "str" => "&str".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" | "i32" | "i64" | "f32" | "f64" | "bool"
        | "char" => ty.into(),
        other => panic!("data/words: unknown column type {other}"),
    }
}

fn rust_value(cell: &str, ty: &str, at: &dyn Fn() -> String) -> String {
    match ty {
        "str" => format!("{cell:?}"),
        "char" => {
            let mut chars = cell.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => format!("{c:?}"),
                _ => panic!("{}: {cell:?} is not one character", at()),
            }
        }
        "bool" => match cell {
            "true" | "false" => cell.into(),
            _ => panic!("{}: {cell:?} is not true or false", at()),
        },
        "f32" | "f64" => {
            let v: f64 = cell
                .parse()
                .unwrap_or_else(|_| panic!("{}: {cell:?} is not a number", at()));
            format!("{v:?}_{ty}")
        }
        _ => {
            let v: i128 = cell
                .parse()
                .unwrap_or_else(|_| panic!("{}: {cell:?} is not an integer", at()));
            format!("{v}_{ty}")
        }
    }
}
