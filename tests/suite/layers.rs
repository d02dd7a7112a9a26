//! The stages' imports point one way, text ← clean ← extract ← compare ←
//! report (with `article`, the analyzed batch, between extract and compare),
//! and no two modules of `src/` import each other, directly or through others.
//!
//! The import graph is read from the sources: every `use` and every path
//! that starts with `crate::`, `super::`, `self::` or a child module's name
//! is an edge from the file it is written in to the file that defines what
//! it names. Names re-exported by a module's `pub use` block are followed to
//! the file that defines them, and the `pub use` block itself is no edge: a
//! stage's facade does not depend on the modules it re-exports. Comments and
//! literals are skipped, so doc links are no edges either.
//!
//! A submodule is part of its parent: its use of an ancestor's own items
//! (`super::Doc`) joins no cycle. Every other cycle does: between siblings
//! (`compare::similarity` -> `compare::diff` -> `compare::align` ->
//! `compare::similarity`), or across stages and folders.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

/// What each stage must not import. `article` is the batch the first three
/// stages make: they know single texts only.
const FORBIDDEN: &[(&str, &[&str])] = &[
    (
        "text",
        &["clean", "extract", "article", "compare", "report"],
    ),
    ("clean", &["extract", "article", "compare", "report"]),
    ("extract", &["article", "compare", "report"]),
    ("compare", &["report"]),
];

/// Imports being removed on other branches, as (importing module, imported
/// module): the checks ignore them until then, and each leaves this list
/// when the branch that removes it merges. Empty since datelines moved to
/// clean.
const KNOWN_BAD_EDGES: &[(&str, &str)] = &[];

/// An import: from one module to another, and where it is written.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Edge {
    from: String,
    to: String,
    at: String,
}

#[test]
fn stages_import_only_earlier_stages() {
    let graph = Graph::of(&source_tree()).without(KNOWN_BAD_EDGES);
    let wrong: Vec<String> = graph
        .back_edges()
        .iter()
        .map(|e| format!("{} imports {} ({})", e.from, e.to, e.at))
        .collect();
    assert!(
        wrong.is_empty(),
        "imports against the stage order text <- clean <- extract <- article <- compare <- report:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn known_bad_edges_still_exist() {
    // An allowed import that is gone leaves the list too, so that the list
    // only ever shrinks.
    let graph = Graph::of(&source_tree());
    for (from, to) in KNOWN_BAD_EDGES {
        assert!(
            graph.edges.iter().any(|e| e.from == *from && e.to == *to),
            "{from} no longer imports {to}: remove it from KNOWN_BAD_EDGES"
        );
    }
}

#[test]
fn no_two_modules_import_each_other() {
    let graph = Graph::of(&source_tree()).without(KNOWN_BAD_EDGES);
    let cycles = graph.cycles();
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

/// The checker itself, on a made-up tree: a back-edge, a cycle through three
/// siblings, and a parent whose children use its own items while it calls
/// them (no cycle); a re-export from a later stage is a back-edge, comments
/// and strings that name modules are no imports.
#[test]
fn checker_finds_back_edges_and_cycles() {
    let tree = [
        ("text/mod.rs", "mod span;\npub use span::Span;"),
        ("text/span.rs", "use crate::report::Out;\npub struct Span;"),
        ("report.rs", "pub struct Out;"),
        (
            "compare/mod.rs",
            "mod a;\nmod b;\nmod c;\npub use a::A;\npub use crate::report::Out as Shown;\npub struct Batch;\npub fn run() { c::go() }",
        ),
        ("compare/a.rs", "use super::b::B;\nuse super::Batch;\npub struct A;"),
        ("compare/b.rs", "pub struct B;\nfn f() { super::c::go(); }"),
        (
            "compare/c.rs",
            "// use crate::report::Out;\nconst S: &str = \"crate::report\";\npub fn go() { let _ = crate::compare::A; }",
        ),
    ];
    let files: Vec<(String, String)> = tree
        .iter()
        .map(|(p, s)| (p.to_string(), s.to_string()))
        .collect();
    let graph = Graph::of(&files);
    let back: Vec<(String, String)> = graph
        .back_edges()
        .into_iter()
        .map(|e| (e.from, e.to))
        .collect();
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        back,
        [pair("compare", "report"), pair("text::span", "report")]
    );
    let cycles = graph.cycles();
    assert_eq!(cycles.len(), 1, "{cycles:?}");
    assert!(
        cycles[0].starts_with("compare::a -> compare::b -> compare::c -> compare::a"),
        "{cycles:?}"
    );
}

/// Every `.rs` file of the library (`src/`, without the CLI in `src/bin/`),
/// as (path under `src/`, source).
fn source_tree() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let mut folders = vec![root.clone()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("reading src/") {
            let path = entry.expect("reading src/").path();
            let rel = path
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if path.is_dir() {
                if rel != "bin" {
                    folders.push(path);
                }
            } else if rel.ends_with(".rs") {
                files.push((
                    rel,
                    std::fs::read_to_string(&path).expect("reading a source"),
                ));
            }
        }
    }
    files.sort();
    files
}

