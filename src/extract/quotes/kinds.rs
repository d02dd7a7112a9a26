//! What kind of quote each pair of marks holds, and its attribution.
//!
//! The rules are tried in order: a slogan (after "chanted", or shouted by a
//! crowd); a cue after the closing mark (`," Price said`); a cue before the
//! opening mark (`Borrell added: "`); and then the sentence as a whole: a
//! whole statement is direct speech (continuing the last speaker when no
//! cue names one), a short phrase after an article is a scare quote, and a
//! fragment with a cue elsewhere in the sentence is partial.

use super::cues::{attribution_at, sentence_cue_speaker};
use super::lexicon::{has, honorific_dot, is_cue, is_plural_noun, is_say};
use super::marks::{mark_at, Marks};
use super::reading::{NameCase, Reading};
use super::sets::CHANT_CUES;
use super::{Attr, Found, QuoteKind};
use crate::text::{count_words, TokenKind};

/// The kind and attribution of the quote between `marks[mi]`, given the
/// quotes `found` before it.
pub(super) fn classify(rd: &Reading, marks: &[Marks], mi: usize, found: &[Found]) -> Found {
    let q = Quoted::new(rd, marks, mi);
    q.slogan()
        .or_else(|| q.cue_after_close())
        .or_else(|| q.cue_before_open())
        .unwrap_or_else(|| q.by_sentence(found))
}

/// A pair of quote marks in its sentence.
struct Quoted<'r, 'a> {
    rd: &'r Reading<'a>,
    marks: &'r [Marks],
    /// Which of `marks` this is.
    mi: usize,
    /// The word of the opening mark and the first word after the closing one.
    open: usize,
    after: usize,
    /// The sentence of the opening mark, its first and end word.
    sent: usize,
    sa: usize,
    se: usize,
    /// Whether the word after the closing mark is in the sentence that closes the quote.
    after_in_sentence: bool,
    /// The quoted words, and how many there are up to six (the most a rule asks for).
    content: &'a str,
    n_words: usize,
    /// A quote opening in lower case continues a sentence: `..., "and we will`.
    lower_start: bool,
    /// Whether the quote opens its sentence (after a dash or bracket at most).
    starts_sentence: bool,
}

impl<'r, 'a> Quoted<'r, 'a> {
    fn new(rd: &'r Reading<'a>, marks: &'r [Marks], mi: usize) -> Quoted<'r, 'a> {
        let m = marks[mi];
        let open = rd.at(m.span.start);
        let after = rd.at(m.span.end);
        let sent = rd.get(open).map_or(0, |t| t.sentence);
        let (sa, se) = rd.sentence(sent).unwrap_or((0, 0));
        let close_sent = rd.get(after.saturating_sub(1)).map(|t| t.sentence);
        let after_in_sentence = rd
            .get(after)
            .is_some_and(|t| Some(t.sentence) == close_sent);
        let content = m.content.of(rd.text);
        let lower_start = content.chars().next().is_some_and(char::is_lowercase);
        let starts_sentence = !lower_start && open == sa
            || (sa..open).all(|k| matches!(rd[k].text, "-" | "(" | "[" | "—"));
        Quoted {
            rd,
            marks,
            mi,
            open,
            after,
            sent,
            sa,
            se,
            after_in_sentence,
            content,
            n_words: count_words(content, 6),
            lower_start,
            starts_sentence,
        }
    }

    /// The finding for this quote with `kind` and `attr`.
    fn found(&self, kind: QuoteKind, attr: Option<Attr>) -> Found {
        let m = self.marks[self.mi];
        Found {
            span: m.span,
            content: m.content,
            kind,
            attr,
            continues: None,
        }
    }

    /// Whether word `k` is inside other quote marks, which attribution walks
    /// stay out of.
    fn in_other(&self, k: usize) -> bool {
        mark_at(self.marks, self.rd[k].span.start).is_some_and(|j| j != self.mi)
    }

