//! [`SortedLines`]: a compiled-in list, one entry a line, `key` or
//! `key<TAB>value`, sorted by key (byte order) with one line per key, as
//! build.rs packs it (`lexicon::packed`: the keys front-coded, the values in
//! a column of their own), which the page's transfer compression (gzip,
//! brotli) packs a sixth smaller than the plain lines. Its first lookups
//! search the packed list where it lies ([`PackedList`]); once a list has
//! been searched about as many times as it has lines, it is unpacked, and a
//! hash index of its lines answers the rest. A short text (the page's
//! examples, a first call) then pays neither for unpacking the large lists
//! nor for indexing them, and a long run does not pay for the searches (a
//! search on every lookup took a seventh of the wasm's analysis time). Both
//! give the same answers (`check_search`).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use super::packed::{unpack, Entry, PackedList};
use super::LengthEnds;

use super::Map;

/// Lookups in a list of `key[<TAB>value]` lines: each list finds its keys,
/// the rest follows from what it finds.
pub(crate) trait Lines {
    /// Where `key` is in the list, if it is listed.
    fn find(&self, key: &str) -> Option<Found<'_>>;

    /// The list's own copy of `key` and its value, if it is listed.
    fn entry(&self, key: &str) -> Option<(&'static [u8], &'static [u8])> {
        self.find(key).map(|found| found.entry(key))
    }

    /// The value of `key` (empty for a line without one), if it is listed.
    fn get(&self, key: &str) -> Option<&'static [u8]> {
        self.find(key).map(|found| found.value(key))
    }

    /// Whether `key` is listed.
    fn contains(&self, key: &str) -> bool {
        self.find(key).is_some()
    }

    /// The value of `key` as text.
    fn get_str(&self, key: &str) -> Option<&'static str> {
        self.get(key).map(utf8)
    }
}

fn utf8(bytes: &'static [u8]) -> &'static str {
    std::str::from_utf8(bytes).expect("build.rs writes UTF-8")
}

/// A key found in a [`SortedLines`].
pub(crate) enum Found<'a> {
    /// Its key and value in the index.
    Line(&'static [u8], &'static [u8]),
    /// Its entry in the packed list.
    Packed(&'a Packed, Entry),
}

impl Found<'_> {
    /// The key (`key` as asked) and the value, as `'static` as the list.
    fn entry(self, key: &str) -> (&'static [u8], &'static [u8]) {
        match self {
            Found::Line(k, v) => (k, v),
            Found::Packed(packed, entry) => packed.kept_entry(key, &entry),
        }
    }

    /// The value, as `'static` as the list: made and kept only if it names another key.
    fn value(self, key: &str) -> &'static [u8] {
        match self {
            Found::Line(_, v) => v,
            Found::Packed(_, entry) if !entry.has_references() => entry.value,
            found => found.entry(key).1,
        }
    }
}

