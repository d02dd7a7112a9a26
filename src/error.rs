//! [`Error`]: the one error type, with messages that say what to do.

use std::fmt;

/// An error from storydiff. Its message names the article or file and the problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ErrorKind {
    DuplicateId(String),
    BadDate {
        id: String,
        date: String,
    },
    BadJsonLine {
        line: usize,
        message: String,
    },
    Empty(String),
    NotText {
        id: String,
        what: &'static str,
    },
    TooLarge {
        id: String,
        bytes: usize,
        limit: usize,
    },
    BadPart {
        start: usize,
        end: usize,
        len: usize,
    },
}

impl Error {
    /// Two articles of one batch with the same id.
    pub fn duplicate_id(id: &str) -> Error {
        Error {
            kind: ErrorKind::DuplicateId(id.to_string()),
        }
    }

    pub(crate) fn bad_date(id: &str, date: &str) -> Error {
        Error {
            kind: ErrorKind::BadDate {
                id: id.to_string(),
                date: date.to_string(),
            },
        }
    }

    /// A part of a batch that is not within it ([`crate::analyze_part`]).
    pub(crate) fn bad_part(start: usize, end: usize, len: usize) -> Error {
        Error {
            kind: ErrorKind::BadPart { start, end, len },
        }
    }

    /// A JSON Lines input line that could not be read.
    pub fn bad_json_line(line: usize, message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::BadJsonLine {
                line,
                message: message.into(),
            },
        }
    }

    /// Bytes that are some other file format, not text ("a PNG image").
    pub fn not_text(id: &str, what: &'static str) -> Error {
        Error {
            kind: ErrorKind::NotText {
                id: id.to_string(),
                what,
            },
        }
    }

    /// An article larger than the size limit.
    pub fn too_large(id: &str, bytes: usize, limit: usize) -> Error {
        Error {
            kind: ErrorKind::TooLarge {
                id: id.to_string(),
                bytes,
                limit,
            },
        }
    }

    /// An article with no text at all.
    pub fn empty(id: &str) -> Error {
        Error {
            kind: ErrorKind::Empty(id.to_string()),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::DuplicateId(id) => write!(
                f,
                "{id}: two articles share this id; give each article its own id"
            ),
            ErrorKind::BadDate { id, date } => write!(
                f,
                "{id}: date {date:?} is not a calendar date; write it as YYYY-MM-DD"
            ),
            ErrorKind::BadJsonLine { line, message } => write!(
                f,
                "line {line}: {message}; each line must be an object like {{\"id\": \"a\", \"text\": \"...\", \"date\": \"2022-01-06\"}}"
            ),
            ErrorKind::Empty(id) => write!(f, "{id}: the article is empty"),
            ErrorKind::NotText { id, what } => write!(
                f,
                "{id}: looks like {what}, not text; give the article's text (.txt, .html, .md)"
            ),
            ErrorKind::TooLarge { id, bytes, limit } => write!(
                f,
                "{id}: {} is over the size limit of {}; split it, or raise the limit (--max-size in the CLI)",
                human_size(*bytes),
                human_size(*limit)
            ),
            ErrorKind::BadPart { start, end, len } => write!(
                f,
                "articles {start}..{end} are not within the batch of {len}; give a part inside it"
            ),
        }
    }
}

impl std::error::Error for Error {}

/// `2.5 MB`, `512 KB`, `17 bytes`: sizes as people read them (1 KB = 1024 bytes).
pub fn human_size(bytes: usize) -> String {
    const KB: usize = 1024;
    const MB: usize = 1024 * KB;
    if bytes >= MB {
        format!("{:.1} MB", bytes as f64 / MB as f64).replace(".0 MB", " MB")
    } else if bytes >= KB {
        format!("{} KB", bytes.div_ceil(KB))
    } else {
        format!("{bytes} bytes")
    }
}
