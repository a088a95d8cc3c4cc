//! Attestations a person can use: made from their journey, with the name they choose to
//! print, the period, totals, skills with how often each was used, and the centre's address.
//! What one says is kept as it was made, under a verification code; anyone holding it can
//! check it on the public page `/check`, which shows only what it says.

use crate::guard::Reader;
use crate::guard::{Member, Participant, Staff};
use axum::{
    extract::{Form, Path, State, rejection::FormRejection},
    response::Response,
};
use chrono::NaiveDate;
use serde::Deserialize;

use super::{
    Attested,
    db::{
        attestations::{
            centre_address, code_taken, find_attestation, first_attended, first_contributed,
            insert_attestation,
        },
        journey::participant_name,
    },
    journey::journey_of,
};
use crate::{
    access::Role,
    audit,
    db::Db,
    error::AppError,
    i18n::Locale,
    people::{card::random_code, parse_name},
    reply::{Ctx, parse_form, see_other},
    state::AppState,
    workshops::day_in_words,
};

/// Characters of a verification code, shown in groups of four.
const CODE_LEN: usize = 12;

/// A code as typed: dashes, spaces and case do not matter.
pub fn normalised(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .take(CODE_LEN + 1)
        .collect()
}

#[derive(Deserialize)]
pub struct AttestationForm {
    #[serde(default)]
    name: String,
}

/// The first day the person took part (a session attended or a confirmed contribution).
async fn first_day(db: &Db, id: i64, tz: chrono_tz::Tz) -> Result<Option<NaiveDate>, AppError> {
    let attended = first_attended(db.read(), id).await?;
    let contributed = first_contributed(db.read(), id).await?;
    let attended = attended
        .and_then(|at| chrono::DateTime::from_timestamp(at, 0))
        .map(|at| at.with_timezone(&tz).date_naive());
    let contributed = contributed.and_then(|day| NaiveDate::parse_from_str(&day, "%Y-%m-%d").ok());
    Ok(attended.into_iter().chain(contributed).min())
}

/// What an attestation for participant `id` says today, printed under `name`.
async fn attest(
    state: &AppState,
    id: i64,
    name: String,
    locale: Locale,
) -> Result<Attested, AppError> {
    let tz = state.settings.time_zone;
    let journey = journey_of(&state.db, id, locale, tz).await?;
    let address = centre_address(state.db.read()).await?.unwrap_or_default();
    let from = first_day(&state.db, id, tz)
        .await?
        .map(|day| day_in_words(&day.format("%Y-%m-%d").to_string(), locale));
    let made = journey
        .projects
        .iter()
        .flat_map(|project| {
            project.lines.iter().map(move |line| {
                format!(
                    "{} — {} ({})",
                    super::chart::quantity(locale, line.mine, line.unit),
                    line.goal,
                    project.name
                )
            })
        })
        .collect();
    Ok(Attested {
        code: String::new(),
        name,
        name_by_person: false,
        centre: journey.centre,
        address,
        from,
        to: journey.today,
        sessions: journey.workshops.iter().map(|(_, n)| n).sum(),
        minutes: journey.projects.iter().map(|p| p.minutes).sum(),
        made,
        skills: journey
            .recognised
            .into_iter()
            .map(|(skill, n)| (skill.name, n))
            .collect(),
        workshops: journey.workshops,
        outcomes: journey
            .outcomes
            .into_iter()
            .filter(|outcome| outcome.on_attestation)
            .map(|outcome| format!("{} — {}", outcome.name, outcome.day_words))
            .collect(),
    })
}

/// Makes an attestation for participant `id` and goes to it.
async fn make(
    state: &AppState,
    ctx: &Ctx,
    maker: i64,
    id: i64,
    typed: &str,
) -> Result<Response, AppError> {
    // Empty: the name the centre knows the person by; otherwise checked like any name.
    let typed = match typed.trim() {
        "" => None,
        name => match parse_name(name) {
            Ok(name) => Some(name),
            Err(problem) => {
                let back = if maker == id {
                    "/journey/attestation".to_string()
                } else {
                    format!("/staff/participants/{id}/attestation")
                };
                return Ok(see_other(&format!("{back}?error={problem}")));
            }
        },
    };
    let display = participant_name(state.db.read(), id)
        .await?
        .ok_or(AppError::NotFound)?;
    let name_by_person = maker == id && typed.as_ref().is_some_and(|name| *name != display);
    let name = typed.unwrap_or(display);
    let mut attested = attest(state, id, name, ctx.locale()).await?;
    attested.name_by_person = name_by_person;
    let mut tx = state.db.write().begin().await?;
    let code = loop {
        let candidate = random_code(CODE_LEN);
        if !code_taken(&mut tx, &candidate).await? {
            break candidate;
        }
    };
    attested.code = code.clone();
    let content = serde_json::to_string(&attested).map_err(|_| AppError::Internal)?;
    insert_attestation(&mut tx, &code, id, maker, &content).await?;
    audit::record(&mut *tx, maker, "attestation.make", Some(id)).await?;
    tx.commit().await?;
    Ok(see_other(&format!("/attestations/{code}")))
}

/// POST /journey/attestation — a participant makes their own attestation.
pub async fn make_own(
    State(state): State<AppState>,
    ctx: Ctx,
    Participant(viewer): Participant,
    form: Result<Form<AttestationForm>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        make(&state, &ctx, viewer.id, viewer.id, &form.name).await
    }
    .await;
    ctx.reply(result)
}

/// POST /staff/participants/{id}/attestation — a social worker makes one for a participant.
pub async fn make_for(
    State(state): State<AppState>,
    ctx: Ctx,
    Staff(viewer): Staff,
    Path(id): Path<i64>,
    form: Result<Form<AttestationForm>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        make(&state, &ctx, viewer.id, id, &form.name).await
    }
    .await;
    ctx.reply(result)
}

/// The attestation under `code`, and whose it is.
async fn find(db: &Db, code: &str) -> Result<Option<(i64, Attested)>, AppError> {
    let row = find_attestation(db.read(), &normalised(code)).await?;
    Ok(row.and_then(|(user, content)| {
        serde_json::from_str(&content)
            .ok()
            .map(|attested| (user, attested))
    }))
}

/// An attestation for printing: its participant's or staff's.
pub(super) async fn get_attestation_body(
    reader: Reader<Member>,
    code: String,
) -> Result<(Attested, String), AppError> {
    let (user, attested) = find(reader.db(), &code).await?.ok_or(AppError::NotFound)?;
    if reader.who.role == Role::Participant && reader.who.id != user {
        return Err(AppError::NotFound);
    }
    let check = format!(
        "{}/check",
        reader.state.settings.public_url.trim_end_matches('/')
    );
    Ok((attested, check))
}

/// What the attestation under `code` says, for anyone who holds it; `None` when no
/// attestation has that code.
pub(super) async fn check_attestation_body(code: String) -> Result<Option<Attested>, AppError> {
    let state = crate::state::app_state()?;
    Ok(find(&state.db, &code).await?.map(|(_, attested)| attested))
}
