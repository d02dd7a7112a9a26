//! The language of a text, by its function words.

use super::Field;
use crate::text::hash::FastMap;
use crate::text::{with_lower, MappedText, Span};

/// Stop-word lists by language (PyPI `stop-words`, BSD-3-Clause; see
/// `data/stopwords/README.md`), shared with the comparison.
use crate::lexicon::STOPWORD_LISTS as STOPWORDS;

/// Word -> [`Languages`] of the lists that have it; the ASCII words of at
/// most sixteen bytes (nearly all function words) also keyed by their bytes
/// packed in a `u64` or a `u128`, so that most words of a text are looked up
/// without building a string.
struct StopwordIndex {
    words: FastMap<&'static str, Languages>,
    short: PackedTable<u64>,
    long: PackedTable<u128>,
}

/// The languages whose lists have a word: a bit set (bit `i` for
/// `STOPWORDS[i]`), with its number of members kept above the bits, so that
/// scoring a word counts no bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Languages(u16);

impl Languages {
    /// Where the number of members is kept: above a bit for each list.
    const COUNT_SHIFT: u32 = 12;

    fn of_set(set: u16) -> Languages {
        Languages(set | (set.count_ones() as u16) << Self::COUNT_SHIFT)
    }

    fn set(self) -> u16 {
        self.0 & ((1 << Self::COUNT_SHIFT) - 1)
    }

    fn count(self) -> u16 {
        self.0 >> Self::COUNT_SHIFT
    }
}

// Each list's bit stays below the count (at most twelve lists), and the
// count of twelve fits in the four bits above them.
const _: () = assert!(STOPWORDS.len() <= Languages::COUNT_SHIFT as usize);

/// A key of a [`PackedTable`]: the bytes of a word, packed in an integer.
trait PackedKey: Copy + Eq + Default {
    /// The key folded to the `u64` a slot is picked by.
    fn fold(self) -> u64;
}

impl PackedKey for u64 {
    fn fold(self) -> u64 {
        self
    }
}

impl PackedKey for u128 {
    fn fold(self) -> u64 {
        // Both halves decide: long words share their first eight bytes often.
        (self as u64) ^ ((self >> 64) as u64).rotate_left(32)
    }
}

/// Packed keys -> language sets in one open-addressing array, at most half
/// full: a key's slot is one multiply away, and the next slots are read
/// only after a collision. No key is 0 (the empty word's), so 0 marks an
/// empty slot, and looking 0 up finds nothing. The crate's `FastMap<u64, u16>`
/// in its place costs 0.5% more instructions on the whole analysis of the
/// bench corpus (callgrind, 1 MB): the language guess asks it of every word.
struct PackedTable<K> {
    slots: Box<[(K, Languages)]>,
    /// 64 less the bits of a slot number.
    shift: u32,
}

impl<K: PackedKey> PackedTable<K> {
    fn new(entries: &[(K, Languages)]) -> PackedTable<K> {
        let len = (2 * entries.len()).next_power_of_two().max(2);
        let empty = K::default();
        let mut table = PackedTable {
            slots: vec![(empty, Languages::default()); len].into_boxed_slice(),
            shift: 64 - len.trailing_zeros(),
        };
        for &(key, set) in entries.iter().filter(|(key, _)| *key != empty) {
            let mut i = table.slot(key);
            while table.slots[i].0 != empty {
                i = (i + 1) & (len - 1);
            }
            table.slots[i] = (key, set);
        }
        table
    }

