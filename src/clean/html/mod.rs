//! HTML: a tolerant tokenizer and tree that keep source offsets, and
//! main-content extraction in the class of Readability and trafilatura.
//!
//! | type | what |
//! | --- | --- |
//! | [`Document`] | the element tree of a page; every node knows its byte range |
//! | [`Node`] | an element, a text run or a comment |
//! | [`extract_main`] | the article text of a page, mapped onto the HTML, with the removals |
//!
//! No HTML crate gives source offsets for every text run and tag at a size
//! that suits the wasm build (`html5ever`/`scraper` keep none, `tl` keeps
//! borrowed slices but no tree of ranges for implied end tags), so the
//! tokenizer is written here: it follows the HTML tokenizer closely enough for
//! saved article pages (raw text elements, comments, implied `</p>` and
//! `</li>`, void elements, unquoted attributes) and never fails.
//!
//! Extraction, in three steps:
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

use super::entities::entity_at;
use super::Reason;
use crate::text::{MappedText, MappedTextBuilder, Span};

/// An attribute of an element: lower-cased name, decoded value and the span of
/// the raw value in the source.
#[derive(Clone, Debug)]
pub struct Attr {
    pub name: String,
    pub value: String,
    pub span: Span,
}

/// What a node is.
#[derive(Clone, Debug)]
pub enum NodeKind {
    Document,
    Element { name: String, attrs: Vec<Attr> },
    Text,
    Comment,
}

/// A node of the tree, with its byte range in the source.
#[derive(Clone, Debug)]
pub struct Node {
    pub kind: NodeKind,
    /// The whole node: from `<` of its start tag to `>` of its end tag.
    pub span: Span,
    /// The content between the start and end tags (the text, for a text node).
    pub inner: Span,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
}

impl Node {
    pub fn name(&self) -> &str {
        match &self.kind {
            NodeKind::Element { name, .. } => name,
            _ => "",
        }
    }

    pub fn attr(&self, key: &str) -> Option<&Attr> {
        match &self.kind {
            NodeKind::Element { attrs, .. } => attrs.iter().find(|a| a.name == key),
            _ => None,
        }
    }

    pub fn attr_value(&self, key: &str) -> Option<&str> {
        self.attr(key).map(|a| a.value.as_str())
    }

    pub fn is_text(&self) -> bool {
        matches!(self.kind, NodeKind::Text)
    }
}

/// A parsed page: nodes in document order, node 0 the document.
#[derive(Clone, Debug)]
pub struct Document {
    pub nodes: Vec<Node>,
}

const VOID: &[&str] = &[
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
    "amp-img",
    "amp-pixel",
];
const RAW: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noscript", "template",
];
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
    "li",
];
/// Deepest element nesting the tree keeps.
const MAX_DEPTH: usize = 256;
/// Elements that make paragraph breaks.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
    "center",
    "html",
];

