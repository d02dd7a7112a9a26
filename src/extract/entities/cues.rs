//! Closed word classes that cue a label: titles, organisation and place heads,
//! name particles, and the capitalized words that are never names (days, months).
//!
//! The words are data, `data/words/entities/*.tsv` and
//! `data/words/names/entity_particles.tsv`, each sorted so that a lookup is a
//! binary search: English first, with the commonest French, German and Spanish
//! forms.

use super::sets;
use crate::extract::word_set::WordSet;

/// Whether `list` has `w`.
fn has(list: &WordSet, w: &str) -> bool {
    list.contains(w)
}

/// Titles and offices written before a name ("President", "Foreign Minister").
pub fn is_title(w: &str) -> bool {
    // Without its periods only when it has one: else the same lookup again.
    has(&sets::TITLES, w) || w.ends_with('.') && has(&sets::TITLES, w.trim_end_matches('.'))
}

/// Words that qualify a title ("Foreign" in "Foreign Minister", "Vice", "Former").
pub fn is_title_modifier(w: &str) -> bool {
    has(&sets::TITLE_MODIFIERS, w)
}

/// Lower-case role nouns written before a name ("press secretary Jen Psaki").
pub fn is_role_noun(w: &str) -> bool {
    has(&sets::ROLE_NOUNS, w)
}

/// Lower-case words that never qualify a role noun ("the" in "the spokesman").
pub fn is_role_noun_stop(w: &str) -> bool {
    has(&sets::ROLE_NOUN_STOPS, w)
}

/// Last words of organisation names ("Organization", "Ministry", "Party").
pub fn is_org_suffix(w: &str) -> bool {
    has(&sets::ORG_SUFFIXES, w)
}

/// First words of organisation names followed by "of" ("Ministry of Defence", "Bank of England").
pub fn is_org_head(w: &str) -> bool {
    has(&sets::ORG_HEADS, w)
}

/// First words that make a name of two or more words an organisation in
/// languages that put the head noun first ("Banco Central", "Université Laval").
pub fn is_org_lead(w: &str) -> bool {
    has(&sets::ORG_LEADS, w)
}

/// Capitalized articles before a name whose head noun comes first ("El" in
/// "El Banco de España").
pub fn is_head_article(w: &str) -> bool {
    has(&sets::HEAD_ARTICLES, w)
}

/// Last words of place names ("Square", "River", "Province").
pub fn is_place_suffix(w: &str) -> bool {
    has(&sets::PLACE_SUFFIXES, w)
}

/// First words of place names ("Lake", "Mount", "Gulf of").
pub fn is_place_head(w: &str) -> bool {
    has(&sets::PLACE_HEADS, w)
}

/// Lower-case particles inside names ("Ursula von der Leyen", "Bashar al Assad").
pub fn is_particle(w: &str) -> bool {
    has(&sets::ENTITY_PARTICLES, w)
}

/// Short lower-case words that make a compound after a hyphen ("Paris-born").
pub fn is_compound_tail(w: &str) -> bool {
    has(&sets::COMPOUND_TAILS, w)
}

/// Capitalized words that are not names: days, months, holidays, pronoun "I".
pub fn is_never_name(w: &str) -> bool {
    has(&sets::NEVER_NAMES, w)
}

/// Believers, faiths, peoples and rites ("Muslims", "Islam", "Rohingya", "Hajj"): one
/// word alone is never a person, organisation or place.
pub fn is_people_or_faith(w: &str) -> bool {
    has(&sets::PEOPLES, w)
}

/// Capitalized determiners and possessives that never begin a name ("The", "Their").
pub fn is_leading_determiner(w: &str) -> bool {
    has(&sets::LEADING_DETERMINERS, w)
}

/// Verbs of saying that follow a speaker ("Ilyashev told AFP").
pub fn is_speech_verb(w: &str) -> bool {
    has(&sets::SPEECH_VERBS, w)
}

/// Prepositions that put a place after them ("in", "near").
pub fn is_place_preposition(w: &str) -> bool {
    has(&sets::PLACE_PREPOSITIONS, w)
}

/// Lower-case nouns after a name that say it is an organisation ("the Georgian Dream party").
pub fn is_org_noun(w: &str) -> bool {
    has(&sets::ORG_NOUNS, w)
}

/// Lower-case nouns after a name that say it is a place ("the Zaporizhzhia region").
pub fn is_place_noun(w: &str) -> bool {
    has(&sets::PLACE_NOUNS, w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lists::{entities, names};

    #[test]
    fn lists_are_sorted_for_binary_search() {
        let lists: &[(&str, &[&str])] = &[
            ("titles", entities::TITLES),
            ("title_modifiers", entities::TITLE_MODIFIERS),
            ("role_nouns", entities::ROLE_NOUNS),
            ("role_noun_stops", entities::ROLE_NOUN_STOPS),
            ("compound_tails", entities::COMPOUND_TAILS),
            ("org_suffixes", entities::ORG_SUFFIXES),
            ("org_heads", entities::ORG_HEADS),
            ("org_leads", entities::ORG_LEADS),
            ("head_articles", entities::HEAD_ARTICLES),
            ("place_suffixes", entities::PLACE_SUFFIXES),
            ("place_heads", entities::PLACE_HEADS),
            ("entity_particles", names::ENTITY_PARTICLES),
            ("never_names", entities::NEVER_NAMES),
            ("peoples", entities::PEOPLES),
            ("leading_determiners", entities::LEADING_DETERMINERS),
            ("speech_verbs", entities::SPEECH_VERBS),
            ("place_prepositions", entities::PLACE_PREPOSITIONS),
            ("org_nouns", entities::ORG_NOUNS),
            ("place_nouns", entities::PLACE_NOUNS),
        ];
        for (name, list) in lists {
            assert!(
                list.windows(2).all(|w| w[0] < w[1]),
                "{name}.tsv must be sorted without repeats"
            );
        }
    }

    /// A word class's lookup.
    type Class = fn(&str) -> bool;

    #[test]
    fn cue_classes() {
        let cases: &[(&str, Class, bool)] = &[
            ("President", is_title, true),
            ("Dr.", is_title, true),
            ("Bundeskanzlerin", is_title, true),
            ("president", is_title, false),
            ("Foreign", is_title_modifier, true),
            ("press", is_role_noun, false),
            ("secretary", is_role_noun, true),
            ("Organization", is_org_suffix, true),
            ("GmbH", is_org_suffix, true),
            ("Ministry", is_org_head, true),
            ("Straße", is_place_suffix, true),
            ("São", is_place_head, true),
            ("von", is_particle, true),
            ("Von", is_particle, false),
            ("Monday", is_never_name, true),
            ("Mr", is_never_name, false),
            ("Their", is_leading_determiner, true),
            ("told", is_speech_verb, true),
            ("near", is_place_preposition, true),
            ("party", is_org_noun, true),
            ("region", is_place_noun, true),
            ("the", is_role_noun_stop, true),
        ];
        for (w, class, want) in cases {
            assert_eq!(class(w), *want, "{w}");
        }
    }
}
