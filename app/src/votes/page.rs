//! The participant's page for a round: the ballot while it is open, the results when they
//! show. Also the pieces the social workers' page shares: the ballot's fields and the
//! results list.

use leptos::prelude::*;

use crate::ui::PageTitle;

use super::{
    FACES, Method, Phase, RoundView, face_index, get_round, tally::Placed, views::phase_text,
};
use crate::{
    access::Role,
    i18n::{Locale, use_locale},
    themes::{Theme, views::theme_summary},
    ui::{
        ErrorView, id_param,
        notice::{Notice, query},
        use_viewer,
    },
};

/// What the round asks, in a sentence.
pub fn method_text(locale: Locale, method: Method) -> String {
    match method {
        Method::Approval { max_choices } => locale.plural(
            "vote.choose_up_to",
            max_choices.into(),
            &[("n", &max_choices)],
        ),
        Method::Faces { .. } => locale.t("vote.give_faces"),
    }
}

/// An idea's few words under its title on a ballot, when it has some.
fn few_words(theme: &Theme) -> Option<impl IntoView + use<>> {
    (!theme.description.is_empty())
        .then(|| view! { <span class="tile-words">{theme.description.clone()}</span> })
}

/// A theme as a large tile to tick: its picture, title and few words.
pub fn theme_checkbox(
    theme: &Theme,
    (name, value): (String, String),
    id: String,
    checked: bool,
) -> impl IntoView + use<> {
    view! {
        <div class="picto-option">
            <input type="checkbox" name=name value=value id=id.clone() checked=checked />
            <label for=id>
                <span class="tile-picto" aria-hidden="true">{theme.pictogram.symbol()}</span>
                <span>{theme.title.clone()}</span>
                {few_words(theme)}
            </label>
        </div>
    }
}

/// A grade's face and word, e.g. "🙂 Bien".
fn face_label(locale: Locale, faces: u32, grade: u32) -> String {
    let place = face_index(faces, grade);
    format!("{} {}", FACES[place], locale.t(&format!("face.{place}")))
}

/// The fields of a ballot: a large tile to tick per theme, or a row of faces per theme.
/// Always empty: a ballot is never shown again, not even to its voter.
pub fn ballot_fields(locale: Locale, method: Method, themes: &[Theme], prefix: &str) -> AnyView {
    match method {
        Method::Approval { max_choices } => {
            let tiles = themes
                .iter()
                .map(|theme| {
                    let id = format!("{prefix}-choice-{}", theme.id);
                    theme_checkbox(theme, (format!("choice_{}", theme.id), "1".into()), id, false)
                })
                .collect_view();
            view! {
                <fieldset class="picto-picker">
                    <legend>{locale.plural("vote.choose_up_to", max_choices.into(), &[("n", &max_choices)])}</legend>
                    {tiles}
                </fieldset>
            }
            .into_any()
        }
        Method::Faces { faces } => themes
            .iter()
            .map(|theme| {
                let options = (0..faces)
                    .map(|grade| {
                        let place = face_index(faces, grade);
                        let id = format!("{prefix}-grade-{}-{grade}", theme.id);
                        view! {
                            <div class="picto-option">
                                <input type="radio" name=format!("grade_{}", theme.id) value=grade.to_string() id=id.clone() />
                                <label for=id>
                                    <span class="tile-picto" aria-hidden="true">{FACES[place]}</span>
                                    <span>{locale.t(&format!("face.{place}"))}</span>
                                </label>
                            </div>
                        }
                    })
                    .collect_view();
                view! {
                    <fieldset class="picto-picker faces" data-title=theme.title.clone()>
                        <legend>
                            <span aria-hidden="true">{theme.pictogram.symbol()}</span>
                            " "
                            {theme.title.clone()}
                        </legend>
                        {few_words(theme)}
                        {options}
                        <p class="unfaced-note">{locale.t("vote.unfaced_note")}</p>
                    </fieldset>
                }
            })
            .collect_view()
            .into_any(),
    }
}

/// A bar drawn in SVG (no inline style, which the Content-Security-Policy forbids), one
/// segment per `(class, share of 100)`. Decorative: the numbers are written beside it.
fn bar(segments: Vec<(String, f64)>) -> impl IntoView {
    let mut x = 0.0;
    let rects = segments
        .into_iter()
        .map(|(class, width)| {
            let rect = view! {
                <rect x=format!("{x:.2}") y="0" width=format!("{width:.2}") height="10" class=class />
            };
            x += width;
            rect
        })
        .collect_view();
    view! {
        <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect x="0" y="0" width="100" height="10" class="bar-track" />
            {rects}
        </svg>
    }
}

