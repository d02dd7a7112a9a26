//! The gazetteer's, the given-name list's and the common-word list's answers,
//! kept: an article names its places and people again and again ("Moscow",
//! "Tokayev"), and the classifier asks the lists of a word up to several times
//! per run; the answer for a word is the same each time, and a kept answer is
//! read from a hash map instead of a search of the list.

use crate::lexicon::{self, Place};
use crate::text::hash::FastMap;
use std::cell::RefCell;
use std::thread::LocalKey;

/// Answers kept at most per list and thread: a full map is emptied, so memory
/// stays bounded however many articles a thread reads.
const KEPT: usize = 4096;
/// Longer names are looked up each time (a name is rarely this long).
const LONGEST: usize = 48;

type Kept<T> = RefCell<FastMap<Box<str>, T>>;

thread_local! {
    static PLACES: Kept<Option<Place>> = RefCell::new(FastMap::default());
    static FIRST_NAMES: Kept<bool> = RefCell::new(FastMap::default());
    static COMMON_WORDS: Kept<bool> = RefCell::new(FastMap::default());
}

/// Whether every character of `name` is Latin (with its diacritics) or below:
/// the lists answer such a name from the compiled-in core alone, and the
/// answer does not change when a language pack is loaded later.
fn core_script(name: &str) -> bool {
    name.is_ascii() || name.chars().all(|c| (c as u32) < 0x0250)
}

/// `look(name)`, kept in `kept` when `name` is short and in the core's script.
fn kept<T: Copy + 'static>(kept: &'static LocalKey<Kept<T>>, name: &str, look: fn(&str) -> T) -> T {
    if name.len() > LONGEST || !core_script(name) {
        return look(name);
    }
    kept.with(|known| {
        if let Some(&answer) = known.borrow().get(name) {
            return answer;
        }
        let answer = look(name);
        let mut known = known.borrow_mut();
        if known.len() >= KEPT {
            known.clear();
        }
        known.insert(name.into(), answer);
        answer
    })
}

/// [`lexicon::place`]: the same answer, asked of the list once while kept.
pub fn place(name: &str) -> Option<Place> {
    kept(&PLACES, name, lexicon::place)
}

/// The gazetteer entry of a name as written, also without the dots of "U.S.".
pub fn place_of(name: &str) -> Option<Place> {
    place(name).or_else(|| {
        // The length first: most names are longer, and need no search for a dot.
        if name.len() <= 6 && name.contains('.') {
            place(&name.replace('.', ""))
        } else {
            None
        }
    })
}

/// [`lexicon::is_first_name`]: the same answer, asked of the list once while kept.
pub fn is_first_name(name: &str) -> bool {
    kept(&FIRST_NAMES, name, lexicon::is_first_name)
}

/// [`lexicon::is_common_word`] (of a lower-case word): the same answer, asked
/// of the lists once while kept.
pub fn is_common_word(lower: &str) -> bool {
    kept(&COMMON_WORDS, lower, lexicon::is_common_word)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: [&str; 9] = [
        "Moscow",
        "Almaty",
        "Tokayev",
        "John",
        "U.S.",
        "España",
        "Алматы",
        "",
        "moscow",
    ];

    #[test]
    fn kept_answers_are_the_lists() {
        // Twice: the second time from the kept answers.
        for _ in 0..2 {
            for n in NAMES {
                assert_eq!(place(n), lexicon::place(n), "{n}");
                assert_eq!(is_first_name(n), lexicon::is_first_name(n), "{n}");
            }
            for w in [
                "the",
                "said",
                "updates",
                "parliament",
                "moscow",
                "état",
                "алматы",
                "",
            ] {
                assert_eq!(is_common_word(w), lexicon::is_common_word(w), "{w}");
            }
        }
        assert!(is_common_word("the"));
        assert!(!is_common_word("tokayev"));
        assert!(place("Moscow").is_some());
        assert!(place("Tokayev").is_none());
        assert!(is_first_name("John"));
        assert!(!is_first_name("Moscow"));
    }

    #[test]
    fn memory_stays_bounded() {
        for i in 0..KEPT + 10 {
            place(&format!("Nowhere{i}"));
        }
        PLACES.with(|k| assert!(k.borrow().len() <= KEPT));
        assert_eq!(place("Moscow"), lexicon::place("Moscow"));
    }
}
