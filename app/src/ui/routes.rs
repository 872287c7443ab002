//! The route table and the application frame.

use leptos::prelude::*;
use leptos_meta::{Stylesheet, Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

use super::{
    SessionCtx,
    components::layout::Layout,
    initial_locale,
    pages::{
        account::{AccountPage, PasswordPage},
        admin::{
            audit::AdminAuditPage, org::AdminOrgPage, user_edit::AdminUserPage,
            users::AdminUsersPage,
        },
        curriculum::{
            author::CurriculumNewPage,
            dashboard::{RecordPage, TrainingPage},
            editor::{ModuleEditPage, ModuleNewPage},
            module::{CurriculumPage, ModulePage},
            progress::ProgressPage,
            translate::TranslatePage,
        },
        exercises::{
            blackouts::BlackoutsPage,
            detail::ExerciseDetailPage,
            edit::{ExerciseEditPage, ExerciseNewPage},
            list::ExercisesPage,
            mine::MyExercisesPage,
            month::ExercisesMonthPage,
            schedule::SchedulePage,
            timeline::TimelinePage,
        },
        home::HomePage,
        login::LoginPage,
        mentoring::{mine::MentoringPage, run::MentoringRunPage, runs::MentoringRunsPage},
        not_found::NotFoundPage,
        readiness::{
            dashboard::ReadinessPage, person::ReadinessPersonPage, settings::ReadinessSettingsPage,
            unit::ReadinessUnitPage,
        },
    },
};
use crate::{api::auth::current_user, i18n::I18n};

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let i18n = I18n::new(initial_locale());
    provide_context(i18n);
    provide_context(SessionCtx(Resource::new(|| (), |_| current_user())));

    view! {
        <Stylesheet id="leptos" href="/pkg/muster.css"/>
        <Title text=i18n.t("app-title")/>
        <Router>
            <Layout>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async/>
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async/>
                    <Route path=path!("/account/password") view=PasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin") view=AdminOrgPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/users") view=AdminUsersPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/users/:id") view=AdminUserPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/audit") view=AdminAuditPage ssr=SsrMode::Async/>
                    <Route path=path!("/training") view=TrainingPage ssr=SsrMode::Async/>
                    <Route path=path!("/training/record") view=RecordPage ssr=SsrMode::Async/>
                    <Route path=path!("/training/progress") view=ProgressPage ssr=SsrMode::Async/>
                    <Route path=path!("/training/curricula/new") view=CurriculumNewPage ssr=SsrMode::Async/>
                    <Route path=path!("/training/curricula/:id") view=CurriculumPage ssr=SsrMode::Async/>
                    <Route path=path!("/training/curricula/:id/modules/new") view=ModuleNewPage ssr=SsrMode::Async/>
                    <Route path=path!("/training/modules/:id") view=ModulePage ssr=SsrMode::Async/>
                    <Route path=path!("/training/modules/:id/edit") view=ModuleEditPage ssr=SsrMode::Async/>
                    <Route path=path!("/mentoring") view=MentoringPage ssr=SsrMode::Async/>
                    <Route path=path!("/mentoring/runs") view=MentoringRunsPage ssr=SsrMode::Async/>
                    <Route path=path!("/mentoring/runs/:id") view=MentoringRunPage ssr=SsrMode::Async/>
                    <Route path=path!("/exercises") view=ExercisesPage ssr=SsrMode::Async/>
                    <Route path=path!("/exercises/month") view=ExercisesMonthPage ssr=SsrMode::Async/>
                    <Route path=path!("/exercises/mine") view=MyExercisesPage ssr=SsrMode::Async/>
                    <Route path=path!("/exercises/timeline") view=TimelinePage ssr=SsrMode::Async/>
                    <Route path=path!("/exercises/new") view=ExerciseNewPage ssr=SsrMode::Async/>
                    <Route path=path!("/exercises/schedule") view=SchedulePage ssr=SsrMode::Async/>
                    <Route path=path!("/exercises/blackouts") view=BlackoutsPage ssr=SsrMode::Async/>
                    <Route path=path!("/exercises/:id") view=ExerciseDetailPage ssr=SsrMode::Async/>
                    <Route path=path!("/exercises/:id/edit") view=ExerciseEditPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/readiness") view=ReadinessSettingsPage ssr=SsrMode::Async/>
                    <Route path=path!("/readiness") view=ReadinessPage ssr=SsrMode::Async/>
                    <Route path=path!("/readiness/units/:id") view=ReadinessUnitPage ssr=SsrMode::Async/>
                    <Route path=path!("/readiness/people/:id") view=ReadinessPersonPage ssr=SsrMode::Async/>
                    <Route path=path!("/training/translate/:id") view=TranslatePage ssr=SsrMode::Async/>
                </Routes>
            </Layout>
        </Router>
    }
}
