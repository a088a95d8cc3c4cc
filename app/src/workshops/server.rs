//! The server side of the workshop pages: what each role may read, from the database.

use crate::access::{Member, Staff};
use crate::request::Reader;
use chrono::{Datelike, Days, Months, NaiveDate, NaiveTime};
use sqlx::{Row, any::AnyRow};

use super::*;
use crate::{
    access::Role,
    db::{Db, now},
    i18n::Locale,
    paging::Paged,
};

/// The query of sessions whose `WHERE` is `$cond`: `$1` is the viewer (their absences and
/// feedback), the condition's own parameters follow.
macro_rules! sessions_where {
    ($cond:literal) => {
        concat!(
            "SELECT s.id, s.workshop_id, w.title, w.pictogram, s.starts_at, s.ends_at, \
             r.name AS room, s.cancelled_reason, s.moved_from, \
             (SELECT COUNT(*) FROM session_absences a \
              WHERE a.session_id = s.id AND a.user_id = $1) AS away, \
             (SELECT COUNT(*) FROM feedback_givers f \
              WHERE f.session_id = s.id AND f.user_id = $1) AS given \
             FROM workshop_sessions s JOIN workshops w ON w.id = s.workshop_id \
             LEFT JOIN rooms r ON r.id = s.room_id WHERE ",
            $cond,
            " ORDER BY s.starts_at, s.id"
        )
    };
}

/// How many ids one statement takes (`$2` to `$11`); see [`padded`].
const IDS_AT_ONCE: usize = 10;

/// Ten ids for `IN ($2, …, $11)` from at most ten: a short list repeats its first id, which
/// `IN` counts once.
fn padded(ids: &[i64]) -> [i64; IDS_AT_ONCE] {
    std::array::from_fn(|i| ids.get(i).or(ids.first()).copied().unwrap_or_default())
}

/// Which sessions [`fetch_sessions`] reads.
pub enum Sessions<'a> {
    /// These (at most ten).
    Ids(&'a [i64]),
    /// Starting from `from` until before `until`, of every workshop.
    Between(i64, i64),
    /// The same, of the workshops the viewer has a place in.
    TheirsBetween(i64, i64),
    /// The same, of the workshops the viewer runs.
    RunBetween(i64, i64),
}

/// A session row in words.
pub fn session_of(row: &AnyRow, locale: Locale, tz: chrono_tz::Tz) -> Result<Session, sqlx::Error> {
    let starts_at: i64 = row.try_get("starts_at")?;
    let ends_at: i64 = row.try_get("ends_at")?;
    let pictogram: String = row.try_get("pictogram")?;
    Ok(Session {
        id: row.try_get("id")?,
        workshop_id: row.try_get("workshop_id")?,
        workshop: row.try_get("title")?,
        pictogram: Pictogram::parse(&pictogram).unwrap_or(Pictogram::Other),
        when: locale.span(starts_at, ends_at, tz),
        date: locale.format(starts_at, tz, "%Y-%m-%d"),
        time: locale.format(starts_at, tz, "%H:%M"),
        minutes: (ends_at - starts_at) / 60,
        room: row.try_get("room")?,
        cancelled: row.try_get("cancelled_reason")?,
        moved_from: row
            .try_get::<Option<i64>, _>("moved_from")?
            .map(|at| locale.moment(at, tz)),
        past: starts_at <= now(),
        away: row.try_get::<i64, _>("away")? > 0,
        feedback_given: row.try_get::<i64, _>("given")? > 0,
    })
}

