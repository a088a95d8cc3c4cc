//! The interactive parts, the only code shipped to the browser as WebAssembly. Each is an
//! enhancement: the page works without it. Only the pages that hold one load the
//! WebAssembly and its script ([`page_has_islands`]); the others load no JavaScript at all.

use leptos::prelude::*;

/// Whether the page at `path` holds an island: the access card and the attestation, with
/// their print button.
#[cfg(feature = "ssr")]
pub fn page_has_islands(path: &str) -> bool {
    let parts: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    matches!(
        parts.as_slice(),
        ["", "journey", "attestation"] | ["", "staff", "participants", _, "card" | "attestation"]
    )
}

/// A "Print" button. Hidden until the WebAssembly has loaded (without JavaScript it could
/// not work, and the page says to use the browser's print menu instead).
#[island]
pub fn PrintButton(label: String) -> impl IntoView {
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    view! {
        <button
            type="button"
            class="button button-primary no-print"
            hidden=move || !ready.get()
            on:click=move |_| {
                if let Err(err) = window().print() {
                    leptos::logging::warn!("print failed: {err:?}");
                }
            }
        >
            <span class="picto" aria-hidden="true">
                "🖨️"
            </span>
            {label}
        </button>
    }
}
