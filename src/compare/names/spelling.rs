//! Whether two spellings name one entity: [`same_name`] and the
//! transliteration key it compares.

use super::table::MergeReason;
use crate::extract::EntityLabel;
use crate::lexicon::{self, lists, Place};
use std::borrow::Cow;
use unicode_normalization::char::is_combining_mark;

/// Whether two names of one label name the same entity, and by which rule.
///
/// The rules, tried in order: the same string; the same but for case and
/// accents; for places, one gazetteer entry (or a transliteration of one);
/// for people, token by token (surname, then given names); for the rest, the same
/// transliteration key, else a spelling within an edit bound that grows
/// with length.
pub fn same_name(a: &str, b: &str, label: EntityLabel) -> Option<MergeReason> {
    Spelling::of(a, label).same_name(&Spelling::of(b, label))
}

/// A name worked out once for all the names it is compared with: its Latin
/// spelling, folded spelling, keys and gazetteer entries, which
/// [`same_name`] would otherwise make again for every pair the name is in.
pub(super) struct Spelling<'a> {
    pub(super) label: EntityLabel,
    pub(super) written: &'a str,
    /// Cyrillic names compare by their Latin spelling ("Токаев", "Tokayev").
    latin: Cow<'a, str>,
    /// The Latin spelling lower case, accents off ([`fold`]).
    folded: String,
    /// The keys of the words of the Latin spelling ([`tokens`]).
    pub(super) tokens: Vec<String>,
    /// The tokens joined by a space ([`key`]).
    pub(super) key: String,
    digits: String,
    /// A place's gazetteer entry as written; the gazetteer also knows some
    /// in Cyrillic ("Германия").
    pub(super) place_as_written: Option<Place>,
    /// A place's gazetteer entry by its Latin spelling, when that differs.
    pub(super) place_in_latin: Option<Place>,
}

impl<'a> Spelling<'a> {
    pub(super) fn of(written: &'a str, label: EntityLabel) -> Spelling<'a> {
        let latin = crate::text::latin(written);
        let folded = fold(&latin);
        let tokens = folded_tokens(&folded);
        let key = tokens.join(" ");
        let is_place = label == EntityLabel::Place;
        let place_as_written = is_place.then(|| lexicon::place(written)).flatten();
        let place_in_latin = (is_place && matches!(latin, Cow::Owned(_)))
            .then(|| lexicon::place(&latin))
            .flatten();
        Spelling {
            label,
            written,
            latin,
            folded,
            tokens,
            key,
            digits: digits(written),
            place_as_written,
            place_in_latin,
        }
    }

    /// [`same_name`] of the two names, the label being this one's.
    pub(super) fn same_name(&self, other: &Spelling) -> Option<MergeReason> {
        let (a, b) = (self, other);
        if a.written == b.written {
            return Some(MergeReason::SameName);
        }
        // Digits are not spelling: "Berg0" and "Berg999", "Flight 752" and "Flight 725".
        if a.digits != b.digits {
            return None;
        }
        if a.folded == b.folded {
            return Some(MergeReason::CaseAndAccents);
        }
        let (ka, kb) = (&a.key, &b.key);
        if a.label == EntityLabel::Place {
            let place = |s: &Spelling| s.place_as_written.or(s.place_in_latin);
            if let (Some(pa), Some(pb)) = (place(a), place(b)) {
                if pa.canonical == pb.canonical {
                    return Some(MergeReason::OnePlace);
                }
                // Two gazetteer places: only one spelling apart ("Odessa", Texas, and "Odesa").
                return (ka == kb).then_some(MergeReason::GazetteerTransliteration);
            }
        }
        if a.label == EntityLabel::Person {
            // A name written in Cyrillic may carry a case ending ("Луису" for "Luis").
            let cyrillic = *a.latin != *a.written || *b.latin != *b.written;
            return same_person(&a.tokens, &b.tokens, cyrillic);
        }
        if ka == kb {
            return Some(MergeReason::Transliteration);
        }
        // Place and organisation names are short and many look alike (Astana, Astara): stricter.
        let bound = spelling_bound(ka.chars().count().min(kb.chars().count()));
        (bound > 0 && levenshtein(ka, kb) <= bound).then_some(MergeReason::Spelling)
    }
}

/// People align token by token: the surnames must match (or be close), and
/// the given names too, or be an initial, or be missing on one side. With
/// `endings`, a given name may also carry a short case ending.
fn same_person(ta: &[String], tb: &[String], endings: bool) -> Option<MergeReason> {
    if ta.len() < 2 || tb.len() < 2 {
        return None;
    }
    let (sa, sb) = (ta.last()?, tb.last()?);
    if !(sa == sb || close(sa, sb)) {
        return None;
    }
    // Given names: the same number, or one side's are the first ("Qasim
    // Jomart") or the last ("Barry" of "Karl Barry") of the other's.
    let ga = &ta[..ta.len() - 1];
    let gb = &tb[..tb.len() - 1];
    let n = ga.len().min(gb.len());
    let from_start = given_names_match(ga[..n].iter().zip(&gb[..n]), endings);
    let from_end = || {
        let pairs = ga[ga.len() - n..].iter().zip(&gb[gb.len() - n..]);
        given_names_match(pairs, endings)
    };
    let exact_given = from_start.or_else(from_end)?;
    Some(if exact_given && sa == sb {
        MergeReason::Transliteration
    } else {
        MergeReason::GivenNameAndSurnameSpelling
    })
}

/// Whether aligned given names match: each pair the same, an initial of the
/// other, close, or (with `endings`) the other with a case ending.
/// `Some(true)` when all are the same, `None` when one pair does not match.
fn given_names_match<'a>(
    pairs: impl Iterator<Item = (&'a String, &'a String)>,
    endings: bool,
) -> Option<bool> {
    let mut exact = true;
    for (x, y) in pairs {
        if x == y {
            continue;
        }
        exact = false;
        let initial = (x.len() == 1 || y.len() == 1) && x.chars().next() == y.chars().next();
        if !(initial || close(x, y) || (endings && with_ending(x, y))) {
            return None;
        }
    }
    Some(exact)
}

