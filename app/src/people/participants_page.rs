//! Staff pages for participants: the list with the form to add someone, and one person's
//! record with their access card.

use leptos::prelude::*;

use crate::error::AppError;
use crate::privacy::{
    ErasureStanding, erasure_status, participant_consents,
    views::{consent_box, erasure_box},
};

use crate::ui::PageTitle;

use super::{NAME_MAX, ParticipantSummary, Standing, get_participant_record, list_participants};
use crate::irreversible::Irreversible;
use crate::{
    draft::typed,
    i18n::{Locale, use_locale},
    paging::{Paged, SEARCH_MAX, page_number, search_text},
    ui::id_param,
    ui::{
        ErrorView,
        notice::{Notice, query},
        pager::Pager,
    },
};

/// The search form and a page of the list, as the address asks.
#[component]
fn ParticipantList() -> impl IntoView {
    let locale = use_locale();
    let search = search_text(query("q").as_deref());
    let standing = Standing::parse(&query("status").unwrap_or_default());
    let page = page_number(query("page").as_deref());
    let asked = search.clone();
    let participants = Resource::new_blocking(
        || (),
        move |_| list_participants(asked.clone(), standing, page),
    );
    let standings = Standing::ALL
        .into_iter()
        .map(|s| {
            view! {
                <option value=s.key() selected=s == standing>
                    {locale.t(&format!("participants.standing_{}", s.key()))}
                </option>
            }
        })
        .collect_view();
    let field = search.clone();
    view! {
        <section aria-labelledby="list-heading">
            <h2 id="list-heading">{locale.t("participants.list")}</h2>
            <form method="get" action="/staff/participants#list-heading" class="form search-form" role="search">
                <label for="q">{locale.t("participants.search")}</label>
                <input id="q" name="q" type="search" maxlength=SEARCH_MAX.to_string() value=field
                    autocomplete="off" />
                <label for="status">{locale.t("participants.status")}</label>
                <select id="status" name="status">{standings}</select>
                <button type="submit" class="button">
                    <span class="picto" aria-hidden="true">"🔎"</span>
                    {locale.t("participants.search_button")}
                </button>
            </form>
            <Suspense>
                {move || {
                    let search = search.clone();
                    Suspend::new(async move {
                        match participants.await {
                            Ok(list) => participant_table(locale, list, search, standing).into_any(),
                            Err(error) => view! { <ErrorView error /> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

/// A page of participants, with where it is in the list and the links to the others.
fn participant_table(
    locale: Locale,
    list: Paged<ParticipantSummary>,
    search: String,
    standing: Standing,
) -> impl IntoView {
    let found = if list.total == 0 && search.is_empty() && standing == Standing::default() {
        locale.t("participants.none")
    } else if list.total == 0 {
        locale.t("picker.none")
    } else {
        locale.tv(
            "participants.showing",
            &[
                ("first", &list.first()),
                ("last", &list.last()),
                ("total", &list.total),
            ],
        )
    };
    let items = list
        .items
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
    let table = (list.total > 0).then(|| {
        view! {
            <table class="table">
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
    });
    let params = vec![("q", search), ("status", standing.key().to_string())];
    view! {
        <p role="status">{found}</p>
        {table}
        <Pager path="/staff/participants".to_string() params page=list.page pages=list.pages
            anchor="list-heading" />
    }
}

#[component]
pub fn ParticipantsPage() -> impl IntoView {
    let locale = use_locale();
    let name = typed("name").unwrap_or_default();
    view! {
        <PageTitle text=locale.t("participants.title") />
        <h1>{locale.t("participants.title")}</h1>
        <Notice />
        <p>
            <a href="/staff/retention">{locale.t("retention.link")}</a>
        </p>
        <p><a href="/staff/cards">{locale.t("cards.link")}</a></p>
        <ParticipantList />
        <section class="card-box" id="new" aria-labelledby="new-heading">
            <h2 id="new-heading">
                <span class="picto" aria-hidden="true">
                    "➕"
                </span>
                {locale.t("participants.new")}
            </h2>
            <form method="post" novalidate=true action="/staff/participants" class="form">
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
    }
}

#[component]
pub fn ParticipantPage() -> impl IntoView {
    let locale = use_locale();
    // The record and what privacy keeps about it, in one resource (a resource made inside
    // another's suspense can wait forever on the server).
    let record = Resource::new_blocking(id_param, |id| async move {
        let id = id?;
        let record = get_participant_record(id).await?;
        let erasure = erasure_status(id).await?;
        let consents = participant_consents(id).await?;
        Ok::<_, AppError>((record, erasure, consents))
    });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match record.await {
                    Ok((p, erasure, consents)) => {
                        let id = p.id;
                        // An erased record keeps only its history: nothing can be changed on it.
                        let erased = matches!(erasure, ErasureStanding::Erased(_));
                        let unlock = (p.active && p.card_locked).then(|| view! {
                            <form method="post" novalidate=true action=format!("/staff/participants/{id}/unlock") class="form notice notice-info">
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
                            <p class="hint">{locale.t("card.replace_help")}</p>
                            <p>
                                <a class="button" href=Irreversible::NewCard.page(id)>
                                    <span class="picto" aria-hidden="true">"🔄"</span>
                                    {locale.t("card.replace")}
                                </a>
                            </p>
                            <details class="edit">
                                <summary>{locale.t("card.reset_pin")}</summary>
                                <p class="hint">{locale.t("card.reset_pin_hint")}</p>
                                <form method="post" novalidate=true action=format!("/staff/participants/{id}/pin")>
                                    <button type="submit" class="button">
                                        <span class="picto" aria-hidden="true">"🔢"</span>
                                        {locale.t("card.reset_pin")}
                                    </button>
                                </form>
                            </details>
                        });
                        let open_or_close = if p.active {
                            view! {
                                <p class="hint">{locale.t("participants.close_help")}</p>
                                <p>
                                    <a class="button" href=Irreversible::CloseRecord.page(id)>
                                        <span class="picto" aria-hidden="true">"🔒"</span>
                                        {locale.t("participants.close")}
                                    </a>
                                </p>
                            }.into_any()
                        } else {
                            view! {
                                <form method="post" novalidate=true action=format!("/staff/participants/{id}/reopen") class="form">
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
                                        locale.plural("attendance.rate", p.present, &[("present", &p.present), ("marked", &p.marked)])
                                    }}
                                </dd>
                            </dl>
                            <p class="actions" hidden=erased>
                                <a class="button" href=format!("/staff/participants/{id}/journey")>
                                    <span class="picto" aria-hidden="true">"🌟"</span>
                                    {locale.t("journey.open")}
                                </a>
                                <a class="button" href=format!("/staff/participants/{id}/attestation")>
                                    <span class="picto" aria-hidden="true">"📄"</span>
                                    {locale.t("attestation.title")}
                                </a>
                                <a class="button" href=format!("/staff/participants/{id}/outcomes")>
                                    <span class="picto" aria-hidden="true">"🧭"</span>
                                    {locale.t("outcome.link")}
                                </a>
                            </p>
                            {card}
                            {(!erased).then(|| view! {
                            <section class="card-box" aria-labelledby="rename-heading">
                                <h2 id="rename-heading">{locale.t("participants.rename")}</h2>
                                <form method="post" novalidate=true action=format!("/staff/participants/{id}/name") class="form">
                                    <label for="name">{locale.t("participants.name")}</label>
                                    <input id="name" name="name" type="text" required maxlength=NAME_MAX.to_string() value=p.name.clone() />
                                    <button type="submit" class="button">{locale.t("participants.rename")}</button>
                                </form>
                            </section>
                            {open_or_close}
                            {consent_box(locale, id, &consents)}
                            })}
                            {erasure_box(locale, id, erasure)}
                        }
                            .into_any()
                    }
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
