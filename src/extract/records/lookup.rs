//! Phrase look-ups in a sentence and what a figure counts: the parts that
//! records and facts share.

use super::per_sentence::{self, PerSentence};
use crate::extract::{DateMention, Doc, EntityMention, Quantity};
use crate::lexicon::lists::facts::{AGENT_MARKERS, CLAUSE_JOINS, GROUPS, HAPPENINGS};
use crate::lexicon::lists::records;
use crate::text::hash::FastMap;
use crate::text::{with_lower, Span, Token, TokenKind};
use std::collections::HashMap;
use std::sync::OnceLock;

/// A word of a sentence: its span and its token index in the sentence.
#[derive(Clone, Copy, Debug)]
pub(crate) struct At {
    pub span: Span,
}

/// The word starts of sentence `si`.
pub(crate) fn words_of(doc: &Doc, si: usize) -> Vec<At> {
    let tokens = doc.seg.sentence_tokens(si);
    // Room for every token at once: most are words, and a filtered collect
    // would grow the list four or five times per sentence.
    let mut words = Vec::with_capacity(tokens.len());
    words.extend(
        (tokens.iter())
            .filter(|t| is_word(t))
            .map(|t| At { span: t.span }),
    );
    words
}

/// Whether token `t` is one of the words [`words_of`] lists.
pub(crate) fn is_word(t: &Token) -> bool {
    matches!(t.kind, TokenKind::Word | TokenKind::Number)
}

