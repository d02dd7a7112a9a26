//! The temporal scanner's words: lookups in `data/words/dates/` (each list
//! indexed by word on first use) and the closed sets they name.

use crate::lexicon::lists::dates as lists;
use crate::lexicon::{WordIndex, WordMap};
use crate::text::has_hyphen;
use std::sync::OnceLock;

/// A list of words, indexed.
type Words = WordIndex<&'static str>;

static MONTHS: WordIndex<(&str, &str, u32, bool)> = WordIndex::new(lists::MONTHS, |r| r.0);
static WEEKDAYS: WordIndex<(&str, u32, bool)> = WordIndex::new(lists::WEEKDAYS, |r| r.0);
static PARTS_OF_DAY: WordIndex<(&str, &str)> = WordIndex::new(lists::PARTS_OF_DAY, |r| r.0);
static UNITS: WordIndex<(&str, &str, bool)> = WordIndex::new(lists::UNITS, |r| r.0);
static COUNT_WORDS: WordIndex<(&str, u32, bool)> = WordIndex::new(lists::COUNT_WORDS, |r| r.0);
static RELATIVE_WORDS: WordIndex<(&str, &str, i64)> =
    WordIndex::new(lists::RELATIVE_WORDS, |r| r.0);
static FOREIGN_WEEKDAY_CUES: Words = WordIndex::of_words(lists::FOREIGN_WEEKDAY_CUES);
static WEEKDAY_NAMES_BEFORE: Words = WordIndex::of_words(lists::WEEKDAY_NAMES_BEFORE);
static WEEKDAY_NAMES_AFTER: Words = WordIndex::of_words(lists::WEEKDAY_NAMES_AFTER);
static DATE_CUES: Words = WordIndex::of_words(lists::DATE_CUES);
static TIME_ZONES: Words = WordIndex::of_words(lists::TIME_ZONES);
static NOT_PAST: Words = WordIndex::of_words(lists::NOT_PAST);
static CAUSAL_AFTER_DUE_TO: Words = WordIndex::of_words(lists::CAUSAL_AFTER_DUE_TO);
static COUNTED_NOUNS: Words = WordIndex::of_words(lists::COUNTED_NOUNS);
static BEFORE_ARTICLE_UNIT: Words = WordIndex::of_words(lists::BEFORE_ARTICLE_UNIT);
static BEFORE_BARE_UNITS: Words = WordIndex::of_words(lists::BEFORE_BARE_UNITS);
static CLOCK_CUES: Words = WordIndex::of_words(lists::CLOCK_CUES);

/// How a month word is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum MonthForm {
    /// An English month name ("March"): a date on its own when capitalized.
    Name,
    /// An English abbreviation ("Jan."): needs a day or a year next to it.
    Abbreviation,
    /// A French, German or Spanish name: needs a number next to it.
    Foreign,
}

/// A month name and how safe it is to read on its own.
#[derive(Clone, Copy, Debug)]
pub(super) struct MonthWord {
    pub month: u32,
    pub form: MonthForm,
    /// Also an ordinary word ("March", "May"): alone it needs a date context.
    pub ambiguous: bool,
}

impl MonthWord {
    /// Needs a number next to it (abbreviations, foreign names).
    pub fn needs_number(&self) -> bool {
        self.form != MonthForm::Name
    }
    /// English, so written with a capital.
    pub fn english(&self) -> bool {
        self.form != MonthForm::Foreign
    }
}

/// A month name in lower case ("march", "jan", "märz").
pub(super) fn month(word: &str) -> Option<MonthWord> {
    let &(_, form, month, ambiguous) = MONTHS.get(word)?;
    let form = match form {
        "name" => MonthForm::Name,
        "abbreviation" => MonthForm::Abbreviation,
        "foreign" => MonthForm::Foreign,
        other => unreachable!("months.tsv: unknown role {other}"),
    };
    Some(MonthWord {
        month,
        form,
        ambiguous,
    })
}