/// The sessions `which` says, in time order, as `viewer` sees them.
pub async fn fetch_sessions(
    db: &Db,
    viewer: i64,
    which: Sessions<'_>,
    locale: Locale,
    tz: chrono_tz::Tz,
) -> Result<Vec<Session>, AppError> {
    let query = match which {
        Sessions::Ids(ids) => padded(ids).into_iter().fold(
            sqlx::query(sessions_where!(
                "s.id IN ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
            ))
            .bind(viewer),
            |query, id| query.bind(id),
        ),
        Sessions::Between(from, until) => {
            sqlx::query(sessions_where!("s.starts_at >= $2 AND s.starts_at < $3"))
                .bind(viewer)
                .bind(from)
                .bind(until)
        }
        Sessions::TheirsBetween(from, until) => sqlx::query(sessions_where!(
            "s.starts_at >= $2 AND s.starts_at < $3 AND s.workshop_id IN \
             (SELECT workshop_id FROM registrations WHERE user_id = $1 AND status = 'registered')"
        ))
        .bind(viewer)
        .bind(from)
        .bind(until),
        Sessions::RunBetween(from, until) => sqlx::query(sessions_where!(
            "s.starts_at >= $2 AND s.starts_at < $3 AND s.workshop_id IN \
             (SELECT workshop_id FROM workshop_facilitators WHERE user_id = $1)"
        ))
        .bind(viewer)
        .bind(from)
        .bind(until),
    };
    let rows = query.fetch_all(db.read()).await?;
    Ok(rows
        .iter()
        .map(|row| session_of(row, locale, tz))
        .collect::<Result<_, _>>()?)
}

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
    let sessions = listing::sessions_from(&reader, id, now() - listing::RECENT_SECS).await?;
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
    let (present, marked): (i64, i64) = sqlx::query_as(
        "SELECT COALESCE(SUM(CASE WHEN a.mark = 'present' THEN 1 ELSE 0 END), 0), COUNT(*) \
         FROM attendance a JOIN workshop_sessions s ON s.id = a.session_id \
         WHERE s.workshop_id = $1",
    )
    .bind(id)
    .fetch_one(db.read())
    .await?;
    Ok(StaffWorkshopView {
        sessions: listing::sessions_from(&reader, id, now()).await?,
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
        listing::past_sessions(&reader, id, sessions_page).await?,
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
    let rows: Vec<(i64, String, i64, String)> =
        sqlx::query_as("SELECT id, name, capacity, accessibility FROM rooms ORDER BY name")
            .fetch_all(reader.db().read())
            .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, capacity, accessibility)| Room {
            id,
            name,
            capacity,
            accessibility,
        })
        .collect())
}

/// Every closure day, as dates.
pub async fn closure_dates(db: &Db) -> Result<Vec<NaiveDate>, AppError> {
    let days: Vec<String> = sqlx::query_scalar("SELECT day FROM closure_days")
        .fetch_all(db.read())
        .await?;
    Ok(days
        .iter()
        .filter_map(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
        .collect())
}

pub(super) async fn list_closures_body(reader: Reader<Staff>) -> Result<Vec<ClosureDay>, AppError> {
    let since = chrono::Utc::now().date_naive() - Days::new(31);
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT day, label FROM closure_days WHERE day >= $1 ORDER BY day")
            .bind(since.format("%Y-%m-%d").to_string())
            .fetch_all(reader.db().read())
            .await?;
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
    Ok(sqlx::query_as(
        "SELECT id, display_name FROM users WHERE role IN ('worker', 'admin') \
         AND deactivated_at IS NULL ORDER BY display_name",
    )
    .fetch_all(reader.db().read())
    .await?)
}

/// The facilitators of each workshop among `workshops`, by name.
async fn facilitator_names(db: &Db, workshop: i64) -> Result<Vec<String>, AppError> {
    Ok(facilitators_of(db, &[workshop])
        .await?
        .into_iter()
        .map(|(_, name)| name)
        .collect())
}

/// The facilitators of at most ten workshops, as `(workshop, name)`, by name.
async fn facilitators_of(db: &Db, workshops: &[i64]) -> Result<Vec<(i64, String)>, AppError> {
    Ok(padded(workshops)
        .into_iter()
        .fold(
            sqlx::query_as(
                "SELECT f.workshop_id, u.display_name FROM workshop_facilitators f \
                 JOIN users u ON u.id = f.user_id \
                 WHERE f.workshop_id IN ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
                 ORDER BY u.display_name",
            ),
            |query, id| query.bind(id),
        )
        .fetch_all(db.read())
        .await?)
}

pub(super) async fn clashing_sessions_body(
    reader: Reader<Staff>,
    ids: Vec<i64>,
) -> Result<Vec<(Session, Vec<String>)>, AppError> {
    let mut out = Vec::new();
    let ids = &ids[..ids.len().min(50)];
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
        let facilitators = facilitators_of(reader.db(), &workshops).await?;
        out.extend(sessions.into_iter().map(|session| {
            let names = facilitators
                .iter()
                .filter(|(workshop, _)| *workshop == session.workshop_id)
                .map(|(_, name)| name.clone())
                .collect();
            (session, names)
        }));
    }
    Ok(out)
}

