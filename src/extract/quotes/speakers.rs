//! Speakers: the noun phrase a cue names, cut to the name.

use super::lexicon::{
    has, honorific_dot, inverted_pronoun, is_particle, is_person_like, is_plural_noun, is_pronoun,
    is_say, is_title, is_weekday,
};
use super::reading::{NameCase, Reading};
use super::sets::{
    NON_PERSON_HEADS, PHRASE_BREAKS, ROLE_NOUNS, SENTENCE_STARTERS, SPEAKER_ARTICLES,
    SPEAKER_OPENERS, SPEAKER_STOPS,
};
use crate::text::{Span, TokenKind};

/// Who a quote is attributed to, as the article names them there, and
/// where: "Ned Price", "he", "the department".
#[derive(Clone, Debug)]
pub(super) struct Speaker {
    /// The name as written, or as lengthened and resolved.
    pub(super) name: String,
    /// Where the speaker is named for the quote.
    pub(super) span: Span,
    /// Whether `name` is person-like ([`is_person_like`]), where the phrase
    /// rules that found it asked or know (`None` where they do not): the
    /// name is judged again when it is resolved.
    pub(super) person_like: Option<bool>,
}

impl Speaker {
    /// The speaker `name`, named at `span`.
    pub(super) fn new(name: &str, span: Span) -> Speaker {
        Speaker {
            name: name.to_string(),
            span,
            person_like: None,
        }
    }

    /// Whether the name is person-like ([`is_person_like`]), asked only
    /// where the phrase rules did not.
    pub(super) fn is_person_like(&self) -> bool {
        self.person_like
            .unwrap_or_else(|| is_person_like(&self.name))
    }
}

/// A speaker as the phrase rules find it: the name borrowed from the text
/// (or a pronoun an inverted verb holds), copied only where a speaker is kept.
#[derive(Clone, Copy, Debug)]
pub(super) struct Named<'a> {
    /// The name as written.
    pub(super) name: &'a str,
    /// Where the speaker is named.
    pub(super) span: Span,
}

impl<'a> Named<'a> {
    /// The speaker named by the words of `span` in `text`.
    fn of(text: &'a str, span: Span) -> Named<'a> {
        Named {
            name: span.of(text),
            span,
        }
    }
}

impl From<Named<'_>> for Speaker {
    fn from(n: Named<'_>) -> Speaker {
        Speaker::new(n.name, n.span)
    }
}

/// A noun phrase after a cue, up to word `end`: "said Ned Price, spokesman"
/// gives "Ned Price", "fügte er hinzu" gives "er".
pub(super) fn np_after(rd: &Reading, start: usize, end: usize) -> Option<Speaker> {
    let first = rd.get(start).filter(|_| start < end)?;
    if is_pronoun(&first.lower) {
        return Some(Speaker::new(first.text, first.span));
    }
    let e = phrase_end_after(rd, start, end);
    if e == start || !can_open_speaker(rd, start, e) {
        return None;
    }
    let found = np_speaker(rd, start, e)?;
    if !found.is_person_like() && rd.is(e, ",") {
        if let Some(n) = apposed_name(rd, e, end) {
            return Some(n);
        }
    }
    Some(found)
}

/// Where the noun phrase starting at `start` after a cue ends: at
/// punctuation, a conjunction or preposition, a time phrase ("during",
/// "am Montag", a weekday) or another cue, within ten words.
fn phrase_end_after(rd: &Reading, start: usize, end: usize) -> usize {
    let mut e = start;
    while e < end && e - start < 10 {
        if honorific_dot(rd, e, start) {
            e += 1;
            continue;
        }
        let t = &rd[e];
        let lw = t.lower.as_str();
        if !t.is_word() || e > start && has(&PHRASE_BREAKS, lw) && !t.is_cap() {
            break;
        }
        if e > start
            && (!t.is_cap() && (has(&SPEAKER_STOPS, lw) || is_say(rd, e)) || is_weekday(lw))
        {
            break;
        }
        e += 1;
    }
    e
}

/// Whether the phrase `start..e` after a cue can name a speaker: it opens
/// with a capital, a determiner, a pronoun, a role or a plural, or ends
/// with a name ("said taxi driver Chinedu Okafor").
fn can_open_speaker(rd: &Reading, start: usize, e: usize) -> bool {
    let first = &rd[start];
    let l = first.lower.as_str();
    first.is_cap()
        || has(&SPEAKER_OPENERS, l)
        || is_pronoun(l)
        || has(&ROLE_NOUNS, l)
        || is_plural_noun(l)
        || rd[e - 1].is_cap()
}

/// "said the mayor, Anne Hidalgo": a person's name in apposition after the
/// comma at word `comma`, ending the clause.
fn apposed_name(rd: &Reading, comma: usize, end: usize) -> Option<Speaker> {
    let mut f = comma + 1;
    while f < end && (rd[f].is_cap() || is_particle(&rd[f].lower)) {
        f += 1;
    }
    if f > comma + 1 && (f == end || rd[f].kind == TokenKind::Punct) {
        np_speaker(rd, comma + 1, f).filter(Speaker::is_person_like)
    } else {
        None
    }
}

/// The speaker named by the noun phrase `a..b`: its trailing name cut after
/// titles, a pronoun, or the phrase itself without its article.
pub(super) fn np_speaker(rd: &Reading, a: usize, b: usize) -> Option<Speaker> {
    judged_np_speaker(rd, a, b).map(|(named, person_like)| Speaker {
        person_like,
        ..named.into()
    })
}

