//! Attribution cues: the speech verb of a quote and the speaker it names.
//!
//! [`attribution_at`] tries one pattern after another around a cue word:
//! "according to X"; a French inversion ("explique-t-elle"); a participle
//! ("saying"); the subject before the cue (with a relative clause, or
//! without the words a sentence opens with); and when nothing names a
//! subject there, the antecedent of "who", an apposition, an inverted cue
//! (`said Ned Price`), the speaker of an earlier cue, the subject of a
//! coordinated verb, and the dropped subject of Spanish or Italian.

use super::lexicon::{
    has, honorific_dot, inverted_pronoun, is_according, is_cue, is_particle, is_plural_noun,
    is_pronoun, is_say, is_weekday,
};
use super::reading::{NameCase, Reading};
use super::sets::{
    COORDINATORS, NON_PERSON_HEADS, PHRASE_BREAKS, PRO_DROP_CUES, ROLE_NOUNS, SENTENCE_STARTERS,
    SKIPPED_NEAR_CUE,
};
use super::speakers::{is_name_only, np_after, np_speaker, Speaker};
use super::Attr;
use crate::text::{with_lower, Word};

/// The attribution of cue token `c`, looking no further left than `left`.
/// `fallback` is the speaker of an earlier cue of the sentence, for
/// coordinated verbs ("expressed ... and added").
pub(super) fn attribution_at(
    rd: &Reading,
    c: usize,
    left: usize,
    fallback: Option<Speaker>,
) -> Attr {
    let (sa, se) = rd.bounds(rd[c].sentence);
    let cue = Cue {
        rd,
        at: c,
        lower: &rd[c].lower,
        sa,
        se,
        left: left.max(sa),
    };
    Attr {
        cue: c,
        speaker: cue.speaker(fallback),
    }
}

/// The name cue `c` credits, looking no further left than `left`, unless it
/// is a pronoun: who gives a sentence's figures ("the Interior Ministry said").
pub(crate) fn credited_name(rd: &Reading, c: usize, left: usize) -> Option<String> {
    let speaker = attribution_at(rd, c, left, None).speaker?;
    (!with_lower(&speaker.name, is_pronoun)).then_some(speaker.name)
}

/// The speaker of the nearest cue before `c` in the sentence (for "X expressed ... and added: ...").
pub(super) fn sentence_cue_speaker(
    rd: &Reading,
    sa: usize,
    c: usize,
    in_other: &dyn Fn(usize) -> bool,
) -> Option<Speaker> {
    // Left to right, each cue falling back on the speaker of the one before.
    let mut last = None;
    for p in sa..c {
        if !is_cue(rd, p) || in_other(p) {
            continue;
        }
        let a = attribution_at(rd, p, sa, last.clone());
        if a.speaker.is_some() {
            last = a.speaker;
        }
    }
    last
}

/// A cue word in its sentence.
struct Cue<'r, 'a> {
    rd: &'r Reading<'a>,
    /// The cue word.
    at: usize,
    /// Its lower case.
    lower: &'r str,
    /// The first and end word of its sentence.
    sa: usize,
    se: usize,
    /// The first word its subject may start at.
    left: usize,
}

impl Cue<'_, '_> {
    /// The speaker the cue names: the first pattern that applies.
    fn speaker(&self, fallback: Option<Speaker>) -> Option<Speaker> {
        if is_according(self.lower) {
            return self.according_to();
        }
        if let Some((_, pronoun)) = inverted_pronoun(self.lower) {
            return Some(Speaker::new(pronoun, self.rd[self.at].span));
        }
        if self.lower.ends_with("ing") {
            return self.participle(fallback);
        }
        let (a, end) = self.phrase_before();
        if a < end {
            return self.subject(a, end);
        }
        self.without_subject(a, fallback)
    }

    /// "according to X", "selon X", "laut X", "según X": the phrase after.
    fn according_to(&self) -> Option<Speaker> {
        let start = if self.lower == "according" {
            self.at + 2
        } else {
            self.at + 1
        };
        np_after(self.rd, start, self.se)
    }

