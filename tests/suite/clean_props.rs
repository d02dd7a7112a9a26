//! Properties of cleaning: idempotent, and every kept and removed span maps
//! back into the input.
// proptest is a native dev-dependency; on wasm32 this file is empty.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use storydiff::clean::{clean, BatchEvidence, Cleaned, Format};
use storydiff::text::Span;

/// Pieces of text that articles are made of: story, headings, furniture,
/// markup, mojibake, datelines, broken paragraphs.
const PIECES: &[&str] = &[
    "Police said 13 people were killed in Almaty on Thursday.",
    "“In reality they only held it to block us,” he told AFP.",
    "The foreign ministry signalled its neutrality, officials said.",
    "Washington calls on the authorities to “restrain”",
    "Kazakhstan is a member of the Collective Security Treaty Organization.",
    "Activists showed a letter explaining a square designated for",
    "demonstrations was being used for a rally instead.",
    "• Read also: Russia says it used hypersonic missiles",
    "SEE ALSO",
    "Another headline about something else",
    "source site-64",
    "Source link -124",
    "0",
    "81",
    "Share this article",
    "Almaty's square. [mibuchat / Flickr / CC BY-SA 2.0](#)",
    "Stay tuned to ExampleTV for latest news and Updates!",
    "Leave a reply",
    "Your email address will not be published. Required fields are marked *",
    "By [AFP](#)",
    "By Jane Doe",
    "March 19, 2022",
    "Sunday, April 18",
    "Jan 6, 2022: Unrest spread across the country overnight.",
    "Original url:",
    "<https://example.com/2022/03/19/story-a1>",
    "Russiaâ€™s ally said â€œnoâ€\u{9d} on Friday.",
    "Tom &amp; Jerry&#8217;s show was cancelled, the network said.",
    "We use cookies to improve your experience. Accept",
    "© 2022 Example News. All rights reserved.",
    "Qatar Airways seeks over $600m in Airbus A350 dispute",
    "\u{a0}",
    "",
    "  indented line with trailing space  ",
    "## A Markdown heading",
    "Some *emphasis* and **bold** text in a sentence here.",
];

fn article() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((0..PIECES.len(), prop::bool::ANY), 0..16),
        prop::bool::ANY,
    )
        .prop_map(|(parts, crlf)| {
            let mut out = String::new();
            for (i, double) in parts {
                out.push_str(PIECES[i]);
                out.push_str(match (double, crlf) {
                    (true, false) => "\n\n",
                    (false, false) => "\n",
                    (true, true) => "\r\n\r\n",
                    (false, true) => "\r\n",
                });
            }
            out
        })
}

fn html_page() -> impl Strategy<Value = String> {
    const BLOCKS: &[&str] = &[
        "<p>Police said 13 people were killed in Almaty on Thursday, officials added.</p>",
        "<p>The foreign ministry signalled its neutrality, officials said &amp; added more.</p>",
        "<h2>A subheading</h2>",
        "<blockquote><p>“We call on all sides to refrain from violence,” he said.</p></blockquote>",
        "<ul class=\"related\"><li><a href=\"/a\">Other story</a></li></ul>",
        "<div class=\"share\">Share <a href=\"#\">Facebook</a></div>",
        "<p>By Jane Doe</p>",
        "<figure><img src=x.jpg><figcaption>Photo: AFP</figcaption></figure>",
        "<script>var x = '<p>not text</p>';</script>",
        "<p>Activists showed a letter about a square designated for</p><p>demonstrations was being used.</p>",
        "<div id=\"comments\"><h3>2 Comments</h3><p>Great piece, thanks a lot for this.</p></div>",
        "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>",
    ];
    prop::collection::vec(0..BLOCKS.len(), 0..10).prop_map(|ids| {
        let mut out = String::from("<!doctype html><html><head><title>T</title></head><body><article><h1>Headline of the page</h1>");
        for i in ids {
            out.push_str(BLOCKS[i]);
            out.push('\n');
        }
        out.push_str("</article><footer>© 2022 Example</footer></body></html>");
        out
    })
}

pub(crate) fn check_spans(input: &str, c: &Cleaned) -> Result<(), TestCaseError> {
    for r in &c.removed {
        prop_assert!(
            r.span.start <= r.span.end && r.span.end <= input.len(),
            "{r:?}"
        );
        prop_assert!(input.is_char_boundary(r.span.start) && input.is_char_boundary(r.span.end));
        prop_assert!(!r.reason.as_str().is_empty());
    }
    let body = c.body.as_str();
    for (at, ch) in body.char_indices() {
        let src = c.body.to_source(Span::new(at, at + ch.len_utf8()));
        prop_assert!(src.end <= input.len(), "char {at} maps to {src:?}");
        prop_assert!(input.is_char_boundary(src.start) && input.is_char_boundary(src.end));
        if ch.is_alphanumeric() && src.len() == ch.len_utf8() {
            prop_assert_eq!(src.of(input).chars().next(), Some(ch));
        }
    }
    // Whatever of the input is dropped (apart from white space) is a removal.
    for gap in c.body.dropped() {
        for (off, ch) in gap.of(input).char_indices() {
            if ch.is_whitespace() {
                continue;
            }
            let at = gap.start + off;
            prop_assert!(
                c.removed
                    .iter()
                    .any(|r| r.span.start <= at && at < r.span.end),
                "dropped {ch:?} at {at} has no removal"
            );
        }
    }
    Ok(())
}

