//! The participant's page for themes: propose an idea (a few words and a picture), follow
//! what became of one's ideas, and see the ideas the group has published.

use leptos::prelude::*;

use crate::shell::PageTitle;

use super::{DESCRIPTION_MAX, Pictogram, Status, TITLE_MAX, Theme, my_themes, published_themes};
use crate::{
    draft::typed,
    i18n::{Locale, use_locale},
    shell::{
        ErrorView,
        notice::{Notice, query},
        raw_text::raw_text,
    },
    votes::{Phase, Round, chosen_themes, list_rounds, page::phase_text},
};

/// A choice of pictogram: large tiles, each a picture and its word, as radio buttons.
#[component]
pub fn PictogramPicker(selected: Option<Pictogram>, id_prefix: String) -> impl IntoView {
    let locale = use_locale();
    let options = Pictogram::ALL
        .into_iter()
        .map(|picto| {
            let id = format!("{id_prefix}-{}", picto.key());
            view! {
                <div class="picto-option">
                    <input
                        type="radio"
                        name="pictogram"
                        id=id.clone()
                        value=picto.key()
                        checked=selected == Some(picto)
                        required
                    />
                    <label for=id>
                        <span class="tile-picto" aria-hidden="true">{picto.symbol()}</span>
                        <span>{locale.t(&picto.label_key())}</span>
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="picto-picker">
            <legend>{locale.t("themes.field_pictogram")}</legend>
            {options}
        </fieldset>
    }
}

/// The title and description fields of a theme form.
#[component]
pub fn ThemeFields(title: String, description: String, id_prefix: String) -> impl IntoView {
    let locale = use_locale();
    let title_id = format!("{id_prefix}-title");
    let hint_id = format!("{id_prefix}-title-hint");
    let description_id = format!("{id_prefix}-description");
    view! {
        <label for=title_id.clone()>{locale.t("themes.field_title")}</label>
        <input
            id=title_id
            name="title"
            type="text"
            required
            maxlength=TITLE_MAX.to_string()
            value=title
            aria-describedby=hint_id.clone()
        />
        <p id=hint_id class="hint">{locale.t("themes.title_hint")}</p>
        <label for=description_id.clone()>{locale.t("themes.field_description")}</label>
        <textarea id=description_id name="description" rows="3" maxlength=DESCRIPTION_MAX.to_string()>
            {raw_text(&description)}
        </textarea>
    }
}

/// A theme's picture, title and words, as a heading and text.
pub fn theme_summary(locale: Locale, theme: &Theme) -> impl IntoView + use<> {
    let description = (!theme.description.is_empty()).then(|| {
        let text = theme.description.clone();
        view! { <p>{text}</p> }
    });
    view! {
        <h3 class="theme-title">
            <span class="tile-picto" aria-hidden="true">{theme.pictogram.symbol()}</span>
            <span>{theme.title.clone()}</span>
        </h3>
        <p class="hint">{locale.t(&theme.pictogram.label_key())}</p>
        {description}
    }
}

fn status_badge(locale: Locale, theme: &Theme) -> impl IntoView + use<> {
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
            <form method="post" action=format!("/themes/{id}/support")>
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
fn round_item(locale: Locale, round: Round) -> impl IntoView {
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
struct Draft {
    title: String,
    description: String,
    pictogram: Option<Pictogram>,
}

/// One of the viewer's own ideas: its state, the reason if declined, and while it waits,
/// the forms to change or withdraw it (open, with what was typed, when a change was sent
/// back).
fn my_theme(locale: Locale, theme: Theme, draft: Option<Draft>) -> impl IntoView {
    let id = theme.id;
    let open = draft.is_some();
    let draft = draft.unwrap_or_else(|| Draft {
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
                <form method="post" action=format!("/themes/{id}/edit") class="form">
                    <ThemeFields
                        title=draft.title
                        description=draft.description
                        id_prefix=format!("edit-{id}")
                    />
                    <PictogramPicker selected=draft.pictogram id_prefix=format!("edit-{id}") />
                    <button type="submit" class="button button-primary">{locale.t("themes.save")}</button>
                </form>
            </details>
            <form method="post" action=format!("/themes/{id}/withdraw")>
                <button type="submit" class="button">{locale.t("themes.withdraw")}</button>
            </form>
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

#[component]
pub fn ThemesPage() -> impl IntoView {
    let locale = use_locale();
    let mine = Resource::new_blocking(|| (), |_| my_themes());
    let published = Resource::new_blocking(|| (), |_| published_themes());
    let rounds = Resource::new_blocking(|| (), |_| list_rounds());
    let chosen = Resource::new_blocking(|| (), |_| chosen_themes());
    let sent_back = Draft {
        title: typed("title").unwrap_or_default(),
        description: typed("description").unwrap_or_default(),
        pictogram: typed("pictogram").and_then(|key| Pictogram::parse(&key)),
    };
    // A change to an existing idea comes back to that idea's form, a new one to the top form.
    let editing = query("edit").and_then(|id| id.parse::<i64>().ok());
    let (new_draft, edit_draft) = match editing {
        Some(id) => (Draft::default(), Some((id, sent_back))),
        None => (sent_back, None),
    };
    view! {
        <PageTitle text=locale.t("nav.themes") />
        <h1>
            <span class="picto" aria-hidden="true">"💡"</span>
            {locale.t("nav.themes")}
        </h1>
        <Notice />
        <Suspense>
            {move || Suspend::new(async move {
                match (rounds.await, chosen.await) {
                    (Ok(rounds), Ok(chosen)) => votes_section(locale, rounds, chosen).into_any(),
                    (Err(error), _) | (_, Err(error)) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
        <section class="card-box" id="propose" aria-labelledby="propose-heading">
            <h2 id="propose-heading">{locale.t("themes.propose")}</h2>
            <form method="post" action="/themes" class="form">
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
        <Suspense>
            {move || {
                let edit_draft = edit_draft.clone();
                Suspend::new(async move {
                match (mine.await, published.await) {
                    (Ok(mine), Ok(published)) => {
                        let own: Vec<i64> = mine.iter().map(|t| t.id).collect();
                        let mine_list = if mine.is_empty() {
                            view! { <p>{locale.t("themes.mine_none")}</p> }.into_any()
                        } else {
                            let items = mine
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
                        let group_list = if published.is_empty() {
                            view! { <p>{locale.t("themes.group_none")}</p> }.into_any()
                        } else {
                            let items = published
                                .iter()
                                .map(|t| group_theme(locale, t, own.contains(&t.id)))
                                .collect_view();
                            view! { <ul class="theme-list">{items}</ul> }.into_any()
                        };
                        view! {
                            <section aria-labelledby="mine-heading">
                                <h2 id="mine-heading">{locale.t("themes.mine")}</h2>
                                {mine_list}
                            </section>
                            <section aria-labelledby="group-heading">
                                <h2 id="group-heading">{locale.t("themes.group")}</h2>
                                {group_list}
                            </section>
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
