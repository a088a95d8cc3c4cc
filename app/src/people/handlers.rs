//! Form handlers that change people: social workers create participants and issue access
//! cards; admins create and deactivate staff and partner accounts. Each change is audited.

use crate::guard::{Admin, Staff};
use crate::notices::{Done, Problem};
use axum::{
    extract::{Form, Path, State, rejection::FormRejection},
    response::Response,
};
use serde::Deserialize;

use super::{PASSWORD_MIN, card, db, parse_name};
use crate::{
    access::Role,
    audit,
    auth::{self, password},
    db::now,
    draft::refused,
    error::AppError,
    irreversible::{self, Answer, Irreversible},
    reply::{Ctx, parse_form, see_other},
    state::AppState,
};

/// A change to a person's record: one UPDATE each.
enum RecordChange<'a> {
    /// A participant's new name.
    Rename(&'a str),
    /// A participant's record closed at a moment, or open again.
    Closed(Option<i64>),
    /// A staff or partner account closed at a moment.
    Deactivated(i64),
}

/// Applies one UPDATE to the record of `subject`, ends their sessions if asked, and audits
/// the change, in one transaction. `NotFound` when the UPDATE matched no row.
async fn change_record(
    state: &AppState,
    change: RecordChange<'_>,
    end_sessions: bool,
    (actor, action, subject): (i64, &str, i64),
) -> Result<(), AppError> {
    let mut tx = state.db.write().begin().await?;
    let changed = match change {
        RecordChange::Rename(name) => db::rename_participant(&mut tx, name, subject).await?,
        RecordChange::Closed(at) => db::set_participant_closed(&mut tx, at, subject).await?,
        RecordChange::Deactivated(at) => db::deactivate_account(&mut tx, at, subject).await?,
    };
    if !changed {
        return Err(AppError::NotFound);
    }
    if end_sessions {
        auth::db::delete_sessions_of(&mut *tx, subject).await?;
    }
    audit::record(&mut *tx, actor, action, Some(subject)).await?;
    tx.commit().await?;
    Ok(())
}

#[derive(Deserialize)]
pub struct NewParticipant {
    name: String,
}

/// POST /staff/participants — creates a participant (a first name or pseudonym is all it
/// takes) with an access card, and opens the card to print.
pub async fn create_participant(
    State(state): State<AppState>,
    ctx: Ctx,
    Staff(viewer): Staff,
    form: Result<Form<NewParticipant>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let name = match parse_name(&form.name) {
            Ok(name) => name,
            Err(problem) => {
                let typed = [("name", form.name.as_str())];
                return Ok(refused("/staff/participants", problem, "", "new", typed));
            }
        };
        let pin = card::new_pin_hashed().await?;
        let mut tx = state.db.write().begin().await?;
        let id = db::insert_participant(&mut tx, &name, now()).await?;
        card::issue(&mut tx, id, pin).await?;
        audit::record(&mut *tx, viewer.id, "participant.create", Some(id)).await?;
        tx.commit().await?;
        Ok(see_other(&format!("/staff/participants/{id}/card")))
    }
    .await;
    ctx.reply(result)
}

/// POST /staff/participants/{id}/card — replaces a lost card: new code and PIN, the old
/// code stops working.
pub async fn replace_card(
    State(state): State<AppState>,
    ctx: Ctx,
    Staff(viewer): Staff,
    Path(id): Path<i64>,
    form: Result<Form<Answer>, FormRejection>,
) -> Response {
    let result = async {
        if !parse_form(form)?.yes() {
            return Ok(irreversible::ask(Irreversible::NewCard, id));
        }
        let pin = card::new_pin_hashed().await?;
        let mut tx = state.db.write().begin().await?;
        if !db::is_active_participant(&mut tx, id).await? {
            return Err(AppError::NotFound);
        }
        card::issue(&mut tx, id, pin).await?;
        audit::record(&mut *tx, viewer.id, "participant.card_replace", Some(id)).await?;
        tx.commit().await?;
        Ok(see_other(&format!("/staff/participants/{id}/card")))
    }
    .await;
    ctx.reply(result)
}

