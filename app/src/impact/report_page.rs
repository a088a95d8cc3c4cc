//! The impact report's pages: `/staff/report` (staff: the whole centre, a workshop or a
//! project, full or shareable, with its downloads) and `/partner/report` (a partner: the
//! shareable report of their projects). Figures in tables first, then the charts; prints on
//! A4.

use leptos::prelude::*;

use super::{
    Figure, Offered, Report, ReportAsk, ReportPage, Section, chart::section_chart, partner_report,
    staff_report, views::shown_text,
};
use crate::{
    i18n::{Locale, use_locale},
    ui::{ErrorView, PageTitle, notice::query, print::PrintButton},
};

fn ask() -> ReportAsk {
    let get = |name: &str| query(name).unwrap_or_default();
    ReportAsk {
        period: get("period"),
        from: get("from"),
        to: get("to"),
        workshop: get("workshop"),
        project: get("project"),
        share: get("share"),
    }
}

fn options(list: &[Offered], chosen: &str) -> impl IntoView + use<> {
    list.iter()
        .map(|o| {
            let selected = o.value == chosen;
            view! { <option value=o.value.clone() selected=selected>{o.label.clone()}</option> }
        })
        .collect_view()
}

/// The GET form that chooses the report.
fn choose_form(
    locale: Locale,
    page: &ReportPage,
    ask: &ReportAsk,
    staff: bool,
) -> impl IntoView + use<> {
    let action = if staff {
        "/staff/report"
    } else {
        "/partner/report"
    };
    let dates = ask.period == "dates";
    let workshops = staff.then(|| {
        view! {
            <label for="workshop">{locale.t("report.field_workshop")}</label>
            <select id="workshop" name="workshop">
                <option value="">{locale.t("report.all_workshops")}</option>
                {options(&page.workshops, &ask.workshop)}
            </select>
        }
    });
    let share = staff.then(|| {
        view! {
            <div class="choice">
                <input type="checkbox" id="share" name="share" value="1" checked=ask.share == "1" />
                <label for="share">{locale.t("report.field_share")}</label>
            </div>
        }
    });
    view! {
        <form method="get" action=action class="form card-box no-print" id="choose">
            <label for="period">{locale.t("report.field_period")}</label>
            <select id="period" name="period">
                {options(&page.periods, &ask.period)}
                <option value="dates" selected=dates>{locale.t("report.two_dates")}</option>
            </select>
            <fieldset class="dates">
                <legend>{locale.t("report.two_dates_legend")}</legend>
                <label for="from">{locale.t("report.field_from")}</label>
                <input id="from" name="from" type="date" value=ask.from.clone() />
                <label for="to">{locale.t("report.field_to")}</label>
                <input id="to" name="to" type="date" value=ask.to.clone() />
            </fieldset>
            {workshops}
            <label for="project">{locale.t("report.field_project")}</label>
            <select id="project" name="project">
                <option value="">{locale.t("report.all_projects")}</option>
                {options(&page.projects, &ask.project)}
            </select>
            {share}
            <button type="submit" class="button button-primary">{locale.t("report.show")}</button>
        </form>
    }
}

fn figure_row(locale: Locale, figure: &Figure) -> impl IntoView + use<> {
    view! {
        <tr id=format!("f-{}", figure.id)>
            <th scope="row">{figure.label.clone()}</th>
            <td>{shown_text(locale, &figure.measure, figure.now)}</td>
            <td>{shown_text(locale, &figure.measure, figure.before)}</td>
        </tr>
    }
}

/// "After the workshop …: 6 of the 9 participants", for each outcome linked to a cycle.
fn cycle_sentences(locale: Locale, section: &Section) -> impl IntoView + use<> {
    let items = section
        .figures
        .iter()
        .filter_map(|f| {
            let whole = section
                .figures
                .iter()
                .find(|w| Some(&w.id) == f.whole.as_ref())?;
            Some(view! {
                <li>
                    {locale.tv(
                        "report.cycle_sentence",
                        &[
                            ("label", &f.label),
                            ("n", &shown_text(locale, &f.measure, f.now)),
                            ("of", &shown_text(locale, &whole.measure, whole.now)),
                        ],
                    )}
                </li>
            })
        })
        .collect_view();
    view! { <ul>{items}</ul> }
}

