//! The packed form of a sorted list, as build.rs writes the core's lists and
//! the language pack's parts: the keys front-coded (each key written as the
//! length of the prefix it shares with the key before it, then the rest), the
//! values in a column of their own. gzip and brotli pack that about a sixth
//! smaller than the plain `key<TAB>value` lines.
//!
//! A list is searched where it lies ([`PackedList`]): one pass over it notes
//! the first key of every block of [`BLOCK`] keys whole, and a lookup is a
//! binary search over those keys, then a scan of the block's front-coded
//! keys. A short run (a page's first call, one article) then pays neither for
//! unpacking whole lists into memory nor for holding them; [`unpack`] makes
//! the plain lines where every line is needed.
//!
//! That pass reads every line of a list, which costs more than a short
//! article's lookups: the native build has build.rs make it instead, and
//! lay the blocks out beside each list ([`PackedList::layout`], read back by
//! [`PackedList::laid_out`]). The wasm makes it on first use, to stay small.

/// The keys of a block: what a lookup scans at most after its binary search.
const BLOCK: usize = 8;

/// The bytes of a [`PackedList::layout`]'s head (three numbers) and of each block in it (five).
const LAYOUT_HEAD: usize = 12;
const LAYOUT_BLOCK: usize = 20;

/// Where the line that starts at `at` ends (its `\n`). The lines are a few
/// bytes long: a plain scan finds the end before a vector search (`memchr`)
/// would have started.
fn line_end(bytes: &[u8], at: usize) -> Option<usize> {
    let line = bytes.get(at..)?;
    line.iter().position(|&b| b == b'\n').map(|end| at + end)
}

/// Where each line of `bytes` ends (its `\n`), in order.
fn line_ends(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let ends = bytes.iter().enumerate().filter(|&(_, &b)| b == b'\n');
    ends.map(|(end, _)| end)
}

/// Where a packed list's columns start (see [`unpack`] for the layout).
struct Columns {
    count: usize,
    values: usize,
    keys: usize,
}

/// The count of a packed list and where its values column starts.
fn head(packed: &[u8]) -> Option<(usize, usize)> {
    let head = line_end(packed, 0)?;
    let count = std::str::from_utf8(&packed[..head]).ok()?.parse().ok()?;
    Some((count, head + 1))
}

/// The count and where the values and keys columns start, or `None` if
/// `packed` is not a packed list.
fn columns(packed: &[u8]) -> Option<Columns> {
    let (count, values) = head(packed)?;
    // The keys begin after the `count` lines of values.
    let keys = match count.checked_sub(1) {
        None => values,
        Some(last) => values + line_ends(&packed[values..]).nth(last)? + 1,
    };
    Some(Columns {
        count,
        values,
        keys,
    })
}

/// The front-coded keys from `at` on, each as (the bytes shared with the key
/// before, the rest, where its line ends), up to the end of `packed`. (The
/// byte of the shared length may be a newline's: the line end is searched for
/// after it.)
fn key_lines(packed: &[u8], at: usize) -> impl Iterator<Item = (usize, &[u8], usize)> {
    let mut start = at;
    std::iter::from_fn(move || {
        let shared = usize::from(*packed.get(start)?);
        let rest = start + 1;
        let end = line_end(packed, rest)?;
        start = end + 1;
        Some((shared, &packed[rest..end], end))
    })
}

/// Writes `value` to `out`, each byte 1 (a reference) replaced by the key
/// whose number the next 3 bytes of `refs` give (big-endian), as `write_key` writes it.
fn write_value(
    out: &mut Vec<u8>,
    value: &[u8],
    refs: &mut std::slice::Chunks<'_, u8>,
    mut write_key: impl FnMut(usize, &mut Vec<u8>) -> Option<()>,
) -> Option<()> {
    for part in value.split_inclusive(|&b| b == 1) {
        match part.split_last() {
            Some((1, before)) => {
                out.extend_from_slice(before);
                let r: [u8; 3] = refs.next()?.try_into().ok()?;
                let n = u32::from_be_bytes([0, r[0], r[1], r[2]]) as usize;
                write_key(n, out)?;
            }
            _ => out.extend_from_slice(part),
        }
    }
    Some(())
}

/// The number of references (bytes 1) in a stretch of the values column.
fn references(values: &[u8]) -> usize {
    values.iter().filter(|&&b| b == 1).count()
}

