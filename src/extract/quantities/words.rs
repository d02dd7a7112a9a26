//! Lookups in the quantity word lists (`data/words/quantities/`). The lists
//! are sorted by word and searched by binary search, except the hedges, which
//! are tried in order.

use crate::lexicon::lists::quantities as lists;

/// The row of a sorted `list` whose first column is `word`.
fn find<T>(list: &'static [T], word: &str, key: impl Fn(&T) -> &str) -> Option<&'static T> {
    list.binary_search_by(|row| key(row).cmp(word))
        .ok()
        .map(|i| &list[i])
}

fn contains(list: &[&str], word: &str) -> bool {
    list.binary_search(&word).is_ok()
}

/// A number word ("eight", "vingt", "fünf") or a hyphenated tens and ones
/// ("twenty-five", "vingt-cinq").
pub(super) fn number_word(w: &str) -> Option<f64> {
    let value = |w: &str| find(lists::NUMBER_WORDS, w, |r| r.0).map(|r| r.1);
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
    find(lists::APPROXIMATE_NUMBERS, w, |r| r.0).map(|r| r.1)
}

/// The multiplier of a scale word or suffix ("m", "bn", "million"), in any case.
pub(super) fn scale_word(s: &str) -> Option<f64> {
    find(lists::SCALES, &s.to_lowercase(), |r| r.0).map(|r| r.1)
}

/// The scale a vague plural counts in tens of ("dozens": 12, "milliers": 1000).
pub(super) fn vague_scale(w: &str) -> Option<f64> {
    find(lists::VAGUE_AMOUNTS, w, |r| r.0).map(|r| r.1)
}

/// The currency code of a sign written before a figure ("$", "€", "us$").
pub(super) fn currency_sign(s: &str) -> Option<&'static str> {
    find(lists::CURRENCIES, s, |r| r.0)
        .filter(|r| r.1 == "sign")
        .map(|r| r.2)
}

/// The currency code of a name written after a figure ("dollars", "euros").
pub(super) fn currency_name(s: &str) -> Option<&'static str> {
    find(lists::CURRENCIES, s, |r| r.0)
        .filter(|r| r.1 == "name")
        .map(|r| r.2)
}

/// Whether a unit is a currency code or "percent".
pub(super) fn is_money_or_percent(u: &str) -> bool {
    u == "percent" || lists::CURRENCIES.iter().any(|r| r.2 == u)
}

/// Whether a word ends the counted noun phrase ("of", "were", "the").
pub(super) fn is_noun_phrase_stop(w: &str) -> bool {
    contains(lists::NOUN_PHRASE_STOPS, w)
}

/// Whether a word is a noun that counts without a plural ending ("people").
pub(super) fn is_collective_noun(w: &str) -> bool {
    contains(lists::COLLECTIVE_NOUNS, w)
}

/// The unit a counted noun is reported under ("persons" and "personnes": "people").
pub(super) fn noun_unit(w: &str) -> Option<&'static str> {
    find(lists::NOUN_UNITS, w, |r| r.0).map(|r| r.1)
}

/// What a word says happened to those counted, normalized ("dead": "killed").
pub(super) fn predicate_word(w: &str) -> Option<&'static str> {
    find(lists::PREDICATES, w, |r| r.0).map(|r| r.1)
}

/// Whether a word is an auxiliary verb ("were", "ont", "wurden").
pub(super) fn is_auxiliary(w: &str) -> bool {
    contains(lists::AUXILIARIES, w)
}

/// Whether a word may stand before the participle besides an auxiliary
/// ("reportedly", "believed", "to", "be").
pub(super) fn is_before_participle(w: &str) -> bool {
    contains(lists::BEFORE_PARTICIPLE, w)
}

/// Whether a word after a number makes it a clock time ("p.m.", "GMT", "Uhr").
pub(super) fn is_clock_word(w: &str) -> bool {
    contains(lists::CLOCK_WORDS, w)
}

/// Whether a word before a four-digit number makes it a year ("in", "since").
pub(super) fn is_year_cue(w: &str) -> bool {
    contains(lists::YEAR_CUES, w)
}

/// Whether a capitalized word before a number still opens a count ("Only", "All").
pub(super) fn is_count_opener(w: &str) -> bool {
    contains(lists::COUNT_OPENERS, w)
}

/// Whether a word before a number makes it a label ("page", "flight", "#").
pub(super) fn is_number_label(w: &str) -> bool {
    w == "#" || contains(lists::NUMBER_LABELS, w)
}

/// What a verb before a figure says happened to those counted ("killing": "killed").
pub(super) fn verb_before(w: &str) -> Option<&'static str> {
    find(lists::VERBS_BEFORE, w, |r| r.0).map(|r| r.1)
}

#[cfg(test)]
mod tests {
    use super::lists::*;

    fn sorted<T>(name: &str, list: &[T], key: impl Fn(&T) -> &str) {
        for pair in list.windows(2) {
            let (a, b) = (key(&pair[0]), key(&pair[1]));
            assert!(a < b, "{name}: {a:?} before {b:?}: sort the file by word");
        }
    }

    #[test]
    fn searched_lists_are_sorted() {
        sorted("number_words", NUMBER_WORDS, |r| r.0);
        sorted("approximate_numbers", APPROXIMATE_NUMBERS, |r| r.0);
        sorted("scales", SCALES, |r| r.0);
        sorted("vague_amounts", VAGUE_AMOUNTS, |r| r.0);
        sorted("currencies", CURRENCIES, |r| r.0);
        sorted("noun_units", NOUN_UNITS, |r| r.0);
        sorted("predicates", PREDICATES, |r| r.0);
        sorted("verbs_before", VERBS_BEFORE, |r| r.0);
        for (name, list) in [
            ("noun_phrase_stops", NOUN_PHRASE_STOPS),
            ("collective_nouns", COLLECTIVE_NOUNS),
            ("auxiliaries", AUXILIARIES),
            ("before_participle", BEFORE_PARTICIPLE),
            ("clock_words", CLOCK_WORDS),
            ("year_cues", YEAR_CUES),
            ("count_openers", COUNT_OPENERS),
            ("number_labels", NUMBER_LABELS),
        ] {
            sorted(name, list, |w| w);
        }
    }

    #[test]
    fn currency_roles_are_sign_or_name() {
        for (word, role, _) in CURRENCIES {
            assert!(matches!(*role, "sign" | "name"), "{word}: {role}");
        }
    }
}
