//! Sets of HTML tag names the parser and the extraction share, read from
//! `data/words/html/` through indexes built once (they are asked about
//! every element).

use crate::lexicon::{lists::html, WordIndex};

type Tags = WordIndex<&'static str>;

static VOID: Tags = WordIndex::of_words(html::VOID_ELEMENTS);
static RAW_TEXT: Tags = WordIndex::of_words(html::RAW_TEXT_ELEMENTS);
static CLOSES_PARAGRAPH: Tags = WordIndex::of_words(html::CLOSES_PARAGRAPH);
static BLOCK: Tags = WordIndex::of_words(html::BLOCK_ELEMENTS);

/// Elements with no content and no end tag (`br`, `img`, ...).
pub(super) fn is_void(name: &str) -> bool {
    VOID.contains(name)
}

/// Elements whose content is raw text up to their end tag (`script`, ...).
pub(super) fn is_raw_text(name: &str) -> bool {
    RAW_TEXT.contains(name)
}

/// Elements whose start tag closes an open `p`.
pub(super) fn closes_paragraph(name: &str) -> bool {
    CLOSES_PARAGRAPH.contains(name)
}

/// Elements that make paragraph breaks.
pub(super) fn is_block(name: &str) -> bool {
    BLOCK.contains(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_and_unique() {
        for list in [
            html::VOID_ELEMENTS,
            html::RAW_TEXT_ELEMENTS,
            html::CLOSES_PARAGRAPH,
            html::BLOCK_ELEMENTS,
            html::ARTICLE_CLASS_WORDS,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn sets() {
        assert!(is_void("br") && is_void("amp-img") && !is_void("p"));
        assert!(is_raw_text("script") && !is_raw_text("div"));
        assert!(closes_paragraph("li") && !closes_paragraph("span"));
        assert!(is_block("td") && is_block("html") && !is_block("a"));
    }
}
