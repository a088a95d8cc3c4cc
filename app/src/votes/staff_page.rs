//! The social workers' pages for votes: open a round over published themes and follow the
//! rounds (turnout, never ballots); one round's page to close it, record a ballot at the
//! counter, read the results and turn a winner into a workshop.

use leptos::prelude::*;

use crate::ui::PageTitle;

use super::{
    DEFAULT_MAX_CHOICES, Phase, Round, get_round, list_rounds,
    page::{ballot_fields, method_text, results_list, theme_checkbox},
    round_defaults,
    views::phase_text,
};
use crate::irreversible::Irreversible;
use crate::ui::id_param;
use crate::{
    draft::typed,
    i18n::{Locale, use_locale},
    people::picker::{ParticipantChoice, ParticipantSearch, found_participants},
    themes::{views::theme_summary, vote_candidates},
    ui::{
        ErrorView,
        notice::{Notice, query},
    },
};

fn phase_badge(locale: Locale, phase: Phase) -> impl IntoView {
    let class = match phase {
        Phase::Open => "badge badge-published",
        _ => "badge",
    };
    view! { <span class=class>{locale.t(&format!("round.{}", phase.key()))}</span> }
}

fn round_item(locale: Locale, round: Round) -> impl IntoView {
    view! {
        <li class="card-box">
            <h3>
                <a href=format!("/staff/votes/{}", round.id)>{round.title.clone()}</a>
            </h3>
            <p>{phase_badge(locale, round.phase)} " " {phase_text(locale, &round)}</p>
            <p>{locale.plural("round.voters", round.voters, &[("voters", &round.voters)])}</p>
        </li>
    }
}

/// What the new-round form was sent back with, or its defaults.
struct RoundDraft {
    title: String,
    faces_method: bool,
    max_choices: String,
    five_faces: bool,
    opens: String,
    closes: String,
    live: bool,
    themes: Vec<i64>,
}

impl RoundDraft {
    fn sent_back(defaults: (String, String)) -> RoundDraft {
        let sent_back = query("error").is_some();
        RoundDraft {
            title: typed("title").unwrap_or_default(),
            faces_method: typed("method").as_deref() == Some("faces"),
            max_choices: typed("max_choices").unwrap_or_else(|| DEFAULT_MAX_CHOICES.to_string()),
            five_faces: typed("faces").as_deref() == Some("5"),
            opens: typed("opens").filter(|_| sent_back).unwrap_or(defaults.0),
            closes: typed("closes").filter(|_| sent_back).unwrap_or(defaults.1),
            live: typed("live").is_some_and(|v| !v.is_empty()),
            themes: typed("themes")
                .unwrap_or_default()
                .split(',')
                .filter_map(|id| id.parse().ok())
                .collect(),
        }
    }
}

fn new_round_form(
    locale: Locale,
    themes: Vec<crate::themes::Theme>,
    draft: RoundDraft,
) -> impl IntoView {
    let tiles = themes
        .into_iter()
        .filter(|theme| !theme.chosen)
        .map(|theme| {
            let id = format!("round-theme-{}", theme.id);
            let checked = draft.themes.contains(&theme.id);
            theme_checkbox(&theme, ("theme".into(), theme.id.to_string()), id, checked)
        })
        .collect_view();
    view! {
        <section class="card-box" id="new-round" aria-labelledby="new-round-heading">
            <h2 id="new-round-heading">{locale.t("round.new")}</h2>
            <form method="post" novalidate=true action="/staff/votes" class="form">
                <label for="round-title">{locale.t("round.field_title")}</label>
                <input id="round-title" name="title" type="text" required maxlength="80" value=draft.title />
                <fieldset class="picto-picker">
                    <legend>{locale.t("round.field_themes")}</legend>
                    {tiles}
                </fieldset>
                <fieldset class="choices">
                    <legend>{locale.t("round.field_method")}</legend>
                    <div class="choice">
                        <input type="radio" name="method" value="approval" id="method-approval" checked=!draft.faces_method />
                        <label for="method-approval">{locale.t("round.method_approval")}</label>
                    </div>
                    <label for="max-choices">{locale.t("round.field_max_choices")}</label>
                    <input id="max-choices" name="max_choices" type="number" min="1" max="50" value=draft.max_choices />
                    <div class="choice">
                        <input type="radio" name="method" value="faces" id="method-faces" checked=draft.faces_method />
                        <label for="method-faces">{locale.t("round.method_faces")}</label>
                    </div>
                    <label for="faces">{locale.t("round.field_faces")}</label>
                    <select id="faces" name="faces">
                        <option value="3" selected=!draft.five_faces>{locale.t("round.faces_3")}</option>
                        <option value="5" selected=draft.five_faces>{locale.t("round.faces_5")}</option>
                    </select>
                </fieldset>
                <label for="opens">{locale.t("round.field_opens")}</label>
                <input id="opens" name="opens" type="datetime-local" value=draft.opens aria-describedby="opens-hint" />
                <p id="opens-hint" class="hint">{locale.t("round.opens_hint")}</p>
                <label for="closes">{locale.t("round.field_closes")}</label>
                <input id="closes" name="closes" type="datetime-local" required value=draft.closes />
                <div class="choice">
                    <input type="checkbox" name="live" value="1" id="live" checked=draft.live />
                    <label for="live">{locale.t("round.field_live")}</label>
                </div>
                <button type="submit" class="button button-primary">
                    <span class="picto" aria-hidden="true">"🗳️"</span>
                    {locale.t("round.submit")}
                </button>
            </form>
        </section>
    }
}

