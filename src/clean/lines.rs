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
use super::boilerplate::{classify, ends_sentence, is_story_like, is_url, word_count, LineKind};
use super::repair::should_join;
use super::Reason;
use crate::extract::metadata;
use crate::text::{MappedText, Span};
use std::collections::HashSet;

/// One line of the text, trimmed.
#[derive(Clone, Debug)]
struct Line {
    /// Byte range of the trimmed content.
    start: usize,
    end: usize,
    /// Where the kept part starts (after a cut dateline prefix).
    keep_from: usize,
    removed: Option<Reason>,
}

/// Runs the line stage over `text`. `is_kept` says whether a removal (a span
/// of `text`) was undone by the user. Returns the body (mapped onto `text`)
/// and the removals as spans of `text`.
pub fn clean_lines(
    text: &str,
    batch: &BatchEvidence,
    is_kept: &dyn Fn(Span) -> bool,
) -> (MappedText, Vec<(Span, Reason)>) {
    let mut lines = split(text);
    let mut removals = Vec::new();
    let remove = |l: &mut Line, reason: Reason, removals: &mut Vec<(Span, Reason)>| {
        let span = Span::new(l.start, l.end);
        if !is_kept(span) {
            l.removed = Some(reason);
            removals.push((span, reason));
        }
    };

    // Judge each line on its own, then in context.
    let mut block: Option<LineKind> = None;
    let mut title: Option<usize> = None;
    let mut after_byline = false;
    for i in 0..lines.len() {
        let s = &text[lines[i].start..lines[i].end];
        if s.is_empty() {
            continue;
        }
        let kind = classify(s);
        let headline_like = !ends_sentence(s) && word_count(s) <= 25;
        // The line under a byline naming the outlet or role ("BBC News").
        let byline_tail = after_byline
            && title.is_some()
            && kind == LineKind::Text
            && word_count(s) <= 4
            && !ends_sentence(s)
            && s.starts_with(char::is_uppercase);
        after_byline = kind == LineKind::Remove(Reason::Byline);
        if byline_tail {
            remove(&mut lines[i], Reason::Byline, &mut removals);
            continue;
        }
        match kind {
            LineKind::Remove(reason) => {
                remove(&mut lines[i], reason, &mut removals);
                continue;
            }
            LineKind::RelatedHeader => {
                remove(&mut lines[i], Reason::RelatedLinks, &mut removals);
                block = Some(kind);
                continue;
            }
            LineKind::CommentsHeader => {
                remove(&mut lines[i], Reason::Comments, &mut removals);
                block = Some(kind);
                continue;
            }
            LineKind::UrlHeader => {
                remove(&mut lines[i], Reason::SourceUrl, &mut removals);
                block = Some(kind);
                continue;
            }
            LineKind::Text => {}
        }
        match block {
            Some(LineKind::CommentsHeader) => {
                remove(&mut lines[i], Reason::Comments, &mut removals);
                continue;
            }
            // Related headlines, questions among them ("Why did so much rain fall?").
            Some(LineKind::RelatedHeader) if headline_like || word_count(s) <= 15 => {
                remove(&mut lines[i], Reason::RelatedLinks, &mut removals);
                continue;
            }
            Some(LineKind::UrlHeader) if is_url(s) || s.contains("://") && word_count(s) <= 2 => {
                remove(&mut lines[i], Reason::SourceUrl, &mut removals);
                block = None;
                continue;
            }
            _ => block = None,
        }
        if title.is_none() {
            title = Some(i);
            continue;
        }
        if batch.is_furniture(s) {
            remove(&mut lines[i], Reason::BatchRepeated, &mut removals);
            continue;
        }
        // A dateline opening a paragraph: "Jan 6, 2022: Unrest ...".
        if let Some(d) = metadata::parse_dateline(s) {
            let rest = &s[d.len..];
            let after = rest.trim_start_matches([' ', '\u{a0}', '\t']);
            let delim = after
                .strip_prefix([':', '—', '–', '-', '|'])
                .map(|r| r.trim_start_matches([' ', '\u{a0}', '\t']));
            if let Some(body) = delim.filter(|b| !b.is_empty()) {
                let cut = lines[i].start + (s.len() - body.len());
                let span = Span::new(lines[i].start, cut);
                if !is_kept(span) {
                    lines[i].keep_from = cut;
                    removals.push((span, Reason::Dateline));
                }
            }
        }
    }

    // The trailing region: after the last story-like line, headline-like lines
    // that share little with the story are unrelated.
    let live = |l: &Line| l.removed.is_none() && l.keep_from < l.end;
    // Story-likeness is judged on whole rejoined paragraphs, as the body
    // will have them.
    let joined = joins(text, &lines);
    let mut chain = String::new();
    let mut last_story = None;
    for i in 0..lines.len() {
        if !live(&lines[i]) {
            continue;
        }
        if !joined[i] {
            chain.clear();
        } else {
            chain.push(' ');
        }
        chain.push_str(&text[lines[i].keep_from..lines[i].end]);
        if is_story_like(&chain) {
            last_story = Some(i);
        }
    }
    if let Some(last) = last_story {
        let mut vocab = HashSet::new();
        for l in lines[..=last].iter().filter(|l| live(l)) {
            vocab.extend(content_words(&text[l.keep_from..l.end]));
        }
        for i in last + 1..lines.len() {
            if !live(&lines[i]) || Some(i) == title {
                continue;
            }
            let s = &text[lines[i].keep_from..lines[i].end];
            if ends_sentence(s) {
                continue;
            }
            let words = content_words(s);
            let shared = words.iter().filter(|w| vocab.contains(*w)).count();
            if words.is_empty() || shared * 2 < words.len() {
                remove(&mut lines[i], Reason::TrailingUnrelated, &mut removals);
            }
        }
    }

    // Assemble the body.
    let joined = joins(text, &lines);
    let mut b = MappedText::builder();
    let mut prev: Option<usize> = None;
    for i in 0..lines.len() {
        if !live(&lines[i]) || lines[i].keep_from >= lines[i].end {
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
    removals.sort_by_key(|(s, _)| *s);
    (b.finish_for(text.len()), removals)
}

/// For each live line, whether it continues the previous live line's
/// sentence (judged on the paragraph rejoined so far).
fn joins(text: &str, lines: &[Line]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let mut chain = String::new();
    for (i, l) in lines.iter().enumerate() {
        if l.removed.is_some() || l.keep_from >= l.end {
            continue;
        }
        let s = &text[l.keep_from..l.end];
        if !chain.is_empty() && should_join(&chain, s) {
            out[i] = true;
            chain.push(' ');
        } else {
            chain.clear();
        }
        chain.push_str(s);
    }
    out
}

/// Splits into lines with their trimmed content ranges.
fn split(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut at = 0;
    for raw in text.split_inclusive('\n') {
        let content = raw.trim_end_matches(['\n', '\r']);
        let lead = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        let start = at + lead;
        let end = start + trimmed.len();
        out.push(Line {
            start,
            end,
            keep_from: start,
            removed: None,
        });
        at += raw.len();
    }
    out
}

/// Lower-cased words that carry content (letters, four or more of them, or
/// capitalised names and numbers).
fn content_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '$')
        .filter(|w| {
            w.chars().count() >= 4
                || w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        })
        .filter(|w| w.chars().count() >= 2)
        .map(|w| stem(&w.to_lowercase()))
        .collect()
}

/// A crude stem so "Kazakh" and "Kazakhstan's" meet.
fn stem(w: &str) -> String {
    w.chars().take(5).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (String, Vec<(String, Reason)>) {
        let (body, removed) = clean_lines(text, &BatchEvidence::default(), &|_| false);
        let removed = removed
            .into_iter()
            .map(|(s, r)| (s.of(text).to_string(), r))
            .collect();
        (body.as_str().to_string(), removed)
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
        let (body, removed) = clean_lines(text, &BatchEvidence::default(), &|s| {
            s == Span::new(at, at + 2)
        });
        assert!(removed.is_empty());
        assert!(body.as_str().ends_with("81"));
    }
}
