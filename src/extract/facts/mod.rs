//! Facts: the atomic claims of one article, the unit that comparison matches
//! across articles and languages.
//!
//! | type | what it is |
//! | --- | --- |
//! | [`Fact`] | one claim: its [`key`](Fact::key), value, place, time, credited source, status and spans |
//!
//! A fact's key says what is counted or described, folded so that other
//! words and other languages give the same key: "13 members of the security
//! forces were killed", "treize membres des forces de l'ordre ont été tués"
//! and "at least eight dead among the security forces" are all
//! `killed/security_forces`. Keys are `what/group` for figures (what:
//! killed, injured, detained, dispersed, deployed, participants,
//! detention_term, or the counted unit; group: security_forces, protesters,
//! civilians, troops, journalists, or people) and `event/kind` for events
//! without a figure (`event/emergency`, `event/shutdown`).
//!
//! ```
//! use storydiff::{analyze, Input};
//! let en = analyze(&Input::new("en", "13 members of the security forces were killed.")).unwrap();
//! let fr = analyze(&Input::new("fr", "Treize membres des forces de l'ordre ont été tués.")).unwrap();
//! assert_eq!(&*en.facts[0].key, "killed/security_forces");
//! assert_eq!(fr.facts[0].key, en.facts[0].key);
//! ```

use super::records::lookup::{happening, Findings};
use super::records::per_sentence;
use super::records::{Evidence, Interval, Record, RecordKind, Status};
use super::{DateKind, DateMention, Doc, EntityLabel, EntityMention, Quantity, Quote, QuoteKind};
use crate::text::{with_lower, Span};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;

/// One atomic claim of an article.
///
/// Its words are shared, not copied: the report of an article writes every
/// fact out, and all the facts of an article give one `reported` date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// What is counted or described, comparable across articles and
    /// languages: `what/group` ("killed/security_forces"), `event/kind` or
    /// `said/<speaker>`.
    pub key: Arc<str>,
    /// What happened or is counted ("killed", "participants", "emergency").
    pub what: Arc<str>,
    /// Whom it concerns ("security_forces", "protesters"; "people" when unsaid).
    pub group: Arc<str>,
    /// The figure, when the claim has one.
    pub value: Option<Interval>,
    /// Where (a place entity).
    pub place: Option<Evidence>,
    /// When the event took place (ISO 8601 / TimeML value).
    pub when: Option<Evidence>,
    /// When the article reports it (its publication date), when known.
    pub reported: Option<Arc<str>>,
    /// Who the article credits for it.
    pub source: Option<Evidence>,
    /// Whether it happened, is planned, refused, threatened, denied or claimed.
    pub status: Status,
    /// The record it belongs to (index into the article's records), if any.
    pub record: Option<usize>,
    /// The claim itself: the figure, or the event's trigger.
    pub span: Span,
    /// Where whom it concerns is said, when apart from `span`.
    pub group_span: Option<Span>,
    /// The sentence.
    pub sentence: Span,
}

/// The facts of `doc`: one per counted figure, one per record without a
/// figure of its own, and one per quote whose speaker is named.
pub fn extract(
    doc: &Doc,
    entities: &[EntityMention],
    dates: &[DateMention],
    quantities: &[Quantity],
    records: &[Record],
    quotes: &[Quote],
) -> Vec<Fact> {
    let findings = Findings::new(doc, entities, dates, quantities);
    extract_with(doc, &findings, records, quotes)
}

