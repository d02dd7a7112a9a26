//! Segmentation of the analysis text into paragraphs, sentences and tokens.
//!
//! Sentences do not end at abbreviations ("Mr.", "U.S.", "Jan. 6", "2:00 p.m.
//! local time"), at initials ("J. Smith"), at decimal points, or inside a quote
//! that is still open; a terminator followed by a closing quote ends the
//! sentence after the quote.
//!
//! ```
//! use storydiff::text::segment;
//! let text = "Mr. Smith arrived at 2:00 p.m. local time. \"Go home. Now,\" he said.";
//! let seg = segment(text);
//! let sentences: Vec<&str> = seg.sentences.iter().map(|s| s.span.of(text)).collect();
//! assert_eq!(sentences, [
//!     "Mr. Smith arrived at 2:00 p.m. local time.",
//!     "\"Go home. Now,\" he said.",
//! ]);
//! ```

use super::word_bounds::{Lead, Step};
use super::{with_lower, Span};
use crate::lexicon::lists::text::ABBREVIATIONS;
use crate::lexicon::WordIndex;
use serde::{Deserialize, Serialize};

/// Paragraphs, sentences and tokens of one text.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Segmentation {
    /// The paragraphs, in text order.
    pub paragraphs: Vec<Span>,
    /// The sentences, in text order.
    pub sentences: Vec<Sentence>,
    /// The tokens, in text order. Serialized as one run of bytes, about four
    /// a token (`packed_tokens` below): a text has a token every five bytes
    /// or so, and field by field they were most of a packed analysis.
    #[serde(with = "packed_tokens")]
    pub tokens: Vec<Token>,
}

/// A sentence: its span and where it sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// The sentence's text.
    pub span: Span,
    /// Index of the paragraph holding it.
    pub paragraph: usize,
    /// Range of its tokens in [`Segmentation::tokens`].
    pub first_token: usize,
    /// The end (exclusive) of its tokens' range.
    pub end_token: usize,
}

/// A token: a word, a number or a punctuation mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// The token's text.
    pub span: Span,
    /// What the token is.
    pub kind: TokenKind,
    /// Index of the sentence holding it.
    pub sentence: usize,
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TokenKind {
    /// Letters (possibly with digits, apostrophes, inner hyphens and dots: "U.S.", "Kassym-Jomart").
    Word,
    /// Digits, with inner separators: "2,000", "2:00", "3.5".
    Number,
    /// Anything else that is not white space.
    Punct,
}

impl Segmentation {
    /// The tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        let s = &self.sentences[i];
        &self.tokens[s.first_token..s.end_token]
    }

    /// The index of the sentence containing byte offset `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= at);
        (i < self.sentences.len() && self.sentences[i].span.start <= at).then_some(i)
    }

    /// The index of the first token starting at or after `at`.
    pub fn token_at(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < at)
    }
}

/// Whether `word` (lower case) is an abbreviation ("mr", "jan", "etc"), and
/// if so whether a sentence may still end after it (when a capital follows).
/// The list is `data/words/text/abbreviations.tsv`.
fn abbreviation(word: &str) -> Option<bool> {
    static INDEX: WordIndex<(&str, bool)> = WordIndex::new(ABBREVIATIONS, |r| r.0);
    INDEX.get(word).map(|(_, may_end)| *may_end)
}

/// Splits `text` into paragraphs, sentences and tokens.
///
/// Never inlined: the token loop, run for every piece of a text, compiles
/// to fewer instructions on its own than inside the analysis of an article.
#[inline(never)]
pub fn segment(text: &str) -> Segmentation {
    let paragraphs = paragraphs(text);
    let mut seg = Segmentation {
        // Every paragraph holds a sentence at least (it has some text).
        sentences: Vec::with_capacity(paragraphs.len()),
        // News text has a token every five bytes or so: room for them at once
        // instead of growing the list (copying it) as they come.
        tokens: Vec::with_capacity(text.len() / 4),
        paragraphs: Vec::new(),
    };
    // One list of sentence spans, refilled for each paragraph.
    let mut spans = Vec::new();
    for (p, &para) in paragraphs.iter().enumerate() {
        spans.clear();
        sentences(text, para, &mut spans);
        for &span in &spans {
            let first_token = seg.tokens.len();
            let sentence = seg.sentences.len();
            tokenize(text, span, sentence, &mut seg.tokens);
            seg.sentences.push(Sentence {
                span,
                paragraph: p,
                first_token,
                end_token: seg.tokens.len(),
            });
        }
    }
    seg.paragraphs = paragraphs;
    seg
}

