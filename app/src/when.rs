//! Moments: stored times (seconds since the epoch, UTC) read in the centre's time zone, and
//! local dates and times turned into moments. Imports no domain.

use chrono::{NaiveDate, NaiveTime, TimeDelta, TimeZone};

/// The moment a local date and time happens in `tz`, as seconds since the epoch. A time
/// that does not exist (the hour skipped when summer time starts) moves an hour later; a
/// time that happens twice (when it ends) is the first.
pub fn local_moment<Z: TimeZone>(tz: &Z, date: NaiveDate, time: NaiveTime) -> Option<i64> {
    let naive = date.and_time(time);
    tz.from_local_datetime(&naive)
        .earliest()
        .or_else(|| {
            tz.from_local_datetime(&(naive + TimeDelta::hours(1)))
                .earliest()
        })
        .map(|t| t.timestamp())
}

/// Formats a stored time (seconds since the epoch) in the centre's time zone.
pub fn format_time(at: i64, tz: chrono_tz::Tz) -> String {
    chrono::DateTime::from_timestamp(at, 0)
        .map(|t| t.with_timezone(&tz).format("%d/%m/%Y %H:%M").to_string())
        .unwrap_or_default()
}

/// A moment as `YYYY-MM-DD HH:MM` in the centre's zone: sortable, and readable as it is.
pub fn sortable_time(at: i64, tz: chrono_tz::Tz) -> String {
    chrono::DateTime::from_timestamp(at, 0)
        .map(|t| t.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

/// The day of a moment as `YYYY-MM-DD` in the centre's zone.
pub fn sortable_day(at: i64, tz: chrono_tz::Tz) -> String {
    chrono::DateTime::from_timestamp(at, 0)
        .map(|t| t.with_timezone(&tz).format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// Today in the centre's zone.
pub fn today(tz: chrono_tz::Tz) -> NaiveDate {
    chrono::Utc::now().with_timezone(&tz).date_naive()
}
