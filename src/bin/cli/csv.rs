//! The facts of each article as CSV (RFC 4180): one row per fact, spans in
//! code points of the input as given.

use std::io::Write;
use storydiff::report::{ArticleFactOut, ArticleReport, EvidenceOut};

/// The header row.
const HEADER: [&str; 19] = [
    "article",
    "key",
    "what",
    "group",
    "low",
    "high",
    "unit",
    "hedge",
    "status",
    "place",
    "when",
    "reported",
    "source",
    "start",
    "end",
    "text",
    "place_start",
    "when_start",
    "source_start",
];

/// Writes the header and one row per fact of `articles`.
pub fn write_facts(out: &mut impl Write, articles: &[ArticleReport]) -> std::io::Result<()> {
    write_row(out, HEADER.iter().map(|s| s.to_string()))?;
    for a in articles {
        for f in &a.facts {
            write_row(out, row(&a.id, f))?;
        }
    }
    Ok(())
}

fn row(id: &str, f: &ArticleFactOut) -> impl Iterator<Item = String> {
    let num = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
    let value =
        |e: &Option<EvidenceOut>| e.as_ref().map(|e| e.value.to_string()).unwrap_or_default();
    let start =
        |e: &Option<EvidenceOut>| e.as_ref().map(|e| e.start.to_string()).unwrap_or_default();
    let v = f.value.as_ref();
    let hedge = v
        .and_then(|v| serde_json::to_value(v.hedge).ok())
        .and_then(|h| h.as_str().map(str::to_string))
        .unwrap_or_default();
    let status = serde_json::to_value(f.status)
        .ok()
        .and_then(|s| s.as_str().map(str::to_string))
        .unwrap_or_default();
    [
        id.to_string(),
        f.key.to_string(),
        f.what.to_string(),
        f.group.to_string(),
        num(v.and_then(|v| v.low)),
        num(v.and_then(|v| v.high)),
        v.and_then(|v| v.unit.clone()).unwrap_or_default(),
        hedge,
        status,
        value(&f.place),
        value(&f.when),
        f.reported.as_deref().unwrap_or_default().to_string(),
        value(&f.source),
        f.start.to_string(),
        f.end.to_string(),
        f.text.to_string(),
        start(&f.place),
        start(&f.when),
        start(&f.source),
    ]
    .into_iter()
}

fn write_row(out: &mut impl Write, fields: impl Iterator<Item = String>) -> std::io::Result<()> {
    let line: Vec<String> = fields.map(|f| quote(&f)).collect();
    write!(out, "{}\r\n", line.join(","))
}

/// A field, quoted when it holds a comma, a quote or a line break.
fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn fields_with_commas_quotes_or_breaks_are_quoted() {
        assert_eq!(quote("plain"), "plain");
        assert_eq!(quote("a, b"), "\"a, b\"");
        assert_eq!(quote("say \"no\""), "\"say \"\"no\"\"\"");
        assert_eq!(quote("two\nlines"), "\"two\nlines\"");
    }
}
