//! In-article resolution: acronyms to their definitions, short names to full ones,
//! and a label for what is still open.

use super::classify::Candidate;
use super::cues;
use super::{EntityLabel, EntityMention};
use crate::extract::Doc;
use crate::text::hash::{FastMap as HashMap, FastSet as HashSet};
use crate::text::TokenKind;
use std::cell::OnceCell;

/// Surface text -> label, read from `doc`; the keys borrow the text.
pub fn known_in<'a>(doc: &Doc<'a>, cands: &[Candidate]) -> HashMap<&'a str, EntityLabel> {
    // Sized for every candidate at once rather than grown several times.
    let mut m = HashMap::with_capacity_and_hasher(cands.len(), Default::default());
    for c in cands {
        if let Some(l) = c.label {
            m.entry(c.span.of(doc.text)).or_insert(l);
        }
    }
    m
}

/// Whether `acr` can abbreviate `long`: every content word gives its initial,
/// and a word may give more letters ("EAEU", Eurasian Economic Union).
pub fn abbreviates(acr: &str, long: &str) -> bool {
    let first_lower = |s: &str| s.chars().next().and_then(|c| c.to_lowercase().next());
    // The acronym's first letter is the first word's initial: most pairs
    // differ there, told before any letter list is made.
    let initial = acr
        .find(char::is_alphabetic)
        .and_then(|at| first_lower(&acr[at..]));
    if initial.is_none() || initial != content_words(long).next().and_then(first_lower) {
        return false;
    }
    let a: Vec<char> = acr
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let words: Vec<Vec<char>> = content_words(long)
        .map(|w| w.chars().flat_map(char::to_lowercase).collect())
        .collect();
    if a.len() < 2 || words.len() < 2 {
        return false;
    }
    // fits(i, w, k): acronym letters from i on, current word w, next letter to look at k in it.
    fn fits(a: &[char], words: &[Vec<char>], i: usize, w: usize) -> bool {
        if w == words.len() {
            return i == a.len();
        }
        if i == a.len() || words[w][0] != a[i] {
            return false;
        }
        // Take the initial, then possibly more letters of the same word, in order.
        let word = &words[w];
        let mut j = i + 1;
        let mut k = 1;
        if fits(a, words, j, w + 1) {
            return true;
        }
        while j < a.len() && k < word.len() {
            if word[k] == a[j] {
                j += 1;
                if fits(a, words, j, w + 1) {
                    return true;
                }
            }
            k += 1;
        }
        false
    }
    fits(&a, &words, 0, 0)
}

/// The words of a long name that give an acronym letters: not its
/// function words.
fn content_words(long: &str) -> impl Iterator<Item = &str> {
    long.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    *w,
                    "of" | "the" | "and" | "for" | "on" | "&" | "de" | "des" | "du" | "la"
                )
        })
}

fn next_words<'a>(doc: &Doc<'a>, at: usize, n: usize) -> Vec<(&'a str, TokenKind)> {
    doc.seg.tokens[at.min(doc.seg.tokens.len())..]
        .iter()
        .take(n)
        .map(|t| (t.span.of(doc.text), t.kind))
        .collect()
}

/// What an acronym stands for in the article.
struct Expansion {
    /// The full name ("Collective Security Treaty Organization").
    long: String,
    label: EntityLabel,
}

/// Acronyms and what they stand for: defined in parentheses, both ways round
/// ("Collective Security Treaty Organization (CSTO)", "CSTO (Collective ...)"),
/// then used without a definition for an organisation named in the article.
fn acronyms<'a>(text: &'a str, cands: &[Candidate]) -> HashMap<&'a str, Expansion> {
    let surface = |c: &Candidate| c.span.of(text);
    let mut acronyms = HashMap::default();
    for (c, n) in cands.iter().zip(cands.iter().skip(1)) {
        let between = &text[c.span.end..n.span.start];
        if between.trim() != "(" || !text[n.span.end..].trim_start().starts_with(')') {
            continue;
        }
        let (long, short) = if n.allcaps && c.words > 1 {
            (c, n)
        } else if c.allcaps && n.words > 1 {
            (n, c)
        } else {
            continue;
        };
        let (l, s) = (surface(long), surface(short));
        if abbreviates(s, l) {
            let label = long.label.unwrap_or(EntityLabel::Org);
            acronyms.insert(
                s,
                Expansion {
                    long: l.to_string(),
                    label,
                },
            );
        }
    }
    // The organisations named in several words, each surface once, in text
    // order; each acronym is tried against them once.
    let mut seen = HashSet::default();
    let orgs: Vec<&str> = cands
        .iter()
        .filter(|o| o.words > 1 && o.label == Some(EntityLabel::Org))
        .map(|o| o.span.of(text))
        .filter(|o| seen.insert(*o))
        .collect();
    let mut tried = HashSet::default();
    for c in cands {
        let s = surface(c);
        if !c.allcaps
            || c.words != 1
            || c.label == Some(EntityLabel::Place)
            || acronyms.contains_key(s)
            || !tried.insert(s)
        {
            continue;
        }
        if let Some(o) = orgs.iter().find(|o| abbreviates(s, o)) {
            let expansion = Expansion {
                long: o.to_string(),
                label: EntityLabel::Org,
            };
            acronyms.insert(s, expansion);
        }
    }
    acronyms
}

