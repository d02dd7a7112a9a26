//! Words to capitalized runs: the candidates the classifier labels.

use super::cues;
use crate::extract::word_set::is_function_word;
use crate::extract::Doc;
use crate::lexicon::Place;
use crate::text::hash::FastSet;
use crate::text::{has_hyphen, with_lower, Span, Token, TokenKind};
use std::cell::Cell;
use std::ops::Range;

/// One word of a candidate, trimmed of possessives and hyphen prefixes.
#[derive(Clone, Debug)]
pub struct Piece {
    pub span: Span,
    /// A lower-case joiner inside a run ("of", "von", "&").
    pub connector: bool,
    /// Written in capitals only ("CSTO", "U.S.").
    pub allcaps: bool,
    /// The first word of its sentence (or of a quote, a list item).
    pub initial: bool,
    /// The gazetteer entry of the word, asked once, when a rule first needs
    /// it: the classifier's steps ask it of the same piece up to five times.
    /// Asked only of a read run, whose spans no longer change.
    place: Cell<Option<Option<Place>>>,
    /// Whether the word is a demonym, and whether a title: asked once, as the place.
    demonym: Cell<Option<bool>>,
    title: Cell<Option<bool>>,
}

/// The answer kept in `cell`, else `ask()`'s, kept there. A plain cell of a
/// copied answer (`None` until asked), not a `OnceCell`: its first answer is
/// set inline, where a `OnceCell` calls out to guard against being set again
/// from inside `ask`, which no rule does; pieces and rules ask tens of
/// thousands of such answers in a long text.
#[inline]
pub(super) fn asked_once<T: Copy>(cell: &Cell<Option<T>>, ask: impl FnOnce() -> T) -> T {
    if let Some(answer) = cell.get() {
        return answer;
    }
    let answer = ask();
    cell.set(Some(answer));
    answer
}

impl Piece {
    fn new(span: Span, connector: bool, allcaps: bool, initial: bool) -> Piece {
        Piece {
            span,
            connector,
            allcaps,
            initial,
            place: Cell::new(None),
            demonym: Cell::new(None),
            title: Cell::new(None),
        }
    }

    /// [`place_of`](super::kept::place_of) the word, in the analysis `text`.
    pub fn place(&self, text: &str) -> Option<Place> {
        asked_once(&self.place, || super::kept::place_of(self.span.of(text)))
    }

    /// Whether the word is a demonym ([`crate::lexicon::demonym`]).
    pub fn is_demonym(&self, text: &str) -> bool {
        asked_once(&self.demonym, || {
            crate::lexicon::demonym(self.span.of(text)).is_some()
        })
    }

    /// Whether the word is a title ([`cues::is_title`]).
    pub fn is_title(&self, text: &str) -> bool {
        asked_once(&self.title, || cues::is_title(self.span.of(text)))
    }
}

/// A run of capitalized pieces with the connectors kept between them.
#[derive(Clone, Copy, Debug)]
pub struct Run<'p> {
    pub pieces: &'p [Piece],
    /// Token index of the first piece, and one past the last.
    pub first_tok: usize,
    pub end_tok: usize,
}

/// What the whole document says about a capitalized word.
#[derive(Default)]
pub struct Evidence<'a> {
    /// Words written capitalized somewhere other than a sentence start or a headline.
    pub mid_caps: FastSet<&'a str>,
    /// Which sentences are headlines.
    pub headlines: Vec<bool>,
    /// Words written in lower case somewhere.
    pub lower: LowerWords<'a>,
}

/// The words an article writes in lower case. Nearly every word of the
/// article goes in, and most have seven bytes or fewer: those are kept as one
/// number, their bytes and their length, which hashes and compares in a few
/// instructions where a string needs a call to compare its bytes.
///
/// The longer ones are kept as bytes too: the article's words are read as
/// bytes, and a lower-case one is never sliced as text.
#[derive(Default)]
pub struct LowerWords<'a> {
    short: FastSet<u64>,
    long: FastSet<&'a [u8]>,
}

