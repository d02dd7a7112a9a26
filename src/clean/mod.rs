//! Cleaning: from what the user gave to the article's main text.
//!
//! [`clean`] takes the decoded input and returns a [`Cleaned`]: the body text
//! as a [`MappedText`] over the input, and every removal with its reason. The
//! input itself is never changed; a removal the user undoes is passed back in
//! through `clean`'s `keep` list and its text returns to the body.
//!
//! | stage | module | what |
//! | --- | --- | --- |
//! | 1 | [`repair_mojibake`] | "â€™" back to "’" |
//! | 2 | [`extract_main`] (HTML) / [`strip_markup`] (Markdown, plain) | markup out, article text in, references decoded |
//! | 3 | `lines` | furniture in context, batch evidence, datelines, trailing headlines |
//! | 3 | [`should_join`] | a paragraph broken mid-sentence rejoined |
//!
//! Each stage builds a [`MappedText`] over the previous one; the maps compose,
//! so the body maps straight onto the input, and every removal is a span of
//! the input. Cleaning is idempotent: cleaning the body again (as plain text)
//! removes nothing more.
//!
//! Metadata lines are handled one way throughout: the title line stays in the
//! body (it is the article's own text, never a removal), while bylines,
//! dateline-only lines and "Original url:" lines are removed with the reasons
//! `byline`, `dateline` and `source-url`, which [`Removal::is_metadata`] tells
//! apart from furniture; metadata extraction reads them from the input.
//!
//! Removal reasons ([`Reason`]), for the page to show and the user to undo:
//!
//! | reason | what |
//! | --- | --- |
//! | `markup`, `image` | tags, Markdown markers, link targets; Markdown images |
//! | `head`, `script`, `style`, `form`, `media`, `hidden` | HTML that is never text |
//! | `navigation`, `sidebar`, `outside-article` | site furniture around the article |
//! | `related-links` | "Read also", "SEE ALSO" blocks, link lists |
//! | `share`, `share-counter`, `page-tools` | share buttons, counters ("0", "81"), "5 min read" |
//! | `photo-credit` | captions and credits ("mibuchat / Flickr / CC BY-SA 2.0") |
//! | `promo`, `cookie`, `copyright`, `tags`, `section-label` | outlet promotion, consent text, footers, labels |
//! | `comments` | "Leave a reply", comment forms and the comments after them |
//! | `source-tag` | "source site-64", "Source link -124" |
//! | `trailing-unrelated` | a headline after the story that shares little with it |
//! | `batch-repeated` | a short line found in other articles of the batch |
//! | `byline`, `dateline`, `source-url`, `credits` | facts of publication (see [`Removal::is_metadata`]) |
//!
//! ```
//! use storydiff::clean::{clean, BatchEvidence, Format};
//! let input = "A title\n\nThe story says what happened.\n\n0\n81\n\nLeave a reply";
//! let out = clean(input, Format::Plain, &BatchEvidence::default(), &[]);
//! assert_eq!(out.body.as_str(), "A title\n\nThe story says what happened.");
//! assert!(out.removed.iter().any(|r| r.reason == "share-counter"));
//! ```

mod batch;
mod boilerplate;
mod dateline;
mod entities;
mod eval;
mod html;
mod lines;
mod markdown;
mod mojibake;
mod reason;
mod repair;

pub use batch::BatchEvidence;
pub use boilerplate::{byline_name, classify, is_story_like, LineKind};
pub(crate) use dateline::lead_dateline;
pub use dateline::{parse_dateline, parse_lead_dateline, Dateline, LeadDateline};
pub use entities::decode_entities;
pub use eval::{token_scores, tokens, TokenScores};
pub use html::{extract_main, Attr, Document, Node, NodeKind};
pub(crate) use lines::LineReading;
pub use markdown::strip_markup;
pub use mojibake::repair_mojibake;
pub use reason::Reason;
pub use repair::should_join;

use crate::text::{MappedText, Span};
use serde::{Deserialize, Serialize};

/// What kind of document the input is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text: a paste or a `.txt` file.
    Plain,
    /// Markdown (`.md`, or headings written `# Title`).
    Markdown,
    /// An HTML page.
    Html,
}