impl Document {
    /// Parses `html`; never fails.
    pub fn parse(html: &str) -> Document {
        let mut nodes = vec![Node {
            kind: NodeKind::Document,
            span: Span::new(0, html.len()),
            inner: Span::new(0, html.len()),
            parent: None,
            children: Vec::new(),
        }];
        let mut stack: Vec<usize> = vec![0];
        let bytes = html.as_bytes();
        let mut i = 0;
        let push =
            |nodes: &mut Vec<Node>, stack: &[usize], kind: NodeKind, span: Span, inner: Span| {
                let parent = *stack.last().unwrap_or(&0);
                let id = nodes.len();
                nodes.push(Node {
                    kind,
                    span,
                    inner,
                    parent: Some(parent),
                    children: Vec::new(),
                });
                nodes[parent].children.push(id);
                id
            };
        let close =
            |nodes: &mut Vec<Node>, stack: &mut Vec<usize>, depth: usize, at: usize, end: usize| {
                while stack.len() > depth {
                    let id = stack.pop().unwrap_or(0);
                    let n = &mut nodes[id];
                    n.inner.end = at.max(n.inner.start);
                    n.span.end = end.max(n.inner.end);
                }
            };
        while i < html.len() {
            if bytes[i] != b'<' {
                let end = html[i..].find('<').map_or(html.len(), |n| i + n);
                push(
                    &mut nodes,
                    &stack,
                    NodeKind::Text,
                    Span::new(i, end),
                    Span::new(i, end),
                );
                i = end;
                continue;
            }
            let rest = &html[i..];
            if let Some(comment) = rest.strip_prefix("<!--") {
                let end = comment.find("-->").map_or(html.len(), |n| i + 4 + n + 3);
                push(
                    &mut nodes,
                    &stack,
                    NodeKind::Comment,
                    Span::new(i, end),
                    Span::new(i, end),
                );
                i = end;
                continue;
            }
            if rest.starts_with("<!") || rest.starts_with("<?") {
                let end = rest.find('>').map_or(html.len(), |n| i + n + 1);
                push(
                    &mut nodes,
                    &stack,
                    NodeKind::Comment,
                    Span::new(i, end),
                    Span::new(i, end),
                );
                i = end;
                continue;
            }
            if let Some(after) = rest.strip_prefix("</") {
                if after.starts_with(|c: char| c.is_ascii_alphabetic()) {
                    let name_len = after
                        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                        .unwrap_or(after.len());
                    let name = after[..name_len].to_ascii_lowercase();
                    let end = rest.find('>').map_or(html.len(), |n| i + n + 1);
                    if let Some(pos) = stack.iter().rposition(|&id| nodes[id].name() == name) {
                        if pos > 0 {
                            close(&mut nodes, &mut stack, pos + 1, i, i);
                            let id = stack.pop().unwrap_or(0);
                            nodes[id].inner.end = i;
                            nodes[id].span.end = end;
                        }
                    }
                    i = end;
                    continue;
                }
            }
            let after = &rest[1..];
            if !after.starts_with(|c: char| c.is_ascii_alphabetic()) {
                // A lone "<" is text.
                let end = html[i + 1..].find('<').map_or(html.len(), |n| i + 1 + n);
                push(
                    &mut nodes,
                    &stack,
                    NodeKind::Text,
                    Span::new(i, end),
                    Span::new(i, end),
                );
                i = end;
                continue;
            }
            let (name, attrs, self_closing, end) = start_tag(html, i);
            // Implied end tags.
            let top = |stack: &Vec<usize>, nodes: &Vec<Node>| {
                nodes[*stack.last().unwrap_or(&0)].name().to_string()
            };
            if CLOSES_P.contains(&name.as_str()) && top(&stack, &nodes) == "p" {
                {
                    let d = stack.len() - 1;
                    close(&mut nodes, &mut stack, d, i, i);
                }
            }
            match name.as_str() {
                "li" => {
                    if let Some(pos) = stack
                        .iter()
                        .rposition(|&id| matches!(nodes[id].name(), "li" | "ul" | "ol"))
                    {
                        if nodes[stack[pos]].name() == "li" {
                            close(&mut nodes, &mut stack, pos, i, i);
                        }
                    }
                }
                "dt" | "dd" if matches!(top(&stack, &nodes).as_str(), "dt" | "dd") => {
                    let d = stack.len() - 1;
                    close(&mut nodes, &mut stack, d, i, i);
                }
                "td" | "th" | "tr" => {
                    let stop: &[&str] = if name == "tr" {
                        &["tr", "table"]
                    } else {
                        &["td", "th", "tr", "table"]
                    };
                    if let Some(pos) = stack
                        .iter()
                        .rposition(|&id| stop.contains(&nodes[id].name()))
                    {
                        let n = nodes[stack[pos]].name();
                        if n != "table" && (n != "tr" || name == "tr") {
                            close(&mut nodes, &mut stack, pos, i, i);
                        }
                    }
                }
                "option" if top(&stack, &nodes) == "option" => {
                    let d = stack.len() - 1;
                    close(&mut nodes, &mut stack, d, i, i);
                }
                _ => {}
            }
            let kind = NodeKind::Element {
                name: name.clone(),
                attrs,
            };
            let id = push(
                &mut nodes,
                &stack,
                kind,
                Span::new(i, end),
                Span::new(end, end),
            );
            i = end;
            if VOID.contains(&name.as_str()) || self_closing {
                continue;
            }
            if RAW.contains(&name.as_str()) {
                let close_at = find_ci(html, end, &format!("</{name}")).unwrap_or(html.len());
                let tag_end = html[close_at..]
                    .find('>')
                    .map_or(html.len(), |n| close_at + n + 1);
                if close_at > end {
                    let t = nodes.len();
                    nodes.push(Node {
                        kind: NodeKind::Text,
                        span: Span::new(end, close_at),
                        inner: Span::new(end, close_at),
                        parent: Some(id),
                        children: Vec::new(),
                    });
                    nodes[id].children.push(t);
                }
                nodes[id].inner = Span::new(end, close_at);
                nodes[id].span.end = tag_end;
                i = tag_end;
                continue;
            }
            // Malformed pages can nest thousands of unclosed tags; deeper
            // elements become leaves so that walking the tree stays shallow.
            if stack.len() < MAX_DEPTH {
                stack.push(id);
            }
        }
        close(&mut nodes, &mut stack, 1, html.len(), html.len());
        Document { nodes }
    }

