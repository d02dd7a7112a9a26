//! Bytes read eight at a time: ASCII passed over, a word's hyphen found, a
//! word told ASCII; and ASCII white space. A leaf module: the text modules
//! that read bytes (the character index, the word bounds, the words,
//! normalization) share it without importing one another.

/// Whether the ASCII byte `b` is white space as [`char::is_whitespace`]
/// has it (tab, line feed, vertical tab, form feed, carriage return, space).
pub(crate) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// `i` moved past every whole eight bytes of ASCII that start there: where a
/// byte-by-byte reading of `b` must look again (a byte that is not ASCII, or
/// fewer than eight left). Most of a news text is passed over this way.
#[inline]
pub(crate) fn past_ascii_chunks(b: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = b.get(i..i + 8) {
        if u64::from_le_bytes(chunk.try_into().expect("eight bytes")) & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        i += 8;
    }
    i
}

/// Whether `b` has a hyphen. Asked of every token by the date and figure
/// scanners: a word of up to sixteen bytes (nearly all are) is read as two
/// overlapping halves that together hold every byte, each tested for a
/// hyphen at once, without a loop or a call.
pub(crate) fn has_hyphen(b: &[u8]) -> bool {
    let n = b.len();
    match n {
        0 => false,
        1..=3 => b[0] == b'-' || b[n / 2] == b'-' || b[n - 1] == b'-',
        4..=8 => has_hyphen_in(halves(b)),
        9..=16 => {
            let (low, high) = long_halves(b);
            has_hyphen_in(low) || has_hyphen_in(high)
        }
        _ => b.contains(&b'-'),
    }
}

/// Whether every byte of `b` is ASCII ([`str::is_ascii`]). Asked of every
/// token by the word views: a word of up to sixteen bytes (nearly all are)
/// is read as for [`has_hyphen`], instead of a byte at a time. Inlined into
/// the word views' loops, where a call would cost as much as the test.
#[inline]
pub(super) fn is_ascii(b: &[u8]) -> bool {
    let n = b.len();
    match n {
        0 => true,
        1..=3 => (b[0] | b[n / 2] | b[n - 1]).is_ascii(),
        4..=8 => halves(b) & 0x8080_8080_8080_8080 == 0,
        9..=16 => {
            let (low, high) = long_halves(b);
            (low | high) & 0x8080_8080_8080_8080 == 0
        }
        _ => b.is_ascii(),
    }
}

/// The bytes of a word of four to eight bytes as two overlapping halves,
/// its first four and its last four, that together hold every byte.
fn halves(b: &[u8]) -> u64 {
    let low = u32::from_le_bytes(b[..4].try_into().expect("four bytes"));
    let high = u32::from_le_bytes(b[b.len() - 4..].try_into().expect("four bytes"));
    u64::from(low) | u64::from(high) << 32
}

/// The bytes of a word of nine to sixteen bytes as two overlapping halves,
/// its first eight and its last eight, that together hold every byte.
fn long_halves(b: &[u8]) -> (u64, u64) {
    let low = u64::from_le_bytes(b[..8].try_into().expect("eight bytes"));
    let high = u64::from_le_bytes(b[b.len() - 8..].try_into().expect("eight bytes"));
    (low, high)
}

/// Whether one of the eight bytes of `x` is a hyphen: a byte that is zero
/// once the hyphens are xored away borrows in the subtraction, which sets
/// its high bit (the test is exact: the lowest zero byte always shows).
fn has_hyphen_in(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let y = x ^ (ONES * u64::from(b'-'));
    y.wrapping_sub(ONES) & !y & (ONES << 7) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Only whole chunks of eight ASCII bytes are passed over, from any start.
    #[test]
    fn past_ascii_chunks_stops_at_a_chunk_with_a_wide_byte() {
        for s in [
            "",
            "short",
            "exactly8",
            "sixteen bytes ok",
            "abcdefgé and more",
            "é",
            "0123456789é",
        ] {
            let b = s.as_bytes();
            for i in 0..=b.len() {
                let mut want = i;
                while b.get(want..want + 8).is_some_and(|c| c.is_ascii()) {
                    want += 8;
                }
                assert_eq!(past_ascii_chunks(b, i), want, "{s:?} from {i}");
            }
        }
    }

    /// Every length and place of a byte that is not ASCII, against the standard test.
    #[test]
    fn is_ascii_is_the_standard_test() {
        for n in 0..20 {
            let word = vec![b'a'; n];
            assert!(is_ascii(&word), "{n}");
            for at in 0..n {
                for other in [b'a', 0x7f, 0x80, 0xc3, 0xff] {
                    let mut w = word.clone();
                    w[at] = other;
                    assert_eq!(is_ascii(&w), w.is_ascii(), "{w:?}");
                }
            }
        }
    }

    /// Every length and place of a hyphen, against a scan of the bytes.
    #[test]
    fn has_hyphen_is_a_scan_for_one() {
        assert!(!has_hyphen(b"") && has_hyphen(b"mid-") && !has_hyphen(b"mid"));
        for n in 0..20 {
            let word = vec![b'a'; n];
            assert!(!has_hyphen(&word), "{n}");
            for at in 0..n {
                for other in [b'a', b'-', b'.', 0xff, b'-' + 1, b'-' - 1] {
                    let mut w = word.clone();
                    w[at] = other;
                    assert_eq!(has_hyphen(&w), w.contains(&b'-'), "{w:?}");
                }
            }
        }
    }
}
