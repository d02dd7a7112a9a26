//! Dates of one event in two reports: two reports that tell the same thing
//! in nearly the same words but give it different days ("28 novembre : le
//! Mauna Loa entre en éruption" / "27 novembre : ... le Mauna Loa entre en
//! éruption") contradict each other; a day a thing happened does not move
//! with the day it is reported.
//!
//! Only explicit days are read (written with a digit: "28 novembre",
//! "March 5, 2023"; not a clock time), one in each sentence, in sentences
//! that share most of their other content words; relative dates ("on
//! Wednesday") depend on the day each report was written and are left alone.

use super::fact::Fact;
use super::keys::word_key;
use super::set_join;
use crate::article::Article;
use crate::extract::{DateKind, DateMention};
use crate::lexicon;
use crate::text::TokenKind;
use std::collections::HashSet;

/// Content words two sentences must share, at least, to tell one thing.
const MIN_SHARED: usize = 3;
/// ... and the share of all the content words of both they must be: "the
/// total surpassed one million worldwide on April 2" and "... in the United
/// States on April 28" share many words but tell two things.
const MIN_OVERLAP: f64 = 0.65;

/// One sentence's explicit date and its other content words.
pub(super) struct Dated<'a> {
    date: &'a DateMention,
    words: HashSet<String>,
}

/// Two dates of one thing that differ: each report's date and a sentence
/// saying so.
#[derive(Debug)]
pub(super) struct DateConflict {
    pub(super) a: Fact,
    pub(super) b: Fact,
    pub(super) note: String,
}

/// The conflicts between the explicit dates of sentences of `a` and `b`
/// that tell the same thing; each sentence meets at most one. Each article
/// comes with its [`dated_sentences`]; only those that share a rare enough
/// word are compared ([`set_join`]).
pub(super) fn date_conflicts(
    (a, da): (&Article, &[Dated]),
    (b, db): (&Article, &[Dated]),
) -> Vec<DateConflict> {
    let hashed = |d: &[Dated]| -> Vec<Vec<u64>> {
        d.iter().map(|x| super::align::hash_set(&x.words)).collect()
    };
    let min_shared = |len| set_join::jaccard_min_shared(len, MIN_OVERLAP).max(MIN_SHARED);
    let meet = set_join::pairs(
        (da.len(), || hashed(da)),
        (db.len(), || hashed(db)),
        &min_shared,
    );
    let mut used_b = HashSet::new();
    let mut out = Vec::new();
    for (i, x) in da.iter().enumerate() {
        // In order, so that of two equal shares the later sentence wins.
        let mut js: Vec<usize> = meet.of(i).collect();
        crate::text::sort::all(&mut js);
        let best = (js.into_iter().map(|j| (j, &db[j])))
            .filter(|(j, _)| !used_b.contains(j))
            .filter_map(|(j, y)| Some((j, y, overlap(&x.words, &y.words)?)))
            .max_by(|p, q| p.2.total_cmp(&q.2));
        let Some((j, y, _)) = best else { continue };
        used_b.insert(j);
        let (Some(dx), Some(dy)) = (x.date.day(), y.date.day()) else {
            continue;
        };
        if dx == dy {
            continue;
        }
        let fact = |d: &DateMention| Fact {
            key: "date".to_string(),
            value: d.value.get(..10).unwrap_or(&d.value).to_string(),
            span: d.span,
        };
        let (fa, fb) = (fact(x.date), fact(y.date));
        let note = format!(
            "{} dates it {} and {} {}, in sentences that tell the same thing: one event cannot have happened on both days.",
            a.id, fa.value, b.id, fb.value
        );
        out.push(DateConflict { a: fa, b: fb, note });
    }
    out
}

/// The share of all their words the two share (Jaccard), when they share enough.
fn overlap(x: &HashSet<String>, y: &HashSet<String>) -> Option<f64> {
    let shared = x.intersection(y).count();
    let share = shared as f64 / x.union(y).count().max(1) as f64;
    (shared >= MIN_SHARED && share >= MIN_OVERLAP).then_some(share)
}