/// POST /staff/participants/{id}/unlock — gives a card its login attempts back after too
/// many wrong PINs, once the social worker knows the person at the counter.
pub async fn unlock_card(
    State(state): State<AppState>,
    ctx: Ctx,
    Staff(viewer): Staff,
    Path(id): Path<i64>,
) -> Response {
    let result = async {
        let code = db::active_card_code(state.db.read(), id)
            .await?
            .ok_or(AppError::NotFound)?;
        auth::db::unlock(state.db.write(), &code).await?;
        audit::record(
            state.db.write(),
            viewer.id,
            "participant.card_unlock",
            Some(id),
        )
        .await?;
        Ok(see_other(&format!(
            "/staff/participants/{id}?ok={done}",
            done = Done::CardUnlocked
        )))
    }
    .await;
    ctx.reply(result)
}

/// POST /staff/participants/{id}/name — gives a participant another first name or pseudonym.
pub async fn rename_participant(
    State(state): State<AppState>,
    ctx: Ctx,
    Staff(viewer): Staff,
    Path(id): Path<i64>,
    form: Result<Form<NewParticipant>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let name = match parse_name(&form.name) {
            Ok(name) => name,
            Err(problem) => {
                return Ok(see_other(&format!(
                    "/staff/participants/{id}?error={problem}"
                )));
            }
        };
        let change = RecordChange::Rename(&name);
        change_record(&state, change, false, (viewer.id, "participant.rename", id)).await?;
        Ok(see_other(&format!(
            "/staff/participants/{id}?ok={done}",
            done = Done::ParticipantRenamed
        )))
    }
    .await;
    ctx.reply(result)
}

/// POST /staff/participants/{id}/close and /reopen — closes a participant's record (the
/// card stops working, sessions end) or opens it again. Nothing is deleted.
pub async fn set_participant_open(
    State(state): State<AppState>,
    ctx: Ctx,
    Staff(viewer): Staff,
    Path((id, action)): Path<(i64, String)>,
    form: Result<Form<Answer>, FormRejection>,
) -> Response {
    let result = async {
        let answer = parse_form(form)?;
        let (closed_at, audit_action, ok) = match action.as_str() {
            "close" if !answer.yes() => {
                return Ok(irreversible::ask(Irreversible::CloseRecord, id));
            }
            "close" => (Some(now()), "participant.close", Done::ParticipantClosed),
            "reopen" => (None, "participant.reopen", Done::ParticipantReopened),
            _ => return Err(AppError::NotFound),
        };
        let change = RecordChange::Closed(closed_at);
        change_record(&state, change, true, (viewer.id, audit_action, id)).await?;
        Ok(see_other(&format!("/staff/participants/{id}?ok={ok}")))
    }
    .await;
    ctx.reply(result)
}

#[derive(Deserialize)]
pub struct NewAccount {
    name: String,
    email: String,
    role: String,
    password: String,
    #[serde(default)]
    organisation: String,
}