/// The people named in full (more than one word), by where they are named.
struct People {
    /// By position (the candidates come sorted).
    full: Vec<(usize, String)>,
    /// The last words of each full name after a space ("Ruto", "Samoei
    /// Ruto" for "William Samoei Ruto") -> the names, in order.
    by_tail: HashMap<String, Vec<usize>>,
    /// The first words of each full name, two words or more, before a space.
    by_head: HashMap<String, Vec<usize>>,
}

impl People {
    fn named(text: &str, cands: &[Candidate]) -> People {
        let full: Vec<(usize, String)> = cands
            .iter()
            .filter(|c| c.label == Some(EntityLabel::Person) && c.words > 1)
            .map(|c| (c.span.start, c.span.of(text).to_string()))
            .collect();
        let mut by_tail: HashMap<String, Vec<usize>> = HashMap::default();
        let mut by_head: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, (_, f)) in full.iter().enumerate() {
            for (at, _) in f.match_indices(' ') {
                by_tail.entry(f[at + 1..].to_string()).or_default().push(i);
                let head = &f[..at];
                if head.contains(' ') {
                    by_head.entry(head.to_string()).or_default().push(i);
                }
            }
        }
        People {
            full,
            by_tail,
            by_head,
        }
    }

    /// The last full name before `at` whose last word is `short`, when all its
    /// words are capitalized.
    fn named_before(&self, short: &str, at: usize) -> Option<String> {
        let list = self.by_tail.get(short)?;
        let n = list.partition_point(|&i| self.full[i].0 < at);
        let full = &self.full[list[n.checked_sub(1)?]].1;
        // Only a name of capitalized words ("Valeska Paris", not "Journal of Paris").
        full.split(' ')
            .all(|w| w.starts_with(char::is_uppercase))
            .then(|| full.clone())
    }

    /// The full name a short one at `at` stands for: its last word (or last
    /// words, or first words), the nearest named before it, else the first
    /// named after.
    fn full_name(&self, short: &str, at: usize) -> Option<String> {
        let none = Vec::new();
        let tails = self.by_tail.get(short).unwrap_or(&none);
        let heads = if short.contains(' ') {
            self.by_head.get(short).unwrap_or(&none)
        } else {
            &none
        };
        // The last fitting name before `at`, else the first fitting one.
        let last_before = |list: &Vec<usize>| {
            let n = list.partition_point(|&i| self.full[i].0 < at);
            n.checked_sub(1).map(|k| list[k])
        };
        let before = last_before(tails).max(last_before(heads));
        let first = match (tails.first(), heads.first()) {
            (Some(&a), Some(&b)) => Some(a.min(b)),
            (a, b) => a.or(b).copied(),
        };
        before.or(first).map(|i| self.full[i].1.clone())
    }
}

/// A label for a candidate nothing else labels: a place after "in", "near";
/// a lone given name, or a name between a role noun and a speech verb, a person;
/// else an organisation.
fn open_label(doc: &Doc, c: &Candidate, written_thrice: impl FnOnce(&str) -> bool) -> EntityLabel {
    let prev = c
        .first_tok
        .checked_sub(1)
        .map(|i| doc.seg.tokens[i].span.of(doc.text));
    let next = next_words(doc, c.end_tok, 1);
    if prev.is_some_and(cues::is_place_preposition) && !c.allcaps {
        EntityLabel::Place
    } else if c.words == 1
        && !c.allcaps
        && doc
            .language
            .is_none_or(|l| l == "en" || l.starts_with("en-"))
        && super::kept::is_first_name(c.span.of(doc.text))
        && written_thrice(c.span.of(doc.text))
    {
        // "Gloria", "Ahmed": a given name alone, not after "in" and written at
        // least three times in the article (a town's name in a short report
        // may be a given name too), is a person.
        EntityLabel::Person
    } else if next.first().is_some_and(|(w, _)| cues::is_speech_verb(w))
        && !c.allcaps
        && prev.is_some_and(cues::is_role_noun)
    {
        EntityLabel::Person
    } else {
        EntityLabel::Org
    }
}

