//! Workshops: a cycle of sessions people register for once, an open recurring group, or a
//! one-off. Sessions come from a rule (`recurrence`) in the centre's time zone; rooms and
//! facilitators are never booked twice without a social worker saying so (`booking`);
//! registration keeps to the capacity, with a waiting list in order of arrival; attendance
//! is taken per session; everyone has a printable agenda and a calendar feed (`ical`).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{error::AppError, paging::Paged, themes::Pictogram};

pub mod agenda_page;
pub mod attendance_page;
pub mod page;
pub mod people_page;
pub mod planning_form;
pub mod rooms_page;
pub mod staff_page;
pub mod views;

#[cfg(feature = "ssr")]
pub mod attendance;
#[cfg(feature = "ssr")]
pub mod booking;
#[cfg(feature = "ssr")]
pub mod forms;
#[cfg(feature = "ssr")]
pub mod from_vote;
#[cfg(feature = "ssr")]
pub mod handlers;
#[cfg(feature = "ssr")]
pub mod ical;
#[cfg(feature = "ssr")]
pub mod listing;
#[cfg(feature = "ssr")]
pub mod recurrence;
#[cfg(feature = "ssr")]
pub mod registrants;
#[cfg(feature = "ssr")]
pub mod registration;
#[cfg(feature = "ssr")]
pub mod rooms;
#[cfg(feature = "ssr")]
pub mod session_listing;
#[cfg(feature = "ssr")]
pub mod sessions;

/// How people take part in a workshop.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    /// Register once for all the sessions.
    Cycle,
    /// Come when you like (a monthly talking group); registering keeps you informed.
    Open,
    /// A single session.
    OneOff,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Cycle, Kind::Open, Kind::OneOff];

    pub fn key(self) -> &'static str {
        match self {
            Kind::Cycle => "cycle",
            Kind::Open => "open",
            Kind::OneOff => "oneoff",
        }
    }

    pub fn parse(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// A participant's place in a workshop.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Place {
    Registered,
    /// On the waiting list, at this position (1 is next).
    Waiting(i64),
}

/// One session, as shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub id: i64,
    pub workshop_id: i64,
    pub workshop: String,
    pub pictogram: Pictogram,
    /// "mardi 8 décembre, 14:00–16:00", in the viewer's language and the centre's zone.
    pub when: String,
    /// The start as `YYYY-MM-DD` and `HH:MM` in the centre's zone (for forms and grouping).
    pub date: String,
    pub time: String,
    pub minutes: i64,
    pub room: Option<String>,
    /// Why it was cancelled, if it was.
    pub cancelled: Option<String>,
    /// When it was first planned, if it was moved.
    pub moved_from: Option<String>,
    pub past: bool,
    /// The viewer said they cannot come.
    pub away: bool,
    /// The viewer has given feedback on it.
    pub feedback_given: bool,
}

/// A workshop, as listed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workshop {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub pictogram: Pictogram,
    pub kind: Kind,
    pub capacity: i64,
    pub registered: i64,
    pub waiting: i64,
    pub room_id: Option<i64>,
    pub room: Option<String>,
    pub facilitators: Vec<(i64, String)>,
    /// The next session to come, in words.
    pub next: Option<String>,
    /// Sessions still to come (not cancelled).
    pub upcoming: i64,
    /// The viewer's place, for participants.
    pub place: Option<Place>,
}

impl Workshop {
    pub fn is_full(&self) -> bool {
        self.registered >= self.capacity
    }
}

/// Someone registered or waiting, with their attendance so far (staff only).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Registrant {
    pub user_id: i64,
    pub name: String,
    pub place: Place,
    pub present: i64,
    pub marked: i64,
}

/// Someone who came to a workshop and has no place in it any more (staff only).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Former {
    pub user_id: i64,
    pub name: String,
    pub present: i64,
    pub marked: i64,
}

/// A workshop with its sessions to come (for participants, also those of the last weeks).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkshopView {
    pub workshop: Workshop,
    pub sessions: Vec<Session>,
}