/// The digits of a name, in order.
fn digits(name: &str) -> String {
    name.chars().filter(char::is_ascii_digit).collect()
}

/// Keys of the name's words, particles and titles left out
/// (`data/words/compare/name_key_particles.tsv`).
pub(crate) fn tokens(name: &str) -> Vec<String> {
    folded_tokens(&fold(name))
}

/// [`tokens`] of a name already folded ([`fold`]).
fn folded_tokens(folded: &str) -> Vec<String> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !is_particle(w))
        .map(key_word)
        .collect()
}

fn is_particle(word: &str) -> bool {
    lists::compare::NAME_KEY_PARTICLES
        .binary_search(&word)
        .is_ok()
}

/// Lower case, accents off.
fn fold(s: &str) -> String {
    // ASCII has no accents, and lowers letter by letter.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    crate::lexicon::unicode::nfd(s)
        .into_iter()
        .filter(|c| !is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase()
        .replace('ß', "ss")
}

/// The transliteration key of a name: words folded and joined by a space.
pub(super) fn key(name: &str) -> String {
    tokens(name).join(" ")
}

/// One word's key: the letter groups of
/// `data/words/compare/transliteration_rewrites.tsv` rewritten in order, then
/// the letters that transliterations swap folded, a silent `h` and doubled
/// letters dropped.
fn key_word(w: &str) -> String {
    let s = rewrite_groups(w);
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    for c in s.chars() {
        let c = match c {
            'w' => 'v',
            'z' => 's',
            'q' | 'c' => 'k',
            'y' | 'j' | 'J' => 'i',
            'C' => 'c',
            _ => c.to_ascii_lowercase(),
        };
        // "h" after a consonant is silent in these spellings (Gadhafi, Ahmadinejad).
        if c == 'h' && prev.is_some_and(|p| !"aeiou".contains(p)) {
            continue;
        }
        if prev == Some(c) {
            continue;
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// `w` with the letter groups of `data/words/compare/transliteration_rewrites.tsv`
/// rewritten in order, longest first; upper-case letters are placeholders that
/// no later rule touches.
fn rewrite_groups(w: &str) -> Cow<'_, str> {
    let mut s = Cow::Borrowed(w);
    // Most words hold none of the groups: a group with a letter the word lacks
    // is skipped without a search, and a string is built only for a group found.
    let mut letters = letter_set(&s);
    for (from, to) in lists::compare::TRANSLITERATION_REWRITES {
        if letter_set(from) & !letters == 0 && s.contains(from) {
            s = Cow::Owned(s.replace(from, to));
            letters |= letter_set(to);
        }
    }
    s
}

/// The ASCII lower-case letters of `s`, one bit each (`a` the lowest).
fn letter_set(s: &str) -> u32 {
    s.bytes()
        .filter(u8::is_ascii_lowercase)
        .fold(0, |set, b| set | 1 << (b - b'a'))
}

/// The edit bound of a place or organisation key of `n` letters: names
/// that short are many and look alike (Astana, Astara), so it is strict.
pub(super) fn spelling_bound(n: usize) -> usize {
    match n {
        0..=7 => 0,
        8..=11 => 1,
        _ => 2,
    }
}

/// The edit bound of a word of a person's name of `n` letters.
pub(super) fn person_bound(n: usize) -> usize {
    match n {
        0..=4 => 0,
        5..=7 => 1,
        8..=14 => 2,
        _ => 3,
    }
}

/// Edit distance within a bound that grows with length ([`person_bound`]).
fn close(a: &str, b: &str) -> bool {
    let bound = person_bound(a.chars().count().min(b.chars().count()));
    bound > 0 && levenshtein(a, b) <= bound
}

/// A word of four letters or more and the same word with one or two letters
/// added: a case ending ("Luis" / Russian "Луису").
fn with_ending(a: &str, b: &str) -> bool {
    let (na, nb) = (a.chars().count(), b.chars().count());
    let (short, long) = if na <= nb { (a, b) } else { (b, a) };
    long.starts_with(short) && na.min(nb) >= 4 && na.abs_diff(nb) <= 2
}

fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        let cases = [
            ("Mukhtar", "Moukhtar"),
            ("Ilyashev", "Iliachev"),
            ("Qasim", "Kassym"),
            ("Organization", "Organisation"),
            ("Gaddafi", "Gadhafi"),
            ("Yeltsin", "Jelzin"),
        ];
        for (a, b) in cases {
            assert_eq!(key(a), key(b), "{a} / {b}");
        }
    }

    #[test]
    fn names_that_differ_only_in_digits_are_not_one_name() {
        use EntityLabel::{Org, Person, Place};
        assert!(same_name("Anna Berg0", "Anna Berg999", Person).is_none());
        assert!(same_name("Anna Berg1", "Anna Berg2", Person).is_none());
        assert!(same_name("Flight 752", "Flight 725", Org).is_none());
        assert!(same_name("District 9", "District 10", Place).is_none());
        // The same digits still let the letters differ.
        assert!(same_name("Apollo 11 Mision", "Apollo 11 Mission", Org).is_some());
    }

    #[test]
    fn names_in_two_scripts_and_with_stray_words() {
        use EntityLabel::Person;
        let same = [
            ("David Chipperfield", "Дэвид Чипперфилд"),
            ("Карим Бензема", "Карім Бензема"),
            ("Luis Caffarelli", "Луису Каффарелли"),
            // Extraction took a place before the name; the given names nearest the surname match.
            ("Guzmán López", "Синалоа Овидио Гусмана Лопеса"),
            ("Barry Sharpless", "Karl Barry Sharpless"),
        ];
        for (a, b) in same {
            assert!(same_name(a, b, Person).is_some(), "{a} / {b}");
        }
        // A letter or two more is a case ending only in Cyrillic.
        let others = [
            ("Raúl Castro", "Fidel Castro"),
            ("Mary Ann Smith", "John Smith"),
            ("Chris Evans", "Christa Evans"),
        ];
        for (a, b) in others {
            assert!(same_name(a, b, Person).is_none(), "{a} / {b}");
        }
    }

    #[test]
    fn letter_sets() {
        assert_eq!(letter_set(""), 0);
        assert_eq!(letter_set("ba"), 0b11);
        // Only ASCII lower case: placeholders and other scripts add nothing.
        assert_eq!(letter_set("čapKS"), letter_set("ap"));
        assert_eq!(letter_set("Алматы"), 0);
    }

    #[test]
    fn groups_rewritten_as_by_every_rule_in_turn() {
        let every_rule = |w: &str| {
            let mut s = w.to_string();
            for (from, to) in lists::compare::TRANSLITERATION_REWRITES {
                s = s.replace(from, to);
            }
            s
        };
        let words = [
            "",
            "x",
            "khrushchev",
            "tschaikowsky",
            "dzhokhar",
            "djokovic",
            "moukhtar",
            "schtsch",
            "tsh",
            "alexander",
            "čechov",
            "бензема",
            "tokaiev",
        ];
        for w in words {
            assert_eq!(rewrite_groups(w), every_rule(w), "{w}");
        }
    }

    #[test]
    fn folds() {
        assert_eq!(fold(""), "");
        assert_eq!(fold("McDonald-Smith"), "mcdonald-smith");
        assert_eq!(fold("Émile STRAUß"), "emile strauss");
        assert_eq!(fold("Çağrı"), "cagrı");
    }

    #[test]
    fn particles_sorted_for_binary_search() {
        assert!(lists::compare::NAME_KEY_PARTICLES
            .windows(2)
            .all(|w| w[0] < w[1]));
    }

    #[test]
    fn particles_are_left_out_of_the_key() {
        assert_eq!(key("Ursula von der Leyen"), "ursula leien");
        assert_eq!(key("Abu Bakr al-Baghdadi"), key("Abu Bakr Baghdadi"));
    }
}