fn share(part: u32, whole: i64) -> f64 {
    if whole > 0 {
        f64::from(part) * 100.0 / whole as f64
    } else {
        0.0
    }
}

/// One theme's numbers, in words, and its bar.
fn score(locale: Locale, method: Method, placed: &Placed, ballots: i64) -> impl IntoView + use<> {
    match method {
        Method::Approval { .. } => view! {
            {bar(vec![("bar-fill".to_string(), share(placed.votes, ballots))])}
            <p>{locale.tv("results.votes", &[("votes", &placed.votes), ("ballots", &ballots)])}</p>
        }
        .into_any(),
        Method::Faces { faces } => {
            let majority = placed.majority.map(|grade| {
                let face = face_label(locale, faces, grade);
                view! {
                    <p>
                        <strong>{locale.tv("results.majority", &[("face", &face)])}</strong>
                        " "
                        {locale.tv("results.or_better", &[("votes", &placed.votes), ("ballots", &ballots)])}
                    </p>
                }
            });
            // Best face first, in the bar as in the words.
            let (segments, counts): (Vec<_>, Vec<_>) = placed
                .grades
                .iter()
                .enumerate()
                .rev()
                .map(|(grade, count)| {
                    let place = face_index(faces, grade as u32);
                    (
                        (format!("bar-face-{place}"), share(*count, ballots)),
                        format!("{} : {count}", face_label(locale, faces, grade as u32)),
                    )
                })
                .unzip();
            let counts = counts.join(" · ");
            view! {
                {majority}
                {bar(segments)}
                <p class="hint">{counts}</p>
            }
            .into_any()
        }
    }
}

/// A round's results: the themes ranked, each with a bar and its numbers in words. With
/// `workshop_action` (a social worker, round closed), each theme not yet a workshop gets the
/// button that makes it one.
pub fn results_list(
    locale: Locale,
    view: &RoundView,
    placed: &[Placed],
    workshop_action: Option<String>,
) -> impl IntoView + use<> {
    let ballots = view.round.voters;
    let method = view.round.method;
    let items = placed
        .iter()
        .filter_map(|p| {
            let theme = view.themes.iter().find(|t| t.id == p.theme_id)?.clone();
            let tied = placed.iter().filter(|other| other.rank == p.rank).count() > 1;
            let rank = if tied {
                locale.tv("results.rank_tied", &[("rank", &p.rank)])
            } else {
                locale.tv("results.rank", &[("rank", &p.rank)])
            };
            let outcome = if theme.chosen {
                Some(
                    view! { <p class="badge badge-published">{locale.t("results.chosen")}</p> }
                        .into_any(),
                )
            } else {
                // The idea the vote put first becomes a workshop in one step; another one only
                // after opening the disclosure that says the group's choice is set aside.
                workshop_action.clone().map(|action| {
                    let form = view! {
                        <form method="post" novalidate=true action=action>
                            <input type="hidden" name="theme" value=theme.id.to_string() />
                            {(p.rank != 1).then(|| view! { <input type="hidden" name="other" value="yes" /> })}
                            <button type="submit" class="button button-primary">
                                <span class="picto" aria-hidden="true">"🗓️"</span>
                                {locale.t("results.make_workshop")}
                                <span class="visually-hidden">" " {theme.title.clone()}</span>
                            </button>
                        </form>
                    };
                    if p.rank == 1 {
                        form.into_any()
                    } else {
                        view! {
                            <details class="edit">
                                <summary>
                                    {locale.t("results.make_other_workshop")}
                                    <span class="visually-hidden">" " {theme.title.clone()}</span>
                                </summary>
                                <p>{locale.t("results.not_the_winner")}</p>
                                {form}
                            </details>
                        }
                        .into_any()
                    }
                })
            };
            Some(view! {
                <li class="card-box result" id=format!("result-{}", theme.id)>
                    <p class="rank">{rank}</p>
                    {theme_summary(locale, &theme)}
                    {score(locale, method, p, ballots)}
                    {outcome}
                </li>
            })
        })
        .collect_view();
    view! {
        <p>{locale.tv("results.turnout", &[("ballots", &ballots)])}</p>
        <ol class="theme-list results">{items}</ol>
    }
}

