//! Form handlers for the skill catalogue (admins): a new skill, its names and pictogram.

use super::{
    SKILL_NAME_MAX,
    db::skills::{insert_skill, update_skill_entry},
};
use crate::guard::Admin;
use crate::notices::{Done, Problem};
use crate::{
    error::AppError,
    forms::{Refill, send_back, short_text},
    reply::{Ctx, parse_form, see_other},
    state::AppState,
};
use axum::{
    extract::{Form, Path, State, rejection::FormRejection},
    response::Response,
};
use serde::Deserialize;

/// What the skill form posts: a pictogram, the skill's name in each language, and
/// `retired=1` to take it out of use.
#[derive(Deserialize)]
pub struct SkillPost {
    #[serde(default)]
    pictogram: String,
    #[serde(default)]
    name_fr: String,
    #[serde(default)]
    name_nl: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    retired: String,
}

impl Refill for SkillPost {
    fn refill(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("pictogram", self.pictogram.trim()),
            ("name_fr", self.name_fr.trim()),
            ("name_nl", self.name_nl.trim()),
            ("name_en", self.name_en.trim()),
        ]
    }
}

fn check_skill(form: &SkillPost) -> Result<[String; 4], Problem> {
    let pictogram = form.pictogram.trim();
    if pictogram.is_empty() {
        return Err(Problem::PictogramRequired);
    }
    if pictogram.chars().count() > 8 || pictogram.chars().any(|c| c.is_ascii_alphanumeric()) {
        return Err(Problem::PictogramInvalid);
    }
    let mut names = Vec::new();
    for name in [&form.name_fr, &form.name_nl, &form.name_en] {
        match short_text(name.trim(), SKILL_NAME_MAX) {
            Some(text) if !text.is_empty() => names.push(text),
            Some(_) => return Err(Problem::SkillNamesRequired),
            None => return Err(Problem::SkillNameTooLong),
        }
    }
    let [fr, nl, en] = <[String; 3]>::try_from(names).map_err(|_| Problem::SkillNamesRequired)?;
    Ok([pictogram.to_string(), fr, nl, en])
}

async fn save_skill(
    state: AppState,
    ctx: Ctx,
    _: Admin,
    id: Option<i64>,
    form: Result<Form<SkillPost>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let anchor = id.map_or("new-skill".to_string(), |id| format!("skill-{id}"));
        let extra = id.map_or(String::new(), |id| format!("&skill={id}"));
        let fields = match check_skill(&form) {
            Ok(fields) => fields,
            Err(problem) => {
                return Ok(send_back("/admin/skills", problem, &form, &extra, &anchor));
            }
        };
        let changed = match id {
            None => insert_skill(state.db.write(), &fields).await?,
            Some(id) => {
                let retired = form.retired.trim() == "1";
                update_skill_entry(state.db.write(), id, &fields, retired).await?
            }
        };
        if changed == 0 {
            return Err(AppError::NotFound);
        }
        Ok(see_other(&format!(
            "/admin/skills?ok={done}#{anchor}",
            done = Done::SkillSaved
        )))
    }
    .await;
    ctx.reply(result)
}

/// POST /admin/skills
pub async fn create_skill(
    State(state): State<AppState>,
    ctx: Ctx,
    who: Admin,
    form: Result<Form<SkillPost>, FormRejection>,
) -> Response {
    save_skill(state, ctx, who, None, form).await
}

/// POST /admin/skills/{id}
pub async fn update_skill(
    State(state): State<AppState>,
    ctx: Ctx,
    who: Admin,
    Path(id): Path<i64>,
    form: Result<Form<SkillPost>, FormRejection>,
) -> Response {
    save_skill(state, ctx, who, Some(id), form).await
}
