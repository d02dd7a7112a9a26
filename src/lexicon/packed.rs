//! The packed form of a sorted list, as build.rs writes the core's lists and
//! the language pack's parts: the keys front-coded (each key written as the
//! length of the prefix it shares with the key before it, then the rest), the
//! values in a column of their own. gzip and brotli pack that about a sixth
//! smaller than the plain `key<TAB>value` lines.

/// The plain lines of a packed list (`None` if it is not one): `count\n`, then the values column
/// (`count` lines, empty for a key without a value), then the keys column
/// (`count` entries, each one byte, the length of the prefix the key shares
/// with the key before it, then the rest of the key and `\n`), then the
/// references: each byte 1 in the values column stands for a key of the list
/// (a field that is a key, such as a place's canonical name), whose number
/// follows the keys, 3 bytes big-endian, one per byte 1 in order. Keys hold no
/// tab or newline and values no newline (build.rs checks).
pub(crate) fn unpack(packed: &[u8]) -> Option<Vec<u8>> {
    unpack_lines(packed).map(|(text, _)| text)
}

/// [`unpack`], and where each line of the plain text starts (noted as it is
/// written, which costs less than finding the line breaks again).
pub(crate) fn unpack_lines(packed: &[u8]) -> Option<(Vec<u8>, Vec<u32>)> {
    if packed.is_empty() {
        return Some((Vec::new(), Vec::new()));
    }
    let line_end = |from: usize| {
        packed
            .get(from..)?
            .iter()
            .position(|&b| b == b'\n')
            .map(|i| from + i)
    };
    let head = line_end(0)?;
    let count: usize = std::str::from_utf8(&packed[..head]).ok()?.parse().ok()?;
    // The keys begin after the `count` lines of values.
    let mut at = head + 1;
    for _ in 0..count {
        at = line_end(at)? + 1;
    }
    let values = &packed[head + 1..at];
    // Every key, one after the other, and where each ends.
    let mut keys: Vec<u8> = Vec::with_capacity(packed.len() * 2);
    let mut ends: Vec<usize> = Vec::with_capacity(count);
    let mut start = 0;
    for _ in 0..count {
        let shared = usize::from(*packed.get(at)?);
        let end = line_end(at + 1)?;
        if shared > keys.len() - start {
            return None;
        }
        keys.extend_from_within(start..start + shared);
        start = keys.len() - shared;
        keys.extend_from_slice(&packed[at + 1..end]);
        ends.push(keys.len());
        at = end + 1;
    }
    let key = |n: usize| {
        let end = *ends.get(n)?;
        Some(&keys[n.checked_sub(1).map_or(0, |p| ends[p])..end])
    };
    let mut refs = packed[at..].chunks(3);
    let mut text = Vec::with_capacity(keys.len() + packed.len());
    let mut starts = Vec::with_capacity(count);
    for (n, value) in values.split(|&b| b == b'\n').take(count).enumerate() {
        starts.push(u32::try_from(text.len()).ok()?);
        text.extend_from_slice(key(n)?);
        if !value.is_empty() {
            text.push(b'\t');
            for part in value.split_inclusive(|&b| b == 1) {
                match part.split_last() {
                    Some((1, before)) => {
                        text.extend_from_slice(before);
                        let r: [u8; 3] = refs.next()?.try_into().ok()?;
                        let n = u32::from_be_bytes([0, r[0], r[1], r[2]]) as usize;
                        text.extend_from_slice(key(n)?);
                    }
                    _ => text.extend_from_slice(part),
                }
            }
        }
        text.push(b'\n');
    }
    refs.next().is_none().then_some((text, starts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unpacks_what_build_rs_packs() {
        // Aa, Ab, B, Ba, Z, été: values one, (none), two<TAB>three, (none), (none), summer.
        static PACKED: &[u8] = b"6\none\n\ntwo\tthree\n\n\nsummer\n\x00Aa\n\x01b\n\x00B\n\x01a\n\x00Z\n\x00\xc3\xa9t\xc3\xa9\n";
        assert_eq!(
            unpack(PACKED).unwrap(),
            b"Aa\tone\nAb\nB\ttwo\tthree\nBa\nZ\n\xc3\xa9t\xc3\xa9\tsummer\n"
        );
        assert_eq!(unpack(b"").unwrap(), b"");
        let (text, starts) = unpack_lines(PACKED).unwrap();
        assert_eq!(text, unpack(PACKED).unwrap());
        assert_eq!(starts, [0, 7, 10, 22, 25, 27]);
        // Ab's value names the key Z (number 2), B's second field the key Ab (0).
        static REFS: &[u8] =
            b"3\n\x01\ntwo\t\x01\n\n\x00Ab\n\x00B\n\x00Z\n\x00\x00\x02\x00\x00\x00";
        assert_eq!(unpack(REFS).unwrap(), b"Ab\tZ\nB\ttwo\tAb\nZ\n");
        for bad in [
            &b"2\n\n"[..],
            b"x\n",
            b"1\nv\n\x03ab\n",
            b"1\nv\n\x00ab",
            b"1\nv\n\x00a\nz",
            b"1\n\x01\n\x00a\n",
            b"1\n\x01\n\x00a\n\x00\x00\x01",
            b"1\n\x01\n\x00a\n\x00\x00\x00\x00",
        ] {
            assert_eq!(unpack(bad), None, "{bad:?}");
        }
    }
}
