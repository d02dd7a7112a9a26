//! Event records: each event an article reports, coded the way researchers
//! code protest and repression events (one record per report, as in MMAD), with
//! the evidence span of every field.
//!
//! | type | what it is |
//! | --- | --- |
//! | [`Record`] | one event: its [`RecordKind`], [`Status`], when, where, who acted, at whose request and against whom, size, casualties, detentions, issue, response, credited source |
//! | [`Evidence`] | a field's value and the span it was read from |
//! | [`Count`] | a figure of a record: its [`Interval`], what it counts and whom it concerns |
//!
//! ```
//! use storydiff::{analyze, Input};
//! use storydiff::extract::{RecordKind, Status};
//! let a = analyze(&Input::new("a", "Kazakhstan has refused to allow a march against the war.")).unwrap();
//! let march = a.records.iter().find(|r| r.kind == RecordKind::Protest).unwrap();
//! assert_eq!(march.status, Status::Refused);
//! ```
//!
//! ## How a record is read
//!
//! A record starts at a trigger: an event word of [`crate::extract::events`]
//! or of `data/words/records/triggers.tsv` (dispersals, resignations, court
//! decisions, statements; Russian and Italian). One record per type and
//! sentence; records of one type and status in later sentences join the first
//! when their place and time do not differ. The fields come from the
//! trigger's sentence: the nearest date and place, an organisation, person or
//! authority noun as the actor ("the Almaty city hall"), the figures (a
//! protest's size; casualties and detentions with whom they concern), the
//! words after "against" / "contre" / "против" as the issue, the state's acts
//! in the same sentence as the response, and the source the sentence credits
//! (for its figures, else the speaker of its reported speech), and who
//! requested or authorized the act ("at the request of", "à la demande de",
//! "auf Bitte von", "по просьбе", "a petición de": the act nearest the cue).
//! The status comes from cues before the trigger ("refused to allow a march",
//! "threatened with", "planned"), or a refusal after it ("the parade was not
//! authorized").

pub(crate) mod build;
mod join;
pub(crate) mod lookup;
pub(crate) mod per_sentence;
mod request;

pub use build::extract;

use super::Hedge;
use crate::text::Span;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A field's value and where the article says it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The value, normalized where the field says so (an ISO date, a group
    /// key). Shared: a record's values are given again by its facts and
    /// by the report of both.
    pub value: Arc<str>,
    /// The span of the analysis text it was read from.
    pub span: Span,
}

/// A figure as an interval, as [`crate::extract::Quantity`] reads it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    /// Lower bound; `None` when open.
    pub low: Option<f64>,
    /// Upper bound; `None` when open.
    pub high: Option<f64>,
    /// What is counted ("people", "members", "days").
    pub unit: Option<String>,
    /// How the figure is qualified.
    pub hedge: Hedge,
}

/// A figure of a record: how many, of what, concerning whom.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Count {
    /// The figure.
    pub value: Interval,
    /// What happened to the counted ("killed", "injured", "detained",
    /// "dispersed", "participants"), or the counted unit.
    pub what: String,
    /// Whom it concerns ("security_forces", "protesters", "civilians"), when said.
    pub group: Option<String>,
    /// The quantity's span.
    pub span: Span,
}

/// The type of an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// A protest, rally, march or riot.
    Protest,
    /// A ban or a refused permit.
    Ban,
    /// Arrests and detentions.
    Arrest,
    /// Killings and deaths.
    Killing,
    /// Injuries.
    Injury,
    /// Clashes, attacks.
    Clash,
    /// A crowd dispersed.
    Dispersal,
    /// Troops deployed.
    Deployment,
    /// A state of emergency or a curfew.
    Emergency,
    /// An internet or communications shutdown.
    Shutdown,
    /// A resignation or dismissal.
    Resignation,
    /// An election or vote.
    Election,
    /// A court decision or sentence.
    Court,
    /// A statement or demand.
    Statement,
    /// Sanctions.
    Sanction,
    /// Anything else (the trigger says what).
    Other,
}

impl RecordKind {
    /// Every kind, in declaration order.
    pub const ALL: [RecordKind; 16] = [
        RecordKind::Protest,
        RecordKind::Ban,
        RecordKind::Arrest,
        RecordKind::Killing,
        RecordKind::Injury,
        RecordKind::Clash,
        RecordKind::Dispersal,
        RecordKind::Deployment,
        RecordKind::Emergency,
        RecordKind::Shutdown,
        RecordKind::Resignation,
        RecordKind::Election,
        RecordKind::Court,
        RecordKind::Statement,
        RecordKind::Sanction,
        RecordKind::Other,
    ];

