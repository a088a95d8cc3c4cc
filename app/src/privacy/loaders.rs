//! A person's data gathered from every table that refers to them, in a bounded number of
//! statements (one per section).

use crate::{
    db::Db,
    error::AppError,
    guard::{Admin, LoggedIn, Reader, Staff},
    i18n::Locale,
    token::format_code,
    when::sortable_time,
};

use super::{
    AttestationMade, AuditLine, ContributionLine, DeclaredSkill, ErasureRequest, ErasureStanding,
    IdeaLine, KeptLine, LoginLine, PersonRecord, PersonalData, PresenceLine, REQUESTS_SHOWN,
    RecognisedSkill, RegistrationLine, SessionMention, SignedFeedback, ThanksLine, VoteTaken, db,
};

/// The data of whoever asks.
pub(super) async fn my_data_body(reader: Reader<LoggedIn>) -> Result<PersonalData, AppError> {
    gather(reader.db(), reader.viewer().id, reader.locale, reader.tz()).await
}

/// A participant's data for staff: read only for a participant, and audited.
pub(super) async fn participant_data_body(
    reader: Reader<Staff>,
    id: i64,
) -> Result<PersonalData, AppError> {
    let data = participant(reader.db(), id, reader.locale, reader.tz()).await?;
    crate::audit::record(
        reader.db().write(),
        reader.viewer().id,
        "participant.data_view",
        Some(id),
    )
    .await?;
    Ok(data)
}

/// A participant's data, or `NotFound` for anyone else.
pub async fn participant(
    db: &Db,
    id: i64,
    locale: Locale,
    tz: chrono_tz::Tz,
) -> Result<PersonalData, AppError> {
    match db::record(db.read(), id).await? {
        Some(row) if row.role == "participant" => gather(db, id, locale, tz).await,
        _ => Err(AppError::NotFound),
    }
}

