//! Facts of publication from an HTML page: its head (`meta` tags, JSON-LD,
//! `<title>`, the canonical link, `<html lang>`) and the elements that carry
//! them in the body (`h1`, `<time>`, a byline element, a dateline text).

use super::date::dateline_value;
use super::json_ld::{json_ld, JsonLd, LdKey};
use super::{Field, Metadata};
use crate::clean::{parse_dateline, Document};
use crate::extract::CalendarDate;
use crate::lexicon::lists::metadata::BYLINE_PREFIXES;
use crate::text::Span;

/// Fills `meta` from the HTML page `input`.
pub(super) fn html_meta(input: &str, meta: &mut Metadata) {
    let page = Page::read(input);
    let site = page
        .meta_content(&["og:site_name", "application-name"])
        .or_else(|| page.ld.get(LdKey::Publisher));
    meta.title = page.title(site.as_ref());
    meta.date = page.date();
    meta.byline = page.byline();
    meta.url = page.url();
    meta.section = page.section();
    meta.outlet = site;
    if let Some(language) = page.language() {
        meta.language = Some(language);
    }
}

/// A parsed page with its `meta` elements and JSON-LD.
struct Page<'a> {
    input: &'a str,
    doc: Document,
    metas: Vec<usize>,
    ld: JsonLd,
}

impl<'a> Page<'a> {
    fn read(input: &'a str) -> Page<'a> {
        let doc = Document::parse(input);
        let metas = doc.elements("meta").collect();
        let ld = json_ld(input, &doc);
        Page {
            input,
            doc,
            metas,
            ld,
        }
    }

    /// The `content` of the first `meta` element named by one of `keys` (as
    /// `property`, `name` or `itemprop`), trying the keys in order.
    fn meta_content(&self, keys: &[&str]) -> Option<Field> {
        keys.iter().find_map(|key| {
            self.metas.iter().find_map(|&m| {
                let n = &self.doc.nodes[m];
                let k = n
                    .attr_value("property")
                    .or_else(|| n.attr_value("name"))
                    .or_else(|| n.attr_value("itemprop"))?;
                if !k.eq_ignore_ascii_case(key) {
                    return None;
                }
                let a = n.attr("content").filter(|a| !a.value.trim().is_empty())?;
                Some(Field::at(a.value.trim(), a.span))
            })
        })
    }

    /// The visible headline: the first `h1` that agrees with the declared one
    /// (a logo in an `h1` does not), or the first of several words; else the
    /// declared headline; else the `<title>` without the site's name.
    fn title(&self, site: Option<&Field>) -> Option<Field> {
        let (doc, input) = (&self.doc, self.input);
        let declared = self
            .ld
            .get(LdKey::Headline)
            .or_else(|| self.meta_content(&["og:title", "twitter:title"]));
        let h1 = doc
            .elements("h1")
            .map(|h| (h, doc.text(input, h)))
            .find(|(_, t)| match &declared {
                Some(d) => agrees(t, &d.value),
                None => t.split_whitespace().count() >= 2,
            })
            .map(|(h, t)| Field::at(t, doc.nodes[h].inner));
        let title_tag = doc
            .elements("title")
            .next()
            .map(|t| Field::at(doc.text(input, t), doc.nodes[t].inner));
        h1.or_else(|| self.ld.get(LdKey::Headline))
            .or_else(|| self.meta_content(&["og:title", "twitter:title"]))
            .or_else(|| title_tag.map(|t| strip_site_suffix(t, site)))
    }

    /// The day of publication as declared (meta tags, JSON-LD, `<time>`),
    /// else a dateline written as its own text.
    fn date(&self) -> Option<Field> {
        let declared = self
            .meta_content(&[
                "article:published_time",
                "datePublished",
                "date",
                "pubdate",
                "publish-date",
                "dc.date",
                "dcterms.date",
                "sailthru.date",
            ])
            .or_else(|| self.ld.get(LdKey::DatePublished))
            .or_else(|| {
                self.doc.elements("time").find_map(|t| {
                    self.doc.nodes[t]
                        .attr("datetime")
                        .map(|a| Field::at(a.value.clone(), a.span))
                })
            });
        declared
            .and_then(|f| {
                let day = f.value.get(..10).and_then(CalendarDate::parse_iso)?;
                Some(Field {
                    value: day.iso(),
                    span: f.span,
                })
            })
            .or_else(|| dateline_in_text_nodes(self.input, &self.doc))
    }

    /// The author as declared (not a profile address), without "By"; else a
    /// byline element.
    fn byline(&self) -> Option<Field> {
        self.meta_content(&["author", "article:author", "byl", "dc.creator"])
            .filter(|f| !f.value.starts_with("http"))
            .map(|mut f| {
                f.value = f
                    .value
                    .trim_start_matches("By ")
                    .trim_start_matches("by ")
                    .to_string();
                f
            })
            .or_else(|| self.ld.get(LdKey::Author))
            .or_else(|| byline_element(self.input, &self.doc))
    }

    /// The canonical link, `og:url`, or the JSON-LD `url`.
    fn url(&self) -> Option<Field> {
        let doc = &self.doc;
        doc.elements("link")
            .find(|&l| {
                doc.nodes[l].attr_value("rel").is_some_and(|r| {
                    r.split_whitespace()
                        .any(|x| x.eq_ignore_ascii_case("canonical"))
                })
            })
            .and_then(|l| {
                doc.nodes[l]
                    .attr("href")
                    .map(|a| Field::at(a.value.trim(), a.span))
            })
            .or_else(|| self.meta_content(&["og:url"]))
            .or_else(|| self.ld.get(LdKey::Url))
    }

    /// `article:section`, else a short kicker element ("eyebrow", "dachzeile").
    fn section(&self) -> Option<Field> {
        let doc = &self.doc;
        self.meta_content(&["article:section"]).or_else(|| {
            classed(
                doc,
                &[
                    "kicker",
                    "eyebrow",
                    "rubrique",
                    "dachzeile",
                    "overline",
                    "section",
                ],
            )
            .map(|id| Field::at(doc.text(self.input, id), doc.nodes[id].inner))
            .filter(|f| !f.value.is_empty() && f.value.split_whitespace().count() <= 3)
        })
    }

    /// The language code of `<html lang>` ("en" for "en-GB").
    fn language(&self) -> Option<Field> {
        let html = self.doc.elements("html").next()?;
        let a = self.doc.nodes[html].attr("lang")?;
        let code = a
            .value
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_lowercase();
        (!code.is_empty()).then(|| Field::at(code, a.span))
    }
}

/// Whether two headlines share most of their words.
fn agrees(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let shared = a.iter().filter(|w| b.contains(w)).count();
    shared * 2 >= a.len().max(b.len())
}

/// The first element of the body whose class or id has one of `names` as a
/// word.
fn classed(doc: &Document, names: &[&str]) -> Option<usize> {
    (0..doc.nodes.len()).find(|&id| {
        let n = &doc.nodes[id];
        ["class", "id"].iter().any(|k| {
            n.attr_value(k).is_some_and(|v| {
                v.split(|c: char| !c.is_ascii_alphanumeric())
                    .any(|t| names.iter().any(|w| t.eq_ignore_ascii_case(w)))
            })
        })
    })
}

/// A byline element ("byline", "author", "firma" ...): its name, without
/// "By" and without a date after a separator.
fn byline_element(input: &str, doc: &Document) -> Option<Field> {
    let id = classed(
        doc,
        &["byline", "author", "firma", "autor", "auteur", "signature"],
    )?;
    let text = doc.text(input, id);
    let mut name = text.as_str();
    for w in BYLINE_PREFIXES {
        if let Some(r) = name.strip_prefix(w).and_then(|r| r.strip_prefix(' ')) {
            name = r;
        }
    }
    let name = name
        .split(['|', '·', '•'])
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches(',');
    if name.is_empty() || name.split_whitespace().count() > 6 {
        return None;
    }
    let inner = doc.nodes[id].inner;
    let span = inner.of(input).find(name).map_or(inner, |at| {
        Span::new(inner.start + at, inner.start + at + name.len())
    });
    Some(Field::at(name, span))
}

/// A dateline written as its own text in the page ("12 March 2019").
fn dateline_in_text_nodes(input: &str, doc: &Document) -> Option<Field> {
    let body = doc.elements("body").next().unwrap_or(0);
    doc.descendants(body)
        .into_iter()
        .filter(|&id| doc.nodes[id].is_text())
        .filter(|&id| {
            !doc.nodes[id]
                .parent
                .is_some_and(|p| matches!(doc.nodes[p].name(), "script" | "style"))
        })
        .take(200)
        .find_map(|id| {
            let raw = doc.nodes[id].inner.of(input);
            let t = raw.trim();
            let d = parse_dateline(t).filter(|d| d.len + 3 >= t.len())?;
            let start = doc.nodes[id].inner.start + (raw.len() - raw.trim_start().len());
            Some(Field::at(
                dateline_value(&d, input),
                Span::new(start, start + d.len),
            ))
        })
}

/// A `<title>` without the site's name after a separator ("Rates rise again |
/// Money Daily").
fn strip_site_suffix(mut f: Field, site: Option<&Field>) -> Field {
    for sep in [" | ", " - ", " — ", " – ", " :: "] {
        if let Some(at) = f.value.rfind(sep) {
            let suffix = &f.value[at + sep.len()..];
            let is_site = site.is_some_and(|s| s.value.eq_ignore_ascii_case(suffix.trim()))
                || suffix.split_whitespace().count() <= 3;
            if is_site && at > 0 {
                f.value.truncate(at);
                return f;
            }
        }
    }
    f
}

#[cfg(test)]
mod tests {
    use super::super::extract;
    use super::*;
    use crate::clean::Format;
    use crate::text::MappedText;

