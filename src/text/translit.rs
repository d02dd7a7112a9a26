//! Cyrillic names in Latin letters, so that "Токаев" and "Tokayev" compare.
//!
//! ```
//! use storydiff::text::latin;
//! assert_eq!(latin("Касым-Жомарт Токаев"), "Kasym-Zhomart Tokayev");
//! assert_eq!(latin("Київ"), "Kyiv");
//! assert_eq!(latin("Moscow"), "Moscow");
//! ```
//!
//! The letters come from `data/words/text/cyrillic_latin.tsv`: Russian by
//! BGN/PCGN as agencies print it, with the rows of the Ukrainian or Serbian
//! alphabet taking precedence in a name that has one of that alphabet's own
//! letters. Text with no Cyrillic letter is returned unchanged.

use crate::lexicon::lists::text::CYRILLIC_LATIN;
use std::borrow::Cow;

/// `s` with its Cyrillic letters written in Latin script; other characters kept.
pub fn latin(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_cyrillic) {
        return Cow::Borrowed(s);
    }
    let alphabet = alphabet_of(s);
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() * 2);
    for (i, &c) in chars.iter().enumerate() {
        if !is_cyrillic(c) {
            out.push(c);
            continue;
        }
        let lower = c.to_lowercase().next().unwrap_or(c);
        let prev = i
            .checked_sub(1)
            .map(|j| chars[j].to_lowercase().next().unwrap_or(chars[j]));
        let next = chars
            .get(i + 1)
            .map(|n| n.to_lowercase().next().unwrap_or(*n));
        let ends_word = chars.get(i + 2).is_none_or(|n| !n.is_alphabetic());
        let letters = if lower == 'е' && alphabet == "all" && prev.is_none_or(opens_ye) {
            "ye"
        } else if matches!(lower, 'и' | 'ы') && next == Some('й') && ends_word {
            "" // the "й" that follows writes the final "y"
        } else if lower == 'й'
            && matches!(prev, Some('и' | 'ы'))
            && chars.get(i + 1).is_none_or(|n| !n.is_alphabetic())
        {
            "y"
        } else {
            letter(lower, alphabet)
        };
        if c.is_uppercase() {
            let mut it = letters.chars();
            if let Some(first) = it.next() {
                out.extend(first.to_uppercase());
                out.push_str(it.as_str());
            }
        } else {
            out.push_str(letters);
        }
    }
    Cow::Owned(out)
}

/// Whether `c` is a letter of the Cyrillic block.
fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

/// Whether "е" after `p` is written "ye": at a word's start (`p` not a
/// letter) or after a vowel or a sign.
fn opens_ye(p: char) -> bool {
    !p.is_alphabetic() || "аеёиоуыэюяъьй".contains(p)
}

/// The alphabet whose rows take precedence: "uk" for a name with і ї є ґ and
/// no Kazakh letter, "sr" for one with ј љ њ ћ ђ џ, else "all".
fn alphabet_of(s: &str) -> &'static str {
    let lower = s.to_lowercase();
    let has = |set: &str| lower.chars().any(|c| set.contains(c));
    if has("јљњћђџ") {
        "sr"
    } else if has("іїєґ") && !has("әғқңөұүһ") {
        "uk"
    } else {
        "all"
    }
}

/// The Latin letters of the lower-case Cyrillic `c` in `alphabet`.
fn letter(c: char, alphabet: &str) -> &'static str {
    let mut buf = [0u8; 4];
    let key: &str = c.encode_utf8(&mut buf);
    let rows = || CYRILLIC_LATIN.iter().filter(|r| r.0 == key);
    rows()
        .find(|r| r.1 == alphabet)
        .or_else(|| rows().find(|r| r.1 == "all"))
        .map_or("", |r| r.2)
}

#[cfg(test)]
mod tests {
    use super::latin;

    #[test]
    fn names() {
        let cases = [
            ("Владимир Путин", "Vladimir Putin"),
            ("Сергей Лавров", "Sergey Lavrov"),
            ("Дмитрий Песков", "Dmitry Peskov"),
            ("Алексей Навальный", "Aleksey Navalny"),
            ("Ельцин", "Yeltsin"),
            ("Москва", "Moskva"),
            ("Казақстан", "Kazaqstan"),
            ("Харків", "Kharkiv"),
            ("Володимир Зеленський", "Volodimir Zelensky"), // no Ukrainian-only letter: read as Russian
            ("Київ", "Kyiv"),
            ("Александар Вучић", "Aleksandar Vucic"),
            ("ул. Ленина, 5", "ul. Lenina, 5"),
        ];
        for (cyr, lat) in cases {
            assert_eq!(latin(cyr), lat, "{cyr}");
        }
    }

    #[test]
    fn latin_text_is_borrowed() {
        assert!(matches!(latin("Tokayev"), std::borrow::Cow::Borrowed(_)));
    }
}
