//! Word predicates over the quote stage's word lists: cues, pronouns,
//! titles, particles, and what makes a name a person's.

use super::reading::Reading;
use super::sets::PARTICLES;
use super::sets::{
    DOCUMENT_NOUNS, HONORIFICS, PHRASE_BREAKS, REPORTING_VERBS, SKIPPED_NEAR_CUE, SPEECH_VERBS,
    TITLES,
};
use crate::extract::word_set::WordSet;
use crate::lexicon::lists::quotes::PRONOUNS;
use crate::lexicon::{BitFilter, FilterKey, LengthEnds, WordIndex, WordMap};
use crate::text::hash::FastSet;
use crate::text::{has_hyphen, spaced_words, with_lower};
use std::sync::OnceLock;

/// Whether `w` is in `list`.
pub(super) fn has(list: &WordSet, w: &str) -> bool {
    list.contains(w)
}

/// Whether word `c` is a speech cue that can introduce or follow a whole quote.
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
    has(&SPEECH_VERBS, l) || inverted_pronoun(l).is_some_and(|(stem, _)| has(&SPEECH_VERBS, stem))
}

/// Whether word `c` is a cue at all: a speech verb, or a verb reporting
/// speech around a quoted fragment ("accused", "called").
pub(super) fn is_cue(rd: &Reading, c: usize) -> bool {
    is_say(rd, c) || has(&REPORTING_VERBS, &rd[c].lower)
}

/// Whether the lower-case cue `l` is one of the "according to" family, which
/// names its speaker after it.
pub(super) fn is_according(l: &str) -> bool {
    matches!(
        l,
        "according" | "selon" | "laut" | "según" | "secondo" | "segundo" | "данным"
    )
}

/// The endings of a French inversion in one token, with the pronoun each
/// names, longest of a family first.
const INVERTED_SUFFIXES: [(&str, &str); 6] = [
    ("-t-il", "il"),
    ("-t-elle", "elle"),
    ("-il", "il"),
    ("-elle", "elle"),
    ("-ils", "ils"),
    ("-elles", "elles"),
];

/// French inversion in one token: "explique-t-elle" is ("explique", "elle").
pub(super) fn inverted_pronoun(l: &str) -> Option<(&str, &'static str)> {
    // Every suffix ends in "il", "le", "ls" or "es", as most words do not,
    // and opens with a hyphen in the last seven bytes, where most words have none.
    let b = l.as_bytes();
    if !matches!(
        b,
        [.., b'i', b'l'] | [.., b'l', b'e'] | [.., b'l' | b'e', b's']
    ) {
        return None;
    }
    if b[b.len().saturating_sub(7)..].iter().all(|&x| x != b'-') {
        return None;
    }
    for (suffix, pronoun) in INVERTED_SUFFIXES {
        if let Some(stem) = l.strip_suffix(suffix) {
            if !stem.is_empty() {
                return Some((stem, pronoun));
            }
        }
    }
    None
}

/// Whether word `i` is the period of an honorific ("Mr.") that is itself at
/// or after word `from`: such a period ends neither a name nor a sentence.
pub(super) fn honorific_dot(rd: &Reading, i: usize, from: usize) -> bool {
    i > from && rd[i].text == "." && has(&HONORIFICS, &rd[i - 1].lower)
}

/// Whom a subject pronoun is resolved to (the `role` of `PRONOUNS`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pronoun {
    /// The last person named before it: "he", "sie", "él".
    Person,
    /// The last plural organisation or group quoted shortly before: "they".
    Group,
    /// The last organisation or group quoted shortly before: "it".
    Thing,
    /// No one: "we" stays as written.
    Kept,
}

/// What the subject pronoun `w` (lower case) stands for, if it is one.
pub(super) fn pronoun(w: &str) -> Option<Pronoun> {
    static INDEX: WordIndex<(&str, &str)> = WordIndex::new(PRONOUNS, |&(p, _)| p);
    Some(match INDEX.get(w)?.1 {
        "person" => Pronoun::Person,
        "group" => Pronoun::Group,
        "thing" => Pronoun::Thing,
        _ => Pronoun::Kept,
    })
}

/// Whether `w` (lower case) is a subject pronoun that can stand for a speaker.
pub(super) fn is_pronoun(w: &str) -> bool {
    pronoun(w).is_some()
}

/// Whether `w` (lower case) is a document that speaks for its issuer ("statement").
pub(super) fn is_document_noun(w: &str) -> bool {
    has(&DOCUMENT_NOUNS, w)
}

pub(super) fn is_title(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    let titles = title_words();
    if titles.is_listed(w) || w.ends_with("ologist") {
        return true;
    }
    // The rules for a compound's parts are read only for a word with a hyphen (few are).
    let hyphen = has_hyphen(w.as_bytes());
    // "GDL-Chef", "Bahn-Personalvorstand": the part after the hyphen.
    if hyphen {
        if let Some((_, tail)) = w.rsplit_once('-') {
            if !tail.is_empty() && titles.is_listed(tail) {
                return true;
            }
        }
    }
    // "Tourist", "Astrophysicist"; compounds ending in a title: "Ministerpräsident", "CDU-Ministerpräsident".
    if w.len() > 6 && w.ends_with("ist") && !w.ends_with("christ") {
        return true;
    }
    if titles.ends_in_long_title(w) {
        return true;
    }
    hyphen && w.split('-').next().is_some_and(|p| has(&TITLES, p))
}