    /// Element ids with tag `name`, in document order.
    pub fn elements<'a>(&'a self, name: &'a str) -> impl Iterator<Item = usize> + 'a {
        (0..self.nodes.len()).filter(move |&i| self.nodes[i].name() == name)
    }

    /// The text of a node: its text runs, whitespace collapsed, references decoded.
    pub fn text(&self, html: &str, id: usize) -> String {
        let mut out = String::new();
        self.collect_text(html, id, &mut out);
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn collect_text(&self, html: &str, id: usize, out: &mut String) {
        let n = &self.nodes[id];
        match n.kind {
            NodeKind::Text => out.push_str(&decode_str(n.inner.of(html))),
            NodeKind::Comment => {}
            _ => {
                if matches!(n.name(), "script" | "style" | "template") {
                    return;
                }
                for &c in &n.children {
                    self.collect_text(html, c, out);
                    if BLOCK.contains(&self.nodes[c].name()) || self.nodes[c].name() == "br" {
                        out.push(' ');
                    }
                }
            }
        }
    }

    /// The first element with tag `name` below `id`.
    pub fn find_in(&self, id: usize, name: &str) -> Option<usize> {
        self.descendants(id)
            .into_iter()
            .find(|&d| self.nodes[d].name() == name)
    }

    /// All nodes below `id`, in document order.
    pub fn descendants(&self, id: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut todo: Vec<usize> = self.nodes[id].children.iter().rev().copied().collect();
        while let Some(n) = todo.pop() {
            out.push(n);
            todo.extend(self.nodes[n].children.iter().rev());
        }
        out
    }

    fn is_ancestor(&self, a: usize, mut n: usize) -> bool {
        while let Some(p) = self.nodes[n].parent {
            if p == a {
                return true;
            }
            n = p;
        }
        false
    }
}

/// Decodes character references in a string.
pub fn decode_str(s: &str) -> String {
    super::entities::decode_entities(s).as_str().to_string()
}

fn find_ci(html: &str, from: usize, needle: &str) -> Option<usize> {
    let hay = html.as_bytes();
    let n = needle.as_bytes();
    (from..hay.len().saturating_sub(n.len() - 1))
        .find(|&k| hay[k..k + n.len()].eq_ignore_ascii_case(n))
}

/// Reads a start tag at `at`: name, attributes, self-closing, end offset.
fn start_tag(html: &str, at: usize) -> (String, Vec<Attr>, bool, usize) {
    let b = html.as_bytes();
    let mut i = at + 1;
    while i < b.len() && !(b[i].is_ascii_whitespace() || b[i] == b'>' || b[i] == b'/') {
        i += 1;
    }
    let name = html[at + 1..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            if b[i] == b'/' && b.get(i + 1) == Some(&b'>') {
                self_closing = true;
            }
            i += 1;
        }
        if i >= b.len() {
            return (name, attrs, self_closing, b.len());
        }
        if b[i] == b'>' {
            return (name, attrs, self_closing, i + 1);
        }
        let ns = i;
        while i < b.len()
            && !(b[i].is_ascii_whitespace() || b[i] == b'=' || b[i] == b'>' || b[i] == b'/')
        {
            i += 1;
        }
        let key = html[ns..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut span = Span::new(i, i);
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                let ve = html[vs..].find(q as char).map_or(b.len(), |n| vs + n);
                span = Span::new(vs, ve);
                i = (ve + 1).min(b.len());
            } else {
                let vs = i;
                while i < b.len() && !(b[i].is_ascii_whitespace() || b[i] == b'>') {
                    i += 1;
                }
                span = Span::new(vs, i);
            }
        }
        if !key.is_empty() {
            attrs.push(Attr {
                name: key,
                value: decode_str(span.of(html)),
                span,
            });
        }
        if i == ns {
            i += 1;
        }
    }
}

