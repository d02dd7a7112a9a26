//! Runs to labelled candidates: roles apart, unsupported capitals dropped.
//!
//! Each part of a body run (see [`split_run`]) goes through these steps, in
//! order:
//!
//! 1. storm names are skipped ("Hurricane Otis");
//! 2. leading words that are not part of the name are dropped
//!    ([`Sentence::drops_leading`]), and trailing connectors and never-names;
//! 3. titles are read off the front into a role ([`Titles`]); a role with no
//!    name after it waits for the name after a comma ([`PendingRole`]);
//! 4. what is left is labelled: one word by [`single`], several by the first
//!    rule of [`MULTIWORD_RULES`] that applies.

use super::cues;
use super::kept;
use super::kept::place_of;
use super::pieces::{asked_once, token_in_run, Evidence, Piece, Run};
use super::EntityLabel;
use crate::extract::word_set::is_function_word;
use crate::extract::Doc;
use crate::lexicon;
use crate::text::hash::FastMap as HashMap;
use crate::text::{with_lower, Span, TokenKind};
use std::cell::Cell;
use std::ops::Range;

/// A mention before in-article resolution.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// Where it is in the analysis text.
    pub span: Span,
    /// `None` when nothing but capitals speaks for it (a lone unknown word).
    pub label: Option<EntityLabel>,
    /// The title or role written next to it.
    pub role: Option<String>,
    /// Words in it (connectors not counted).
    pub words: usize,
    /// Written in capitals only ("CSTO").
    pub allcaps: bool,
    /// Token index one past its last word.
    pub end_tok: usize,
    /// Token index of its run's first word.
    pub first_tok: usize,
}

fn word_count(pieces: &[Piece]) -> usize {
    pieces.iter().filter(|p| !p.connector).count()
}

fn cover(pieces: &[Piece]) -> Span {
    pieces[0].span.cover(pieces[pieces.len() - 1].span)
}

/// A role read without a name after it ("the President of Kazakhstan,"): it
/// goes to the name written after a comma at `end`.
struct PendingRole {
    /// Where the role (or the place after it) ends.
    end: usize,
    role: String,
}

/// One run being classified, with what the document says.
struct Sentence<'a> {
    doc: &'a Doc<'a>,
    run: &'a Run<'a>,
    ev: &'a Evidence<'a>,
}

/// Labels the runs of one body sentence, adding them to the article's `out`.
/// `parts` is a buffer for the parts of each run, lent by the caller so that
/// every sentence of the article uses the same one.
pub fn classify<'r>(
    doc: &Doc,
    runs: impl Iterator<Item = Run<'r>>,
    ev: &Evidence,
    parts: &mut Vec<Range<usize>>,
    out: &mut Vec<Candidate>,
) {
    let mut pending: Option<PendingRole> = None;
    for run in runs {
        let s = Sentence { doc, run: &run, ev };
        split_run(doc.text, run.pieces, parts);
        for (si, part) in parts.iter().enumerate() {
            s.part(&run.pieces[part.clone()], si == 0, &mut pending, out);
        }
    }
}

/// Storms are named like people ("Hurricane Otis").
fn is_storm_name(first: &str) -> bool {
    matches!(
        first,
        "Hurricane" | "Typhoon" | "Cyclone" | "Storm" | "Tropical"
    )
}

/// A loose adjective before a name ("Top European Union diplomat").
fn is_loose_adjective(w: &str) -> bool {
    matches!(
        w,
        "Top" | "Former" | "Senior" | "Acting" | "Interim" | "Late" | "Then" | "Veteran"
    )
}

fn is_adverbish(w: &str) -> bool {
    w.ends_with("ly") || w.ends_with("ing") || w.ends_with("ed")
}

/// A role as written, without an abbreviation's period.
fn role_text(span: Span, text: &str) -> String {
    span.of(text).trim_end_matches('.').to_string()
}

/// The titles at the front of a run: "Kazakh President", "Uzbekistan Foreign
/// Minister", "the President of".
struct Titles {
    /// How many pieces before the title are demonyms or places, each a mention
    /// of its own (see [`Titles::qualifiers`]).
    qualifiers: usize,
    /// Where the title begins.
    start: usize,
    /// One past its last word: where the name begins.
    end: usize,
    /// Whether a title word was seen (modifiers alone are not a title).
    found: bool,
}

