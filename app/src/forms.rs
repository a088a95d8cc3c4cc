//! The form toolkit every form handler shares: checked forms, refilling a refused one,
//! ids of ticked boxes, numbers and short texts within bounds.

use crate::notices::Problem;

use axum::response::Response;

use crate::{draft::refused, error::AppError};

/// A form checked: the value, or the problem to send it back with; or an error.
pub(crate) type Checked<T> = Result<Result<T, Problem>, AppError>;

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

/// The ids of a group of ticked boxes posted under one name (`skill=3&skill=5`), in order,
/// each once; a value that is not an id is left out.
pub(crate) fn ids(values: &[String]) -> Vec<i64> {
    let mut ids: Vec<i64> = values
        .iter()
        .filter_map(|v| v.trim().parse().ok())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// A number within `range`, or `None`.
pub(crate) fn number_in(text: &str, range: std::ops::RangeInclusive<i64>) -> Option<i64> {
    text.parse::<i64>().ok().filter(|n| range.contains(n))
}

/// A short one-line text of at most `max` characters (empty allowed).
pub(crate) fn short_text(text: &str, max: usize) -> Option<String> {
    (text.chars().count() <= max && !text.chars().any(char::is_control)).then(|| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticked_boxes_give_their_ids() {
        let values: Vec<String> = ["3", "x", "1", "03"].map(String::from).to_vec();
        assert_eq!(ids(&values), vec![1, 3]);
    }
}
