//! Integration tests of the whole pipeline, built as one binary
//! (`cargo test --test tests`; `cargo test --test tests dates::` runs one
//! module). The modules live in `tests/suite/`; `Cargo.toml` sets
//! `autotests = false` so that cargo does not build each file as a test
//! binary of its own. The browser tests (`wasm_browser.rs`, `eval_browser.rs`)
//! are targets of their own: they run on wasm32 in headless Chromium.

#[path = "suite/aliases.rs"]
mod aliases;
#[path = "suite/bad_inputs.rs"]
mod bad_inputs;
#[path = "suite/clean_benchmark.rs"]
mod clean_benchmark;
#[path = "suite/clean_html.rs"]
mod clean_html;
#[path = "suite/clean_pastes.rs"]
mod clean_pastes;
#[path = "suite/clean_props.rs"]
mod clean_props;
#[path = "suite/clean_seeds.rs"]
mod clean_seeds;
#[path = "suite/cli.rs"]
mod cli;
#[path = "suite/cluster_benchmark.rs"]
mod cluster_benchmark;
#[path = "suite/cluster_eval.rs"]
mod cluster_eval;
#[path = "suite/cluster_scale.rs"]
mod cluster_scale;
#[path = "suite/dates.rs"]
mod dates;
#[path = "suite/dates_eval.rs"]
mod dates_eval;
#[path = "suite/entities.rs"]
mod entities;
#[path = "suite/entities_eval.rs"]
mod entities_eval;
#[path = "suite/factdiff_eval.rs"]
mod factdiff_eval;
#[path = "suite/factdiff_seeds.rs"]
mod factdiff_seeds;
#[path = "suite/facts_eval.rs"]
mod facts_eval;
#[path = "suite/golden.rs"]
mod golden;
#[path = "suite/hay.rs"]
mod hay;
#[cfg(not(target_arch = "wasm32"))]
#[path = "suite/invariants.rs"]
mod invariants;
#[cfg(not(target_arch = "wasm32"))]
#[path = "suite/layers.rs"]
mod layers;
#[cfg(not(target_arch = "wasm32"))]
#[path = "suite/parts.rs"]
mod parts;
#[cfg(not(target_arch = "wasm32"))]
#[path = "suite/properties.rs"]
mod properties;
#[path = "suite/quantities_eval.rs"]
mod quantities_eval;
#[path = "suite/quantities_seeds.rs"]
mod quantities_seeds;
#[path = "suite/quotes_eval.rs"]
mod quotes_eval;
#[path = "suite/quotes_props.rs"]
mod quotes_props;
#[path = "suite/quotes_seeds.rs"]
mod quotes_seeds;
#[path = "suite/records_seeds.rs"]
mod records_seeds;
#[path = "suite/regression.rs"]
mod regression;
#[path = "suite/seeds.rs"]
mod seeds;
#[path = "suite/stored.rs"]
mod stored;
