//! Named cases of quantity extraction, run through [`extract`](super::extract).

use super::*;
use crate::text;

/// Text, low, high, hedge, unit, counts.
type Row = (
    String,
    Option<f64>,
    Option<f64>,
    Hedge,
    Option<String>,
    Option<String>,
);

fn run(s: &str, lang: &str) -> Vec<Row> {
    let t = text::normalize(s);
    let seg = text::segment(t.as_str());
    let doc = Doc {
        text: t.as_str(),
        seg: &seg,
        anchor: None,
        language: Some(lang),
    };
    extract(&doc)
        .into_iter()
        .map(|q| {
            (
                q.span.of(t.as_str()).to_string(),
                q.low.map(|x| (x * 100.0).round() / 100.0),
                q.high.map(|x| (x * 100.0).round() / 100.0),
                q.hedge,
                q.unit,
                q.counts,
            )
        })
        .collect()
}

type Case = (
    &'static str,
    &'static str,
    &'static str,
    Option<f64>,
    Option<f64>,
    Hedge,
    Option<&'static str>,
    Option<&'static str>,
);

#[test]
fn table() {
    use Hedge::*;
    let cases: &[Case] = &[
        (
            "around",
            "A rally of around 2,000 people took place.",
            "around 2,000 people",
            Some(1800.0),
            Some(2200.0),
            Approximate,
            Some("people"),
            None,
        ),
        (
            "more than",
            "It gathered more than 2,000 people.",
            "more than 2,000 people",
            Some(2000.0),
            None,
            MoreThan,
            Some("people"),
            None,
        ),
        (
            "at least dead",
            "There were at least eight dead.",
            "at least eight dead",
            Some(8.0),
            None,
            AtLeast,
            Some("killed"),
            Some("killed"),
        ),
        (
            "more than injured",
            "More than 300 injured were counted.",
            "More than 300 injured",
            Some(300.0),
            None,
            MoreThan,
            Some("injured"),
            Some("injured"),
        ),
        (
            "nearly",
            "Nearly 5,000 people were dispersed by police.",
            "Nearly 5,000 people",
            Some(4500.0),
            Some(5000.0),
            LessThan,
            Some("people"),
            Some("dispersed"),
        ),
        (
            "dozens",
            "Dozens of anti-government protesters were killed.",
            "Dozens of anti-government protesters",
            Some(24.0),
            Some(99.0),
            Vague,
            Some("protesters"),
            Some("killed"),
        ),
        (
            "several hundred",
            "Footage showed several hundred at the square.",
            "several hundred",
            Some(300.0),
            Some(900.0),
            Vague,
            None,
            None,
        ),
        (
            "several dozen",
            "Several dozen demonstrators were arrested.",
            "Several dozen demonstrators",
            Some(36.0),
            Some(108.0),
            Vague,
            Some("demonstrators"),
            Some("arrested"),
        ),
        (
            "tens of thousands",
            "Tens of thousands of people marched.",
            "Tens of thousands of people",
            Some(20000.0),
            Some(99999.0),
            Vague,
            Some("people"),
            None,
        ),
        (
            "members killed",
            "Officials said 13 members of the security forces were also killed.",
            "13 members",
            Some(13.0),
            Some(13.0),
            Exact,
            Some("members"),
            Some("killed"),
        ),
        (
            "range",
            "Sentences ranging from 20 to 50 days in prison.",
            "from 20 to 50 days",
            Some(20.0),
            Some(50.0),
            Range,
            Some("days"),
            None,
        ),
        (
            "between",
            "Between 10 and 20 soldiers were wounded.",
            "Between 10 and 20 soldiers",
            Some(10.0),
            Some(20.0),
            Range,
            Some("soldiers"),
            Some("injured"),
        ),
        (
            "money m",
            "Qatar Airways seeks over $600m in damages.",
            "over $600m",
            Some(600e6),
            None,
            MoreThan,
            Some("usd"),
            None,
        ),
        (
            "money euro",
            "The fund holds €5 billion.",
            "€5 billion",
            Some(5e9),
            Some(5e9),
            Exact,
            Some("eur"),
            None,
        ),
        (
            "percent",
            "Prices rose 12.5% last year.",
            "12.5%",
            Some(12.5),
            Some(12.5),
            Exact,
            Some("percent"),
            None,
        ),
        (
            "per cent",
            "Turnout was 40 per cent.",
            "40 per cent",
            Some(40.0),
            Some(40.0),
            Exact,
            Some("percent"),
            None,
        ),
        (
            "up to",
            "Up to 400 troops will be sent.",
            "Up to 400 troops",
            None,
            Some(400.0),
            AtMost,
            Some("troops"),
            None,
        ),
        (
            "less than",
            "Less than 10 percent voted.",
            "Less than 10 percent",
            None,
            Some(10.0),
            LessThan,
            Some("percent"),
            None,
        ),
        (
            "number word",
            "Five journalists were detained.",
            "Five journalists",
            Some(5.0),
            Some(5.0),
            Exact,
            Some("journalists"),
            Some("arrested"),
        ),
        (
            "compound number word",
            "Twenty-five people died.",
            "Twenty-five people",
            Some(25.0),
            Some(25.0),
            Exact,
            Some("people"),
            Some("killed"),
        ),
        (
            "deaths",
            "There were 40 deaths.",
            "40 deaths",
            Some(40.0),
            Some(40.0),
            Exact,
            Some("deaths"),
            Some("killed"),
        ),
        (
            "million people",
            "Some 3 million people fled.",
            "Some 3 million people",
            Some(2.7e6),
            Some(3.3e6),
            Approximate,
            Some("people"),
            None,
        ),
        (
            "a million",
            "Nearly a million people fled.",
            "Nearly a million people",
            Some(9e5),
            Some(1e6),
            LessThan,
            Some("people"),
            None,
        ),
    ];
    for (name, text, span, low, high, hedge, unit, counts) in cases {
        let got = run(text, "en");
        let q = got
            .iter()
            .find(|q| q.0 == *span)
            .unwrap_or_else(|| panic!("{name}: {span:?} not in {got:?}"));
        assert_eq!((q.1, q.2, q.3), (*low, *high, *hedge), "{name}");
        assert_eq!(q.4.as_deref(), *unit, "{name} unit");
        assert_eq!(q.5.as_deref(), *counts, "{name} counts");
    }
}

