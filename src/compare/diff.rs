//! Fact diff of a pair of articles: where they agree, where they differ and
//! how (see [`Class`]), what only one reports, the names and quotes they
//! share, and the words each uses for the event.
//!
//! | fact | meets the other's when | classes |
//! | --- | --- | --- |
//! | a figure | same fact key (`killed/security_forces`: what is counted, of whom), close sentences ("13 ... killed" / "at least eight dead") | agree, compatible, conflict, update, only in one |
//! | a statement | the sentences name one entity and share most of their words | agree |
//! | a name | one entity of the batch | same, variant, translation ([`NameClass`]) |
//! | a quote | one speaker and close words or sentences | same, variant, other speaker ([`QuoteClass`]) |
//! | framing | one event family, outside quotes ("riots" / "protests") | |
//!
//! Every finding carries a one-sentence `note` naming both reports.

use super::diff_dates;
use super::diff_figures::{rate_after, restates_previous};
use super::fact::{Fact, Wording};
use super::framing;
use super::keys::{count_key, dice, dice_of_shared, sentence_keys, UNCOUNTED};
use super::quoting::{self, QuoteClass, QuoteMatch};
use super::repeats;
use super::set_join;
use super::values::{self, classify_values, Class};
use super::variants::{self, NameClass, NameMatch};
use crate::article::Article;
use crate::extract::{CalendarDate, Fact as Claim, Hedge, Quantity};
use crate::text::hash::{FastMap, FastSet as HashSet};
use crate::text::Span;
use serde::Serialize;
use std::borrow::Cow;

/// Two facts about the same thing that differ.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Conflict {
    /// The first article's fact.
    pub a: Fact,
    /// The second article's fact.
    pub b: Fact,
    /// [`Class::Compatible`], [`Class::Conflict`] or [`Class::Update`].
    pub class: Class,
    /// What the difference is, in one sentence.
    pub note: String,
}

/// Two facts about the same thing that agree.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Agreement {
    /// The first article's fact.
    pub a: Fact,
    /// The second article's fact.
    pub b: Fact,
    /// What both say, in one sentence.
    pub note: String,
}

/// A fact only one side gives, with its sentence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Single {
    /// The fact.
    pub fact: Fact,
    /// What only this side says, in one sentence.
    pub note: String,
}

/// The diff of one pair.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FactDiff {
    /// Facts both report alike: figures and statements, not shared names.
    pub agreements: Vec<Agreement>,
    /// Facts both report, differently: compatible, conflicting or updated.
    pub conflicts: Vec<Conflict>,
    /// Facts only the first article reports.
    pub only_a: Vec<Single>,
    /// Facts only the second article reports.
    pub only_b: Vec<Single>,
    /// Entities both name, with how the names relate.
    pub names: Vec<NameMatch>,
    /// Quotes both give, matched, with their word diff.
    pub quotes: Vec<QuoteMatch>,
    /// The same kind of event named with different words, outside quotes.
    pub wording: Vec<Wording>,
}

impl FactDiff {
    /// The name variants (not translations, not the same name).
    pub fn name_variants(&self) -> impl Iterator<Item = &NameMatch> {
        self.names.iter().filter(|n| n.class == NameClass::Variant)
    }

    /// The quotes worded differently.
    pub fn quote_variants(&self) -> impl Iterator<Item = &QuoteMatch> {
        self.quotes
            .iter()
            .filter(|q| q.class == QuoteClass::Variant)
    }
}

/// What the diff reads of one article whatever the other: its
/// [`sentence_keys`], the entities of each sentence, and its quotes as the
/// matcher reads them. Made once per article of a batch, for every pair it
/// is in.
pub(super) struct Prepared<'k> {
    keys: Cow<'k, [HashSet<String>]>,
    /// The sentences with one explicit date ([`diff_dates::dated_sentences`]).
    dated: Vec<diff_dates::Dated<'k>>,
    entities: Vec<Vec<SentenceEntity>>,
    statements: Statements,
    quotes: quoting::Quotes,
    named: std::collections::BTreeMap<String, variants::Named>,
    figures: Figures<'k>,
}

/// What the diff reads of each quantity of an article, whatever the other:
/// its claim, what it counts ([`figure_count`]), the noun it counts
/// ([`noun_key`]), the full date of its sentence ([`sentence_days`]) and
/// whether it only restates the figure before it ([`restates_previous`]);
/// and the article's publication date.
struct Figures<'x> {
    claims: Vec<Option<&'x Claim>>,
    counts: Vec<String>,
    nouns: Vec<String>,
    days: Vec<Option<CalendarDate>>,
    restated: Vec<bool>,
    published: Option<CalendarDate>,
    /// Each figure's sentence.
    sentences: Vec<Option<usize>>,
    /// The figures grouped where matching cannot tell them apart
    /// ([`repeated_figures`]).
    groups: Vec<Vec<u32>>,
}

impl<'x> Figures<'x> {
    /// The figures of `art`, whose sentences have the keys `keys`.
    fn of(art: &'x Article, keys: &[HashSet<String>]) -> Self {
        let claims = claims(art);
        // How many figures each sentence gives.
        let sentences: Vec<Option<usize>> = (art.quantities.iter())
            .map(|q| art.seg.sentence_at(q.span.start))
            .collect();
        let mut figures_in = vec![0usize; art.seg.sentences.len()];
        for s in sentences.iter().flatten() {
            figures_in[*s] += 1;
        }
        let counts = (art.quantities.iter().zip(&claims).zip(&sentences))
            .map(|((q, c), s)| {
                let alone = s.is_some_and(|s| figures_in[s] == 1);
                figure_count(art, q, *c, alone)
            })
            .collect();
        let restated = (0..art.quantities.len())
            .map(|i| restates_previous(art, i))
            .collect();
        let mut figures = Figures {
            claims,
            counts,
            nouns: art.quantities.iter().map(noun_key).collect(),
            days: sentence_days(art),
            restated,
            published: art.date(),
            sentences,
            groups: Vec::new(),
        };
        let no_words = HashSet::default();
        let context = sentence_words(keys, &figures.sentences, &no_words);
        figures.groups = repeated_figures(art, &figures, (&figures.sentences, &context));
        figures
    }

