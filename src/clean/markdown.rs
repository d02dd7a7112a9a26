//! Inline markup of text pastes: Markdown links, autolinks, emphasis,
//! headings, and HTML character references.
//!
//! Links (`[text](url)`) keep their text and autolinks (`<https://...>`) their
//! address in both plain text and Markdown, since pasted text carries them
//! either way; images (`![alt](src)`) are dropped. In Markdown, heading,
//! quote and list markers, emphasis markers, code ticks, rules and reference
//! definitions are dropped too. Every drop is a removal with reason
//! [`Reason::Markup`] (or [`Reason::Image`]).
//!
//! ```
//! use storydiff::clean::strip_markup;
//! let (text, _) = strip_markup("By [AFP](#) <https://x.org/a>", false);
//! assert_eq!(text.as_str(), "By AFP https://x.org/a");
//! ```

use super::entities::entity_at;
use super::Reason;
use crate::text::{MappedText, Span};

/// Strips inline markup; `markdown` turns on the Markdown-only rules.
/// Returns the text mapped onto `input`, and the dropped spans with reasons.
pub fn strip_markup(input: &str, markdown: bool) -> (MappedText, Vec<(Span, Reason)>) {
    let mut b = MappedText::builder();
    let mut removed: Vec<(Span, Reason)> = Vec::new();
    let bytes = input.as_bytes();
    let mut copy_from = 0;
    let mut i = 0;
    let mut line_start = true;
    let flush = |b: &mut crate::text::MappedTextBuilder, from: usize, to: usize| {
        if from < to {
            b.copy(input, from..to);
        }
    };
    while i < input.len() {
        let c = bytes[i];
        if line_start && markdown {
            line_start = false;
            let line_end = input[i..].find('\n').map_or(input.len(), |n| i + n);
            let line = &input[i..line_end];
            let t = line.trim_start();
            let lead = line.len() - t.len();
            // Rules and reference definitions: the whole line.
            let rule = t.len() >= 3
                && t.trim_end()
                    .chars()
                    .all(|c| matches!(c, '-' | '*' | '_' | ' '))
                && t.chars().filter(|c| !c.is_whitespace()).count() >= 3;
            let refdef = t.starts_with('[') && t.contains("]:") && !t.contains("](");
            if rule || refdef {
                flush(&mut b, copy_from, i);
                removed.push((
                    Span::new(i + lead, i + lead + t.trim_end().len()),
                    Reason::Markup,
                ));
                i = line_end;
                copy_from = i;
                continue;
            }
            // Heading, quote and list markers.
            let marker = t
                .find(|c: char| c != '#')
                .filter(|&n| n > 0 && n <= 6 && t[n..].starts_with(' '))
                .map(|n| n + 1)
                .or_else(|| {
                    ["> ", "- ", "* ", "+ "]
                        .iter()
                        .find(|m| t.starts_with(*m))
                        .map(|m| m.len())
                });
            if let Some(n) = marker {
                flush(&mut b, copy_from, i + lead);
                removed.push((Span::new(i + lead, i + lead + n), Reason::Markup));
                i += lead + n;
                copy_from = i;
                continue;
            }
        }
        match c {
            b'\n' => {
                line_start = true;
                i += 1;
            }
            b'!' if input[i + 1..].starts_with('[') => {
                if let Some((_, _, end)) = link_at(input, i + 1) {
                    flush(&mut b, copy_from, i);
                    removed.push((Span::new(i, end), Reason::Image));
                    i = end;
                    copy_from = i;
                } else {
                    i += 1;
                }
            }
            b'[' => {
                if let Some((ts, te, end)) = link_at(input, i) {
                    flush(&mut b, copy_from, i);
                    removed.push((Span::new(i, ts), Reason::Markup));
                    b.copy(input, ts..te);
                    removed.push((Span::new(te, end), Reason::Markup));
                    i = end;
                    copy_from = i;
                } else {
                    i += 1;
                }
            }
            b'<' => {
                let rest = &input[i + 1..];
                let close = rest.find('>');
                let is_auto = (rest.starts_with("http://") || rest.starts_with("https://"))
                    && close.is_some_and(|n| !rest[..n].contains(char::is_whitespace));
                if let (true, Some(n)) = (is_auto, close) {
                    flush(&mut b, copy_from, i);
                    removed.push((Span::new(i, i + 1), Reason::Markup));
                    b.copy(input, i + 1..i + 1 + n);
                    removed.push((Span::new(i + 1 + n, i + 2 + n), Reason::Markup));
                    i += n + 2;
                    copy_from = i;
                } else {
                    i += 1;
                }
            }
            b'&' => {
                if let Some((value, len)) = entity_at(input, i) {
                    flush(&mut b, copy_from, i);
                    b.replace(&value, i..i + len);
                    i += len;
                    copy_from = i;
                } else {
                    i += 1;
                }
            }
            b'*' | b'_' | b'`' if markdown => {
                let run = input[i..].bytes().take_while(|&x| x == c).count();
                let before = input[..i].chars().next_back();
                let after = input[i + run..].chars().next();
                let word = |ch: Option<char>| {
                    ch.is_some_and(|ch| ch.is_alphanumeric() || ".,;:!?\"'’”)".contains(ch))
                };
                let space = |ch: Option<char>| {
                    ch.is_none_or(|ch| ch.is_whitespace() || "([“\"'‘".contains(ch))
                };
                // Opening (space before, word after) or closing (word before, space after).
                let opens = space(before) && after.is_some_and(|a| !a.is_whitespace());
                let closes =
                    word(before) && (space(after) || after.is_some_and(|a| ".,;:!?)".contains(a)));
                let intraword = c == b'_' && word(before) && word(after);
                if (opens || closes || c == b'`') && !intraword && run <= 3 {
                    flush(&mut b, copy_from, i);
                    removed.push((Span::new(i, i + run), Reason::Markup));
                    copy_from = i + run;
                }
                i += run;
            }
            _ => i += input[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    flush(&mut b, copy_from, input.len());
    (b.finish_for(input.len()), removed)
}

/// A link `[text](target)` starting at `at`: the text's range and the end.
fn link_at(input: &str, at: usize) -> Option<(usize, usize, usize)> {
    let rest = &input[at..];
    let mut depth = 0usize;
    let mut close = None;
    for (n, ch) in rest.char_indices() {
        match ch {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(n);
                    break;
                }
            }
            '\n' if rest[..n].ends_with('\n') => return None,
            _ => {}
        }
        if n > 500 {
            return None;
        }
    }
    let close = close?;
    let target = rest[close + 1..].strip_prefix('(')?;
    let end = target.find(')')?;
    if target[..end].contains('\n') || end > 2000 {
        return None;
    }
    let text_start = at + 1;
    let text_end = at + close;
    Some((text_start, text_end, at + close + 2 + end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases: &[(&str, bool, &str, &str)] = &[
            ("link", false, "By [AFP](#)", "By AFP"),
            (
                "credit link",
                false,
                "Square. [mibuchat / Flickr](#)",
                "Square. mibuchat / Flickr",
            ),
            (
                "autolink",
                false,
                "<https://example.com/a-1>",
                "https://example.com/a-1",
            ),
            ("image", true, "![a photo](x.jpg) Text", " Text"),
            (
                "emphasis",
                true,
                "a **bold** and _it_ word",
                "a bold and it word",
            ),
            (
                "heading",
                true,
                "## Heading\n> quote\n- item",
                "Heading\nquote\nitem",
            ),
            ("snake case kept", true, "a_b_c", "a_b_c"),
            (
                "star kept",
                true,
                "Required fields are marked *",
                "Required fields are marked *",
            ),
            ("rule", true, "a\n\n---\n\nb", "a\n\n\n\nb"),
            ("plain keeps stars", false, "a *b* c", "a *b* c"),
            ("entity", false, "AT&amp;T", "AT&T"),
            ("html tag kept", false, "a <b> c", "a <b> c"),
        ];
        for (name, md, input, want) in cases {
            let (got, removed) = strip_markup(input, *md);
            assert_eq!(got.as_str(), *want, "{name}");
            for (s, _) in removed {
                assert!(s.end <= input.len(), "{name}");
            }
        }
    }
}
