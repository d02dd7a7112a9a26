//! Decoding: bytes from a file or a paste into the text the user meant.
//!
//! Recognized, in order: a UTF-8 byte order mark, UTF-16 LE/BE byte order
//! marks, valid UTF-8, and otherwise a single-byte code page: the one an HTML
//! `charset` label names, or else Windows-1251 when the high bytes run
//! together in words the way Cyrillic letters do, and Windows-1252 (the
//! superset of Latin-1 that pages labelled ISO-8859-1 really use) otherwise.
//! The result says which was used. Mojibake (UTF-8 once read as
//! Windows-1252) is repaired later, as a mapped step of cleaning
//! (`clean::repair_mojibake`), so offsets still point into the text.
//!
//! Why not `encoding_rs`: it is the standard crate, but it costs the wasm
//! build about 180 KB (135 KB gzipped), even when only single-byte encodings
//! are named, because `Encoding::decode` dispatches over all of them
//! (measured on a minimal `cdylib`, `--release --target wasm32-unknown-unknown`,
//! `opt-level = "s"`, LTO: 1.3 KB without it, 186 KB with `for_label`, 180 KB
//! with six single-byte statics). The two code-page tables here cost 256 bytes.
//!
//! ```
//! use storydiff::text::{decode, Encoding};
//! let d = decode(b"caf\xe9 cr\xe8me");
//! assert_eq!((d.text.as_str(), d.encoding), ("café crème", Encoding::Windows1252));
//! let d = decode(b"\xcc\xee\xf1\xea\xe2\xe0 \xe8 \xcf\xe5\xf2\xe5\xf0\xe1\xf3\xf0\xe3");
//! assert_eq!((d.text.as_str(), d.encoding), ("Москва и Петербург", Encoding::Windows1251));
//! ```

use serde::Serialize;

/// Which decoding turned the bytes into text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    /// UTF-8.
    Utf8,
    /// UTF-8 after a byte order mark.
    Utf8Bom,
    /// UTF-16, little-endian (after its byte order mark).
    Utf16Le,
    /// UTF-16, big-endian (after its byte order mark).
    Utf16Be,
    /// Windows-1252, the superset of Latin-1.
    Windows1252,
    /// Windows-1251 (Cyrillic).
    Windows1251,
}

impl Encoding {
    /// The encoding's label, as the report writes it ("windows-1252").
    pub fn name(&self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8 (with BOM)",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1252 => "windows-1252",
            Encoding::Windows1251 => "windows-1251",
        }
    }
}

/// Decoded text and how it was decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// How the bytes were decoded.
    pub encoding: Encoding,
    /// Whether some bytes were invalid and replaced by U+FFFD.
    pub had_errors: bool,
}

/// Decodes `bytes`, detecting the encoding.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let text = String::from_utf8_lossy(rest);
        let had_errors = matches!(text, std::borrow::Cow::Owned(_));
        return Decoded {
            text: text.into_owned(),
            encoding: Encoding::Utf8Bom,
            had_errors,
        };
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, Encoding::Utf16Le, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, Encoding::Utf16Be, u16::from_be_bytes);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: text.to_string(),
            encoding: Encoding::Utf8,
            had_errors: false,
        },
        Err(_) => {
            let encoding = charset_label(bytes).unwrap_or_else(|| {
                if looks_cyrillic(bytes) {
                    Encoding::Windows1251
                } else {
                    Encoding::Windows1252
                }
            });
            let map = if encoding == Encoding::Windows1251 {
                windows_1251
            } else {
                windows_1252
            };
            Decoded {
                text: bytes.iter().map(|&b| map(b)).collect(),
                encoding,
                had_errors: false,
            }
        }
    }
}

/// The single-byte code page an HTML `charset` label near the start names.
fn charset_label(bytes: &[u8]) -> Option<Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let label: String = lower[at..]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        .map(|&b| b as char)
        .collect();
    match label.as_str() {
        "windows-1251" | "cp1251" | "x-cp1251" => Some(Encoding::Windows1251),
        "windows-1252" | "cp1252" | "iso-8859-1" | "iso8859-1" | "latin1" | "latin-1"
        | "us-ascii" | "ascii" | "iso-8859-15" => Some(Encoding::Windows1252),
        _ => None,
    }
}

