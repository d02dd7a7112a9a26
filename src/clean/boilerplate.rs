//! Line rules: what a single line of text is when it is not story.
//!
//! [`classify`] looks at one trimmed line on its own and says whether it is
//! site furniture (with the reason), a header that opens a block of furniture
//! (related links, comments, "Original url:"), or possibly story. The rules
//! are phrased for news sites in general, in English first and in French,
//! German, Spanish, Russian and Italian where the phrase is common; the
//! context rules (blocks, the trailing region, batch evidence) live in
//! [`super::lines`].

use super::Reason;
use crate::extract::metadata;

/// What one line is, judged on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// Not recognised as furniture: possibly story.
    Text,
    /// Furniture, with the reason.
    Remove(Reason),
    /// A header whose following headline-like lines are related links.
    RelatedHeader,
    /// A header after which everything is comments.
    CommentsHeader,
    /// "Original url:" with the address on a following line.
    UrlHeader,
}

/// Lower-cased line with bullets, dashes and trailing colons trimmed.
fn core(line: &str) -> String {
    line.trim_start_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '•' | '·' | '*' | '-' | '–' | '—' | '►' | '▶' | '»' | '>' | '|'
            )
    })
    .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '.' | '!' | '»' | '›' | '>'))
    .to_lowercase()
}

/// Number of words (white-space separated) in `s`.
pub fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Whether `s` ends like a sentence (terminal punctuation, maybe inside quotes
/// or brackets).
pub fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end().trim_end_matches(|c: char| {
        matches!(c, '”' | '"' | '»' | '’' | '\'' | ')' | ']' | '*' | '_')
    });
    t.ends_with(['.', '!', '?', '…', '。'])
}

/// A line that reads like story text: several words ending like a sentence.
pub fn is_story_like(s: &str) -> bool {
    word_count(s) >= 6 && ends_sentence(s)
}

const RELATED_PREFIXES: &[&str] = &[
    "read also",
    "read more",
    "also read",
    "also see",
    "see also",
    "related:",
    "related article",
    "related story",
    "related stories",
    "related news",
    "related coverage",
    "related content",
    "recommended:",
    "more:",
    "watch:",
    "listen:",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "lire également",
    "à lire également",
    "voir aussi",
    "lesen sie auch",
    "lesen sie mehr",
    "mehr zum thema",
    "auch interessant",
    "leer también",
    "lea también",
    "lee también",
    "ver también",
    "te puede interesar",
    "puede interesarte",
    "читайте также",
    "читать также",
    "см. также",
    "смотрите также",
    "leggi anche",
    "vedi anche",
    "potrebbe interessarti",
];

const RELATED_HEADERS: &[&str] = &[
    "related",
    "related articles",
    "related posts",
    "related stories",
    "related news",
    "related content",
    "related topics",
    "more stories",
    "more news",
    "more on this story",
    "more from",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "recommended",
    "recommended for you",
    "recommended stories",
    "most read",
    "most popular",
    "most viewed",
    "trending",
    "trending now",
    "popular posts",
    "popular stories",
    "latest news",
    "latest stories",
    "top stories",
    "read next",
    "what to read next",
    "editor's picks",
    "sur le même sujet",
    "dans la même rubrique",
    "les plus lus",
    "weitere artikel",
    "das könnte sie auch interessieren",
    "meistgelesen",
    "noticias relacionadas",
    "lo más leído",
    "также читайте",
    "по теме",
    "articoli correlati",
    "più letti",
];

const COMMENT_HEADERS: &[&str] = &[
    "leave a reply",
    "leave a comment",
    "leave a reply cancel reply",
    "comments",
    "comment",
    "post a comment",
    "add a comment",
    "add comment",
    "join the discussion",
    "join the conversation",
    "reader comments",
    "show comments",
    "view comments",
    "laisser un commentaire",
    "commentaires",
    "réagir",
    "kommentare",
    "kommentar schreiben",
    "deja un comentario",
    "deja una respuesta",
    "comentarios",
    "комментарии",
    "оставить комментарий",
    "lascia un commento",
    "lascia una risposta",
    "commenti",
];