    /// A participle ("citing", "arguing") modifies the noun before it: its
    /// speaker is the clause's, given by an earlier cue, or else the
    /// sentence's subject after a comma ("Karamanlis resigned, saying ...").
    fn participle(&self, fallback: Option<Speaker>) -> Option<Speaker> {
        let (rd, c, sa) = (self.rd, self.at, self.sa);
        fallback.or_else(|| {
            let comma_before = c > sa && rd[c - 1].text == ",";
            comma_before.then(|| sentence_subject(rd, sa, c)).flatten()
        })
    }

    /// The noun phrase right before the cue, as its first and end word
    /// (empty when there is none), after stepping back over adverbs,
    /// auxiliaries and a weekday ("also said", "on Monday said").
    fn phrase_before(&self) -> (usize, usize) {
        let rd = self.rd;
        let mut end = self.skip_back_adverbials();
        let mut a = end;
        while a > self.left && end - a < 10 {
            let t = &rd[a - 1];
            if honorific_dot(rd, a - 1, 0) {
                a -= 1;
                continue;
            }
            if !is_postmodifier(rd, a, end) && ends_phrase(t) {
                if !is_adverbial(rd, a, end) {
                    break;
                }
                a -= 1;
                end = a;
                continue;
            }
            if is_cue(rd, a - 1) && !is_relative_verb(rd, a, end) {
                break;
            }
            a -= 1;
        }
        (a, end)
    }

    /// The word before which the subject ends: the cue, less the adverbs,
    /// auxiliaries and weekdays before it.
    fn skip_back_adverbials(&self) -> usize {
        let (rd, left) = (self.rd, self.left);
        let mut k = self.at;
        while k > left && has(&SKIPPED_NEAR_CUE, &rd[k - 1].lower) && !rd[k - 1].is_cap() {
            k -= 1;
        }
        while k > left && rd[k - 1].is_cap() && is_weekday(&rd[k - 1].lower) {
            k -= 1;
            if k > left && rd.is(k - 1, "on") {
                k -= 1;
            }
        }
        k
    }

    /// The speaker named by the subject `a..end` before the cue.
    fn subject(&self, a: usize, end: usize) -> Option<Speaker> {
        if let Some(h) = self.relative_clause_head(a) {
            return np_speaker(self.rd, h, end);
        }
        np_speaker(self.rd, self.skip_starters(a, end), end)
    }

    /// "The company that maintained the bridge said": where the noun before
    /// a relative clause starts, when the phrase `a..` is that clause.
    fn relative_clause_head(&self, a: usize) -> Option<usize> {
        let rd = self.rd;
        let relative = a >= 2
            && matches!(rd[a - 1].lower.as_str(), "that" | "which" | "who")
            && rd[a].lower.ends_with("ed")
            && !rd[a].is_cap();
        if !relative {
            return None;
        }
        let mut h = a - 1;
        while h > self.left
            && h + 4 > a
            && rd[h - 1].is_word()
            && !has(&PHRASE_BREAKS, &rd[h - 1].lower)
            && !is_say(rd, h - 1)
        {
            h -= 1;
        }
        (h < a - 1).then_some(h)
    }

    /// The start of the subject `a..end` without the words a subject does
    /// not start with ("Separately", "However"); articles stay.
    fn skip_starters(&self, mut a: usize, end: usize) -> usize {
        let rd = self.rd;
        while a < end
            && has(&SENTENCE_STARTERS, &rd[a].lower)
            && a + 1 < end
            && !matches!(rd[a].lower.as_str(), "the" | "a" | "an")
        {
            a += 1;
        }
        a
    }

    /// The speaker when no noun phrase comes right before the cue, which is
    /// at word `a`, after the word `stop`.
    fn without_subject(&self, a: usize, fallback: Option<Speaker>) -> Option<Speaker> {
        let stop = self.rd.get(a.wrapping_sub(1)).filter(|_| a > 0);
        if let Some((b, e)) = self.antecedent(a, stop) {
            return np_speaker(self.rd, b, e);
        }
        self.apposition_before(a, stop)
            .or_else(|| self.inverted(a, stop))
            .or(fallback)
            .or_else(|| self.coordinated(stop))
            .or_else(|| self.dropped_subject())
    }

