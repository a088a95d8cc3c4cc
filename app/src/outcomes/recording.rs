//! The outcomes' reads and forms: the catalogue (admins), a participant's outcomes read by
//! staff (audited) and one recorded (audited in the same transaction), and the participant's
//! choice of the outcomes their attestation shows.

use axum::{
    extract::{Form, Path, State, rejection::FormRejection},
    response::Response,
};
use chrono::NaiveDate;
use serde::Deserialize;

use super::{Choice, OUTCOME_NOTE_MAX, OutcomeLine, ParticipantOutcomes, db};
use crate::{
    catalogue::{
        Catalogue, CatalogueEntry,
        form::{EntryPost, save_entry},
    },
    db::Db,
    error::AppError,
    forms::{Refill, send_back, short_text},
    guard::{Admin, Participant, Reader, Staff},
    i18n::Locale,
    notices::{Done, Problem},
    reply::{Ctx, parse_form, see_other},
    state::AppState,
    when::today,
    workshops::day_in_words,
};

pub(super) async fn catalogue_body(reader: Reader<Admin>) -> Result<Vec<CatalogueEntry>, AppError> {
    Ok(db::outcome_catalogue(reader.db().read())
        .await?
        .into_iter()
        .map(|row| CatalogueEntry {
            id: row.id,
            pictogram: row.pictogram,
            names: [row.name_fr, row.name_nl, row.name_en],
            retired: row.retired != 0,
        })
        .collect())
}

/// The outcomes recorded for `user`, in `locale`, newest first.
pub async fn lines_of(db: &Db, user: i64, locale: Locale) -> Result<Vec<OutcomeLine>, AppError> {
    Ok(db::outcomes_of(db.read(), user, locale)
        .await?
        .into_iter()
        .map(|row| OutcomeLine {
            id: row.id,
            pictogram: row.pictogram,
            name: row.name,
            day_words: day_in_words(&row.day, locale),
            day: row.day,
            workshop: row.workshop,
            note: row.note,
            on_attestation: row.on_attestation != 0,
        })
        .collect())
}

pub(super) async fn of_participant_body(
    reader: Reader<Staff>,
    id: i64,
) -> Result<ParticipantOutcomes, AppError> {
    let pool = reader.db().read();
    let standing = db::participant_standing(pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    crate::audit::record(
        reader.db().write(),
        reader.who.id,
        "participant.outcomes_view",
        Some(id),
    )
    .await?;
    let outcomes = db::outcomes_in_use(pool, reader.locale)
        .await?
        .into_iter()
        .map(|row| Choice {
            id: row.id,
            label: format!("{} {}", row.pictogram, row.name),
        })
        .collect();
    let workshops = db::workshops_of(pool, id)
        .await?
        .into_iter()
        .map(|row| Choice {
            id: row.id,
            label: row.title,
        })
        .collect();
    Ok(ParticipantOutcomes {
        name: standing.name,
        open: standing.open != 0,
        outcomes,
        workshops,
        recorded: lines_of(reader.db(), id, reader.locale).await?,
        today: today(reader.tz()).format("%Y-%m-%d").to_string(),
    })
}

/// POST /admin/outcomes
pub async fn create_outcome(
    State(state): State<AppState>,
    ctx: Ctx,
    _: Admin,
    form: Result<Form<EntryPost>, FormRejection>,
) -> Response {
    save_entry(
        Catalogue::Outcomes,
        ctx,
        None,
        form,
        |fields, _| async move { db::insert_outcome(state.db.write(), &fields).await },
    )
    .await
}

/// POST /admin/outcomes/{id}
pub async fn update_outcome(
    State(state): State<AppState>,
    ctx: Ctx,
    _: Admin,
    Path(id): Path<i64>,
    form: Result<Form<EntryPost>, FormRejection>,
) -> Response {
    save_entry(
        Catalogue::Outcomes,
        ctx,
        Some(id),
        form,
        |fields, retired| async move {
            db::update_outcome(state.db.write(), id, &fields, retired).await
        },
    )
    .await
}

/// What the outcome form posts.
#[derive(Deserialize)]
pub struct OutcomePost {
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    day: String,
    #[serde(default)]
    workshop: String,
    #[serde(default)]
    note: String,
}

impl Refill for OutcomePost {
    fn refill(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("outcome", self.outcome.trim()),
            ("day", self.day.trim()),
            ("workshop", self.workshop.trim()),
            ("note", self.note.trim()),
        ]
    }
}

