//! Records and facts against hand-annotated articles: precision and recall
//! per field and for the fact key, and how often the keys of one claim agree
//! across languages.
//!
//! `cargo run --release --example facts_eval [tests/eval/facts/seeds.json ...]`

#[path = "../tests/eval/facts/score.rs"]
mod score;

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let args: Vec<String> = std::env::args().skip(1).collect();
    let misses = args.iter().any(|a| a == "--misses");
    let mut files: Vec<String> = args.into_iter().filter(|a| a != "--misses").collect();
    if files.is_empty() {
        files.push("tests/eval/facts/seeds.json".into());
    }
    for file in files {
        let text =
            std::fs::read_to_string(root.join(&file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let set: score::Set = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        let s = score::score(&set, root);
        println!(
            "{file} ({} articles)\n\n| measure | score |\n| --- | --- |",
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
}
