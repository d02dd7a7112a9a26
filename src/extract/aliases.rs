//! One name for each entity across a batch.
//!
//! | type | what |
//! | --- | --- |
//! | [`EntityTable`] | the batch's entities, each with its members, variants and merges |
//! | [`Entity`] | one person, organisation or place and the mentions that name it |
//! | [`Merge`] | why two names were joined, and how sure that is |
//! | [`Overrides`] | merges and splits the user forces |
//!
//! Names are compared by a transliteration-aware key ([`key`]: diacritics off,
//! `ou`->`u`, `kh`->`h`, `q`->`k`, `w`->`v`, `z`->`s`, `y`/`j`->`i`, the
//! `sh`/`sch`/`ch` and `tch`/`tsch` families folded, `h` after a consonant dropped,
//! double letters single), then by edit distance with a bound that grows with
//! length. People align token by token: the surnames must match and the given
//! names too (or be missing, or be an initial). Places also match through the
//! gazetteer ("Kiev" and "Kyiv").
//!
//! ```
//! use storydiff::extract::aliases::same_name;
//! use storydiff::extract::EntityLabel::{Person, Place};
//! assert!(same_name("Alnour Iliachev", "Alnur Ilyashev", Person).is_some());
//! assert!(same_name("Qasim Jomart Tokayev", "Kassym-Jomart Tokayev", Person).is_some());
//! assert!(same_name("Raúl Castro", "Fidel Castro", Person).is_none());
//! assert!(same_name("Kazakhastan", "Kazakhstan", Place).is_some());
//! assert!(same_name("Austria", "Australia", Place).is_none());
//! ```

use super::EntityLabel;
use crate::article::Article;
use crate::lexicon;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Why two names were joined.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Merge {
    pub a: String,
    pub b: String,
    pub reason: String,
    pub confidence: f64,
}

/// The mentions of one entity in one article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Member {
    /// Index of the article in the batch.
    pub article: usize,
    /// Indices into that article's `entities`.
    pub mentions: Vec<usize>,
}

/// One person, organisation or place of the batch.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entity {
    pub id: usize,
    /// The name the batch uses for it.
    pub name: String,
    pub label: EntityLabel,
    pub members: Vec<Member>,
    /// Every in-article name joined into it, the canonical one first.
    pub variants: Vec<String>,
    pub merges: Vec<Merge>,
}

/// Merges and splits that the user forces, by name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Overrides {
    /// Pairs of names to join whatever the rules say.
    #[serde(default)]
    pub merge: Vec<(String, String)>,
    /// Names that must stand alone (unless a forced merge joins them).
    #[serde(default)]
    pub split: Vec<String>,
}

/// The entities of a batch.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EntityTable {
    pub entities: Vec<Entity>,
    /// (label, in-article name) -> entity index.
    #[serde(skip)]
    index: HashMap<(EntityLabel, String), usize>,
    #[serde(skip)]
    by_name: HashMap<String, usize>,
}

impl EntityTable {
    /// The batch's name for an in-article `name` (itself when unknown).
    pub fn canonical<'a>(&'a self, name: &'a str) -> &'a str {
        self.by_name
            .get(name)
            .map(|&i| self.entities[i].name.as_str())
            .unwrap_or(name)
    }

    /// The entity an in-article name with a label belongs to.
    pub fn entity_of(&self, label: EntityLabel, name: &str) -> Option<&Entity> {
        self.index
            .get(&(label, name.to_string()))
            .map(|&i| &self.entities[i])
    }
}

/// Links the entity mentions of a batch into one table.
pub fn link(articles: &[Article]) -> EntityTable {
    link_with(articles, &Overrides::default())
}