const COMMENT_FORM: &[&str] = &[
    "your email address will not be published",
    "required fields are marked",
    "save my name, email, and website",
    "you must be logged in to post a comment",
    "log in to comment",
    "votre adresse e-mail ne sera pas publiée",
    "ihre e-mail-adresse wird nicht veröffentlicht",
    "tu dirección de correo electrónico no será publicada",
    "il tuo indirizzo email non sarà pubblicato",
];

/// Comment-form labels: whole lines only ("Website" alone, not "Website owners said").
const COMMENT_FORM_LINES: &[&str] = &[
    "post comment",
    "cancel reply",
    "name *",
    "name",
    "email *",
    "email address *",
    "website",
    "comment *",
];

const SHARE_WORDS: &[&str] = &[
    "share",
    "shares",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "share on whatsapp",
    "share via",
    "share via email",
    "tweet",
    "pin",
    "pin it",
    "email",
    "print",
    "copy link",
    "whatsapp",
    "facebook",
    "twitter",
    "linkedin",
    "reddit",
    "telegram",
    "x",
    "partager",
    "partager sur facebook",
    "teilen",
    "compartir",
    "condividi",
    "поделиться",
];

const COUNT_WORDS: &[&str] = &[
    "share",
    "shares",
    "comment",
    "comments",
    "view",
    "views",
    "like",
    "likes",
    "read",
    "reads",
    "reactions",
    "k",
    "m",
];

/// Marks of a photo credit or caption, whatever else the line says.
const PHOTO_MARKS: &[&str] = &[
    "/ flickr",
    "flickr /",
    "cc by",
    "cc-by",
    "creative commons",
    "getty images",
    "shutterstock",
    "photo:",
    "photo :",
    "photo by",
    "photo credit",
    "photos:",
    "photograph:",
    "image:",
    "image credit",
    "credit:",
    "foto:",
    "фото:",
    "afp photo",
    "afp via getty",
    "epa-efe",
    "wikimedia commons",
    "via wikimedia",
    "unsplash",
    "file photo",
];

/// Marks that are also story text ("a Reuters/Ipsos poll"): a credit only on
/// a short line that does not end like a sentence.
const WEAK_PHOTO_MARKS: &[&str] = &[
    "/ afp",
    "reuters/",
    "/reuters",
    "/ reuters",
    "ap photo",
    "/ epa",
    "(photo",
    "[photo",
    "image source",
    "picture:",
];

const PROMO_PREFIXES: &[&str] = &[
    "stay tuned to",
    "stay tuned for",
    "follow us on",
    "follow us",
    "like us on",
    "subscribe to",
    "subscribe now",
    "subscribe for",
    "sign up for",
    "sign up to",
    "download our app",
    "download the app",
    "get the app",
    "join our",
    "click here",
    "tap here",
    "for more news",
    "for the latest",
    "for latest news",
    "get the latest",
    "don't miss",
    "don’t miss",
    "do not miss",
    "support our journalism",
    "support independent journalism",
    "continue reading",
    "read the full story",
    "read the full article",
    "abonnez-vous",
    "inscrivez-vous",
    "suivez-nous",
    "téléchargez l'application",
    "folgen sie uns",
    "abonnieren sie",
    "síguenos",
    "suscríbete",
    "seguici",
    "iscriviti",
    "подписывайтесь",
    "подпишитесь",
];

const COOKIE_MARKS: &[&str] = &[
    "we use",
    "this site uses",
    "this website uses",
    "uses cookies",
    "accept",
    "consent",
    "cookie policy",
    "cookie settings",
    "utilise des cookies",
    "utilisons",
    "verwenden",
    "verwendet cookies",
    "utilizamos",
    "utiliza cookies",
    "utilizziamo",
    "utilizza cookie",
    "используем",
    "использует",
];

const URL_HEADERS: &[&str] = &[
    "original url",
    "original link",
    "original article",
    "source url",
    "originally published",
    "read the original",
    "read the original article",
    "article source",
];

const BYLINE_WORDS: &[&str] = &["by", "par", "von", "por", "di", "от", "author:", "auteur :"];

