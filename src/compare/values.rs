//! Two values of one fact, compared as intervals with hedges, at the times
//! the reports give them.
//!
//! | class | when | example |
//! | --- | --- | --- |
//! | [`Class::Agree`] | the same value, however written, rounding included | "81.31%" / "81.3%" |
//! | [`Class::Compatible`] | hedged values that overlap | "around 2,000" / "more than 2,000" |
//! | [`Class::Conflict`] | values that cannot both hold at the same time | "13 killed" / "under 10 killed" |
//! | [`Class::Update`] | different values given for different days (not one figure hedged two ways) | a toll of 8, then 13 a day later |
//! | [`Class::OnlyA`], [`Class::OnlyB`] | a fact only one report gives | |
//!
//! ```
//! use storydiff::compare::{classify_values, Class};
//! use storydiff::extract::{Hedge, Quantity};
//! use storydiff::text::Span;
//! let q = |low: f64, high: Option<f64>, hedge| Quantity {
//!     span: Span::new(0, 1), low: Some(low), high, hedge,
//!     unit: Some("people".into()), counts: None, source: None,
//! };
//! let around = q(1800.0, Some(2200.0), Hedge::Approximate);
//! let more = q(2000.0, None, Hedge::MoreThan);
//! assert_eq!(classify_values(&around, &more, None, None), Class::Compatible);
//! ```

use crate::extract::{CalendarDate, Hedge, Quantity};
use serde::Serialize;

/// How two reports' versions of one fact relate.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Class {
    /// The same value, also when written differently.
    Agree,
    /// Hedged values that can both be true.
    Compatible,
    /// Values that cannot both be true of the same moment.
    Conflict,
    /// The same fact at different times: a later figure, not a contradiction.
    Update,
    /// Only the first report gives it.
    OnlyA,
    /// Only the second report gives it.
    OnlyB,
    /// Only one report of a cluster gives it.
    OnlyOne,
}

impl Class {
    /// The class's name as the report writes it ("agree", "only-a").
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Agree => "agree",
            Class::Compatible => "compatible",
            Class::Conflict => "conflict",
            Class::Update => "update",
            Class::OnlyA => "only-a",
            Class::OnlyB => "only-b",
            Class::OnlyOne => "only-one",
        }
    }
}

/// Classifies two values of one fact. `day_a` and `day_b` are the days each
/// report gives the value for (a date in its sentence, else the publication
/// date), when known.
pub fn classify_values(
    a: &Quantity,
    b: &Quantity,
    day_a: Option<CalendarDate>,
    day_b: Option<CalendarDate>,
) -> Class {
    if same_value(a, b) {
        return Class::Agree;
    }
    if let (Some(x), Some(y)) = (day_a, day_b) {
        // The same figure hedged differently ("27" / "at least 27", "40" /
        // "about 40") has not moved from one day to the other.
        let same_figure = matches!((nominal(a), nominal(b)), (Some(p), Some(q)) if p == q);
        if x != y && !(same_figure && overlap(a, b)) {
            return Class::Update;
        }
    }
    if overlap(a, b) || loosely_near(a, b) {
        Class::Compatible
    } else {
        Class::Conflict
    }
}

/// The same value: the same interval and hedge, or two exact figures one of
/// which rounds the other ("81.31" / "81.3", "7,939" / "7,900").
pub fn same_value(a: &Quantity, b: &Quantity) -> bool {
    let close = |p: Option<f64>, q: Option<f64>| match (p, q) {
        (Some(p), Some(q)) => (p - q).abs() <= 1e-9 * p.abs().max(1.0),
        (None, None) => true,
        _ => false,
    };
    if a.hedge == b.hedge && close(a.low, b.low) && close(a.high, b.high) {
        return true;
    }
    match (point(a), point(b)) {
        (Some(x), Some(y)) => rounds(x, y) || rounds(y, x),
        _ => false,
    }
}

/// The figure a hedged quantity is written with: "about 40" and "at least
/// 40" are 40, "up to 100" is 100; `None` for a range or a vague word.
fn nominal(q: &Quantity) -> Option<f64> {
    match q.hedge {
        Hedge::Exact | Hedge::MoreThan | Hedge::AtLeast => q.low.or(q.high),
        Hedge::LessThan | Hedge::AtMost => q.high,
        Hedge::Approximate => match (q.low, q.high) {
            (Some(l), Some(h)) => Some((l + h) / 2.0),
            (l, h) => l.or(h),
        },
        Hedge::Range | Hedge::Vague => None,
    }
}