pub(crate) fn check_idempotent(c: &Cleaned) -> Result<(), TestCaseError> {
    let again = clean(
        c.body.as_str(),
        Format::Plain,
        &BatchEvidence::default(),
        &[],
    );
    prop_assert_eq!(again.body.as_str(), c.body.as_str());
    prop_assert!(
        again.removed.is_empty(),
        "second pass removed {:?}",
        again.removed
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn plain_is_idempotent_and_maps(input in article()) {
        let c = clean(&input, Format::Plain, &BatchEvidence::default(), &[]);
        check_spans(&input, &c)?;
        check_idempotent(&c)?;
    }

    #[test]
    fn markdown_is_idempotent_and_maps(input in article()) {
        let c = clean(&input, Format::Markdown, &BatchEvidence::default(), &[]);
        check_spans(&input, &c)?;
        check_idempotent(&c)?;
    }

    #[test]
    fn html_is_idempotent_and_maps(input in html_page()) {
        let c = clean(&input, Format::Html, &BatchEvidence::default(), &[]);
        check_spans(&input, &c)?;
        check_idempotent(&c)?;
    }

    #[test]
    fn any_text_maps(input in "\\PC{0,300}") {
        let c = clean(&input, Format::Plain, &BatchEvidence::default(), &[]);
        check_spans(&input, &c)?;
        let h = clean(&input, Format::Html, &BatchEvidence::default(), &[]);
        check_spans(&input, &h)?;
    }

    #[test]
    fn keep_undoes_a_removal(input in article(), pick in 0usize..100) {
        let c = clean(&input, Format::Plain, &BatchEvidence::default(), &[]);
        let candidates: Vec<_> = c.removed.iter().filter(|r| r.reason != "markup").collect();
        if !candidates.is_empty() {
            let r = candidates[pick % candidates.len()];
            let kept = clean(&input, Format::Plain, &BatchEvidence::default(), &[r.span]);
            prop_assert!(!kept.removed.iter().any(|x| x.span == r.span), "{r:?} still removed");
            check_spans(&input, &kept)?;
            let text = r.span.of(&input).trim();
            let first_word = text.split_whitespace().find(|w| w.chars().all(char::is_alphanumeric));
            if let Some(w) = first_word {
                prop_assert!(kept.body.as_str().contains(w), "{w:?} not back in body");
            }
        }
    }
}

#[test]
fn batch_evidence_removes_recurring_lines() {
    let a = "Story one\n\nThe first story happened on Monday, police said.\n\nFollow Example Daily on Telegram";
    let b = "Story two\n\nThe second story happened on Tuesday, police said.\n\nFollow Example Daily on Telegram";
    let batch = BatchEvidence::gather(&[a, b]);
    let c = clean(a, Format::Plain, &batch, &[]);
    assert_eq!(
        c.body.as_str(),
        "Story one\n\nThe first story happened on Monday, police said."
    );
    assert!(c.removed.iter().any(|r| r.reason == "batch-repeated"));
    // The same headline in two articles is still each one's title.
    let batch = BatchEvidence::gather(&[
        "Same headline\n\nText one here.",
        "Same headline\n\nText two here.",
    ]);
    let c = clean(
        "Same headline\n\nText one here.",
        Format::Plain,
        &batch,
        &[],
    );
    assert!(c.body.as_str().starts_with("Same headline"));
}

/// Fragments that stress the tokenizer, references, datelines and bylines
/// with multi-byte text next to every boundary.
const SHARDS: &[&str] = &[
    "<p>",
    "</p>",
    "<div class=\"share\">",
    "</div>",
    "<a href='x'>",
    "</a>",
    "<br>",
    "<h1>",
    "</h1>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<",
    ">",
    "&",
    "&amp;",
    "&amp;rsquo;",
    "&#x1F600;",
    "&#8217;",
    "&nbsp;",
    "é",
    "İ",
    "ß",
    "©",
    "Copyright ",
    "By ",
    "Von ",
    "March 19, 2022",
    "Sunday, April 18",
    "2022-03-19T",
    "Stay tuned to ",
    "Original url:",
    "https://x.example/a",
    "[",
    "](",
    ")",
    "*",
    "_",
    "#",
    "\n",
    "\n\n",
    " ",
    "\u{a0}",
    "Москва",
    "東京",
    "🙂",
    "Ã©",
    "â€™",
    "Ð",
    ".",
    ":",
    "told AFP",
    "(Reuters)",
    "International ",
    "Read also: ",
];

fn shards() -> impl Strategy<Value = String> {
    prop::collection::vec(0..SHARDS.len(), 0..60)
        .prop_map(|ids| ids.into_iter().map(|i| SHARDS[i]).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn shards_never_panic_and_map(input in shards()) {
        for format in [Format::Plain, Format::Markdown, Format::Html] {
            let c = clean(&input, format, &BatchEvidence::default(), &[]);
            check_spans(&input, &c)?;
            let m = storydiff::extract::metadata(&input, format, &c.body);
            for f in [&m.title, &m.date, &m.byline, &m.agency, &m.url, &m.outlet, &m.language, &m.section]
                .into_iter()
                .flatten()
            {
                if let Some(s) = f.span {
                    prop_assert!(s.end <= input.len() && input.is_char_boundary(s.start) && input.is_char_boundary(s.end));
                }
            }
        }
        let batch = BatchEvidence::gather(&[input.as_str(), input.as_str()]);
        let c = clean(&input, Format::Plain, &batch, &[]);
        check_spans(&input, &c)?;
    }
}