/// Whether a lower-case word is a month name or abbreviation, in any of
/// the languages the scanner reads.
pub(in crate::extract) fn is_month_name(word: &str) -> bool {
    MONTHS.get(word).is_some()
}

/// A weekday name.
#[derive(Clone, Copy, Debug)]
pub(super) struct WeekdayWord {
    /// 0 = Monday .. 6 = Sunday.
    pub weekday: u32,
    /// English (written with a capital) rather than French, German or Spanish.
    pub english: bool,
}

/// A weekday name in lower case ("saturday", "samedi").
pub(super) fn weekday(word: &str) -> Option<WeekdayWord> {
    WEEKDAYS
        .get(word)
        .map(|&(_, weekday, english)| WeekdayWord { weekday, english })
}

/// Whether a lower-case word is an English weekday name.
pub(in crate::extract) fn is_english_weekday(word: &str) -> bool {
    weekday(word).is_some_and(|w| w.english)
}

/// Words before a foreign weekday that make it a date ("le samedi", "am Samstag", "el sábado").
pub(super) fn is_foreign_weekday_cue(word: &str) -> bool {
    FOREIGN_WEEKDAY_CUES.contains(word)
}

/// Capitalized words that turn a weekday after them into a name ("Bloody Sunday").
pub(super) fn is_weekday_name_before(word: &str) -> bool {
    WEEKDAY_NAMES_BEFORE.contains(word)
}

/// Capitalized words that turn a weekday before them into a name ("Sunday Times").
pub(super) fn is_weekday_name_after(word: &str) -> bool {
    WEEKDAY_NAMES_AFTER.contains(word)
}

/// Words after which a bare month name or a bare year reads as a date.
pub(super) fn is_date_cue(word: &str) -> bool {
    DATE_CUES.contains(word)
}

/// A part of the day (TimeML's `MO`, `AF`, `EV`, `NI`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum PartOfDay {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl PartOfDay {
    /// The TimeML code.
    pub fn code(self) -> &'static str {
        match self {
            PartOfDay::Morning => "MO",
            PartOfDay::Afternoon => "AF",
            PartOfDay::Evening => "EV",
            PartOfDay::Night => "NI",
        }
    }
}

/// A part of day word ("morning", "soir", "Nacht").
pub(super) fn part_of_day(word: &str) -> Option<PartOfDay> {
    Some(match PARTS_OF_DAY.get(word)?.1 {
        "morning" => PartOfDay::Morning,
        "afternoon" => PartOfDay::Afternoon,
        "evening" => PartOfDay::Evening,
        "night" => PartOfDay::Night,
        other => unreachable!("parts_of_day.tsv: unknown role {other}"),
    })
}

/// A season (TimeML's `SP`, `SU`, `FA`, `WI`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    /// The TimeML code.
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// The month after which the season is over in a year (winter never is:
    /// it runs into the next one).
    pub fn last_month(self) -> u32 {
        match self {
            Season::Spring => 5,
            Season::Summer => 8,
            Season::Fall => 11,
            Season::Winter => 13,
        }
    }
}

/// A season word.
pub(super) fn season(word: &str) -> Option<Season> {
    Some(match word {
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "autumn" | "fall" => Season::Fall,
        "winter" => Season::Winter,
        _ => return None,
    })
}