/// Class and id tokens that name furniture, strong ones first: these
/// override article hints ("article-comments" is comments).
const STRONG_NEGATIVE: &[(&str, Reason)] = &[
    ("comment", Reason::Comments),
    ("comments", Reason::Comments),
    ("disqus", Reason::Comments),
    ("respond", Reason::Comments),
    ("replies", Reason::Comments),
    ("related", Reason::RelatedLinks),
    ("recommended", Reason::RelatedLinks),
    ("recommendations", Reason::RelatedLinks),
    ("outbrain", Reason::RelatedLinks),
    ("taboola", Reason::RelatedLinks),
    ("recirculation", Reason::RelatedLinks),
    ("trending", Reason::RelatedLinks),
    ("popular", Reason::RelatedLinks),
    ("mostread", Reason::RelatedLinks),
    ("readmore", Reason::RelatedLinks),
    ("share", Reason::Share),
    ("sharing", Reason::Share),
    ("social", Reason::Share),
    ("sharebar", Reason::Share),
    ("cookie", Reason::Cookie),
    ("cookies", Reason::Cookie),
    ("consent", Reason::Cookie),
    ("gdpr", Reason::Cookie),
    ("newsletter", Reason::Promo),
    ("subscribe", Reason::Promo),
    ("subscription", Reason::Promo),
    ("paywall", Reason::Promo),
    ("promo", Reason::Promo),
    ("ad", Reason::Promo),
    ("ads", Reason::Promo),
    ("advert", Reason::Promo),
    ("advertisement", Reason::Promo),
    ("sponsor", Reason::Promo),
    ("sponsored", Reason::Promo),
    ("breadcrumb", Reason::Navigation),
    ("breadcrumbs", Reason::Navigation),
    ("nav", Reason::Navigation),
    ("navbar", Reason::Navigation),
    ("navigation", Reason::Navigation),
    ("menu", Reason::Navigation),
    ("skip", Reason::Navigation),
    ("pagination", Reason::Navigation),
    ("byline", Reason::Byline),
    ("firma", Reason::Byline),
    ("autor", Reason::Byline),
    ("auteur", Reason::Byline),
    ("signature", Reason::Byline),
    ("dateline", Reason::Dateline),
    ("timestamp", Reason::Dateline),
    ("meta", Reason::Byline),
    ("footer", Reason::Navigation),
    ("kicker", Reason::SectionLabel),
    ("eyebrow", Reason::SectionLabel),
    ("rubrique", Reason::SectionLabel),
    ("overline", Reason::SectionLabel),
    ("category", Reason::SectionLabel),
    ("caption", Reason::PhotoCredit),
    ("credit", Reason::PhotoCredit),
    ("modal", Reason::Promo),
    ("popup", Reason::Promo),
];
/// Stems found inside run-together class names.
const STEMS: &[(&str, Reason)] = &[
    ("nav", Reason::Navigation),
    ("menu", Reason::Navigation),
    ("comment", Reason::Comments),
    ("share", Reason::Share),
    ("social", Reason::Share),
    ("related", Reason::RelatedLinks),
    ("cookie", Reason::Cookie),
    ("newsletter", Reason::Promo),
    ("advert", Reason::Promo),
    ("sponsor", Reason::Promo),
    ("breadcrumb", Reason::Navigation),
    ("sidebar", Reason::Sidebar),
    ("footer", Reason::Navigation),
    ("byline", Reason::Byline),
    ("kommentar", Reason::Comments),
    ("teilen", Reason::Share),
    ("compartir", Reason::Share),
    ("partage", Reason::Share),
    ("relacionad", Reason::RelatedLinks),
    ("werbung", Reason::Promo),
    ("publicidad", Reason::Promo),
    ("pubblicit", Reason::Promo),
];
const WEAK_NEGATIVE: &[(&str, Reason)] = &[
    ("sidebar", Reason::Sidebar),
    ("widget", Reason::Sidebar),
    ("aside", Reason::Sidebar),
    ("masthead", Reason::Navigation),
    ("header", Reason::Navigation),
    ("banner", Reason::Promo),
    ("tags", Reason::Tags),
    ("tag", Reason::Tags),
    ("topics", Reason::Tags),
    ("more", Reason::RelatedLinks),
    ("author", Reason::Byline),
    ("bio", Reason::Byline),
];
const POSITIVE: &[&str] = &[
    "article",
    "content",
    "story",
    "body",
    "main",
    "post",
    "entry",
    "text",
    "articlebody",
    "blog",
    "news",
];

