//! The demo's solidarity projects, from the seed text: comfort toys for the neonatal unit,
//! visits to the retirement home, the social grocery and clothes for children. Each has
//! goals, steps, partners and a few weeks of contributions (mostly confirmed, some waiting),
//! and the skills catalogue with what some participants said they can do.

use crate::when::today;
use chrono::{Days, NaiveDate};
use sqlx::AnyConnection;

use super::projects_data::projects;
use crate::error::AppError;

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

pub(super) fn day(date: NaiveDate) -> String {
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
    crate::projects::totals::recount(conn).await?;
    Ok(())
}
