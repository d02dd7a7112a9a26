//! Which tokens may start a temporal expression: a cheap test the scanner
//! makes before it tries its patterns, so that the ordinary words of a text
//! (most of them) cost one hash lookup instead of a few dozen.
//!
//! The test lets through every token that some pattern can start at, and a
//! few more: numbers and words with a digit first (days, years, clock times,
//! counts), words with a hyphen ("mid-2021", "two-week", "twenty-four"),
//! words ending in "long" ("weeklong"), "l'an", "q3", every word of the
//! month, weekday, unit, count and relative word lists, and the words the
//! patterns name in their code ("the", "last", "noon", "every", ...). A
//! pattern that starts at a new word must add it to [`WORDS`] (or to
//! [`LEADS`], if every match there reads the word after); the test
//! `start_test_lets_every_match_through` checks that none is missed on the
//! seeds and the evaluation texts.
//!
//! A second test, on the token after, turns away most of the tokens the
//! first lets through: the function words that lead an expression only
//! together with the next word ("the end of", "a few days", "last week",
//! "several times a day"), and numbers of one to three digits ("19 March",
//! "3 p.m.", "250 days"). After one of [`LEADS`], a pattern may match only
//! when the next token passes the first test itself or is one of
//! [`FOLLOWS`] (or a part of the day). `scan_matches_trying_every_token` checks
//! that the scanner finds what trying every pattern at every token finds, on
//! the same texts and on random runs of the words the patterns name.

use crate::text::hash::FastSet;
use std::sync::OnceLock;

use super::Tok;
use crate::lexicon::lists::dates as lists;
use crate::lexicon::WordMap;
use crate::text::{has_hyphen, TokenKind};

/// The words the patterns test for by name, beyond the word lists and the
/// words of [`LEADS`].
const WORDS: &[&str] = &[
    // Days: "today", "overnight", "tonight".
    "today",
    "heute",
    "hoy",
    "aujourd'hui",
    "yesterday",
    "gestern",
    "ayer",
    "tomorrow",
    "demain",
    "tonight",
    "overnight",
    // References: "now", "recently".
    "now",
    "currently",
    "presently",
    "nowadays",
    "recently",
    "lately",
    // Clock words.
    "noon",
    "midday",
    "mediodía",
    "midnight",
    "minuit",
    "mitternacht",
    "medianoche",
    // Sets: "once a week", "daily".
    "daily",
    "weekly",
    "monthly",
    "yearly",
    "annually",
    "annual",
    "quarterly",
    "hourly",
    "nightly",
    // Modifiers: "the end of", "early March", "midweek", "later that day".
    "year-end",
    "yearend",
    "midweek",
    // Holidays (first word).
    "christmas",
    "may",
    "halloween",
    "thanksgiving",
    "easter",
    // Seasons.
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    // Foreign units written before their relative word ("la semaine dernière").
    "semaine",
    "woche",
    "semana",
    "mois",
    "monat",
    "mes",
    "année",
    "jahr",
    "año",
];

/// Words that start an expression only with the word after them (and short
/// numbers, see [`number_role`]): every
/// pattern that matches at one of them also reads the next token, and needs
/// it to be a word the first test lets through or one of [`FOLLOWS`].
const LEADS: &[&str] = &[
    // "the end of", "the 1990s", "the next day", "the past two weeks", "the weekend".
    "the",
    // "a few days", "an hour", "a two-week", "a dozen years".
    "a",
    "an",
    // "all day", "these days", "every Saturday", "each morning".
    "all",
    "these",
    "each",
    "every",
    // "la semaine dernière", "im nächsten Jahr".
    "el",
    "la",
    "le",
    "im",
    "am",
    // "this week", "last night", "the coming days", "recent weeks".
    "this",
    "last",
    "past",
    "next",
    "coming",
    "current",
    "previous",
    "recent",
    // "once a week", "twice a year".
    "once",
    "twice",
    "thrice",
    // "end of March", "early March", "mid-2021", "later that day", "fiscal 2023".
    "end",
    "beginning",
    "start",
    "middle",
    "early",
    "late",
    "mid",
    "earlier",
    "later",
    "fiscal",
    // Holidays of two words: "New Year", "Good Friday", "Labor Day".
    "new",
    "good",
    "black",
    "election",
    "valentine",
    "labor",
    "labour",
    "memorial",
    "independence",
    "bastille",
    "boxing",
    // Vague counts: "several days", "a couple of weeks", "many times a day".
    "several",
    "few",
    "many",
    "some",
    "couple",
    "numerous",
];