fn tokens(n: &Node) -> Vec<String> {
    let mut out = Vec::new();
    for key in ["class", "id"] {
        if let Some(v) = n.attr_value(key) {
            for t in v.split(|c: char| !c.is_ascii_alphanumeric()) {
                if !t.is_empty() {
                    out.push(t.to_ascii_lowercase());
                }
            }
        }
    }
    out
}

/// Why an element is furniture, if it is, judged on its own.
/// Furniture by tag alone (the retry without class hints).
fn furniture_by_tag(n: &Node) -> Option<Reason> {
    match n.name() {
        "head" | "script" | "noscript" | "template" | "style" | "nav" | "form" | "button"
        | "select" | "textarea" | "svg" | "iframe" | "amp-ad" | "amp-analytics" => furniture(n),
        _ => None,
    }
}

fn furniture(n: &Node) -> Option<Reason> {
    let name = n.name();
    let by_tag = match name {
        "head" => Some(Reason::Head),
        "script" | "noscript" | "template" | "amp-analytics" => Some(Reason::Script),
        "style" => Some(Reason::Style),
        "nav" | "amp-sidebar" | "footer" => Some(Reason::Navigation),
        "aside" => Some(Reason::Sidebar),
        "form" | "button" | "input" | "select" | "textarea" | "label" => Some(Reason::Form),
        "svg" | "canvas" | "iframe" | "object" | "embed" | "video" | "audio" | "picture"
        | "img" | "amp-img" | "amp-video" | "amp-iframe" | "map" => Some(Reason::Media),
        "figcaption" => Some(Reason::PhotoCredit),
        "amp-ad" | "amp-embed" | "amp-sticky-ad" => Some(Reason::Promo),
        "amp-social-share" => Some(Reason::Share),
        _ => None,
    };
    if by_tag.is_some() {
        return by_tag;
    }
    if n.attr("hidden").is_some()
        || n.attr_value("aria-hidden") == Some("true")
        || n.attr_value("style").is_some_and(|s| {
            s.replace(' ', "")
                .to_ascii_lowercase()
                .contains("display:none")
        })
    {
        return Some(Reason::Hidden);
    }
    match n.attr_value("role").unwrap_or("") {
        "navigation" | "menubar" | "menu" => return Some(Reason::Navigation),
        "complementary" => return Some(Reason::Sidebar),
        "contentinfo" | "banner" => return Some(Reason::Navigation),
        "dialog" | "alertdialog" => return Some(Reason::Promo),
        _ => {}
    }
    if matches!(name, "html" | "body" | "article" | "main") {
        return None;
    }
    let toks = tokens(n);
    if let Some((_, r)) = STRONG_NEGATIVE
        .iter()
        .find(|(t, _)| toks.iter().any(|x| x == t))
    {
        return Some(*r);
    }
    // Run-together names: "leftnav", "topmenu", "sharebox", "commentlist".
    if let Some((_, r)) = STEMS.iter().find(|(stem, _)| {
        toks.iter()
            .any(|x| x.len() > stem.len() && x.contains(stem) && !x.contains("canvas"))
    }) {
        return Some(*r);
    }
    let positive = toks.iter().any(|t| POSITIVE.contains(&t.as_str()));
    if !positive {
        if let Some((_, r)) = WEAK_NEGATIVE
            .iter()
            .find(|(t, _)| toks.iter().any(|x| x == t))
        {
            return Some(*r);
        }
    }
    None
}

