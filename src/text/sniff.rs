//! Binary sniffing: whether bytes are a file format other than text.
//!
//! Checked before decoding, so that a PDF, an image or an archive renamed
//! `.txt` gets a clear answer instead of a text full of invented entities.
//! Two tests: the magic number a format starts with, and, for what has none,
//! the share of control bytes (text has almost none, random or compressed
//! bytes about one in eight). UTF-16 without a byte order mark is full of
//! zero bytes but is text: [`crate::text::decode()`] recognizes it first, and
//! [`sniff`] does not call it binary.
//!
//! ```
//! use storydiff::text::sniff;
//! assert_eq!(sniff(b"%PDF-1.7\n..."), Some("a PDF document"));
//! assert_eq!(sniff("Police said on Thursday.".as_bytes()), None);
//! ```

/// Magic numbers at the start of a file, and what they say the file is.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (
        b"PK\x03\x04",
        "a ZIP archive (or a Word, OpenDocument or EPUB file)",
    ),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xFD7zXZ\x00", "an xz archive"),
    (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
    (b"Rar!\x1A\x07", "a RAR archive"),
    (b"(\xB5/\xFD", "a zstd archive"),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "an old Microsoft Office document",
    ),
    (b"\x7FELF", "a program (ELF)"),
    (b"\0asm", "a WebAssembly module"),
    (b"SQLite format 3\0", "an SQLite database"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
    (b"OggS", "an Ogg audio or video file"),
    (b"ID3", "an MP3 audio file"),
    (b"fLaC", "a FLAC audio file"),
    (b"\x1A\x45\xDF\xA3", "a Matroska or WebM video"),
    (b"II*\0", "a TIFF image"),
    (b"MM\0*", "a TIFF image"),
];

/// How many leading bytes the control-byte ratio reads: enough to judge,
/// and the cost stays constant however large the input.
const SAMPLE: usize = 64 * 1024;

/// What `bytes` look like when they are not text (`"a PNG image"`), or
/// `None` for text. Text includes UTF-16 without a byte order mark.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(what);
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return Some("an MP4 video or HEIC image");
    }
    if bytes.len() >= 12 && bytes.starts_with(b"RIFF") {
        return Some(match &bytes[8..12] {
            b"WEBP" => "a WebP image",
            b"WAVE" => "a WAV audio file",
            _ => "a RIFF media file",
        });
    }
    if starts_with_bom(bytes) || crate::text::decode::utf16_without_bom(bytes).is_some() {
        return None;
    }
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    let control = sample.iter().filter(|&&b| is_binary_control(b)).count();
    // Text has (almost) no control bytes; random or compressed bytes have
    // one in eight. A stray one or two in a short text is not enough.
    (control >= 4 && control * 20 > sample.len()).then_some("binary data (many control bytes)")
}

fn starts_with_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xEF\xBB\xBF")
        || bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
}

/// A control byte that text does not use (tab, line feed, form feed,
/// carriage return and escape are text's own).
fn is_binary_control(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | 0x1B) || b == 0x7F
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let random: Vec<u8> = (0u32..4096)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        let cases: &[(&str, &[u8], Option<&str>)] = &[
            (
                "pdf",
                b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj",
                Some("a PDF document"),
            ),
            ("png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Some("a PNG image")),
            (
                "zip",
                b"PK\x03\x04\x14\0\0\0",
                Some("a ZIP archive (or a Word, OpenDocument or EPUB file)"),
            ),
            (
                "mp4",
                b"\0\0\0\x18ftypmp42\0\0",
                Some("an MP4 video or HEIC image"),
            ),
            ("random", &random, Some("binary data (many control bytes)")),
            (
                "plain",
                b"Police said 13 people died.\r\n\tMore later.",
                None,
            ),
            (
                "utf16le no bom",
                b"P\0o\0l\0i\0c\0e\0 \0s\0a\0i\0d\0 \0t\0h\0a\0t\0.\0",
                None,
            ),
            ("utf16le bom", b"\xFF\xFEh\0i\0", None),
            (
                "one stray control",
                b"A text with one \x01 stray control byte in it.",
                None,
            ),
            ("empty", b"", None),
        ];
        for (name, bytes, want) in cases {
            assert_eq!(sniff(bytes), *want, "{name}");
        }
    }
}