/// Folds a character for matching: lower case, typographic apostrophes as `'`.
fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match c {
        '’' | '‘' | 'ʼ' => '\'',
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// The byte length of `text`'s prefix that `stem` matches, ignoring case;
/// `None` when it does not.
pub(crate) fn match_stem(text: &str, stem: &str) -> Option<usize> {
    match_stem_after(text, stem, 0)
}

/// [`match_stem`] of a text whose first `known` bytes are ASCII and equal
/// the stem's (as far as it goes) but for case: only the bytes after them
/// are compared. Inlined: a call per row would cost about what it saves.
#[inline(always)]
fn match_stem_after(text: &str, stem: &str, known: usize) -> Option<usize> {
    // While both are ASCII a byte is a character and folds to its ASCII
    // lower case: compare bytes, and stop at the first that differs.
    let (t, st) = (text.as_bytes(), stem.as_bytes());
    for (k, &want) in st.iter().enumerate().skip(known) {
        // Text that ends here has fewer characters than the stem.
        let got = *t.get(k)?;
        if got >= 0x80 || want >= 0x80 {
            return match_stem_chars(text, stem);
        }
        if got.to_ascii_lowercase() != want {
            return None;
        }
    }
    Some(st.len())
}

/// [`match_stem`] a character at a time.
fn match_stem_chars(text: &str, stem: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    for want in stem.chars() {
        let (_, got) = chars.next()?;
        if fold(got) != want {
            return None;
        }
    }
    Some(chars.next().map_or(text.len(), |(i, _)| i))
}

/// The span from `at` to the end of the word that the match ends in.
pub(crate) fn to_word_end(doc: &Doc, words: &[At], k: usize, len: usize) -> Span {
    match_to_word_end(
        doc,
        words[k].span.start,
        words[k..].iter().map(|w| w.span),
        len,
    )
}

/// The span of a match of `len` bytes at `start`, to the end of the last
/// of `words` (the words from the one at `start` on) that it touches.
pub(crate) fn match_to_word_end(
    doc: &Doc,
    start: usize,
    words: impl Iterator<Item = Span>,
    len: usize,
) -> Span {
    let end = start + len;
    let last = words
        .take_while(|w| w.start < end)
        .last()
        .map_or(end, |w| w.end.max(end));
    Span::new(start, last.min(doc.text.len()))
}

/// A word list of stems, indexed by the first two characters of each stem,
/// so that a word is tried only against the stems that can match it. Rows
/// keep their order (the first that matches wins).
pub(crate) struct Stems {
    /// By a text's first byte, when ASCII: a bit for each ASCII second byte
    /// with which some row may open (both as written, in either case).
    /// Every word of a sentence is asked and most open no row: told so by
    /// one read, before lower-casing them or reading the buckets.
    ascii_heads: Box<[u128; 128]>,
    /// The stems starting with an ASCII character, by that character.
    ascii: Vec<Bucket>,
    by_first: HashMap<char, Bucket>,
}

/// The stems that share a first character: by their second character, each
/// list with the one-character stems in their places.
#[derive(Clone, Default)]
struct Bucket {
    /// The stems by their second character (other than ASCII, once
    /// [`Bucket::index_ascii`] has moved those out).
    by_second: FastMap<char, Vec<Row>>,
    /// The lists under an ASCII second character, read without hashing: the
    /// character's entry is the list's place in `ascii_lists` plus one (0:
    /// none). Moved out of `by_second` once every row is in.
    ascii_second: Vec<u8>,
    ascii_lists: Vec<AsciiList>,
    /// A bit for each ASCII second byte, in either case, that a list is
    /// under.
    ascii_seconds: u128,
    /// The one-character stems: all that a text without a second character,
    /// or with one no longer stem has second, can match.
    singles: Vec<Row>,
}

/// A stem and its role.
type Row = (&'static str, &'static str);

/// The rows under an ASCII second character.
#[derive(Clone)]
struct AsciiList {
    rows: Vec<Row>,
    /// A bit for each ASCII third byte, in either case, that a row may go
    /// on with: a text whose third byte is ASCII and has none matches no
    /// row, and most texts that open a row are told so without trying them.
    thirds: u128,
}

impl AsciiList {
    fn new(rows: Vec<Row>) -> AsciiList {
        let third = |(stem, _): &Row| match stem.as_bytes().get(2) {
            // A row that ends before it matches whatever follows.
            None => u128::MAX,
            Some(&b) if b.is_ascii() => either_case(b),
            // Folded, an ASCII character stays ASCII: it is no other.
            Some(_) => 0,
        };
        let thirds = rows.iter().map(third).fold(0, |all, bits| all | bits);
        AsciiList { rows, thirds }
    }
}

impl Bucket {
    fn push(&mut self, row: Row) {
        match row.0.chars().nth(1) {
            Some(second) => {
                let singles = &self.singles;
                self.by_second
                    .entry(second)
                    .or_insert_with(|| singles.clone())
                    .push(row);
            }
            None => {
                self.singles.push(row);
                for rows in self.by_second.values_mut() {
                    rows.push(row);
                }
            }
        }
    }

    /// Moves the lists under an ASCII second character from `by_second` to
    /// `ascii_lists`.
    fn index_ascii(&mut self) {
        self.ascii_second = vec![0; 128];
        // Only the ASCII second characters the bucket holds are looked up:
        // most buckets hold a few or none, and asking for all 128 in every
        // bucket cost more than a small article's look-ups.
        let mut seconds: Vec<char> = (self.by_second.keys().copied())
            .filter(char::is_ascii)
            .collect();
        crate::text::sort::all(&mut seconds);
        for second in seconds {
            if let Some(rows) = self.by_second.remove(&second) {
                self.ascii_lists.push(AsciiList::new(rows));
                self.ascii_second[second as usize] = self.ascii_lists.len() as u8;
                self.ascii_seconds |= either_case(second as u8);
            }
        }
    }

    /// A bit for each ASCII second byte, in either case, after which a text
    /// whose first character is this bucket's may match a row.
    fn ascii_heads(&self) -> u128 {
        if self.singles.is_empty() {
            self.ascii_seconds
        } else {
            u128::MAX
        }
    }

    /// The rows that `text`, whose first character is this bucket's, may match, in order.
    fn rows(&self, text: &str) -> &[Row] {
        match text.chars().nth(1).map(fold) {
            Some(c) if c.is_ascii() => self.rows_by_ascii(c as u8),
            Some(c) => self.by_second.get(&c).unwrap_or(&self.singles),
            None => &self.singles,
        }
    }

    /// The rows that a text whose folded second character is the ASCII
    /// `second` may match, in order.
    fn rows_by_ascii(&self, second: u8) -> &[Row] {
        self.list_by_ascii(second).0
    }

    /// [`Bucket::rows_by_ascii`], with their [`AsciiList::thirds`].
    fn list_by_ascii(&self, second: u8) -> (&[Row], u128) {
        match self.ascii_second[usize::from(second)] {
            // One-character rows match whatever follows them.
            0 => (&self.singles, u128::MAX),
            k => {
                let list = &self.ascii_lists[usize::from(k) - 1];
                (&list.rows, list.thirds)
            }
        }
    }
}

impl Stems {
    fn new(rows: impl Iterator<Item = Row>) -> Stems {
        let mut ascii: Vec<Bucket> = vec![Bucket::default(); 128];
        let mut by_first: HashMap<char, Bucket> = HashMap::new();
        for (stem, role) in rows {
            match stem.chars().next() {
                Some(c) if c.is_ascii() => ascii[c as usize].push((stem, role)),
                Some(c) => by_first.entry(c).or_default().push((stem, role)),
                None => {}
            }
        }
        for bucket in ascii.iter_mut().chain(by_first.values_mut()) {
            bucket.index_ascii();
        }
        let mut ascii_heads = Box::new([0; 128]);
        for (first, heads) in (0..).zip(ascii_heads.iter_mut()) {
            *heads = ascii[usize::from(u8::to_ascii_lowercase(&first))].ascii_heads();
        }
        Stems {
            ascii_heads,
            ascii,
            by_first,
        }
    }

    /// The first stem that `text` starts with, its role and the byte length matched.
    #[inline(always)]
    pub(crate) fn at(&self, text: &str) -> Option<(&'static str, &'static str, usize)> {
        // Most words start with two ASCII bytes: their rows are found from
        // the bytes without decoding, and every row's first two bytes (or
        // its one) equal them but for case, so are not compared again.
        if let [first, second, ..] = *text.as_bytes() {
            if (first | second).is_ascii() {
                // Every word of a sentence is asked, and most open no row:
                // they are told so here, in the caller, and the rows are
                // looked up and tried in a function of its own.
                if self.ascii_heads[usize::from(first)] & 1 << second == 0 {
                    return None;
                }
                return self.at_ascii(text, first, second);
            }
        }
        self.at_decoded(text)
    }

    /// [`Stems::at`] of a text that starts with the two ASCII bytes `first`
    /// and `second`, after which some row may follow.
    #[inline(never)]
    fn at_ascii(
        &self,
        text: &str,
        first: u8,
        second: u8,
    ) -> Option<(&'static str, &'static str, usize)> {
        let bucket = &self.ascii[usize::from(first.to_ascii_lowercase())];
        let (rows, thirds) = bucket.list_by_ascii(second.to_ascii_lowercase());
        if let Some(&third) = text.as_bytes().get(2) {
            if third.is_ascii() && thirds & 1 << third == 0 {
                return None;
            }
        }
        first_row_after_two(text, rows)
    }

    /// [`Stems::at`] of a text that does not start with two ASCII bytes.
    #[inline(never)]
    fn at_decoded(&self, text: &str) -> Option<(&'static str, &'static str, usize)> {
        let first = fold(text.chars().next()?);
        let bucket = if first.is_ascii() {
            &self.ascii[first as usize]
        } else {
            self.by_first.get(&first)?
        };
        bucket
            .rows(text)
            .iter()
            .find_map(|&(stem, role)| Some((stem, role, match_stem(text, stem)?)))
    }
}

/// A bit for the ASCII byte `lower` and for its upper case.
fn either_case(lower: u8) -> u128 {
    1 << lower | 1 << lower.to_ascii_uppercase()
}

/// The first of `rows` that `text` starts with, all of whose first two
/// bytes (or its one) equal the text's but for case.
#[inline(never)]
fn first_row_after_two(text: &str, rows: &[Row]) -> Option<(&'static str, &'static str, usize)> {
    (rows.iter()).find_map(|&(stem, role)| Some((stem, role, match_stem_after(text, stem, 2)?)))
}

macro_rules! stems {
    ($name:ident, $rows:expr) => {
        pub(crate) fn $name() -> &'static Stems {
            static S: OnceLock<Stems> = OnceLock::new();
            S.get_or_init(|| Stems::new($rows))
        }
    };
}

