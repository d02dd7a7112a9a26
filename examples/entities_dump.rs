//! Prints the entity mentions of each file given: `cargo run --example entities_dump -- seeds/*.txt`.
use storydiff::{analyze_batch, Input};

fn main() {
    let inputs: Vec<Input> = std::env::args()
        .skip(1)
        .map(|p| {
            Input::new(
                p.clone(),
                std::fs::read_to_string(&p).expect("readable file"),
            )
        })
        .collect();
    for a in analyze_batch(&inputs).expect("valid batch") {
        println!("== {}", a.id);
        for e in &a.entities {
            let role = e
                .role
                .as_deref()
                .map(|r| format!(" [{r}]"))
                .unwrap_or_default();
            println!(
                "{:>6} {:<6} {:<40} -> {}{}",
                e.span.start,
                e.label.as_str(),
                e.span.of(a.analysis_text()),
                e.name,
                role
            );
        }
    }
}