/// The one-word candidates that are given names -> whether the article writes
/// them at least three times, counted as `str::matches` counts (without
/// overlaps, case-sensitive, inside longer words too). All names are counted
/// in one pass over the text: a search per name would read an article that
/// names many people once per name.
fn given_names_written_thrice<'a>(text: &'a str, cands: &[Candidate]) -> HashMap<&'a str, bool> {
    // Name -> (times written, end of the last time), the end so that a name
    // that overlaps itself ("Ana" in "Anana") counts once, as `matches` does.
    let mut counts: HashMap<&str, (u8, usize)> = HashMap::default();
    // Only a candidate without a label of its own can be left open.
    for c in cands {
        let s = c.span.of(text);
        if c.label.is_none() && c.words == 1 && !c.allcaps && super::kept::is_first_name(s) {
            counts.entry(s).or_default();
        }
    }
    let mut lengths: Vec<usize> = counts.keys().map(|n| n.len()).collect();
    crate::text::sort::all(&mut lengths);
    lengths.dedup();
    // A name can only start where one of the names' first bytes is; with up
    // to three such bytes (most articles) a vector search finds them.
    let mut first_bytes: Vec<u8> = counts.keys().map(|n| n.as_bytes()[0]).collect();
    crate::text::sort::all(&mut first_bytes);
    first_bytes.dedup();
    let mut count_at = |at: usize| {
        for &len in &lengths {
            let Some(written) = text.get(at..at + len) else {
                continue;
            };
            if let Some((times, end)) = counts.get_mut(written) {
                if at >= *end {
                    *times = times.saturating_add(1);
                    *end = at + len;
                }
            }
        }
    };
    let bytes = text.as_bytes();
    match first_bytes[..] {
        [] => {}
        [a] => memchr::memchr_iter(a, bytes).for_each(count_at),
        [a, b] => memchr::memchr2_iter(a, b, bytes).for_each(count_at),
        [a, b, c] => memchr::memchr3_iter(a, b, c, bytes).for_each(count_at),
        _ => {
            let mut is_first = [false; 256];
            for &b in &first_bytes {
                is_first[usize::from(b)] = true;
            }
            (bytes.iter().enumerate())
                .filter(|(_, &b)| is_first[usize::from(b)])
                .for_each(|(at, _)| count_at(at));
        }
    }
    counts
        .into_iter()
        .map(|(n, (times, _))| (n, times >= 3))
        .collect()
}

/// Resolves names and open labels, returning the mentions.
pub fn resolve(doc: &Doc, cands: Vec<Candidate>) -> Vec<EntityMention> {
    let resolver = Resolver {
        doc,
        acronyms: acronyms(doc.text, &cands),
        people: People::named(doc.text, &cands),
        known: known_in(doc, &cands),
        cands: &cands,
        given_names_thrice: OnceCell::new(),
    };
    cands.iter().filter_map(|c| resolver.mention(c)).collect()
}

/// What the whole article says, for resolving each candidate.
struct Resolver<'a> {
    doc: &'a Doc<'a>,
    acronyms: HashMap<&'a str, Expansion>,
    people: People,
    /// Surface text -> label.
    known: HashMap<&'a str, EntityLabel>,
    cands: &'a [Candidate],
    /// Counted on the first open one-word given name.
    given_names_thrice: OnceCell<HashMap<&'a str, bool>>,
}

