//! The article objects of a page's JSON-LD (`NewsArticle`, `BlogPosting`,
//! `Report`, also inside `@graph`), read as fields with their spans.

use super::Field;
use crate::clean::Document;
use crate::text::Span;

/// The keys read from an article object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum LdKey {
    Headline,
    DatePublished,
    Url,
    Author,
    Publisher,
}

impl LdKey {
    const ALL: [LdKey; 5] = [
        LdKey::Headline,
        LdKey::DatePublished,
        LdKey::Url,
        LdKey::Author,
        LdKey::Publisher,
    ];

    /// The key as JSON-LD writes it.
    fn name(self) -> &'static str {
        match self {
            LdKey::Headline => "headline",
            LdKey::DatePublished => "datePublished",
            LdKey::Url => "url",
            LdKey::Author => "author",
            LdKey::Publisher => "publisher",
        }
    }

    /// Whether the value is a person or organisation, read by its name.
    fn is_named_thing(self) -> bool {
        matches!(self, LdKey::Author | LdKey::Publisher)
    }
}

/// One value of an article object.
struct LdField {
    key: LdKey,
    field: Field,
}

/// The NewsArticle-like objects of a page's JSON-LD, read as fields.
pub(super) struct JsonLd {
    fields: Vec<LdField>,
}

impl JsonLd {
    /// The first value of `key`, in page order.
    pub(super) fn get(&self, key: LdKey) -> Option<Field> {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .map(|f| f.field.clone())
    }
}

/// Reads every `application/ld+json` script of `doc`.
pub(super) fn json_ld(input: &str, doc: &Document) -> JsonLd {
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
            for key in LdKey::ALL {
                let Some(v) = obj.get(key.name()) else {
                    continue;
                };
                let text = if key.is_named_thing() {
                    name_of(v)
                } else {
                    v.as_str().map(str::to_string)
                };
                let Some(text) = text.filter(|t| !t.trim().is_empty()) else {
                    continue;
                };
                let first = text.split(", ").next().unwrap_or(&text);
                let span = find_json_string(raw, &text)
                    .or_else(|| find_json_string(raw, first))
                    .map_or(n.inner, |sp| sp.shift(n.inner.start));
                let field = Field::at(text.trim(), span);
                fields.push(LdField { key, field });
            }
        }
    }
    JsonLd { fields }
}

/// The article objects in `v`, depth first.
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

/// The name of a person or organisation value (a string, an object's
/// `name`, or a list of them joined with ", ").
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
