//! How a figure of the report reads: a count, hours, a rate, a quantity in its unit, or
//! "fewer than 5" and "hidden" in a shareable report.

use super::{Measure, Shown};
use crate::i18n::Locale;

/// `n` with one decimal at most, the decimal sign of `locale`.
pub fn decimal(locale: Locale, n: f64) -> String {
    let text = if n.fract().abs() < 0.05 {
        format!("{n:.0}")
    } else {
        format!("{n:.1}")
    };
    match locale {
        Locale::En => text,
        _ => text.replace('.', ","),
    }
}

/// A figure in words.
pub fn shown_text(locale: Locale, measure: &Measure, shown: Shown) -> String {
    let n = match shown {
        Shown::Number(n) => n,
        Shown::FewerThanFive => return locale.t("report.fewer_than_five"),
        Shown::Hidden => return locale.t("report.hidden"),
        Shown::Empty => return "—".to_string(),
    };
    match measure {
        Measure::Count => decimal(locale, n),
        Measure::Hours => locale.tv("report.hours_value", &[("n", &decimal(locale, n))]),
        Measure::Percent => locale.tv("report.percent_value", &[("n", &decimal(locale, n))]),
        Measure::Quantity(unit) => {
            let whole = n as i64;
            locale.plural(&format!("count.{unit}"), whole, &[("n", &whole)])
        }
    }
}
