//! Small word tables for the temporal scanner (written by hand; no external data).

/// A month name and how safe it is to read on its own.
#[derive(Clone, Copy, Debug)]
pub(super) struct MonthWord {
    pub month: u32,
    /// Needs a number next to it (abbreviations, foreign names).
    pub needs_number: bool,
    /// Also an ordinary word ("March", "May"): alone it needs a date context.
    pub ambiguous: bool,
}

const fn m(month: u32, needs_number: bool, ambiguous: bool) -> MonthWord {
    MonthWord {
        month,
        needs_number,
        ambiguous,
    }
}

/// Month names, lowercase: English full names and abbreviations, French,
/// German and Spanish names (the foreign ones only next to a number).
const MONTHS: &[(&str, MonthWord)] = &[
    ("january", m(1, false, false)),
    ("february", m(2, false, false)),
    ("march", m(3, false, true)),
    ("april", m(4, false, false)),
    ("may", m(5, false, true)),
    ("june", m(6, false, false)),
    ("july", m(7, false, false)),
    ("august", m(8, false, false)),
    ("september", m(9, false, false)),
    ("october", m(10, false, false)),
    ("november", m(11, false, false)),
    ("december", m(12, false, false)),
    ("jan", m(1, true, true)),
    ("feb", m(2, true, true)),
    ("mar", m(3, true, true)),
    ("apr", m(4, true, true)),
    ("jun", m(6, true, true)),
    ("jul", m(7, true, true)),
    ("aug", m(8, true, true)),
    ("sep", m(9, true, true)),
    ("sept", m(9, true, true)),
    ("oct", m(10, true, true)),
    ("nov", m(11, true, true)),
    ("dec", m(12, true, true)),
    // French
    ("janvier", m(1, true, false)),
    ("février", m(2, true, false)),
    ("mars", m(3, true, true)),
    ("avril", m(4, true, false)),
    ("mai", m(5, true, true)),
    ("juin", m(6, true, false)),
    ("juillet", m(7, true, false)),
    ("août", m(8, true, false)),
    ("septembre", m(9, true, false)),
    ("octobre", m(10, true, false)),
    ("novembre", m(11, true, false)),
    ("décembre", m(12, true, false)),
    // German
    ("januar", m(1, true, false)),
    ("jänner", m(1, true, false)),
    ("februar", m(2, true, false)),
    ("märz", m(3, true, false)),
    ("juni", m(6, true, false)),
    ("juli", m(7, true, false)),
    ("oktober", m(10, true, false)),
    ("dezember", m(12, true, false)),
    // Spanish
    ("enero", m(1, true, false)),
    ("febrero", m(2, true, false)),
    ("marzo", m(3, true, false)),
    ("abril", m(4, true, false)),
    ("mayo", m(5, true, true)),
    ("junio", m(6, true, false)),
    ("julio", m(7, true, true)),
    ("agosto", m(8, true, false)),
    ("septiembre", m(9, true, false)),
    ("setiembre", m(9, true, false)),
    ("octubre", m(10, true, false)),
    ("noviembre", m(11, true, false)),
    ("diciembre", m(12, true, false)),
];

pub(super) fn month(word: &str) -> Option<MonthWord> {
    MONTHS.iter().find(|(w, _)| *w == word).map(|&(_, m)| m)
}

/// Weekday names, 0 = Monday; the second field says whether it is English.
const WEEKDAYS: &[(&str, u32, bool)] = &[
    ("monday", 0, true),
    ("tuesday", 1, true),
    ("wednesday", 2, true),
    ("thursday", 3, true),
    ("friday", 4, true),
    ("saturday", 5, true),
    ("sunday", 6, true),
    ("lundi", 0, false),
    ("mardi", 1, false),
    ("mercredi", 2, false),
    ("jeudi", 3, false),
    ("vendredi", 4, false),
    ("samedi", 5, false),
    ("dimanche", 6, false),
    ("montag", 0, false),
    ("dienstag", 1, false),
    ("mittwoch", 2, false),
    ("donnerstag", 3, false),
    ("freitag", 4, false),
    ("samstag", 5, false),
    ("sonnabend", 5, false),
    ("sonntag", 6, false),
    ("lunes", 0, false),
    ("martes", 1, false),
    ("miércoles", 2, false),
    ("jueves", 3, false),
    ("viernes", 4, false),
    ("sábado", 5, false),
    ("domingo", 6, false),
];

