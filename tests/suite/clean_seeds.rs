//! Cleaning and metadata on the seed corpus.
//!
//! For each seed the test lists what is *not* story: the furniture named in
//! issue 3 and the metadata lines. Every other line of the seed is story and
//! must survive into the body; every listed furniture line must be gone from
//! the analysis text. The product knows nothing of these lists.

use storydiff::{analyze_batch, Article, Input};

struct Seed {
    file: &'static str,
    /// Whole lines that are furniture and must be gone.
    furniture: &'static [&'static str],
    /// Text that must not survive anywhere in the analysis text.
    gone: &'static [&'static str],
    /// Metadata lines (byline, dateline, URL): removed, not story.
    metadata: &'static [&'static str],
    /// Metadata prefixes of story lines ("Jan 6, 2022:").
    prefixes: &'static [&'static str],
    title: &'static str,
    section: Option<&'static str>,
    date: Option<&'static str>,
    byline: Option<&'static str>,
    agency: Option<&'static str>,
    url: Option<&'static str>,
}

const SEEDS: &[Seed] = &[
    Seed {
        file: "000_c727ccb6a541bd91.txt",
        furniture: &[
            "• Read also: Russia says it used hypersonic missiles in Ukraine, a first",
            "• Read also: Kyiv is not a foregone conclusion for Russians, according to a resident of Ukraine",
            "• Read also: Why China is slowly moving away from Russia",
            "SEE ALSO",
            "source site-64",
        ],
        gone: &["Read also", "SEE ALSO", "source site"],
        metadata: &[],
        prefixes: &[],
        title: "Kazakhstan, an ally of Moscow, refuses to authorize a parade for peace in Ukraine",
        section: None,
        date: None,
        byline: None,
        agency: Some("AFP"),
        url: None,
    },
    Seed {
        file: "001_b367fa38e6e217df.txt",
        furniture: &["Almaty's central Republic Square. [mibuchat / Flickr / CC BY-SA 2.0](#)"],
        gone: &["mibuchat", "Flickr", "CC BY-SA", "Original url", "themoscowtimes.com", "[AFP](#)"],
        metadata: &[
            "By [AFP](#)",
            "March 19, 2022",
            "Original url:",
            "<https://www.themoscowtimes.com/2022/03/19/russia-ally-kazakhstan-blocks-ukraine-peace-rally-a77004>",
        ],
        prefixes: &[],
        title: "Russia Ally Kazakhstan Blocks Ukraine Peace Rally",
        section: None,
        date: Some("2022-03-19"),
        byline: Some("AFP"),
        agency: Some("AFP"),
        url: Some("https://www.themoscowtimes.com/2022/03/19/russia-ally-kazakhstan-blocks-ukraine-peace-rally-a77004"),
    },
    Seed {
        file: "002_0849827d0f247804.txt",
        furniture: &[
            "0",
            "81",
            "Stay tuned to BaaghiTV for latest news and Updates!",
            "Qatar Airways seeks over $600m in Airbus A350 dispute",
            "Leave a reply",
        ],
        gone: &["Stay tuned", "BaaghiTV", "Qatar Airways", "Airbus", "Leave a reply"],
        metadata: &[],
        prefixes: &["Jan 6, 2022:\u{a0}"],
        title: "Bloody protests in Kazakhastan attract global attention",
        section: None,
        date: Some("2022-01-06"),
        byline: None,
        agency: None,
        url: None,
    },
    Seed {
        file: "003_348d9d6d770ae7f5.txt",
        furniture: &["Source link -124"],
        gone: &["Source link"],
        metadata: &[],
        prefixes: &[],
        title: "Riots in Kazakhstan: Moscow and its allies to send “peacekeeping forces”",
        section: Some("International"),
        date: None,
        byline: None,
        agency: None,
        url: None,
    },
    Seed {
        file: "004_e163b6b2ee537228.txt",
        furniture: &[
            "Leave a Reply",
            "Your email address will not be published. Required fields are marked *",
        ],
        gone: &["Leave a Reply", "email address", "Required fields"],
        metadata: &["Sunday, April 18"],
        prefixes: &[],
        title: "Kazakhstan: dozens of arrests during an opposition demonstration",
        section: None,
        // No year written in the text makes April 18 a Sunday (2009's was a Saturday).
        date: Some("--04-18"),
        byline: None,
        agency: None,
        url: None,
    },
];

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(crate) fn articles() -> Vec<Article> {
    let inputs: Vec<Input> = SEEDS
        .iter()
        .map(|s| {
            let seed = storydiff::eval::seed(s.file.trim_end_matches(".txt"));
            Input::from_bytes(s.file, Some(s.file.to_string()), seed.text.as_bytes())
        })
        .collect();
    analyze_batch(&inputs).expect("analyze")
}

