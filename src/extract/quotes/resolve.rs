//! Resolution: short names lengthened, pronouns and entity mentions resolved.
//!
//! In order: the names known to be persons; each speaker named (by a
//! confirming entity, a definite description, or its fullest form); the
//! persons mentioned in text order; the organisations and groups quoted;
//! then quotes continuing an earlier speaker, and pronouns, take the person
//! or group named last before them.

use super::super::{EntityLabel, EntityMention};
use super::cues::sentence_subject;
use super::lexicon::{has, is_document_noun, is_person_like, is_pronoun, pronoun, Pronoun};
use super::names::{confirmed_name, Ends, NameIndex, Run};
use super::reading::{NameCase, Reading};
use super::sets::{HONORIFICS, ROLE_NOUNS};
use super::speakers::Speaker;
use super::{Found, QuoteKind};
use crate::text::hash::{FastMap as HashMap, FastSet as HashSet};
use crate::text::{spaced_words, with_lower, Covers, Span};
use std::borrow::Cow;

/// Lengthens short names, resolves pronouns and entity mentions.
pub(super) fn resolve(
    rd: &Reading,
    names: &NameIndex,
    entities: &[EntityMention],
    found: &mut [Found],
) {
    let near = Nearby::new(entities);
    let mut spoken: HashSet<String> = HashSet::default();
    // Made when the first speaker that is a definite description asks.
    let mut descriptions = None;
    // What each finding's speaker stands for, read once as it is named and
    // again only where its name changes.
    let mut roles: Vec<Role> = Vec::with_capacity(found.len());
    for f in found.iter_mut() {
        roles.push(match speaker_mut(f) {
            Some(speaker) => {
                name_speaker(rd, names, &near, &mut descriptions, speaker, &mut spoken)
            }
            None => Role::default(),
        });
    }
    // The persons and groups named before are asked for only by pronouns and
    // continuing quotes, and only before the last of them: nothing else is read.
    let Some(until) = asked_until(found, &roles) else {
        return;
    };
    let mut known = known_persons(names);
    known.extend(spoken);
    let mentions = Mentions::collect(rd, names, entities, found, &known, until);
    let groups = quoted_groups(found, &known);
    for (f, role) in found.iter_mut().zip(&mut roles) {
        continue_with_person_between(f, role, &mentions);
    }
    for (f, &role) in found.iter_mut().zip(&roles) {
        if let Some(speaker) = speaker_mut(f) {
            resolve_pronoun(speaker, role, &mentions.persons, &groups);
        }
    }
}

/// What a speaker's name stands for: the role of a subject pronoun, and
/// whether it speaks for an organisation or group quoted before ([`is_thing`]).
#[derive(Clone, Copy, Default)]
struct Role {
    pronoun: Option<Pronoun>,
    thing: bool,
}

impl Role {
    /// The role of the speaker `name`. No pronoun or document has a space in
    /// its name (a test checks the lists), nor has "es": a name of several
    /// words, as most speakers' are, is none of them and is not lowered.
    fn of(name: &str) -> Role {
        if name.contains(' ') {
            return Role::default();
        }
        with_lower(name, |l| Role {
            pronoun: pronoun(l),
            thing: is_thing(l),
        })
    }
}

/// The speaker of a finding, to be resolved.
fn speaker_mut(f: &mut Found) -> Option<&mut Speaker> {
    f.attr.as_mut()?.speaker.as_mut()
}