stems!(trigger_stems, records::TRIGGERS.iter().copied());
stems!(status_stems, records::STATUS_CUES.iter().copied());
stems!(group_stems, GROUPS.iter().copied());
stems!(
    authority_stems,
    records::AUTHORITIES.iter().map(|w| (*w, ""))
);
stems!(issue_stems, records::ISSUE_CUES.iter().map(|w| (*w, "")));

/// The first entry of `stems` that matches at word `k`, with its role and
/// the span it covers (to the end of the last word it touches).
pub(crate) fn phrase_at(
    doc: &Doc,
    words: &[At],
    k: usize,
    stems: &Stems,
) -> Option<(&'static str, &'static str, Span)> {
    let rest = &doc.text[words[k].span.start..];
    let (stem, role, len) = stems.at(rest)?;
    Some((stem, role, to_word_end(doc, words, k, len)))
}

/// The index of the first word at or after byte `at`.
pub(crate) fn word_index(words: &[At], at: usize) -> usize {
    words.partition_point(|w| w.span.start < at)
}

/// The index of the first word that starts at or after the end of `span`.
pub(crate) fn word_after(words: &[At], span: Span) -> usize {
    word_index(words, span.end)
}

/// What a figure counts, folded so that reports in other words and other
/// languages share it: `what` (killed, injured, detained, dispersed,
/// deployed, or the counted unit), and whom it concerns (`group`:
/// security_forces, protesters, civilians, troops, ...), each with where it
/// was read. Both are words of the lists or of the quantity `'q`: read,
/// shared and joined without a copy.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Counted<'q> {
    pub what: Option<&'q str>,
    pub group: Option<(&'static str, Span)>,
}