/// A workshop as social workers run it: its sessions to come, the people with a place and a
/// page of the waiting list, and the attendance rate over all its sessions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffWorkshopView {
    pub workshop: Workshop,
    pub sessions: Vec<Session>,
    pub people: Vec<Registrant>,
    pub waiting: Paged<Registrant>,
    /// Present marks out of all marks, over the workshop's sessions.
    pub present: i64,
    pub marked: i64,
}

/// A room of the centre.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Room {
    pub id: i64,
    pub name: String,
    pub capacity: i64,
    pub accessibility: String,
}

/// A day the centre is closed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClosureDay {
    /// `YYYY-MM-DD`.
    pub day: String,
    /// The day in words.
    pub when: String,
    pub label: String,
}

/// A line of an attendance sheet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SheetLine {
    pub user_id: i64,
    pub name: String,
    /// `present`, `excused`, `absent`, or empty when not yet marked.
    pub mark: String,
    /// They said beforehand that they could not come.
    pub away: bool,
}

/// Feedback on a session, as facilitators see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Feedback {
    pub face: u32,
    pub comment: String,
    /// The participant's name, only if they chose to sign.
    pub signed: Option<String>,
}

/// A session's attendance sheet and feedback.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    pub session: Session,
    /// The day with its year and the hours, for paper: "lundi 8 mars 2027, 13:30–15:30".
    pub day: String,
    /// Places left in the workshop: blank lines on the paper sheet for people who come.
    pub free: i64,
    pub facilitators: Vec<String>,
    pub lines: Vec<SheetLine>,
    /// Faces count per face (😞 😐 😃), and the comments.
    pub faces: [i64; 3],
    pub feedback: Vec<Feedback>,
}

/// A period of an agenda: its title, the links before and after, and its sessions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Agenda {
    /// The centre's name, at the top of the printed programme.
    pub centre: String,
    pub title: String,
    /// The month the period starts in (`YYYY-MM`), for the link to the whole month.
    pub month: String,
    pub previous: String,
    pub next: String,
    /// Days with sessions: the day in words and its sessions.
    pub days: Vec<(String, Vec<Session>)>,
    /// The personal calendar link, if made (personal agendas only).
    pub feed: Option<String>,
}

/// The three faces of feedback, from "not good" to "very good".
pub const FEEDBACK_FACES: [&str; 3] = ["😞", "😐", "😃"];

/// The most facilitators a workshop has.
pub const FACILITATORS_MAX: usize = 2;
/// The largest capacity a workshop may have.
pub const CAPACITY_MAX: i64 = 200;

/// For participants: the workshops to come they are in, and a page of the others they may
/// join. Staff see `staff_workshops`.
#[server(endpoint = "workshops/list")]
pub async fn list_workshops(page: i64) -> Result<(Vec<Workshop>, Paged<Workshop>), AppError> {
    crate::guard::serve(|reader| list_workshops_body(reader, page)).await
}

/// For staff: a page of the workshops running now, or (`past`) of those that are over.
#[server(endpoint = "workshops/staff_list")]
pub async fn staff_workshops(past: bool, page: i64) -> Result<Paged<Workshop>, AppError> {
    crate::guard::serve(|reader| staff_workshops_body(reader, past, page)).await
}

/// A workshop with its sessions to come and those of the last weeks. Participants see a
/// workshop with sessions to come or one they are in; staff any.
#[server(endpoint = "workshops/get")]
pub async fn get_workshop(id: i64) -> Result<WorkshopView, AppError> {
    crate::guard::serve(|reader| get_workshop_body(reader, id)).await
}

/// A workshop as social workers run it, with page `waiting_page` of its waiting list.
#[server(endpoint = "workshops/staff_get")]
pub async fn staff_workshop(id: i64, waiting_page: i64) -> Result<StaffWorkshopView, AppError> {
    crate::guard::serve(|reader| staff_workshop_body(reader, id, waiting_page)).await
}

/// A workshop, a page of its past sessions, and a page of its former participants. Staff
/// only.
#[server(endpoint = "workshops/history")]
pub async fn workshop_history(
    id: i64,
    sessions_page: i64,
    former_page: i64,
) -> Result<(Workshop, Paged<Session>, Paged<Former>), AppError> {
    crate::guard::serve(|reader| workshop_history_body(reader, id, sessions_page, former_page))
        .await
}