impl Titles {
    fn read(text: &str, pieces: &[Piece]) -> Titles {
        let mut k = 0;
        let mut qualifiers = 0;
        while k < pieces.len() && !pieces[k].connector {
            if two_word_demonym(text, pieces, k) {
                // "South African President", "Sri Lankan President".
                k += 2;
                continue;
            }
            if pieces[k].is_demonym(text)
                || (pieces[k].place(text).is_some() && !pieces[k].is_title(text))
            {
                qualifiers += 1;
                k += 1;
            } else {
                break;
            }
        }
        let start = k;
        let mut found = false;
        while k < pieces.len() {
            let w = pieces[k].span.of(text);
            if pieces[k].is_title(text) {
                found = true;
            } else if !(cues::is_title_modifier(w) || (pieces[k].connector && w == "of")) {
                break;
            }
            k += 1;
        }
        Titles {
            qualifiers,
            start,
            end: k,
            found,
        }
    }

    /// The qualifiers' indices in `pieces`: every piece before the title that
    /// is not half of a two-word demonym. Walked again only where the
    /// qualifiers become mentions, so that no list of them is kept per part.
    fn qualifiers<'t>(
        &self,
        text: &'t str,
        pieces: &'t [Piece],
    ) -> impl Iterator<Item = usize> + 't {
        let mut k = 0;
        let start = self.start;
        std::iter::from_fn(move || {
            while k < start && two_word_demonym(text, pieces, k) {
                k += 2;
            }
            (k < start).then(|| {
                k += 1;
                k - 1
            })
        })
    }
}

/// Whether pieces `k` and `k + 1` together are a demonym ("South African").
fn two_word_demonym(text: &str, pieces: &[Piece], k: usize) -> bool {
    k + 1 < pieces.len() && lexicon::demonym(cover(&pieces[k..k + 2]).of(text)).is_some()
}

impl<'a> Sentence<'a> {
    /// One part of a run: trimmed, its title read off, then labelled.
    fn part(
        &self,
        part: &[Piece],
        look_back: bool,
        pending: &mut Option<PendingRole>,
        out: &mut Vec<Candidate>,
    ) {
        let text = self.doc.text;
        if is_storm_name(part[0].span.of(text)) {
            return;
        }
        let pieces = self.trim(part);
        if pieces.is_empty() {
            return;
        }
        let titles = Titles::read(text, pieces);
        let rest = &pieces[titles.end..];
        let rest_is_name = !rest.is_empty()
            && !rest[0].connector
            && !(rest.len() == 1
                && (cues::is_org_suffix(rest[0].span.of(text)) || rest[0].place(text).is_some()));
        if titles.found && !rest_is_name {
            if let Some(role) = self.role_alone(pieces, &titles, out) {
                *pending = Some(role);
                return;
            }
        }
        let (role, pieces) = if titles.found && rest_is_name {
            self.push_qualifiers(pieces, &titles, out);
            let role_span = cover(&pieces[titles.start..titles.end]);
            (Some(role_text(role_span, text)), rest)
        } else {
            (None, pieces)
        };
        let role = role
            .or_else(|| {
                look_back
                    .then(|| lowercase_role(self.doc, self.run.first_tok))
                    .flatten()
            })
            .or_else(|| {
                let PendingRole { end, role } = pending.take()?;
                let gap = &text[end..pieces[0].span.start];
                (gap.trim() == ",").then_some(role)
            });
        self.name(pieces, role, out);
    }

