//! The main-text benchmark of saved pages of real sites: Mozilla Readability's
//! test pages (`tests/corpus/readability/`, Apache-2.0, imported by
//! `scripts/data/import_readability_pages.py`), each page zlib-compressed.

use super::HtmlPage;
use crate::text::decode;
use std::sync::OnceLock;

/// The folder of the benchmark pages.
pub const READABILITY_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/readability");

/// Every page of the benchmark, sorted by name (read on first use).
///
/// # Panics
/// When a page cannot be read or inflated.
pub fn readability_pages() -> &'static [HtmlPage] {
    static PAGES: OnceLock<Vec<HtmlPage>> = OnceLock::new();
    PAGES.get_or_init(|| {
        let mut names: Vec<String> = std::fs::read_dir(READABILITY_DIR)
            .unwrap_or_else(|e| panic!("{READABILITY_DIR}: {e}"))
            .filter_map(|e| {
                let name = e.ok()?.file_name().into_string().ok()?;
                name.strip_suffix(".html.zz").map(str::to_string)
            })
            .collect();
        names.sort();
        names
            .into_iter()
            .map(|name| {
                let base = format!("{READABILITY_DIR}/{name}");
                let packed = std::fs::read(format!("{base}.html.zz"))
                    .unwrap_or_else(|e| panic!("{base}.html.zz: {e}"));
                let bytes = miniz_oxide::inflate::decompress_to_vec_zlib(&packed)
                    .unwrap_or_else(|e| panic!("{base}.html.zz: {e:?}"));
                let expected = std::fs::read_to_string(format!("{base}.txt"))
                    .unwrap_or_else(|e| panic!("{base}.txt: {e}"));
                HtmlPage {
                    name,
                    html: decode(&bytes).text,
                    expected,
                }
            })
            .collect()
    })
}

/// The names of the benchmark's held-out pages (`heldout.list`): added
/// after a blind score and not tuned on before it.
///
/// # Panics
/// When the list cannot be read.
pub fn readability_heldout() -> Vec<String> {
    let path = format!("{READABILITY_DIR}/heldout.list");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}
