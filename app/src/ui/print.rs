//! The print button of the pages meant for paper (access card, attestation, attendance
//! sheet, programme). A few lines of plain script, `/print.js` (the site's own file, which
//! the Content-Security-Policy allows), show it and make it print: no WebAssembly. Without
//! JavaScript it stays hidden and the hint beside it points to the browser's Print menu.

use leptos::prelude::*;

use crate::i18n::use_locale;

#[component]
pub fn PrintButton(label: String) -> impl IntoView {
    let locale = use_locale();
    view! {
        <button type="button" class="button button-primary no-print" data-print="" hidden=true>
            <span class="picto" aria-hidden="true">
                "🖨️"
            </span>
            {label}
        </button>
        <p class="hint no-print">{locale.t("card.print_help")}</p>
        <script src="/print.js" defer=true></script>
    }
}