#[test]
fn furniture_is_gone_and_story_stays() {
    for (seed, a) in SEEDS.iter().zip(articles()) {
        let body = a.body.as_str();
        let analysis = a.analysis_text();
        let body_lines: Vec<&str> = body.lines().map(str::trim).collect();
        for f in seed.furniture.iter().chain(seed.metadata) {
            assert!(
                !body_lines.contains(f),
                "{}: line {f:?} survived",
                seed.file
            );
        }
        for g in seed.gone {
            assert!(
                !body.contains(g) && !analysis.contains(g),
                "{}: {g:?} survived",
                seed.file
            );
        }
        // Every other line is story and is in the body.
        let flat = collapse(body);
        for line in a.input.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if seed.furniture.contains(&line) || seed.metadata.contains(&line) {
                continue;
            }
            let mut story = line;
            for p in seed.prefixes {
                story = story.strip_prefix(p).unwrap_or(story);
            }
            assert!(
                flat.contains(&collapse(story)),
                "{}: story line lost: {story:?}",
                seed.file
            );
        }
        // Removals are furniture or metadata, never story.
        for r in &a.removed {
            let text = r.span.of(&a.input).trim();
            let listed = seed
                .furniture
                .iter()
                .chain(seed.metadata)
                .chain(seed.prefixes)
                .any(|f| {
                    let f = f.trim();
                    f.contains(text) || text.contains(f)
                });
            assert!(
                listed,
                "{}: unexpected removal [{}] {text:?}",
                seed.file, r.reason
            );
        }
    }
}

#[test]
fn metadata_of_each_seed() {
    for (seed, a) in SEEDS.iter().zip(articles()) {
        let m = &a.meta;
        let fields = [
            ("title", &m.title, Some(seed.title)),
            ("section", &m.section, seed.section),
            ("date", &m.date, seed.date),
            ("byline", &m.byline, seed.byline),
            ("agency", &m.agency, seed.agency),
            ("url", &m.url, seed.url),
            ("language", &m.language, Some("en")),
        ];
        for (name, field, want) in fields {
            let got = field.as_ref().map(|f| f.value.as_str());
            assert_eq!(got, want, "{} {name}", seed.file);
        }
        // Field spans point at their value in the input.
        for f in [&m.title, &m.date, &m.byline, &m.url, &m.section]
            .into_iter()
            .flatten()
        {
            let span = f.span.expect("span");
            assert!(span.end <= a.input.len() && a.input.is_char_boundary(span.start));
        }
        let title = m.title.as_ref().and_then(|t| t.span).expect("title span");
        assert_eq!(title.of(&a.input), seed.title, "{} title span", seed.file);
        // The title is never a removal.
        assert!(
            a.removed.iter().all(|r| !r.span.overlaps(title)),
            "{}: title removed",
            seed.file
        );
    }
    // 001's date, byline and URL come from where they are written.
    let a = &articles()[1];
    let date = a
        .meta
        .date
        .as_ref()
        .and_then(|f| f.span)
        .expect("date span");
    assert_eq!(date.of(&a.input), "March 19, 2022");
}
