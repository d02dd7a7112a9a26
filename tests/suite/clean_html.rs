//! HTML main-text extraction on the project's corpus of saved article pages
//! (`tests/corpus/html`, each page with its expected main text), and the
//! metadata read from each page's head.
//!
//! `cargo run --example clean_eval` prints the per-page figures.

use storydiff::clean::{clean, token_scores, BatchEvidence, Format, TokenScores};
use storydiff::eval::{html_page, html_pages};
use storydiff::extract::metadata;

/// The page `tests/corpus/html/<name>.html`, decoded, and its expected main text.
fn page(name: &str) -> (&'static str, &'static str) {
    let page = html_page(name);
    (&page.html, &page.expected)
}

const PAGES: &[&str] = &[
    "amp",
    "blog",
    "comments_related",
    "french_news",
    "german_magazine",
    "italian_blog",
    "news_site",
    "newsroom_divs",
    "russian_news",
    "spanish_news",
    "table_layout",
    "wire_story",
];

#[test]
fn corpus_is_complete() {
    let names: Vec<&str> = html_pages().iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, PAGES);
}

#[test]
fn token_precision_and_recall_floor() {
    let mut total = TokenScores::default();
    for name in PAGES {
        let (html, expected) = page(name);
        let c = clean(html, Format::Html, &BatchEvidence::default(), &[]);
        let s = token_scores(c.body.as_str(), expected);
        assert!(
            s.f1() >= 0.9,
            "{name}: P {:.3} R {:.3}",
            s.precision,
            s.recall
        );
        total = total.add(&s);
    }
    assert!(total.precision >= 0.95, "precision {:.3}", total.precision);
    assert!(total.recall >= 0.95, "recall {:.3}", total.recall);
}

#[test]
fn furniture_never_reaches_the_body() {
    let gone: &[(&str, &[&str])] = &[
        (
            "news_site",
            &[
                "cookie",
                "Subscribe",
                "Photo:",
                "Read more",
                "Spain records",
                "Sign up",
                "Most read",
                "Privacy",
                "Italy counts",
            ],
        ),
        (
            "blog",
            &[
                "Skip to content",
                "Share this",
                "Meal planning",
                "Leave a Reply",
                "Priya",
                "Recent Posts",
                "WordPress",
                "Posted in",
            ],
        ),
        (
            "amp",
            &["Advertisement", "Loading ad", "Menu", "Typhoon", "Privacy"],
        ),
        (
            "comments_related",
            &[
                "Related stories",
                "steel prices",
                "riverton_dad",
                "Weather",
                "Most popular",
                "Obituaries",
            ],
        ),
        (
            "french_news",
            &[
                "cookies",
                "Lire aussi",
                "newsletter",
                "Partager",
                "Sur le même sujet",
                "Tous droits",
            ],
        ),
        (
            "german_magazine",
            &[
                "abonnieren",
                "Mehr zum Thema",
                "teilen",
                "Kommentare",
                "Meistgelesen",
                "Impressum",
            ],
        ),
        (
            "spanish_news",
            &[
                "Compartir",
                "Noticias relacionadas",
                "Publicidad",
                "Portada",
            ],
        ),
        (
            "table_layout",
            &["Front page", "Archive", "Email the editor", "All rights"],
        ),
        (
            "newsroom_divs",
            &[
                "Advertisement",
                "Continue reading",
                "Related Coverage",
                "Log in",
                "Terms of Service",
            ],
        ),
        (
            "russian_news",
            &["Читайте также", "Поделиться", "Другие новости", "Все права"],
        ),
        (
            "italian_blog",
            &[
                "foto dell",
                "Pubblicato in",
                "commenti",
                "Chi sono",
                "Trieste",
            ],
        ),
        (
            "wire_story",
            &[
                "Sign in",
                "Trust Principles",
                "Read Next",
                "naira",
                "Terms of use",
                "Editing by",
            ],
        ),
    ];
    for (name, strings) in gone {
        let (html, _) = page(name);
        let c = clean(html, Format::Html, &BatchEvidence::default(), &[]);
        for s in *strings {
            assert!(!c.body.as_str().contains(s), "{name}: {s:?} survived");
        }
    }
}