    /// A slogan: `chanted "...!"`, `slogans such as "..."`, or a crowd
    /// shouting (`Protesters shouted "...!"`).
    fn slogan(&self) -> Option<Found> {
        let rd = self.rd;
        let lo = self.open.saturating_sub(4).max(self.sa);
        let chant = (lo..self.open).any(|k| has(&CHANT_CUES, &rd[k].lower));
        let crowd_shout = (lo..self.open).any(|k| {
            matches!(
                rd[k].lower.as_str(),
                "shouted" | "yelled" | "cried" | "scandé" | "riefen" | "gritaban" | "gritaron"
            ) && k > 0
                && is_plural_noun(&rd[k - 1].lower)
                && !rd[k - 1].lower.ends_with("'s")
        });
        (chant || crowd_shout).then(|| self.found(QuoteKind::Slogan, None))
    }

    /// A cue after the closing mark: `," Price said`, `," added Mr.
    /// Dujarric`, `, he told AFP`.
    fn cue_after_close(&self) -> Option<Found> {
        if !self.after_in_sentence {
            return None;
        }
        let rd = self.rd;
        let comma_after = rd
            .get(self.after)
            .is_some_and(|t| t.text == "," || t.text == "-");
        let k = if comma_after {
            self.after + 1
        } else {
            self.after
        };
        let punct_inside = self.content.ends_with([',', '.', '!', '?', '…']);
        if !(punct_inside || comma_after || self.starts_sentence) {
            return None;
        }
        let c = self.say_after(k)?;
        let a = attribution_at(rd, c, k, None);
        a.speaker.as_ref()?;
        let direct = self.starts_sentence || self.n_words >= 6 && punct_inside && !self.lower_start;
        Some(self.found(kind(direct), Some(a)))
    }

    /// The first speech cue within nine words from `k`, before any punctuation.
    fn say_after(&self, k: usize) -> Option<usize> {
        let rd = self.rd;
        for c in k..(k + 9).min(rd.len()) {
            if rd[c].kind == TokenKind::Punct && !honorific_dot(rd, c, 0) {
                return None;
            }
            if is_say(rd, c) {
                return Some(c);
            }
        }
        None
    }

    /// A cue before the opening mark: `Borrell added: "..."`, `said, "..."`.
    fn cue_before_open(&self) -> Option<Found> {
        if self.open <= self.sa {
            return None;
        }
        let rd = self.rd;
        let intro = matches!(rd[self.open - 1].text, ":" | ",");
        let k = if intro { self.open - 1 } else { self.open };
        let c = self.say_before(k)?;
        let prev = sentence_cue_speaker(rd, self.sa, c, &|j| self.in_other(j));
        let a = attribution_at(rd, c, self.sa, prev);
        a.speaker.as_ref()?;
        let direct = intro
            && !self.lower_start
            && (self.n_words >= 4 || self.content.ends_with(['.', '!', '?']));
        Some(self.found(kind(direct), Some(a)))
    }

    /// A speech cue outside other quotes in the four words before `k`, with
    /// up to three words between it and the quote ("told reporters:").
    fn say_before(&self, k: usize) -> Option<usize> {
        for c in (self.sa..k).rev().take(4) {
            if is_say(self.rd, c) && !self.in_other(c) {
                return Some(c);
            }
            if self.rd[c].kind == TokenKind::Punct {
                return None;
            }
        }
        None
    }

    /// No cue next to the marks: the sentence decides, with a cue elsewhere
    /// in it, outside quote marks.
    fn by_sentence(&self, found: &[Found]) -> Found {
        let before = (self.sa..self.open).rev().find(|&c| self.is_outer_cue(c));
        let after = (self.after.max(self.sa)..self.se).find(|&c| self.is_outer_cue(c));
        let attr = before
            .and_then(|c| self.cue_attr(c))
            .or_else(|| after.and_then(|c| self.cue_attr(c)));
        if self.is_statement() {
            return self.statement(attr, found);
        }
        if self.names_a_thing(before) {
            return self.found(QuoteKind::Scare, None);
        }
        if attr.is_some() {
            return self.found(QuoteKind::Partial, attr);
        }
        let kind = if self.n_words >= 5 {
            QuoteKind::Partial
        } else {
            QuoteKind::Scare
        };
        self.found(kind, None)
    }

