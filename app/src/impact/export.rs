//! The report's downloads, for staff: a spreadsheet (one sheet per section, numbers as
//! numbers and days as dates), a CSV file, and the per-participant list (names: never in
//! the shareable version; each download audited).

use std::collections::BTreeMap;

use axum::{
    extract::{Query, State, rejection::QueryRejection},
    response::Response,
};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use super::{
    Measure, Report, ReportAsk, Shown,
    db::{self, people},
    request::{self, Asked},
    views::{decimal, shown_text},
};
use crate::{
    csv::{cell, document, separator},
    error::AppError,
    guard::Staff,
    i18n::Locale,
    reply::{Ctx, attachment},
    state::AppState,
    when::today,
};

/// The request `ask` makes, checked like the page's: a period that is none is a 400 with
/// its message; a workshop or project that does not exist, a 404.
async fn checked(
    state: &AppState,
    ask: Result<Query<ReportAsk>, QueryRejection>,
) -> Result<Asked, AppError> {
    let Ok(Query(ask)) = ask else {
        return Err(AppError::Invalid("malformed".into()));
    };
    let workshops = db::workshop_titles(state.db.read()).await?;
    let projects = db::project_titles(state.db.read(), None).await?;
    let today = today(state.settings.time_zone);
    request::check(&ask, &workshops, &projects, None, today)?
        .map_err(|problem| AppError::Invalid(problem.code().to_string()))
}

/// What a measure is counted in, for the files' unit column.
fn unit_of(locale: Locale, measure: &Measure) -> String {
    match measure {
        Measure::Count => String::new(),
        Measure::Hours => locale.t("report.unit_hours"),
        Measure::Percent => "%".to_string(),
        Measure::Quantity(unit) => locale.t(&format!("unit.{unit}")),
    }
}

fn file_name(report: &Report, extension: &str) -> String {
    let shared = if report.shareable { "-shareable" } else { "" };
    format!(
        "trame-impact-{}-{}{shared}.{extension}",
        report.days.0, report.days.1
    )
}

/// A day (`YYYY-MM-DD`) for a spreadsheet.
fn excel_day(day: &str) -> Result<ExcelDateTime, XlsxError> {
    let part = |i: usize| {
        day.split('-')
            .nth(i)
            .and_then(|p| p.parse::<u16>().ok())
            .unwrap_or(1)
    };
    ExcelDateTime::from_ymd(part(0), part(1) as u8, part(2) as u8)
}

/// A sheet's name: at most 31 characters, none of `[ ] : * ? / \`.
fn sheet_name(title: &str) -> String {
    title
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect()
}

fn workbook(report: &Report, locale: Locale) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name(&locale.t("nav.report")))?;
    sheet.set_column_width(0, 34)?;
    sheet.set_column_width(1, 14)?;
    sheet.set_column_width(2, 14)?;
    sheet.write_string_with_format(0, 0, &report.centre, &bold)?;
    sheet.write_string(1, 0, report.scope.clone().unwrap_or_default())?;
    sheet.write_string(2, 0, locale.t("report.field_from"))?;
    sheet.write_string(2, 2, locale.t("report.field_to"))?;
    sheet.write_string(3, 0, &report.period)?;
    sheet.write_string(4, 0, &report.previous)?;
    let days = [
        (3, 1, &report.days.0),
        (3, 2, &report.days.1),
        (4, 1, &report.previous_days.0),
        (4, 2, &report.previous_days.1),
    ];
    for (row, col, day) in days {
        // A day a spreadsheet cannot hold as a date (before 1900) is written as text.
        match excel_day(day) {
            Ok(when) => sheet.write_datetime_with_format(row, col, when, &date)?,
            Err(_) => sheet.write_string(row, col, day.as_str())?,
        };
    }
    if report.shareable {
        sheet.write_string(6, 0, locale.t("report.shareable_note"))?;
    }
    for section in &report.sections {
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(&section.title))?;
        sheet.set_column_width(0, 48)?;
        sheet.set_column_width(1, 14)?;
        sheet.set_column_width(2, 18)?;
        sheet.set_column_width(3, 18)?;
        let header = [
            locale.t("report.figure"),
            locale.t("report.unit"),
            report.period.clone(),
            report.previous.clone(),
        ];
        for (col, text) in (0u16..).zip(header) {
            sheet.write_string_with_format(0, col, text, &bold)?;
        }
        for (row, figure) in (1u32..).zip(&section.figures) {
            sheet.write_string(row, 0, &figure.label)?;
            sheet.write_string(row, 1, unit_of(locale, &figure.measure))?;
            for (col, shown) in [(2u16, figure.now), (3, figure.before)] {
                match shown {
                    Shown::Number(n) => sheet.write_number(row, col, n)?,
                    other => {
                        sheet.write_string(row, col, shown_text(locale, &figure.measure, other))?
                    }
                };
            }
        }
    }
    book.save_to_buffer()
}

