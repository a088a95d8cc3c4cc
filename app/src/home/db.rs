//! The home page's reads: short lists and single counts over the tables of other domains,
//! each one indexed statement.

use sqlx::{AnyPool, FromRow};

/// An idea its author sees answered, as read.
#[derive(FromRow)]
pub(crate) struct AnsweredIdea {
    pub title: String,
    pub status: String,
    pub decline_reason: Option<String>,
}

/// Thanks on a project someone contributed to, as read.
pub(crate) struct ThanksReceived {
    pub from: String,
    pub project: String,
    pub message: String,
}

/// The projects `partner` is a partner of, at most two (enough to know whether there is one).
pub(crate) async fn two_projects_of(db: &AnyPool, partner: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT project_id FROM project_partners WHERE partner_id = $1 LIMIT 2")
        .bind(partner)
        .fetch_all(db)
        .await
}

/// The votes open at `at` that `voter` has not voted in, closing first: id and title.
pub(crate) async fn votes_open_to(
    db: &AnyPool,
    voter: i64,
    at: i64,
    limit: i64,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT r.id, r.title FROM vote_rounds r WHERE r.opens_at <= $2 AND r.closes_at > $2 \
         AND NOT EXISTS (SELECT 1 FROM round_voters v WHERE v.round_id = r.id \
         AND v.user_id = $1) ORDER BY r.closes_at, r.id LIMIT $3",
    )
    .bind(voter)
    .bind(at)
    .bind(limit)
    .fetch_all(db)
    .await
}

/// The titles of the workshops where `user` was given a place since `since`, latest first.
pub(crate) async fn places_freed_for(
    db: &AnyPool,
    user: i64,
    since: i64,
    limit: i64,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT w.title FROM registrations g JOIN workshops w ON w.id = g.workshop_id \
         WHERE g.user_id = $1 AND g.status = 'registered' AND g.promoted_at > $2 \
         ORDER BY g.promoted_at DESC LIMIT $3",
    )
    .bind(user)
    .bind(since)
    .bind(limit)
    .fetch_all(db)
    .await
}

/// The ideas of `author` answered since `since`, latest first.
pub(crate) async fn answers_to(
    db: &AnyPool,
    author: i64,
    since: i64,
    limit: i64,
) -> Result<Vec<AnsweredIdea>, sqlx::Error> {
    sqlx::query_as(
        "SELECT title, status, decline_reason FROM themes WHERE author_id = $1 \
         AND status IN ('published', 'declined', 'merged') AND updated_at > $2 \
         ORDER BY updated_at DESC, id DESC LIMIT $3",
    )
    .bind(author)
    .bind(since)
    .bind(limit)
    .fetch_all(db)
    .await
}

/// How many of `user`'s contributions were confirmed since `since`.
pub(crate) async fn count_confirmed_since(
    db: &AnyPool,
    user: i64,
    since: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM contributions WHERE user_id = $1 AND status = 'confirmed' \
         AND decided_at > $2",
    )
    .bind(user)
    .bind(since)
    .fetch_one(db)
    .await
}

/// Thanks given since `since` on the projects `user` contributed to, latest first.
pub(crate) async fn thanks_for(
    db: &AnyPool,
    user: i64,
    since: i64,
    limit: i64,
) -> Result<Vec<ThanksReceived>, sqlx::Error> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT COALESCE(u.organisation, u.display_name), p.name, t.message \
         FROM project_thanks t JOIN projects p ON p.id = t.project_id \
         JOIN users u ON u.id = t.from_id WHERE t.created_at > $2 AND t.project_id IN \
         (SELECT c.project_id FROM contributions c WHERE c.user_id = $1 \
         AND c.status = 'confirmed') ORDER BY t.created_at DESC, t.id DESC LIMIT $3",
    )
    .bind(user)
    .bind(since)
    .bind(limit)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(from, project, message)| ThanksReceived {
            from,
            project,
            message,
        })
        .collect())
}

/// How many ideas wait to be read.
pub(crate) async fn count_proposed_ideas(db: &AnyPool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM themes WHERE status = 'proposed'")
        .fetch_one(db)
        .await
}

/// How many contributions wait to be confirmed.
pub(crate) async fn count_pending_contributions(db: &AnyPool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM contributions WHERE status = 'pending'")
        .fetch_one(db)
        .await
}

/// Running workshops with someone waiting, oldest first: id, title, and how many wait.
pub(crate) async fn workshops_with_waiting(
    db: &AnyPool,
    at: i64,
    limit: i64,
) -> Result<Vec<(i64, String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT w.id, w.title, (SELECT COUNT(*) FROM registrations g \
         WHERE g.workshop_id = w.id AND g.status = 'waiting') FROM workshops w \
         WHERE w.last_session_at > $1 AND EXISTS (SELECT 1 FROM registrations g \
         WHERE g.workshop_id = w.id AND g.status = 'waiting') ORDER BY w.id LIMIT $2",
    )
    .bind(at)
    .bind(limit)
    .fetch_all(db)
    .await
}
