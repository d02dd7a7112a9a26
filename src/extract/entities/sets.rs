//! The entity stage's word lists as [`WordSet`](crate::extract::word_set::WordSet)s,
//! under the lists' own names.

use crate::extract::word_set::word_sets;
use crate::lexicon::lists::entities;
use crate::lexicon::lists::names;

word_sets!(names: ENTITY_PARTICLES);
word_sets!(
    entities: COMPOUND_TAILS,
    EVENT_SUFFIXES,
    HEAD_ARTICLES,
    LEADING_DETERMINERS,
    NEVER_NAMES,
    ORG_HEADS,
    ORG_LEADS,
    ORG_NOUNS,
    ORG_SUFFIXES,
    PEOPLES,
    PLACE_HEADS,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    PLACE_SUFFIXES,
    PRODUCT_NOUNS,
    ROLE_NOUNS,
    ROLE_NOUN_STOPS,
    SPEECH_VERBS,
    TITLES,
    TITLE_MODIFIERS,
    VEHICLE_NOUNS,
);