/// Words a pattern reads right after one of [`LEADS`] that the first test
/// does not let through (the parts of the day are added from their list).
const FOLLOWS: &[&str] = &[
    // "the first quarter", "the fourth quarter", "the final quarter".
    "first",
    "third",
    "fourth",
    "final",
    // "the '90s"; a hyphen after "mid" or a count split from the next word.
    "'",
    "-",
    // "the following day", "the same day", "the weekend", "this weekend".
    "following",
    "same",
    "weekend",
    // "in the near future", "the whole day".
    "near",
    "distant",
    "foreseeable",
    "future",
    "whole",
    "entire",
    "full",
    // "end of", "a couple of", "later that day", "later in the day", "once per week",
    // "several times a day".
    "of",
    "that",
    "in",
    "per",
    "times",
    // A range after a count: "a to two days" reads like "one to two days".
    "to",
    "or",
    "and",
    // After a number: "19. März", "3 de marzo", "3/19/2022", "3 p.m.", "14 Uhr".
    ".",
    "de",
    "/",
    "a.m.",
    "a.m",
    "p.m.",
    "p.m",
    "pm",
    "uhr",
];

/// Whether a pattern may start at token `i` of `t`. Never false where one matches.
pub(super) fn may_start_at(t: &[Tok], i: usize) -> bool {
    match start_word(&t[i]) {
        None => false,
        Some(Role::Alone) => true,
        Some(Role::Lead) => t
            .get(i + 1)
            .is_some_and(|n| start_word(n).is_some() || follows().contains(n.low.as_str())),
    }
}

/// Whether a pattern may start at `t`, whatever comes after it.
#[cfg(test)]
pub(super) fn may_start(t: &Tok) -> bool {
    start_word(t).is_some()
}

/// How a token may start an expression.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// It may match alone, or the test cannot tell from the next token.
    Alone,
    /// One of [`LEADS`].
    Lead,
}

/// Whether (and how) a pattern may start at `t`.
fn start_word(t: &Tok) -> Option<Role> {
    let w = t.low.as_str();
    if t.kind == TokenKind::Number {
        return Some(number_role(w));
    }
    let b = w.as_bytes();
    if b.first().is_some_and(u8::is_ascii_digit)
        || has_hyphen(b)
        || w.ends_with("long")
        || w.starts_with("l'")
        || (b.len() == 2 && b[0] == b'q')
    {
        return Some(Role::Alone);
    }
    starts().get(w)
}

/// A number of one to three digits ("19", "3", "250") is a date, a time or a
/// duration only with the word after it ("19 March", "3 p.m.", "250 days");
/// "24" also alone ("at 24": midnight), a year and any other number alone.
fn number_role(w: &str) -> Role {
    let b = w.as_bytes();
    if b.len() <= 3 && b.iter().all(u8::is_ascii_digit) && w != "24" {
        Role::Lead
    } else {
        Role::Alone
    }
}

/// The words that may start an expression, behind a filter of their lengths
/// and end bytes: most words of a text are turned away by one bit, before a
/// hash is made.
fn starts() -> &'static WordMap<Role> {
    static STARTS: OnceLock<WordMap<Role>> = OnceLock::new();
    STARTS.get_or_init(|| {
        let listed = (lists::MONTHS.iter().map(|r| r.0))
            .chain(lists::WEEKDAYS.iter().map(|r| r.0))
            .chain(lists::UNITS.iter().map(|r| r.0))
            .chain(lists::COUNT_WORDS.iter().map(|r| r.0))
            .chain(lists::RELATIVE_WORDS.iter().map(|r| r.0));
        // A word of the lists may match alone, even one that also leads:
        // the lists come before the leads, and a word's first role counts.
        let alone = WORDS.iter().copied().chain(listed);
        WordMap::new(
            (alone.map(|w| (w, Role::Alone))).chain(LEADS.iter().map(|&w| (w, Role::Lead))),
        )
    })
}

fn follows() -> &'static FastSet<&'static str> {
    static FOLLOWS_SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    FOLLOWS_SET.get_or_init(|| {
        let mut s = FastSet::default();
        s.extend(FOLLOWS.iter().copied());
        s.extend(lists::PARTS_OF_DAY.iter().map(|r| r.0));
        s
    })
}

#[cfg(test)]
mod tests {
    use super::super::{scan, scan_where, Lead, Scanner, Tok};
    use super::{may_start, may_start_at, LEADS, WORDS};
    use crate::text::TokenKind;
    use crate::text::{normalize, segment, Words};

    /// The scanner's tokens of `text`, as `extract` makes them.
    fn tokens(text: &str) -> (String, Vec<(crate::text::Span, crate::text::TokenKind)>) {
        let norm = normalize(text);
        let seg = segment(norm.as_str());
        let spans = seg.tokens.iter().map(|t| (t.span, t.kind)).collect();
        (norm.as_str().to_string(), spans)
    }

