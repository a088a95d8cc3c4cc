//! The page shell: the HTML document, the router, and the layout every page shares (skip
//! link, navigation by role, language switch, messages carried back from forms).

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

use crate::{
    audit::page::AuditPage,
    auth::pages::LoginPage,
    confirm::page::ConfirmPage,
    home::HomePage,
    impact::report_page::{PartnerReportPage, StaffReportPage},
    outcomes::{catalogue_page::OutcomesCataloguePage, record_page::ParticipantOutcomesPage},
    people::{
        account_page::{AccountPage, ResetPage},
        accounts_page::AccountsPage,
        card_page::{CardPage, CardSheetPage},
        centre_page::CentrePage,
        participants_page::{ParticipantPage, ParticipantsPage},
    },
    privacy::{
        consents_page::MyConsentsPage,
        erasures_page::ErasuresPage,
        page::{MyDataPage, ParticipantDataPage},
        retention_page::RetentionPage,
    },
    projects::{
        attestation_page::{AttestationMadePage, CheckPage},
        journey_page::{AttestationPage, JourneyPage},
        page::{ProjectPage, ProjectsPage},
        partner_page::{PartnerProjectPage, PartnerProjectsPage, PublicProjectPage},
        skills_page::SkillsPage,
        staff_page::{StaffProjectPage, StaffProjectsPage},
    },
    themes::{
        archive_page::ThemeArchivePage,
        moderation_page::{MergePage, ModerationPage},
        page::ThemesPage,
    },
    ui::{Denied, ErrorView, Layout},
    votes::{
        page::VotePage,
        staff_page::{RoundPage, RoundsPage},
    },
    workshops::{
        agenda_page::{AgendaPage, ProgrammePage},
        attendance_page::{AttendancePage, PaperSheetPage},
        page::{WorkshopPage, WorkshopsPage},
        people_page::{WorkshopHistoryPage, WorkshopPersonPage},
        rooms_page::RoomsPage,
        staff_page::{StaffWorkshopPage, StaffWorkshopsPage},
    },
};

/// The whole HTML document. Server only: nothing is hydrated in the browser.
#[cfg(feature = "ssr")]
pub fn shell(options: LeptosOptions) -> impl IntoView {
    use leptos_meta::{HashedStylesheet, MetaTags};
    let info = crate::request::request_info();
    // The nonce the Content-Security-Policy allows, before any script is written.
    provide_context(leptos::nonce::Nonce::from_value(info.nonce.clone()));
    // Nothing hydrates: every page is complete as sent and loads no WebAssembly, so no
    // page data is serialized into it.
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    provide_context(info.locale);
    provide_context(crate::ui::CurrentViewer(info.viewer.clone()));
    provide_context(crate::ui::SessionEnded(info.session_ended));
    provide_context(Denied(info.denied));
    view! {
        <!DOCTYPE html>
        <html lang=info.locale.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <HashedStylesheet options=options.clone() />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Every page of Trame. Routes render fully on the server before sending (`Async`), so
/// pages are complete with JavaScript off.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let denied = use_context::<Denied>().is_some_and(|denied| denied.0);
    view! {
        <Router>
            <Layout>
                <Show
                    when=move || !denied
                    fallback=|| view! { <ErrorView error=crate::error::AppError::Forbidden /> }
                >
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async />
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async />
                    <Route path=path!("/account/data") view=MyDataPage ssr=SsrMode::Async />
                    <Route path=path!("/account/consents") view=MyConsentsPage ssr=SsrMode::Async />
                    <Route path=path!("/reset/:token") view=ResetPage ssr=SsrMode::Async />
                    <Route path=path!("/attestations/:code") view=AttestationMadePage ssr=SsrMode::Async />
                    <Route path=path!("/check") view=CheckPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/centre") view=CentrePage ssr=SsrMode::Async />
                    <Route path=path!("/admin/erasures") view=ErasuresPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/retention") view=RetentionPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/cards") view=CardSheetPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/staff/participants")
                        view=ParticipantsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/participants/:id")
                        view=ParticipantPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/participants/:id/data")
                        view=ParticipantDataPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/participants/:id/card")
                        view=CardPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/confirm/:kind/:id")
                        view=ConfirmPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/themes") view=ThemesPage ssr=SsrMode::Async />
                    <Route path=path!("/themes/archive") view=ThemeArchivePage ssr=SsrMode::Async />
                    <Route path=path!("/staff/themes") view=ModerationPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/themes/:id/join") view=MergePage ssr=SsrMode::Async />
                    <Route path=path!("/votes/:id") view=VotePage ssr=SsrMode::Async />
                    <Route path=path!("/staff/votes") view=RoundsPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/votes/:id") view=RoundPage ssr=SsrMode::Async />
                    <Route path=path!("/workshops") view=WorkshopsPage ssr=SsrMode::Async />
                    <Route path=path!("/workshops/:id") view=WorkshopPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/staff/workshops")
                        view=StaffWorkshopsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/workshops/:id")
                        view=StaffWorkshopPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/workshops/:id/history")
                        view=WorkshopHistoryPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/workshops/:id/people/:user")
                        view=WorkshopPersonPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/sessions/:id/attendance")
                        view=AttendancePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/sessions/:id/sheet")
                        view=PaperSheetPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/agenda") view=AgendaPage ssr=SsrMode::Async />
                    <Route path=path!("/programme") view=ProgrammePage ssr=SsrMode::Async />
                    <Route path=path!("/projects") view=ProjectsPage ssr=SsrMode::Async />
                    <Route path=path!("/projects/:id") view=ProjectPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/staff/projects")
                        view=StaffProjectsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/projects/:id")
                        view=StaffProjectPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/journey") view=JourneyPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/journey/attestation")
                        view=AttestationPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/participants/:id/journey")
                        view=JourneyPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/participants/:id/attestation")
                        view=AttestationPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/staff/participants/:id/outcomes")
                        view=ParticipantOutcomesPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/partner") view=PartnerProjectsPage ssr=SsrMode::Async />
                    <Route path=path!("/partner/report") view=PartnerReportPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/report") view=StaffReportPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/partner/projects/:id")
                        view=PartnerProjectPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/public/projects/:id")
                        view=PublicProjectPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/admin/skills") view=SkillsPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/outcomes") view=OutcomesCataloguePage ssr=SsrMode::Async />
                    <Route path=path!("/admin/rooms") view=RoomsPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/accounts") view=AccountsPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/audit") view=AuditPage ssr=SsrMode::Async />
                </Routes>
                </Show>
            </Layout>
        </Router>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! { <ErrorView error=crate::error::AppError::NotFound /> }
}
