//! Quote marks, paired paragraph by paragraph.

use crate::text::Span;

/// A pair of quote marks.
#[derive(Clone, Copy, Debug)]
pub(super) struct Marks {
    /// From the opening mark to the end of the closing one.
    pub(super) span: Span,
    pub(super) content: Span,
}

/// Pairs quote marks paragraph by paragraph.
pub(super) fn pair_marks(text: &str, paragraphs: &[Span]) -> Vec<Marks> {
    // The opening and closing mark of each kind: straight quotes, guillemets
    // and the reversed guillemets of German and Danish ("»Ja«, sagte sie").
    const KINDS: [(char, char); 3] = [('"', '"'), ('«', '»'), ('»', '«')];
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None; // position, kind
    let mut depth = 0usize; // nesting inside a guillemet quote
    let mut skip_reopen = false;
    for (pi, p) in paragraphs.iter().enumerate() {
        let s = p.of(text);
        for (off, c) in s.char_indices() {
            let at = p.start + off;
            if skip_reopen {
                skip_reopen = false;
                if open.is_some_and(|(_, k)| KINDS[k].0 == c) {
                    continue;
                }
            }
            let next_is_word = s[off + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(|n| !n.is_whitespace());
            match open {
                None => {
                    let kind = match c {
                        '"' => Some(0),
                        '«' => Some(1),
                        '»' if next_is_word => Some(2),
                        _ => None,
                    };
                    if let Some(k) = kind {
                        open = Some((at, k));
                        depth = 1;
                    }
                }
                Some((o, k)) => {
                    let (opener, closer) = KINDS[k];
                    if c == closer {
                        depth -= 1;
                        if depth == 0 {
                            out.push(marks(text, o, at + c.len_utf8(), k != 0));
                            open = None;
                        }
                    } else if c == opener && k != 0 && (k == 1 || next_is_word) {
                        depth += 1;
                    }
                }
            }
        }
        if let Some((o, k)) = open {
            let next_opens = paragraphs
                .get(pi + 1)
                .is_some_and(|n| n.of(text).starts_with(KINDS[k].0));
            if next_opens {
                skip_reopen = true;
            } else {
                if p.end > o + 1 {
                    out.push(marks(text, o, p.end, k != 0));
                }
                open = None;
                depth = 0;
            }
        }
    }
    out.retain(|m| !m.content.is_empty());
    out
}

/// The index of the quote containing byte `at` (quotes are in order and do not overlap).
pub(super) fn mark_at(marks: &[Marks], at: usize) -> Option<usize> {
    let i = marks.partition_point(|m| m.span.start <= at);
    i.checked_sub(1).filter(|&j| at < marks[j].span.end)
}

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