/// Whether `s` is a web address (bare, or in `<...>`).
pub fn is_url(s: &str) -> bool {
    let t = s.trim().trim_start_matches('<').trim_end_matches('>');
    (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
        && !t.contains(char::is_whitespace)
}

/// Judges one trimmed, non-empty line on its own.
pub fn classify(line: &str) -> LineKind {
    // Every rule is about short lines; a long paragraph is story (and
    // lower-casing it would be the cost of the whole stage).
    if word_count(line) > 60 {
        return LineKind::Text;
    }
    let l = core(line);
    let words = word_count(&l);
    if l.is_empty() {
        // Only bullets or punctuation.
        return if line.trim().is_empty() {
            LineKind::Text
        } else {
            LineKind::Remove(Reason::Markup)
        };
    }
    // Related links and their headers.
    for p in RELATED_PREFIXES {
        if let Some(rest) = l.strip_prefix(p) {
            let rest = rest.trim_start_matches([':', ' ', '-', '–', '—', '|']);
            if rest.is_empty() {
                return LineKind::RelatedHeader;
            }
            let bulleted = line
                .trim_start()
                .starts_with(['•', '·', '*', '-', '–', '—', '►', '▶', '»', '>']);
            let marked = l[p.len()..]
                .trim_start()
                .starts_with([':', '-', '–', '—', '|'])
                || p.ends_with(':')
                || rest.starts_with(|c: char| c.is_uppercase());
            if words <= 30 && (bulleted || marked) {
                return LineKind::Remove(Reason::RelatedLinks);
            }
        }
    }
    if words <= 8 && RELATED_HEADERS.contains(&l.as_str()) {
        return LineKind::RelatedHeader;
    }
    // Comments.
    if COMMENT_HEADERS.contains(&l.as_str())
        || is_count_of(
            &l,
            &[
                "comment",
                "comments",
                "responses",
                "replies",
                "commentaires",
                "kommentare",
                "comentarios",
                "комментариев",
                "commenti",
            ],
        )
    {
        return LineKind::CommentsHeader;
    }
    if words <= 25 && COMMENT_FORM.iter().any(|p| l.starts_with(p))
        || COMMENT_FORM_LINES.contains(&l.as_str()) && line.trim().len() < 20
    {
        return LineKind::Remove(Reason::Comments);
    }
    // "Original url:" and bare addresses.
    for p in URL_HEADERS {
        if let Some(rest) = l.strip_prefix(p) {
            let rest = rest.trim_start_matches([':', ' ']);
            if rest.is_empty() {
                return LineKind::UrlHeader;
            }
            if words <= 12 {
                return LineKind::Remove(Reason::SourceUrl);
            }
        }
    }
    if is_url(line) {
        return LineKind::Remove(Reason::SourceUrl);
    }
    // "source site-64", "Source link -124", "Source: AFP".
    if words <= 4
        && (l.starts_with("source link")
            || l.starts_with("source site")
            || l.starts_with("source:")
            || l == "source"
            || l.starts_with("source -")
            || l.starts_with("source ") && !ends_sentence(line))
    {
        return LineKind::Remove(Reason::SourceTag);
    }
    // Share buttons and counters.
    if SHARE_WORDS.contains(&l.as_str()) {
        return LineKind::Remove(Reason::Share);
    }
    if is_counter(&l) {
        return LineKind::Remove(Reason::ShareCounter);
    }
    // Photo credits and captions carrying one.
    let is_credit = || {
        let credit_at = PHOTO_MARKS.iter().filter_map(|m| l.rfind(m)).max();
        credit_at.is_some_and(|at| !ends_sentence(line) || at + 60 >= l.len())
            || words <= 25 && !ends_sentence(line) && WEAK_PHOTO_MARKS.iter().any(|m| l.contains(m))
    };
    if words <= 40 && is_credit() {
        return LineKind::Remove(Reason::PhotoCredit);
    }
    // Promotion of the outlet, newsletters, apps.
    if words <= 30 && PROMO_PREFIXES.iter().any(|p| l.starts_with(p))
        || matches!(
            l.as_str(),
            "advertisement"
                | "advertising"
                | "sponsored"
                | "sponsored content"
                | "publicité"
                | "anzeige"
                | "werbung"
                | "publicidad"
                | "pubblicità"
                | "реклама"
        )
    {
        return LineKind::Remove(Reason::Promo);
    }
    if words <= 30
        && (l.contains("newsletter") || l.contains("notifications"))
        && [
            "sign up",
            "subscribe",
            "register",
            "get our",
            "enable",
            "inscri",
            "abonn",
        ]
        .iter()
        .any(|v| l.contains(v))
    {
        return LineKind::Remove(Reason::Promo);
    }
    if words <= 60 && l.contains("cookie") && COOKIE_MARKS.iter().any(|m| l.contains(m)) {
        return LineKind::Remove(Reason::Cookie);
    }
    if words <= 30
        && (l.starts_with('©')
            || l.starts_with("copyright")
            || l.starts_with("(c) ")
            || l.contains("all rights reserved")
            || l.contains("tous droits réservés")
            || l.contains("alle rechte vorbehalten"))
    {
        return LineKind::Remove(Reason::Copyright);
    }
    if words <= 8 && is_relative_time(&l) {
        return LineKind::Remove(Reason::Dateline);
    }
    // Page tools and furniture that copy-paste picks up.
    if words <= 6
        && [
            "skip to main content",
            "skip to content",
            "skip to navigation",
            "listen to this article",
            "listen to article",
            "gift this article",
            "save article",
            "save for later",
            "reading time",
            "min read",
            "print this article",
            "font size",
            "text size",
        ]
        .iter()
        .any(|p| l.starts_with(p) || l.ends_with(p))
    {
        return LineKind::Remove(Reason::PageTools);
    }
    if words <= 30
        && [
            "image caption",
            "media caption",
            "image source",
            "caption:",
            "légende",
        ]
        .iter()
        .any(|p| l.starts_with(p))
    {
        return LineKind::Remove(Reason::PhotoCredit);
    }
    if words <= 25
        && [
            "reporting by",
            "additional reporting by",
            "(reporting by",
            "editing by",
            "writing by",
            "compiled by",
            "with agencies",
            "with afp",
            "with reuters",
            "avec afp",
            "mit material von",
            "con información de",
        ]
        .iter()
        .any(|p| l.starts_with(p))
        && (!ends_sentence(line) || l.contains(';') || l.contains("editing by"))
    {
        return LineKind::Remove(Reason::Credits);
    }
    if words <= 12
        && [
            "posted in ",
            "filed under",
            "tagged ",
            "tags:",
            "categories:",
            "topics:",
            "mots-clés",
            "schlagworte",
            "etiquetas:",
        ]
        .iter()
        .any(|p| l.starts_with(p))
    {
        return LineKind::Remove(Reason::Tags);
    }
    if is_byline(line) {
        return LineKind::Remove(Reason::Byline);
    }
    let bare = line.trim().trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '·' | '•' | '|' | '-' | '–' | '—')
    });
    if metadata::parse_dateline(bare).is_some_and(|d| d.len == bare.trim_end().len()) {
        return LineKind::Remove(Reason::Dateline);
    }
    LineKind::Text
}