/// GET /staff/report.xlsx — the report as a spreadsheet.
pub async fn spreadsheet(
    State(state): State<AppState>,
    ctx: Ctx,
    _: Staff,
    ask: Result<Query<ReportAsk>, QueryRejection>,
) -> Response {
    let result = async {
        let checked = checked(&state, ask).await?;
        let locale = ctx.locale();
        let report = request::report(&state.db, &checked, locale, state.settings.time_zone).await?;
        let body = workbook(&report, locale).map_err(|error| {
            tracing::error!(%error, "spreadsheet");
            AppError::Internal
        })?;
        attachment(
            body,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            &file_name(&report, "xlsx"),
        )
    }
    .await;
    ctx.reply(result)
}

/// A figure for a CSV cell: a number in the separator's convention (a decimal comma with
/// `;`), or the words of a hidden one.
fn csv_value(locale: Locale, measure: &Measure, shown: Shown, sep: &str) -> String {
    match shown {
        Shown::Number(n) if sep == ";" => decimal(Locale::Fr, n),
        Shown::Number(n) => decimal(Locale::En, n),
        other => cell(&shown_text(locale, measure, other)),
    }
}

/// GET /staff/report.csv — the report as one CSV table.
pub async fn csv(
    State(state): State<AppState>,
    ctx: Ctx,
    _: Staff,
    ask: Result<Query<ReportAsk>, QueryRejection>,
) -> Response {
    let result = async {
        let checked = checked(&state, ask).await?;
        let locale = ctx.locale();
        let sep = separator(None, locale)?;
        let report = request::report(&state.db, &checked, locale, state.settings.time_zone).await?;
        let mut lines = vec![vec![
            cell(&locale.t("report.section_column")),
            cell(&locale.t("report.figure")),
            cell(&locale.t("report.unit")),
            cell(&format!(
                "{} ({} – {})",
                report.period, report.days.0, report.days.1
            )),
            cell(&format!(
                "{} ({} – {})",
                report.previous, report.previous_days.0, report.previous_days.1
            )),
        ]];
        for section in &report.sections {
            for figure in &section.figures {
                lines.push(vec![
                    cell(&section.title),
                    cell(&figure.label),
                    cell(&unit_of(locale, &figure.measure)),
                    csv_value(locale, &figure.measure, figure.now, sep),
                    csv_value(locale, &figure.measure, figure.before, sep),
                ]);
            }
        }
        attachment(
            document(&lines, sep),
            "text/csv; charset=utf-8",
            &file_name(&report, "csv"),
        )
    }
    .await;
    ctx.reply(result)
}

/// GET /staff/report/participants.csv — each participant active in the period, with their
/// sessions, contributions, hours and outcomes. Staff only, never shareable; audited.
pub async fn participants(
    State(state): State<AppState>,
    ctx: Ctx,
    Staff(viewer): Staff,
    ask: Result<Query<ReportAsk>, QueryRejection>,
) -> Response {
    let result = async {
        let checked = checked(&state, ask).await?;
        if checked.shareable {
            return Err(AppError::Invalid("report_no_names".into()));
        }
        let locale = ctx.locale();
        let sep = separator(None, locale)?;
        let scope = request::scope_of(&checked.period, &checked, state.settings.time_zone);
        let rows = people::activity(state.db.read(), &scope).await?;
        let mut outcomes: BTreeMap<i64, Vec<String>> = BTreeMap::new();
        for (user, name) in people::outcomes(state.db.read(), &scope, locale.code()).await? {
            outcomes.entry(user).or_default().push(name);
        }
        crate::audit::record(
            state.db.write(),
            viewer.id,
            "report.participants_download",
            None,
        )
        .await?;
        let mut lines = vec![
            [
                "report.person",
                "report.people_sessions",
                "report.people_contributions",
                "report.people_hours",
                "report.people_outcomes",
            ]
            .map(|key| cell(&locale.t(key)))
            .to_vec(),
        ];
        let hours_sep = if sep == ";" { Locale::Fr } else { Locale::En };
        for row in rows {
            lines.push(vec![
                cell(&row.name),
                row.sessions.to_string(),
                row.contributions.to_string(),
                decimal(hours_sep, row.minutes as f64 / 60.0),
                cell(&outcomes.remove(&row.id).unwrap_or_default().join(", ")),
            ]);
        }
        let name = format!("trame-participants-{}-{}.csv", scope.from_day, scope.to_day);
        attachment(document(&lines, sep), "text/csv; charset=utf-8", &name)
    }
    .await;
    ctx.reply(result)
}