#[test]
fn subset_of_whom() {
    let got = run("State television reported that 13 members of the security forces were also killed, two of whom were beheaded.", "en");
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].0, "two of whom");
    assert_eq!(got[1].4.as_deref(), Some("members"));
    assert_eq!(got[1].5.as_deref(), Some("beheaded"));
}

#[test]
fn harm_verb_then_number_word() {
    let got = run(
        "The blaze killed three, including a woman, and injured three others.",
        "en",
    );
    let got: Vec<_> = got
        .iter()
        .map(|r| (r.0.as_str(), r.1, r.4.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("three", Some(3.0), Some("killed")),
            ("three others", Some(3.0), Some("injured"))
        ]
    );
}

#[test]
fn not_counts() {
    let cases: &[(&str, &str)] = &[
        (
            "year",
            "Uzbekistan quit the CSTO in 2012 and has observer status.",
        ),
        (
            "date",
            "The resolution of February 11 denounced it on March 19, 2022.",
        ),
        ("time", "They left at 2:00 p.m. local time."),
        ("licence", "Photo: mibuchat / Flickr / CC BY-SA 2.0"),
        ("glued", "source site-64"),
        ("ordinal", "It was the 2nd rally and the first one."),
        ("model", "A dispute over the Airbus A350 jets."),
        ("age", "John Smith, 45, said he was a 45-year-old teacher."),
        ("bare", "The page 0 81 had nothing."),
        ("one", "One of these activists spoke."),
        (
            "one after a verb",
            "The storm killed one of the farmers' cows.",
        ),
        ("verb then a day", "It injured one day and healed the next."),
        ("since", "Since 1991, the country has been independent."),
        ("spanish month variant", "Llegaron el 5 setiembre."),
        ("austrian month", "Sie kamen am 5 jänner."),
    ];
    for (name, text) in cases {
        let got = run(text, "en");
        assert!(got.is_empty(), "{name}: {got:?}");
    }
}

#[test]
fn other_languages() {
    let got = run("Plus de 2 000 personnes ont manifesté.", "fr");
    assert_eq!(got[0].1, Some(2000.0), "{got:?}");
    assert_eq!(got[0].3, Hedge::MoreThan);
    assert_eq!(got[0].4.as_deref(), Some("people"));
    let got = run("Mindestens acht Menschen wurden getötet.", "de");
    assert_eq!((got[0].1, got[0].3), (Some(8.0), Hedge::AtLeast), "{got:?}");
    let got = run("Más de 1.500 personas fueron detenidas.", "es");
    assert_eq!(
        (got[0].1, got[0].3),
        (Some(1500.0), Hedge::MoreThan),
        "{got:?}"
    );
}

#[test]
fn source() {
    let t = text::normalize(
        "Dozens of protesters were killed in Almaty, Kazakh officials said Thursday.",
    );
    let seg = text::segment(t.as_str());
    let doc = Doc {
        text: t.as_str(),
        seg: &seg,
        anchor: None,
        language: None,
    };
    let q = extract(&doc);
    assert_eq!(q[0].source.as_deref(), Some("Kazakh officials"));
}

/// Regressions from real reports: digit groups split by spaces or narrow
/// spaces, "dozen" as a multiplier, "a couple", "tens of thousands".
#[test]
fn grouped_digits_and_dozens() {
    let cases: &[(&str, &str, &str, f64, f64)] = &[
        (
            "ru",
            "В акции приняли участие 1 500 человек.",
            "1 500 человек",
            1500.0,
            1500.0,
        ),
        (
            "ru",
            "Задержаны 1\u{202F}500 человек.",
            "1 500 человек",
            1500.0,
            1500.0,
        ),
        (
            "en",
            "More than 12\u{A0}000 people were evacuated.",
            "More than 12 000 people",
            12000.0,
            f64::NAN,
        ),
        (
            "en",
            "Police detained around three dozen protesters.",
            "around three dozen protesters",
            32.4,
            39.6,
        ),
        (
            "en",
            "Half a dozen soldiers were injured.",
            "Half a dozen soldiers",
            6.0,
            6.0,
        ),
        (
            "en",
            "A couple of protesters were arrested.",
            "A couple of protesters",
            2.0,
            3.0,
        ),
        (
            "en",
            "A couple of hundred people gathered.",
            "A couple of hundred people",
            200.0,
            300.0,
        ),
        (
            "en",
            "Tens of thousands of people marched.",
            "Tens of thousands of people",
            20000.0,
            99999.0,
        ),
        (
            "en",
            "In 2019 500 people were arrested.",
            "500 people",
            500.0,
            500.0,
        ),
    ];
    for &(lang, text, span, low, high) in cases {
        let got = run(text, lang);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].0, span, "{text}");
        assert_eq!(got[0].1, Some(low), "{text}");
        assert_eq!(
            got[0].2.unwrap_or(f64::NAN).to_bits(),
            high.to_bits(),
            "{text}"
        );
    }
    assert_eq!(
        run("Задержаны 1 500 человек.", "ru")[0].4.as_deref(),
        Some("people")
    );
}
