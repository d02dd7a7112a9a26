//! Text pasted from news pages in several languages: each case lists the
//! furniture lines that must go and the story lines that must stay (every
//! line not listed as furniture is story).

use storydiff::clean::{clean, BatchEvidence, Format};

struct Paste {
    name: &'static str,
    text: &'static str,
    furniture: &'static [&'static str],
}

const PASTES: &[Paste] = &[
    Paste {
        name: "english broadcaster",
        text: "Skip to main content
Floods force thousands from homes in northern Italy
Published 3 hours ago
Share
Image source, Getty Images
Image caption, Rescuers used boats to reach people trapped in Faenza
By Laura Gozzi
BBC News
Thousands of people have been forced from their homes after heavy rain caused rivers to burst their banks across the Emilia-Romagna region.

At least nine people have died, officials said on Wednesday, and more than 20,000 have been evacuated.

\"We have never seen anything like this,\" said the mayor of Cesena, Enzo Lattuca.

Related Topics
Italy
Floods

More on this story
Italy floods: Why did so much rain fall?
Published 1 day ago
",
        furniture: &[
            "Skip to main content",
            "Published 3 hours ago",
            "Share",
            "Image source, Getty Images",
            "Image caption, Rescuers used boats to reach people trapped in Faenza",
            "By Laura Gozzi",
            "BBC News",
            "Related Topics",
            "Italy",
            "Floods",
            "More on this story",
            "Italy floods: Why did so much rain fall?",
            "Published 1 day ago",
        ],
    },
    Paste {
        name: "french daily",
        text: "Inondations : des milliers d'évacués dans le nord de l'Italie

Par Jean Dupont

Publié le 17 mai 2023 à 10h32

Des milliers de personnes ont dû quitter leur domicile après des pluies torrentielles dans la région d'Émilie-Romagne.

Lire aussi : En Italie, la sécheresse menace les récoltes

Au moins neuf personnes sont mortes, selon les autorités, et plus de 20 000 ont été évacuées.

Abonnez-vous à notre newsletter

Le gouvernement a promis une aide d'urgence de 20 millions d'euros aux communes touchées.

Laisser un commentaire

Votre adresse e-mail ne sera pas publiée.
",
        furniture: &[
            "Par Jean Dupont",
            "Publié le 17 mai 2023 à 10h32",
            "Lire aussi : En Italie, la sécheresse menace les récoltes",
            "Abonnez-vous à notre newsletter",
            "Laisser un commentaire",
            "Votre adresse e-mail ne sera pas publiée.",
        ],
    },
    Paste {
        name: "german magazine",
        text: "Unwetter in Italien: Tausende müssen ihre Häuser verlassen

Von Jana Berger

17.05.2023, 10:32 Uhr

Nach heftigen Regenfällen sind in der Region Emilia-Romagna Flüsse über die Ufer getreten, Tausende Menschen mussten ihre Häuser verlassen.

Lesen Sie auch: Dürre in Norditalien bedroht die Ernte

Mindestens neun Menschen kamen ums Leben, mehr als 20.000 wurden in Sicherheit gebracht.

Mehr zum Thema

Kommentare

Endlich tut die Regierung etwas, aber viel zu spät für die Menschen vor Ort.
",
        furniture: &[
            "Von Jana Berger",
            "17.05.2023, 10:32 Uhr",
            "Lesen Sie auch: Dürre in Norditalien bedroht die Ernte",
            "Mehr zum Thema",
            "Kommentare",
            "Endlich tut die Regierung etwas, aber viel zu spät für die Menschen vor Ort.",
        ],
    },
];

#[test]
fn pasted_pages() {
    for p in PASTES {
        let c = clean(p.text, Format::Plain, &BatchEvidence::default(), &[]);
        let body: Vec<&str> = c.body.as_str().lines().map(str::trim).collect();
        for line in p.text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let kept = body.contains(&line);
            if p.furniture.contains(&line) {
                assert!(!kept, "{}: furniture kept: {line:?}", p.name);
            } else {
                assert!(kept, "{}: story lost: {line:?}\n{:?}", p.name, c.removed);
            }
        }
    }
}