/// The happening key of a word ("tués" -> killed), from `data/words/facts/happenings.tsv`:
/// that of the longest stem the folded word starts with (of a stem listed
/// twice, the later row).
pub(crate) fn happening(word: &str) -> Option<&'static str> {
    if word.is_ascii() {
        // An ASCII word folds to its lower case: it starts with a stem (all
        // lower case) when its first bytes equal the stem's but for ASCII
        // case, read in place.
        return happening_folded(word.as_bytes(), |w, stem| {
            w.get(..stem.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(stem))
        });
    }
    let folded: String = word.chars().map(fold).collect();
    happening_folded(folded.as_bytes(), <[u8]>::starts_with)
}

/// [`happening`] of a word that `starts` tells the stems of, as folded: the
/// stems that share its folded first byte are the only ones that can match,
/// besides an empty one.
fn happening_folded(word: &[u8], starts: impl Fn(&[u8], &[u8]) -> bool) -> Option<&'static str> {
    let index = happening_index();
    let bucket = word.first().map_or(&[][..], |&b| {
        &index.by_first[usize::from(b.to_ascii_lowercase())]
    });
    let mut best: Option<(usize, &'static str)> = None;
    for &(stem, role) in bucket {
        if starts(word, stem.as_bytes()) && best.is_none_or(|(len, _)| stem.len() >= len) {
            best = Some((stem.len(), role));
        }
    }
    best.map(|(_, role)| role).or(index.empty)
}

/// The happening stems by their first byte, in row order, and the role of
/// the last empty stem (none is listed; it would match every word).
struct Happenings {
    by_first: Vec<Vec<(&'static str, &'static str)>>,
    empty: Option<&'static str>,
}

fn happening_index() -> &'static Happenings {
    static INDEX: OnceLock<Happenings> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = Happenings {
            by_first: vec![Vec::new(); 256],
            empty: None,
        };
        // A stem with an ASCII capital matches no folded word: left out, so
        // that an ASCII word may be matched ignoring case.
        let folded = HAPPENINGS
            .iter()
            .filter(|(stem, _)| !stem.bytes().any(|b| b.is_ascii_uppercase()));
        for &(stem, role) in folded {
            match stem.as_bytes().first() {
                Some(&b) => index.by_first[usize::from(b)].push((stem, role)),
                None => index.empty = Some(role),
            }
        }
        index
    })
}

impl<'q> Counted<'q> {
    /// This reading joined to `prev`, that of the quantity before it in the
    /// sentence, when the two are joined ("at least eight dead and more than
    /// 300 injured" concern the same group): its group when this names none.
    pub(crate) fn joined(self, prev: Option<&Counted>) -> Counted<'q> {
        Counted {
            group: self.group.or_else(|| prev.and_then(|p| p.group)),
            ..self
        }
    }
}

