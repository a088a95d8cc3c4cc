//! The form toolkit every form handler shares: checked forms, refilling a refused one,
//! ticked boxes, numbers and short texts within bounds.

use crate::notices::Problem;
use std::collections::HashMap;

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

/// A form's ticked boxes, each named `<prefix><id>` (`skill_3`), apart from its named fields
/// (`#[serde(flatten)]`).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(transparent)]
pub(crate) struct Ticked(HashMap<String, String>);

impl Ticked {
    /// The ids of the boxes named `<prefix><id>`, in order.
    pub(crate) fn ids(&self, prefix: &str) -> Vec<i64> {
        let mut ids: Vec<i64> = self
            .0
            .keys()
            .filter_map(|name| name.strip_prefix(prefix)?.parse().ok())
            .collect();
        ids.sort_unstable();
        ids
    }
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
        let boxes = Ticked(
            [
                ("skill_3", "1"),
                ("skill_x", "1"),
                ("note", "a"),
                ("skill_1", "1"),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        );
        assert_eq!(boxes.ids("skill_"), vec![1, 3]);
    }
}
