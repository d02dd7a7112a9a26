//! The packed form of a sorted list, as build.rs writes the core's lists and
//! the language pack's parts: the keys front-coded (each key written as the
//! length of the prefix it shares with the key before it, then the rest), the
//! values in a column of their own. gzip and brotli pack that about a sixth
//! smaller than the plain `key<TAB>value` lines.

/// The plain lines of a packed list (`None` if it is not one): `count\n`, then the values column
/// (`count` lines, empty for a key without a value), then the keys column
/// (`count` entries, each one byte, the length of the prefix the key shares
/// with the key before it, then the rest of the key and `\n`). Keys hold no
/// tab or newline and values no newline (build.rs checks).
pub(crate) fn unpack(packed: &[u8]) -> Option<Vec<u8>> {
    if packed.is_empty() {
        return Some(Vec::new());
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
    let mut values = packed[head + 1..].split(|&b| b == b'\n');
    // The keys begin after the `count` lines of values.
    let mut at = head + 1;
    for _ in 0..count {
        at = line_end(at)? + 1;
    }
    let mut text = Vec::with_capacity(packed.len() * 3);
    let mut key: Vec<u8> = Vec::new();
    for _ in 0..count {
        let shared = usize::from(*packed.get(at)?);
        let end = line_end(at + 1)?;
        if shared > key.len() {
            return None;
        }
        key.truncate(shared);
        key.extend_from_slice(&packed[at + 1..end]);
        at = end + 1;
        text.extend_from_slice(&key);
        match values.next() {
            Some(value) if !value.is_empty() => {
                text.push(b'\t');
                text.extend_from_slice(value);
            }
            _ => {}
        }
        text.push(b'\n');
    }
    (at == packed.len()).then_some(text)
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
        for bad in [
            &b"2\n\n"[..],
            b"x\n",
            b"1\nv\n\x03ab\n",
            b"1\nv\n\x00ab",
            b"1\nv\n\x00a\nz",
        ] {
            assert_eq!(unpack(bad), None, "{bad:?}");
        }
    }
}
