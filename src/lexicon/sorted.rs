//! [`SortedLines`]: a compiled-in list, one entry a line, `key` or
//! `key<TAB>value`, sorted by key (byte order) with one line per key. Its
//! first lookups are binary searches over the lines; once a list has been
//! searched about as many times as it has lines, a hash index is built and
//! answers the rest. A short text (the page's examples, a first call) never
//! pays for indexing the large lists, and a long run does not pay for the
//! searches (a binary search on every lookup took a seventh of the wasm's
//! analysis time). Both give the same answers (`check_search`). The search
//! runs over a table of the lines' starts, each with its key's first four
//! bytes as a number, so that most of its steps compare two numbers, not two
//! words.
//!
//! build.rs stores the core's lists packed (`lexicon::packed`: the keys
//! front-coded, the values in a column of their own), which the page's
//! transfer compression (gzip, brotli) packs a sixth smaller than the plain
//! lines. A list is unpacked into its plain lines the first time it is read,
//! once (about 0.5 MB for all of them), with its table (8 bytes a line).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use super::packed::unpack_lines;
use super::LengthEnds;

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
    /// Inlined into its callers: most keys asked of a list are in none of
    /// its lines (the capitalized words of a text asked of the demonyms),
    /// and once the list is indexed its [`LengthEnds`] filter turns most of
    /// them away without a call or a hash.
    #[inline]
    fn entry(&self, key: &str) -> Option<(&'static [u8], &'static [u8])> {
        match self.index.get() {
            Some((filter, _)) if !filter.may_contain(key) => None,
            Some((_, index)) => look_up(index, key),
            None => self.search_or_index(key),
        }
    }
}

/// A list's hash index, with the filter of its keys' lengths and end bytes
/// in front: the demonyms set a tenth of the filter's bits, the places (22,000
/// names of many shapes) four fifths, which turn few words away.
type Index = (LengthEnds, Map<&'static [u8], &'static [u8]>);

/// The index of the lines of `text`.
fn index_of(text: &'static [u8]) -> Index {
    let mut filter = LengthEnds::default();
    let index = lines(text)
        .map(split)
        .inspect(|&(key, _)| filter.insert(key))
        .collect();
    (filter, index)
}

/// The key and value of `key` in `index`.
#[inline(never)]
fn look_up(
    index: &Map<&'static [u8], &'static [u8]>,
    key: &str,
) -> Option<(&'static [u8], &'static [u8])> {
    index.get_key_value(key.as_bytes()).map(|(&k, &v)| (k, v))
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
    table: OnceLock<Table>,
    /// The lookups answered by binary search so far, before the index.
    searches: AtomicUsize,
    index: OnceLock<Index>,
}

impl SortedLines {
    /// A list of plain sorted lines.
    pub(crate) const fn new(text: &'static [u8]) -> SortedLines {
        SortedLines {
            source: text,
            packed: false,
            table: OnceLock::new(),
            searches: AtomicUsize::new(0),
            index: OnceLock::new(),
        }
    }

    /// A list as build.rs packs it (see `lexicon::packed`); empty bytes, an empty list.
    pub(crate) const fn packed(bytes: &'static [u8]) -> SortedLines {
        SortedLines {
            source: bytes,
            packed: true,
            table: OnceLock::new(),
            searches: AtomicUsize::new(0),
            index: OnceLock::new(),
        }
    }

    /// [`Lines::entry`] before the list is indexed: a binary search, or,
    /// once the list has been searched about as many times as it has lines
    /// (one in `BYTES_PER_LINE` bytes), the index made and asked.
    #[inline(never)]
    fn search_or_index(&self, key: &str) -> Option<(&'static [u8], &'static [u8])> {
        let table = self.table();
        let text = table.text;
        if self.searches.fetch_add(1, Ordering::Relaxed) < text.len() / BYTES_PER_LINE {
            return table.search(key.as_bytes());
        }
        let (_, index) = self.index.get_or_init(|| index_of(text));
        look_up(index, key)
    }