/// The figure of an exact quantity.
fn point(q: &Quantity) -> Option<f64> {
    match (q.hedge, q.low, q.high) {
        (Hedge::Exact, Some(l), Some(h)) if l == h => Some(l),
        (Hedge::Exact, Some(l), None) => Some(l),
        _ => None,
    }
}

/// Whether `coarse` is `fine` rounded to `coarse`'s precision: its last
/// decimal, or its last non-zero digit for whole numbers with two or more
/// trailing zeros ("7,900"), within 1%.
fn rounds(coarse: f64, fine: f64) -> bool {
    if coarse == fine {
        return true;
    }
    // What follows never holds for figures further apart than 1% of the
    // larger or half a unit of the first decimal: skip the digits then.
    let apart = (coarse - fine).abs();
    if apart > 0.01 * fine.abs().max(coarse.abs()) && apart > 0.05 + 1e-9 {
        return false;
    }
    let unit = precision(coarse);
    if unit >= precision(fine) && unit > 0.0 {
        let near = (coarse - fine).abs() <= unit / 2.0 + 1e-9;
        let within = (coarse - fine).abs() <= 0.01 * fine.abs().max(coarse.abs());
        return near && (unit < 1.0 || within);
    }
    false
}

/// The place value of the last significant digit: 0.1 for 81.3, 100 for
/// 7,900, 0 (no rounding read) for 13 or 2,013.
fn precision(x: f64) -> f64 {
    let text = format!("{x}");
    if let Some((_, decimals)) = text.split_once('.') {
        return 10f64.powi(-(decimals.len() as i32));
    }
    let zeros = text.chars().rev().take_while(|&c| c == '0').count();
    if zeros >= 2 && zeros < text.trim_start_matches('-').len() {
        10f64.powi(zeros as i32)
    } else {
        0.0
    }
}

fn bounds(q: &Quantity) -> (f64, f64) {
    (
        q.low.unwrap_or(f64::NEG_INFINITY),
        q.high.unwrap_or(f64::INFINITY),
    )
}

/// Whether the two intervals share a value.
pub fn overlap(a: &Quantity, b: &Quantity) -> bool {
    let (a0, a1) = bounds(a);
    let (b0, b1) = bounds(b);
    a0 <= b1 && b0 <= a1
}

/// A vague figure ("dozens", "hundreds") within a factor of two of the
/// other: vague words do not state bounds precisely enough to contradict.
fn loosely_near(a: &Quantity, b: &Quantity) -> bool {
    if a.hedge != Hedge::Vague && b.hedge != Hedge::Vague {
        return false;
    }
    let (a0, a1) = bounds(a);
    let (b0, b1) = bounds(b);
    a0 <= 2.0 * b1 && b0 <= 2.0 * a1
}

