//! Temporal expressions: named cases, run through `extract::dates::extract`.

use storydiff::extract::{dates, CalendarDate, DateKind, DateMention, Doc};
use storydiff::text::{normalize, segment};

fn run(text: &str, anchor: Option<&str>) -> Vec<DateMention> {
    let seg = segment(text);
    let doc = Doc {
        text,
        seg: &seg,
        anchor: anchor.and_then(CalendarDate::parse_iso),
        language: None,
    };
    dates(&doc)
}

/// `(surface, value)` of each finding.
fn found(text: &str, anchor: Option<&str>) -> Vec<(String, String)> {
    run(text, anchor)
        .iter()
        .map(|d| (d.span.of(text).to_string(), d.value.clone()))
        .collect()
}

/// Expected findings: `(surface, value)` in order.
type Want = &'static [(&'static str, &'static str)];

/// One named case: exactly the findings `want`, in order.
fn check(name: &str, anchor: Option<&str>, text: &str, want: Want) {
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(s, v)| (s.to_string(), v.to_string()))
        .collect();
    assert_eq!(found(text, anchor), want, "{name}: {text}");
}

/// The analysis text (normalized) of a seed.
fn seed(prefix: &str) -> String {
    normalize(&storydiff::eval::seed(prefix).text)
        .as_str()
        .to_string()
}

/// Each `(context, surface, value)`: `surface` is found, with `value`, at or after the
/// first occurrence of `context` in the seed `prefix` published on `anchor`.
fn check_seed(prefix: &str, anchor: &str, cases: &[(&str, &str, &str)]) -> String {
    let text = seed(prefix);
    let all = run(&text, Some(anchor));
    for &(context, surface, value) in cases {
        let at = text
            .find(context)
            .unwrap_or_else(|| panic!("{prefix}: {context:?} not in text"));
        let hit = all
            .iter()
            .find(|d| d.span.start >= at && d.span.of(&text) == surface)
            .unwrap_or_else(|| panic!("{prefix}: {surface:?} after {context:?} not found"));
        assert_eq!(hit.value, value, "{prefix}: {surface:?} after {context:?}");
    }
    text
}

#[test]
fn seed_001_published_2022_03_19() {
    let text = check_seed(
        "001",
        "2022-03-19",
        &[
            ("Activists in Kazakhstan said", "Saturday", "2022-03-19"),
            ("Komilov on", "Thursday", "2022-03-17"),
            ("The foreign ministry", "last month", "2022-02"),
            ("Earlier this month", "Earlier this month", "2022-03"),
            ("vacate it", "2:00 p.m. local time", "2022-03-19T14:00"),
            ("\"booked\"", "the whole day", "P1D"),
        ],
    );
    // "Russia Today" is a channel, not a day.
    assert!(run(&text, Some("2022-03-19"))
        .iter()
        .all(|d| d.span.of(&text) != "Today"));
}

#[test]
fn seed_002_published_2022_01_06() {
    check_seed(
        "002",
        "2022-01-06",
        &[
            ("officials said", "Thursday", "2022-01-06"),
            ("Separately on", "Thursday", "2022-01-06"),
            ("protests over", "the weekend", "2021-W52-WE"),
            ("independent in", "1991", "1991"),
        ],
    );
}

#[test]
fn seeds_003_and_004() {
    check_seed(
        "003",
        "2022-01-05",
        &[
            (
                "spreading",
                "overnight from Tuesday to Wednesday",
                "2022-01-04TNI",
            ),
            ("erupted on", "Sunday", "2022-01-02"),
        ],
    );
    check_seed(
        "004",
        "2021-04-18",
        &[
            ("ranging from", "20 to 50 days", "P20D/P50D"),
            ("resolution of", "February 11", "2021-02-11"),
        ],
    );
}