    /// The fact of quantity `i` of `art`.
    fn fact(&self, art: &Article, i: usize) -> Fact {
        Fact {
            key: fact_key(self.counts[i].clone(), self.claims[i]),
            value: describe(&art.quantities[i]),
            span: art.quantities[i].span,
        }
    }
}

/// [`Prepared`] for `art`, with its [`sentence_keys`] where the sentence
/// alignment made them already; `entity_key` gives the batch's key for a name.
pub(super) fn prepare<'k>(
    art: &'k Article,
    keys: Option<&'k [HashSet<String>]>,
    entity_key: &dyn Fn(&str) -> String,
) -> Prepared<'k> {
    let keys = keys.map_or_else(|| Cow::Owned(sentence_keys(art)), Cow::Borrowed);
    let entities = sentence_entities(art, entity_key);
    let quotes = quoting::Quotes::of(art, &keys, entity_key);
    let named = variants::named(art, entity_key);
    Prepared {
        statements: Statements::of(&keys, &entities),
        figures: Figures::of(art, &keys),
        dated: diff_dates::dated_sentences(art),
        keys,
        entities,
        quotes,
        named,
    }
}

/// Diffs two articles, each with what [`prepare`] made of it. `entity_key`
/// gives the batch's key for a name, so that variants of one name compare as
/// one entity.
pub(super) fn diff(
    (a, pa): (&Article, &Prepared),
    (b, pb): (&Article, &Prepared),
    entity_key: &dyn Fn(&str) -> String,
) -> FactDiff {
    let (keys_a, keys_b) = (&pa.keys[..], &pb.keys[..]);
    let mut d = FactDiff::default();
    diff_quantities((a, keys_a, &pa.figures), (b, keys_b, &pb.figures), &mut d);
    let dates = diff_dates::date_conflicts((a, &pa.dated), (b, &pb.dated)).into_iter();
    d.conflicts.extend(dates.map(|c| Conflict {
        a: c.a,
        b: c.b,
        class: Class::Conflict,
        note: c.note,
    }));
    diff_statements((a, pa), (b, pb), &mut d);
    d.names = variants::match_names((a, &pa.named), (b, &pb.named));
    d.quotes = quoting::match_quotes((keys_a, &pa.quotes), (keys_b, &pb.quotes));
    let matched_a: HashSet<usize> = d.quotes.iter().map(|m| m.a).collect();
    let matched_b: HashSet<usize> = d.quotes.iter().map(|m| m.b).collect();
    d.only_a
        .extend(unmatched_speakers(a, &matched_a, entity_key));
    d.only_b
        .extend(unmatched_speakers(b, &matched_b, entity_key));
    d.wording = framing::diff_framing(a, b);
    d
}

/// The first quote of each speaker none of whose quotes the other side gives.
fn unmatched_speakers(
    art: &Article,
    matched: &HashSet<usize>,
    entity_key: &dyn Fn(&str) -> String,
) -> Vec<Single> {
    let speaker_key = |i: usize| art.quotes[i].speaker.as_deref().map(entity_key);
    let heard: HashSet<String> = matched.iter().filter_map(|&i| speaker_key(i)).collect();
    let mut seen = HashSet::default();
    let mut out = Vec::new();
    for (i, q) in art.quotes.iter().enumerate() {
        let (Some(speaker), Some(key)) = (&q.speaker, speaker_key(i)) else {
            continue;
        };
        if heard.contains(&key) || !seen.insert(key) {
            continue;
        }
        out.push(Single {
            fact: Fact {
                key: "quote".to_string(),
                value: speaker.clone(),
                span: q.span,
            },
            note: format!("Only {} quotes {speaker} here.", art.id),
        });
    }
    out
}

/// The fact diff of `articles[i]` and `articles[j]`, whatever their
/// relation, with the names of the batch linked ([`super::link`]).
pub fn diff_pair(articles: &[Article], i: usize, j: usize) -> FactDiff {
    let table = super::names::link(articles);
    let key = |name: &str| table.key(name);
    let (a, b) = (&articles[i], &articles[j]);
    diff(
        (a, &prepare(a, None, &key)),
        (b, &prepare(b, None, &key)),
        &key,
    )
}

/// One plain sentence for a name both use.
pub fn explain_name(m: &NameMatch, a: &str, b: &str) -> String {
    variants::explain(m, a, b)
}

/// One plain sentence for a matched quote.
pub fn explain_quote(m: &QuoteMatch, a: &str, b: &str) -> String {
    quoting::explain(m, a, b)
}

/// One plain sentence for a framing difference.
pub fn explain_wording(w: &Wording, a: &str, b: &str) -> String {
    framing::explain(w, a, b)
}

/// A short reading of a quantity's interval: "13", "at least 8", "about 2,000".
pub(super) fn describe(q: &Quantity) -> String {
    let n = |v: f64| {
        if v.fract() == 0.0 && v.abs() < 1e15 {
            group_thousands(v as i64)
        } else {
            format!("{v:.2}")
        }
    };
    match (q.hedge, q.low, q.high) {
        (Hedge::Exact, Some(l), _) => n(l),
        (Hedge::Approximate, Some(l), Some(h)) => format!("about {}", n((l + h) / 2.0)),
        (Hedge::MoreThan, Some(l), _) => format!("more than {}", n(l)),
        (Hedge::AtLeast, Some(l), _) => format!("at least {}", n(l)),
        (Hedge::LessThan, _, Some(h)) => format!("under {}", n(h)),
        (Hedge::AtMost, _, Some(h)) => format!("at most {}", n(h)),
        (_, Some(l), Some(h)) if l == h => n(l),
        (_, Some(l), Some(h)) => format!("{}-{}", n(l), n(h)),
        (_, Some(l), None) => format!("{} or more", n(l)),
        (_, None, Some(h)) => format!("up to {}", n(h)),
        _ => "?".to_string(),
    }
}