    /// The first slot to read for `key` (Fibonacci hashing: the top bits of
    /// a multiply by an odd constant).
    fn slot(&self, key: K) -> usize {
        (key.fold().wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    fn get(&self, key: K) -> Option<Languages> {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        loop {
            let (k, set) = self.slots[i];
            if k == K::default() {
                return None;
            }
            if k == key {
                return Some(set);
            }
            i = (i + 1) & mask;
        }
    }
}

/// Most bytes a word may have to be looked up by [`pack_lower`].
const SHORT: usize = 8;

/// Most bytes a word may have to be looked up by [`pack_lower_long`].
const LONG: usize = 16;

/// The bytes of a short ASCII word, lower-cased, packed into a `u64` (the
/// first byte lowest). Words have no NUL bytes, so different words give
/// different keys.
fn pack_lower(w: &[u8]) -> u64 {
    w.iter().enumerate().fold(0, |k, (i, b)| {
        k | u64::from(b.to_ascii_lowercase()) << (8 * i)
    })
}

/// [`pack_lower`] for an ASCII word of at most [`LONG`] bytes, into a `u128`.
fn pack_lower_long(w: &[u8]) -> u128 {
    w.iter().enumerate().fold(0, |k, (i, b)| {
        k | u128::from(b.to_ascii_lowercase()) << (8 * i)
    })
}

fn stopword_index() -> &'static StopwordIndex {
    static INDEX: std::sync::OnceLock<StopwordIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        // Sized for every word of every list: no rehashing while it fills.
        let listed = STOPWORDS.iter().map(|(_, list)| list.words().len()).sum();
        let mut words: FastMap<&'static str, Languages> =
            FastMap::with_capacity_and_hasher(listed, Default::default());
        for (i, (_, list)) in STOPWORDS.iter().enumerate() {
            // Each word as its file writes it: build.rs checks that none is
            // empty or has white space around it.
            for w in list.lines() {
                words.entry(w).or_default().0 |= 1 << i;
            }
        }
        // Each set counted once it is whole.
        for languages in words.values_mut() {
            *languages = Languages::of_set(languages.0);
        }
        // Only keys a packed lower-cased word can equal: ASCII, no capitals.
        let packable = |w: &str| {
            w.bytes()
                .all(|b| b.is_ascii() && b != 0 && !b.is_ascii_uppercase())
        };
        let short = words
            .iter()
            .filter(|(w, _)| w.len() <= SHORT && packable(w))
            .map(|(w, &set)| (pack_lower(w.as_bytes()), set))
            .collect::<Vec<_>>();
        let long = words
            .iter()
            .filter(|(w, _)| (SHORT + 1..=LONG).contains(&w.len()) && packable(w))
            .map(|(w, &set)| (pack_lower_long(w.as_bytes()), set))
            .collect::<Vec<_>>();
        StopwordIndex {
            short: PackedTable::new(&short),
            long: PackedTable::new(&long),
            words,
        }
    })
}

/// The languages whose stop-word list has `w` (lower-cased, without
/// apostrophes around it).
fn languages_of(index: &StopwordIndex, w: &str) -> Option<Languages> {
    // Lower-casing neither makes nor takes apostrophes, so they are trimmed first.
    let w = w.trim_matches(['\'', '’']);
    // An ASCII word lower-cases to ASCII of its length: a short one can
    // only be a short key, a longer one of at most sixteen bytes a long key.
    if w.len() <= LONG && w.is_ascii() {
        return looked_up(index, word_key(w.as_bytes()));
    }
    with_lower(w, |l| index.words.get(l).copied())
}

/// The key of an ASCII word of at most [`LONG`] bytes.
fn word_key(w: &[u8]) -> WordKey {
    if w.len() <= SHORT {
        WordKey::Short(pack_lower(w))
    } else {
        WordKey::Long(pack_lower_long(w))
    }
}

/// The languages of a word by its key.
#[inline]
fn looked_up(index: &StopwordIndex, key: WordKey) -> Option<Languages> {
    match key {
        WordKey::Short(key) => index.short.get(key),
        WordKey::Long(key) => index.long.get(key),
    }
}

/// How a word of ASCII letters is looked up without its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WordKey {
    /// One to [`SHORT`] letters: their [`pack_lower`] key.
    Short(u64),
    /// More, to [`LONG`]: their [`pack_lower_long`] key.
    Long(u128),
}

/// Identifies the language of a text by its function words: each word found
/// in the stop-word lists scores for every language that has it, shared
/// words counting less. Returns the ISO 639-1 code and whether the call is
/// clear (enough evidence and a margin over the runner-up).
pub fn identify_language(text: &str) -> Option<(&'static str, bool)> {
    let index = stopword_index();
    let mut scores = [0.0f64; 16];
    let mut words = 0usize;
    each_word(text, 3000, |start, end, key| {
        words += 1;
        // A word of ASCII letters is looked up by the key made as it was
        // read, without its text: only other words are cut out.
        let set = match key {
            Some(key) => looked_up(index, key),
            None => languages_of(index, &text[start..end]),
        };
        if let Some(set) = set {
            // Each language of the set, in order, scores its share.
            let share = 1.0 / f64::from(set.count());
            let mut rest = set.set();
            while rest != 0 {
                scores[rest.trailing_zeros() as usize] += share;
                rest &= rest - 1;
            }
        }
    });
    let mut order: Vec<usize> = (0..STOPWORDS.len()).collect();
    crate::text::sort::by(&mut order, |&a, &b| scores[b].total_cmp(&scores[a]));
    let (best, second) = (scores[order[0]], scores[order[1]]);
    if words == 0 || best < 1.0 {
        return None;
    }
    let clear = best >= 3.0 && best >= 1.5 * second;
    Some((STOPWORDS[order[0]].0, clear))
}

