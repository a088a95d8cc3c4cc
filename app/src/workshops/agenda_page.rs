//! Agendas to print, large and clear: a person's week or month (to pin on the fridge), with
//! their calendar link; and the centre's weekly programme for its notice board.

use leptos::prelude::*;

use crate::ui::PageTitle;

use super::{Agenda, get_agenda};
use crate::{
    i18n::{Locale, use_locale},
    ui::{
        ErrorView,
        notice::{Notice, query},
        print::PrintButton,
    },
};

/// When a session starting at `time` (`HH:MM`) and lasting `minutes` ends: `HH:MM`.
fn end_time(time: &str, minutes: i64) -> String {
    let start = time
        .split_once(':')
        .and_then(|(h, m)| Some(h.parse::<i64>().ok()? * 60 + m.parse::<i64>().ok()?))
        .unwrap_or_default();
    let end = (start + minutes).rem_euclid(24 * 60);
    format!("{:02}:{:02}", end / 60, end % 60)
}

/// The days of an agenda, each with its sessions.
fn days(locale: Locale, agenda: &Agenda) -> impl IntoView + use<> {
    if agenda.days.is_empty() {
        return view! { <p class="agenda-empty">{locale.t("agenda.empty")}</p> }.into_any();
    }
    agenda
        .days
        .iter()
        .map(|(day, sessions)| {
            let items = sessions
                .iter()
                .map(|s| {
                    let room = s.room.clone().map(|room| view! { <span class="agenda-room">{room}</span> });
                    let status = if s.cancelled.is_some() {
                        Some(view! { <strong class="badge badge-declined">{locale.t("session.cancelled")}</strong> })
                    } else {
                        s.moved_from.as_ref().map(|_| view! { <strong class="badge">{locale.t("session.moved")}</strong> })
                    };
                    let class = if s.cancelled.is_some() { "agenda-item struck" } else { "agenda-item" };
                    view! {
                        <li class=class>
                            <span class="agenda-time">{s.time.clone()} "–" {end_time(&s.time, s.minutes)}</span>
                            <span class="agenda-picto" aria-hidden="true">{s.pictogram.symbol()}</span>
                            <span class="agenda-title">{s.workshop.clone()}</span>
                            {room}
                            {status}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="agenda-day">
                    <h2>{day.clone()}</h2>
                    <ul class="agenda-list">{items}</ul>
                </section>
            }
        })
        .collect_view()
        .into_any()
}

/// Links to the period before and after, and to the week or the month.
fn period_links(locale: Locale, path: &str, agenda: &Agenda) -> impl IntoView + use<> {
    let month = agenda.previous.len() == 7;
    let other = if month {
        view! { <a href=path.to_string()>{locale.t("agenda.this_week")}</a> }.into_any()
    } else {
        let href = format!("{path}?period={}", agenda.month);
        view! { <a href=href>{locale.t("agenda.month")}</a> }.into_any()
    };
    view! {
        <nav class="agenda-nav no-print" aria-label=locale.t("agenda.periods")>
            <a href=format!("{path}?period={}", agenda.previous)>"← " {locale.t("agenda.previous")}</a>
            " · "
            {other}
            " · "
            <a href=format!("{path}?period={}", agenda.next)>{locale.t("agenda.next")} " →"</a>
        </nav>
    }
}

/// The personal calendar link, to add to a phone's calendar.
fn feed_section(locale: Locale, feed: Option<String>) -> impl IntoView {
    let (text, button) = match &feed {
        Some(_) => (
            locale.t("agenda.feed_renew_hint"),
            locale.t("agenda.feed_renew"),
        ),
        None => (locale.t("agenda.feed_hint"), locale.t("agenda.feed_make")),
    };
    let link = feed.map(|url| {
        view! {
            <label for="feed-url">{locale.t("agenda.feed_link")}</label>
            <input id="feed-url" type="text" readonly value=url />
        }
    });
    view! {
        <section class="card-box no-print" id="feed" aria-labelledby="feed-heading">
            <h2 id="feed-heading">{locale.t("agenda.feed_title")}</h2>
            {link}
            <p class="hint">{text}</p>
            <form method="post" novalidate=true action="/agenda/link">
                <button type="submit" class="button">{button}</button>
            </form>
        </section>
    }
}

#[component]
fn AgendaView(everyone: bool) -> impl IntoView {
    let locale = use_locale();
    let period = query("period").unwrap_or_default();
    let agenda = Resource::new_blocking(move || period.clone(), move |p| get_agenda(p, everyone));
    let (path, heading) = if everyone {
        ("/programme", locale.t("nav.programme"))
    } else {
        ("/agenda", locale.t("nav.agenda"))
    };
    view! {
        <Suspense>
            {move || {
                let heading = heading.clone();
                Suspend::new(async move {
                    match agenda.await {
                        Ok(agenda) => {
                            let feed = (!everyone).then(|| feed_section(locale, agenda.feed.clone()));
                            view! {
                                <PageTitle text=format!("{heading} — {}", agenda.title) />
                                <div class=if everyone { "printable agenda poster" } else { "printable agenda" }>
                                    <p class="print-only attestation-centre">{agenda.centre.clone()}</p>
                                    <h1>{heading.clone()} " — " {agenda.title.clone()}</h1>
                                    <Notice />
                                    {period_links(locale, path, &agenda)}
                                    {days(locale, &agenda)}
                                    <div class="no-print actions">
                                        <PrintButton label=locale.t("card.print") />
                                    </div>
                                </div>
                                {feed}
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

#[component]
pub fn AgendaPage() -> impl IntoView {
    view! { <AgendaView everyone=false /> }
}

#[component]
pub fn ProgrammePage() -> impl IntoView {
    view! { <AgendaView everyone=true /> }
}

#[cfg(test)]
mod tests {
    use super::end_time;

    #[test]
    fn sessions_end_after_their_length() {
        assert_eq!(end_time("13:30", 120), "15:30");
        assert_eq!(end_time("09:05", 55), "10:00");
        assert_eq!(end_time("23:30", 60), "00:30");
    }
}
