//! A batch analyzed in parts (the page's worker pool: `analyzePart` in each
//! worker, `compareAnalyzed` in one) gives the report of the batch analyzed
//! at once: the parts put together are the batch's articles, and articles
//! packed as the workers hand them over (`storydiff::pack`) come back unchanged.

use storydiff::compare::Overrides;
use storydiff::eval::seeds;
use storydiff::report::{self, Mode};
use storydiff::{analyze_batch, analyze_part, Article, Input};

/// The seeds, the clustering evaluation's batch (ten articles, several about
/// one event), a page furniture line that recurs across articles, and a
/// figure too large for a float.
fn batch() -> Vec<Input> {
    let mut inputs: Vec<Input> = seeds().iter().map(|s| s.input()).collect();
    let clusters: serde_json::Value =
        serde_json::from_str(include_str!("../eval/clusters/batch1.json")).unwrap();
    for a in clusters["articles"].as_array().unwrap() {
        let mut input = Input::new(a["id"].as_str().unwrap(), a["text"].as_str().unwrap());
        input.date = a["date"].as_str().map(str::to_string);
        inputs.push(input);
    }
    let huge = format!(
        "Officials said {} people attended the rally in Almaty on Saturday.",
        "999,".repeat(120) + "999"
    );
    inputs.push(Input::new("huge-figure", huge));
    for (i, text) in [
        "The council met in Lyon on Monday.",
        "Lyon's mayor spoke on Tuesday.",
    ]
    .iter()
    .enumerate()
    {
        inputs.push(Input::new(
            format!("furniture-{i}"),
            format!("Subscribe to our newsletter\n\n{text}\n\nSubscribe to our newsletter"),
        ));
    }
    inputs
}

fn packed(articles: &[Article]) -> Vec<u8> {
    storydiff::pack(articles)
}

fn compared(articles: &[Article]) -> String {
    serde_json::to_string(&report::of_articles(
        articles,
        Mode::Compare,
        &Overrides::default(),
    ))
    .unwrap()
}

#[test]
fn parts_put_together_are_the_batch() {
    let inputs = batch();
    let whole = analyze_batch(&inputs).unwrap();
    for size in [1, 4, 7, inputs.len()] {
        let mut parts = Vec::new();
        for start in (0..inputs.len()).step_by(size) {
            parts.extend(analyze_part(&inputs, start..(start + size).min(inputs.len())).unwrap());
        }
        assert_eq!(packed(&parts), packed(&whole), "parts of {size}");
    }
}

#[test]
fn packed_articles_compare_as_the_batch() {
    let whole = analyze_batch(&batch()).unwrap();
    let bytes = packed(&whole);
    let back = storydiff::unpack(&bytes).unwrap();
    assert_eq!(packed(&back), bytes);
    assert_eq!(compared(&back), compared(&whole));
    let analyzed = |a: &[Article]| {
        serde_json::to_string(&report::of_articles(
            a,
            Mode::Analyze,
            &Overrides::default(),
        ))
        .unwrap()
    };
    assert_eq!(analyzed(&back), analyzed(&whole));
}

#[test]
fn a_part_outside_the_batch_is_refused() {
    let inputs = batch();
    let err = analyze_part(&inputs, 2..inputs.len() + 1)
        .unwrap_err()
        .to_string();
    assert!(err.contains("not within the batch"), "{err}");
    let mut twice = inputs.clone();
    twice.push(inputs[0].clone());
    assert!(
        analyze_part(&twice, 0..1).is_err(),
        "a duplicate id anywhere in the batch fails every part"
    );
}

#[test]
fn bytes_not_packed_by_this_version_are_refused_in_words() {
    let bytes =
        packed(&analyze_batch(&seeds().iter().map(|s| s.input()).collect::<Vec<_>>()).unwrap());
    let other_version = [
        b"storydiff-analysis/0.0.0\n".as_slice(),
        &bytes[storydiff::PACKED_HEADER.len()..],
    ]
    .concat();
    let why = storydiff::unpack(&other_version).unwrap_err();
    assert!(why.contains("not made by storydiff"), "{why}");
    let cut = &bytes[..bytes.len() / 2];
    assert!(storydiff::unpack(cut).is_err());
}

/// Gathering the evidence prepares every input, and each input's analysis
/// starts from that preparation; an input the analysis is handed as a copy,
/// read in another format than the evidence read it (an `.html` name), or
/// with removals to keep, is prepared again. Either way the articles are the
/// same.
#[test]
fn reused_preparations_give_the_batch() {
    let mut inputs = batch();
    inputs[0].file_name = Some("page.html".to_string());
    let page = "<html><body><nav>Home | World | Sport</nav><article><h1>Council meets</h1>\
        <p>The council met in Lyon on Monday to vote on the budget.</p></article></body></html>";
    let mut kept = Input::new("page-kept", page);
    kept.keep = vec![storydiff::text::Span::new(0, page.len())];
    inputs.insert(1, kept);
    let reused =
        storydiff::analyze_batch_with(&inputs, |inputs, one| inputs.iter().map(one).collect())
            .unwrap();
    let again = storydiff::analyze_batch_with(&inputs, |inputs, one| {
        inputs.iter().map(|i| one(&i.clone())).collect()
    })
    .unwrap();
    assert_eq!(packed(&reused), packed(&again));
    let mut not_kept = inputs.clone();
    not_kept[1].keep.clear();
    let not_kept = analyze_batch(&not_kept).unwrap();
    assert_ne!(
        reused[1].body, not_kept[1].body,
        "the kept removals are undone"
    );
}
