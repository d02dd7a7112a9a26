//! Normalization: one spelling for the many ways a text writes the same thing.
//!
//! [`normalize`] rewrites a text into the *analysis text* every extractor reads:
//!
//! | input | analysis text |
//! | --- | --- |
//! | decomposed accents (`e` + U+0301) | NFC (`é`) |
//! | curly and low double quotes `“ ” „ ‟` | `"` |
//! | curly single quotes and apostrophes `‘ ’ ‚ ‛` | `'` |
//! | en dash, figure dash, minus `– ‒ −` | `-` |
//! | em dash, horizontal bar `— ―` | ` - ` (spaced) |
//! | no-break and other Unicode spaces, tabs | one space |
//! | zero-width characters, soft hyphens, BOM | nothing |
//! | `\r\n`, `\r`, line and paragraph separators | `\n` |
//! | trailing spaces, three or more line breaks | trimmed, `\n\n` |
//!
//! Guillemets (`« »`) are kept: they mark quotes unambiguously. The result is a
//! [`MappedText`], so every span found in it maps back to the input exactly.

use super::ascii::is_ascii_space;
use super::{MappedText, MappedTextBuilder};
use unicode_normalization::char::is_combining_mark;

/// Normalizes `input` into the analysis text, with its offset map.
pub fn normalize(input: &str) -> MappedText {
    let mut n = Normalizer {
        input,
        b: MappedText::builder_with_capacity(input.len()),
        copy_from: 0,
    };
    let mut i = 0;
    while i < input.len() {
        let run_end = n.verbatim_run(i);
        if run_end > i {
            i = run_end;
            continue;
        }
        // The character where the run stops, decoded once for every rule.
        let c = char_at(input, i);
        i = n
            .white_space(i, c)
            .or_else(|| n.invisible(i, c))
            .or_else(|| n.quote_or_dash(i, c))
            .unwrap_or_else(|| n.nfc_cluster(i, c));
    }
    // Trailing white space is dropped (it was skipped when at the end).
    n.flush(input.len());
    n.b.finish_for(input.len())
}

/// The analysis text being built. Each rule reads the character at one
/// offset and, when it applies, says where reading goes on; what no rule
/// changes is copied verbatim, in runs.
struct Normalizer<'a> {
    input: &'a str,
    b: MappedTextBuilder,
    /// Start of the pending verbatim run.
    copy_from: usize,
}