impl Lines for SortedLines {
    /// Inlined into its callers: most keys asked of a list are in none of
    /// its lines (the capitalized words of a text asked of the demonyms),
    /// and once the list is indexed its [`LengthEnds`] filter turns most of
    /// them away without a call or a hash.
    #[inline]
    fn find(&self, key: &str) -> Option<Found<'_>> {
        match self.index.get() {
            Some((filter, _)) if !filter.may_contain(key) => None,
            Some((_, index)) => look_up(index, key).map(|(k, v)| Found::Line(k, v)),
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

impl Lines for SplitLines {
    /// The core, then, for a key the pack may hold, the pack.
    fn find(&self, key: &str) -> Option<Found<'_>> {
        let in_rest = || self.rest()?.find(key);
        self.core
            .find(key)
            .or_else(|| (self.in_pack)(key).then(in_rest).flatten())
    }
}

/// A sorted list of `key[<TAB>value]` lines, packed (see the module documentation).
pub(crate) struct SortedLines {
    packed: &'static [u8],
    /// Its blocks as build.rs laid them out (`PackedList::laid_out`), or nothing.
    layout: &'static [u8],
    /// What the lookups search before the index: made on first use.
    search: OnceLock<Packed>,
    /// The lookups answered by a search so far, before the index.
    searches: AtomicUsize,
    index: OnceLock<Index>,
}

/// A packed list, and the entries asked of it whose key or value had to be
/// made `'static` (a key is not whole in the packed list, nor a value that
/// names another key): each made once, and kept as long as the list.
pub(crate) struct Packed {
    list: PackedList,
    /// By key (a short sorted list: an article names few places).
    kept: Mutex<Vec<(&'static [u8], &'static [u8])>>,
}

impl Packed {
    /// The key and value of `entry`, whose key is `key`, the value written out.
    fn kept_entry(&self, key: &str, entry: &Entry) -> (&'static [u8], &'static [u8]) {
        let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        let at = match kept.binary_search_by(|(k, _)| (*k).cmp(key.as_bytes())) {
            Ok(at) => return kept[at],
            Err(at) => at,
        };
        let k: &'static [u8] = Box::leak(key.as_bytes().into());
        let v: &'static [u8] = match entry.has_references() {
            true => Box::leak(self.list.value(entry).into_boxed_slice()),
            false => entry.value,
        };
        kept.insert(at, (k, v));
        (k, v)
    }
}

impl SortedLines {
    /// A list as build.rs packs it (see `lexicon::packed`); empty bytes, an empty list.
    pub(crate) const fn packed(bytes: &'static [u8]) -> SortedLines {
        SortedLines::laid_out(bytes, &[])
    }

    /// A packed list and its blocks as build.rs laid them out (empty: none),
    /// which its first lookup reads instead of making them (see `lexicon::packed`).
    pub(crate) const fn laid_out(bytes: &'static [u8], layout: &'static [u8]) -> SortedLines {
        SortedLines {
            packed: bytes,
            layout,
            search: OnceLock::new(),
            searches: AtomicUsize::new(0),
            index: OnceLock::new(),
        }
    }

