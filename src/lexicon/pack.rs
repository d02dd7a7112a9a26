//! The language pack: the word lists that English text never needs (the word
//! frequencies of French, German, Spanish, Russian and Italian; the names of
//! the gazetteer and of the given-name list written in other scripts than
//! Latin, "Алматы"), one part per list, as build.rs writes them.
//!
//! By default the pack is compiled in, like every other list, and nothing
//! changes. With the feature `language-pack` (the page's wasm, see
//! `scripts/build`) it is left out of the module and given at run time with
//! [`load`]: the page fetches it, or the single file carries it, only when a
//! text needs it. Until then a lookup that could only be answered by the pack
//! answers "not listed" and is remembered: [`take_needed`] says whether one
//! happened, and the caller loads the pack and runs again, so that every
//! result is the one the full lists give.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

/// The parts of the pack: (list name, its sorted lines, packed).
type Parts = Vec<(&'static str, &'static [u8])>;

static PACK: OnceLock<Parts> = OnceLock::new();
static NEEDED: AtomicBool = AtomicBool::new(false);

/// The pack's first line, with its format's version.
const MAGIC: &str = "storydiff-language-pack 3";

#[cfg(not(feature = "language-pack"))]
static BUILT_IN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/languages.pack"));

fn parts() -> Option<&'static Parts> {
    #[cfg(not(feature = "language-pack"))]
    {
        Some(PACK.get_or_init(|| parse(BUILT_IN).expect("build.rs writes a valid pack")))
    }
    #[cfg(feature = "language-pack")]
    {
        let parts = PACK.get();
        if parts.is_none() {
            NEEDED.store(true, Ordering::Relaxed);
        }
        parts
    }
}

/// The sorted lines of the pack's part `name`, packed (`lexicon::packed`);
/// `None` while the pack is not loaded (and then [`take_needed`] answers true once).
pub(crate) fn part(name: &str) -> Option<&'static [u8]> {
    let parts = parts()?;
    let found = parts.iter().find(|(n, _)| *n == name);
    Some(found.map_or(&[][..], |(_, lines)| lines))
}

/// Splits a pack into its parts (each packed, `lexicon::packed`), checking
/// its first line, its lengths and each part (unpacked once, to check it).
fn parse(bytes: &'static [u8]) -> Result<Parts, String> {
    let bad = |what: &str| format!("not a storydiff language pack: {what}");
    let end = bytes
        .windows(2)
        .position(|w| w == b"\n\n")
        .ok_or_else(|| bad("no end of its header"))?;
    let head = std::str::from_utf8(&bytes[..end]).map_err(|_| bad("its header is not UTF-8"))?;
    let mut lines = head.lines();
    if lines.next() != Some(MAGIC) {
        return Err(bad(&format!("its first line is not {MAGIC:?}")));
    }
    let mut at = end + 2;
    let mut parts = Vec::new();
    for line in lines {
        let (name, len) = line
            .split_once('\t')
            .ok_or_else(|| bad("a header line without a tab"))?;
        let len: usize = len
            .parse()
            .map_err(|_| bad("a part length is not a number"))?;
        let packed = bytes
            .get(at..at + len)
            .ok_or_else(|| bad("it is cut short"))?;
        let lines = super::packed::unpack(packed).ok_or_else(|| bad("a part is not packed"))?;
        std::str::from_utf8(&lines).map_err(|_| bad("a part is not UTF-8"))?;
        parts.push((name, packed));
        at += len;
    }
    if at != bytes.len() {
        return Err(bad("bytes after its last part"));
    }
    Ok(parts)
}

/// Loads the pack from its bytes (the file `scripts/build` writes beside the
/// wasm, `storydiff-languages.pack`). Loading it again changes nothing.
pub fn load(bytes: Vec<u8>) -> Result<(), String> {
    if PACK.get().is_some() {
        return Ok(());
    }
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    let parts = parse(bytes)?;
    let _ = PACK.set(parts);
    Ok(())
}

/// Whether the pack is there (always, unless built with `language-pack`).
pub fn is_loaded() -> bool {
    #[cfg(not(feature = "language-pack"))]
    let _ = parts();
    PACK.get().is_some()
}

/// Whether a lookup since the last call needed the pack while it was not
/// loaded, so that its answer may differ from the full lists'; clears it.
pub fn take_needed() -> bool {
    NEEDED.swap(false, Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_build_rs_writes() {
        let parts = parts().expect("compiled in");
        let names: Vec<&str> = parts.iter().map(|(n, _)| *n).collect();
        assert!(
            names.contains(&"places.tsv") && names.contains(&"wordfreq-fr"),
            "{names:?}"
        );
        let places = super::super::packed::unpack(part("places.tsv").unwrap()).unwrap();
        let places = std::str::from_utf8(&places).unwrap();
        assert!(
            places.lines().any(|l| l.starts_with("Алматы\t")),
            "{places:.200}"
        );
        assert!(places.lines().all(super::super::script::in_other_script));
        assert_eq!(part("no such list"), Some(&b""[..]));
        assert!(!take_needed());
    }

    #[test]
    fn refuses_what_is_not_a_pack() {
        for bad in [
            &b""[..],
            b"hello\n\n",
            b"storydiff-language-pack 3\nx\t5\n\nab",
            b"storydiff-language-pack 3\nx\t2\n\nabc",
            b"storydiff-language-pack 3\nx\t2\n\nab",
            b"storydiff-language-pack 1\n\n",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        let ok = parse(b"storydiff-language-pack 3\nx\t8\ny\t0\n\n1\nv\n\x00ab\n").unwrap();
        assert_eq!(ok, vec![("x", &b"1\nv\n\x00ab\n"[..]), ("y", &b""[..])]);
    }
}