/// [`extract`] of the entities, dates and figures already grouped by
/// sentence (as the records read them), with what each figure counts.
pub(crate) fn extract_with(
    doc: &Doc,
    findings: &Findings,
    records: &[Record],
    quotes: &[Quote],
) -> Vec<Fact> {
    let reported: Option<Arc<str>> = doc.anchor.map(|d| d.iso().into());
    let Findings {
        entities: entities_in,
        dates: dates_in,
        quantities: quantities_in,
        counted,
    } = findings;
    // At most one fact per figure, per record and per quote: room for all at once.
    let mut out = Vec::with_capacity(quantities_in.len() + records.len() + quotes.len());
    let sentences = &doc.seg.sentences;
    let records_of = per_sentence::of_sentence(sentences, records, |r| r.sentence);
    let triggered_in = per_sentence::contained(sentences, records, |r| r.trigger.span);
    let holders = holders(records);
    let mut keys = Keys::default();
    for (si, sentence) in sentences.iter().enumerate() {
        let span = sentence.span;
        let in_sentence: Vec<&Quantity> = quantities_in[si]
            .iter()
            .copied()
            .filter(|q| span.contains(q.span))
            .collect();
        if in_sentence.is_empty() {
            continue;
        }
        let kinds: Vec<RecordKind> = records_of[si]
            .iter()
            .filter(|r| r.sentence == span)
            .map(|r| r.kind)
            .chain(kinds_of_sentence(&triggered_in[si], span))
            .collect();
        let mut prev: Option<(super::records::lookup::Counted, Span)> = None;
        let source = |q: &Quantity| {
            let name = q.source.as_deref()?;
            super::records::build::evidence_of(doc.text, span, name).or_else(|| {
                Some(Evidence {
                    value: name.into(),
                    span,
                })
            })
        };
        for q in in_sentence {
            let joined = prev
                .as_ref()
                .filter(|(_, ps)| gap_words(doc.text, *ps, q.span) <= 2)
                .map(|p| &p.0);
            let Some(c) = counted.of(q, joined) else {
                continue;
            };
            // A bare figure counts when something happened to it ("injuring
            // more than 6,000 others").
            let happened = c.what.and_then(happening).is_some();
            if q.unit.is_none() && !happened {
                continue;
            }
            let what = super::records::build::fact_what(&c, q, &kinds);
            let record = record_of(records, &holders, q.span);
            let status = record.map_or(Status::Happened, |i| records[i].status);
            let group = c.group.map_or("people", |g| g.0);
            out.push(Fact {
                key: keys.key(what, group),
                what: what.into(),
                group: group.into(),
                value: Some(Interval {
                    low: q.low,
                    high: q.high,
                    unit: q.unit.clone(),
                    hedge: q.hedge,
                }),
                place: record
                    .and_then(|i| records[i].place.clone())
                    .or_else(|| nearest_place(&entities_in[si], span, q.span)),
                when: record
                    .and_then(|i| records[i].when.clone())
                    .or_else(|| nearest_date(&dates_in[si], span, q.span)),
                reported: reported.clone(),
                source: source(q),
                status,
                record,
                span: q.span,
                group_span: c.group.map(|g| g.1).filter(|g| !q.span.contains(*g)),
                sentence: span,
            });
            prev = Some((c, q.span));
        }
    }
    event_facts(records, &mut keys, reported.as_ref(), &mut out);
    quote_facts(doc, quotes, &mut keys, reported.as_ref(), &mut out);
    crate::text::sort::by_key(&mut out, |f| f.span.start);
    out
}

/// The kinds of the records joined into one from another sentence, whose
/// triggers lie in `span`.
fn kinds_of_sentence<'a>(
    records: &'a [&Record],
    span: Span,
) -> impl Iterator<Item = RecordKind> + 'a {
    records
        .iter()
        .filter(move |r| r.sentence != span && span.contains(r.trigger.span))
        .map(|r| r.kind)
}

/// Facts' keys, `what/whom`, written without the formatting machinery (a
/// key per fact), each in one buffer and copied from there once, to the
/// key that the fact and its report share.
#[derive(Default)]
struct Keys(String);

impl Keys {
    fn key(&mut self, what: &str, whom: &str) -> Arc<str> {
        let key = &mut self.0;
        key.clear();
        key.push_str(what);
        key.push('/');
        key.push_str(whom);
        Arc::from(key.as_str())
    }
}

/// Words between two spans, roughly: spaces in the text between them.
fn gap_words(text: &str, a: Span, b: Span) -> usize {
    if a.end > b.start {
        return 0;
    }
    text[a.end..b.start].split_whitespace().count()
}

/// The record that holds the figure at `span`: of those, the one whose
/// trigger is nearest to it in its sentence.
fn record_of(records: &[Record], holders: &HashMap<Span, Vec<usize>>, span: Span) -> Option<usize> {
    (holders.get(&span)?.iter().copied()).min_by_key(|&i| {
        let t = records[i].trigger.span;
        let apart = !records[i].sentence.contains(span);
        (apart, t.start.abs_diff(span.start))
    })
}

/// The records holding a figure, by the figure's span, in record order.
fn holders(records: &[Record]) -> HashMap<Span, Vec<usize>> {
    let mut by_span: HashMap<Span, Vec<usize>> = HashMap::new();
    for (i, r) in records.iter().enumerate() {
        for c in r.size.iter().chain(&r.casualties).chain(&r.detentions) {
            let held = by_span.entry(c.span).or_default();
            if held.last() != Some(&i) {
                held.push(i);
            }
        }
    }
    by_span
}

