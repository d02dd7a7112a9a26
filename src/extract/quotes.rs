//! Quotes and their speakers.
//!
//! | type | what it is |
//! | --- | --- |
//! | [`Quote`] | one quote: its span, the quoted words, its [`QuoteKind`], the speaker and the cue |
//! | [`QuoteKind`] | direct, partial, indirect, scare quote or slogan |
//!
//! ```
//! use storydiff::extract::{quotes, Doc, QuoteKind};
//! use storydiff::text;
//! let t = text::normalize("US spokesman Ned Price spoke. “We urge restraint,” Price said.");
//! let seg = text::segment(t.as_str());
//! let doc = Doc { text: t.as_str(), seg: &seg, anchor: None, language: Some("en") };
//! let q = &quotes::extract(&doc, &[])[0];
//! assert_eq!(q.content.of(t.as_str()), "We urge restraint,");
//! assert_eq!(q.kind, QuoteKind::Direct);
//! assert_eq!(q.speaker.as_deref(), Some("Ned Price"));
//! ```
//!
//! ## How it works
//!
//! 1. Quote marks are paired per paragraph (`"` after normalization, and
//!    guillemets); marks inside a guillemet quote are nested. A paragraph
//!    that leaves a quote open continues it into the next paragraph when
//!    that one opens with a quote mark (the newspaper convention), and
//!    otherwise closes it at its end.
//! 2. Each quote looks for its attribution: a speech cue ("said", "told",
//!    "added", "according to", and their French, German, Spanish, Italian
//!    and Russian forms) after the closing mark (`"...," Price said`,
//!    `"...," added Mr. Dujarric`) or before the opening one
//!    (`Borrell added: "..."`), then anywhere in its sentence (`accused
//!    foreign-trained "terrorist gangs"` takes the speaker of "accused").
//! 3. The speaker is the noun phrase next to the cue: the subject before
//!    it (skipping "on Thursday", "also", "has"), or after an inverted cue
//!    ("said Ned Price, spokesman"); an apposition ("One of these
//!    activists, Alnour Iliachev, told AFP") takes the name; "who" takes
//!    its antecedent. A name is cut after its titles ("Kazakh President
//!    Kassym-Jomart Tokayev" is "Kassym-Jomart Tokayev") and then
//!    lengthened to the fullest form the article gives ("Price" is "Ned
//!    Price").
//!
//!    Entity mentions confirm and lengthen that phrase; they never replace
//!    it. A person mention names the speaker only when it lies inside the
//!    phrase found at the cue, the rest of the phrase is at most an
//!    honorific, a title or a particle ("Mr. Dujarric", "de Moraes"), and
//!    the mention's name contains the phrase's words: "Tanaka" linked to
//!    "Hiroshi Tanaka" gives the full name, but "Die Presse" does not
//!    replace "the editor of Die Presse", nor "Andes Copper" "Southern
//!    Andes Copper". Titles the recognizer left in a name are cut
//!    ("Seismologist Hiroshi Tanaka"), and the name is lengthened like any
//!    other ("Van Dijk" is "Pieter van Dijk").
//! 4. Pronouns ("he told AFP", "a-t-il ajouté", a dropped subject as in
//!    `"...", dijo.`) resolve to the last person mentioned before them: a
//!    person entity (not one inside a quote, not a phrase opening with an
//!    article such as "Die Grünen", not a place), a person who was quoted,
//!    a name after a title or role or in apposition, or a later mention of
//!    any of these ("Ruto" after "William Ruto"). "it said" and "they said" take the organisation or
//!    group quoted just before.
//! 5. Quotes without a cue: a whole sentence continues the last speaker of
//!    the same or previous paragraph, unless another person was named in
//!    between; a short fragment is a scare quote; a quote after "chanted",
//!    "slogans such as", "signs reading", or shouted by a crowd, is a slogan.
//!    A quote opening in lower case continues a split quote (partial).
//! 6. Indirect speech: "X said (that) ...", "..., X said." and "according
//!    to X, ..." give the reported clause as the quote's span. Verbs other
//!    than "say", "tell", "claim" and a few more need "that" ("stressed the
//!    country's neutrality" is no reported speech).
//!
//! Quality is measured by `cargo run --release --example quote_eval` on the
//! sets in `tests/eval/quotes/` (their README gives the first scores of the
//! sets written after tuning, the honest estimate for unseen text).

use super::{Doc, EntityLabel, EntityMention};
use crate::lexicon::lists::names::PARTICLES;
use crate::lexicon::lists::quotes::{
    ARTICLES, CHANT_CUES, CLAUSE_WITHOUT_THAT, COORDINATORS, HONORIFICS, INDIRECT_CUES,
    NOT_CLAUSE_OPENERS, ORG_HEADS, PHRASE_BREAKS, PRONOUNS, PRO_DROP_CUES, REPORTING_VERBS,
    ROLE_NOUNS, SENTENCE_STARTERS, SKIPPED_NEAR_CUE, SPEAKER_ARTICLES, SPEAKER_OPENERS,
    SPEAKER_STOPS, SPEECH_VERBS, TITLES,
};
use crate::lexicon::lists::sources::CUES as SOURCE_CUES;
use crate::text::{Span, TokenKind};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A whole quoted statement: "We call on all Kazakhstanis ...," Price said.
    Direct,
    /// A quoted fragment inside reported speech: accused "terrorist gangs" of ...
    Partial,
    /// Reported speech without quote marks: Moscow said it would consult ...
    Indirect,
    /// Quote marks that distance or name rather than report speech: "counter-terrorism" operation.
    Scare,
    /// A chant or slogan: "freedom for political prisoners!"
    Slogan,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quote {
    /// The quote including its marks (for indirect speech: the reported clause).
    pub span: Span,
    /// The quoted words alone.
    pub content: Span,
    pub kind: QuoteKind,
    /// Who said it, by the name the article uses for them.
    pub speaker: Option<String>,
    /// Where the speaker is named for this quote (possibly a pronoun).
    pub speaker_span: Option<Span>,
    /// The speech verb or cue ("told AFP", "said", "added").
    pub cue: Option<Span>,
}

/// Finds the quotes of `doc`, attributing speakers with the help of `entities`.
pub fn extract(doc: &Doc, entities: &[EntityMention]) -> Vec<Quote> {
    let tk = Toks::new(doc);
    let names = NameIndex::build(&tk, entities);
    let marks = pair_marks(doc.text, &doc.seg.paragraphs);
    let mut found: Vec<Found> = Vec::new();
    let mut used_cues: HashSet<usize> = HashSet::new();
    for (mi, m) in marks.iter().enumerate() {
        let f = classify(&tk, &marks, mi, m, &found);
        if let Some(a) = &f.attr {
            used_cues.insert(a.cue);
        }
        found.push(f);
    }
    for si in 0..doc.seg.sentences.len() {
        indirect(&tk, &marks, si, &used_cues, &mut found);
    }
    found.sort_by_key(|f| f.span.start);
    resolve(&tk, &names, entities, &mut found);
    found
        .into_iter()
        .map(|f| {
            let (speaker, speaker_span) = match f.attr.as_ref().and_then(|a| a.speaker.clone()) {
                Some((s, sp)) => (Some(s), Some(sp)),
                None => (None, None),
            };
            Quote {
                span: f.span,
                content: f.content,
                kind: f.kind,
                speaker,
                speaker_span,
                cue: f.attr.as_ref().map(|a| tk.t[a.cue].span),
            }
        })
        .collect()
}

/// The source of the figures in sentence `si`, where the sentence states one
/// ("according to the Interior Ministry", "State television reported").
pub(crate) struct Sources<'a> {
    tk: Toks<'a>,
}

impl<'a> Sources<'a> {
    pub(crate) fn new(doc: &Doc<'a>) -> Sources<'a> {
        Sources { tk: Toks::new(doc) }
    }

    /// The source of the figures in sentence `si`, where the sentence states one
    /// ("according to the Interior Ministry", "State television reported").
    pub(crate) fn of(&self, si: usize) -> Option<String> {
        let tk = &self.tk;
        let &(first, end) = tk.sent.get(si)?;
        for k in first..end {
            let l = tk.t[k].lower.as_str();
            if !(has(SOURCE_CUES, l) || l == "according" && tk.is(k + 1, "to")) {
                continue;
            }
            if let Some(a) = attribution_at(tk, k, first, None) {
                if let Some((name, _)) = a.speaker {
                    if !is_pronoun(&name.to_lowercase()) {
                        return Some(name);
                    }
                }
            }
        }
        None
    }
}

/// A token with its text, lower-cased.
struct T<'a> {
    span: Span,
    kind: TokenKind,
    text: &'a str,
    lower: String,
    sentence: usize,
}

impl T<'_> {
    fn is_cap(&self) -> bool {
        if self.kind != TokenKind::Word {
            return false;
        }
        if self.text.chars().next().is_some_and(char::is_uppercase) {
            return true;
        }
        // "al-Ansari", "el-Sisi", "d'Estaing", "bin-Salman".
        ["al-", "el-", "d'", "bin-", "ibn-", "ben-"]
            .iter()
            .any(|p| {
                self.text
                    .strip_prefix(p)
                    .and_then(|r| r.chars().next())
                    .is_some_and(char::is_uppercase)
            })
    }
    fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

struct Toks<'a> {
    text: &'a str,
    t: Vec<T<'a>>,
    /// First and end token of each sentence.
    sent: Vec<(usize, usize)>,
    para_of_sentence: Vec<usize>,
}