/// The module a file under `src/` defines: `compare/mod.rs` is `compare`,
/// `compare/keys.rs` is `compare::keys`, `lib.rs` is the crate root, "".
fn module_of(path: &str) -> String {
    let path = path.trim_end_matches(".rs");
    let path = path.strip_suffix("/mod").unwrap_or(path);
    if path == "lib" {
        String::new()
    } else {
        path.replace('/', "::")
    }
}

fn join(module: &str, name: &str) -> String {
    if module.is_empty() {
        name.to_string()
    } else {
        format!("{module}::{name}")
    }
}

fn parent(module: &str) -> String {
    module
        .rsplit_once("::")
        .map_or(String::new(), |(p, _)| p.to_string())
}

/// A token of Rust source with its line: an identifier, `::`, or one
/// punctuation character.
#[derive(Clone, Debug, PartialEq)]
struct Token {
    text: String,
    line: usize,
}

/// The tokens of `source`, comments and string and character literals left out.
fn tokens(source: &str) -> Vec<Token> {
    let chars: Vec<char> = source.chars().collect();
    let newlines: Vec<usize> = (0..chars.len()).filter(|&i| chars[i] == '\n').collect();
    let line_at = |i: usize| newlines.partition_point(|&n| n < i) + 1;
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let start = i;
        if c.is_whitespace() {
            i += 1;
        } else if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i = skip_block_comment(&chars, i);
        } else if let Some(end) = skip_string(&chars, i) {
            i = end;
        } else if c == '\'' {
            i = skip_char_or_lifetime(&chars, i);
        } else if c.is_alphabetic() || c == '_' {
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(Token {
                text: chars[start..i].iter().collect(),
                line: line_at(start),
            });
        } else if c == ':' && next == Some(':') {
            i += 2;
            out.push(Token {
                text: "::".into(),
                line: line_at(start),
            });
        } else {
            i += 1;
            out.push(Token {
                text: c.to_string(),
                line: line_at(start),
            });
        }
    }
    out
}

/// The end of the (nested) block comment starting at `i`.
fn skip_block_comment(chars: &[char], mut i: usize) -> usize {
    let mut depth = 0;
    while i < chars.len() {
        if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
            depth += 1;
            i += 2;
        } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    i
}

/// The end of the string literal starting at `i` ("..", b"..", r#".."#,
/// br".."), if one starts there.
fn skip_string(chars: &[char], i: usize) -> Option<usize> {
    let prefix_ok = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
    let mut j = i;
    if prefix_ok && chars[j] == 'b' {
        j += 1;
    }
    let raw = prefix_ok && chars.get(j) == Some(&'r');
    if raw {
        j += 1;
    }
    let mut hashes = 0;
    while raw && chars.get(j) == Some(&'#') {
        hashes += 1;
        j += 1;
    }
    if chars.get(j) != Some(&'"') || (j > i && !prefix_ok) {
        return None;
    }
    j += 1;
    while j < chars.len() {
        match chars[j] {
            '\\' if !raw => j += 2,
            '"' if chars[j + 1..]
                .iter()
                .take(hashes)
                .filter(|&&c| c == '#')
                .count()
                == hashes =>
            {
                return Some(j + 1 + hashes)
            }
            _ => j += 1,
        }
    }
    Some(j)
}

