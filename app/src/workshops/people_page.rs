//! A workshop's people as social workers see them: those with a place and a page of the
//! waiting list (on the workshop's page), one person's page to move or remove them, and the
//! history: past sessions and the people who came and left, a page at a time.

use leptos::prelude::*;

use super::{
    Former, Place, Registrant, StaffWorkshopView, page::workshop_title, views::session_text,
    workshop_history, workshop_person,
};
use crate::ui::id_param;
use crate::{
    error::AppError,
    i18n::{Locale, use_locale},
    paging::{SEARCH_MAX, page_number, search_text},
    people::{
        ParticipantSummary,
        picker::{ParticipantChoice, ParticipantSearch},
    },
    ui::{
        ErrorView, PageTitle,
        notice::{Notice, query},
        pager::Pager,
    },
};

/// A person's place and attendance, as table cells.
fn person_cells(locale: Locale, person: &Registrant) -> impl IntoView + use<> {
    let status = match person.place {
        Place::Registered => locale.t("workshop.status_registered"),
        Place::Waiting(n) => locale.tv("workshop.status_waiting", &[("n", &n)]),
    };
    let rate = (person.marked > 0).then(|| {
        locale.plural(
            "attendance.rate",
            person.present,
            &[("present", &person.present), ("marked", &person.marked)],
        )
    });
    view! {
        <td>{status}</td>
        <td>{rate}</td>
    }
}