/// "Published 3 hours ago", "Updated 5 min ago", "il y a 2 heures",
/// "vor 3 Stunden", "hace 2 horas".
fn is_relative_time(l: &str) -> bool {
    let words: Vec<&str> = l.split_whitespace().collect();
    let Some(n) = words
        .iter()
        .position(|w| w.chars().all(|c| c.is_ascii_digit()))
    else {
        return false;
    };
    let unit = words.get(n + 1).copied().unwrap_or("");
    let before = words[..n].join(" ");
    let lead_ok = |allowed: &[&str]| allowed.contains(&before.as_str());
    let en_unit = unit.starts_with("min")
        || unit.starts_with("hour")
        || unit.starts_with("hr")
        || unit.starts_with("day")
        || unit.starts_with("week");
    (en_unit
        && words.get(n + 2) == Some(&"ago")
        && words.len() == n + 3
        && lead_ok(&["", "published", "updated", "posted", "last updated"]))
        || (words.len() == n + 2
            && (lead_ok(&["il y a", "publié il y a", "mis à jour il y a"])
                && ["minutes", "minute", "heures", "heure", "jours", "jour"].contains(&unit)
                || lead_ok(&["vor", "aktualisiert vor"])
                    && ["minuten", "stunden", "stunde", "tagen", "tag"].contains(&unit)
                || lead_ok(&["hace", "actualizado hace"])
                    && ["minutos", "horas", "hora", "días", "día"].contains(&unit)))
}