#[component]
pub fn VotePage() -> impl IntoView {
    let locale = use_locale();
    let participant = use_viewer().is_some_and(|v| v.role == Role::Participant);
    let round = Resource::new_blocking(id_param, |id| async move { get_round(id?).await });
    let changing = query("change").is_some();
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match round.await {
                    Ok(view) => {
                        let id = view.round.id;
                        // What the round asks, while it can still be answered.
                        let asks = (view.round.phase != Phase::Closed)
                            .then(|| view! { <p>{method_text(locale, view.round.method)}</p> });
                        let staff_link = (!participant).then(|| view! {
                            <p><a class="button" href=format!("/staff/votes/{id}")>{locale.t("vote.staff_page")}</a></p>
                        });
                        let open = participant && view.round.phase == Phase::Open;
                        // Once voted, the page says so; the ballot comes back, empty, on asking
                        // to change the vote.
                        let recorded = (open && view.round.voted && !changing).then(|| view! {
                            <section class="card-box" id="ballot" aria-labelledby="ballot-heading">
                                <h2 id="ballot-heading">{locale.t("vote.ballot")}</h2>
                                <p>{locale.t("vote.recorded")}</p>
                                <p>
                                    <a class="button" href=format!("/votes/{id}?change=1#ballot")>
                                        {locale.t("vote.change")}
                                    </a>
                                </p>
                            </section>
                        });
                        let ballot = (open && (!view.round.voted || changing)).then(|| {
                            let already = view.round.voted.then(|| view! {
                                <p class="notice notice-info">{locale.t("vote.already")}</p>
                            });
                            // Faces: an idea left without one is asked about before sending
                            // (`/ballot.js`); without JavaScript each says so beside its faces.
                            let faces = matches!(view.round.method, Method::Faces { .. });
                            let question = faces.then(|| view! {
                                <div class="notice notice-info unfaced-question" role="alert" tabindex="-1" hidden=true>
                                    <p>{locale.t("vote.unfaced_question")} " " <strong class="unfaced-list"></strong></p>
                                    <p>{locale.t("vote.unfaced_again")}</p>
                                </div>
                                <script src="/ballot.js" defer=true></script>
                            });
                            view! {
                                <section class="card-box" id="ballot" aria-labelledby="ballot-heading">
                                    <h2 id="ballot-heading">{locale.t("vote.ballot")}</h2>
                                    {already}
                                    <form method="post" novalidate=true action=format!("/votes/{id}") class="form" data-faces=faces.then_some("")>
                                        {ballot_fields(locale, view.round.method, &view.themes, "ballot")}
                                        {question}
                                        <button type="submit" class="button button-primary">
                                            <span class="picto" aria-hidden="true">"🗳️"</span>
                                            {locale.t("vote.submit")}
                                        </button>
                                    </form>
                                </section>
                            }
                        });
                        let results = view.results.clone().map(|placed| view! {
                            <section aria-labelledby="results-heading">
                                <h2 id="results-heading">{locale.t("results.title")}</h2>
                                {results_list(locale, &view, &placed, None)}
                            </section>
                        });
                        let themes = (view.round.phase == Phase::Scheduled).then(|| {
                            let items = view
                                .themes
                                .iter()
                                .map(|t| view! { <li class="card-box">{theme_summary(locale, t)}</li> })
                                .collect_view();
                            view! {
                                <section aria-labelledby="ideas-heading">
                                    <h2 id="ideas-heading">{locale.t("round.ideas")}</h2>
                                    <ul class="theme-list">{items}</ul>
                                </section>
                            }
                        });
                        view! {
                            <PageTitle text=view.round.title.clone() />
                            <h1>
                                <span class="picto" aria-hidden="true">"🗳️"</span>
                                {view.round.title.clone()}
                            </h1>
                            <Notice />
                            <p><strong>{phase_text(locale, &view.round)}</strong></p>
                            {asks}
                            {staff_link}
                            {recorded}
                            {ballot}
                            {themes}
                            {results}
                            <p><a href="/themes">{locale.t("vote.back")}</a></p>
                        }
                        .into_any()
                    }
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
