//! The name index: the names an article gives, for lengthening short names
//! and resolving pronouns.

use super::super::{EntityLabel, EntityMention};
use super::lexicon::{has, honorific_dot, is_particle, is_person_like, is_title};
use super::reading::{NameCase, Reading};
use super::sets::{ARTICLES, HONORIFICS, NON_PERSON_HEADS, ROLE_NOUNS};
use super::speakers::{judged_np_speaker, Named};
use crate::text::hash::FastMap as HashMap;
use crate::text::{last_spaced_word, spaced_words, with_lower, Span, TokenKind};
use arrayvec::ArrayVec;
use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::hash::BuildHasher;

/// A run of capitalized words the article gives, cut after titles.
pub(super) struct Run<'e> {
    /// The name as written.
    pub(super) name: &'e str,
    /// Where it is.
    pub(super) span: Span,
    /// Whether its context says it is a person's name: a title or role
    /// before it, an apposition, a verb after it.
    pub(super) personish: bool,
    /// Whether the name is person-like ([`is_person_like`]), asked once.
    pub(super) person_like: bool,
    /// Which of the full names the name is, where it is one: its fullest
    /// form is then read from the words the list split and lowered.
    full: Option<usize>,
}

/// A person-like full name (two to four words).
struct FullName {
    /// The name in lower case, made once: its words are those of the name,
    /// each lowered (white space ends a word, and the context that makes a
    /// 'Σ' final).
    lower: String,
    /// Where each word starts and ends in `lower`.
    words: ArrayVec<(usize, usize), 4>,
    /// The name as written.
    name: String,
    /// Whether its last word as written opens with a capital (it may be a particle).
    last_upper: bool,
}

impl FullName {
    /// How many words it has.
    #[inline]
    fn len(&self) -> usize {
        self.words.len()
    }

    /// Its word `k`, in lower case.
    #[inline]
    fn word(&self, k: usize) -> &str {
        let (start, end) = self.words[k];
        &self.lower[start..end]
    }

    /// Its first word, in lower case.
    fn first(&self) -> &str {
        self.word(0)
    }

    /// Its last word, in lower case.
    fn last(&self) -> &str {
        self.word(self.len() - 1)
    }

    /// Whether its last words are `words` (lower case, no more than it has).
    fn ends_with(&self, words: &[&str]) -> bool {
        let from = self.len() - words.len();
        words
            .iter()
            .enumerate()
            .all(|(k, w)| self.word(from + k) == *w)
    }
}

/// The full names by one of their words (the first or the last): for each
/// word's hash the first and the last name with it, and for each name the
/// next with a word of that hash, first seen first. No word is copied and
/// no list made for a word; a lookup compares the words along its chain.
struct ByWord {
    /// The word the names are found by.
    word: fn(&FullName) -> &str,
    /// The first and last name of each chain, by the hash of the word.
    chains: HashMap<u64, (usize, usize)>,
    /// The next name of each name's chain.
    next: Vec<Option<usize>>,
}

impl ByWord {
    fn new(full: &[FullName], word: fn(&FullName) -> &str) -> ByWord {
        let mut chains: HashMap<u64, (usize, usize)> =
            HashMap::with_capacity_and_hasher(full.len(), Default::default());
        let mut next = vec![None; full.len()];
        for (i, f) in full.iter().enumerate() {
            let h = chains.hasher().hash_one(word(f));
            chains
                .entry(h)
                .and_modify(|(_, last)| {
                    next[*last] = Some(i);
                    *last = i;
                })
                .or_insert((i, i));
        }
        ByWord { word, chains, next }
    }

    /// The full names whose word is `w`, first seen first.
    fn with<'s>(&'s self, full: &'s [FullName], w: &'s str) -> impl Iterator<Item = usize> + 's {
        let first = self
            .chains
            .get(&self.chains.hasher().hash_one(w))
            .map(|&(first, _)| first);
        std::iter::successors(first, |&i| self.next[i]).filter(move |&i| (self.word)(&full[i]) == w)
    }

    /// Whether a full name has the word `w`.
    fn has(&self, full: &[FullName], w: &str) -> bool {
        self.with(full, w).next().is_some()
    }
}

