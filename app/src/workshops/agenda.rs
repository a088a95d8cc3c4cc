//! Reads for the agenda (a week or a month of sessions) and a session's attendance sheet.

use super::db::{
    attendance::{SheetTimes, feedback_on, sheet_lines, sheet_times},
    calendar::{calendar_token_of, centre_name},
};
use super::server::{day_in_words, facilitator_names};
use super::session_rows::{Sessions, fetch_sessions};
use super::*;
use crate::access::Role;
use crate::guard::Reader;
use crate::guard::{Member, Staff};
use chrono::{Datelike, Days, Months, NaiveDate, NaiveTime};

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
    let SheetTimes {
        starts_at: starts,
        ends_at: ends,
        free,
    } = sheet_times(reader.db().read(), id).await?;
    let day = format!(
        "{}–{}",
        reader
            .locale
            .format(starts, reader.tz(), "%A %-d %B %Y, %H:%M"),
        reader.locale.format(ends, reader.tz(), "%H:%M")
    );
    // Everyone with a place, and anyone marked before they left.
    let lines = sheet_lines(reader.db().read(), id, session.workshop_id).await?;
    let feedback_rows = feedback_on(reader.db().read(), id).await?;
    let mut faces = [0; 3];
    let mut feedback = Vec::new();
    for row in feedback_rows {
        let face = row.face.clamp(0, 2) as usize;
        faces[face] += 1;
        if !row.comment.is_empty() {
            feedback.push(Feedback {
                face: face as u32,
                comment: row.comment,
                signed: row.signed,
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
        calendar_token_of(reader.db().read(), reader.who.id)
            .await?
            .map(|token| {
                format!(
                    "{}/calendar/{token}.ics",
                    reader.state.settings.public_url.trim_end_matches('/')
                )
            })
    };
    let centre = centre_name(reader.db().read()).await?.unwrap_or_default();
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
