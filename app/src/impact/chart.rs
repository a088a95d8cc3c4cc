//! The report's pictures, drawn on the server: for a section, a bar for each count, this
//! period above the previous one. Plain SVG (no script, no inline style, as the
//! Content-Security-Policy wants), an image whose name says every figure, after the same
//! figures in the table.

use leptos::prelude::*;

use super::{Measure, Section, Shown, views::shown_text};
use crate::i18n::Locale;

// Each count takes a row: its label, then under it this period's bar with its value and the
// previous period's thinner bar, across the whole width (readable on a 360 px phone).
const WIDTH: f64 = 400.0;
const LABEL: f64 = 16.0;
const ROW: f64 = 48.0;
const BAR: f64 = 12.0;
/// Room kept right of the longest bar for its value.
const VALUE: f64 = 70.0;

/// The length of a bar for `shown` on a scale whose longest is `top`.
fn length(shown: Shown, top: f64) -> f64 {
    match shown {
        Shown::Number(n) if top > 0.0 => n.max(0.0) / top * (WIDTH - VALUE),
        _ => 0.0,
    }
}

/// A label cut to fit on its line.
fn short(label: &str) -> String {
    if label.chars().count() > 48 {
        format!("{}…", label.chars().take(47).collect::<String>())
    } else {
        label.to_string()
    }
}

/// The counts of `section` as bars; nothing when it has fewer than two.
pub fn section_chart(locale: Locale, section: &Section) -> Option<AnyView> {
    let counts: Vec<_> = section
        .figures
        .iter()
        .filter(|f| f.measure == Measure::Count)
        .collect();
    if counts.len() < 2 {
        return None;
    }
    let top = counts
        .iter()
        .flat_map(|f| [f.now, f.before])
        .filter_map(|s| match s {
            Shown::Number(n) => Some(n),
            _ => None,
        })
        .fold(0.0, f64::max);
    let name = counts
        .iter()
        .map(|f| {
            locale.tv(
                "report.chart_line",
                &[
                    ("label", &f.label),
                    ("now", &shown_text(locale, &f.measure, f.now)),
                    ("before", &shown_text(locale, &f.measure, f.before)),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(" ; ");
    let height = ROW * counts.len() as f64 + 4.0;
    let rows = counts
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let y = i as f64 * ROW + 2.0;
            let bar = y + LABEL + 4.0;
            let now = length(f.now, top);
            let before = length(f.before, top);
            let value = shown_text(locale, &f.measure, f.now);
            view! {
                <text class="chart-label" x="0" y=format!("{:.1}", y + LABEL - 3.0)>{short(&f.label)}</text>
                <rect class="chart-now" x="0" y=format!("{bar:.1}") width=format!("{now:.1}") height=BAR.to_string() />
                <rect class="chart-before" x="0" y=format!("{:.1}", bar + BAR + 2.0) width=format!("{before:.1}") height=(BAR / 2.0).to_string() />
                <text class="chart-value" x=format!("{:.1}", now + 6.0) y=format!("{:.1}", bar + BAR - 1.0)>{value}</text>
            }
        })
        .collect_view();
    Some(
        view! {
            <figure class="report-chart">
                <svg viewBox=format!("0 0 {WIDTH} {height:.0}") role="img" aria-label=name focusable="false">
                    {rows}
                </svg>
                <figcaption class="hint">{locale.t("report.chart_caption")}</figcaption>
            </figure>
        }
        .into_any(),
    )
}