/// One plain sentence saying how the two values relate. `a` and `b` are the
/// reports' names, `what` the fact's key, `va` and `vb` the values as read.
pub fn explain(class: Class, what: &str, (a, va): (&str, &str), (b, vb): (&str, &str)) -> String {
    match class {
        Class::Agree if va == vb => format!("{a} and {b} both give {va} for {what}."),
        Class::Agree => {
            format!("{a} gives {va} and {b} {vb} for {what}: the same figure, written differently.")
        }
        Class::Compatible => format!(
            "{a} gives {va} and {b} {vb} for {what}: the hedged figures overlap, so both can be true."
        ),
        Class::Conflict => format!(
            "{a} gives {va} and {b} {vb} for {what}: both cannot be true of the same moment."
        ),
        Class::Update => format!(
            "{a} gives {va} and {b} {vb} for {what}, for different days: a later figure, not a contradiction."
        ),
        Class::OnlyA => format!("Only {a} gives {what}: {va}."),
        Class::OnlyB => format!("Only {b} gives {what}: {vb}."),
        Class::OnlyOne => format!("Only one report gives {what}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;
    // proptest is a native dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    use proptest::prelude::*;

    #[cfg(not(target_arch = "wasm32"))]
    proptest! {
        /// The early exit of [`rounds`] answers as the digits would.
        #[test]
        fn rounding_skips_only_figures_that_cannot_round(
            whole in -20_000i64..20_000,
            tenths in 0i64..10,
            hundredths in 0i64..10,
            step in -300i64..300,
            scale in 0u32..4,
        ) {
            let fine = (whole * 100 + tenths * 10 + hundredths) as f64 / 100.0 * 10f64.powi(scale as i32);
            let coarse = fine + step as f64 / 100.0 * 10f64.powi(scale as i32);
            let by_digits = |coarse: f64, fine: f64| {
                let unit = precision(coarse);
                coarse == fine
                    || (unit >= precision(fine)
                        && unit > 0.0
                        && (coarse - fine).abs() <= unit / 2.0 + 1e-9
                        && (unit < 1.0 || (coarse - fine).abs() <= 0.01 * fine.abs().max(coarse.abs())))
            };
            prop_assert_eq!(rounds(coarse, fine), by_digits(coarse, fine));
            prop_assert_eq!(rounds(fine.round(), fine), by_digits(fine.round(), fine));
        }
    }

    fn q(low: Option<f64>, high: Option<f64>, hedge: Hedge) -> Quantity {
        Quantity {
            span: Span::new(0, 1),
            low,
            high,
            hedge,
            unit: Some("people".into()),
            counts: None,
            source: None,
        }
    }
    fn exact(x: f64) -> Quantity {
        q(Some(x), Some(x), Hedge::Exact)
    }
    fn day(s: &str) -> Option<CalendarDate> {
        CalendarDate::parse_iso(s)
    }

    #[test]
    fn classes_of_value_pairs() {
        let cases = [
            (
                "rounding of a percentage",
                exact(81.31),
                exact(81.3),
                None,
                None,
                Class::Agree,
            ),
            (
                "rounding to hundreds",
                exact(7939.0),
                exact(7900.0),
                None,
                None,
                Class::Agree,
            ),
            (
                "different small counts",
                exact(13.0),
                exact(12.0),
                None,
                None,
                Class::Conflict,
            ),
            (
                "2,100 is not 2,000 rounded",
                exact(2100.0),
                exact(2000.0),
                None,
                None,
                Class::Conflict,
            ),
            (
                "around and more than",
                q(Some(1800.0), Some(2200.0), Hedge::Approximate),
                q(Some(2000.0), None, Hedge::MoreThan),
                None,
                None,
                Class::Compatible,
            ),
            (
                "13 and at least eight",
                exact(13.0),
                q(Some(8.0), None, Hedge::AtLeast),
                None,
                None,
                Class::Compatible,
            ),
            (
                "a toll a day later",
                exact(8.0),
                exact(13.0),
                day("2022-01-05"),
                day("2022-01-06"),
                Class::Update,
            ),
            (
                "one figure hedged two ways, two days apart",
                exact(27.0),
                q(Some(27.0), None, Hedge::AtLeast),
                day("2022-09-28"),
                day("2022-09-30"),
                Class::Compatible,
            ),
            (
                "one figure, plain and approximate, two days apart",
                exact(40.0),
                q(Some(36.0), Some(44.0), Hedge::Approximate),
                day("2023-01-08"),
                day("2023-01-10"),
                Class::Compatible,
            ),
            (
                "up to 100, then 101 two days later",
                q(None, Some(100.0), Hedge::AtMost),
                exact(101.0),
                day("2023-01-10"),
                day("2023-01-12"),
                Class::Update,
            ),
            (
                "a hedged toll that grows",
                q(Some(70.0), None, Hedge::MoreThan),
                q(Some(91.0), None, Hedge::MoreThan),
                day("2022-10-12"),
                day("2022-10-21"),
                Class::Update,
            ),
            (
                "same day, disjoint",
                exact(8.0),
                exact(13.0),
                day("2022-01-06"),
                day("2022-01-06"),
                Class::Conflict,
            ),
            (
                "dozens against 30",
                q(Some(24.0), Some(99.0), Hedge::Vague),
                exact(20.0),
                None,
                None,
                Class::Compatible,
            ),
        ];
        for (name, a, b, da, db, want) in cases {
            assert_eq!(classify_values(&a, &b, da, db), want, "{name}");
            assert_eq!(classify_values(&b, &a, db, da), want, "{name}, swapped");
        }
    }

    #[test]
    fn explanations_name_both_sides() {
        let s = explain(Class::Update, "killed", ("002", "8"), ("003", "13"));
        assert!(s.contains("002") && s.contains("13") && s.contains("not a contradiction"));
        assert!(explain(Class::OnlyB, "injured", ("a", ""), ("b", "300")).starts_with("Only b"));
    }
}
