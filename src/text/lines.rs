//! [`lines_inclusive`]: a text's lines, found with a vector search.

/// The lines of `s`, each with its `'\n'` (the last without one when `s`
/// does not end with it): what `s.split_inclusive('\n')` yields. News lines
/// are paragraphs of hundreds of bytes, and `memchr`'s vector search finds
/// their ends in a fraction of the standard library's word-at-a-time one.
pub(crate) fn lines_inclusive(s: &str) -> LinesInclusive<'_> {
    LinesInclusive { rest: s }
}

/// The iterator of [`lines_inclusive`].
pub(crate) struct LinesInclusive<'a> {
    rest: &'a str,
}

impl<'a> Iterator for LinesInclusive<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.rest.is_empty() {
            return None;
        }
        let end = memchr::memchr(b'\n', self.rest.as_bytes()).map_or(self.rest.len(), |n| n + 1);
        let (line, rest) = self.rest.split_at(end);
        self.rest = rest;
        Some(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_as_split_inclusive() {
        let texts = [
            "",
            "\n",
            "\n\n",
            "one",
            "one\n",
            "one\ntwo",
            "one\r\ntwo\r\n",
            "é\n\nк\u{2028}x\n",
            "a line of a paragraph long enough for the vector search to matter\nand another",
        ];
        for t in texts {
            let want: Vec<&str> = t.split_inclusive('\n').collect();
            assert_eq!(lines_inclusive(t).collect::<Vec<_>>(), want, "{t:?}");
        }
    }
}
