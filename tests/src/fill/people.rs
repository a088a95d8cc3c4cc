//! People: participants with access cards (some closed), social workers, partners, the
//! skills people declared, and the audit log of staff reads and changes.

use sqlx::AnyConnection;

use super::{Centre, DAY, rows};

const FIRST_NAMES: [&str; 24] = [
    "Amina", "Jean", "Fatou", "Marc", "Lucie", "Nadia", "Olivier", "Rosa", "Yves", "Ahmed",
    "Sarah", "Mehdi", "Julie", "Kevin", "Aïcha", "Thomas", "Inès", "Pierre", "Zoé", "Youssef",
    "Chantal", "Bruno", "Leïla", "Dimitri",
];

/// A card code no demo card has: six characters of the printed alphabet, from a number.
fn code(n: usize) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut n = n + 32_usize.pow(5);
    let mut code = Vec::new();
    for _ in 0..6 {
        code.push(ALPHABET[n % 32]);
        n /= 32;
    }
    code.reverse();
    String::from_utf8(code).unwrap_or_default()
}

pub async fn fill(conn: &mut AnyConnection, centre: &mut Centre) -> Result<(), sqlx::Error> {
    let pin_hash: String =
        sqlx::query_scalar("SELECT pin_hash FROM users WHERE login_code = 'AMN4KP'")
            .fetch_one(&mut *conn)
            .await?;
    let worker_hash: String =
        sqlx::query_scalar("SELECT password_hash FROM users WHERE email = 'sophie@trame.demo'")
            .fetch_one(&mut *conn)
            .await?;
    let before = rows::last_id(conn, "users").await?;
    let participants = centre.count(2000.0, 20);
    let mut people = Vec::new();
    for n in 0..participants {
        let created = centre.rng.between(centre.start, centre.now - DAY);
        let closed = centre
            .rng
            .chance(15)
            .then(|| centre.rng.between(created, centre.now));
        let name = format!(
            "{} {}",
            centre.rng.pick(&FIRST_NAMES),
            (b'A' + (n % 26) as u8) as char
        );
        people.push(row![
            "participant",
            name,
            code(n),
            pin_hash.clone(),
            created,
            closed
        ]);
    }
    let columns = [
        "role",
        "display_name",
        "login_code",
        "pin_hash",
        "created_at",
        "deactivated_at",
    ];
    rows::insert(conn, "users", &columns, people).await?;
    let workers = centre.count(8.0, 1);
    let partners = centre.count(6.0, 1);
    let mut staff = Vec::new();
    for n in 0..workers {
        staff.push(row![
            "worker",
            format!("Assistant·e {n}"),
            format!("worker{n}@bench.example"),
            worker_hash.clone(),
            None::<String>,
            centre.start
        ]);
    }
    for n in 0..partners {
        staff.push(row![
            "partner",
            format!("Partenaire {n}"),
            format!("partner{n}@bench.example"),
            worker_hash.clone(),
            Some(format!("Organisation partenaire {n}")),
            centre.start
        ]);
    }
    let columns = [
        "role",
        "display_name",
        "email",
        "password_hash",
        "organisation",
        "created_at",
    ];
    rows::insert(conn, "users", &columns, staff).await?;
    let by_role = |role: &'static str| {
        sqlx::query_scalar::<_, i64>(
            "SELECT id FROM users WHERE role = $1 AND deactivated_at IS NULL ORDER BY id",
        )
        .bind(role)
    };
    centre.participants = by_role("participant").fetch_all(&mut *conn).await?;
    centre.workers = by_role("worker").fetch_all(&mut *conn).await?;
    centre.partners = by_role("partner").fetch_all(&mut *conn).await?;
    centre.amina = sqlx::query_scalar("SELECT id FROM users WHERE login_code = 'AMN4KP'")
        .fetch_one(&mut *conn)
        .await?;
    centre.skills = sqlx::query_scalar("SELECT id FROM skills ORDER BY id")
        .fetch_all(&mut *conn)
        .await?;
    let mut declared = Vec::new();
    let newcomers: Vec<i64> = rows::ids_after(conn, "users", before).await?;
    for user in newcomers
        .iter()
        .filter(|id| centre.participants.contains(id))
    {
        let count = centre.rng.below(4);
        for skill in centre.rng.sample(&centre.skills.clone(), count) {
            let may_ask = i64::from(centre.rng.chance(50));
            declared.push(row![*user, skill, may_ask]);
        }
    }
    rows::insert(
        conn,
        "user_skills",
        &["user_id", "skill_id", "may_ask"],
        declared,
    )
    .await
}

/// Three years of staff reads and changes of participants' records.
pub async fn audit(conn: &mut AnyConnection, centre: &mut Centre) -> Result<(), sqlx::Error> {
    const ACTIONS: [&str; 6] = [
        "participant.view",
        "journey.view",
        "participant.card_view",
        "participant.rename",
        "registration.assist",
        "contribution.record_for",
    ];
    let mut entries = Vec::new();
    for _ in 0..centre.count(50_000.0, 100) {
        let at = centre.rng.between(centre.start, centre.now);
        let actor = *centre.rng.pick(&centre.workers);
        let subject = *centre.rng.pick(&centre.participants);
        entries.push(row![at, actor, *centre.rng.pick(&ACTIONS), subject]);
    }
    entries.sort_by_key(|row| match row[0] {
        rows::Value::Int(at) => at,
        _ => 0,
    });
    rows::insert(
        conn,
        "audit_log",
        &["at", "actor_id", "action", "subject_id"],
        entries,
    )
    .await
}
