//! Form handlers for the skill catalogue (admins): a new skill, its names and pictogram.

use super::db::skills::{insert_skill, update_skill_entry};
use crate::catalogue::{
    Catalogue,
    form::{EntryPost, save_entry},
};
use crate::guard::Admin;
use crate::{reply::Ctx, state::AppState};
use axum::{
    extract::{Form, Path, State, rejection::FormRejection},
    response::Response,
};

/// POST /admin/skills
pub async fn create_skill(
    State(state): State<AppState>,
    ctx: Ctx,
    _: Admin,
    form: Result<Form<EntryPost>, FormRejection>,
) -> Response {
    save_entry(Catalogue::Skills, ctx, None, form, |fields, _| async move {
        insert_skill(state.db.write(), &fields).await
    })
    .await
}

/// POST /admin/skills/{id}
pub async fn update_skill(
    State(state): State<AppState>,
    ctx: Ctx,
    _: Admin,
    Path(id): Path<i64>,
    form: Result<Form<EntryPost>, FormRejection>,
) -> Response {
    save_entry(
        Catalogue::Skills,
        ctx,
        Some(id),
        form,
        |fields, retired| async move {
            update_skill_entry(state.db.write(), id, &fields, retired).await
        },
    )
    .await
}
