//! What waits for each person on their home page. A participant: a vote open to them, their
//! next sessions, a place that came free, an answer to their idea, contributions confirmed,
//! thanks received. A social worker: ideas to read, contributions to confirm, attendance not
//! taken, waiting lists. Every list is short and every count is one indexed query.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{error::AppError, workshops::Session};

/// How far back news goes: answers, confirmations and thanks of the last month.
#[cfg(feature = "ssr")]
const NEWS_SECS: i64 = 30 * 24 * 3600;
/// Places that came free are news for two weeks.
#[cfg(feature = "ssr")]
const FREED_SECS: i64 = 14 * 24 * 3600;
/// Attendance not taken is looked for over the last two weeks (the sheet is still fresh).
#[cfg(feature = "ssr")]
const UNMARKED_SECS: i64 = 14 * 24 * 3600;
/// The most items of each kind a home page lists.
#[cfg(feature = "ssr")]
const SHOWN: i64 = 3;

/// An idea of the participant's that a social worker answered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IdeaAnswer {
    pub title: String,
    /// `published`, `declined` or `merged`.
    pub status: String,
    pub reason: Option<String>,
}

/// A partner's thanks on a project the participant contributed to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThanksNews {
    pub from: String,
    pub project: String,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParticipantNews {
    /// Open votes they have not voted in: id and title.
    pub votes: Vec<(i64, String)>,
    pub sessions: Vec<Session>,
    /// Workshops where a place came free for them.
    pub freed: Vec<String>,
    pub answers: Vec<IdeaAnswer>,
    /// Contributions confirmed in the last month.
    pub confirmed: i64,
    pub thanks: Vec<ThanksNews>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffNews {
    pub ideas: i64,
    pub contributions: i64,
    /// Sessions whose attendance nobody took: how many, and the latest.
    pub unmarked: i64,
    pub to_mark: Vec<Session>,
    /// Running workshops with people waiting: id, title, how many.
    pub waiting: Vec<(i64, String, i64)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum News {
    Participant(ParticipantNews),
    Staff(StaffNews),
    /// A partner with several projects (one alone is opened at once) or none.
    Partner,
}

/// What waits for the viewer. A partner with a single project is sent to it.
#[server(endpoint = "home/news")]
pub async fn home_news() -> Result<News, AppError> {
    crate::guard::serve(server::news).await
}

#[cfg(feature = "ssr")]
mod server {
    use super::*;
    use crate::{
        access::Role,
        db::now,
        guard::{Guard, LoggedIn, Reader},
        home::db,
        request::send_to,
        workshops::session_listing::{my_next_sessions, sessions_to_mark},
    };

    pub async fn news(reader: Reader<LoggedIn>) -> Result<News, AppError> {
        match reader.who.role {
            Role::Participant => participant(&reader).await.map(News::Participant),
            Role::Worker | Role::Admin => staff(&reader).await.map(News::Staff),
            Role::Partner => {
                let projects = db::two_projects_of(reader.db().read(), reader.who.id).await?;
                if let [only] = projects[..] {
                    send_to(&format!("/partner/projects/{only}"));
                }
                Ok(News::Partner)
            }
        }
    }

    async fn participant(reader: &Reader<impl Guard>) -> Result<ParticipantNews, AppError> {
        let (pool, me, at) = (reader.db().read(), reader.viewer().id, now());
        let votes = db::votes_open_to(pool, me, at, SHOWN).await?;
        let sessions = my_next_sessions(reader, SHOWN).await?;
        let freed = db::places_freed_for(pool, me, at - FREED_SECS, SHOWN).await?;
        let answers = db::answers_to(pool, me, at - NEWS_SECS, SHOWN)
            .await?
            .into_iter()
            .map(|idea| IdeaAnswer {
                title: idea.title,
                status: idea.status,
                reason: idea.decline_reason,
            })
            .collect();
        let confirmed = db::count_confirmed_since(pool, me, at - NEWS_SECS).await?;
        let thanks = db::thanks_for(pool, me, at - NEWS_SECS, SHOWN)
            .await?
            .into_iter()
            .map(|row| ThanksNews {
                from: row.from,
                project: row.project,
                message: row.message,
            })
            .collect();
        Ok(ParticipantNews {
            votes,
            sessions,
            freed,
            answers,
            confirmed,
            thanks,
        })
    }

    async fn staff(reader: &Reader<impl Guard>) -> Result<StaffNews, AppError> {
        let (pool, at) = (reader.db().read(), now());
        let ideas = db::count_proposed_ideas(pool).await?;
        let contributions = db::count_pending_contributions(pool).await?;
        let (unmarked, to_mark) = sessions_to_mark(reader, at - UNMARKED_SECS, SHOWN).await?;
        // Workshops still running with someone waiting, the oldest first; only the few shown
        // have their waiting list counted (counting every list grows with the history).
        let waiting = db::workshops_with_waiting(pool, at, SHOWN).await?;
        Ok(StaffNews {
            ideas,
            contributions,
            unmarked,
            to_mark,
            waiting,
        })
    }
}
