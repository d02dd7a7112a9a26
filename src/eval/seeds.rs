//! The seed corpus (`seeds/*.txt`) and the HTML corpus (`tests/corpus/html/`), read once.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::text::decode;
use crate::Input;

/// The folder of the seed articles.
pub const SEEDS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");

/// The folder of the saved article pages, each `<name>.html` beside its expected main text
/// `<name>.txt`.
pub const HTML_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/html");

/// One seed article: `seeds/<id>.txt`.
#[derive(Clone, Debug)]
pub struct Seed {
    /// The file stem, `000_c727ccb6a541bd91`.
    pub id: String,
    /// The text of the file.
    pub text: String,
}

impl Seed {
    /// The file name, `000_c727ccb6a541bd91.txt`.
    pub fn file_name(&self) -> String {
        format!("{}.txt", self.id)
    }

    /// The seed as the CLI and the page give it: its id and its file name.
    pub fn input(&self) -> Input {
        let mut input = Input::new(self.id.clone(), self.text.clone());
        input.file_name = Some(self.file_name());
        input
    }
}

/// Every seed article, sorted by file name (read on first use).
pub fn seeds() -> &'static [Seed] {
    static SEEDS: OnceLock<Vec<Seed>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        files(SEEDS_DIR, "txt")
            .into_iter()
            .map(|(id, path)| Seed {
                id,
                text: read(&path),
            })
            .collect()
    })
}

/// The seed whose id starts with `prefix` ("000", "001", ... or a whole id).
///
/// # Panics
/// When no seed has that prefix.
pub fn seed(prefix: &str) -> &'static Seed {
    seeds()
        .iter()
        .find(|s| s.id.starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix} in {SEEDS_DIR}"))
}

/// One saved article page and the main text expected of it.
#[derive(Clone, Debug)]
pub struct HtmlPage {
    /// The file stem, `news_site`.
    pub name: String,
    /// The page, decoded as the product decodes bytes ([`decode()`]).
    pub html: String,
    /// The expected main text.
    pub expected: String,
}

/// Every page of the HTML corpus, sorted by name (read on first use).
pub fn html_pages() -> &'static [HtmlPage] {
    static PAGES: OnceLock<Vec<HtmlPage>> = OnceLock::new();
    PAGES.get_or_init(|| {
        files(HTML_DIR, "html")
            .into_iter()
            .map(|(name, path)| {
                let bytes =
                    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                HtmlPage {
                    name,
                    html: decode(&bytes).text,
                    expected: read(&path.with_extension("txt")),
                }
            })
            .collect()
    })
}

/// The page `tests/corpus/html/<name>.html`.
///
/// # Panics
/// When there is no such page.
pub fn html_page(name: &str) -> &'static HtmlPage {
    html_pages()
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no page {name} in {HTML_DIR}"))
}

/// The (file stem, path) of the files of `dir` with extension `ext`, sorted by name.
fn files(dir: &str, ext: &str) -> Vec<(String, PathBuf)> {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
    let mut out: Vec<(String, PathBuf)> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .map(|p| (stem(&p), p))
        .collect();
    out.sort();
    out
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