/// Where the persons named before a quote are asked for: `None` when no
/// speaker is a pronoun, a document or a quote continuing an earlier speaker
/// (nothing is resolved), else the position that every person asked for lies
/// before (0 when only groups are asked for). `roles` are the speakers'
/// ([`Role`]), finding by finding.
fn asked_until(found: &[Found], roles: &[Role]) -> Option<usize> {
    let mut asked = None;
    for (f, role) in found.iter().zip(roles) {
        let Some(s) = f.attr.as_ref().and_then(|a| a.speaker.as_ref()) else {
            continue;
        };
        // A continuing quote takes a person named before it; a pronoun it
        // leaves for that person lies before it too.
        if f.continues.is_some() {
            asked = Some(asked.unwrap_or(0).max(f.span.start));
        }
        match role.pronoun {
            Some(Pronoun::Person) => asked = Some(asked.unwrap_or(0).max(s.span.start)),
            Some(_) => asked = asked.or(Some(0)),
            None if role.thing => asked = asked.or(Some(0)),
            None => {}
        }
    }
    asked
}

/// Whether the lower-case speaker `l`, which is no pronoun of the list,
/// speaks for an organisation or group quoted before: German "es" ("it"),
/// or a document ("the statement said").
fn is_thing(l: &str) -> bool {
    l == "es" || is_document_noun(l)
}

/// A name and where it is mentioned.
struct Mention {
    name: String,
    at: usize,
}

/// Names known to be persons, lower case: person entities, runs whose
/// context says so, and full names also mentioned by their last word alone
/// ("William Ruto" ... "Ruto").
fn known_persons(names: &NameIndex) -> HashSet<String> {
    // Sized up front for the entities' names and the runs said to be persons'.
    let named = names.entity_persons.len() + names.runs.iter().filter(|r| r.personish).count();
    let mut known: HashSet<String> = HashSet::with_capacity_and_hasher(named, Default::default());
    // Each name once: the article repeats its persons' names.
    let mut read: HashSet<&str> = HashSet::with_capacity_and_hasher(named, Default::default());
    for (i, n) in names.entity_persons.iter().enumerate() {
        if read.insert(n.as_str()) {
            known.insert(names.entity_fullest(i).to_lowercase());
        }
    }
    // A run's name that an entity (or an earlier run) gave is known already.
    for r in names.runs.iter().filter(|r| r.personish) {
        if read.insert(r.name) {
            known.insert(names.run_fullest(r).to_lowercase());
        }
    }
    // The last words of the person-like runs (few: two words or more), in
    // lower case, then those of them that a run of one word gives.
    let person_like: Vec<(&Run, Option<Cow<str>>)> = (names.runs.iter())
        .filter(|r| r.person_like)
        .map(|r| (r, names.run_last_lower(r)))
        .collect();
    let mut lasts: HashMap<&str, bool> = (person_like.iter())
        .filter_map(|(_, last)| Some((last.as_deref()?, false)))
        .collect();
    if !lasts.is_empty() {
        // A last word has no space in it, and most runs' names are told
        // apart from the last words by their length and last letter.
        let ends = Ends::of(lasts.keys().copied());
        for r in names.runs.iter().filter(|r| ends.may_hold(r.name)) {
            with_lower(r.name, |l| {
                if let Some(alone) = lasts.get_mut(l) {
                    *alone = true;
                }
            });
        }
    }
    for (r, last) in &person_like {
        if last.as_deref().is_some_and(|l| lasts.get(l) == Some(&true)) {
            known.insert(names.run_lower(r).into_owned());
        }
    }
    known
}