pub(super) async fn attendance_sheet_body(
    reader: Reader<Staff>,
    id: i64,
) -> Result<Sheet, AppError> {
    let session = fetch_sessions(
        reader.db(),
        reader.who.id,
        Sessions::Ids(&[id]),
        reader.locale,
        reader.tz(),
    )
    .await?
    .pop()
    .ok_or(AppError::NotFound)?;
    let facilitators = facilitator_names(reader.db(), session.workshop_id).await?;
    let (starts, ends, free): (i64, i64, i64) = sqlx::query_as(
        "SELECT s.starts_at, s.ends_at, w.capacity - (SELECT COUNT(*) FROM registrations r \
          WHERE r.workshop_id = w.id AND r.status = 'registered') \
         FROM workshop_sessions s JOIN workshops w ON w.id = s.workshop_id WHERE s.id = $1",
    )
    .bind(id)
    .fetch_one(reader.db().read())
    .await?;
    let day = format!(
        "{}–{}",
        reader
            .locale
            .format(starts, reader.tz(), "%A %-d %B %Y, %H:%M"),
        reader.locale.format(ends, reader.tz(), "%H:%M")
    );
    // Everyone with a place, and anyone marked before they left.
    let rows: Vec<(i64, String, Option<String>, i64)> = sqlx::query_as(
        "SELECT u.id, u.display_name, \
         (SELECT a.mark FROM attendance a WHERE a.session_id = $1 AND a.user_id = u.id), \
         (SELECT COUNT(*) FROM session_absences b WHERE b.session_id = $1 AND b.user_id = u.id) \
         FROM users u WHERE u.id IN (SELECT user_id FROM registrations \
          WHERE workshop_id = $2 AND status = 'registered') \
         OR u.id IN (SELECT user_id FROM attendance WHERE session_id = $1) \
         ORDER BY u.display_name",
    )
    .bind(id)
    .bind(session.workshop_id)
    .fetch_all(reader.db().read())
    .await?;
    let lines = rows
        .into_iter()
        .map(|(user_id, name, mark, away)| SheetLine {
            user_id,
            name,
            mark: mark.unwrap_or_default(),
            away: away > 0,
        })
        .collect();
    let feedback_rows: Vec<(i64, String, Option<String>)> = sqlx::query_as(
        "SELECT f.face, f.comment, u.display_name FROM session_feedback f \
         LEFT JOIN users u ON u.id = f.signed_by WHERE f.session_id = $1 \
         ORDER BY f.face DESC, f.comment",
    )
    .bind(id)
    .fetch_all(reader.db().read())
    .await?;
    let mut faces = [0; 3];
    let mut feedback = Vec::new();
    for (face, comment, signed) in feedback_rows {
        let face = face.clamp(0, 2) as usize;
        faces[face] += 1;
        if !comment.is_empty() {
            feedback.push(Feedback {
                face: face as u32,
                comment,
                signed,
            });
        }
    }
    Ok(Sheet {
        session,
        day,
        free: free.max(0),
        facilitators,
        lines,
        faces,
        feedback,
    })
}

/// A period of an agenda: a week from its Monday, or a month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Week(NaiveDate),
    Month(NaiveDate),
}

