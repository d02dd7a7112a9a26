//! Furniture: elements that are not article text, judged each on its own,
//! by tag, by `hidden`, by ARIA role, and by the words of its class and id.
//!
//! The word lists are data (`data/words/html/`): furniture elements, strong
//! and weak class words and stems of run-together class names, each with the
//! [`Reason`] it stands for in the `role` column, and the class words that
//! say an element holds the article.

use super::tree::Node;
use crate::clean::Reason;
use crate::lexicon::{lists::html, WordIndex};

static ARTICLE_WORDS: WordIndex<&str> = WordIndex::of_words(html::ARTICLE_CLASS_WORDS);
static FURNITURE_ELEMENTS: WordIndex<(&str, &str, bool)> =
    WordIndex::new(html::FURNITURE_ELEMENTS, |r| r.0);

/// The reason a word list names in its `role` column (every role is a
/// reason's name: the tests check each list).
fn reason(role: &str) -> Reason {
    Reason::from_name(role).expect("data/words/html: a role that names no removal reason")
}

/// The lower-cased words of an element's class and id ("article-body
/// social-tracking" is "article", "body", "social", "tracking").
pub(super) fn class_words(n: &Node) -> Vec<String> {
    let mut out = Vec::new();
    for key in ["class", "id"] {
        if let Some(v) = n
            .attr_value(key)
            .filter(|v| key == "class" || !is_heading_slug(v))
        {
            for t in v.split(|c: char| !c.is_ascii_alphanumeric()) {
                if !t.is_empty() {
                    out.push(t.to_ascii_lowercase());
                }
            }
        }
    }
    out
}

/// An id made from a heading's words ("sharing-with-a-single-developer"):
/// four words or more with a stop word among them, which names a section,
/// not a component.
fn is_heading_slug(id: &str) -> bool {
    let parts: Vec<&str> = id.split(['-', '_']).filter(|p| !p.is_empty()).collect();
    parts.len() >= 4
        && parts
            .iter()
            .any(|p| crate::lexicon::is_stopword(&p.to_ascii_lowercase()))
}

/// Whether a class word says the element holds the article ("story").
pub(super) fn is_article_word(word: &str) -> bool {
    ARTICLE_WORDS.contains(word)
}

/// Whether a class word names furniture, strongly or weakly.
pub(super) fn is_furniture_word(word: &str) -> bool {
    html::FURNITURE_CLASS_WORDS
        .iter()
        .chain(html::WEAK_FURNITURE_CLASS_WORDS)
        .any(|(x, _)| *x == word)
}

/// Why an element is furniture, if it is, judged on its own. The rules are
/// tried in order; the first that applies decides.
pub(super) fn furniture(n: &Node) -> Option<Reason> {
    by_element(n)
        .or_else(|| hidden(n))
        .or_else(|| by_role(n))
        .or_else(|| by_class(n))
}

/// Furniture by tag alone, for the retry that does not trust class names.
pub(super) fn furniture_by_tag(n: &Node) -> Option<Reason> {
    furniture_element(n.name())
        .filter(|(_, without_hints)| *without_hints)
        .map(|(r, _)| r)
}

/// The furniture element `name`: its reason and whether it is furniture
/// without class hints too.
fn furniture_element(name: &str) -> Option<(Reason, bool)> {
    let (_, role, without_hints) = FURNITURE_ELEMENTS.get(name)?;
    Some((reason(role), *without_hints))
}

/// Scripts, styles, forms, media, `nav`, `aside`, `figcaption`, ads.
fn by_element(n: &Node) -> Option<Reason> {
    furniture_element(n.name()).map(|(r, _)| r)
}

/// `hidden`, `aria-hidden="true"`, `style="display: none"`.
fn hidden(n: &Node) -> Option<Reason> {
    let hidden = n.attr("hidden").is_some()
        || n.attr_value("aria-hidden") == Some("true")
        || n.attr_value("style").is_some_and(|s| {
            s.replace(' ', "")
                .to_ascii_lowercase()
                .contains("display:none")
        });
    hidden.then_some(Reason::Hidden)
}

