//! Word lists compiled into the binary. Each list's source and licence is
//! recorded in a README beside its data under `data/`.

mod stopwords;
pub mod wordfreq;

pub use stopwords::{is_stopword, is_stopword_in};