#[test]
fn expressions_with_an_anchor() {
    // (name, anchor, text, expected (surface, value) in order)
    let cases: &[(&str, &str, &str, Want)] = &[
        (
            "long date",
            "2022-03-19",
            "It happened on March 19, 2022.",
            &[("March 19, 2022", "2022-03-19")],
        ),
        (
            "day month year",
            "2022-03-19",
            "It happened on 19 March 2022.",
            &[("19 March 2022", "2022-03-19")],
        ),
        (
            "abbreviated",
            "2022-03-19",
            "Rioters came on Jan. 6 and left.",
            &[("Jan. 6", "2022-01-06")],
        ),
        (
            "abbreviated with year",
            "2022-03-19",
            "Since Jan 6, 2021 nothing changed.",
            &[("Jan 6, 2021", "2021-01-06")],
        ),
        (
            "iso",
            "2022-03-19",
            "Published 2022-03-19 in print.",
            &[("2022-03-19", "2022-03-19")],
        ),
        (
            "month year",
            "2022-03-19",
            "Prices rose in March 2021.",
            &[("March 2021", "2021-03")],
        ),
        (
            "year",
            "2022-03-19",
            "Uzbekistan quit the CSTO in 2012.",
            &[("2012", "2012")],
        ),
        (
            "since year",
            "2022-03-19",
            "It has been independent since 1991.",
            &[("1991", "1991")],
        ),
        (
            "decade",
            "2022-03-19",
            "It boomed in the 1990s.",
            &[("the 1990s", "199")],
        ),
        (
            "weekday past",
            "2022-03-19",
            "Police said on Thursday they had left.",
            &[("Thursday", "2022-03-17")],
        ),
        (
            "weekday same day",
            "2022-03-19",
            "Activists said Saturday they were refused.",
            &[("Saturday", "2022-03-19")],
        ),
        (
            "weekday future",
            "2022-03-19",
            "The rally will take place on Tuesday.",
            &[("Tuesday", "2022-03-22")],
        ),
        (
            "next weekday",
            "2022-03-19",
            "They meet again next Saturday.",
            &[("next Saturday", "2022-03-26")],
        ),
        (
            "last weekday",
            "2022-03-19",
            "They met last Saturday.",
            &[("last Saturday", "2022-03-12")],
        ),
        (
            "last month",
            "2022-03-19",
            "The ministry last month signaled neutrality.",
            &[("last month", "2022-02")],
        ),
        (
            "earlier this month",
            "2022-03-19",
            "Earlier this month a rally was held.",
            &[("Earlier this month", "2022-03")],
        ),
        (
            "early march",
            "2022-03-19",
            "In early March the authorities agreed.",
            &[("early March", "2022-03")],
        ),
        (
            "late last year",
            "2022-03-19",
            "Talks collapsed late last year.",
            &[("late last year", "2021")],
        ),
        (
            "this week",
            "2022-03-19",
            "Talks held this week failed.",
            &[("this week", "2022-W11")],
        ),
        (
            "weekend",
            "2022-01-06",
            "Protests began over the weekend.",
            &[("the weekend", "2021-W52-WE")],
        ),
        (
            "yesterday today tomorrow",
            "2022-03-19",
            "Yesterday it rained, today it is dry and tomorrow it will snow.",
            &[
                ("Yesterday", "2022-03-18"),
                ("today", "2022-03-19"),
                ("tomorrow", "2022-03-20"),
            ],
        ),
        (
            "overnight",
            "2022-01-06",
            "Riots spread overnight from Tuesday to Wednesday.",
            &[("overnight from Tuesday to Wednesday", "2022-01-04TNI")],
        ),
        (
            "part of day",
            "2022-01-06",
            "Shots were heard on Tuesday night.",
            &[("Tuesday night", "2022-01-04TNI")],
        ),
        (
            "clock time",
            "2022-03-19",
            "They left at 2:00 p.m. local time.",
            &[("2:00 p.m. local time", "2022-03-19T14:00")],
        ),
        (
            "clock time on a named day",
            "2022-03-19",
            "The vote will close on Monday at 8 p.m.",
            &[("Monday", "2022-03-21"), ("8 p.m.", "2022-03-21T20:00")],
        ),
        (
            "duration range",
            "2022-03-19",
            "Sentences range from 20 to 50 days in prison.",
            &[("20 to 50 days", "P20D/P50D")],
        ),
        (
            "duration words",
            "2022-03-19",
            "The war lasted three years.",
            &[("three years", "P3Y")],
        ),
        (
            "whole day",
            "2022-03-19",
            "The square was booked for the whole day.",
            &[("the whole day", "P1D")],
        ),
        (
            "hyphenated",
            "2022-03-19",
            "A 20-year war ended.",
            &[("20-year", "P20Y")],
        ),
        (
            "ago",
            "2022-03-19",
            "It was amended three years ago.",
            &[("three years ago", "2019")],
        ),
        (
            "set",
            "2022-03-19",
            "Protesters gather every day and every Saturday.",
            &[("every day", "P1D"), ("every Saturday", "XXXX-WXX-6")],
        ),
        (
            "references",
            "2022-03-19",
            "It is now calm, currently, but was recently tense; in the future it may change.",
            &[
                ("now", "PRESENT_REF"),
                ("currently", "PRESENT_REF"),
                ("recently", "PAST_REF"),
                ("the future", "FUTURE_REF"),
            ],
        ),
        (
            "quarter",
            "2022-03-19",
            "Sales fell in the first quarter of 2021.",
            &[("the first quarter of 2021", "2021-Q1")],
        ),
        (
            "season",
            "2022-03-19",
            "Talks resume this summer.",
            &[("this summer", "2022-SU")],
        ),
        (
            "mid month",
            "2022-03-19",
            "Schools closed in mid-February.",
            &[("mid-February", "2022-02")],
        ),
        (
            "next day",
            "2022-03-19",
            "Police came on March 3. The next day they left.",
            &[("March 3", "2022-03-03"), ("The next day", "2022-03-04")],
        ),
        (
            "french",
            "2022-03-19",
            "La manifestation du 20 mars 2022 a été interdite.",
            &[("20 mars 2022", "2022-03-20")],
        ),
        (
            "german",
            "2022-03-19",
            "Die Demonstration am 19. März 2022 wurde verboten.",
            &[("19. März 2022", "2022-03-19")],
        ),
        (
            "spanish",
            "2022-03-19",
            "El Gobierno aprobó la ley el 3 de marzo de 2022.",
            &[("3 de marzo de 2022", "2022-03-03")],
        ),
        (
            "holidays",
            "2020-06-01",
            "He died on Memorial Day; rallies grew over the Labor Day weekend last year.",
            &[
                ("Memorial Day", "2020-05-25"),
                ("the Labor Day weekend", "2019-W35-WE"),
                ("last year", "2019"),
            ],
        ),
        (
            "midweek and week-long",
            "2021-06-21",
            "The heat will peak midweek after a week-long wave.",
            &[("midweek", "2021-W25"), ("week-long", "P1W")],
        ),
        (
            "compound duration",
            "2023-06-24",
            "Contact was lost an hour and 45 minutes into the dive.",
            &[("an hour and 45 minutes", "PT1H45M")],
        ),
        (
            "military time with zone",
            "2022-03-19",
            "The strike began at 0900 GMT.",
            &[("0900 GMT", "2022-03-19T09:00")],
        ),
        (
            "day before yesterday",
            "2022-03-19",
            "It rained the day before yesterday.",
            &[("the day before yesterday", "2022-03-17")],
        ),
        (
            "this past weekend",
            "2022-03-21",
            "Crowds gathered this past weekend.",
            &[("this past weekend", "2022-W11-WE")],
        ),
        (
            "present tense schedule",
            "2019-09-02",
            "Parliament returns from recess on Tuesday.",
            &[("Tuesday", "2019-09-03")],
        ),
        (
            "once every",
            "2024-02-29",
            "It comes around once every four years.",
            &[("once every four years", "P4Y")],
        ),
        (
            "lower-case foreign weekday",
            "2022-07-08",
            "Los manifestantes se concentraron el viernes y protestarán el 15 de julio.",
            &[("viernes", "2022-07-08"), ("15 de julio", "2022-07-15")],
        ),
        (
            "year range",
            "2022-03-19",
            "Output fell in 2010-2015 and again between 2019 and 2020.",
            &[
                ("2010", "2010"),
                ("2015", "2015"),
                ("2019", "2019"),
                ("2020", "2020"),
            ],
        ),
        (
            "earlier in the week",
            "2022-03-19",
            "Talks stalled earlier in the week.",
            &[("earlier in the week", "2022-W11")],
        ),
        (
            "foreign relative",
            "2022-03-19",
            "La semaine dernière, le mois prochain; letzte Woche; el año pasado; cette année.",
            &[
                ("La semaine dernière", "2022-W10"),
                ("le mois prochain", "2022-04"),
                ("letzte Woche", "2022-W10"),
                ("el año pasado", "2021"),
                ("cette année", "2022"),
            ],
        ),
        (
            "fiscal year",
            "2022-03-19",
            "Revenue fell in fiscal 2021.",
            &[("fiscal 2021", "FY2021")],
        ),
        (
            "numeric and possessive",
            "2022-03-19",
            "Filed 19/03/2022 and 3/4/2022; 2021's budget.",
            &[
                ("19/03/2022", "2022-03-19"),
                ("3/4/2022", "2022-03-04"),
                ("2021", "2021"),
            ],
        ),
        (
            "clock time before its day",
            "2023-08-18",
            "Residents were given until noon Friday to leave; trading opens at 9:30 a.m. ET on Monday.",
            &[("noon Friday", "2023-08-18T12:00"), ("9:30 a.m. ET", "2023-08-21T09:30"), ("Monday", "2023-08-21")],
        ),
        (
            "black friday",
            "2021-11-26",
            "Black Friday sales were weak.",
            &[("Black Friday", "2021-11-26")],
        ),
        (
            "foreign part of day and tense",
            "2020-07-01",
            "Ils pourront voyager, a annoncé le gouvernement mardi soir.",
            &[("mardi soir", "2020-06-30TEV")],
        ),
        (
            "annual and year-end",
            "2022-03-19",
            "The annual report is due by year-end; dividends are paid quarterly.",
            &[("annual", "P1Y"), ("year-end", "2022"), ("quarterly", "P3M")],
        ),
        (
            "foreign month and year",
            "2022-03-19",
            "Les prix ont augmenté en mai 2021 et en août 2021.",
            &[("mai 2021", "2021-05"), ("août 2021", "2021-08")],
        ),
        (
            "foreign weekday",
            "2022-03-19",
            "Les militants ont manifesté le samedi.",
            &[("samedi", "2022-03-19")],
        ),
    ];
    for &(name, anchor, text, want) in cases {
        check(name, Some(anchor), text, want);
    }
}