fn group_thousands(v: i64) -> String {
    let digits = v.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0 {
        out.insert(0, '-');
    }
    out
}

/// Two quantities of a pair matched as one figure.
struct QuantityMatch {
    a: usize,
    b: usize,
}

/// An article with its sentences' content-word keys and its [`Figures`].
type Keyed<'x> = (&'x Article, &'x [HashSet<String>], &'x Figures<'x>);

/// For each quantity of `art`, the first full date of its sentence: the
/// sentences' dates read in one pass, whatever the number of figures.
fn sentence_days(art: &Article) -> Vec<Option<CalendarDate>> {
    let mut first_day: Vec<Option<CalendarDate>> = vec![None; art.seg.sentences.len()];
    for d in &art.dates {
        if let Some(slot) = (art.seg.sentence_at(d.span.start)).and_then(|s| first_day.get_mut(s)) {
            *slot = slot.or_else(|| d.day());
        }
    }
    (art.quantities.iter())
        .map(|q| {
            art.seg
                .sentence_at(q.span.start)
                .and_then(|s| first_day.get(s).copied().flatten())
        })
        .collect()
}

/// The days two figures (each of its article's [`Figures`], by index) are
/// given for: the publication dates when both articles have one (a toll is
/// as of the day it is published), else the dates in the figures' sentences
/// when both have one; else none.
fn days_of(
    (fig_a, i): (&Figures, usize),
    (fig_b, j): (&Figures, usize),
) -> (Option<CalendarDate>, Option<CalendarDate>) {
    let both = |x: Option<CalendarDate>, y| x.zip(y);
    (both(fig_a.published, fig_b.published))
        .or_else(|| both(fig_a.days[i], fig_b.days[j]))
        .unzip()
}

/// Each quantity's claim: the article's extracted fact at the figure's span.
fn claims(art: &Article) -> Vec<Option<&Claim>> {
    (art.quantities.iter())
        .map(|q| art.facts.iter().find(|f| f.span == q.span))
        .collect()
}

/// The group a claim concerns ("security_forces"); [`ANYONE`] when unsaid.
fn group_of(claim: Option<&Claim>) -> &str {
    claim.map_or(ANYONE, |c| &*c.group)
}

/// The group of a figure that does not say whom it counts.
const ANYONE: &str = "people";

/// What a figure counts ([`count_key`]), as a rate when words after it make
/// it one ("75 miles per hour" counts "miles per hour", not "miles"). A count
/// of people, the only figure of its sentence, takes what happened to them
/// from the fact extraction, which reads the verb in any of its languages
/// ("погибли по меньшей мере 41 человек": killed); with other figures
/// beside it, the verb may be theirs ("killed three people and infected over
/// 200 people"). `alone`: the figure is the only one of its sentence.
fn figure_count(art: &Article, q: &Quantity, claim: Option<&Claim>, alone: bool) -> String {
    let count = count_key(q);
    if let Some(unit) = rate_after(art.analysis_text(), q.span) {
        return format!("{count} per {unit}");
    }
    match claim.map(|c| &*c.what) {
        Some(what) if alone && count == GENERIC_COUNT && HAPPENINGS.contains(&what) => {
            count_key(&Quantity {
                counts: Some(what.to_string()),
                ..q.clone()
            })
        }
        _ => count,
    }
}

/// What the fact extraction says happened to those a figure counts.
const HAPPENINGS: [&str; 4] = ["killed", "injured", "detained", "evacuated"];

/// A figure's fact key: what it counts, synonyms of six languages folded
/// ([`count_key`]), and of whom, from the fact extraction:
/// `killed/security_forces`; `killed` alone when the group is unsaid.
fn fact_key(count: String, claim: Option<&Claim>) -> String {
    match group_of(claim) {
        ANYONE => count,
        group => format!("{count}/{group}"),
    }
}

/// Two figures of one count may meet when whom they count agrees: the same
/// group, or one side does not say.
fn groups_meet(x: Option<&Claim>, y: Option<&Claim>) -> bool {
    let (gx, gy) = (group_of(x), group_of(y));
    gx == gy || gx == ANYONE || gy == ANYONE
}

/// A fact key as words: `killed/security_forces` -> "killed (security forces)".
fn readable(key: &str) -> String {
    match key.split_once('/') {
        Some((what, group)) => format!("{what} ({})", group.replace('_', " ")),
        None => key.to_string(),
    }
}

/// Whether two figures are given for different days ([`days_of`]).
fn days_apart(a: (&Figures, usize), b: (&Figures, usize)) -> bool {
    matches!(days_of(a, b), (Some(x), Some(y)) if x != y)
}

fn diff_quantities((a, keys_a, fig_a): Keyed, (b, keys_b, fig_b): Keyed, d: &mut FactDiff) {
    let mut used_a = HashSet::default();
    let mut used_b = HashSet::default();
    let matches = match_quantities((a, keys_a, fig_a), (b, keys_b, fig_b));
    for m in matches {
        used_a.insert(m.a);
        used_b.insert(m.b);
        let (qa, qb) = (&a.quantities[m.a], &b.quantities[m.b]);
        let (fa, fb) = (fig_a.fact(a, m.a), fig_b.fact(b, m.b));
        let (day_a, day_b) = days_of((fig_a, m.a), (fig_b, m.b));
        let class = classify_values(qa, qb, day_a, day_b);
        let what = readable(&fa.key);
        let note = values::explain(class, &what, (&a.id, &fa.value), (&b.id, &fb.value));
        if class == Class::Agree {
            d.agreements.push(Agreement { a: fa, b: fb, note });
        } else {
            d.conflicts.push(Conflict {
                a: fa,
                b: fb,
                class,
                note,
            });
        }
    }
    let single = |art: &Article, figures: &Figures, i: usize, class: Class| {
        let fact = figures.fact(art, i);
        let what = readable(&fact.key);
        let note = values::explain(class, &what, (&a.id, &fact.value), (&b.id, &fact.value));
        Single { fact, note }
    };
    for (i, q) in a.quantities.iter().enumerate() {
        if !used_a.contains(&i) && count_key(q) != UNCOUNTED && !fig_a.restated[i] {
            d.only_a.push(single(a, fig_a, i, Class::OnlyA));
        }
    }
    for (j, q) in b.quantities.iter().enumerate() {
        if !used_b.contains(&j) && count_key(q) != UNCOUNTED && !fig_b.restated[j] {
            d.only_b.push(single(b, fig_b, j, Class::OnlyB));
        }
    }
}

