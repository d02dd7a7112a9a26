//! [`Needles`]: several fixed strings looked for in one pass over a text,
//! instead of one `find` per string.
//!
//! ```
//! use storydiff::text::Needles;
//! static MARKS: Needles = Needles::new(&["photo:", "getty images", "afp"]);
//! let line = "photo: afp / getty images";
//! assert_eq!(MARKS.last_start(line), Some(13));
//! assert!(MARKS.any_in("via afp") && !MARKS.any_in("a photo"));
//! ```

use crate::lexicon::lists::Words;
use std::sync::OnceLock;

/// For each first byte, the strings starting with it: their index in the list and their bytes.
type ByFirstByte = Vec<Vec<(usize, &'static [u8])>>;

/// What the strings starting with a byte need of the next one.
#[derive(Clone, Copy, PartialEq)]
enum First {
    /// No string starts with the byte.
    None,
    /// Only longer strings do: their second byte must follow.
    Pair,
    /// The byte is a string of its own.
    Single,
}

/// The strings by their first bytes, so that most places of a text are
/// passed over after one table read, the others after two.
struct Index {
    by_first_byte: ByFirstByte,
    /// What each first byte needs.
    first: [First; 256],
    /// A bit for each pair of first two bytes of the longer strings.
    pairs: Box<[u64; 1024]>,
    /// Whether an empty string is among them: it occurs everywhere.
    has_empty: bool,
}

impl Index {
    /// Whether some string may start with the byte `a`, followed by `next`
    /// (if any): its first byte, and its second, are there.
    #[inline]
    fn may_start(&self, a: u8, next: Option<&u8>) -> bool {
        let a = usize::from(a);
        match self.first[a] {
            First::None => false,
            First::Single => true,
            First::Pair => next.is_some_and(|&b| {
                let pair = a << 8 | usize::from(b);
                self.pairs[pair >> 6] & (1 << (pair & 63)) != 0
            }),
        }
    }

    /// The first place from `from` on where some string may start. The
    /// bytes are read by a slice's iterator: no index into `hay` to check.
    #[inline]
    fn next_start(&self, hay: &[u8], from: usize) -> Option<usize> {
        let rest = hay.get(from..)?;
        let at = rest
            .iter()
            .enumerate()
            .position(|(j, &a)| self.may_start(a, rest.get(j + 1)))?;
        Some(from + at)
    }

    /// The last place before `end` where some string may start.
    #[inline]
    fn last_start_before(&self, hay: &[u8], end: usize) -> Option<usize> {
        hay[..end]
            .iter()
            .enumerate()
            .rposition(|(i, &a)| self.may_start(a, hay.get(i + 1)))
    }

    /// Whether a string starts at byte `i` of `hay`, where one may. The
    /// table reads are made in the caller's loop; the comparisons, seldom
    /// reached, are not.
    #[inline(never)]
    fn compare_at(&self, hay: &[u8], i: usize) -> bool {
        self.by_first_byte[usize::from(hay[i])]
            .iter()
            .any(|(_, s)| hay[i..].starts_with(s))
    }
}

/// The strings of [`Needles`]: a slice, or a compiled-in list read on first use.
enum Strings {
    Slice(&'static [&'static str]),
    Words(&'static Words),
}

/// A list of strings, with the ones starting with each byte indexed on first
/// use: a search reads the text once and compares only where a string could start.
pub struct Needles {
    strings: Strings,
    index: OnceLock<Index>,
}

impl Needles {
    /// The strings to look for.
    pub const fn new(strings: &'static [&'static str]) -> Needles {
        Needles {
            strings: Strings::Slice(strings),
            index: OnceLock::new(),
        }
    }

    /// The words of a compiled-in list to look for.
    pub const fn of_words(list: &'static Words) -> Needles {
        Needles {
            strings: Strings::Words(list),
            index: OnceLock::new(),
        }
    }

    fn strings(&self) -> &'static [&'static str] {
        match self.strings {
            Strings::Slice(strings) => strings,
            Strings::Words(list) => list.words(),
        }
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| {
            let mut by_first_byte = vec![Vec::new(); 256];
            let mut first = [First::None; 256];
            let mut pairs = Box::new([0u64; 1024]);
            let mut has_empty = false;
            for (k, s) in self.strings().iter().enumerate() {
                if s.is_empty() {
                    has_empty = true;
                    continue;
                }
                let b = s.as_bytes();
                by_first_byte[usize::from(b[0])].push((k, b));
                let a = usize::from(b[0]);
                match b.get(1) {
                    None => first[a] = First::Single,
                    Some(&c) => {
                        if first[a] == First::None {
                            first[a] = First::Pair;
                        }
                        let pair = a << 8 | usize::from(c);
                        pairs[pair >> 6] |= 1 << (pair & 63);
                    }
                }
            }
            Index {
                by_first_byte,
                first,
                pairs,
                has_empty,
            }
        })
    }

    /// Every place where one of the (non-empty) strings starts in `hay`, as
    /// `(byte offset, index of the string)`, by offset, and at one offset in
    /// the order of the list; overlapping ones included.
    pub fn starts<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = (usize, usize)> + 'h {
        let index = self.index();
        let hay = hay.as_bytes();
        // The strings starting with the byte at `at`, still to compare
        // there, and where the search for the next start resumes.
        let (mut at, mut from) = (0, 0);
        let mut here = [].iter();
        std::iter::from_fn(move || loop {
            if let Some(&(k, _)) = here.find(|&&(_, s)| hay[at..].starts_with(s)) {
                return Some((at, k));
            }
            at = index.next_start(hay, from)?;
            from = at + 1;
            here = index.by_first_byte[usize::from(hay[at])].iter();
        })
    }

    /// The last byte offset at which one of the strings starts in `hay`: the
    /// largest of their `rfind`s.
    pub fn last_start(&self, hay: &str) -> Option<usize> {
        let index = self.index();
        if index.has_empty {
            return Some(hay.len());
        }
        let hay = hay.as_bytes();
        let mut end = hay.len();
        while let Some(at) = index.last_start_before(hay, end) {
            if index.compare_at(hay, at) {
                return Some(at);
            }
            end = at;
        }
        None
    }

    /// Whether one of the strings occurs in `hay`.
    pub fn any_in(&self, hay: &str) -> bool {
        let index = self.index();
        if index.has_empty {
            return true;
        }
        let hay = hay.as_bytes();
        let mut from = 0;
        while let Some(at) = index.next_start(hay, from) {
            if index.compare_at(hay, at) {
                return true;
            }
            from = at + 1;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_as_one_search_per_string() {
        static LIST: &[&str] = &[
            "/ flickr",
            "foto:",
            "фото:",
            "cc by",
            "cc-by",
            "a",
            "ab",
            "xy",
            "z",
            "zq",
        ];
        static NEEDLES: Needles = Needles::new(LIST);
        for hay in [
            "",
            "photo / flickr",
            "фото: ТАСС",
            "cc by-sa 2.0, cc-by",
            "xyz",
            "b a ab",
            "ééé",
            "x",
            "axy zq zz",
            "yx z",
        ] {
            let last = LIST.iter().filter_map(|s| hay.rfind(s)).max();
            assert_eq!(NEEDLES.last_start(hay), last, "{hay}");
            let any = LIST.iter().any(|s| hay.contains(s));
            assert_eq!(NEEDLES.any_in(hay), any, "{hay}");
            let mut all: Vec<(usize, usize)> = (0..hay.len())
                .flat_map(|i| {
                    LIST.iter()
                        .enumerate()
                        .filter(move |(_, s)| hay.as_bytes()[i..].starts_with(s.as_bytes()))
                        .map(move |(k, _)| (i, k))
                })
                .collect();
            crate::text::sort::all(&mut all);
            assert_eq!(NEEDLES.starts(hay).collect::<Vec<_>>(), all, "{hay}");
        }
    }
}
