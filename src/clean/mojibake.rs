//! Mojibake repair: UTF-8 that was once read as Windows-1252 ("â€™" for "’").
//!
//! A UTF-8 character of two to four bytes, decoded byte by byte as
//! Windows-1252 (or Latin-1), turns into a lead letter such as `Ã`, `â`, `Ð`
//! followed by one to three characters from the 0x80–0xBF range (`€`, `™`,
//! `©`, a no-break space ...). [`repair_mojibake`] finds such runs, turns the
//! characters back into bytes, and keeps the run only when those bytes are one
//! valid UTF-8 character: each repair is a replaced piece of the
//! [`MappedText`], so offsets still point into the input.
//!
//! ```
//! use storydiff::clean::repair_mojibake;
//! let fixed = repair_mojibake("Russiaâ€™s ally");
//! assert_eq!(fixed.as_str(), "Russia’s ally");
//! ```

use crate::text::{windows_1252, MappedText};

/// The Windows-1252 byte that decodes to `c`, if any (undefined bytes map to
/// the C1 control of the same number, as browsers do).
fn cp1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0x80 || (0xA0..=0xFF).contains(&u) {
        return Some(u as u8);
    }
    (0x80u8..=0x9F).find(|&b| windows_1252(b) == c)
}

/// Repairs mojibake in `input`; the result maps onto `input`.
pub fn repair_mojibake(input: &str) -> MappedText {
    let mut b = MappedText::builder();
    let mut copy_from = 0;
    let mut from = 0;
    while let Some(at) = next_lead_byte(input, from) {
        let Some(c) = input[at..].chars().next() else {
            break;
        };
        from = at + c.len_utf8();
        let Some(lead) = cp1252_byte(c).filter(|b| (0xC2..=0xF4).contains(b)) else {
            continue;
        };
        let need = match lead {
            0xC2..=0xDF => 1,
            0xE0..=0xEF => 2,
            _ => 3,
        };
        let mut bytes = vec![lead];
        let mut end = from;
        for (i, d) in input[from..].char_indices().take(need) {
            match cp1252_byte(d).filter(|b| (0x80..=0xBF).contains(b)) {
                Some(byte) => {
                    bytes.push(byte);
                    end = from + i + d.len_utf8();
                }
                None => break,
            }
        }
        if bytes.len() != need + 1 {
            continue;
        }
        let Ok(fixed) = std::str::from_utf8(&bytes) else {
            continue;
        };
        b.copy(input, copy_from..at);
        b.replace(fixed, at..end);
        copy_from = end;
        from = end;
    }
    b.copy(input, copy_from..input.len());
    b.finish_for(input.len())
}

/// Where the next character that may lead a run (U+00C2 to U+00F4) starts,
/// from `from` on: each is written with the byte 0xC3 first, which starts
/// no other character and is no later byte of one, so only those bytes are
/// looked for (by `memchr`'s vector search, without decoding the text
/// between them).
fn next_lead_byte(input: &str, from: usize) -> Option<usize> {
    let n = memchr::memchr(0xC3, &input.as_bytes()[from..])?;
    Some(from + n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    #[test]
    fn table() {
        let cases = [
            ("apostrophe", "Russiaâ€™s", "Russia’s"),
            ("quotes", "â€œhiâ€\u{9d}", "“hi”"),
            ("dash", "a â€“ b", "a – b"),
            ("accent", "StÃ©phane", "Stéphane"),
            ("nbsp", "2022:Â\u{a0}Unrest", "2022:\u{a0}Unrest"),
            ("cyrillic", "ÐœÐ¾Ñ\u{81}ÐºÐ²Ð°", "Москва"),
            (
                "clean text untouched",
                "Stéphane’s “quote”",
                "Stéphane’s “quote”",
            ),
            ("lone lead", "Ã la carte", "Ã la carte"),
            ("leads in a row", "ÃÃ©", "Ãé"),
            ("lead at the end", "abc Ã", "abc Ã"),
            ("three bytes", "â€", "â€"),
            ("other latin", "Ã€ À ÿ Ã¿", "À À ÿ ÿ"),
            ("empty", "", ""),
        ];
        for (name, input, want) in cases {
            assert_eq!(repair_mojibake(input).as_str(), want, "{name}");
        }
    }

    #[test]
    fn cyrillic_with_valid_pairs() {
        // "Мо" as mojibake: Ð + œ, Ð + ¾.
        assert_eq!(repair_mojibake("Ðœ").as_str(), "М");
    }

    #[test]
    fn maps_into_input() {
        let input = "Russiaâ€™s ally";
        let fixed = repair_mojibake(input);
        let apostrophe = fixed.as_str().find('’').unwrap();
        let src = fixed.to_source(Span::new(apostrophe, apostrophe + 3));
        assert_eq!(src.of(input), "â€™");
        let ally = fixed.as_str().find("ally").unwrap();
        assert_eq!(fixed.to_source(Span::new(ally, ally + 4)).of(input), "ally");
    }
}