fn section_view(locale: Locale, report: &Report, section: &Section) -> impl IntoView + use<> {
    let heading = format!("s-{}", section.id);
    let body = if section.figures.is_empty() {
        view! { <p>{locale.t(&format!("report.empty.{}", section.id))}</p> }.into_any()
    } else {
        let rows = section
            .figures
            .iter()
            .map(|f| figure_row(locale, f))
            .collect_view();
        let sentences = (section.id == "cycles").then(|| cycle_sentences(locale, section));
        view! {
            {sentences}
            <table class="table report-table">
                <thead>
                    <tr>
                        <th scope="col">{locale.t("report.figure")}</th>
                        <th scope="col">{report.period.clone()}</th>
                        <th scope="col">{report.previous.clone()}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            {section_chart(locale, section)}
        }
        .into_any()
    };
    view! {
        <section class="report-section" id=section.id.clone() aria-labelledby=heading.clone()>
            <h2 id=heading.clone()>{section.title.clone()}</h2>
            {body}
        </section>
    }
}

fn downloads(locale: Locale, report: &Report) -> impl IntoView + use<> {
    let q = &report.query;
    let people = (!report.shareable).then(|| {
        view! {
            <li>
                <a href=format!("/staff/report/participants.csv?{q}") download="">{locale.t("report.download_people")}</a>
                " " <span class="hint">{locale.t("report.download_people_hint")}</span>
            </li>
        }
    });
    view! {
        <ul class="no-print downloads">
            <li><a href=format!("/staff/report.xlsx?{q}") download="">{locale.t("report.download_xlsx")}</a></li>
            <li><a href=format!("/staff/report.csv?{q}") download="">{locale.t("report.download_csv")}</a></li>
            {people}
        </ul>
    }
}

fn report_view(locale: Locale, report: &Report, staff: bool) -> impl IntoView + use<> {
    let title = match &report.scope {
        Some(scope) => locale.tv(
            "report.heading_of",
            &[("period", &report.period), ("scope", scope)],
        ),
        None => locale.tv("report.heading", &[("period", &report.period)]),
    };
    let sections = report
        .sections
        .iter()
        .map(|s| section_view(locale, report, s))
        .collect_view();
    view! {
        <h2 class="report-heading">{title}</h2>
        <p>{report.centre.clone()} " — " {locale.tv("report.compared", &[("previous", &report.previous)])}</p>
        {report.shareable.then(|| view! { <p class="card-box report-note">{locale.t("report.shareable_note")}</p> })}
        <PrintButton label=locale.t("report.print") />
        {staff.then(|| downloads(locale, report))}
        {sections}
    }
}

fn report_page(staff: bool) -> impl IntoView {
    let locale = use_locale();
    let asked = ask();
    let data = Resource::new_blocking(
        move || asked.clone(),
        move |ask| async move {
            if staff {
                staff_report(ask).await
            } else {
                partner_report(ask).await
            }
        },
    );
    view! {
        <PageTitle text=locale.t("nav.report") />
        <h1>
            <span class="picto" aria-hidden="true">"📊"</span>
            {locale.t("nav.report")}
        </h1>
        <p class="lead no-print">{locale.t(if staff { "report.intro" } else { "report.intro_partner" })}</p>
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => {
                        let ask = ask();
                        let answer = match &page.answer {
                            Ok(report) => report_view(locale, report, staff).into_any(),
                            Err(code) => view! {
                                <p class="notice notice-error" role="alert">{locale.t(&format!("error.{code}"))}</p>
                            }
                            .into_any(),
                        };
                        view! {
                            {choose_form(locale, &page, &ask, staff)}
                            {answer}
                        }
                        .into_any()
                    }
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// /staff/report
#[component]
pub fn StaffReportPage() -> impl IntoView {
    report_page(true)
}

/// /partner/report
#[component]
pub fn PartnerReportPage() -> impl IntoView {
    report_page(false)
}
