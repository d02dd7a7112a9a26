//! Word boundaries (Unicode UAX #29, as `unicode-segmentation` splits them)
//! with a fast path for the text most news is written in: ASCII, Latin
//! letters with accents, curly quotes, dashes, the ellipsis and guillemets. There the few word-break
//! classes those characters have are read directly instead of through the
//! Unicode tables; the first other character sends the whole text to
//! `unicode-segmentation`, from its start. Both give the same pieces (a test
//! compares them on every short string over the fast path's classes).

use super::ascii::is_ascii_space;
use unicode_segmentation::{UWordBoundIndices, UnicodeSegmentation};

/// The word-break class of a character on the fast path.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    // The three classes of a word's body come first, so that telling them
    // from the rest is one comparison.
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
    /// Not a class: the first byte of a character of more than one byte,
    /// which [`class_at`] decodes.
    Wide,
}

/// Whether a character of class `c` continues a word: a letter, a digit or `_`.
#[inline(always)]
fn in_word(c: Class) -> bool {
    matches!(c, Class::Letter | Class::Digit | Class::ExtendNumLet)
}

/// The class of each byte as a character of its own: every ASCII byte, and
/// [`Class::Wide`] for the others.
static BYTE_CLASS: [Class; 256] = {
    let mut t = [Class::Wide; 256];
    let mut b = 0;
    while b < 0x80 {
        t[b] = match b as u8 {
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
        b += 1;
    }
    t
};

/// The class and length of the character at byte `i` of `s`, or `None` when
/// it is not on the fast path. Asked of nearly every piece of a text: always
/// inlined, so that an ASCII byte costs no call.
#[inline(always)]
fn class_at(s: &[u8], i: usize) -> Option<(Class, usize)> {
    let b = s[i];
    let class = BYTE_CLASS[usize::from(b)];
    if class != Class::Wide {
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

/// What the first character of a piece tells of the whole piece, so that
/// the tokenizer need not read most pieces again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lead {
    /// A letter: the piece is a word.
    Letter,
    /// A mark that is a piece of its own: neither white space, nor a letter,
    /// nor a digit.
    Mark,
    /// A digit or `_` (a number, or a word such as "3rd"), or a piece of a
    /// text off the fast path: only its characters tell.
    Unknown,
}

/// A piece of text between two word boundaries: its bytes `start..end` and
/// what its first character tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Piece {
    pub start: usize,
    pub end: usize,
    pub lead: Lead,
}

/// What [`word_pieces`] gives: a piece, or word that the pieces start over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    Piece(Piece),
    /// The text has a character off the fast path: the pieces given so far
    /// are void, and every piece is given again from the Unicode tables.
    /// Comes at most once, before the first piece of the text read that way.
    StartOver,
}

/// The pieces of `s` between word boundaries but those of white space, in
/// order: those of `s.split_word_bound_indices()` that are not all white
/// space. The text is read on the fast path until a character off it shows,
/// which is rare in news text: reading it all beforehand to choose would
/// cost a second pass over every text.
pub(crate) fn word_pieces(s: &str) -> WordPieces<'_> {
    WordPieces::Fast { s, at: 0 }
}

/// The iterator of [`word_pieces`].
pub(crate) enum WordPieces<'a> {
    /// Every character so far is on the fast path; `at` is where the next
    /// piece starts.
    Fast { s: &'a str, at: usize },
    /// The Unicode tables.
    Unicode(UWordBoundIndices<'a>),
}

impl Iterator for WordPieces<'_> {
    type Item = Step;

    fn next(&mut self) -> Option<Step> {
        match self {
            WordPieces::Unicode(it) => {
                it.find(|(_, w)| !w.chars().all(char::is_whitespace))
                    .map(|(start, w)| {
                        Step::Piece(Piece {
                            start,
                            end: start + w.len(),
                            lead: Lead::Unknown,
                        })
                    })
            }
            WordPieces::Fast { s, at } => {
                let b = s.as_bytes();
                // White space on the fast path is ASCII, and no character
                // there joins it to the next piece (as a combining mark
                // would): it is passed over without reading its pieces.
                let mut start = *at;
                while start < b.len() && is_ascii_space(b[start]) {
                    start += 1;
                }
                if start >= b.len() {
                    *at = start;
                    return None;
                }
                let Some((end, lead)) = piece_end(b, start) else {
                    *self = WordPieces::Unicode(s.split_word_bound_indices());
                    return Some(Step::StartOver);
                };
                *at = end;
                Some(Step::Piece(Piece { start, end, lead }))
            }
        }
    }
}

