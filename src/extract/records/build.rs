//! Reading records sentence by sentence, then joining the ones that tell of
//! one event.

use super::join::Joined;
use super::lookup::{
    authority_stems, group_stems, is_word, issue_stems, match_to_word_end, phrase_at, status_stems,
    trigger_stems, word_after, word_index, words_of, At, Counted, CountedEach, Findings,
};
use super::per_sentence;
use super::{Count, Evidence, Interval, Record, RecordKind, Status};
use crate::extract::{
    DateKind, DateMention, Doc, EntityLabel, EntityMention, Event, Quantity, Quote, QuoteKind,
};
use crate::lexicon::lists::records::ISSUE_STOPS;
use crate::text::{with_lower, Span};
use std::sync::Arc;

/// What the records of a sentence read from.
struct Sentence<'a, 'd> {
    doc: &'a Doc<'d>,
    span: Span,
    words: Vec<At>,
    entities: Vec<&'a EntityMention>,
    dates: Vec<&'a DateMention>,
    counts: Vec<Count>,
    source: Option<Evidence>,
}

/// The records of `doc`, from its event triggers and the other findings.
pub fn extract(
    doc: &Doc,
    entities: &[EntityMention],
    dates: &[DateMention],
    quantities: &[Quantity],
    events: &[Event],
    quotes: &[Quote],
) -> Vec<Record> {
    let findings = Findings::new(doc, entities, dates, quantities);
    extract_with(doc, &findings, events, quotes)
}

/// [`extract`] of the entities, dates and figures already grouped by
/// sentence, with what each figure counts.
pub(crate) fn extract_with(
    doc: &Doc,
    findings: &Findings,
    events: &[Event],
    quotes: &[Quote],
) -> Vec<Record> {
    // Each record joins an earlier one that tells of the same event, if any.
    let mut out = Joined::default();
    let sentences = &doc.seg.sentences;
    let Findings {
        entities,
        dates,
        quantities,
        counted,
    } = findings;
    let events = per_sentence::of_sentence(sentences, events, |e| e.sentence);
    let quotes = per_sentence::overlapping(sentences, quotes, |q| q.span);
    for (si, sentence) in sentences.iter().enumerate() {
        let span = sentence.span;
        let triggers = triggers_of(doc, si, &events[si]);
        if triggers.is_empty() {
            continue;
        }
        // The sentence's words, listed once for its records and its figures.
        let words = words_of(doc, si);
        let inside = |s: Span| span.contains(s);
        let mut st = Sentence {
            doc,
            span,
            words,
            entities: entities[si]
                .iter()
                .copied()
                .filter(|e| inside(e.span))
                .collect(),
            dates: (dates[si].iter().copied())
                .filter(|d| inside(d.span) && matches!(d.kind, DateKind::Date | DateKind::Time))
                .collect(),
            counts: Vec::new(),
            source: None,
        };
        let kinds: Vec<RecordKind> = triggers.iter().map(|t| t.0).collect();
        st.counts = counts_of(span, &st.words, &quantities[si], counted, &kinds);
        st.source = source_of(doc.text, span, &quantities[si], &quotes[si]);
        let mut records = sentence_records(&st, &triggers);
        if let Some((who, cue)) = super::request::requester(doc, span, &st.words) {
            let nearest = (records.iter_mut())
                .filter(|r| !matches!(r.kind, RecordKind::Killing | RecordKind::Injury))
                // Acts are requested, rarely protests.
                .min_by_key(|r| (r.kind == RecordKind::Protest, distance(r.trigger.span, cue)));
            if let Some(r) = nearest {
                r.requester = Some(who);
            }
        }
        for record in records {
            out.add(record);
        }
    }
    out.into_records()
}

