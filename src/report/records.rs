//! The report's event records and facts: every field with the input span it
//! was read from.

use super::{SpanText, SpanWriter};
use crate::extract::Fact;
use crate::extract::Hedge;
use crate::extract::{Count, Evidence, Interval, Record, RecordKind, Status};
use crate::text::Span;
use serde::Serialize;
use std::sync::Arc;

/// A field's value and the input span it was read from.
#[derive(Clone, Debug, Serialize)]
pub struct EvidenceOut {
    /// The value (an ISO date, a place's name, a group key, ...).
    pub value: Arc<str>,
    /// First code point.
    pub start: usize,
    /// Code point after the last.
    pub end: usize,
    /// The input's code points `start..end`.
    pub text: SpanText,
}

/// A figure: an interval with its unit and hedge.
#[derive(Clone, Debug, Serialize)]
pub struct IntervalOut {
    /// Lower bound; none when open.
    pub low: Option<f64>,
    /// Upper bound; none when open.
    pub high: Option<f64>,
    /// What is counted ("people", "members", "days").
    pub unit: Option<String>,
    /// Exact, approximate, at least, more than ...
    pub hedge: Hedge,
}

/// A figure of a record, with what it counts and whom it concerns.
#[derive(Clone, Debug, Serialize)]
pub struct CountOut {
    /// The figure.
    #[serde(flatten)]
    pub value: IntervalOut,
    /// What happened to the counted ("killed", "detained", "participants").
    pub what: String,
    /// Whom it concerns ("security_forces", "protesters"), when said.
    pub group: Option<String>,
    /// First code point.
    pub start: usize,
    /// Code point after the last.
    pub end: usize,
    /// The input's code points `start..end`.
    pub text: SpanText,
}

/// One event, coded: type, status and every field with its evidence.
#[derive(Clone, Debug, Serialize)]
pub struct RecordOut {
    /// `protest`, `ban`, `arrest`, `killing`, `injury`, `clash`, `dispersal`,
    /// `deployment`, `emergency`, `shutdown`, `resignation`, `election`,
    /// `court`, `statement`, `sanction` or `other`.
    #[serde(rename = "type")]
    pub kind: RecordKind,
    /// `happened`, `planned`, `refused`, `threatened`, `denied` or `claimed`.
    pub status: Status,
    /// The word that names the event.
    pub trigger: EvidenceOut,
    /// The words the status was read from.
    pub status_cue: Option<EvidenceOut>,
    /// When (ISO 8601 / TimeML).
    pub when: Option<EvidenceOut>,
    /// Where (a place).
    pub place: Option<EvidenceOut>,
    /// Who acted.
    pub actor: Option<EvidenceOut>,
    /// Who requested or authorized it ("at the request of ...").
    pub requester: Option<EvidenceOut>,
    /// Against whom (a group key).
    pub target: Option<EvidenceOut>,
    /// How many took part.
    pub size: Option<CountOut>,
    /// Killed and injured.
    pub casualties: Vec<CountOut>,
    /// Arrested, detained, terms of detention.
    pub detentions: Vec<CountOut>,
    /// What it is about.
    pub issue: Option<EvidenceOut>,
    /// The state's response (value: its type).
    pub response: Option<EvidenceOut>,
    /// Who the article credits.
    pub source: Option<EvidenceOut>,
    /// The sentence.
    pub sentence: EvidenceOut,
}

/// One atomic claim, with a key comparable across articles and languages.
#[derive(Clone, Debug, Serialize)]
pub struct ArticleFactOut {
    /// `what/group` ("killed/security_forces"), `event/<type>` or `said/<speaker>`.
    pub key: Arc<str>,
    /// What happened or is counted.
    pub what: Arc<str>,
    /// Whom it concerns ("people" when unsaid).
    pub group: Arc<str>,
    /// The figure, when there is one.
    pub value: Option<IntervalOut>,
    /// Where.
    pub place: Option<EvidenceOut>,
    /// When the event took place.
    pub when: Option<EvidenceOut>,
    /// The article's date, when known.
    pub reported: Option<Arc<str>>,
    /// Who the article credits.
    pub source: Option<EvidenceOut>,
    /// `happened`, `planned`, `refused`, `threatened`, `denied` or `claimed`.
    pub status: Status,
    /// Index of its record in `records`, if any.
    pub record: Option<usize>,
    /// First code point of the claim (the figure or the trigger).
    pub start: usize,
    /// Code point after the last.
    pub end: usize,
    /// The input's code points `start..end`.
    pub text: SpanText,
    /// Where whom it concerns is said, when apart from the claim.
    pub group_span: Option<EvidenceOut>,
}

fn evidence(w: &SpanWriter, e: &Evidence) -> EvidenceOut {
    spanned(w, e.value.clone(), e.span)
}

fn spanned(w: &SpanWriter, value: Arc<str>, span: Span) -> EvidenceOut {
    let s = w.analysis(span);
    EvidenceOut {
        value,
        start: s.start,
        end: s.end,
        text: s.text,
    }
}

fn interval(v: &Interval) -> IntervalOut {
    IntervalOut {
        low: v.low,
        high: v.high,
        unit: v.unit.clone(),
        hedge: v.hedge,
    }
}

fn count(w: &SpanWriter, c: &Count) -> CountOut {
    let s = w.analysis(c.span);
    CountOut {
        value: interval(&c.value),
        what: c.what.clone(),
        group: c.group.clone(),
        start: s.start,
        end: s.end,
        text: s.text,
    }
}

impl RecordOut {
    /// The report form of `r`.
    pub fn of(w: &SpanWriter, r: &Record) -> RecordOut {
        let ev = |e: &Option<Evidence>| e.as_ref().map(|e| evidence(w, e));
        RecordOut {
            kind: r.kind,
            status: r.status,
            trigger: evidence(w, &r.trigger),
            status_cue: r.status_cue.map(|s| spanned(w, r.status.name().into(), s)),
            when: ev(&r.when),
            place: ev(&r.place),
            actor: ev(&r.actor),
            requester: ev(&r.requester),
            target: ev(&r.target),
            size: r.size.as_ref().map(|c| count(w, c)),
            casualties: r.casualties.iter().map(|c| count(w, c)).collect(),
            detentions: r.detentions.iter().map(|c| count(w, c)).collect(),
            issue: ev(&r.issue),
            response: ev(&r.response),
            source: ev(&r.source),
            sentence: spanned(w, Arc::default(), r.sentence),
        }
    }
}

impl ArticleFactOut {
    /// The report form of `f`.
    pub fn of(w: &SpanWriter, f: &Fact) -> ArticleFactOut {
        let ev = |e: &Option<Evidence>| e.as_ref().map(|e| evidence(w, e));
        let s = w.analysis(f.span);
        ArticleFactOut {
            key: f.key.clone(),
            what: f.what.clone(),
            group: f.group.clone(),
            value: f.value.as_ref().map(interval),
            place: ev(&f.place),
            when: ev(&f.when),
            reported: f.reported.clone(),
            source: ev(&f.source),
            status: f.status,
            record: f.record,
            start: s.start,
            end: s.end,
            text: s.text,
            group_span: f.group_span.map(|g| spanned(w, f.group.clone(), g)),
        }
    }
}
