//! Facts of publication: title, date, byline, agency, URL, outlet, language.
//!
//! | field | plain text / Markdown | HTML |
//! | --- | --- | --- |
//! | title | first body line (a section label like "International" split off) | `h1`, JSON-LD `headline`, `og:title`, `<title>` |
//! | date | a dateline near the top ("Jan 6, 2022:", "March 19, 2022") | `article:published_time`, JSON-LD `datePublished`, `<time>` |
//! | byline | "By AFP", "Par Jean Dupont" | `author` meta, JSON-LD `author` |
//! | agency | the byline, or "told AFP", "(Reuters)", "an AP correspondent" | same, over the body |
//! | url | "Original url:" lines | canonical link, `og:url` |
//! | outlet | "Stay tuned to X for", "© 2022 X", the URL's host | `og:site_name`, JSON-LD `publisher` |
//! | language | stop-word profile of the body (en, fr, de, es, ru, it, pt, nl, pl, uk) | `<html lang>`, else the same |
//!
//! Every field carries the byte span of the *input* it was read from.
//! A dateline without a year ("Sunday, April 18") gets one only when a year
//! written in the text makes that day that weekday, and only one such year
//! does; otherwise its value is the ISO 8601 month-day `--04-18`.
//!
//! ```
//! use storydiff::clean::{clean, BatchEvidence, Format};
//! use storydiff::extract::metadata;
//! let input = "Rally Blocked\n\nBy AFP\n\nMarch 19, 2022\n\nActivists said Saturday they were refused permission to rally.";
//! let body = clean(input, Format::Plain, &BatchEvidence::default(), &[]).body;
//! let meta = metadata::extract(input, Format::Plain, &body);
//! assert_eq!(meta.title.unwrap().value, "Rally Blocked");
//! assert_eq!(meta.date.unwrap().value, "2022-03-19");
//! assert_eq!(meta.agency.unwrap().value, "AFP");
//! ```

use super::CalendarDate;
use crate::clean::{parse_dateline, Dateline, Document, Format};
use crate::text::{MappedText, Span};
use serde::Serialize;

/// A metadata value and the span of the input it was read from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Field {
    pub value: String,
    /// Byte span of the *input* (not the analysis text); `None` when given by the caller.
    pub span: Option<Span>,
}

impl Field {
    pub fn given(value: impl Into<String>) -> Field {
        Field {
            value: value.into(),
            span: None,
        }
    }

    fn at(value: impl Into<String>, span: Span) -> Field {
        Field {
            value: value.into(),
            span: Some(span),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Metadata {
    pub title: Option<Field>,
    /// Publication date, `YYYY-MM-DD` (or coarser when that is all the text gives).
    pub date: Option<Field>,
    pub byline: Option<Field>,
    /// Wire agency the story comes from ("AFP", "Reuters", "AP").
    pub agency: Option<Field>,
    pub url: Option<Field>,
    pub outlet: Option<Field>,
    /// ISO 639-1 code.
    pub language: Option<Field>,
    /// A section label split off the title ("International").
    pub section: Option<Field>,
}

/// Reads the facts of publication of one article.
///
/// `input` is the text as given, `format` its kind, and `body` the cleaned
/// text mapped onto the input. Field spans point into `input`.
pub fn extract(input: &str, format: Format, body: &MappedText) -> Metadata {
    let mut meta = Metadata::default();
    if format == Format::Html {
        html_meta(input, &mut meta);
    }
    if meta.title.is_none() {
        title_from_body(body, &mut meta);
    }
    if meta.date.is_none() {
        meta.date = dateline_date(input);
    }
    if meta.byline.is_none() && format != Format::Html {
        meta.byline = byline(input);
    }
    if meta.agency.is_none() {
        meta.agency = meta
            .byline
            .as_ref()
            .and_then(|b| {
                agency_name(&b.value).map(|a| Field {
                    value: a.to_string(),
                    span: b.span,
                })
            })
            .or_else(|| agency_in_body(body));
    }
    if meta.url.is_none() && format != Format::Html {
        meta.url = source_url(input);
    }
    if meta.outlet.is_none() {
        meta.outlet = outlet_in_text(input).or_else(|| meta.url.as_ref().and_then(host_of));
    }
    // The text's own evidence wins when clear; a page's `lang` otherwise.
    if let Some((lang, clear)) = language(body) {
        if clear || meta.language.is_none() {
            meta.language = Some(lang);
        }
    }
    meta
}

// ---------------------------------------------------------------- datelines

/// Years written in `text` (1900..=2100, as whole numbers).
fn years_in(text: &str) -> Vec<i32> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            let n = b[i..].iter().take_while(|x| x.is_ascii_digit()).count();
            if n == 4 && !b.get(i + 4).is_some_and(|x| x.is_ascii_alphanumeric()) {
                if let Ok(y) = text[i..i + 4].parse::<i32>() {
                    if (1900..=2100).contains(&y) {
                        out.push(y);
                    }
                }
            }
            i += n;
        } else {
            i += 1;
        }
    }
    out
}

