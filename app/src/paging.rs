//! Lists that grow with the centre's history come a page at a time, and searches are short
//! and literal: what a page may ask the database, whatever is typed in the address.

use serde::{Deserialize, Serialize};

/// One page of a list: its items, which page it is, and how many there are in all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paged<T> {
    pub items: Vec<T>,
    /// The page shown, from 1: the one asked for, or the last when it was past the end.
    pub page: i64,
    pub pages: i64,
    pub total: i64,
    pub per_page: i64,
}

impl<T> Paged<T> {
    /// The position, from 1, of the first item shown (0 when there is none).
    pub fn first(&self) -> i64 {
        if self.items.is_empty() {
            0
        } else {
            (self.page - 1) * self.per_page + 1
        }
    }

    /// The position of the last item shown.
    pub fn last(&self) -> i64 {
        self.first() + self.items.len() as i64 - 1
    }
}

/// A page number from an address: 1 when missing, not a number, zero or negative; capped so
/// that no arithmetic on it can overflow (past the end, it becomes the last page).
pub fn page_number(text: Option<&str>) -> i64 {
    text.and_then(|t| t.trim().parse::<i64>().ok())
        .unwrap_or(1)
        .clamp(1, 1_000_000)
}

/// Where a page starts, for `total` items `per_page` at a time: the page number actually
/// shown (the last one when `asked` is past the end) and the rows to skip.
pub fn window(asked: i64, total: i64, per_page: i64) -> (i64, i64, i64) {
    let pages = ((total + per_page - 1) / per_page).max(1);
    let page = asked.clamp(1, pages);
    (page, pages, (page - 1) * per_page)
}

#[cfg(feature = "ssr")]
pub use server::{AnyQuery, fetch_page};

#[cfg(feature = "ssr")]
mod server {
    use sqlx::{Any, Row, any::AnyArguments, any::AnyRow, query::Query};

    use super::window;
    use crate::db::Db;

    /// A query on either backend, with its parameters bound.
    pub type AnyQuery<'q> = Query<'q, Any, AnyArguments<'q>>;

    /// A page of the rows of `rows`, a query that ends with `LIMIT $n OFFSET $n+1` (the two
    /// parameters bound here); `count` counts them all. Two statements, the count first, so
    /// that a page past the end is the last one. The rows, the page shown, the pages, and the
    /// total.
    pub async fn fetch_page<'q>(
        db: &Db,
        count: AnyQuery<'q>,
        rows: AnyQuery<'q>,
        page: i64,
        per_page: i64,
    ) -> Result<(Vec<AnyRow>, i64, i64, i64), sqlx::Error> {
        let total: i64 = count.fetch_one(db.read()).await?.try_get(0)?;
        let (shown, pages, skip) = window(page, total, per_page);
        let rows = rows.bind(per_page).bind(skip).fetch_all(db.read()).await?;
        Ok((rows, shown, pages, total))
    }
}

/// The longest search Trame reads: more is cut (a name or a card code is far shorter).
pub const SEARCH_MAX: usize = 60;

/// A search as typed: trimmed, without control characters, cut to [`SEARCH_MAX`].
pub fn search_text(text: Option<&str>) -> String {
    text.unwrap_or_default()
        .chars()
        .filter(|c| !c.is_control())
        .take(SEARCH_MAX)
        .collect::<String>()
        .trim()
        .to_string()
}

/// A `LIKE` pattern that finds `text` anywhere, read literally: `%`, `_` and the escape
/// character itself match only themselves (with `ESCAPE '\'`).
pub fn contains_pattern(text: &str) -> String {
    let mut pattern = String::from("%");
    for c in text.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// Percent-encodes a value for a query string.
pub fn query_value(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `path` with its query `params` (empty values left out), encoded.
pub fn address(path: &str, params: &[(&str, &str)]) -> String {
    let query: Vec<String> = params
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(name, value)| format!("{name}={}", query_value(value)))
        .collect();
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_are_sensible_whatever_is_typed() {
        assert_eq!(page_number(None), 1);
        assert_eq!(page_number(Some("3")), 3);
        assert_eq!(page_number(Some("-4")), 1);
        assert_eq!(page_number(Some("0")), 1);
        assert_eq!(page_number(Some("abc")), 1);
        assert_eq!(page_number(Some("99999999999999999999")), 1);
        assert_eq!(page_number(Some("9223372036854775807")), 1_000_000);
    }

    #[test]
    fn a_page_past_the_end_is_the_last() {
        assert_eq!(window(1, 0, 25), (1, 1, 0));
        assert_eq!(window(2, 60, 25), (2, 3, 25));
        assert_eq!(window(40, 60, 25), (3, 3, 50));
        assert_eq!(window(1_000_000, 10, 25), (1, 1, 0));
    }

    #[test]
    fn addresses_are_encoded() {
        assert_eq!(query_value("Zoë & co"), "Zo%C3%AB%20%26%20co");
        assert_eq!(
            address(
                "/staff/participants",
                &[("q", "a b"), ("status", ""), ("page", "2")]
            ),
            "/staff/participants?q=a%20b&page=2"
        );
    }

    #[test]
    fn searches_are_short_and_literal() {
        assert_eq!(search_text(Some("  Amina ")), "Amina");
        assert_eq!(search_text(Some(&"x".repeat(10_000))).len(), SEARCH_MAX);
        assert_eq!(search_text(Some("a\u{0}b")), "ab");
        assert_eq!(contains_pattern("50%_a\\"), "%50\\%\\_a\\\\%");
        assert_eq!(contains_pattern("ZOÉ"), "%zoé%");
    }
}
