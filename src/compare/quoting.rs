//! The same quote in two reports: matched, and its wording diffed word by word.
//!
//! | class | when |
//! | --- | --- |
//! | [`QuoteClass::Same`] | one speaker, the same words (case and punctuation aside) |
//! | [`QuoteClass::Variant`] | one speaker, worded differently: translation, trimming, paraphrase |
//! | [`QuoteClass::OtherSpeaker`] | the same words given to different speakers |
//!
//! Two quotes of one speaker meet when their content words overlap (stop
//! words of the article's language left out, each word cut to a short stem,
//! so "barbarity" meets "barbarism"), or when the shorter quote is mostly
//! inside the longer (a quote trimmed by one report), or, for short quotes
//! ("reserved" / "booked"), when the sentences around them do. A speaker
//! named only by a pronoun that extraction left unresolved ("he said") is
//! unknown, never another speaker. Names alone do not make one quote: two
//! statements about one person share his name, so the quotes must also
//! share a word that is not a name (not in an entity mention and, outside
//! languages that capitalize every noun, not capitalized).
//!
//! ```
//! use storydiff::compare::{word_diff, WordOp};
//! let ops = word_diff("they organized it only to prevent us", "they only held it to prevent us");
//! assert!(ops.iter().any(|o| matches!(o, WordOp::Removed(w) if w == "organized")));
//! assert!(ops.iter().any(|o| matches!(o, WordOp::Added(w) if w == "held")));
//! ```

use super::keys::{dice, dice_of_shared, word_key};
use super::names::name_tokens;
use super::repeats;
use super::set_join::{self, Candidates};
use crate::article::Article;
use crate::extract::{Quote, QuoteKind};
use crate::lexicon;
use crate::text::hash::{FastMap, FastSet as HashSet};
use crate::text::{Covers, Span};
use serde::Serialize;

/// How two matched quotes relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteClass {
    /// One speaker, the same words.
    Same,
    /// One speaker, different words.
    Variant,
    /// The same words, different speakers.
    OtherSpeaker,
}

/// One step of a word-by-word diff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "op", content = "text", rename_all = "kebab-case")]
pub enum WordOp {
    /// A word both have.
    Same(String),
    /// A word only the first has.
    Removed(String),
    /// A word only the second has.
    Added(String),
}

/// A quote of each report matched as one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuoteMatch {
    /// Index into the first article's quotes.
    pub a: usize,
    /// Index into the second article's quotes.
    pub b: usize,
    /// The first quote's span (analysis text).
    pub span_a: Span,
    /// The second quote's span (analysis text).
    pub span_b: Span,
    /// The first quote's speaker, as its article names them.
    pub speaker_a: Option<String>,
    /// The second quote's speaker.
    pub speaker_b: Option<String>,
    /// How they relate.
    pub class: QuoteClass,
    /// The words of the first quote turned into those of the second.
    pub diff: Vec<WordOp>,
}

/// Quote words above this Dice overlap are one quote, whatever the context.
const WORDS_MATCH: f64 = 0.45;
/// Short quotes of one speaker meet when their sentences overlap this much
/// and each sentence is the other's closest in its article, or a copy of it
/// ([`copy_of`]).
const CONTEXT_MATCH: f64 = 0.25;
/// Words given to two speakers must be at least this long to be one quote.
const OTHER_SPEAKER_MIN_WORDS: usize = 4;
/// A content word is compared by its first this many characters.
const STEM_CHARS: usize = 6;
/// A trimmed quote: at least this many content words shared, and
/// [`TRIMMED_SHARE`] of the shorter quote's content words in the longer.
const TRIMMED_MIN_SHARED: usize = 4;
/// See [`TRIMMED_MIN_SHARED`].
const TRIMMED_SHARE: f64 = 0.8;
/// A quote of this many words or fewer is short: besides by its words, it
/// meets by its sentence ([`CONTEXT_MATCH`]).
const SHORT_WORDS: usize = 3;

/// The stems of the content words of a quote ([`content_stem`]).
#[cfg(test)]
fn content_stems(words: &[String], lang: Option<&str>) -> HashSet<String> {
    (words.iter())
        .filter_map(|w| content_stem(w, lang))
        .collect()
}

/// The stem of a content word: its key cut to [`STEM_CHARS`] characters
/// (a number whole); `None` for a stop word of `lang` or a key of one
/// character.
fn content_stem(word: &str, lang: Option<&str>) -> Option<String> {
    let mut k = word_key(word);
    if k.chars().nth(1).is_none() || lexicon::is_stopword_in(&k, lang) {
        return None;
    }
    if !k.bytes().any(|b| b.is_ascii_digit()) {
        if let Some((cut, _)) = k.char_indices().nth(STEM_CHARS) {
            k.truncate(cut);
        }
    }
    Some(k)
}

/// Languages that write every noun with a capital letter: there, only the
/// entity mentions mark a word as a name.
const CAPITALIZED_NOUNS: &[&str] = &["de", "lb"];

