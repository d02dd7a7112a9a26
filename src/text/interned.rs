//! Strings that live for the whole program, read back from serialized data.
//!
//! A few findings name a fixed word by a `&'static str` (a demonym's country,
//! a date's modifier): the word lists' own strings. Read back from a
//! serialized [`crate::Article`], each distinct string is kept once, for
//! good, so that the set stays as small as the lists it came from.

use serde::{Deserialize, Deserializer};
use std::collections::HashSet;
use std::sync::{Mutex, OnceLock};

/// `&'static str`, named so that serde's derive does not take the field for
/// a string borrowed from its input (which would tie every caller's input to
/// `'static`); fields of this type read with [`static_str`].
pub(crate) type StaticStr = &'static str;

fn intern(s: String) -> &'static str {
    static SEEN: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut seen = SEEN
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(&known) = seen.get(s.as_str()) {
        return known;
    }
    let kept: &'static str = Box::leak(s.into_boxed_str());
    seen.insert(kept);
    kept
}

/// Reads a `&'static str` (`#[serde(deserialize_with = ...)]`).
pub(crate) fn static_str<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    String::deserialize(d).map(intern)
}

/// Reads an `Option<&'static str>` (`#[serde(default, deserialize_with = ...)]`).
pub(crate) fn static_str_opt<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<&'static str>, D::Error> {
    Option::<String>::deserialize(d).map(|s| s.map(intern))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_string_is_kept_once() {
        let a = intern("Kazakhstan".to_string());
        let b = intern("Kazakhstan".to_string());
        assert_eq!(a, "Kazakhstan");
        assert!(std::ptr::eq(a, b));
        assert_ne!(intern("START".to_string()), a);
    }
}