/// The figures of two articles matched one to one, best first. Candidates
/// are pairs of the same fact key (or a count of people against a toll) with
/// whom they count agreeing, scored by the Dice coefficient of their
/// sentences' words plus a bonus for the same figure (or overlapping ones);
/// each figure of `a` weighs its [`PARTNERS_WEIGHED`] best. A figure a text
/// repeats, in the same words around it, is weighed once ([`repeats`]).
fn match_quantities((a, keys_a, fig_a): Keyed, (b, keys_b, fig_b): Keyed) -> Vec<QuantityMatch> {
    let no_words = HashSet::default();
    let (sentences_a, sentences_b) = (&fig_a.sentences, &fig_b.sentences);
    let context_a = sentence_words(keys_a, sentences_a, &no_words);
    let context_b = sentence_words(keys_b, sentences_b, &no_words);
    let (groups_a, groups_b) = (&fig_a.groups, &fig_b.groups);
    let first = |groups: &[Vec<u32>], g: usize| groups[g][0] as usize;
    let (claims_a, claims_b) = (&fig_a.claims, &fig_b.claims);
    let (counts_a, counts_b) = (&fig_a.counts, &fig_b.counts);
    let (times_a, times_b) = (times(counts_a), times(counts_b));
    let once = |times: &FastMap<&str, usize>, k: &str| times.get(k) == Some(&1);
    // The figures of `b` by what they count and by the noun they count: a
    // figure of `a` meets only those of its count, of its noun, or, for a
    // count of people or a toll, of the other ([`generic_meets`]). Few
    // figures on each side read every pair instead, and count the words
    // their sentences share pair by pair rather than through an index.
    let every = !set_join::worth_joining(groups_a.len(), groups_b.len());
    let mut by_count: FastMap<&str, Vec<usize>> = FastMap::default();
    let mut by_noun: FastMap<&str, Vec<usize>> = FastMap::default();
    let mut shared = None;
    if !every {
        for gb in 0..groups_b.len() {
            let j = first(groups_b, gb);
            by_count.entry(counts_b[j].as_str()).or_default().push(gb);
            by_noun.entry(fig_b.nouns[j].as_str()).or_default().push(gb);
        }
        let sentences: Vec<Option<usize>> = (0..groups_b.len())
            .map(|gb| sentences_b[first(groups_b, gb)])
            .collect();
        shared = Some(SharedWords::new(keys_b, &sentences));
    }
    let none: Vec<usize> = Vec::new();
    // (score, group of `a`, group of `b`)
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    let mut mine: Vec<(f64, usize, usize)> = Vec::new();
    let mut meet: Vec<usize> = Vec::new();
    // `seen[gb]`: the group of `a` (plus one) that last listed group `gb`.
    let mut seen = vec![0usize; groups_b.len()];
    for ga in 0..groups_a.len() {
        let i = first(groups_a, ga);
        let (qa, ka) = (&a.quantities[i], &counts_a[i]);
        if ka == UNCOUNTED || fig_a.restated[i] {
            continue;
        }
        let partner = match ka.as_str() {
            GENERIC_COUNT => CASUALTY,
            CASUALTY => GENERIC_COUNT,
            _ => UNCOUNTED,
        };
        let noun = &fig_a.nouns[i];
        if let (Some(shared), Some(sentence)) = (&mut shared, sentences_a[i]) {
            shared.count(sentence, context_a[i]);
        }
        let context_dice = |j: usize| match (&shared, sentences_a[i], sentences_b[j]) {
            (Some(shared), Some(_), Some(sentence)) => {
                shared.dice(context_a[i], (sentence, context_b[j]))
            }
            _ => dice(context_a[i], context_b[j]),
        };
        meet.clear();
        if every {
            meet.extend(0..groups_b.len());
        }
        meet.extend(by_count.get(ka.as_str()).unwrap_or(&none));
        if partner != UNCOUNTED {
            meet.extend(by_count.get(partner).unwrap_or(&none));
        }
        if noun != UNCOUNTED {
            meet.extend(by_noun.get(noun.as_str()).unwrap_or(&none));
        }
        for &gb in &meet {
            if std::mem::replace(&mut seen[gb], ga + 1) == ga + 1 {
                continue; // listed twice
            }
            let j = first(groups_b, gb);
            let qb = &b.quantities[j];
            let (ca, cb) = (claims_a[i], claims_b[j]);
            if !groups_meet(ca, cb) || fig_b.restated[j] {
                continue;
            }
            let score = if counts_b[j] == *ka {
                // The only figure of its kind on each side: likely the same fact,
                // whatever the words around it (a translation shares none).
                let sole = if once(&times_a, ka) && once(&times_b, ka) {
                    SOLE_BONUS
                } else {
                    0.0
                };
                context_dice(j) + figure_bonus(qa, qb) + sole
            } else if generic_meets(
                (ka, &counts_b[j]),
                (&fig_a.nouns[i], &fig_b.nouns[j]),
                (qa, qb),
                days_apart((fig_a, i), (fig_b, j)),
            ) {
                // "13 pessoas" (killed, says the verb) against "at least 15 killed".
                GENERIC_SCORE + figure_bonus(qa, qb)
            } else {
                continue;
            };
            if score >= 0.15 {
                mine.push((score, ga, gb));
            }
        }
        if mine.len() > PARTNERS_WEIGHED {
            // Best first, then in the order of `b` (groups are in the order
            // of their first figure).
            let best_first = |x: &(f64, usize, usize), y: &(f64, usize, usize)| {
                y.0.total_cmp(&x.0).then(x.2.cmp(&y.2))
            };
            crate::text::sort::by(&mut mine, best_first);
            mine.truncate(PARTNERS_WEIGHED);
        }
        candidates.append(&mut mine);
    }
    let matches = repeats::matched(
        &mut candidates,
        |c| c.0,
        |c| (c.1, c.2),
        (groups_a, groups_b),
    );
    (matches.into_iter())
        .map(|(i, j, _)| QuantityMatch {
            a: i as usize,
            b: j as usize,
        })
        .collect()
}