/// Names the article gives, for lengthening short names and resolving pronouns.
pub(super) struct NameIndex<'e> {
    /// Every capitalized run, in text order.
    pub(super) runs: Vec<Run<'e>>,
    /// The names of the person entities, titles cut, each mentioned name
    /// once, first mentioned first.
    pub(super) entity_persons: Vec<String>,
    /// Each mention of a person entity: which of `entity_persons` it names, and where.
    pub(super) entity_person_mentions: Vec<(usize, Span)>,
    /// Each person entity's name as mentioned: which of `entity_persons` it
    /// gives (`None`: the entity is no person's, [`is_person_entity`]).
    entity_person_of: HashMap<&'e str, Option<usize>>,
    /// The fullest form of each of `entity_persons` ([`Self::entity_fullest`]),
    /// once asked (`None`: the name itself): speakers and pronouns ask again.
    entity_fullest: Vec<OnceCell<Option<String>>>,
    /// Which of `full` each of `entity_persons` is, where it is one.
    entity_full: Vec<Option<usize>>,
    /// Person-like full names, first seen first.
    full: Vec<FullName>,
    /// `full` by last and by first word.
    by_last: ByWord,
    by_first: ByWord,
    /// The first and last words of `full`: a word outside it is neither.
    ends: Ends,
    /// The fullest forms found so far of the names whose last word is listed
    /// (`None`: the name itself): the article repeats its names.
    found: RefCell<HashMap<String, Option<String>>>,
}

/// One of 256 bits from a lower-case word's length in bytes and last byte.
fn end_bit(len: usize, last: u8) -> usize {
    ((len as u32) << 8 | u32::from(last)).wrapping_mul(0x9e37_79b1) as usize >> 24
}

/// A filter in front of a set of lower-case strings: one [`end_bit`] for each.
/// An ASCII string whose lower case has a clear bit is not in the set, and is
/// not lower-cased or looked up.
#[derive(Default)]
pub(super) struct Ends([u64; 4]);

impl Ends {
    /// The filter of the lower-case `keys`.
    pub(super) fn of<'k>(keys: impl IntoIterator<Item = &'k str>) -> Ends {
        let mut ends = Ends::default();
        for k in keys {
            if let Some(&b) = k.as_bytes().last() {
                let bit = end_bit(k.len(), b);
                ends.0[bit / 64] |= 1 << (bit % 64);
            }
        }
        ends
    }

    /// Whether the lower case of `s` may be one of the keys: `false` only for
    /// a non-empty ASCII `s` (whose lower case has its length and its last
    /// byte lowered) whose bit is clear.
    pub(super) fn may_hold(&self, s: &str) -> bool {
        match s.as_bytes().last() {
            Some(&b) if s.is_ascii() => {
                let bit = end_bit(s.len(), b.to_ascii_lowercase());
                self.0[bit / 64] & (1 << (bit % 64)) != 0
            }
            _ => true,
        }
    }
}