/// The plain lines of a packed list (`None` if it is not one): `count\n`, then the values column
/// (`count` lines, empty for a key without a value), then the keys column
/// (`count` entries, each one byte, the length of the prefix the key shares
/// with the key before it, then the rest of the key and `\n`), then the
/// references: each byte 1 in the values column stands for a key of the list
/// (a field that is a key, such as a place's canonical name), whose number
/// follows the keys, 3 bytes big-endian, one per byte 1 in order. Keys hold no
/// tab or newline and values no newline (build.rs checks).
pub(crate) fn unpack(packed: &[u8]) -> Option<Vec<u8>> {
    if packed.is_empty() {
        return Some(Vec::new());
    }
    let columns = columns(packed)?;
    let count = columns.count;
    let (keys, ends, refs_at) = whole_keys(packed, &columns)?;
    let key = |n: usize| {
        let end = *ends.get(n)?;
        Some(&keys[n.checked_sub(1).map_or(0, |p| ends[p])..end])
    };
    let mut refs = packed[refs_at..].chunks(3);
    let mut text = Vec::with_capacity(keys.len() + packed.len());
    let values = packed[columns.values..columns.keys].split(|&b| b == b'\n');
    for (n, value) in values.take(count).enumerate() {
        text.extend_from_slice(key(n)?);
        if !value.is_empty() {
            text.push(b'\t');
            write_value(&mut text, value, &mut refs, |n, out| {
                out.extend_from_slice(key(n)?);
                Some(())
            })?;
        }
        text.push(b'\n');
    }
    refs.next().is_none().then_some(text)
}

/// Every key of a packed list made whole, one after the other, where each
/// ends, and where the references start.
fn whole_keys(packed: &[u8], columns: &Columns) -> Option<(Vec<u8>, Vec<usize>, usize)> {
    let mut keys: Vec<u8> = Vec::with_capacity(packed.len() * 2);
    let mut ends: Vec<usize> = Vec::with_capacity(columns.count);
    let mut start = 0;
    let mut lines = key_lines(packed, columns.keys);
    let mut refs_at = columns.keys;
    for _ in 0..columns.count {
        let (shared, rest, end) = lines.next()?;
        if shared > keys.len() - start {
            return None;
        }
        keys.extend_from_within(start..start + shared);
        start = keys.len() - shared;
        keys.extend_from_slice(rest);
        ends.push(keys.len());
        refs_at = end + 1;
    }
    Some((keys, ends, refs_at))
}

/// The keys of a packed list of keys alone (no key has a value), one after
/// the other, and where each ends: the words of [`unpack`]'s lines without
/// making the lines.
pub(crate) fn unpack_keys(packed: &[u8]) -> Option<(Vec<u8>, Vec<usize>)> {
    if packed.is_empty() {
        return Some((Vec::new(), Vec::new()));
    }
    let columns = columns(packed)?;
    let values = &packed[columns.values..columns.keys];
    if values.iter().any(|&b| b != b'\n') {
        return None;
    }
    let (keys, ends, refs_at) = whole_keys(packed, &columns)?;
    (refs_at == packed.len()).then_some((keys, ends))
}

/// A packed list searched where it lies (see the module documentation).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct PackedList {
    packed: &'static [u8],
    count: usize,
    /// Where the references start in `packed` (its end when there are none).
    refs: usize,
    blocks: Vec<Block>,
    /// The first key of each block, whole, one after the other.
    firsts: Vec<u8>,
}

/// A block of [`BLOCK`] keys of a [`PackedList`] (fewer in the last).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Block {
    /// [`key_prefix`] of the block's first key: most steps of the binary
    /// search compare two numbers, not two keys.
    prefix: u32,
    /// Where the block's first key ends in `firsts` (it starts where the one
    /// of the block before ends).
    first_end: u32,
    /// Where the line of the block's second key starts in `packed`.
    next_key: u32,
    /// Where the first key's value starts in `packed`.
    value: u32,
    /// The references in the values before the first key's.
    refs_before: u32,
}

/// A key found in a [`PackedList`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The key's number in the list.
    pub(crate) number: usize,
    /// Its value as packed: a byte 1 stands for a reference to a key.
    pub(crate) value: &'static [u8],
    /// The references in the values before its own.
    refs_before: usize,
}