/// Names a speaker other than a pronoun: by the person entity that
/// confirms it, by the last name ending in a definite description's noun,
/// or by its fullest form; a person-like result becomes known. Gives the
/// [`Role`] of the name it leaves.
fn name_speaker(
    rd: &Reading,
    names: &NameIndex,
    near: &Nearby,
    descriptions: &mut Option<Descriptions>,
    speaker: &mut Speaker,
    known: &mut HashSet<String>,
) -> Role {
    let Speaker {
        name,
        span: sp,
        person_like,
    } = speaker;
    // Judged for the name as found: not asked again unless it changes.
    let judged = person_like.take();
    let role = Role::of(name);
    if role.pronoun.is_some() {
        return role;
    }
    let renamed = if let Some(full) = near
        .first_overlapping(*sp, |e| e.label == EntityLabel::Person)
        .and_then(|e| confirmed_name(rd, names, e, name, *sp))
    {
        // An entity mention that is the speaker names it (lengthened,
        // "Van Dijk" is "Pieter van Dijk"), most often by the same name.
        let renamed = full != *name;
        *name = full;
        renamed
    } else if !name.contains(' ') && name.chars().all(|c| !c.is_uppercase()) {
        let descriptions = descriptions.get_or_insert_with(|| Descriptions::new(names));
        match descriptions.last_before(names, name, sp.start) {
            Some(n) => {
                *name = n;
                true
            }
            None => false,
        }
    } else {
        lengthen(names, name)
    };
    let like = match judged {
        Some(like) if !renamed => like,
        _ => is_person_like(name),
    };
    if like {
        known.insert(name.to_lowercase());
    }
    if renamed {
        Role::of(name)
    } else {
        role
    }
}

/// The entity mentions, for finding those that overlap a span without
/// scanning them all: when they come sorted by start (as the entity stage
/// gives them), only those starting within the longest mention's length of
/// the span are looked at.
struct Nearby<'a> {
    entities: &'a [EntityMention],
    sorted: bool,
    longest: usize,
}

impl<'a> Nearby<'a> {
    fn new(entities: &'a [EntityMention]) -> Nearby<'a> {
        Nearby {
            entities,
            sorted: entities.is_sorted_by_key(|e| e.span.start),
            longest: entities.iter().map(|e| e.span.len()).max().unwrap_or(0),
        }
    }

    /// The first mention, in order, that overlaps `sp` and passes `keep`.
    fn first_overlapping(
        &self,
        sp: Span,
        keep: impl Fn(&EntityMention) -> bool,
    ) -> Option<&'a EntityMention> {
        let from = if self.sorted {
            self.entities
                .partition_point(|e| e.span.start + self.longest <= sp.start)
        } else {
            0
        };
        self.entities[from..]
            .iter()
            .take_while(|e| !self.sorted || e.span.start < sp.end)
            .find(|e| e.span.overlaps(sp) && keep(e))
    }
}

/// The names of several words by their last word, lower case, for "the
/// department": the last such name before a speaker ending in that word.
/// Few speakers are such a noun, so the index is made only when one asks,
/// and a lookup is a binary search, whatever the length of the text.
struct Descriptions {
    /// Indexes of `NameIndex::runs`, in text order.
    by_last: HashMap<String, Vec<usize>>,
}

impl Descriptions {
    fn new(names: &NameIndex) -> Descriptions {
        let mut by_last: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, r) in names.runs.iter().enumerate() {
            if !r.name.contains(' ') {
                continue;
            }
            if let Some(last) = names.run_last_lower(r) {
                by_last.entry(last.into_owned()).or_default().push(i);
            }
        }
        Descriptions { by_last }
    }

    /// The last name before `at` whose last word, in lower case, is `noun`:
    /// "the Justice Department" for "the department".
    fn last_before(&self, names: &NameIndex, noun: &str, at: usize) -> Option<String> {
        let runs = self.by_last.get(noun)?;
        // The runs are in text order.
        let before = runs.partition_point(|&i| names.runs[i].span.start < at);
        runs[..before]
            .last()
            .map(|&i| names.runs[i].name.to_string())
    }
}

/// `name` without an honorific ("Mr. Dujarric") and lengthened to its
/// fullest form, when either changes it: whether it did.
fn lengthen(names: &NameIndex, name: &mut String) -> bool {
    let honorific = |w: &str| with_lower(w.trim_end_matches('.'), |l| has(&HONORIFICS, l));
    // Most names open with no honorific: a longer form is the only change
    // (the fullest form is read from the words, whatever the spaces between).
    if !spaced_words(name).next().is_some_and(honorific) {
        if let Cow::Owned(full) = names.fullest_of(name) {
            *name = full;
            return true;
        }
        return false;
    }
    let words: Vec<&str> = spaced_words(name).collect();
    let stripped: Vec<&str> = words.iter().skip_while(|w| honorific(w)).copied().collect();
    let base = if stripped.is_empty() {
        name.clone()
    } else {
        stripped.join(" ")
    };
    let full = names.fullest(&base);
    let changed = full != base || stripped.len() != words.len();
    if changed {
        *name = full;
    }
    changed
}