impl<'a> Toks<'a> {
    fn new(doc: &Doc<'a>) -> Toks<'a> {
        let t = doc
            .seg
            .tokens
            .iter()
            .map(|t| {
                let s = t.span.of(doc.text);
                T {
                    span: t.span,
                    kind: t.kind,
                    text: s,
                    lower: s.to_lowercase(),
                    sentence: t.sentence,
                }
            })
            .collect();
        Toks {
            text: doc.text,
            t,
            sent: doc
                .seg
                .sentences
                .iter()
                .map(|s| (s.first_token, s.end_token))
                .collect(),
            para_of_sentence: doc.seg.sentences.iter().map(|s| s.paragraph).collect(),
        }
    }
    fn is(&self, k: usize, w: &str) -> bool {
        self.t.get(k).is_some_and(|t| t.lower == w)
    }
    /// The first token starting at or after byte `at`.
    fn at(&self, at: usize) -> usize {
        self.t.partition_point(|t| t.span.start < at)
    }
}

/// A pair of quote marks.
#[derive(Clone, Copy, Debug)]
struct Marks {
    /// From the opening mark to the end of the closing one.
    span: Span,
    content: Span,
}

/// Pairs quote marks paragraph by paragraph.
fn pair_marks(text: &str, paragraphs: &[Span]) -> Vec<Marks> {
    // The opening and closing mark of each kind: straight quotes, guillemets
    // and the reversed guillemets of German and Danish ("»Ja«, sagte sie").
    const KINDS: [(char, char); 3] = [('"', '"'), ('«', '»'), ('»', '«')];
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None; // position, kind
    let mut depth = 0usize; // nesting inside a guillemet quote
    let mut skip_reopen = false;
    for (pi, p) in paragraphs.iter().enumerate() {
        let s = p.of(text);
        for (off, c) in s.char_indices() {
            let at = p.start + off;
            if skip_reopen {
                skip_reopen = false;
                if open.is_some_and(|(_, k)| KINDS[k].0 == c) {
                    continue;
                }
            }
            let next_is_word = s[off + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(|n| !n.is_whitespace());
            match open {
                None => {
                    let kind = match c {
                        '"' => Some(0),
                        '«' => Some(1),
                        '»' if next_is_word => Some(2),
                        _ => None,
                    };
                    if let Some(k) = kind {
                        open = Some((at, k));
                        depth = 1;
                    }
                }
                Some((o, k)) => {
                    let (opener, closer) = KINDS[k];
                    if c == closer {
                        depth -= 1;
                        if depth == 0 {
                            out.push(marks(text, o, at + c.len_utf8(), k != 0));
                            open = None;
                        }
                    } else if c == opener && k != 0 && (k == 1 || next_is_word) {
                        depth += 1;
                    }
                }
            }
        }
        if let Some((o, k)) = open {
            let next_opens = paragraphs
                .get(pi + 1)
                .is_some_and(|n| n.of(text).starts_with(KINDS[k].0));
            if next_opens {
                skip_reopen = true;
            } else {
                if p.end > o + 1 {
                    out.push(marks(text, o, p.end, k != 0));
                }
                open = None;
                depth = 0;
            }
        }
    }
    out.retain(|m| !m.content.is_empty());
    out
}

/// The index of the quote containing byte `at` (quotes are in order and do not overlap).
fn mark_at(marks: &[Marks], at: usize) -> Option<usize> {
    let i = marks.partition_point(|m| m.span.start <= at);
    i.checked_sub(1).filter(|&j| at < marks[j].span.end)
}

fn marks(text: &str, open: usize, end: usize, guillemets: bool) -> Marks {
    let open_len = if guillemets { '«'.len_utf8() } else { 1 };
    let inner_end = if text[..end].ends_with('"') && !guillemets {
        end - 1
    } else if guillemets && text[..end].ends_with(['»', '«']) {
        end - '»'.len_utf8()
    } else {
        end
    };
    let inner_start = (open + open_len).min(inner_end);
    let inner = &text[inner_start..inner_end];
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim();
    Marks {
        span: Span::new(open, end),
        content: Span::new(inner_start + lead, inner_start + lead + trimmed.len()),
    }
}

/// A finding before pronouns and short names are resolved.
struct Found {
    span: Span,
    content: Span,
    kind: QuoteKind,
    attr: Option<Attr>,
    /// For a quote that continues an earlier one's speaker: where that quote ended.
    continues: Option<usize>,
}

#[derive(Clone, Debug)]
struct Attr {
    /// The cue token.
    cue: usize,
    /// The speaker as written and where.
    speaker: Option<(String, Span)>,
}

/// Whether `w` is in `list`, a sorted word list.
fn has(list: &[&str], w: &str) -> bool {
    list.binary_search(&w).is_ok()
}

/// Whom a subject pronoun is resolved to (the `role` of `PRONOUNS`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pronoun {
    /// The last person named before it: "he", "sie", "él".
    Person,
    /// The last plural organisation or group quoted shortly before: "they".
    Group,
    /// The last organisation or group quoted shortly before: "it".
    Thing,
    /// No one: "we" stays as written.
    Kept,
}

/// What the subject pronoun `w` (lower case) stands for, if it is one.
fn pronoun(w: &str) -> Option<Pronoun> {
    let i = PRONOUNS.binary_search_by_key(&w, |&(p, _)| p).ok()?;
    Some(match PRONOUNS[i].1 {
        "person" => Pronoun::Person,
        "group" => Pronoun::Group,
        "thing" => Pronoun::Thing,
        _ => Pronoun::Kept,
    })
}

fn is_pronoun(w: &str) -> bool {
    pronoun(w).is_some()
}

fn is_title(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    if has(ROLE_NOUNS, w) || w.ends_with("ologist") {
        return true;
    }
    // "GDL-Chef", "Bahn-Personalvorstand": the part after the hyphen.
    if let Some((_, tail)) = w.rsplit_once('-') {
        if !tail.is_empty() && (has(TITLES, tail) || has(ROLE_NOUNS, tail)) {
            return true;
        }
    }
    // "Tourist", "Astrophysicist"; compounds ending in a title: "Ministerpräsident", "CDU-Ministerpräsident".
    if w.len() > 6 && w.ends_with("ist") && !w.ends_with("christ") {
        return true;
    }
    if TITLES
        .iter()
        .chain(ROLE_NOUNS)
        .any(|t| t.chars().count() >= 6 && w.len() > t.len() && w.ends_with(t))
    {
        return true;
    }
    has(TITLES, w)
        || w.split('-')
            .next()
            .is_some_and(|p| has(TITLES, p) && w.contains('-'))
}

fn classify(tk: &Toks, marks: &[Marks], mi: usize, m: &Marks, found: &[Found]) -> Found {
    let text = tk.text;
    let open_tok = tk.at(m.span.start);
    let after_tok = tk.at(m.span.end);
    let sent = tk.t.get(open_tok).map_or(0, |t| t.sentence);
    let (s_first, _) = tk.sent.get(sent).copied().unwrap_or((0, 0));
    let close_sent = tk.t.get(after_tok.saturating_sub(1)).map(|t| t.sentence);
    let after_sent =
        tk.t.get(after_tok)
            .map(|t| t.sentence)
            .filter(|s| Some(*s) == close_sent);
    let content = m.content.of(text);
    let n_words = content.split_whitespace().count();
    // A quote opening in lower case continues a sentence: "..., "and we will".
    let lower_start = content.chars().next().is_some_and(char::is_lowercase);
    let starts_sentence = !lower_start && open_tok == s_first
        || (s_first..open_tok).all(|k| matches!(tk.t[k].text, "-" | "(" | "[" | "—"));
    let mut f = Found {
        span: m.span,
        content: m.content,
        kind: QuoteKind::Scare,
        attr: None,
        continues: None,
    };
    // Other quote marks, to keep attribution walks out of them.
    let in_other = |k: usize| mark_at(marks, tk.t[k].span.start).is_some_and(|j| j != mi);

    // A slogan: "chanted "...!"", "slogans such as "..."".
    let lo = open_tok.saturating_sub(4).max(s_first);
    if (lo..open_tok).any(|k| has(CHANT_CUES, tk.t[k].lower.as_str())) {
        f.kind = QuoteKind::Slogan;
        return f;
    }
    // A crowd shouting: "Protesters shouted "...!"".
    let crowd_shout = (lo..open_tok).any(|k| {
        matches!(
            tk.t[k].lower.as_str(),
            "shouted" | "yelled" | "cried" | "scandé" | "riefen" | "gritaban" | "gritaron"
        ) && k > 0
            && is_plural_noun(&tk.t[k - 1].lower)
            && !tk.t[k - 1].lower.ends_with("'s")
    });
    if crowd_shout {
        f.kind = QuoteKind::Slogan;
        return f;
    }

    // After the closing mark: `," Price said`, `," added Mr. Dujarric`, `, he told AFP`.
    if after_sent.is_some() {
        let mut k = after_tok;
        if tk.t.get(k).is_some_and(|t| t.text == "," || t.text == "-") {
            k += 1;
        }
        let punct_inside = content.ends_with([',', '.', '!', '?', '…']);
        let comma_after =
            tk.t.get(after_tok)
                .is_some_and(|t| t.text == "," || t.text == "-");
        if punct_inside || comma_after || starts_sentence {
            let limit = (k + 9).min(tk.t.len());
            for c in k..limit {
                let t = &tk.t[c];
                if t.kind == TokenKind::Punct
                    && !(t.text == "." && c > 0 && has(HONORIFICS, tk.t[c - 1].lower.as_str()))
                {
                    break;
                }
                if is_say(tk, c) {
                    if let Some(a) = attribution_at(tk, c, k, None) {
                        if a.speaker.is_some() {
                            f.kind = if starts_sentence
                                || n_words >= 6 && punct_inside && !lower_start
                            {
                                QuoteKind::Direct
                            } else {
                                QuoteKind::Partial
                            };
                            f.attr = Some(a);
                            return f;
                        }
                    }
                    break;
                }
            }
        }
    }

    // Before the opening mark: `Borrell added: "..."`, `said, "..."`.
    if open_tok > s_first {
        let mut k = open_tok;
        let intro = tk.t[k - 1].text == ":" || tk.t[k - 1].text == ",";
        if intro {
            k -= 1;
        }
        // Up to three words between the cue and the quote ("told reporters:").
        for c in (s_first..k).rev().take(4) {
            if is_say(tk, c) && !in_other(c) {
                let prev = sentence_cue_speaker(tk, s_first, c, &in_other);
                if let Some(a) = attribution_at(tk, c, s_first, prev) {
                    if a.speaker.is_some() {
                        f.kind = if intro
                            && !lower_start
                            && (n_words >= 4 || content.ends_with(['.', '!', '?']))
                        {
                            QuoteKind::Direct
                        } else {
                            QuoteKind::Partial
                        };
                        f.attr = Some(a);
                        return f;
                    }
                }
                break;
            }
            if tk.t[c].kind == TokenKind::Punct {
                break;
            }
        }
    }

    // A cue elsewhere in the sentence, outside quote marks.
    let (sa, se) = tk.sent.get(sent).copied().unwrap_or((0, 0));
    let is_cue = |c: usize| {
        !(in_other(c) || m.span.start <= tk.t[c].span.start && tk.t[c].span.start < m.span.end)
            && (is_say(tk, c) || has(REPORTING_VERBS, tk.t[c].lower.as_str()))
    };
    let before = (sa..open_tok).rev().find(|&c| is_cue(c));
    let after = (after_tok.max(sa)..se).find(|&c| is_cue(c));
    let modifier = n_words <= 2
        && open_tok > sa
        && matches!(
            tk.t[open_tok - 1].lower.as_str(),
            "the" | "a" | "an" | "its" | "this" | "their" | "his" | "her" | "so-called"
        )
        && tk
            .t
            .get(after_tok)
            .is_some_and(|t| t.is_word() && !t.is_cap())
        && before.is_none_or(|c| c + 3 < open_tok);
    let cue_attr = |c: usize| {
        let prev = sentence_cue_speaker(tk, sa, c, &in_other);
        attribution_at(tk, c, sa, prev)
    };
    let attr = before
        .and_then(cue_attr)
        .filter(|a| a.speaker.is_some())
        .or_else(|| after.and_then(cue_attr).filter(|a| a.speaker.is_some()));
    let whole_sentence = content.ends_with(['.', '!', '?', '…']) && !content.ends_with("...");
    if starts_sentence && (n_words >= 3 || whole_sentence) {
        f.kind = QuoteKind::Direct;
        f.attr = attr;
        if f.attr.is_none() {
            if let Some((a, after)) = continuing(tk, found, sent) {
                f.attr = Some(a);
                f.continues = after;
            }
        }
        return f;
    }
    if modifier {
        return f; // a scare quote naming a thing: the "counter-terrorism" operation
    }
    if let Some(a) = attr {
        f.kind = QuoteKind::Partial;
        f.attr = Some(a);
        return f;
    }
    if n_words >= 5 {
        f.kind = QuoteKind::Partial;
    }
    f
}

/// The speaker of a quote with no cue in its sentence: the previous quote's,
/// when it is in the same or the previous paragraph, or an introduction
/// ending with a colon.
fn continuing(tk: &Toks, found: &[Found], sent: usize) -> Option<(Attr, Option<usize>)> {
    let para = *tk.para_of_sentence.get(sent)?;
    // "He said:" as the previous sentence.
    if sent > 0 {
        let (a, e) = tk.sent[sent - 1];
        if e > a && tk.t[e - 1].text == ":" {
            for c in (a..e - 1).rev().take(4) {
                if is_say(tk, c) {
                    if let Some(at) = attribution_at(tk, c, a, None) {
                        if at.speaker.is_some() {
                            return Some((at, None));
                        }
                    }
                }
            }
        }
    }
    let prev = found.iter().rev().find(|f| f.kind == QuoteKind::Direct)?;
    let ps = tk.t.get(tk.at(prev.span.start))?.sentence;
    let pp = *tk.para_of_sentence.get(ps)?;
    if para.saturating_sub(pp) <= 1 {
        prev.attr.clone().map(|a| (a, Some(prev.span.end)))
    } else {
        None
    }
}

/// The speaker of the nearest cue before `c` in the sentence (for "X expressed ... and added: ...").
fn sentence_cue_speaker(
    tk: &Toks,
    sa: usize,
    c: usize,
    in_other: &dyn Fn(usize) -> bool,
) -> Option<(String, Span)> {
    // Left to right, each cue falling back on the speaker of the one before.
    let mut last = None;
    for p in sa..c {
        if in_other(p) {
            continue;
        }
        if is_say(tk, p) || has(REPORTING_VERBS, tk.t[p].lower.as_str()) {
            if let Some(a) = attribution_at(tk, p, sa, last.clone()) {
                if a.speaker.is_some() {
                    last = a.speaker;
                }
            }
        }
    }
    last
}

fn is_say(tk: &Toks, c: usize) -> bool {
    let l = tk.t[c].lower.as_str();
    if l == "according" {
        return tk.is(c + 1, "to");
    }
    if l == "pointed" {
        return tk.is(c + 1, "out");
    }
    if l == "so" {
        // German "..., so Scholz."
        return false;
    }
    has(SPEECH_VERBS, l) || inverted_pronoun(l).is_some_and(|(stem, _)| has(SPEECH_VERBS, stem))
}

/// French inversion in one token: "explique-t-elle" is ("explique", "elle").
fn inverted_pronoun(l: &str) -> Option<(&str, &'static str)> {
    for (suffix, pronoun) in [
        ("-t-il", "il"),
        ("-t-elle", "elle"),
        ("-il", "il"),
        ("-elle", "elle"),
        ("-ils", "ils"),
        ("-elles", "elles"),
    ] {
        if let Some(stem) = l.strip_suffix(suffix) {
            if !stem.is_empty() {
                return Some((stem, pronoun));
            }
        }
    }
    None
}

/// The attribution of cue token `c`, looking no further left than `left`.
/// `fallback` is the speaker of an earlier cue of the sentence, for
/// coordinated verbs ("expressed ... and added").
fn attribution_at(
    tk: &Toks,
    c: usize,
    left: usize,
    fallback: Option<(String, Span)>,
) -> Option<Attr> {
    let cue_l = tk.t[c].lower.as_str();
    let sent = tk.t[c].sentence;
    let (sa, se) = tk.sent[sent];
    let left = left.max(sa);
    // "according to X", "selon X", "laut X", "según X".
    if matches!(cue_l, "according" | "selon" | "laut" | "según" | "secondo") {
        let start = if cue_l == "according" { c + 2 } else { c + 1 };
        let speaker = np_after(tk, start, se);
        return Some(Attr { cue: c, speaker });
    }
    if let Some((_, pronoun)) = inverted_pronoun(cue_l) {
        return Some(Attr {
            cue: c,
            speaker: Some((pronoun.to_string(), tk.t[c].span)),
        });
    }
    // A participle ("citing", "arguing") modifies the noun before it: its
    // speaker is the clause's, given by an earlier cue.
    if cue_l.ends_with("ing") {
        // "Karamanlis resigned, saying ...": else the sentence's subject.
        let speaker = fallback.or_else(|| {
            let comma_before = c > sa && tk.t[c - 1].text == ",";
            comma_before.then(|| sentence_subject(tk, sa, c)).flatten()
        });
        return Some(Attr { cue: c, speaker });
    }
    // Walk back over adverbs and auxiliaries.
    let mut k = c;
    while k > left && has(SKIPPED_NEAR_CUE, tk.t[k - 1].lower.as_str()) && !tk.t[k - 1].is_cap() {
        k -= 1;
    }
    while k > left && tk.t[k - 1].is_cap() && is_weekday(&tk.t[k - 1].lower) {
        k -= 1;
        if k > left && tk.is(k - 1, "on") {
            k -= 1;
        }
    }
    let mut end_np = k;
    let mut a = k;
    while a > left && end_np - a < 10 {
        let t = &tk.t[a - 1];
        let honorific_dot = t.text == "." && a >= 2 && has(HONORIFICS, tk.t[a - 2].lower.as_str());
        if honorific_dot {
            a -= 1;
            continue;
        }
        // "Activists in Kazakhstan said": a place after a plural or a role.
        let postmodifier = matches!(t.lower.as_str(), "in" | "from" | "at")
            && a >= 2
            && a < end_np
            && (has(ROLE_NOUNS, tk.t[a - 2].lower.as_str())
                || has(ORG_HEADS, tk.t[a - 2].lower.as_str())
                || is_plural_noun(&tk.t[a - 2].lower));
        if !postmodifier && (!t.is_word() || has(PHRASE_BREAKS, t.lower.as_str()) && !t.is_cap()) {
            // "France on the other hand has urged": step over an adverbial phrase.
            let adverbial = matches!(t.lower.as_str(), "on" | "in" | "at" | "for" | "by")
                && a < end_np
                && (a..end_np).all(|j| !tk.t[j].is_cap())
                && a >= 2
                && tk.t[a - 2].is_cap();
            if adverbial {
                a -= 1;
                end_np = a;
                continue;
            }
            break;
        }
        if is_say(tk, a - 1) || has(REPORTING_VERBS, t.lower.as_str()) {
            // A verb of a relative clause: "the company that maintained the bridge said".
            let relative = a >= 2
                && matches!(tk.t[a - 2].lower.as_str(), "that" | "which" | "who")
                && a < end_np;
            if !relative {
                break;
            }
        }
        a -= 1;
    }
    let end = end_np;
    // "The company that maintained the bridge said": a subject with a relative clause.
    if a < end
        && a >= 2
        && matches!(tk.t[a - 1].lower.as_str(), "that" | "which" | "who")
        && tk.t[a].lower.ends_with("ed")
        && !tk.t[a].is_cap()
    {
        let mut h = a - 1;
        while h > left
            && h + 4 > a
            && tk.t[h - 1].is_word()
            && !has(PHRASE_BREAKS, tk.t[h - 1].lower.as_str())
            && !is_say(tk, h - 1)
        {
            h -= 1;
        }
        if h < a - 1 {
            return Some(Attr {
                cue: c,
                speaker: np_speaker(tk, h, end),
            });
        }
    }
    if a < end {
        // Leading words a subject does not start with: "Separately", "However".
        while a < end
            && has(SENTENCE_STARTERS, tk.t[a].lower.as_str())
            && a + 1 < end
            && !matches!(tk.t[a].lower.as_str(), "the" | "a" | "an")
        {
            a += 1;
        }
        let np = (a, end);
        return Some(Attr {
            cue: c,
            speaker: np_speaker(tk, np.0, np.1),
        });
    }
    // Nothing right before the cue.
    let stop = tk.t.get(a.wrapping_sub(1)).filter(|_| a > 0);
    // "Tokayev, who has accused": the antecedent of "who".
    if let Some(t) = stop {
        if matches!(
            t.lower.as_str(),
            "who" | "which" | "qui" | "der" | "die" | "que" | "quien"
        ) && a >= 2
            && tk.t[a - 2].text == ","
        {
            let e = a - 2;
            let mut b = e;
            while b > left
                && tk.t[b - 1].is_word()
                && !has(PHRASE_BREAKS, tk.t[b - 1].lower.as_str())
                && e - b < 8
            {
                b -= 1;
            }
            if b < e {
                return Some(Attr {
                    cue: c,
                    speaker: np_speaker(tk, b, e),
                });
            }
        }
        // An apposition: "One of these activists, Alnour Iliachev, told AFP".
        if t.text == "," {
            if let Some(sp) = apposition(tk, left, a - 1) {
                return Some(Attr {
                    cue: c,
                    speaker: Some(sp),
                });
            }
        }
    }
    // An inverted cue: `," said Ned Price`, `announced the president of ...`.
    let mut b = c + 1;
    while b < se
        && (has(SKIPPED_NEAR_CUE, tk.t[b].lower.as_str())
            || tk.t[b].is_cap() && is_weekday(&tk.t[b].lower))
    {
        b += 1;
    }
    if let Some(sp) = np_after(tk, b, se) {
        if a == left || stop.is_some_and(|t| t.text == "," || t.text == "\"" || t.text == "-") {
            return Some(Attr {
                cue: c,
                speaker: Some(sp),
            });
        }
    }
    if let Some(sp) = fallback {
        return Some(Attr {
            cue: c,
            speaker: Some(sp),
        });
    }
    // The subject at the sentence's start: "Borrell expressed ... and added".
    if stop.is_some_and(|t| has(COORDINATORS, t.lower.as_str())) {
        if let Some(sp) = sentence_subject(tk, sa, c) {
            return Some(Attr {
                cue: c,
                speaker: Some(sp),
            });
        }
    }
    // A dropped subject: `"...", dijo.` speaks of the last person named.
    let ends =
        tk.t.get(c + 1)
            .is_none_or(|t| t.sentence != sent || matches!(t.text, "." | "!" | "?"));
    if ends && has(PRO_DROP_CUES, cue_l) {
        return Some(Attr {
            cue: c,
            speaker: Some(("él".to_string(), tk.t[c].span)),
        });
    }
    Some(Attr {
        cue: c,
        speaker: None,
    })
}

/// The subject at the start of the sentence beginning at token `sa`, when
/// it is a noun phrase before the verb: "Borrell expressed ... and added",
/// "The former president's lawyer, Celso Vilardi, called ...".
fn sentence_subject(tk: &Toks, sa: usize, c: usize) -> Option<(String, Span)> {
    let mut e = sa;
    let mut seen_cap = false;
    while e < c && e - sa < 8 {
        let t = &tk.t[e];
        let honorific_dot = t.text == "." && e > sa && has(HONORIFICS, tk.t[e - 1].lower.as_str());
        // After a name, a lower-case word is the verb: "The European Central Bank left".
        if seen_cap && !t.is_cap() && !honorific_dot && !is_particle(&t.lower) && t.lower != "of" {
            break;
        }
        if t.is_cap() && !has(SENTENCE_STARTERS, t.lower.as_str()) {
            seen_cap = true;
        }
        if !(t.is_word() || honorific_dot)
            || !honorific_dot
                && (has(PHRASE_BREAKS, t.lower.as_str())
                    || has(SKIPPED_NEAR_CUE, t.lower.as_str()) && !t.is_cap()
                    || is_say(tk, e)
                    || has(REPORTING_VERBS, t.lower.as_str())
                    || !t.is_cap()
                        && (t.lower.ends_with("ed")
                            || t.lower.ends_with('s') && e > sa && tk.t[e - 1].is_cap()))
        {
            break;
        }
        e += 1;
    }
    if e > sa {
        // "The former president's lawyer, Celso Vilardi, called ... and said".
        if tk.is(e, ",") {
            let mut f = e + 1;
            while f < c && tk.t[f].text != "," {
                f += 1;
            }
            if f < c && f > e + 1 && is_name_only(tk, e + 1, f) {
                return np_speaker(tk, e + 1, f);
            }
        }
        return np_speaker(tk, sa, e);
    }
    None
}

fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// The name in an apposition ending at the comma at token `comma`.
fn apposition(tk: &Toks, left: usize, comma: usize) -> Option<(String, Span)> {
    // Comma-separated segments before the cue, nearest first.
    let mut segs = Vec::new();
    let mut e = comma;
    let mut k = comma;
    while k > left {
        k -= 1;
        if matches!(tk.t[k].text, "," | "\"" | "«" | "»") {
            segs.push((k + 1, e));
            e = k;
            if tk.t[k].text != "," {
                break; // no further back than a quote mark
            }
        }
    }
    let from_start = k == left && !matches!(tk.t[left].text, "\"" | "«" | "»");
    if from_start {
        segs.push((left, e));
    }
    // The nearest segment that is a name alone.
    let quoted = |a: usize, b: usize| (a..b).any(|k| matches!(tk.t[k].text, "\"" | "«" | "»"));
    for &(a, b) in &segs {
        if b > a && is_name_only(tk, a, b) {
            return np_speaker(tk, a, b);
        }
    }
    // Otherwise the sentence's first segment, when it starts with a name.
    let &(a, b) = segs.last().filter(|_| from_start)?;
    if b > a && b - a <= 10 && !quoted(a, b) {
        return np_speaker(tk, a, b);
    }
    None
}

fn is_name_only(tk: &Toks, a: usize, b: usize) -> bool {
    let mut caps = 0;
    for k in a..b {
        let t = &tk.t[k];
        if t.is_cap() && !is_weekday(&t.lower) && !has(SENTENCE_STARTERS, t.lower.as_str()) {
            caps += 1;
        } else if t.text == "." && k > a && has(HONORIFICS, tk.t[k - 1].lower.as_str()) {
        } else if !is_particle(&t.lower) {
            return false;
        }
    }
    caps > 0
}

/// A noun phrase after a cue: "Ned Price, spokesman" gives "Ned Price".
fn np_after(tk: &Toks, start: usize, end: usize) -> Option<(String, Span)> {
    let first = tk.t.get(start).filter(|_| start < end)?;
    let l = first.lower.as_str();
    // "fügte er hinzu", "said he": the pronoun alone.
    if is_pronoun(l) {
        return Some((first.text.to_string(), first.span));
    }
    let mut e = start;
    while e < end && e - start < 10 {
        let t = &tk.t[e];
        let honorific_dot =
            t.text == "." && e > start && has(HONORIFICS, tk.t[e - 1].lower.as_str());
        if honorific_dot {
            e += 1;
            continue;
        }
        let lw = t.lower.as_str();
        if !t.is_word() || e > start && has(PHRASE_BREAKS, lw) && !t.is_cap() {
            break;
        }
        if e > start && (!t.is_cap() && (has(SPEAKER_STOPS, lw) || is_say(tk, e)) || is_weekday(lw))
        {
            break;
        }
        e += 1;
    }
    if e == start {
        return None;
    }
    // "said taxi driver Chinedu Okafor": a lower-case start needs a name at the end.
    let can_start = first.is_cap()
        || has(SPEAKER_OPENERS, l)
        || is_pronoun(l)
        || has(ROLE_NOUNS, l)
        || is_plural_noun(l)
        || tk.t[e - 1].is_cap();
    if !can_start {
        return None;
    }
    let found = np_speaker(tk, start, e)?;
    // "said the mayor, Anne Hidalgo": a name in apposition.
    if !is_person_like(&found.0) && tk.is(e, ",") {
        let mut f = e + 1;
        while f < end && (tk.t[f].is_cap() || is_particle(&tk.t[f].lower)) {
            f += 1;
        }
        if f > e + 1 && (f == end || tk.t[f].kind == TokenKind::Punct) {
            if let Some(n) = np_speaker(tk, e + 1, f) {
                if is_person_like(&n.0) {
                    return Some(n);
                }
            }
        }
    }
    Some(found)
}

/// The speaker named by the noun phrase `a..b`: its trailing name cut after
/// titles, a pronoun, or the phrase itself without its article.
fn np_speaker(tk: &Toks, a: usize, b: usize) -> Option<(String, Span)> {
    let mut a = a;
    while a < b && has(SPEAKER_ARTICLES, tk.t[a].lower.as_str()) {
        a += 1;
    }
    if a >= b {
        return None;
    }
    let last = &tk.t[b - 1];
    if b - a == 1 && is_pronoun(&last.lower) {
        return Some((last.text.to_string(), last.span));
    }
    // French inversion: "a-t-il ajouté", "dit-elle".
    if b - a == 1 {
        for (suffix, pronoun) in [
            ("-il", "il"),
            ("-elle", "elle"),
            ("-ils", "ils"),
            ("-elles", "elles"),
        ] {
            if last.lower.ends_with(suffix) && last.lower.len() > suffix.len() {
                return Some((pronoun.to_string(), last.span));
            }
        }
    }
    // "Marieke Jansen of ING": the name before "of"; "Federation of German Taxpayers": all of it.
    if let Some(p) = (a + 1..b).find(|&p| tk.is(p, "of")) {
        let h = &tk.t[p - 1];
        if h.is_cap() && has(ORG_HEADS, h.lower.as_str()) && last.is_cap() {
            let span = Span::new(tk.t[a].span.start, tk.t[b - 1].span.end);
            return Some((span.of(tk.text).to_string(), span));
        }
        if h.is_cap() && !is_title(&h.lower) && !has(ORG_HEADS, h.lower.as_str()) {
            if let Some(found) = trailing_name(tk, a, p) {
                if is_person_like(&found.0) {
                    return Some(found);
                }
            }
        }
    }
    if last.is_cap() && !last.lower.ends_with("'s") {
        if let Some(found) = trailing_name(tk, a, b) {
            if is_person_like(&found.0) || !has_role_head(tk, a, b) {
                return Some(found);
            }
        }
    }
    // "the request of Kazakh President Tokayev": the name after "of".
    if let Some(p) = (a + 1..b).find(|&p| tk.is(p, "of")) {
        if !has_role_head(tk, a, b) && p + 1 < b {
            return np_speaker(tk, p + 1, b);
        }
    }
    // A common noun phrase: "Kazakh officials", "the foreign ministry", "a resident of Ukraine".
    let span = Span::new(tk.t[a].span.start, tk.t[b - 1].span.end);
    Some((span.of(tk.text).to_string(), span))
}

/// Whether the phrase `a..b` is headed by a role or group before a
/// preposition: "a resident of Ukraine", "Activists in Kazakhstan".
fn has_role_head(tk: &Toks, a: usize, b: usize) -> bool {
    (a + 1..b)
        .find(|&p| matches!(tk.t[p].lower.as_str(), "of" | "in" | "from" | "at" | "for"))
        .is_some_and(|p| {
            let h = tk.t[p - 1].lower.as_str();
            has(ROLE_NOUNS, h) || is_plural_noun(h) || has(ORG_HEADS, h) || is_title(h)
        })
}

fn is_plural_noun(w: &str) -> bool {
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("ous")
        && !w.ends_with("'s")
        && !has(PHRASE_BREAKS, w)
        && !has(SKIPPED_NEAR_CUE, w)
}

/// The trailing run of capitalized words of `a..b`, cut after titles.
fn trailing_name(tk: &Toks, a: usize, b: usize) -> Option<(String, Span)> {
    let mut s = b - 1;
    let mut of_at = None;
    while s > a {
        let p = &tk.t[s - 1];
        let honorific_dot = p.text == "." && s >= 2 && has(HONORIFICS, tk.t[s - 2].lower.as_str());
        let particle = is_particle(&p.lower) && (s - 1 == a || tk.t[s - 2].is_cap());
        // "Secretary of State Antony Blinken"
        let title_of = p.lower == "of" && s >= 2 && is_title(&tk.t[s - 2].lower) && s - 1 > a;
        if title_of {
            of_at = Some(s - 1);
        }
        if (p.is_cap() && !p.lower.ends_with("'s")) || honorific_dot || particle || title_of {
            s -= 1;
        } else {
            break;
        }
    }
    // Cut after the last title (a title may also be a surname: "Catherine King").
    let mut n = s;
    for k in s..b - 1 {
        if is_title(&tk.t[k].lower) || tk.t[k].text == "." {
            n = k + 1;
        }
    }
    if let Some(o) = of_at {
        // The title's complement ("of State") runs into the name: keep two words.
        if n <= o + 1 && b >= o + 4 {
            n = b - 2;
        }
    }
    if n < b {
        s = n;
    }
    // Drop sentence starters ("Meanwhile China").
    while s + 1 < b && has(SENTENCE_STARTERS, tk.t[s].lower.as_str()) {
        s += 1;
    }
    let span = Span::new(tk.t[s].span.start, tk.t[b - 1].span.end);
    Some((span.of(tk.text).to_string(), span))
}

fn is_particle(w: &str) -> bool {
    has(PARTICLES, w)
}

/// Indirect speech in sentence `si`: "X said (that) ..." and "..., X said."
fn indirect(tk: &Toks, marks: &[Marks], si: usize, used: &HashSet<usize>, out: &mut Vec<Found>) {
    let (sa, se) = tk.sent[si];
    if se <= sa + 3 {
        return;
    }
    let inside = |k: usize| mark_at(marks, tk.t[k].span.start).is_some();
    let mut end = se;
    while end > sa && tk.t[end - 1].kind == TokenKind::Punct && tk.t[end - 1].text != "\"" {
        end -= 1;
    }
    for c in sa..se {
        if used.contains(&c) || inside(c) || !has(INDIRECT_CUES, tk.t[c].lower.as_str()) {
            continue;
        }
        if tk.t[c].lower == "according" && !tk.is(c + 1, "to") {
            continue;
        }
        let Some(attr) = attribution_at(tk, c, sa, None) else {
            continue;
        };
        let Some((_, sp)) = attr.speaker.clone() else {
            continue;
        };
        let according = matches!(
            tk.t[c].lower.as_str(),
            "according" | "selon" | "laut" | "según" | "secondo"
        );
        let speaker_after = sp.start > tk.t[c].span.start;
        // "..., X said." / "..., said X." / "..., according to X."
        let head_end = if speaker_after { c } else { tk.at(sp.start) };
        let tail_start = if speaker_after || according {
            tk.at(sp.end)
        } else {
            c + 1
        };
        let mut t = tail_start;
        while t < end
            && (has(SKIPPED_NEAR_CUE, tk.t[t].lower.as_str()) || is_weekday(&tk.t[t].lower))
        {
            t += 1;
        }
        let trailing = head_end > sa + 3
            && tk.t[head_end - 1].text == ","
            && (t >= end || tk.t[t].text == ",");
        if trailing {
            let a = sa;
            let b = head_end - 1;
            if tk.t[a].text == "\"" || tk.t[b - 1].text == "\"" || tk.t[b - 1].text == "," {
                continue;
            }
            push_indirect(tk, a, b, attr, out);
            continue;
        }
        if according {
            // "According to X, ..."
            let mut k = tk.at(sp.end);
            if tk.t.get(k).is_some_and(|t| t.text == ",") && c == sa {
                k += 1;
                if end > k + 2 {
                    push_indirect(tk, k, end, attr, out);
                }
            }
            continue;
        }
        if speaker_after {
            continue;
        }
        // "X said (on Thursday) (that) ...", "X told AFP (that) ..."
        let mut k = c + 1;
        let cue_l = tk.t[c].lower.as_str();
        if matches!(cue_l, "told" | "tells") {
            // The one told: "AFP", "reporters", "the BBC".
            let mut j = k;
            while j < end && j < k + 4 && !tk.is(j, "that") && tk.t[j].is_word() {
                j += 1;
            }
            if tk.is(j, "that") {
                k = j;
            } else if tk.t.get(k).is_some_and(|t| t.is_cap()) {
                while k < end && tk.t[k].is_cap() {
                    k += 1;
                }
            } else if matches!(
                tk.t.get(k).map(|t| t.lower.as_str()),
                Some("reporters" | "journalists" | "parliament" | "lawmakers" | "supporters")
            ) {
                k += 1;
            } else {
                continue;
            }
        }
        loop {
            if k >= end {
                break;
            }
            let l = tk.t[k].lower.as_str();
            if has(SKIPPED_NEAR_CUE, l) || is_weekday(l) {
                k += 1;
            } else if l == "in"
                && tk.is(k + 1, "a")
                && matches!(
                    tk.t.get(k + 2).map(|t| t.lower.as_str()),
                    Some("statement" | "speech" | "interview" | "post" | "tweet")
                )
            {
                k += 3;
            } else if l == "," && tk.is(k + 1, "however") {
                k += 2;
            } else {
                break;
            }
        }
        if tk.is(k, "that") || tk.is(k, "que") || tk.is(k, "dass") || tk.is(k, "che") {
            k += 1;
        } else if !has(CLAUSE_WITHOUT_THAT, cue_l) {
            // "stressed the country's neutrality" is no reported clause.
            continue;
        }
        if k + 2 >= end {
            continue;
        }
        let first = &tk.t[k];
        if matches!(first.text, "\"" | ":" | "," | "«" | "(" | "-")
            || has(NOT_CLAUSE_OPENERS, first.lower.as_str())
        {
            continue;
        }
        push_indirect(tk, k, end, attr, out);
    }
}

fn push_indirect(tk: &Toks, a: usize, b: usize, attr: Attr, out: &mut Vec<Found>) {
    let span = Span::new(tk.t[a].span.start, tk.t[b - 1].span.end);
    if out
        .iter()
        .any(|f| f.kind == QuoteKind::Indirect && f.span.overlaps(span))
    {
        return;
    }
    // A clause that is one quotation is direct speech, not indirect.
    if tk.t[a].text == "\"" && tk.t[b - 1].text == "\"" {
        return;
    }
    out.push(Found {
        span,
        content: span,
        kind: QuoteKind::Indirect,
        attr: Some(attr),
        continues: None,
    });
}

/// Names the article gives, for lengthening short names and resolving pronouns.
struct NameIndex {
    /// Every capitalized run, cut after titles: its name, position, and
    /// whether its context says it is a person (a title or role before it,
    /// an apposition, a verb after it).
    runs: Vec<(String, usize, bool)>,
    /// Where each run ends.
    run_ends: Vec<usize>,
    /// Person entities: name and position.
    entity_persons: Vec<(String, usize)>,
    /// Person-like full names (two to four words), lower-cased words and name, first seen first.
    full: Vec<(Vec<String>, String)>,
    /// Indices into `full` by last and by first word.
    by_last: HashMap<String, Vec<usize>>,
    by_first: HashMap<String, Vec<usize>>,
}

impl NameIndex {
    fn build(tk: &Toks, entities: &[EntityMention]) -> NameIndex {
        let entity_persons: Vec<(String, usize)> = entities
            .iter()
            .filter(|e| is_person_entity(e))
            .map(|e| (entity_name(e), e.span.start))
            .collect();
        let mut runs = Vec::new();
        let mut run_ends = Vec::new();
        let n = tk.t.len();
        let mut k = 0;
        while k < n {
            if !tk.t[k].is_cap() {
                k += 1;
                continue;
            }
            let s = k;
            let mut e = k;
            while e < n && tk.t[e].sentence == tk.t[s].sentence {
                let t = &tk.t[e];
                let honorific_dot =
                    t.text == "." && e > s && has(HONORIFICS, tk.t[e - 1].lower.as_str());
                let next_cap = tk.t.get(e + 1).is_some_and(|x| x.is_cap());
                let inner = e > s
                    && next_cap
                    && (is_particle(&t.lower) || t.lower == "of" && is_title(&tk.t[e - 1].lower));
                if t.is_cap() || honorific_dot || inner {
                    e += 1;
                    if t.lower.ends_with("'s") {
                        break;
                    }
                } else {
                    break;
                }
            }
            k = e.max(s + 1);
            let Some((name, span)) = np_speaker(tk, s, e) else {
                continue;
            };
            if name.ends_with("'s") || name.ends_with('.') {
                continue;
            }
            let first = tk.at(span.start);
            let before = first.checked_sub(1).map(|p| &tk.t[p]);
            let after = tk.t.get(e);
            // "the Great Barrier Reef had suffered" is no person.
            let after_article = s > 0 && matches!(tk.t[s - 1].lower.as_str(), "the" | "a" | "an");
            let personish = !after_article
                && ((s..first).any(|j| is_title(&tk.t[j].lower))
                    || before
                        .is_some_and(|p| is_title(&p.lower) || has(ROLE_NOUNS, p.lower.as_str()))
                    || after.is_some_and(|a| a.text == ",")
                        && (before.is_some_and(|p| p.text == ",")
                            || tk.t.get(e + 1).is_some_and(|n| {
                                matches!(n.lower.as_str(), "a" | "an" | "the" | "who")
                                    || has(ROLE_NOUNS, n.lower.as_str())
                                    || n.kind == TokenKind::Number
                            }))
                    || after.is_some_and(|a| {
                        a.is_word()
                            && !a.is_cap()
                            && !matches!(
                                a.lower.as_str(),
                                "of" | "and" | "or" | "in" | "at" | "on" | "for" | "to"
                            )
                    }));
            runs.push((name, span.start, personish && is_person_like_text(tk, span)));
            run_ends.push(span.end);
        }
        let mut full: Vec<(Vec<String>, String)> = Vec::new();
        let mut seen = HashSet::new();
        let names = entity_persons
            .iter()
            .map(|(n, _): &(String, usize)| n.clone())
            .chain(runs.iter().map(|(n, _, _)| n.clone()));
        for n in names {
            let words: Vec<String> = n.split_whitespace().map(str::to_lowercase).collect();
            if (2..=4).contains(&words.len()) && is_person_like(&n) && seen.insert(n.clone()) {
                full.push((words, n));
            }
        }
        let mut by_last: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, (words, _)) in full.iter().enumerate() {
            by_last
                .entry(words[words.len() - 1].clone())
                .or_default()
                .push(i);
            by_first.entry(words[0].clone()).or_default().push(i);
        }
        NameIndex {
            runs,
            run_ends,
            entity_persons,
            full,
            by_last,
            by_first,
        }
    }

