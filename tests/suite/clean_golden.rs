//! Golden files: what cleaning removes from each seed and the metadata it
//! reads, one finding a line with its input byte span, so a change in
//! behaviour shows as a readable diff.
//!
//! Regenerate after an intended change with
//! `UPDATE_GOLDEN=1 cargo test --test clean_golden`.

use storydiff::{analyze_batch, Input};

fn render(a: &storydiff::Article) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "# {} ({:?}, {:?})\n",
        a.id,
        a.format,
        a.encoding.map(|e| e.name())
    ));
    out.push_str("## removed\n");
    for r in &a.removed {
        out.push_str(&format!(
            "{}..{} {} {:?}\n",
            r.span.start,
            r.span.end,
            r.reason,
            r.span.of(&a.input)
        ));
    }
    out.push_str("## metadata\n");
    let m = &a.meta;
    let fields = [
        ("title", &m.title),
        ("section", &m.section),
        ("date", &m.date),
        ("byline", &m.byline),
        ("agency", &m.agency),
        ("url", &m.url),
        ("outlet", &m.outlet),
        ("language", &m.language),
    ];
    for (name, f) in fields {
        match f {
            Some(f) => {
                let span = f
                    .span
                    .map(|s| format!("{}..{}", s.start, s.end))
                    .unwrap_or_default();
                out.push_str(&format!("{name} {span} {:?}\n", f.value));
            }
            None => out.push_str(&format!("{name} -\n")),
        }
    }
    out.push_str("## body paragraphs\n");
    for p in a.body.as_str().split("\n\n") {
        let head: String = p.chars().take(60).collect();
        out.push_str(&format!("{head:?}\n"));
    }
    out
}

#[test]
fn seeds_golden() {
    let root = env!("CARGO_MANIFEST_DIR");
    let inputs: Vec<Input> = storydiff::eval::seeds()
        .iter()
        .map(|s| Input::from_bytes(s.file_name(), Some(s.file_name()), s.text.as_bytes()))
        .collect();
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failed = Vec::new();
    for a in analyze_batch(&inputs).expect("analyze") {
        let path = format!(
            "{root}/tests/clean_golden/{}.golden",
            a.id.trim_end_matches(".txt")
        );
        let got = render(&a);
        if update {
            std::fs::create_dir_all(format!("{root}/tests/clean_golden")).expect("dir");
            std::fs::write(&path, &got).expect("write");
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if got != want {
            eprintln!("--- {path}\n{got}");
            failed.push(path);
        }
    }
    assert!(
        failed.is_empty(),
        "golden files differ (UPDATE_GOLDEN=1 to accept): {failed:?}"
    );
}
