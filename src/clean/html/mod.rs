//! HTML: main-content extraction in the class of Readability and
//! trafilatura, over a tree that keeps source offsets.
//!
//! | module | what |
//! | --- | --- |
//! | `tree` | [`Document`]: the element tree of a page; every node knows its byte range |
//! | `tags` | the tag sets the parser and the extraction share (block, void, ...) |
//! | `furniture` | step 1: elements that are not article text, with the reason |
//! | `score` | step 2: the elements that hold the article |
//! | `emit` | step 3: the article's text, mapped onto the page |
//!
//! [`extract_main`] gives the article text of a page, mapped onto the HTML,
//! with the removals. Extraction, in three steps:
//! 1. **Furniture out.** Scripts, styles, forms, `nav`, `aside`, page
//!    `header`/`footer`, figure captions, hidden elements, and elements whose
//!    class, id or role names furniture (nav, menu, comment, related, share,
//!    social, cookie, consent, newsletter, promo, ad, sidebar, ...) are
//!    removed with a reason.
//! 2. **Find the article.** Paragraph-like blocks score their ancestors
//!    (one point, one a comma, one a hundred characters up to three), weighted
//!    by tag and class hints and by link density; the best element wins, with
//!    siblings that score close to it. The page's `h1` joins it when outside.
//! 3. **Emit text.** Blocks (`p`, `h1`-`h6`, `li`, `blockquote`, ...) become
//!    paragraphs separated by "\n\n"; white space collapses; character
//!    references become replaced pieces; link-dense lists inside the article
//!    are removed as related links.
//!
//! ```
//! use storydiff::clean::extract_main;
//! let html = "<html><body><nav><a href='/'>Home</a></nav><article><h1>Title</h1>\
//!             <p>First paragraph, with enough words to count as text here.</p>\
//!             <p>Second &amp; last paragraph of the story, also long enough.</p></article></body></html>";
//! let (text, removed) = extract_main(html, &|_| false);
//! assert_eq!(text.as_str(), "Title\n\nFirst paragraph, with enough words to count as text here.\n\nSecond & last paragraph of the story, also long enough.");
//! assert!(removed.iter().any(|(span, reason)| *reason == "navigation" && span.of(html).contains("Home")));
//! ```

mod emit;
mod furniture;
mod score;
mod tags;
mod tree;

pub use tree::{Attr, Document, Node, NodeKind};

use crate::clean::Reason;
use crate::text::{MappedText, Span};
use emit::{emit, Page};
use furniture::{furniture, furniture_by_tag};
use score::{choose_content, Measures};

/// The article's text mapped onto the page, and the removals (spans of the
/// page) with their reasons.
type Extracted = (MappedText, Vec<(Span, Reason)>);

/// Extracts the main text of `html`. `is_kept` says whether the user undid a
/// removal (a span of `html`). Returns the text mapped onto `html` and the
/// removals (spans of `html`) with reasons.
pub fn extract_main(
    html: &str,
    is_kept: &dyn Fn(Span) -> bool,
) -> (MappedText, Vec<(Span, Reason)>) {
    let doc = Document::parse(html);
    let first = extract_with(&doc, html, is_kept, true);
    // A page whose article sits in an element with an unlucky class name
    // ("article-body social-tracking") loses its text to the class hints:
    // when little text came out, try again trusting only the tags, and keep
    // the richer result (Readability retries the same way).
    let got = visible(first.0.as_str());
    if got >= 500 {
        return first;
    }
    let mut best = first;
    let second = extract_with(&doc, html, is_kept, false);
    if visible(second.0.as_str()) > 2 * got.max(50) {
        best = second;
    }
    // A page built by scripts may keep its article in `<noscript>` for
    // readers without JavaScript: read the page as they do.
    if html.contains("<noscript") {
        let plain = Document::parse_as(html, false);
        let third = extract_with(&plain, html, is_kept, true);
        if visible(third.0.as_str()) > 2 * visible(best.0.as_str()).max(50) {
            best = third;
        }
    }
    best
}