/// The figures of `art` grouped where matching cannot tell them apart: the
/// same value, what it counts and of whom, the same day, and a sentence of
/// the same words (`context`, each figure's, in `sentences`).
fn repeated_figures(
    art: &Article,
    figures: &Figures,
    (sentences, context): (&[Option<usize>], &[&HashSet<String>]),
) -> Vec<Vec<u32>> {
    let value = |x: Option<f64>| x.map_or(u64::MAX, f64::to_bits);
    let text = |k: repeats::Key, s: &Option<String>| match s {
        Some(s) => k.u64(1).str(s),
        None => k.u64(0),
    };
    // The figures of one sentence come one after another: its words are
    // fingerprinted once.
    let mut last: Option<(Option<usize>, u64)> = None;
    repeats::group((art.quantities.iter().enumerate()).map(|(i, q)| {
        let words = match last {
            Some((s, words)) if s == sentences[i] => words,
            _ => repeats::fingerprint(context[i]),
        };
        last = Some((sentences[i], words));
        let key = (repeats::Key::new())
            .u64(u64::from(q.low.is_some()))
            .u64(value(q.low))
            .u64(u64::from(q.high.is_some()))
            .u64(value(q.high))
            .u64(q.hedge as u64);
        let key = text(text(text(key, &q.unit), &q.counts), &q.source)
            .str(&figures.counts[i])
            .str(&figures.nouns[i])
            .str(group_of(figures.claims[i]))
            .u64(u64::from(figures.restated[i]))
            .u64(figures.days[i].map_or(u64::MAX, |d| {
                (d.year as u64) << 16 | u64::from(d.month) << 8 | u64::from(d.day)
            }))
            .u64(words);
        Some(key.finish())
    }))
}

/// The most candidates a figure keeps, its best (a figure repeated in the
/// same words counting once, [`repeated_figures`]): a figure given more
/// often than this by the other side (a long text, a count repeated) weighs
/// only its likeliest partners, so that the pairs sorted grow as the figures do.
const PARTNERS_WEIGHED: usize = 16;

/// The content-word keys of each figure's sentence (`none` outside any sentence).
fn sentence_words<'k>(
    keys: &'k [HashSet<String>],
    sentences: &[Option<usize>],
    none: &'k HashSet<String>,
) -> Vec<&'k HashSet<String>> {
    (sentences.iter())
        .map(|s| s.map_or(none, |s| &keys[s]))
        .collect()
}

/// What the sentence of a figure of one article shares with each sentence
/// of the other that gives a figure, counted once per sentence through an
/// index of the other's words, rather than by reading each pair of
/// sentences: two long reports with many figures of one kind.
struct SharedWords<'k> {
    /// The sentences of the other article that give a figure, by word.
    index: FastMap<&'k str, Vec<u32>>,
    /// Per sentence of the other article, the words it shares with
    /// sentence `counted`.
    shared: Vec<u32>,
    touched: Vec<u32>,
    counted: Option<usize>,
}

impl<'k> SharedWords<'k> {
    /// The index of the sentences of `keys` that `sentences` (each figure's) name.
    fn new(keys: &'k [HashSet<String>], sentences: &[Option<usize>]) -> Self {
        let mut indexed = vec![false; keys.len()];
        let mut index: FastMap<&str, Vec<u32>> = FastMap::default();
        for &s in sentences.iter().flatten() {
            if !std::mem::replace(&mut indexed[s], true) {
                for w in &keys[s] {
                    index.entry(w.as_str()).or_default().push(s as u32);
                }
            }
        }
        SharedWords {
            index,
            shared: vec![0; keys.len()],
            touched: Vec::new(),
            counted: None,
        }
    }

    /// Counts what `sentence`, with the words `keys`, shares with each
    /// indexed sentence, unless it was the last counted.
    fn count(&mut self, sentence: usize, keys: &HashSet<String>) {
        if self.counted == Some(sentence) {
            return;
        }
        for s in self.touched.drain(..) {
            self.shared[s as usize] = 0;
        }
        for w in keys {
            for &s in self.index.get(w.as_str()).into_iter().flatten() {
                if self.shared[s as usize] == 0 {
                    self.touched.push(s);
                }
                self.shared[s as usize] += 1;
            }
        }
        self.counted = Some(sentence);
    }

    /// [`dice`] of the sentence last counted, with the words `x`, and the
    /// indexed sentence `sentence`, with the words `y`.
    fn dice(&self, x: &HashSet<String>, (sentence, y): (usize, &HashSet<String>)) -> f64 {
        if x.is_empty() || y.is_empty() {
            return 0.0;
        }
        dice_of_shared(self.shared[sentence] as usize, x.len(), y.len())
    }
}

/// How many times each count is given.
fn times(counts: &[String]) -> FastMap<&str, usize> {
    let mut n = FastMap::default();
    for c in counts {
        *n.entry(c.as_str()).or_default() += 1;
    }
    n
}

