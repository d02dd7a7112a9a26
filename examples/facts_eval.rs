//! Records and facts against hand-annotated articles: precision and recall
//! per field and for the fact key, and how often the keys of one claim agree
//! across languages.
//!
//! `cargo run --release --example facts_eval [--misses] [FILE...]`: with no
//! file, the seeds, the development set, the held-out set and the two real
//! sets together; `--misses` lists each gold item got wrong.

#[path = "../tests/eval/facts/score.rs"]
mod score;

/// The annotated sets, in the order they are printed.
const SETS: [&str; 3] = [
    "tests/eval/facts/seeds.json",
    "tests/eval/facts/dev.json",
    "tests/eval/facts/heldout/heldout.json",
];

fn read(root: &std::path::Path, file: &str) -> score::Set {
    let text = std::fs::read_to_string(root.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn print(name: &str, set: &score::Set, root: &std::path::Path, misses: bool) {
    let s = score::score(set, root);
    println!(
        "{name} ({} articles)\n\n| measure | score |\n| --- | --- |",
        set.docs.len()
    );
    print!("{}", score::table(&s));
    println!();
    if misses {
        for m in &s.misses {
            println!("  {m}");
        }
        println!();
    }
}

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let args: Vec<String> = std::env::args().skip(1).collect();
    let misses = args.iter().any(|a| a == "--misses");
    let files: Vec<String> = args.into_iter().filter(|a| a != "--misses").collect();
    if !files.is_empty() {
        for file in &files {
            print(file, &read(root, file), root, misses);
        }
        return;
    }
    for file in SETS {
        print(file, &read(root, file), root, misses);
    }
    let mut real = read(root, SETS[1]);
    real.docs.extend(read(root, SETS[2]).docs);
    print("real reports: development + held out", &real, root, false);
}
