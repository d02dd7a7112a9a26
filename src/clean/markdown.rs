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
use crate::text::{MappedText, MappedTextBuilder, Span};

/// Strips inline markup; `markdown` turns on the Markdown-only rules.
/// Returns the text mapped onto `input`, and the dropped spans with reasons.
pub fn strip_markup(input: &str, markdown: bool) -> (MappedText, Vec<(Span, Reason)>) {
    let mut s = Stripper {
        input,
        markdown,
        b: MappedText::builder(),
        removed: Vec::new(),
        copy_from: 0,
    };
    let mut stops = Stops::new(input.as_bytes());
    let mut i = 0;
    let mut line_start = true;
    while i < input.len() {
        if line_start && markdown {
            line_start = false;
            if let Some(next) = s.whole_line(i).or_else(|| s.line_marker(i)) {
                i = next;
                continue;
            }
        }
        // A run of bytes that ends no line and opens no markup is passed
        // over at once (no byte of a longer UTF-8 character is ASCII).
        let stop = stops.next_from(i);
        if stop > i {
            i = stop;
            continue;
        }
        if input.as_bytes()[i] == b'\n' {
            line_start = true;
            i += 1;
            continue;
        }
        // The rule for the markup this byte can open, if any.
        let next = match input.as_bytes()[i] {
            b'!' => s.image(i),
            b'[' => s.link(i),
            b'<' => s.autolink(i),
            b'&' => s.reference(i),
            b'*' | b'_' | b'`' => s.emphasis(i),
            _ => None,
        };
        i = next.unwrap_or_else(|| i + input[i..].chars().next().map_or(1, char::len_utf8));
    }
    s.flush(input.len());
    (s.b.finish_for(input.len()), s.removed)
}

/// Where `strip_markup` stops next: at a line break, or at a byte one of
/// its rules opens on (`!`, `[`, `<`, `&`, `*`, `_` or a backtick). The
/// eight bytes are looked for in three groups, each by `memchr`'s vector
/// search, instead of a table read per byte; a group's next place is kept
/// until the reading passes it, so each group's search reads the text once.
struct Stops<'a> {
    hay: &'a [u8],
    /// For each group, its first byte at or after where it was last looked
    /// for (`hay.len()` when there is none).
    next: [usize; 3],
}

impl<'a> Stops<'a> {
    fn new(hay: &'a [u8]) -> Stops<'a> {
        let mut stops = Stops { hay, next: [0; 3] };
        for group in 0..3 {
            stops.next[group] = stops.find(group, 0);
        }
        stops
    }

    /// The first byte of `group` at or after `from`.
    fn find(&self, group: usize, from: usize) -> usize {
        let hay = &self.hay[from..];
        let found = match group {
            0 => memchr::memchr3(b'\n', b'[', b'<', hay),
            1 => memchr::memchr3(b'!', b'&', b'*', hay),
            _ => memchr::memchr2(b'_', b'`', hay),
        };
        found.map_or(self.hay.len(), |n| from + n)
    }

    /// The first stop at or after `from`, which never goes back.
    fn next_from(&mut self, from: usize) -> usize {
        for group in 0..3 {
            if self.next[group] < from {
                self.next[group] = self.find(group, from);
            }
        }
        self.next.into_iter().min().unwrap_or(self.hay.len())
    }
}

/// The text being built and the markup dropped so far. Each rule reads the
/// markup at one offset and, when it applies, says where reading goes on.
struct Stripper<'a> {
    input: &'a str,
    markdown: bool,
    b: MappedTextBuilder,
    removed: Vec<(Span, Reason)>,
    /// Start of the input not yet copied.
    copy_from: usize,
}

