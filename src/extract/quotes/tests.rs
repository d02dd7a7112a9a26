use super::*;
use crate::extract::{EntityLabel, EntityMention};
use crate::lexicon::lists::names::PARTICLES;
use crate::lexicon::lists::quotes::{
    ARTICLES, CHANT_CUES, CLAUSE_WITHOUT_THAT, COORDINATORS, HONORIFICS, INDIRECT_CUES,
    NON_PERSON_HEADS, NOT_CLAUSE_OPENERS, PHRASE_BREAKS, PRONOUNS, PRO_DROP_CUES, REPORTING_VERBS,
    ROLE_NOUNS, SENTENCE_STARTERS, SKIPPED_NEAR_CUE, SPEAKER_ARTICLES, SPEAKER_OPENERS,
    SPEAKER_STOPS, SPEECH_VERBS, TITLES,
};
use crate::text;

fn run(s: &str) -> (String, Vec<Quote>) {
    let t = text::normalize(s);
    let seg = text::segment(t.as_str());
    let doc = Doc::english(t.as_str(), &seg);
    let q = extract(&doc, &[]);
    (t.as_str().to_string(), q)
}

/// (name, text, quoted words, kind, speaker)
type Case = (
    &'static str,
    &'static str,
    &'static str,
    QuoteKind,
    Option<&'static str>,
);

#[test]
fn table() {
    use QuoteKind::*;
    let cases: &[Case] = &[
        ("after subject", "“We will win,” Price said.", "We will win,", Direct, Some("Price")),
        ("after inverted", "“We will win,” said Ned Price, a spokesman.", "We will win,", Direct, Some("Ned Price")),
        ("honorific", "Stéphane Dujarric spoke. “Stay calm,” added Mr. Dujarric.", "Stay calm,", Direct, Some("Stéphane Dujarric")),
        ("pronoun", "Maria Lopez, a nurse, was there. “It was chaos,” she told Reuters.", "It was chaos,", Direct, Some("Maria Lopez")),
        ("colon", "The mayor, Anne Hidalgo, added: “Paris will not bend.”", "Paris will not bend.", Direct, Some("Anne Hidalgo")),
        ("partial", "Kazakh President Qasim Tokayev, who has accused foreign-trained “terrorist gangs” of the unrest, spoke.", "terrorist gangs", Partial, Some("Qasim Tokayev")),
        ("scare", "They backed the “counter-terrorism” operation there.", "counter-terrorism", Scare, None),
        ("slogan", "Several of them chanted “freedom for political prisoners!” as they left.", "freedom for political prisoners!", Slogan, None),
        ("according", "Prices will rise “sharply this year”, according to the central bank.", "sharply this year", Partial, Some("central bank")),
        ("guillemets", "« Nous ne céderons pas », a déclaré Emmanuel Macron.", "Nous ne céderons pas", Direct, Some("Emmanuel Macron")),
        ("title cut", "“The talks failed,” Foreign Minister Sergei Lavrov said on Monday.", "The talks failed,", Direct, Some("Sergei Lavrov")),
        ("apposition", "One of the activists, Alnour Iliachev, told AFP that the place was “reserved” by others.", "reserved", Partial, Some("Alnour Iliachev")),
        ("split quote", "“We are not against traders,” Johnson Sakaja said, “but against disorder.”", "but against disorder.", Partial, Some("Johnson Sakaja")),
        ("name of org", "Marieke Jansen of ING called the walkout “a warning shot” for wage talks.", "a warning shot", Partial, Some("Marieke Jansen")),
        ("org with of", "The Federation of German Taxpayers called the subsidies “a bottomless pit”.", "a bottomless pit", Partial, Some("Federation of German Taxpayers")),
        ("relative clause", "The company that maintained the bridge said it found “no structural anomalies”.", "no structural anomalies", Partial, Some("company that maintained the bridge")),
        ("secretary of state", "US Secretary of State Antony Blinken, speaking in Cairo, urged both sides to “seize this moment”.", "seize this moment", Partial, Some("Antony Blinken")),
        ("lower-case role", "“Leave now,” said incident commander Landon Shepherd.", "Leave now,", Direct, Some("Landon Shepherd")),
        ("definite description", "The India Meteorological Department issued a warning. “The next hours are critical,” the department said.", "The next hours are critical,", Direct, Some("India Meteorological Department")),
        ("surname first", "Health Minister Cho Kyoo-hong spoke on Monday. “Patients come first,” Cho said.", "Patients come first,", Direct, Some("Cho Kyoo-hong")),
        ("french inversion", "La ministre Élisabeth Borne était là. « La situation est temporaire », a-t-elle déclaré.", "La situation est temporaire", Direct, Some("Élisabeth Borne")),
        ("french inverted token", "Claire Martin, infirmière, attend. « Nous sommes épuisés », explique-t-elle.", "Nous sommes épuisés", Direct, Some("Claire Martin")),
        ("spanish dropped subject", "La candidata Ana Pontón habló. “Nunca habíamos estado tan cerca”, dijo.", "Nunca habíamos estado tan cerca", Direct, Some("Ana Pontón")),
        ("crowd shout", "Protesters shouted “¡El agua vale más que el oro!” as officers advanced.", "¡El agua vale más que el oro!", Slogan, None),
        ("it said", "“It is there,” the mayor's office said. “It has always been there,” it added.", "It has always been there,", Direct, Some("mayor's office")),
        ("new person between", "“We will build it,” said Mayor Tom Hart.\n\nCouncil member Janet Ruiz, a critic, disagreed. “The money is not there.”", "The money is not there.", Direct, Some("Janet Ruiz")),
        ("no speaker", "The so-called “peace plan” was rejected.", "peace plan", Scare, None),
        ("participle subject", "Transport Minister Kostas Karamanlis resigned, saying he took responsibility “for the failures of the state”.", "for the failures of the state", Partial, Some("Kostas Karamanlis")),
        ("unnamed role subject", "Eddie Rowe spoke first. A spokesman for the Rapid Support Forces denied it. “We have opened every road,” he told Al Jazeera.", "We have opened every road,", Direct, Some("spokesman for the Rapid Support Forces")),
        ("place is no person", "Marine biologist Ove Hoegh-Guldberg said the Great Barrier Reef had suffered again. “The reef can recover,” he said.", "The reef can recover,", Direct, Some("Ove Hoegh-Guldberg")),
        ("apposition after quote", "“We want respect,” Mário Nogueira, head of the Fenprof union, told reporters outside the ministry.", "We want respect,", Direct, Some("Mário Nogueira")),
        ("reversed guillemets", "»Wir schaffen das«, sagte Angela Merkel.", "Wir schaffen das", Direct, Some("Angela Merkel")),
        ("nested", "“He told me ‘never again’, and I believed him,” said Ana Lima.", "He told me 'never again', and I believed him,", Direct, Some("Ana Lima")),
    ];
    for (name, input, words, kind, speaker) in cases {
        let (t, qs) = run(input);
        let q = qs
            .iter()
            .find(|q| q.content.of(&t) == *words)
            .unwrap_or_else(|| panic!("{name}: {words:?} not in {qs:?}"));
        assert_eq!(q.kind, *kind, "{name}");
        assert_eq!(q.speaker.as_deref(), *speaker, "{name}");
    }
}

