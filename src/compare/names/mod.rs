//! One name for each entity across a batch.
//!
//! | type | what |
//! | --- | --- |
//! | [`EntityTable`] | the batch's entities, each with its members, variants and merges |
//! | [`CanonicalNames`] | the batch's one name for each in-article name, alone |
//! | [`Entity`] | one person, organisation or place and the mentions that name it |
//! | [`Merge`] | why two names were joined, and how sure that is |
//! | [`MergeReason`] | the rule that joined them |
//! | [`Overrides`] | merges and splits the user forces |
//!
//! Names are compared by a transliteration-aware key (diacritics off,
//! `ou`->`u`, `kh`->`h`, `q`->`k`, `w`->`v`, `z`->`s`, `y`/`j`->`i`, the
//! `sh`/`sch`/`ch` and `tch`/`tsch` families folded, `h` after a consonant dropped,
//! double letters single), then by edit distance with a bound that grows with
//! length. People align token by token: the surnames must match and the given
//! names too (or be missing, or be an initial). Places also match through the
//! gazetteer ("Kiev" and "Kyiv").
//!
//! ```
//! use storydiff::compare::same_name;
//! use storydiff::extract::EntityLabel::{Person, Place};
//! assert!(same_name("Alnour Iliachev", "Alnur Ilyashev", Person).is_some());
//! assert!(same_name("Qasim Jomart Tokayev", "Kassym-Jomart Tokayev", Person).is_some());
//! assert!(same_name("Raúl Castro", "Fidel Castro", Person).is_none());
//! assert!(same_name("Kazakhastan", "Kazakhstan", Place).is_some());
//! assert!(same_name("Austria", "Australia", Place).is_none());
//! ```
//!
//! [`link_with`] joins the names of a batch by four rules, in order: pairs of
//! names that [`same_name`] accepts; a lone surname with the one full name it
//! ends; an acronym with the one organisation it spells; and the user's
//! forced merges. A name the user splits joins nothing by the first rule,
//! and is never the lone surname or acronym that the second and third join.

mod blocks;
mod linking;
mod spelling;
mod table;

pub use spelling::same_name;
pub(crate) use spelling::tokens as name_tokens;
pub use table::{CanonicalNames, Entity, EntityTable, Member, Merge, MergeReason, Overrides};

use crate::article::Article;

/// Links the entity mentions of a batch into one table.
pub fn link(articles: &[Article]) -> EntityTable {
    link_with(articles, &Overrides::default())
}

/// [`link`], with the user's forced merges and splits.
pub fn link_with(articles: &[Article], overrides: &Overrides) -> EntityTable {
    linked(articles, overrides).into_table()
}

/// The batch's name for each in-article name, the same as
/// [`EntityTable::canonical`] of [`link_with`] answers, without the
/// entities' members, variants and merges.
pub fn canonical_names(articles: &[Article], overrides: &Overrides) -> CanonicalNames {
    linked(articles, overrides).into_canonical_names()
}

/// The names of a batch joined by the four rules, in order.
fn linked<'o>(articles: &[Article], overrides: &'o Overrides) -> linking::Links<'o> {
    let mut links = linking::Links::new(linking::Names::of(articles), overrides);
    links.join_same_names();
    links.join_lone_surnames();
    links.join_acronyms();
    links.join_forced();
    links
}
