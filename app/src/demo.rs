//! Demo data, seeded on first start of an empty database (unless switched off): the centre,
//! an admin, two social workers, the neonatal unit of a hospital as partner, and twelve
//! participants with access cards. The logins are listed in the README.

use crate::{
    auth::password,
    db::{Db, now},
    error::AppError,
};

pub const CENTRE: &str = "CPAS de Sambreville (démo)";
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

/// Seeds the demo data if the database has no account yet. Returns whether it did.
pub async fn seed_if_empty(db: &Db) -> Result<bool, AppError> {
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
    sqlx::query("INSERT INTO centre (id, name, created_at) VALUES (1, $1, $2)")
        .bind(CENTRE)
        .bind(at)
        .execute(&mut *tx)
        .await?;
    let staff = [(ADMIN, "admin", &admin_hash)]
        .into_iter()
        .chain(WORKERS.map(|w| (w, "worker", &worker_hash)));
    for ((name, email, _), role, hash) in staff {
        insert_account(&mut tx, role, name, email, hash, None, at).await?;
    }
    insert_account(
        &mut tx,
        "partner",
        PARTNER.0,
        PARTNER.1,
        &partner_hash,
        Some(PARTNER.3),
        at,
    )
    .await?;
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