    /// The fullest form of `name` the article gives, among person-like names.
    fn fullest(&self, name: &str) -> String {
        let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
        let Some(last) = name.split_whitespace().last() else {
            return name.to_string();
        };
        if !last.chars().next().is_some_and(char::is_uppercase) || words.len() > 3 {
            return name.to_string();
        }
        let mut best = name.to_string();
        let mut best_len = words.len();
        for &i in self
            .by_last
            .get(&words[words.len() - 1])
            .into_iter()
            .flatten()
        {
            let (fw, f) = &self.full[i];
            if fw.len() > best_len && fw.ends_with(&words) {
                best = f.clone();
                best_len = fw.len();
            }
        }
        // Surname first ("Cho" for "Cho Kyoo-hong").
        if best_len == words.len() && words.len() == 1 {
            for &i in self.by_first.get(&words[0]).into_iter().flatten() {
                let (fw, f) = &self.full[i];
                if fw.len() <= 3 && fw.len() > best_len {
                    best = f.clone();
                    best_len = fw.len();
                }
            }
        }
        best
    }
}

fn is_person_like_text(tk: &Toks, span: Span) -> bool {
    is_person_like(span.of(tk.text))
}

fn is_person_like(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(last) = words.last() else {
        return false;
    };
    let l = last.to_lowercase();
    words.len() >= 2
        && !has(ORG_HEADS, l.as_str())
        && !words.iter().any(|w| {
            let w = w.to_lowercase();
            is_pronoun(&w) || has(SENTENCE_STARTERS, w.as_str()) || is_weekday(&w)
        })
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || is_particle(w))
        && !words
            .iter()
            .any(|w| has(ORG_HEADS, w.to_lowercase().as_str()))
}