/// What a byte is to the word split of [`each_word`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// An ASCII byte that is neither a letter nor an apostrophe.
    Gap,
    /// An ASCII letter.
    Letter,
    /// The ASCII apostrophe.
    Apostrophe,
    /// A byte of a character that is not ASCII: that character decides.
    Other,
}

/// The class of every byte, read with one table look-up in the loops.
const CLASSES: [Class; 256] = {
    let mut t = [Class::Other; 256];
    let mut b = 0;
    while b < 0x80 {
        t[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b'\'' => Class::Apostrophe,
            _ => Class::Gap,
        };
        b += 1;
    }
    t
};

/// Whether a character that is not ASCII belongs to a word: a letter, or
/// the apostrophe '’'. The two blocks most such characters of news text
/// come from (accented Latin letters; quotes and dashes) are answered
/// without the Unicode tables.
fn in_word(c: char) -> bool {
    match c {
        // Latin-1 letters: all but the multiplication and division signs.
        'À'..='ÿ' => c != '×' && c != '÷',
        // General Punctuation: no letters, but the apostrophe counts as one.
        '\u{2000}'..='\u{206f}' => c == '’',
        _ => c.is_alphabetic() || c == '’',
    }
}

/// The key of the ASCII letters `b[start..end]` (one to [`LONG`] of
/// them), read as one integer where its bytes are there: a letter lowers by
/// setting its bit 0x20.
fn pack_letters(b: &[u8], start: usize, end: usize) -> WordKey {
    let n = end - start;
    if n <= SHORT {
        return match b.get(start..start + SHORT) {
            Some(eight) => WordKey::Short(lower_letters(eight, n)),
            None => WordKey::Short(pack_lower(&b[start..end])),
        };
    }
    let Some(sixteen) = b.get(start..start + LONG) else {
        return WordKey::Long(pack_lower_long(&b[start..end]));
    };
    let bytes: [u8; LONG] = sixteen.try_into().expect("sixteen bytes");
    let mask = u128::MAX >> (8 * (LONG - n));
    WordKey::Long((u128::from_le_bytes(bytes) | 0x2020_2020_2020_2020_2020_2020_2020_2020) & mask)
}

/// The [`pack_lower`] key of the first `n` (one to [`SHORT`]) bytes of
/// `eight`, which are ASCII letters.
fn lower_letters(eight: &[u8], n: usize) -> u64 {
    let mask = u64::MAX >> (8 * (SHORT - n));
    (u64::from_le_bytes(eight.try_into().expect("eight bytes")) | 0x2020_2020_2020_2020) & mask
}

/// How many of the eight bytes `eight` open with ASCII letters (0 to 8):
/// bytes below 0x80, each read as one lane of a `u64`. Setting bit 0x20
/// makes a capital small and no other byte a letter; then a letter is a
/// byte from 'a' to 'z', and no lane's sum carries into the next.
fn leading_letters(eight: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let lanes = |b: u8| 0x0101_0101_0101_0101 * u64::from(b);
    let x = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
    let small = (x | lanes(0x20)) & !HIGH;
    let from_a = small + lanes(0x80 - b'a');
    let past_z = small + lanes(0x80 - b'z' - 1);
    let letters = from_a & !past_z & !x & HIGH;
    ((!letters & HIGH).trailing_zeros() / 8) as usize
}

