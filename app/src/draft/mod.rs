//! What was typed in a refused form, brought back to the page that shows the form again,
//! without ever travelling in an address (where it would stay in the shared tablet's history
//! and in request logs, and where a forged link could fill a form with someone else's words).
//!
//! A handler that refuses a form answers with [`refused`]: a redirect to the page with the
//! problem's code, carrying the typed fields in the response's extensions. The middleware
//! stores them on the server (`form_drafts`) and gives the browser a short-lived cookie; on
//! the next page of that path, by the same person, it takes them back, once, and pages read
//! them with [`typed`].

/// The typed fields of one refused form, and the page they go back to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormDraft {
    pub path: String,
    pub fields: Vec<(String, String)>,
}

/// The most of one field a draft keeps: more than any field allows.
pub const FIELD_MAX: usize = 600;
/// The most fields a draft keeps: more than any form has.
const FIELDS_MAX: usize = 64;

impl FormDraft {
    /// A draft of `fields` for `path`, each value cut to [`FIELD_MAX`] characters.
    pub fn new<'a>(path: &str, fields: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        FormDraft {
            path: path.to_string(),
            fields: fields
                .into_iter()
                .take(FIELDS_MAX)
                .map(|(name, value)| (name.to_string(), value.chars().take(FIELD_MAX).collect()))
                .collect(),
        }
    }
}

/// The value typed in field `name` of the form this page shows again, if it was refused.
pub fn typed(name: &str) -> Option<String> {
    typed_all(name).into_iter().next()
}

/// The value typed in field `name` if the form was sent back, else `saved`.
pub fn typed_or(name: &str, saved: String) -> String {
    typed(name).unwrap_or(saved)
}

/// Every value typed in field `name` (ticked boxes send one each).
pub fn typed_all(name: &str) -> Vec<String> {
    #[cfg(feature = "ssr")]
    {
        crate::request::request_info()
            .draft
            .into_iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value)
            .collect()
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = name;
        Vec::new()
    }
}

#[cfg(feature = "ssr")]
pub use server::*;

#[cfg(feature = "ssr")]
mod db;
#[cfg(feature = "ssr")]
pub use db::{forget_expired, forget_owner, save, take};

#[cfg(feature = "ssr")]
mod server {

    use crate::notices::Problem;
    use axum::response::Response;

    use super::FormDraft;
    use crate::reply::see_other;

    /// The cookie that holds a draft's token.
    pub const DRAFT_COOKIE: &str = "trame_draft";
    /// How long a draft waits for its page, in seconds.
    pub const DRAFT_SECS: i64 = 600;

    /// The answer to a refused form: back to `path` with the problem's code, `extra` query
    /// text (ids, never typed text) and the form's `anchor`; the typed `fields` go with it.
    pub fn refused<'a>(
        path: &str,
        problem: Problem,
        extra: &str,
        anchor: &str,
        fields: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Response {
        let mut response = see_other(&format!("{path}?error={problem}{extra}#{anchor}"));
        response
            .extensions_mut()
            .insert(FormDraft::new(path, fields));
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_keeps_fields_cut_short() {
        let long = "é".repeat(FIELD_MAX + 10);
        let draft = FormDraft::new("/themes", [("title", "Cuisine"), ("description", &long)]);
        assert_eq!(draft.fields[0], ("title".into(), "Cuisine".into()));
        assert_eq!(draft.fields[1].1.chars().count(), FIELD_MAX);
    }
}
