//! The demo's solidarity projects, from the seed text: comfort toys for the neonatal unit,
//! visits to the retirement home, the social grocery and clothes for children. Each has
//! goals, steps, partners and a few weeks of contributions (mostly confirmed, some waiting),
//! and the skills catalogue with what some participants said they can do.

use chrono::{Datelike, Days, Months, NaiveDate};
use sqlx::AnyConnection;

use super::today;
use crate::{error::AppError, i18n::Locale};

/// The skills catalogue: pictogram, then names in French, Dutch and English.
pub const SKILLS: [(&str, &str, &str, &str); 10] = [
    ("🧵", "Couture", "Naaien", "Sewing"),
    ("🧶", "Tricot", "Breien", "Knitting"),
    ("🍳", "Cuisine", "Koken", "Cooking"),
    ("🚗", "Conduite", "Autorijden", "Driving"),
    ("👂", "Écoute", "Luisteren", "Listening"),
    ("🤝", "Accueil", "Onthaal", "Welcoming"),
    ("📦", "Gestion de stock", "Voorraadbeheer", "Stock handling"),
    (
        "🔧",
        "Petites réparations",
        "Kleine herstellingen",
        "Repairs",
    ),
    (
        "🗣️",
        "Langues parlées",
        "Gesproken talen",
        "Languages spoken",
    ),
    (
        "💻",
        "Bases de l'informatique",
        "Basiskennis computer",
        "Computer basics",
    ),
];

/// What some participants said they can do: code, skill (French name), may be asked.
const DECLARED: [(&str, &str, bool); 9] = [
    ("AMN4KP", "Couture", true),
    ("AMN4KP", "Tricot", true),
    ("FTU3MW", "Cuisine", true),
    ("JPR7XZ", "Conduite", true),
    ("JPR7XZ", "Écoute", false),
    ("MRC5HQ", "Petites réparations", true),
    ("NDA2RS", "Langues parlées", true),
    ("PPL6TN", "Couture", false),
    ("SLL7CZ", "Tricot", true),
];

/// A goal: label, unit, target, due day.
type GoalSeed = (String, &'static str, i64, NaiveDate);
/// A contribution: card code, goal (index), quantity, minutes, days ago, skills, confirmed.
type ContributionSeed = (
    &'static str,
    usize,
    i64,
    i64,
    u64,
    &'static [&'static str],
    bool,
);

struct ProjectSeed {
    name: &'static str,
    kind: &'static str,
    description: &'static str,
    public_page: bool,
    partners: &'static [&'static str],
    skills: &'static [&'static str],
    goals: Vec<GoalSeed>,
    /// Label, due day, reached (on the due day).
    milestones: Vec<(&'static str, NaiveDate, bool)>,
    contributions: Vec<ContributionSeed>,
    /// Partner's e-mail, message, days ago.
    thanks: Vec<(&'static str, &'static str, u64)>,
}