    /// The plain sorted lines.
    #[cfg(test)]
    fn text(&self) -> &'static [u8] {
        self.table().text
    }

    /// The plain sorted lines and their table, made on first use.
    fn table(&self) -> &Table {
        self.table.get_or_init(|| {
            if !self.packed {
                return Table::of_lines(self.source, line_starts(self.source));
            }
            let (text, starts) = unpack_lines(self.source).expect("build.rs writes a packed list");
            Table::of_lines(Box::leak(text.into_boxed_slice()), starts)
        })
    }

    /// Checks that the lines are sorted with one per key, and that the binary
    /// search finds each one as a scan does, and not one absent key after
    /// each: the number of lines.
    #[cfg(test)]
    pub(crate) fn check_search(&self) -> usize {
        let text = self.text();
        let all: Vec<_> = lines(text).map(split).collect();
        assert!(all.windows(2).all(|w| w[0].0 < w[1].0), "not sorted");
        let table = self.table();
        assert_eq!(table.heads.len(), all.len());
        for &(k, v) in &all {
            assert_eq!(table.search(k), Some((k, v)));
            let mut after = k.to_vec();
            after.push(b' ');
            if all
                .binary_search_by(|(k2, _)| (*k2).cmp(&after[..]))
                .is_err()
            {
                assert_eq!(table.search(&after), None);
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

/// A list's plain lines and, in their order, where each starts and the first
/// bytes of its key: what the binary search reads.
struct Table {
    text: &'static [u8],
    heads: Box<[Head]>,
}

/// A line of a [`Table`].
#[derive(Clone, Copy, Debug)]
struct Head {
    /// [`key_prefix`] of the line's key.
    prefix: u32,
    start: u32,
}

impl Table {
    /// The table of `text`, whose lines start at `starts`.
    fn of_lines(text: &'static [u8], starts: Vec<u32>) -> Table {
        let heads = starts.into_iter().map(|start| Head {
            prefix: key_prefix(prefix_at(text, start)),
            start,
        });
        Table {
            text,
            heads: heads.collect(),
        }
    }

    /// The line of `key`, by binary search: the prefixes order the lines as
    /// their keys do, so only lines with the key's own prefix are compared
    /// word to word.
    fn search(&self, key: &[u8]) -> Option<(&'static [u8], &'static [u8])> {
        let prefix = key_prefix(key);
        let at = self
            .heads
            .binary_search_by(|head| {
                head.prefix
                    .cmp(&prefix)
                    .then_with(|| key_at(self.text, head.start).cmp(key))
            })
            .ok()?;
        let line = &self.text[self.heads[at].start as usize..];
        let end = line.iter().position(|&b| b == b'\n').unwrap_or(line.len());
        Some(split(&line[..end]))
    }
}

/// The first four bytes of `key` as a big-endian number, zeros after a
/// shorter key: of two keys, the one with the smaller prefix is the smaller
/// (in byte order), and keys with the same prefix may be either.
fn key_prefix(key: &[u8]) -> u32 {
    let first = key.iter().take(4).enumerate();
    first.fold(0, |prefix, (i, &b)| prefix | u32::from(b) << (24 - 8 * i))
}

/// The bytes of the key of the line that starts at `start` that
/// [`key_prefix`] reads, found without reading the rest of the line.
fn prefix_at(text: &'static [u8], start: u32) -> &'static [u8] {
    let line = &text[start as usize..];
    let first = &line[..line.len().min(4)];
    let end = first
        .iter()
        .position(|&b| b == b'\t' || b == b'\n')
        .unwrap_or(first.len());
    &first[..end]
}

/// The key of the line that starts at `start`.
fn key_at(text: &'static [u8], start: u32) -> &'static [u8] {
    let line = &text[start as usize..];
    let end = line
        .iter()
        .position(|&b| b == b'\t' || b == b'\n')
        .unwrap_or(line.len());
    &line[..end]
}

/// Where each line of `text` that is not empty starts (as [`lines`] reads them).
fn line_starts(text: &[u8]) -> Vec<u32> {
    let mut starts = Vec::new();
    let mut start = 0;
    for line in text.split(|&b| b == b'\n') {
        if !line.is_empty() {
            starts.push(u32::try_from(start).expect("a list under 4 GB"));
        }
        start += line.len() + 1;
    }
    starts
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

/// The line of `key` in `text`, by a scan of the lines: what the binary
/// search must answer.
#[cfg(test)]
fn search(text: &'static [u8], key: &[u8]) -> Option<(&'static [u8], &'static [u8])> {
    lines(text).map(split).find(|&(k, _)| k == key)
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
    fn prefixes_order_keys_as_bytes_do() {
        let keys: [&[u8]; 9] = [
            b"",
            b"\x00",
            b"A",
            b"A\x00",
            b"Ab",
            b"Abcd",
            b"Abcde",
            b"\xc3\xa9",
            b"\xff",
        ];
        for a in keys {
            for b in keys {
                if key_prefix(a) < key_prefix(b) {
                    assert!(a < b, "{a:?} {b:?}");
                }
            }
        }
        assert_eq!(key_prefix("été".as_bytes()), 0xc3a9_74c3);
        assert_eq!(key_prefix(b"ab"), 0x6162_0000);
        assert_eq!(prefix_at(b"ab\tc", 0), b"ab");
        assert_eq!(prefix_at(b"x\nabcdef\n", 2), b"abcd");
        assert_eq!(prefix_at(b"x\nab", 2), b"ab");
    }

    #[test]
    fn finds_the_lines_of_a_table() {
        static TEXT: &[u8] = b"\nAa\tone\n\nAbcd\nAbcde\tx\n\xc3\xa9t\xc3\xa9";
        let starts = line_starts(TEXT);
        assert_eq!(starts, [1, 9, 14, 22]);
        let table = Table::of_lines(TEXT, starts);
        assert_eq!(table.search(b"Aa"), Some((&b"Aa"[..], &b"one"[..])));
        assert_eq!(table.search(b"Abcd"), Some((&b"Abcd"[..], &b""[..])));
        assert_eq!(table.search(b"Abcde"), Some((&b"Abcde"[..], &b"x"[..])));
        assert_eq!(
            table.search("été".as_bytes()).map(|l| l.0),
            Some("été".as_bytes())
        );
        for absent in ["", "A", "Abc", "Abcdf", "Abcd\t", "Aa\tone", "ét"] {
            assert_eq!(table.search(absent.as_bytes()), None, "{absent:?}");
        }
        assert!(Table::of_lines(b"", line_starts(b"")).search(b"").is_none());
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
