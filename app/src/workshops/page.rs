//! The participant's workshop pages: the workshops to join, and one workshop with its
//! sessions, where they register in one step, say "I can't come this time" and give
//! feedback afterwards.

use leptos::prelude::*;

use crate::ui::PageTitle;

use super::views::session_text;
use super::{FEEDBACK_FACES, Place, Session, Workshop, WorkshopView, get_workshop, list_workshops};
use crate::irreversible::Irreversible;
use crate::{
    access::Role,
    i18n::{Locale, use_locale},
    paging::page_number,
    ui::{
        ErrorView, id_param,
        notice::{Notice, query},
        pager::Pager,
        use_viewer,
    },
};

/// The kind of a workshop in a sentence, with its number of places.
pub fn workshop_facts(locale: Locale, workshop: &Workshop) -> impl IntoView + use<> {
    let kind = locale.t(&format!("workshop.kind_{}", workshop.kind.key()));
    let people = (!workshop.facilitators.is_empty()).then(|| {
        let names: Vec<String> = workshop
            .facilitators
            .iter()
            .map(|(_, n)| n.clone())
            .collect();
        view! { <p>{locale.tv("workshop.with", &[("names", &names.join(" & "))])}</p> }
    });
    let room = workshop
        .room
        .clone()
        .map(|room| view! { <p>{locale.tv("workshop.in_room", &[("room", &room)])}</p> });
    let places = if workshop.is_full() && workshop.waiting == 0 {
        locale.t("workshop.full_nobody_waiting")
    } else if workshop.is_full() {
        locale.tv("workshop.full", &[("waiting", &workshop.waiting)])
    } else {
        locale.tv(
            "workshop.places_left",
            &[("n", &(workshop.capacity - workshop.registered))],
        )
    };
    let next = workshop
        .next
        .clone()
        .map(|when| view! { <p>{locale.tv("workshop.next", &[("when", &when)])}</p> });
    view! {
        <p><span class="badge">{kind}</span> " " {places}</p>
        {next}
        {people}
        {room}
    }
}

/// The viewer's place as a badge.
fn place_badge(locale: Locale, place: Option<Place>) -> impl IntoView {
    place.map(|place| match place {
        Place::Registered => {
            view! { <p class="badge badge-published">{locale.t("workshop.you_registered")}</p> }
                .into_any()
        }
        Place::Waiting(n) => view! {
            <p class="badge badge-proposed">{locale.tv("workshop.you_waiting", &[("n", &n)])}</p>
        }
        .into_any(),
    })
}

/// A workshop's picture and title as a heading.
pub fn workshop_title(workshop: &Workshop, href: Option<String>) -> impl IntoView + use<> {
    let title = workshop.title.clone();
    let written = use_locale().content_lang();
    let title = match href {
        Some(href) => view! { <a href=href lang=written>{title}</a> }.into_any(),
        None => view! { <span lang=written>{title}</span> }.into_any(),
    };
    view! {
        <span class="tile-picto" aria-hidden="true">{workshop.pictogram.symbol()}</span>
        {title}
    }
}

