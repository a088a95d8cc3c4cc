//! The audit log: every read or change of a participant's record by staff, and every change
//! to an account, with who did it and when. Admins read it; nobody edits it.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

pub mod page;

/// One line of the audit log, as shown to admins.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// When, in the centre's time zone.
    pub at: String,
    pub actor: String,
    /// Translation key suffix, e.g. `participant.view`.
    pub action: String,
    pub subject: Option<String>,
}

/// Records that `actor_id` did `action` to `subject_id`, inside the caller's transaction or
/// on the write pool.
#[cfg(feature = "ssr")]
pub async fn record<'c, E>(
    executor: E,
    actor_id: i64,
    action: &str,
    subject_id: Option<i64>,
) -> Result<(), sqlx::Error>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    sqlx::query("INSERT INTO audit_log (at, actor_id, action, subject_id) VALUES ($1, $2, $3, $4)")
        .bind(crate::db::now())
        .bind(actor_id)
        .bind(action)
        .bind(subject_id)
        .execute(executor)
        .await
        .map(|_| ())
}

/// Records that `actor_id` did `action` to each of `subjects`, ten to a statement, in one
/// transaction.
#[cfg(feature = "ssr")]
pub async fn record_each(
    db: &crate::db::Db,
    actor_id: i64,
    action: &str,
    subjects: &[i64],
) -> Result<(), sqlx::Error> {
    let at = crate::db::now();
    let mut tx = db.write().begin().await?;
    for chunk in subjects.chunks(crate::db::IDS_AT_ONCE) {
        let query = sqlx::query(
            "INSERT INTO audit_log (at, actor_id, action, subject_id) \
             SELECT $1, $2, $3, id FROM users \
             WHERE id IN ($4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        )
        .bind(at)
        .bind(actor_id)
        .bind(action);
        crate::db::padded(chunk)
            .into_iter()
            .fold(query, |query, id| query.bind(id))
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}

/// Every action the log records: its filter offers them.
pub const ACTIONS: [&str; 26] = [
    "participant.view",
    "participant.card_view",
    "participant.create",
    "participant.card_replace",
    "participant.card_unlock",
    "participant.rename",
    "participant.close",
    "participant.reopen",
    "journey.view",
    "account.create",
    "account.deactivate",
    "theme.assisted_proposal",
    "vote.assisted_ballot",
    "workshop.register",
    "workshop.remove",
    "workshop.move",
    "contribution.record_for",
    "contribution.confirm",
    "contribution.decline",
    "account.password",
    "account.pin",
    "account.reset_link",
    "account.password_reset",
    "participant.pin_reset",
    "attestation.make",
    "centre.update",
];

/// What the log is filtered by; empty for no filter.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AuditFilter {
    /// A participant's name (part of it) or card code.
    pub person: String,
    /// A staff member's id.
    pub staff: Option<i64>,
    /// One of [`ACTIONS`].
    pub action: String,
    /// Days `YYYY-MM-DD`, included, in the centre's time zone.
    pub from: String,
    pub to: String,
}

/// A page of the log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditLog {
    pub entries: Vec<AuditEntry>,
    pub page: i64,
    /// There are older entries on the next page.
    pub more: bool,
    /// Staff members who may appear (id, name), for the filter.
    pub staff: Vec<(i64, String)>,
}

/// How many entries a page shows.
pub const AUDIT_PER_PAGE: i64 = 50;

/// A page of the entries matching `filter`, newest first. Admins only.
#[server(endpoint = "audit/list")]
pub async fn list_audit(filter: AuditFilter, page: i64) -> Result<AuditLog, AppError> {
    crate::guard::serve(|reader| list_audit_body(reader, filter, page)).await
}

#[cfg(feature = "ssr")]
async fn list_audit_body(
    reader: crate::guard::Reader<crate::guard::Admin>,
    filter: AuditFilter,
    page: i64,
) -> Result<AuditLog, AppError> {
    use sqlx::FromRow;

    /// An entry as the page reads it.
    #[derive(FromRow)]
    struct EntryRow {
        at: i64,
        actor: String,
        action: String,
        subject: Option<String>,
    }

    use crate::paging::{contains_pattern, search_text};
    let tz = reader.tz();
    // A day's start in the centre's zone; the end of `to` is the start of the next day.
    let moment = |day: &str, after: bool| {
        let date = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
        let date = if after { date.succ_opt()? } else { date };
        crate::when::local_moment(&tz, date, chrono::NaiveTime::MIN)
    };
    let person = search_text(Some(&filter.person));
    let action = if ACTIONS.contains(&filter.action.as_str()) {
        filter.action.as_str()
    } else {
        ""
    };
    // One more than a page: whether there are older entries, without counting them all.
    let rows = sqlx::query(
        "SELECT a.at, actor.display_name AS actor, a.action, subject.display_name AS subject \
         FROM audit_log a JOIN users actor ON actor.id = a.actor_id \
         LEFT JOIN users subject ON subject.id = a.subject_id \
         WHERE ($1 IS NULL OR a.actor_id = $1) AND ($2 = '' OR a.action = $2) \
         AND ($3 IS NULL OR a.at >= $3) AND ($4 IS NULL OR a.at < $4) \
         AND ($5 = '' OR a.subject_id IN (SELECT u.id FROM users u WHERE u.role = 'participant' \
              AND (LOWER(u.display_name) LIKE $6 ESCAPE '\\' OR u.login_code = $7))) \
         ORDER BY a.id DESC LIMIT $8 OFFSET $9",
    )
    .bind(filter.staff)
    .bind(action)
    .bind(moment(&filter.from, false))
    .bind(moment(&filter.to, true))
    .bind(&person)
    .bind(contains_pattern(&person))
    .bind(crate::token::normalise_code(&person))
    .bind(AUDIT_PER_PAGE + 1)
    .bind((page - 1) * AUDIT_PER_PAGE)
    .fetch_all(reader.db().read())
    .await?;
    let more = rows.len() as i64 > AUDIT_PER_PAGE;
    let entries = rows
        .iter()
        .take(AUDIT_PER_PAGE as usize)
        .map(|row| {
            let row = EntryRow::from_row(row)?;
            Ok(AuditEntry {
                at: crate::when::format_time(row.at, tz),
                actor: row.actor,
                action: row.action,
                subject: row.subject,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
    let staff = sqlx::query_as(
        "SELECT id, display_name FROM users WHERE role IN ('admin', 'worker') \
         ORDER BY display_name, id",
    )
    .fetch_all(reader.db().read())
    .await?;
    Ok(AuditLog {
        entries,
        page,
        more,
        staff,
    })
}
