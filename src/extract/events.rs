//! Events: what happened, found by trigger words and grouped into classes.
//!
//! A trigger is a word that names an event ("protest", "killed", "arrested",
//! "riots", "manifestation", "festgenommen"). Each belongs to a class
//! ([`EventClass`]), so two reports that word the same event differently
//! ("riots" against "protests") can be lined up, and the difference shown.
//!
//! The lexicon (`data/words/events/triggers.tsv`) covers English, French,
//! German and Spanish stems; a stem matches a lower-cased word that starts
//! with it, unless the entry is marked exact. Capitalized words match only at a sentence start or in German (where
//! nouns are capitalized), so "March" the month or "Rally Square" the name
//! do not count.
//!
//! ```
//! use storydiff::{analyze, Input};
//! let a = analyze(&Input::new("a", "Police arrested 50 protesters after the rally.")).unwrap();
//! let classes: Vec<&str> = a.events.iter().map(|e| e.class.as_str()).collect();
//! assert_eq!(classes, ["arrest", "protest", "protest"]);
//! ```

use super::{DateMention, Doc, EntityMention, Quantity};
use crate::lexicon::lists::events::TRIGGERS;
use crate::text::hash::FastMap;
use crate::text::{Span, TokenKind};
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use std::sync::OnceLock;

/// One event trigger in an article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The word that names what happened ("rally", "killed", "arrested").
    pub trigger: Span,
    /// Its class, one of [`EventClass::name`]s ("protest", "killing", "arrest", ...).
    pub class: String,
    /// The trigger's lexicon stem ("protest", "riot"): two triggers of one
    /// class with different stems are different wordings.
    pub stem: String,
    /// The sentence it was found in.
    pub sentence: Span,
}

/// Classes of events news reports compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventClass {
    /// Protests, rallies, marches, demonstrations.
    Protest,
    /// Riots, unrest, looting.
    Riot,
    /// Deaths and killings.
    Killing,
    /// Injuries.
    Injury,
    /// Arrests and detentions.
    Arrest,
    /// Clashes, attacks, fighting.
    Clash,
    /// Deployments of troops.
    Deployment,
    /// Bans, refusals, blocks.
    Ban,
    /// States of emergency, curfews, martial law.
    Emergency,
    /// Shutdowns and blackouts.
    Shutdown,
    /// Sanctions.
    Sanction,
    /// Elections and referendums.
    Election,
    /// Invasions and offensives.
    Invasion,
}

impl EventClass {
    /// Every class, in the order of [`EventClass`].
    pub const ALL: [EventClass; 13] = [
        EventClass::Protest,
        EventClass::Riot,
        EventClass::Killing,
        EventClass::Injury,
        EventClass::Arrest,
        EventClass::Clash,
        EventClass::Deployment,
        EventClass::Ban,
        EventClass::Emergency,
        EventClass::Shutdown,
        EventClass::Sanction,
        EventClass::Election,
        EventClass::Invasion,
    ];

