//! The printable access card: name, code, PIN (shortly after issue only), and a QR code that
//! opens the login page with the code filled in. Sized to print and cut out.

use leptos::prelude::*;

use crate::ui::PageTitle;

use super::{AccessCard, cards_to_print, get_access_card};
use crate::ui::id_param;
use crate::{
    i18n::{Locale, use_locale},
    ui::{ErrorView, print::PrintButton},
};

#[component]
pub fn CardPage() -> impl IntoView {
    let locale = use_locale();
    let card = Resource::new_blocking(id_param, |id| async move { get_access_card(id?).await });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match card.await {
                    Ok(card) => {
                        view! {
                            <PageTitle text=format!("{} — {}", locale.t("card.title"), card.name) />
                            <p class="no-print">
                                <a href=format!("/staff/participants/{}", card.id)>
                                    "← "
                                    {card.name.clone()}
                                </a>
                            </p>
                            <h1 class="no-print">{locale.t("card.title")}</h1>
                            <div class="no-print actions">
                                <PrintButton label=locale.t("card.print") />
                            </div>
                            {card_face(locale, &card)}
                        }
                            .into_any()
                    }
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// One card as it prints: name, code, PIN (while it may be shown), QR code and the address.
fn card_face(locale: Locale, card: &AccessCard) -> impl IntoView + use<> {
    let pin = match card.pin.clone() {
        Some(pin) => view! { <dd class="code card-secret">{pin}</dd> }.into_any(),
        None => view! { <dd class="hint">{locale.t("card.pin_hidden")}</dd> }.into_any(),
    };
    view! {
        <article class="access-card" aria-label=format!("{} — {}", locale.t("card.title"), card.name)>
            <p class="access-card-brand">
                <span aria-hidden="true">"🧵"</span>
                " Trame"
            </p>
            <p class="access-card-name">{card.name.clone()}</p>
            <dl class="access-card-facts">
                <dt>{locale.t("login.code")}</dt>
                <dd class="code">{card.code.clone()}</dd>
                <dt>{locale.t("login.pin")}</dt>
                {pin}
            </dl>
            <div
                class="access-card-qr"
                role="img"
                aria-label=locale.t("card.qr_label")
                inner_html=card.qr_svg.clone()
            ></div>
            <p class="access-card-help">
                {locale.t("card.how_to")}
                " "
                <span class="url">{url_in_pieces(&card.login_url)}</span>
            </p>
        </article>
    }
}

/// The cards issued in the last half hour (their PINs still shown), several to an A4 sheet
/// with cutting lines: the day's new participants printed at once.
#[component]
pub fn CardSheetPage() -> impl IntoView {
    let locale = use_locale();
    let cards = Resource::new_blocking(|| (), |_| cards_to_print());
    view! {
        <PageTitle text=locale.t("cards.title") />
        <h1 class="no-print">{locale.t("cards.title")}</h1>
        <p class="no-print lead">{locale.t("cards.intro")}</p>
        <Suspense>
            {move || Suspend::new(async move {
                match cards.await {
                    Ok(cards) if cards.is_empty() => {
                        view! { <p>{locale.t("cards.none")}</p> }.into_any()
                    }
                    Ok(cards) => {
                        let faces = cards.iter().map(|card| card_face(locale, card)).collect_view();
                        view! {
                            <div class="no-print actions">
                                <PrintButton label=locale.t("card.print") />
                            </div>
                            <div class="card-sheet">{faces}</div>
                        }
                        .into_any()
                    }
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// An address that may wrap only after a `/` or a `.`, never inside a word.
fn url_in_pieces(url: &str) -> impl IntoView + use<> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    for c in url.chars() {
        piece.push(c);
        if c == '/' || c == '.' {
            pieces.push(std::mem::take(&mut piece));
        }
    }
    pieces.push(piece);
    pieces
        .into_iter()
        .map(|piece| view! { {piece} <wbr /> })
        .collect_view()
}
