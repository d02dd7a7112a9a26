//! Scoring of temporal expressions against the hand-annotated set in this
//! folder (TempEval-3 measures): span F1 strict (same start and end) and
//! relaxed (overlap), and value F1 (relaxed span match with the same value).
//! Shared by `examples/timex_eval.rs` and `tests/dates_eval.rs`.

use serde::Deserialize;
use storydiff::extract::{dates, CalendarDate, Doc};
use storydiff::text::{segment, Span};

#[derive(Deserialize)]
pub struct GoldDoc {
    pub id: String,
    pub dct: String,
    /// The text, or (for real articles) `file`, a path from the crate root.
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub file: Option<String>,
    pub timex: Vec<(String, String, String)>,
}

/// One gold expression with its span.
pub struct Gold {
    pub span: Span,
    pub kind: String,
    pub value: String,
}

pub fn load(path: &str) -> Vec<GoldDoc> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut docs = parse(path, &text);
    for doc in &mut docs {
        if let Some(f) = &doc.file {
            let full = format!("{}/{f}", env!("CARGO_MANIFEST_DIR"));
            let raw = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
            doc.text = storydiff::text::normalize(&raw).as_str().to_string();
        }
    }
    docs
}

/// The documents of one JSON Lines set (`name` for messages). Documents that
/// name a `file` get their text from [`load`], which reads it.
pub fn parse(name: &str, text: &str) -> Vec<GoldDoc> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{name}: {e}: {l}")))
        .collect()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The gold spans: each surface's first whole-word occurrence after the previous one.
pub fn gold_spans(doc: &GoldDoc) -> Vec<Gold> {
    let mut at = 0;
    let mut out = Vec::new();
    for (surface, kind, value) in &doc.timex {
        let mut from = at;
        let start = loop {
            let Some(p) = doc.text[from..].find(surface.as_str()) else {
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
                break s;
            }
            from = s + surface.chars().next().map_or(1, char::len_utf8);
        };
        let span = Span::new(start, start + surface.len());
        at = span.end;
        out.push(Gold {
            span,
            kind: kind.clone(),
            value: value.clone(),
        });
    }
    out
}

/// Counts for one run.
#[derive(Default, Debug, Clone, Copy)]
pub struct Counts {
    pub gold: usize,
    pub system: usize,
    pub strict: usize,
    pub relaxed: usize,
    pub value: usize,
    pub kind: usize,
}

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

#[allow(dead_code)]
impl Counts {
    pub fn strict_f1(&self) -> f64 {
        f1(self.strict, self.system, self.gold).2
    }
    pub fn relaxed_f1(&self) -> f64 {
        f1(self.relaxed, self.system, self.gold).2
    }
    pub fn value_f1(&self) -> f64 {
        f1(self.value, self.system, self.gold).2
    }
    pub fn type_f1(&self) -> f64 {
        f1(self.kind, self.system, self.gold).2
    }
}

/// Scores `docs`; `report` receives one line per error.
pub fn score(docs: &[GoldDoc], mut report: impl FnMut(String)) -> Counts {
    let mut c = Counts::default();
    for doc in docs {
        let gold = gold_spans(doc);
        let seg = segment(&doc.text);
        let d = Doc {
            text: &doc.text,
            seg: &seg,
            anchor: CalendarDate::parse_iso(&doc.dct),
            language: None,
        };
        let sys = dates::extract(&d);
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
    c
}
