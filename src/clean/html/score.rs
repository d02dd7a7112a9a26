//! Finding the article: paragraph-like blocks score their ancestors, weighted
//! by tag and class hints and by link density; the best element wins, with
//! the siblings that score close to it and the page's headline.

use super::furniture::{class_words, is_article_word, is_furniture_word};
use super::tags;
use super::tree::{Document, Node};

/// Per-node measures of the visible text.
pub(super) struct Measures {
    /// Non-space characters of text below the node (furniture excluded).
    pub(super) text: Vec<usize>,
    /// Of which inside links.
    link: Vec<usize>,
    /// Commas below the node.
    pub(super) commas: Vec<usize>,
}

impl Measures {
    /// Measures every node of `doc` that is not `dead` (furniture or below it).
    pub(super) fn of(doc: &Document, html: &str, dead: &[bool]) -> Measures {
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

    /// The share of a node's text inside links.
    pub(super) fn density(&self, id: usize) -> f64 {
        if self.text[id] == 0 {
            0.0
        } else {
            self.link[id] as f64 / self.text[id] as f64
        }
    }
}

/// The scores of the candidate elements.
struct Scores {
    score: Vec<f64>,
    /// Whether a paragraph below scored the node (only those are candidates).
    scored: Vec<bool>,
}

/// The nodes that hold the article, best first: the best candidate (or
/// the ancestor that holds nearly its score), the siblings that score close
/// to it, and the page's `h1` when it is outside them. With no candidate,
/// the `body`.
pub(super) fn choose_content(doc: &Document, m: &Measures, dead: &[bool]) -> Vec<usize> {
    let scores = score_candidates(doc, m, dead);
    let Some(best) = best_candidate(&scores) else {
        return vec![doc.elements("body").next().unwrap_or(0)];
    };
    let top = climb(doc, &scores, shared_ancestor(doc, &scores, best));
    let top = only_child_up(doc, m, dead, top);
    let mut content = vec![top];
    content.extend(close_siblings(doc, m, dead, &scores, top));
    if let Some(h1) = doc.elements("h1").find(|&h| !dead[h] && m.text[h] > 0) {
        if !content.iter().any(|&c| c == h1 || doc.is_ancestor(c, h1)) {
            content.push(h1);
        }
    }
    content
}

/// Paragraph-like blocks give their parent, grandparent and great-grandparent
/// one point, one a comma, one a hundred characters up to three (divided by
/// 1, 2, 3 by level); each candidate starts from its [`base_score`]; the
/// score is then discounted by link density.
fn score_candidates(doc: &Document, m: &Measures, dead: &[bool]) -> Scores {
    let n = doc.nodes.len();
    let mut s = Scores {
        score: vec![0.0f64; n],
        scored: vec![false; n],
    };
    for (id, &dead) in dead.iter().enumerate() {
        if dead || !is_paragraph(doc, id) || m.text[id] < 25 {
            continue;
        }
        let points = 1.0 + m.commas[id] as f64 + (m.text[id] as f64 / 100.0).min(3.0);
        let mut anc = doc.nodes[id].parent;
        for level in 0..3 {
            let Some(a) = anc else { break };
            if a == 0 {
                break;
            }
            if !s.scored[a] {
                s.scored[a] = true;
                s.score[a] += base_score(&doc.nodes[a]);
            }
            s.score[a] += points / [1.0, 2.0, 3.0][level];
            anc = doc.nodes[a].parent;
        }
    }
    for id in 0..n {
        if s.scored[id] {
            s.score[id] *= 1.0 - m.density(id);
        }
    }
    s
}

/// `p`, `pre`, `td`, `blockquote`, and a `div` with no block inside.
fn is_paragraph(doc: &Document, id: usize) -> bool {
    let node = &doc.nodes[id];
    matches!(node.name(), "p" | "pre" | "td" | "blockquote")
        || (node.name() == "div"
            && node
                .children
                .iter()
                .all(|&c| !tags::is_block(doc.nodes[c].name())))
}

/// The first candidate with the highest score.
fn best_candidate(s: &Scores) -> Option<usize> {
    let mut best: Option<usize> = None;
    for id in 0..s.score.len() {
        if s.scored[id] && best.is_none_or(|b| s.score[id] > s.score[b]) {
            best = Some(id);
        }
    }
    best
}

/// The article split over several blocks that each score nearly as well as
/// the best one (sections of a long review, a live blog's entries): the
/// nearest ancestor of `best` that holds at least three of the five
/// runners-up scoring three quarters of it or more (Readability's rule).
fn shared_ancestor(doc: &Document, s: &Scores, best: usize) -> usize {
    let mut runners: Vec<usize> = (0..s.score.len())
        .filter(|&id| id != best && s.scored[id] && s.score[id] >= 0.75 * s.score[best])
        .collect();
    crate::text::sort::by(&mut runners, |&a, &b| s.score[b].total_cmp(&s.score[a]));
    runners.truncate(5);
    if runners.len() < 3 {
        return best;
    }
    let mut anc = doc.nodes[best].parent;
    while let Some(a) = anc {
        if a == 0 || matches!(doc.nodes[a].name(), "body" | "html") {
            break;
        }
        let held = runners.iter().filter(|&&r| doc.is_ancestor(a, r)).count();
        if held >= 3 {
            return a;
        }
        anc = doc.nodes[a].parent;
    }
    best
}

/// An ancestor holding nearly the same score, e.g. an `<article>` whose
/// text is split over several `<div>`s, is preferred.
fn climb(doc: &Document, s: &Scores, best: usize) -> usize {
    let mut top = best;
    while let Some(p) = doc.nodes[top].parent {
        if p == 0 || !s.scored[p] || matches!(doc.nodes[p].name(), "body" | "html") {
            break;
        }
        if s.score[p] < s.score[top] * 0.75 {
            break;
        }
        top = p;
    }
    top
}

/// The outermost wrapper whose only text is `top` ("<div class=section><div
/// class=body>...</div></div>"), so that the blocks beside the wrapper are
/// seen as siblings (Readability climbs the same way).
fn only_child_up(doc: &Document, m: &Measures, dead: &[bool], mut top: usize) -> usize {
    while let Some(p) = doc.nodes[top].parent {
        if p == 0 || matches!(doc.nodes[p].name(), "body" | "html") || dead[p] {
            break;
        }
        let with_text = doc.nodes[p]
            .children
            .iter()
            .filter(|&&c| !dead[c] && m.text[c] > 0)
            .count();
        if with_text != 1 {
            break;
        }
        top = p;
    }
    top
}

/// Siblings of `top` that score at least a fifth of it (and ten), counting a
/// bonus of a fifth of it for one of the same class, and long paragraphs
/// beside it with few links.
fn close_siblings(
    doc: &Document,
    m: &Measures,
    dead: &[bool],
    s: &Scores,
    top: usize,
) -> Vec<usize> {
    let Some(parent) = doc.nodes[top].parent else {
        return Vec::new();
    };
    let threshold = (s.score[top] * 0.2).max(10.0);
    // A sibling of the same class ("articleBody section") gets a bonus of a fifth of `top`.
    let class = doc.nodes[top]
        .attr_value("class")
        .filter(|c| !c.trim().is_empty());
    let bonus = |sib: usize| {
        let same = class.is_some() && doc.nodes[sib].attr_value("class") == class;
        if same {
            s.score[top] * 0.2
        } else {
            0.0
        }
    };
    let ok = |sib: usize| {
        (s.scored[sib] && s.score[sib] + bonus(sib) >= threshold)
            || (doc.nodes[sib].name() == "p" && m.text[sib] > 80 && m.density(sib) < 0.25)
    };
    doc.nodes[parent]
        .children
        .iter()
        .copied()
        .filter(|&sib| sib != top && !dead[sib] && ok(sib))
        .collect()
}

/// A candidate's score before its paragraphs: by tag, and by class hints.
fn base_score(n: &Node) -> f64 {
    let by_tag = match n.name() {
        "div" | "article" | "section" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let words = class_words(n);
    let mut class = 0.0;
    if words.iter().any(|t| is_article_word(t)) {
        class += 25.0;
    }
    if words.iter().any(|t| is_furniture_word(t)) {
        class -= 25.0;
    }
    if n.attr_value("itemprop") == Some("articleBody") {
        class += 50.0;
    }
    by_tag + class
}
