//! ASCII passed over eight bytes at a time. A leaf module: the text modules
//! that read bytes (the character index, the word bounds) share it without
//! importing one another.

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
}