/// A unit of time, shortest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The ISO 8601 duration designator and whether it is a time (after `T`).
    pub fn designator(self) -> (&'static str, bool) {
        match self {
            Unit::Second => ("S", true),
            Unit::Minute => ("M", true),
            Unit::Hour => ("H", true),
            Unit::Day => ("D", false),
            Unit::Week | Unit::Fortnight => ("W", false),
            Unit::Month | Unit::Quarter => ("M", false),
            Unit::Year | Unit::Decade | Unit::Century => ("Y", false),
        }
    }

    /// How many designator units one of this unit makes.
    pub fn factor(self) -> f64 {
        match self {
            Unit::Fortnight => 2.0,
            Unit::Quarter => 3.0,
            Unit::Decade => 10.0,
            Unit::Century => 100.0,
            _ => 1.0,
        }
    }

    /// The unit a role of the unit list names.
    fn from_role(role: &str) -> Unit {
        match role {
            "second" => Unit::Second,
            "minute" => Unit::Minute,
            "hour" => Unit::Hour,
            "day" => Unit::Day,
            "week" => Unit::Week,
            "fortnight" => Unit::Fortnight,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            "century" => Unit::Century,
            other => unreachable!("units.tsv: unknown role {other}"),
        }
    }
}

/// A unit word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct UnitWord {
    pub unit: Unit,
    /// "days", not "day".
    pub plural: bool,
}

/// A unit word, singular or plural ("day", "weeks", "semaines"). Inlined:
/// the scanner asks it of most words it tries, which are none, and the list's
/// filter turns most away without a call; a listed word's row is read by one.
#[inline]
pub(super) fn unit(word: &str) -> Option<UnitWord> {
    UNITS.get(word).map(unit_word)
}

/// The unit word of a row of the unit list.
#[inline(never)]
fn unit_word(&(_, role, plural): &(&str, &str, bool)) -> UnitWord {
    UnitWord {
        unit: Unit::from_role(role),
        plural,
    }
}

/// Number words (cardinals up to ninety-nine via "twenty-four", "hundred",
/// "dozen", French, German and Spanish ones up to ten), `None` if not one.
pub(super) fn number_word(word: &str) -> Option<f64> {
    let count = |w: &str| COUNT_WORDS.get(w);
    if let Some(&(_, n, _)) = count(word) {
        return Some(f64::from(n));
    }
    let (tens, ones) = split_at_hyphen(word)?;
    let tens = count(tens).filter(|&&(_, n, compounds)| compounds && n >= 20)?;
    let ones = count(ones).filter(|&&(_, n, compounds)| compounds && (1..10).contains(&n))?;
    Some(f64::from(tens.1 + ones.1))
}

/// `word` before and after its first hyphen ("twenty-four", "two-week"), if
/// it has one. The scanner asks it of most words it tries, which have none:
/// they are told so by [`has_hyphen`]'s word-sized reads, without a search
/// (inlined into the scanner, where a call would cost as much).
#[inline]
pub(super) fn split_at_hyphen(word: &str) -> Option<(&str, &str)> {
    if !has_hyphen(word.as_bytes()) {
        return None;
    }
    word.split_once('-')
}

/// Vague quantity words: "several days", "a few weeks".
pub(super) const VAGUE_COUNTS: &[&str] = &["several", "few", "many", "some", "couple", "numerous"];

/// Ordinals for quarters and halves.
pub(super) fn ordinal(word: &str) -> Option<u32> {
    Some(match word {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" | "last" | "final" => 4,
        _ => return None,
    })
}

/// Time zone words that may follow a clock time ("14:00 GMT").
pub(super) fn is_time_zone(word: &str) -> bool {
    TIME_ZONES.contains(word)
}

/// Words that look like past participles but are not verbs in the past.
pub(super) fn is_not_past(word: &str) -> bool {
    NOT_PAST.contains(word)
}

/// Words meaning "intended for a time" that read as future unless "was/were/had" precedes.
const SCHEDULE_WORDS: &[&str] = &[
    "expected",
    "scheduled",
    "due",
    "set",
    "slated",
    "poised",
    "planned",
    "forecast",
    "predicted",
];

/// German auxiliaries of the past.
const GERMAN_PAST: &[&str] = &["wurde", "wurden", "hatte", "hatten", "waren"];

/// What a word says of the tense of its sentence by itself.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Marker {
    /// One of [`SCHEDULE_WORDS`]: the future, before "to", "for", "on", ...
    Schedule,
    /// A future, modal or scheduling marker ("will", "plans", "sera").
    Future,
    /// An irregular past form (and a few regular ones that are frequent in
    /// news), or a German auxiliary of the past.
    Past,
}

