//! Golden files: what each stage finds in each seed, pinned in
//! `tests/golden/<stage>/<seed>.txt` so that a change in behaviour shows as a
//! readable diff.
//!
//! One format for every stage: a `#` line saying what the file holds and what
//! its offsets count, then one finding a line, in the order the stage gives
//! them:
//!
//! ```text
//! 198..206 DATE 2022-03-19 "Saturday"
//! - section -
//! ```
//!
//! that is the finding's byte span `start..end` (`-` for a finding with no
//! place in the text), its label, and its value; a value that quotes text
//! ends with it written as a Rust string literal (`"\"reserved\""`).
//!
//! After a reviewed change, `STORYDIFF_BLESS=1 cargo test --test tests golden`
//! rewrites the files; review the diff before committing it.

use std::fmt::Display;

use storydiff::eval::{seeds, Seed};
use storydiff::extract::{self, CalendarDate, Doc};
use storydiff::text::{normalize, segment, Span};
use storydiff::{analyze_batch, Article, Input};

use crate::hay::seed_articles;

/// One line of a golden file.
pub struct Finding {
    span: Option<Span>,
    label: String,
    value: String,
}

impl Finding {
    /// A finding at `span`.
    pub fn at(span: Span, label: impl Display) -> Finding {
        Finding {
            span: Some(span),
            label: label.to_string(),
            value: String::new(),
        }
    }

    /// A finding with no place in the text (a detected format, an absent field).
    pub fn unplaced(label: impl Display) -> Finding {
        Finding {
            span: None,
            label: label.to_string(),
            value: String::new(),
        }
    }

    /// Appends `part` to the value (nothing when it is empty).
    pub fn value(mut self, part: impl Display) -> Finding {
        let part = part.to_string();
        if part.is_empty() {
            return self;
        }
        if !self.value.is_empty() {
            self.value.push(' ');
        }
        self.value.push_str(&part);
        self
    }

    /// Appends `text` to the value, written as a Rust string literal.
    pub fn quoted(self, text: &str) -> Finding {
        self.value(format!("{text:?}"))
    }

    fn line(&self) -> String {
        let span = self
            .span
            .map_or("-".to_string(), |s| format!("{}..{}", s.start, s.end));
        let mut line = format!("{span} {}", self.label);
        if !self.value.is_empty() {
            line.push(' ');
            line.push_str(&self.value);
        }
        line
    }
}

/// The golden file of one seed: what it holds, and the findings.
pub struct File {
    seed: String,
    header: String,
    findings: Vec<Finding>,
}

impl File {
    /// The golden file of `seed`, whose first line is `# <about>`.
    pub fn new(seed: &Seed, about: impl Display) -> File {
        File {
            seed: seed.id.clone(),
            header: format!("# {about}"),
            findings: Vec::new(),
        }
    }

    /// Adds findings, in order.
    pub fn with(mut self, findings: impl IntoIterator<Item = Finding>) -> File {
        self.findings.extend(findings);
        self
    }

    fn render(&self) -> String {
        let mut out = self.header.clone();
        out.push('\n');
        for f in &self.findings {
            out.push_str(&f.line());
            out.push('\n');
        }
        out
    }
}