impl Format {
    /// Guesses the format from a file name (if any) and the text.
    pub fn detect(name: Option<&str>, text: &str) -> Format {
        let ext = name
            .and_then(|n| n.rsplit_once('.'))
            .map(|(_, e)| e.to_ascii_lowercase());
        match ext.as_deref() {
            Some("html" | "htm" | "xhtml") => return Format::Html,
            Some("md" | "markdown") => return Format::Markdown,
            _ => {}
        }
        // The first 1024 bytes, cut back to a character boundary (a cut inside
        // a Cyrillic or CJK character used to make the head empty).
        let trimmed = text.trim_start();
        let mut cut = trimmed.len().min(1024);
        while !trimmed.is_char_boundary(cut) {
            cut -= 1;
        }
        let head = &trimmed.as_bytes()[..cut];
        // Compared without case in place: no lower-cased copy of the head.
        let opens = |tag: &[u8]| {
            head.get(..tag.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(tag))
        };
        let body_tag = memchr::memchr_iter(b'<', head).any(|i| {
            head[i + 1..]
                .get(..4)
                .is_some_and(|t| t.eq_ignore_ascii_case(b"body"))
        });
        // A '#' anywhere, found by `memchr`'s vector search (`str::contains`
        // reads a word at a time), before the lines are read for a heading.
        let markdown = || {
            memchr::memchr(b'#', text.as_bytes()).is_some()
                && text.lines().take(200).any(is_markdown_heading)
        };
        if opens(b"<!doctype html") || opens(b"<html") || body_tag {
            Format::Html
        } else if markdown() {
            Format::Markdown
        } else {
            Format::Plain
        }
    }
}

/// "# Title", "## Section": a Markdown heading line.
fn is_markdown_heading(line: &str) -> bool {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes)
        && line[hashes..].starts_with(' ')
        && line[hashes..]
            .trim()
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

/// Why a part of the input is not in the body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removal {
    /// Byte span of the input.
    pub span: Span,
    /// Why it was removed; written "related-links", "share-counter", "markup", ...
    pub reason: Reason,
}

/// The cleaned article.
#[derive(Clone, Debug, Default)]
pub struct Cleaned {
    /// The main text, mapped onto the input.
    pub body: MappedText,
    /// What was removed from the input and why, in input order.
    pub removed: Vec<Removal>,
    /// What cleaning read of the input's top lines (their spans are input
    /// spans, each of a line the cleaning read as the input writes it), for
    /// metadata extraction to use instead of reading those lines again.
    pub(crate) readings: Vec<LineReading>,
}

impl Removal {
    /// Whether the removal is a fact of publication (byline, dateline,
    /// source URL) rather than furniture or markup: not story text either way.
    pub fn is_metadata(&self) -> bool {
        self.reason.is_metadata()
    }

    /// Input order; at the same span, by the reason's name.
    fn order(&self, other: &Removal) -> std::cmp::Ordering {
        self.span
            .cmp(&other.span)
            .then_with(|| self.reason.as_str().cmp(other.reason.as_str()))
    }
}

/// What stages 1 and 2 (mojibake repair, then markup by format) made of an
/// input: the text, mapped onto the input; the removals, as spans of the
/// stage-1 text; and the stage-1 text, mapped onto the input. Gathering a
/// batch's evidence prepares every input, and cleaning that input again can
/// start from it ([`clean_prepared`]) instead of preparing it a second time.
#[derive(Clone, Debug)]
pub(crate) struct Prepared {
    /// The format the input was prepared as.
    format: Format,
    stage: MappedText,
    removed: Vec<(Span, Reason)>,
    fixed: MappedText,
}

impl Prepared {
    /// The text after stage 2, mapped onto the input.
    pub(crate) fn text(&self) -> &MappedText {
        &self.stage
    }
}

/// Stages 1 and 2 of `input`, with nothing kept.
pub(crate) fn prepare(input: &str, format: Format) -> Prepared {
    let (stage, removed, fixed) = prepare_keeping(input, format, &|_| false);
    Prepared {
        format,
        stage,
        removed,
        fixed,
    }
}

/// Stages 1 and 2: mojibake repair, then markup by format. The text maps onto
/// `input`; the removals are spans of the stage-1 text.
fn prepare_keeping(
    input: &str,
    format: Format,
    is_kept: &dyn Fn(Span) -> bool,
) -> (MappedText, Vec<(Span, Reason)>, MappedText) {
    let fixed = repair_mojibake(input);
    let kept_in_fixed = |s: Span| is_kept(fixed.to_source(s));
    let (stage, removed) = match format {
        Format::Html => extract_main(fixed.as_str(), &kept_in_fixed),
        Format::Markdown => strip_markup(fixed.as_str(), true),
        Format::Plain => strip_markup(fixed.as_str(), false),
    };
    (stage.compose(&fixed), removed, fixed)
}

/// Cleans `input`. Removals whose input span is listed in `keep` are undone.
pub fn clean(input: &str, format: Format, batch: &BatchEvidence, keep: &[Span]) -> Cleaned {
    clean_prepared(input, format, batch, keep, None)
}

