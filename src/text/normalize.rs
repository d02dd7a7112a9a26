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

use super::MappedText;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Normalizes `input` into the analysis text, with its offset map.
pub fn normalize(input: &str) -> MappedText {
    let mut b = MappedText::builder();
    let bytes = input.as_bytes();
    let mut copy_from = 0; // start of the pending verbatim run
    let mut i = 0;
    // Whether the output currently ends in a space / how many newlines it ends in.
    let flush = |b: &mut super::MappedTextBuilder, from: usize, to: usize| {
        if from < to {
            b.copy(input, from..to);
        }
    };
    while i < input.len() {
        let c = input[i..].chars().next().unwrap_or('\0');
        let n = c.len_utf8();
        // ASCII letters, digits and most punctuation pass through untouched.
        // (unless a combining mark follows, which NFC may fold into it).
        if bytes[i] < 0x80
            && !matches!(bytes[i], b' ' | b'\t' | b'\r' | b'\n' | 0x0B | 0x0C)
            && bytes.get(i + 1).is_none_or(|&b| b < 0x80)
        {
            i += 1;
            continue;
        }
        // White space: a run of it becomes one space, or one/two newlines.
        if is_space(c) {
            let start = i;
            let mut newlines = 0;
            let mut j = i;
            while j < input.len() {
                let d = input[j..].chars().next().unwrap_or('\0');
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
            let at_start = b.as_str().is_empty() && copy_from == 0 && start == 0;
            let replacement = if newlines >= 2 {
                "\n\n"
            } else if newlines == 1 {
                "\n"
            } else {
                " "
            };
            let verbatim = &input[start..j] == replacement;
            if verbatim {
                i = j;
                continue;
            }
            flush(&mut b, copy_from, start);
            if !at_start && j < input.len() {
                b.replace(replacement, start..j);
            }
            copy_from = j;
            i = j;
            continue;
        }
        if is_invisible(c) {
            flush(&mut b, copy_from, i);
            i += n;
            copy_from = i;
            continue;
        }
        let replacement: Option<&str> = match c {
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{FF02}' => {
                Some("\"")
            }
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{FF07}' => {
                Some("'")
            }
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' | '\u{FE63}'
            | '\u{FF0D}' => Some("-"),
            '\u{2014}' | '\u{2015}' => {
                let spaced_before =
                    b.as_str().ends_with(' ') || input[..i].ends_with(char::is_whitespace);
                let spaced_after = input[i + n..].starts_with(char::is_whitespace);
                Some(match (spaced_before, spaced_after) {
                    (true, true) => "-",
                    (true, false) => "- ",
                    (false, true) => " -",
                    (false, false) => " - ",
                })
            }
            _ => None,
        };
        if let Some(r) = replacement {
            flush(&mut b, copy_from, i);
            b.replace(r, i..i + n);
            i += n;
            copy_from = i;
            continue;
        }
        // NFC: a base character and its combining marks, composed when that changes them.
        let mut j = i + n;
        while j < input.len() {
            let d = input[j..].chars().next().unwrap_or('\0');
            if !is_combining_mark(d) {
                break;
            }
            j += d.len_utf8();
        }
        if j > i + n || is_combining_mark(c) {
            let cluster = &input[i..j];
            let composed: String = cluster.nfc().collect();
            if composed != cluster {
                flush(&mut b, copy_from, i);
                b.replace(&composed, i..j);
                copy_from = j;
            }
        }
        i = j;
    }
    // Trailing white space is dropped (it was skipped above when at the end).
    flush(&mut b, copy_from, input.len());
    b.finish_for(input.len())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

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