/// Everything stored about user `id`.
pub async fn gather(
    db: &Db,
    id: i64,
    locale: Locale,
    tz: chrono_tz::Tz,
) -> Result<PersonalData, AppError> {
    let pool = db.read();
    let at = |moment: i64| sortable_time(moment, tz);
    let row = db::record(pool, id).await?.ok_or(AppError::NotFound)?;
    let record = PersonRecord {
        id: row.id,
        role: row.role,
        name: row.display_name,
        email: row.email,
        organisation: row.organisation,
        card_code: row.login_code.as_deref().map(format_code),
        language: row.locale,
        created_at: at(row.created_at),
        closed_at: row.deactivated_at.map(at),
    };
    let session = |workshop: String, starts_at: i64| SessionMention {
        workshop,
        session: at(starts_at),
    };
    let thanks = |rows: Vec<db::OwnThanksRow>| {
        rows.into_iter()
            .map(|t| ThanksLine {
                project: t.project,
                from: t.sender,
                message: t.message,
                at: at(t.created_at),
            })
            .collect()
    };
    Ok(PersonalData {
        made_at: at(crate::db::now()),
        time_zone: tz.name().to_string(),
        record,
        registrations: db::registrations(pool, id)
            .await?
            .into_iter()
            .map(|(workshop, status, since)| RegistrationLine {
                workshop,
                status,
                since: at(since),
            })
            .collect(),
        attendance: db::attendance(pool, id)
            .await?
            .into_iter()
            .map(|m| PresenceLine {
                workshop: m.workshop,
                session: at(m.starts_at),
                mark: m.mark,
            })
            .collect(),
        absences: db::absences(pool, id)
            .await?
            .into_iter()
            .map(|s| session(s.workshop, s.starts_at))
            .collect(),
        feedback_given: db::feedback_given(pool, id)
            .await?
            .into_iter()
            .map(|s| session(s.workshop, s.starts_at))
            .collect(),
        signed_feedback: db::signed_feedback(pool, id)
            .await?
            .into_iter()
            .map(|f| SignedFeedback {
                workshop: f.workshop,
                session: at(f.starts_at),
                face: f.face,
                comment: f.comment,
            })
            .collect(),
        contributions: db::contributions(pool, id)
            .await?
            .into_iter()
            .map(|c| ContributionLine {
                project: c.project,
                quantity: c.goal.as_ref().map(|_| c.quantity),
                goal: c.goal,
                unit: c.unit,
                minutes: (c.minutes > 0).then_some(c.minutes),
                day: c.done_on,
                note: c.note,
                status: c.status,
            })
            .collect(),
        skills: db::declared_skills(pool, id, locale.code())
            .await?
            .into_iter()
            .map(|(skill, may_ask)| DeclaredSkill {
                skill,
                may_ask: may_ask != 0,
            })
            .collect(),
        recognised_skills: db::recognised_skills(pool, id, locale.code())
            .await?
            .into_iter()
            .map(|(skill, project, day)| RecognisedSkill {
                skill,
                project,
                day,
            })
            .collect(),
        projects: db::projects(pool, id).await?,
        ideas: db::ideas(pool, id)
            .await?
            .into_iter()
            .map(|i| IdeaLine {
                title: i.title,
                description: i.description,
                status: i.status,
                decline_reason: i.decline_reason,
                proposed_at: at(i.created_at),
            })
            .collect(),
        supported_ideas: db::supported_ideas(pool, id).await?,
        votes: db::votes_taken(pool, id)
            .await?
            .into_iter()
            .map(|(round, closes)| VoteTaken {
                round,
                closes_at: at(closes),
            })
            .collect(),
        thanks_received: thanks(db::thanks_received(pool, id).await?),
        attestations: db::attestations(pool, id)
            .await?
            .into_iter()
            .map(|(code, made)| AttestationMade {
                code,
                made_at: at(made),
            })
            .collect(),
        calendar_link_since: db::calendar_link_since(pool, id).await?.map(at),
        logins: db::logins(pool, id)
            .await?
            .into_iter()
            .map(|(started, seen)| LoginLine {
                started: at(started),
                last_seen: at(seen),
            })
            .collect(),
        partner_of: db::partner_of(pool, id).await?,
        thanks_sent: thanks(db::thanks_sent(pool, id).await?),
        kept_after_review: db::reviews_of(pool, id)
            .await?
            .into_iter()
            .map(|(kept_at, by, reason)| KeptLine {
                at: at(kept_at),
                by,
                reason,
            })
            .collect(),
        consents: super::consent::view_of(db, id, tz).await?.history,
        outcomes: crate::outcomes::lines_of(db, id, locale).await?,
        audit: db::audit_about(pool, id)
            .await?
            .into_iter()
            .map(|a| AuditLine {
                at: at(a.at),
                by: a.actor,
                action: a.action,
            })
            .collect(),
    })
}

/// Where participant `id`'s record stands on erasure.
pub(super) async fn erasure_status_body(
    reader: Reader<Staff>,
    id: i64,
) -> Result<ErasureStanding, AppError> {
    let pool = reader.db().read();
    if let Some(at) = db::erased_at(pool, id).await? {
        return Ok(ErasureStanding::Erased(crate::when::sortable_day(
            at,
            reader.tz(),
        )));
    }
    Ok(match db::pending_request_of(pool, id).await? {
        Some(row) => ErasureStanding::Asked(request_of(row, reader.tz())),
        None => ErasureStanding::None,
    })
}

/// The requests waiting for an admin, oldest first.
pub(super) async fn erasure_requests_body(
    reader: Reader<Admin>,
) -> Result<Vec<ErasureRequest>, AppError> {
    Ok(db::pending_requests(reader.db().read(), REQUESTS_SHOWN)
        .await?
        .into_iter()
        .map(|row| request_of(row, reader.tz()))
        .collect())
}

fn request_of(row: db::RequestRow, tz: chrono_tz::Tz) -> ErasureRequest {
    ErasureRequest {
        id: row.id,
        user: row.user_id,
        name: row.name,
        asked_by: row.asked_by,
        reason: row.reason,
        asked_at: sortable_time(row.requested_at, tz),
    }
}
