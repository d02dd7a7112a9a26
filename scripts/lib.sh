# Sourced by the scripts in this folder (`source "$(dirname "$0")/lib.sh"`): runs them from the
# repository root with cargo's bin folder on the PATH, and holds what more than one of them needs.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# The wasm-bindgen version Cargo.lock pins: wasm-bindgen-cli (and its test runner) must be exactly
# this version.
wasm_bindgen_version() {
  awk '$0=="name = \"wasm-bindgen\"" {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock
}
