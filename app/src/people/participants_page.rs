//! Staff pages for participants: the list with the form to add someone, and one person's
//! record with their access card.

use leptos::prelude::*;

use crate::shell::PageTitle;
use leptos_router::hooks::use_params_map;

use super::{NAME_MAX, get_participant_record, list_participants};
use crate::{
    draft::typed,
    error::AppError,
    i18n::use_locale,
    shell::{ErrorView, notice::Notice},
};

/// The `:id` of the current address, or `NotFound`.
pub fn id_param() -> Result<i64, AppError> {
    use_params_map()
        .read_untracked()
        .get("id")
        .and_then(|id| id.parse().ok())
        .ok_or(AppError::NotFound)
}

#[component]
pub fn ParticipantsPage() -> impl IntoView {
    let locale = use_locale();
    let participants = Resource::new_blocking(|| (), |_| list_participants());
    let name = typed("name").unwrap_or_default();
    view! {
        <PageTitle text=locale.t("participants.title") />
        <h1>{locale.t("participants.title")}</h1>
        <Notice />
        <section class="card-box" id="new" aria-labelledby="new-heading">
            <h2 id="new-heading">
                <span class="picto" aria-hidden="true">
                    "➕"
                </span>
                {locale.t("participants.new")}
            </h2>
            <form method="post" action="/staff/participants" class="form">
                <label for="name">{locale.t("participants.name")}</label>
                <input
                    id="name"
                    name="name"
                    type="text"
                    required
                    maxlength=NAME_MAX.to_string()
                    autocomplete="off"
                    value=name
                    aria-describedby="name-hint"
                />
                <p id="name-hint" class="hint">
                    {locale.t("participants.name_hint")}
                </p>
                <button type="submit" class="button button-primary">
                    {locale.t("participants.create")}
                </button>
            </form>
        </section>
        <Suspense>
            {move || Suspend::new(async move {
                match participants.await {
                    Ok(rows) if rows.is_empty() => {
                        view! { <p>{locale.t("participants.none")}</p> }.into_any()
                    }
                    Ok(rows) => {
                        let items = rows
                            .into_iter()
                            .map(|p| {
                                view! {
                                    <tr>
                                        <td>
                                            <a href=format!("/staff/participants/{}", p.id)>{p.name}</a>
                                        </td>
                                        <td class="code">{p.code}</td>
                                        <td>
                                            {if p.active {
                                                locale.t("participants.active")
                                            } else {
                                                locale.t("participants.inactive")
                                            }}
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view();
                        view! {
                            <table class="table">
                                <caption>{locale.t("participants.list")}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{locale.t("participants.name")}</th>
                                        <th scope="col">{locale.t("login.code")}</th>
                                        <th scope="col">{locale.t("participants.status")}</th>
                                    </tr>
                                </thead>
                                <tbody>{items}</tbody>
                            </table>
                        }
                            .into_any()
                    }
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn ParticipantPage() -> impl IntoView {
    let locale = use_locale();
    let record = Resource::new_blocking(
        id_param,
        |id| async move { get_participant_record(id?).await },
    );
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match record.await {
                    Ok(p) => {
                        let id = p.id;
                        let unlock = (p.active && p.card_locked).then(|| view! {
                            <form method="post" action=format!("/staff/participants/{id}/unlock") class="form notice notice-info">
                                <p>{locale.t("card.locked")}</p>
                                <button type="submit" class="button">
                                    <span class="picto" aria-hidden="true">"🔓"</span>
                                    {locale.t("card.unlock")}
                                </button>
                            </form>
                        });
                        let card = p.active.then(|| view! {
                            {unlock}
                            <p>
                                <a class="button button-primary" href=format!("/staff/participants/{id}/card")>
                                    <span class="picto" aria-hidden="true">"🪪"</span>
                                    {locale.t("card.open")}
                                </a>
                            </p>
                            <form method="post" action=format!("/staff/participants/{id}/card") class="form">
                                <p class="hint">{locale.t("card.replace_help")}</p>
                                <button type="submit" class="button">
                                    <span class="picto" aria-hidden="true">"🔄"</span>
                                    {locale.t("card.replace")}
                                </button>
                            </form>
                        });
                        let open_or_close = if p.active {
                            view! {
                                <form method="post" action=format!("/staff/participants/{id}/close") class="form">
                                    <p class="hint">{locale.t("participants.close_help")}</p>
                                    <button type="submit" class="button">
                                        <span class="picto" aria-hidden="true">"🔒"</span>
                                        {locale.t("participants.close")}
                                    </button>
                                </form>
                            }.into_any()
                        } else {
                            view! {
                                <form method="post" action=format!("/staff/participants/{id}/reopen") class="form">
                                    <button type="submit" class="button">
                                        <span class="picto" aria-hidden="true">"🔓"</span>
                                        {locale.t("participants.reopen")}
                                    </button>
                                </form>
                            }.into_any()
                        };
                        view! {
                            <PageTitle text=p.name.clone() />
                            <p>
                                <a href="/staff/participants">
                                    "← "
                                    {locale.t("participants.title")}
                                </a>
                            </p>
                            <h1>{p.name.clone()}</h1>
                            <Notice />
                            <dl class="facts">
                                <dt>{locale.t("login.code")}</dt>
                                <dd class="code">{p.code.clone()}</dd>
                                <dt>{locale.t("participants.created")}</dt>
                                <dd>{p.created_at.clone()}</dd>
                                <dt>{locale.t("participants.status")}</dt>
                                <dd>
                                    {if p.active {
                                        locale.t("participants.active")
                                    } else {
                                        locale.t("participants.inactive")
                                    }}
                                </dd>
                                <dt>{locale.t("attendance.title")}</dt>
                                <dd>
                                    {if p.marked == 0 {
                                        locale.t("attendance.none_yet")
                                    } else {
                                        locale.tv("attendance.rate", &[("present", &p.present), ("marked", &p.marked)])
                                    }}
                                </dd>
                            </dl>
                            <p class="actions">
                                <a class="button" href=format!("/staff/participants/{id}/journey")>
                                    <span class="picto" aria-hidden="true">"🌟"</span>
                                    {locale.t("journey.open")}
                                </a>
                                <a class="button" href=format!("/staff/participants/{id}/attestation")>
                                    <span class="picto" aria-hidden="true">"📄"</span>
                                    {locale.t("attestation.title")}
                                </a>
                            </p>
                            {card}
                            <section class="card-box" aria-labelledby="rename-heading">
                                <h2 id="rename-heading">{locale.t("participants.rename")}</h2>
                                <form method="post" action=format!("/staff/participants/{id}/name") class="form">
                                    <label for="name">{locale.t("participants.name")}</label>
                                    <input id="name" name="name" type="text" required maxlength=NAME_MAX.to_string() value=p.name.clone() />
                                    <button type="submit" class="button">{locale.t("participants.rename")}</button>
                                </form>
                            </section>
                            {open_or_close}
                        }
                            .into_any()
                    }
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