fn projects(today: NaiveDate) -> Vec<ProjectSeed> {
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

async fn user_id(conn: &mut AnyConnection, key: &str) -> Result<i64, AppError> {
    Ok(
        sqlx::query_scalar("SELECT id FROM users WHERE login_code = $1 OR email = $1")
            .bind(key)
            .fetch_one(&mut *conn)
            .await?,
    )
}

async fn skill_id(conn: &mut AnyConnection, name: &str) -> Result<i64, AppError> {
    Ok(
        sqlx::query_scalar("SELECT id FROM skills WHERE name_fr = $1")
            .bind(name)
            .fetch_one(&mut *conn)
            .await?,
    )
}

fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Seeds the skills catalogue and the four projects, inside the demo's transaction.
pub async fn seed(conn: &mut AnyConnection, tz: chrono_tz::Tz, at: i64) -> Result<(), AppError> {
    for (pictogram, fr, nl, en) in SKILLS {
        sqlx::query(
            "INSERT INTO skills (pictogram, name_fr, name_nl, name_en, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(pictogram)
        .bind(fr)
        .bind(nl)
        .bind(en)
        .bind(at)
        .execute(&mut *conn)
        .await?;
    }
    for (code, skill, may_ask) in DECLARED {
        let (user, skill) = (user_id(conn, code).await?, skill_id(conn, skill).await?);
        sqlx::query("INSERT INTO user_skills (user_id, skill_id, may_ask) VALUES ($1, $2, $3)")
            .bind(user)
            .bind(skill)
            .bind(i64::from(may_ask))
            .execute(&mut *conn)
            .await?;
    }
    let worker = user_id(conn, "sophie@trame.demo").await?;
    let today = today(tz);
    for project in projects(today) {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO projects (name, kind, description, status, public_page, created_by, \
             created_at) VALUES ($1, $2, $3, 'active', $4, $5, $6) RETURNING id",
        )
        .bind(project.name)
        .bind(project.kind)
        .bind(project.description)
        .bind(i64::from(project.public_page))
        .bind(worker)
        .bind(at)
        .fetch_one(&mut *conn)
        .await?;
        for partner in project.partners {
            let partner = user_id(conn, partner).await?;
            sqlx::query("INSERT INTO project_partners (project_id, partner_id) VALUES ($1, $2)")
                .bind(id)
                .bind(partner)
                .execute(&mut *conn)
                .await?;
        }
        for skill in project.skills {
            let skill = skill_id(conn, skill).await?;
            sqlx::query("INSERT INTO project_skills (project_id, skill_id) VALUES ($1, $2)")
                .bind(id)
                .bind(skill)
                .execute(&mut *conn)
                .await?;
        }
        let mut goals = Vec::new();
        for (label, unit, target, due) in &project.goals {
            let goal: i64 = sqlx::query_scalar(
                "INSERT INTO project_goals (project_id, label, unit, target, due_on, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(id)
            .bind(label)
            .bind(*unit)
            .bind(*target)
            .bind(day(*due))
            .bind(at)
            .fetch_one(&mut *conn)
            .await?;
            goals.push(goal);
        }
        for (label, due, reached) in &project.milestones {
            sqlx::query(
                "INSERT INTO milestones (project_id, label, due_on, reached_on, created_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id)
            .bind(*label)
            .bind(day(*due))
            .bind(reached.then(|| day(*due)))
            .bind(at)
            .execute(&mut *conn)
            .await?;
        }
        for (code, goal, quantity, minutes, days_ago, skills, confirmed) in &project.contributions {
            let person = user_id(conn, code).await?;
            let contribution: i64 = sqlx::query_scalar(
                "INSERT INTO contributions (project_id, goal_id, user_id, quantity, minutes, \
                 done_on, status, decided_by, decided_at, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
            )
            .bind(id)
            .bind(goals[*goal])
            .bind(person)
            .bind(*quantity)
            .bind(*minutes)
            .bind(day(today - Days::new(*days_ago)))
            .bind(if *confirmed { "confirmed" } else { "pending" })
            .bind(confirmed.then_some(worker))
            .bind(confirmed.then_some(at))
            .bind(at)
            .fetch_one(&mut *conn)
            .await?;
            for skill in *skills {
                let skill = skill_id(conn, skill).await?;
                sqlx::query(
                    "INSERT INTO contribution_skills (contribution_id, skill_id) VALUES ($1, $2)",
                )
                .bind(contribution)
                .bind(skill)
                .execute(&mut *conn)
                .await?;
            }
        }
        for (partner, message, days_ago) in &project.thanks {
            let partner = user_id(conn, partner).await?;
            sqlx::query(
                "INSERT INTO project_thanks (project_id, from_id, message, created_at) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(partner)
            .bind(*message)
            .bind(at - i64::try_from(*days_ago).unwrap_or(0) * 24 * 3600)
            .execute(&mut *conn)
            .await?;
        }
    }
    // The confirmed contributions above, in the running totals.
    super::totals::recount(conn).await?;
    Ok(())
}
