//! Names of one entity in two reports: the same, a spelling variant, or a
//! place's standard name in another language.
//!
//! | class | when | example |
//! | --- | --- | --- |
//! | [`NameClass::Same`] | the same spelling, or one name part of the other | "Tokayev" / "Kassym-Jomart Tokayev" |
//! | [`NameClass::Variant`] | spelled differently | "Alnour Iliachev" / "Alnur Ilyashev" |
//! | [`NameClass::Translation`] | two standard names of one place in the gazetteer, or one regnal name in two languages | "Moscow" / "Moskau"; "Constantino II" / "Constantine II" |
//!
//! Only variants are discrepancies; a translation is how the other language
//! writes the place. A name with a case ending of its article's language
//! ("Mette Frederiksenin" in Finnish, `data/words/compare/name_endings.tsv`)
//! is the same name.
//!
//! ```
//! use storydiff::compare::{name_class, NameClass};
//! assert_eq!(name_class("Moscow", "Moskau"), NameClass::Translation);
//! assert_eq!(name_class("Alnour Iliachev", "Alnur Ilyashev"), NameClass::Variant);
//! assert_eq!(name_class("Tokayev", "Kassym-Jomart Tokayev"), NameClass::Same);
//! ```

use super::keys::name_key;
use crate::article::Article;
use crate::extract::EntityLabel;
use crate::lexicon::{self, lists};
use crate::text::Span;
use serde::Serialize;
use std::collections::BTreeMap;

/// How two names of one entity relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NameClass {
    /// The same name.
    Same,
    /// The same entity spelled differently.
    Variant,
    /// A place's standard names in two languages.
    Translation,
}

/// One entity named in both reports.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NameMatch {
    /// `person`, `organisation` or `place`.
    pub label: &'static str,
    /// The first report's fullest name for it.
    pub name_a: String,
    /// Where the first report writes it.
    pub span_a: Span,
    /// The second report's fullest name for it.
    pub name_b: String,
    /// Where the second report writes it.
    pub span_b: Span,
    /// How the names relate.
    pub class: NameClass,
}

/// How two names of one entity relate.
pub fn name_class(x: &str, y: &str) -> NameClass {
    let (kx, ky) = (name_key(x), name_key(y));
    let within = |p: &str, q: &str| format!(" {p} ").contains(&format!(" {q} "));
    if kx == ky || within(&kx, &ky) || within(&ky, &kx) || initials(x, y) || initials(y, x) {
        return NameClass::Same;
    }
    match (lexicon::place(x), lexicon::place(y)) {
        (Some(p), Some(q)) if p.canonical == q.canonical => NameClass::Translation,
        _ if same_regnal_number(x, y) => NameClass::Translation,
        _ => NameClass::Variant,
    }
}

/// Whether both names end with one regnal number ("Constantino II" /
/// "Constantine II", "Benedykt XVI" / "Benedict XVI"): a monarch's or pope's
/// name, which each language writes its own way.
fn same_regnal_number(x: &str, y: &str) -> bool {
    matches!((regnal_number(x), regnal_number(y)), (Some(p), Some(q)) if p == q)
}

/// The Roman numeral that ends a name of two words or more ("XVI").
fn regnal_number(name: &str) -> Option<&str> {
    let mut words = name.split_whitespace();
    let last = words.next_back()?;
    let roman = last.len() <= 6 && last.chars().all(|c| "IVXL".contains(c));
    (roman && words.next().is_some()).then_some(last)
}

/// Whether `form`, written in an article of language `lang`, is `base` with
/// case endings of that language added to some of its words ("Mette
/// Frederiksenin" for "Mette Frederiksen" in Finnish). An article whose
/// language was not identified may be in one the identifier has no word list
/// for (Finnish, Estonian, Hungarian ...): the endings of those languages apply.
fn inflected(base: &str, form: &str, lang: Option<&str>) -> bool {
    // Most names two reports share are written alike: they are settled
    // before the endings are read.
    if base == form || base.split_whitespace().count() != form.split_whitespace().count() {
        return false;
    }
    let identifiable = |l: &str| lexicon::STOPWORD_LISTS.iter().any(|(code, _)| *code == l);
    let applies = |l: &str| lang.map_or(!identifiable(l), |lang| l == lang);
    let endings = || (lists::compare::NAME_ENDINGS.iter()).filter(|(_, l)| applies(l));
    let words = base.split_whitespace().zip(form.split_whitespace());
    endings().next().is_some()
        && words.into_iter().all(|(b, f)| {
            b == f
                || f.strip_prefix(b)
                    .is_some_and(|ending| endings().any(|(w, _)| *w == ending))
        })
}

/// Whether `short` is the initials of `long`'s capitalised words ("UN",
/// "United Nations").
fn initials(short: &str, long: &str) -> bool {
    let letters: String = long
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    short.chars().count() >= 2
        && short.chars().all(|c| c.is_uppercase() || c == '.')
        && short.replace('.', "") == letters
}

