//! The source address of a text ("Original url:" lines) and the outlet that
//! names itself ("Stay tuned to X for", "© 2022 X").

use super::Field;
use crate::text::{is_ascii_space, lines_inclusive, Span};

/// The source address ("Original url:" lines, see [`SourceUrl`]) when
/// `want_url`, and the outlet that names itself ([`outlet_in_line`]) when
/// `want_outlet`: one pass over the lines of `input` reads both, each line
/// trimmed once, and ends when all that is wanted is found.
pub(super) fn url_and_outlet(
    input: &str,
    want_url: bool,
    want_outlet: bool,
) -> (Option<Field>, Option<Field>) {
    let (mut url, mut outlet) = (None, None);
    let mut source = SourceUrl::default();
    let mut at = 0;
    for line in lines_inclusive(input) {
        let url_open = want_url && url.is_none();
        let outlet_open = want_outlet && outlet.is_none();
        if !url_open && !outlet_open {
            break;
        }
        let start = at;
        at += line.len();
        // Most lines open with a character that is not white space: they
        // are their own start, found without decoding.
        let head = match line.as_bytes().first() {
            Some(&b) if b.is_ascii() && !is_ascii_space(b) => line,
            _ => line.trim_start(),
        };
        // Most lines are no header, follow none and name no outlet: their
        // first byte tells, before their end is trimmed.
        let header_or_outlet = head.as_bytes().first().is_some_and(|&b| may_open(b));
        // A line after a header may hold its address, whatever it opens with.
        let may_matter = header_or_outlet || url_open && source.header_seen;
        if !may_matter {
            continue;
        }
        let t = head.trim_end();
        if url_open {
            url = source.line(input, start, line, t);
        }
        if outlet_open {
            outlet = outlet_in_line(start, line, t);
        }
    }
    (url, outlet)
}

/// Whether a trimmed line whose first byte is `b` may be a source header
/// ([`SOURCE_HEADERS`]: "o", "s", "r") or an outlet's line (what
/// [`outlet_name_start`] reads: "s", "c", and "©", whose first byte is
/// 0xC2), in any ASCII case. A test holds it to both lists.
#[inline]
fn may_open(b: u8) -> bool {
    matches!(
        b,
        b'o' | b'O' | b's' | b'S' | b'r' | b'R' | b'c' | b'C' | 0xc2
    )
}

/// The address after an "Original url:" (or "Source:", "Read the original")
/// line, on it or on the next line: read a line at a time.
#[derive(Default)]
struct SourceUrl {
    /// The last line that was not blank was a header.
    header_seen: bool,
}

impl SourceUrl {
    /// The address of `line` (starting at `start` of `input`, `t` trimmed),
    /// when it is a header's or follows one.
    fn line(&mut self, input: &str, start: usize, line: &str, t: &str) -> Option<Field> {
        if t.is_empty() {
            return None;
        }
        // Every header starts with "o", "s" or "r", which only "O", "S" and "R" lower to.
        let is_header = t.starts_with(['o', 'O', 's', 'S', 'r', 'R']) && is_source_header(t);
        if is_header || self.header_seen {
            if let Some(f) = url_in(input, start, line) {
                return Some(f);
            }
        }
        self.header_seen = is_header;
        None
    }
}

/// The source address of `input` alone.
#[cfg(test)]
fn source_url(input: &str) -> Option<Field> {
    url_and_outlet(input, true, false).0
}

/// The source headers [`is_source_header`] knows, in lower case.
const SOURCE_HEADERS: [&str; 7] = [
    "original url",
    "original link",
    "original article",
    "source url",
    "originally published",
    "source:",
    "read the original",
];

/// An outlet's line that names it in a sign-off ("Stay tuned to X for ...").
const STAY_TUNED: &str = "stay tuned to ";
/// ... or in a copyright notice ("© 2022 X", "Copyright X").
const COPYRIGHT: &str = "copyright ";
/// What an outlet's line opens with ([`outlet_name_start`]), in lower case:
/// what [`may_open`] must let through.
#[cfg(test)]
const OUTLET_OPENERS: [&str; 3] = [STAY_TUNED, "©", COPYRIGHT];