/// The ISO value of a dateline, inferring a missing year from `text`.
fn dateline_value(d: &Dateline, text: &str) -> String {
    if let Some(y) = d.year {
        return format!("{y:04}-{:02}-{:02}", d.month, d.day);
    }
    if let Some(wd) = d.weekday {
        let mut years: Vec<i32> = years_in(text)
            .into_iter()
            .filter(|&y| CalendarDate::new(y, d.month, d.day).is_some_and(|c| c.weekday() == wd))
            .collect();
        years.sort();
        years.dedup();
        if let [y] = years[..] {
            return format!("{y:04}-{:02}-{:02}", d.month, d.day);
        }
    }
    format!("--{:02}-{:02}", d.month, d.day)
}

/// The publication date from a dateline among the first lines of `input`.
fn dateline_date(input: &str) -> Option<Field> {
    let mut found: Vec<Field> = Vec::new();
    let mut at = 0;
    for (n, line) in input.split_inclusive('\n').enumerate() {
        let start = at;
        at += line.len();
        if n > 40 || found.len() >= 3 {
            break;
        }
        let t = line.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '*' | '_' | '#' | '>' | '|')
        });
        if t.trim().is_empty() {
            continue;
        }
        let lead = line.len() - t.len();
        if let Some(d) = parse_dateline(t) {
            let span = Span::new(start + lead, start + lead + d.len);
            let date_part = span.of(input).trim_end();
            let span = Span::new(span.start, span.start + date_part.len());
            found.push(Field::at(dateline_value(&d, input), span));
        }
    }
    found
        .iter()
        .find(|f| !f.value.starts_with("--"))
        .or(found.first())
        .cloned()
}

// -------------------------------------------------------------------- title

const SECTIONS: &[&str] = &[
    "International",
    "World",
    "World News",
    "Politics",
    "Business",
    "Economy",
    "Sport",
    "Sports",
    "Culture",
    "Opinion",
    "Europe",
    "Asia",
    "Africa",
    "Americas",
    "Middle East",
    "Science",
    "Technology",
    "Tech",
    "Health",
    "Entertainment",
    "Lifestyle",
    "National",
    "Local",
    "Breaking",
    "Breaking News",
    "Analysis",
    "Exclusive",
    "Live",
    "Update",
    "News",
    "Latest",
    "Monde",
    "Politique",
    "Économie",
    "Société",
    "Ausland",
    "Politik",
    "Wirtschaft",
    "Kultur",
    "Internacional",
    "Mundo",
    "Política",
    "Economía",
    "Esteri",
    "Mondo",
    "Politica",
    "Economia",
    "Cronaca",
    "В мире",
    "Политика",
    "Экономика",
];

/// Pairs that are names, not a section label and a title ("World Bank").
const COMPOUNDS: &[&str] = &[
    "world bank",
    "world cup",
    "world war",
    "world health",
    "world trade",
    "world economic",
    "world food",
    "world series",
    "international monetary",
    "international criminal",
    "international court",
    "international energy",
    "international olympic",
    "international atomic",
    "international airport",
    "national guard",
    "national assembly",
    "national security",
    "national bank",
    "national party",
    "national front",
    "business insider",
    "health ministry",
    "sport england",
    "live nation",
    "news corp",
    "asia pacific",
    "europe's",
    "africa's",
    "asia's",
];