    /// [`Lines::find`] before the list is indexed: a search, or, once the
    /// list has been searched about as many times as it has lines, the
    /// index made and asked.
    #[inline(never)]
    fn search_or_index(&self, key: &str) -> Option<Found<'_>> {
        let search = self.search();
        if self.searches.fetch_add(1, Ordering::Relaxed) < search.list.len() {
            let entry = search.list.find(key.as_bytes())?;
            return Some(Found::Packed(search, entry));
        }
        let (_, index) = self.index.get_or_init(|| index_of(self.text()));
        look_up(index, key).map(|(k, v)| Found::Line(k, v))
    }

    /// The plain sorted lines, unpacked.
    fn text(&self) -> &'static [u8] {
        let text = unpack(self.packed).expect("build.rs writes a packed list");
        Box::leak(text.into_boxed_slice())
    }

    /// The packed list to search, made on first use.
    fn search(&self) -> &Packed {
        self.search.get_or_init(|| Packed {
            list: PackedList::laid_out(self.packed, self.layout)
                .expect("build.rs writes a packed list"),
            kept: Mutex::default(),
        })
    }

    /// Checks that the lines are sorted with one per key, and that the search
    /// finds each one as a scan does, and not one absent key after each: the
    /// number of lines.
    #[cfg(test)]
    pub(crate) fn check_search(&self) -> usize {
        let text = self.text();
        let all: Vec<_> = lines(text).map(split).collect();
        assert!(all.windows(2).all(|w| w[0].0 < w[1].0), "not sorted");
        let search = |key: &[u8]| {
            let entry = self.search().list.find(key)?;
            let key = std::str::from_utf8(key).unwrap();
            Some(Found::Packed(self.search(), entry).entry(key))
        };
        for &(k, v) in &all {
            assert_eq!(search(k), Some((k, v)));
            let mut after = k.to_vec();
            after.push(b' ');
            if all
                .binary_search_by(|(k2, _)| (*k2).cmp(&after[..]))
                .is_err()
            {
                assert_eq!(search(&after), None);
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
        core: SortedLines,
        part: &'static str,
        in_pack: fn(&str) -> bool,
    ) -> SplitLines {
        SplitLines {
            core,
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
        Some(self.rest.get_or_init(|| SortedLines::packed(lines)))
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

/// The line of `key` in `text`, by a scan of the lines: what the binary
/// search must answer.
#[cfg(test)]
fn search(text: &'static [u8], key: &[u8]) -> Option<(&'static [u8], &'static [u8])> {
    lines(text).map(split).find(|&(k, _)| k == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Aa, Ab, B, Ba, Z, été: values one, (none), two<TAB>three, (none), (none), summer.
    static PACKED: &[u8] = b"6\none\n\ntwo\tthree\n\n\nsummer\n\x00Aa\n\x01b\n\x00B\n\x01a\n\x00Z\n\x00\xc3\xa9t\xc3\xa9\n";

    #[test]
    fn finds_every_line_and_nothing_else() {
        let list = SortedLines::packed(PACKED);
        let text = list.text();
        for line in lines(text) {
            let (k, v) = split(line);
            let k = std::str::from_utf8(k).unwrap();
            assert_eq!(search(text, k.as_bytes()), Some((k.as_bytes(), v)), "{k}");
            assert_eq!(list.entry(k).map(|(k, _)| k), Some(k.as_bytes()));
            assert_eq!(list.get(k), Some(v), "{k}");
        }
        assert_eq!(list.get_str("B"), Some("two\tthree"));
        for absent in ["", "A", "Ac", "Bb", "C", "a", "été ", "Zz"] {
            assert_eq!(search(text, absent.as_bytes()), None, "{absent}");
            assert!(!list.contains(absent), "{absent}");
        }
    }

    /// The lookups before the index (searches of the packed list) and after
    /// it give the same answers, and the index is built only after as many
    /// searches as the list has lines.
    #[test]
    fn searches_then_indexes_with_the_same_answers() {
        let list = SortedLines::packed(PACKED);
        let text = list.text();
        let keys = [
            "Aa", "Ab", "B", "Ba", "Z", "été", "", "A", "Bb", "été ", "Zz",
        ];
        let before = lines(text).count();
        for round in 0..3 {
            for (n, k) in keys.iter().enumerate() {
                let lookups = round * keys.len() + n;
                assert_eq!(list.index.get().is_some(), lookups > before, "{lookups}");
                assert_eq!(list.entry(k), search(text, k.as_bytes()), "{k}");
            }
        }
    }

    /// The blocks build.rs laid out beside the core's lists are those that a
    /// pass over each list notes.
    #[test]
    fn lists_laid_out_as_a_pass_notes() {
        use super::super::{COMMON_WORDS, DEMONYMS, FIRST_NAMES, PLACES};
        for list in [&PLACES.core, &DEMONYMS, &FIRST_NAMES.core, &COMMON_WORDS] {
            assert!(!list.layout.is_empty(), "the native build lays them out");
            let laid_out = PackedList::laid_out(list.packed, list.layout);
            assert!(laid_out.is_some() && laid_out == PackedList::new(list.packed));
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
        // A value that names a key (Z, number 2), written out, the same each time.
        let list = SortedLines::packed(
            b"3\n\x01\ntwo\t\x01\n\n\x00Ab\n\x00B\n\x00Z\n\x00\x00\x02\x00\x00\x00",
        );
        assert_eq!(list.get_str("Ab"), Some("Z"));
        assert_eq!(list.get_str("B"), Some("two\tAb"));
        assert_eq!(list.entry("B"), list.entry("B"));
        assert!(std::ptr::eq(list.get("B").unwrap(), list.get("B").unwrap()));
    }
}