/// Paragraphs: blocks separated by blank lines. Inside a block, a line break
/// also starts a paragraph unless the line clearly runs on (no terminal
/// punctuation and the next line starts in lower case).
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut at = 0;
    let mut prev_line: Option<(usize, usize)> = None;
    for line in super::lines_inclusive(text) {
        let content = line.trim_end_matches(['\n', '\r']);
        let (ls, le) = (at, at + content.len());
        at += line.len();
        if content.trim().is_empty() {
            if let (Some(s), Some((_, pe))) = (start, prev_line) {
                out.push(Span::new(s, pe));
            }
            start = None;
            prev_line = None;
            continue;
        }
        match (start, prev_line) {
            (Some(s), Some((ps, pe))) => {
                let prev = &text[ps..pe];
                if !runs_on(prev, content) {
                    out.push(Span::new(s, pe));
                    start = Some(ls);
                }
            }
            _ => start = Some(ls),
        }
        prev_line = Some((ls, le));
    }
    if let (Some(s), Some((_, pe))) = (start, prev_line) {
        out.push(Span::new(s, pe));
    }
    out
}

fn runs_on(prev: &str, next: &str) -> bool {
    let ends_open = !prev
        .trim_end()
        .ends_with(['.', '!', '?', ':', '"', '\'', ')', '»', '…']);
    let next_lower = next
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase());
    ends_open && next_lower
}

/// Appends the sentence spans inside one paragraph to `out` (empty).
fn sentences(text: &str, para: Span, out: &mut Vec<Span>) {
    split_sentences(text, para, true, out);
    // A quote that never closes must not swallow the paragraph: split it plainly.
    if out.len() == 1 && para.len() > 600 {
        out.clear();
        split_sentences(text, para, false, out);
    }
}

/// The bytes that may start a character [`split_sentences`] looks at: `"`,
/// `.`, `!`, `?`, and the first bytes of `«` and `»` (C2), `…` (E2) and `。`
/// (E3).
const MAY_MATTER: [bool; 256] = {
    let mut t = [false; 256];
    t[b'"' as usize] = true;
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[0xc2] = true;
    t[0xe2] = true;
    t[0xe3] = true;
    t
};