/// Compares each file with `tests/golden/<stage>/<seed>.txt`, and fails listing
/// every file that differs with the lines that differ; with `STORYDIFF_BLESS`
/// set, writes the files instead.
pub fn check(stage: &str, files: impl IntoIterator<Item = File>) {
    let dir = format!("{}/tests/golden/{stage}", env!("CARGO_MANIFEST_DIR"));
    let bless = std::env::var_os("STORYDIFF_BLESS").is_some();
    let mut failures = Vec::new();
    for file in files {
        let path = format!("{dir}/{}.txt", file.seed);
        let got = file.render();
        if bless {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if got != want {
            failures.push(format!("--- {path}\n{}", diff(&want, &got)));
        }
    }
    assert!(
        failures.is_empty(),
        "golden files differ (STORYDIFF_BLESS=1 rewrites them after a reviewed change):\n{}",
        failures.join("\n")
    );
}

/// The lines only in `want` (`-`) and only in `got` (`+`).
fn diff(want: &str, got: &str) -> String {
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let gone = w.iter().filter(|l| !g.contains(l)).map(|l| format!("-{l}"));
    let new = g.iter().filter(|l| !w.contains(l)).map(|l| format!("+{l}"));
    let lines: Vec<String> = gone.chain(new).collect();
    if lines.is_empty() {
        "(the same lines in another order)".to_string()
    } else {
        lines.join("\n")
    }
}

/// The normalized text of a seed and a document over it.
fn with_doc<T>(
    seed: &Seed,
    anchor: Option<CalendarDate>,
    language: Option<&str>,
    f: impl FnOnce(&Doc) -> T,
) -> T {
    let text = normalize(&seed.text);
    let seg = segment(text.as_str());
    let doc = Doc {
        text: text.as_str(),
        seg: &seg,
        anchor,
        language,
    };
    f(&doc)
}

/// What cleaning removes from each seed and the metadata it reads.
#[test]
fn clean() {
    let inputs: Vec<Input> = seeds()
        .iter()
        .map(|s| Input::from_bytes(s.file_name(), Some(s.file_name()), s.text.as_bytes()))
        .collect();
    let articles = analyze_batch(&inputs).expect("analyze");
    check(
        "clean",
        seeds().iter().zip(&articles).map(|(seed, a)| {
            File::new(
                seed,
                format_args!(
                    "clean of seeds/{}: removals and metadata at byte offsets of the input; \
                     body paragraphs by their first 60 characters",
                    seed.file_name()
                ),
            )
            .with(cleaning(a))
        }),
    );
}

fn cleaning(a: &Article) -> Vec<Finding> {
    let encoding = a
        .encoding
        .map_or("-".to_string(), |e| format!("{:?}", e.name()));
    let mut out = vec![
        Finding::unplaced("format").value(format_args!("{:?}", a.format)),
        Finding::unplaced("encoding").value(encoding),
    ];
    for r in &a.removed {
        out.push(
            Finding::at(r.span, "removed")
                .value(r.reason)
                .quoted(r.span.of(&a.input)),
        );
    }
    let m = &a.meta;
    let fields = [
        ("title", &m.title),
        ("section", &m.section),
        ("date", &m.date),
        ("byline", &m.byline),
        ("agency", &m.agency),
        ("url", &m.url),
        ("outlet", &m.outlet),
        ("language", &m.language),
    ];
    for (name, field) in fields {
        out.push(match field {
            Some(f) => match f.span {
                Some(span) => Finding::at(span, name),
                None => Finding::unplaced(name),
            }
            .quoted(&f.value),
            None => Finding::unplaced(name).value("-"),
        });
    }
    for p in a.body.as_str().split("\n\n") {
        let head: String = p.chars().take(60).collect();
        out.push(Finding::unplaced("paragraph").quoted(&head));
    }
    out
}

/// Every temporal expression of each seed, with a fixed publication date.
#[test]
fn dates() {
    let anchors = [
        ("000", "2022-03-19"),
        ("001", "2022-03-19"),
        ("002", "2022-01-06"),
        ("003", "2022-01-05"),
        ("004", "2021-04-18"),
    ];
    check(
        "dates",
        anchors.iter().map(|&(prefix, anchor)| {
            let seed = storydiff::eval::seed(prefix);
            let found = with_doc(seed, CalendarDate::parse_iso(anchor), None, |doc| {
                let findings: Vec<Finding> = extract::dates(doc)
                    .iter()
                    .map(|d| {
                        let kind = format!("{:?}", d.kind).to_uppercase();
                        let modifier = d.modifier.map(|m| format!("mod={m}"));
                        Finding::at(d.span, kind)
                            .value(&d.value)
                            .value(modifier.unwrap_or_default())
                            .quoted(d.span.of(doc.text))
                    })
                    .collect();
                findings
            });
            File::new(
                seed,
                format_args!(
                    "dates of seeds/{}, anchor {anchor}: byte offsets of the normalized text",
                    seed.file_name()
                ),
            )
            .with(found)
        }),
    );
}

/// The seeds' people, organisations and places, analyzed as one batch.
#[test]
fn entities() {
    check(
        "entities",
        seeds().iter().zip(seed_articles()).map(|(seed, a)| {
            let found = a.entities.iter().map(|e| {
                let role = e.role.as_deref().map(|r| format!("[{r}]"));
                Finding::at(e.span, e.label.as_str())
                    .value(&e.name)
                    .value(role.unwrap_or_default())
                    .quoted(e.span.of(a.analysis_text()))
            });
            File::new(
                seed,
                format_args!(
                    "entities of seeds/{}, analyzed with the other seeds: \
                     byte offsets of the analysis text",
                    seed.file_name()
                ),
            )
            .with(found)
        }),
    );
}

/// A bound of an interval, rounded to two decimals, or `open`.
fn bound(b: Option<f64>) -> String {
    b.map_or("open".into(), |x| {
        format!("{}", (x * 100.0).round() / 100.0)
    })
}

/// Every quantity of each seed, read as English.
#[test]
fn quantities() {
    check_english("quantities", |doc| {
        extract::quantities(doc)
            .iter()
            .map(|q| {
                Finding::at(q.span, format_args!("{:?}", q.hedge))
                    .value(format_args!("[{}, {}]", bound(q.low), bound(q.high)))
                    .value(format_args!(
                        "unit={} counts={} source={}",
                        q.unit.as_deref().unwrap_or("-"),
                        q.counts.as_deref().unwrap_or("-"),
                        q.source.as_deref().unwrap_or("-"),
                    ))
                    .quoted(q.span.of(doc.text))
            })
            .collect()
    });
}

/// Every quote of each seed, read as English, without the entity recognizer.
#[test]
fn quotes() {
    check_english("quotes", |doc| {
        extract::quotes(doc, &[])
            .iter()
            .map(|q| {
                Finding::at(q.span, format_args!("{:?}", q.kind))
                    .value(format_args!(
                        "speaker={} cue={}",
                        q.speaker.as_deref().unwrap_or("-"),
                        q.cue.map_or("-", |c| c.of(doc.text)),
                    ))
                    .quoted(q.span.of(doc.text))
            })
            .collect()
    });
}

/// The golden files of `stage`: for each seed, read as English, what `find` finds in
/// its normalized text.
fn check_english(stage: &str, find: impl Fn(&Doc) -> Vec<Finding>) {
    check(
        stage,
        seeds().iter().map(|seed| {
            let found = with_doc(seed, None, Some("en"), &find);
            File::new(
                seed,
                format_args!(
                    "{stage} of seeds/{}, read as English: byte offsets of the normalized text",
                    seed.file_name()
                ),
            )
            .with(found)
        }),
    );
}
