//! Canonical Unicode normalization (NFD, NFC) from the canonical tables of
//! `unicode-normalization` alone.
//!
//! The crate's `nfd()` and `nfc()` iterators choose between the canonical and
//! the compatibility decomposition at run time, so a program that uses only
//! the canonical forms still carries the compatibility and CJK tables (about
//! 60 KB in the page's wasm). These functions call the crate's per-character
//! canonical lookups (`decompose_canonical`, `compose`,
//! `canonical_combining_class`) and give the same strings: the tests check
//! them against the crate's iterators.

use unicode_normalization::char::{canonical_combining_class, compose, decompose_canonical};

/// The canonical decomposition (NFD) of `s`: every character fully
/// decomposed, each run of combining marks in canonical order.
pub fn nfd(s: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(s.len());
    // Where the run of combining marks since the last starter begins.
    let mut marks = 0;
    for c in s.chars() {
        decompose_canonical(c, |d| {
            if canonical_combining_class(d) == 0 {
                crate::text::sort::by_key(&mut out[marks..], |&m| canonical_combining_class(m));
                out.push(d);
                marks = out.len();
            } else {
                out.push(d);
            }
        });
    }
    crate::text::sort::by_key(&mut out[marks..], |&m| canonical_combining_class(m));
    out
}

/// The canonical composition (NFC) of `s`.
pub fn nfc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // The starter marks may compose with, the marks after it that did not,
    // and the class of the last of them.
    let mut starter: Option<char> = None;
    let mut kept: Vec<char> = Vec::new();
    let mut last: Option<u8> = None;
    for c in nfd(s) {
        let class = canonical_combining_class(c);
        let Some(k) = starter else {
            if class == 0 {
                starter = Some(c);
            } else {
                out.push(c);
            }
            continue;
        };
        let blocked = last.is_some_and(|l| l >= class);
        if !blocked {
            if let Some(r) = compose(k, c) {
                starter = Some(r);
                continue;
            }
        }
        if class == 0 {
            out.push(k);
            out.extend(kept.drain(..));
            last = None;
            starter = Some(c);
        } else {
            kept.push(c);
            last = Some(class);
        }
    }
    out.extend(starter);
    out.extend(kept);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn same(s: &str) {
        assert_eq!(nfd(s), s.nfd().collect::<Vec<char>>(), "nfd {s:?}");
        assert_eq!(nfc(s), s.nfc().collect::<String>(), "nfc {s:?}");
    }

    #[test]
    fn every_character_as_the_crate() {
        let marks = [
            '\u{301}', '\u{323}', '\u{308}', '\u{327}', '\u{1161}', '\u{11A8}',
        ];
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            same(&c.to_string());
            if c.is_alphabetic() || canonical_combining_class(c) != 0 {
                let m = marks[c as usize % marks.len()];
                same(&format!("{c}{m}"));
                same(&format!("{m}{c}\u{302}{m}a"));
            }
        }
    }

    #[test]
    fn mixed_text_as_the_crate() {
        let pool: Vec<char> = "aeoAEuçÅ ᄀ가각\u{1161}\u{11A8}\u{300}\u{301}\u{302}\u{308}\u{316}\u{323}\u{327}\u{345}\u{5B0}\u{93C}\u{94D}ḍṩ\u{0F73}\u{1100}\u{AC00}ΩΑιέ".chars().collect();
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            let len = (seed >> 60) as usize + 1;
            let s: String = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    pool[(seed % pool.len() as u64) as usize]
                })
                .collect();
            same(&s);
        }
        same("");
        same("Stéphane Ilyashev, Алматы, Ǹ ǹ, 한국어");
    }
}