impl<'e> NameIndex<'e> {
    /// The names of the article read by `rd`, with its person `entities`.
    pub(super) fn build(rd: &Reading<'e>, entities: &'e [EntityMention]) -> NameIndex<'e> {
        let (entity_persons, entity_person_mentions, entity_person_of) = entity_persons(entities);
        let mut runs = capitalized_runs(rd);
        let (full, entity_full) = full_names(&entity_persons, &mut runs);
        let by_last = ByWord::new(&full, FullName::last);
        let by_first = ByWord::new(&full, FullName::first);
        let ends = Ends::of(full.iter().flat_map(|f| [f.first(), f.last()]));
        NameIndex {
            entity_fullest: vec![OnceCell::new(); entity_persons.len()],
            entity_full,
            ends,
            found: RefCell::default(),
            runs,
            entity_persons,
            entity_person_mentions,
            entity_person_of,
            full,
            by_last,
            by_first,
        }
    }

    /// Which of `entity_persons` the entity `e` names, where it is a person's.
    fn entity_person(&self, e: &EntityMention) -> Option<usize> {
        self.entity_person_of
            .get(e.name.as_str())
            .copied()
            .flatten()
    }

    /// The fullest form ([`Self::fullest_of`]) of `entity_persons[i]`.
    pub(super) fn entity_fullest(&self, i: usize) -> &str {
        let name = &self.entity_persons[i];
        // Kept here for the entity, not among the names found: other names
        // are seldom an entity's.
        let longer = self.entity_fullest[i].get_or_init(|| match self.entity_full[i] {
            Some(j) => self.longer_than_full(j).map(|f| f.name.clone()),
            None => match self.fullest_kept(name, false) {
                Cow::Owned(full) => Some(full),
                Cow::Borrowed(_) => None,
            },
        });
        longer.as_deref().unwrap_or(name)
    }

    /// [`Self::fullest_of`] of the name of `full[j]`, where longer, read from
    /// its words as they were split and lowered for the list. Its last word
    /// is listed (as its own): only its capital and the number of words are
    /// left to ask.
    fn longer_than_full(&self, j: usize) -> Option<&FullName> {
        let f = &self.full[j];
        if !f.last_upper || f.len() > 3 {
            return None;
        }
        let words: ArrayVec<&str, 3> = (0..f.len()).map(|k| f.word(k)).collect();
        self.longer_listed(&words)
    }

    /// [`Self::fullest_of`] of the name of the run `r`. A run that is a full
    /// name (most person-like runs) has its words split and lowered already,
    /// and its last word listed: only a longer name ending with them is sought.
    pub(super) fn run_fullest(&self, r: &Run<'e>) -> Cow<'e, str> {
        match r.full {
            Some(j) => self
                .longer_than_full(j)
                .map_or(Cow::Borrowed(r.name), |f| Cow::Owned(f.name.clone())),
            None => self.fullest_of(r.name),
        }
    }

    /// The name of the run `r` in lower case: a full name's as the list
    /// lowered it, any other lowered here.
    pub(super) fn run_lower(&self, r: &Run) -> Cow<'_, str> {
        match r.full {
            Some(j) => Cow::Borrowed(self.full[j].lower.as_str()),
            None => Cow::Owned(r.name.to_lowercase()),
        }
    }

    /// The last word of the name of the run `r` in lower case, as
    /// [`Self::run_lower`] gives it.
    pub(super) fn run_last_lower(&self, r: &Run) -> Option<Cow<'_, str>> {
        match r.full {
            Some(j) => Some(Cow::Borrowed(self.full[j].last())),
            None => last_spaced_word(r.name).map(|l| Cow::Owned(l.to_lowercase())),
        }
    }

    /// The fullest form of `name` the article gives, among person-like names.
    pub(super) fn fullest(&self, name: &str) -> String {
        self.fullest_of(name).into_owned()
    }

    /// [`Self::fullest`], borrowing `name` when it is its own fullest form
    /// (most names are).
    pub(super) fn fullest_of<'n>(&self, name: &'n str) -> Cow<'n, str> {
        self.fullest_kept(name, true)
    }

    /// [`Self::fullest_of`], looked up among and kept with the names found
    /// where `keep`.
    fn fullest_kept<'n>(&self, name: &'n str, keep: bool) -> Cow<'n, str> {
        // The last word first, read from the end; the words are counted only
        // for a last word that may be listed.
        let Some(last) = last_spaced_word(name) else {
            return Cow::Borrowed(name);
        };
        if !last.chars().next().is_some_and(char::is_uppercase) || !self.ends.may_hold(last) {
            return Cow::Borrowed(name);
        }
        // A name already lengthened (the article repeats its names) is not read again.
        if keep {
            if let Some(full) = self.found.borrow().get(name) {
                return full.clone().map_or(Cow::Borrowed(name), Cow::Owned);
            }
        }
        let count = spaced_words(name).take(4).count();
        if count > 3 {
            return Cow::Borrowed(name);
        }
        // Most names have no longer form: no full name ends (or, alone, starts) with them.
        let listed = with_lower(last, |l| {
            self.by_last.has(&self.full, l) || count == 1 && self.by_first.has(&self.full, l)
        });
        if !listed {
            return Cow::Borrowed(name);
        }
        let full = self.fullest_listed(name);
        if keep {
            let kept = match &full {
                Cow::Owned(f) => Some(f.clone()),
                Cow::Borrowed(_) => None,
            };
            self.found.borrow_mut().insert(name.to_string(), kept);
        }
        full
    }

    /// [`Self::fullest_of`] for a name of one to three words whose last word
    /// is listed.
    fn fullest_listed<'n>(&self, name: &'n str) -> Cow<'n, str> {
        // The name lowered whole has its words lowered one by one (white space
        // ends a word, and the context that makes a 'Σ' final): one lowering,
        // on the stack for a short ASCII name, instead of a string per word.
        with_lower(name, |lower| {
            let words: ArrayVec<&str, 3> = spaced_words(lower).take(3).collect();
            self.longer_listed(&words)
                .map_or(Cow::Borrowed(name), |f| Cow::Owned(f.name.clone()))
        })
    }

    /// The longest full name ending with `words` (one to three, lower case,
    /// the last listed), or for one word alone the longest of up to three
    /// starting with it; the first of that length, and `None` where none is
    /// longer than `words`.
    fn longer_listed(&self, words: &[&str]) -> Option<&FullName> {
        let mut best = None;
        let mut best_len = words.len();
        for i in self.by_last.with(&self.full, words[words.len() - 1]) {
            let f = &self.full[i];
            if f.len() > best_len && f.ends_with(words) {
                best = Some(f);
                best_len = f.len();
            }
        }
        // Surname first ("Cho" for "Cho Kyoo-hong").
        if best_len == words.len() && words.len() == 1 {
            for i in self.by_first.with(&self.full, words[0]) {
                let f = &self.full[i];
                if f.len() <= 3 && f.len() > best_len {
                    best = Some(f);
                    best_len = f.len();
                }
            }
        }
        best
    }
}