#[test]
fn without_an_anchor_unknown_parts_are_x() {
    let cases: &[(&str, &str, Want)] = &[
        (
            "month day",
            "It happened on March 19.",
            &[("March 19", "XXXX-03-19")],
        ),
        (
            "weekday",
            "Activists said Saturday they were refused.",
            &[("Saturday", "XXXX-WXX-6")],
        ),
        (
            "clock",
            "They left at 2:00 p.m. local time.",
            &[("2:00 p.m. local time", "XXXX-XX-XXT14:00")],
        ),
        (
            "full date stays",
            "It happened on March 19, 2022.",
            &[("March 19, 2022", "2022-03-19")],
        ),
        (
            "clock on a full date",
            "On March 19, 2022 they left at 2 p.m.",
            &[
                ("March 19, 2022", "2022-03-19"),
                ("2 p.m.", "2022-03-19T14:00"),
            ],
        ),
        (
            "last month",
            "The ministry last month signaled it.",
            &[("last month", "XXXX-XX")],
        ),
    ];
    for &(name, text, want) in cases {
        check(name, None, text, want);
    }
}

#[test]
fn numeric_dates_follow_the_language() {
    let text = "Filed 3/4/2022.";
    let seg = segment(text);
    let doc = Doc {
        text,
        seg: &seg,
        anchor: None,
        language: Some("fr"),
    };
    let found = dates(&doc);
    assert_eq!(found[0].value, "2022-04-03");
    assert_eq!(found[0].day(), CalendarDate::new(2022, 4, 3));
}