/// The titles and role nouns as [`is_title`] reads them, made once: most
/// words it is asked of (the words of names) are none, and are told so by
/// filters of lengths and end bytes rather than by hashing.
struct TitleWords {
    /// `TITLES` and `ROLE_NOUNS` together: a word is either in one lookup.
    listed: WordMap<()>,
    /// Those of six letters or more, for the suffixes of a compound.
    long: WordMap<()>,
    /// A filter of the last three bytes of each of `long`.
    long_last3: BitFilter<Last3>,
}

impl TitleWords {
    /// Whether `w` is a title or a role noun.
    #[inline]
    fn is_listed(&self, w: &str) -> bool {
        self.listed.contains(w)
    }

    /// Whether a proper suffix of `w` is a title or role noun of six or more
    /// letters ("Ministerpräsident" in "CDU-Ministerpräsident"), looked up
    /// only when one of those titles may end in the last three bytes of `w`,
    /// and each suffix only when one of them may have its length and ends.
    fn ends_in_long_title(&self, w: &str) -> bool {
        // Every suffix looked up has six bytes or more, and ends as `w` does.
        if w.len() < 7 || !self.long_last3.may_contain(w) {
            return false;
        }
        // A title of six or more letters has at least six bytes: shorter suffixes are not looked up.
        w.char_indices()
            .skip(1)
            .take_while(|&(i, _)| w.len() - i >= 6)
            .any(|(i, _)| self.long.contains(&w[i..]))
    }
}

/// [`TitleWords`], made on first use.
fn title_words() -> &'static TitleWords {
    static WORDS: OnceLock<TitleWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        use crate::lexicon::lists::quotes::{ROLE_NOUNS, TITLES};
        let listed = || TITLES.iter().chain(ROLE_NOUNS).copied();
        let long = || listed().filter(|t| t.chars().count() >= 6);
        let mut long_last3 = BitFilter::default();
        long().for_each(|t| long_last3.insert(t));
        TitleWords {
            listed: WordMap::new(listed().map(|t| (t, ()))),
            long: WordMap::new(long().map(|t| (t, ()))),
            long_last3,
        }
    })
}

/// The key of a filter of the last three bytes of words of three or more.
struct Last3;

impl FilterKey for Last3 {
    #[inline]
    fn key(b: &[u8]) -> u32 {
        let [x, y, z] = last3(b);
        u32::from(x) | u32::from(y) << 8 | u32::from(z) << 16
    }
}

/// The last three bytes of `b`, which has at least three.
fn last3(b: &[u8]) -> [u8; 3] {
    [b[b.len() - 3], b[b.len() - 2], b[b.len() - 1]]
}

pub(super) fn is_weekday(w: &str) -> bool {
    // The days of `WEEKDAYS`, compared without a loop.
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

pub(super) fn is_plural_noun(w: &str) -> bool {
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("ous")
        && !w.ends_with("'s")
        && !has(&PHRASE_BREAKS, w)
        && !has(&SKIPPED_NEAR_CUE, w)
}

pub(super) fn is_particle(w: &str) -> bool {
    has(&PARTICLES, w)
}

pub(super) fn is_person_like(name: &str) -> bool {
    // Two words or more, each capitalized or a particle, none a pronoun, a
    // sentence starter, a weekday or a head that names no person.
    let mut words = spaced_words(name);
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        // One word (most runs): nothing to look up.
        return false;
    };
    [first, second].into_iter().chain(words).all(|w| {
        (w.chars().next().is_some_and(char::is_uppercase) || is_particle(w)) && !names_no_one(w)
    })
}

/// Whether the lower case of `w` is a pronoun, a sentence starter, a weekday
/// or a head that names no person: one lookup in the union of those lists,
/// and none for an ASCII word that the union's [`LengthEnds`] filter rules
/// out (most words of a name).
fn names_no_one(w: &str) -> bool {
    static UNION: OnceLock<(LengthEnds, FastSet<&'static str>)> = OnceLock::new();
    let (ends, union) = UNION.get_or_init(|| {
        use crate::lexicon::lists::quotes::{NON_PERSON_HEADS, SENTENCE_STARTERS};
        let union: FastSet<&'static str> = (PRONOUNS.iter().map(|&(p, _)| p))
            .chain(SENTENCE_STARTERS.iter().copied())
            .chain(WEEKDAYS)
            .chain(NON_PERSON_HEADS.iter().copied())
            .collect();
        let mut ends = LengthEnds::default();
        for w in &union {
            insert_in_any_case(&mut ends, w);
        }
        (ends, union)
    });
    // The filter is asked with `w` as written: an ASCII word lowers to its
    // own length, with its first and last bytes in one of the cases inserted.
    (ends.may_contain(w) || !w.is_ascii()) && with_lower(w, |l| union.contains(l))
}

/// Sets the filter bits of lower-case `word` with its first and last bytes
/// in either ASCII case, so that the filter answers for the word in any case.
fn insert_in_any_case(ends: &mut LengthEnds, word: &str) {
    let mut b = word.as_bytes().to_vec();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return;
    };
    let n = b.len();
    for f in [first.to_ascii_lowercase(), first.to_ascii_uppercase()] {
        for l in [last.to_ascii_lowercase(), last.to_ascii_uppercase()] {
            // A word of one byte has it first and last: both cases are set, in turn.
            b[0] = f;
            b[n - 1] = l;
            ends.insert(&b);
        }
    }
}