#[test]
fn spanning_paragraphs() {
    let (t, qs) =
        run("Anna Berg said:\n\n“First we saw the smoke.\n\n“Then the fire came,” she said.");
    let q = qs.iter().find(|q| q.kind == QuoteKind::Direct).unwrap();
    assert!(q.content.of(&t).starts_with("First we saw"), "{qs:?}");
    assert!(q.content.of(&t).ends_with("fire came,"), "{qs:?}");
}

#[test]
fn indirect_speech() {
    let (t, qs) = run("Separately on Thursday, Moscow said it would consult with its allies.");
    let q = qs.iter().find(|q| q.kind == QuoteKind::Indirect).unwrap();
    assert_eq!(q.span.of(&t), "it would consult with its allies");
    assert_eq!(q.speaker.as_deref(), Some("Moscow"));
    let (t, qs) =
        run("Dozens of protesters were killed in Almaty, Kazakh officials said Thursday.");
    let q = qs.iter().find(|q| q.kind == QuoteKind::Indirect).unwrap();
    assert_eq!(q.span.of(&t), "Dozens of protesters were killed in Almaty");
    assert_eq!(q.speaker.as_deref(), Some("Kazakh officials"));
}

/// (name, text, entity mentions in text order as (surface, label, name), quoted words, speaker)
type EntityCase = (
    &'static str,
    &'static str,
    &'static [(&'static str, EntityLabel, &'static str)],
    &'static str,
    &'static str,
);