    /// `part` without the words before and after the name.
    fn trim<'p>(&self, part: &'p [Piece]) -> &'p [Piece] {
        let text = self.doc.text;
        let mut pieces = part;
        let mut after_initial = false;
        while let Some(p) = pieces.first() {
            let initial = p.initial || after_initial;
            if !self.drops_leading(pieces, initial) {
                break;
            }
            after_initial = initial && !p.connector;
            pieces = &pieces[1..];
        }
        while pieces
            .last()
            .is_some_and(|p| p.connector || cues::is_never_name(p.span.of(text)))
        {
            pieces = &pieces[..pieces.len() - 1];
        }
        pieces
    }

    /// Whether the first of `pieces` is not part of the name, `initial` when it
    /// opens the sentence (or follows a dropped opening word). Rules in order:
    /// a connector or a never-name; an opening word nothing supports; an
    /// opening dictionary word alone or without strong support; a function word
    /// at the start or a determiner anywhere; an article before a head noun
    /// that names an organisation ("El Banco de España").
    fn drops_leading(&self, pieces: &[Piece], initial: bool) -> bool {
        let p = &pieces[0];
        let w = p.span.of(self.doc.text);
        if p.connector || cues::is_never_name(w) {
            return true;
        }
        // "El Banco de España": an article before a head noun that names an organisation.
        if cues::is_head_article(w) && self.next_word(pieces).is_some_and(cues::is_org_lead) {
            return true;
        }
        // A word that opens nothing is dropped only as a determiner ("The",
        // "Their"), which most are not: told before the word is lowered.
        if !initial && !cues::is_leading_determiner(w) {
            return false;
        }
        with_lower(w, |lower| self.drops_lower(pieces, initial, w, lower))
    }

    /// [`Self::drops_leading`] with the opening word `w` and its lower case.
    fn drops_lower(&self, pieces: &[Piece], initial: bool, w: &str, lower: &str) -> bool {
        let p = &pieces[0];
        // The function-word rule, the only one for a word that opens nothing.
        let function_word =
            is_function_word(lower) && !p.allcaps && (initial || cues::is_leading_determiner(w));
        // An opening function word ("The", "In", "But", the commonest opening
        // words) is dropped whatever else holds: the gazetteer is not asked.
        if !initial || function_word {
            return function_word;
        }
        // Each term is evaluated only where the answer still depends on it, once.
        let (dictionary, rare) = (Cell::new(None), Cell::new(None));
        let dictionary = || {
            asked_once(&dictionary, || {
                lexicon::is_dictionary_word(lower)
                    || self.ev.lower.contains(lower)
                    || kept::is_common_word(lower)
            })
        };
        let rare = || asked_once(&rare, || self.rare_before_name(pieces, lower));
        let place = p.place(self.doc.text).is_some();
        let strong = place || self.strong_lead(pieces, lower);
        let supported = strong || rare() || (!dictionary() && !is_adverbish(lower));
        !supported
            || (!place
                && dictionary()
                && !p.is_title(self.doc.text)
                && !self.ev.mid_caps.contains(w)
                && !(pieces.len() > 1 && (strong || rare())))
    }

    /// The word after the first, when it is a word and not a connector.
    fn next_word(&self, pieces: &[Piece]) -> Option<&'a str> {
        pieces
            .get(1)
            .filter(|n| !n.connector)
            .map(|n| n.span.of(self.doc.text))
    }

    /// Strong support for an opening word besides the gazetteer (which the
    /// caller asks): a given name before another word, a capital elsewhere in
    /// the text, a title, a demonym, capitals; "The Bank of England": a head
    /// word before "of"; "White House press secretary": a word and its
    /// organisation or place noun.
    fn strong_lead(&self, pieces: &[Piece], lower: &str) -> bool {
        let p = &pieces[0];
        let w = p.span.of(self.doc.text);
        let next = self.next_word(pieces);
        // The answers at hand first; a given name only before another word.
        p.allcaps
            || self.ev.mid_caps.contains(w)
            || (next.is_some() && kept::is_first_name(w))
            || p.is_title(self.doc.text)
            || cues::is_title_modifier(w)
            || p.is_demonym(self.doc.text)
            || (pieces.len() > 2
                && pieces[1].connector
                && (cues::is_org_head(w) || cues::is_place_head(w)))
            || (pieces.len() == 2
                && next.is_some_and(|n| cues::is_org_suffix(n) || cues::is_place_suffix(n))
                && !is_function_word(lower))
    }

    /// A rare word before a word that is not in the dictionary ("Bola Tinubu").
    fn rare_before_name(&self, pieces: &[Piece], lower: &str) -> bool {
        // The cheapest tests first; the gazetteer last.
        !lower.ends_with('s')
            && !is_adverbish(lower)
            && !self.ev.lower.contains(lower)
            && !kept::is_common_word(lower)
            && self.next_word(pieces).is_some_and(|n| {
                !with_lower(n, lexicon::is_dictionary_word) && kept::place(n).is_none()
            })
    }

    /// A role alone ("the Uzbek Minister of Foreign Affairs, Abdulaziz Komilov,",
    /// "the President of Kazakhstan, Kassym-Jomart Tokayev"): its qualifiers and
    /// a place after it are mentions, and the role waits for the name after a
    /// comma. `None` when something other than a place follows the title.
    fn role_alone(
        &self,
        pieces: &[Piece],
        titles: &Titles,
        out: &mut Vec<Candidate>,
    ) -> Option<PendingRole> {
        let text = self.doc.text;
        let rest = &pieces[titles.end..];
        let mut role_end = titles.end;
        while role_end > titles.start + 1 && pieces[role_end - 1].connector {
            role_end -= 1;
        }
        let role_span = cover(&pieces[..role_end]);
        let rest_place = rest.len() == 1 && rest[0].place(text).is_some();
        if !(rest.is_empty() || rest_place) {
            return None;
        }
        self.push_qualifiers(pieces, titles, out);
        if rest_place {
            out.extend(single(self.doc, self.run, rest, self.ev));
        }
        let end = if rest_place {
            rest[0].span.end
        } else {
            role_span.end
        };
        let role = role_text(cover(&pieces[titles.qualifiers..role_end]), text);
        Some(PendingRole { end, role })
    }

    /// The demonyms and places before a title, each as its own mention.
    fn push_qualifiers(&self, pieces: &[Piece], titles: &Titles, out: &mut Vec<Candidate>) {
        for q in titles.qualifiers(self.doc.text, pieces) {
            out.extend(single(self.doc, self.run, &pieces[q..q + 1], self.ev));
        }
    }

    /// The name left after the titles, labelled, with its role.
    fn name(&self, pieces: &[Piece], role: Option<String>, out: &mut Vec<Candidate>) {
        let text = self.doc.text;
        let words = word_count(pieces);
        let last = pieces[pieces.len() - 1].span.of(text);
        let whole = cover(pieces).of(text);
        // "South Korean prosecutors": a two-word demonym.
        let demonym = match pieces {
            [p] => p.is_demonym(text),
            _ => lexicon::demonym(whole).is_some(),
        };
        if demonym && place_of(whole).is_none() {
            return;
        }
        // "SEE ALSO", "BREAKING NEWS": shouted words.
        if pieces.iter().all(|p| {
            p.connector || (p.allcaps && with_lower(p.span.of(text), kept::is_common_word))
        }) {
            return;
        }
        let mut pieces = pieces;
        while pieces.len() > 1 && is_loose_adjective(pieces[0].span.of(text)) {
            pieces = &pieces[1..];
        }
        let span = cover(pieces);
        let first = pieces[0].span.of(text);
        // "Central Asian", "South African": adjectives, not names.
        if words == 2
            && cues::is_place_head(first)
            && (lexicon::demonym(last).is_some() || last.ends_with("an") || last.ends_with("ese"))
            && !kept::is_first_name(first)
        {
            return;
        }
        if words == 1 {
            self.one_word(pieces, role, out);
            return;
        }
        let name = Name {
            doc: self.doc,
            run: self.run,
            pieces,
            span,
            whole: span.of(text),
            first,
            last,
            words,
            has_role: role.is_some(),
        };
        out.push(Candidate {
            span,
            label: multiword_label(&name),
            role,
            words,
            allcaps: false,
            end_tok: self.run.end_tok,
            first_tok: self.run.first_tok,
        });
    }

    /// A one-word name: a person when a role goes with it and nothing else
    /// labels it.
    fn one_word(&self, pieces: &[Piece], role: Option<String>, out: &mut Vec<Candidate>) {
        // A demonym alone is no name: `name` and `single` leave it out.
        if let Some(mut c) = single(self.doc, self.run, pieces, self.ev) {
            if role.is_some() && c.label.is_none() {
                c.label = Some(EntityLabel::Person);
            }
            c.role = role;
            out.push(c);
        }
    }
}