fn visible(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// One extraction: furniture out (judged with class hints or by tag alone),
/// the article found, its text emitted.
fn extract_with(
    doc: &Document,
    html: &str,
    is_kept: &dyn Fn(Span) -> bool,
    hints: bool,
) -> Extracted {
    let excluded = exclude_furniture(doc, is_kept, hints);
    let dead = below_furniture(doc, &excluded);
    let m = Measures::of(doc, html, &dead);
    let content = choose_content(doc, &m, &dead);
    emit(&Page {
        html,
        doc,
        content: &content,
        excluded: &excluded,
        m: &m,
        is_kept,
    })
}

/// Step 1, top-down: the furniture of the page, with its reason. A node below
/// furniture is not judged again, and furniture must not swallow the article
/// (an element holding the h1, an `<article>` or the articleBody stays, and
/// its children are judged); a removal the user undid stays too.
fn exclude_furniture(
    doc: &Document,
    is_kept: &dyn Fn(Span) -> bool,
    hints: bool,
) -> Vec<Option<Reason>> {
    let n = doc.nodes.len();
    let holds = holds_article(doc);
    // Parsed with scripting off, `noscript` holds elements: what the reader sees.
    let shown = |id: usize| {
        let node = &doc.nodes[id];
        node.name() == "noscript"
            && node
                .children
                .iter()
                .any(|&c| !doc.nodes[c].name().is_empty())
    };
    let mut excluded: Vec<Option<Reason>> = vec![None; n];
    let mut below = vec![false; n];
    for id in 0..n {
        if let Some(p) = doc.nodes[id].parent {
            if excluded[p].is_some() || below[p] {
                below[id] = true;
                continue;
            }
        }
        let node = &doc.nodes[id];
        let reason = if hints {
            furniture(node)
        } else {
            furniture_by_tag(node)
        };
        if let Some(r) = reason.filter(|_| !shown(id)) {
            let keeps_article =
                holds[id] && !matches!(r, Reason::Head | Reason::Script | Reason::Style);
            if !keeps_article && !is_kept(node.span) {
                excluded[id] = Some(r);
            }
        }
    }
    excluded
}

/// The nodes that hold an `<article>`, an `h1` or the `articleBody` (or are one).
fn holds_article(doc: &Document) -> Vec<bool> {
    let mut holds = vec![false; doc.nodes.len()];
    for id in (0..doc.nodes.len()).rev() {
        let node = &doc.nodes[id];
        if matches!(node.name(), "article" | "h1")
            || node.attr_value("itemprop") == Some("articleBody")
        {
            holds[id] = true;
        }
        if holds[id] {
            if let Some(p) = node.parent {
                holds[p] = true;
            }
        }
    }
    holds
}

/// The furniture and everything below it.
fn below_furniture(doc: &Document, excluded: &[Option<Reason>]) -> Vec<bool> {
    let mut dead = vec![false; doc.nodes.len()];
    for id in 0..doc.nodes.len() {
        dead[id] = excluded[id].is_some() || doc.nodes[id].parent.is_some_and(|p| dead[p]);
    }
    dead
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unlucky_class_names_fall_back_to_tags() {
        let html = r#"<body><div class="story-wrap social-tracking">
        <p>The council voted late on Wednesday to build the new tram line across the city.</p>
        <p>Supporters said it would cut traffic, while opponents questioned the cost estimates.</p>
        </div><nav><a href="/">Home</a></nav></body>"#;
        let (text, _) = extract_main(html, &|_| false);
        assert!(
            text.as_str().starts_with("The council voted"),
            "{:?}",
            text.as_str()
        );
        assert!(!text.as_str().contains("Home"));
    }

    #[test]
    fn deep_nesting_stays_shallow() {
        let html = format!(
            "{}<p>The story text is here, and long enough to count.</p>",
            "<div><b>".repeat(5_000)
        );
        let (text, _) = extract_main(&html, &|_| false);
        assert!(text.as_str().contains("The story text is here"));
    }

    #[test]
    fn drops_comments_and_related() {
        let html = r#"<body><div class="site-header"><a href="/">Home</a> <a href="/world">World</a></div>
        <article><h1>Headline here</h1><p>The first paragraph of the story, long enough to count, with commas, too.</p>
        <ul class="list"><li><a href="/a">Another story entirely</a></li><li><a href="/b">And one more</a></li></ul>
        <p>The second paragraph of the story, also long enough to count as story text.</p></article>
        <section id="comments"><h3>3 Comments</h3><p>Great article, thanks, I agree with all of it.</p></section></body>"#;
        let (text, removed) = extract_main(html, &|_| false);
        assert_eq!(
            text.as_str(),
            "Headline here\n\nThe first paragraph of the story, long enough to count, with commas, too.\n\nThe second paragraph of the story, also long enough to count as story text."
        );
        let reasons: Vec<Reason> = removed.iter().map(|r| r.1).collect();
        assert!(reasons.contains(&Reason::Comments), "{reasons:?}");
        assert!(reasons.contains(&Reason::RelatedLinks), "{reasons:?}");
        let at = text.as_str().find("second").unwrap();
        assert_eq!(text.to_source(Span::new(at, at + 6)).of(html), "second");
    }

    #[test]
    fn article_in_noscript_is_read_as_without_javascript() {
        let story =
            "<p>The interview ran for two hours, and the designer spoke about his early work.</p>"
                .repeat(8);
        let html = format!(
            r#"<body><div id="app">Loading...</div><noscript id="content"><div class="container">
            <h1>Interview with a designer</h1>{story}</div></noscript><script>start()</script></body>"#
        );
        let (text, removed) = extract_main(&html, &|_| false);
        assert!(
            text.as_str().starts_with("Interview with a designer"),
            "{:?}",
            text.as_str()
        );
        assert!(text.as_str().contains("his early work."));
        assert!(!text.as_str().contains("Loading"));
        assert!(removed.iter().any(|(_, r)| *r == Reason::Script));
        let at = text.as_str().find("designer spoke").unwrap();
        assert_eq!(text.to_source(Span::new(at, at + 8)).of(&html), "designer");
    }

    #[test]
    fn scripted_page_with_its_article_keeps_noscript_out() {
        let html = r#"<body><article><h1>Headline here</h1>
        <p>The council voted late on Wednesday to build the new tram line across the city.</p>
        <p>Supporters said it would cut traffic, while opponents questioned the cost estimates.</p>
        </article><noscript><p>Please enable JavaScript to see the comments below.</p></noscript></body>"#;
        let (text, _) = extract_main(html, &|_| false);
        assert!(!text.as_str().contains("JavaScript"), "{:?}", text.as_str());
    }

    #[test]
    fn blank_lines_in_pre_are_paragraphs() {
        let html = "<body><article><pre>First paragraph of a post written as plain text,\nwrapped by hand.\n\nSecond paragraph, after a blank line.</pre></article></body>";
        let (text, _) = extract_main(html, &|_| false);
        assert_eq!(
            text.as_str(),
            "First paragraph of a post written as plain text, wrapped by hand.\n\nSecond paragraph, after a blank line."
        );
    }
}