/// `(weekday, english)`.
pub(super) fn weekday(word: &str) -> Option<(u32, bool)> {
    WEEKDAYS
        .iter()
        .find(|(w, _, _)| *w == word)
        .map(|&(_, d, en)| (d, en))
}

/// Words before a foreign weekday that make it a date ("le samedi", "am Samstag", "el sábado").
pub(super) const FOREIGN_WEEKDAY_CUES: &[&str] = &[
    "le", "ce", "dès", "depuis", "jusqu'à", "am", "seit", "bis", "vom", "diesen", "el", "este",
    "desde", "hasta", "del",
];

/// Capitalized words that turn a weekday into a name ("Bloody Sunday", "Super Tuesday").
pub(super) const WEEKDAY_NAME_BEFORE: &[&str] = &[
    "bloody", "black", "good", "super", "cyber", "ash", "palm", "easter", "holy", "maundy",
    "giving", "manic",
];

/// Capitalized words that turn a weekday into a name ("Sunday Times").
pub(super) const WEEKDAY_NAME_AFTER: &[&str] = &[
    "times",
    "telegraph",
    "express",
    "mirror",
    "post",
    "herald",
    "independent",
    "tribune",
    "star",
    "sport",
    "league",
    "school",
    "people",
    "mail",
    "world",
];

/// Words after which a bare month name or a bare year reads as a date.
pub(super) const DATE_CUES: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "of",
    "during",
    "before",
    "after",
    "through",
    "throughout",
    "between",
    "early",
    "late",
    "mid",
    "around",
    "circa",
    "last",
    "next",
    "this",
    "that",
    "each",
    "every",
    "end",
    "beginning",
    "start",
    "middle",
    "until",
    "on",
    "for",
    "to",
    "into",
    "mid-",
    "in-",
    "en",
    "im",
    "seit",
    "desde",
    "depuis",
    "de",
    "et",
    "und",
    "y",
];

/// Part of day words and their TimeML codes.
pub(super) fn part_of_day(word: &str) -> Option<&'static str> {
    Some(match word {
        "morning" | "matin" | "morgen" => "MO",
        "afternoon" | "après-midi" | "nachmittag" => "AF",
        "evening" | "soir" | "abend" => "EV",
        "night" | "nuit" | "nacht" => "NI",
        _ => return None,
    })
}