/// A name of several words, for the labelling rules.
struct Name<'a> {
    doc: &'a Doc<'a>,
    run: &'a Run<'a>,
    pieces: &'a [Piece],
    span: Span,
    whole: &'a str,
    first: &'a str,
    last: &'a str,
    words: usize,
    has_role: bool,
}

impl Name<'_> {
    /// The gazetteer entry of the last word.
    fn last_place(&self) -> Option<lexicon::Place> {
        self.pieces[self.pieces.len() - 1].place(self.doc.text)
    }
}

/// The labelling rules for a name of several words, tried in order; when none
/// applies, [`fallback_label`] decides.
const MULTIWORD_RULES: &[fn(&Name) -> Option<EntityLabel>] = &[
    gazetteer_place,
    org_by_suffix_or_head,
    place_by_suffix_or_head,
    label_from_context,
    club_named_after_city,
    person_by_role_or_given_name,
    org_by_capitals_or_place_word,
];

fn multiword_label(n: &Name) -> Option<EntityLabel> {
    MULTIWORD_RULES
        .iter()
        .find_map(|rule| rule(n))
        .or_else(|| fallback_label(n))
}

/// "New York", "Gulf of Aden": the gazetteer has the whole name (a city's name
/// that ends in an organisation word is the organisation: "Manchester United").
fn gazetteer_place(n: &Name) -> Option<EntityLabel> {
    place_of(n.whole)
        .is_some_and(|p| p.kind != lexicon::PlaceKind::City || !cues::is_org_suffix(n.last))
        .then_some(EntityLabel::Place)
}

