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

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub use db::{record, record_each};

/// Every action the log records: its filter offers them.
pub const ACTIONS: [&str; 37] = [
    "participant.view",
    "participant.card_view",
    "participant.data_view",
    "participant.data_download",
    "participant.erasure_ask",
    "participant.erasure_refuse",
    "participant.erase",
    "participant.retention_keep",
    "participant.consent",
    "participant.outcome",
    "participant.outcomes_view",
    "report.participants_download",
    "retention.update",
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
    use crate::paging::search_text;
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
    let rows = db::entries(
        reader.db().read(),
        &db::EntryFilter {
            staff: filter.staff,
            action,
            from: moment(&filter.from, false),
            to: moment(&filter.to, true),
            person: &person,
        },
        AUDIT_PER_PAGE + 1,
        (page - 1) * AUDIT_PER_PAGE,
    )
    .await?;
    let more = rows.len() as i64 > AUDIT_PER_PAGE;
    let entries = rows
        .into_iter()
        .take(AUDIT_PER_PAGE as usize)
        .map(|row| AuditEntry {
            at: crate::when::format_time(row.at, tz),
            actor: row.actor,
            action: row.action,
            subject: row.subject,
        })
        .collect();
    let staff = db::staff(reader.db().read()).await?;
    Ok(AuditLog {
        entries,
        page,
        more,
        staff,
    })
}