/// Whether the first 24 characters of `t`, lower-cased, start with a source
/// header ("Original url", "Source:", "Read the original"). When they are
/// ASCII (most lines), each header is compared in place, ignoring ASCII case.
fn is_source_header(t: &str) -> bool {
    let head = t.as_bytes().get(..24).unwrap_or(t.as_bytes());
    if head.is_ascii() {
        return (SOURCE_HEADERS.iter()).any(|h| {
            head.get(..h.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(h.as_bytes()))
        });
    }
    let head: String = t.chars().take(24).collect();
    let lower = head.to_lowercase();
    SOURCE_HEADERS.iter().any(|h| lower.starts_with(h))
}

/// The first web address in `line` (which starts at `start` of `input`).
fn url_in(input: &str, start: usize, line: &str) -> Option<Field> {
    let at = line.find("https://").or_else(|| line.find("http://"))?;
    let end = line[at..]
        .find(|c: char| c.is_whitespace() || matches!(c, '>' | ')' | ']' | '"' | '\''))
        .map_or(line.len(), |n| at + n);
    let span = Span::new(start + at, start + end);
    Some(Field::at(span.of(input), span))
}

/// The host of an address, without "www.", as the outlet.
pub(super) fn host_of(url: &Field) -> Option<Field> {
    let v = &url.value;
    let scheme = v.find("://")? + 3;
    let end = v[scheme..]
        .find(['/', '?', '#', ':'])
        .map_or(v.len(), |n| scheme + n);
    let mut host_start = scheme;
    if v[scheme..].starts_with("www.") {
        host_start += 4;
    }
    let value = &v[host_start..end];
    if value.is_empty() {
        return None;
    }
    let span = url
        .span
        .map(|s| Span::new(s.start + host_start, s.start + end));
    Some(Field {
        value: value.to_string(),
        span,
    })
}

/// The outlet a line names itself as: "Stay tuned to X for", "© 2022 X".
/// `line` starts at `start` of the input; `t` is it trimmed.
fn outlet_in_line(start: usize, line: &str, t: &str) -> Option<Field> {
    let ns = outlet_name_start(t)?;
    let lead = line.len() - line.trim_start().len();
    let rest = &t[ns..];
    let end = [
        " for ",
        ".",
        ",",
        " - ",
        " |",
        " all rights",
        " All rights",
        "!",
    ]
    .iter()
    .filter_map(|m| rest.find(m))
    .min()
    .unwrap_or(rest.len());
    let name = rest[..end].trim();
    if name.is_empty() || name.split_whitespace().count() > 5 {
        return None;
    }
    let s = start + lead + ns + (rest.len() - rest.trim_start().len());
    Some(Field::at(name, Span::new(s, s + name.len())))
}

/// The outlet of `input` alone.
#[cfg(test)]
fn outlet_in_text(input: &str) -> Option<Field> {
    url_and_outlet(input, false, true).1
}

