//! Scores records and facts against a hand-annotated set
//! (`tests/eval/facts/*.json`, format in the README there). Shared by the
//! `facts_eval` example, which prints the figures, and the floors in
//! `tests/suite/facts_eval.rs`.

use serde::Deserialize;
use storydiff::report::{self, ArticleReport, Mode, Report};
use storydiff::{compare::Overrides, Input};

#[derive(Deserialize)]
pub struct Set {
    pub docs: Vec<Doc>,
}

#[derive(Deserialize)]
pub struct Doc {
    pub id: String,
    pub lang: String,
    #[serde(default)]
    pub date: Option<String>,
    /// Inline text, or a file relative to the crate root.
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub file: Option<String>,
    pub facts: Vec<GoldFact>,
    #[serde(default)]
    pub records: Vec<GoldRecord>,
}

#[derive(Deserialize)]
pub struct GoldFact {
    /// The figure as written ("at least eight dead"); `nth` picks among repeats.
    pub text: String,
    #[serde(default)]
    pub nth: usize,
    pub key: String,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub hedge: String,
    pub source: Option<String>,
    #[serde(default = "happened")]
    pub status: String,
    /// Facts of different documents with the same `same` are one claim.
    #[serde(default)]
    pub same: Option<String>,
}

#[derive(Deserialize)]
pub struct GoldRecord {
    #[serde(rename = "type")]
    pub kind: String,
    pub trigger: String,
    #[serde(default)]
    pub nth: usize,
    #[serde(default = "happened")]
    pub status: String,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub actor: Option<String>,
}

fn happened() -> String {
    "happened".into()
}

/// Hits and totals of one measure.
#[derive(Clone, Copy, Default, Debug)]
pub struct Ratio {
    pub hit: usize,
    pub of: usize,
}

impl Ratio {
    pub fn add(&mut self, hit: bool) {
        self.of += 1;
        self.hit += hit as usize;
    }
    pub fn value(&self) -> f64 {
        if self.of == 0 {
            1.0
        } else {
            self.hit as f64 / self.of as f64
        }
    }
}

impl std::fmt::Display for Ratio {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        if self.of == 0 {
            return write!(f, "n/a (0/0)");
        }
        write!(f, "{:.3} ({}/{})", self.value(), self.hit, self.of)
    }
}

/// Every measure of one run.
#[derive(Default, Debug)]
pub struct Scores {
    /// Gold figures a predicted fact covers (recall of figures).
    pub found: Ratio,
    /// Predicted figure facts that cover a gold figure (precision).
    pub precise: Ratio,
    /// Of the found: key right.
    pub key: Ratio,
    /// Of the found: interval right.
    pub value: Ratio,
    /// Of the found: hedge right.
    pub hedge: Ratio,
    /// Of the found with a gold or predicted source: source right.
    pub source: Ratio,
    /// Of the found: status right.
    pub status: Ratio,
    /// Gold records matched (recall) and predicted records matched (precision).
    pub records_found: Ratio,
    pub records_precise: Ratio,
    /// Of matched records: status right; of those whose gold gives a place
    /// or an actor, that place or actor right (the annotations do not give
    /// every place, so a predicted place without a gold one is not scored).
    pub record_status: Ratio,
    pub record_place: Ratio,
    pub record_actor: Ratio,
    /// Pairs of one claim across languages, both found: keys equal.
    pub cross_language: Ratio,
    /// One line per gold item got wrong (`facts_eval --misses` prints them).
    pub misses: Vec<String>,
}

fn norm(s: &str) -> String {
    let s = s.trim().to_lowercase();
    let s = s.strip_prefix("the ").unwrap_or(&s).to_string();
    s.replace('’', "'")
}

