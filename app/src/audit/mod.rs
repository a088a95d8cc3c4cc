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

/// The most recent 200 entries, newest first. Admins only.
#[server(endpoint = "audit/list")]
pub async fn list_audit() -> Result<Vec<AuditEntry>, AppError> {
    crate::error::with_status(list_audit_body()).await
}

#[cfg(feature = "ssr")]
async fn list_audit_body() -> Result<Vec<AuditEntry>, AppError> {
    use sqlx::Row;
    let viewer = crate::request::require_viewer()?;
    viewer.require(&[crate::auth::Role::Admin])?;
    let state = crate::state::app_state()?;
    let rows = sqlx::query(
        "SELECT a.at, actor.display_name AS actor, a.action, subject.display_name AS subject \
         FROM audit_log a JOIN users actor ON actor.id = a.actor_id \
         LEFT JOIN users subject ON subject.id = a.subject_id \
         ORDER BY a.id DESC LIMIT 200",
    )
    .fetch_all(state.db.read())
    .await?;
    rows.iter()
        .map(|row| {
            Ok(AuditEntry {
                at: crate::people::format_time(row.try_get("at")?, state.settings.time_zone),
                actor: row.try_get("actor")?,
                action: row.try_get("action")?,
                subject: row.try_get("subject")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(AppError::from)
}
