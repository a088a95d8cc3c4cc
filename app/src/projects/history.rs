//! A goal's history: monthly confirmed totals, cumulated for the progress charts, and months
//! in words.

use chrono::{Months, NaiveDate};

use crate::i18n::Locale;

/// How many months a progress chart shows at most.
const CHART_MONTHS: usize = 12;

/// A month (`YYYY-MM`) in words: "novembre 2026".
pub(super) fn month_in_words(month: &str, locale: Locale) -> String {
    NaiveDate::parse_from_str(&format!("{month}-15"), "%Y-%m-%d")
        .ok()
        .and_then(|date| date.and_hms_opt(12, 0, 0))
        .map(|noon| locale.format(noon.and_utc().timestamp(), chrono_tz::UTC, "%B %Y"))
        .unwrap_or_else(|| month.to_string())
}

/// Monthly confirmed totals of a goal, cumulated, from its first month to this one (the last
/// `CHART_MONTHS` of them).
pub(super) fn cumulate(
    monthly: &[(String, i64)],
    this_month: &str,
    locale: Locale,
) -> Vec<(String, i64)> {
    let Some(first) = monthly.iter().map(|(m, _)| m.clone()).min() else {
        return Vec::new();
    };
    let parse = |m: &str| NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").ok();
    let (Some(mut month), Some(last)) = (parse(&first), parse(this_month)) else {
        return Vec::new();
    };
    let mut total = 0;
    let mut points = Vec::new();
    loop {
        let key = month.format("%Y-%m").to_string();
        total += monthly
            .iter()
            .filter(|(m, _)| *m == key)
            .map(|(_, n)| n)
            .sum::<i64>();
        points.push((month_in_words(&key, locale), total));
        if month >= last {
            break;
        }
        month = month + Months::new(1);
    }
    let skip = points.len().saturating_sub(CHART_MONTHS);
    points.split_off(skip)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_cumulated_up_to_this_month_without_gaps() {
        let monthly = vec![("2026-09".to_string(), 5), ("2026-11".to_string(), 3)];
        let points = cumulate(&monthly, "2026-12", Locale::En);
        let totals: Vec<i64> = points.iter().map(|(_, n)| *n).collect();
        assert_eq!(totals, vec![5, 5, 8, 8]);
        assert_eq!(points[0].0, "September 2026");
        assert!(cumulate(&[], "2026-12", Locale::En).is_empty());
    }

    #[test]
    fn a_chart_keeps_the_last_twelve_months() {
        let monthly = vec![("2024-01".to_string(), 1)];
        let points = cumulate(&monthly, "2026-12", Locale::Fr);
        assert_eq!(points.len(), CHART_MONTHS);
        assert_eq!(points.last().map(|p| p.1), Some(1));
        assert_eq!(
            points.last().map(|p| p.0.clone()),
            Some("décembre 2026".into())
        );
    }
}