fn nearest_place(entities: &[&EntityMention], sentence: Span, at: Span) -> Option<Evidence> {
    entities
        .iter()
        .filter(|e| e.label == EntityLabel::Place && sentence.contains(e.span))
        .min_by_key(|e| e.span.start.abs_diff(at.start))
        .map(|e| Evidence {
            value: e.name.as_str().into(),
            span: e.span,
        })
}

fn nearest_date(dates: &[&DateMention], sentence: Span, at: Span) -> Option<Evidence> {
    dates
        .iter()
        .filter(|d| matches!(d.kind, DateKind::Date | DateKind::Time) && sentence.contains(d.span))
        .min_by_key(|d| d.span.start.abs_diff(at.start))
        .map(|d| Evidence {
            value: d.value.as_str().into(),
            span: d.span,
        })
}

/// One fact per record of a kind that a figure does not already state:
/// `event/emergency`, `event/shutdown`, `event/ban`, ..., after the figures'
/// facts in `out`.
fn event_facts(
    records: &[Record],
    keys: &mut Keys,
    reported: Option<&Arc<str>>,
    out: &mut Vec<Fact>,
) {
    let figures = out.len();
    let stated: std::collections::HashSet<usize> = out.iter().filter_map(|f| f.record).collect();
    for (i, r) in records.iter().enumerate() {
        if stated.contains(&i) {
            continue;
        }
        let what = r.kind.name();
        let told = |f: &Fact| f.key.strip_prefix("event/") == Some(what) && f.status == r.status;
        if out[figures..].iter().any(told) {
            continue;
        }
        let group = r.target.as_ref().map_or("people", |t| &*t.value);
        out.push(Fact {
            key: keys.key("event", what),
            what: what.into(),
            group: group.into(),
            value: None,
            place: r.place.clone(),
            when: r.when.clone(),
            reported: reported.cloned(),
            source: r.source.clone(),
            status: r.status,
            record: Some(i),
            span: r.trigger.span,
            group_span: r.target.as_ref().map(|t| t.span),
            sentence: r.sentence,
        });
    }
}

/// One fact per quote (not scare quotes or slogans) whose speaker is named:
/// `said/<speaker>`, the speaker credited as its source, added to `out`.
fn quote_facts(
    doc: &Doc,
    quotes: &[Quote],
    keys: &mut Keys,
    reported: Option<&Arc<str>>,
    out: &mut Vec<Fact>,
) {
    // The sentences the quote runs over.
    let sentences = &doc.seg.sentences;
    let sentence_of = |span: Span| {
        let first = sentences.partition_point(|s| s.span.end <= span.start);
        (sentences[first..].iter())
            .take_while(|s| s.span.start < span.end)
            .filter(|s| s.span.overlaps(span))
            .fold(span, |all, s| all.cover(s.span))
    };
    let said: Arc<str> = "said".into();
    let facts = quotes
        .iter()
        .filter(|q| {
            matches!(
                q.kind,
                QuoteKind::Direct | QuoteKind::Partial | QuoteKind::Indirect
            )
        })
        .filter_map(|q| {
            let speaker = q.speaker.as_ref()?;
            let named = q.speaker_span.filter(|s| s.of(doc.text) == speaker);
            let group: Arc<str> = speaker.as_str().into();
            Some(Fact {
                key: with_lower(speaker, |l| keys.key("said", l)),
                what: Arc::clone(&said),
                group: Arc::clone(&group),
                value: None,
                place: None,
                when: None,
                reported: reported.cloned(),
                source: Some(Evidence {
                    value: group,
                    span: named.or(q.speaker_span).unwrap_or(q.span),
                }),
                status: Status::Happened,
                record: None,
                span: q.span,
                group_span: q.speaker_span,
                sentence: sentence_of(q.span),
            })
        });
    out.extend(facts);
}

#[cfg(test)]
mod tests {
    use super::Keys;

    #[test]
    fn keys_are_the_two_parts_around_a_slash() {
        for (what, whom) in [
            ("killed", "security_forces"),
            ("event", "emergency"),
            ("said", "касым-жомарт токаев"),
            ("said", "élisabeth borne"),
            ("", ""),
            ("said", ""),
        ] {
            assert_eq!(*Keys::default().key(what, whom), format!("{what}/{whom}"));
        }
    }
}