/// An outcome as checked: which, the day, the workshop, the note.
struct CheckedOutcome {
    outcome: i64,
    day: String,
    workshop: Option<i64>,
    note: String,
}

/// Checks `form` for participant `id`, whose record must be open.
async fn check(
    state: &AppState,
    id: i64,
    form: &OutcomePost,
) -> crate::forms::Checked<CheckedOutcome> {
    let pool = state.db.read();
    match db::participant_standing(pool, id).await? {
        None => return Err(AppError::NotFound),
        Some(standing) if standing.open == 0 => return Ok(Err(Problem::RecordClosed)),
        Some(_) => {}
    }
    let Ok(outcome) = form.outcome.trim().parse::<i64>() else {
        return Ok(Err(Problem::OutcomeRequired));
    };
    match db::outcome_retired(pool, outcome).await? {
        None => return Ok(Err(Problem::OutcomeRequired)),
        Some(true) => return Ok(Err(Problem::OutcomeRetired)),
        Some(false) => {}
    }
    let Ok(day) = NaiveDate::parse_from_str(form.day.trim(), "%Y-%m-%d") else {
        return Ok(Err(Problem::DateInvalid));
    };
    if day > today(state.settings.time_zone) {
        return Ok(Err(Problem::DateInFuture));
    }
    let workshop = match form.workshop.trim() {
        "" => None,
        text => match text.parse::<i64>() {
            Ok(workshop) if db::took_part(pool, id, workshop).await? => Some(workshop),
            _ => return Ok(Err(Problem::OutcomeWorkshopInvalid)),
        },
    };
    let Some(note) = short_text(form.note.trim(), OUTCOME_NOTE_MAX) else {
        return Ok(Err(Problem::NoteTooLong));
    };
    Ok(Ok(CheckedOutcome {
        outcome,
        day: day.format("%Y-%m-%d").to_string(),
        workshop,
        note,
    }))
}

/// POST /staff/participants/{id}/outcomes — a social worker records an outcome.
pub async fn record(
    State(state): State<AppState>,
    ctx: Ctx,
    Staff(viewer): Staff,
    Path(id): Path<i64>,
    form: Result<Form<OutcomePost>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let page = format!("/staff/participants/{id}/outcomes");
        let checked = match check(&state, id, &form).await? {
            Ok(checked) => checked,
            Err(problem) => return Ok(send_back(&page, problem, &form, "", "record")),
        };
        let mut tx = state.db.write().begin().await?;
        let new = db::NewOutcome {
            user: id,
            outcome: checked.outcome,
            day: &checked.day,
            workshop: checked.workshop,
            note: &checked.note,
            by: viewer.id,
        };
        db::insert_participant_outcome(&mut tx, &new).await?;
        crate::audit::record(&mut *tx, viewer.id, "participant.outcome", Some(id)).await?;
        tx.commit().await?;
        Ok(see_other(&format!(
            "{page}?ok={done}#recorded",
            done = Done::OutcomeRecorded
        )))
    }
    .await;
    ctx.reply(result)
}

/// What the attestation choice posts: `shown=1` to show the outcome, anything else to hide it.
#[derive(Deserialize)]
pub struct ShownPost {
    #[serde(default)]
    shown: String,
}

/// POST /journey/outcomes/{id} — a participant shows or hides one of their outcomes on their
/// attestation. Someone else's outcome is not found.
pub async fn show_on_attestation(
    State(state): State<AppState>,
    ctx: Ctx,
    Participant(viewer): Participant,
    Path(id): Path<i64>,
    form: Result<Form<ShownPost>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let shown = form.shown.trim() == "1";
        if db::set_on_attestation(state.db.write(), id, viewer.id, shown).await? == 0 {
            return Err(AppError::NotFound);
        }
        Ok(see_other(&format!(
            "/journey?ok={done}#outcomes",
            done = Done::OutcomeChoiceSaved
        )))
    }
    .await;
    ctx.reply(result)
}