    /// Where the two tests turn a token away, no pattern matches there; the
    /// patterns not tried for the kind of a token find nothing there; and the
    /// scanner finds what trying every pattern at every token finds.
    fn check_fast_path(text: &str) {
        let (norm, spans) = tokens(text);
        let toks: Vec<Tok> = spans.iter().map(|&(s, k)| Tok::new(&norm, s, k)).collect();
        for day_month in [false, true] {
            let s = Scanner {
                t: &toks,
                day_month,
            };
            for i in 0..toks.len() {
                // Each pattern left untried for the kind of token at `i` finds nothing there.
                if toks[i].kind != TokenKind::Punct {
                    for bounded in [false, true] {
                        let hits = |lead: Option<Lead>| {
                            let mut hits = Vec::new();
                            s.tries(i, bounded, lead, |hit| hits.push(hit));
                            format!("{hits:?}")
                        };
                        let dispatched = hits(Some(Lead::of(&toks[i])));
                        let every = hits(None);
                        assert_eq!(dispatched, every, "at {:?} in {text:?}", toks[i].raw);
                    }
                }
                if !may_start_at(&toks, i) {
                    let found = s.match_at(i);
                    assert!(
                        found.is_none(),
                        "{found:?} at {:?} in {text:?}",
                        toks[i].raw
                    );
                }
            }
            let fast = format!("{:?}", scan(&toks, day_month));
            let every = format!("{:?}", scan_where(&toks, day_month, |_, _| true));
            assert_eq!(fast, every, "{text:?}");
        }
    }

    /// Texts with many dates: the seeds, the timex sets and phrases of every pattern.
    fn texts() -> Vec<String> {
        let mut out = crate::extract::seed_texts();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/eval/timex");
        for name in ["dev", "test", "challenge", "challenge2"] {
            let path = format!("{dir}/{name}.jsonl");
            let data = std::fs::read_to_string(&path).expect("timex set");
            for line in data.lines().filter(|l| !l.trim().is_empty()) {
                let v: serde_json::Value = serde_json::from_str(line).expect("timex line");
                out.push(v["text"].as_str().expect("text").to_string());
            }
        }
        out.push(
            "Q3 2021, fiscal 2023, the 1990s, mid-2021, year-end, weeklong, l'an dernier, \
             la semaine dernière, letzte Woche, el año pasado, twenty-four hours, a few days, \
             once a week, twice a year, three times a day, every Saturday, each morning, \
             noon Friday, 14h30, 14 Uhr, 1400 GMT, 19. März 2022, 3 de marzo de 2022, \
             overnight into Wednesday, the night of Tuesday to Wednesday, Christmas Eve, \
             New Year's Day, Labor Day weekend, recent weeks, for days, all day, \
             the whole day, these days, in the near future, summer 2021, in spring."
                .to_string(),
        );
        out
    }

    #[test]
    fn start_test_lets_every_match_through() {
        for text in texts() {
            let norm = normalize(&text);
            let seg = segment(norm.as_str());
            let toks: Vec<Tok> = (seg.tokens.iter())
                .map(|t| Tok::new(norm.as_str(), t.span, t.kind))
                .collect();
            for day_month in [false, true] {
                let s = Scanner {
                    t: &toks,
                    day_month,
                };
                for (i, t) in toks.iter().enumerate() {
                    if !may_start(t) {
                        assert!(s.match_at(i).is_none(), "{:?} in {text:?}", t.raw);
                    }
                }
            }
        }
    }

    #[test]
    fn scan_matches_trying_every_token() {
        for text in texts() {
            check_fast_path(&text);
        }
    }

    /// The filter turns away no listed word, whatever its case or script,
    /// and a word it lets through is answered by the map.
    #[test]
    fn the_filter_keeps_every_listed_word() {
        let s = super::starts();
        for (&w, &role) in s.iter() {
            assert!(s.get(w) == Some(role), "{w}");
        }
        for w in ["", "said", "police", "é", "東京", "ab"] {
            assert!(s.get(w).is_none(), "{w}");
        }
    }

    #[test]
    fn each_start_word_is_listed_once() {
        for w in LEADS {
            assert!(!WORDS.contains(w), "{w} is in both lists");
        }
    }