/// The sentences of `art` with exactly one explicit full date, each with
/// its content words and numbers outside that date.
pub(super) fn dated_sentences(art: &Article) -> Vec<Dated<'_>> {
    let text = art.analysis_text();
    let lang = art.language();
    // A day written with a digit; not a clock time ("11:00 p.m. on Sunday").
    let explicit = |d: &DateMention| {
        d.kind == DateKind::Date
            && d.day().is_some()
            && d.span.of(text).chars().any(|c| c.is_ascii_digit())
    };
    // Each sentence's explicit dates, in article order: none, one, or more.
    let mut of_sentence: Vec<(Option<&DateMention>, bool)> =
        vec![(None, false); art.seg.sentences.len()];
    for d in art.dates.iter().filter(|d| explicit(d)) {
        if let Some(i) = art.seg.sentence_at(d.span.start) {
            let (first, more) = &mut of_sentence[i];
            *more |= first.is_some();
            first.get_or_insert(d);
        }
    }
    (of_sentence.into_iter().enumerate())
        .filter_map(|(i, dates)| {
            let (Some(date), false) = dates else {
                return None;
            };
            let words: HashSet<String> = (art.seg.sentence_tokens(i).iter())
                .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
                .filter(|t| t.span.end <= date.span.start || t.span.start >= date.span.end)
                .map(|t| word_key(t.span.of(text)))
                .filter(|k| k.chars().count() >= 2 && !lexicon::is_stopword_in(k, lang))
                .collect();
            Some(Dated { date, words })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze_batch, Input};

    fn pair(a: (&str, &str), b: (&str, &str)) -> Vec<Article> {
        let side = |id: &str, (date, text): (&str, &str)| Input {
            date: Some(date.into()),
            ..Input::new(id, text)
        };
        analyze_batch(&[side("a", a), side("b", b)]).expect("analyzes")
    }

    fn conflicts(arts: &[Article]) -> Vec<DateConflict> {
        let (a, b) = (&arts[0], &arts[1]);
        date_conflicts((a, &dated_sentences(a)), (b, &dated_sentences(b)))
    }

    #[test]
    fn one_event_on_two_days_is_a_conflict() {
        let arts = pair(
            ("2022-11-28", "On November 28, the Mauna Loa volcano in Hawaii erupts for the first time since 1984."),
            ("2022-11-29", "On November 27, the Mauna Loa volcano in Hawaii erupts for the first time since 1984."),
        );
        let c = conflicts(&arts);
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(
            (c[0].a.value.as_str(), c[0].b.value.as_str()),
            ("2022-11-28", "2022-11-27")
        );
        assert!(c[0].note.contains("cannot"), "{}", c[0].note);
    }

    #[test]
    fn different_events_relative_dates_and_one_day_are_not() {
        let cases = [
            (
                "On March 3, the storm hit the coast of Florida.",
                "On March 5, parliament passed the budget after a long debate.",
            ),
            (
                "On Wednesday, the Mauna Loa volcano in Hawaii erupted for the first time since 1984.",
                "On Thursday, the Mauna Loa volcano in Hawaii erupted for the first time since 1984.",
            ),
            (
                "On November 27, the Mauna Loa volcano in Hawaii erupts for the first time since 1984.",
                "On November 27, 2022, the Mauna Loa volcano in Hawaii erupted for the first time since 1984.",
            ),
            (
                "The total number of infections worldwide surpassed one million on April 2.",
                "The total number of confirmed infections in the United States surpassed one million on April 28.",
            ),
            (
                "Advisory 14, released at 11:00 p.m. on March 3, placed the storm west of Bermuda.",
                "Advisory 25A, released at 8:00 p.m. on March 6, placed the storm 75 miles north of Bermuda.",
            ),
        ];
        for (x, y) in cases {
            let arts = pair(("2022-11-28", x), ("2022-11-30", y));
            assert!(conflicts(&arts).is_empty(), "{x} / {y}");
        }
    }
}