    /// "Tokayev, who has accused": the antecedent of "who" before its comma.
    fn antecedent(&self, a: usize, stop: Option<&Word>) -> Option<(usize, usize)> {
        let rd = self.rd;
        let relative = stop.is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "who" | "which" | "qui" | "der" | "die" | "que" | "quien"
            )
        });
        if !(relative && a >= 2 && rd[a - 2].text == ",") {
            return None;
        }
        let e = a - 2;
        let mut b = e;
        while b > self.left
            && rd[b - 1].is_word()
            && !has(&PHRASE_BREAKS, &rd[b - 1].lower)
            && e - b < 8
        {
            b -= 1;
        }
        (b < e).then_some((b, e))
    }

    /// An apposition: "One of these activists, Alnour Iliachev, told AFP".
    fn apposition_before(&self, a: usize, stop: Option<&Word>) -> Option<Speaker> {
        if stop.is_some_and(|t| t.text == ",") {
            apposition(self.rd, self.left, a - 1)
        } else {
            None
        }
    }

    /// An inverted cue: `," said Ned Price`, `announced the president of ...`,
    /// when the cue opens the clause.
    fn inverted(&self, a: usize, stop: Option<&Word>) -> Option<Speaker> {
        let rd = self.rd;
        let opens = a == self.left || stop.is_some_and(|t| matches!(t.text, "," | "\"" | "-"));
        if !opens {
            return None;
        }
        let mut b = self.at + 1;
        while b < self.se
            && (has(&SKIPPED_NEAR_CUE, &rd[b].lower) || rd[b].is_cap() && is_weekday(&rd[b].lower))
        {
            b += 1;
        }
        np_after(rd, b, self.se)
    }

    /// The subject at the sentence's start for a coordinated verb: "Borrell
    /// expressed ... and added".
    fn coordinated(&self, stop: Option<&Word>) -> Option<Speaker> {
        if stop.is_some_and(|t| has(&COORDINATORS, &t.lower)) {
            sentence_subject(self.rd, self.sa, self.at)
        } else {
            None
        }
    }

    /// A dropped subject: `"...", dijo.` speaks of the last person named,
    /// resolved later like "él".
    fn dropped_subject(&self) -> Option<Speaker> {
        let rd = self.rd;
        let sentence = rd[self.at].sentence;
        let ends = rd
            .get(self.at + 1)
            .is_none_or(|t| t.sentence != sentence || matches!(t.text, "." | "!" | "?"));
        (ends && has(&PRO_DROP_CUES, self.lower)).then(|| Speaker::new("él", rd[self.at].span))
    }
}

/// Whether the word before `a` ends a noun phrase walked back from a cue:
/// punctuation, or a lower-case conjunction, preposition or relative.
fn ends_phrase(t: &Word) -> bool {
    !t.is_word() || has(&PHRASE_BREAKS, &t.lower) && !t.is_cap()
}

/// "Activists in Kazakhstan said": the preposition before `a` opens a place
/// after a plural, a role or an organisation, inside the phrase.
fn is_postmodifier(rd: &Reading, a: usize, end: usize) -> bool {
    matches!(rd[a - 1].lower.as_str(), "in" | "from" | "at")
        && a >= 2
        && a < end
        && (has(&ROLE_NOUNS, &rd[a - 2].lower)
            || has(&NON_PERSON_HEADS, &rd[a - 2].lower)
            || is_plural_noun(&rd[a - 2].lower))
}

/// "France on the other hand has urged": the preposition before `a` opens
/// a lower-case adverbial phrase after a name, to be stepped over.
fn is_adverbial(rd: &Reading, a: usize, end: usize) -> bool {
    matches!(rd[a - 1].lower.as_str(), "on" | "in" | "at" | "for" | "by")
        && a < end
        && (a..end).all(|j| !rd[j].is_cap())
        && a >= 2
        && rd[a - 2].is_cap()
}

