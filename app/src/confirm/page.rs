//! The confirmation page: what is about to happen, in words, a button that does it and a way
//! back that does nothing.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::{Confirmation, describe_confirmation};
use crate::irreversible::Irreversible;
use crate::{
    draft,
    i18n::{Locale, use_locale},
    themes::REASON_MAX,
    ui::{ErrorView, PageTitle, id_param, notice::Notice, raw_text::raw_text},
};

fn kind_param() -> String {
    use_params_map()
        .read_untracked()
        .get("kind")
        .unwrap_or_default()
}

/// The reason a social worker gives when declining an idea; its author reads it.
fn reason_field(locale: Locale) -> impl IntoView {
    view! {
        <label for="reason">{locale.t("moderation.decline_reason")}</label>
        <textarea id="reason" name="reason" rows="3" required maxlength=REASON_MAX.to_string()>
            {raw_text(&draft::typed("reason").unwrap_or_default())}
        </textarea>
    }
}

fn asked(locale: Locale, asked: Confirmation) -> impl IntoView {
    let slug = asked.kind.slug();
    let title = locale.tv(&format!("confirm.{slug}.title"), &[("name", &asked.name)]);
    let body = match asked.done {
        Some(done) => view! {
            <p class="notice notice-info" role="status">{locale.t(&format!("confirm.done.{done}"))}</p>
            <p><a class="button" href=asked.back>{locale.t("confirm.back")}</a></p>
        }
        .into_any(),
        None => {
            let consequences = asked
                .consequences
                .iter()
                .map(|key| view! { <li>{locale.t(&format!("confirm.{slug}.{key}"))}</li> })
                .collect_view();
            let reason = (asked.kind == Irreversible::DeclineIdea).then(|| reason_field(locale));
            view! {
                <h2 id="consequences-heading">{locale.t("confirm.what_happens")}</h2>
                <ul class="consequences" aria-labelledby="consequences-heading">{consequences}</ul>
                <form method="post" novalidate=true action=asked.action class="form">
                    <input type="hidden" name="confirmed" value="yes" />
                    {reason}
                    <p class="actions">
                        <button type="submit" class="button button-danger">
                            {locale.t(&format!("confirm.{slug}.yes"))}
                        </button>
                        " "
                        <a class="button" href=asked.back>{locale.t("confirm.no")}</a>
                    </p>
                </form>
            }
            .into_any()
        }
    };
    view! {
        <PageTitle text=title.clone() />
        <h1>{title}</h1>
        <Notice />
        {body}
    }
}

/// `/confirm/{kind}/{id}`.
#[component]
pub fn ConfirmPage() -> impl IntoView {
    let locale = use_locale();
    let found = Resource::new_blocking(
        || (kind_param(), id_param()),
        |(kind, id)| async move { describe_confirmation(kind, id?).await },
    );
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(found) => asked(locale, found).into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