/// The first byte at or after `i` that is ASCII punctuation from `!` to `?`
/// or not ASCII, judged eight bytes at a time: every byte of
/// [`MAY_MATTER`] is one of those, and eight bytes of letters and spaces,
/// most of a text, are passed over at once. With fewer than eight bytes
/// left, `i` itself, for the caller to read a byte at a time.
fn next_punct_or_wide(b: &[u8], mut i: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let splat = |b: u8| 0x0101_0101_0101_0101 * u64::from(b);
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // Each byte's low seven bits: no sum below carries into the next byte.
        let low = x & !HIGH;
        let punct = (low + splat(0x80 - b'!')) & !(low + splat(0x80 - b'?' - 1)) & HIGH;
        let found = x & HIGH | punct;
        if found != 0 {
            return i + found.trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    i
}

/// Appends the sentence spans of the paragraph `para` to `out`; with
/// `track_quotes`, a sentence inside quotes does not end the one around it.
fn split_sentences(text: &str, para: Span, track_quotes: bool, out: &mut Vec<Span>) {
    let s = &text[para.range()];
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut in_quote = false;
    let mut guillemets = 0i32;
    let mut i = 0;
    while i < s.len() {
        // Most bytes start no character the loop looks at: skip them
        // without decoding.
        if !MAY_MATTER[usize::from(bytes[i])] {
            i = next_punct_or_wide(bytes, i + 1);
            continue;
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        let n = c.len_utf8();
        match c {
            '"' if track_quotes => {
                in_quote = if in_quote { false } else { opens_quote(s, i) };
            }
            '«' if track_quotes => guillemets += 1,
            '»' if track_quotes => guillemets = (guillemets - 1).max(0),
            '.' | '!' | '?' | '…' | '。' => {
                // Take the whole run of terminators and closing marks.
                let mut j = i + n;
                while j < s.len() && matches!(bytes[j], b'.' | b'!' | b'?') {
                    j += 1;
                }
                let mut closed_quote = false;
                while j < s.len() {
                    let d = s[j..].chars().next().unwrap_or(' ');
                    if d == '"' && in_quote {
                        in_quote = false;
                        closed_quote = true;
                    } else if d == ' ' && s[j..].trim_start().starts_with('»') {
                        // French spacing: "Jamais. »"
                    } else if d == '»' {
                        guillemets = (guillemets - 1).max(0);
                        closed_quote = true;
                    } else if !matches!(d, ')' | ']' | '\'' | '…') {
                        break;
                    }
                    j += d.len_utf8();
                }
                let quoted = track_quotes && (in_quote || guillemets > 0);
                if !quoted
                    && (closed_quote || c != '.' || ends_sentence(s, i, j))
                    && next_starts_sentence(s, j)
                {
                    out.push(Span::new(para.start + start, para.start + j));
                    start = skip_space(s, j);
                    i = start;
                    continue;
                }
                i = j;
                continue;
            }
            _ => {}
        }
        i += n;
    }
    let end = s.trim_end().len();
    if start < end {
        out.push(Span::new(para.start + start, para.start + end));
    }
}

/// Whether a straight double quote at `i` opens a quote (rather than closing one).
fn opens_quote(s: &str, i: usize) -> bool {
    let before = s[..i].chars().next_back();
    let after = s[i + 1..].chars().next();
    let open_context =
        before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | '-' | ':' | '—'));
    open_context && after.is_some_and(|a| !a.is_whitespace())
}

/// Whether a period at `dot` (with terminators up to `after`) ends a sentence.
fn ends_sentence(s: &str, dot: usize, after: usize) -> bool {
    // The word before the period, with its inner dots ("U.S", "p.m").
    let head = &s[..dot];
    let word = &head[word_start(head)..];
    if word.is_empty() {
        return true;
    }
    // A decimal point or a period inside a number: "3.5".
    if word.chars().last().is_some_and(|c| c.is_ascii_digit())
        && s[after..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    {
        return false;
    }
    let next_upper = s[after..]
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase());
    // A single capital: an initial ("J. Smith").
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return false;
    }
    // The word's lower case, made on the stack (there is one for most periods).
    with_lower(word, |lower| {
        // Dotted abbreviations: "U.S", "a.m", "e.g".
        if word.contains('.') && word.chars().filter(|c| c.is_alphabetic()).count() <= 4 {
            let is_time = matches!(lower, "a.m" | "p.m");
            // "at 3 p.m. The police ..." ends a sentence; "p.m. local time" does not.
            return is_time && next_upper;
        }
        match abbreviation(lower) {
            Some(may_end) => may_end && next_upper,
            None => true,
        }
    })
}

/// Where the word that ends `head` starts: just after the last white space
/// or opening mark (`(`, `"`, `'`, `[`). The ASCII end of `head`, most often
/// the whole word, is read a byte at a time without decoding; characters are
/// decoded only from the last byte that is not ASCII back.
fn word_start(head: &str) -> usize {
    let opens = |c: char| c.is_whitespace() || matches!(c, '(' | '"' | '\'' | '[');
    let b = head.as_bytes();
    let mut i = b.len();
    while i > 0 && b[i - 1].is_ascii() {
        if opens(char::from(b[i - 1])) {
            return i;
        }
        i -= 1;
    }
    // `head[i..]` is ASCII, none of it an opening: `i` is a character boundary.
    head[..i].rfind(opens).map_or(0, |p| {
        p + head[p..].chars().next().map_or(1, char::len_utf8)
    })
}

