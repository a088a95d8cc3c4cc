//! Form handlers that change people: social workers create participants and issue access
//! cards; admins create and deactivate staff and partner accounts. Each change is audited.

use crate::guard::{Admin, Staff};
use crate::notices::{Done, Problem};
use axum::{
    extract::{Form, Path, State, rejection::FormRejection},
    response::Response,
};
use serde::Deserialize;

use super::{PASSWORD_MIN, card, parse_name};
use crate::{
    access::Role,
    audit,
    auth::{password, session, throttle},
    db::now,
    draft::refused,
    error::AppError,
    irreversible::{self, Answer, Irreversible},
    reply::{Ctx, parse_form, see_other},
    state::AppState,
};

/// Applies one UPDATE to the record of `subject`, ends their sessions if asked, and audits
/// the change, in one transaction. `NotFound` when the UPDATE matched no row.
async fn change_record<'q>(
    state: &AppState,
    update: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    end_sessions: bool,
    (actor, action, subject): (i64, &str, i64),
) -> Result<(), AppError> {
    let mut tx = state.db.write().begin().await?;
    if update.execute(&mut *tx).await?.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    if end_sessions {
        session::end_all(&mut *tx, subject).await?;
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
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO users (role, display_name, created_at) \
             VALUES ('participant', $1, $2) RETURNING id",
        )
        .bind(&name)
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
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
        let exists = sqlx::query(
            "SELECT 1 AS one FROM users WHERE id = $1 AND role = 'participant' \
             AND deactivated_at IS NULL",
        )
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .is_some();
        if !exists {
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
        let code: Option<String> = sqlx::query_scalar(
            "SELECT login_code FROM users WHERE id = $1 AND role = 'participant' \
             AND deactivated_at IS NULL",
        )
        .bind(id)
        .fetch_optional(state.db.read())
        .await?;
        let code = code.ok_or(AppError::NotFound)?;
        throttle::unlock(&state.db, &code).await?;
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
        let update = sqlx::query(
            "UPDATE users SET display_name = $1 WHERE id = $2 AND role = 'participant'",
        )
        .bind(&name)
        .bind(id);
        change_record(&state, update, false, (viewer.id, "participant.rename", id)).await?;
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
        let update = sqlx::query(
            "UPDATE users SET deactivated_at = $1 WHERE id = $2 AND role = 'participant'",
        )
        .bind(closed_at)
        .bind(id);
        change_record(&state, update, true, (viewer.id, audit_action, id)).await?;
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
        let taken = sqlx::query("SELECT 1 AS one FROM users WHERE email = $1")
            .bind(&email)
            .fetch_optional(state.db.read())
            .await?
            .is_some();
        if taken {
            return back(Problem::EmailTaken);
        }
        let password_hash = password::hash(form.password.clone()).await?;
        let mut tx = state.db.write().begin().await?;
        // The same account sent twice at once: the second finds the address taken.
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO users (role, display_name, email, password_hash, organisation, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id",
        )
        .bind(role.as_str())
        .bind(&name)
        .bind(&email)
        .bind(password_hash)
        .bind(organisation)
        .bind(now())
        .fetch_optional(&mut *tx)
        .await?;
        let Some(id) = id else {
            return back(Problem::EmailTaken);
        };
        audit::record(&mut *tx, viewer.id, "account.create", Some(id)).await?;
        tx.commit().await?;
        Ok(see_other(&format!("/admin/accounts?ok={done}", done = Done::AccountCreated)))
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
        let update = sqlx::query(
            "UPDATE users SET deactivated_at = $1 \
             WHERE id = $2 AND role <> 'participant' AND deactivated_at IS NULL",
        )
        .bind(now())
        .bind(id);
        change_record(&state, update, true, (viewer.id, "account.deactivate", id)).await?;
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
        sqlx::query(
            "INSERT INTO centre (id, name, address, created_at) VALUES (1, $1, $2, $3) \
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, address = excluded.address",
        )
        .bind(name)
        .bind(address)
        .bind(now())
        .execute(&mut *tx)
        .await?;
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