#[test]
fn entities_help_but_do_not_override() {
    use EntityLabel::*;
    let cases: &[EntityCase] = &[
        ("pronoun to a person entity", "Aliyev arrived in Baku. “We are ready,” he said.",
            &[("Aliyev", Person, "Ilham Aliyev")], "We are ready,", "Ilham Aliyev"),
        ("entity lengthens a surname", "“We are ready,” Aliyev said.",
            &[("Aliyev", Person, "Ilham Aliyev")], "We are ready,", "Ilham Aliyev"),
        ("title left in the entity", "Seismologist Hiroshi Tanaka spoke. “Plan floor by floor,” Tanaka said.",
            &[("Seismologist Hiroshi Tanaka", Person, "Seismologist Hiroshi Tanaka"), ("Tanaka", Person, "Seismologist Hiroshi Tanaka")],
            "Plan floor by floor,", "Hiroshi Tanaka"),
        ("entity runs past the cut", "„Wir erleben eine dramatische Lage“, sagte Bausenator Christian Gaebler.",
            &[("Bausenator Christian Gaebler", Person, "Bausenator Christian Gaebler")],
            "Wir erleben eine dramatische Lage", "Christian Gaebler"),
        ("unlinked short name", "“We want a fair offer,” said Pieter van Dijk, a spokesman.\n\nVan Dijk disagreed. “They can pay,” he said.",
            &[("Pieter van Dijk", Person, "Pieter van Dijk"), ("Van Dijk", Person, "Van Dijk")],
            "They can pay,", "Pieter van Dijk"),
        ("entity inside a longer phrase", "A letter to the editor of Die Presse called it “a concession to fashion”.",
            &[("Die Presse", Person, "Die Presse")], "a concession to fashion", "editor of Die Presse"),
        ("organisation cut short", "Southern Andes Copper said it had invested “millions” there.",
            &[("Andes Copper", Person, "Andes Copper")], "millions", "Southern Andes Copper"),
        ("person inside the quote", "CDU-Ministerpräsident Boris Rhein sprach. „Die Menschen wollen Stabilität“, sagte er.",
            &[("CDU-Ministerpräsident Boris Rhein", Person, "CDU-Ministerpräsident Boris Rhein"), ("Die Menschen", Person, "Die Menschen")],
            "Die Menschen wollen Stabilität", "Boris Rhein"),
        ("article-initial phrase as a person", "„Das ist bitter“, sagte Tarek Al-Wazir. Die Grünen machen weiter. „Wir kämpfen“, sagte er.",
            &[("Tarek Al-Wazir", Person, "Tarek Al-Wazir"), ("Die Grünen", Person, "Die Grünen")],
            "Wir kämpfen", "Tarek Al-Wazir"),
    ];
    for (name, input, mentions, words, speaker) in cases {
        let t = text::normalize(input);
        let text = t.as_str();
        let seg = text::segment(text);
        let doc = Doc {
            text,
            seg: &seg,
            anchor: None,
            language: None,
        };
        let mut from = 0;
        let ents: Vec<EntityMention> = mentions
            .iter()
            .map(|(surface, label, n)| {
                let at = from
                    + text[from..]
                        .find(surface)
                        .unwrap_or_else(|| panic!("{name}: {surface}"));
                from = at + surface.len();
                EntityMention {
                    span: Span::new(at, from),
                    label: *label,
                    name: n.to_string(),
                    role: None,
                }
            })
            .collect();
        let qs = extract(&doc, &ents);
        let q = qs
            .iter()
            .find(|q| q.content.of(text) == *words)
            .unwrap_or_else(|| panic!("{name}: {words:?} not in {qs:?}"));
        assert_eq!(q.speaker.as_deref(), Some(*speaker), "{name}");
    }
}

#[test]
fn word_lists_are_sorted_for_binary_search() {
    let lists: &[(&str, &[&str])] = &[
        ("ARTICLES", ARTICLES),
        ("CHANT_CUES", CHANT_CUES),
        ("CLAUSE_WITHOUT_THAT", CLAUSE_WITHOUT_THAT),
        ("COORDINATORS", COORDINATORS),
        ("HONORIFICS", HONORIFICS),
        ("INDIRECT_CUES", INDIRECT_CUES),
        ("NOT_CLAUSE_OPENERS", NOT_CLAUSE_OPENERS),
        ("NON_PERSON_HEADS", NON_PERSON_HEADS),
        ("PARTICLES", PARTICLES),
        ("PHRASE_BREAKS", PHRASE_BREAKS),
        ("PRO_DROP_CUES", PRO_DROP_CUES),
        ("REPORTING_VERBS", REPORTING_VERBS),
        ("ROLE_NOUNS", ROLE_NOUNS),
        ("SENTENCE_STARTERS", SENTENCE_STARTERS),
        ("SKIPPED_NEAR_CUE", SKIPPED_NEAR_CUE),
        ("SPEAKER_ARTICLES", SPEAKER_ARTICLES),
        ("SPEAKER_OPENERS", SPEAKER_OPENERS),
        ("SPEAKER_STOPS", SPEAKER_STOPS),
        ("SPEECH_VERBS", SPEECH_VERBS),
        ("TITLES", TITLES),
    ];
    for (name, list) in lists {
        assert!(list.windows(2).all(|w| w[0] < w[1]), "{name} is not sorted");
    }
    assert!(PRONOUNS.windows(2).all(|w| w[0].0 < w[1].0));
    for (w, role) in PRONOUNS {
        assert!(
            ["person", "group", "thing", "kept"].contains(role),
            "{w}: {role}"
        );
    }
}