/// Whether what follows position `j` can start a new sentence.
fn next_starts_sentence(s: &str, j: usize) -> bool {
    let rest = &s[j..];
    if rest.trim().is_empty() {
        return false; // the paragraph's end closes it anyway
    }
    if !rest.starts_with(char::is_whitespace) {
        return false;
    }
    let first = rest.trim_start().chars().next().unwrap_or(' ');
    !first.is_lowercase()
}

fn skip_space(s: &str, j: usize) -> usize {
    j + (s[j..].len() - s[j..].trim_start().len())
}

/// Appends the tokens of `span` to `out`.
fn tokenize(text: &str, span: Span, sentence: usize, out: &mut Vec<Token>) {
    let s = &text[span.range()];
    // Where this sentence's tokens start: a piece glues only onto one of them.
    let first = out.len();
    for step in super::word_bounds::word_pieces(s) {
        let piece = match step {
            Step::Piece(piece) => piece,
            Step::StartOver => {
                out.truncate(first);
                continue;
            }
        };
        let kind = match piece.lead {
            Lead::Letter => TokenKind::Word,
            Lead::Mark => TokenKind::Punct,
            Lead::Unknown => token_kind(&s[piece.start..piece.end]),
        };
        let start = span.start + piece.start;
        let end = span.start + piece.end;
        // Glue pieces that belong together: "U.S" + ".", "2" + ":" + "00", "Kassym" + "-" + "Jomart";
        // only a piece that starts where the token ends (white space parts them).
        if let Some(t) = out[first..].last_mut() {
            if t.span.end == start && glue(text.as_bytes(), *t, &text.as_bytes()[start..end], kind)
            {
                t.span.end = end;
                if kind == TokenKind::Word {
                    t.kind = TokenKind::Word;
                }
                continue;
            }
        }
        out.push(Token {
            span: Span::new(start, end),
            kind,
            sentence,
        });
    }
}

/// What the piece `w` between word boundaries, not white space, is as a token.
fn token_kind(w: &str) -> TokenKind {
    if w.chars().any(char::is_alphabetic) {
        TokenKind::Word
    } else if w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        TokenKind::Number
    } else {
        TokenKind::Punct
    }
}

/// Whether the piece `next` of `kind` joins the token `prev` it follows in
/// `text`; every mark compared is ASCII, so bytes are compared.
fn glue(text: &[u8], prev: Token, next: &[u8], kind: TokenKind) -> bool {
    let p = &text[prev.span.range()];
    match (prev.kind, kind) {
        // "U.S" + "." and "p.m" + "."
        (TokenKind::Word, TokenKind::Punct) if next == b"." => {
            p.contains(&b'.') && !p.ends_with(b".")
        }
        // "2" + ":" then "2:" + "00"
        (TokenKind::Number, TokenKind::Punct) if next == b":" => true,
        (TokenKind::Number, TokenKind::Number) if p.ends_with(b":") => true,
        // "Kassym" + "-" then "Kassym-" + "Jomart", "anti-" + "war"
        (TokenKind::Word, TokenKind::Punct) if next == b"-" => true,
        (TokenKind::Word | TokenKind::Number, TokenKind::Word) if p.ends_with(b"-") => true,
        _ => false,
    }
}

/// The tokens of a [`Segmentation`] as one run of bytes: their number, then
/// for each token how far its start is from the last one's, its length, how
/// far its sentence is from the last one's (each a LEB128 varint, most of one
/// byte) and its kind (one byte). The differences are taken on `u64`,
/// wrapping, so any list of tokens reads back exactly: four bytes a token
/// where a struct of fixed-width fields took twenty-eight, written with one
/// call to the serializer instead of four.
mod packed_tokens {
    use super::{Span, Token, TokenKind};
    use serde::de::{self, SeqAccess, Visitor};
    use serde::{Deserializer, Serializer};
    use std::fmt;

