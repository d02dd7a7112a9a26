//! The gazetteer's answers, kept: an article names its places and people again
//! and again ("Moscow", "Tokayev"), and the classifier asks the gazetteer of a
//! word up to several times per run; the answer for a name is the same each
//! time, and the kept answer is read from a hash map instead of the list.

use crate::lexicon::{self, Place};
use crate::text::hash::FastMap;
use std::cell::RefCell;

/// Answers kept at most: the map is emptied when full, so memory stays bounded
/// however many articles a thread reads.
const KEPT: usize = 4096;
/// Longer names are looked up each time (a name is rarely this long).
const LONGEST: usize = 48;

thread_local! {
    static KNOWN: RefCell<FastMap<Box<str>, Option<Place>>> = RefCell::new(FastMap::default());
}

/// Whether every character of `name` is Latin (with its diacritics) or below:
/// the gazetteer answers such a name from the compiled-in core alone, and the
/// answer does not change when a language pack is loaded later.
fn core_script(name: &str) -> bool {
    name.is_ascii() || name.chars().all(|c| (c as u32) < 0x0250)
}

/// [`lexicon::place`], the same answer, asked of the list once per name and
/// thread while the name is kept.
pub fn place(name: &str) -> Option<Place> {
    if name.len() > LONGEST || !core_script(name) {
        return lexicon::place(name);
    }
    KNOWN.with(|known| {
        if let Some(&p) = known.borrow().get(name) {
            return p;
        }
        let p = lexicon::place(name);
        let mut known = known.borrow_mut();
        if known.len() >= KEPT {
            known.clear();
        }
        known.insert(name.into(), p);
        p
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_answers_are_the_gazetteers() {
        let names = [
            "Moscow",
            "Almaty",
            "Tokayev",
            "U.S.",
            "España",
            "Алматы",
            "",
            "moscow",
        ];
        // Twice: the second time from the kept answers.
        for _ in 0..2 {
            for n in names {
                assert_eq!(place(n), lexicon::place(n), "{n}");
            }
        }
        assert!(place("Moscow").is_some());
        assert!(place("Tokayev").is_none());
    }

    #[test]
    fn memory_stays_bounded() {
        for i in 0..KEPT + 10 {
            place(&format!("Nowhere{i}"));
        }
        KNOWN.with(|k| assert!(k.borrow().len() <= KEPT));
        assert_eq!(place("Moscow"), lexicon::place("Moscow"));
    }
}
