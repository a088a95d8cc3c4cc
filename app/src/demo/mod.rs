//! Demo data, seeded on first start of an empty database (unless switched off): the centre,
//! an admin, two social workers, three partners (a hospital's neonatal unit, a retirement
//! home, a food bank), and twelve participants with access cards; ideas, rooms, two workshops
//! (a sewing cycle under way, its first attendance taken; a talking group to come), and the four solidarity projects (`projects::demo`). The logins are listed in the README.

mod impact;
mod projects;
mod projects_data;
mod workshops;

use crate::{
    auth::password,
    db::{Db, now},
    error::AppError,
};
use workshops::{seed_sewing_cycle, seed_talking_group};

pub(super) const DAY: i64 = 24 * 3600;

pub const CENTRE: &str = "CPAS de Sambreville (démo)";
/// Its address, printed on attestations.
pub const CENTRE_ADDRESS: &str = "Place Communale 1, 5060 Sambreville";
pub const ADMIN: (&str, &str, &str) = ("Claire Dubois", "admin@trame.demo", "demo-admin-pass");
pub const WORKERS: [(&str, &str, &str); 2] = [
    ("Sophie Lambert", "sophie@trame.demo", "demo-worker-pass"),
    ("Karim Benali", "karim@trame.demo", "demo-worker-pass"),
];
pub const PARTNER: (&str, &str, &str, &str) = (
    "Dr Anne Lemaire",
    "neonat@trame.demo",
    "demo-partner-pass",
    "Hôpital de la Sambre — néonatologie",
);
/// The other partners (same password): the retirement home and the food bank.
pub const OTHER_PARTNERS: [(&str, &str, &str); 2] = [
    (
        "Marie Dupont",
        "tilleuls@trame.demo",
        "Résidence Les Tilleuls",
    ),
    (
        "Paul Henrard",
        "banque@trame.demo",
        "Banque alimentaire de la Basse-Sambre",
    ),
];
/// Every demo participant's PIN.
pub const PARTICIPANT_PIN: &str = "1234";
/// First names and pseudonyms, with the code printed on their card.
pub const PARTICIPANTS: [(&str, &str); 12] = [
    ("Amina", "AMN4KP"),
    ("Jean-Pierre", "JPR7XZ"),
    ("Fatou", "FTU3MW"),
    ("Marc", "MRC5HQ"),
    ("Lucie", "LCY8DV"),
    ("Papillon", "PPL6TN"),
    ("Nadia", "NDA2RS"),
    ("Olivier", "LVR9GB"),
    ("Rosa", "RSA3KM"),
    ("Yves", "YVS4PW"),
    ("Soleil", "SLL7CZ"),
    ("Ahmed", "AHM5XT"),
];

/// Ideas already proposed by demo participants: (title, words, pictogram, author's code,
/// status). Four are published, so a vote can be opened at once; one waits for a reply.
pub const THEMES: [(&str, &str, &str, &str, &str); 5] = [
    (
        "Couture de doudous",
        "Coudre des doudous pour les bébés nés trop tôt, avec l'hôpital.",
        "sewing",
        "AMN4KP",
        "published",
    ),
    (
        "Cuisine du monde",
        "Chacun apporte une recette de chez lui.",
        "cooking",
        "FTU3MW",
        "published",
    ),
    ("Potager partagé", "", "gardening", "JPR7XZ", "published"),
    (
        "Apprendre l'ordinateur",
        "Envoyer un e-mail, faire ses démarches en ligne.",
        "computers",
        "MRC5HQ",
        "published",
    ),
    (
        "Balade au bord de la Sambre",
        "",
        "walk",
        "LCY8DV",
        "proposed",
    ),
];

/// The centre's rooms: name, places, accessibility.
pub const ROOMS: [(&str, i64, &str); 3] = [
    (
        "Salle du jardin",
        14,
        "Rez-de-chaussée, sans marche. Toilettes adaptées.",
    ),
    ("Atelier couture", 8, "Premier étage, ascenseur."),
    ("Cuisine pédagogique", 10, "Rez-de-chaussée, sans marche."),
];

/// Belgian public holidays, when the centre is closed.
pub const CLOSURES: [(&str, &str); 11] = [
    ("2026-12-25", "Noël"),
    ("2027-01-01", "Nouvel An"),
    ("2027-03-29", "Lundi de Pâques"),
    ("2027-05-01", "Fête du travail"),
    ("2027-05-06", "Ascension"),
    ("2027-05-17", "Lundi de Pentecôte"),
    ("2027-07-21", "Fête nationale"),
    ("2027-08-15", "Assomption"),
    ("2027-11-01", "Toussaint"),
    ("2027-11-11", "Armistice"),
    ("2027-12-25", "Noël"),
];

