//! Line rules: what a single line of text is when it is not story.
//!
//! [`classify`] looks at one trimmed line on its own and says whether it is
//! site furniture (with the reason), a header that opens a block of furniture
//! (related links, comments, "Original url:"), or possibly story. The rules
//! are phrased for news sites in general, in English first and in French,
//! German, Spanish, Russian and Italian where the phrase is common; the
//! context rules (blocks, the trailing region, batch evidence) live in
//! [`super::lines`].

use super::dateline::{self, Dateline};
use super::Reason;
use crate::lexicon::lists::clean as words;
use crate::lexicon::WordIndex;
use crate::text::{count_words, is_ascii_space, lower_line, spaced_words, Needles};
use memchr::memmem::Finder;
use std::sync::OnceLock;

/// What one line is, judged on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// Not recognised as furniture: possibly story.
    Text,
    /// Furniture, with the reason.
    Remove(Reason),
    /// A header whose following headline-like lines are related links.
    RelatedHeader,
    /// A header after which everything is comments.
    CommentsHeader,
    /// "Original url:" with the address on a following line.
    UrlHeader,
}

/// The line with bullets, dashes and trailing colons trimmed, and where it
/// starts in `line`.
fn core(line: &str) -> (usize, &str) {
    let head = line.trim_start_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '•' | '·' | '*' | '-' | '–' | '—' | '►' | '▶' | '»' | '>' | '|'
            )
    });
    let core = head.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '.' | '!' | '»' | '›' | '>')
    });
    (line.len() - head.len(), core)
}

/// The words of `line` counted no further than `cap`, from `part_words`,
/// those of `line[start..start + part.len()]` counted as far: only the
/// edges around the part are read, not the whole line again. A word the
/// part's edge cuts is the part's own.
fn words_around(line: &str, start: usize, part: &str, part_words: usize, cap: usize) -> usize {
    if part_words >= cap {
        // A line has every word of its part (and maybe more).
        return cap;
    }
    if part.is_empty() {
        // The edges touch each other: a word may run across them.
        return count_words(line, cap);
    }
    let (head, tail) = (&line[..start], &line[start + part.len()..]);
    let cut = |a: Option<char>, b: Option<char>| {
        usize::from(
            a.zip(b)
                .is_some_and(|(a, b)| !a.is_whitespace() && !b.is_whitespace()),
        )
    };
    let cut_head = cut(head.chars().next_back(), part.chars().next());
    let cut_tail = cut(part.chars().next_back(), tail.chars().next());
    // Each cut word is counted in its edge and in the part; when an edge's
    // count stops at `cap`, the sum is still at least `cap`.
    (count_words(head, cap) + part_words + count_words(tail, cap) - cut_head - cut_tail).min(cap)
}

/// Whether `s` has more than `n` (white-space separated) words; counting
/// stops there (a long paragraph is read once, not to its end).
pub fn more_words_than(s: &str, n: usize) -> bool {
    count_words(s, n.saturating_add(1)) > n
}

/// Whether `s` ends like a sentence (terminal punctuation, maybe inside quotes
/// or brackets).
pub fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end().trim_end_matches(|c: char| {
        matches!(c, '”' | '"' | '»' | '’' | '\'' | ')' | ']' | '*' | '_')
    });
    t.ends_with(['.', '!', '?', '…', '。'])
}

/// A line that reads like story text: several words ending like a sentence.
pub fn is_story_like(s: &str) -> bool {
    more_words_than(s, 5) && ends_sentence(s)
}

