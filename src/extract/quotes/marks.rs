//! Quote marks, paired paragraph by paragraph.
//!
//! Straight quotes (every double quote after normalization) and guillemets
//! pair up within a paragraph; marks inside a guillemet quote nest. A
//! paragraph that leaves a quote open continues it into the next one when
//! that opens with the same mark (the newspaper convention), and otherwise
//! closes it at its end.

use crate::text::Span;

/// A pair of quote marks.
#[derive(Clone, Copy, Debug)]
pub(super) struct Marks {
    /// From the opening mark to the end of the closing one.
    pub(super) span: Span,
    /// The quoted words, without the marks and the space inside them.
    pub(super) content: Span,
}

/// The kinds of quote marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MarkKind {
    /// `"..."`.
    Straight,
    /// `«...»`.
    Guillemets,
    /// `»...«`, the German and Danish way ("»Ja«, sagte sie").
    Reversed,
}

impl MarkKind {
    /// The kind of quote `c` opens, given whether a word follows it.
    fn opened_by(c: char, next_is_word: bool) -> Option<MarkKind> {
        match c {
            '"' => Some(MarkKind::Straight),
            '«' => Some(MarkKind::Guillemets),
            '»' if next_is_word => Some(MarkKind::Reversed),
            _ => None,
        }
    }
    fn opener(self) -> char {
        match self {
            MarkKind::Straight => '"',
            MarkKind::Guillemets => '«',
            MarkKind::Reversed => '»',
        }
    }
    fn closer(self) -> char {
        match self {
            MarkKind::Straight => '"',
            MarkKind::Guillemets => '»',
            MarkKind::Reversed => '«',
        }
    }
    fn is_guillemet(self) -> bool {
        self != MarkKind::Straight
    }
    /// Whether `c` opens a quote nested in a quote of this kind.
    fn nests(self, c: char, next_is_word: bool) -> bool {
        c == self.opener() && self.is_guillemet() && (self == MarkKind::Guillemets || next_is_word)
    }
}

/// Pairs quote marks paragraph by paragraph.
pub(super) fn pair_marks(text: &str, paragraphs: &[Span]) -> Vec<Marks> {
    let mut pairing = Pairing::default();
    for (pi, &p) in paragraphs.iter().enumerate() {
        pairing.read(text, p);
        let next = paragraphs.get(pi + 1).map(|n| n.of(text));
        pairing.end_paragraph(text, p, next);
    }
    let mut out = pairing.out;
    out.retain(|m| !m.content.is_empty());
    out
}

/// Marks paired so far, and the quote left open.
#[derive(Default)]
struct Pairing {
    out: Vec<Marks>,
    /// Where the open quote starts, and its kind.
    open: Option<(usize, MarkKind)>,
    /// How deep inside a guillemet quote the reading is.
    depth: usize,
    /// The quote continues from the previous paragraph: the opening mark of
    /// this one repeats it.
    skip_reopen: bool,
}

impl Pairing {
    /// Reads the marks of paragraph `p`: only `"`, `«` and `»` change the
    /// pairing, so the reading jumps from one to the next.
    fn read(&mut self, text: &str, p: Span) {
        let s = p.of(text);
        let Some(first) = s.chars().next() else {
            return;
        };
        let b = s.as_bytes();
        // The opening mark that repeats a quote continued from the paragraph before.
        let mut i = 0;
        if std::mem::take(&mut self.skip_reopen)
            && self.open.is_some_and(|(_, k)| k.opener() == first)
        {
            i = first.len_utf8();
        }
        while let Some(at) = next_mark_byte(b, i) {
            let c = match (b[at], b.get(at + 1)) {
                (b'"', _) => '"',
                (_, Some(0xab)) => '«',
                (_, Some(0xbb)) => '»',
                _ => {
                    i = at + 1;
                    continue;
                }
            };
            let end = at + c.len_utf8();
            let next_is_word = s[end..].chars().next().is_some_and(|n| !n.is_whitespace());
            self.mark(text, p.start + at, c, next_is_word);
            i = end;
        }
    }

    /// Reads character `c` at byte `at`.
    fn mark(&mut self, text: &str, at: usize, c: char, next_is_word: bool) {
        match self.open {
            None => {
                if let Some(k) = MarkKind::opened_by(c, next_is_word) {
                    self.open = Some((at, k));
                    self.depth = 1;
                }
            }
            Some((o, k)) => {
                if c == k.closer() {
                    self.depth -= 1;
                    if self.depth == 0 {
                        let end = at + c.len_utf8();
                        self.out.push(marks(text, o, end, k.is_guillemet()));
                        self.open = None;
                    }
                } else if k.nests(c, next_is_word) {
                    self.depth += 1;
                }
            }
        }
    }

