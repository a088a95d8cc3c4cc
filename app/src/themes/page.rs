//! The participant's page for themes: propose an idea (a few words and a picture), follow
//! what became of one's ideas, and see the ideas the group has published.

use leptos::prelude::*;

use crate::ui::PageTitle;

use super::views::{PictogramPicker, ThemeFields, theme_summary};
use super::{Pictogram, Status, Theme, idea_board};
use crate::irreversible::Irreversible;
use crate::{
    access::Role,
    draft::typed,
    i18n::{Locale, use_locale},
    paging::{Paged, SEARCH_MAX, page_number, search_text},
    ui::{
        ErrorView,
        notice::{Notice, query},
        pager::Pager,
        use_viewer,
    },
    votes::{Phase, Round, list_rounds, views::phase_text},
};

pub(super) fn status_badge(locale: Locale, theme: &Theme) -> impl IntoView + use<> {
    let (class, text) = if theme.chosen {
        ("published", locale.t("themes.chosen"))
    } else {
        (
            theme.status.key(),
            locale.t(&format!("status.{}", theme.status.key())),
        )
    };
    let merged = theme.merged_into.clone().map(|title| {
        view! { <p>{locale.t("themes.merged_into")} " " <strong>{title}</strong></p> }
    });
    view! {
        <p class=format!("badge badge-{class}")>{text}</p>
        {merged}
    }
}

/// A published idea of the group, with how many back it and, for others' ideas, the
/// "me too" button (or the one taking it back).
fn group_theme(locale: Locale, theme: &Theme, own: bool) -> impl IntoView + use<> {
    let id = theme.id;
    let supporters = (theme.supporters > 0)
        .then(|| view! { <p>{locale.tv("themes.supporters", &[("n", &theme.supporters)])}</p> });
    let action = (!own).then(|| {
        let (want, picto, label) = if theme.supported {
            ("no", "↩️", locale.t("themes.unsupport"))
        } else {
            ("yes", "🙋", locale.t("themes.support"))
        };
        view! {
            <form method="post" novalidate=true action=format!("/themes/{id}/support")>
                <input type="hidden" name="want" value=want />
                <button type="submit" class="button">
                    <span class="picto" aria-hidden="true">{picto}</span>
                    {label}
                    <span class="visually-hidden">" " {theme.title.clone()}</span>
                </button>
            </form>
        }
    });
    view! {
        <li class="card-box" id=format!("group-{id}")>
            {theme_summary(locale, theme)}
            {supporters}
            {action}
        </li>
    }
}

/// A round on the participant's page: when it closes, and the way in to vote or to read the
/// results.
pub(super) fn round_item(locale: Locale, round: Round) -> impl IntoView {
    let href = format!("/votes/{}", round.id);
    let (picto, label) = match round.phase {
        Phase::Open if round.voted => ("🔁", locale.t("vote.change")),
        Phase::Open => ("🗳️", locale.t("vote.go")),
        Phase::Closed => ("📊", locale.t("vote.see_results")),
        Phase::Scheduled => ("👀", locale.t("vote.see_ideas")),
    };
    let voted = (round.voted && round.phase == Phase::Open)
        .then(|| view! { <p class="badge badge-published">{locale.t("vote.voted")}</p> });
    view! {
        <li class="card-box">
            <h3>{round.title.clone()}</h3>
            <p>{phase_text(locale, &round)}</p>
            {voted}
            <p>
                <a class="button button-primary" href=href>
                    <span class="picto" aria-hidden="true">{picto}</span>
                    {label}
                    <span class="visually-hidden">" " {round.title.clone()}</span>
                </a>
            </p>
        </li>
    }
}

