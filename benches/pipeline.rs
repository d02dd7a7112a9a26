//! Throughput of the pipeline on the seed corpus, next to anchors measured in
//! the same run: splitting the same text into whitespace words and into
//! Unicode words (the floor any text tool pays). Quote ratios against the
//! anchors, not absolute times: `cargo bench --bench pipeline`.

// criterion is a native dev-dependency: on wasm32 the bench is an empty program.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{black_box, criterion_group, Criterion, Throughput};
    use storydiff::text::{normalize, segment};
    use storydiff::{analyze_batch, compare, Input};
    use unicode_segmentation::UnicodeSegmentation;

    fn seeds() -> Vec<Input> {
        storydiff::eval::seeds().iter().map(|s| s.input()).collect()
    }

    fn bench(c: &mut Criterion) {
        let inputs = seeds();
        let all: String = inputs
            .iter()
            .map(|i| i.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n");
        let bytes = all.len() as u64;
        let mut g = c.benchmark_group("seeds");
        g.throughput(Throughput::Bytes(bytes));
        g.bench_function("anchor/split_whitespace", |b| {
            b.iter(|| black_box(&all).split_whitespace().count())
        });
        g.bench_function("anchor/unicode_words", |b| {
            b.iter(|| black_box(&all).unicode_words().count())
        });
        g.bench_function("normalize", |b| b.iter(|| normalize(black_box(&all))));
        g.bench_function("normalize+segment", |b| {
            b.iter(|| {
                let t = normalize(black_box(&all));
                segment(t.as_str()).tokens.len()
            })
        });
        g.bench_function("analyze_batch", |b| {
            b.iter(|| analyze_batch(black_box(&inputs)).unwrap())
        });
        let articles = analyze_batch(&inputs).unwrap();
        // The part of analyze_batch that reads records and facts, to set
        // against it: the analysis without them is the difference.
        g.bench_function("records+facts", |b| {
            b.iter(|| {
                (articles.iter())
                    .map(|a| records_and_facts(black_box(a)))
                    .sum::<usize>()
            })
        });
        g.bench_function("compare", |b| b.iter(|| compare(black_box(&articles))));
        g.finish();
    }

    fn records_and_facts(a: &storydiff::Article) -> usize {
        use storydiff::extract::{self, Doc};
        let doc = Doc {
            text: a.analysis_text(),
            seg: &a.seg,
            anchor: a.date(),
            language: a.language(),
        };
        let r = extract::records(
            &doc,
            &a.entities,
            &a.dates,
            &a.quantities,
            &a.events,
            &a.quotes,
        );
        extract::facts(&doc, &a.entities, &a.dates, &a.quantities, &r, &a.quotes).len()
    }

    criterion_group!(benches, bench);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
