//! Who gives the figures of a sentence, where it says so: "according to the
//! Interior Ministry", "State television reported". Quantities take their
//! source from here; the speaker is found the way quotes find theirs.

use super::quotes::{credited_name, Reading};
use crate::extract::word_set::WordSet;
use crate::lexicon::lists::quantities::AUXILIARIES;
use crate::lexicon::lists::sources::CUES;

/// The source cues ("reported", "said", "selon"), looked up by hash.
static SOURCE_CUES: WordSet = WordSet::new(CUES);

/// The source of the figures in sentence `si`, where the sentence states one
/// ("according to the Interior Ministry", "State television reported").
pub(crate) struct Sources<'r, 'a> {
    rd: &'r Reading<'a>,
}

impl<'r, 'a> Sources<'r, 'a> {
    /// The source index of the document `rd` reads.
    pub(crate) fn new(rd: &'r Reading<'a>) -> Sources<'r, 'a> {
        Sources { rd }
    }

    /// The source of the figures in sentence `si`, where the sentence states one
    /// ("according to the Interior Ministry", "State television reported").
    pub(crate) fn of(&self, si: usize) -> Option<String> {
        let rd = self.rd;
        let (first, end) = rd.sentence(si)?;
        for k in first..end {
            if !is_source_cue(rd, k) {
                continue;
            }
            if let Some(name) = credited_name(rd, k, first) {
                return Some(cited(trim_verbs(name)));
            }
            if let Some(name) = common_noun_source(rd, k, end) {
                return Some(cited(name));
            }
        }
        None
    }
}

/// The name without verbs the speaker reading took along ("Polizei wurden"
/// in "Laut Polizei wurden 40 Menschen verletzt").
fn trim_verbs(mut name: String) -> String {
    while let Some((head, last)) = name.rsplit_once(' ') {
        if !AUXILIARIES.contains(&last.to_lowercase().as_str()) {
            break;
        }
        name = head.to_string();
    }
    name
}

/// The one a report cites: "a report citing the mayor's office" gives
/// "mayor's office".
fn cited(name: String) -> String {
    let Some(rest) = [" citing ", " quoting "]
        .iter()
        .find_map(|c| name.split_once(c).map(|(_, r)| r))
    else {
        return name;
    };
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    if rest.is_empty() {
        return name;
    }
    rest.to_string()
}

/// A source named by common nouns after "according to" and its kin
/// ("according to state television", "according to health officials"):
/// the words up to punctuation or a clause word, without a leading article.
fn common_noun_source(rd: &Reading, k: usize, end: usize) -> Option<String> {
    let start = if rd[k].lower == "according" {
        k + 2
    } else {
        k + 1
    };
    if !is_according(&rd[k].lower) {
        return None;
    }
    let mut first = start;
    while first < end && rd[first].is_word() && ARTICLES.contains(&rd[first].lower.as_str()) {
        first += 1;
    }
    let mut last = first;
    while last < end.min(first + 4)
        && rd[last].is_word()
        && !STOPS.contains(&rd[last].lower.as_str())
    {
        last += 1;
    }
    (last > first).then(|| {
        let span = rd[first].span.cover(rd[last - 1].span);
        span.of(rd.text).to_string()
    })
}

/// The "according to" family, whose source follows the cue.
fn is_according(l: &str) -> bool {
    matches!(
        l,
        "according" | "selon" | "laut" | "según" | "secondo" | "segundo" | "данным"
    )
}

/// Articles before a source ("according to the interior ministry").
const ARTICLES: [&str; 8] = ["the", "le", "la", "les", "el", "los", "il", "a"];

/// Words that end a source read after its cue.
const STOPS: [&str; 12] = [
    "and", "or", "who", "which", "that", "on", "in", "at", "et", "y", "und", "ranging",
];

/// Whether word `k` is a cue naming a source ("according" only before "to").
fn is_source_cue(rd: &Reading, k: usize) -> bool {
    let l = rd[k].lower.as_str();
    SOURCE_CUES.contains(l) || l == "according" && rd.is(k + 1, "to")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Doc;
    use crate::text;

    fn source(s: &str) -> Option<String> {
        let t = text::normalize(s);
        let seg = text::segment(t.as_str());
        let doc = Doc::english(t.as_str(), &seg);
        Sources::new(&Reading::new(&doc)).of(0)
    }

    #[test]
    fn the_sentence_names_its_source() {
        let cases = [
            (
                "At least 40 people died, the Interior Ministry said.",
                Some("Interior Ministry"),
            ),
            (
                "According to the Red Cross, 12 people were hurt.",
                Some("Red Cross"),
            ),
            (
                "State television reported 12 deaths.",
                Some("State television"),
            ),
            ("At least 40 people died, he said.", None),
            ("At least 40 people died on Monday.", None),
            ("Laut Polizei wurden 40 Menschen verletzt.", Some("Polizei")),
            (
                "Over 200 people were injured, according to state television.",
                Some("state television"),
            ),
            (
                "Sixty-six people were injured yesterday according to health officials, ranging in age from 11 to 75.",
                Some("health officials"),
            ),
            (
                "13 policiers ont été tués, selon le ministère de l'Intérieur.",
                Some("ministère de l'Intérieur"),
            ),
            (
                "According to a report citing the mayor's office, twenty people were arrested.",
                Some("mayor's office"),
            ),
            (
                "The fire service indicated on Twitter that two adults were seriously injured.",
                Some("fire service"),
            ),
            (
                "Die Polizei sagte, 40 Menschen seien verletzt worden.",
                Some("Polizei"),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(source(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn cues_are_sorted_for_binary_search() {
        assert!(CUES.windows(2).all(|w| w[0] < w[1]));
    }
}
