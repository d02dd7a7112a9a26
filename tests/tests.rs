//! Integration tests of the whole pipeline, built as one binary
//! (`cargo test --test tests`). The modules live in `tests/suite/` so that
//! cargo does not build each of them as a test binary of its own.

#[path = "suite/hay.rs"]
mod hay;
#[cfg(not(target_arch = "wasm32"))]
#[path = "suite/properties.rs"]
mod properties;
#[path = "suite/seeds.rs"]
mod seeds;