impl Entry {
    /// Whether the value names keys of the list (then [`PackedList::value`] writes it out).
    pub(crate) fn has_references(&self) -> bool {
        self.value.contains(&1)
    }
}

impl PackedList {
    /// The list of `packed` (empty bytes, an empty list), or `None` if it is
    /// not a packed list: one pass notes each block's first key and where
    /// its key and value lines start.
    pub(crate) fn new(packed: &'static [u8]) -> Option<PackedList> {
        let mut list = PackedList {
            packed,
            count: 0,
            refs: packed.len(),
            blocks: Vec::new(),
            firsts: Vec::new(),
        };
        if packed.is_empty() {
            return Some(list);
        }
        let (count, values) = head(packed)?;
        list.count = count;
        list.blocks.reserve(count.div_ceil(BLOCK));
        let u32_of = |n: usize| u32::try_from(n).ok();
        // The first value of each block, and the references before it.
        let (mut refs, mut counted) = (0, values);
        let (mut value, mut values_read) = (values, 0);
        for (n, end) in line_ends(&packed[values..]).take(count).enumerate() {
            if n % BLOCK == 0 {
                refs += references(&packed[counted..value]);
                counted = value;
                list.blocks.push(Block {
                    prefix: 0,
                    first_end: 0,
                    next_key: 0,
                    value: u32_of(value)?,
                    refs_before: u32_of(refs)?,
                });
            }
            value = values + end + 1;
            values_read = n + 1;
        }
        if values_read < count {
            return None;
        }
        let keys = value;
        let refs = refs + references(&packed[counted..keys]);
        // Each block's first key made whole, from the first key of the block
        // before and the keys between, whose first bytes those they share
        // with the key before are; the other keys are passed over.
        let mut lines = key_lines(packed, keys);
        // The shared lengths and rests of the keys of the block before after its first.
        let mut block_before = [(0, &[][..]); BLOCK];
        let mut key_len = 0;
        for n in 0..count {
            let (shared, rest, end) = lines.next()?;
            if shared > key_len {
                return None;
            }
            key_len = shared + rest.len();
            list.refs = end + 1;
            let j = n % BLOCK;
            if j > 0 {
                block_before[j] = (shared, rest);
                continue;
            }
            let start = list.firsts.len();
            if let Some(b) = (n / BLOCK).checked_sub(1) {
                // The first `shared` bytes of the key before: the bytes of
                // each key of the block before past those it shares, back
                // to the block's first key.
                let mut wanted = shared;
                let mut pieces = [&[][..]; BLOCK];
                for (piece, &(shared, rest)) in pieces.iter_mut().zip(&block_before).skip(1).rev() {
                    if shared < wanted {
                        *piece = &rest[..wanted - shared];
                        wanted = shared;
                    }
                }
                let first = first_range(&list.blocks, b);
                list.firsts
                    .extend_from_within(first.start..first.start + wanted);
                for piece in pieces {
                    list.firsts.extend_from_slice(piece);
                }
            }
            list.firsts.extend_from_slice(rest);
            let block = &mut list.blocks[n / BLOCK];
            block.first_end = u32_of(list.firsts.len())?;
            block.prefix = key_prefix(&list.firsts[start..]);
            block.next_key = u32_of(end + 1)?;
        }
        // One reference a byte 1, each to a key of the list.
        let mut named = packed[list.refs..].chunks(3);
        let count = list.count;
        let listed = |r: &[u8]| match *r {
            [a, b, c] => (u32::from_be_bytes([0, a, b, c]) as usize) < count,
            _ => false,
        };
        (named.len() == refs && named.all(listed)).then_some(list)
    }

