// Which keys of a split word list go to the language pack: shared by build.rs (`include!`),
// which splits the lists, and `lexicon::pack`, which asks the pack only for such keys.

/// Whether `key` is written in a script other than Latin (Cyrillic "Алматы", Greek, Arabic,
/// CJK, ...): such names of the gazetteer and the given-name list live in the language pack.
/// Latin letters with their diacritics, digits, spaces and punctuation stay in the core.
pub(crate) fn in_other_script(key: &str) -> bool {
    key.chars().any(|c| {
        let c = c as u32;
        !(c < 0x0250 || (0x1E00..0x1F00).contains(&c) || (0x2000..0x2070).contains(&c))
    })
}
