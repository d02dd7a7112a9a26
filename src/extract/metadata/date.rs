//! The publication date from a dateline near the top of a plain or Markdown
//! text, a missing year inferred from the weekday.

use super::read_as;
use super::Field;
use crate::clean::{lead_dateline, parse_dateline, parse_lead_dateline, Dateline, LineReading};
use crate::extract::CalendarDate;
use crate::text::{is_ascii_space, lines_inclusive, Span};

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

/// Lines near the top read for a dateline.
const TOP_LINES: usize = 41;

/// The publication date and the place of a dateline among the first lines of
/// `input`, each only when asked for: one reading of each line serves both,
/// and the cleaning's reading of a line (`readings`) serves instead of one.
pub(super) fn datelines(
    input: &str,
    want_date: bool,
    want_place: bool,
    readings: &[LineReading],
) -> Datelines {
    let mut readings = readings.iter().peekable();
    let mut found: Vec<Field> = Vec::new();
    let mut place = None;
    let mut want_date = want_date;
    let mut want_place = want_place;
    let mut at = 0;
    for line in lines_inclusive(input).take(TOP_LINES) {
        let start = at;
        at += line.len();
        want_date &= found.len() < 3;
        if !want_date && !want_place {
            break;
        }
        // The date skips Markdown marks before it; the place only white
        // space. Most lines open with neither: they are their own start,
        // found without decoding.
        let (t, tw) = match line.as_bytes().first() {
            Some(&b) if b.is_ascii() && !is_ascii_space(b) && !b"*_#>|".contains(&b) => {
                (line, line)
            }
            _ => (
                line.trim_start_matches(|c: char| {
                    c.is_whitespace() || matches!(c, '*' | '_' | '#' | '>' | '|')
                }),
                line.trim_start(),
            ),
        };
        // `t` opens with no white space: it is blank only when empty.
        let read_date = want_date && !t.is_empty();
        // The cleaning's reading of `t`: the grammar reads nothing from white
        // space at the end of a line, so a reading of the trimmed text holds.
        let read = read_as(&mut readings, start + line.len() - t.len(), t.trim_end());
        // `parse_dateline(t)`, read at most once, and with it the lead dateline.
        let own = (read_date || want_place && t.len() == tw.len()).then(|| {
            read.and_then(|r| r.date)
                .unwrap_or_else(|| parse_dateline(t))
        });
        let read_lead = read.and_then(|r| r.lead);
        let mut lead_of_t = None;
        if read_date {
            let lead = line.len() - t.len();
            let found_date = match own.flatten() {
                Some(d) => Some((0, d)),
                None => {
                    let l = read_lead.unwrap_or_else(|| lead_dateline(t, None));
                    lead_of_t = Some(l);
                    l.map(|l| (l.date_start, l.date))
                }
            };
            if let Some((off, d)) = found_date {
                found.push(date_field(input, start + lead + off, &d));
            }
        }
        if want_place {
            // `t` is `tw` when no mark was skipped: its readings serve.
            let lead_dl = match (own, lead_of_t) {
                _ if t.len() != tw.len() => parse_lead_dateline(tw),
                (_, Some(l)) => l,
                (Some(own), None) => read_lead.unwrap_or_else(|| lead_dateline(tw, own)),
                (None, None) => parse_lead_dateline(tw),
            };
            if let Some((a, b)) = lead_dl.and_then(|d| d.place) {
                let lead = start + line.len() - tw.len();
                place = Some(Field::at(&tw[a..b], Span::new(lead + a, lead + b)));
                want_place = false;
            }
        }
    }
    let date = found
        .iter()
        .find(|f| !f.value.starts_with("--"))
        .or(found.first())
        .cloned();
    Datelines { date, place }
}

/// The date field of a dateline whose date starts at byte `at` of `input`:
/// its span without trailing white space, its value as [`dateline_value`] reads it.
fn date_field(input: &str, at: usize, d: &Dateline) -> Field {
    let span = Span::new(at, at + d.len);
    let date_part = span.of(input).trim_end();
    let span = Span::new(at, at + date_part.len());
    Field::at(dateline_value(d, input), span)
}

/// What [`datelines`] reads.
pub(super) struct Datelines {
    /// The publication date.
    pub date: Option<Field>,
    /// The place a dateline names ("Paris, 21 juin 2012 –",
    /// "21 septembre 2012, France. -").
    pub place: Option<Field>,
}

/// The publication date from a dateline among the first lines of `input`.
#[cfg(test)]
fn dateline_date(input: &str) -> Option<Field> {
    datelines(input, true, false, &[]).date
}

/// The place a dateline near the top names.
#[cfg(test)]
fn dateline_place(input: &str) -> Option<Field> {
    datelines(input, false, true, &[]).place
}

/// The date and place as read by separate passes (as they were read before
/// [`datelines`] read both in one).
#[cfg(test)]
fn apart(input: &str) -> (Option<Field>, Option<Field>) {
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
        let found_date = match parse_dateline(t) {
            Some(d) => Some((0, d)),
            None => lead_dateline(t, None).map(|l| (l.date_start, l.date)),
        };
        if let Some((off, d)) = found_date {
            found.push(date_field(input, start + lead + off, &d));
        }
    }
    let date = found
        .iter()
        .find(|f| !f.value.starts_with("--"))
        .or(found.first())
        .cloned();
    let mut place = None;
    let mut at = 0;
    for line in input.split_inclusive('\n').take(41) {
        let start = at;
        at += line.len();
        let t = line.trim_start();
        let lead = start + line.len() - t.len();
        if let Some((a, b)) = parse_lead_dateline(t).and_then(|d| d.place) {
            place = Some(Field::at(&t[a..b], Span::new(lead + a, lead + b)));
            break;
        }
    }
    (date, place)
}

/// Tops of text made of `lines`: every three of them in turn (the first and
/// third again after), and all of them five times over.
#[cfg(test)]
pub(super) fn tops_of_text(lines: &[&str]) -> Vec<String> {
    let mut texts = Vec::new();
    for a in lines {
        for b in lines {
            for c in lines {
                texts.push(format!("{a}\n{b}\n{c}\n{a}\n{c}"));
            }
        }
    }
    texts.push(lines.repeat(5).join("\n"));
    texts
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

    /// One pass reads what the two separate passes read, asked for either
    /// or both, on the seeds and on tops of text made to hit every branch.
    #[test]
    fn one_pass_reads_as_two() {
        let mut texts = crate::extract::seed_texts();
        let lines = [
            "Titre",
            "**Paris, 21 juin 2012 – Le gouvernement a annoncé un plan.**",
            "Paris, 21 juin 2012 – Le gouvernement a annoncé un plan.",
            "  21 septembre 2012, France. - Selon une étude.",
            "> March 19, 2022",
            "Sunday, April 18",
            "Jan 6, 2022: Activists said",
            "# 2022-03-19",
            "Berlin, 21. Juni 2012 – Die Regierung",
            "",
            "   ",
            "By AFP",
            "The year 2021 was long.",
        ];
        texts.extend(tops_of_text(&lines));
        for text in &texts {
            let (date, place) = apart(text);
            let both = datelines(text, true, true, &[]);
            assert_eq!(both.date, date, "{text}");
            assert_eq!(both.place, place, "{text}");
            assert_eq!(datelines(text, true, false, &[]).date, date, "{text}");
            assert_eq!(datelines(text, false, true, &[]).place, place, "{text}");
        }
    }
}