/// A workshop, one of its people, and the workshops with sessions to come (`search` in their
/// titles) they may be moved to. Staff only.
#[server(endpoint = "workshops/person")]
pub async fn workshop_person(
    id: i64,
    user: i64,
    search: String,
) -> Result<(Workshop, Registrant, Vec<Workshop>), AppError> {
    crate::guard::serve(|reader| workshop_person_body(reader, id, user, search)).await
}

/// The centre's rooms. Staff only.
#[server(endpoint = "workshops/rooms")]
pub async fn list_rooms() -> Result<Vec<Room>, AppError> {
    crate::guard::serve(list_rooms_body).await
}

/// The centre's closure days from a month ago on. Staff only.
#[server(endpoint = "workshops/closures")]
pub async fn list_closures() -> Result<Vec<ClosureDay>, AppError> {
    crate::guard::serve(list_closures_body).await
}

/// Social workers and admins who can facilitate. Staff only.
#[server(endpoint = "workshops/facilitators")]
pub async fn list_facilitators() -> Result<Vec<(i64, String)>, AppError> {
    crate::guard::serve(list_facilitators_body).await
}

/// Sessions a planned change would clash with (same room or facilitator at the same time),
/// with their facilitators, for the social worker to confirm or change the plan. Staff only.
#[server(endpoint = "workshops/clashes")]
pub async fn clashing_sessions(ids: Vec<i64>) -> Result<Vec<(Session, Vec<String>)>, AppError> {
    crate::guard::serve(|reader| clashing_sessions_body(reader, ids)).await
}

/// A session's attendance sheet and feedback. Staff only.
#[server(endpoint = "workshops/sheet")]
pub async fn attendance_sheet(session: i64) -> Result<Sheet, AppError> {
    crate::guard::serve(|reader| attendance_sheet_body(reader, session)).await
}

/// The viewer's agenda for a week (`week` is a date in it) or a month (`YYYY-MM`); with
/// `everyone`, the centre's programme of all workshops instead.
#[server(endpoint = "workshops/agenda")]
pub async fn get_agenda(period: String, everyone: bool) -> Result<Agenda, AppError> {
    crate::guard::serve(|reader| get_agenda_body(reader, period, everyone)).await
}

#[cfg(feature = "ssr")]
use agenda::{attendance_sheet_body, get_agenda_body};
#[cfg(feature = "ssr")]
pub use server::*;

#[cfg(feature = "ssr")]
mod agenda;
#[cfg(feature = "ssr")]
pub(crate) mod db;
#[cfg(feature = "ssr")]
mod server;
#[cfg(feature = "ssr")]
mod session_rows;

/// This domain's form endpoints (POST only, but for the downloads and feeds that are GETs).
#[cfg(feature = "ssr")]
pub fn routes() -> axum::Router<crate::state::AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/admin/rooms", post(rooms::create_room))
        .route("/admin/rooms/{id}", post(rooms::update_room))
        .route("/admin/closures", post(rooms::add_closure))
        .route("/admin/closures/{day}/remove", post(rooms::remove_closure))
        .route("/staff/workshops", post(handlers::create_workshop))
        .route("/staff/workshops/{id}", post(handlers::update_workshop))
        .route("/staff/workshops/{id}/schedule", post(sessions::schedule))
        .route(
            "/staff/workshops/{id}/sessions",
            post(sessions::add_session),
        )
        .route(
            "/staff/workshops/{id}/people",
            post(registration::register_for),
        )
        .route(
            "/staff/workshops/{id}/people/{user}/{action}",
            post(registration::change_registration),
        )
        .route("/staff/sessions/{id}/move", post(sessions::move_session))
        .route(
            "/staff/sessions/{id}/cancel",
            post(sessions::cancel_session),
        )
        .route(
            "/staff/sessions/{id}/attendance",
            post(attendance::take_attendance),
        )
        .route("/staff/votes/{id}/workshop", post(from_vote::make_workshop))
        .route("/workshops/{id}/register", post(registration::register))
        .route("/workshops/{id}/leave", post(registration::leave))
        .route("/sessions/{id}/away", post(attendance::away))
        .route("/sessions/{id}/feedback", post(attendance::feedback))
        .route("/agenda/link", post(registration::renew_calendar_link))
        .route("/calendar/{token}", get(ical::feed))
}