/// Whether the high bytes run together in words, as Cyrillic letters in
/// Windows-1251 do (Latin-1 accents sit alone between ASCII letters).
fn looks_cyrillic(bytes: &[u8]) -> bool {
    let letter = |b: u8| b >= 0xC0 || b == 0xA8 || b == 0xB8;
    let mut runs = 0usize;
    let mut lone = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        if !letter(b) {
            continue;
        }
        let prev = i.checked_sub(1).map(|j| bytes[j]);
        let next = bytes.get(i + 1).copied();
        if prev.is_some_and(letter) || next.is_some_and(letter) {
            runs += 1;
        } else {
            lone += 1;
        }
    }
    runs > 2 * lone && runs >= 4
}

/// The character Windows-1251 assigns to byte `b`.
pub fn windows_1251(b: u8) -> char {
    const HIGH: [char; 64] = [
        'Ђ', 'Ѓ', '‚', 'ѓ', '„', '…', '†', '‡', '€', '‰', 'Љ', '‹', 'Њ', 'Ќ', 'Ћ', 'Џ', 'ђ', '‘',
        '’', '“', '”', '•', '–', '—', '\u{98}', '™', 'љ', '›', 'њ', 'ќ', 'ћ', 'џ', '\u{a0}', 'Ў',
        'ў', 'Ј', '¤', 'Ґ', '¦', '§', 'Ё', '©', 'Є', '«', '¬', '\u{ad}', '®', 'Ї', '°', '±', 'І',
        'і', 'ґ', 'µ', '¶', '·', 'ё', '№', 'є', '»', 'ј', 'Ѕ', 'ѕ', 'ї',
    ];
    match b {
        0x80..=0xBF => HIGH[(b - 0x80) as usize],
        0xC0..=0xFF => char::from_u32(0x0410 + (b as u32 - 0xC0)).unwrap_or('\u{fffd}'),
        _ => b as char,
    }
}

fn utf16(bytes: &[u8], encoding: Encoding, read: fn([u8; 2]) -> u16) -> Decoded {
    let units = bytes
        .chunks(2)
        .map(|c| read([c[0], *c.get(1).unwrap_or(&0)]));
    let mut had_errors = bytes.len() % 2 == 1;
    let text = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                had_errors = true;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    Decoded {
        text,
        encoding,
        had_errors,
    }
}

/// The character Windows-1252 assigns to byte `b`.
pub fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases: &[(&str, &[u8], &str, Encoding)] = &[
            ("utf8", "Almaty’s".as_bytes(), "Almaty’s", Encoding::Utf8),
            ("bom", b"\xEF\xBB\xBFhi", "hi", Encoding::Utf8Bom),
            ("utf16le", b"\xFF\xFEh\0i\0", "hi", Encoding::Utf16Le),
            ("utf16be", b"\xFE\xFF\0h\0i", "hi", Encoding::Utf16Be),
            (
                "cp1252",
                b"caf\xE9 \x93ok\x94",
                "café “ok”",
                Encoding::Windows1252,
            ),
            (
                "cp1252 german",
                b"Stra\xdfe f\xfcr M\xfcnchen, sagte er.",
                "Straße für München, sagte er.",
                Encoding::Windows1252,
            ),
            (
                "cp1251",
                b"\xcf\xf0\xe0\xe2\xe8\xf2\xe5\xeb\xfc\xf1\xf2\xe2\xee \xe7\xe0\xff\xe2\xe8\xeb\xee",
                "Правительство заявило",
                Encoding::Windows1251,
            ),
            (
                "label wins",
                b"<meta charset=\"windows-1251\"><p>\xc0\xe1</p>",
                "<meta charset=\"windows-1251\"><p>Аб</p>",
                Encoding::Windows1251,
            ),
        ];
        for (name, bytes, text, enc) in cases {
            let d = decode(bytes);
            assert_eq!(d.text, *text, "{name}");
            assert_eq!(d.encoding, *enc, "{name}");
        }
    }
}
