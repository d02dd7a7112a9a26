//! What kind of quote each pair of marks holds, and its attribution.

use super::cues::{attribution_at, is_say, sentence_cue_speaker};
use super::lexicon::{has, is_plural_noun};
use super::marks::{mark_at, Marks};
use super::reading::{NameCase, Reading};
use super::{Attr, Found, QuoteKind};
use crate::lexicon::lists::quotes::{CHANT_CUES, HONORIFICS, REPORTING_VERBS};
use crate::text::TokenKind;

pub(super) fn classify(
    rd: &Reading,
    marks: &[Marks],
    mi: usize,
    m: &Marks,
    found: &[Found],
) -> Found {
    let text = rd.text;
    let open_tok = rd.at(m.span.start);
    let after_tok = rd.at(m.span.end);
    let sent = rd.get(open_tok).map_or(0, |t| t.sentence);
    let (s_first, _) = rd.sentence(sent).unwrap_or((0, 0));
    let close_sent = rd.get(after_tok.saturating_sub(1)).map(|t| t.sentence);
    let after_sent = rd
        .get(after_tok)
        .map(|t| t.sentence)
        .filter(|s| Some(*s) == close_sent);
    let content = m.content.of(text);
    let n_words = content.split_whitespace().count();
    // A quote opening in lower case continues a sentence: "..., "and we will".
    let lower_start = content.chars().next().is_some_and(char::is_lowercase);
    let starts_sentence = !lower_start && open_tok == s_first
        || (s_first..open_tok).all(|k| matches!(rd[k].text, "-" | "(" | "[" | "—"));
    let mut f = Found {
        span: m.span,
        content: m.content,
        kind: QuoteKind::Scare,
        attr: None,
        continues: None,
    };
    // Other quote marks, to keep attribution walks out of them.
    let in_other = |k: usize| mark_at(marks, rd[k].span.start).is_some_and(|j| j != mi);

    // A slogan: "chanted "...!"", "slogans such as "..."".
    let lo = open_tok.saturating_sub(4).max(s_first);
    if (lo..open_tok).any(|k| has(CHANT_CUES, rd[k].lower.as_str())) {
        f.kind = QuoteKind::Slogan;
        return f;
    }
    // A crowd shouting: "Protesters shouted "...!"".
    let crowd_shout = (lo..open_tok).any(|k| {
        matches!(
            rd[k].lower.as_str(),
            "shouted" | "yelled" | "cried" | "scandé" | "riefen" | "gritaban" | "gritaron"
        ) && k > 0
            && is_plural_noun(&rd[k - 1].lower)
            && !rd[k - 1].lower.ends_with("'s")
    });
    if crowd_shout {
        f.kind = QuoteKind::Slogan;
        return f;
    }

    // After the closing mark: `," Price said`, `," added Mr. Dujarric`, `, he told AFP`.
    if after_sent.is_some() {
        let mut k = after_tok;
        if rd.get(k).is_some_and(|t| t.text == "," || t.text == "-") {
            k += 1;
        }
        let punct_inside = content.ends_with([',', '.', '!', '?', '…']);
        let comma_after = rd
            .get(after_tok)
            .is_some_and(|t| t.text == "," || t.text == "-");
        if punct_inside || comma_after || starts_sentence {
            let limit = (k + 9).min(rd.len());
            for c in k..limit {
                let t = &rd[c];
                if t.kind == TokenKind::Punct
                    && !(t.text == "." && c > 0 && has(HONORIFICS, rd[c - 1].lower.as_str()))
                {
                    break;
                }
                if is_say(rd, c) {
                    if let Some(a) = attribution_at(rd, c, k, None) {
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
        let intro = rd[k - 1].text == ":" || rd[k - 1].text == ",";
        if intro {
            k -= 1;
        }
        // Up to three words between the cue and the quote ("told reporters:").
        for c in (s_first..k).rev().take(4) {
            if is_say(rd, c) && !in_other(c) {
                let prev = sentence_cue_speaker(rd, s_first, c, &in_other);
                if let Some(a) = attribution_at(rd, c, s_first, prev) {
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
            if rd[c].kind == TokenKind::Punct {
                break;
            }
        }
    }

    // A cue elsewhere in the sentence, outside quote marks.
    let (sa, se) = rd.sentence(sent).unwrap_or((0, 0));
    let is_cue = |c: usize| {
        !(in_other(c) || m.span.start <= rd[c].span.start && rd[c].span.start < m.span.end)
            && (is_say(rd, c) || has(REPORTING_VERBS, rd[c].lower.as_str()))
    };
    let before = (sa..open_tok).rev().find(|&c| is_cue(c));
    let after = (after_tok.max(sa)..se).find(|&c| is_cue(c));
    let modifier = n_words <= 2
        && open_tok > sa
        && matches!(
            rd[open_tok - 1].lower.as_str(),
            "the" | "a" | "an" | "its" | "this" | "their" | "his" | "her" | "so-called"
        )
        && rd
            .get(after_tok)
            .is_some_and(|t| t.is_word() && !t.is_cap())
        && before.is_none_or(|c| c + 3 < open_tok);
    let cue_attr = |c: usize| {
        let prev = sentence_cue_speaker(rd, sa, c, &in_other);
        attribution_at(rd, c, sa, prev)
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
            if let Some((a, after)) = continuing(rd, found, sent) {
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
fn continuing(rd: &Reading, found: &[Found], sent: usize) -> Option<(Attr, Option<usize>)> {
    let para = rd.paragraph_of(sent)?;
    // "He said:" as the previous sentence.
    if sent > 0 {
        let (a, e) = rd.bounds(sent - 1);
        if e > a && rd[e - 1].text == ":" {
            for c in (a..e - 1).rev().take(4) {
                if is_say(rd, c) {
                    if let Some(at) = attribution_at(rd, c, a, None) {
                        if at.speaker.is_some() {
                            return Some((at, None));
                        }
                    }
                }
            }
        }
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
