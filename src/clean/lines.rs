//! The line stage: plain-text boilerplate in context, paragraph repair, and
//! the assembly of the body.
//!
//! Works on any text whose lines are units (plain text, Markdown after its
//! inline markup is gone, the text extracted from HTML). Each line is judged
//! on its own ([`super::boilerplate::classify`]) and then in context:
//!
//! - after a related-links header ("SEE ALSO"), headline-like lines are links;
//! - after a comments header ("Leave a reply"), everything is comments;
//! - after "Original url:", the address line is the source URL;
//! - a short line that recurs in other articles of the batch is furniture;
//! - after the last story-like line, a headline-like line that shares little
//!   vocabulary with the story is an unrelated trailing headline;
//! - a leading dateline ("Jan 6, 2022:") is cut off its paragraph.
//!
//! The title (the first line that is not furniture) is never removed. The
//! body keeps paragraphs apart with "\n\n" (a single line break stays one),
//! and a paragraph broken mid-sentence is rejoined with a space
//! ([`super::repair::should_join`]). Every rule depends only on lines that
//! survive it, so cleaning the body again removes nothing more.

use super::batch::BatchEvidence;
use super::boilerplate::{
    classify_counted, ends_sentence, is_url, more_words_than, Judged, LineKind,
};
use super::dateline::{self, Dateline, LeadDateline};
use super::repair::continues;
use super::Reason;
use crate::text::hash::FastSet;
use crate::text::{count_words, lines_inclusive, MappedText, Span};

/// The most words a headline-like line has; a longer one is a paragraph.
const HEADLINE_WORDS: usize = 40;

/// Words enough (more than five) for a paragraph to read like story
/// ([`super::boilerplate::is_story_like`]) or to be continued by the next
/// line ([`super::repair::should_join`]); words are counted no further.
const PARAGRAPH_WORDS: usize = 6;

/// The lines at the top whose readings are handed on ([`LineReading`]):
/// metadata looks for datelines and bylines among the first 41 lines.
const READ_LINES: usize = 41;

/// What the line stage read of one line near the top, handed on so that
/// metadata extraction need not read the line again. Each reading is a
/// reading of the trimmed line's text alone: it holds for that text wherever
/// it is written.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LineReading {
    /// The trimmed line.
    pub span: Span,
    /// `parse_dateline` of the line, when it was read.
    pub date: Option<Option<Dateline>>,
    /// `parse_lead_dateline` of the line, when it was read.
    pub lead: Option<Option<LeadDateline>>,
    /// Whether `byline_name` of the line was read and found no byline.
    pub not_byline: bool,
}

/// One line of the text, trimmed.
#[derive(Clone, Debug)]
struct Line {
    /// Byte range of the trimmed content.
    start: usize,
    end: usize,
    /// Where the kept part starts (after a cut dateline prefix).
    keep_from: usize,
    /// The words of the kept part, counted no further than [`PARAGRAPH_WORDS`]:
    /// a rejoined paragraph's words are the sum of its lines'.
    words: usize,
    removed: Option<Reason>,
}

impl Line {
    /// Whether some of the line stays in the body.
    fn is_live(&self) -> bool {
        self.removed.is_none() && self.keep_from < self.end
    }
}

/// Runs the line stage over `text`. `is_kept` says whether a removal (a span
/// of `text`) was undone by the user. Returns the body (mapped onto `text`),
/// the removals as spans of `text`, and what was read of the top lines.
pub fn clean_lines(
    text: &str,
    batch: &BatchEvidence,
    is_kept: &dyn Fn(Span) -> bool,
) -> (MappedText, Vec<(Span, Reason)>, Vec<LineReading>) {
    let lines = split(text);
    let mut stage = Stage {
        text,
        // A reading for each of the first lines, as far as `READ_LINES`.
        readings: Vec::with_capacity(lines.len().min(READ_LINES)),
        lines,
        removals: Vec::new(),
        is_kept,
        context: Context::default(),
    };
    for i in 0..stage.lines.len() {
        stage.judge(i, batch);
    }
    stage.remove_trailing_unrelated();
    let body = assemble(text, &stage.lines);
    let mut removals = stage.removals;
    crate::text::sort::by_key(&mut removals, |(s, _)| *s);
    (body, removals, stage.readings)
}

/// A block of furniture that a header line opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Block {
    /// After "SEE ALSO": headlines of other articles.
    RelatedLinks,
    /// After "Leave a reply": everything.
    Comments,
    /// After "Original url:": the address.
    SourceUrl,
}