/// The end of the piece starting at byte `start`, which is not white space,
/// and what its first character tells; `None` when that character is off
/// the fast path. Every character of a text is read here or by
/// [`word_end`], which ends a word before a character off the fast path:
/// the next piece starts with it, and finds it.
fn piece_end(b: &[u8], start: usize) -> Option<(usize, Lead)> {
    use Class::*;
    let (first, n) = class_at(b, start)?;
    let i = start + n;
    match first {
        Letter | Digit | ExtendNumLet => {
            let lead = if first == Letter {
                Lead::Letter
            } else {
                Lead::Unknown
            };
            Some((word_end(b, i), lead))
        }
        // A middle mark that no word holds, and any other character, is a
        // piece of its own.
        MidLetter | MidNumLet | MidNum | Other | Wide => Some((i, Lead::Mark)),
        CarriageReturn | LineFeed | Newline | Space => unreachable!("white space is passed over"),
    }
}

/// The end of the word whose first character (a letter, a digit or `_`)
/// ends at byte `i`: letters, digits and `_` join one another, and a middle
/// mark joins two letters ("U.S", "can't") or two digits ("3.5", "2,000").
/// Always inlined into its one caller: a word is read in a few dozen
/// instructions, to which a call would add a fifth.
#[inline(always)]
fn word_end(b: &[u8], mut i: usize) -> usize {
    use Class::*;
    loop {
        // ASCII letters, digits and `_`, most of a word's bytes: one table
        // read each.
        while i < b.len() && in_word(BYTE_CLASS[usize::from(b[i])]) {
            i += 1;
        }
        if i == b.len() {
            return i;
        }
        // A character off the fast path ends the word here; the next piece
        // starts with it and finds it off the path.
        let Some((cur, n)) = class_at(b, i) else {
            return i;
        };
        match cur {
            // A letter with an accent.
            Letter => i += n,
            MidLetter | MidNumLet | MidNum => {
                // The character before is the word's: an ASCII byte, or the
                // last byte of a letter with an accent.
                let prev = match BYTE_CLASS[usize::from(b[i - 1])] {
                    Wide => Letter,
                    ascii => ascii,
                };
                let joins = matches!(
                    (prev, cur),
                    (Letter, MidLetter | MidNumLet) | (Digit, MidNum | MidNumLet)
                );
                match (joins && i + n < b.len()).then(|| class_at(b, i + n)) {
                    Some(Some((next, m))) if next == prev => i += n + m,
                    _ => return i,
                }
            }
            _ => return i,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pieces of `s`, as a reader of [`word_pieces`] keeps them: each
    /// [`Step::StartOver`] voids those before it.
    fn pieces_of(s: &str) -> Vec<Piece> {
        let mut pieces = Vec::new();
        for step in word_pieces(s) {
            match step {
                Step::Piece(p) => pieces.push(p),
                Step::StartOver => pieces.clear(),
            }
        }
        pieces
    }

    /// Whether reading `s` starts over from the Unicode tables.
    fn starts_over(s: &str) -> bool {
        word_pieces(s).any(|step| step == Step::StartOver)
    }

    /// The pieces of `s` are those of `unicode-segmentation` but the white
    /// space, and what each one's lead says of it holds.
    fn both(s: &str) {
        let pieces = pieces_of(s);
        let fast: Vec<(usize, &str)> = pieces
            .iter()
            .map(|p| (p.start, &s[p.start..p.end]))
            .collect();
        let unicode: Vec<(usize, &str)> = s
            .split_word_bound_indices()
            .filter(|(_, w)| !w.chars().all(char::is_whitespace))
            .collect();
        assert_eq!(fast, unicode, "{s:?}");
        for p in pieces {
            let w = &s[p.start..p.end];
            let first = w.chars().next().expect("no empty piece");
            let holds = match p.lead {
                Lead::Letter => first.is_alphabetic(),
                Lead::Mark => {
                    w.chars().count() == 1
                        && !first.is_whitespace()
                        && !first.is_alphabetic()
                        && !first.is_ascii_digit()
                }
                Lead::Unknown => true,
            };
            assert!(holds, "{w:?} in {s:?} led by {:?}", p.lead);
        }
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
        assert!(starts_over("Ελλάδα") && starts_over("2×3") && starts_over("ab:λ"));
        assert!(!starts_over("Café") && !starts_over("“It’s”"));
    }
}
