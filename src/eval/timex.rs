//! Scoring of temporal expressions against the hand-annotated set in `tests/eval/timex/`
//! (TempEval-3 measures): span F1 strict (same start and end) and relaxed (overlap), and value
//! F1 (relaxed span match with the same value).

use serde::Deserialize;

use crate::extract::{dates, CalendarDate, DateMention, Doc};
use crate::text::{normalize, segment, Span};

/// The folder of the annotated set, one JSON Lines file per part.
pub const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/eval/timex");

/// One annotated document.
#[derive(Deserialize)]
pub struct GoldDoc {
    /// A name for messages.
    pub id: String,
    /// The publication date (`YYYY-MM-DD`) the values are anchored to.
    pub dct: String,
    /// The text, or (for real articles) empty and read from `file` by [`load`].
    #[serde(default)]
    pub text: String,
    /// For real articles: the text's path from the crate root.
    #[serde(default)]
    pub file: Option<String>,
    /// The expressions, in text order.
    pub timex: Vec<GoldTimex>,
}

/// One annotated expression, written `[surface, kind, value]` in the set.
#[derive(Deserialize)]
pub struct GoldTimex {
    /// The words as written; its span is its first whole-word occurrence after the previous one.
    pub surface: String,
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    pub kind: String,
    /// The TimeML value.
    pub value: String,
}

/// One gold expression with its span.
pub struct Gold {
    /// Where it is in the document's text.
    pub span: Span,
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    pub kind: String,
    /// The TimeML value.
    pub value: String,
}

/// The documents of the part `tests/eval/timex/<part>.jsonl`, with the text of those that name
/// a file read and normalized.
pub fn load(part: &str) -> Vec<GoldDoc> {
    let path = format!("{DIR}/{part}.jsonl");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut docs = parse(&path, &text);
    for doc in &mut docs {
        if let Some(f) = &doc.file {
            let full = format!("{}/{f}", env!("CARGO_MANIFEST_DIR"));
            let raw = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
            doc.text = normalize(&raw).as_str().to_string();
        }
    }
    docs
}

/// The documents of one JSON Lines set (`name` for messages). Documents that name a `file` get
/// their text from [`load`], which reads it.
pub fn parse(name: &str, text: &str) -> Vec<GoldDoc> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{name}: {e}: {l}")))
        .collect()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The start of the first whole-word occurrence of `surface` at or after byte `from`.
fn whole_word_at(doc: &GoldDoc, surface: &str, mut from: usize) -> usize {
    let at = from;
    loop {
        let Some(p) = doc.text[from..].find(surface) else {
            panic!("{}: {surface:?} not found after byte {at}", doc.id);
        };
        let s = from + p;
        let e = s + surface.len();
        let before_ok = doc.text[..s]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c));
        let after_ok = doc.text[e..]
            .chars()
            .next()
            .is_none_or(|c| !is_word_char(c));
        if before_ok && after_ok {
            return s;
        }
        from = s + surface.chars().next().map_or(1, char::len_utf8);
    }
}

/// The gold spans: each surface's first whole-word occurrence after the previous one.
pub fn gold_spans(doc: &GoldDoc) -> Vec<Gold> {
    let mut at = 0;
    let mut out = Vec::new();
    for t in &doc.timex {
        let start = whole_word_at(doc, &t.surface, at);
        let span = Span::new(start, start + t.surface.len());
        at = span.end;
        out.push(Gold {
            span,
            kind: t.kind.clone(),
            value: t.value.clone(),
        });
    }
    out
}

/// Counts for one run.
#[derive(Default, Debug, Clone, Copy)]
pub struct Counts {
    /// Gold expressions.
    pub gold: usize,
    /// Expressions the system found.
    pub system: usize,
    /// Gold expressions found with the same start and end.
    pub strict: usize,
    /// Gold expressions found overlapping.
    pub relaxed: usize,
    /// Gold expressions found overlapping, with the same value.
    pub value: usize,
    /// Gold expressions found overlapping, with the same kind.
    pub kind: usize,
}

/// Precision, recall and F1 of `tp` true positives among `system` found and `gold` expected
/// (each 0 when its denominator is).
pub fn f1(tp: usize, system: usize, gold: usize) -> (f64, f64, f64) {
    let p = if system == 0 {
        0.0
    } else {
        tp as f64 / system as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        tp as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

impl Counts {
    /// Span F1, same start and end.
    pub fn strict_f1(&self) -> f64 {
        f1(self.strict, self.system, self.gold).2
    }
    /// Span F1, overlapping.
    pub fn relaxed_f1(&self) -> f64 {
        f1(self.relaxed, self.system, self.gold).2
    }
    /// Value F1: overlapping, with the same value.
    pub fn value_f1(&self) -> f64 {
        f1(self.value, self.system, self.gold).2
    }
    /// Kind F1: overlapping, with the same kind.
    pub fn type_f1(&self) -> f64 {
        f1(self.kind, self.system, self.gold).2
    }
}

/// Scores `docs`; `report` receives one line per error.
pub fn score(docs: &[GoldDoc], mut report: impl FnMut(String)) -> Counts {
    let mut c = Counts::default();
    for doc in docs {
        score_doc(doc, &mut c, &mut report);
    }
    c
}

fn score_doc(doc: &GoldDoc, c: &mut Counts, report: &mut impl FnMut(String)) {
    let gold = gold_spans(doc);
    let seg = segment(&doc.text);
    let d = Doc {
        text: &doc.text,
        seg: &seg,
        anchor: CalendarDate::parse_iso(&doc.dct),
        language: None,
    };
    let sys = dates(&d);
    c.gold += gold.len();
    c.system += sys.len();
    let mut used = vec![false; sys.len()];
    for g in &gold {
        let hit = sys
            .iter()
            .enumerate()
            .find(|(i, s)| !used[*i] && s.span.overlaps(g.span));
        match hit {
            Some((i, s)) => {
                used[i] = true;
                score_hit(doc, g, s, c, report);
            }
            None => report(format!(
                "{} miss  {:?} {} {}",
                doc.id,
                g.span.of(&doc.text),
                g.kind,
                g.value
            )),
        }
    }
    for (i, s) in sys.iter().enumerate() {
        if !used[i] {
            report(format!(
                "{} extra {:?} {:?} {}",
                doc.id,
                s.span.of(&doc.text),
                s.kind,
                s.value
            ));
        }
    }
}

/// Counts a found expression `s` that overlaps the gold one `g`.
fn score_hit(
    doc: &GoldDoc,
    g: &Gold,
    s: &DateMention,
    c: &mut Counts,
    report: &mut impl FnMut(String),
) {
    c.relaxed += 1;
    let kind = format!("{:?}", s.kind).to_uppercase();
    if s.span == g.span {
        c.strict += 1;
    } else {
        report(format!(
            "{} span  gold {:?} sys {:?}",
            doc.id,
            g.span.of(&doc.text),
            s.span.of(&doc.text)
        ));
    }
    if s.value == g.value {
        c.value += 1;
    } else {
        report(format!(
            "{} value {:?} gold {} sys {}",
            doc.id,
            g.span.of(&doc.text),
            g.value,
            s.value
        ));
    }
    if kind == g.kind {
        c.kind += 1;
    }
}
