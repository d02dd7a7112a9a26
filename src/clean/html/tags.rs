//! Sets of HTML tag names the parser and the extraction share, read from
//! `data/words/html/` (sorted lists, looked up by binary search).

use crate::lexicon::lists::html;

/// Elements with no content and no end tag (`br`, `img`, ...).
pub(super) fn is_void(name: &str) -> bool {
    html::VOID_ELEMENTS.binary_search(&name).is_ok()
}

/// Elements whose content is raw text up to their end tag (`script`, ...).
pub(super) fn is_raw_text(name: &str) -> bool {
    html::RAW_TEXT_ELEMENTS.binary_search(&name).is_ok()
}

/// Elements whose start tag closes an open `p`.
pub(super) fn closes_paragraph(name: &str) -> bool {
    html::CLOSES_PARAGRAPH.binary_search(&name).is_ok()
}

/// Elements that make paragraph breaks.
pub(super) fn is_block(name: &str) -> bool {
    html::BLOCK_ELEMENTS.binary_search(&name).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
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