/// Where an outlet's name begins in a trimmed line: after "Stay tuned to ",
/// or after a copyright notice's "©", "Copyright", "(c)" and years.
fn outlet_name_start(t: &str) -> Option<usize> {
    if t.get(..STAY_TUNED.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(STAY_TUNED))
    {
        return Some(STAY_TUNED.len());
    }
    let copyright = t.starts_with('©')
        || t.get(..COPYRIGHT.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(COPYRIGHT));
    if !copyright {
        return None;
    }
    // Skip "©", "Copyright", "(c)", years and punctuation to the name.
    let mut i = 0;
    loop {
        let r = &t[i..];
        let skip = r.len() - r.trim_start_matches(|c: char| !c.is_alphabetic()).len();
        i += skip;
        let r = &t[i..];
        if r.get(..9)
            .is_some_and(|p| p.eq_ignore_ascii_case("copyright"))
        {
            i += 9;
        } else if r.starts_with(['c', 'C']) && t[..i].ends_with('(') && r[1..].starts_with(')') {
            i += 2;
        } else {
            break;
        }
    }
    (i < t.len()).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The header test reads what lower-casing the line's first 24
    /// characters reads, on ASCII lines and on others.
    #[test]
    fn source_headers() {
        let lines = [
            ("Original URL: https://example.com/a", true),
            ("SOURCE: Reuters", true),
            ("Read The Original here", true),
            ("originally published in Le Monde", true),
            ("Source", false),
            ("Sources said the talks failed.", false),
            ("Original lin\u{212a}: https://example.com/b", true),
            ("Source: Агентство", true),
            ("Ѕource: a Cyrillic first letter", false),
            ("Original urL", true),
            ("", false),
        ];
        for (line, want) in lines {
            assert_eq!(is_source_header(line), want, "{line}");
        }
        let found = source_url("Title\n\nSOURCE URL:\nhttps://example.com/c\n");
        assert_eq!(
            found.map(|f| f.value),
            Some("https://example.com/c".to_string())
        );
    }

    /// Both read in one pass are each read alone, whichever line comes first.
    #[test]
    fn one_pass_reads_as_two() {
        let mut texts = crate::extract::seed_texts();
        let lines = [
            "© 2022 Example News.",
            "Source:",
            "https://example.com/x",
            "Original URL: https://example.com/y",
            "Stay tuned to BaaghiTV for more!",
            "",
            "Plain text.",
        ];
        for a in &lines {
            for b in &lines {
                for c in &lines {
                    texts.push(format!("{a}\n{b}\n{c}\n{a}"));
                }
            }
        }
        for t in &texts {
            let apart = (source_url(t), outlet_in_text(t));
            assert_eq!(url_and_outlet(t, true, true), apart, "{t}");
            assert_eq!(url_and_outlet(t, false, false), (None, None), "{t}");
        }
    }

    /// The first-byte test lets through every line a header or an outlet's
    /// line can open, in either ASCII case.
    #[test]
    fn first_byte_test_knows_every_header_and_outlet_opener() {
        for opener in SOURCE_HEADERS.iter().chain(&OUTLET_OPENERS) {
            for case in [opener.to_string(), opener.to_ascii_uppercase()] {
                assert!(may_open(case.as_bytes()[0]), "{case:?}");
            }
        }
    }

    #[test]
    fn lines_opening_with_white_space_are_read_trimmed() {
        for lead in ["", "  ", "\t", "\u{a0}", "\u{3000}"] {
            let t = format!(
                "Plain text.\n{lead}Source:\n\n{lead}https://example.com/x\n{lead}© 2022 Example News.\n"
            );
            let (url, outlet) = url_and_outlet(&t, true, true);
            assert_eq!(
                url.map(|f| f.value).as_deref(),
                Some("https://example.com/x"),
                "{t:?}"
            );
            assert_eq!(
                outlet.map(|f| f.value).as_deref(),
                Some("Example News"),
                "{t:?}"
            );
        }
    }

    #[test]
    fn outlets() {
        let cases = [
            (
                "Stay tuned to BaaghiTV for latest news and Updates!",
                Some("BaaghiTV"),
            ),
            (
                "© 2022 Example News. All rights reserved.",
                Some("Example News"),
            ),
            (
                "Copyright 2021 Riverton Herald Media.",
                Some("Riverton Herald Media"),
            ),
            ("© Copyright 2023 Foo Bar | Terms", Some("Foo Bar")),
            ("© İstanbul Haber 2023", Some("İstanbul Haber 2023")),
            ("The copyright holder sued.", None),
        ];
        for (line, want) in cases {
            let got = outlet_in_text(line);
            assert_eq!(got.as_ref().map(|f| f.value.as_str()), want, "{line}");
            if let Some(f) = got {
                assert_eq!(f.span.unwrap().of(line), f.value);
            }
        }
    }
}