/// The names of the person entities ([`is_person_entity`]) without their
/// titles ([`entity_name`]), each mention as the index of its name and
/// where it is, and each mentioned name's index. Both depend on the
/// mention's name alone, which the article repeats ("Tokayev" is
/// "Kassym-Jomart Tokayev" each time): each name is read, and kept, once.
fn entity_persons(entities: &[EntityMention]) -> EntityPersons<'_> {
    let persons = entities.iter().filter(|e| e.label == EntityLabel::Person);
    // Sized up front: at most one name a mention.
    let mut read: HashMap<&str, Option<usize>> =
        HashMap::with_capacity_and_hasher(persons.clone().count(), Default::default());
    let mut names = Vec::new();
    let mut mentions = Vec::new();
    // The words of the name being read: split once for both questions.
    let mut words: Vec<&str> = Vec::new();
    for e in persons {
        let name = read.entry(e.name.as_str()).or_insert_with(|| {
            words.clear();
            words.extend(spaced_words(&e.name));
            is_person_entity(e, &words).then(|| {
                names.push(name_without_titles(&words));
                names.len() - 1
            })
        });
        if let Some(i) = *name {
            mentions.push((i, e.span));
        }
    }
    (names, mentions, read)
}

/// What [`entity_persons`] gives.
type EntityPersons<'e> = (
    Vec<String>,
    Vec<(usize, Span)>,
    HashMap<&'e str, Option<usize>>,
);

/// Every run of capitalized words (with honorific periods and inner
/// particles), in text order, as the name it gives.
fn capitalized_runs<'e>(rd: &Reading<'e>) -> Vec<Run<'e>> {
    // Each word's capital is judged once: the run rules ask of a word up to three times.
    let caps: Vec<bool> = rd.iter().map(|w| w.is_cap()).collect();
    let mut runs = Vec::new();
    let mut k = 0;
    while k < rd.len() {
        if !caps[k] {
            k += 1;
            continue;
        }
        let s = k;
        let e = run_end(rd, &caps, s);
        k = e.max(s + 1);
        let Some((Named { name, span }, judged)) = judged_np_speaker(rd, s, e) else {
            continue;
        };
        if name.ends_with("'s") || name.ends_with('.') {
            continue;
        }
        // The name first: most runs are one word, which is never person-like.
        let written = span.of(rd.text);
        // The name is the words at its span, borrowed from the text, but for
        // the pronoun of a French inversion ("dit-elle" is "elle"), a word of
        // its own: told apart by its address, without comparing the words.
        let as_written = std::ptr::eq(name, written);
        // The phrase's rules may have asked already, or known the answer (of one word).
        let like_written = match judged {
            Some(like) if as_written => like,
            _ => is_person_like(written),
        };
        let personish = like_written && is_personish(rd, s, e, rd.at(span.start));
        let person_like = if as_written {
            like_written
        } else {
            is_person_like(name)
        };
        runs.push(Run {
            name,
            span,
            personish,
            person_like,
            full: None,
        });
    }
    runs
}

