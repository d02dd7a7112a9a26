//! The `storydiff` command line: `analyze` and `compare` over files or JSON Lines.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

/// Analysis makes many small, short-lived strings: mimalloc serves them faster
/// than the system's allocator, with the same results.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