/// The end of the character literal or lifetime starting at `i`.
fn skip_char_or_lifetime(chars: &[char], i: usize) -> usize {
    if chars.get(i + 1) == Some(&'\\') {
        // Past the escaped character, which may itself be a quote ('\'').
        let mut j = i + 3;
        while j < chars.len() && chars[j] != '\'' {
            j += 1;
        }
        return j + 1;
    }
    if chars.get(i + 2) == Some(&'\'') {
        return i + 3;
    }
    i + 1
}

/// One path a `use` names: its segments (a trailing `self` dropped), and
/// the name it is imported as (`None` for a glob).
#[derive(Clone, Debug)]
struct UsePath {
    segments: Vec<String>,
    name: Option<String>,
    line: usize,
}

/// Reads a use tree from `toks[*i]` on, with `prefix` before it.
fn use_tree(toks: &[Token], i: &mut usize, prefix: &[String], out: &mut Vec<UsePath>) {
    let mut segments = prefix.to_vec();
    let line = toks.get(*i).map_or(0, |t| t.line);
    if toks.get(*i).is_some_and(|t| t.text == "::") {
        *i += 1;
    }
    while let Some(t) = toks.get(*i) {
        match t.text.as_str() {
            "{" => {
                *i += 1;
                while toks.get(*i).is_some_and(|t| t.text != "}") {
                    let before = *i;
                    use_tree(toks, i, &segments, out);
                    if toks.get(*i).is_some_and(|t| t.text == ",") || *i == before {
                        *i += 1;
                    }
                }
                *i += 1;
                return;
            }
            "*" => {
                *i += 1;
                out.push(UsePath {
                    segments,
                    name: None,
                    line,
                });
                return;
            }
            "::" => *i += 1,
            "," | "}" | ";" => break,
            "as" => {
                let alias = toks.get(*i + 1).map(|t| t.text.clone());
                *i += 2;
                if segments.last().is_some_and(|s| s == "self") {
                    segments.pop();
                }
                out.push(UsePath {
                    segments,
                    name: alias,
                    line,
                });
                return;
            }
            ident => {
                segments.push(ident.to_string());
                *i += 1;
            }
        }
    }
    if segments.last().is_some_and(|s| s == "self") {
        segments.pop();
    }
    let name = segments.last().cloned();
    out.push(UsePath {
        segments,
        name,
        line,
    });
}

/// A path written in a file: in which (possibly inline) module, and on which line.
#[derive(Clone)]
struct Written {
    module: String,
    path: Vec<String>,
    line: usize,
}

/// What one file says.
#[derive(Default)]
struct FileImports {
    /// Plain `use` paths and paths in code.
    uses: Vec<Written>,
    /// `pub use` paths, each with the name it exports (none for a glob).
    exports: Vec<(Option<String>, Written)>,
}