/// [`link`], with the user's forced merges and splits.
pub fn link_with(articles: &[Article], overrides: &Overrides) -> EntityTable {
    // Distinct (label, name) nodes with their mention counts.
    let mut nodes: Vec<(EntityLabel, String)> = Vec::new();
    let mut node_of: HashMap<(EntityLabel, String), usize> = HashMap::new();
    let mut count: Vec<usize> = Vec::new();
    let mut mentions: Vec<Vec<(usize, usize)>> = Vec::new();
    for (ai, a) in articles.iter().enumerate() {
        for (mi, m) in a.entities.iter().enumerate() {
            let k = (m.label, m.name.clone());
            let n = *node_of.entry(k.clone()).or_insert_with(|| {
                nodes.push(k);
                count.push(0);
                mentions.push(Vec::new());
                nodes.len() - 1
            });
            count[n] += 1;
            mentions[n].push((ai, mi));
        }
    }
    let mut uf = UnionFind::new(nodes.len());
    let mut merges: Vec<(usize, usize, Merge)> = Vec::new();
    let split = |n: &str| overrides.split.iter().any(|s| s == n);
    // The key of each name's last word, to skip pairs that cannot be close.
    let last_keys: Vec<String> = nodes
        .iter()
        .map(|(_, n)| tokens(n).pop().unwrap_or_default())
        .collect();
    for i in 0..nodes.len() {
        for j in i + 1..nodes.len() {
            let ((la, a), (lb, b)) = (&nodes[i], &nodes[j]);
            if la != lb || split(a) || split(b) {
                continue;
            }
            let gazetteer = *la == EntityLabel::Place
                && lexicon::place(a).is_some()
                && lexicon::place(b).is_some();
            if !gazetteer && last_keys[i].len().abs_diff(last_keys[j].len()) > 3 {
                continue;
            }
            if let Some((reason, confidence)) = same_name(a, b, *la) {
                uf.union(i, j);
                merges.push((
                    i,
                    j,
                    Merge {
                        a: a.clone(),
                        b: b.clone(),
                        reason: reason.to_string(),
                        confidence,
                    },
                ));
            }
        }
    }
    // A lone surname joins the one full name it fits ("Tokayev").
    for i in 0..nodes.len() {
        let (l, short) = &nodes[i];
        if *l != EntityLabel::Person || short.contains(' ') || split(short) {
            continue;
        }
        let fits: Vec<usize> = (0..nodes.len())
            .filter(|&j| nodes[j].0 == EntityLabel::Person && nodes[j].1.contains(' '))
            .filter(|&j| {
                let last = nodes[j].1.rsplit([' ', '-']).next().unwrap_or("");
                key(last) == key(short)
            })
            .collect();
        let roots: std::collections::HashSet<usize> = fits.iter().map(|&j| uf.find(j)).collect();
        if roots.len() == 1 {
            let j = fits[0];
            uf.union(i, j);
            merges.push((
                i,
                j,
                Merge {
                    a: short.clone(),
                    b: nodes[j].1.clone(),
                    reason: "surname of the one full name".into(),
                    confidence: 0.8,
                },
            ));
        }
    }
    // An acronym joins the one organisation it abbreviates ("UN", United Nations).
    for i in 0..nodes.len() {
        let (l, short) = &nodes[i];
        let caps = short
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        if *l != EntityLabel::Org || !caps || short.contains(' ') || split(short) {
            continue;
        }
        let fits: Vec<usize> = (0..nodes.len())
            .filter(|&j| nodes[j].0 == EntityLabel::Org && nodes[j].1.contains(' '))
            .filter(|&j| super::entities::abbreviates(short, &nodes[j].1))
            .collect();
        let roots: std::collections::HashSet<usize> = fits.iter().map(|&j| uf.find(j)).collect();
        if roots.len() == 1 && uf.find(i) != uf.find(fits[0]) {
            let j = fits[0];
            uf.union(i, j);
            merges.push((
                i,
                j,
                Merge {
                    a: short.clone(),
                    b: nodes[j].1.clone(),
                    reason: "acronym of the one organisation it spells".into(),
                    confidence: 0.75,
                },
            ));
        }
    }
    for (a, b) in &overrides.merge {
        let find = |n: &str| nodes.iter().position(|(_, x)| x == n);
        if let (Some(i), Some(j)) = (find(a), find(b)) {
            uf.union(i, j);
            merges.push((
                i,
                j,
                Merge {
                    a: a.clone(),
                    b: b.clone(),
                    reason: "merged by the user".into(),
                    confidence: 1.0,
                },
            ));
        }
    }
    // Groups in order of first appearance.
    let mut group_of: HashMap<usize, usize> = HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for n in 0..nodes.len() {
        let r = uf.find(n);
        let g = *group_of.entry(r).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(n);
    }
    let mut table = EntityTable::default();
    for (id, g) in groups.iter().enumerate() {
        // The canonical name: most mentions, then most words, then longest.
        let best = *g
            .iter()
            .max_by_key(|&&n| {
                (
                    count[n],
                    nodes[n].1.split_whitespace().count(),
                    nodes[n].1.len(),
                )
            })
            .expect("non-empty group");
        let best = if nodes[best].0 == EntityLabel::Person {
            *g.iter()
                .max_by_key(|&&n| (nodes[n].1.split([' ', '-']).count().min(3), count[n]))
                .expect("non-empty")
        } else {
            best
        };
        let mut variants = vec![nodes[best].1.clone()];
        variants.extend(
            g.iter()
                .filter(|&&n| n != best)
                .map(|&n| nodes[n].1.clone()),
        );
        let mut members: Vec<Member> = Vec::new();
        let mut all: Vec<(usize, usize)> = g
            .iter()
            .flat_map(|&n| mentions[n].iter().copied())
            .collect();
        all.sort();
        for (a, m) in all {
            match members.last_mut() {
                Some(last) if last.article == a => last.mentions.push(m),
                _ => members.push(Member {
                    article: a,
                    mentions: vec![m],
                }),
            }
        }
        for &n in g {
            table.index.insert(nodes[n].clone(), id);
            table.by_name.entry(nodes[n].1.clone()).or_insert(id);
        }
        table.entities.push(Entity {
            id,
            name: nodes[best].1.clone(),
            label: nodes[best].0,
            members,
            variants,
            merges: merges
                .iter()
                .filter(|(i, _, _)| g.contains(i))
                .map(|(_, _, m)| m.clone())
                .collect(),
        });
    }
    table
}