/// Calls `each` with the byte range of each of the first `max` words of
/// `text` as the guess reads them: runs of letters and apostrophes (what
/// splitting at every other character leaves). A word of at most [`LONG`]
/// ASCII letters (no apostrophe) comes with its key. ASCII is judged a
/// byte at a time by [`CLASSES`]; only other characters are decoded.
fn each_word(text: &str, max: usize, mut each: impl FnMut(usize, usize, Option<WordKey>)) {
    let b = text.as_bytes();
    // The character at `i` when it is not ASCII: whether it is a letter, and its length.
    let other_at = |i: usize| -> (bool, usize) {
        let c = text[i..].chars().next().unwrap_or(' ');
        (in_word(c), c.len_utf8())
    };
    let mut i = 0;
    for _ in 0..max {
        // To the next word's first character.
        loop {
            let Some(&c) = b.get(i) else {
                return;
            };
            match CLASSES[usize::from(c)] {
                Class::Gap => i += 1,
                Class::Letter | Class::Apostrophe => break,
                Class::Other => {
                    let (letter, n) = other_at(i);
                    if letter {
                        break;
                    }
                    i += n;
                }
            }
        }
        let start = i;
        let key = if let Some((n, key)) = short_word(b, i) {
            i += n;
            Some(WordKey::Short(key))
        } else {
            // Only ASCII letters so far.
            let mut plain = true;
            loop {
                // Most of a word: ASCII letters, passed over eight bytes at a time.
                if let Some(eight) = b.get(i..i + SHORT) {
                    let n = leading_letters(eight);
                    i += n;
                    if n == SHORT {
                        continue;
                    }
                }
                let Some(&c) = b.get(i) else {
                    break;
                };
                match CLASSES[usize::from(c)] {
                    Class::Letter => i += 1,
                    Class::Apostrophe => {
                        plain = false;
                        i += 1;
                    }
                    Class::Gap => break,
                    Class::Other => {
                        let (letter, n) = other_at(i);
                        if !letter {
                            break;
                        }
                        plain = false;
                        i += n;
                    }
                }
            }
            (plain && i - start <= LONG).then(|| pack_letters(b, start, i))
        };
        each(start, i, key);
    }
}

/// The word at `i` when it is as most words are: one to seven ASCII
/// letters, then an ASCII byte that is neither a letter nor an apostrophe. Its
/// length and [`pack_lower`] key come from the eight bytes read once; the
/// byte-by-byte reading of [`each_word`] ends the word at the same byte.
fn short_word(b: &[u8], i: usize) -> Option<(usize, u64)> {
    let eight = b.get(i..i + SHORT)?;
    let n = leading_letters(eight);
    let ends = n > 0 && n < SHORT && CLASSES[usize::from(eight[n])] == Class::Gap;
    ends.then(|| (n, lower_letters(eight, n)))
}