/// Splits a section label off the front of a title: ("International", rest).
fn split_section(title: &str) -> Option<(usize, usize)> {
    for s in SECTIONS {
        let Some(rest) = title.strip_prefix(s) else {
            continue;
        };
        let sep = rest.len()
            - rest
                .trim_start_matches([' ', '\u{a0}', '\t', '|', ':', '-', '–', '—', '»', '›', '/'])
                .len();
        let rest = &rest[sep..];
        if sep == 0
            || !rest.starts_with(|c: char| c.is_uppercase())
            || rest.split_whitespace().count() < 3
        {
            continue;
        }
        let next = rest.split_whitespace().next().unwrap_or("");
        let pair = format!("{} {}", s, next).to_lowercase();
        if COMPOUNDS.iter().any(|c| pair.starts_with(c)) {
            continue;
        }
        return Some((s.len(), s.len() + sep));
    }
    None
}

fn title_from_body(body: &MappedText, meta: &mut Metadata) {
    let text = body.as_str();
    let Some(line) = text.lines().find(|l| !l.trim().is_empty()) else {
        return;
    };
    let line_start = line.as_ptr() as usize - text.as_ptr() as usize;
    let trimmed = line.trim();
    let start = line_start + (line.len() - line.trim_start().len());
    let words = trimmed.split_whitespace().count();
    if words > 30 || (words > 15 && trimmed.ends_with('.')) {
        return;
    }
    let (value_start, section) = match split_section(trimmed) {
        Some((label_end, title_start)) => {
            let label = Span::new(start, start + label_end);
            (
                start + title_start,
                Some(Field::at(&trimmed[..label_end], body.to_source(label))),
            )
        }
        None => (start, None),
    };
    let span = Span::new(value_start, start + trimmed.len());
    meta.title = Some(Field::at(span.of(text), body.to_source(span)));
    meta.section = section;
}

// ------------------------------------------------------------ bylines, agency

const AGENCIES: &[(&str, &str)] = &[
    ("Agence France-Presse", "AFP"),
    ("Agence France Presse", "AFP"),
    ("AFP", "AFP"),
    ("Reuters", "Reuters"),
    ("Associated Press", "AP"),
    ("AP", "AP"),
    ("Xinhua", "Xinhua"),
    ("TASS", "TASS"),
    ("Interfax", "Interfax"),
    ("RIA Novosti", "RIA Novosti"),
    ("Anadolu", "Anadolu"),
    ("dpa", "dpa"),
    ("DPA", "dpa"),
    ("EFE", "EFE"),
    ("ANSA", "ANSA"),
    ("Kyodo", "Kyodo"),
    ("Yonhap", "Yonhap"),
    ("UPI", "UPI"),
    ("PTI", "PTI"),
    ("Europa Press", "Europa Press"),
    ("Bernama", "Bernama"),
];

/// The agency a name is, if it is one ("AFP", "By Reuters", "AFP/Getty").
fn agency_name(name: &str) -> Option<&'static str> {
    let n = name.trim().trim_matches(|c: char| !c.is_alphanumeric());
    AGENCIES.iter().find(|(a, _)| n == *a).map(|(_, v)| *v)
}