/// The bonus of a pair of figures that are each the only one of their key
/// in their article.
const SOLE_BONUS: f64 = 0.15;
/// What a figure of people counts when the text does not say what happened to them.
const GENERIC_COUNT: &str = "people";
/// What a toll counts: a count of people may be one ([`generic_meets`]).
const CASUALTY: &str = "killed";
/// The score of a generic count against a specific one: below any match of
/// the same key with shared words.
const GENERIC_SCORE: f64 = 0.15;
/// A generic count meets a specific one only when the figures are this close
/// (ratio), given for one day ...
const GENERIC_RATIO: f64 = 2.0;
/// ... or for different days (a toll can more than double in a few days).
const GENERIC_RATIO_APART: f64 = 4.0;

/// The noun a figure counts, synonyms folded, whatever happened to them
/// ("62 migrants ... killed" and "67 migrantes" both count migrants).
fn noun_key(q: &Quantity) -> String {
    count_key(&Quantity {
        counts: None,
        ..q.clone()
    })
}

/// Whether a count that does not say what happened may be the same figure as
/// one that does: a count of people ("13 pessoas") against a toll ("at least
/// 15 killed"), or a count of one noun against a count of that noun that says
/// what happened ("67 migrantes" / "62 migrants ... killed"); and the figures
/// within [`GENERIC_RATIO`] of each other ([`GENERIC_RATIO_APART`] when the
/// days differ). Each figure comes with what it counts (`ka`, `kb`) and the
/// noun it counts (`na`, `nb`, [`noun_key`]).
fn generic_meets(
    (ka, kb): (&str, &str),
    (na, nb): (&str, &str),
    (qa, qb): (&Quantity, &Quantity),
    apart: bool,
) -> bool {
    let casualty = |k: &str| k == CASUALTY;
    let generic_pair =
        (ka == GENERIC_COUNT && casualty(kb)) || (kb == GENERIC_COUNT && casualty(ka));
    let same_noun = na == nb && na != UNCOUNTED && ka != kb && (ka == na || kb == nb);
    let mid = |q: &Quantity| match (q.low, q.high) {
        (Some(l), Some(h)) => Some((l + h) / 2.0),
        (Some(x), None) | (None, Some(x)) => Some(x),
        _ => None,
    };
    let ratio = if apart {
        GENERIC_RATIO_APART
    } else {
        GENERIC_RATIO
    };
    match (mid(qa), mid(qb)) {
        (Some(x), Some(y)) if x > 0.0 && y > 0.0 => {
            (generic_pair || same_noun) && x.max(y) / x.min(y) <= ratio
        }
        _ => false,
    }
}

fn figure_bonus(qa: &Quantity, qb: &Quantity) -> f64 {
    if values::same_value(qa, qb) {
        0.3
    } else if values::overlap(qa, qb) {
        0.1
    } else {
        0.0
    }
}

/// Two sentences state one thing when they name one entity and share this
/// share of their content words (Dice).
const STATEMENT_MATCH: f64 = 0.3;
/// ... and at least this many content words besides the entity's.
const STATEMENT_MIN_SHARED: usize = 4;

/// An entity a sentence names: its key, with the name's span and text.
type SentenceEntity = (String, Span, String);

/// Per sentence, the entity keys it names, with the name's span and text:
/// people first, then organisations, then places, each in text order.
fn sentence_entities(
    art: &Article,
    entity_key: &dyn Fn(&str) -> String,
) -> Vec<Vec<SentenceEntity>> {
    let mut out = vec![Vec::new(); art.seg.sentences.len()];
    let mut entities: Vec<_> = art.entities.iter().collect();
    crate::text::sort::by_key(&mut entities, |e| (e.label as u8, e.span.start));
    for e in entities {
        if let Some(i) = art.seg.sentence_at(e.span.start) {
            let key = entity_key(&e.name);
            if !out[i].iter().any(|(k, _, _)| *k == key) {
                let text = e.span.of(art.analysis_text()).to_string();
                out[i].push((key, e.span, text));
            }
        }
    }
    out
}

/// The sentences of an article that may state what an entity did or said:
/// those that name one, grouped by their keys and the entities they name, so
/// that a text that repeats a sentence is compared once for it ([`repeats`]).
struct Statements {
    /// Each group's sentences, ascending.
    groups: Vec<Vec<u32>>,
}

impl Statements {
    fn of(keys: &[HashSet<String>], entities: &[Vec<SentenceEntity>]) -> Statements {
        if keys.len() < repeats::GROUPED_FROM {
            let groups = repeats::alone(entities.iter().map(|named| !named.is_empty()));
            return Statements { groups };
        }
        let groups = repeats::group((keys.iter().zip(entities)).map(|(keys, named)| {
            let key = || {
                let words = repeats::Key::new().u64(repeats::fingerprint(keys));
                (named.iter()).fold(words, |k, e| k.str(&e.0)).finish()
            };
            (!named.is_empty()).then(key)
        }));
        Statements { groups }
    }

    /// Each group's keys as sorted hashes, as [`set_join`] reads them;
    /// `keys`: the article's sentence keys.
    fn sets(&self, keys: &[HashSet<String>]) -> Vec<Vec<u64>> {
        (self.groups.iter())
            .map(|g| super::align::hash_set(&keys[g[0] as usize]))
            .collect()
    }
}