impl<'a> LowerWords<'a> {
    fn with_capacity(words: usize) -> LowerWords<'a> {
        LowerWords {
            short: FastSet::with_capacity_and_hasher(words, Default::default()),
            long: FastSet::with_capacity_and_hasher(words / 4, Default::default()),
        }
    }

    fn insert(&mut self, w: &'a [u8]) {
        match packed(w) {
            Some(key) => self.short.insert(key),
            None => self.long.insert(w),
        };
    }

    /// Whether the article writes `w` in lower case.
    pub fn contains(&self, w: &str) -> bool {
        let w = w.as_bytes();
        match packed(w) {
            Some(key) => self.short.contains(&key),
            None => self.long.contains(w),
        }
    }
}

/// A word of up to seven bytes as one number: its bytes, little-endian, and
/// its length in the top byte, so that two words give the same number only
/// when they are the same word. `None` for a longer word.
fn packed(b: &[u8]) -> Option<u64> {
    let n = b.len();
    let bytes = match n {
        0..=3 => b.iter().rev().fold(0, |acc, &x| acc << 8 | u64::from(x)),
        // Two overlapping halves: together they hold every byte in its place.
        4..=7 => {
            let low = u32::from_le_bytes(b[..4].try_into().expect("four bytes"));
            let high = u32::from_le_bytes(b[n - 4..].try_into().expect("four bytes"));
            u64::from(low) | u64::from(high) << ((n - 4) * 8)
        }
        _ => return None,
    };
    Some(bytes | (n as u64) << 56)
}

/// The runs of an article's sentences ([`read`]): every run's pieces in one
/// buffer, in text order.
pub struct ArticleRuns {
    pieces: Vec<Piece>,
    /// Each run: its pieces in `pieces`, its first token and one past its last.
    runs: Vec<(Range<usize>, usize, usize)>,
    /// Where each sentence's runs end in `runs`.
    sentence_ends: Vec<usize>,
}

impl ArticleRuns {
    /// How many runs the article has.
    pub fn len(&self) -> usize {
        self.runs.len()
    }

    /// The capitalized runs of sentence `i`.
    pub fn sentence(&self, i: usize) -> impl Iterator<Item = Run<'_>> {
        let start = i.checked_sub(1).map_or(0, |j| self.sentence_ends[j]);
        self.runs[start..self.sentence_ends[i]]
            .iter()
            .map(|(pieces, first_tok, end_tok)| Run {
                pieces: &self.pieces[pieces.clone()],
                first_tok: *first_tok,
                end_tok: *end_tok,
            })
    }
}

/// What the whole of `doc` says about its words, and the capitalized runs of
/// its sentences: both read in one pass over its tokens.
pub fn read<'a>(doc: &Doc<'a>) -> (Evidence<'a>, ArticleRuns) {
    // Sized for a short article's words at once, instead of grown from nothing.
    let words = (doc.seg.tokens.len() / 2).min(1024);
    let mut ev = Evidence {
        mid_caps: FastSet::with_capacity_and_hasher(words / 4, Default::default()),
        headlines: Vec::with_capacity(doc.seg.sentences.len()),
        lower: LowerWords::with_capacity(words),
    };
    // About one token in six is a capitalized word, and most runs are one
    // word: sized for that at once, instead of grown through every size.
    let tokens = doc.seg.tokens.len();
    let mut b = Runs {
        text: doc.text,
        pieces: Vec::with_capacity(tokens / 4),
        run_start: 0,
        runs: Vec::with_capacity(tokens / 6),
        pending: Vec::new(),
        first_tok: 0,
        initial: true,
    };
    let mut sentence_ends = Vec::with_capacity(doc.seg.sentences.len());
    for (i, sentence) in doc.seg.sentences.iter().enumerate() {
        let headline = is_headline(doc, i);
        ev.headlines.push(headline);
        let toks = &doc.seg.tokens[sentence.first_token..sentence.end_token];
        b.initial = true;
        for (k, t) in toks.iter().enumerate() {
            let ti = sentence.first_token + k;
            if t.kind != TokenKind::Word {
                b.other(toks, k, ti);
                continue;
            }
            // Read as bytes: a word that opens with an ASCII byte, as
            // nearly all do, is told capitalized or not by that byte, and
            // a lower-case one is kept without slicing the text at
            // character boundaries.
            let bytes = &doc.text.as_bytes()[t.span.range()];
            let core = &bytes[..possessive_len(bytes).unwrap_or(bytes.len())];
            let cap = match core.first() {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => is_cap(&doc.text[t.span.start..t.span.start + core.len()]),
            };
            // The word opens the sentence, a quote or a list item as the
            // runs have it: such a capital says nothing of the word.
            if !cap {
                ev.lower.insert(core);
            } else if !b.initial && !headline {
                ev.mid_caps
                    .insert(&doc.text[t.span.start..t.span.start + core.len()]);
            }
            b.word(t, ti, bytes);
        }
        b.close(sentence.end_token);
        sentence_ends.push(b.runs.len());
    }
    let runs = ArticleRuns {
        pieces: b.pieces,
        runs: b.runs,
        sentence_ends,
    };
    (ev, runs)
}

