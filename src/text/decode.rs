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

use serde::{Deserialize, Serialize};

/// Which decoding turned the bytes into text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
    /// What the caller should know about the decoding, one sentence each:
    /// bytes replaced, an encoding guessed rather than declared.
    pub warnings: Vec<String>,
}

impl Decoded {
    fn new(text: String, encoding: Encoding) -> Decoded {
        Decoded {
            text,
            encoding,
            had_errors: false,
            warnings: Vec::new(),
        }
    }
}

/// Decodes `bytes`, detecting the encoding.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let mut d = utf8_lossy(rest);
        d.encoding = Encoding::Utf8Bom;
        return d;
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, Encoding::Utf16Be);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let mut d = utf16(bytes, encoding);
        d.warnings.insert(
            0,
            format!(
                "no byte order mark: read as {} from the pattern of zero bytes",
                encoding.name()
            ),
        );
        return d;
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded::new(text.to_string(), Encoding::Utf8);
    }
    let label = charset_label(bytes);
    if label == Some(Label::Utf8) || (label.is_none() && mostly_utf8(bytes)) {
        return utf8_lossy(bytes);
    }
    let (encoding, guessed) = match label {
        Some(Label::SingleByte(e)) => (e, false),
        _ if looks_cyrillic(bytes) => (Encoding::Windows1251, true),
        _ => (Encoding::Windows1252, true),
    };
    let map = if encoding == Encoding::Windows1251 {
        windows_1251
    } else {
        windows_1252
    };
    let mut d = Decoded::new(bytes.iter().map(|&b| map(b)).collect(), encoding);
    if guessed {
        d.warnings.push(format!(
            "not valid UTF-8 and no charset declared: read as {} (a guess)",
            encoding.name()
        ));
    }
    d
}

/// UTF-8 with each invalid sequence replaced by U+FFFD, saying how many and where.
fn utf8_lossy(bytes: &[u8]) -> Decoded {
    let mut text = String::with_capacity(bytes.len());
    let (mut bad, mut first, mut at) = (0usize, None, 0usize);
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        at += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            text.push(char::REPLACEMENT_CHARACTER);
            bad += 1;
            first.get_or_insert(at);
            at += chunk.invalid().len();
        }
    }
    let mut d = Decoded::new(text, Encoding::Utf8);
    if let Some(first) = first {
        d.had_errors = true;
        d.warnings.push(format!(
            "{bad} invalid UTF-8 sequence{} replaced by U+FFFD (the first at byte {first})",
            if bad == 1 { "" } else { "s" }
        ));
    }
    d
}

/// Whether bytes that are not valid UTF-8 still are UTF-8 with a few bad
/// bytes: at least as many valid multi-byte characters as invalid sequences
/// (a single-byte code page almost never forms a valid multi-byte sequence).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multi, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multi += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    multi >= bad.max(1)
}

/// UTF-16 without a byte order mark: the bytes of one parity (the high
/// bytes) take at most a few values, zero among them, while the other
/// parity varies; and the units decode to text. `None` for anything else.
pub fn utf16_without_bom(bytes: &[u8]) -> Option<Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 || !sample.contains(&0) {
        return None;
    }
    let top_two = |parity: usize| {
        let mut counts = [0usize; 256];
        for &b in sample.iter().skip(parity).step_by(2) {
            counts[b as usize] += 1;
        }
        let zeros = counts[0];
        crate::text::sort::by(&mut counts, |a, b| b.cmp(a));
        ((counts[0] + counts[1]) * 100 / (sample.len() / 2), zeros)
    };
    let (even, even_zeros) = top_two(0);
    let (odd, odd_zeros) = top_two(1);
    let encoding = if odd >= 90 && even < 60 && odd_zeros > 0 {
        Encoding::Utf16Le
    } else if even >= 90 && odd < 60 && even_zeros > 0 {
        Encoding::Utf16Be
    } else {
        // Scripts whose high bytes vary (Chinese, Japanese): the byte order
        // whose characters read as text.
        let le = textlike_share(sample, Encoding::Utf16Le);
        let be = textlike_share(sample, Encoding::Utf16Be);
        return match (le >= 95, be >= 95) {
            (true, false) => Some(Encoding::Utf16Le),
            (false, true) => Some(Encoding::Utf16Be),
            // Both read as letters (swapped Latin lands among CJK ideographs):
            // Latin characters put their zero byte high, at odd offsets in
            // little-endian, so the side with more zeros there wins.
            (true, true) if odd_zeros != even_zeros => Some(if odd_zeros > even_zeros {
                Encoding::Utf16Le
            } else {
                Encoding::Utf16Be
            }),
            _ => None,
        };
    };
    (textlike_share(sample, encoding) >= 90).then_some(encoding)
}

