//! Pieces of view that workshop pages and the home page share.

use leptos::prelude::*;

use super::Session;
use crate::i18n::Locale;

/// A session in words: when, where, and whether it was moved or cancelled.
pub fn session_text(locale: Locale, session: &Session) -> impl IntoView + use<> {
    let room = session
        .room
        .clone()
        .map(|room| view! { <span class="hint">" · " {room}</span> });
    let cancelled = session.cancelled.clone().map(|reason| {
        view! {
            <p>
                <span class="badge badge-declined">{locale.t("session.cancelled")}</span>
                " "
                {reason}
            </p>
        }
    });
    let moved = session.moved_from.clone().map(|first| {
        view! {
            <p>
                <span class="badge">{locale.t("session.moved")}</span>
                " "
                {locale.tv("session.moved_from", &[("when", &first)])}
            </p>
        }
    });
    let class = if session.cancelled.is_some() {
        "session-when struck"
    } else {
        "session-when"
    };
    view! {
        <p class=class>
            <strong>{session.when.clone()}</strong>
            {room}
        </p>
        {cancelled}
        {moved}
    }
}