fn opens(p: &str) -> bool {
    matches!(
        p,
        "\"" | "(" | ":" | "•" | "*" | "«" | "'" | "-" | "[" | "#" | "|" | ">"
    )
}

/// `("Russia", true)` for "Russia's", `("Ukraine", false)` for "Ukraine".
pub fn strip_possessive(w: &str) -> (&str, bool) {
    match possessive_len(w.as_bytes()) {
        Some(keep) => (&w[..keep], true),
        None => (w, false),
    }
}

/// The length of `w` without its possessive, when it has one.
fn possessive_len(w: &[u8]) -> Option<usize> {
    // Every possessive ends in "s", "S" or an apostrophe: most words end in
    // another byte, and have no possessive to look for.
    if !matches!(w.last(), Some(b's' | b'S' | b'\'')) {
        return None;
    }
    for suffix in [b"'s", b"'S", b"s'"] {
        if w.len() > suffix.len() + 1 && w.ends_with(suffix) {
            let keep = if suffix == b"s'" {
                w.len() - 1
            } else {
                w.len() - 2
            };
            return Some(keep);
        }
    }
    if w.len() > 1 && w.ends_with(b"'") {
        return Some(w.len() - 1);
    }
    None
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Two letters or more, all capitals ("CSTO", "U.S."). Most capitalized
/// words have a small letter second: the capitals are checked first, and the
/// letters counted only of a word that has no small one.
fn is_allcaps(w: &str) -> bool {
    let mut letters = w.chars().filter(|c| c.is_alphabetic());
    letters.clone().all(char::is_uppercase) && letters.nth(1).is_some()
}

/// A title-case line: "Russia Ally Kazakhstan Blocks Ukraine Peace Rally".
pub fn is_headline(doc: &Doc, i: usize) -> bool {
    let toks = doc.seg.sentence_tokens(i);
    let ends = doc.seg.sentences[i].span.of(doc.text).trim_end();
    let words = || {
        toks.iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.span.of(doc.text))
    };
    // The long words: four letters or more (fewer than four bytes are fewer
    // than four letters), not function words.
    let is_long =
        |w: &str| w.len() >= 4 && w.chars().nth(3).is_some() && !with_lower(w, is_function_word);
    // A line of more than 20 words is no headline.
    if ends.ends_with('.') {
        // After a full stop only a line of capitals is a headline, of four
        // long words or more. Most lines are such sentences, which their first
        // long lower-case word settles: their words are counted as they are
        // read, and the capitalized ones are looked up only in a line that
        // has no long lower-case word.
        for (n, w) in words().enumerate() {
            if n == 20 || !is_cap(w) && is_long(w) {
                return false;
            }
        }
        return words().filter(|w| is_long(w)).nth(3).is_some();
    }
    if words().nth(20).is_some() {
        return false;
    }
    // Four fifths of the long words capitalized, of three or more.
    let (mut long, mut caps) = (0, 0);
    for w in words().filter(|w| is_long(w)) {
        long += 1;
        caps += usize::from(is_cap(w));
    }
    long >= 3 && caps * 5 >= long * 4
}

