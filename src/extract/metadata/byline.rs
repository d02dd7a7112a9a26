//! The byline of a plain or Markdown text, and the wire agency a story comes
//! from: named by the byline, or by the body ("told AFP", "(Reuters)").

use super::{read_as, Field};
use crate::clean::LineReading;
use crate::lexicon::lists::metadata::AGENCIES;
use crate::text::{lines_inclusive, MappedText, Span};
use std::sync::OnceLock;

/// The agency a name is, if it is one ("AFP", "By Reuters", "AFP/Getty").
pub(super) fn agency_name(name: &str) -> Option<&'static str> {
    let n = name.trim().trim_matches(|c: char| !c.is_alphanumeric());
    AGENCIES.iter().find(|(a, _)| n == *a).map(|(_, v)| *v)
}

/// Whether `len` bytes at `at` are a whole word of `text`.
fn is_word_at(text: &str, at: usize, len: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + len..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The agency a story comes from, by how the body names it: "told AFP",
/// "showed AFP", "an AFP correspondent", "(Reuters)". The first such mention
/// in the text wins.
pub(super) fn agency_in_body(body: &MappedText) -> Option<Field> {
    let text = body.as_str();
    // One pass over the text: mentions by position, and at one position in
    // the list's order. As a search for each name, a mention does not start
    // inside the previous mention of the same name.
    let mut free_from = vec![0; AGENCIES.len()];
    let mut found = None;
    NameStarts::get().each(text.as_bytes(), |at, k| {
        let (name, value) = AGENCIES[k];
        if at < free_from[k] {
            return false;
        }
        free_from[k] = at + name.len();
        let span = Span::new(at, at + name.len());
        if is_word_at(text, at, name.len()) && credits_agency(text, span) {
            found = Some(Field::at(value, body.to_source(span)));
        }
        found.is_some()
    });
    found
}

/// The agencies' names by their first two bytes, for a search that passes
/// over eight bytes at a time where none of them can start a name. Every
/// name starts with an ASCII capital or with "dpa"'s 'd', so the bytes from
/// the lowest first byte to the highest are a tenth or so of a text's
/// bytes, and a byte-at-a-time search read all of them.
struct NameStarts {
    /// For each byte, the names starting with it (indices into `AGENCIES`), in list order.
    by_first: Vec<Vec<usize>>,
    /// A bit for each first two bytes of a name, the first byte low (a name
    /// of one byte: with every byte after it, and with none, as 0).
    pairs: Vec<u64>,
    /// The lowest and highest first bytes; `None` when some name starts
    /// outside ASCII (none does) or there is no name: then every byte is read.
    range: Option<(u8, u8)>,
}

impl NameStarts {
    fn get() -> &'static NameStarts {
        static STARTS: OnceLock<NameStarts> = OnceLock::new();
        STARTS.get_or_init(|| {
            let mut by_first = vec![Vec::new(); 256];
            let mut pairs = vec![0u64; 1 << 10];
            for (k, (name, _)) in AGENCIES.iter().enumerate() {
                let b = name.as_bytes();
                by_first[usize::from(b[0])].push(k);
                let seconds = match b.get(1) {
                    Some(&c) => c..=c,
                    None => 0..=u8::MAX,
                };
                for c in seconds {
                    let pair = pair_key(b[0], c);
                    pairs[pair >> 6] |= 1 << (pair & 63);
                }
            }
            let firsts = || AGENCIES.iter().map(|(name, _)| name.as_bytes()[0]);
            let range = firsts()
                .min()
                .zip(firsts().max())
                .filter(|&(_, hi)| hi.is_ascii());
            NameStarts {
                by_first,
                pairs,
                range,
            }
        })
    }

    /// Whether a name may start at byte `at` of `hay`: its first two bytes are a name's.
    fn may_start(&self, hay: &[u8], at: usize) -> bool {
        let pair = pair_key(hay[at], hay.get(at + 1).copied().unwrap_or(0));
        self.pairs[pair >> 6] & (1 << (pair & 63)) != 0
    }

    /// Calls `each` with `(byte offset, index in AGENCIES)` of every place
    /// where a name starts in `hay`, by offset and at one offset in list
    /// order, until it returns true.
    fn each(&self, hay: &[u8], mut each: impl FnMut(usize, usize) -> bool) {
        // Where a name may start: the names compared, in list order.
        let mut names_at = |at: usize| {
            self.by_first[usize::from(hay[at])]
                .iter()
                .any(|&k| hay[at..].starts_with(AGENCIES[k].0.as_bytes()) && each(at, k))
        };
        let mut i = 0;
        if let Some((lo, hi)) = self.range {
            while let Some(chunk) = hay.get(i..i + 8) {
                let mut first_bytes = bytes_in(chunk, lo, hi);
                while first_bytes != 0 {
                    let at = i + first_bytes.trailing_zeros() as usize / 8;
                    if self.may_start(hay, at) && names_at(at) {
                        return;
                    }
                    first_bytes &= first_bytes - 1;
                }
                i += 8;
            }
        }
        for at in i..hay.len() {
            if self.may_start(hay, at) && names_at(at) {
                return;
            }
        }
    }
}

