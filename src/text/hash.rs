//! The word-keyed sets and maps of the stages: the lexicon's
//! ([`crate::lexicon::hash`]), which its own indexes use too.

pub(crate) use crate::lexicon::hash::{FastMap, FastSet};