/// [`token_at`](crate::text::Segmentation::token_at) a byte `at` within the
/// words of a run, tokens `first_tok` to `end_tok` (exclusive): the same
/// index, searched among the run's few tokens instead of the article's. The
/// run's first word starts at or after its first token, and its last word ends
/// before the token after it starts: no token outside the run can be the answer.
pub fn token_in_run(doc: &Doc, first_tok: usize, end_tok: usize, at: usize) -> usize {
    let run = &doc.seg.tokens[first_tok..end_tok];
    let i = first_tok + run.partition_point(|t| t.span.start < at);
    debug_assert_eq!(i, doc.seg.token_at(at));
    i
}

/// A lower-case joiner kept inside a run ("of", "&", "von").
fn connector(span: Span) -> Piece {
    Piece::new(span, true, false, false)
}

/// The runs of an article's sentences as their tokens are read.
struct Runs<'a> {
    text: &'a str,
    /// The pieces of the runs read, then of the run being built.
    pieces: Vec<Piece>,
    /// Where the run being built starts in `pieces`.
    run_start: usize,
    /// The runs read: their pieces, first token and one past their last.
    runs: Vec<(Range<usize>, usize, usize)>,
    /// Connectors read after the run being built, waiting for the next capitalized word.
    pending: Vec<Piece>,
    /// Token index of the run's first piece.
    first_tok: usize,
    /// Whether the next word opens the sentence, a quote or a list item.
    initial: bool,
}

