//! The gazetteer, given names and demonyms as the entity rules ask them:
//! [`lexicon::place`], [`lexicon::is_first_name`] and [`lexicon::demonym`]
//! behind a small cache of the last words asked, per thread.
//!
//! The rules ask about the same capitalized words many times (a run's first
//! word when it opens a sentence, again when its titles are read, again when
//! it is labelled), and the same words recur from article to article. The
//! lexicon's indexes are large, so that each lookup reaches memory that is not
//! in the processor's caches; this cache is small (a few thousand bytes) and
//! answers a word asked again at once. It is keyed by the word's bytes, so
//! its answers are the lexicon's, whatever text asks.

use crate::lexicon::hash::FxHasher;
use crate::lexicon::{self, Place};
use std::cell::RefCell;
use std::hash::Hasher;

/// Slots in the cache (a power of two).
const SLOTS: usize = 512;
/// The longest word kept, in bytes; longer ones are looked up each time.
const KEY: usize = 22;

/// What the lexicon says of one word as written, each asked once.
#[derive(Clone, Copy, Default)]
struct Facts {
    place: Option<Option<Place>>,
    first_name: Option<bool>,
    demonym: Option<Option<&'static str>>,
}

/// One remembered word and what the lexicon said of it.
#[derive(Clone, Copy)]
struct Slot {
    /// The word's length, 0 for an empty slot (the empty word is never kept).
    len: u8,
    key: [u8; KEY],
    facts: Facts,
}

const EMPTY: Slot = Slot {
    len: 0,
    key: [0; KEY],
    facts: Facts {
        place: None,
        first_name: None,
        demonym: None,
    },
};

thread_local! {
    static CACHE: RefCell<Option<Box<[Slot; SLOTS]>>> = const { RefCell::new(None) };
}

/// Calls `f` with the facts remembered of `name` (none for a word too long
/// to keep, or not seen lately).
fn with_facts<R>(name: &str, f: impl FnOnce(&mut Facts) -> R) -> R {
    let b = name.as_bytes();
    if b.is_empty() || b.len() > KEY {
        return f(&mut Facts::default());
    }
    let mut h = FxHasher::default();
    h.write(b);
    let i = (h.finish() >> 7) as usize % SLOTS;
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let slots = cache.get_or_insert_with(|| Box::new([EMPTY; SLOTS]));
        let slot = &mut slots[i];
        if usize::from(slot.len) != b.len() || &slot.key[..b.len()] != b {
            slot.len = b.len() as u8;
            slot.key[..b.len()].copy_from_slice(b);
            slot.facts = Facts::default();
        }
        f(&mut slot.facts)
    })
}

/// The gazetteer entry of `name` as written: [`lexicon::place`].
pub(super) fn place(name: &str) -> Option<Place> {
    with_facts(name, |f| {
        *f.place.get_or_insert_with(|| lexicon::place(name))
    })
}

/// Whether `name` as written is a given name: [`lexicon::is_first_name`].
pub(super) fn is_first_name(name: &str) -> bool {
    with_facts(name, |f| {
        *f.first_name
            .get_or_insert_with(|| lexicon::is_first_name(name))
    })
}

/// The country of the demonym `name` as written: [`lexicon::demonym`].
pub(super) fn demonym(name: &str) -> Option<&'static str> {
    with_facts(name, |f| {
        *f.demonym.get_or_insert_with(|| lexicon::demonym(name))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_as_the_gazetteer() {
        let long = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch";
        // Asked twice each, in turn, so that later answers come from the cache.
        let words = [
            "Almaty",
            "Kazakhstan",
            "The",
            "Paris",
            "Kyiv",
            "Kiev",
            "",
            "Said",
            "ALMATY",
            long,
            "Москва",
            "Almaty",
            "William",
            "Kazakh",
            "Kazakhs",
        ];
        for _ in 0..2 {
            for w in words {
                assert_eq!(place(w), lexicon::place(w), "{w}");
                assert_eq!(is_first_name(w), lexicon::is_first_name(w), "{w}");
                assert_eq!(demonym(w), lexicon::demonym(w), "{w}");
            }
        }
        assert!(is_first_name("William") && demonym("Kazakh").is_some());
        assert!(place("Almaty").is_some());
        assert!(place("The").is_none());
    }
}
