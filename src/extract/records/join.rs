//! Joining the records of an article that tell of one event: a record joins
//! the first earlier one of its kind and status whose time, place and size do
//! not differ from its own, and fills what that one lacks.
//!
//! Asked of every earlier record, that is a step per pair of records: an
//! article that names many places, each with its own protest, cost the square
//! of its length. The records are indexed by kind, status and place instead,
//! so that a record with a place reads only the records of that place and
//! those without one. (A record without a place may join any, and still
//! reads all the records of its kind and status until one joins.)

use super::{Evidence, Record, RecordKind, Status};
use crate::text::hash::FastMap;
use std::sync::Arc;

/// The records joined so far, in the order they were first read, and where
/// to look for the ones a new record may join.
#[derive(Default)]
pub(super) struct Joined {
    records: Vec<Record>,
    /// The records of each kind and status, in order.
    by_kind: FastMap<(RecordKind, Status), Vec<usize>>,
    /// Of those, the ones with a place, by place, in order.
    by_place: FastMap<(RecordKind, Status), FastMap<Arc<str>, Vec<usize>>>,
    /// And the ones without a place, in order.
    unplaced: FastMap<(RecordKind, Status), Vec<usize>>,
}

impl Joined {
    /// Adds `r`, joined to the first earlier record it may join, else as a
    /// record of its own.
    pub(super) fn add(&mut self, r: Record) {
        let kind = (r.kind, r.status);
        let first = match &r.place {
            // The records of its place and those without one: the first of
            // each that it may join, and of those two the earlier.
            Some(place) => {
                let placed = (self.by_place.get(&kind))
                    .and_then(|places| places.get(&*place.value))
                    .and_then(|at| self.first_joined_by(at, &r));
                let unplaced =
                    (self.unplaced.get(&kind)).and_then(|at| self.first_joined_by(at, &r));
                placed.into_iter().chain(unplaced).min()
            }
            None => (self.by_kind.get(&kind)).and_then(|at| self.first_joined_by(at, &r)),
        };
        let Some(i) = first else {
            let i = self.records.len();
            self.by_kind.entry(kind).or_default().push(i);
            match &r.place {
                Some(place) => (self.by_place.entry(kind).or_default())
                    .entry(place.value.clone())
                    .or_default()
                    .push(i),
                None => self.unplaced.entry(kind).or_default().push(i),
            }
            self.records.push(r);
            return;
        };
        // The place it gains, where it had none.
        let placed_now = match (&self.records[i].place, &r.place) {
            (None, Some(place)) => Some(place.value.clone()),
            _ => None,
        };
        fill(&mut self.records[i], r);
        if let Some(place) = placed_now {
            // Moved from the records without a place to those of its place,
            // where it keeps its order.
            if let Some(unplaced) = self.unplaced.get_mut(&kind) {
                if let Ok(at) = unplaced.binary_search(&i) {
                    unplaced.remove(at);
                }
            }
            let placed = (self.by_place.entry(kind).or_default())
                .entry(place)
                .or_default();
            let at = placed.partition_point(|&j| j < i);
            placed.insert(at, i);
        }
    }

    /// The joined records, in the order they were first read.
    pub(super) fn into_records(self) -> Vec<Record> {
        self.records
    }

    /// The first of the records `at` (in order) that `r` may join.
    fn first_joined_by(&self, at: &[usize], r: &Record) -> Option<usize> {
        at.iter().copied().find(|&i| may_join(&self.records[i], r))
    }
}

/// Whether `r` may join the earlier record `p`: the same kind and status, and
/// time, place and size that do not differ (either may be missing).
pub(super) fn may_join(p: &Record, r: &Record) -> bool {
    let same = |a: &Option<Evidence>, b: &Option<Evidence>| match (a, b) {
        (Some(a), Some(b)) => a.value == b.value,
        _ => true,
    };
    let sizes_agree = match (&p.size, &r.size) {
        (Some(x), Some(y)) => x.value == y.value,
        _ => true,
    };
    p.kind == r.kind
        && p.status == r.status
        && same(&p.when, &r.when)
        && same(&p.place, &r.place)
        && sizes_agree
}

/// Fills what `prev` lacks from `r`, which joins it, and adds its counts.
fn fill(prev: &mut Record, r: Record) {
    let fill = |a: &mut Option<Evidence>, b: Option<Evidence>| {
        if a.is_none() {
            *a = b;
        }
    };
    fill(&mut prev.when, r.when);
    fill(&mut prev.place, r.place);
    fill(&mut prev.actor, r.actor);
    fill(&mut prev.requester, r.requester);
    fill(&mut prev.target, r.target);
    fill(&mut prev.issue, r.issue);
    fill(&mut prev.response, r.response);
    fill(&mut prev.source, r.source);
    if prev.size.is_none() {
        prev.size = r.size;
    }
    prev.casualties.extend(r.casualties);
    prev.detentions.extend(r.detentions);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::records::{Count, Interval};
    use crate::extract::Hedge;
    use crate::text::Span;

    fn evidence(value: &str) -> Evidence {
        Evidence {
            value: value.into(),
            span: Span::new(0, value.len()),
        }
    }

    /// A record of `kind` and `status`; `when`, `place` and `size` from a
    /// few values or none, and an actor that tells which record it was.
    fn record(n: usize, kind: RecordKind, status: Status, choice: [usize; 3]) -> Record {
        let pick = |k: usize, of: &[&str]| of.get(k).map(|v| evidence(v));
        Record {
            kind,
            trigger: evidence("protest"),
            status,
            status_cue: None,
            when: pick(choice[0], &["2020-01-01", "2020-01-02"]),
            place: pick(choice[1], &["Lima", "Quito", "Cusco"]),
            actor: Some(evidence(&format!("actor {n}"))),
            requester: None,
            target: None,
            size: [100.0, 200.0].get(choice[2]).map(|&v| Count {
                value: Interval {
                    low: Some(v),
                    high: Some(v),
                    unit: None,
                    hedge: Hedge::Exact,
                },
                what: "participants".to_string(),
                group: None,
                span: Span::new(0, 3),
            }),
            casualties: Vec::new(),
            detentions: Vec::new(),
            issue: None,
            response: None,
            source: Some(evidence(&format!("source {n}"))),
            sentence: Span::new(0, 0),
        }
    }

    /// Joining as it was first written: each record asks every earlier one.
    fn joined_by_asking_all(records: Vec<Record>) -> Vec<Record> {
        let mut out: Vec<Record> = Vec::new();
        for r in records {
            match out.iter_mut().find(|p| may_join(p, &r)) {
                Some(p) => fill(p, r),
                None => out.push(r),
            }
        }
        out
    }

    /// On many made-up sequences of records (kinds, statuses, times, places
    /// and sizes from a few values each, or missing), the index joins as
    /// asking every earlier record does.
    #[test]
    fn joins_as_asking_every_earlier_record() {
        // A small linear congruential generator: the same sequences each run.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            ((state >> 33) % n) as usize
        };
        let mut joins = 0;
        for _ in 0..400 {
            let records: Vec<Record> = (0..next(40) + 1)
                .map(|n| {
                    let kind = [RecordKind::Protest, RecordKind::Killing][next(2)];
                    let status = [Status::Happened, Status::Planned][next(2)];
                    record(n, kind, status, [next(3), next(4), next(3)])
                })
                .collect();
            let want = joined_by_asking_all(records.clone());
            joins += records.len() - want.len();
            let mut joined = Joined::default();
            for r in records {
                joined.add(r);
            }
            assert_eq!(joined.into_records(), want);
        }
        assert!(joins > 1000, "the sequences join often: {joins}");
    }
}
