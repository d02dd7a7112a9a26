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
//! pattern that starts at a new word must add it to [`WORDS`]; the test
//! `start_test_lets_every_match_through` checks that none is missed on the
//! seeds and the evaluation texts.

use crate::text::hash::FastSet;
use std::sync::OnceLock;

use super::Tok;
use crate::lexicon::lists::dates as lists;
use crate::text::TokenKind;

/// The words the patterns test for by name, beyond the word lists.
const WORDS: &[&str] = &[
    // Articles and determiners that lead a pattern.
    "the",
    "a",
    "an",
    "all",
    "these",
    "each",
    "every",
    "el",
    "la",
    "le",
    "im",
    "am",
    "in",
    // Relative words: "this week", "last Saturday", "the coming days".
    "this",
    "last",
    "past",
    "next",
    "coming",
    "current",
    "previous",
    "recent",
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
    "once",
    "twice",
    "thrice",
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
    "end",
    "beginning",
    "start",
    "middle",
    "early",
    "late",
    "mid",
    "year-end",
    "yearend",
    "midweek",
    "earlier",
    "later",
    "fiscal",
    // Holidays (first word).
    "christmas",
    "new",
    "may",
    "election",
    "halloween",
    "valentine",
    "labor",
    "labour",
    "memorial",
    "independence",
    "bastille",
    "boxing",
    "good",
    "black",
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
    "an",
    "jahr",
    "año",
    // Vague counts ("several days").
    "several",
    "few",
    "many",
    "some",
    "couple",
    "numerous",
];

/// Whether a pattern may start at `t`. Never false where one matches.
pub(super) fn may_start(t: &Tok) -> bool {
    if t.kind == TokenKind::Number {
        return true;
    }
    let w = t.low.as_str();
    let b = w.as_bytes();
    if b.first().is_some_and(u8::is_ascii_digit)
        || b.contains(&b'-')
        || w.ends_with("long")
        || w.starts_with("l'")
        || (b.len() == 2 && b[0] == b'q')
    {
        return true;
    }
    starts().contains(w)
}

type Set = FastSet<&'static str>;

fn starts() -> &'static Set {
    static STARTS: OnceLock<Set> = OnceLock::new();
    STARTS.get_or_init(|| {
        let mut s = Set::default();
        s.extend(WORDS.iter().copied());
        s.extend(lists::MONTHS.iter().map(|r| r.0));
        s.extend(lists::WEEKDAYS.iter().map(|r| r.0));
        s.extend(lists::UNITS.iter().map(|r| r.0));
        s.extend(lists::COUNT_WORDS.iter().map(|r| r.0));
        s.extend(lists::RELATIVE_WORDS.iter().map(|r| r.0));
        s
    })
}

#[cfg(test)]
mod tests {
    use super::super::{Scanner, Tok};
    use super::may_start;
    use crate::text::{normalize, segment};

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
