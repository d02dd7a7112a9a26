//! Lookups in the quantity word lists (`data/words/quantities/`), each
//! indexed by word on first use; the hedges are tried in their order instead.

use crate::lexicon::lists::quantities as lists;
use crate::lexicon::WordIndex;
use crate::text::with_lower;

/// A list of words with a value each, indexed by word.
type Valued<V> = WordIndex<(&'static str, V)>;
/// A list of words, indexed.
type Words = WordIndex<&'static str>;

static NUMBER_WORDS: Valued<f64> = WordIndex::new(lists::NUMBER_WORDS, |r| r.0);
static APPROXIMATE_NUMBERS: Valued<f64> = WordIndex::new(lists::APPROXIMATE_NUMBERS, |r| r.0);
static SCALES: Valued<f64> = WordIndex::new(lists::SCALES, |r| r.0);
static VAGUE_AMOUNTS: Valued<f64> = WordIndex::new(lists::VAGUE_AMOUNTS, |r| r.0);
static CURRENCIES: WordIndex<(&str, &str, &str)> = WordIndex::new(lists::CURRENCIES, |r| r.0);
static NOUN_UNITS: Valued<&str> = WordIndex::new(lists::NOUN_UNITS, |r| r.0);
static PREDICATES: Valued<&str> = WordIndex::new(lists::PREDICATES, |r| r.0);
static VERBS_BEFORE: Valued<&str> = WordIndex::new(lists::VERBS_BEFORE, |r| r.0);
static NOUN_PHRASE_STOPS: Words = WordIndex::of_words(lists::NOUN_PHRASE_STOPS);
static COLLECTIVE_NOUNS: Words = WordIndex::of_words(lists::COLLECTIVE_NOUNS);
static AUXILIARIES: Words = WordIndex::of_words(lists::AUXILIARIES);
static BEFORE_PARTICIPLE: Words = WordIndex::of_words(lists::BEFORE_PARTICIPLE);
static CLOCK_WORDS: Words = WordIndex::of_words(lists::CLOCK_WORDS);
static YEAR_CUES: Words = WordIndex::of_words(lists::YEAR_CUES);
static COUNT_OPENERS: Words = WordIndex::of_words(lists::COUNT_OPENERS);
static NUMBER_LABELS: Words = WordIndex::of_words(lists::NUMBER_LABELS);

/// A number word ("eight", "vingt", "fünf") or a hyphenated tens and ones
/// ("twenty-five", "vingt-cinq").
pub(super) fn number_word(w: &str) -> Option<f64> {
    let value = |w: &str| NUMBER_WORDS.get(w).map(|r| r.1);
    if let Some(v) = value(w) {
        return Some(v);
    }
    let (tens, ones) = w.split_once('-')?;
    let t = value(tens)?;
    let o = value(ones)?;
    ((20.0..100.0).contains(&t) && o < 10.0).then_some(t + o)
}

/// A French noun of an approximate number: "trentaine" is about thirty.
pub(super) fn approximate_number(w: &str) -> Option<f64> {
    APPROXIMATE_NUMBERS.get(w).map(|r| r.1)
}

/// The multiplier of a scale word or suffix ("m", "bn", "million"), in any case.
pub(super) fn scale_word(s: &str) -> Option<f64> {
    with_lower(s, |l| SCALES.get(l)).map(|r| r.1)
}

/// The scale a vague plural counts in tens of ("dozens": 12, "milliers": 1000).
pub(super) fn vague_scale(w: &str) -> Option<f64> {
    VAGUE_AMOUNTS.get(w).map(|r| r.1)
}

/// The currency code of a sign written before a figure ("$", "€", "us$").
pub(super) fn currency_sign(s: &str) -> Option<&'static str> {
    CURRENCIES.get(s).filter(|r| r.1 == "sign").map(|r| r.2)
}

/// The currency code of a name written after a figure ("dollars", "euros").
pub(super) fn currency_name(s: &str) -> Option<&'static str> {
    CURRENCIES.get(s).filter(|r| r.1 == "name").map(|r| r.2)
}

/// Whether a unit is a currency code or "percent".
pub(super) fn is_money_or_percent(u: &str) -> bool {
    u == "percent" || lists::CURRENCIES.iter().any(|r| r.2 == u)
}

/// Whether a word ends the counted noun phrase ("of", "were", "the").
pub(super) fn is_noun_phrase_stop(w: &str) -> bool {
    NOUN_PHRASE_STOPS.contains(w)
}

/// Whether a word is a noun that counts without a plural ending ("people").
pub(super) fn is_collective_noun(w: &str) -> bool {
    COLLECTIVE_NOUNS.contains(w)
}

/// The unit a counted noun is reported under ("persons" and "personnes": "people").
pub(super) fn noun_unit(w: &str) -> Option<&'static str> {
    NOUN_UNITS.get(w).map(|r| r.1)
}

/// What a word says happened to those counted, normalized ("dead": "killed").
pub(super) fn predicate_word(w: &str) -> Option<&'static str> {
    PREDICATES.get(w).map(|r| r.1)
}

/// Whether a word is an auxiliary verb ("were", "ont", "wurden").
pub(super) fn is_auxiliary(w: &str) -> bool {
    AUXILIARIES.contains(w)
}

/// Whether a word may stand before the participle besides an auxiliary
/// ("reportedly", "believed", "to", "be").
pub(super) fn is_before_participle(w: &str) -> bool {
    BEFORE_PARTICIPLE.contains(w)
}

/// Whether a word after a number makes it a clock time ("p.m.", "GMT", "Uhr").
pub(super) fn is_clock_word(w: &str) -> bool {
    CLOCK_WORDS.contains(w)
}

/// Whether a word before a four-digit number makes it a year ("in", "since").
pub(super) fn is_year_cue(w: &str) -> bool {
    YEAR_CUES.contains(w)
}

/// Whether a capitalized word before a number still opens a count ("Only", "All").
pub(super) fn is_count_opener(w: &str) -> bool {
    COUNT_OPENERS.contains(w)
}

/// Whether a word before a number makes it a label ("page", "flight", "#").
pub(super) fn is_number_label(w: &str) -> bool {
    w == "#" || NUMBER_LABELS.contains(w)
}

/// What a verb before a figure says happened to those counted ("killing": "killed").
pub(super) fn verb_before(w: &str) -> Option<&'static str> {
    VERBS_BEFORE.get(w).map(|r| r.1)
}

#[cfg(test)]
mod tests {
    use super::lists::CURRENCIES;

    #[test]
    fn currency_roles_are_sign_or_name() {
        for (word, role, _) in CURRENCIES {
            assert!(matches!(*role, "sign" | "name"), "{word}: {role}");
        }
    }
}
