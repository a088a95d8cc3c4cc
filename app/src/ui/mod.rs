//! View helpers every page shares: the layout, messages carried back from forms, pagers,
//! the print button, titles, error views and route parameters. Imports no domain.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::{access::Viewer, error::AppError, i18n::use_locale};

pub mod layout;
pub mod notice;
pub mod pager;
pub mod print;
pub mod raw_text;

pub use layout::Layout;

/// The logged-in person for this request, provided as context by the shell.
#[derive(Clone, Debug)]
pub struct CurrentViewer(pub Option<Viewer>);

/// The page is not for the viewer's role: the layout shows the 403 message instead of it.
#[derive(Clone, Copy, Debug)]
pub struct Denied(pub bool);

/// The request carried a session that has ended (expired, logged out elsewhere).
#[derive(Clone, Copy, Debug)]
pub struct SessionEnded(pub bool);

pub fn use_viewer() -> Option<Viewer> {
    use_context::<CurrentViewer>().and_then(|current| current.0)
}

/// The `:id` of the current address, or `NotFound`.
pub fn id_param() -> Result<i64, AppError> {
    use_params_map()
        .read_untracked()
        .get("id")
        .and_then(|id| id.parse().ok())
        .ok_or(AppError::NotFound)
}

/// The page's `<title>`: `text` and the site's name, escaped (see [`raw_text`]).
#[component]
pub fn PageTitle(#[prop(into)] text: String) -> impl IntoView {
    view! { <Title text=raw_text::raw_text(&format!("{text} — Trame")) /> }
}

/// Shows an error in the user's language and gives the page the error's status.
#[component]
pub fn ErrorView(error: AppError) -> impl IntoView {
    let locale = use_locale();
    crate::error::set_status(error.status());
    let message = error.message(locale);
    view! {
        <PageTitle text=message.clone() />
        <h1>{message}</h1>
        <p>
            <a class="button" href="/">
                {locale.t("error.back_home")}
            </a>
        </p>
    }
}