#[test]
fn resolution_with_entities() {
    let s = "Jen Psaki spoke. “No,” she said.";
    let t = text::normalize(s);
    let seg = text::segment(t.as_str());
    let doc = Doc {
        text: t.as_str(),
        seg: &seg,
        anchor: None,
        language: None,
    };
    let ents = vec![EntityMention {
        span: Span::new(0, 9),
        label: EntityLabel::Person,
        name: "Jennifer Rene Psaki".into(),
        role: None,
    }];
    let q = extract(&doc, &ents);
    let d = q.iter().find(|q| q.kind == QuoteKind::Direct).unwrap();
    assert_eq!(d.speaker.as_deref(), Some("Jennifer Rene Psaki"));
}

/// Offices, ministries and spokespeople as speakers, and a document that
/// speaks for the office quoted before it ("..., the statement said").
#[test]
fn offices_and_statements() {
    let cases: &[(&str, &str)] = &[
        ("Erdogan's office said the two leaders had agreed to share data. \"All kinds of technical information will be shared with the experts,\" the statement said.", "Erdogan's office"),
        ("Erdogan's office said: \"All kinds of technical information will be shared.\"", "Erdogan's office"),
        ("\"All kinds of technical information will be shared,\" Erdogan's office said.", "Erdogan's office"),
        ("\"We are ready,\" the Foreign Ministry said in a statement.", "Foreign Ministry"),
        ("\"We are ready,\" the Kremlin's spokesman told reporters.", "Kremlin's spokesman"),
        ("The Interior Ministry said: \"Order has been restored.\"", "Interior Ministry"),
    ];
    for &(text, speaker) in cases {
        let (_, q) = run(text);
        let direct = q.iter().find(|q| q.kind == QuoteKind::Direct).expect(text);
        assert_eq!(direct.speaker.as_deref(), Some(speaker), "{text}");
    }
    // With no office quoted before, a statement stays as written.
    let (_, q) = run("\"We are ready,\" the statement said.");
    assert_eq!(q[0].speaker.as_deref(), Some("statement"));
}

/// A name lowered whole splits into its words lowered one by one (as
/// `confirmed_name` compares them), for capitals, 'İ' and a final 'Σ'.
#[test]
fn a_name_lowered_whole_is_its_words_lowered() {
    use crate::text::spaced_words;
    for name in [
        "Pieter van Dijk",
        "ΟΔΟΣ ΑΒ",
        "İlham Əliyev",
        "Ö\u{a0}Σ Σ",
        "",
        " A  b ",
    ] {
        let whole: Vec<String> = spaced_words(&name.to_lowercase())
            .map(str::to_string)
            .collect();
        let each: Vec<String> = spaced_words(name).map(str::to_lowercase).collect();
        assert_eq!(whole, each, "{name}");
    }
}

/// A speaker's name with a space is read as no pronoun and no document
/// (`resolve::Role::of`) without looking it up: none of theirs has one.
#[test]
fn no_pronoun_or_document_has_a_space() {
    use crate::lexicon::lists::quotes::DOCUMENT_NOUNS;
    let words = (PRONOUNS.iter().map(|&(p, _)| p)).chain(DOCUMENT_NOUNS.iter().copied());
    for w in words.chain(["es"]) {
        assert!(!w.contains(char::is_whitespace), "{w}");
    }
}

/// A speaker phrase of one word is the word as written, a pronoun as any
/// other (`speakers::judged_np_speaker`), unless it is a French inversion:
/// no pronoun is one.
#[test]
fn no_pronoun_is_a_french_inversion() {
    for &(p, _) in PRONOUNS {
        assert!(!p.contains('-'), "{p}");
    }
}