#[test]
fn metadata_from_the_page() {
    // (page, title, date, byline, url starts, outlet, language, section)
    type Row = (
        &'static str,
        &'static str,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
        &'static str,
        Option<&'static str>,
    );
    let rows: &[Row] = &[
        (
            "news_site",
            "Drought forces Lisbon to ration water for farms",
            Some("2023-08-14"),
            Some("Maria Costa"),
            Some("https://dailyledger.example.com/world/"),
            Some("The Daily Ledger"),
            "en",
            None,
        ),
        (
            "blog",
            "Why I stopped using spreadsheets for my budget",
            Some("2022-11-02"),
            Some("Jo"),
            Some("https://smallflat.example.org/"),
            Some("Notes from a Small Flat"),
            "en",
            None,
        ),
        (
            "amp",
            "Rescuers pull 11 miners from flooded pit in Shanxi",
            Some("2024-02-07"),
            Some("Li Wen, Tom Hale"),
            Some("https://asiawire.example.net/"),
            Some("Asia Wire"),
            "en",
            None,
        ),
        (
            "comments_related",
            "City council approves new tram line after marathon session",
            Some("2021-05-27"),
            None,
            Some("http://www.rivertonherald.example/"),
            Some("Riverton Herald"),
            "en",
            None,
        ),
        (
            "french_news",
            "Grève à la SNCF : trafic très perturbé ce jeudi en Île-de-France",
            Some("2023-03-09"),
            Some("Claire Dubois"),
            Some("https://quotidien.example.fr/"),
            Some("Le Quotidien du Matin"),
            "fr",
            Some("Société"),
        ),
        (
            "german_magazine",
            "Bahn kündigt neue Sprinter-Verbindung zwischen Berlin und München an",
            Some("2023-06-21"),
            Some("Jana Berger"),
            Some("https://wochenblick.example.de/"),
            Some("Wochenblick Online"),
            "de",
            Some("Fernverkehr"),
        ),
        (
            "spanish_news",
            "El Gobierno aprueba la ampliación del puerto de Valencia",
            Some("2022-10-04"),
            Some("Javier Ruiz"),
            Some("https://diariolevante.example.es/"),
            Some("Diario del Levante"),
            "es",
            None,
        ),
        (
            "table_layout",
            "Harbour board names new chief executive",
            Some("2019-03-12"),
            None,
            None,
            None,
            "en",
            None,
        ),
        (
            "newsroom_divs",
            "Wildfire smoke closes schools across three provinces",
            None,
            None,
            None,
            None,
            "en",
            None,
        ),
        (
            "russian_news",
            "В Казани открыли новую станцию метро",
            Some("2024-09-01"),
            None,
            None,
            Some("Городские новости"),
            "ru",
            None,
        ),
        (
            "italian_blog",
            "Tre giorni a Matera: cosa vedere e dove mangiare",
            None,
            None,
            None,
            None,
            "it",
            None,
        ),
        (
            "wire_story",
            "Kenya's central bank raises interest rate to 12.5%",
            Some("2023-12-05"),
            Some("Reuters"),
            Some("https://wbr.example.com/"),
            Some("World Business Report"),
            "en",
            Some("Markets"),
        ),
    ];
    for &(name, title, date, byline, url, outlet, lang, section) in rows {
        let (html, _) = page(name);
        let c = clean(html, Format::Html, &BatchEvidence::default(), &[]);
        let m = metadata(html, Format::Html, &c.body);
        let v = |f: &Option<storydiff::extract::Field>| f.as_ref().map(|f| f.value.clone());
        assert_eq!(v(&m.title).as_deref(), Some(title), "{name} title");
        assert_eq!(v(&m.date).as_deref(), date, "{name} date");
        assert_eq!(v(&m.byline).as_deref(), byline, "{name} byline");
        assert_eq!(
            v(&m.url).map(|u| url.is_some_and(|p| u.starts_with(p))),
            url.map(|_| true),
            "{name} url"
        );
        assert_eq!(v(&m.outlet).as_deref(), outlet, "{name} outlet");
        assert_eq!(v(&m.language).as_deref(), Some(lang), "{name} language");
        assert_eq!(v(&m.section).as_deref(), section, "{name} section");
        for f in [&m.title, &m.date, &m.byline, &m.url, &m.outlet]
            .into_iter()
            .flatten()
        {
            let span = f.span.expect("span");
            assert!(
                span.end <= html.len()
                    && html.is_char_boundary(span.start)
                    && html.is_char_boundary(span.end)
            );
        }
        // The title's span shows the title.
        let t = m.title.as_ref().and_then(|f| f.span).expect("title span");
        assert!(
            t.of(html).contains(title.split(' ').next().unwrap_or("")),
            "{name} title span"
        );
    }
}

#[test]
fn agency_from_the_text() {
    let (html, _) = page("amp");
    let c = clean(html, Format::Html, &BatchEvidence::default(), &[]);
    let m = metadata(html, Format::Html, &c.body);
    assert_eq!(m.agency.map(|f| f.value).as_deref(), Some("AP"));
}

#[test]
fn undoing_a_removal_brings_its_text_back() {
    let (html, _) = page("blog");
    let first = clean(html, Format::Html, &BatchEvidence::default(), &[]);
    let comments = first
        .removed
        .iter()
        .find(|r| r.reason == "comments")
        .expect("a comments removal");
    assert!(!first.body.as_str().contains("Priya"));
    let again = clean(
        html,
        Format::Html,
        &BatchEvidence::default(),
        &[comments.span],
    );
    assert!(
        again.body.as_str().contains("Priya"),
        "{}",
        again.body.as_str()
    );
    assert!(!again.removed.iter().any(|r| r.span == comments.span));
    // The rest of the page is still cleaned.
    assert!(!again.body.as_str().contains("Recent Posts"));
}