/// Whether `s` is a web address (bare, or in `<...>`).
pub fn is_url(s: &str) -> bool {
    // An address opens with "h" or "w": most lines are turned away by their
    // first ASCII byte after white space and '<', before they are trimmed.
    // (A byte that is not ASCII may be white space: such a line is read whole.
    // The ASCII white space is `trim`'s, vertical tab included.)
    let first = s.bytes().find(|&b| !(is_ascii_space(b) || b == b'<'));
    if first.is_some_and(|b| b.is_ascii() && b != b'h' && b != b'w') {
        return false;
    }
    let t = s.trim().trim_start_matches('<').trim_end_matches('>');
    (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
        && !t.contains(char::is_whitespace)
}

/// A whole-line list, indexed on first use.
type Lines = WordIndex<&'static str>;

static RELATED_HEADERS: Lines = WordIndex::of_words(words::RELATED_HEADERS);
static COMMENT_HEADERS: Lines = WordIndex::of_words(words::COMMENT_HEADERS);
static COMMENT_COUNT_NOUNS: Lines = WordIndex::of_words(words::COMMENT_COUNT_NOUNS);
static COMMENT_FORM_LABELS: Lines = WordIndex::of_words(words::COMMENT_FORM_LABELS);
static SHARE_BUTTONS: Lines = WordIndex::of_words(words::SHARE_BUTTONS);
static ADVERTISING_LABELS: Lines = WordIndex::of_words(words::ADVERTISING_LABELS);
static COUNTER_WORDS: Lines = WordIndex::of_words(words::COUNTER_WORDS);
static BYLINE_NAME_LINKS: Lines = WordIndex::of_words(words::BYLINE_NAME_LINKS);

/// A list of prefixes sorted by the first byte they start with: a line is
/// compared only with the prefixes its first byte starts, and passed over
/// when there are none.
struct Prefixes {
    list: &'static crate::lexicon::lists::Words,
    /// For each first byte, and last for the empty line, the prefixes that
    /// may start a line, in the list's order.
    by_first: OnceLock<Box<[Vec<&'static str>; 257]>>,
}

impl Prefixes {
    const fn new(list: &'static crate::lexicon::lists::Words) -> Prefixes {
        Prefixes {
            list,
            by_first: OnceLock::new(),
        }
    }

    /// The prefixes that may start `l`, in the list's order: those whose
    /// first byte is its first byte (and an empty one).
    fn starting(&self, l: &str) -> &[&'static str] {
        self.starting_with(l.as_bytes().first().copied())
    }

    /// The prefixes whose first byte is `first` (`None` for the empty
    /// line), and an empty one, in the list's order.
    fn starting_with(&self, first: Option<u8>) -> &[&'static str] {
        let by_first = self.by_first.get_or_init(|| {
            let mut by_first: Box<[Vec<&'static str>; 257]> =
                Box::new(std::array::from_fn(|_| Vec::new()));
            for p in self.list.iter().copied() {
                match p.as_bytes().first() {
                    Some(&b) => by_first[usize::from(b)].push(p),
                    // An empty prefix starts every line.
                    None => by_first.iter_mut().for_each(|v| v.push(p)),
                }
            }
            by_first
        });
        &by_first[first.map_or(256, usize::from)]
    }

    /// Whether some prefix may start `l`, by its first byte alone.
    fn may_start(&self, l: &str) -> bool {
        !self.starting(l).is_empty()
    }

    /// The prefixes that may start `l`, each to be compared whole.
    fn candidates(&self, l: &str) -> impl Iterator<Item = &'static str> + '_ {
        self.starting(l).iter().copied()
    }

    /// Whether `l` starts with one of the prefixes.
    fn any_starts(&self, l: &str) -> bool {
        self.candidates(l).any(|p| l.starts_with(p))
    }
}

/// Phrases looked for anywhere in a line, each with its searcher built on
/// first use: `memmem`'s vector search, set up once, reads a line in fewer
/// steps than `str::contains` setting up its search on every line.
struct Phrases<const N: usize> {
    phrases: [&'static str; N],
    finders: OnceLock<[Finder<'static>; N]>,
}

impl<const N: usize> Phrases<N> {
    const fn new(phrases: [&'static str; N]) -> Phrases<N> {
        Phrases {
            phrases,
            finders: OnceLock::new(),
        }
    }

    /// Whether one of the phrases occurs in `l`.
    fn any_in(&self, l: &str) -> bool {
        let finders = self.finders.get_or_init(|| self.phrases.map(Finder::new));
        finders.iter().any(|f| f.find(l.as_bytes()).is_some())
    }
}

static RELATED_LINK_PREFIXES: Prefixes = Prefixes::new(words::RELATED_LINK_PREFIXES);
static COMMENT_FORM_PHRASES: Prefixes = Prefixes::new(words::COMMENT_FORM_PHRASES);
static SOURCE_URL_HEADERS: Prefixes = Prefixes::new(words::SOURCE_URL_HEADERS);
static PROMO_PREFIXES: Prefixes = Prefixes::new(words::PROMO_PREFIXES);
static CREDIT_PREFIXES: Prefixes = Prefixes::new(words::CREDIT_PREFIXES);
static TAG_PREFIXES: Prefixes = Prefixes::new(words::TAG_PREFIXES);

/// One line under judgement: as given (trimmed), its [`core`], and the
/// number of words of the core.
struct Line<'a> {
    line: &'a str,
    l: String,
    words: usize,
}

/// The line rules, tried in order: the first that recognises the line
/// decides. A line none recognises is then tried for a dateline alone
/// ([`dateline_only`]), whose reading of the line's opening date serves the
/// leading-dateline rule too.
const RULES: &[fn(&Line) -> Option<LineKind>] = &[
    only_punctuation,
    related_link,
    related_header,
    comments_header,
    comment_form,
    source_url_header,
    bare_url,
    source_tag,
    share_button,
    share_counter,
    photo_credit,
    promo,
    newsletter,
    cookie_notice,
    copyright,
    relative_time,
    page_tools,
    caption,
    credits,
    tags,
    byline,
];

/// Judges one trimmed, non-empty line on its own.
pub fn classify(line: &str) -> LineKind {
    classify_counted(line).kind
}

/// What [`classify_counted`] read of a line, for the context rules to read
/// instead of reading the line again.
pub(crate) struct Judged {
    /// What [`classify`] says.
    pub kind: LineKind,
    /// The line's words, counted no further than 61 (the rules ask for fewer).
    pub words: usize,
    /// `parse_dateline` of the line, when it was read.
    pub date: Option<Option<Dateline>>,
    /// Whether the byline rule read the line and found no byline in it.
    pub not_byline: bool,
}

/// [`classify`], with what it read of `line` on the way.
pub(crate) fn classify_counted(line: &str) -> Judged {
    // Every rule is about short lines; a long paragraph is story (and
    // lower-casing it would be the cost of the whole stage).
    // Lower-casing keeps the core's words (white space has no case).
    let (start, core) = core(line);
    let words = count_words(core, 61);
    let line_words = words_around(line, start, core, words, 61);
    let judged = |kind, date, not_byline| Judged {
        kind,
        words: line_words,
        date,
        not_byline,
    };
    if line_words > 60 {
        return judged(LineKind::Text, None, false);
    }
    let l = lower_line(core);
    let x = Line { line, l, words };
    if let Some(kind) = RULES.iter().find_map(|rule| rule(&x)) {
        return judged(kind, None, false);
    }
    // Every rule said no, the byline rule (the last) among them.
    let (kind, date) = dateline_only(line);
    judged(kind.unwrap_or(LineKind::Text), date, true)
}

/// Only bullets or punctuation.
fn only_punctuation(x: &Line) -> Option<LineKind> {
    if !x.l.is_empty() {
        return None;
    }
    Some(if x.line.trim().is_empty() {
        LineKind::Text
    } else {
        LineKind::Remove(Reason::Markup)
    })
}

/// "Read also: ...", "• Read more Markets slide": a link to another article;
/// "SEE ALSO" alone heads a block of them.
fn related_link(x: &Line) -> Option<LineKind> {
    let l = &x.l;
    if !RELATED_LINK_PREFIXES.may_start(l) {
        return None;
    }
    for p in RELATED_LINK_PREFIXES.candidates(l) {
        let Some(rest) = l.strip_prefix(p) else {
            continue;
        };
        let rest = rest.trim_start_matches([':', ' ', '-', '–', '—', '|']);
        if rest.is_empty() {
            return Some(LineKind::RelatedHeader);
        }
        let bulleted = x
            .line
            .trim_start()
            .starts_with(['•', '·', '*', '-', '–', '—', '►', '▶', '»', '>']);
        let marked = l[p.len()..]
            .trim_start()
            .starts_with([':', '-', '–', '—', '|'])
            || p.ends_with(':')
            || rest.starts_with(|c: char| c.is_uppercase());
        if x.words <= 30 && (bulleted || marked) {
            return Some(LineKind::Remove(Reason::RelatedLinks));
        }
    }
    None
}

/// "Related Articles", "Most read".
fn related_header(x: &Line) -> Option<LineKind> {
    (x.words <= 8 && RELATED_HEADERS.contains(&x.l)).then_some(LineKind::RelatedHeader)
}

/// "Leave a reply", "12 Comments".
fn comments_header(x: &Line) -> Option<LineKind> {
    (COMMENT_HEADERS.contains(&x.l) || is_count_of(&x.l, &COMMENT_COUNT_NOUNS))
        .then_some(LineKind::CommentsHeader)
}

/// A comment form's small print, or one of its labels alone on a line.
fn comment_form(x: &Line) -> Option<LineKind> {
    let small_print = x.words <= 25 && COMMENT_FORM_PHRASES.any_starts(&x.l);
    let label = COMMENT_FORM_LABELS.contains(&x.l) && x.line.trim().len() < 20;
    (small_print || label).then_some(LineKind::Remove(Reason::Comments))
}

/// "Original url:" (the address follows), or "Original url: https://...".
fn source_url_header(x: &Line) -> Option<LineKind> {
    if !SOURCE_URL_HEADERS.may_start(&x.l) {
        return None;
    }
    for p in SOURCE_URL_HEADERS.candidates(&x.l) {
        let Some(rest) = x.l.strip_prefix(p) else {
            continue;
        };
        if rest.trim_start_matches([':', ' ']).is_empty() {
            return Some(LineKind::UrlHeader);
        }
        if x.words <= 12 {
            return Some(LineKind::Remove(Reason::SourceUrl));
        }
    }
    None
}

/// A bare address.
fn bare_url(x: &Line) -> Option<LineKind> {
    is_url(x.line).then_some(LineKind::Remove(Reason::SourceUrl))
}

/// "source site-64", "Source link -124", "Source: AFP".
fn source_tag(x: &Line) -> Option<LineKind> {
    let l = &x.l;
    let tag = x.words <= 4
        && (l.starts_with("source link")
            || l.starts_with("source site")
            || l.starts_with("source:")
            || l == "source"
            || l.starts_with("source -")
            || l.starts_with("source ") && !ends_sentence(x.line));
    tag.then_some(LineKind::Remove(Reason::SourceTag))
}

/// "Share this article", "Facebook".
fn share_button(x: &Line) -> Option<LineKind> {
    SHARE_BUTTONS
        .contains(&x.l)
        .then_some(LineKind::Remove(Reason::Share))
}

/// "0", "81", "1.2K shares".
fn share_counter(x: &Line) -> Option<LineKind> {
    is_counter(&x.l).then_some(LineKind::Remove(Reason::ShareCounter))
}

/// Photo credits, and captions carrying one: a strong mark near the end or
/// on a line that is no sentence, or a weak mark on a short such line.
fn photo_credit(x: &Line) -> Option<LineKind> {
    if x.words > 40 {
        return None;
    }
    let l = &x.l;
    static MARKS: Needles = Needles::of_words(words::PHOTO_CREDIT_MARKS);
    static WEAK_MARKS: Needles = Needles::of_words(words::WEAK_PHOTO_CREDIT_MARKS);
    let sentence = ends_sentence(x.line);
    let credit = if sentence {
        // A sentence needs a strong mark in its last 60 bytes: only they are searched.
        let mut from = l.len().saturating_sub(60);
        while !l.is_char_boundary(from) {
            from -= 1;
        }
        MARKS
            .last_start(&l[from..])
            .is_some_and(|at| from + at + 60 >= l.len())
    } else {
        MARKS.any_in(l) || x.words <= 25 && WEAK_MARKS.any_in(l)
    };
    credit.then_some(LineKind::Remove(Reason::PhotoCredit))
}

/// Promotion of the outlet and its apps; advertising labels.
fn promo(x: &Line) -> Option<LineKind> {
    let promo =
        x.words <= 30 && PROMO_PREFIXES.any_starts(&x.l) || ADVERTISING_LABELS.contains(&x.l);
    promo.then_some(LineKind::Remove(Reason::Promo))
}

/// "Sign up for our newsletter", "Enable notifications".
fn newsletter(x: &Line) -> Option<LineKind> {
    let l = &x.l;
    static SUBJECTS: Phrases<2> = Phrases::new(["newsletter", "notifications"]);
    let signup = x.words <= 30
        && SUBJECTS.any_in(l)
        && [
            "sign up",
            "subscribe",
            "register",
            "get our",
            "enable",
            "inscri",
            "abonn",
        ]
        .iter()
        .any(|v| l.contains(v));
    signup.then_some(LineKind::Remove(Reason::Promo))
}

/// "We use cookies ...".
fn cookie_notice(x: &Line) -> Option<LineKind> {
    let l = &x.l;
    static COOKIE: Phrases<1> = Phrases::new(["cookie"]);
    let notice =
        x.words <= 60 && COOKIE.any_in(l) && words::COOKIE_MARKS.iter().any(|m| l.contains(m));
    notice.then_some(LineKind::Remove(Reason::Cookie))
}

/// "© 2022 Example News. All rights reserved."
fn copyright(x: &Line) -> Option<LineKind> {
    static RESERVED: Phrases<3> = Phrases::new([
        "all rights reserved",
        "tous droits réservés",
        "alle rechte vorbehalten",
    ]);
    let l = &x.l;
    let notice = x.words <= 30
        && (l.starts_with('©')
            || l.starts_with("copyright")
            || l.starts_with("(c) ")
            || RESERVED.any_in(l));
    notice.then_some(LineKind::Remove(Reason::Copyright))
}

/// "Published 3 hours ago": a dateline.
fn relative_time(x: &Line) -> Option<LineKind> {
    // The time needs a number: a short line without a digit is not read.
    let timed = x.words <= 8 && x.l.bytes().any(|b| b.is_ascii_digit()) && is_relative_time(&x.l);
    timed.then_some(LineKind::Remove(Reason::Dateline))
}

/// Page tools and furniture that copy-paste picks up ("5 min read").
fn page_tools(x: &Line) -> Option<LineKind> {
    let tool = x.words <= 6
        && words::PAGE_TOOLS
            .iter()
            .any(|p| x.l.starts_with(p) || x.l.ends_with(p));
    tool.then_some(LineKind::Remove(Reason::PageTools))
}

/// "Image caption, Police in Almaty on Thursday".
fn caption(x: &Line) -> Option<LineKind> {
    let caption = x.words <= 30
        && [
            "image caption",
            "media caption",
            "image source",
            "caption:",
            "légende",
        ]
        .iter()
        .any(|p| x.l.starts_with(p));
    caption.then_some(LineKind::Remove(Reason::PhotoCredit))
}

/// "Reporting by Duncan Miriri; Editing by Alex Richardson".
fn credits(x: &Line) -> Option<LineKind> {
    let l = &x.l;
    let credits = x.words <= 25
        && CREDIT_PREFIXES.any_starts(l)
        && (!ends_sentence(x.line) || l.contains(';') || l.contains("editing by"));
    credits.then_some(LineKind::Remove(Reason::Credits))
}

/// "Filed under: Politics, Asia".
fn tags(x: &Line) -> Option<LineKind> {
    let tags = x.words <= 12 && TAG_PREFIXES.any_starts(&x.l);
    tags.then_some(LineKind::Remove(Reason::Tags))
}

/// "By AFP", "Par Jean Dupont".
fn byline(x: &Line) -> Option<LineKind> {
    is_byline(x.line).then_some(LineKind::Remove(Reason::Byline))
}

/// A line that is only a dateline ("March 19, 2022", "· Sunday, April 18");
/// and the dateline opening `line`, when the date was read from its start.
fn dateline_only(line: &str) -> (Option<LineKind>, Option<Option<Dateline>>) {
    let bare = line.trim().trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '·' | '•' | '|' | '-' | '–' | '—')
    });
    let date = dateline::parse_dateline(bare);
    let kind = date
        .is_some_and(|d| d.len == bare.trim_end().len())
        .then_some(LineKind::Remove(Reason::Dateline));
    // `bare` is a part of `line`: the same length is the same text.
    (kind, (bare.len() == line.len()).then_some(date))
}

/// "Published 3 hours ago", "Updated 5 min ago", "il y a 2 heures",
/// "vor 3 Stunden", "hace 2 horas".
fn is_relative_time(l: &str) -> bool {
    let words: Vec<&str> = l.split_whitespace().collect();
    let Some(n) = words
        .iter()
        .position(|w| w.chars().all(|c| c.is_ascii_digit()))
    else {
        return false;
    };
    let unit = words.get(n + 1).copied().unwrap_or("");
    let before = words[..n].join(" ");
    let lead_ok = |allowed: &[&str]| allowed.contains(&before.as_str());
    let en_unit = unit.starts_with("min")
        || unit.starts_with("hour")
        || unit.starts_with("hr")
        || unit.starts_with("day")
        || unit.starts_with("week");
    (en_unit
        && words.get(n + 2) == Some(&"ago")
        && words.len() == n + 3
        && lead_ok(&["", "published", "updated", "posted", "last updated"]))
        || (words.len() == n + 2
            && (lead_ok(&["il y a", "publié il y a", "mis à jour il y a"])
                && ["minutes", "minute", "heures", "heure", "jours", "jour"].contains(&unit)
                || lead_ok(&["vor", "aktualisiert vor"])
                    && ["minuten", "stunden", "stunde", "tagen", "tag"].contains(&unit)
                || lead_ok(&["hace", "actualizado hace"])
                    && ["minutos", "horas", "hora", "días", "día"].contains(&unit)))
}

/// "12 Comments", "3 responses": a number and one of `nouns`.
fn is_count_of(l: &str, nouns: &Lines) -> bool {
    let mut it = spaced_words(l);
    // Most lines open with no number: their other words are not read.
    if !it
        .next()
        .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
    {
        return false;
    }
    match (it.next(), it.next()) {
        (Some(w), None) => nouns.contains(w),
        _ => false,
    }
}

/// A share or view counter: "0", "81", "1.2K shares", "35 views".
fn is_counter(l: &str) -> bool {
    let mut parts = spaced_words(l);
    let Some(first) = parts.next() else {
        return false;
    };
    let num = first.trim_end_matches(['k', 'm']);
    if num.is_empty()
        || !num
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        || !num.starts_with(|c: char| c.is_ascii_digit())
        || first.len() > 9
    {
        return false;
    }
    parts.all(|w| COUNTER_WORDS.contains(w))
}

/// "By AFP", "By [Jane Doe](/author/jd)", "Par Jean Dupont": the byte range
/// of the name in `line`.
pub fn byline_name(line: &str) -> Option<(usize, usize)> {
    let head = line.trim_start();
    let t = head.trim_end();
    let word = byline_word(t)?;
    let lead = line.len() - head.len();
    let rest = &t[word.len()..];
    let name_start = word.len() + (rest.len() - rest.trim_start().len());
    let name = rest.trim();
    if name.is_empty()
        || t.chars().count() > 80
        || more_words_than(name, 8)
        || ends_sentence(name) && !name.ends_with(')')
    {
        return None;
    }
    is_name_list(name).then_some((lead + name_start, lead + t.len()))
}

/// The byline word ("By", "Par") that opens `t`, followed by white space,
/// as its first 12 characters lower-cased read. When those characters are
/// ASCII (most lines) they are compared in place, lowering each byte.
fn byline_word(t: &str) -> Option<&'static str> {
    // A line whose first character, lowered, opens no byline word has none
    // (most lines). An ASCII first byte is lowered and looked up by itself;
    // another character is lowered a character at a time.
    static BY_FIRST: Prefixes = Prefixes::new(words::BYLINE_WORDS);
    let &b = t.as_bytes().first()?;
    let opens = if b.is_ascii() {
        !BY_FIRST
            .starting_with(Some(b.to_ascii_lowercase()))
            .is_empty()
    } else {
        let first = t.chars().next()?.to_lowercase().next()?;
        words::BYLINE_WORDS.iter().any(|w| w.starts_with(first))
    };
    if !opens {
        return None;
    }
    let n = t.len().min(12);
    let Some(head) = t.as_bytes().get(..n).filter(|h| h.is_ascii()) else {
        let head: String = t.chars().take(12).collect();
        let lower = head.to_lowercase();
        return words::BYLINE_WORDS
            .iter()
            .copied()
            .find(|w| lower.starts_with(*w) && lower[w.len()..].starts_with(char::is_whitespace));
    };
    // The list is lower case, so an ASCII case-blind compare is the lowering.
    words::BYLINE_WORDS.iter().copied().find(|w| {
        let w = w.as_bytes();
        head.get(..w.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(w))
            && head
                .get(w.len())
                .is_some_and(|&b| char::from(b).is_whitespace())
    })
}

/// Names are capitalised words, maybe joined by "and", "&", ",", "in", "de".
fn is_name_list(name: &str) -> bool {
    name.trim_start_matches('[')
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|' || c == '/')
        .filter(|w| !w.is_empty())
        .all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.is_empty()
                || w.starts_with(|c: char| c.is_uppercase())
                || BYLINE_NAME_LINKS.contains(w)
                || w.starts_with('(')
                || w.contains('(') // markdown link target
        })
}