impl Block {
    /// The reason the header and the lines of the block are removed for.
    fn reason(self) -> Reason {
        match self {
            Block::RelatedLinks => Reason::RelatedLinks,
            Block::Comments => Reason::Comments,
            Block::SourceUrl => Reason::SourceUrl,
        }
    }
}

/// What the lines above tell about the next one.
#[derive(Default)]
struct Context {
    /// The block the line is in, if any.
    block: Option<Block>,
    /// The title line, once found.
    title: Option<usize>,
    /// Whether the line above was a byline.
    after_byline: bool,
}

/// The lines of the text and what was removed so far.
struct Stage<'a> {
    text: &'a str,
    lines: Vec<Line>,
    removals: Vec<(Span, Reason)>,
    /// What was read of the top lines, in line order.
    readings: Vec<LineReading>,
    is_kept: &'a dyn Fn(Span) -> bool,
    context: Context,
}

impl Stage<'_> {
    /// Removes line `i` for `reason`, unless the user kept it.
    fn remove(&mut self, i: usize, reason: Reason) {
        let l = &mut self.lines[i];
        let span = Span::new(l.start, l.end);
        if !(self.is_kept)(span) {
            l.removed = Some(reason);
            self.removals.push((span, reason));
        }
    }

    /// Judges line `i` on its own, then in context; the rules are tried in
    /// order and the first that removes the line (or names the title) decides.
    fn judge(&mut self, i: usize, batch: &BatchEvidence) {
        let text = self.text;
        let s = &text[self.lines[i].start..self.lines[i].end];
        if s.is_empty() {
            return;
        }
        // The line's words (as far as 61) are counted once, for every rule,
        // and its opening date read once.
        let Judged {
            kind,
            words,
            date,
            not_byline,
        } = classify_counted(s);
        if i < READ_LINES {
            self.readings.push(LineReading {
                span: Span::new(self.lines[i].start, self.lines[i].end),
                date,
                lead: None,
                not_byline,
            });
        }
        self.lines[i].words = words.min(PARAGRAPH_WORDS);
        let byline_tail = self.is_byline_tail(s, kind, words);
        self.context.after_byline = kind == LineKind::Remove(Reason::Byline);
        let reason = if byline_tail {
            Some(Reason::Byline)
        } else {
            self.on_its_own(kind).or_else(|| self.in_block(s, words))
        };
        if let Some(reason) = reason {
            self.remove(i, reason);
            return;
        }
        if self.context.title.is_none() {
            self.context.title = Some(i);
            return;
        }
        if batch.is_furniture_counted(s, words) {
            self.remove(i, Reason::BatchRepeated);
            return;
        }
        self.cut_leading_dateline(i, date);
    }

    /// The line under a byline naming the outlet or role ("BBC News"); `s`
    /// has `words` words.
    fn is_byline_tail(&self, s: &str, kind: LineKind, words: usize) -> bool {
        self.context.after_byline
            && self.context.title.is_some()
            && kind == LineKind::Text
            && words <= 4
            && !ends_sentence(s)
            && s.starts_with(char::is_uppercase)
    }

    /// The line's own kind: furniture, or a header that opens a block.
    fn on_its_own(&mut self, kind: LineKind) -> Option<Reason> {
        let block = match kind {
            LineKind::Remove(reason) => return Some(reason),
            LineKind::RelatedHeader => Block::RelatedLinks,
            LineKind::CommentsHeader => Block::Comments,
            LineKind::UrlHeader => Block::SourceUrl,
            LineKind::Text => return None,
        };
        self.context.block = Some(block);
        Some(block.reason())
    }

    /// A line inside a block: after a comments header everything is
    /// comments; after a related-links header, headline-like lines are links
    /// (questions among them: "Why did so much rain fall?"); after "Original
    /// url:", the address. Any other line ends the block. `s` has `words` words.
    fn in_block(&mut self, s: &str, words: usize) -> Option<Reason> {
        // Read only inside a related-links block (most lines are in none).
        let headline_like = || words <= 25 && !ends_sentence(s);
        match self.context.block {
            Some(Block::Comments) => return Some(Reason::Comments),
            Some(Block::RelatedLinks) if headline_like() || words <= 15 => {
                return Some(Reason::RelatedLinks)
            }
            Some(Block::SourceUrl) if is_url(s) || s.contains("://") && words <= 2 => {
                self.context.block = None;
                return Some(Reason::SourceUrl);
            }
            _ => self.context.block = None,
        }
        None
    }

    /// A dateline opening a paragraph: "Jan 6, 2022: Unrest ...", "22 mai
    /// 2012. - Le ...", "Paris, 21 juin 2012 – Le ..." lose their dateline.
    /// `date` is the dateline at the line's start, when it was read already.
    fn cut_leading_dateline(&mut self, i: usize, date: Option<Option<Dateline>>) {
        let s = &self.text[self.lines[i].start..self.lines[i].end];
        let date = date.unwrap_or_else(|| dateline::parse_dateline(s));
        let lead = dateline::lead_dateline(s, date);
        if i < READ_LINES {
            // The reading `judge` pushed for this line.
            if let Some(r) = self.readings.last_mut() {
                r.date = Some(date);
                r.lead = Some(lead);
            }
        }
        if let Some(d) = lead {
            let cut = self.lines[i].start + d.len;
            let span = Span::new(self.lines[i].start, cut);
            if !(self.is_kept)(span) {
                self.lines[i].keep_from = cut;
                self.lines[i].words = count_words(&s[d.len..], PARAGRAPH_WORDS);
                self.removals.push((span, Reason::Dateline));
            }
        }
    }

    /// The trailing region: after the last story-like line, headline-like
    /// lines that share little vocabulary with the story are unrelated.
    fn remove_trailing_unrelated(&mut self) {
        let Some(last) = last_story_line(self.text, &self.lines) else {
            return;
        };
        let text = self.text;
        // The trailing lines that could be headlines, with their words.
        let trailing: Vec<(usize, Vec<String>)> = (last + 1..self.lines.len())
            .filter(|&i| self.lines[i].is_live() && Some(i) != self.context.title)
            .filter_map(|i| {
                let s = &text[self.lines[i].keep_from..self.lines[i].end];
                // A long line is a paragraph, not a headline.
                let headline = !ends_sentence(s) && !more_words_than(s, HEADLINE_WORDS);
                headline.then(|| (i, content_words(s)))
            })
            .collect();
        if trailing.is_empty() {
            return;
        }
        // Which of their words the story uses: one pass over the story,
        // looking each of its words up among the few the trailing lines have.
        let asked: FastSet<&str> = (trailing.iter())
            .flat_map(|(_, words)| words.iter().map(String::as_str))
            .collect();
        let mut used: FastSet<&str> = FastSet::default();
        let mut stemmed = String::new();
        for l in self.lines[..=last].iter().filter(|l| l.is_live()) {
            for w in content_word_pieces(&text[l.keep_from..l.end]) {
                stem_into(w, &mut stemmed);
                if let Some(&word) = asked.get(stemmed.as_str()) {
                    used.insert(word);
                }
            }
        }
        for (i, words) in &trailing {
            let shared = words.iter().filter(|w| used.contains(w.as_str())).count();
            if words.is_empty() || shared * 2 < words.len() {
                self.remove(*i, Reason::TrailingUnrelated);
            }
        }
    }
}

