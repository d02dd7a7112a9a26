//! The HTML tree: a tolerant tokenizer and parser that keep source offsets.
//!
//! | type | what |
//! | --- | --- |
//! | [`Document`] | the element tree of a page; every node knows its byte range |
//! | [`Node`] | an element, a text run or a comment |
//! | [`NodeKind`] | which of those a node is, with an element's name and attributes |
//! | [`Attr`] | an attribute: name, decoded value and the span of the raw value |
//!
//! No HTML crate gives source offsets for every text run and tag at a size
//! that suits the wasm build (`html5ever`/`scraper` keep none, `tl` keeps
//! borrowed slices but no tree of ranges for implied end tags), so the
//! tokenizer is written here: it follows the HTML tokenizer closely enough for
//! saved article pages (raw text elements, comments, implied `</p>` and
//! `</li>`, void elements, unquoted attributes) and never fails.
//!
//! ```
//! use storydiff::clean::Document;
//! let html = "<p class=lead>One<p>Two &amp; <b>three</b>";
//! let doc = Document::parse(html);
//! let ps: Vec<usize> = doc.elements("p").collect();
//! assert_eq!(doc.nodes[ps[0]].span.of(html), "<p class=lead>One");
//! assert_eq!(doc.nodes[ps[0]].attr_value("class"), Some("lead"));
//! assert_eq!(doc.text(html, ps[1]), "Two & three");
//! ```

use super::tags;
use crate::clean::entities::decode_entities;
use crate::text::Span;

/// An attribute of an element: lower-cased name, decoded value and the span of
/// the raw value in the source.
#[derive(Clone, Debug)]
pub struct Attr {
    /// The name, lower case.
    pub name: String,
    /// The value, character references decoded.
    pub value: String,
    /// The raw value in the source (inside the quotes, if any).
    pub span: Span,
}

/// What a node is.
#[derive(Clone, Debug)]
pub enum NodeKind {
    /// The whole document: node 0.
    Document,
    /// An element, with its lower-cased tag name and its attributes.
    Element {
        /// The tag name, lower case.
        name: String,
        /// The attributes, in source order.
        attrs: Vec<Attr>,
    },
    /// A run of text.
    Text,
    /// A comment, a doctype or a processing instruction.
    Comment,
}

/// A node of the tree, with its byte range in the source.
#[derive(Clone, Debug)]
pub struct Node {
    /// What the node is.
    pub kind: NodeKind,
    /// The whole node: from `<` of its start tag to `>` of its end tag.
    pub span: Span,
    /// The content between the start and end tags (the text, for a text node).
    pub inner: Span,
    /// The parent node's id (`None` for the document).
    pub parent: Option<usize>,
    /// The child nodes' ids, in document order.
    pub children: Vec<usize>,
}

impl Node {
    /// The tag name of an element (lower case); "" for other nodes.
    pub fn name(&self) -> &str {
        match &self.kind {
            NodeKind::Element { name, .. } => name,
            _ => "",
        }
    }

    /// The attribute named `key` (lower case), if the element has it.
    pub fn attr(&self, key: &str) -> Option<&Attr> {
        match &self.kind {
            NodeKind::Element { attrs, .. } => attrs.iter().find(|a| a.name == key),
            _ => None,
        }
    }

    /// The decoded value of the attribute named `key`, if the element has it.
    pub fn attr_value(&self, key: &str) -> Option<&str> {
        self.attr(key).map(|a| a.value.as_str())
    }

    /// Whether the node is a text run.
    pub fn is_text(&self) -> bool {
        matches!(self.kind, NodeKind::Text)
    }
}

/// A parsed page: nodes in document order, node 0 the document.
#[derive(Clone, Debug)]
pub struct Document {
    /// Every node, in document order (a parent before its children).
    pub nodes: Vec<Node>,
}

/// Deepest element nesting the tree keeps.
const MAX_DEPTH: usize = 256;

impl Document {
    /// Parses `html`; never fails.
    pub fn parse(html: &str) -> Document {
        Document::parse_as(html, true)
    }