fn is_byline(line: &str) -> bool {
    byline_name(line).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counting around the core gives what counting the whole line gives:
    /// bullets and marks alone or stuck to a word, other white space, lines
    /// that are all marks, and every cap.
    #[test]
    fn words_around_the_core_are_the_lines() {
        let lines = [
            "",
            "•",
            "- ...",
            "-...",
            "• Read more: markets slide.",
            "•Read more",
            "» Nachrichten\u{3000}heute »",
            "Фото: ТАСС.",
            "word",
            "a b c d e!",
            "end :",
            "—\u{a0}Le titre —",
            "\u{2003}> quoted >",
        ];
        for line in lines {
            let (start, core) = core(line);
            assert_eq!(&line[start..start + core.len()], core, "{line:?}");
            for cap in 0..6 {
                let want = count_words(line, cap);
                let got = words_around(line, start, core, count_words(core, cap), cap);
                assert_eq!(got, want, "{line:?} {cap}");
            }
        }
        let long = format!("• {} end.", "word ".repeat(70));
        let (start, core) = core(&long);
        assert_eq!(
            words_around(&long, start, core, count_words(core, 61), 61),
            61
        );
    }

    /// The opening date handed on is the line's own, read from its start.
    #[test]
    fn handed_dates_are_the_lines() {
        let lines = [
            "Jan 6, 2022: Unrest in Kazakhstan.",
            "22 mai 2012. - Prévu initialement pour samedi.",
            "March 19, 2022",
            "· Sunday, April 18",
            "The story says what happened.",
            "Paris, 21 juin 2012 – Le lancement a eu lieu.",
        ];
        let mut handed = 0;
        for line in lines {
            let j = classify_counted(line);
            if let Some(date) = j.date {
                assert_eq!(date, dateline::parse_dateline(line), "{line}");
                handed += 1;
            }
        }
        assert_eq!(handed, 5);
    }

    /// The in-place comparison reads what lower-casing the first 12
    /// characters reads, on ASCII lines and on others.
    #[test]
    fn byline_words_as_lowered() {
        let lowered = |t: &str| {
            let lower = t.chars().take(12).collect::<String>().to_lowercase();
            words::BYLINE_WORDS.iter().copied().find(|w| {
                lower.starts_with(*w) && lower[w.len()..].starts_with(char::is_whitespace)
            })
        };
        let lines = [
            "By Jean Dupont",
            "BY AFP",
            "by\tReuters staff",
            "By",
            "Byline: none",
            "Par Jean Dupont",
            "PAR\u{b}Marie",
            "Bystanders said",
            "By \u{130}smail",
            "\u{130}By Ali",
            "",
            "От Ивана Петрова",
            "ОТ\tРедакции",
            "Author: Jane Doe",
            "AUTEUR : Jean",
            "Σ by",
            "The story",
            "ÁBy Ali",
        ];
        let mut some = 0;
        for t in lines {
            assert_eq!(byline_word(t), lowered(t), "{t:?}");
            some += usize::from(byline_word(t).is_some());
        }
        assert!(some >= 7, "{some}");
    }

    /// The first-byte look turns away only lines that are no address.
    #[test]
    fn urls_as_trimmed() {
        let trimmed = |s: &str| {
            let t = s.trim().trim_start_matches('<').trim_end_matches('>');
            (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
                && !t.contains(char::is_whitespace)
        };
        for s in [
            "",
            "<",
            "https://example.com/a",
            "  <https://example.com/a>  ",
            "\u{a0}https://example.com",
            "\u{3000}<www.example.com>",
            "\u{b}https://example.com",
            "\u{c}\t<www.example.com>",
            "<<www.example.com>>",
            "Www.example.com",
            "http://example.com and more",
            "The story.",
            "é",
        ] {
            assert_eq!(is_url(s), trimmed(s), "{s:?}");
        }
    }

    #[test]
    fn whole_line_lists_are_sorted_and_unique() {
        for list in [
            words::RELATED_HEADERS,
            words::COMMENT_HEADERS,
            words::COMMENT_COUNT_NOUNS,
            words::COMMENT_FORM_LABELS,
            words::SHARE_BUTTONS,
            words::COUNTER_WORDS,
            words::ADVERTISING_LABELS,
            words::BYLINE_NAME_LINKS,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn prefixes_answer_as_the_plain_search() {
        static LIST: crate::lexicon::lists::Words =
            crate::lexicon::lists::Words::new("read also\n\u{e0} lire\nx\nread\n");
        static PREFIXES: Prefixes = Prefixes::new(&LIST);
        for l in ["", "read also: a", "à lire aussi", "xyz", "y", "read", "é"] {
            let want = LIST.iter().any(|p| l.starts_with(p));
            assert_eq!(PREFIXES.any_starts(l), want, "{l}");
            assert!(PREFIXES.may_start(l) || !want, "{l}");
            let starting = |p: &&str| l.starts_with(*p);
            let all: Vec<&str> = LIST.iter().copied().filter(starting).collect();
            let found: Vec<&str> = PREFIXES.candidates(l).filter(starting).collect();
            assert_eq!(found, all, "{l}");
        }
        // An empty prefix starts every line, the empty one too, in its place.
        static WITH_EMPTY: crate::lexicon::lists::Words =
            crate::lexicon::lists::Words::new("b\n\nab\n");
        static ALL: Prefixes = Prefixes::new(&WITH_EMPTY);
        for (l, want) in [
            ("", vec![""]),
            ("abc", vec!["", "ab"]),
            ("b", vec!["b", ""]),
        ] {
            assert!(ALL.any_starts(l), "{l}");
            assert_eq!(ALL.candidates(l).collect::<Vec<_>>(), want, "{l}");
        }
    }

    #[test]
    fn table() {
        use LineKind::*;
        let cases: &[(&str, LineKind)] = &[
            (
                "• Read also: Russia says it used hypersonic missiles in Ukraine, a first",
                Remove(Reason::RelatedLinks),
            ),
            (
                "READ MORE: Markets slide as oil jumps",
                Remove(Reason::RelatedLinks),
            ),
            (
                "À lire aussi : La France et le Kazakhstan",
                Remove(Reason::RelatedLinks),
            ),
            ("SEE ALSO", RelatedHeader),
            ("Related Articles", RelatedHeader),
            ("source site-64", Remove(Reason::SourceTag)),
            ("Source link -124", Remove(Reason::SourceTag)),
            ("0", Remove(Reason::ShareCounter)),
            ("81", Remove(Reason::ShareCounter)),
            ("1.2K shares", Remove(Reason::ShareCounter)),
            ("Share this article", Remove(Reason::Share)),
            (
                "Almaty's central Republic Square. [mibuchat / Flickr / CC BY-SA 2.0](#)",
                Remove(Reason::PhotoCredit),
            ),
            (
                "Protesters in Almaty. (Photo: AFP)",
                Remove(Reason::PhotoCredit),
            ),
            (
                "Stay tuned to BaaghiTV for latest news and Updates!",
                Remove(Reason::Promo),
            ),
            ("Sign up for our daily newsletter", Remove(Reason::Promo)),
            (
                "We use cookies to improve your experience. Accept",
                Remove(Reason::Cookie),
            ),
            ("Leave a reply", CommentsHeader),
            ("Leave a Reply", CommentsHeader),
            ("12 Comments", CommentsHeader),
            (
                "Your email address will not be published. Required fields are marked *",
                Remove(Reason::Comments),
            ),
            ("Original url:", UrlHeader),
            (
                "<https://www.themoscowtimes.com/2022/03/19/x-a77004>",
                Remove(Reason::SourceUrl),
            ),
            (
                "© 2022 Example News. All rights reserved.",
                Remove(Reason::Copyright),
            ),
            ("By [AFP](#)", Remove(Reason::Byline)),
            ("By Jane Doe and John Roe", Remove(Reason::Byline)),
            ("March 19, 2022", Remove(Reason::Dateline)),
            ("Sunday, April 18", Remove(Reason::Dateline)),
            // Story text stays.
            ("By Saturday evening the square was empty.", Text),
            (
                "Kazakhstan is a member of the Collective Security Treaty Organization (CSTO).",
                Text,
            ),
            (
                "Kazakh president says constitutional order has mostly been restored",
                Text,
            ),
            ("Washington calls on the authorities to “restrain”", Text),
            ("The source said 13 people were killed.", Text),
            (
                "Police said they would share footage with investigators.",
                Text,
            ),
            (
                "Comments by the minister drew criticism from rights groups.",
                Text,
            ),
            ("In 2012, 81 people were detained.", Text),
            (
                "A Reuters/Ipsos poll found 40% of voters backed the plan.",
                Text,
            ),
            (
                "Support fell to 38%, according to a Reuters/Ipsos poll.",
                Text,
            ),
            (
                "Advertisement spending rose 5% in the quarter, the company said.",
                Text,
            ),
            (
                "Website owners were told to remove the material within a day.",
                Text,
            ),
            (
                "Protesters gather in Almaty on January 5, 2022. REUTERS/Pavel Mikheyev",
                Remove(Reason::PhotoCredit),
            ),
            (
                "Riot police in central Almaty. (AP Photo/Vladimir Tretyakov)",
                Remove(Reason::PhotoCredit),
            ),
            ("Advertisement", Remove(Reason::Promo)),
            ("Website", Remove(Reason::Comments)),
            ("Published 3 hours ago", Remove(Reason::Dateline)),
            ("Updated 1 day ago", Remove(Reason::Dateline)),
            ("il y a 2 heures", Remove(Reason::Dateline)),
            ("vor 3 Stunden", Remove(Reason::Dateline)),
            ("Three hours ago the rally began in the square.", Text),
            ("Skip to main content", Remove(Reason::PageTools)),
            ("5 min read", Remove(Reason::PageTools)),
            (
                "Image caption, Police in Almaty on Thursday",
                Remove(Reason::PhotoCredit),
            ),
            (
                "Reporting by Duncan Miriri; Editing by Alex Richardson",
                Remove(Reason::Credits),
            ),
            (
                "Reporting by the state broadcaster suggested otherwise.",
                Text,
            ),
            // French, German, Spanish, Russian, Italian.
            (
                "Lire aussi : La France et le Kazakhstan signent un accord",
                Remove(Reason::RelatedLinks),
            ),
            (
                "Lesen Sie auch: Proteste in Almaty",
                Remove(Reason::RelatedLinks),
            ),
            (
                "Leer también: Protestas en Kazajistán",
                Remove(Reason::RelatedLinks),
            ),
            (
                "Читайте также: Протесты в Алматы",
                Remove(Reason::RelatedLinks),
            ),
            (
                "Leggi anche: Proteste in Kazakistan",
                Remove(Reason::RelatedLinks),
            ),
            ("Laisser un commentaire", CommentsHeader),
            ("Kommentare", CommentsHeader),
            ("Комментарии", CommentsHeader),
            ("Abonnez-vous à notre newsletter", Remove(Reason::Promo)),
            (
                "Nous utilisons des cookies pour améliorer votre expérience.",
                Remove(Reason::Cookie),
            ),
            (
                "Wir verwenden Cookies, um Inhalte zu personalisieren.",
                Remove(Reason::Cookie),
            ),
            ("Par Jean Dupont", Remove(Reason::Byline)),
            ("Von Jana Berger", Remove(Reason::Byline)),
            ("6 janvier 2022", Remove(Reason::Dateline)),
            (
                "Le gouvernement a déclaré jeudi que l'ordre était rétabli.",
                Text,
            ),
        ];
        for (line, want) in cases {
            assert_eq!(classify(line), *want, "{line}");
        }
    }
}