    /// The list of `packed` with the blocks that [`PackedList::new`] notes
    /// read from `layout`, as [`PackedList::layout`] wrote them (build.rs,
    /// for the native build): no pass over the list. Without a layout (the
    /// wasm's lists, the language pack's parts), [`PackedList::new`].
    pub(crate) fn laid_out(packed: &'static [u8], layout: &[u8]) -> Option<PackedList> {
        if layout.is_empty() {
            return PackedList::new(packed);
        }
        let mut numbers = layout
            .chunks_exact(4)
            .map(|n| u32::from_le_bytes([n[0], n[1], n[2], n[3]]));
        let mut number = || numbers.next().map(|n| n as usize);
        let (count, refs, blocks) = (number()?, number()?, number()?);
        let firsts = LAYOUT_HEAD + blocks.checked_mul(LAYOUT_BLOCK)?;
        let blocks: Vec<Block> = (layout.get(LAYOUT_HEAD..firsts)?.chunks_exact(LAYOUT_BLOCK))
            .map(|b| {
                let field = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
                Block {
                    prefix: field(0),
                    first_end: field(4),
                    next_key: field(8),
                    value: field(12),
                    refs_before: field(16),
                }
            })
            .collect();
        let fits = blocks.len() == count.div_ceil(BLOCK) && refs <= packed.len();
        fits.then(|| PackedList {
            packed,
            count,
            refs,
            blocks,
            firsts: layout[firsts..].to_vec(),
        })
    }