/// ARIA landmark and dialog roles.
fn by_role(n: &Node) -> Option<Reason> {
    match n.attr_value("role").unwrap_or("") {
        "navigation" | "menubar" | "menu" => Some(Reason::Navigation),
        "complementary" => Some(Reason::Sidebar),
        "contentinfo" | "banner" => Some(Reason::Navigation),
        "dialog" | "alertdialog" => Some(Reason::Promo),
        _ => None,
    }
}

/// Class and id words: a strong word, else a stem inside a run-together
/// name, else a weak word on an element with no article word. The page's
/// `html`, `body`, `article` and `main` are never furniture by class.
fn by_class(n: &Node) -> Option<Reason> {
    if matches!(n.name(), "html" | "body" | "article" | "main") {
        return None;
    }
    let words = class_words(n);
    strong_word(&words)
        .or_else(|| stem_inside(&words))
        .or_else(|| weak_word(&words))
}

/// The first strong furniture word (in list order) the element carries.
fn strong_word(words: &[String]) -> Option<Reason> {
    html::FURNITURE_CLASS_WORDS
        .iter()
        .find(|(t, _)| words.iter().any(|x| x == t))
        .map(|(_, role)| reason(role))
}

/// Run-together names: "leftnav", "topmenu", "sharebox", "commentlist".
fn stem_inside(words: &[String]) -> Option<Reason> {
    html::FURNITURE_CLASS_STEMS
        .iter()
        .find(|(stem, _)| {
            words.iter().any(|x| {
                x.len() > stem.len()
                        && x.contains(stem)
                        && !x.contains("canvas")
                        // "shared", "commentary": words, not run-together names.
                        && !crate::lexicon::is_dictionary_word(x)
            })
        })
        .map(|(_, role)| reason(role))
}

/// A weak furniture word ("header", "tags"), unless an article word is there too.
fn weak_word(words: &[String]) -> Option<Reason> {
    if words.iter().any(|t| is_article_word(t)) {
        return None;
    }
    html::WEAK_FURNITURE_CLASS_WORDS
        .iter()
        .find(|(t, _)| words.iter().any(|x| x == t))
        .map(|(_, role)| reason(role))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::Document;

    #[test]
    fn every_role_names_a_reason() {
        let roles = html::FURNITURE_ELEMENTS
            .iter()
            .map(|(_, r, _)| r)
            .chain(html::FURNITURE_CLASS_WORDS.iter().map(|(_, r)| r))
            .chain(html::FURNITURE_CLASS_STEMS.iter().map(|(_, r)| r))
            .chain(html::WEAK_FURNITURE_CLASS_WORDS.iter().map(|(_, r)| r));
        for role in roles {
            assert!(Reason::from_name(role).is_some(), "{role}");
        }
        let tags = html::FURNITURE_ELEMENTS;
        assert!(tags.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn table() {
        let cases: &[(&str, Option<Reason>, Option<Reason>)] = &[
            ("<script>", Some(Reason::Script), Some(Reason::Script)),
            ("<aside>", Some(Reason::Sidebar), None),
            ("<figcaption>", Some(Reason::PhotoCredit), None),
            ("<div hidden>", Some(Reason::Hidden), None),
            ("<div style='Display: None'>", Some(Reason::Hidden), None),
            ("<div role=complementary>", Some(Reason::Sidebar), None),
            (
                "<div class='article-comments'>",
                Some(Reason::Comments),
                None,
            ),
            ("<div class='leftnav'>", Some(Reason::Navigation), None),
            ("<div class='canvas-nav'>", Some(Reason::Navigation), None),
            ("<div class='navcanvas'>", None, None),
            ("<div class='commentary'>", None, None),
            ("<div id='sharing-with-a-single-developer'>", None, None),
            (
                "<div id='getting-into-trouble-with-shared-history'>",
                None,
                None,
            ),
            ("<div class='header'>", Some(Reason::Navigation), None),
            ("<div class='story header'>", None, None),
            ("<article class='share'>", None, None),
            ("<p class='lead'>", None, None),
        ];
        for (html, want, by_tag) in cases {
            let doc = Document::parse(html);
            let n = &doc.nodes[1];
            assert_eq!(furniture(n), *want, "{html}");
            assert_eq!(furniture_by_tag(n), *by_tag, "{html} by tag");
        }
    }
}
