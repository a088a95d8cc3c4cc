//! Personal calendar feeds (iCalendar, RFC 5545): a participant's sessions, or the sessions a
//! facilitator leads, at a secret address the person can renew. Times are written in UTC,
//! which every calendar converts to its own zone; moved and cancelled sessions say so.

use axum::{
    extract::{Path, State},
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};

use super::db::calendar::{FeedRow, feed_owner, feed_sessions};
use crate::{db::now, error::AppError, i18n::Locale, reply::error_page, state::AppState};

/// How far back a feed goes.
const FEED_PAST_SECS: i64 = 90 * 24 * 3600;

/// One event of a feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub session: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub summary: String,
    pub location: Option<String>,
    pub description: String,
    pub cancelled: bool,
    /// Changes each time the session is changed, so calendars take the new version.
    pub updated_at: i64,
}

/// Escapes text for an iCalendar value.
fn text(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace('\n', "\\n")
}

/// A content line, folded at 75 octets as the standard asks.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

fn utc(at: i64) -> String {
    chrono::DateTime::from_timestamp(at, 0)
        .map(|t| t.format("%Y%m%dT%H%M%SZ").to_string())
        .unwrap_or_default()
}

/// The whole feed.
pub fn calendar(name: &str, host: &str, tz: &str, events: &[Event]) -> String {
    let mut out = String::new();
    for fixed in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Trame//Trame calendar//FR",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        line(&mut out, fixed);
    }
    line(&mut out, &format!("X-WR-CALNAME:{}", text(name)));
    line(&mut out, &format!("X-WR-TIMEZONE:{tz}"));
    for event in events {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:session-{}@{host}", event.session));
        line(&mut out, &format!("DTSTAMP:{}", utc(event.updated_at)));
        line(
            &mut out,
            &format!("LAST-MODIFIED:{}", utc(event.updated_at)),
        );
        line(
            &mut out,
            &format!("SEQUENCE:{}", event.updated_at.max(0) / 60),
        );
        line(&mut out, &format!("DTSTART:{}", utc(event.starts_at)));
        line(&mut out, &format!("DTEND:{}", utc(event.ends_at)));
        line(&mut out, &format!("SUMMARY:{}", text(&event.summary)));
        if let Some(location) = &event.location {
            line(&mut out, &format!("LOCATION:{}", text(location)));
        }
        if !event.description.is_empty() {
            line(
                &mut out,
                &format!("DESCRIPTION:{}", text(&event.description)),
            );
        }
        let status = if event.cancelled {
            "CANCELLED"
        } else {
            "CONFIRMED"
        };
        line(&mut out, &format!("STATUS:{status}"));
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// GET /calendar/{token}.ics — the feed of the person whose link this is.
pub async fn feed(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    match feed_body(&state, token.trim_end_matches(".ics")).await {
        Ok(body) => {
            let mut response = body.into_response();
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/calendar; charset=utf-8"),
            );
            response
        }
        Err(err) => error_page(Locale::default(), &err),
    }
}

async fn feed_body(state: &AppState, token: &str) -> Result<String, AppError> {
    let owner = feed_owner(state.db.read(), token)
        .await?
        .ok_or(AppError::NotFound)?;
    let locale = owner
        .locale
        .as_deref()
        .and_then(Locale::parse)
        .unwrap_or_default();
    // A participant's sessions are those of their workshops; staff's those they run.
    let rows = feed_sessions(
        state.db.read(),
        owner.id,
        now() - FEED_PAST_SECS,
        &owner.role,
    )
    .await?;
    let tz = state.settings.time_zone;
    let event = |row: FeedRow| {
        let mut notes = Vec::new();
        if let Some(reason) = &row.cancelled_reason {
            notes.push(locale.tv("ical.cancelled_because", &[("reason", reason)]));
        }
        if let Some(first) = row.moved_from {
            notes.push(locale.tv("ical.moved_from", &[("when", &locale.moment(first, tz))]));
        }
        Event {
            session: row.id,
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            summary: match row.cancelled_reason {
                Some(_) => locale.tv("ical.cancelled_summary", &[("title", &row.title)]),
                None => row.title,
            },
            location: row.room,
            description: notes.join("\n"),
            cancelled: row.cancelled_reason.is_some(),
            updated_at: row.updated_at,
        }
    };
    let events: Vec<Event> = rows.into_iter().map(event).collect();
    let host = state
        .settings
        .public_url
        .split("://")
        .nth(1)
        .unwrap_or("trame")
        .trim_end_matches('/')
        .to_string();
    Ok(calendar(&locale.t("ical.name"), &host, tz.name(), &events))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_long_lines_are_folded() {
        assert_eq!(text("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
        let mut out = String::new();
        line(&mut out, &format!("SUMMARY:{}", "é".repeat(60)));
        let lines: Vec<&str> = out.trim_end().split("\r\n").collect();
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.len() <= 75));
        assert!(lines[1..].iter().all(|l| l.starts_with(' ')));
        let unfolded: String = lines
            .iter()
            .enumerate()
            .map(|(i, l)| if i == 0 { *l } else { &l[1..] })
            .collect();
        assert_eq!(unfolded, format!("SUMMARY:{}", "é".repeat(60)));
    }

    #[test]
    fn a_calendar_has_its_events_in_utc_with_their_status() {
        let events = [Event {
            session: 7,
            starts_at: 1_796_144_400,
            ends_at: 1_796_151_600,
            summary: "Couture".into(),
            location: Some("Atelier".into()),
            description: String::new(),
            cancelled: true,
            updated_at: 1_796_000_000,
        }];
        let feed = calendar("Mon agenda", "trame.example", "Europe/Brussels", &events);
        assert!(feed.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(feed.ends_with("END:VCALENDAR\r\n"));
        assert!(feed.contains("\r\nUID:session-7@trame.example\r\n"));
        assert!(feed.contains("\r\nDTSTART:20261201T170000Z\r\n"));
        assert!(feed.contains("\r\nDTEND:20261201T190000Z\r\n"));
        assert!(feed.contains("\r\nSTATUS:CANCELLED\r\n"));
        assert!(feed.contains("\r\nLOCATION:Atelier\r\n"));
    }
}
