//! Clock times: "2:00 p.m. local time", "11 p.m.", "14:00 GMT", "noon",
//! "14h30", "14 Uhr", "1400 GMT", "8 p.m. Tuesday".

use super::super::lexicon;
use super::super::resolve::Sem;
use super::{Hit, Scanner};

impl Scanner<'_, '_> {
    /// "2:00 p.m. local time", "11 p.m.", "14:00 GMT", "noon", "14h30", "14 Uhr".
    pub(super) fn time(&self, j: usize) -> Hit {
        let t = self.t.get(j)?;
        let w = t.low.as_str();
        if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && self.zone(j + 1) {
            let (hour, minute) = (w[..2].parse().ok()?, w[2..].parse().ok()?);
            if hour < 24 && minute < 60 {
                return Some((j + 2, Sem::Time { hour, minute }));
            }
        }
        let (mut hour, minute, mut k, mut explicit) = match w {
            "noon" | "midday" | "mediodía" => (12, 0, j + 1, true),
            "midnight" | "minuit" | "mitternacht" | "medianoche" => (24, 0, j + 1, true),
            _ => {
                let (h, m, ampm) = parse_clock(w)?;
                // "2pm": the hour on the 24-hour clock.
                let h = match ampm {
                    Some(pm) => to_24(h, pm)?,
                    None => h,
                };
                (h, m, j + 1, ampm.is_some() || w.contains('h'))
            }
        };
        if hour == 24 || (hour == 12 && !w.starts_with(|c: char| c.is_ascii_digit())) {
            // fine as it is
        } else if let Some(pm) = ampm(self.low(k)) {
            if hour > 12 {
                return None;
            }
            hour = to_24(hour, pm)?;
            k += 1;
            explicit = true;
        } else if self.is(k, "uhr") {
            k += 1;
            explicit = true;
        } else if !w.contains(':') && !w.contains('h') {
            return None;
        }
        // Time zones: "local time", "Moscow time", "GMT".
        if self.is(k + 1, "time") && (self.is(k, "local") || self.cap(k) && self.word(k)) {
            k += 2;
            explicit = true;
        } else if self.zone(k) {
            k += 1;
            explicit = true;
        }
        let cued = lexicon::is_clock_cue(self.prev(j));
        if !(explicit || cued) || hour > 24 || minute > 59 {
            return None;
        }
        // "noon Friday", "8 p.m. Tuesday": the day right after it.
        if let Some((end, base @ (Sem::Weekday { .. } | Sem::DayOffset(_)))) =
            self.weekday(k).or_else(|| self.relative(k))
        {
            let base = Box::new(base);
            return Some((end, Sem::ClockOn { base, hour, minute }));
        }
        Some((k, Sem::Time { hour, minute }))
    }

    /// A time zone word: "GMT", "ET", "Eastern".
    fn zone(&self, k: usize) -> bool {
        lexicon::is_time_zone(self.low(k))
            && self.t.get(k).is_some_and(|t| {
                t.raw.chars().all(|c| c.is_ascii_uppercase()) || (t.cap() && t.raw.len() > 4)
            })
    }
}

/// "a.m." / "pm" -> Some(is_pm).
fn ampm(w: &str) -> Option<bool> {
    match w {
        "a.m." | "a.m" | "am" => Some(false),
        "p.m." | "p.m" | "pm" => Some(true),
        _ => None,
    }
}

fn to_24(hour: u32, pm: bool) -> Option<u32> {
    if !(1..=12).contains(&hour) {
        return None;
    }
    Some(match (hour, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    })
}

/// "2:00", "14:30", "2", "2pm", "14h30", "14h": (hour, minute, am/pm glued on).
fn parse_clock(w: &str) -> Option<(u32, u32, Option<bool>)> {
    // The hour's digits start the word: a word that starts otherwise (most
    // that are asked) is turned away before it is searched.
    if !w.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let (body, pm) = if let Some(b) = w.strip_suffix("pm") {
        (b, Some(true))
    } else if let Some(b) = w.strip_suffix("am") {
        (b, Some(false))
    } else {
        (w, None)
    };
    let (h, m) = if let Some((h, m)) = body.split_once(':') {
        if m.len() != 2 {
            return None;
        }
        (h, m)
    } else if let Some((h, m)) = body.split_once('h').filter(|_| pm.is_none()) {
        if !(m.is_empty() || m.len() == 2) {
            return None;
        }
        (h, if m.is_empty() { "00" } else { m })
    } else {
        (body, "00")
    };
    if h.is_empty()
        || h.len() > 2
        || !h.bytes().all(|b| b.is_ascii_digit())
        || !m.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    Some((h.parse().ok()?, m.parse().ok()?, pm))
}
