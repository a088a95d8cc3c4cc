//! A session's attendance sheet, to fill in seconds on a tablet (everyone present in one tap,
//! then the exceptions), its paper version, and the feedback participants gave.

use leptos::prelude::*;

use crate::ui::PageTitle;

use super::{FEEDBACK_FACES, Sheet, SheetLine, attendance_sheet};
use crate::{
    i18n::{Locale, use_locale},
    ui::{ErrorView, id_param, notice::Notice, print::PrintButton},
};

const MARKS: [&str; 3] = ["present", "excused", "absent"];

/// One person's line: three large choices.
fn sheet_line(locale: Locale, line: &SheetLine) -> impl IntoView + use<> {
    let user = line.user_id;
    let choices = MARKS
        .into_iter()
        .map(|mark| {
            let id = format!("mark-{user}-{mark}");
            let checked = line.mark == mark || (line.mark.is_empty() && line.away && mark == "excused");
            view! {
                <div class=format!("mark mark-{mark}")>
                    <input type="radio" name=format!("mark_{user}") value=mark id=id.clone() checked=checked />
                    <label for=id>{locale.t(&format!("attendance.{mark}"))}</label>
                </div>
            }
        })
        .collect_view();
    let away = line
        .away
        .then(|| view! { <span class="hint">" " {locale.t("attendance.said_away")}</span> });
    view! {
        <fieldset class="sheet-line">
            <legend>{line.name.clone()} {away}</legend>
            {choices}
        </fieldset>
    }
}

fn feedback_section(locale: Locale, sheet: &Sheet) -> impl IntoView + use<> {
    let counts = FEEDBACK_FACES
        .iter()
        .enumerate()
        .rev()
        .map(|(face, symbol)| {
            view! {
                <li>
                    <span aria-hidden="true">{*symbol}</span> " "
                    {locale.t(&format!("feedback.face_{face}"))} " : " {sheet.faces[face]}
                </li>
            }
        })
        .collect_view();
    let comments = sheet
        .feedback
        .iter()
        .map(|f| {
            let face = f.face.min(2) as usize;
            let by = f.signed.clone().unwrap_or_else(|| locale.t("feedback.anonymous_author"));
            view! {
                <li class="card-box">
                    <p>
                        <span aria-hidden="true">{FEEDBACK_FACES[face]}</span> " "
                        <span class="visually-hidden">{locale.t(&format!("feedback.face_{face}"))} " : "</span>
                        {f.comment.clone()}
                    </p>
                    <p class="hint">{by}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="feedback-heading">
            <h2 id="feedback-heading">{locale.t("feedback.title")}</h2>
            <ul class="face-counts">{counts}</ul>
            <ul class="theme-list">{comments}</ul>
        </section>
    }
}

#[component]
pub fn AttendancePage() -> impl IntoView {
    let locale = use_locale();
    let sheet = Resource::new_blocking(id_param, |id| async move { attendance_sheet(id?).await });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match sheet.await {
                    Ok(sheet) => {
                        let id = sheet.session.id;
                        let lines = sheet.lines.iter().map(|l| sheet_line(locale, l)).collect_view();
                        let title = locale.t("attendance.title");
                        let form = if sheet.session.cancelled.is_some() {
                            view! { <p class="notice notice-info">{locale.t("session.cancelled")}</p> }.into_any()
                        } else if !sheet.session.past {
                            view! {
                                <p class="notice notice-info">
                                    {locale.tv("attendance.not_started", &[("when", &sheet.session.when)])}
                                </p>
                            }
                            .into_any()
                        } else if sheet.lines.is_empty() {
                            view! { <p>{locale.t("attendance.nobody")}</p> }.into_any()
                        } else {
                            view! {
                                <form method="post" novalidate=true action=format!("/staff/sessions/{id}/attendance") class="form">
                                    <button type="submit" name="all" value="present" class="button button-primary">
                                        <span class="picto" aria-hidden="true">"✅"</span>
                                        {locale.t("attendance.all_present")}
                                    </button>
                                    {lines}
                                    <button type="submit" class="button button-primary">{locale.t("attendance.save")}</button>
                                </form>
                            }
                            .into_any()
                        };
                        view! {
                            <PageTitle text=format!("{title} — {}", sheet.session.workshop) />
                            <h1>{title} " — " {sheet.session.workshop.clone()}</h1>
                            <p><strong>{sheet.session.when.clone()}</strong></p>
                            <p>{locale.tv("workshop.with", &[("names", &sheet.facilitators.join(" & "))])}</p>
                            <Notice />
                            {form}
                            <p class="actions">
                                <a class="button" href=format!("/staff/sessions/{id}/sheet")>
                                    <span class="picto" aria-hidden="true">"🖨️"</span>
                                    {locale.t("attendance.paper")}
                                </a>
                                " "
                                <a href=format!("/staff/workshops/{}", sheet.session.workshop_id)>{locale.t("attendance.back")}</a>
                            </p>
                            {feedback_section(locale, &sheet)}
                        }
                        .into_any()
                    }
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The paper sheet: names and boxes to tick, and a column to sign.
#[component]
pub fn PaperSheetPage() -> impl IntoView {
    let locale = use_locale();
    let sheet = Resource::new_blocking(id_param, |id| async move { attendance_sheet(id?).await });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match sheet.await {
                    Ok(sheet) => {
                        let rows = sheet
                            .lines
                            .iter()
                            .map(|line| {
                                let boxes = MARKS
                                    .into_iter()
                                    .map(|_| view! { <td class="box" aria-hidden="true">"☐"</td> })
                                    .collect_view();
                                view! {
                                    <tr>
                                        <th scope="row">{line.name.clone()}</th>
                                        {boxes}
                                        <td class="signature"></td>
                                    </tr>
                                }
                            })
                            .collect_view();
                        // A blank line for each free place: someone who comes writes their name.
                        let spare = (0..sheet.free)
                            .map(|_| view! { <tr><td></td><td></td><td></td><td></td><td></td></tr> })
                            .collect_view();
                        let heads = MARKS
                            .into_iter()
                            .map(|mark| view! { <th scope="col">{locale.t(&format!("attendance.{mark}"))}</th> })
                            .collect_view();
                        view! {
                            <PageTitle text=format!("{} — {}", locale.t("attendance.paper"), sheet.session.workshop) />
                            <div class="printable">
                                <h1>{sheet.session.workshop.clone()}</h1>
                                <p class="print-when">
                                    <strong>{sheet.day.clone()}</strong>
                                    {sheet.session.room.clone().map(|room| format!(" · {room}"))}
                                </p>
                                <p>{locale.tv("workshop.with", &[("names", &sheet.facilitators.join(" & "))])}</p>
                                <table class="table print-table">
                                    <thead>
                                        <tr>
                                            <th scope="col">{locale.t("role.participant")}</th>
                                            {heads}
                                            <th scope="col">{locale.t("attendance.signature")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>{rows} {spare}</tbody>
                                </table>
                                <div class="no-print actions">
                                    <PrintButton label=locale.t("card.print") />
                                </div>
                            </div>
                        }
                        .into_any()
                    }
                    Err(error) => view! { <ErrorView error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
