//! Facts of publication: title, date, byline, agency, URL, outlet, language.
//!
//! | field | plain text / Markdown | HTML |
//! | --- | --- | --- |
//! | title | first body line (a section label like "International" split off) | `h1`, JSON-LD `headline`, `og:title`, `<title>` |
//! | date | a dateline near the top ("Jan 6, 2022:", "March 19, 2022", "Paris, 21 juin 2012 –") | `article:published_time`, JSON-LD `datePublished`, `<time>` |
//! | byline | "By AFP", "Par Jean Dupont" | `author` meta, JSON-LD `author` |
//! | agency | the byline, or "told AFP", "(Reuters)", "an AP correspondent" | same, over the body |
//! | url | "Original url:" lines | canonical link, `og:url` |
//! | outlet | "Stay tuned to X for", "© 2022 X", the URL's host | `og:site_name`, JSON-LD `publisher` |
//! | place | a dateline's place ("Paris, 21 juin 2012 –", "21 septembre 2012, France. -") | none |
//! | language | stop-word profile of the body (en, fr, de, es, ru, it, pt, nl, pl, uk) | `<html lang>`, else the same |
//!
//! Every field carries the byte span of the *input* it was read from.
//! A dateline without a year ("Sunday, April 18") gets one only when a year
//! written in the text makes that day that weekday, and only one such year
//! does; otherwise its value is the ISO 8601 month-day `--04-18`.
//!
//! Each concern has its module: `title` (the first body line and its section
//! label), `date` (datelines near the top; the dateline grammar itself is
//! [`crate::clean::parse_dateline`], shared with cleaning), `byline` (bylines
//! and wire agencies), `url` (source addresses and outlets), `language`
//! ([`identify_language`]), and `html` with `json_ld` for pages. The word
//! lists they read (section labels, agencies, byline words) are data under
//! `data/words/metadata/`.
//!
//! ```
//! use storydiff::clean::{clean, BatchEvidence, Format};
//! use storydiff::extract::metadata;
//! let input = "Rally Blocked\n\nBy AFP\n\nMarch 19, 2022\n\nActivists said Saturday they were refused permission to rally.";
//! let body = clean(input, Format::Plain, &BatchEvidence::default(), &[]).body;
//! let meta = metadata(input, Format::Plain, &body);
//! assert_eq!(meta.title.unwrap().value, "Rally Blocked");
//! assert_eq!(meta.date.unwrap().value, "2022-03-19");
//! assert_eq!(meta.agency.unwrap().value, "AFP");
//! ```

mod byline;
mod date;
mod html;
mod json_ld;
mod language;
mod title;
mod url;

pub use language::identify_language;

use crate::clean::{Format, LineReading};
use crate::text::{MappedText, Span};
use byline::{agency_in_body, agency_name, byline};
use date::datelines;
use html::html_meta;
use language::language;
use serde::{Deserialize, Serialize};
use title::title_from_body;
use url::{host_of, url_and_outlet};

/// The cleaning's reading of `text`, written at byte `at` of the input, when
/// it read that very text there. `readings` are in input order; those before
/// `at` are passed over for good (the lines are asked about in order).
fn read_as<'a>(
    readings: &mut std::iter::Peekable<std::slice::Iter<'a, LineReading>>,
    at: usize,
    text: &str,
) -> Option<&'a LineReading> {
    while readings.next_if(|r| r.span.start < at).is_some() {}
    readings.next_if(|r| r.span.start == at && r.span.len() == text.len())
}

/// A metadata value and the span of the input it was read from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Field {
    /// The value: text as written, or normalized (an ISO date, a language code).
    pub value: String,
    /// Byte span of the *input* (not the analysis text); `None` when given by the caller.
    pub span: Option<Span>,
}

