//! The admin page for the centre itself: its name and postal address, printed on
//! attestations and on the programme.

use leptos::prelude::*;

use super::{CENTRE_ADDRESS_MAX, CENTRE_NAME_MAX, get_centre};
use crate::{
    draft::typed_or,
    i18n::use_locale,
    ui::{ErrorView, PageTitle, notice::Notice},
};

#[component]
pub fn CentrePage() -> impl IntoView {
    let locale = use_locale();
    let centre = Resource::new_blocking(|| (), |_| get_centre());
    view! {
        <PageTitle text=locale.t("centre.title") />
        <h1>{locale.t("centre.title")}</h1>
        <Notice />
        <Suspense>
            {move || Suspend::new(async move {
                match centre.await {
                    Ok((name, address)) => view! {
                        <form method="post" novalidate=true action="/admin/centre" class="form card-box">
                            <label for="centre-name">{locale.t("centre.name")}</label>
                            <input id="centre-name" name="name" type="text" required
                                maxlength=CENTRE_NAME_MAX.to_string() value=typed_or("name", name) />
                            <label for="centre-address">{locale.t("centre.address")}</label>
                            <input id="centre-address" name="address" type="text"
                                maxlength=CENTRE_ADDRESS_MAX.to_string() value=typed_or("address", address)
                                aria-describedby="centre-address-hint" />
                            <p id="centre-address-hint" class="hint">{locale.t("centre.address_hint")}</p>
                            <button type="submit" class="button button-primary">{locale.t("account.save")}</button>
                        </form>
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