/// [`clean`], starting from what [`prepare`] made of `input` when it is
/// given (and serves: the same format, nothing to keep).
pub(crate) fn clean_prepared(
    input: &str,
    format: Format,
    batch: &BatchEvidence,
    keep: &[Span],
    prepared: Option<Prepared>,
) -> Cleaned {
    let is_kept = |s: Span| !s.is_empty() && keep.iter().any(|k| k.contains(s));
    let (stage, removed2, fixed) = match prepared {
        // With nothing to keep, `is_kept` is false for every span, as in `prepare`.
        Some(p) if p.format == format && keep.is_empty() => (p.stage, p.removed, p.fixed),
        _ => prepare_keeping(input, format, &is_kept),
    };
    let mut removed: Vec<Removal> = removed2
        .into_iter()
        .map(|(s, reason)| Removal {
            span: fixed.to_source(s),
            reason,
        })
        .collect();
    let kept_in_stage = |s: Span| is_kept(stage.to_source(s));
    let (body, removed3, readings) = lines::clean_lines(stage.as_str(), batch, &kept_in_stage);
    // A reading serves the input's line only where the line is written in
    // the input as the cleaning read it (no markup or repair changed it).
    let mut near = 0;
    let readings = readings
        .into_iter()
        .filter_map(|mut r| {
            let span = stage.to_source_near(r.span, &mut near);
            (span.of(input) == r.span.of(stage.as_str())).then(|| {
                r.span = span;
                r
            })
        })
        .collect();
    removed.extend(removed3.into_iter().map(|(s, reason)| Removal {
        span: stage.to_source(s),
        reason,
    }));
    let body = body.compose(&stage);
    // Whatever else was dropped (tags, markers) is markup.
    let mut covered: Vec<Span> = removed.iter().map(|r| r.span).collect();
    crate::text::sort::all(&mut covered);
    for gap in body.dropped() {
        for part in uncovered(gap, &covered) {
            if part.of(input).chars().any(|c| !c.is_whitespace()) {
                removed.push(Removal {
                    span: trim_span(input, part),
                    reason: Reason::Markup,
                });
            }
        }
    }
    removed.retain(|r| !r.span.is_empty());
    crate::text::sort::by(&mut removed, Removal::order);
    removed.dedup();
    // Plain text and Markdown: a removed line is one removal, its link
    // brackets included. (HTML tags stay their own removals.)
    let removed = if format == Format::Html {
        removed
    } else {
        absorb_markup(removed)
    };
    Cleaned {
        body,
        removed,
        readings,
    }
}

/// Merges markup removals into a touching removal with a real reason, so a
/// removed "By [AFP](#)" line is one `byline` removal, brackets included.
fn absorb_markup(removed: Vec<Removal>) -> Vec<Removal> {
    let mut out: Vec<Removal> = Vec::with_capacity(removed.len());
    let mut markup: Vec<Removal> = Vec::new();
    for r in removed {
        if r.reason == Reason::Markup {
            markup.push(r);
        } else {
            out.push(r);
        }
    }
    let mut left = Vec::new();
    for m in markup {
        let touching = out.iter_mut().find(|r| {
            m.span.start <= r.span.end && m.span.end >= r.span.start && !r.span.is_empty()
        });
        match touching {
            Some(r) => r.span = r.span.cover(m.span),
            None => left.push(m),
        }
    }
    out.extend(left);
    crate::text::sort::by(&mut out, Removal::order);
    out
}

/// The parts of `gap` that no span of `covered` (sorted) covers.
fn uncovered(gap: Span, covered: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = gap.start;
    for c in covered.iter().filter(|c| c.overlaps(gap)) {
        if c.start > at {
            out.push(Span::new(at, c.start.min(gap.end)));
        }
        at = at.max(c.end);
    }
    if at < gap.end {
        out.push(Span::new(at, gap.end));
    }
    out
}

fn trim_span(text: &str, s: Span) -> Span {
    let t = s.of(text);
    let lead = t.len() - t.trim_start().len();
    let trimmed = t.trim();
    Span::new(s.start + lead, s.start + lead + trimmed.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_format() {
        let cases = [
            (Some("a.html"), "text", Format::Html),
            (Some("a.md"), "text", Format::Markdown),
            (None, "<!DOCTYPE html><p>x</p>", Format::Html),
            (None, "# Title\n\nText.", Format::Markdown),
            (None, "#hashtag trending\n\nText.", Format::Plain),
            (Some("a.txt"), "By [AFP](#)\n\nText.", Format::Plain),
        ];
        for (name, text, want) in cases {
            assert_eq!(Format::detect(name, text), want, "{name:?} {text:?}");
        }
    }

    #[test]
    fn removals_cover_whole_lines_with_their_links() {
        let input = "T\n\nBy [AFP](#)\n\nThe story says what happened in the city.";
        let c = clean(input, Format::Plain, &BatchEvidence::default(), &[]);
        let byline: Vec<&str> = c
            .removed
            .iter()
            .filter(|r| r.reason == Reason::Byline)
            .map(|r| r.span.of(input))
            .collect();
        assert_eq!(byline, ["By [AFP](#)"]);
        assert!(c.removed.iter().all(|r| r.is_metadata()));
    }
}