fn is_ident(t: &str) -> bool {
    t.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// Reads the imports of the file that defines `module`; `children` are the
/// modules defined by files, to recognise paths that start with a child's name.
fn read_file(module: &str, source: &str, children: &BTreeSet<String>) -> FileImports {
    let toks = tokens(source);
    let mut out = FileImports::default();
    // Inline modules (`mod tests { .. }`): (name, brace depth inside it).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    while i < toks.len() {
        let here = inline
            .iter()
            .fold(module.to_string(), |m, (name, _)| join(&m, name));
        let t = toks[i].text.as_str();
        if t == "{" {
            depth += 1;
        } else if t == "}" {
            if inline.last().is_some_and(|(_, d)| *d == depth) {
                inline.pop();
            }
            depth -= 1;
        } else if t == "mod" && toks.get(i + 2).is_some_and(|t| t.text == "{") {
            inline.push((toks[i + 1].text.clone(), depth + 1));
            i += 2;
            continue;
        } else if t == "use" {
            let public = i > 0 && (toks[i - 1].text == "pub" || toks[i - 1].text == ")");
            let mut paths = Vec::new();
            i += 1;
            use_tree(&toks, &mut i, &[], &mut paths);
            for p in paths {
                let written = Written {
                    module: here.clone(),
                    path: p.segments,
                    line: p.line,
                };
                if public {
                    out.exports.push((p.name, written));
                } else {
                    out.uses.push(written);
                }
            }
            continue;
        } else if is_ident(t)
            && toks.get(i + 1).is_some_and(|n| n.text == "::")
            && (i == 0 || toks[i - 1].text != "::")
            && (matches!(t, "crate" | "super" | "self") || children.contains(&join(&here, t)))
        {
            let line = toks[i].line;
            let mut segments = vec![t.to_string()];
            let mut j = i + 1;
            while toks.get(j).is_some_and(|t| t.text == "::")
                && toks.get(j + 1).is_some_and(|t| is_ident(&t.text))
            {
                segments.push(toks[j + 1].text.clone());
                j += 2;
            }
            out.uses.push(Written {
                module: here,
                path: segments,
                line,
            });
            i = j;
            continue;
        }
        i += 1;
    }
    out
}

/// The import graph of a source tree.
struct Graph {
    edges: BTreeSet<Edge>,
}

/// Resolves paths to the file modules that define what they name.
struct Resolver {
    /// The modules defined by files.
    files: BTreeSet<String>,
    /// module -> exported name -> the path it exports.
    exports: BTreeMap<String, BTreeMap<String, Written>>,
}

impl Resolver {
    /// The file module that defines what `path`, written in module `here`, names.
    fn resolve(&self, here: &str, path: &[String], hops: usize) -> Option<String> {
        let (mut module, rest) = match path.first()?.as_str() {
            "crate" => (String::new(), &path[1..]),
            "self" => (here.to_string(), &path[1..]),
            "super" => {
                let mut m = parent(here);
                let mut rest = &path[1..];
                while rest.first().is_some_and(|s| s == "super") {
                    m = parent(&m);
                    rest = &rest[1..];
                }
                (m, rest)
            }
            first if self.files.contains(&join(here, first)) => (here.to_string(), path),
            _ => return None,
        };
        // An inline module's path resolves from the file that holds it.
        while !self.files.contains(&module) && !module.is_empty() {
            module = parent(&module);
        }
        let mut rest = rest;
        while let Some(next) = rest.first() {
            let child = join(&module, next);
            if self.files.contains(&child) {
                module = child;
                rest = &rest[1..];
            } else {
                break;
            }
        }
        let exported = rest
            .first()
            .and_then(|name| self.exports.get(&module)?.get(name));
        match exported {
            Some(export) if hops < 8 => {
                let mut target = export.path.clone();
                target.extend(rest[1..].iter().cloned());
                self.resolve(&export.module, &target, hops + 1)
            }
            _ => Some(module),
        }
    }
}