/// Whether two names of one label name the same entity: the reason and a confidence.
pub fn same_name(a: &str, b: &str, label: EntityLabel) -> Option<(&'static str, f64)> {
    if a == b {
        return Some(("same name", 1.0));
    }
    let (ka, kb) = (key(a), key(b));
    if fold(a) == fold(b) {
        return Some(("same name but for case and accents", 0.98));
    }
    if label == EntityLabel::Place {
        if let (Some(pa), Some(pb)) = (lexicon::place(a), lexicon::place(b)) {
            if pa.canonical == pb.canonical {
                return Some(("one place in the gazetteer", 0.95));
            }
            // Two gazetteer places: only one spelling apart ("Odessa", Texas, and "Odesa").
            return (ka == kb).then_some(("transliteration variant of a gazetteer name", 0.7));
        }
    }
    if label == EntityLabel::Person {
        return same_person(a, b);
    }
    if ka == kb {
        return Some(("transliteration variant", 0.9));
    }
    // Place and organisation names are short and many look alike (Astana, Astara): stricter.
    let n = ka.chars().count().min(kb.chars().count());
    let bound = match n {
        0..=7 => 0,
        8..=11 => 1,
        _ => 2,
    };
    (bound > 0 && levenshtein(&ka, &kb) <= bound).then_some(("spelling variant", 0.8))
}

fn same_person(a: &str, b: &str) -> Option<(&'static str, f64)> {
    let ta = tokens(a);
    let tb = tokens(b);
    if ta.len() < 2 || tb.len() < 2 {
        return None;
    }
    let (sa, sb) = (ta.last()?, tb.last()?);
    if !(sa == sb || close(sa, sb)) {
        return None;
    }
    // Given names: the same number, or one side's are a prefix of the other's ("Qasim Jomart").
    let ga = &ta[..ta.len() - 1];
    let gb = &tb[..tb.len() - 1];
    let n = ga.len().min(gb.len());
    let mut exact = sa == sb;
    for i in 0..n {
        let (x, y) = (&ga[i], &gb[i]);
        let initial = (x.len() == 1 || y.len() == 1) && x.chars().next() == y.chars().next();
        if x == y {
            continue;
        }
        exact = false;
        if !(initial || close(x, y)) {
            return None;
        }
    }
    Some(if exact {
        ("transliteration variant", 0.9)
    } else {
        ("spelling variant of given name and surname", 0.8)
    })
}

/// Keys of the name's words, particles and titles left out.
fn tokens(name: &str) -> Vec<String> {
    fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    *w,
                    "von"
                        | "van"
                        | "der"
                        | "de"
                        | "al"
                        | "el"
                        | "bin"
                        | "ibn"
                        | "la"
                        | "le"
                        | "du"
                        | "da"
                )
        })
        .map(key_word)
        .collect()
}

/// Lower case, accents off.
fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase()
        .replace('ß', "ss")
}

/// The transliteration key of a name: words folded and joined by a space.
pub fn key(name: &str) -> String {
    tokens(name).join(" ")
}

fn key_word(w: &str) -> String {
    let mut s = w.to_string();
    // Longest first; upper-case letters are placeholders that no later rule touches.
    for (from, to) in [
        ("shch", "XC"),
        ("tsch", "C"),
        ("tch", "C"),
        ("sch", "X"),
        ("sh", "X"),
        ("ch", "X"),
        ("kh", "H"),
        ("dzh", "J"),
        ("zh", "J"),
        ("dj", "J"),
        ("ts", "S"),
        ("tz", "S"),
        ("ph", "F"),
        ("ck", "K"),
        ("ou", "U"),
        ("x", "KS"),
    ] {
        s = s.replace(from, to);
    }
    let mut out = String::new();
    let mut prev: Option<char> = None;
    for c in s.chars() {
        let c = match c {
            'w' => 'v',
            'z' => 's',
            'q' | 'c' => 'k',
            'y' | 'j' | 'J' => 'i',
            'C' => 'c',
            _ => c.to_ascii_lowercase(),
        };
        // "h" after a consonant is silent in these spellings (Gadhafi, Ahmadinejad).
        if c == 'h' && prev.is_some_and(|p| !"aeiou".contains(p)) {
            continue;
        }
        if prev == Some(c) {
            continue;
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// Edit distance within a bound that grows with length.
fn close(a: &str, b: &str) -> bool {
    let n = a.chars().count().min(b.chars().count());
    let bound = match n {
        0..=4 => 0,
        5..=7 => 1,
        8..=14 => 2,
        _ => 3,
    };
    bound > 0 && levenshtein(a, b) <= bound
}

fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind((0..n).collect())
    }
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        self.0[x] = r;
        r
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        let cases = [
            ("Mukhtar", "Moukhtar"),
            ("Ilyashev", "Iliachev"),
            ("Qasim", "Kassym"),
            ("Organization", "Organisation"),
            ("Gaddafi", "Gadhafi"),
            ("Yeltsin", "Jelzin"),
        ];
        for (a, b) in cases {
            assert_eq!(key(a), key(b), "{a} / {b}");
        }
    }
}