/// A table of people, each linking to their page in this workshop.
fn people_table(locale: Locale, workshop: i64, people: &[Registrant]) -> impl IntoView + use<> {
    let rows = people
        .iter()
        .map(|person| {
            let href = format!("/staff/workshops/{workshop}/people/{}", person.user_id);
            view! {
                <tr>
                    <th scope="row"><a href=href>{person.name.clone()}</a></th>
                    {person_cells(locale, person)}
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="table">
            <thead>
                <tr>
                    <th scope="col">{locale.t("role.participant")}</th>
                    <th scope="col">{locale.t("workshop.status")}</th>
                    <th scope="col">{locale.t("attendance.title")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// The people with a place, a page of the waiting list, and the form to register someone.
pub fn people_section(
    locale: Locale,
    view: &StaffWorkshopView,
    found: Resource<Result<Vec<ParticipantSummary>, AppError>>,
    chosen: Option<i64>,
) -> impl IntoView + use<> {
    let id = view.workshop.id;
    let rate = (view.marked > 0).then(|| {
        view! {
            <p>{locale.tv("attendance.rate_workshop", &[("present", &view.present), ("marked", &view.marked)])}</p>
        }
    });
    let waiting = &view.waiting;
    let waiting_list = (waiting.total > 0).then(|| {
        view! {
            <h3 id="waiting-heading">{locale.tv("workshop.waiting_count", &[("n", &waiting.total)])}</h3>
            {people_table(locale, id, &waiting.items)}
            <Pager path=format!("/staff/workshops/{id}") params=Vec::new() param="waiting"
                page=waiting.page pages=waiting.pages anchor="waiting-heading" />
        }
    });
    view! {
        <section id="people" aria-labelledby="people-heading">
            <h2 id="people-heading">{locale.t("workshop.people")}</h2>
            {rate}
            {people_table(locale, id, &view.people)}
            {waiting_list}
            <div class="card-box" id="register">
                <h3>{locale.t("workshop.register_for")}</h3>
                <ParticipantSearch path=format!("/staff/workshops/{id}") anchor="register" />
                <form method="post" novalidate=true action=format!("/staff/workshops/{id}/people") class="form">
                    <ParticipantChoice found chosen anchor="register" />
                    <button type="submit" class="button button-primary">{locale.t("workshop.register_button")}</button>
                </form>
            </div>
        </section>
    }
}

/// `:id` and `:user` of the address.
fn ids() -> Result<(i64, i64), crate::error::AppError> {
    let params = leptos_router::hooks::use_params_map().read_untracked();
    let number = |name: &str| params.get(name).and_then(|v| v.parse().ok());
    number("id")
        .zip(number("user"))
        .ok_or(crate::error::AppError::NotFound)
}

/// One person in a workshop: their place and attendance, and the forms to remove them or
/// move them to another workshop (found by a search in the titles).
#[component]
pub fn WorkshopPersonPage() -> impl IntoView {
    let locale = use_locale();
    let search = search_text(query("q").as_deref());
    let asked = search.clone();
    let found = Resource::new_blocking(ids, move |ids| {
        let asked = asked.clone();
        async move {
            let (id, user) = ids?;
            workshop_person(id, user, asked).await
        }
    });
    view! {
        <Suspense>
            {move || {
                let search = search.clone();
                Suspend::new(async move {
                    match found.await {
                        Ok((workshop, person, targets)) => {
                            let (id, user) = (workshop.id, person.user_id);
                            let options = targets
                                .into_iter()
                                .map(|w| view! { <option value=w.id.to_string()>{w.title}</option> })
                                .collect_view();
                            let path = format!("/staff/workshops/{id}/people/{user}");
                            view! {
                                <PageTitle text=format!("{} — {}", person.name, workshop.title) />
                                <p><a href=format!("/staff/workshops/{id}#people")>"← " {workshop.title.clone()}</a></p>
                                <h1>{person.name.clone()}</h1>
                                <Notice />
                                <table class="table">
                                    <thead>
                                        <tr>
                                            <th scope="col">{locale.t("workshop.status")}</th>
                                            <th scope="col">{locale.t("attendance.title")}</th>
                                        </tr>
                                    </thead>
                                    <tbody><tr>{person_cells(locale, &person)}</tr></tbody>
                                </table>
                                <form method="post" novalidate=true action=format!("/staff/workshops/{id}/people/{user}/remove")>
                                    <button type="submit" class="button">{locale.t("workshop.remove")}</button>
                                </form>
                                <section class="card-box" id="move" aria-labelledby="move-heading">
                                    <h2 id="move-heading">{locale.tv("workshop.move_to", &[("name", &person.name)])}</h2>
                                    <form method="get" action=format!("{path}#move") class="form search-form" role="search">
                                        <label for="q">{locale.t("workshop.search")}</label>
                                        <input id="q" name="q" type="search" maxlength=SEARCH_MAX.to_string() value=search />
                                        <button type="submit" class="button">{locale.t("themes.search_button")}</button>
                                    </form>
                                    <form method="post" novalidate=true action=format!("/staff/workshops/{id}/people/{user}/move") class="form">
                                        <label for="to">{locale.t("workshop.move_choose")}</label>
                                        <select id="to" name="to" required>
                                            <option value="">{locale.t("moderation.choose")}</option>
                                            {options}
                                        </select>
                                        <button type="submit" class="button">{locale.t("workshop.move")}</button>
                                    </form>
                                </section>
                                <p>{workshop_title(&workshop, Some(format!("/staff/workshops/{id}")))}</p>
                            }
                                .into_any()
                        }
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// A workshop's history: its past sessions (each with its attendance sheet) and the people
/// who came and have no place any more, each a page at a time.
#[component]
pub fn WorkshopHistoryPage() -> impl IntoView {
    let locale = use_locale();
    let sessions_page = page_number(query("page").as_deref());
    let former_page = page_number(query("former").as_deref());
    let history = Resource::new_blocking(id_param, move |id| async move {
        workshop_history(id?, sessions_page, former_page).await
    });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match history.await {
                    Ok((workshop, sessions, former)) => {
                        let id = workshop.id;
                        let path = format!("/staff/workshops/{id}/history");
                        let items = sessions
                            .items
                            .iter()
                            .map(|s| view! {
                                <li class="card-box">
                                    {session_text(locale, s)}
                                    <a class="button" href=format!("/staff/sessions/{}/attendance", s.id)>
                                        {locale.t("attendance.open")}
                                    </a>
                                </li>
                            })
                            .collect_view();
                        let rows = former.items.iter().map(|p| former_row(locale, p)).collect_view();
                        view! {
                            <PageTitle text=format!("{} — {}", locale.t("workshop.history"), workshop.title) />
                            <p><a href=format!("/staff/workshops/{id}")>"← " {workshop.title.clone()}</a></p>
                            <h1>{locale.t("workshop.history")} " — " {workshop.title.clone()}</h1>
                            <section aria-labelledby="past-heading">
                                <h2 id="past-heading">{locale.tv("workshop.past_count", &[("n", &sessions.total)])}</h2>
                                <ul class="theme-list">{items}</ul>
                                <Pager path=path.clone() params=vec![("former", former.page.to_string())]
                                    page=sessions.page pages=sessions.pages anchor="past-heading" />
                            </section>
                            <section aria-labelledby="former-heading">
                                <h2 id="former-heading">{locale.tv("workshop.former_count", &[("n", &former.total)])}</h2>
                                <table class="table">
                                    <thead>
                                        <tr>
                                            <th scope="col">{locale.t("role.participant")}</th>
                                            <th scope="col">{locale.t("attendance.title")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>{rows}</tbody>
                                </table>
                                <Pager path params=vec![("page", sessions.page.to_string())] param="former"
                                    page=former.page pages=former.pages anchor="former-heading" />
                            </section>
                        }
                            .into_any()
                    }
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn former_row(locale: Locale, person: &Former) -> impl IntoView + use<> {
    view! {
        <tr>
            <th scope="row">
                <a href=format!("/staff/participants/{}", person.user_id)>{person.name.clone()}</a>
            </th>
            <td>{locale.plural("attendance.rate", person.present, &[("present", &person.present), ("marked", &person.marked)])}</td>
        </tr>
    }
}