/// "Collective Security Treaty Organization", "Ministry of Defence"; a head
/// noun first in French, Spanish, Portuguese, Italian or German ("Banco
/// Central", "Fondation Wikimedia").
fn org_by_suffix_or_head(n: &Name) -> Option<EntityLabel> {
    let text = n.doc.text;
    (cues::is_org_suffix(n.last)
        || n.words >= 2 && cues::is_org_lead(n.first)
        || n.pieces
            .windows(2)
            .any(|x| cues::is_org_head(x[0].span.of(text)) && x[1].connector))
    .then_some(EntityLabel::Org)
}

/// "Red Square", "Lake Baikal", "Gulf of Aden"; a place and a compass point
/// ("Kowloon East", "New Territories West", "Pacific Northwest").
fn place_by_suffix_or_head(n: &Name) -> Option<EntityLabel> {
    let text = n.doc.text;
    let compass = is_compass_point(n.last)
        && n.pieces[..n.pieces.len() - 1].iter().any(|p| {
            let w = p.span.of(text);
            p.place(text).is_some() || cues::is_place_suffix(w)
        });
    (compass
        || cues::is_place_suffix(n.last)
        || cues::is_place_head(n.first) && n.last_place().is_some()
        || cues::is_place_head(n.first) && n.first != "New" && n.pieces.iter().any(|p| p.connector))
    .then_some(EntityLabel::Place)
}

/// The points of the compass, which end names of regions and districts.
fn is_compass_point(w: &str) -> bool {
    matches!(
        w,
        "North" | "South" | "East" | "West" | "Northeast" | "Northwest" | "Southeast" | "Southwest"
    )
}

/// "the Georgian Dream party", "the island of Rhodes".
fn label_from_context(n: &Name) -> Option<EntityLabel> {
    context_label(n.doc, n.run, n.span)
}

/// "Real Madrid", "Inter Miami": a club named after its city, by a word of the
/// language or an abbreviation ("AC Milan"); an unknown word before a city is a
/// given name ("Valeska Paris").
fn club_named_after_city(n: &Name) -> Option<EntityLabel> {
    // Two words ending in a city first: most names are not, and the word
    // lists are not asked.
    let city_last = !n.has_role
        && n.words == 2
        && n.last_place()
            .is_some_and(|p| p.kind == lexicon::PlaceKind::City);
    let known_first = || {
        n.pieces[0].allcaps
            || with_lower(n.first, |lower| {
                kept::is_common_word(lower) || lexicon::is_dictionary_word(lower)
            })
    };
    (city_last
        && known_first()
        && !kept::is_first_name(n.first)
        && !n.pieces[0].is_demonym(n.doc.text))
    .then_some(EntityLabel::Org)
}

/// "President Kassym-Jomart Tokayev", "Margarita Simonyan".
fn person_by_role_or_given_name(n: &Name) -> Option<EntityLabel> {
    (n.has_role || kept::is_first_name(n.first)).then_some(EntityLabel::Person)
}