/// Per-node measures of the visible text.
struct Measures {
    /// Non-space characters of text below the node (furniture excluded).
    text: Vec<usize>,
    /// Of which inside links.
    link: Vec<usize>,
    commas: Vec<usize>,
}

fn measure(doc: &Document, html: &str, dead: &[bool]) -> Measures {
    let n = doc.nodes.len();
    let mut m = Measures {
        text: vec![0; n],
        link: vec![0; n],
        commas: vec![0; n],
    };
    // Nodes are in document order and children come after parents, so a
    // reverse sweep sees children first.
    for id in (0..n).rev() {
        if dead[id] {
            continue;
        }
        let node = &doc.nodes[id];
        if node.is_text() {
            let t = node.inner.of(html);
            m.text[id] = t.chars().filter(|c| !c.is_whitespace()).count();
            m.commas[id] = t.matches([',', '،', '，']).count();
        } else {
            for &c in &node.children {
                m.text[id] += m.text[c];
                m.link[id] += m.link[c];
                m.commas[id] += m.commas[c];
            }
            if node.name() == "a" {
                m.link[id] = m.text[id];
            }
        }
    }
    m
}

fn density(m: &Measures, id: usize) -> f64 {
    if m.text[id] == 0 {
        0.0
    } else {
        m.link[id] as f64 / m.text[id] as f64
    }
}

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
    if got < 500 {
        let second = extract_with(&doc, html, is_kept, false);
        if visible(second.0.as_str()) > 2 * got.max(50) {
            return second;
        }
    }
    first
}