/// Workshops as cards, each linking to its page.
fn workshop_cards(locale: Locale, list: Vec<Workshop>) -> impl IntoView {
    let items = list
        .into_iter()
        .map(|w| {
            let href = format!("/workshops/{}", w.id);
            view! {
                <li class="card-box">
                    <h3 class="theme-title">{workshop_title(&w, Some(href))}</h3>
                    {place_badge(locale, w.place)}
                    {workshop_facts(locale, &w)}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="theme-list">{items}</ul> }
}

#[component]
pub fn WorkshopsPage() -> impl IntoView {
    let locale = use_locale();
    let page = page_number(query("page").as_deref());
    let workshops = Resource::new_blocking(|| (), move |_| list_workshops(page));
    view! {
        <PageTitle text=locale.t("nav.workshops") />
        <h1>
            <span class="picto" aria-hidden="true">"📅"</span>
            {locale.t("nav.workshops")}
        </h1>
        <Notice />
        <p><a class="button" href="/agenda">
            <span class="picto" aria-hidden="true">"🗓️"</span>
            {locale.t("nav.agenda")}
        </a></p>
        <Suspense>
            {move || Suspend::new(async move {
                match workshops.await {
                    Ok((mine, others)) => {
                        let mine = (!mine.is_empty()).then(|| view! {
                            <section aria-labelledby="mine-heading">
                                <h2 id="mine-heading">{locale.t("workshop.mine")}</h2>
                                {workshop_cards(locale, mine)}
                            </section>
                        });
                        let others_list = if others.items.is_empty() {
                            view! { <p>{locale.t("workshop.none")}</p> }.into_any()
                        } else {
                            workshop_cards(locale, others.items).into_any()
                        };
                        view! {
                            {mine}
                            <section aria-labelledby="others-heading">
                                <h2 id="others-heading">{locale.t("workshop.to_join")}</h2>
                                {others_list}
                                <Pager path="/workshops".to_string() params=Vec::new() page=others.page
                                    pages=others.pages anchor="others-heading" />
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

/// Register, or leave (the place or the waiting list).
fn registration(locale: Locale, workshop: &Workshop) -> impl IntoView + use<> {
    let id = workshop.id;
    match workshop.place {
        None if workshop.upcoming == 0 => view! { <p>{locale.t("workshop.over")}</p> }.into_any(),
        None => {
            let label = if workshop.is_full() {
                locale.t("workshop.join_waiting")
            } else if workshop.kind == super::Kind::Cycle {
                locale.plural(
                    "workshop.register_cycle",
                    workshop.upcoming,
                    &[("n", &workshop.upcoming)],
                )
            } else {
                locale.t("workshop.register")
            };
            view! {
                <form method="post" novalidate=true action=format!("/workshops/{id}/register")>
                    <button type="submit" class="button button-primary">
                        <span class="picto" aria-hidden="true">"✍️"</span>
                        {label}
                    </button>
                </form>
            }
            .into_any()
        }
        Some(place) => {
            let label = match place {
                Place::Registered => locale.t("workshop.leave"),
                Place::Waiting(_) => locale.t("workshop.leave_waiting"),
            };
            view! {
                <p>
                    <a class="button" href=Irreversible::LeaveWorkshop.page(id)>
                        <span class="picto" aria-hidden="true">"↩️"</span>
                        {label}
                    </a>
                </p>
            }
            .into_any()
        }
    }
}

/// Three faces and a comment, after a session.
fn feedback_form(locale: Locale, session: &Session) -> impl IntoView + use<> {
    let id = session.id;
    let faces = FEEDBACK_FACES
        .iter()
        .enumerate()
        .rev()
        .map(|(face, symbol)| {
            let input = format!("face-{id}-{face}");
            view! {
                <div class="picto-option">
                    <input type="radio" name="face" value=face.to_string() id=input.clone() required />
                    <label for=input>
                        <span class="tile-picto" aria-hidden="true">{*symbol}</span>
                        <span>{locale.t(&format!("feedback.face_{face}"))}</span>
                    </label>
                </div>
            }
        })
        .collect_view();
    let comment = format!("comment-{id}");
    let sign = format!("sign-{id}");
    view! {
        <form method="post" novalidate=true action=format!("/sessions/{id}/feedback") class="form">
            <fieldset class="picto-picker">
                <legend>{locale.t("feedback.question")}</legend>
                {faces}
            </fieldset>
            <label for=comment.clone()>{locale.t("feedback.comment")}</label>
            <textarea id=comment name="comment" rows="2" maxlength="500"></textarea>
            <div class="choice">
                <input type="checkbox" name="sign" value="1" id=sign.clone() />
                <label for=sign>{locale.t("feedback.sign")}</label>
            </div>
            <p class="hint">{locale.t("feedback.anonymous")}</p>
            <button type="submit" class="button button-primary">{locale.t("feedback.send")}</button>
        </form>
    }
}

/// A session on the participant's page, with what they can do about it.
fn my_session(locale: Locale, session: &Session, registered: bool) -> impl IntoView + use<> {
    let id = session.id;
    let live = session.cancelled.is_none();
    let action = if !registered || !live {
        None
    } else if !session.past {
        let (want, picto, label, note) = if session.away {
            (
                "no",
                "👍",
                locale.t("session.can_come"),
                Some(locale.t("session.you_away")),
            )
        } else {
            ("yes", "🙅", locale.t("session.cannot_come"), None)
        };
        Some(
            view! {
                {note.map(|note| view! { <p class="badge badge-proposed">{note}</p> })}
                <form method="post" novalidate=true action=format!("/sessions/{id}/away")>
                    <input type="hidden" name="want" value=want />
                    <button type="submit" class="button">
                        <span class="picto" aria-hidden="true">{picto}</span>
                        {label}
                    </button>
                </form>
            }
            .into_any(),
        )
    } else if session.feedback_given {
        Some(view! { <p>{locale.t("feedback.thanks")}</p> }.into_any())
    } else {
        Some(feedback_form(locale, session).into_any())
    };
    view! {
        <li class="card-box" id=format!("session-{id}")>
            {session_text(locale, session)}
            {action}
        </li>
    }
}

#[component]
pub fn WorkshopPage() -> impl IntoView {
    let locale = use_locale();
    let staff = use_viewer().is_some_and(|v| v.role != Role::Participant);
    let view = Resource::new_blocking(id_param, |id| async move { get_workshop(id?).await });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match view.await {
                    Ok(WorkshopView { workshop, sessions }) => {
                        let registered = workshop.place == Some(Place::Registered);
                        let description = (!workshop.description.is_empty())
                            .then(|| view! { <p lang=locale.content_lang()>{workshop.description.clone()}</p> });
                        let items = sessions
                            .iter()
                            .map(|s| my_session(locale, s, registered))
                            .collect_view();
                        let act = (!staff).then(|| registration(locale, &workshop));
                        let manage = staff.then(|| view! {
                            <p><a class="button" href=format!("/staff/workshops/{}", workshop.id)>
                                {locale.t("workshop.manage")}
                            </a></p>
                        });
                        view! {
                            <PageTitle text=workshop.title.clone() />
                            <h1 class="theme-title">{workshop_title(&workshop, None)}</h1>
                            <Notice />
                            {place_badge(locale, workshop.place)}
                            {description}
                            {workshop_facts(locale, &workshop)}
                            {act}
                            {manage}
                            <section aria-labelledby="sessions-heading">
                                <h2 id="sessions-heading">{locale.t("workshop.sessions")}</h2>
                                <ul class="theme-list">{items}</ul>
                            </section>
                            <p><a href="/workshops">{locale.t("workshop.back")}</a></p>
                        }
                        .into_any()
                    }
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