/// Who sentence `span` credits: the source of its figures ("according to
/// the Interior Ministry"), else the speaker of the reported speech it holds
/// ("..., its organizers said").
fn source_of(
    text: &str,
    span: Span,
    quantities: &[&Quantity],
    quotes: &[&Quote],
) -> Option<Evidence> {
    let figures = (quantities.iter())
        .filter(|q| span.contains(q.span))
        .find_map(|q| evidence_of(text, span, q.source.as_deref()?));
    figures.or_else(|| {
        quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Indirect && q.span.overlaps(span))
            .find_map(|q| {
                let name = q.speaker.as_deref()?;
                let at = q.speaker_span.filter(|s| span.contains(*s))?;
                Some(Evidence {
                    value: name.into(),
                    span: at,
                })
            })
    })
}

/// The triggers of sentence `si`, one per kind, in text order. Read from
/// its tokens: most sentences have none, and need no list of their words.
fn triggers_of(doc: &Doc, si: usize, events: &[&Event]) -> Vec<(RecordKind, Span)> {
    let span = doc.seg.sentences[si].span;
    let mut found: Vec<(RecordKind, Span)> = events
        .iter()
        .filter(|e| e.sentence == span)
        .filter_map(|e| Some((RecordKind::from_name(&e.class)?, e.trigger)))
        .collect();
    let (tokens, stems) = (doc.seg.sentence_tokens(si), trigger_stems());
    for (i, word) in tokens.iter().enumerate().filter(|(_, t)| is_word(t)) {
        let start = word.span.start;
        let Some((_, role, len)) = stems.at(&doc.text[start..]) else {
            continue;
        };
        // Most words open no stem: only a match is checked against the
        // triggers found before it.
        if found.iter().any(|t| t.1.overlaps(word.span)) {
            continue;
        }
        if let Some(kind) = RecordKind::from_name(role) {
            let words = tokens[i..].iter().filter(|t| is_word(t)).map(|t| t.span);
            found.push((kind, match_to_word_end(doc, start, words, len)));
        }
    }
    crate::text::sort::by_key(&mut found, |t| t.1.start);
    let mut seen = Vec::new();
    found.retain(|t| {
        let new = !seen.contains(&t.0);
        seen.push(t.0);
        new
    });
    found
}

/// The figures of a sentence, each with what it counts.
fn counts_of(
    span: Span,
    words: &[At],
    quantities: &[&Quantity],
    counted: &CountedEach,
    kinds: &[RecordKind],
) -> Vec<Count> {
    let mut out: Vec<Count> = Vec::new();
    let mut prev: Option<(Counted, Span)> = None;
    for q in quantities.iter().filter(|q| span.contains(q.span)) {
        let joined = prev.as_ref().filter(|(_, ps)| {
            let gap = word_index(words, q.span.start) - word_after(words, *ps);
            gap <= 2
        });
        let Some(c) = counted.of(q, joined.map(|p| &p.0)) else {
            continue;
        };
        let what = fact_what(&c, q, kinds);
        out.push(Count {
            value: Interval {
                low: q.low,
                high: q.high,
                unit: q.unit.clone(),
                hedge: q.hedge,
            },
            what: what.to_string(),
            group: c.group.map(|g| g.0.to_string()),
            span: q.span,
        });
        prev = Some((c, q.span));
    }
    out
}

/// What a figure counts, given the kinds of event its sentence reports: the
/// happening when said ("killed"), a term of detention for days or months
/// in a sentence about arrests or courts, "participants" for people at a
/// protest, "deployed" for troops, else its unit.
pub(crate) fn fact_what<'q>(c: &Counted<'q>, q: &'q Quantity, kinds: &[RecordKind]) -> &'q str {
    if let Some(w) = c.what {
        return w;
    }
    let unit = q.unit.as_deref().unwrap_or("count");
    let has = |k: RecordKind| kinds.contains(&k);
    let timed = matches!(unit, "days" | "weeks" | "months" | "years" | "hours");
    if timed && (has(RecordKind::Court) || has(RecordKind::Arrest)) {
        return "detention_term";
    }
    let group = c.group.map(|g| g.0);
    if matches!(group, Some("troops")) && has(RecordKind::Deployment) {
        return "deployed";
    }
    let people = matches!(group, None | Some("protesters")) && !timed && !is_money(unit);
    if people && has(RecordKind::Protest) {
        return "participants";
    }
    // "At least 37 people, mostly children, are killed": people in a
    // sentence that tells of one kind of harm only.
    if unit == "people" {
        let harms = [
            (RecordKind::Killing, "killed"),
            (RecordKind::Injury, "injured"),
            (RecordKind::Arrest, "detained"),
        ];
        let mut told = harms.iter().filter(|(k, _)| has(*k));
        if let (Some((_, what)), None) = (told.next(), told.next()) {
            return what;
        }
    }
    unit
}