    /// Parses `html` as a browser does with scripting on (`noscript` holds
    /// raw text) or off (`noscript` holds elements, as a reader without
    /// JavaScript sees them).
    pub fn parse_as(html: &str, scripting: bool) -> Document {
        let mut parser = Parser::new(html);
        parser.scripting = scripting;
        let mut at = 0;
        while at < html.len() {
            at = parser.step(at);
        }
        parser.close_to(1, html.len(), html.len());
        Document {
            nodes: parser.nodes,
        }
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
                    let name = self.nodes[c].name();
                    if tags::is_block(name) || name == "br" {
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

    /// Whether node `a` is an ancestor of node `n`.
    pub fn is_ancestor(&self, a: usize, mut n: usize) -> bool {
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
fn decode_str(s: &str) -> String {
    decode_entities(s).as_str().to_string()
}

/// The tree under construction and the open elements.
struct Parser<'h> {
    html: &'h str,
    nodes: Vec<Node>,
    /// Open elements, the document at the bottom.
    stack: Vec<usize>,
    /// Whether `noscript` holds raw text (scripting on) or elements.
    scripting: bool,
}

impl<'h> Parser<'h> {
    fn new(html: &'h str) -> Parser<'h> {
        let document = Node {
            kind: NodeKind::Document,
            span: Span::new(0, html.len()),
            inner: Span::new(0, html.len()),
            parent: None,
            children: Vec::new(),
        };
        Parser {
            html,
            nodes: vec![document],
            stack: vec![0],
            scripting: true,
        }
    }

    /// Reads the piece of source at `at` (which must be before the end) into
    /// the tree; returns where the next piece starts. The readers are tried
    /// in order; the last, a start tag, always applies.
    fn step(&mut self, at: usize) -> usize {
        self.text_run(at)
            .or_else(|| self.comment(at))
            .or_else(|| self.declaration(at))
            .or_else(|| self.end_tag(at))
            .or_else(|| self.lone_angle_bracket(at))
            .unwrap_or_else(|| self.start_tag(at))
    }

    /// Text up to the next `<`.
    fn text_run(&mut self, at: usize) -> Option<usize> {
        if self.html.as_bytes()[at] == b'<' {
            return None;
        }
        let end = self.next_angle_bracket(at);
        self.push_leaf(NodeKind::Text, Span::new(at, end));
        Some(end)
    }

    /// `<!-- ... -->`.
    fn comment(&mut self, at: usize) -> Option<usize> {
        let body = self.html[at..].strip_prefix("<!--")?;
        let end = body.find("-->").map_or(self.html.len(), |n| at + 4 + n + 3);
        self.push_leaf(NodeKind::Comment, Span::new(at, end));
        Some(end)
    }

    /// `<!DOCTYPE ...>`, `<?xml ...?>`: kept as comments.
    fn declaration(&mut self, at: usize) -> Option<usize> {
        let rest = &self.html[at..];
        if !(rest.starts_with("<!") || rest.starts_with("<?")) {
            return None;
        }
        let end = self.tag_end(at);
        self.push_leaf(NodeKind::Comment, Span::new(at, end));
        Some(end)
    }

    /// `</name>`: closes the innermost open element of that name and the
    /// elements open inside it; an end tag nothing opened is dropped.
    fn end_tag(&mut self, at: usize) -> Option<usize> {
        let after = self.html[at..].strip_prefix("</")?;
        if !after.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let name_len = after
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(after.len());
        let name = after[..name_len].to_ascii_lowercase();
        let end = self.tag_end(at);
        let open = self
            .stack
            .iter()
            .rposition(|&id| self.nodes[id].name() == name);
        if let Some(pos) = open.filter(|&pos| pos > 0) {
            self.close_to(pos + 1, at, at);
            let id = self.stack.pop().unwrap_or(0);
            self.nodes[id].inner.end = at;
            self.nodes[id].span.end = end;
        }
        Some(end)
    }

    /// A `<` that opens no tag is text, up to the next `<`.
    fn lone_angle_bracket(&mut self, at: usize) -> Option<usize> {
        if self.html[at + 1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let end = self.next_angle_bracket(at + 1);
        self.push_leaf(NodeKind::Text, Span::new(at, end));
        Some(end)
    }

    /// `<name attr=value ...>`: closes what it implies, opens the element
    /// (unless void or self-closing), and reads a raw text element's content.
    fn start_tag(&mut self, at: usize) -> usize {
        let StartTag {
            name,
            attrs,
            self_closing,
            end,
        } = read_start_tag(self.html, at);
        self.imply_end_tags(&name, at);
        let void = tags::is_void(&name) || self_closing;
        let raw = tags::is_raw_text(&name) && (self.scripting || name != "noscript");
        let kind = NodeKind::Element {
            name: name.clone(),
            attrs,
        };
        let parent = self.top();
        let id = self.push(parent, kind, Span::new(at, end), Span::new(end, end));
        if void {
            return end;
        }
        if raw {
            return self.raw_text(id, &name, end);
        }
        // Malformed pages can nest thousands of unclosed tags; deeper
        // elements become leaves so that walking the tree stays shallow.
        if self.stack.len() < MAX_DEPTH {
            self.stack.push(id);
        }
        end
    }

    /// The end tags a start tag `name` implies, as the HTML parser has them.
    fn imply_end_tags(&mut self, name: &str, at: usize) {
        if tags::closes_paragraph(name) && self.top_name() == "p" {
            self.close_top(at);
        }
        match name {
            "li" => self.close_list_item(at),
            "dt" | "dd" if matches!(self.top_name(), "dt" | "dd") => self.close_top(at),
            "td" | "th" | "tr" => self.close_table_cell(name, at),
            "option" if self.top_name() == "option" => self.close_top(at),
            _ => {}
        }
    }

    /// A new `li` closes the open `li` of the same list.
    fn close_list_item(&mut self, at: usize) {
        let nodes = &self.nodes;
        let open = self
            .stack
            .iter()
            .rposition(|&id| matches!(nodes[id].name(), "li" | "ul" | "ol"));
        if let Some(pos) = open.filter(|&pos| nodes[self.stack[pos]].name() == "li") {
            self.close_to(pos, at, at);
        }
    }

    /// A new cell closes the open cell of the same row; a new row the open row
    /// of the same table.
    fn close_table_cell(&mut self, name: &str, at: usize) {
        let stop: &[&str] = if name == "tr" {
            &["tr", "table"]
        } else {
            &["td", "th", "tr", "table"]
        };
        let nodes = &self.nodes;
        let Some(pos) = self
            .stack
            .iter()
            .rposition(|&id| stop.contains(&nodes[id].name()))
        else {
            return;
        };
        let open = nodes[self.stack[pos]].name();
        if open != "table" && (open != "tr" || name == "tr") {
            self.close_to(pos, at, at);
        }
    }

    /// The content of a raw text element (`script`, `style`, ...) up to its
    /// end tag, as one text node.
    fn raw_text(&mut self, id: usize, name: &str, end: usize) -> usize {
        let html = self.html;
        let close_at = find_ci(html, end, &format!("</{name}")).unwrap_or(html.len());
        let tag_end = html[close_at..]
            .find('>')
            .map_or(html.len(), |n| close_at + n + 1);
        if close_at > end {
            let text = Span::new(end, close_at);
            self.push(id, NodeKind::Text, text, text);
        }
        self.nodes[id].inner = Span::new(end, close_at);
        self.nodes[id].span.end = tag_end;
        tag_end
    }

    /// Adds a node under `parent`; returns its id.
    fn push(&mut self, parent: usize, kind: NodeKind, span: Span, inner: Span) -> usize {
        let id = self.nodes.len();
        self.nodes.push(Node {
            kind,
            span,
            inner,
            parent: Some(parent),
            children: Vec::new(),
        });
        self.nodes[parent].children.push(id);
        id
    }

    /// Adds a text or comment node under the innermost open element.
    fn push_leaf(&mut self, kind: NodeKind, span: Span) {
        let parent = self.top();
        self.push(parent, kind, span, span);
    }

    /// Closes open elements until `depth` are left: their content ends at
    /// `at`, their end tag at `end`.
    fn close_to(&mut self, depth: usize, at: usize, end: usize) {
        while self.stack.len() > depth {
            let id = self.stack.pop().unwrap_or(0);
            let n = &mut self.nodes[id];
            n.inner.end = at.max(n.inner.start);
            n.span.end = end.max(n.inner.end);
        }
    }

    /// Closes the innermost open element with no end tag of its own.
    fn close_top(&mut self, at: usize) {
        let depth = self.stack.len() - 1;
        self.close_to(depth, at, at);
    }

    fn top(&self) -> usize {
        *self.stack.last().unwrap_or(&0)
    }

    fn top_name(&self) -> &str {
        self.nodes[self.top()].name()
    }

    /// Where the next `<` after `from` is, or the end.
    fn next_angle_bracket(&self, from: usize) -> usize {
        self.html[from..]
            .find('<')
            .map_or(self.html.len(), |n| from + n)
    }

    /// Just after the first `>` from `at`, or the end.
    fn tag_end(&self, at: usize) -> usize {
        self.html[at..]
            .find('>')
            .map_or(self.html.len(), |n| at + n + 1)
    }
}

/// Where `needle` (lower case ASCII) first occurs from `from` on, in any case.
fn find_ci(html: &str, from: usize, needle: &str) -> Option<usize> {
    let hay = html.as_bytes();
    let n = needle.as_bytes();
    (from..hay.len().saturating_sub(n.len() - 1))
        .find(|&k| hay[k..k + n.len()].eq_ignore_ascii_case(n))
}

/// A start tag as read from the source.
struct StartTag {
    /// The tag name, lower case.
    name: String,
    attrs: Vec<Attr>,
    /// Whether it ends in `/>`.
    self_closing: bool,
    /// Just after its `>`.
    end: usize,
}

/// Reads the start tag at `at`.
fn read_start_tag(html: &str, at: usize) -> StartTag {
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
        if i >= b.len() || b[i] == b'>' {
            return StartTag {
                name,
                attrs,
                self_closing,
                end: (i + 1).min(b.len()),
            };
        }
        let (attr, next) = read_attr(html, i);
        attrs.extend(attr);
        i = next;
    }
}

/// Reads an attribute at `at` (`name`, `name=value`, `name="value"`): the
/// attribute, if it has a name, and where reading goes on.
fn read_attr(html: &str, at: usize) -> (Option<Attr>, usize) {
    let b = html.as_bytes();
    let mut i = at;
    while i < b.len()
        && !(b[i].is_ascii_whitespace() || b[i] == b'=' || b[i] == b'>' || b[i] == b'/')
    {
        i += 1;
    }
    let key = html[at..i].to_ascii_lowercase();
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
    let attr = (!key.is_empty()).then(|| Attr {
        name: key,
        value: decode_str(span.of(html)),
        span,
    });
    // A stray character that starts no name is skipped.
    (attr, if i == at { i + 1 } else { i })
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn implied_end_tags() {
        let cases: &[(&str, &str, &str, &[&str])] = &[
            ("li closes li", "<ul><li>a<li>b</ul>", "li", &["a", "b"]),
            (
                "nested list keeps its item open",
                "<ul><li>a<ul><li>b</ul></ul>",
                "li",
                &["ab", "b"],
            ),
            ("dd closes dt", "<dl><dt>a<dd>b</dl>", "dt", &["a"]),
            (
                "td closes td",
                "<table><tr><td>a<td>b</table>",
                "td",
                &["a", "b"],
            ),
            (
                "tr closes tr",
                "<table><tr><td>a<tr><td>b</table>",
                "tr",
                &["a", "b"],
            ),
            ("div closes p", "<p>a<div>b</div>", "p", &["a"]),
            ("span stays in p", "<p>a<span>b</span>", "p", &["ab"]),
            (
                "option closes option",
                "<select><option>a<option>b</select>",
                "option",
                &["a", "b"],
            ),
        ];
        for (name, html, tag, want) in cases {
            let doc = Document::parse(html);
            let got: Vec<String> = doc.elements(tag).map(|id| doc.text(html, id)).collect();
            assert_eq!(got, *want, "{name}");
        }
    }

    #[test]
    fn stray_end_tags_and_angle_brackets() {
        let html = "a < b</i> <p x=\"1\" / y>c</P>";
        let doc = Document::parse(html);
        assert_eq!(doc.text(html, 0), "a < b c");
        let p = doc.elements("p").next().unwrap();
        assert_eq!(doc.nodes[p].span.of(html), "<p x=\"1\" / y>c</P>");
        assert_eq!(doc.nodes[p].attr_value("y"), Some(""));
        assert_eq!(doc.nodes[p].attr("x").unwrap().span.of(html), "1");
    }
}
