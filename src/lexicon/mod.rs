//! Word lists compiled into the binary. Each list's source and licence is
//! recorded in `data/README.md` beside the data it is built from.

/// Function words of the languages storydiff reads, which carry no content for comparison.
pub fn is_stopword(w: &str) -> bool {
    STOPWORDS.binary_search(&w).is_ok()
}

// Sorted; a short list of English function words written for storydiff.
const STOPWORDS: &[&str] = &[
    "about", "after", "again", "against", "all", "also", "among", "and", "another", "any", "are",
    "around", "because", "been", "before", "being", "both", "but", "can", "could", "did", "does",
    "during", "each", "even", "for", "from", "had", "has", "have", "having", "her", "here", "him",
    "his", "how", "into", "its", "itself", "just", "many", "may", "more", "most", "much", "not",
    "now", "off", "one", "only", "other", "our", "out", "over", "own", "said", "same", "say",
    "says", "she", "should", "since", "some", "such", "than", "that", "the", "their", "them",
    "then", "there", "these", "they", "this", "those", "through", "too", "two", "under", "until",
    "very", "was", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
    "with", "would", "you", "your",
];

#[cfg(test)]
mod tests {
    #[test]
    fn stopwords_sorted() {
        assert!(super::STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }
}