impl Runs<'_> {
    /// The pieces of the run being built.
    fn cur(&self) -> &[Piece] {
        &self.pieces[self.run_start..]
    }

    /// Whether a run is being built.
    fn in_run(&self) -> bool {
        self.pieces.len() > self.run_start
    }

    /// Ends the current run before token `end`, dropping waiting connectors.
    #[inline]
    fn close(&mut self, end: usize) {
        self.pending.clear();
        if self.in_run() {
            let end_piece = self.pieces.len();
            self.runs
                .push((self.run_start..end_piece, self.first_tok, end));
            self.run_start = end_piece;
        }
    }

    /// A token that is not a word, `k` in the sentence and `ti` in the text:
    /// "&" joins, an abbreviation's period stays, anything else ends the run.
    fn other(&mut self, toks: &[Token], k: usize, ti: usize) {
        let t = &toks[k];
        let w = t.span.of(self.text);
        let punct = t.kind == TokenKind::Punct && self.in_run();
        if punct && w == "&" {
            self.pending.push(connector(t.span));
        } else if punct && w == "." && self.pending.is_empty() {
            if !self.abbreviation_period(toks, k) {
                self.close(ti);
            }
        } else {
            self.close(ti);
            self.initial = self.initial || opens(w) || w.ends_with(':') || k == 0;
        }
    }

    /// "J. Smith", "Mr. Smith": the period belongs to the abbreviation before
    /// it when a capitalized word follows.
    fn abbreviation_period(&mut self, toks: &[Token], k: usize) -> bool {
        let text = self.text;
        let t = &toks[k];
        let last = self.pieces.last_mut().expect("a run is open");
        let lw = last.span.of(text);
        let glued = last.span.end == t.span.start
            && (lw.chars().count() == 1 || cues::is_title(lw))
            && toks.get(k + 1).is_some_and(|n| is_cap(n.span.of(text)));
        if glued {
            last.span.end = t.span.end;
        }
        glued
    }

    /// A word, token `ti` with the text's `bytes`: a capitalized piece joins
    /// the run (or starts one), a lower-case joiner waits, any other word ends
    /// the run.
    fn word(&mut self, t: &Token, ti: usize, bytes: &[u8]) {
        let was_initial = std::mem::replace(&mut self.initial, false);
        // Most words start with a small ASCII letter and follow no run: such a
        // word without a hyphen ("pro-Tokayev", "al-Burhan") is no piece and
        // no joiner, and there is no run to end (nor connectors, which wait
        // only after a run). Told by the first byte and a hyphen test, before
        // the word is read letter by letter.
        if !self.in_run() && bytes.first().is_some_and(u8::is_ascii_lowercase) && !has_hyphen(bytes)
        {
            return;
        }
        let w = t.span.of(self.text);
        // Lower-case ASCII letters only, most words of a text: no capital,
        // possessive or hyphen to cut, so the word is what it is.
        if is_plain_lower(w) {
            self.lower(w, t.span, ti);
            return;
        }
        let cut = WordCut::of(t.span, w);
        let piece_text = cut.span.of(self.text);
        // "al-Burhan", "el-Sisi": a particle glued to a name, asked only of a
        // lower-case word with a hyphen.
        let particle_name = || {
            cut.hyphen
                && piece_text
                    .split_once('-')
                    .is_some_and(|(a, b)| cues::is_particle(a) && is_cap(b))
        };
        if !is_cap(piece_text) && !particle_name() {
            // Most lower-case words follow no run: the joiner test only after one.
            let joiner = || {
                matches!(piece_text, "of" | "for" | "and" | "on" | "the")
                    || cues::is_particle(piece_text)
            };
            if self.in_run() && self.pending.len() < 3 && joiner() {
                self.pending.push(connector(cut.span));
            } else {
                self.close(ti);
            }
            return;
        }
        let piece = Piece::new(cut.span, false, is_allcaps(piece_text), was_initial);
        if cut.boundary_before {
            self.close(ti);
        }
        if self.in_run() && !self.pending.is_empty() && !joins(self.text, self.cur(), &self.pending)
        {
            self.close(ti);
        }
        if !self.in_run() {
            self.first_tok = ti;
        }
        self.pieces.append(&mut self.pending);
        self.pieces.push(piece);
        if cut.boundary_after {
            self.close(ti + 1);
        }
    }

    /// A word that is no capitalized piece, `piece_text` at `span`: a joiner
    /// waits for the next capitalized word, any other word ends the run.
    fn lower(&mut self, piece_text: &str, span: Span, ti: usize) {
        // Most lower-case words follow no run: the joiner test only after one.
        let joiner = || {
            matches!(piece_text, "of" | "for" | "and" | "on" | "the")
                || cues::is_particle(piece_text)
        };
        if self.in_run() && self.pending.len() < 3 && joiner() {
            self.pending.push(connector(span));
        } else {
            self.close(ti);
        }
    }
}

/// Whether `w` is lower-case ASCII letters only ("said", "the"): the
/// commonest word, which [`WordCut`] leaves whole and which is never
/// capitalized.
fn is_plain_lower(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_lowercase())
}

/// The name part of a word and whether a run must end before or after it.
struct WordCut {
    span: Span,
    boundary_before: bool,
    boundary_after: bool,
    /// Whether the word (without a possessive) has a hyphen: a word without
    /// one is no particle glued to a name.
    hyphen: bool,
}

impl WordCut {
    /// `w` at `span`, without a possessive ("Russia's"), and cut at a hyphen:
    /// "Moscow-led" keeps "Moscow", "pro-Tokayev" keeps "Tokayev", while "Lai
    /// Ching-te" and "al-Burhan" stay whole.
    fn of(span: Span, w: &str) -> WordCut {
        let (core, possessive) = strip_possessive(w);
        let mut cut = WordCut {
            span: Span::new(span.start, span.start + core.len()),
            boundary_before: false,
            boundary_after: possessive,
            hyphen: has_hyphen(core.as_bytes()),
        };
        if !cut.hyphen {
            return cut;
        }
        let parts: Vec<&str> = core.split('-').collect();
        let first = parts[0];
        if is_cap(first) {
            if !is_name_syllables(&parts) && parts[1..].iter().any(|p| is_compound_tail(p)) {
                // "Moscow-led", "Russia-backed": only the name.
                cut.span.end = cut.span.start + first.len();
                cut.boundary_after = true;
            }
        } else if !cues::is_particle(first) {
            // "pro-Tokayev", "anti-Putin": the name after the prefix.
            let at = core
                .find(|c: char| c.is_uppercase())
                .filter(|&at| core[..at].ends_with('-'));
            if let Some(at) = at {
                cut.span.start += at;
                cut.boundary_before = true;
            }
        }
        cut
    }
}