/// Code point span of the `nth` occurrence of `needle` in `hay`.
fn locate(hay: &[char], needle: &str, nth: usize) -> Option<(usize, usize)> {
    let n: Vec<char> = needle.chars().collect();
    (0..hay.len().saturating_sub(n.len() - 1))
        .filter(|&i| hay[i..i + n.len()] == n[..])
        .nth(nth)
        .map(|i| (i, i + n.len()))
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn analyze(doc: &Doc, text: &str) -> ArticleReport {
    let mut input = Input::new(doc.id.clone(), text.to_string());
    input.date = doc.date.clone();
    input.file_name = doc.file.clone();
    match report::build(&[input], Mode::Analyze, &Overrides::default()) {
        Ok(Report::Articles(mut a)) => a.remove(0),
        _ => panic!("{}: analysis failed", doc.id),
    }
}

/// Scores `set`; `root` is where `file` paths start.
pub fn score(set: &Set, root: &std::path::Path) -> Scores {
    let mut s = Scores::default();
    // (same id, language, predicted key) of each found fact.
    let mut claims: Vec<(String, String, String)> = Vec::new();
    for doc in &set.docs {
        let text = match (&doc.text, &doc.file) {
            (Some(t), _) => t.clone(),
            (None, Some(f)) => std::fs::read_to_string(root.join(f)).expect("gold file"),
            _ => panic!("{}: no text", doc.id),
        };
        let chars: Vec<char> = text.chars().collect();
        let r = analyze(doc, &text);
        let figures: Vec<_> = r.facts.iter().filter(|f| f.value.is_some()).collect();
        let mut used = vec![false; figures.len()];
        for g in &doc.facts {
            let at = locate(&chars, &g.text, g.nth)
                .unwrap_or_else(|| panic!("{}: {:?} not in the text", doc.id, g.text));
            let hit = figures.iter().position(|f| overlaps((f.start, f.end), at));
            s.found.add(hit.is_some());
            let Some(i) = hit else {
                s.misses.push(format!("{}: {:?} not found", doc.id, g.text));
                continue;
            };
            used[i] = true;
            let f = figures[i];
            let v = f.value.as_ref().unwrap();
            let hedge = serde_json::to_value(v.hedge).unwrap();
            let got = f.source.as_ref().map(|e| norm(&e.value));
            let source_right = got == g.source.as_deref().map(norm);
            let right = [
                *f.key == g.key,
                v.low == g.low && v.high == g.high,
                hedge.as_str() == Some(g.hedge.as_str()),
            ];
            s.key.add(right[0]);
            s.value.add(right[1]);
            s.hedge.add(right[2]);
            if g.source.is_some() || got.is_some() {
                s.source.add(source_right);
            }
            if right.contains(&false) || !source_right {
                s.misses.push(format!(
                    "{}: {:?} key {} (gold {}), {:?}..{:?} {} (gold {:?}..{:?} {}), source {:?} (gold {:?})",
                    doc.id, g.text, f.key, g.key, v.low, v.high, hedge, g.low, g.high, g.hedge, got, g.source
                ));
            }
            let status = serde_json::to_value(f.status).unwrap();
            s.status.add(status.as_str() == Some(g.status.as_str()));
            if let Some(same) = &g.same {
                claims.push((same.clone(), doc.lang.clone(), f.key.to_string()));
            }
        }
        for (u, f) in used.iter().zip(&figures) {
            s.precise.add(*u);
            if !u {
                let at: String = chars[f.start..f.end].iter().collect();
                s.misses
                    .push(format!("{}: extra figure {:?} ({})", doc.id, at, f.key));
            }
        }
        score_records(&mut s, doc, &chars, &r);
    }
    for (i, a) in claims.iter().enumerate() {
        for b in &claims[i + 1..] {
            if a.0 == b.0 && a.1 != b.1 {
                s.cross_language.add(a.2 == b.2);
                if a.2 != b.2 {
                    s.misses
                        .push(format!("{}: {} {} / {} {}", a.0, a.1, a.2, b.1, b.2));
                }
            }
        }
    }
    s
}

fn score_records(s: &mut Scores, doc: &Doc, chars: &[char], r: &ArticleReport) {
    let mut used = vec![false; r.records.len()];
    for g in &doc.records {
        let at = locate(chars, &g.trigger, g.nth)
            .unwrap_or_else(|| panic!("{}: trigger {:?} not in the text", doc.id, g.trigger));
        let hit = r.records.iter().enumerate().position(|(i, p)| {
            let kind = serde_json::to_value(p.kind).unwrap();
            let cue = p.status_cue.as_ref().map(|c| (c.start, c.end));
            !used[i]
                && kind.as_str() == Some(g.kind.as_str())
                && (overlaps((p.trigger.start, p.trigger.end), at)
                    || cue.is_some_and(|c| overlaps(c, at)))
        });
        s.records_found.add(hit.is_some());
        let Some(i) = hit else {
            s.misses.push(format!(
                "{}: record {} {:?} not found",
                doc.id, g.kind, g.trigger
            ));
            continue;
        };
        used[i] = true;
        let p = &r.records[i];
        let status = serde_json::to_value(p.status).unwrap();
        s.record_status
            .add(status.as_str() == Some(g.status.as_str()));
        let slots = [
            ("place", &g.place, &p.place, &mut s.record_place),
            ("actor", &g.actor, &p.actor, &mut s.record_actor),
        ];
        for (slot, gold, found, ratio) in slots {
            if gold.is_none() {
                continue;
            }
            let got = found.as_ref().map(|e| norm(&e.value));
            let right = got == gold.as_deref().map(norm);
            ratio.add(right);
            if !right {
                s.misses.push(format!(
                    "{}: record {} {slot} {got:?} (gold {gold:?})",
                    doc.id, g.kind
                ));
            }
        }
    }
    for u in used {
        s.records_precise.add(u);
    }
}

/// The scores as a table, one measure a line.
pub fn table(s: &Scores) -> String {
    let rows = [
        ("figures found (recall)", s.found),
        ("figure facts right (precision)", s.precise),
        ("fact key right", s.key),
        ("value right", s.value),
        ("hedge right", s.hedge),
        ("credited source right", s.source),
        ("status right", s.status),
        ("records found (recall)", s.records_found),
        ("records right (precision)", s.records_precise),
        ("record status right", s.record_status),
        ("record place right", s.record_place),
        ("record actor right", s.record_actor),
        ("keys agree across languages", s.cross_language),
    ];
    rows.iter()
        .map(|(name, r)| format!("| {name} | {r} |\n"))
        .collect()
}