    /// Whether word `c` is a cue of the sentence outside any quote marks.
    fn is_outer_cue(&self, c: usize) -> bool {
        let m = self.marks[self.mi];
        let at = self.rd[c].span.start;
        !(self.in_other(c) || m.span.start <= at && at < m.span.end) && is_cue(self.rd, c)
    }

    /// The attribution of cue `c`, when it names a speaker.
    fn cue_attr(&self, c: usize) -> Option<Attr> {
        let prev = sentence_cue_speaker(self.rd, self.sa, c, &|j| self.in_other(j));
        Some(attribution_at(self.rd, c, self.sa, prev)).filter(|a| a.speaker.is_some())
    }

    /// Whether the quote is a whole statement opening its sentence: three
    /// words or more, or a complete sentence.
    fn is_statement(&self) -> bool {
        let whole_sentence =
            self.content.ends_with(['.', '!', '?', '…']) && !self.content.ends_with("...");
        self.starts_sentence && (self.n_words >= 3 || whole_sentence)
    }

    /// A whole statement is direct speech: by the sentence's cue, or else
    /// continuing the speaker before it.
    fn statement(&self, attr: Option<Attr>, found: &[Found]) -> Found {
        let mut f = self.found(QuoteKind::Direct, attr);
        if f.attr.is_none() {
            if let Some((a, after)) = continuing(self.rd, found, self.sent) {
                f.attr = Some(a);
                f.continues = after;
            }
        }
        f
    }

    /// A scare quote naming a thing: the "counter-terrorism" operation (one
    /// or two words after an article or possessive, a lower-case word after
    /// them, and no cue just before).
    fn names_a_thing(&self, cue_before: Option<usize>) -> bool {
        let rd = self.rd;
        self.n_words <= 2
            && self.open > self.sa
            && matches!(
                rd[self.open - 1].lower.as_str(),
                "the" | "a" | "an" | "its" | "this" | "their" | "his" | "her" | "so-called"
            )
            && rd
                .get(self.after)
                .is_some_and(|t| t.is_word() && !t.is_cap())
            && cue_before.is_none_or(|c| c + 3 < self.open)
    }
}

/// Direct speech or a partial quote.
fn kind(direct: bool) -> QuoteKind {
    if direct {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    }
}

/// The speaker of a quote with no cue in its sentence: the previous quote's,
/// when it is in the same or the previous paragraph, or an introduction
/// ending with a colon. With the previous quote's speaker comes where that
/// quote ended.
fn continuing(rd: &Reading, found: &[Found], sent: usize) -> Option<(Attr, Option<usize>)> {
    let para = rd.paragraph_of(sent)?;
    if let Some(a) = colon_intro(rd, sent) {
        return Some((a, None));
    }
    let prev = found.iter().rev().find(|f| f.kind == QuoteKind::Direct)?;
    let ps = rd.get(rd.at(prev.span.start))?.sentence;
    let pp = rd.paragraph_of(ps)?;
    if para.saturating_sub(pp) <= 1 {
        prev.attr.clone().map(|a| (a, Some(prev.span.end)))
    } else {
        None
    }
}

/// "He said:" as the sentence before `sent`: the attribution of its cue.
fn colon_intro(rd: &Reading, sent: usize) -> Option<Attr> {
    if sent == 0 {
        return None;
    }
    let (a, e) = rd.bounds(sent - 1);
    if !(e > a && rd[e - 1].text == ":") {
        return None;
    }
    (a..e - 1)
        .rev()
        .take(4)
        .filter(|&c| is_say(rd, c))
        .map(|c| attribution_at(rd, c, a, None))
        .find(|at| at.speaker.is_some())
}
