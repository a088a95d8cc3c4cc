//! A participant's outcomes for staff (`/staff/participants/{id}/outcomes`): those noted, and
//! the form to note one (which, the day, the workshop that led to it, a short note).

use leptos::prelude::*;

use super::{
    Choice, OUTCOME_NOTE_MAX, ParticipantOutcomes, outcomes_of_participant, views::outcome_list,
};
use crate::{
    draft::{typed, typed_or},
    i18n::{Locale, use_locale},
    ui::{ErrorView, PageTitle, id_param, notice::Notice},
};

/// `<option>`s for `choices`, `chosen` selected.
fn options(choices: &[Choice], chosen: &str) -> impl IntoView + use<> {
    choices
        .iter()
        .map(|choice| {
            let value = choice.id.to_string();
            let selected = value == chosen;
            view! { <option value=value selected=selected>{choice.label.clone()}</option> }
        })
        .collect_view()
}

fn record_form(locale: Locale, id: i64, data: &ParticipantOutcomes) -> impl IntoView + use<> {
    if !data.open {
        return view! { <p class="notice notice-info">{locale.t("outcome.closed")}</p> }.into_any();
    }
    let outcome = typed("outcome").unwrap_or_default();
    let workshop = typed("workshop").unwrap_or_default();
    view! {
        <section class="card-box" id="record" aria-labelledby="record-heading">
            <h2 id="record-heading">{locale.t("outcome.record")}</h2>
            <form method="post" novalidate=true action=format!("/staff/participants/{id}/outcomes") class="form">
                <label for="outcome">{locale.t("outcome.field_outcome")}</label>
                <select id="outcome" name="outcome" required>
                    <option value="">{locale.t("moderation.choose")}</option>
                    {options(&data.outcomes, &outcome)}
                </select>
                <label for="day">{locale.t("outcome.field_day")}</label>
                <input id="day" name="day" type="date" required max=data.today.clone()
                    value=typed_or("day", data.today.clone()) />
                <label for="workshop">{locale.t("outcome.field_workshop")}</label>
                <select id="workshop" name="workshop">
                    <option value="">{locale.t("outcome.no_workshop")}</option>
                    {options(&data.workshops, &workshop)}
                </select>
                <label for="note">{locale.t("outcome.field_note")}</label>
                <input id="note" name="note" type="text" maxlength=OUTCOME_NOTE_MAX.to_string()
                    value=typed("note").unwrap_or_default() />
                <button type="submit" class="button button-primary">{locale.t("outcome.save")}</button>
            </form>
        </section>
    }
    .into_any()
}

#[component]
pub fn ParticipantOutcomesPage() -> impl IntoView {
    let locale = use_locale();
    let data = Resource::new_blocking(id_param, |id| async move {
        let id = id?;
        outcomes_of_participant(id).await.map(|data| (id, data))
    });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok((id, data)) => {
                        let title = locale.tv("outcome.title_of", &[("name", &data.name)]);
                        view! {
                            <PageTitle text=title.clone() />
                            <h1>
                                <span class="picto" aria-hidden="true">"🧭"</span>
                                {title}
                            </h1>
                            <p>
                                <a href=format!("/staff/participants/{id}")>{data.name.clone()}</a>
                            </p>
                            <Notice />
                            {record_form(locale, id, &data)}
                            <section id="recorded" aria-labelledby="recorded-heading">
                                <h2 id="recorded-heading">{locale.t("outcome.recorded")}</h2>
                                {outcome_list(locale, &data.recorded, false)}
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