#[test]
fn not_dates() {
    let cases: &[(&str, &str)] = &[
        ("channel", "The editor of Russia Today criticized it."),
        (
            "march as a noun",
            "Kazakhstan refused to allow a march against the war.",
        ),
        ("march as a verb", "They will march to the square."),
        (
            "may as a modal",
            "May they succeed. Officials may hold talks.",
        ),
        ("may as a name", "Theresa May said so."),
        ("sun newspaper", "The Sun reported it."),
        ("mar in a name", "Mar Roxas spoke."),
        (
            "counts",
            "More than 2,000 people and 13 members were killed.",
        ),
        ("score", "They won 2:1 in the final."),
        ("age", "He remained active well into his 90s."),
        ("place", "Flights to Santo Domingo resumed."),
        ("fall as a noun", "After the fall of Kabul, prices fell."),
        (
            "month as a name",
            "The actor August Diehl and singer June Carter came.",
        ),
        ("count not year", "A crowd of 2000 people gathered."),
        ("surname", "Mr. Sunday, a former judge, spoke."),
        ("planet", "The Mars 2020 rover landed."),
        (
            "weekday in a name",
            "Bloody Sunday is remembered. The Sunday Times wrote.",
        ),
    ];
    for &(name, text) in cases {
        check(name, Some("2022-03-19"), text, &[]);
    }
}

#[test]
fn kinds_and_modifiers() {
    let text = "In early March they met at 2 p.m. for three hours every day.";
    let got: Vec<(DateKind, Option<&str>)> = run(text, Some("2022-03-19"))
        .iter()
        .map(|d| (d.kind, d.modifier))
        .collect();
    assert_eq!(
        got,
        [
            (DateKind::Date, Some("START")),
            (DateKind::Time, None),
            (DateKind::Duration, None),
            (DateKind::Set, None),
        ]
    );
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_is_safe(text in "\\PC{0,120}") {
            for d in run(&text, Some("2022-03-19")).iter().chain(run(&text, None).iter()) {
                prop_assert!(d.span.end <= text.len());
                prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
            }
        }

        #[test]
        fn spans_are_on_char_boundaries_ordered_and_disjoint(
            text in "([A-Za-zéü0-9,.:'\\- ]|March|May|Saturday|last|next|week|19|2022|p\\.m\\.|ago|years| ){0,40}"
        ) {
            let found = run(&text, Some("2022-03-19"));
            let mut end = 0;
            for d in &found {
                prop_assert!(d.span.start < d.span.end && d.span.end <= text.len());
                prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
                prop_assert!(d.span.start >= end, "overlap in {:?}", text);
                end = d.span.end;
                prop_assert!(!d.value.is_empty());
            }
        }
    }
}