/// The votes open, to come and recently closed, and the themes the group chose.
fn votes_section(locale: Locale, rounds: Vec<Round>, chosen: Vec<Theme>) -> impl IntoView {
    let rounds = if rounds.is_empty() {
        view! { <p>{locale.t("vote.none")}</p> }.into_any()
    } else {
        let items = rounds
            .into_iter()
            .map(|r| round_item(locale, r))
            .collect_view();
        view! { <ul class="theme-list">{items}</ul> }.into_any()
    };
    let chosen = (!chosen.is_empty()).then(|| {
        let items = chosen
            .iter()
            .map(|t| {
                view! {
                    <li class="card-box">
                        {theme_summary(locale, t)}
                        <p class="badge badge-published">{locale.t("themes.chosen")}</p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3>{locale.t("themes.chosen_heading")}</h3>
            <ul class="theme-list">{items}</ul>
        }
    });
    view! {
        <section aria-labelledby="votes-heading" id="votes">
            <h2 id="votes-heading">
                <span class="picto" aria-hidden="true">"🗳️"</span>
                {locale.t("vote.heading")}
            </h2>
            {rounds}
            {chosen}
        </section>
    }
}

/// What someone typed in a theme form that the server sent back with a problem.
#[derive(Clone, Default)]
struct ThemeDraft {
    title: String,
    description: String,
    pictogram: Option<Pictogram>,
}

/// One of the viewer's own ideas: its state, the reason if declined, and while it waits,
/// the forms to change or withdraw it (open, with what was typed, when a change was sent
/// back).
fn my_theme(locale: Locale, theme: Theme, draft: Option<ThemeDraft>) -> impl IntoView {
    let id = theme.id;
    let open = draft.is_some();
    let draft = draft.unwrap_or_else(|| ThemeDraft {
        title: theme.title.clone(),
        description: theme.description.clone(),
        pictogram: Some(theme.pictogram),
    });
    let reason = theme.decline_reason.clone().map(|reason| {
        view! {
            <p class="notice notice-info">
                <strong>{locale.t("themes.reason")}</strong>
                " "
                {reason}
            </p>
        }
    });
    let actions = (theme.status == Status::Proposed).then(|| {
        view! {
            <details class="edit" open=open>
                <summary>{locale.t("themes.change")}</summary>
                <form method="post" novalidate=true action=format!("/themes/{id}/edit") class="form">
                    <ThemeFields
                        title=draft.title
                        description=draft.description
                        id_prefix=format!("edit-{id}")
                    />
                    <PictogramPicker selected=draft.pictogram id_prefix=format!("edit-{id}") />
                    <button type="submit" class="button button-primary">{locale.t("themes.save")}</button>
                </form>
            </details>
            <a class="button" href=Irreversible::WithdrawIdea.page(id)>
                {locale.t("themes.withdraw")}
                <span class="visually-hidden">" " {theme.title.clone()}</span>
            </a>
        }
    });
    view! {
        <li class="card-box" id=format!("theme-{id}")>
            {theme_summary(locale, &theme)}
            {status_badge(locale, &theme)}
            {reason}
            {actions}
        </li>
    }
}

/// The group's open ideas: a search in their titles, a page of them, the other pages.
fn group_section(locale: Locale, open: Paged<Theme>, own: &[i64], search: String) -> impl IntoView {
    let list = if open.items.is_empty() {
        view! { <p>{locale.t("themes.group_none")}</p> }.into_any()
    } else {
        let items = open
            .items
            .iter()
            .map(|t| group_theme(locale, t, own.contains(&t.id)))
            .collect_view();
        view! { <ul class="theme-list">{items}</ul> }.into_any()
    };
    let showing = (open.total > 0).then(|| {
        locale.tv(
            "themes.showing",
            &[
                ("first", &open.first()),
                ("last", &open.last()),
                ("total", &open.total),
            ],
        )
    });
    let field = search.clone();
    view! {
        <section aria-labelledby="group-heading">
            <h2 id="group-heading">{locale.t("themes.group")}</h2>
            <form method="get" action="/themes#group-heading" class="form search-form" role="search">
                <label for="q">{locale.t("themes.search")}</label>
                <input id="q" name="q" type="search" maxlength=SEARCH_MAX.to_string() value=field />
                <button type="submit" class="button">
                    <span class="picto" aria-hidden="true">"🔎"</span>
                    {locale.t("themes.search_button")}
                </button>
            </form>
            <p role="status">{showing}</p>
            {list}
            <Pager path="/themes".to_string() params=vec![("q", search)] page=open.page
                pages=open.pages anchor="group-heading" />
            <p>
                <a href="/themes/archive">
                    <span class="picto" aria-hidden="true">"🗂️"</span>
                    {locale.t("themes.archive_link")}
                </a>
            </p>
        </section>
    }
}

#[component]
pub fn ThemesPage() -> impl IntoView {
    let locale = use_locale();
    let search = search_text(query("q").as_deref());
    let page = page_number(query("page").as_deref());
    let asked = search.clone();
    let board = Resource::new_blocking(|| (), move |_| idea_board(asked.clone(), page));
    let rounds = Resource::new_blocking(|| (), |_| list_rounds());
    let sent_back = ThemeDraft {
        title: typed("title").unwrap_or_default(),
        description: typed("description").unwrap_or_default(),
        pictogram: typed("pictogram").and_then(|key| Pictogram::parse(&key)),
    };
    // A change to an existing idea comes back to that idea's form, a new one to the top form.
    let editing = query("edit").and_then(|id| id.parse::<i64>().ok());
    let (new_draft, edit_draft) = match editing {
        Some(id) => (ThemeDraft::default(), Some((id, sent_back))),
        None => (sent_back, None),
    };
    let participant = use_viewer().is_some_and(|v| v.role == Role::Participant);
    view! {
        <PageTitle text=locale.t("nav.themes") />
        <h1>
            <span class="picto" aria-hidden="true">"💡"</span>
            {locale.t("nav.themes")}
        </h1>
        <Notice />
        <Suspense>
            {move || {
                let edit_draft = edit_draft.clone();
                let search = search.clone();
                let new_draft = new_draft.clone();
                Suspend::new(async move {
                match (rounds.await, board.await) {
                    (Ok(rounds), Ok(board)) => {
                        let own: Vec<i64> = board.mine.iter().map(|t| t.id).collect();
                        let mine_list = if board.mine.is_empty() {
                            view! { <p>{locale.t("themes.mine_none")}</p> }.into_any()
                        } else {
                            let items = board
                                .mine
                                .into_iter()
                                .map(|t| {
                                    let draft = edit_draft
                                        .clone()
                                        .filter(|(id, _)| *id == t.id)
                                        .map(|(_, draft)| draft);
                                    my_theme(locale, t, draft)
                                })
                                .collect_view();
                            view! { <ul class="theme-list">{items}</ul> }.into_any()
                        };
                        let mine = participant.then(|| view! {
                            <section aria-labelledby="mine-heading">
                                <h2 id="mine-heading">{locale.t("themes.mine")}</h2>
                                {mine_list}
                            </section>
                        });
                        view! {
                            {votes_section(locale, rounds, board.chosen)}
                            <section class="card-box" id="propose" aria-labelledby="propose-heading">
                                <h2 id="propose-heading">{locale.t("themes.propose")}</h2>
                                <form method="post" novalidate=true action="/themes" class="form">
                                    <ThemeFields
                                        title=new_draft.title
                                        description=new_draft.description
                                        id_prefix="new".to_string()
                                    />
                                    <PictogramPicker selected=new_draft.pictogram id_prefix="new".to_string() />
                                    <button type="submit" class="button button-primary">
                                        <span class="picto" aria-hidden="true">"📨"</span>
                                        {locale.t("themes.submit")}
                                    </button>
                                </form>
                            </section>
                            {mine}
                            {group_section(locale, board.open, &own, search)}
                        }
                            .into_any()
                    }
                    (Err(error), _) | (_, Err(error)) => view! { <ErrorView error /> }.into_any(),
                }
                })
            }}
        </Suspense>
    }
}
