//! Progress pictures drawn on the server: a bar for how far a goal is, and a column chart of
//! the confirmed total month by month against the target. Both are plain SVG (no script, no
//! inline style, which the Content-Security-Policy forbids) hidden from screen readers, with
//! the same figures in text beside them.

use leptos::prelude::*;

use super::{Goal, Unit};
use crate::i18n::{Locale, use_locale};

/// The chart's drawing box.
const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 120.0;

/// A column of the chart, in the drawing box's units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Column {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// The columns for `values`, side by side, scaled so that the larger of the target and the
/// highest value fills the height; and the height of the target line.
pub fn columns(values: &[i64], target: i64) -> (Vec<Column>, f64) {
    let top = values.iter().copied().chain([target, 1]).max().unwrap_or(1) as f64;
    let slot = WIDTH / values.len().max(1) as f64;
    let scale = |n: i64| (n.max(0) as f64) / top * HEIGHT;
    let columns = values
        .iter()
        .enumerate()
        .map(|(i, &n)| Column {
            x: i as f64 * slot + slot * 0.15,
            y: HEIGHT - scale(n),
            width: slot * 0.7,
            height: scale(n),
        })
        .collect();
    (columns, HEIGHT - scale(target))
}

/// A quantity with its unit, in words: "23 pièces", "1 pièce".
pub fn quantity(locale: Locale, n: i64, unit: Unit) -> String {
    locale.plural(&format!("count.{}", unit.key()), n, &[("n", &n)])
}

/// A bar filled to `percent`, for the eye only.
#[component]
pub fn ProgressBar(percent: i64) -> impl IntoView {
    view! {
        <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"
            focusable="false">
            <rect class="bar-track" x="0" y="0" width="100" height="10" />
            <rect class="bar-fill" x="0" y="0" width=percent.clamp(0, 100).to_string() height="10" />
        </svg>
    }
}

/// A goal: its figures in words, its bar, and (with `chart`) its history month by month.
#[component]
pub fn GoalProgress(goal: Goal, #[prop(optional)] chart: bool) -> impl IntoView {
    let locale = use_locale();
    let figures = locale.tv(
        "project.goal_progress",
        &[
            ("done", &quantity(locale, goal.done, goal.unit)),
            ("target", &goal.target),
            ("percent", &goal.percent()),
            ("due", &goal.due),
        ],
    );
    let history = (chart && !goal.history.is_empty()).then(|| {
        let values: Vec<i64> = goal.history.iter().map(|(_, n)| *n).collect();
        let (columns, target_y) = columns(&values, goal.target);
        let rects = columns
            .into_iter()
            .map(|c| {
                view! {
                    <rect class="chart-column" x=format!("{:.1}", c.x) y=format!("{:.1}", c.y)
                        width=format!("{:.1}", c.width) height=format!("{:.1}", c.height) />
                }
            })
            .collect_view();
        let words = goal
            .history
            .iter()
            .map(|(month, n)| format!("{month} : {}", quantity(locale, *n, goal.unit)))
            .collect::<Vec<_>>()
            .join(" · ");
        view! {
            <figure class="chart">
                <svg class="chart-svg" viewBox=format!("0 0 {WIDTH} {HEIGHT}") aria-hidden="true"
                    focusable="false">
                    {rects}
                    <line class="chart-target" x1="0" x2=WIDTH.to_string()
                        y1=format!("{target_y:.1}") y2=format!("{target_y:.1}") />
                </svg>
                <figcaption>
                    {locale.tv("project.chart_caption", &[("target", &quantity(locale, goal.target, goal.unit))])}
                    " " {words}
                </figcaption>
            </figure>
        }
    });
    view! {
        <div class="goal">
            <h3 class="goal-label">{goal.label.clone()}</h3>
            <p class="goal-figures">{figures}</p>
            <ProgressBar percent=goal.percent() />
            {history}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fill_the_height_at_the_larger_of_target_and_values() {
        let (cols, target_y) = columns(&[15, 30], 60);
        assert_eq!(cols.len(), 2);
        assert_eq!(target_y, 0.0);
        assert_eq!(cols[1].height, HEIGHT / 2.0);
        assert_eq!(cols[0].y + cols[0].height, HEIGHT);
        assert!(cols[1].x > cols[0].x + cols[0].width);
        let (over, target_y) = columns(&[120], 60);
        assert_eq!(over[0].height, HEIGHT);
        assert_eq!(target_y, HEIGHT / 2.0);
    }

    #[test]
    fn nothing_done_draws_flat_columns() {
        let (cols, _) = columns(&[0, 0], 10);
        assert!(cols.iter().all(|c| c.height == 0.0));
    }
}