/// An article's entities, dates and figures, each grouped by the sentences
/// that contain it, and what each figure counts: what the records and then
/// the facts read, grouped once for both.
pub(crate) struct Findings<'a> {
    pub entities: PerSentence<'a, EntityMention>,
    pub dates: PerSentence<'a, DateMention>,
    pub quantities: PerSentence<'a, Quantity>,
    pub counted: CountedEach<'a>,
}

impl<'a> Findings<'a> {
    pub(crate) fn new(
        doc: &Doc,
        entities: &'a [EntityMention],
        dates: &'a [DateMention],
        quantities: &'a [Quantity],
    ) -> Findings<'a> {
        let sentences = &doc.seg.sentences;
        let quantities = per_sentence::contained(sentences, quantities, |q| q.span);
        Findings {
            entities: per_sentence::contained(sentences, entities, |e| e.span),
            dates: per_sentence::contained(sentences, dates, |d| d.span),
            counted: CountedEach::new(doc, &quantities),
            quantities,
        }
    }
}

/// What each quantity of `doc` counts on its own ([`counted`]), by its span:
/// read once for the article, for records and facts both (each joins them
/// to the quantity before in its own way, [`Counted::joined`]). Only the
/// quantities that a sentence contains (grouped by sentence, `per`) are read.
pub(crate) struct CountedEach<'q>(FastMap<Span, Counted<'q>>);

impl<'q> CountedEach<'q> {
    pub(crate) fn new(doc: &Doc, per: &PerSentence<'q, Quantity>) -> CountedEach<'q> {
        let sentences = &doc.seg.sentences;
        let mut by_span = FastMap::default();
        for (si, sentence) in sentences.iter().enumerate() {
            let mut inside = per[si].iter().filter(|q| sentence.span.contains(q.span));
            let Some(first) = inside.next() else {
                continue;
            };
            // The sentence's words, listed once for every figure's look around it.
            let words = words_of(doc, si);
            for q in std::iter::once(first).chain(inside) {
                by_span.insert(q.span, counted(doc, &words, q));
            }
        }
        CountedEach(by_span)
    }

    /// The reading of quantity `q`, joined to `prev` ([`Counted::joined`]);
    /// `None` for one that no sentence contains.
    pub(crate) fn of(&self, q: &Quantity, prev: Option<&Counted>) -> Option<Counted<'q>> {
        Some(self.0.get(&q.span)?.joined(prev))
    }
}

/// What quantity `q` counts, read from the `words` of its sentence
/// ([`words_of`]), before it is joined to the quantity before it.
fn counted<'q>(doc: &Doc, words: &[At], q: &'q Quantity) -> Counted<'q> {
    // A happening word just before the figure is its verb ("it killed nine
    // people and injured 50 more", "погибли 182 человека").
    let timed = matches!(
        q.unit.as_deref(),
        Some("days" | "weeks" | "months" | "years" | "hours")
    );
    let before = before_words(doc, words, q.span, if timed { 0 } else { 5 });
    let verb_before = |n: usize| {
        let from = before.len().saturating_sub(n);
        before[from..]
            .iter()
            .rev()
            .find_map(|w| happening(w.span.of(doc.text)))
    };
    let what = verb_before(3)
        .or_else(|| q.counts.as_deref().and_then(happening))
        .or_else(|| q.unit.as_deref().and_then(happening))
        .or_else(|| {
            after_words(doc, words, q.span, 7)
                .iter()
                .find_map(|w| happening(w.span.of(doc.text)))
        })
        // Words before a term ("threatened with 20 to 50 days") say what
        // the term is for, not what happened to it.
        .or_else(|| verb_before(5))
        .or(q.counts.as_deref());
    // Not the credited source ("La police a fait état de 40 blessés").
    let source = q.source.as_deref().map(str::to_lowercase);
    let group = group_near(doc, words, q.span).filter(|(_, sp)| {
        let said = sp.of(doc.text).to_lowercase();
        source
            .as_ref()
            .is_none_or(|s| !s.contains(&said) && !said.contains(s.as_str()))
    });
    Counted { what, group }
}

