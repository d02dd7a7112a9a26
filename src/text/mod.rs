//! Text: the unit everything else is measured in.
//!
//! - [`Span`]: a byte range into one text; [`CharIndex`] turns byte offsets
//!   into the code point offsets the report uses.
//! - [`MappedText`]: a derived text with an offset map back to its source
//!   (cleaning and normalization build these, and they compose).
//! - [`normalize`]: the analysis text (NFC, one kind of quote, dash and space).
//! - [`segment`]: paragraphs, sentences and tokens of the analysis text.
//! - [`Words`]: the tokens with their lower case, the view the extractors read.
//! - [`Lower`]: the lower case of a word or a line, borrowed where the text
//!   already is in lower case (below segmentation, which reads it too).
//! - [`Needles`]: several fixed strings found in one pass over a text.
//! - [`latin`]: Cyrillic names in Latin letters, for comparing names across scripts.
//! - [`decode()`]: bytes in any common encoding to a `String`, saying which
//!   [`Encoding`].
//! - [`sniff()`]: whether bytes are another file format (PDF, PNG, ZIP...), not text.
//! - [`sort`]: stable and unstable sorts compiled once, not once per call site.

mod ascii;
mod decode;
pub(crate) mod hash;
pub(crate) mod interned;
mod lines;
mod lower;
mod mapped;
mod needles;
mod normalize;
mod segment;
mod sniff;
pub mod sort;
mod span;
mod translit;
mod word_bounds;
mod words;

pub(crate) use ascii::{has_hyphen, is_ascii_space};
pub use decode::{decode, windows_1252, Decoded, Encoding};
pub(crate) use lines::lines_inclusive;
pub use lower::Lower;
pub(crate) use lower::{lower_line, with_lower};
pub use mapped::{MappedText, MappedTextBuilder};
pub use needles::Needles;
pub use normalize::normalize;
pub use segment::{paragraphs, segment, Segmentation, Sentence, Token, TokenKind};
pub use sniff::sniff;
pub use span::{CharIndex, Covers, Span};
pub use translit::latin;
pub(crate) use words::{count_words, last_spaced_word, spaced_words};
pub use words::{Word, Words};