fn is_word_at(text: &str, at: usize, len: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + len..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The agency a story comes from, by how the body names it: "told AFP",
/// "showed AFP", "an AFP correspondent", "(Reuters)".
fn agency_in_body(body: &MappedText) -> Option<Field> {
    let text = body.as_str();
    let mut best: Option<(usize, Span, &str)> = None;
    for (name, value) in AGENCIES {
        for (at, _) in text.match_indices(name) {
            if !is_word_at(text, at, name.len()) {
                continue;
            }
            let before = text[..at].trim_end();
            let after = text[at + name.len()..].trim_start();
            let mut from = before.len().saturating_sub(24);
            while !before.is_char_boundary(from) {
                from += 1;
            }
            let lower_before = before[from..].to_lowercase();
            let by_verb = ["told", "showed", "told the", "said to", "an", "a"]
                .iter()
                .any(|v| lower_before.ends_with(v) && is_word_end(&lower_before, v))
                && (!["an", "a"].iter().any(|v| lower_before.ends_with(v))
                    || ["correspondent", "reporter", "journalist", "photographer"]
                        .iter()
                        .any(|n| after.starts_with(n)));
            let in_parens = before.ends_with('(') && after.starts_with(')');
            if (by_verb || in_parens) && best.is_none_or(|(b, _, _)| at < b) {
                best = Some((at, Span::new(at, at + name.len()), value));
            }
        }
    }
    best.map(|(_, span, value)| Field::at(value, body.to_source(span)))
}

fn is_word_end(s: &str, w: &str) -> bool {
    let start = s.len() - w.len();
    !s[..start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// A byline among the first lines of the input.
fn byline(input: &str) -> Option<Field> {
    let mut at = 0;
    for (n, line) in input.split_inclusive('\n').enumerate() {
        let start = at;
        at += line.len();
        if n > 40 {
            break;
        }
        let l = line.trim_end_matches(['\n', '\r']);
        if let Some((s, e)) = crate::clean::byline_name(l) {
            let mut span = Span::new(start + s, start + e);
            let mut name = span.of(input);
            // "[AFP](#)": the link text.
            if let Some(inner) = name.strip_prefix('[') {
                if let Some(close) = inner.find("](") {
                    span = Span::new(span.start + 1, span.start + 1 + close);
                    name = span.of(input);
                }
            }
            return Some(Field::at(name.trim(), span));
        }
    }
    None
}

// ---------------------------------------------------------------- url, outlet

fn source_url(input: &str) -> Option<Field> {
    let mut header_seen = false;
    let mut at = 0;
    for line in input.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let head: String = t.chars().take(24).collect();
        let lower = head.to_lowercase();
        let is_header = [
            "original url",
            "original link",
            "original article",
            "source url",
            "originally published",
            "source:",
            "read the original",
        ]
        .iter()
        .any(|h| lower.starts_with(h));
        if is_header || header_seen {
            if let Some(f) = url_in(input, start, line) {
                return Some(f);
            }
        }
        header_seen = is_header;
    }
    None
}

/// The first web address in `line` (which starts at `start` of `input`).
fn url_in(input: &str, start: usize, line: &str) -> Option<Field> {
    let at = line.find("https://").or_else(|| line.find("http://"))?;
    let end = line[at..]
        .find(|c: char| c.is_whitespace() || matches!(c, '>' | ')' | ']' | '"' | '\''))
        .map_or(line.len(), |n| at + n);
    let span = Span::new(start + at, start + end);
    Some(Field::at(span.of(input), span))
}

fn host_of(url: &Field) -> Option<Field> {
    let v = &url.value;
    let scheme = v.find("://")? + 3;
    let end = v[scheme..]
        .find(['/', '?', '#', ':'])
        .map_or(v.len(), |n| scheme + n);
    let mut host_start = scheme;
    if v[scheme..].starts_with("www.") {
        host_start += 4;
    }
    let value = &v[host_start..end];
    if value.is_empty() {
        return None;
    }
    let span = url
        .span
        .map(|s| Span::new(s.start + host_start, s.start + end));
    Some(Field {
        value: value.to_string(),
        span,
    })
}

/// An outlet that names itself: "Stay tuned to X for", "© 2022 X".
fn outlet_in_text(input: &str) -> Option<Field> {
    let mut at = 0;
    for line in input.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let t = line.trim();
        let lead = line.len() - line.trim_start().len();
        let name_start = if t
            .get(..14)
            .is_some_and(|p| p.eq_ignore_ascii_case("stay tuned to "))
        {
            Some(14)
        } else if t.starts_with('©')
            || t.get(..10)
                .is_some_and(|p| p.eq_ignore_ascii_case("copyright "))
        {
            // Skip "©", "Copyright", "(c)", years and punctuation to the name.
            let mut i = 0;
            loop {
                let r = &t[i..];
                let skip = r.len() - r.trim_start_matches(|c: char| !c.is_alphabetic()).len();
                i += skip;
                let r = &t[i..];
                if r.get(..9)
                    .is_some_and(|p| p.eq_ignore_ascii_case("copyright"))
                {
                    i += 9;
                } else if r.starts_with(['c', 'C'])
                    && t[..i].ends_with('(')
                    && r[1..].starts_with(')')
                {
                    i += 2;
                } else {
                    break;
                }
            }
            (i < t.len()).then_some(i)
        } else {
            None
        };
        let Some(ns) = name_start else { continue };
        let rest = &t[ns..];
        let end = [
            " for ",
            ".",
            ",",
            " - ",
            " |",
            " all rights",
            " All rights",
            "!",
        ]
        .iter()
        .filter_map(|m| rest.find(m))
        .min()
        .unwrap_or(rest.len());
        let name = rest[..end].trim();
        if name.is_empty() || name.split_whitespace().count() > 5 {
            continue;
        }
        let s = start + lead + ns + (rest.len() - rest.trim_start().len());
        return Some(Field::at(name, Span::new(s, s + name.len())));
    }
    None
}

// ----------------------------------------------------------------- language

/// Stop-word lists by language (PyPI `stop-words`, BSD-3-Clause; see
/// `data/stopwords/README.md`), shared with the comparison.
use crate::lexicon::STOPWORD_LISTS as STOPWORDS;

/// Word -> bit set of the languages whose list has it.
fn stopword_index() -> &'static std::collections::HashMap<&'static str, u16> {
    static INDEX: std::sync::OnceLock<std::collections::HashMap<&'static str, u16>> =
        std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = std::collections::HashMap::new();
        for (i, (_, list)) in STOPWORDS.iter().enumerate() {
            for w in list.lines().map(str::trim).filter(|w| !w.is_empty()) {
                *index.entry(w).or_insert(0u16) |= 1 << i;
            }
        }
        index
    })
}