/// "BBC News", "Kazakhstan Airlines", "Russian Railways"; a body named after
/// its country ("Environment Canada", "Statistics Norway").
fn org_by_capitals_or_place_word(n: &Name) -> Option<EntityLabel> {
    let country_last = n.words == 2
        && n.last_place()
            .is_some_and(|p| p.kind == lexicon::PlaceKind::Country)
        && !kept::is_first_name(n.first);
    (n.pieces.iter().any(|p| p.allcaps)
        || country_last
        || n.pieces[0].place(n.doc.text).is_some()
        || n.pieces[0].is_demonym(n.doc.text))
    .then_some(EntityLabel::Org)
}

/// What capitals alone say: nothing in German, which capitalizes every noun;
/// otherwise a person when no word of it is a common word, else an organisation.
fn fallback_label(n: &Name) -> Option<EntityLabel> {
    if strict_capitals(n.doc) {
        return None;
    }
    let text = n.doc.text;
    let uncommon = n
        .pieces
        .iter()
        .all(|p| p.connector || !with_lower(p.span.of(text), kept::is_common_word));
    Some(if uncommon {
        EntityLabel::Person
    } else {
        EntityLabel::Org
    })
}

/// Cuts a run where one name ends and another begins: at "and" in a list
/// ("Tajikistan and Kyrgyzstan", but not "Competition and Markets Authority"), and
/// between an organisation and a title ("European Commission | President Ursula von der Leyen").
/// The parts replace what `out` held.
fn split_run(text: &str, pieces: &[Piece], out: &mut Vec<Range<usize>>) {
    let is_and = |p: &Piece| p.connector && matches!(p.span.of(text), "and" | "&");
    // Asked only of a run with an "and" in it.
    let keep_and = pieces.iter().any(is_and) && keeps_and(text, pieces);
    // Every part is a stretch of the run's pieces: they are not copied.
    out.clear();
    let mut cut = |r: Range<usize>| {
        if r.is_empty() {
            return;
        }
        let part = &pieces[r.clone()];
        match title_cut(text, part).or_else(|| place_then_person_cut(text, part)) {
            Some(c) => {
                out.push(r.start..r.start + c);
                out.push(r.start + c..r.end);
            }
            None => out.push(r),
        }
    };
    let mut start = 0;
    for (i, p) in pieces.iter().enumerate() {
        if is_and(p) && !keep_and {
            cut(start..i);
            start = i + 1;
        }
    }
    cut(start..pieces.len());
    for r in out.iter_mut() {
        while r.start < r.end && pieces[r.start].connector {
            r.start += 1;
        }
        while r.end > r.start && pieces[r.end - 1].connector {
            r.end -= 1;
        }
    }
    out.retain(|r| !r.is_empty());
}

/// Whether "and" inside the run joins one name: "Competition and Markets
/// Authority" is one, "Gazprom and China National Petroleum Corporation" two.
fn keeps_and(text: &str, pieces: &[Piece]) -> bool {
    let w = |p: &Piece| p.span.of(text);
    let last = w(&pieces[pieces.len() - 1]);
    let whole = cover(pieces).of(text);
    let org_of = pieces.windows(2).any(|x| {
        cues::is_org_head(w(&x[0])) && x[1].connector && matches!(w(&x[1]), "of" | "for" | "on")
    });
    let before_and = pieces
        .iter()
        .position(|p| p.connector && matches!(w(p), "and" | "&"))
        .and_then(|i| i.checked_sub(1))
        .map(|i| w(&pieces[i]).to_lowercase());
    let joined_words = before_and
        .as_deref()
        .is_some_and(lexicon::is_dictionary_word);
    place_of(whole).is_some() || (cues::is_org_suffix(last) && joined_words) || org_of
}