fn visible(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

fn extract_with(
    doc: &Document,
    html: &str,
    is_kept: &dyn Fn(Span) -> bool,
    hints: bool,
) -> (MappedText, Vec<(Span, Reason)>) {
    let furniture = |n: &Node| {
        let r = furniture(n);
        if hints {
            r
        } else {
            furniture_by_tag(n)
        }
    };
    let n = doc.nodes.len();
    // 1. Furniture, top-down: a node below furniture is not judged again,
    // and furniture must not swallow the article (an element holding the
    // h1, an <article> or the articleBody stays, and its children are judged).
    let mut holds = vec![false; n];
    for id in (0..n).rev() {
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
    let mut excluded: Vec<Option<Reason>> = vec![None; n];
    let mut below = vec![false; n];
    for id in 0..n {
        if let Some(p) = doc.nodes[id].parent {
            if excluded[p].is_some() || below[p] {
                below[id] = true;
                continue;
            }
        }
        if let Some(r) = furniture(&doc.nodes[id]) {
            let keeps_article =
                holds[id] && !matches!(r, Reason::Head | Reason::Script | Reason::Style);
            if !keeps_article && !is_kept(doc.nodes[id].span) {
                excluded[id] = Some(r);
            }
        }
    }
    let mut dead = vec![false; n];
    for id in 0..n {
        dead[id] = excluded[id].is_some() || doc.nodes[id].parent.is_some_and(|p| dead[p]);
    }
    let m = measure(doc, html, &dead);

    // 2. Score candidates.
    let mut score = vec![0.0f64; n];
    let mut scored = vec![false; n];
    #[allow(clippy::needless_range_loop)]
    for id in 0..n {
        if dead[id] {
            continue;
        }
        let node = &doc.nodes[id];
        let is_para = matches!(node.name(), "p" | "pre" | "td" | "blockquote")
            || (node.name() == "div"
                && node
                    .children
                    .iter()
                    .all(|&c| !BLOCK.contains(&doc.nodes[c].name())));
        if !is_para || m.text[id] < 25 {
            continue;
        }
        let s = 1.0 + m.commas[id] as f64 + (m.text[id] as f64 / 100.0).min(3.0);
        let mut anc = node.parent;
        for level in 0..3 {
            let Some(a) = anc else { break };
            if a == 0 {
                break;
            }
            if !scored[a] {
                scored[a] = true;
                score[a] += base_score(&doc.nodes[a]);
            }
            score[a] += s / [1.0, 2.0, 3.0][level];
            anc = doc.nodes[a].parent;
        }
    }
    let mut best: Option<usize> = None;
    for id in 0..n {
        if scored[id] {
            score[id] *= 1.0 - density(&m, id);
            if best.is_none_or(|b| score[id] > score[b]) {
                best = Some(id);
            }
        }
    }
    let mut content: Vec<usize> = Vec::new();
    if let Some(top) = best {
        // Prefer an ancestor holding nearly the same score, e.g. an <article>
        // whose text is split over several <div>s.
        let mut top = top;
        while let Some(p) = doc.nodes[top].parent {
            if p == 0 || !scored[p] || matches!(doc.nodes[p].name(), "body" | "html") {
                break;
            }
            if score[p] >= score[top] * 0.75 {
                top = p;
            } else {
                break;
            }
        }
        content.push(top);
        if let Some(parent) = doc.nodes[top].parent {
            let threshold = (score[top] * 0.2).max(10.0);
            for &sib in &doc.nodes[parent].children {
                if sib == top || dead[sib] {
                    continue;
                }
                let ok = (scored[sib] && score[sib] >= threshold)
                    || (doc.nodes[sib].name() == "p"
                        && m.text[sib] > 80
                        && density(&m, sib) < 0.25);
                if ok {
                    content.push(sib);
                }
            }
        }
        // The page's headline.
        if let Some(h1) = doc.elements("h1").find(|&h| !dead[h] && m.text[h] > 0) {
            if !content.iter().any(|&c| c == h1 || doc.is_ancestor(c, h1)) {
                content.push(h1);
            }
        }
    } else {
        let body = doc.elements("body").next().unwrap_or(0);
        content.push(body);
    }

    // 3. Emit.
    let mut e = Emitter {
        html,
        b: MappedText::builder(),
        removed: Vec::new(),
        pending_space: None,
        pending_break: 0,
        holds_content: vec![false; n],
    };
    for &c in &content {
        let mut at = doc.nodes[c].parent;
        while let Some(p) = at {
            if e.holds_content[p] {
                break;
            }
            e.holds_content[p] = true;
            at = doc.nodes[p].parent;
        }
    }
    e.walk(doc, 0, &content, &excluded, &m, is_kept, false);
    let text = e.b.finish_for(html.len());
    (text, e.removed)
}

fn base_score(n: &Node) -> f64 {
    let by_tag = match n.name() {
        "div" | "article" | "section" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let toks = tokens(n);
    let mut class = 0.0;
    if toks.iter().any(|t| POSITIVE.contains(&t.as_str())) {
        class += 25.0;
    }
    if toks.iter().any(|t| {
        STRONG_NEGATIVE
            .iter()
            .chain(WEAK_NEGATIVE)
            .any(|(x, _)| x == t)
    }) {
        class -= 25.0;
    }
    if n.attr_value("itemprop") == Some("articleBody") {
        class += 50.0;
    }
    by_tag + class
}

struct Emitter<'a> {
    html: &'a str,
    b: MappedTextBuilder,
    removed: Vec<(Span, Reason)>,
    /// Source range of white space waiting to become one space.
    pending_space: Option<(usize, usize)>,
    /// 0 none, 1 line break, 2 paragraph break.
    pending_break: u8,
    /// Nodes that hold a part of the article below them.
    holds_content: Vec<bool>,
}

impl Emitter<'_> {
    fn brk(&mut self, level: u8) {
        if level > self.pending_break {
            self.pending_break = level;
        }
        self.pending_space = None;
    }

    #[allow(clippy::too_many_arguments)]
    fn walk(
        &mut self,
        doc: &Document,
        id: usize,
        content: &[usize],
        excluded: &[Option<Reason>],
        m: &Measures,
        is_kept: &dyn Fn(Span) -> bool,
        in_content: bool,
    ) {
        let node = &doc.nodes[id];
        let mut in_content = in_content || content.contains(&id);
        if let Some(reason) = excluded[id] {
            self.removed.push((node.span, reason));
            return;
        }
        if !in_content && !self.holds_content[id] && id != 0 {
            if node.is_text() && node.inner.of(self.html).trim().is_empty() {
                return;
            }
            if !is_kept(node.span) {
                self.removed.push((node.span, Reason::OutsideArticle));
                return;
            }
            // The user brought this part of the page back.
            in_content = true;
        }
        match node.kind {
            NodeKind::Comment => {}
            NodeKind::Text => {
                if in_content {
                    self.text(node.inner);
                }
            }
            _ => {
                let name = node.name();
                // Link-dense lists and blocks inside the article are related links.
                if in_content
                    && (BLOCK.contains(&name) || name == "font")
                    && !content.contains(&id)
                    && m.text[id] > 0
                    && density(m, id) > 0.6
                    && m.text[id] < 1500
                    && !is_kept(node.span)
                {
                    let listing = m.commas[id] == 0 && !doc.text(self.html, id).contains(". ");
                    let reason = if listing && !matches!(name, "ul" | "ol" | "li") {
                        Reason::Navigation
                    } else {
                        Reason::RelatedLinks
                    };
                    self.removed.push((node.span, reason));
                    return;
                }
                // A short section label ("Société", "World") above the headline.
                if in_content
                    && matches!(name, "p" | "span" | "div" | "a")
                    && m.text[id] < 30
                    && tokens(node)
                        .iter()
                        .any(|t| matches!(t.as_str(), "section" | "label" | "rubric" | "ressort"))
                    && !is_kept(node.span)
                {
                    self.removed.push((node.span, Reason::SectionLabel));
                    return;
                }
                let block = BLOCK.contains(&name);
                if block {
                    self.brk(2);
                }
                if name == "br" {
                    let level = if self.pending_break >= 1 { 2 } else { 1 };
                    self.brk(level);
                }
                for &c in &node.children {
                    self.walk(doc, c, content, excluded, m, is_kept, in_content);
                }
                if block {
                    self.brk(2);
                }
            }
        }
    }

    /// Emits a text run: white space collapsed, references decoded.
    fn text(&mut self, span: Span) {
        let html = self.html;
        let mut i = span.start;
        let mut copy_from = i;
        while i < span.end {
            let c = html[i..].chars().next().unwrap_or(' ');
            if c.is_ascii_whitespace() {
                self.flush(copy_from, i);
                let ws_start = i;
                while i < span.end && html.as_bytes()[i].is_ascii_whitespace() {
                    i += 1;
                }
                if self.pending_break == 0 && !self.b.as_str().is_empty() {
                    self.pending_space = Some((ws_start, i));
                }
                copy_from = i;
                continue;
            }
            if c == '&' {
                if let Some((value, len)) = entity_at(html, i).filter(|(_, l)| i + l <= span.end) {
                    self.flush(copy_from, i);
                    self.lead(i);
                    self.b.replace(&value, i..i + len);
                    i += len;
                    copy_from = i;
                    continue;
                }
            }
            i += c.len_utf8();
        }
        self.flush(copy_from, span.end);
    }

    /// Writes what is pending before text at `at`.
    fn lead(&mut self, at: usize) {
        if self.pending_break > 0 {
            if !self.b.as_str().is_empty() {
                let sep = if self.pending_break == 2 {
                    "\n\n"
                } else {
                    "\n"
                };
                self.b.replace(sep, at..at);
            }
            self.pending_break = 0;
            self.pending_space = None;
        } else if let Some((s, e)) = self.pending_space.take() {
            if self.html.get(s..e) == Some(" ") {
                self.b.copy(self.html, s..e);
            } else {
                self.b.replace(" ", s..e);
            }
        }
    }

    fn flush(&mut self, from: usize, to: usize) {
        if from < to {
            self.lead(from);
            self.b.copy(self.html, from..to);
        }
    }
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
    fn parses_with_offsets() {
        let html = "<p class=a>One<p>Two &amp; <b>three</b></p><ul><li>x<li>y</ul>";
        let doc = Document::parse(html);
        let ps: Vec<usize> = doc.elements("p").collect();
        assert_eq!(ps.len(), 2);
        assert_eq!(doc.nodes[ps[0]].span.of(html), "<p class=a>One");
        assert_eq!(doc.nodes[ps[0]].attr_value("class"), Some("a"));
        assert_eq!(doc.text(html, ps[1]), "Two & three");
        assert_eq!(doc.elements("li").count(), 2);
    }

    #[test]
    fn raw_text_and_comments() {
        let html = "<script>if (a<b) {}</script><!-- <p>no</p> --><p>yes</p>";
        let doc = Document::parse(html);
        assert_eq!(doc.elements("p").count(), 1);
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
}
