//! Emitting the article's text: blocks become paragraphs separated by
//! "\n\n", white space collapses, character references become replaced
//! pieces, and everything left out is a removal with its reason.

use super::score::Measures;
use super::tags;
use super::tree::{Document, NodeKind};
use super::{furniture::class_words, Extracted};
use crate::clean::entities::entity_at;
use crate::clean::Reason;
use crate::text::{MappedText, MappedTextBuilder, Span};

/// What the walk over the tree knows: the page, its furniture and its article.
pub(super) struct Page<'a> {
    pub(super) html: &'a str,
    pub(super) doc: &'a Document,
    /// The nodes that hold the article.
    pub(super) content: &'a [usize],
    /// The furniture, with its reason.
    pub(super) excluded: &'a [Option<Reason>],
    pub(super) m: &'a Measures,
    /// Whether the user undid the removal of a span of the page.
    pub(super) is_kept: &'a dyn Fn(Span) -> bool,
}

/// Emits the text of `page`'s article, mapped onto the page, with the removals.
pub(super) fn emit(page: &Page) -> Extracted {
    let mut e = Emitter {
        page,
        b: MappedText::builder(),
        removed: Vec::new(),
        pending_space: None,
        pending_break: Break::None,
        holds_content: vec![false; page.doc.nodes.len()],
        pre: 0,
    };
    for &c in page.content {
        let mut at = page.doc.nodes[c].parent;
        while let Some(p) = at {
            if e.holds_content[p] {
                break;
            }
            e.holds_content[p] = true;
            at = page.doc.nodes[p].parent;
        }
    }
    e.walk(0, false);
    (e.b.finish_for(page.html.len()), e.removed)
}

/// A break between two pieces of text, weakest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    None,
    /// "\n"
    Line,
    /// "\n\n"
    Paragraph,
}

struct Emitter<'a> {
    page: &'a Page<'a>,
    b: MappedTextBuilder,
    removed: Vec<(Span, Reason)>,
    /// Source range of white space waiting to become one space.
    pending_space: Option<(usize, usize)>,
    /// The break waiting before the next text.
    pending_break: Break,
    /// Nodes that hold a part of the article below them.
    holds_content: Vec<bool>,
    /// How many `pre` elements are open: there a blank line is a paragraph break.
    pre: usize,
}

impl Emitter<'_> {
    /// Asks for a break at least as strong as `level` before the next text.
    fn brk(&mut self, level: Break) {
        if level > self.pending_break {
            self.pending_break = level;
        }
        self.pending_space = None;
    }

    /// Emits node `id` and what is below it; `in_content` says whether an
    /// ancestor is part of the article.
    fn walk(&mut self, id: usize, in_content: bool) {
        let page = self.page;
        let node = &page.doc.nodes[id];
        if let Some(reason) = page.excluded[id] {
            self.removed.push((node.span, reason));
            return;
        }
        let in_content = in_content || page.content.contains(&id);
        let Some(in_content) = self.outside_article(id, in_content) else {
            return;
        };
        match node.kind {
            NodeKind::Comment => {}
            NodeKind::Text => {
                if in_content {
                    self.text(node.inner);
                }
            }
            _ => self.element(id, in_content),
        }
    }

    /// A node outside the article and above none of it is removed, unless
    /// the user brought it back (then it counts as article). Returns whether
    /// the node is article, or `None` when it is done with.
    fn outside_article(&mut self, id: usize, in_content: bool) -> Option<bool> {
        if in_content || self.holds_content[id] || id == 0 {
            return Some(in_content);
        }
        let node = &self.page.doc.nodes[id];
        if node.is_text() && node.inner.of(self.page.html).trim().is_empty() {
            return None;
        }
        if !(self.page.is_kept)(node.span) {
            self.removed.push((node.span, Reason::OutsideArticle));
            return None;
        }
        Some(true)
    }

    /// An element: inside the article, link blocks and section labels are
    /// removed; otherwise its children, with the breaks a block makes.
    fn element(&mut self, id: usize, in_content: bool) {
        let node = &self.page.doc.nodes[id];
        if in_content {
            if let Some(reason) = self.link_block(id).or_else(|| self.section_label(id)) {
                self.removed.push((node.span, reason));
                return;
            }
        }
        let name = node.name();
        let block = tags::is_block(name);
        if block {
            self.brk(Break::Paragraph);
        }
        if name == "br" {
            // A second <br> in a row makes a paragraph.
            let level = if self.pending_break >= Break::Line {
                Break::Paragraph
            } else {
                Break::Line
            };
            self.brk(level);
        }
        let pre = usize::from(name == "pre");
        self.pre += pre;
        for &c in &node.children {
            self.walk(c, in_content);
        }
        self.pre -= pre;
        if block {
            self.brk(Break::Paragraph);
        }
    }

    /// A link-dense block inside the article: a list of links is related
    /// links; a run of links with no sentence is navigation.
    fn link_block(&self, id: usize) -> Option<Reason> {
        let page = self.page;
        let node = &page.doc.nodes[id];
        let name = node.name();
        let m = page.m;
        let dense = (tags::is_block(name) || name == "font")
            && !page.content.contains(&id)
            && m.text[id] > 0
            && m.density(id) > 0.6
            && m.text[id] < 1500
            && !(page.is_kept)(node.span);
        if !dense {
            return None;
        }
        let listing = m.commas[id] == 0 && !page.doc.text(page.html, id).contains(". ");
        Some(if listing && !matches!(name, "ul" | "ol" | "li") {
            Reason::Navigation
        } else {
            Reason::RelatedLinks
        })
    }

    /// A short section label ("Société", "World") above the headline.
    fn section_label(&self, id: usize) -> Option<Reason> {
        let page = self.page;
        let node = &page.doc.nodes[id];
        let label = matches!(node.name(), "p" | "span" | "div" | "a")
            && page.m.text[id] < 30
            && class_words(node)
                .iter()
                .any(|t| matches!(t.as_str(), "section" | "label" | "rubric" | "ressort"))
            && !(page.is_kept)(node.span);
        label.then_some(Reason::SectionLabel)
    }

    /// Emits a text run: white space collapsed, references decoded.
    fn text(&mut self, span: Span) {
        let html = self.page.html;
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
                let blank_line = self.pre > 0 && html[ws_start..i].matches('\n').count() >= 2;
                if blank_line {
                    self.brk(Break::Paragraph);
                } else if self.pending_break == Break::None && !self.b.as_str().is_empty() {
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
        if self.pending_break != Break::None {
            if !self.b.as_str().is_empty() {
                let sep = if self.pending_break == Break::Paragraph {
                    "\n\n"
                } else {
                    "\n"
                };
                self.b.replace(sep, at..at);
            }
            self.pending_break = Break::None;
            self.pending_space = None;
        } else if let Some((s, e)) = self.pending_space.take() {
            if self.page.html.get(s..e) == Some(" ") {
                self.b.copy(self.page.html, s..e);
            } else {
                self.b.replace(" ", s..e);
            }
        }
    }

    fn flush(&mut self, from: usize, to: usize) {
        if from < to {
            self.lead(from);
            self.b.copy(self.page.html, from..to);
        }
    }
}