fn is_money(unit: &str) -> bool {
    unit == "percent" || (unit.len() == 3 && unit.chars().all(|c| c.is_ascii_lowercase()))
}

/// The records of one sentence, from its triggers.
fn sentence_records(st: &Sentence, triggers: &[(RecordKind, Span)]) -> Vec<Record> {
    let mut out: Vec<Record> = Vec::new();
    for (i, &(kind, trigger)) in triggers.iter().enumerate() {
        let banned_before = triggers[..i]
            .iter()
            .find(|t| t.0 == RecordKind::Ban && near(st, t.1, trigger, 8))
            .map(|t| t.1);
        let (status, cue) = status_of(st, kind, trigger, banned_before);
        let mut r = record(st, kind, trigger, status, cue);
        // "The parade was not authorized by the city hall": the refusal is a ban too.
        if kind == RecordKind::Protest && status == Status::Refused && banned_before.is_none() {
            if let Some(cue) = cue.filter(|_| !triggers.iter().any(|t| t.0 == RecordKind::Ban)) {
                let mut ban = record(st, RecordKind::Ban, cue, Status::Happened, None);
                ban.target = Some(Evidence {
                    value: RecordKind::Protest.name().into(),
                    span: trigger,
                });
                r.response = Some(Evidence {
                    value: RecordKind::Ban.name().into(),
                    span: cue,
                });
                out.push(ban);
            }
        }
        out.push(r);
    }
    // A protest's response: the state's act reported with it.
    let response = (out.iter())
        .find(|r| r.kind.is_response())
        .map(|r| (r.kind, r.trigger.span));
    for r in out.iter_mut().filter(|r| r.kind == RecordKind::Protest) {
        if let (None, Some((kind, span))) = (&r.response, response) {
            r.response = Some(Evidence {
                value: kind.name().into(),
                span,
            });
        }
    }
    // A ban's target: the protest it refused.
    let protest = out
        .iter()
        .find(|r| r.kind == RecordKind::Protest)
        .map(|r| r.trigger.span);
    for r in out.iter_mut().filter(|r| r.kind == RecordKind::Ban) {
        if let (None, Some(p)) = (&r.target, protest) {
            r.target = Some(Evidence {
                value: RecordKind::Protest.name().into(),
                span: p,
            });
        }
    }
    crate::text::sort::by_key(&mut out, |r| r.trigger.span.start);
    out
}

/// Whether `a` lies at most `n` words before `b`.
fn near(st: &Sentence, a: Span, b: Span, n: usize) -> bool {
    let (ka, kb) = (
        word_index(&st.words, a.start),
        word_index(&st.words, b.start),
    );
    ka < kb && kb - ka <= n
}

/// The status of the event named at `trigger`: a cue before it (nearest
/// first), a refusal after a protest ("was not authorized"), or a ban
/// trigger before a protest ("refusing them permission to hold a rally").
fn status_of(
    st: &Sentence,
    kind: RecordKind,
    trigger: Span,
    banned_before: Option<Span>,
) -> (Status, Option<Span>) {
    let t = word_index(&st.words, trigger.start);
    let refusable = matches!(
        kind,
        RecordKind::Protest | RecordKind::Election | RecordKind::Statement
    );
    let cue_at = |k: usize| {
        let (_, role, sp) = phrase_at(st.doc, &st.words, k, status_stems())?;
        let status = Status::from_name(role)?;
        Some((status, sp))
    };
    for k in (t.saturating_sub(8)..t).rev() {
        let Some((status, sp)) = cue_at(k) else {
            continue;
        };
        let status = match status {
            Status::Denied if kind == RecordKind::Protest => Status::Refused,
            Status::Refused if !refusable => continue,
            s => s,
        };
        if kind == RecordKind::Ban && status != Status::Threatened && status != Status::Planned {
            continue;
        }
        return (status, Some(sp));
    }
    if kind == RecordKind::Protest {
        if let Some(ban) = banned_before {
            return (Status::Refused, Some(ban));
        }
        let end = (t + 8).min(st.words.len());
        for k in t + 1..end {
            if let Some((Status::Refused, sp)) = cue_at(k) {
                return (Status::Refused, Some(sp));
            }
        }
    }
    (Status::Happened, None)
}