/// The days [`is_weekday`] knows.
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quotes::sets::{NON_PERSON_HEADS, SENTENCE_STARTERS};

    #[test]
    fn inverted_pronoun_as_the_suffixes_answer() {
        /// The first suffix that strips to a stem, as the rule states it.
        fn stated(l: &str) -> Option<(&str, &'static str)> {
            INVERTED_SUFFIXES.iter().find_map(|&(suffix, pronoun)| {
                let stem = l.strip_suffix(suffix)?;
                (!stem.is_empty()).then_some((stem, pronoun))
            })
        }
        let mut words: Vec<String> = [
            "",
            "il",
            "-il",
            "a-t-il",
            "dit-elle",
            "disent-ils",
            "ajoutent-elles",
            "explique",
            "said",
            "people",
            "states",
            "well-told",
            "e-mails",
            "x-les",
            "x-il",
            "s",
            "é-il",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        for (suffix, _) in INVERTED_SUFFIXES {
            for stem in ["", "a", "dit", "a-t", "long-stemmed"] {
                words.push(format!("{stem}{suffix}"));
            }
        }
        for w in &words {
            assert_eq!(inverted_pronoun(w), stated(w), "{w}");
        }
    }

    #[test]
    fn is_title_as_the_lists_and_rules_answer() {
        use crate::extract::quotes::sets::ROLE_NOUNS;
        /// The rule as stated: a listed word, a suffix rule, or a compound's part.
        fn stated(w: &str) -> bool {
            let w = w.trim_end_matches('.');
            let listed = |p: &str| has(&TITLES, p) || has(&ROLE_NOUNS, p);
            let long_suffix = w.char_indices().skip(1).any(|(i, _)| {
                let t = &w[i..];
                t.chars().count() >= 6 && listed(t)
            });
            listed(w)
                || w.ends_with("ologist")
                || w.rsplit_once('-').is_some_and(|(_, t)| listed(t))
                || w.len() > 6 && w.ends_with("ist") && !w.ends_with("christ")
                || long_suffix
                || w.contains('-') && w.split('-').next().is_some_and(|p| has(&TITLES, p))
        }
        use crate::lexicon::lists::quotes as lists;
        let listed = lists::TITLES.iter().chain(lists::ROLE_NOUNS).copied();
        let mut words: Vec<String> = Vec::new();
        for t in listed {
            for form in [
                t.to_string(),
                format!("{t}."),
                format!("cdu-{t}"),
                format!("{t}-cdu"),
                format!("x{t}"),
                format!("bahn{t}"),
                format!("{t}s"),
                t[..t.len() - t.chars().last().map_or(0, char::len_utf8)].to_string(),
            ] {
                words.push(form);
            }
        }
        let others = ". - price ned seismologist tourist christ antichrist ministerpräsident \
                      gdl-chef e-mail über präsident. a- -a";
        words.extend(others.split_whitespace().chain([""]).map(str::to_string));
        for w in &words {
            assert_eq!(is_title(w), stated(w), "{w}");
        }
    }

    #[test]
    fn names_no_one_as_the_four_lists_answer() {
        let listed = |w: &str| {
            with_lower(w, |l| {
                is_pronoun(l)
                    || has(&SENTENCE_STARTERS, l)
                    || is_weekday(l)
                    || has(&NON_PERSON_HEADS, l)
            })
        };
        use crate::lexicon::lists::quotes as lists;
        let words = (lists::PRONOUNS.iter().map(|&(p, _)| p))
            .chain(lists::SENTENCE_STARTERS.iter().copied())
            .chain(WEEKDAYS)
            .chain(lists::NON_PERSON_HEADS.iter().copied())
            .chain([
                "", "Price", "Ned", "Über", "ÉL", "Él", "İ", "Sunday", "SUNDAY", "Mon",
            ]);
        for w in words {
            let mut cap: Vec<char> = w.chars().collect();
            if let Some(c) = cap.first_mut() {
                *c = c.to_uppercase().next().unwrap_or(*c);
            }
            let cap: String = cap.into_iter().collect();
            for form in [w.to_string(), cap, w.to_uppercase()] {
                assert_eq!(names_no_one(&form), listed(&form), "{form}");
            }
        }
    }
}