/// The end of the capitalized run starting at word `s`: capitalized words,
/// honorific periods, and particles or "of" after a title between them
/// ("Pieter van Dijk", "Secretary of State Antony Blinken"), up to a
/// possessive.
fn run_end(rd: &Reading, caps: &[bool], s: usize) -> usize {
    let mut e = s;
    while e < rd.len() && rd[e].sentence == rd[s].sentence {
        let t = &rd[e];
        // Asked only of a word that is neither capitalized nor a period.
        let inner = || {
            e > s
                && caps.get(e + 1).is_some_and(|&c| c)
                && (is_particle(&t.lower) || t.lower == "of" && is_title(&rd[e - 1].lower))
        };
        if !(caps[e] || honorific_dot(rd, e, s) || inner()) {
            break;
        }
        e += 1;
        if t.lower.ends_with("'s") {
            break;
        }
    }
    e
}

/// Whether the context of the run `s..e`, whose name starts at word
/// `first`, says it is a person: not after an article ("the Great Barrier
/// Reef had suffered"), and a title in it or before it, an apposition
/// (", a spokesman,"), or a lower-case verb after it.
fn is_personish(rd: &Reading, s: usize, e: usize, first: usize) -> bool {
    let before = first.checked_sub(1).map(|p| &rd[p]);
    let after = rd.get(e);
    let after_article = s > 0 && matches!(rd[s - 1].lower.as_str(), "the" | "a" | "an");
    let titled = (s..first).any(|j| is_title(&rd[j].lower))
        || before.is_some_and(|p| is_title(&p.lower) || has(&ROLE_NOUNS, &p.lower));
    let apposition = after.is_some_and(|a| a.text == ",")
        && (before.is_some_and(|p| p.text == ",")
            || rd.get(e + 1).is_some_and(|n| {
                matches!(n.lower.as_str(), "a" | "an" | "the" | "who")
                    || has(&ROLE_NOUNS, &n.lower)
                    || n.kind == TokenKind::Number
            }));
    let verb_after = after.is_some_and(|a| {
        a.is_word()
            && !a.is_cap()
            && !matches!(
                a.lower.as_str(),
                "of" | "and" | "or" | "in" | "at" | "on" | "for" | "to"
            )
    });
    !after_article && (titled || apposition || verb_after)
}

/// The person-like names of two to four words among the entities' and the
/// runs', each once, first seen first, and which of them each entity's name
/// is; each run's is set in the run.
fn full_names(entity_persons: &[String], runs: &mut [Run]) -> (Vec<FullName>, Vec<Option<usize>>) {
    // Sized up front: at most every entity's name and every person-like run's.
    let likely = runs.iter().filter(|r| r.person_like).count();
    let mut full = Vec::with_capacity(entity_persons.len() + likely);
    let mut seen: HashMap<&str, usize> =
        HashMap::with_capacity_and_hasher(entity_persons.len() + likely, Default::default());
    // The index in `full` of the name `n`, if it is a full name; `like`
    // where it is known whether `n` is person-like.
    let mut add = |n, like: Option<bool>| {
        // Most runs are one word, never person-like: their words are not counted.
        if like == Some(false) {
            return None;
        }
        // Counted, and the last word's capital read, in one pass.
        let (mut count, mut last_upper) = (0, false);
        for w in spaced_words(n).take(5) {
            count += 1;
            last_upper = w.chars().next().is_some_and(char::is_uppercase);
        }
        if !(2..=4).contains(&count) || !like.unwrap_or_else(|| is_person_like(n)) {
            return None;
        }
        if let Some(&j) = seen.get(n) {
            return Some(j);
        }
        seen.insert(n, full.len());
        let lower = n.to_lowercase();
        let words = spaced_words(&lower)
            .map(|w| {
                let start = w.as_ptr() as usize - lower.as_ptr() as usize;
                (start, start + w.len())
            })
            .collect();
        full.push(FullName {
            lower,
            words,
            name: n.to_string(),
            last_upper,
        });
        Some(full.len() - 1)
    };
    let entity_full = entity_persons.iter().map(|n| add(n, None)).collect();
    // A run's name was judged person-like when the run was read.
    for r in runs {
        r.full = add(r.name, Some(r.person_like));
    }
    (full, entity_full)
}

