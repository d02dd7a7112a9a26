//! [`SortedLines`]: a compiled-in list, one entry a line, `key` or
//! `key<TAB>value`, sorted by key (byte order) with one line per key. Its
//! first lookups are binary searches over the lines; once a list has been
//! searched about as many times as it has lines, a hash index is built and
//! answers the rest. A short text (the page's examples, a first call) never
//! pays for indexing the large lists, and a long run does not pay for the
//! searches (a binary search on every lookup took a seventh of the wasm's
//! analysis time). Both give the same answers (`check_search`).
//!
//! build.rs stores the core's lists packed (`lexicon::packed`: the keys
//! front-coded, the values in a column of their own), which the page's
//! transfer compression (gzip, brotli) packs a sixth smaller than the plain
//! lines. A list is unpacked into its plain lines the first time it is read,
//! once (about 0.5 MB for all of them).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use super::packed::unpack;

use super::Map;

/// Lookups in a list of `key[<TAB>value]` lines: each list gives its entries,
/// the rest follows from them.
pub(crate) trait Lines {
    /// The list's own copy of `key` and its value, if it is listed.
    fn entry(&self, key: &str) -> Option<(&'static [u8], &'static [u8])>;

    /// The value of `key` (empty for a line without one), if it is listed.
    fn get(&self, key: &str) -> Option<&'static [u8]> {
        self.entry(key).map(|(_, v)| v)
    }

    /// The value of `key` as text.
    fn get_str(&self, key: &str) -> Option<&'static str> {
        self.get(key).map(utf8)
    }

    /// Whether `key` is listed.
    fn contains(&self, key: &str) -> bool {
        self.entry(key).is_some()
    }
}

fn utf8(bytes: &'static [u8]) -> &'static str {
    std::str::from_utf8(bytes).expect("build.rs writes UTF-8")
}

impl Lines for SortedLines {
    fn entry(&self, key: &str) -> Option<(&'static [u8], &'static [u8])> {
        let index = match self.index.get() {
            Some(index) => index,
            None => {
                let text = self.text();
                // About one line in `BYTES_PER_LINE` bytes: searched as many
                // times as it has lines, the list is worth its index.
                if self.searches.fetch_add(1, Ordering::Relaxed) < text.len() / BYTES_PER_LINE {
                    return search(text, key.as_bytes());
                }
                self.index.get_or_init(|| lines(text).map(split).collect())
            }
        };
        index.get_key_value(key.as_bytes()).map(|(&k, &v)| (k, v))
    }
}

/// The bytes of a line, about, in the lists (a word, its value, a line break).
const BYTES_PER_LINE: usize = 12;

impl Lines for SplitLines {
    fn entry(&self, key: &str) -> Option<(&'static [u8], &'static [u8])> {
        self.core.entry(key).or_else(|| {
            (self.in_pack)(key)
                .then(|| self.rest()?.entry(key))
                .flatten()
        })
    }
}

/// A sorted list of `key[<TAB>value]` lines (see the module documentation).
pub(crate) struct SortedLines {
    /// The lines, or the packed list when `packed`.
    source: &'static [u8],
    packed: bool,
    unpacked: OnceLock<&'static [u8]>,
    /// The lookups answered by binary search so far, before the index.
    searches: AtomicUsize,
    index: OnceLock<Map<&'static [u8], &'static [u8]>>,
}

impl SortedLines {
    /// A list of plain sorted lines.
    pub(crate) const fn new(text: &'static [u8]) -> SortedLines {
        SortedLines {
            source: text,
            packed: false,
            unpacked: OnceLock::new(),
            searches: AtomicUsize::new(0),
            index: OnceLock::new(),
        }
    }

    /// A list as build.rs packs it (see `lexicon::packed`); empty bytes, an empty list.
    pub(crate) const fn packed(bytes: &'static [u8]) -> SortedLines {
        SortedLines {
            source: bytes,
            packed: true,
            unpacked: OnceLock::new(),
            searches: AtomicUsize::new(0),
            index: OnceLock::new(),
        }
    }

    /// The plain sorted lines.
    fn text(&self) -> &'static [u8] {
        if !self.packed {
            return self.source;
        }
        self.unpacked.get_or_init(|| {
            let text = unpack(self.source).expect("build.rs writes a packed list");
            Box::leak(text.into_boxed_slice())
        })
    }

    /// Checks that the lines are sorted with one per key, and that the binary
    /// search finds each one and one absent key
    /// after each: the number of lines.
    #[cfg(test)]
    pub(crate) fn check_search(&self) -> usize {
        let text = self.text();
        let all: Vec<_> = lines(text).map(split).collect();
        assert!(all.windows(2).all(|w| w[0].0 < w[1].0), "not sorted");
        for &(k, v) in &all {
            assert_eq!(search(text, k), Some((k, v)));
            let mut after = k.to_vec();
            after.push(b' ');
            if all
                .binary_search_by(|(k2, _)| (*k2).cmp(&after[..]))
                .is_err()
            {
                assert_eq!(search(text, &after), None);
            }
        }
        all.len()
    }
}