/// The percentage of the characters of `bytes` read as `encoding` that are
/// letters, digits, spaces or punctuation; 0 when any unit is an unpaired
/// surrogate or a control character is met.
fn textlike_share(bytes: &[u8], encoding: Encoding) -> usize {
    let d = utf16(bytes, encoding);
    if d.had_errors {
        return 0;
    }
    let (mut total, mut text) = (0usize, 0usize);
    for c in d.text.chars() {
        if c.is_control() && !c.is_whitespace() {
            return 0;
        }
        total += 1;
        let cjk_punctuation =
            ('\u{3000}'..='\u{303F}').contains(&c) || ('\u{FF00}'..='\u{FFEF}').contains(&c);
        if c.is_alphanumeric()
            || c.is_whitespace()
            || c.is_ascii_punctuation()
            || cjk_punctuation
            || matches!(c, '‘' | '’' | '“' | '”' | '«' | '»' | '—' | '–' | '…')
        {
            text += 1;
        }
    }
    text * 100 / total.max(1)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Label {
    Utf8,
    SingleByte(Encoding),
}

/// The encoding an HTML `charset` label near the start names.
fn charset_label(bytes: &[u8]) -> Option<Label> {
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
        "utf-8" | "utf8" => Some(Label::Utf8),
        "windows-1251" | "cp1251" | "x-cp1251" => Some(Label::SingleByte(Encoding::Windows1251)),
        "windows-1252" | "cp1252" | "iso-8859-1" | "iso8859-1" | "latin1" | "latin-1"
        | "us-ascii" | "ascii" | "iso-8859-15" => Some(Label::SingleByte(Encoding::Windows1252)),
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

fn utf16(bytes: &[u8], encoding: Encoding) -> Decoded {
    let read = if encoding == Encoding::Utf16Be {
        u16::from_be_bytes
    } else {
        u16::from_le_bytes
    };
    let units = bytes
        .chunks(2)
        .map(|c| read([c[0], *c.get(1).unwrap_or(&0)]));
    let mut bad = 0usize;
    let text = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                bad += 1;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    let mut d = Decoded::new(text, encoding);
    if bad > 0 {
        d.warnings.push(format!(
            "{bad} unpaired UTF-16 surrogate{} replaced by U+FFFD",
            if bad == 1 { "" } else { "s" }
        ));
    }
    if bytes.len() % 2 == 1 {
        d.warnings
            .push("odd number of bytes for UTF-16: the last byte was cut off".to_string());
    }
    d.had_errors = !d.warnings.is_empty();
    d
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

#[cfg(test)]
mod guesses {
    use super::*;

    fn utf16_bytes(text: &str, be: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| if be { u.to_be_bytes() } else { u.to_le_bytes() })
            .collect()
    }

    #[test]
    fn utf16_without_a_byte_order_mark_is_recognized() {
        let cases = [
            (
                "latin le",
                "Police said on Thursday that 13 people died.",
                false,
            ),
            (
                "latin be",
                "Police said on Thursday that 13 people died.",
                true,
            ),
            (
                "cyrillic le",
                "Полиция сообщила в четверг о 13 погибших.",
                false,
            ),
            (
                "german be",
                "Die Polizei in Köln sagte am Donnerstag, dass",
                true,
            ),
        ];
        for (name, text, be) in cases {
            let d = decode(&utf16_bytes(text, be));
            assert_eq!(d.text, text, "{name}");
            let want = if be {
                Encoding::Utf16Be
            } else {
                Encoding::Utf16Le
            };
            assert_eq!(d.encoding, want, "{name}");
            assert!(d.warnings[0].contains("no byte order mark"), "{name}");
        }
    }

    #[test]
    fn a_few_bad_bytes_in_utf8_are_replaced_not_a_reason_for_mojibake() {
        let mut bytes = "Der Bürgermeister von Köln sagte: „Wir bleiben.“ "
            .as_bytes()
            .to_vec();
        bytes.extend(b"\xFF\xFE-\x80 Ende.");
        let d = decode(&bytes);
        assert_eq!(d.encoding, Encoding::Utf8);
        assert!(
            d.text.starts_with("Der Bürgermeister von Köln"),
            "{}",
            d.text
        );
        assert!(d.had_errors);
        assert_eq!(
            d.warnings,
            ["3 invalid UTF-8 sequences replaced by U+FFFD (the first at byte 55)"]
        );
    }

    #[test]
    fn a_guessed_code_page_says_so_and_a_declared_one_does_not() {
        let d = decode(b"caf\xe9 cr\xe8me");
        assert_eq!(d.warnings.len(), 1);
        assert!(d.warnings[0].contains("read as windows-1252 (a guess)"));
        let d = decode(b"<meta charset=\"iso-8859-1\"><p>caf\xe9</p>");
        assert!(d.warnings.is_empty());
        let d = decode(b"<meta charset=\"utf-8\"><p>caf\xe9</p>");
        assert_eq!(d.encoding, Encoding::Utf8);
        assert!(d.had_errors);
    }

    #[test]
    fn valid_utf8_and_plain_ascii_have_no_warnings() {
        for text in ["Almaty’s mayor", "plain", "", "東京で地震"] {
            assert!(decode(text.as_bytes()).warnings.is_empty(), "{text}");
        }
    }
}