/// The name of a person entity without the titles and roles the recognizer
/// may have left in front ("Seismologist Hiroshi Tanaka", "Bahn-Personalvorstand
/// Martin Seiler", "Mr. Dujarric").
pub(super) fn entity_name(e: &EntityMention) -> String {
    let words: Vec<&str> = spaced_words(&e.name).collect();
    name_without_titles(&words)
}

/// [`entity_name`] of a name split into its `words`.
fn name_without_titles(words: &[&str]) -> String {
    let mut s = 0;
    while s + 1 < words.len() {
        let title = with_lower(words[s], |w| {
            let w = w.trim_end_matches('.');
            is_title(w) || has(&HONORIFICS, w)
        });
        if !title {
            break;
        }
        s += 1;
    }
    words[s..].join(" ")
}

/// Whether `e` is a person entity whose name can be a person's: the
/// recognizer also labels phrases opening with an article ("Die Grünen",
/// "La Vanguardia") and some places as persons, and those must not take a
/// pronoun ("sagte er"). `words` are the name's, split once.
fn is_person_entity(e: &EntityMention, words: &[&str]) -> bool {
    let first = words.first().copied().unwrap_or("");
    e.label == EntityLabel::Person
        && !with_lower(first, |l| has(&ARTICLES, l))
        && crate::extract::entities::kept::place(&e.name).is_none()
        && !words
            .iter()
            .any(|w| with_lower(w, |l| has(&NON_PERSON_HEADS, l)))
}

/// The fullest form ([`NameIndex::fullest`]) of the name of the person
/// entity `e` without its titles ([`entity_name`]) when `e`, overlapping
/// the speaker phrase `name` at `sp`, is that speaker. An entity is not trusted over the phrase when it
/// covers only part of it ("the editor of Die Presse", "Southern Andes
/// Copper": the rest is more than an honorific or a particle), when it runs
/// past it (the quote module cut those words as titles), or when its name
/// does not contain the phrase's words (a mention linked to someone else).
pub(super) fn confirmed_name(
    rd: &Reading,
    names: &NameIndex,
    e: &EntityMention,
    name: &str,
    sp: Span,
) -> Option<String> {
    if !sp.contains(e.span) {
        return None;
    }
    let a = rd.at(sp.start);
    let b = rd.at(sp.end);
    let extra_ok = (a..b).filter(|&k| !e.span.contains(rd[k].span)).all(|k| {
        let l = rd[k].lower.trim_end_matches('.');
        l.is_empty() || has(&HONORIFICS, l) || is_particle(l) || is_title(l)
    });
    if !extra_ok {
        return None;
    }
    // A person entity's name was read with the entities. Both sides have a
    // few words: each of the phrase's is compared with the name's, in lower
    // case, without a set to build. The name lowered whole has its words
    // lowered one by one: white space ends a word and also the context that
    // makes a 'Σ' final.
    let person = names.entity_person(e);
    let read;
    let full = match person {
        Some(i) => names.entity_persons[i].as_str(),
        None => {
            read = entity_name(e);
            read.as_str()
        }
    };
    // A phrase written as the entity's name (most are) has all its words:
    // nothing is lowered or compared.
    let all = name == full
        || with_lower(full, |lower| {
            spaced_words(name).all(|w| {
                with_lower(w, |w| {
                    let t = w.trim_end_matches('.');
                    // The name's own words first: most of the phrase's are.
                    spaced_words(lower).any(|f| f == w) || has(&HONORIFICS, t) || is_title(t)
                })
            })
        });
    // A person entity's fullest form is read once, however often it speaks.
    all.then(|| match person {
        Some(i) => names.entity_fullest(i).to_string(),
        None => names.fullest(full),
    })
}
