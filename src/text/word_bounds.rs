//! Word boundaries (Unicode UAX #29, as `unicode-segmentation` splits them)
//! with a fast path for the text most news is written in: ASCII, Latin
//! letters with accents, curly quotes, dashes, the ellipsis and guillemets. There the few word-break
//! classes those characters have are read directly instead of through the
//! Unicode tables; any other character sends the whole text to
//! `unicode-segmentation`. Both give the same pieces (a test compares them
//! on every short string over the fast path's classes).

use unicode_segmentation::{UWordBoundIndices, UnicodeSegmentation};

/// The word-break class of a character on the fast path.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// `A-Z`, `a-z`, and U+00C0 to U+024F but `×` and `÷`.
    Letter,
    /// `0-9`.
    Digit,
    /// `_`.
    ExtendNumLet,
    /// `:`.
    MidLetter,
    /// `.`, `'`, `‘`, `’`: between letters or between digits.
    MidNumLet,
    /// `,`, `;`: between digits.
    MidNum,
    CarriageReturn,
    LineFeed,
    /// Vertical tab and form feed.
    Newline,
    /// The space.
    Space,
    /// Anything else on the fast path: its own piece.
    Other,
}

/// The class and length of the character at byte `i` of `s`, or `None` when
/// it is not on the fast path. Asked of nearly every byte of a text: always
/// inlined, so that an ASCII byte costs no call.
#[inline(always)]
fn class_at(s: &[u8], i: usize) -> Option<(Class, usize)> {
    let b = s[i];
    if b < 0x80 {
        let class = match b {
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b'0'..=b'9' => Class::Digit,
            b'_' => Class::ExtendNumLet,
            b':' => Class::MidLetter,
            b'.' | b'\'' => Class::MidNumLet,
            b',' | b';' => Class::MidNum,
            b'\r' => Class::CarriageReturn,
            b'\n' => Class::LineFeed,
            0x0b | 0x0c => Class::Newline,
            b' ' => Class::Space,
            _ => Class::Other,
        };
        return Some((class, 1));
    }
    match (b, s.get(i + 1..(i + 3).min(s.len()))?) {
        // « »
        (0xc2, [0xab | 0xbb, ..]) => Some((Class::Other, 2)),
        // × ÷: the only characters of U+00C0 to U+00FF that are not letters.
        (0xc3, [0x97 | 0xb7, ..]) => None,
        // Latin letters with accents, U+00C0 to U+024F ("é", "ü", "ć", "ș"):
        // the names of news from much of the world, each a letter to UAX #29.
        (0xc3..=0xc9, [0x80..=0xbf, ..]) => Some((Class::Letter, 2)),
        // ‘ ’
        (0xe2, [0x80, 0x98 | 0x99]) => Some((Class::MidNumLet, 3)),
        // – — “ ” …
        (0xe2, [0x80, 0x93 | 0x94 | 0x9c | 0x9d | 0xa6]) => Some((Class::Other, 3)),
        _ => None,
    }
}

/// Whether every character of `s` is on the fast path.
fn all_fast(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    loop {
        // ASCII, all of it on the fast path, is passed over eight bytes at a time.
        i = super::ascii::past_ascii_chunks(b, i);
        if i >= b.len() {
            break;
        }
        if b[i] < 0x80 {
            i += 1;
            continue;
        }
        match class_at(b, i) {
            Some((_, n)) => i += n,
            None => return false,
        }
    }
    true
}

/// The pieces of `s` between word boundaries, each with its byte offset: what
/// `s.split_word_bound_indices()` gives.
pub(crate) fn word_bound_indices(s: &str) -> WordBounds<'_> {
    if all_fast(s) {
        WordBounds::Fast { s, at: 0 }
    } else {
        WordBounds::Unicode(s.split_word_bound_indices())
    }
}

/// The iterator of [`word_bound_indices`].
pub(crate) enum WordBounds<'a> {
    /// Every character is on the fast path; `at` is where the next piece starts.
    Fast { s: &'a str, at: usize },
    /// The Unicode tables.
    Unicode(UWordBoundIndices<'a>),
}

impl<'a> Iterator for WordBounds<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        match self {
            WordBounds::Unicode(it) => it.next(),
            WordBounds::Fast { s, at } => {
                let start = *at;
                if start >= s.len() {
                    return None;
                }
                let end = piece_end(s.as_bytes(), start);
                *at = end;
                Some((start, &s[start..end]))
            }
        }
    }
}

