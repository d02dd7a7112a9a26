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

use std::sync::OnceLock;

/// For each first byte, the strings starting with it: their index in the list and their bytes.
type ByFirstByte = Vec<Vec<(usize, &'static [u8])>>;

/// A list of strings, with the ones starting with each byte indexed on first
/// use: a search reads the text once and compares only where a string could start.
pub struct Needles {
    strings: &'static [&'static str],
    by_first_byte: OnceLock<ByFirstByte>,
}

impl Needles {
    /// The strings to look for.
    pub const fn new(strings: &'static [&'static str]) -> Needles {
        Needles {
            strings,
            by_first_byte: OnceLock::new(),
        }
    }

    fn table(&self) -> &[Vec<(usize, &'static [u8])>] {
        self.by_first_byte.get_or_init(|| {
            let mut table = vec![Vec::new(); 256];
            for (k, s) in self
                .strings
                .iter()
                .enumerate()
                .filter(|(_, s)| !s.is_empty())
            {
                table[usize::from(s.as_bytes()[0])].push((k, s.as_bytes()));
            }
            table
        })
    }

    fn starts_at(table: &[Vec<(usize, &'static [u8])>], hay: &[u8], i: usize) -> bool {
        table[usize::from(hay[i])]
            .iter()
            .any(|(_, s)| hay[i..].starts_with(s))
    }

    /// Every place where one of the (non-empty) strings starts in `hay`, as
    /// `(byte offset, index of the string)`, by offset, and at one offset in
    /// the order of the list; overlapping ones included.
    pub fn starts<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = (usize, usize)> + 'h {
        let table = self.table();
        let hay = hay.as_bytes();
        (0..hay.len()).flat_map(move |i| {
            table[usize::from(hay[i])]
                .iter()
                .filter(move |(_, s)| hay[i..].starts_with(s))
                .map(move |&(k, _)| (i, k))
        })
    }

    /// The last byte offset at which one of the strings starts in `hay`: the
    /// largest of their `rfind`s.
    pub fn last_start(&self, hay: &str) -> Option<usize> {
        if self.strings.iter().any(|s| s.is_empty()) {
            return Some(hay.len());
        }
        let table = self.table();
        let hay = hay.as_bytes();
        (0..hay.len())
            .rev()
            .find(|&i| Self::starts_at(table, hay, i))
    }

    /// Whether one of the strings occurs in `hay`.
    pub fn any_in(&self, hay: &str) -> bool {
        if self.strings.iter().any(|s| s.is_empty()) {
            return true;
        }
        let table = self.table();
        let hay = hay.as_bytes();
        (0..hay.len()).any(|i| Self::starts_at(table, hay, i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_as_one_search_per_string() {
        static LIST: &[&str] = &["/ flickr", "foto:", "фото:", "cc by", "cc-by", "a", "ab"];
        static NEEDLES: Needles = Needles::new(LIST);
        for hay in [
            "",
            "photo / flickr",
            "фото: ТАСС",
            "cc by-sa 2.0, cc-by",
            "xyz",
            "b a ab",
            "ééé",
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