/// A list split in two by build.rs: the core's lines, compiled in, and the
/// language pack's part `part` (see `lexicon::pack`), which holds only keys
/// for which `in_pack` is true. The two parts share no key, so a lookup asks
/// the core and then, only for such a key, the pack.
pub(crate) struct SplitLines {
    core: SortedLines,
    part: &'static str,
    in_pack: fn(&str) -> bool,
    rest: OnceLock<SortedLines>,
}

impl SplitLines {
    pub(crate) const fn new(
        core: &'static [u8],
        part: &'static str,
        in_pack: fn(&str) -> bool,
    ) -> SplitLines {
        SplitLines {
            core: SortedLines::packed(core),
            part,
            in_pack,
            rest: OnceLock::new(),
        }
    }

    /// The pack's part, once the pack is there.
    fn rest(&self) -> Option<&SortedLines> {
        if let Some(rest) = self.rest.get() {
            return Some(rest);
        }
        let lines = super::pack::part(self.part)?;
        Some(self.rest.get_or_init(|| SortedLines::new(lines)))
    }

    /// [`SortedLines::check_search`] over both parts, which must share no
    /// key and split by `in_pack`: the number of lines.
    #[cfg(test)]
    pub(crate) fn check_search(&self) -> usize {
        let rest = self.rest().expect("the pack is compiled into tests");
        for (list, in_pack) in [(&self.core, false), (rest, true)] {
            for line in lines(list.text()) {
                let key = std::str::from_utf8(split(line).0).unwrap();
                assert_eq!((self.in_pack)(key), in_pack, "{key}");
                assert!(self.contains(key), "{key}");
            }
        }
        self.core.check_search() + rest.check_search()
    }
}

fn lines(text: &'static [u8]) -> impl Iterator<Item = &'static [u8]> {
    text.split(|&b| b == b'\n').filter(|l| !l.is_empty())
}

/// A line's key and value.
fn split(line: &'static [u8]) -> (&'static [u8], &'static [u8]) {
    match line.iter().position(|&b| b == b'\t') {
        Some(tab) => (&line[..tab], &line[tab + 1..]),
        None => (line, &[]),
    }
}

/// Binary search over the lines of `text` (sorted by key, one line per key)
/// without an offset table: each probe steps back to the start of its line.
pub(crate) fn search(text: &'static [u8], key: &[u8]) -> Option<(&'static [u8], &'static [u8])> {
    let (mut lo, mut hi) = (0, text.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = text[lo..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(lo, |i| lo + i + 1);
        let end = text[start..hi]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(hi, |i| start + i);
        let (k, value) = split(&text[start..end]);
        match key.cmp(k) {
            std::cmp::Ordering::Equal => return Some((k, value)),
            std::cmp::Ordering::Less => hi = start,
            std::cmp::Ordering::Greater => lo = end + 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_line_and_nothing_else() {
        static TEXT: &[u8] = b"Aa\tone\nAb\nB\ttwo\tthree\nBa\nZ\t\n\xc3\xa9t\xc3\xa9\tsummer\n";
        let list = SortedLines::new(TEXT);
        for line in lines(TEXT) {
            let (k, v) = split(line);
            let k = std::str::from_utf8(k).unwrap();
            assert_eq!(search(TEXT, k.as_bytes()), Some((k.as_bytes(), v)), "{k}");
            assert_eq!(list.entry(k).map(|(k, _)| k), Some(k.as_bytes()));
            assert_eq!(list.get(k), Some(v), "{k}");
        }
        assert_eq!(list.get_str("B"), Some("two\tthree"));
        for absent in ["", "A", "Ac", "Bb", "C", "a", "été ", "Zz"] {
            assert_eq!(search(TEXT, absent.as_bytes()), None, "{absent}");
            assert!(!list.contains(absent), "{absent}");
        }
    }

    /// The lookups before the index (binary searches) and after it give the
    /// same answers, and the index is built only after as many searches as
    /// the list has lines, about.
    #[test]
    fn searches_then_indexes_with_the_same_answers() {
        static TEXT: &[u8] = b"Aa\tone\nAb\nB\ttwo\tthree\nBa\nZ\t\n\xc3\xa9t\xc3\xa9\tsummer\n";
        let list = SortedLines::new(TEXT);
        let keys = [
            "Aa", "Ab", "B", "Ba", "Z", "été", "", "A", "Bb", "été ", "Zz",
        ];
        let before = TEXT.len() / BYTES_PER_LINE;
        for round in 0..3 {
            for (n, k) in keys.iter().enumerate() {
                let lookups = round * keys.len() + n;
                assert_eq!(list.index.get().is_some(), lookups > before, "{lookups}");
                assert_eq!(list.entry(k), search(TEXT, k.as_bytes()), "{k}");
            }
        }
    }

    #[test]
    fn looks_up_a_packed_list() {
        let list = SortedLines::packed(b"3\none\n\ntwo\tthree\n\x00Aa\n\x01b\n\x00B\n");
        assert_eq!(list.get_str("Aa"), Some("one"));
        assert_eq!(list.get_str("B"), Some("two\tthree"));
        assert_eq!(list.entry("Ab").map(|(k, _)| k), Some(&b"Ab"[..]));
        assert!(list.contains("Ab") && !list.contains("A") && !list.contains("Ba"));
        assert!(!SortedLines::packed(b"").contains("a"));
    }
}