/// A record of `kind` at `trigger`, its fields read from the sentence.
fn record(
    st: &Sentence,
    kind: RecordKind,
    trigger: Span,
    status: Status,
    cue: Option<Span>,
) -> Record {
    let text = st.doc.text;
    // Only the nearest value is copied out.
    let nearest = |spans: &mut dyn Iterator<Item = (&str, Span)>| {
        spans
            .min_by_key(|(_, s)| distance(*s, trigger))
            .map(|(value, span)| Evidence {
                value: value.into(),
                span,
            })
    };
    let place = nearest(
        &mut (st.entities.iter())
            .filter(|e| e.label == EntityLabel::Place)
            .map(|e| (e.name.as_str(), e.span)),
    );
    let when = nearest(&mut st.dates.iter().map(|d| (d.value.as_str(), d.span)));
    let counts = |f: &dyn Fn(&Count) -> bool| st.counts.iter().filter(|c| f(c)).cloned().collect();
    let size = match kind {
        RecordKind::Protest => st.counts.iter().find(|c| c.what == "participants").cloned(),
        RecordKind::Dispersal => st.counts.iter().find(|c| c.what == "dispersed").cloned(),
        RecordKind::Deployment => st.counts.iter().find(|c| c.what == "deployed").cloned(),
        _ => None,
    };
    let casualty = |c: &Count| matches!(c.what.as_str(), "killed" | "injured");
    let detention = |c: &Count| matches!(c.what.as_str(), "detained" | "detention_term");
    let (casualties, detentions) = match kind {
        RecordKind::Killing | RecordKind::Injury | RecordKind::Clash => (counts(&casualty), vec![]),
        RecordKind::Arrest | RecordKind::Court => (vec![], counts(&detention)),
        RecordKind::Protest => (counts(&casualty), counts(&detention)),
        _ => (vec![], vec![]),
    };
    let target = target_of(st, kind, trigger, &casualties, &detentions);
    Record {
        kind,
        trigger: Evidence {
            value: with_lower(trigger.of(text), |lower| Arc::from(lower)),
            span: trigger,
        },
        status,
        status_cue: cue,
        when,
        place,
        actor: actor_of(st, kind, cue.unwrap_or(trigger)),
        requester: None,
        target,
        size,
        casualties,
        detentions,
        issue: matches!(kind, RecordKind::Protest | RecordKind::Statement)
            .then(|| issue_of(st, trigger))
            .flatten(),
        response: None,
        source: st.source.clone(),
        sentence: st.span,
    }
}