/// [`np_speaker`], not yet copied, with whether the speaker's name is
/// person-like ([`is_person_like`]) where its rules asked or know (`None`
/// where they do not), for a caller that asks too.
pub(super) fn judged_np_speaker<'a>(
    rd: &Reading<'a>,
    a: usize,
    b: usize,
) -> Option<(Named<'a>, Option<bool>)> {
    let mut a = a;
    while a < b && has(&SPEAKER_ARTICLES, rd[a].lower.as_str()) {
        a += 1;
    }
    if a >= b {
        return None;
    }
    let last = &rd[b - 1];
    // One word (most capitalized runs), a pronoun among them, is the speaker
    // as written, no title to cut, no "of" to read, and never person-like;
    // but a French inversion ("a-t-il ajouté", "dit-elle") is its pronoun (no
    // pronoun has a hyphen: a test checks the list).
    if b - a == 1 {
        let name = match inverted_pronoun(&last.lower) {
            Some((_, pronoun)) => Named {
                name: pronoun,
                span: last.span,
            },
            None => Named::of(rd.text, last.span),
        };
        return Some((name, Some(false)));
    }
    // "Marieke Jansen of ING": the name before "of"; "Federation of German Taxpayers": all of it.
    if let Some(p) = (a + 1..b).find(|&p| rd.is(p, "of")) {
        let h = &rd[p - 1];
        if h.is_cap() && has(&NON_PERSON_HEADS, h.lower.as_str()) && last.is_cap() {
            let span = Span::new(rd[a].span.start, rd[b - 1].span.end);
            return Some((Named::of(rd.text, span), None));
        }
        if h.is_cap() && !is_title(&h.lower) && !has(&NON_PERSON_HEADS, h.lower.as_str()) {
            if let Some(found) = trailing_name(rd, a, p) {
                if is_person_like(found.name) {
                    return Some((found, Some(true)));
                }
            }
        }
    }
    if last.is_cap() && !last.lower.ends_with("'s") {
        if let Some(found) = trailing_name(rd, a, b) {
            let like = is_person_like(found.name);
            if like || !has_role_head(rd, a, b) {
                return Some((found, Some(like)));
            }
        }
    }
    // "the request of Kazakh President Tokayev": the name after "of".
    if let Some(p) = (a + 1..b).find(|&p| rd.is(p, "of")) {
        if !has_role_head(rd, a, b) && p + 1 < b {
            return judged_np_speaker(rd, p + 1, b);
        }
    }
    // A common noun phrase: "Kazakh officials", "the foreign ministry", "a resident of Ukraine".
    let span = Span::new(rd[a].span.start, rd[b - 1].span.end);
    Some((Named::of(rd.text, span), None))
}

/// Whether the phrase `a..b` is a name alone: capitalized words (not
/// weekdays or sentence starters), honorific periods and particles.
pub(super) fn is_name_only(rd: &Reading, a: usize, b: usize) -> bool {
    let mut caps = 0;
    for k in a..b {
        let t = &rd[k];
        if t.is_cap() && !is_weekday(&t.lower) && !has(&SENTENCE_STARTERS, t.lower.as_str()) {
            caps += 1;
        } else if !honorific_dot(rd, k, a) && !is_particle(&t.lower) {
            return false;
        }
    }
    caps > 0
}

/// Whether the phrase `a..b` is headed by a role or group before a
/// preposition: "a resident of Ukraine", "Activists in Kazakhstan".
fn has_role_head(rd: &Reading, a: usize, b: usize) -> bool {
    (a + 1..b)
        .find(|&p| matches!(rd[p].lower.as_str(), "of" | "in" | "from" | "at" | "for"))
        .is_some_and(|p| {
            let h = rd[p - 1].lower.as_str();
            has(&ROLE_NOUNS, h) || is_plural_noun(h) || has(&NON_PERSON_HEADS, h) || is_title(h)
        })
}

/// The trailing run of capitalized words of `a..b`, cut after titles.
fn trailing_name<'a>(rd: &Reading<'a>, a: usize, b: usize) -> Option<Named<'a>> {
    let mut s = b - 1;
    let mut of_at = None;
    while s > a {
        let p = &rd[s - 1];
        // "Secretary of State Antony Blinken"
        let title_of = p.lower == "of" && s >= 2 && is_title(&rd[s - 2].lower) && s - 1 > a;
        if title_of {
            of_at = Some(s - 1);
        }
        // Most words of a name are capitalized: the list lookups come last.
        if (p.is_cap() && !p.lower.ends_with("'s"))
            || title_of
            || honorific_dot(rd, s - 1, 0)
            || (is_particle(&p.lower) && (s - 1 == a || rd[s - 2].is_cap()))
        {
            s -= 1;
        } else {
            break;
        }
    }
    // Cut after the last title (a title may also be a surname: "Catherine King").
    let mut n = s;
    for k in s..b - 1 {
        if rd[k].text == "." || is_title(&rd[k].lower) {
            n = k + 1;
        }
    }
    if let Some(o) = of_at {
        // The title's complement ("of State") runs into the name: keep two words.
        if n <= o + 1 && b >= o + 4 {
            n = b - 2;
        }
    }
    if n < b {
        s = n;
    }
    // Drop sentence starters ("Meanwhile China").
    while s + 1 < b && has(&SENTENCE_STARTERS, rd[s].lower.as_str()) {
        s += 1;
    }
    let span = Span::new(rd[s].span.start, rd[b - 1].span.end);
    Some(Named::of(rd.text, span))
}