/// "12 Comments", "3 responses".
fn is_count_of(l: &str, nouns: &[&str]) -> bool {
    let mut it = l.split_whitespace();
    match (it.next(), it.next(), it.next()) {
        (Some(n), Some(w), None) => n.chars().all(|c| c.is_ascii_digit()) && nouns.contains(&w),
        _ => false,
    }
}

/// A share or view counter: "0", "81", "1.2K shares", "35 views".
fn is_counter(l: &str) -> bool {
    let mut parts = l.split_whitespace();
    let Some(first) = parts.next() else {
        return false;
    };
    let num = first.trim_end_matches(['k', 'm']);
    if num.is_empty()
        || !num
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        || !num.starts_with(|c: char| c.is_ascii_digit())
        || first.len() > 9
    {
        return false;
    }
    parts.all(|w| COUNT_WORDS.contains(&w))
}

/// "By AFP", "By [Jane Doe](/author/jd)", "Par Jean Dupont".
pub fn byline_name(line: &str) -> Option<(usize, usize)> {
    let t = line.trim();
    let lead = line.len() - line.trim_start().len();
    let head: String = t.chars().take(12).collect();
    let lower = head.to_lowercase();
    let word = BYLINE_WORDS
        .iter()
        .find(|w| lower.starts_with(*w) && lower[w.len()..].starts_with(char::is_whitespace))?;
    let rest = &t[word.len()..];
    let name_start = word.len() + (rest.len() - rest.trim_start().len());
    let name = rest.trim();
    if name.is_empty()
        || t.chars().count() > 80
        || word_count(name) > 8
        || ends_sentence(name) && !name.ends_with(')')
    {
        return None;
    }
    // Names are capitalised words, maybe joined by "and", "&", ",", "in".
    let ok = name
        .trim_start_matches('[')
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|' || c == '/')
        .filter(|w| !w.is_empty())
        .all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.is_empty()
                || w.starts_with(|c: char| c.is_uppercase())
                || matches!(
                    w,
                    "and"
                        | "in"
                        | "et"
                        | "und"
                        | "y"
                        | "e"
                        | "и"
                        | "de"
                        | "van"
                        | "von"
                        | "der"
                        | "da"
                        | "del"
                        | "di"
                        | "la"
                        | "le"
                        | "for"
                        | "with"
                )
                || w.starts_with('(')
                || w.contains('(') // markdown link target
        });
    ok.then_some((lead + name_start, lead + t.len()))
}