/// The persons mentioned in the article, in text order, and where each
/// mention is.
struct Mentions {
    /// Each mention by its fullest name, sorted by position.
    persons: Vec<Mention>,
    /// Where the mentions are, sorted.
    spans: Vec<Span>,
}

impl Mentions {
    /// Person entities and runs known to be persons, outside quotes (a
    /// person inside a quote is talked about, not talking: "„Die Menschen
    /// wollen Stabilität“, sagte er"); speakers known to be persons; and
    /// subjects describing a person without naming them. Only those before
    /// `until` are read: no one asks for a later one.
    fn collect(
        rd: &Reading,
        names: &NameIndex,
        entities: &[EntityMention],
        found: &[Found],
        known: &HashSet<String>,
        until: usize,
    ) -> Mentions {
        let quoted = Covers::new(
            found
                .iter()
                .filter(|f| f.kind != QuoteKind::Indirect)
                .map(|f| f.content),
        );
        let outside = |sp: Span| !quoted.contains(sp);
        let mut m = Mentions {
            persons: Vec::new(),
            spans: Vec::new(),
        };
        for &(i, span) in &names.entity_person_mentions {
            if span.start < until && outside(span) {
                m.add(names.entity_fullest(i).to_string(), span);
            }
        }
        m.add_known_runs(names, entities, known, until);
        for s in found
            .iter()
            .filter_map(|f| f.attr.as_ref()?.speaker.as_ref())
        {
            if s.span.start < until && with_lower(&s.name, |l| known.contains(l)) {
                m.persons.push(Mention {
                    name: s.name.clone(),
                    at: s.span.start,
                });
            }
        }
        for (sa, se) in rd.sentences() {
            // A subject lies at or after its sentence's first word.
            if rd.get(sa).is_some_and(|w| w.span.start >= until) {
                break;
            }
            if let Some(s) = role_subject(rd, sa, se) {
                m.add(s.name, s.span);
            }
        }
        crate::text::sort::by_key(&mut m.persons, |p| p.at);
        crate::text::sort::all(&mut m.spans);
        m
    }

    /// A person `name` mentioned at `span`.
    fn add(&mut self, name: String, span: Span) {
        self.persons.push(Mention {
            name,
            at: span.start,
        });
        self.spans.push(span);
    }

    /// The runs known to be persons (by their fullest name) that no person
    /// entity covers (the entity's own name is already there), before `until`.
    fn add_known_runs(
        &mut self,
        names: &NameIndex,
        entities: &[EntityMention],
        known: &HashSet<String>,
        until: usize,
    ) {
        let persons = Covers::new(
            entities
                .iter()
                .filter(|e| e.label == EntityLabel::Person)
                .map(|e| e.span),
        );
        // Most runs name no known person: most are told by their length and last letter.
        let ends = Ends::of(known.iter().map(String::as_str));
        for r in names.runs.iter().take_while(|r| r.span.start < until) {
            if persons.contains_point(r.span.start) {
                continue;
            }
            let full = names.run_fullest(r);
            if ends.may_hold(&full) && with_lower(&full, |l| known.contains(l)) {
                self.add(full.into_owned(), r.span);
            }
        }
    }
}