/// Seeds the demo data if the database has no account yet. Returns whether it did.
pub async fn seed_if_empty(db: &Db, tz: chrono_tz::Tz) -> Result<bool, AppError> {
    let users: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(db.read())
        .await?;
    if users > 0 {
        return Ok(false);
    }
    let admin_hash = password::hash(ADMIN.2.into()).await?;
    let worker_hash = password::hash(WORKERS[0].2.into()).await?;
    let partner_hash = password::hash(PARTNER.2.into()).await?;
    let pin_hash = password::hash(PARTICIPANT_PIN.into()).await?;
    let at = now();
    let mut tx = db.write().begin().await?;
    sqlx::query("INSERT INTO centre (id, name, address, created_at) VALUES (1, $1, $2, $3)")
        .bind(CENTRE)
        .bind(CENTRE_ADDRESS)
        .bind(at)
        .execute(&mut *tx)
        .await?;
    let staff = [(ADMIN, "admin", &admin_hash)]
        .into_iter()
        .chain(WORKERS.map(|w| (w, "worker", &worker_hash)));
    for ((name, email, _), role, hash) in staff {
        insert_account(&mut tx, role, name, email, hash, None, at).await?;
    }
    let partners = [(PARTNER.0, PARTNER.1, PARTNER.3)]
        .into_iter()
        .chain(OTHER_PARTNERS);
    for (name, email, organisation) in partners {
        insert_account(
            &mut tx,
            "partner",
            name,
            email,
            &partner_hash,
            Some(organisation),
            at,
        )
        .await?;
    }
    for (name, code) in PARTICIPANTS {
        sqlx::query(
            "INSERT INTO users (role, display_name, login_code, pin_hash, created_at) \
             VALUES ('participant', $1, $2, $3, $4)",
        )
        .bind(name)
        .bind(code)
        .bind(&pin_hash)
        .bind(at)
        .execute(&mut *tx)
        .await?;
    }
    for (title, words, pictogram, author, status) in THEMES {
        sqlx::query(
            "INSERT INTO themes (title, description, pictogram, status, author_id, created_at, \
             updated_at) SELECT $1, $2, $3, $4, id, $5, $5 FROM users WHERE login_code = $6",
        )
        .bind(title)
        .bind(words)
        .bind(pictogram)
        .bind(status)
        .bind(at)
        .bind(author)
        .execute(&mut *tx)
        .await?;
    }
    for (name, capacity, notes) in ROOMS {
        sqlx::query(
            "INSERT INTO rooms (name, capacity, accessibility, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(name)
        .bind(capacity)
        .bind(notes)
        .bind(at)
        .execute(&mut *tx)
        .await?;
    }
    for (day, label) in CLOSURES {
        sqlx::query("INSERT INTO closure_days (day, label) VALUES ($1, $2)")
            .bind(day)
            .bind(label)
            .execute(&mut *tx)
            .await?;
    }
    seed_talking_group(&mut tx, tz, at).await?;
    seed_sewing_cycle(&mut tx, tz, at).await?;
    impact::seed(&mut tx, tz, at).await?;
    projects::seed(&mut tx, tz, at).await?;
    tx.commit().await?;
    Ok(true)
}

async fn insert_account(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    role: &str,
    name: &str,
    email: &str,
    hash: &str,
    organisation: Option<&str>,
    at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO users (role, display_name, email, password_hash, organisation, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(role)
    .bind(name)
    .bind(email)
    .bind(hash)
    .bind(organisation)
    .bind(at)
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

/// For real use without demo data: creates the first admin from the given e-mail and
/// password when the database has no admin yet. Returns whether it did.
pub async fn ensure_admin(db: &Db, email: &str, secret: &str) -> Result<bool, AppError> {
    let admins: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE role = 'admin'")
        .fetch_one(db.read())
        .await?;
    if admins > 0 {
        return Ok(false);
    }
    let hash = password::hash(secret.into()).await?;
    let mut tx = db.write().begin().await?;
    insert_account(
        &mut tx,
        "admin",
        "Admin",
        &email.to_lowercase(),
        &hash,
        None,
        now(),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}