/// The name of a person entity without the titles and roles the recognizer
/// may have left in front ("Seismologist Hiroshi Tanaka", "Bahn-Personalvorstand
/// Martin Seiler", "Mr. Dujarric").
fn entity_name(e: &EntityMention) -> String {
    let words: Vec<&str> = e.name.split_whitespace().collect();
    let mut s = 0;
    while s + 1 < words.len() {
        let w = words[s].to_lowercase();
        let w = w.trim_end_matches('.');
        if !(is_title(w) || has(HONORIFICS, w)) {
            break;
        }
        s += 1;
    }
    words[s..].join(" ")
}

/// Whether `e` is a person entity whose name can be a person's: the
/// recognizer also labels phrases opening with an article ("Die Grünen",
/// "La Vanguardia") and some places as persons, and those must not take a
/// pronoun ("sagte er").
fn is_person_entity(e: &EntityMention) -> bool {
    let first = e
        .name
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    e.label == EntityLabel::Person
        && !has(ARTICLES, first.as_str())
        && crate::lexicon::place(&e.name).is_none()
        && !e
            .name
            .split_whitespace()
            .any(|w| has(ORG_HEADS, w.to_lowercase().as_str()))
}

/// Whether the person entity `e`, overlapping the speaker phrase `name` at
/// `sp`, is that speaker. An entity is not trusted over the phrase when it
/// covers only part of it ("the editor of Die Presse", "Southern Andes
/// Copper": the rest is more than an honorific or a particle), when it runs
/// past it (the quote module cut those words as titles), or when its name
/// does not contain the phrase's words (a mention linked to someone else).
fn confirms(tk: &Toks, e: &EntityMention, name: &str, sp: Span) -> bool {
    if !sp.contains(e.span) {
        return false;
    }
    let a = tk.at(sp.start);
    let b = tk.at(sp.end);
    let extra_ok = (a..b).filter(|&k| !e.span.contains(tk.t[k].span)).all(|k| {
        let l = tk.t[k].lower.trim_end_matches('.');
        l.is_empty() || has(HONORIFICS, l) || is_particle(l) || is_title(l)
    });
    if !extra_ok {
        return false;
    }
    let en: HashSet<String> = entity_name(e)
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    name.split_whitespace()
        .map(|w| w.to_lowercase())
        .filter(|w| {
            let w = w.trim_end_matches('.');
            !has(HONORIFICS, w) && !is_title(w)
        })
        .all(|w| en.contains(&w))
}

