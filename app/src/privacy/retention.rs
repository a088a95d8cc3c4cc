//! Retention: records without activity for the set number of months come up for review (a
//! social worker erases them, through the erasure request, or keeps them with a reason), and
//! a daily task purges what has served its time: the audit log past its months, and expired
//! sessions, spent login throttling, reset links and drafts.

use axum::{
    extract::{Form, Path, State, rejection::FormRejection},
    response::Response,
};
use chrono::Months;
use serde::Deserialize;

use super::db;
use crate::{
    db::{Db, now},
    error::AppError,
    forms::{Refill, number_in, send_back, short_text},
    guard::{Admin, Staff},
    notices::{Done, Problem},
    reply::{Ctx, parse_form, see_other},
    state::{AppState, Settings},
};

/// The moment `months` months before `at` (at itself if that cannot be computed).
pub fn months_before(at: i64, months: i64) -> i64 {
    chrono::DateTime::from_timestamp(at, 0)
        .and_then(|t| t.checked_sub_months(Months::new(u32::try_from(months).ok()?)))
        .map_or(at, |t| t.timestamp())
}

/// What the daily purge removed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Purged {
    pub audit_entries: u64,
}

/// The daily purge, as of `at`: audit entries older than the set months, expired sessions,
/// spent login throttling, used or expired reset links and drafts past their time.
pub async fn purge(db: &Db, settings: &Settings, at: i64) -> Result<Purged, sqlx::Error> {
    let (_, audit_months) = db::settings(db.read()).await?;
    let audit_entries =
        crate::audit::db::purge_before(db.write(), months_before(at, audit_months)).await?;
    crate::auth::session::forget_expired(db, settings).await?;
    crate::auth::throttle::forget_spent(db, at).await?;
    crate::people::db::delete_spent_reset_links(db.write(), at).await?;
    crate::draft::forget_expired(db, at).await?;
    Ok(Purged { audit_entries })
}

/// What the settings form posts.
#[derive(Deserialize)]
pub struct RetentionPost {
    #[serde(default)]
    inactive_months: String,
    #[serde(default)]
    audit_months: String,
}

impl Refill for RetentionPost {
    fn refill(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("inactive_months", self.inactive_months.trim()),
            ("audit_months", self.audit_months.trim()),
        ]
    }
}

/// POST /admin/retention — an admin sets how long records and the audit log are kept.
pub async fn save_settings(
    State(state): State<AppState>,
    ctx: Ctx,
    Admin(viewer): Admin,
    form: Result<Form<RetentionPost>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let months = super::RETENTION_MONTHS;
        let (Some(inactive), Some(audit)) = (
            number_in(form.inactive_months.trim(), months.clone()),
            number_in(form.audit_months.trim(), months),
        ) else {
            return Ok(send_back(
                "/staff/retention",
                Problem::RetentionMonths,
                &form,
                "",
                "settings",
            ));
        };
        let mut tx = state.db.write().begin().await?;
        db::save_settings(&mut tx, inactive, audit).await?;
        crate::audit::record(&mut *tx, viewer.id, "retention.update", None).await?;
        tx.commit().await?;
        Ok(see_other(&format!(
            "/staff/retention?ok={done}#settings",
            done = Done::RetentionSaved
        )))
    }
    .await;
    ctx.reply(result)
}

/// What the "keep" form posts.
#[derive(Deserialize)]
pub struct KeepPost {
    #[serde(default)]
    reason: String,
}

impl Refill for KeepPost {
    fn refill(&self) -> Vec<(&'static str, &str)> {
        vec![("reason", self.reason.trim())]
    }
}

/// POST /staff/retention/{id}/keep — a social worker reviewed the record and keeps it.
pub async fn keep(
    State(state): State<AppState>,
    ctx: Ctx,
    Staff(viewer): Staff,
    Path(id): Path<i64>,
    form: Result<Form<KeepPost>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let sent_back = |problem| {
            send_back(
                "/staff/retention",
                problem,
                &form,
                &format!("&keep={id}"),
                &format!("record-{id}"),
            )
        };
        if !db::is_live_participant(state.db.read(), id).await? {
            return Err(AppError::NotFound);
        }
        let reason = form.reason.trim();
        if reason.is_empty() {
            return Ok(sent_back(Problem::KeepReasonMissing));
        }
        let Some(reason) = short_text(reason, super::ERASURE_REASON_MAX) else {
            return Ok(sent_back(Problem::KeepReasonTooLong));
        };
        let mut tx = state.db.write().begin().await?;
        db::insert_review(&mut tx, id, viewer.id, &reason, now()).await?;
        crate::audit::record(&mut *tx, viewer.id, "participant.retention_keep", Some(id)).await?;
        tx.commit().await?;
        Ok(see_other(&format!(
            "/staff/retention?ok={done}",
            done = Done::RecordKept
        )))
    }
    .await;
    ctx.reply(result)
}

/// A page of the records to review, with the settings.
pub(super) async fn review_body(
    reader: crate::guard::Reader<Staff>,
    page: i64,
) -> Result<super::RetentionView, AppError> {
    use crate::paging::{Paged, window};
    let pool = reader.db().read();
    let (inactive_months, audit_months) = db::settings(pool).await?;
    let before = months_before(now(), inactive_months);
    let total = db::count_dormant(pool, before).await?;
    let per_page = super::DORMANT_PER_PAGE;
    let (page, pages, skip) = window(page, total, per_page);
    let tz = reader.tz();
    let items = db::dormant(pool, before, per_page, skip)
        .await?
        .into_iter()
        .map(|row| super::Dormant {
            id: row.id,
            name: row.display_name,
            last: crate::when::sortable_day(row.last_at, tz),
        })
        .collect();
    Ok(super::RetentionView {
        inactive_months,
        audit_months,
        records: Paged {
            items,
            page,
            pages,
            total,
            per_page,
        },
        may_set: reader.viewer().role == crate::access::Role::Admin,
    })
}
