//! The interactive parts, the only code shipped to the browser as WebAssembly. Each is an
//! enhancement: the page works without it.

use leptos::prelude::*;

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