/// The [`Marker`] of `word`, if it is a listed one. The tense of a date asks
/// it of most words of the date's sentence: one filter read turns most
/// away, and the rest are hashed once for all the lists.
pub(super) fn marker(word: &str) -> Option<Marker> {
    static MARKERS: OnceLock<WordMap<Marker>> = OnceLock::new();
    let markers = MARKERS.get_or_init(|| {
        // A word of two lists keeps the first: a schedule word is read as
        // one before it is read as a future marker, a future one before a
        // past one.
        let lists = [
            (SCHEDULE_WORDS, Marker::Schedule),
            (lists::FUTURE_WORDS.words(), Marker::Future),
            (lists::PAST_WORDS.words(), Marker::Past),
            (GERMAN_PAST, Marker::Past),
        ];
        WordMap::new(
            (lists.into_iter()).flat_map(|(words, marker)| words.iter().map(move |&w| (w, marker))),
        )
    });
    markers.get(word)
}

/// Words after "due to" that make it causal ("due to a rise").
pub(super) fn is_causal_after_due_to(word: &str) -> bool {
    CAUSAL_AFTER_DUE_TO.contains(word)
}

/// Nouns that make a four-digit number a count, not a year ("of 2000 people").
pub(super) fn is_counted_noun(word: &str) -> bool {
    COUNTED_NOUNS.contains(word)
}

/// Words before "a"/"an" and a unit that make it a duration ("for a day").
pub(super) fn is_before_article_unit(word: &str) -> bool {
    BEFORE_ARTICLE_UNIT.contains(word)
}

/// Words before a bare plural unit that make it a duration ("for days").
pub(super) fn is_before_bare_units(word: &str) -> bool {
    BEFORE_BARE_UNITS.contains(word)
}

/// Words before a bare clock time that make it one ("at 2:00").
pub(super) fn is_clock_cue(word: &str) -> bool {
    CLOCK_CUES.contains(word)
}

/// The offset a word written before a foreign unit gives it ("letzte Woche": -1).
pub(super) fn offset_before_unit(word: &str) -> Option<i64> {
    RELATIVE_WORDS
        .get(word)
        .filter(|r| r.1 == "before")
        .map(|r| r.2)
}

/// The offset a word written after a foreign unit gives it ("la semaine dernière": -1).
pub(super) fn offset_after_unit(word: &str) -> Option<i64> {
    RELATIVE_WORDS
        .get(word)
        .filter(|r| r.1 == "after")
        .map(|r| r.2)
}

#[cfg(test)]
mod tests {
    use super::lists::{MONTHS, PARTS_OF_DAY, RELATIVE_WORDS, UNITS};
    use super::*;

    #[test]
    fn every_role_names_a_value() {
        for (word, ..) in MONTHS {
            assert!(month(word).is_some(), "{word}");
        }
        for (word, ..) in PARTS_OF_DAY {
            assert!(part_of_day(word).is_some(), "{word}");
        }
        for (word, ..) in UNITS {
            assert!(unit(word).is_some(), "{word}");
        }
        for (word, role, _) in RELATIVE_WORDS {
            assert!(matches!(*role, "before" | "after"), "{word}: {role}");
        }
    }

    #[test]
    fn number_words() {
        let cases = [
            ("zero", Some(0.0)),
            ("nineteen", Some(19.0)),
            ("ninety", Some(90.0)),
            ("twenty-four", Some(24.0)),
            ("twenty-ten", None),
            ("twenty-deux", None),
            ("dozen", Some(12.0)),
            ("hundred", Some(100.0)),
            ("quatre", Some(4.0)),
            ("einen", Some(1.0)),
        ];
        for (word, want) in cases {
            assert_eq!(number_word(word), want, "{word}");
        }
    }
}