/// An entity as one article names it: its fullest written name.
pub(super) struct Named {
    label: EntityLabel,
    name: String,
    span: Span,
}

/// The entities `art` names, by the batch's key (`entity_key`), each with its
/// fullest written name: what [`match_names`] reads of one article.
pub(super) fn named(art: &Article, entity_key: &dyn Fn(&str) -> String) -> BTreeMap<String, Named> {
    let mut out: BTreeMap<String, Named> = BTreeMap::new();
    for e in &art.entities {
        let surface = e.span.of(art.analysis_text()).to_string();
        out.entry(entity_key(&e.name))
            .and_modify(|n| {
                if surface.chars().count() > n.name.chars().count() {
                    n.name = surface.clone();
                    n.span = e.span;
                }
            })
            .or_insert(Named {
                label: e.label,
                name: surface,
                span: e.span,
            });
    }
    out
}

/// The entity's label as the diff names it.
pub fn label_key(label: EntityLabel) -> &'static str {
    match label {
        EntityLabel::Person => "person",
        EntityLabel::Org => "organisation",
        EntityLabel::Place => "place",
    }
}

/// Every entity both articles name, with how their names relate, in the
/// order of the batch's keys; each article with what [`named`] made of it.
pub(super) fn match_names(
    (a, na): (&Article, &BTreeMap<String, Named>),
    (b, nb): (&Article, &BTreeMap<String, Named>),
) -> Vec<NameMatch> {
    na.iter()
        .filter_map(|(key, x)| {
            let y = nb.get(key)?;
            let class = if inflected(&x.name, &y.name, b.language())
                || inflected(&y.name, &x.name, a.language())
            {
                NameClass::Same
            } else {
                name_class(&x.name, &y.name)
            };
            Some(NameMatch {
                label: label_key(x.label),
                name_a: x.name.clone(),
                span_a: x.span,
                name_b: y.name.clone(),
                span_b: y.span,
                class,
            })
        })
        .collect()
}

/// One plain sentence about a name both reports use.
pub fn explain(m: &NameMatch, a: &str, b: &str) -> String {
    match m.class {
        NameClass::Same => format!("{a} and {b} both name {}.", m.name_a),
        NameClass::Variant => format!(
            "{a} writes {} and {b} {}: one {}, spelled differently.",
            m.name_a, m.name_b, m.label
        ),
        NameClass::Translation => format!(
            "{a} writes {} and {b} {}: the place's standard names in two languages, not a discrepancy.",
            m.name_a, m.name_b
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_of_name_pairs() {
        let cases = [
            ("Moscow", "Moscú", NameClass::Translation),
            ("Kiev", "Kyiv", NameClass::Translation),
            ("Kazakhstan", "Kazakhastan", NameClass::Variant),
            (
                "Qasim Jomart Tokayev",
                "Kassym-Jomart Tokayev",
                NameClass::Variant,
            ),
            ("Shalabayev", "Sharabayev", NameClass::Variant),
            ("UN", "UN", NameClass::Same),
            ("United Nations", "UN", NameClass::Same),
            ("Stéphane Dujarric", "Stephane Dujarric", NameClass::Same),
            ("Constantino II", "Constantine II", NameClass::Translation),
            ("Charles III", "Karol III", NameClass::Translation),
            (
                "Nikos Christodoulides",
                "Nikos Christodoulidis",
                NameClass::Variant,
            ),
        ];
        for (x, y, want) in cases {
            assert_eq!(name_class(x, y), want, "{x} / {y}");
        }
    }

    #[test]
    fn case_endings_of_the_article_language_are_the_same_name() {
        let cases = [
            ("Mette Frederiksen", "Mette Frederiksenin", Some("fi"), true),
            ("Chris Hipkins", "Chris Hipkinsistä", Some("fi"), true),
            ("Rishi Sunak", "Rishiemu Sunakowi", Some("pl"), true),
            ("Jair Bolsonaro", "Jaira Bolsonaro", Some("pl"), true),
            // English adds no case endings: a letter more is a spelling.
            ("Zelensky", "Zelenskyy", Some("en"), false),
            // A language the identifier cannot name: Finnish endings apply, Polish ones not.
            ("Mette Frederiksen", "Mette Frederiksenin", None, true),
            ("Rishi Sunak", "Rishiemu Sunakowi", None, false),
            ("Владимир Путин", "Владимира Путина", Some("ru"), true),
            ("Володимир Путін", "Володимиру Путіну", Some("uk"), true),
            ("Дональд Трамп", "Дональдом Трампом", Some("ru"), true),
            // A stem change is not read.
            ("Kaja Kallas", "Kaja Kallaksen", Some("fi"), false),
            ("Mette Frederiksen", "Mette Frederiksen", Some("fi"), false),
        ];
        for (base, form, lang, want) in cases {
            assert_eq!(
                inflected(base, form, lang),
                want,
                "{base} / {form} ({lang:?})"
            );
        }
    }
}