impl Field {
    /// A value the caller gave, read from nowhere in the input.
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

/// The facts of publication of one article; each is `None` when the text
/// does not give it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    /// The headline.
    pub title: Option<Field>,
    /// Publication date, `YYYY-MM-DD` (or coarser when that is all the text gives).
    pub date: Option<Field>,
    /// The author or agency as the byline writes it ("Jean Dupont", "AFP").
    pub byline: Option<Field>,
    /// Wire agency the story comes from ("AFP", "Reuters", "AP").
    pub agency: Option<Field>,
    /// The address the article was published at.
    pub url: Option<Field>,
    /// The publication ("Money Daily"), or the host of its address.
    pub outlet: Option<Field>,
    /// ISO 639-1 code.
    pub language: Option<Field>,
    /// A section label split off the title ("International").
    pub section: Option<Field>,
    /// The place a dateline names ("Paris, 21 juin 2012 –").
    pub place: Option<Field>,
}

/// Reads the facts of publication of one article.
///
/// `input` is the text as given, `format` its kind, and `body` the cleaned
/// text mapped onto the input. Field spans point into `input`.
pub fn extract(input: &str, format: Format, body: &MappedText) -> Metadata {
    extract_with_readings(input, format, body, &[])
}

/// [`extract`], with what the cleaning read of the input's top lines
/// ([`crate::clean::Cleaned`]'s readings): a line read there is not read again.
pub(crate) fn extract_with_readings(
    input: &str,
    format: Format,
    body: &MappedText,
    readings: &[LineReading],
) -> Metadata {
    let mut meta = Metadata::default();
    if format == Format::Html {
        html_meta(input, &mut meta);
    }
    if meta.title.is_none() {
        title_from_body(body, &mut meta);
    }
    let want_date = meta.date.is_none();
    let want_place = format != Format::Html;
    if want_date || want_place {
        let found = datelines(input, want_date, want_place, readings);
        if want_date {
            meta.date = found.date;
        }
        if want_place {
            meta.place = found.place;
        }
    }
    if meta.byline.is_none() && format != Format::Html {
        meta.byline = byline(input, readings);
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
    let want_url = meta.url.is_none() && format != Format::Html;
    let want_outlet = meta.outlet.is_none();
    let (url, outlet) = url_and_outlet(input, want_url, want_outlet);
    if want_url {
        meta.url = url;
    }
    if want_outlet {
        meta.outlet = outlet.or_else(|| meta.url.as_ref().and_then(host_of));
    }
    // The text's own evidence wins when clear; a page's `lang` otherwise.
    if let Some((lang, clear)) = language(body) {
        if clear || meta.language.is_none() {
            meta.language = Some(lang);
        }
    }
    meta
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::{clean, BatchEvidence};

    /// The cleaning's readings of the top lines read what reading the
    /// lines again reads: on the seeds, and on tops of text made of
    /// datelines and bylines, with marks, white space and line ends around.
    #[test]
    fn readings_read_as_the_lines() {
        let mut texts = crate::extract::seed_texts();
        let lines = [
            "Titre",
            "**Paris, 21 juin 2012 – Le gouvernement a annoncé un plan.**",
            "Paris, 21 juin 2012 – Le gouvernement a annoncé un plan.  ",
            "  21 septembre 2012, France. - Selon une étude.",
            "> March 19, 2022",
            "March 19, 2022 \t",
            "· Sunday, April 18",
            "Sunday, April 18\r",
            "Jan 6, 2022: Activists said",
            "Published: Sept. 3, 2021 at 10:30 a.m. EDT ",
            "# 2022-03-19",
            "",
            "   ",
            "By AFP",
            "  By Jean Dupont\u{a0}",
            "**By [Reuters](#)**",
            "The year 2021 was long, said the mayor of the city in a statement.",
        ];
        texts.extend(date::tops_of_text(&lines));
        let evidence = BatchEvidence::default();
        let mut handed = 0;
        for text in &texts {
            for format in [Format::Plain, Format::Markdown] {
                let readings = clean(text, format, &evidence, &[]).readings;
                handed += readings.len();
                let fresh = datelines(text, true, true, &[]);
                let read = datelines(text, true, true, &readings);
                assert_eq!(read.date, fresh.date, "{text}");
                assert_eq!(read.place, fresh.place, "{text}");
                assert_eq!(byline(text, &readings), byline(text, &[]), "{text}");
            }
        }
        assert!(handed > 0);
    }
}