    /// The class's name in reports and in the trigger list ("protest").
    pub fn name(&self) -> &'static str {
        match self {
            EventClass::Protest => "protest",
            EventClass::Riot => "riot",
            EventClass::Killing => "killing",
            EventClass::Injury => "injury",
            EventClass::Arrest => "arrest",
            EventClass::Clash => "clash",
            EventClass::Deployment => "deployment",
            EventClass::Ban => "ban",
            EventClass::Emergency => "emergency",
            EventClass::Shutdown => "shutdown",
            EventClass::Sanction => "sanction",
            EventClass::Election => "election",
            EventClass::Invasion => "invasion",
        }
    }

    /// The broader family used to line up differently worded reports:
    /// a riot and a protest are both unrest.
    pub fn family(&self) -> &'static str {
        match self {
            EventClass::Protest | EventClass::Riot => "unrest",
            EventClass::Clash => "violence",
            EventClass::Killing | EventClass::Injury => "casualties",
            other => other.name(),
        }
    }

    /// The class with this [`name`](EventClass::name).
    pub fn from_name(name: &str) -> Option<EventClass> {
        EventClass::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// An entry of the trigger list (`data/words/events/triggers.tsv`).
struct Trigger {
    stem: &'static str,
    /// The word the stem stands for, when they differ ("rallie" -> "rally").
    lemma: &'static str,
    class: EventClass,
}

/// The trigger list indexed by the first bytes of its stems, and which two
/// bytes open a stem.
struct Stems {
    /// The entries of the list by their stem's [`head_key`], each key's the
    /// longest stem first and, of equal stems, the last listed first: the
    /// first whose stem a word starts with fits it best.
    by_head: FastMap<u32, Vec<usize>>,
    /// How many first bytes make a head: four, or the shortest stem's length.
    head_len: usize,
    /// The shortest stem's length in bytes.
    shortest: usize,
    /// One bit for each pair of opening bytes of a stem, and for the same
    /// pair with its ASCII letters in upper case: a word whose first two
    /// bytes have no bit starts no stem, and is looked up no further.
    heads: Box<[u64; 1024]>,
}

impl Stems {
    /// The bit of the two bytes `a`, `b` in `heads`.
    fn head(a: u8, b: u8) -> (usize, u64) {
        let i = usize::from(a) << 8 | usize::from(b);
        (i / 64, 1 << (i % 64))
    }

    /// Whether some stem opens with the first two bytes of `w`, but for the
    /// case of ASCII letters.
    fn opens(&self, w: &[u8]) -> bool {
        let [a, b, ..] = *w else {
            return false;
        };
        let (w, bit) = Stems::head(a, b);
        self.heads[w] & bit != 0
    }

    /// Whether the word `w` as written may start a stem once lower-cased: no
    /// when its first two bytes are ASCII (their lower case is theirs, lowered
    /// alone) and no stem opens with them in any case, nor with its head when
    /// that is ASCII too. The map is only asked about the few words whose
    /// first two bytes open a stem.
    fn may_open(&self, w: &[u8]) -> bool {
        match *w {
            [a, b, ..] if (a | b).is_ascii() => {
                self.opens(w)
                    && match w.get(..self.head_len) {
                        Some(head) if head.is_ascii() => self.by_head.contains_key(&head_key(head)),
                        Some(_) => true,
                        // Shorter than any stem, unless lowering lengthens it.
                        None => !w.is_ascii(),
                    }
            }
            // One byte is one ASCII character, shorter than any stem.
            [_] | [] => false,
            _ => true,
        }
    }
}

fn by_stem() -> &'static Stems {
    static INDEX: OnceLock<Stems> = OnceLock::new();
    INDEX.get_or_init(|| {
        let shortest = TRIGGERS.iter().map(|t| t.0.len()).min().unwrap_or(0);
        let head_len = shortest.min(4);
        let mut by_head: FastMap<u32, Vec<usize>> = FastMap::default();
        let mut heads = Box::new([0u64; 1024]);
        for (i, &(stem, ..)) in TRIGGERS.iter().enumerate() {
            let head = head_key(&stem.as_bytes()[..head_len]);
            by_head.entry(head).or_default().push(i);
            if let [a, b, ..] = *stem.as_bytes() {
                let (upper_a, upper_b) = (a.to_ascii_uppercase(), b.to_ascii_uppercase());
                for (a, b) in [(a, b), (upper_a, b), (a, upper_b), (upper_a, upper_b)] {
                    let (w, bit) = Stems::head(a, b);
                    heads[w] |= bit;
                }
            }
        }
        for entries in by_head.values_mut() {
            crate::text::sort::by_key_unstable(entries, |&i| Reverse((TRIGGERS[i].0.len(), i)));
        }
        Stems {
            by_head,
            head_len,
            shortest,
            heads,
        }
    })
}

/// The first bytes of a word (up to four), ASCII letters lowered, as one
/// number: the key of [`Stems::by_head`].
fn head_key(head: &[u8]) -> u32 {
    (head.iter().rev()).fold(0, |key, &b| key << 8 | u32::from(b.to_ascii_lowercase()))
}

/// The trigger whose stem fits `lower` best (longest stem; of equal stems,
/// the last listed), if any: one hash lookup of the word's first bytes.
fn lookup(lower: &str) -> Option<Trigger> {
    let stems = by_stem();
    let head = lower.as_bytes().get(..stems.head_len)?;
    let &(stem, class, lemma, _) = (stems.by_head.get(&head_key(head))?.iter())
        .map(|&i| &TRIGGERS[i])
        .find(|&&(stem, _, _, exact)| {
            if exact {
                lower == stem
            } else {
                lower.starts_with(stem)
            }
        })?;
    let class = EventClass::from_name(class)
        .unwrap_or_else(|| unreachable!("triggers.tsv: unknown class {class}"));
    Some(Trigger { stem, lemma, class })
}

