//! The quote stage's word lists as [`WordSet`](crate::extract::word_set::WordSet)s,
//! under the lists' own names, for `lexicon::has`.

use crate::extract::word_set::word_sets;
use crate::lexicon::lists::names;
use crate::lexicon::lists::quotes;

word_sets!(names: PARTICLES);
word_sets!(
    quotes: ARTICLES,
    CHANT_CUES,
    CLAUSE_WITHOUT_THAT,
    COORDINATORS,
    DOCUMENT_NOUNS,
    HONORIFICS,
    INDIRECT_CUES,
    NON_PERSON_HEADS,
    NOT_CLAUSE_OPENERS,
    PHRASE_BREAKS,
    PRO_DROP_CUES,
    REPORTING_VERBS,
    ROLE_NOUNS,
    SENTENCE_STARTERS,
    SKIPPED_NEAR_CUE,
    SPEAKER_ARTICLES,
    SPEAKER_OPENERS,
    SPEAKER_STOPS,
    SPEECH_VERBS,
    TITLES,
);