#[component]
pub fn RoundsPage() -> impl IntoView {
    let locale = use_locale();
    let rounds = Resource::new_blocking(|| (), |_| list_rounds());
    let themes = Resource::new_blocking(|| (), |_| vote_candidates());
    let defaults = Resource::new_blocking(|| (), |_| round_defaults());
    view! {
        <PageTitle text=locale.t("nav.votes") />
        <h1>
            <span class="picto" aria-hidden="true">"🗳️"</span>
            {locale.t("nav.votes")}
        </h1>
        <Notice />
        <Suspense>
            {move || Suspend::new(async move {
                match (rounds.await, themes.await, defaults.await) {
                    (Ok(rounds), Ok(themes), Ok(defaults)) => {
                        let list = if rounds.is_empty() {
                            view! { <p>{locale.t("round.none")}</p> }.into_any()
                        } else {
                            let items = rounds.into_iter().map(|r| round_item(locale, r)).collect_view();
                            view! { <ul class="theme-list">{items}</ul> }.into_any()
                        };
                        let form = if themes.iter().filter(|t| !t.chosen).count() < 2 {
                            view! { <p class="notice notice-info">{locale.t("round.need_themes")}</p> }.into_any()
                        } else {
                            new_round_form(locale, themes, RoundDraft::sent_back(defaults)).into_any()
                        };
                        view! {
                            <section aria-labelledby="rounds-heading">
                                <h2 id="rounds-heading">{locale.t("round.list")}</h2>
                                {list}
                                <p>
                                    <a href="/themes/archive#rounds-heading">
                                        <span class="picto" aria-hidden="true">"🗂️"</span>
                                        {locale.t("round.archive_link")}
                                    </a>
                                </p>
                            </section>
                            {form}
                        }
                        .into_any()
                    }
                    (Err(error), _, _) | (_, Err(error), _) | (_, _, Err(error)) => {
                        view! { <ErrorView error /> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn RoundPage() -> impl IntoView {
    let locale = use_locale();
    let round = Resource::new_blocking(id_param, |id| async move { get_round(id?).await });
    let chosen = query("participant").and_then(|id| id.parse::<i64>().ok());
    let found = found_participants(chosen);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match round.await {
                    Ok(view) => {
                        let id = view.round.id;
                        let open = view.round.phase == Phase::Open;
                        let close = open.then(|| view! {
                            <p>
                                <a class="button" href=Irreversible::CloseVote.page(id)>
                                    <span class="picto" aria-hidden="true">"🔒"</span>
                                    {locale.t("round.close_now")}
                                </a>
                            </p>
                        });
                        let assist = open.then(|| {
                            view! {
                                <section class="card-box" id="assist" aria-labelledby="assist-heading">
                                    <h2 id="assist-heading">{locale.t("round.assist")}</h2>
                                    <p class="hint">{locale.t("round.assist_hint")}</p>
                                    <ParticipantSearch path=format!("/staff/votes/{id}") anchor="assist" />
                                    <form method="post" novalidate=true action=format!("/staff/votes/{id}/ballot") class="form">
                                        <ParticipantChoice found chosen anchor="assist" />
                                        {ballot_fields(locale, view.round.method, &view.themes, "assist")}
                                        <button type="submit" class="button button-primary">{locale.t("round.record")}</button>
                                    </form>
                                </section>
                            }
                        });
                        let results = match view.results.clone() {
                            Some(placed) => {
                                let action = (view.round.phase == Phase::Closed)
                                    .then(|| format!("/staff/votes/{id}/workshop"));
                                view! {
                                    <section aria-labelledby="results-heading">
                                        <h2 id="results-heading">{locale.t("results.title")}</h2>
                                        {results_list(locale, &view, &placed, action)}
                                    </section>
                                }
                                .into_any()
                            }
                            None => {
                                let items = view
                                    .themes
                                    .iter()
                                    .map(|t| view! { <li class="card-box">{theme_summary(locale, t)}</li> })
                                    .collect_view();
                                view! {
                                    <section aria-labelledby="ideas-heading">
                                        <h2 id="ideas-heading">{locale.t("round.ideas")}</h2>
                                        <p class="notice notice-info">{locale.t("round.results_later")}</p>
                                        <ul class="theme-list">{items}</ul>
                                    </section>
                                }
                                .into_any()
                            }
                        };
                        view! {
                            <PageTitle text=view.round.title.clone() />
                            <h1>{view.round.title.clone()}</h1>
                            <Notice />
                            <p>{phase_badge(locale, view.round.phase)} " " <strong>{phase_text(locale, &view.round)}</strong></p>
                            {(view.round.phase != Phase::Closed)
                                .then(|| view! { <p>{method_text(locale, view.round.method)}</p> })}
                            <p>
                                {locale.plural(
                                    "round.turnout",
                                    view.round.voters,
                                    &[("voters", &view.round.voters), ("participants", &view.participants)],
                                )}
                            </p>
                            {close}
                            {results}
                            {assist}
                            <p><a href="/staff/votes">{locale.t("round.back")}</a></p>
                        }
                        .into_any()
                    }
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