/// Where a title (and its modifiers) begins after something that is not a
/// demonym or a place, with a name after it: the run splits there.
fn title_cut(text: &str, part: &[Piece]) -> Option<usize> {
    let w = |p: &Piece| p.span.of(text);
    let t = part.iter().position(|p| !p.connector && p.is_title(text));
    let mut c = t.unwrap_or(0);
    while c > 0 && cues::is_title_modifier(w(&part[c - 1])) && !part[c - 1].connector {
        c -= 1;
    }
    let qualifier = |p: &Piece| p.is_demonym(text) || p.place(text).is_some();
    let prefix_is_qualifier = part[..c].iter().all(qualifier)
        || (c == 2 && lexicon::demonym(cover(&part[..2]).of(text)).is_some());
    let name_after = t.is_some_and(|t| {
        part[t + 1..]
            .iter()
            .any(|p| !p.connector && !p.is_title(text) && !cues::is_title_modifier(w(p)))
    });
    (c > 0 && !prefix_is_qualifier && name_after).then_some(c)
}

/// "Governor of Washington Chris Gregoire": a place, then a given name with a
/// word after it; the run splits before the given name.
fn place_then_person_cut(text: &str, part: &[Piece]) -> Option<usize> {
    let w = |p: &Piece| p.span.of(text);
    (1..part.len().saturating_sub(1)).find(|&i| {
        let p = &part[i];
        !p.connector
            && !part[i - 1].connector
            && !part[i + 1].connector
            && part[i - 1].place(text).is_some()
            && place_of(cover(&part[..=i]).of(text)).is_none()
            && kept::is_first_name(w(p))
            && p.place(text).is_none()
    })
}

/// A one-word candidate; its label may stay open for resolution.
fn single(doc: &Doc, run: &Run, pieces: &[Piece], ev: &Evidence) -> Option<Candidate> {
    let text = doc.text;
    let p = &pieces[0];
    let w = p.span.of(text);
    if cues::is_never_name(w)
        || cues::is_people_or_faith(w)
        || (p.allcaps && (is_roman_numeral(w) || is_model_code(w)))
        || p.is_title(text)
        || cues::is_title_modifier(w) && !p.allcaps && p.place(text).is_none()
    {
        return None;
    }
    // Without its final s only when it has one: else the same lookup again.
    let plural_demonym = || w.ends_with('s') && lexicon::demonym(w.trim_end_matches('s')).is_some();
    if (p.is_demonym(text) || plural_demonym()) && p.place(text).is_none() {
        return None;
    }
    if p.allcaps && with_lower(w, kept::is_common_word) {
        return None;
    }
    let label = if p.place(text).is_some() || matches!(w, "West" | "East" | "Arctic" | "Antarctic")
    {
        Some(EntityLabel::Place)
    } else if let Some(l) = context_label(doc, run, p.span) {
        Some(l)
    } else if !p.allcaps && before_its_region(doc, run, p.span) && !kept::is_first_name(w) {
        Some(EntityLabel::Place)
    } else if !p.allcaps
        && with_lower(w, |lower| {
            ev.lower.contains(lower)
                || kept::is_common_word(lower)
                || lower.ends_with('s') && kept::is_common_word(lower.trim_end_matches('s'))
        })
    {
        // "Updates", "Parliament": a common noun written with a capital.
        if cues::is_org_suffix(w) && !with_lower(w, |lower| ev.lower.contains(lower)) {
            Some(EntityLabel::Org)
        } else {
            return None;
        }
    } else {
        None
    };
    Some(Candidate {
        span: p.span,
        label,
        role: None,
        words: 1,
        allcaps: p.allcaps,
        end_tok: run.end_tok,
        first_tok: run.first_tok,
    })
}

/// "XVII", "IV": a Roman numeral of two letters or more, a part or a rank, not a name.
fn is_roman_numeral(w: &str) -> bool {
    w.len() >= 2 && w.len() <= 6 && w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X' | b'L'))
}

/// "IE6", "A320", "G7", "MP3": one or two capitals then digits, a model or version
/// code, not an organisation (an acronym with a digit inside, "M5S", stays).
fn is_model_code(w: &str) -> bool {
    let letters = w.bytes().take_while(u8::is_ascii_uppercase).count();
    (1..=2).contains(&letters)
        && w.len() > letters
        && w.bytes().skip(letters).all(|b| b.is_ascii_digit())
}

/// Whether the language capitalizes common nouns (German), so that an unknown
/// capitalized word is no evidence of a name.
pub fn strict_capitals(doc: &Doc) -> bool {
    doc.language
        .is_some_and(|l| l == "de" || l.starts_with("de-"))
}

