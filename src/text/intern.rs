//! Reading back the `&'static str` fields of an analysis (a demonym's
//! country, a date's modifier) from a serialized article: each distinct
//! string is stored once for the life of the program, so that reading many
//! batches keeps one copy of each word, not one per batch.

use serde::{Deserialize, Deserializer};
use std::collections::HashSet;
use std::sync::{Mutex, OnceLock};

fn intern(s: String) -> &'static str {
    static SEEN: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut seen = SEEN
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(&s) = seen.get(s.as_str()) {
        return s;
    }
    let s: &'static str = Box::leak(s.into_boxed_str());
    seen.insert(s);
    s
}

/// Deserializes a `&'static str` field (`#[serde(deserialize_with = ...)]`).
pub fn static_str<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    String::deserialize(d).map(intern)
}

/// Deserializes an `Option<&'static str>` field.
pub fn static_str_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<&'static str>, D::Error> {
    Ok(Option::<String>::deserialize(d)?.map(intern))
}

/// `&'static str`, spelled so that serde's derive does not take the field
/// for one borrowed from the input (it is read through [`static_str`]).
pub type StaticStr = &'static str;