    #[test]
    fn html_head() {
        let html = r#"<html lang="en"><head><title>Rates rise again | Money Daily</title>
        <meta property="og:title" content="Rates rise again">
        <meta property="og:site_name" content="Money Daily">
        <meta property="article:published_time" content="2024-05-02T08:00:00Z">
        <link rel="canonical" href="https://money.example/rates-rise">
        <script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Ann Lee"}}</script>
        </head><body><h1 class="logo">Money Daily</h1><h1>Rates rise again</h1>
        <p>The central bank raised rates again on Thursday, officials said.</p></body></html>"#;
        let body = MappedText::identity("");
        let m = extract(html, Format::Html, &body);
        let v = |f: &Option<Field>| f.as_ref().map(|f| f.value.clone());
        assert_eq!(v(&m.title).as_deref(), Some("Rates rise again"));
        let title_span = m.title.as_ref().and_then(|f| f.span).unwrap();
        assert!(title_span.start > html.find("<h1>").unwrap());
        assert_eq!(v(&m.date).as_deref(), Some("2024-05-02"));
        assert_eq!(v(&m.byline).as_deref(), Some("Ann Lee"));
        assert_eq!(
            v(&m.url).as_deref(),
            Some("https://money.example/rates-rise")
        );
        assert_eq!(v(&m.outlet).as_deref(), Some("Money Daily"));
        assert_eq!(v(&m.language).as_deref(), Some("en"));
        let byline = m.byline.as_ref().and_then(|f| f.span).unwrap();
        assert_eq!(byline.of(html), "Ann Lee");
    }
}