    /// The blocks of the list as [`PackedList::laid_out`] reads them: the
    /// count, where the references start and the number of blocks, then
    /// each block's five numbers (4 bytes each, little-endian), then the
    /// blocks' first keys. build.rs writes it beside each list of the native build.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn layout(&self) -> Vec<u8> {
        let mut layout =
            Vec::with_capacity(LAYOUT_HEAD + self.blocks.len() * LAYOUT_BLOCK + self.firsts.len());
        let numbers = [self.count, self.refs, self.blocks.len()];
        for n in numbers {
            let n = u32::try_from(n).expect("a list of under 4 GB");
            layout.extend_from_slice(&n.to_le_bytes());
        }
        for b in &self.blocks {
            for n in [b.prefix, b.first_end, b.next_key, b.value, b.refs_before] {
                layout.extend_from_slice(&n.to_le_bytes());
            }
        }
        layout.extend_from_slice(&self.firsts);
        layout
    }

    /// The number of keys.
    pub(crate) fn len(&self) -> usize {
        self.count
    }

    /// The first key of block `b`.
    fn first(&self, b: usize) -> &[u8] {
        &self.firsts[first_range(&self.blocks, b)]
    }

    /// The entry of `key`, if it is listed: the binary search finds the last
    /// block whose first key is not after `key`, and a scan of its keys,
    /// compared from the prefix they share with `key` on, the key itself.
    pub(crate) fn find(&self, key: &[u8]) -> Option<Entry> {
        let prefix = key_prefix(key);
        let (mut low, mut high) = (0, self.blocks.len());
        while low < high {
            let mid = low + (high - low) / 2;
            let first = self.blocks[mid].prefix;
            if first < prefix || first == prefix && self.first(mid) <= key {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        let b = low.checked_sub(1)?;
        let first = self.first(b);
        let found = |j: usize| self.entry(b, j);
        // How many bytes the key last read shares with `key`.
        let mut matched = common_prefix(first, key);
        if matched == key.len() && matched == first.len() {
            return Some(found(0));
        }
        let in_block = BLOCK.min(self.count - b * BLOCK);
        let lines = key_lines(self.packed, self.blocks[b].next_key as usize);
        for (j, (shared, rest, _)) in (1..in_block).zip(lines) {
            // A key that shares more with the key before than `key` does is,
            // like it, before `key`.
            if shared > matched {
                continue;
            }
            let wanted = &key[shared..];
            let common = common_prefix(rest, wanted);
            matched = shared + common;
            match (rest.get(common), wanted.get(common)) {
                (None, None) => return Some(found(j)),
                (None, Some(_)) => {}
                (Some(_), None) => return None,
                (Some(r), Some(w)) if r > w => return None,
                (Some(_), Some(_)) => {}
            }
        }
        None
    }

    /// The entry of the `j`-th key of block `b`.
    fn entry(&self, b: usize, j: usize) -> Entry {
        let block = self.blocks[b];
        let mut at = block.value as usize;
        let mut refs_before = block.refs_before as usize;
        let counted = self.refs < self.packed.len();
        for _ in 0..j {
            let end = line_end(self.packed, at).expect("a checked list");
            if counted {
                refs_before += references(&self.packed[at..end]);
            }
            at = end + 1;
        }
        let end = line_end(self.packed, at).expect("a checked list");
        Entry {
            number: b * BLOCK + j,
            value: &self.packed[at..end],
            refs_before,
        }
    }

    /// The key numbered `n`, made whole.
    fn key(&self, n: usize) -> Option<Vec<u8>> {
        if n >= self.count {
            return None;
        }
        let b = n / BLOCK;
        let mut key = self.first(b).to_vec();
        let lines = key_lines(self.packed, self.blocks.get(b)?.next_key as usize);
        for (shared, rest, _) in lines.take(n % BLOCK) {
            key.truncate(shared);
            key.extend_from_slice(rest);
        }
        Some(key)
    }

    /// The value of `entry` written out, each reference replaced by the key it names.
    pub(crate) fn value(&self, entry: &Entry) -> Vec<u8> {
        let mut refs = self.packed[self.refs + 3 * entry.refs_before..].chunks(3);
        let mut value = Vec::with_capacity(entry.value.len() + 32);
        write_value(&mut value, entry.value, &mut refs, |n, out| {
            out.extend_from_slice(&self.key(n)?);
            Some(())
        })
        .expect("a checked list");
        value
    }
}

/// Where the first key of block `b` lies in [`PackedList::firsts`].
fn first_range(blocks: &[Block], b: usize) -> std::ops::Range<usize> {
    let start = b.checked_sub(1).map_or(0, |p| blocks[p].first_end);
    start as usize..blocks[b].first_end as usize
}

/// The first four bytes of `key` as a big-endian number, zeros after a
/// shorter key: of two keys, the one with the smaller prefix is the smaller
/// (in byte order), and keys with the same prefix may be either.
fn key_prefix(key: &[u8]) -> u32 {
    let first = key.iter().take(4).enumerate();
    first.fold(0, |prefix, (i, &b)| prefix | u32::from(b) << (24 - 8 * i))
}

/// The length of the prefix `a` and `b` share.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}
#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes that are not a packed list, each wrong in one way (the count,
    /// a shared prefix, a line's end, a reference): the unpacking and the
    /// search in place must both refuse them.
    const NOT_PACKED: [&[u8]; 8] = [
        b"2\n\n",
        b"x\n",
        b"1\nv\n\x03ab\n",
        b"1\nv\n\x00ab",
        b"1\nv\n\x00a\nz",
        b"1\n\x01\n\x00a\n",
        b"1\n\x01\n\x00a\n\x00\x00\x01",
        b"1\n\x01\n\x00a\n\x00\x00\x00\x00",
    ];

    #[test]
    fn unpacks_what_build_rs_packs() {
        // Aa, Ab, B, Ba, Z, été: values one, (none), two<TAB>three, (none), (none), summer.
        static PACKED: &[u8] = b"6\none\n\ntwo\tthree\n\n\nsummer\n\x00Aa\n\x01b\n\x00B\n\x01a\n\x00Z\n\x00\xc3\xa9t\xc3\xa9\n";
        assert_eq!(
            unpack(PACKED).unwrap(),
            b"Aa\tone\nAb\nB\ttwo\tthree\nBa\nZ\n\xc3\xa9t\xc3\xa9\tsummer\n"
        );
        assert_eq!(unpack(b"").unwrap(), b"");
        // Ab's value names the key Z (number 2), B's second field the key Ab (0).
        static REFS: &[u8] =
            b"3\n\x01\ntwo\t\x01\n\n\x00Ab\n\x00B\n\x00Z\n\x00\x00\x02\x00\x00\x00";
        assert_eq!(unpack(REFS).unwrap(), b"Ab\tZ\nB\ttwo\tAb\nZ\n");
        // Keys alone: Aa, Ab, B; a list with values is not one.
        let keys = unpack_keys(b"3\n\n\n\n\x00Aa\n\x01b\n\x00B\n").unwrap();
        assert_eq!(keys, (b"AaAbB".to_vec(), vec![2, 4, 5]));
        assert_eq!(unpack_keys(b"").unwrap(), (Vec::new(), Vec::new()));
        assert_eq!(unpack_keys(PACKED), None);
        for bad in NOT_PACKED {
            assert_eq!(unpack(bad), None, "{bad:?}");
        }
    }

    /// `rows` (sorted, one per key) packed as build.rs packs them: a field of
    /// a value that is a key of the list becomes a reference.
    fn pack(rows: &[(String, String)]) -> &'static [u8] {
        let number = |field: &str| rows.iter().position(|(key, _)| key == field);
        let mut values = format!("{}\n", rows.len()).into_bytes();
        let (mut keys, mut refs) = (Vec::new(), Vec::new());
        let mut before: &[u8] = b"";
        for (key, value) in rows {
            for (i, field) in value.split('\t').enumerate() {
                if i > 0 {
                    values.push(b'\t');
                }
                match number(field) {
                    Some(n) => {
                        values.push(1);
                        refs.extend_from_slice(&(n as u32).to_be_bytes()[1..]);
                    }
                    None => values.extend_from_slice(field.as_bytes()),
                }
            }
            values.push(b'\n');
            let key = key.as_bytes();
            let shared = key.iter().zip(before).take_while(|(a, b)| a == b).count();
            let shared = shared.min(255);
            keys.push(shared as u8);
            keys.extend_from_slice(&key[shared..]);
            keys.push(b'\n');
            before = key;
        }
        values.extend(keys);
        values.extend(refs);
        Box::leak(values.into_boxed_slice())
    }

    /// The searched list finds every key of many blocks, with its value
    /// written out, and no key that is not listed.
    #[test]
    fn finds_every_key_where_it_lies() {
        let long = "x".repeat(300);
        let mut keys: Vec<String> = (0..200).map(|i| format!("k{}", i * 37 % 1000)).collect();
        // Keys sharing 10 bytes (a newline's code), 255 and more, and one character of two bytes.
        keys.extend(["abcdefghij", "abcdefghija", "abcdefghijb", "été", "étés"].map(String::from));
        keys.extend([format!("{long}a"), format!("{long}b"), format!("{long}bc")]);
        keys.sort();
        keys.dedup();
        let rows: Vec<(String, String)> = keys
            .iter()
            .enumerate()
            .map(|(i, key)| {
                let value = match i % 4 {
                    0 => String::new(),
                    1 => format!("C\t{}", keys[(i * 7) % keys.len()]),
                    2 => keys[(i * 3) % keys.len()].clone(),
                    _ => format!("v{i}"),
                };
                (key.clone(), value)
            })
            .collect();
        let packed = pack(&rows);
        let list = PackedList::new(packed).unwrap();
        assert_eq!(list.len(), rows.len());
        let mut plain = Vec::new();
        for (n, (key, value)) in rows.iter().enumerate() {
            let entry = list.find(key.as_bytes()).unwrap_or_else(|| panic!("{key}"));
            assert_eq!(entry.number, n);
            let found = match entry.has_references() {
                true => list.value(&entry),
                false => entry.value.to_vec(),
            };
            assert_eq!(found, value.as_bytes(), "{key}");
            let key = key.as_bytes();
            let after = [key, b" "].concat();
            for absent in [&after[..], &after[..key.len() - 1]] {
                if rows.iter().all(|(k, _)| k.as_bytes() != absent) {
                    assert_eq!(list.find(absent), None, "{absent:?}");
                }
            }
            plain.extend_from_slice(key);
            if !value.is_empty() {
                plain.push(b'\t');
                plain.extend_from_slice(value.as_bytes());
            }
            plain.push(b'\n');
        }
        assert_eq!(unpack(packed).unwrap(), plain);
        for absent in ["", "a", "k", "zz", "\u{10ffff}"] {
            assert_eq!(list.find(absent.as_bytes()), None, "{absent}");
        }
        assert_eq!(PackedList::new(b"").unwrap().find(b"a"), None);
        // Laid out and read back, the same list.
        for packed in [packed, b""] {
            let list = PackedList::new(packed).unwrap();
            assert_eq!(PackedList::laid_out(packed, &list.layout()), Some(list));
        }
    }

    /// What [`unpack`] refuses, the search refuses too.
    #[test]
    fn refuses_what_is_not_packed() {
        for bad in NOT_PACKED {
            assert!(PackedList::new(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn prefixes_order_keys_as_bytes_do() {
        let keys: [&[u8]; 9] = [
            b"",
            b"\x00",
            b"A",
            b"A\x00",
            b"Ab",
            b"Abcd",
            b"Abcde",
            b"\xc3\xa9",
            b"\xff",
        ];
        for a in keys {
            for b in keys {
                if key_prefix(a) < key_prefix(b) {
                    assert!(a < b, "{a:?} {b:?}");
                }
            }
        }
        assert_eq!(key_prefix("été".as_bytes()), 0xc3a9_74c3);
        assert_eq!(key_prefix(b"ab"), 0x6162_0000);
    }
}
