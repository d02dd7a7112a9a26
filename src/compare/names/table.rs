//! The entity table and its parts: what [`super::link_with`] returns.

use crate::compare::name_key;
use crate::extract::EntityLabel;
use crate::text::hash::{FastMap, FastSet};
use serde::{Deserialize, Serialize};

/// The rule by which two names were joined; each has its words for the
/// report and its confidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MergeReason {
    /// The very same string.
    SameName,
    /// The same but for case and accents ("Stéphane" / "STEPHANE").
    CaseAndAccents,
    /// Two names of one gazetteer entry ("Kiev" / "Kyiv").
    OnePlace,
    /// Two gazetteer names one transliteration apart ("Odessa" / "Odesa").
    GazetteerTransliteration,
    /// The same transliteration key ("Moukhtar" / "Mukhtar").
    Transliteration,
    /// Keys a few edits apart ("Kazakhastan" / "Kazakhstan").
    Spelling,
    /// A person's given name and surname each a few edits apart, or an initial.
    GivenNameAndSurnameSpelling,
    /// A lone surname and the one full name of the batch that ends with it.
    Surname,
    /// An acronym and the one organisation of the batch that it spells.
    Acronym,
    /// Joined by the user ([`Overrides::merge`]).
    User,
}

impl MergeReason {
    /// The reason in words, as the report gives it.
    pub fn as_str(self) -> &'static str {
        match self {
            MergeReason::SameName => "same name",
            MergeReason::CaseAndAccents => "same name but for case and accents",
            MergeReason::OnePlace => "one place in the gazetteer",
            MergeReason::GazetteerTransliteration => "transliteration variant of a gazetteer name",
            MergeReason::Transliteration => "transliteration variant",
            MergeReason::Spelling => "spelling variant",
            MergeReason::GivenNameAndSurnameSpelling => {
                "spelling variant of given name and surname"
            }
            MergeReason::Surname => "surname of the one full name",
            MergeReason::Acronym => "acronym of the one organisation it spells",
            MergeReason::User => "merged by the user",
        }
    }

    /// How sure the rule is, `0..=1`.
    pub fn confidence(self) -> f64 {
        match self {
            MergeReason::SameName | MergeReason::User => 1.0,
            MergeReason::CaseAndAccents => 0.98,
            MergeReason::OnePlace => 0.95,
            MergeReason::Transliteration => 0.9,
            MergeReason::Spelling
            | MergeReason::GivenNameAndSurnameSpelling
            | MergeReason::Surname => 0.8,
            MergeReason::Acronym => 0.75,
            MergeReason::GazetteerTransliteration => 0.7,
        }
    }
}

/// Why two names were joined.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Merge {
    /// One of the names.
    pub a: String,
    /// The name it was joined with.
    pub b: String,
    /// The rule, in words ([`MergeReason::as_str`]).
    pub reason: String,
    /// How sure the rule is, `0..=1` ([`MergeReason::confidence`]).
    pub confidence: f64,
}

impl Merge {
    /// The merge of names `a` and `b` by `reason`.
    pub fn new(a: &str, b: &str, reason: MergeReason) -> Merge {
        Merge {
            a: a.to_string(),
            b: b.to_string(),
            reason: reason.as_str().to_string(),
            confidence: reason.confidence(),
        }
    }
}

/// The mentions of one entity in one article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Member {
    /// Index of the article in the batch.
    pub article: usize,
    /// Indices into that article's `entities`.
    pub mentions: Vec<usize>,
}

/// One person, organisation or place of the batch.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entity {
    /// Its index in [`EntityTable::entities`].
    pub id: usize,
    /// The name the batch uses for it.
    pub name: String,
    /// Person, organisation or place.
    pub label: EntityLabel,
    /// Where it is mentioned, article by article in batch order.
    pub members: Vec<Member>,
    /// Every in-article name joined into it, the canonical one first.
    pub variants: Vec<String>,
    /// Why its names were joined.
    pub merges: Vec<Merge>,
}

/// Merges and splits that the user forces, by name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Overrides {
    /// Pairs of names to join whatever the rules say.
    #[serde(default)]
    pub merge: Vec<(String, String)>,
    /// Names that must stand alone (unless a forced merge joins them).
    #[serde(default)]
    pub split: Vec<String>,
}