impl Resolver<'_> {
    /// The mention a candidate makes, in order: an acronym takes its
    /// expansion; an open label or a short person name takes a full person
    /// name; an open label takes the label the same text has elsewhere; then
    /// the context decides. `None` for an unknown German capital and for a
    /// lone all-capitals word taken for a person.
    fn mention(&self, c: &Candidate) -> Option<EntityMention> {
        let s = c.span.of(self.doc.text);
        let mut label = c.label;
        let mut name = None;
        if let Some(e) = self.acronyms.get(s) {
            if c.allcaps && label != Some(EntityLabel::Place) {
                name = Some(e.long.clone());
                label = Some(e.label);
            }
        }
        if label.is_none() || (label == Some(EntityLabel::Person) && c.words <= 2) {
            if let Some(full) = self.people.full_name(s, c.span.start) {
                label = Some(EntityLabel::Person);
                name = Some(full);
            }
        }
        // "Paris" after "Gloria Paris": a place's or organisation's name that is
        // the surname of a person named in full before it stays that person.
        if label.is_some_and(|l| l != EntityLabel::Person) && c.words == 1 && !c.allcaps {
            if let Some(full) = self.people.named_before(s, c.span.start) {
                label = Some(EntityLabel::Person);
                name = Some(full);
            }
        }
        if label.is_none() {
            label = self.known.get(s).copied();
        }
        if label.is_none() && !c.allcaps && super::classify::strict_capitals(self.doc) {
            return None;
        }
        let label = label.unwrap_or_else(|| {
            open_label(self.doc, c, |name| {
                let thrice = self
                    .given_names_thrice
                    .get_or_init(|| given_names_written_thrice(self.doc.text, self.cands));
                thrice.get(name).copied().unwrap_or(false)
            })
        });
        if label == EntityLabel::Person
            && c.role.is_none()
            && c.words == 1
            && name.as_deref().is_none_or(|n| n == s)
            && c.allcaps
        {
            return None;
        }
        Some(EntityMention {
            span: c.span,
            label,
            name: name.unwrap_or_else(|| s.to_string()),
            role: c.role.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::found;
    use super::abbreviates;
    use crate::extract::EntityLabel;

    fn label_of(text: &str, name: &str) -> Option<EntityLabel> {
        found(text)
            .into_iter()
            .find(|(s, _)| s == name)
            .map(|(_, l)| l)
    }

    #[test]
    fn a_given_name_written_three_times_counts_inside_words_without_overlaps() {
        // "Anana" holds "Ana" once: its two overlapping ones count as one.
        let overlapping = "The award went to Ana on Monday. Later the Anana farms opened.";
        assert_eq!(label_of(overlapping, "Ana"), Some(EntityLabel::Org));
        let inside = "The award went to Ana on Monday. Later the Anastasio farms opened, and the Anabel fields too.";
        assert_eq!(label_of(inside, "Ana"), Some(EntityLabel::Person));
    }

    #[test]
    fn a_surname_that_is_a_place_stays_the_person() {
        let text = "The court heard from Laura Paris, a former member. Later, Paris said she left in 2009.";
        let all = found(text);
        assert_eq!(
            all.iter()
                .filter(|(s, l)| s == "Paris" && *l == EntityLabel::Person)
                .count(),
            1,
            "{all:?}"
        );
        // Without a person of that name the city stays a place.
        let text = "Laura Smith flew to Paris on Monday.";
        assert_eq!(label_of(text, "Paris"), Some(EntityLabel::Place));
    }

    #[test]
    fn peoples_faiths_codes_and_bodies() {
        let text = "Officials said Muslims and Christians prayed together. Later, Gloria arrived. \
                    Gloria said the girls had met. Gloria left.";
        let all = found(text);
        assert!(
            all.iter().all(|(s, _)| s != "Muslims" && s != "Christians"),
            "{all:?}"
        );
        assert_eq!(label_of(text, "Gloria"), Some(EntityLabel::Person));
        let text = "Users of IE6 were told that part XVII of the rules applies.";
        let all = found(text);
        assert!(
            all.iter().all(|(s, _)| s != "IE6" && s != "XVII"),
            "{all:?}"
        );
        let text = "A report by Environment Canada was found in Ottawa.";
        assert_eq!(label_of(text, "Environment Canada"), Some(EntityLabel::Org));
        let text = "The Municipality of Livorno asked schools to pay.";
        assert_eq!(
            label_of(text, "Municipality of Livorno"),
            Some(EntityLabel::Org)
        );
    }

    #[test]
    fn a_town_before_its_country_is_a_place() {
        let text = "Umluj, Saudi Arabia, lost power. Umluj reopened its port.";
        assert_eq!(label_of(text, "Umluj"), Some(EntityLabel::Place));
        // A person before a role is not taken for a town.
        let text = "The bill was signed by Perry, Texas governor since 2000.";
        assert_ne!(label_of(text, "Perry"), Some(EntityLabel::Place));
    }

    #[test]
    fn acronyms() {
        let cases = [
            ("CSTO", "Collective Security Treaty Organization", true),
            ("EAEU", "Eurasian Economic Union", true),
            ("EEU", "Eurasian Economic Union", true),
            ("EU", "European Union", true),
            ("UN", "United Nations", true),
            ("NATO", "North Atlantic Treaty Organization", true),
            ("UN", "US State Department", false),
            ("US", "United Nations", false),
            ("EU", "Eurasian Economic Union", false),
            ("", "European Union", false),
            ("EU", "", false),
            ("E", "European Union", false),
            ("ÉU", "état uni", true),
            ("éu", "État-Uni", true),
            ("TU", "the Union", false),
            ("1EU", "of European Union", true),
            ("ΕΕ", "Ευρωπαϊκή Ένωση", false),
            ("ΕΕ", "Ευρωπαϊκή Εταιρεία", true),
        ];
        for (a, l, want) in cases {
            assert_eq!(abbreviates(a, l), want, "{a} / {l}");
        }
    }
}
