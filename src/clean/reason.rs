//! [`Reason`]: why a part of the input is not in the body.
//!
//! A closed set. Each reason has one short name ("related-links",
//! "share-counter"), which is how it is written in the report, shown on the
//! page and named in the word lists (`data/words/html/*.tsv`, column `role`).
//!
//! ```
//! use storydiff::clean::Reason;
//! assert_eq!(Reason::RelatedLinks.as_str(), "related-links");
//! assert_eq!(Reason::from_name("share-counter"), Some(Reason::ShareCounter));
//! assert!(Reason::Byline.is_metadata() && !Reason::Promo.is_metadata());
//! ```

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a part of the input is not in the body (see the table in the
/// [`clean`](crate::clean) module). Serializes as its [name](Reason::as_str).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// Tags, Markdown markers, link targets.
    Markup,
    /// A Markdown image (`![alt](src)`).
    Image,
    /// The HTML `head`.
    Head,
    /// Scripts, `noscript`, `template`.
    Script,
    /// Style sheets.
    Style,
    /// Forms and their controls.
    Form,
    /// Images, video, audio, embedded frames.
    Media,
    /// HTML hidden from readers (`hidden`, `display:none`).
    Hidden,
    /// Site navigation, menus, page footers.
    Navigation,
    /// Sidebars and widgets.
    Sidebar,
    /// Page content around the article.
    OutsideArticle,
    /// "Read also" lines, "SEE ALSO" blocks, link lists.
    RelatedLinks,
    /// Share buttons.
    Share,
    /// Share and view counters ("0", "81", "1.2K shares").
    ShareCounter,
    /// Page tools ("5 min read", "Skip to main content").
    PageTools,
    /// Photo captions and credits ("mibuchat / Flickr / CC BY-SA 2.0").
    PhotoCredit,
    /// Promotion of the outlet: newsletters, apps, advertising.
    Promo,
    /// Cookie and consent notices.
    Cookie,
    /// Copyright footers.
    Copyright,
    /// Tag and category lists.
    Tags,
    /// A section label above the headline ("World").
    SectionLabel,
    /// "Leave a reply", comment forms and the comments after them.
    Comments,
    /// "source site-64", "Source link -124".
    SourceTag,
    /// A headline after the story that shares little with it.
    TrailingUnrelated,
    /// A short line found in other articles of the batch.
    BatchRepeated,
    /// The byline (a fact of publication).
    Byline,
    /// A dateline (a fact of publication).
    Dateline,
    /// The article's source address (a fact of publication).
    SourceUrl,
    /// Reporting and editing credits (a fact of publication).
    Credits,
}

impl Reason {
    /// Every reason, in the order of the table in the module documentation.
    pub const ALL: [Reason; 29] = [
        Reason::Markup,
        Reason::Image,
        Reason::Head,
        Reason::Script,
        Reason::Style,
        Reason::Form,
        Reason::Media,
        Reason::Hidden,
        Reason::Navigation,
        Reason::Sidebar,
        Reason::OutsideArticle,
        Reason::RelatedLinks,
        Reason::Share,
        Reason::ShareCounter,
        Reason::PageTools,
        Reason::PhotoCredit,
        Reason::Promo,
        Reason::Cookie,
        Reason::Copyright,
        Reason::Tags,
        Reason::SectionLabel,
        Reason::Comments,
        Reason::SourceTag,
        Reason::TrailingUnrelated,
        Reason::BatchRepeated,
        Reason::Byline,
        Reason::Dateline,
        Reason::SourceUrl,
        Reason::Credits,
    ];

    /// The short name the report and the page use ("related-links").
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Markup => "markup",
            Reason::Image => "image",
            Reason::Head => "head",
            Reason::Script => "script",
            Reason::Style => "style",
            Reason::Form => "form",
            Reason::Media => "media",
            Reason::Hidden => "hidden",
            Reason::Navigation => "navigation",
            Reason::Sidebar => "sidebar",
            Reason::OutsideArticle => "outside-article",
            Reason::RelatedLinks => "related-links",
            Reason::Share => "share",
            Reason::ShareCounter => "share-counter",
            Reason::PageTools => "page-tools",
            Reason::PhotoCredit => "photo-credit",
            Reason::Promo => "promo",
            Reason::Cookie => "cookie",
            Reason::Copyright => "copyright",
            Reason::Tags => "tags",
            Reason::SectionLabel => "section-label",
            Reason::Comments => "comments",
            Reason::SourceTag => "source-tag",
            Reason::TrailingUnrelated => "trailing-unrelated",
            Reason::BatchRepeated => "batch-repeated",
            Reason::Byline => "byline",
            Reason::Dateline => "dateline",
            Reason::SourceUrl => "source-url",
            Reason::Credits => "credits",
        }
    }

    /// The reason with short name `name`, if there is one.
    pub fn from_name(name: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.as_str() == name)
    }

    /// Whether the reason is a fact of publication (byline, dateline, source
    /// URL, credits) rather than furniture or markup: not story text either way.
    pub fn is_metadata(self) -> bool {
        matches!(
            self,
            Reason::Byline | Reason::Dateline | Reason::SourceUrl | Reason::Credits
        )
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for Reason {
    fn eq(&self, name: &str) -> bool {
        self.as_str() == name
    }
}

impl PartialEq<&str> for Reason {
    fn eq(&self, name: &&str) -> bool {
        self.as_str() == *name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_serialize_as_names() {
        for r in Reason::ALL {
            assert_eq!(Reason::from_name(r.as_str()), Some(r));
            assert_eq!(
                serde_json::to_string(&r).unwrap(),
                format!("\"{}\"", r.as_str())
            );
            assert_eq!(r.to_string(), r.as_str());
        }
        assert_eq!(Reason::from_name("title"), None);
    }

    #[test]
    fn names_are_unique() {
        let mut names: Vec<&str> = Reason::ALL.iter().map(|r| r.as_str()).collect();
        crate::text::sort::all(&mut names);
        names.dedup();
        assert_eq!(names.len(), Reason::ALL.len());
    }
}