fn after_words<'w>(doc: &Doc, words: &'w [At], span: Span, n: usize) -> &'w [At] {
    let k = word_after(words, span);
    let mut end = k;
    while end < (k + n).min(words.len()) {
        let from = if end == 0 {
            span.end
        } else {
            words[end - 1].span.end.max(span.end)
        };
        if doc.text[from.min(words[end].span.start)..words[end].span.start].contains([',', ';']) {
            break;
        }
        if is_join(words[end].span.of(doc.text)) {
            break;
        }
        end += 1;
    }
    &words[k..end]
}

fn is_join(word: &str) -> bool {
    // A word lowers to at least as many characters as it has: most words
    // are longer than every join, told without lowering.
    if word.chars().nth(longest_join()).is_some() {
        return false;
    }
    with_lower(word, |lower| CLAUSE_JOINS.contains(&lower))
}

/// The most characters a clause join has.
fn longest_join() -> usize {
    static LONGEST: OnceLock<usize> = OnceLock::new();
    *LONGEST.get_or_init(|| {
        (CLAUSE_JOINS.iter())
            .map(|j| j.chars().count())
            .max()
            .unwrap_or(0)
    })
}

/// Up to `n` words before `span` in its sentence ("погибли 182 человека",
/// "kills at least 15 people"), not past a comma, another figure or a
/// clause join.
fn before_words<'w>(doc: &Doc, words: &'w [At], span: Span, n: usize) -> &'w [At] {
    let k = word_index(words, span.start);
    let mut start = k;
    while start > k.saturating_sub(n) {
        let w = words[start - 1];
        let to = if start < k {
            words[start].span.start
        } else {
            span.start
        };
        let said = w.span.of(doc.text);
        let figure = said.starts_with(|c: char| c.is_ascii_digit());
        if doc.text[w.span.end.min(to)..to].contains([',', ';', ':']) || figure || is_join(said) {
            break;
        }
        start -= 1;
    }
    &words[start..k]
}