/// Identifies the language of a text by its function words: each word found
/// in the stop-word lists scores for every language that has it, shared
/// words counting less. Returns the ISO 639-1 code and whether the call is
/// clear (enough evidence and a margin over the runner-up).
pub fn identify_language(text: &str) -> Option<(&'static str, bool)> {
    let index = stopword_index();
    let mut scores = [0.0f64; 16];
    let mut words = 0usize;
    for w in text
        .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .take(3000)
    {
        words += 1;
        let lower = w.to_lowercase();
        let lower = lower.trim_matches(['\'', '’']);
        if let Some(&set) = index.get(lower) {
            let n = set.count_ones() as f64;
            for (i, score) in scores.iter_mut().enumerate().take(STOPWORDS.len()) {
                if set & (1 << i) != 0 {
                    *score += 1.0 / n;
                }
            }
        }
    }
    let mut order: Vec<usize> = (0..STOPWORDS.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let (best, second) = (scores[order[0]], scores[order[1]]);
    if words == 0 || best < 1.0 {
        return None;
    }
    let clear = best >= 3.0 && best >= 1.5 * second;
    Some((STOPWORDS[order[0]].0, clear))
}

fn language(body: &MappedText) -> Option<(Field, bool)> {
    let text = body.as_str();
    let (code, clear) = identify_language(text)?;
    let span = body.to_source(Span::new(0, text.len()));
    Some((Field::at(code, span), clear))
}

// --------------------------------------------------------------------- HTML

fn html_meta(input: &str, meta: &mut Metadata) {
    let doc = Document::parse(input);
    let metas: Vec<usize> = doc.elements("meta").collect();
    let meta_content = |keys: &[&str]| -> Option<Field> {
        for key in keys {
            for &m in &metas {
                let n = &doc.nodes[m];
                let k = n
                    .attr_value("property")
                    .or_else(|| n.attr_value("name"))
                    .or_else(|| n.attr_value("itemprop"));
                if k.is_some_and(|k| k.eq_ignore_ascii_case(key)) {
                    if let Some(a) = n.attr("content").filter(|a| !a.value.trim().is_empty()) {
                        return Some(Field::at(a.value.trim(), a.span));
                    }
                }
            }
        }
        None
    };
    let ld = json_ld(input, &doc);
    // Title.
    // The visible headline: the first h1 that agrees with the declared one
    // (a logo in an h1 does not), or the first of several words.
    let declared = ld
        .get("headline")
        .or_else(|| meta_content(&["og:title", "twitter:title"]));
    let h1 = doc
        .elements("h1")
        .map(|h| (h, doc.text(input, h)))
        .find(|(_, t)| match &declared {
            Some(d) => agrees(t, &d.value),
            None => t.split_whitespace().count() >= 2,
        })
        .map(|(h, t)| Field::at(t, doc.nodes[h].inner));
    let title_tag = doc.elements("title").next().map(|t| {
        let raw = doc.text(input, t);
        Field::at(raw, doc.nodes[t].inner)
    });
    let site = meta_content(&["og:site_name", "application-name"]).or_else(|| ld.get("publisher"));
    meta.title = h1
        .or_else(|| ld.get("headline"))
        .or_else(|| meta_content(&["og:title", "twitter:title"]))
        .or_else(|| title_tag.map(|t| strip_site_suffix(t, site.as_ref())));
    // Date.
    let date = meta_content(&[
        "article:published_time",
        "datePublished",
        "date",
        "pubdate",
        "publish-date",
        "dc.date",
        "dcterms.date",
        "sailthru.date",
    ])
    .or_else(|| ld.get("datePublished"))
    .or_else(|| {
        doc.elements("time").find_map(|t| {
            doc.nodes[t]
                .attr("datetime")
                .map(|a| Field::at(a.value.clone(), a.span))
        })
    });
    meta.date = date.and_then(|f| {
        let day = f.value.get(..10).and_then(CalendarDate::parse_iso)?;
        Some(Field {
            value: day.iso(),
            span: f.span,
        })
    });
    meta.byline = meta_content(&["author", "article:author", "byl", "dc.creator"])
        .filter(|f| !f.value.starts_with("http"))
        .map(|mut f| {
            f.value = f
                .value
                .trim_start_matches("By ")
                .trim_start_matches("by ")
                .to_string();
            f
        })
        .or_else(|| ld.get("author"));
    meta.url = doc
        .elements("link")
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
        .or_else(|| meta_content(&["og:url"]))
        .or_else(|| ld.get("url"));
    if meta.byline.is_none() {
        meta.byline = byline_element(input, &doc);
    }
    if meta.date.is_none() {
        meta.date = dateline_in_text_nodes(input, &doc);
    }
    meta.section = meta_content(&["article:section"]).or_else(|| {
        classed(
            &doc,
            &[
                "kicker",
                "eyebrow",
                "rubrique",
                "dachzeile",
                "overline",
                "section",
            ],
        )
        .map(|id| Field::at(doc.text(input, id), doc.nodes[id].inner))
        .filter(|f| !f.value.is_empty() && f.value.split_whitespace().count() <= 3)
    });
    meta.outlet = site;
    let html = doc.elements("html").next();
    if let Some(a) = html.and_then(|h| doc.nodes[h].attr("lang")) {
        let code = a
            .value
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_lowercase();
        if !code.is_empty() {
            meta.language = Some(Field::at(code, a.span));
        }
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
    for w in [
        "by ", "By ", "BY ", "von ", "Von ", "par ", "Par ", "por ", "Por ", "di ", "Di ",
    ] {
        if let Some(r) = name.strip_prefix(w) {
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

/// The NewsArticle-like objects of a page's JSON-LD, read as fields.
struct JsonLd {
    fields: Vec<(String, Field)>,
}

impl JsonLd {
    fn get(&self, key: &str) -> Option<Field> {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, f)| f.clone())
    }
}

fn json_ld(input: &str, doc: &Document) -> JsonLd {
    let mut fields = Vec::new();
    for s in doc.elements("script") {
        let n = &doc.nodes[s];
        if !n
            .attr_value("type")
            .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
        {
            continue;
        }
        let raw = n.inner.of(input);
        let Ok(value) = serde_json::from_str::<serde_json::Value>(raw) else {
            continue;
        };
        let mut objects = Vec::new();
        collect_articles(&value, &mut objects);
        for obj in objects {
            for key in ["headline", "datePublished", "url", "author", "publisher"] {
                let Some(v) = obj.get(key) else { continue };
                let text = match key {
                    "author" | "publisher" => name_of(v),
                    _ => v.as_str().map(str::to_string),
                };
                let Some(text) = text.filter(|t| !t.trim().is_empty()) else {
                    continue;
                };
                let first = text.split(", ").next().unwrap_or(&text);
                let span = find_json_string(raw, &text)
                    .or_else(|| find_json_string(raw, first))
                    .map_or(n.inner, |sp| sp.shift(n.inner.start));
                fields.push((key.to_string(), Field::at(text.trim(), span)));
            }
        }
    }
    JsonLd { fields }
}

fn collect_articles<'v>(
    v: &'v serde_json::Value,
    out: &mut Vec<&'v serde_json::Map<String, serde_json::Value>>,
) {
    match v {
        serde_json::Value::Array(items) => items.iter().for_each(|i| collect_articles(i, out)),
        serde_json::Value::Object(map) => {
            let ty = map.get("@type");
            let types: Vec<&str> = match ty {
                Some(serde_json::Value::String(s)) => vec![s.as_str()],
                Some(serde_json::Value::Array(a)) => a.iter().filter_map(|x| x.as_str()).collect(),
                _ => vec![],
            };
            if types
                .iter()
                .any(|t| t.ends_with("Article") || *t == "BlogPosting" || *t == "Report")
            {
                out.push(map);
            }
            if let Some(g) = map.get("@graph") {
                collect_articles(g, out);
            }
        }
        _ => {}
    }
}

fn name_of(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Object(m) => m.get("name").and_then(|n| n.as_str()).map(str::to_string),
        serde_json::Value::Array(a) => {
            let names: Vec<String> = a.iter().filter_map(name_of).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

/// Where the JSON string `value` is written in `raw` (the span of its text).
fn find_json_string(raw: &str, value: &str) -> Option<Span> {
    let encoded = serde_json::to_string(value).ok()?;
    let inner = &encoded[1..encoded.len() - 1];
    let at = raw.find(inner)?;
    Some(Span::new(at, at + inner.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekday_year_inference() {
        let d = parse_dateline("Sunday, April 18").unwrap();
        // 2021-04-18 was a Sunday; 2009-04-18 a Saturday.
        assert_eq!(
            dateline_value(&d, "Sunday, April 18 ... in 2021 ..."),
            "2021-04-18"
        );
        assert_eq!(
            dateline_value(&d, "Sunday, April 18 ... fled in 2009 ..."),
            "--04-18"
        );
        assert_eq!(dateline_value(&d, "no year at all"), "--04-18");
    }

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

    #[test]
    fn outlets() {
        let cases = [
            (
                "Stay tuned to BaaghiTV for latest news and Updates!",
                Some("BaaghiTV"),
            ),
            (
                "© 2022 Example News. All rights reserved.",
                Some("Example News"),
            ),
            (
                "Copyright 2021 Riverton Herald Media.",
                Some("Riverton Herald Media"),
            ),
            ("© Copyright 2023 Foo Bar | Terms", Some("Foo Bar")),
            ("© İstanbul Haber 2023", Some("İstanbul Haber 2023")),
            ("The copyright holder sued.", None),
        ];
        for (line, want) in cases {
            let got = outlet_in_text(line);
            assert_eq!(got.as_ref().map(|f| f.value.as_str()), want, "{line}");
            if let Some(f) = got {
                assert_eq!(f.span.unwrap().of(line), f.value);
            }
        }
    }

    #[test]
    fn sections() {
        let cases = [
            (
                "International Riots in Kazakhstan: Moscow acts",
                Some("International"),
            ),
            ("World Bank raises its growth forecast", None),
            ("World | Protests spread across the country", Some("World")),
            ("Politics", None),
            ("International students return to campus", None),
        ];
        for (t, want) in cases {
            assert_eq!(split_section(t).map(|(e, _)| &t[..e]), want, "{t}");
        }
    }

    #[test]
    fn languages() {
        let cases = [
            ("en", "The government said on Thursday that the protests had been put down and that order was restored in the city."),
            ("fr", "Le gouvernement a déclaré jeudi que les manifestations avaient été réprimées et que l'ordre était rétabli dans la ville."),
            ("de", "Die Regierung erklärte am Donnerstag, die Proteste seien niedergeschlagen worden und in der Stadt herrsche wieder Ordnung."),
            ("es", "El gobierno dijo el jueves que las protestas habían sido sofocadas y que el orden se había restablecido en la ciudad."),
            ("ru", "Правительство заявило в четверг, что протесты были подавлены и порядок в городе восстановлен."),
            ("it", "Il governo ha dichiarato giovedì che le proteste erano state represse e che l'ordine era stato ristabilito in città."),
        ];
        for (want, text) in cases {
            assert_eq!(identify_language(text), Some((want, true)), "{text}");
        }
        let more = [
            ("pt", "O governo disse na quinta-feira que os protestos tinham sido reprimidos e que a ordem foi restabelecida na cidade."),
            ("nl", "De regering zei donderdag dat de protesten waren neergeslagen en dat de orde in de stad was hersteld."),
            ("pl", "Rząd oświadczył w czwartek, że protesty zostały stłumione i że w mieście przywrócono porządek."),
            ("uk", "Уряд заявив у четвер, що протести було придушено і що порядок у місті відновлено."),
        ];
        for (want, text) in more {
            assert_eq!(identify_language(text).map(|l| l.0), Some(want), "{text}");
        }
        assert_eq!(identify_language("12345 67890"), None);
    }
}
