//! Integration tests, built as one binary: `cargo test --test tests`.

mod hay;
mod properties;
mod seeds;