/// The quoted words of `q`, as written, each with whether it is a name:
/// inside one of the article's entity mentions (`names`, their spans) or,
/// unless the language capitalizes every noun, capitalized.
fn quoted_words(art: &Article, names: &Covers, q: &Quote) -> Vec<(String, bool)> {
    let text = art.analysis_text();
    let by_capital = !art
        .language()
        .is_some_and(|l| CAPITALIZED_NOUNS.contains(&l));
    let in_entity = |at: usize| names.contains_point(at);
    let content = q.content.of(text);
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in content
        .char_indices()
        .chain(std::iter::once((content.len(), ' ')))
    {
        match (is_word(c), start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                let word = &content[b..i];
                let capital = word.chars().next().is_some_and(char::is_uppercase);
                let name = in_entity(q.content.start + b) || (by_capital && capital);
                out.push((word.to_string(), name));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// How much two quotes' content words overlap: their Dice, or, for a quote
/// trimmed by one report, the share of the shorter one found in the longer.
fn overlap(x: &HashSet<String>, y: &HashSet<String>) -> f64 {
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    let shared = x.intersection(y).count();
    let shorter = x.len().min(y.len());
    let trimmed = if shared >= TRIMMED_MIN_SHARED && shared as f64 >= TRIMMED_SHARE * shorter as f64
    {
        shared as f64 / shorter as f64
    } else {
        0.0
    };
    dice_of_shared(shared, x.len(), y.len()).max(trimmed)
}

/// The speaker as a name, or `None` when extraction gave only a pronoun or
/// other words of no name (every word a stop word of `lang`: "he", "They").
fn named(speaker: Option<&String>, lang: Option<&str>) -> Option<String> {
    let s = speaker?;
    let has_name = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| !lexicon::is_stopword_in(&w.to_lowercase(), lang));
    has_name.then(|| s.clone())
}

/// The content words of a quote's sentence, whose keys are `keys` (none for
/// a quote outside every sentence), outside the quote's span `span`.
fn context(art: &Article, keys: Option<&HashSet<String>>, span: Span) -> HashSet<String> {
    let Some(keys) = keys else {
        return HashSet::default();
    };
    let inside: HashSet<String> = (span.of(art.analysis_text()))
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(word_key)
        .collect();
    keys.difference(&inside).cloned().collect()
}

/// A quote as the matcher reads it ([`said`]).
pub(super) struct Said {
    index: usize,
    sentence: Option<usize>,
    span: Span,
    speaker: Option<String>,
    /// The speaker when named by more than a pronoun.
    named: Option<Named>,
    words: Vec<String>,
    /// The content-word stems.
    keys: HashSet<String>,
    /// The stems of its content words that are not names.
    plain: HashSet<String>,
    context: HashSet<String>,
}

/// A named speaker, read once per quote: the batch's key for the name and
/// the transliteration keys of its words ([`name_tokens`]).
struct Named {
    key: String,
    tokens: Vec<String>,
}

/// What the matcher reads of one article's quotes, whatever the other
/// article: each quote as [`said`] reads it, the quotes [`repeated`], and
/// each sentence's fingerprint (of its keys, [`repeats::fingerprint`]),
/// by which a short quote meets. Made once per article, for every pair it
/// is in.
pub(super) struct Quotes {
    said: Vec<Said>,
    groups: Vec<Vec<u32>>,
    /// Per sentence, for an article of many quotes (grouped, and listed by
    /// [`candidates`]) some of them short and in a sentence; else empty:
    /// [`copy_of`] then compares sentences word by word.
    prints: Vec<u64>,
}

impl Quotes {
    /// The quotes of `art`, given its sentence keys; `entity_key` gives the
    /// batch's key for a speaker's name.
    pub(super) fn of(
        art: &Article,
        sentence_keys: &[HashSet<String>],
        entity_key: &dyn Fn(&str) -> String,
    ) -> Quotes {
        Quotes::grouped(said(art, sentence_keys, entity_key), sentence_keys)
    }

    /// The quotes `said` of an article whose sentences have the keys
    /// `sentence_keys`, [`repeated`].
    fn grouped(said: Vec<Said>, sentence_keys: &[HashSet<String>]) -> Quotes {
        let many = said.len() >= repeats::GROUPED_FROM;
        let any_short = many && (said.iter()).any(|x| short(x) && x.sentence.is_some());
        let prints: Vec<u64> = match any_short {
            true => sentence_keys.iter().map(repeats::fingerprint).collect(),
            false => Vec::new(),
        };
        let groups = repeated(&said, &prints);
        Quotes {
            said,
            groups,
            prints,
        }
    }
}

/// Whether `x` is a short quote ([`SHORT_WORDS`]).
fn short(x: &Said) -> bool {
    x.words.len() <= SHORT_WORDS
}

/// The quotes of `art` as the matcher reads them, given its sentence keys;
/// `entity_key` gives the batch's key for a speaker's name.
fn said(
    art: &Article,
    sentence_keys: &[HashSet<String>],
    entity_key: &dyn Fn(&str) -> String,
) -> Vec<Said> {
    let lang = art.language();
    let names = Covers::new(art.entities.iter().map(|e| e.span));
    (art.quotes.iter().enumerate())
        .filter(|(_, q)| !matches!(q.kind, QuoteKind::Scare | QuoteKind::Slogan))
        .map(|(index, q)| {
            let quoted = quoted_words(art, &names, q);
            let (mut keys, mut plain) = (HashSet::default(), HashSet::default());
            for (word, name) in &quoted {
                let Some(stem) = content_stem(word, lang) else {
                    continue;
                };
                if !name {
                    plain.insert(stem.clone());
                }
                keys.insert(stem);
            }
            let words = quoted.into_iter().map(|(word, _)| word).collect();
            let sentence = art.seg.sentence_at(q.span.start);
            Said {
                index,
                sentence,
                span: q.span,
                speaker: q.speaker.clone(),
                named: named(q.speaker.as_ref(), lang).map(|name| Named {
                    key: entity_key(&name),
                    tokens: name_tokens(&name),
                }),
                keys,
                plain,
                words,
                context: context(art, sentence.map(|i| &sentence_keys[i]), q.span),
            }
        })
        .collect()
}

/// Matches the quotes of two articles one to one, best first, given each
/// article's sentence keys and its [`Quotes`]: a quote a text repeats word
/// for word is judged once.
pub(super) fn match_quotes(
    (keys_a, quotes_a): (&[HashSet<String>], &Quotes),
    (keys_b, quotes_b): (&[HashSet<String>], &Quotes),
) -> Vec<QuoteMatch> {
    let (sa, groups_a, prints_a) = (&quotes_a.said, &quotes_a.groups, &quotes_a.prints);
    let (sb, groups_b, prints_b) = (&quotes_b.said, &quotes_b.groups, &quotes_b.prints);
    // Each sentence's closest in the other article, found once: the quotes
    // of one sentence meet every quote of the other article.
    let (mut in_a, mut in_b) = (vec![None; keys_b.len()], vec![None; keys_a.len()]);
    let (mut closest_a, mut closest_b) = (Closest::new(keys_a), Closest::new(keys_b));
    let first_a: Vec<&Said> = groups_a.iter().map(|g| &sa[g[0] as usize]).collect();
    let first_b: Vec<&Said> = groups_b.iter().map(|g| &sb[g[0] as usize]).collect();
    let mut closest_in_b = |p: usize| *in_b[p].get_or_insert_with(|| closest_b.to(&keys_a[p]));
    let meet = candidates(&first_a, &first_b, (&mut closest_in_b, prints_b));
    let mut candidates = Vec::new();
    for (ga, x) in first_a.iter().enumerate() {
        for (gb, y) in meet.of(ga).map(|gb| (gb, first_b[gb])) {
            let closest = || match (x.sentence, y.sentence) {
                (Some(p), Some(q)) => {
                    let to_q = *in_a[q].get_or_insert_with(|| closest_a.to(&keys_b[q]));
                    let to_p = *in_b[p].get_or_insert_with(|| closest_b.to(&keys_a[p]));
                    copy_of((keys_a, prints_a), to_q, p) && copy_of((keys_b, prints_b), to_p, q)
                }
                _ => false,
            };
            if let Some((score, class)) = judge(x, y, closest) {
                candidates.push((score, ga, gb, class));
            }
        }
    }
    let matches = repeats::matched(
        &mut candidates,
        |c| c.0,
        |c| (c.1, c.2),
        (groups_a, groups_b),
    );
    let mut out: Vec<QuoteMatch> = (matches.into_iter())
        .map(|(i, j, k)| {
            let (x, y) = (&sa[i as usize], &sb[j as usize]);
            QuoteMatch {
                a: x.index,
                b: y.index,
                span_a: x.span,
                span_b: y.span,
                speaker_a: x.speaker.clone(),
                speaker_b: y.speaker.clone(),
                class: candidates[k].3,
                diff: diff_words(&x.words, &y.words),
            }
        })
        .collect();
    crate::text::sort::by_key(&mut out, |m| (m.a, m.b));
    out
}

/// Whether sentence `p` of an article whose sentences have the keys `keys`
/// (and the fingerprints `prints`, or none) is the sentence `closest` found
/// ([`Closest::to`]) or a copy of it (the same keys): every copy of the
/// closest sentence is as close, so that a quote a text repeats meets the
/// other's copies as its first copy does. Sentences of different
/// fingerprints differ; only those of one are compared word by word.
fn copy_of((keys, prints): (&[HashSet<String>], &[u64]), closest: Option<usize>, p: usize) -> bool {
    closest.is_some_and(|c| c == p || (prints.get(c) == prints.get(p) && keys[c] == keys[p]))
}

/// The quotes of `said` grouped where [`judge`] and [`candidates`] cannot
/// tell them apart: the same words, content words and speaker, and for a
/// short quote, whose sentence [`judge`] reads too, the same words around it
/// and a sentence of the same keys (`sentence_prints`, the fingerprints of
/// the article's sentences, as [`Quotes`] holds them).
fn repeated(said: &[Said], sentence_prints: &[u64]) -> Vec<Vec<u32>> {
    if said.len() < repeats::GROUPED_FROM {
        return repeats::alone(said.iter().map(|_| true));
    }
    let fingerprint = repeats::fingerprint;
    repeats::group(said.iter().map(|x| {
        let key = repeats::Key::new();
        let key = (x.words.iter()).fold(key.u64(x.words.len() as u64), |k, w| k.str(w));
        let key = match &x.named {
            Some(n) => (n.tokens.iter()).fold(key.u64(1).str(&n.key), |k, t| k.str(t)),
            None => key.u64(0),
        };
        let key = key.u64(fingerprint(&x.keys)).u64(fingerprint(&x.plain));
        let key = match x.sentence {
            _ if !short(x) => key,
            Some(s) => (key.u64(1))
                .u64(fingerprint(&x.context))
                .u64(sentence_prints[s]),
            None => key.u64(0),
        };
        Some(key.finish())
    }))
}

/// For each quote of `sa`, the quotes of `sb` (each once) that [`judge`]
/// may take with it, so that two long reports do not judge every pair of
/// their quotes (every pair where there are few): those that may share
/// enough content words to meet by them ([`WORDS_MATCH`], or a trimmed
/// quote's [`TRIMMED_MIN_SHARED`]) and share a word that is not a name,
/// found by [`set_join::candidates_requiring`]; short quotes of
/// one named speaker (by the name's key or its last word, which
/// [`one_name_in_other`] needs) whose sentence is, or is a copy of, the
/// closest to the quote's own ([`copy_of`]): `closest_in_b` finds that
/// sentence for a sentence of `sa`'s article, `prints_b` gives the
/// fingerprints of `sb`'s ([`Quotes`]); and quotes of four words or more
/// with the same words.
fn candidates(
    sa: &[&Said],
    sb: &[&Said],
    (closest_in_b, prints_b): (&mut dyn FnMut(usize) -> Option<usize>, &[u64]),
) -> Candidates {
    if !set_join::worth_joining(sa.len(), sb.len()) {
        return Candidates::Every(sb.len());
    }
    use super::align::hash_set;
    let keys = |s: &[&Said]| -> Vec<Vec<u64>> { s.iter().map(|x| hash_set(&x.keys)).collect() };
    let plain = |s: &[&Said]| -> Vec<Vec<u64>> { s.iter().map(|x| hash_set(&x.plain)).collect() };
    let min_shared = |len| set_join::dice_min_shared(len, WORDS_MATCH).min(TRIMMED_MIN_SHARED);
    let (ha, hb) = (keys(sa), keys(sb));
    let (plain_a, plain_b) = (plain(sa), plain(sb));
    let slices = set_join::slices;
    // Quotes meet by their words only if they share a plain word ([`judge`]).
    let mut meet = set_join::candidates_requiring(
        (&slices(&ha), &slices(&plain_a)),
        (&slices(&hb), &slices(&plain_b)),
        &min_shared,
    );
    let lowered = |x: &Said| -> String {
        let lower: Vec<String> = x.words.iter().map(|w| w.to_lowercase()).collect();
        lower.join(" ")
    };
    // Short quotes of a named speaker, by the name's key and by its last
    // word, each with the fingerprint of its sentence's keys.
    let mut by_name: FastMap<(&str, u64), Vec<u32>> = FastMap::default();
    let mut by_surname: FastMap<(&str, u64), Vec<u32>> = FastMap::default();
    let mut by_words: FastMap<String, Vec<u32>> = FastMap::default();
    for (j, y) in sb.iter().enumerate() {
        if let (true, Some(name), Some(q)) = (short(y), &y.named, y.sentence) {
            let sentence = prints_b[q];
            by_name
                .entry((&name.key, sentence))
                .or_default()
                .push(j as u32);
            if let Some(last) = name.tokens.last() {
                by_surname
                    .entry((last, sentence))
                    .or_default()
                    .push(j as u32);
            }
        }
        if y.words.len() >= OTHER_SPEAKER_MIN_WORDS {
            by_words.entry(lowered(y)).or_default().push(j as u32);
        }
    }
    for (x, meet) in sa.iter().zip(&mut meet) {
        let joined = meet.len();
        let named = x.named.as_ref().filter(|_| short(x));
        // `prints_b` is empty only where `sb` has no short quote in a
        // sentence to meet: a side listed here has GROUPED_FROM quotes or
        // more, for which `Quotes` makes them. `by_name` is then empty too.
        let closest = named.and(x.sentence).and_then(&mut *closest_in_b);
        if let (Some(name), Some(&sentence)) = (named, closest.and_then(|q| prints_b.get(q))) {
            meet.extend(
                by_name
                    .get(&(name.key.as_str(), sentence))
                    .into_iter()
                    .flatten(),
            );
            if let Some(last) = name.tokens.last() {
                meet.extend(
                    by_surname
                        .get(&(last.as_str(), sentence))
                        .into_iter()
                        .flatten(),
                );
            }
        }
        if x.words.len() >= OTHER_SPEAKER_MIN_WORDS {
            meet.extend(by_words.get(&lowered(x)).into_iter().flatten());
        }
        if meet.len() > joined {
            // Some quotes may have come twice.
            crate::text::sort::all(meet);
            meet.dedup();
        }
    }
    Candidates::Listed(meet)
}

/// Finds the sentence of one article closest to a sentence of the other
/// (Dice of their words; the first of equals; none when none shares a
/// word). An article of many sentences is read through an index of the
/// sentences each word is in, made at the first question, so that a
/// question reads only the sentences that share a word with it, not every
/// sentence of a long report.
struct Closest<'k> {
    keys: &'k [HashSet<String>],
    /// Made at the first question, for [`INDEXED_FROM`] sentences or more.
    index: Option<FastMap<&'k str, Vec<u32>>>,
    /// Per sentence, the words it shares with the sentence asked about.
    shared: Vec<u32>,
    /// The sentences `shared` counts for, to clear.
    touched: Vec<u32>,
}

/// Fewer sentences are read one by one: the index would cost more to make.
const INDEXED_FROM: usize = 64;

impl<'k> Closest<'k> {
    fn new(keys: &'k [HashSet<String>]) -> Self {
        Closest {
            keys,
            index: None,
            shared: Vec::new(),
            touched: Vec::new(),
        }
    }

    /// The sentence closest to `sentence`.
    fn to(&mut self, sentence: &HashSet<String>) -> Option<usize> {
        let keys = self.keys;
        if keys.len() < INDEXED_FROM {
            return (0..keys.len())
                .map(|i| (dice(&keys[i], sentence), i))
                .filter(|(d, _)| *d > 0.0)
                .max_by(|p, q| p.0.total_cmp(&q.0).then(q.1.cmp(&p.1)))
                .map(|(_, i)| i);
        }
        let index = self.index.get_or_insert_with(|| {
            let mut index: FastMap<&str, Vec<u32>> = FastMap::default();
            for (i, words) in keys.iter().enumerate() {
                for w in words {
                    index.entry(w.as_str()).or_default().push(i as u32);
                }
            }
            index
        });
        self.shared.resize(keys.len(), 0);
        for w in sentence {
            for &i in index.get(w.as_str()).into_iter().flatten() {
                if self.shared[i as usize] == 0 {
                    self.touched.push(i);
                }
                self.shared[i as usize] += 1;
            }
        }
        let mut best: Option<(f64, usize)> = None;
        for i in self.touched.drain(..) {
            let i = i as usize;
            let shared = std::mem::take(&mut self.shared[i]) as usize;
            let d = dice_of_shared(shared, keys[i].len(), sentence.len());
            if best.is_none_or(|(b, j)| d > b || (d == b && i < j)) {
                best = Some((d, i));
            }
        }
        best.map(|(_, i)| i)
    }
}

/// Whether two quotes are one, how strongly, and how they relate.
/// `closest`: whether the two quotes' sentences are each other's closest,
/// asked only of short quotes of one speaker ([`Closest`]).
fn judge(x: &Said, y: &Said, closest: impl FnOnce() -> bool) -> Option<(f64, QuoteClass)> {
    // Two statements about one person share his name: the quotes must also
    // share a word that is not a name.
    let words = if x.plain.is_disjoint(&y.plain) {
        0.0
    } else {
        overlap(&x.keys, &y.keys)
    };
    let same_speaker = match (&x.named, &y.named) {
        (Some(p), Some(q)) => Some(
            p.key == q.key
                || one_name_in_other(&p.tokens, &q.tokens)
                || (words >= WORDS_MATCH && same_surname(&p.tokens, &q.tokens)),
        ),
        _ => None,
    };
    let same_words = x.words.len() == y.words.len()
        && x.words.iter().zip(&y.words).all(|(p, q)| same_lower(p, q));
    match same_speaker {
        Some(true) => {
            let score = if words >= WORDS_MATCH {
                words + 0.5
            } else if short(x) && x.words.len() == y.words.len() {
                let near = dice(&x.context, &y.context);
                if near >= CONTEXT_MATCH && closest() {
                    near
                } else {
                    return None;
                }
            } else {
                return None;
            };
            let class = if same_words {
                QuoteClass::Same
            } else {
                QuoteClass::Variant
            };
            Some((score, class))
        }
        Some(false) => {
            let long = x.words.len().min(y.words.len()) >= OTHER_SPEAKER_MIN_WORDS;
            (long && words >= 0.8).then_some((words, QuoteClass::OtherSpeaker))
        }
        // A speaker unknown on one side: only the same words meet, as one quote.
        None => {
            let long = x.words.len().min(y.words.len()) >= OTHER_SPEAKER_MIN_WORDS;
            (long && same_words).then_some((words + 0.5, QuoteClass::Same))
        }
    }
}

/// One speaker named in full in one report and shorter or spelled another
/// way in the other ("Chris Wright" / "Wright"; "Volodymyr Zelenskyy" /
/// "Zelensky"): the transliteration keys of the shorter name's words, in
/// order, end the longer one's. A bare first name is not enough ("Chris" /
/// "Chris Wright").
/// `p` and `q` are the names' [`name_tokens`].
fn one_name_in_other(p: &[String], q: &[String]) -> bool {
    let (short, long) = if p.len() <= q.len() { (p, q) } else { (q, p) };
    !short.is_empty() && long.ends_with(short)
}

/// The same surname (the last word's transliteration key), whatever comes
/// before it: a speaker's name as extraction reads it may carry a stray word
/// ("On 11 January Zelensky said" read as "January Zelensky"). Only quotes
/// whose words overlap are allowed to meet this way.
fn same_surname(p: &[String], q: &[String]) -> bool {
    p.last()
        .is_some_and(|x| x.chars().count() > 2 && q.last() == Some(x))
}

/// The word-by-word diff of two quotes (case and punctuation aside).
pub fn word_diff(a: &str, b: &str) -> Vec<WordOp> {
    let split = |s: &str| -> Vec<String> {
        s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    diff_words(&split(a), &split(b))
}

/// Whether two words are the same in lower case (`x.to_lowercase() ==
/// y.to_lowercase()`); two ASCII words, most of them, compared without
/// lowering either.
fn same_lower(x: &str, y: &str) -> bool {
    if x.is_ascii() && y.is_ascii() {
        return x.eq_ignore_ascii_case(y);
    }
    x.to_lowercase() == y.to_lowercase()
}

/// A longest-common-subsequence diff of two word lists.
fn diff_words(a: &[String], b: &[String]) -> Vec<WordOp> {
    let eq = |x: &String, y: &String| same_lower(x, y);
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if eq(&a[i], &b[j]) {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < n || j < m {
        if i < n && j < m && eq(&a[i], &b[j]) {
            out.push(WordOp::Same(b[j].clone()));
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push(WordOp::Added(b[j].clone()));
            j += 1;
        } else {
            out.push(WordOp::Removed(a[i].clone()));
            i += 1;
        }
    }
    out
}

/// One plain sentence about a matched quote.
pub fn explain(m: &QuoteMatch, a: &str, b: &str) -> String {
    let who = |s: &Option<String>| s.clone().unwrap_or_else(|| "someone".to_string());
    match m.class {
        QuoteClass::Same => format!("{a} and {b} quote {} in the same words.", who(&m.speaker_a)),
        QuoteClass::Variant => {
            let changed = m
                .diff
                .iter()
                .filter(|o| !matches!(o, WordOp::Same(_)))
                .count();
            format!(
                "{a} and {b} quote {} saying the same thing in different words ({changed} words differ).",
                who(&m.speaker_a)
            )
        }
        QuoteClass::OtherSpeaker => format!(
            "{a} gives these words to {}, {b} to {}.",
            who(&m.speaker_a),
            who(&m.speaker_b)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A quote as [`said`] would read it: `words` in sentence `sentence` of
    /// an article whose sentences have the keys `sentences`, by `speaker`.
    fn quote(
        index: usize,
        words: &[&str],
        speaker: Option<&str>,
        sentence: usize,
        sentences: &[HashSet<String>],
    ) -> Said {
        let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        let plain: Vec<String> = (words.iter())
            .filter(|w| !w.starts_with(char::is_uppercase))
            .cloned()
            .collect();
        let inside: HashSet<String> = words.iter().map(|w| word_key(w)).collect();
        Said {
            index,
            sentence: Some(sentence),
            span: Span::new(index * 10, index * 10 + 5),
            speaker: speaker.map(str::to_string),
            named: speaker.map(|name| Named {
                key: name.to_lowercase(),
                tokens: name_tokens(name),
            }),
            keys: content_stems(&words, Some("en")),
            plain: content_stems(&plain, Some("en")),
            context: sentences[sentence].difference(&inside).cloned().collect(),
            words,
        }
    }

    fn sentence(words: &[&str]) -> HashSet<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    /// An article's sentence keys and its quotes.
    #[cfg(not(target_arch = "wasm32"))]
    type Quoted = (Vec<HashSet<String>>, Vec<Said>);

    /// Two articles of six sentences each, copies of the few kinds
    /// `sentences` gives, and their quotes: `(words, speaker, sentence)`.
    #[cfg(not(target_arch = "wasm32"))]
    fn two_articles(
        sentences: &[usize],
        a: &[(usize, usize, usize)],
        b: &[(usize, usize, usize)],
    ) -> (Quoted, Quoted) {
        const WORDS: [&[&str]; 5] = [
            &["Reserved"],
            &["we", "agree"],
            &["Never", "again"],
            &["the", "vote", "was", "fair", "and", "free"],
            &["the", "vote", "was", "not", "fair"],
        ];
        const SPEAKERS: [&str; 3] = ["Alnour Iliachev", "Iliachev", "Maria Ivanova"];
        let sentence_keys = |kinds: &[usize]| -> Vec<HashSet<String>> {
            (0..6)
                .map(|i| {
                    let kind = kinds[i % kinds.len()];
                    sentence(&["vote", "said", ["square", "police", "city", "fair"][kind]])
                })
                .collect()
        };
        let said = |items: &[(usize, usize, usize)], keys: &[HashSet<String>]| -> Vec<Said> {
            (items.iter().enumerate())
                .map(|(i, &(w, s, at))| quote(i, WORDS[w], Some(SPEAKERS[s]), at, keys))
                .collect()
        };
        let (keys_a, keys_b) = (sentence_keys(sentences), sentence_keys(&sentences[1..]));
        let (said_a, said_b) = (said(a, &keys_a), said(b, &keys_b));
        ((keys_a, said_a), (keys_b, said_b))
    }

    #[test]
    fn a_short_quote_repeated_meets_each_copy() {
        // A one-word quote whose only word is capitalized shares no plain
        // word with its copy: the two meet by their sentences, each the
        // other's closest. Each report repeats the sentence three times.
        let said_in = "reserved alnour iliachev said vote";
        let keys: Vec<HashSet<String>> = (0..5)
            .map(|i| match i {
                1 | 2 | 4 => sentence(&said_in.split(' ').collect::<Vec<_>>()),
                _ => sentence(&["police", "square", &format!("other{i}")]),
            })
            .collect();
        let said: Vec<Said> = [1, 2, 4]
            .iter()
            .enumerate()
            .map(|(i, &s)| quote(i, &["Reserved"], Some("Alnour Iliachev"), s, &keys))
            .collect();
        let quotes = Quotes::grouped(said, &keys);
        let matches = match_quotes((&keys, &quotes), (&keys, &quotes));
        let pairs: Vec<(usize, usize)> = matches.iter().map(|m| (m.a, m.b)).collect();
        assert_eq!(pairs, [(0, 0), (1, 1), (2, 2)]);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Quotes grouped where the matching cannot tell them apart
        /// ([`repeated`]) match as they do each alone: short quotes in
        /// sentences that repeat, and long ones, of a few speakers.
        #[test]
        fn grouped_quotes_match_as_each_alone(
            sentences in proptest::collection::vec(0usize..4, 2..6),
            a in proptest::collection::vec((0usize..5, 0usize..3, 0usize..6), repeats::GROUPED_FROM..200),
            b in proptest::collection::vec((0usize..5, 0usize..3, 0usize..6), repeats::GROUPED_FROM..200),
        ) {
            let ((keys_a, said_a), (keys_b, said_b)) = two_articles(&sentences, &a, &b);
            let (grouped_a, grouped_b) =
                (Quotes::grouped(said_a, &keys_a), Quotes::grouped(said_b, &keys_b));
            let grouped = match_quotes((&keys_a, &grouped_a), (&keys_b, &grouped_b));
            let alone = |quotes: Quotes| Quotes {
                groups: repeats::alone(quotes.said.iter().map(|_| true)),
                ..quotes
            };
            let each_alone =
                match_quotes((&keys_a, &alone(grouped_a)), (&keys_b, &alone(grouped_b)));
            proptest::prop_assert_eq!(grouped, each_alone);
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// [`candidates`] lists every pair of quotes that [`judge`] takes,
        /// where there are enough quotes to list them.
        #[test]
        fn every_pair_judged_one_is_a_candidate(
            sentences in proptest::collection::vec(0usize..4, 2..6),
            a in proptest::collection::vec((0usize..5, 0usize..3, 0usize..6), 130..200),
            b in proptest::collection::vec((0usize..5, 0usize..3, 0usize..6), 130..200),
        ) {
            let ((keys_a, said_a), (keys_b, said_b)) = two_articles(&sentences, &a, &b);
            let (mut closest_a, mut closest_b) = (Closest::new(&keys_a), Closest::new(&keys_b));
            let prints_b: Vec<u64> = keys_b.iter().map(repeats::fingerprint).collect();
            let (sa, sb): (Vec<&Said>, Vec<&Said>) = (said_a.iter().collect(), said_b.iter().collect());
            let meet = candidates(&sa, &sb, (&mut |p| closest_b.to(&keys_a[p]), &prints_b));
            proptest::prop_assert!(matches!(meet, Candidates::Listed(_)));
            // The closure above holds the first; the judge asks a second,
            // and compares sentences word by word (no fingerprints).
            let mut closest_b = Closest::new(&keys_b);
            for (i, x) in said_a.iter().enumerate() {
                for (j, y) in said_b.iter().enumerate() {
                    let (p, q) = (x.sentence.unwrap(), y.sentence.unwrap());
                    let closest = || {
                        copy_of((&keys_a, &[]), closest_a.to(&keys_b[q]), p)
                            && copy_of((&keys_b, &[]), closest_b.to(&keys_a[p]), q)
                    };
                    if judge(x, y, closest).is_some() {
                        proptest::prop_assert!(meet.of(i).any(|k| k == j), "{i} and {j} judged one");
                    }
                }
            }
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// The index finds the sentence that reading every sentence finds.
        #[test]
        fn the_index_finds_the_closest_sentence_every_reading_finds(
            sentences in proptest::collection::vec(
                proptest::collection::btree_set(0u8..30, 0..8), INDEXED_FROM..INDEXED_FROM + 40),
            asked in proptest::collection::vec(proptest::collection::btree_set(0u8..30, 0..8), 1..6),
        ) {
            let set = |words: &std::collections::BTreeSet<u8>| -> HashSet<String> {
                words.iter().map(|w| format!("w{w}")).collect()
            };
            let keys: Vec<HashSet<String>> = sentences.iter().map(set).collect();
            let mut indexed = Closest::new(&keys);
            for words in &asked {
                let sentence = set(words);
                let every = (0..keys.len())
                    .map(|i| (dice(&keys[i], &sentence), i))
                    .filter(|(d, _)| *d > 0.0)
                    .max_by(|p, q| p.0.total_cmp(&q.0).then(q.1.cmp(&p.1)))
                    .map(|(_, i)| i);
                proptest::prop_assert_eq!(indexed.to(&sentence), every);
            }
        }
    }

    #[test]
    fn same_lower_answers_as_both_lowered() {
        let words = [
            "said", "Said", "SAID", "saids", "", "K", "k", "\u{212a}", "Über", "über", "ÜBER",
            "ΟΔΟΣ", "οδος", "οδοσ", "İ", "i̇", "i",
        ];
        for x in words {
            for y in words {
                let lowered = x.to_lowercase() == y.to_lowercase();
                assert_eq!(same_lower(x, y), lowered, "{x} {y}");
            }
        }
    }

    #[test]
    fn reworded_quote_diffs_word_by_word() {
        let ops = word_diff(
            "In reality, they organized (the demonstration) only to prevent us",
            "In reality they only held (the demonstration) to prevent us",
        );
        let changed: Vec<&WordOp> = ops
            .iter()
            .filter(|o| !matches!(o, WordOp::Same(_)))
            .collect();
        assert!(
            changed.contains(&&WordOp::Removed("organized".into())),
            "{ops:?}"
        );
        assert!(changed.contains(&&WordOp::Added("held".into())), "{ops:?}");
        assert!(ops.contains(&WordOp::Same("demonstration".into())));
        assert!(changed.len() <= 4, "{ops:?}");
    }

    fn one_name_in(p: &str, q: &str) -> bool {
        one_name_in_other(&name_tokens(p), &name_tokens(q))
    }

    fn surname_of_both(p: &str, q: &str) -> bool {
        same_surname(&name_tokens(p), &name_tokens(q))
    }

    #[test]
    fn a_surname_alone_names_the_same_speaker() {
        assert!(one_name_in("Chris Wright", "Wright"));
        assert!(one_name_in("Wright", "Red Hat's Chris Wright"));
        assert!(!one_name_in("Chris Wright", "Chris"));
        assert!(one_name_in("Volodymyr Zelenskyy", "Zelensky"));
        assert!(!one_name_in("Chris Wright", "Orville Wright Jr"));
    }

    #[test]
    fn a_stray_word_before_a_surname_keeps_the_surname() {
        assert!(surname_of_both(
            "Ukraine Volodymyr Zelenskyy",
            "January Zelensky"
        ));
        assert!(!surname_of_both("Chris Wright", "Chris Evans"));
    }

    fn stems(s: &str) -> HashSet<String> {
        let words: Vec<String> = s
            .split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        content_stems(&words, Some("en"))
    }

    #[test]
    fn content_words_meet_on_their_stems() {
        let (x, y) = (
            stems("an act of inexplicable barbarity"),
            stems("an act of inexplicable barbarism"),
        );
        assert_eq!(x, y);
        assert!(!x.contains("of"), "{x:?}");
    }

    #[test]
    fn shared_stop_words_do_not_make_one_quote() {
        // Two condolence messages of one speaker on two disasters.
        let x = stems("condolences to the families of those who lost their lives. May the injured recover soon.");
        let y = stems(
            "My thoughts are with those who lost their loved ones. May the injured recover at \
             the earliest. [...] Authorities are at the spot, providing all assistance to the affected.",
        );
        assert!(overlap(&x, &y) < WORDS_MATCH, "{}", overlap(&x, &y));
    }

    #[test]
    fn a_trimmed_quote_meets_its_whole() {
        let whole = stems(
            "Parts of Abaco are decimated. There is severe flooding. There is severe flooding \
             damage to homes, businesses and infrastructure. The southern aspect of Abaco has \
             suffered less devastation than the north. The Sandy Point area and progressing \
             north has not suffered as much devastation that was seen in the Marsh Harbour vicinity.",
        );
        let trimmed = stems("severe flooding damage to homes, businesses and infrastructure");
        assert!(dice(&whole, &trimmed) < 0.6, "{}", dice(&whole, &trimmed));
        assert_eq!(overlap(&whole, &trimmed), 1.0);
    }

    fn plain_of(text: &str) -> Vec<String> {
        let art = crate::article::analyze(&crate::Input::new("a", text)).expect("analyzes");
        let q = (art.quotes.first()).unwrap_or_else(|| panic!("no quote in {text:?}"));
        let names = Covers::new(art.entities.iter().map(|e| e.span));
        let quoted = quoted_words(&art, &names, q).into_iter();
        quoted.filter(|(_, name)| !name).map(|(w, _)| w).collect()
    }

    #[test]
    fn names_in_a_quote_are_not_plain_words() {
        let plain = plain_of(
            "Former Prime Minister Donald Tusk wrote on Twitter on Sunday evening: \
             \"Let's all pray for Mayor Adamowicz, we are with you.\"",
        );
        assert!(plain.contains(&"pray".to_string()), "{plain:?}");
        assert!(!plain.iter().any(|w| w == "Adamowicz"), "{plain:?}");
    }

    #[test]
    fn german_nouns_are_plain_words() {
        let plain = plain_of(
            "Der Bürgermeister der Stadt sagte am Montag vor den Journalisten im Rathaus: \
             \"Die Regierung muss die Schulen und die Kindergärten sofort wieder öffnen.\" \
             Die Opposition kritisierte die Entscheidung der Landesregierung scharf.",
        );
        assert!(plain.contains(&"Regierung".to_string()), "{plain:?}");
        assert!(plain.contains(&"Schulen".to_string()), "{plain:?}");
    }

    #[test]
    fn a_pronoun_is_not_a_name() {
        assert_eq!(named(Some(&"he".to_string()), Some("en")), None);
        assert_eq!(named(Some(&"They".to_string()), Some("en")), None);
        assert_eq!(
            named(Some(&"Kyriakos Mitsotakis".to_string()), Some("en")),
            Some("Kyriakos Mitsotakis".to_string())
        );
    }

    #[test]
    fn identical_words_diff_to_nothing() {
        let ops = word_diff("This is absolutely false", "this is absolutely false.");
        assert!(ops.iter().all(|o| matches!(o, WordOp::Same(_))), "{ops:?}");
    }
}