impl Stripper<'_> {
    /// Copies the input up to `to` (from where copying stopped).
    fn flush(&mut self, to: usize) {
        if self.copy_from < to {
            self.b.copy(self.input, self.copy_from..to);
        }
    }

    /// Drops `span` as markup (or an image), copying the input before it.
    fn drop(&mut self, span: Span, reason: Reason) -> usize {
        self.flush(span.start);
        self.removed.push((span, reason));
        self.copy_from = span.end;
        span.end
    }

    /// Markdown rules (`---`) and reference definitions (`[1]: https://...`):
    /// the whole line at `at`.
    fn whole_line(&mut self, at: usize) -> Option<usize> {
        let input = self.input;
        let line_end = input[at..].find('\n').map_or(input.len(), |n| at + n);
        let t = input[at..line_end].trim_start();
        let lead = line_end - at - t.len();
        let rule = t.len() >= 3
            && t.trim_end()
                .chars()
                .all(|c| matches!(c, '-' | '*' | '_' | ' '))
            && t.chars().filter(|c| !c.is_whitespace()).count() >= 3;
        let refdef = t.starts_with('[') && t.contains("]:") && !t.contains("](");
        if !(rule || refdef) {
            return None;
        }
        self.flush(at);
        let start = at + lead;
        self.removed
            .push((Span::new(start, start + t.trim_end().len()), Reason::Markup));
        self.copy_from = line_end;
        Some(line_end)
    }

    /// Heading, quote and list markers at the start of the line at `at`.
    fn line_marker(&mut self, at: usize) -> Option<usize> {
        let input = self.input;
        let line = &input[at..input[at..].find('\n').map_or(input.len(), |n| at + n)];
        let t = line.trim_start();
        let lead = line.len() - t.len();
        let n = t
            .find(|c: char| c != '#')
            .filter(|&n| n > 0 && n <= 6 && t[n..].starts_with(' '))
            .map(|n| n + 1)
            .or_else(|| {
                ["> ", "- ", "* ", "+ "]
                    .iter()
                    .find(|m| t.starts_with(*m))
                    .map(|m| m.len())
            })?;
        let start = at + lead;
        Some(self.drop(Span::new(start, start + n), Reason::Markup))
    }

    /// `![alt](src)`: dropped whole.
    fn image(&mut self, at: usize) -> Option<usize> {
        if !self.input[at..].starts_with("![") {
            return None;
        }
        let link = link_at(self.input, at + 1)?;
        Some(self.drop(Span::new(at, link.end), Reason::Image))
    }

    /// `[text](target)`: the text stays, the brackets and target go.
    fn link(&mut self, at: usize) -> Option<usize> {
        if !self.input[at..].starts_with('[') {
            return None;
        }
        let link = link_at(self.input, at)?;
        self.drop(Span::new(at, link.text.start), Reason::Markup);
        // The text is copied when the next drop flushes.
        Some(self.drop(Span::new(link.text.end, link.end), Reason::Markup))
    }

    /// `<https://...>`: the address stays, the angle brackets go.
    fn autolink(&mut self, at: usize) -> Option<usize> {
        let rest = self.input[at..].strip_prefix('<')?;
        if !(rest.starts_with("http://") || rest.starts_with("https://")) {
            return None;
        }
        let close = rest.find('>')?;
        if rest[..close].contains(char::is_whitespace) {
            return None;
        }
        self.drop(Span::new(at, at + 1), Reason::Markup);
        Some(self.drop(Span::new(at + 1 + close, at + 2 + close), Reason::Markup))
    }

    /// A character reference (`&amp;`): decoded, as a replaced piece.
    fn reference(&mut self, at: usize) -> Option<usize> {
        if !self.input[at..].starts_with('&') {
            return None;
        }
        let (value, len) = entity_at(self.input, at)?;
        self.flush(at);
        self.b.replace(&value, at..at + len);
        self.copy_from = at + len;
        Some(at + len)
    }

    /// Markdown emphasis and code markers (`*`, `_`, `` ` ``, up to three in
    /// a run) that open or close a span; a run that does neither stays, and
    /// so does `_` inside a word.
    fn emphasis(&mut self, at: usize) -> Option<usize> {
        let input = self.input;
        let c = input.as_bytes()[at];
        if !(self.markdown && matches!(c, b'*' | b'_' | b'`')) {
            return None;
        }
        let run = input[at..].bytes().take_while(|&x| x == c).count();
        let before = input[..at].chars().next_back();
        let after = input[at + run..].chars().next();
        let word = |ch: Option<char>| {
            ch.is_some_and(|ch| ch.is_alphanumeric() || ".,;:!?\"'’”)".contains(ch))
        };
        let space =
            |ch: Option<char>| ch.is_none_or(|ch| ch.is_whitespace() || "([“\"'‘".contains(ch));
        // Opening (space before, word after) or closing (word before, space after).
        let opens = space(before) && after.is_some_and(|a| !a.is_whitespace());
        let closes = word(before) && (space(after) || after.is_some_and(|a| ".,;:!?)".contains(a)));
        let intraword = c == b'_' && word(before) && word(after);
        if (opens || closes || c == b'`') && !intraword && run <= 3 {
            self.drop(Span::new(at, at + run), Reason::Markup);
        }
        Some(at + run)
    }
}

/// A link `[text](target)` in the input.
struct Link {
    /// The text between the brackets.
    text: Span,
    /// Just after the closing parenthesis.
    end: usize,
}

/// The link `[text](target)` starting at `at`, if there is one.
fn link_at(input: &str, at: usize) -> Option<Link> {
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
    Some(Link {
        text: Span::new(at + 1, at + close),
        end: at + close + 2 + end + 1,
    })
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
            (
                "marks after other characters",
                true,
                "«Été» — **été** [Зима](#)\n# Ünd\n",
                "«Été» — été Зима\nÜnd\n",
            ),
            ("empty", true, "", ""),
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
