//! The demo centre's projects, as data.

use crate::i18n::Locale;
use chrono::{Datelike, Days, Months, NaiveDate};

/// A goal: label, unit, target, due day.
pub(super) type GoalSeed = (String, &'static str, i64, NaiveDate);
/// A contribution: card code, goal (index), quantity, minutes, days ago, skills, confirmed.
pub(super) type ContributionSeed = (
    &'static str,
    usize,
    i64,
    i64,
    u64,
    &'static [&'static str],
    bool,
);

pub(super) struct ProjectSeed {
    pub(super) name: &'static str,
    pub(super) kind: &'static str,
    pub(super) description: &'static str,
    pub(super) public_page: bool,
    pub(super) partners: &'static [&'static str],
    pub(super) skills: &'static [&'static str],
    pub(super) goals: Vec<GoalSeed>,
    /// Label, due day, reached (on the due day).
    pub(super) milestones: Vec<(&'static str, NaiveDate, bool)>,
    pub(super) contributions: Vec<ContributionSeed>,
    /// Partner's e-mail, message, days ago.
    pub(super) thanks: Vec<(&'static str, &'static str, u64)>,
}

pub(super) fn projects(today: NaiveDate) -> Vec<ProjectSeed> {
    let ago = |days| today - Days::new(days);
    let ahead = |days| today + Days::new(days);
    let march = NaiveDate::from_ymd_opt(today.year(), 3, 15).unwrap_or(today);
    let march = if march > today {
        march
    } else {
        march + Months::new(12)
    };
    let this_month = today.with_day(1).unwrap_or(today);
    let month_end = this_month + Months::new(1) - Days::new(1);
    let last_month_end = this_month - Days::new(1);
    let month_name = |day: NaiveDate| {
        let noon = day.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc();
        Locale::Fr.format(noon.timestamp(), chrono_tz::UTC, "%B")
    };
    let days_into_month = u64::from(today.day0());
    vec![
        ProjectSeed {
            name: "Doudous pour la néonatologie",
            kind: "toys",
            description: "Coudre des doudous doux et lavables pour les bébés nés trop tôt, \
                          avec l'unité de néonatologie de l'Hôpital de la Sambre.",
            public_page: true,
            partners: &["neonat@trame.demo"],
            skills: &["Couture", "Tricot"],
            goals: vec![("Doudous cousus et livrés".into(), "items", 60, march)],
            milestones: vec![
                ("Tissus et rembourrage collectés", ago(50), true),
                ("Première livraison à l'unité", ago(10), true),
                ("Deuxième livraison à l'unité", ahead(30), false),
            ],
            contributions: vec![
                ("AMN4KP", 0, 3, 240, 45, &["Couture"], true),
                ("AMN4KP", 0, 4, 300, 20, &["Couture", "Tricot"], true),
                ("FTU3MW", 0, 5, 360, 30, &["Couture"], true),
                ("PPL6TN", 0, 4, 240, 25, &["Couture"], true),
                ("NDA2RS", 0, 3, 180, 18, &["Tricot"], true),
                ("RSA3KM", 0, 2, 120, 12, &["Couture"], true),
                ("SLL7CZ", 0, 2, 150, 6, &["Tricot"], true),
                ("LCY8DV", 0, 2, 120, 2, &["Couture"], false),
            ],
            thanks: vec![(
                "neonat@trame.demo",
                "Les parents ont été très émus par vos doudous. Un grand merci à tout le groupe !",
                8,
            )],
        },
        ProjectSeed {
            name: "Visites aux Tilleuls",
            kind: "visits",
            description: "Rendre visite aux résidents isolés de la Résidence Les Tilleuls : \
                          parler, jouer aux cartes, se promener.",
            public_page: false,
            partners: &["tilleuls@trame.demo"],
            skills: &["Écoute", "Conduite", "Langues parlées"],
            goals: vec![(
                "Visites aux résidents ce trimestre".into(),
                "visits",
                40,
                ahead(40),
            )],
            milestones: vec![
                ("Rencontre avec l'équipe de la résidence", ago(60), true),
                ("Goûter de fin d'année avec les résidents", ahead(25), false),
            ],
            contributions: vec![
                ("JPR7XZ", 0, 4, 360, 35, &["Écoute", "Conduite"], true),
                ("MRC5HQ", 0, 3, 240, 21, &["Écoute"], true),
                ("LVR9GB", 0, 3, 270, 14, &["Écoute"], true),
                ("YVS4PW", 0, 2, 180, 7, &["Langues parlées"], true),
                ("AHM5XT", 0, 1, 90, 1, &["Écoute"], false),
            ],
            thanks: vec![],
        },
        ProjectSeed {
            name: "Épicerie sociale",
            kind: "grocery",
            description: "Trier, ranger et accueillir à l'épicerie sociale du CPAS, avec les \
                          denrées de la banque alimentaire.",
            public_page: false,
            partners: &["banque@trame.demo"],
            skills: &["Gestion de stock", "Accueil", "Cuisine"],
            goals: vec![
                (
                    format!("Denrées triées en {}", month_name(last_month_end)),
                    "kg",
                    300,
                    last_month_end,
                ),
                (
                    format!("Denrées triées en {}", month_name(month_end)),
                    "kg",
                    300,
                    month_end,
                ),
            ],
            milestones: vec![("Nouvelles étagères installées", ago(20), true)],
            contributions: vec![
                (
                    "FTU3MW",
                    0,
                    80,
                    180,
                    days_into_month + 20,
                    &["Gestion de stock"],
                    true,
                ),
                (
                    "MRC5HQ",
                    0,
                    90,
                    180,
                    days_into_month + 15,
                    &["Gestion de stock"],
                    true,
                ),
                (
                    "YVS4PW",
                    0,
                    70,
                    150,
                    days_into_month + 8,
                    &["Accueil"],
                    true,
                ),
                (
                    "AHM5XT",
                    0,
                    75,
                    180,
                    days_into_month + 3,
                    &["Gestion de stock"],
                    true,
                ),
                (
                    "FTU3MW",
                    1,
                    45,
                    120,
                    days_into_month.min(2),
                    &["Gestion de stock"],
                    true,
                ),
                (
                    "LVR9GB",
                    1,
                    30,
                    90,
                    days_into_month.min(1),
                    &["Accueil"],
                    true,
                ),
                ("NDA2RS", 1, 25, 90, 0, &["Gestion de stock"], false),
            ],
            thanks: vec![(
                "banque@trame.demo",
                "Grâce à votre tri, nous avons pu préparer plus de colis ce mois-ci. Merci !",
                12,
            )],
        },
        ProjectSeed {
            name: "Vêtements pour les enfants",
            kind: "clothes",
            description: "Coudre et tricoter des vêtements chauds pour les enfants des familles \
                          aidées par la banque alimentaire.",
            public_page: false,
            partners: &["banque@trame.demo"],
            skills: &["Couture", "Tricot"],
            goals: vec![(
                "Vêtements remis aux familles".into(),
                "items",
                80,
                ahead(120),
            )],
            milestones: vec![("Appel aux dons de laine", ahead(10), false)],
            contributions: vec![
                ("AMN4KP", 0, 3, 240, 9, &["Tricot"], true),
                ("SLL7CZ", 0, 2, 180, 3, &["Tricot"], false),
            ],
            thanks: vec![],
        },
    ]
}