/// The last live line that ends a story-like paragraph. Story-likeness is
/// judged on whole rejoined paragraphs, as the body will have them: lines
/// joined by a space, whose words add up, and whose end is the last line's
/// (its trailing quotes trimmed, a sentence's mark is the line's own).
fn last_story_line(text: &str, lines: &[Line]) -> Option<usize> {
    let joined = joins(text, lines);
    let mut words = 0;
    let mut last_story = None;
    for (i, l) in lines.iter().enumerate() {
        if !l.is_live() {
            continue;
        }
        words = if joined[i] {
            (words + l.words).min(PARAGRAPH_WORDS)
        } else {
            l.words
        };
        if words >= PARAGRAPH_WORDS && ends_sentence(&text[l.keep_from..l.end]) {
            last_story = Some(i);
        }
    }
    last_story
}

/// The body: the live lines, paragraphs apart with "\n\n", a single line
/// break kept as one, and a broken paragraph rejoined with a space.
fn assemble(text: &str, lines: &[Line]) -> MappedText {
    let joined = joins(text, lines);
    let mut b = MappedText::builder_with_capacity(text.len());
    let mut prev: Option<usize> = None;
    for i in 0..lines.len() {
        if !lines[i].is_live() {
            continue;
        }
        if let Some(p) = prev {
            let gap_start = lines[p].end;
            let ws_end = gap_start
                + text[gap_start..]
                    .find(|c: char| !c.is_whitespace())
                    .unwrap_or(text.len() - gap_start);
            let ws_end = ws_end.min(lines[i].keep_from);
            let newlines = text[gap_start..lines[i].start].matches('\n').count();
            let crossed = lines[p + 1..i].iter().any(|l| l.start < l.end);
            let sep = if joined[i] {
                " "
            } else if newlines >= 2 || crossed {
                "\n\n"
            } else {
                "\n"
            };
            if &text[gap_start..ws_end] == sep {
                b.copy(text, gap_start..ws_end);
            } else {
                b.replace(sep, gap_start..ws_end);
            }
        }
        b.copy(text, lines[i].keep_from..lines[i].end);
        prev = Some(i);
    }
    b.finish_for(text.len())
}

