//! The server side of the workshop pages: what each role may read, from the database.

use crate::guard::Reader;
use crate::guard::{Member, Staff};
use chrono::{Days, NaiveDate};

use super::db::{
    attendance::attendance_totals,
    rooms::{closure_days, closure_days_since, rooms},
    workshops::{active_staff, facilitators_of},
};
use super::session_rows::{Sessions, fetch_sessions};
use super::*;
use crate::db::IDS_AT_ONCE;
use crate::{
    db::{Db, now},
    i18n::Locale,
    paging::Paged,
};

pub(super) async fn list_workshops_body(
    reader: Reader<Member>,
    page: i64,
) -> Result<(Vec<Workshop>, Paged<Workshop>), AppError> {
    if reader.who.role.is_staff() {
        return Ok((Vec::new(), listing::current_workshops(&reader, page).await?));
    }
    Ok((
        listing::my_workshops(&reader).await?,
        listing::open_workshops(&reader, page).await?,
    ))
}

pub(super) async fn staff_workshops_body(
    reader: Reader<Staff>,
    past: bool,
    page: i64,
) -> Result<Paged<Workshop>, AppError> {
    if past {
        listing::past_workshops(&reader, page).await
    } else {
        listing::current_workshops(&reader, page).await
    }
}

pub(super) async fn get_workshop_body(
    reader: Reader<Member>,
    id: i64,
) -> Result<WorkshopView, AppError> {
    let workshop = listing::workshop(&reader, id)
        .await?
        .filter(|w| reader.who.role.is_staff() || w.upcoming > 0 || w.place.is_some())
        .ok_or(AppError::NotFound)?;
    let sessions =
        session_listing::sessions_from(&reader, id, now() - listing::RECENT_SECS).await?;
    Ok(WorkshopView { workshop, sessions })
}

pub(super) async fn staff_workshop_body(
    reader: Reader<Staff>,
    id: i64,
    waiting_page: i64,
) -> Result<StaffWorkshopView, AppError> {
    let workshop = listing::workshop(&reader, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let db = reader.db();
    let (present, marked) = attendance_totals(db.read(), id).await?;
    Ok(StaffWorkshopView {
        sessions: session_listing::sessions_from(&reader, id, now()).await?,
        people: registrants::registered(db, id).await?,
        waiting: registrants::waiting(db, id, waiting_page).await?,
        workshop,
        present,
        marked,
    })
}

pub(super) async fn workshop_history_body(
    reader: Reader<Staff>,
    id: i64,
    sessions_page: i64,
    former_page: i64,
) -> Result<(Workshop, Paged<Session>, Paged<Former>), AppError> {
    let workshop = listing::workshop(&reader, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((
        workshop,
        session_listing::past_sessions(&reader, id, sessions_page).await?,
        registrants::former(reader.db(), id, former_page).await?,
    ))
}

pub(super) async fn workshop_person_body(
    reader: Reader<Staff>,
    id: i64,
    user: i64,
    search: String,
) -> Result<(Workshop, Registrant, Vec<Workshop>), AppError> {
    let workshop = listing::workshop(&reader, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let person = registrants::one(reader.db(), id, user)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((
        workshop,
        person,
        listing::move_targets(&reader, id, &search).await?,
    ))
}

pub(super) async fn list_rooms_body(reader: Reader<Staff>) -> Result<Vec<Room>, AppError> {
    Ok(rooms(reader.db().read()).await?)
}

/// Every closure day, as dates.
pub async fn closure_dates(db: &Db) -> Result<Vec<NaiveDate>, AppError> {
    let days = closure_days(db.read()).await?;
    Ok(days
        .iter()
        .filter_map(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
        .collect())
}

pub(super) async fn list_closures_body(reader: Reader<Staff>) -> Result<Vec<ClosureDay>, AppError> {
    let since = chrono::Utc::now().date_naive() - Days::new(31);
    let rows =
        closure_days_since(reader.db().read(), &since.format("%Y-%m-%d").to_string()).await?;
    Ok(rows
        .into_iter()
        .map(|(day, label)| ClosureDay {
            when: day_in_words(&day, reader.locale),
            day,
            label,
        })
        .collect())
}

/// A `YYYY-MM-DD` date in words ("vendredi 25 décembre 2026").
pub(crate) fn day_in_words(day: &str, locale: Locale) -> String {
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .ok()
        .and_then(|date| date.and_hms_opt(12, 0, 0))
        .map(|noon| locale.format(noon.and_utc().timestamp(), chrono_tz::UTC, "%A %-d %B %Y"))
        .unwrap_or_else(|| day.to_string())
}

pub(super) async fn list_facilitators_body(
    reader: Reader<Staff>,
) -> Result<Vec<(i64, String)>, AppError> {
    Ok(active_staff(reader.db().read()).await?)
}

/// The facilitators of each workshop among `workshops`, by name.
pub(super) async fn facilitator_names(db: &Db, workshop: i64) -> Result<Vec<String>, AppError> {
    Ok(facilitators_of(db.read(), &[workshop])
        .await?
        .into_iter()
        .map(|(_, name)| name)
        .collect())
}

pub(super) async fn clashing_sessions_body(
    reader: Reader<Staff>,
    ids: Vec<i64>,
) -> Result<Vec<(Session, Vec<String>)>, AppError> {
    let mut ids = ids;
    ids.sort_unstable();
    ids.dedup();
    ids.truncate(50);
    let mut out = Vec::new();
    for chunk in ids.chunks(IDS_AT_ONCE) {
        let sessions = fetch_sessions(
            reader.db(),
            reader.who.id,
            Sessions::Ids(chunk),
            reader.locale,
            reader.tz(),
        )
        .await?;
        let workshops: Vec<i64> = sessions.iter().map(|s| s.workshop_id).collect();
        let facilitators = facilitators_of(reader.db().read(), &workshops).await?;
        out.extend(sessions.into_iter().map(|session| {
            let names = facilitators
                .iter()
                .filter(|(workshop, _)| *workshop == session.workshop_id)
                .map(|(_, name)| name.clone())
                .collect();
            (session, names)
        }));
    }
    out.sort_by_key(|(session, _)| (session.date.clone(), session.time.clone(), session.id));
    Ok(out)
}