/// The batch's one name for each in-article name: what
/// [`EntityTable::canonical`] answers, without the rest of the table
/// ([`super::canonical_names`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CanonicalNames {
    /// Only the names the batch calls otherwise: most entities go by their
    /// one in-article name, and every other name answers itself. Hashed with
    /// FxHash: the report asks for every mention's name.
    renamed: FastMap<String, String>,
}

impl CanonicalNames {
    /// The batch's name for an in-article `name` (itself when unknown).
    pub fn canonical<'a>(&'a self, name: &'a str) -> &'a str {
        self.renamed.get(name).map_or(name, String::as_str)
    }

    /// The names of a batch's entities: each in-article name with its
    /// entity's canonical one, entity by entity in order of first mention.
    /// The first entity to hold a name decides what it is called, whatever
    /// its label.
    pub(super) fn of<'a>(names: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut claimed: FastSet<&str> = FastSet::default();
        let mut renamed = FastMap::default();
        for (name, canonical) in names {
            if claimed.insert(name) && name != canonical {
                renamed.insert(name.to_string(), canonical.to_string());
            }
        }
        CanonicalNames { renamed }
    }
}

/// The entities of a batch.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EntityTable {
    /// The entities, in order of first mention in the batch.
    pub entities: Vec<Entity>,
    /// (label, in-article name) -> entity index.
    #[serde(skip)]
    index: FastMap<(EntityLabel, String), usize>,
    #[serde(skip)]
    names: CanonicalNames,
    /// In-article name -> [`EntityTable::key`], made once per name: a
    /// comparison asks for the key of each mention of every pair.
    #[serde(skip)]
    keys: FastMap<String, String>,
}

impl EntityTable {
    /// The batch's name for an in-article `name` (itself when unknown).
    pub fn canonical<'a>(&'a self, name: &'a str) -> &'a str {
        self.names.canonical(name)
    }

    /// The key two names of one entity share: the [`name_key`] of the
    /// batch's name for `name`.
    pub fn key(&self, name: &str) -> String {
        match self.keys.get(name) {
            Some(key) => key.clone(),
            None => name_key(self.canonical(name)),
        }
    }

    /// The batch's names alone ([`EntityTable::canonical`]).
    pub fn names(&self) -> &CanonicalNames {
        &self.names
    }

    /// The entity an in-article name with a label belongs to.
    pub fn entity_of(&self, label: EntityLabel, name: &str) -> Option<&Entity> {
        self.index
            .get(&(label, name.to_string()))
            .map(|&i| &self.entities[i])
    }

    /// The table of `entities`, each known by its in-article names
    /// (`known_as`, entity by entity), whose canonical ones are `names`.
    pub(super) fn new(
        entities: Vec<Entity>,
        known_as: impl IntoIterator<Item = (EntityLabel, String, usize)>,
        names: CanonicalNames,
    ) -> EntityTable {
        let index: FastMap<(EntityLabel, String), usize> = known_as
            .into_iter()
            .map(|(label, name, id)| ((label, name), id))
            .collect();
        let mut keys = FastMap::default();
        for (_, name) in index.keys() {
            if !keys.contains_key(name) {
                keys.insert(name.clone(), name_key(names.canonical(name)));
            }
        }
        EntityTable {
            entities,
            index,
            names,
            keys,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_entity_to_hold_a_name_names_it() {
        let person_first = CanonicalNames::of([
            ("Jordan", "Michael Jordan"),
            ("Michael Jordan", "Michael Jordan"),
            ("Jordan", "Jordan"),
        ]);
        assert_eq!(person_first.canonical("Jordan"), "Michael Jordan");
        assert_eq!(person_first.canonical("Michael Jordan"), "Michael Jordan");
        let place_first = CanonicalNames::of([
            ("Jordan", "Jordan"),
            ("Jordan", "Michael Jordan"),
            ("Michael Jordan", "Michael Jordan"),
        ]);
        assert_eq!(place_first.canonical("Jordan"), "Jordan");
        assert_eq!(place_first.canonical("Amman"), "Amman");
    }
}
