//! HTML character references (`&amp;`, `&#8217;`, `&rsquo;`), decoded as
//! replaced pieces of a [`MappedText`].
//!
//! [`entity_at`] reads one reference; [`decode_entities`] decodes every
//! reference in a plain text. A doubly escaped reference (`&amp;rsquo;`, a
//! common scraping accident) decodes all the way in one step, so decoding is
//! idempotent.
//!
//! ```
//! use storydiff::clean::decode_entities;
//! assert_eq!(decode_entities("Tom &amp; Jerry&#8217;s").as_str(), "Tom & Jerry’s");
//! ```

use crate::lexicon::lists::html::NAMED_REFERENCES;
use crate::lexicon::WordIndex;
use crate::text::MappedText;

static NAMED: WordIndex<(&str, u32)> = WordIndex::new(NAMED_REFERENCES, |r| r.0);

/// The character a named reference (`eacute`, case-sensitive) stands for:
/// all of Latin-1 and the names beyond it that news pages use
/// (`data/words/html/named_references.tsv`).
fn named(name: &str) -> Option<String> {
    let (_, code) = NAMED.get(name)?;
    char::from_u32(*code).map(String::from)
}

/// Reads the character reference starting at `text[at..]` (which starts with
/// `&`): its decoded text and its byte length. `&amp;` followed by another
/// reference's tail decodes as that reference.
pub fn entity_at(text: &str, at: usize) -> Option<(String, usize)> {
    let (value, len) = single(text, at)?;
    if value == "&" {
        // A doubly escaped reference: "&amp;rsquo;" is "’".
        let rest = &text[at + len..];
        let mut probe = String::from("&");
        let mut cut = rest.len().min(40);
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        probe.push_str(&rest[..cut]);
        if let Some((v, l)) = single(&probe, 0).filter(|(_, l)| *l > 1) {
            return Some((v, len + l - 1));
        }
    }
    Some((value, len))
}

fn single(text: &str, at: usize) -> Option<(String, usize)> {
    let rest = text.get(at..)?;
    let body = rest.strip_prefix('&')?;
    let end = body
        .char_indices()
        .take(34)
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '#'))
        .map(|(i, _)| i)?;
    if !body[end..].starts_with(';') {
        return None;
    }
    let name = &body[..end];
    let value = if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        // Numeric references to C1 bytes mean Windows-1252, as in browsers.
        let c = if (0x80..=0x9F).contains(&code) {
            crate::text::windows_1252(code as u8)
        } else {
            char::from_u32(code).filter(|&c| c != '\0')?
        };
        c.to_string()
    } else {
        named(name)?
    };
    Some((value, end + 2))
}

/// Decodes every character reference of a plain text.
pub fn decode_entities(input: &str) -> MappedText {
    let mut b = MappedText::builder();
    let mut copy_from = 0;
    let mut at = 0;
    while let Some(off) = input[at..].find('&') {
        let i = at + off;
        match entity_at(input, i) {
            Some((value, len)) => {
                b.copy(input, copy_from..i);
                b.replace(&value, i..i + len);
                copy_from = i + len;
                at = i + len;
            }
            None => at = i + 1,
        }
    }
    b.copy(input, copy_from..input.len());
    b.finish_for(input.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases = [
            ("named", "a &amp; b", "a & b"),
            ("latin1", "caf&eacute; &copy;", "café ©"),
            ("decimal", "&#8220;x&#8221;", "“x”"),
            ("hex", "&#x2019;", "’"),
            ("cp1252 numeric", "&#146;", "’"),
            ("double escaped", "it&amp;rsquo;s", "it’s"),
            ("unknown kept", "&bogus; & AT&T", "&bogus; & AT&T"),
            ("case matters", "&Eacute;&eacute;&EACUTE;", "Éé&EACUTE;"),
            ("beyond latin1", "&euro;&OElig;&shy;x", "€Œ\u{ad}x"),
            ("no semicolon kept", "&amp b", "&amp b"),
        ];
        for (name, input, want) in cases {
            let got = decode_entities(input);
            assert_eq!(got.as_str(), want, "{name}");
            assert_eq!(decode_entities(got.as_str()).as_str(), want, "{name} twice");
        }
    }

    #[test]
    fn named_references_are_sorted_and_latin1_is_complete() {
        assert!(NAMED_REFERENCES.windows(2).all(|w| w[0].0 < w[1].0));
        for code in 0xA1..=0xFF {
            assert!(
                NAMED_REFERENCES.iter().any(|(_, c)| *c == code),
                "U+{code:04X}"
            );
        }
    }
}