/// Two short syllables of a romanized given name ("Kwok-kin", "Ching-te",
/// "Wai-ching"), though the second may spell an English word ("kin", "wan").
fn is_name_syllables(parts: &[&str]) -> bool {
    let short = |p: &str, n: usize| p.chars().count() <= n;
    let [first, tail] = parts else {
        return false;
    };
    short(first, 5)
        && short(tail, 5)
        && tail.chars().all(|c| c.is_ascii_lowercase())
        && !tail.ends_with("ed")
        && !cues::is_compound_tail(tail)
}

/// The part after a capitalized word's hyphen that makes a compound, not a
/// name: a word ("led", "based"), or a participle ("backed", "speaking").
fn is_compound_tail(p: &str) -> bool {
    !p.is_empty()
        && !is_cap(p)
        && !cues::is_particle(p)
        && ((p.len() >= 3 && crate::lexicon::is_dictionary_word(p))
            || p.ends_with("ed")
            || p.ends_with("ing"))
}

/// Whether `run` + `conn` + the capitalized word after them is one name.
fn joins(text: &str, run: &[Piece], conn: &[Piece]) -> bool {
    let words: Vec<&str> = conn.iter().map(|p| p.span.of(text)).collect();
    let last = run[run.len() - 1].span.of(text);
    let head = run
        .iter()
        .find(|p| !p.connector)
        .map(|p| p.span.of(text))
        .unwrap_or(last);
    let orgish = |w: &str| cues::is_org_head(w) || cues::is_org_suffix(w) || cues::is_place_head(w);
    match words.as_slice() {
        ["&"] => true,
        ["of"] | ["of", "the"] => {
            orgish(last) || cues::is_title(last) || matches!(last, "States" | "Secretary" | "Bank")
        }
        ["for"] | ["on"] | ["for", "the"] | ["on", "the"] => {
            cues::is_org_head(last) || cues::is_org_suffix(last) || cues::is_org_head(head)
        }
        // Lists are cut again by the classifier unless the whole is one name.
        ["and"] => true,
        ["the"] | ["and", "the"] => false,
        ws => ws.iter().all(|w| cues::is_particle(w)) && super::kept::place(last).is_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allcaps_are_two_capitals_or_more_and_no_small_letter() {
        let cases = [
            ("CSTO", true),
            ("U.S.", true),
            ("ÉTAT", true),
            ("M5S", true),
            ("G7", false),
            ("A", false),
            ("", false),
            ("Moscow", false),
            ("McDONALD", false),
            ("NATO's", false),
        ];
        for (w, allcaps) in cases {
            assert_eq!(is_allcaps(w), allcaps, "{w}");
        }
    }

    #[test]
    fn lower_words_hold_what_went_in() {
        let words = [
            "", "a", "ab", "abc", "abcd", "abcdefg", "abcdefgh", "état", "said",
        ];
        let mut set = LowerWords::with_capacity(4);
        for w in words {
            set.insert(w.as_bytes());
        }
        for w in words {
            assert!(set.contains(w), "{w}");
        }
        for w in [
            "abce", "abcdefh", "bcd", "ab\0", "abcdefgi", "Said", "aid", "sai",
        ] {
            assert!(!set.contains(w), "{w}");
        }
        // Packed words differ whenever their bytes or lengths do.
        let all: Vec<u64> = words.iter().filter_map(|w| packed(w.as_bytes())).collect();
        let distinct: FastSet<u64> = all.iter().copied().collect();
        assert_eq!(distinct.len(), all.len());
        assert_eq!(packed(b"abcdefgh"), None);
    }

    #[test]
    fn plain_lower_words_are_left_whole() {
        let cases = [
            ("said", true),
            ("x", true),
            ("", true),
            ("Said", false),
            ("don't", false),
            ("officials'", false),
            ("pro-Tokayev", false),
            ("al-Burhan", false),
            ("état", false),
            ("co2", false),
        ];
        for (w, plain) in cases {
            assert_eq!(is_plain_lower(w), plain, "{w}");
            if plain {
                // What the full cut makes of it: the word itself, no capital.
                let cut = WordCut::of(Span::new(3, 3 + w.len()), w);
                assert_eq!(cut.span, Span::new(3, 3 + w.len()), "{w}");
                assert!(!cut.boundary_before && !cut.boundary_after && !cut.hyphen);
                assert!(!is_cap(w));
            }
        }
    }

    #[test]
    fn headlines_are_lines_of_capitals() {
        let cases = [
            ("Russia Ally Kazakhstan Blocks Ukraine Peace Rally", true),
            // Four fifths of the long words capitalized, without a full stop.
            ("Russia Ally Kazakhstan blocks Ukraine Peace Rally", true),
            ("Russia Ally Kazakhstan blocks peace rally", false),
            ("Kazakhstan Blocks Rally", true),
            ("Kazakhstan Blocks", false),
            // After a full stop, capitals only, and four long words or more.
            ("Russia Ally Kazakhstan Blocks Ukraine Rally.", true),
            ("Russia Ally Kazakhstan Blocks Ukraine rally.", false),
            ("Kazakhstan Blocks The Rally.", false),
            ("Kazakhstan Blocks Ukraine Rally.", true),
            // Function words are not long words, whatever their case.
            ("Kazakhstan Blocks With Rally About Them.", false),
            ("Kazakhstan blocks with the rally about them.", false),
            // A line of more than 20 words is none.
            (&"Russia Blocks ".repeat(10), true),
            (&"Russia Blocks ".repeat(11), false),
            ("Russia Blocks Rally.", false),
        ];
        for (text, headline) in cases {
            let seg = crate::text::segment(text);
            let doc = Doc::english(text, &seg);
            assert_eq!(seg.sentences.len(), 1, "{text}");
            assert_eq!(is_headline(&doc, 0), headline, "{text}");
        }
    }

    /// A run as pieces (text, connector) and its first and end token,
    /// counted from its sentence's first token.
    type Read = (Vec<(String, bool)>, usize, usize);

    /// The runs of sentence `i` of `text`, in a comparable form.
    fn read_sentence(text: &str, i: usize) -> Vec<Read> {
        let seg = crate::text::segment(text);
        let doc = Doc::english(text, &seg);
        let first = seg.sentences[i].first_token;
        let (_, runs) = read(&doc);
        runs.sentence(i)
            .map(|r| {
                let pieces = r.pieces.iter();
                let pieces = pieces.map(|p| (p.span.of(text).to_string(), p.connector));
                (pieces.collect(), r.first_tok - first, r.end_tok - first)
            })
            .collect()
    }

    #[test]
    fn a_sentence_reads_the_same_in_its_article_as_alone() {
        // Many runs, then one short one, then long ones again: one
        // sentence's pieces and runs must not leak into the next one's.
        let text = "Kazakh President Kassym-Jomart Tokayev met Bank of England and CSTO \
                    officials in Almaty, Astana and Moscow. Tokayev left, and it rained. \
                    The Collective Security Treaty Organization sent troops to Almaty.";
        let seg = crate::text::segment(text);
        assert_eq!(seg.sentences.len(), 3);
        for (i, sentence) in seg.sentences.iter().enumerate() {
            let alone = read_sentence(sentence.span.of(text), 0);
            assert_eq!(read_sentence(text, i), alone, "sentence {i}");
        }
        assert_eq!(read_sentence(text, 1).len(), 1);
        assert_eq!(read_sentence(text, 2).len(), 2);
    }
}