/// The bit of [`NameStarts`]' pairs for first byte `a` and second byte `b`.
fn pair_key(a: u8, b: u8) -> usize {
    usize::from(a) | usize::from(b) << 8
}

/// The high bit of each of the eight bytes of `chunk` that is from `lo` to
/// `hi` (both ASCII), all other bits clear. Each byte is a lane of a `u64`:
/// on its low seven bits no sum carries into the next lane.
fn bytes_in(chunk: &[u8], lo: u8, hi: u8) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let lanes = |b: u8| 0x0101_0101_0101_0101 * u64::from(b);
    let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
    let low = x & !HIGH;
    let from_lo = low + lanes(0x80 - lo);
    let past_hi = low + lanes(0x80 - hi - 1);
    from_lo & !past_hi & !x & HIGH
}

/// Whether the words around an agency's name at `span` say the story is
/// its: a verb before it ("told AFP", "said to Reuters"), a reporter of it
/// ("an AFP correspondent"), or parentheses ("(Reuters)").
fn credits_agency(text: &str, span: Span) -> bool {
    let before = text[..span.start].trim_end();
    let after = text[span.end..].trim_start();
    let mut from = before.len().saturating_sub(24);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let lower_before = before[from..].to_lowercase();
    let by_verb = ["told", "showed", "told the", "said to", "an", "a"]
        .iter()
        .any(|v| lower_before.ends_with(v) && is_word_end(&lower_before, v))
        && (!["an", "a"].iter().any(|v| lower_before.ends_with(v))
            || ["correspondent", "reporter", "journalist", "photographer"]
                .iter()
                .any(|n| after.starts_with(n)));
    let in_parens = before.ends_with('(') && after.starts_with(')');
    by_verb || in_parens
}

/// Whether `w`, which `s` ends with, is a whole word there.
fn is_word_end(s: &str, w: &str) -> bool {
    let start = s.len() - w.len();
    !s[..start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// A byline among the first lines of the input; a line the cleaning read
/// (`readings`) and found no byline in is not read again.
pub(super) fn byline(input: &str, readings: &[LineReading]) -> Option<Field> {
    let mut readings = readings.iter().peekable();
    let mut at = 0;
    for (n, line) in lines_inclusive(input).enumerate() {
        let start = at;
        at += line.len();
        if n > 40 {
            break;
        }
        let l = line.trim_end_matches(['\n', '\r']);
        // `byline_name` reads the line trimmed.
        let trimmed = l.trim_start();
        let read = read_as(
            &mut readings,
            start + l.len() - trimmed.len(),
            trimmed.trim_end(),
        );
        if read.is_some_and(|r| r.not_byline) {
            continue;
        }
        if let Some((s, e)) = crate::clean::byline_name(l) {
            let mut span = Span::new(start + s, start + e);
            let mut name = span.of(input);
            // "[AFP](#)": the link text.
            if let Some(inner) = name.strip_prefix('[') {
                if let Some(close) = inner.find("](") {
                    span = Span::new(span.start + 1, span.start + 1 + close);
                    name = span.of(input);
                }
            }
            return Some(Field::at(name.trim(), span));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The search finds what comparing every name at every byte finds, in
    /// the same order, near the ends of the text and across its chunks too.
    #[test]
    fn name_starts_are_every_name_at_every_byte() {
        let texts = [
            "",
            "AP",
            "told AFP. (Reuters) dpa DPA EFEFE, ANSANSA",
            "Agence France-Presse, the Associated Press and AP: Xinhua, TASS, Interfax.",
            "éé AP «Kyodo» — Yonhap\u{a0}UPI PTI Bernama Europa Press RIA Novosti dp",
            "abcdefgAPxxxxxxxAFPxxxxxxdpa",
            "In Reuters' words, Interfax and DPA.\0A",
        ];
        for text in texts {
            let hay = text.as_bytes();
            let want: Vec<(usize, usize)> = (0..hay.len())
                .flat_map(|at| {
                    (0..AGENCIES.len())
                        .filter(move |&k| hay[at..].starts_with(AGENCIES[k].0.as_bytes()))
                        .map(move |k| (at, k))
                })
                .collect();
            let mut got = Vec::new();
            NameStarts::get().each(hay, |at, k| {
                got.push((at, k));
                false
            });
            assert_eq!(got, want, "{text}");
            // Stopped by the first answer of true.
            let mut first = None;
            NameStarts::get().each(hay, |at, k| {
                first = Some((at, k));
                true
            });
            assert_eq!(first, want.first().copied(), "{text}");
        }
    }

    /// The lanes found are the bytes of the range, for every byte in every lane.
    #[test]
    fn bytes_in_range_by_lanes() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut chunk = *b"........";
                chunk[lane] = b;
                let want: u64 = chunk
                    .iter()
                    .enumerate()
                    .filter(|(_, &c)| (b'A'..=b'd').contains(&c))
                    .map(|(i, _)| 0x80 << (8 * i))
                    .sum();
                assert_eq!(bytes_in(&chunk, b'A', b'd'), want, "{b:#x} at {lane}");
            }
        }
    }
}