/// Statements both report: sentences of each side that name one entity and
/// share most of their other words ("Komilov ... supported Ukraine's
/// territorial integrity"), matched one to one, best first.
/// Only sentences that name an entity and share a rare enough word are
/// compared ([`set_join`]).
fn diff_statements(
    (a, pa): (&Article, &Prepared),
    (b, pb): (&Article, &Prepared),
    d: &mut FactDiff,
) {
    let (keys_a, ea, keys_b, eb) = (&pa.keys, &pa.entities, &pb.keys, &pb.entities);
    let (groups_a, groups_b) = (&pa.statements.groups, &pb.statements.groups);
    let first = |groups: &[Vec<u32>], g: usize| groups[g][0] as usize;
    let min_shared =
        |len: usize| set_join::dice_min_shared(len, STATEMENT_MATCH).max(STATEMENT_MIN_SHARED + 1);
    let meet = set_join::pairs(
        (groups_a.len(), || pa.statements.sets(keys_a)),
        (groups_b.len(), || pb.statements.sets(keys_b)),
        &min_shared,
    );
    let mut candidates = Vec::new();
    for ga in 0..groups_a.len() {
        let (i, xs) = (first(groups_a, ga), &ea[first(groups_a, ga)]);
        for gb in meet.of(ga) {
            let (j, ys) = (first(groups_b, gb), &eb[first(groups_b, gb)]);
            let Some(shared) = xs.iter().position(|x| ys.iter().any(|y| y.0 == x.0)) else {
                continue;
            };
            let common = keys_a[i].intersection(&keys_b[j]).count();
            if common <= STATEMENT_MIN_SHARED {
                continue;
            }
            let score = dice_of_shared(common, keys_a[i].len(), keys_b[j].len());
            if score >= STATEMENT_MATCH {
                candidates.push((score, ga, gb, shared));
            }
        }
    }
    let matches = repeats::matched(
        &mut candidates,
        |c| c.0,
        |c| (c.1, c.2),
        (groups_a, groups_b),
    );
    for (i, j, k) in matches {
        let (i, j, shared) = (i as usize, j as usize, candidates[k].3);
        let (key, _, name) = &ea[i][shared];
        let name_b = eb[j].iter().find(|y| y.0 == *key).map_or(name, |y| &y.2);
        let fact = |art: &Article, s: usize, value: &str| Fact {
            key: "statement".to_string(),
            value: value.to_string(),
            span: art.seg.sentences[s].span,
        };
        d.agreements.push(Agreement {
            a: fact(a, i, name),
            b: fact(b, j, name_b),
            note: format!(
                "{} and {} both report what {name} did or said, in close words.",
                a.id, b.id
            ),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(low: Option<f64>, high: Option<f64>, hedge: Hedge, unit: &str) -> Quantity {
        Quantity {
            span: Span::new(0, 1),
            low,
            high,
            hedge,
            unit: Some(unit.to_string()),
            counts: None,
            source: None,
        }
    }

    #[test]
    fn fact_keys_read_as_words() {
        assert_eq!(
            readable("killed/security_forces"),
            "killed (security forces)"
        );
        assert_eq!(readable("killed"), "killed");
    }

    #[test]
    fn whom_a_figure_counts_must_agree() {
        let claim = |group: &str| Claim {
            key: format!("killed/{group}").into(),
            what: "killed".into(),
            group: group.into(),
            value: None,
            place: None,
            when: None,
            reported: None,
            source: None,
            status: crate::extract::Status::Happened,
            record: None,
            span: Span::new(0, 1),
            group_span: None,
            sentence: Span::new(0, 1),
        };
        let (forces, protesters, unsaid) =
            (claim("security_forces"), claim("protesters"), claim(ANYONE));
        assert!(groups_meet(Some(&forces), Some(&forces)));
        assert!(groups_meet(Some(&forces), Some(&unsaid)));
        assert!(groups_meet(None, Some(&protesters)));
        assert!(!groups_meet(Some(&forces), Some(&protesters)));
        let toll = q(Some(13.0), Some(13.0), Hedge::Exact, "killed");
        assert_eq!(
            fact_key(count_key(&toll), Some(&forces)),
            "killed/security_forces"
        );
        assert_eq!(fact_key(count_key(&toll), Some(&unsaid)), "killed");
    }

    #[test]
    fn tolls_meet_across_languages_by_what_happened() {
        use crate::{analyze_batch, Input};
        let side = |id: &str, date: &str, text: &str| Input {
            date: Some(date.into()),
            ..Input::new(id, text)
        };
        let cases = [
            (
                "В результате взрыва на заводе погибли по меньшей мере 12 человек.",
                "An explosion at the factory killed 15 people, officials said.",
            ),
            (
                "Setidaknya 24 orang tewas akibat tanah longsor di dekat desa itu.",
                "Tanah runtuh di kampung itu menyebabkan lebih 26 orang terkorban.",
            ),
        ];
        for (x, y) in cases {
            let arts = analyze_batch(&[side("a", "2021-05-02", x), side("b", "2021-05-04", y)])
                .expect("analyzes");
            let d = super::super::diff_pair(&arts, 0, 1);
            assert!(
                d.conflicts.iter().any(|c| c.class == Class::Update),
                "{x} / {y}: {d:#?}"
            );
        }
        // With another figure beside it, the verb may be the other's.
        let arts = analyze_batch(&[
            side(
                "a",
                "2021-05-02",
                "The virus had killed three people and infected over 200 people in the city.",
            ),
            side(
                "b",
                "2021-05-09",
                "There had been 2741 confirmed cases and 80 deaths in the city.",
            ),
        ])
        .expect("analyzes");
        let d = super::super::diff_pair(&arts, 0, 1);
        let update = d
            .conflicts
            .iter()
            .find(|c| c.class == Class::Update)
            .expect("an update");
        assert_eq!(
            (update.a.value.as_str(), update.b.value.as_str()),
            ("3", "80")
        );
        assert!(
            d.only_a.iter().any(|s| s.fact.key == "people"),
            "{:#?}",
            d.only_a
        );
    }

    /// A statement or quote whose best partner another has taken goes on
    /// to its next best, and one repeated meets as many partners as it has,
    /// in texts long enough for repeats to be grouped.
    #[test]
    fn a_repeat_meets_its_next_partner_once_the_best_is_taken() {
        use crate::{analyze_batch, Input};
        let said = "Mayor Anna Berg said the new bridge over the Vistula river will open to \
                    traffic next spring after two years of delays.";
        let reworded = "Mayor Anna Berg said the new bridge over the Vistula river would open \
                        to cars next spring after two years of delays and cost overruns.";
        let quote = "\"We will finish the bridge next spring, whatever it costs the city,\" \
                     Mayor Anna Berg told reporters.";
        let requoted = "\"We will finish the new bridge by next spring, whatever it costs the \
                        city,\" Mayor Anna Berg told reporters.";
        // Each text: `blocks` blocks of two sentences, the second report's
        // last half reworded.
        let blocks = repeats::GROUPED_FROM;
        let text = |reworded_from: usize| -> String {
            (0..blocks)
                .map(|k| match k < reworded_from {
                    true => format!("{said}\n\n{quote}\n\n"),
                    false => format!("{reworded}\n\n{requoted}\n\n"),
                })
                .collect()
        };
        let (a, b) = (text(blocks), text(blocks / 2));
        let arts = analyze_batch(&[Input::new("a", &a), Input::new("b", &b)]).expect("analyzes");
        let d = super::super::diff_pair(&arts, 0, 1);
        let starts = |text: &str, part: &str| -> Vec<usize> {
            text.match_indices(part).map(|(at, _)| at).collect()
        };
        let (said_a, said_b, reworded_b) =
            (starts(&a, said), starts(&b, said), starts(&b, reworded));
        let partner = |start: usize| {
            (d.agreements.iter())
                .find(|g| g.a.key == "statement" && g.a.span.start == start)
                .map(|g| g.b.span.start)
        };
        let partners: Vec<Option<usize>> = said_a.iter().map(|&at| partner(at)).collect();
        let expected: Vec<Option<usize>> = (said_b.iter().chain(&reworded_b))
            .map(|&at| Some(at))
            .collect();
        assert_eq!(partners, expected, "{:#?}", d.agreements);
        // Each block's quotes: the reported speech, then the quote; each
        // meets the one of its block, alike in the first half, reworded after.
        let quotes: Vec<_> = (d.quotes.iter()).map(|m| (m.a, m.b, m.class)).collect();
        let expected: Vec<_> = (0..2 * blocks)
            .map(|m| match m < blocks {
                true => (m, m, QuoteClass::Same),
                false => (m, m, QuoteClass::Variant),
            })
            .collect();
        assert_eq!(quotes, expected, "{:#?}", d.quotes);
    }

    /// Among many figures of one kind in close words, each still meets the
    /// one of the same value, in whatever order the other report gives them
    /// (enough of them to be read through [`SharedWords`]).
    #[test]
    fn many_figures_of_one_kind_each_meet_their_own() {
        use crate::{analyze_batch, Input};
        let sentence = |n: usize| format!("Officials said {n} people were evacuated on Monday.");
        let figures: Vec<usize> = (0..10 * PARTNERS_WEIGHED).map(|k| 12 + 7 * k).collect();
        let a: Vec<String> = figures.iter().map(|&n| sentence(n)).collect();
        let b: Vec<String> = figures.iter().rev().map(|&n| sentence(n)).collect();
        let arts = analyze_batch(&[
            Input::new("a", a.join("\n\n")),
            Input::new("b", b.join("\n\n")),
        ])
        .expect("analyzes");
        assert_eq!(arts[0].quantities.len(), figures.len());
        let d = super::super::diff_pair(&arts, 0, 1);
        let agreed: Vec<(&str, &str)> = (d.agreements.iter())
            .filter(|g| g.a.key != "statement")
            .map(|g| (g.a.value.as_str(), g.b.value.as_str()))
            .collect();
        assert_eq!(agreed.len(), figures.len(), "{d:#?}");
        assert!(agreed.iter().all(|(x, y)| x == y), "{agreed:?}");
        assert!(d.conflicts.is_empty(), "{:#?}", d.conflicts);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Counted through the index, what two sentences share gives the
        /// Dice coefficient reading the pair gives.
        #[test]
        fn shared_words_count_as_each_pair_read(
            a in proptest::collection::vec(proptest::collection::btree_set(0u8..20, 0..7), 1..8),
            b in proptest::collection::vec(proptest::collection::btree_set(0u8..20, 0..7), 1..8),
            figures_b in proptest::collection::vec(proptest::option::of(0usize..8), 0..10),
        ) {
            let set = |words: &std::collections::BTreeSet<u8>| -> HashSet<String> {
                words.iter().map(|w| format!("w{w}")).collect()
            };
            let (keys_a, keys_b): (Vec<HashSet<String>>, Vec<HashSet<String>>) =
                (a.iter().map(set).collect(), b.iter().map(set).collect());
            let figures_b: Vec<Option<usize>> =
                figures_b.into_iter().map(|s| s.filter(|&s| s < keys_b.len())).collect();
            let mut shared = SharedWords::new(&keys_b, &figures_b);
            for (i, x) in keys_a.iter().enumerate() {
                shared.count(i, x);
                for &j in figures_b.iter().flatten() {
                    let counted = shared.dice(x, (j, &keys_b[j]));
                    proptest::prop_assert_eq!(counted.to_bits(), dice(x, &keys_b[j]).to_bits());
                }
            }
        }
    }

    #[test]
    fn describes_intervals() {
        let cases = [
            (q(Some(13.0), Some(13.0), Hedge::Exact, "killed"), "13"),
            (q(Some(8.0), None, Hedge::AtLeast, "dead"), "at least 8"),
            (
                q(Some(1800.0), Some(2200.0), Hedge::Approximate, "people"),
                "about 2,000",
            ),
            (
                q(Some(2000.0), None, Hedge::MoreThan, "people"),
                "more than 2,000",
            ),
            (q(Some(20.0), Some(50.0), Hedge::Range, "days"), "20-50"),
        ];
        for (quantity, want) in cases {
            assert_eq!(describe(&quantity), want);
        }
    }
}