impl Normalizer<'_> {
    /// Copies the pending verbatim run up to `to`.
    fn flush(&mut self, to: usize) {
        if self.copy_from < to {
            self.b.copy(self.input, self.copy_from..to);
        }
    }

    /// Writes `text` for `input[at..end]`.
    fn replace(&mut self, text: &str, at: usize, end: usize) {
        self.flush(at);
        self.b.replace(text, at..end);
        self.copy_from = end;
    }

    /// The end of the run from `i` that passes through untouched, read a
    /// byte at a time without decoding: ASCII letters, digits and most
    /// punctuation (unless a character that is not ASCII follows, a combining
    /// mark NFC may fold into them), and single spaces between them (most of
    /// a news text's white space, which [`Normalizer::white_space`] would
    /// leave as it is). `i` itself when the run is empty.
    fn verbatim_run(&self, i: usize) -> usize {
        let bytes = self.input.as_bytes();
        let plain = |b: u8| b < 0x80 && !is_ascii_space(b);
        let mut j = i;
        // Most of a run is passed eight bytes at a time; the chunk that holds
        // its end says which byte that is.
        while let Some(nine) = bytes.get(j..j + 9) {
            match first_not_verbatim(nine) {
                Some(k) => return j + k,
                None => j += 8,
            }
        }
        // Fewer than nine bytes left: a byte at a time.
        while let Some(&b) = bytes.get(j) {
            let verbatim = match bytes.get(j + 1) {
                None => plain(b),
                Some(&next) if plain(b) => next < 0x80,
                Some(&next) => b == b' ' && plain(next),
            };
            if !verbatim {
                break;
            }
            j += 1;
        }
        j
    }

    /// A run of white space (and invisible characters inside it) becomes one
    /// space, or one or two newlines; at the start and the end, nothing.
    /// `c` is the character at `start`, as for the rules below.
    fn white_space(&mut self, start: usize, c: char) -> Option<usize> {
        let input = self.input;
        if !is_space(c) {
            return None;
        }
        let mut newlines = 0;
        let mut j = start;
        while j < input.len() {
            let d = char_at(input, j);
            if d == '\r' {
                // \r\n counts once
                if input[j + 1..].starts_with('\n') {
                    j += 1;
                }
                newlines += 1;
            } else if matches!(
                d,
                '\n' | '\u{2028}' | '\u{2029}' | '\u{0B}' | '\u{0C}' | '\u{85}'
            ) {
                newlines += 1;
            } else if !is_space(d) && !is_invisible(d) {
                break;
            }
            j += d.len_utf8();
        }
        let at_start = self.b.as_str().is_empty() && self.copy_from == 0 && start == 0;
        let replacement = match newlines {
            0 => " ",
            1 => "\n",
            _ => "\n\n",
        };
        if &input[start..j] == replacement {
            return Some(j);
        }
        if !at_start && j < input.len() {
            self.replace(replacement, start, j);
        } else {
            self.flush(start);
            self.copy_from = j;
        }
        Some(j)
    }

    /// Zero-width characters, soft hyphens and the BOM are dropped.
    fn invisible(&mut self, i: usize, c: char) -> Option<usize> {
        if !is_invisible(c) {
            return None;
        }
        self.flush(i);
        self.copy_from = i + c.len_utf8();
        Some(self.copy_from)
    }

    /// Curly quotes become straight ones, dashes a hyphen, and an em dash a
    /// spaced hyphen.
    fn quote_or_dash(&mut self, i: usize, c: char) -> Option<usize> {
        let input = self.input;
        let n = c.len_utf8();
        let replacement = match c {
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{FF02}' => "\"",
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{FF07}' => "'",
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' | '\u{FE63}'
            | '\u{FF0D}' => "-",
            '\u{2014}' | '\u{2015}' => {
                // The text built so far: the pending run is not in it yet.
                let spaced_before =
                    self.b.as_str().ends_with(' ') || input[..i].ends_with(char::is_whitespace);
                let spaced_after = input[i + n..].starts_with(char::is_whitespace);
                match (spaced_before, spaced_after) {
                    (true, true) => "-",
                    (true, false) => "- ",
                    (false, true) => " -",
                    (false, false) => " - ",
                }
            }
            _ => return None,
        };
        self.replace(replacement, i, i + n);
        Some(i + n)
    }

    /// NFC: a base character and its combining marks, composed when that
    /// changes them.
    fn nfc_cluster(&mut self, i: usize, c: char) -> usize {
        let input = self.input;
        let n = c.len_utf8();
        let mut j = i + n;
        while j < input.len() {
            let d = char_at(input, j);
            if !is_combining_mark(d) {
                break;
            }
            j += d.len_utf8();
        }
        if j > i + n || is_combining_mark(c) {
            let cluster = &input[i..j];
            let composed = crate::lexicon::unicode::nfc(cluster);
            if composed != cluster {
                self.replace(&composed, i, j);
            }
        }
        j
    }
}

/// The character at byte offset `at` (a character boundary before the end).
fn char_at(s: &str, at: usize) -> char {
    s[at..].chars().next().unwrap_or('\0')
}

fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\n'
            | '\r'
            | '\u{0B}'
            | '\u{0C}'
            | '\u{85}'
            | '\u{A0}'
            | '\u{1680}'
            | '\u{2000}'
            ..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
    )
}