    /// The words the patterns name, the words of the lists, numbers of every
    /// shape, punctuation and ordinary words: the vocabulary of random runs.
    #[cfg(not(target_arch = "wasm32"))]
    fn vocabulary() -> Vec<String> {
        use super::{lists, FOLLOWS};
        let mut v: Vec<&str> = WORDS.to_vec();
        v.extend(lists::MONTHS.iter().map(|r| r.0));
        v.extend(lists::WEEKDAYS.iter().map(|r| r.0));
        v.extend(lists::UNITS.iter().map(|r| r.0));
        v.extend(lists::COUNT_WORDS.iter().map(|r| r.0));
        v.extend(lists::RELATIVE_WORDS.iter().map(|r| r.0));
        v.extend(lists::PARTS_OF_DAY.iter().map(|r| r.0));
        // Every word the patterns name in their code (and in their comments).
        let sources = [
            include_str!("mod.rs"),
            include_str!("calendar.rs"),
            include_str!("clock.rs"),
            include_str!("days.rs"),
            include_str!("duration.rs"),
            include_str!("relative.rs"),
        ];
        let quoted = sources.iter().flat_map(|s| s.split('"').skip(1).step_by(2));
        v.extend(quoted.filter(|w| !w.is_empty() && !w.contains([' ', '{', '\\', '\n'])));
        let shapes =
            "19 2022 1990s 90s 3 12 24 0 250 930 31 14:00 2pm 14h30 1400 19th 1st 4th 03/04/2022 \
             2022-03-19 19.03.2022 3.5 1,000 p.m. a.m. GMT ET Moscow local time . , / : ' - de \
             ago q3 mid-2021 two-week twenty-four weeklong l'an said police Mr at on for since \
             into it % people";
        // The leads, what may follow them and numbers often, so that they meet.
        for _ in 0..4 {
            v.extend(LEADS);
            v.extend(FOLLOWS);
            v.extend(shapes.split_whitespace());
        }
        v.into_iter().map(str::to_string).collect()
    }

    // proptest is a native dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// Random runs of date words, some capitalized, some glued together.
        #[test]
        fn fast_path_holds_on_random_runs(
            words in proptest::collection::vec((0usize..10_000, 0u8..8), 1..16),
        ) {
            let vocab = vocabulary();
            let mut text = String::new();
            for (n, how) in words {
                let w = &vocab[n % vocab.len()];
                match how {
                    0 => {}
                    1 => text.push('-'),
                    _ => text.push(' '),
                }
                if how >= 6 {
                    let mut c = w.chars();
                    text.extend(c.next().into_iter().flat_map(char::to_uppercase));
                    text.push_str(c.as_str());
                } else {
                    text.push_str(w);
                }
            }
            check_fast_path(&text);
        }
    }

    /// The tokens of `text` at which the scanner tries its patterns.
    fn tried(text: &str) -> Vec<&str> {
        let seg = segment(text);
        let toks: Vec<Tok> = (seg.tokens.iter())
            .map(|t| Tok::new(text, t.span, t.kind))
            .collect();
        (0..toks.len())
            .filter(|&i| may_start_at(&toks, i))
            .map(|i| toks[i].raw)
            .collect()
    }

    #[test]
    fn leads_need_the_word_after_them() {
        let text = "The protesters said in a statement that the end of March was near";
        assert_eq!(tried(text), ["the", "end", "March"]);
        let text = "Police said 12 people and 3 officers were hurt at 3 p.m. on 19 March, 2022";
        assert_eq!(tried(text), ["3", "19", "March", "2022"]);
    }

    /// A token read through the document's lower-cased copy is the token
    /// read alone: the same text, lower case, kind and span.
    #[test]
    fn lowered_tokens_read_as_tokens() {
        let text = "Am 19. MÄRZ 2022's Feier, İstanbul: Police said 2022: at 3 P.M. Friday's talks";
        let lower = text.to_ascii_lowercase();
        let seg = segment(text);
        let words = Words::in_lowered(text, &lower, &seg);
        for (t, w) in seg.tokens.iter().zip(words.iter()) {
            let (a, b) = (Tok::new(text, t.span, t.kind), Tok::of_word(w, &lower));
            assert_eq!(
                (a.raw, &a.low, a.kind, a.span),
                (b.raw, &b.low, b.kind, b.span)
            );
            assert_eq!(a.possessive, b.possessive);
        }
    }

    #[test]
    fn ordinary_words_are_skipped() {
        let text = "Officials said the protesters were dispersed by police";
        let seg = segment(text);
        let skipped: Vec<&str> = (seg.tokens.iter())
            .map(|t| Tok::new(text, t.span, t.kind))
            .filter(|t| !may_start(t))
            .map(|t| t.raw)
            .collect();
        assert_eq!(
            skipped,
            [
                "Officials",
                "said",
                "protesters",
                "were",
                "dispersed",
                "by",
                "police"
            ]
        );
    }
}