    pub fn serialize<S: Serializer>(tokens: &[Token], serializer: S) -> Result<S::Ok, S::Error> {
        let mut bytes = Vec::with_capacity(5 * tokens.len() + 10);
        put(&mut bytes, tokens.len() as u64);
        let (mut start, mut sentence) = (0u64, 0u64);
        for t in tokens {
            let (s, e, n) = (t.span.start as u64, t.span.end as u64, t.sentence as u64);
            put(&mut bytes, s.wrapping_sub(start));
            put(&mut bytes, e.wrapping_sub(s));
            put(&mut bytes, n.wrapping_sub(sentence));
            bytes.push(match t.kind {
                TokenKind::Word => 0,
                TokenKind::Number => 1,
                TokenKind::Punct => 2,
            });
            (start, sentence) = (s, n);
        }
        serializer.serialize_bytes(&bytes)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Token>, D::Error> {
        deserializer.deserialize_bytes(TokenBytes)
    }

    /// Appends `n` as a LEB128 varint: seven bits a byte, the high bit set
    /// on every byte but the last.
    fn put(out: &mut Vec<u8>, mut n: u64) {
        while n >= 0x80 {
            out.push(n as u8 | 0x80);
            n >>= 7;
        }
        out.push(n as u8);
    }

    /// Reads the varint [`put`] wrote at `*at`, or `None` past the end or
    /// for more than 64 bits.
    fn take(bytes: &[u8], at: &mut usize) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *bytes.get(*at)?;
            *at += 1;
            let bits = u64::from(b & 0x7f);
            // The tenth byte holds the 64th bit alone.
            if shift == 63 && bits > 1 {
                return None;
            }
            n |= bits << shift;
            if b < 0x80 {
                return Some(n);
            }
        }
        None
    }

    /// The tokens in `bytes`, or `None` where they are not what
    /// [`serialize`] writes.
    fn read(bytes: &[u8]) -> Option<Vec<Token>> {
        let mut at = 0;
        let count = usize::try_from(take(bytes, &mut at)?).ok()?;
        // Each token takes four bytes at least: a count beyond that is damage.
        let mut tokens = Vec::with_capacity(count.min(bytes.len() / 4));
        let (mut start, mut sentence) = (0u64, 0u64);
        for _ in 0..count {
            let s = start.wrapping_add(take(bytes, &mut at)?);
            let e = s.wrapping_add(take(bytes, &mut at)?);
            let n = sentence.wrapping_add(take(bytes, &mut at)?);
            let kind = match *bytes.get(at)? {
                0 => TokenKind::Word,
                1 => TokenKind::Number,
                2 => TokenKind::Punct,
                _ => return None,
            };
            at += 1;
            tokens.push(Token {
                span: Span {
                    start: usize::try_from(s).ok()?,
                    end: usize::try_from(e).ok()?,
                },
                kind,
                sentence: usize::try_from(n).ok()?,
            });
            (start, sentence) = (s, n);
        }
        (at == bytes.len()).then_some(tokens)
    }

    struct TokenBytes;

    impl<'de> Visitor<'de> for TokenBytes {
        type Value = Vec<Token>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("tokens packed as bytes")
        }

        fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Vec<Token>, E> {
            read(bytes).ok_or_else(|| E::custom("damaged tokens"))
        }

        /// Formats without a byte type (JSON) write the bytes as numbers.
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Token>, A::Error> {
            let mut bytes = Vec::new();
            while let Some(b) = seq.next_element::<u8>()? {
                bytes.push(b);
            }
            self.visit_bytes(&bytes)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Eight bytes at a time stop where a byte at a time would: at each byte
    /// of [`MAY_MATTER`] (and at other punctuation and wide bytes), from every
    /// start, with every ASCII byte in every place of a block.
    #[test]
    fn next_punct_or_wide_stops_at_every_byte_that_may_matter() {
        let wanted = |b: u8| (b'!'..=b'?').contains(&b) || !b.is_ascii();
        let mut texts: Vec<Vec<u8>> = Vec::new();
        for c in 0..=0xffu8 {
            for at in 0..17 {
                let mut t = b"abcdefgh ijklmno pqrs".to_vec();
                t[at] = c;
                texts.push(t);
            }
        }
        assert!((0..=0xffu8).all(|b| !MAY_MATTER[usize::from(b)] || wanted(b)));
        for t in &texts {
            for from in 0..=t.len() {
                // Whole blocks of eight without a wanted byte passed over, a
                // byte at a time.
                let mut want = from;
                while want + 8 <= t.len() && !t[want..want + 8].iter().any(|&b| wanted(b)) {
                    want += 8;
                }
                if want + 8 <= t.len() {
                    want += t[want..].iter().position(|&b| wanted(b)).unwrap_or(0);
                }
                assert_eq!(next_punct_or_wide(t, from), want, "{t:?} {from}");
            }
        }
    }

    /// The word before a period starts where a search of the characters
    /// from the end finds it: around ASCII and other characters, other white
    /// space and opening marks included.
    #[test]
    fn word_start_is_the_last_opening_searched_by_characters() {
        let opens = |c: char| c.is_whitespace() || matches!(c, '(' | '"' | '\'' | '[');
        for head in [
            "",
            "U.S",
            "said Mr",
            "(p.m",
            "the \"Jr",
            "l'état",
            "à Zürich",
            "é",
            "a\u{a0}St",
            "x\u{2003}Dr",
            "«Mme",
            "word\u{3000}東京",
            "[e.g",
            "tab\tend",
        ] {
            let want = head.rfind(opens).map_or(0, |p| {
                p + head[p..].chars().next().map_or(1, char::len_utf8)
            });
            assert_eq!(word_start(head), want, "{head:?}");
        }
    }

    fn sentences_of(text: &str) -> Vec<&str> {
        let seg = segment(text);
        seg.sentences.iter().map(|s| s.span.of(text)).collect()
    }

    #[test]
    fn sentence_table() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("plain", "One. Two! Three?", &["One.", "Two!", "Three?"]),
            (
                "us",
                "The U.S. State Department said so. Then it left.",
                &["The U.S. State Department said so.", "Then it left."],
            ),
            (
                "mr",
                "Added Mr. Dujarric. Fine.",
                &["Added Mr. Dujarric.", "Fine."],
            ),
            (
                "time",
                "They left at 2:00 p.m. local time. Others stayed.",
                &["They left at 2:00 p.m. local time.", "Others stayed."],
            ),
            (
                "month",
                "On Jan. 6 they came. Good.",
                &["On Jan. 6 they came.", "Good."],
            ),
            (
                "initial",
                "J. R. Smith spoke. Yes.",
                &["J. R. Smith spoke.", "Yes."],
            ),
            (
                "decimal",
                "It rose 3.5 percent. Ok.",
                &["It rose 3.5 percent.", "Ok."],
            ),
            (
                "inside quote",
                "\"Stop. Now,\" he said. Next.",
                &["\"Stop. Now,\" he said.", "Next."],
            ),
            (
                "closing quote",
                "He said \"no.\" Then left.",
                &["He said \"no.\"", "Then left."],
            ),
            (
                "guillemets",
                "Il a dit « Non. Jamais. » Puis.",
                &["Il a dit « Non. Jamais. »", "Puis."],
            ),
            (
                "lowercase follows",
                "It was 5 a.m. and dark.",
                &["It was 5 a.m. and dark."],
            ),
        ];
        for (name, text, want) in cases {
            assert_eq!(sentences_of(text), *want, "{name}");
        }
    }

    #[test]
    fn abbreviations_are_sorted() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(abbreviation("etc"), Some(true));
        assert_eq!(abbreviation("mr"), Some(false));
        assert_eq!(abbreviation("said"), None);
    }

    #[test]
    fn paragraphs_split_on_blank_lines_and_lines() {
        let text = "Title\n\nFirst para\nruns on here.\nSecond line para.\n\n\nLast.";
        let paras: Vec<&str> = paragraphs(text).iter().map(|p| p.of(text)).collect();
        assert_eq!(
            paras,
            [
                "Title",
                "First para\nruns on here.",
                "Second line para.",
                "Last."
            ]
        );
    }

    #[test]
    fn tokens_keep_units_together() {
        let text = "The U.S. sent 2,000 troops at 2:00 to Kassym-Jomart's anti-war rally.";
        let seg = segment(text);
        let toks: Vec<&str> = seg.tokens.iter().map(|t| t.span.of(text)).collect();
        for want in ["U.S.", "2,000", "2:00", "Kassym-Jomart's", "anti-war"] {
            assert!(toks.contains(&want), "{want} in {toks:?}");
        }
    }

    /// A segmentation through bincode, as [`crate::pack`] writes it.
    fn round_trip(seg: &Segmentation) -> Result<Segmentation, bincode::Error> {
        bincode::deserialize(&bincode::serialize(seg)?)
    }

    #[test]
    fn packed_tokens_read_back_as_they_were() {
        let text = "Some 2,000 people gathered.\n\n\"We stay,\" one said. Police left at 2:00 a.m.";
        let seg = segment(text);
        let back = round_trip(&seg).unwrap();
        assert_eq!(back.tokens, seg.tokens);
        assert_eq!(back.sentences, seg.sentences);
        assert_eq!(back.paragraphs, seg.paragraphs);
        // A format without a byte type (JSON, as tests dump analyses) writes
        // the bytes as numbers, and reads them back.
        let json = serde_json::to_string(&seg).unwrap();
        let back: Segmentation = serde_json::from_str(&json).unwrap();
        assert_eq!(back.tokens, seg.tokens);
        // Four bytes a token here (short gaps and lengths), where a struct of
        // fixed-width fields took 28; past the two empty lists and the bytes'
        // length, one byte counts them.
        let only_tokens = Segmentation {
            tokens: seg.tokens.clone(),
            ..Segmentation::default()
        };
        let packed = bincode::serialize(&only_tokens).unwrap().len();
        assert_eq!(packed, 3 * 8 + 1 + 4 * seg.tokens.len());
    }

    #[test]
    fn damaged_packed_tokens_are_an_error() {
        let seg = segment("Police left at 2:00 a.m. on Monday.");
        let mut bytes = bincode::serialize(&seg).unwrap();
        // The last byte is the last token's kind: no kind is 9.
        *bytes.last_mut().unwrap() = 9;
        let error = bincode::deserialize::<Segmentation>(&bytes).unwrap_err();
        assert!(error.to_string().contains("damaged tokens"), "{error}");
        // Cut short.
        bytes.truncate(bytes.len() - 3);
        assert!(bincode::deserialize::<Segmentation>(&bytes).is_err());
        // One token whose start needs more than 64 bits: ten bytes, the last
        // with more than the 64th bit.
        let tokens = [&[1u8][..], &[0xff; 9], &[2, 0, 0, 0]].concat();
        let mut bytes = vec![0u8; 16];
        bytes.extend((tokens.len() as u64).to_le_bytes());
        bytes.extend(&tokens);
        assert!(bincode::deserialize::<Segmentation>(&bytes).is_err());
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Any tokens read back exactly, out of order and overlapping too, and
        /// with offsets far apart (the differences wrap).
        #[test]
        fn any_packed_tokens_read_back_exactly(
            raw in proptest::collection::vec((proptest::num::usize::ANY, proptest::num::usize::ANY, proptest::num::usize::ANY, 0u8..3), 0..60),
        ) {
            let tokens: Vec<Token> = raw
                .iter()
                .map(|&(start, end, sentence, kind)| Token {
                    span: Span { start, end },
                    kind: [TokenKind::Word, TokenKind::Number, TokenKind::Punct][usize::from(kind)],
                    sentence,
                })
                .collect();
            let seg = Segmentation { tokens, ..Segmentation::default() };
            proptest::prop_assert_eq!(round_trip(&seg).unwrap().tokens, seg.tokens);
        }
    }
}