    /// The kind's name in reports ("protest", "state_of_emergency" is "emergency").
    pub fn name(&self) -> &'static str {
        match self {
            RecordKind::Protest => "protest",
            RecordKind::Ban => "ban",
            RecordKind::Arrest => "arrest",
            RecordKind::Killing => "killing",
            RecordKind::Injury => "injury",
            RecordKind::Clash => "clash",
            RecordKind::Dispersal => "dispersal",
            RecordKind::Deployment => "deployment",
            RecordKind::Emergency => "emergency",
            RecordKind::Shutdown => "shutdown",
            RecordKind::Resignation => "resignation",
            RecordKind::Election => "election",
            RecordKind::Court => "court",
            RecordKind::Statement => "statement",
            RecordKind::Sanction => "sanction",
            RecordKind::Other => "other",
        }
    }

    /// The kind with this [`name`](RecordKind::name), or of an event class
    /// of [`crate::extract::events`] ("riot" is a protest, "invasion" other).
    pub fn from_name(name: &str) -> Option<RecordKind> {
        match name {
            "riot" => Some(RecordKind::Protest),
            "invasion" => Some(RecordKind::Other),
            _ => RecordKind::ALL.into_iter().find(|k| k.name() == name),
        }
    }

    /// Whether it is an act of the state in answer to a protest.
    pub fn is_response(&self) -> bool {
        matches!(
            self,
            RecordKind::Ban
                | RecordKind::Arrest
                | RecordKind::Dispersal
                | RecordKind::Deployment
                | RecordKind::Emergency
                | RecordKind::Shutdown
                | RecordKind::Court
        )
    }
}

/// Whether the event happened, as the article tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// It happened.
    Happened,
    /// It is planned or called for.
    Planned,
    /// It was not allowed ("refused to allow a march").
    Refused,
    /// It is threatened ("threatened with 20 to 50 days").
    Threatened,
    /// Someone denies it happened.
    Denied,
    /// Someone claims it happened.
    Claimed,
}

impl Status {
    /// The status of a cue's role in `data/words/records/status_cues.tsv`.
    pub fn from_name(name: &str) -> Option<Status> {
        Some(match name {
            "happened" => Status::Happened,
            "planned" => Status::Planned,
            "refused" => Status::Refused,
            "threatened" => Status::Threatened,
            "denied" => Status::Denied,
            "claimed" => Status::Claimed,
            _ => return None,
        })
    }

    /// The name in reports.
    pub fn name(&self) -> &'static str {
        match self {
            Status::Happened => "happened",
            Status::Planned => "planned",
            Status::Refused => "refused",
            Status::Threatened => "threatened",
            Status::Denied => "denied",
            Status::Claimed => "claimed",
        }
    }
}

/// One event an article reports, every field with its evidence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// What kind of event.
    pub kind: RecordKind,
    /// The word that names it (value: the word in lower case).
    pub trigger: Evidence,
    /// Whether it happened.
    pub status: Status,
    /// The cue the status was read from, when not [`Status::Happened`].
    pub status_cue: Option<Span>,
    /// When: an ISO 8601 / TimeML value from the date layer.
    pub when: Option<Evidence>,
    /// Where: a place entity.
    pub place: Option<Evidence>,
    /// Who acted (the state body that refused, the force that deployed).
    pub actor: Option<Evidence>,
    /// Who requested or authorized it ("at the request of Kazakh President
    /// Tokayev", "à la demande de", "по просьбе").
    pub requester: Option<Evidence>,
    /// Against whom (a group key: "protesters", "security_forces").
    pub target: Option<Evidence>,
    /// How many took part (protests).
    pub size: Option<Count>,
    /// Killed and injured, with whom they concern.
    pub casualties: Vec<Count>,
    /// Arrested and detained, and terms of detention.
    pub detentions: Vec<Count>,
    /// What the protest or statement is about.
    pub issue: Option<Evidence>,
    /// The state's response in the same sentence (value: its kind).
    pub response: Option<Evidence>,
    /// Who the article credits for it.
    pub source: Option<Evidence>,
    /// The sentence of the trigger.
    pub sentence: Span,
}