fn is_byline(line: &str) -> bool {
    byline_name(line).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        use LineKind::*;
        let cases: &[(&str, LineKind)] = &[
            (
                "• Read also: Russia says it used hypersonic missiles in Ukraine, a first",
                Remove(Reason::RelatedLinks),
            ),
            (
                "READ MORE: Markets slide as oil jumps",
                Remove(Reason::RelatedLinks),
            ),
            (
                "À lire aussi : La France et le Kazakhstan",
                Remove(Reason::RelatedLinks),
            ),
            ("SEE ALSO", RelatedHeader),
            ("Related Articles", RelatedHeader),
            ("source site-64", Remove(Reason::SourceTag)),
            ("Source link -124", Remove(Reason::SourceTag)),
            ("0", Remove(Reason::ShareCounter)),
            ("81", Remove(Reason::ShareCounter)),
            ("1.2K shares", Remove(Reason::ShareCounter)),
            ("Share this article", Remove(Reason::Share)),
            (
                "Almaty's central Republic Square. [mibuchat / Flickr / CC BY-SA 2.0](#)",
                Remove(Reason::PhotoCredit),
            ),
            (
                "Protesters in Almaty. (Photo: AFP)",
                Remove(Reason::PhotoCredit),
            ),
            (
                "Stay tuned to BaaghiTV for latest news and Updates!",
                Remove(Reason::Promo),
            ),
            ("Sign up for our daily newsletter", Remove(Reason::Promo)),
            (
                "We use cookies to improve your experience. Accept",
                Remove(Reason::Cookie),
            ),
            ("Leave a reply", CommentsHeader),
            ("Leave a Reply", CommentsHeader),
            ("12 Comments", CommentsHeader),
            (
                "Your email address will not be published. Required fields are marked *",
                Remove(Reason::Comments),
            ),
            ("Original url:", UrlHeader),
            (
                "<https://www.themoscowtimes.com/2022/03/19/x-a77004>",
                Remove(Reason::SourceUrl),
            ),
            (
                "© 2022 Example News. All rights reserved.",
                Remove(Reason::Copyright),
            ),
            ("By [AFP](#)", Remove(Reason::Byline)),
            ("By Jane Doe and John Roe", Remove(Reason::Byline)),
            ("March 19, 2022", Remove(Reason::Dateline)),
            ("Sunday, April 18", Remove(Reason::Dateline)),
            // Story text stays.
            ("By Saturday evening the square was empty.", Text),
            (
                "Kazakhstan is a member of the Collective Security Treaty Organization (CSTO).",
                Text,
            ),
            (
                "Kazakh president says constitutional order has mostly been restored",
                Text,
            ),
            ("Washington calls on the authorities to “restrain”", Text),
            ("The source said 13 people were killed.", Text),
            (
                "Police said they would share footage with investigators.",
                Text,
            ),
            (
                "Comments by the minister drew criticism from rights groups.",
                Text,
            ),
            ("In 2012, 81 people were detained.", Text),
            (
                "A Reuters/Ipsos poll found 40% of voters backed the plan.",
                Text,
            ),
            (
                "Support fell to 38%, according to a Reuters/Ipsos poll.",
                Text,
            ),
            (
                "Advertisement spending rose 5% in the quarter, the company said.",
                Text,
            ),
            (
                "Website owners were told to remove the material within a day.",
                Text,
            ),
            (
                "Protesters gather in Almaty on January 5, 2022. REUTERS/Pavel Mikheyev",
                Remove(Reason::PhotoCredit),
            ),
            (
                "Riot police in central Almaty. (AP Photo/Vladimir Tretyakov)",
                Remove(Reason::PhotoCredit),
            ),
            ("Advertisement", Remove(Reason::Promo)),
            ("Website", Remove(Reason::Comments)),
            ("Published 3 hours ago", Remove(Reason::Dateline)),
            ("Updated 1 day ago", Remove(Reason::Dateline)),
            ("il y a 2 heures", Remove(Reason::Dateline)),
            ("vor 3 Stunden", Remove(Reason::Dateline)),
            ("Three hours ago the rally began in the square.", Text),
            ("Skip to main content", Remove(Reason::PageTools)),
            ("5 min read", Remove(Reason::PageTools)),
            (
                "Image caption, Police in Almaty on Thursday",
                Remove(Reason::PhotoCredit),
            ),
            (
                "Reporting by Duncan Miriri; Editing by Alex Richardson",
                Remove(Reason::Credits),
            ),
            (
                "Reporting by the state broadcaster suggested otherwise.",
                Text,
            ),
            // French, German, Spanish, Russian, Italian.
            (
                "Lire aussi : La France et le Kazakhstan signent un accord",
                Remove(Reason::RelatedLinks),
            ),
            (
                "Lesen Sie auch: Proteste in Almaty",
                Remove(Reason::RelatedLinks),
            ),
            (
                "Leer también: Protestas en Kazajistán",
                Remove(Reason::RelatedLinks),
            ),
            (
                "Читайте также: Протесты в Алматы",
                Remove(Reason::RelatedLinks),
            ),
            (
                "Leggi anche: Proteste in Kazakistan",
                Remove(Reason::RelatedLinks),
            ),
            ("Laisser un commentaire", CommentsHeader),
            ("Kommentare", CommentsHeader),
            ("Комментарии", CommentsHeader),
            ("Abonnez-vous à notre newsletter", Remove(Reason::Promo)),
            (
                "Nous utilisons des cookies pour améliorer votre expérience.",
                Remove(Reason::Cookie),
            ),
            (
                "Wir verwenden Cookies, um Inhalte zu personalisieren.",
                Remove(Reason::Cookie),
            ),
            ("Par Jean Dupont", Remove(Reason::Byline)),
            ("Von Jana Berger", Remove(Reason::Byline)),
            ("6 janvier 2022", Remove(Reason::Dateline)),
            (
                "Le gouvernement a déclaré jeudi que l'ordre était rétabli.",
                Text,
            ),
        ];
        for (line, want) in cases {
            assert_eq!(classify(line), *want, "{line}");
        }
    }
}
