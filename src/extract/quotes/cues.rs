//! Attribution cues: the speech verb of a quote and the speaker it names.

use super::lexicon::{has, is_particle, is_plural_noun, is_weekday};
use super::reading::{NameCase, Reading};
use super::speakers::{is_name_only, np_after, np_speaker, Speaker};
use super::Attr;
use crate::lexicon::lists::quotes::{
    COORDINATORS, HONORIFICS, ORG_HEADS, PHRASE_BREAKS, PRO_DROP_CUES, REPORTING_VERBS, ROLE_NOUNS,
    SENTENCE_STARTERS, SKIPPED_NEAR_CUE, SPEECH_VERBS,
};

pub(super) fn is_say(rd: &Reading, c: usize) -> bool {
    let l = rd[c].lower.as_str();
    if l == "according" {
        return rd.is(c + 1, "to");
    }
    if l == "pointed" {
        return rd.is(c + 1, "out");
    }
    if l == "so" {
        // German "..., so Scholz."
        return false;
    }
    has(SPEECH_VERBS, l) || inverted_pronoun(l).is_some_and(|(stem, _)| has(SPEECH_VERBS, stem))
}

/// French inversion in one token: "explique-t-elle" is ("explique", "elle").
pub(super) fn inverted_pronoun(l: &str) -> Option<(&str, &'static str)> {
    for (suffix, pronoun) in [
        ("-t-il", "il"),
        ("-t-elle", "elle"),
        ("-il", "il"),
        ("-elle", "elle"),
        ("-ils", "ils"),
        ("-elles", "elles"),
    ] {
        if let Some(stem) = l.strip_suffix(suffix) {
            if !stem.is_empty() {
                return Some((stem, pronoun));
            }
        }
    }
    None
}