impl Graph {
    /// The graph of `files`, each (path under `src/`, source).
    fn of(files: &[(String, String)]) -> Graph {
        let modules: BTreeSet<String> = files.iter().map(|(p, _)| module_of(p)).collect();
        let read: Vec<(String, String, FileImports)> = files
            .iter()
            .map(|(p, s)| {
                (
                    p.clone(),
                    module_of(p),
                    read_file(&module_of(p), s, &modules),
                )
            })
            .collect();
        let mut exports: BTreeMap<String, BTreeMap<String, Written>> = BTreeMap::new();
        for (_, module, imports) in &read {
            for (name, export) in &imports.exports {
                if let Some(name) = name {
                    exports
                        .entry(module.clone())
                        .or_default()
                        .insert(name.clone(), export.clone());
                }
            }
        }
        let resolver = Resolver {
            files: modules,
            exports,
        };
        let mut edges = BTreeSet::new();
        for (file, module, imports) in &read {
            // A `pub use` of the module's own submodules is its facade, no
            // import; one of anything else is.
            let outside =
                |to: &String| !module.is_empty() && !to.starts_with(&format!("{module}::"));
            let exported = imports.exports.iter().map(|(_, w)| (w, true));
            let used = imports.uses.iter().map(|w| (w, false));
            for (written, export) in used.chain(exported) {
                let Some(to) = resolver.resolve(&written.module, &written.path, 0) else {
                    continue;
                };
                if to == *module || to.is_empty() || (export && !outside(&to)) {
                    continue;
                }
                let edge = Edge {
                    from: module.clone(),
                    to,
                    at: format!("src/{file}:{}", written.line),
                };
                // One edge per pair of modules: the first place it is written.
                if !edges
                    .iter()
                    .any(|e: &Edge| e.from == edge.from && e.to == edge.to)
                {
                    edges.insert(edge);
                }
            }
        }
        Graph { edges }
    }

    /// The graph less the imports `known` (importing module, imported module).
    fn without(mut self, known: &[(&str, &str)]) -> Graph {
        self.edges
            .retain(|e| !known.contains(&(e.from.as_str(), e.to.as_str())));
        self
    }

    /// The edges from a stage to a stage after it.
    fn back_edges(&self) -> Vec<Edge> {
        let stage = |m: &str| m.split("::").next().unwrap_or("").to_string();
        self.edges
            .iter()
            .filter(|e| {
                FORBIDDEN.iter().any(|(from, to)| {
                    stage(&e.from) == *from && to.contains(&stage(&e.to).as_str())
                })
            })
            .cloned()
            .collect()
    }

    /// Every import cycle, once each, as "a -> b -> a" with where each
    /// import is written. A module's use of its ancestors' items is left out.
    fn cycles(&self) -> Vec<String> {
        let mut next: BTreeMap<&str, Vec<&Edge>> = BTreeMap::new();
        for e in &self.edges {
            if !e.from.starts_with(&format!("{}::", e.to)) {
                next.entry(e.from.as_str()).or_default().push(e);
            }
        }
        let mut found: BTreeSet<Vec<String>> = BTreeSet::new();
        let mut out = Vec::new();
        for start in next.keys() {
            let mut path: Vec<&Edge> = Vec::new();
            find_cycles(start, start, &next, &mut path, &mut found, &mut out);
        }
        out
    }
}

/// Depth-first search for the cycles through `start` whose other modules all
/// sort after it (so that each cycle is found once, from its smallest module).
fn find_cycles<'e>(
    start: &str,
    at: &str,
    next: &BTreeMap<&str, Vec<&'e Edge>>,
    path: &mut Vec<&'e Edge>,
    found: &mut BTreeSet<Vec<String>>,
    out: &mut Vec<String>,
) {
    for e in next.get(at).into_iter().flatten() {
        if e.to == start {
            let mut cycle: Vec<String> = path.iter().map(|p| p.from.clone()).collect();
            cycle.push(e.from.clone());
            if found.insert(cycle.clone()) {
                let mut text = String::new();
                for p in path.iter().chain([e]) {
                    let _ = write!(text, "{} -> ", p.from);
                }
                let _ = write!(text, "{start}  (");
                let places: Vec<&str> = path.iter().chain([e]).map(|p| p.at.as_str()).collect();
                let _ = write!(text, "{})", places.join(", "));
                out.push(text);
            }
        } else if e.to.as_str() > start && !path.iter().any(|p| p.from == e.to) {
            path.push(e);
            find_cycles(start, &e.to, next, path, found, out);
            path.pop();
        }
    }
}
