//! Compresses the word lists under `data/lexicon/` and `data/wordfreq/`
//! (readable text in the repository) into raw DEFLATE streams that
//! `src/lexicon` embeds and inflates on first use: the lists shrink to about a
//! third inside the wasm module.

use std::{env, fs, path::PathBuf};

fn main() {
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let lists = [
        ("lexicon", "places.tsv"),
        ("lexicon", "demonyms.tsv"),
        ("lexicon", "first_names.txt"),
        ("lexicon", "common_words.txt"),
        ("wordfreq", "en.txt"),
        ("wordfreq", "fr.txt"),
        ("wordfreq", "de.txt"),
        ("wordfreq", "es.txt"),
        ("wordfreq", "ru.txt"),
        ("wordfreq", "it.txt"),
    ];
    for (folder, name) in lists {
        let path = format!("data/{folder}/{name}");
        println!("cargo:rerun-if-changed={path}");
        let data = fs::read(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
        let packed = miniz_oxide::deflate::compress_to_vec(&data, 10);
        let packed_name = match folder {
            "lexicon" => format!("{name}.deflate"),
            _ => format!("{folder}-{name}.deflate"),
        };
        fs::write(out.join(packed_name), packed).expect("writing OUT_DIR");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
