//! The title from the first body line, with a section label split off its
//! front ("International Riots in Kazakhstan: Moscow acts").

use super::{Field, Metadata};
use crate::lexicon::lists::metadata::{SECTIONS, SECTION_COMPOUNDS};
use crate::text::{MappedText, Span};

/// Where a section label ends in a title, and where the title after it begins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct SectionSplit {
    label_end: usize,
    title_start: usize,
}

/// Splits a section label off the front of a title ("International" in
/// "International Riots in Kazakhstan"), trying the labels in order; a label
/// that begins a name ("World Bank") stays.
fn split_section(title: &str) -> Option<SectionSplit> {
    for s in SECTIONS {
        let Some(rest) = title.strip_prefix(s) else {
            continue;
        };
        let sep = rest.len()
            - rest
                .trim_start_matches([' ', '\u{a0}', '\t', '|', ':', '-', '–', '—', '»', '›', '/'])
                .len();
        let rest = &rest[sep..];
        if sep == 0
            || !rest.starts_with(|c: char| c.is_uppercase())
            || rest.split_whitespace().count() < 3
        {
            continue;
        }
        let next = rest.split_whitespace().next().unwrap_or("");
        let pair = format!("{} {}", s, next).to_lowercase();
        if SECTION_COMPOUNDS.iter().any(|c| pair.starts_with(c)) {
            continue;
        }
        return Some(SectionSplit {
            label_end: s.len(),
            title_start: s.len() + sep,
        });
    }
    None
}

/// The title from the first non-empty body line, unless it reads as a
/// paragraph; a section label before it goes to `meta.section`.
pub(super) fn title_from_body(body: &MappedText, meta: &mut Metadata) {
    let text = body.as_str();
    let Some(line) = text.lines().find(|l| !l.trim().is_empty()) else {
        return;
    };
    let line_start = line.as_ptr() as usize - text.as_ptr() as usize;
    let trimmed = line.trim();
    let start = line_start + (line.len() - line.trim_start().len());
    let words = trimmed.split_whitespace().count();
    if words > 30 || (words > 15 && trimmed.ends_with('.')) {
        return;
    }
    let (value_start, section) = match split_section(trimmed) {
        Some(SectionSplit {
            label_end,
            title_start,
        }) => {
            let label = Span::new(start, start + label_end);
            (
                start + title_start,
                Some(Field::at(&trimmed[..label_end], body.to_source(label))),
            )
        }
        None => (start, None),
    };
    let span = Span::new(value_start, start + trimmed.len());
    meta.title = Some(Field::at(span.of(text), body.to_source(span)));
    meta.section = section;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections() {
        let cases = [
            (
                "International Riots in Kazakhstan: Moscow acts",
                Some("International"),
            ),
            ("World Bank raises its growth forecast", None),
            ("World | Protests spread across the country", Some("World")),
            ("Politics", None),
            ("International students return to campus", None),
        ];
        for (t, want) in cases {
            assert_eq!(split_section(t).map(|s| &t[..s.label_end]), want, "{t}");
        }
    }
}