    /// At the end of paragraph `p`, a quote still open continues when the
    /// `next` paragraph opens with its mark, and otherwise closes here.
    fn end_paragraph(&mut self, text: &str, p: Span, next: Option<&str>) {
        let Some((o, k)) = self.open else {
            return;
        };
        if next.is_some_and(|n| n.starts_with(k.opener())) {
            self.skip_reopen = true;
            return;
        }
        if p.end > o + 1 {
            self.out.push(marks(text, o, p.end, k.is_guillemet()));
        }
        self.open = None;
        self.depth = 0;
    }
}

/// The first byte of `b` at or after `i` that is `"` or C2, the first byte of
/// `«` (C2 AB) and `»` (C2 BB); C2 is never inside another character. Most
/// paragraphs have few marks: `memchr2` passes over the rest many bytes at a time.
fn next_mark_byte(b: &[u8], i: usize) -> Option<usize> {
    memchr::memchr2(b'"', 0xc2, b.get(i..)?).map(|j| i + j)
}

/// The index of the quote containing byte `at` (quotes are in order and do not overlap).
pub(super) fn mark_at(marks: &[Marks], at: usize) -> Option<usize> {
    let i = marks.partition_point(|m| m.span.start <= at);
    i.checked_sub(1).filter(|&j| at < marks[j].span.end)
}

/// The marks opening at `open` and ending before `end`, with the quoted
/// words inside them.
fn marks(text: &str, open: usize, end: usize, guillemets: bool) -> Marks {
    let open_len = if guillemets { '«'.len_utf8() } else { 1 };
    let inner_end = if text[..end].ends_with('"') && !guillemets {
        end - 1
    } else if guillemets && text[..end].ends_with(['»', '«']) {
        end - '»'.len_utf8()
    } else {
        end
    };
    let inner_start = (open + open_len).min(inner_end);
    let inner = &text[inner_start..inner_end];
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim();
    Marks {
        span: Span::new(open, end),
        content: Span::new(inner_start + lead, inner_start + lead + trimmed.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text;

    #[test]
    fn pairs() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("two pairs", "He said \"yes\" and \"no\".", &["yes", "no"]),
            (
                "nested guillemets",
                "«Il a dit « non » hier», a-t-il ajouté.",
                &["Il a dit « non » hier"],
            ),
            ("reversed guillemets", "»Ja«, sagte sie.", &["Ja"]),
            (
                "marks among other two-byte characters",
                "Él dijo «sí, ¡claro!» y «no».",
                &["sí, ¡claro!", "no"],
            ),
            (
                "continued with guillemets",
                "«Première partie.\n\n«Seconde», dit-il.",
                &["Première partie.\n\n«Seconde"],
            ),
            (
                "continued into the next paragraph",
                "\"First part.\n\n\"Second part,\" she said.",
                &["First part.\n\n\"Second part,"],
            ),
            (
                "closed at the paragraph's end",
                "He said \"no more.\n\nNext paragraph.",
                &["no more."],
            ),
        ];
        for (name, input, want) in cases {
            let got: Vec<&str> = pair_marks(input, &text::paragraphs(input))
                .iter()
                .map(|m| m.content.of(input))
                .collect();
            assert_eq!(&got, want, "{name}");
        }
    }

    #[test]
    fn next_mark_byte_finds_the_first_mark() {
        let naive = |b: &[u8], i: usize| (i..b.len()).find(|&k| b[k] == b'"' || b[k] == 0xc2);
        for s in [
            "",
            "\"",
            "no marks in this paragraph at all",
            "1234567\"",
            "12345678\"",
            "a «b» c \"d\" e",
            "Él dijo «sí, ¡claro!» y «no».",
            "\u{1}\u{0}\"\u{ff}\u{80}é»",
            "ééééééééé\"",
        ] {
            let b = s.as_bytes();
            for i in 0..=b.len() {
                assert_eq!(next_mark_byte(b, i), naive(b, i), "{s:?} from {i}");
            }
        }
    }

    #[test]
    fn mark_at_finds_the_enclosing_pair() {
        let input = "a \"b\" c \"d\"";
        let marks = pair_marks(input, &text::paragraphs(input));
        assert_eq!(mark_at(&marks, 3), Some(0));
        assert_eq!(mark_at(&marks, 6), None);
        assert_eq!(mark_at(&marks, 9), Some(1));
    }
}
