//! The word lists of each stage, generated at build time from
//! `data/words/<stage>/<meaning>.tsv` (see `data/words/README.md`):
//! `data/words/quotes/speech_verbs.tsv` is `quotes::SPEECH_VERBS` here.
//! Each list keeps the order of its file; its documentation is the file's
//! leading comments (what it means, where it came from, its licence).

#![allow(missing_docs)]

include!(concat!(env!("OUT_DIR"), "/word_lists.rs"));
