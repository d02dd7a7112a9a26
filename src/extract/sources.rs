//! Who gives the figures of a sentence, where it says so: "according to the
//! Interior Ministry", "State television reported". Quantities take their
//! source from here; the speaker is found the way quotes find theirs.

use super::quotes::{credited_name, Reading};
use super::Doc;
use crate::lexicon::lists::sources::CUES as SOURCE_CUES;

/// The source of the figures in sentence `si`, where the sentence states one
/// ("according to the Interior Ministry", "State television reported").
pub(crate) struct Sources<'a> {
    rd: Reading<'a>,
}

impl<'a> Sources<'a> {
    pub(crate) fn new(doc: &Doc<'a>) -> Sources<'a> {
        Sources {
            rd: Reading::new(doc),
        }
    }

    /// The source of the figures in sentence `si`, where the sentence states one
    /// ("according to the Interior Ministry", "State television reported").
    pub(crate) fn of(&self, si: usize) -> Option<String> {
        let rd = &self.rd;
        let (first, end) = rd.sentence(si)?;
        for k in first..end {
            let l = rd[k].lower.as_str();
            if !(SOURCE_CUES.binary_search(&l).is_ok() || l == "according" && rd.is(k + 1, "to")) {
                continue;
            }
            if let Some(name) = credited_name(rd, k, first) {
                return Some(name);
            }
        }
        None
    }
}