/// A subject that describes a person without naming them, within the
/// first words of sentence `sa..se`: "A spokesman for the Rapid Support
/// Forces denied ...", for a "he" that follows.
fn role_subject(rd: &Reading, sa: usize, se: usize) -> Option<Speaker> {
    let mut k = sa;
    while k < se && k < sa + 3 && !has(&ROLE_NOUNS, &rd[k].lower) {
        let l = rd[k].lower.as_str();
        if !(matches!(l, "a" | "an" | "the" | "one") || !rd[k].is_cap() && rd[k].is_word()) {
            break;
        }
        k += 1;
    }
    let role = rd.get(k).filter(|_| k < se && k < sa + 3);
    if !role.is_some_and(|t| has(&ROLE_NOUNS, &t.lower) && !t.is_cap()) {
        return None;
    }
    let mut s = sentence_subject(rd, sa, se)?;
    // "spokesman for the Rapid Support Forces"
    let e = rd.at(s.span.end);
    if e < se && matches!(rd[e].lower.as_str(), "for" | "of" | "at") {
        let mut f = e + 1;
        if rd.is(f, "the") {
            f += 1;
        }
        let g = f;
        while f < se && rd[f].is_cap() {
            f += 1;
        }
        if f > g {
            s.span = Span::new(s.span.start, rd[f - 1].span.end);
            s.name = s.span.of(rd.text).to_string();
            s.person_like = None;
        }
    }
    (!s.name.contains('"')).then_some(s)
}

/// Organisations and groups quoted (speakers that are neither pronouns nor
/// known persons), for "it said", "they said".
fn quoted_groups(found: &[Found], known: &HashSet<String>) -> Vec<Mention> {
    found
        .iter()
        .filter_map(|f| f.attr.as_ref()?.speaker.as_ref())
        .filter(|s| {
            with_lower(&s.name, |l| {
                !is_pronoun(l) && !is_document_noun(l) && !known.contains(l)
            })
        })
        .map(|s| Mention {
            name: s.name.clone(),
            at: s.span.start,
        })
        .collect()
}

/// A quote continuing an earlier speaker, when another person was named
/// in between ("Smith disagreed. "That is wrong.""), is that person's; its
/// speaker's `role` is read again.
fn continue_with_person_between(f: &mut Found, role: &mut Role, mentions: &Mentions) {
    let Some(after) = f.continues else { return };
    let start = f.span.start;
    let Some(speaker) = speaker_mut(f) else {
        return;
    };
    // The persons are sorted by position: the last one before `start`.
    let before = mentions.persons.partition_point(|p| p.at < start);
    let Some(p) = before
        .checked_sub(1)
        .map(|i| &mentions.persons[i])
        .filter(|p| p.at >= after)
    else {
        return;
    };
    if !p.name.eq_ignore_ascii_case(&speaker.name) {
        speaker.name = p.name.clone();
        *role = Role::of(&speaker.name);
        let first = mentions.spans.partition_point(|m| m.start < p.at);
        if let Some(m) = mentions.spans.get(first).filter(|m| m.start == p.at) {
            speaker.span = *m;
        }
    }
}

/// A pronoun speaker takes the person named last before it ("he", "sie");
/// "it" and "they" take the organisation or group quoted shortly before,
/// and so does a document ("the statement said"); "we" stays as written.
/// `role` is the speaker's ([`Role`]).
fn resolve_pronoun(speaker: &mut Speaker, role: Role, persons: &[Mention], groups: &[Mention]) {
    let Role {
        pronoun: role,
        thing,
    } = role;
    let at = speaker.span.start;
    if role == Some(Pronoun::Person) {
        // Sorted by position: the last one before `at`.
        let before = persons.partition_point(|p| p.at < at);
        if let Some(p) = before.checked_sub(1).map(|i| &persons[i]) {
            speaker.name = p.name.clone();
        }
        return;
    }
    let plural = role == Some(Pronoun::Group);
    if plural || role == Some(Pronoun::Thing) || thing {
        if let Some(g) = groups
            .iter()
            .rev()
            .find(|g| g.at < at && at - g.at < 600 && (!plural || g.name.ends_with('s')))
        {
            speaker.name = g.name.clone();
        }
    }
}