/// Lengthens short names, resolves pronouns and entity mentions.
fn resolve(tk: &Toks, names: &NameIndex, entities: &[EntityMention], found: &mut [Found]) {
    // Names known to be persons.
    let mut known: HashSet<String> = HashSet::new();
    for (n, _) in &names.entity_persons {
        known.insert(names.fullest(n).to_lowercase());
    }
    for (n, _, personish) in &names.runs {
        if *personish {
            known.insert(names.fullest(n).to_lowercase());
        }
    }
    // A full name also mentioned by its last word alone is a person's ("William Ruto" ... "Ruto").
    let singles: HashSet<String> = names
        .runs
        .iter()
        .filter(|(n, _, _)| !n.contains(' '))
        .map(|(n, _, _)| n.to_lowercase())
        .collect();
    for (n, _, _) in &names.runs {
        if is_person_like(n)
            && n.split_whitespace()
                .last()
                .is_some_and(|l| singles.contains(&l.to_lowercase()))
        {
            known.insert(n.to_lowercase());
        }
    }
    for f in found.iter_mut() {
        let Some(a) = f.attr.as_mut() else { continue };
        let Some((name, sp)) = a.speaker.as_mut() else {
            continue;
        };
        if is_pronoun(&name.to_lowercase()) {
            continue;
        }
        if let Some(e) = entities
            .iter()
            .find(|e| e.span.overlaps(*sp) && e.label == EntityLabel::Person)
            .filter(|e| confirms(tk, e, name, *sp))
        {
            // An entity mention that is the speaker names it (lengthened,
            // "Van Dijk" is "Pieter van Dijk").
            *name = names.fullest(&entity_name(e));
        } else if !name.contains(' ') && name.chars().all(|c| !c.is_uppercase()) {
            // "the department": the last name ending in that word.
            if let Some((n, _, _)) = names.runs.iter().rev().find(|(n, at, _)| {
                *at < sp.start
                    && n.contains(' ')
                    && n.split_whitespace()
                        .last()
                        .is_some_and(|l| l.to_lowercase() == *name)
            }) {
                *name = n.clone();
            }
        } else {
            // Strip an honorific: "Mr. Dujarric".
            let words: Vec<&str> = name.split_whitespace().collect();
            let stripped: Vec<&str> = words
                .iter()
                .skip_while(|w| has(HONORIFICS, w.trim_end_matches('.').to_lowercase().as_str()))
                .copied()
                .collect();
            let base = if stripped.is_empty() {
                name.clone()
            } else {
                stripped.join(" ")
            };
            let full = names.fullest(&base);
            if full != base || stripped.len() != words.len() {
                *name = full;
            }
        }
        if is_person_like(name) {
            known.insert(name.to_lowercase());
        }
    }
    // Mentions of known persons, in text order. A person entity inside a
    // quote is talked about, not talking ("„Die Menschen wollen
    // Stabilität“, sagte er").
    let quoted: Vec<Span> = found
        .iter()
        .filter(|f| f.kind != QuoteKind::Indirect)
        .map(|f| f.content)
        .collect();
    let outside = |sp: Span| !quoted.iter().any(|q| q.contains(sp));
    let mut persons: Vec<(String, usize)> = entities
        .iter()
        .filter(|e| is_person_entity(e) && outside(e.span))
        .map(|e| (names.fullest(&entity_name(e)), e.span.start))
        .collect();
    let mut mention_spans: Vec<Span> = entities
        .iter()
        .filter(|e| is_person_entity(e) && outside(e.span))
        .map(|e| e.span)
        .collect();
    for (i, (n, at, _)) in names.runs.iter().enumerate() {
        let by_entity = entities
            .iter()
            .any(|e| e.label == EntityLabel::Person && e.span.start <= *at && *at < e.span.end);
        if by_entity {
            continue; // the entity's own name is already there
        }
        let full = names.fullest(n);
        if known.contains(&full.to_lowercase()) {
            persons.push((full, *at));
            mention_spans.push(Span::new(*at, names.run_ends[i]));
        }
    }
    for f in found.iter() {
        if let Some((n, sp)) = f.attr.as_ref().and_then(|a| a.speaker.as_ref()) {
            if known.contains(&n.to_lowercase()) {
                persons.push((n.clone(), sp.start));
            }
        }
    }
    // Subjects that describe a person without naming them: "A spokesman for
    // the Rapid Support Forces denied ...", for a "he" that follows.
    for &(sa, se) in &tk.sent {
        let mut k = sa;
        while k < se && k < sa + 3 && !has(ROLE_NOUNS, tk.t[k].lower.as_str()) {
            let l = tk.t[k].lower.as_str();
            if !(matches!(l, "a" | "an" | "the" | "one") || !tk.t[k].is_cap() && tk.t[k].is_word())
            {
                break;
            }
            k += 1;
        }
        let role = tk.t.get(k).filter(|_| k < se && k < sa + 3);
        if role.is_some_and(|t| has(ROLE_NOUNS, t.lower.as_str()) && !t.is_cap()) {
            if let Some((mut n, mut sp)) = sentence_subject(tk, sa, se) {
                // "spokesman for the Rapid Support Forces"
                let e = tk.at(sp.end);
                if e < se && matches!(tk.t[e].lower.as_str(), "for" | "of" | "at") {
                    let mut f = e + 1;
                    if tk.is(f, "the") {
                        f += 1;
                    }
                    let g = f;
                    while f < se && tk.t[f].is_cap() {
                        f += 1;
                    }
                    if f > g {
                        sp = Span::new(sp.start, tk.t[f - 1].span.end);
                        n = sp.of(tk.text).to_string();
                    }
                }
                if !n.contains('"') {
                    mention_spans.push(sp);
                    persons.push((n, sp.start));
                }
            }
        }
    }
    persons.sort_by_key(|p| p.1);
    mention_spans.sort();
    // Organisations and groups quoted, for "it said", "they said".
    let others: Vec<(String, usize)> = found
        .iter()
        .filter_map(|f| f.attr.as_ref()?.speaker.as_ref())
        .filter(|(n, _)| !is_pronoun(&n.to_lowercase()) && !known.contains(&n.to_lowercase()))
        .map(|(n, sp)| (n.clone(), sp.start))
        .collect();
    // A quote continuing an earlier speaker, when another person was named
    // in between ("Smith disagreed. "That is wrong.""), is that person's.
    for f in found.iter_mut() {
        let Some(after) = f.continues else { continue };
        let Some(a) = f.attr.as_mut() else { continue };
        let Some((name, sp)) = a.speaker.as_mut() else {
            continue;
        };
        if let Some((p, at)) = persons
            .iter()
            .rev()
            .find(|(_, at)| *at >= after && *at < f.span.start)
        {
            if !p.eq_ignore_ascii_case(name) {
                *name = p.clone();
                if let Some(m) = mention_spans.iter().find(|m| m.start == *at) {
                    *sp = *m;
                }
            }
        }
    }
    for f in found.iter_mut() {
        let Some(a) = f.attr.as_mut() else { continue };
        let Some((name, sp)) = a.speaker.as_mut() else {
            continue;
        };
        let l = name.to_lowercase();
        let role = pronoun(&l);
        let personal = role == Some(Pronoun::Person);
        if !personal {
            // "it", "they": the last organisation or group quoted shortly before.
            let plural = role == Some(Pronoun::Group);
            // "es": German "it", not a subject pronoun of the list.
            if plural || role == Some(Pronoun::Thing) || l == "es" {
                let at = sp.start;
                if let Some((o, _)) = others
                    .iter()
                    .rev()
                    .find(|(o, p)| *p < at && at - *p < 600 && (!plural || o.ends_with('s')))
                {
                    *name = o.clone();
                }
            }
            continue; // "we" stays as written
        }
        if let Some((p, _)) = persons.iter().rev().find(|(_, at)| *at < sp.start) {
            *name = p.clone();
        }
    }
    let _ = tk;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text;

    fn run(s: &str) -> (String, Vec<Quote>) {
        let t = text::normalize(s);
        let seg = text::segment(t.as_str());
        let doc = Doc {
            text: t.as_str(),
            seg: &seg,
            anchor: None,
            language: Some("en"),
        };
        let q = extract(&doc, &[]);
        (t.as_str().to_string(), q)
    }

    /// (name, text, quoted words, kind, speaker)
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        QuoteKind,
        Option<&'static str>,
    );

    #[test]
    fn table() {
        use QuoteKind::*;
        let cases: &[Case] = &[
            ("after subject", "“We will win,” Price said.", "We will win,", Direct, Some("Price")),
            ("after inverted", "“We will win,” said Ned Price, a spokesman.", "We will win,", Direct, Some("Ned Price")),
            ("honorific", "Stéphane Dujarric spoke. “Stay calm,” added Mr. Dujarric.", "Stay calm,", Direct, Some("Stéphane Dujarric")),
            ("pronoun", "Maria Lopez, a nurse, was there. “It was chaos,” she told Reuters.", "It was chaos,", Direct, Some("Maria Lopez")),
            ("colon", "The mayor, Anne Hidalgo, added: “Paris will not bend.”", "Paris will not bend.", Direct, Some("Anne Hidalgo")),
            ("partial", "Kazakh President Qasim Tokayev, who has accused foreign-trained “terrorist gangs” of the unrest, spoke.", "terrorist gangs", Partial, Some("Qasim Tokayev")),
            ("scare", "They backed the “counter-terrorism” operation there.", "counter-terrorism", Scare, None),
            ("slogan", "Several of them chanted “freedom for political prisoners!” as they left.", "freedom for political prisoners!", Slogan, None),
            ("according", "Prices will rise “sharply this year”, according to the central bank.", "sharply this year", Partial, Some("central bank")),
            ("guillemets", "« Nous ne céderons pas », a déclaré Emmanuel Macron.", "Nous ne céderons pas", Direct, Some("Emmanuel Macron")),
            ("title cut", "“The talks failed,” Foreign Minister Sergei Lavrov said on Monday.", "The talks failed,", Direct, Some("Sergei Lavrov")),
            ("apposition", "One of the activists, Alnour Iliachev, told AFP that the place was “reserved” by others.", "reserved", Partial, Some("Alnour Iliachev")),
            ("split quote", "“We are not against traders,” Johnson Sakaja said, “but against disorder.”", "but against disorder.", Partial, Some("Johnson Sakaja")),
            ("name of org", "Marieke Jansen of ING called the walkout “a warning shot” for wage talks.", "a warning shot", Partial, Some("Marieke Jansen")),
            ("org with of", "The Federation of German Taxpayers called the subsidies “a bottomless pit”.", "a bottomless pit", Partial, Some("Federation of German Taxpayers")),
            ("relative clause", "The company that maintained the bridge said it found “no structural anomalies”.", "no structural anomalies", Partial, Some("company that maintained the bridge")),
            ("secretary of state", "US Secretary of State Antony Blinken, speaking in Cairo, urged both sides to “seize this moment”.", "seize this moment", Partial, Some("Antony Blinken")),
            ("lower-case role", "“Leave now,” said incident commander Landon Shepherd.", "Leave now,", Direct, Some("Landon Shepherd")),
            ("definite description", "The India Meteorological Department issued a warning. “The next hours are critical,” the department said.", "The next hours are critical,", Direct, Some("India Meteorological Department")),
            ("surname first", "Health Minister Cho Kyoo-hong spoke on Monday. “Patients come first,” Cho said.", "Patients come first,", Direct, Some("Cho Kyoo-hong")),
            ("french inversion", "La ministre Élisabeth Borne était là. « La situation est temporaire », a-t-elle déclaré.", "La situation est temporaire", Direct, Some("Élisabeth Borne")),
            ("french inverted token", "Claire Martin, infirmière, attend. « Nous sommes épuisés », explique-t-elle.", "Nous sommes épuisés", Direct, Some("Claire Martin")),
            ("spanish dropped subject", "La candidata Ana Pontón habló. “Nunca habíamos estado tan cerca”, dijo.", "Nunca habíamos estado tan cerca", Direct, Some("Ana Pontón")),
            ("crowd shout", "Protesters shouted “¡El agua vale más que el oro!” as officers advanced.", "¡El agua vale más que el oro!", Slogan, None),
            ("it said", "“It is there,” the mayor's office said. “It has always been there,” it added.", "It has always been there,", Direct, Some("mayor's office")),
            ("new person between", "“We will build it,” said Mayor Tom Hart.\n\nCouncil member Janet Ruiz, a critic, disagreed. “The money is not there.”", "The money is not there.", Direct, Some("Janet Ruiz")),
            ("no speaker", "The so-called “peace plan” was rejected.", "peace plan", Scare, None),
            ("participle subject", "Transport Minister Kostas Karamanlis resigned, saying he took responsibility “for the failures of the state”.", "for the failures of the state", Partial, Some("Kostas Karamanlis")),
            ("unnamed role subject", "Eddie Rowe spoke first. A spokesman for the Rapid Support Forces denied it. “We have opened every road,” he told Al Jazeera.", "We have opened every road,", Direct, Some("spokesman for the Rapid Support Forces")),
            ("place is no person", "Marine biologist Ove Hoegh-Guldberg said the Great Barrier Reef had suffered again. “The reef can recover,” he said.", "The reef can recover,", Direct, Some("Ove Hoegh-Guldberg")),
            ("apposition after quote", "“We want respect,” Mário Nogueira, head of the Fenprof union, told reporters outside the ministry.", "We want respect,", Direct, Some("Mário Nogueira")),
            ("reversed guillemets", "»Wir schaffen das«, sagte Angela Merkel.", "Wir schaffen das", Direct, Some("Angela Merkel")),
            ("nested", "“He told me ‘never again’, and I believed him,” said Ana Lima.", "He told me 'never again', and I believed him,", Direct, Some("Ana Lima")),
        ];
        for (name, input, words, kind, speaker) in cases {
            let (t, qs) = run(input);
            let q = qs
                .iter()
                .find(|q| q.content.of(&t) == *words)
                .unwrap_or_else(|| panic!("{name}: {words:?} not in {qs:?}"));
            assert_eq!(q.kind, *kind, "{name}");
            assert_eq!(q.speaker.as_deref(), *speaker, "{name}");
        }
    }

    #[test]
    fn spanning_paragraphs() {
        let (t, qs) =
            run("Anna Berg said:\n\n“First we saw the smoke.\n\n“Then the fire came,” she said.");
        let q = qs.iter().find(|q| q.kind == QuoteKind::Direct).unwrap();
        assert!(q.content.of(&t).starts_with("First we saw"), "{qs:?}");
        assert!(q.content.of(&t).ends_with("fire came,"), "{qs:?}");
    }

    #[test]
    fn indirect_speech() {
        let (t, qs) = run("Separately on Thursday, Moscow said it would consult with its allies.");
        let q = qs.iter().find(|q| q.kind == QuoteKind::Indirect).unwrap();
        assert_eq!(q.span.of(&t), "it would consult with its allies");
        assert_eq!(q.speaker.as_deref(), Some("Moscow"));
        let (t, qs) =
            run("Dozens of protesters were killed in Almaty, Kazakh officials said Thursday.");
        let q = qs.iter().find(|q| q.kind == QuoteKind::Indirect).unwrap();
        assert_eq!(q.span.of(&t), "Dozens of protesters were killed in Almaty");
        assert_eq!(q.speaker.as_deref(), Some("Kazakh officials"));
    }

    /// (name, text, entity mentions in text order as (surface, label, name), quoted words, speaker)
    type EntityCase = (
        &'static str,
        &'static str,
        &'static [(&'static str, EntityLabel, &'static str)],
        &'static str,
        &'static str,
    );

    #[test]
    fn entities_help_but_do_not_override() {
        use EntityLabel::*;
        let cases: &[EntityCase] = &[
            ("pronoun to a person entity", "Aliyev arrived in Baku. “We are ready,” he said.",
                &[("Aliyev", Person, "Ilham Aliyev")], "We are ready,", "Ilham Aliyev"),
            ("entity lengthens a surname", "“We are ready,” Aliyev said.",
                &[("Aliyev", Person, "Ilham Aliyev")], "We are ready,", "Ilham Aliyev"),
            ("title left in the entity", "Seismologist Hiroshi Tanaka spoke. “Plan floor by floor,” Tanaka said.",
                &[("Seismologist Hiroshi Tanaka", Person, "Seismologist Hiroshi Tanaka"), ("Tanaka", Person, "Seismologist Hiroshi Tanaka")],
                "Plan floor by floor,", "Hiroshi Tanaka"),
            ("entity runs past the cut", "„Wir erleben eine dramatische Lage“, sagte Bausenator Christian Gaebler.",
                &[("Bausenator Christian Gaebler", Person, "Bausenator Christian Gaebler")],
                "Wir erleben eine dramatische Lage", "Christian Gaebler"),
            ("unlinked short name", "“We want a fair offer,” said Pieter van Dijk, a spokesman.\n\nVan Dijk disagreed. “They can pay,” he said.",
                &[("Pieter van Dijk", Person, "Pieter van Dijk"), ("Van Dijk", Person, "Van Dijk")],
                "They can pay,", "Pieter van Dijk"),
            ("entity inside a longer phrase", "A letter to the editor of Die Presse called it “a concession to fashion”.",
                &[("Die Presse", Person, "Die Presse")], "a concession to fashion", "editor of Die Presse"),
            ("organisation cut short", "Southern Andes Copper said it had invested “millions” there.",
                &[("Andes Copper", Person, "Andes Copper")], "millions", "Southern Andes Copper"),
            ("person inside the quote", "CDU-Ministerpräsident Boris Rhein sprach. „Die Menschen wollen Stabilität“, sagte er.",
                &[("CDU-Ministerpräsident Boris Rhein", Person, "CDU-Ministerpräsident Boris Rhein"), ("Die Menschen", Person, "Die Menschen")],
                "Die Menschen wollen Stabilität", "Boris Rhein"),
            ("article-initial phrase as a person", "„Das ist bitter“, sagte Tarek Al-Wazir. Die Grünen machen weiter. „Wir kämpfen“, sagte er.",
                &[("Tarek Al-Wazir", Person, "Tarek Al-Wazir"), ("Die Grünen", Person, "Die Grünen")],
                "Wir kämpfen", "Tarek Al-Wazir"),
        ];
        for (name, input, mentions, words, speaker) in cases {
            let t = text::normalize(input);
            let text = t.as_str();
            let seg = text::segment(text);
            let doc = Doc {
                text,
                seg: &seg,
                anchor: None,
                language: None,
            };
            let mut from = 0;
            let ents: Vec<EntityMention> = mentions
                .iter()
                .map(|(surface, label, n)| {
                    let at = from
                        + text[from..]
                            .find(surface)
                            .unwrap_or_else(|| panic!("{name}: {surface}"));
                    from = at + surface.len();
                    EntityMention {
                        span: Span::new(at, from),
                        label: *label,
                        name: n.to_string(),
                        role: None,
                    }
                })
                .collect();
            let qs = extract(&doc, &ents);
            let q = qs
                .iter()
                .find(|q| q.content.of(text) == *words)
                .unwrap_or_else(|| panic!("{name}: {words:?} not in {qs:?}"));
            assert_eq!(q.speaker.as_deref(), Some(*speaker), "{name}");
        }
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        let lists: &[(&str, &[&str])] = &[
            ("ARTICLES", ARTICLES),
            ("CHANT_CUES", CHANT_CUES),
            ("CLAUSE_WITHOUT_THAT", CLAUSE_WITHOUT_THAT),
            ("COORDINATORS", COORDINATORS),
            ("HONORIFICS", HONORIFICS),
            ("INDIRECT_CUES", INDIRECT_CUES),
            ("NOT_CLAUSE_OPENERS", NOT_CLAUSE_OPENERS),
            ("ORG_HEADS", ORG_HEADS),
            ("PARTICLES", PARTICLES),
            ("PHRASE_BREAKS", PHRASE_BREAKS),
            ("PRO_DROP_CUES", PRO_DROP_CUES),
            ("REPORTING_VERBS", REPORTING_VERBS),
            ("ROLE_NOUNS", ROLE_NOUNS),
            ("SENTENCE_STARTERS", SENTENCE_STARTERS),
            ("SKIPPED_NEAR_CUE", SKIPPED_NEAR_CUE),
            ("SOURCE_CUES", SOURCE_CUES),
            ("SPEAKER_ARTICLES", SPEAKER_ARTICLES),
            ("SPEAKER_OPENERS", SPEAKER_OPENERS),
            ("SPEAKER_STOPS", SPEAKER_STOPS),
            ("SPEECH_VERBS", SPEECH_VERBS),
            ("TITLES", TITLES),
        ];
        for (name, list) in lists {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{name} is not sorted");
        }
        assert!(PRONOUNS.windows(2).all(|w| w[0].0 < w[1].0));
        for (w, role) in PRONOUNS {
            assert!(
                ["person", "group", "thing", "kept"].contains(role),
                "{w}: {role}"
            );
        }
    }

    #[test]
    fn resolution_with_entities() {
        let s = "Jen Psaki spoke. “No,” she said.";
        let t = text::normalize(s);
        let seg = text::segment(t.as_str());
        let doc = Doc {
            text: t.as_str(),
            seg: &seg,
            anchor: None,
            language: None,
        };
        let ents = vec![EntityMention {
            span: Span::new(0, 9),
            label: EntityLabel::Person,
            name: "Jennifer Rene Psaki".into(),
            role: None,
        }];
        let q = extract(&doc, &ents);
        let d = q.iter().find(|q| q.kind == QuoteKind::Direct).unwrap();
        assert_eq!(d.speaker.as_deref(), Some("Jennifer Rene Psaki"));
    }
}
