//! [`FastSet`] and [`FastMap`]: hash sets and maps keyed by words, with a
//! multiply-rotate hash (as rustc's FxHash) instead of the standard SipHash.
//! The keys are the text's own words and the compiled-in lists, not an
//! attacker's: speed matters more than resistance to crafted collisions.
//! Nothing may depend on their order. The word lists' indexes and every stage's
//! word sets use them (the stages through `text::hash`).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashSet` with [`FxHasher`].
pub(crate) type FastSet<T> = HashSet<T, BuildHasherDefault<FxHasher>>;
/// A `HashMap` with [`FxHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The hash of rustc's `FxHasher`: eight bytes at a time, rotate, xor, multiply
/// (a key of up to 16 bytes in one or two steps of eight overlapping bytes).
#[derive(Clone, Copy, Default)]
pub(crate) struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, mut bytes: &[u8]) {
        // Most keys are words of up to 16 bytes: one or two steps, of bytes
        // read as overlapping halves that together hold every byte, with the
        // length mixed in (the halves of "abcd" and "abcdabcd" are the same).
        let n = bytes.len();
        let length = n as u64;
        match n {
            0 => return,
            1..=3 => {
                let (first, middle, last) = (bytes[0], bytes[n / 2], bytes[n - 1]);
                let word = u64::from(first) | u64::from(middle) << 8 | u64::from(last) << 16;
                return self.add(word | length << 24);
            }
            4..=8 => {
                let low = u32::from_le_bytes(bytes[..4].try_into().unwrap());
                let high = u32::from_le_bytes(bytes[n - 4..].try_into().unwrap());
                return self.add((u64::from(low) | u64::from(high) << 32) ^ length);
            }
            9..=16 => {
                self.add(u64::from_le_bytes(bytes[..8].try_into().unwrap()) ^ length);
                return self.add(u64::from_le_bytes(bytes[n - 8..].try_into().unwrap()));
            }
            _ => {}
        }
        while let Some((chunk, rest)) = bytes.split_first_chunk::<8>() {
            self.add(u64::from_le_bytes(*chunk));
            bytes = rest;
        }
        if let Some((chunk, rest)) = bytes.split_first_chunk::<4>() {
            self.add(u64::from(u32::from_le_bytes(*chunk)));
            bytes = rest;
        }
        for &b in bytes {
            self.add(u64::from(b));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_finds_what_it_holds() {
        let words = [
            "",
            "a",
            "ab",
            "abcd",
            "abcdefgh",
            "abcdefghi",
            "Алматы",
            "said",
        ];
        let set: FastSet<&str> = words.iter().copied().collect();
        assert_eq!(set.len(), words.len());
        for w in words {
            assert!(set.contains(w));
        }
        assert!(!set.contains("abc") && !set.contains("Said"));
    }

    /// The short words' overlapping halves leave no byte out: changing any
    /// one byte of a word of any length changes its hash, and so does its
    /// length where the halves hold the same bytes.
    #[test]
    fn every_byte_counts() {
        let hash = |bytes: &[u8]| {
            let mut h = FxHasher::default();
            h.write(bytes);
            h.finish()
        };
        assert_ne!(hash(b"abcd"), hash(b"abcdabcd"));
        assert_ne!(hash(b"ab"), hash(b"abb"));
        for n in 1..=20u8 {
            let word: Vec<u8> = (0..n).map(|i| b'a' + i).collect();
            for i in 0..usize::from(n) {
                let mut other = word.clone();
                other[i] = 0xd0;
                assert_ne!(hash(&word), hash(&other), "{n} {i}");
            }
        }
    }
}