fn distance(a: Span, b: Span) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// Who acted: the organisation, person or authority nearest to `at` (for a
/// protest: who protested, when a group is named).
fn actor_of(st: &Sentence, kind: RecordKind, at: Span) -> Option<Evidence> {
    if kind == RecordKind::Protest {
        return None;
    }
    // Names borrowed: only the chosen one is copied out.
    let mut candidates: Vec<(&str, Span)> = (st.entities.iter())
        .filter(|e| matches!(e.label, EntityLabel::Org | EntityLabel::Person))
        .map(|e| (e.name.as_str(), e.span))
        .collect();
    for k in 0..st.words.len() {
        let w = st.words[k].span;
        let rest = &st.doc.text[w.start..];
        let Some((_, _, len)) = authority_stems().at(rest) else {
            continue;
        };
        // Most words open no stem: only a match is checked against the
        // candidates before it.
        if candidates.iter().any(|c| c.1.overlaps(w)) {
            continue;
        }
        let mut span = super::lookup::to_word_end(st.doc, &st.words, k, len);
        // "Almaty city hall": capitalized words just before go with it.
        let mut j = k;
        while j > 0 && starts_upper(st.words[j - 1].span.of(st.doc.text)) && j - 1 > 0 {
            j -= 1;
            span = Span::new(st.words[j].span.start, span.end);
        }
        candidates.push((span.of(st.doc.text), span));
    }
    // Who killed or injured is the subject right before the word ("police
    // killed"); a name elsewhere in the sentence is more often a place or a
    // victim ("a crash in Tanzania, killing 19").
    let harm = matches!(kind, RecordKind::Killing | RecordKind::Injury);
    let word_gap = |s: Span| {
        st.doc.text[s.end.min(at.start)..at.start]
            .split_whitespace()
            .count()
    };
    candidates
        .into_iter()
        .filter(|(_, s)| !s.overlaps(at))
        .filter(|(_, s)| !harm || (s.end <= at.start && word_gap(*s) <= 2))
        .min_by_key(|(_, s)| distance(*s, at))
        .map(|(value, span)| Evidence {
            value: value.into(),
            span,
        })
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Against whom: the group its figures concern, else the group named
/// nearest after the trigger.
fn target_of(
    st: &Sentence,
    kind: RecordKind,
    trigger: Span,
    casualties: &[Count],
    detentions: &[Count],
) -> Option<Evidence> {
    if matches!(
        kind,
        RecordKind::Protest | RecordKind::Statement | RecordKind::Ban
    ) {
        return None;
    }
    if let Some(c) = casualties
        .iter()
        .chain(detentions)
        .find(|c| c.group.is_some())
    {
        return Some(Evidence {
            value: c.group.as_deref().unwrap_or_default().into(),
            span: c.span,
        });
    }
    let t = word_index(&st.words, trigger.start);
    let from = t.saturating_sub(6);
    let end = (t + 8).min(st.words.len());
    (from..end)
        .filter_map(|k| phrase_at(st.doc, &st.words, k, group_stems()))
        .min_by_key(|(_, _, s)| distance(*s, trigger))
        .map(|(_, role, span)| Evidence {
            value: role.into(),
            span,
        })
}

/// What a protest or statement is about: from after an issue cue within six
/// words of the trigger to the next comma or the sentence end (at most
/// twelve words).
fn issue_of(st: &Sentence, trigger: Span) -> Option<Evidence> {
    let text = st.doc.text;
    let t = word_after(&st.words, trigger);
    let end = (t + 6).min(st.words.len());
    for k in t..end {
        if k > 0 && text[st.words[k - 1].span.end..st.words[k].span.start].contains([',', ';']) {
            return None;
        }
        let rest = &text[st.words[k].span.start..];
        let Some((_, _, len)) = issue_stems().at(rest) else {
            continue;
        };
        let from = word_index(&st.words, st.words[k].span.start + len);
        let mut last = None;
        for w in st.words.iter().skip(from).take(12) {
            let gap = &text[last.map_or(w.span.start, |l: Span| l.end)..w.span.start];
            if gap.contains([',', ';', ':', '(']) || ISSUE_STOPS.contains(&w.span.of(text)) {
                break;
            }
            last = Some(w.span);
        }
        let first = st.words.get(from)?.span;
        let span = Span::new(first.start, last?.end);
        return Some(Evidence {
            value: span.of(text).into(),
            span,
        });
    }
    None
}

/// The evidence of `name` in the sentence `span` of `text`, where it is written there.
pub(crate) fn evidence_of(text: &str, span: Span, name: &str) -> Option<Evidence> {
    let at = span.of(text).find(name)?;
    let start = span.start + at;
    Some(Evidence {
        value: name.into(),
        span: Span::new(start, start + name.len()),
    })
}