/// For each live line, whether it continues the previous live line's
/// sentence (judged on the paragraph rejoined so far, as [`should_join`]
/// reads it: its last character, the previous line's, since lines end in
/// no white space; and its words, the sum of its lines').
///
/// [`should_join`]: super::repair::should_join
fn joins(text: &str, lines: &[Line]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    // The last character and the words of the paragraph so far, once a line is read.
    let mut paragraph: Option<(char, usize)> = None;
    for (i, l) in lines.iter().enumerate() {
        if !l.is_live() {
            continue;
        }
        let s = &text[l.keep_from..l.end];
        let words = match paragraph {
            Some((last, words)) if continues(last, s, || words >= PARAGRAPH_WORDS) => {
                out[i] = true;
                (words + l.words).min(PARAGRAPH_WORDS)
            }
            _ => l.words,
        };
        paragraph = s.chars().next_back().map(|last| (last, words));
    }
    out
}

/// Splits into lines with their trimmed content ranges.
fn split(text: &str) -> Vec<Line> {
    // A line after each line end, and one before the first: the vector is
    // sized once instead of grown as the lines are read.
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    let mut at = 0;
    for raw in lines_inclusive(text) {
        let content = raw.trim_end_matches(['\n', '\r']);
        let head = content.trim_start();
        let lead = content.len() - head.len();
        let trimmed = head.trim_end();
        let start = at + lead;
        let end = start + trimmed.len();
        out.push(Line {
            start,
            end,
            keep_from: start,
            words: 0,
            removed: None,
        });
        at += raw.len();
    }
    out
}

/// Lower-cased words that carry content (letters, four or more of them, or
/// capitalised names and numbers), as their [`stem_into`].
fn content_words(s: &str) -> Vec<String> {
    content_word_pieces(s)
        .map(|w| {
            let mut stemmed = String::new();
            stem_into(w, &mut stemmed);
            stemmed
        })
        .collect()
}

/// The words of [`content_words`], as they are in `s`.
fn content_word_pieces(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric() && c != '$')
        .filter(|w| {
            w.chars().count() >= 4
                || w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        })
        .filter(|w| w.chars().count() >= 2)
}

