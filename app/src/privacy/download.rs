//! The JSON downloads of a person's data (GDPR article 20: in a machine-readable format).

use axum::{
    extract::{Path, State},
    response::Response,
};

use super::{PersonalData, loaders};
use crate::{
    error::AppError,
    guard::{LoggedIn, Staff},
    reply::{Ctx, attachment},
    state::AppState,
    when::today,
};

/// GET /my-data.json — whoever is logged in, their own data.
pub async fn mine(State(state): State<AppState>, ctx: Ctx, who: LoggedIn) -> Response {
    let tz = state.settings.time_zone;
    let result = loaders::gather(&state.db, who.id, ctx.locale(), tz)
        .await
        .and_then(|data| json_attachment(&data, &format!("trame-my-data-{}.json", today(tz))));
    ctx.reply(result)
}

/// GET /staff/participants/{id}/data.json — a participant's data, for staff. Audited.
pub async fn participant(
    State(state): State<AppState>,
    ctx: Ctx,
    Staff(viewer): Staff,
    Path(id): Path<i64>,
) -> Response {
    let tz = state.settings.time_zone;
    let result = async {
        let data = loaders::participant(&state.db, id, ctx.locale(), tz).await?;
        crate::audit::record(
            state.db.write(),
            viewer.id,
            "participant.data_download",
            Some(id),
        )
        .await?;
        json_attachment(&data, &format!("trame-participant-{id}-{}.json", today(tz)))
    }
    .await;
    ctx.reply(result)
}

/// `data` as a JSON file to save, never kept in a cache.
fn json_attachment(data: &PersonalData, name: &str) -> Result<Response, AppError> {
    let body = serde_json::to_vec_pretty(data).map_err(|_| AppError::Internal)?;
    attachment(body, "application/json; charset=utf-8", name)
}