/// Which of the first eight of these nine bytes is the first that does not
/// pass through verbatim as [`Normalizer::verbatim_run`] reads them a byte
/// at a time (the ninth is the byte after the eighth): one that is not
/// ASCII or comes before one that is not, white space but for a space
/// before a byte that is not white space. `None` when all eight pass.
fn first_not_verbatim(nine: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let word = |eight: &[u8]| u64::from_le_bytes(eight.try_into().expect("eight bytes"));
    let (bytes, nexts) = (word(&nine[..8]), word(&nine[1..]));
    // Each byte's low seven bits: adding to them never carries into the
    // next byte, and a byte's high bit says how it compares. A byte that is
    // not ASCII, itself or next, ends the run whatever its low bits say.
    let (low, next_low) = (bytes & !HIGH, nexts & !HIGH);
    let controls = |w: u64| (w + 0x77 * ONES) & !(w + 0x72 * ONES) & HIGH; // \t..=\r
    let spaces = |w: u64| !((w ^ (0x20 * ONES)) + 0x7F * ONES) & HIGH;
    let ends = (bytes | nexts) & HIGH
        | controls(low)
        | (spaces(low) & (spaces(next_low) | controls(next_low)));
    (ends != 0).then(|| ends.trailing_zeros() as usize / 8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    /// The run read eight bytes at a time ends where a byte at a time it does.
    #[test]
    fn verbatim_run_by_chunks_as_by_bytes() {
        let by_bytes = |s: &str, i: usize| {
            let b = s.as_bytes();
            let plain = |c: u8| c < 0x80 && !is_ascii_space(c);
            let mut j = i;
            while let Some(&c) = b.get(j) {
                let verbatim = match b.get(j + 1) {
                    None => plain(c),
                    Some(&next) if plain(c) => next < 0x80,
                    Some(&next) => c == b' ' && plain(next),
                };
                if !verbatim {
                    break;
                }
                j += 1;
            }
            j
        };
        let pieces = [
            "a", " ", "  ", "\n", "\t", "\r", "\u{0B}", "\u{0C}", "é", "e\u{301}", ".", "\u{A0}",
            "Zz9", "\u{89}", "’",
        ];
        // Texts of twenty pieces, chosen by a small deterministic generator.
        let mut seed = 12345u32;
        for _ in 0..2000 {
            let mut s = String::new();
            for _ in 0..20 {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                s.push_str(pieces[(seed >> 16) as usize % pieces.len()]);
            }
            let n = Normalizer {
                input: &s,
                b: MappedText::builder(),
                copy_from: 0,
            };
            for i in (0..=s.len()).filter(|&i| s.is_char_boundary(i)) {
                assert_eq!(n.verbatim_run(i), by_bytes(&s, i), "{s:?} from {i}");
            }
        }
    }

    #[test]
    fn table() {
        let cases = [
            ("curly quotes", "“Hi,” she said ‘x’", "\"Hi,\" she said 'x'"),
            ("apostrophe", "Russia’s ally", "Russia's ally"),
            ("nbsp", "13\u{A0}killed", "13 killed"),
            ("space runs", "a  \t b", "a b"),
            ("crlf", "a\r\nb\r\n\r\n\r\nc", "a\nb\n\nc"),
            ("trailing spaces", "a   \nb  ", "a\nb"),
            ("leading space", "  a", "a"),
            ("en dash", "20–50", "20-50"),
            ("em dash unspaced", "rally—in", "rally - in"),
            ("em dash spaced", "rally – in", "rally - in"),
            ("nfc", "Ste\u{301}phane", "Stéphane"),
            ("zero width", "a\u{200B}b\u{AD}c", "abc"),
            ("guillemets kept", "« paix »", "« paix »"),
        ];
        for (name, input, want) in cases {
            let got = normalize(input);
            assert_eq!(got.as_str(), want, "{name}");
        }
    }

    #[test]
    fn maps_back() {
        let input = "He said “no” — twice\u{A0}today.";
        let t = normalize(input);
        let text = t.as_str();
        let at = text.find("no").unwrap();
        let span = t.to_source(Span::new(at, at + 2));
        assert_eq!(span.of(input), "no");
        let q = text.find('"').unwrap();
        assert_eq!(t.to_source(Span::new(q, q + 4)).of(input), "“no”");
        let today = text.find("today.").unwrap();
        assert_eq!(t.to_source(Span::new(today, today + 6)).of(input), "today.");
    }
}