/// Whether the cue before `a` is the verb of a relative clause inside the
/// phrase: "the company that maintained the bridge said".
fn is_relative_verb(rd: &Reading, a: usize, end: usize) -> bool {
    a >= 2 && matches!(rd[a - 2].lower.as_str(), "that" | "which" | "who") && a < end
}

/// The subject at the start of the sentence beginning at token `sa`, when
/// it is a noun phrase before the verb: "Borrell expressed ... and added",
/// "The former president's lawyer, Celso Vilardi, called ...".
pub(super) fn sentence_subject(rd: &Reading, sa: usize, c: usize) -> Option<Speaker> {
    let e = subject_end(rd, sa, c);
    if e == sa {
        return None;
    }
    // "The former president's lawyer, Celso Vilardi, called ... and said".
    if rd.is(e, ",") {
        let mut f = e + 1;
        while f < c && rd[f].text != "," {
            f += 1;
        }
        if f < c && f > e + 1 && is_name_only(rd, e + 1, f) {
            return np_speaker(rd, e + 1, f);
        }
    }
    np_speaker(rd, sa, e)
}

/// Where the noun phrase opening the sentence at `sa` ends, before `c`.
fn subject_end(rd: &Reading, sa: usize, c: usize) -> usize {
    let mut e = sa;
    let mut seen_cap = false;
    while e < c && e - sa < 8 {
        let t = &rd[e];
        let dot = honorific_dot(rd, e, sa);
        // After a name, a lower-case word is the verb: "The European Central Bank left".
        if seen_cap && !t.is_cap() && !dot && !is_particle(&t.lower) && t.lower != "of" {
            break;
        }
        if t.is_cap() && !has(&SENTENCE_STARTERS, &t.lower) {
            seen_cap = true;
        }
        if !dot && (!t.is_word() || is_verb_or_break(rd, sa, e)) {
            break;
        }
        e += 1;
    }
    e
}

/// Whether word `e` cannot be part of a sentence's opening noun phrase: a
/// conjunction or preposition, an adverb or auxiliary, a cue, or a
/// lower-case verb ("-ed", or "-s" after a name).
fn is_verb_or_break(rd: &Reading, sa: usize, e: usize) -> bool {
    let t = &rd[e];
    has(&PHRASE_BREAKS, &t.lower)
        || has(&SKIPPED_NEAR_CUE, &t.lower) && !t.is_cap()
        || is_cue(rd, e)
        || !t.is_cap()
            && (t.lower.ends_with("ed") || t.lower.ends_with('s') && e > sa && rd[e - 1].is_cap())
}

/// The name in an apposition ending at the comma at token `comma`.
fn apposition(rd: &Reading, left: usize, comma: usize) -> Option<Speaker> {
    // Comma-separated segments before the cue, nearest first.
    let mut segs = Vec::new();
    let mut e = comma;
    let mut k = comma;
    while k > left {
        k -= 1;
        if matches!(rd[k].text, "," | "\"" | "«" | "»") {
            segs.push((k + 1, e));
            e = k;
            if rd[k].text != "," {
                break; // no further back than a quote mark
            }
        }
    }
    let from_start = k == left && !matches!(rd[left].text, "\"" | "«" | "»");
    if from_start {
        segs.push((left, e));
    }
    // The nearest segment that is a name alone.
    let quoted = |a: usize, b: usize| (a..b).any(|k| matches!(rd[k].text, "\"" | "«" | "»"));
    for &(a, b) in &segs {
        if b > a && is_name_only(rd, a, b) {
            return np_speaker(rd, a, b);
        }
    }
    // Otherwise the sentence's first segment, when it starts with a name.
    let &(a, b) = segs.last().filter(|_| from_start)?;
    if b > a && b - a <= 10 && !quoted(a, b) {
        return np_speaker(rd, a, b);
    }
    None
}
