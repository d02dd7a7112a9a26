//! The publication date from a dateline near the top of a plain or Markdown
//! text, a missing year inferred from the weekday.

use super::Field;
use crate::clean::{lead_dateline, parse_dateline, parse_lead_dateline, Dateline};
use crate::extract::CalendarDate;
use crate::text::Span;

/// Years written in `text` (1900..=2100, as whole numbers).
fn years_in(text: &str) -> Vec<i32> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            let n = b[i..].iter().take_while(|x| x.is_ascii_digit()).count();
            if n == 4 && !b.get(i + 4).is_some_and(|x| x.is_ascii_alphanumeric()) {
                if let Ok(y) = text[i..i + 4].parse::<i32>() {
                    if (1900..=2100).contains(&y) {
                        out.push(y);
                    }
                }
            }
            i += n;
        } else {
            i += 1;
        }
    }
    out
}

/// The ISO value of a dateline, inferring a missing year from `text`.
pub(super) fn dateline_value(d: &Dateline, text: &str) -> String {
    if let Some(y) = d.year {
        return format!("{y:04}-{:02}-{:02}", d.month, d.day);
    }
    if let Some(wd) = d.weekday {
        let mut years: Vec<i32> = years_in(text)
            .into_iter()
            .filter(|&y| CalendarDate::new(y, d.month, d.day).is_some_and(|c| c.weekday() == wd))
            .collect();
        crate::text::sort::all(&mut years);
        years.dedup();
        if let [y] = years[..] {
            return format!("{y:04}-{:02}-{:02}", d.month, d.day);
        }
    }
    format!("--{:02}-{:02}", d.month, d.day)
}

/// The publication date from a dateline among the first lines of `input`.
pub(super) fn dateline_date(input: &str) -> Option<Field> {
    let mut found: Vec<Field> = Vec::new();
    let mut at = 0;
    for (n, line) in input.split_inclusive('\n').enumerate() {
        let start = at;
        at += line.len();
        if n > 40 || found.len() >= 3 {
            break;
        }
        let t = line.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '*' | '_' | '#' | '>' | '|')
        });
        if t.trim().is_empty() {
            continue;
        }
        let lead = line.len() - t.len();
        // A date at the line's start, or after a place ("Paris, 21 juin 2012 –").
        let found_date = match parse_dateline(t) {
            Some(d) => Some((0, d)),
            None => lead_dateline(t, None).map(|l| (l.date_start, l.date)),
        };
        if let Some((off, d)) = found_date {
            let lead = lead + off;
            let span = Span::new(start + lead, start + lead + d.len);
            let date_part = span.of(input).trim_end();
            let span = Span::new(span.start, span.start + date_part.len());
            found.push(Field::at(dateline_value(&d, input), span));
        }
    }
    found
        .iter()
        .find(|f| !f.value.starts_with("--"))
        .or(found.first())
        .cloned()
}

/// The place a dateline near the top names ("Paris, 21 juin 2012 –",
/// "21 septembre 2012, France. -").
pub(super) fn dateline_place(input: &str) -> Option<Field> {
    let mut at = 0;
    for line in input.split_inclusive('\n').take(41) {
        let start = at;
        at += line.len();
        let t = line.trim_start();
        let lead = start + line.len() - t.len();
        if let Some((a, b)) = parse_lead_dateline(t).and_then(|d| d.place) {
            return Some(Field::at(&t[a..b], Span::new(lead + a, lead + b)));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekday_year_inference() {
        let d = parse_dateline("Sunday, April 18").unwrap();
        // 2021-04-18 was a Sunday; 2009-04-18 a Saturday.
        assert_eq!(
            dateline_value(&d, "Sunday, April 18 ... in 2021 ..."),
            "2021-04-18"
        );
        assert_eq!(
            dateline_value(&d, "Sunday, April 18 ... fled in 2009 ..."),
            "--04-18"
        );
        assert_eq!(dateline_value(&d, "no year at all"), "--04-18");
    }

    /// French Wikinews (CC BY 2.5):
    /// fr.wikinews.org/wiki/Santé_:_les_OGM_pourraient_augmenter_le_risque_de_cancer.
    #[test]
    fn dateline_place_and_date() {
        let input = "Santé : les OGM pourraient augmenter le risque de cancer\n\n21 septembre 2012, France. - Selon une étude scientifique de l'université de Caen, le risque augmente.";
        let place = dateline_place(input).unwrap();
        assert_eq!(place.value, "France");
        assert_eq!(place.span.unwrap().of(input), "France");
        assert_eq!(dateline_date(input).unwrap().value, "2012-09-21");
        let input = "Titre\n\nParis, 21 juin 2012 – Le gouvernement a annoncé un plan.";
        assert_eq!(dateline_place(input).unwrap().value, "Paris");
        assert_eq!(dateline_date(input).unwrap().value, "2012-06-21");
        assert!(dateline_place("Titre\n\n22 mai 2012. - Prévu initialement.").is_none());
    }
}