/// The language of the body, spanning all of it.
pub(super) fn language(body: &MappedText) -> Option<(Field, bool)> {
    let text = body.as_str();
    let (code, clear) = identify_language(text)?;
    let span = body.to_source(Span::new(0, text.len()));
    Some((Field::at(code, span), clear))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages() {
        let cases = [
            ("en", "The government said on Thursday that the protests had been put down and that order was restored in the city."),
            ("fr", "Le gouvernement a déclaré jeudi que les manifestations avaient été réprimées et que l'ordre était rétabli dans la ville."),
            ("de", "Die Regierung erklärte am Donnerstag, die Proteste seien niedergeschlagen worden und in der Stadt herrsche wieder Ordnung."),
            ("es", "El gobierno dijo el jueves que las protestas habían sido sofocadas y que el orden se había restablecido en la ciudad."),
            ("ru", "Правительство заявило в четверг, что протесты были подавлены и порядок в городе восстановлен."),
            ("it", "Il governo ha dichiarato giovedì che le proteste erano state represse e che l'ordine era stato ristabilito in città."),
        ];
        for (want, text) in cases {
            assert_eq!(identify_language(text), Some((want, true)), "{text}");
        }
        let more = [
            ("pt", "O governo disse na quinta-feira que os protestos tinham sido reprimidos e que a ordem foi restabelecida na cidade."),
            ("nl", "De regering zei donderdag dat de protesten waren neergeslagen en dat de orde in de stad was hersteld."),
            ("pl", "Rząd oświadczył w czwartek, że protesty zostały stłumione i że w mieście przywrócono porządek."),
            ("uk", "Уряд заявив у четвер, що протести було придушено і що порядок у місті відновлено."),
        ];
        for (want, text) in more {
            assert_eq!(identify_language(text).map(|l| l.0), Some(want), "{text}");
        }
        assert_eq!(identify_language("12345 67890"), None);
    }

    /// The packed lookup finds what looking up the lower-cased word finds.
    #[test]
    fn lookup_is_the_lower_cased_word() {
        let index = stopword_index();
        let words: Vec<&str> = STOPWORDS
            .iter()
            .flat_map(|(_, list)| list.lines())
            .chain([
                "The",
                "'the'",
                "’AND’",
                "''",
                "",
                "Ünd",
                "DER",
                "government",
                "Über",
            ])
            .collect();
        for w in words {
            for w in [w.to_string(), w.to_uppercase(), format!("'{w}")] {
                let want = index
                    .words
                    .get(w.to_lowercase().trim_matches(['\'', '’']))
                    .copied();
                assert_eq!(languages_of(index, &w), want, "{w}");
            }
        }
    }

    /// The blocks answered without the Unicode tables answer as they do.
    #[test]
    fn word_characters_are_letters_and_the_apostrophe() {
        for c in ('\u{80}'..='\u{2fff}').chain(['東', 'Ж', '٣', '\u{301}']) {
            assert_eq!(in_word(c), c.is_alphabetic() || c == '’', "{c:?}");
        }
    }

    /// The packed table finds what a map of the same entries finds, also
    /// for keys it lacks and for the empty word's key 0.
    #[test]
    fn packed_table_is_a_map() {
        let entries: Vec<(u64, Languages)> = (1..500u64)
            .map(|k| (k * k * 7919, Languages::of_set(k as u16)))
            .collect();
        let table = PackedTable::new(&entries);
        let map: FastMap<u64, Languages> = entries.iter().copied().collect();
        for key in (0..2000u64).map(|k| k * 7919).chain([0, u64::MAX]) {
            assert_eq!(table.get(key), map.get(&key).copied(), "{key}");
        }
        assert_eq!(PackedTable::<u64>::new(&[]).get(5), None);
        // Long keys that differ only in their high half, or only in their low one.
        let long: Vec<(u128, Languages)> = (1..500u128)
            .flat_map(|k| {
                [
                    (k << 64 | 7, Languages::of_set(k as u16)),
                    (1000 << 64 | k, Languages(1)),
                ]
            })
            .collect();
        let table = PackedTable::new(&long);
        let map: FastMap<u128, Languages> = long.iter().copied().collect();
        for key in (0..1000u128).flat_map(|k| [k << 64 | 7, 1000 << 64 | k, k]) {
            assert_eq!(table.get(key), map.get(&key).copied(), "{key}");
        }
    }

    /// A set keeps its members and counts them.
    #[test]
    fn languages_count_their_members() {
        // Every list's bit lies below the count.
        assert!(STOPWORDS.len() <= Languages::COUNT_SHIFT as usize);
        for set in [0u16, 1, 0b10_1101, (1 << STOPWORDS.len()) - 1] {
            let languages = Languages::of_set(set);
            assert_eq!(languages.set(), set);
            assert_eq!(u32::from(languages.count()), set.count_ones());
        }
    }

    /// The key read eight bytes at a time is the key made a byte at a
    /// time, near the end of the text too.
    #[test]
    fn packed_letters() {
        let text = b"The AND abcdefgh x Hi Nevertheless themselves ABCDEFGHIJKLMNOP";
        let words = [
            (0, 3),
            (4, 7),
            (8, 16),
            (17, 18),
            (19, 21),
            (22, 34),
            (35, 45),
            (46, 62),
        ];
        for (start, end) in words {
            let want = word_key(&text[start..end]);
            assert_eq!(pack_letters(text, start, end), want);
            assert_eq!(pack_letters(&text[..end], start, end), want);
        }
    }

    /// The eight-byte count of leading letters is the byte-by-byte count,
    /// for every byte in every lane.
    #[test]
    fn leading_letters_are_counted_as_classed() {
        for b in 0..=255u8 {
            for lane in 0..SHORT {
                let mut eight = *b"abcdefgh";
                eight[lane] = b;
                let want = eight
                    .iter()
                    .take_while(|&&c| CLASSES[usize::from(c)] == Class::Letter)
                    .count();
                assert_eq!(leading_letters(&eight), want, "{b:#x} at {lane}");
            }
        }
        assert_eq!(leading_letters(b"The END."), 3);
        assert_eq!(leading_letters(b"@[`{Az]z"), 0);
    }

    #[test]
    fn words_are_the_split() {
        let texts = [
            "L’ordre, l'État: 12 «mots» — Привет мир!  ",
            "",
            "’'x'’ ab1cd\u{a0}é\u{301}f 東京 ٣ The AND abcdefgh ABCDEFGHI don't",
            "Über the END",
            "a",
        ];
        for t in texts {
            let want: Vec<&str> = t
                .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
                .filter(|w| !w.is_empty())
                .collect();
            let mut got = Vec::new();
            each_word(t, usize::MAX, |start, end, key| {
                let w = &t[start..end];
                let plain = w.len() <= LONG && w.bytes().all(|b| b.is_ascii_alphabetic());
                assert_eq!(key, plain.then(|| word_key(w.as_bytes())), "{w}");
                got.push(w);
            });
            assert_eq!(got, want, "{t}");
            let mut two = Vec::new();
            each_word(t, 2, |start, end, _| two.push(&t[start..end]));
            assert_eq!(two, want[..want.len().min(2)], "{t}");
        }
    }
}
