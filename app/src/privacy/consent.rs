//! The consent ledger's forms: a participant gives or withdraws their agreement on a topic
//! (`/account/consents`), or a social worker records it at the counter (audited). A
//! withdrawal takes effect at once: the queries that show a name or offer someone to ask
//! read the current entry.

use axum::{
    extract::{Form, Path, State, rejection::FormRejection},
    response::Response,
};
use serde::Deserialize;

use super::{ConsentTopic, db};
use crate::{
    db::{Db, now},
    error::AppError,
    guard::{Participant, Staff},
    notices::{Done, Problem},
    reply::{Ctx, parse_form, see_other},
    state::AppState,
};

/// What a consent form posts: the topic, and `yes` or `no`.
#[derive(Deserialize)]
pub struct ConsentPost {
    #[serde(default)]
    topic: String,
    #[serde(default)]
    given: String,
}

impl ConsentPost {
    fn parse(&self) -> Result<(ConsentTopic, bool), Problem> {
        let topic = ConsentTopic::parse(self.topic.trim()).ok_or(Problem::ConsentUnknown)?;
        match self.given.trim() {
            "yes" => Ok((topic, true)),
            "no" => Ok((topic, false)),
            _ => Err(Problem::ConsentUnknown),
        }
    }
}

/// Records the consent `form` says for `user`, as `by`; the problem if the form says nothing
/// that can be recorded.
async fn record(
    db: &Db,
    user: i64,
    by: i64,
    form: &ConsentPost,
) -> Result<Result<(), Problem>, AppError> {
    let (topic, given) = match form.parse() {
        Ok(parsed) => parsed,
        Err(problem) => return Ok(Err(problem)),
    };
    let mut tx = db.write().begin().await?;
    db::record_consent(&mut tx, user, topic.key(), given, by, now()).await?;
    if by != user {
        crate::audit::record(&mut *tx, by, "participant.consent", Some(user)).await?;
    }
    tx.commit().await?;
    Ok(Ok(()))
}

/// POST /account/consents — a participant gives or withdraws their agreement.
pub async fn mine(
    State(state): State<AppState>,
    ctx: Ctx,
    Participant(viewer): Participant,
    form: Result<Form<ConsentPost>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        Ok(see_other(
            &match record(&state.db, viewer.id, viewer.id, &form).await? {
                Ok(()) => format!("/account/consents?ok={}", Done::ConsentSaved),
                Err(problem) => format!("/account/consents?error={problem}"),
            },
        ))
    }
    .await;
    ctx.reply(result)
}

/// POST /staff/participants/{id}/consents — a social worker records it at the counter.
pub async fn at_counter(
    State(state): State<AppState>,
    ctx: Ctx,
    Staff(viewer): Staff,
    Path(id): Path<i64>,
    form: Result<Form<ConsentPost>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        if !db::is_live_participant(state.db.read(), id).await? {
            return Err(AppError::NotFound);
        }
        let page = format!("/staff/participants/{id}");
        Ok(see_other(
            &match record(&state.db, id, viewer.id, &form).await? {
                Ok(()) => format!("{page}?ok={}#consents", Done::ConsentSaved),
                Err(problem) => format!("{page}?error={problem}#consents"),
            },
        ))
    }
    .await;
    ctx.reply(result)
}

/// Where `user`'s agreements stand, and their history.
pub async fn view_of(
    db: &Db,
    user: i64,
    tz: chrono_tz::Tz,
) -> Result<super::ConsentView, AppError> {
    let at = |moment| crate::when::sortable_time(moment, tz);
    let rows = db::consents_of(db.read(), user).await?;
    let states = ConsentTopic::ALL
        .into_iter()
        .map(|topic| {
            let current = rows
                .iter()
                .find(|row| row.current == 1 && row.topic == topic.key());
            super::ConsentState {
                topic,
                given: current.map(|row| row.given == 1),
                since: current.map(|row| at(row.at)).unwrap_or_default(),
                by: current
                    .map(|row| row.recorded_by.clone())
                    .unwrap_or_default(),
            }
        })
        .collect();
    Ok(super::ConsentView {
        user,
        states,
        history: rows
            .into_iter()
            .map(|row| super::ConsentLine {
                topic: row.topic,
                given: row.given == 1,
                at: at(row.at),
                by: row.recorded_by,
            })
            .collect(),
    })
}
