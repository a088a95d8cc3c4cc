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
        request::send_to,
        workshops::session_listing::{my_next_sessions, sessions_to_mark},
    };

    pub async fn news(reader: Reader<LoggedIn>) -> Result<News, AppError> {
        match reader.who.role {
            Role::Participant => participant(&reader).await.map(News::Participant),
            Role::Worker | Role::Admin => staff(&reader).await.map(News::Staff),
            Role::Partner => {
                let projects: Vec<i64> = sqlx::query_scalar(
                    "SELECT project_id FROM project_partners WHERE partner_id = $1 LIMIT 2",
                )
                .bind(reader.who.id)
                .fetch_all(reader.db().read())
                .await?;
                if let [only] = projects[..] {
                    send_to(&format!("/partner/projects/{only}"));
                }
                Ok(News::Partner)
            }
        }
    }

    async fn participant(reader: &Reader<impl Guard>) -> Result<ParticipantNews, AppError> {
        let (db, me, at) = (reader.db().read(), reader.viewer().id, now());
        let votes: Vec<(i64, String)> = sqlx::query_as(
            "SELECT r.id, r.title FROM vote_rounds r WHERE r.opens_at <= $2 AND r.closes_at > $2 \
             AND NOT EXISTS (SELECT 1 FROM round_voters v WHERE v.round_id = r.id \
             AND v.user_id = $1) ORDER BY r.closes_at, r.id LIMIT $3",
        )
        .bind(me)
        .bind(at)
        .bind(SHOWN)
        .fetch_all(db)
        .await?;
        let sessions = my_next_sessions(reader, SHOWN).await?;
        let freed: Vec<String> = sqlx::query_scalar(
            "SELECT w.title FROM registrations g JOIN workshops w ON w.id = g.workshop_id \
             WHERE g.user_id = $1 AND g.status = 'registered' AND g.promoted_at > $2 \
             ORDER BY g.promoted_at DESC LIMIT $3",
        )
        .bind(me)
        .bind(at - FREED_SECS)
        .bind(SHOWN)
        .fetch_all(db)
        .await?;
        let answers = sqlx::query_as::<_, (String, String, Option<String>)>(
            "SELECT title, status, decline_reason FROM themes WHERE author_id = $1 \
             AND status IN ('published', 'declined', 'merged') AND updated_at > $2 \
             ORDER BY updated_at DESC, id DESC LIMIT $3",
        )
        .bind(me)
        .bind(at - NEWS_SECS)
        .bind(SHOWN)
        .fetch_all(db)
        .await?
        .into_iter()
        .map(|(title, status, reason)| IdeaAnswer {
            title,
            status,
            reason,
        })
        .collect();
        let confirmed: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM contributions WHERE user_id = $1 AND status = 'confirmed' \
             AND decided_at > $2",
        )
        .bind(me)
        .bind(at - NEWS_SECS)
        .fetch_one(db)
        .await?;
        let thanks = sqlx::query_as::<_, (String, String, String)>(
            "SELECT COALESCE(u.organisation, u.display_name), p.name, t.message \
             FROM project_thanks t JOIN projects p ON p.id = t.project_id \
             JOIN users u ON u.id = t.from_id WHERE t.created_at > $2 AND t.project_id IN \
             (SELECT c.project_id FROM contributions c WHERE c.user_id = $1 \
             AND c.status = 'confirmed') ORDER BY t.created_at DESC, t.id DESC LIMIT $3",
        )
        .bind(me)
        .bind(at - NEWS_SECS)
        .bind(SHOWN)
        .fetch_all(db)
        .await?
        .into_iter()
        .map(|(from, project, message)| ThanksNews {
            from,
            project,
            message,
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
        let (db, at) = (reader.db().read(), now());
        let ideas: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM themes WHERE status = 'proposed'")
                .fetch_one(db)
                .await?;
        let contributions: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM contributions WHERE status = 'pending'")
                .fetch_one(db)
                .await?;
        let (unmarked, to_mark) = sessions_to_mark(reader, at - UNMARKED_SECS, SHOWN).await?;
        // Workshops still running with someone waiting, the oldest first; only the few shown
        // have their waiting list counted (counting every list grows with the history).
        let waiting: Vec<(i64, String, i64)> = sqlx::query_as(
            "SELECT w.id, w.title, (SELECT COUNT(*) FROM registrations g \
             WHERE g.workshop_id = w.id AND g.status = 'waiting') FROM workshops w \
             WHERE w.last_session_at > $1 AND EXISTS (SELECT 1 FROM registrations g \
             WHERE g.workshop_id = w.id AND g.status = 'waiting') ORDER BY w.id LIMIT $2",
        )
        .bind(at)
        .bind(SHOWN)
        .fetch_all(db)
        .await?;
        Ok(StaffNews {
            ideas,
            contributions,
            unmarked,
            to_mark,
            waiting,
        })
    }
}