impl Period {
    /// `YYYY-MM` is a month and `month` this month; a date is the week it falls in;
    /// anything else, or a year outside [`Period::YEARS`], this week.
    pub fn parse(text: &str, today: NaiveDate) -> Period {
        let monday =
            |date: NaiveDate| date - Days::new(u64::from(date.weekday().num_days_from_monday()));
        let sensible = |date: &NaiveDate| Period::YEARS.contains(&date.year());
        if text == "month" {
            Period::Month(today.with_day(1).unwrap_or(today))
        } else if let Some(date) = NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d")
            .ok()
            .filter(sensible)
        {
            Period::Month(date)
        } else if let Some(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .ok()
            .filter(sensible)
        {
            Period::Week(monday(date))
        } else {
            Period::Week(monday(today))
        }
    }

    /// The years an agenda can show: far enough for any centre's history and plans, and far
    /// from the ends of the calendar, where moving a week or a month on would overflow.
    pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2999;

    /// The month the period starts in, as it is written in addresses.
    pub fn month(self) -> String {
        match self {
            Period::Week(day) | Period::Month(day) => day.format("%Y-%m").to_string(),
        }
    }

    /// The first day and the day after the last.
    pub fn bounds(self) -> (NaiveDate, NaiveDate) {
        match self {
            Period::Week(monday) => (monday, monday + Days::new(7)),
            Period::Month(first) => (first, first + Months::new(1)),
        }
    }

    /// The periods before and after, as they are written in addresses.
    pub fn neighbours(self) -> (String, String) {
        match self {
            Period::Week(monday) => (
                (monday - Days::new(7)).format("%Y-%m-%d").to_string(),
                (monday + Days::new(7)).format("%Y-%m-%d").to_string(),
            ),
            Period::Month(first) => (
                (first - Months::new(1)).format("%Y-%m").to_string(),
                (first + Months::new(1)).format("%Y-%m").to_string(),
            ),
        }
    }
}

pub(super) async fn get_agenda_body(
    reader: Reader<Member>,
    period: String,
    everyone: bool,
) -> Result<Agenda, AppError> {
    let tz = reader.tz();
    let today = chrono::Utc::now().with_timezone(&tz).date_naive();
    let period = Period::parse(&period, today);
    let (first, after) = period.bounds();
    let midnight =
        |date: NaiveDate| crate::when::local_moment(&tz, date, NaiveTime::MIN).unwrap_or_default();
    let (from, until) = (midnight(first), midnight(after));
    let which = if everyone {
        Sessions::Between(from, until)
    } else if reader.who.role == Role::Participant {
        Sessions::TheirsBetween(from, until)
    } else {
        Sessions::RunBetween(from, until)
    };
    let sessions = fetch_sessions(reader.db(), reader.who.id, which, reader.locale, tz).await?;
    let mut days: Vec<(String, Vec<Session>)> = Vec::new();
    for session in sessions {
        let day = day_in_words(&session.date, reader.locale);
        match days.last_mut() {
            Some((last, list)) if *last == day => list.push(session),
            _ => days.push((day, vec![session])),
        }
    }
    let locale = reader.locale;
    let title = match period {
        Period::Week(monday) => locale.tv(
            "agenda.week_of",
            &[(
                "day",
                &day_in_words(&monday.format("%Y-%m-%d").to_string(), locale),
            )],
        ),
        Period::Month(first) => {
            let noon = first.and_hms_opt(12, 0, 0).unwrap_or_default();
            locale.format(noon.and_utc().timestamp(), chrono_tz::UTC, "%B %Y")
        }
    };
    let (previous, next) = period.neighbours();
    let month = period.month();
    let feed = if everyone {
        None
    } else {
        sqlx::query_scalar::<_, String>("SELECT token FROM calendar_links WHERE user_id = $1")
            .bind(reader.who.id)
            .fetch_optional(reader.db().read())
            .await?
            .map(|token| {
                format!(
                    "{}/calendar/{token}.ics",
                    reader.state.settings.public_url.trim_end_matches('/')
                )
            })
    };
    let centre: String = sqlx::query_scalar("SELECT name FROM centre WHERE id = 1")
        .fetch_optional(reader.db().read())
        .await?
        .unwrap_or_default();
    Ok(Agenda {
        centre,
        title,
        month,
        previous,
        next,
        days,
        feed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn agenda_periods_are_weeks_from_monday_or_months() {
        let today = date(2026, 11, 22);
        assert_eq!(Period::parse("", today), Period::Week(date(2026, 11, 16)));
        assert_eq!(
            Period::parse("2026-12-03", today),
            Period::Week(date(2026, 11, 30))
        );
        assert_eq!(
            Period::parse("2026-12", today),
            Period::Month(date(2026, 12, 1))
        );
        assert_eq!(
            Period::parse("month", today),
            Period::Month(date(2026, 11, 1))
        );
        assert_eq!(
            Period::parse("nonsense", today),
            Period::Week(date(2026, 11, 16))
        );
        assert_eq!(
            Period::Month(date(2026, 12, 1)).bounds(),
            (date(2026, 12, 1), date(2027, 1, 1))
        );
        assert_eq!(
            Period::Week(date(2026, 11, 30)).neighbours(),
            ("2026-11-23".to_string(), "2026-12-07".to_string())
        );
        assert_eq!(
            Period::Month(date(2026, 1, 1)).neighbours(),
            ("2025-12".to_string(), "2026-02".to_string())
        );
        assert_eq!(Period::Week(date(2026, 11, 30)).month(), "2026-11");
    }

    #[test]
    fn odd_periods_are_this_week_and_never_panic() {
        let today = date(2026, 11, 22);
        let this_week = Period::Week(date(2026, 11, 16));
        for text in [
            "+262142-12",
            "+262142-12-31",
            "-262143-01",
            "9999-12",
            "0001-01-01",
            "2026\u{200b}-12",
            "\u{202e}2026-12",
            "2026-12-",
            "é",
        ] {
            let period = Period::parse(text, today);
            assert_eq!(period, this_week, "{text}");
            let _ = (period.bounds(), period.neighbours(), period.month());
        }
        for edge in ["1900-01", "2999-12", "1900-01-01", "2999-12-31"] {
            let period = Period::parse(edge, today);
            assert_ne!(period, this_week, "{edge}");
            let _ = (period.bounds(), period.neighbours(), period.month());
        }
    }
}
