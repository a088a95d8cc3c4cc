//! The outcomes of a participant as a list: on their journey (with, for the participant,
//! the choice of showing each on their attestation) and on the staff page.

use leptos::prelude::*;

use super::OutcomeLine;
use crate::i18n::Locale;

/// `lines`, newest first; `choose` adds the participant's attestation buttons.
pub fn outcome_list(locale: Locale, lines: &[OutcomeLine], choose: bool) -> impl IntoView + use<> {
    if lines.is_empty() {
        return view! { <p>{locale.t("outcome.none")}</p> }.into_any();
    }
    let items = lines
        .iter()
        .map(|line| {
            let after = line
                .workshop
                .as_ref()
                .map(|w| format!(" — {}", locale.tv("outcome.after", &[("workshop", w)])));
            let note = (!line.note.is_empty()).then(|| view! { <p class="hint">{line.note.clone()}</p> });
            let standing = if line.on_attestation {
                locale.t("outcome.on_attestation")
            } else {
                locale.t("outcome.not_on_attestation")
            };
            let form = choose.then(|| {
                let (shown, label) = if line.on_attestation {
                    ("0", locale.t("outcome.hide"))
                } else {
                    ("1", locale.t("outcome.show"))
                };
                view! {
                    <form method="post" action=format!("/journey/outcomes/{}", line.id) class="inline-form">
                        <input type="hidden" name="shown" value=shown />
                        <button type="submit" class="button">
                            {label}
                            <span class="visually-hidden">{format!(" — {}", line.name)}</span>
                        </button>
                    </form>
                }
            });
            view! {
                <li class="card-box">
                    <p>
                        <span class="picto" aria-hidden="true">{line.pictogram.clone()}</span>
                        " " <strong>{line.name.clone()}</strong>
                        " — " <time datetime=line.day.clone()>{line.day_words.clone()}</time>
                        {after}
                    </p>
                    {note}
                    <p class="hint">{standing}</p>
                    {form}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="theme-list">{items}</ul> }.into_any()
}
