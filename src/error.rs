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
    BadDate { id: String, date: String },
    BadJsonLine { line: usize, message: String },
    Empty(String),
}

impl Error {
    pub(crate) fn duplicate_id(id: &str) -> Error {
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

    /// A JSON Lines input line that could not be read.
    pub fn bad_json_line(line: usize, message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::BadJsonLine {
                line,
                message: message.into(),
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
        }
    }
}

impl std::error::Error for Error {}
