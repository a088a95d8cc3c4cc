//! What a catalogue form posts, its check, and the handler's steps every catalogue shares; the
//! writing itself is the owning domain's.

use std::future::Future;

use axum::{
    extract::{Form, rejection::FormRejection},
    response::Response,
};
use serde::Deserialize;

use super::{Catalogue, NAME_MAX};
use crate::{
    error::AppError,
    forms::{Refill, send_back, short_text},
    notices::{Done, Problem},
    reply::{Ctx, parse_form, see_other},
};

/// What a catalogue form posts: a pictogram, the names in each language, and `retired=1` to
/// take the entry out of use.
#[derive(Deserialize)]
pub struct EntryPost {
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

impl Refill for EntryPost {
    fn refill(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("pictogram", self.pictogram.trim()),
            ("name_fr", self.name_fr.trim()),
            ("name_nl", self.name_nl.trim()),
            ("name_en", self.name_en.trim()),
        ]
    }
}

/// A checked entry: the pictogram, then the names in French, Dutch and English.
pub type EntryFields = [String; 4];

fn check_entry(form: &EntryPost) -> Result<EntryFields, Problem> {
    let pictogram = form.pictogram.trim();
    if pictogram.is_empty() {
        return Err(Problem::PictogramRequired);
    }
    if pictogram.chars().count() > 8 || pictogram.chars().any(|c| c.is_ascii_alphanumeric()) {
        return Err(Problem::PictogramInvalid);
    }
    let mut names = Vec::new();
    for name in [&form.name_fr, &form.name_nl, &form.name_en] {
        match short_text(name.trim(), NAME_MAX) {
            Some(text) if !text.is_empty() => names.push(text),
            Some(_) => return Err(Problem::SkillNamesRequired),
            None => return Err(Problem::SkillNameTooLong),
        }
    }
    let [fr, nl, en] = <[String; 3]>::try_from(names).map_err(|_| Problem::SkillNamesRequired)?;
    Ok([pictogram.to_string(), fr, nl, en])
}

/// Saves a new entry (`id` none) or changes one, through `write(fields, retired)` (the rows
/// written), and goes back to the catalogue at the entry.
pub async fn save_entry<F, W>(
    catalogue: Catalogue,
    ctx: Ctx,
    id: Option<i64>,
    form: Result<Form<EntryPost>, FormRejection>,
    write: W,
) -> Response
where
    W: FnOnce(EntryFields, bool) -> F,
    F: Future<Output = Result<u64, sqlx::Error>>,
{
    let result = async {
        let form = parse_form(form)?;
        let key = catalogue.key();
        let anchor = id.map_or(format!("new-{key}"), |id| format!("{key}-{id}"));
        let extra = id.map_or(String::new(), |id| format!("&entry={id}"));
        let fields = match check_entry(&form) {
            Ok(fields) => fields,
            Err(problem) => {
                return Ok(send_back(catalogue.path(), problem, &form, &extra, &anchor));
            }
        };
        let retired = id.is_some() && form.retired.trim() == "1";
        if write(fields, retired).await? == 0 {
            return Err(AppError::NotFound);
        }
        let done = match catalogue {
            Catalogue::Skills => Done::SkillSaved,
            Catalogue::Outcomes => Done::OutcomeSaved,
        };
        Ok(see_other(&format!(
            "{path}?ok={done}#{anchor}",
            path = catalogue.path()
        )))
    }
    .await;
    ctx.reply(result)
}
