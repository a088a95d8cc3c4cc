//! Trame's Leptos library: pages, components, server functions, domain and database code.
//!
//! Built twice: with `ssr` for the server (everything), and with `hydrate` for the browser
//! bundle cargo-leptos builds, where only islands would be compiled in. Trame has none today:
//! every page is complete as sent and loads no WebAssembly; the one script is `/print.js`.

// Leptos views nest deeply in their types; the default limit is too low for release builds.
#![recursion_limit = "256"]

rust_i18n::i18n!("locales", fallback = "fr");

pub mod access;
pub mod audit;
pub mod auth;
pub mod catalogue;
pub mod confirm;
pub mod draft;
pub mod error;
pub mod guard;
pub mod home;
pub mod i18n;
pub mod impact;
pub mod irreversible;
pub mod notices;
pub mod outcomes;
pub mod paging;
pub mod people;
pub mod privacy;
pub mod projects;
pub mod shell;
pub mod themes;
pub mod token;
pub mod ui;
pub mod votes;
pub mod workshops;

#[cfg(feature = "ssr")]
pub mod csv;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod forms;
#[cfg(feature = "ssr")]
pub mod reply;
#[cfg(feature = "ssr")]
pub mod request;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod when;

pub use shell::App;
#[cfg(feature = "ssr")]
pub use shell::shell;

/// Browser entry point of the bundle: hydrates the islands (none today) and nothing else.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
}
