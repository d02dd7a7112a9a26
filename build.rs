//! Compresses the word lists under `data/lexicon/` (readable text in the
//! repository) into raw DEFLATE streams that `src/lexicon` embeds and inflates on
//! first use: the lists shrink to about a third inside the wasm module.

use std::{env, fs, path::PathBuf};

fn main() {
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    for name in [
        "places.tsv",
        "demonyms.tsv",
        "first_names.txt",
        "common_words.txt",
    ] {
        let path = format!("data/lexicon/{name}");
        println!("cargo:rerun-if-changed={path}");
        let data = fs::read(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
        let packed = miniz_oxide::deflate::compress_to_vec(&data, 10);
        fs::write(out.join(format!("{name}.deflate")), packed).expect("writing OUT_DIR");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