/// The group a figure concerns: first inside its span and the eight words
/// after it ("13 members of the security forces", "eight dead among the
/// security forces"), else the six words before it ("the security forces
/// who have at least eight dead").
fn group_near(doc: &Doc, words: &[At], span: Span) -> Option<(&'static str, Span)> {
    let first = word_index(words, span.start);
    let after = word_after(words, span);
    // The words after it, up to a comma or an agent ("dispersed by the police").
    let mut stop_after = after;
    while stop_after < (after + 8).min(words.len()) {
        let w = words[stop_after].span;
        let gap = &doc.text[words[stop_after - 1].span.end..w.start];
        if gap.contains([',', ';', ':']) || AGENT_MARKERS.contains(&w.of(doc.text)) {
            break;
        }
        stop_after += 1;
    }
    let find = |range: std::ops::Range<usize>| {
        range
            .into_iter()
            .find_map(|k| phrase_at(doc, words, k, group_stems()))
            .map(|(_, role, sp)| (role, sp))
    };
    find(first..stop_after).or_else(|| {
        let from = first.saturating_sub(6);
        (from..first)
            .rev()
            .find_map(|k| phrase_at(doc, words, k, group_stems()))
            .map(|(_, role, sp)| (role, sp))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first row that matches, by a scan of every row in order.
    fn scan(rows: &[Row], text: &str) -> Option<(&'static str, &'static str, usize)> {
        rows.iter()
            .find_map(|&(stem, role)| Some((stem, role, match_stem(text, stem)?)))
    }

    #[test]
    fn joined_takes_the_group_before_only_when_it_names_none() {
        let span = Span::new(0, 1);
        let own = Counted {
            what: Some("killed"),
            group: None,
        };
        let prev = Counted {
            what: Some("injured"),
            group: Some(("protesters", span)),
        };
        let took = Counted {
            group: prev.group,
            ..own
        };
        assert_eq!(own.joined(Some(&prev)), took);
        assert_eq!(own.joined(None), own);
        let named = Counted {
            group: Some(("troops", span)),
            ..own
        };
        assert_eq!(named.joined(Some(&prev)), named);
    }

    #[test]
    fn counted_each_reads_the_figures_that_a_sentence_holds() {
        let t = crate::text::normalize(
            "13 members of the security forces were killed. Dozens were hurt, said Tokayev.",
        );
        let seg = crate::text::segment(t.as_str());
        let doc = Doc::english(t.as_str(), &seg);
        let quantities = crate::extract::quantities(&doc);
        assert!(quantities.len() >= 2, "{quantities:?}");
        let per = per_sentence::contained(&seg.sentences, &quantities, |q| q.span);
        let each = CountedEach::new(&doc, &per);
        for q in &quantities {
            let si = (seg.sentences.iter())
                .position(|s| s.span.contains(q.span))
                .expect("a sentence holds it");
            let read = counted(&doc, &words_of(&doc, si), q);
            assert_eq!(each.of(q, None), Some(read), "{q:?}");
        }
        let first = each.of(&quantities[0], None).expect("read");
        assert_eq!(first.group.map(|g| g.0), Some("security_forces"));
        // A figure across two sentences belongs to neither.
        let mut across = quantities[0].clone();
        across.span = Span::new(across.span.start, t.as_str().len());
        assert_eq!(each.of(&across, None), None);
    }

    #[test]
    fn match_stem_over_ascii_is_the_character_match() {
        let stems = ["kill", "arrest", "don't", "a", "tué", "ab"];
        let texts = [
            "killed",
            "KILLED",
            "kil",
            "\u{212a}illed",
            "arrested",
            "don’t",
            "don't go",
            "a",
            "",
            "Tués",
            "ab",
            "aB x",
            "éa",
        ];
        for stem in stems {
            for text in texts {
                let want = match_stem_chars(text, stem);
                assert_eq!(match_stem(text, stem), want, "{stem} {text}");
            }
        }
        assert_eq!(match_stem("KILLED", "kill"), Some(4));
        assert_eq!(match_stem("\u{212a}illed", "kill"), Some(6));
    }

    #[test]
    fn stems_answer_as_a_scan_of_their_rows() {
        let lists: [Vec<Row>; 3] = [
            records::TRIGGERS.to_vec(),
            records::STATUS_CUES.to_vec(),
            vec![
                ("a", "1"),
                ("ab", "2"),
                ("a", "3"),
                ("b", "4"),
                ("é", "5"),
                ("éta", "6"),
            ],
        ];
        for rows in lists {
            let stems = Stems::new(rows.iter().copied());
            let mut texts: Vec<String> = rows.iter().map(|r| r.0.to_string()).collect();
            for r in &rows {
                texts.push(format!("{} x", r.0.to_uppercase()));
                texts.push(r.0.chars().take(1).collect());
                texts.push(r.0.chars().take(2).collect::<String>() + "zz");
            }
            texts.extend(["", "a", "A", "Ab", "É", "x", "’s"].map(String::from));
            for t in &texts {
                assert_eq!(stems.at(t), scan(&rows, t), "{t:?}");
            }
        }
    }

    #[test]
    fn happenings_answer_as_the_longest_stem_of_a_scan() {
        let scan = |word: &str| {
            let lower: String = word.chars().map(fold).collect();
            HAPPENINGS
                .iter()
                .filter(|(stem, _)| lower.starts_with(stem))
                .max_by_key(|(stem, _)| stem.len())
                .map(|&(_, role)| role)
        };
        let mut words: Vec<String> = ["", "x", "Killed", "KILLINGS", "tués", "Погибли", "’s"]
            .map(String::from)
            .to_vec();
        for (stem, _) in HAPPENINGS {
            words.push(stem.to_string());
            words.push(format!("{}s", stem.to_uppercase()));
            words.push(stem.chars().take(3).collect());
            words.push(stem.chars().rev().collect());
        }
        for w in &words {
            assert_eq!(happening(w), scan(w), "{w:?}");
        }
        assert_eq!(happening("killings"), Some("killed"));
    }

    #[test]
    fn joins_answer_as_the_list_of_the_lower_case() {
        let mut words: Vec<String> = ["", "And", "AND", "andes", "Et", "И", "İ", "\u{212a}"]
            .map(String::from)
            .to_vec();
        for j in CLAUSE_JOINS.iter() {
            words.push(j.to_uppercase());
            words.push(format!("{j}x"));
        }
        for w in &words {
            let want = CLAUSE_JOINS.contains(&w.to_lowercase().as_str());
            assert_eq!(is_join(w), want, "{w:?}");
        }
        assert!(is_join("And") && is_join("И") && !is_join("andes"));
    }
}