/// A crude stem so "Kazakh" and "Kazakhstan's" meet: the first five
/// characters of the lower case, written into `out` (cleared first).
fn stem_into(w: &str, out: &mut String) {
    out.clear();
    if w.is_ascii() {
        out.push_str(&w[..w.len().min(5)]);
        out.make_ascii_lowercase();
    } else if w.contains('Σ') {
        // Its lower case depends on what follows: lower the whole word.
        out.extend(w.to_lowercase().chars().take(5));
    } else {
        out.extend(w.chars().flat_map(char::to_lowercase).take(5));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (String, Vec<(String, Reason)>) {
        let (body, removed, _) = clean_lines(text, &BatchEvidence::default(), &|_| false);
        let removed = removed
            .into_iter()
            .map(|(s, r)| (s.of(text).to_string(), r))
            .collect();
        (body.as_str().to_string(), removed)
    }

    /// After the story, a headline-like line that shares little of its
    /// vocabulary goes; one that shares most of it (here through stems of
    /// accented and capitalised words) stays.
    #[test]
    fn trailing_headlines_go_unless_they_share_the_story_words() {
        let story = "Thousands of Protesters gathered in Zürich on Saturday to oppose the \
                     pension reform, and the Démonstration stayed peaceful.";
        let text = format!(
            "{story}\n\nPENSION PROTESTERS Démonstrations\n\nAirline seeks compensation in engine dispute"
        );
        let (body, removed) = run(&text);
        assert_eq!(
            removed,
            [(
                "Airline seeks compensation in engine dispute".to_string(),
                Reason::TrailingUnrelated
            )]
        );
        assert!(body.contains("PENSION PROTESTERS Démonstrations"), "{body}");
    }

    /// Lines read by their last characters and word counts join, and end
    /// story-like paragraphs, as the rejoined text asked whole does.
    #[test]
    fn paragraphs_read_as_rejoined() {
        let text = "Title\n\nActivists showed a letter explaining a square designated for\n\ndemonstrations was being used.\n“quoted”\n\nshort, and\nthen more words follow here,\n\nso it ends.”\nA B C D E F\n\ng h.\n\u{a0}x y z w v u.\n)\n\nÉté, été été été été été été\n\nfin.";
        for removed in 0..4 {
            let mut lines = split(text);
            for (k, l) in lines.iter_mut().enumerate() {
                l.words = count_words(&text[l.keep_from..l.end], PARAGRAPH_WORDS);
                if k % 4 == removed {
                    l.removed = Some(Reason::Promo);
                }
            }
            let mut want_joins = vec![false; lines.len()];
            let mut want_last = None;
            let mut chain = String::new();
            for (i, l) in lines.iter().enumerate().filter(|(_, l)| l.is_live()) {
                let s = &text[l.keep_from..l.end];
                if !chain.is_empty() && super::super::should_join(&chain, s) {
                    want_joins[i] = true;
                    chain.push(' ');
                } else {
                    chain.clear();
                }
                chain.push_str(s);
                if super::super::is_story_like(&chain) {
                    want_last = Some(i);
                }
            }
            assert_eq!(joins(text, &lines), want_joins, "{removed}");
            assert_eq!(last_story_line(text, &lines), want_last, "{removed}");
        }
    }

    #[test]
    fn blocks_and_trailing() {
        let text = "Title here\n\nThe first paragraph of the story says something.\n\nSEE ALSO\n\nSome other story headline\n\n\nsource site-64";
        let (body, removed) = run(text);
        assert_eq!(
            body,
            "Title here\n\nThe first paragraph of the story says something."
        );
        assert_eq!(removed.len(), 3, "{removed:?}");
    }

    #[test]
    fn long_paragraph_without_full_stop_is_not_a_trailing_headline() {
        let para = "words of a long post that ends in a link rather than a full stop ".repeat(5);
        let text =
            format!("Title here\n\nThe first paragraph of the story says something.\n\n{para}");
        let (body, removed) = run(&text);
        assert!(body.ends_with(para.trim_end()), "{removed:?}");
    }

    #[test]
    fn rejoins_broken_paragraph() {
        let text = "T\n\nActivists showed a letter explaining a square designated for\n\ndemonstrations was being used.";
        let (body, _) = run(text);
        assert_eq!(body, "T\n\nActivists showed a letter explaining a square designated for demonstrations was being used.");
    }

    #[test]
    fn cuts_leading_dateline() {
        let text = "T\n\nJan 6, 2022:\u{a0}Unrest in Kazakhstan has drawn attention.";
        let (body, removed) = run(text);
        assert_eq!(body, "T\n\nUnrest in Kazakhstan has drawn attention.");
        assert_eq!(
            removed,
            vec![("Jan 6, 2022:\u{a0}".to_string(), Reason::Dateline)]
        );
    }

    /// French Wikinews writes its dateline as "22 mai 2012. - " (CC BY 2.5,
    /// fr.wikinews.org/wiki/États-Unis_:_Lancement_réussi_pour_Space_X_Dragon).
    #[test]
    fn cuts_french_wikinews_dateline() {
        let text = "États-Unis : Lancement réussi pour Space X Dragon\n\n22 mai 2012. - Prévu initialement pour samedi dernier, le lancement a été reporté à la dernière seconde.";
        let (body, removed) = run(text);
        assert_eq!(body, "États-Unis : Lancement réussi pour Space X Dragon\n\nPrévu initialement pour samedi dernier, le lancement a été reporté à la dernière seconde.");
        assert_eq!(
            removed,
            vec![("22 mai 2012. - ".to_string(), Reason::Dateline)]
        );
    }

    #[test]
    fn comments_block() {
        let text = "T\n\nThe story ends here with a sentence.\n\nLeave a Reply\n\nGreat article, I agree with everything you said.";
        let (body, _) = run(text);
        assert_eq!(body, "T\n\nThe story ends here with a sentence.");
    }

    #[test]
    fn keep_undoes() {
        let text = "T\n\nThe story ends here with a sentence.\n\n81";
        let at = text.find("81").unwrap();
        let (body, removed, _) = clean_lines(text, &BatchEvidence::default(), &|s| {
            s == Span::new(at, at + 2)
        });
        assert!(removed.is_empty());
        assert!(body.as_str().ends_with("81"));
    }
}