/// A label from the words around: "the Zaporizhzhia region", "the island of Rhodes",
/// "the Georgian Dream party". `span` is words of `run`.
fn context_label(doc: &Doc, run: &Run, span: Span) -> Option<EntityLabel> {
    let toks = &doc.seg.tokens;
    let i = token_in_run(doc, run.first_tok, run.end_tok, span.end);
    let j = token_in_run(doc, run.first_tok, run.end_tok, span.start);
    let word = |k: usize| {
        toks.get(k)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.span.of(doc.text))
    };
    if let Some(n) = word(i) {
        if cues::is_place_noun(n) {
            return Some(EntityLabel::Place);
        }
        if cues::is_org_noun(n) {
            return Some(EntityLabel::Org);
        }
    }
    let of = j.checked_sub(1).and_then(word);
    let head = j.checked_sub(2).and_then(word);
    if of == Some("of")
        && head.is_some_and(|h| cues::is_place_noun(h) && h != "state" && h != "border")
    {
        return Some(EntityLabel::Place);
    }
    None
}

/// "Mecca, Saudi Arabia.", "Irving, Texas, ...": a word written before a comma
/// and a country or region that ends the phrase is a town there. `span` is
/// words of `run`.
fn before_its_region(doc: &Doc, run: &Run, span: Span) -> bool {
    let toks = &doc.seg.tokens;
    let i = token_in_run(doc, run.first_tok, run.end_tok, span.end);
    if toks.get(i).is_none_or(|t| t.span.of(doc.text) != ",") {
        return false;
    }
    // The region may have up to three words ("Saudi Arabia", "New South Wales").
    (i + 2..=i + 4).any(|end| {
        let (Some(first), Some(last)) = (toks.get(i + 1), toks.get(end - 1)) else {
            return false;
        };
        let region = &doc.text[first.span.start..last.span.end];
        let ends = toks
            .get(end)
            .is_none_or(|t| t.kind == TokenKind::Punct && t.span.of(doc.text) != "-");
        ends && place_of(region).is_some_and(|p| {
            matches!(
                p.kind,
                lexicon::PlaceKind::Country | lexicon::PlaceKind::Region
            )
        })
    })
}

/// "press secretary" in "White House press secretary Jen Psaki".
fn lowercase_role(doc: &Doc, first_tok: usize) -> Option<String> {
    let toks = &doc.seg.tokens;
    let prev = first_tok.checked_sub(1).map(|i| toks[i])?;
    let w = prev.span.of(doc.text);
    if prev.kind != TokenKind::Word || !cues::is_role_noun(w) {
        return None;
    }
    let mut span = prev.span;
    if let Some(pp) = first_tok.checked_sub(2).map(|i| toks[i]) {
        let pw = pp.span.of(doc.text);
        if pp.kind == TokenKind::Word
            && pp.sentence == prev.sentence
            && pw.chars().all(|c| c.is_lowercase() || c == '-')
            && !is_function_word(pw)
            && !cues::is_role_noun_stop(pw)
        {
            span = pp.span.cover(span);
        }
    }
    Some(span.of(doc.text).to_string())
}

/// Labels headline runs only where the body or the gazetteer knows the name.
pub fn headline<'r>(
    doc: &Doc,
    runs: impl Iterator<Item = Run<'r>>,
    known: &HashMap<&str, EntityLabel>,
) -> Vec<Candidate> {
    let text = doc.text;
    let mut out = Vec::new();
    for run in runs {
        let ps: Vec<&Piece> = run.pieces.iter().filter(|p| !p.connector).collect();
        let mut j = 0;
        while j < ps.len() {
            let mut matched = false;
            for end in (j + 1..=ps.len()).rev() {
                let span = ps[j].span.cover(ps[end - 1].span);
                let t = span.of(text);
                let label = known
                    .get(t)
                    .copied()
                    .or_else(|| place_of(t).map(|_| EntityLabel::Place));
                if let Some(label) = label {
                    out.push(Candidate {
                        span,
                        label: Some(label),
                        role: None,
                        words: end - j,
                        allcaps: end - j == 1 && ps[j].allcaps,
                        end_tok: run.end_tok,
                        first_tok: run.first_tok,
                    });
                    j = end;
                    matched = true;
                    break;
                }
            }
            if !matched {
                j += 1;
            }
        }
    }
    out
}