/// The end of the piece starting at byte `start` (every character on the fast path).
fn piece_end(b: &[u8], start: usize) -> usize {
    use Class::*;
    let class = |i: usize| class_at(b, i).expect("checked by all_fast");
    let (mut prev, n) = class(start);
    let mut i = start + n;
    match prev {
        // CR LF is one piece; a line break is a piece of its own.
        CarriageReturn => return if b.get(i) == Some(&b'\n') { i + 1 } else { i },
        LineFeed | Newline | Other => return i,
        _ => {}
    }
    while i < b.len() {
        if matches!(prev, Letter | Digit | ExtendNumLet) {
            // The rest of a word, most of a text's bytes: letters, digits and
            // `_` join one another, so only the last one's class is read.
            let run = b[i..]
                .iter()
                .take_while(|&&c| c.is_ascii_alphanumeric() || c == b'_')
                .count();
            if run > 0 {
                i += run;
                prev = class(i - 1).0;
                if i == b.len() {
                    break;
                }
            }
        }
        let (cur, n) = class(i);
        let joined = match (prev, cur) {
            (Space, Space) => true,
            (Letter | Digit | ExtendNumLet, Letter | Digit | ExtendNumLet) => true,
            // "U.S", "can't", "3.5", "2,000": a middle mark between letters or digits.
            (Letter, MidLetter | MidNumLet) | (Digit, MidNum | MidNumLet) => {
                let after = (i + n < b.len()).then(|| class(i + n));
                match after {
                    Some((next, m)) if next == prev => {
                        i += n + m;
                        continue;
                    }
                    _ => false,
                }
            }
            _ => false,
        };
        if !joined {
            break;
        }
        prev = cur;
        i += n;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(s: &str) {
        let fast: Vec<(usize, &str)> = word_bound_indices(s).collect();
        let unicode: Vec<(usize, &str)> = s.split_word_bound_indices().collect();
        assert_eq!(fast, unicode, "{s:?}");
    }

    #[test]
    fn every_short_string_splits_as_unicode_segmentation() {
        let alphabet = [
            "a", "Z", "1", "_", ":", ".", "'", "‘", "’", ",", ";", "\r", "\n", "\u{b}", " ", "\t",
            "\"", "-", "“", "—", "…", "«", "é", "ć",
        ];
        let n = alphabet.len();
        for len in 1..=4u32 {
            for k in 0..n.pow(len) {
                let mut s = String::new();
                let mut k = k;
                for _ in 0..len {
                    s.push_str(alphabet[k % n]);
                    k /= n;
                }
                both(&s);
            }
        }
    }

    #[test]
    fn every_accented_latin_letter_splits_as_unicode_segmentation() {
        for c in '\u{c0}'..='\u{24f}' {
            for s in [
                format!("{c}"),
                format!("a{c}1 {c}"),
                format!("{c}.{c}:{c}'s {c}_x"),
                format!("1{c}2,3 -{c}- “{c}”"),
            ] {
                both(&s);
            }
        }
    }

    #[test]
    fn sentences_split_as_unicode_segmentation() {
        for s in [
            "The U.S. sent 2,000 troops at 2:00 to Kassym-Jomart's anti-war rally.",
            "“We won’t go,” he said — twice… «Non»; e_mail: 3.5%.\r\nNext\u{c}line",
            "Café Zürich, 1.200 Menschen",
            "Ελλάδα, 1.200 άνθρωποι", // not on the fast path
            "",
        ] {
            both(s);
        }
        assert!(matches!(
            word_bound_indices("Ελλάδα"),
            WordBounds::Unicode(_)
        ));
        assert!(matches!(word_bound_indices("2×3"), WordBounds::Unicode(_)));
        assert!(matches!(
            word_bound_indices("Café"),
            WordBounds::Fast { .. }
        ));
        assert!(matches!(
            word_bound_indices("“It’s”"),
            WordBounds::Fast { .. }
        ));
    }
}