/// Seasons and their TimeML codes.
pub(super) fn season(word: &str) -> Option<&'static str> {
    Some(match word {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// A unit of time, shortest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The ISO 8601 duration designator and whether it is a time (after `T`).
    pub fn designator(self) -> (&'static str, bool) {
        match self {
            Unit::Second => ("S", true),
            Unit::Minute => ("M", true),
            Unit::Hour => ("H", true),
            Unit::Day => ("D", false),
            Unit::Week | Unit::Fortnight => ("W", false),
            Unit::Month | Unit::Quarter => ("M", false),
            Unit::Year | Unit::Decade | Unit::Century => ("Y", false),
        }
    }

    /// How many designator units one of this unit makes.
    pub fn factor(self) -> f64 {
        match self {
            Unit::Fortnight => 2.0,
            Unit::Quarter => 3.0,
            Unit::Decade => 10.0,
            Unit::Century => 100.0,
            _ => 1.0,
        }
    }
}

/// A unit word, singular or plural.
pub(super) fn unit(word: &str) -> Option<(Unit, bool)> {
    let (u, plural) = match word {
        "second" | "sec" => (Unit::Second, false),
        "seconds" | "secs" => (Unit::Second, true),
        "minute" | "min" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "hour" | "hr" => (Unit::Hour, false),
        "hours" | "hrs" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "fortnight" => (Unit::Fortnight, false),
        "fortnights" => (Unit::Fortnight, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" | "yr" => (Unit::Year, false),
        "years" | "yrs" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        // French, German, Spanish ("an" is left out: it is the English article).
        "heure" | "stunde" | "hora" => (Unit::Hour, false),
        "heures" | "stunden" | "horas" => (Unit::Hour, true),
        "jour" | "tag" | "día" => (Unit::Day, false),
        "jours" | "tage" | "tagen" | "días" => (Unit::Day, true),
        "semaine" | "woche" | "semana" => (Unit::Week, false),
        "semaines" | "wochen" | "semanas" => (Unit::Week, true),
        "mois" | "monat" | "mes" => (Unit::Month, false),
        "monate" | "monaten" | "meses" => (Unit::Month, true),
        "année" | "jahr" | "año" => (Unit::Year, false),
        "ans" | "années" | "jahre" | "jahren" | "años" => (Unit::Year, true),
        _ => return None,
    };
    Some((u, plural))
}

/// Number words (cardinals up to ninety-nine via "twenty-four"), `None` if not one.
pub(super) fn number_word(word: &str) -> Option<f64> {
    const ONES: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: &[&str] = &[
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = ONES.iter().position(|w| *w == word) {
        return Some(i as f64);
    }
    if let Some(i) = TENS.iter().position(|w| !w.is_empty() && *w == word) {
        return Some(10.0 * i as f64);
    }
    if let Some((t, o)) = word.split_once('-') {
        let t = TENS.iter().position(|w| !w.is_empty() && *w == t)?;
        let o = ONES
            .iter()
            .position(|w| *w == o)
            .filter(|&o| (1..10).contains(&o))?;
        return Some((10 * t + o) as f64);
    }
    match word {
        "hundred" => Some(100.0),
        "dozen" => Some(12.0),
        _ => foreign_number(word),
    }
}

/// French, German and Spanish number words up to ten (for "quatre semaines").
fn foreign_number(word: &str) -> Option<f64> {
    const WORDS: &[(&str, u8)] = &[
        ("un", 1),
        ("une", 1),
        ("deux", 2),
        ("trois", 3),
        ("quatre", 4),
        ("cinq", 5),
        ("huit", 8),
        ("neuf", 9),
        ("dix", 10),
        ("ein", 1),
        ("eine", 1),
        ("einen", 1),
        ("einem", 1),
        ("zwei", 2),
        ("drei", 3),
        ("vier", 4),
        ("fünf", 5),
        ("sechs", 6),
        ("sieben", 7),
        ("acht", 8),
        ("neun", 9),
        ("zehn", 10),
        ("una", 1),
        ("uno", 1),
        ("dos", 2),
        ("tres", 3),
        ("cuatro", 4),
        ("cinco", 5),
        ("seis", 6),
        ("siete", 7),
        ("ocho", 8),
        ("nueve", 9),
        ("diez", 10),
    ];
    WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|&(_, n)| f64::from(n))
}

/// Vague quantity words: "several days", "a few weeks".
pub(super) const VAGUE_COUNTS: &[&str] = &["several", "few", "many", "some", "couple", "numerous"];

/// Ordinals for quarters and halves.
pub(super) fn ordinal(word: &str) -> Option<u32> {
    Some(match word {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" | "last" | "final" => 4,
        _ => return None,
    })
}

/// Time zone words that may follow a clock time ("14:00 GMT").
pub(super) const ZONES: &[&str] = &[
    "gmt", "utc", "est", "edt", "eastern", "pacific", "central", "mountain", "cst", "cdt", "mst",
    "mdt", "pst", "pdt", "et", "pt", "bst", "cet", "cest", "eet", "eest", "msk", "ist", "jst",
    "aest",
];

/// Irregular past forms (and a few regular ones that are frequent in news).
pub(super) const PAST_WORDS: &[&str] = &[
    "was", "were", "had", "did", "been", "said", "told", "began", "came", "went", "took", "made",
    "met", "left", "held", "fell", "rose", "won", "lost", "saw", "gave", "got", "struck", "fled",
    "ran", "led", "sent", "spent", "brought", "built", "became", "broke", "chose", "drew", "drove",
    "fought", "found", "flew", "grew", "heard", "kept", "knew", "paid", "quit", "sold", "sat",
    "shot", "spoke", "stood", "stole", "swore", "sworn", "taught", "thought", "threw", "tore",
    "wrote", "woke", "hit", "gone", "done", "seen", "taken", "given", "begun", "ago", "earlier",
    "wasn't", "weren't", "hadn't", "didn't",
];

/// Words that look like past participles but are not verbs in the past.
pub(super) const NOT_PAST: &[&str] = &[
    "need",
    "speed",
    "indeed",
    "proceed",
    "exceed",
    "succeed",
    "embed",
    "hundred",
    "red",
    "bed",
    "seed",
    "feed",
    "weed",
    "breed",
    "greed",
    "creed",
    "shed",
    "united",
    "armed",
    "biased",
    "based",
    "related",
    "detailed",
    "advanced",
    "limited",
    "interested",
    "concerned",
    "alleged",
];

/// Future and modal markers.
pub(super) const FUTURE_WORDS: &[&str] = &[
    "will",
    "shall",
    "would",
    "won't",
    "wouldn't",
    "could",
    "may",
    "might",
    "going",
    "expect",
    "expects",
    "plan",
    "plans",
    "intend",
    "intends",
    "aim",
    "aims",
    "upcoming",
    "coming",
    "next",
    "tomorrow",
    "soon",
    "later",
    // Present tense of scheduled events: "Parliament returns on Tuesday".
    "begins",
    "starts",
    "opens",
    "closes",
    "ends",
    "resumes",
    "returns",
    "meets",
    "expires",
    "falls",
    "kicks",
    "arrives",
    "departs",
    "reopens",
    "convenes",
    // French, German, Spanish future and modal forms.
    "sera",
    "seront",
    "aura",
    "auront",
    "fera",
    "feront",
    "va",
    "vont",
    "pourra",
    "pourront",
    "devra",
    "devront",
    "wird",
    "werden",
    "soll",
    "sollen",
    "beginnt",
    "será",
    "serán",
    "habrá",
    "van",
    "prévu",
    "prévue",
    "prévus",
    "prévues",
    "programmé",
    "programmée",
    "previsto",
    "prevista",
    "previstos",
    "previstas",
    "geplant",
    "angesetzt",
];

/// Words meaning "intended for a time" that read as future unless "was/were/had" precedes.
pub(super) const SCHEDULE_WORDS: &[&str] = &[
    "expected",
    "scheduled",
    "due",
    "set",
    "slated",
    "poised",
    "planned",
    "forecast",
    "predicted",
];

/// Determiners: after "due to", they make it causal ("due to a rise").
pub(super) const DETERMINERS: &[&str] = &[
    "a", "an", "the", "its", "his", "her", "their", "our", "this", "that", "these", "those",
    "what", "some", "high", "low", "heavy", "bad", "poor", "lack", "concerns", "fears",
];

/// Nouns that make a four-digit number a count, not a year ("of 2000 people").
pub(super) const COUNTED_NOUNS: &[&str] = &[
    "people",
    "persons",
    "men",
    "women",
    "children",
    "troops",
    "soldiers",
    "police",
    "officers",
    "protesters",
    "demonstrators",
    "residents",
    "workers",
    "employees",
    "jobs",
    "cases",
    "deaths",
    "dead",
    "dollars",
    "euros",
    "rubles",
    "pounds",
    "tonnes",
    "tons",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "feet",
    "votes",
    "seats",
    "units",
    "homes",
    "houses",
    "cars",
    "barrels",
    "migrants",
    "refugees",
    "prisoners",
    "members",
];
