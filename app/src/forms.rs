//! The form toolkit every form handler shares: a posted form's fields, reading one, numbers
//! and short texts within bounds, and the answer that sends a form back with its problem.

use crate::notices::Problem;
use std::collections::HashMap;

use axum::response::Response;

use crate::{draft::refused, error::AppError};

/// A posted form, by field name.
pub(crate) type Fields = HashMap<String, String>;
/// A form checked: the value, or the problem to send it back with; or an error.
pub(crate) type Checked<T> = Result<Result<T, Problem>, AppError>;

/// A field's value, trimmed (empty when missing).
pub(crate) fn field<'a>(form: &'a Fields, name: &str) -> &'a str {
    form.get(name).map(|value| value.trim()).unwrap_or_default()
}

/// Back to `path` with the problem, the form's `keep` fields and `extra` query text (ids,
/// never typed text), at `anchor`.
pub(crate) fn back(
    path: &str,
    problem: Problem,
    form: &Fields,
    keep: &[&str],
    extra: &str,
    anchor: &str,
) -> Response {
    let typed = keep.iter().map(|name| (*name, field(form, name)));
    refused(path, problem, extra, anchor, typed)
}

/// A typed form that can come back filled after a refusal: the fields to fill it again
/// with, trimmed (never a secret such as a password or PIN).
pub(crate) trait Refill {
    fn refill(&self) -> Vec<(&'static str, &str)>;
}

/// Back to `path` with the problem and the typed form's fields, `extra` query text (ids,
/// never typed text), at `anchor`.
pub(crate) fn send_back(
    path: &str,
    problem: Problem,
    form: &impl Refill,
    extra: &str,
    anchor: &str,
) -> Response {
    refused(path, problem, extra, anchor, form.refill())
}

/// A number within `range`, or `None`.
pub(crate) fn number_in(text: &str, range: std::ops::RangeInclusive<i64>) -> Option<i64> {
    text.parse::<i64>().ok().filter(|n| range.contains(n))
}

/// A short one-line text of at most `max` characters (empty allowed).
pub(crate) fn short_text(text: &str, max: usize) -> Option<String> {
    (text.chars().count() <= max && !text.chars().any(char::is_control)).then(|| text.to_string())
}