/// The attribution of cue token `c`, looking no further left than `left`.
/// `fallback` is the speaker of an earlier cue of the sentence, for
/// coordinated verbs ("expressed ... and added").
pub(crate) fn attribution_at(
    rd: &Reading,
    c: usize,
    left: usize,
    fallback: Option<Speaker>,
) -> Option<Attr> {
    let cue_l = rd[c].lower.as_str();
    let sent = rd[c].sentence;
    let (sa, se) = rd.bounds(sent);
    let left = left.max(sa);
    // "according to X", "selon X", "laut X", "según X".
    if matches!(cue_l, "according" | "selon" | "laut" | "según" | "secondo") {
        let start = if cue_l == "according" { c + 2 } else { c + 1 };
        let speaker = np_after(rd, start, se);
        return Some(Attr { cue: c, speaker });
    }
    if let Some((_, pronoun)) = inverted_pronoun(cue_l) {
        return Some(Attr {
            cue: c,
            speaker: Some(Speaker::new(pronoun, rd[c].span)),
        });
    }
    // A participle ("citing", "arguing") modifies the noun before it: its
    // speaker is the clause's, given by an earlier cue.
    if cue_l.ends_with("ing") {
        // "Karamanlis resigned, saying ...": else the sentence's subject.
        let speaker = fallback.or_else(|| {
            let comma_before = c > sa && rd[c - 1].text == ",";
            comma_before.then(|| sentence_subject(rd, sa, c)).flatten()
        });
        return Some(Attr { cue: c, speaker });
    }
    // Walk back over adverbs and auxiliaries.
    let mut k = c;
    while k > left && has(SKIPPED_NEAR_CUE, rd[k - 1].lower.as_str()) && !rd[k - 1].is_cap() {
        k -= 1;
    }
    while k > left && rd[k - 1].is_cap() && is_weekday(&rd[k - 1].lower) {
        k -= 1;
        if k > left && rd.is(k - 1, "on") {
            k -= 1;
        }
    }
    let mut end_np = k;
    let mut a = k;
    while a > left && end_np - a < 10 {
        let t = &rd[a - 1];
        let honorific_dot = t.text == "." && a >= 2 && has(HONORIFICS, rd[a - 2].lower.as_str());
        if honorific_dot {
            a -= 1;
            continue;
        }
        // "Activists in Kazakhstan said": a place after a plural or a role.
        let postmodifier = matches!(t.lower.as_str(), "in" | "from" | "at")
            && a >= 2
            && a < end_np
            && (has(ROLE_NOUNS, rd[a - 2].lower.as_str())
                || has(ORG_HEADS, rd[a - 2].lower.as_str())
                || is_plural_noun(&rd[a - 2].lower));
        if !postmodifier && (!t.is_word() || has(PHRASE_BREAKS, t.lower.as_str()) && !t.is_cap()) {
            // "France on the other hand has urged": step over an adverbial phrase.
            let adverbial = matches!(t.lower.as_str(), "on" | "in" | "at" | "for" | "by")
                && a < end_np
                && (a..end_np).all(|j| !rd[j].is_cap())
                && a >= 2
                && rd[a - 2].is_cap();
            if adverbial {
                a -= 1;
                end_np = a;
                continue;
            }
            break;
        }
        if is_say(rd, a - 1) || has(REPORTING_VERBS, t.lower.as_str()) {
            // A verb of a relative clause: "the company that maintained the bridge said".
            let relative = a >= 2
                && matches!(rd[a - 2].lower.as_str(), "that" | "which" | "who")
                && a < end_np;
            if !relative {
                break;
            }
        }
        a -= 1;
    }
    let end = end_np;
    // "The company that maintained the bridge said": a subject with a relative clause.
    if a < end
        && a >= 2
        && matches!(rd[a - 1].lower.as_str(), "that" | "which" | "who")
        && rd[a].lower.ends_with("ed")
        && !rd[a].is_cap()
    {
        let mut h = a - 1;
        while h > left
            && h + 4 > a
            && rd[h - 1].is_word()
            && !has(PHRASE_BREAKS, rd[h - 1].lower.as_str())
            && !is_say(rd, h - 1)
        {
            h -= 1;
        }
        if h < a - 1 {
            return Some(Attr {
                cue: c,
                speaker: np_speaker(rd, h, end),
            });
        }
    }
    if a < end {
        // Leading words a subject does not start with: "Separately", "However".
        while a < end
            && has(SENTENCE_STARTERS, rd[a].lower.as_str())
            && a + 1 < end
            && !matches!(rd[a].lower.as_str(), "the" | "a" | "an")
        {
            a += 1;
        }
        let np = (a, end);
        return Some(Attr {
            cue: c,
            speaker: np_speaker(rd, np.0, np.1),
        });
    }
    // Nothing right before the cue.
    let stop = rd.get(a.wrapping_sub(1)).filter(|_| a > 0);
    // "Tokayev, who has accused": the antecedent of "who".
    if let Some(t) = stop {
        if matches!(
            t.lower.as_str(),
            "who" | "which" | "qui" | "der" | "die" | "que" | "quien"
        ) && a >= 2
            && rd[a - 2].text == ","
        {
            let e = a - 2;
            let mut b = e;
            while b > left
                && rd[b - 1].is_word()
                && !has(PHRASE_BREAKS, rd[b - 1].lower.as_str())
                && e - b < 8
            {
                b -= 1;
            }
            if b < e {
                return Some(Attr {
                    cue: c,
                    speaker: np_speaker(rd, b, e),
                });
            }
        }
        // An apposition: "One of these activists, Alnour Iliachev, told AFP".
        if t.text == "," {
            if let Some(sp) = apposition(rd, left, a - 1) {
                return Some(Attr {
                    cue: c,
                    speaker: Some(sp),
                });
            }
        }
    }
    // An inverted cue: `," said Ned Price`, `announced the president of ...`.
    let mut b = c + 1;
    while b < se
        && (has(SKIPPED_NEAR_CUE, rd[b].lower.as_str())
            || rd[b].is_cap() && is_weekday(&rd[b].lower))
    {
        b += 1;
    }
    if let Some(sp) = np_after(rd, b, se) {
        if a == left || stop.is_some_and(|t| t.text == "," || t.text == "\"" || t.text == "-") {
            return Some(Attr {
                cue: c,
                speaker: Some(sp),
            });
        }
    }
    if let Some(sp) = fallback {
        return Some(Attr {
            cue: c,
            speaker: Some(sp),
        });
    }
    // The subject at the sentence's start: "Borrell expressed ... and added".
    if stop.is_some_and(|t| has(COORDINATORS, t.lower.as_str())) {
        if let Some(sp) = sentence_subject(rd, sa, c) {
            return Some(Attr {
                cue: c,
                speaker: Some(sp),
            });
        }
    }
    // A dropped subject: `"...", dijo.` speaks of the last person named.
    let ends = rd
        .get(c + 1)
        .is_none_or(|t| t.sentence != sent || matches!(t.text, "." | "!" | "?"));
    if ends && has(PRO_DROP_CUES, cue_l) {
        return Some(Attr {
            cue: c,
            speaker: Some(Speaker::new("él", rd[c].span)),
        });
    }
    Some(Attr {
        cue: c,
        speaker: None,
    })
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
        if in_other(p) {
            continue;
        }
        if is_say(rd, p) || has(REPORTING_VERBS, rd[p].lower.as_str()) {
            if let Some(a) = attribution_at(rd, p, sa, last.clone()) {
                if a.speaker.is_some() {
                    last = a.speaker;
                }
            }
        }
    }
    last
}

/// The subject at the start of the sentence beginning at token `sa`, when
/// it is a noun phrase before the verb: "Borrell expressed ... and added",
/// "The former president's lawyer, Celso Vilardi, called ...".
pub(super) fn sentence_subject(rd: &Reading, sa: usize, c: usize) -> Option<Speaker> {
    let mut e = sa;
    let mut seen_cap = false;
    while e < c && e - sa < 8 {
        let t = &rd[e];
        let honorific_dot = t.text == "." && e > sa && has(HONORIFICS, rd[e - 1].lower.as_str());
        // After a name, a lower-case word is the verb: "The European Central Bank left".
        if seen_cap && !t.is_cap() && !honorific_dot && !is_particle(&t.lower) && t.lower != "of" {
            break;
        }
        if t.is_cap() && !has(SENTENCE_STARTERS, t.lower.as_str()) {
            seen_cap = true;
        }
        if !(t.is_word() || honorific_dot)
            || !honorific_dot
                && (has(PHRASE_BREAKS, t.lower.as_str())
                    || has(SKIPPED_NEAR_CUE, t.lower.as_str()) && !t.is_cap()
                    || is_say(rd, e)
                    || has(REPORTING_VERBS, t.lower.as_str())
                    || !t.is_cap()
                        && (t.lower.ends_with("ed")
                            || t.lower.ends_with('s') && e > sa && rd[e - 1].is_cap()))
        {
            break;
        }
        e += 1;
    }
    if e > sa {
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
        return np_speaker(rd, sa, e);
    }
    None
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