/// POST /admin/accounts — creates a staff or partner account.
pub async fn create_account(
    State(state): State<AppState>,
    ctx: Ctx,
    Admin(viewer): Admin,
    form: Result<Form<NewAccount>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let email = form.email.trim().to_lowercase();
        let back = |problem: Problem| {
            let typed = [
                ("name", form.name.as_str()),
                ("email", email.as_str()),
                ("role", form.role.as_str()),
                ("organisation", form.organisation.as_str()),
            ];
            Ok(refused("/admin/accounts", problem, "", "new", typed))
        };
        let name = match parse_name(&form.name) {
            Ok(name) => name,
            Err(problem) => return back(problem),
        };
        let role = match Role::parse(&form.role) {
            Some(role) if role != Role::Participant => role,
            _ => return back(Problem::RoleInvalid),
        };
        let plausible_email = email.len() <= 254
            && email.contains('@')
            && !email.starts_with('@')
            && !email.ends_with('@');
        if !plausible_email {
            return back(Problem::EmailInvalid);
        }
        if form.password.chars().count() < PASSWORD_MIN || form.password.len() > 1024 {
            return back(Problem::PasswordShort);
        }
        let organisation = form.organisation.trim();
        let organisation = (role == Role::Partner && !organisation.is_empty())
            .then(|| organisation.chars().take(120).collect::<String>());
        if db::email_taken(state.db.read(), &email).await? {
            return back(Problem::EmailTaken);
        }
        let password_hash = password::hash(form.password.clone()).await?;
        let mut tx = state.db.write().begin().await?;
        // The same account sent twice at once: the second finds the address taken.
        let id = db::insert_account(
            &mut tx,
            role.as_str(),
            &name,
            &email,
            &password_hash,
            organisation,
            now(),
        )
        .await?;
        let Some(id) = id else {
            return back(Problem::EmailTaken);
        };
        audit::record(&mut *tx, viewer.id, "account.create", Some(id)).await?;
        tx.commit().await?;
        Ok(see_other(&format!(
            "/admin/accounts?ok={done}",
            done = Done::AccountCreated
        )))
    }
    .await;
    ctx.reply(result)
}

/// POST /admin/accounts/{id}/deactivate — closes an account and ends its sessions. An admin
/// cannot deactivate themself (the centre would risk losing its last admin).
pub async fn deactivate_account(
    State(state): State<AppState>,
    ctx: Ctx,
    Admin(viewer): Admin,
    Path(id): Path<i64>,
    form: Result<Form<Answer>, FormRejection>,
) -> Response {
    let result = async {
        if !parse_form(form)?.yes() {
            return Ok(irreversible::ask(Irreversible::CloseAccount, id));
        }
        if id == viewer.id {
            return Ok(see_other(&format!(
                "/admin/accounts?error={problem}",
                problem = Problem::CannotDeactivateSelf
            )));
        }
        let change = RecordChange::Deactivated(now());
        change_record(&state, change, true, (viewer.id, "account.deactivate", id)).await?;
        Ok(see_other(&format!(
            "/admin/accounts?ok={done}",
            done = Done::AccountDeactivated
        )))
    }
    .await;
    ctx.reply(result)
}

#[derive(Deserialize)]
pub struct CentreForm {
    name: String,
    #[serde(default)]
    address: String,
}

/// POST /admin/centre — the centre's name and address, as attestations and the programme
/// print them.
pub async fn update_centre(
    State(state): State<AppState>,
    ctx: Ctx,
    Admin(viewer): Admin,
    form: Result<Form<CentreForm>, FormRejection>,
) -> Response {
    let result = async {
        let form = parse_form(form)?;
        let (name, address) = (form.name.trim(), form.address.trim());
        let back = |problem: Problem| {
            Ok(refused(
                "/admin/centre",
                problem,
                "",
                "main",
                [("name", name), ("address", address)],
            ))
        };
        let control = |text: &str| text.chars().any(char::is_control);
        if name.is_empty() {
            return back(Problem::NameRequired);
        }
        if name.chars().count() > super::CENTRE_NAME_MAX || control(name) {
            return back(Problem::NameTooLong);
        }
        if address.chars().count() > super::CENTRE_ADDRESS_MAX || control(address) {
            return back(Problem::AddressTooLong);
        }
        let mut tx = state.db.write().begin().await?;
        db::save_centre(&mut tx, name, address, now()).await?;
        audit::record(&mut *tx, viewer.id, "centre.update", None).await?;
        tx.commit().await?;
        Ok(see_other(&format!(
            "/admin/centre?ok={done}",
            done = Done::CentreSaved
        )))
    }
    .await;
    ctx.reply(result)
}
