//! Facts of publication: title, date, byline, agency, URL, outlet, language.

use crate::text::Span;
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
pub fn extract(
    input: &str,
    format: crate::clean::Format,
    body: &crate::text::MappedText,
) -> Metadata {
    let _ = format;
    let mut meta = Metadata::default();
    let text = body.as_str();
    if let Some(line) = text.lines().find(|l| !l.trim().is_empty()) {
        let start = line.as_ptr() as usize - text.as_ptr() as usize;
        let span = body.to_source(Span::new(start, start + line.len()));
        meta.title = Some(Field {
            value: span.of(input).trim().to_string(),
            span: Some(span),
        });
    }
    meta
}
