//! Decoding: bytes from a file or a paste into the text the user meant.
//!
//! Recognized, in order: a UTF-8 byte order mark, UTF-16 LE/BE byte order
//! marks, valid UTF-8, and otherwise Windows-1252 (the superset of Latin-1 that
//! web pages labelled ISO-8859-1 really use). The result says which was used.

use serde::Serialize;

/// Which decoding turned the bytes into text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

impl Encoding {
    pub fn name(&self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8 (with BOM)",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1252 => "windows-1252",
        }
    }
}

/// Decoded text and how it was decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
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
        Err(_) => Decoded {
            text: bytes.iter().map(|&b| windows_1252(b)).collect(),
            encoding: Encoding::Windows1252,
            had_errors: false,
        },
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
        ];
        for (name, bytes, text, enc) in cases {
            let d = decode(bytes);
            assert_eq!(d.text, *text, "{name}");
            assert_eq!(d.encoding, *enc, "{name}");
        }
    }
}