/// Finds the event triggers of `doc`.
///
/// The other findings are used to leave out triggers that lie inside a
/// name ("Republic Square Rally Committee") or a date ("March 19").
pub fn extract(
    doc: &Doc,
    entities: &[EntityMention],
    dates: &[DateMention],
    quantities: &[Quantity],
) -> Vec<Event> {
    let _ = quantities;
    let text = doc.text;
    let german = doc.language == Some("de");
    let stems = by_stem();
    // Entities and dates, by start, with the furthest end reached so far: a
    // token lies inside one of them when the furthest end of those starting
    // at or before it reaches its end. Tokens come in order, so one sweep.
    let mut covers: Vec<Span> = entities.iter().map(|e| e.span).collect();
    covers.extend(dates.iter().map(|d| d.span));
    crate::text::sort::by_key_unstable(&mut covers, |s| s.start);
    let (mut next_cover, mut reach) = (0, None::<usize>);
    let mut events = Vec::new();
    for (si, sentence) in doc.seg.sentences.iter().enumerate() {
        let tokens = doc.seg.sentence_tokens(si);
        let mut headline = None;
        for (ti, tok) in tokens.iter().enumerate() {
            if tok.kind != TokenKind::Word {
                continue;
            }
            // Most words open no stem: told by their first bytes, before
            // lower-casing, and before the word is sliced as a `str`.
            if stems.shortest >= 2 && !stems.may_open(&text.as_bytes()[tok.span.range()]) {
                continue;
            }
            let word = tok.span.of(text);
            // A capitalized word next to another capitalized word is part of a
            // name ("Rally Square"), unless the other is only capitalized for
            // starting the sentence ("International Riots in ...").
            let capitalized = |t: Option<&crate::text::Token>| {
                t.is_some_and(|t| {
                    t.kind == TokenKind::Word
                        && t.span
                            .of(text)
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase)
                })
            };
            if capitalized(Some(tok))
                && !german
                && !*headline.get_or_insert_with(|| all_caps_sentence(text, tokens))
                && ((ti > 1 && capitalized(tokens.get(ti - 1))) || capitalized(tokens.get(ti + 1)))
            {
                continue;
            }
            // Caught up only for the words that get this far: the covers
            // passed over before are taken in now, in order.
            while next_cover < covers.len() && covers[next_cover].start <= tok.span.start {
                reach = reach.max(Some(covers[next_cover].end));
                next_cover += 1;
            }
            if reach.is_some_and(|end| end >= tok.span.end) {
                continue;
            }
            let Some(trigger) = crate::text::with_lower(word, lookup) else {
                continue;
            };
            // "march" followed by a day number is the month, whatever its case.
            if trigger.stem.starts_with("march")
                && tokens
                    .get(ti + 1)
                    .is_some_and(|n| n.kind == TokenKind::Number)
            {
                continue;
            }
            events.push(Event {
                trigger: tok.span,
                class: trigger.class.name().to_string(),
                stem: trigger.lemma.to_string(),
                sentence: sentence.span,
            });
        }
    }
    events
}

/// A headline in title case ("Russia Ally Kazakhstan Blocks Ukraine Peace Rally"):
/// most words capitalized, so capitals say nothing about names.
fn all_caps_sentence(text: &str, tokens: &[crate::text::Token]) -> bool {
    let (mut words, mut caps) = (0, 0);
    for t in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        words += 1;
        caps += usize::from(t.span.of(text).starts_with(char::is_uppercase));
    }
    words >= 4 && caps * 4 >= words * 3
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment;

    fn classes(text: &str) -> Vec<(String, String)> {
        let seg = segment(text);
        let doc = Doc {
            text,
            seg: &seg,
            anchor: None,
            language: None,
        };
        extract(&doc, &[], &[], &[])
            .into_iter()
            .map(|e| (e.trigger.of(text).to_string(), e.class))
            .collect()
    }

    /// (case name, text, expected (trigger, class) pairs)
    type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

    #[test]
    fn table() {
        let cases: &[Case] = &[
            (
                "protest words",
                "Protesters marched to the square.",
                &[("Protesters", "protest"), ("marched", "protest")],
            ),
            (
                "casualties",
                "Thirteen were killed and 300 injured.",
                &[("killed", "killing"), ("injured", "injury")],
            ),
            ("riots", "Riots spread overnight.", &[("Riots", "riot")]),
            (
                "capitals in and outside ASCII",
                "Émeutes et PROTESTS à Paris.",
                &[("Émeutes", "riot"), ("PROTESTS", "protest")],
            ),
            ("short words", "He is at it.", &[]),
            (
                "arrests fr",
                "Des manifestants ont été interpellés.",
                &[("manifestants", "protest"), ("interpellés", "arrest")],
            ),
            ("month is no march", "On March 3 they met.", &[]),
            ("lower month is no march", "on march 3 they met.", &[]),
            ("names are not triggers", "They met in Rally Square.", &[]),
            ("name before", "The Republic Square Rally was held.", &[]),
            (
                "section label",
                "International Riots in Kazakhstan spread.",
                &[("Riots", "riot")],
            ),
            (
                "capital inside a sentence",
                "It was a Protest against cuts.",
                &[("Protest", "protest")],
            ),
            (
                "headline",
                "Russia Ally Kazakhstan Blocks Ukraine Peace Rally",
                &[("Blocks", "ban"), ("Rally", "protest")],
            ),
        ];
        for (name, text, want) in cases {
            let got = classes(text);
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn classes_round_trip_by_name() {
        for class in EventClass::ALL {
            assert_eq!(EventClass::from_name(class.name()), Some(class));
        }
    }

    #[test]
    fn every_trigger_names_a_class() {
        for (stem, class, ..) in TRIGGERS {
            assert!(EventClass::from_name(class).is_some(), "{stem}: {class}");
        }
    }
}
